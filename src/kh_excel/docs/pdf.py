"""PDF through LibreOffice headless: many documents per start-up, a private profile, a time limit.

One soffice start costs about a second; each further document in the same call costs a
fraction of that, so documents are converted many per call (`convert_many`; the batch's PDF
stage calls `convert_once` itself, call by call, to retry what a call left out). Each call
uses its own throw-away user profile (`-env:UserInstallation`), so it never collides with
a LibreOffice the user has open nor with a parallel conversion, and it runs under a time
limit after which the whole process group is killed.

Every soffice is started and ended through `running_soffice`: it is recorded (with the
process group that holds soffice.bin, which outlives a killed oosplash) the moment it exists,
Ctrl-C cannot fall between its start and that record nor in the middle of its kill, and
`stop_all` — from any thread — kills every recorded one and lets no other start.
"""
from __future__ import annotations

import atexit
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from kh_excel.errors import UserError
from kh_excel.io.atomic import check_output

_WINDOWS_CANDIDATES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


class PdfError(UserError, RuntimeError):
    """Conversion failed; the message is Vietnamese and says what to do."""


class Stopped(KeyboardInterrupt):
    """`stop_all` was called in this process: its soffice were killed, none starts any more.
    A KeyboardInterrupt, so that whatever stops on Ctrl-C stops on it too."""


def find_soffice() -> str | None:
    """The LibreOffice executable: $KH_EXCEL_SOFFICE, then PATH, then the usual install folders."""
    env = os.environ.get("KH_EXCEL_SOFFICE")
    if env:
        return env if Path(env).exists() or shutil.which(env) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        for cand in _WINDOWS_CANDIDATES:
            if Path(cand).exists():
                return cand
    if sys.platform == "darwin":
        mac = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
        if Path(mac).exists():
            return mac
    return None


def default_timeout(count: int) -> float:
    """Start-up plus a generous allowance per document."""
    return 60.0 + 10.0 * count


# LibreOffice 7.4 reads at most 253 command-line arguments after the program name and silently
# skips the rest, still exiting 0 (measured here: with the 11 options below, 242 of 300 files
# converted; with 120-character names, the same 242; with 5 options fewer, 247): the limit is
# the count of arguments, not their length. A call names at most FILES_PER_CALL documents, well
# under it, and at most MAX_COMMAND_CHARS characters in all (Windows refuses a command line
# past 32,767). Every expected PDF is still checked after each call.
SOFFICE_MAX_ARGUMENTS = 253
FILES_PER_CALL = 200
MAX_COMMAND_CHARS = 24_000


def call_groups(documents: Iterable[str | os.PathLike]) -> list[list[Path]]:
    """Documents cut, in order, into lists one soffice call accepts whole (FILES_PER_CALL, MAX_COMMAND_CHARS)."""
    groups: list[list[Path]] = []
    current: list[Path] = []
    chars = 0
    for d in documents:
        p = Path(d)
        size = len(str(p)) + 3  # quotes and a space on a Windows command line
        if current and (len(current) >= FILES_PER_CALL or chars + size > MAX_COMMAND_CHARS):
            groups.append(current)
            current, chars = [], 0
        current.append(p)
        chars += size
    if current:
        groups.append(current)
    return groups


@dataclass
class Conversion:
    """What one soffice call made: the PDFs found complete in its folder, the documents without one."""

    produced: dict[Path, Path]     # document -> its PDF (in the call's folder)
    missing: list[Path]
    detail: str = ""               # LibreOffice's own words on stderr, when any
    returncode: int | None = None

    def reason(self) -> str:
        detail = f" LibreOffice báo: {self.detail[-500:]}" if self.detail else ""
        return (f"LibreOffice không tạo được PDF cho: {', '.join(d.name for d in self.missing)} "
                f"(mã thoát {self.returncode}).{detail}")


def complete_pdf(path: Path) -> bool:
    """A PDF written to its end (a killed LibreOffice can leave one cut short)."""
    try:
        with open(path, "rb") as f:
            head = f.read(5)
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 1024))
            tail = f.read()
    except OSError:
        return False
    return head == b"%PDF-" and b"%%EOF" in tail


def convert_once(exe: str, docs: list[Path], staging: Path, timeout: float) -> Conversion:
    """One soffice call over `docs` (at most FILES_PER_CALL, see call_groups) into `staging`,
    under a time limit; never trusts the exit code: each expected PDF is looked for. Raises
    PdfError when LibreOffice cannot start or is killed at the time limit, Stopped after stop_all."""
    if len(docs) > FILES_PER_CALL:
        raise ValueError(f"{len(docs)} documents in one soffice call (at most {FILES_PER_CALL})")
    staging.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kh-excel-lo-") as work:
        with running_soffice(exe, Path(work) / "profile", "pdf:writer_pdf_Export", staging, docs,
                             capture=True) as proc:
            try:
                _, err = proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                raise PdfError(f"LibreOffice không xong sau {timeout:.0f} giây và đã bị dừng "
                               f"({len(docs)} tệp). Hãy thử lại với ít tệp hơn hoặc tăng --timeout") from None
    produced: dict[Path, Path] = {}
    missing: list[Path] = []
    for d in docs:
        pdf = staging / f"{d.stem}.pdf"
        if complete_pdf(pdf):
            produced[d] = pdf
        else:
            missing.append(d)
    detail = (err or b"").decode("utf-8", "replace").strip()
    return Conversion(produced, missing, detail, proc.returncode)


def convert_many(documents: Iterable[str | os.PathLike], outdir: str | os.PathLike,
                 timeout: float | None = None, soffice: str | None = None) -> list[Path]:
    """Convert .docx files to PDF in as few LibreOffice processes as it accepts (call_groups);
    returns the PDFs in input order.

    PDFs are written to a private folder first and moved into `outdir` only when all of
    them exist, so a failed or killed run leaves no partial output. Raises PdfError when
    LibreOffice is missing, hangs past `timeout` seconds (per call), or produces no PDF for a file.
    """
    docs = [Path(d).resolve() for d in documents]
    if not docs:
        return []
    stems = [d.stem for d in docs]
    if len(set(stems)) != len(stems):
        raise PdfError("các tệp cần chuyển sang PDF trùng tên (khác thư mục); hãy chuyển từng nhóm riêng")
    for d in docs:
        if not d.is_file():
            raise PdfError(f"không tìm thấy tệp {d}")
    exe = soffice or find_soffice()
    if not exe:
        raise PdfError("không tìm thấy LibreOffice (soffice) để xuất PDF. Hãy cài LibreOffice "
                       "(Debian/Ubuntu: apt-get install libreoffice-writer fonts-liberation) "
                       "hoặc đặt biến môi trường KH_EXCEL_SOFFICE trỏ tới soffice")
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kh-excel-pdf-") as work:
        staging = Path(work)
        produced: dict[Path, Path] = {}
        for group in call_groups(docs):
            limit = timeout if timeout is not None else default_timeout(len(group))
            done = convert_once(exe, group, staging, limit)
            if done.missing:
                raise PdfError(done.reason())
            produced.update(done.produced)
        results = []
        for d in docs:
            dst = check_output(out / produced[d].name, docs)  # never into a folder named x.pdf, onto a device or the .docx
            shutil.move(str(produced[d]), str(dst))
            results.append(dst)
        return results


def convert(document: str | os.PathLike, pdf: str | os.PathLike | None = None,
            timeout: float | None = None) -> Path:
    """One .docx to PDF; `pdf` defaults to the same name beside it."""
    doc = Path(document)
    target = check_output(Path(pdf) if pdf else doc.with_suffix(".pdf"), [doc])
    if target.stem == doc.stem:
        return convert_many([doc], target.parent, timeout)[0]
    with tempfile.TemporaryDirectory(prefix="kh-excel-pdf-", dir=target.parent) as tmp:
        produced = convert_many([doc], tmp, timeout)[0]
        os.replace(produced, target)
    return target


def start_soffice(exe: str, profile: Path, convert_to: str, outdir: Path, files: Iterable[str | os.PathLike],
                  capture: bool = False) -> subprocess.Popen:
    """One headless LibreOffice conversion with its own profile (never the user's, never another
    worker's), in a process group of its own so that `_kill` stops it and its children; recorded
    for `stop_all` before anything else can happen (use it through `running_soffice`)."""
    cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--nologo",
           "--norestore", "--nodefault", "--nolockcheck", "--convert-to", convert_to,
           "--outdir", str(outdir), *[str(f) for f in files]]
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    kwargs: dict = {"stdout": out, "stderr": out, "stdin": subprocess.DEVNULL}
    if sys.platform == "win32":
        kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
    else:
        kwargs["start_new_session"] = True
    with _live.lock:  # stop_all waits for the record, then kills it; after stop_all none starts
        if _live.stopped:
            raise Stopped()
        proc = subprocess.Popen(cmd, **kwargs)
        _live.procs.add(proc)
    return proc


@contextmanager
def running_soffice(exe: str, profile: Path, convert_to: str, outdir: Path, files: Iterable[str | os.PathLike],
                    capture: bool = False) -> Iterator[subprocess.Popen]:
    """A started soffice (start_soffice) for the block; killed with its children if still running
    when the block ends, however it ends. Raises PdfError when LibreOffice cannot start, Stopped
    once stop_all was called (its output is then neither trusted nor a failure of its documents)."""
    proc = None
    try:
        with _interrupts_held():
            try:
                proc = start_soffice(exe, profile, convert_to, outdir, files, capture)
            except OSError as exc:
                raise PdfError(f"không chạy được LibreOffice ({exe}): {exc}") from None
        try:
            yield proc
        except Exception:  # e.g. its time limit: after stop_all, no failure of its documents
            if not _live.stopped:
                raise
        if _live.stopped:
            raise Stopped()
    finally:
        if proc is not None:
            with _interrupts_held():
                _kill(proc)


class _Live:
    """The soffice processes this process started and has not reaped (see stop_all)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.procs: set[subprocess.Popen] = set()
        self.stopped = False


_live = _Live()


def _forget_after_fork() -> None:
    """A forked child owns none of its parent's soffice (nor a lock another thread held)."""
    global _live
    _live = _Live()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_after_fork)


def stop_all() -> None:
    """Kill every soffice this process started (with its children) and start none any more.
    For a process that is going away: called from a thread watching for the batch's end (a
    signal handler must not: the lock may be held by the thread it interrupts) and at exit."""
    with _live.lock:
        _live.stopped = True
        for proc in list(_live.procs):
            _signal_group(proc)


atexit.register(stop_all)


def _signal_group(proc: subprocess.Popen) -> None:
    """SIGKILL to the soffice's whole process group: oosplash forks soffice.bin, which keeps
    converting (re-parented to init) when only oosplash dies. Only while the leader is not
    reaped: its pid, hence the group's number, is still ours."""
    if proc.returncode is not None:
        return
    try:
        if sys.platform != "win32":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except OSError:  # gone already, or not ours to signal
        pass


def _kill(proc: subprocess.Popen) -> None:
    """Kill the soffice with its children unless it ended, reap it, forget it."""
    with _live.lock:
        _signal_group(proc)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
    with _live.lock:
        if proc.returncode is not None:
            _live.procs.discard(proc)


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """In the main thread, Ctrl-C (and SIGTERM when Python handles it) arriving inside the block
    takes effect as the block ends: a KeyboardInterrupt between fork and `start_soffice`'s record
    would lose the process, one inside `_kill` would leave it running."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers run in the main thread only
        return
    held: list[int] = []
    saved = {}
    for name in ("SIGINT", "SIGTERM"):
        sig = getattr(signal, name, None)
        if sig is not None and callable(signal.getsignal(sig)):
            saved[sig] = signal.signal(sig, lambda signum, frame: held.append(signum))
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
        if held:
            saved[held[0]](held[0], None)


_FONT_RE = re.compile(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([A-Za-z0-9#,\-]+)")


def pdf_fonts(pdf: str | os.PathLike) -> set[str]:
    """Font names a PDF uses (subset prefixes removed), e.g. {'LiberationSerif-Bold', …}."""
    data = Path(pdf).read_bytes()
    return {m.group(1).decode("latin-1") for m in _FONT_RE.finditer(data)}
