"""One batch run, start to finish: inputs → scan → names → render → PDF → index → summary.

The main process plans, hands work to a pool of processes (each loads the template once) and
records each finished item at once in the journal; workers read workbooks and write documents
(atomically, straight into the output folder). A failing item fails alone.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from kh_excel.batch import engine, worker
from kh_excel.batch.inputs import expand_inputs
from kh_excel.batch.naming import assign_names
from kh_excel.batch.plan import RenderResult, RenderTask, ScanResult, WorkerConfig
from kh_excel.batch.progress import Progress
from kh_excel.batch.state import (INDEX_CSV, INDEX_JSON, BatchError, Entry, OutputFolder, now_iso,
                                  sha256_file, sha256_text)
from kh_excel.errors import UserError

# Bump when the batch changes what it writes for the same inputs: every output is then redone.
OUTPUT_FORMAT = "kh-batch-2"  # 2: tables with errors are refused (core.gate)
PER_CHOICES = ("agency", "workbook")
DEFAULT_PDF_TIMEOUT = 20.0  # seconds per document, on top of LibreOffice's start-up


@dataclass
class BatchOptions:
    inputs: list[str]
    output: Path
    per: str = "workbook"              # "agency": one document per lead agency
    kind: str | None = None            # default: docs.kinds DEFAULT_PER_AGENCY per agency, DEFAULT per workbook
    template: str | None = None        # a .docx template path instead of the bundled one
    settings: Path | None = None       # TOML overriding the workbooks' settings sheets
    pdf: bool = False
    jobs: int = 0                      # 0 = number of cores
    force: bool = False
    ascii_names: bool = False
    sheet: str | None = None
    group: str | None = None           # column group (Toàn huyện, a commune …)
    period: str | None = None          # period (6 tháng, cả năm)
    recursive: bool = False
    pdf_timeout: float = DEFAULT_PDF_TIMEOUT  # seconds per document
    document: dict | None = None       # settings written in a manifest ([document])
    allow_errors: bool = False         # write tables that have errors, their failed figures «số liệu lỗi»

    def resolved_kind(self) -> str:
        from kh_excel.docs import kinds
        return self.kind or (kinds.DEFAULT_PER_AGENCY if self.per == "agency" else kinds.DEFAULT)

    def resolved_jobs(self) -> int:
        return max(1, self.jobs or os.cpu_count() or 1)


@dataclass
class RunResult:
    entries: list[Entry]
    elapsed: float
    output: Path
    interrupted: bool = False
    pdf: bool = False
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage
    pdf_calls: dict[str, int] = field(default_factory=dict)  # soffice calls made, conversions asked

    @property
    def failed(self) -> int:
        return sum(1 for e in self.entries if e.status == "failed" or e.pdf_status == "failed")

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130
        return 1 if self.failed else 0


CRASH_REASON = "tiến trình xử lý dừng đột ngột khi làm mục này (tệp hỏng nặng hoặc thiếu bộ nhớ)."


class _Executor:
    """Run a function over payloads, inline (`--jobs 1`) or in a pool of processes.

    If a worker process dies (a crash in a native library, the out-of-memory killer), the pool
    breaks: the items that did not finish are retried in a fresh pool, and an item that was
    unfinished at two breaks fails with a reason instead of stopping the run.
    """

    def __init__(self, jobs: int, config: WorkerConfig):
        self.jobs = jobs
        self.config = config
        self._pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Load the template (and, for a pool, every library a worker needs) in this process,
        then fork the workers: they start with all of it loaded, in a few milliseconds. Starting
        them earlier, to load in parallel with planning, measured slower on two cores: their
        imports compete with this process's own."""
        worker.initialize(self.config, in_pool=False)
        if self.jobs > 1 and self._pool is None:
            engine.preload()
            self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # fork where there is one: a worker starts in milliseconds with everything loaded; spawn
        # elsewhere (Windows), where the initializer loads it.
        method = "fork" if sys.platform.startswith("linux") else None
        ctx = multiprocessing.get_context(method)
        pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx,
                                   initializer=worker.initialize, initargs=(self.config,))
        # The first submit forks every worker now, before any progress-bar thread exists here
        # (fork and threads mix badly); no waiting: work queues behind the initializers.
        pool.submit(_noop)
        return pool

    def shutdown(self, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=cancel)
            self._pool = None

    def map(self, fn: Callable, payloads: list[tuple], on_result: Callable[[tuple, Any], None],
            on_crash: Callable[[tuple], Any], split: Callable[[tuple], list[tuple]] | None = None) -> None:
        """fn(*payload) for each payload; on_result(payload, result) in this process as each
        finishes. If a worker process dies (a crash in a native library, the out-of-memory
        killer), the pool breaks and every unfinished payload with it: those are then run one
        at a time in a fresh pool (`split` cuts a group of documents into single ones), so that
        only the item that kills its process fails — with on_crash(payload) as its result."""
        if self._pool is None:
            for p in payloads:
                on_result(p, fn(*p))
            return
        unfinished: list[tuple] = []
        futures = {self._pool.submit(fn, *p): p for p in payloads}
        for f in as_completed(futures):
            p = futures[f]
            try:
                result = f.result()
            except BrokenProcessPool:
                unfinished.append(p)
                continue
            except Exception as exc:  # the payload or its result did not cross the process boundary
                result = _failure_like(on_crash(p), exc)
            on_result(p, result)
        if not unfinished:
            return
        self._restart()
        for p in [q for u in unfinished for q in (split(u) if split else [u])]:
            try:
                result = self._pool.submit(fn, *p).result()
            except BrokenProcessPool:
                self._restart()
                result = on_crash(p)
            except Exception as exc:
                result = _failure_like(on_crash(p), exc)
            on_result(p, result)

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._new_pool()


def _noop() -> None:
    return None


def _failure_like(result: Any, exc: Exception) -> Any:
    if hasattr(result, "reason"):
        result.reason = worker.failure_reason(exc)
    return result


def _display_source(path: str) -> str:
    from kh_excel.batch.progress import shown_path
    return shown_path(path)


class Run:
    def __init__(self, opts: BatchOptions, progress: Progress):
        self.opts = opts
        self.progress = progress
        self.kind = opts.resolved_kind()
        self.jobs = opts.resolved_jobs()
        self.folder = OutputFolder(opts.output)
        self.entries: dict[str, Entry] = {}   # this run's items, by Entry.ident, in plan order
        self.previous: dict[str, Entry] = {}
        self.stages: dict[str, float] = {}
        self.pdf_calls: dict[str, int] = {}
        self.interrupted = False
        self._t = time.monotonic()

    def _lap(self, stage: str) -> None:
        now = time.monotonic()
        self.stages[stage] = round(self.stages.get(stage, 0.0) + now - self._t, 4)
        self._t = now

    # ------------------------------------------------------------------ helpers
    def _record(self, entry: Entry) -> None:
        entry.finished = now_iso()
        self.entries[entry.ident] = entry
        self.folder.journal(entry)

    def _fingerprint(self) -> str:
        o = self.opts
        toml = sha256_file(o.settings) if o.settings else ""
        inline = json.dumps(o.document or {}, sort_keys=True, default=str, ensure_ascii=False)
        return sha256_text(OUTPUT_FORMAT, engine.version(), self.kind,
                           engine.template_fingerprint(self.kind, o.template), toml, inline, o.sheet or "",
                           "allow-errors" if o.allow_errors else "", o.group or "", o.period or "")

    # ------------------------------------------------------------------ the run
    def execute(self) -> RunResult:
        t0 = time.monotonic()
        o = self.opts
        if o.per not in PER_CHOICES:
            raise BatchError(f"--per chỉ nhận «agency» (mỗi cơ quan chủ trì một văn bản) hoặc «workbook»; "
                             f"không hiểu «{o.per}».")
        if o.settings and not Path(o.settings).is_file():
            raise BatchError(f"không tìm thấy tệp cấu hình «{o.settings}».")
        sources, problems = expand_inputs(o.inputs, recursive=o.recursive)
        if not sources and not problems:
            raise BatchError("chưa chỉ ra tệp bảng tính nào.")
        config = WorkerConfig(kind=self.kind, template=o.template,
                              settings_toml=str(o.settings) if o.settings else None, sheet=o.sheet,
                              settings_inline=o.document or None, allow_errors=o.allow_errors,
                              group=o.group, period=o.period)
        if o.per == "workbook":  # one document per workbook: no use for more workers than workbooks
            self.jobs = max(1, min(self.jobs, len(sources)))
        executor = _Executor(self.jobs, config)
        try:
            self._run(executor, config, sources, problems)
        finally:
            executor.shutdown(cancel=True)
        self._lap("finish")
        return RunResult(list(self.entries.values()), time.monotonic() - t0, o.output, self.interrupted, o.pdf,
                         self.stages, self.pdf_calls)

    def _run(self, executor: _Executor, config: WorkerConfig, sources: list[Path], problems: list) -> None:
        o = self.opts
        try:
            engine.override_settings(config.settings_toml, config.settings_inline)
        except UserError as exc:
            raise BatchError(str(exc)) from None
        engine.check_template(self.kind, o.template)  # a broken template stops the run, with its reason
        fingerprint = self._fingerprint()
        with self.folder:
            self.previous = self.folder.load()
            for pr in problems:
                self._record(Entry(output="", source=pr.argument, kind=self.kind, status="failed", reason=pr.reason))
            try:
                self._lap("plan")
                executor.start()
                self._lap("start")
                if o.per == "agency":
                    self._per_agency(executor, [str(s.resolve()) for s in sources], fingerprint)
                else:
                    self._per_workbook(executor, [str(s.resolve()) for s in sources], fingerprint)
                self.progress.stop()
                self._lap("render")
                executor.shutdown()  # the render workers are done; free the cores for LibreOffice
                if o.pdf:
                    self._pdf()
                    self._lap("pdf")
            except KeyboardInterrupt:
                self.interrupted = True
                self.progress.stop()
                self.progress.note("Đã dừng theo yêu cầu; các văn bản đã xong được giữ lại, lần chạy sau sẽ làm tiếp.")
            finally:
                executor.shutdown(cancel=self.interrupted)
                self.progress.stop()
                self._save(self.interrupted)

    def _save(self, interrupted: bool) -> None:
        entries = dict(self.entries)
        if interrupted:
            # Keep what is known about items this run did not reach, so the next run can skip them.
            for ident, e in self.previous.items():
                entries.setdefault(ident, e)
        meta = {"tool": f"kh-excel {engine.version()}", "kind": self.kind, "per": self.opts.per,
                "template": self.opts.template or self.kind,
                "settings": str(self.opts.settings) if self.opts.settings else "",
                "interrupted": interrupted}
        self.folder.save(entries.values(), meta)

    # ------------------------------------------------------------------ planning
    def _hashes(self, sources: list[str]) -> dict[str, str | Exception]:
        out: dict[str, str | Exception] = {}
        for s in sources:
            try:
                out[s] = sha256_file(s)
            except OSError as exc:
                out[s] = exc
        return out

    def _up_to_date(self, name: str, key: str) -> Entry | None:
        if self.opts.force:
            return None
        prev = self.previous.get(name)
        if prev is None or prev.key != key or not prev.sha256:
            return None
        path = self.opts.output / name
        try:
            if path.stat().st_size != prev.size or sha256_file(path) != prev.sha256:
                return None
        except OSError:
            return None
        return prev

    def _skip(self, prev: Entry, **fields: Any) -> None:
        e = replace(prev, status="skipped", reason="", **fields)
        self._record(e)
        self.progress.advance(e.output, skipped=True)

    def _failed_source(self, source: str, reason: str) -> None:
        self._record(Entry(output="", source=source, kind=self.kind, status="failed", reason=reason))

    def _per_workbook(self, ex: _Executor, sources: list[str], fingerprint: str) -> None:
        hashes = self._hashes(sources)
        names = assign_names([(s, Path(s).stem) for s in sources], ".docx", self.opts.ascii_names,
                             taken=(INDEX_JSON, INDEX_CSV))
        todo: list[tuple] = []
        self.progress.start("Tạo văn bản", len(sources))
        for s in sources:
            h = hashes[s]
            if isinstance(h, Exception):
                self._failed_source(s, f"không đọc được tệp ({getattr(h, 'strerror', h)}).")
                self.progress.advance(_display_source(s), False, self.entries[f"!{s}"].reason)
                continue
            key = sha256_text(fingerprint, h)
            prev = self._up_to_date(names[s], key)
            if prev is not None:
                self._skip(prev, source=s)
                continue
            todo.append((RenderTask(source=s, output=str(self.opts.output / names[s])),))
        keys = {t[0].output: sha256_text(fingerprint, hashes[t[0].source]) for t in todo}

        self._render_all(ex, [t[0] for t in todo], lambda task, r: self._finish(task, r, keys[task.output]))

    def _per_agency(self, ex: _Executor, sources: list[str], fingerprint: str) -> None:
        hashes = self._hashes(sources)
        scans: dict[str, ScanResult] = {}
        readable = []
        for s in sources:
            if isinstance(hashes[s], Exception):
                self._failed_source(s, f"không đọc được tệp ({getattr(hashes[s], 'strerror', hashes[s])}).")
            else:
                readable.append(s)
        self.progress.start("Đọc bảng tính", len(readable))

        def scanned(payload: tuple, r: ScanResult) -> None:
            scans[payload[0]] = r
            self.progress.advance(_display_source(payload[0]), r.ok, r.reason)

        ex.map(worker.scan, [(s,) for s in readable], scanned,
               lambda p: ScanResult(p[0], False, CRASH_REASON))
        self._lap("read")
        items: list[tuple[str, str]] = []
        meta: dict[str, tuple[str, str, int]] = {}
        many = len(readable) > 1
        for s in readable:
            r = scans[s]
            if not r.ok:
                self._failed_source(s, r.reason)
                continue
            if not r.agencies:
                # (the sheet named: rev16 R16-12)
                self._failed_source(s, f"{r.reason or 'bảng chỉ tiêu không ghi cơ quan chủ trì nào'}, nên không lập "
                                       "được văn bản theo từng cơ quan chủ trì.")
                continue
            for agency, count in r.agencies:
                ident = f"{s}\x00{agency}"
                items.append((ident, f"{Path(s).stem} - {agency}" if many else agency))
                meta[ident] = (s, agency, count)
        names = assign_names(items, ".docx", self.opts.ascii_names, taken=(INDEX_JSON, INDEX_CSV))
        self.progress.start("Tạo văn bản", len(items))
        todo: list[tuple] = []
        keys: dict[str, tuple[str, str, int]] = {}
        for ident, _display in items:
            s, agency, count = meta[ident]
            key = sha256_text(fingerprint, str(hashes[s]), agency)
            prev = self._up_to_date(names[ident], key)
            if prev is not None:
                self._skip(prev, source=s, agency=agency)  # same key: same document, same count
                continue
            task = RenderTask(source=s, output=str(self.opts.output / names[ident]), agency=agency,
                              blob=scans[s].blob, digest=scans[s].digest)
            keys[task.output] = (key, agency, count)
            todo.append((task,))

        def finish(task: RenderTask, r: RenderResult) -> None:
            key, agency, count = keys[task.output]
            if r.ok and not r.indicators:
                r.indicators = count
            r.warning = "\n".join(w for w in (r.warning, scans[task.source].warnings.get(agency, "")) if w)
            self._finish(task, r, key)

        self._render_all(ex, [t[0] for t in todo], finish)

    def _render_all(self, ex: _Executor, tasks: list[RenderTask],
                    finish: Callable[[RenderTask, RenderResult], None]) -> None:
        """Hand the documents to the workers in small groups: one round trip (and one copy of a
        workbook's table) per group instead of per document, groups small enough to balance."""
        # Small groups also bound what a killed run loses: documents written but not yet reported
        # back (so not in the journal) are redone by the next run. A document that reads its own
        # workbook is work enough to travel alone.
        size = 1 if not any(t.blob for t in tasks) else max(1, min(4, len(tasks) // (ex.jobs * 4)))
        chunks = [(tuple(tasks[i:i + size]),) for i in range(0, len(tasks), size)]

        def done(payload: tuple, results: list[RenderResult]) -> None:
            for task, r in zip(payload[0], results):
                finish(task, r)

        ex.map(worker.render_many, chunks, done,
               lambda p: [RenderResult(t.output, False, CRASH_REASON) for t in p[0]],
               split=lambda p: [((t,),) for t in p[0]])

    def _finish(self, task: RenderTask, r: RenderResult, key: str) -> None:
        name = Path(task.output).name
        prev = self.previous.get(name)
        if r.ok:
            e = Entry(output=name, source=task.source, agency=task.agency or "", sheet=self.opts.sheet or "",
                      kind=self.kind, indicators=r.indicators, status="done", key=key, sha256=r.sha256,
                      size=r.size, seconds=round(r.seconds, 4), warning=r.warning)
            if prev is not None and prev.pdf and prev.pdf_sha256:
                # The PDF of the previous version no longer says what the document says: remove
                # it now, as its .docx is replaced, not when (if ever) the PDF stage replaces it —
                # a PDF stage interrupted or failing must not leave it beside the new document;
                # only if it is still exactly the file this program wrote (never a file edited since).
                stale = self.opts.output / prev.pdf
                if _same_file(stale, prev.pdf_sha256):
                    stale.unlink(missing_ok=True)
        else:
            # Keep what is known of the last good output (it stays on disk, untouched).
            e = Entry(output=name, source=task.source, agency=task.agency or "", sheet=self.opts.sheet or "",
                      kind=self.kind, indicators=r.indicators, status="failed", reason=r.reason)
            if prev is not None:
                e = replace(prev, status="failed", reason=r.reason, source=task.source)
        self._record(e)
        self.progress.advance(name, r.ok, r.reason)

    # ------------------------------------------------------------------ PDF
    def _pdf(self) -> None:
        from kh_excel.batch import pdfstep
        todo: list[Entry] = []
        for e in self.entries.values():
            if e.status not in ("done", "skipped") or not e.output:
                continue
            pdf_name = Path(e.output).with_suffix(".pdf").name
            prev = self.previous.get(e.ident)
            if (not self.opts.force and e.status == "skipped" and prev is not None and prev.pdf_key == e.key
                    and prev.pdf_sha256 and _same_file(self.opts.output / pdf_name, prev.pdf_sha256)):
                e.pdf, e.pdf_status, e.pdf_reason = pdf_name, "skipped", ""
                continue
            todo.append(e)
        if not todo:
            return
        self.progress.start("Chuyển sang PDF", len(todo))
        scratch = self.folder.scratch()

        def converted(e: Entry, ok: bool, reason: str, pdf_path: Path | None) -> None:
            if ok and pdf_path is not None:
                e.pdf, e.pdf_status, e.pdf_reason = pdf_path.name, "done", ""
                e.pdf_key, e.pdf_sha256 = e.key, sha256_file(pdf_path)
            else:
                e.pdf_status, e.pdf_reason = "failed", reason
            self._record(e)
            self.progress.advance(Path(e.output).with_suffix(".pdf").name, ok, reason)

        try:
            self.pdf_calls = pdfstep.convert_all(todo, self.opts.output, scratch, self.jobs, self.opts.pdf_timeout,
                                                 converted)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


def _same_file(path: Path, digest: str) -> bool:
    try:
        return sha256_file(path) == digest
    except OSError:
        return False


def run(opts: BatchOptions, progress: Progress | None = None) -> RunResult:
    """Run a batch; SIGTERM is handled like Ctrl-C (finish the index, leave no temporary file)."""
    progress = progress or Progress()
    old = None
    if hasattr(signal, "SIGTERM"):
        def _term(signum, frame):
            raise KeyboardInterrupt
        try:
            old = signal.signal(signal.SIGTERM, _term)
        except ValueError:  # not the main thread
            old = None
    try:
        return Run(opts, progress).execute()
    finally:
        if old is not None:
            signal.signal(signal.SIGTERM, old)
