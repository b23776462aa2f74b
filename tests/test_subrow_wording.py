"""How documents word a sub-row (rev20 R20-13). A part named with the row it belongs to is never put in brackets inside
brackets: Gia Lai 6 tháng 2024 printed «Nông - lâm nghiệp và thủy sản (Tổng sản phẩm trên địa bàn (GRDP) tăng so với
cùng kỳ): …»; where the owner's name has brackets of its own, the part follows it as a «trong đó» row does; elsewhere
«Diện tích (Sản xuất lúa)» stays. A plan writes the planned parts inside their indicator's sentence after «trong đó:»
(seed 001:148), or after their heading's name, never «- Lúa nước 2 vụ (Tổng diện tích gieo trồng hằng năm): đạt 40 ha»
for each part (Lơ Ku 2021-2025)."""
from __future__ import annotations

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.docs import wording as W

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Ước thực hiện 6 tháng năm 2024"]


def _names(rows):
    t = read_workbook(Grid(sheet="B", rows=[["CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2024"], HEAD, *rows]), file="x.xlsx")
    return [(e.name, e.plan, e.result) for e in W.items(check(t).attainment.assessments)]


def _nested(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += ch == "("
        if depth > 1:
            return True
        depth -= ch == ")"
    return False


def test_an_owner_with_brackets_is_followed_by_its_part():
    # the GRDP row and its three sectors (results only, as published: 3,02; 4,26; 0,4; 3,84)
    rows = [["1", "Tổng sản phẩm trên địa bàn (GRDP) tăng so với cùng kỳ", "%", None, 3.02],
            ["-", "Nông - lâm nghiệp và thủy sản", "%", None, 4.26],
            ["-", "Công nghiệp, xây dựng", "%", None, 0.4],
            ["-", "Dịch vụ", "%", None, 3.84]]
    got = _names(rows)
    assert [n for n, _, _ in got[1:]] == [
        "Tổng sản phẩm trên địa bàn (GRDP) tăng so với cùng kỳ, trong đó nông - lâm nghiệp và thủy sản",
        "Tổng sản phẩm trên địa bàn (GRDP) tăng so với cùng kỳ, trong đó công nghiệp, xây dựng",
        "Tổng sản phẩm trên địa bàn (GRDP) tăng so với cùng kỳ, trong đó dịch vụ"]
    assert not any(_nested(x) for entry in got for x in entry)


def test_an_owner_without_brackets_names_the_part_in_brackets():
    # must not change: «Dịch vụ (Giá trị sản xuất)», «Diện tích (Sản xuất lúa)»
    rows = [["1", "Giá trị sản xuất", "Tỷ đồng", 1000, 480],
            ["-", "Dịch vụ", "Tỷ đồng", 400, 190]]
    assert _names(rows)[1][0] == "Dịch vụ (Giá trị sản xuất)"


def test_an_owner_with_a_trailing_note_keeps_one_pair():
    # «Giá trị sản xuất (giá 2010)»: its trailing note is left out of the label, as before: one pair of brackets
    rows = [["1", "Giá trị sản xuất (giá 2010)", "Tỷ đồng", 1000, 480],
            ["-", "Dịch vụ", "Tỷ đồng", 400, 190]]
    name = _names(rows)[1][0]
    assert name == "Dịch vụ (Giá trị sản xuất)" and not _nested(name)


PLAN_HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu giai đoạn 2021-2025"]


def _plan(rows):
    from kh_excel.docs.context import _plan_entries
    t = read_workbook(Grid(sheet="B", rows=[["CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2021-2025"], PLAN_HEAD, *rows]),
                      file="x.xlsx")
    return [e.plan for e in _plan_entries(check(t).attainment.assessments)]


def test_a_marked_row_under_an_indicator_is_never_folded_into_its_sentence():
    """rev21 REG-2: «Tỷ lệ số xã đạt chuẩn nông thôn mới» 50% over «- Tỷ lệ thôn đạt chuẩn nông thôn mới» 58,9% (Như
    Xuân): a share of villages is no part of a share of communes, and 58,9% «trong đó» 50% is false. A plan states a
    «-» row as its own entry, named with its indicator; only a «Trong đó» row is written inside the sentence."""
    rows = [["1", "Tỷ lệ số xã đạt chuẩn nông thôn mới", "%", 50],
            ["-", "Tỷ lệ thôn đạt chuẩn nông thôn mới", "%", 58.9],
            ["2", "Tỷ lệ hộ nghèo", "%", 2.5],
            ["-", "Số hộ nghèo", "Hộ", 250]]
    got = _plan(rows)
    assert len(got) == 4 and not any("trong đó" in p for p in got)
    assert got[1].startswith("Tỷ lệ thôn đạt chuẩn nông thôn mới (Tỷ lệ số xã đạt chuẩn nông thôn mới): ")
    assert "58,9%" in got[1] and "250" in got[3]


def test_a_row_the_table_sets_beside_an_indicator_stays_its_own_entry():
    # must not fold: an unmarked row named as an indicator in full under a numbered one (_companion: seed 004 names
    # «Tỷ lệ bao phủ bảo hiểm y tế» alone), nor a marked part led by another agency than its indicator's
    rows = [["1", "Tỷ lệ lao động nông nghiệp trong tổng lao động", "%", 30],
            [None, "Tỷ lệ bao phủ bảo hiểm y tế toàn dân", "%", 95]]
    got = _plan(rows)
    assert len(got) == 2 and "trong đó" not in got[0] and got[1].startswith("Tỷ lệ bao phủ bảo hiểm y tế toàn dân")
    head = PLAN_HEAD + ["Cơ quan chủ trì"]
    rows = [["CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2021-2025"], head,
            ["1", "Tổng thu ngân sách", "Tỷ đồng", 100, "Sở Tài chính"],
            ["-", "Thu nội địa", "Tỷ đồng", 80, "Thuế tỉnh"]]
    from kh_excel.docs.context import _plan_entries
    t = read_workbook(Grid(sheet="B", rows=rows), file="x.xlsx")
    got = [e.plan for e in _plan_entries(check(t).attainment.assessments)]
    assert got == ["Tổng thu ngân sách: đạt 100\xa0tỷ\xa0đồng", "Thu nội địa (Tổng thu ngân sách): đạt 80\xa0tỷ\xa0đồng"]
