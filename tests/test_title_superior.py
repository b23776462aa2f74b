"""Two issuer lines in the title rows: the body above the issuer, then the issuer (rev19 N-2).

A1 «UBND QUẬN 1», A2 «UBND PHƯỜNG BẾN NGHÉ», A3 the title: the ward issues the document under its district (nd30:
«tên cơ quan, tổ chức chủ quản trực tiếp» above «tên cơ quan, tổ chức ban hành»). The header printed «ỦY BAN NHÂN
DÂN / QUẬN 1», the body «Ủy ban nhân dân quận báo cáo …», the date line «Quận 1, ngày …» and the plan's appendix was
titled «UBND QUẬN 1». Every expected value below is decided by hand from the title rows: the header is the upper line
as written (not bold) over «ỦY BAN NHÂN DÂN» / the lower line's place (bold), the place of the date line the lower
line's («Bến Nghé»), the committee in a sentence of the lower line's level («phường»)."""
from __future__ import annotations

from datetime import date

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.model import Grid
from kh_excel.docs.context import appendix_title, build_context, told_by_table
from kh_excel.docs.settings import settings_from_mapping

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm {y}", "Ước thực hiện năm {y}", "Cơ quan thực hiện"]
BODY = [["1", "Thu ngân sách trên địa bàn", "Triệu đồng", 52000, 53500, "Bộ phận Tài chính"],
        ["2", "Số hộ gia đình văn hóa", "Hộ", 3200, 3100, "Bộ phận Văn hóa - Xã hội"]]
REPORT = "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM {y}"
PLAN = "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM {y}"


def _grid(*title_rows: list, year: int = 2026, width: int = 6) -> Grid:
    rows = [*title_rows, [h.format(y=year) for h in HEAD], *BODY]
    return Grid(sheet="Biểu 01", rows=[[x.format(y=year) if isinstance(x, str) else x for x in r]
                                       + [None] * (width - len(r)) for r in rows])


def _ctx(grid: Grid, kind: str = "bao-cao", year: int = 2026, settings: dict | None = None):
    table = read_workbook(grid, file="t.xlsx", plan=kind == "ke-hoach")
    s = settings_from_mapping(settings) if settings else None
    return table, build_context(evaluate(table), s, kind, today=date(year, 12, 2))


def _lines(c) -> tuple[list[str], list[str]]:
    return [str(x) for x in c["cq"]["chu_quan"]], [str(x) for x in c["cq"]["ban_hanh"]]


@pytest.mark.parametrize("kind", ["bao-cao", "ke-hoach", "thong-bao"])
def test_a_ward_under_its_district_issues_under_it(kind):
    table, c = _ctx(_grid(["UBND QUẬN 1"], ["UBND PHƯỜNG BẾN NGHÉ"], [REPORT]), kind)
    assert _lines(c) == (["UBND QUẬN 1"], ["ỦY BAN NHÂN DÂN", "PHƯỜNG BẾN NGHÉ"])
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Bến Nghé, ngày")
    assert c["cq"]["ten"] == "Ủy ban nhân dân phường"
    assert c["vb"]["dong_so"].endswith("-UBND")
    # the settings sheet written for the workbook shows the same two bodies and the ward's place
    told = told_by_table(table)
    assert told["co_quan_ban_hanh"] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG BẾN NGHÉ"]
    assert told["co_quan_chu_quan"] == ["UBND QUẬN 1"]
    assert told["dia_danh"] == "Bến Nghé"
    # a district in a document of 2026 (after 1 July 2025): its line is printed as the table writes it, and said
    assert any("«UBND QUẬN 1»" in w and "01/7/2025" in w for w in c["canh_bao"])


def test_notes_beside_the_two_lines_change_nothing():
    # rev19 n5: E1 «Biểu số 02/KH», E2 «Đơn vị: Triệu đồng» beside the two lines: no part of either body
    _, c = _ctx(_grid(["UBND QUẬN 1", None, None, None, "Biểu số 02/KH"],
                      ["UBND PHƯỜNG BẾN NGHÉ", None, None, None, "Đơn vị: Triệu đồng"], [PLAN]), "ke-hoach")
    assert _lines(c) == (["UBND QUẬN 1"], ["ỦY BAN NHÂN DÂN", "PHƯỜNG BẾN NGHÉ"])
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Bến Nghé, ngày")
    # the plan's appendix keeps the sheet's title (A3), never an issuer's line nor the form's label
    assert c["pl"]["tieu_de"][0] == "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"


def test_a_district_under_its_province_before_july_2025():
    # «UBND TỈNH LÀO CAI» over «UBND HUYỆN BẮC HÀ», a 2024 table: the district issues under the province; the
    # district still exists on 31/12/2024, so nothing is said of its level
    _, c = _ctx(_grid(["UBND TỈNH LÀO CAI"], ["UBND HUYỆN BẮC HÀ"], [REPORT], year=2024), year=2024)
    assert _lines(c) == (["UBND TỈNH LÀO CAI"], ["ỦY BAN NHÂN DÂN", "HUYỆN BẮC HÀ"])
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Bắc Hà, ngày")
    assert c["cq"]["ten"] == "Ủy ban nhân dân huyện"
    assert not any("01/7/2025" in w for w in c["canh_bao"])


@pytest.mark.parametrize("rows, lines, place", [
    # three levels: the commune issues, under the line right above it (its district)
    ([["UBND TỈNH LÀO CAI"], ["UBND HUYỆN BẮC HÀ"], ["UBND XÃ BẢN PHỐ"]],
     (["UBND HUYỆN BẮC HÀ"], ["ỦY BAN NHÂN DÂN", "XÃ BẢN PHỐ"]), "Bản Phố"),
    # a centrally run city holds a city of its own (Thủ Đức, 2021-2025): the lower city issues (the upper line, too
    # wide for the header's column, breaks before its place: docs.context.header_lines)
    ([["UBND THÀNH PHỐ HỒ CHÍ MINH"], ["UBND THÀNH PHỐ THỦ ĐỨC"]],
     (["UBND", "THÀNH PHỐ HỒ CHÍ MINH"], ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ THỦ ĐỨC"]), "Thủ Đức"),
])
def test_the_lowest_of_nested_committees_issues(rows, lines, place):
    _, c = _ctx(_grid(*rows, [REPORT], year=2024), year=2024)
    assert _lines(c) == lines
    assert str(c["vb"]["dia_danh_ngay"]).startswith(f"{place}, ngày")


def test_a_department_under_its_province_is_unchanged():
    # «UBND TỈNH LÀO CAI» over «SỞ TÀI CHÍNH»: the Sở issues under the province (docs.context.title_issuer)
    _, c = _ctx(_grid(["UBND TỈNH LÀO CAI"], ["SỞ TÀI CHÍNH"], [PLAN]), "ke-hoach")
    assert _lines(c) == (["UBND TỈNH LÀO CAI"], ["SỞ TÀI CHÍNH"])
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Lào Cai, ngày")


@pytest.mark.parametrize("rows, lines, place", [
    # must not fire: one committee, its header on one line or on two («ỦY BAN NHÂN DÂN» over «TỈNH LÀO CAI»)
    ([["UBND PHƯỜNG BẾN NGHÉ"], [REPORT]], ([], ["ỦY BAN NHÂN DÂN", "PHƯỜNG BẾN NGHÉ"]), "Bến Nghé"),
    ([["ỦY BAN NHÂN DÂN"], ["TỈNH LÀO CAI"], [REPORT]], ([], ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]), "Lào Cai"),
    # rev19 n5b: notes on the issuer's own row are no part of it, and no second body
    ([["UBND PHƯỜNG TÂN HÒA", None, "Ghi chú: số liệu ước", None, "Nguồn: Chi cục Thống kê"], [REPORT]],
     ([], ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN HÒA"]), "Tân Hòa"),
    # must not fire: two committees of one level are no body and its superior: the first names the place, as before
    ([["UBND XÃ KA ĐÔ"], ["UBND XÃ PRÒ"], [REPORT]], ([], ["ỦY BAN NHÂN DÂN", "XÃ KA ĐÔ"]), "Ka Đô"),
])
def test_one_issuer_is_unchanged(rows, lines, place):
    _, c = _ctx(_grid(*rows))
    assert _lines(c) == lines
    assert str(c["vb"]["dia_danh_ngay"]).startswith(f"{place}, ngày")


def test_a_party_body_under_its_province_gives_not_the_provinces_place():
    # «ĐẢNG BỘ TỈNH THANH HÓA» over «HUYỆN ỦY NHƯ XUÂN»: the table is the district Party committee's; the province
    # issues nothing here, so its place is never the document's (a party committee names no committee's place: a
    # gap the author fills, as for «HUYỆN ỦY NHƯ XUÂN» alone), and no Party body heads a committee's document
    _, c = _ctx(_grid(["ĐẢNG BỘ TỈNH THANH HÓA"], ["HUYỆN ỦY NHƯ XUÂN"], [REPORT]))
    chu_quan, ban_hanh = _lines(c)
    assert chu_quan == []
    assert "THANH HÓA" not in " ".join(ban_hanh)
    assert "Thanh Hóa" not in str(c["vb"]["dia_danh_ngay"])


def test_settings_naming_another_place_take_no_superior_from_the_title():
    # the settings name the commune Ka Đô: the title's district is not its governing body
    _, c = _ctx(_grid(["UBND QUẬN 1"], ["UBND PHƯỜNG BẾN NGHÉ"], [REPORT]),
                settings={"ten_co_quan": "Ủy ban nhân dân xã Ka Đô"})
    chu_quan, ban_hanh = _lines(c)
    assert chu_quan == []
    assert ban_hanh == ["ỦY BAN NHÂN DÂN", "XÃ KA ĐÔ"]


@pytest.mark.parametrize("rows, title", [
    # rev19 N-2: an issuer's line is never the appendix title, a numbered ward or district («QUẬN 1») included
    ([["UBND QUẬN 1"], ["UBND PHƯỜNG BẾN NGHÉ"], [PLAN]], "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"),
    ([["UBND PHƯỜNG 3"], [PLAN]], "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"),
    # rev18/14: a ministry's line
    ([["BỘ Y TẾ"], ["1.1 - CHỈ TIÊU MỤC TIÊU"]], "1.1 - CHỈ TIÊU MỤC TIÊU"),
    # must not fire: a title that opens with «BỘ» but names a set of indices, or a year after a committee
    ([["BỘ CHỈ SỐ PHÁT TRIỂN BỀN VỮNG"]], "BỘ CHỈ SỐ PHÁT TRIỂN BỀN VỮNG"),
    ([["UBND QUẬN 1 NĂM 2026"]], "UBND QUẬN 1 NĂM 2026"),
])
def test_an_issuer_line_titles_no_appendix(rows, title):
    table = read_workbook(_grid(*rows), file="t.xlsx")
    assert appendix_title(table) == title


@pytest.mark.parametrize("title, kept", [
    # a title about results titles no plan's appendix (say less): the plan's own words, placed as the issuer is
    ("BIỂU KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2025 VÀ KẾ HOẠCH NĂM 2026", False),
    ("BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2025", False),
    ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2025", False),
    # must not fire: a plan's or a neutral title stays the appendix's
    ("BIỂU TỔNG HỢP CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026", True),
    ("KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026", True),
])
def test_a_results_title_titles_no_plans_appendix(title, kept):
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Ước thực hiện năm 2025", "Kế hoạch năm 2026", "Cơ quan thực hiện"]
    grid = Grid(sheet="B", rows=[["UBND HUYỆN BẮC HÀ"], [title], head,
                                 ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 120, 130, "Phòng TC-KH"]])
    table = read_workbook(grid, file="t.xlsx", plan=True)
    c = build_context(evaluate(table), None, "ke-hoach", today=date(2025, 6, 2))
    expected = title if kept else "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 HUYỆN BẮC HÀ"
    assert c["pl"]["tieu_de"] == [expected]


def test_a_party_body_under_a_committee_is_no_body_inside_it():
    """rev21 N-1: «UBND HUYỆN KRÔNG PẮC» over «ĐẢNG ỦY XÃ EA KÊNH»: a Party committee is no body of the people's
    committee above it; the documents never invent a «ỦY BAN NHÂN DÂN XÃ EA KÊNH» the sheet does not name: the
    committee line issues, as with one line."""
    _, c = _ctx(_grid(["UBND HUYỆN KRÔNG PẮC"], ["ĐẢNG ỦY XÃ EA KÊNH"], [REPORT]))
    chu_quan, ban_hanh = _lines(c)
    assert chu_quan == [] and "EA KÊNH" not in " ".join(ban_hanh)
    assert "Ea Kênh" not in str(c["vb"]["dia_danh_ngay"])
