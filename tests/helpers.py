"""Small shared helpers for the tests: run the CLI as a user would, find the samples."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SAMPLES = DATA / "samples"
REAL = DATA / "real"
SEEDS = DATA / "seeds"
EXAMPLE = ROOT / "examples" / "chi_tieu_2026_lao_cai.xlsx"


def sample(name: str) -> Path:
    """A sample workbook kept in the repository, tests/data/samples (nothing outside the clone is read)."""
    path = SAMPLES / name
    if not path.exists() and name == EXAMPLE.name:
        return EXAMPLE
    return path


def run_cli(*args: str, timeout: float = 120, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run([sys.executable, "-m", "kh_excel", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, env=full_env)


def run_json(*args: str) -> tuple[int, dict]:
    """A command's --json report and exit code, the command run in this process (typer's CliRunner): these tests
    read what `check`/`attainment` report, not how the process behaves (run_cli runs it as a process, as the
    tests of exit codes, streams and encodings do). A process costs ~0,3 s of start and imports each call. The
    command is the app's own, not localised: localise patches click for the whole process, and only stdout is read."""
    from typer.testing import CliRunner

    from kh_excel.cli import app
    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a crash is the test's failure, with its own traceback
    assert result.stdout.strip(), result.stderr
    return result.exit_code, json.loads(result.stdout)


def docx_paragraphs(path) -> list[str]:
    """Every paragraph of a .docx body and of every table cell, in order, as python-docx reads it."""
    import docx
    d = docx.Document(str(path))
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                out += [p.text for p in cell.paragraphs]
    return out


def make_template(path, paragraphs: list[str]) -> Path:
    """A .docx of plain paragraphs (a user's template, a part, a hostile payload)."""
    import docx
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(str(path))
    return Path(path)


def lint_problems(report) -> list[str]:
    """The rules a document fails other than placeholder.present: a generated document keeps the
    highlighted «[…]» places its author must write, and lint lists them until they are filled."""
    return [rid for rid in report.failed() if rid != "placeholder.present"]


def fill_settings(path, values: dict) -> None:
    """Type values into a written settings sheet as a user does: column B of the row {(group label, key label):
    value}; every row named must be on the sheet."""
    import openpyxl
    from kh_excel.docs import kinds
    from kh_excel.docs.settings import SHEET_NAME
    wb = openpyxl.load_workbook(path)
    group, todo = "", dict(values)
    for row in wb[SHEET_NAME].iter_rows(min_row=3):
        label = row[0].value
        if label in {"Chung", *(k.label for k in kinds.all_kinds())} and row[1].value is None:
            group = label
        elif (group, label) in todo:
            row[1].value = todo.pop((group, label))
    assert not todo, todo
    wb.save(path)


def numbered_table(path, rows: int, result) -> Path:
    """A plain indicator table of `rows` numbered rows from sheet row 2, one lead agency: indicator i
    «Số hộ được hỗ trợ đợt i», unit «Hộ», target 100 + i, result `result(i)` (None: empty). For tests
    of output that must stay bounded however many rows a sheet has."""
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Chỉ tiêu")
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    for i in range(1, rows + 1):
        ws.append([str(i), f"Số hộ được hỗ trợ đợt {i}", "Hộ", 100 + i, result(i), "Sở Tài chính"])
    wb.save(path)
    return Path(path)


def unhidden_copy(src: Path, dst: Path) -> Path:
    """src with every row shown (hidden="…" taken off its <row> tags), the rest byte for byte: a real table whose
    staff hid a block (da_huoai rows 43–223) read whole, for tests about those rows' content."""
    import re
    import zipfile
    row_hidden = re.compile(rb'(<row\b[^>]*?)\s+hidden="(?:1|true)"')
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                data = row_hidden.sub(rb"\1", data)
            zout.writestr(info, data)
    return dst


def interruptible() -> None:
    """preexec_fn of a command a test interrupts as a terminal's Ctrl-C does: SIGINT at its default. A shell that
    starts the suite in the background (`cmd &` with no job control) makes children ignore SIGINT, and a Python
    started so never turns it into KeyboardInterrupt: the tests of Ctrl-C would then test the shell, not kh_excel."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def formatted_book(path, head: list, rows: list[list], formats: dict[str, str], title: str = "Phụ lục") -> Path:
    """A one-sheet workbook of `head` and `rows`, with number formats given per cell («E10»: «#,##0»): what a cell
    shows against what it holds (tests of shown_rounded and one value per cell)."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    ws.append(head)
    for row in rows:
        ws.append(row)
    for cell, fmt in formats.items():
        ws[cell].number_format = fmt
    wb.save(path)
    return Path(path)


def typed_book(form, figures: dict[int, object]):
    """An agency's form (an openpyxl workbook, not saved) with `figures` (master row -> figure) typed into the
    result cell of the row whose hidden key names that master row."""
    import openpyxl

    from kh_excel.collect.forms import COL, FIRST_ROW, FORM_SHEET, parse_key
    wb = openpyxl.load_workbook(form)
    ws = wb[FORM_SHEET]
    for r in range(FIRST_ROW, ws.max_row + 1):
        key = parse_key(ws.cell(r, COL["key"]).value)
        if key and key[1] in figures:
            ws.cell(r, COL["result"]).value = figures[key[1]]
    return wb


def typed_form(form, out, figures: dict[int, object]) -> Path:
    """typed_book saved as `out`: what an agency sends back to `collect`."""
    typed_book(form, figures).save(out)
    return Path(out)
