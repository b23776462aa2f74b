"""The default Nơi nhận follows the level of the issuing People's Committee: a district's report never
names a province's bodies, and a level the data does not give is a highlighted gap, not «tỉnh»."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kh_excel.core.attainment import evaluate
from kh_excel.docs.context import build_context
from test_docs_data import make_table

PROVINCE_2026 = ["- Thường trực Tỉnh ủy;", "- Thường trực HĐND tỉnh;", "- Chủ tịch, các PCT UBND tỉnh;",
                 "- Các sở, ban, ngành tỉnh;", "- UBND các xã, phường;", "- Lưu: VT, TH."]


def recipients(title: str | None, kind: str = "bao-cao", today: date = date(2026, 12, 2)) -> list[str]:
    table = make_table()
    table = replace(table, title_lines=["PHỤ LỤC", title] if title else ["PHỤ LỤC"])
    return [str(x) for x in build_context(evaluate(table), None, kind, today=today)["noi_nhan"]]


def test_a_province_after_the_2025_reorganisation():
    assert recipients("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI") == PROVINCE_2026


def test_a_province_before_july_2025_names_its_districts():
    got = recipients("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2024 TỈNH LÀO CAI", today=date(2024, 12, 15))
    assert got[4] == "- UBND các huyện, thị xã, thành phố;"


def test_a_district_names_its_own_bodies():
    assert recipients("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2020 HUYỆN ĐƠN DƯƠNG", today=date(2020, 12, 10)) == [
        "- Thường trực Huyện ủy;", "- Thường trực HĐND huyện;", "- Chủ tịch, các PCT UBND huyện;",
        "- Các phòng, ban, ngành huyện;", "- UBND các xã, thị trấn;", "- Lưu: VT, TH."]


@pytest.mark.parametrize("place, offices", [("THÀNH PHỐ ĐÀ NẴNG", "- Các sở, ban, ngành thành phố;"),
                                            ("THÀNH PHỐ ĐÀ LẠT", "- Các phòng, ban, ngành thành phố;")])
def test_a_city_run_by_the_centre_has_departments_a_provincial_city_has_offices(place, offices):
    # (dated before 1 July 2025, while a province had cities below it: docs.kinds.ended_level)
    got = recipients(f"CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2025 {place}", today=date(2025, 6, 30))
    assert got[0] == "- Thường trực Thành ủy;" and got[3] == offices


def test_an_unknown_level_is_a_highlighted_gap_never_the_province():
    got = recipients(None)
    assert not any("Tỉnh ủy;" in x or x.endswith(" tỉnh;") for x in got)
    # issued in December 2026: no district exists any more, the gap offers the province and the commune
    assert "[tỉnh/xã]" in got[1] and not any("huyện" in x.lower() for x in got)
    before = recipients(None, today=date(2024, 12, 15))
    assert "[tỉnh/huyện]" in before[1]
    lit = build_context(evaluate(replace(make_table(), title_lines=["PHỤ LỤC"])), None, "bao-cao",
                        today=date(2026, 12, 2))["noi_nhan"][1]
    assert 'w:highlight' in str(lit)  # the gap on a yellow highlight, the rest of the line plain


def test_the_notice_adds_the_office_leaders_after_the_level_bodies():
    got = recipients("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI", kind="thong-bao")
    assert got[:5] == PROVINCE_2026[:5] and got[5] == "- Lãnh đạo Văn phòng;"


@pytest.mark.parametrize("line, expected", [
    # a real district table names its committee only in the «Kèm theo» line, with the level typed twice
    ("(Kèm theo Báo cáo số: ...../BC-UBND, ngày......tháng...... năm\xa02020\xa0của UBND HuyệnHuyện Đơn Dương)",
     ("HUYỆN", "ĐƠN DƯƠNG")),
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI", ("TỈNH", "LÀO CAI")),
    ("(Kèm theo Báo cáo số 12/BC-UBND ngày 05/12/2024 của Ủy ban nhân dân thị xã Buôn Hồ)", ("THỊ XÃ", "BUÔN HỒ")),
    # the level alone names no place
    ("(Kèm theo Chương trình hành động số 04/CTr-UBND ngày 02 tháng 02 năm 2026 của Ủy ban nhân dân tỉnh)", None),
])
def test_the_place_from_a_title_or_its_attachment_line(line, expected):
    from kh_excel.docs.context import province_from_titles
    assert province_from_titles([line]) == expected


@pytest.mark.parametrize("line, expected", [
    ("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 XÃ ĐƠN DƯƠNG, TỈNH LÂM ĐỒNG", ("XÃ", "ĐƠN DƯƠNG")),   # the commune issues
    ("CHỈ TIÊU NĂM 2026 PHƯỜNG 1, THÀNH PHỐ ĐÀ LẠT", ("PHƯỜNG", "1")),
    ("CHỈ TIÊU NĂM 2020 XÃ KA ĐÔ, HUYỆN ĐƠN DƯƠNG", ("XÃ", "KA ĐÔ")),
    ("CHỈ TIÊU HUYỆN ĐƠN DƯƠNG DO TỈNH GIAO NĂM 2020", ("HUYỆN", "ĐƠN DƯƠNG")),
    ("CHỈ TIÊU KINH TẾ - XÃ HỘI, QUỐC PHÒNG - AN NINH NĂM 2026 HUYỆN LẠC DƯƠNG", ("HUYỆN", "LẠC DƯƠNG")),  # «xã hội»
    ("BIỂU 07: TỔNG HỢP CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2020 PHÂN THEO CÁC XÃ, THỊ TRẤN", None),
])
def test_the_issuer_is_the_first_place_named_with_its_level(line, expected):
    from kh_excel.docs.context import province_from_titles
    assert province_from_titles([line]) == expected


def test_a_commune_names_its_own_bodies():
    got = recipients("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 XÃ ĐƠN DƯƠNG, TỈNH LÂM ĐỒNG")
    assert got == ["- Thường trực Đảng ủy xã;", "- Thường trực HĐND xã;", "- Chủ tịch, các PCT UBND xã;",
                   "- Các ban, ngành, đoàn thể xã;", "- Lưu: VT, TH."]
