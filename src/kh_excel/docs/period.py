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
from dataclasses import dataclass

from kh_excel.core.model import Assessment, Table
# the months a label covers, in any wording, and when a table is progress: core.periods, as core.attainment judges
from kh_excel.core.periods import months_named as _months, progress_only, result_span
from kh_excel.core.text import fold
from kh_excel.docs import wording as W

QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}
_QUARTER = re.compile(r"\b(?:quy\s+([ivx]+|\d)|q\s*([1-4]))\b")  # «Quý II», «quý 2», «Q2/2026»
_ESTIMATE = re.compile(r"\b(uoc|uth)\b")
# A school year («năm học 2025-2026», «NĂM HỌC 2025 - 2026»): the period of an education table, Sept to May, which
# no calendar year names (folded)
_SCHOOL_YEAR = re.compile(r"\bnam\s+hoc\s+(\d{4})\s*[-\u2013/]\s*(\d{4})\b")
# What the indicators are of, when the table's title does not say: a committee's table is its socio-economic plan;
# a department's (a Sở, a Phòng) is of its sector, which only its title names, so it is said of no field.
COMMITTEE_SUBJECT = "kinh tế - xã hội chủ yếu"
# The words of a title after «CHỈ TIÊU» that name what the indicators are of end where the period, the place or
# the purpose begins (folded; «BIỂU CHỈ TIÊU NGÀNH Y TẾ NĂM 2026», «CHỈ TIÊU KINH TẾ NĂM 2026 GIAO CÁC CƠ QUAN»).
_SUBJECT_END = re.compile(r"\s*(?:\bnam\b|\bgiai doan\b|\bgd\b|\b\d|\bquy\b|\bthang\b|\bke hoach\b|\buoc\b|"
                          r"\bgiao\b(?!\s+(?:duc|thong))|\bphan theo\b|\bcua\b|\bdo\b|\btren dia ban\b|\b(?:tinh|thanh pho|huyen|quan|"
                          r"thi xa|xa|phuong|thi tran|dac khu)\s+(?!hoi\b)\w|[(:;.]|$)")
_SUBJECT_START = re.compile(r"\bchi tieu\b\s*")
# a part of the year judged against the whole year's plan: progress, never a status
PROGRESS_STATUS = "khong_danh_gia"
PROGRESS_REASON = W.PROGRESS_REASON  # (core.periods: one text)
PROGRESS_TITLE = "Tiến độ thực hiện so với kế hoạch cả năm"

@dataclass(frozen=True)
class Period:
    year: int
    months: int = 12              # 12 for a whole year (or a table without periods)
    quarter: str = ""             # «II» for «Quý II»
    estimate: bool = False        # the result column is an estimate («Ước thực hiện», «ƯTH»)
    labelled: bool = False        # the table names its periods (so the document names the chosen one)
    plan_is_year: bool = False    # a part of the year against the whole year's plan
    compare: bool = True          # the previous column is the same period of the previous year
    same_period: bool = False     # … and that period is a part of the year: «so với cùng kỳ năm trước»
    school_year: str = ""         # «2025-2026» when the table's period is a school year (never a calendar year)
    subject: str = COMMITTEE_SUBJECT  # what the indicators are of, after «chỉ tiêu» ('' = none named)

    def chi_tieu(self, all_: bool = True) -> str:
        """«các chỉ tiêu ngành y tế», «các chỉ tiêu kinh tế - xã hội chủ yếu», «các chỉ tiêu» (all_=False: no «các»)."""
        return ("các " if all_ else "") + " ".join(x for x in ("chỉ tiêu", self.subject) if x)

    def whole(self) -> str:
        """The whole period of a plan: «năm 2026», «năm học 2025-2026»."""
        return f"năm học {self.school_year}" if self.school_year else f"năm {self.year}"

    @property
    def part_of_year(self) -> bool:
        return self.months < 12

    def words(self) -> str:
        """«6 tháng đầu năm 2026», «9 tháng năm 2026», «quý II năm 2026», «ước thực hiện cả năm 2026», «năm 2026»."""
        y = self.year
        if self.school_year:
            return self.whole()
        if self.quarter:
            return f"quý {self.quarter} năm {y}"
        if self.months == 6:
            return f"6 tháng đầu năm {y}"
        if self.part_of_year:
            return f"{self.months} tháng năm {y}"
        if self.labelled and self.estimate:
            return f"ước thực hiện cả năm {y}"
        return f"năm {y}"

    def lead(self) -> str:
        w = self.words()
        return w[:1].upper() + w[1:]

    def span(self) -> str:
        """The period after «thực hiện … chủ yếu»: «ước cả năm 2026», never «thực hiện … ước thực hiện …»."""
        if self.labelled and self.estimate and not self.part_of_year and not self.quarter and not self.school_year:
            return f"ước cả năm {self.year}"
        return self.words() if self.labelled else self.whole()

    def trich_yeu(self) -> str:
        """The report's title line: «Kết quả …» for a closed year, «Tình hình …» while the year runs."""
        if not self.plan_is_year and (not self.labelled or (not self.part_of_year and not self.estimate)):
            return f"Kết quả thực hiện {self.chi_tieu()} {self.whole()}"
        return f"Tình hình thực hiện {self.chi_tieu()} {self.span()}"

    def since(self, previous_year: int | None) -> str | None:
        """The comparison phrase for a change against the previous column; None when there is none to make."""
        if not self.compare:
            return None
        if self.same_period:
            return "so với cùng kỳ năm trước"
        return f"so với năm {previous_year}" if previous_year else "so với năm trước"

    def comparison_header(self, previous_year: int | None) -> str:
        return "So với cùng kỳ năm trước" if self.same_period else f"So với năm {previous_year}"


def of_table(table: Table, year: int) -> Period:
    """The period of the columns the reader took (Table.period and the chosen columns' own headers)."""
    heads = table.column_headers
    label = table.period or ""
    result_head = fold(heads.get("result", ""))
    span = result_span(table)  # the period's label, the result column's, or the title's (core.periods)
    months = span if span is not None and 0 < span < 12 else 12
    q = _QUARTER.search(fold(label) or result_head)
    quarter = ""
    if q and months == 3:
        token = q.group(1) or q.group(2)
        quarter = QUARTERS.get(int(token), token.upper()) if token.isdigit() else token.upper()
    labelled = bool(label) or bool(_months(heads.get("result", ""))) or months < 12
    school = next((m for m in map(_SCHOOL_YEAR.search, (fold(label), result_head, fold(heads.get("target", "")),
                                                          *(fold(str(x)) for x in table.title_lines))) if m), None)
    school_year = f"{school.group(1)}-{school.group(2)}" if school and int(school.group(2)) == int(school.group(1)) + 1 \
        and int(school.group(2)) == year else ""
    has_previous = "previous" in table.columns
    prev_months = _months(heads.get("previous", "")) or 12
    compare = has_previous and prev_months == months
    return Period(year=year, months=months, quarter=quarter, school_year=school_year,
                  estimate=bool(_ESTIMATE.search(result_head) or _ESTIMATE.search(fold(label))),
                  labelled=labelled or bool(school_year), plan_is_year=progress_only(table),
                  compare=compare, same_period=compare and months < 12)


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


def subject_of(title: str, department: bool) -> str:
    """What a table's title says its indicators are of, as a sentence writes it after «chỉ tiêu»: «ngành y tế»
    («BIỂU CHỈ TIÊU NGÀNH Y TẾ NĂM 2026»), «kinh tế» («BIỂU 01: CHỈ TIÊU KINH TẾ NĂM 2026»); the committee's
    socio-economic plan where the title says «kinh tế - xã hội»; where it names nothing, a committee's plan or, for a
    department, no field at all («các chỉ tiêu»): never a claim the title does not make."""
    title = " ".join(unicodedata.normalize("NFC", title).split())
    folded = fold(title)
    if len(folded) != len(title):  # (fold keeps one letter for one in NFC text, spaces collapsed; else no positions)
        return "" if department else COMMITTEE_SUBJECT
    start = _SUBJECT_START.search(folded)
    if start is None:
        return "" if department else COMMITTEE_SUBJECT
    end = _SUBJECT_END.search(folded, start.end())
    assert end is not None  # («$» ends every search)
    words = " ".join(title[start.end():end.start()].split())
    key = " ".join(folded[start.end():end.start()].split())
    if re.search(r"\bkinh te\s*[-\u2013]\s*xa hoi\b|\bkt\s*-\s*xh\b", key):
        return COMMITTEE_SUBJECT
    if not words or len(words.split()) > 8:
        return "" if department else COMMITTEE_SUBJECT
    return words.lower()


def progress_sentence(per: Period, counts: dict[str, int], extras: bool = True, scope: str = "") -> str:
    """The summary of a part of the year against the year's plan: how many rows have figures, and that they are
    progress, never a count met or not met. `extras=False` leaves out the rows without figures (a caller that
    lists the progress rows after a colon says them in a sentence of their own: see `rest_sentence`)."""
    n = counts.get(PROGRESS_STATUS, 0)
    who = f"trong các chỉ tiêu{scope}, " if scope else ""
    s = (f"{per.lead()}, {who}có {n} chỉ tiêu có số liệu; so với kế hoạch cả năm {per.year}, đây là tiến độ thực hiện, "
         "chưa đánh giá đạt hay không đạt kế hoạch")
    extra = _rest(counts)
    return s + ("; " + "; ".join(extra) if extra and extras else "")


def _rest(counts: dict[str, int]) -> list[str]:
    return [f"{counts[k]} chỉ tiêu {W.STATUS_WORDS[k]}" for k in ("chua_co_so_lieu", W.ERROR_STATUS) if counts.get(k)]


def rest_sentence(counts: dict[str, int]) -> str:
    """«Còn 1 chỉ tiêu chưa có số liệu.» ('' when every row has figures)."""
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
