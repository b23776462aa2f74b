"""The input guard and the reader's sheet scan after the second speed round of issue 14 give exactly
what they gave before (tests/limits_reference.py, tests/ooxml_cells_reference.py: the modules as they
were): the same bounds, the same refusals with the same messages, the same error cells, formats and
formulas, on random token soup cut anywhere, on sample and real books, hostile books and the 10,000-row
table. The guard is a security boundary: a faster pattern that lets one more file through fails here."""
from __future__ import annotations

import itertools
import re
from collections import Counter
import sys
from pathlib import Path

import limits_reference as old_limits
import ooxml_cells_reference as old_cells
import pytest
from helpers import REAL, sample
from hostile_files import SHEET, add_cells, rezip
from hypothesis import given, settings
from hypothesis import strategies as st

from kh_excel.core.model import ErrorValue, Grid
from kh_excel.io import limits as new_limits
from kh_excel.io import ooxml_cells as new_cells
from kh_excel.io import workbook

# Pieces of sheet XML, honest and hostile, that the guard's patterns look for or could be fooled by.
TOKENS = [
    "<worksheet>", "<x:worksheet>", '<dimension ref="A1:H9"/>', "<dimension ref='A1:XFD1048577'/>", "dimension",
    "<sheetData>", "</sheetData>", "<row", "<row>", '<row r="5">', '<row r="1048577">', "<x:row r='7'>",
    "<rowBreaks/>", '<row spans="1:8" r="12">', "</row>", "<c", "<c>", "<c/>", '<c r="A1">', '<c r="h12">',
    '<c r="$B$7">', '<c r="I3">', '<c r="AA3"', '<c r="XFD1">', '<c r="B1048577"/>', '<c r="C123456">',
    "<x:c r='D4'>", '<c r = "E5">', "<c r='F6'>", "<c\tr=\"G7\">", "<c\nr='Z9'>", "<c r=\n\"B2\">", "\r",
    ' r="', " r='", " r =", " r", "r=", '="', '"', "'", "=", " ", "\t", "\n", ">", "/>", "<", "w", "$",
    " s=\"1\"", ' s="3"', ' t="e"', 't="e"', ' t="n"', ' t="str"', "<v>1</v>", "<v>#N/A</v>", "<v></v>", "<v/>",
    "<f>A1</f>", "<f/>", '<f t="shared" si="0"/>', "<x:f>B2</x:f>", "</c>", "</x:c>", "<is><t>", "</t></is>",
    "1", "9", "12", "0", "007", "99999", "1048576", "1048577", "99999999999", "16385", "A", "H", "Z", "AB",
    ' count="12345678"', " uniqueCount='99999999'", " count = \"2000001\"", "ount", "<mergeCells count=\"3\">",
    "it's", " = ", "of ", "Chỉ tiêu", "&lt;row r=\"5\"", "&#7908;",
    # attributes on their own lines or after a tab, as XML allows
    '<c\rr="AB7">', "<c\tr='I3'>", '<c\nr="XFD9"/>', '<row\rr="2000000">', '<c r="A1"\tt="e"><v>#REF!</v></c>',
    '<c\nt="e"\nr="B2"><v>#N/A</v></c>', '<c r="C3"\ns="1"><v>2</v></c>',
    # whole formula cells: without a value, with an empty one, with an error
    '<c r="B2"><f>A1</f></c>', '<c r="C3" s="1"><f>1+1</f><v></v></c>', '<c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
    '<c r="E5"><f t="shared" si="0"/></c>', '<c r="F6" t="str"><f>""</f><v></v></c>',
]
PREFIX_ROOT = ("<worksheet>", "<x:worksheet>", "")


def _chunks(xml: bytes, cuts: list[int]) -> list[bytes]:
    edges = [0, *sorted({c for c in cuts if 0 < c < len(xml)}), len(xml)]
    return [xml[a:b] for a, b in zip(edges, edges[1:])]


def _scan(limits, xml: bytes, cuts: list[int], precise: bool = False):
    """What the guard's sheet scan ends with: its bounds and counts, or the refusal and its message."""
    scan = limits._SheetScan(Path("x.xlsx"), SHEET, precise=precise)
    try:
        for chunk in _chunks(xml, cuts):
            scan.feed(chunk)
        scan.feed(b"", last=True)
    except limits.InputRefused as exc:
        return type(exc).__name__, str(exc)
    return scan.max_row, scan.max_col, scan.rows, scan.cells, scan.value_row, scan.value_col


_CELL_ROW = re.compile(rb"""\sr\s*=\s*["']\$?[A-Za-z]{1,8}\$?(\d+)""")


def _same_sheet_verdict(xml: bytes, cuts: list[int], precise: bool = False) -> None:
    """The sheet scan measures and refuses as the old one did, with one deliberate difference (brief g2,
    hole 2): the old scan read a cell's row only when it had more digits than the largest row tag, so a
    cell below that row with as many digits (A9 under <row r="5">) was taken to lie within it; the new
    one reads it. Where they differ, the new scan is the stricter: it refuses where the old one did,
    and otherwise its farthest row (or the row it refuses) is a cell row of the sheet past the old
    farthest row, everything else alike."""
    new, old = _scan(new_limits, xml, cuts, precise), _scan(old_limits, xml, cuts, precise)
    if new == old:
        return
    assert isinstance(new[0], str) or not isinstance(old[0], str), (new, old)   # never less strict
    if not isinstance(new[0], str) and not isinstance(old[0], str) and new[:2] + new[3:] == old[:2] + old[3:]:
        # a second deliberate difference: every «<row» counts, as bytes.count counts it (the scan's rule), where
        # the old one let a broken tag swallow the next («<row r="<row r="5">»: 1); more rows is only stricter
        assert old[2] < new[2] == xml.count(b"<row"), (new, old)
        return
    rows = [int(r) for r in _CELL_ROW.findall(new_limits._plain_attributes(xml))]
    # the root is the first element (the new scan waits for it; the old one looked only in the first chunk)
    first = re.search(rb"<[A-Za-z_][^\s>/]*", xml)
    root = re.match(rb"<([A-Za-z_][\w.-]*:)?worksheet\b", xml[first.start():]) if first else None
    first_tag_end = (xml.find(b">", first.start()) % (len(xml) + 1) + 1) if first is not None else 0  # past its «>»
    misread_root = first is not None and (any(0 < c < first_tag_end for c in cuts)
                                          or root is None and re.search(rb"<[A-Za-z_][\w.-]*:worksheet\b", xml))
    if misread_root and not isinstance(old[0], str) and (isinstance(new[0], str) or all(
            n >= o for n, o in zip(new[1:2] + new[3:], old[1:2] + old[3:])) and all(r <= new[0] for r in rows)):
        return  # and where the old scan misread the root: the chunks cut it («<» | «x:worksheet><x:row r='7'>») and it
        #         never read it, or it took a worksheet tag after other elements for the root («<c r="E5"><x:worksheet>»).
        #         The new scan reads the first element; it refuses, or bounds every cell at least as the old one did
        #         (row tags without cells allocate nothing)
    if isinstance(new[0], str) and "tiền tố XML khác" in new[1]:
        # and a third: a row or cell tag of another prefix than the root's (<x:row r='7'> in a sheet of plain tags)
        # is a row or cell to calamine but escaped the old scan's bounds: the sheet is refused (test_guard_holes)
        prefix = (root.group(1) or b"") if root else b""
        assert any(p != prefix for p in re.findall(rb"<((?:[A-Za-z_][\w.-]*:)?)(?:row|c)(?![\w.:-])", xml)), (new, old)
        return
    if isinstance(old[0], str):
        return                                                   # both refuse (a farther cell named)
    assert any(r > old[0] for r in rows), (new, old)
    if not isinstance(new[0], str):
        assert new[1:] == old[1:] and new[0] in rows, (new, old)


def _count(limits, xml: bytes, cuts: list[int]):
    scan = limits._CountScan(Path("x.xlsx"), SHEET)
    try:
        for chunk in _chunks(xml, cuts):
            scan.feed(chunk)
    except limits.InputRefused as exc:
        return str(exc)
    return None


def _same_count_verdict(xml: bytes, cuts: list[int]) -> None:
    """The count scan decides as the old one did, with one deliberate difference (brief g2, hole 1):
    the old scan carried 512 bytes and took a count whose tag began before them for text, and cut a
    count attribute from its number by a long run of spaces; the new one knows where the carried tail
    began and carries such an attribute whole. So where they differ, the new scan refuses, and refuses
    a count the part really holds in a tag: read in one piece, the part is refused as well."""
    new, old = _count(new_limits, xml, cuts), _count(old_limits, xml, cuts)
    if new != old:
        assert new is not None and _count(new_limits, xml, []) is not None, (new, old)


def _cells(module, xml: bytes, cuts: list[int], wanted: dict[int, str]):
    scan = module.SheetCells(wanted)
    try:
        for chunk in _chunks(xml, cuts):
            scan.feed(chunk)
        scan.finish()
    except Exception as exc:  # noqa: BLE001 - the guard marks the scan failed: it must fail alike
        return type(exc).__name__
    errors, formats, uncached = scan.result()
    return errors, formats, dict(uncached), uncached.every


def _same_cells(xml: bytes, cuts: list[int], wanted: dict[int, str]) -> None:
    """The reader's scan gathers what the old one did, with one deliberate difference (brief g2, hole 3):
    error cells written t='e' or t = "e" (and their r='A1', r = "A1") are collected now; the old scan
    knew only t="e" and r="A1". So the two may differ only on a part that has a «'» or a space around
    an «=»; there the formats and formulas are the same, and every error text the old scan found is
    found again (more may be)."""
    new, old = _cells(new_cells, xml, cuts, wanted), _cells(old_cells, xml, cuts, wanted)
    if new == old:
        return
    assert b"'" in xml or re.search(rb"=(?:(?<=\s=)|\s)", xml), (new, old)
    assert not isinstance(new, str) and not isinstance(old, str) and new[1:] == old[1:], (new, old)
    assert not Counter(old[0].values()) - Counter(new[0].values()), (new, old)


SOUP = st.tuples(st.sampled_from(PREFIX_ROOT), st.lists(st.sampled_from(TOKENS), max_size=80),
                 st.lists(st.integers(0, 2000), max_size=6))


@settings(max_examples=1500, deadline=None)
@given(SOUP, st.booleans())
def test_sheet_scan_of_token_soup_is_the_old_one(soup, precise):
    root, tokens, cuts = soup
    xml = (root + "".join(tokens)).encode()
    _same_sheet_verdict(xml, cuts, precise)
    _same_count_verdict(xml, cuts)


@settings(max_examples=800, deadline=None)
@given(SOUP, st.sampled_from([{}, {1: "0.00"}, {1: "0.00", 3: "0.0%"}]))
def test_reader_scan_of_token_soup_is_the_old_one(soup, wanted):
    root, tokens, cuts = soup
    xml = (root + "".join(tokens)).encode()
    _same_cells(xml, cuts, wanted)


@pytest.mark.parametrize("xml", [b'<sst count="999999999">', b"<sst uniqueCount='99999999'/>",
                                 b'<mergeCells count = "3000000"/>', b'<a b="u"><sst count="999999999">',
                                 b'<c r="A1"><f>1</f></c>', b'<x:c r="B2"><x:f t="shared" si="0"/></x:c>',
                                 b'<c r="C3" t="e"><v>#N/A</v></c>'])
def test_counts_and_formulas_at_the_first_rare_byte_are_seen_wherever_the_chunk_ends(xml):
    """The count scan starts at the first «u», the formula search at the first «f»: every cut of these
    short parts, where that byte is the one of the count or the formula, gives what the old scans gave."""
    for cut in range(len(xml) + 1):
        _same_count_verdict(xml, [cut])
        _same_cells(xml, [cut], {})


def _honest_sheet(rows: list[list[tuple[int, int | None, str]]], gap: int) -> bytes:
    """Excel-written cells (r, s, t in that order), rows numbered with gaps."""
    out = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/>'
           "<sheetData>"]
    r = 0
    for cells in rows:
        r += 1 + gap
        out.append(f'<row r="{r}" spans="1:{len(cells)}">')
        for c, (col, style, kind) in enumerate(cells):
            ref = f"{new_limits._cell_name(col, r)}"
            s = f' s="{style}"' if style is not None else ""
            body = {"n": "<v>1.5</v>", "e": "<v>#DIV/0!</v>", "f": "<f>A1*2</f>", "u": "<f>B2</f><v></v>",
                    "s": "<is><t>Chỉ tiêu</t></is>"}[kind]
            t = {"e": ' t="e"', "s": ' t="inlineStr"'}.get(kind, "")
            out.append(f'<c r="{ref}"{s}{t}>{body}</c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out).encode()


HONEST = st.lists(st.lists(st.tuples(st.integers(1, 40), st.sampled_from([None, 0, 1, 3, 7]),
                                     st.sampled_from("nnnnsefu")), min_size=1, max_size=8), min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(HONEST, st.integers(0, 3000), st.lists(st.integers(0, 4000), max_size=6),
       st.sampled_from([{}, {1: "0.00", 3: "0.0%"}]))
def test_honest_sheets_scan_as_before(rows, gap, cuts, wanted):
    xml = _honest_sheet(rows, gap)
    assert _scan(new_limits, xml, cuts) == _scan(old_limits, xml, cuts)
    assert _cells(new_cells, xml, cuts, wanted) == _cells(old_cells, xml, cuts, wanted)


# ----------------------------------------------------------------- whole books, through the guard
_SHEET_NAMED = re.compile(r"trang «Phụ lục chỉ tiêu» \(")
def _guard(limits, cells, path: Path):
    """The guard's verdict on a file (its member names or its refusal) and what the reader gathered."""
    book = cells.WorkbookCells()
    try:
        names = limits.guard_spreadsheet(path, watch=book.watch, first=book.first)
    except limits.InputRefused as exc:
        # One deliberate difference (brief rd): a refusal names the sheet as the user sees it, beside its part.
        return type(exc).__name__, _SHEET_NAMED.sub("trang bảng tính (", str(exc))
    gathered = {}
    for part, scan in sorted(book.sheets.items()):
        got = book.sheet(part)
        if got is not None:
            errors, formats, uncached = got.result()
            gathered[part] = (errors, formats, dict(uncached), uncached.every)
        else:
            gathered[part] = None
    return names, gathered


def _hostile(tmp: Path) -> list[Path]:
    """Books the guard refuses or measures the slow way, built from the sample."""
    far = "XFD1048576"
    rows = {
        "far_plain": f'<row r="300"><c r="{far}"><v>1</v></c></row>',
        "far_single": f"<row r='300'><c r='{far}'><v>1</v></c></row>",
        "far_spaced": f'<row r = "1048576"><c r = "{far}"><v>1</v></c></row>',
        "far_tab": f"<row\tr='1048576'><c\tr ='{far}'><v>1</v></c></row>",
        "row_beyond": '<row r="1048577"><c r="A1048577"><v>1</v></c></row>',
        "cell_far_below": '<row r="301"><c r="B999999"><v>1</v></c></row>',
        "wide_but_empty": '<row r="301"><c r="ZZ300000"/></row>',
        "honest_quoted": "<row r = '300'><c r = 'B300' t=\"inlineStr\"><is><t>it's = fine</t></is></c></row>",
        "error_text": '<row r="302"><c r="B302" t="e"><v>#REF!</v></c><c r="C302" t="inlineStr"><is><t>#N/A</t></is></c></row>',
    }
    paths = [rezip(tmp / f"{name}.xlsx", {SHEET: lambda d, x=xml: add_cells(d, x)}) for name, xml in rows.items()]
    paths.append(rezip(tmp / "sst.xlsx", {"xl/sharedStrings.xml": b'<sst count = "999999999999"><si><t>a</t></si></sst>'}))
    return paths


BOOKS = [sample("chi_tieu_2026_co_loi.xlsx"), sample("chi_tieu_2026_lao_cai.xlsx"), *sorted(REAL.glob("*.xlsx")),
         *sorted(REAL.glob("*.xlsm")), *sorted(REAL.glob("*.ods"))]


@pytest.mark.parametrize("chunk", [997, 1 << 22])
def test_whole_books_pass_the_guard_as_before(tmp_path, chunk, monkeypatch):
    """Sample, real and hostile books, in small chunks and in the guard's own: the same verdict and the
    same cells gathered as the old guard and scan."""
    monkeypatch.setattr(new_limits, "_SCAN_CHUNK", chunk)
    monkeypatch.setattr(old_limits, "_SCAN_CHUNK", chunk)
    for path in [*BOOKS, *_hostile(tmp_path)]:
        assert _guard(new_limits, new_cells, path) == _guard(old_limits, old_cells, path), path.name


def test_the_big_table_passes_the_guard_as_before(tmp_path):
    """The 10,000-row benchmark table, as written and with a format on every number."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_guard import styled
    from make_big import build
    plain = build(tmp_path / "big.xlsx", 10_000)
    for path in (plain, styled(plain, tmp_path / "styled.xlsx")):
        new, old = _guard(new_limits, new_cells, path), _guard(old_limits, old_cells, path)
        assert new == old
        if path.name == "styled.xlsx":
            assert len(next(iter(new[1].values()))[1]) > 10_000  # the formats were gathered, not skipped


# ----------------------------------------------------------------- workbook.grid without per-row work
def _old_put_errors(grid: Grid, errors: dict[tuple[int, int], str]) -> None:
    """workbook._put_errors before the second speed round, verbatim."""
    for (r, c), code in errors.items():
        while len(grid.rows) <= r:
            grid.rows.append([])
        row = grid.rows[r]
        while len(row) <= c:
            row.append(None)
        row[c] = ErrorValue(code)
    for row in grid.rows:
        try:
            if workbook._ERROR_TEXTS.isdisjoint(row):
                continue
        except TypeError:
            pass
        for c, v in enumerate(row):
            if isinstance(v, str) and v in workbook.EXCEL_ERRORS:
                row[c] = ErrorValue(v)


VALUES = st.one_of(st.none(), st.floats(allow_nan=False), st.integers(), st.booleans(),
                   st.sampled_from([*workbook.EXCEL_ERRORS, "", "#N/A ", "Chỉ tiêu", "#div/0!"]),
                   st.just([1]))  # an unhashable value: the row-by-row path


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(VALUES, max_size=6), max_size=8),
       st.dictionaries(st.tuples(st.integers(0, 9), st.integers(0, 7)), st.sampled_from(workbook.EXCEL_ERRORS),
                       max_size=3))
def test_error_cells_are_put_as_before(rows, errors):
    new, old = Grid("s", [list(r) for r in rows]), Grid("s", [list(r) for r in rows])
    workbook._put_errors(new, dict(errors))
    _old_put_errors(old, dict(errors))
    assert new.rows == old.rows and [type(v) for v in itertools.chain(*new.rows)] == \
        [type(v) for v in itertools.chain(*old.rows)]


def test_grid_rows_are_lists_the_reader_may_change():
    path = sample("chi_tieu_2026_co_loi.xlsx")
    book = workbook.open_workbook(path)
    grid = book.grid(book.sheet_names[0])
    assert all(type(r) is list for r in grid.rows) and grid.rows[17][4] == ErrorValue("#DIV/0!")
