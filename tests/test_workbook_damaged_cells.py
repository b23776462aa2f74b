"""Damaged cells (brief rd): nothing is read silently wrong, and every refusal names the file, the sheet and
the cell.

A shared-string cell (t="s") holds an index into sharedStrings.xml. calamine reads an index of -1, «abc», « 1»,
2**64 or an empty one as string 0 (or as nothing), without a failure: the text of another cell would go into
the table. Such a cell refuses its sheet, named. Cells calamine stops at (t="b" holding 2, an unknown t, an
error text it does not know, an index past the strings) were refused naming no cell: now named too.

Expected texts, cells and counts are decided from the fixtures themselves (which cell was damaged, which
string each index points to), never copied from the reader's output."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hostile_files import SHEET, add_cells, rezip, run_limited

from kh_excel.io.limits import _SCAN_CHUNK  # noqa: F401 - the guard streams by this; chunks are cut below
from kh_excel.io.ooxml_cells import SheetCells
from kh_excel.io.workbook import WorkbookError, open_workbook

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRINGS = ("Chỉ tiêu", "Tỷ đồng", "Sở Tài chính")
SHEET_NAME = "Trang 1"


def book(dst: Path, rows_xml: str, strings=STRINGS, sheet: str = SHEET_NAME) -> Path:
    """A minimal workbook: one sheet holding `rows_xml`, a sharedStrings part holding `strings`."""
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml"'
          ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="' + REL + '/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
          f'<sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wb_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
               '2006/relationships"><Relationship Id="rId1" Type="' + REL + '/worksheet" Target="worksheets/sheet1.xml"/>'
               '<Relationship Id="rId2" Type="' + REL + '/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    ws = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData>{rows_xml}</sheetData></worksheet>'
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="{len(strings)}" '
           f'uniqueCount="{len(strings)}">' + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                           ("xl/_rels/workbook.xml.rels", wb_rels), ("xl/worksheets/sheet1.xml", ws),
                           ("xl/sharedStrings.xml", sst)):
            z.writestr(name, text)
    return dst


def row(*cells: str, r: int = 1) -> str:
    return f'<row r="{r}">' + "".join(cells) + "</row>"


def refused(path: Path, how: str = "grid") -> str:
    wb = open_workbook(path)
    with pytest.raises(WorkbookError) as exc:
        getattr(wb, how)(SHEET_NAME)
    return str(exc.value)


def assert_names(msg: str, path: Path, cell: str, sheet: str = SHEET_NAME) -> None:
    assert msg.startswith(f"Không đọc được tệp «{path}»: trang «{sheet}», ô {cell}: "), msg
    rest = msg.replace(str(path), "")
    assert "Traceback" not in rest and "calamine" not in rest.lower() and "Error" not in rest, msg


# ----------------------------------------------------------------- 1. a shared-string index that is none
# Each value is read by calamine (0.9) as string 0, «Chỉ tiêu», or as nothing: a wrong text, no failure.
SILENT = ["-1", "abc", " 1", "1 ", "+1", "1.0", "0x1", "1e0", "٣", "18446744073709551616", "", "-0"]


@pytest.mark.parametrize("value", SILENT)
def test_a_shared_string_index_that_is_none_refuses_the_sheet_naming_the_cell(tmp_path, value):
    path = book(tmp_path / "hong.xlsx", row('<c r="A1" t="s"><v>1</v></c>')
                + row('<c r="A2" t="s"><v>0</v></c>', f'<c r="C2" t="s"><v>{value}</v></c>', r=2))
    msg = refused(path)
    assert_names(msg, path, "C2")
    assert 't="s"' in msg and "sharedStrings.xml" in msg and "chữ sai" in msg
    assert (f"«{value}»" in msg) if value.strip() else "để trống" in msg


@pytest.mark.parametrize("value,count", [("3", 3), ("99999", 3), ("4294967296", 3), ("12345678901234567890", 3)])
def test_an_index_past_the_strings_is_named_with_how_many_there_are(tmp_path, value, count):
    """calamine stops at these («index not found»): the message says which cell and how many strings exist."""
    path = book(tmp_path / "qua.xlsx", row('<c r="A1" t="s"><v>0</v></c>', f'<c r="B1" t="s"><v>{value}</v></c>'))
    msg = refused(path)
    assert_names(msg, path, "B1")
    assert f"số thứ tự {value} " in msg and f"chỉ có {count} chuỗi" in msg, msg


@pytest.mark.parametrize("cell,where", [
    ('<c t="s" r="D4"><v>-1</v></c>', "D4"),                  # t before r
    ('<c r="D4" t=\'s\'><v>abc</v></c>', "D4"),               # single quotes
    ('<c r = "D4" t = "s" s="2"><v>x</v></c>', "D4"),         # spaces around «=», s after t
    ('<c r="D4" t="s"><f>A1</f><v>-1</v></c>', "D4"),         # a value after a formula
    ('<c r="D4" t="s">\n  <v>-1</v>\n</c>', "D4"),            # on several lines
])
def test_the_damaged_index_is_found_however_the_cell_is_written(tmp_path, cell, where):
    path = book(tmp_path / "viet.xlsx", row('<c r="A4" t="s"><v>2</v></c>', cell, r=4))
    assert_names(refused(path), path, where)


def test_a_prefixed_sheet_is_read_the_same(tmp_path):
    xml = row('<x:c r="A1" t="s"><x:v>1</x:v></x:c>', '<x:c r="B1" t="s"><x:v>-1</x:v></x:c>')
    path = book(tmp_path / "x.xlsx", "")
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{NS}">'
                                         f"<x:sheetData>{xml.replace('<row', '<x:row').replace('</row', '</x:row')}"
                                         "</x:sheetData></x:worksheet>").encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, d in parts.items():
            z.writestr(n, d)
    assert_names(refused(path), path, "B1")


@pytest.mark.parametrize("value,text", [("0", "Chỉ tiêu"), ("01", "Tỷ đồng"), ("0000000002", "Sở Tài chính"),
                                        ("2", "Sở Tài chính")])
def test_a_plain_index_reads_its_string(tmp_path, value, text):
    """Leading zeros are still an index (Excel and calamine read 01 as 1)."""
    path = book(tmp_path / "dung.xlsx", row(f'<c r="B1" t="s"><v>{value}</v></c>'))
    assert open_workbook(path).grid(SHEET_NAME).rows[0][1] == text


@pytest.mark.parametrize("cell", ['<c r="B1" t="s"/>', '<c r="B1" s="3" t="s"></c>', '<c r="B1" t="s"><is/></c>'])
def test_a_shared_string_cell_without_a_value_is_empty(tmp_path, cell):
    """No <v> at all: a styled empty cell (some writers keep t="s" on it), not a damaged index."""
    path = book(tmp_path / "trong.xlsx", row('<c r="A1" t="s"><v>1</v></c>', cell, '<c r="C1"><v>5</v></c>'))
    assert open_workbook(path).grid(SHEET_NAME).rows[0] == ["Tỷ đồng", "", 5.0]


def test_other_damaged_cells_are_counted(tmp_path):
    path = book(tmp_path / "nhieu.xlsx", row(*(f'<c r="{c}1" t="s"><v>-1</v></c>' for c in "BCDE")))
    msg = refused(path)
    assert_names(msg, path, "B1")
    assert "và 3 ô khác" in msg, msg


def _renamed(path: Path, old: str, new: str) -> Path:
    with zipfile.ZipFile(path) as z:
        parts = {(new if n == old else n): z.read(n) for n in z.namelist()}
    with zipfile.ZipFile(path, "w") as z:
        for n, d in parts.items():
            z.writestr(n, d)
    return path


def test_shared_strings_named_in_another_case_are_looked_at_too(tmp_path):
    """calamine reads xl/SharedStrings.xml as it reads xl/sharedStrings.xml (and no other part, whatever the
    relationships say): so does the look at the indexes."""
    path = book(tmp_path / "hoa.xlsx", row('<c r="A1" t="s"><v>1</v></c>', '<c r="B1" t="s"><v>-1</v></c>'))
    _renamed(path, "xl/sharedStrings.xml", "xl/SharedStrings.xml")
    assert_names(refused(path), path, "B1")


def test_without_shared_strings_every_index_is_refused_by_name(tmp_path):
    """No xl/sharedStrings.xml: calamine stops at any shared-string cell with a value; named, with the count 0."""
    path = book(tmp_path / "khong.xlsx", row('<c r="A1"><v>1</v></c>', '<c r="B1" t="s"><v>0</v></c>'))
    _renamed(path, "xl/sharedStrings.xml", "xl/other.xml")
    msg = refused(path)
    assert_names(msg, path, "B1")
    assert "chỉ có 0 chuỗi" in msg, msg


def test_values_refuses_too(tmp_path):
    """`values` (the small key/value sheets of a form) reads no wrong text either."""
    path = book(tmp_path / "gia_tri.xlsx", row('<c r="A1" t="s"><v>1</v></c>', '<c r="B1" t="s"><v>abc</v></c>'))
    assert_names(refused(path, "values"), path, "B1")


def test_check_refuses_a_table_with_a_damaged_index(tmp_path):
    """The sample table with one shared-string cell whose index is -1: `check` exits 2 naming the cell."""
    sst = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="2" uniqueCount="2">'
           "<si><t>Tỷ đồng</t></si><si><t>Sở Tài chính</t></si></sst>").encode()

    def with_strings(rels: bytes) -> bytes:
        return rels.replace(b"</Relationships>", f'<Relationship Id="rIdS" Type="{REL}/sharedStrings" '
                                                 f'Target="sharedStrings.xml"/></Relationships>'.encode())

    def with_type(ct: bytes) -> bytes:
        return ct.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                       b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    path = rezip(tmp_path / "bang.xlsx", {
        SHEET: lambda d: add_cells(d, row('<c r="A300" t="s"><v>0</v></c>', '<c r="C300" t="s"><v>-1</v></c>', r=300)),
        "xl/sharedStrings.xml": sst, "xl/_rels/workbook.xml.rels": with_strings, "[Content_Types].xml": with_type})
    rc, out, err, *_ = run_limited("check", path)
    assert rc == 2 and "Traceback" not in err, err[-1500:]
    assert "«Phụ lục chỉ tiêu», ô C300: " in err and "«-1»" in err, err[-1500:]


PIECES = ["0", "1", "2", "3", "9", "-", "+", " ", ".", "e", "a", "x", "\t", "٣", "00"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=4))
def test_a_shared_string_cell_reads_its_own_string_or_is_refused_by_name(tmp_path_factory, pieces):
    """Any value: the cell reads the string its index names (a run of ASCII digits below the count), or the
    sheet is refused naming the cell; never another cell's text, never nothing in its place."""
    value = "".join(pieces)
    path = book(tmp_path_factory.mktemp("s") / "s.xlsx", row('<c r="A1"><v>7</v></c>', f'<c r="B1" t="s"><v>{value}</v></c>'))
    index = int(value) if re.fullmatch(r"[0-9]+", value) else None
    try:
        rows = open_workbook(path).grid(SHEET_NAME).rows
    except WorkbookError as exc:
        assert index is None or index >= len(STRINGS), (value, str(exc))
        assert_names(str(exc), path, "B1")
        return
    assert index is not None and index < len(STRINGS) and rows[0][1] == STRINGS[index], (value, rows)


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(1, 200), size=st.integers(1, 60))
def test_the_damaged_cell_is_found_wherever_the_chunks_end(cut, size):
    """The guard streams the sheet in chunks cut anywhere: the one damaged cell among plain ones is found."""
    cells = "".join(f'<c r="{c}1" t="s"><v>{i % 3}</v></c>' for i, c in enumerate("ABCDEFG"))
    xml = (f'<worksheet xmlns="{NS}"><sheetData>' + row(cells) + row('<c r="A2" t="s"><v>0</v></c>',
           '<c t="s" r="B2"><v>-1</v></c>', r=2) + row(cells.replace("1\"", "3\""), r=3) + "</sheetData></worksheet>").encode()
    scan = SheetCells({})
    pos = 0
    for end in [*range(cut, len(xml), size), len(xml)]:
        scan.feed(xml[pos:end])
        pos = end
    scan.finish()
    assert scan.damaged == [("B2", "-1")] and scan.damaged_count == 1


# ----------------------------------------------------------------- 2. cells calamine stops at, named
@pytest.mark.parametrize("cell,where,words", [
    ('<c r="C12" t="b"><v>2</v></c>', "C12", ['t="b"', "«2»"]),
    ('<c r="C12" t="b"><v>yes</v></c>', "C12", ['t="b"', "«yes»"]),
    ('<c r="C12" t="zz"><v>1</v></c>', "C12", ['t="zz"', "không hợp lệ"]),
    ('<c r="C12" t="N"><v>1</v></c>', "C12", ['t="N"']),
    ('<c r="C12" t="e"><v>#SPILL</v></c>', "C12", ["«#SPILL»", "công thức"]),  # no such error value
    ('<c r="C12" t="e"><v>#n/a</v></c>', "C12", ["«#n/a»"]),
    ('<c r="C12" t="n"><v> 1</v></c>', "C12", ['t="n"', "« 1»"]),
    ('<c r="C12" t="n"><v>1 </v></c>', "C12", ['t="n"', "«1 »"]),
    ('<c r="B12"><v>1</v></c><c t="zz"><v>1</v></c>', "C12", ['t="zz"']),    # no r: the next column
])
def test_a_cell_calamine_stops_at_is_named(tmp_path, cell, where, words):
    path = book(tmp_path / "dung_lai.xlsx", row('<c r="A12" t="s"><v>0</v></c>', cell, r=12))
    msg = refused(path)
    assert_names(msg, path, where)
    assert all(w in msg for w in words), msg


@pytest.mark.parametrize("cell,expected", [
    ('<c r="B1" t="n"><v></v></c>', ""),         # an empty number: nothing, not 0
    ('<c r="B1" t="b"><v></v></c>', ""),
    ('<c r="B1" t="b"><v> 1</v></c>', True),
    ('<c r="B1" t="b"><v>FALSE</v></c>', False),
    ('<c r="B1" t="e"><v>#N/A</v></c>', "#N/A"),
])
def test_cells_calamine_reads_are_read(tmp_path, cell, expected):
    path = book(tmp_path / "doc.xlsx", row('<c r="A1" t="s"><v>0</v></c>', cell, '<c r="C1"><v>5</v></c>'))
    got = open_workbook(path).grid(SHEET_NAME).rows[0][1]
    assert (getattr(got, "code", got)) == expected and type(got) is not float


BOOL_PIECES = ["0", "1", "2", "true", "FALSE", "True", " ", "\t", "\n", "yes", "01", "-"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(BOOL_PIECES), min_size=1, max_size=3),
       st.sampled_from(["b", "e", "zz", "n", "d", "str"]))
def test_the_reader_names_a_cell_exactly_when_calamine_stops(tmp_path_factory, pieces, kind):
    """A cell of random type and value: calamine fails on the sheet exactly when the reader's grammar of what
    calamine reads says so, and then the message names that cell."""
    from python_calamine import CalamineWorkbook
    from kh_excel.io.workbook import _cell_reason
    value = "".join(pieces)
    path = book(tmp_path_factory.mktemp("b") / "b.xlsx", row(f'<c r="E3" t="{kind}"><v>{value}</v></c>', r=3))
    try:
        CalamineWorkbook.from_path(str(path)).get_sheet_by_name(SHEET_NAME).to_python(skip_empty_area=False)
        read = True
    except Exception:  # noqa: BLE001
        read = False
    assert read == (_cell_reason(kind, value, len(STRINGS)) is None), (kind, value)
    if not read:
        assert_names(refused(path), path, "E3")


# ----------------------------------------------------------------- 3. .ods: the sheet and the cell are named
def _ods(dst: Path, rows_xml: str, sheet: str = "Bảng &amp; số") -> Path:
    from hostile_files import ods
    from test_guard_holes import MANIFEST
    path = ods(dst, rows_xml)
    with zipfile.ZipFile(path) as z:
        content = z.read("content.xml").replace(b'table:name="Trang1"', f'table:name="{sheet}"'.encode())
    with zipfile.ZipFile(path, "w") as z:   # calamine reads an .ods only with its manifest
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", MANIFEST)
    return path


def _ods_cell(attrs: str, text: str = "x") -> str:
    return f'<table:table-cell {attrs}><text:p>{text}</text:p></table:table-cell>'


ODS_SHEET = "Bảng & số"
A_CELL = _ods_cell('office:value-type="string"', "Chỉ tiêu")


@pytest.mark.parametrize("row_attrs,cell,where,words", [
    ("", _ods_cell('office:value-type="string" table:number-columns-repeated="abc"'), "ô B2", ["«abc»"]),
    ("", _ods_cell('office:value-type="string" table:number-columns-spanned="2x"'), "ô B2", ["«2x»"]),
    ("", _ods_cell('office:value-type="float" office:value="1,5"', "1,5"), "ô B2", ["«1,5»", "float"]),
    ("", _ods_cell('office:value-type="percentage" office:value="x"'), "ô B2", ["«x»"]),
    ("", _ods_cell('office:value-type="boolean" office:boolean-value="1"'), "ô B2", ["«1»"]),  # calamine: false
    (' table:number-rows-repeated="-3"', _ods_cell('office:value-type="string"'), "dòng 2", ["«-3»"]),
])
def test_a_damaged_ods_cell_is_named(tmp_path, row_attrs, cell, where, words):
    """calamine stops at these (on opening: it reads every sheet of an .ods then) saying neither sheet nor
    cell, or reads a truth value «1» as false: the message names the sheet and the cell (or row)."""
    first = f"<table:table-row>{A_CELL}</table:table-row>"
    path = _ods(tmp_path / "hong.ods", first + f"<table:table-row{row_attrs}>{A_CELL}{cell}</table:table-row>")
    with pytest.raises(WorkbookError) as exc:
        open_workbook(path).grid(ODS_SHEET)
    msg = str(exc.value)
    assert msg.startswith(f"Không đọc được tệp «{path}»: trang «{ODS_SHEET}», {where}: "), msg
    assert all(w in msg for w in words), msg


@pytest.mark.parametrize("value,expected", [("true", True), ("TRUE", True), ("false", False), ("FALSE", False)])
def test_an_ods_truth_value_calamine_reads_as_written_is_read(tmp_path, value, expected):
    path = _ods(tmp_path / "dung.ods", "<table:table-row>" + A_CELL
                + _ods_cell(f'office:value-type="boolean" office:boolean-value="{value}"') + "</table:table-row>")
    assert open_workbook(path).grid(ODS_SHEET).rows[0][1] is expected


def test_the_guard_names_the_ods_sheet_and_cell_of_a_long_space_run(tmp_path):
    from kh_excel.io.limits import MAX_SPACE_RUN, InputRefused, guard_spreadsheet
    cell = f'<table:table-cell office:value-type="string"><text:p>a<text:s text:c="{MAX_SPACE_RUN + 1}"/></text:p></table:table-cell>'
    path = _ods(tmp_path / "cach.ods", f"<table:table-row>{A_CELL}</table:table-row>"
                + f"<table:table-row>{A_CELL}{A_CELL}{cell}</table:table-row>")
    with pytest.raises(InputRefused) as exc:
        guard_spreadsheet(path)
    assert f"trang «{ODS_SHEET}», ô C2: " in str(exc.value), str(exc.value)


def test_the_guard_names_the_ods_sheet_of_a_repeat_bomb(tmp_path):
    from kh_excel.io.limits import InputRefused, guard_spreadsheet
    bomb = ('<table:table-row table:number-rows-repeated="3000"><table:table-cell table:number-columns-repeated='
            '"16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>')
    path = _ods(tmp_path / "bom.ods", bomb)
    with pytest.raises(InputRefused) as exc:
        guard_spreadsheet(path)
    assert f"trang «{ODS_SHEET}»: " in str(exc.value), str(exc.value)


# ----------------------------------------------------------------- 4. the guard's .xlsx refusals name the sheet
@pytest.mark.parametrize("rows,words", [
    ('<row r="2000000"><c r="A2000000"><v>1</v></c></row>', ["dòng 2.000.000"]),
    ('<row r="300"><c r="XFE300"><v>1</v></c></row>', ["cột XFE"]),
])
def test_the_guard_names_the_sheet_beside_its_part(tmp_path, rows, words):
    """A sheet past Excel's bounds: the refusal names the sheet as the user sees it («Phụ lục chỉ tiêu», from
    xl/workbook.xml and its relationships), not only its part."""
    from kh_excel.io.limits import InputRefused, guard_spreadsheet
    path = rezip(tmp_path / "xa.xlsx", {SHEET: lambda d: add_cells(d, rows)})
    with pytest.raises(InputRefused) as exc:
        guard_spreadsheet(path)
    msg = str(exc.value)
    assert "trang «Phụ lục chỉ tiêu» (xl/worksheets/sheet1.xml) " in msg and all(w in msg for w in words), msg


def test_a_sheet_the_workbook_does_not_name_is_named_by_its_part(tmp_path):
    from kh_excel.io.limits import InputRefused, guard_spreadsheet
    path = rezip(tmp_path / "mo.xlsx", {
        SHEET: lambda d: add_cells(d, '<row r="2000000"><c r="A2000000"><v>1</v></c></row>'),
        "xl/_rels/workbook.xml.rels": lambda d: d.replace(b"worksheets/sheet1.xml", b"worksheets/other.xml")})
    with pytest.raises(InputRefused) as exc:
        guard_spreadsheet(path)
    assert "trang bảng tính (xl/worksheets/sheet1.xml) " in str(exc.value), str(exc.value)


# ----------------------------------------------------------------- 4. an inline string mixed with another value
# Read by hand with calamine 0.9, openpyxl 3.1 and LibreOffice (soffice --convert-to csv): the readers disagree on
# each of these, and calamine's reading is the emptiest (D7 below reads as nothing in calamine and LibreOffice).
MIXED = [
    ('<c r="D7" t="inlineStr"><v>12</v></c>', "12"),                              # a figure in <v>, no <is>
    ('<c r="D7" t="inlineStr"><is/><v>12</v></c>', "12"),                         # an empty <is> beside it
    ('<c r="D7" t="inlineStr"><is><t></t></is><v>12</v></c>', "12"),
    ('<c r="D7" t="inlineStr"><is><t>12,5</t></is><v>12</v></c>', "12"),          # calamine keeps the last: ""
    ('<c r="D7" t="inlineStr"><v>12</v><is><t>12,5</t></is></c>', "12"),          # LibreOffice reads nothing
    ('<c r="D7" t="inlineStr"><is><t>12,5</t></is><v/></c>', "12,5"),              # calamine empties the cell
    ('<c r="D7" t="inlineStr"><is><t>12,5</t></is><v></v></c>', "12,5"),
    ('<c r="D7" t="inlineStr"><f>6*2</f><v>12</v></c>', "12"),                   # a formula in an inline cell
    ('<c r="D7"><is><t>12</t></is></c>', "12"),                                   # <is> in a number cell: only
    ('<c r="D7" t="n"><is><t>12</t></is></c>', "12"),                             # calamine reads it
    ('<c t="inlineStr" r="D7" s="1">\n <is><r><t>1</t></r><r><t>2</t></r></is>\n <v>9</v>\n</c>', "9"),
    ("<c r='D7' t='inlineStr'><v>12</v></c>", "12"),
]


@pytest.mark.parametrize("cell,shown", MIXED)
def test_an_inline_string_mixed_with_a_value_refuses_the_sheet_naming_the_cell(tmp_path, cell, shown):
    path = book(tmp_path / "lan.xlsx", row('<c r="A7" t="s"><v>0</v></c>', cell,
                                           '<c r="E7" t="inlineStr"><is><t>Sở Tài chính</t></is></c>', r=7))
    for how in ("grid", "values"):
        msg = refused(path, how)
        assert_names(msg, path, "D7")
        assert f"ô «{shown}» " in msg and 't="inlineStr"' in msg and "nhập lại ô này" in msg, msg


@pytest.mark.parametrize("cell,expected", [
    ('<c r="B1" t="inlineStr"><is><t>Tỷ đồng</t></is></c>', "Tỷ đồng"),
    ('<c r="B1" s="2" t="inlineStr"><is><t xml:space="preserve"> 12,5 </t></is></c>', " 12,5 "),
    ('<c t="inlineStr" r="B1"><is><r><t xml:space="preserve">Tỷ </t></r><r><rPr><b/></rPr><t>đồng</t></r></is></c>', "Tỷ đồng"),
    ('<c r="B1" t="inlineStr">\n  <is>\n    <t>inlineStr</t>\n  </is>\n</c>', "inlineStr"),
    ('<c r="B1" t="inlineStr"/>', ""),
    ('<c r="B1" t="inlineStr"><v/></c>', ""),                                       # nothing anywhere: empty
    ('<c r="B1" t="str"><f>"is"</f><v>is</v></c>', "is"),
])
def test_an_inline_string_written_one_way_is_read(tmp_path, cell, expected):
    path = book(tmp_path / "dung.xlsx", row('<c r="A1"><v>7</v></c>', cell, '<c r="C1" t="inlineStr"><is><t>x</t></is></c>'))
    rows = open_workbook(path).grid(SHEET_NAME).rows
    assert rows[0][0] == 7 and rows[0][1] == expected and rows[0][2] == "x"


def test_a_prefixed_mixed_inline_cell_is_named(tmp_path):
    xml = row('<x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c>',
              '<x:c r="B1" t="inlineStr"><x:is><x:t>b</x:t></x:is><x:v>3</x:v></x:c>')
    path = book(tmp_path / "x.xlsx", "")
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{NS}">'
                                         f"<x:sheetData>{xml.replace('<row', '<x:row').replace('</row', '</x:row')}"
                                         "</x:sheetData></x:worksheet>").encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, d in parts.items():
            z.writestr(n, d)
    assert_names(refused(path), path, "B1")


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(1, 300), size=st.integers(1, 80), where=st.integers(0, 6))
def test_the_mixed_inline_cell_is_found_wherever_the_chunks_end(cut, size, where):
    """Among plain inline strings (a sheet written by a script), the one mixed cell is found and counted once."""
    letters = "ABCDEFG"
    cells = [f'<c r="{c}2" t="inlineStr"><is><t>ô {c}</t></is></c>' for c in letters]
    cells[where] = f'<c r="{letters[where]}2" t="inlineStr"><is><t>ô</t></is><v>4</v></c>'
    plain = "".join(f'<c r="{c}1" t="inlineStr"><is><t>{c}</t></is></c>' for c in letters)
    xml = (f'<worksheet xmlns="{NS}"><sheetData>' + row(plain) + row(*cells, r=2) + row(plain.replace('1"', '3"'), r=3)
           + "</sheetData></worksheet>").encode()
    scan = SheetCells({})
    pos = 0
    for end in [*range(cut, len(xml), size), len(xml)]:
        scan.feed(xml[pos:end])
        pos = end
    scan.finish()
    assert scan.mixed == [(f"{letters[where]}2", "4")] and scan.mixed_count == 1


def test_check_refuses_a_result_written_as_a_mixed_inline_cell(tmp_path):
    """The sample table with one result cell written t="inlineStr" with its figure in <v>: read as empty, the
    row would have had no result; `check` exits 2 naming the cell instead."""
    path = rezip(tmp_path / "bang.xlsx", {
        SHEET: lambda d: add_cells(d, row('<c r="A300" t="inlineStr"><is><t>x</t></is></c>',
                                          '<c r="E300" t="inlineStr"><v>93,5</v></c>', r=300))})
    rc, out, err, *_ = run_limited("check", path)
    assert rc == 2 and "Traceback" not in err, err[-1500:]
    assert "«Phụ lục chỉ tiêu», ô E300: ô «93,5» " in err, err[-1500:]
