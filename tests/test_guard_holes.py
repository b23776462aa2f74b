"""Four holes of the input guard found by an adversarial review (brief g2), each built as a file:

1. an unfinished tag or count attribute cut by a chunk boundary after a long run of spaces (the
   carried tail was truncated, losing «<row» or «uniqueCount=»): calamine aborted the process;
2. a cell far below the largest row tag with as many digits (A999999 under rows up to 100,000):
   the area estimate missed it;
3. error cells written t='e' or t = "e" read as empty instead of as errors;
4. a numeric cell calamine cannot parse refused without naming the sheet and the cell.

Expected values come from the files' own content (the row they name, the cell that holds the error),
not from the code's output."""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hostile_files import BASE, SHEET, add_cells, rezip, run_limited

from kh_excel.io import limits
from kh_excel.io.limits import InputRefused, _CountScan, _OdsScan, _SheetScan, guard_spreadsheet

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
LONG_TAG = "thẻ XML dài bất thường"
SST_PART = "xl/sharedStrings.xml"


def _chunks(xml: bytes, cuts: list[int]) -> list[bytes]:
    edges = [0, *sorted({c for c in cuts if 0 < c < len(xml)}), len(xml)]
    return [xml[a:b] for a, b in zip(edges, edges[1:])]


def _feed(scan, xml: bytes, cuts: list[int], last: bool = True):
    for chunk in _chunks(xml, cuts):
        scan.feed(chunk)
    if last:
        scan.feed(b"", last=True)
    return scan


def _filler(n: int, start: int = 0) -> str:
    """Text that compresses as real text does (so that no ratio bound refuses the file)."""
    return "".join(hashlib.sha256(b"%d" % i).hexdigest() for i in range(start, start + n // 64 + 1))[:n]


# ----------------------------------------------------------------- 1. a long tag cut by a chunk boundary
def _sst(spaces: int, before: int, boundary: int) -> bytes:
    """A shared-strings part whose uniqueCount= is followed by `spaces` spaces, then 99999999999, byte
    `boundary` falling `before` bytes into the spaces (a comment of filler text before the root puts
    them there)."""
    head = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!--'
    tag = b'--><sst xmlns="' + NS.encode() + b'" count="1" uniqueCount='
    fill = boundary - len(head) - len(tag) - before
    assert fill > 0
    xml = head + _filler(fill).encode() + tag + b" " * spaces + b'"99999999999"><si><t>a</t></si></sst>'
    assert xml.index(b"uniqueCount=") + len(b"uniqueCount=") + before == boundary
    return xml


def _sheet_row_tag(sheet_xml: bytes, spaces: int, before: int, boundary: int, row: int = 1_000_000_000) -> bytes:
    """The sample sheet with filler rows, then a «<row» whose r="…" comes after `spaces` spaces, byte
    `boundary` falling `before` bytes into them; its one cell has no r="…" (calamine puts it in that row)."""
    head, tail = sheet_xml.split(b"</sheetData>")
    parts, size, r = [head], len(head), 300
    while True:
        line = f'<row r="{r}"><c r="B{r}" t="inlineStr"><is><t>{_filler(64, r)}</t></is></c></row>'.encode()
        if size + len(line) + 4 + before + 200 >= boundary:  # room for the last row
            break
        parts.append(line)
        size += len(line)
        r += 1
    # one more row of text takes the rest of the bytes before «<row»
    text_len = boundary - size - 4 - before - len(
        f'<row r="{r}"><c r="B{r}" t="inlineStr"><is><t></t></is></c></row>'.encode())
    assert text_len > 0
    parts.append(f'<row r="{r}"><c r="B{r}" t="inlineStr"><is><t>{_filler(text_len, r)}</t></is></c></row>'
                 .encode())
    parts.append(b"<row" + b" " * spaces + b'r="%d"><c><v>1</v></c></row>' % row)
    parts.append(b"</sheetData>" + tail)
    xml = b"".join(parts)
    at = xml.index(b"<row" + b" " * spaces)
    assert at + 4 + before == boundary
    return xml


ODS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
            '<office:spreadsheet><table:table table:name="Trang1">').encode()
ODS_END = b"</table:table></office:spreadsheet></office:body></office:document-content>"


def _ods_content(spaces: int, before: int, boundary: int) -> bytes:
    """content.xml with rows of text, then a row repeated 10,000,000 times (a cell repeated 100 times: a
    billion cells) whose repeat attribute comes after `spaces` spaces, byte `boundary` falling `before` bytes into them."""
    parts, size, i = [ODS_HEAD], len(ODS_HEAD), 0
    row = ('<table:table-row><table:table-cell office:value-type="string"><text:p>{}</text:p>'
           '</table:table-cell></table:table-row>')
    empty = len(row.format("").encode())
    while size + 2 * (empty + 64) + 16 + before < boundary:
        parts.append(row.format(_filler(64, i)).encode())
        size += empty + 64
        i += 1
    text = boundary - size - empty - 16 - before
    assert text >= 0
    parts.append(row.format(_filler(text, i)).encode())
    parts.append(b"<table:table-row" + b" " * spaces + b'table:number-rows-repeated="10000000">'
                 b'<table:table-cell table:number-columns-repeated="100" office:value-type="string">'
                 b"<text:p>x</text:p></table:table-cell></table:table-row>")
    parts.append(ODS_END)
    xml = b"".join(parts)
    at = xml.index(b"<table:table-row" + b" " * spaces)
    assert at + 16 + before == boundary
    return xml


def _ods_file(dst: Path, content: bytes) -> Path:
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
    return dst


def _hole1_books(tmp: Path, boundary: int) -> dict[str, tuple[Path, str]]:
    """The three hostile books, their long run of spaces straddling byte `boundary` of the part, more of it
    before the boundary than the old tail kept (512 bytes for a count, 64 KiB for a tag): (path, part)."""
    with zipfile.ZipFile(BASE) as zf:
        sheet = zf.read(SHEET)
    return {
        "sst": (rezip(tmp / "sst_spaces.xlsx", {SST_PART: _sst(600, 550, boundary),
                                                SHEET: lambda d: add_cells(d, '<row r="299"><c r="B299" t="s">'
                                                                              '<v>0</v></c></row>')}), SST_PART),
        "row": (rezip(tmp / "row_spaces.xlsx", {SHEET: _sheet_row_tag(sheet, 70_100, 70_000, boundary)}), SHEET),
        "ods": (_ods_file(tmp / "ods_spaces.ods", _ods_content(70_100, 70_000, boundary)), "content.xml"),
    }


@pytest.mark.parametrize("case", ["sst", "row", "ods"])
def test_a_long_run_of_spaces_across_a_small_chunk_edge_is_refused(tmp_path, monkeypatch, case):
    """Chunks of 4 KiB: the tag cut by the edge is carried whole (sst: 600 spaces, refused for its
    count) or, longer than 64 KiB, refused as a tag no honest file has; the message names the file."""
    monkeypatch.setattr(limits, "_SCAN_CHUNK", 4096)
    path, part = _hole1_books(tmp_path, 32 * 4096)[case]
    with pytest.raises(InputRefused) as exc:
        guard_spreadsheet(path)
    msg = str(exc.value)
    assert str(path) in msg
    if case == "sst":
        assert "uniqueCount=99.999.999.999" in msg and SST_PART in msg
    else:
        assert LONG_TAG in msg and f"«{part}»" in msg and "64 KB" in msg


@pytest.mark.parametrize("case", ["sst", "row", "ods"])
def test_a_long_run_of_spaces_across_the_real_chunk_edge_exits_2_not_134(tmp_path, case):
    """The same books with the run across the guard's own 4 MiB boundary, through `kh-excel check`
    under 1 GiB of address space: exit 2 and the Vietnamese message, never calamine's abort (134)."""
    path, part = _hole1_books(tmp_path, limits._SCAN_CHUNK)[case]
    rc, out, err, *_ = run_limited("check", path)
    assert "memory allocation" not in err and "Traceback" not in err, err[-2000:]
    assert rc == 2, f"exit {rc}: {err[-2000:]}"
    assert path.name in err
    if case == "sst":
        assert "uniqueCount=99.999.999.999" in err
    else:
        assert LONG_TAG in err and part in err


SPACES = st.sampled_from([0, 1, 100, 511, 512, 513, 600, 5000, 65_000, 70_000, 100_000])


def _within(at: int, length: int):
    """A cut within the `length` bytes from `at`, often near their end (where a cut tail loses the start)."""
    return st.one_of(st.integers(at + 1, at + length), st.integers(at + max(1, length - 3000), at + length))


@settings(max_examples=150, deadline=None)
@given(SPACES, st.sampled_from([b" ", b"\n", b"\t"]), st.data())
def test_a_count_is_seen_whatever_the_spaces_and_the_chunks(n, space, data):
    """uniqueCount= (spaces) "99999999999" in the root tag, cut anywhere: always refused — for its
    count, or (a partial attribute longer than 64 KiB carried) as a long tag."""
    xml = (b'<?xml version="1.0"?>\n<sst xmlns="x" count="1"' + space + b"uniqueCount=" + space * n
           + b'"99999999999"><si><t>a</t></si></sst>')
    at = xml.index(b"uniqueCount=")  # one cut within the attribute (most often in its spaces), others anywhere
    cuts = [data.draw(_within(at, n + 16))] + data.draw(st.lists(st.integers(1, len(xml) - 1), max_size=5))
    with pytest.raises(InputRefused) as exc:
        _feed(_CountScan(Path("x.xlsx"), SST_PART), xml, cuts, last=False)
    # a cut within the digits is refused already for the digits before it (7 or more: over 2,000,000)
    assert "khai báo uniqueCount=9" in str(exc.value) or LONG_TAG in str(exc.value)


TEXTS = ['x count="99999999"', "amount = " + " " * 700 + '"123456789"', "Chỉ tiêu " * 3000, "a" * 20_000,
         'uniqueCount="' + " " * 70_000 + '99999999"']


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(TEXTS), min_size=1, max_size=4), st.data())
def test_counts_in_text_are_never_refused_wherever_the_chunks_end(texts, data):
    """The words count="…" in a string (text between tags, however long, however cut) are no
    attribute: the count scan refuses nothing."""
    xml = ('<sst xmlns="x" count="%d" uniqueCount="%d">' % (len(texts), len(texts))
           + "".join(f"<si><t>{t}</t></si>" for t in texts) + "</sst>").encode()
    cuts = data.draw(st.lists(st.integers(1, len(xml) - 1), max_size=8))
    _feed(_CountScan(Path("x.xlsx"), SST_PART), xml, cuts, last=False)


@settings(max_examples=120, deadline=None)
@given(SPACES, st.integers(2, 50), st.data())
def test_a_row_tag_is_measured_or_refused_whatever_the_spaces_and_the_chunks(n, row, data):
    """<row (spaces) r="…"> cut anywhere: the row is measured exactly, or the tag — cut and longer
    than 64 KiB — refused; a far row (1,000,000,000) is always refused."""
    for r in (row, 1_000_000_000):
        xml = (b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row ' + b" " * n
               + b'r="%d"><c><v>1</v></c></row></sheetData></worksheet>' % r)
        at = xml.index(b"<row ", 10)  # one cut within the tag (most often in its spaces), others anywhere
        cuts = [data.draw(_within(at, n + 6))] + data.draw(st.lists(st.integers(1, len(xml) - 1), max_size=5))
        scan = _SheetScan(Path("x.xlsx"), SHEET)
        try:
            _feed(scan, xml, cuts)
        except InputRefused as exc:
            assert LONG_TAG in str(exc) or (r > limits.MAX_ROWS and "1.000.000.000" in str(exc))
            assert r > limits.MAX_ROWS or n > 60_000
            continue
        assert r <= limits.MAX_ROWS and scan.max_row == r


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40_000), st.data())
def test_long_text_between_tags_is_never_a_long_tag(chars, data):
    """A cell of up to 40,000 Vietnamese characters (over 100 KB escaped), cut anywhere: text, not a
    tag; the sheet passes with its real extent."""
    text = ("Chỉ tiêu &#7908; &amp; " * (chars // 20 + 1))[:chars]
    xml = (f'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{text}</t></is></c></row>'
           f'<row r="2"><c r="C2"><v>1</v></c></row></sheetData></worksheet>').encode()
    cuts = data.draw(st.lists(st.integers(1, len(xml) - 1), max_size=6))
    scan = _feed(_SheetScan(Path("x.xlsx"), SHEET), xml, cuts)
    assert (scan.max_row, scan.max_col) == (2, 3)
    ods = (ODS_HEAD + f'<table:table-row><table:table-cell office:value-type="string"><text:p>{text}</text:p>'
           f"</table:table-cell></table:table-row>".encode() + ODS_END)
    _feed(_OdsScan(Path("x.ods"), "content.xml"), ods, data.draw(st.lists(st.integers(1, len(ods) - 1), max_size=6)))


@settings(max_examples=60, deadline=None)
@given(SPACES, st.data())
def test_an_ods_repeated_row_is_seen_or_refused_whatever_the_spaces_and_the_chunks(n, data):
    xml = (ODS_HEAD + b"<table:table-row " + b" " * n + b'table:number-rows-repeated="10000000">'
           b'<table:table-cell table:number-columns-repeated="100" office:value-type="string">'
           b"<text:p>x</text:p></table:table-cell></table:table-row>" + ODS_END)
    at = xml.index(b"<table:table-row ")  # one cut within the tag (most often in its spaces), others anywhere
    cuts = [data.draw(_within(at, n + 18))] + data.draw(st.lists(st.integers(1, len(xml) - 1), max_size=5))
    with pytest.raises(InputRefused) as exc:
        _feed(_OdsScan(Path("x.ods"), "content.xml"), xml, cuts)
    assert LONG_TAG in str(exc.value) or "quá lớn" in str(exc.value)


# ----------------------------------------------------------------- 2. a cell below the farthest row tag
def _far_below_book(dst: Path, top: int = 100_000, below: int = 999_999) -> Path:
    """Row tags up to `top`, 16 columns (a cell in P1), and in the last row a cell A`below`: a row of as
    many digits as `top`, far below it. calamine allocates from A1 to P`below`."""
    return rezip(dst, {SHEET: lambda d: add_cells(
        d, f'<row r="{top - 1}"><c r="P{top - 1}"><v>1</v></c></row>'
           f'<row r="{top}"><c r="B{top}"><v>2</v></c><c r="A{below}"><v>3</v></c></row>')})


@pytest.mark.parametrize("chunk", [997, None])
def test_a_cell_far_below_with_as_many_digits_counts_in_the_area(tmp_path, monkeypatch, chunk):
    """A999999 under row tags up to 100,000 in a sheet 16 columns wide: 999,999 × 16 cells from A1,
    twice MAX_AREA; refused naming the far corner P999999 (in small chunks and in the guard's own)."""
    if chunk:
        monkeypatch.setattr(limits, "_SCAN_CHUNK", chunk)
    path = _far_below_book(tmp_path / "far_below.xlsx")
    with pytest.raises(InputRefused) as exc:
        guard_spreadsheet(path)
    assert "P999999" in str(exc.value) and str(path) in str(exc.value) and "quá lớn" in str(exc.value)


def test_a_cell_far_below_exits_2_through_check(tmp_path):
    path = _far_below_book(tmp_path / "far_below.xlsx")
    rc, out, err, *_ = run_limited("check", path)
    assert "memory allocation" not in err and "Traceback" not in err, err[-2000:]
    assert rc == 2 and path.name in err and "P999999" in err, (rc, err[-2000:])


def test_a_cell_below_within_the_area_is_read(tmp_path):
    """The same sheet with its far cell at A400000 (400,000 × 16 cells, within MAX_AREA) passes."""
    assert guard_spreadsheet(_far_below_book(tmp_path / "ok.xlsx", below=400_000)) == "zip"


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 2_000_000), st.integers(1, 9), st.integers(0, 6), st.sampled_from([b" ", b"\n"]), st.data())
def test_the_farthest_row_is_a_cell_below_the_row_tags_whatever_the_chunks(top, factor, extra, space, data):
    """Row tags up to `top`, then one cell whose row is past it (as many digits or more): the scan's
    farthest row is that cell's row, or the sheet is refused when it lies past Excel's last row."""
    below = data.draw(st.integers(top + 1, max(top + 1, top * factor + extra)))
    xml = (b'<worksheet><sheetData><row r="1"><c r="C1"><v>1</v></c></row>'
           b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (top, top)
           + b'<row r="%d"><c' % top + space + b'r="B%d"><v>1</v></c></row></sheetData></worksheet>' % below)
    cuts = data.draw(st.lists(st.integers(1, len(xml) - 1), max_size=5))
    scan = _SheetScan(Path("x.xlsx"), SHEET)
    try:
        _feed(scan, xml, cuts)
    except InputRefused as exc:
        assert below > limits.MAX_ROWS or below * 3 > limits.MAX_AREA, str(exc)
        return
    assert below <= limits.MAX_ROWS and below * 3 <= limits.MAX_AREA and scan.max_row == below


# ----------------------------------------------------------------- 3. error cells written otherwise
CO_LOI_SHEET = "xl/worksheets/sheet1.xml"
# chi_tieu_2026_co_loi: E18 (Thực hiện of «Thu ngân sách nhà nước trên địa bàn») holds #DIV/0!
E18 = b'<c r="E18" s="8" t="e"><v>#DIV/0!</v></c>'
SPELLINGS = {
    "single_quotes": b"<c r='E18' s='8' t='e'><v>#DIV/0!</v></c>",
    "t_single": b'<c r="E18" s="8" t=\'e\'><v>#DIV/0!</v></c>',
    "spaced": b'<c r = "E18" s="8" t = "e"><v>#DIV/0!</v></c>',
    "spaced_t_only": b'<c r="E18" s="8" t = "e"><v>#DIV/0!</v></c>',
    "line_breaks": b"<c\nr=\n'E18'\ns=\"8\"\nt\n=\n'e'><v>#DIV/0!</v></c>",
}


@pytest.mark.parametrize("chunk", [61, None])
@pytest.mark.parametrize("case", sorted(SPELLINGS))
def test_an_error_cell_written_otherwise_is_an_error(tmp_path, monkeypatch, case, chunk):
    """The sample's #DIV/0! in E18 written t='e' / t = "e" (and r likewise), read through read_workbook
    and validate: the row's figure is the error (excel_error at E18, «số liệu lỗi»), not an empty cell
    («chưa có số liệu»). In tiny chunks and in the guard's own."""
    import kh_excel
    from helpers import sample
    from kh_excel.core.model import ErrorValue

    if chunk:
        monkeypatch.setattr(limits, "_SCAN_CHUNK", chunk)
    src = sample("chi_tieu_2026_co_loi.xlsx")
    with zipfile.ZipFile(src) as zf:
        assert zf.read(CO_LOI_SHEET).count(E18) == 1
    path = rezip(tmp_path / f"{case}.xlsx", {CO_LOI_SHEET: lambda d: d.replace(E18, SPELLINGS[case])}, src=src)
    table = kh_excel.read_workbook(path)
    found = [f for f in kh_excel.validate(table) if f.cell == "E18"]
    assert [(f.code, f.params.get("value")) for f in found] == [("excel_error", "#DIV/0!")]
    from kh_excel.io.workbook import open_workbook
    book = open_workbook(path)
    assert book.grid(book.sheet_names[0]).rows[17][4] == ErrorValue("#DIV/0!")


ATTR_FORMS = ['{}="{}"', "{}='{}'", '{} = "{}"', "{}=\n'{}'", "{}\t=\t\"{}\""]
ERRORS = ("#DIV/0!", "#N/A", "#REF!", "#VALUE!")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, len(ATTR_FORMS) - 1), st.integers(0, len(ATTR_FORMS) - 1),
                          st.booleans(), st.sampled_from(["", "x:"])), min_size=1, max_size=15), st.data())
def test_error_cells_in_every_spelling_are_collected_wherever_the_chunks_end(cells, data):
    """Cells with an error (t before or after r, each written any way XML allows), mixed with number
    cells, cut anywhere: the errors gathered are the error cells written, at their references."""
    from kh_excel.io.ooxml_cells import SheetCells
    out, expected = [], {}
    for i, (err, tform, rform, t_first, prefix) in enumerate(cells):
        p = prefix
        ref = f"B{i + 1}"
        r_attr, t_attr = ATTR_FORMS[rform].format("r", ref), ATTR_FORMS[tform].format("t", "e")
        attrs = f"{t_attr} {r_attr}" if t_first else f"{r_attr} {t_attr}"
        out.append(f'<{p}row r="{i + 1}"><{p}c r="A{i + 1}"><{p}v>{i}</{p}v></{p}c>'
                   f"<{p}c {attrs}><{p}v>{ERRORS[err]}</{p}v></{p}c></{p}row>")
        expected[(i, 1)] = ERRORS[err]
    xml = ('<worksheet xmlns:x="x"><sheetData>' + "".join(out) + "</sheetData></worksheet>").encode()
    cuts = data.draw(st.lists(st.integers(1, len(xml) - 1), max_size=10))
    scan = SheetCells({})
    for chunk in _chunks(xml, cuts):
        scan.feed(chunk)
    scan.finish()
    assert scan.errors == expected


# ----------------------------------------------------------------- 4. a number cell calamine cannot read
SHEET_NAME = "Phụ lục chỉ tiêu"   # the sample's one sheet


def _number_book(dst: Path, cells: str) -> Path:
    return rezip(dst, {SHEET: lambda d: add_cells(d, f'<row r="300">{cells}</row>')})


@pytest.mark.parametrize("cells,where,text", [
    ('<c r="B300" t="n"><v> 1</v></c>', "B300", " 1"),
    ('<c r="C300" s="1" t="n"><v>0x0C</v></c>', "C300", "0x0C"),
    ('<c r="A300"><v>1</v></c><c t=\'n\'><v>1_000</v></c>', "B300", "1_000"),   # no r: the next column
])
def test_a_number_cell_calamine_cannot_read_is_named(tmp_path, cells, where, text):
    """calamine refuses a number cell (t="n") whose value is not a number («Parse float error»): the
    message names the file, the sheet, the cell and what it holds; `check` exits 2."""
    from kh_excel.api import read_workbook
    from kh_excel.io.workbook import WorkbookError
    path = _number_book(tmp_path / "so.xlsx", cells)
    with pytest.raises(WorkbookError) as exc:
        read_workbook(path)
    msg = str(exc.value)
    assert str(path) in msg and f"trang «{SHEET_NAME}», ô {where}: " in msg and f"«{text}»" in msg, msg
    rc, out, err, *_ = run_limited("check", path)
    assert rc == 2 and "Traceback" not in err and f"ô {where}: " in err and SHEET_NAME in err, err[-1500:]


def test_a_cell_without_a_type_holding_such_text_is_read_as_calamine_reads_it(tmp_path):
    """Without t="n" calamine reads « 1» and «0x0C» as text, not as a failure: so does the reader."""
    from kh_excel.io.workbook import open_workbook
    book = open_workbook(_number_book(tmp_path / "text.xlsx", '<c r="B300"><v> 1</v></c><c r="C300"><v>0x0C</v></c>'))
    assert book.grid(SHEET_NAME).rows[299][1:3] == [" 1", "0x0C"]


VALUE_PIECES = ["1", "0", "9", ".", "-", "+", "e", "E", " ", "x", "_", "inf", "INF", "Infinity", "nan", "NaN", ",",
                "1e5", "٣", "\t", "0x"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(VALUE_PIECES), min_size=1, max_size=5))
def test_what_the_reader_calls_a_number_is_what_calamine_reads(tmp_path_factory, pieces):
    """A number cell's value of random pieces: calamine reads it exactly when the reader's grammar of a
    number (Rust's f64::from_str) accepts it, and when calamine fails, the message names the cell."""
    from python_calamine import CalamineWorkbook
    from kh_excel.io.workbook import _RUST_FLOAT, WorkbookError, open_workbook
    value = "".join(pieces)
    path = _number_book(tmp_path_factory.mktemp("n") / "n.xlsx", f'<c r="D300" t="n"><v>{value}</v></c>')
    try:
        CalamineWorkbook.from_path(str(path)).get_sheet_by_name(SHEET_NAME).to_python(skip_empty_area=False)
        read = True
    except Exception as exc:  # noqa: BLE001
        assert "float" in str(exc).lower(), exc
        read = False
    assert read == bool(_RUST_FLOAT.fullmatch(value)), value
    if not read:
        with pytest.raises(WorkbookError) as exc:
            open_workbook(path).grid(SHEET_NAME)
        assert "ô D300: " in str(exc.value)


# ----------------------------------------------------------------- 5. «>» inside a quoted attribute value
# XML allows «>» in an attribute value; a scan that ends a tag at its first «>» missed the r="…" after it,
# and calamine (which reads the value whole) then allocated the row's area and aborted the process.
GT_ROW = b'<row x=">" r="1000000000"><c><v>1</v></c></row>'


def test_a_row_whose_r_comes_after_a_quoted_gt_is_measured(tmp_path):
    sheet = zipfile.ZipFile(BASE).read(SHEET)
    path = rezip(tmp_path / "gt.xlsx", {SHEET: add_cells(sheet, GT_ROW.decode())})
    rc, out, err, *_ = run_limited("check", path)
    assert "memory allocation" not in err and "Traceback" not in err, err[-2000:]
    assert rc == 2 and "1.000.000.000" in err and path.name in err


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(1, len(GT_ROW) - 1), quote=st.sampled_from([b'"', b"'"]))
def test_a_quoted_gt_is_seen_wherever_the_chunk_ends(cut, quote):
    row = GT_ROW.replace(b'"', quote, 2) if quote == b"'" else GT_ROW
    xml = b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>' + row + b"</sheetData></worksheet>"
    at = xml.index(row) + cut
    with pytest.raises(InputRefused, match="1.000.000.000"):
        _feed(_SheetScan(Path("gt.xlsx"), SHEET), xml, [at])


@given(cut=st.integers(0, 40))
def test_a_count_after_a_quoted_gt_is_refused_wherever_the_chunk_ends(cut):
    xml = b'<?xml version="1.0"?><sst xmlns="x" a=">" uniqueCount="99999999999"><si><t>a</t></si></sst>'
    with pytest.raises(InputRefused, match="uniqueCount"):
        _feed(_CountScan(Path("gt.xlsx"), SST_PART), xml, [xml.index(b"a=") + cut], last=False)


def test_an_ods_row_repeat_after_a_quoted_gt_is_measured():
    xml = (ODS_HEAD + b'<table:table-row x=">" table:number-rows-repeated="10000000">'
           b'<table:table-cell table:number-columns-repeated="100" office:value-type="string">'
           b"<text:p>x</text:p></table:table-cell></table:table-row>" + ODS_END)
    with pytest.raises(InputRefused, match="lặp lại"):
        _feed(_OdsScan(Path("gt.ods"), "content.xml"), xml, [])


def test_gt_in_text_and_formulas_is_no_tag(tmp_path):
    """Raw «>» and quotes in a formula and in a cell's text (legal XML) leave the bounds as they are."""
    rows = ('<row r="300"><c r="A300" t="inlineStr"><is><t>a="b&gt;" "x>y" z&gt;</t></is></c>'
            '<c r="B300"><f>IF(A1=">",1,0)</f><v>0</v></c></row>')
    sheet = zipfile.ZipFile(BASE).read(SHEET)
    plain = _feed(_SheetScan(Path("t.xlsx"), SHEET), sheet, [])
    scan = _feed(_SheetScan(Path("t.xlsx"), SHEET), add_cells(sheet, rows), [])
    assert plain.max_row < 300 and (scan.max_row, scan.max_col) == (300, plain.max_col)
    count = _CountScan(Path("t.xlsx"), SST_PART)
    _feed(count, b'<sst><si><t>a=">" count="99999999999"</t></si></sst>', [], last=False)  # text: not refused


MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')


def test_an_ods_cell_spanning_billions_of_rows_and_columns_is_read_within_bounds(tmp_path):
    """A 1 KB .ods whose one cell spans 2·10⁹ rows and columns: the merge is clamped to Excel's sheet (as an
    .xlsx merge can reach no further), so reading it costs what A1:XFD1048576 costs, not all the memory."""
    def cell(text: str, attrs: str = "") -> str:
        return f'<table:table-cell office:value-type="string"{attrs}><text:p>{text}</text:p></table:table-cell>'
    header = "".join(cell(x) for x in ("STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Cơ quan chủ trì"))
    row = (cell("1", ' table:number-rows-spanned="2000000000" table:number-columns-spanned="2000000000"')
           + cell("Tổng vốn đầu tư") + cell("Tỷ đồng") + cell("155000") + cell("Sở Tài chính"))
    content = ODS_HEAD + f"<table:table-row>{header}</table:table-row><table:table-row>{row}</table:table-row>".encode() + ODS_END
    path = _ods_file(tmp_path / "span.ods", content)
    with zipfile.ZipFile(path, "a") as z:  # calamine reads an .ods only with its manifest
        z.writestr("META-INF/manifest.xml", MANIFEST)
    rc, out, err, *_ = run_limited("check", path)
    assert "Traceback" not in err and "bộ nhớ" not in err, err[-2000:]
    assert rc in (0, 2), (rc, err[-2000:])


# ------------------------------------------------------------------ rows and cells of another prefix than the root's

def _prefixed(xml: bytes) -> bytes:
    """The sheet with a second prefix bound to its own namespace: XML says <x:row> is then a row like <row>."""
    return xml.replace(b"<worksheet ", f'<worksheet xmlns:x="{NS}" '.encode(), 1)


def test_rows_and_cells_of_another_prefix_are_refused_as_calamine_reads_them(tmp_path):
    """<x:row r="1048576"> holding 16.384 cells without r="…": calamine reads them (it goes by the namespace, not
    the prefix) and would allocate every cell from A1 to XFD1048576, while a scan counting «<row» and «<c» saw one
    row tag and no cell. Excel writes one prefix throughout: a sheet mixing them is refused, naming the tag."""
    far = '<x:row r="1048576">' + "<x:c><x:v>1</x:v></x:c>" * 16384 + "</x:row>"
    hostile = rezip(tmp_path / "mixed.xlsx", {SHEET: lambda x: add_cells(_prefixed(x), far)})
    with pytest.raises(InputRefused) as exc:
        guard_spreadsheet(hostile)
    assert "«<x:row» viết với tiền tố XML khác" in str(exc.value) and "sheet1.xml" in str(exc.value)
    code, _, err, seconds, peak = run_limited("check", hostile)
    assert code == 2 and "tiền tố XML khác" in err and seconds < 60


def test_a_sheet_written_with_one_prefix_throughout_still_reads(tmp_path):
    """<x:worksheet> with x:row and x:c everywhere (some writers do this): one prefix, read as before; a plain <c>
    among them is the mixing refused."""
    def all_prefixed(xml: bytes) -> bytes:
        import re
        xml = re.sub(rb"<(/?)(worksheet|sheetData|row|c|v|f|is|t|dimension|sheetViews|sheetView|selection|cols|col|"
                     rb"sheetFormatPr|mergeCells|mergeCell|pageMargins|sheetPr|outlinePr|pageSetUpPr|pageSetup)\b",
                     rb"<\1x:\2", xml)
        return xml.replace(f'xmlns="{NS}"'.encode(), f'xmlns:x="{NS}"'.encode(), 1)
    good = rezip(tmp_path / "x.xlsx", {SHEET: all_prefixed})
    assert guard_spreadsheet(good) == "zip"
    mixed = rezip(tmp_path / "xm.xlsx", {SHEET: lambda x: all_prefixed(x).replace(b"</x:sheetData>",
                                                                                  b'<x:row r="900"><c r="A900"><v>1</v></c></x:row></x:sheetData>')})
    with pytest.raises(InputRefused, match="«<c» viết với tiền tố XML khác"):
        guard_spreadsheet(mixed)
