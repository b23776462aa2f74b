"""Output names of the batch: safe on every file system, readable, distinct, stable."""
from __future__ import annotations

import random
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kh_excel.batch.naming import assign_names, collision_key, safe_stem

SEPARATORS = "/\\\u2215\u2044\uff0f"


def test_slash_in_agency_never_makes_a_folder():
    assert safe_stem("UBND các xã/phường") == "UBND các xã-phường"
    assert safe_stem("UBND các xã\\phường") == "UBND các xã-phường"
    assert safe_stem("UBND các xã/phường", ascii_names=True) == "ubnd-cac-xa-phuong"


def test_vietnamese_is_kept_in_nfc():
    nfd = unicodedata.normalize("NFD", "Sở Văn hóa, Thể thao và Du lịch")
    name = safe_stem(nfd)
    assert name == "Sở Văn hóa, Thể thao và Du lịch"
    assert unicodedata.is_normalized("NFC", name)


def test_windows_illegal_and_hidden_and_reserved():
    assert safe_stem('Sở "A": B*C?<D>|E') == "Sở 'A' - B C D E"
    assert safe_stem("..ẩn") == "ẩn"                      # never a hidden file
    assert safe_stem("-x") == "x"                         # never looks like an option
    assert safe_stem("Phòng TC.") == "Phòng TC"           # Windows drops trailing dots
    assert safe_stem("CON") == "CON_"
    assert safe_stem("con", ascii_names=True) == "con_"
    assert safe_stem("  ") == "Văn bản"
    assert safe_stem("///", ascii_names=True) == "van-ban"
    assert safe_stem("Sở NN&MT", ascii_names=True) == "so-nn-mt"
    assert safe_stem("Đài Phát thanh", ascii_names=True) == "dai-phat-thanh"


def test_long_names_are_cut_and_stay_distinct():
    a = "Sở " + "rất dài " * 60 + "A"
    b = "Sở " + "rất dài " * 60 + "B"
    sa, sb = safe_stem(a), safe_stem(b)
    assert sa != sb
    assert len(sa.encode()) <= 200 and len(sb) <= 120


def test_collisions_get_distinct_stable_names():
    items = [
        ("k1", "UBND các xã/phường"),
        ("k2", "UBND các xã-phường"),
        ("k3", "UBND các xã:phường"),
        ("k4", "ubnd các xã-phường"),   # differs only in case: one file on Windows
        ("k5", "Sở Tài chính"),
    ]
    names = assign_names(items, ".docx")
    assert len({collision_key(n) for n in names.values()}) == len(items)
    # The name that needed no change keeps the plain form.
    assert names["k2"] == "UBND các xã-phường.docx"
    assert names["k5"] == "Sở Tài chính.docx"
    for _ in range(5):  # order of arrival does not matter
        shuffled = items[:]
        random.shuffle(shuffled)
        assert assign_names(shuffled, ".docx") == names


def test_numbered_name_never_takes_a_real_name():
    items = [("a", "X"), ("b", "X"), ("c", "X (2)")]
    names = assign_names(items, ".docx")
    assert names["c"] == "X (2).docx"
    assert sorted(names.values()) == ["X (2).docx", "X (3).docx", "X.docx"]


def test_ascii_collisions():
    names = assign_names([("a", "Sở Tài chính"), ("b", "Sở tài chính"), ("c", "So Tai Chinh")], ".docx", ascii_names=True)
    assert sorted(names.values()) == ["so-tai-chinh-2.docx", "so-tai-chinh-3.docx", "so-tai-chinh.docx"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=80), min_size=1, max_size=12), st.booleans())
def test_any_names_are_safe_and_distinct(displays, ascii_names):
    items = [(str(i), d) for i, d in enumerate(displays)]
    names = assign_names(items, ".docx", ascii_names=ascii_names)
    assert len({collision_key(n) for n in names.values()}) == len(items)
    for n in names.values():
        assert not any(ch in n for ch in SEPARATORS)
        assert not any(ch in n for ch in '<>:"|?*')
        assert not n.startswith((".", "-", " "))
        assert n.endswith(".docx") and n != ".docx"
        assert unicodedata.is_normalized("NFC", n)
        assert all(ord(ch) >= 32 for ch in n)
        assert len(n.encode("utf-8")) <= 255
        if ascii_names:
            assert n.isascii()
