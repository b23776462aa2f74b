"""The PDF stage: every document of the run through LibreOffice in as few soffice processes as
the job count allows, each with its own profile and a time limit (kh_excel.docs.pdf does the
converting; this module decides the groups and isolates failures).

The documents are cut into `jobs` groups converted side by side, each group by one soffice
process started from its own small Python process (so that Ctrl-C, or the death of the main
process, stops LibreOffice too: `convert_many` kills its soffice when interrupted).
`convert_many` is all-or-nothing for its group, so when a group fails (a document LibreOffice
cannot open, or one that makes it hang until the time limit), the group is halved and each half
tried again in a new soffice process, down to the single document that fails: the others still
get their PDF, and the failure names the document.
"""
from __future__ import annotations

import multiprocessing
import os
import queue as queue_mod
import signal
import sys
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
                done: Callable[[Entry, bool, str, Path | None], None]) -> None:
    """Convert the entries' documents; call done(entry, ok, reason, pdf_path) for each, once,
    in this process, as each group finishes."""
    if not entries:
        return
    missing = _missing_reason()
    if missing:
        for e in entries:
            done(e, False, missing, None)
        return
    by_name = {e.output: e for e in entries}
    groups = _split([e.output for e in entries], min(jobs, len(entries)))
    ctx = multiprocessing.get_context("spawn")  # a clean interpreter: no threads of ours to inherit
    results = ctx.Queue()
    procs = [ctx.Process(target=_child, daemon=True, name=f"kh-batch-pdf-{i}",
                         args=(g, str(folder), str(scratch / f"g{i}"), per_doc_timeout, STARTUP_ALLOWANCE, results))
             for i, g in enumerate(groups)]
    for p in procs:
        p.start()
    remaining = set(by_name)
    try:
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
            if name in remaining:
                remaining.discard(name)
                done(by_name[name], ok, reason, Path(pdf) if pdf else None)
    except BaseException:
        _stop(procs)
        raise
    finally:
        for p in procs:
            p.join(timeout=10)
        results.close()


def _stop(procs) -> None:
    """Interrupt the converting processes: each kills its soffice, then ends."""
    for p in procs:
        if p.is_alive():
            try:
                if sys.platform == "win32":
                    p.terminate()
                else:
                    os.kill(p.pid, signal.SIGINT)
            except OSError:
                pass
    for p in procs:
        p.join(timeout=30)
        if p.is_alive():
            p.kill()


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


def _child(names: list[str], folder: str, staging: str, per_doc_timeout: float, startup: float, results) -> None:
    """One group, in its own process. Interrupted (Ctrl-C, or the main process gone), the
    converter kills its soffice and this process ends quietly."""
    from kh_excel.batch.worker import die_with_parent
    die_with_parent("SIGINT")

    def report(name: str, ok: bool, reason: str, pdf: Path | None) -> None:
        results.put((name, ok, reason, str(pdf) if pdf else ""))

    try:
        _convert_group(names, Path(folder), Path(staging), per_doc_timeout, startup, report)
    except KeyboardInterrupt:
        pass


def _convert_group(names: list[str], folder: Path, staging: Path, per_doc_timeout: float, startup: float,
                   report: Callable[[str, bool, str, Path | None], None]) -> None:
    from kh_excel.docs.pdf import PdfError, convert_many
    from kh_excel.io.atomic import OutputRefused, check_output
    staging.mkdir(parents=True, exist_ok=True)
    docs = [folder / n for n in names]
    try:
        # The converter moves its PDFs into `staging` (hidden, beside the outputs) only when all
        # exist; each is then renamed into place, so no half-written PDF is ever an output.
        produced = convert_many(docs, staging, timeout=startup + per_doc_timeout * len(docs))
    except PdfError as exc:
        if len(names) == 1:
            report(names[0], False, str(exc).strip().rstrip(".") + ".", None)
            return
        mid = len(names) // 2
        _convert_group(names[:mid], folder, staging / "a", per_doc_timeout, startup, report)
        _convert_group(names[mid:], folder, staging / "b", per_doc_timeout, startup, report)
        return
    for name, pdf in zip(names, produced):
        target = folder / Path(name).with_suffix(".pdf").name
        try:
            check_output(target)  # not a folder or device named like the PDF, not an input
        except OutputRefused as exc:
            report(name, False, exc.reason, None)
            continue
        os.replace(pdf, target)
        report(name, True, "", target)
