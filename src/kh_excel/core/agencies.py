"""Registry of agency names: one agency for each of its spellings, and splitting of agency cells.

An agency cell names several agencies. `;` and line breaks always separate them; a comma
separates only where it is not inside a known name ("Sở Văn hóa, Thể thao và Du lịch" is one
agency, "Sở Tài chính, Thống kê tỉnh" two). The registry knows the names, their abbreviations
and spellings ("Sở VHTTDL", "Sở NN&MT", "UBND các xã, phường"), so that a cell splits right
and one agency written two ways is counted once. A document prints each agency as its cell writes it, an
abbreviation spelled out (spelled_out): the registry recognises, it does not rename.

The bundled list is `kh_excel/data/agencies.toml`; a user extends it with a file of the same
schema (`AgencyRegistry.default().extend("my_agencies.toml")`):

    [[agency]]
    name = "Sở Văn hóa, Thể thao và Du lịch"   # full name (required)
    aliases = ["Sở VHTTDL", "Sở VHTT&DL"]        # other spellings (optional)
    generic = false                              # a collective such as "Các sở, ngành" (optional)

Names match ignoring case, NFC/NFD, old/new tone placement (hoá/hóa), punctuation and
spacing ("xã/phường" = "xã, phường"), "&" = "và", "Ủy ban nhân dân" = "UBND" and
"Hội đồng nhân dân" = "HĐND"; aliases need list only what those rules do not cover.
"""
from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Sequence, Union, cast

from kh_excel.core.text import clean, is_vietnamese_syllable, tone_key

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = [
    "Agency",
    "AgencyRegistry",
    "agency_key",
    "assign_roles",
    "asked_by_committee",
    "committee_relation",
    "directed_by_committee",
    "same_agency",
    "split_agencies",
]


@dataclass(frozen=True)
class Agency:
    """One agency: its display name, other spellings, and whether it is a collective."""

    name: str
    aliases: tuple[str, ...] = field(default=())
    generic: bool = False


# ---------------------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------------------

_EXPANSIONS = (
    (tone_key("Ủy ban nhân dân"), "ubnd"),
    (tone_key("Hội đồng nhân dân"), "hđnd"),
    (tone_key("đại biểu Quốc hội"), "đbqh"),
)
_JOINED_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def agency_key(name: str) -> str:
    """Matching key of a name without any registry: "Sở NN&MT" and "sở nn và mt" share one."""
    s = tone_key(name).replace("&", " và ")
    s = _JOINED_HYPHEN.sub("", s)  # "PT-TH" = "PTTH"; "Lao động - Thương binh" keeps its words
    s = _PUNCT.sub(" ", s).replace("_", " ")
    s = _SPACES.sub(" ", s).strip()
    for long, short in _EXPANSIONS:
        s = re.sub(rf"(?<!\w){re.escape(long)}(?!\w)", short, s)
    return s


# Words that open an agency's name: after a comma (or "và") they start a new agency.
_HEADS = (
    "Sở", "Ban", "Ủy ban", "UBND", "UBMTTQ", "HĐND", "Thường trực", "Thống kê", "Thuế",
    "Hải quan", "Công an", "Bảo hiểm", "BHXH", "Kho bạc", "KBNN", "Ngân hàng", "NHNN",
    "Văn phòng", "VP", "Báo", "Đài", "Trường", "Học viện", "Đại học", "Bộ", "Bộ Chỉ huy", "Cục",
    "Chi cục", "Tổng cục", "Trung tâm", "Hội", "Liên đoàn", "Tỉnh đoàn", "Tỉnh ủy", "Đảng ủy",
    "Huyện ủy", "Thành ủy", "Đoàn", "Mặt trận", "Thanh tra", "Viện", "Tòa án", "Bệnh viện",
    "Phòng", "Công ty", "Tổng công ty", "Điện lực", "Quỹ", "Cảng vụ", "Hạt Kiểm lâm",
    "Kiểm lâm", "Bưu điện", "Viễn thông", "Cổng", "Ban Chỉ đạo", "BCĐ", "Vườn quốc gia", "Quân sự", "Trạm",
)
_HEAD_KEYS = tuple(sorted({agency_key(h) for h in _HEADS}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _head_keys() -> frozenset[str]:
    """_HEADS and every beginning of a body the committee does not direct (agencies.toml `not_directed`: «MTTQ»,
    «ĐTN», «HND», «CCB», «TT HĐND» …): each opens an agency's name, so after a comma or «và» it starts a new one."""
    return frozenset(_HEAD_KEYS).union(*_not_directed_keys().values())


def _opens_with(k: str, heads: frozenset[str]) -> bool:
    """Whether the key `k` begins with one of `heads` as whole words: one look-up per word of `k`."""
    if k in heads:
        return True
    i = k.find(" ")
    while i != -1:
        if k[:i] in heads:
            return True
        i = k.find(" ", i + 1)
    return False
_GENERIC_HEAD = agency_key("các")
# What «các …» names when it names agencies, not a list of anything else («các giải pháp», «các chỉ tiêu»).
_GENERIC_NOUNS = ("sở", "ban", "ngành", "cơ quan", "đơn vị", "địa phương", "xã", "phường", "thị trấn", "đặc khu",
                  "huyện", "quận", "thị xã", "thành phố", "tỉnh", "phòng", "hội", "đoàn thể", "tổ chức", "doanh nghiệp",
                  "ủy ban", "ubnd", "chi cục", "cục", "trung tâm", "trường", "bệnh viện", "thành viên", "tổ", "đảng ủy",
                  "chi bộ", "cấp", "bộ", "lực lượng", "hợp tác xã", "cơ sở")
_GENERIC_NOUN_KEYS = tuple(f"{_GENERIC_HEAD} {agency_key(n)} " for n in _GENERIC_NOUNS)


# An office named after the bodies it serves: «Văn phòng HĐND và UBND xã», «Văn phòng Đoàn ĐBQH và HĐND tỉnh». Its
# «và» joins those bodies, whose level is written once, at the end: before that «và» the office word and bare bodies
# (no level: «Văn phòng HĐND» alone is no agency of a commune), after it another body. «Văn phòng UBND tỉnh và Sở Tài
# chính», «Văn phòng Tỉnh ủy và UBND tỉnh» (a level already written) and «Ban Kinh tế - Ngân sách HĐND và UBND xã»
# (a field between the office and the body) are lists.
_OFFICE_WORDS = ("Văn phòng", "VP", "Ban", "Trung tâm")
# The bodies may be listed with commas, a Party committee first: «Văn phòng Đảng ủy, HĐND và UBND xã», «Văn phòng
# HĐND, UBND xã» (a «,» that goes on with a bare body); «Văn phòng Đảng ủy» alone, or before «và UBND xã», is the
# Party's office.
_SERVED_BODIES = ("HĐND", "UBND", "Đoàn ĐBQH", "ĐBQH")
_SERVED = "(?:" + "|".join(re.escape(agency_key(b)) for b in _SERVED_BODIES) + ")"
_PARTY = re.escape(agency_key("Đảng ủy"))
_OFFICE = "(?:" + "|".join(re.escape(agency_key(w)) for w in _OFFICE_WORDS) + ")"
_OFFICE_OF_BODIES = re.compile(rf"{_OFFICE} (?:{_SERVED}|{_PARTY}(?= {_SERVED}))(?:(?: và | ){_SERVED})*")
_OFFICE_LIST_GOES_ON = re.compile(rf"{_OFFICE} (?:{_SERVED}|{_PARTY})(?:(?: và | ){_SERVED})*")  # before a «,»
_SERVED_OPENS = re.compile(rf"{_SERVED}(?: |$)")
# after a «,» a body not yet named goes on with the list («…, UBND xã»); a collective («…, UBND các xã») is an agency
# of its own, and after the Party's office only the council goes on (the offices that served several bodies served
# «Đảng ủy, HĐND và UBND»; «Văn phòng Đảng ủy, UBND xã» is two bodies)
_SERVED_GOES_ON = re.compile(rf"({_SERVED})(?: (?!các\b)|$)")
_COUNCIL = agency_key("HĐND")
# An office that serves the committee among its bodies is the committee's own (directed), whatever it names first.
_SERVES_COMMITTEE = re.compile(
    rf"(?:{re.escape(agency_key('Văn phòng'))}|vp) (?:(?:{_SERVED}|{re.escape(agency_key('Đảng ủy'))}|và) ?)*?ubnd\b")


def _joins_served_bodies(left: str, right: str, comma: bool = False) -> bool:
    """Whether « và » (or a «,»: `comma`) between `left` (from where the item began) and `right` is inside an
    office's name (_OFFICE_OF_BODIES): what came before names an office and bare bodies, what follows opens with
    another body."""
    left_key, right_key = agency_key(left), agency_key(right)
    if not comma:
        return bool(_OFFICE_OF_BODIES.fullmatch(left_key) and _SERVED_OPENS.match(right_key))
    m = _SERVED_GOES_ON.match(right_key)
    if not (m and _OFFICE_LIST_GOES_ON.fullmatch(left_key)):
        return False
    if left_key.endswith(agency_key("Đảng ủy")) and m.group(1) != _COUNCIL:
        return False
    return re.search(rf"(?<!\w){re.escape(m.group(1))}(?!\w)", left_key) is None


def _head(piece: str) -> str | None:
    """"strong" when the piece opens with a capitalised agency word, "generic" for "các …"."""
    k = agency_key(piece)
    if k == _GENERIC_HEAD or k.startswith(_GENERIC_HEAD + " "):
        return "generic"
    stripped = piece.lstrip()
    if not stripped or not stripped[0].isupper():
        return None  # "ban", "ngành" inside "các sở, ban, ngành" open nothing
    return "strong" if _opens_with(k, _head_keys()) else None


# ---------------------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------------------

PathLike = Union[str, "os.PathLike[str]"]
_SEGMENT_SEP = re.compile(r"[;\n\r\u2028\u2029\x0b]+")
_BULLET = re.compile(r"^(?:[-+•*–—·]+\s*|\(?\d{1,2}[.)]\s+|[a-zđ]\)\s+)")
_EDGE = " \t,.;:-–—•*+·"
_VA = re.compile(r"\s+và\s+", re.IGNORECASE)
_BRACKET_LINE = re.compile(r"\s*[\n\r\u2028\u2029\x0b]+\s*(?=[(\[][^\n\r]*[)\]]\s*(?:[\n\r;]|$))")
# Where a unit is written after the body it belongs to: «Sở NN&MT - Chi cục Kiểm lâm», «Sở Nội vụ (Phòng …)».
_UNIT_AFTER = re.compile(r"\s+[-–—]\s+|\s*(?=[(\[])")


# A piece in lower case that opens with a level names a body of it («xã Bảo Hà»): an agency of its own.
_LEVEL_OPENS = re.compile(r"(?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\b", re.IGNORECASE)

# Abbreviations: «P.TCKH», «P. KT» (a capital, a dot, a capital) and runs of three capitals or more («NHCSXH», «GD&ĐT»).
_DOTTED = re.compile(r"(?<!\w)[A-ZĐ]{1,4}\.\s?[A-ZĐ]")
_CAPITALS = re.compile(r"(?<![\w&-])[A-ZĐ](?:[A-ZĐ]|[&-](?=[A-ZĐ]))+[A-ZĐ](?![\w&-])")
_ROMAN = re.compile(r"[IVXLC]+")
_UNDERSTOOD = frozenset({"UBND", "HĐND", "ĐBQH", "MTTQ", "UBMTTQ", "TNCS"})


# «(chủ trì)», «(cơ quan chủ trì)», «[phối hợp]» after an agency: its role, not part of its name.
_ROLE_MARK = re.compile(r"\s*[(\[]([^()\[\]]*?\b(?:chủ\s+trì|chu\s+tri|phối\s+hợp|phoi\s+hop)\b[^()\[\]]*)[)\]]",
                        re.IGNORECASE)


def _role_of(mark: str) -> str:
    return "lead" if re.search(r"chủ\s+trì|chu\s+tri", mark, re.IGNORECASE) else "cooperate"


def assign_roles(lead: list[tuple[str, str]], cooperate: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """Lead and cooperating agencies of a row from its two cells as `split_marked` reads them.

    An agency marked «(chủ trì)» leads wherever it is written; one marked «(phối hợp)»
    cooperates. When a lead cell marks one agency as «(chủ trì)», the unmarked others
    in that cell cooperate with it.
    """
    marked_lead = any(role == "lead" for _, role in lead)
    leads = [n for n, role in lead if role == "lead" or (role == "" and not marked_lead)]
    leads += [n for n, role in cooperate if role == "lead" and n not in leads]
    coops = [n for n, role in lead if n not in leads]
    coops += [n for n, role in cooperate if n not in leads and n not in coops]
    return leads, coops


def _tidy(text: str) -> str:
    """An item as a person reads it: NFC, single spaces, no bullet or trailing punctuation."""
    s = clean(text)
    s = _BULLET.sub("", s)
    return s.strip(_EDGE)


# ---------------------------------------------------------------------------------------
# The name a document prints: the cell's own words, abbreviations spelled out
# ---------------------------------------------------------------------------------------
# The registry RECOGNISES an agency under any of its spellings (to group rows, to match --agency); it never puts its
# own name in place of the cell's: «Cục Thống kê tỉnh» is no «Thống kê tỉnh» in a 2023 plan (the name since 3/2025),
# «Cục Hải quan» no «Cục Hải quan tỉnh» (rev20 R20-5, rev15 R15-14). It only spells out what the cell abbreviates,
# with the words of the agency the cell means: «Sở VHTTDL» -> «Sở Văn hóa, Thể thao và Du lịch».

_WORD = re.compile(r"[^\W_]+")


def _bare(word: str) -> str:
    """A word lower case without its marks: «Ủy» -> «uy», «Đầu» -> «đau» (an initial compares on its letter)."""
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))


def _initials(word: str) -> list[str]:
    """What an abbreviation is made of, one piece a word: «VHTTDL» -> v h t t d l, «NgV» -> ng v (Ngoại vụ),
    «TTr» -> t tr (Thanh tra), «KV4» -> k v 4."""
    pieces: list[str] = []
    for ch in word:
        if ch.isdigit() and pieces and pieces[-1].isdigit() or ch.islower() and pieces and not pieces[-1].isdigit():
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return [_bare(p) for p in pieces]


def _abbreviation(part: re.Match, text: str, all_caps: bool) -> list[str] | None:
    """The initials of a word the cell abbreviates («VHTTDL», «KH» of «KH&ĐT», «P» of «P.TCKH», «TTr», «NgV»), or None
    for a word written out; in a cell written in capitals only a word no Vietnamese syllable spells («KH», not «SỞ»)."""
    word = part.group()
    capitals = sum(ch.isupper() for ch in word)
    if capitals >= 2 and not (all_caps and is_vietnamese_syllable(word)) or (
            len(word) == 1 and word.isupper() and text[part.end():part.end() + 1] == "."):
        return _initials(word)
    return None


def _may_abbreviate(text: str) -> bool:
    """Whether a text has a word `_abbreviation` may take for one: two capitals, or a capital and a dot («P.»)."""
    return "." in text or any(sum(ch.isupper() for ch in w) >= 2 for w in text.split())


def _spells(initials: list[str], words: Sequence[str], acronyms: Sequence[bool], start: int) -> list[int]:
    """Where the name's words from `start` end when `initials` spell them one word each (a «và» spelled or left out:
    «NNPTNT» is «Nông nghiệp và Phát triển nông thôn»), an acronym of the name by its own letters («VPUBND» is «Văn
    phòng UBND»); a number stands for itself."""
    ends: list[int] = []

    def go(p: int, w: int) -> None:
        if p == len(initials):
            ends.append(w)
            return
        if w == len(words):
            return
        piece = initials[p]
        if words[w] == piece if piece.isdigit() else words[w].startswith(piece):
            go(p + 1, w + 1)
        if acronyms[w] and len(words[w]) > 1 and "".join(initials[p:p + len(words[w])]) == words[w]:
            go(p + len(words[w]), w + 1)
        if words[w] == "va" and p:
            go(p, w + 1)

    go(0, start)
    return ends


@lru_cache(maxsize=1024)
def _name_words(name: str) -> tuple[tuple[re.Match, ...], tuple[str, ...], tuple[str, ...], tuple[bool, ...]]:
    """A registry name's words, with their keys, their bare letters and which are acronyms («UBND»)."""
    words = tuple(_WORD.finditer(name))
    return (words, tuple(_word_key(w.group()) for w in words), tuple(_bare(w.group()) for w in words),
            tuple(sum(ch.isupper() for ch in w.group()) >= 2 for w in words))


_word_key = lru_cache(maxsize=8192)(tone_key)


@lru_cache(maxsize=8192)
def spelled_out(written: str, name: str) -> str:
    """The agency a cell writes `written`, known to the registry as `name`, as a document prints it: the cell's own
    words, an abbreviation written out with the name's words it stands for («Sở VHTTDL» -> «Sở Văn hóa, Thể thao và
    Du lịch», «KBNN» -> «Kho bạc Nhà nước», «UBMTTQ tỉnh» -> «Ủy ban Mặt trận Tổ quốc tỉnh»), a word the name has
    in the name's spelling (case, tone placement: «Sở Công thương» -> «Sở Công Thương», «Ban Quản lý Khu Kinh tế» ->
    «Ban Quản lý Khu kinh tế»). A word of the name the cell did not write is not added («Cục Hải quan» stays, never «Cục Hải
    quan tỉnh»), a word the cell wrote is not taken away («Cục Thống kê tỉnh» stays, never «Thống kê tỉnh»), and the
    cell's own punctuation stays («UBND các xã, phường»)."""
    parts = list(_WORD.finditer(written))
    words, keys, bare, acronyms = _name_words(name)
    if not parts or not words:
        return written
    all_caps = written == written.upper()
    part_keys = [_word_key(p.group()) for p in parts]
    short = [_abbreviation(p, written, all_caps) for p in parts]
    plan: list[tuple[int, int, bool] | None]
    if part_keys == list(keys):
        plan = [(j, j + 1, False) for j in range(len(words))]  # the name's words: its spelling, the cell's marks
    else:
        plan = _aligned(part_keys, short, keys, bare, acronyms)
        if all_caps and None in plan:
            return written  # «CỤC THỐNG KÊ TỈNH»: capitals kept whole unless the name spells every word
    def at(x: int) -> tuple[int, int, bool]:
        return cast("tuple[int, int, bool]", plan[x])  # (a word of the name's: tested not None before)

    out, pos, i = [], 0, 0
    while i < len(parts):
        if plan[i] is None:
            i += 1
            continue
        # a run of the cell's words standing for adjacent words of the name (a «và» between them left out)
        k = i
        while k + 1 < len(parts) and plan[k + 1] is not None and all(
                b == "va" for b in bare[at(k)[1]:at(k + 1)[0]]):
            k += 1
        out.append(written[pos:parts[i].start()])
        if any(at(x)[2] for x in range(i, k + 1)):
            out.append(name[words[at(i)[0]].start():words[at(k)[1] - 1].end()])
        else:
            for x in range(i, k + 1):
                out.append(written[parts[x - 1].end():parts[x].start()] if x > i else "")
                out.append(words[at(x)[0]].group())
        pos = parts[k].end()
        i = k + 1
    out.append(written[pos:])
    text = "".join(out)
    return text[:1].upper() + text[1:]


def _aligned(part_keys: list[str], short: list[list[str] | None], keys: tuple[str, ...], bare: tuple[str, ...],
             acronyms: tuple[bool, ...]) -> list[tuple[int, int, bool] | None]:
    """The most of the cell's words matched in order to the name's words, per word None (the cell's own) or (first,
    end, abbreviated): the name's words it is, or abbreviates. A word of the name may go unmatched (not written)."""
    n_parts, n_words = len(part_keys), len(keys)
    score = [[0] * (n_words + 1) for _ in range(n_parts + 1)]
    choice: list[list[tuple[int, int, bool] | None | str]] = [[None] * (n_words + 1) for _ in range(n_parts + 1)]
    for i in range(n_parts - 1, -1, -1):
        for j in range(n_words, -1, -1):
            options: list[tuple[int, tuple[int, int, bool] | None | str]] = []  # the first best wins
            if j < n_words:
                if part_keys[i] == keys[j]:
                    options.append((score[i + 1][j + 1] + 2, (j, j + 1, False)))
                spelled = short[i]
                for end in _spells(spelled, bare, acronyms, j) if spelled else ():
                    options.append((score[i + 1][end] + 2, (j, end, True)))
                options.append((score[i][j + 1], "skip"))  # a word of the name the cell does not write
            options.append((score[i + 1][j], None))  # a word of the cell's own
            score[i][j], choice[i][j] = max(options, key=lambda o: o[0])
    plan: list[tuple[int, int, bool] | None] = []
    i = j = 0
    while i < n_parts:
        c = choice[i][j]
        if isinstance(c, str):  # "skip": a word of the name the cell does not write
            j += 1
            continue
        plan.append(c)
        i, j = i + 1, (c[1] if c is not None else j)
    return plan


class AgencyRegistry:
    """Known agencies; recognises every spelling of each and splits agency cells."""

    def __init__(self, agencies: Iterable[Agency] = (), *, strict: bool = True) -> None:
        self._agencies: dict[str, Agency] = {}  # key of display name -> agency
        self._index: dict[str, str] = {}        # key of any spelling -> key of display name
        # key of a spelling with its abbreviations written out («Ủy ban Mặt trận Tổ quốc tỉnh» of «UBMTTQ tỉnh»), which
        # a document prints (spelled_out) and the registry must know again -> key of display name
        self._spelled: dict[str, str] = {}
        for a in agencies:
            self._add(a, strict=strict)

    # -- construction -----------------------------------------------------------------
    @classmethod
    def default(cls) -> AgencyRegistry:
        """A fresh registry of the bundled agencies (extending it leaves the bundle alone)."""
        return cls(_bundled(), strict=True)

    @classmethod
    def from_toml(cls, path: PathLike) -> AgencyRegistry:
        """A registry of only the agencies in one TOML file (schema in the module docstring)."""
        return cls(_load_toml(Path(path)), strict=False)

    def extend(self, names_or_path: PathLike | Iterable[str | Agency | dict[str, Any]]
               ) -> AgencyRegistry:
        """Add a user's agencies: a TOML file of the bundled schema, or a list of names,
        `Agency` objects or {"name", "aliases", "generic"} tables. An entry whose name is
        already known adds its aliases to that agency; an alias that meant another agency
        now means this one. Returns the registry itself."""
        if isinstance(names_or_path, os.PathLike) or (
            isinstance(names_or_path, str) and names_or_path.lower().endswith(".toml")
        ):
            entries: Iterable[Agency] = _load_toml(Path(names_or_path))
        elif isinstance(names_or_path, str):
            entries = [Agency(names_or_path)]
        else:
            entries = [_as_agency(e, "danh sách") for e in names_or_path]
        for a in entries:
            self._add(a, strict=False)
        return self

    def _add(self, agency: Agency, *, strict: bool) -> None:
        name = _tidy(agency.name)
        if not name:
            raise ValueError("Tên cơ quan không được để trống.")
        own = agency_key(name)
        existing = self._index.get(own)
        if existing is not None and not strict:
            old = self._agencies[existing]
            agency = Agency(old.name, old.aliases + agency.aliases, old.generic or agency.generic)
            name, own = old.name, existing
        elif existing is not None:
            raise ValueError(f"Cơ quan «{name}» có hai lần trong danh mục.")
        else:
            agency = Agency(name, agency.aliases, agency.generic)
        self._agencies[own] = agency
        self._index[own] = own
        for alias in agency.aliases:
            k = agency_key(alias)
            if not k:
                continue
            other = self._index.get(k)
            if other is not None and other != own:
                if strict:
                    raise ValueError(
                        f"Tên «{alias}» vừa là «{self._agencies[other].name}» vừa là «{name}»."
                    )
                if k == other:  # the alias is another agency's display name: leave that one
                    continue
            self._index[k] = own
        for spelling in agency.aliases:
            if _may_abbreviate(spelling):  # (spelling out is what changes a key: case and tone placement do not)
                self._spelled.setdefault(agency_key(spelled_out(_tidy(spelling), name)), own)

    def _find(self, key: str) -> str | None:
        """The key of the display name of the agency a spelling's key means, or None."""
        found = self._index.get(key)
        return found if found is not None else self._spelled.get(key)

    def _printed(self, written: str, own: str) -> str:
        """The name a document prints for `written`, a spelling of the agency `own` (spelled_out); as written when
        the registry would not know the agency again from the printed name."""
        shown = spelled_out(written, self._agencies[own].name)
        return shown if shown == written or self._find(agency_key(shown)) == own else written

    # -- queries ----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._agencies)

    def __iter__(self) -> Iterator[Agency]:
        return iter(self._agencies.values())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._find(agency_key(_tidy(name))) is not None

    def names(self) -> list[str]:
        """Display names, in registry order."""
        return [a.name for a in self._agencies.values()]

    def lookup(self, name: str) -> Agency | None:
        """The known agency a spelling means, or None."""
        k = self._find(agency_key(_tidy(name)))
        return self._agencies[k] if k is not None else None

    def canonical(self, name: str) -> str:
        """The name a document prints: as written (tidied: NFC, trimmed, no trailing punctuation), a known agency's
        abbreviation spelled out ("Sở VHTTDL" -> "Sở Văn hóa, Thể thao và Du lịch"), never another name of it
        ("Cục Thuế tỉnh" stays; spelled_out)."""
        tidy = _tidy(name)
        k = self._find(agency_key(tidy))
        return self._printed(tidy, k) if k is not None else tidy

    def key(self, name: str) -> str:
        """A key equal for every spelling of one agency (known or not): group by this."""
        k = agency_key(_tidy(name))
        found = self._find(k)
        return k if found is None else found

    def same(self, a: str, b: str) -> bool:
        """Whether two spellings name one agency ("Sở Văn hoá" = "Sở Văn hóa")."""
        return self.key(a) == self.key(b)

    def looks_like_agency(self, name: str) -> bool:
        """Whether a phrase names an agency: a known one, or one opening with an agency word («Sở …», «Công an
        tỉnh», «Các sở, ngành»); «Đối với thu, chi ngân sách» does not, nor «Các giải pháp» or «Các chỉ tiêu về
        kinh tế»: in free text (a task's head) «các» names agencies only before an agency's noun."""
        if name in self:
            return True
        tidy = _tidy(name)
        head = _head(tidy)
        if head == "generic":
            return (agency_key(tidy) + " ").startswith(_GENERIC_NOUN_KEYS)  # whole words: «các tổ», not «các tổng»
        return head is not None

    def unknown_abbreviation(self, name: str) -> bool:
        """Whether a name the registry does not know looks abbreviated («P.TCKH», «Phòng KT-HT», «BHXH huyện»): a
        document would print it as typed, so the author is told. The acronyms every reader knows (UBND, HĐND, …)
        and Roman numerals («khu vực VII») do not count."""
        return looks_abbreviated(name) and name not in self

    def is_generic(self, name: str) -> bool:
        """Whether the name is a collective ("Các sở, ngành"), not one office to write to."""
        a = self.lookup(name)
        if a is not None:
            return a.generic
        return _head(_tidy(name)) == "generic"

    # -- splitting --------------------------------------------------------------------
    def split(self, cell_text: object, canonical: bool = True) -> list[str]:
        """The agencies of one cell, in order, each once, as a document prints them (`canonical`: spelled_out).

        `;` and line breaks separate; a comma separates only outside a known name; " và "
        separates before a new agency ("Sở Nội vụ và các sở, ngành liên quan"), never inside an
        office named after the bodies it serves ("Văn phòng HĐND và UBND xã"). Known names
        are matched longest first over the comma-separated pieces; an unknown run of pieces
        ends where a piece opens a known name or an agency word (Sở, Ban, UBND, Thống kê,
        Thuế, Hải quan, Công an, …, "các …"), and keeps its spelling. `canonical=False` keeps
        every item as written (tidied), for checks of one agency spelled two ways.
        """
        return [name for name, _ in self.split_marked(cell_text, canonical)]

    def split_marked(self, cell_text: object, canonical: bool = True) -> list[tuple[str, str]]:
        """Like `split`, with the role a mark after an agency gives it: «Sở Tài chính (chủ trì)»
        -> ("Sở Tài chính", "lead"), «(phối hợp)» -> "cooperate", no mark -> ""."""
        if cell_text is None:
            return []
        items: list[tuple[str, str]] = []
        seen: set[str] = set()
        # a line that only brackets («Sở Nội vụ↵(Phòng Lao động - Việc làm)», «Sở TC↵(chủ trì)») goes with the line above
        for segment in _SEGMENT_SEP.split(_BRACKET_LINE.sub(" ", str(cell_text))):
            chunks = _ROLE_MARK.split(unicodedata.normalize("NFC", segment))
            for i in range(0, len(chunks), 2):
                role = _role_of(chunks[i + 1]) if i + 1 < len(chunks) else ""
                names = self._split_segment(_tidy(chunks[i]), canonical)
                for n, item in enumerate(names):
                    k = self.key(item)
                    if item and k not in seen:
                        seen.add(k)
                        items.append((item, role if n == len(names) - 1 else ""))
        return items

    def _match(self, text: str) -> str | None:
        return self._find(agency_key(text)) if text else None

    def _pieces(self, seg: str) -> list[tuple[int, int]]:
        """Spans of `seg` between commas and before a " và " that opens a new agency."""
        commas = [(m.start(), m.end()) for m in re.finditer(r"\s*,\s*", seg)]
        cuts: list[tuple[int, int]] = []
        begun = 0  # where the item before the comma began
        for n, (a, b) in enumerate(commas):
            nxt = commas[n + 1][0] if n + 1 < len(commas) else len(seg)
            if _joins_served_bodies(seg[begun:a], seg[b:nxt], comma=True):
                continue  # «Văn phòng Đảng ủy, HĐND và UBND xã»: the list of the bodies one office serves
            cuts.append((a, b))
            begun = b
        comma_starts = sorted(c[0] for c in cuts) + [len(seg)]
        comma_ends = [c[1] for c in cuts]
        va_end = 0
        for m in _VA.finditer(seg):
            right = seg[m.end():]
            left = seg[max([va_end, *(e for e in comma_ends if e <= m.start())]):m.start()]
            if _joins_served_bodies(left, right):
                continue
            opens = _head(right) is not None or any(
                self._match(seg[m.end():e]) for e in comma_starts if e > m.end()
            )
            if opens:
                cuts.append((m.start(), m.end()))
                va_end = m.end()
        cuts.sort()
        spans, pos = [], 0
        for a, b in cuts:
            if a < pos:
                continue
            spans.append((pos, a))
            pos = b
        spans.append((pos, len(seg)))
        return [(a, b) for a, b in spans if seg[a:b].strip(_EDGE)]

    def _split_segment(self, seg: str, canonical: bool = True) -> list[str]:
        if not seg:
            return []
        spans = self._pieces(seg)
        n = len(spans)
        out: list[str] = []
        last_start = 0  # start of the previous item in `seg`
        last_generic_start: int | None = None  # start of the previous item, if a collective
        i = 0
        while i < n:
            hit = None
            for j in range(n, i, -1):
                k = self._match(seg[spans[i][0]:spans[j - 1][1]])
                if k is not None:
                    hit = (j, k)
                    break
            if hit is not None:
                j, k = hit
                written = _tidy(seg[spans[i][0]:spans[j - 1][1]])
                out.append(self._printed(written, k) if canonical else written)
                last_start = spans[i][0]
                last_generic_start = spans[i][0] if self._agencies[k].generic else None
                i = j
                continue
            piece = seg[spans[i][0]:spans[i][1]].strip(_EDGE)
            if last_generic_start is not None and piece[:1].islower() and _head(piece) is None:
                # "Các sở, ngành, đoàn thể": the collective goes on; keep it as written.
                out[-1] = _tidy(seg[last_generic_start:spans[i][1]])
                i += 1
                continue
            if out and piece[:1].islower() and _head(piece) is None and not _LEVEL_OPENS.match(piece):
                # a piece in lower case that names no body is never an agency of its own: «Ban Quản lý các khu
                # công nghiệp, khu kinh tế» is one body, written as the cell writes it
                out[-1] = _tidy(seg[last_start:spans[i][1]])
                i += 1
                continue
            j = i + 1
            while j < n:
                nxt = seg[spans[j][0]:spans[j][1]].strip(_EDGE)
                if _head(nxt) is not None or self._starts_known(seg, spans, j):
                    break
                j += 1
            out.append(self._with_known_body(_tidy(seg[spans[i][0]:spans[j - 1][1]]), canonical))
            last_start = spans[i][0]
            last_generic_start = spans[i][0] if _head(piece) == "generic" else None
            i = j
        return out

    def _with_known_body(self, item: str, canonical: bool) -> str:
        """An unknown item that opens with a known body and names a unit of it («Sở NN&MT - Chi cục Kiểm lâm»,
        «Sở TC (Phòng Ngân sách)»): the body spelled out, the unit as written."""
        if not canonical:
            return item
        for m in _UNIT_AFTER.finditer(item):
            body = self._match(_tidy(item[:m.start()])) if m.start() else None
            if body is not None:
                return self._printed(_tidy(item[:m.start()]), body) + item[m.start():]
        return item

    def _starts_known(self, seg: str, spans: list[tuple[int, int]], i: int) -> bool:
        return any(self._match(seg[spans[i][0]:spans[j][1]]) for j in range(i, len(spans)))


# ---------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------

def _as_agency(entry: object, where: str) -> Agency:
    if isinstance(entry, Agency):
        return entry
    if isinstance(entry, str):
        return Agency(entry)
    if isinstance(entry, dict):
        name = entry.get("name")
        aliases = entry.get("aliases", [])
        generic = entry.get("generic", False)
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{where}: mỗi mục [[agency]] phải có name là một chuỗi.")
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ValueError(f"{where}: aliases của «{name}» phải là danh sách chuỗi.")
        if not isinstance(generic, bool):
            raise ValueError(f"{where}: generic của «{name}» phải là true hoặc false.")
        return Agency(name, tuple(aliases), generic)
    raise ValueError(f"{where}: không hiểu mục cơ quan {entry!r}.")


def _parse_toml(data: dict[str, Any], where: str) -> list[Agency]:
    entries = data.get("agency", [])
    if not isinstance(entries, list):
        raise ValueError(f"{where}: cần các bảng [[agency]].")
    return [_as_agency(e, where) for e in entries]


def _load_toml(path: Path) -> list[Agency]:
    """A user's registry file, read through the one guarded TOML reader (size, encoding, nesting,
    syntax errors in Vietnamese), as settings and manifests are."""
    from kh_excel.io.limits import InputRefused, load_toml
    if not path.is_file():
        raise ValueError(f"Không tìm thấy tệp danh mục cơ quan: {path}")
    try:
        data = load_toml(path, "tệp danh mục cơ quan")
    except InputRefused as exc:
        raise ValueError(str(exc)) from None
    return _parse_toml(data, str(path))


@lru_cache(maxsize=1)
def _bundled_data() -> dict:
    """The bundled agencies.toml, parsed once for the registry and the bodies not directed."""
    ref = resources.files("kh_excel").joinpath("data").joinpath("agencies.toml")
    return tomllib.loads(ref.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _bundled() -> tuple[Agency, ...]:
    return tuple(_parse_toml(_bundled_data(), "kh_excel/data/agencies.toml"))


@lru_cache(maxsize=1)
def _default_registry() -> AgencyRegistry:
    return AgencyRegistry.default()


DIRECTED, OWN_LINE, ASKED = "directed", "own_line", "asked"


@lru_cache(maxsize=1)
def _not_directed_keys() -> dict[str, frozenset[str]]:
    """The beginnings of `not_directed` in the bundled agencies.toml, per relation (ASKED, OWN_LINE)."""
    table = _bundled_data().get("not_directed", {})
    return {rel: frozenset(agency_key(h) for h in table.get(rel, [])) for rel in (ASKED, OWN_LINE)}


@lru_cache(maxsize=4096)
def committee_relation(name: str) -> str:
    """How a People's Committee stands to a body (`not_directed` in the bundled agencies.toml, matched on how the
    name begins): ASKED — the council, the Party, the Front, a mass organisation, a court, which it may only ask
    («Đề nghị … chủ trì»); OWN_LINE — a central agency in the province, the police, the army, which it tells to lead
    but which answer along their own line; DIRECTED — any other, its own (an office serving it among other bodies,
    «Văn phòng Đảng ủy, HĐND và UBND xã», too)."""
    k = agency_key(_tidy(name))
    if _SERVES_COMMITTEE.match(k):
        return DIRECTED
    for rel, heads in _not_directed_keys().items():
        if _opens_with(k, heads):
            return rel
    return DIRECTED


def directed_by_committee(name: str) -> bool:
    """Whether a People's Committee directs the body, so that a document may make it answer to the committee."""
    return committee_relation(name) == DIRECTED


def asked_by_committee(name: str) -> bool:
    """Whether a People's Committee may only ask the body («đề nghị»), never assign it («giao») anything."""
    return committee_relation(name) == ASKED


def looks_abbreviated(text: str) -> bool:
    """Whether a text holds an abbreviation beyond the acronyms every reader knows: «P.TCKH», «NHCSXH», «GD&ĐT»,
    not «UBND» nor «khu vực VII». Cheap: a cell without one needs no splitting to be cleared."""
    if _DOTTED.search(text):
        return True
    return any(not _ROMAN.fullmatch(t) and t.replace("&", "").replace("-", "") not in _UNDERSTOOD
               for t in _CAPITALS.findall(text))


def same_agency(a: str, b: str, registry: AgencyRegistry | None = None) -> bool:
    """Whether two spellings name one agency (bundled registry unless one is given)."""
    return (registry or _default_registry()).same(a, b)


def split_agencies(cell_text: object, registry: AgencyRegistry | None = None,
                   canonical: bool = True) -> list[str]:
    """The agencies of one cell (bundled registry unless one is given)."""
    return (registry or _default_registry()).split(cell_text, canonical)
