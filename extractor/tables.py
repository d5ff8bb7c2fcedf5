"""Pipe tables in plain text (``A | B | C`` rows, an optional ``---|---`` rule), with the
character span of every cell so facts read from a row keep their provenance."""

from __future__ import annotations

import re
from dataclasses import dataclass

_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Cell:
    """One cell: its stripped text and character span in the document."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Row:
    """One table row and its span."""

    cells: tuple[Cell, ...]
    start: int
    end: int

    @property
    def text(self) -> str:
        return " | ".join(c.text for c in self.cells)


@dataclass(frozen=True)
class Table:
    """A header row and the rows under it."""

    header: Row
    rows: tuple[Row, ...]

    def column(self, *words: str) -> int | None:
        """Index of the first column whose header contains one of ``words`` (lower case)."""
        for i, cell in enumerate(self.header.cells):
            if any(w in cell.text.lower() for w in words):
                return i
        return None


def _cells(line: str, offset: int) -> tuple[Cell, ...]:
    cells = []
    pos = 0
    for part in line.split("|"):
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        cells.append(Cell(stripped, offset + pos + lead, offset + pos + lead + len(stripped)))
        pos += len(part) + 1
    while cells and not cells[-1].text:
        cells.pop()
    while cells and not cells[0].text:
        cells.pop(0)
    return tuple(cells)


def find_tables(text: str) -> list[Table]:
    """Every run of two or more consecutive lines with a ``|`` that forms a table."""
    tables: list[Table] = []
    block: list[Row] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if "|" in body and not _RULE.match(body):
            cells = _cells(body, offset)
            if len(cells) >= 2:
                block.append(Row(cells, offset, offset + len(body)))
            else:
                block = _close(block, tables)
        elif not _RULE.match(body) or not block:
            block = _close(block, tables)
        offset += len(line)
    _close(block, tables)
    return tables


def _close(block: list[Row], tables: list[Table]) -> list[Row]:
    if len(block) >= 2:
        tables.append(Table(block[0], tuple(block[1:])))
    return []
