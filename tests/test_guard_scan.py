"""One decompression of each sheet (issue 14): the input guard's streaming pass also gathers what the
reader needs (error cells, number formats, formulas saved without a value). A chunk may end anywhere,
so the same sheet cut at random places must give what its cells say, and what it gives read whole;
the guard's own bounds (farthest column and row) likewise, whatever the chunks."""
from __future__ import annotations

import zipfile
import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hostile_files import SHEET, rezip
from helpers import REAL, sample

from kh_excel.core.model import ErrorValue
from kh_excel.io import limits
from kh_excel.io.limits import _SheetScan, _cell_name
from kh_excel.io.ooxml_cells import SheetCells
from kh_excel.io.workbook import _ooxml_scan, _ooxml_sheet_part, open_workbook

WANTED = {3: "0.0%", 10: "0.00", 13: "#,##0"}
ERRORS = ("#DIV/0!", "#N/A", "#REF!", "#VALUE!")
# Texts a cell may hold that look like the attributes and tags the scan looks for.
TEXTS = ('t="e"', ' s="3"', "a > b", "<f>SUM(A1)</f>", "x count=\"99999999\"", "of 5", "Chỉ tiêu")


def _letters(col: int) -> str:
    return _cell_name(col, 1)[:-1]


CELL = st.tuples(
    st.sampled_from(["number", "error", "error_closed", "text", "cached", "uncached", "follower"]),
    st.sampled_from([None, 0, 1, 3, 10, 13]),           # s="…", None for none
    st.sampled_from(["rst", "tsr", "srt"]),             # the order of the attributes
    st.integers(0, len(ERRORS) - 1),
    st.integers(0, len(TEXTS) - 1),
)


def _text(text: str) -> str:
    """Text content as a writer may leave it: «&» and «<» escaped, «>» and quotes as they are."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _sheet(rows: list[list[tuple]], prefix: str) -> tuple[bytes, dict, dict, dict]:
    """Sheet XML of these cells and what it holds, worked out from the cells themselves."""
    p = prefix
    errors, formats, uncached = {}, {}, {}
    out = [f'<{p}worksheet xmlns{":" + p[:-1] if p else ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           f'<{p}sheetData>']
    for r, cells in enumerate(rows):
        out.append(f'<{p}row r="{r + 1}">')
        for c, (kind, style, order, err, text) in enumerate(cells):
            ref = f"{_letters(c + 1)}{r + 1}"
            t = {"error": "e", "error_closed": "e", "text": "inlineStr"}.get(kind)
            attrs = {"r": f'r="{ref}"', "s": f's="{style}"' if style is not None else "",
                     "t": f't="{t}"' if t else ""}
            tag = f"<{p}c " + " ".join(a for a in (attrs[k] for k in order) if a)
            body = {
                "number": f"<{p}v>{r + c / 8}</{p}v>",
                "error": f"<{p}v>{ERRORS[err]}</{p}v>",
                "text": f"<{p}is><{p}t>{_text(TEXTS[text])}</{p}t></{p}is>",
                "cached": f"<{p}f>A1+{c}</{p}f><{p}v>{c}</{p}v>",
                "uncached": f"<{p}f>A1&amp;{c}</{p}f>",
                "follower": f'<{p}f t="shared" si="0"/>',
            }.get(kind)
            out.append(tag + ("/>" if body is None else f">{body}</{p}c>"))
            if kind == "error":
                errors[(r, c)] = ERRORS[err]
            if style in WANTED:
                formats[(r, c)] = WANTED[style]
            if kind in ("uncached", "follower"):
                uncached[(r, c)] = f"A1&{c}" if kind == "uncached" else ""
        out.append(f"</{p}row>")
    out.append(f"</{p}sheetData></{p}worksheet>")
    return "".join(out).encode(), errors, formats, uncached


def _scan(xml: bytes, cuts: list[int], wanted=WANTED) -> SheetCells:
    """The scan of `xml` fed in chunks cut at `cuts` (tests/test_hidden_columns_scan.py too)."""
    scan = SheetCells(wanted)
    edges = [0, *sorted(set(cuts)), len(xml)]
    for a, b in zip(edges, edges[1:]):
        scan.feed(xml[a:b])
    scan.finish()
    return scan


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(CELL, min_size=1, max_size=6), min_size=1, max_size=12), st.sampled_from(["", "x:"]),
       st.data())
def test_the_sheet_scan_gives_what_the_cells_hold_wherever_the_chunks_end(rows, prefix, data):
    xml, errors, formats, uncached = _sheet(rows, prefix)
    cuts = data.draw(st.lists(st.integers(0, len(xml)), max_size=12))
    scan = _scan(xml, cuts)
    whole = _scan(xml, [])
    assert (scan.errors, scan.formats, dict(scan.uncached)) == (errors, formats, uncached)
    assert (whole.errors, whole.formats, dict(whole.uncached)) == (errors, formats, uncached)
    formulas = {(r, c) for r, cells in enumerate(rows) for c, cell in enumerate(cells)
                if cell[0] in ("cached", "uncached", "follower")}
    if uncached:
        assert whole.uncached.every == formulas
        # cut into chunks, the scan knows every formula cell or says it does not (the reader then reads them)
        assert scan.uncached.every in (formulas, None)


def test_formulas_before_the_first_uncached_one_are_asked_for_again():
    """A formula with its value in one chunk, one without in a later chunk: `every` is not known from
    the chunks read, and says so."""
    rows = [[("cached", None, "rst", 0, 0)], [("text", None, "rst", 0, 6)], [("uncached", None, "rst", 0, 0)]]
    xml, *_ = _sheet(rows, "")
    scan = _scan(xml, [xml.index(b'<row r="3"')])
    assert dict(scan.uncached) == {(2, 0): "A1&0"} and scan.uncached.every is None
    assert _scan(xml, []).uncached.every == {(0, 0), (2, 0)}


FORMS = [b'r="%s"', b"r='%s'", b'r = "%s"', b"r=\n'%s'"]  # as XML allows an attribute to be written


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 900), st.integers(1, 800), st.booleans(), st.booleans(),
                          st.sampled_from(FORMS)), min_size=1, max_size=40),
       st.sampled_from([b" ", b"\t", b"\n"]), st.booleans(), st.data())
def test_the_guard_finds_the_farthest_row_and_column_whatever_the_chunks(cells, space, far_below, data):
    """Rows in order, cells of any column (one or more letters, either case, with «$», the attribute
    written any way XML allows); one cell may lie far below its row (a row of more digits than any row
    tag): the farthest row and column are found."""
    by_row: dict[int, list] = {}
    for row, col, lower, dollar, form in cells:
        by_row.setdefault(row, []).append((col, lower, dollar, form))
    xml = b'<worksheet><dimension ref="A1"/><sheetData>'
    rows = sorted(by_row)
    for row in rows:
        xml += b"<row " + by_row[row][0][3] % b"%d" % row + b">"
        for col, lower, dollar, form in by_row[row]:
            ref = (_letters(col).lower() if lower else _letters(col)).encode()
            xml += b"<c" + space + form % ((b"$" if dollar else b"") + ref + b"%d" % row) + b"><v>1</v></c>"
        xml += b"</row>"
    lowest = max(rows)
    if far_below:
        lowest = max(rows) * 10 + 7
        xml += b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (max(rows) + 1, lowest)
    xml += b"</sheetData></worksheet>"
    cuts = sorted(set(data.draw(st.lists(st.integers(1, len(xml) - 1), max_size=8))))
    scan = _SheetScan(Path("x.xlsx"), "xl/worksheets/sheet1.xml")
    for a, b in zip([0, *cuts], [*cuts, len(xml)]):
        scan.feed(xml[a:b])
    scan.feed(b"", last=True)
    assert scan.max_col == max(col for _, col, *_ in cells)
    assert scan.max_row == lowest


# ----------------------------------------------------------------- whole workbooks
def _part(path: Path, sheet: str) -> str:
    with zipfile.ZipFile(path) as zf:
        return _ooxml_sheet_part(zf, sheet)


BOOKS = [sample("chi_tieu_2026_co_loi.xlsx"), sample("chi_tieu_2026_lao_cai.xlsx"), *sorted(REAL.glob("*.xlsx"))]


@pytest.mark.parametrize("chunk", [997, 65536])
@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.name)
def test_the_guard_scan_is_the_reading_of_the_whole_sheet(path, chunk, monkeypatch):
    """Sample and real books streamed in small chunks: the reader gets from the guard's pass what the
    sheet read whole gives (errors, formats, uncached formulas), and reads no sheet again for it."""
    monkeypatch.setattr(limits, "_SCAN_CHUNK", chunk)
    book = open_workbook(path)
    for sheet in book.sheet_names:
        assert book._cells.sheet(_part(path, sheet)) is not None
        errors, formats, uncached = book._ooxml_cells(sheet).result()
        w_errors, w_formats, w_uncached = _ooxml_scan(path, sheet)
        assert (errors, formats, dict(uncached)) == (w_errors, w_formats, dict(w_uncached))


def test_the_sample_error_and_formats_come_from_the_guard():
    """chi_tieu_2026_co_loi: E18 holds #DIV/0!, E18's style (s="8") is #,##0 (numFmtId 3)."""
    path = sample("chi_tieu_2026_co_loi.xlsx")
    book = open_workbook(path)
    grid = book.grid(book.sheet_names[0])
    assert grid.rows[17][4] == ErrorValue("#DIV/0!")
    assert grid.number_formats[(17, 4)] == "#,##0"


def _big_book(dst: Path) -> tuple[Path, int, int]:
    """The sample with a percent style (cellXfs 13: 0.00%) and filler rows, so that a percent cell and an
    error cell straddle the guard's first and second chunk boundaries (4 MiB and 8 MiB)."""
    with zipfile.ZipFile(sample("chi_tieu_2026_co_loi.xlsx")) as zf:
        xml = zf.read(SHEET)
    head, tail = xml.split(b"</sheetData>")
    parts, size, row, rows = [head], len(head), 100, []

    def line(r: int, pad: int = 0) -> str:  # a row of text that compresses as real text does
        text = hashlib.sha256(b"%d" % r).hexdigest() + "x" * pad
        return f'<row r="{r}"><c r="B{r}" t="inlineStr"><is><t>Ch&#7881; ti&#234;u {text}</t></is></c>'

    for boundary, cell in ((limits._SCAN_CHUNK, '<c r="D{r}" s="13"><v>0.125</v></c>'),
                           (2 * limits._SCAN_CHUNK, '<c r="E{r}" t="e"><v>#N/A</v></c>')):
        special = cell.format(r=row)
        while size + 2 * (len(line(row)) + 6) + len(special) < boundary:
            parts.append((line(row) + "</row>").encode())
            size += len(line(row)) + 6
            row += 1
            special = cell.format(r=row)
        pad = boundary - len(special) // 2 - size - len(line(row))
        assert pad > 0
        parts.append((line(row, pad) + special + "</row>").encode())
        size += len(line(row, pad)) + len(special) + 6
        rows.append(row)
        row += 1
    parts.append(b"</sheetData>" + tail)
    styles = lambda s: s.replace(b'<cellXfs count="13">', b'<cellXfs count="14">').replace(  # noqa: E731
        b"</cellXfs>", b'<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>')
    rezip(dst, {SHEET: b"".join(parts), "xl/styles.xml": styles})
    return dst, rows[0], rows[1]


def test_cells_across_the_guard_chunk_boundaries_keep_their_format_and_error(tmp_path):
    path, percent_row, error_row = _big_book(tmp_path / "lon.xlsx")
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(SHEET)
    for boundary, needle in ((limits._SCAN_CHUNK, b'<c r="D%d"' % percent_row),
                             (2 * limits._SCAN_CHUNK, b'<c r="E%d"' % error_row)):
        start = xml.index(needle)
        assert start < boundary < xml.index(b"</c>", start)  # the cell is cut by the chunk boundary
    book = open_workbook(path)
    sheet = book.sheet_names[0]
    assert book._cells.sheet(_part(path, sheet)) is not None
    grid = book.grid(sheet)
    assert grid.rows[percent_row - 1][3] == 0.125
    assert grid.number_formats[(percent_row - 1, 3)] == "0.00%"
    assert grid.rows[error_row - 1][4] == ErrorValue("#N/A")
    assert grid.rows[17][4] == ErrorValue("#DIV/0!")
    errors, formats, _ = _ooxml_scan(path, sheet)
    assert grid.number_formats == formats
    assert {k: v for k, v in errors.items()} == {(17, 4): "#DIV/0!", (error_row - 1, 4): "#N/A"}


# ----------------------------------------------------------------- attributes as XML allows them
SST = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" {}><si><t>a</t></si></sst>')
FAR = "XFD1048576"
WRITTEN = {  # XML allows whitespace around «=» and single quotes; calamine reads them so
    "single_quotes": f"<row r='1048576'><c r='{FAR}'><v>1</v></c></row>",
    "spaces": f'<row r = "1048576"><c r = "{FAR}"><v>1</v></c></row>',
    "tab_and_quote": f"<row\tr='1048576'><c\tr ='{FAR}'><v>1</v></c></row>",
    "line_breaks": f'<row\nr=\n"1048576"><c r=\n\'{FAR}\'><v>1</v></c></row>',
}


@pytest.mark.parametrize("case", sorted(WRITTEN))
def test_a_far_reference_written_otherwise_is_refused_before_calamine(tmp_path, case):
    """Before: r='XFD1048576' or r = "XFD1048576" passed the guard and calamine aborted the process
    asking for 512 GiB; now refused like r="XFD1048576", with exit 2 naming the file and the cell."""
    import hostile_files as hf
    path = rezip(tmp_path / f"{case}.xlsx", {SHEET: lambda d: hf.add_cells(d, WRITTEN[case])})
    rc, out, err, *_ = hf.run_limited("check", path)
    assert rc == 2 and "Traceback" not in err, err[-1500:]
    assert path.name in err and FAR in err and "quá lớn" in err


@pytest.mark.parametrize("attrs", ["count = \"999999999999\"", "uniqueCount='999999999999'"])
def test_a_shared_strings_count_written_otherwise_is_refused(tmp_path, attrs):
    import hostile_files as hf
    path = rezip(tmp_path / "sst.xlsx", {"xl/sharedStrings.xml": SST.format(attrs).encode(),
                                         SHEET: lambda d: hf.add_cells(d, '<row r="299"><c r="B299" t="s"><v>0</v></c></row>')})
    rc, out, err, *_ = hf.run_limited("check", path)
    assert rc == 2 and "Traceback" not in err, err[-1500:]
    assert "sharedStrings" in err and "999.999.999.999" in err


def test_references_written_otherwise_within_bounds_still_read(tmp_path):
    """An honest cell written r = '…' is read: the guard measures it, it does not refuse the syntax."""
    from kh_excel.io.limits import guard_spreadsheet
    import hostile_files as hf
    path = rezip(tmp_path / "ok.xlsx", {SHEET: lambda d: hf.add_cells(
        d, "<row r = '300'><c r = 'B300' t=\"inlineStr\"><is><t>it's = fine</t></is></c></row>")})
    assert guard_spreadsheet(path) == "zip"
    scan = _SheetScan(Path("x.xlsx"), SHEET)
    with zipfile.ZipFile(path) as zf:
        scan.feed(zf.read(SHEET), last=True)
    assert (scan.max_row, scan.max_col) == (300, 8)
