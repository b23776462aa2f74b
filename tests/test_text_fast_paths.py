"""The fast paths of core.text (clean, fold, detect_legacy, display_text) and core.direction
(_name_direction, is_rank, infer_direction) give exactly what the plain implementations they
replaced gave. Those are kept below, copied unchanged, as the reference: random text of every kind
(Vietnamese, NFD, legacy-font and UTF-8 mojibake, odd whitespace and symbols, any Unicode) and every
text of the sample and real workbooks must read the same through both."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from kh_excel.api import read_workbook
from kh_excel.core import direction as D
from kh_excel.core import text as X
from kh_excel.core.model import Target
from kh_excel.io.workbook import open_workbook

DATA = Path(__file__).parent / "data"
BOOKS = sorted(p for d in ("samples", "real") for p in (DATA / d).glob("*.xlsx"))


# ----------------------------------------------------------------------------------------------
# The reference: the implementations before the fast paths, copied unchanged.
# ----------------------------------------------------------------------------------------------

def ref_clean(value: object) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


@lru_cache(maxsize=1 << 16)
def _ref_fold_word(word: str) -> str:
    return word.translate(X._FOLD)


@lru_cache(maxsize=1 << 16)
def _ref_marked_word(word: str) -> bool:
    out = _ref_fold_word(word)
    return not out.isascii() and any(unicodedata.combining(ch) for ch in out)


def ref_fold(value: object) -> str:
    text = ref_clean(value)
    if text.isascii():
        return text.lower()
    words = text.split(" ")
    text = " ".join(map(_ref_fold_word, words))
    if not text.isascii() and any(map(_ref_marked_word, words)):
        text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return text.lower()


def ref_detect_legacy(value: object, prefer=None):
    if value is None:
        return None
    value = str(value)
    if X._utf8_as_cp1252(value):
        return "utf8"
    found = X._judge(value)
    if not found:
        return None
    top = max(found.values())
    tied = [enc for enc, score in found.items() if score == top]
    if prefer in tied:
        return prefer
    return "tcvn3" if "tcvn3" in tied else tied[0]


def ref_display_str(v: str) -> str:
    """core.table._display_str before display_text."""
    enc = ref_detect_legacy(v) if v else None
    return ref_clean(X.convert_legacy(v, enc) if enc else v)


def ref_name_direction(folded: str, name: str | None = None):
    # The ambiguity rule (D._OTHER_SENSE, D.as_written) has its own tests (test_direction_senses.py);
    # here it is taken as given, to compare the fast paths around it.
    folded = D._other_senses_out(folded)

    def first(pattern):
        return next((m for m in pattern.finditer(folded) if name is None or D.as_written(m.group(0), name)), None)
    prefix = next((p for p in D.REDUCTION_PREFIXES if folded.startswith(p)), None)
    if (prefix is not None and (name is None or D.as_written(prefix, name))) or first(D._REDUCTION_RE):
        if D._LEVEL_RE.search(folded):  # «giảm (xuống) còn»: a level (the rule has its own tests)
            return "down", D.LEVEL_REASON
        return "up", "chỉ tiêu là mức giảm: giảm càng nhiều càng tốt"
    # burden and ceiling words as written (test_direction_written.py): taken as given
    m = next((c for c in D._CEILING_RE.finditer(folded) if D._written_as_meant(c, folded, name)), None)
    if m:
        return "down", f"chỉ tiêu là mức trần ({D.CEILINGS[m.group(0)]}): càng thấp càng tốt"
    # burden words, «bị» as written (test_direction_senses.py), handled words: taken as given
    burdens = [b for b in D._LOWER_RE.finditer(folded) if D._written_as_meant(b, folded, name)]
    if name is not None:
        burdens = sorted(burdens + [b for b in D._PASSIVE_RE.finditer(folded) if D.as_written(b.group(0), name)],
                         key=lambda b: b.start())
    if burdens:
        m = burdens[0]
        handled = None if m.group(0) in D.MANNER else D._handled(folded, name, burdens)
        if handled:
            return "up", f"tên chỉ tiêu nói về việc xử lý điều bất lợi («{D._quoted(handled, folded, name)}»): càng cao càng tốt"
        return "down", f"tên chỉ tiêu nói về điều bất lợi («{D._quoted(m, folded, name)}»): càng thấp càng tốt"
    m = next((n for n in D._NEGATED_RE.finditer(folded) if D._negation_as_meant(n, folded, name)), None)
    if m:
        return "down", f"tên chỉ tiêu nói về điều chưa làm được / không đạt («{D._quoted(m, folded, name)}»): càng thấp càng tốt"
    return "up", "mặc định: càng cao càng tốt"


def ref_rank_unit(unit: str):
    u = ref_clean(unit).lower()
    if not u:
        return None
    m = D._RANK_UNIT_RE.fullmatch(u)
    return bool(m and m.group("u").strip() in D.RANK_UNITS)


def ref_is_rank(name: str, unit: str) -> bool:
    ranked = ref_rank_unit(unit)
    if ranked is None:
        return bool(D._RANK_NAME_RE.search(ref_fold(name)))
    return ranked and not D._rank_change_name(name, unit)  # «Chỉ số PCI tăng» (bậc): places climbed, no rank


def ref_infer_direction(name, unit, target, explicit="", folded=None):
    if explicit:
        found = D._explicit_direction(explicit)
        if found is not None:
            return found
    if ref_is_rank(name, unit):
        return "down", D.RANK_REASON
    if target.op in ("<", "<="):
        return "down", "mục tiêu dạng «không vượt quá»"
    found = ref_name_direction(ref_fold(name) if folded is None else folded, name)
    if found[0] == "down" and found[1].startswith(D._BURDEN_REASON) and D._is_score(ref_fold(name) if folded is None else folded, unit):
        return D._SCORE_DIRECTION
    return found


# ----------------------------------------------------------------------------------------------
# Inputs
# ----------------------------------------------------------------------------------------------

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
# Whitespace of every kind, symbols of indicator names, letters whose case or normal form is special
# (Kelvin and Ångström signs, dotted İ, final sigma, «≠» = «=» + a combining mark), combining marks.
ODD = (" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2002\u2009\u200b\u2028\u2029\u202f\u3000\ufeff\xad"
       "–—≥≤≠±×÷%‰°²³¹()[]*.,;:/-+&'\"«»“”…•K\u212aÅ\u212bİıΣςßÆæØøÇçÑñÜüÖöÿŒœŠšŸŽžƒ"
       "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\x00\x01\x7f\ud800\U0001f600\ufffe\uffff")
WORDS = sorted({*D.LOWER_IS_BETTER, *D.CEILINGS, *D.HANDLED, "giam", "keo giam", "xep hang", "thu hang",
                "Tỷ lệ hộ nghèo", "Giảm tỷ lệ", "Chỉ số giá tiêu dùng (CPI)", "nợ xấu", "tai nạn giao thông",
                "Xếp hạng PCI", "thứ hạng", "Hạng", "Thứ/63", "bậc", "điểm %", "Tổng sản phẩm", "(*)", "[2]", "¹"})


def _legacy(text: str, how: str) -> str:
    if how == "utf8":
        data = text.encode("utf-8", "surrogatepass")
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    return X.encode_legacy(text, how)


vietnamese_text = st.text(alphabet=st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + " ,.-()0123456789"),
                          max_size=60)
odd_text = st.text(alphabet=st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + ODD + "abc "), max_size=40)
phrases = st.lists(st.one_of(st.sampled_from(WORDS), vietnamese_text, odd_text), max_size=6).map(" ".join)
texts = st.one_of(
    vietnamese_text,
    odd_text,
    phrases,
    vietnamese_text.map(lambda s: unicodedata.normalize("NFD", s)),
    phrases.map(lambda s: unicodedata.normalize("NFD", s)),
    st.tuples(phrases, st.sampled_from(("tcvn3", "vni", "utf8"))).map(lambda a: _legacy(*a)),
    st.text(max_size=40),
)


def _book_texts() -> list[str]:
    """Every text cell of every sheet, and every indicator's texts, of the sample and real workbooks."""
    out: set[str] = set()
    for path in BOOKS:
        book = open_workbook(path)
        for sheet in book.sheet_names:
            for row in book.grid(sheet).rows:
                out.update(v for v in row if isinstance(v, str))
        for ind in read_workbook(path).indicators:
            out.update((ind.name, ind.unit, ind.key, ind.note, ind.leader, ind.stt, ind.section, ind.target.text))
            out.update(v for v in ind.raw.values() if isinstance(v, str))
    return sorted(out)


# ----------------------------------------------------------------------------------------------
# Properties
# ----------------------------------------------------------------------------------------------

def _same_text(s: object) -> None:
    assert X.clean(s) == ref_clean(s)
    assert type(X.clean(s)) is str
    assert X.fold(s) == ref_fold(s)
    assert X.detect_legacy(s) == ref_detect_legacy(s)
    for prefer in ("tcvn3", "vni"):
        assert X.detect_legacy(s, prefer) == ref_detect_legacy(s, prefer)
    if isinstance(s, str):
        assert X.display_text(s) == ref_display_str(s)
        assert X.split_footnote(X.display_text(s)) == X.split_footnote(ref_display_str(s))
        name, mark = X.split_footnote(ref_display_str(s))
        assert X.display_name(s) == (name, mark, ref_fold(name))


def _same_direction(name: str, unit: str = "") -> None:
    folded = ref_fold(name)
    assert D._name_direction(folded) == ref_name_direction(folded)
    assert D.is_rank(name, unit) == ref_is_rank(name, unit)
    for op in ("=", "<=", ">="):
        t = Target(text="", op=op, value=None)
        assert D.infer_direction(name, unit, t, "", folded) == ref_infer_direction(name, unit, t, "", folded)
        assert D.infer_direction(name, unit, t) == ref_infer_direction(name, unit, t)


@settings(max_examples=1000, deadline=None)
@given(texts)
def test_text_fast_paths_match_the_reference(s):
    _same_text(s)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.booleans()))
def test_non_text_values_match_the_reference(v):
    assert X.clean(v) == ref_clean(v)
    assert X.fold(v) == ref_fold(v)
    assert X.detect_legacy(v) == ref_detect_legacy(v)


@settings(max_examples=1000, deadline=None)
@given(texts, st.sampled_from(("", "%", "Hạng", "Thứ/63", "bậc", "Điểm", "Tỷ đồng", " hạng ", "Hàng", "vị trí")))
def test_direction_fast_paths_match_the_reference(name, unit):
    _same_direction(name, unit)


def test_every_trigger_word_alone_and_inside_words_matches_the_reference():
    for w in WORDS:
        for name in (w, f"Tỷ lệ {w}", f"x{w}y", f"{w} được xử lý", w.upper(), f"giảm {w}"):
            _same_direction(name)
            _same_direction(ref_fold(name))


def test_clean_variants_of_a_name_match_the_reference():
    for s in ("", " ", "  a", "a  b", "a\u00a0b", "a\tb", " Tổng ", "Tổng\nsản", "a\u2028b", "\u200bx", "x\x1fy",
              "Tổng sản phẩm", unicodedata.normalize("NFD", "Tổng  sản phẩm "), "Tæng s¶n phÈm", "Toång saûn phaåm",
              "Tá»•ng sáº£n pháº©m", "Ã\xa0", "≠ ≥ – K Å İ"):
        _same_text(s)


@pytest.fixture(scope="module")
def book_texts() -> list[str]:
    return _book_texts()


def test_every_text_of_the_workbooks_matches_the_reference(book_texts):
    assert len(book_texts) > 500
    for s in book_texts:
        _same_text(s)
        _same_direction(s)
        _same_direction(X.display_text(s), "")


def test_every_indicator_of_the_workbooks_keeps_its_direction():
    for path in BOOKS:
        for ind in read_workbook(path).indicators:
            for unit in (ind.unit, ""):
                assert D.infer_direction(ind.name, unit, ind.target, "", ind.key) \
                    == ref_infer_direction(ind.name, unit, ind.target, "", ind.key), (path.name, ind.row)
                assert D.is_rank(ind.name, unit) == ref_is_rank(ind.name, unit)


def test_distinct_names_of_a_large_table_match_the_reference():
    """The names of benchmarks/make_big.py: the sample's names, each with a commune (distinct names)."""
    import sys
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    try:
        from make_big import PLACES
    finally:
        sys.path.pop(0)
    names = {ind.name for p in BOOKS for ind in read_workbook(p).indicators if ind.name}
    for name in sorted(names):
        for place in PLACES:
            s = f"{name} {place}"
            _same_text(s)
            _same_direction(s, "")


def test_the_fast_fold_alphabet_is_nfc_in_any_order():
    """fold skips `clean`'s NFC step for text the fast table encodes: any string of its characters
    must be NFC already (starters only, no two of them composing)."""
    decoding = X._FAST_FOLD_ALPHABET.replace("\ufffe", "")
    assert all(unicodedata.combining(ch) == 0 for ch in decoding)
    for a in decoding:
        for b in decoding:
            assert unicodedata.is_normalized("NFC", a + b), (a, b)


def test_the_fast_fold_codes_tell_legacy_free_text():
    """display_name takes «an encoded byte ≥ 128» for «a letter Windows-1252 cannot encode», which rules
    out legacy-font text (detect_legacy's _NOT_LEGACY), and needs no `clean` of such text (printable NFC)."""
    alphabet = X._FAST_FOLD_ALPHABET
    assert len(alphabet) == 256 and sum(ch != "\ufffe" for ch in alphabet) == 1 + 95 + 134
    for code, ch in enumerate(alphabet):
        if ch == "\ufffe":
            continue  # no character has this code
        assert (code >= 128) == bool(X._NOT_LEGACY.match(ch)), (code, ch)
        assert ch.isprintable() or ch == "\0", ch
        assert ch == " " or not ch.isspace(), ch
    for ch in ("\ufffe", "\t", "\n", "\x1f", "\x7f", "\xa0", "–"):
        with pytest.raises(UnicodeEncodeError):
            X._charmap_encode(ch, "strict", X._FAST_FOLD_MAP)


@pytest.mark.parametrize("s", ["Tổng sản phẩm (*)", "Tỷ lệ hộ nghèo  ", "  Hộ **", "(*)", "Số (1)", "Tên", "Cà phê",
                               "Tæng s¶n phÈm", "Tá»•ng sáº£n pháº©m", "Cơ cấu – GRDP", "Tổng\x01sản", "Tổng\tsản", "a  b ¹",
                               "Hộ nghèo [2]", "Hộ nghèo[12]", "Hộ nghèo (123)", " ", "", "Tỷ lệ)", "Hộ\ufffe", "Hộ\x00 nghèo  ",
                               "\x00", "Hộ\x7f"])
def test_display_name_is_the_three_calls(s):
    name, mark = X.split_footnote(X.display_text(s))
    assert X.display_name(s) == (name, mark, X.fold(name))
    _same_text(s)


# Names with symbols among Vietnamese letters (display_name's symbol path): any character of Unicode
# beside them, so that a symbol with a case, a mark, a space or a composition takes the general path.
mixed_names = st.lists(st.one_of(vietnamese_text, st.sampled_from(WORDS), st.characters(),
                                 st.sampled_from(list("–—≥≤“”…•°²¹*()[]ⒶΣ\u0338=\u00a0\u2028"))),
                       min_size=1, max_size=8).map("".join)


@settings(max_examples=1500, deadline=None)
@given(mixed_names)
def test_display_name_of_names_with_symbols_matches_the_reference(s):
    name, mark = X.split_footnote(ref_display_str(s))
    assert X.display_name(s) == (name, mark, ref_fold(name))


def test_inert_symbols_are_kept_by_clean_and_fold():
    """Every character _inert accepts (all of Unicode below U+30000) reads through clean and fold unchanged
    beside Vietnamese letters and spaces, as display_name's symbol path assumes."""
    import sys as _sys
    inert = [chr(cp) for cp in range(0x30000) if X._inert(chr(cp))]
    assert len(inert) > 3000 and "–" in inert and "≥" in inert and "²" in inert
    for ch in inert:
        for s in (f"Ấp {ch} ă", f"ă{ch}", f"{ch}ơ  ", f"Ư {ch}{ch} (*)"):
            name, mark = X.split_footnote(ref_display_str(s))
            assert X.display_name(s) == (name, mark, ref_fold(name)), hex(ord(ch))


def test_a_name_that_is_the_passive_word_alone_reads_as_the_reference_does():
    """Hypothesis drew «BỊ»: the fast test for «bị» as a word looked for it before or after a space only."""
    _same_direction("BỊ")
    _same_direction("bị")
