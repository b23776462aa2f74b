"""What one worker process does: load the template once (the pool's initializer), read a
workbook once, render documents into the output folder atomically.

Every failure of an item comes back as a result with a Vietnamese reason; nothing raised here
stops the run. The same functions run in the main process when `--jobs 1`.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import signal
import sys
import time
from collections import OrderedDict
from pathlib import Path

from kh_excel.batch import engine
from kh_excel.batch.plan import (RenderResult, RenderTask, ScanResult, WorkerConfig, lead_agencies,
                                 numbered_indicators)

_config: WorkerConfig | None = None
_renderer = None
_toml = None


def initialize(config: WorkerConfig, in_pool: bool = True) -> None:
    """Load the template and the TOML settings once for this process."""
    global _config, _renderer, _toml
    if in_pool:
        quiet_stderr()
        # Ctrl-C reaches the whole process group: let the main process decide (it stops handing
        # out work; a task under way finishes its atomic write). If the main process dies —
        # even by SIGKILL — take this worker down with it instead of writing on as an orphan,
        # and the LibreOffice it may be running (io.recalc) first.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        end_with_parent()
    if _config == config and _renderer is not None:
        return  # inherited through fork, already loaded
    global _init_error
    _config = config
    try:
        if in_pool:
            engine.preload()
        _toml = engine.override_settings(config.settings_toml, config.settings_inline)
        _renderer = engine.load_renderer(config.kind, config.template)
        _init_error = ""
    except BaseException as exc:  # even a MemoryError or SystemExit: a reason, never a traceback
        if not in_pool:
            raise
        # The main process checks the template and settings itself and stops the run with the
        # reason; a worker only remembers it (no traceback from a pool initializer).
        _init_error = failure_reason(exc)


_init_error = ""


class _Discard:
    """A stderr for a pool worker. Python prints a traceback on it when the worker dies outside a
    task («Process ForkProcess-2:», «Exception in initializer:»); the main process already reports
    the item as failed with a Vietnamese reason, so the English text is dropped."""

    encoding = "utf-8"
    errors = "replace"

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError("no file descriptor")


def quiet_stderr() -> None:
    """In a pool worker: no traceback reaches the user's terminal (see `_Discard`)."""
    import logging
    sys.stderr = _Discard()  # type: ignore[assignment]
    logging.getLogger("concurrent.futures").addHandler(logging.NullHandler())
    logging.getLogger("concurrent.futures").propagate = False


def end_with_parent(stop=None, exit_now: bool = True) -> None:
    """End this process's work, its LibreOffice killed first (docs.pdf.stop_all), when the main
    process dies — even by SIGKILL — or asks it to; then end the process at once (`exit_now`),
    or let the conversion under way raise pdf.Stopped and unwind (removing its temporary files).

    A thread does it, woken through a socket: a signal handler must not (it runs between two
    steps of the main thread, which may hold the lock stop_all takes, or be inside Popen with a
    soffice not yet recorded). What wakes it: `stop`, the reading end of a pipe only the main
    process writes to (closed by the kernel however that process ends: it sees the end of every
    thread, and the main process closes it to ask); SIGTERM (multiprocessing's terminate) and
    SIGINT unless ignored; on Linux, SIGTERM from the kernel when the parent dies
    (PR_SET_PDEATHSIG: for a pool worker, which gets no pipe; it is sent when the *thread* that
    started this process ends, which for our pools is the main thread of the main process).
    """
    import socket
    import threading
    from multiprocessing import connection, parent_process

    from kh_excel.docs import pdf
    global _wake
    wake_r, wake_w = _wake = socket.socketpair()  # kept: once closed, wake_r would read as woken
    wake_r.setblocking(False)
    wake_w.setblocking(False)
    for name in ("SIGTERM", "SIGINT"):
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) is not signal.SIG_IGN:
            signal.signal(sig, _no_op)  # not the default (instant death): the watcher ends it
    signal.set_wakeup_fd(wake_w.fileno())  # written by the C-level handler, even mid-Popen

    def watch() -> None:
        connection.wait([wake_r] if stop is None else [wake_r, stop])
        pdf.stop_all()
        if exit_now:
            os._exit(1)

    threading.Thread(target=watch, name="kh-batch-lifeline", daemon=True).start()
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            PR_SET_PDEATHSIG = 1
            libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM))
        except (OSError, AttributeError):
            pass
    parent = parent_process()
    if parent is not None and os.getppid() != parent.pid:  # it died before prctl took effect
        wake_w.send(b"\0")  # (its orphans go to init or to a subreaper: compare, not == 1)


_wake = None


def _no_op(signum, frame) -> None:
    """A signal handled by the watcher of end_with_parent (set_wakeup_fd)."""


def failure_reason(exc: BaseException) -> str:
    """A failure as the user reads it: a UserError carries its Vietnamese message already."""
    from kh_excel.errors import UserError
    from kh_excel.io.limits import InputRefused
    if isinstance(exc, InputRefused):
        return exc.reason  # the index and the summary name the file beside it
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, PermissionError):
        return f"không ghi được tệp (đang mở ở chương trình khác hoặc không có quyền ghi): {exc.filename or ''}".rstrip(": ")
    if isinstance(exc, OSError):
        from kh_excel.io.atomic import os_reason
        return os_reason(exc)
    if isinstance(exc, MemoryError):
        return "không đủ bộ nhớ."
    return f"lỗi không mong đợi ({type(exc).__name__}: {exc})"


def scan(source: str) -> ScanResult:
    """Read one workbook: the indicator table (evaluated), its settings sheet, its lead agencies.

    The table and settings travel back pickled once (`blob`); the render tasks carry the same
    bytes, and each worker unpickles a blob once, however many documents it makes from it.
    """
    assert _config is not None, "worker not initialised"
    if _init_error:
        return ScanResult(source=source, ok=False, reason=_init_error)
    try:
        checked, settings = engine.read_checked(source, _config.sheet, _config.kind, _config.allow_errors,
                                                _config.group, _config.period)
        att = checked.attainment
        from kh_excel.docs import kinds
        info = kinds.find(_config.kind)
        agencies = lead_agencies(att.table, assigned_only=info is not None and not info.report)
        grouped = engine.group_by_agency(att) if agencies else None  # the rows of every letter, in one pass
        reading = engine.check_reading(source, _config.sheet, _config.group, _config.period)
        warnings = {a: w for a, _ in agencies
                    if (w := engine.warning_of(checked, source, _config.kind, a, grouped, reading))}
        blob = pickle.dumps((att, settings), protocol=pickle.HIGHEST_PROTOCOL)
        digest = hashlib.sha256(blob).hexdigest()
        _remember(digest, (att, settings))
        from kh_excel.collect.forms import agencies_missing
        return ScanResult(source=source, ok=True, reason="" if agencies else agencies_missing(att.table), blob=blob,
                          digest=digest, agencies=agencies, indicators=numbered_indicators(att.table),
                          warnings=warnings)
    except Exception as exc:
        return ScanResult(source=source, ok=False, reason=failure_reason(exc))


_loaded: "OrderedDict[str, tuple]" = OrderedDict()
_LOADED_MAX = 8


def _remember(digest: str, value: tuple) -> None:
    _loaded[digest] = value
    _loaded.move_to_end(digest)
    while len(_loaded) > _LOADED_MAX:
        _loaded.popitem(last=False)


def _unpack(task: RenderTask) -> tuple:
    value = _loaded.get(task.digest)
    if value is None:
        value = pickle.loads(task.blob)
        _remember(task.digest, value)
    return value


_grouped: "OrderedDict[str, dict]" = OrderedDict()


def _by_agency(digest: str, att) -> dict:
    """The workbook's rows grouped by lead agency: once per workbook and process, not per letter."""
    value = _grouped.get(digest)
    if value is None:
        value = _grouped[digest] = engine.group_by_agency(att)
        while len(_grouped) > _LOADED_MAX:
            _grouped.popitem(last=False)
    _grouped.move_to_end(digest)
    return value


def _prepare(task: RenderTask) -> tuple[bytes, int, str] | RenderResult:
    """Everything of a document but its writing: the rendered bytes, the indicator count and, for a workbook
    read here, its figure warnings (a scanned one's travel with its scan)."""
    assert _config is not None, "worker not initialised"
    if _init_error:
        return RenderResult(task.output, False, _init_error)
    scanned: ScanResult | None = None
    warning = ""
    try:
        if task.blob:
            att, settings = _unpack(task)
        else:
            checked, settings = engine.read_checked(task.source, _config.sheet, _config.kind,
                                                    _config.allow_errors, _config.group, _config.period)
            att = checked.attainment
            warning = engine.warning_of(checked, task.source, _config.kind, task.agency,
                                        reading=engine.check_reading(task.source, _config.sheet, _config.group,
                                                                     _config.period))
            scanned = ScanResult(source=task.source, ok=True, indicators=numbered_indicators(att.table))
    except Exception as exc:
        return RenderResult(task.output, False, failure_reason(exc))
    try:
        merged = engine.merge_settings(settings, _toml)
        grouped = _by_agency(task.digest, att) if task.agency and task.digest else None
        ctx = engine.context(att, merged, _config.kind, task.agency, grouped)
        # what the document itself warns of (a district issuing after 1 July 2025 …), as `render` prints it
        warning = "\n".join([*ctx.get("canh_bao", []), *([warning] if warning else [])])
        count = engine.indicator_count(ctx)
        data = engine.render_bytes(_renderer, ctx)
    except Exception as exc:
        return RenderResult(task.output, False, failure_reason(exc), scan=scanned)
    if count is None:
        count = scanned.indicators if scanned else 0
    return data, count, warning


def _write(task: RenderTask, data: bytes, count: int, t0: float, warning: str = "") -> RenderResult:
    try:
        engine.write(Path(task.output), data)
    except Exception as exc:
        return RenderResult(task.output, False, failure_reason(exc))
    return RenderResult(task.output, True, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                        seconds=time.perf_counter() - t0, indicators=count, warning=warning)


def render(task: RenderTask) -> RenderResult:
    """Render and write one document."""
    return render_many((task,))[0]


_writer_pool = None


def _writer():
    """A thread that writes documents while the process renders the next one: the atomic write
    waits on the disk (fsync) with the interpreter lock released, rendering keeps the CPU busy.
    One thread: writes stay in order and never run side by side in one process. Created on
    first use in each process (threads do not survive fork)."""
    global _writer_pool
    if _writer_pool is None:
        from concurrent.futures import ThreadPoolExecutor
        _writer_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kh-batch-write")
    return _writer_pool


def _forget_threads() -> None:
    """In a forked child the parent's writer threads do not exist: never use their pool."""
    global _writer_pool
    _writer_pool = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_threads)


def render_many(tasks: tuple[RenderTask, ...]) -> list[RenderResult]:
    """A group of documents in one call (one round trip between processes), rendering each while
    the previous ones are being written. Returns when all are on disk, results in task order."""
    slots: list = []
    for task in tasks:
        t0 = time.perf_counter()
        prepared = _prepare(task)
        if isinstance(prepared, RenderResult):
            slots.append(prepared)
            continue
        data, count, warning = prepared
        slots.append(_writer().submit(_write, task, data, count, t0, warning) if len(tasks) > 1
                     else _write(task, data, count, t0, warning))
    return [s if isinstance(s, RenderResult) else s.result() for s in slots]
