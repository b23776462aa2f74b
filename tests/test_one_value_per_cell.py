"""One value per cell (rev16 R16-4): every rule uses the value a cell holds, whatever its number format shows; a
document prints the figure as shown only where that contradicts nothing printed beside it, and every cell whose
printed figure is not the value it holds is named (shown_rounded). Rows from the bundled sample
(chi_tieu_2026_lao_cai.xlsx: «Cơ cấu GRDP», «Tuổi thọ trung bình», «Thu nhập bình quân đầu người»); expected
values worked out by hand in each docstring."""
from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import kh_excel
from kh_excel.core.validation import validate
from kh_excel.docs.wording import growth_words, ratio_words

HEAD = ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
        "Cơ quan chủ trì"]
KT = "Sở Tài chính"
# The sample's «Cơ cấu GRDP» (rows 9–13 there): plan 14,97 + 38,13 + 39,57 + 7,33 = 100,00.
PLANS = [14.97, 38.13, 39.57, 7.33]
PARTS = ["Nông, lâm nghiệp và thủy sản", "Công nghiệp - Xây dựng", "Dịch vụ", "Thuế sản phẩm trừ trợ cấp sản phẩm"]


def _book(tmp_path: Path, rows: list[list], formats: dict[str, str]) -> Path:
    from helpers import formatted_book
    return formatted_book(tmp_path / "mot_gia_tri.xlsx", HEAD, rows, formats)


def _structure(results: list[float]) -> list[list]:
    head = [1, "Cơ cấu GRDP", None, None, None, None, KT]
    return [head] + [["-", name, "%", None, plan, res, KT] for name, plan, res in zip(PARTS, PLANS, results)]


def _findings(tmp_path, rows, formats):
    t = kh_excel.read_workbook(_book(tmp_path, rows, formats))
    found = validate(t)
    return t, found, {f.cell for f in found if f.code == "shown_rounded"}, [f for f in found if f.code == "structure_sum"]


WHOLE = {f"F{r}": "#,##0" for r in range(3, 7)}  # the results of the four parts (sheet rows 3–6) as whole numbers


def test_a_structure_is_summed_from_the_values_held_not_as_a_whole_number_format_shows_them(tmp_path):
    """R16-4: 15,1 + 37,8 + 39,7 + 7,4 = 100,0 under `#,##0` show 15, 38, 40, 7: summed as shown (15 + 38 + 40 + 7 =
    100, or mixed with a held 7,4 = 100,4) the sound table was refused. Summed as held: 100,0, no error; each of the
    four cells is named, its printed figure not the one it holds."""
    t, found, warned, sums = _findings(tmp_path, _structure([15.1, 37.8, 39.7, 7.4]), WHOLE)
    assert sums == []
    assert warned == {"F3", "F4", "F5", "F6"}


def test_a_structures_parts_are_printed_so_that_they_sum_as_held(tmp_path):
    """The same parts as printed: 7,4 shown «7» is 5% off and printed 7,4 (row by row, as ever), and beside it 15, 38,
    40 printed as shown would read 15 + 38 + 40 + 7,4 = 100,4, a structure past 100 in a signed report, while the
    values make 100,0. So every part is printed as held: 15,1 + 37,8 + 39,7 + 7,4 = 100,0, each warning saying
    so («văn bản ghi 15,1»)."""
    t, found, warned, sums = _findings(tmp_path, _structure([15.1, 37.8, 39.7, 7.4]), WHOLE)
    assert [p.result for p in t.indicators[1:]] == [D("15.1"), D("37.8"), D("39.7"), D("7.4")]
    notes = {f.cell: f.message for f in found if f.code == "shown_rounded"}
    assert "văn bản ghi 15,1, không ghi số đã làm tròn" in notes["F3"]


def test_a_structures_parts_that_sum_as_shown_within_its_tolerance_are_printed_as_shown(tmp_path):
    """Must not reprint: 15,1 + 37,9 + 39,9 + 7,1 = 100,0 shown 15, 38, 40 and 7,1 (7 would be 1,4% off: printed
    7,1): 15 + 38 + 40 + 7,1 = 100,1, within the 0,1 a structure may be off. Printed as shown, all four named."""
    t, found, warned, sums = _findings(tmp_path, _structure([15.1, 37.9, 39.9, 7.1]), WHOLE)
    assert sums == []
    assert [p.result for p in t.indicators[1:]] == [D("15"), D("38"), D("40"), D("7.1")]
    assert warned == {"F3", "F4", "F5", "F6"}


def test_a_structure_whose_values_miss_100_is_refused_though_its_shown_figures_make_100(tmp_path):
    """The rule must still fire on the values held: 15,4 + 38,4 + 40,4 + 7 = 101,2 (shown 15 + 38 + 40 + 7 = 100).
    The part furthest from its plan is «Dịch vụ», 40,4 against 39,57 (0,83 off; 15,4 − 14,97 = 0,43; 38,4 − 38,13 =
    0,27; 7 − 7,33 = −0,33), said with the values held."""
    t, found, warned, sums = _findings(tmp_path, _structure([15.4, 38.4, 40.4, 7]), WHOLE)
    assert len(sums) == 1 and "101,2%" in sums[0].message and "(40,4 so với 39,57)" in sums[0].message
    assert warned == {"F3", "F4", "F5"}  # 7 is shown as it is held


def test_a_structure_that_misses_100_in_plain_cells_is_refused_as_before(tmp_path):
    """No format at all: 15,1 + 37,8 + 40,1 + 7,4 = 100,4, an error as ever, and nothing is shown rounded."""
    t, found, warned, sums = _findings(tmp_path, _structure([15.1, 37.8, 40.1, 7.4]), {})
    assert len(sums) == 1 and "100,4%" in sums[0].message
    assert warned == set()


def _row(tmp_path, row, formats):
    t = kh_excel.read_workbook(_book(tmp_path, [row], formats))
    (a,) = kh_excel.evaluate(t).assessments
    return a, {f.cell: f.message for f in validate(t) if f.code == "shown_rounded"}


def test_a_figure_is_printed_with_the_decimals_that_make_its_ratio_to_plan(tmp_path):
    """R16-4: «ước thực hiện 73 tuổi, kế hoạch 72,4 tuổi, đạt 100,1% kế hoạch»: the ratio is the held 72,5's
    (72,5 / 72,4 = 100,138%), the printed 73 gives 73 / 72,4 = 100,83%. Printed 72,5, warned."""
    row = [1, "Tuổi thọ trung bình người dân tính từ lúc sinh", "Tuổi", None, 72.4, 72.5, "Sở Y tế"]
    a, warned = _row(tmp_path, row, {"E2": "0.0", "F2": "0"})
    assert a.indicator.result == D("72.5") and a.status == "vuot"
    assert ratio_words(a) == "đạt 100,1% kế hoạch"
    assert set(warned) == {"F2"} and "hiển thị 73" in warned["F2"] and "văn bản ghi 72,5" in warned["F2"]


def test_an_income_shown_whole_is_printed_as_held_beside_its_ratio(tmp_path):
    """R16-4: 50,2 shown «50» against a plan of 51: «đạt 98,4%» is 50,2 / 51 = 98,43%, while 50 / 51 = 98,04%.
    Printed 50,2 (within 1% of the shown 50 all the same: the old rule kept 50), warned."""
    row = [1, "Thu nhập bình quân đầu người", "Triệu đồng", None, 51, 50.2, "Sở Tài chính"]
    a, warned = _row(tmp_path, row, {"F2": "0"})
    assert a.indicator.result == D("50.2") and a.status == "khong_dat"
    assert ratio_words(a) == "đạt 98,4% kế hoạch"
    assert set(warned) == {"F2"}


def test_a_figure_is_printed_with_the_decimals_that_make_its_change(tmp_path):
    """276,028 shown «276,0» beside 250 the year before: the change stated is 276,028 / 250 = 1,104112 → «tăng
    10,41%», the printed 276,0 / 250 = 1,104 → 10,40%. One more decimal: 276,03 / 250 = 1,10412 → 10,41%, and
    against the plan of 270, 276,03 / 270 = 102,23% as 276,028 / 270 = 102,23% («102,2%»)."""
    row = [1, "Tổng sản phẩm trên địa bàn", "Tỷ đồng", 250, 270, 276.028, "Phòng Kinh tế"]
    a, warned = _row(tmp_path, row, {"F2": "0.0"})
    assert a.indicator.result == D("276.03")
    assert growth_words(a, 2025) == "tăng 10,41% so với năm 2025"
    assert ratio_words(a) == "đạt 102,2% kế hoạch"
    assert set(warned) == {"F2"}


def test_a_rounding_that_changes_nothing_printed_is_kept_and_named(tmp_path):
    """Must not reprint: 3.600,4 shown «3.600» against a plan of 3.420 (3.600,4 / 3.420 = 105,27%, 3.600 / 3.420 =
    105,26%: «105,3%» both) with no previous year: printed 3.600 as the sheet shows it. The cell is still named:
    its printed figure is not the 3.600,4 every rule uses."""
    row = [1, "Tổng giá trị sản xuất", "Tỷ đồng", None, 3420, 3600.4, "Phòng Kinh tế"]
    a, warned = _row(tmp_path, row, {"F2": "#,##0"})
    assert a.indicator.result == D("3600") and ratio_words(a) == "đạt 105,3% kế hoạch"
    assert set(warned) == {"F2"} and "văn bản ghi 3.600 như ô hiển thị" in warned["F2"]


def test_far_off_is_judged_on_the_value_held(tmp_path):
    """A rate of 5,02% shown «5%» (format `0`) against a plan of 50%: 5,02 / 50 = 0,1004, not ten times apart (the
    threshold is a ratio of at most 0,1); as shown, 5 / 50 = 0,1, it was called far off. The rule takes the value held;
    a held 4,96 (4,96 / 50 = 0,0992) is far off, shown «5» all the same."""
    name = "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ"
    rows = [[1, name, "%", None, 50, 5.02, "Sở Nội vụ"], [2, name + " (nữ)", "%", None, 50, 4.96, "Sở Nội vụ"]]
    t = kh_excel.read_workbook(_book(tmp_path, rows, {"F2": "0", "F3": "0"}))
    far = {f.cell for f in validate(t) if f.code == "result_far_off"}
    assert far == {"F3"}
