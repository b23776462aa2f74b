"""A name merged over two rows with the figures on the lower one, as tables pasted from Word are (rev11 D10): the lower
row is the indicator and the upper one lends it its STT, name, unit and agencies. Before, the indicator had «no plan»
(an error blocking every document) and a nameless row below it carried the figures. Cells still point at the figures
where they are (D5, not D4). Rows decided by hand from the grids below (0-based merges, 1-based sheet rows)."""
from __future__ import annotations

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"]


def _read(body, merged):
    return read_workbook(Grid(sheet="B", rows=[["CHỈ TIÊU NĂM 2026"], HEAD, *body], merged=merged), file="x.xlsx")


def test_the_figures_below_a_merged_name_are_its_figures():
    body = [["1", "Tổng sản phẩm trên địa bàn (GRDP)", "Tỷ đồng", 155000, 151200, "Sở Tài chính"],
            ["2", "Tỷ lệ giải ngân vốn đầu tư công so với kế hoạch vốn", "%", None, None, "Sở Tài chính"],
            [None, None, None, 100, 96, None],
            ["3", "Số xã đạt chuẩn nông thôn mới", "Xã", 60, 58, "Sở Nông nghiệp và Môi trường"]]
    t = _read(body, [(3, 0, 4, 0), (3, 1, 4, 1), (3, 2, 4, 2)])      # A4:A5, B4:B5, C4:C5
    got = [(i.row, i.kind, i.stt, i.name, i.unit, i.target.value, i.result, i.lead) for i in t.indicators]
    assert got[1] == (5, "indicator", "2", "Tỷ lệ giải ngân vốn đầu tư công so với kế hoạch vốn", "%", 100, 96,
                      ["Sở Tài chính"])
    assert [i.row for i in t.indicators] == [3, 5, 6]
    checked = check(t)
    assert not checked.errors
    assert checked.attainment.assessments[1].status == "khong_dat"   # 96 against 100, more is better


def test_a_merged_name_over_rows_that_each_have_figures_is_left_as_it_was():
    body = [["1", "Diện tích lúa", "Ha", 1200, 1180, "Phòng Kinh tế"],
            [None, None, "Ha", 600, 590, None]]
    merged = [(2, 1, 3, 1)]                                           # B3:B4, both rows with figures
    assert [(i.row, i.kind) for i in _read(body, merged).indicators] == [(3, "indicator"), (4, "subrow")]
