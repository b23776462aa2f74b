"""rev20 R20-9: the Bộ's table leaves the STT header blank (A3 empty over A4:A7 = 1…4, as the page prints it): the
numbers were lost and rows 2–4 became sub-rows of row 1. A column left of the name column whose header is blank and
whose cells are row numbers and numerals in a run is the STT column; a blank-headed column of figures is not. In
the same appendix a plan typed as text «17000» printed as typed beside the result «15.894»: a text cell of digits
only is grouped as a number is; words stay as written.

Decided by hand:
  A blank over 1, 2, 3, 4: four indicators numbered 1–4, none a sub-row.
  A blank over I, 1, 2, II, 1, «-»: sections I and II, indicators 1, 2 and 1, the «-» row a sub-row of the last.
  A blank over 15894, 58, 126 (figures, no run 1, 2, 3): no STT column: as before, the first row an indicator
  with no number and the others its sub-rows.
  Plans «17000» → «17.000», «2400» → «2.400»; «04» (a leading zero, as typed) and «Trên 4» stay as written.
"""
from __future__ import annotations

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.docs.wording import appendix_target

TITLE = [["BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"], ["KẾT QUẢ MỘT SỐ CHỈ TIÊU NĂM 2020"]]
HEAD = [None, "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Mục tiêu năm"]


def _read(body):
    return read_workbook(Grid(sheet="Biểu", rows=[*TITLE, HEAD, *body]))


def test_a_blank_headed_run_of_numbers_is_the_stt_column():
    t = _read([[1, "Tổng số hợp tác xã nông nghiệp", "HTX", "15894", "17000"],
               [2, "Tỷ lệ số xã đạt chuẩn nông thôn mới", "%", "58,2", "59"],
               [3, "Số đơn vị cấp huyện đạt chuẩn nông thôn mới", "huyện", "126", "121"],
               [4, "Số sản phẩm OCOP đạt chuẩn", "sản phẩm", "1711", "2400"]])
    assert t.columns["stt"] == 0
    assert [(i.stt, i.kind) for i in t.indicators] == [("1", "indicator"), ("2", "indicator"), ("3", "indicator"),
                                                       ("4", "indicator")]
    # check names the column it took, and that it had no header
    warned = [f.message for f in check(t).findings if f.code == "header_incomplete"]
    assert warned and "STT (cột A, không có tiêu đề)" in warned[0]


def test_sections_numerals_and_marks_in_a_blank_headed_column():
    t = _read([["I", "KINH TẾ", None, None, None],
               [1, "Tổng số hợp tác xã nông nghiệp", "HTX", 15894, 17000],
               ["2", "Số hợp tác xã mới", "HTX", 120, 100],
               ["II", "XÃ HỘI", None, None, None],
               [1, "Tỷ lệ hộ nghèo", "%", 2.1, 2.5],
               ["-", "Vùng đồng bào dân tộc thiểu số", "%", 5.2, 6]])
    assert t.columns["stt"] == 0
    assert [s.numeral for s in t.sections] == ["I", "II"]
    assert [(i.stt, i.kind) for i in t.indicators] == [("1", "indicator"), ("2", "indicator"), ("1", "indicator"),
                                                       ("-", "subrow")]


def test_a_blank_headed_column_of_figures_is_no_stt():
    t = _read([[15894, "Tổng số hợp tác xã nông nghiệp", "HTX", 15894, 17000],
               [58, "Tỷ lệ số xã đạt chuẩn nông thôn mới", "%", 58.2, 59],
               [126, "Số đơn vị cấp huyện đạt chuẩn nông thôn mới", "huyện", 126, 121]])
    assert "stt" not in t.columns
    assert [i.kind for i in t.indicators] == ["indicator", "subrow", "subrow"]


def test_a_plain_number_typed_as_text_prints_grouped_in_the_appendix():
    t = _read([[1, "Tổng số hợp tác xã nông nghiệp", "HTX", "15894", "17000"],
               [2, "Số sản phẩm OCOP đạt chuẩn", "sản phẩm", "1711", "2400"],
               [3, "Mô hình nông hội", "Mô hình", "5", "04"],
               [4, "Tỷ lệ tăng dân số", "%", "4,5", "Trên 4"]])
    assert [appendix_target(i) for i in t.indicators] == ["17.000", "2.400", "04", "Trên 4"]


def test_an_empty_spacer_column_between_the_numbers_and_the_names():
    """A blank margin column B between the numbers in A and the names in C: A is still the STT column (1, 2)."""
    rows = [*TITLE, [None, None, "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Mục tiêu năm"],
            [1, None, "Tổng số hợp tác xã nông nghiệp", "HTX", 15894, 17000],
            [2, None, "Số sản phẩm OCOP đạt chuẩn", "sản phẩm", 1711, 2400]]
    t = read_workbook(Grid(sheet="Biểu", rows=rows))
    assert t.columns["stt"] == 0
    assert [(i.stt, i.kind) for i in t.indicators] == [("1", "indicator"), ("2", "indicator")]


def test_a_blank_headed_run_not_from_one_is_no_stt():
    """rev21 N-4: 2, 3, 4, 5 in a blank-headed column may as well be figures: a run of row numbers starts at 1."""
    t = _read([[2, "Số xã đạt chuẩn nông thôn mới", "Xã", 12, 12],
               [3, "Số hộ thoát nghèo", "Hộ", 300, 320],
               [4, "Tỷ lệ hộ nghèo", "%", 2.1, 2.5],
               [5, "Thu ngân sách", "Tỷ đồng", 120, 118]])
    assert "stt" not in t.columns
