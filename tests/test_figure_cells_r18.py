"""What a figure cell says (rev18 R18-4, R18-5, R18-9, R18-15): the previous year's column read by the result's rule,
«Gần X», a plan with its stretch target, a bare «a/b» count, an estimate's bound, a unit that is a sign or a ratio."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from helpers import docx_paragraphs
from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.gate import Refused, check, gate
from kh_excel.core.numbers import parse_result_text, parse_target
from kh_excel.docs import wording as W
from kh_excel.docs.api import render_document

PLAN_HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Ước thực hiện năm 2025", "Kế hoạch năm 2026", "Cơ quan chủ trì"]
REPORT_HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024", "Kế hoạch năm 2025", "Thực hiện năm 2025",
               "Cơ quan chủ trì"]


def book(path, head: list, rows: list[list], title: str = "BIỂU CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append([title])
    ws.append(head)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def codes_at(findings, cell: str) -> list[tuple[str, str]]:
    """The figure findings at a cell (a footnote mark with no note under the table is another matter)."""
    return [(f.severity, f.code) for f in findings if f.cell == cell and f.code != "footnote_without_note"]


def doc_text(rendered) -> str:
    """The document's text, a non-breaking space read as a space."""
    return "\n".join(docx_paragraphs(rendered.docx)).replace("\u00a0", " ")


# ------------------------------------------------------------------ R18-4: the previous year's column


def test_previous_year_cell_is_read_by_the_result_rule(tmp_path):
    """«46*» reads 46 in the result column with a warning: in the previous year's column too (it was an error). A range
    «3,6 - 4,1» is no single figure: warned, not compared (no previous figure), never an error. A text that is no
    figure at all («12abc») stays an error, as it is in the result column."""
    path = book(tmp_path / "t.xlsx", REPORT_HEAD, [
        ["1", "Tỷ số tử vong mẹ", "ca", "46*", 52, "46*", "Sở Y tế"],
        ["2", "Chỉ số giá tiêu dùng", "%", "3,6 - 4,1", "Dưới 4,5", 3.2, "Sở Tài chính"],
        ["3", "Tổng thu ngân sách", "tỷ đồng", "12abc", 1000, 1100, "Sở Tài chính"],
    ], title="BIỂU CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025")
    table = read_workbook(path)
    assert table.columns["previous"] == 3
    mother, cpi, budget = table.indicators
    assert mother.previous == Decimal(46) and mother.result == Decimal(46)  # «46*» both: the mark aside
    assert cpi.previous is None and cpi.previous_reading.kind == "range"
    assert (cpi.previous_reading.bounds.value, cpi.previous_reading.bounds.high) == (Decimal("3.6"), Decimal("4.1"))
    checked = check(table)
    assert codes_at(checked.findings, "D3") == [("warning", "previous_expression")]
    assert codes_at(checked.findings, "F3") == [("warning", "result_expression")]
    assert codes_at(checked.findings, "D4") == [("warning", "previous_expression")]
    assert "không so sánh" in next(f.message for f in checked.findings if f.cell == "D4")
    assert codes_at(checked.findings, "D5") == [("error", "not_a_number")]
    # the maternal death ratio: 46 against 46 the year before, no change; its plan (52, a burden: 46 ≤ 52) is met
    att = evaluate(table)
    assert att.assessments[0].status in ("dat", "vuot")


def test_plan_document_is_not_stopped_by_a_cell_it_never_states(tmp_path):
    """A plan's appendix has no previous-year column: an error there (a text that is no figure, «12abc») does not stop
    ke-hoach, which says which cell to fix; the report, which states that column, is still refused; an error in the
    plan column (what a plan states) still stops the plan."""
    bad_previous = book(tmp_path / "p.xlsx", PLAN_HEAD, [
        ["1", "Tổng thu ngân sách nhà nước", "tỷ đồng", "12abc", 1200, "Phòng Tài chính"],
        ["2", "Số xã đạt chuẩn nông thôn mới", "xã", 5, 7, "Phòng Kinh tế"],
    ])
    done = render_document(bad_previous, "ke-hoach", tmp_path / "kh.docx")
    text = doc_text(done)
    assert "Tổng thu ngân sách nhà nước: đạt 1.200 tỷ đồng" in text and "12abc" not in text
    assert any("ô D3" in w and "lỗi" in w for w in done.warnings)
    table = read_workbook(bad_previous)
    with pytest.raises(Refused):
        gate(table, report=True)
    bad_plan = book(tmp_path / "q.xlsx", PLAN_HEAD, [
        ["1", "Tổng thu ngân sách nhà nước", "tỷ đồng", 1100, "12abc", "Phòng Tài chính"],
    ])
    with pytest.raises(Refused):
        render_document(bad_plan, "ke-hoach", tmp_path / "kh2.docx")


# ------------------------------------------------------------------ R18-5: «Gần», a stretch target, «a/b»


def test_nearly_is_an_estimate_word():
    """«Gần 595.000» (Hà Nội's 2025 estimate) is about 595.000, as «Xấp xỉ 595.000» is; a sentence keeps «gần»."""
    for text, value in (("Gần 595.000", Decimal(595000)), ("gần 5.000", Decimal(5000)), ("Gần 6,5%", Decimal("6.5"))):
        rr = parse_result_text(text)
        assert rr is not None and rr.kind == "about" and rr.point == value
        assert parse_target(text).op == "~"
    assert W.bound_words(parse_target("Gần 5.000"), "USD") == "gần 5.000\u00a0USD"
    assert W.bound_words(parse_target("Xấp xỉ 5.000"), "USD") == "khoảng 5.000\u00a0USD"
    assert parse_result_text("Gần đạt") is None or parse_result_text("Gần đạt").point is None  # no figure: none read


def test_stretch_target_split():
    from kh_excel.core.numbers import stretch_target
    assert stretch_target("6,5-7, phấn đấu 7-7,5") == ("6,5-7", "7-7,5")
    assert stretch_target("Trên 8 (phấn đấu 10)") == ("Trên 8", "10")
    assert stretch_target("95%; phấn đấu đạt 97%") == ("95%", "97%")
    assert stretch_target("Phấn đấu đạt 8") is None  # one plan, no base before it
    assert stretch_target("Duy trì, phấn đấu nâng cao 5 xã") is None  # no figure before «phấn đấu»
    assert stretch_target("8, phấn đấu") is None


def test_base_target_is_judged_and_the_stretch_kept_as_written(tmp_path):
    """NQ 158/2024/QH15: GDP «6,5-7, phấn đấu 7-7,5» beside «Trên 8»: the base 6,5–7 is the plan; every value above 8
    exceeds 7, so Vượt KH. The documents write the plan and its stretch; a warning says the stretch is not judged."""
    path = book(tmp_path / "qh.xlsx", ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Ước thực hiện năm 2025",
                                       "Cơ quan chủ trì"], [
        ["1", "Tốc độ tăng tổng sản phẩm trong nước (GDP)", "%", "6,5-7, phấn đấu 7-7,5", "Trên 8", "Chính phủ"],
        ["2", "GDP bình quân đầu người", "USD", 4900, "Gần 5.000", "Chính phủ"],
    ], title="CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025")
    table = read_workbook(path)
    gdp, per_head = table.indicators
    assert (gdp.target.op, gdp.target.value, gdp.target.high) == ("range", Decimal("6.5"), Decimal(7))
    assert gdp.target.text == "6,5-7, phấn đấu 7-7,5"
    assert per_head.result == Decimal(5000)  # «Gần 5.000»: was «không phải là số»
    checked = check(table)
    assert not checked.errors
    assert codes_at(checked.findings, "D3") == [("warning", "stretch_target")]
    assert checked.attainment.assessments[0].status == "vuot"
    report = render_document(path, "bao-cao", tmp_path / "bc.docx")
    text = doc_text(report)
    assert "kế hoạch 6,5-7%, phấn đấu 7-7,5%" in text
    assert "6,5-7, phấn đấu 7-7,5" in docx_paragraphs(report.docx)  # the appendix cell as written
    assert "ước thực hiện gần 5.000 USD" in text
    plan = render_document(path, "ke-hoach", tmp_path / "kh.docx")
    assert "đạt 6,5-7%, phấn đấu 7-7,5%" in doc_text(plan)


def test_a_bare_count_of_its_total(tmp_path):
    """«04/09» beside «Thôn, làng» is 4 of the 9 villages (kbang.gialai.gov.vn); beside «tỷ đồng» (no count), a date
    «1/2/2024» or a month «12/2025», and a count above its total «10/9», nothing is read: each an error."""
    path = book(tmp_path / "ct.xlsx", ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch giai đoạn 2020-2025",
                                       "Cơ quan chủ trì"], [
        ["1", "Số thôn, làng đạt chuẩn nông thôn mới", "Thôn, làng", "04/09", "Phòng Kinh tế"],
        ["2", "Số trường đạt chuẩn quốc gia", "Số trường", "7/12", "Phòng Giáo dục"],
        ["3", "Thu ngân sách", "tỷ đồng", "3/4", "Phòng Tài chính"],
        ["4", "Số xã đạt chuẩn", "xã", "1/2/2024", "Phòng Kinh tế"],
        ["5", "Số hộ được hỗ trợ", "hộ", "12/2025", "Phòng Lao động"],
        ["6", "Số xã đạt chuẩn y tế", "xã", "10/9", "Phòng Y tế"],
    ], title="CHỈ TIÊU NHIỆM KỲ 2020-2025")
    table = read_workbook(path)
    villages, schools, budget, date, month, over = table.indicators
    assert (villages.target.op, villages.target.value, villages.target.text) == ("=", Decimal(4), "04/09")
    assert schools.target.value == Decimal(7)
    for ind in (budget, date, month, over):
        assert ind.target.value is None, ind.name
    checked = check(table)
    assert codes_at(checked.findings, "D3") == [("warning", "count_of_total")]
    for cell in ("D5", "D6", "D7", "D8"):
        assert ("error", "not_a_number") in codes_at(checked.findings, cell), cell


def test_a_ratio_unit_has_no_count():
    """«46/100» beside the unit «/100.000 trẻ đẻ sống» or «%» is no count of a total."""
    from kh_excel.core.table import _unit_stripped
    assert _unit_stripped("46/100", "/100.000 trẻ đẻ sống") is None
    assert _unit_stripped("46/100", "%") is None
    assert _unit_stripped("46/100", "người/1.000 dân") is None
    assert _unit_stripped("16/16", "Xã") == "16"


# ------------------------------------------------------------------ R18-9: an estimate's bound


def test_an_estimate_column_states_a_bound_as_an_estimate(tmp_path):
    """In «Ước thực hiện năm 2021», «Trên 20.900» is an estimate as the plain figures beside it are (baoquangngai.vn:
    «ước đạt trên 20.900 tỷ đồng»); words («Hoàn thành») keep their own verb."""
    path = book(tmp_path / "qn.xlsx", ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2021", "Ước thực hiện năm 2021",
                                       "Cơ quan chủ trì"], [
        ["1", "Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", 18033, "Trên 20.900", "Sở Tài chính"],
        ["2", "Giá trị sản xuất công nghiệp", "tỷ đồng", 127166, 120553, "Sở Công Thương"],
        ["3", "Xây dựng đề án chuyển đổi số", "Đề án", "Hoàn thành", "Hoàn thành", "Sở Thông tin"],
    ], title="CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2021")
    text = doc_text(render_document(path, "bao-cao", tmp_path / "bc.docx"))
    assert "ước thực hiện trên 20.900 tỷ đồng" in text
    assert "ước thực hiện 120.553 tỷ đồng" in text
    assert "ước hoàn thành" not in text


# ------------------------------------------------------------------ R18-15: a unit that is a sign or a ratio


def test_sign_and_ratio_units_stay_on_their_figure():
    assert W.amount("46", "/100.000") == "46/100.000"
    assert W.amount("46", "/100.000 trẻ đẻ sống") == "46/100.000 trẻ đẻ sống"
    assert W.amount("100", "% chỉ tiêu") == "100% chỉ tiêu"
    assert W.amount("10,5", "%") == "10,5%"
    assert W.amount("155.000", "Tỷ đồng") == "155.000\u00a0tỷ\u00a0đồng"  # a word unit keeps its space


def test_a_count_of_its_total_is_never_advised_to_be_retyped_as_a_number():
    """rev19 N-4: «04/09» (thôn, làng) was warned «Nên nhập lại dạng số»: retyped, the «/09» is lost and Excel makes
    a date of it. It is said as read, 4 of a total of 9; a plain number as text keeps its own advice."""
    from kh_excel.api import read_workbook
    from kh_excel.core.model import Grid
    from kh_excel.core.validation import validate
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"]
    rows = [["CÁC CHỈ TIÊU NĂM 2026"], head,
            ["1", "Số thôn, làng đạt chuẩn nông thôn mới", "Thôn, làng", "04/09", 4, "UBND xã"],
            ["2", "Thu ngân sách", "Tỷ đồng", "120", 118, "UBND xã"]]
    said = {f.cell: f for f in validate(read_workbook(Grid(sheet="B", rows=rows), file="x.xlsx"))
            if f.code in ("count_of_total", "number_as_text")}
    assert said["D3"].code == "count_of_total" and "đọc là 4 (trên tổng số 9)" in said["D3"].message
    assert "nhập lại" not in said["D3"].message
    assert said["D4"].code == "number_as_text" and "Nên nhập lại dạng số" in said["D4"].message
