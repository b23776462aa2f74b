"""rev18: the documents' wording against the table. Expected sentences are worked out by hand from the rows built
in each test."""
from __future__ import annotations

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.docs.context import build_context

TITLE = ["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 HUYỆN CHƯ PĂH"]
HEAD = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Kế hoạch năm 2027"]


def _book(path, rows, head=HEAD, title=TITLE):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(title)
    ws.append(head)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _ctx(path, kind="bao-cao"):
    return build_context(evaluate(read_workbook(path)), None, kind)


def plain(text) -> str:
    return str(text).replace("\u00a0", " ")


def _lines(ctx) -> list[str]:
    return [plain(x) for g in ctx["kq"]["nhom"] for x in g["muc"]]


def _structure(parts):
    return [[1, "Giá trị sản xuất", "Tỷ đồng", 1000, 1100, 1200], [2, "Cơ cấu kinh tế (giá hiện hành)", "%", None,
                                                                   None, None], *parts]


# ------------------------------------------------------------------ R18-12: «chưa có số liệu (kế hoạch )»

def test_structure_with_only_next_years_plan_says_no_figures_once(tmp_path):
    """The parts have a plan of 2027 only (40 + 35 + 25 = 100), nothing of 2026: no part has a plan or a figure of
    the year reported, so the structure is «chưa có số liệu», said once, never «… chưa có số liệu (kế hoạch )»."""
    path = _book(tmp_path / "t.xlsx", _structure([
        ["-", "Nông - lâm nghiệp, thủy sản", "%", None, None, 40],
        ["-", "Công nghiệp - xây dựng", "%", None, None, 35],
        ["-", "Thương mại - dịch vụ", "%", None, None, 25]]))
    lines = _lines(_ctx(path))
    assert "- Cơ cấu kinh tế (giá hiện hành): chưa có số liệu." in lines
    assert not any("(kế hoạch )" in x or "kế hoạch )" in x for x in lines)


def test_structure_part_without_plan_has_no_empty_parentheses(tmp_path):
    """One part has a plan (40%), the two others none and no part a figure: the part with a plan says it, the others
    «chưa có số liệu» alone."""
    path = _book(tmp_path / "t.xlsx", _structure([
        ["-", "Nông - lâm nghiệp, thủy sản", "%", 40, None, 40],
        ["-", "Công nghiệp - xây dựng", "%", None, None, 35],
        ["-", "Thương mại - dịch vụ", "%", None, None, 25]]))
    (line,) = [x for x in _lines(_ctx(path)) if x.startswith("- Cơ cấu")]
    assert line.startswith("- Cơ cấu kinh tế (giá hiện hành): nông - lâm nghiệp, thủy sản chưa có số liệu (kế hoạch "
                           "40%), công nghiệp - xây dựng chưa có số liệu, thương mại - dịch vụ chưa có số liệu")
    assert "()" not in line and "kế hoạch )" not in line


def test_structure_parts_with_plans_keep_them(tmp_path):
    """Must not change: every part has a plan of 2026 (40 + 35 + 25) and no figure: each says its plan."""
    path = _book(tmp_path / "t.xlsx", _structure([
        ["-", "Nông - lâm nghiệp, thủy sản", "%", 40, None, None],
        ["-", "Công nghiệp - xây dựng", "%", 35, None, None],
        ["-", "Thương mại - dịch vụ", "%", 25, None, None]]))
    (line,) = [x for x in _lines(_ctx(path)) if x.startswith("- Cơ cấu")]
    assert line.startswith("- Cơ cấu kinh tế (giá hiện hành): nông - lâm nghiệp, thủy sản chưa có số liệu (kế hoạch "
                           "40%), công nghiệp - xây dựng chưa có số liệu (kế hoạch 35%), thương mại - dịch vụ chưa có "
                           "số liệu (kế hoạch 25%)")


# ------------------------------------------------------------------ R18-13: «các chỉ tiêu về về kinh tế»

def _sectioned(path, first: str, second: str):
    return _book(path, [["I", first, None, None, None, None],
                        [1, "Giá trị sản xuất", "Tỷ đồng", 1000, 1100, 1200],
                        ["II", second, None, None, None, None],
                        [2, "Số lao động được giải quyết việc làm", "Người", 500, 520, 550]])


@pytest.mark.parametrize("first, second, expected", [
    # the reviewer's headings: their own «về», one in capitals with the table's count of its rows
    ("VỀ KINH TẾ (11 chỉ tiêu)", "VỀ VĂN HÓA - XÃ HỘI (10 chỉ tiêu)",
     ["1. Thực hiện các chỉ tiêu về kinh tế", "2. Thực hiện các chỉ tiêu về văn hóa - xã hội"]),
    ("Về kinh tế", "Về văn hóa - xã hội",
     ["1. Thực hiện các chỉ tiêu về kinh tế", "2. Thực hiện các chỉ tiêu về văn hóa - xã hội"]),
    # must not change: a heading without «về», and one that names the indicators itself
    ("KINH TẾ", "VĂN HÓA - XÃ HỘI",
     ["1. Thực hiện các chỉ tiêu về kinh tế", "2. Thực hiện các chỉ tiêu về văn hóa - xã hội"]),
    ("CÁC CHỈ TIÊU VỀ KINH TẾ", "Các chỉ tiêu về văn hóa - xã hội",
     ["1. Thực hiện các chỉ tiêu về kinh tế", "2. Thực hiện các chỉ tiêu về văn hóa - xã hội"]),
    # a word starting with «về»-like letters is no «về»
    ("VỆ SINH MÔI TRƯỜNG", "Văn hóa - xã hội",
     ["1. Thực hiện các chỉ tiêu về vệ sinh môi trường", "2. Thực hiện các chỉ tiêu về văn hóa - xã hội"]),
])
@pytest.mark.parametrize("kind", ["ke-hoach", "chuong-trinh"])
def test_task_headings_say_about_once(tmp_path, kind, first, second, expected):
    ctx = _ctx(_sectioned(tmp_path / "t.xlsx", first, second), kind)
    assert [g["tieu_de"] for g in ctx["nv"]["nhom"]][:2] == expected


# ------------------------------------------------------------------ R18-14: the appendix copies the resolution

PLAN_HEAD = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Cơ quan chủ trì", "Cơ quan phối hợp"]
PLAN_TITLE = ["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 THÀNH PHỐ HÀ NỘI"]


def _appendix(path, kind="ke-hoach"):
    return {r["ten"]: r for r in _ctx(path, kind)["pl"]["hang"] if r["loai"] != "muc"}


@pytest.mark.parametrize("kind", ["ke-hoach", "bao-cao"])
def test_appendix_copies_the_plan_cells_and_agencies_as_written(tmp_path, kind):
    """Each cell of the appendix is the resolution's: «Dưới 4,5», «Trên 80», «10% trở lên», «UBND các xã, phường»
    (it printed «< 4,5», «> 80», «≥ 10», «UBND các xã/phường»). A point plan is the sheet's figure (18.000)."""
    head = PLAN_HEAD if kind == "ke-hoach" else [*PLAN_HEAD[:4], "Thực hiện năm 2026", *PLAN_HEAD[4:]]
    rows = [[1, "Tốc độ tăng chỉ số giá tiêu dùng (CPI)", "%", "Dưới 4,5", "Sở Tài chính", "Các sở, ngành; UBND các xã, phường"],
            [2, "Tỷ lệ che phủ rừng", "%", "Trên 80", "Sở Nông nghiệp và Môi trường", "UBND các xã, phường"],
            [3, "Tỷ lệ tăng thu ngân sách so năm trước", "%", "10% trở lên", "Sở Tài chính", None],
            [4, "Tổng số căn nhà ở xã hội hoàn thành", "Căn", 18000, "Sở Xây dựng", None]]
    if kind == "bao-cao":  # results: 3,2 < 4,5; 81 > 80; 12 ≥ 10; 18.500 ≥ 18.000
        rows = [[*r[:4], res, *r[4:]] for r, res in zip(rows, [3.2, 81, 12, 18500])]
    by_name = _appendix(_book(tmp_path / "t.xlsx", rows, head, PLAN_TITLE), kind)
    assert [by_name[r[1]]["ke_hoach"] for r in rows] == ["Dưới 4,5", "Trên 80", "10% trở lên", "18.000"]
    cpi = by_name["Tốc độ tăng chỉ số giá tiêu dùng (CPI)"]
    assert cpi["phoi_hop"] == "Các sở, ngành; UBND các xã, phường"
    assert by_name["Tỷ lệ che phủ rừng"]["phoi_hop"] == "UBND các xã, phường"
    assert cpi["chu_tri"] == "Sở Tài chính"


def test_appendix_keeps_an_abbreviation_as_typed_and_a_figure_read_both_ways_as_read(tmp_path):
    """The cell «Sở TC» is the resolution's spelling (the body writes «Sở Tài chính»); «1,500.0» reads both ways and
    is printed as it was read, «1.500,0» (rev15 R15-11, unchanged)."""
    rows = [[1, "Sản lượng lương thực", "Tấn", "1,500.0", "Sở TC", "UBND các xã/phường"]]
    row = _appendix(_book(tmp_path / "t.xlsx", rows, PLAN_HEAD, PLAN_TITLE))["Sản lượng lương thực"]
    assert (row["ke_hoach"], row["chu_tri"], row["phoi_hop"]) == ("1.500,0", "Sở TC", "UBND các xã/phường")


# ------------------------------------------------------------------ R18-11: a share's ratio, as attainment prints it

RATIO_ROWS = [
    [1, "Tỷ lệ hộ nghèo giảm", "%", 4, 5.36, None],                  # a fall, more is better: 5,36 / 4 = 134,0%
    [2, "Tỷ lệ lao động qua đào tạo", "%", 78, 78.2, None],           # 78,2 / 78 = 1,002564… → 100,3%
    [3, "Tỷ lệ hộ nghèo", "%", 4, 3, None],                           # a burden: «còn 3%», no ratio
    [4, "Tốc độ tăng trưởng kinh tế (GRDP)", "%", 8, 7.5, None],      # a growth rate: 7,5 of 8 is no «93,8% kế hoạch»
    [5, "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 100, 90, None],  # an amount, as before: 90,0%
]


def test_a_share_more_of_which_is_better_has_the_ratio_attainment_prints(tmp_path):
    """attainment prints «134,0 Vượt KH» and «100,3 Vượt KH»; the report now says the same in its sentence and its
    appendix «% so với KH» (both empty before); a burden and a growth rate keep no ratio (rev18 R18-11)."""
    path = _book(tmp_path / "t.xlsx", RATIO_ROWS)
    by_row = {a.indicator.name: a for a in evaluate(read_workbook(path)).assessments}
    from kh_excel.core.numbers import format_ratio
    assert format_ratio(by_row["Tỷ lệ hộ nghèo giảm"].ratio) == "134,0"
    assert format_ratio(by_row["Tỷ lệ lao động qua đào tạo"].ratio) == "100,3"
    ctx = _ctx(path)
    lines = {x.split(":", 1)[0][2:]: x for x in _lines(ctx)}
    assert lines["Tỷ lệ hộ nghèo giảm"].startswith("- Tỷ lệ hộ nghèo giảm: thực hiện 5,36%, kế hoạch 4%, đạt 134,0% kế "
                                                    "hoạch")
    assert lines["Tỷ lệ lao động qua đào tạo"].startswith(
        "- Tỷ lệ lao động qua đào tạo: thực hiện 78,2%, kế hoạch 78%, đạt 100,3% kế hoạch")
    assert "kế hoạch" not in lines["Tỷ lệ hộ nghèo"].split("kế hoạch 4%", 1)[1]
    assert "đạt" not in lines["Tốc độ tăng trưởng kinh tế (GRDP)"].split(":", 1)[1].replace("không đạt", "")
    assert lines["Số doanh nghiệp thành lập mới"].startswith(
        "- Số doanh nghiệp thành lập mới: thực hiện 90 doanh nghiệp, kế hoạch 100 doanh nghiệp, đạt 90,0% kế hoạch")
    ratio = {r["ten"]: r["ty_le"] for r in ctx["pl"]["hang"] if r["loai"] != "muc"}
    assert ratio == {"Tỷ lệ hộ nghèo giảm": "134,0", "Tỷ lệ lao động qua đào tạo": "100,3", "Tỷ lệ hộ nghèo": "",
                     "Tốc độ tăng trưởng kinh tế (GRDP)": "", "Số doanh nghiệp thành lập mới": "90,0"}


def test_a_rate_of_change_or_an_estimate_about_a_share_has_no_ratio():
    """rev19 N-7: «Tỷ lệ tăng dân số tự nhiên» 1,0% against 1,1% was «đạt 90,9% kế hoạch»: a rate of change, no share.
    rev19 N-3: «Khoảng 95%» against 95% was «đạt 100,0% kế hoạch», a precision the cell never claims. A share read
    exactly keeps its ratio (96 against 95: 101,1%)."""
    from kh_excel.api import read_workbook
    from kh_excel.core.attainment import evaluate
    from kh_excel.core.model import Grid
    from kh_excel.docs.wording import shows_ratio
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"]
    rows = [["CÁC CHỈ TIÊU NĂM 2026"], head,
            ["1", "Tỷ lệ tăng dân số tự nhiên", "%", 1.1, 1.0, "Sở Y tế"],
            ["2", "Tỷ lệ trường đạt chuẩn quốc gia", "%", 95, "Khoảng 95%", "Sở GD&ĐT"],
            ["3", "Tỷ lệ bao phủ bảo hiểm y tế", "%", 95, 96, "BHXH tỉnh"]]
    att = evaluate(read_workbook(Grid(sheet="B", rows=rows), file="x.xlsx"))
    assert [shows_ratio(a) for a in att.assessments] == [False, False, True]
