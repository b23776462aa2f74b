"""`kh-excel check` and `kh-excel attainment`: headless, never modifying the input."""
from __future__ import annotations

import json
import os
import sys
from decimal import Decimal
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


def guarded(fn: Callable[[], int], known: tuple[type[BaseException], ...] = ()) -> None:
    """Run a command body: known errors (a WorkbookError, or one of `known`) as their Vietnamese
    message with exit 2; an unexpected one says so plainly with exit 3. Never a traceback."""
    from kh_excel.io.workbook import WorkbookError
    try:
        code = fn()
    except typer.Exit:
        raise
    except (WorkbookError, *known) as exc:
        fail(str(exc), 2)
    except KeyboardInterrupt:
        fail("đã dừng theo yêu cầu của người dùng.", 130)
    except MemoryError:
        fail("không đủ bộ nhớ để đọc tệp.", 2)
    except Exception as exc:  # a bug: say so plainly, with the detail for the developers
        if os.environ.get("KH_EXCEL_DEBUG"):
            raise
        fail(f"lỗi không mong đợi ({type(exc).__name__}: {exc}). Đặt biến môi trường KH_EXCEL_DEBUG=1 để xem chi tiết.", 3)
    raise typer.Exit(code or 0)


def _num(v: Decimal | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if v == v.to_integral_value() and abs(v) < 2**53 else float(v)


def columns_json(table: Table) -> dict[str, Any]:
    from kh_excel.core.validation import col_letter
    return {role: {"column": col_letter(c), "header": table.column_headers.get(role, "")} for role, c in table.columns.items()}


def check_json(table: Table, findings) -> dict[str, Any]:
    from kh_excel.core.validation import counts
    return {
        "file": table.file,
        "sheet": table.sheet,
        "columns": columns_json(table),
        "missing_columns": table.missing_columns,
        "findings": [f.to_json() for f in findings],
        "counts": counts(findings),
    }


def attainment_json(att: Attainment) -> dict[str, Any]:
    t = att.table
    indicators = []
    for a in att.assessments:
        ind = a.indicator
        indicators.append({
            "row": ind.row,
            "stt": ind.stt,
            "kind": ind.kind,
            "name": ind.name,
            "unit": ind.unit,
            "section": ind.section,
            "target": ind.target.to_json(),
            "result": _num(ind.result),
            "ratio": None if a.ratio is None else round(float(a.ratio), 4),
            "direction": ind.direction,
            "direction_reason": ind.direction_reason,
            "status": a.status,
            "status_label": a.status_label,
            "reason": a.reason,
            "growth": None if a.growth is None else round(float(a.growth), 4),
            "growth_unit": a.growth_unit or None,
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
    return {"file": t.file, "sheet": t.sheet, "year": t.year, "indicators": indicators, "summary": summary}


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def _console():
    from rich.console import Console
    return Console(highlight=False, soft_wrap=False)


def print_findings(table: Table, findings) -> None:
    from rich.markup import escape
    from rich.table import Table as RTable
    from kh_excel.core.validation import counts
    con = _console()
    con.print(f"[bold]Tệp:[/] {escape(table.file)}   [bold]Trang:[/] {escape(table.sheet)}")
    found = ", ".join(f"{r}" for r in table.column_headers.values())
    con.print(f"[dim]Cột đã nhận ra: {escape(found)}[/]")
    if findings:
        rt = RTable(show_lines=False, expand=True)
        rt.add_column("Mức độ", no_wrap=True)
        rt.add_column("Ô", no_wrap=True)
        rt.add_column("Chỉ tiêu", ratio=1, min_width=14, overflow="fold")
        rt.add_column("Nội dung", ratio=3, min_width=30, overflow="fold")
        for f in findings:
            sev = "[red]Lỗi[/]" if f.severity == "error" else "[yellow]Cảnh báo[/]"
            rt.add_row(sev, f.cell, escape(f.indicator[:80]), escape(f.message))
        con.print(rt)
    c = counts(findings)
    colour = "red" if c["error"] else ("yellow" if c["warning"] else "green")
    con.print(f"[bold {colour}]{c['error']} lỗi, {c['warning']} cảnh báo.[/]")


def print_attainment(att: Attainment) -> None:
    from rich.markup import escape
    from rich.table import Table as RTable
    from kh_excel.core.numbers import format_number
    from rich import box
    con = _console()
    rt = RTable(expand=True, box=box.SIMPLE_HEAVY, pad_edge=False, collapse_padding=True)
    # The name takes the room; short columns are capped so that a narrow terminal still reads well.
    for col, kw in (("STT", {"no_wrap": True, "max_width": 5}),
                    ("Chỉ tiêu", {"ratio": 1, "min_width": 24, "overflow": "fold"}),
                    ("ĐVT", {"max_width": 9, "overflow": "fold"}),
                    ("KH", {"justify": "right", "max_width": 10, "overflow": "fold"}),
                    ("TH", {"justify": "right", "max_width": 10, "overflow": "fold"}),
                    ("% KH", {"justify": "right", "no_wrap": True}),
                    ("Đánh giá", {"no_wrap": True})):
        rt.add_column(col, **kw)
    colours = {"vuot": "green", "dat": "green", "khong_dat": "red", "chua_co_so_lieu": "yellow", "khong_danh_gia": "dim"}
    for a in att.assessments:
        ind = a.indicator
        rt.add_row(escape(ind.stt), ("  " if ind.kind == "subrow" else "") + escape(ind.name), escape(ind.unit),
                   escape(ind.target.text), format_number(ind.result) if ind.result is not None else escape(ind.result_text),
                   format_number(a.ratio, 1) if a.ratio is not None else "",
                   f"[{colours[a.status]}]{a.status_label}[/]")
    con.print(rt)
    con.print(escape(att.summary.sentence))


def register(app: typer.Typer) -> None:
    @app.command("check")
    def check(
        file: Path = typer.Argument(..., help="Tệp bảng tính (.xlsx, .xlsm, .xls, .ods)."),
        sheet: Optional[str] = typer.Option(None, "--sheet", help="Tên trang chứa bảng chỉ tiêu."),
        as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON."),
    ) -> None:
        """Kiểm tra số liệu của bảng chỉ tiêu: lỗi (mã thoát 1) và cảnh báo."""
        def body() -> int:
            from kh_excel.api import read_workbook
            from kh_excel.core.validation import validate
            table = read_workbook(file, sheet=sheet)
            findings = validate(table)
            if as_json:
                print_json(check_json(table, findings))
            else:
                print_findings(table, findings)
            return 1 if any(f.severity == "error" for f in findings) else 0
        guarded(body)

    @app.command("attainment")
    def attainment(
        file: Path = typer.Argument(..., help="Tệp bảng tính (.xlsx, .xlsm, .xls, .ods)."),
        sheet: Optional[str] = typer.Option(None, "--sheet", help="Tên trang chứa bảng chỉ tiêu."),
        as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON."),
        out: Optional[Path] = typer.Option(None, "-o", "--output", help="Ghi bản sao bảng tính có thêm cột «% so với KH» và «Đánh giá»."),
        tolerance: float = typer.Option(2.0, "--tolerance", help="Sai lệch cho phép (%) của mục tiêu «khoảng»."),
    ) -> None:
        """Tính tỷ lệ thực hiện so với kế hoạch và đánh giá Vượt/Đạt/Không đạt."""
        def body() -> int:
            from kh_excel.api import read_workbook
            from kh_excel.core.attainment import evaluate
            tol = Decimal(str(tolerance))
            table = read_workbook(file, sheet=sheet)
            att = evaluate(table, tol)
            if out is not None:
                from kh_excel.io.attainment_xlsx import write_attainment_copy
                written = write_attainment_copy(file, out, att, tol)
                print(f"Đã ghi {written}", file=sys.stderr)
            if as_json:
                print_json(attainment_json(att))
            else:
                print_attainment(att)
            return 0
        guarded(body)
