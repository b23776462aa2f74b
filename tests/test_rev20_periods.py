"""Periods of real published tables (rev20): «ĐẾN THÁNG 5/2020» in a title, a title note about some rows only,
a row whose name runs to a date, a term's plan alone. Expected values worked by hand from the rows."""
from __future__ import annotations

from decimal import Decimal

import openpyxl

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.periods import PROGRESS_REASON, UNKNOWN_PART, span_of


def _book(path, title_lines, header, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in title_lines:
        ws.append([line])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return read_workbook(path)


def test_up_to_a_month_is_the_months_from_january():
    assert span_of("Kết quả đến tháng 5/2020") == 5
    assert span_of("KẾT QUẢ MỘT SỐ CHỈ TIÊU ĐẾN THÁNG 5/2020") == 5
    assert span_of("Thực hiện đến hết tháng 9 năm 2025") == 9
    assert span_of("Số liệu tính đến tháng 12/2024") == 12  # to December: the year
    # one month alone is no count of months from January (a month's own figures)
    assert span_of("Thực hiện tháng 6/2026") == UNKNOWN_PART


def test_a_title_up_to_may_is_progress_never_not_met(tmp_path):
    """Bộ NN&PTNT, «KẾT QUẢ MỘT SỐ CHỈ TIÊU ĐẾN THÁNG 5/2020», «Kết quả | Mục tiêu năm»: 15.894 of 17.000 HTX by May
    is 93,5% of the year's goal (15894/17000 = 0,9349…), progress; it was «Không đạt» and «năm 2020»."""
    t = _book(tmp_path / "bo.xlsx", ["BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "KẾT QUẢ MỘT SỐ CHỈ TIÊU ĐẾN THÁNG 5/2020"],
              ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Mục tiêu năm"],
              [[1, "Tổng số hợp tác xã nông nghiệp", "HTX", 15894, 17000],
               [2, "Số đơn vị cấp huyện đạt chuẩn nông thôn mới", "huyện", 126, 121]])
    att = check(t).attainment
    assert [a.status for a in att.assessments] == ["khong_danh_gia", "khong_danh_gia"]
    assert {a.reason for a in att.assessments} == {PROGRESS_REASON}
    assert att.assessments[0].ratio.quantize(Decimal("0.1")) == Decimal("93.5")
    assert att.summary.sentence.startswith("5 tháng năm 2020, có 2 chỉ tiêu có số liệu của một phần năm")


YEAR_2024 = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Ước thực hiện năm 2024"]
THANH_HOA = [[1, "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", "%", "Từ 11 trở lên", 12.16],
             [2, "Thu ngân sách nhà nước", "Tỷ đồng", 35564, 54341],
             [3, "Giải ngân vốn đầu tư công do tỉnh quản lý (đến 30/11)", "Tỷ đồng", 14446, 10300]]


def test_a_title_note_on_some_rows_is_not_the_tables_period(tmp_path):
    """Thanh Hóa 2024: «(Số liệu giải ngân tính đến ngày 30/11/2024)» names what it is of (giải ngân). The column is
    the year's estimate: 12,16 ≥ 11 Đạt; 54.341 / 35.564 = 152,8% Vượt. The disbursement row, whose own name says
    «(đến 30/11)», is 10.300 / 14.446 = 71,3% of the year's plan by November: progress, not «Không đạt»."""
    t = _book(tmp_path / "th.xlsx", ["UBND TỈNH THANH HÓA", "TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024",
                                     "(Số liệu giải ngân tính đến ngày 30/11/2024)"], YEAR_2024, THANH_HOA)
    att = check(t).attainment
    assert [a.status for a in att.assessments] == ["dat", "vuot", "khong_danh_gia"]
    assert att.assessments[2].reason == PROGRESS_REASON
    assert att.assessments[2].ratio.quantize(Decimal("0.1")) == Decimal("71.3")
    assert att.summary.sentence.startswith("Ước thực hiện cả năm 2024, có 2/2 chỉ tiêu đạt và vượt kế hoạch")


def test_a_title_note_naming_no_rows_is_the_tables_period(tmp_path):
    """«(Số liệu tính đến ngày 30/11/2024)» names nothing it is of: the whole table runs to 30/11, 11 months against
    the year's plan, so nothing is judged (the rule before rev20 still holds)."""
    t = _book(tmp_path / "th.xlsx", ["UBND TỈNH THANH HÓA", "TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024",
                                     "(Số liệu tính đến ngày 30/11/2024)"], YEAR_2024, THANH_HOA[1:2])
    assert [a.status for a in check(t).attainment.assessments] == ["khong_danh_gia"]


def test_a_row_named_to_the_last_day_of_the_year_is_judged(tmp_path):
    """«(đến 31/12)» is the year: 10.300 of 14.446 is 71,3%, Không đạt."""
    rows = [[1, "Giải ngân vốn đầu tư công (đến 31/12)", "Tỷ đồng", 14446, 10300]]
    t = _book(tmp_path / "th.xlsx", ["TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU NĂM 2024"], YEAR_2024, rows)
    assert [a.status for a in check(t).attainment.assessments] == ["khong_dat"]


def test_a_terms_plan_alone_is_said_of_the_term(tmp_path):
    """Vĩnh Lộc, «MỘT SỐ CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025-2030», one plan column «Chỉ tiêu nhiệm kỳ 2025-2030»: the
    summary names the term, never «Năm 2030»."""
    t = _book(tmp_path / "vl.xlsx", ["UBND XÃ VĨNH LỘC", "MỘT SỐ CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025-2030"],
              ["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu nhiệm kỳ 2025-2030", "Cơ quan chủ trì"],
              [[1, "Thu nhập bình quân đầu người đến năm 2030", "Triệu đồng", 86.4, "Phòng Kinh tế"]])
    assert check(t).attainment.summary.sentence == "Nhiệm kỳ 2025-2030, chưa có chỉ tiêu nào đủ số liệu để đánh giá."


def test_a_row_named_to_a_day_of_another_year_or_to_now_is_judged(tmp_path):
    """rev21 N-2, N-3: in a 2025 table, «(đến 30/11/2023)» is no 2025 progress and «(đến nay)» names no day: both are
    judged as the year's figures, as before the rule (80 of 100 hộ: 80,0%, Không đạt; 210 of 300: 70,0%, Không đạt)."""
    rows = [[1, "Số hộ thoát nghèo (đến 30/11/2023)", "Hộ", 100, 80],
            [2, "Giải ngân vốn đầu tư công (đến nay)", "Tỷ đồng", 300, 210],
            [3, "Giải ngân vốn đầu tư công tỉnh quản lý (đến 30/11/2025)", "Tỷ đồng", 300, 210]]
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Thực hiện năm 2025"]
    t = _book(tmp_path / "x.xlsx", ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025"], head, rows)
    att = check(t).attainment
    assert [a.status for a in att.assessments] == ["khong_dat", "khong_dat", "khong_danh_gia"]
    assert att.assessments[2].reason == PROGRESS_REASON


def test_the_reach_of_the_figures_is_no_subject_of_the_indicators():
    """rev21 REG-4: «KẾT QUẢ MỘT SỐ CHỈ TIÊU ĐẾN THÁNG 5/2020» names what the figures reach, not what the indicators
    are of: no «I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ĐẾN», no «các chỉ tiêu đến năm 2020»."""
    from kh_excel.docs.period import subject_of
    for title in ("KẾT QUẢ MỘT SỐ CHỈ TIÊU ĐẾN THÁNG 5/2020", "CÁC CHỈ TIÊU TÍNH ĐẾN NGÀY 30/11/2024",
                  "KẾT QUẢ CÁC CHỈ TIÊU ĐẾN HẾT THÁNG 9 NĂM 2025"):
        assert subject_of(title, True) == "", title
    assert subject_of("BIỂU CHỈ TIÊU NGÀNH Y TẾ ĐẾN THÁNG 6/2026", True) == "ngành y tế"
