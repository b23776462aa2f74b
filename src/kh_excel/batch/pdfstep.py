"""The PDF stage: every document of the run through LibreOffice in as few soffice processes as
the job count allows, each with its own profile and a time limit (kh_excel.docs.pdf does the
converting; this module decides the groups and isolates failures).

The documents are cut into `jobs` groups converted side by side, each group by one soffice
process started from its own small Python process, in a session of its own. That process ends,
its soffice killed first, when the main process closes the pipe they share or dies however it
dies — the kernel closes the pipe then (worker.end_with_parent) —, so that Ctrl-C, a kill -9 of
the main process or of its whole process group leaves no LibreOffice behind.
A group is converted in calls of at most `pdf.FILES_PER_CALL` documents (LibreOffice silently
skips arguments past about 250 and still exits 0), and every expected PDF is looked for after
each call: the documents a call left without a PDF are tried again in the next call, so a
skipped document is never reported as done. A call that makes no PDF at all (a document that
makes LibreOffice hang until the time limit, or crash) is tried again with half as many
documents, down to the single document that fails: the others still get their PDF, and the
failure names the document.
"""
from __future__ import annotations

import multiprocessing
import os
import queue as queue_mod
from pathlib import Path
from typing import Callable, Sequence

from kh_excel.batch.state import Entry

STARTUP_ALLOWANCE = 30.0   # seconds for LibreOffice to start, on top of the per-document limit
LOST = "tiến trình chuyển PDF dừng đột ngột trước khi xong tệp này."


def _missing_reason() -> str | None:
    from kh_excel.docs.pdf import find_soffice
    if find_soffice():
        return None
    return ("không tìm thấy LibreOffice (soffice) để xuất PDF. Hãy cài LibreOffice "
            "(Debian/Ubuntu: apt-get install libreoffice-writer fonts-liberation) "
            "hoặc đặt biến môi trường KH_EXCEL_SOFFICE trỏ tới soffice.")


def convert_all(entries: Sequence[Entry], folder: Path, scratch: Path, jobs: int, per_doc_timeout: float,
                done: Callable[[Entry, bool, str, Path | None], None]) -> dict[str, int]:
    """Convert the entries' documents; call done(entry, ok, reason, pdf_path) for each, once,
    in this process, as each group finishes. Returns how many soffice calls were made and how
    many document conversions they were asked for ({"soffice_calls", "conversions"})."""
    counts = {"soffice_calls": 0, "conversions": 0}
    if not entries:
        return counts
    missing = _missing_reason()
    if missing:
        for e in entries:
            done(e, False, missing, None)
        return counts
    by_name = {e.output: e for e in entries}
    groups = _split([e.output for e in entries], min(jobs, len(entries)))
    ctx = multiprocessing.get_context("spawn")  # a clean interpreter: no threads of ours to inherit
    results = ctx.Queue()
    # Only this process holds `stop_w`: closing it, or this process ending however it ends, ends
    # every converter (worker.end_with_parent).
    stop_r, stop_w = ctx.Pipe(duplex=False)
    procs = [ctx.Process(target=_child, daemon=True, name=f"kh-batch-pdf-{i}",
                         args=(g, str(folder), str(scratch / f"g{i}"), per_doc_timeout, STARTUP_ALLOWANCE, results,
                               stop_r))
             for i, g in enumerate(groups)]
    remaining = set(by_name)
    try:
        for p in procs:
            p.start()
        while remaining:
            try:
                name, ok, reason, pdf = results.get(timeout=0.5)
            except queue_mod.Empty:
                if any(p.is_alive() for p in procs):
                    continue
                try:  # the last words of a process that just ended
                    name, ok, reason, pdf = results.get(timeout=1.0)
                except queue_mod.Empty:
                    for n in sorted(remaining):
                        done(by_name[n], False, LOST, None)
                    break
            if ok is None:  # a call made: (None-named) counts, not a document
                counts["soffice_calls"] += 1
                counts["conversions"] += int(reason)
                continue
            if name in remaining:
                remaining.discard(name)
                done(by_name[name], ok, reason, Path(pdf) if pdf else None)
    except BaseException:
        _stop(procs, stop_w)
        raise
    finally:
        for p in procs:
            if p.pid is not None:
                p.join(timeout=10)
        stop_w.close()
        stop_r.close()
        _drain(results, counts)
        results.close()
    return counts


def _drain(results, counts: dict[str, int]) -> None:
    """Counts of calls still queued once every document is reported."""
    while True:
        try:
            _, ok, reason, _ = results.get(timeout=0.05)
        except (queue_mod.Empty, OSError, ValueError, EOFError):
            return
        if ok is None:
            counts["soffice_calls"] += 1
            counts["conversions"] += int(reason)


def _stop(procs, stop_w) -> None:
    """Ask the converting processes to stop (each kills its soffice, then ends); kill those that
    do not end (their soffice is already killed by then)."""
    stop_w.close()
    started = [p for p in procs if p.pid is not None]
    for p in started:
        p.join(timeout=30)
    for p in started:
        if p.is_alive():
            p.kill()
            p.join(timeout=10)


def _split(items: list, n: int) -> list[list]:
    """n contiguous groups of near-equal size."""
    n = max(1, n)
    size, extra = divmod(len(items), n)
    out, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        if end > start:
            out.append(items[start:end])
        start = end
    return out


def _child(names: list[str], folder: str, staging: str, per_doc_timeout: float, startup: float, results,
           stop) -> None:
    """One group, in its own process. Asked to stop, or the main process gone, its soffice is
    killed, the call under way raises pdf.Stopped and this process ends quietly."""
    from kh_excel.batch.worker import end_with_parent
    if hasattr(os, "setsid"):
        # Out of the batch's process group: a signal to the whole group (Ctrl-C, kill -9 of the
        # group) reaches the main process, whose end or request then stops this one.
        os.setsid()
    end_with_parent(stop, exit_now=False)

    def report(name: str, ok: bool, reason: str, pdf: Path | None) -> None:
        results.put((name, ok, reason, str(pdf) if pdf else ""))

    def called(count: int) -> None:
        results.put(("", None, str(count), ""))

    try:
        _convert_group(names, Path(folder), Path(staging), per_doc_timeout, startup, report, called)
    except KeyboardInterrupt:  # pdf.Stopped: nobody reads the results any more
        results.cancel_join_thread()


def _convert_group(names: list[str], folder: Path, staging: Path, per_doc_timeout: float, startup: float,
                   report: Callable[[str, bool, str, Path | None], None],
                   called: Callable[[int], None] = lambda n: None) -> None:
    """Convert `names` (documents in `folder`) in calls LibreOffice accepts whole; report each
    document once; called(n) after each soffice call of n documents."""
    from kh_excel.docs.pdf import FILES_PER_CALL, PdfError, call_groups, convert_once, find_soffice
    from kh_excel.io.atomic import OutputRefused, check_output
    exe = find_soffice()
    if not exe:
        for n in names:
            report(n, False, _missing_reason() or "", None)
        return
    pending = [folder / n for n in names]
    size = FILES_PER_CALL  # shrinks (halves) while calls make no PDF at all
    take: int | None = None  # the next call only: the documents the last call skipped
    calls = 0
    while pending:
        group = call_groups(pending[:take or size])[0]
        take = None
        calls += 1
        try:
            # PDFs land in a hidden folder beside the outputs; each is renamed into place once
            # found complete, so no half-written PDF is ever an output.
            conv = convert_once(exe, group, staging / f"c{calls}", timeout=startup + per_doc_timeout * len(group))
        except PdfError as exc:
            called(len(group))
            if len(group) == 1:
                report(group[0].name, False, str(exc).strip().rstrip(".") + ".", None)
                pending, size = pending[1:], FILES_PER_CALL
            else:
                size = max(1, len(group) // 2)
            continue
        called(len(group))
        for doc, pdf in conv.produced.items():
            target = folder / doc.with_suffix(".pdf").name
            try:
                check_output(target)  # not a folder or device named like the PDF, not an input
            except OutputRefused as exc:
                report(doc.name, False, exc.reason, None)
                continue
            os.replace(pdf, target)
            report(doc.name, True, "", target)
        rest = pending[len(group):]
        if not conv.missing:
            pending = rest
        elif len(group) == 1:
            report(group[0].name, False, conv.reason().strip().rstrip(".") + ".", None)
            pending, size = rest, FILES_PER_CALL
        elif conv.produced:
            pending, take = conv.missing + rest, len(conv.missing)  # the skipped (or broken) ones alone next
        else:
            size = max(1, len(group) // 2)  # nothing at all: find the document that stops it
