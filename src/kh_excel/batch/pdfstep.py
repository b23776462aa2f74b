"""The PDF stage: every document of the run through LibreOffice in as few soffice processes as
the job count allows, each with its own profile and a time limit (kh_excel.docs.pdf does the
converting; this module decides the groups and isolates failures).

The documents are cut into `jobs` groups converted side by side, one soffice process each.
`convert_many` is all-or-nothing for its group, so when a group fails (a document LibreOffice
cannot open, or one that makes it hang until the time limit), the group is halved and each half
tried again in a new process, down to the single document that fails: the others still get
their PDF, and the failure names the document.
"""
from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Sequence

from kh_excel.batch.state import Entry, share

STARTUP_ALLOWANCE = 30.0   # seconds for LibreOffice to start, on top of the per-document limit


def _missing_reason() -> str | None:
    from kh_excel.docs.pdf import find_soffice
    if find_soffice():
        return None
    return ("không tìm thấy LibreOffice (soffice) để xuất PDF. Hãy cài LibreOffice "
            "(Debian/Ubuntu: apt-get install libreoffice-writer fonts-liberation) "
            "hoặc đặt biến môi trường KH_EXCEL_SOFFICE trỏ tới soffice.")


def convert_all(entries: Sequence[Entry], folder: Path, scratch: Path, jobs: int, per_doc_timeout: float,
                done: Callable[[Entry, bool, str, Path | None], None]) -> None:
    """Convert the entries' documents; call done(entry, ok, reason, pdf_path) for each, once."""
    missing = _missing_reason()
    if missing:
        for e in entries:
            done(e, False, missing, None)
        return
    groups = _split(list(entries), min(jobs, len(entries)))
    lock = threading.Lock()

    def report(e: Entry, ok: bool, reason: str, pdf: Path | None) -> None:
        with lock:  # `done` writes the journal and the progress bar: one at a time
            done(e, ok, reason, pdf)

    with ThreadPoolExecutor(max_workers=len(groups)) as pool:
        futures = [pool.submit(_convert_group, g, folder, scratch / f"g{i}", per_doc_timeout, report)
                   for i, g in enumerate(groups)]
        for f in futures:
            f.result()


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


def _convert_group(group: list[Entry], folder: Path, staging: Path, per_doc_timeout: float,
                   report: Callable[[Entry, bool, str, Path | None], None]) -> None:
    from kh_excel.docs.pdf import PdfError, convert_many
    staging.mkdir(parents=True, exist_ok=True)
    docs = [folder / e.output for e in group]
    try:
        # The converter moves its PDFs into `staging` (hidden, beside the outputs) only when all
        # exist; each is then renamed into place, so no half-written PDF is ever an output.
        produced = convert_many(docs, staging, timeout=STARTUP_ALLOWANCE + per_doc_timeout * len(docs))
    except PdfError as exc:
        if len(group) == 1:
            report(group[0], False, _short(str(exc), group[0]), None)
            return
        mid = len(group) // 2
        _convert_group(group[:mid], folder, staging / "a", per_doc_timeout, report)
        _convert_group(group[mid:], folder, staging / "b", per_doc_timeout, report)
        return
    for e, pdf in zip(group, produced):
        target = folder / Path(e.output).with_suffix(".pdf").name
        share(pdf)
        os.replace(pdf, target)
        report(e, True, "", target)


def _short(message: str, e: Entry) -> str:
    msg = message.strip().rstrip(".")
    return msg + "."
