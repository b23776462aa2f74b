"""The issuer's place in a table's title lines: «… NĂM 2026 TỈNH LÀO CAI» -> ('TỈNH', 'LÀO CAI').

A wrong place in a document a leader signs is worse than a gap the author fills, so a name is read only where
the line shows where it ends. Pure text, no document: docs.context puts the place into the header, the date
line, the appendix title, Nơi nhận and the signature.

How a name is read (upper-case line):
- It begins after a level word (TỈNH, HUYỆN, XÃ …) and runs to a comma, a bracket, the line's end or a phrase
  no name goes on with («NĂM 2026», «GIAO CHO», «ĐẾN NĂM 2030»), at most five words; longer is some other
  sentence, and the level names no place.
- The words that lead such phrases are of two kinds (counted on the official lists of units before and after
  the 2025 reorganisation): words no unit's name holds (_NEVER_IN_NAMES), which end a name wherever they
  stand; and words that are also syllables of real names (_ALSO_IN_NAMES: «Năm Căn», «Ngã Năm», «Giao Thủy»,
  «Long Giao», «Quý Lộc», «Đồng Quý», «Tự Do», «Tân Ước», «Mường Và», «Tăng Nhơn Phú»), which end a name only
  where what follows shows the phrase they lead («NĂM» before a year, «GIAO» before «CHO»). A name's first word
  is read the same way: «XÃ GIAO AN» is a commune, «TỈNH GIAO CHO …» names none.
- A dash joins two parts of one name («BÀ RỊA - VŨNG TÀU», «PHAN RANG-THÁP CHÀM», «CHÂN MÂY – LĂNG CÔ»)
  unless what follows it is something else: such a phrase, a body («- PHÒNG TC-KH»), another level, or, in a
  line written in lower and upper case, a word in lower case.
- «X GIAO CHO Y», «X GIAO Y», «X … CHO Y»: the place before the verb issues, the place after it receives; a line
  naming only the receiver names no issuer.
- A name must be closed: a name running into a body («HUYỆN BẮC HÀ … UBND TỈNH») ends nowhere a name can (a gap);
  in a line in lower and upper case a lower-case word ends a capitalised name; a province's name (PROVINCES) is
  known whole, and after a dash it is the unit's province, no part of its name («HUYỆN BẮC HÀ – LÀO CAI»).
- A level in a list of levels («CÁC XÃ, PHƯỜNG TỈNH LÀO CAI») begins no name; a party committee («TỈNH ỦY»,
  «Huyện uỷ») is no level.
- Where the words could end in more than one place, a known unit's name settles it (kh_excel/data/
  place_names.tsv, the official lists before and after 1 July 2025): the longest name of that level the words
  begin with, if the line can end a name after it (at a phrase's word, whatever follows it, punctuation, a dash,
  a year or a count: «XÃ BẢN PHỐ ƯỚC NĂM 2026», «HUYỆN NĂM CĂN NĂM NĂM 2021-2025», «PHƯỜNG ĐẠT HIẾU NĂM 2026»).
  A name not in the list is read by the rules above: the list chooses among ends, it never makes a name.
  Nor does it cut one: in a line that writes its level in lower case («xã Bản Phố Mới»), names alone are
  capitalised, so a capitalised word after a known name that leads no phrase is the name's; and a phrase's word
  as the line's last word leads nothing («XÃ BẢN PHỐ MỚI»).
- «XÃ HỘI» is society («KINH TẾ - XÃ HỘI») unless a known commune's name begins there («XÃ HỘI AN», «xã Hội Cư»),
  written «Hội», not after a dash and not before a province's name («BẢO HIỂM XÃ HỘI AN GIANG»).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Sequence

from kh_excel.core.text import ACUTE, DOT, GRAVE, HOOK, TILDE, fold, tone_key

# The level words a place is named with («XÃ HỘI» is society, no commune).
# «TỈNH ỦY», «Huyện uỷ», «THÀNH ỦY»: a party committee, a body of its own, never a place's level.
_PARTY = r"(?!\s+[UỦ][YỶ]\b)"
_LEVEL_WORDS = rf"(?:TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|XÃ(?!\s+HỘI)|PHƯỜNG|THỊ TRẤN|ĐẶC KHU){_PARTY}"
_LEVEL = re.compile(rf"\b({_LEVEL_WORDS})\s+")
_LEVEL_AT_END = re.compile(rf"\s({_LEVEL_WORDS})\s*$")
# «XÃ HỘI» is society («KINH TẾ - XÃ HỘI», «BẢO HIỂM XÃ HỘI») or a commune whose name begins with «Hội» («XÃ HỘI AN»,
# «xã Hội Cư»): never after a dash; places() reads it only as a known name
_SPACES = re.compile(r" +")
_SOCIETY = re.compile(r"(?<![-–])(?<![-–]\s)\b(XÃ)\s+(?=HỘI\b)")
_LEVELS = rf"(?:{_LEVEL_WORDS})"
# A list of levels («CÁC XÃ, PHƯỜNG», «CÁC HUYỆN, THÀNH PHỐ», «XÃ/PHƯỜNG»): a level word after a separator from
# another is one of the list, no name's start; the place named after the list issues.
_LIST_ITEM = re.compile(rf"(?<=[^\W\d_])(?:\s*[,/]\s*|\s+VÀ\s+)({_LEVEL_WORDS})\b")
# Bodies no place's name holds: a name running into one is some other sentence («HUYỆN BẮC HÀ GỬI UBND TỈNH …»).
_BODY_IN_RUN = re.compile(r"(?:UBND|HĐND|ỦY BAN|UỶ BAN|HỘI ĐỒNG|ĐẢNG ỦY|ĐẢNG UỶ|MTTQ)\b")
# Bodies a title names beside a place («UBND TỈNH X GIAO CHO UBND HUYỆN Y», «HUYỆN X - PHÒNG TC-KH»).
_BODIES = r"(?:UBND|ỦY BAN|UỶ BAN|HĐND|HỘI ĐỒNG|SỞ|PHÒNG|BAN|VĂN PHÒNG|TRUNG TÂM|CHI CỤC|CỤC|ĐẢNG ỦY|BỘ|CÁC|CẤP)"

# Words that lead a phrase after a place and are no syllable of any unit's name: they end a name wherever they
# stand, and a level they follow names no place («KẾT QUẢ CỦA HUYỆN TRONG NĂM …»). (Three communes before 2025 hold
# one, Thân Thuộc, Thụy Trình, Vân Trình: read whole as known names, _known_end.)
_NEVER_IN_NAMES = ("GIAI ĐOẠN", "THEO", "TRONG", "THỰC HIỆN", "CHO", "TẠI", "CỦA", "VỀ", "KẾ HOẠCH",
                   "THÁNG", "SO VỚI", "ĐỐI VỚI", "VỚI", "PHÂN", "ĐƯỢC", "NHIỆM KỲ", "TRÊN", "KẾT QUẢ", "CHỈ TIÊU",
                   "BÁO CÁO", "PHỤ LỤC", "BIỂU", "TỔNG HỢP", "DỰ KIẾN", "DỰ TOÁN", "DỰ THẢO", "SỐ LIỆU",
                   # verbs and phrases titles write after the issuer («… GỬI UBND TỈNH», «… TRÌNH HĐND»)
                   "GỬI", "TRÌNH", "ĐIỀU CHỈNH", "ĐĂNG KÝ", "ĐÃ", "THUỘC", "PHẤN ĐẤU", "NÔNG THÔN", "NÂNG CAO",
                   "SAU SẮP XẾP", "SAU SÁP NHẬP", "SAU HỢP NHẤT", "SAU KHI", "SẮP XẾP")
# Words that are also syllables of real names, with what follows them where they lead a phrase instead. At the
# line's end or before punctuation they lead nothing: «XÃ TỰ DO», «HUYỆN NGÃ NĂM», «PHƯỜNG LONG GIAO».
_ALSO_IN_NAMES = {
    "NĂM": r"\d|KẾ HOẠCH\b|HỌC\b|TÀI CHÍNH\b",                       # «NĂM 2026» / «Năm Căn», «Ngã Năm»
    # «GIAO CHO», «GIAO CHỈ TIÊU» / «Giao Thủy», «Long Giao» (after «DO …» also at the end: _passive_giao)
    "GIAO": rf"CHO\b|CHỈ TIÊU\b|KẾ HOẠCH\b|NHIỆM VỤ\b|DỰ TOÁN\b|{_LEVELS}\s|{_BODIES}\b",
    "QUÝ": r"(?:I{1,3}|IV)\b|\d",                                   # «QUÝ I» / «Quý Lộc», «Đồng Quý»
    "DO": rf"{_LEVELS}\s|{_BODIES}\b|TRUNG ƯƠNG\b|CHÍNH PHỦ\b|THỦ TƯỚNG\b",  # «DO TỈNH GIAO» / «Tự Do»
    "ĐẾN": rf"NĂM\b|HẾT\b|CUỐI\b|NGÀY\b|THÁNG\b|QUÝ\b|NAY\b|\d|{_LEVELS}\s|{_BODIES}\b",  # no name yet: «XÃ ĐẾN …»
    "ƯỚC": r"THỰC HIỆN\b|TH\b|TÍNH\b|ĐẠT\b|CẢ NĂM\b|\d",                     # «ƯỚC THỰC HIỆN» / «Tân Ước»
    "VÀ": r"(?!VÀ\b)[^\W\d_]|\d",   # «MƯỜNG VÀ VÀ XÃ …»: the first is the name's
                                             # «VÀ CÁC XÃ» / «Mường Và» (at the end)
    "TỪ": r"\d|NĂM\s+\d{4}\s+ĐẾN\b|NGÀY\b|THÁNG\s+\d",                                   # «TỪ 2021 ĐẾN 2025» / «Từ Sơn», «Nam Từ Liêm», «Đại Từ»
    "LẦN": r"\d|[IVX]+\b|THỨ\b",                                     # «LẦN 2», «LẦN THỨ XVI»
    "ĐẠT": r"CHUẨN\b|ĐƯỢC\b|KẾ HOẠCH\b|MỤC TIÊU\b|\d",             # «ĐẠT CHUẨN» / «Bàn Đạt»
    "MỚI": r"NÂNG CAO\b|KIỂU MẪU\b|\d",                               # «MỚI NÂNG CAO» / «Chợ Mới»
    "TĂNG": r"\d|TRÊN\b|DƯỚI\b|KHOẢNG\b|TỪ\b|BÌNH QUÂN\b|THÊM\b|TRƯỞNG\b|CƯỜNG\b|SO\b",  # «Tăng Nhơn Phú»
}
# Words that begin a phrase after a level word, never a place's name there, though a name may hold them further
# on («SỐ XÃ ĐẠT CHUẨN …»; «Nậm Có», «Bàn Đạt»).
_NEVER_BEGINS = ("ĐẠT", "CHƯA", "CÓ", "KHÔNG", "VƯỢT", "HOÀN THÀNH", "GIẢM")

_NEVER = "|".join(sorted(_NEVER_IN_NAMES, key=len, reverse=True))
_ALSO = "|".join(rf"{w}(?=\s+(?:{follow}))" for w, follow in _ALSO_IN_NAMES.items())
# At a word's start: the phrase that ends a name here, or another place beginning («XÃ KA ĐÔ HUYỆN ĐƠN DƯƠNG»;
# a level word at the end or before a phrase is a syllable: «PHƯỚC TỈNH», «TÂN XÃ», «TỨ QUẬN»).
_PHRASE = re.compile(rf"(?:{_NEVER})\b|(?:{_ALSO})")
_LEADS = re.compile(rf"{_PHRASE.pattern}|{_LEVELS}\s+(?!{_PHRASE.pattern})[^\W\d_]")
_NOT_BEGUN = re.compile(rf"(?:{'|'.join(_NEVER_BEGINS)})\b")
# What may stand right after a name: punctuation, a closing bracket at the line's end, the end.
_CLOSES = re.compile(r"\s*(?:[,;:(]|\)?\s*$)")
_THEN_PHRASE = re.compile(rf"\s+(?:{_PHRASE.pattern})")
_WORD = re.compile(r"[^\W\d_][^\s\d(),;:–-]*")
_NEXT = re.compile(r"(\s*[-–]\s*|\s+)([^\W\d_][^\s\d(),;:–-]*)")
# After a dash, what is no second part of the name: a body, another level, a phrase of its own.
_AFTER_DASH_NOT_NAME = re.compile(rf"(?:{_BODIES}|{_LEVELS}|ĐỢT|LẦN|BẢN|MẪU|TỔ|CHÍNH THỨC|KINH TẾ|XÃ HỘI)\b")
# A ward or an urban district named by a number («PHƯỜNG 1», «QUẬN 3»); the number last in a commune's name
# («XÃ ĐẠ HUOAI 2», as the 2025 reorganisation named some), before punctuation or the end only.
_NUMBERED = ("PHƯỜNG", "QUẬN")
_NUMBER = re.compile(r"\d{1,2}(?!\d)")
# (a number before «NĂM», «THÁNG», «QUÝ» counts them, «TỈNH LÀO CAI 5 NĂM 2021-2025» is no «LÀO CAI 5»; a
# number before one year is a name's: «XÃ BẢO LÂM 2 NĂM 2026»)
_LAST_NUMBER = re.compile(rf"\s+\d{{1,2}}(?=\s+[–-]|\s*(?:[,;:(]|\)?\s*$)|\s+(?!NĂM|THÁNG|QUÝ)(?:{_PHRASE.pattern})"
                          rf"|\s+NĂM\s+\d{{4}}(?!\s*[-–/]))")
# «giao» as the verb of assigning (not «GIAO THÔNG»): before what it assigns, or at the end; «cho» always.
_VERB = re.compile(rf"\bGIAO(?=\s+(?:{_ALSO_IN_NAMES['GIAO']})|\s*(?:$|[,;:()]))|\bCHO\b")
_PASSIVE = re.compile(r"\bDO\s+(?:(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+)?$")
MAX_WORDS = 5  # no unit's name is longer («VĂN MIẾU - QUỐC TỬ GIÁM»); «THÀNH PHỐ HỒ CHÍ MINH» is level and three
# A level word typed twice without a space («UBND HuyệnHuyện Đơn Dương», a real table's title)
DOUBLED_LEVEL = re.compile(r"\b(TỈNH|HUYỆN|QUẬN)\1\b", re.IGNORECASE)


# The provinces and centrally-run cities, the 63 before 1 July 2025 and the 34 after (Nghị quyết 202/2025/QH15;
# «HUẾ» is the one new name): a province's name is known whole, so «TỈNH LÀO CAI ĐIỀU CHỈNH» names Lào Cai, and
# after a dash it is the province of the unit before it («HUYỆN BẮC HÀ – LÀO CAI»), no part of that unit's name.
PROVINCES = (
    "HÀ NỘI", "HỒ CHÍ MINH", "HẢI PHÒNG", "ĐÀ NẴNG", "CẦN THƠ", "HUẾ",
    "AN GIANG", "BÀ RỊA - VŨNG TÀU", "BẮC GIANG", "BẮC KẠN", "BẠC LIÊU", "BẮC NINH", "BẾN TRE", "BÌNH ĐỊNH",
    "BÌNH DƯƠNG", "BÌNH PHƯỚC", "BÌNH THUẬN", "CÀ MAU", "CAO BẰNG", "ĐẮK LẮK", "ĐẮK NÔNG", "ĐIỆN BIÊN",
    "ĐỒNG NAI", "ĐỒNG THÁP", "GIA LAI", "HÀ GIANG", "HÀ NAM", "HÀ TĨNH", "HẢI DƯƠNG", "HẬU GIANG", "HÒA BÌNH",
    "HƯNG YÊN", "KHÁNH HÒA", "KIÊN GIANG", "KON TUM", "LAI CHÂU", "LÂM ĐỒNG", "LẠNG SƠN", "LÀO CAI", "LONG AN",
    "NAM ĐỊNH", "NGHỆ AN", "NINH BÌNH", "NINH THUẬN", "PHÚ THỌ", "PHÚ YÊN", "QUẢNG BÌNH", "QUẢNG NAM",
    "QUẢNG NGÃI", "QUẢNG NINH", "QUẢNG TRỊ", "SÓC TRĂNG", "SƠN LA", "TÂY NINH", "THÁI BÌNH", "THÁI NGUYÊN",
    "THANH HÓA", "THỪA THIÊN HUẾ", "TIỀN GIANG", "TRÀ VINH", "TUYÊN QUANG", "VĨNH LONG", "VĨNH PHÚC", "YÊN BÁI",
)
# (compared folded, dashes and spaces alike: «Thanh Hoá», «THỪA THIÊN - HUẾ»; then each word as written, its diacritics
# counting unless typed without any: «QUẢNG NĂM 2024» is no «Quảng Nam»)
_PROVINCE_KEYS = sorted({tuple(fold(p).replace("-", " ").split()) for p in PROVINCES}, key=len, reverse=True)
_PROVINCE_WORDS = {tuple(fold(p).replace("-", " ").split()): tuple(tone_key(w) for w in p.replace("-", " ").split())
                   for p in PROVINCES}
_WORDS_AT = re.compile(r"[^\W_]+")


# Foreign countries and the places across the border that a province's tables name («cửa khẩu Lào Cai - Hà Khẩu (Trung
# Quốc)», «xuất khẩu sang Nhật Bản, Hàn Quốc»): given back their capitals as a province's are. Only names that are no
# common word too: never «Anh», «Đức», «Pháp», «Mỹ», «Nga» (anh, đức, pháp luật, mỹ thuật), nor a continent («châu Âu»).
FOREIGN_PLACES = (
    "TRUNG QUỐC", "HÀN QUỐC", "NHẬT BẢN", "HOA KỲ", "THÁI LAN", "CAMPUCHIA", "CĂM-PU-CHIA", "LÀO", "ẤN ĐỘ", "ĐÀI LOAN",
    "HỒNG KÔNG", "XINH-GA-PO", "MA-LAI-XI-A", "IN-ĐÔ-NÊ-XI-A", "PHI-LÍP-PIN", "MI-AN-MA", "ÔXTRÂYLIA", "CA-NA-ĐA",
    "VÂN NAM", "QUẢNG TÂY", "HÀ KHẨU", "CÔN MINH", "NAM NINH", "BẰNG TƯỜNG", "ĐÔNG HƯNG", "PHÒNG THÀNH", "MÔNG TỰ",
    "PHÔNG-SA-LỲ", "LUÔNG NẶM THA", "U-ĐÔM-XAY", "LUÔNG PHA-BANG", "HỦA PHĂN", "XIÊNG KHOẢNG", "VIÊNG CHĂN",
)
_PROVINCE_LOWER = re.compile(r"(?<!\w)(" + "|".join(re.escape(p.lower()) for p in sorted(PROVINCES + FOREIGN_PLACES,
                                                                                      key=len, reverse=True))
                             + r")(?!\w)")


def province_capitals(text: str) -> str:
    """Lower-cased text with the provinces' names given back their capitals («cửa khẩu lào cai» -> «cửa khẩu Lào Cai»),
    and the foreign places' (FOREIGN_PLACES: «hà khẩu (trung quốc)» -> «Hà Khẩu (Trung Quốc)»):
    a heading in capitals written into a sentence (docs.context.sentence_case)."""
    return _PROVINCE_LOWER.sub(lambda m: " ".join(w[:1].upper() + w[1:] for w in m.group(1).split(" ")), text)


def province_at(line: str, at: int) -> int:
    """Where a province's name that begins at `at` ends (the longest, whole words), -1 when none begins there."""
    words, end = [], at
    for m in _WORDS_AT.finditer(line, at, min(len(line), at + 40)):
        if not re.fullmatch(r"\s*[-–]?\s*", line[end:m.start()]):
            break   # words joined by spaces or a dash only
        words.append((m.end(), m.group(), fold(m.group())))
        end = m.end()
    for key in _PROVINCE_KEYS:
        if len(words) >= len(key) and tuple(w for _, _, w in words[:len(key)]) == key \
                and all(x.isascii() or tone_key(x) == y for (_, x, _), y in zip(words, _PROVINCE_WORDS[key])):
            return words[len(key) - 1][0]
    return -1


class Place(NamedTuple):
    level: str
    name: str
    start: int   # of the level word in the line
    end: int     # after the name


def stand_in(name: str) -> bool:
    """A name a form leaves for the user to replace, never a place: «X», «XXX», «…», «A B» (a ward's number,
    «PHƯỜNG 1», is a name)."""
    words = re.findall(r"\w+", name)
    return not words or (not name.strip().isdigit() and all(len(set(w)) == 1 for w in words))


def prepared(line: str) -> tuple[str, str]:
    """(upper-case line, the line as written with the same length) for the readers below: NFC, a doubled level
    word made single."""
    cased = DOUBLED_LEVEL.sub(r"\1", unicodedata.normalize("NFC", line))
    upper = cased.upper()
    return upper, cased if len(cased) == len(upper) else upper


def places(line: str, cased: str | None = None) -> list[Place]:
    """Every place the upper-case `line` names with its level, in order; a level naming none is left out («CÁC XÃ,
    THỊ TRẤN», «TỈNH GIAO CHO …»), a name that begins but ends nowhere a name can («XÃ BẢO LÂM 2 NĂM 2026», more
    than five words) is a Place with no name: no later place on the line stands in for it. `cased`, the line as
    written, tells a dash that goes on with a name from one that leads elsewhere."""
    out: list[Place] = []
    listed = {m.start(1) for m in _LIST_ITEM.finditer(line)
              if re.search(rf"(?:{_LEVEL_WORDS})$", line[:m.start()])}
    levels = sorted([*_LEVEL.finditer(line), *_SOCIETY.finditer(line)], key=lambda m: m.start())
    for lv in levels:
        if out and lv.start() < out[-1].end:
            continue   # a level word inside the name just read («XÃ TÂN XÃ»)
        if lv.start() in listed:
            continue   # «CÁC XÃ, PHƯỜNG TỈNH LÀO CAI»: a level of the list, the province after it issues
        passive = bool(_PASSIVE.search(line, 0, lv.start()))
        if lv.re is _SOCIETY:
            # «XÃ HỘI AN», «xã Hội Cư»: a commune only by a known name there, never «hội» in lower case, nor one a
            # province follows («BẢO HIỂM XÃ HỘI AN GIANG»)
            end = _known_end(line, "XÃ", lv.end(), cased or line, passive)
            after = _GAP.match(line, end) if end > 0 else None
            if end > 0 and (cased or line)[lv.end()].isupper() and not (after and _province_written(line, after.end())):
                out.append(Place("XÃ", line[lv.end():end].strip(), lv.start(), end))
            continue
        end = _name_end(line, lv.group(1), lv.end(), cased or line, passive)
        if end < 0:
            out.append(Place(lv.group(1), "", lv.start(), lv.end()))
            continue
        name = line[lv.end():end].strip()
        if name and not stand_in(name):
            out.append(Place(lv.group(1), name, lv.start(), end))
    return out


def _leads(line: str, at: int, passive: bool) -> bool:
    """Does a phrase no name goes on with begin at `at`? After «DO» the giver's «GIAO» ends the line's sense:
    «DO UBND TỈNH X GIAO»."""
    return bool(_LEADS.match(line, at)) or _passive_giao(line, at, passive)


def _passive_giao(line: str, at: int, passive: bool) -> bool:
    """«… DO UBND TỈNH X GIAO», «DO TỈNH GIAO NĂM 2020»: after «do» the giver's «giao» closes the phrase."""
    return passive and re.match(rf"GIAO(?:\s*(?:$|[,;:()])|\s+(?:{_PHRASE.pattern}))", line[at:]) is not None


def _name_end(line: str, level: str, at: int, cased: str, passive: bool) -> int:
    """Where the name beginning at `at` ends; 0 when none begins there, -1 when one begins but ends nowhere a
    name can."""
    known = _known_end(line, level, at, cased, passive)
    if level in ("TỈNH", "THÀNH PHỐ") and (province := province_at(line, at)) > known:
        return province   # a province's name is known whole: what follows it is no part of it
    if known > 0:   # (a city's longer name holds a province's: «THÀNH PHỐ ĐIỆN BIÊN PHỦ»)
        return known
    number = _NUMBER.match(line, at)
    if number and level in _NUMBERED:
        after = number.end()
        return after if _CLOSES.match(line, after) or _THEN_PHRASE.match(line, after) else -1
    first = _WORD.match(line, at)
    # (a name's first word may be a level word: «PHƯỜNG PHƯỜNG ĐÚC»)
    if not first or _PHRASE.match(line, at) or _passive_giao(line, at, passive) or _NOT_BEGUN.match(line, at):
        return 0
    if first.group() in _ALSO_IN_NAMES and not _NEXT.match(line, first.end()):
        return 0   # a phrase's word alone is no name: «TỈNH GIAO», «HUYỆN NĂM»
    end, words = first.end(), 1
    # in a line written in lower and upper case, a name written capitalised ends at a word in lower case
    # («… tỉnh Lào Cai điều chỉnh»); a name written in lower case gives no such sign
    by_case = cased != line and cased[at].isupper()
    while True:
        m = _NEXT.match(line, end)
        if not m:
            break
        if _leads(line, m.start(2), passive):
            return end if words > 1 or first.group() not in _ALSO_IN_NAMES else 0
        if by_case and cased[m.start(2)].islower():
            return end
        if _BODY_IN_RUN.match(line, m.start(2)):
            return -1   # «HUYỆN BẮC HÀ GỬI UBND TỈNH …»: the name is not closed before another sentence
        dash = "-" in m.group(1) or "–" in m.group(1)
        if dash and (province_at(line, m.start(2)) > 0 or not _dash_joins(line, cased, end, m.start(2))):
            return end   # «HUYỆN BẮC HÀ – LÀO CAI»: the unit, then its province
        words += 1
        if words > MAX_WORDS:
            return -1
        end = m.end()
    if _CLOSES.match(line, end) or re.match(r"\s*[-–]", line[end:]):
        return end
    number = _LAST_NUMBER.match(line, end)   # «XÃ A LƯỚI 2», «PHƯỜNG CỔ NHUẾ 1,»: the number ends the name
    return number.end() if number and words < MAX_WORDS else -1


# ---------------------------------------------------------------- known units' names

_TOKEN = re.compile(r"[^\s(),;:–-]+")          # a name's words are joined by spaces or a dash
_GAP = re.compile(r"\s*[-–]\s*|\s+")
# After a name, a year or a count of years, months, quarters is no part of it («BẮC HÀ 5 NĂM 2021-2025»).
_COUNT = re.compile(r"\s+(?:\d{4}(?!\d)|\d{1,2}\s+(?:NĂM|THÁNG|QUÝ)\b)")


# Old and new tone placement («hòa», «thủy» / «hoà», «thuỷ»): the tone on the first vowel of «oa», «oe», «uy» moved
# to the second. (A closed syllable has it there in both: «hoàn».)
_OLD_PLACEMENT = tuple((unicodedata.normalize("NFC", pair[0] + tone) + pair[1],
                        pair[0] + unicodedata.normalize("NFC", pair[1] + tone))
                       for pair in ("oa", "oe", "uy") for tone in (GRAVE, ACUTE, TILDE, HOOK, DOT))


def _key(text: str) -> str:
    """NFC text compared in any case and either tone placement («HÒA» = «Hoà»), apostrophes alike; every other
    mark still counts («Đông» is no «Đồng»)."""
    text = text.casefold().replace("’", "'")
    for old, new in _OLD_PLACEMENT:
        if old in text:
            text = text.replace(old, new)
    return text


@lru_cache(maxsize=1)
def known_names() -> dict[str, frozenset[tuple[str, ...]]]:
    """{level word: the known units' names of that level, as word keys}, read once from the bundled list."""
    text = resources.files("kh_excel").joinpath("data", "place_names.tsv").read_text(encoding="utf-8")
    out: dict[str, set[tuple[str, ...]]] = {}
    for row, keyed in zip(text.splitlines(), _key(text).splitlines()):   # (one pass of the key over the file)
        if row and not row.startswith("#"):
            out.setdefault(row.split("\t", 1)[0], set()).add(tuple(_TOKEN.findall(keyed.split("\t")[1])))
    return {level: frozenset(names) for level, names in out.items()}


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(len(n) for names in known_names().values() for n in names)


def _sentence(cased: str, at: int) -> bool:
    """Is the level word before `at` written in lower case («xã Bản Phố Mới»)? Then the line capitalises names
    alone: a capitalised word after a name goes on with it."""
    level_word = re.search(r"(\w)\w*\s*$", cased[:at])
    return level_word is not None and level_word.group(1).islower()


def _known_end(line: str, level: str, at: int, cased: str, passive: bool) -> int:
    """Where the longest known name of `level` that the words at `at` begin with ends, where the line can end a
    name after it; -1 when none does."""
    names = known_names().get(level)
    if not names:
        return -1
    keys, ends, pos = [], [], at
    while len(keys) < _longest() and (m := _TOKEN.match(line, pos)):
        keys.append(_key(m.group()))
        ends.append(m.end())
        gap = _GAP.match(line, m.end())
        if not gap:
            break
        pos = gap.end()
    by_case = cased != line and cased[at].isupper()
    # a level word in lower case («xã Bản Phố Mới»): the line capitalises names only, so capitalised words after a
    # known name go on with it: the name is the known one and those words («Thụy Trình Mới»)
    sentence = by_case and _sentence(cased, at)
    for n in range(len(keys), 0, -1):
        if tuple(keys[:n]) in names:
            end = _capitalised_on(line, cased, ends[n - 1], passive, MAX_WORDS - n) if sentence else ends[n - 1]
            if end > 0 and _may_end(line, end, cased, by_case, passive):
                return end
    return -1


def _capitalised_on(line: str, cased: str, end: int, passive: bool, room: int) -> int:
    """The end of the capitalised words that go on with a name ending at `end` in a line that capitalises names
    alone: words after a space that lead no phrase and are no province's name nor a body; -1 for more than `room`."""
    while (m := _SPACES.match(line, end)) and (word := _WORD.match(line, m.end())) \
            and cased[m.end()].isupper() and not (_leads(line, m.end(), passive) or _province_written(line, m.end())
                                                  or _BODY_IN_RUN.match(line, m.end())):
        room -= 1
        if room < 0:
            return -1
        end = word.end()
    return end


def _may_end(line: str, end: int, cased: str, by_case: bool, passive: bool) -> bool:
    """Can a name end at `end`? Before punctuation, a dash, the line's end, a year or a count, a phrase or a word
    that leads one elsewhere («ƯỚC», «NĂM», «VÀ» whatever follows them, but not as the line's last word: «XÃ BẢN PHỐ
    MỚI»), another level, a province's name (the province a district or a commune lies in), or, in a name written
    capitalised in a line in lower and upper case, a word in lower case."""
    if _CLOSES.match(line, end) or _GAP.match(line, end) is None or _COUNT.match(line, end):
        return True
    gap = _GAP.match(line, end)
    if "-" in gap.group() or "–" in gap.group():
        return True
    at = gap.end()
    word = _WORD.match(line, at)
    if _leads(line, at, passive):
        return True
    last = bool(word) and _CLOSES.match(line, word.end()) is not None   # a phrase's word alone leads nothing
    return bool(_NOT_BEGUN.match(line, at) or (word and word.group() in _ALSO_IN_NAMES and not last)
                or (by_case and cased[at].islower()) or _province_written(line, at))  # «HUYỆN BẮC HÀ LÀO CAI»


_PROVINCES_WRITTEN = re.compile(r"(?:%s)(?![\w])" % "|".join(
    re.escape(p).replace(r"\ \-\ ", r"\s*[-–]\s*").replace(r"\ ", r"\s+") for p in sorted(PROVINCES, key=len, reverse=True)))


def _province_written(line: str, at: int) -> bool:
    """Does a province's name, with its diacritics («LÀO CAI», not «HẠ NĂM» for Hà Nam), begin at `at`?"""
    return _PROVINCES_WRITTEN.match(unicodedata.normalize("NFC", line[at:at + 40]).upper()) is not None


def _dash_joins(line: str, cased: str, before: int, word: int) -> bool:
    """A dash between two parts of one name: what follows is no body, level or phrase, and where the line is
    written in lower and upper case, the words on both sides of it are capitalised."""
    if _AFTER_DASH_NOT_NAME.match(line, word):
        return False
    if cased != line and cased != cased.upper():
        last = cased.rfind(" ", 0, before) + 1
        return cased[word].isupper() and cased[last].isupper()
    return True


def _verb_at(line: str, found: list[Place]) -> int | None:
    """Where «giao / cho» stands as the verb of assigning (not inside a place's name: «HUYỆN GIAO THỦY»)."""
    return next((v.start() for v in _VERB.finditer(line) if not any(p.start <= v.start() < p.end for p in found)),
                None)


def issuer(line: str, cased: str | None = None) -> Place | None:
    """The issuer's place in an upper-case title line: the first place named before «giao / giao cho / cho» (the
    receiver's place follows the verb: «UBND TỈNH X GIAO CHO HUYỆN Y» is the province's); on a line with no such
    verb the first place named. None when the line names none before the verb, or its first place's name cannot
    be read: a later place never stands in for it."""
    found = places(line, cased)
    verb = _verb_at(line, found)
    first = next((p for p in found if verb is None or p.end <= verb), None)
    return first if first and first.name else None


def issuer_of_cells(cells: Sequence[str]) -> Place | None:
    """The issuer's place in a title row written over several cells («ỦY BAN NHÂN DÂN HUYỆN MƯỜNG ẢNG» | «Mẫu số 01»):
    read cell by cell, so a name never runs from its cell into the next one («HUYỆN MƯỜNG ẢNG MẪU»). The row ends at
    the first cell that names a level or assigns: what follows «… GIAO CHO» is the receiver's, and a later cell never
    stands in for a place whose name cannot be read (issuer)."""
    for cell in cells:
        line, cased = prepared(cell)
        found = places(line, cased)
        m = issuer(line, cased)
        if m:
            return m
        if found or _verb_at(line, found) is not None:
            return None
    return None


def receiver(line: str, cased: str | None = None) -> Place | None:
    """The place given the indicators: the first named after «giao / cho» (None when the line names none)."""
    found = places(line, cased)
    verb = _verb_at(line, found)
    return next((p for p in found if verb is not None and p.start > verb and p.name), None)


# A level word in running text, any case («Lãnh đạo tỉnh phụ trách», «LÃNH ĐẠO UBND HUYỆN PHỤ TRÁCH»).
# (not a party committee, «Tỉnh ủy», «Huyện uỷ»: a body of its own, _PARTY_IN_TEXT)
_LEVEL_IN_TEXT = re.compile(r"(?<!\w)(thành phố|thị xã|thị trấn|đặc khu|tỉnh|huyện|quận|xã(?!\s+hội)|phường)"
                            r"(?!\w)(?!\s+[uủ][yỷ](?!\w))", re.IGNORECASE)
_PARTY_IN_TEXT = re.compile(r"(?<!\w)(?:tỉnh|thành|huyện|quận|thị|đảng)\s+[uủ][yỷ](?!\w)", re.IGNORECASE)


def with_level(text: str, word: str) -> str:
    """`text` with its level word made `word` («Lãnh đạo tỉnh phụ trách», «xã» -> «Lãnh đạo xã phụ trách»),
    written in the case of the word it replaces; every other word as it was. A text naming no level, or naming
    a party committee or a second level beside it («Lãnh đạo Tỉnh ủy, UBND tỉnh phụ trách»), is unchanged: one
    word changed there would join two levels in one header, and a «Xã ủy» no commune has."""
    found = list(_LEVEL_IN_TEXT.finditer(text))
    if len(found) != 1 or not word or _PARTY_IN_TEXT.search(text):
        return text
    m = found[0]
    if m.group(1).lower() == word.lower():
        return text
    old = m.group(1)
    new = word.upper() if old.isupper() else word[:1].upper() + word[1:] if old[:1].isupper() else word.lower()
    return text[:m.start()] + new + text[m.end():]


def body_and_place(line: str) -> tuple[str, str]:
    """An upper-case body's line split at its first level word: («SỞ TÀI CHÍNH», «TỈNH LÀO CAI») of «SỞ TÀI CHÍNH
    TỈNH LÀO CAI», («SỞ NÔNG NGHIỆP VÀ PTNT», «TỈNH X») of a form's stand-in, («VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI»,
    «TỈNH») of a name that ends on its level alone; (line, '') when it names no level. Under its governing body
    («UBND TỈNH LÀO CAI») a department's header names it without its place (nd30)."""
    m = _LEVEL.search(line) or _LEVEL_AT_END.search(line)
    if not m or not line[:m.start()].strip():
        return line.strip(), ""
    return line[:m.start()].rstrip(" ,-–"), line[m.start():].strip()
