"""Rows that belong to one year only, rows with a result and no plan, goals stated in words (rev18 R18-6, R18-7).

A «kết quả năm N và kế hoạch năm N+1» table holds indicators of one year only: a row with nothing of year N (no plan,
no result) but a figure of another year is no indicator of year N's document; it is left out of it and said in one
warning naming the rows. A row with a result and no plan (a row followed: «Kim ngạch xuất khẩu 1.680» with no plan)
is a warning: a report states it «không có số kế hoạch», a plan document leaves it out. A row with no figure of any
year stays an error (a plan document would list it as a target with no level). A name that is a sentence stating
the goal («Đến năm 2025 xây dựng xã …») needs neither plan nor unit. Every table is built here; the expected rows
are read off the rows by hand.
"""
from __future__ import annotations

import pytest

from helpers import docx_paragraphs
from kh_excel.api import read_workbook
from kh_excel.core.gate import Refused, gate
from kh_excel.core.model import Grid
from kh_excel.core.validation import validate

HEAD = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025", "Ước thực hiện năm 2025", "Kế hoạch năm 2026",
        "Cơ quan chủ trì"]
KT, VH = "Phòng Kinh tế", "Phòng Văn hóa - Xã hội"
# Sheet rows 3.. (title on row 1, header on row 2):
TWO_YEARS = [
    ["1", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 100, 110, 120, KT],  # row 3: both years
    ["2", "Thu nhập bình quân đầu người", "Triệu đồng", None, None, 78, KT],            # row 4: 2026 only
    ["3", "Giải quyết việc làm mới", "Lao động", None, 458, None, VH],                   # row 5: 2025 result only
    ["4", "Tỷ lệ hộ nghèo", "%", 1, 0.9, 0.8, VH],                                       # row 6: both years
    ["5", "Tỷ lệ lao động qua đào tạo", "%", 78, 78.2, None, VH],                       # row 7: 2025 only
]


def _grid(body, head=HEAD, title="KẾT QUẢ THỰC HIỆN NĂM 2025 VÀ KẾ HOẠCH NĂM 2026"):
    return Grid(sheet="Biểu 01", rows=[[title], head, *body])


def _rows(checked):
    return [a.indicator.row for a in checked.attainment.assessments]


def _said(findings, code):
    return [f for f in findings if f.code == code]


def test_report_of_year_n_leaves_out_the_rows_of_year_n_plus_1_only():
    """2025 report: row 4 has neither a 2025 plan nor a 2025 result (only «78» in «Kế hoạch năm 2026»): it is no
    2025 indicator. Row 5 has a 2025 result (458) and no plan: followed, stated, a warning. Nothing refuses."""
    table = read_workbook(_grid(TWO_YEARS))
    checked = gate(table, report=True)  # (main: refused for D4 and D5, «chưa có số kế hoạch»)
    assert _rows(checked) == [3, 5, 6, 7]
    assert not checked.errors
    (left,) = _said(checked.findings, "other_year_rows")
    assert left.severity == "warning" and left.cell == "D4"
    assert "1 dòng (4: «Thu nhập bình quân đầu người»)" in left.message
    assert "cột F «Kế hoạch năm 2026»" in left.message
    (followed,) = _said(checked.findings, "result_without_plan")
    assert (followed.cell, followed.severity) == ("D5", "warning")
    status = {a.indicator.row: a for a in checked.attainment.assessments}
    assert status[5].status == "khong_danh_gia" and status[5].ratio is None  # 458, no plan: not judged


def test_plan_of_year_n_plus_1_leaves_out_the_rows_dropped_from_it():
    """2026 plan (read for a plan document: «Kế hoạch năm 2026»): rows 5 (2025 result only) and 7 (2025 plan and
    result, no 2026 plan) are 2025 indicators dropped from 2026; rows 3, 4, 6 have their 2026 plans 120, 78, 0,8."""
    table = read_workbook(_grid(TWO_YEARS), plan=True)
    checked = gate(table, report=False)  # (main: refused for F5 and F7)
    assert _rows(checked) == [3, 4, 6]
    (left,) = _said(checked.findings, "other_year_rows")
    assert "2 dòng (5, 7: «Giải quyết việc làm mới», «Tỷ lệ lao động qua đào tạo»)" in left.message
    assert "kỳ «Kế hoạch năm 2026»" in left.message


def test_a_result_with_no_plan_is_stated_without_a_plan_and_left_out_of_the_plan(tmp_path):
    """One year (Quảng Ngãi 2021): «Kim ngạch xuất khẩu» 1.680 triệu USD with no plan. The report writes it «ước
    thực hiện 1.680 triệu USD, không có số kế hoạch» by default (main refused it); a plan document made from the
    same table does not list it among the targets («Phấn đấu … - Kim ngạch xuất khẩu;» would be a target with no
    level), the 2021 plan of 18.033 is stated."""
    import openpyxl
    from kh_excel.docs.api import render_document
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"])
    ws.append(["ƯỚC THỰC HIỆN MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2021"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2021", "Ước thực hiện năm 2021", "Cơ quan chủ trì"])
    ws.append(["1", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 18033, 20900, "Sở Tài chính"])
    ws.append(["2", "Kim ngạch xuất khẩu", "Triệu USD", None, 1680, "Sở Công Thương"])
    src = tmp_path / "qn.xlsx"
    wb.save(src)
    report = render_document(src, "bao-cao", tmp_path / "bc.docx")
    text = "\n".join(docx_paragraphs(report.docx)).replace("\xa0", " ")  # (a figure and its unit kept together)
    assert "Kim ngạch xuất khẩu: ước thực hiện 1.680 triệu USD, không có số kế hoạch" in text
    plan = render_document(src, "ke-hoach", tmp_path / "kh.docx")
    body = [p.replace("\xa0", " ") for p in docx_paragraphs(plan.docx) if p.startswith("- ")]
    assert any("Tổng thu ngân sách nhà nước trên địa bàn: đạt 18.033 tỷ đồng" in p for p in body)
    assert not any("Kim ngạch xuất khẩu" in p for p in body)
    assert any("«Kim ngạch xuất khẩu»" in w and "không đưa vào văn bản" in w for w in plan.warnings)


def test_a_row_with_no_figure_of_any_year_is_still_refused():
    """Must NOT fire: row 4 has no plan, no result, nothing of any year (a plan forgotten, not another year's row):
    every plan document would list «Thu nhập bình quân đầu người» as a 2026 target with no level. An error, as before,
    in the report's reading and in the plan's."""
    body = [list(TWO_YEARS[0]), ["2", "Thu nhập bình quân đầu người", "Triệu đồng", None, None, None, KT]]
    for plan in (False, True):
        with pytest.raises(Refused) as exc:
            gate(read_workbook(_grid(body), plan=plan), report=not plan)
        assert [(f.code, f.cell) for f in exc.value.errors] == [("missing_target", "F4" if plan else "D4")]


def test_a_goal_stated_in_words_and_a_heading_of_the_year_are_kept():
    """Must NOT fire: «Duy trì xã đạt chuẩn quốc gia về y tế» (row 7) has no plan in either year and no result; its
    name states the goal, so it is an indicator of both documents (a warning only), not another year's row; nor is
    the heading «Sản xuất lúa» (row 4, no figure) whose parts (rows 5, 6) carry figures of both years."""
    body = [list(TWO_YEARS[0]),
            ["2", "Sản xuất lúa", None, None, None, None, KT],                                    # row 4
            ["-", "Diện tích", "Ha", 500, 510, 520, None],                                       # row 5
            ["-", "Sản lượng", "Tấn", 3000, 3100, 3200, None],                                   # row 6
            ["3", "Duy trì xã đạt chuẩn quốc gia về y tế", None, None, None, None, VH]]            # row 7
    for plan in (False, True):
        checked = gate(read_workbook(_grid(body), plan=plan), report=not plan)
        assert {5, 6, 7} <= set(_rows(checked))
        assert not _said(checked.findings, "other_year_rows")
        assert ("missing_target_qualitative", "F7" if plan else "D7") in {(f.code, f.cell) for f in checked.findings}


def test_parts_with_only_next_years_plan_are_left_out_of_the_report():
    """Chư Păh 2023 (R18-12's shape): «Tổng giá trị sản xuất» (row 3) has its 2023 plan and result, its parts (rows 4,
    5) only their 2024 plans (3.621,68 and 5.341,04): the 2023 report states the total alone, never «nông nghiệp chưa
    có số liệu (kế hoạch )»; the 2024 plan states all three."""
    body = [["1", "Tổng giá trị sản xuất", "Tỷ đồng", 8184.2, 8185, 8962.72, KT],
            ["-", "Nông, lâm nghiệp, thủy sản", "Tỷ đồng", None, None, 3621.68, None],
            ["-", "Công nghiệp - xây dựng", "Tỷ đồng", None, None, 5341.04, None]]
    checked = gate(read_workbook(_grid(body)), report=True)
    assert _rows(checked) == [3]
    (left,) = _said(checked.findings, "other_year_rows")
    assert "2 dòng (4–5: «Nông, lâm nghiệp, thủy sản» (phần của dòng 3)" in left.message
    assert _rows(gate(read_workbook(_grid(body), plan=True), report=False)) == [3, 4, 5]


# --------------------------------------------------------------------------- R18-7: goals stated in words

TERM_HEAD = ["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu nhiệm kỳ 2020-2025", "Cơ quan chủ trì"]


def _term(*names):
    body = [["1", "Thu nhập bình quân đầu người đến năm 2025", "Triệu đồng/năm", 45, "UBND xã"]]
    body += [[str(i), name, None, None, "UBND xã"] for i, name in enumerate(names, 2)]
    return validate(read_workbook(_grid(body, TERM_HEAD, "CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020-2025")))


@pytest.mark.parametrize("name", [
    "Đến năm 2025 xây dựng xã cơ bản đạt nông thôn mới nâng cao",  # Sơn Lang row 13, as published
    "Năm 2025, hoàn thành 19/19 tiêu chí nông thôn mới",
    "Đạt chuẩn quốc gia về y tế",
    "Trong giai đoạn 2021 - 2025: giữ vững an ninh chính trị",
])
def test_a_name_stating_its_goal_needs_neither_plan_nor_unit(name):
    """A sentence opening (after a time phrase) with a verb of doing or achieving states the goal: no plan and no
    unit are warnings (main: «Đến năm 2025 xây dựng …» two errors, C4 and D4; the row is sheet row 4)."""
    found = {(f.code, f.cell, f.severity) for f in _term(name) if f.row == 4}
    assert found == {("missing_unit_qualitative", "C4", "warning"), ("missing_target_qualitative", "D4", "warning")}


@pytest.mark.parametrize("name", [
    "Số xã đạt chuẩn nông thôn mới",     # a count: «đạt» inside a noun phrase states no goal
    "Đất trồng lúa",                      # folded, «Đất» would read as «Đạt»
    "Đến năm 2025 tỷ lệ hộ nghèo",        # a time phrase alone, no verb
])
def test_a_measure_without_plan_or_unit_is_still_an_error(name):
    """Must NOT fire: a measure's name (a noun first) with no plan and no unit: two errors, as before."""
    found = {(f.code, f.cell, f.severity) for f in _term(name) if f.row == 4}
    assert found == {("missing_unit", "C4", "error"), ("missing_target", "D4", "error")}


def test_a_heading_of_marked_rows_of_the_year_is_never_left_out():
    """rev19 REG-1 (gtsx row 60): «2. Dịch vụ chăn nuôi» has only last year's figure (a SUM of its rows), no 2026
    plan; the marked rows below it have 2026 plans. Left out, its rows were named under «1. Dịch vụ trồng trọt» in the
    signed plan. It heads them: kept. A marked row with only last year's figure («- DV khác») is still left out."""
    from kh_excel.core.validation import other_year_rows
    head = ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Cơ quan chủ trì"]
    body = [["1", "Giá trị dịch vụ nông nghiệp", "Tỷ đồng", 20, 22, KT],   # row 3
            [None, "1. Dịch vụ trồng trọt", None, 12, 13, KT],            # row 4
            [None, "- DV làm đất", None, 3, 3.2, KT],                     # row 5
            [None, "- DV khác", None, 1, None, KT],                       # row 6: last year only, a marked row
            [None, "2. Dịch vụ chăn nuôi", None, 8, None, KT],            # row 7: heads rows 8-9 of 2026
            [None, "- DV kiểm dịch", None, 2, 2.1, KT],                   # row 8
            [None, "- Lợn con giống", None, 0.3, 0.35, KT]]               # row 9
    table = read_workbook(_grid(body, head, "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026"), file="x.xlsx")
    assert [ind.row for ind in other_year_rows(table, plan=True)] == [6]


def test_a_goal_verb_with_a_figure_of_another_year_is_another_years_row():
    """rev19 REG-2: «Xây dựng xã đạt chuẩn nông thôn mới | Xã | 3 (2025) | — (plan 2026) | — (2026)» was taken for a
    goal in words and listed in the 2026 report as «chưa có số liệu». It counts communes, with 2025's figure only:
    another year's row, left out. The same sentence with no figure at all stays a goal in words (kept, warned)."""
    from kh_excel.core.validation import is_qualitative, other_year_rows
    head = ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
            "Cơ quan chủ trì"]
    body = [["1", "Tổng thu ngân sách nhà nước", "Tỷ đồng", 100, 120, 118, KT],          # row 3
            ["2", "Xây dựng xã đạt chuẩn nông thôn mới", "Xã", 3, None, None, KT],         # row 4: 2025 only
            ["3", "Duy trì xã đạt chuẩn quốc gia về y tế", None, None, None, None, VH]]     # row 5: words
    table = read_workbook(_grid(body, head, "KẾT QUẢ THỰC HIỆN NĂM 2026"), file="x.xlsx")
    assert [ind.row for ind in other_year_rows(table)] == [4]
    assert [is_qualitative(ind) for ind in table.indicators] == [False, False, True]


def test_a_note_whose_mark_only_a_left_out_row_carries_is_no_note_of_the_document():
    """rev19 REG-3 (rev18/14): «Tỷ số tử vong mẹ | 46*» in the year before's column only, no plan of 2026: left out of
    the plan. The note «* Số liệu Tổng điều tra …» under the table qualified that figure alone, yet the plan's appendix
    printed it, no cell of it carrying «*». The unmarked note stays."""
    from kh_excel.core.gate import check
    from kh_excel.docs.context import appendix_notes
    head = ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Cơ quan chủ trì"]
    body = [["1", "Tỷ lệ bao phủ bảo hiểm y tế", "%", 92, 95, VH],                   # row 3
            ["2", "Tỷ số tử vong mẹ", "/100.000 trẻ đẻ sống", "46*", None, VH],       # row 4: 2025 only, marked
            [None, None, None, None, None, None],
            ["* Số liệu Tổng điều tra dân số và nhà ở 2019."],
            ["Ghi chú: số liệu năm 2025 là ước thực hiện."]]
    table = read_workbook(_grid(body, head, "KẾ HOẠCH NĂM 2026"), file="x.xlsx")
    assert len(table.notes) == 2
    shown = check(table, plan=True).attainment
    assert [a.indicator.row for a in shown.assessments] == [3]
    notes = appendix_notes(shown.table, shown.assessments, ("target",))
    assert notes == ["số liệu năm 2025 là ước thực hiện."]  # (the «Ghi chú:» heading aside, README)
