"""Rows named «Tổng số», «Chung toàn phường» that hold an indicator's own figures (rev13 R10, R11). A ward's table
after the 2025 merger writes the indicator's name on a row of its own, its total on the first sub-row and the former
communes below; a table may give a section's headline total right under its heading. Before, the first was «chưa có
số kế hoạch» (an error blocking every document) beside its own total, and the second vanished from every document.
Expected figures and verdicts decided by hand from the rows."""
from __future__ import annotations

from decimal import Decimal

import openpyxl

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.gate import check

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"]


def _book(path, rows) -> str:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 PHƯỜNG SA PA"])
    ws.append([])
    ws.append(HEAD)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return str(path)


WARD = [
    ["I", "CÁC CHỈ TIÊU VỀ KINH TẾ"],
    [1, "Thu ngân sách nhà nước trên địa bàn", "Triệu đồng", None, None, "Phòng Kinh tế, Hạ tầng và Đô thị"],  # row 5
    ["-", "Tổng số", "Triệu đồng", 45000, 38000],                                                            # row 6
    ["-", "Phường Sa Pa (cũ)", "Triệu đồng", 30000, 27700],
    ["-", "Xã Tả Phìn (cũ)", "Triệu đồng", 10000, 6800],
    ["-", "Xã Trung Chải (cũ)", "Triệu đồng", 5000, 3500],
    ["II", "CÁC CHỈ TIÊU VỀ XÃ HỘI"],
    [2, "Tỷ lệ hộ nghèo", "%", None, None, "Phòng Văn hóa - Xã hội"],                                      # row 11
    ["-", "Chung toàn phường", "%", 5.5, 6.1],                                                               # row 12
    ["-", "Phường Sa Pa (cũ)", "%", 1.2, 1],
    ["-", "Xã Tả Phìn (cũ)", "%", 9, 10.4],
]


def test_an_indicator_takes_its_figures_from_its_total_sub_row(tmp_path):
    table = read_workbook(_book(tmp_path / "ward.xlsx", WARD))
    heads = [i for i in table.indicators if i.kind == "indicator"]
    assert [(i.row, i.stt, i.name) for i in heads] == [(6, "1", "Thu ngân sách nhà nước trên địa bàn"),
                                                       (12, "2", "Tỷ lệ hộ nghèo")]
    revenue, poverty = heads
    assert (revenue.target.value, revenue.result, revenue.unit) == (Decimal(45000), Decimal(38000), "Triệu đồng")
    assert revenue.lead == ["Phòng Kinh tế, Hạ tầng và Đô thị"]
    assert (poverty.target.value, poverty.result, poverty.direction) == (Decimal("5.5"), Decimal("6.1"), "down")
    # the former communes stay the parts of the indicator, now on the total's row
    parts = [i for i in table.indicators if i.kind == "subrow"]
    assert [(i.name, i.parent_row) for i in parts] == [("Phường Sa Pa (cũ)", 6), ("Xã Tả Phìn (cũ)", 6),
                                                      ("Xã Trung Chải (cũ)", 6), ("Phường Sa Pa (cũ)", 12),
                                                      ("Xã Tả Phìn (cũ)", 12)]
    assert not [i for i in table.indicators if i.name in ("Tổng số", "Chung toàn phường")]
    # no «chưa có số kế hoạch» on the name's row: the plan is where the table wrote it
    assert not check(table).errors
    verdicts = {a.indicator.row: a.status for a in evaluate(table).assessments}
    assert verdicts[6] == "khong_dat"   # 38.000 of 45.000: 84,4%
    assert verdicts[12] == "khong_dat"  # 6,1% against a ceiling of 5,5%


def test_a_total_beside_the_indicators_own_figures_stays_a_part(tmp_path):
    """The indicator's row has its own figures: «Tổng số» below is a part like any other, nothing moves."""
    rows = [[1, "Số lao động được tạo việc làm", "Người", 1200, 1100, "Phòng Văn hóa - Xã hội"],
            ["-", "Tổng số", "Người", 1200, 1100],
            ["-", "Trong đó: lao động nữ", "Người", 500, 480]]
    table = read_workbook(_book(tmp_path / "own.xlsx", rows))
    assert [(i.row, i.kind, i.name) for i in table.indicators] == [
        (4, "indicator", "Số lao động được tạo việc làm"), (5, "subrow", "Tổng số"),
        (6, "subrow", "Trong đó: lao động nữ")]


def test_a_sections_total_stays_arithmetic(tmp_path):
    """A «Tổng số» right under a section heading is not made an indicator named after the heading (rev14 F-0: «KINH
    TẾ» over the sum of unlike rows became an indicator «Kinh tế», judged, and wanted a lead agency); nor is a total
    at the end."""
    rows = [["I", "THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN"],
            [None, "Tổng số", "Triệu đồng", 45000, 38000],
            [1, "Thu từ thuế", "Triệu đồng", 30000, 26000, "Phòng Kinh tế"],
            [2, "Thu phí, lệ phí", "Triệu đồng", 5000, 5200, "Phòng Kinh tế"],
            [None, "Tổng cộng", "Triệu đồng", 35000, 31200]]
    table = read_workbook(_book(tmp_path / "sec.xlsx", rows))
    assert [i.name for i in table.indicators] == ["Thu từ thuế", "Thu phí, lệ phí"]
    assert not check(table).errors


def test_a_total_with_no_stt_under_an_indicator_of_no_figure(tmp_path):
    """«1 Số lao động được tạo việc làm» (no figure) / «Tổng số 1.000 900» (no STT) / «Trong đó: Nữ» (rev14 F-B): the
    total is the indicator's, as «- Tổng số» is; before, it vanished and only «Trong đó: Nữ» was judged."""
    rows = [[1, "Số lao động được tạo việc làm", "Người", None, None, "Phòng Văn hóa - Xã hội"],
            [None, "Tổng số", "Người", 1000, 900],
            ["-", "Trong đó: Nữ", "Người", 400, 500]]
    table = read_workbook(_book(tmp_path / "blank.xlsx", rows))
    head, part = table.indicators
    assert (head.row, head.kind, head.name, head.target.value, head.result) == (
        5, "indicator", "Số lao động được tạo việc làm", Decimal(1000), Decimal(900))
    assert (part.name, part.parent_row) == ("Trong đó: Nữ", 5)
    assert {a.indicator.row: a.status for a in evaluate(table).assessments}[5] == "khong_dat"  # 900 of 1.000
