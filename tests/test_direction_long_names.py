"""The words a name holds as written are read once per name (core.direction._written_forms): the rules ask for each
ambiguous word they find, and a 32,767-character note of «Chùa có tượng …» asked once per word took about ten
seconds (a workbook of eight such notes ran past a minute). The answers are the plain per-word searches'."""
from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from kh_excel.core import direction
from kh_excel.core.direction import _AMBIGUOUS, _AMBIGUOUS_RE, _STRICT, as_written, infer_direction
from kh_excel.core.numbers import parse_target
from kh_excel.core.text import fold


def plain_as_written(words: str, name: str) -> bool:
    """as_written as it was: each ambiguous word searched for in the whole name."""
    written = None
    for m in _AMBIGUOUS_RE.finditer(words):
        key = m.group(0)
        if written is None:
            written = unicodedata.normalize("NFC", name).lower()
        if not re.search(r"(?<!\w)" + _AMBIGUOUS[key] + r"(?!\w)", written) and (
                key in _STRICT or not re.search(r"(?<!\w)" + key + r"(?!\w)", written)):
            return False
    return True


PIECES = [*_AMBIGUOUS, *_AMBIGUOUS.values(), "giám", "giam sát", "nghiên", "nghiền", "dược", "chừa", "bí", "bì",
          "nhà tắm", "Giảm", "GIẢM", "CHƯA", "Bị", "xã", "tỷ lệ", "hộ", "nghèo", "tai nạn", "-", "(", ")", ",", "1",
          "giảmx", "xgiảm", "bị_", "\u0301", "gia\u0309m", "chu\u031ba"]
NAMES = st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join) | st.lists(
    st.sampled_from(PIECES), max_size=8).map("".join)


@settings(max_examples=1500, deadline=None)
@given(NAMES, NAMES)
def test_as_written_is_the_plain_search(words, name):
    assert as_written(fold(words), name) == plain_as_written(fold(words), name)


@pytest.mark.parametrize("note", ["Chùa có tượng ", "Tỷ lệ giám ", "Bí thư chi bộ ", "Tỷ lệ giảm nghèo chưa được "])
def test_a_long_note_is_normalised_once(note, monkeypatch):
    """However many ambiguous words a 32,767-character cell holds, it is lower-cased and normalised once."""
    text = (note * 5000)[:32_767]
    calls = []
    real = unicodedata.normalize

    class Counting:
        @staticmethod
        def normalize(form, s):
            calls.append(len(s))
            return real(form, s)
    monkeypatch.setattr(direction, "unicodedata", Counting)
    getattr(direction, "_written_forms", direction._named_direction).cache_clear()
    direction._named_direction.cache_clear()
    infer_direction(text, "", parse_target("1"))
    assert sum(1 for n in calls if n > 10_000) <= 1
