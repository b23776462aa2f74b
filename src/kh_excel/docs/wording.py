"""How a document words an indicator: the one place every sentence about a row is written.

A leader signs these sentences, so each must say exactly what the row holds: the
verb follows the direction («đạt» a level, «còn» a burden, a reduction amount with no
verb), a percentage is never read as a share of the plan, a ratio to plan is shown
only for amounts where more is better, a structure is one sentence with all its
parts, and a row whose numbers failed the check says «số liệu lỗi» with no value.
The choices follow /shared/WRITING.md (seed lines cited there). Pure functions of the
model: no files, no Word.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from kh_excel.core.attainment import (as_rise, bare_headings, change_size, change_words as core_change_words,
                                      in_which_owners, index_rise, judged_by_points, names_a_growth_rate,
                                      names_an_index, no_share_of, not_judged_by_note,
                                      not_judged_by_own_verdict, not_judged_for_period, percent_on_other_unit,
                                      plan_index_rise, planned_fall, rise_as_written, share_parts,
                                      structure_status as core_structure_status)
from kh_excel.core import periods
from kh_excel.core.periods import PLAN_WORD
from kh_excel.core.direction import CHIEU_REASON_START, INDICATOR_HEADS, REDUCTION_PART_REASON, REDUCTION_START, UNCLEAR_START
from kh_excel.core.model import EXCEL_ERRORS, Assessment, ErrorValue, Indicator
from kh_excel.core.numbers import (ResultReading, about_word, average_yearly, decimals_of, far_apart, format_number,
                                  format_ratio, points_change, range_bound, rescales, stretch_target,
                                  without_lead_words)
from kh_excel.core.text import fold, sentence_case

NBSP = "\u00a0"  # number and unit never split across lines

# Abbreviated units written out in running text (folded key -> words). «13.400 DN» -> «13.400 doanh nghiệp».
UNIT_WORDS: dict[str, str] = {
    "dn": "doanh nghiệp", "htx": "hợp tác xã", "thth": "tổ hợp tác", "cs": "cơ sở", "hs": "học sinh",
    "gv": "giáo viên", "ld": "lao động", "nld": "người lao động", "sv": "sinh viên", "tthc": "thủ tục hành chính",
    "ch": "căn hộ", "dv": "dịch vụ",
}
# Units of a rank: the figure is a place, «xếp thứ 15».
# Words a structure's parts keep upper-case mid-sentence (an acronym is any all-capital word).
_VERB_NAMES = ("giam ", "tang ", "phan dau ", "duy tri ", "keo giam ", "muc giam ")

STATUS_WORDS: dict[str, str] = {
    "vuot": "vượt kế hoạch", "dat": "đạt kế hoạch", "khong_dat": "không đạt kế hoạch",
    "chua_co_so_lieu": "chưa có số liệu", "khong_danh_gia": "không đánh giá bằng số", "so_lieu_loi": "có số liệu lỗi, chưa đánh giá",
}
ERROR_STATUS = "so_lieu_loi"  # rows whose numbers failed the check (core.attainment): never a value or a ratio
EXCEL_ERROR = re.compile(r"^\s*(?:" + "|".join(map(re.escape, EXCEL_ERRORS)) + ")", re.I)


def status_of(a: Assessment) -> str:
    """The row's status for a document: an Excel error value in its result or target is «số liệu lỗi» even
    when the table was not gated (the value itself never reaches a document)."""
    ind = a.indicator
    if EXCEL_ERROR.match(ind.result_text or "") or EXCEL_ERROR.match(ind.target.text or ""):
        return ERROR_STATUS
    return a.status


def clean(text: object) -> str:
    return re.sub(r"\s+", " ", "" if text is None else str(text)).strip()


# ------------------------------------------------------------------ units and amounts

def unit_words(unit: str) -> str:
    """A unit inside a sentence: 'Tỷ đồng' -> 'tỷ đồng', '1000 lượt người' -> 'nghìn lượt người', 'DN' -> 'doanh nghiệp'."""
    u = clean(unit)
    if not u or u in ("%", "‰") or re.fullmatch(r"[\d.,\s]+", u):  # a number read into the unit column is no unit
        return u if u in ("%", "‰") else ""
    if fold(u) in UNIT_WORDS:
        return UNIT_WORDS[fold(u)]
    m = re.match(r"^(1[.,]?000|1[.,]?000[.,]?000)\s+(\S.*)$", u)
    if m:
        word = "nghìn" if len(re.sub(r"\D", "", m.group(1))) == 4 else "triệu"
        rest = m.group(2)
        return f"{word} {rest[:1].lower() + rest[1:] if rest[1:2].islower() or len(rest) == 1 else rest}"
    first, _, rest = u.partition(" ")
    # 'Tỷ đồng' -> 'tỷ đồng', 'Tạ/Ha' -> 'tạ/ha'; 'USD', 'km2' as written
    first = "/".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in first.split("/"))
    return f"{first} {rest}".strip()


_PER_YEAR_RATE = re.compile(r"[%‰]\s*/\s*[^\s/]+")  # «%/năm», «% / năm», «‰/năm»


def amount(number: str, unit: str) -> str:
    """'155.000' + 'Tỷ đồng' -> '155.000\\u00a0tỷ đồng'; '10,5' + '%' -> '10,5%'; a short unit kept whole ('điểm\\u00a0%')."""
    u = unit_words(unit)
    if not u:
        return number
    if u in ("%", "‰") or _PER_YEAR_RATE.fullmatch(u):  # «2,5%/năm», as «2,5%» is written
        return f"{number}{u.replace(' ', '')}"
    if fold(u).startswith("so ") and len(u.split()) >= 2:  # «Số bé trai/100 bé gái»: «111 bé trai/100 bé gái»
        u = u[3:]
    if u[0] in "%‰/":  # «100% chỉ tiêu», «46/100.000 trẻ đẻ sống»: the sign or the ratio stays on its figure (R18-15)
        sign, _, rest = u.partition(" ")
        return f"{number}{sign} {rest}" if rest else f"{number}{sign}"
    if len(u.split()) <= 2:  # 'tỷ đồng', 'điểm %' stay whole; a longer unit may wrap inside
        u = u.replace(" ", NBSP)
    return f"{number}{NBSP}{u}"


def is_rank(ind: Indicator) -> bool:
    """A place in a ranking, by the one rule the judgement uses (core.direction.is_rank)."""
    from kh_excel.core.direction import is_rank as core_is_rank
    return core_is_rank(ind.name, ind.unit)


def is_reduction(ind: Indicator) -> bool:
    """'Giảm tỷ lệ hộ nghèo … 1,5 điểm %': the figure is the amount of the fall; more is better.
    («Giám sát …» folds alike and is no fall: core.direction.as_written tells them apart.)"""
    from kh_excel.core.direction import as_written
    if ind.direction != "up":
        return False
    if ind.direction_reason.startswith((REDUCTION_START, REDUCTION_PART_REASON)):  # «Tỷ lệ hộ nghèo giảm», «Số biên chế cắt giảm»
        return True
    return fold(clean(ind.name)).startswith(("giam ", "muc giam ", "keo giam ")) and as_written("giam", ind.name)


def direction_unclear(ind: Indicator) -> bool:
    """A count under a reduction (core.direction UNCLEAR_START, judged «Không đánh giá»): the plan may be the
    cases left or the cases cut, so no verb may say which — «đạt», «còn» would; a plan says «kế hoạch 100 vụ»,
    a result «thực hiện 40 người»."""
    return ind.direction_reason.startswith(UNCLEAR_START)


def is_percent(ind: Indicator) -> bool:
    """A share or a rate: in % or in ‰ (per mille: «Tỷ suất sinh thô», «Mức giảm tỷ lệ sinh»)."""
    return "%" in ind.unit or "‰" in ind.unit


def near(rr: ResultReading | None) -> bool:
    """A figure cell written as near its figure («Gần 595.000», «khoảng 95%»: core.numbers.ResultReading.approximate)."""
    return rr is not None and rr.approximate


def shows_ratio(a: Assessment) -> bool:
    """A ratio to plan means something only where more is better («đạt 97,5% kế hoạch»): never for a score in
    points («Điểm»), a burden (lower is better), a rank, a growth target, a result written as near its figure
    («gần 5.000 USD» against 4.900 is no «102,0%»: the verdict says it, rev19 N-3) or a row whose numbers failed; for
    a share or a rate only as share_ratio allows."""
    ind = a.indicator
    return (a.ratio is not None and status_of(a) != ERROR_STATUS and ind.direction == "up"
            and not is_rank(ind) and not ind.growth_target and "diem" not in fold(ind.unit)
            and not near(ind.result_reading)
            and not far_apart(ind.result, ind.target.value) and (not is_percent(ind) or share_ratio(a)))


# «Tỷ lệ tăng dân số tự nhiên», «Tỷ lệ giảm …»: a rate of change, however named (rev19 N-7)
_RATE_OF_CHANGE = ("ty le tang ", "ty le giam ", "toc do tang ", "toc do giam ")


def share_ratio(a: Assessment) -> bool:
    """A share or a rate in % more of which is better, against its own year's plan, has the ratio attainment prints
    and reports state («Tỷ lệ lao động qua đào tạo 78,2%, kế hoạch 78%, đạt 100,3% kế hoạch»; a poverty rate's fall
    «giảm 5,36%, kế hoạch 4%, đạt 134,0% kế hoạch»: rev18 R18-11), written after both figures so it never reads as the
    share. Never a part of the year against the year's plan (a share is no running total: 59% after 6 months is not
    «98,3% kế hoạch năm»), a rate in ‰, a growth rate or an index (7,5% growth against 8% is no «93,8% kế hoạch»;
    CPI 103,2), a plan in points («Giảm 1 điểm %»: judged by the change), nor a bound («trên 95%»: met or not, the
    share reached says it; «đạt 100,3% kế hoạch» of «trên 95%» reads as a figure the plan never set)."""
    ind = a.indicator
    return (clean(ind.unit) == "%" and ind.target.op == "=" and a.reason != PROGRESS_REASON
            and not names_a_growth_rate(ind) and not fold(clean(ind.name)).startswith(_RATE_OF_CHANGE)
            and not rise_named(ind)
            and not names_an_index(ind) and judged_by_points(a) is None and index_rise(a) is None
            and plan_index_rise(a) is None)


def no_goal(ind: Indicator) -> bool:
    """A plan of 0 where the figure is not a burden sets no goal (core.attainment: «Không đánh giá»): a
    document never writes «đạt 0%» as a target."""
    t = ind.target
    return t.is_numeric and t.op == "=" and t.value == 0 and ind.direction != "down"


def is_period_growth(ind: Indicator) -> bool:
    """A growth plan over a period («KH NQ 2016-2020: Tăng 11-12%»): an average yearly growth."""
    return ind.growth_target and tuple(ind.growth_period) != (0, 0, 0)


def period_words(ind: Indicator) -> str:
    _years, first, last = ind.growth_period
    return f"giai đoạn {first}–{last}"


# Names that already say the figure is a change («Chỉ số giá tiêu dùng (CPI) tăng», «Tốc độ tăng …»): the verb
# «còn» (down to) would misread them.
_CHANGE_NAMES = ("chi so gia", "toc do tang", "toc do giam")


# A name whose predicate is the change, the figure its size: «Chỉ số giá tiêu dùng (CPI) tăng», «Tổng sản phẩm trên địa
# bàn (GRDP) tăng so với cùng kỳ», «… bình quân tăng so với năm trước» (folded; group 1 the verb)
_CHANGE_PREDICATE = re.compile(r"\s(tang|giam)(?:\s+so voi\b[^()]*)?$")


def _name_change(ind: Indicator) -> str:
    """«tang»/«giam» when the name's predicate is the change its figure sizes (_CHANGE_PREDICATE), else ''."""
    m = _CHANGE_PREDICATE.search(fold(clean(ind.name)))
    return m.group(1) if m else ""


def names_a_change(ind: Indicator) -> bool:
    f = fold(clean(ind.name))
    return bool(_name_change(ind)) or any(w in f for w in _CHANGE_NAMES)


def rise_named(ind: Indicator) -> bool:
    """A row in % whose name says its figure is a rise («Tổng sản phẩm trên địa bàn (GRDP) tăng so với cùng kỳ | % |
    3,02»): a growth rate, written «tăng 3,02%» as «Tăng 18,4» typed in the cell is (rev20 R20-13), never a level
    «thực hiện 3,02%» nor a ratio to plan. An index figure near 100 (CPI tăng | 103,2) is no rise of 103,2%."""
    if clean(ind.unit) != "%" or _name_change(ind) != "tang":
        return False
    r = ind.result
    return r is None or not (names_an_index(ind) and 50 < r < 200)


def ends_with_con(ind: Indicator) -> bool:
    """«Tỷ lệ hộ nghèo giảm (xuống) còn» (core.direction: the plan is the level reached): the name carries its
    verb «còn», a sentence never writes «còn: còn 2,5%»."""
    from kh_excel.core.direction import LEVEL_REASON
    return ind.direction_reason.startswith(LEVEL_REASON) and fold(clean(ind.name)).endswith(" con")


# a part of the year's result against the whole year's plan (docs.period.as_progress): progress, not attainment
PROGRESS_REASON = periods.PROGRESS_REASON


def ratio_words(a: Assessment, plan: str = PLAN_WORD) -> str:
    """«đạt 105,0% kế hoạch»; `plan` what the table calls its plan (core.periods.plan_word: «đạt 105,0% dự toán»)."""
    if not shows_ratio(a):
        return ""
    if a.reason == PROGRESS_REASON:
        return f"bằng {format_ratio(a.ratio)}% {plan} năm"
    return f"đạt {format_ratio(a.ratio)}% {plan}"


# ------------------------------------------------------------------ names

# Abbreviations a sheet uses in names, written out in running text (the appendix keeps the sheet's name).
# Only unambiguous ones: «NN» (nông nghiệp / nhà nước) stays as typed.
NAME_WORDS: dict[str, str] = {
    "SX": "sản xuất", "GTSX": "giá trị sản xuất", "XD": "xây dựng", "BQ": "bình quân", "DN": "doanh nghiệp",
    "DV": "dịch vụ", "HTX": "hợp tác xã", "KCN": "khu công nghiệp", "CCN": "cụm công nghiệp", "LN": "lâm nghiệp",
    "TNGT": "tai nạn giao thông", "BHYT": "bảo hiểm y tế", "BHXH": "bảo hiểm xã hội", "BHTN": "bảo hiểm thất nghiệp",
    "THPT": "trung học phổ thông", "THCS": "trung học cơ sở", "NTM": "nông thôn mới", "CNTT": "công nghệ thông tin",
    "KT-XH": "kinh tế - xã hội", "VSATTP": "vệ sinh an toàn thực phẩm", "ĐTNN": "đầu tư nước ngoài",
}
_NAME_WORD = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, NAME_WORDS), key=len, reverse=True))
                        + r")(?![\w-])")
# Numbering a sheet types into a name: '1.Cây lương thực', '1.1.1.Lúa', '3.1 Rau', 'I.Diện tích', 'E. SẢN XUẤT',
# 'a. Điều ghép', 'b) Điều hạt'.
_NUMBERING = re.compile(r"^(?:[IVX]+\.\s*|\d+(?:\.\d+)+\.?\s*|\d+\.\s*|[A-Za-zđ][.)]\s+)(?=[^\d\s.,)])")
_SUB_MARK = re.compile(r"^[-+*•–—·]")


# A row whose name cell holds an Excel error, in a document made anyway (--allow-errors): it keeps its place in the
# lists, the count and the appendix, its name a highlighted gap that says where the name is (never a blank line
# «: số liệu lỗi», never a row left out of the count of rows with failed figures).
NAME_GAP = "[Tên chỉ tiêu ở dòng {row} bị lỗi {error}: ghi lại tên]"


def name_gap(ind: Indicator) -> str:
    """NAME_GAP for a row whose name cell holds an error value; "" for any other row."""
    raw = ind.raw.get("name")
    return NAME_GAP.format(row=ind.row, error=raw.code) if isinstance(raw, ErrorValue) else ""


def name_of(ind: Indicator) -> str:
    """The name as running text writes it: no list mark or numbering typed into it ('- Lúa', '1.1.1.Lúa'),
    an all-capitals heading in sentence case (acronyms kept), known abbreviations written out; a failed name
    cell's gap (NAME_GAP)."""
    if not ind.name and (gap := name_gap(ind)):
        return gap
    name = re.sub(r"^[-+*•–—·]+\s*", "", clean(ind.name))
    name = _NUMBERING.sub("", name) or name
    name = sentence_case(name)
    out = _NAME_WORD.sub(lambda m: NAME_WORDS[m.group(1)], name)
    return out[:1].upper() + out[1:] if name[:1].isupper() else out


_WITHIN = re.compile(r"^trong\s+đó\s*[:,]?\s*", re.I)


def within(name: str) -> str | None:
    """'Trong đó: tỷ lệ doanh nghiệp …' -> 'tỷ lệ doanh nghiệp …'; None when the row is not a «trong đó»."""
    m = _WITHIN.match(name)
    if not m or not name[m.end():]:
        return None
    rest = name[m.end():]
    return lower_first(rest)


def lower_first(text: str) -> str:
    """'Tỷ lệ …' -> 'tỷ lệ …' mid-sentence; an acronym or a proper name ('GRDP', 'Sở …', 'Lào Cai') keeps its capitals."""
    t = clean(text)
    first = t.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower() and fold(first) not in _PROPER_WORDS:
        return t[:1].lower() + t[1:]
    if len(first) == 1 and first.isupper():
        return t[:1].lower() + t[1:]
    return t


_PROPER_WORDS = frozenset({"so", "uy", "ubnd", "hoi", "bo", "chinh", "thu", "lao", "viet", "nha", "quoc"})


def part_name(text: str) -> str:
    """A structure's part mid-sentence: 'Công nghiệp - Xây dựng' -> 'công nghiệp - xây dựng' (acronyms kept), a
    part's label kept: 'Khu vực I' -> 'khu vực I', 'Nhóm A' -> 'nhóm A' (rev22 R22-13: never «khu vực i»)."""
    words = clean(text).split(" ")
    return " ".join(w if w.isupper() and (len(w) > 1 or i > 0) or not w[:1].isupper() else w.lower()
                    for i, w in enumerate(words))


# Abbreviations of bodies written out in prose (Kính gửi, «… chủ trì»); the registry handles named offices.
# («TT HĐND» whole: the council's standing committee, never «TT Hội đồng nhân dân»)
AGENCY_WORDS: dict[str, str] = {"TT HĐND": "Thường trực Hội đồng nhân dân", "TT. HĐND": "Thường trực Hội đồng nhân dân",
                                "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân",
                                "UBMTTQ": "Ủy ban Mặt trận Tổ quốc", "MTTQ": "Mặt trận Tổ quốc"}
_AGENCY_WORD = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, AGENCY_WORDS)) + r")(?!\w)")


# Names that keep their capitals in running text however the table wrote them (Decree 30, Phụ lục II: the first
# syllable of a body's name and of its own proper part; a congress «Đại hội»; a specific resolution «Nghị quyết Đại hội
# …»): a title in capitals lower-cased for a sentence («CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ XÃ») gets them back.
# Longest first where one holds another; a generic «nghị quyết» or «hội đồng» alone stays lower-case.
PROPER_NAMES: tuple[str, ...] = (
    "Nghị quyết Đại hội đại biểu Đảng bộ", "Nghị quyết Đại hội Đảng bộ", "Đại hội đại biểu Đảng bộ", "Đại hội Đảng bộ",
    "Ban Chấp hành Đảng bộ", "Ban Thường vụ", "Ban Chấp hành", "Đảng bộ", "Đảng ủy", "Tỉnh ủy", "Thành ủy",
    "Huyện ủy", "Quận ủy", "Thị ủy", "Hội đồng nhân dân", "Ủy ban nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn Thanh niên",
    "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh", "Thủ tướng Chính phủ", "Chính phủ", "Quốc hội",
    "Hồ Chí Minh", "Việt Nam",
)
_PROPER_NAME = re.compile(r"(?<!\w)(" + "|".join(re.escape(n.lower()) for n in PROPER_NAMES) + r")(?!\w)")
_PROPER_OF = {n.lower(): n for n in PROPER_NAMES}


def proper_capitals(text: str) -> str:
    """Lower-cased text with the names of PROPER_NAMES given back their capitals: «nghị quyết đại hội đảng bộ xã» ->
    «Nghị quyết Đại hội Đảng bộ xã» (rev12 D-F); the Roman number of a congress or a term in capitals («lần thứ I»,
    «khóa XV»). NFC text; the rest unchanged."""
    text = _ORDINAL.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    return _PROPER_NAME.sub(lambda m: _PROPER_OF[m.group(1)], text)


_ORDINAL = re.compile(r"(\b(?:lần thứ|khóa|khoá)\s+)([ivxlc]+)\b")


def agency_words(text: str) -> str:
    """'UBND các xã/phường' -> 'Ủy ban nhân dân các xã, phường' (prose writes bodies out, a list with commas)."""
    t = _AGENCY_WORD.sub(lambda m: AGENCY_WORDS[m.group(1)], clean(text))
    return re.sub(r"\b(xã|phường|thị trấn|huyện|thị xã|thành phố)\s*/\s*", r"\1, ", t)


def group_name(text: str) -> str:
    """An agency group mid-sentence: 'Các Ban Quản lý dự án' -> 'các Ban Quản lý dự án'; 'Sở Tài chính' unchanged."""
    t = clean(text)
    first = t.split(" ", 1)[0]
    if first in ("Các", "Những", "Toàn", "Mọi", "Cơ"):
        return t[:1].lower() + t[1:]
    return t


# ------------------------------------------------------------------ targets

def _num(v: Decimal | None) -> str:
    return format_number(v) if v is not None else ""


def target_words(ind: Indicator) -> str:
    """The target's value in words, no verb: '155.000 tỷ đồng', 'trên 10%', 'từ 130 đến 140 tỷ đồng', 'thứ 20'; a
    plan to fall by its size ('5%' of «Giảm 5%»: the verb says «giảm»)."""
    fall = planned_fall(ind)
    if fall is not None:
        return bound_words(fall, "%")
    if rise_as_written(ind):  # «Tăng 1 điểm %»: a rise, never the level 1% (core.attainment)
        return lower_first(clean(ind.target.text))
    unit = "%" if ind.growth_target else ind.unit
    stretch = stretch_target(ind.target.text) if ind.target.is_numeric else None
    if stretch is not None:  # «6,5-7%, phấn đấu 7-7,5%»: both as written, the stretch never left out (rev18 R18-5)
        return ", phấn đấu ".join(_with_unit(part, unit) for part in stretch)
    return bound_words(_as_about(ind), unit, is_rank(ind))


def _with_unit(text: str, unit: str) -> str:
    """A figure as written, with the row's unit where it does not write it: «6,5-7» -> «6,5-7%»."""
    u = unit_words(unit)
    written = lower_first(text)
    return written if not u or "%" in written or fold(written).endswith(fold(u)) else amount(written, unit)


def _as_about(ind: Indicator):
    """The target as judged: a point plan the Chiều column says to keep «Khoảng» is «khoảng 95%» wherever it is
    stated, as it is judged within a margin (rev11 D13: the plan said «đạt 95%», the report called 93,8 met)."""
    t = ind.target
    if t.op == "=" and ind.direction == "about" and ind.direction_reason.startswith(CHIEU_REASON_START):
        return replace(t, op="~")
    return t


def growth_verb(ind: Indicator) -> str:
    """The verb of a growth plan: «tăng», «giảm» (a plan to fall), with «bình quân» over a period or where the plan
    says it («Tăng bình quân 10%/năm» of a year's plan: never «kế hoạch tăng 10%»)."""
    verb = "giảm" if planned_fall(ind) is not None else "tăng"
    return f"{verb} bình quân" if is_period_growth(ind) or _yearly_average(ind) else verb


def _yearly_average(ind: Indicator) -> bool:
    """A growth plan written as a yearly average («Tăng bình quân 10%/năm») with no period the table names."""
    return ind.growth_target and not is_period_growth(ind) and average_yearly(ind.target.text) is not None


def bound_words(t, unit: str, rank: bool = False) -> str:
    """A target or a result written as an expression, in words: 'trên 10%', 'khoảng 24 tỷ đồng', 'từ 61 đến 62%'."""
    if not t.is_numeric:
        return lower_first(t.text)
    if not rank and (rescales(t.text, unit) or range_bound(t.text)):
        written = as_written(t.text, unit, t.op)  # «trên 8 triệu lượt khách», «10 - 10,5% trở lên» (rev22 R22-10, 11)
        return f"khoảng {written}" if t.op == "~" and not _NEAR_IN.search(fold(t.text)) else written
    if rank:
        n = _num(t.value)
        return {"=": f"thứ {n}", "<": f"cao hơn thứ {n}", "<=": f"từ thứ {n} trở lên", "~": f"khoảng thứ {n}",
                ">": f"thấp hơn thứ {n}", ">=": f"từ thứ {n} trở xuống",
                "range": f"từ thứ {n} đến thứ {_num(t.high)}"}.get(t.op, lower_first(t.text))
    v = amount(_num(t.value), unit)
    if t.op == "range" and t.high is not None:
        return f"từ {_num(t.value)} đến {amount(_num(t.high), unit)}"
    return {"=": v, ">": f"trên {v}", ">=": f"từ {v} trở lên", "<": f"dưới {v}", "<=": f"không quá {v}",
            "~": f"{about_word(t.text)} {v}"}.get(t.op, lower_first(t.text))


_NEAR_IN = re.compile(r"\b(?:khoang|xap xi|gan|chung)\b|~|≈")
# A bound typed in signs before the figures («≥ 10 - 10,5»), and the words a sentence says it in
_SIGN_LEAD = re.compile(r"^(>=|=>|≥|<=|=<|≤|>|<)\s*")
_SIGN_WORDS = {">=": "từ {} trở lên", "=>": "từ {} trở lên", "≥": "từ {} trở lên", ">": "trên {}", "<": "dưới {}",
               "<=": "không quá {}", "=<": "không quá {}", "≤": "không quá {}"}
# The last figure of a plan, with its magnitude words («8 triệu», «3,1 triệu tỷ», «10,5%»)
_LAST_FIGURE = re.compile(r"\d[\d.,]*(?:\s*%)?(?:\s+(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w))*(?!.*\d)", re.S)
_MAGNITUDE_WORD = re.compile(r"^(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+)+", re.I)


def as_written(text: str, unit: str, op: str = "") -> str:
    """A plan the document writes as its cell does, with the row's unit after its last figure where the cell does not
    write it: «Trên 8 triệu» beside «Lượt khách» -> «trên 8 triệu lượt khách»; «3,1 triệu tỷ» beside «Tỷ đồng» -> «3,1
    triệu tỷ đồng» (a magnitude word the unit opens with is said once); «1,2 tỷ USD» as it is; «10 - 10,5 trở lên»
    beside «%» -> «10 - 10,5% trở lên»; a bound typed in signs in words («≥ 10 - 10,5» -> «từ 10 - 10,5% trở lên»).
    Never the figure re-scaled to the unit, which the resolution did not write (rev22 R22-10, R22-11)."""
    written = lower_first(without_lead_words(clean(text)))
    sign = _SIGN_LEAD.match(written)
    if sign is not None:
        written = written[sign.end():]
    u = unit_words(unit)
    m = _LAST_FIGURE.search(written)
    if u and m is not None:
        fig, rest = written[:m.end()], written[m.end():]
        if u in ("%", "‰") or _PER_YEAR_RATE.fullmatch(u):
            if "%" not in m.group(0) and "‰" not in m.group(0) and not rest.lstrip().startswith(("%", "‰")):
                written = amount(fig, u) + rest
        else:
            base = _MAGNITUDE_WORD.sub("", u) if m.group(0)[-1:].isalpha() else u
            head = fold(base).split(" ")[0]
            if base and not (fold(rest).lstrip().startswith(head) and head):
                written = amount(fig, base) + rest
    return _SIGN_WORDS[sign.group(1)].format(written) if sign is not None else written


def target_verb(ind: Indicator) -> str:
    """'đạt' a level, 'còn' a burden (WRITING: «còn dưới 2%»), 'tăng' a growth, 'xếp' a rank, 'kế hoạch' where the
    direction is unclear (direction_unclear); '' for a reduction and for a name that is itself a change («CPI
    tăng», «Tốc độ tăng …»: «CPI tăng dưới 4%», never «còn»)."""
    if ind.growth_target:
        return growth_verb(ind)
    if is_rank(ind):
        return "xếp"
    if direction_unclear(ind):
        return "kế hoạch"
    if is_reduction(ind) or (ind.direction == "down" and names_a_change(ind)) \
            or fold(clean(ind.name)).endswith(" tang") or ends_with_con(ind):  # «Chỉ số PCI tăng 3 bậc»
        return ""
    return "còn" if ind.direction == "down" else "đạt"


def target_phrase(ind: Indicator) -> str:
    """The target for a plan sentence: 'đạt 155.000 tỷ đồng', 'còn dưới 2%', 'tăng trên 8% so với năm trước'."""
    words = target_words(ind)
    if not ind.target.is_numeric or not words or rise_as_written(ind):  # (a rise as written carries its verb)
        return words
    verb = _kept_verb(ind, target_verb(ind))
    phrase = f"{verb} {words}" if verb else words
    if is_period_growth(ind):
        phrase += f"/năm {period_words(ind)}"
    elif _yearly_average(ind):
        phrase += "/năm"
    elif ind.growth_target:
        phrase += " so với năm trước"
    return phrase


def _kept_verb(ind: Indicator, verb: str) -> str:
    """«duy trì (đạt)» where the plan keeps a level so («Duy trì đạt từ 98,4% trở lên», «Duy trì 100%»: rev20 R20-1),
    never the «đạt» of a level to reach, which the resolution did not write; any other verb as given."""
    if verb not in ("đạt", "còn"):
        return verb
    key = fold(clean(ind.target.text))
    if not key.startswith("duy tri "):
        return verb
    return "duy trì đạt" if key.startswith("duy tri dat ") else "duy trì"


def plan_sentence(ind: Indicator, name: str | None = None) -> str:
    """One plan item without its list mark: 'Tổng sản phẩm …: đạt 155.000 tỷ đồng',
    'Giảm tỷ lệ hộ nghèo … 1,5 điểm %', 'Phấn đấu toàn tỉnh có 13.400 doanh nghiệp'."""
    name = name if name is not None else name_of(ind)
    phrase = target_phrase(ind)
    if not phrase:
        return name
    if ind.target.is_numeric and fold(name).startswith(_VERB_NAMES) and not ind.growth_target:
        words = target_words(ind)
        tail = unit_words(ind.unit)
        if tail and tail != "%" and fold(name).endswith(" " + fold(tail)):
            # 'Phấn đấu toàn tỉnh có doanh nghiệp' + 13.400 -> 'Phấn đấu toàn tỉnh có 13.400 doanh nghiệp'
            head = name[: len(name) - len(tail)].rstrip()
            return f"{head} {words}"
        return f"{name} {words}" if is_reduction(ind) or not target_verb(ind) else f"{name}: {phrase}"
    if ind.target.is_numeric and not target_verb(ind) and (fold(name).endswith((" tang", " giam")) or ends_with_con(ind)):
        return f"{name} {phrase}"  # 'Chỉ số giá tiêu dùng (CPI) tăng dưới 4%'
    return f"{name}: {phrase}"


# ------------------------------------------------------------------ results

def result_value(ind: Indicator) -> str:
    """The result for a sentence: '94,1 triệu đồng', '47,9%', 'thứ 15'."""
    if ind.result is None:
        return ""
    if is_rank(ind):
        return f"thứ {format_number(ind.result)}"
    if percent_on_other_unit(ind):
        return f"{format_number(ind.result)}%"  # «95%» against a plan in tỷ đồng: never «95 tỷ đồng»
    return amount(format_number(ind.result), ind.unit)


def result_words(ind: Indicator) -> str:
    """The result as the sheet writes it, in words: a figure ('94,1 triệu đồng', 'thứ 15') or an expression
    ('Trên 8' -> 'trên 8%', '61-62' -> 'từ 61 đến 62%', 'Khoảng 24' -> 'khoảng 24 tỷ đồng', 'Tăng 5 bậc',
    'Hoàn thành' -> 'hoàn thành'); '' when the cell is empty or holds an error value."""
    rr = ind.result_reading
    if ind.result is not None and (rr is None or rr.estimate or rr.kind != "about"):
        return result_value(ind)  # an estimate's figure: its clause says «ước» (result_clause)
    text = clean(ind.result_text)
    if rr is None or rr.kind == "qualitative" or not rr.bounds.is_numeric:
        return "" if not text or EXCEL_ERROR.match(text) else lower_first(text)
    # a change in points stays in points («Giảm 1,6 điểm %»: never «giảm 1,6%», a relative fall)
    points = points_change(rr.text)
    unit = points[2] if points is not None else "%" if "%" in rr.text else ind.unit
    bounds = rr.bounds
    if rr.estimate and bounds.op == "~":  # «Ước tăng 12%»: «ước tăng 12%», never «ước tăng khoảng 12%»
        bounds = replace(bounds, op="=")
    if rr.change:
        return f"{'tăng' if rr.change == 'tang' else 'giảm'} {bound_words(bounds, unit)}"
    return bound_words(bounds, unit, is_rank(ind))  # «Khoảng 24»: «khoảng 24 tỷ đồng», as written


def is_estimate(ind: Indicator) -> bool:
    """A result written as an estimate («Ước 12.600», «ƯTH 11.800»): a sentence says «ước thực hiện» (WRITING.md)."""
    rr = ind.result_reading
    return rr is not None and rr.estimate


def _falls(ind: Indicator) -> bool | None:
    """Did the figure fall against the previous year? None when there is no previous figure."""
    if ind.result is None or ind.previous is None:
        return None
    return ind.exact.get("result", ind.result) < ind.exact.get("previous", ind.previous)


def result_clause(ind: Indicator, estimate: bool = False) -> str:
    """The result with its verb: 'thực hiện 94,1 triệu đồng', 'còn 4,1%' (a burden that is down to it, never one
    that rose), 'xếp thứ 15', 'thực hiện trên 8%', 'tăng 5 bậc', 'hoàn thành'; an estimate says so ('ước thực hiện
    11.800 tỷ đồng', 'ước tăng 12%', 'ước còn 4,1%'); '' when there is none. `estimate`: the column read is an
    estimate («Ước thực hiện năm 2026»: core.periods.Period.estimate), so is every figure in it (note10 #10: «thực hiện
    1.050 tỷ đồng» of an estimate's column); words the cell writes («Hoàn thành») keep their own verb."""
    words = result_words(ind)
    if not words:
        return ""
    clause = _result_clause(ind, words)
    return f"ước {clause}" if is_estimate(ind) or estimate and _a_figure(ind) else clause


def _a_figure(ind: Indicator) -> bool:
    """Does the result state a figure, a bound or a range of one («20.900», «Trên 20.900», «61-62»: an estimate's
    column makes each «ước …», rev18 R18-9), not words («Hoàn thành») that keep their own verb?"""
    rr = ind.result_reading
    return ind.result is not None or rr is not None and rr.kind != "qualitative" and rr.bounds.is_numeric


def _result_clause(ind: Indicator, words: str) -> str:
    """result_clause without the «ước» of an estimate."""
    rr = ind.result_reading
    if ind.result is None and (rr is None or rr.kind == "qualitative" or not rr.bounds.is_numeric or rr.change):
        return words  # written in words or as a change: it carries its own verb
    if is_rank(ind):
        return f"xếp {words}"
    if rise_named(ind) and ind.result is not None and words == result_value(ind):
        # the figure is the rise the name states: «tăng 3,02%», a fall «giảm 0,5%» (never «thực hiện -0,5%»)
        return f"{'giảm' if ind.result < 0 else 'tăng'} {amount(format_number(abs(ind.result)), ind.unit)}"
    if ends_with_con(ind):
        return words  # «Tỷ lệ hộ nghèo giảm còn: 2,2%»
    if ind.direction == "down" and not direction_unclear(ind) and ind.result is not None and not names_a_change(ind) and _falls(ind) is not False:
        return f"còn {words}"
    return f"thực hiện {words}"


def growth_words(a: Assessment, previous_year: int | None = None, since: str | None = None) -> str:
    """The change a document states beside a result: 'tăng 8,16% so với năm 2025'; in points for an indicator in %
    ('giảm 0,3 điểm %', as many decimals as the sheet shows, at most 2); a rank in places ('tăng 12 bậc': 30 -> 18);
    a plan over a period as the average yearly growth ('tăng bình quân 11,92%/năm giai đoạn 2016–2020'); an index
    the change it states (CPI 103,2: 'tăng 3,2%', as the body's «(tăng 3,2% so với năm trước)»); the size of a fall
    as a fall larger or smaller ('mức giảm thấp hơn 3,0 điểm %'). Nothing when the result is ≥10× or ≤0,1× the
    previous year's (a likely unit error, as check warns), nor from a figure written as near («Gần 595.000»: near). `since` replaces the comparison («so với cùng kỳ năm
    trước» for a part of the year, docs.period)."""
    ind = a.indicator
    g = a.growth
    if g is None or status_of(a) in (ERROR_STATUS, "chua_co_so_lieu"):
        return ""  # a failed row, or a result read as not yet filled (0 against a plan): no change to state
    kind = getattr(a, "growth_kind", None)
    if near(ind.result_reading) or (near(ind.previous_reading) and kind not in ("index", "avg_yearly")):
        return ""  # from «Gần 595.000»: no «tăng 5,88%» (rev19 N-3); an index's own rise, a period's base, need none
    since = since or (f"so với năm {previous_year}" if previous_year else "so với năm trước")
    if kind == "avg_yearly" or (kind is None and is_period_growth(ind)
                                and a.reason.startswith(("tăng bình quân", "giảm bình quân"))):
        word = "tăng" if g >= 0 else "giảm"
        return f"{word} bình quân {change_size(g, 2)}%/năm {period_words(ind)}"
    result, previous = ind.exact.get("result", ind.result), ind.exact.get("previous", ind.previous)
    if is_rank(ind):
        if result is None or previous is None:
            return ""
        places = previous - result  # a smaller place number is better: 30 -> 18 rose 12 places
        if places == 0:
            return f"giữ nguyên thứ hạng {since}"
        return f"{'tăng' if places > 0 else 'giảm'} {format_number(abs(places))} bậc {since}"
    # a row that is itself the size of a fall («Tỷ lệ hộ nghèo giảm» 0,3 điểm %, 3,3 the year before): its change is
    # the fall's, never the rate's («giảm 3,0 điểm %» would say the poverty rate fell 3 points)
    fall = is_reduction(ind)
    if g == 0:
        return f"{'mức giảm ' if fall else ''}bằng {since[7:]}"
    word = ("mức giảm cao hơn" if g > 0 else "mức giảm thấp hơn") if fall else "tăng" if g > 0 else "giảm"
    if kind == "index":  # CPI 103,2: the change the index states (core.attainment), as the body says it
        return f"{word} {change_size(g)}% {since}"
    if a.growth_unit in ("điểm %", "điểm", "‰"):  # a change in points (core.attainment: «Giảm 0,2‰» of a rate)
        shown = [x for x in (ind.result, ind.previous) if x is not None]
        places = min(2, max((decimals_of(x) for x in shown), default=0))
        size = change_size(g, places)
        return f"{word} {size}‰ {since}" if a.growth_unit == "‰" else f"{word} {size} {a.growth_unit} {since}"
    if far_apart(result, previous):
        return ""
    return f"{word} {change_size(g, 2)}% {since}"


def result_phrase(a: Assessment, since: str = "", estimate: bool = False, plan_word: str = PLAN_WORD) -> str:
    """What a report says of a row after its name: 'thực hiện 94,1 triệu đồng, kế hoạch 93 triệu đồng, đạt 101,2%
    kế hoạch'; 'còn 47,9%, kế hoạch 48,5%'; 'thực hiện trên 8%, kế hoạch trên 8%'; 'chưa có số liệu (kế hoạch …)';
    'số liệu lỗi'. `since` is the growth phrase ('tăng 8,16% so với năm 2025'), appended when given; `estimate`: the
    column read is an estimate (result_clause); `plan_word`: what the table calls its plan («dự toán 12.770 tỷ đồng,
    đạt 96,0% dự toán» of a budget's «Dự toán năm 2024»: core.periods.plan_word)."""
    kh = plan_word
    ind = a.indicator
    status = status_of(a)
    if status == ERROR_STATUS:
        return "số liệu lỗi"
    plan = target_words(ind)
    res = result_clause(ind, estimate)
    if status == "chua_co_so_lieu" or not res:
        res = "chưa có số liệu"
        if not ind.target.is_numeric:
            return f"{res} (mục tiêu {plan})" if plan else res
        return f"{res} ({kh} {target_phrase_short(ind)})"
    rise = index_rise(a)
    if rise is not None:  # CPI 103,2% against «Dưới 4,5%»: judged as a rise of 3,2%, said so
        return f"{res} ({core_change_words(rise)} so với năm trước), {kh} {as_rise(plan)}"
    planned = plan_index_rise(a)
    if planned is not None:  # a rate against its plan typed as an index: «kế hoạch 108% (tức tăng 8%)»
        return f"{res}, {kh} {plan} (tức {core_change_words(planned)})"
    by_points = judged_by_points(a)
    if by_points:  # «Giảm 1 điểm %»: judged by the change in points, said with it (or, a «Mức giảm …», by its figure)
        return ", ".join(x for x in (res, since if by_points == "change" else "", f"{kh} {plan}") if x)
    rr = ind.result_reading
    if status == "khong_danh_gia" and ind.target.is_numeric and rr is not None and rr.kind == "qualitative":
        from kh_excel.core.numbers import word_verdict
        if word_verdict(rr.text):  # «Đạt» against 80%: the word quoted, never «đạt» read as a verdict (rev15 R15-6)
            return f"thực hiện ghi «{clean(rr.text)}», không có số để so với {kh} {target_phrase_short(ind)}"
    if not ind.target.is_numeric:  # qualitative: the result as written, the target beside it
        # the change against the previous column is a fact of the figures, plan or none (rev20 R20-12: «tăng 50% so
        # với cùng kỳ năm trước» of a quarter's count with no plan was dropped)
        if plan:
            return ", ".join(x for x in (f"{res} (mục tiêu {plan})", since) if x)
        return ", ".join(x for x in (res, since, f"không có số {kh}") if x)
    if no_goal(ind) and ind.result == 0 and not ind.result_text:
        # a plan and a result of 0 (a crop not grown, or a formula over cells not yet filled, da_huoai rows 46–74):
        # what the table writes, never «thực hiện 0 tấn» stated as an outcome
        parts = [f"{kh} và thực hiện đều ghi {amount('0', ind.unit)} (không giao chỉ tiêu)"]
    elif no_goal(ind):
        parts = [res, f"{kh} ghi {amount('0', ind.unit)} (không giao chỉ tiêu)"]
    elif ind.growth_target:
        parts = [res]
        if since:
            parts.append(since)
        parts.append(f"{kh} {target_phrase_short(ind)}")
        since = ""
    else:
        parts = [res, f"{kh} {plan}"]
    r = ratio_words(a, kh)
    if r:
        parts.append(r)
    if since:
        parts.append(since)
    if not_judged_by_note(a):  # why a row with both figures is not judged: the table's own words
        return ", ".join(parts) + f" (ghi chú: {clean(ind.note)})"
    own = not_judged_by_own_verdict(a)
    if own:  # … or its own verdict column's, whatever its label («Đánh giá (6)»)
        return ", ".join(parts) + f" (bảng ghi: {own[1]})"
    period = not_judged_for_period(a)
    if period:  # a period's goal beside one year's figure: said why it is not judged
        return ", ".join(parts) + f" ({period})"
    return ", ".join(parts)


def target_phrase_short(ind: Indicator) -> str:
    """The plan beside a result: 'trên 8%', 'tăng 10%', 'tăng bình quân từ 11 đến 12%/năm giai đoạn 2016–2020'."""
    words = target_words(ind)
    if is_period_growth(ind):
        return f"{growth_verb(ind)} {words}/năm {period_words(ind)}"
    if _yearly_average(ind):
        return f"{growth_verb(ind)} {words}/năm"
    return f"{growth_verb(ind)} {words}" if ind.growth_target else words


def result_brief(a: Assessment, estimate: bool = False, plan_word: str = PLAN_WORD) -> str:
    """The figures in a summary list, result AND plan, never a bare number: '(thực hiện 108,5%, kế hoạch 112%)';
    `estimate`: the column read is an estimate ('(ước thực hiện 108,5%, …)': result_clause); `plan_word` what the table
    calls its plan (core.periods.plan_word)."""
    kh = plan_word
    ind = a.indicator
    if status_of(a) == ERROR_STATUS:
        return "(số liệu lỗi)"
    res = result_clause(ind, estimate)
    rise = index_rise(a)
    if res and rise is not None:  # «(thực hiện 103,2%, tăng 3,2%, kế hoạch tăng dưới 4,5%)»
        return f"({res}, {core_change_words(rise)}, {kh} {as_rise(target_words(ind))})"
    planned = plan_index_rise(a)
    if res and planned is not None:  # «(thực hiện 7,5%, kế hoạch 108%, tức tăng 8%)»
        return f"({res}, {kh} {target_words(ind)}, tức {core_change_words(planned)})"
    if res and judged_by_points(a) == "change":  # «(còn 4,3%, giảm 0,8 điểm %, kế hoạch giảm 1 điểm %)»
        g = growth_words(a)
        return f"({res}{', ' + g.replace(' so với năm trước', '') if g else ''}, {kh} {target_words(ind)})"
    if res and judged_by_points(a) in ("amount", "written"):
        return f"({res}, {kh} {target_words(ind)})"
    if res and ind.result is not None and not ind.target.is_numeric and status_of(a) in ("vuot", "dat", "khong_dat") \
            and target_words(ind):
        # a goal in words judged by the figure («Không để xảy ra» against 3 người: rev17 N-4), both said
        return f"({res}, mục tiêu {target_words(ind)})"
    if not res or not ind.target.is_numeric:
        return ""
    if ind.growth_target:
        g = growth_words(a)
        if g:
            res += ", " + g.replace(" so với năm trước", "")
    return f"({res}, {kh} {target_phrase_short(ind)})"


# ------------------------------------------------------------------ structures

_share_parts = share_parts  # one rule for what a structure's parts are (core.attainment)


def structure_plan(head: Indicator, parts: list[Indicator]) -> str:
    """'Cơ cấu GRDP: nông, lâm nghiệp và thủy sản 14,97%, công nghiệp - xây dựng 38,13%, …' — one sentence;
    a part without a planned share is left out (never «khu vực dịch vụ» with no figure)."""
    items = [f"{part_name(name_of(p))} {target_words(p)}" for p in parts if target_words(p)]
    return f"{name_of(head)}: {', '.join(items)}" if items else name_of(head)


def structure_result(head: Indicator, parts: list[Assessment], plan_word: str = PLAN_WORD) -> str:
    """'Cơ cấu GRDP: nông, lâm nghiệp và thủy sản 15,1% (kế hoạch 14,97%), …'; a failed part says so, no value;
    when every part failed (the shares do not add up), the structure says it once."""
    if parts and all(status_of(a) == ERROR_STATUS for a in parts):
        return f"{name_of(head)}: số liệu lỗi"
    if parts and all(status_of(a) != ERROR_STATUS and not result_words(a.indicator) and not target_words(a.indicator)
                     for a in parts):
        # no part has a figure or a plan of this year (a table with only next year's plan for them): said once
        return f"{name_of(head)}: chưa có số liệu"
    items = []
    for a in parts:
        p = a.indicator
        if status_of(a) == ERROR_STATUS:
            items.append(f"{part_name(name_of(p))} số liệu lỗi")
        elif status_of(a) == "chua_co_so_lieu" or not result_words(p):
            plan = target_words(p)  # a part without a plan of its own: no «(kế hoạch )» (rev18 R18-12)
            items.append(f"{part_name(name_of(p))} chưa có số liệu" + (f" ({plan_word} {plan})" if plan else ""))
        else:
            plan = target_words(p)
            items.append(f"{part_name(name_of(p))} {result_words(p)}" + (f" ({plan_word} {plan})" if plan else ""))
    return f"{name_of(head)}: {', '.join(items)}"


def structure_status(parts: list[Assessment]) -> str:
    """A structure's status from its parts, by the one rule of core.attainment.structure_status."""
    return core_structure_status([status_of(a) for a in parts])


# ------------------------------------------------------------------ items of a list

@dataclass
class Item:
    """One entry of a document's list: one indicator, a structure with all its parts, or a «trong đó» row."""

    status: str
    plan: str                  # the plan sentence (no list mark, no ending)
    result: str                # the report sentence
    brief: str                 # name and figures for the summary's not-met list
    rows: list[int] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    inside_previous: bool = False  # a «trong đó» row: in a plan it is written inside the entry before it
    name: str = ""             # the row as the entry names it («Diện tích (Sản xuất lúa)»), '' for the bare name


def items(assessments: list[Assessment], since: Callable[[Assessment], str] | None = None,
          estimate: bool = False, plan_word: str = PLAN_WORD) -> list[Item]:
    """The list entries of a document, in table order.

    A structure («Cơ cấu …» with parts) is one entry; a «Trong đó: …» row is written
    with its indicator («…, trong đó tỷ lệ …»); a sub-row below another sub-row, a short
    name («Diện tích») or a name the table repeats names its real parent in brackets
    (sub_row_parents). `since(a)` gives the growth phrase against the previous year; `estimate`: the column read is
    an estimate, so its figures say «ước» (result_clause); `plan_word` what the table calls its plan («kế hoạch», a
    budget's «dự toán»: core.periods.plan_word), said in every comparison.
    """
    from kh_excel.core.table import structure_parts

    inds = [a.indicator for a in assessments]
    by_row = {a.indicator.row: a for a in assessments}
    owners = sub_row_parents(inds)
    in_which = in_which_owners(inds)
    written: dict[int, str] = {}  # sheet row -> the name its entry gave it
    repeated = _repeated_names(inds)
    from kh_excel.core.attainment import sections_of_repeated
    sections = sections_of_repeated(inds)  # an indicator another section names too: its section in brackets
    out: list[Item] = []
    done: set[int] = set()
    # a heading of its parts with nothing of its own («Sản xuất lúa» over «- Diện tích», «- Sản lượng»): its parts are
    # the entries, each naming it («Diện tích (Sản xuất lúa)»); never «Sản xuất lúa: chưa có số liệu»
    done.update(bare_headings(inds))
    last_named: Item | None = None
    for i, a in enumerate(assessments):
        ind = a.indicator
        if ind.row in done:
            continue
        if ind.name_key.startswith("co cau"):
            parts = _share_parts(ind, [p for p in structure_parts(inds, i) if p.row in by_row])
            if parts:
                pa = [by_row[p.row] for p in parts]
                done.update(p.row for p in parts)
                # a failed total fails the structure: never listed or counted as met
                status = ERROR_STATUS if status_of(a) == ERROR_STATUS else structure_status(pa)
                res = f"{name_of(ind)}: số liệu lỗi" if status_of(a) == ERROR_STATUS else structure_result(ind, pa, plan_word)
                bad = [x for x in pa if status_of(x) in ("khong_dat", ERROR_STATUS)]
                brief = f"{name_of(ind)} ({'; '.join(f'{part_name(name_of(x.indicator))} {result_brief(x, estimate, plan_word)[1:-1]}' for x in bad)})" \
                    if bad else name_of(ind)
                out.append(Item(status, structure_plan(ind, parts), res, brief, [ind.row, *(p.row for p in parts)],
                                [a, *pa]))
                last_named = out[-1]
                continue
        name = name_of(ind)
        if not name:  # a row without a name (a stray header cell) is no sentence, and not counted
            continue
        rest = within(name) if ind.kind == "subrow" else None
        # a «trong đó» row is a part of the row directly above it (in_which_owners), any other of its indicator
        above = in_which.get(ind.row) if rest is not None else None
        parent = by_row.get(above.row if above is not None else ind.parent_row) \
            if above is not None or ind.parent_row else None
        if rest is not None:
            # the owner as its own entry named it («Diện tích (Sản xuất lúa)»), or by its name
            owner = written.get(parent.indicator.row) or name_of(parent.indicator) if parent else ""
            name = f"{owner}, trong đó {rest}" if owner else rest[:1].upper() + rest[1:]
        elif ind.row in owners:
            context, root = owners[ind.row]
            twice = fold(name) in repeated
            if twice and (context.kind == "indicator" or fold(name_of(context)) == fold(name)):
                # a name the table repeats (one sector under two indicators): its indicator in full, so that
                # the two rows read apart («(Tổng giá trị sản xuất, giá 2010)» / «(…, thực tế)»)
                whole = _TRAILING_BRACKET.sub(lambda m: ", " + m.group(1), name_of(root))
                name = _named_with(name, whole)
            elif not _companion(ind, context):
                # 'Diện tích', 'Số người bị thương nặng' alone say nothing of what they measure: name the row
                # they belong to, unless their own name says it («Số vụ tai nạn giao thông» under «Tai nạn giao thông»)
                label = _TRAILING_BRACKET.sub("", name_of(context))
                if twice and _TRAILING_BRACKET.search(name_of(context)):
                    # the row it belongs to tells the two apart by its note («Ngành kinh tế (Giá 2010)»): in full
                    label = _TRAILING_BRACKET.sub(lambda m: ", " + m.group(1), name_of(context))
                elif twice and root is not context:  # «+ XÂY DỰNG» under «- CÔNG NGHIỆP - TTCN» of two indicators
                    whole = _TRAILING_BRACKET.sub(lambda m: ", " + m.group(1), name_of(root))
                    label = f"{label}; {whole}" if label else whole
                if label and fold(label) not in fold(name):
                    name = _named_with(name, label)
        elif ind.row in sections:
            name = f"{name} ({sections[ind.row]})"
        status = status_of(a)
        g = since(a) if since and status != ERROR_STATUS else ""
        inside = rest is not None and last_named is not None and parent is not None and \
            parent.indicator.row in last_named.rows
        if inside:  # in a plan the «trong đó» belongs to its indicator's sentence
            last_named.plan += f", trong đó {plan_sentence(ind, rest).replace(': ', ' ', 1)}"
        # (a marked sub-row keeps its own entry in a plan: folded «…, trong đó: …» only a «Trong đó» row says so —
        # a «-» row under a share of communes may be a share of villages, 58,9% «trong đó» 50% (rev21 REG-2))
        out.append(Item(status, plan_sentence(ind, name), f"{name}: {result_phrase(a, g, estimate, plan_word)}",
                        f"{name} {result_brief(a, estimate, plan_word)}".strip(), [ind.row], [a], inside, name))
        written[ind.row] = name
        if rest is None:
            last_named = out[-1]
    return out


def _named_with(name: str, owner: str) -> str:
    """A part named with the row it belongs to: «Diện tích (Sản xuất lúa)». An owner with brackets of its own
    («Tổng sản phẩm trên địa bàn (GRDP) tăng so với cùng kỳ») is never put inside another pair (rev20 R20-13): the
    part follows it as a «trong đó» row does, «Tổng sản phẩm … (GRDP) tăng so với cùng kỳ, trong đó nông - lâm
    nghiệp và thủy sản»."""
    if "(" in owner or ")" in owner:
        return f"{owner}, trong đó {lower_first(name)}"
    return f"{name} ({owner})"


def _companion(ind: Indicator, context: Indicator) -> bool:
    """An unmarked row under a numbered indicator that has a plan of its own, named in full («Tỷ lệ bao phủ bảo hiểm
    y tế» under «17 | Tỷ lệ lao động nông nghiệp …»): another indicator of the same item, as resolutions group
    them, not a part of it; so is an unmarked row in another unit than % under a structure («Cơ cấu …»), which is
    no share of it. Its name stands alone (seed 004: «Tỷ lệ bao phủ bảo hiểm y tế (95,7%)»); naming the row above
    beside it would state a relation the table does not («… (Tỷ lệ lao động nông nghiệp …)»). A marked row in
    another unit among a structure's shares («- Giá trị tăng thêm ngành nông nghiệp», tỷ đồng) is no share either
    (core.table.structure_parts): named alone too."""
    if no_share_of(context, ind):
        return True  # no share of a structure («GRDP BQ đầu người», triệu đồng, under «Cơ cấu GTSX», %): its own
    if _mark(ind) or context.kind != "indicator":
        return False
    if context.name_key.startswith("co cau") and clean(ind.unit) != "%":
        return True  # (a structure without a unit: an unmarked row not in % is no share of it either)
    return (bool(context.target.text)
            and len(clean(ind.name).split()) >= 4 and fold(clean(ind.name)).startswith(INDICATOR_HEADS))


def _mark(ind: Indicator) -> str:
    """How a sub-row is marked: its STT («+», «-», «a)») or the mark typed before its name («- Lúa»); '' for none."""
    from kh_excel.core.table import _marker
    stt = clean(ind.stt)
    if stt and not stt[:1].isdigit() or _marker(stt) in ("a)", "1.1"):
        return _marker(stt)
    m = _SUB_MARK.match(clean(ind.name))
    return _marker(m.group(0)) if m else ""


_TRAILING_BRACKET = re.compile(r"\s*\(([^()]*)\)$")


def _is_heading(ind: Indicator) -> bool:
    """A row named in capitals («+ TRỒNG TRỌT») heads the rows below it; «- Lúa» is a leaf."""
    name = re.sub(r"^[-+*•–—·]+\s*", "", clean(ind.name))
    return sum(ch.isalpha() for ch in name) > 1 and name == name.upper()


def sub_row_parents(inds: list[Indicator]) -> dict[int, tuple[Indicator, Indicator]]:
    """The row each sub-row belongs to and its indicator (sheet row -> (parent, indicator)), from the marks as a
    list nests them. Below an indicator an unmarked sub-row is one level down; a new mark goes one level
    deeper, a mark seen above returns to its level («- CÔNG NGHIỆP - TTCN», then «+ XÂY DỰNG» belongs to it,
    never to a row of another branch); a row in lower case under a heading in capitals belongs to that heading
    («+ TRỒNG TRỌT», «- Lúa»), and a heading never to a lower-case row. A row the sheet numbers but marks in
    its name («- Diện tích») belongs to the row above it in the same way, never across a section's heading
    («I | TRỒNG TRỌT» between «9 | Giá trị sản phẩm bình quân/ha» and «1 | - Lúa»)."""
    out: dict[int, tuple[Indicator, Indicator]] = {}
    stack: list[tuple[str | None, Indicator]] = []
    for ind in inds:
        if stack and (ind.section, ind.section_numeral) != (stack[0][1].section, stack[0][1].section_numeral):
            stack = []  # a new section: the rows above belong to another
        m = _mark(ind)
        if ind.kind == "indicator" and not _SUB_MARK.match(clean(ind.name)):
            stack = [(None, ind)]
            continue
        if not stack or not m and ind.kind == "subrow" and within(name_of(ind)) is not None:
            continue  # a «Trong đó» row is a part of the row above it (in_which_owners), never of a row below it
        heading = _is_heading(ind)
        if heading:
            while len(stack) > 1 and not _is_heading(stack[-1][1]):
                stack.pop()
        if not m:
            del stack[1:]
        elif not (not heading and len(stack) > 1 and _is_heading(stack[-1][1]) and stack[-1][0] != m):
            marks = [k for k, _ in stack]
            if m in marks[1:]:
                del stack[len(marks) - 1 - marks[::-1].index(m):]
        out[ind.row] = (stack[-1][1], stack[0][1])
        stack.append((m, ind))
    return out


def _repeated_names(inds: list[Indicator]) -> set[str]:
    """Sub-row names the table writes more than once (the same sector under two indicators)."""
    seen: dict[str, int] = {}
    for ind in inds:
        if ind.kind == "subrow":
            k = fold(name_of(ind))
            seen[k] = seen.get(k, 0) + 1
    return {k for k, n in seen.items() if n > 1 and k}


def plan_items(entries: list[Item]) -> list[Item]:
    """The entries a plan lists: «trong đó» rows are inside their indicator's sentence."""
    return [e for e in entries if not e.inside_previous]


def task_name(entry: Item) -> str:
    """An entry named in an agency's assignment: the indicator's name, or its plan sentence where the name is a
    verb phrase that reads only with its figure («Phấn đấu toàn tỉnh có 13.400 doanh nghiệp», never «… có
    doanh nghiệp»). A part is named as its entry names it, with its indicator («Riêng vùng đồng bào dân tộc thiểu số
    (Tỷ lệ hộ nghèo)»): alone it says nothing of what an agency is charged with."""
    name = name_of(entry.assessments[0].indicator)
    return entry.plan if fold(name).startswith(_VERB_NAMES) else entry.name or name


_SIGNS = {">": ">", ">=": "≥", "<": "<", "<=": "≤"}  # a bound typed in signs, as the appendix prints it


def appendix_target(ind: Indicator) -> str:
    """The target in the appendix as the resolution writes it: a signed appendix copies the plan cell («Dưới 4,5»,
    «Trên 80», «10% trở lên», «130 - 140», «Tăng 7,5%»; a point target as the sheet shows it: 93,00 stays 93,00), never
    rewritten into signs («< 4,5», «≥ 10»: rev18 R18-14; the body words it); a figure that reads both ways as read
    (rev15 R15-11: «1,500.0» beside the body's «1.500,0»). A point plan the Chiều column says to keep «Khoảng» is
    «khoảng 95», as it is judged (_as_about). A plain number typed as text («17000») is grouped as a number is."""
    t = _as_about(ind)
    if t is not ind.target:
        return f"khoảng {clean(t.text) if rescales(t.text, ind.unit) else _num(t.value)}"  # («khoảng 8 triệu»)
    if t.op in _SIGNS and t.text and not any(ch.isalpha() for ch in t.text) and not range_bound(t.text):
        return f"{_SIGNS[t.op]} {_num(t.value)}"  # «>90000» typed in signs: «> 90.000», its digits grouped (rev19 REG-4)
    if t.op == "=" and t.value is not None and t.text.isdigit() and t.text.isascii() and not t.text.startswith("0"):
        return _num(t.value)  # «17000» typed as text: «17.000», as the result beside it (R20-9); «04» stays as typed
    if t.text:
        return clean(getattr(ind.readings.get("target"), "as_read", "") or t.text)
    return _num(t.value)
