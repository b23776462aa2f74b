"""A row holding nothing but «Chỉ tiêu kinh tế», «Chỉ tiêu xã hội», «Chỉ tiêu môi trường» (STT empty, as communes head
their groups) is a section heading (rev11 D6): it was an indicator with three errors (no unit, plan, agency) and the
next two headings vanished as empty sub-rows, so «Tỷ lệ hộ cận nghèo» stood under «Chỉ tiêu kinh tế». A row of that
name with figures is still an indicator. Expected sections decided by hand from the rows below."""
from __future__ import annotations

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"]


def _table(rows):
    return read_workbook(Grid(sheet="Biểu", rows=[["CHỈ TIÊU KINH TẾ - XÃ HỘI XÃ NAM SƠN NĂM 2026"], HEAD, *rows]),
                         file="x.xlsx")


@pytest.mark.parametrize("first, second", [("Chỉ tiêu kinh tế", "Chỉ tiêu xã hội"),
                                           ("Chỉ tiêu về kinh tế", "Chỉ tiêu môi trường"),
                                           ("Chỉ tiêu chủ yếu", "Chỉ tiêu quốc phòng, an ninh")])
def test_a_name_alone_heads_a_section(first, second):
    t = _table([["", first, None, None, None, None],
                ["1", "Thu ngân sách nhà nước trên địa bàn", "Triệu đồng", 2500, 2600, "Ban Tài chính xã"],
                ["", second, None, None, None, None],
                ["2", "Tỷ lệ hộ cận nghèo", "%", 9, 8.5, "Công chức Văn hóa - Xã hội"]])
    assert [(s.title, s.row) for s in t.sections] == [(first, 3), (second, 5)]
    assert [(i.row, i.section) for i in t.indicators] == [(4, first), (6, second)]
    assert not check(t).errors


def test_the_same_name_with_figures_is_an_indicator():
    t = _table([["1", "Chỉ tiêu kinh tế tổng hợp đạt", "Chỉ tiêu", 10, 9, "Ban Tài chính xã"]])
    assert [i.name for i in t.indicators] == ["Chỉ tiêu kinh tế tổng hợp đạt"] and t.sections == []
