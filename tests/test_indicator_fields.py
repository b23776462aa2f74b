"""parse_grid builds each Indicator positionally (table._INDICATOR_FIELDS): a model whose fields are
reordered, added or removed must be caught before a figure lands in the wrong field."""
from dataclasses import fields

from kh_excel.core import table
from kh_excel.core.model import Indicator
from kh_excel.core.table import parse_grid
from kh_excel.core.model import Grid


def test_positional_order_is_the_models():
    assert tuple(f.name for f in fields(Indicator)) == table._INDICATOR_FIELDS


def test_every_field_lands_where_it_belongs():
    # One row whose every field differs from the others and from its default, read through parse_grid.
    grid = Grid(sheet="S", rows=[
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Thực hiện năm 2025",
         "Cơ quan chủ trì", "Lãnh đạo phụ trách", "Ghi chú"],
        ["I", "CÁC CHỈ TIÊU KINH TẾ", None, None, None, None, None, None, None],
        ["3", "Tỷ lệ hộ nghèo (*)", "%", "Giảm 1,5%", 61.25, 70.5, "Sở Nội vụ", "Đ/c Minh", "số ước"],
        ["-", "Hộ nghèo vùng cao", "Hộ", 120.0, 118.0, None, None, None, None],
    ])
    t = parse_grid(grid, file="x.xlsx")
    ind, sub = t.indicators
    assert (ind.row, ind.kind, ind.stt, ind.name, ind.unit) == (3, "indicator", "3", "Tỷ lệ hộ nghèo", "%")
    assert (ind.section, ind.section_numeral, ind.number, ind.footnote) == ("CÁC CHỈ TIÊU KINH TẾ", "I", 3, "(*)")
    assert ind.target.text == "Giảm 1,5%" and str(ind.result) == "61.25" and str(ind.previous) == "70.5"
    assert (ind.lead, ind.cooperate, ind.leader, ind.note) == (["Sở Nội vụ"], [], "Đ/c Minh", "số ước")
    assert ind.key == "ty le ho ngheo" and ind.result_text == "" and ind.parent_row is None
    assert set(ind.readings) == {"target", "result", "previous"} and ind.raw["name"] == "Tỷ lệ hộ nghèo (*)"
    assert (sub.kind, sub.parent_row, sub.number, sub.stt, sub.unit) == ("subrow", 3, 3, "-", "Hộ")
    assert sub.lead == ["Sở Nội vụ"] and sub.leader == "Đ/c Minh"  # a sub-row inherits its indicator's agencies
    assert str(sub.target.value) == "120" and sub.previous is None and sub.growth_period == (0, 0, 0)
