"""A count under a reduction («- Số vụ | Vụ | 100» under «Kéo giảm tai nạn giao thông»): the plan may be the cases
left or the cases cut, so the row is not judged — never «Vượt» for more accidents — and the reader says so at its
cell, telling how a Chiều column decides it. Expected statuses decided by hand."""
from __future__ import annotations

import openpyxl

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.gate import check

PARENT = ["1", "Kéo giảm tai nạn giao thông trên cả 3 tiêu chí", "", "", "", "Công an tỉnh"]


def _read(tmp_path, *rows, direction=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"]
    ws.append(head + (["Chiều"] if direction is not None else []))
    for r in rows:
        ws.append(list(r) + ([direction.get(r[1], "")] if direction is not None else []))
    path = tmp_path / "t.xlsx"
    wb.save(path)
    return read_workbook(path)


def _status(table, name):
    return next((a.status, a.reason) for a in evaluate(table).assessments if a.indicator.name == name)


def test_a_count_under_a_reduction_is_not_judged_and_the_cell_is_named(tmp_path):
    table = _read(tmp_path, PARENT, ["-", "Số vụ", "Vụ", 100, 110, ""], ["-", "Số người chết", "Người", 50, 45, ""])
    for name in ("Số vụ", "Số người chết"):
        status, reason = _status(table, name)
        assert status == "khong_danh_gia" and "chưa rõ chiều" in reason and "Kéo giảm tai nạn" in reason
    warnings = [f for f in check(table).findings if f.code == "direction_unclear"]
    assert [w.cell for w in warnings] == ["B3", "B4"]
    assert "«Chiều»" in warnings[0].message and "Số vụ" in warnings[0].message and warnings[0].severity == "warning"


def test_a_chieu_column_decides_it(tmp_path):
    table = _read(tmp_path, PARENT, ["-", "Số vụ", "Vụ", 100, 110, ""], ["-", "Số người chết", "Người", 50, 45, ""],
                  direction={"Số vụ": "Giảm", "Số người chết": "Giảm"})
    assert _status(table, "Số vụ")[0] == "khong_dat"      # 110 cases where at most 100 were planned
    assert _status(table, "Số người chết")[0] == "vuot"   # 45 deaths, 50 planned
    assert not [f for f in check(table).findings if f.code == "direction_unclear"]


def test_a_fall_in_percent_and_a_count_under_a_burden_keep_their_rules(tmp_path):
    table = _read(tmp_path, PARENT, ["-", "Số vụ", "%", 5, 6, ""],
                  ["2", "Tai nạn giao thông", "", "", "", "Công an tỉnh"], ["-", "Số người bị thương", "Người", 80, 90, ""])
    assert _status(table, "Số vụ")[0] == "vuot"                   # a fall of 6% where 5% was planned
    assert _status(table, "Số người bị thương")[0] == "khong_dat"  # a burden: 90 injured, 80 planned
    assert not [f for f in check(table).findings if f.code == "direction_unclear"]


def test_a_bound_is_judged_and_a_burden_counted_is_unclear_at_any_length(tmp_path):
    table = _read(tmp_path, PARENT, ["-", "Số vụ", "Vụ", "<100", 90, ""],
                  ["-", "Số vụ tai nạn giao thông đường bộ nghiêm trọng trở lên", "Vụ", 10, 12, ""],
                  ["-", "Số người tham gia giao thông được tuyên truyền pháp luật", "Người", 1000, 1200, ""])
    assert _status(table, "Số vụ")[0] in ("dat", "vuot")  # «<100»: a ceiling, 90 is within it
    assert _status(table, "Số vụ tai nạn giao thông đường bộ nghiêm trọng trở lên")[0] == "khong_danh_gia"
    assert _status(table, "Số người tham gia giao thông được tuyên truyền pháp luật")[0] == "vuot"  # no burden


def test_a_rate_and_money_under_a_reduction_keep_their_own_direction(tmp_path):
    """«Tỷ lệ hộ nghèo | % | 3 | 3,5» under «Giảm nghèo bền vững» is a rate above its target, never «Vượt»; money
    spent is no count of the burden."""
    table = _read(tmp_path, ["1", "Giảm nghèo bền vững", "", "", "", "Sở Y tế"],
                  ["", "Tỷ lệ hộ nghèo", "%", 3, 3.5, ""], ["", "Kinh phí hỗ trợ hộ nghèo", "Tỷ đồng", 50, 55, ""])
    assert _status(table, "Tỷ lệ hộ nghèo")[0] == "khong_dat"
    assert _status(table, "Kinh phí hỗ trợ hộ nghèo")[0] == "vuot"


def test_a_planned_fall_on_a_row_whose_name_tells_nothing_is_not_judged(tmp_path):
    """«Doanh thu du lịch | Giảm 5% | Giảm 8%»: a fall endured, not wanted; «Số vụ cháy rừng»: a burden, judged."""
    table = _read(tmp_path, ["1", "Doanh thu du lịch", "Tỷ đồng", "Giảm 5%", "Giảm 8%", "Sở Văn hóa"],
                  ["2", "Số vụ cháy rừng", "Vụ", "Giảm 5%", "Giảm 8%", "Sở Nông nghiệp và Môi trường"])
    status, reason = _status(table, "Doanh thu du lịch")
    assert status == "khong_danh_gia" and "chưa rõ chiều" in reason
    assert _status(table, "Số vụ cháy rừng")[0] == "vuot"
    (w,) = [f for f in check(table).findings if f.code == "direction_unclear"]
    assert w.cell == "B2" and "Giảm 5%" in w.message and "«Chiều»" in w.message


def test_a_short_sub_row_is_listed_with_its_indicator(tmp_path):
    """«Số người chết: 60 người, kế hoạch 50» alone says nothing of what died: the list names its indicator."""
    from kh_excel.docs.wording import items
    table = _read(tmp_path, ["1", "Tai nạn giao thông", "", "", "", "Công an tỉnh"],
                  ["-", "Số người chết", "Người", 50, 60, ""], ["-", "Số người bị thương nặng", "Người", 80, 90, ""])
    briefs = [i.brief for i in items(evaluate(table).assessments) if i.status == "khong_dat"]
    assert [b.rsplit(" (", 1)[0] for b in briefs] == ["Số người chết (Tai nạn giao thông)",
                                                      "Số người bị thương nặng (Tai nạn giao thông)"]
