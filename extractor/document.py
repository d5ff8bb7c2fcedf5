"""Source documents: text plus what is known about it, checked before any work is done."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from conflict_kg.errors import InputError

#: Share of control characters (other than tab and line breaks) above which input is binary.
_BINARY_SHARE = 0.01
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # not tab, line feed, form feed, return


@dataclass(frozen=True)
class SourceText:
    """A document to read: its text and optional metadata."""

    text: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    language: str = "en"
    name: str = field(default="<text>", compare=False)

    @property
    def identity(self) -> str:
        """What names the document across versions: its URL, else its file name, else its hash.

        A changed version of a document with the same identity replaces the old one's facts.
        """
        return self.url or (self.name if self.name != "<text>" else self.content_hash)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the UTF-8 text: the document's identity."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def check_text(text: str, max_bytes: int, name: str = "<text>") -> str:
    """The text, or a clear :class:`InputError` when it is empty, binary or too large."""
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > max_bytes:
        raise InputError(
            f"{name}: {size:,} bytes is over the limit of {max_bytes:,} bytes "
            f"(KG_MAX_DOCUMENT_BYTES)"
        )
    if not text.strip():
        raise InputError(f"{name}: the text is empty")
    controls = len(_CONTROLS.findall(text))
    if "\x00" in text or controls > _BINARY_SHARE * len(text):
        raise InputError(f"{name}: this looks like binary data, not text")
    return text


def decode(data: bytes, max_bytes: int, name: str = "<bytes>") -> str:
    """UTF-8 text from bytes (a BOM is dropped), refusing other encodings and binary data."""
    if len(data) > max_bytes:
        raise InputError(
            f"{name}: {len(data):,} bytes is over the limit of {max_bytes:,} bytes "
            f"(KG_MAX_DOCUMENT_BYTES)"
        )
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: this looks like binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{name}: not UTF-8 text (byte {e.start}: {data[e.start : e.start + 1]!r}); "
            f"convert it to UTF-8 first"
        ) from e
    return check_text(text, max_bytes, name)


def read_file(path: Path, max_bytes: int) -> SourceText:
    """A source document from a UTF-8 text file; the file name becomes its title."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{path}: {size:,} bytes is over the limit of {max_bytes:,} bytes "
                f"(KG_MAX_DOCUMENT_BYTES)"
            )
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read it ({e.strerror})") from e
    return SourceText(decode(data, max_bytes, str(path)), title=path.stem, name=path.name)
