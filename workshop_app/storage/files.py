"""Low-level file safety: recognising a workshop file without touching it, the one-process lock,
and atomic writes of output files."""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from workshop_app.domain.clock import parse_utc, utc_now
from workshop_app.domain.errors import DocumentError, DocumentInUseError, WorkshopError
from workshop_app.domain.human_time import moment_phrase
from workshop_app.storage.schema import APPLICATION_ID

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_header(path: Path) -> int:
    """Read the SQLite header (without opening the database, so nothing can change) and return
    the file's ``user_version``. Raises DocumentError if it is not a workshop document."""
    name = path.name
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise DocumentError(f"There is no file called “{name}” at {path.parent}.") from None
    except IsADirectoryError:
        raise DocumentError(f"“{name}” is a folder, not a workshop file.") from None
    except PermissionError:
        raise DocumentError(f"You do not have permission to read “{name}”.") from None
    if not header:
        raise DocumentError(f"“{name}” is empty: it is not a workshop document.")
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise DocumentError(f"“{name}” is not a workshop document (it is some other kind of file).")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id != APPLICATION_ID:
        raise DocumentError(
            f"“{name}” is a database made by another program, not a workshop document."
        )
    return int.from_bytes(header[60:64], "big")


def read_input(path: Path, what: str = "file") -> bytes:
    """The bytes of a file the user named (an import, a logo), or a WorkshopError saying why
    not, in words: ``what`` names the file in the message ("logo", "JSON file")."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise WorkshopError(f"There is no {what} called “{path}”.") from None
    except IsADirectoryError:
        raise WorkshopError(f"“{path}” is a folder, not a {what}.") from None
    except OSError as exc:
        raise WorkshopError(f"Cannot read the {what} “{path}”: {exc.strerror}.") from None


def readonly_uri(path: Path) -> str:
    """An SQLite URI that opens ``path`` read-only (safe for any characters in the path)."""
    return Path(path).resolve().as_uri() + "?mode=ro"


class FileLock:
    """An exclusive advisory lock on ``<document>.lock`` holding who has the file open (see
    ``lock_info``: the person, the computer, when, and the pid).

    The operating system releases it when the process dies, so a crash never leaves a stale lock.
    A second open, from another process or this one, fails with DocumentInUseError, whose message
    names the person and the time the file was opened there, in words.
    """

    def __init__(self, document: Path) -> None:
        self.path = document.with_name(document.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        while True:
            fd = self._open_locked()
            if _is_linked_at(fd, self.path):
                break
            # The holder released (and unlinked) the file between our open() and our lock: we
            # hold a lock nobody else can see, so a third opener would get in too. Start again.
            _unlock(fd)
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(lock_info()).encode("utf-8"))
        self._fd = fd

    def _open_locked(self) -> int:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise DocumentError(
                f"Cannot open “{self.path.name[:-5]}” for writing: {exc.strerror}."
            ) from None
        if not _try_lock(fd):
            try:
                owner = os.read(fd, _INFO_LIMIT)
            finally:
                os.close(fd)
            raise DocumentInUseError(in_use_message(self.path.name[:-5], owner))
        return fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            self.path.unlink(missing_ok=True)
        finally:
            _unlock(fd)
            os.close(fd)


_INFO_LIMIT = 4096


def _user_names() -> tuple[str, str]:
    """This laptop user's login name and full name ("" where the system does not say)."""
    try:
        login = getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return "", ""
    full = ""
    if sys.platform != "win32":
        try:
            import pwd

            entry = pwd.getpwuid(os.getuid())
            if entry.pw_name == login:  # the full name of this login, not of another one
                full = entry.pw_gecos.split(",")[0].strip()
        except (KeyError, ImportError, OSError):
            full = ""
    return login, full


def lock_info() -> dict[str, object]:
    """What a lock file says about its holder: person, computer, opening time (UTC), pid."""
    login, full = _user_names()
    return {
        "user": login,
        "name": full,
        "host": socket.gethostname(),
        "opened": utc_now(),
        "pid": os.getpid(),
    }


def in_use_message(name: str, owner: bytes, now: datetime | None = None) -> str:
    """The refusal for a file whose lock is held, naming the holder from the lock file's bytes
    (``lock_info`` as JSON). An empty, old (a bare pid) or garbled lock file gives the message
    without a name or time, never an error."""
    opened_by = ""
    try:
        info = json.loads(owner.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        info = None
    if isinstance(info, dict):
        opened_by = _describe_holder(info, now or datetime.now(UTC))
    return f"“{name}” is already open in Workshop{opened_by}. Close it there first, or open a copy."


def _describe_holder(info: dict[str, object], now: datetime) -> str:
    """ ", opened by Alice Smith (alice) on the computer “lab-2” at 10:42 today" from what is
    readable in ``info``; parts that are missing or garbled are left out."""
    login, full = (str(info.get(k) or "").strip()[:80] for k in ("user", "name"))
    who = f"{full} ({login})" if full and login and full != login else full or login
    text = f", opened by {who}" if who else ""
    host = str(info.get("host") or "").strip()[:80]
    if host and host != socket.gethostname():
        text += f" on the computer “{host}”" if text else f", opened on the computer “{host}”"
    try:
        opened = parse_utc(str(info.get("opened")))
    except ValueError:
        return text
    when = moment_phrase(opened.astimezone(), now.astimezone())
    return f"{text} {when}" if text else f", opened {when}"


def _is_linked_at(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd``."""
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


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


def write_atomic(path: Path, data: bytes | str, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename, so a
    reader sees the old file or the whole new one, never half. Refuses to replace an existing
    file unless ``force``."""
    path = Path(path)
    if path.exists() and not force:
        raise WorkshopError(f"“{path}” already exists; use --force to replace it.")
    if not path.parent.is_dir():
        raise WorkshopError(f"The folder “{path.parent}” does not exist.")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if sys.platform != "win32":  # mkstemp makes 0600; exports get the user's usual mode
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        replace_durably(Path(tmp), path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
