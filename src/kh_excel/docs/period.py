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
from dataclasses import dataclass

from kh_excel.core.model import Assessment, Table
from kh_excel.core.table import period_months
from kh_excel.core.text import fold
from kh_excel.docs import wording as W

QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}
_QUARTER = re.compile(r"\bquy\s+([ivx]+|\d)\b")
_ESTIMATE = re.compile(r"\b(uoc|uth)\b")
# a part of the year judged against the whole year's plan: progress, never a status
PROGRESS_STATUS = "khong_danh_gia"
PROGRESS_REASON = W.PROGRESS_REASON
PROGRESS_TITLE = "Tiến độ thực hiện so với kế hoạch cả năm"

# A part of the year in the other words reports use (folded text), beyond core.table's «6 tháng», «quý II»,
# «cả năm»: each pattern with the months from the start of the year it covers — a number, "n" (the first
# group is the count), "word" (the count in words), "date" (up to a day: the month, unless 31/12) — or
# UNKNOWN_PART when it is a part of the year of no readable length («đến nay», «tháng 6», «học kỳ I»).
UNKNOWN_PART = -1
_COUNT_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
PART_OF_YEAR_WORDS: tuple[tuple[str, object], ...] = (
    (r"\b(\d{1,2})\s*t\b", "n"),                                   # «TH 6T/2026», «9T»
    (r"\b((?:muoi\s+)?(?:" + "|".join(_COUNT_WORDS) + r"))\s+thang\b", "word"),  # «sáu tháng», «mười một tháng»
    (r"\bnua\s+(?:dau\s+)?nam\b", 6),                               # «nửa đầu năm», «nửa năm»
    (r"\bnua\s+cuoi\s+nam\b", UNKNOWN_PART),                        # not from the start of the year
    (r"\b(?:den|toi|tinh den)\s+(?:ngay\s+)?(\d{1,2})\s*/\s*(\d{1,2})\b", "date"),  # «đến 30/6/2026»
    (r"\b(?:den|toi)\s+(?:nay|hien nay|thoi diem|thoi diem hien tai|ky bao cao)\b", UNKNOWN_PART),
    (r"\btu\s+dau\s+nam\b", UNKNOWN_PART),                          # «từ đầu năm» with no end
    (r"\bthang\s+\d{1,2}\b", UNKNOWN_PART),                          # one month: «tháng 6/2026»
    (r"\bhoc\s+ky\b", UNKNOWN_PART),                                 # «học kỳ I»
)
_PART_OF_YEAR = tuple((re.compile(p), how) for p, how in PART_OF_YEAR_WORDS)
_LONG_DATE = re.compile(r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d\d)\b")


def span_of(label: str) -> int | None:
    """How much of the year a label's figures cover, in any wording a report uses: 12 a whole year («cả năm»),
    1–11 the months from its start («6 tháng», «6T», «sáu tháng», «nửa đầu năm», «đến 30/6»), UNKNOWN_PART a part
    of no readable length («đến nay», «tháng 6», «học kỳ I»), None when the label names no span («năm 2026»)."""
    h = _LONG_DATE.sub(lambda m: f"{m.group(1)}/{m.group(2)}/{m.group(3)}", fold(label or ""))
    months = period_months(h)
    if months:
        return months
    for pattern, how in _PART_OF_YEAR:
        m = pattern.search(h)
        if not m:
            continue
        if how == "n":
            n = int(m.group(1))
            return n if 1 <= n <= 12 else UNKNOWN_PART
        if how == "word":
            n = sum(_COUNT_WORDS[w] for w in m.group(1).split())
            return n if n <= 12 else UNKNOWN_PART
        if how == "date":
            day, month = int(m.group(1)), int(m.group(2))
            if (day, month) == (31, 12):
                return 12
            return month if 1 <= month < 12 and day >= 28 else UNKNOWN_PART
        return int(how)  # type: ignore[call-overload]
    return None


def _months(label: str) -> int:
    """The months a label names from the start of the year (0 when none, or of no readable length)."""
    n = span_of(label)
    return n if n and n > 0 else 0


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

    @property
    def part_of_year(self) -> bool:
        return self.months < 12

    def words(self) -> str:
        """«6 tháng đầu năm 2026», «9 tháng năm 2026», «quý II năm 2026», «ước thực hiện cả năm 2026», «năm 2026»."""
        y = self.year
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
        if self.labelled and self.estimate and not self.part_of_year and not self.quarter:
            return f"ước cả năm {self.year}"
        return self.words() if self.labelled else f"năm {self.year}"

    def trich_yeu(self) -> str:
        """The report's title line: «Kết quả …» for a closed year, «Tình hình …» while the year runs."""
        if not self.labelled or (not self.part_of_year and not self.estimate):
            return f"Kết quả thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu năm {self.year}"
        return f"Tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu {self.span()}"

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
    months = _months(label) or _months(heads.get("result", "")) or 12
    q = _QUARTER.search(fold(label) or result_head)
    quarter = ""
    if q and months == 3:
        token = q.group(1)
        quarter = QUARTERS.get(int(token), token.upper()) if token.isdigit() else token.upper()
    labelled = bool(label) or bool(_months(heads.get("result", "")))
    plan_months = _months(heads.get("target", "")) or 12
    has_previous = "previous" in table.columns
    prev_months = _months(heads.get("previous", "")) or 12
    compare = has_previous and prev_months == months
    return Period(year=year, months=months, quarter=quarter,
                  estimate=bool(_ESTIMATE.search(result_head) or _ESTIMATE.search(fold(label))),
                  labelled=labelled, plan_is_year=months < 12 and plan_months == 12 and "target" in table.columns,
                  compare=compare, same_period=compare and months < 12)


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
