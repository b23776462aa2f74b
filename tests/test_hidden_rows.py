"""Rows hidden in the sheet (by hand, a filter, a collapsed outline) are not printed by Excel, so no document may
state them silently (rev9 #7, t07: row 7 «Sản lượng lương thực có hạt» 53.000 → 41.000 hidden, «2 chỉ tiêu không
đạt, gồm: … (2) Sản lượng lương thực có hạt»). A hidden row of the body is not read; one warning names the rows left
out, in check and beside every document. The rows come from the input guard's one scan of each sheet's XML
(<row … hidden="1">), .xls row records and .ods rows collapsed or filtered out."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.gate import gate
from kh_excel.io.ooxml_cells import SheetCells

from test_guard_scan import _scan as scan_in_chunks

DATA = Path(__file__).parent / "data" / "formats"
HEADER = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", "Thực hiện năm 2024", "Cơ quan chủ trì", "Ghi chú"]
T07_ROWS = [
    ["1", "Tổng giá trị sản xuất", "Tỷ đồng", 11200, 10650, "Phòng Tài chính - Kế hoạch", None],
    ["2", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 450, 512, "Chi cục Thuế khu vực", None],
    ["3", "Sản lượng lương thực có hạt", "Tấn", 53000, 41000, "Phòng Nông nghiệp và PTNT",
     "Chỉ tiêu đã điều chỉnh, không đánh giá"],
    ["4", "Tỷ lệ hộ nghèo", "%", 5, 4.6, "Phòng Lao động - TB&XH", None],
    ["5", "Tỷ lệ che phủ rừng", "%", 46, 46.2, "Hạt Kiểm lâm", None],
]


def _book(path: Path, rows: list[list], hidden: list[int], title: str = "CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024") -> Path:
    """Title (row 1), blank (2), header (3), `rows` from row 4; the sheet rows in `hidden` hidden."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append([title])
    ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    for r in hidden:
        ws.row_dimensions[r].hidden = True
    wb.save(path)
    return path


def _left_out(table) -> list[str]:
    return [f.message for f in table.reader_findings if f.code == "hidden_rows_left_out"]


# ------------------------------------------------------------------ the scan

ROW = st.tuples(st.booleans(), st.sampled_from(['"', "'"]), st.sampled_from(["1", "true", "0", "false"]),
                st.booleans(), st.booleans())   # hidden attribute?, quote, its value, written before r?, text «hidden»


def _sheet(rows, prefix: str) -> tuple[bytes, set[int]]:
    p = prefix
    hidden: set[int] = set()
    out = [f'<{p}worksheet><{p}cols><{p}col min="2" max="3" hidden="1"/></{p}cols><{p}sheetData>']
    for i, (with_hidden, q, flag, first, text) in enumerate(rows, start=1):
        attrs = [f"r={q}{i}{q}", 'spans="1:3"']
        if with_hidden:
            attrs.insert(0 if first else 2, f"hidden={q}{flag}{q}")
            if flag in ("1", "true"):
                hidden.add(i - 1)
        # a cell whose text reads like a hidden row tag hides nothing
        cell = (f'<{p}c r="A{i}" t="inlineStr"><{p}is><{p}t>&lt;row r="{i}" hidden="1"&gt; hidden</{p}t></{p}is></{p}c>'
                if text else f'<{p}c r="A{i}"><{p}v>{i}</{p}v></{p}c>')
        out.append(f"<{p}row {' '.join(attrs)}>{cell}</{p}row>")
    out.append(f"</{p}sheetData></{p}worksheet>")
    return "".join(out).encode(), hidden


def _rows_of(ranges) -> set[int]:
    return {r for a, b in ranges for r in range(a, b + 1)}


@settings(max_examples=300, deadline=None)
@given(st.lists(ROW, max_size=14), st.sampled_from(["", "x:"]), st.data())
def test_hidden_rows_are_those_the_row_tags_say_wherever_the_chunks_end(rows, prefix, data):
    xml, hidden = _sheet(rows, prefix)
    cuts = data.draw(st.lists(st.integers(0, len(xml)), max_size=10))
    assert _rows_of(scan_in_chunks(xml, cuts, {}).hidden_row_ranges()) == hidden
    whole = scan_in_chunks(xml, [], {})
    assert _rows_of(whole.hidden_row_ranges()) == hidden
    assert whole.hidden_columns(5) == frozenset({1, 2})  # the <col> is a column, never a row


def test_300000_hidden_rows_are_one_range():
    # a filter hiding most of a big sheet: kept as a range, never a set of 300 000 rows
    rows = b"".join(b'<row r="%d" hidden="1"><c r="A%d"><v>1</v></c></row>' % (r, r) for r in range(5, 300_005))
    xml = b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>' + rows + b"</sheetData></worksheet>"
    scan = scan_in_chunks(xml, list(range(0, len(xml), 1 << 20)), {})
    assert scan.hidden_row_ranges() == ((4, 300_003),)


@pytest.mark.parametrize("name", ["hidden_row_6.xls", "hidden_row_6.ods"])
def test_an_xls_or_ods_hidden_row_is_left_out_as_well(name):
    # an openpyxl table with row 6 «Sản lượng lương thực có hạt» hidden, saved by LibreOffice as .xls and .ods
    t = read_workbook(DATA / name)
    assert [i.name for i in t.indicators] == ["Tổng giá trị sản xuất", "Thu ngân sách nhà nước trên địa bàn",
                                             "Tỷ lệ hộ nghèo"]
    assert len(_left_out(t)) == 1 and "dòng 6 «Sản lượng lương thực có hạt»" in _left_out(t)[0]


# ------------------------------------------------------------------ the reader

def test_t07_a_hidden_indicator_is_not_read_and_one_warning_names_it(tmp_path):
    t = read_workbook(_book(tmp_path / "t07.xlsx", T07_ROWS, [6]))
    assert [i.stt for i in t.indicators] == ["1", "2", "4", "5"]
    assert _left_out(t) == ["Trong bảng có 1 dòng đang ẩn, không đưa vào kiểm tra, đánh giá, văn bản và phiếu nhập: "
                            "dòng 6 «Sản lượng lương thực có hạt». Bỏ ẩn dòng (hoặc bỏ lọc) nếu cần đưa các dòng này "
                            "vào."]
    checked = gate(t, report=True)
    # number 3 is on the hidden row: no «thiếu 3» about the numbering
    assert not [f for f in checked.findings if f.code == "skipped_stt"]
    assert checked.attainment.summary.counts["khong_dat"] == 1  # only «Tổng giá trị sản xuất» (10.650 / 11.200)
    assert "lương thực" not in checked.attainment.summary.sentence


def test_a_hidden_header_row_is_still_the_header(tmp_path):
    t = read_workbook(_book(tmp_path / "h.xlsx", T07_ROWS, [3]))
    assert t.header_rows == [3] and [i.stt for i in t.indicators] == ["1", "2", "3", "4", "5"]
    assert not _left_out(t)


def test_the_visible_parts_of_a_hidden_indicator_go_with_it_and_are_named(tmp_path):
    rows = [["1", "Diện tích gieo trồng", "ha", 900, 950, "Phòng Nông nghiệp và PTNT", None],
            ["2", "Sản lượng lương thực có hạt", "Tấn", 53000, 41000, "Phòng Nông nghiệp và PTNT", None],
            ["-", "Lúa", "Tấn", 40000, 30000, None, None],
            ["-", "Ngô", "Tấn", 13000, 11000, None, None],
            ["3", "Tỷ lệ hộ nghèo", "%", 5, 4.6, "Phòng Lao động - TB&XH", None]]
    t = read_workbook(_book(tmp_path / "p.xlsx", rows, [5]))
    # never «Lúa» and «Ngô» as parts of «Diện tích gieo trồng» above
    assert [(i.name, i.kind) for i in t.indicators] == [("Diện tích gieo trồng", "indicator"),
                                                       ("Tỷ lệ hộ nghèo", "indicator")]
    (message,) = _left_out(t)
    assert ("3 dòng đang ẩn" in message and "dòng 5 «Sản lượng lương thực có hạt», dòng 6 «Lúa» (thành phần của chỉ "
            "tiêu dòng 5 đang ẩn), dòng 7 «Ngô» (thành phần của chỉ tiêu dòng 5 đang ẩn)" in message)


def test_a_hidden_part_is_left_out_and_its_indicator_kept(tmp_path):
    rows = [["1", "Sản lượng lương thực có hạt", "Tấn", 53000, 54000, "Phòng Nông nghiệp và PTNT", None],
            ["-", "Lúa", "Tấn", 40000, 30000, None, None],
            ["-", "Ngô", "Tấn", 13000, 24000, None, None]]
    t = read_workbook(_book(tmp_path / "s.xlsx", rows, [5]))
    assert [(i.name, i.kind, i.parent_row) for i in t.indicators] == [
        ("Sản lượng lương thực có hạt", "indicator", None), ("Ngô", "subrow", 4)]
    assert "dòng 5 «Lúa»" in _left_out(t)[0]


SECTIONS = [["I", "CÁC CHỈ TIÊU KINH TẾ", None, None, None, None, None],
            ["1", "Tổng giá trị sản xuất", "Tỷ đồng", 11200, 10650, "Phòng Tài chính - Kế hoạch", None],
            ["II", "CÁC CHỈ TIÊU XÃ HỘI", None, None, None, None, None],
            ["2", "Tỷ lệ hộ nghèo", "%", 5, 4.6, "Phòng Lao động - TB&XH", None],
            ["3", "Số lao động có việc làm mới", "Người", 500, 520, "Phòng Lao động - TB&XH", None],
            [None, "CHỈ TIÊU MÔI TRƯỜNG", None, None, None, None, None],
            ["4", "Tỷ lệ che phủ rừng", "%", 46, 46.2, "Hạt Kiểm lâm", None]]


def _kept(table) -> list[str]:
    return [f.message for f in table.reader_findings if f.code == "hidden_heading_kept"]


def test_a_hidden_section_title_still_heads_the_visible_rows_below_it(tmp_path):
    # rev12 D-H: row 6 «II …» hidden, rows 7-8 shown; they were read as of «I. CÁC CHỈ TIÊU KINH TẾ» above it
    t = read_workbook(_book(tmp_path / "sec.xlsx", SECTIONS, [6]))
    assert [(i.name, i.section_numeral, i.section) for i in t.indicators] == [
        ("Tổng giá trị sản xuất", "I", "CÁC CHỈ TIÊU KINH TẾ"), ("Tỷ lệ hộ nghèo", "II", "CÁC CHỈ TIÊU XÃ HỘI"),
        ("Số lao động có việc làm mới", "II", "CÁC CHỈ TIÊU XÃ HỘI"), ("Tỷ lệ che phủ rừng", "", "CHỈ TIÊU MÔI TRƯỜNG")]
    assert not _left_out(t)  # the title is read (as the section), nothing is left out
    assert _kept(t) == ["Trong bảng có 1 tiêu đề phần đang ẩn (thường do lọc bảng) mà các chỉ tiêu bên dưới vẫn hiện: "
                        "dòng 6 «II. CÁC CHỈ TIÊU XÃ HỘI» (chỉ tiêu dòng 7–8). Các chỉ tiêu đang hiện vẫn được xếp vào "
                        "đúng phần của mình như trong bảng, kể cả trong văn bản. Nếu không cần đưa cả phần vào, hãy ẩn "
                        "các dòng chỉ tiêu của phần đó."]


def test_a_filter_on_the_agency_column_keeps_every_section(tmp_path):
    # titles name no agency: filtering «Phòng Lao động - TB&XH» hides every title and the other agencies' rows
    t = read_workbook(_book(tmp_path / "filter.xlsx", SECTIONS, [4, 5, 6, 9, 10]))
    assert [(i.row, i.section) for i in t.indicators] == [(7, "CÁC CHỈ TIÊU XÃ HỘI"), (8, "CÁC CHỈ TIÊU XÃ HỘI")]
    assert [s.title for s in t.sections] == ["CÁC CHỈ TIÊU XÃ HỘI"]
    (left,) = _left_out(t)
    # I and its only row, the untitled section's title and its only row: whole sections hidden, named as rows
    assert "có 4 dòng đang ẩn" in left and ("dòng 4 «I. CÁC CHỈ TIÊU KINH TẾ», dòng 5 «Tổng giá trị sản xuất», "
                                           "dòng 9 «CHỈ TIÊU MÔI TRƯỜNG», dòng 10 «Tỷ lệ che phủ rừng»") in left
    assert "dòng 6 «II. CÁC CHỈ TIÊU XÃ HỘI» (chỉ tiêu dòng 7–8)" in _kept(t)[0] and "1 tiêu đề" in _kept(t)[0]


def test_a_section_hidden_whole_is_left_out_with_its_title(tmp_path):
    # title and rows hidden: no section without rows, the title named among the rows left out; the rows after it
    # (a visible title) keep theirs
    t = read_workbook(_book(tmp_path / "whole.xlsx", SECTIONS, [6, 7, 8]))
    assert [s.title for s in t.sections] == ["CÁC CHỈ TIÊU KINH TẾ", "CHỈ TIÊU MÔI TRƯỜNG"]
    assert [(i.row, i.section) for i in t.indicators] == [(5, "CÁC CHỈ TIÊU KINH TẾ"), (10, "CHỈ TIÊU MÔI TRƯỜNG")]
    assert "dòng 6 «II. CÁC CHỈ TIÊU XÃ HỘI», dòng 7 «Tỷ lệ hộ nghèo»" in _left_out(t)[0] and not _kept(t)


def test_an_unnumbered_hidden_title_heads_its_rows_too(tmp_path):
    t = read_workbook(_book(tmp_path / "plain.xlsx", SECTIONS, [9]))
    assert t.indicators[-1].section == "CHỈ TIÊU MÔI TRƯỜNG" and not _left_out(t)
    assert "dòng 9 «CHỈ TIÊU MÔI TRƯỜNG» (chỉ tiêu dòng 10)" in _kept(t)[0]


def test_a_report_groups_the_filtered_rows_under_their_own_sections(tmp_path):
    from kh_excel.docs.context import build_context
    from kh_excel.docs.settings import Settings
    t = read_workbook(_book(tmp_path / "filter.xlsx", SECTIONS, [4, 6, 9]))
    checked = gate(t, report=True)
    rows = [(r["stt"], r["ten"]) for r in build_context(checked.attainment, Settings(), "bao-cao")["pl"]["hang"]]
    assert rows == [("I", "CÁC CHỈ TIÊU KINH TẾ"), ("1", "Tổng giá trị sản xuất"), ("II", "CÁC CHỈ TIÊU XÃ HỘI"),
                    ("2", "Tỷ lệ hộ nghèo"), ("3", "Số lao động có việc làm mới"), ("", "CHỈ TIÊU MÔI TRƯỜNG"),
                    ("4", "Tỷ lệ che phủ rừng")]
    from kh_excel.docs.api import document_warnings
    assert _kept(t)[0] in document_warnings(checked, Settings(), {}, "filter.xlsx", "bao-cao", None)


def test_many_hidden_rows_are_named_ten_and_counted(tmp_path):
    rows = [[str(n), f"Chỉ tiêu số {n}", "ha", 100, 90 + n, "Phòng Nông nghiệp và PTNT", None] for n in range(1, 31)]
    t = read_workbook(_book(tmp_path / "many.xlsx", rows, list(range(10, 34))))
    assert len(t.indicators) == 6
    (message,) = _left_out(t)
    assert "có 24 dòng đang ẩn" in message and "dòng 19 «Chỉ tiêu số 16»" in message
    assert "dòng 20 «" not in message and " và 14 dòng khác." in message


def test_the_warning_is_given_beside_every_document_render_and_batch(tmp_path):
    from kh_excel.batch.engine import warning_of
    from kh_excel.docs.api import document_warnings
    from kh_excel.docs.settings import Settings
    t = read_workbook(_book(tmp_path / "t07.xlsx", T07_ROWS, [6]))
    checked = gate(t, report=True)
    (said,) = _left_out(t)
    assert said in document_warnings(checked, Settings(), {}, "t07.xlsx", "bao-cao", None)
    assert said in warning_of(checked, "t07.xlsx", "bao-cao").split("\n")
    assert said in warning_of(checked, "t07.xlsx", "giao-chi-tieu", "Phòng Lao động - TB&XH").split("\n")


def test_attainment_output_writes_no_verdict_in_a_hidden_row(tmp_path):
    from kh_excel.core.formulas import STATUS_HEADER
    from kh_excel.io.attainment_xlsx import write_attainment_copy
    src = _book(tmp_path / "t07.xlsx", T07_ROWS, [6])
    t = read_workbook(src)
    checked = gate(t, report=True)
    out = write_attainment_copy(src, tmp_path / "out.xlsx", checked.attainment, findings=checked.findings)
    ws = openpyxl.load_workbook(out).active
    status = next(c for c in range(1, ws.max_column + 1) if ws.cell(3, c).value == STATUS_HEADER)
    assert ws.cell(4, status).value is not None and ws.cell(7, status).value is not None
    assert ws.cell(6, status).value is None and ws.row_dimensions[6].hidden


def test_the_add_in_says_it_cannot_see_hidden_rows(tmp_path):
    # xlwings' remote engine sends a sheet's name, values, pictures and tables: no row visibility. The add-in reads
    # a hidden row as any other row, and says so where it judges and where it makes documents (never guessed).
    from kh_excel.addin import run_action
    from kh_excel.addin.actions import HIDDEN_ROWS_UNKNOWN
    from kh_excel.addin.payload import open_book
    path = _book(tmp_path / "t07.xlsx", T07_ROWS, [6])
    ok, message = run_action("tinh_ty_le", open_book(path))
    assert ok and message.endswith(HIDDEN_ROWS_UNKNOWN) and "Không đạt 1" in message  # row 6 still judged, by its note
    ok, message = run_action("kiem_tra", open_book(path))
    assert ok and HIDDEN_ROWS_UNKNOWN in message


def test_the_add_in_says_so_beside_a_document_too(tmp_path, monkeypatch):
    from kh_excel.addin import run_action
    from kh_excel.addin.actions import HIDDEN_ROWS_UNKNOWN
    from kh_excel.addin.documents import OUTPUT_ENV
    from kh_excel.addin.payload import open_book
    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path / "van_ban"))
    ok, message = run_action("bao_cao", open_book(_book(tmp_path / "t07.xlsx", T07_ROWS, [6])))
    assert ok and "Lưu ý trước khi trình ký:" in message and message.endswith("– " + HIDDEN_ROWS_UNKNOWN)


def test_a_hidden_share_of_a_structure_is_not_added_and_the_error_says_why(tmp_path):
    # the visible shares add to 70%: an error (no document states a structure with a part silently missing) that
    # names the cells added, not a range over the hidden one, and the hidden row
    from kh_excel.core.gate import check
    rows = [["1", "Cơ cấu kinh tế", "%", None, None, "Phòng Tài chính - Kế hoạch", None],
            ["-", "Nông, lâm nghiệp", "%", 30, 29, None, None],
            ["-", "Công nghiệp - xây dựng", "%", 30, 31, None, None],
            ["-", "Dịch vụ", "%", 40, 40, None, None],
            ["2", "Tỷ lệ hộ nghèo", "%", 5, 4.6, "Phòng Lao động - TB&XH", None]]
    assert not [f for f in check(read_workbook(_book(tmp_path / "a.xlsx", rows, []))).findings
                if f.code == "structure_sum"]
    found = [f.message for f in check(read_workbook(_book(tmp_path / "b.xlsx", rows, [6]))).findings
             if f.code == "structure_sum"]
    assert found[0] == ("Cơ cấu «Cơ cấu kinh tế» (Kế hoạch, các ô D5, D7) cộng lại được 70%, không bằng 100% (cho phép "
                        "sai lệch ±0,1). Dòng 6 đang ẩn nên không được cộng; nếu là một thành phần của cơ cấu, hãy bỏ "
                        "ẩn dòng.")


def test_a_form_sent_to_an_agency_holds_none_of_its_hidden_rows(tmp_path):
    # row 6 is Phòng Nông nghiệp và PTNT's only indicator: hidden, that agency gets no form at all
    from kh_excel.collect.forms import agency_rows
    shown = {a.name: [i.row for i in a.indicators]
             for a in agency_rows(read_workbook(_book(tmp_path / "a.xlsx", T07_ROWS, [])))}
    hidden = {a.name: [i.row for i in a.indicators]
              for a in agency_rows(read_workbook(_book(tmp_path / "b.xlsx", T07_ROWS, [6])))}
    assert shown["Phòng Nông nghiệp và PTNT"] == [6]
    assert "Phòng Nông nghiệp và PTNT" not in hidden and hidden["Hạt Kiểm lâm"] == [8]


def test_forms_say_the_hidden_rows_in_the_words_attainment_says_them(tmp_path):
    # rev12 D-L: «kx forms» left row 6 off every form and said nothing; the line is attainment's, word for word
    from helpers import run_cli
    book = _book(tmp_path / "t07.xlsx", T07_ROWS, [6])
    forms = run_cli("forms", book, "-o", tmp_path / "phieu")
    judged = run_cli("attainment", book)
    assert forms.returncode == 0, forms.stderr
    said = [line for line in forms.stderr.splitlines() if line.startswith("Cảnh báo: ")]
    assert said == [line for line in judged.stderr.splitlines() if line.startswith("Cảnh báo: ")]
    assert said == ["Cảnh báo: Trong bảng có 1 dòng đang ẩn, không đưa vào kiểm tra, đánh giá, văn bản và phiếu nhập: "
                    "dòng 6 «Sản lượng lương thực có hạt». Bỏ ẩn dòng (hoặc bỏ lọc) nếu cần đưa các dòng này vào."]
    assert not (tmp_path / "phieu" / "Phòng Nông nghiệp và PTNT.xlsx").exists()


def test_the_ribbons_forms_say_it_cannot_see_hidden_rows(tmp_path, monkeypatch):
    from kh_excel.addin import run_action
    from kh_excel.addin.actions import HIDDEN_ROWS_UNKNOWN
    from kh_excel.addin.documents import OUTPUT_ENV
    from kh_excel.addin.payload import open_book
    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path / "van_ban"))
    ok, message = run_action("tao_phieu", open_book(_book(tmp_path / "t07.xlsx", T07_ROWS, [6])))
    assert ok and message.startswith("Đã tạo 5 phiếu nhập") and message.endswith("– " + HIDDEN_ROWS_UNKNOWN)
