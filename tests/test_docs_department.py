"""A department's table is issued by the department, under its governing body (nd30: «cơ quan chủ quản» above
«tên cơ quan ban hành»), not by the People's Committee.

Every expected value decided by hand from Decree 30 and the titles: the header lines, the symbol (the department's
initials), the signer's title (the department's head, never the committee's chairman), Nơi nhận (its governing
body and its own leaders, never the committee's chairmen as its own), and the committee's own table unchanged.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, strategies as st

from kh_excel.core.attainment import evaluate
from kh_excel.docs import layout as L
from kh_excel.docs.context import build_context, header_lines, issuer_name, issuer_symbol, told_by_table
from kh_excel.docs.vn import text_width_pt
from kh_excel.docs.places import body_and_place
from kh_excel.docs.settings import settings_from_mapping, settings_rows
from test_docs_data import make_table

SO = ["UBND TỈNH LÀO CAI", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "BIỂU TỔNG HỢP CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"]
SO_ONLY = ["SỞ TÀI CHÍNH TỈNH LÀO CAI", "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026"]
PHONG = ["UBND HUYỆN BẮC HÀ", "PHÒNG TÀI CHÍNH - KẾ HOẠCH", "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2024"]
COMMITTEE = ["PHỤ LỤC", "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI"]
CHAIRMAN = "Đồng chí Nguyễn Tuấn Anh - Chủ tịch UBND tỉnh"


def _table(lines: list[str], year: int = 2026):
    t = replace(make_table(), title_lines=lines, year=year)
    return replace(t, indicators=[replace(i, leader=CHAIRMAN) for i in t.indicators])


def _ctx(lines: list[str], settings: dict | None = None, kind: str = "bao-cao", year: int = 2026,
         agency: str | None = None):
    s = settings_from_mapping(settings) if settings else None
    return build_context(evaluate(_table(lines, year)), s, kind, agency=agency, today=date(year, 12, 2))


def _text(lines) -> list[str]:
    return [str(x) for x in lines]


def _lit(x) -> bool:
    return "w:highlight" in str(x)


# ---------------------------------------------------------------- the header, the symbol, the signer

@pytest.mark.parametrize("kind, symbol, signer", [
    ("bao-cao", "/BC-SKHĐT", ["GIÁM ĐỐC"]),
    ("ke-hoach", "/KH-SKHĐT", ["GIÁM ĐỐC"]),
    ("chuong-trinh", "/CTr-SKHĐT", ["GIÁM ĐỐC"]),
    # the notice is signed by the office, by order of the department's head
    ("thong-bao", "/TB-SKHĐT", ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]),
    # a công văn: the issuer's symbol, then the drafting unit's
    ("giao-chi-tieu", "/SKHĐT-TH", ["GIÁM ĐỐC"]),
])
def test_a_departments_table_is_headed_numbered_and_signed_by_the_department(kind, symbol, signer):
    c = _ctx(SO, kind=kind, agency="Sở Tài chính" if kind == "giao-chi-tieu" else None)
    assert _text(c["cq"]["chu_quan"]) == ["UBND TỈNH LÀO CAI"]
    assert _text(c["cq"]["ban_hanh"]) == ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ"]
    assert c["vb"]["dong_so"].endswith(symbol)
    assert c["ky"][0]["dong"] == signer
    # the table's chairman never signs a department's document: the name is a gap for the author
    assert "Nguyễn Tuấn Anh" not in str(c["ky"][0]["ho_ten"]) and _lit(c["ky"][0]["ho_ten"])
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Lào Cai, ngày")
    recipients = _text(c["noi_nhan"])
    assert "- UBND tỉnh;" in recipients and "- Lãnh đạo Sở;" in recipients
    assert not any("Chủ tịch" in x or "Thường trực" in x for x in recipients)


def test_a_departments_sentences_name_it_and_the_committee_it_reports_to():
    plan = _ctx(SO, kind="ke-hoach")
    assert str(plan["nd"]["mo_dau"][0]).startswith("Sở Kế hoạch và Đầu tư ban hành Kế hoạch")
    assert plan["pl"]["kem_theo"].endswith("của Sở Kế hoạch và Đầu tư)")
    # agencies answer to the committee, which directs; a Sở collects and reports on
    assert "chịu trách nhiệm trước Ủy ban nhân dân tỉnh" in str(plan["tc"]["muc"][0])
    assert str(plan["nd"]["ket_thuc"][0]).endswith("báo cáo Sở Kế hoạch và Đầu tư để tổng hợp, báo cáo Ủy ban nhân "
                                                   "dân tỉnh xem xét, chỉ đạo./.")
    letter = _ctx(SO, kind="giao-chi-tieu", agency="Sở Tài chính")
    # a department asks; only a committee assigns
    assert str(letter["nd"]["mo_dau"][0]).startswith("Sở Kế hoạch và Đầu tư đề nghị Sở Tài chính chủ trì")
    assert letter["vb"]["trich_yeu"] == ["V/v thực hiện chỉ tiêu kinh tế - xã hội chủ yếu năm 2026"]
    assert _ctx(COMMITTEE, kind="giao-chi-tieu", agency="Sở Tài chính")["vb"]["trich_yeu"] == [
        "V/v giao chỉ tiêu kinh tế - xã hội chủ yếu năm 2026"]
    assert " GIAO " not in letter["pl"]["tieu_de"][0] and "DO SỞ TÀI CHÍNH CHỦ TRÌ" in letter["pl"]["tieu_de"][0]
    report = _ctx(SO)
    assert str(report["nd"]["mo_dau"][0]).startswith("Sở Kế hoạch và Đầu tư báo cáo")


def test_a_title_naming_only_the_department_is_governed_by_its_provinces_committee():
    c = _ctx(SO_ONLY)
    assert _text(c["cq"]["chu_quan"]) == ["UBND TỈNH LÀO CAI"]
    assert _text(c["cq"]["ban_hanh"]) == ["SỞ TÀI CHÍNH"]   # under its committee, named without its place
    assert c["cq"]["ten"] == "Sở Tài chính" and c["vb"]["dong_so"].endswith("/BC-STC")
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Lào Cai, ngày")


def test_a_districts_phong_is_headed_under_the_districts_committee():
    c = _ctx(PHONG, year=2024)
    assert _text(c["cq"]["chu_quan"]) == ["UBND HUYỆN BẮC HÀ"]
    # too wide for the header's column in one line: broken after the dash, never inside «KẾ HOẠCH»
    assert _text(c["cq"]["ban_hanh"]) == ["PHÒNG TÀI CHÍNH -", "KẾ HOẠCH"]
    assert c["cq"]["ten"] == "Phòng Tài chính - Kế hoạch"
    assert c["vb"]["dong_so"].endswith("/BC-PTCKH")
    assert c["ky"][0]["dong"] == ["TRƯỞNG PHÒNG"] and _lit(c["ky"][0]["ho_ten"])
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Bắc Hà, ngày")
    assert _text(c["noi_nhan"]) == ["- UBND huyện;", "- Lãnh đạo Phòng;", "- Các phòng, ban, ngành huyện;",
                                    "- UBND các xã, thị trấn;", "- Lưu: VT, TH."]


@pytest.mark.parametrize("authority, lines", [
    # a Phòng has no Văn phòng: no «TL. TRƯỞNG PHÒNG / CHÁNH VĂN PHÒNG»; its head signs, or the deputy for the head
    ("", ["TRƯỞNG PHÒNG"]),
    ("KT.", ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"]),
])
def test_a_phongs_notice_is_announced_and_signed_by_the_phong(authority, lines):
    c = _ctx(PHONG, {"thong-bao": {"tham_quyen": authority}}, kind="thong-bao", year=2024)
    assert c["ky"][0]["dong"] == lines
    assert "Phòng Tài chính - Kế hoạch thông báo" in c["tb"]["ket_thuc"]
    assert "Văn phòng" not in c["tb"]["ket_thuc"] and c["vb"]["dong_so"].endswith("/TB-PTCKH")
    assert not any("Văn phòng" in x for x in _text(c["noi_nhan"]))
    # a department asks the agencies; only a committee assigns them («Giao … chủ trì», seed 004)
    assert c["tb"]["chi_dao"] and all(g["noi_dung"].startswith(("Đề nghị ", "Các cơ quan")) for g in c["tb"]["chi_dao"])
    # a Sở has its office: «TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG», announced by «Văn phòng Sở …»
    so = _ctx(SO, kind="thong-bao")
    assert "Văn phòng Sở Kế hoạch và Đầu tư thông báo" in so["tb"]["ket_thuc"]
    assert "- Lãnh đạo Văn phòng;" in _text(so["noi_nhan"])
    assert all(g["noi_dung"].startswith(("Đề nghị ", "Các cơ quan")) for g in so["tb"]["chi_dao"])
    committee = _ctx(COMMITTEE, kind="thong-bao")
    assert any(g["noi_dung"].startswith("Giao ") for g in committee["tb"]["chi_dao"])


def test_a_phongs_notice_is_not_signed_by_order():
    from kh_excel.docs.context import ContextError
    with pytest.raises(ContextError, match="người đứng đầu ký"):
        _ctx(PHONG, {"thong-bao": {"tham_quyen": "TL."}}, kind="thong-bao", year=2024)


def test_a_department_merged_in_2025_is_named_to_the_author():
    # Nghị định 45/2025/NĐ-CP: from 1 March 2025 Sở Kế hoạch và Đầu tư is part of Sở Tài chính
    warned = _ctx(SO)["canh_bao"]
    assert any("Sở Kế hoạch và Đầu tư đã hợp nhất vào Sở Tài chính" in w and "cơ quan ban hành" in w for w in warned)
    assert not any("hợp nhất" in w for w in _ctx(SO, year=2024)["canh_bao"])  # dated 2 December 2024: it existed
    assert not any("hợp nhất" in w for w in _ctx(SO_ONLY)["canh_bao"])        # Sở Tài chính
    t = _table(COMMITTEE)
    t = replace(t, indicators=[replace(i, lead=["Sở Kế hoạch và Đầu tư"]) for i in t.indicators])
    letter = build_context(evaluate(t), None, "giao-chi-tieu", agency="Sở Kế hoạch và Đầu tư", today=date(2026, 12, 2))
    assert any("cơ quan nhận" in w and "hợp nhất vào Sở Tài chính" in w for w in letter["canh_bao"])
    # rev10 D11: a committee's 2026 document charging a merged department with its indicators is told too
    report = build_context(evaluate(t), None, "bao-cao", today=date(2026, 12, 2))
    assert any("cơ quan chủ trì ghi trong bảng" in w and "Sở Kế hoạch và Đầu tư" in w for w in report["canh_bao"])
    abbreviated = _ctx(["UBND TỈNH LÀO CAI", "SỞ KH&ĐT", "CHỈ TIÊU NĂM 2026"])
    assert any("hợp nhất" in w for w in abbreviated["canh_bao"])


def test_a_department_under_a_department_and_one_no_line_governs():
    c = _ctx(["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH LÀO CAI", "CHI CỤC KIỂM LÂM", "CHỈ TIÊU NĂM 2026"])
    assert _text(c["cq"]["chu_quan"]) == ["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG", "TỈNH LÀO CAI"]
    assert _text(c["cq"]["ban_hanh"]) == ["CHI CỤC KIỂM LÂM"]
    assert c["ky"][0]["dong"] == ["CHI CỤC TRƯỞNG"]
    assert _text(c["noi_nhan"])[:2] == ["- Sở Nông nghiệp và Môi trường;", "- Lãnh đạo Chi cục;"]
    # a Chi cục may be a ministry's or a Sở's: with no line above, its governing body is a gap, never the UBND
    alone = _ctx(["CHI CỤC KIỂM LÂM TỈNH LÀO CAI", "CHỈ TIÊU NĂM 2026"])
    assert "[CƠ QUAN CHỦ QUẢN]" in str(alone["cq"]["chu_quan"][0]) and _lit(alone["cq"]["chu_quan"][0])
    assert "UBND" not in str(alone["cq"]["chu_quan"][0])


def test_a_form_stand_in_place_leaves_the_governing_committee_a_gap():
    c = _ctx(["SỞ NÔNG NGHIỆP VÀ PTNT TỈNH X", "CÁC CHỈ TIÊU NĂM 2026"])
    assert _text(c["cq"]["ban_hanh"]) == ["SỞ NÔNG NGHIỆP VÀ PTNT"]
    assert _lit(c["cq"]["chu_quan"][0]) and " X" not in str(c["cq"]["chu_quan"][0]).replace("XÃ", "")
    assert c["vb"]["dong_so"].endswith("/BC-SNNPTNT")
    assert told_by_table(_table(["SỞ NÔNG NGHIỆP VÀ PTNT TỈNH X", "CÁC CHỈ TIÊU NĂM 2026"])) == {
        "co_quan_ban_hanh": ["SỞ NÔNG NGHIỆP VÀ PTNT"]}


# ---------------------------------------------------------------- settings win

@pytest.mark.parametrize("settings", [
    {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]},
    {"ten_co_quan": "Ủy ban nhân dân tỉnh"},
    {"ky_hieu_co_quan": "UBND"},
    # rev8 #7: the settings sheet written for the Sở's table pre-fills «Cơ quan chủ quản»; switched back to the
    # committee, the header read «UBND TỈNH LÀO CAI» over «ỦY BAN NHÂN DÂN / TỈNH LÀO CAI» and the chairman was a gap
    {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"], "co_quan_chu_quan": ["UBND TỈNH LÀO CAI"]},
])
def test_settings_naming_the_committee_win_over_a_departments_title(settings):
    c = _ctx(SO, settings)
    assert _text(c["cq"]["chu_quan"]) == []
    assert "Nguyễn Tuấn Anh" in str(c["ky"][0]["ho_ten"])   # the committee's chairman, from the leaders column
    assert _text(c["cq"]["ban_hanh"]) == ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]
    assert c["vb"]["dong_so"].endswith("/BC-UBND")
    assert c["ky"][0]["dong"] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert _text(c["noi_nhan"])[0] == "- Thường trực Tỉnh ủy;"


def test_the_settings_governing_body_wins_and_the_titles_department_stays():
    c = _ctx(SO, {"co_quan_chu_quan": ["UBND TỈNH LAI CHÂU"]})
    assert _text(c["cq"]["chu_quan"]) == ["UBND TỈNH LAI CHÂU"]
    assert _text(c["cq"]["ban_hanh"]) == ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ"]
    assert str(c["vb"]["dia_danh_ngay"]).startswith("Lai Châu, ngày")


def test_the_settings_sheet_shows_the_department_and_reads_back_to_the_same_document():
    table = _table(SO)
    told = told_by_table(table)
    assert told == {"co_quan_ban_hanh": ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ"], "co_quan_chu_quan": ["UBND TỈNH LÀO CAI"],
                    "dia_danh": "Lào Cai"}
    rows = {r[0]: r[1] for r in settings_rows(table)}
    assert rows["Cơ quan chủ quản"] == "UBND TỈNH LÀO CAI" and rows["Cơ quan ban hành"] == "SỞ KẾ HOẠCH VÀ ĐẦU TƯ"
    plain, read_back = _ctx(SO), _ctx(SO, told)
    for part in (lambda c: _text(c["cq"]["chu_quan"]), lambda c: _text(c["cq"]["ban_hanh"]),
                 lambda c: c["vb"]["dong_so"], lambda c: c["ky"][0]["dong"], lambda c: _text(c["noi_nhan"])):
        assert part(plain) == part(read_back)
    # the settings name only the issuer (the department): the title's governing body still heads it
    only_issuer = _ctx(SO, {"co_quan_ban_hanh": ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ"]})
    assert _text(only_issuer["cq"]["chu_quan"]) == ["UBND TỈNH LÀO CAI"]


# ---------------------------------------------------------------- the committee's own table: unchanged

@pytest.mark.parametrize("lines", [COMMITTEE, ["UBND TỈNH LÀO CAI", "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"]])
def test_the_committees_own_table_is_the_committees(lines):
    c = _ctx(lines)
    assert _text(c["cq"]["chu_quan"]) == []
    assert _text(c["cq"]["ban_hanh"]) == ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]
    assert c["vb"]["dong_so"].endswith("/BC-UBND")
    assert c["ky"][0]["dong"] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert _text(c["noi_nhan"])[:3] == ["- Thường trực Tỉnh ủy;", "- Thường trực HĐND tỉnh;",
                                        "- Chủ tịch, các PCT UBND tỉnh;"]
    assert told_by_table(_table(lines)) == {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"],
                                           "dia_danh": "Lào Cai"}


# ---------------------------------------------------------------- names and symbols

@pytest.mark.parametrize("line, name, symbol", [
    ("PHÒNG KINH TẾ, HẠ TẦNG VÀ ĐÔ THỊ", "Phòng Kinh tế, Hạ tầng và Đô thị", "PKTHTĐT"),
    ("PHÒNG VĂN HÓA - XÃ HỘI", "Phòng Văn hóa - Xã hội", "PVHXH"),
    ("SỞ NÔNG NGHIỆP VÀ PTNT", "Sở Nông nghiệp và PTNT", "SNNPTNT"),
    ("CHI CỤC KIỂM LÂM", "Chi cục Kiểm lâm", "CCKL"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo", "SGDĐT"),
])
def test_a_departments_name_in_a_sentence_and_its_symbol(line, name, symbol):
    assert issuer_name([line]) == name and issuer_symbol([line]) == symbol


_NAME_WORDS = st.sampled_from(["TÀI CHÍNH", "KẾ HOẠCH", "VÀ", "ĐẦU TƯ", "Y TẾ", "VĂN HÓA", "-", "XÃ HỘI", "PTNT",
                               "NÔNG NGHIỆP", "KINH TẾ,", "HẠ TẦNG"])
_PLACES = st.sampled_from(["TỈNH LÀO CAI", "HUYỆN BẮC HÀ", "TỈNH X", "XÃ KA ĐÔ", "THÀNH PHỐ HỒ CHÍ MINH", "PHƯỜNG 1"])


@given(st.sampled_from(["SỞ", "PHÒNG", "CHI CỤC", "VĂN PHÒNG"]), st.lists(_NAME_WORDS, min_size=1, max_size=5), _PLACES,
       st.sampled_from(["TỈNH", "HUYỆN", "XÃ", "PHƯỜNG", "THÀNH PHỐ"]))
def test_a_bodys_line_splits_at_its_place(head, words, place, level):
    name = " ".join([head, *words]).rstrip(" ,-")
    assert body_and_place(f"{name} {place}") == (name, place)
    assert body_and_place(name) == (name, "")
    assert body_and_place(f"{name} {level}") == (name, level)   # a level alone at the end: its unnamed place


def test_a_department_the_settings_name_alone_is_put_under_its_places_committee():
    c = _ctx(COMMITTEE, {"co_quan_ban_hanh": ["SỞ Y TẾ"]})
    assert _text(c["cq"]["chu_quan"]) == ["UBND TỈNH LÀO CAI"] and _text(c["cq"]["ban_hanh"]) == ["SỞ Y TẾ"]
    assert c["ky"][0]["dong"] == ["GIÁM ĐỐC"] and c["vb"]["dong_so"].endswith("/BC-SYT")
    office = _ctx(COMMITTEE, {"co_quan_ban_hanh": ["CHI CỤC KIỂM LÂM"]})
    assert "[CƠ QUAN CHỦ QUẢN]" in str(office["cq"]["chu_quan"][0]) and _lit(office["cq"]["chu_quan"][0])


@pytest.mark.parametrize("name, lines", [
    ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ"]),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", ["SỞ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI"]),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", ["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"]),
])
def test_a_long_name_breaks_where_the_name_does(name, lines):
    assert header_lines(name, L.SIZE["ban_hanh"], True) == lines


@given(st.sampled_from(["SỞ", "PHÒNG", "CHI CỤC"]), st.lists(_NAME_WORDS, min_size=1, max_size=8))
def test_the_header_lines_are_the_name_and_fit_where_they_can(head, words):
    name = " ".join([head, *words]).rstrip(" ,-")
    lines = header_lines(name, L.SIZE["ban_hanh"], True)
    assert " ".join(lines) == name and len(lines) <= 4
    if len(lines) > 1:
        assert all(L.pt_to_mm(text_width_pt(x, L.SIZE["ban_hanh"], bold=True)) <= L.HEADER_COLS_MM[0] for x in lines)


# ---------------------------------------------------------------- rev8: what is no department's header

def test_the_national_motto_beside_the_body_is_no_part_of_its_name(tmp_path):
    """rev8 #4: the issuer and «CỘNG HÒA … / Độc lập - Tự do - Hạnh phúc» on the same rows, as every header is laid
    out, gave «SỞ KẾ HOẠCH VÀ ĐẦU TƯ ĐỘC LẬP - TỰ DO - HẠNH PHÚC» and «/BC-SKHĐTĐLTDHP»."""
    import openpyxl
    from kh_excel.api import read_workbook
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["UBND TỈNH LÀO CAI", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    ws.append(["SỞ KẾ HOẠCH VÀ ĐẦU TƯ", None, None, "Độc lập - Tự do - Hạnh phúc"])
    ws.append(["BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 100, 110, "Sở Tài chính"])
    wb.save(tmp_path / "so.xlsx")
    table = read_workbook(tmp_path / "so.xlsx")
    assert table.title_lines == ["UBND TỈNH LÀO CAI", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ",
                                 "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026"]
    c = build_context(evaluate(table), None, "bao-cao", today=date(2026, 12, 2))
    assert _text(c["cq"]["ban_hanh"]) == ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ"] and c["vb"]["dong_so"].endswith("/BC-SKHĐT")


@pytest.mark.parametrize("lines", [
    ["BÁO CÁO CÁC CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI",
                                                               "Sở Kế hoạch và Đầu tư tổng hợp"],  # a drafter's line
    ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "BÁO CÁO CÁC CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI",
     "(Kèm theo Báo cáo số 120/BC-UBND ngày 01/12/2026 của UBND tỉnh Lào Cai)"],   # a committee's appendix
])
def test_a_committees_table_a_department_drafted_stays_the_committees(lines):
    """rev8 #6: a line in sentence case naming the office that compiled the table, or the appendix of the
    committee's own report, made the whole document the Sở's («SỞ … TỔNG HỢP», «/BC-SKHĐTTH», GIÁM ĐỐC)."""
    c = _ctx(lines)
    assert _text(c["cq"]["ban_hanh"]) == ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"] and c["vb"]["dong_so"].endswith("/BC-UBND")


def test_a_sos_own_division_is_no_issuer():
    """«SỞ KẾ HOẠCH VÀ ĐẦU TƯ» over «PHÒNG TỔNG HỢP»: the division drafted it; the Sở issues (Decree 30: a division
    issues no document of its own)."""
    c = _ctx(["UBND TỈNH LÀO CAI", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "PHÒNG TỔNG HỢP", "BÁO CÁO CÁC CHỈ TIÊU NĂM 2026"])
    assert _text(c["cq"]["ban_hanh"]) == ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ"] and c["vb"]["dong_so"].endswith("/BC-SKHĐT")


def test_a_huge_body_line_is_laid_out_at_once():
    """rev8 #9: a title cell «SỞ …» of 600 words hung `render` (the breaks tried grew with the words cubed): a name
    no four lines hold is one line that wraps, found without trying breaks."""
    name = "SỞ " + " ".join(["NÔNG NGHIỆP"] * 300)
    assert header_lines(name, L.SIZE["ban_hanh"], True) == [name]


@pytest.mark.parametrize("line, symbol", [("SỞ KH&ĐT", "SKHĐT"), ("SỞ TN&MT", "STNMT"), ("SỞ GD&ĐT", "SGDĐT")])
def test_an_abbreviations_ampersand_is_no_letter_of_the_symbol(line, symbol):
    """rev8 #6 (c9, c14): «SỞ KH&ĐT» gave «/BC-SKH&ĐT»; the symbol is the one «SỞ KẾ HOẠCH VÀ ĐẦU TƯ» gets."""
    assert issuer_symbol([line]) == symbol


# ---------------------------------------------------------------- an office: the committee's, or a body of its own

VP_DIEU_PHOI = ["UBND TỈNH LÀO CAI", "VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI TỈNH",
                "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026"]


@pytest.mark.parametrize("authority, lines", [("", ["CHÁNH VĂN PHÒNG"]),
                                              ("KT.", ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"])])
def test_an_office_of_its_own_issues_and_signs_its_notice(authority, lines):
    """rev10 D14: «VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI TỈNH» under «UBND TỈNH LÀO CAI» is a body of its own, headed by
    its Chánh Văn phòng; it was taken for the committee's office («/TB-UBND», «TL. CHỦ TỊCH», «Văn phòng Ủy ban
    nhân dân tỉnh thông báo»)."""
    c = _ctx(VP_DIEU_PHOI, {"thong-bao": {"tham_quyen": authority}}, kind="thong-bao")
    assert _text(c["cq"]["chu_quan"]) == ["UBND TỈNH LÀO CAI"]
    # named without its place under its governing body (nd30), as a Sở is
    assert " ".join(_text(c["cq"]["ban_hanh"])) == "VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI"
    assert c["cq"]["ten"] == "Văn phòng Điều phối nông thôn mới"
    assert c["vb"]["dong_so"].endswith("/TB-VPĐPNTM")
    assert c["ky"][0]["dong"] == lines   # never «TL. CHỦ TỊCH»: the chairman is not its head
    assert "Văn phòng Điều phối nông thôn mới thông báo" in c["tb"]["ket_thuc"]
    assert "Ủy ban nhân dân" not in c["tb"]["ket_thuc"] + str(c["tb"]["mo_dau"])
    nn = _text(c["noi_nhan"])
    assert nn[0] == "- UBND tỉnh;" and "- Lãnh đạo Văn phòng;" in nn
    assert not any("Chủ tịch" in x or "Thường trực" in x for x in nn)


@pytest.mark.parametrize("lines, place", [
    (["UBND TỈNH LÀO CAI", "VĂN PHÒNG UBND TỈNH"], "TỈNH LÀO CAI"),
    (["UBND TỈNH LÀO CAI", "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH"], "TỈNH LÀO CAI"),
    (["UBND XÃ NAM SƠN", "VĂN PHÒNG HĐND VÀ UBND"], "XÃ NAM SƠN"),
    (["UBND XÃ NAM SƠN", "VĂN PHÒNG HĐND VÀ UBND XÃ"], "XÃ NAM SƠN"),
    (["UBND PHƯỜNG CAM ĐƯỜNG", "VĂN PHÒNG HĐND - UBND PHƯỜNG"], "PHƯỜNG CAM ĐƯỜNG"),
])
def test_the_committees_own_office_announces_the_committees_notice(lines, place):
    c = _ctx([*lines, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026"], kind="thong-bao")
    assert _text(c["cq"]["ban_hanh"]) == ["ỦY BAN NHÂN DÂN", place]
    assert c["vb"]["dong_so"].endswith("/TB-UBND")
    assert c["ky"][0]["dong"] == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]


def test_a_sos_office_is_its_division():
    c = _ctx(["UBND TỈNH LÀO CAI", "SỞ TÀI CHÍNH", "VĂN PHÒNG", "BÁO CÁO CÁC CHỈ TIÊU NĂM 2026"])
    assert _text(c["cq"]["ban_hanh"]) == ["SỞ TÀI CHÍNH"] and c["vb"]["dong_so"].endswith("/BC-STC")


@pytest.mark.parametrize("line, name, symbol", [
    ("VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI", "Văn phòng Đăng ký đất đai", "VPĐKĐĐ"),
    ("VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI TỈNH", "Văn phòng Điều phối nông thôn mới", "VPĐPNTM"),
    ("SỞ TÀI CHÍNH TỈNH", "Sở Tài chính", "STC"),      # a level alone at the end is its place, not its name
])
def test_an_offices_name_and_symbol(line, name, symbol):
    assert issuer_name([line]) == name and issuer_symbol([line]) == symbol


# ---------------------------------------------------------------- to whom an agency answers (rev9 #12)

SO_NNMT = ["UBND TỈNH LÀO CAI", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "KẾ HOẠCH CÁC CHỈ TIÊU NĂM 2026"]


def _responsibility(lines: list[str], lead: tuple[str, ...], year: int = 2026) -> str:
    t = _table(lines, year)
    t = replace(t, indicators=[replace(i, lead=lead) for i in t.indicators])
    c = build_context(evaluate(t), None, "ke-hoach", today=date(year, 12, 2))
    return str(c["tc"]["muc"][0])


@pytest.mark.parametrize("lines, lead, above", [
    # a Sở's own units answer to its director, who directs them
    (SO_NNMT, ("Chi cục Kiểm lâm",), "Giám đốc Sở"),
    (SO_NNMT, ("Trung tâm Nước sạch và VSMTNT",), "Giám đốc Sở"),
    (SO_NNMT, ("Chi cục Kiểm lâm", "Chi cục Phát triển nông thôn"), "Giám đốc Sở"),
    # bodies the Sở does not direct answer to the committee above it
    (SO_NNMT, ("Sở Y tế",), "Ủy ban nhân dân tỉnh"),
    (SO_NNMT, ("Trung tâm Phục vụ hành chính công tỉnh",), "Ủy ban nhân dân tỉnh"),   # the committee's
    (SO_NNMT, ("Chi cục Kiểm lâm", "UBND các xã, phường"), "Ủy ban nhân dân tỉnh"),
    # a district's Phòng has no units: its peers answer to the district's committee
    (PHONG, ("Phòng Giáo dục và Đào tạo",), "Ủy ban nhân dân huyện"),
    # the committee's own plan: to the committee
    (COMMITTEE, ("Chi cục Kiểm lâm",), "Ủy ban nhân dân tỉnh"),
])
def test_an_agency_answers_to_whoever_directs_it(lines, lead, above):
    year = 2024 if lines is PHONG else 2026
    assert f"; chịu trách nhiệm trước {above} về kết quả thực hiện." in _responsibility(lines, lead, year)


@pytest.mark.parametrize("lines, lead", [
    # central agencies in the province, the police, the Front: the committee asks them to lead, it does not direct
    # them, so no plan makes them answer to it (rev11 D28; seed 001: «b) Ngân hàng Nhà nước … chủ trì:»)
    (COMMITTEE, ("Ngân hàng Nhà nước khu vực 8",)),
    (COMMITTEE, ("Hải quan khu vực VII", "Thuế tỉnh")),
    (COMMITTEE, ("Kho bạc Nhà nước khu vực IX",)),
    (COMMITTEE, ("BHXH tỉnh",)),
    (COMMITTEE, ("Công an tỉnh",)),
    (COMMITTEE, ("UBMTTQ tỉnh",)),
    (SO_NNMT, ("Chi cục Thuế khu vực I",)),
])
def test_a_body_the_committee_does_not_direct_is_not_made_answerable(lines, lead):
    item = _responsibility(lines, lead)
    assert "chịu trách nhiệm" not in item
    assert item.startswith("1. ") and " chủ trì" in item and item.endswith(".")


def test_with_a_central_agency_only_the_directed_lead_answers():
    item = _responsibility(COMMITTEE, ("Sở Tài chính", "Thống kê tỉnh"))
    assert item.endswith("; Sở Tài chính chịu trách nhiệm trước Ủy ban nhân dân tỉnh về kết quả thực hiện.")
    assert "Thống kê tỉnh chịu" not in item


def _warned(lead: list[str], cooperate: list[str], year: int = 2026, agency: str | None = None) -> list[str]:
    t = _table(COMMITTEE, year)
    t = replace(t, indicators=[replace(i, lead=lead, cooperate=cooperate) for i in t.indicators])
    kind = "giao-chi-tieu" if agency else "ke-hoach"
    return build_context(evaluate(t), None, kind, agency=agency, today=date(year, 12, 2))["canh_bao"]


def test_bodies_ended_in_2025_are_named_whether_they_lead_receive_or_cooperate():
    # rev11 D15: the Ban Dân tộc became Sở Dân tộc và Tôn giáo on 1 March 2025; districts ended on 1 July 2025
    letter = _warned(["Ban Dân tộc tỉnh"], [], agency="Ban Dân tộc tỉnh")
    assert any("Ban Dân tộc tỉnh đã được tổ chức lại thành Sở Dân tộc và Tôn giáo" in w and "cơ quan nhận" in w
               for w in letter)
    warned = _warned(["Sở Y tế"], ["Sở Nông nghiệp và Phát triển nông thôn", "UBND các huyện"])
    assert any("hợp nhất vào Sở Nông nghiệp và Môi trường" in w and "cơ quan phối hợp" in w for w in warned)
    assert any("cấp huyện không còn từ ngày 01/7/2025" in w and "«UBND các huyện»" in w for w in warned)
    # the council's own Ban Dân tộc goes on; in 2024 everything named existed
    assert not any("Ban Dân tộc" in w for w in _warned(["Ban Dân tộc HĐND tỉnh"], []))
    assert not any("01/3/2025" in w or "01/7/2025" in w
                   for w in _warned(["Ban Dân tộc tỉnh"], ["Sở Nông nghiệp và Phát triển nông thôn",
                                                           "UBND các huyện"], year=2024))
    # between the two dates a district still had its committee, and the Sở NN&PTNT was already merged
    from kh_excel.docs.kinds import merged_department
    assert merged_department("UBND các huyện, thị xã, thành phố", (2025, 6, 30)) is None
    assert merged_department("UBND các huyện, thị xã, thành phố", (2025, 7, 1))
    assert merged_department("Sở NN&PTNT", (2025, 6, 30))


def test_a_body_of_a_former_unit_is_warned_after_the_merger():
    """«UBND xã Tả Phìn (cũ)» (rev13 R9b): the unit's own «(cũ)» says the body is gone once communes were merged on
    1 July 2025; a letter to it or a target given it is warned, as any body ended that year. Before that date a
    «(cũ)» of an older merger is not this warning's business."""
    from kh_excel.docs.kinds import merged_department
    said = merged_department("UBND xã Tả Phìn (cũ)", (2026, 1, 5))
    assert said and "«UBND xã Tả Phìn (cũ)»" in said and "01/7/2025" in said
    assert merged_department("Ủy ban nhân dân xã Trung Chải ( cũ )", (2025, 7, 1))
    assert merged_department("UBND xã Tả Phìn (cũ)", (2025, 6, 30)) is None
    assert merged_department("Ủy ban nhân dân xã Tả Phìn", (2026, 1, 5)) is None
    assert any("Trung Chải (cũ)" in w for w in _warned(["Phòng Kinh tế"], ["UBND xã Trung Chải (cũ)"], year=2026))


# ---------------------------------------------------------------- bodies a committee may only ask (rev12 D-C, D-M)

def _led_by(lead: tuple[str, ...], kind: str, agency: str | None = None, settings: dict | None = None):
    t = _table(COMMITTEE)
    t = replace(t, indicators=[replace(i, lead=lead) for i in t.indicators])
    s = settings_from_mapping(settings) if settings else None
    return build_context(evaluate(t), s, kind, agency=agency, today=date(2026, 12, 2))


@pytest.mark.parametrize("lead, shown", [
    # the council's standing committee (to which the committee itself answers), the mass organisations, a court,
    # the Front, the Party: asked to lead (seed 001 «b) Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh:»)
    (("Thường trực HĐND tỉnh",), "Đề nghị Thường trực Hội đồng nhân dân tỉnh chủ trì"),
    (("TT HĐND tỉnh",), "Đề nghị Thường trực Hội đồng nhân dân tỉnh chủ trì"),
    (("Hội LHPN tỉnh",), "Đề nghị Hội Liên hiệp Phụ nữ tỉnh chủ trì"),
    (("Đoàn Thanh niên", "Hội CCB tỉnh"), "Đề nghị Đoàn Thanh niên, Hội Cựu chiến binh tỉnh chủ trì"),
    (("Tòa án nhân dân tỉnh",), "Đề nghị Tòa án nhân dân tỉnh chủ trì"),
    # the cell's «MTTQ» spelled out, no «Việt Nam» it did not write (rev20 R20-5)
    (("Ủy ban MTTQ tỉnh",), "Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh chủ trì"),
    (("Ủy ban MTTQ Việt Nam tỉnh",), "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chủ trì"),
    (("Tỉnh ủy",), "Đề nghị Tỉnh ủy chủ trì"),
])
def test_a_plan_asks_the_council_party_front_and_courts_to_lead(lead, shown):
    muc = [str(x) for x in _led_by(lead, "ke-hoach")["tc"]["muc"]]
    item = muc[0]
    # nor told to report on what they were «giao»: every lead sends its results (3.: after the leaders' item)
    assert muc[2].startswith("3. Định kỳ 6 tháng, hằng năm, các cơ quan chủ trì đánh giá, gửi kết quả thực hiện các "
                             "chỉ tiêu về Ủy ban nhân dân tỉnh trước ")
    assert not any("được giao" in x for x in muc)
    # (the table's cooperators: the communes, Sở Giáo dục và Đào tạo; its 7 plan items)
    assert item.startswith(f"1. {shown}, phối hợp với Ủy ban nhân dân các xã, phường; Sở Giáo dục và Đào tạo tổ chức "
                           "thực hiện 7 chỉ tiêu: (1) ")
    assert "chịu trách nhiệm" not in item and "giao" not in item and item.endswith(".")


@pytest.mark.parametrize("lead, head, tail", [
    # told beside asked: the told lead, the asked one asked to lead with it; only a directed body answers
    (("Công an tỉnh", "Tòa án nhân dân tỉnh"), "1. Công an tỉnh chủ trì,",
     "; đề nghị Tòa án nhân dân tỉnh cùng chủ trì thực hiện."),
    (("Sở Nội vụ", "Hội LHPN tỉnh"), "1. Sở Nội vụ chủ trì,",
     "; đề nghị Hội Liên hiệp Phụ nữ tỉnh cùng chủ trì thực hiện; Sở Nội vụ chịu trách nhiệm trước Ủy ban nhân dân "
     "tỉnh về kết quả thực hiện."),
    (("Sở Nội vụ", "Thuế tỉnh", "MTTQ tỉnh"), "1. Sở Nội vụ, Thuế tỉnh chủ trì,",
     "; đề nghị Mặt trận Tổ quốc tỉnh cùng chủ trì thực hiện; Sở Nội vụ chịu trách nhiệm trước Ủy ban nhân dân tỉnh "
     "về kết quả thực hiện."),
])
def test_a_plan_asks_a_body_it_does_not_direct_beside_those_it_tells(lead, head, tail):
    item = str(_led_by(lead, "ke-hoach")["tc"]["muc"][0])
    assert item.startswith(head) and item.endswith(tail)
    assert item.count("chịu trách nhiệm") == (1 if "Sở Nội vụ" in lead else 0)


def test_a_plans_tasks_of_a_body_it_may_only_ask_are_headed_as_a_request():
    tasks = ["Tòa án nhân dân tỉnh: Xét xử kịp thời các vụ án.", "Sở Tài chính: Quản lý chặt chẽ thu, chi."]
    t = _table(COMMITTEE)
    t = replace(t, indicators=[replace(i, lead=("Tòa án nhân dân tỉnh",) if i.row < 12 else ("Sở Tài chính",))
                               for i in t.indicators])
    nv = build_context(evaluate(t), settings_from_mapping({"nhiem_vu_co_quan": tasks}), "ke-hoach",
                       today=date(2026, 12, 2))["nv"]
    heads = [c["tieu_de"] for g in nv["nhom"] for c in g["co_quan"]]
    assert heads[0].startswith("a) Đề nghị Tòa án nhân dân tỉnh chủ trì, phối hợp với ")
    assert any(h.startswith(("a) Sở Tài chính chủ trì", "b) Sở Tài chính chủ trì")) for h in heads[1:])


@pytest.mark.parametrize("agency, shown", [
    ("Tòa án nhân dân tỉnh", "Tòa án nhân dân tỉnh"),
    ("Thường trực HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh"),
    ("Hội LHPN tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"),
    ("Đoàn Thanh niên", "Đoàn Thanh niên"),
    ("Tỉnh ủy", "Tỉnh ủy"),
])
def test_a_letter_to_a_body_the_committee_does_not_direct_asks_it(agency, shown):
    c = _led_by((agency,), "giao-chi-tieu", agency=agency)
    assert str(c["nd"]["mo_dau"][0]).startswith(f"Ủy ban nhân dân tỉnh đề nghị {shown} chủ trì, tổ chức thực hiện 7 ")
    assert str(c["nd"]["to_chuc"][0]) == (
        f"Đề nghị {shown} chủ động lập kế hoạch, đề ra giải pháp cụ thể để hoàn thành các chỉ tiêu nêu trên; định "
        "kỳ hằng quý, 6 tháng và cả năm gửi kết quả thực hiện về Ủy ban nhân dân tỉnh để tổng hợp, theo dõi./.")
    assert c["vb"]["trich_yeu"] == ["V/v thực hiện chỉ tiêu kinh tế - xã hội chủ yếu năm 2026"]
    assert " GIAO " not in c["pl"]["tieu_de"][0] and f"DO {shown.upper()} CHỦ TRÌ" in c["pl"]["tieu_de"][0]
    assert any(f"«{shown}» không thuộc quyền chỉ đạo của Ủy ban nhân dân tỉnh" in w for w in c["canh_bao"])


@pytest.mark.parametrize("agency", ["Sở Tài chính", "Công an tỉnh", "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"])
def test_a_letter_to_a_body_the_committee_directs_or_tells_assigns(agency):
    c = _led_by((agency,), "giao-chi-tieu", agency=agency)
    assert " giao " in str(c["nd"]["mo_dau"][0]) and "được giao" in str(c["nd"]["to_chuc"][0])
    assert c["vb"]["trich_yeu"] == ["V/v giao chỉ tiêu kinh tế - xã hội chủ yếu năm 2026"]
    assert " GIAO " in c["pl"]["tieu_de"][0]
    assert not any("không thuộc quyền chỉ đạo" in w for w in c["canh_bao"])


def test_a_notice_asks_a_body_it_does_not_direct_and_tells_the_others():
    t = _table(COMMITTEE)
    t = replace(t, indicators=[replace(i, lead=("Tòa án nhân dân tỉnh", "Sở Tài chính")) for i in t.indicators])
    groups = build_context(evaluate(t), None, "thong-bao", today=date(2026, 12, 2))["tb"]["chi_dao"]
    said = {g["ten"]: g["noi_dung"] for g in groups}
    assert said["Tòa án nhân dân tỉnh"].startswith("Đề nghị Tòa án nhân dân tỉnh chủ trì, ")
    assert said["Sở Tài chính"].startswith("Giao Sở Tài chính chủ trì, ")


def test_one_agencys_report_asks_a_body_it_does_not_direct():
    # the fixture's rows have a «không đạt» (GRDP growth 8,2 against >10): the sentence of shortfalls
    court = _led_by(("Tòa án nhân dân tỉnh",), "bao-cao", agency="Tòa án nhân dân tỉnh")
    assert [str(x) for x in court["nd"]["giai_phap"]][0] == (
        "Đề nghị Tòa án nhân dân tỉnh tập trung chỉ đạo, có giải pháp cụ thể đối với các chỉ tiêu không đạt kế "
        "hoạch; định kỳ đánh giá, gửi kết quả thực hiện.")
    own = _led_by(("Sở Tài chính",), "bao-cao", agency="Sở Tài chính")
    assert [str(x) for x in own["nd"]["giai_phap"]][0] == (
        "Các cơ quan chủ trì tập trung chỉ đạo, có giải pháp cụ thể đối với các chỉ tiêu không đạt kế hoạch; định "
        "kỳ đánh giá, báo cáo kết quả thực hiện.")


@pytest.mark.parametrize("lead, issuer, same", [
    ("Ủy ban nhân dân xã", "Ủy ban nhân dân xã Bảo Hà", True),
    ("Ủy ban nhân dân xã Bảo Hà", "Ủy ban nhân dân xã Bảo Hà", True),
    ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân xã Bảo Hà", False),
    ("Ủy ban nhân dân xã Bảo Nhai", "Ủy ban nhân dân xã Bảo Hà", False),
    ("Văn phòng Ủy ban nhân dân xã", "Ủy ban nhân dân xã Bảo Hà", False),
    ("UBND xã Tả Phìn", "Ủy ban nhân dân xã", True),          # the issuer named by its level only (rev14 D8)
    ("UBND xã Tả Phìn (cũ)", "Ủy ban nhân dân xã", False),    # a committee that no longer is
    ("UBND tỉnh Lào Cai", "Ủy ban nhân dân xã", False),
])
def test_the_issuer_is_known_as_a_lead_of_its_own_table(lead, issuer, same):
    from kh_excel.docs.context import _is_issuer
    assert _is_issuer(lead, issuer) is same


def test_the_issuer_leading_its_own_row_answers_to_no_one():
    """A commune's plan with «UBND xã» as a row's lead (rev13 R16): the committee is not made answerable to itself;
    its departments still answer to it."""
    t = _table(COMMITTEE)
    t = replace(t, indicators=[replace(i, lead=["Ủy ban nhân dân tỉnh"] if i.number == 1 else ["Sở Tài chính"])
                               for i in t.indicators])
    muc = build_context(evaluate(t), None, "ke-hoach", today=date(2026, 12, 2))["tc"]["muc"]
    own = [m for m in muc if "Ủy ban nhân dân tỉnh chủ trì" in m]
    assert own and "chịu trách nhiệm" not in own[0]
    assert any("Sở Tài chính chủ trì" in m and "chịu trách nhiệm trước Ủy ban nhân dân tỉnh" in m for m in muc)


@pytest.mark.parametrize("title", ["BÁO CÁO ƯỚC THỰC HIỆN NĂM 2025 VÀ KẾ HOẠCH NĂM 2026 CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI",
                                   "KẾT QUẢ THỰC HIỆN NĂM 2025 VÀ KẾ HOẠCH NĂM 2026"])
def test_a_plans_appendix_is_never_titled_as_a_report(title):
    """A December appendix titled as the report it came with: the plan made from it is titled by the plan's words."""
    ctx = build_context(evaluate(_table(["PHỤ LỤC", title])), None, "ke-hoach", today=date(2026, 12, 2))
    heading = " ".join(str(x) for x in ctx["pl"]["tieu_de"])
    assert not heading.startswith(("BÁO CÁO", "KẾT QUẢ")) and "NĂM 2026" in heading, heading
    report = build_context(evaluate(_table(["PHỤ LỤC", title])), None, "bao-cao", today=date(2026, 12, 2))
    assert report["pl"]["tieu_de"] != ctx["pl"]["tieu_de"]


@pytest.mark.parametrize("agency, said", [("Ủy ban nhân dân tỉnh Lào Cai", "là chính cơ quan ban hành"),
                                          ("UBND xã Tả Phìn (cũ)", "đơn vị hành chính cũ")])
def test_no_letter_to_the_issuer_itself_nor_to_a_body_that_no_longer_is(agency, said):
    """rev14 D8, D9: «Ủy ban nhân dân xã giao Ủy ban nhân dân xã Tả Phìn chủ trì …» (a letter to itself) and a letter
    to «UBND xã Tả Phìn (cũ)» were made, the second against its own warning: both are refused, saying why."""
    from kh_excel.docs.context import ContextError
    t = _table(COMMITTEE)
    t = replace(t, indicators=[replace(i, lead=[agency]) for i in t.indicators])
    with pytest.raises(ContextError, match=said):
        build_context(evaluate(t), None, "giao-chi-tieu", agency=agency, today=date(2026, 12, 2))
