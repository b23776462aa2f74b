"""A note (Ghi chú) by which the table itself takes a row out of the judgement («Chỉ tiêu đã điều chỉnh, không đánh
giá», «Không giao chỉ tiêu năm nay»): the row is «Không đánh giá» with the note quoted as the reason, never
Vượt/Đạt/Không đạt, in attainment, the appendix and every document (rev9 #7, t07 row 7). A note that speaks of
«đánh giá» in another sense («Đánh giá theo Bộ tiêu chí …», «đánh giá lại vào quý IV») is not this."""
from __future__ import annotations

import unicodedata

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.attainment import note_not_judged
from kh_excel.core.gate import gate

from test_hidden_rows import T07_ROWS, _book


@pytest.mark.parametrize("note", [
    "Không đánh giá", "Chỉ tiêu đã điều chỉnh, không đánh giá", "Không đánh giá năm 2024",
    "Không giao chỉ tiêu năm nay",
    "KHÔNG ĐÁNH GIÁ", "khong danh gia", "Ko đánh giá", "(không đánh giá)", "Không giao kế hoạch",
    "Năm 2024 không đánh giá do đã điều chỉnh", "không đánh giá trong năm 2024", "Không đánh giá."])
def test_a_note_that_takes_the_row_out(note):
    assert note_not_judged(note, 2024) and note_not_judged(note)


@pytest.mark.parametrize("note", [
    "", "Đánh giá theo Bộ tiêu chí quốc gia về xã nông thôn mới", "đánh giá lại vào quý IV", "Đánh giá",
    "Số ước thực hiện", "Chưa có số liệu chính thức", "Không đạt do thời tiết", "Khó đánh giá chính xác",
    "Giao chỉ tiêu bổ sung", "không có", "Không đánh giá năm 2025", "Năm 2023 không đánh giá",
    "Không giao chỉ tiêu năm 2023"])
def test_a_note_that_does_not(note):
    assert not note_not_judged(note, 2024)


def test_a_year_named_with_the_words_is_that_year_only():
    assert note_not_judged("Không đánh giá năm 2025", 2025)
    assert not note_not_judged("Không đánh giá năm 2025", 2026)
    assert note_not_judged("Không đánh giá năm 2025", None)  # the table's year unknown: taken at its word


PHRASES = ["Không đánh giá", "Không giao chỉ tiêu"]
WORDS = ["Chỉ tiêu", "đã", "điều chỉnh", "theo", "Nghị quyết", "số", "của", "HĐND", "huyện", "do", "thay đổi",
         "địa giới", "hành chính", "sáp nhập", "xã"]
SEPARATORS = [", ", "; ", " - ", ". ", " (", " "]


def _variant(text: str, how: int) -> str:
    """The same words as staff type them: as is, upper case, decomposed (NFD), or without accents."""
    if how == 1:
        return text.upper()
    if how == 2:
        return unicodedata.normalize("NFD", text)
    if how == 3:
        return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).replace(
            "đ", "d").replace("Đ", "D")
    return text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=5), st.sampled_from(PHRASES),
       st.lists(st.sampled_from(WORDS), max_size=4), st.sampled_from(SEPARATORS), st.sampled_from(SEPARATORS), st.integers(0, 3))
def test_the_words_anywhere_in_a_note_however_typed_take_the_row_out(before, phrase, after, sep1, sep2, how):
    note = _variant(" ".join(before) + sep1 + phrase + sep2 + " ".join(after), how)
    assert note_not_judged(note, 2026)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["đánh giá", "lại", "quý IV", "Bộ tiêu chí", "giao", "chỉ tiêu", "không đạt",
                                         "không có", "năm 2026", "kế hoạch"]), max_size=10),
       st.sampled_from(SEPARATORS), st.integers(0, 3))
def test_without_a_not_right_before_the_words_no_note_takes_the_row_out(words, sep, how):
    note = _variant(sep.join(words), how)
    # («không» only before «đạt» or «có» here: «không» + «đánh giá» / «giao chỉ tiêu» is the one thing that counts)
    assert not note_not_judged(note, 2026)


def test_t07_the_row_noted_not_judged_is_khong_danh_gia_with_the_note_as_reason(tmp_path):
    t = read_workbook(_book(tmp_path / "t07.xlsx", T07_ROWS, []))
    att = gate(t, report=True).attainment
    row = next(a for a in att.assessments if a.indicator.stt == "3")
    assert row.status == "khong_danh_gia" and row.ratio is None
    assert row.reason == "bảng ghi chú «Chỉ tiêu đã điều chỉnh, không đánh giá»: không đánh giá"
    # 41.000 against 53.000 would be «Không đạt»: only «Tổng giá trị sản xuất» is
    assert [a.indicator.stt for a in att.summary.not_met] == ["1"]
    assert att.summary.counts["khong_danh_gia"] == 1 and "lương thực" not in att.summary.sentence


def test_a_note_for_another_year_judges_the_row(tmp_path):
    rows = [r[:6] + ["Không đánh giá năm 2023"] if r[0] == "3" else r for r in T07_ROWS]
    att = gate(read_workbook(_book(tmp_path / "t.xlsx", rows, [])), report=True).attainment
    assert next(a for a in att.assessments if a.indicator.stt == "3").status == "khong_dat"


def test_attainment_output_writes_the_verdict_not_a_formula(tmp_path):
    # a formula would judge 41.000 against 53.000 as the sheet changes: the row stays «Không đánh giá»
    from kh_excel.core.formulas import STATUS_HEADER
    from kh_excel.io.attainment_xlsx import write_attainment_copy
    src = _book(tmp_path / "t07.xlsx", T07_ROWS, [])
    checked = gate(read_workbook(src), report=True)
    out = write_attainment_copy(src, tmp_path / "out.xlsx", checked.attainment, findings=checked.findings)
    ws = openpyxl.load_workbook(out).active
    status = next(c for c in range(1, ws.max_column + 1) if ws.cell(3, c).value == STATUS_HEADER)
    assert ws.cell(6, status).value == "Không đánh giá"
    assert str(ws.cell(4, status).value).startswith("=")  # (the other rows keep their formulas)


def test_a_report_lists_the_row_among_those_not_judged_quoting_the_note(tmp_path):
    from kh_excel.docs.wording import items
    att = gate(read_workbook(_book(tmp_path / "t07.xlsx", T07_ROWS, [])), report=True).attainment
    entry = next(e for e in items(att.assessments) if e.rows == [6])
    assert entry.status == "khong_danh_gia"
    assert entry.result.replace("\u00a0", " ") == (
        "Sản lượng lương thực có hạt: thực hiện 41.000 tấn, kế hoạch 53.000 tấn "
        "(ghi chú: Chỉ tiêu đã điều chỉnh, không đánh giá)")


def test_rows_the_notes_take_out_are_no_rows_met_in_the_report():
    """rev12 D-K: four rows noted «không đánh giá» (all short of their plans) and one met: the report said «Các chỉ
    tiêu đều đạt và vượt kế hoạch đề ra». It says the judged ones did, and how many were not judged."""
    from datetime import date

    from kh_excel.api import read_workbook
    from kh_excel.core.attainment import evaluate
    from kh_excel.core.model import Grid
    from kh_excel.docs.context import build_context
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì",
            "Ghi chú"]
    rows = [["1", "Thu ngân sách nhà nước", "Tỷ đồng", 100, 105, "Sở Tài chính", ""],
            *[[str(i), f"Số công trình hoàn thành đợt {i}", "Công trình", 10, 5, "Sở Xây dựng",
               "Chỉ tiêu đã điều chỉnh, không đánh giá"] for i in range(2, 6)]]
    t = read_workbook(Grid(sheet="B", rows=[["CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"], head, *rows]), file="x.xlsx")
    c = build_context(evaluate(t), None, "bao-cao", today=date(2026, 12, 2))
    said = " ".join(map(str, c["nd"]["ton_tai"]))
    assert "Các chỉ tiêu đều đạt" not in said
    assert "Các chỉ tiêu được đánh giá đều đạt và vượt kế hoạch đề ra; 4 chỉ tiêu không đánh giá bằng số" in said
