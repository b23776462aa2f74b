"""The gate (core.gate): render, batch, attainment and the add-in refuse a table whose check has
errors, with one reason; --allow-errors writes it with its failed figures as «số liệu lỗi».

Expected values are read off tests/data/samples/chi_tieu_2026_co_loi.xlsx by hand: its check
reports 6 errors (E12 structure of GRDP sums to 102; E18 #DIV/0!; E20 urbanisation 324 against a
plan of 32,4; E21 «11.650 nghìn»; F29 no lead agency; A41 STT 18 twice; D47, a result of 61,3 with no plan, is
a row followed, only warned since rev18 R18-6), and the
figures of rows 9–13 (the GRDP structure and its four parts), 18, 20 and 21 are the failed ones.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from helpers import docx_paragraphs, run_cli, run_json, sample

CO_LOI = sample("chi_tieu_2026_co_loi.xlsx")
KE_HOACH = sample("chi_tieu_2026_ke_hoach.xlsx")
LAO_CAI = sample("chi_tieu_2026_lao_cai.xlsx")
ERROR_CELLS = ["E12", "E18", "E20", "E21", "F29", "A41"]
FAILED_ROWS = {9, 10, 11, 12, 13, 18, 20, 21}
ERROR_VALUE = re.compile(r"#(DIV/0!|REF!|VALUE!|N/A|NAME\?|NUM!|NULL!)")


def _reason(stderr: str) -> str:
    """The gate's reason in what `render` printed: after «Lỗi: », before the hint about --allow-errors."""
    from kh_excel.core.gate import ALLOW_HINT_CLI
    text = stderr.strip()
    assert text.startswith("Lỗi: "), text
    return text[len("Lỗi: "):].split("\n" + ALLOW_HINT_CLI)[0]


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("gate") / "in"
    d.mkdir()
    for src in (CO_LOI, KE_HOACH, LAO_CAI):
        shutil.copy(src, d / src.name)
    return d


@pytest.fixture(scope="module")
def refused(books, tmp_path_factory):
    out = tmp_path_factory.mktemp("refused")
    proc = run_cli("render", "bao-cao", books / CO_LOI.name, "-o", out / "bc.docx")
    return proc, out


def test_the_check_reports_the_errors_the_tests_expect(books):
    code, data = run_json("check", books / CO_LOI.name, "--json")
    assert code == 1
    assert [f["cell"] for f in data["findings"] if f["severity"] == "error"] == ERROR_CELLS


def test_render_refuses_a_table_with_errors_and_writes_nothing(refused):
    proc, out = refused
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    reason = _reason(proc.stderr)
    assert reason.startswith("bảng chỉ tiêu (tệp «chi_tieu_2026_co_loi.xlsx», trang «Phụ lục chỉ tiêu») có 6 lỗi")
    lines = reason.splitlines()[1:]
    assert len(lines) == len(ERROR_CELLS) == 6
    for cell, line in zip(ERROR_CELLS, lines):
        assert line.startswith("- ") and cell in line, (cell, line)
    assert "--allow-errors" in proc.stderr
    assert list(out.iterdir()) == []


@pytest.fixture(scope="module")
def allowed(books, tmp_path_factory):
    out = tmp_path_factory.mktemp("allowed") / "bc.docx"
    proc = run_cli("render", "bao-cao", books / CO_LOI.name, "-o", out, "--allow-errors")
    assert proc.returncode == 0, proc.stderr
    return docx_paragraphs(out)


def test_allowed_report_has_no_error_value_and_no_ratio_from_a_failed_figure(allowed):
    text = "\n".join(allowed)
    assert not ERROR_VALUE.search(text)
    assert not re.search(r"\b324\b", text)        # the urbanisation share as written
    assert "1.000,0" not in text                   # its ratio to the plan
    assert "11.650" not in text                    # «11.650 nghìn» is not a number
    urban = [p for p in allowed if p.startswith("- Tỷ lệ đô thị hóa")]
    assert urban == ["- Tỷ lệ đô thị hóa: số liệu lỗi;"]  # neither the 324 nor a ratio
    # the shares do not add up to 100: the structure is failed as a whole, said once, no share shown
    assert "- Cơ cấu GRDP: số liệu lỗi;" in allowed
    for result in ("15,1", "37,8", "41,7", "7,4"):
        assert not any(p.startswith("- Cơ cấu GRDP") and result in p for p in allowed)


def test_allowed_report_counts_failed_rows_apart(allowed):
    text = "\n".join(allowed)
    # 35 rows judged (41 without the gate, less the 6 of them whose figures failed): 17 + 6 met, 12 not met
    assert "có 23/35 chỉ tiêu đạt và vượt kế hoạch" in text
    assert "12 chỉ tiêu không đạt kế hoạch" in text
    # 8 rows failed: the structure with its 4 parts (one item in a document), E18, E20, E21
    assert "Các chỉ tiêu có số liệu lỗi, chưa đánh giá (4 chỉ tiêu)" in text
    assert "Tỷ lệ đô thị hóa" not in next(p for p in allowed if "chỉ tiêu không đạt kế hoạch, gồm" in p)


def test_attainment_gives_failed_rows_their_own_status_and_exits_1(books):
    code, data = run_json("attainment", books / CO_LOI.name, "--json")
    assert code == 1
    s = data["summary"]
    assert {k: s[k] for k in ("evaluated", "vuot", "dat", "khong_dat", "chua_co_so_lieu", "khong_danh_gia",
                              "so_lieu_loi")} == {"evaluated": 35, "vuot": 17, "dat": 6, "khong_dat": 12,
                                                  "chua_co_so_lieu": 0, "khong_danh_gia": 2, "so_lieu_loi": 4}
    # 4 = «Cơ cấu GRDP» (its 4 shares add to 102%: ONE structure, rows 9–13) + E18 #DIV/0! + E20 324% + E21 text,
    # the count the documents give (test above): the rows keep their own status in the row list
    by_row = {i["row"]: i for i in data["indicators"]}
    assert {r for r, i in by_row.items() if i["status"] == "so_lieu_loi"} == FAILED_ROWS
    urban = by_row[20]
    assert urban["name"] == "Tỷ lệ đô thị hóa" and urban["status_label"] == "Số liệu lỗi"
    assert urban["ratio"] is None and "324" in urban["reason"]
    assert by_row[41]["status"] == "vuot"  # a repeated STT says nothing about the row's figures
    code, _ = run_json("attainment", books / LAO_CAI.name, "--json")
    assert code == 0


@pytest.fixture(scope="module")
def batch_run(books, tmp_path_factory):
    out = tmp_path_factory.mktemp("batch")
    proc = run_cli("batch", books, "-o", out, "--jobs", "1", "-q", "--json")
    return proc, out


def test_batch_refuses_per_item_what_render_refuses(batch_run, refused, books, tmp_path):
    proc, out = batch_run
    assert proc.returncode == 1, proc.stderr
    items = {Path(i["source"]).name: i for i in json.loads(proc.stdout)["items"]}
    assert items[LAO_CAI.name]["status"] == "done"  # the other items go on
    assert items[CO_LOI.name]["status"] == "failed"
    assert items[CO_LOI.name]["reason"] == _reason(refused[0].stderr)
    plan_only = run_cli("render", "bao-cao", books / KE_HOACH.name, "-o", tmp_path / "kh.docx")
    assert plan_only.returncode == 2 and not (tmp_path / "kh.docx").exists()
    assert items[KE_HOACH.name]["status"] == "failed"
    assert items[KE_HOACH.name]["reason"] == plan_only.stderr.strip()[len("Lỗi: "):]
    assert sorted(p.name for p in out.glob("*.docx")) == ["chi_tieu_2026_lao_cai.docx"]


def test_batch_allow_errors_writes_the_faulty_table(books, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(books / CO_LOI.name, d)
    proc = run_cli("batch", d, "-o", tmp_path / "out", "--jobs", "1", "-q", "--allow-errors")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = "\n".join(docx_paragraphs(tmp_path / "out" / "chi_tieu_2026_co_loi.docx"))
    assert not ERROR_VALUE.search(text) and "1.000,0" not in text
    # 8 rows failed: the structure with its 4 parts (one item in a document), E18, E20, E21
    assert "Các chỉ tiêu có số liệu lỗi, chưa đánh giá (4 chỉ tiêu)" in text


def test_batch_per_agency_refuses_the_workbook(books, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(books / CO_LOI.name, d)
    proc = run_cli("batch", d, "-o", tmp_path / "out", "--per", "agency", "--jobs", "1", "-q", "--json")
    assert proc.returncode == 1
    (item,) = json.loads(proc.stdout)["items"]
    # 2 of the 6 errors are in cells a «giao chỉ tiêu» states (F29, A41; D47, a result with no plan, is a warning since
    # rev18 R18-6); the 4 in the result column (E12, E18, E20, E21) are no figure of a plan document's and do not stop
    # it (rev18 R18-4)
    assert item["status"] == "failed" and "có 2 lỗi nên chưa tạo văn bản" in item["reason"]
    assert not list((tmp_path / "out").glob("*.docx"))


def test_every_error_of_the_catalogue_is_classified():
    from kh_excel.core.gate import NUMBER_FAILURES, OTHER_ERRORS
    from kh_excel.core.validation import CATALOGUE
    errors = {code for code, t in CATALOGUE.items() if t.severity == "error"}
    assert errors == NUMBER_FAILURES | OTHER_ERRORS and not NUMBER_FAILURES & OTHER_ERRORS


# ------------------------------------------------------------------ the add-in (real remote engine)

def test_addin_refuses_with_the_same_reason_and_writes_nothing(books, refused, tmp_path, monkeypatch):
    pytest.importorskip("xlwings")
    from kh_excel.addin import run_action
    from kh_excel.addin.documents import OUTPUT_ENV
    from kh_excel.addin.payload import open_book

    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path / "van_ban"))
    reason = _reason(refused[0].stderr)
    for tag in ("bao_cao", "ke_hoach", "theo_co_quan"):
        book = open_book(books / CO_LOI.name)
        ok, message = run_action(tag, book)
        assert not ok
        if tag == "bao_cao":
            assert message.startswith(reason[:1].upper() + reason[1:] + "\n"), (tag, message)
            cells = ERROR_CELLS
        else:  # a plan document: the result column's errors (E12 … E21) are no figure it states (rev18 R18-4)
            # (D47, a result with no plan, is a warning: R18-6)
            assert "có 2 lỗi nên chưa tạo văn bản" in message, (tag, message)
            cells = ERROR_CELLS[4:]
            assert not any(f"Ô {cell}" in message for cell in ERROR_CELLS[:4]), (tag, message)
        for cell in cells:
            assert cell in message
        assert [a["func"] for a in book.json()["actions"]] == ["alert"]
    assert not (tmp_path / "van_ban").exists()  # refused before the folder is made


def test_addin_report_of_a_plan_only_table_is_refused_as_render_refuses(books, tmp_path, monkeypatch):
    pytest.importorskip("xlwings")
    from kh_excel.addin import run_action
    from kh_excel.addin.documents import OUTPUT_ENV
    from kh_excel.addin.payload import open_book

    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path / "van_ban"))
    plan_only = run_cli("render", "bao-cao", books / KE_HOACH.name, "-o", tmp_path / "kh.docx")
    ok, message = run_action("bao_cao", open_book(books / KE_HOACH.name))
    assert not ok and plan_only.stderr.strip()[len("Lỗi: "):] in message
    ok, message = run_action("ke_hoach", open_book(books / KE_HOACH.name))
    assert ok, message


def test_addin_after_a_yes_writes_failed_figures_as_so_lieu_loi(books, tmp_path, monkeypatch):
    """What the confirmation's «Yes» leads to (the remote engine cannot ask): the same gate, allowed."""
    pytest.importorskip("xlwings")
    from kh_excel.addin.actions import find_table
    from kh_excel.addin.engine import Session
    from kh_excel.addin.payload import open_book
    from kh_excel.core.gate import Refused, gate

    s = Session(open_book(books / CO_LOI.name))
    table, _ = find_table(s)
    with pytest.raises(Refused):
        gate(table, report=True)
    att = gate(table, report=True, allow_errors=True).attainment
    assert att.summary.counts["so_lieu_loi"] == 4  # «Cơ cấu GRDP» (one structure) + E18, E20, E21
    urban = next(a for a in att.assessments if a.indicator.row == 20)
    assert urban.status == "so_lieu_loi" and urban.ratio is None and urban.indicator.result is None


def test_batch_log_says_how_to_write_it_anyway(books, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(books / CO_LOI.name, d)
    proc = run_cli("batch", d, "-o", tmp_path / "out", "--jobs", "1", "-q")
    assert proc.returncode == 1
    assert "    - Ô E20 (Thực hiện) là tỷ lệ phần trăm nhưng có giá trị 324" in proc.stdout  # listed under its item
    assert "--allow-errors" in proc.stdout


# ------------------------------------------------------------------ the pieces, for any input

from hypothesis import given, strategies as st  # noqa: E402

_names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)


@given(file=_names, sheet=_names, n=st.integers(1, 30))
def test_a_refusal_for_errors_is_recognised_whatever_the_names(file, sheet, n):
    from kh_excel.core.gate import errors_reason, is_errors_reason, plan_only_reason
    from kh_excel.core.model import Finding, Table

    table = Table(file=file, sheet=sheet, columns={"name": 1, "target": 2}, column_headers={}, header_rows=[1],
                  first_data_row=2, last_data_row=2, title_lines=[], sections=[], indicators=[])
    errors = [Finding("missing_lead", "error", sheet, f"F{i + 2}", i + 2, "x", f"thiếu ở ô F{i + 2}.")
              for i in range(n)]
    reason = errors_reason(table, errors)
    assert is_errors_reason(reason) and len(reason.splitlines()) == n + 1
    assert not is_errors_reason(plan_only_reason(table))
    assert len(errors_reason(table, errors, limit=5).splitlines()) == 1 + min(n, 5) + (n > 5)


@given(c=st.integers(0, 16383), r=st.integers(1, 1048576))
def test_a_cell_column_reads_back(c, r):
    from kh_excel.core.validation import col_index, col_letter
    assert col_index(f"{col_letter(c)}{r}") == c


def test_a_failed_figure_of_the_year_before_loses_only_the_comparison(tmp_path):
    """rev9 #8 (t16): «TH cùng kỳ năm 2023» = #DIV/0! beside a plan of 42 and a result of 41,2. The error is listed
    and refuses the document by default; allowed anyway, the row was «số liệu lỗi» and the appendix lost 41,2. Only
    the comparison is lost: the row is judged «Không đạt» (41,2 < 42, 98,1%) with no growth."""
    from kh_excel.core.gate import check
    from kh_excel.core.model import ErrorValue, Grid
    from kh_excel.core.table import parse_grid
    rows = [["STT", "Chỉ tiêu", "Đơn vị tính", "TH cùng kỳ năm 2023", "Kế hoạch năm 2024", "Thực hiện năm 2024"],
            ["1", "Thu nhập bình quân đầu người", "Triệu đồng", ErrorValue("#DIV/0!"), 42, 41.2],
            ["2", "Tổng giá trị sản xuất", "Tỷ đồng", 2900, 3150, 3060]]
    checked = check(parse_grid(Grid(sheet="Biểu", rows=rows), "t.xlsx"))
    assert [f.code for f in checked.errors] == ["excel_error"] and checked.errors[0].cell == "D2"
    assert checked.faults == {}
    income = checked.attainment.assessments[0]
    assert income.status == "khong_dat" and str(round(income.ratio, 1)) == "98.1"
    assert income.indicator.previous is None and income.growth is None


def test_a_plan_stated_against_the_failed_year_before_still_fails():
    """rev10 D10: «Tăng 10%» needs the year before; with that cell #DIV/0! the row was «không đánh giá» with a false
    reason («bảng không có số thực hiện năm trước») and the report said every indicator was met. It is «số liệu lỗi»."""
    from kh_excel.core.gate import check
    from kh_excel.core.model import ErrorValue, Grid
    from kh_excel.core.table import parse_grid
    rows = [["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước thực hiện năm 2026"],
            ["1", "Tổng sản phẩm trên địa bàn", "Tỷ đồng", ErrorValue("#DIV/0!"), "Tăng 10%", 1100],
            ["2", "Thu nhập bình quân đầu người", "Triệu đồng", ErrorValue("#DIV/0!"), 42, 41.2]]
    checked = check(parse_grid(Grid(sheet="Biểu", rows=rows), "t.xlsx"))
    growth, income = checked.attainment.assessments
    assert growth.status == "so_lieu_loi" and "D2" in growth.reason
    assert income.status == "khong_dat"
