"""Answers of read queries kept per graph version: a repeated request costs one version check
instead of a query, and any write through conflict-kg (a new version) retires every answer."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

Answer = tuple[list[str], list[dict[str, Any]]]
CacheKey = tuple[str, str, str]


class AnswerCache:
    """A thread-safe LRU of ``(columns, records)`` keyed by statement, parameters and version.

    Cached records are shared between requests: callers read them and never change them.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._answers: OrderedDict[CacheKey, Answer] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(text: str, params: Mapping[str, Any], version: str) -> CacheKey:
        """The cache key of a statement with its parameters at a graph version."""
        return text, json.dumps(params, sort_keys=True, default=str), version

    def get(self, key: CacheKey) -> Answer | None:
        """The kept answer, if any (and mark it recently used)."""
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def put(self, key: CacheKey, answer: Answer) -> None:
        """Keep an answer, dropping the least recently used beyond the size."""
        if self.size == 0:
            return
        with self._lock:
            self._answers[key] = answer
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)

    def clear(self) -> None:
        """Forget every answer."""
        with self._lock:
            self._answers.clear()
