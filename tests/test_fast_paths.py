"""The reader's shortcuts (caches of folded words, of legacy-font detection) change no result:
every sample and real workbook reads, validates and judges the same with kh_excel's caches empty
and with them filled by other workbooks first (a cache keyed too loosely would leak one cell's
reading into another's)."""
from __future__ import annotations

import functools
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from kh_excel.api import read_workbook
from kh_excel.core import text as vtext
from kh_excel.core.gate import check

DATA = Path(__file__).parent / "data"
BOOKS = sorted(p for d in ("samples", "real") for p in (DATA / d).glob("*.xlsx"))


def _clear_caches() -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith("kh_excel"):
            for value in list(vars(module).values()):
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()


def _outcome(path: Path) -> tuple:
    table = read_workbook(path)
    checked = check(table)
    return ([asdict(i) for i in table.indicators], [f.to_json() for f in checked.findings],
            [asdict(a) for a in checked.attainment.assessments], {k: v for k, v in asdict(checked.attainment.summary).items() if not callable(v)}, checked.faults)


def test_books_found():
    assert len(BOOKS) == 6


def test_results_do_not_depend_on_what_was_read_before():
    cold = {}
    for path in BOOKS:
        _clear_caches()
        cold[path] = _outcome(path)
    _clear_caches()
    for path in reversed(BOOKS):  # every cache warm with the other books' cells
        _outcome(path)
    for path in BOOKS:
        assert _outcome(path) == cold[path], path.name


@pytest.mark.parametrize("prefer", [None, "tcvn3", "vni"])
def test_legacy_detection_cache_keeps_the_preference_apart(prefer):
    # "Chæ" reads as TCVN3 «Chổ» and VNI «Chỉ» alike: the preference decides, whatever was asked first.
    for first in (None, "tcvn3", "vni"):
        vtext.detect_legacy("Chæ", first)
    assert vtext.detect_legacy("Chæ", prefer) == (prefer or "tcvn3")


def test_fold_drops_a_mark_left_after_the_fold_table():
    # x + combining acute has no precomposed letter: the mark outlives NFC and the table, and goes.
    assert vtext.fold("Tỷ lệ – x\u0301") == "ty le – x"
    assert vtext.fold("Tỷ lệ – x") == "ty le – x"
