"""Reading a record file's bytes: one lstat, one open, one bounded read (FC005, FC012)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from validator.load.document import Refused
from validator.values.findings import Example, Filler, Rule

MAX_BYTES = 1 << 20  # 1 MiB: a claim is a couple of KB; anything larger is a mistake or an attack

FILE_TOO_LARGE = Rule(
    "FC005",
    "file-too-large",
    "The file is over 1 MiB.",
    "A record is a few kilobytes. A file over 1 MiB (1,048,576 bytes) is not read at all, "
    "which keeps every run fast and bounded in memory.",
    Example(
        "claims/huge.yaml:1:1: FC005 file is 1,048,600 bytes, over the 1,048,576-byte limit; "
        "a claim or source record is a few kilobytes; split or trim the file",
        files={"claims/huge.yaml": Filler(1_048_600)},
    ),
)
UNREADABLE = Rule(
    "FC012",
    "unreadable-file",
    "The path is not a readable regular file inside the repository.",
    "A directory, a broken symbolic link, a link that leads outside the repository, a device "
    "or pipe, or a file without read permission. Links outside the repository are refused so "
    "that a pull request cannot make the validator read files elsewhere on the machine.",
    Example(
        "claims/folder.yaml:1:1: FC012 path is a directory; name a YAML file",
        files={"claims/folder.yaml/claim.txt": "not a record\n"},
    ),
    waivable=False,
)
RULES = (FILE_TOO_LARGE, UNREADABLE)


def read(path: str | Path, root: Path | None) -> bytes:
    """The file's bytes, or Refused: never more than MAX_BYTES + 1 read, never a blocking open."""
    name = os.fspath(path)
    try:
        st = os.lstat(name)
    except OSError as error:
        raise Refused(UNREADABLE, 1, 1, f"cannot read file: {error.strerror}") from None
    if stat.S_ISLNK(st.st_mode):
        st = _follow(Path(path), root)
    if not stat.S_ISREG(st.st_mode):
        # Opening a FIFO would block for ever; a directory cannot be read.
        kind = "a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise Refused(UNREADABLE, 1, 1, f"path is {kind}", "name a YAML file")
    if st.st_size > MAX_BYTES:
        raise Refused(
            FILE_TOO_LARGE,
            1,
            1,
            f"file is {st.st_size:,} bytes, over the {MAX_BYTES:,}-byte limit",
            "a claim or source record is a few kilobytes; split or trim the file",
        )
    raw = _read_bounded(name)
    if len(raw) > MAX_BYTES:  # grew between stat and read
        raise Refused(FILE_TOO_LARGE, 1, 1, f"file is over the {MAX_BYTES:,}-byte limit")
    return raw


def _read_bounded(name: str) -> bytes:
    try:
        # O_NONBLOCK: a pipe swapped in after the lstat still cannot make the read wait.
        fd = os.open(name, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError as error:
        raise Refused(UNREADABLE, 1, 1, f"cannot read file: {error.strerror}") from None
    try:
        chunks, remaining = [], MAX_BYTES + 1
        while remaining > 0:
            chunk = os.read(fd, remaining)
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise Refused(UNREADABLE, 1, 1, f"cannot read file: {error.strerror}") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _follow(path: Path, root: Path | None) -> os.stat_result:
    """A symbolic link is read only when it leads to a file inside the repository."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise Refused(
            UNREADABLE, 1, 1, "broken symbolic link", "point the link at a file or remove it"
        ) from None
    if root is not None and not target.is_relative_to(root.resolve()):
        raise Refused(
            UNREADABLE,
            1,
            1,
            f"symbolic link leads outside the repository, to {target}",
            "copy the file into the repository instead of linking to it",
        )
    return target.stat()
