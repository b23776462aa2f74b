"""The settings sheet written into a user's workbook (`kh-excel settings`, the add-in's «Cấu hình») carries no
other issuer's values: a district's table gets its own committee and place from its title, every other value
empty, so its documents hold the district's names or highlighted gaps that `lint` lists, never the example's
province (Lào Cai), its signers, numbers, dates, recipients or meeting."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings as hsettings, strategies as st_

from helpers import docx_paragraphs, fill_settings, run_cli, sample
from kh_excel.docs import kinds
from kh_excel.docs.lint import lint_docx
from kh_excel.docs.settings import (FIELDS, SHEET_NAME, example_settings_rows, read_settings_sheet,
                                    settings_from_mapping, settings_from_rows, settings_rows)

TITLE = "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 HUYỆN BẮC HÀ"
# what the example settings put into a document, none of which a district's table says
EXAMPLE_WORDS = ("Lào Cai", "LÀO CAI", "Phan Quốc Nghĩa", "Trung tâm Hội nghị tỉnh",
                 "Văn phòng Chính phủ", "Bộ Tài chính", "Thường trực Tỉnh ủy", "Nghị quyết số 01/NQ-CP")
# the Lào Cai sample names its province's leaders in the leaders column («Đồng chí … - Chủ tịch UBND tỉnh»), which
# the appendix of a plan shows: they sign no district's document
PROVINCE_LEADERS = ("Nguyễn Tuấn Anh", "Nguyễn Thành Sinh")
SIGNER_GAP = "[Họ và tên người ký]"


def district_book(folder: Path) -> Path:
    """The Lào Cai sample retitled as a district's table: its title names «HUYỆN BẮC HÀ», no cell names Lào Cai."""
    wb = openpyxl.load_workbook(sample("chi_tieu_2026_lao_cai.xlsx"))
    ws = wb.active
    ws["A2"] = TITLE
    ws["A3"] = "(Kèm theo Kế hoạch số 12/KH-UBND ngày 15 tháng 01 năm 2026 của Ủy ban nhân dân huyện)"
    cells = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any("lào cai" in c.lower() for c in cells)  # the table itself never says Lào Cai
    path = folder / "bac_ha.xlsx"
    wb.save(path)
    return path


def text_of(path: Path) -> str:
    return "\n".join(docx_paragraphs(path)).replace("\u00a0", " ")


def signed_by(path: Path, name: str) -> bool:
    """A paragraph of its own holds the name: the signature (the appendix's leaders cells say «Đồng chí … - …»)."""
    return name in [p.strip() for p in docx_paragraphs(path)]


def rows_of(path: Path) -> list[tuple]:
    return [tuple(r[:3]) for r in openpyxl.load_workbook(path)[SHEET_NAME].iter_rows(values_only=True)]


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("written")
    out = d / "bac_ha_cau_hinh.xlsx"
    proc = run_cli("settings", district_book(d), "-o", out)
    assert proc.returncode == 0, proc.stderr
    return out


def test_the_sheet_has_every_key_and_only_what_the_title_tells(written):
    rows = rows_of(written)
    keys = {f.label for f in FIELDS}
    assert keys <= {r[0] for r in rows}                             # every key, with its label
    assert all(r[2] for r in rows if r[0] in keys)                  # and its note (what a blank means)
    filled = {(r[0], r[1]) for r in rows[2:] if r[1] is not None}
    # the district's own committee and place, from the table's title: nothing else is filled in
    assert filled == {("Cơ quan ban hành", "ỦY BAN NHÂN DÂN\nHUYỆN BẮC HÀ"), ("Địa danh", "Bắc Hà")}
    s = read_settings_sheet(written)
    assert s.groups == {"chung": {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "HUYỆN BẮC HÀ"], "dia_danh": "Bắc Hà"}}
    assert not s.warnings
    # each kind's group is on the sheet, with its number and date
    groups = [r[0] for r in rows if r[1] is None and r[0] in {k.label for k in kinds.all_kinds()}]
    assert groups == [k.label for k in kinds.all_kinds()]


@pytest.mark.parametrize("kind, agency", [("bao-cao", None), ("ke-hoach", None), ("chuong-trinh", None),
                                          ("giao-chi-tieu", "Sở Tài chính"), ("thong-bao", None)])
def test_a_district_document_from_the_written_sheet_names_no_other_province(written, tmp_path, kind, agency):
    out = tmp_path / f"{kind}.docx"
    proc = run_cli("render", kind, written, "-o", out, *(["--agency", agency] if agency else []))
    assert proc.returncode == 0, proc.stderr
    text = text_of(out)
    assert not [w for w in EXAMPLE_WORDS if w in text]
    assert not [n for n in PROVINCE_LEADERS if signed_by(out, n)]
    # header and date line from the table's title; an undated draft (nd30: dated when signed)
    assert "ỦY BAN NHÂN DÂN\nHUYỆN BẮC HÀ" in text
    assert re.search(r"Bắc Hà, ngày\s+tháng\s+năm 2026", text)
    # a district dated 2026 has no bodies left (no district after 1 July 2025): Nơi nhận offers the date's levels
    # as gaps, never «Huyện ủy», and the person rendering is warned (docs.kinds.ended_level)
    if kind != "thong-bao":
        assert "Huyện ủy" not in text and "- Thường trực HĐND [tỉnh/xã];" in text
    assert "Cảnh báo: cấp «huyện» không còn từ ngày 01/7/2025" in proc.stderr
    # who signs is not told by the table: a highlighted gap that lint lists
    places = [p.message for p in lint_docx(out).rule("placeholder.present").problems]
    assert any(SIGNER_GAP in m for m in places), places


def test_the_notice_leaves_the_meeting_to_its_author(written, tmp_path):
    out = tmp_path / "tb.docx"
    assert run_cli("render", "thong-bao", written, "-o", out).returncode == 0
    places = " ".join(p.message for p in lint_docx(out).rule("placeholder.present").problems)
    for gap in ("[ngày họp]", "[địa điểm họp]", "[tên cuộc họp]", "[người chủ trì]", "[thành phần dự họp]"):
        assert gap in places
    assert "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG" in text_of(out)  # the office signs by order of the chairman


def test_values_a_user_fills_in_are_used(written, tmp_path):
    mine = tmp_path / "mine.xlsx"
    shutil.copy(written, mine)
    fill_settings(mine, {("Chung", "Họ tên người ký"): "Trần Văn Bình",
                ("Chung", "Địa danh"): "Bắc Hà",
                ("Báo cáo", "Số văn bản"): "07",
                ("Báo cáo", "Ngày ban hành"): "10/12/2026",
                ("Báo cáo", "Kính gửi"): "Thường trực Hội đồng nhân dân huyện",
                ("Thông báo kết luận", "Địa điểm họp"): "Hội trường Ủy ban nhân dân huyện"})
    report, plan, notice = tmp_path / "bc.docx", tmp_path / "kh.docx", tmp_path / "tb.docx"
    for kind, out in (("bao-cao", report), ("ke-hoach", plan), ("thong-bao", notice)):
        proc = run_cli("render", kind, mine, "-o", out)
        assert proc.returncode == 0, proc.stderr
    text = text_of(report)
    assert "Số: 07/BC-UBND" in text and "Bắc Hà, ngày 10 tháng 12 năm 2026" in text
    assert "Trần Văn Bình" in text and SIGNER_GAP not in text
    assert "Kính gửi: Thường trực Hội đồng nhân dân huyện" in text and "- Như trên;" in text
    # the report's number and date are the report's own; the plan, whose group is empty, stays undated
    plan_text = text_of(plan)
    assert re.search(r"Số:\s+/KH-UBND", plan_text) and re.search(r"Bắc Hà, ngày\s+tháng\s+năm 2026", plan_text)
    assert "Trần Văn Bình" in plan_text
    assert "tại Hội trường Ủy ban nhân dân huyện" in text_of(notice)


def test_the_example_is_written_only_when_asked_and_says_so(tmp_path):
    book = district_book(tmp_path)
    out = tmp_path / "vi_du.xlsx"
    proc = run_cli("settings", book, "-o", out, "--example")
    assert proc.returncode == 0 and "ví dụ" in proc.stderr
    assert read_settings_sheet(out).groups == settings_from_rows(example_settings_rows(2026)).groups
    doc = tmp_path / "bc.docx"
    assert run_cli("render", "bao-cao", out, "-o", doc).returncode == 0
    assert "LÀO CAI" in text_of(doc)   # what the district's sheet must never do without being asked


def test_a_table_that_names_no_place_leaves_issuer_and_place_empty():
    from dataclasses import replace
    from test_docs_data import make_table
    rows = settings_rows(replace(make_table(), title_lines=["BIỂU 07: TỔNG HỢP CHỈ TIÊU NĂM 2020"]))
    assert all(r[1] == "" for r in rows[2:])
    assert settings_from_rows(rows).groups == {}
    assert all(r[1] == "" for r in settings_rows(None)[2:])


@pytest.mark.parametrize("title, ban_hanh, place", [
    ("CHỈ TIÊU NĂM 2026 PHƯỜNG 1, THÀNH PHỐ ĐÀ LẠT", "ỦY BAN NHÂN DÂN\nPHƯỜNG 1", "Phường 1"),  # nd30: a number keeps its level
    ("CHỈ TIÊU NĂM 2026 XÃ KA ĐÔ, TỈNH LÂM ĐỒNG", "ỦY BAN NHÂN DÂN\nXÃ KA ĐÔ", "Ka Đô"),
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI", "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI", "Lào Cai"),
])
def test_issuer_and_place_come_from_the_title(title, ban_hanh, place):
    from dataclasses import replace
    from test_docs_data import make_table
    rows = settings_rows(replace(make_table(), title_lines=["PHỤ LỤC", title]))
    assert {r[0]: r[1] for r in rows[2:] if r[1]} == {"Cơ quan ban hành": ban_hanh, "Địa danh": place}


@pytest.mark.parametrize("name", ["=CMD|'/C CALC'!A", "@SUM", "+ABC", "-X"])
def test_a_title_whose_place_is_a_formula_prefills_nothing(tmp_path, name):
    """The title is untrusted: what follows its level word is written into the sheet only when it can be a place's
    name (a letter or a digit first); the document then leaves the issuer and the place as highlighted gaps."""
    from dataclasses import replace
    from kh_excel.docs.context import told_by_table
    from kh_excel.docs.settings import write_settings_sheet
    from test_docs_data import make_table
    table = replace(make_table(), title_lines=["PHỤ LỤC", f"CHỈ TIÊU NĂM 2026 HUYỆN {name}"])
    assert told_by_table(table) == {}
    out = write_settings_sheet(sample("chi_tieu_2026_lao_cai.xlsx"), tmp_path / "o.xlsx", settings_rows(table))
    assert not [c.coordinate for row in openpyxl.load_workbook(out)[SHEET_NAME].iter_rows() for c in row
                if c.data_type == "f"]


# ------------------------------------------------------------------ an empty value is not set

def test_an_empty_row_of_a_group_keeps_the_common_value():
    s = settings_from_rows([["Địa danh", "Sa Pa"], ["Họ tên người ký", "Trần Văn Bình"], ["Báo cáo", None],
                            ["Địa danh", ""], ["Họ tên người ký", "   "], ["Ngày ban hành", None], ["Nơi nhận", "\n"]])
    assert s.for_kind("bao-cao") == {"dia_danh": "Sa Pa", "ho_ten": "Trần Văn Bình"}
    assert "bao-cao" not in s.groups


def test_an_empty_toml_value_is_not_set():
    s = settings_from_mapping({"so": "", "dia_danh": "Sa Pa", "noi_nhan": [], "bao-cao": {"dia_danh": "", "ngay": ""}})
    assert s.groups == {"chung": {"dia_danh": "Sa Pa"}}
    assert s.for_kind("bao-cao")["dia_danh"] == "Sa Pa"


_LABELS = [f.label for f in FIELDS]
# the keys any text is a value of (a date or an authority has its own grammar)
_FREE = [f.label for f in FIELDS if f.kind != "date" and not f.id.startswith("tham_quyen")]
_GROUPS = ["Chung", *(k.label for k in kinds.all_kinds())]
_BLANK = st_.sampled_from([None, "", " ", "\n", "\r\n \t", "\x0b"])


@hsettings(max_examples=150, deadline=None)
@given(rows=st_.lists(st_.one_of(st_.tuples(st_.sampled_from(_GROUPS), st_.none()),
                                 st_.tuples(st_.sampled_from(_FREE), st_.sampled_from(["Sa Pa", "15", "A\nB"])),
                                 st_.tuples(st_.sampled_from(_LABELS), _BLANK)),
                      max_size=30),
       blanks=st_.lists(st_.tuples(st_.integers(0, 30), st_.sampled_from(_LABELS), _BLANK), max_size=10))
def test_blank_rows_anywhere_change_nothing(rows, blanks):
    """Inserting rows with empty values anywhere in a sheet reads as the same settings: a blank is «not set»."""
    rows = [list(r) for r in rows]
    with_blanks = list(rows)
    for at, label, value in sorted(blanks, key=lambda b: b[0], reverse=True):
        with_blanks.insert(min(at, len(with_blanks)), [label, value])
    plain, blanked = settings_from_rows(rows), settings_from_rows(with_blanks)
    for kind in ("chung", *kinds.ids()):
        assert plain.for_kind(kind) == blanked.for_kind(kind)
    assert not any(v in ("", [], None) for g in blanked.groups.values() for v in g.values())
