"""The sheet's own «Đánh giá» column in every wording its compilers use (rev12 D-G): «Hoàn thành vượt mức»,
«Chưa hoàn thành», «Đạt 90%», «Vượt 5%», «Không vượt» are read against kh_excel's verdict and warned where they
contradict it (own_verdict_differs); «Không đánh giá» takes the row out of the judgement as the same words in the
note do; a wording nobody can read as a verdict («Cơ bản đạt», «x») is no contradiction. Every expected value is
decided by hand: the plan, the result and the words of each row."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.gate import check, figure_warnings
from kh_excel.core.model import Grid
from kh_excel.core.own_columns import read_verdict

TITLE = "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026"
HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Đánh giá",
        "Cơ quan chủ trì", "Ghi chú"]
MET, MISSED, NOT_BEYOND = frozenset({"vuot", "dat"}), frozenset({"khong_dat"}), frozenset({"dat", "khong_dat"})


@pytest.mark.parametrize("text, statuses, kind, figure", [
    ("Hoàn thành vượt mức", MET, "", None),
    ("Hoàn thành vượt mức kế hoạch", MET, "", None),
    ("Vượt mức", MET, "", None),
    ("Đạt và vượt", MET, "", None),
    ("Hoàn thành", MET, "", None),
    ("Chưa hoàn thành", MISSED, "", None),
    ("Không hoàn thành.", MISSED, "", None),
    ("Không vượt", NOT_BEYOND, "", None),
    ("Đạt 90%", None, "share", Decimal("90")),          # the share reached says the verdict, not the word «Đạt»
    ("ĐẠT 90 %", None, "share", Decimal("90")),
    ("Hoàn thành 95,5% KH", None, "share", Decimal("95.5")),
    ("Đạt 100% kế hoạch", None, "share", Decimal("100")),
    ("Vượt 5%", MET, "beyond", Decimal("5")),
    ("Vượt 20% so với KH", MET, "beyond", Decimal("20")),
    ("Đạt 90% so với cùng kỳ", None, "", None),          # against the year before: no verdict on the plan
    ("Cơ bản đạt", None, "", None), ("Cơ bản hoàn thành", None, "", None), ("x", None, "", None),
    ("Không đánh giá", None, "", None),                  # no verdict: attainment takes the row out instead
    ("Tốt", None, "", None), (95, None, "", None), (None, None, "", None),
])
def test_what_a_verdict_cell_states(text, statuses, kind, figure):
    assert read_verdict(text) == (statuses, kind, figure)


@given(st.one_of(st.text(max_size=40), st.floats(), st.integers(), st.none()))
def test_reading_any_verdict_cell_never_raises(value):
    statuses, kind, figure = read_verdict(value)
    assert kind in ("", "share", "beyond") and (figure is None) == (kind == "")


@given(st.sampled_from(["Đạt", "Hoàn thành", "Vượt", "Bằng"]), st.decimals(0, 10000, places=2),
       st.sampled_from(["", " KH", " kế hoạch", " so với KH", "."]), st.sampled_from(["%", " %"]))
def test_a_verdict_with_its_figure_is_read_whatever_its_spacing(verb, n, tail, mark):
    text = f"{verb} {format(n, 'f').replace('.', ',')}{mark}{tail}"
    _, kind, figure = read_verdict(text)
    assert kind == ("beyond" if verb == "Vượt" else "share") and figure == n


ROWS = [
    # plan, result, the sheet's verdict; kh_excel: 90 of 100 missed, 120 of 100 and 100 of 100 met
    ["1", "Thu ngân sách A", "Tỷ đồng", 100, 90, "Hoàn thành vượt mức", "Phòng Kinh tế", ""],    # contradicts
    ["2", "Thu ngân sách B", "Tỷ đồng", 100, 90, "Chưa hoàn thành", "Phòng Kinh tế", ""],        # agrees
    ["3", "Thu ngân sách C", "Tỷ đồng", 100, 90, "Đạt 90%", "Phòng Kinh tế", ""],                # agrees: 90%
    ["4", "Thu ngân sách D", "Tỷ đồng", 100, 120, "Đạt 90%", "Phòng Kinh tế", ""],               # 120% against 90%
    ["5", "Thu ngân sách E", "Tỷ đồng", 100, 120, "Vượt 20%", "Phòng Kinh tế", ""],              # agrees: 120%
    ["6", "Thu ngân sách F", "Tỷ đồng", 100, 120, "Vượt 5%", "Phòng Kinh tế", ""],               # 120% against 105%
    ["7", "Tỷ lệ che phủ rừng", "%", 80, 85, "Vượt 5%", "Phòng Kinh tế", ""],                    # 5 points beyond
    ["8", "Thu ngân sách G", "Tỷ đồng", 100, 95, "Cơ bản đạt", "Phòng Kinh tế", ""],             # states nothing
    ["9", "Thu ngân sách H", "Tỷ đồng", 100, 100, "Không vượt", "Phòng Kinh tế", ""],            # agrees: Đạt
    ["10", "Thu ngân sách I", "Tỷ đồng", 100, 120, "Không vượt", "Phòng Kinh tế", ""],           # contradicts
    ["11", "Tỷ lệ hộ nghèo", "%", 5, 6, "Vượt 5%", "Phòng Kinh tế", ""],                         # a burden: missed
    ["12", "Thu ngân sách K", "Tỷ đồng", 100, 90, "Không đánh giá", "Phòng Kinh tế", ""],        # not judged
    ["13", "Thu ngân sách L", "Tỷ đồng", 100, 100, "Đạt 1%", "Phòng Kinh tế", ""],               # 1%, not 0,01 × 100
]


def _checked(rows, head=HEAD):
    return check(read_workbook(Grid(sheet="Biểu 01", rows=[[TITLE], list(head), *rows]), file="b.xlsx"))


def test_each_wording_that_contradicts_ours_is_warned_and_no_other():
    checked = _checked(ROWS)
    warned = {f.cell for f in checked.findings if f.code == "own_verdict_differs"}
    # (sheet rows 3 to 15 for the table's rows 1 to 13)
    assert warned == {"E3", "E6", "E8", "E12", "E13", "E15"}
    by_cell = {f.cell: f.message for f in checked.findings if f.code == "own_verdict_differs"}
    assert "«Hoàn thành vượt mức» (ô F3)" in by_cell["E3"] and "«Không đạt»" in by_cell["E3"]
    # a figure against ours: the ratio kh_excel computed is named beside its verdict
    assert "«Đạt 90%» (ô F6)" in by_cell["E6"] and "«Vượt KH, đạt 120,0% kế hoạch»" in by_cell["E6"]
    assert "«Vượt 5%» (ô F8)" in by_cell["E8"] and "120,0%" in by_cell["E8"]
    assert "«Vượt 5%» (ô F13)" in by_cell["E13"] and "«Không đạt»" in by_cell["E13"]


def test_the_sheets_not_judged_takes_the_row_out_as_the_note_does():
    checked = _checked(ROWS)
    a = next(a for a in checked.attainment.assessments if a.indicator.row == 14)
    assert (a.status, a.ratio) == ("khong_danh_gia", None)
    assert a.reason == "cột «Đánh giá» của bảng ghi «Không đánh giá»: không đánh giá"
    # the same row without those words is judged: 90 of 100 missed
    rows = [r[:5] + [""] + r[6:] for r in ROWS[11:12]]
    assert _checked(rows).attainment.assessments[0].status == "khong_dat"


def test_a_not_judged_for_another_year_judges_the_row():
    rows = [ROWS[11][:5] + ["Không đánh giá năm 2025"] + ROWS[11][6:]]
    assert _checked(rows).attainment.assessments[0].status == "khong_dat"


def test_a_document_lists_the_row_not_judged_quoting_the_sheet_and_warns_of_the_rest():
    from kh_excel.docs.wording import items
    checked = _checked(ROWS)
    entry = next(e for e in items(checked.attainment.assessments) if e.rows == [14])
    assert entry.status == "khong_danh_gia"
    assert entry.result.replace("\u00a0", " ") == (
        "Thu ngân sách K: thực hiện 90 tỷ đồng, kế hoạch 100 tỷ đồng (bảng ghi: Không đánh giá)")
    said = "\n".join(figure_warnings(checked, "b.xlsx"))
    assert "Cột đánh giá của bảng khác với kết quả tính" in said and "6 ô: E3, E6, E8, E12:E13, E15" in said


def test_a_result_written_as_hoan_thanh_vuot_muc_is_judged_as_written():
    head = HEAD[:5] + HEAD[6:]
    rows = [["1", "Xây dựng trụ sở xã", "Công trình", "Hoàn thành", "Hoàn thành vượt mức", "Phòng Kinh tế", ""]]
    a = _checked(rows, head).attainment.assessments[0]
    assert a.status == "vuot"
