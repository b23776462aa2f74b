"""The issuer's place a title names, the chairman who signs for it and the date its levels are judged by."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import assume, given, strategies as st

from kh_excel.core.attainment import evaluate
from kh_excel.docs.context import build_context, province_from_titles
from kh_excel.docs.places import province_at
from kh_excel.docs.settings import settings_from_mapping
from test_docs_data import make_table


def _ctx(title: str, leader: str | None = None, year: int | None = None, today: date = date(2026, 12, 2),
         settings: dict | None = None, kind: str = "bao-cao"):
    table = replace(make_table(), title_lines=["PHỤ LỤC", title])
    if leader is not None:
        table = replace(table, indicators=[replace(i, leader=leader) for i in table.indicators])
    if year is not None:
        table = replace(table, year=year)
    s = settings_from_mapping(settings) if settings else None
    return build_context(evaluate(table), s, kind, today=today)


# ---------------------------------------------------------------- 1. the place ends where the name does

@pytest.mark.parametrize("title, place", [
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI TỈNH QUẢNG NGÃI ĐẾN NĂM 2030 VÀ NĂM 2024", ("TỈNH", "QUẢNG NGÃI")),
    ("KẾT QUẢ THỰC HIỆN CHỈ TIÊU HUYỆN BA TƠ TRONG NĂM 2024", ("HUYỆN", "BA TƠ")),
    ("CHỈ TIÊU KINH TẾ - XÃ HỘI HUYỆN BA TƠ ƯỚC THỰC HIỆN NĂM 2024", ("HUYỆN", "BA TƠ")),
    ("CHỈ TIÊU HUYỆN BA TƠ THỰC HIỆN NĂM 2024", ("HUYỆN", "BA TƠ")),
    ("CHỈ TIÊU XÃ KA ĐÔ GIAI ĐOẠN 2021-2025", ("XÃ", "KA ĐÔ")),
    ("CHỈ TIÊU TỈNH LÀO CAI THEO NGHỊ QUYẾT SỐ 12", ("TỈNH", "LÀO CAI")),
    # the place before «giao cho» issues, the one after it receives (tests/test_docs_issuer_receiver.py)
    ("CHỈ TIÊU NĂM 2024 UBND TỈNH QUẢNG NGÃI GIAO CHO HUYỆN BA TƠ", ("TỈNH", "QUẢNG NGÃI")),
    ("CHỈ TIÊU UBND TỈNH QUẢNG NGÃI GIAO CHO UBND HUYỆN BA TƠ THỰC HIỆN NĂM 2024", ("TỈNH", "QUẢNG NGÃI")),
    ("CHỈ TIÊU HUYỆN ĐƠN DƯƠNG DO TỈNH GIAO NĂM 2020", ("HUYỆN", "ĐƠN DƯƠNG")),
    # a name may begin with such a word when it is a known name
    ("CHỈ TIÊU HUYỆN NĂM CĂN NĂM 2024", ("HUYỆN", "NĂM CĂN")),
    ("CHỈ TIÊU NĂM 2024 HUYỆN GIAO THỦY", ("HUYỆN", "GIAO THỦY")),
    ("CHỈ TIÊU NĂM 2026 THÀNH PHỐ HỒ CHÍ MINH", ("THÀNH PHỐ", "HỒ CHÍ MINH")),
    # words that may end a real name are no end of it
    ("CHỈ TIÊU NĂM 2024 QUẬN NAM TỪ LIÊM", ("QUẬN", "NAM TỪ LIÊM")),
    ("CHỈ TIÊU THỊ XÃ TỪ SƠN NĂM 2024", ("THỊ XÃ", "TỪ SƠN")),
    # no place: the level names a body, not a unit; a run of words longer than any name is some other sentence
    ("CHỈ TIÊU TỈNH GIAO CHO CÁC HUYỆN NĂM 2024", None),
    ("SỐ XÃ ĐẠT CHUẨN NÔNG THÔN MỚI", None),
    ("KẾ HOẠCH HUYỆN BẮC HÀ MỘT HAI BA BỐN NĂM SÁU", None),
])
def test_the_place_is_the_name_alone_never_the_words_after_it(title, place):
    assert province_from_titles([title]) == place


@pytest.mark.parametrize("title, issuer, date_line", [
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI TỈNH QUẢNG NGÃI ĐẾN NĂM 2030 VÀ NĂM 2024", "TỈNH QUẢNG NGÃI", "Quảng Ngãi, ngày"),
    ("CHỈ TIÊU HUYỆN BA TƠ TRONG NĂM 2024", "HUYỆN BA TƠ", "Ba Tơ, ngày"),
    ("CHỈ TIÊU UBND TỈNH QUẢNG NGÃI GIAO CHO HUYỆN BA TƠ", "TỈNH QUẢNG NGÃI", "Quảng Ngãi, ngày"),
])
def test_the_header_and_date_line_carry_the_place_alone(title, issuer, date_line):
    c = _ctx(title)
    assert c["cq"]["ban_hanh"] == ["ỦY BAN NHÂN DÂN", issuer]
    assert str(c["vb"]["dia_danh_ngay"]).startswith(date_line)


_SYLLABLES = ["QUẢNG", "NGÃI", "BA", "TƠ", "LÀO", "CAI", "ĐƠN", "DƯƠNG", "KA", "ĐÔ", "SƠN", "TỊNH", "BUÔN", "HỒ",
              "LẠC", "LÂM", "ĐỒNG", "MINH", "LONG", "AN", "PHÚ", "YÊN", "HÒA", "BÌNH", "HƯNG"]
_AFTER = ["ĐẾN NĂM 2030", "TRONG NĂM 2024", "ƯỚC THỰC HIỆN NĂM 2024", "THỰC HIỆN 6 THÁNG", "GIAO CHỈ TIÊU",
          "CHO CÁC PHÒNG", "THEO NGHỊ QUYẾT", "TẠI KỲ HỌP", "CỦA HĐND", "VỀ KINH TẾ", "VÀ CÁC XÃ", "GIAI ĐOẠN 2021-2025",
          "KẾ HOẠCH 2025", "NĂM 2024", "DO TỈNH GIAO", ""]


@given(level=st.sampled_from(["TỈNH", "HUYỆN", "XÃ", "PHƯỜNG", "THỊ XÃ", "THỊ TRẤN", "QUẬN", "THÀNH PHỐ"]),
       name=st.lists(st.sampled_from(_SYLLABLES), min_size=1, max_size=3),
       after=st.sampled_from(_AFTER), before=st.sampled_from(["CHỈ TIÊU NĂM 2024", "KẾT QUẢ", "(Kèm theo của UBND"]))
def test_any_place_followed_by_any_such_words_reads_as_the_place_alone(level, name, after, before):
    place = " ".join(name)
    # (a province's name is known whole: «TỈNH LONG AN HÒA» names Long An, tests/test_docs_place_closing.py)
    assume(level not in ("TỈNH", "THÀNH PHỐ") or province_at(place, 0) in (-1, len(place)))
    # (nor a generated name that runs into a known one: «XÃ QUẢNG» + «GIAO CHỈ TIÊU» is the commune Quảng Giao)
    assume(not _runs_into_a_known_name(level, place, after))
    # (nor one with a province's name after its first word: «XÃ BA QUẢNG NGÃI» is the commune Ba of Quảng Ngãi)
    assume(all(province_at(place, len(" ".join(name[:i])) + 1) == -1 for i in range(1, len(name))))
    assert province_from_titles([f"{before} {level} {place} {after}".strip()]) == (level, place)


def _runs_into_a_known_name(level: str, place: str, after: str) -> bool:
    from kh_excel.docs import places
    known = places.known_names().get(level, frozenset())
    words = tuple(places._TOKEN.findall(places._key(f"{place} {after}")))
    start = len(places._TOKEN.findall(places._key(place)))
    return any(words[:n] in known for n in range(start + 1, len(words) + 1))


# ---------------------------------------------------------------- 2. only the issuer's own chairman signs

def _signer(title: str, leader: str) -> str:
    return str(_ctx(title, leader=leader)["ky"][0]["ho_ten"])


def test_another_districts_chairman_never_signs():
    got = _signer("CHỈ TIÊU HUYỆN BA TƠ NĂM 2024", "Đồng chí Lê Văn C - Chủ tịch UBND huyện Sơn Tịnh")
    assert "Lê Văn C" not in got and "w:highlight" in got   # a highlighted gap for the author


def test_the_issuers_own_chairman_signs_when_the_role_names_its_place():
    assert _signer("CHỈ TIÊU HUYỆN SƠN TỊNH NĂM 2024",
                   "Đồng chí Lê Văn C - Chủ tịch UBND huyện Sơn Tịnh") == "Lê Văn C"
    assert _signer("CHỈ TIÊU HUYỆN BA TƠ NĂM 2024", "Đồng chí Lê Văn C - Chủ tịch UBND huyện") == "Lê Văn C"


def test_a_role_naming_a_unit_signs_nothing_when_the_issuers_place_is_unknown():
    got = _signer("CHỈ TIÊU NĂM 2024", "Đồng chí Lê Văn C - Chủ tịch UBND huyện Sơn Tịnh")
    assert "Lê Văn C" not in got


# ---------------------------------------------------------------- 3. the date the levels are judged by

ABOLISHED = "- UBND các huyện, thị xã, thành phố;"
COMMUNES = "- UBND các xã, phường;"


def test_a_2024_table_without_a_date_keeps_the_districts_of_2024():
    got = [str(x) for x in _ctx("CHỈ TIÊU NĂM 2024 TỈNH QUẢNG NGÃI", year=2024)["noi_nhan"]]
    assert ABOLISHED in got and COMMUNES not in got


def test_the_settings_date_wins_over_the_tables_year():
    got = [str(x) for x in _ctx("CHỈ TIÊU NĂM 2024 TỈNH QUẢNG NGÃI", year=2024,
                                settings={"ngay": "05/01/2026"})["noi_nhan"]]
    assert COMMUNES in got and ABOLISHED not in got


def test_today_when_it_is_earlier_than_the_end_of_the_tables_year():
    before = [str(x) for x in _ctx("CHỈ TIÊU NĂM 2025 TỈNH QUẢNG NGÃI", year=2025, today=date(2025, 6, 30))["noi_nhan"]]
    after = [str(x) for x in _ctx("CHỈ TIÊU NĂM 2025 TỈNH QUẢNG NGÃI", year=2025, today=date(2025, 7, 1))["noi_nhan"]]
    assert ABOLISHED in before and COMMUNES in after


# ---------------------------------------------------------------- 4. the signer is never guessed

_LC_CHAIR = "Đồng chí Nguyễn Tuấn Anh - Chủ tịch UBND tỉnh"


@pytest.mark.parametrize("title, settings", [
    # settings naming another province: the table's chairman is Lào Cai's, not Yên Bái's
    ("CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI", {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "TỈNH YÊN BÁI"]}),
    # the issuer's place is unknown: a role naming only a level matches no particular province
    ("CHỈ TIÊU NĂM 2026", None),
    ("CHỈ TIÊU KẾ HOẠCH NĂM 2026 TỈNH GIAO HUYỆN BẮC HÀ", None),
    ("CHỈ TIÊU NĂM 2026 TỈNH X", None),
    # the settings name the level only: no place, so no chairman
    ("CHỈ TIÊU NĂM 2026", {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "TỈNH X"]}),
])
def test_the_chairman_signs_only_for_the_tables_own_place_and_level(title, settings):
    got = str(_ctx(title, leader=_LC_CHAIR, settings=settings)["ky"][0]["ho_ten"])
    assert "Nguyễn Tuấn Anh" not in got and "w:highlight" in got


def test_settings_naming_the_tables_own_place_keep_its_chairman():
    c = _ctx("CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI", leader=_LC_CHAIR,
             settings={"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]})
    assert str(c["ky"][0]["ho_ten"]) == "Nguyễn Tuấn Anh"
    assert str(_ctx("CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI", leader=_LC_CHAIR)["ky"][0]["ho_ten"]) == "Nguyễn Tuấn Anh"


@pytest.mark.parametrize("line, end", [
    ("QUẢNG NAM NĂM 2024", 9), ("Quảng Nam", 9), ("QUANG NAM", 9),  # as written, or typed without diacritics
    ("QUẢNG NĂM 2024", -1),          # «năm» is no «Nam»: the words' own diacritics count
    ("THANH HOÁ", 9), ("Thanh Hóa", 9),  # old and new tone placement alike
])
def test_a_province_is_named_as_written(line, end):
    assert province_at(line, 0) == end
