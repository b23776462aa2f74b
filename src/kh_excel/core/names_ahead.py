"""Names read ahead of their sheet.

What the reader works out from an indicator's name cell alone — its display text, footnote mark and
fold (text.display_name) and what its words say of its direction (direction.name_words) — is a pure
function of the cell's text. An OOXML workbook lists its texts before any cell (the shared strings), so
an input adapter can read them while calamine, which releases the GIL, parses the sheet on another core
(io.workbook); parse_grid then looks a name cell up instead of reading it in its loop.

A reading is keyed by the exact text and is those functions' own result for it, so a text the adapter
extracted differently from calamine, or did not reach, is simply not found and is read in the loop as
before: the table is the same whatever is read ahead.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice

from kh_excel.core import direction, text

# (display text, footnote mark, fold, direction.name_words of the display text)
NameReading = tuple[str, str, str, direction.NameWords]


def read_name(cell: str) -> NameReading:
    name, mark, folded = text.display_name(cell)
    return name, mark, folded, direction.name_words(folded, name)


# Texts not read ahead: longer than any name (a note; the loop reads such a name cell itself), shorter than
# most (a unit, «-»), digits alone (an STT kept as text: a third of a table's strings, read ahead they
# took the time the names needed), and beyond this many readings (a part of strings no sheet uses must not
# fill the memory). A name among them is read in the loop, as any name not read ahead.
SHORTEST_NAME = 4
LONGEST_NAME = 1_000
MOST_NAMES = 250_000


def read_names(texts: Iterator[str], into: dict[str, NameReading], go_on: Callable[[], bool] = lambda: True,
               every: int = 8) -> None:
    """Read `texts` into `into` while `go_on()`, asked before each `every` texts, says so (the adapter stops
    when calamine is done: reading ahead never makes the reading longer). What is left of `texts` can be
    read on by a later call."""
    while go_on() and len(into) < MOST_NAMES:
        batch = list(islice(texts, every))
        if not batch:
            return
        for cell in batch:
            if SHORTEST_NAME <= len(cell) <= LONGEST_NAME and not cell.isdigit() and cell not in into:
                into[cell] = read_name(cell)
