"""Which way is better for an indicator: higher, lower, or about the target (SPEC §4).

Taken from an explicit Chiều column when the sheet has one, otherwise from the
target's operator, otherwise inferred from the indicator's name. The reason is
kept (in Vietnamese) so that a reader of the report can see why.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from collections.abc import Iterable
from functools import lru_cache

from kh_excel.core import text as vtext
from kh_excel.core.model import Direction, Target

# Names whose meaning is a burden: the lower the better. Written with their diacritics: a word counts only at word
# boundaries and where the name writes each of its words so, or without diacritics (`_written_as_meant`): «Số nhiệm
# vụ» holds no «ô nhiễm», «tài năng» no «tai nạn», «lưu bản quyền» no «lưu ban», «nhà tắm» no «nhà tạm».
BURDENS = (
    "hộ nghèo", "hộ cận nghèo", "lao động nông nghiệp", "tử vong", "chết", "tai nạn", "nợ xấu",
    "thất nghiệp", "suy dinh dưỡng", "thấp còi", "nhẹ cân", "ô nhiễm", "tội phạm", "vi phạm",
    "cháy rừng", "phá rừng", "ma túy", "nghiện", "bỏ học", "tái mù chữ", "mù chữ", "sinh con thứ 3",
    "mất cân bằng giới tính", "tỷ số giới tính khi sinh", "tồn kho",
    "khiếu nại", "tồn đọng", "quá hạn", "trễ hạn", "thiệt hại", "mắc mới", "nhiễm HIV",
    "không chính thức", "phi chính thức", "thời gian giải quyết", "ngập úng", "kẹt xe", "ùn tắc", "TNGT",
    "tái nghèo",
    # arrears, failing firms and projects, damage to forests and land, crime, disease, social harm, makeshift rooms
    "nợ đọng", "nợ thuế", "giải thể", "tạm ngừng", "tạm ngưng", "ngừng hoạt động", "ngưng hoạt động", "phá sản",
    "chậm tiến độ", "suy giảm", "sụt giảm", "suy thoái", "phát thải", "sạt lở", "tái phạm", "cháy nổ", "cháy, nổ",
    "ngộ độc", "truyền nhiễm", "ca mắc", "tỷ lệ mắc", "ca nhiễm", "cuộc đình công", "vụ đình công", "ngừng việc",
    "ngưng việc", "tảo hôn", "xâm hại", "bạo lực", "buôn lậu", "gian lận", "sai phạm", "tham nhũng", "bị thương",
    "mất tích", "phòng học tạm", "phòng học mượn", "nhà tạm", "dột nát", "lưu ban", "thiếu việc làm", "bỏ hoang",
    "nhiễm bệnh", "sinh con thứ ba", "chênh lệch giàu", "chênh lệch thu nhập",
    # crime and social evils, epidemics, deprivation, ill health, costs a plan cuts (rev11 D11)
    "phạm pháp", "phạm tội", "tệ nạn", "trộm cắp", "lừa đảo", "khiếu kiện", "điểm nóng", "tự tử", "ổ dịch",
    "dịch bệnh", "thiếu hụt",
    "thiếu đói", "hộ đói", "nạn đói", "béo phì", "thừa cân", "lang thang", "trẻ em ngoài nhà trường", "trẻ ngoài nhà trường",
    "chi phí logistics",
)
LOWER_IS_BETTER = tuple(dict.fromkeys(vtext.fold(w) for w in BURDENS))
_LOWER_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in LOWER_IS_BETTER) + r")\b")
# Ceilings: figures a plan caps rather than raises (written as `BURDENS`), with the reason written in the report.
CEILING_WORDS: dict[str, str] = {
    "CPI": "giá tiêu dùng", "chỉ số giá tiêu dùng": "giá tiêu dùng",
    "lạm phát": "lạm phát", "tiêu hao": "mức tiêu hao trên một đơn vị sản phẩm",
    "tiêu tốn": "mức tiêu tốn trên một đơn vị sản phẩm", "thất nghiệp": "thất nghiệp", "nợ công": "nợ công",
    "nợ chính phủ": "nợ công", "nợ chính quyền địa phương": "nợ công", "bội chi": "bội chi ngân sách",
    "nhập siêu": "nhập siêu", "tổn thất": "tổn thất", "thất thoát": "thất thoát",
}
CEILINGS: dict[str, str] = {vtext.fold(w): why for w, why in CEILING_WORDS.items()}
_CEILING_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(CEILINGS, key=len, reverse=True)) + r")\b")


WrittenForms = tuple[frozenset[str], tuple[tuple[str, ...], ...]]


def _word_forms(words: Iterable[str]) -> dict[str, WrittenForms]:
    """Each folded word -> its written forms: lower-cased as written here (the common case, compared at once), and
    word by word in the key `_written_in` compares under (old and new tone placement alike)."""
    forms: dict[str, list[str]] = {}
    for w in words:
        forms.setdefault(vtext.fold(w), []).append(w)
    return {k: (frozenset(w.lower() for w in v), tuple(tuple(vtext.tone_key(x) for x in w.split(" ")) for w in v))
            for k, v in forms.items()}


_WRITTEN = _word_forms((*BURDENS, *CEILING_WORDS))
_NOT_YET = _word_forms(("chưa",))["chua"]  # «chưa» before any word (compared as the first)


def _at(name: str | None, folded: str, start: int, end: int) -> str | None:
    """The name's own text where its fold holds folded[start:end]; None where the two do not align (a name
    given folded only, or one whose fold is not letter for letter: spaces collapsed, a letter folded to two)."""
    if name is None:
        return None
    if len(name) != len(folded):
        name = vtext.clean(name)
        if len(name) != len(folded):
            return None
    span = name[start:end]
    return span if vtext.fold(span) == folded[start:end] else None


def _written_as_meant(m: re.Match, folded: str, name: str | None) -> bool:
    """Does a burden or ceiling word found in the folded name stand in the name as written: each of its words
    with its own diacritics (old or new tone placement) or with none (typed without)? Where the name and its
    fold do not align, the folded word counts, as in a name known folded only."""
    return _written_in(m, folded, name, _WRITTEN[m.group(0)])


def _written_in(m: re.Match, folded: str, name: str | None, forms: WrittenForms) -> bool:
    span = _at(name, folded, m.start(), m.end())
    if span is None:
        return True
    low = span.lower()
    if low in forms[0] or low.isascii():
        return True
    words = low.split(" ")
    # (zip: a form may be shorter than the match: «chưa» before any word)
    return any(all(w.isascii() or vtext.tone_key(w) == f for w, f in zip(words, form)) for form in forms[1])


def _quoted(m: re.Match, folded: str, name: str | None) -> str:
    """The words a match stands for, as the name writes them (the folded words where they do not align). A match
    may hold the space after its words («không còn » before the burden): the span is taken without it, as fold
    drops it and the two would never align."""
    text = m.group(0)
    start = m.start() + len(text) - len(text.lstrip())
    span = _at(name, folded, start, start + len(text.strip()))
    return text.strip() if span is None else span


# Words that turn a burden into something done about it: the share of cases handled is better higher.
HANDLED = ("duoc", "xu ly", "giai quyet", "kham pha", "khong co", "thoat", "tham gia", "dieu tri", "phong ngua",
           "ngan chan", "dieu tra", "cai nghien", "ho tro", "vay von", "thu hoi", "xoa", "kiem soat", "phong chong",
           "phong, chong", "khac phuc")
_HANDLED_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in HANDLED) + r")\b")
# Burdens of how a thing was handled, not of the thing: «giải quyết quá hạn» is late handling, lower is better.
MANNER = frozenset({"qua han", "tre han"})
# A handled word that is negated (chưa/không [được] xử lý) says the burden is left: it turns nothing.
_NEGATED_BEFORE = re.compile(r"\b(?:chua|khong)(?: duoc)? $")
# What is not (yet) done, had or met — «chưa …» or «không …» before the thing counted: «Số xã chưa đạt chuẩn», «Số
# hộ chưa có nước sạch», «Tỷ lệ hộ không có nhà tiêu hợp vệ sinh», «… nước không hợp vệ sinh»: lower is better.
# «chưa» before any word but those that leave something out of a figure («chưa kể», «chưa bao gồm», «chưa tính»,
# «chưa thuế»);
# «không» only before having, meeting or being fit: bare «không» is as often a part of a word (không khí, hàng không)
# or a good thing (không dùng tiền mặt). Before a burden word the burden is negated (`_BURDEN_NEGATED`): more is better.
# Written as `BURDENS` (`_negation_as_meant`: «chùa», «khống có» are none).
NOT_YET_EXCLUDING = ("ke", "bao gom", "gom", "tinh", "tru", "thue", "vat")  # «(giá) chưa thuế, chưa VAT»
NOT_HAVING = tuple("không " + w for w in ("đạt", "hoàn thành", "được", "có", "hợp vệ sinh", "hợp chuẩn", "hợp lệ",
                                          "hợp pháp", "đủ", "đảm bảo", "bảo đảm", "an toàn", "biết", "tham gia"))
_NEGATED_RE = re.compile(r"\b(?:chua (?!(?:" + "|".join(NOT_YET_EXCLUDING) + r")\b)[a-z]+|"
                         + "|".join(vtext.fold(w) for w in NOT_HAVING) + r")\b")
_NOT_HAVING = _word_forms(NOT_HAVING)


def _negation_as_meant(m: re.Match, folded: str, name: str | None) -> bool:
    """Does a «chưa …» / «không …» found in the folded name stand in the name as written (`_written_as_meant`)?"""
    return _written_in(m, folded, name, _NOT_HAVING.get(m.group(0), _NOT_YET))


# «bị» (passive: suffered) as written: «Diện tích rừng bị cháy», «Số người bị thương», «Số trẻ em bị xâm hại».
_PASSIVE_RE = re.compile(r"\bbi\b")

# Words that make an indicator a reduction amount: "Giảm tỷ lệ hộ nghèo … 1,5 điểm %".
REDUCTION_PREFIXES = ("giam ", "muc giam ", "ty le giam ", "so giam ")
# "Tỷ lệ hộ nghèo giảm (bình quân)", "Số hộ nghèo giảm", "Kéo giảm tai nạn giao thông": the figure is the reduction.
_REDUCTION_RE = re.compile(r"\b(?<!suy )(?<!sut )(?:keo giam|giam)\b")  # «suy giảm», «sụt giảm»: a burden
# «Tỷ lệ hộ nghèo giảm (xuống) còn 2,5%», «Giảm tỷ lệ … xuống dưới …»: the figure is the level reached, not the fall.
_LEVEL_RE = re.compile(r"\b(?:giam|xuong) con\b|\bxuong (?:duoi|muc)\b")
LEVEL_REASON = "tên chỉ tiêu nói mức giảm xuống còn («giảm … còn»): số kế hoạch là mức còn lại, càng thấp càng tốt"

# A rank («Xếp hạng PCI», unit «Hạng»): the figure is a place, 1 is the best, so lower is better.
# Units as written (with their accents: «Hàng», «Hãng» are not ranks), an optional «/63» after them.
RANK_UNITS = frozenset({"hạng", "bậc", "thứ", "thứ hạng", "xếp hạng", "thứ bậc", "vị trí", "vị thứ"})
_RANK_UNIT_RE = re.compile(r"(?P<u>[^\d/]+?)\s*(?:/\s*\d+)?")
# Names that say the figure is a place; with a unit of measure («Điểm», «%») they are a score, not a rank.
# Written as `BURDENS` («Tổng thu hàng năm» holds no «thứ hạng»).
RANK_WORDS = ("xếp hạng", "thứ hạng", "xếp thứ", "vị trí xếp hạng", "vị thứ")
_RANK_NAME_RE = re.compile(r"\b(?:" + "|".join(vtext.fold(w) for w in RANK_WORDS) + r")\b")
_RANK_FORMS = _word_forms(RANK_WORDS)


def is_rank(name: str, unit: str) -> bool:
    """Is the figure a place in a ranking (PCI, PAR INDEX, SIPAS … «Xếp hạng», unit «Hạng»/«Bậc»/«Thứ»)?
    A rank's unit decides; a name saying «xếp hạng»/«thứ hạng» decides when the unit is empty.
    (The reader and the attainment rules ask it several times for each row: units repeat, so the unit's
    verdict is cached, and the name's, needed only without a unit.)"""
    ranked = _rank_unit(unit)
    if ranked is None:
        return _rank_name(name)
    return ranked and not _rank_change_name(name, unit)


# «Chỉ số PCI tăng», «Tăng hạng chỉ số PAR INDEX», «Nâng hạng …» with a unit «Bậc»/«Hạng»: the figure is a number
# of places climbed (an amount, more is better), not a place.
_RANK_CHANGE_NAME_RE = re.compile(r"\b(?:tang(?! truong)|nang hang|thang hang)\b")
_CHANGE_UNITS = frozenset({"hạng", "bậc"})


def _rank_change_name(name: str, unit: str) -> bool:
    if vtext.clean(unit).lower().split("/")[0].strip() not in _CHANGE_UNITS:
        return False
    return bool(_RANK_CHANGE_NAME_RE.search(vtext.fold(name)))


@lru_cache(maxsize=1 << 14)
def _rank_name(name: str) -> bool:
    return _rank_named(vtext.fold(name), name)


def _rank_named(folded: str, name: str | None = None) -> bool:
    """Whether a folded name (`name`: as written, when known) says its figure is a place, in a word written as
    `RANK_WORDS` are: each holds «hang» or «thu», and two substring tests rule out most names at a fraction of
    the search."""
    if not ("hang" in folded or "thu" in folded) or _RANK_NAME_RE.search(folded) is None:
        return False
    return name is None or any(_written_in(m, folded, name, _RANK_FORMS[m.group(0)])
                               for m in _RANK_NAME_RE.finditer(folded))


@lru_cache(maxsize=1 << 10)
def _rank_unit(unit: str) -> bool | None:
    """Whether a unit is a rank's («Hạng», «Thứ/63»); None for an empty unit, where the name decides."""
    u = vtext.clean(unit).lower()
    if not u:
        return None
    m = _RANK_UNIT_RE.fullmatch(u)
    return bool(m and m.group("u").strip() in RANK_UNITS)


RANK_REASON = "chỉ tiêu là thứ hạng (xếp hạng): thứ càng nhỏ càng tốt (thứ 18 tốt hơn thứ 20)"
_RANK_DIRECTION: tuple[Direction, str] = ("down", RANK_REASON)
_CEILING_TARGET: tuple[Direction, str] = ("down", "mục tiêu dạng «không vượt quá»")

_EXPLICIT: dict[str, Direction] = {
    "tang": "up", "cao": "up", "cao hon": "up", "lon hon": "up", "up": "up", "↑": "up",
    "giam": "down", "thap": "down", "thap hon": "down", "nho hon": "down", "down": "down", "↓": "down",
    "khong vuot qua": "down", "toi da": "down", "⬇": "down", "⬆": "up", "toi thieu": "up",
    "khoang": "about", "bang": "about", "on dinh": "about", "duy tri": "about", "~": "about",
}


def infer_direction(name: str, unit: str, target: Target, explicit: str = "", folded: str | None = None,
                    by_name: "NameWords | None" = None) -> tuple[Direction, str]:
    """(direction, Vietnamese reason); `folded` is fold(name) when the caller has it already, `by_name`
    the name's `name_words` when it has those (read ahead: core.names_ahead)."""
    if explicit:
        found = _explicit_direction(explicit)
        if found is not None:
            return found
    ranked = _rank_unit(unit)  # is_rank, inlined: asked for every row, units repeat (cached)
    if ranked and not _rank_change_name(name, unit) \
            or ranked is None and (by_name[1] if by_name is not None
                                   else _rank_name(name) if folded is None else _rank_named(folded, name)):
        return _RANK_DIRECTION  # (a name without a unit: its fold, given, is read without a cache)
    if target.op in ("<", "<="):
        return _CEILING_TARGET
    if folded is None:
        folded = vtext.fold(name)
    if by_name is not None:
        found = by_name[0]
        if found is None:
            return _DEFAULT_DIRECTION
    elif not _trigger(folded):  # _name_direction, inlined: most names hold none of its words
        return _DEFAULT_DIRECTION
    else:
        found = _named_direction(folded, name)
    if found[0] == "down" and found[1].startswith(_BURDEN_REASON) and _is_score(folded, unit):
        return _SCORE_DIRECTION
    return found


# What a name's words alone say of its direction: (the direction they state, None when they hold none of the
# words looked for; whether they name a rank). Unit, target and Chiều column are weighed by infer_direction.
NameWords = tuple["tuple[Direction, str] | None", bool]


def name_words(folded: str, name: str) -> NameWords:
    """What infer_direction reads from a name (`folded` its fold) whatever its unit and target: worked
    out once per name ahead of its row (core.names_ahead), with no cache, as most names are distinct."""
    return (_named_direction.__wrapped__(folded, name) if _trigger(folded) else None), _rank_named(folded, name)


_BURDEN_REASON = "tên chỉ tiêu nói về điều bất lợi"
_SCORE_DIRECTION: tuple[Direction, str] = (
    "up", "chỉ số tính bằng điểm (như chỉ số thành phần PCI, PAPI): điểm càng cao càng tốt")


def _is_score(folded: str, unit: str) -> bool:
    """«Chỉ số (thành phần) Chi phí không chính thức», unit «Điểm»: an index scored so that more is better,
    whatever burden it is named after."""
    return folded.startswith("chi so") and vtext.fold(unit).strip(" .") == "diem"


CHIEU_REASON_START = "theo cột Chiều ("  # the reason of a direction the sheet's Chiều column states


@lru_cache(maxsize=1 << 8)
def _explicit_direction(explicit: str) -> tuple[Direction, str] | None:
    """The direction a Chiều cell states, None when it states none the program knows."""
    key = vtext.fold(explicit).strip(" .")
    if key in _EXPLICIT:
        d = _EXPLICIT[key]
        return d, f"{CHIEU_REASON_START}«{vtext.clean(explicit)}»)"
    for word, d in _EXPLICIT.items():
        if len(word) > 2 and key.startswith(word):
            return d, f"{CHIEU_REASON_START}«{vtext.clean(explicit)}»)"
    return None


def _alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, as a trie ("t(?:ai nan|hat nghiep)"): the
    engine then tries one branch per character instead of every word at every position."""
    words = sorted(set(words))
    if "" in words:
        rest = [w for w in words if w]
        return f"(?:{_alternation(rest)})?" if rest else ""
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[0], []).append(w[1:])
    branches = []
    for head, tails in heads.items():
        tail = _alternation(tails)
        branches.append(re.escape(head) + tail)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


DEFAULT_REASON = "mặc định: càng cao càng tốt"
# A reduction amount («Giảm tỷ lệ hộ nghèo … 1,5 điểm %»), and the start of a part of one's reason: what the
# judgement (core.attainment) and the wording (docs.wording) look for.
REDUCTION_START = "chỉ tiêu là mức giảm"
REDUCTION_REASON = REDUCTION_START + ": giảm càng nhiều càng tốt"
REDUCTION_PART_REASON = "thành phần của chỉ tiêu giảm"
_DEFAULT_DIRECTION: tuple[Direction, str] = ("up", DEFAULT_REASON)


def reduction_direction(found: tuple[Direction, str], plan: str) -> tuple[Direction, str]:
    """The direction of a row whose plan is a fall, from the one its name (or Chiều column) gives: a burden
    stays a burden. Where nothing but the default says «higher is better», nothing tells whether the fall is
    wanted (fewer fires) or endured (revenue expected to fall): unclear, not judged (core.attainment) and
    warned (direction_unclear) so that a Chiều column can say it. A stated «higher is better» or «about» is
    kept: the plan and the row then disagree, and core.attainment judges nothing."""
    if found[0] == "down" or found[1] != DEFAULT_REASON:
        return found
    return found[0], UNCLEAR_PLAN_REASON.format(plan=vtext.clean(plan))
# Any word `_named_direction` looks for ("giam" heads every reduction word): most names hold none
# and are settled by this one search.
_TRIGGER_WORDS = ("giam", *CEILINGS, *LOWER_IS_BETTER)
_TRIGGER_RE = re.compile(_alternation(_TRIGGER_WORDS))


def _anchored(words: Iterable[str], letters: str) -> str:
    """A regular expression that finds a match in a text exactly when one of `words` is in it, as
    `_alternation`'s does, but searched about a third faster: the engine tries a match only where it
    meets one of the letters each word is entered at (for each word, the first of `letters` it holds,
    letters rarer in names than the trie's first letters), reads the rest of the word ahead and checks
    the whole word behind (look-behind). The match found is not the word's: only whether there is one."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for w in sorted(set(words)):
        c = next(ch for ch in letters if ch in w)  # StopIteration: a word holds none of `letters`
        groups.setdefault(c, []).append((w[w.index(c) + 1:], w))

    def tails(items: list[tuple[str, str]]) -> str:
        alts = [f"(?<={re.escape(w)})" for rest, w in items if not rest]
        heads: dict[str, list[tuple[str, str]]] = {}
        for rest, w in items:
            if rest:
                heads.setdefault(rest[0], []).append((rest[1:], w))
        alts += [re.escape(h) + tails(sub) for h, sub in heads.items()]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return "|".join(re.escape(c) + tails(items) for c, items in groups.items())


# Whether a folded name holds any trigger word, as `_TRIGGER_RE.search` says (tests/test_direction_trigger.py).
_TRIGGER_FAST = re.compile(_anchored(_TRIGGER_WORDS, "bmpetsqykrvxdcgiuohnal3")).search


def _trigger(folded: str) -> bool:
    """Does the folded name hold a word `_named_direction` looks for? One search of the words, then three
    substring tests for «chưa …», «không …» and «bị» (as a word: «bình», «chuẩn» are none)."""
    return (_TRIGGER_FAST(folded) is not None or "chua " in folded or "khong " in folded
            or ("bi " in folded or folded.endswith(" bi") or folded == "bi") and _PASSIVE_RE.search(folded) is not None)


def _name_direction(folded: str) -> tuple[Direction, str]:
    """The direction the folded name states (keyed by the name alone: unit and target decided before)."""
    if not _trigger(folded):
        return _DEFAULT_DIRECTION
    return _named_direction(folded)


# Folded words that other Vietnamese words fold to as well: «nghien» is nghiện (addicted) but also nghiên
# (nghiên cứu: research) and nghiền (to grind); «giam» is giảm (to reduce) but also giám (giám sát: to
# supervise, giám đốc); «duoc» is được but also dược (pharmacy). In a name written with diacritics such
# a word counts only where it is written with its own (or with none, typed without diacritics).
_AMBIGUOUS = {"nghien": "nghiện", "giam": "giảm", "duoc": "được", "bi": "bị"}
# Of those, the words that count only as written with their diacritics: typed without them «bi» is as often bí, bì.
_STRICT = frozenset({"bi"})
_AMBIGUOUS_RE = re.compile(r"\b(?:" + "|".join(_AMBIGUOUS) + r")\b")
# Compounds where they have the other sense, told apart without diacritics too: nghiên cứu, giám sát,
# giám đốc, giám định, giám thị, giám hộ, dược liệu, dược phẩm, dược sĩ, dược chất.
# Burden words inside a compound that names something else: bảo hiểm thất nghiệp (insurance coverage), năng suất /
# thu nhập của lao động nông nghiệp (not their share), cán bộ học tập («bo hoc»),
# bảo tồn động vật («ton dong»), người tham gia giao thông (road users: no handling), thoát nước (drainage: no
# escape), giải thể thao, thiết bị / chuẩn bị / trang bị / dự bị / phòng bị («bị» that is no passive).
_OTHER_SENSE = re.compile(r"\b(?:nghien cuu|giam (?:sat|doc|dinh|thi|ho)|duoc (?:lieu|pham|si|chat)"
                          r"|bao hiem that nghiep|(?:nang suat|thu nhap)(?: [a-z]+){0,3}? lao dong|can bo hoc"
                          r"|bao ton|tham gia giao thong|thoat nuoc|giai the thao|(?:thiet|chuan|trang|du|phong) bi)\b")
_OTHER_SENSE_HINT = ("nghien cuu", "giam ", "duoc ", "that nghiep", "lao dong", "bo hoc", "bao ton",
                     "giao thong", "thoat nuoc", "giai the", " bi")
# Read left to right, a compound does not begin inside a burden or ceiling word begun before it: «thất thoát nước
# sạch» is a loss of clean water, no drainage («thoát nước»); «năng suất lao động nông nghiệp» stays productivity.
_SENSES = re.compile(f"(?P<other>{_OTHER_SENSE.pattern})|{_LOWER_RE.pattern}|{_CEILING_RE.pattern}")


def _other_senses_out(folded: str) -> str:
    """The folded name with each compound of another sense masked («~» for each letter: positions kept, so that
    a match still points at the name's own words)."""
    if _OTHER_SENSE.search(folded) is None:
        return folded
    return _SENSES.sub(lambda m: "~" * len(m.group(0)) if m.group("other") else m.group(0), folded)


def as_written(words: str, name: str) -> bool:
    """Do the folded `words` found in a name mean what the rules take them for? Each ambiguous word
    among them must be written in `name` with its own diacritics, or with none."""
    forms = None
    for m in _AMBIGUOUS_RE.finditer(words):
        key = m.group(0)
        if forms is None:  # (the name's ambiguous words as written: once, and only for an ambiguous word)
            forms = _written_forms(name)
        if _AMBIGUOUS[key] not in forms and (key in _STRICT or key not in forms):
            return False
    return True


# Each ambiguous word, folded and as written, standing as a word (not inside one) in a lower-cased NFC name.
_WRITTEN_RE = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, {*_AMBIGUOUS, *_AMBIGUOUS.values()}),
                                                            key=len, reverse=True)) + r")(?!\w)")


@lru_cache(maxsize=1 << 8)
def _written_forms(name: str) -> frozenset[str]:
    """The ambiguous words a name holds as written (`_AMBIGUOUS`'s keys and values), read in one pass: the rules
    ask for each word they find, and a text of 30,000 characters asked once per word took minutes."""
    return frozenset(m.group(0) for m in _WRITTEN_RE.finditer(unicodedata.normalize("NFC", name).lower()))


def _first_as_written(pattern: re.Pattern, folded: str, name: str | None) -> re.Match | None:
    """The first match of `pattern` in the folded name whose words mean what the rules take them for."""
    for m in pattern.finditer(folded):
        if name is None or as_written(m.group(0), name):
            return m
    return None


@lru_cache(maxsize=1 << 14)
def _named_direction(folded: str, name: str | None = None) -> tuple[Direction, str]:
    """`_name_direction` of a name holding one of the words it looks for. `name`, the name as written
    (None: only its folded form is known), tells the ambiguous words apart (`_AMBIGUOUS`)."""
    if any(w in folded for w in _OTHER_SENSE_HINT):
        folded = _other_senses_out(folded)  # not the words the rules look for
    # Each search below runs only when one of its words is in the name (a substring test is far cheaper).
    prefix = next((p for p in REDUCTION_PREFIXES if folded.startswith(p)), None)
    if (prefix is not None and (name is None or as_written(prefix, name))) \
            or ("giam" in folded and _first_as_written(_REDUCTION_RE, folded, name)):
        if not _LEVEL_RE.search(folded):
            return "up", REDUCTION_REASON
        return "down", LEVEL_REASON
    m = next((c for c in _CEILING_RE.finditer(folded) if _written_as_meant(c, folded, name)), None) \
        if any(w in folded for w in CEILINGS) else None
    if m:  # "Chỉ số giá tiêu dùng (CPI) tăng": a rise the plan caps; "tăng" names the figure, not the goal
        return "down", f"chỉ tiêu là mức trần ({CEILINGS[m.group(0)]}): càng thấp càng tốt"
    burdens = [b for b in _LOWER_RE.finditer(folded) if _written_as_meant(b, folded, name)] \
        if any(w in folded for w in LOWER_IS_BETTER) else []
    if name is not None and " bi " in f" {folded} ":  # «bị», only as written (name None: unknown, not counted)
        burdens += [b for b in _PASSIVE_RE.finditer(folded) if as_written(b.group(0), name)]
        burdens.sort(key=lambda b: b.start())
    if burdens:
        m = burdens[0]
        handled = None if m.group(0) in MANNER else _handled(folded, name, burdens)
        if handled:  # "… ô nhiễm … được xử lý", "giải quyết đơn khiếu nại": the share handled should rise
            return "up", (f"tên chỉ tiêu nói về việc xử lý điều bất lợi («{_quoted(handled, folded, name)}»): "
                          "càng cao càng tốt")
        return "down", f"tên chỉ tiêu nói về điều bất lợi («{_quoted(m, folded, name)}»): càng thấp càng tốt"
    m = next((n for n in _NEGATED_RE.finditer(folded) if _negation_as_meant(n, folded, name)), None) \
        if "chua " in folded or "khong " in folded else None
    if m:
        return "down", (f"tên chỉ tiêu nói về điều chưa làm được / không đạt («{_quoted(m, folded, name)}»): "
                        "càng thấp càng tốt")
    return _DEFAULT_DIRECTION


def _handled(folded: str, name: str | None, burdens: list[re.Match]) -> re.Match | None:
    """The first word saying the burden is handled: written as the rules take it, not a part of a burden word
    («thời gian giải quyết» is a burden), not negated («chưa được giải quyết»: the burden is left)."""
    for h in _HANDLED_RE.finditer(folded):
        if any(b.start() < h.end() and h.start() < b.end() for b in burdens):
            continue
        if _NEGATED_BEFORE.search(folded, 0, h.start()):
            continue
        if name is None or as_written(h.group(0), name):
            return h
    # «Tỷ lệ xã không để xảy ra cháy rừng», «phương tiện không phát thải»: the burden itself is negated
    # (at the very start the name is the commitment itself, «Không để xảy ra cháy rừng lớn»: its figure counts
    # the burden, planned at 0, and lower is better)
    m = _BURDEN_NEGATED.search(folded, 0, burdens[0].start())
    return m if m is not None and m.start() > 0 else None


_BURDEN_NEGATED = re.compile(r"\bkhong(?: co| de xay ra| xay ra| con)? $")


# A labour structure («Cơ cấu lao động»): its farm part is the share of agricultural labour (SPEC §4).
_LABOUR_RE = re.compile(r"\blao dong\b")
_FARM_RE = re.compile(r"\b(?:nong nghiep|nong,|nong lam|nong -|lam nghiep|thuy san|ngu nghiep)")


def structure_part_direction(head_name: str, part_name: str, target: Target, direction: Direction,
                             reason: str, head_folded: str | None = None,
                             part_folded: str | None = None) -> tuple[Direction, str]:
    """The direction of a part of a structure («Cơ cấu …»), given the one inferred for the part alone.

    A share planned at a level is judged «khoảng» its plan — except a part that is a burden: its name
    states one (inferred lower-is-better from the name, a ceiling, a rank), or it is the farm part of a
    labour structure («Cơ cấu lao động» › «Nông, lâm nghiệp và thủy sản» = the agricultural labour share,
    lower is better, SPEC §4). A Chiều column and a «không vượt quá» target keep their direction.
    `head_folded`, `part_folded`: fold() of the two names, when the caller has them (the reader's keys)."""
    if reason.startswith("theo cột") or target.op in ("<", "<=", ">", ">="):
        return direction, reason
    if direction == "down":
        return direction, reason
    head = vtext.fold(head_name) if head_folded is None else head_folded
    part = vtext.fold(part_name) if part_folded is None else part_folded
    if _LABOUR_RE.search(head + " " + part) and _FARM_RE.search(part):
        return "down", (f"thành phần của «{vtext.clean(head_name)}»: tỷ trọng lao động nông nghiệp, càng thấp càng tốt")
    return "about", f"thành phần của «{vtext.clean(head_name)}»: tỷ trọng được đánh giá theo mức kế hoạch (khoảng)"


# A sub-row named in a few words («- Số vụ», «- Số người chết») is a part of its indicator and reads with it.
THIN_SUBROW_WORDS = 4
# How an indicator's own name begins (folded), as the tables' numbered rows do: a row named so at length names a
# measure of its own (another indicator of the same item); a part («Khu vực dịch vụ», «Riêng vùng đồng bào dân tộc
# thiểu số», «Mức giảm so với năm trước», «- Nông thôn») does not. docs.wording names a row so alone.
INDICATOR_HEADS = ("ty le ", "ty trong ", "so ", "tong ", "toc do ", "chi so ", "thu nhap ", "gia tri ", "xa phuong ",
                   "xa, phuong ", "giam ty le ", "tuoi tho ", "thu ngan sach ", "von dau tu ")
# Words that open a part of the row above whatever follows them: «Trong đó: số vụ đặc biệt nghiêm trọng», «Riêng …».
_PART_OPENING_RE = re.compile(r"^(?:trong\s+(?:đó|do)|riêng|rieng)(?!\w)\s*[:,]?\s*", re.I)
_NAMED_BURDEN_REASONS = (_BURDEN_REASON, "tên chỉ tiêu nói về điều chưa làm được", "chỉ tiêu là mức trần")
_NUMERIC_POINT = Target(text="1", op="=", value=Decimal(1))  # a plan that says nothing about the direction


def subrow_direction(parent_name: str, sub_name: str, unit: str, target: Target, direction: Direction,
                     reason: str) -> tuple[Direction, str]:
    """The direction of a sub-row given the one inferred from its own name, and its indicator's name.

    A part of its indicator (a few words, a name not opened as an indicator's, a row opened «Trong đó», «Riêng»;
    no word of handling) reads with it: under «Kéo giảm tai nạn giao thông trên cả 3 tiêu chí» a row «- Số người
    chết» in % is a fall, more is better; under «Tai nạn giao thông» a row «- Số vụ» is a count of a burden, and
    under «Tỷ lệ hộ nghèo» a row «Riêng vùng đồng bào dân tộc thiểu số» a rate of one, lower is better. A Chiều
    column, a rank, a «không vượt quá» target, a name that states its own direction and a sub-row named at length
    as an indicator («Tỷ lệ hộ có nhà ở kiên cố») keep their own direction."""
    if reason.startswith("theo cột") or reason == RANK_REASON or target.op in ("<", "<=", ">", ">="):
        return direction, reason
    # the parent first (names repeat down its sub-rows, cached): most parents are neither, and settle it
    p_dir, p_reason = _parent_direction(parent_name)
    under_reduction = p_reason == REDUCTION_REASON and not reason.startswith(REDUCTION_START)
    reduction = under_reduction and "%" in unit
    # A count under a reduction («- Số vụ | Vụ | 100» under «Kéo giảm tai nạn giao thông»): the plan may be the
    # cases left (lower is better) or the cases cut (more is better); nothing on the row tells which. A burden's
    # name («Số người chết», «Số vụ phạm tội về ma túy») does not tell either, nor a name stating nothing of its
    # direction, at any length («Số vụ phạm pháp hình sự»: 35 against a plan of 30 was «Vượt KH»). Money is no
    # count of a burden («Kinh phí hỗ trợ» under «Giảm nghèo»).
    named_burden = reason.startswith(_NAMED_BURDEN_REASONS)
    unclear = under_reduction and not reduction and target.op == "=" and not _MONEY_UNIT.search(vtext.fold(unit)) \
        and (reason == _DEFAULT_DIRECTION[1] or named_burden)
    burden = p_dir == "down" and p_reason.startswith(_NAMED_BURDEN_REASONS) and reason == _DEFAULT_DIRECTION[1]
    if not (reduction or unclear or burden):
        return direction, reason
    bare = re.sub(r"^[-+*•–—·]+\s*|^[a-zđ]\)\s*", "", vtext.clean(sub_name))
    opened = _PART_OPENING_RE.match(bare)
    words = bare[opened.end():].split() if opened else bare.split()
    # A rate («Tỷ lệ hộ nghèo | % | 3» under «Giảm nghèo bền vững») is a level in its own right, judged by its name.
    if reduction and vtext.fold(" ".join(words)).startswith(SHARE_PREFIXES):
        return direction, reason
    sub = vtext.fold(sub_name)
    if not words or _HANDLED_RE.search(sub) or _LEVEL_RE.search(sub) \
            or not (opened or is_part_name(words)) and not unclear:
        return direction, reason
    label = vtext.clean(parent_name)
    if reduction:
        return "up", f"{REDUCTION_PART_REASON} «{label}»: mức giảm, giảm càng nhiều càng tốt"
    if unclear:
        return direction, UNCLEAR_REASON.format(parent=label)
    return "down", f"thành phần của «{label}» (điều bất lợi): càng thấp càng tốt"


def is_part_name(words: list[str]) -> bool:
    """Does a sub-row's name (its words, list mark and «Trong đó» left out) name a part of its indicator rather
    than a measure of its own? A few words («Số vụ», «Nông thôn») or a name not opened as an indicator's is
    («Riêng vùng đồng bào dân tộc thiểu số», «Khu vực dịch vụ»): it reads with its indicator."""
    return len(words) <= THIN_SUBROW_WORDS or not vtext.fold(" ".join(words) + " ").startswith(INDICATOR_HEADS)


# Names of a share or a rate (folded): a level in %, whatever the row's indicator (core.validation too).
SHARE_PREFIXES = ("ty le", "ty trong", "co cau")
_MONEY_UNIT = re.compile(r"\b(?:dong|usd)\b")


# The start of the reason of a row whose direction nothing tells: core.attainment does not judge it, the reader
# warns (direction_unclear) so that a Chiều column can say it.
UNCLEAR_START = "chưa rõ chiều đánh giá"
UNCLEAR_REASON = (UNCLEAR_START + ": dòng thuộc chỉ tiêu giảm «{parent}», số kế hoạch có thể là mức còn lại "
                  "(càng thấp càng tốt) hoặc mức giảm (giảm càng nhiều càng tốt)")
UNCLEAR_PLAN_REASON = (UNCLEAR_START + ": kế hoạch là mức giảm («{plan}») nhưng tên chỉ tiêu không cho biết giảm "
                       "là điều mong muốn (như số vụ cháy) hay không (như doanh thu)")
# What the reader's direction_unclear warning says of each kind of such row, and how a Chiều column decides it.
UNCLEAR_PART_WHY = "dòng thuộc chỉ tiêu giảm «{parent}», chưa rõ số kế hoạch là mức còn lại hay mức giảm"
UNCLEAR_PART_HOW = ("«Giảm» nếu đó là mức còn lại (càng thấp càng tốt), «Tăng» nếu đó là mức giảm (giảm càng nhiều "
                    "càng tốt)")
UNCLEAR_PLAN_WHY = "kế hoạch «{plan}» là mức giảm nhưng tên chỉ tiêu không cho biết giảm là điều mong muốn hay không"
UNCLEAR_PLAN_HOW = "«Giảm» nếu chỉ tiêu càng thấp càng tốt (như số vụ cháy)"


@lru_cache(maxsize=1 << 12)
def _parent_direction(name: str) -> tuple[Direction, str]:
    """An indicator's direction from its name alone (no unit, a plan that says nothing), for its sub-rows."""
    return infer_direction(name, "", _NUMERIC_POINT)
