"""Which plan a table states: a plan document's plan is the year after the estimate (the December appendix «Kế hoạch
năm 2025 | Ước thực hiện năm 2025 | Kế hoạch năm 2026»), a report's the estimate's own year; two plans of one period
are chosen by the sheet's own comparison formulas or refused (rev9 #2, #3a). Expected figures are the sheet's."""
from __future__ import annotations

import html
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings, strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.model import Grid
from kh_excel.core.table import GroupAmbiguous, PlanAmbiguous, parse_grid
from kh_excel.io.ooxml_cells import formula_texts
from kh_excel.io.workbook import ChoiceAmbiguous

from helpers import DATA, docx_paragraphs, run_cli, run_json

TWO_PLANS = DATA / "plans" / "hai_ke_hoach.xlsx"          # D «Chỉ tiêu NQ HĐND giao», E «KH giao đầu năm»; H = G/E
TWO_PLANS_SWAPPED = DATA / "plans" / "hai_ke_hoach_dao_cot.xlsx"  # the same, D and E swapped; H = G/D

DECEMBER = [["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Ước thực hiện năm 2025", "Kế hoạch năm 2026",
             "Cơ quan chủ trì"],
            ["I", "CÁC CHỈ TIÊU VỀ KINH TẾ"],
            [1, "Tổng sản phẩm trên địa bàn", "Tỷ đồng", 140000, 138500, 155000, "Sở Tài chính"],
            [2, "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 21000, 22350, 23500, "Thuế tỉnh"],
            [3, "Tỷ lệ che phủ rừng", "%", 60.5, 60.9, 61.3, "Sở Nông nghiệp và Môi trường"]]


def _book(path: Path, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    ws.append(["ƯỚC THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025 VÀ KẾ HOẠCH NĂM 2026"])
    ws.append([])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _by_name(table) -> dict[str, object]:
    return {i.name: i for i in table.indicators}


def _codes(table) -> dict[str, str]:
    return {f.code: f.message for f in table.reader_findings}


# --------------------------------------------------------------------------- the year a plan document states

def test_a_report_judges_the_estimate_against_its_own_years_plan_and_names_next_years(tmp_path):
    table = read_workbook(_book(tmp_path / "dec.xlsx", DECEMBER))
    assert table.columns["target"] == 3 and table.columns["result"] == 4  # D and E
    gdp = _by_name(table)["Tổng sản phẩm trên địa bàn"]
    assert gdp.target.value == 140000 and gdp.result == 138500
    message = _codes(table)["plan_left_out"]
    assert "cột F «Kế hoạch năm 2026»" in message and "cột D «Kế hoạch năm 2025»" in message
    assert '--period "Kế hoạch năm 2026"' in message


def test_a_plan_document_states_next_years_plan_with_the_estimate_before_it(tmp_path):
    table = read_workbook(_book(tmp_path / "dec.xlsx", DECEMBER), plan=True)
    assert table.columns["target"] == 5 and "result" not in table.columns and table.columns["previous"] == 4
    assert table.year == 2026
    rows = _by_name(table)
    assert rows["Tổng sản phẩm trên địa bàn"].target.value == 155000
    assert rows["Tổng sản phẩm trên địa bàn"].previous == 138500
    assert str(rows["Tỷ lệ che phủ rừng"].target.value) == "61.3"
    message = _codes(table)["plan_left_out"]
    assert "cột D «Kế hoạch năm 2025»" in message and "cột F «Kế hoạch năm 2026»" in message


def test_period_takes_the_plan_column_it_names(tmp_path):
    path = _book(tmp_path / "dec.xlsx", DECEMBER)
    table = read_workbook(path, plan=True, period="Kế hoạch năm 2025")  # the 2025 plan, as a plan document asked
    assert table.columns["target"] == 3 and table.columns["result"] == 4
    assert _by_name(table)["Thu ngân sách nhà nước trên địa bàn"].target.value == 21000
    assert "plan_left_out" not in _codes(table)  # chosen, not left out unsaid
    with pytest.raises(ChoiceAmbiguous, match="Kế hoạch năm 2025.*Kế hoạch năm 2026"):
        read_workbook(path, period="kế hoạch")  # names both plans: asked, never the first


def test_a_five_year_table_plans_the_year_after_the_estimate(tmp_path):
    rows = [["STT", "Chỉ tiêu", "ĐVT", "KH 2020", "ƯTH 2020", "KH 2021", "KH 2022", "KH 2023"],
            [1, "Giá trị sản xuất", "Tỷ đồng", 900, 910, 980, 1060, 1150]]
    table = read_workbook(_book(tmp_path / "five.xlsx", rows), plan=True)
    assert table.columns["target"] == 5 and table.year == 2021  # KH 2021, not the last year KH 2023
    assert table.indicators[0].target.value == 980 and table.indicators[0].previous == 910
    report = read_workbook(_book(tmp_path / "five.xlsx", rows))
    assert report.columns["target"] == 3 and report.columns["result"] == 4


def test_rendered_plan_and_report_state_their_own_years(tmp_path):
    path = _book(tmp_path / "dec.xlsx", DECEMBER)
    plan = run_cli("render", "ke-hoach", path, "-o", tmp_path / "kh.docx")
    assert plan.returncode == 0, plan.stderr
    text = "\n".join(docx_paragraphs(tmp_path / "kh.docx"))
    assert "chủ yếu năm 2026" in text and "155.000" in text and "140.000" not in text
    assert "Kế hoạch năm 2025» không" not in plan.stderr and "cột D «Kế hoạch năm 2025»" in plan.stderr
    report = run_cli("render", "bao-cao", path, "-o", tmp_path / "bc.docx")
    assert report.returncode == 0, report.stderr
    text = "\n".join(docx_paragraphs(tmp_path / "bc.docx"))
    assert "140.000" in text and "155.000" not in text
    assert "cột F «Kế hoạch năm 2026»" in report.stderr


# --------------------------------------------------------------------------- two plans of one period

def test_the_plan_the_sheets_formula_divides_by_is_taken_in_either_column_order():
    a, b = read_workbook(TWO_PLANS), read_workbook(TWO_PLANS_SWAPPED)
    assert a.columns["target"] == 4 and b.columns["target"] == 3  # «KH giao đầu năm» both times (E, then D)
    for table in (a, b):
        rows = _by_name(table)
        assert rows["Thu nhập bình quân đầu người"].target.value == 40  # KH giao đầu năm, not the NQ's 42
        assert rows["Số xã đạt chuẩn nông thôn mới (lũy kế)"].target.value == 7
        assert rows["Thu ngân sách nhà nước trên địa bàn"].target.value == 110
    assert "cột E «KH giao đầu năm»" in _codes(a)["plan_of_formula"]
    assert "cột D «Chỉ tiêu NQ HĐND giao»" in _codes(a)["plan_of_formula"]


def test_the_judgements_do_not_flip_with_the_column_order():
    (code_a, a), (code_b, b) = run_json("attainment", TWO_PLANS, "--json"), run_json("attainment", TWO_PLANS_SWAPPED, "--json")
    assert code_a == code_b == 0
    status = lambda d: {r["name"]: r["status"] for r in d["indicators"]}  # noqa: E731
    assert status(a) == status(b)
    # by hand: 41,2 against 40 is beyond the plan, 7 of 7 communes meets it, 87,1 of 110 misses it
    assert status(a)["Thu nhập bình quân đầu người"] == "vuot"
    assert status(a)["Số xã đạt chuẩn nông thôn mới (lũy kế)"] == "dat"
    assert status(a)["Thu ngân sách nhà nước trên địa bàn"] == "khong_dat"


def _two_plan_grid(formulas) -> Grid:
    rows = [["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu NQ HĐND giao", "KH giao đầu năm", "Ước TH năm 2024",
             "So sánh (%) ƯTH/KH"],
            ["1", "Thu nhập bình quân đầu người", "Triệu đồng", 42, 40, 41.2, 103],
            ["2", "Số xã đạt chuẩn nông thôn mới", "Xã", 8, 7, 7, 100]]
    return Grid("Biểu 01", rows, formulas=formulas)


def test_two_plans_without_a_formula_telling_them_apart_are_refused_naming_both():
    for formulas in (None, lambda: {}, lambda: {(1, 6): "=F2/E2*100", (2, 6): "=F3/D3*100"}):
        with pytest.raises(PlanAmbiguous) as exc:
            parse_grid(_two_plan_grid(formulas))
        message = str(exc.value)
        assert "cột D «Chỉ tiêu NQ HĐND giao»" in message and "cột E «KH giao đầu năm»" in message
        assert "--period" in message


def test_a_formula_naming_one_plan_chooses_it_and_period_overrides():
    table = parse_grid(_two_plan_grid(lambda: {(1, 6): '=IF(D2=0,"",F2/D2*100)', (2, 6): "=F3/$D$3*100"}))
    assert table.columns["target"] == 3 and table.indicators[0].target.value == 42
    chosen = parse_grid(_two_plan_grid(None), period="KH giao đầu năm")
    assert chosen.columns["target"] == 4 and chosen.indicators[0].target.value == 40
    with pytest.raises(GroupAmbiguous):
        parse_grid(_two_plan_grid(None), period="giao")


def test_plans_of_other_kinds_or_years_are_no_rivals():
    """A span of years, a long-term goal, a plan of 6 months: paired by year and period as before, never refused."""
    rows = [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2021-2025", "Mục tiêu đến 2030", "Kế hoạch năm 2025",
             "Kế hoạch 6 tháng năm 2025", "Ước TH năm 2025"],
            ["1", "Thu ngân sách", "Tỷ đồng", 500, 900, 110, 50, 120]]
    table = parse_grid(Grid("B", rows))
    assert table.columns["result"] == 7 and table.indicators[0].result == 120


# --------------------------------------------------------------------------- the formulas of a sheet's XML

def _cell_xml(ref: str, body: str) -> str:
    return f'<c r="{ref}">{body}<v>1</v></c>'


def test_formula_texts_reads_shared_formulas_down_a_column_only():
    xml = ("<sheetData><row r=\"9\">"
           + _cell_xml("H9", '<f t="shared" ref="H9:H11" si="0">IF(E9=0,"",G9/E9*100)</f>')
           + _cell_xml("I9", '<f t="shared" ref="I9:K9" si="1">G9/F9</f>')
           + _cell_xml("J9", '<f t="shared" si="1"/>')
           + "</row><row r=\"10\">" + _cell_xml("H10", '<f t="shared" si="0"/>') + "</row></sheetData>").encode()
    got = formula_texts(xml)
    assert got[(8, 7)] == 'IF(E9=0,"",G9/E9*100)' and got[(9, 7)] == got[(8, 7)]
    assert got[(8, 8)] == "G9/F9" and (8, 9) not in got  # filled across: its columns are not the master's


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.tuples(st.integers(0, 300), st.integers(0, 40)),
                       st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30), max_size=12))
def test_formula_texts_gives_back_every_formula_written(cells):
    from kh_excel.core.validation import cell_ref
    body = "".join(_cell_xml(cell_ref(r, c), f"<f>{html.escape(text, quote=False)}</f>")
                   for (r, c), text in sorted(cells.items()))
    assert formula_texts(f"<sheetData><row>{body}</row></sheetData>".encode()) == cells
