"""An indicator named alike in several sections, or named by a place in a section of places, is named with its
section in every sentence (rev13 R8, R9): a ward's table stacked by former commune gave a letter three «Tỷ lệ hộ
nghèo» of three targets, a department's table by commune made «Phường Cam Đường: đạt 96%» an indicator. Expected
names decided by hand from the sheets."""
from __future__ import annotations

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.text import heading_words, names_a_place
from kh_excel.docs import wording as W


@pytest.mark.parametrize("title, words", [
    ("XÃ TẢ PHÌN (CŨ)", "Xã Tả Phìn (cũ)"),
    ("PHƯỜNG SA PA (CŨ)", "Phường Sa Pa (cũ)"),
    ("THỊ TRẤN BẮC HÀ", "Thị trấn Bắc Hà"),
    ("PHƯỜNG 1", "Phường 1"),
    ("TỶ LỆ DÂN SỐ THAM GIA BẢO HIỂM Y TẾ", "Tỷ lệ dân số tham gia bảo hiểm y tế"),
    ("CHỈ TIÊU NGÀNH GD&ĐT, BHYT", "Chỉ tiêu ngành GD&ĐT, BHYT"),  # words without a vowel are acronyms
    ("Các chỉ tiêu về xã hội", "Các chỉ tiêu về xã hội"),            # not in capitals: as written
    ("XÃ HỘI", "Xã hội"),                                            # «xã» and nothing that names a commune
    ("TÌNH HÌNH KINH TẾ", "Tình hình kinh tế"),                      # «tình» is no «tỉnh»
])
def test_a_heading_in_running_text(title, words):
    assert heading_words(title) == words


@pytest.mark.parametrize("name, place", [
    ("Phường Cam Đường", True), ("XÃ TẢ PHÌN (CŨ)", True), ("Thị xã Sa Pa", True), ("Huyện Bát Xát", True),
    ("Tỷ lệ hộ nghèo", False), ("Xã đạt chuẩn nông thôn mới kiểu mẫu năm 2026", False), ("Xã", False),
    ("Tình hình kinh tế", False), ("Quản lý nhà nước", False), ("Tổ chức cơ sở đảng", False), ("Xã hội hóa", False),
])
def test_a_name_that_is_a_place(name, place):
    assert names_a_place(name) is place


def _book(path, rows) -> str:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["CÁC CHỈ TIÊU NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return str(path)


WARD = [["I", "PHƯỜNG SA PA (CŨ)"],
        [1, "Tỷ lệ hộ nghèo", "%", 1.2, 1, "Phòng Văn hóa - Xã hội"],
        [2, "Số thôn đạt chuẩn văn hóa", "Thôn", 5, 5, "Phòng Văn hóa - Xã hội"],
        ["II", "XÃ TẢ PHÌN (CŨ)"],
        [3, "Tỷ lệ hộ nghèo", "%", 9, 10.4, "Phòng Văn hóa - Xã hội"]]
BY_COMMUNE = [["I", "TỶ LỆ DÂN SỐ THAM GIA BẢO HIỂM Y TẾ"],
              [1, "Phường Cam Đường", "%", 96, 96.5, "Sở Y tế"],
              [2, "Phường Lào Cai", "%", 97, 95.2, "Sở Y tế"],
              ["II", "CÁC CHỈ TIÊU KHÁC"],
              [3, "Số bác sĩ trên 10.000 dân", "Bác sĩ", 14, 15, "Sở Y tế"]]


@pytest.mark.parametrize("rows, names, not_met", [
    # a ward's table stacked by former commune: the summary names the one not met with its former commune
    (WARD, ["Tỷ lệ hộ nghèo (Phường Sa Pa (cũ))", "Số thôn đạt chuẩn văn hóa", "Tỷ lệ hộ nghèo (Xã Tả Phìn (cũ))"],
     "Tỷ lệ hộ nghèo (Xã Tả Phìn (cũ))"),
    # a department's table by commune: each commune with what it measures
    (BY_COMMUNE, ["Phường Cam Đường (Tỷ lệ dân số tham gia bảo hiểm y tế)",
                  "Phường Lào Cai (Tỷ lệ dân số tham gia bảo hiểm y tế)", "Số bác sĩ trên 10.000 dân"],
     "Phường Lào Cai (Tỷ lệ dân số tham gia bảo hiểm y tế)"),
], ids=["ward by former commune", "department by commune"])
def test_rows_named_with_their_section(tmp_path, rows, names, not_met):
    att = evaluate(read_workbook(_book(tmp_path / "t.xlsx", rows)))
    assert [e.name for e in W.items(att.assessments)] == names
    assert not_met in att.summary.sentence
    assert names[0] not in att.summary.sentence  # (met: not in the list of those not met)


@pytest.mark.parametrize("first, second", [("Đơn vị", "Đơn vị tính"), ("ĐVT", "Đơn vị")])
def test_a_bare_unit_heading_beside_the_unit_column_names_the_rows(tmp_path, first, second):
    """A department's table by commune headed «STT | Đơn vị | Đơn vị tính | …» (rev13 b1): «Đơn vị» lists the units
    (communes), the name column, where «Đơn vị tính» is the unit; before, the table was refused as having no name
    column, naming «Đơn vị» as its unit."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["BIỂU CHỈ TIÊU NGÀNH Y TẾ NĂM 2026"])
    names, units = ("Phường Cam Đường", "%") if first == "Đơn vị" else ("%", "Phường Cam Đường")
    ws.append(["STT", first, second, "Kế hoạch năm 2026", "Ước thực hiện năm 2026"])
    ws.append([1, names, units, 96, 96.5])
    wb.save(tmp_path / "b.xlsx")
    table = read_workbook(str(tmp_path / "b.xlsx"))
    (ind,) = table.indicators
    assert (ind.name, ind.unit) == ("Phường Cam Đường", "%")


@pytest.mark.parametrize("title, heading, topic", [
    ("CHỈ TIÊU VỀ KHOA HỌC, CÔNG NGHỆ THEO NGHỊ QUYẾT SỐ 57-NQ/TW",
     "Chỉ tiêu về khoa học, công nghệ theo Nghị quyết số 57-NQ/TW",
     "chỉ tiêu về khoa học, công nghệ theo Nghị quyết số 57-NQ/TW"),
    ("CHỈ TIÊU NGÀNH GD&ĐT, BHXH, BHYT", "Chỉ tiêu ngành GD&ĐT, BHXH, BHYT", "chỉ tiêu ngành GD&ĐT, BHXH, BHYT"),
    ("CHỈ TIÊU KHU KINH TẾ CỬA KHẨU LÀO CAI", "Chỉ tiêu khu kinh tế cửa khẩu Lào Cai",
     "chỉ tiêu khu kinh tế cửa khẩu Lào Cai"),
    ("XÃ TẢ PHÌN (CŨ)", "Xã Tả Phìn (cũ)", "các chỉ tiêu về xã Tả Phìn (cũ)"),
    ("GRDP VÀ THU NGÂN SÁCH", "GRDP và thu ngân sách", "các chỉ tiêu về GRDP và thu ngân sách"),
    ("CÁC CHỈ TIÊU VỀ KINH TẾ", "Các chỉ tiêu về kinh tế", "các chỉ tiêu về kinh tế"),
    ("Kinh tế xã hội", "Kinh tế xã hội", "các chỉ tiêu về kinh tế xã hội"),
])
def test_a_plans_headings_keep_their_proper_names(title, heading, topic):
    """A plan's headings from sections typed in capitals (rev13 R15: «57-nq/tw», «gd&đt, bhxh», «lào cai» in a signed
    plan): acronyms, document symbols, numbered documents, places and provinces keep their capitals."""
    from kh_excel.docs.context import _topic, sentence_case
    assert sentence_case(title) == heading
    assert _topic(title) == topic


def test_a_heading_keeps_the_names_of_bodies():
    from kh_excel.docs.context import sentence_case
    assert sentence_case("CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ XÃ LẦN THỨ I") == \
        "Chỉ tiêu Nghị quyết Đại hội Đảng bộ xã lần thứ I"


def test_a_place_column_beside_the_name_and_unit_columns_is_no_unit(tmp_path):
    """«Nội dung | Đơn vị | Đơn vị tính» (rev14 F-K): «Đơn vị tính» is the unit, never the place column before it
    («Tổng thu ngân sách: đạt 1.000 xã Tả Phìn»)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Nội dung", "Đơn vị", "Đơn vị tính", "Kế hoạch năm 2026", "Cơ quan chủ trì"])
    ws.append([1, "Tổng thu ngân sách", "Xã Tả Phìn", "Triệu đồng", 1000, "Phòng Kinh tế"])
    wb.save(tmp_path / "u.xlsx")
    (ind,) = read_workbook(str(tmp_path / "u.xlsx")).indicators
    assert (ind.name, ind.unit) == ("Tổng thu ngân sách", "Triệu đồng")
