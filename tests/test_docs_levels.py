"""Every fixed word that names the issuer's level follows the issuer: a province, a centrally run city, a district
(2024), a commune the settings name over a province's title (2026) and an issuer nobody names, each rendered in
every kind of document. The expected words are decided by hand from Decree 30 and the level of each issuer
(docs.kinds `_LEVEL_BODIES`), read back from the .docx with python-docx."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import openpyxl
import pytest

from helpers import docx_paragraphs
from kh_excel.core.attainment import evaluate
from kh_excel.docs import kinds
from kh_excel.docs.api import render_document
from kh_excel.docs.context import build_context
from kh_excel.docs.settings import settings_from_mapping
from test_docs_data import make_table

LEAD = "Phòng Tài chính - Kế hoạch"


def _book(path, title: str, leader_header: str, leaders: tuple[str, str], year: int):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["PHỤ LỤC"])
    ws.append([title])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", f"Kế hoạch năm {year}", f"Ước thực hiện năm {year}",
               "Cơ quan chủ trì", leader_header])
    ws.append(["I", "CÁC CHỈ TIÊU VỀ KINH TẾ"])
    ws.append(["1", "Tổng thu ngân sách trên địa bàn", "Tỷ đồng", 100, 110, LEAD, leaders[0]])
    ws.append(["2", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 200, 150, LEAD, leaders[1]])
    ws.append(["3", "Tỷ lệ hộ nghèo", "%", 2, 1.5, "Phòng Văn hóa - Xã hội", leaders[1]])
    wb.save(path)
    return path


# issuer: (title, leader column header, leaders, year, settings TOML, expected words)
ISSUERS = {
    "tinh": ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI", "Lãnh đạo tỉnh phụ trách",
             ("Đồng chí Nguyễn Tuấn Anh - Chủ tịch UBND tỉnh", "Đồng chí Vũ Thị Hạnh - Phó Chủ tịch UBND tỉnh"),
             2026, 'ngay = "10/12/2026"\n',
             dict(header=["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"], date="Lào Cai, ngày 10 tháng 12 năm 2026",
                  name="Ủy ban nhân dân tỉnh", chairman="Nguyễn Tuấn Anh", place="TỈNH LÀO CAI",
                  plan_title="CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI",
                  leader_col="Lãnh đạo tỉnh phụ trách",
                  recipients=["Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh", "Chủ tịch, các PCT UBND tỉnh",
                              "Các sở, ban, ngành tỉnh", "UBND các xã, phường"],
                  foreign=("huyện",))),
    "thanh-pho": ("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 THÀNH PHỐ ĐÀ NẴNG", "Lãnh đạo UBND thành phố phụ trách",
                  ("Đồng chí Lương Nguyễn Minh Triết - Chủ tịch UBND thành phố", "Đồng chí Trần Nam Hưng"),
                  2026, 'ngay = "10/12/2026"\n',
                  dict(header=["ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG"], date="Đà Nẵng, ngày 10 tháng 12 năm 2026",
                       name="Ủy ban nhân dân thành phố", chairman="Lương Nguyễn Minh Triết",
                       place="THÀNH PHỐ ĐÀ NẴNG",
                       plan_title="CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 THÀNH PHỐ ĐÀ NẴNG",
                       leader_col="Lãnh đạo UBND thành phố phụ trách",
                       # a city run by the centre has sở and communes, as a province
                       recipients=["Thường trực Thành ủy", "Thường trực HĐND thành phố",
                                   "Chủ tịch, các PCT UBND thành phố", "Các sở, ban, ngành thành phố",
                                   "UBND các xã, phường"],
                       foreign=("tỉnh", "huyện"))),
    "huyen-2024": ("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2024 HUYỆN ĐƠN DƯƠNG", "Lãnh đạo huyện phụ trách",
                   ("Đồng chí Nguyễn Văn Hùng - Chủ tịch UBND huyện", "Đồng chí Lê Thị Mai - Phó Chủ tịch UBND huyện"),
                   2024, 'ngay = "10/12/2024"\n',
                   dict(header=["ỦY BAN NHÂN DÂN", "HUYỆN ĐƠN DƯƠNG"], date="Đơn Dương, ngày 10 tháng 12 năm 2024",
                        name="Ủy ban nhân dân huyện", chairman="Nguyễn Văn Hùng", place="HUYỆN ĐƠN DƯƠNG",
                        plan_title="CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2024 HUYỆN ĐƠN DƯƠNG",
                        leader_col="Lãnh đạo huyện phụ trách",
                        recipients=["Thường trực Huyện ủy", "Thường trực HĐND huyện", "Chủ tịch, các PCT UBND huyện",
                                    "Các phòng, ban, ngành huyện", "UBND các xã, thị trấn"],
                        foreign=("tỉnh",))),
    # the table is the province's (its title, a provincial chairman among the leaders); the settings name the
    # commune that issues: the commune everywhere; the table's leaders are the province's, and «Chủ tịch UBND xã»
    # names no commune, so nobody's name is guessed: the signer is a gap (context._own_chairman)
    "xa-2026": ("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 TỈNH LÂM ĐỒNG", "Lãnh đạo UBND xã phụ trách",
                ("Đồng chí Hồ Văn Mười - Chủ tịch UBND tỉnh", "Đồng chí Phạm Thị Dung - Chủ tịch UBND xã"),
                2026, 'co_quan_ban_hanh = ["ỦY BAN NHÂN DÂN", "XÃ KA ĐÔ"]\nngay = "10/12/2026"\n',
                dict(header=["ỦY BAN NHÂN DÂN", "XÃ KA ĐÔ"], date="Ka Đô, ngày 10 tháng 12 năm 2026",
                     name="Ủy ban nhân dân xã", chairman="[Họ và tên người ký]", place="XÃ KA ĐÔ",
                     plan_title="CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 XÃ KA ĐÔ",
                     leader_col="Lãnh đạo UBND xã phụ trách",
                     recipients=["Thường trực Đảng ủy xã", "Thường trực HĐND xã", "Chủ tịch, các PCT UBND xã",
                                 "Các ban, ngành, đoàn thể xã"],
                     foreign=("tỉnh", "huyện", "Lâm Đồng"))),
    # nobody names the issuer: gaps offering the levels of December 2026 (no district any more)
    "khong-ro": ("BIỂU TỔNG HỢP CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026", "Lãnh đạo phụ trách",
                 ("Đồng chí Hoàng Văn Em", "Đồng chí Đỗ Thị Hoa"), 2026, 'ngay = "10/12/2026"\n',
                 dict(header=["ỦY BAN NHÂN DÂN", "[TÊN TỈNH/XÃ]"], date="[Địa danh], ngày 10 tháng 12 năm 2026",
                      name="Ủy ban nhân dân [tỉnh/xã]", chairman="[Họ và tên người ký]", place="",
                      plan_title="BIỂU TỔNG HỢP CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026",
                      leader_col="Lãnh đạo phụ trách",
                      recipients=["Thường trực [Tỉnh ủy/Đảng ủy xã]", "Thường trực HĐND [tỉnh/xã]",
                                  "Chủ tịch, các PCT UBND [tỉnh/xã]",
                                  "Các [sở, ban, ngành/ban, ngành, đoàn thể] [tỉnh/xã]", "UBND các [xã, phường]"],
                      foreign=("huyện",))),
}

REPORT_HEAD = "TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU ƯỚC CẢ NĂM"  # the tables hold estimates


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Each issuer's workbook rendered in every kind, once: {(issuer, kind): paragraphs}."""
    out = {}
    root = tmp_path_factory.mktemp("levels")
    for issuer, (title, leader_header, leaders, year, toml, _) in ISSUERS.items():
        book = _book(root / f"{issuer}.xlsx", title, leader_header, leaders, year)
        settings = root / f"{issuer}.toml"
        settings.write_text(toml, encoding="utf-8")
        for k in kinds.ids():
            docx = root / f"{issuer}-{k}.docx"
            render_document(book, k, docx, settings_toml=settings, agency=LEAD if kinds.needs_agency(k) else None)
            out[issuer, k] = [p.replace("\xa0", " ") for p in docx_paragraphs(docx)]
    return out


def _after(paragraphs: list[str], first: str, n: int) -> list[str]:
    i = paragraphs.index(first)
    return paragraphs[i + 1:i + 1 + n]


@pytest.mark.parametrize("kind", kinds.ids())
@pytest.mark.parametrize("issuer", ISSUERS)
def test_header_date_signature_and_recipients_name_the_issuer(rendered, issuer, kind):
    ps, want = rendered[issuer, kind], ISSUERS[issuer][5]
    year = ISSUERS[issuer][3]
    info = kinds.get(kind)
    # header: the issuer's two lines, then the national motto
    assert _after(ps, want["header"][0], 1) == want["header"][1:]
    assert want["date"] in ps
    recipients = [p.removeprefix("- ").rstrip(";.") for p in _after(ps, "Nơi nhận:", 8)]
    if info.cong_van:
        assert recipients[0] == "Như trên"
        recipients = recipients[1:]
    assert recipients[:len(want["recipients"])] == want["recipients"]
    if kind == "thong-bao":   # the office signs the notice for the chairman (nd30), never the chairman himself
        assert _after(ps, "TL. CHỦ TỊCH", 1) == ["CHÁNH VĂN PHÒNG"] and "[Họ và tên người ký]" in ps
    else:
        i = ps.index("TM. ỦY BAN NHÂN DÂN")
        assert ps[i + 1] == "CHỦ TỊCH" and next(p for p in ps[i + 2:] if p) == want["chairman"]
    # the committee in a sentence: the body's first words, and the appendix's «Kèm theo» line
    assert any(p.startswith(f"{want['name']} ") or f" {want['name']} " in p for p in ps)
    if info.appendix:
        kem_theo = next(p for p in ps if p.startswith("(Kèm theo"))
        assert kem_theo.endswith(f"ngày 10 tháng 12 năm {year} của {want['name']})")


@pytest.mark.parametrize("kind", [k.id for k in kinds.all_kinds() if k.appendix])
@pytest.mark.parametrize("issuer", ISSUERS)
def test_the_appendix_title_and_leader_column_are_the_issuers(rendered, issuer, kind):
    ps, want = rendered[issuer, kind], ISSUERS[issuer][5]
    year = ISSUERS[issuer][3]
    title = _after(ps, "Phụ lục", 1)[0]
    if kinds.is_report(kind):
        assert title == f"{REPORT_HEAD} {year}" + (f" {want['place']}" if want["place"] else "")
    elif kinds.needs_agency(kind):
        assert title == f"CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM {year} GIAO {LEAD.upper()} CHỦ TRÌ"
    else:
        assert title == want["plan_title"]
        # a plan's appendix has the leaders' column, under the table's own header
        assert want["leader_col"] in ps
        assert not any(re.fullmatch(r"Lãnh đạo \w+ phụ trách", p) and p != want["leader_col"] for p in ps)


@pytest.mark.parametrize("kind", kinds.ids())
@pytest.mark.parametrize("issuer", ISSUERS)
def test_no_other_level_is_named_outside_the_sheets_own_cells(rendered, issuer, kind):
    """A commune's document says no «tỉnh», a district's no «tỉnh», a province's no «huyện»: only the sheet's own
    cells (a provincial chairman among a commune's leaders) may."""
    ps, want = rendered[issuer, kind], ISSUERS[issuer][5]
    own = set(ISSUERS[issuer][2])
    for p in ps:
        if p in own:
            continue
        for word in want["foreign"]:
            assert not re.search(rf"\b{word}\b(?!\s+hội)", p, re.I), (word, p)   # «xã hội» is society


# ------------------------------------------------------------------ the context, case by case

def _ctx(title: str | None, settings: dict | None = None, today: date = date(2026, 12, 2), headers=None,
         kind: str = "ke-hoach"):
    table = make_table()
    table = replace(table, title_lines=["PHỤ LỤC", title] if title else ["PHỤ LỤC"],
                    column_headers=headers if headers is not None else table.column_headers)
    s = settings_from_mapping(settings) if settings else None
    return build_context(evaluate(table), s, kind, today=today)


@pytest.mark.parametrize("title, header", [
    ("CHỈ TIÊU NĂM 2020 HUYỆN ĐƠN DƯƠNG", "Lãnh đạo huyện phụ trách"),
    ("CHỈ TIÊU NĂM 2026 XÃ KA ĐÔ, TỈNH LÂM ĐỒNG", "Lãnh đạo xã phụ trách"),
    ("CHỈ TIÊU NĂM 2026 PHƯỜNG 1, THÀNH PHỐ ĐÀ LẠT", "Lãnh đạo phường phụ trách"),
    ("CHỈ TIÊU NĂM 2026 THÀNH PHỐ HẢI PHÒNG", "Lãnh đạo thành phố phụ trách"),
    ("CÁC CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI", "Lãnh đạo tỉnh phụ trách"),
    (None, "Lãnh đạo phụ trách"),   # no level: a header true of every issuer, never «tỉnh»
])
def test_a_leader_column_without_a_header_of_its_own_is_named_by_the_level(title, header):
    headers = {k: v for k, v in make_table().column_headers.items() if k != "leader"}
    assert _ctx(title, headers=headers)["pl"]["cot_lanh_dao"] == header


def test_the_tables_own_leader_header_wins():
    headers = {**make_table().column_headers, "leader": "Lãnh đạo UBND huyện phụ trách"}
    assert _ctx("CHỈ TIÊU NĂM 2020 HUYỆN ĐƠN DƯƠNG", headers=headers)["pl"]["cot_lanh_dao"] == \
        "Lãnh đạo UBND huyện phụ trách"


@pytest.mark.parametrize("today, word, line", [
    (date(2025, 6, 30), "[tỉnh/huyện]", "[TÊN TỈNH/HUYỆN]"),
    (date(2025, 7, 1), "[tỉnh/xã]", "[TÊN TỈNH/XÃ]"),     # districts abolished on 1 July 2025
    (date(2027, 1, 5), "[tỉnh/xã]", "[TÊN TỈNH/XÃ]"),
])
def test_an_unknown_level_offers_the_levels_of_the_documents_date(today, word, line):
    c = _ctx(None, today=today)
    assert c["cq"]["ten"] == f"Ủy ban nhân dân {word}"
    assert line in str(c["cq"]["ban_hanh"][1]) and "w:highlight" in str(c["cq"]["ban_hanh"][1])
    assert word in str(c["noi_nhan"][1])


def test_the_settings_date_decides_the_levels_not_today():
    c = _ctx(None, {"ngay": "15/03/2025"}, today=date(2026, 12, 2))
    assert c["cq"]["ten"] == "Ủy ban nhân dân [tỉnh/huyện]"


@pytest.mark.parametrize("settings, ban_hanh, place, first_recipient", [
    # the committee's name in a sentence is enough to place it
    ({"ten_co_quan": "Ủy ban nhân dân xã Ka Đô"}, ["ỦY BAN NHÂN DÂN", "XÃ KA ĐÔ"], "Ka Đô",
     "- Thường trực Đảng ủy xã;"),
    # a Sở is placed by its governing committee, over a district's title; its Nơi nhận opens with that committee
    ({"co_quan_chu_quan": ["UBND TỈNH LÀO CAI"], "co_quan_ban_hanh": ["SỞ TÀI CHÍNH"]}, ["SỞ TÀI CHÍNH"], "Lào Cai",
     "- UBND tỉnh;"),
    # a ward named by a number is written whole in the date line (nd30 Phụ lục I)
    ({"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "PHƯỜNG 1"]}, ["ỦY BAN NHÂN DÂN", "PHƯỜNG 1"], "Phường 1",
     "- Thường trực Đảng ủy phường;"),
    ({"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "ĐẶC KHU PHÚ QUỐC"]}, ["ỦY BAN NHÂN DÂN", "ĐẶC KHU PHÚ QUỐC"],
     "Phú Quốc", "- Thường trực Đảng ủy đặc khu;"),
    # a city named after a person, likewise; run by the centre, it has sở
    ({"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]}, ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"],
     "Thành phố Hồ Chí Minh", "- Thường trực Thành ủy;"),
])
def test_the_issuer_the_settings_name_wins_over_the_title(settings, ban_hanh, place, first_recipient):
    c = _ctx("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 HUYỆN ĐƠN DƯƠNG", {**settings, "ngay": "10/12/2026"})
    assert [str(x) for x in c["cq"]["ban_hanh"]] == ban_hanh
    assert c["vb"]["dia_danh_ngay"] == f"{place}, ngày 10 tháng 12 năm 2026"
    assert str(c["noi_nhan"][0]) == first_recipient
    assert "HUYỆN" not in " ".join(c["pl"]["tieu_de"]) and "ĐƠN DƯƠNG" not in " ".join(c["pl"]["tieu_de"])


def test_the_settings_place_replaces_the_titles_in_a_plans_appendix_title():
    c = _ctx("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 XÃ ĐƠN DƯƠNG, TỈNH LÂM ĐỒNG",
             {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "XÃ KA ĐÔ"]})
    assert c["pl"]["tieu_de"] == ["CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 XÃ KA ĐÔ, TỈNH LÂM ĐỒNG"]
    report = _ctx("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 TỈNH LÂM ĐỒNG",
                  {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "XÃ KA ĐÔ"]}, kind="bao-cao")
    assert report["pl"]["tieu_de"][0].endswith("NĂM 2026 XÃ KA ĐÔ")


def test_a_place_typed_in_the_settings_is_kept():
    c = _ctx("CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI", {"dia_danh": "Sa Pa", "ngay": "10/12/2026"})
    assert c["vb"]["dia_danh_ngay"] == "Sa Pa, ngày 10 tháng 12 năm 2026"


def test_a_title_of_another_level_than_the_settings_places_nothing():
    """The settings say a province with a form's stand-in name; the title names a district: the date line is a gap,
    never the district's name under a province's header."""
    c = _ctx("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026 HUYỆN ĐƠN DƯƠNG",
             {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "TỈNH X"], "ngay": "10/12/2026"})
    assert "[Địa danh]" in str(c["vb"]["dia_danh_ngay"]) and "Đơn Dương" not in str(c["vb"]["dia_danh_ngay"])
    assert str(c["noi_nhan"][0]) == "- Thường trực Tỉnh ủy;"


@pytest.mark.parametrize("issuer, office", [
    ("tinh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("thanh-pho", "Văn phòng Ủy ban nhân dân thành phố"),
    # a district's and a commune's office serves the council and the committee together
    ("huyen-2024", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"),
    ("xa-2026", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"),
    ("khong-ro", "Văn phòng [Hội đồng nhân dân và] Ủy ban nhân dân [tỉnh/xã]"),
])
def test_the_notice_is_announced_by_the_office_of_the_issuers_level(rendered, issuer, office):
    last = next(p for p in rendered[issuer, "thong-bao"] if p.startswith("Trên đây là kết luận"))
    assert last.endswith(f", {office} thông báo để các cơ quan, đơn vị, địa phương biết và thực hiện./.")
