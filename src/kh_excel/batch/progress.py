"""What the user sees while a run works: a rich progress bar on a terminal (done, rate, time
left), plain lines otherwise (a log file, a scheduled task), and the final summary table."""
from __future__ import annotations

import sys
import time
from typing import TextIO

from rich.console import Console
from rich.table import Table as RichTable

from kh_excel.batch.state import STATUS_LABELS, Entry


def _vn(x: float, digits: int = 1) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def _duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    m, s = divmod(seconds, 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """One stage at a time ("Đọc bảng tính", "Tạo văn bản", "Chuyển sang PDF")."""

    def __init__(self, stream: TextIO | None = None, live: bool | None = None, quiet: bool = False):
        self.stream = stream or sys.stderr
        self.live = (self.stream.isatty() if live is None else live) and not quiet
        self.quiet = quiet
        self.console = Console(file=self.stream, highlight=False, soft_wrap=True,
                               force_terminal=self.live or None)
        self._progress = None
        self._task = None
        self._stage = ""
        self._total = 0
        self._done = 0
        self._t0 = 0.0

    def start(self, stage: str, total: int) -> None:
        self.stop()
        self._stage, self._total, self._done, self._t0 = stage, total, 0, time.monotonic()
        if self.quiet or total == 0:
            return
        if self.live:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as RichProgress,
                                       ProgressColumn, SpinnerColumn, TextColumn, TimeRemainingColumn)
            from rich.text import Text

            class Rate(ProgressColumn):
                def render(self, task):  # documents per second, Vietnamese decimal comma
                    speed = task.finished_speed or task.speed
                    return Text("" if speed is None else f"{_vn(speed)} tệp/giây", style="progress.data.speed")

            self._progress = RichProgress(
                SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                MofNCompleteColumn(), Rate(), TextColumn("còn"), TimeRemainingColumn(),
                console=self.console, transient=False)
            self._progress.start()
            self._task = self._progress.add_task(stage, total=total)
        else:
            self.console.print(f"{stage}: {total} mục")

    def advance(self, label: str, ok: bool = True, detail: str = "", skipped: bool = False) -> None:
        self._done += 1
        if self.quiet:
            return
        if self._progress is not None:
            self._progress.advance(self._task)
            if not ok:
                self._progress.console.print(f"[red]Lỗi[/] {label}: {detail}", markup=True)
            return
        if self._total:
            width = len(str(self._total))
            mark = "bỏ qua" if skipped else ("xong" if ok else "LỖI")
            text = f"[{self._done:>{width}}/{self._total}] {mark} {label}"
            if detail:
                text += f": {detail}"
            self.console.print(text, markup=False)

    def note(self, text: str) -> None:
        if self.quiet:
            return
        (self._progress.console if self._progress is not None else self.console).print(text, markup=False)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
        elif self._stage and self._total and not self.quiet and not self.live:
            elapsed = time.monotonic() - self._t0
            rate = self._done / elapsed if elapsed > 0 else 0.0
            self.console.print(f"{self._stage}: xong {self._done}/{self._total} trong {_vn(elapsed)} giây "
                               f"({_vn(rate)} tệp/giây)", markup=False)
        self._stage = ""


def shown_path(path: str) -> str:
    """A path as short as it can be said: relative to the current folder when inside it."""
    import os
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path
    return path if rel.startswith("..") else rel


def summary(entries: list[Entry], out: TextIO | None = None, elapsed: float | None = None,
            pdf: bool = False, folder: str = "") -> None:
    """The final table: how many done, skipped and failed, then each failure with its reason."""
    stream = out or sys.stdout
    console = Console(file=stream, highlight=False, soft_wrap=False, width=max(100, Console(file=stream).width))
    counts = {s: sum(1 for e in entries if e.status == s) for s in ("done", "skipped", "failed")}
    t = RichTable(title="Kết quả tạo văn bản" + (f" ({folder})" if folder else ""), title_justify="left")
    t.add_column("Trạng thái")
    t.add_column("Số tệp", justify="right")
    t.add_row(STATUS_LABELS["done"], str(counts["done"]))
    t.add_row(STATUS_LABELS["skipped"], str(counts["skipped"]))
    t.add_row(STATUS_LABELS["failed"], str(counts["failed"]), style="red" if counts["failed"] else None)
    if pdf:
        pdf_failed = sum(1 for e in entries if e.pdf_status == "failed")
        pdf_ok = sum(1 for e in entries if e.pdf_status in ("done", "skipped"))
        t.add_row("PDF có", str(pdf_ok))
        t.add_row("PDF lỗi", str(pdf_failed), style="red" if pdf_failed else None)
    console.print(t)
    # each workbook's warning once (its documents share its figures; an agency's letter names its own cells)
    warned = list(dict.fromkeys((e.source, e.warning) for e in entries if e.warning and e.status in ("done", "skipped")))
    if warned:
        books = len({source for source, _ in warned})
        console.print(f"Cảnh báo ({books} bảng tính; cũng ở cột «Cảnh báo» của index.csv):", markup=False)
        for source, text in warned:
            console.print(f"- {shown_path(source)}: {text}".replace("\n", "\n    "), markup=False, soft_wrap=True)
    failed = [e for e in entries if e.status == "failed" or e.pdf_status == "failed"]
    if failed:
        def reason(e: Entry) -> str:
            return e.reason if e.status == "failed" else f"PDF: {e.pdf_reason}"

        if stream.isatty():
            ft = RichTable(title="Các mục bị lỗi", title_justify="left", show_lines=False)
            ft.add_column("Tệp nguồn", overflow="fold")
            ft.add_column("Văn bản", overflow="fold")
            ft.add_column("Lý do", overflow="fold")
            for e in failed:
                ft.add_row(shown_path(e.source), e.output or "—", reason(e))
            console.print(ft)
        else:  # a log: each failure whole, easy to grep (a reason's own list indented under it)
            console.print("Các mục bị lỗi:", markup=False)
            for e in failed:
                target = f" ({e.output})" if e.output else ""
                text = reason(e).replace("\n", "\n    ")  # a reason's own list stays under its item
                console.print(f"- {shown_path(e.source)}{target}: {text}", markup=False, soft_wrap=True)
        from kh_excel.core.gate import ALLOW_HINT_CLI, is_errors_reason
        if any(e.status == "failed" and is_errors_reason(e.reason) for e in failed):
            console.print(ALLOW_HINT_CLI, markup=False, soft_wrap=True)
    if elapsed is not None:
        console.print(f"Thời gian: {_vn(elapsed)} giây.", markup=False)
