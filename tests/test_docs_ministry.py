"""A ministry's own table is issued by the ministry (rev22 R22-7). The Bộ Nông nghiệp và Môi trường's Chương trình hành
động 2026 («BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG» over its appendix, its Vụ and Cục as lead agencies) was written as a people's
committee's: «ỦY BAN NHÂN DÂN / [TÊN TỈNH/XÃ]», «Ủy ban nhân dân [tỉnh/xã] ban hành …», its Cục «chịu trách nhiệm trước
[Cơ quan chủ quản]», Nơi nhận «Thường trực [Tỉnh ủy/Đảng ủy xã]». Decree 30 heads a ministry's document with the
ministry alone (no «cơ quan chủ quản» line: it is the Government's own body), its minister signs («BỘ TRƯỞNG»), its
units answer to him. Expected lines are decided by hand from nd30's layout."""
from __future__ import annotations

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.model import Grid
from kh_excel.docs.context import build_context, department_of

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Cơ quan chủ trì"]
ROWS = [[1, "Số hợp tác xã nông nghiệp xếp loại khá, tốt", "Hợp tác xã", 16000, "Cục Hợp tác xã và Phát triển nông thôn"],
        [2, "Tốc độ tăng trưởng GDP toàn ngành", "%", "3,7 - 4", "Vụ Kế hoạch - Tài chính"]]


def _ctx(kind: str, first: str = "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", agency: str | None = None) -> dict:
    rows = [[first], ["CÁC CHỈ TIÊU CHỦ YẾU NGÀNH NÔNG NGHIỆP VÀ MÔI TRƯỜNG NĂM 2026"], HEAD, *ROWS]
    return build_context(evaluate(read_workbook(Grid(sheet="Biểu", rows=rows), file="b.xlsx")), None, kind,
                         agency=agency)


def _said(ctx: dict) -> str:
    return repr(ctx)


@pytest.mark.parametrize("kind", ["chuong-trinh", "ke-hoach"])
def test_the_ministry_heads_signs_and_its_units_answer_to_the_minister(kind):
    c = _ctx(kind)
    assert " ".join(c["cq"]["ban_hanh"]) == "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
    assert c["cq"]["chu_quan"] == []                 # no governing body's line above a ministry
    assert c["ky"][0]["dong"] == ["BỘ TRƯỞNG"]       # its minister signs, no «TM.» of a collective body
    assert c["vb"]["dong_so"].endswith("-BNNMT")     # Bộ Nông nghiệp và Môi trường
    assert c["noi_nhan"] == ["- Lãnh đạo Bộ;", "- Các đơn vị thuộc Bộ;", "- Lưu: VT, TH."]
    units = c["tc"]["muc"][:2]
    assert all(x.endswith("chịu trách nhiệm trước Bộ trưởng về kết quả thực hiện.") for x in units), units
    said = _said(c)
    for committee in ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân", "[Cơ quan chủ quản]", "Tỉnh ủy", "HĐND"):
        assert committee not in said, committee


def test_a_letter_to_one_of_its_cuc_assigns_and_reports_to_the_ministry():
    c = _ctx("giao-chi-tieu", agency="Cục Hợp tác xã và Phát triển nông thôn")
    said = _said(c)
    assert "Bộ Nông nghiệp và Môi trường giao Cục Hợp tác xã và Phát triển nông thôn chủ trì" in said
    assert "[Cơ quan chủ quản]" not in said and "Ủy ban nhân dân" not in said


@pytest.mark.parametrize("line", ["BỘ CHỈ HUY QUÂN SỰ TỈNH LÀO CAI", "BỘ ĐỘI BIÊN PHÒNG TỈNH LÀO CAI"])
def test_a_provinces_command_is_no_ministry(line):
    assert department_of([line]) is None


def test_a_cuc_under_a_ministrys_line_keeps_the_ministry_as_its_governing_body():
    rows = [["BỘ TÀI CHÍNH"], ["CỤC THUẾ"], ["CÁC CHỈ TIÊU THU NGÂN SÁCH NĂM 2026"], HEAD,
            [1, "Thu nội địa", "Tỷ đồng", 1000, "Phòng Tổng hợp"]]
    c = build_context(evaluate(read_workbook(Grid(sheet="Biểu", rows=rows), file="b.xlsx")), None, "ke-hoach")
    assert c["cq"]["chu_quan"] == ["BỘ TÀI CHÍNH"] and c["cq"]["ban_hanh"] == ["CỤC THUẾ"]
