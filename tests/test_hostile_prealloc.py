"""Counts a native reader preallocates from (sharedStrings count/uniqueCount, an .ods run of spaces
text:c, the text of repeated .ods cells): refused by the guard before calamine sees them, under
1 GiB of address space, with exit 2 naming the file — a 9 KB file must not abort the process."""
from __future__ import annotations

import pytest

from hostile_files import SHEET, add_cells, ods, rezip, run_limited

SST = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
       b'<si><t>a</t></si></sst>')


def _sst_book(tmp_path, count: int):
    """The sample with a shared-strings part declaring `count` strings and one cell using string 0."""
    return rezip(tmp_path / f"sst_{count}.xlsx", {
        "xl/sharedStrings.xml": SST % (count, count),
        SHEET: lambda x: add_cells(x, '<row r="299"><c r="B299" t="s"><v>0</v></c></row>'),
    })


def _refused(path, *words):
    rc, out, err, *_ = run_limited("check", path)
    assert "Traceback" not in err and "memory allocation" not in err, err
    assert rc == 2, f"exit {rc}: {err}"
    assert str(path) in err
    for w in words:
        assert w in err, err


@pytest.mark.parametrize("count", [999_999_999_999, 2_000_001])
def test_shared_strings_count_beyond_the_bound(tmp_path, count):
    book = _sst_book(tmp_path, count)
    assert book.stat().st_size < 64 * 1024
    _refused(book, "sharedStrings", "2.000.000")


def test_shared_strings_count_at_the_bound_is_read(tmp_path):
    # 2,000,000 strings × 24 bytes: 48 MB preallocated, within the 1 GiB limit
    rc, out, err, *_ = run_limited("check", _sst_book(tmp_path, 2_000_000))
    assert rc in (0, 1) and "Traceback" not in err, err


def test_count_written_as_text_in_a_cell_is_not_an_attribute(tmp_path):
    # the words count="99999999" typed in a cell are text, not a count: the workbook is read
    book = rezip(tmp_path / "text.xlsx", {SHEET: lambda x: add_cells(
        x, '<row r="299"><c r="B299" t="inlineStr"><is><t>x count="99999999"</t></is></c></row>')})
    rc, out, err, *_ = run_limited("check", book)
    assert rc in (0, 1) and "Traceback" not in err, err


ROW = ('<table:table-row><table:table-cell office:value-type="string"><text:p>Chỉ tiêu</text:p></table:table-cell>'
       '<table:table-cell office:value-type="string"><text:p>a{}b</text:p></table:table-cell></table:table-row>')


def test_ods_run_of_a_billion_spaces(tmp_path):
    book = ods(tmp_path / "space.ods", ROW.format('<text:s text:c="1000000000"/>'))
    assert book.stat().st_size < 2048
    _refused(book, "1.000.000.000 khoảng trắng", "text:c")


def test_ods_spaces_in_a_repeated_cell(tmp_path):
    # 30,000 spaces (under the run bound) in a cell repeated 16,384 × 100 times: 49 billion characters
    row = ('<table:table-row table:number-rows-repeated="100"><table:table-cell table:number-columns-repeated="16384" '
           'office:value-type="string"><text:p>a<text:s text:c="30000"/></text:p></table:table-cell></table:table-row>')
    _refused(ods(tmp_path / "rep_space.ods", row), "ô lặp lại")


def test_ods_long_text_in_a_repeated_cell(tmp_path):
    # 20,000 characters copied into 16,384 cells of one row: 327 million characters
    row = ('<table:table-row><table:table-cell table:number-columns-repeated="16384" office:value-type="string">'
           f'<text:p>{"x" * 20000}</text:p></table:table-cell></table:table-row>')
    _refused(ods(tmp_path / "rep_text.ods", row), "ô lặp lại")


def test_ods_with_a_few_spaces_is_read(tmp_path):
    book = ods(tmp_path / "ok.ods", ROW.format('<text:s text:c="3"/>'))
    rc, out, err, *_ = run_limited("check", book)
    assert "Traceback" not in err and "khoảng trắng" not in err and "lặp lại" not in err, err
