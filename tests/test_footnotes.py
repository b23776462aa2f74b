"""Notes under the table (rev11 D12): «Ghi chú: (1) …», «(*) …», «[1] …», «¹ …» are the table's notes; a document
prints them under its appendix's table, each name and figure keeping the mark that points at its note. A signature
block, a name or any other line under the table is never made a note."""
from __future__ import annotations

import openpyxl
from hypothesis import given, settings, strategies as st

from helpers import docx_paragraphs
from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.model import Grid
from kh_excel.core.table import notes_under, parse_grid
from kh_excel.core.text import footnote_key
from kh_excel.docs.context import build_context
from kh_excel.docs.render import Renderer, resolve_template
from kh_excel.docs.settings import example_settings_rows, settings_from_rows

HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
          "Cơ quan chủ trì"]
BODY = [
    ["1", "Tốc độ tăng trưởng GRDP (giá so sánh 2010)(1)", "%", 7.8, "Trên 8%", 8.2, "Sở Tài chính"],
    ["2", "Thu ngân sách nhà nước trên địa bàn²", "Tỷ đồng", 4500.0, 5000.0, 5120.0, "Sở Tài chính"],
    ["3", "Tỷ lệ lao động qua đào tạo", "%", 68.0, 70.0, "70,5*", "Sở Nội vụ"],
    ["4", "Số giường bệnh/vạn dân", "Giường", 32.0, 33.0, 33.0, "Sở Y tế"],
]
NOTES = ["Ghi chú: (1) Theo giá so sánh năm 2010.", "(2) Không kể thu tiền sử dụng đất.",
         "(*) Số liệu ước tính đến ngày 30/11/2026."]
SIGNATURE = [[None, None, None, None, None, "Lào Cai, ngày 05 tháng 12 năm 2026"],
             [None, "NGƯỜI LẬP BIỂU", None, None, None, "TM. ỦY BAN NHÂN DÂN"],
             [None, "(Ký, ghi rõ họ tên)", None, None, None, "CHỦ TỊCH"],
             [None, "Nguyễn Văn A", None, None, None, "Trần Văn B"]]


def grid(below: list[list] | None = None) -> Grid:
    rows = [["ỦY BAN NHÂN DÂN TỈNH LÀO CAI"], ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026"], [], HEADER,
            *[list(r) for r in BODY], []]
    rows += [[n] for n in NOTES] if below is None else below
    return Grid(sheet="Biểu 01", rows=rows)


def test_the_notes_under_the_table_are_read_with_their_marks_as_written():
    t = parse_grid(grid())
    assert [(n.row, n.mark, n.text) for n in t.notes] == [
        (10, "1", "(1) Theo giá so sánh năm 2010."),           # «Ghi chú:» aside: the document writes its own
        (11, "2", "(2) Không kể thu tiền sử dụng đất."),
        (12, "*", "(*) Số liệu ước tính đến ngày 30/11/2026."),
    ]
    assert [i.footnote for i in t.indicators] == ["(1)", "²", "", ""]
    assert len(t.indicators) == 4  # no note read as an indicator


def test_a_signature_block_a_name_and_a_plain_line_are_never_notes():
    below = [["Ghi chú:"], ["- Số liệu năm 2025 là số chính thức."], ["¹ Không kể giường trạm y tế xã."],
             ["Đơn vị lập biểu: Phòng Tổng hợp"], ["- Như trên;"], *SIGNATURE]
    t = parse_grid(grid(below))
    assert [(n.mark, n.text) for n in t.notes] == [
        ("", "- Số liệu năm 2025 là số chính thức."),   # an item of the list under «Ghi chú:»
        ("1", "¹ Không kể giường trạm y tế xã."),
    ]  # «Đơn vị lập biểu» ends the list: «- Như trên;» under it is no note; nor is anything of the signature


def test_a_signature_right_under_the_table_gives_no_note():
    assert parse_grid(grid(SIGNATURE)).notes == []
    assert parse_grid(grid([])).notes == []


def test_a_column_number_row_or_a_row_of_figures_under_the_table_is_no_note():
    rows = [["(1)", "(2)", "(3)", "(4)"], ["(*)", "Tổng số", 12.0, 15.0], ["(*) Số liệu ước tính."]]
    assert [(n.row, n.mark) for n in notes_under(rows, 0, 2)] == [(3, "*")]


def test_marks_written_differently_are_one_note():
    assert footnote_key("²") == footnote_key("(2)") == footnote_key("[2]") == footnote_key("[ 2 ]") == "2"
    assert footnote_key("(*)") == footnote_key("*") == "*"
    assert footnote_key("**") == footnote_key("(**)") == "**" != footnote_key("*")
    assert footnote_key("¹²") == "12"


WORDS = st.sampled_from(["Nguyễn Văn A", "NGƯỜI LẬP BIỂU", "Số liệu", "ước tính", "TM. ỦY BAN NHÂN DÂN", "(Ký tên)",
                         "Chủ tịch", "Đơn vị", "năm 2026", "Bảo Hà, ngày 05 tháng 12 năm 2026", "Trần Thị B"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=3).map(" ".join), max_size=8))
def test_lines_without_a_mark_or_a_heading_give_no_note(lines):
    """However they are arranged, lines of words with no mark, no «Ghi chú:» and no list item are no note."""
    rows = [[x] for x in lines]
    assert notes_under(rows, 0, len(rows) - 1) == []


MARKS = st.sampled_from(["(1)", "(2)", "[3]", "¹", "²", "(*)", "*", "**"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(MARKS, st.lists(WORDS, min_size=1, max_size=3).map(" ".join)), min_size=1, max_size=6))
def test_every_marked_line_is_a_note_with_its_text_as_written(items):
    rows = [[f"{m} {text}"] for m, text in items]
    notes = notes_under(rows, 0, len(rows) - 1)
    assert [(n.mark, n.text) for n in notes] == [(footnote_key(m), f"{m} {text}") for m, text in items]


EXAMPLE = settings_from_rows(example_settings_rows(2026))


def _book(path, below=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    for row in grid(below).rows:
        ws.append(row)
    wb.save(path)
    return path


def test_the_appendix_keeps_each_mark_and_prints_the_notes_under_its_table(tmp_path):
    table = read_workbook(_book(tmp_path / "bang.xlsx"))
    c = build_context(evaluate(table), EXAMPLE, "bao-cao")
    rows = {r["stt"]: r for r in c["pl"]["hang"] if r["loai"] == "chi_tieu"}
    assert rows["1"]["ten"] == "Tốc độ tăng trưởng GRDP (giá so sánh 2010)(1)"
    assert rows["2"]["ten"] == "Thu ngân sách nhà nước trên địa bàn²"
    assert rows["3"]["thuc_hien"] == "70,5*" and rows["4"]["thuc_hien"] == "33"
    assert c["pl"]["ghi_chu"] == ["(1) Theo giá so sánh năm 2010.", "(2) Không kể thu tiền sử dụng đất.",
                                  "(*) Số liệu ước tính đến ngày 30/11/2026."]
    out = tmp_path / "bc.docx"
    Renderer().render_to_file(resolve_template("bao-cao"), c, out)
    text = docx_paragraphs(out)
    at = text.index("Ghi chú:")
    assert text[at:at + 4] == ["Ghi chú:", *c["pl"]["ghi_chu"]]
    assert "Thu ngân sách nhà nước trên địa bàn²" in text and "70,5*" in text


def test_an_agency_appendix_carries_its_rows_notes_and_those_without_a_mark(tmp_path):
    below = [["Ghi chú:"], ["- Số liệu năm 2025 là số chính thức."], *[[n] for n in NOTES[1:]]]
    table = read_workbook(_book(tmp_path / "bang.xlsx", below))
    finance = build_context(evaluate(table), EXAMPLE, "giao-chi-tieu", agency="Sở Tài chính")
    assert finance["pl"]["ghi_chu"] == ["- Số liệu năm 2025 là số chính thức.", "(2) Không kể thu tiền sử dụng đất."]
    health = build_context(evaluate(table), EXAMPLE, "giao-chi-tieu", agency="Sở Y tế")
    assert health["pl"]["ghi_chu"] == ["- Số liệu năm 2025 là số chính thức."]
    labour = build_context(evaluate(table), EXAMPLE, "bao-cao", agency="Sở Nội vụ")
    assert "(*) Số liệu ước tính đến ngày 30/11/2026." in labour["pl"]["ghi_chu"]


def test_a_table_without_notes_prints_no_heading(tmp_path):
    table = read_workbook(_book(tmp_path / "bang.xlsx", SIGNATURE))
    c = build_context(evaluate(table), EXAMPLE, "ke-hoach")
    assert c["pl"]["ghi_chu"] == []
    out = tmp_path / "kh.docx"
    Renderer().render_to_file(resolve_template("ke-hoach"), c, out)
    assert "Ghi chú:" not in docx_paragraphs(out)


def test_a_document_without_an_appendix_says_which_notes_and_marked_rows_it_states_without(tmp_path):
    table = read_workbook(_book(tmp_path / "bang.xlsx"))
    c = build_context(evaluate(table), EXAMPLE, "thong-bao")
    said = [w for w in c["canh_bao"] if "ghi chú dưới bảng" in w]
    assert said == ["bảng có 3 ghi chú dưới bảng (dòng 10–12) mà thông báo không có phụ lục để nêu; kiểm tra các câu "
                    "về chỉ tiêu có dấu chú thích trước khi trình ký: «Tốc độ tăng trưởng GRDP (giá so sánh 2010)»; "
                    "«Thu ngân sách nhà nước trên địa bàn»; «Tỷ lệ lao động qua đào tạo»"]
    assert not [w for w in build_context(evaluate(table), EXAMPLE, "bao-cao")["canh_bao"] if "ghi chú dưới" in w]


def test_check_warns_of_a_mark_no_note_under_the_table_explains(tmp_path):
    from kh_excel.core.gate import check
    noted = check(read_workbook(_book(tmp_path / "co.xlsx"))).findings
    assert not [f for f in noted if f.code == "footnote_without_note"]  # «²» is «(2)», «70,5*» is «(*)»
    bare = check(read_workbook(_book(tmp_path / "khong.xlsx", SIGNATURE))).findings
    said = [(f.cell, f.params["mark"]) for f in bare if f.code == "footnote_without_note"]
    assert said == [("B5", "(1)"), ("B6", "²"), ("F7", "*")]
    one = check(read_workbook(_book(tmp_path / "mot.xlsx", [["(2) Không kể thu tiền sử dụng đất."]]))).findings
    assert [(f.cell, f.params["mark"]) for f in one if f.code == "footnote_without_note"] == [("B5", "(1)"),
                                                                                                 ("F7", "*")]


def test_the_notes_never_start_a_page_alone(tmp_path):
    noted = build_context(evaluate(read_workbook(_book(tmp_path / "co.xlsx"))), EXAMPLE, "bao-cao")
    assert "keepNext" in noted["pl"]["hang"][-1]["giu_voi_sau"]  # the table's last row keeps with the notes
    bare = build_context(evaluate(read_workbook(_book(tmp_path / "khong.xlsx", SIGNATURE))), EXAMPLE, "bao-cao")
    assert bare["pl"]["hang"][-1]["giu_voi_sau"] == ""  # nothing to keep with: the table ends where it may


def test_a_note_whose_mark_stands_in_the_stt_column_is_one_note_not_an_indicator():
    t = parse_grid(grid([["(1)", "Theo giá so sánh năm 2010."], ["*", "Số liệu ước tính."]]))
    assert [(n.mark, n.text) for n in t.notes] == [("1", "(1) Theo giá so sánh năm 2010."), ("*", "* Số liệu ước tính.")]
    assert [i.stt for i in t.indicators] == ["1", "2", "3", "4"]


def test_a_plan_appendix_leaves_out_the_note_of_a_result_it_does_not_show_and_keeps_a_note_of_no_seen_mark(tmp_path):
    below = [[n] for n in NOTES] + [["(3) Chỉ tiêu Nghị quyết HĐND tỉnh giao."]]
    table = read_workbook(_book(tmp_path / "bang.xlsx", below))
    plan = build_context(evaluate(table), EXAMPLE, "ke-hoach")["pl"]["ghi_chu"]
    report = build_context(evaluate(table), EXAMPLE, "bao-cao")["pl"]["ghi_chu"]
    assert plan == ["(1) Theo giá so sánh năm 2010.", "(2) Không kể thu tiền sử dụng đất.",
                    "(3) Chỉ tiêu Nghị quyết HĐND tỉnh giao."]  # «70,5*» is a result: no plan shows it
    assert report == [*[n.removeprefix("Ghi chú: ") for n in NOTES], "(3) Chỉ tiêu Nghị quyết HĐND tỉnh giao."]
