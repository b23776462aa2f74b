"""The sheet reader on fixture workbooks built for every case of SPEC §2 (see fixture_books.py)."""
from __future__ import annotations

import hashlib
import shutil
import unicodedata
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest

import fixture_books as fb

import kh_excel  # a missing package fails the run, never skips it

READ_BOOKS = [
    "plain", "operators", "directions", "direction_column", "two_row_header", "reordered", "header_variants",
    "unaccented_header", "previous_year", "plan_only", "word_paste", "seed_shape", "text_quality",
]


@pytest.fixture(scope="session")
def books(tmp_path_factory):
    return fb.build_all(tmp_path_factory.mktemp("books"))


@pytest.fixture(scope="session")
def tables(books):
    return {name: kh_excel.read_workbook(path) for name, (path, _) in books.items() if name in READ_BOOKS}


@pytest.fixture(scope="session")
def copies(tmp_path_factory):
    """The plain, two-row-header and Word-paste tables as .xlsx, .xlsm, .xls and .ods (LibreOffice, one start-up
    per format), plus the plain table written directly as .xls by xlwt."""
    src = tmp_path_factory.mktemp("copies_src")
    built = {name: fb.ALL_BUILDERS[name](src) for name in ("plain", "two_row_header", "word_paste")}
    out = tmp_path_factory.mktemp("copies")
    paths = [p for p, _ in built.values()]
    ods = fb.soffice_convert(paths, "ods", out)
    xls = fb.soffice_convert(paths, "xls:MS Excel 97", out)
    result = {}
    for (name, (p, facts)), o, x in zip(built.items(), ods, xls):
        result[name] = {
            "facts": facts,
            ".xlsx": p,
            ".xlsm": fb.make_xlsm(p, out / (p.stem + ".xlsm")),
            ".ods": o,
            ".xls": x,
        }
    xlwt_path, xlwt_facts = fb.build_plain_xlwt(out)
    result["xlwt"] = {"facts": xlwt_facts, ".xls": xlwt_path}
    return result


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(index + 1)


# ---------------------------------------------------------------- header

@pytest.mark.parametrize("name", READ_BOOKS)
def test_columns_recognised(books, tables, name):
    _, facts = books[name]
    table = tables[name]
    got = {role: _letter(c) for role, c in table.columns.items()}
    for role, letter in facts["columns"].items():
        assert got.get(role) == letter, f"{name}: role {role} at {got.get(role)}, expected {letter}; read {got}"
    for role in facts.get("absent", []):
        assert role not in table.columns, f"{name}: role {role} found at {got.get(role)} but the sheet has none"
        assert role in table.missing_columns
    assert table.sheet == facts["sheet"]


@pytest.mark.parametrize("name", [n for n in READ_BOOKS])
def test_header_rows_and_year(books, tables, name):
    _, facts = books[name]
    table = tables[name]
    for r in facts.get("header_rows", []):
        assert r in table.header_rows, f"{name}: header rows {table.header_rows} lack {r}"
    if "first_data_row" in facts:
        assert table.first_data_row == facts["first_data_row"]
    if "year" in facts:
        assert table.year == facts["year"]
    if "previous_year" in facts:
        assert table.previous_year == facts["previous_year"]


def test_header_text_kept_as_written(books, tables):
    table = tables["reordered"]
    assert table.column_headers["target"] == "KH 2026"
    assert table.column_headers["result"] == "Ước TH"
    assert table.column_headers["unit"] == "ĐVT"


def test_title_lines(tables):
    lines = tables["plain"].title_lines
    assert any("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026" in t for t in lines), lines


# ---------------------------------------------------------------- rows

@pytest.mark.parametrize("name", READ_BOOKS)
def test_rows_read(books, tables, name):
    _, facts = books[name]
    problems = fb.row_problems(tables[name], facts["rows"])
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", [n for n in READ_BOOKS])
def test_sections(books, tables, name):
    _, facts = books[name]
    if "sections" not in facts:
        pytest.skip("no sections in this book")
    got = [(s.numeral, s.title, s.row) for s in tables[name].sections]
    assert len(got) == len(facts["sections"]), got
    for (num, title, row), (gnum, gtitle, grow) in zip(facts["sections"], got):
        assert (gnum, gtitle) == (num, title)
        rows = row if isinstance(row, tuple) else (row,)
        assert grow in rows


@pytest.mark.parametrize("name", [n for n in READ_BOOKS])
def test_not_data(books, tables, name):
    """Header rows, repeated headers, (1)(2) rows and section rows never become indicators."""
    _, facts = books[name]
    rows = {i.row for i in tables[name].indicators}
    wrong = [r for r in facts.get("not_rows", []) if r in rows]
    assert not wrong, f"{name}: rows {wrong} were read as indicators"


def test_section_title_without_numeral(books, tables):
    """Seed 001's break: the title row left without its numeral is still a section, not an indicator."""
    _, facts = books["seed_shape"]
    got = [(s.title, s.row) for s in tables["seed_shape"].sections]
    assert got == facts["section_titles"], got


def test_names_are_nfc_and_clean(tables):
    for table in tables.values():
        for ind in table.indicators:
            assert ind.name == unicodedata.normalize("NFC", ind.name)
            assert ind.name == ind.name.strip() and "  " not in ind.name and "\n" not in ind.name
            for agency in ind.lead:
                assert agency == unicodedata.normalize("NFC", agency) and agency == agency.strip()


def test_merged_cells_belong_to_every_row(books, tables):
    """Indicator 5's STT, lead and leader cells are merged down over its two sub-rows."""
    _, facts = books["plain"]
    table = tables["plain"]
    by_row = {i.row: i for i in table.indicators}
    top = min(r for r, e in facts["rows"].items() if e.get("stt") == "5")
    subs = [r for r, e in facts["rows"].items() if e.get("parent") == top]
    assert len(subs) == 2
    for r in subs:
        assert by_row[r].kind == "subrow" and by_row[r].parent_row == top and by_row[r].number == 5
        assert by_row[r].lead == [fb.XA]
        assert by_row[r].leader == fb.SINH


def test_agency_lists_split_by_registry(tables):
    leads = {tuple(i.lead) for i in tables["plain"].indicators}
    assert ("Sở Tài chính", "Thống kê tỉnh") in leads          # comma between two agencies
    assert (fb.VHTTDL,) in leads                                 # comma inside one agency's name
    assert any(fb.same_agencies(list(x), ["Sở Công Thương", "Ban Quản lý Khu Kinh tế"]) for x in leads)  # ;
    assert ("Sở Y tế", "Bảo hiểm xã hội tỉnh") in leads         # line break
    assert ("Sở Nội vụ", "Sở Tài chính") in leads


def test_plan_only_workbook(tables):
    table = tables["plan_only"]
    assert not table.has_results
    assert all(i.result is None for i in table.indicators)


def test_tcvn3_text_detected_or_converted(books, tables):
    """A TCVN3 cell either stays as read (and validation says so) or is converted correctly: never half-way."""
    _, facts = books["text_quality"]
    ind = {i.row: i for i in tables["text_quality"].indicators}[facts["tcvn3_row"]]
    assert ind.name in (fb.tcvn3(fb.TCVN3_NAME), fb.TCVN3_NAME), ind.name


def test_tcvn3_header(books):
    """A table typed in TCVN3: read with its columns recognised, or refused with a message naming the encoding."""
    path, facts = books["tcvn3_header"]
    try:
        table = kh_excel.read_workbook(path)
    except Exception as exc:  # refusing is acceptable only when the message names the legacy encoding
        msg = fb.fold(str(exc).replace(str(path), "").replace(path.name, ""))
        assert "tcvn" in msg or "vntime" in msg or "ma cu" in msg or "bang ma" in msg, str(exc)
        return
    for role in ("name", "unit", "target", "result", "lead"):
        assert _letter(table.columns[role]) == facts["columns"][role]
    problems = fb.row_problems(table, {r: {k: v for k, v in e.items() if k in ("value", "result", "kind")}
                                       for r, e in facts["rows"].items()})
    assert not problems, problems
    findings = fb.all_findings(table, kh_excel.validate(table))
    assert any(fb.category_matches(f.code, "legacy_encoding") for f in findings), \
        [(f.code, f.cell) for f in findings]
    by_row = {i.row: i for i in table.indicators}
    for r, e in facts["rows"].items():
        assert by_row[r].name in (e["unicode_name"], fb.tcvn3(e["unicode_name"]))


# ---------------------------------------------------------------- other formats

def _signature(table) -> dict:
    return {
        "columns": dict(table.columns),
        "sections": [(s.numeral, s.title, s.row) for s in table.sections],
        "indicators": [
            (i.row, i.kind, i.stt, i.name, i.unit, i.target.op, i.target.value, i.target.high, i.result,
             tuple(i.lead), i.leader, i.parent_row, i.number, i.section)
            for i in table.indicators
        ],
    }


@pytest.mark.parametrize("name", ["plain", "two_row_header", "word_paste"])
@pytest.mark.parametrize("ext", [".xlsm", ".xls", ".ods"])
def test_other_formats_read_identically(copies, name, ext):
    ref = _signature(kh_excel.read_workbook(copies[name][".xlsx"]))
    other = _signature(kh_excel.read_workbook(copies[name][ext]))
    assert other["columns"] == ref["columns"]
    assert other["sections"] == ref["sections"]
    diff = [(a, b) for a, b in zip(ref["indicators"], other["indicators"]) if a != b]
    assert len(other["indicators"]) == len(ref["indicators"]) and not diff, diff[:3]


def test_xls_written_by_xlwt(copies):
    entry = copies["xlwt"]
    table = kh_excel.read_workbook(entry[".xls"])
    problems = fb.row_problems(table, entry["facts"]["rows"])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("ext", [".xlsm", ".xls", ".ods"])
def test_other_formats_validate_identically(copies, ext):
    def sig(path):
        table = kh_excel.read_workbook(path)
        return sorted((f.code, f.cell, f.severity) for f in fb.all_findings(table, kh_excel.validate(table)))

    assert sig(copies["plain"][ext]) == sig(copies["plain"][".xlsx"])


# ---------------------------------------------------------------- API details

def test_sheet_by_name(tmp_path):
    path, facts = fb.build_two_sheets(tmp_path)
    table = kh_excel.read_workbook(path, sheet=fb.SHEET)
    assert table.sheet == fb.SHEET
    assert not fb.row_problems(table, facts["rows"])


def test_read_from_grid_equals_read_from_file(books):
    """The add-in hands over cell values it already read: the same table must come out."""
    from kh_excel.core.model import ErrorValue, Grid

    path, facts = books["plain"]
    ws = openpyxl.load_workbook(path).active
    rows = []
    for row in ws.iter_rows(values_only=True):
        rows.append([ErrorValue(v) if isinstance(v, str) and v.startswith("#") and v.endswith(("!", "?", "A"))
                     else v for v in row])
    merged = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
    table = kh_excel.read_workbook(Grid(sheet=ws.title, rows=rows, merged=merged))
    assert not fb.row_problems(table, facts["rows"])
    assert _signature(table)["indicators"] == _signature(kh_excel.read_workbook(path))["indicators"]


def test_reading_never_changes_the_file(tmp_path):
    path, _ = fb.build_plain(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = path.stat().st_mtime_ns
    table = kh_excel.read_workbook(path)
    kh_excel.validate(table)
    kh_excel.evaluate(table)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no lock or temp file left behind


def test_numbers_keep_their_precision(tables):
    """14,97 stays 14.97 exactly (no binary-float digits), for numbers read from text and from numeric cells."""
    for table in tables.values():
        for ind in table.indicators:
            for v in (ind.result, ind.target.value, ind.target.high, ind.previous):
                if v is not None:
                    assert isinstance(v, D)
                    assert len(v.as_tuple().digits) <= 15, (ind.row, v)
