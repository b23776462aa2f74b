"""The words core.direction looks for (burdens, ceilings, «chưa …», «không …») count only as whole words of the name,
each written with its own diacritics or with none: a folded name loses the diacritics, and «Số nhiệm vụ» folds to a
text holding «o nhiem» (ô nhiễm) across «Số | nhiệm», «tài năng» to one holding «tai nan» (tai nạn), «lưu bản quyền»
to «luu ban» (lưu ban). Such a name read «lower is better» makes more research tasks than planned «Không đạt»
(rev11 D27)."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from direction_corpus import rows
from kh_excel.core import direction as D
from kh_excel.core.model import Target
from kh_excel.core.text import fold, tone_key

PLAN = Target(text="10", op="=", value=Decimal(10))
DEFAULT = ("up", "mặc định: càng cao càng tốt")


@pytest.mark.parametrize("name", [
    "Số nhiệm vụ khoa học và công nghệ cấp tỉnh",   # s|o nhiem
    "Số nhiệm kỳ đại hội hoàn thành",
    "SỐ NHIỆM VỤ KHCN CẤP TỈNH",
    "So nhiem vu khoa hoc",                          # typed without diacritics: still no word «o»
    "Tỷ lệ trẻ hạnh phúc",                           # «trẻ hạnh» ⊃ tre han(h)
    "Số học sinh giỏi, tài năng cấp quốc gia",       # tai nan(g)
    "Khối lượng hàng hóa thông qua hàng không",      # qua han(g)
    "Số tác phẩm lưu bản quyền",                     # whole words, other diacritics: lưu bản ≠ lưu ban
    "Số nhà tắm công cộng",                          # nhà tắm ≠ nhà tạm
    "Số cán bộ ở nhiệm sở",                          # ở nhiệm ≠ ô nhiễm
    "Số hộ khống có",                                # khống ≠ không
    "Số chùa có tượng cổ",                           # chùa có ≠ chưa có
    "Tổng thu hàng năm",                             # thu hàng ≠ thứ hạng (no unit: the name would tell a rank)
])
def test_a_word_joined_across_words_or_written_otherwise_is_no_burden(name):
    assert D.infer_direction(name, "", PLAN) == DEFAULT


@pytest.mark.parametrize("name, said", [
    ("Số cơ sở gây ô nhiễm môi trường", "ô nhiễm"),
    ("SO CO SO GAY O NHIEM", "O NHIEM"),              # typed without diacritics: counts, quoted as typed
    ("Tỷ lệ học sinh lưu ban", "lưu ban"),
    ("Số vụ tai nạn giao thông", "tai nạn"),
    ("Tỷ lệ hồ sơ giải quyết quá hạn", "quá hạn"),
    ("Số người nghiện ma tuý", "nghiện"),            # old tone placement of «túy» is the same word
    ("Số vụ cháy, nổ", "cháy, nổ"),
])
def test_a_burden_written_so_counts_and_the_reason_quotes_the_name(name, said):
    assert D.infer_direction(name, "Vụ", PLAN) == ("down", f"tên chỉ tiêu nói về điều bất lợi («{said}»): càng thấp "
                                                           "càng tốt")


def test_spaces_and_letters_that_fold_to_two():
    """A name with runs of spaces is read as cleaned; one whose fold is not letter for letter («ো» folds to two
    letters) cannot be compared with its fold, and its folded words count as found, as before."""
    assert D.infer_direction("Số  nhiệm   vụ", "Đơn vị", PLAN) == DEFAULT
    assert D.infer_direction("Số  vụ  tai   nạn", "Vụ", PLAN) == (
        "down", "tên chỉ tiêu nói về điều bất lợi («tai nạn»): càng thấp càng tốt")
    assert len(fold("ো")) == 2
    assert D.infer_direction("ো Số vụ tai nạn", "Vụ", PLAN) == (
        "down", "tên chỉ tiêu nói về điều bất lợi («tai nan»): càng thấp càng tốt")


# What the rules look for, as written: a burden or ceiling word, «chưa» (before any word), «không …», «bị», «giảm».
PATTERNS = [tuple(tone_key(w) for w in p.split(" "))
            for p in (*D.BURDENS, *D.CEILING_WORDS, *D.NOT_HAVING, *D.RANK_WORDS, "chưa", "bị", "giảm")]
SYLLABLES = {w for p in PATTERNS for w in p}
FOLDED_SYLLABLES = {fold(w) for w in SYLLABLES}
VARIANTS = {"a": "aàáảãạăằắẳẵặâầấẩẫậ", "e": "eèéẻẽẹêềếểễệ", "i": "iìíỉĩị", "o": "oòóỏõọôồốổỗộơờớởỡợ",
            "u": "uùúủũụưừứửữự", "y": "yỳýỷỹỵ", "d": "dđ"}


def _pool() -> list[str]:
    """Words of the corpus's names and the rules' own syllables, with other diacritics: near misses of the words
    looked for. Words the rules look for (as written, or folded as typed without diacritics) are kept: a name holding
    one as a whole word is left out below, not the word."""
    words = {w for r in rows() for w in re.findall(r"\w+", r[0])} | SYLLABLES
    return sorted(w for w in words if not (w.isascii() and fold(w) in FOLDED_SYLLABLES))


POOL = _pool()


@st.composite
def near_miss(draw) -> str:
    """A syllable the rules look for, with its vowels and «d» written otherwise (maybe the word itself)."""
    base = fold(draw(st.sampled_from(sorted(SYLLABLES))))
    return "".join(draw(st.sampled_from(VARIANTS[c])) if c in VARIANTS else c for c in base)


def _holds_a_pattern(name: str) -> bool:
    """Does the name hold a word the rules look for, as whole words written so (or ASCII, typed without)?"""
    words = [tone_key(w) for w in name.split(" ")]
    keys = [fold(w) if w.isascii() else w for w in words]
    for i, k in enumerate(keys):
        for forms in {f for key in (k, k.rstrip(",")) for f in PATTERNS_BY_FIRST.get(key, ())}:
            n = len(forms)
            got = keys[i:i + n]
            if len(got) < n:
                continue
            got[-1] = got[-1].rstrip(",")  # a word ends at a comma; within a pattern («cháy, nổ») the comma counts
            if all(g == w or g == f for g, (w, f) in zip(got, forms)):
                return True
    return False


# The patterns by the forms of their first word, each word as written and folded (a key matches either): a name's
# word that begins no pattern is passed over at once, and no word of a pattern is folded again for each name
PATTERNS_BY_FIRST: dict[str, list[tuple[tuple[str, str], ...]]] = {}
for _p in PATTERNS:
    for _first in {_p[0], fold(_p[0])}:
        PATTERNS_BY_FIRST.setdefault(_first, []).append(tuple((w, fold(w)) for w in _p))


names = st.lists(st.one_of(st.sampled_from(POOL), near_miss()), min_size=1, max_size=8).flatmap(
    lambda ws: st.lists(st.sampled_from([" ", ", "]), min_size=len(ws) - 1, max_size=len(ws) - 1).map(
        lambda js: ws[0] + "".join(j + w for j, w in zip(js, ws[1:]))))


@settings(max_examples=3000, deadline=None)
@given(names)
def test_a_name_of_other_words_never_reads_lower_is_better(name):
    """However its words are joined, a name holding none of the words looked for as written reads «higher is
    better» by default (no unit: the name tells a rank too)."""
    if _holds_a_pattern(name):
        return
    assert D.infer_direction(name, "", PLAN) == DEFAULT, name


@pytest.mark.parametrize("name, expected", [
    ("Số dự án chưa giải ngân", "down"),
    ("Tỷ lệ dân số chưa tham gia bảo hiểm y tế", "down"),
    ("Số thôn chưa có điện lưới quốc gia", "down"),
    ("Tỷ lệ người không biết chữ", "down"),
    ("Tỷ lệ cơ sở không đảm bảo an toàn thực phẩm", "down"),
    ("Tỷ lệ xã không có ma túy", "up"),                        # the burden negated
    ("Thu ngân sách nhà nước (chưa kể thu tiền sử dụng đất)", "up"),   # «chưa» leaving a part out of the figure
    ("Tổng vốn đầu tư (chưa bao gồm vốn FDI)", "up"),
    ("Doanh thu dịch vụ (giá chưa thuế)", "up"),
    ("Tỷ lệ thanh toán không dùng tiền mặt", "up"),           # «không» before no having or meeting
    ("Chỉ số chất lượng không khí đạt mức tốt", "up"),
])
def test_not_yet_and_not_having_before_the_thing_counted(name, expected):
    assert D.infer_direction(name, "", PLAN)[0] == expected

