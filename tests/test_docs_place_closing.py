"""A place's name is read only where the title shows where it ends (round of 2 December, reviewer 5).

Titles as offices write them; every expected place decided by hand: the name that a leader could sign under, or
None where the title does not show where the name ends (the document then leaves a highlighted gap).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, strategies as st

from kh_excel.core.attainment import evaluate
from kh_excel.docs.context import build_context, province_from_titles
from kh_excel.docs.places import PROVINCES, issuer
from kh_excel.docs.settings import settings_from_mapping, settings_rows
from test_docs_data import make_table


def _ctx(title: str, settings: dict | None = None, kind: str = "bao-cao"):
    table = replace(make_table(), title_lines=["PHỤ LỤC", title])
    s = settings_from_mapping(settings) if settings else None
    return build_context(evaluate(table), s, kind, today=date(2026, 12, 2))


# ---------------------------------------------------------------- defect 4: a name must be closed

@pytest.mark.parametrize("title, place", [
    # verbs and phrases titles write after the issuer
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 CỦA UBND HUYỆN BẮC HÀ GỬI UBND TỈNH LÀO CAI", ("HUYỆN", "BẮC HÀ")),
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU TỈNH LÀO CAI TRÌNH HĐND TỈNH", ("TỈNH", "LÀO CAI")),
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 XÃ BẢN PHỐ ĐĂNG KÝ", ("XÃ", "BẢN PHỐ")),
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 CỦA XÃ BẢN PHỐ ĐÃ ĐƯỢC HĐND XÃ THÔNG QUA", ("XÃ", "BẢN PHỐ")),
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU XÃ BẢN PHỐ ƯỚC CẢ NĂM 2026", ("XÃ", "BẢN PHỐ")),
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU THÀNH PHỐ THỦ ĐỨC THUỘC THÀNH PHỐ HỒ CHÍ MINH", ("THÀNH PHỐ", "THỦ ĐỨC")),
    ("BỘ TIÊU CHÍ VÀ CHỈ TIÊU NĂM 2026 XÃ BẢN PHỐ NÔNG THÔN MỚI NÂNG CAO", ("XÃ", "BẢN PHỐ")),
    ("CHỈ TIÊU XÃ BẢN PHỐ SAU SẮP XẾP", ("XÃ", "BẢN PHỐ")),
    ("CHỈ TIÊU XÃ BẢN PHỐ ĐẠT CHUẨN NÔNG THÔN MỚI", ("XÃ", "BẢN PHỐ")),
    ("XÃ BẢN PHỐ PHẤN ĐẤU NĂM 2026", ("XÃ", "BẢN PHỐ")),
    ("CHỈ TIÊU HUYỆN BẮC HÀ LẦN 2", ("HUYỆN", "BẮC HÀ")),
    ("XÃ BẢN PHỐ GỬI HUYỆN BẮC HÀ", ("XÃ", "BẢN PHỐ")),
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 XÃ MƯỜNG VÀ VÀ XÃ SỐP CỘP", ("XÃ", "MƯỜNG VÀ")),
    # a province's name is known whole: what follows it is no part of it
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI ĐIỀU CHỈNH", ("TỈNH", "LÀO CAI")),
    ("CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LÀO CAI LẦN THỨ XVI", ("TỈNH", "LÀO CAI")),
    ("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 TỈNH LÀO CAI GIAO", ("TỈNH", "LÀO CAI")),
    ("CHỈ TIÊU NĂM 2026 TỈNH THANH HOÁ TRÌNH", ("TỈNH", "THANH HOÁ")),
    # in a line in lower and upper case a word in lower case ends a capitalised name
    ("Các chỉ tiêu kinh tế - xã hội chủ yếu năm 2026 tỉnh Lào Cai điều chỉnh", ("TỈNH", "LÀO CAI")),
    ("Các chỉ tiêu kinh tế - xã hội chủ yếu xã Đại Từ từ năm 2021 đến năm 2025", ("XÃ", "ĐẠI TỪ")),
    ("Các chỉ tiêu năm 2026 xã Bản Phố được thông qua", ("XÃ", "BẢN PHỐ")),
    ("Các chỉ tiêu năm 2026 xã Bản Phố thông qua tại kỳ họp", ("XÃ", "BẢN PHỐ")),
    # a name running into a body is not closed: a gap, never «BẮC HÀ NHẬN»
    ("CÁC CHỈ TIÊU NĂM 2026 CỦA HUYỆN BẮC HÀ NHẬN UBND TỈNH LÀO CAI", None),
    # what held
    ("CHỈ TIÊU KINH TẾ - XÃ HỘI TỈNH BÀ RỊA - VŨNG TÀU ƯỚC THỰC HIỆN NĂM 2024", ("TỈNH", "BÀ RỊA - VŨNG TÀU")),
    ("Các chỉ tiêu kinh tế - xã hội chủ yếu năm 2024 thị trấn Năm Căn", ("THỊ TRẤN", "NĂM CĂN")),
    ("CHỈ TIÊU NĂM 2024 HUYỆN GIAO THỦY", ("HUYỆN", "GIAO THỦY")),
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 PHƯỜNG 1", ("PHƯỜNG", "1")),
    ("Các chỉ tiêu kinh tế - xã hội chủ yếu năm 2024 Quận 3", ("QUẬN", "3")),
    ("CHỈ TIÊU NĂM 2026 UBND TỈNH LÀO CAI GIAO CHO HUYỆN BẮC HÀ", ("TỈNH", "LÀO CAI")),
    ("CHỈ TIÊU NĂM 2026 XÃ TÂN ƯỚC", ("XÃ", "TÂN ƯỚC")),
    ("CHỈ TIÊU HUYỆN ĐẠI TỪ NĂM 2026", ("HUYỆN", "ĐẠI TỪ")),
])
def test_a_name_ends_where_the_title_shows_it(title, place):
    assert province_from_titles([title]) == place


def test_the_settings_sheet_never_holds_a_reading_that_is_a_gap():
    """`kx settings` writes what the title tells; a name it cannot close is no value a user wrote."""
    rows = settings_rows(replace(make_table(), title_lines=[
        "CÁC CHỈ TIÊU NĂM 2026 CỦA HUYỆN BẮC HÀ NHẬN UBND TỈNH LÀO CAI"]))
    values = {r[0]: r[1] for r in rows if len(r) > 1}
    assert not any("BẮC HÀ" in v.upper() or "LÀO CAI" in v.upper() for v in values.values())
    rows = settings_rows(replace(make_table(), title_lines=[
        "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 CÁC XÃ, PHƯỜNG TỈNH LÀO CAI"]))
    written = "\n".join(r[1] for r in rows if len(r) > 1)
    assert "TỈNH LÀO CAI" in written and "PHƯỜNG TỈNH" not in written


# ---------------------------------------------------------------- defects 2 and 3: lists of levels, party bodies

@pytest.mark.parametrize("title, place", [
    ("BIỂU 07: TỔNG HỢP CHỈ TIÊU NĂM 2020 PHÂN THEO CÁC XÃ, THỊ TRẤN HUYỆN ĐƠN DƯƠNG", ("HUYỆN", "ĐƠN DƯƠNG")),
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 CÁC XÃ, PHƯỜNG TỈNH LÀO CAI", ("TỈNH", "LÀO CAI")),
    ("CHỈ TIÊU NĂM 2026 CÁC XÃ, PHƯỜNG, ĐẶC KHU TỈNH QUẢNG NINH", ("TỈNH", "QUẢNG NINH")),
    ("CHỈ TIÊU NĂM 2024 CÁC HUYỆN, THÀNH PHỐ TỈNH LÀO CAI", ("TỈNH", "LÀO CAI")),
    ("CHỈ TIÊU NĂM 2026 CÁC PHƯỜNG, XÃ THÀNH PHỐ HÀ NỘI", ("THÀNH PHỐ", "HÀ NỘI")),
    ("Chỉ tiêu năm 2026 các xã, phường tỉnh Lào Cai", ("TỈNH", "LÀO CAI")),
    ("CHỈ TIÊU NĂM 2024 CÁC XÃ VÀ THỊ TRẤN HUYỆN ĐƠN DƯƠNG", ("HUYỆN", "ĐƠN DƯƠNG")),
    ("CHỈ TIÊU NĂM 2026 CÁC XÃ/PHƯỜNG TỈNH LÀO CAI", ("TỈNH", "LÀO CAI")),
    ("BIỂU 07: TỔNG HỢP CHỈ TIÊU NĂM 2026 PHÂN THEO CÁC XÃ, THỊ TRẤN", None),
    # a party committee is no place
    ("TỈNH ỦY LÀO CAI", None),
    ("Tỉnh uỷ Lào Cai", None),
    ("TỈNH UỶ LÀO CAI", None),
    ("HUYỆN ỦY BẮC HÀ", None),
    ("BAN THƯỜNG VỤ TỈNH ỦY", None),
    ("THÀNH ỦY HÀ NỘI", None),
    ("CHỈ TIÊU CỦA TỈNH ỦY LÀO CAI GIAO CHO HUYỆN BẮC HÀ", None),
])
def test_a_list_of_levels_and_a_party_committee_name_no_issuer(title, place):
    assert province_from_titles([title]) == place


@pytest.mark.parametrize("first, then", [("TỈNH ỦY LÀO CAI", None), ("Tỉnh uỷ Lào Cai", None)])
def test_a_party_committees_line_lets_the_next_line_name_the_issuer(first, then):
    assert province_from_titles([first, "CHỈ TIÊU NĂM 2026"]) is then
    assert province_from_titles([first, "CHỈ TIÊU NĂM 2026 HUYỆN BẮC HÀ"]) == ("HUYỆN", "BẮC HÀ")


def test_a_list_of_levels_never_reaches_the_header_or_date_line():
    c = _ctx("BIỂU 07: TỔNG HỢP CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2020 PHÂN THEO CÁC XÃ, THỊ TRẤN HUYỆN ĐƠN DƯƠNG")
    assert [str(x) for x in c["cq"]["ban_hanh"]] == ["ỦY BAN NHÂN DÂN", "HUYỆN ĐƠN DƯƠNG"]
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Đơn Dương, ngày")
    c = _ctx("TỈNH ỦY LÀO CAI")
    assert "ỦY LÀO CAI" not in " ".join(str(x) for x in c["cq"]["ban_hanh"])
    assert "Ủy Lào Cai" not in str(c["vb"]["dia_danh_ngay"]) and "w:highlight" in str(c["vb"]["dia_danh_ngay"])


# ---------------------------------------------------------------- defect 8: a dash before a province's name

@pytest.mark.parametrize("title, place", [
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 HUYỆN BẮC HÀ – LÀO CAI", ("HUYỆN", "BẮC HÀ")),
    ("BIỂU 07: TỔNG HỢP CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2020 HUYỆN ĐƠN DƯƠNG-LÂM ĐỒNG", ("HUYỆN", "ĐƠN DƯƠNG")),
    ("CHỈ TIÊU NĂM 2026 XÃ BẢN PHỐ - LÀO CAI", ("XÃ", "BẢN PHỐ")),
    # one name: held
    ("CHỈ TIÊU NĂM 2024 TỈNH BÀ RỊA - VŨNG TÀU", ("TỈNH", "BÀ RỊA - VŨNG TÀU")),
    ("CHỈ TIÊU NĂM 2024 THÀNH PHỐ PHAN RANG-THÁP CHÀM", ("THÀNH PHỐ", "PHAN RANG-THÁP CHÀM")),
    ("CHỈ TIÊU NĂM 2026 PHƯỜNG CAM LY - ĐÀ LẠT", ("PHƯỜNG", "CAM LY - ĐÀ LẠT")),
    ("CHỈ TIÊU NĂM 2026 XÃ CHÂN MÂY – LĂNG CÔ, THÀNH PHỐ HUẾ", ("XÃ", "CHÂN MÂY – LĂNG CÔ")),
])
def test_a_dash_before_a_provinces_name_ends_the_units_name(title, place):
    assert province_from_titles([title]) == place


def test_the_dash_joined_province_never_reaches_the_date_line():
    c = _ctx("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 HUYỆN BẮC HÀ – LÀO CAI")
    assert [str(x) for x in c["cq"]["ban_hanh"]] == ["ỦY BAN NHÂN DÂN", "HUYỆN BẮC HÀ"]
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Bắc Hà, ngày")


def test_the_province_list_holds_63_and_the_one_new_name():
    assert len(PROVINCES) == len(set(PROVINCES)) == 64
    assert {"HUẾ", "THỪA THIÊN HUẾ", "HÀ NỘI", "HỒ CHÍ MINH", "LÀO CAI", "YÊN BÁI"} <= set(PROVINCES)


@given(province=st.sampled_from(PROVINCES),
       after=st.sampled_from(["ĐIỀU CHỈNH", "GIAO", "TRÌNH HĐND TỈNH", "LẦN THỨ XVI", "MỚI", "NĂM 2026", ""]),
       level=st.sampled_from(["TỈNH", "THÀNH PHỐ"]))
def test_a_provinces_name_reads_whole_whatever_follows(province, after, level):
    p = issuer(f"CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 {level} {province} {after}".strip())
    assert p is not None and (p.level, p.name) == (level, province)


# ---------------------------------------------------------------- defect 5: the leaders' column header

_XA = {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "XÃ BẢN PHỐ"]}


def _header(header: str, leader: str, settings: dict | None = _XA) -> str:
    table = replace(make_table(), title_lines=["PHỤ LỤC", "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI"],
                    column_headers={**make_table().column_headers, "leader": header})
    table = replace(table, indicators=[replace(i, leader=leader) for i in table.indicators])
    s = settings_from_mapping(settings) if settings else None
    return build_context(evaluate(table), s, "ke-hoach", today=date(2026, 12, 2))["pl"]["cot_lanh_dao"]


@pytest.mark.parametrize("header, leader, want", [
    # the cells name the province's leaders: «Lãnh đạo xã phụ trách» over them would be untrue
    ("Lãnh đạo tỉnh phụ trách", "Đồng chí Nguyễn Tuấn Anh - Chủ tịch UBND tỉnh", "Lãnh đạo tỉnh phụ trách"),
    ("Lãnh đạo tỉnh phụ trách", "Đồng chí Vũ Thị Hạnh - Phó Chủ tịch UBND tỉnh", "Lãnh đạo tỉnh phụ trách"),
    # a party committee beside the committee: never «Xã uỷ», never two levels in one header
    ("Lãnh đạo Tỉnh uỷ, UBND tỉnh phụ trách", "Đồng chí Phạm Thị Dung", "Lãnh đạo Tỉnh uỷ, UBND tỉnh phụ trách"),
    ("Lãnh đạo Tỉnh ủy, UBND tỉnh phụ trách", "Đồng chí Phạm Thị Dung", "Lãnh đạo Tỉnh ủy, UBND tỉnh phụ trách"),
    ("Lãnh đạo tỉnh, huyện phụ trách", "Đồng chí Phạm Thị Dung", "Lãnh đạo tỉnh, huyện phụ trách"),
    # cells naming the commune's own leaders, or no level: the header takes the commune's level
    ("Lãnh đạo tỉnh phụ trách", "Đồng chí Phạm Thị Dung - Chủ tịch UBND xã", "Lãnh đạo xã phụ trách"),
    ("Lãnh đạo tỉnh phụ trách", "Đồng chí Phạm Thị Dung", "Lãnh đạo xã phụ trách"),
])
def test_the_leaders_header_changes_its_level_only_where_that_is_true(header, leader, want):
    assert _header(header, leader) == want


@pytest.mark.parametrize("text", ["Lãnh đạo Tỉnh uỷ phụ trách", "LÃNH ĐẠO TỈNH UỶ PHỤ TRÁCH",
                                  "Lãnh đạo Huyện ủy, UBND huyện phụ trách"])
def test_a_party_committee_never_becomes_a_communes(text):
    from kh_excel.docs.places import with_level
    got = with_level(text, "xã")
    assert got == text and "xã" not in got.lower()


# ---------------------------------------------------------------- defect 6: an organisation's header lines

@pytest.mark.parametrize("lines, title", [
    (["UBND TỈNH LÀO CAI", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "BIỂU TỔNG HỢP CÁC CHỈ TIÊU NĂM 2024"],
     "BIỂU TỔNG HỢP CÁC CHỈ TIÊU NĂM 2024"),
    (["SỞ TÀI CHÍNH TỈNH LÀO CAI", "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026"],
     "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026"),
    (["Tỉnh uỷ Lào Cai", "Các chỉ tiêu chủ yếu thực hiện Nghị quyết"], "CÁC CHỈ TIÊU CHỦ YẾU THỰC HIỆN NGHỊ QUYẾT"),
    # a title that begins with a word a body's name also begins with is still the title
    (["PHỤ LỤC", "SỐ LIỆU THỐNG KÊ CÁC XÃ"], "SỐ LIỆU THỐNG KÊ CÁC XÃ"),
    (["PHÒNG TÀI CHÍNH - KẾ HOẠCH: CHỈ TIÊU NĂM 2024"], "PHÒNG TÀI CHÍNH - KẾ HOẠCH: CHỈ TIÊU NĂM 2024"),
])
def test_an_organisations_header_lines_are_not_the_appendix_title(lines, title):
    from kh_excel.docs.context import appendix_title
    assert appendix_title(replace(make_table(), title_lines=lines)) == title


def test_a_departments_table_never_carries_the_chairmans_name():
    table = replace(make_table(), title_lines=["UBND TỈNH LÀO CAI", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
                                               "BIỂU TỔNG HỢP CÁC CHỈ TIÊU NĂM 2026"])
    table = replace(table, indicators=[replace(i, leader="Đồng chí Nguyễn Tuấn Anh - Chủ tịch UBND tỉnh")
                                       for i in table.indicators])
    got = str(build_context(evaluate(table), None, "bao-cao", today=date(2026, 12, 2))["ky"][0]["ho_ten"])
    assert "Nguyễn Tuấn Anh" not in got and "w:highlight" in got


# ---------------------------------------------------------------- defect 7: a district after 1 July 2025

def _dated(title: str, ngay: str):
    return _ctx(title, settings={"ngay": ngay})


def test_a_district_issuing_after_the_reorganisation_is_warned_and_names_no_ended_bodies():
    c = _dated("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 HUYỆN BẮC HÀ", "10/12/2026")
    recipients = " ".join(str(x) for x in c["noi_nhan"])
    assert "Huyện ủy" not in recipients and "thị trấn" not in recipients
    assert "[tỉnh/xã]" in recipients and "w:highlight" in recipients
    assert len(c["canh_bao"]) == 1 and "01/7/2025" in c["canh_bao"][0] and "huyện" in c["canh_bao"][0]


@pytest.mark.parametrize("title, ngay", [
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2025 HUYỆN BẮC HÀ", "30/06/2025"),   # the day before: a district
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI", "10/12/2026"),
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 THÀNH PHỐ HỒ CHÍ MINH", "10/12/2026"),   # a province's level
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 XÃ BẢN PHỐ", "10/12/2026"),
])
def test_levels_that_exist_on_the_documents_date_are_not_warned(title, ngay):
    assert _dated(title, ngay)["canh_bao"] == []


def test_a_district_before_the_reorganisation_keeps_its_bodies():
    recipients = " ".join(str(x) for x in _dated("CHỈ TIÊU NĂM 2025 HUYỆN BẮC HÀ", "30/06/2025")["noi_nhan"])
    assert "Thường trực Huyện ủy" in recipients and "UBND các xã, thị trấn" in recipients
