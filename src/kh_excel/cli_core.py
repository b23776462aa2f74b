"""`kh-excel check` and `kh-excel attainment`: headless, never modifying the input."""
from __future__ import annotations

import json
import os
import sys
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Optional

import typer

from kh_excel.core.model import Attainment, Table


def fail(message: str, code: int = 2) -> None:
    """Print a Vietnamese message on stderr and exit; never a traceback."""
    from rich.console import Console
    from rich.markup import escape
    Console(stderr=True, highlight=False, soft_wrap=True).print(f"[bold red]Lỗi:[/] {escape(message)}", markup=True)
    raise typer.Exit(code)


def guarded(fn: Callable[[], int]) -> None:
    """Run a command body: a UserError (kh_excel.errors) as its Vietnamese message with its exit code
    (2); an unexpected one says so plainly with exit 3. Never a traceback. While it runs, every file
    the input guard passes is protected from the writers."""
    from kh_excel.errors import UserError
    from kh_excel.io.atomic import inputs_protected
    try:
        with inputs_protected():
            code = fn()
            sys.stdout.flush()
    except typer.Exit:
        raise
    except UserError as exc:
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        fail("đã dừng theo yêu cầu của người dùng.", 130)
    except MemoryError:
        fail("không đủ bộ nhớ để đọc tệp.", 2)
    except RecursionError:
        fail("dữ liệu lồng nhau quá sâu để xử lý.", 2)
    except OSError as exc:
        if _stdout_failed(exc):
            fail(f"không ghi được kết quả ra đầu ra chuẩn: {_os_reason(exc)}.", 2)
        where = f"«{exc.filename}»: " if exc.filename else ""
        fail(f"lỗi hệ thống tệp {where}{_os_reason(exc)}.", 2)
    except Exception as exc:  # a bug: say so plainly, with the detail for the developers
        if os.environ.get("KH_EXCEL_DEBUG"):
            raise
        fail(f"lỗi không mong đợi ({type(exc).__name__}: {exc}). Đặt biến môi trường KH_EXCEL_DEBUG=1 để xem chi tiết.", 3)
    raise typer.Exit(code or 0)


def bounded(low: float, high: float, unit: str = "") -> Callable[[Any], Any]:
    """An option callback: a number from `low` to `high` (nan, inf and negatives refused in Vietnamese,
    exit 2), so that a typing slip never changes a status or waits for ever."""
    import math

    def check(value):
        if value is None:
            return value
        if not math.isfinite(value) or not low <= value <= high:
            shown = ("không phải là số" if math.isnan(value) else "vô cực" if math.isinf(value)
                     else f"{value:g}".replace(".", ",") + unit)
            raise typer.BadParameter(f"phải từ {low:g} đến {high:g}{unit} (đang là {shown}).")
        return value
    return check


TOLERANCE = bounded(0, 50, " %")      # % of a «khoảng» target
TIMEOUT = bounded(1, 3600, " giây")   # seconds for LibreOffice


def _os_reason(exc: OSError) -> str:
    from kh_excel.io.atomic import os_reason
    return os_reason(exc)


def _stdout_failed(exc: OSError) -> bool:
    """Standard output cannot take the result (a full disk, a closed pipe): send what is left of it
    nowhere, so that Python's own flush at exit does not print an English traceback."""
    import errno
    if exc.errno not in (errno.ENOSPC, errno.EPIPE, errno.EDQUOT, errno.EIO) or exc.filename:
        return False
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
    return True


def _num(v: Decimal | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if v == v.to_integral_value() and abs(v) < 2**53 else float(v)


def columns_json(table: Table) -> dict[str, Any]:
    from kh_excel.core.validation import col_letter
    return {role: {"column": col_letter(c), "header": table.column_headers.get(role, "")} for role, c in table.columns.items()}


def groups_json(table: Table) -> dict[str, Any]:
    """Which column groups and periods the sheet has, and which the figures were read from."""
    return {"groups": table.groups, "group": table.group, "periods": table.periods, "period": table.period}


def check_json(table: Table, findings) -> dict[str, Any]:
    from kh_excel.core.validation import counts
    return {
        "file": table.file,
        "sheet": table.sheet,
        "columns": columns_json(table),
        "column_groups": groups_json(table),
        "missing_columns": table.missing_columns,
        "findings": [f.to_json() for f in findings],
        "counts": counts(findings),
    }


def attainment_json(att: Attainment) -> dict[str, Any]:
    """The table's indicators and summary; a heading row over its parts (core.attainment.heading_rows) has no
    verdict of its own: `status` null, `status_label` "", `heading` true, as the documents leave it blank."""
    from kh_excel.core.attainment import HEADING_REASON, heading_rows
    t = att.table
    indicators = []
    heads = heading_rows(att)
    for a in att.assessments:
        ind = a.indicator
        heading = ind.row in heads
        indicators.append({
            "row": ind.row,
            "stt": ind.stt,
            "kind": ind.kind,
            "name": ind.name,
            "unit": ind.unit,
            "section": ind.section,
            "target": ind.target.to_json(),
            "result": _num(ind.result),
            "exact": {k: float(v) for k, v in ind.exact.items()},
            "ratio": None if a.ratio is None else round(float(a.ratio), 4),
            "direction": ind.direction,
            "direction_reason": ind.direction_reason,
            "status": None if heading else a.status,
            "status_label": "" if heading else a.status_label,
            "reason": HEADING_REASON if heading else a.reason,
            "heading": heading,
            "growth": None if a.growth is None else round(float(a.growth), 4),
            "growth_unit": a.growth_unit or None,
            "growth_kind": a.growth_kind or None,
            "growth_base_year": a.growth_base_year,
            "lead": ind.lead,
            "leader": ind.leader,
            "footnote": ind.footnote or None,
        })
    s = att.summary
    summary = {
        "evaluated": s.evaluated,
        **s.counts,
        "by_section": s.by_section,
        "by_agency": s.by_agency,
        "by_leader": s.by_leader,
        "sentence": s.sentence,
    }
    return {"file": t.file, "sheet": t.sheet, "year": t.year, "columns": columns_json(t), "column_groups": groups_json(t),
            "indicators": indicators, "summary": summary}


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))  # no indent: the C encoder
JSON_LAID_OUT = 2  # levels laid out one member per line; below them each value is written on one line


def json_chunks(obj: Any, level: int = 0) -> Any:
    """`obj` as JSON text, in pieces: the outer dicts and lists one member per line, indented, each value
    deeper than JSON_LAID_OUT levels (an indicator, a finding) on one line by the C encoder. `indent=2`
    would send every value through json's pure-Python encoder: 150.000 indicators took a minute and the
    whole text was held in memory at once."""
    pad, inner = "  " * level, "  " * (level + 1)
    if level < JSON_LAID_OUT and isinstance(obj, dict) and obj:
        yield "{"
        for i, (key, value) in enumerate(obj.items()):
            if not isinstance(key, str):  # 1, True, None as json.dumps writes a key: "1", "true", "null"
                key = next(iter(json.loads(_COMPACT.encode({key: 0}))))
            yield f"{',' if i else ''}\n{inner}{_COMPACT.encode(key)}: "
            yield from json_chunks(value, level + 1)
        yield f"\n{pad}}}"
    elif level < JSON_LAID_OUT and isinstance(obj, (list, tuple)) and obj:
        yield "["
        for i, value in enumerate(obj):
            yield f"{',' if i else ''}\n{inner}"
            yield from json_chunks(value, level + 1)
        yield f"\n{pad}]"
    else:
        yield _COMPACT.encode(obj)


def print_json(obj: Any) -> None:
    write = sys.stdout.write
    for chunk in json_chunks(obj):
        write(chunk)
    write("\n")


def _console():
    from rich.console import Console
    return Console(highlight=False, soft_wrap=False)


SCREENFUL = 40      # lines listed one by one; past this, the rest is summarised by kind


def finding_summaries(findings) -> list[tuple[str, str, str]]:
    """core.validation.finding_summaries (imported when asked: the CLI starts without the checks)."""
    from kh_excel.core.validation import finding_summaries as summaries
    return summaries(findings)


def split_screenful(items, show_all: bool, first=None, limit: int = SCREENFUL) -> tuple[list, list]:
    """The items listed one by one and the rest, to be summarised: everything when it fits (or with
    --all); past that, the first `limit` of `first` (default: all items), in order. Linear, so
    that 150 000 rows cost no more than reading them."""
    if show_all or len(items) <= limit:
        return list(items), []
    listed = list(islice(first if first is not None else items, limit))
    ids = set(map(id, listed))
    return listed, [x for x in items if id(x) not in ids]


PLAIN_BEYOND = 2_000  # --all past this many lines: plain tab-separated lines, not a drawn table


def print_plain(headers: list[str], rows) -> None:
    """A long --all listing as lines of tab-separated cells under a header line, written as it goes: rich
    measures every cell of a table before drawing it (150.000 rows took more than a minute), and lines like
    these can be searched, or pasted into Excel. A tab or line break inside a cell becomes a space."""
    def cell(text: str) -> str:
        return " ".join(str(text).split()) if ("\t" in text or "\n" in text or "\r" in text) else text

    write = sys.stdout.write
    write("\t".join(headers) + "\n")
    for row in rows:
        write("\t".join(map(cell, row)) + "\n")


def rows_by_kind(items, kind: Callable[[Any], str], row: Callable[[Any], Optional[int]]) -> list[tuple[str, int, str]]:
    """(kind, how many, their rows as ranges «8–17, 19 và 120 dòng khác») per kind, in the order kinds
    first occur: the summary of a per-row table past its screenful."""
    by_kind: dict[str, list] = {}
    for x in items:
        by_kind.setdefault(kind(x), []).append(x)
    from kh_excel.core.validation import CELLS_SHOWN, row_list
    return [(k, len(xs), row_list([r for r in map(row, xs) if r], CELLS_SHOWN)) for k, xs in by_kind.items()]


def not_shown_line(parts: list[str]) -> str:
    """The one line that says how much was summarised rather than listed, and how to see it all."""
    return (f"[dim]Không liệt kê từng dòng: {', '.join(parts)} (đã tóm tắt ở trên). "
            "Xem đủ từng dòng: thêm --all (hoặc --json).[/]")


def print_findings(table: Table, findings, show_all: bool = False) -> None:
    """The findings as a table: every one when they fit a screen (or with --all); past that, the
    first SCREENFUL errors one by one and every other finding summarised by code with its cells
    as ranges (--json always lists all). Bounded output: 150 000 errors print in a few dozen lines."""
    from rich.markup import escape
    from rich.table import Table as RTable
    from kh_excel.core.validation import counts
    con = _console()
    con.print(f"[bold]Tệp:[/] {escape(table.file)}   [bold]Trang:[/] {escape(table.sheet)}")
    from kh_excel.core.validation import unlabelled_column
    found = ", ".join(label or unlabelled_column(table, role) for role, label in table.column_headers.items())
    con.print(f"[dim]Cột đã nhận ra: {escape(found)}[/]")
    print_groups(table)
    listed, rest = split_screenful(findings, show_all, first=(f for f in findings if f.severity == "error"))
    labels = {"error": "[red]Lỗi[/]", "warning": "[yellow]Cảnh báo[/]"}
    if len(listed) > PLAIN_BEYOND:
        words = {"error": "Lỗi", "warning": "Cảnh báo"}
        print_plain(["Mức độ", "Ô", "Chỉ tiêu", "Nội dung"],
                    ([words.get(f.severity, words["warning"]), f.cell, f.indicator[:80], f.message] for f in listed))
        listed = []
    if listed:
        rt = RTable(show_lines=False, expand=True)
        rt.add_column("Mức độ", no_wrap=True)
        rt.add_column("Ô", no_wrap=True)
        rt.add_column("Chỉ tiêu", ratio=1, min_width=14, overflow="fold")
        rt.add_column("Nội dung", ratio=3, min_width=30, overflow="fold")
        for f in listed:
            rt.add_row(labels.get(f.severity, labels["warning"]), f.cell, escape(f.indicator[:80]), escape(f.message))
        con.print(rt)
    if rest:
        c = counts(rest)
        parts = [f"{c['error']} lỗi"] * bool(c["error"]) + [f"{c['warning']} cảnh báo"] * bool(c["warning"])
        rt = RTable(show_lines=False, expand=True, title=" và ".join(parts) + ", tóm tắt theo loại")
        rt.add_column("Mức độ", no_wrap=True)
        rt.add_column("Loại", ratio=1, min_width=14, overflow="fold")
        rt.add_column("Các ô", ratio=3, min_width=30, overflow="fold")
        for severity, title, text in finding_summaries(rest):
            rt.add_row(labels.get(severity, labels["warning"]), escape(title), escape(text))
        con.print(rt)
        con.print(not_shown_line(parts))
    c = counts(findings)
    colour = "red" if c["error"] else ("yellow" if c["warning"] else "green")
    con.print(f"[bold {colour}]{c['error']} lỗi, {c['warning']} cảnh báo.[/]")


def print_groups(table: Table) -> None:
    """Which column group and period the figures come from, when the sheet has several."""
    from rich.markup import escape
    con = _console()
    if len(table.groups) > 1:
        # a group that is only the plan's («Kế hoạch năm 2024» over «Tỉnh giao | HĐND huyện giao»): the one whose
        # column was read, named by the header it closes (rev18 R18-16: «Nhóm cột:  (trong 2 nhóm …»)
        chosen = table.group or next((g for g in table.groups
                                      if any(lab.endswith(" " + g) for lab in table.column_headers.values())), "")
        if chosen:
            con.print(f"[dim]Nhóm cột: {escape(chosen)} (trong {len(table.groups)} nhóm: "
                      f"{escape(', '.join(table.groups))}; chọn nhóm khác bằng --group)[/]")
        else:
            con.print(f"[dim]Bảng có {len(table.groups)} nhóm cột: {escape(', '.join(table.groups))} "
                      f"(chọn nhóm bằng --group)[/]")
    if len(table.periods) > 1:
        con.print(f"[dim]Kỳ: {escape(table.period or '')} (trong các kỳ: {escape(', '.join(table.periods))}; "
                  f"chọn kỳ khác bằng --period)[/]")


def print_table_warnings(findings) -> None:
    """The warnings about the table as a whole (core.gate.TABLE_WARNINGS: rows hidden in the sheet, another sheet's
    table …) on stderr, as `render` says them beside a document."""
    from kh_excel.core.gate import table_warnings
    sys.stdout.flush()  # (after what was printed above it, in a terminal or a log of both streams)
    for message in table_warnings(findings):
        print(f"Cảnh báo: {message}", file=sys.stderr)


ROWS_SHOWN = 300   # indicators listed by `attainment`: a real table has up to ~250, all listed


def print_attainment(att: Attainment, show_all: bool = False) -> None:
    """The indicators with their ratio and status; past ROWS_SHOWN (a generated or pasted sheet),
    the rest summarised by status with their rows, unless --all (--json always lists all)."""
    from rich.markup import escape
    from rich.table import Table as RTable
    from kh_excel.core.numbers import format_number, format_ratio
    from rich import box
    con = _console()
    from kh_excel.core.periods import PLAN_SHORT, status_label, table_plan_word
    rt = RTable(expand=True, box=box.SIMPLE_HEAVY, pad_edge=False, collapse_padding=True)
    plan = table_plan_word(att.table)  # «KH», or a budget's «DT» («Dự toán năm 2024»: core.periods.plan_word)
    short = PLAN_SHORT[plan]
    # The name takes the room; short columns are capped so that a narrow terminal still reads well.
    for col, kw in (("STT", {"no_wrap": True, "max_width": 5}),
                    ("Chỉ tiêu", {"ratio": 1, "min_width": 24, "overflow": "fold"}),
                    ("ĐVT", {"max_width": 9, "overflow": "fold"}),
                    (short, {"justify": "right", "max_width": 10, "overflow": "fold"}),
                    ("TH", {"justify": "right", "max_width": 10, "overflow": "fold"}),
                    (f"% {short}", {"justify": "right", "no_wrap": True}),
                    ("Đánh giá", {"no_wrap": True})):
        rt.add_column(col, **kw)
    colours = {"vuot": "green", "dat": "green", "khong_dat": "red", "chua_co_so_lieu": "yellow", "khong_danh_gia": "dim",
               "so_lieu_loi": "bold red"}
    from kh_excel.core.attainment import heading_rows
    heads = heading_rows(att)  # no verdict of their own: blank, as in the documents' appendix

    def verdict(a) -> str:
        return "" if a.indicator.row in heads else status_label(a.status, plan)

    def cells(a) -> list[str]:
        """A row's cells as text, up to its status (the plain listing and the drawn table alike)."""
        ind = a.indicator
        return [ind.stt, ("  " if ind.kind == "subrow" else "") + ind.name, ind.unit, ind.target.text,
                format_number(ind.result) if ind.result is not None else ind.result_text,
                format_ratio(a.ratio) if a.ratio is not None else ""]

    listed, rest = split_screenful(att.assessments, show_all, limit=ROWS_SHOWN)
    if len(listed) > PLAIN_BEYOND:
        print_plain([c.header for c in rt.columns], ([*cells(a), verdict(a)] for a in listed))
        listed = []
    for a in listed:
        rt.add_row(*map(escape, cells(a)), f"[{colours[a.status]}]{escape(verdict(a))}[/]")
    if rt.rows:
        con.print(rt)
    if rest:
        st = RTable(expand=True, box=box.SIMPLE_HEAVY, pad_edge=False, collapse_padding=True,
                    title=f"{len(rest)} dòng khác, tóm tắt theo đánh giá")
        st.add_column("Đánh giá", no_wrap=True)
        st.add_column("Số dòng", justify="right", no_wrap=True)
        st.add_column("Các dòng", ratio=1, overflow="fold")
        labels = {a.status: status_label(a.status, plan) for a in rest}
        labels["heading"] = "Dòng tiêu đề (không đánh giá riêng)"
        colours["heading"] = "dim"
        for status, n, rows in rows_by_kind(rest, lambda a: "heading" if a.indicator.row in heads else a.status,
                                            lambda a: a.indicator.row):
            st.add_row(f"[{colours[status]}]{labels[status]}[/]", str(n), rows)
        con.print(st)
        con.print(not_shown_line([f"{len(rest)} dòng chỉ tiêu"]))
    print_groups(att.table)
    if not rest:
        con.print(escape(att.summary.sentence))
        return
    # the report sentence names every indicator not met: thousands of them here, so the counts instead
    from kh_excel.core.model import STATUS_LABELS
    total = "; ".join(f"{status_label(k, plan)}: {att.summary.counts[k]}" for k in STATUS_LABELS if att.summary.counts.get(k))
    con.print(f"Số chỉ tiêu theo đánh giá (một cơ cấu cùng các thành phần tính là một chỉ tiêu) — {escape(total)}.")
    con.print("[dim]Câu tổng hợp nêu tên từng chỉ tiêu chưa đạt nên không in ở đây; xem: thêm --all (hoặc --json).[/]")


GROUP_HELP = "Nhóm cột lấy số liệu (Toàn huyện, tên xã …), không phân biệt hoa thường và dấu; mặc định nhóm toàn địa bàn."
PERIOD_HELP = ("Kỳ lấy số liệu (6 tháng, 9 tháng, cả năm …), không phân biệt hoa thường và dấu; mặc định kỳ dài nhất "
               "đã có số liệu. Hai cột cùng tên: ghi chữ cái của cột, ví dụ «cột F».")


def register(app: typer.Typer) -> None:
    @app.command("check")
    def check(
        file: Path = typer.Argument(..., help="Tệp bảng tính (.xlsx, .xlsm, .xls, .ods)."),
        sheet: Optional[str] = typer.Option(None, "--sheet", help="Tên trang chứa bảng chỉ tiêu."),
        as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON."),
        group: Optional[str] = typer.Option(None, "--group", help=GROUP_HELP),
        period: Optional[str] = typer.Option(None, "--period", help=PERIOD_HELP),
        show_all: bool = typer.Option(False, "--all", help=f"Liệt kê từng lỗi và cảnh báo; mặc định, quá {SCREENFUL} dòng thì "
                                                           f"chỉ liệt kê {SCREENFUL} lỗi đầu, phần còn lại tóm tắt theo loại."),
    ) -> None:
        """Kiểm tra số liệu của bảng chỉ tiêu: lỗi (mã thoát 1) và cảnh báo."""
        def body() -> int:
            from kh_excel.api import read_workbook
            from kh_excel.core.gate import check as checked_table
            from kh_excel.core.gate import plan_document_findings, plan_read_apart
            table = read_workbook(file, sheet=sheet, group=group, period=period)
            findings = checked_table(table).findings  # (and the table's own «So sánh»/«Đánh giá»: core.own_columns)
            if plan_read_apart(table):  # the plan documents read another year's plan: what they would refuse, too
                plan = read_workbook(file, sheet=table.sheet, group=group, period=period, plan=True)
                findings = [*findings, *plan_document_findings(table, plan)]
            if as_json:
                print_json(check_json(table, findings))
            else:
                print_findings(table, findings, show_all)
            return 1 if any(f.severity == "error" for f in findings) else 0
        guarded(body)

    @app.command("attainment")
    def attainment(
        file: Path = typer.Argument(..., help="Tệp bảng tính (.xlsx, .xlsm, .xls, .ods)."),
        sheet: Optional[str] = typer.Option(None, "--sheet", help="Tên trang chứa bảng chỉ tiêu."),
        as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON."),
        out: Optional[Path] = typer.Option(None, "-o", "--output", help="Ghi bản sao bảng tính có thêm cột «% so với KH» và «Đánh giá»."),
        tolerance: float = typer.Option(2.0, "--tolerance", callback=TOLERANCE,
                                        help="Sai lệch cho phép (%) của mục tiêu «khoảng», từ 0 đến 50."),
        group: Optional[str] = typer.Option(None, "--group", help=GROUP_HELP),
        period: Optional[str] = typer.Option(None, "--period", help=PERIOD_HELP),
        all_groups: bool = typer.Option(False, "--all-groups", help="Đánh giá từng nhóm cột (từng xã …), có tổng hợp riêng cho mỗi nhóm."),
        show_all: bool = typer.Option(False, "--all", help=f"Liệt kê từng chỉ tiêu; mặc định, quá {ROWS_SHOWN} chỉ tiêu thì "
                                                           "phần còn lại được tóm tắt theo đánh giá."),
    ) -> None:
        """Tính tỷ lệ thực hiện so với kế hoạch và đánh giá Vượt/Đạt/Không đạt (mã thoát 1 nếu bảng có lỗi)."""
        def body() -> int:
            from kh_excel.api import read_workbook
            from kh_excel.core.gate import check
            from kh_excel.io.atomic import check_output
            from kh_excel.io.attainment_xlsx import check_output_name
            tol = Decimal(str(tolerance))
            if out is not None:  # before any work: a device or folder first, then the name
                check_output(out, [file])
                check_output_name(out)
            table = read_workbook(file, sheet=sheet, group=group, period=period)
            if all_groups:
                from kh_excel.io.workbook import open_workbook
                grid = open_workbook(file).grid(table.sheet) if table.groups else None  # read once, parsed per group
                per_group, errors = [], 0
                for g in table.groups or [None]:
                    tg = read_workbook(grid, file=table.file, group=g, period=period) if g else table
                    checked_g = check(tg, tol)
                    errors += len(checked_g.errors)
                    per_group.append(checked_g.as_written(tol))
                if as_json:
                    print_json({"file": table.file, "sheet": table.sheet, "column_groups": groups_json(table),
                                "by_group": [{"group": a.table.group, **attainment_json(a)} for a in per_group]})
                else:
                    for a in per_group:
                        _console().rule(a.table.group or a.table.sheet)
                        print_attainment(a, show_all)
                return 1 if errors else 0
            checked = check(table, tol)
            # the rows as written (a failed figure shown beside its «Số liệu lỗi»), statuses from the gate
            att = checked.as_written(tol)
            if out is not None:
                from kh_excel.io.attainment_xlsx import write_attainment_copy
                written = write_attainment_copy(file, out, att, tol, checked.findings)
                print(f"Đã ghi {written}", file=sys.stderr)
            if as_json:
                print_json(attainment_json(att))
            else:
                print_attainment(att, show_all)
            print_table_warnings(checked.findings)  # what the counts leave out (another sheet's table …)
            n = len(checked.errors)
            if n:
                print(f"Bảng có {n} lỗi: {len(checked.faults)} chỉ tiêu có số liệu lỗi không được đánh giá "
                      f"(«Số liệu lỗi»). Xem chi tiết: kh-excel check «{file}».", file=sys.stderr)
            return 1 if n else 0
        guarded(body)
