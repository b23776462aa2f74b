"""The issuer's place and level as a table's title lines give them, into every part of a signed document.

Four faults of the place reader (docs.places): a name with a dash cut at it («BÀ RỊA - VŨNG TÀU» read «BÀ RỊA»);
a name holding a word that ends a name elsewhere cut or left a gap («XÃ GIAO AN», «HUYỆN NGÃ NĂM», «XÃ TỰ DO»);
«TỈNH X GIAO CHO HUYỆN Y» issued as the district; and a commune's document keeping the table's «Lãnh đạo tỉnh phụ
trách». Expected places are decided by hand from the titles; the real names come from the General Statistics
Office's lists of units (tests/data/place_names_with_phrase_words.tsv).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from helpers import DATA, docx_paragraphs
from kh_excel.core.attainment import evaluate
from kh_excel.docs import kinds
from kh_excel.docs.context import build_context, province_from_titles
from kh_excel.docs.places import receiver, with_level
from kh_excel.docs.settings import settings_from_mapping
from test_docs_data import make_table

KEM_THEO = "(Kèm theo Báo cáo số: ...../BC-UBND, ngày......tháng...... năm 2024 của UBND {})"


def _ctx(title: str, kind: str = "ke-hoach", settings: dict | None = None, leaders: dict | None = None,
         header: str | None = None, agency: str | None = None):
    table = replace(make_table(), title_lines=["PHỤ LỤC", title])
    if leaders:
        table = replace(table, indicators=[replace(i, leader=leaders.get(i.stt, leaders["*"]))
                                           for i in table.indicators])
    if header is not None:
        table = replace(table, column_headers={**table.column_headers, "leader": header})
    s = settings_from_mapping(settings) if settings else None
    return build_context(evaluate(table), s, kind, agency=agency, today=date(2026, 12, 2))


def _texts(items) -> list[str]:
    return [str(x) for x in items]


def _signature(c) -> list[str]:
    return [str(line) for part in c["ky"] for line in [*part["dong"], part["ho_ten"]]]


# ---------------------------------------------------------------- 1. a dash inside a name

@pytest.mark.parametrize("line, place", [
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2024 TỈNH BÀ RỊA - VŨNG TÀU", ("TỈNH", "BÀ RỊA - VŨNG TÀU")),
    ("CHỈ TIÊU KINH TẾ - XÃ HỘI TỈNH BÀ RỊA - VŨNG TÀU ƯỚC THỰC HIỆN NĂM 2024", ("TỈNH", "BÀ RỊA - VŨNG TÀU")),
    (KEM_THEO.format("tỉnh Bà Rịa - Vũng Tàu"), ("TỈNH", "BÀ RỊA - VŨNG TÀU")),
    ("CHỈ TIÊU NĂM 2024 THÀNH PHỐ PHAN RANG-THÁP CHÀM", ("THÀNH PHỐ", "PHAN RANG-THÁP CHÀM")),
    ("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 XÃ CHÂN MÂY – LĂNG CÔ, THÀNH PHỐ HUẾ", ("XÃ", "CHÂN MÂY – LĂNG CÔ")),
    ("CHỈ TIÊU NĂM 2026 PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM", ("PHƯỜNG", "VĂN MIẾU - QUỐC TỬ GIÁM")),
    # a dash that leads into something else ends the name
    ("CHỈ TIÊU KINH TẾ - XÃ HỘI TỈNH QUẢNG NGÃI - KẾ HOẠCH NĂM 2026", ("TỈNH", "QUẢNG NGÃI")),
    ("UBND HUYỆN SƠN TỊNH - PHÒNG TC-KH", ("HUYỆN", "SƠN TỊNH")),
    ("CHỈ TIÊU NĂM 2024 HUYỆN BA TƠ - TỈNH QUẢNG NGÃI", ("HUYỆN", "BA TƠ")),
    ("CHỈ TIÊU TỈNH LÀO CAI - NĂM 2026", ("TỈNH", "LÀO CAI")),
    ("CHỈ TIÊU TỈNH LÀO CAI - DỰ THẢO", ("TỈNH", "LÀO CAI")),
    # a line in lower and upper case: a word in lower case after the dash is no part of the name
    (KEM_THEO.format("tỉnh Quảng Ngãi - bản trình kỳ họp"), ("TỈNH", "QUẢNG NGÃI")),
])
def test_a_dash_joins_the_parts_of_one_name_and_ends_it_before_anything_else(line, place):
    assert province_from_titles([line]) == place


@pytest.mark.parametrize("kind", ["ke-hoach", "bao-cao"])
def test_a_hyphenated_province_heads_dates_and_receives_whole(kind):
    c = _ctx("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2024 TỈNH BÀ RỊA - VŨNG TÀU", kind=kind,
             settings={"ngay": "10/12/2024"})
    assert c["cq"]["ban_hanh"] == ["ỦY BAN NHÂN DÂN", "TỈNH BÀ RỊA - VŨNG TÀU"]
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Bà Rịa - Vũng Tàu, ngày 10 tháng 12 năm 2024")
    assert c["pl"]["tieu_de"][0].endswith("TỈNH BÀ RỊA - VŨNG TÀU")


# ---------------------------------------------------------------- 2. words that end a name elsewhere

def _real_names() -> list:
    """(level, name) of tests/data/place_names_with_phrase_words.tsv. («LAO VÀ CHẢI», «ĐẠT HIẾU», once cut or left
    open where «VÀ» or «ĐẠT» leads a phrase, read whole as known units' names: tests/test_docs_place_known.py.)"""
    out = []
    for row in (DATA / "place_names_with_phrase_words.tsv").read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            level, name = row.split("\t")
            out.append(pytest.param(level, name, id=f"{level} {name}"))
    return out


_AFTER_REAL = ["NĂM 2026", "ƯỚC THỰC HIỆN NĂM 2024", "ĐẾN NĂM 2030", "GIAI ĐOẠN 2021-2025", "GIAO CHO CÁC THÔN",
               ", TỈNH LÂM ĐỒNG", "(ĐỢT 1)", ""]


@pytest.mark.parametrize("level, name", _real_names())
def test_every_real_name_holding_such_a_word_reads_whole(level, name):
    if name == "MƯỜNG VÀ":   # «VÀ» last, before a phrase of its own, leads it: only the line's end keeps it
        assert province_from_titles([f"CHỈ TIÊU NĂM 2024 {level} {name}"]) == (level, name)
        return
    for after in _AFTER_REAL:
        line = f"CHỈ TIÊU KINH TẾ - XÃ HỘI {level} {name} {after}".strip()
        assert province_from_titles([line]) == (level, name), line


@pytest.mark.parametrize("line, place", [
    ("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 XÃ GIAO AN", ("XÃ", "GIAO AN")),
    ("CHỈ TIÊU XÃ GIAO AN GIAO CHO CÁC THÔN NĂM 2026", ("XÃ", "GIAO AN")),
    ("KẾ HOẠCH NĂM 2026 XÃ ĐẾN AN", ("XÃ", "ĐẾN AN")),   # no unit is named so, a name may yet begin with it
    ("CHỈ TIÊU HUYỆN NGÃ NĂM NĂM 2024", ("HUYỆN", "NGÃ NĂM")),
    ("CHỈ TIÊU PHƯỜNG TĂNG NHƠN PHÚ TĂNG TRÊN 10%", ("PHƯỜNG", "TĂNG NHƠN PHÚ")),
    ("BÁO CÁO QUÝ I NĂM 2026 XÃ QUÝ LỘC", ("XÃ", "QUÝ LỘC")),
    ("CHỈ TIÊU NĂM 2026 XÃ BẢO LÂM 2 NĂM 2026", ("XÃ", "BẢO LÂM 2")),
    # where they lead the phrase, they end the name, or name none
    ("CHỈ TIÊU TỈNH GIAO CHO CÁC HUYỆN NĂM 2024", None),
    ("CHỈ TIÊU TỈNH GIAO NĂM 2026", None),
    ("KẾT QUẢ CỦA HUYỆN TRONG NĂM 2024", None),
    ("CHỈ TIÊU QUÝ I NĂM 2026 TỈNH LÀO CAI ĐẾN NĂM 2030", ("TỈNH", "LÀO CAI")),
    # «5 NĂM» counts years: no «BẮC HÀ TÂY 5», a name no unit has (the known «BẮC HÀ 5 NĂM» reads Bắc Hà:
    # tests/test_docs_place_known.py)
    ("CHỈ TIÊU HUYỆN BẮC HÀ TÂY 5 NĂM 2021-2025", None),
    ("CHỈ TIÊU TỈNH LÀO CAI 5 NĂM 2021-2025", ("TỈNH", "LÀO CAI")),   # a province's name is known whole
    # a name that ends nowhere a name can leaves the gap: a later place never stands in for it («BẢO LÂM 7» is
    # no unit's name, «BẢO LÂM» is no name with a number after it)
    ("CHỈ TIÊU XÃ BẢO LÂM 7 6 THÁNG ĐẦU NĂM 2026, TỈNH LÂM ĐỒNG", None),
])
def test_such_words_end_a_name_only_where_they_lead_their_phrase(line, place):
    assert province_from_titles([line]) == place


@hsettings(max_examples=150, deadline=None)
@given(place=st.sampled_from([p.values[:2] for p in _real_names() if not p.marks and p.values[1] != "MƯỜNG VÀ"]),
       before=st.sampled_from(["CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026", "BIỂU 01: KẾT QUẢ THỰC HIỆN", "(Kèm theo của UBND",
                               "CÁC CHỈ TIÊU CHỦ YẾU QUÝ I NĂM 2026 CỦA"]),
       after=st.sampled_from(_AFTER_REAL + ["THEO NGHỊ QUYẾT SỐ 12", "TRONG NĂM 2026", "DO TỈNH GIAO",
                                            "- KẾ HOẠCH NĂM 2026", "THỰC HIỆN 6 THÁNG", "VÀ CÁC THÔN)"]))
def test_any_real_name_in_any_title_reads_whole(place, before, after):
    level, name = place
    # («XÃ TÂN ƯỚC THỰC HIỆN …» could read «Tân, ước thực hiện …»: no commune is named «Tân», Tân Ước is known)
    assert province_from_titles([f"{before} {level} {name} {after}".strip()]) == (level, name)


# ---------------------------------------------------------------- 3. the giver issues, the receiver receives

GIVEN = "CHỈ TIÊU KẾ HOẠCH NĂM 2026 UBND TỈNH QUẢNG NGÃI GIAO CHO HUYỆN BA TƠ"


@pytest.mark.parametrize("line, issuer, given_to", [
    (GIVEN, ("TỈNH", "QUẢNG NGÃI"), ("HUYỆN", "BA TƠ")),
    ("CHỈ TIÊU UBND TỈNH QUẢNG NGÃI GIAO UBND HUYỆN BA TƠ NĂM 2026", ("TỈNH", "QUẢNG NGÃI"), ("HUYỆN", "BA TƠ")),
    ("(Kèm theo Quyết định số 25/QĐ-UBND ngày 10/12/2025 của UBND tỉnh Lâm Đồng giao chỉ tiêu kế hoạch năm 2026 "
     "cho xã Ka Đô)", ("TỈNH", "LÂM ĐỒNG"), ("XÃ", "KA ĐÔ")),
    ("KẾ HOẠCH NĂM 2026 CỦA HUYỆN BA TƠ CHO XÃ BA ĐIỀN", ("HUYỆN", "BA TƠ"), ("XÃ", "BA ĐIỀN")),
    # only the receiver named: no issuer, the document leaves the gap
    ("CHỈ TIÊU GIAO CHO HUYỆN BA TƠ NĂM 2026", None, ("HUYỆN", "BA TƠ")),
    ("CHỈ TIÊU TỈNH GIAO CHO HUYỆN BA TƠ NĂM 2026", None, ("HUYỆN", "BA TƠ")),
    # «giao» in a name or in «giao thông» is no verb
    ("CHỈ TIÊU NĂM 2024 HUYỆN GIAO THỦY", ("HUYỆN", "GIAO THỦY"), None),
    ("CHỈ TIÊU NGÀNH GIAO THÔNG TỈNH LÀO CAI NĂM 2026", ("TỈNH", "LÀO CAI"), None),
])
def test_the_place_before_giao_cho_issues_and_the_place_after_it_receives(line, issuer, given_to):
    assert province_from_titles([line]) == issuer
    from kh_excel.docs.places import prepared
    got = receiver(*prepared(line))
    assert (got and (got.level, got.name)) == given_to


# the district's chairman leads the first rows: only the province's, further down, signs
_CHAIRS = {"*": "Đồng chí Trần Văn Bình - Chủ tịch UBND huyện Ba Tơ",
           "4": "Đồng chí Đặng Văn Minh - Chủ tịch UBND tỉnh Quảng Ngãi"}


@pytest.mark.parametrize("kind", kinds.ids())
def test_a_provinces_assignment_is_the_provinces_in_every_part_of_every_kind(kind):
    agency = "Sở Tài chính" if kinds.needs_agency(kind) else None
    c = _ctx(GIVEN, kind=kind, leaders=_CHAIRS, agency=agency, settings={"ngay": "10/12/2025"})
    assert c["cq"]["ban_hanh"] == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Quảng Ngãi, ngày 10 tháng 12 năm 2025")
    assert c["cq"]["ten"] == "Ủy ban nhân dân tỉnh"
    noi_nhan = _texts(c["noi_nhan"])
    assert "- Thường trực HĐND tỉnh;" in noi_nhan and not any("huyện" in x.split("UBND các")[0] for x in noi_nhan)
    signature = _signature(c)
    assert "Trần Văn Bình" not in " ".join(signature)   # the district's chairman signs no province's document
    if kind != "thong-bao":
        assert signature[-1] == "Đặng Văn Minh"
    if kinds.get(kind).appendix and not kinds.is_report(kind) and not agency:
        assert c["pl"]["tieu_de"] == [GIVEN]   # the table's title, receiver and all, as written


def test_settings_naming_another_province_replace_the_giver_never_the_receiver():
    c = _ctx(GIVEN, settings={"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]})
    assert c["pl"]["tieu_de"] == ["CHỈ TIÊU KẾ HOẠCH NĂM 2026 UBND TỈNH LÂM ĐỒNG GIAO CHO HUYỆN BA TƠ"]


# ---------------------------------------------------------------- 4. the leaders' column under another level

@pytest.mark.parametrize("header, settings, want", [
    ("Lãnh đạo tỉnh phụ trách", {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "XÃ KA ĐÔ"]}, "Lãnh đạo xã phụ trách"),
    ("Lãnh đạo UBND tỉnh phụ trách", {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "XÃ KA ĐÔ"]},
     "Lãnh đạo UBND xã phụ trách"),
    ("LÃNH ĐẠO TỈNH PHỤ TRÁCH", {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "PHƯỜNG 1"]}, "LÃNH ĐẠO PHƯỜNG PHỤ TRÁCH"),
    ("Lãnh đạo thị xã phụ trách", {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "XÃ KA ĐÔ"]},
     "Lãnh đạo xã phụ trách"),
    # the same level, no level in the header, no settings: the table's own words
    ("Lãnh đạo tỉnh phụ trách", {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]},
     "Lãnh đạo tỉnh phụ trách"),
    ("Lãnh đạo phụ trách", {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "XÃ KA ĐÔ"]}, "Lãnh đạo phụ trách"),
    ("Lãnh đạo tỉnh phụ trách", None, "Lãnh đạo tỉnh phụ trách"),
])
def test_the_leaders_header_takes_the_level_the_settings_name(header, settings, want):
    # (cells naming no level: a header over «Chủ tịch UBND tỉnh» keeps its level, tests/test_docs_place_closing.py)
    c = _ctx("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÂM ĐỒNG", header=header, settings=settings,
             leaders={"*": "Đồng chí Phạm Thị Dung"})
    assert c["pl"]["cot_lanh_dao"] == want


def test_only_the_level_word_of_the_header_changes():
    # a party committee («Tỉnh ủy») is a body, not the level: a header naming one beside a committee keeps its
    # words (one word changed would give «Tỉnh ủy, UBND xã», two levels in one header)
    assert with_level("Lãnh đạo Tỉnh ủy, UBND tỉnh phụ trách", "xã") == "Lãnh đạo Tỉnh ủy, UBND tỉnh phụ trách"
    assert with_level("Lãnh đạo Tỉnh ủy phụ trách", "xã") == "Lãnh đạo Tỉnh ủy phụ trách"
    assert with_level("Lãnh đạo phụ trách xã hội", "tỉnh") == "Lãnh đạo phụ trách xã hội"   # «xã hội» is society


def test_a_communes_plan_shows_the_communes_leaders_header(tmp_path):
    import openpyxl
    from kh_excel.docs.api import render_document
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["PHỤ LỤC"])
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÂM ĐỒNG"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Cơ quan chủ trì", "Lãnh đạo tỉnh phụ trách"])
    ws.append(["1", "Tổng thu ngân sách trên địa bàn", "Tỷ đồng", 100, "Phòng Kinh tế", "Đồng chí Phạm Thị Dung"])
    ws.append(["2", "Tỷ lệ hộ nghèo", "%", 2, "Phòng Văn hóa - Xã hội", "Đồng chí Phạm Thị Dung"])
    wb.save(tmp_path / "xa.xlsx")
    toml = tmp_path / "xa.toml"
    toml.write_text('co_quan_ban_hanh = ["ỦY BAN NHÂN DÂN", "XÃ KA ĐÔ"]\nngay = "10/12/2026"\n', encoding="utf-8")
    render_document(tmp_path / "xa.xlsx", "ke-hoach", tmp_path / "xa.docx", settings_toml=toml)
    ps = [p.replace("\xa0", " ") for p in docx_paragraphs(tmp_path / "xa.docx")]
    assert "Lãnh đạo xã phụ trách" in ps and "Lãnh đạo tỉnh phụ trách" not in ps
    assert "Ka Đô, ngày 10 tháng 12 năm 2026" in ps
