"""Hidden columns come from the sheet's <cols> (calamine does not give them), read by the same streaming scan
that gathers error cells and number formats (io.ooxml_cells.SheetCells): whatever the chunks, the attribute
order, quotes, prefix or «true» for «1», the columns hidden are those the <col> elements say, and nothing after
<sheetData> counts."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kh_excel.io.ooxml_cells import SheetCells

from test_guard_scan import _scan as scan_in_chunks  # the chunked feed the sheet scan's own tests use

COL = st.tuples(st.integers(1, 40), st.integers(0, 5), st.booleans(),          # min, width, hidden
                st.sampled_from(['"', "'"]), st.sampled_from(["1", "true", "0", "false"]), st.booleans())


def _sheet(cols, prefix: str) -> tuple[bytes, set[int]]:
    p = prefix
    hidden: set[int] = set()
    out = [f'<{p}worksheet xmlns{":" + p[:-1] if p else ""}="http://schemas.openxmlformats.org/'
           f'spreadsheetml/2006/main"><{p}sheetFormatPr defaultRowHeight="15"/><{p}cols>']
    for first, width, with_hidden, q, flag, hidden_first in cols:
        last = first + width
        attrs = [f"min={q}{first}{q}", f"max={q}{last}{q}", 'width="9.5"']
        if with_hidden:
            attrs.insert(0 if hidden_first else 3, f"hidden={q}{flag}{q}")
            if flag in ("1", "true"):
                hidden.update(range(first - 1, last))
        out.append(f"<{p}col {' '.join(attrs)}/>")
    out.append(f"</{p}cols><{p}sheetData>")
    # a cell whose text reads like a hidden column, and a <col> after the cells: neither hides anything
    out.append(f'<{p}row r="1"><{p}c r="A1" t="inlineStr"><{p}is><{p}t>&lt;col min="1" max="9" hidden="1"/&gt;'
               f'</{p}t></{p}is></{p}c><{p}c r="B1"><{p}v>12</{p}v></{p}c></{p}row>')
    out.append(f'</{p}sheetData><{p}colBreaks count="1"><{p}brk id="3" max="1048575" man="1"/></{p}colBreaks>'
               f'<{p}col min="30" max="50" hidden="1"/></{p}worksheet>')
    return "".join(out).encode(), hidden


def _scan(xml: bytes, cuts: list[int]) -> SheetCells:
    return scan_in_chunks(xml, cuts, {})


@settings(max_examples=300, deadline=None)
@given(st.lists(COL, max_size=8), st.sampled_from(["", "x:"]), st.data())
def test_hidden_columns_are_those_the_col_elements_say_wherever_the_chunks_end(cols, prefix, data):
    xml, hidden = _sheet(cols, prefix)
    cuts = data.draw(st.lists(st.integers(0, len(xml)), max_size=10))
    assert _scan(xml, cuts).hidden_columns(60) == frozenset(hidden)
    assert _scan(xml, []).hidden_columns(60) == frozenset(hidden)


def test_a_range_to_the_last_column_is_bounded_by_the_grid():
    # «hide every column to the right», as staff do to tidy a sheet: one <col> up to XFD
    xml = (b'<worksheet><cols><col min="8" max="16384" hidden="1" width="0"/></cols><sheetData>'
           b'<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>')
    scan = _scan(xml, [])
    assert scan.hidden == [(7, 16383)]
    assert scan.hidden_columns(10) == frozenset({7, 8, 9})
    assert scan.hidden_columns(5) == frozenset()
