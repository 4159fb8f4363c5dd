"""Low-level file safety: reading only regular files the user names (never a pipe or a device,
never without a size cap), read-only access that writes nothing beside the file, why a file
operation failed in words, and atomic writes of output files."""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import stat
import sys
import time
from pathlib import Path

from workshop_app.domain.errors import WorkshopError
from workshop_app.i18n import N_, _, format_number
from workshop_app.storage.locks import FileLock, holder_path, in_use_message, lock_info

__all__ = ["FileLock", "in_use_message", "lock_info"]  # the lock lives in storage.locks

#: The largest JSON file import reads, and the default cap for any other input.
MAX_INPUT_BYTES = 200 * 1024 * 1024
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_READ_FLAGS |= getattr(os, "O_BINARY", 0)
#: What ``open_regular`` calls an event file (its own words when it is missing: "no file").
WORKSHOP_FILE = N_("workshop file")

_REASONS = {
    errno.ENOENT: N_("there is no such file"),
    errno.ENOTDIR: N_("part of its path is not a folder"),
    errno.ELOOP: N_("its name leads round a loop of symbolic links"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EACCES: N_("you do not have permission"),
    errno.EPERM: N_("you do not have permission"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk is full (your quota is used up)"),
    errno.EFBIG: N_("the file would be larger than this disk or computer allows"),
    errno.EIO: N_("the disk could not be read or written (was a USB stick removed?)"),
    errno.EISDIR: N_("it is a folder"),
}


def reason(exc: OSError) -> str:
    """Why a file operation failed, in words for a person (no errno, no Python)."""
    known = _REASONS.get(exc.errno or 0)
    if known:
        return _(known)
    return exc.strerror.lower() if exc.strerror else _("the system refused")


def write_failure(exc: sqlite3.Error | OSError) -> str:
    """Why a write failed, in words for a person (``reason``, or SQLite's error in words)."""
    if isinstance(exc, OSError):
        return reason(exc)
    text = str(exc).lower()
    if "full" in text:
        return _("the disk is full")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return _("the file or its folder cannot be written to")
    if "i/o" in text:
        return _("the disk could not be written (was a USB stick removed?)")
    if "locked" in text or "busy" in text:
        return _("another program is holding the file")
    return str(exc)


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    return _("not an ordinary file")


def open_regular(path: Path, what: str, error: type[WorkshopError] = WorkshopError) -> int:
    """A descriptor open for reading on ``path``, refusing anything but a regular file before
    it is opened (a pipe would hang, a device never ends, some have side effects on open), and
    again after (non-blocking, in case it was swapped in between). Raises ``error``."""
    name = Path(path).name or str(path)
    try:
        kind = _kind(os.stat(path).st_mode)
        fd = os.open(path, _READ_FLAGS) if kind is None else -1
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            noun = _("file") if what == WORKSHOP_FILE else _(what)
            raise error(
                _("There is no {what} called “{name}” at {folder}.").format(
                    what=noun, name=name, folder=Path(path).parent
                )
            ) from None
        raise error(
            _("Cannot read the {what} “{name}”: {reason}.").format(
                what=_(what), name=name, reason=reason(exc)
            )
        ) from None
    if kind is None:
        kind = _kind(os.fstat(fd).st_mode)
        if kind is not None:
            os.close(fd)
    if kind is not None:
        raise error(
            _("“{name}” is {kind}, not a {what}.").format(name=name, kind=kind, what=_(what))
        )
    return fd


def read_input(path: Path, what: str = N_("file"), limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a file the user named (an import, a logo), at most ``limit`` of them, or a
    WorkshopError saying why not, in words: ``what`` names the file (``N_("JSON file")``,
    translated here)."""
    with os.fdopen(open_regular(Path(path), what), "rb") as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise WorkshopError(
                _("Cannot read the {what} “{name}”: {reason}.").format(
                    what=_(what), name=path, reason=reason(exc)
                )
            ) from None
    if len(data) > limit:
        raise WorkshopError(
            _("“{name}” is too large for a {what} (at most {size} MB).").format(
                name=Path(path).name, what=_(what), size=format_number(limit // 2**20)
            )
        )
    return data


def is_wal_file(path: Path) -> bool:
    """Whether the header of the workshop file at ``path`` says it is in WAL mode."""
    try:
        with os.fdopen(open_regular(path, WORKSHOP_FILE), "rb") as handle:
            return handle.read(20)[18:20] == b"\x02\x02"
    except (OSError, WorkshopError):
        return False


def side_files(path: Path) -> list[Path]:
    """The ``-wal`` and ``-shm`` SQLite keeps beside the file at ``path`` in WAL mode."""
    return [path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def readonly_uri(path: Path) -> str:
    """An SQLite URI that opens ``path`` read-only and writes nothing beside it (safe for any
    characters in the path). A WAL file that a writer has open (its ``-wal`` is there) is read
    through SQLite's shared index, so the reader sees every committed change; otherwise the
    main file holds everything and is read as immutable: no ``-wal``/``-shm`` is created (a
    read-only folder or file reads fine) and a stray ``-journal`` is ignored, as is a ``-wal``
    left with nothing in it that SQLite would read. Through a hard
    link, the name the writer opened is used, so its ``-wal`` is found."""
    real = Path(os.path.realpath(path))
    live = holder_path(real) or real
    uri = live.as_uri() + "?mode=ro"
    wal, shm, journal = (live.with_name(live.name + s) for s in ("-wal", "-shm", "-journal"))
    # A -wal with no -shm and nothing SQLite would read in it (empty, cut short, garbage) is
    # not a writer's: reading through it would only leave a new -shm beside the file (SQLite
    # opens a -wal even beside a rollback-mode file, whose hot -journal is its own to recover).
    junk_wal = wal.exists() and not shm.exists() and not wal_has_frames(wal)
    wal_mode = is_wal_file(live)
    if (wal_mode and not wal.exists()) or (junk_wal and (wal_mode or not journal.exists())):
        uri += "&immutable=1"
    return uri


def wal_has_frames(wal: Path) -> bool:
    """Whether SQLite would read anything from the ``-wal`` file ``wal``: its header's magic
    number and checksum are right and it holds at least one whole frame (SQLite ignores a WAL
    whose header is not valid). Anything but a regular file counts as nothing."""
    try:
        with os.fdopen(open_regular(wal, N_("journal")), "rb") as handle:
            head = handle.read(32)
            size = os.fstat(handle.fileno()).st_size
    except (OSError, WorkshopError):
        return False
    magic = int.from_bytes(head[:4], "big")
    if len(head) < 32 or magic not in (0x377F0682, 0x377F0683):
        return False
    big = magic & 1  # the checksum's byte order
    words = [int.from_bytes(head[i : i + 4], "big" if big else "little") for i in range(0, 24, 4)]
    s0 = s1 = 0
    for first, second in zip(words[::2], words[1::2], strict=True):
        s0 = (s0 + first + s1) & 0xFFFFFFFF
        s1 = (s1 + second + s0) & 0xFFFFFFFF
    stored = (int.from_bytes(head[24:28], "big"), int.from_bytes(head[28:32], "big"))
    page = int.from_bytes(head[8:12], "big")
    return stored == (s0, s1) and size >= 32 + 24 + page


def replace_durably(source: Path, target: Path) -> None:
    """Rename ``source`` over ``target`` and flush the folder, so the new name survives a power
    cut (POSIX; on Windows the rename alone is what the platform offers)."""
    os.replace(source, target)
    if sys.platform != "win32":
        fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def same_file(a: Path, b: Path) -> bool:
    """Whether two names lead to one file: the same path, a symlink to it or a hard link."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_output(
    path: Path,
    *,
    force: bool,
    inputs: tuple[Path | None, ...] = (),
    error: type[WorkshopError] = WorkshopError,
) -> Path:
    """Refuse an output the command must not write, before any work is done: one of its own
    ``inputs`` (by any name), an existing file without ``force``, a folder, a pipe or device,
    or a missing folder. Returns the file to write: ``path`` with symlinks followed (a link
    stays a link; the file it names is replaced)."""
    path = Path(path)
    for source in inputs:
        if source is not None and same_file(path, source):
            raise error(
                _(
                    "“{path}” is the file being read ({name}): choose a different file to write."
                ).format(path=path, name=source.name)
            )
    real = Path(os.path.realpath(path))
    try:
        kind = _kind(os.stat(real).st_mode)
    except FileNotFoundError:
        kind = ""
    except OSError as exc:
        raise error(
            _("Cannot write “{path}”: {reason}.").format(path=path, reason=reason(exc))
        ) from None
    if kind:
        raise error(
            _("“{path}” is {kind}: give the name of a file to write.").format(path=path, kind=kind)
        )
    if kind is None and not force:
        raise error(_("“{name}” already exists; use --force to replace it.").format(name=path.name))
    if not real.parent.is_dir():
        raise error(_("The folder “{folder}” does not exist.").format(folder=real.parent))
    return real


#: Temporary files of ours: ``.<name>.<8 random characters>.tmp`` (write_atomic, new files),
#: with the side files SQLite makes while a new event file is built.
_OUR_TEMPORARY = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.tmp(-journal|-wal|-shm)?")
STALE_AFTER_SECONDS = 600.0


def remove_stale_temporaries(folder: Path, older_than: float = STALE_AFTER_SECONDS) -> None:
    """Remove temporary files of ours that a killed write left in ``folder`` (ours by their
    name and, on POSIX, their owner; stale when unchanged for ``older_than`` seconds, so a
    write in progress in another process is never touched)."""
    cutoff = time.time() - older_than
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not _OUR_TEMPORARY.fullmatch(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            mine = sys.platform == "win32" or st.st_uid == os.getuid()
            if stat.S_ISREG(st.st_mode) and mine and st.st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            pass


def write_atomic(
    path: Path, data: bytes | str, *, force: bool = False, inputs: tuple[Path, ...] = ()
) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename, so a
    reader sees the old file or the whole new one, never half. Refuses what ``check_output``
    refuses; replacing a file that is open in Workshop is refused (its lock is held). A failure
    (a full disk, a read-only folder) is a WorkshopError and leaves nothing behind."""
    real = check_output(path, force=force, inputs=inputs)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    remove_stale_temporaries(real.parent)
    lock = FileLock(real) if real.exists() else None
    if lock is not None:
        lock.acquire()
    import tempfile  # not at import: tempfile (and random) are not needed to open an event

    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
        tmp = Path(name)
        if sys.platform != "win32":  # mkstemp makes 0600; exports get the user's usual mode
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        replace_durably(tmp, real)
    except OSError as exc:
        raise WorkshopError(
            _("Could not write “{path}”: {reason}. Nothing was written.").format(
                path=path, reason=reason(exc)
            )
        ) from None
    finally:
        if tmp is not None:  # gone after the rename; after a failure, nothing is left behind
            tmp.unlink(missing_ok=True)
        if lock is not None:
            lock.release()
