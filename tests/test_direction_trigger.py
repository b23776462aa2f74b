"""core.direction's `_TRIGGER_FAST` (the anchored regular expression infer_direction searches every name with)
finds a match exactly when the plain trie of the trigger words, `_TRIGGER_RE`, does; `_rank_named` answers as
the rank-name search."""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings, strategies as st

from kh_excel.core import direction as D

WORDS = sorted(set(D._TRIGGER_WORDS))
# Texts made of the words' own letters, pieces of the words and the words themselves: near misses
# («giam» without its «m», «tai ngheo» cut before its anchor) are where a wrong look-behind would show.
LETTERS = "".join(sorted(set("".join(WORDS)))) + "xz,()-"
pieces = st.sampled_from(WORDS).flatmap(
    lambda w: st.tuples(st.integers(0, len(w)), st.integers(0, len(w))).map(lambda ab: w[min(ab):max(ab)]))
texts = st.lists(st.one_of(st.text(alphabet=LETTERS, max_size=12), pieces, st.sampled_from(WORDS)),
                 max_size=8).map(lambda parts: "".join(parts))
joined = st.lists(st.one_of(pieces, st.sampled_from(WORDS)), max_size=6).map(" ".join)


def _same(s: str) -> None:
    assert (D._TRIGGER_FAST(s) is None) == (D._TRIGGER_RE.search(s) is None), s


@settings(max_examples=3000, deadline=None)
@given(st.one_of(texts, joined, st.text(max_size=40)))
def test_trigger_matches_the_plain_trie(s):
    _same(s)


def test_every_word_alone_inside_and_cut():
    for w in WORDS:
        for s in (w, f"x{w}y", f"ty le {w} cua xa", w + w, w[:-1], w[1:], w[:-1] + "x", "x" + w[1:], w.upper()):
            _same(s)


def test_names_of_the_workbooks():
    data = Path(__file__).parent / "data"
    from kh_excel.api import read_workbook
    keys = {ind.key for d in ("samples", "real") for p in (data / d).glob("*.xlsx")
            for ind in read_workbook(p).indicators}
    assert len(keys) > 100
    for k in sorted(keys):
        _same(k)


RANK_WORDS = ["xep hang", "thu hang", "xep thu", "vi tri xep hang", "vi thu", "hang", "thu", "xep", "vi tri", "thu nhap"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(RANK_WORDS), st.text(alphabet="hangtuxepvir ,()", max_size=10),
                          st.text(max_size=10)), max_size=6).map(" ".join))
def test_rank_named_matches_the_search(s):
    assert D._rank_named(s) == bool(D._RANK_NAME_RE.search(s)), s
