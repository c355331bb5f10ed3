"""Bytes to text: UTF-8 only, a byte order mark dropped, NUL and UTF-16 refused (FC007)."""

from __future__ import annotations

from validator.load.document import Refused, position
from validator.values.findings import Example, Rule

ENCODING = Rule(
    "FC007",
    "encoding",
    "The file is not UTF-8 text (another encoding, a NUL byte, a forbidden control character).",
    "Records are UTF-8 text. A UTF-8 byte order mark and CRLF line endings are fine; UTF-16, "
    "Latin-1 bytes, NUL bytes and control characters are not. The position of the first bad "
    "byte is reported.",
    Example(
        "claims/latin.yaml:2:8: FC007 byte 0xa3 is not valid UTF-8; save the file as UTF-8",
        files={"claims/latin.yaml": b"id: latin\nclaim: \xa34.8 million\n"},
    ),
)
RULES = (ENCODING,)


def decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Refused(ENCODING, 1, 1, "file is UTF-16", "save the file as UTF-8")
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise Refused(
            ENCODING, *position(raw, nul), "file contains a NUL byte", "save as UTF-8 text"
        )
    try:
        return raw.decode("utf-8-sig")  # a BOM is harmless: drop it
    except UnicodeDecodeError as error:
        raise Refused(
            ENCODING,
            *position(raw, error.start),
            f"byte 0x{raw[error.start]:02x} is not valid UTF-8",
            "save the file as UTF-8",
        ) from None
