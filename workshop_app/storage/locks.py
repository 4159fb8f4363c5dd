"""The one-writer lock of an event file: it follows the file, not the name it was opened by.

Two lock files, each an exclusive advisory lock (flock on POSIX) holding who has the file open
(``lock_info`` as JSON), released by the operating system when the process dies:

- ``<real file>.lock`` beside the file its name resolves to (symlinks followed), so every name
  that leads there, from any user or computer sharing the folder, meets the same lock;
- ``<data folder>/locks/<device>-<inode>.lock``, so a hard link (another name, even in another
  folder, for the same file) meets it too. It is per user: two people on one computer opening
  one file through two hard links are told apart only by the first lock.

Only writers take the lock. Readers (info, export, report) open the file read-only without it.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from workshop_app import paths
from workshop_app.domain.clock import parse_utc, utc_now
from workshop_app.domain.errors import DocumentError, DocumentInUseError
from workshop_app.domain.human_time import moment_phrase
from workshop_app.i18n import _


class FileLock:
    """The lock of one event file (see the module's description). ``acquire`` raises
    DocumentInUseError naming the person and the time the file was opened there, in words;
    a second acquire from this process is refused too."""

    def __init__(self, document: Path) -> None:
        self.name = Path(document).name  # as the user named it, for messages
        self.document = Path(os.path.realpath(document))
        self.path = self.document.with_name(self.document.name + ".lock")
        self._fd: int | None = None
        self._inode: tuple[Path, int] | None = None

    def acquire(self) -> None:
        fd = _take(self.path, self.name)
        try:
            self._inode = _take_inode_lock(self.document, self.name)
        except BaseException:
            _give_back(self.path, fd)
            raise
        self._fd = fd

    def adopt(self, document: Path) -> None:
        """Lock the file now at ``document`` by its inode too (after a new file was renamed
        over the old one), and let go of the old file's inode lock."""
        new = _take_inode_lock(Path(os.path.realpath(document)), self.name)
        old, self._inode = self._inode, new
        if old is not None:
            _give_back(*old)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        inode, self._inode = self._inode, None
        try:
            if inode is not None:
                _give_back(*inode)
        finally:
            _give_back(self.path, fd)


def inode_lock_path(document: Path) -> Path | None:
    """Where the inode lock of the file at ``document`` lives (None: no such file, or the
    system gives no inode numbers)."""
    try:
        st = os.stat(document)
    except OSError:
        return None
    if not st.st_ino:
        return None
    return paths.data_dir() / "locks" / f"{st.st_dev:x}-{st.st_ino:x}.lock"


def holder_path(document: Path) -> Path | None:
    """The name another Workshop window of this user opened ``document``'s file by, when it
    has it open under a different name (a hard link): read from the inode lock's JSON without
    locking anything. None when nobody does or it cannot be told."""
    try:
        lock = inode_lock_path(document)
        if lock is None:
            return None
        named = Path(str(json.loads(lock.read_bytes()[:_INFO_LIMIT])["path"]))
        return named if os.path.samefile(named, document) else None
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _take_inode_lock(document: Path, name: str) -> tuple[Path, int] | None:
    try:
        lock = inode_lock_path(document)
        if lock is None:
            return None
        lock.parent.mkdir(exist_ok=True)
    except OSError:  # no data folder: the lock beside the file still guards every other name
        return None
    return lock, _take(lock, name, document)


def _take(path: Path, name: str, document: Path | None = None) -> int:
    """Open and lock ``path``, then write who holds it. Raises DocumentInUseError."""
    while True:
        fd = _open_locked(path, name)
        if _is_linked_at(fd, path):
            break
        # The holder released (and unlinked) the file between our open() and our lock: we
        # hold a lock nobody else can see, so a third opener would get in too. Start again.
        _unlock(fd)
        os.close(fd)
    info = lock_info()
    if document is not None:
        info["path"] = str(document)
    os.ftruncate(fd, 0)
    os.write(fd, json.dumps(info).encode("utf-8"))
    return fd


def _open_locked(path: Path, name: str) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise DocumentError(
            _("Cannot open “{name}” for writing: {reason}.").format(name=name, reason=exc.strerror)
        ) from None
    if not _try_lock(fd):
        try:
            owner = os.read(fd, _INFO_LIMIT)
        finally:
            os.close(fd)
        raise DocumentInUseError(in_use_message(name, owner))
    return fd


def _give_back(path: Path, fd: int) -> None:
    try:
        path.unlink(missing_ok=True)
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


def _host_name() -> str:
    """This computer's name: ``socket.gethostname()``, which on POSIX is ``uname``'s node name
    (read here without importing ``socket``, which opening a file does not otherwise need)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def lock_info() -> dict[str, object]:
    """What a lock file says about its holder: person, computer, opening time (UTC), pid."""
    login, full = _user_names()
    return {
        "user": login,
        "name": full,
        "host": _host_name(),
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
    return _(
        "“{name}” is already open in Workshop{opened_by}. Close it there first, or open a copy."
    ).format(name=name, opened_by=opened_by)


def _describe_holder(info: dict[str, object], now: datetime) -> str:
    """ ", opened by Alice Smith (alice) on the computer “lab-2” at 10:42 today" from what is
    readable in ``info``; parts that are missing or garbled are left out."""
    login, full = (str(info.get(k) or "").strip()[:80] for k in ("user", "name"))
    who = f"{full} ({login})" if full and login and full != login else full or login
    text = _(", opened by {who}").format(who=who) if who else ""
    host = str(info.get("host") or "").strip()[:80]
    if host and host != _host_name():
        if text:
            text += _(" on the computer “{host}”").format(host=host)
        else:
            text = _(", opened on the computer “{host}”").format(host=host)
    try:
        opened = parse_utc(str(info.get("opened")))
    except ValueError:
        return text
    when = moment_phrase(opened.astimezone(), now.astimezone())
    return f"{text} {when}" if text else _(", opened {when}").format(when=when)


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
