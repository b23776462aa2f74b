"""A numbered row whose figures are all in its sub-rows («1 | Sản xuất lúa» over «- | Diện tích | Ha | 62.000»,
«- | Năng suất | Tạ/ha | 60», «- | Sản lượng | Tấn | 372.000») heads its parts (rev15 R15-7): no unit and no plan
are missing there, so the table is not refused. A row that merely lacks its plan still is an error: no sub-rows,
a sub-row without a plan, or a «Trong đó: …» sub-row (a part of a whole whose own figure is missing)."""
from __future__ import annotations

import pytest

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"]
LEAD = "Sở Nông nghiệp và Môi trường"


def _errors(rows):
    t = read_workbook(Grid(sheet="B", rows=[["CÁC CHỈ TIÊU NÔNG NGHIỆP NĂM 2026"], HEAD, *rows]), file="x.xlsx")
    return [(f.code, f.cell) for f in check(t).findings if f.severity == "error"]


@pytest.mark.parametrize("mark", ["-", "+", "a)"])
def test_a_row_whose_parts_carry_unit_and_plan_heads_them(mark):
    # row 3 «Sản xuất lúa»: no unit, no plan; its three parts each have a unit and a plan -> no error at C3, D3
    rows = [["1", "Sản xuất lúa", None, None, None, LEAD],
            [mark, "Diện tích", "Ha", 62000, 61500, None],
            [mark, "Năng suất", "Tạ/ha", 60, "61-62", None],
            [mark, "Sản lượng", "Tấn", 372000, "Khoảng 378.000", None],
            ["2", "Số xã đạt chuẩn nông thôn mới", "Xã", 48, 51, LEAD]]
    assert _errors(rows) == []


def test_a_row_without_parts_still_lacks_its_plan():
    rows = [["1", "Sản xuất lúa", None, None, None, LEAD],
            ["2", "Số xã đạt chuẩn nông thôn mới", "Xã", 48, 51, LEAD]]
    assert _errors(rows) == [("missing_unit", "C3"), ("missing_target", "D3")]


def _findings(rows):
    t = read_workbook(Grid(sheet="B", rows=[["CÁC CHỈ TIÊU NÔNG NGHIỆP NĂM 2026"], HEAD, *rows]), file="x.xlsx")
    return [(f.code, f.cell, f.severity) for f in check(t).findings]


def test_a_part_with_a_result_and_no_plan_is_said_at_its_own_cell():
    # rev20 R20-6: «Năng suất» has a result (62) but no plan: the parts still carry every figure of the row, so
    # «Sản xuất lúa» heads them (no error at C3, D3); the part is followed, not planned, warned at its D5 as an
    # indicator with a result and no plan is
    rows = [["1", "Sản xuất lúa", None, None, None, LEAD],
            ["-", "Diện tích", "Ha", 62000, 61500, None],
            ["-", "Năng suất", "Tạ/ha", None, 62, None]]
    got = _findings(rows)
    assert [f for f in got if f[2] == "error"] == []
    assert ("result_without_plan", "D5", "warning") in got


def test_a_part_with_no_figure_leaves_the_row_lacking_its_plan():
    # «Năng suất» has neither plan nor result: the figures are not all in the parts, the head's missing cells are said
    rows = [["1", "Sản xuất lúa", None, None, None, LEAD],
            ["-", "Diện tích", "Ha", 62000, 61500, None],
            ["-", "Năng suất", "Tạ/ha", None, None, None]]
    assert ("missing_unit", "C3") in _errors(rows) and ("missing_target", "D3") in _errors(rows)


def test_a_rate_whose_plans_are_on_its_parts_heads_them():
    """rev20 R20-6 (Lơ Ku 2021-2025): «8 | Tỷ lệ cấp giấy chứng nhận quyền sử dụng đất | % | (blank)» over «- Đất công
    | % | 100», «- Cá nhân | % | 80» («… đất công đạt 100%; cá nhân đạt 80%»): the unit of the heading does not make it
    an indicator lacking its plan. Results 100 and 70: Đất công 100 = 100 Đạt, Cá nhân 70 < 80 Không đạt; with Thu
    ngân sách 120 > 100 Vượt that is 2/3 met, the heading counted nowhere and never «chưa có số liệu»."""
    from kh_excel.docs import wording as W
    rows = [["1", "Tỷ lệ cấp giấy chứng nhận quyền sử dụng đất", "%", None, None, LEAD],
            ["-", "Đất công", "%", 100, 100, None],
            ["-", "Cá nhân", "%", 80, 70, None],
            ["2", "Thu ngân sách", "Tỷ đồng", 100, 120, LEAD]]
    assert _errors(rows) == []
    t = read_workbook(Grid(sheet="B", rows=[["CÁC CHỈ TIÊU NÔNG NGHIỆP NĂM 2026"], HEAD, *rows]), file="x.xlsx")
    att = check(t).attainment
    s = att.summary
    assert (s.evaluated, s.counts["dat"] + s.counts["vuot"], s.counts["khong_dat"], s.counts["chua_co_so_lieu"]) \
        == (3, 2, 1, 0)
    got = [e.result for e in W.items(att.assessments)]
    assert len(got) == 3 and not any(r.startswith("Tỷ lệ cấp giấy chứng nhận quyền sử dụng đất:") for r in got)


REPORT_HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2023", "Thực hiện quý I năm 2022",
               "Thực hiện quý I năm 2023"]


def test_a_heading_whose_parts_carry_only_results_heads_them():
    """rev20 R20-6 (Tân Châu quý I/2023): «6 | Kéo giảm tai nạn giao thông | | » over «- Số vụ | Vụ | | 4 | 6», «- Số
    người bị thương | Người | | 2 | 5»: the parts are the figures (6 vụ, 5 người), none planned. No error at C3/D3;
    each part warned as followed, not planned (D4, D5); no entry «Kéo giảm tai nạn giao thông: chưa có số liệu»."""
    from kh_excel.docs import wording as W
    rows = [["1", "Kéo giảm tai nạn giao thông", None, None, None, None],
            ["-", "Số vụ", "Vụ", None, 4, 6],
            ["-", "Số người bị thương", "Người", None, 2, 5]]
    t = read_workbook(Grid(sheet="B", rows=[["KẾT QUẢ QUÝ I NĂM 2023"], REPORT_HEAD, *rows]), file="x.xlsx")
    ch = check(t)
    got = [(f.code, f.cell) for f in ch.findings if f.severity == "error"]
    assert got == []
    assert [f.cell for f in ch.findings if f.code == "result_without_plan"] == ["D4", "D5"]
    entries = [e.result for e in W.items(ch.attainment.assessments)]
    assert len(entries) == 2 and entries[0].startswith("Số vụ") and "thực hiện 6\xa0vụ" in entries[0]
    assert not any("chưa có số liệu" in e for e in entries)


def test_a_row_with_a_unit_and_no_parts_still_lacks_its_plan():
    # «Tỷ lệ cấp giấy chứng nhận … | %» with no plan and nothing under it: an indicator lacking its plan (D3)
    rows = [["1", "Tỷ lệ cấp giấy chứng nhận quyền sử dụng đất", "%", None, None, LEAD],
            ["2", "Thu ngân sách", "Tỷ đồng", 100, 120, LEAD]]
    assert _errors(rows) == [("missing_target", "D3")]


def test_parts_with_a_unit_and_no_figure_do_not_excuse_the_row():
    # the parts name what is to be planned but carry nothing: the row lacks its plan (D3), as before
    rows = [["1", "Tỷ lệ cấp giấy chứng nhận quyền sử dụng đất", "%", None, None, LEAD],
            ["-", "Đất công", "%", None, None, None],
            ["-", "Cá nhân", "%", None, None, None]]
    assert _errors(rows) == [("missing_target", "D3")]


@pytest.mark.parametrize("unit", [None, "%"])
def test_a_structure_is_one_indicator_not_a_heading(unit):
    """«Cơ cấu kinh tế» blank over its shares is a structure, not a heading of parts, with or without its «%»:
    the structure and its two shares (Nông nghiệp 58 against 60, Dịch vụ 42 against 40) are ONE indicator, judged
    on its own row, and Thu ngân sách (120 against 100) another: 2 evaluated, never 1 (on main a structure without
    its «%» was dropped as a heading and its shares as its parts, leaving only Thu ngân sách)."""
    rows = [["1", "Cơ cấu kinh tế", unit, None, None, LEAD],
            ["-", "Nông nghiệp", "%", 60, 58, None],
            ["-", "Dịch vụ", "%", 40, 42, None],
            ["2", "Thu ngân sách", "Tỷ đồng", 100, 120, LEAD]]
    assert _errors(rows) == []
    t = read_workbook(Grid(sheet="B", rows=[["CÁC CHỈ TIÊU NÔNG NGHIỆP NĂM 2026"], HEAD, *rows]), file="x.xlsx")
    assert check(t).attainment.summary.evaluated == 2


def test_a_part_of_a_whole_does_not_excuse_the_whole():
    # «Trong đó: …» is a part of the row's own figure, which is missing
    rows = [["1", "Số xã đạt chuẩn nông thôn mới", None, None, None, LEAD],
            [None, "Trong đó: xã đạt chuẩn nông thôn mới nâng cao", "Xã", 12, 13, None]]
    assert _errors(rows) == [("missing_unit", "C3"), ("missing_target", "D3")]


def _entries(rows):
    from kh_excel.docs import wording as W
    t = read_workbook(Grid(sheet="B", rows=[["CÁC CHỈ TIÊU NÔNG NGHIỆP NĂM 2026"], HEAD, *rows]), file="x.xlsx")
    return [(e.status, e.result) for e in W.items(check(t).attainment.assessments)]


def test_a_report_states_the_parts_under_the_heading_name_and_not_the_heading():
    # 61.500/62.000 ha: Không đạt; 62 against 60 tạ/ha: Vượt. «Sản xuất lúa» has nothing of its own to state:
    # no entry «Sản xuất lúa: chưa có số liệu», counted nowhere; each part names it
    rows = [["1", "Sản xuất lúa", None, None, None, LEAD],
            ["-", "Diện tích", "Ha", 62000, 61500, None],
            ["-", "Năng suất", "Tạ/ha", 60, 62, None]]
    got = _entries(rows)
    assert [s for s, _ in got] == ["khong_dat", "vuot"]
    assert got[0][1].startswith("Diện tích (Sản xuất lúa): ") and got[1][1].startswith("Năng suất (Sản xuất lúa): ")


def test_a_whole_without_its_figure_is_still_stated():
    # «Số xã …» over «Trong đó: …»: the whole's own figure is missing, and the report says so
    rows = [["1", "Số xã đạt chuẩn nông thôn mới", None, None, None, LEAD],
            [None, "Trong đó: xã đạt chuẩn nông thôn mới nâng cao", "Xã", 12, 13, None]]
    assert _entries(rows)[0][1].startswith("Số xã đạt chuẩn nông thôn mới")


def test_the_appendix_gives_the_heading_no_verdict_of_its_own():
    from kh_excel.docs.context import _appendix_rows
    rows = [["1", "Sản xuất lúa", None, None, None, LEAD],
            ["-", "Diện tích", "Ha", 62000, 61500, None],
            ["-", "Năng suất", "Tạ/ha", 60, 62, None]]
    t = read_workbook(Grid(sheet="B", rows=[["CÁC CHỈ TIÊU NÔNG NGHIỆP NĂM 2026"], HEAD, *rows]), file="x.xlsx")
    got = [r.get("danh_gia") for r in _appendix_rows(t, check(t).attainment.assessments) if "danh_gia" in r]
    assert got == ["", "Không đạt", "Vượt KH"]   # 61.500 < 62.000; 62 > 60


def test_a_heading_of_parts_is_not_counted_as_an_indicator_not_judged(tmp_path):
    """note12 (rw): «1 | Sản xuất lúa» with no unit and no figure over «- Diện tích | Ha | 62.000 | 61.000» and «- Sản
    lượng | Tấn | 372.000 | 380.000»: the documents left it out, while `attainment` added «1 chỉ tiêu không đánh giá
    bằng số». Counted by hand: Diện tích 61.000 < 62.000 Không đạt, Sản lượng 380.000 > 372.000 Vượt, Thu ngân sách
    120 > 100 Vượt: 2/3, nothing «không đánh giá»."""
    from kh_excel.core.attainment import evaluate
    from kh_excel.core.model import Grid
    from kh_excel.api import read_workbook
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"]
    rows = [["CÁC CHỈ TIÊU NĂM 2026"], head, ["1", "Sản xuất lúa", None, None, None, "Phòng NN"],
            ["-", "Diện tích", "Ha", 62000, 61000, "Phòng NN"], ["-", "Sản lượng", "Tấn", 372000, 380000, "Phòng NN"],
            ["2", "Thu ngân sách", "Tỷ đồng", 100, 120, "Phòng TC"]]
    att = evaluate(read_workbook(Grid(sheet="B", rows=rows), file="x.xlsx"))
    assert att.summary.counts["khong_danh_gia"] == 0 and att.summary.evaluated == 3
    assert (att.summary.counts["vuot"], att.summary.counts["khong_dat"]) == (2, 1)
    assert att.summary.sentence.startswith("Năm 2026, có 2/3 chỉ tiêu đạt và vượt kế hoạch; 1 chỉ tiêu không đạt")
    assert "không đánh giá" not in att.summary.sentence
    # a heading with a figure of its own is an indicator, and counted
    rows[2] = ["1", "Sản xuất lúa", None, None, "Đạt", "Phòng NN"]
    att = evaluate(read_workbook(Grid(sheet="B", rows=rows), file="x.xlsx"))
    assert sum(att.summary.counts.values()) == 4
