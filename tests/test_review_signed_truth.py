"""What a reviewer found wrong in documents a leader signs (round of 2 December): each case decided by hand."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.direction import infer_direction
from kh_excel.core.model import Target
from kh_excel.docs.context import build_context
from kh_excel.docs.settings import settings_from_mapping
from test_docs_data import make_table


def _book(tmp_path, *rows, unit_header="Đơn vị tính"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", unit_header, "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì",
               "Lãnh đạo tỉnh phụ trách"])
    for r in rows:
        ws.append(list(r))
    path = tmp_path / "t.xlsx"
    wb.save(path)
    return read_workbook(path)


def test_the_signer_is_the_committees_chairman_not_the_councils(tmp_path):
    table = _book(tmp_path,
                  ["1", "Tổng thu ngân sách", "Tỷ đồng", 100, 110, "Sở Tài chính", "Đồng chí Lê An - Chủ tịch HĐND tỉnh"],
                  ["2", "Tổng vốn đầu tư", "Tỷ đồng", 100, 110, "Sở Tài chính", "Đồng chí Vũ Bình - Chủ tịch UBND tỉnh"])
    # (the chairman signs only where the title names the table's own province: context._own_chairman)
    table = replace(table, title_lines=["CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI"])
    assert build_context(evaluate(table), None, "bao-cao", today=date(2026, 12, 2))["ky"][0]["ho_ten"] == "Vũ Bình"


def test_a_percent_in_a_note_leaves_the_figure_in_the_rows_unit(tmp_path):
    from kh_excel.docs import wording as W
    table = _book(tmp_path, ["1", "Tổng thu ngân sách", "Tỷ đồng", 12000, "Ước 12.600 (đạt 105%)", "Sở Tài chính", ""],
                  ["2", "Tổng vốn đầu tư", "Tỷ đồng", 12000, "11.400 (đạt 95%)", "Sở Tài chính", ""])
    budget, invest = evaluate(table).assessments
    assert (budget.status, invest.status) == ("vuot", "khong_dat")
    assert W.result_value(budget.indicator).replace("\u00a0", " ") == "12.600 tỷ đồng"


def test_a_commitment_to_no_fire_planned_at_0_is_not_met_by_one_fire(tmp_path):
    table = _book(tmp_path, ["1", "Không để xảy ra cháy rừng lớn", "Vụ", 0, 1, "Sở Nông nghiệp và Môi trường", ""])
    (a,) = evaluate(table).assessments
    assert a.indicator.direction == "down" and a.status == "khong_dat"


@pytest.mark.parametrize("name", ["Tỷ lệ sinh con thứ ba trở lên", "Chênh lệch thu nhập giữa nhóm giàu và nhóm nghèo",
                                  "Chênh lệch giàu – nghèo (lần)"])
def test_burdens_the_list_lacked(name):
    assert infer_direction(name, "", Target("1", "=", Decimal(1)))[0] == "down"


def test_an_office_of_a_district_committee_gets_the_districts_recipients():
    table = replace(make_table(), title_lines=["PHỤ LỤC", "CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2024 HUYỆN ĐƠN DƯƠNG"])
    s = settings_from_mapping({"chung": {
        "co_quan_chu_quan": ["UBND HUYỆN ĐƠN DƯƠNG"], "co_quan_ban_hanh": ["PHÒNG TÀI CHÍNH - KẾ HOẠCH"],
        "ten_co_quan": "Phòng Tài chính - Kế hoạch", "ky_hieu_co_quan": "TCKH",
        "chuc_vu": "Trưởng phòng", "ho_ten": "Trần Văn C"}})
    lines = [str(x) for x in build_context(evaluate(table), s, "bao-cao", today=date(2024, 12, 2))["noi_nhan"]]
    # the office's own recipients at the district's level: its committee, its leaders, the offices beside it
    assert lines[:4] == ["- UBND huyện;", "- Lãnh đạo Phòng;", "- Các phòng, ban, ngành huyện;",
                         "- UBND các xã, thị trấn;"]
    assert not any("tỉnh" in x for x in lines)
