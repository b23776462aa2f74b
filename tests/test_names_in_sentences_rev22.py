"""Names said in sentences as the table means them (rev22 R22-13): a structure's part labelled by a Roman numeral or
a letter keeps it («Khu vực I 33,0%» was written «khu vực i 33,0%» beside «khu vực II»), and a section heading typed in
capitals with a note in small letters («CHỈ TIÊU KINH TẾ (11 chỉ tiêu)», HĐND Lào Cai 2024) is written in sentence
case like every other heading («a) Chỉ tiêu kinh tế (11 chỉ tiêu)»), its note as typed."""
from __future__ import annotations

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.model import Grid
from kh_excel.core.text import sentence_case
from kh_excel.docs.context import build_context
from kh_excel.docs.wording import part_name


@pytest.mark.parametrize("name, said", [
    ("Khu vực I", "khu vực I"), ("Khu vực III", "khu vực III"), ("Nhóm A", "nhóm A"),
    ("Công nghiệp - Xây dựng", "công nghiệp - xây dựng"), ("Dịch vụ", "dịch vụ"),
    ("Thuế sản phẩm trừ trợ cấp sản phẩm", "thuế sản phẩm trừ trợ cấp sản phẩm"),
])
def test_a_part_keeps_its_label(name, said):
    assert part_name(name) == said


@pytest.mark.parametrize("name, said", [
    ("CHỈ TIÊU KINH TẾ (11 chỉ tiêu)", "Chỉ tiêu kinh tế (11 chỉ tiêu)"),
    ("CÁC CHỈ TIÊU XÃ HỘI (8 chỉ tiêu)", "Các chỉ tiêu xã hội (8 chỉ tiêu)"),
    ("Tỷ lệ hộ nghèo (%)", "Tỷ lệ hộ nghèo (%)"),              # not in capitals: as written
    ("THU NSNN (tỷ đồng)", "THU NSNN (tỷ đồng)"),              # one word beside an acronym: as written
    ("TỔNG THU NGÂN SÁCH (A+B+C)", "Tổng thu ngân sách (A+B+C)"),
])
def test_a_heading_in_capitals_with_a_typed_note(name, said):
    assert sentence_case(name) == said


def test_the_plan_and_its_sections_say_so():
    rows = [["CÁC CHỈ TIÊU CHỦ YẾU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024"],
            ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024"],
            ["I", "CHỈ TIÊU KINH TẾ (2 chỉ tiêu)", "", ""],
            [1, "Cơ cấu GRDP", "%", ""],
            ["-", "Khu vực I", "%", 33],
            ["-", "Khu vực II", "%", 26],
            ["-", "Khu vực III", "%", 41],
            [2, "Tốc độ tăng trưởng kinh tế (GRDP)", "%", 8]]
    c = build_context(evaluate(read_workbook(Grid(sheet="Biểu", rows=rows), file="b.xlsx")), None, "ke-hoach")
    group = c["ct"]["nhom"][0]
    assert group["tieu_de"] == "a) Chỉ tiêu kinh tế (2 chỉ tiêu)"
    said = " ".join(group["muc"]).replace("\xa0", " ")
    # 33 + 26 + 41 = 100: the structure's parts said with their labels
    assert "khu vực I 33%" in said and "khu vực II 26%" in said and "khu vực III 41%" in said, said
