"""Write output files atomically: a temporary file beside the target, then rename.

A reader never sees a half-written file, and a failure (or Ctrl-C) leaves
nothing behind but what was there before. Every target is checked first
(`check_output`): never an input of the command (the workbook, the template, the
settings file — whatever passed the input guard in this command), never a folder,
a device or anything else that is not a regular file; an empty or too long name,
a folder without write permission or a full disk end in a Vietnamese message
naming the path.
"""
from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kh_excel.errors import UserError

MAX_NAME_BYTES = 255     # one path component (ext4, NTFS)
MAX_PATH_CHARS = 4000


class OutputRefused(UserError):
    """An output that cannot or must not be written; `str()` names the path and the reason."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"Không ghi được tệp «{self.path}»: {reason}")


# Inputs of the running command: filled by the input guard (io/limits.py) while a command runs
# (`inputs_protected`), so that no writer can replace what the command reads.
_protected: list[tuple[str, tuple[int, int] | None]] | None = None


@contextlib.contextmanager
def inputs_protected() -> Iterator[None]:
    """While a command runs, remember every file it reads: outputs may not land on them."""
    global _protected
    outer = _protected
    _protected = [] if outer is None else outer
    try:
        yield
    finally:
        _protected = outer


def protect(path: str | os.PathLike) -> None:
    """Mark `path` as an input of the running command (no-op outside `inputs_protected`)."""
    if _protected is None:
        return
    with contextlib.suppress(OSError):
        st = os.stat(path)
        _protected.append((os.path.realpath(path), (st.st_dev, st.st_ino)))


def release(path: str | os.PathLike) -> None:
    """Forget `path` as an input: it was read only to decide whether it may be replaced (a blank
    form of an earlier run), not as something the output is made from."""
    if not _protected:
        return
    with contextlib.suppress(OSError):
        real = os.path.realpath(path)
        _protected[:] = [(r, i) for r, i in _protected if r != real]


def _same_file(target: Path, other: str | os.PathLike, ident: tuple[int, int] | None = None) -> bool:
    with contextlib.suppress(OSError):
        if os.path.realpath(target) == os.path.realpath(other):
            return True
        st = os.stat(target)
        if ident is not None:
            return (st.st_dev, st.st_ino) == ident
        return os.path.samefile(target, other)
    return False


def os_reason(exc: OSError) -> str:
    """An operating-system error on a file, in Vietnamese (never the English strerror)."""
    return {
        errno.ENOSPC: "đĩa đầy (không còn chỗ trống)",
        errno.EDQUOT: "vượt hạn mức dung lượng đĩa",
        errno.EACCES: "không có quyền ghi vào thư mục hoặc tệp này (hoặc tệp đang mở ở chương trình khác)",
        errno.EPERM: "không có quyền ghi vào thư mục hoặc tệp này",
        errno.EROFS: "thư mục nằm trên ổ chỉ đọc",
        errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
        errno.EISDIR: "đây là một thư mục, không phải tệp",
        errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
        errno.EEXIST: "đã có một tệp trùng tên với thư mục cần tạo",
        errno.ENOENT: "không tạo được tệp ở đây (thư mục không tồn tại hoặc không cho tạo tệp)",
        errno.EINVAL: "tên tệp có ký tự không hợp lệ",
        errno.EBUSY: "tệp đang bị chương trình khác dùng",
        errno.EIO: "lỗi đọc/ghi của ổ đĩa",
        errno.EFBIG: "tệp vượt dung lượng tối đa hệ thống cho phép",
    }.get(exc.errno, f"lỗi hệ thống tệp (mã {errno.errorcode.get(exc.errno or 0, exc.errno)})")


def check_output(target: str | os.PathLike, inputs: Iterable[str | os.PathLike | None] = ()) -> Path:
    """Refuse a target that is empty, too long, a folder, not a regular file, or one of the inputs."""
    text = os.fspath(target)
    if not text.strip():
        raise OutputRefused(text, "đường dẫn tệp kết quả để trống")
    if "\x00" in text:
        raise OutputRefused(text.replace("\x00", "?"), "đường dẫn có ký tự NUL")
    path = Path(text)
    if len(text) > MAX_PATH_CHARS or any(len(os.fsencode(part)) > MAX_NAME_BYTES for part in path.parts):
        raise OutputRefused(text[:80] + "…", f"tên tệp quá dài (mỗi phần tối đa {MAX_NAME_BYTES} byte)")
    if path.name in ("", ".", ".."):
        raise OutputRefused(text, "đây là một thư mục, không phải tệp")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputRefused(text, os_reason(exc)) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputRefused(text, "đây là một thư mục (hoặc đường dẫn để trống), không phải tệp; "
                                      "hãy ghi rõ tên tệp kết quả")
        if not stat.S_ISREG(st.st_mode):
            raise OutputRefused(text, "đây không phải là một tệp thông thường (thiết bị, ống dẫn…): không ghi đè")
    for other in inputs:
        if other is not None and _same_file(path, other):
            raise OutputRefused(text, f"tệp kết quả phải khác tệp đầu vào (đây chính là {Path(other).name}; "
                                      "chương trình không bao giờ ghi đè lên tệp đầu vào) — hãy chọn tên khác")
    for real, ident in _protected or ():
        if _same_file(path, real, ident):
            raise OutputRefused(text, f"tệp kết quả phải khác tệp đầu vào (đây chính là {Path(real).name}, tệp lệnh này "
                                      "đọc; chương trình không bao giờ ghi đè lên tệp đầu vào) — hãy chọn tên khác")
    return path


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once, at import: os.umask is process-wide and not thread-safe


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike, inputs: Iterable[str | os.PathLike | None] = ()) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `target`, on failure it is removed.
    `target` is checked first (`check_output`, with the writer's own `inputs`)."""
    inputs = list(inputs)
    target = check_output(target, inputs)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.stem[:40]}.", suffix=".part" + target.suffix[:20],
                                   dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputRefused(target, os_reason(exc)) from None
    os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; an output gets the permissions any new file gets
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with open(tmp_path, "rb+") as fh:
            os.fsync(fh.fileno())
        check_output(target, inputs)  # still not an input, a folder or a device, just before the rename
        os.replace(tmp_path, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        os_error = _as_os_error(exc)
        if os_error is not None and not isinstance(exc, FileNotFoundError) and os_error.errno in _OS_REASONS:
            _drop_quietly(exc)
            raise OutputRefused(target, os_reason(os_error)) from None
        raise


def _as_os_error(exc: BaseException) -> OSError | None:
    """The operating-system error behind a failed write: an OSError, or lxml's SerialisationError
    «IO_ENOSPC» / «IO_EFBIG» (openpyxl writes the sheets through lxml)."""
    if isinstance(exc, OSError):
        return exc
    import re
    m = re.search(r"\bIO_(E[A-Z]+)\b", str(exc))
    code = getattr(errno, m.group(1), None) if m else None
    return OSError(code, os.strerror(code)) if code else None


def _drop_quietly(exc: BaseException) -> None:
    """Free a failed writer's frames now, with Python's «Exception ignored in …» report muted: a
    half-closed openpyxl/lxml writer raises the same error again while it is collected."""
    import gc
    import sys
    kind = type(exc)
    previous = sys.unraisablehook

    def hook(unraisable) -> None:
        # the same failure raised again by the writer's generator, now or when the process ends
        if unraisable.exc_type is not kind:
            previous(unraisable)

    sys.unraisablehook = hook
    while exc is not None:
        exc.__traceback__ = None
        exc = exc.__context__  # type: ignore[assignment]
    gc.collect()


_OS_REASONS = {errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS, errno.ENAMETOOLONG,
               errno.EISDIR, errno.ENOTDIR, errno.EEXIST, errno.ENOENT, errno.EINVAL, errno.EBUSY, errno.EIO, errno.EFBIG}


def write_atomic(target: str | os.PathLike, write: Callable[[Path], None],
                 inputs: Iterable[str | os.PathLike | None] = ()) -> Path:
    """Call write(tmp_path) and move the result into place."""
    with atomic_path(target, inputs) as tmp:
        write(tmp)
    return Path(target)


def write_bytes_atomic(target: str | os.PathLike, data: bytes, inputs: Iterable[str | os.PathLike | None] = ()) -> Path:
    return write_atomic(target, lambda p: p.write_bytes(data), inputs)
