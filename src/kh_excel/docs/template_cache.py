"""Compiled templates kept on disk, so that a run does not compile them again (about 0.3 s a
template, paid by every `kh-excel batch` and `render` before its first document).

An entry holds Python code objects (marshal): loading one runs code, so an entry is only ever
loaded when this user's program wrote it:

- entries live in the user's own cache folder (never in an output or batch-state folder, which
  travel between machines and people); on POSIX the folder must belong to the user and be
  writable by no one else, or no entry is read or written;
- each entry is signed with HMAC-SHA256 under a random key made once and kept in that folder
  (mode 0600); the signature covers the entry's name, so an entry renamed, copied from another
  machine or user, cut short or altered fails the check, is ignored and rebuilt;
- the name is a hash of the content (template bytes and path, include search path, the versions
  of kh_excel, Python, Jinja and docxtpl, and the sources of the renderer and sandbox), as the
  batch state keys documents; the parts a template includes are checked against the hash of
  their bytes recorded in the entry, so an edited part recompiles.

The code objects are those the sandboxed environment generated, and they run in that same
environment: every limit of kh_excel.docs.sandbox applies to a cached template as to a fresh one.
"""
from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import secrets
import sys
import tempfile
from pathlib import Path
from typing import Any

ENV_VAR = "KH_EXCEL_CACHE_DIR"   # a folder to use instead; set and empty: no disk cache
_MAGIC = b"KHTC1\n"
_MAX_ENTRY = 64 * 1024 * 1024
_MAX_ENTRIES = 64


def cache_dir() -> Path | None:
    """The user's cache folder for compiled templates, or None when caching is off."""
    env = os.environ.get(ENV_VAR)
    if env is not None:
        return Path(env) if env.strip() else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "kh-excel" / "Cache" / "templates" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "kh-excel" / "templates"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kh-excel" / "templates"


def _private(path: Path, is_dir: bool) -> bool:
    """Owned by this user and writable (dir) or readable (key) by no one else (POSIX)."""
    if os.name != "posix":
        return True
    try:
        st = path.lstat()
    except OSError:
        return False
    import stat
    kind_ok = stat.S_ISDIR(st.st_mode) if is_dir else stat.S_ISREG(st.st_mode)
    mask = 0o022 if is_dir else 0o077
    return kind_ok and st.st_uid == os.geteuid() and not (st.st_mode & mask)


class DiskCache:
    """Signed entries in one private folder; every failure means «no entry», never an error."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder if folder is not None else cache_dir()
        self._key: bytes | None = None
        self._usable: bool | None = None

    def _ready(self) -> bool:
        if self._usable is None:
            self._usable = self._open()
        return self._usable

    def _open(self) -> bool:
        if self.folder is None:
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not _private(self.folder, True):
                return False
            key_file = self.folder / "key"
            try:
                fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "wb") as f:
                    f.write(secrets.token_bytes(32))
            if not _private(key_file, False):
                return False
            key = key_file.read_bytes()
        except OSError:
            return False
        if len(key) != 32:
            return False
        self._key = key
        return True

    def _sign(self, name: str, payload: bytes) -> bytes:
        assert self._key is not None
        return hmac.new(self._key, name.encode("ascii") + b"\0" + payload, hashlib.sha256).digest()

    def load(self, name: str) -> Any | None:
        """The value stored under `name` if this user's program wrote it and it is intact, else None."""
        if not self._ready():
            return None
        path = self.folder / name  # type: ignore[operator]
        try:
            if not _private(path, False) or path.stat().st_size > _MAX_ENTRY:
                return None
            data = path.read_bytes()
        except OSError:
            return None
        head = len(_MAGIC) + 32
        if len(data) < head or not data.startswith(_MAGIC):
            return None
        mac, payload = data[len(_MAGIC):head], data[head:]
        if not hmac.compare_digest(mac, self._sign(name, payload)):
            return None
        try:
            return marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None

    def store(self, name: str, value: Any) -> None:
        """Write an entry atomically (best effort: a full disk or a read-only folder is no error)."""
        if not self._ready():
            return
        try:
            payload = marshal.dumps(value)
        except ValueError:
            return
        data = _MAGIC + self._sign(name, payload) + payload
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.folder)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, self.folder / name)  # type: ignore[operator]
            tmp = None
            self._prune()
        except OSError:
            pass
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    def _prune(self) -> None:
        entries = [p for p in self.folder.iterdir() if len(p.name) == 64]  # type: ignore[union-attr]
        if len(entries) <= _MAX_ENTRIES:
            return
        entries.sort(key=lambda p: p.stat().st_mtime)
        for p in entries[:len(entries) - _MAX_ENTRIES]:
            p.unlink(missing_ok=True)


def content_key(*parts: str | bytes) -> str:
    """The name of an entry: a hash of everything its content depends on (see the module doc)."""
    h = hashlib.sha256()
    for p in (*_environment_salt(), *parts):
        b = p.encode("utf-8", "surrogatepass") if isinstance(p, str) else p
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()


_SALT: tuple[str, ...] | None = None


def _environment_salt() -> tuple[str, ...]:
    """Versions and sources the compiled code depends on: any change makes every entry a miss."""
    global _SALT
    if _SALT is None:
        import docxtpl
        import jinja2

        from kh_excel import __version__
        here = Path(__file__).resolve().parent
        code = hashlib.sha256()
        for f in ("render.py", "sandbox.py", "template_cache.py"):
            try:
                code.update((here / f).read_bytes())
            except OSError:
                code.update(f.encode())
        _SALT = ("kh-template-cache-1", __version__, sys.version, jinja2.__version__,
                 getattr(docxtpl, "__version__", ""), code.hexdigest())
    return _SALT


def file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
