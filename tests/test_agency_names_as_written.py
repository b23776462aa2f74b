"""A document names each agency as its table names it (rev20 R20-5, rev15 R15-14).

The registry RECOGNISES an agency under any spelling (to group rows, to match --agency) and spells out an
abbreviation of it with the agency's own words («Sở VHTTDL» -> «Sở Văn hóa, Thể thao và Du lịch»); it never prints
another name of the agency in place of the cell's: Phú Thọ's 2023 plan (NQ 11/NQ-HĐND, 09/12/2022) writes «Cục Thống
kê tỉnh» and «Cục Thuế tỉnh; Cục Hải quan», which were not yet «Thống kê tỉnh», «Thuế tỉnh» (the names since 3/2025),
and there was no «Cục Hải quan tỉnh» at all (Phú Thọ was under Cục Hải quan Hà Nội).
"""
from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

import kh_excel
from kh_excel.core.agencies import AgencyRegistry
from kh_excel.core.attainment import evaluate
from kh_excel.docs.api import match_agency
from kh_excel.docs.context import build_context

REG = AgencyRegistry.default()
HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm {year}", "Cơ quan chủ trì", "Cơ quan phối hợp"]


def _book(tmp_path: Path, year: int, rows: list[list], name: str = "kh.xlsx") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    ws.append(["UBND TỈNH PHÚ THỌ"])
    ws.append(["PHỤ LỤC"])
    ws.append([f"CÁC CHỈ TIÊU CHỦ YẾU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM {year}"])
    ws.append([h.format(year=year) for h in HEAD])
    ws.append(["I", "VỀ KINH TẾ"])
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


# the rows of Phú Thọ's KH 2023 appendix that name the central agencies (w01b rows 8 and 15)
PHU_THO_2023 = [
    [1, "Tốc độ tăng trưởng kinh tế (GRDP)", "%", "Từ 7,5 trở lên", "Sở Kế hoạch và Đầu tư", "Cục Thống kê tỉnh"],
    [2, "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "Từ 6.109 trở lên", "Sở Tài chính",
     "Cục Thuế tỉnh; Cục Hải quan"],
]


def _items(path: Path, kind: str) -> list[str]:
    """Part IV's items of a plan made from the workbook (the «… chủ trì, phối hợp với …» sentences)."""
    ctx = build_context(evaluate(kh_excel.read_workbook(path)), None, kind)
    return [re.sub(r"<[^>]+>", "", str(x)) for x in ctx["tc"]["muc"]]


# -- the registry ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("cell,shown", [
    # Phú Thọ 2023: each name as written, none renamed, no «tỉnh» added
    ("Cục Thống kê tỉnh", ["Cục Thống kê tỉnh"]),
    ("Cục Thuế tỉnh; Cục Hải quan", ["Cục Thuế tỉnh", "Cục Hải quan"]),
    ("Sở Kế hoạch và Đầu tư", ["Sở Kế hoạch và Đầu tư"]),
    # a 2025 table's names stay the 2025 names
    ("Thống kê tỉnh; Thuế tỉnh; Hải quan khu vực VII", ["Thống kê tỉnh", "Thuế tỉnh", "Hải quan khu vực VII"]),
    # an abbreviation is spelled out with the words of the agency it abbreviates, and only with them: «KBNN» is
    # «Kho bạc Nhà nước» (K-B-N-N), not the registry's «Kho bạc Nhà nước tỉnh»
    ("Sở VHTTDL", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Sở KH&ĐT", ["Sở Kế hoạch và Đầu tư"]),   # a 2023 name, never «Sở Tài chính» (merged into it 3/2025)
    ("KBNN; BHXH tỉnh", ["Kho bạc Nhà nước", "Bảo hiểm xã hội tỉnh"]),
    # spacing, case and tone placement are the name's («Sở Công thương», «Sở Văn hoá»), the punctuation the cell's
    ("Sở Công thương;  Sở Văn hoá, Thể thao và Du lịch", ["Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch"]),
    ("UBND các xã, phường", ["UBND các xã, phường"]),
])
def test_a_cell_prints_as_written_with_its_abbreviations_spelled_out(cell, shown):
    assert REG.split(cell) == shown


def test_the_registry_still_knows_each_agency_under_either_name():
    # one agency for grouping and --agency: the old name and the new, and what a document prints for each
    assert REG.same("Cục Thống kê tỉnh", "Thống kê tỉnh") and REG.same("Cục Thuế tỉnh", "Thuế tỉnh")
    assert REG.same("Cục Hải quan", "Cục Hải quan tỉnh")
    for typed in ("UBMTTQ tỉnh", "KBNN", "NHNN tỉnh", "BQL Khu kinh tế", "Sở NgV", "Chi cục Hải quan KV VII"):
        assert REG.key(REG.canonical(typed)) == REG.key(typed), typed
    # «Sở Kế hoạch và Đầu tư» and «Sở Tài chính» are two agencies, whatever year
    assert not REG.same("Sở Kế hoạch và Đầu tư", "Sở Tài chính")


# -- the documents -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["ke-hoach", "chuong-trinh"])
def test_a_2023_plan_names_the_agencies_as_its_table_does(tmp_path, kind):
    items = _items(_book(tmp_path, 2023, PHU_THO_2023), kind)
    text = " ".join(items)
    # row 1: Sở Kế hoạch và Đầu tư leads with «Cục Thống kê tỉnh»; row 2: Sở Tài chính with «Cục Thuế tỉnh» and
    # «Cục Hải quan» (two agencies of one cell, joined by a comma in a sentence)
    assert items[0].startswith("1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Cục Thống kê tỉnh tổ chức thực hiện"), items
    assert items[1].startswith("2. Sở Tài chính chủ trì, phối hợp với Cục Thuế tỉnh, Cục Hải quan tổ chức thực hiện"), \
        items
    assert "Cục Hải quan tỉnh" not in text and not re.search(r"(?<!Cục )(Thống kê|Thuế) tỉnh", text)


def test_a_2025_plan_keeps_the_2025_names_and_spells_out_an_abbreviation(tmp_path):
    rows = [[1, "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 6500, "Sở TC", "Thuế tỉnh; Thống kê tỉnh"],
            [2, "Số thiết chế văn hóa", "Thiết chế", 12, "Sở VHTTDL", "UBND các xã, phường"]]
    items = _items(_book(tmp_path, 2025, rows), "ke-hoach")
    assert items[0].startswith("1. Sở Tài chính chủ trì, phối hợp với Thuế tỉnh, Thống kê tỉnh tổ chức thực hiện"), items
    assert items[1].startswith("2. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Ủy ban nhân dân các xã, "
                               "phường tổ chức thực hiện"), items


def test_a_letter_to_a_lead_named_two_ways_uses_the_tables_name(tmp_path):
    """giao-chi-tieu for «Thuế tỉnh» (--agency as typed, the 2025 name) of a 2023 table that leads with «Cục Thuế
    tỉnh»: the letter goes to «Cục Thuế tỉnh», as the body and the appendix name it; the forms' file is named so."""
    from kh_excel.batch.plan import lead_agencies
    from kh_excel.collect.forms import agency_rows
    rows = [[1, "Thu nội địa", "Tỷ đồng", 5200, "Cục Thuế tỉnh", "Sở Tài chính"],
            [2, "Thu từ hoạt động xuất nhập khẩu", "Tỷ đồng", 300, "Cục Hải quan", "Sở Tài chính"]]
    table = kh_excel.read_workbook(_book(tmp_path, 2023, rows))
    attainment = evaluate(table)
    assert [name for name, _n in lead_agencies(table)] == ["Cục Thuế tỉnh", "Cục Hải quan"]
    assert [g.name for g in agency_rows(table)] == ["Cục Thuế tỉnh", "Cục Hải quan"]   # the forms' file names
    agency = match_agency(attainment, "Thuế tỉnh")
    assert agency == "Cục Thuế tỉnh"
    ctx = build_context(attainment, None, "giao-chi-tieu", agency=agency)
    assert ctx["vb"]["kinh_gui"] == ["Cục Thuế tỉnh"] and ctx["vb"]["co_quan_nhan"] == "Cục Thuế tỉnh"
    assert match_agency(attainment, "Cục Hải quan tỉnh") == "Cục Hải quan"
