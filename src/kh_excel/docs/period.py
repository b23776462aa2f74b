"""The period a report speaks of (6 tháng, 9 tháng, ước thực hiện cả năm), from the columns the reader chose.

The reader (core.table) takes plan, result and previous-year columns from one period (`--period`, «Kỳ» of
the settings, else the period covering most of the year that has figures). A document must then say which
period its figures are: the title («Tình hình thực hiện … 6 tháng đầu năm 2026»), the summary's lead
(«6 tháng đầu năm 2026, có …»), and the comparison («so với cùng kỳ năm trước» where the previous column is the
same period of the year before, «so với năm 2025» for a whole year) — and never a comparison across periods
(a year's estimate against last year's 6 months), nor a judgement of a part of the year against the whole
year's plan (400 of a 1.000 plan after 6 months is no «không đạt»: it is progress, «bằng 40,0% kế hoạch năm»).
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Sequence

from kh_excel.core.model import Assessment, Table
# the months a label covers, in any wording, and when a table is progress: core.periods, as core.attainment judges
# (Period and of_table, the period in words, live in core.periods: the attainment summary names it too)
from kh_excel.core.periods import (COMMITTEE_SUBJECT, QUARTERS, SCHOOL_YEAR as _SCHOOL_YEAR, Period,  # noqa: F401
                                   of_table)  # (re-exported for the documents)
from kh_excel.core.text import fold
from kh_excel.docs import wording as W

# The words of a title after «CHỈ TIÊU» that name what the indicators are of end where the period, the place or
# the purpose begins (folded; «BIỂU CHỈ TIÊU NGÀNH Y TẾ NĂM 2026», «CHỈ TIÊU KINH TẾ NĂM 2026 GIAO CÁC CƠ QUAN»), or
# where the figures' reach begins («… CHỈ TIÊU ĐẾN THÁNG 5/2020»: never a subject «đến», rev21 REG-4).
_SUBJECT_END = re.compile(r"\s*(?:\bnam\b|\bgiai doan\b|\bgd\b|\btrong\s+(?:nhiem ky|thoi ky)\b|"
                          r"\b(?:nhiem ky|thoi ky)\s+(?:19|20)\d\d|\b\d|\bquy\b|\bthang\b|\bke hoach\b|\buoc\b|"
                          r"\b(?:den|toi|tinh den)\s+(?:het\s+)?(?:thang|ngay|nay|cuoi|nam|\d)\b|"
                          r"\bgiao\b(?!\s+(?:duc|thong))|\bphan theo\b|\bcua\b|\bdo\b|\btren dia ban\b|\b(?:tinh|thanh pho|huyen|quan|"
                          r"thi xa|xa|phuong|thi tran|dac khu)\s+(?!hoi\b)\w|[(:;.]|$)")
_SUBJECT_START = re.compile(r"\bchi tieu\b\s*")
# A body the subject ends with («… ĐẢNG BỘ», «… HỘI ĐỒNG NHÂN DÂN»): the level after it is part of its name, not a place
# that ends the subject («ĐẢNG BỘ XÃ», «ĐẢNG BỘ XÃ BẢO HÀ»), and so are the congress's number and term after it
# («LẦN THỨ I, NHIỆM KỲ 2025-2030») (folded)
_BODY = re.compile(r"\b(?:dang bo|hoi dong nhan dan|uy ban nhan dan)\b")
_BODY_AT_END = re.compile(_BODY.pattern + "$")
_BODY_LEVEL = re.compile(r"\s+(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)\b")
# where a place's name after the level ends: where the subject would, or at the congress's number, term, a result's word
_PLACE_END = re.compile(_SUBJECT_END.pattern + r"|\s*,|\s+(?:lan thu|nhiem ky|khoa|thuc hien|ket qua|bao cao)\b")
_CONGRESS_AT_END = re.compile(r"\b(?:dai hoi|lan thu\s+[ivxlc\d]+)$")
_TERM = re.compile(r"(?:\s*,?\s*(?:lan thu\s+[ivxlc\d]+|nhiem ky\s+(?:19|20)\d\d\s*[-\u2013]\s*(?:19|20)\d\d))+")

# a part of the year judged against the whole year's plan: progress, never a status
PROGRESS_STATUS = "khong_danh_gia"
PROGRESS_REASON = W.PROGRESS_REASON  # (core.periods: one text)
PROGRESS_TITLE = "Tiến độ thực hiện so với {plan} cả năm"  # («{plan}»: Period.plan, as context.STATUS_GROUPS)

_CALENDAR_YEAR = re.compile(r"\bnam\s+(?!hoc\b)\d{4}\b")


def mixed_years(table: Table, per: Period) -> str:
    """A warning when a school year's table has a column of a calendar year («Kế hoạch năm 2026» beside «Thực hiện
    năm học 2025-2026»): the documents say the school year, the person rendering is told; '' otherwise."""
    if not per.school_year:
        return ""
    heads = table.column_headers
    calendar = [txt for role in ("target", "result", "previous") if (txt := str(heads.get(role) or ""))
                and _CALENDAR_YEAR.search(fold(txt)) and not _SCHOOL_YEAR.search(fold(txt))]
    if not calendar:
        return ""
    return (f"bảng ghi kỳ năm học {per.school_year} nhưng cột «{calendar[0]}» ghi năm dương lịch: văn bản viết "
            f"«năm học {per.school_year}»; hãy kiểm tra kỳ của số liệu và kế hoạch")


# The fields of a socio-economic plan, as its sections name them (folded): a table whose sections name two of them
# («I. CÁC CHỈ TIÊU VỀ KINH TẾ», «II. CÁC CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI», «III. … MÔI TRƯỜNG») is that plan
_PLAN_FIELDS = (("kinh te",), ("xa hoi", "van hoa", "giao duc", "y te", "lao dong"), ("moi truong",),
                ("quoc phong", "an ninh"))


def _plan_shaped(sections: Sequence[str]) -> bool:
    """Do the table's sections name two fields of a socio-economic plan (_PLAN_FIELDS)?"""
    names = [fold(x) for x in sections]
    return sum(any(any(re.search(rf"\b{w}\b", n) for w in words) for n in names) for words in _PLAN_FIELDS) >= 2


_KT_XH = re.compile(r"\bkinh te\s*[-\u2013]\s*xa hoi\b|\bkt\s*-\s*xh\b")


def subject_of(title: str, department: bool, sections: Sequence[str] = ()) -> str:
    """What a table's title says its indicators are of, as a sentence writes it after «chỉ tiêu»: «ngành y tế»
    («BIỂU CHỈ TIÊU NGÀNH Y TẾ NĂM 2026»), «kinh tế» («BIỂU 01: CHỈ TIÊU KINH TẾ NĂM 2026»), «Nghị quyết Đại hội Đảng
    bộ xã nhiệm kỳ 2025-2030» (its proper names capitalised: wording.proper_capitals); the committee's
    socio-economic plan where the title says «kinh tế - xã hội». Where the title names nothing: a committee's
    socio-economic plan only where the table's `sections` are the plan's fields (kinh tế and xã hội, môi trường …:
    _plan_shaped), else no field at all («các chỉ tiêu năm 2026»), as for a department (note10 #11: a committee's
    «CHỈ TIÊU NĂM 2026» was «kinh tế - xã hội chủ yếu», a claim nothing in the table made; the seeds name a committee's
    table so where its title does, 001's «CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026»)."""
    title = " ".join(unicodedata.normalize("NFC", title).split())
    folded = fold(title)
    unnamed = "" if department or not _plan_shaped(sections) else COMMITTEE_SUBJECT
    if not department and _KT_XH.search(folded) and not _SUBJECT_START.search(folded):
        unnamed = COMMITTEE_SUBJECT  # «KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026»: the title names it (rev14 D7)
    if len(folded) != len(title):  # (fold keeps one letter for one in NFC text, spaces collapsed; else no positions)
        return unnamed
    start = _SUBJECT_START.search(folded)
    if start is None:
        return unnamed
    end = _SUBJECT_END.search(folded, start.end())
    assert end is not None  # («$» ends every search)
    stop, place = end.start(), None
    if _BODY_AT_END.search(folded[start.end():stop].rstrip()):  # «ĐẢNG BỘ XÃ BẢO HÀ»: the body's level and name
        level = _BODY_LEVEL.match(folded, stop)
        if level:
            end_of_place = _PLACE_END.search(folded, level.end())
            assert end_of_place is not None  # («$» ends every search)
            named = folded[level.end():end_of_place.start()].split()
            stop = end_of_place.start() if len(named) <= 4 else level.end()  # (a long run is no place's name)
            place = (level.end(), stop)
    # the term after a body or a congress is its name's («… Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030»); after other
    # words it is the table's period, said as the period (rev18 R18-13: «chỉ tiêu chủ yếu nhiệm kỳ giai đoạn 2020-2025»)
    term = _TERM.match(folded, stop) if _BODY.search(folded[start.end():stop]) or _CONGRESS_AT_END.search(
        folded[start.end():stop].rstrip(" ,")) else None
    stop = term.end() if term else stop
    key = " ".join(folded[start.end():stop].split())
    if _KT_XH.search(key):
        return COMMITTEE_SUBJECT
    base = folded[start.end():end.start()]
    body = _BODY.search(base)
    if not key or len((base[:body.end()] if body else base).split()) > 8:  # (the body's level, place and term aside)
        return unnamed
    lower = title[start.end():stop].lower()
    if place and place[1] > place[0]:  # a place's name, each syllable capitalised («Bảo Hà»)
        a, b = place[0] - start.end(), place[1] - start.end()
        lower = lower[:a] + " ".join(w[:1].upper() + w[1:] for w in lower[a:b].split(" ")) + lower[b:]
    return W.proper_capitals(" ".join(lower.split()))


def subject_for(subject: str, per: Period) -> str:
    """The subject without the period's own term at its end where the period names those years itself
    («Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030» of a period 2025-2030): the period is said
    once, after it («… lần thứ I nhiệm kỳ 2025-2030»), never «nhiệm kỳ 2025-2030 nhiệm kỳ 2025-2030»."""
    if not per.years:
        return subject
    first, last = per.years.split("-")
    term = re.compile(rf"\s*,?\s*(?:nhiệm kỳ|giai đoạn|thời kỳ)\s+{first}\s*[-\u2013]\s*{last}$", re.I)
    return term.sub("", subject)


PROGRESS_GROUP = "tien_do"  # the group of a progress entry (group_of), apart from the other rows not judged


def group_of(e: W.Item) -> str:
    """The group an entry is counted and listed in: a part of the year against the year's plan (as_progress) is
    progress; any other row not judged («không có số kế hoạch», a plan in words) stays «không đánh giá bằng số».
    One rule for the report, the notice and the attainment summary (core.attainment.summary_sentence), so the
    count «có N chỉ tiêu có số liệu» is the same everywhere (rev18 R18-10)."""
    a = e.assessments[0] if e.assessments else None
    return PROGRESS_GROUP if e.status == PROGRESS_STATUS and a is not None and a.reason == PROGRESS_REASON else e.status


def group_counts(entries: Sequence[W.Item]) -> dict[str, int]:
    """How many entries each group (group_of) has."""
    counts: dict[str, int] = {}
    for e in entries:
        counts[group_of(e)] = counts.get(group_of(e), 0) + 1
    return counts


def progress_sentence(per: Period, counts: dict[str, int], extras: bool = True, scope: str = "") -> str:
    """The summary of a part of the year against the year's plan: how many rows are progress (`counts` by
    group_counts), and that they are progress, never a count met or not met. `extras=False` leaves out the other
    rows (a caller that lists the progress rows after a colon says them in a sentence of their own: see
    `rest_sentence`)."""
    n = counts.get(PROGRESS_GROUP, 0)
    who = f"trong các chỉ tiêu{scope}, " if scope else ""
    if n:
        s = (f"{per.lead()}, {who}có {n} chỉ tiêu có số liệu; so với {per.plan} cả năm {per.year}, đây là tiến độ "
             f"thực hiện, chưa đánh giá đạt hay không đạt {per.plan}")
    else:
        s = f"{per.lead()}, {who}chưa có chỉ tiêu nào đủ số liệu để so với {per.plan} cả năm {per.year}"
    extra = _rest(counts)
    return s + ("; " + "; ".join(extra) if extra and extras else "")


def _rest(counts: dict[str, int]) -> list[str]:
    """The rows neither judged nor progress, in the attainment summary's order."""
    return [f"{counts[k]} chỉ tiêu {W.STATUS_WORDS[k]}" for k in ("chua_co_so_lieu", PROGRESS_STATUS, W.ERROR_STATUS)
            if counts.get(k)]


def rest_sentence(counts: dict[str, int]) -> str:
    """«Còn 1 chỉ tiêu chưa có số liệu.» ('' when every row is progress)."""
    extra = _rest(counts)
    return "Còn " + "; ".join(extra) + "." if extra else ""


def as_progress(assessments: list[Assessment], period: Period) -> list[Assessment]:
    """A part of the year against the whole year's plan: each judged row becomes progress (Không đánh giá, the
    ratio kept), so no document lists it as met or not met; the rest pass unchanged. Rows without a result,
    with failed figures or already not judged keep their status."""
    if not period.plan_is_year:
        return assessments
    return [dataclasses.replace(a, status=PROGRESS_STATUS, reason=PROGRESS_REASON)
            if a.status in ("vuot", "dat", "khong_dat") else a for a in assessments]


def without_growth(assessments: list[Assessment], period: Period) -> list[Assessment]:
    """No change across periods: a year's estimate is never compared with last year's 6 months."""
    if period.compare:
        return assessments
    return [dataclasses.replace(a, growth=None, growth_kind="", growth_unit="")
            if a.growth is not None and a.growth_kind != "avg_yearly" else a for a in assessments]
