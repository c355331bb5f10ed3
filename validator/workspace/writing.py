"""Writing files whole: a reader never sees half a file, and a new record never replaces one."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class Exists(FileExistsError):
    pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _device(path: Path) -> bool:
    """Whether `path` is a character device (/dev/null, /dev/stdout), written to as it is. A
    target that is not a regular file is never replaced by one: a folder, pipe or socket is
    refused, and a missing file (or a dangling link) is made."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    if stat.S_ISREG(mode):
        return False
    if stat.S_ISCHR(mode):
        return True
    raise IsADirectoryError(0, "not a regular file or a character device", os.fspath(path))


def write_atomic(path: Path, text: str, *, exclusive: bool = False) -> None:
    """Write `text` to a temporary file beside `path`, then move it into place.

    With `exclusive`, refuse (Exists) when `path` is already there, even if it appears between
    the check and the move: the file is linked into place, which fails on an existing name.
    """
    if not exclusive and _device(path):
        with open(path, "w", encoding="utf-8", newline="") as device:
            device.write(text)
        return
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=folder, delete=False, prefix=f".{path.name}.", newline=""
    ) as handle:
        handle.write(text)
    temporary = Path(handle.name)
    try:
        temporary.chmod(0o666 & ~_umask())  # as an ordinary new file, not tempfile's 0600
        if exclusive:
            try:
                os.link(temporary, path)
            except FileExistsError:
                raise Exists(path) from None
        else:
            temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
