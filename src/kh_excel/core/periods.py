"""How much of the year a column's figures cover, in any wording a report uses («6 tháng», «6T», «sáu tháng», «nửa
đầu năm», «đến 30/6», «quý II», «cả năm»), and the rule that follows from it: a part of the year set against the whole
year's plan is progress, never met or not met (400 of a 1.000 plan after 6 months is no «không đạt»).

One place for both, so that `check`, `attainment`, the add-in's column, a workbook written with -o and every
document (docs.period) judge a mid-year table alike.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from kh_excel.core.model import STATUS_LABELS, Table
from kh_excel.core.table import _year_of, period_months  # (the year a column is about: dates and numbers aside)
from kh_excel.core.table import header_role as _role_of
from kh_excel.core.table import _ONE_YEAR, _PLAN_TITLE, _RESULTS_TITLE, _YEARLY_WORD, period_years, title_period
from kh_excel.core.text import clean, fold

# A part of the year in the other words reports use (folded text), beyond core.table's «6 tháng», «quý II»,
# «cả năm»: each pattern with the months from the start of the year it covers — a number, "n" (the first
# group is the count), "word" (the count in words), "date" (up to a day: the month, unless 31/12) — or
# UNKNOWN_PART when it is a part of the year of no readable length («đến nay», «tháng 6», «học kỳ I»).
UNKNOWN_PART = -1
# The last 6 months of the year («6 tháng cuối năm», «nửa cuối năm», «tháng 7-12/2026»): as long as the first half but
# never it, so a value of its own that no count of months from the start equals (a second half's result is never set
# against the first half's plan, nor named «6 tháng đầu năm»).
SECOND_HALF = -2
_COUNT_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
PART_OF_YEAR_WORDS: tuple[tuple[str, object], ...] = (
    (r"\b(\d{1,2})\s*t\b", "n"),                                   # «TH 6T/2026», «9T»
    (r"\b((?:muoi\s+)?(?:" + "|".join(_COUNT_WORDS) + r"))\s+thang\b", "word"),  # «sáu tháng», «mười một tháng»
    (r"\bnua\s+(?:dau\s+)?nam\b", 6),                               # «nửa đầu năm», «nửa năm»
    (r"\b(?:den|toi|tinh den)\s+(?:ngay\s+)?(\d{1,2})\s*/\s*(\d{1,2})\b", "date"),  # «đến 30/6/2026»
    (r"\b(?:den|toi)\s+(?:nay|hien nay|thoi diem|thoi diem hien tai|ky bao cao)\b", UNKNOWN_PART),
    (r"\btu\s+dau\s+nam\b", UNKNOWN_PART),                          # «từ đầu năm» with no end
    (r"\b(?:thang\s+)?0?1\s*-\s*(\d{1,2})\s*/\s*(?:19|20)\d\d\b", "n"),  # «1-6/2026», «tháng 1-12/2026»
    (r"\b(?:den|toi|tinh den)\s+(?:het\s+)?thang\s+(\d{1,2})\b", "n"),  # «đến tháng 5/2020»: its first 5 months
    (r"\bthang\s+\d{1,2}\b", UNKNOWN_PART),                          # one month: «tháng 6/2026»
    (r"\bhoc\s+ky\b", UNKNOWN_PART),                                 # «học kỳ I»
    (r"\b(\d{1,2})\s*th\b", "n"),                                    # «TH 6th/2026»
    (r"\bq\s*[1-4]\s*(?:[/-]\s*(?:19|20)\d\d|\s+nam)\b", 3),            # «Q2/2026» (not «Q1», a district)
)
_PART_OF_YEAR = tuple((re.compile(p), how) for p, how in PART_OF_YEAR_WORDS)
# The months at the END of the year (folded), read before any count from its start: «6 tháng cuối năm» holds «6 tháng»;
# 6 of them the second half, any other count a part of the year that does not start in January.
_END_OF_YEAR = re.compile(r"\b(\d{1,2}|(?:muoi\s+)?(?:" + "|".join(_COUNT_WORDS) + r"))\s*(?:thang|th|t)\s+cuoi\b"
                          r"|\bnua\s+(?:cuoi|sau)\s+(?:nam\b|\d)|\b(?:thang\s+)?0?7\s*-\s*12\s*/\s*(?:19|20)\d\d\b")
_LONG_DATE = re.compile(r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d\d)\b")


def span_of(label: str) -> int | None:
    """How much of the year a label's figures cover, in any wording a report uses: 12 a whole year («cả năm»),
    1–11 the months from its start («6 tháng», «6T», «sáu tháng», «nửa đầu năm», «đến 30/6»), SECOND_HALF its last
    6 months («6 tháng cuối năm», «nửa cuối năm»), UNKNOWN_PART a part of no readable length («đến nay», «tháng 6»,
    «học kỳ I», «3 tháng cuối năm»), None when the label names no span («năm 2026»)."""
    h = _LONG_DATE.sub(lambda m: f"{m.group(1)}/{m.group(2)}/{m.group(3)}", fold(label or ""))
    end = _END_OF_YEAR.search(h)
    if end:
        count = end.group(1)
        n = 6 if count is None else int(count) if count.isdigit() else sum(_COUNT_WORDS[w] for w in count.split())
        if n == 6 and span_of(h[:end.start()]) == 6:
            return 12  # «TH 6 tháng đầu năm và ước 6 tháng cuối năm»: both halves, the year
        return SECOND_HALF if n == 6 else UNKNOWN_PART
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


def months_named(label: str) -> int:
    """The months a label names from the start of the year (0 when none, or of no readable length)."""
    n = span_of(label)
    return n if n and n > 0 else 0


_TITLE_DATE = re.compile(r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d\d)\b|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b")
_TITLE_DOC = re.compile(r"\b[sS][ốỐ]\s*:?\s*\d+\S*|\b\d+/(?:19|20)\d\d/\S+")  # before folding: «Số» ≠ «Sở»
_UP_TO = re.compile(r"\b(?:den|toi|tinh den)(?:\s+ngay)?\s*$")


# A note in brackets on the figures of some rows only (folded): «(Số liệu giải ngân tính đến ngày 30/11/2024)» names
# what it is of (the subject) before the date; «(Số liệu tính đến 30/11/2024)», «(Số liệu ước thực hiện đến …)» name
# nothing and are the table's
_SCOPED_NOTE = re.compile(r"\(\s*(?:so lieu|du lieu)\s+([^()]*?)\s*\b(?:tinh\s+)?(?:den|toi)\b[^()]*\)")
_NOTE_OF_ALL = frozenset("uoc thuc hien th uth chinh thuc so bo cap nhat duoc bao cao cua nam".split())


def _unscoped(m: re.Match) -> str:
    """A note of some rows' figures as its years alone (the table's year may be there); any other note kept."""
    if all(w in _NOTE_OF_ALL for w in re.findall(r"[a-z]+", m.group(1))):
        return m.group(0)
    return " " + " ".join(_ONE_YEAR.findall(m.group(0))) + " "


def title_period_text(lines: list[str]) -> str:
    """A table's title lines as the period they speak of (folded): a date of signing or a document's number
    («Lào Cai, ngày 10 tháng 6 năm 2026», «Số 12/BC-UBND») is dropped, a date figures run up to («số liệu đến
    15/11/2026») is kept, as «đến 15/11/2026». A note on what some rows' figures run up to («(Số liệu giải ngân tính
    đến ngày 30/11/2024)») is no period of the table (rev20 R20-8: it made a year's estimate «ước 11 tháng»)."""
    text = _SCOPED_NOTE.sub(_unscoped, fold(_TITLE_DOC.sub(" ", " ".join(clean(t) for t in lines))))

    def keep_up_to(m: re.Match) -> str:
        if not _UP_TO.search(text[:m.start()]):
            return " "
        return f"{m.group(1)}/{m.group(2)}/{m.group(3)}" if m.group(1) else m.group(0)
    return _TITLE_DATE.sub(keep_up_to, text)


def title_signed(lines: list[str], year: int) -> tuple[int, int, int] | None:
    """The day a plan of `year` was signed as its title states it: the latest date of signing the title names
    («(Kèm theo Quyết định giao chỉ tiêu ngày 20/12/2024 của UBND quận Ba Đình)», «ngày 10 tháng 12 năm 2025»)
    in the year before the plan's or in it; never a date figures run up to («số liệu đến 30/11/2024») nor one of an
    older basis («Nghị quyết Đại hội … ngày 15/10/2020»). None when it names none."""
    text = fold(_TITLE_DOC.sub(" ", " ".join(clean(t) for t in lines)))
    found = []
    for m in _TITLE_DATE.finditer(text):
        if _UP_TO.search(text[:m.start()]):
            continue
        day, month, y = (int(g) for g in (m.groups() if m.group(1) else re.findall(r"\d+", m.group(0))))
        if y in (year - 1, year) and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(y, month)[1]:
            found.append((y, month, day))
    return max(found) if found else None


_NOTE_IN_BRACKETS = re.compile(r"\([^()]*\)")


# A column's own words that name the whole year (folded): «Kế hoạch năm», «KH cả năm», «Thực hiện năm», «Ước năm»
# (never «năm học»)
_OWN_YEAR = re.compile(r"\b(?:ke hoach|kh|chi tieu|muc tieu|du toan|thuc hien|th|uoc thuc hien|uoc th|uth|uoc tinh|uoc)"
                       r"\s+(?:ca\s+)?nam\b(?!\s+hoc)")
# A ratio's label («% TH 6 tháng so với KH năm»): of two periods, never read as either's
_RATIO_WORDS = re.compile(r"%|\bso\s+(?:voi|kh\b|ke hoach)")


def label_span(label: str) -> int | None:
    """span_of a column's label, its notes in brackets aside where the rest names the year: «Ước thực hiện năm 2026
    (6T đầu năm + ước 6T cuối năm)», «Thực hiện năm 2026 (tính đến tháng 12)» are the year's.

    A column's label is its group's words and then its own (core.table joins them so): its own words that name the
    year are the span, not the group's part of the year before them (rev13 R2: «Kế hoạch năm» under a merged «6 tháng
    đầu năm 2026» is the year's plan, against which the half-year's actual is progress)."""
    main = _NOTE_IN_BRACKETS.sub(" ", label or "")
    if main != (label or "") and span_of(main) is None and _year_of(main) is not None:
        return None
    span = span_of(label)
    if span is not None and span != 12:
        h = fold(label)
        own = None
        for own in _OWN_YEAR.finditer(h):
            pass  # the last: the column's own words come after its group's
        if own is not None and own.start() > 0 and not _RATIO_WORDS.search(h) \
                and span_of(h[own.start():]) in (None, 12) and span_of(h[:own.start()]) == span:
            return 12
    return span


def result_span(table: Table) -> int | None:
    """The span of the year the table's results cover (span_of): the period the reader chose, else the result
    column's own label; a label that names neither a span nor a year («Thực hiện») is the title's, where the title
    names a part of the year of known length («… 6 THÁNG ĐẦU NĂM 2026»). A label naming the year is the year's,
    whatever the title says of other figures («… tháng 12 và năm 2026», «… và kế hoạch 6 tháng đầu năm 2027»)."""
    span = label_span(table.period or "")
    if span is None:
        span = title_part_over_year(table)
    return span if span is not None else result_label_span(table.column_headers.get("result", ""), table.title_lines)


# «ƯTH năm», «Thực hiện năm» under «Toàn huyện»: the year's, its number in the title; «năm» after a result's word,
# never a place's «Nam» («Xã Nam Sơn Thực hiện», «Hà Nam»)
_THE_YEAR = re.compile(r"\b(?:thuc hien|th|uth|uoc|uoc tinh|uoc dat|ket qua)\s+nam\b")


def result_label_span(label: str, title_lines: list[str]) -> int | None:
    """The span a result column's label covers: its own words (label_span), else 12 where it names the year
    («Ước thực hiện năm 2026», «ƯTH năm»), else the title's part of the year of known length («… 6 THÁNG ĐẦU NĂM 2026» over a
    column «Thực hiện»); None when nothing tells."""
    span = label_span(label)
    if span is not None:
        return span
    if _year_of(label) is not None or _THE_YEAR.search(fold(label)):
        return 12
    title = span_of(title_period_text(title_lines))
    return title if title is not None and 0 < title < 12 else None


# A title that names the results' whole year beside a part of it (folded): «… 6 THÁNG ĐẦU NĂM VÀ ƯỚC THỰC HIỆN CẢ NĂM
# 2026», «KẾT QUẢ THỰC HIỆN NĂM 2026 VÀ KẾ HOẠCH 6 THÁNG ĐẦU NĂM 2027», «… THÁNG 6 VÀ NĂM 2026»
_WHOLE_YEAR_TOO = re.compile(r"\bca nam\b|\bva\s+nam\b|" + _THE_YEAR.pattern)


def title_part_over_year(table: Table) -> int | None:
    """The part of the year the title names (6 for «… 6 THÁNG ĐẦU NĂM 2026») where it contradicts the result column
    read, whose label names only its year («Ước thực hiện năm 2026», «Thực hiện năm»): the title names no whole year
    beside its part, the same year, and no result column of the table names a span (a «TH 6 tháng» beside «Ước TH
    năm 2026» makes the latter the year's estimate of a mid-year report). None otherwise.

    The figures are then of the title's period (rev12 D-E: they were called «ước cả năm 2026», and judged as the
    year's, under a title of 6 months): a part of the year against the year's plan is progress, not judged (the
    smaller harm if they are in fact the year's estimate), and the documents name the period the title wrote, never
    «cả năm», which nobody wrote. core.table.parse_grid warns naming the title's cell (title_period_differs); a
    column label that says «cả năm» («Ước thực hiện cả năm 2026») settles it the other way, and --period settles it."""
    if table.periods or table.period or "result" not in table.columns:
        return None
    label = table.column_headers.get("result", "")
    if label_span(label) is not None or (_year_of(label) is None and not _THE_YEAR.search(fold(label))):
        return None
    text = title_period_text(table.title_lines)
    span = span_of(text)
    if span is None or not (0 < span < 12 or span == SECOND_HALF) or _WHOLE_YEAR_TOO.search(text):
        return None
    year, title_year = _year_of(label), _year_of(text)
    return span if year is None or title_year in (None, year) else None


# An estimate's column (folded): «Ước thực hiện», «Ước TH», «ƯTH» — a figure before its period closes.
ESTIMATE = re.compile(r"\b(?:uoc|uth)\b")


def estimate_of_the_year(labels: dict[int, str], res: int, plan_spans: set[int], title_lines: list[str],
                         year: int | None = None) -> bool:
    """Is the result column `res`, an estimate naming no period («Ước TH»), the year's? So it is where a measured
    result of a part of the year from its start stands left of it, of its year («TH 6 tháng»), the title names no
    part of the year, and the year is the only span the table plans longer than that part: an estimate of the 6
    months already measured makes no sense. `year`: the table's, where the label names none. A bare «Thực hiện» is never read so (it may be the 6 months' actual),
    nor an estimate beside plans of two longer spans («TH 5 tháng | Ước TH» under «KH 6 tháng | KH năm»)."""
    label = labels[res]
    if not ESTIMATE.search(fold(label)) or span_of(title_period_text(title_lines)) not in (None, 12):
        return False
    year = _year_of(label) or year
    measured = [sp for c, lab in labels.items() if c < res and not ESTIMATE.search(fold(lab))
                and _role_of(lab) == "result" and _year_of(lab) in (None, year)
                and (sp := label_span(lab)) is not None and 0 < sp < 12]
    return bool(measured) and {sp for sp in plan_spans if sp > max(measured)} == {12}


def column_span(label: str) -> int:
    """The span a column's label covers (label_span), a label naming no part of the year the year's: a plan
    («Kế hoạch năm 2026», «Kế hoạch», as progress_only reads it), a figure beside others that name their period
    («TH năm 2025» beside «TH 6 tháng năm 2025»)."""
    span = label_span(label)
    return 12 if span is None else span


def span_words(span: int | None) -> str:
    """A span in words for a message: «cả năm», «6 tháng», «6 tháng cuối năm», «một phần năm»; «không rõ kỳ» for None."""
    if span is None:
        return "không rõ kỳ"
    if span == 12:
        return "cả năm"
    if span == SECOND_HALF:
        return "6 tháng cuối năm"
    return f"{span} tháng" if span > 0 else "một phần năm"


# The reason of a row that is progress, not a judgement (its ratio kept: «bằng 40,0% kế hoạch năm»).
PROGRESS_REASON = "kết quả một phần năm so với kế hoạch cả năm: tiến độ, chưa đánh giá đạt hay không đạt"


def progress_only(table: Table) -> bool:
    """Is the table's result a part of the year (result_span: of known length or not, «đến nay», «tháng 6») set
    against the whole year's plan (a plan column naming no part of the year)? Then no row is judged
    (core.attainment.evaluate): not judging a figure is a smaller harm than «Không đạt» on half a year's work."""
    if "target" not in table.columns or "result" not in table.columns:
        return False
    span = result_span(table)
    return span is not None and span != 12 and label_span(table.column_headers.get("target", "")) in (None, 12)


# A note in a row's name on what its figure runs up to (folded): «Giải ngân vốn đầu tư công (đến 30/11)»
_ROW_UP_TO = re.compile(r"\(([^()]*\b(?:den|toi)\b[^()]*)\)")
_UP_TO_WORD = re.compile(r"\b(?:đến|tới)\b", re.IGNORECASE)  # its words as written (NFC), before any folding


def row_part_of_year(name: str, year: int | None = None) -> bool:
    """Does a row's name say its figure runs to a day inside the year («… (đến 30/11)», «… (tính đến tháng 9)»)? Set
    against the year's plan in a table of the year, such a figure is progress, not judged (rev20 R20-8): «Không đạt»
    on eleven months' disbursement is a verdict nobody made. «(đến 31/12)» is the year's. `year`: the table's."""
    if "(" not in name or not _UP_TO_WORD.search(name):  # (most names: no fold, one search of the cell as written)
        return False
    for m in _ROW_UP_TO.finditer(fold(name)):
        span = span_of(m.group(1))
        years = {int(y) for y in _ONE_YEAR.findall(m.group(1))}
        # a day of known months (never «đến nay», rev21 N-3), of the table's year (never «đến 30/11/2023» in a 2025
        # table shown as its progress, rev21 N-2: judged as the year's figure, as before)
        if span is not None and 0 < span < 12 and (not years or years == {year}):
            return True
    return False


QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}
# A school year («năm học 2025-2026», «NĂM HỌC 2025 - 2026»): the period of an education table, Sept to May, which
# no calendar year names (folded)
SCHOOL_YEAR = re.compile(r"\bnam\s+hoc\s+(\d{4})\s*[-\u2013/]\s*(\d{4})\b")
# What the indicators are of, when the table's title does not say: a committee's table is its socio-economic plan;
# a department's (a Sở, a Phòng) is of its sector, which only its title names, so it is said of no field.
COMMITTEE_SUBJECT = "kinh tế - xã hội chủ yếu"
_QUARTER = re.compile(r"\b(?:quy\s+([ivx]+|\d)|q\s*([1-4]))\b")  # «Quý II», «quý 2», «Q2/2026»


# What a table calls its plan, as its plan column names it: a budget's «Dự toán», «Dự toán HĐND giao», «Dự toán
# Trung ương giao năm 2024» is «dự toán», and a document compares its figures with the «dự toán», never with a «kế
# hoạch» the council never set (rev20 R20-13: «đạt 105% kế hoạch» of «Dự toán tỉnh giao»); any other plan
# («Kế hoạch», «KH», «Chỉ tiêu giao», «Nghị quyết HĐND», and «Kế hoạch (dự toán)», which names both) is «kế hoạch».
# One word for the whole table, its one plan column's: each word with its short form («% KH», «% DT»).
PLAN_WORD = "kế hoạch"
BUDGET_WORD = "dự toán"
PLAN_SHORT = {PLAN_WORD: "KH", BUDGET_WORD: "DT"}
_BUDGET_LABEL = re.compile(r"\bdu toan\b|^dt\b")  # («DT giao», «DT HĐND giao»)
_PLAN_LABEL = re.compile(r"\bke hoach\b|\bkh\b")


def plan_word(label: str | None) -> str:
    """«dự toán» for a plan column a budget names so («Dự toán năm 2024», «Dự toán HĐND giao»), else «kế hoạch»."""
    h = fold(label or "")
    return BUDGET_WORD if _BUDGET_LABEL.search(h) and not _PLAN_LABEL.search(h) else PLAN_WORD


def in_sentence(plan: str) -> str:
    """The plan after a ratio in a sentence: seed 004's «(đạt 79,2% KH)», a budget's «(đạt 96,0% dự toán)» in full
    («DT» in running text reads as «diện tích», «doanh thu»)."""
    return PLAN_SHORT[PLAN_WORD] if plan == PLAN_WORD else plan


def status_label(status: str, plan: str = PLAN_WORD) -> str:
    """A verdict's label (model.STATUS_LABELS: «Vượt KH», «Đạt KH») with the table's plan: «Vượt dự toán»."""
    label = STATUS_LABELS.get(status, STATUS_LABELS["so_lieu_loi"])
    return label if plan == PLAN_WORD else label.replace(" " + PLAN_SHORT[PLAN_WORD], " " + plan)


def table_plan_word(table: Table) -> str:
    """The word of the plan column the reader took (plan_word); «kế hoạch» for a table without one."""
    return plan_word(table.column_headers.get("target") if "target" in table.columns else None)


@dataclass(frozen=True)
class Period:
    year: int
    months: int = 12              # 12 for a whole year (or a table without periods)
    quarter: str = ""             # «II» for «Quý II»
    estimate: bool = False        # the result column is an estimate («Ước thực hiện», «ƯTH»)
    labelled: bool = False        # the table names its periods or estimates (so the document names them)
    plan_is_year: bool = False    # a part of the year against the whole year's plan
    compare: bool = True          # the previous column is the same period of the previous year
    same_period: bool = False     # … and that period is a part of the year: «so với cùng kỳ năm trước»
    second_half: bool = False     # the last 6 months («6 tháng cuối năm»), never named the first half
    school_year: str = ""         # «2025-2026» when the table's period is a school year (never a calendar year)
    subject: str = COMMITTEE_SUBJECT  # what the indicators are of, after «chỉ tiêu» ('' = none named: docs.period)
    years: str = ""               # «2026-2030» when the figures or the plan are a period of several years' (never «năm 2030»)
    years_word: str = "giai đoạn"  # … so named, or «nhiệm kỳ» as the table names them («Chỉ tiêu nhiệm kỳ 2020-2025»)
    plan: str = PLAN_WORD          # what the table calls its plan: «kế hoạch», or a budget's «dự toán» (plan_word)

    @property
    def plan_short(self) -> str:
        """«KH», or «DT» for a budget's «dự toán»: the plan in a column's or a verdict's label («% DT»)."""
        return PLAN_SHORT[self.plan]

    def chi_tieu(self, all_: bool = True) -> str:
        """«các chỉ tiêu ngành y tế», «các chỉ tiêu kinh tế - xã hội chủ yếu», «các chỉ tiêu» (all_=False: no «các»)."""
        return ("các " if all_ else "") + " ".join(x for x in ("chỉ tiêu", self.subject) if x)

    def whole(self) -> str:
        """The whole period of a plan: «năm 2026», «năm học 2025-2026», «giai đoạn 2026-2030»."""
        if self.years:
            return f"{self.years_word} {self.years}"
        return f"năm học {self.school_year}" if self.school_year else f"năm {self.year}"

    @property
    def first_year(self) -> int:
        """The first year of a period of years («2021-2025»: 2021); the year itself for one year."""
        return int(self.years.split("-")[0]) if self.years else self.year

    @property
    def part_of_year(self) -> bool:
        return self.months < 12

    def _part_words(self) -> str:
        """A part of the year: «quý II năm 2026», «6 tháng đầu năm 2026», «6 tháng cuối năm 2026», «9 tháng năm 2026»."""
        y = self.year
        if self.quarter:
            return f"quý {self.quarter} năm {y}"
        if self.second_half:
            return f"6 tháng cuối năm {y}"
        if self.months == 6:
            return f"6 tháng đầu năm {y}"
        return f"{self.months} tháng năm {y}"

    def words(self) -> str:
        """«6 tháng đầu năm 2026», «9 tháng năm 2026», «quý II năm 2026», «ước thực hiện cả năm 2026», «năm 2026»; an
        estimate of a part «ước thực hiện 6 tháng đầu năm 2026» (the kind of figure, as the seeds name it)."""
        if self.school_year or self.years:
            return ("ước thực hiện " if self.years and self.estimate else "") + self.whole()
        part = self.part_of_year or bool(self.quarter)
        if part:
            return ("ước thực hiện " if self.estimate else "") + self._part_words()
        if self.labelled and self.estimate:
            return f"ước thực hiện cả năm {self.year}"
        return f"năm {self.year}"

    def lead(self) -> str:
        w = self.words()
        return w[:1].upper() + w[1:]

    def span(self) -> str:
        """The period after «thực hiện … chủ yếu»: «ước cả năm 2026», «ước 6 tháng đầu năm 2026», never «thực hiện …
        ước thực hiện …»."""
        if self.years:  # «… tình hình thực hiện các chỉ tiêu ước cả giai đoạn 2021-2025», never «thực hiện … ước thực hiện»
            return ("ước cả " if self.estimate else "") + self.whole()
        if self.labelled and self.estimate and not self.school_year:
            return "ước " + (self._part_words() if self.part_of_year or self.quarter else f"cả năm {self.year}")
        return self.words() if self.labelled else self.whole()

    def trich_yeu(self) -> str:
        """The report's title line: «Kết quả …» for a closed year, «Tình hình …» while the year runs; a period of
        years «(Ước) kết quả thực hiện … giai đoạn 2021-2025»."""
        if self.years:
            lead = f"thực hiện {self.chi_tieu()} {self.whole()}"
            return ("Ước kết quả " if self.estimate else "Kết quả ") + lead
        if not self.plan_is_year and (not self.labelled or (not self.part_of_year and not self.estimate)):
            return f"Kết quả thực hiện {self.chi_tieu()} {self.whole()}"
        return f"Tình hình thực hiện {self.chi_tieu()} {self.span()}"

    def since(self, previous_year: int | None) -> str | None:
        """The comparison phrase for a change against the previous column; None when there is none to make."""
        if not self.compare:
            return None
        if self.same_period:
            return "so với cùng kỳ năm trước"
        return "so với " + self._previous_words(previous_year)

    def comparison_header(self, previous_year: int | None) -> str:
        return "So với cùng kỳ năm trước" if self.same_period else "So với " + self._previous_words(previous_year)

    def _previous_words(self, previous_year: int | None) -> str:
        """The period the previous column holds: «năm 2025»; of a school year's table the school year before, named
        by the year it ends in, as the column's label is read («Thực hiện năm học 2024-2025»: 2025; rev15 R15-5)."""
        if self.school_year:
            return f"năm học {previous_year - 1}-{previous_year}" if previous_year else "năm học trước"
        return f"năm {previous_year}" if previous_year else "năm trước"


def of_table(table: Table, year: int, plan: bool = False) -> Period:
    """The period of the columns the reader took (Table.period and the chosen columns' own headers). `plan`: for a
    plan document, which states the plan, not the result: a period's goal is said as the period («nhiệm kỳ
    2021-2025»), whatever part of its last year the result column beside it covers («Ước thực hiện 9 tháng năm 2025»
    is no plan of «năm 2025»); a report says the result's own period («ước thực hiện 9 tháng năm 2025»)."""
    heads = table.column_headers
    label = table.period or ""
    result_head = fold(heads.get("result", ""))
    span = result_span(table)  # the period's label, the result column's, or the title's (core.periods)
    second_half = span == SECOND_HALF
    months = 6 if second_half else span if span is not None and 0 < span < 12 else 12
    q = _QUARTER.search(fold(label) or result_head)
    quarter = ""
    if q and months == 3:
        token = q.group(1) or q.group(2)
        quarter = QUARTERS.get(int(token), token.upper()) if token.isdigit() else token.upper()
    # an estimate of a part of no readable length («Ước TH đến nay») is no estimate of the whole year: not said
    estimate = bool(ESTIMATE.search(result_head) or ESTIMATE.search(fold(label))) and span != UNKNOWN_PART
    # a period named, or figures that are an estimate: said («ước thực hiện cả năm 2026»), never «kết quả … năm 2026»
    labelled = bool(label) or bool(months_named(heads.get("result", ""))) or months < 12 or estimate
    school = next((m for m in map(SCHOOL_YEAR.search, (fold(label), result_head, fold(heads.get("target", "")),
                                                         *(fold(str(x)) for x in table.title_lines))) if m), None)
    school_year = f"{school.group(1)}-{school.group(2)}" if school and int(school.group(2)) == int(school.group(1)) + 1 \
        and int(school.group(2)) == year else ""
    labelled = labelled or bool(school_year)
    has_previous = "previous" in table.columns
    prev_months = months_named(heads.get("previous", "")) or 12
    prev_second = label_span(heads.get("previous", "")) == SECOND_HALF
    if prev_second:
        prev_months = 6
    compare = has_previous and prev_months == months and prev_second == second_half
    # figures of a period of years («Ước thực hiện giai đoạn 2021-2025»), or a plan document's plan of one («Mục
    # tiêu giai đoạn 2026-2030»): the period's words, never its last year's
    span_years = period_years(label or heads.get("result", "")) if "result" in table.columns else \
        period_years(heads.get("target", ""))
    plan_years = period_years(heads.get("target", "")) if "target" in table.columns else None
    whole_year = (months == 12 and not quarter) or plan  # a plan document states the plan's period, not the result's
    if span_years is None and plan_years and plan_years[1] == year and whole_year:
        # the last year's (estimated) result against the period's plan («Ước TH năm 2025» beside «KH 2021-2025»):
        # the plan judged is the period's, so the figures are said as the period's results («ước thực hiện giai
        # đoạn 2021-2025»), never «ước cả năm 2025» as if the year's plan were met
        span_years = plan_years
    if span_years is None and whole_year and not school_year \
            and (plan or _year_of(heads.get("result", "")) is None):
        # a title's period of years («… NHIỆM KỲ 2020-2025», «… 5 NĂM 2021-2025») over a plan of no year, or of its
        # end («Mục tiêu đến năm 2025»): the period's goals, never one year's (rev18 R18-3: «Kế hoạch … năm 2025»).
        # A result naming its one year («Ước thực hiện năm 2025») is said as that year's, as it is judged.
        titled = title_period(table.title_lines)
        own = heads.get("target", "") if "target" in table.columns else heads.get("result", "")
        if titled and titled[1] == year and goal_up_to(own, titled[1]):
            span_years = titled
    years = f"{span_years[0]}-{span_years[1]}" if span_years else ""
    labelled = labelled or bool(years)
    return Period(year=year, months=months, quarter=quarter, school_year=school_year, years=years,
                  years_word=_years_word(span_years, (label, heads.get("result", ""), heads.get("target", ""),
                                                      *table.title_lines)),
                  estimate=estimate,
                  labelled=labelled, plan_is_year=progress_only(table),
                  compare=compare, same_period=compare and months < 12, second_half=second_half,
                  plan=table_plan_word(table))


def plan_judged(table: Table) -> tuple[int, int] | None:
    """The period of years whose goal the table's plan is and whose result column the table holds: the period's own
    («Chỉ tiêu Nghị quyết Đại hội VII | Ước thực hiện giai đoạn 2021-2025», a term's «Mục tiêu đến năm 2025 | Ước thực
    hiện giai đoạn 2020-2025»), or its last year's whole-year figure («Ước thực hiện năm 2025»). Such a plan is being
    judged (a five-year review), no plan ahead to carry out. None for a plan of one year, a result of a year before
    the period's end or of a part of its last year («TH 6 tháng 2025»), a plan of a later period than the result's, a
    «Thực hiện» naming no year under a plan's title (the figures the plan builds on, as core.table reads a year's)."""
    if "target" not in table.columns or "result" not in table.columns:
        return None
    heads = table.column_headers
    plan, res = heads.get("target", ""), heads.get("result", "")
    years = period_years(plan)
    if years is None:
        titled = title_period(table.title_lines)
        years = titled if titled and goal_up_to(plan, titled[1]) else None
    if years is None:
        return None
    own = period_years(res)
    if own is not None:
        return years if own[1] == years[1] else None
    if _year_of(res) is None:  # «Thực hiện» under «KẾ HOẠCH … 5 NĂM 2026-2030»: the base the plan starts from
        title = title_period_text(table.title_lines)
        if _PLAN_TITLE.search(title) and not _RESULTS_TITLE.search(title):
            return None
    return years if _year_of(res) in (None, years[1]) and result_span(table) in (None, 12) else None


def years_word(years: tuple[int, int], table: Table) -> str:
    """«nhiệm kỳ» or «giai đoạn» for a period of the table's (_years_word over its columns and title)."""
    heads = table.column_headers
    return _years_word(years, (table.period, heads.get("result", ""), heads.get("target", ""), *table.title_lines))


def goal_up_to(label: str, end: int) -> bool:
    """Is a plan column's label that of a goal of a period ending in `end`: it names no year nor «năm» («Mục tiêu»,
    «Chỉ tiêu Nghị quyết Đại hội VII»), or names `end` as what the goal reaches («Mục tiêu đến năm 2025»)? Never
    «Kế hoạch năm 2025», one year's plan."""
    h, named = fold(label or ""), _year_of(label or "")
    if named is None:
        return not _YEARLY_WORD.search(h)
    return named == end and bool(re.search(rf"\b(?:den|toi)\s+(?:het\s+)?(?:nam\s+)?{end}\b", h))


def _years_word(years: tuple[int, int] | None, texts) -> str:
    """«nhiệm kỳ» where a label or the title names the period's years so («Chỉ tiêu nhiệm kỳ 2020-2025», «… TRONG
    NHIỆM KỲ 2020-2025»), else «giai đoạn»: the table's own word for its period, never both («nhiệm kỳ giai đoạn»)."""
    if years:
        term = re.compile(rf"\bnhiem ky\s+{years[0]}\s*[-\u2013\u2014]\s*{years[1]}\b")
        if any(term.search(fold(str(t or ""))) for t in texts):
            return "nhiệm kỳ"
    return "giai đoạn"
