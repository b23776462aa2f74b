"""Plan columns headed by the resolution that sets them («Nghị quyết HĐND tỉnh năm 2024», «NQ HĐND giao») are read
(rev20 R20-4: left unread, the report said «không có số kế hoạch» beside the plan 23.600 in the table); a column of
figures whose header no rule knows is warned, never left out silently; the refusal of two plans of one period says
truly that each has its own comparison column (rev20 R20-10). Tables are built here; figures decided by hand."""
from __future__ import annotations

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.model import Grid
from kh_excel.core.table import PlanAmbiguous, header_role, parse_grid

from helpers import docx_paragraphs, run_cli

TITLE = "TÌNH HÌNH THỰC HIỆN MỘT SỐ CHỈ TIÊU NĂM 2024"


def _year_grid(plan_header: str, plan=23600, extra: tuple[str, list] | None = None) -> Grid:
    """Quảng Nam's probe (in/hdr/h0…h8): one row, plan 23.600, result 22.000 of the year 2024."""
    head = ["STT", "Chỉ tiêu", "ĐVT", plan_header, "Thực hiện năm 2024"]
    row = [1, "Tổng thu ngân sách nhà nước", "Tỷ đồng", plan, 22000]
    if extra is not None:
        head.append(extra[0])
        row.append(extra[1])
    return Grid("Biểu", [[TITLE], head, [f"({i})" for i in range(1, len(head) + 1)], row])


# h0 … h8 of the review, and the other ways a resolution names the plan
PLAN_HEADERS = ["Nghị quyết HĐND tỉnh năm 2024", "Chỉ tiêu NQ HĐND năm 2024", "NQ HĐND giao",
                "Chỉ tiêu tỉnh giao năm 2024", "Dự toán HĐND tỉnh giao", "Mục tiêu năm 2024", "Chỉ tiêu năm 2024",
                "Kế hoạch tỉnh giao năm 2024", "Chỉ tiêu HĐND giao năm 2024",
                "NQ ĐH", "Nghị quyết Đại hội", "Theo Nghị quyết", "Chỉ tiêu theo NQ",
                "Nghị quyết HĐND tỉnh (NQ số 25/NQ-HĐND ngày 10/12/2023)"]


@pytest.mark.parametrize("plan_header", PLAN_HEADERS)
def test_a_resolutions_column_is_the_plan(plan_header):
    # by hand: 22.000 of a plan of 23.600 is 93,2% (22000 / 23600 = 0,9322), under the plan: «Không đạt»
    table = parse_grid(_year_grid(plan_header))
    assert table.columns["target"] == 3 and table.column_headers["target"] == plan_header
    a = evaluate(table).assessments[0]
    assert (a.indicator.target.value, a.indicator.result, a.status) == (23600, 22000, "khong_dat")
    assert not [f for f in table.reader_findings if f.code == "column_not_understood"]


@pytest.mark.parametrize("header", ["Số nghị quyết", "Số NQ", "Nghị quyết số", "Ngày ban hành nghị quyết",
                                    "Nghị quyết HĐND (số, ngày)", "Trích yếu nghị quyết", "Ghi chú"])
def test_a_resolutions_particulars_are_no_plan(header):
    """The resolution's number, date or summary (or a note) beside the plan: the plan stays «Kế hoạch năm 2024»."""
    assert header_role(header) != "target"
    table = parse_grid(_year_grid("Kế hoạch năm 2024", extra=(header, "25/NQ-HĐND")))
    assert table.columns["target"] == 3 and table.indicators[0].target.value == 23600
    assert not [f for f in table.reader_findings if f.code == "column_not_understood"]  # text, not figures


def test_a_comparison_with_the_resolution_or_the_budget_is_no_plan():
    assert header_role("So với NQ (%)") == "computed" and header_role("So dự toán TW (%)") == "computed"
    # «Số» folds to «So»: without «%» a budget's figures are no comparison (the guard says them if not read)
    assert header_role("Số dự toán giao năm 2024") != "computed" and header_role("Dự toán giao năm 2024") == "target"


def _six_months_book(path, plan_header="Nghị quyết HĐND tỉnh năm 2024"):
    """W17 (Quảng Nam 6 tháng 2024): «đạt 51,8% so với nghị quyết đề ra (23.600 tỷ đồng)»."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    ws.append(["UBND TỈNH QUẢNG NAM"])
    ws.append(["TÌNH HÌNH THỰC HIỆN MỘT SỐ CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2024"])
    ws.append(["STT", "Chỉ tiêu", "ĐVT", plan_header, "Thực hiện 6 tháng đầu năm 2024", "So với NQ (%)"])
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"])
    ws.append([1, "Tổng thu ngân sách nhà nước", "Tỷ đồng", 23600, 12221, 51.8])
    ws.append(["-", "Thu nội địa", "Tỷ đồng", 20100, 10152, 50.5])
    wb.save(path)
    return path


def test_a_half_year_against_the_resolution_is_progress_and_the_report_states_the_plan(tmp_path):
    # by hand: 12.221 / 23.600 = 0,5178 -> 51,8%; 10.152 / 20.100 = 0,5051 -> 50,5%: progress of a year's plan
    path = _six_months_book(tmp_path / "w17.xlsx")
    table = read_workbook(path)
    assert table.columns["target"] == 3
    out = evaluate(table).assessments
    assert [(a.indicator.target.value, a.indicator.result) for a in out] == [(23600, 12221), (20100, 10152)]
    assert all(a.status not in ("dat", "vuot", "khong_dat") for a in out)
    done = run_cli("render", "bao-cao", path, "-o", tmp_path / "bc.docx")
    assert done.returncode == 0, done.stderr
    text = "\n".join(docx_paragraphs(tmp_path / "bc.docx")).replace("\xa0", " ")
    assert "kế hoạch 23.600 tỷ đồng, bằng 51,8% kế hoạch năm" in text
    assert "không có số kế hoạch" not in text


# --------------------------------------------------------------------------- the guard: a header not understood

NOT_UNDERSTOOD = "Số liệu HĐND tỉnh năm 2024"  # a plan's figures under words no rule knows


def test_a_column_of_figures_whose_header_is_not_understood_is_warned():
    table = parse_grid(_year_grid(NOT_UNDERSTOOD))
    assert "target" not in table.columns
    said = [f for f in table.reader_findings if f.code == "column_not_understood"]
    assert len(said) == 1 and said[0].cell == "D2"
    assert f"Cột D «{NOT_UNDERSTOOD}» (ô D2) có số liệu" in said[0].message
    assert "«không có số kế hoạch»" in said[0].message  # no other plan column: what the documents would say


def test_check_and_render_say_the_column_not_understood(tmp_path):
    path = _six_months_book(tmp_path / "x.xlsx", plan_header=NOT_UNDERSTOOD)
    checked = run_cli("check", path)
    assert f"«{NOT_UNDERSTOOD}»" in checked.stdout and "D3" in checked.stdout
    made = run_cli("render", "bao-cao", path, "-o", tmp_path / "bc.docx")
    assert made.returncode == 0 and f"Cột D «{NOT_UNDERSTOOD}» (ô D3) có số liệu" in made.stderr


@pytest.mark.parametrize("extra", [("Tăng, giảm (%)", 5.2), ("Chênh lệch", -1600), ("Ghi chú", 12),
                                   ("Số nghị quyết", "25/NQ-HĐND"), ("Xếp hạng", None)])
def test_comparisons_notes_and_empty_columns_are_not_warned(extra):
    table = parse_grid(_year_grid("Kế hoạch năm 2024", extra=extra))
    assert not [f for f in table.reader_findings if f.code == "column_not_understood"]


def test_the_parts_of_the_results_period_beside_it_are_not_warned():
    """«Quý I | Quý II | Quý III» beside «Thực hiện 9 tháng» (their sum): the figures are read through it."""
    rows = [["TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU 9 THÁNG NĂM 2026"],
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Quý I", "Quý II", "Quý III",
             "Thực hiện 9 tháng năm 2026"],
            ["1", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 9000, 2100, 2300, 2250, 6650]]
    table = parse_grid(Grid("B", rows))
    assert table.columns["result"] == 7
    assert not [f for f in table.reader_findings if f.code == "column_not_understood"]


# --------------------------------------------------------------------------- R20-10: two budgets, each compared

def _two_budgets(formulas) -> Grid:
    """W16 (Lào Cai thu ngân sách 2024): G = F/D («bằng 134% dự toán trung ương giao»), H = F/E («bằng 96% dự toán tỉnh
    giao»)."""
    rows = [["TÌNH HÌNH THU NGÂN SÁCH NHÀ NƯỚC NĂM 2024"],
            ["STT", "Nội dung", "Đơn vị tính", "Dự toán Trung ương giao năm 2024", "Dự toán tỉnh giao năm 2024",
             "Thực hiện năm 2024", "So dự toán TW (%)", "So dự toán tỉnh (%)"],
            ["1", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 9148, 12770, 12259, 134, 96],
            ["2", "Thu nội địa", "Tỷ đồng", 8118, 10514, 11040, 136, 105]]
    return Grid("Biểu", rows, formulas=formulas)


def test_two_budgets_each_with_its_own_comparison_are_refused_saying_so():
    formulas = {(2, 6): "=ROUND(F3/D3*100,0)", (3, 6): "=ROUND(F4/D4*100,0)",
                (2, 7): "=ROUND(F3/E3*100,0)", (3, 7): "=ROUND(F4/E4*100,0)"}
    with pytest.raises(PlanAmbiguous) as exc:
        parse_grid(_two_budgets(lambda: formulas))
    message = str(exc.value)
    assert "không cột so sánh nào" not in message
    assert "cột G «So dự toán TW (%)» tính theo riêng cột D" in message
    assert "cột H «So dự toán tỉnh (%)» tính theo riêng cột E" in message
    assert ('--period "Dự toán Trung ương giao năm 2024" hoặc --period "Dự toán tỉnh giao năm 2024"' in message)
    # and the choice made reads the budget named: 12.259 of 12.770 is 96,0% (12259 / 12770 = 0,95998)
    chosen = parse_grid(_two_budgets(lambda: formulas), period="Dự toán tỉnh giao năm 2024")
    assert chosen.columns["target"] == 4 and chosen.indicators[0].target.value == 12770


def test_two_budgets_without_a_comparison_of_one_alone_keep_the_old_reason():
    """No formulas known, or a comparison naming both: no column is computed from one of them alone (as said)."""
    for formulas in (None, lambda: {(2, 6): "=F3/D3*100+F3/E3*0"}):
        with pytest.raises(PlanAmbiguous) as exc:
            parse_grid(_two_budgets(formulas))
        assert "không cột so sánh nào của bảng tính theo riêng một cột trong số đó" in str(exc.value)


def test_a_resolution_of_the_hdnd_beside_another_plan_of_its_year_is_asked_about():
    """«Nghị quyết HĐND tỉnh năm 2024» beside «Kế hoạch UBND tỉnh giao năm 2024»: two plans of 2024 (100 and 90 for a
    result of 95: 95,0% or 105,6%, «Không đạt» or «Vượt»), never one dropped unsaid; a congress's goal of no year
    beside a year's plan stays a long-term goal (the year's plan is read, as for «Chỉ tiêu Nghị quyết Đại hội VII»)."""
    def grid(plans):
        return Grid("B", [[TITLE], ["STT", "Chỉ tiêu", "ĐVT", *plans, "Thực hiện năm 2024"],
                          [1, "Tổng thu ngân sách nhà nước", "Tỷ đồng", 100, 90, 95]])
    with pytest.raises(PlanAmbiguous) as exc:
        parse_grid(grid(["Nghị quyết HĐND tỉnh năm 2024", "Kế hoạch UBND tỉnh giao năm 2024"]))
    assert "cột D «Nghị quyết HĐND tỉnh năm 2024»" in str(exc.value)
    table = parse_grid(grid(["Nghị quyết Đại hội XX", "Kế hoạch năm 2024"]))
    assert table.columns["target"] == 4 and table.indicators[0].target.value == 90


def test_a_resolution_column_of_document_numbers_is_no_second_plan():
    """rev21 REG-5: «Kế hoạch năm 2024 | Thực hiện năm 2024 | Nghị quyết HĐND» with F «12/NQ-HĐND», «15/NQ-HĐND»: F holds
    no figure, so no verdict turns on it: the plan is D (22.000 / 23.600 = 93,2%, Không đạt; hộ nghèo 2,9 ≤ 3 Vượt),
    never a refusal naming two plans. With figures in both, the refusal stays (two plans of one year)."""
    rows = [["BIỂU CHỈ TIÊU NĂM 2024"],
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Thực hiện năm 2024", "Nghị quyết HĐND"],
            ["1", "Tổng thu ngân sách nhà nước", "Tỷ đồng", 23600, 22000, "12/NQ-HĐND"],
            ["2", "Tỷ lệ hộ nghèo", "%", 3, 2.9, "15/NQ-HĐND"]]
    t = parse_grid(Grid(sheet="B", rows=[list(r) for r in rows]))
    assert t.columns["target"] == 3
    assert [a.status for a in evaluate(t).assessments] == ["khong_dat", "vuot"]
    rows[2][5], rows[3][5] = 23000, 3.5
    with pytest.raises(PlanAmbiguous):
        parse_grid(Grid(sheet="B", rows=[list(r) for r in rows]))
