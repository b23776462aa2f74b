"""Turn a sheet's cell values (`Grid`) into the indicator `Table`.

The sheet is read as staff keep it (SPEC §2): title rows, a one- or two-row
header matched by meaning, a `(1) (2) …` number row, sections, numbered
indicators and their sub-rows, merged STT/agency/leader cells, header rows
repeated where a Word table broke across pages, roman numerals on indicator
rows. Nothing here touches files; the reader adapters build the Grid.
"""
from __future__ import annotations

import re
from itertools import compress, repeat
from operator import attrgetter, itemgetter, methodcaller
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from decimal import Decimal
from typing import Any, Callable, cast

from kh_excel.core import text as vtext
from kh_excel.core.model import (
    ErrorValue,
    Grid,
    without_gc,
    Indicator,
    Section,
    Table,
    TableNote,
    Target,
    EMPTY_TARGET,
    RowKind,
)
from kh_excel.core.numbers import (ParsedNumber, ResultReading, TargetReading, deciding_figures, far_apart, format_number,
                                  parse_number, parse_result_text, named_base, parse_target_ex, plan_before_base, reduction_plan,
                                  rescaled_figure, signed_change, stretch_target,
                                  without_lead_words)
# parse_number and parse_target_ex of a float cell without a number format, called without them (see parse_grid)
from kh_excel.core.numbers import _float_number, _numeric_target

HEADER_SCAN_ROWS = 40

# parse_grid builds each Indicator positionally, in this order (a third of the keyword call's cost at
# 100,000 rows); a model whose fields moved must not be read with values in the wrong places.
_INDICATOR_FIELDS = ("row", "kind", "stt", "name", "unit", "section", "section_numeral", "target", "result",
                     "result_text", "previous", "lead", "cooperate", "leader", "note", "direction", "direction_reason",
                     "parent_row", "number", "raw", "readings", "key", "growth_target", "exact", "growth_base",
                     "growth_period", "result_reading", "footnote", "previous_reading")
if tuple(f.name for f in fields(Indicator)) != _INDICATOR_FIELDS:
    raise RuntimeError("core.model.Indicator's fields changed: update parse_grid's positional Indicator(...) and _INDICATOR_FIELDS")

_PROSE_STARTS = ("tinh hinh", "tien do", "thoi gian", "du bao", "giai phap", "nguyen nhan", "kho khan",
                  "ly do", "bien phap", "noi dung thuc hien", "kha nang")


@lru_cache(maxsize=4096)
def _result_preference(label: str) -> int:
    """Among result columns of one year: the year's estimate beats a 6- or 9-month figure (a part of the year in
    any wording: «Ước TH nửa đầu năm», «TH 6T/2026»; core.periods.label_span). An actual of the same stated period
    beside the estimate («Thực hiện năm 2026») is read after this choice, where it has figures
    (_actual_beside_estimate): a bare «TH», or a part «Trong đó: …» under «Thực hiện năm 2026», is no such actual."""
    from kh_excel.core.periods import label_span
    h = _fold(label)
    score = 0
    if _is_estimate(label) or "ca nam" in h:
        score += 2
    span = label_span(label)
    if span is not None and span != 12:
        score -= 2
    return score


def _is_estimate(label: str) -> bool:
    """An estimate's column: «Ước thực hiện», «Ước TH», «ƯTH» (core.periods.ESTIMATE)."""
    from kh_excel.core.periods import ESTIMATE
    return bool(ESTIMATE.search(_fold(label)))


# Cells repeat a lot (units, agencies, leaders): fold and classify each distinct text once.
_fold = lru_cache(maxsize=1 << 16)(vtext.fold)


class HeaderNotFound(Exception):
    """No indicator table header on the sheet; `found` lists the roles seen on the best row."""

    def __init__(self, sheet: str, found: dict[str, str], missing: list[str]):
        self.sheet = sheet
        self.found = found
        self.missing = missing
        super().__init__(sheet)


# ---------------------------------------------------------------------------
# Header matching by meaning
# ---------------------------------------------------------------------------

_YEAR = re.compile(r"(?:19|20)\d\d")
_ROMAN = re.compile(r"^(?=[IVXLC])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")
_ROMAN_PREFIX = re.compile(r"^((?=[IVXLC])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3}))[.\s:-]+\s*(\S.*)$")
# A column-number cell: "(7)", "7", "B", or a column formula after it: "(7)=(6)/(5)", "4=3/2", "(8)=(7)/(6)x100%".
_NUMBER_ROW_CELL = re.compile(r"^\(?\s*(\d{1,2}|[a-z])\s*\)?(?:\s*=(?![^=]*[a-z]{2})[\d\sa-z()+\-–*/×:.,%]{1,24})?$")
_INT_STT = re.compile(r"^(\d{1,6})\s*[.)]?\s*(?:\(\*+\)|\*+|\(\d{1,2}\))?$")  # "2", "2.", "2(*)", "3*"
_SUB_STT = re.compile(r"^(?:[-+*•–—·]|[a-zđ]\s*[).]|\d{1,3}\.\d{1,3}\.?|[ivx]{1,4}\s*[).])$", re.I)
_NOTE_START = ("ghi chu", "(*)", "* ", "nguon:", "nguon so lieu", "luu y")
_PART = re.compile(r"^phan\s+([ivxlc]+|\d{1,2})\b")
# (a row with nothing but such a name: «Chỉ tiêu kinh tế», «Chỉ tiêu xã hội» over a commune's rows, STT empty: rev11 D6)
_SECTION_WORDS = ("cac chi tieu", "nhom chi tieu", "chi tieu ve", "linh vuc",
                  *(f"chi tieu {field}" for field in ("kinh te", "xa hoi", "moi truong", "van hoa", "quoc phong",
                                                      "an ninh", "chu yeu", "tong hop")))
_TOTAL_NAMES = ("tong cong", "tong", "cong", "tong so", "cong:", "tong cong:")
# How the foot of a sheet begins (folded): a signature block or a statistical form's foot, «NGƯỜI LẬP BIỂU», «Người
# lập biểu | Kiểm tra | Thủ trưởng đơn vị», «(Ký, họ tên)», «(Ký tên, đóng dấu)», «TM. ỦY BAN NHÂN DÂN», «KT. CHỦ
# TỊCH», «Nơi nhận:» (signs_off)
_SIGN_START = ("nguoi lap", "nguoi ky", "nguoi kiem tra", "thu truong", "ke toan truong", "(ky", "ky ten", "ky, ghi",
               "tm.", "kt.", "tl.", "noi nhan", "xac nhan", "lanh dao don vi")
# a signer's title: «CHỦ TỊCH», «PHÓ CHỦ TỊCH», «GIÁM ĐỐC», «Phó Giám đốc (Ký, họ tên)»; the title alone or in
# capitals («CHỦ TỊCH UBND XÃ»), never a name that goes on in a sentence («Chủ tịch UBND xã đạt chuẩn»: an indicator)
_SIGNER = re.compile(r"^(?:pho )?(?:chu tich|giam doc)\b")
_SIGNER_ALONE = re.compile(r"^(?:pho )?(?:chu tich|giam doc)\s*[.:]?\s*(?:\(.*\))?$")
_TABLE_START = ("bieu ", "bieu so", "phu luc")  # what begins another table, not a signature
_DATE_LINE = re.compile(r"^[\w .-]*, ngay\b.{0,8}\bthang\b.{0,8}\bnam\b")  # (a fold's spaces are single)


@lru_cache(maxsize=4096)
def _header_role_text(h: str) -> str | None:
    return _role_of_folded(h)


def header_role(label: Any) -> str | None:
    """The column role a header text stands for, or None (see `_role_of_folded`)."""
    if not isinstance(label, str) or len(label) > 120:
        return None  # a title line, not a column header
    return _header_role_text(_fold(_display_str(label)))  # TCVN3/VNI headers are converted first


def _role_of_folded(h: str) -> str | None:
    """The column role a header text stands for, or None. Accent- and case-insensitive.

    Order matters: agency columns mention 'thực hiện' ("chịu trách nhiệm trực
    tiếp thực hiện"), so they are recognised before results; our own output
    columns ("% so với KH", "Đánh giá") are recognised so that re-reading a
    workbook we wrote does not take them for data.
    """
    if not h:
        return None
    words = set(re.findall(r"[a-z0-9]+", h))
    if h.startswith(_PROSE_STARTS):
        return None  # "Tình hình thực hiện", "Tiến độ thực hiện": words, not figures
    if ("so voi" in h or "so sanh" in h or h.startswith("danh gia") or "ty le dat" in h or "ty le thuc hien" in h
            or re.search(r"\bso (kh|ke hoach|cung ky|nam)\b", h) or "%" in h and words & {"kh", "th"}
            or "%" in h and re.search(r"\bso (du toan|nq|nghi quyet)\b", h)  # «So dự toán TW (%)», «So NQ (%)»
            or _is_ratio_label(h)):
        return "computed"  # a comparison column: % so với KH, So sánh (%), TH 2026/KH 2026
    if re.match(r"ma( |$)", h) and ("so" in words or "chi tieu" in h or h == "ma"):
        return "code"  # Mã số, Mã chỉ tiêu
    if re.fullmatch(r"nam (19|20)\d\d", h):
        return "result"  # a bare "Năm 2025" column holds that year's figures
    if "phoi hop" in h:
        return "cooperate"
    if "lanh dao" in h or "phu trach" in h and "co quan" not in h:
        return "leader"
    if "chu tri" in h or "trach nhiem" in h or h.startswith("co quan") or "don vi thuc hien" in h:
        return "lead"
    if "ghi chu" in h:
        return "note"
    if h in ("stt", "tt", "so tt", "so thu tu") or h.startswith("stt"):
        return "stt"
    if "don vi tinh" in h or "dvt" in words or h == "don vi":
        return "unit"
    if words & {"chieu", "huong"} and len(words) <= 4:
        return "direction"
    if "ke hoach" in h or "kh" in words or "muc tieu" in h or re.search(r"\bkh\d", h):
        return "target"
    if "thuc hien" in h or words & {"th", "uth", "uoc"} or "ket qua" in h or re.search(r"\bu?th\d", h) \
            or h.startswith("cung ky"):
        return "result"  # («Cùng kỳ năm 2025»: the same period's result of a year before: _is_year_before)
    if "chi tieu" in h and ("giao" in words or _YEAR.search(h)) or _PLAN_OF_RESOLUTION.search(h):
        return "target"  # "Chỉ tiêu giao năm 2026", "Chỉ tiêu Nghị quyết", "NQ HĐND giao", "Chỉ tiêu phấn đấu"
    if h.startswith(("so giao", "du toan")):
        return "target"
    if "chi tieu" in h or "noi dung" in h or h.startswith("ten "):
        return "name"
    return None


# A column named by the resolution that sets its figures is the plan, with «Chỉ tiêu» or «theo» before it or alone:
# «Chỉ tiêu Nghị quyết Đại hội VII», «Nghị quyết HĐND tỉnh năm 2024», «NQ HĐND giao», «NQ ĐH», «Theo Nghị quyết» (rev20
# R20-4: the last three were left unread, the report said «không có số kế hoạch»); so is «Chỉ tiêu phấn đấu / đăng ký».
# Never the resolution's own particulars: «Số nghị quyết», «Nghị quyết số» (no number after it), «Ngày ban hành NQ».
_PLAN_OF_RESOLUTION = re.compile(r"(?:^|\bchi tieu )(?:theo )?(?:nghi quyet|nq)\b(?! so\b(?! ?\d))"
                                 r"(?!.*\b(?:ngay\b(?! ?\d)|ban hanh\b|trich yeu\b|hieu luc\b))|\bchi tieu (?:phan dau|dang ky)\b")
_RATIO_LABEL = re.compile(r"\b(kh|th|uth|uoc th)\s*(\d*)\s*/\s*(kh|th|uth)")


def _is_ratio_label(h: str) -> bool:
    """'TH 2026/KH 2026', 'ƯTH2020/ƯTH2019', 'TH/KH': a comparison; 'ƯTH/ TH 2020' (estimate or actual) is not."""
    for m in _RATIO_LABEL.finditer(h):
        if m.group(2) or not ({m.group(1), m.group(3)} <= {"th", "uth", "uoc th"}):
            return True
    return False


_DATE_OR_DOC = re.compile(r"\d{1,2}/\d{1,2}/(?:19|20)\d\d|\bs[ốo]\s*\S+|\d+/(?:19|20)\d\d/\S+", re.I)


def _year_of(label: str) -> int | None:
    """The year a column is about: 'Kế hoạch năm 2026 (NQ số 25/NQ-HĐND ngày 10/12/2025)' -> 2026."""
    text = _DATE_OR_DOC.sub(" ", str(label))
    m = _YEAR.findall(text)
    return int(m[-1]) if m else None


_ONE_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# Units that count places, bodies or households: a bare percentage plan beside one is a share of them all («100%»
# of the communes), never a yearly rise (rev13 R4: «tăng bình quân 100%/năm» for «Số xã đạt chuẩn NTM», 100%).
_COUNTED = re.compile(r"^(?:xã|phường|thị trấn|thôn|bản|tổ dân phố|tổ|làng|trường|trạm|cơ sở|hộ|hộ gia đình|đơn vị|"
                      r"cơ quan|hợp tác xã|htx|doanh nghiệp|xã, phường|xã/phường|khu dân cư)$")
_BARE_PERCENT = re.compile(r"\s*\d{1,3}(?:[.,]\d+)?\s*%\s*")


def _share_of_all(text: str, unit: str) -> bool:
    """A plan written as a bare percentage («100%», «80 %») beside a unit that counts places or bodies (_COUNTED)."""
    return bool(_BARE_PERCENT.fullmatch(text)) and bool(_COUNTED.match(vtext.clean(unit).lower()))


def title_year(title_lines: list[str]) -> int | None:
    """The year a table's title names when its columns name none («CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2025» over «Kế
    hoạch», «Thực hiện»): the one year left once dates of signing and document numbers are set aside; None where
    the title names none or several («GIAI ĐOẠN 2021-2025», «… NĂM 2025 VÀ KẾ HOẠCH NĂM 2026»): never a guess."""
    if not title_lines:
        return None
    from kh_excel.core.periods import title_period_text  # (core.periods reads this module)
    years = set(_ONE_YEAR.findall(_DATE_OR_DOC.sub(" ", title_period_text(title_lines))))
    return int(years.pop()) if len(years) == 1 else None


def title_period(title_lines: list[str]) -> tuple[int, int] | None:
    """The period of several years a table's title names and no other year («KẾT QUẢ … 5 NĂM 2021-2025», «CÁC CHỈ
    TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025»), dates of signing and document numbers aside; None where it names none,
    or a year beside it («KẾ HOẠCH NĂM 2025 VÀ GIAI ĐOẠN 2021-2025»). The period's end named as what the goals reach
    is no other year: «CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2025» over «(Theo Nghị quyết Đại hội …, nhiệm kỳ 2020 - 2025)»
    is the term's (rev22 R22-5: read as no year, the plan was dated today's)."""
    if not title_lines:
        return None
    from kh_excel.core.periods import title_period_text  # (core.periods reads this module)
    text = _DATE_OR_DOC.sub(" ", title_period_text(title_lines))
    years = period_years(text)
    if years is None:
        return None
    rest = re.sub(rf"\b(?:den|toi)\s+(?:het\s+)?(?:nam\s+)?{years[1]}\b", " ", _YEARS_SPAN.sub(" ", text))
    if _ONE_YEAR.search(rest):
        return None
    return years


def _plan_rank(label: str) -> int:
    """A year's plan (Kế hoạch, KH, giao, dự toán, a resolution of the HĐND: «Nghị quyết HĐND tỉnh năm 2024») is the
    target before a long-term goal (Mục tiêu đến 2030, Nghị quyết Đại hội); two year's plans of one year are asked
    about, never one dropped unsaid (_rival_plans)."""
    h = _fold(label)
    if "ke hoach" in h or re.search(r"\bkh\b|\bgiao\b|du toan|\bhdnd\b", h):
        return 1
    return 0


@dataclass
class _Header:
    row: int                 # 0-based row of the (last) header row
    rows: list[int]          # 0-based rows that belong to the header
    columns: dict[str, int]
    labels: dict[str, str]
    latest_plan: bool = False                          # read for a plan document (_roles_of_labels)
    skip: frozenset[int] = frozenset()                 # plan columns not chosen (find_header)
    scope: set[int] | None = None                      # the columns of the group and period chosen (None: all)
    plans_left_out: list[tuple[int, str]] = field(default_factory=list)  # plans of other years not used (check names them)
    plan_by_formula: list[tuple[int, str]] = field(default_factory=list)  # rival plans, one chosen by the sheet's formulas
    result_by_formula: list[tuple[int, str]] = field(default_factory=list)  # rival results, one chosen likewise
    result_named: bool = False                         # --period/«Kỳ» named the result column itself
    result_kind: dict | None = None                    # an actual beside an estimate of one period (_actual_beside_estimate)
    groups: list[str] = field(default_factory=list)    # column groups seen (areas, sheets of figures)
    periods: list[str] = field(default_factory=list)   # periods seen (6 tháng, 9 tháng, cả năm)
    group: str | None = None                           # the group the figures are read from
    period: str | None = None
    left_out: list[tuple[str, int, dict[str, str]]] = field(default_factory=list)  # (finding code, column, params)
    outside: set[int] = field(default_factory=set)     # columns of the groups and periods not read
    part: str | None = None                            # the part of a breakdown read (its total by default)
    actual_before_plan: tuple[int, int, str, int, str] | None = None  # (plan year, column, label, actuals' year, why)
    previous_kind: dict | None = None                  # the year before's actual beside its estimate (_previous_actual)
    period_results: list[tuple[int, str]] = field(default_factory=list)  # results of the other periods (other_periods)


def _cell(rows: list[list[Any]], r: int, c: int) -> Any:
    if r < 0 or r >= len(rows):
        return None
    row = rows[r]
    return row[c] if c < len(row) else None


def _is_blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _roles_of_labels(labels: list[Any], latest: bool = False, skip: frozenset[int] = frozenset(),
                     hidden: frozenset[int] = frozenset()) -> dict[str, tuple[int, str]]:
    """Roles found in one row of labels: role -> (column, label).

    A plan or result column in `hidden` (hidden in the sheet) is a candidate only when no visible column of
    its role and year stands beside it; any other role's visible column is taken before a hidden one.

    Several plan or result columns (KH 2025, TH 2025, KH 2026, ƯTH 2026) are paired
    by year: the latest year that has both a plan and a result is evaluated, an
    older result is the previous year; without such a pair the latest plan is the
    target and older results are the previous year. `latest` (a plan document: docs.kinds, not a report): the
    plan of the year after the latest result's is the target, else the latest year planned, whatever results stand
    beside it; the estimate is its year before («Kế hoạch năm 2025 | Ước thực hiện năm 2025 | Kế hoạch năm 2026»:
    the plan of 2026). `skip`: plan
    columns not chosen (--period naming another plan, the sheet's own comparison formula: _rival_plans).
    """
    found: dict[str, tuple[int, str]] = {}
    results: list[tuple[int, str, int | None]] = []
    targets: list[tuple[int, str, int | None]] = []
    prior: list[tuple[int, str]] = []  # results of a year before naming no year («Cùng kỳ năm trước»)
    for c, v in enumerate(labels):
        if not isinstance(v, str) or c in skip:
            continue
        role = header_role(v)
        if role is None or role in ("computed", "code"):
            continue
        lab = vtext.clean(v)
        if role == "result" and _year_of(lab) is None and _is_year_before(lab):
            prior.append((c, lab))  # «TH cùng kỳ năm trước»: never the result, whatever stands beside it
        elif role == "result":
            results.append((c, lab, _year_of(lab)))
        elif role == "target":
            targets.append((c, lab, _year_of(lab)))
        elif role == "unit" and "unit" in found \
                and {_fold(found["unit"][1]), _fold(lab)} & {"don vi"} and _fold(found["unit"][1]) != _fold(lab):
            # «Đơn vị» beside «Đơn vị tính»: «Đơn vị tính» is the unit; the bare one lists the units of a department's
            # table (communes, hospitals, schools), its name column where it has none (rev13 b1), else a column of
            # places left unread (rev14 F-K: «Nội dung | Đơn vị | Đơn vị tính» read «đạt 1.000 xã Tả Phìn»)
            bare, other = (found["unit"], (c, lab)) if _fold(found["unit"][1]) == "don vi" else ((c, lab), found["unit"])
            found["unit"] = other
            if "name" not in found:
                found["name"] = bare
        elif role not in found or (found[role][0] in hidden and c not in hidden):
            found[role] = (c, lab)
    if hidden:
        results, targets = _visible_first(results, hidden), _visible_first(targets, hidden)
    if targets:
        every = targets
        top = max(_plan_rank(t[1]) for t in targets)
        targets = [t for t in targets if _plan_rank(t[1]) == top]
        result_years = {y for _, _, y in results}
        paired = [t for t in targets if t[2] is not None and t[2] in result_years] or [
            # a goal of the results' own period where no plan is («Giai đoạn 2021-2025» over «Mục tiêu Nghị quyết»,
            # «Ước thực hiện», beside «Năm 2026» over «Kế hoạch»): a period's figure judged against the period's goal
            t for t in every if (p := period_years(t[1])) is not None
            and any(period_years(lab) == p for _, lab, _ in results)]
        if latest:  # the year after the latest result's, where the table plans it (a five-year table's 2021 beside
            # «ƯTH 2020», not its 2025), else the period that starts then («Mục tiêu giai đoạn 2026-2030» beside
            # «Ước thực hiện năm 2025», of any kind); else the latest year planned
            after = max((y for y in result_years if y is not None), default=None)
            paired = [t for t in targets if after is not None and t[2] == after + 1 and period_years(t[1]) is None]
            if not paired and after is not None:
                paired = [t for t in every if (p := period_years(t[1])) is not None and p[0] == after + 1]
        if paired:
            target = max(paired, key=lambda t: (_plan_rank(t[1]), t[2]))
        else:  # no plan of a result's year: a year's plan before a period's (a five-year table's «Kế hoạch năm
            # 2026» before its «Kế hoạch giai đoạn 2026-2030»: a 2030 plan is no year's after the results)
            target = max(targets, key=lambda t: (period_years(t[1]) is None, t[2] or 0))
        found["target"] = target[:2]
        year = target[2]
        # a period's figure («Ước thực hiện giai đoạn 2021-2025») is never a year's: neither judged against one
        # year's plan nor the previous year's column
        of_years = [x for x in results if period_years(x[1]) is None]
        # … but a plan that names no year nor the year («Chỉ tiêu Nghị quyết Đại hội VII», never «Kế hoạch năm»)
        # beside results of a period only («Ước thực hiện giai đoạn 2021-2025») is that period's goal (rev18 R18-2:
        # the period's column was left unread, the table judged nothing)
        period_goal = period_years(target[1]) is not None or (
            year is None and not of_years and not _YEARLY_WORD.search(_fold(target[1])))
        current = [x for x in (results if period_goal else of_years)
                   if year is None or x[2] is None or x[2] == year]
        later = [x for x in of_years if year is not None and x[2] is not None and x[2] > year]
        older = [x for x in of_years if year is not None and x[2] is not None and x[2] < year]
        if current:
            same = [x for x in current if x[2] is not None] or current
            # a period's goal pairs with the period's own column before its last year's («Mục tiêu Kế hoạch 5 năm
            # 2021-2025 | … Ước 2025 | Ước thực hiện giai đoạn 2021-2025», rev22 R22-14); a year's plan with neither
            own = period_years(target[1])
            best = max(range(len(same)), key=lambda i: (own is not None and period_years(same[i][1]) == own,
                                                        _result_preference(same[i][1]), i))
            found["result"] = same[best][:2]
        elif later:
            found["result"] = min(later, key=itemgetter(2))[:2]
        if older:  # the latest year before; of it, the year's estimate before a part of the year
            found["previous"] = max(older, key=lambda x: (x[2], _result_preference(x[1])))[:2]
    elif results:
        # Results only: the latest year's is the result, the one before it the previous year (TH 2023, ƯTH 2024).
        newest = max((y for _, _, y in results if y is not None), default=None)  # (`latest` is the parameter)
        same = [x for x in results if x[2] is None or x[2] == newest]
        best = max(range(len(same)), key=lambda i: (_result_preference(same[i][1]), i))
        found["result"] = same[best][:2]
        older = [x for x in results if newest is not None and x[2] is not None and x[2] < newest]
        if older:
            found["previous"] = max(older, key=itemgetter(2))[:2]
    if prior and "previous" not in found:
        shown = [p for p in prior if p[0] not in hidden] or prior
        found["previous"] = shown[0]
    return found


_YEAR_BEFORE = re.compile(r"\bcung ky\b|\bnam (truoc|ngoai)\b")
# A plan's words that it is one year's, naming no number («Kế hoạch năm», «KH hằng năm», «Chỉ tiêu năm nay»)
_YEARLY_WORD = re.compile(r"\bnam\b")


def _is_year_before(label: str) -> bool:
    """A result column of the year before that names no year: «TH cùng kỳ năm trước», «Cùng kỳ», «Thực hiện năm
    trước» (rev11 D23: «TH cùng kỳ năm trước» was read as the table's result, the year before's figures stated as
    this year's)."""
    return bool(_YEAR_BEFORE.search(_fold(label)))


def _visible_first(candidates: list[tuple[int, str, int | None]], hidden: frozenset[int]) -> list[tuple[int, str, int | None]]:
    """Plan or result columns without the hidden ones that a visible column of the same year stands beside."""
    shown = {y for c, _, y in candidates if c not in hidden}
    return [x for x in candidates if x[0] not in hidden or x[2] not in shown]


def _header_score(roles: dict[str, Any]) -> int:
    return len(roles) + (2 if "name" in roles else 0) + (1 if "target" in roles else 0)


def _fill_merged_header(rows: list[list[Any]], merged: list[tuple[int, int, int, int]], r: int, width: int) -> list[Any]:
    """Labels of row r with merged header cells spread over their columns."""
    labels = [_cell(rows, r, c) for c in range(width)]
    for r1, c1, r2, c2 in merged:
        if r1 <= r <= r2:
            anchor = _cell(rows, r1, c1)
            for c in range(c1, min(c2 + 1, width)):
                if _is_blank(labels[c]):
                    labels[c] = anchor
    return labels


def _a_year_under(top: list[Any], c: int, v: Any) -> bool:
    """A bare year («2021», 2024) under a label («Thực hiện» merged over the years of a five-year table): the
    column's year, a header cell, never a figure."""
    if isinstance(v, bool) or not isinstance(v, (int, float, str)) or c >= len(top) or _is_blank(top[c]):
        return False
    text = str(int(v)) if isinstance(v, (int, float)) and float(v).is_integer() else str(v).strip()
    return bool(re.fullmatch(r"(?:19|20)\d\d", text)) and isinstance(top[c], str) and header_role(top[c]) in ("result", "target")


def _continuation(rows: list[list[Any]], merged: list, r: int, width: int, top: list[Any]) -> list[Any] | None:
    """Row r+1 when it continues the header of row r: short labels only, no numbers, not a section row."""
    nxt = _fill_merged_header(rows, merged, r + 1, width)
    cells = [(c, v) for c, v in enumerate(nxt) if v is not None and v != ""]
    if not cells or _is_number_row(nxt):
        return None
    if any(not _a_year_under(top, c, v) and (not isinstance(v, str) or len(v) > 60 or sum(ch.isalpha() for ch in v) < 2)
           for c, v in cells):
        return None  # numbers, "1", "%", "-": a data row
    first = vtext.clean(cells[0][1]).rstrip(".").upper()
    if _ROMAN.match(first) or (len(first) == 1 and first.isalpha()):
        return None  # "I | CÁC CHỈ TIÊU …": the first section, not a header row
    return nxt


def find_header(grid: Grid, group: str | None = None, period: str | None = None, latest_plan: bool = False,
                skip: frozenset[int] = frozenset()) -> _Header:
    """The header row(s): the row, or pair of rows, whose labels name the most column roles.

    A pair is a two-row header: a group label over sub-labels ("Năm 2026" over "Kế hoạch",
    "Ước thực hiện"), or labels broken over two rows ("Đơn vị" / "tính"), merged or not.
    `latest_plan`: read for a plan document (the latest year planned: _roles_of_labels). `period` may name a plan
    column instead of a period of results («KH giao đầu năm»); two plan columns of one period are never chosen
    between silently (_rival_plans). `skip`: plan columns left out by either.
    """
    rows = grid.rows
    width = max((len(r) for r in rows[:HEADER_SCAN_ROWS + 2]), default=0)
    best: tuple[int, list[int], dict] | None = None
    best_any: dict = {}  # for the message when no header is found

    def _roles_of_row(labels: list[Any], hidden: frozenset[int] = frozenset()) -> dict[str, tuple[int, str]]:
        return _roles_of_labels(labels, latest_plan, skip, hidden)

    for r in range(min(HEADER_SCAN_ROWS, len(rows))):
        top = _fill_merged_header(rows, grid.merged, r, width)
        roles = _roles_of_row(top, grid.hidden_columns)
        header_rows = [r]
        nxt = _continuation(rows, grid.merged, r, width, top) if len(roles) >= 2 else None  # titles pair with nothing
        if nxt is not None:
            pair = _roles_of_row(_combine_labels(top, nxt), grid.hidden_columns)
            under_labels = all(not _is_blank(top[c]) for c, v in enumerate(nxt) if not _is_blank(v))
            filled = sum(1 for v in nxt if not _is_blank(v))
            fragments = not any(isinstance(v, str) and _is_upper_title(v) for v in nxt)  # "tính", not "KINH TẾ"
            if _header_score(pair) > _header_score(roles) or (
                    _header_score(pair) == _header_score(roles) and under_labels and filled >= 2 and fragments and pair):
                roles, header_rows = pair, [r, r + 1]
        if len(roles) > len(best_any):
            best_any = roles
        if "name" not in roles and "target" not in roles:
            continue
        score = _header_score(roles)
        if best is None or score > _header_score(best[2]):
            best = (r, header_rows, roles)
        if score >= 5 and _is_table_header(roles):
            break
    if best is None or not _is_table_header(best[2]):
        found = {k: v[1] for k, v in (best[2] if best and len(best[2]) >= len(best_any) else best_any).items()}
        raise HeaderNotFound(grid.sheet, found, [r for r in ("stt", "name", "unit", "target", "lead") if r not in found])
    r, header_rows, roles = best
    # The best row may be the lower row of a two-row header whose cells are merged down over it.
    if len(header_rows) == 1 and r > 0 and any(r1 <= r - 1 and r2 >= r for r1, _c1, r2, _c2 in grid.merged):
        header_rows.insert(0, r - 1)
        roles = _roles_of_row(_combine_labels(_fill_merged_header(rows, grid.merged, r - 1, width),
                                              _fill_merged_header(rows, grid.merged, r, width)), grid.hidden_columns)
    # Header cells merged down below the rows found ("So sánh %" over "TH/KH" on a third row) are header too.
    last = header_rows[-1]
    below = max((r2 for r1, _c1, r2, _c2 in grid.merged if header_rows[0] <= r1 <= last and last < r2 <= last + 3),
                default=last)
    header_rows.extend(range(last + 1, below + 1))
    header = _Header(row=header_rows[-1], rows=header_rows, columns={k: v[0] for k, v in roles.items()},
                     labels={k: v[1] for k, v in roles.items()}, latest_plan=latest_plan, skip=skip)
    labels = _column_labels(grid, header_rows, width)
    if period and not skip:
        named = _plan_named(grid.sheet, labels, period)
        if named is not None:  # «--period "KH giao đầu năm"»: that plan, every other plan column left out
            others = frozenset(c for c, lab in labels.items() if c != named and header_role(lab) == "target")
            return find_header(grid, group, None, latest_plan, others)
    _choose_group(grid, header, width, group, period)
    _hidden_left_out(grid, header, width)
    _result_of_term(grid, header, labels, _title_lines(rows, header.rows[0]))
    # two results, or two plans, of one period and group: the one the sheet's comparison divides, else asked
    for rivals, refused, said in (([] if header.result_named else _rival_results(grid, header, labels, width),
                                   ResultAmbiguous, "result_by_formula"),
                                  (_rival_plans(header, labels), PlanAmbiguous, "plan_by_formula")):
        if refused is PlanAmbiguous and rivals:
            # a plan-named column with no figure («Nghị quyết HĐND»: «12/NQ-HĐND», the resolution's number) is no
            # rival: no judgement can turn on it (rev21 REG-5: a sound table was refused)
            rivals = [c for c in rivals if c == header.columns["target"] or _has_figures(rows, c, header.row + 1)]
            rivals = rivals if len(rivals) > 1 else []
        if not rivals:
            continue
        formulas = _formula_columns(grid, header, rivals, labels)
        chosen = _plan_of_formulas(formulas)
        if chosen is None:
            raise refused(grid.sheet, [(labels[c], _columns_text([c])) for c in rivals],
                          _own_comparisons(formulas, rivals, labels))
        taken = find_header(grid, group, period, latest_plan, skip | frozenset(c for c in rivals if c != chosen))
        setattr(taken, said, [(c, labels[c]) for c in rivals])  # said: check and every document name the choice
        return taken
    header.plans_left_out = _plans_left_out(header, labels)
    _actual_before_plan(header, _title_lines(rows, header.rows[0]))
    _previous_actual(grid, header, labels)
    last = header.rows[-1]
    if _is_number_row([_cell(rows, last + 1, c) for c in range(width)]):
        header.rows.append(last + 1)
        header.row = last + 1
    _results_left_out(grid, header, labels)
    _unlabelled_stt(grid, header, labels)
    _columns_not_understood(grid, header, labels)
    _goals_left_out(grid, header, labels)
    return header


# What an STT cell numbers a row with besides a plain number (_INT_STT): a section's numeral («I», «II.»), a letter
# («a», «b)»), a numbered part («1.1», «2.3.»), a sub-row's mark («-», «+», «*»)
_STT_MARK = re.compile(r"^(?:[IVXLC]+|[a-zđ]|\d{1,3}(?:\.\d{1,3})+|[-+*•–])[.)]?$", re.IGNORECASE)


def _unlabelled_stt(grid: Grid, header: _Header, labels: dict[int, str]) -> None:
    """The STT column of a table that left its header blank (R20-9: the Bộ's table, A3 empty over 1…4): the
    nearest column left of the name column whose header is blank and whose cells, on the rows that name something,
    are row numbers and numerals only, their numbers a run from 1 (each the one before plus one, or 1 again under a
    new section), two at least (2, 3, 4, 5 may as well be figures: rev21 N-4). A blank-headed column of figures (15.894, 58,2) is no run: never taken."""
    if "stt" in header.columns or "name" not in header.columns:
        return
    c_name, taken = header.columns["name"], set(header.columns.values())
    body = [row for row in grid.rows[header.row + 1:] if c_name < len(row) and not _is_blank(row[c_name])]
    for c in range(c_name - 1, -1, -1):
        if c in taken or c in grid.hidden_columns or not _is_blank(labels.get(c)):
            continue
        numbers: list[int] = []
        filled = False
        for row in body:
            v = row[c] if c < len(row) else None
            if _is_blank(v):
                continue
            filled = True
            if v.__class__ is int or v.__class__ is float and v.is_integer() and 0 < v < 1e6:
                numbers.append(int(v))
            elif isinstance(v, str) and (m := _INT_STT.match(v.strip())) is not None:
                numbers.append(int(m.group(1)))
            elif not (isinstance(v, str) and _STT_MARK.match(v.strip())):
                numbers = []
                break
        if not filled:
            continue  # an empty spacer column
        if len(numbers) >= 2 and numbers[0] == 1 and all(b in (a + 1, 1) for a, b in zip(numbers, numbers[1:])):
            header.columns, header.labels = {"stt": c, **header.columns}, {"stt": "", **header.labels}
        return  # (only the nearest blank-headed column with cells is weighed: one left of it is no STT of these rows)


def _result_of_term(grid: Grid, header: _Header, labels: dict[int, str], title_lines: list[str]) -> None:
    """A term's result beside the term's goal: under a title naming a period of years and no other year («KẾT QUẢ …
    NHIỆM KỲ 2020-2025»), a plan that is the goal up to the period's end («Mục tiêu đến năm 2025»: core.periods.
    goal_up_to, as the plan documents already read it) judges the result column of that period («Ước thực hiện giai
    đoạn 2020-2025»), which _roles_of_labels, blind to the title, left out as no year's (rev19 N-1: the report and
    the notice were refused «không có cột kết quả thực hiện»).

    A result of the period starting one year later or earlier with the same end («Ước thực hiện giai đoạn 2021-2025»
    under «NHIỆM KỲ 2020-2025») is paired too: a Party congress held in 2020 sets, for its term 2020-2025, the goals
    of the State's five-year plan 2021-2025, written «đến năm 2025»; a goal reached by a year is the same goal from
    whichever first year the period is counted, and both figures stand at its end. The documents then name each
    period as the table writes it (the column's «giai đoạn 2021-2025» for its figures), never the other's years.
    Never paired: a result of one year («Thực hiện năm 2024»: no plan of 2024), a period ending another year, a
    year's plan («Kế hoạch năm 2025»), a hidden column; two of one kind are refused naming both, as two results of
    one year are. Where _roles_of_labels read a year's figure beside a goal of no year («Chỉ tiêu Nghị quyết Đại hội
    VII | Thực hiện năm 2023 | Ước thực hiện giai đoạn 2021-2025»), the term's result replaces it: one year is judged
    against no goal of a period; so is the end year's («Ước thực hiện năm 2025»): the period's goal pairs with the
    period's own figure (rev22 R22-14: the two were refused as «2 cột kết quả cùng kỳ»). A year's figure stays where
    the table has no column of the period with entries (figures, or words such as «Khoảng 6,3»)."""
    cols = header.columns
    if "target" not in cols or header.result_named:
        return
    term = title_period(title_lines)
    plan = header.labels["target"]
    if term is None or period_years(plan) is not None:
        return
    if "result" in cols:  # a year's figure before the term's end («Thực hiện năm 2023») was read beside a goal of no
        # year: no yardstick of one year; the term's own result, where the table has one, is what the goal judges
        year = _year_of(header.labels["result"])
        if period_years(header.labels["result"]) is not None or year is None or year > term[1]:
            return
    from kh_excel.core.periods import goal_up_to
    if not goal_up_to(plan, term[1]):
        return
    taken = set(cols.values()) | header.outside | set(header.skip)
    found = [c for c, lab in sorted(labels.items())
             if c not in taken and c not in grid.hidden_columns and header_role(lab) == "result"
             and (header.scope is None or c in header.scope)
             and (years := period_years(lab)) is not None and years[1] == term[1] and abs(years[0] - term[0]) <= 1
             and _has_entries(grid.rows, c, header.row + 1)]
    if not found:
        return
    # as among a year's results: the estimate first, an actual beside it read once it has figures; two of one kind
    # are rivals, refused naming both unless the sheet's formulas choose (find_header)
    c = max(found, key=lambda c: (_result_preference(labels[c]), c))
    cols["result"], header.labels["result"], header.result_kind, header.period = c, labels[c], None, None
    _actual_beside_estimate(grid, header, found, labels)
    _previous_of_same_period(header, labels)  # a period's figure compared with no single year («Thực hiện năm 2023»)


# A comparison's header the reader needs not read (the figures are computed from the plan and the result): «Tăng,
# giảm (%)», «Chênh lệch», «Tỷ lệ», «Tốc độ tăng», «+/-».
_COMPARISON_WORDS = re.compile(r"%|\+|\btang\b|\bgiam\b|\bchenh lech\b|\bty le\b|\btoc do\b|\bbang\b")


def _columns_not_understood(grid: Grid, header: _Header, labels: dict[int, str]) -> None:
    """A column of figures right of the name whose header names no role («Nghị quyết HĐND tỉnh» before rev20, a
    typing slip, a word no rule knows) is said (column_not_understood), never left out silently (rev20 R20-4: the
    plan column was unread and the report said «không có số kế hoạch»). Comparisons, hidden columns, columns of other
    groups or periods, and the parts of the result's period beside it («Quý I | Quý II | Quý III» beside «Thực hiện
    9 tháng») are no figures of the table's own to read."""
    cols = header.columns
    taken = set(cols.values()) | header.outside | set(header.skip) | {c for _, c, _ in header.left_out}
    if not any(k in cols for k in ("target", "result")):
        return
    from kh_excel.core.validation import col_letter
    for c, lab in sorted(labels.items()):
        h = _fold(lab)
        if c <= cols["name"] or c in taken or c in grid.hidden_columns or not h or header_role(lab) is not None \
                or (header.scope is not None and c not in header.scope) or _COMPARISON_WORDS.search(h) \
                or h.startswith(_PROSE_STARTS) or "result" in cols and period_months(lab) \
                or not _has_figures(grid.rows, c, header.row + 1):
            continue
        why = ("bảng không có cột kế hoạch nào khác được đọc, nên văn bản sẽ ghi các chỉ tiêu là «không có số kế "
               "hoạch»" if "target" not in cols else
               "bảng không có cột kết quả nào khác được đọc" if "result" not in cols else "")
        header.left_out.append(("column_not_understood", c, {"label": lab, "column": col_letter(c),
                                                              "why": f" ({why})" if why else ""}))


def _goals_left_out(grid: Grid, header: _Header, labels: dict[int, str]) -> None:
    """A plan column with figures beside the plan read that nothing else names (a goal of no year or of a later end,
    «Mục tiêu», «Mục tiêu đến năm 2030», beside «Kế hoạch năm 2026»: the year's plan is read, _plan_rank) is said
    (goal_left_out), never left out silently: the table carries it, no document states it. Plans of other years and
    periods (plan_left_out), rivals chosen by formulas or --period, hidden columns and other groups are said
    elsewhere or chosen by the person."""
    cols = header.columns
    if "target" not in cols:
        return
    from kh_excel.core.validation import col_letter
    taken = (set(cols.values()) | header.outside | set(header.skip) | {c for _, c, _ in header.left_out}
             | {c for c, _ in header.plans_left_out})
    plan = header.labels["target"]
    for c, lab in sorted(labels.items()):
        if c in taken or c in grid.hidden_columns or header_role(lab) != "target" \
                or (header.scope is not None and c not in header.scope) or not _has_targets(grid.rows, c, header.row + 1):
            continue
        why = (" (cột kế hoạch, chỉ tiêu giao hay dự toán được lấy trước cột mục tiêu)"
               if _plan_rank(plan) > _plan_rank(lab) else "")
        header.left_out.append(("goal_left_out", c, {"label": lab, "column": col_letter(c), "why": why,
                                                      "taken": f"cột {col_letter(cols['target'])} «{plan}»"}))


def _has_targets(rows: list[list[Any]], c: int, first: int) -> bool:
    """Does column c hold a figure or a target the plan reader reads («Trên 80», «Duy trì 100») below the header?"""
    if _has_figures(rows, c, first):
        return True
    from kh_excel.core.numbers import parse_target
    return any(isinstance(v, str) and v.strip() and parse_target(v).value is not None
               for v in (_cell(rows, r, c) for r in range(first, min(len(rows), first + 400))))


def _results_left_out(grid: Grid, header: _Header, labels: dict[int, str]) -> None:
    """Result columns with figures that no plan read is of, where the table's result is none of them (a period's
    «Ước thực hiện giai đoạn 2021-2025» beside «Kế hoạch năm 2026»): said (result_left_out), never left out silently
    (rev18 R18-2: check said «0 lỗi» of a table whose only figures were in such a column). A plan document's
    plan of a later year than the column's needs no result: not said there. Beside a year's result read against a
    year's plan, a period's column ending that year («Thực hiện Ước 2025» | «Ước thực hiện giai đoạn 2021-2025» under
    «Kế hoạch năm 2025», rev22 R22-14: once refused as two results of one period) is said too."""
    cols = header.columns
    if "target" not in cols:
        return
    read = header.labels.get("result")
    if read is not None and (period_years(read) is not None or _year_of(read) is None):
        return
    from kh_excel.core.validation import col_letter
    plan, taken = header.labels["target"], set(cols.values()) | header.outside | set(header.skip)
    plan_year = _year_of(plan)
    for c, lab in sorted(labels.items()):
        if c in taken or c in grid.hidden_columns or header_role(lab) != "result" or _is_year_before(lab) \
                or (header.scope is not None and c not in header.scope) \
                or not (_has_figures if read is None else _has_entries)(grid.rows, c, header.row + 1):
            continue
        year, years = _year_of(lab), period_years(lab)
        if read is not None and (years is None or years[1] != _year_of(read)):
            continue
        if header.latest_plan and year is not None and plan_year is not None and year < plan_year:
            continue
        why = (f"cột ghi số của giai đoạn {years[0]}-{years[1]}, còn cột kế hoạch {col_letter(cols['target'])} "
               f"«{plan}» không ghi giai đoạn đó" if years else
               f"cột kế hoạch {col_letter(cols['target'])} «{plan}» không cùng kỳ với cột này")
        example = f"Chỉ tiêu giai đoạn {years[0]}-{years[1]}" if years else \
            f"Kế hoạch năm {year}" if year else "Kế hoạch"
        header.left_out.append(("result_left_out", c, {"label": lab, "column": col_letter(c), "why": why,
                                                        "plan": plan, "example": example}))


# A title that names a plan (folded), and the words of one that reports results instead («KẾT QUẢ THỰC HIỆN KẾ
# HOẠCH …», «BÁO CÁO TÌNH HÌNH …», «ƯỚC THỰC HIỆN …»)
_PLAN_TITLE = re.compile(r"\bke hoach\b")
_RESULTS_TITLE = re.compile(r"\b(?:ket qua|thuc hien|danh gia|tinh hinh|bao cao|uoc|so ket|tong ket)\b")


# A title naming the year of the actuals, then a later year of the plan («… THỰC HIỆN NĂM 2026 VÀ KẾ HOẠCH PHÁT TRIỂN …
# NĂM 2027», folded): the columns beneath that name no year are those two years'
_ACTUAL_THEN_PLAN = re.compile(r"\b(?:uoc )?thuc hien\b.*?\b((?:19|20)\d\d)\b.*?\bke hoach\b.*?\b((?:19|20)\d\d)\b")


def _actual_before_plan(header: _Header, title_lines: list[str]) -> None:
    """A plan's table for one year («KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026») whose columns name no year, its
    «Thực hiện» left of its «Kế hoạch»: the actual the plan builds on, the year before's, never the plan year's result
    (rev14 D7: «0/3 chỉ tiêu đạt» of 2026 for last year's figures); so is the «Thực hiện» of a title naming the actuals'
    year and then a later plan's («… THỰC HIỆN NĂM 2026 VÀ KẾ HOẠCH … NĂM 2027», rev17 N-1), wherever it stands. Read
    as the previous year's column, said (actual_before_plan); a column naming its year, or named by --period, is read
    as it says."""
    cols, labels = header.columns, header.labels
    if header.result_named or "previous" in cols or "result" not in cols or "target" not in cols \
            or _year_of(labels["result"]) is not None \
            or _year_of(labels["target"]) is not None or period_years(labels["target"]) is not None:
        return
    from kh_excel.core.periods import title_period_text
    title = title_period_text(title_lines)
    pair = _ACTUAL_THEN_PLAN.search(title)
    if pair and int(pair.group(1)) < int(pair.group(2)):
        before, year = int(pair.group(1)), int(pair.group(2))
        why = f"tiêu đề ghi thực hiện năm {before} và kế hoạch năm {year}"
    else:
        titled = title_year(title_lines)
        if titled is None or cols["result"] > cols["target"] or not _PLAN_TITLE.search(title) \
                or _RESULTS_TITLE.search(title):
            return
        year, before = titled, titled - 1
        why = f"cột «{labels['result']}» đứng trước cột «{labels['target']}»"
    header.actual_before_plan = (year, cols["result"], labels["result"], before, why)
    cols["previous"], labels["previous"] = cols.pop("result"), labels.pop("result")
    header.result_kind = None  # (an actual beside an estimate: both the year before's now)


PEEK_ROWS = HEADER_SCAN_ROWS + 60  # the rows of a sheet looked at to tell whether it holds a table (holds_table)


def holds_table(grid: Grid) -> bool:
    """Does the sheet hold an indicator table: a header (find_header, no parse of its rows) and, among the first
    PEEK_ROWS rows below it, a row with a name and a plan or result? Cheap enough for every sheet of a workbook of
    200 (api: other sheets not read); a blank form (a header alone) is no table to name."""
    try:
        header = find_header(grid)
    except HeaderNotFound:
        return False
    except GroupNotFound:
        return True  # a header whose columns need choosing: a table all the same
    cols = header.columns
    figures = [cols[k] for k in ("target", "result") if k in cols]
    c_name = cols["name"]
    for row in grid.rows[header.row + 1:header.row + 1 + PEEK_ROWS]:
        if c_name < len(row) and not _is_blank(row[c_name]) \
                and any(c < len(row) and not _is_blank(row[c]) for c in figures):
            return True
    return False


def _hidden_left_out(grid: Grid, header: _Header, width: int) -> None:
    """Say which hidden plan or result column was left out for a visible one of the same year."""
    if not grid.hidden_columns:
        return
    from kh_excel.core.validation import col_letter
    from kh_excel.core.periods import label_span  # (the second half is no «6 tháng» of the first)
    labels = _column_labels(grid, header.rows, width)
    taken = set(header.columns.values()) | header.outside  # another commune's or period's columns are no rival
    for c in sorted(c for c in grid.hidden_columns if c < width and c not in taken):
        label = labels[c]
        role = header_role(label)
        chosen = header.columns.get(role) if role == "target" or role == "result" else None
        if (role is None or chosen is None or chosen in grid.hidden_columns or _year_of(label) != _year_of(header.labels[role])
                or label_span(label) != label_span(header.labels[role])):
            continue
        header.left_out.append(("hidden_column_left_out", c, {"label": label, "column": col_letter(c),
                                                               "chosen": header.labels[role],
                                                               "chosen_column": col_letter(chosen)}))


# Column groups: a merged header cell over several columns names an area (Toàn huyện, each commune) or
# a sheet of figures (TỔNG HỢP / SẢN LƯỢNG); a period (6 tháng, 9 tháng, cả năm) is a group of its own kind.
_PERIOD_LABEL = re.compile(r"\b(\d{1,2}) thang\b|\bquy\s+([ivx]+|\d)\b|\bca nam\b")
_WHOLE_AREA = re.compile(r"^(?:(?:toan|ca|chung) (?:tinh|huyen|thanh pho|tp|thi xa|quan|xa|phuong|thi tran)|tong so|tong cong|"
                         r"tong hop|tong|cong|chung)\b")
_YEAR_WORDS = re.compile(r"(?:19|20)\d\d|\b(?:nam|giai doan|gd|thoi ky|ky)\b")


class GroupNotFound(Exception):
    """--group/--period names no group of the sheet; `available` lists what there is."""

    def __init__(self, sheet: str, kind: str, wanted: str, available: list[str]):
        self.sheet, self.kind, self.wanted, self.available = sheet, kind, wanted, available
        what = "nhóm cột" if kind == "group" else "kỳ"
        if available:
            there = ", ".join(f"«{a}»" for a in available)
            super().__init__(f"trang «{sheet}» không có {what} nào khớp với «{wanted}»; {what} hiện có: {there}.")
        else:
            split = ("theo nhóm (Toàn huyện, từng xã …)" if kind == "group" else "theo kỳ (6 tháng, 9 tháng, cả năm …)")
            super().__init__(f"trang «{sheet}» không chia cột {split} nên không có {what} nào khớp với «{wanted}»; "
                             f"bỏ lựa chọn {what} để đọc bảng như hiện có.")


class GroupAmbiguous(GroupNotFound):
    """--group/--period (or «Nhóm cột»/«Kỳ» of the settings) designates several columns of the sheet: asked, never
    guessed. `matches` holds (label, columns) of each, columns as letters («E», «D:E»). A GroupNotFound, so every
    caller that reports a choice that fails reports this one too."""

    # kind -> (what is chosen, the several it matched, the option, the settings row)
    WORDS = {"group": ("nhóm cột", "nhóm cột khớp với", "--group", "Nhóm cột"),
             "period": ("kỳ", "cột khớp với kỳ", "--period", "Kỳ")}

    def __init__(self, sheet: str, kind: str, wanted: str, matches: list[tuple[str, str]]):
        self.sheet, self.kind, self.wanted, self.available, self.matches = sheet, kind, wanted, [], matches
        what, matched, option, row = self.WORDS[kind]
        listed = ", ".join(f"cột {cols} «{label}»" for label, cols in matches)
        folded = [vtext.fold(label) for label, _ in matches]
        unique = [label for (label, _), f in zip(matches, folded) if folded.count(f) == 1]
        if unique:
            how = (f"hãy ghi {what} rõ hơn ({option}, hoặc mục «{row}» của trang «Cấu hình văn bản» nếu {what} được "
                   f"ghi ở đó), ví dụ ghi đủ tên «{unique[-1]}»")
        elif kind == "period":  # the same label over each: their letters tell them apart («cột F», _COLUMN_NAMED)
            how = (f"các cột này cùng tên: hãy chọn theo chữ cái của cột ({option}, hoặc mục «{row}» của trang «Cấu "
                   f"hình văn bản»), ví dụ «cột {matches[-1][1]}», hoặc sửa tên cột trong bảng cho khác nhau")
        else:  # the same label over each of them: no text tells them apart
            how = "các cột này cùng tên, hãy sửa tên cột trong bảng cho khác nhau rồi chọn lại"
        Exception.__init__(self, f"trang «{sheet}» có {len(matches)} {matched} «{wanted}»: {listed}; "
                                 f"chương trình không tự chọn một trong số đó: {how}.")


class PlanOfOtherPeriod(GroupAmbiguous):
    """The result column taken (by default, --period or «Kỳ») has no plan of its own period beside it and is no part
    of the year to set against the year's plan as progress: never judged against another period's plan (a year's
    estimate against «Kế hoạch 6 tháng năm 2026» read «Vượt 224%»). A GroupAmbiguous: every caller refuses it as it
    refuses a choice of several columns, and reads no other sheet. `result` and `plans` are (label, letters, span);
    `others` the labels of result columns that have a plan of their own period (a choice to suggest)."""

    def __init__(self, sheet: str, result: tuple[str, str, int | None], plans: list[tuple[str, str, int]],
                 others: tuple[str, ...] = ()):
        from kh_excel.core.periods import label_span, span_words
        self.sheet, self.kind, self.wanted, self.available = sheet, "period", "", []
        self.matches = [(label, cols) for label, cols, _ in [result, *plans]]
        label, cols, span = result
        listed = ", ".join(f"cột {c} «{lab}» ({span_words(sp)})" for lab, c, sp in plans)
        if span is None:
            why = (f"cột kết quả {cols} «{label}» không ghi kỳ (6 tháng, cả năm …) mà bảng có kế hoạch của nhiều kỳ: "
                   f"{listed}")
            said = " hoặc ".join(f"--period \"{span_words(sp)}\"" for sp in dict.fromkeys(sp for _, _, sp in plans)
                                 if label_span(span_words(sp)) == sp)  # the spans the person may say the column is
            how = f"hãy ghi rõ kỳ trong tên cột {cols} (ví dụ «Thực hiện 6 tháng năm …» hoặc «Thực hiện năm …»)"
            if said:
                how += (f", hoặc cho biết kỳ của cột {cols} bằng --period (hoặc mục «Kỳ» của trang «Cấu hình văn "
                        f"bản»): {said}")
        else:
            why = (f"kết quả lấy ở cột {cols} «{label}» là số liệu {span_words(span)}, nhưng bảng không có kế hoạch "
                   f"{span_words(span)}; kế hoạch có: {listed}")
            how = f"hãy thêm cột kế hoạch {span_words(span)} vào bảng, hoặc sửa tên cột nếu kỳ ghi chưa đúng"
            if others:  # results the table has a plan of the same period for: one of them may be chosen instead
                how += (", hoặc chọn kỳ có kế hoạch cùng kỳ (--period, hoặc mục «Kỳ» của trang «Cấu hình văn bản»), "
                        f"ví dụ «{others[0]}»")
        Exception.__init__(self, f"trang «{sheet}»: {why}; chương trình không so kết quả với kế hoạch của kỳ khác: "
                                 f"{how}.")


class PlanAmbiguous(GroupAmbiguous):
    """Two plan columns of one period («Chỉ tiêu NQ HĐND giao», «KH giao đầu năm») and no comparison formula of the
    sheet dividing by only one of them: the leftmost was taken and the judgements flipped with the columns' order.
    Refused naming both (letters and labels), as a choice of several columns is; --period (or «Kỳ») names one."""

    def __init__(self, sheet: str, matches: list[tuple[str, str]],
                 why: str = "không cột so sánh nào của bảng tính theo riêng một cột trong số đó"):
        self.sheet, self.kind, self.wanted, self.available, self.matches = sheet, "period", "", [], matches
        listed = ", ".join(f"cột {cols} «{label}»" for label, cols in matches)
        examples = " hoặc ".join(f"--period \"{label}\"" for label, _ in matches)
        Exception.__init__(self, (
            f"trang «{sheet}» có {len(matches)} cột kế hoạch cùng kỳ: {listed}; {why}, nên chương trình không tự "
            f"chọn (kết quả đánh giá sẽ khác nhau tùy cột): hãy chọn cột kế hoạch bằng --period (hoặc mục «Kỳ» của "
            f"trang «Cấu hình văn bản»), ví dụ {examples}; hoặc xóa cột không dùng khỏi bảng."))


class ResultAmbiguous(GroupAmbiguous):
    """Two visible result columns of one period, year and group («Ước thực hiện năm 2026» twice: an older and a newer
    estimate left side by side) and no comparison formula of the sheet dividing only one of them: the rightmost was
    taken silently. Refused naming both (letters and labels), as two plans of one period are (PlanAmbiguous);
    --period (or «Kỳ») names one, by its label or, where the labels are the same, by its letter («cột F»)."""

    def __init__(self, sheet: str, matches: list[tuple[str, str]],
                 why: str = "không cột so sánh nào của bảng tính theo riêng một cột trong số đó"):
        self.sheet, self.kind, self.wanted, self.available, self.matches = sheet, "period", "", [], matches
        listed = ", ".join(f"cột {cols} «{label}»" for label, cols in matches)
        folded = [vtext.fold(label) for label, _ in matches]
        example = next((label for label, f in zip(reversed([m[0] for m in matches]), reversed(folded))
                        if folded.count(f) == 1), None) or f"cột {matches[-1][1]}"
        Exception.__init__(self, (
            f"trang «{sheet}» có {len(matches)} cột kết quả cùng kỳ: {listed}; {why}, nên chương trình không tự "
            f"chọn (kết quả đánh giá sẽ khác nhau tùy "
            f"cột): hãy chọn cột kết quả bằng --period (hoặc mục «Kỳ» của trang «Cấu hình văn bản»), ví dụ "
            f"--period \"{example}\"; hoặc xóa cột không dùng khỏi bảng."))


def _rival_results(grid: Grid, header: _Header, labels: dict[int, str], width: int) -> list[int]:
    """The result column read and every other result column the reader had no reason to put after it: of the same
    year, span (core.periods.label_span) and preference (_result_preference: the year before a part of it, an actual
    before an estimate of one span: _actual_beside_estimate says that choice), in the columns read, visible where the one read is; [] when it has no rival. Another group's, period's
    or breakdown part's result (header.outside), the previous year's, a hidden stale copy and a column whose own
    cell under the result's header names another role («Đánh giá», «So KH (%)», «Ghi chú») are no rivals."""
    if "result" not in header.columns:
        return []
    hidden = grid.hidden_columns
    own = [_fill_merged_header(grid.rows, grid.merged, r, width) for r in header.rows]
    from kh_excel.core.periods import label_span
    res = header.columns["result"]
    mine = labels.get(res) or header.labels["result"]
    year, span, rank = _year_of(mine), label_span(mine), _result_preference(mine)
    taken = {header.columns.get(k) for k in ("target", "previous")}
    rivals = [c for c, lab in labels.items()
              if c != res and c not in taken and c not in header.skip and c not in header.outside
              and (header.scope is None or c in header.scope) and (c not in hidden or res in hidden)
              and header_role(lab) == "result" and _year_of(lab) == year and label_span(lab) == span
              and (period_years(lab) is None) == (period_years(mine) is None)  # a year's and a period's: two periods
              and _result_preference(lab) == rank and _is_estimate(lab) == _is_estimate(mine)
              and all(header_role(f[c]) in (None, "result") for f in own)]
    return sorted([res, *rivals]) if rivals else []


_YEARS_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[-\u2013\u2014/]\s*((?:19|20)\d\d)\b")


def period_years(label: Any) -> tuple[int, int] | None:
    """The years of a period of several years a label names («Mục tiêu giai đoạn 2026-2030», «Mục tiêu Nghị quyết
    2021-2025», «Kế hoạch 5 năm 2026 - 2030»): (2026, 2030); None for one year, no year, or a school year («năm học
    2025-2026», one year of a school's). A column of such a period holds the period's figure, never a year's."""
    text = _DATE_OR_DOC.sub(" ", str(label or ""))
    m = _YEARS_SPAN.search(text)
    if not m or not int(m.group(1)) < int(m.group(2)):
        return None
    if re.search(r"\bnam\s+hoc\s*$", _fold(text[:m.start()])):
        return None
    return int(m.group(1)), int(m.group(2))


def _single_year(label: str) -> bool:
    """A label of one year or none («Kế hoạch năm 2026», «KH giao đầu năm»), not a span of years («2021-2025»)."""
    return len(set(_YEAR.findall(_DATE_OR_DOC.sub(" ", label)))) <= 1 and "giai doan" not in _fold(label)


def _plan_named(sheet: str, labels: dict[int, str], period: str) -> int | None:
    """The plan column --period (or «Kỳ») names when it names no result column («KH giao đầu năm», «Kế hoạch năm
    2025»): match_choice over the plan columns' labels; None when it names a result's period or no plan.
    Several plans: GroupAmbiguous naming each."""
    plans = [c for c, lab in labels.items() if header_role(lab) == "target"]
    results = [lab for lab in labels.values() if header_role(lab) == "result"]
    letter = _COLUMN_NAMED.match(_fold(period))
    if letter:  # «cột D»: a plan column by its letter (two plans of one label); a result's letter is _result_of_period's
        from kh_excel.core.validation import col_index
        c = col_index(letter.group(1).upper())
        return c if c in plans else None
    if match_choice(period, results):
        return None
    from kh_excel.core.periods import label_span
    if header_role(period) is None and label_span(period) is not None:
        return None  # a span alone («6 tháng», «cả năm»): the period of the results, which the plans follow
    hits = [plans[i] for i in match_choice(period, [labels[c] for c in plans])]
    if len(hits) > 1:
        raise GroupAmbiguous(sheet, "period", period, [(labels[c], _columns_text([c])) for c in hits])
    return hits[0] if hits else None


def _rival_plans(header: _Header, labels: dict[int, str]) -> list[int]:
    """The chosen plan column and every other plan column of the same kind, year and span in the columns read (two
    plans of one period: «Chỉ tiêu NQ HĐND giao» and «KH giao đầu năm»); [] when the chosen plan has no rival.
    Plans of other years or periods are paired by year and period, a long-term goal or a span of years is another
    kind (_plan_rank, _single_year)."""
    if "target" not in header.columns:
        return []
    from kh_excel.core.periods import column_span
    target = header.columns["target"]
    mine = labels.get(target) or header.labels["target"]
    if not _single_year(mine):
        return []
    year, rank, span = _year_of(mine), _plan_rank(mine), column_span(mine)
    rivals = [c for c, lab in labels.items()
              if c != target and c not in header.skip and (header.scope is None or c in header.scope)
              and c not in header.outside  # (a part of a breakdown not read: another hamlet's plan, _take_part)
              and header_role(lab) == "target" and _plan_rank(lab) == rank and _single_year(lab)
              and (year is None or _year_of(lab) in (None, year)) and column_span(lab) == span]
    return sorted([target, *rivals]) if rivals else []


_CELL_REF = re.compile(r"(?<![A-Za-z_\d])\$?([A-Z]{1,3})\$?\d{1,7}(?![\d(])")


def _formula_columns(grid: Grid, header: _Header, plans: list[int], labels: dict[int, str]) -> dict[int, set[int]]:
    """Each of the sheet's own comparison columns («So sánh (%) ƯTH/KH» =IF(E9=0,"",G9/E9*100)) -> the columns of
    `plans` its formulas below the header name; {} when no formulas are known."""
    from kh_excel.core.validation import col_index
    if grid.formulas is None:
        return {}
    computed = {c for c, lab in labels.items() if header_role(lab) == "computed"}
    if not computed:
        return {}
    try:
        formulas = grid.formulas()
    except Exception:  # a damaged part costs the choice, never the reading: refused as without formulas
        return {}
    first = header.rows[-1] + 1
    named: dict[int, set[int]] = {}
    for (r, c), text in formulas.items():
        if c in computed and r >= first:
            named.setdefault(c, set()).update({col_index(m.group(1)) for m in _CELL_REF.finditer(text or "")}
                                               & set(plans))
    return named


def _plan_of_formulas(named: dict[int, set[int]]) -> int | None:
    """The one plan (or result) the sheet's comparison columns compute from, when every such formula names that one
    and none of the others (_formula_columns); None otherwise (no formulas known, none naming one, or some naming
    another)."""
    every = set().union(*named.values()) if named else set()
    return every.pop() if len(every) == 1 else None


def _own_comparisons(named: dict[int, set[int]], rivals: list[int], labels: dict[int, str]) -> str:
    """Why two plans (or results) of one period were not chosen between, as the formulas read say it: the comparison
    columns each computed from one of them alone («cột G «So dự toán TW (%)» tính theo riêng cột D, cột H «So dự toán
    tỉnh (%)» theo riêng cột E»: the table compares with both, rev20 R20-10: the refusal said no column did), else
    that none computes from one alone."""
    from kh_excel.core.validation import col_letter
    own = [(comp, next(iter(cs))) for comp, cs in sorted(named.items()) if len(cs) == 1]
    if not own:
        return "không cột so sánh nào của bảng tính theo riêng một cột trong số đó"
    listed = ", ".join(f"cột {col_letter(comp)} «{labels[comp]}» tính theo riêng cột {col_letter(of)}"
                       for comp, of in own)
    each = {of for _, of in own} == set(rivals)
    return (f"bảng có cột so sánh riêng cho {'từng cột' if each else 'một số cột'} trong số đó ({listed})")


def _plans_left_out(header: _Header, labels: dict[int, str]) -> list[tuple[int, str]]:
    """Plan columns of one year each, of the chosen plan's kind and span, in the columns read, of another year than
    the plan taken: «Kế hoạch năm 2026» beside a report's «Kế hoạch năm 2025», «Kế hoạch năm 2025» beside a plan
    document's 2026. check and every document made name them (plan_left_out)."""
    if "target" not in header.columns:
        return []
    from kh_excel.core.periods import column_span
    target = header.columns["target"]
    mine = labels.get(target) or header.labels["target"]
    year, rank, span = _year_of(mine), _plan_rank(mine), column_span(mine)
    if year is None:
        return []
    years = period_years(mine)
    return [(c, lab) for c, lab in labels.items()
            if c != target and c not in header.skip and (header.scope is None or c in header.scope) and header_role(lab) == "target"
            and (_plan_rank(lab) == rank and _single_year(lab) and _year_of(lab) not in (None, year)
                 and column_span(lab) == span
                 # a plan of another period of years, of any kind («Mục tiêu giai đoạn 2026-2030» beside a report's
                 # 2025, «Kế hoạch giai đoạn 2026-2030» beside a plan of 2026): never dropped unsaid
                 or period_years(lab) not in (None, years))]


def period_months(label: str) -> int:
    """How much of the year a period label covers: '6 tháng' 6, 'Quý II' 3, 'Cả năm' 12 (0 when none)."""
    m = _PERIOD_LABEL.search(_fold(label))
    if not m:
        return 0
    if m.group(1):
        return int(m.group(1))
    return 3 if m.group(2) else 12


def match_choice(wanted: str, names: list[str]) -> list[int]:
    """Which of `names` (column groups, periods, result columns) the text `wanted` designates: the one rule of
    --group, --period and «Nhóm cột»/«Kỳ» for every command (check, attainment, render, forms, collect, the add-in).

    Accents, case and spacing are ignored (`core.text.fold`). A name equal to the whole text wins over names that
    merely contain it («Năm 2026» over «Thực hiện 6 tháng năm 2026» for «năm 2026»: the person wrote that column's
    whole label). Otherwise every name that holds the text's words as whole words, in order: «sơn hà» is in
    «Xã Sơn Hà», not in «Xã Sơn Hải»; «quý I» is not «quý II»; «6 tháng» is not «16 tháng». The indexes of all the
    names designated: the caller refuses none as not found and several as ambiguous, never takes the first."""
    key = _fold(wanted or "").strip()
    if not key:
        return []
    folded = [_fold(n or "") for n in names]
    exact = [i for i, f in enumerate(folded) if f == key]
    if exact:
        return exact
    words = re.compile(r"(?<![a-z0-9])" + re.escape(key) + r"(?![a-z0-9])")
    return [i for i, f in enumerate(folded) if words.search(f)]


def _columns_text(cols: list[int]) -> str:
    """Columns as letters, runs joined: [3, 4] «D:E», [4] «E», [3, 4, 7] «D:E, H»."""
    from kh_excel.core.validation import col_letter
    runs: list[list[int]] = []
    for c in sorted(set(cols)):
        if runs and c == runs[-1][-1] + 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    return ", ".join(col_letter(r[0]) if len(r) == 1 else f"{col_letter(r[0])}:{col_letter(r[-1])}" for r in runs)


def _choose_name(sheet: str, kind: str, wanted: str, names: list[str], columns: list[list[int]]) -> str:
    """The one of `names` that `wanted` designates (match_choice); GroupNotFound when none, GroupAmbiguous
    naming each (its columns and label) when several."""
    hits = match_choice(wanted, names)
    if not hits:
        raise GroupNotFound(sheet, kind, wanted, names)
    if len(hits) > 1:
        raise GroupAmbiguous(sheet, kind, wanted, [(names[i], _columns_text(columns[i])) for i in hits])
    return names[hits[0]]


# How a place's name begins (folded), by level: a part named so is a place of the whole (_Breakdown.places)
_PLACE_RANK = {"tinh": 4, "thanh pho": 3, "huyen": 3, "quan": 3, "thi xa": 3, "xa": 2, "phuong": 2, "thi tran": 2,
               "dac khu": 2, "thon": 1, "ban": 1, "to": 1, "to dan pho": 1, "ap": 1, "khu": 1, "khu pho": 1,
               "lang": 1, "buon": 1, "khoi": 1, "xom": 1, "doi": 1, "plei": 1, "soc": 1}
_PLACE_PART = re.compile(r"^(%s)\b" % "|".join(sorted(_PLACE_RANK, key=len, reverse=True)))


class BreakdownWithoutTotal(GroupAmbiguous):
    """A plan or result header merged over parts of the whole (its hamlets, communes, funds) with no total column
    among them: no part is the table's figure, and none is taken by its position; the person names one."""

    def __init__(self, sheet: str, label: str, parts: list[tuple[str, str]], totals: int = 0):
        self.sheet, self.kind, self.wanted, self.available, self.matches = sheet, "group", "", [p for p, _ in parts], parts
        listed = ", ".join(f"cột {cols} «{part}»" for part, cols in parts)
        how = (f"có {totals} cột tổng" if totals else "không có cột tổng («Tổng số», «Toàn xã», «Cộng» …)")
        fix = "để lại một cột tổng" if totals else "thêm cột tổng vào bảng"
        Exception.__init__(self, f"trang «{sheet}» chia cột «{label}» thành {len(parts)} cột ({listed}) mà {how}: "
                                 f"chương trình không lấy cột nào trong số đó làm số của cả bảng; hãy {fix}, hoặc "
                                 f"chọn một nhóm cột (--group, hoặc mục «Nhóm cột» của trang «Cấu hình văn bản»), ví dụ "
                                 f"«{parts[0][0]}».")


@dataclass
class _Breakdown:
    """A plan or result header merged over several columns whose own labels name parts of the whole
    («Thực hiện năm 2026» over «Tổng số | Thôn Cốc Ly Thượng | Thôn Nậm Lúc»): part label -> column."""
    label: str
    parts: dict[str, int]

    @property
    def places(self) -> bool:
        """Are the parts places (hamlets, communes …: «Thôn Nậm Lúc», «Xã Cốc Ly», a «Tổng số» among them)? Parts of
        another kind are versions or sources of one figure («NQ HĐND huyện | UBND tỉnh giao», «Đầu năm | Điều chỉnh»)."""
        folded = [_fold(p) for p in self.parts]
        return any(_PLACE_PART.match(f) for f in folded) and all(_PLACE_PART.match(f) or _WHOLE_AREA.match(f)
                                                                  for f in folded)

    @property
    def totals(self) -> list[int]:
        """The total's column: «Tổng số», «Toàn xã», «Cộng» …; among places with none of those, the one place of a
        higher level than all the others («Xã Cốc Ly» over its «Thôn …»)."""
        found = [c for part, c in self.parts.items() if _WHOLE_AREA.match(_fold(part))]
        if found or not self.places:
            return found
        ranks = {c: _PLACE_RANK[m.group(1)] for part, c in self.parts.items()
                 if (m := _PLACE_PART.match(_fold(part)))}  # (every part, `places` says)
        top = max(ranks.values())
        return [c for c, k in ranks.items() if k == top] if list(ranks.values()).count(top) == 1 else []


def _breakdowns(grid: Grid, header_rows: list[int], width: int) -> list[_Breakdown]:
    """Every plan or result header cell merged across columns over labels of parts: not periods («6 tháng»), not
    years, not roles of their own («Năm 2026» over «Kế hoạch | Thực hiện» pairs columns, it breaks nothing down)."""
    from kh_excel.core.periods import span_of  # (core.periods reads core.table's period_months)
    out: list[_Breakdown] = []
    filled: dict[int, list[Any]] = {}
    for r1, c1, r2, c2 in sorted(grid.merged):
        if r1 not in header_rows or c2 == c1 or c1 >= width or r2 >= header_rows[-1]:
            continue
        label = _display_text(_cell(grid.rows, r1, c1))
        role = header_role(label)
        if role not in ("target", "result"):
            continue
        below = [r for r in header_rows if r > r2]
        for r in below:
            if r not in filled:
                filled[r] = _fill_merged_header(grid.rows, grid.merged, r, width)
        parts: dict[str, int] = {}
        for c in range(c1, min(c2 + 1, width)):
            part = _join_labels(_display_text(filled[r][c]) for r in below)
            h = _fold(part)
            # (a resolution under a plan is a source of it: «Kế hoạch năm 2026» over «NQ HĐND huyện | UBND tỉnh giao»)
            own = header_role(part)
            if (not h or own is not None and not (own == role == "target" and _PLAN_OF_RESOLUTION.search(h))
                    or period_months(part) or span_of(part) is not None
                    or not _YEAR_WORDS.sub("", h).strip(" -–.,:()/") or part in parts):
                break
            parts[part] = c
        else:
            if len(parts) >= 2:
                out.append(_Breakdown(label, parts))
    return out


def _take_part(grid: Grid, header: _Header, width: int, breakdowns: list[_Breakdown], part: str | None) -> None:
    """Plan, result and previous-year columns read inside a breakdown are its total's, or with a part chosen
    (--group, «Nhóm cột») that part's; a figure the chosen part does not break down is the whole's, so it is left
    out (a hamlet's result is never judged against the commune's plan). Never a part by its position."""
    if not breakdowns:
        return
    labels = _column_labels(grid, header.rows, width)
    chosen = next((b for b in breakdowns if part in b.parts), None) if part is not None else None
    if chosen is not None and part is not None and chosen.parts[part] in chosen.totals:
        part = None  # the total named («Toàn xã»): the table's own figures, as by default
    taken = part
    for role in ("target", "result", "previous"):
        c = header.columns.get(role)
        if c is None:
            continue
        inside = next((b for b in breakdowns if c in b.parts.values()), None)
        if part is not None:
            new = inside.parts.get(part) if inside is not None else None
            if new is None and inside is None and chosen is not None and not chosen.places:
                continue  # a plan's version or source chosen: the one result column beside it stays the result
            if new is None:
                from kh_excel.core.validation import col_letter
                header.left_out.append(("whole_column_left_out", c, {"label": header.labels[role], "group": part,
                                                                     "column": col_letter(c)}))
                del header.columns[role], header.labels[role]
                continue
        elif inside is None:
            continue
        else:
            totals = inside.totals
            if len(totals) != 1 and not inside.places:
                # versions or sources of one figure («NQ HĐND huyện | UBND tỉnh giao», «Đầu năm | Điều chỉnh»)
                totals = [_version_taken(grid, header, labels, inside, role)]
            if len(totals) != 1:
                raise BreakdownWithoutTotal(grid.sheet, inside.label,
                                            [(p, _columns_text([pc])) for p, pc in inside.parts.items()], len(totals))
            new = totals[0]
            taken = taken or (next(p for p, pc in inside.parts.items() if pc == new) if inside.places else None)
        header.columns[role], header.labels[role] = new, labels[new]
    header.outside.update(c for b in breakdowns for c in b.parts.values() if c not in header.columns.values())
    if part is not None and not header.columns.keys() & {"target", "result"}:
        raise GroupNotFound(grid.sheet, "group", part, header.groups)
    header.part = taken


_ADJUSTED = re.compile(r"\bdieu chinh\b")
_INITIAL = re.compile(r"\b(?:dau nam|ban dau|giao dau)\b")


def _adjusted_version(parts: dict[str, int]) -> tuple[tuple[str, int], tuple[str, int]] | None:
    """(adjusted, initial) where the versions of one plan are «Đầu năm | Điều chỉnh» (or «Giao đầu năm | Dự toán điều
    chỉnh»): one adjusted, one the initial plan it supersedes; None for sources («Trung ương giao | HĐND giao»)."""
    adjusted = [(p, c) for p, c in parts.items() if _ADJUSTED.search(_fold(p))]
    initial = [(p, c) for p, c in parts.items() if _INITIAL.search(_fold(p)) and not _ADJUSTED.search(_fold(p))]
    return (adjusted[0], initial[0]) if len(adjusted) == 1 and len(initial) == 1 and len(parts) == 2 else None


def _version_taken(grid: Grid, header: _Header, labels: dict[int, str], inside: _Breakdown, role: str) -> int:
    """The column read among versions or sources of one plan merged under one header («Dự toán năm 2025» over
    «Trung ương giao | HĐND thành phố giao», «Kế hoạch» over «Đầu năm | Điều chỉnh»): the rule of two plan columns of
    one period (find_header, _rival_plans) — the one every comparison formula of the sheet divides by, said
    (plan_of_formula); an adjusted plan over the initial one it supersedes, said (plan_adjusted_taken); where each
    has its own comparison column, refused naming both (PlanAmbiguous); with no formula, the first, as such tables
    were always read, said (part_taken_first)."""
    from kh_excel.core.validation import col_letter
    parts = {p: c for p, c in inside.parts.items() if c not in header.skip}
    if len(parts) == 1:
        return next(iter(parts.values()))  # --period named one: the others are skipped
    cols = sorted(parts.values())
    named = _formula_columns(grid, header, cols, labels) if role == "target" else {}
    chosen = _plan_of_formulas(named)
    if chosen is not None:
        header.plan_by_formula = [(c, labels[c]) for c in cols]
        return chosen
    adjusted = _adjusted_version(parts) if role == "target" else None
    if adjusted is not None:
        (new, nc), (old, oc) = adjusted
        header.left_out.append(("plan_adjusted_taken", nc, {
            "label": inside.label, "part": new, "column": col_letter(nc), "old": old, "old_column": col_letter(oc),
            "period": labels[oc]}))
        return nc
    if len(set().union(*named.values()) if named else ()) > 1:  # formulas dividing by several: as unmerged
        raise PlanAmbiguous(grid.sheet, [(labels[c], _columns_text([c])) for c in cols],
                            _own_comparisons(named, cols, labels))
    first, others = next(iter(parts.items())), list(parts.items())[1:]
    header.left_out.append(("part_taken_first", first[1], {
        "label": inside.label, "part": first[0], "column": col_letter(first[1]),
        "others": ", ".join(f"cột {col_letter(oc)} «{op}»" for op, oc in others)}))
    return first[1]


def _choose_group(grid: Grid, header: _Header, width: int, group: str | None, period: str | None) -> None:
    """Take plan, result and previous-year columns from one column group and one period, never across.

    Default: the whole-area group (Toàn tỉnh, Toàn huyện, Tổng số, Cộng), else the first; the
    period covering most of the year that has figures; inside a plan or result header broken down into parts,
    the total (_take_part). The parts are groups too. Sets header.columns/labels/groups/periods.
    """
    from kh_excel.core.periods import span_of  # (core.periods reads core.table's period_months)
    rows, hrs = grid.rows, header.rows
    area_of: list[str | None] = [None] * width
    period_of: list[str | None] = [None] * width
    group_rows: list[set[int]] = [set() for _ in range(width)]
    for r1, c1, r2, c2 in sorted(grid.merged):
        if r1 not in hrs[:-1] or c2 == c1 or c1 >= width:
            continue
        label = _display_text(_cell(rows, r1, c1))
        h = _fold(label)
        if not h or header_role(label) is not None:
            continue  # a label that names a role ("Kế hoạch năm 2026", "So sánh %")
        # a period in any wording («Sáu tháng đầu năm», «6T/2026», «Nửa đầu năm»): never an area group, whose plan
        # would be paired with another period's result
        is_period = bool(_PERIOD_LABEL.search(h)) or span_of(label) is not None
        if not is_period and not _YEAR_WORDS.sub("", h).strip(" -–.,:()/"):
            continue  # "Năm 2025", "Giai đoạn 2021-2025": years are paired by the column labels
        for c in range(c1, min(c2 + 1, width)):
            if is_period and period_of[c] is None:
                period_of[c] = label
            elif not is_period and area_of[c] is None:
                area_of[c] = label
            else:
                continue
            group_rows[c].update(range(r1, r2 + 1))
    groups = list(dict.fromkeys(a for a in area_of if a))
    periods = list(dict.fromkeys(p for p in period_of if p))
    breakdowns = _breakdowns(grid, hrs, width)
    parts = list(dict.fromkeys(p for b in breakdowns for p in b.parts if p not in groups))
    header.groups, header.periods = groups + parts, periods
    chosen_area = chosen_part = None
    if group:
        chosen = _choose_name(grid.sheet, "group", group, groups + parts,
                              [[c for c in range(width) if area_of[c] == g] for g in groups]
                              + [[b.parts[p] for b in breakdowns if p in b.parts] for p in parts])
        chosen_area, chosen_part = (chosen, None) if chosen in groups else (None, chosen)
    _choose_areas(grid, header, width, period, groups, periods, area_of, period_of, group_rows, chosen_area)
    _take_part(grid, header, width, breakdowns, chosen_part)


def _choose_areas(grid: Grid, header: _Header, width: int, period: str | None, groups: list[str], periods: list[str],
                  area_of: list[str | None], period_of: list[str | None], group_rows: list[set[int]],
                  chosen_area: str | None) -> None:
    """The area group and the period the figures are read from (see _choose_group)."""
    from kh_excel.core.periods import months_named
    rows, hrs = grid.rows, header.rows
    letter = _COLUMN_NAMED.match(_fold(period or "")) if periods else None
    column = None
    if letter:  # «cột H»: a result column by its letter, in the period group it stands under
        from kh_excel.core.validation import col_index
        column = col_index(letter.group(1).upper())
        if column >= width or period_of[column] is None:
            raise GroupNotFound(grid.sheet, "period", period or "", periods)
        chosen_period = period_of[column]
    else:
        chosen_period = (_choose_name(grid.sheet, "period", period, periods,
                                      [[c for c in range(width) if period_of[c] == p] for p in periods])
                         if period and periods else None)
    if len(groups) < 2 and len(periods) < 2:
        header.group = groups[0] if groups else None
        header.period = periods[0] if periods else None
        if not periods:
            _results_of_period(grid, header, width, period)
        if column is not None:
            _take_result_column(grid, header, width, column, period or "")
        _pair_plan_with_result(grid, header, width, None)
        return
    filled = [_fill_merged_header(rows, grid.merged, r, width) for r in hrs]
    own: list[str] = []
    shown: list[str] = []
    for c in range(width):
        mine = [f[c] for r, f in zip(hrs, filled) if r not in group_rows[c]]
        own.append(_join_labels(mine))
        shown.append(_join_labels([f[c] for f in filled]))

    def roles_where(keep) -> dict[str, tuple[int, str]]:
        return _roles_of_labels([own[c] if keep(c) else None for c in range(width)], header.latest_plan, header.skip,
                                grid.hidden_columns)

    def figures(area: str | None, per: str | None) -> dict[str, tuple[int, str]]:
        return roles_where(lambda c: (area is None or area_of[c] == area) and (per is None or period_of[c] == per)
                           and (area_of[c] or period_of[c]))

    if groups and chosen_area is None:
        whole = [g for g in groups if _WHOLE_AREA.match(_fold(g))]
        chosen_area = whole[0] if whole else next((g for g in groups if figures(g, None)), groups[0])
    if periods and chosen_period is None:
        def has_figures(p: str) -> bool:
            res = figures(chosen_area, p).get("result")
            return res is not None and _has_figures(rows, res[0], hrs[-1] + 1)
        ranked = sorted(range(len(periods)), key=lambda i: (has_figures(periods[i]), months_named(periods[i]), i))
        chosen_period = periods[ranked[-1]]
    grouped = figures(chosen_area, chosen_period)
    header.period_results = [(res[0], shown[res[0]]) for p in periods if p != chosen_period
                             and (res := figures(chosen_area, p).get("result")) is not None]
    plain = roles_where(lambda c: not area_of[c] and not period_of[c])
    roles = {**plain, **grouped} if grouped else plain
    header.group, header.period = chosen_area, chosen_period
    header.outside = {c for c in range(width) if area_of[c] not in (None, chosen_area)
                      or period_of[c] not in (None, chosen_period)}
    header.scope = {c for c in range(width) if area_of[c] in (None, chosen_area) and period_of[c] in (None, chosen_period)}
    header.columns = {k: v[0] for k, v in roles.items()}
    header.labels = {k: shown[v[0]] for k, v in roles.items()}
    if column is not None:
        _take_result_column(grid, header, width, column, period or "")
    if not periods:  # periods named in the result labels of the chosen group ("TH 6 tháng", "ƯTH cả năm")
        _results_of_period(grid, header, width, period,
                           {c for c in range(width) if area_of[c] in (None, chosen_area)})
    _pair_plan_with_result(grid, header, width, {c for c in range(width) if area_of[c] in (None, chosen_area)
                                                 and period_of[c] in (None, chosen_period)})


def _take_result_column(grid: Grid, header: _Header, width: int, column: int, period: str) -> None:
    """The result column --period names by its letter inside a period group («cột H» under «Cả năm»): taken, as the
    person chose it (never a rival to refuse); a letter of no result column is refused, listing the periods."""
    label = _column_labels(grid, header.rows, width)[column]
    if header_role(label) != "result" or column in header.skip:
        raise GroupNotFound(grid.sheet, "period", period, header.periods)
    header.columns["result"], header.labels["result"], header.result_named = column, label, True


def _results_of_period(grid: Grid, header: _Header, width: int, period: str | None,
                       allowed: set[int] | None = None) -> None:
    """Periods named in the result columns' own labels ("Thực hiện 6 tháng", "Ước thực hiện cả năm"):
    reported, and with --period the result column whose label names it."""
    labels = _column_labels(grid, header.rows, width)
    from kh_excel.core.periods import label_span  # (a period in any wording: «TH 6T/2026», «sáu tháng đầu năm»)
    results = [c for c, lab in labels.items() if header_role(lab) == "result" and (allowed is None or c in allowed)
               and c not in header.skip]  # (a rival result not chosen: _rival_results)
    found = [c for c in results if label_span(labels[c]) is not None]
    header.periods = [labels[c] for c in found]
    if not period and "result" in header.columns:
        _latest_result_with_figures(grid, header, results, labels, allowed)
        _actual_beside_estimate(grid, header, results, labels)
    if "result" in header.columns and header.columns["result"] in found:
        header.period = labels[header.columns["result"]]
    if period:
        c = _result_of_period(grid.sheet, header, labels, found, period, allowed)
        header.columns["result"], header.labels["result"] = c, labels[c]
        # the column's label, or the person's words where they name the span the label does not («cả năm» of «Ước TH»)
        by_span = not match_choice(period, [labels[c]]) and not _COLUMN_NAMED.match(_fold(period))
        header.period = period if by_span and label_span(labels[c]) is None else labels[c]
        header.result_named = True
    if "result" in header.columns and header.columns["result"] in found:  # the other periods' results of the year
        plan_year = _year_of(header.labels["target"]) if "target" in header.columns else None
        header.period_results = [(c, labels[c]) for c in found if c != header.columns["result"]
                                 and not (plan_year and (_year_of(labels[c]) or plan_year) != plan_year)]
    _previous_of_same_period(header, labels)


def _result_of_period(sheet: str, header: _Header, labels: dict[int, str], found: list[int], period: str,
                      allowed: set[int] | None) -> int:
    """The result column --period designates (match_choice) among this year's result columns: those that name a
    period and the year's own («Năm 2026» is the whole label «năm 2026» names, so it wins over «Thực hiện 6 tháng
    năm 2026»). Never a plan column (a plan is paired by year, not chosen), never a column of a year before the
    plan's (last year's figure is no result of this year). Several: GroupAmbiguous naming each, unless they are one
    period of several years («TH 6 tháng 2025», «TH 6 tháng 2026»): the plan's year, else the latest, as by default."""
    from kh_excel.core.periods import label_span, result_label_span
    plan_year = _year_of(header.labels["target"]) if "target" in header.columns else None
    pool = [c for c, lab in labels.items() if header_role(lab) == "result" and (allowed is None or c in allowed)
            and c not in header.skip and not (plan_year and (_year_of(lab) or plan_year) < plan_year)]
    letter = _COLUMN_NAMED.match(_fold(period or ""))
    if letter:  # «cột F»: two result columns of one label are told apart by their letters only
        from kh_excel.core.validation import col_index
        c = col_index(letter.group(1).upper())
        if c in pool:
            return c
        raise GroupNotFound(sheet, "period", period, [f"cột {_columns_text([p])}" for p in pool])
    names = [labels[c] for c in pool]
    # one result column is chosen by the words of its own label too («năm 2023» of «Thực hiện năm 2023»): collect
    # writes that column into a plan-only master, and a script that named the period once names it again on the copy
    # (rev20 R20-13); a period it does not name is still refused below
    hits = [pool[i] for i in match_choice(period, names)]
    if not hits and label_span(period) is not None:
        # a span named («cả năm», «6 tháng») that no label names: the one result column naming no period is of it
        bare = [c for c in pool if result_label_span(labels[c], []) is None]
        hits = bare if len(bare) == 1 else []
    if not hits:  # (a sheet that names no period and has one result: nothing to choose)
        raise GroupNotFound(sheet, "period", period, names if found or len(pool) > 1 else [])
    if len(hits) > 1:
        years = [_year_of(labels[c]) for c in hits]
        one_period = len({" ".join(_YEAR.sub(" ", _fold(labels[c])).split()) for c in hits}) == 1
        if not (one_period and None not in years and len(set(years)) == len(years)):
            raise GroupAmbiguous(sheet, "period", period, [(labels[c], _columns_text([c])) for c in hits])
        hits = [max(hits, key=lambda c: (_year_of(labels[c]) == plan_year, _year_of(labels[c]) or 0))]
    return hits[0]


_COLUMN_NAMED = re.compile(r"^cot\s+([a-z]{1,3})$")  # --period "cột F" (folded)


def _previous_of_same_period(header: _Header, labels: dict[int, str]) -> None:
    """The previous year's column is of the result's period: «Thực hiện 6 tháng năm 2025» beside 6 months of 2026,
    «Thực hiện năm 2025» beside the year's estimate — never a year against last year's 6 months. Only where the
    table has such a column; otherwise the previous column stays as read (documents then make no comparison)."""
    if "result" not in header.columns:
        return
    res = header.columns["result"]
    from kh_excel.core.periods import column_span
    year, months = _year_of(labels[res]), column_span(labels[res])
    prev = header.columns.get("previous")
    span = period_years(labels[res])
    if span is not None:  # a period's figure: compared with the period before it, never with one year («2024»)
        if prev is not None and (period_years(labels.get(prev, "")) or (0, 0))[1] != span[0] - 1:
            del header.columns["previous"], header.labels["previous"]
        return
    if year is None or (prev is not None and column_span(labels.get(prev, "")) == months
                        and _year_of(labels.get(prev, "")) == year - 1):
        return
    taken = {header.columns.get(k) for k in ("target", "result")}
    match = [c for c, lab in labels.items() if c not in taken and header_role(lab) == "result"
             and _year_of(lab) == year - 1 and column_span(lab) == months]
    if match:
        header.columns["previous"], header.labels["previous"] = match[0], labels[match[0]]


def _has_entries(rows: list[list[Any]], c: int, first: int, limit: int = 400) -> bool:
    """Does column c hold anything below the header: a figure, or words a figure is stated in («Khoảng 6,3», «Trên
    85»), which _has_figures does not count? The `(1) (2) …` row right under the header is no entry."""
    if first < len(rows) and _is_number_row(rows[first]):
        first += 1
    return any(not _is_blank(_cell(rows, r, c)) for r in range(first, min(len(rows), first + limit)))


def _has_figures(rows: list[list[Any]], c: int, first: int, limit: int = 400) -> bool:
    """Does column c hold a figure (a non-zero number, or a number typed as text) below the header?
    The `(1) (2) …` row right under the header is not a figure."""
    if first < len(rows) and _is_number_row(rows[first]):
        first += 1
    for r in range(first, min(len(rows), first + limit)):
        v = _cell(rows, r, c)
        if isinstance(v, bool) or v is None:
            continue
        if isinstance(v, (int, float)) and v:
            return True
        if isinstance(v, str) and v.strip():
            p = parse_number(v)
            if p is not None and p.value:
                return True
    return False


def _latest_result_with_figures(grid: Grid, header: _Header, results: list[int], labels: dict[int, str],
                                allowed: set[int] | None = None) -> None:
    """Results of one year by period ("TH 6 tháng", "TH 9 tháng", "Ước TH cả năm"): by default the
    period covering most of the year that has figures — in September the full-year column is still
    empty, and an empty column would leave every row «chưa có số liệu»."""
    chosen = header.columns["result"]
    year = _year_of(labels.get(chosen, ""))
    taken = {header.columns.get(k) for k in ("target", "previous")}
    first = header.rows[-1] + 1
    # a period of several years' figure («Ước thực hiện giai đoạn 2021-2025», «Khoảng 6,3») is no part of its last
    # year's, nor the year's of it: the one read stays (rev22 R22-14: its figures, all qualified, counted as none
    # and the year's «Ước 2025» was taken), unless it is empty
    years_kind = period_years(labels.get(chosen, "")) is None
    kept = _has_entries(grid.rows, chosen, first)
    candidates = [c for c in results if c not in taken
                  and (year is None or _year_of(labels[c]) in (None, year))
                  and (not kept or (period_years(labels[c]) is None) == years_kind)]
    if chosen not in candidates:
        candidates.append(chosen)
    if len(candidates) < 2:
        return
    from kh_excel.core.periods import column_span, result_label_span
    months = {c: column_span(labels[c]) for c in candidates}  # no period named: the year's figure
    # (before the longest period: a result its plans can be set against, the 6 months beside «KH 6 tháng» rather than
    # the year's estimate beside no plan of the year)
    plans = _plan_spans(grid, header, labels, allowed, year)
    title = _title_lines(grid.rows, header.rows[0])
    spans = {c: result_label_span(labels[c], title) for c in candidates}
    paired = {c: (sp := spans[c]) is None or not plans or _plan_for(plans, sp) is not None for c in candidates}
    best = max(candidates, key=lambda c: (_has_figures(grid.rows, c, first), paired[c], months[c], c == chosen, c))
    if best != chosen:
        header.columns["result"], header.labels["result"] = best, labels[best]


# A column of a part of the whole under a result's header («Thực hiện năm 2026» over «Ước cả năm | Trong đó: Thị
# trấn»): no actual of the whole (folded)
_PART_OF_WHOLE = re.compile(r"\b(?:trong do|chia ra|bao gom|rieng)\b")


def _actual_and_estimate(header: _Header, labels: dict[int, str], col: int,
                         candidates: list[int]) -> tuple[int, int] | None:
    """(actual, estimate): the column `col` and the one result column among `candidates` of its year and span but of
    the other kind («Thực hiện năm 2026» beside «Ước thực hiện năm 2026»), in the group and period read; None when
    there is no such column or several, or either is a part of a whole («Trong đó: …»)."""
    from kh_excel.core.periods import result_label_span
    mine = labels.get(col, "")
    if _PART_OF_WHOLE.search(_fold(mine)):
        return None
    year, span = _year_of(mine), result_label_span(mine, [])
    other = [c for c in candidates if c != col and c not in header.outside
             and (header.scope is None or c in header.scope) and _year_of(labels[c]) == year
             and result_label_span(labels[c], []) == span and _is_estimate(labels[c]) != _is_estimate(mine)
             and not _PART_OF_WHOLE.search(_fold(labels[c]))]
    if len(other) != 1:
        return None
    return (other[0], col) if _is_estimate(mine) else (col, other[0])


def _body_start(grid: Grid, header: _Header) -> int:
    """The first row of the table's body (0-based): below the header and its row of column numbers, if any."""
    first = header.rows[-1] + 1
    if first < len(grid.rows) and _is_number_row(grid.rows[first]):
        first += 1
    return first


def _estimate_only_rows(grid: Grid, header: _Header, actual: int, estimate: int, first: int) -> list[int]:
    """The sheet rows (1-based) with a name, a figure in the estimate's column and none in the actual's."""
    name = header.columns.get("name", 0)
    return [r + 1 for r in range(first, len(grid.rows)) if _is_empty_figure(_cell(grid.rows, r, actual))
            and not _is_empty_figure(_cell(grid.rows, r, estimate)) and not _is_blank(_cell(grid.rows, r, name))]


def _actual_beside_estimate(grid: Grid, header: _Header, results: list[int], labels: dict[int, str]) -> None:
    """An estimate read beside an actual of the same year and span («Ước thực hiện năm 2026» beside «Thực hiện năm
    2026», «Ước TH 6 tháng» beside «TH 6 tháng»): the actual is the later, better figure, so it is read where it has
    figures, the estimate otherwise (rev12 D-B: the estimate was read and the actual never named); where the sheet's own
    comparison formulas divide one of the two, that one, as for two results of one kind (_plan_of_formulas). Labels naming
    neither span nor year («TH» beside «Ước TH») keep the estimate: a bare «TH» may be the months measured so far.
    Either way header.result_kind keeps both columns, which was read, whether the other was empty, and the rows with
    an estimate and no actual where the actual is read (they are «chưa có số liệu»), for plan_findings to say it.
    Once per table."""
    from kh_excel.core.periods import result_label_span
    res = header.columns["result"]
    span = result_label_span(labels.get(res, ""), [])
    taken = {header.columns.get(k) for k in ("target", "previous")}
    pair = _actual_and_estimate(header, labels, res, [c for c in results if c not in taken])
    if pair is None:
        return  # (several: the rival rule's, which names them)
    actual, estimate = pair
    first = _body_start(grid, header)
    by_formula = _plan_of_formulas(_formula_columns(grid, header, sorted((actual, estimate)), labels))
    if by_formula is not None:  # the sheet's own comparison divides one of them: the table's choice, said as per3's
        header.columns["result"], header.labels["result"] = by_formula, labels[by_formula]
        header.result_by_formula = [(c, labels[c]) for c in sorted((actual, estimate))]
        return
    to_date = _to_date(grid.rows, actual, estimate, first)
    if span is not None and actual != res and _has_figures(grid.rows, actual, first) and not to_date:
        res = header.columns["result"] = actual  # the actual, once it has figures
        header.labels["result"] = labels[actual]
    short = _estimate_only_rows(grid, header, actual, estimate, first) if actual == res else []
    not_read = estimate if res == actual else actual
    header.result_kind = {"actual": (actual, labels[actual]), "estimate": (estimate, labels[estimate]),
                          "taken": res, "rows": short, "stated": span is not None, "to_date": to_date,
                          "empty": not _has_figures(grid.rows, not_read, first)}


def _previous_actual(grid: Grid, header: _Header, labels: dict[int, str]) -> None:
    """The year before's actual beside its estimate («Ước thực hiện năm 2025» beside «Thực hiện năm 2025»: a plan for 2026
    made once 2025's figures are final): as for the result (_actual_beside_estimate), the actual is read where it has
    figures and is no figure to date, the estimate otherwise. It is what every comparison with the year before and every
    «Tăng 10%» is made on: the estimate was read silently (per4). header.previous_kind keeps both, for the warning
    (previous_actual_or_estimate), where both hold figures."""
    prev = header.columns.get("previous")
    if prev is None:
        return
    year = _year_of(labels.get(prev, ""))
    taken = {header.columns.get(k) for k in ("target", "result")}
    pair = None if year is None else _actual_and_estimate(header, labels, prev, [
        c for c, lab in labels.items() if c not in taken and c not in header.skip and c not in grid.hidden_columns
        and isinstance(lab, str) and header_role(lab) == "result"])
    if pair is None:
        return
    actual, estimate = pair
    first = _body_start(grid, header)
    to_date = _to_date(grid.rows, actual, estimate, first)
    # rows the estimate has a figure for and the actual none: the actual is not final yet (rev17 REG-1: read, it left
    # those rows without the year before's figure, and a growth plan on them unjudged)
    short = _estimate_only_rows(grid, header, actual, estimate, first)
    take = actual if _has_figures(grid.rows, actual, first) and not to_date and not short else estimate
    header.columns["previous"], header.labels["previous"] = take, labels[take]
    if _has_figures(grid.rows, actual, first) and _has_figures(grid.rows, estimate, first):
        header.previous_kind = {"actual": (actual, labels[actual]), "estimate": (estimate, labels[estimate]),
                                "taken": take, "to_date": to_date, "year": year, "short": short}


def _to_date(rows: list[list[Any]], actual: int, estimate: int, first: int) -> bool:
    """Is the actual a figure to date rather than the year's («Thực hiện năm 2026» 780 beside «Ước thực hiện năm 2026»
    1.050, an autumn report's layout: rev14 F-L)? On most rows holding both figures it is short of the estimate by
    more than 5%: the year's actual, once known, is near its estimate, on either side. Once per table."""
    pairs = [(a, e) for row in rows[first:]
             if len(row) > max(actual, estimate)
             and (a := row[actual]).__class__ in (int, float) and (e := row[estimate]).__class__ in (int, float)
             and e > 0 and a >= 0]
    return bool(pairs) and 2 * sum(1 for a, e in pairs if a < 0.95 * e) > len(pairs)


def _plan_spans(grid: Grid, header: _Header, labels: dict[int, str], allowed: set[int] | None,
                year: int | None) -> dict[int, int]:
    """The plan columns a result of `year` may be set against, each with the span it covers (core.periods.column_span):
    of the chosen plan's kind (a year's plan, not a long-term goal: _plan_rank), of that year or naming none."""
    if "target" not in header.columns:
        return {}
    from kh_excel.core.periods import column_span
    target = header.columns["target"]
    rank = _plan_rank(labels.get(target) or header.labels["target"])
    plans = {c: column_span(lab) for c, lab in labels.items()
             if (allowed is None or c in allowed) and c not in header.skip and header_role(lab) == "target"
             and _plan_rank(lab) == rank
             and (year is None or _year_of(lab) in (None, year))}
    if target not in plans and target in labels:
        plans[target] = column_span(labels[target])
    return plans


def _plan_for(plans: dict[int, int], span: int, prefer: int | None = None) -> int | None:
    """The plan column a result covering `span` is set against: one of its own period (the first, or `prefer`, when
    several), else, for a part of the year, the year's plan (progress: core.periods.progress_only); None when there
    is none."""
    for wanted in (span, 12) if span != 12 else (span,):
        same = [c for c, sp in plans.items() if sp == wanted]
        if same:
            return prefer if prefer in same else min(same)
    return None


def _pair_plan_with_result(grid: Grid, header: _Header, width: int, allowed: set[int] | None) -> None:
    """The plan beside the result is the plan of the result's own period: the year's plan for the year's estimate,
    the 6 months' plan for 6 months' figures (--period); a part of the year with no plan of its own is set against
    the year's plan (progress). Never across periods silently: a result with no such plan, or one naming no period
    beside plans of several, is refused (PlanOfOtherPeriod), naming the columns."""
    if "target" not in header.columns or "result" not in header.columns:
        return
    from kh_excel.core.periods import estimate_of_the_year, label_span, result_label_span
    labels = _column_labels(grid, header.rows, width)
    res, target = header.columns["result"], header.columns["target"]
    title = _title_lines(grid.rows, header.rows[0])
    said = label_span(header.period or "") if header.result_named else None  # «--period "cả năm"» over «Ước TH»
    span = said if said is not None else result_label_span(labels[res], title)
    year = _year_of(labels[res]) or _year_of(labels[target])
    plans = _plan_spans(grid, header, labels, allowed, year)
    if span is None and estimate_of_the_year({c: lab for c, lab in labels.items() if allowed is None or c in allowed},
                                             res, set(plans.values()), title, year):
        span = 12  # «KH năm | KH 6 tháng | TH 6 tháng | Ước TH»: the estimate is the year's
    if span is None:
        if len(set(plans.values())) > 1:
            raise PlanOfOtherPeriod(grid.sheet, (labels[res], _columns_text([res]), None),
                                    [(labels[c], _columns_text([c]), sp) for c, sp in sorted(plans.items())])
        return
    chosen = _plan_for(plans, span, prefer=target)
    if chosen is None:
        others = tuple(lab for c, lab in labels.items() if c != res and (allowed is None or c in allowed)
                       and header_role(lab) == "result" and _year_of(lab) in (None, year)
                       and (sp := result_label_span(lab, title)) is not None and _plan_for(plans, sp) is not None)
        raise PlanOfOtherPeriod(grid.sheet, (labels[res], _columns_text([res]), span),
                                [(labels[c], _columns_text([c]), sp) for c, sp in sorted(plans.items())], others)
    if chosen != target:
        header.columns["target"], header.labels["target"] = chosen, labels[chosen]


def _join_labels(parts) -> str:
    out: list[str] = []
    for p in parts:
        p = vtext.clean(p) if p is not None else ""
        if p and (not out or out[-1] != p):
            out.append(p)
    return " ".join(out)


def _column_labels(grid: Grid, header_rows: list[int], width: int) -> dict[int, str]:
    """Each column's label: its cells on the header rows, merged cells spread over their columns, joined
    («Thực hiện năm 2026» over «Thôn Nậm Lúc»: «Thực hiện năm 2026 Thôn Nậm Lúc»)."""
    filled = [_fill_merged_header(grid.rows, grid.merged, r, width) for r in header_rows]
    return {c: _join_labels(f[c] for f in filled) for c in range(width)}


def _is_table_header(roles: dict[str, Any]) -> bool:
    """A name column and at least one figure column (a plan, or results only)."""
    return "name" in roles and bool(roles.keys() & {"target", "result"})


def _combine_labels(top: list[Any], bottom: list[Any]) -> list[str]:
    """Labels of a two-row header: 'Năm 2026' over 'Kế hoạch' reads 'Năm 2026 Kế hoạch'."""
    out = []
    for a, b in zip(top, bottom):
        a, b = vtext.clean(a), vtext.clean(b)
        out.append(a if (not b or a == b) else (b if not a else f"{a} {b}"))
    return out


def _is_number_row(values: list[Any]) -> bool:
    """The `(1) (2) (3) …` row under a header (or `1 2 3`, `A B C`)."""
    cells = []
    for v in values:
        if v is None or v == "":
            continue
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            v = str(int(v)) if float(v).is_integer() else "x"
        elif not isinstance(v, str):
            return False
        c = v.strip().lower()
        if not c:
            continue
        m = _NUMBER_ROW_CELL.match(c) if len(c) <= 30 else None
        if m is None:
            return False
        cells.append(m.group(1))  # the column's own number or letter, its formula aside
    if len(cells) < 3:
        return False
    nums = [int(c) for c in cells if c.isdigit()]
    return len(nums) < 3 or nums == sorted(nums)


# ---------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------

# Columns whose merged cells lend their text to every row they cover (a figure or a note never does);
# a merged STT cell is read too, but marks the rows it covers as sub-rows instead of lending its number.
_INHERITED_ROLES = ("unit", "lead", "cooperate", "leader", "direction")


def _merge_anchor_map(merged: list[tuple[int, int, int, int]], columns: set[int], first_row: int) -> dict[tuple[int, int], tuple[int, int]]:
    """(r, c) -> anchor cell, for merges that cover data rows in the given columns."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for r1, c1, r2, c2 in merged:
        if r2 < first_row or r1 == r2 and c1 == c2:
            continue
        if c1 not in columns:
            continue  # a merge across columns lends its text to no other column
        for r in range(max(r1 + 1, first_row), r2 + 1):
            out[(r, c1)] = (r1, c1)
    return out


def _str(v: Any) -> str:
    if v is None or isinstance(v, ErrorValue):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return vtext.clean(v)




def _display_text(v: Any) -> str:
    """Cell text for people: NFC, whitespace collapsed, legacy TCVN3/VNI converted when detected."""
    if isinstance(v, str):
        return _display_str(v)
    return _str(v)


# Units, agencies and leaders repeat down a column: each distinct text is made once.
_display_str = lru_cache(maxsize=1 << 16)(vtext.display_text)
# So do STT texts («1», «-», «+», «a)»).
_clean_short = lru_cache(maxsize=1 << 12)(vtext.clean)


def _scaled(p: ParsedNumber) -> Decimal:
    """A number from a cell formatted as a percentage (0,95 shown as 95%) in percent units."""
    return p.value.scaleb(2) if p.percent and not p.was_text else p.value


_DECIDING_ROLES = ("target", "result", "previous")
# How a document prints a figure whose cell's format hides digits (the `printed` of shown_rounded's message)
SHOWN_PRINTED = "; văn bản ghi {figure} như ô hiển thị, vì số này không làm sai tỷ lệ, mức tăng, giảm ghi bên cạnh"
DECIDING_PRINTED = ", nên văn bản ghi {figure}, không ghi số đã làm tròn"


def _deciding_figures(target: Target, result: Decimal | None, previous: Decimal | None, exact: dict[str, Decimal],
                      unit: str, readings: dict[str, Any], warn: Callable[..., None]) -> tuple[Target, Decimal | None,
                                                                                           Decimal | None]:
    """Plan, result and previous year as a document prints them, where a cell's format hides a digit that decides the
    verdict or the change (numbers.deciding_figures, rev13 R3: a ceiling of 3,5% under `0%` printed «4%» beside 3,8%
    and «không đạt»; rev16 R16-4: 73 beside a plan of 72,4 and «đạt 100,1%»): those figures with the decimals that
    decide. Every cell whose format hides digits is warned (shown_rounded), printed as shown or not: either way the
    printed figure is not the value every rule uses. Run only for a row with such a cell."""
    shown = {k: v for k, v in zip(_DECIDING_ROLES, (target.value if target.op == "=" else None, result, previous))
             if v is not None}
    held = {k: v for k, v in exact.items() if k in shown}
    points = unit.strip() in ("%", "‰") or any(getattr(readings.get(k), "percent", False) for k in ("result", "previous"))
    printed = deciding_figures(shown, held, points)
    for role in _DECIDING_ROLES:
        if role not in held or held[role] == shown[role]:
            continue
        reading = readings.get(role)
        assert reading is not None  # (held only for a figure read: a numeric cell's reading)
        percent = (reading.number if role == "target" else reading).percent
        sign = "%" if percent else ""
        was = target.text if role == "target" else format_number(shown[role]) + sign
        if role not in printed:  # printed as shown: it contradicts nothing stated beside it
            warn(role, shown=was, value=format_number(held[role]) + sign, printed=SHOWN_PRINTED.format(figure=was))
            continue
        figure = printed[role]
        warn(role, shown=was, value=format_number(held[role]) + sign,
             printed=DECIDING_PRINTED.format(figure=format_number(figure) + sign))
        if role == "target":
            target = Target(text=format_number(figure) + sign, op=target.op, value=figure, high=target.high)
        elif role == "result":
            result = figure
        else:
            previous = figure
    return target, result, previous


# One group of three digits after one comma or one dot («11,650», «72.500»): a figure the two conventions read
# a thousand times apart. Vietnamese reads the comma as the decimal point (flagged: English thousands are common)
# and the dot as thousands (not flagged: the Vietnamese way, and what most such texts mean).
_ONE_GROUP = re.compile(r"\s*([1-9]\d{0,2})([.,])(\d{3})\s*")
_TENFOLD = Decimal(10).ln()
_ONE_GROUP_IN_TEXT = re.compile(r"(?<![\d.,])([1-9]\d{0,2})([.,])(\d{3})(?![\d.,])")


def plan_weighs(raw: Any, target: Target) -> re.Match | None:
    """A text figure of one group of three digits beside a plan figure above zero: the two readings the plan
    weighs (_nearer_reading), else None. (A plan of growth, «Tăng 10%», is no figure to be near: the caller's.)"""
    if not isinstance(raw, str) or not target.value or target.value <= 0:
        return None
    return _ONE_GROUP.fullmatch(raw)


def _nearer_reading(p: ParsedNumber | None, raw: Any, target: Target) -> ParsedNumber | None:
    """«11,650» beside a plan of 11.280 was meant as 11.650, and «72.500» beside a plan of 72,4 as 72,5 (an English
    decimal point, as a sheet typed in an English-language Excel writes it): of the two readings of one group of
    three digits, take the one nearer the plan. A reading against the Vietnamese convention is always warned:
    its note (ambiguous_decimal) says how the figure was read and why."""
    m = plan_weighs(raw, target) if p is not None and p.was_text else None
    if p is None or target.value is None or not m:  # (plan_weighs asks both: for the type checker)
        return p
    head, sep, tail = m.groups()
    decimal, thousands = Decimal(head + "." + tail), Decimal(head + tail)
    if p.value != (decimal if sep == "," else thousands):
        return p  # (read otherwise already: nothing to weigh)
    # (an English decimal point's zeros are that writing's, not a precision: «72.500» is stated 72,5, «2.000» 2)
    alt = thousands if sep == "," else decimal.quantize(Decimal(1)) if decimal == decimal.to_integral_value() \
        else decimal.normalize()
    distance = lambda v: abs((v / target.value).ln()) if v > 0 else Decimal("Infinity")  # noqa: E731
    if distance(alt) >= distance(p.value) or sep == "." and distance(alt) >= _TENFOLD:
        return p  # (against the convention only for a figure within ten times the plan: «5.000» beside 72,4 is none)
    from dataclasses import replace
    note = _both_ways_note(raw, format_number(p.value), format_number(alt), sep, target.value)
    return replace(p, value=alt, ambiguous=True, note=note, two_ways=True)


def _share_as_fraction(p: ParsedNumber, raw: Any, target: Target) -> ParsedNumber:
    """«0,92» typed as text in a row in %, beside a plan of «≥ 90%», is 92% written as a fraction (rev13 R14: stated
    «0,92%» and judged «không đạt»): a text figure below 1, without a % sign, that is far from the plan (numbers.
    far_apart, the size of a unit slip) while a hundred times it is not, is read as that hundred times, warned as a
    figure read against its writing is (ambiguous_decimal). A rate of 0,92% beside a plan of 1% is not touched."""
    v, plan = p.value, target.value
    if p.percent or not 0 < v < 1 or plan is None or plan <= 0 or not far_apart(v, plan) \
            or far_apart(v.scaleb(2), plan) or target.op in ("<", "<="):
        return p  # (beside a ceiling the figure as written may well meet it: «0,95» under «≤ 10», rev14 F-C)
    if not plan / 2 <= v.scaleb(2) <= plan * 2:
        return p  # a hundredfold that lands near the plan only («0,92» beside «≥ 90%»), never one merely less far off
    from dataclasses import replace
    share = v.scaleb(2)
    note = (f"“{vtext.clean(raw)}” ghi như một phân số trong dòng có đơn vị tính %; so với kế hoạch "
            f"{format_number(plan)}%, chương trình hiểu là {format_number(share)}%, đề nghị kiểm tra lại và ghi "
            f"{format_number(share)}.")
    return replace(p, value=share, ambiguous=True, note=note)


def _both_ways_note(raw: Any, convention: str, taken: str, sep: str, plan: Decimal) -> str:
    """The warning of a figure (or a range, «61.500 – 62.000») read against the Vietnamese convention because the
    other reading is nearer the plan: both readings, and which was taken."""
    if sep == ",":
        ways = f"{convention} (dấu phẩy thập phân) hoặc {taken} (dấu phẩy phân cách hàng nghìn kiểu tiếng Anh)"
    else:
        ways = f"{convention} (dấu chấm phân cách hàng nghìn) hoặc {taken} (dấu chấm thập phân kiểu tiếng Anh)"
    return (f"“{vtext.clean(raw)}” có thể là {ways}; so với kế hoạch {format_number(plan)}, chương trình hiểu là "
            f"{taken}, đề nghị kiểm tra lại và ghi theo quy ước Việt Nam.")


def _nearer_range(rr: ResultReading, target: Target) -> ResultReading:
    """«61.500-62.000» beside a plan of 61,5: each bound weighed as a single figure is (_nearer_reading), and the
    range read the other way only when both bounds are (never half one way, half the other); warned as a single
    figure is, its note naming both readings of the range."""
    figures = _ONE_GROUP_IN_TEXT.findall(rr.text)
    low, high = rr.bounds.value, rr.bounds.high
    if len(figures) != 2 or figures[0][1] != figures[1][1] or low is None or high is None:
        return rr
    convention = [Decimal(head + "." + tail if sep == "," else head + tail) for head, sep, tail in figures]
    if sorted(convention) != [low, high]:
        return rr  # (the figures in the text are not these bounds)
    read: list[Decimal] = []
    for (head, sep, tail), bound in zip(figures, convention):
        figure = head + sep + tail
        p = _nearer_reading(parse_number(figure), figure, target)
        if p is None or not p.ambiguous or p.value == bound:
            return rr  # this bound stays as the convention reads it: so does the range
        read.append(p.value)
    from dataclasses import replace
    new_low, new_high = sorted(read)
    note = _both_ways_note(rr.text, f"{format_number(low)} – {format_number(high)}",
                           f"{format_number(new_low)} – {format_number(new_high)}", figures[0][1],
                           cast(Decimal, target.value))
    values = iter(read)  # (in the text's order)
    return replace(rr, bounds=replace(rr.bounds, value=new_low, high=new_high), note=note,
                   as_read=_ONE_GROUP_IN_TEXT.sub(lambda m: format_number(next(values)), rr.text))


def _nearer_result(rr: ResultReading, target: Target) -> ResultReading:
    """«Ước 11,650», «Trên 13,150», «Ước 72.500» beside a plan: a result written in words around one figure read
    both ways is taken the way nearer the plan, as a bare figure is (_nearer_reading); its note and the text a
    document writes («Ước 11.650») say so; a range («61.500-62.000») bound by bound (_nearer_range). A change
    («tăng 1,250») is no level to set beside the plan: left."""
    value = rr.bounds.value
    if rr.kind == "range" and not rr.change and target.value and target.value > 0:
        return _nearer_range(rr, target)
    if rr.change or rr.kind not in ("number", "about", "bound") or value is None or not target.value \
            or target.value <= 0:
        return rr
    figures = _ONE_GROUP_IN_TEXT.findall(rr.text)
    if len(figures) != 1:
        return rr
    head, sep, tail = figures[0]
    figure = head + sep + tail
    p = _nearer_reading(parse_number(figure), figure, target)
    if p is None or p.value == abs(value) or not p.ambiguous:
        return rr
    if Decimal(head + "." + tail if sep == "," else head + tail) != abs(value):
        return rr  # (the figure read in the text is not this one)
    from dataclasses import replace
    signed = -p.value if value < 0 else p.value
    return replace(rr, bounds=replace(rr.bounds, value=signed), note=p.note,
                   as_read=_ONE_GROUP_IN_TEXT.sub(format_number(p.value), rr.text, count=1))


def _numbered_next(rows: list[list[Any]], r: int, c: int, last: int, ahead: int = 50) -> bool:
    """Is the next STT below row r (within `ahead` rows) a number («13»), not a sub-row's mark («+», «-», «a)»)?
    What a failed STT cell among them most likely was. No STT below: a number (the row stands on its own)."""
    for i in range(r + 1, min(last, r + ahead) + 1):
        v = rows[i][c] if c < len(rows[i]) else None
        if v is None or v == "" or v.__class__ is ErrorValue:
            continue
        text = _str(v)
        return bool(text) and (text.isdigit() or _stt_number(text) is not None)
    return True


@lru_cache(maxsize=4096)
def _signature_text(text: str, strict: bool) -> bool:
    """begins_signature of a text cell; `strict`: a signer's title alone («CHỦ TỊCH») is not enough."""
    folded = _fold(text)
    if folded.startswith(_SIGN_START) or _DATE_LINE.match(folded):
        return True
    if strict or not _SIGNER.match(folded):
        return False
    return bool(_SIGNER_ALONE.match(folded)) or _is_upper_title(text)


def begins_signature(v: Any, strict: bool = False) -> bool:
    """Does the cell begin the foot of the sheet: a signature block or a statistical form's foot («NGƯỜI LẬP BIỂU»,
    «Thủ trưởng đơn vị», «(Ký, họ tên)», «TM. ỦY BAN NHÂN DÂN», «KT. CHỦ TỊCH», «Nơi nhận:», a signer's title
    «PHÓ CHỦ TỊCH», «GIÁM ĐỐC») or a date line («Cần Thơ, ngày … tháng … năm …»)? The one test of what ends the
    table and its notes. `strict`: a title alone does not (a leader's cell may hold «Chủ tịch»)."""
    return v.__class__ is str and _signature_text(v, strict)


def _holds_figure(v: Any) -> bool:
    """A figure in a cell: a number, or one typed as text («100%», «≥ 90», «7.677,3»: a digit, not a date line)."""
    if isinstance(v, (int, float, Decimal)):
        return not isinstance(v, bool)
    return v.__class__ is str and any(ch.isdigit() for ch in v) and not begins_signature(v)


def signs_off(row: list[Any], c_stt: int | None) -> bool:
    """Does the row begin the foot of the sheet, wherever it stands (right under the last indicator, under a note or
    «Ghi chú:», blank row above or not, in the first column or to the right)? Its first cell begins a signature
    block, a form's foot or is a date line («NGƯỜI LẬP BIỂU», «Người lập biểu | Kiểm tra | Thủ trưởng đơn vị»,
    «Nơi nhận:»), or a cell to its right begins a signature block («… | TM. ỦY BAN NHÂN DÂN»); and it holds no figure
    and no STT: a row named like a role with a figure or a number («Số người lập biểu mẫu», «Chủ tịch UBND xã đạt
    chuẩn | % | 100») is the table's. What follows it is the foot's (titles, «(Ký, họ tên)», the signers' names),
    never rows of the table (rev22 R22-17, R22-19, R22-20)."""
    if c_stt is not None and c_stt < len(row):
        stt = row[c_stt]
        if stt.__class__ is float or stt.__class__ is int or stt.__class__ is str and stt and len(stt) <= 6 \
                and not stt.isspace():
            return False  # an STT («5», «-», «a)»): a row of the table (the common row, said at once)
    cells = [v for v in row if not _is_blank(v) and v.__class__ is not ErrorValue]
    if not cells or not any(begins_signature(v, i > 0) for i, v in enumerate(cells)):
        return False
    return not any(_holds_figure(v) for v in cells)


def table_goes_on(rows: list[list[Any]], start: int, last: int, c_stt: int | None) -> bool:
    """Is the next filled row from `start` (0-based, up to `last`) an indicator of the table, a numbered STT with a
    figure? Then the row above that signs_off was no foot but a heading named like a signer («Thủ trưởng cơ quan, đơn
    vị được đánh giá» over «2 | Tỷ lệ thủ trưởng hoàn thành tốt nhiệm vụ | % | 90»: rev23 REG-2): a foot is followed
    by titles, «(Ký, họ tên)» and names, never by a numbered row of figures."""
    if c_stt is None:
        return False
    for i in range(start, min(last + 1, start + 3)):
        row = rows[i]
        if all(_is_blank(v) for v in row):
            continue
        stt = row[c_stt] if c_stt < len(row) else None
        numbered = stt.__class__ in (int, float) or isinstance(stt, str) and _stt_number(stt.strip()) is not None
        return numbered and any(_holds_figure(v) for k, v in enumerate(row) if k > c_stt and not _is_blank(v))
    return False


def _ends_table(row: list[Any], header_folds: set[str]) -> bool:
    """A row after a blank one that starts a signature block, a date line or another table
    (a header unlike this table's; the same header repeated is a page break, not an end).
    A row with a number in it, or a numbered STT, is data and never ends the table."""
    cells = [v for v in row[:12] if v is not None and v != ""]
    if not cells or any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in cells):
        return False
    if _INT_STT.match(_str(cells[0])) and len(cells) > 1:
        return False
    if begins_signature(cells[0]) or _fold(_display_text(cells[0])).startswith(_TABLE_START):
        return True
    roles = _roles_of_labels(row)
    if len(roles) < 3 or "name" not in roles:
        return False
    same = sum(1 for _, lab in roles.values() if _fold(lab) in header_folds)
    return same < 2


def _titles_table(v: Any) -> bool:
    """Is the cell another table's title («BIỂU 02: CHỈ TIÊU XÃ HỘI», «Phụ lục 3»), not a row's number?"""
    return isinstance(v, str) and _fold(v).startswith(_TABLE_START)


def tables_below(rows: list[list[Any]], start: int, last: int,
                 header_folds: set[str]) -> list[tuple[str, int, int, bool]]:
    """The tables below the one read, from row `start` (0-based, the row that ended it) to `last`: for each with a
    row of figures, (its title, or "" when it has none; its first and last row, 0-based; whether its header is this
    table's). Run once, where a table ends before the sheet does: so that «BIỂU 02 …» and its rows under «BIỂU 01»
    are never dropped unsaid (a signature block, a date line and notes hold no figure and are no table)."""
    found: list[tuple[str, int, int, bool]] = []
    title, first, end, same = "", None, None, False  # the block being gathered; `end`: its last row of figures
    signing = False  # in a signature block: its names and titles are no table's title

    def close() -> None:
        if first is not None and end is not None:
            found.append((title, first, end, same))

    for r in range(start, last + 1):
        cells = [v for v in rows[r][:12] if not _is_blank(v)]
        if not cells:
            continue
        text = _fold(_display_text(cells[0]))
        if begins_signature(cells[0]) or signs_off(rows[r], None):
            close()  # a signature block: whatever follows it is another block
            title, first, end, same, signing = "", None, None, False, True
            continue
        figures = any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in cells) \
            or (len(cells) > 1 and bool(_INT_STT.match(_str(cells[0]))))
        roles = _roles_of_labels(rows[r]) if not figures and len(cells) >= 3 else {}
        is_header = len(roles) >= 3
        is_title = not figures and not is_header and len(cells) == 1 and isinstance(cells[0], str)
        if signing:
            if not (figures or is_header or is_title and text.startswith(_TABLE_START)):
                continue  # «Nguyễn Văn A», «(Ký, ghi rõ họ tên)»
            signing = False
        if (is_title or is_header) and end is not None:
            close()  # a new title or header after rows of figures: the next table
            title, first, end, same = "", None, None, False
        if first is None:
            first = r
        if is_title and not title and end is None:
            title = vtext.clean(_display_text(cells[0]))
        if is_header and end is None:
            # (the labels of what the rows are and hold; «STT», «ĐVT» head every table alike)
            same = sum(1 for role, (_, lab) in roles.items()
                       if role not in ("stt", "unit") and _fold(lab) in header_folds) >= 2
        if figures:
            end = r
    close()
    return found


# A note under the table: its mark first («(*) Số liệu ước tính …», «(2) Không kể …», «[1] …», «¹ …», «* …»)
_NOTE_MARK = re.compile(r"^(\(\s*\*+\s*\)|\*+|\[\s*\d{1,2}\s*\]|\(\s*\d{1,2}\s*\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*(?=\S)")
# the heading of the notes, which the document writes itself («Ghi chú:», «Chú thích:», «Chú giải:»)
_NOTES_HEADING = re.compile(r"^(?:ghi chú|chú thích|chú giải)\s*[:.]?\s*", re.IGNORECASE)
# notes that name themselves, written as they are: «Nguồn: Thống kê tỉnh», «Lưu ý: …»
_NAMED_NOTE = ("nguon:", "nguon so lieu", "luu y")
# an unmarked line of a list of notes under «Ghi chú:» («- Số liệu năm 2025 là số chính thức», «1. …»)
_NOTE_ITEM = re.compile(r"^(?:[-+•–]\s*|\d{1,2}[.)/]\s+)(?=\S)")
NOTES_SCANNED = 40  # rows under the last indicator looked at: notes are a few lines, never a sheet


# how a note's first cell may begin (a mark, «Ghi chú», «Chú thích», «Nguồn», «Lưu ý»): a name cell that does not is
# never looked at as a note (_notes_row)
_NOTE_FIRST = re.compile(r"[(*\[¹²³⁴⁵⁶⁷⁸⁹⁰]|(?:ghi|chú|nguồn|lưu)\b", re.IGNORECASE)


def _notes_row(row: list[Any]) -> str:
    """Is the row a line of the notes under the table, its first cell a mark with words («(*) Kế hoạch là …»), the
    «Ghi chú:» heading, or a note that names itself («Nguồn: …»), and no figure in it? "signed" when a cell to its
    right begins a signature block or is a date line («TM. ỦY BAN NHÂN DÂN», «KT. CHỦ TỊCH», «Cần Thơ, ngày …»), as
    printed biểu put notes at the left and the signature at the right on the same rows; "note" otherwise; "" for a
    row that is no note."""
    cells = [v for v in row if not _is_blank(v)]
    first = cells[0] if cells else None
    if not isinstance(first, str) or any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in cells):
        return ""
    text = vtext.clean(_display_text(first))
    m = _NOTE_MARK.match(text)
    if not (_NOTES_HEADING.match(text) or m and any(ch.isalpha() for ch in text[m.end():])
            or _fold(text).startswith(_NAMED_NOTE)):
        return ""
    if any(begins_signature(v) for v in cells[1:]):
        return "signed"
    return "note"


def _note_line(row: list[Any]) -> str:
    """A note's text: its own cell (the cells a merge spans are blank, or repeat it), never the other cells of its
    row: a signature block begun on the notes' rows at the right («TM. ỦY BAN NHÂN DÂN», «CHỦ TỊCH», a date line) is
    no part of a note (rev22 R22-16). A cell holding only the mark or the heading («(*)» | «Số liệu ước tính …»,
    «Ghi chú:» | «(1) …») goes on in the next cell that holds something, unless that one begins a signature."""
    cells = [v for v in row if not _is_blank(v) and not isinstance(v, ErrorValue)]
    if not cells:
        return ""
    line = vtext.clean(_display_text(cells[0]))
    bare = _NOTES_HEADING.sub("", line)
    mark = _NOTE_MARK.match(bare + " .")
    if (not bare or mark and not any(ch.isalpha() for ch in bare[mark.end():])) and len(cells) > 1:
        nxt = vtext.clean(_display_text(next((v for v in cells[1:] if v != cells[0]), "")))
        if nxt and not (begins_signature(nxt) or _fold(nxt).startswith(_TABLE_START)):
            line = f"{line} {nxt}"
    return line


def notes_under(rows: list[list[Any]], start: int, end: int, hidden: frozenset[int] = frozenset()) -> list[TableNote]:
    """The notes written under the table, rows `start`..`end` (0-based, inclusive: after the last indicator, up to
    where the table ends): each line that begins with a mark («(*)», «(1)», «[1]», «¹», «*») or names itself
    («Nguồn: …», «Lưu ý: …»), the «Ghi chú:» heading aside, and the unmarked items of a list under that heading
    («- …», «1. …») up to the first other line. Run once per table. Anything else (a signature block, «Người lập
    biểu», a name, a date line) is no note: a note is never made from it."""
    out: list[TableNote] = []
    listing = False  # under a «Ghi chú:» heading or a note: an unmarked list item is a note too
    seen = 0
    for r in range(start, min(end, len(rows) - 1) + 1):
        if r in hidden:
            continue  # Excel does not print it
        cells = [_display_text(v) for v in rows[r] if not _is_blank(v) and not isinstance(v, ErrorValue)]
        if not cells:
            continue
        seen += 1
        if seen > NOTES_SCANNED:
            break
        if any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in rows[r]):
            listing = False  # a row of figures is data (of a row left out, of another table), never a note
            continue
        line = _note_line(rows[r])
        heading = _NOTES_HEADING.match(line)
        text = line[heading.end():] if heading else line
        if heading and not text:
            listing = True
            continue
        m = _NOTE_MARK.match(text)
        if m and any(ch.isalpha() for ch in text[m.end():]):  # («(1) (2) (3)», a column-number row: no words)
            out.append(TableNote(r + 1, vtext.footnote_key(m.group(1)), text))
        elif heading or _fold(text).startswith(_NAMED_NOTE) or listing and _NOTE_ITEM.match(text):
            out.append(TableNote(r + 1, "", text))
        else:
            listing = False
            continue
        listing = True
    return out


def footnote_findings(table: Table) -> list:
    """A footnote mark written after a name or a figure («…trên địa bàn²», «70,5*») with no note under the table that
    carries it (notes_under; «²» is «(2)»): the document keeps the mark, which then points at nothing. One warning per
    cell. read_workbook adds them to the table's findings (check), as it does plan_findings. The rows are sifted a
    column at a time in C (a name's mark was split off by the reader; a figure's is looked for only in a text cell
    that ends like one): no work per row in Python."""
    from kh_excel.core.validation import COLUMN_NAMES, make_finding
    inds, cols = table.indicators, table.columns
    keys = {n.mark for n in table.notes if n.mark}
    found = [(ind, "name", ind.footnote) for ind in compress(inds, map(_FOOTNOTE_OF, inds))]
    raws = list(map(_RAW_OF, inds))
    for role in ("target", "result", "previous"):
        if role not in cols:
            continue
        values = list(map(methodcaller("get", role), raws))
        texts = list(compress(range(len(values)), map(isinstance, values, repeat(str))))
        ends = list(compress(texts, map(str.endswith, [values[i] for i in texts], repeat(_MARK_ENDS)))) if texts else []
        for i in ends:
            mark = vtext.split_footnote(vtext.clean(values[i]))[1]
            if mark:
                found.append((inds[i], role, mark))
    return [make_finding("footnote_without_note", table.sheet, ind.row - 1, cols[role], ind.name, mark=mark,
                         column=COLUMN_NAMES.get(role, role))
            for ind, role, mark in sorted(found, key=lambda x: (x[0].row, cols[x[1]]))
            if vtext.footnote_key(mark) not in keys]


_FOOTNOTE_OF, _RAW_OF = attrgetter("footnote"), attrgetter("raw")
_MARK_ENDS = tuple(vtext.FOOTNOTE_ENDS)


def _tables_below_finding(table: Table, rows: list[list[Any]], start: int, last: int, header_folds: set[str]):
    """The warning naming the tables below the one read (tables_below), or None: in check and beside every
    document (core.gate.TABLE_WARNINGS). Chosen: left out and named, never read on as this table's rows: a table
    numbered apart («BIỂU 02») may be of another year, place or plan, and its rows would stand under this table's
    title; the header merely repeated (a page break) is read on (repeated_header)."""
    below = tables_below(rows, start, last, header_folds)
    if not below:
        return None
    from kh_excel.core.validation import make_finding
    named = "; ".join((f"bảng «{t}»" if t else "một bảng khác") + f" (dòng {a + 1}–{b + 1})" for t, a, b, _ in below)
    titled_same = [(t, a) for t, a, _, same in below if same and t]
    if titled_same:
        t, a = titled_same[0]
        how = (f"Nếu đó là phần tiếp của bảng này, hãy xóa dòng tiêu đề «{t}» (dòng {a + 1}) để chương trình đọc "
               "tiếp; nếu là bảng riêng, hãy chuyển bảng đó sang một trang riêng rồi đọc trang đó (--sheet).")
    else:
        how = "Muốn đọc bảng đó, hãy chuyển bảng đó sang một trang riêng rồi đọc trang đó (--sheet)."
    return make_finding("table_below_not_read", table.sheet, below[0][1], 0, "", tables=named,
                        first=table.indicators[0].row, last=table.indicators[-1].row, how=how)


# Cells that only say there is no figure yet (folded): marks, and words («Đang cập nhật», «Chưa đánh giá», «Đang tổng
# hợp»: the figure is being gathered), which a result cell is warned of (_pending_words, result_pending)
_PLACEHOLDERS = {"-", "--", "...", "x", "?", "n/a", "k/c", "dang cap nhat", "chua co", "chua co so lieu",
                 "khong co so lieu", "chua co sl", "cap nhat sau", "chua cap nhat"}
# Of a figure of results only (a result, the year before's): the judgement or the count is not done yet. In a plan
# cell the words are the plan's own text, a plan in words as before (rev17 REG-2: «Chưa đánh giá» in a plan cell made
# «chưa có số kế hoạch» refuse every document)
_PENDING = {"chua danh gia", "dang tong hop", "chua tong hop", "chua thong ke", "dang thong ke", "chua ro",
            "chua xac dinh"}  # («Chưa rõ»: not known yet, rev23)


_ONE_LETTER = re.compile(r"^[A-ZĐ]$")
# the letters an STT column runs through, in Vietnamese order (A, B, C, D, Đ, E, G …) and in English (… E, F, G …)
_LETTER_ORDERS = ("ABCDĐEGHIKLMNOPQRSTUVXY", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _next_letter(stt: str, before: str) -> bool:
    """Is a one-capital STT («C», «D», «L») the letter after `before` («B», «C», «K»), the last one-letter STT of the
    column? Then it is the next of a lettered sequence (A, B, C: parts of a budget's total, sections), never a Roman
    numeral, whatever it could read as alone. «I» is left out: «I» under «H» is as often the first Roman numeral of
    its items as the ninth letter."""
    if stt == "I" or not _ONE_LETTER.match(stt) or not _ONE_LETTER.match(before):
        return False
    return any(0 < (i := order.find(stt)) and order[i - 1] == before for order in _LETTER_ORDERS)


@lru_cache(maxsize=1 << 12)
def _stt_number(stt: str) -> int | None:
    """The number of a numbered STT ("2", "2.", "2(*)", "3*"), None for any other."""
    m = _INT_STT.match(stt)
    return int(m.group(1)) if m else None


def _unless_placeholder(v: Any, result: bool = False) -> Any:
    """None for a cell that only says there is no figure yet ("-", "…", "đang cập nhật"; of a `result`, also
    «Chưa đánh giá», «Đang tổng hợp»: _PENDING)."""
    if isinstance(v, str) and _is_placeholder(v, result):
        return None
    return v


def _pending_words(v: Any) -> bool:
    """A result's placeholder in words («Chưa đánh giá», «Đang tổng hợp»), not a mark («-», «…»): the figure is not
    there yet, which a result cell is warned of, quoted."""
    return isinstance(v, str) and _is_placeholder(v, True) and " " in _fold(v).strip(" .")


@lru_cache(maxsize=1 << 12)
def _is_placeholder(v: str, result: bool = False) -> bool:
    """Whether a text cell only says there is no figure yet (texts of a figure column repeat: «-», «>10»)."""
    key = _fold(v).strip().replace("…", "...").replace("–", "-").replace("—", "-")
    if key.strip(" .") in _PLACEHOLDERS or key in _PLACEHOLDERS:
        return True
    return result and key.strip(" .") in _PENDING


_FOOTNOTE = re.compile(r"\s*(?:\(\*+\)|\*+|\(\d{1,2}\))\s*$")
_TRAILING_NOTE = re.compile(r"^(.*?\S)\s*\([^()]*\)\s*$")


def _growth_on_named_base(raw: str, base_year: int | None, number_format: str | None) -> TargetReading | None:
    """A growth plan that names its base («Tăng 10% so với năm 2025», «Giảm 5% so với cùng kỳ»), read as the
    plan before the clause (the whole text kept) when the base is the year before the plan's, whose column the
    table has; None otherwise («so với năm 2024»: another base, not judged — attainment says why).
    A fall («Giảm 5% …») is read as text here, as «Giảm 5%» alone is: the caller takes it as a reduction."""
    nb = named_base(raw)
    if nb is None or base_year is None or (nb[1] is not None and nb[1] != base_year):
        return None
    head = nb[0]
    again = _parse_target_cell(head, number_format)
    t = again.target
    if t.op == "text":
        return TargetReading(Target(text=vtext.clean(raw), op="text"), ()) if reduction_plan(head) else None
    if "%" not in head:
        return None  # «Tăng 500 so với năm 2025»: a change in the row's unit, not a growth in %
    return TargetReading(Target(text=vtext.clean(raw), op=t.op, value=t.value, high=t.high), again.numbers)


def _stretched(raw: str, number_format: str | None) -> tuple[TargetReading, str, str] | None:
    """A plan with its stretch target («6,5-7, phấn đấu 7-7,5»: Nghị quyết 158/2024/QH15): read as its base plan, its
    text kept as written for the documents (rev18 R18-5); with the base and the stretch as written, for the warning
    that the stretch is not judged. None unless both are figures (a stretch in words, «phấn đấu nâng cao», is none)."""
    parts = stretch_target(raw)
    if parts is None:
        return None
    base, stretch = (_parse_target_cell(part, number_format) for part in parts)
    if base.target.op == "text" or stretch.target.op == "text":
        return None
    t = base.target
    return TargetReading(Target(text=vtext.clean(raw), op=t.op, value=t.value, high=t.high), base.numbers), *parts


def _parse_target_cell(raw: Any, number_format: str | None) -> TargetReading:
    """A target as written, footnote marks ("≥ 95% (*)") and trailing notes ("2.500 (tăng 10%)") aside."""
    reading = parse_target_ex(raw, number_format)
    if reading.target.op != "text" or not isinstance(raw, str):
        return reading
    stripped = _FOOTNOTE.sub("", raw)
    m = _TRAILING_NOTE.match(stripped)
    for candidate in (stripped, m.group(1) if m else None):
        if candidate and candidate != raw:
            again = parse_target_ex(candidate, number_format)
            if again.target.op != "text":
                t = again.target
                return TargetReading(Target(text=vtext.clean(raw), op=t.op, value=t.value, high=t.high), again.numbers)
    return reading


# A figure followed by the row's unit («12 xã», «3.500 nghìn lượt»), by a count's total and unit («16/16 xã»), or in
# per cent by what it is a share of («100% xã», «100% số xã»): what a cell holds when the unit is typed with the figure
_FIGURE_THEN_UNIT = re.compile(r"(?P<fig>[^\d%/()]*\d[\d.,]*)\s*(?:/\s*(?P<total>\d[\d.,]*))?\s*(?P<pct>%)?"
                               r"\s*(?P<tail>[^\d%/()]+)")


# The unit then the words of a bound (folded): «mô hình trở lên» of «04 mô hình trở lên» (R20-2)
_BOUND_AFTER_UNIT = re.compile(r"(?P<unit>.+?) (?P<dir>tro len|tro xuong)")

# A count of its total («04/09» beside the unit «Thôn, làng»: 4 of the 9 villages), digits only: «1/2/2024» and
# «1,5/2» never match whole (a cell that is only that: fullmatch; one that begins so, «16/16 xã»: match, for
# validation's count_of_total)
COUNT_OF_TOTAL = re.compile(r"(?P<fig>\d{1,7})\s*/\s*(?P<total>\d{1,7})\b")
# Units that count things (folded, «số» before them dropped): the places, bodies and objects a table counts, one by one.
# Never a measure (tỷ đồng, ha, %, ‰) nor a ratio («/100.000 trẻ đẻ sống», «người/1.000 dân»): its «a/b» is no count.
_COUNT_UNITS = frozenset({
    "xa", "phuong", "thi tran", "thon", "lang", "ban", "ap", "buon", "xom", "khoi", "khu", "to", "to dan pho",
    "khu pho", "khu dan cu", "huyen", "thi xa", "thanh pho", "don vi", "don vi hanh chinh", "co quan", "truong",
    "tram", "tram y te", "co so", "doanh nghiep", "hop tac xa", "htx", "to hop tac", "cong trinh", "du an", "cho",
    "nha", "can", "can nha", "cai", "chiec", "san pham", "tieu chi", "chi tieu", "thiet che", "nha van hoa", "ho",
    "gia dinh", "nguoi", "lao dong", "hoc sinh", "lop", "diem", "lang nghe", "benh vien", "phong",
})


def _counts_things(unit: str) -> bool:
    """Does the row's unit count things («Thôn, làng», «Xã», «Số trường», «công trình»), so that «4/9» is 4 of 9?"""
    key = _fold(unit)
    if not key or any(ch.isdigit() or ch in "/%‰" for ch in key):
        return False
    parts = [" ".join(p.split()) for p in re.split(r"[,;]|\bva\b|\bhoac\b", key)]
    return all(p.removeprefix("so ") in _COUNT_UNITS for p in parts if p) and any(parts)


@lru_cache(maxsize=1 << 10)
def _unit_stripped(text: str, unit: str) -> str | None:
    """The figure of a cell that writes the row's unit after it («12 xã» beside the unit «Xã»: «12»; «16/16 xã»: «16»,
    the count of its total; «100% xã» beside «%»: «100%»); None when what follows the figure is no unit of the row.
    A bare count of its total («04/09» beside «Thôn, làng») is its count where the unit counts things (rev18 R18-5),
    never a month of a year («12/2025»). Lead words before the figure are the plan's, as its reading takes them
    («Duy trì 19/19 tiêu chí», «Phấn đấu 16/16 xã»: 19, 16; rev20 R20-1). A bound's words after the unit stay with the
    figure («04 mô hình trở lên» beside «Mô hình»: «04 trở lên», as «Từ 04 trở lên» is read); a word that is not the
    row's unit is never dropped."""
    bare = COUNT_OF_TOTAL.fullmatch(without_lead_words(vtext.clean(text)))
    if bare is not None:
        fig, total = int(bare.group("fig")), int(bare.group("total"))
        if fig <= total and not (fig <= 12 and 1900 <= total <= 2100) and _counts_things(unit):
            return str(fig)
        return None
    m = _FIGURE_THEN_UNIT.fullmatch(vtext.clean(text))
    if m is None:
        return None
    if m.group("tail").strip() == "‰" and vtext.clean(unit) == "‰" and not m.group("pct") and m.group("total") is None:
        return m.group("fig").strip()  # «Dưới 12‰» beside the unit «‰»: 12 in the row's unit, as «Dưới 12%» beside «%»
    tail = vtext.fold_words(m.group("tail"))
    own = " ".join(re.sub(r"[^\w\s%]", " ", _fold(unit)).split())
    if m.group("pct"):
        # («1,1%o» is per mille, ‰, never a per cent followed by a word)
        ok = own in ("%", "phan tram") and m.group("total") is None and len(tail.split()) <= 3 and tail not in ("o", "0")
        return m.group("fig").strip() + "%" if ok else None
    # a bound's words after the unit («04 mô hình trở lên», «Từ 25 đảng viên trở lên»): the figure keeps them
    bound = _BOUND_AFTER_UNIT.fullmatch(tail) if m.group("total") is None else None
    if bound is not None:
        tail = bound.group("unit")
    if not own or tail.removeprefix("so ") != own:
        return None
    if bound is not None:
        return f"{m.group('fig').strip()} {'trở lên' if bound.group('dir') == 'tro len' else 'trở xuống'}"
    of_total = m.group("total")
    count = without_lead_words(m.group("fig").strip())
    if of_total is not None and not (of_total.isdigit() and count.isdigit() and int(count) <= int(of_total)):
        return None  # «16/16 xã»: a count of a total, never a fraction or a date
    return m.group("fig").strip()


# «Đơn vị tính: triệu đồng», «ĐVT: tỷ đồng» above a table; a unit in brackets closing a figure column's header
# («Dự toán HĐND xã giao (triệu đồng)»): a few words, no digit (a period's note has them: «(6T đầu năm)»)
_UNIT_LINE = re.compile(r"(?:đơn vị tính|đvt)\s*[:：]\s*([^\d:;()]{1,30}?)\s*\)?\s*$", re.IGNORECASE)
_UNIT_BRACKET = re.compile(r"\(\s*([^\d()]{1,30}?)\s*\)\s*$")
# How a unit ends (folded): money, per cent, area, weight, people, counts
_UNIT_ENDS = frozenset({"dong", "usd", "%", "ha", "tan", "ta", "kg", "nguoi", "ho", "luot", "xa", "con", "km", "m2",
                        "m3", "kwh", "chiec", "cai", "nghiep", "truong", "giuong", "si"})


def _closing_unit(text: str) -> tuple[str, int] | None:
    """The unit in brackets that closes `text` («Dự toán HĐND xã giao (triệu đồng)», «Tỷ lệ hộ nghèo (%)») and its
    number of words; None when the brackets hold no unit («(NQ HĐND)», «(điều chỉnh)» are notes)."""
    m = _UNIT_BRACKET.search(text)
    if m is None:
        return None
    words = _fold(m.group(1)).replace("%", " % ").split()
    return (m.group(1).strip(), len(words)) if words and words[-1] in _UNIT_ENDS else None


def _unit_fits_names(unit: str, rows: list[list[Any]], first: int, last: int, c_name: int) -> bool:
    """Can a unit above the table be every row's? Not when a row's name states its own («Tỷ lệ hộ nghèo (%)», «Số
    xã (xã)») or is a share where the unit is none («Tỷ lệ …» under «triệu đồng»), nor a count or an amount under
    «%» («Số xã …», «Thu nhập …»)."""
    percent = _fold(unit).strip() in ("%", "phan tram")
    for r in range(first, min(last + 1, len(rows))):
        v = rows[r][c_name] if c_name < len(rows[r]) else None
        if not isinstance(v, str) or not v.strip():
            continue
        name = vtext.clean(v)
        key = _fold(re.sub(r"^[-+*•–\s]+", "", name))
        if _closing_unit(name) is not None:
            return False
        if key.startswith(_AMOUNT_NAMES if percent else _PERCENT_NAMES) and not _is_heading(name):
            return False
    return True


# How the names of rows in % begin (folded), and of counts and amounts, which are not (_unit_fits_names)
_PERCENT_NAMES = ("ty le", "ty trong", "co cau", "toc do")
_AMOUNT_NAMES = ("so ", "thu nhap", "thu ngan sach", "tong ", "gia tri", "san luong", "dien tich", "von ", "kim ngach",
                 "doanh thu", "dan so", "luong khach")


def table_unit(title_lines: list[str], labels: dict[str, str]) -> tuple[str, str] | None:
    """(unit, where it is written) of a table with no unit column: «Đơn vị tính: …» in its title, else the unit in
    brackets that closes its plan and result headers (the same in both, where both have one); None when neither
    says, or the two headers differ."""
    for line in title_lines:
        m = _UNIT_LINE.search(vtext.clean(line))
        if m and len(m.group(1).split()) <= 4:
            return m.group(1).strip(), m.group(0).strip().rstrip(")").strip()
    found = {}
    for role in ("target", "result"):
        closing = _closing_unit(vtext.clean(labels.get(role, "")))
        if closing is not None and closing[1] <= 3:
            found[role] = closing[0]
    if not found or len({_fold(u) for u in found.values()}) > 1:
        return None
    role, unit = next(iter(found.items()))
    return unit, vtext.clean(labels[role])


def _as_text(target: Target) -> Target:
    """The target as words only: a direction read from the name alone (a reduction plan's «<» is no ceiling)."""
    return Target(text=target.text, op="text")


def _scaled_target(reading: Any) -> Target:
    """A target typed in a percentage-formatted cell (0,95 shown as 95%) in percent units, like its text."""
    t = reading.target
    n = reading.number
    if n is None or not n.percent or n.was_text or t.value is None:
        return t
    return Target(text=t.text, op=t.op, value=t.value.scaleb(2),
                  high=t.high.scaleb(2) if t.high is not None else None)


_LETTERED = re.compile(r"^([A-ZĐ]|[IVXLC]{1,5})\s*[.)]\s*(\S.*)$")


@lru_cache(maxsize=1 << 12)
def _is_heading(name: str) -> bool:
    """An upper-case title, a note in brackets aside: "F. CHĂN NUÔI (BQ tổng đàn)", "KHU VỰC DỊCH VỤ"."""
    return bool(name) and not name.startswith(("-", "+", "*", "•", "–")) and _is_upper_title(re.sub(r"\([^()]*\)", "", name))


def _is_zero(v: Any) -> bool:
    """Blank, or a zero (0, 0.0, "0"): what a formula over empty cells gives."""
    if v is None or v == 0 and not isinstance(v, bool):
        return True
    return isinstance(v, str) and v.strip() in ("", "0", "0,0", "0.0")


def _is_empty_figure(v: Any) -> bool:
    """What a formula in a heading row gives over empty cells: blank, 0, or an error value
    (#DIV/0! of a ratio over nothing, once the file is recalculated)."""
    return _is_zero(v) or isinstance(v, ErrorValue)


def _is_upper_title(s: str) -> bool:
    letters = [ch for ch in s if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


# The national name and motto a document's header writes on the right («CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM», «Độc lập -
# Tự do - Hạnh phúc»), beside the issuer on the same rows: no part of the table's title, nor of the issuer's name.
_NATIONAL = re.compile(r"\s*(?:cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc)\b")


def title_cells(rows: list[list[Any]], header_row: int) -> list[tuple[str, ...]]:
    """The rows above the header (0-based row `header_row`) that hold text, each as its cells' texts left to right
    (a text repeated along a row once), the national name and motto aside."""
    lines = []
    for r in range(0, min(header_row, len(rows))):
        parts = [t for v in rows[r] if not _is_blank(v) and not _NATIONAL.match(_fold(t := _str(v)))]
        if parts:
            lines.append(tuple(dict.fromkeys(parts)))
    return lines


def _title_lines(rows: list[list[Any]], header_row: int) -> list[str]:
    """The lines above the header (0-based row `header_row`), the national name and motto aside: each row's
    cells joined (title_cells)."""
    return [" ".join(cells) for cells in title_cells(rows, header_row)]


def _title_against_result(table: Table, rows: list[list[Any]], header_row: int) -> None:
    """A title naming a part of the year over a result column naming only its year (core.periods.title_part_over_year,
    rev12 D-E): one warning at the title's cell naming both and saying how it was read. Once per table."""
    from kh_excel.core.periods import span_of, span_words, title_part_over_year, title_period_text
    span = title_part_over_year(table)
    if span is None:
        return
    from kh_excel.core.validation import col_letter, make_finding
    above = range(min(header_row, len(rows)))
    texts = [(r, c) for r in above for c, v in enumerate(rows[r]) if isinstance(v, str) and v.strip()]
    if not texts:
        return  # (a title comes from the cells above the header: never without one)
    # the cell that names the part; else (the words split over cells) the title's last cell: never unsaid
    r, c = next(((r, c) for r, c in texts if span_of(title_period_text([rows[r][c]])) == span), texts[-1])
    res = table.columns["result"]
    table.reader_findings.append(make_finding(
        "title_period_differs", table.sheet, r, c, title=vtext.clean(rows[r][c]), part=span_words(span),
        col=col_letter(res), label=table.column_headers["result"]))


def _year_before_findings(table: Table, header: _Header, title_lines: list[str]) -> None:
    """What the header's reading of the year before says: which of its actual and its estimate was read
    (_previous_actual), and a plan's year-less «Thực hiện» read as the year before's (_actual_before_plan)."""
    from kh_excel.core.validation import col_letter, make_finding
    if header.previous_kind:  # the year before's actual beside its estimate: which was read
        kind = header.previous_kind
        (a, a_label), (e, e_label) = kind["actual"], kind["estimate"]
        actual, estimate = f"cột {col_letter(a)} «{a_label}»", f"cột {col_letter(e)} «{e_label}»"
        if kind["taken"] == a:
            why = f"lấy {actual} (số thực hiện, có sau và sát thực tế hơn số ước), không lấy {estimate}"
        elif kind.get("short"):
            why = (f"lấy {estimate}, không lấy {actual}: {actual} chưa có số ở {_rows_words(kind['short'])} "
                   "(số thực hiện chưa đủ)")
        else:
            why = (f"lấy {estimate}, không lấy {actual}: số ở {actual} thấp hơn số ước ở phần lớn các dòng, nên là số "
                   f"thực hiện đến thời điểm báo cáo, chưa phải số cả năm")
        table.reader_findings.append(make_finding("previous_actual_or_estimate", table.sheet, None, None,
                                                  year=kind["year"], why=why))
    if header.actual_before_plan:  # «Thực hiện | Kế hoạch» under «KẾ HOẠCH … NĂM 2026»: the actual of 2025
        year, col, label, before, why = header.actual_before_plan
        table.previous_year = before
        table.year = table.year or year
        table.reader_findings.append(make_finding(
            "actual_before_plan", table.sheet, header.row, col, title=" ".join(title_lines), year=year,
            label=label, why=why, previous=before))


@without_gc
def plan_findings(table: Table) -> list:
    """What the reader says of the plan it took among several (Table.plan_choice): one of two plans of one period
    chosen by the sheet's formulas (plan_of_formula); the plan columns of other years left out, which plan was taken
    and why, and how to take another (plan_left_out): the 2026 plan of a December appendix is never dropped unsaid.
    read_workbook adds them to the table's findings, as it does a continuation sheet's."""
    from kh_excel.core.validation import col_letter, make_finding
    choice, target, result = table.plan_choice, table.columns.get("target"), table.columns.get("result")
    if not choice:
        return []
    out = []
    if choice.get("results") and result is not None:  # one of two results of one period, by the sheet's formulas
        others = ", ".join(f"cột {col_letter(c)} «{lab}»" for c, lab in choice["results"] if c != result)
        out.append(make_finding("result_of_formula", table.sheet, None, None,
                                taken=f"cột {col_letter(result)} «{table.column_headers['result']}»", others=others))
    kind = choice.get("kind")
    if kind and result is not None:  # an actual beside an estimate of one period: which was read, and why
        (a, a_label), (e, e_label) = kind["actual"], kind["estimate"]
        actual, estimate = f"cột {col_letter(a)} «{a_label}»", f"cột {col_letter(e)} «{e_label}»"
        took_actual = kind["taken"] == a
        read, other = (actual, estimate) if took_actual else (estimate, actual)
        if kind["empty"]:
            why = f"lấy kết quả ở {read} vì {other} chưa có số liệu"
        elif took_actual:
            why = f"lấy kết quả ở {actual} (số thực hiện, có sau và sát thực tế hơn số ước), không lấy {estimate}"
        elif kind.get("to_date"):  # the actual short of the estimate on most rows: a figure to date
            why = (f"lấy kết quả ở {estimate}, không lấy {actual}: số ở {actual} thấp hơn số ước ở phần lớn các dòng, "
                   f"nên là số thực hiện đến thời điểm báo cáo, chưa phải số cả năm")
        else:  # labels naming no period: «TH» may be the months measured so far
            why = (f"lấy kết quả ở {estimate}, không lấy {actual}: tên cột không ghi kỳ, nên số thực hiện có thể chỉ "
                   f"là số đến thời điểm báo cáo")
        rows = kind["rows"]
        if rows:
            listed = ", ".join(map(str, rows[:10])) + (f" và {len(rows) - 10} dòng khác" if len(rows) > 10 else "")
            why += (f"; dòng {listed} chưa có số ở cột {col_letter(a)} nhưng có số ở cột {col_letter(e)}: các "
                    f"dòng đó được ghi «chưa có số liệu»")
        out.append(make_finding("result_actual_or_estimate", table.sheet, None, None, why=why,
                                col=col_letter(e if took_actual else a)))
    if target is None:
        return out
    taken = f"cột {col_letter(target)} «{table.column_headers['target']}»"
    year = _year_of(table.column_headers["target"]) or 0
    if choice["rivals"]:
        others = ", ".join(f"cột {col_letter(c)} «{lab}»" for c, lab in choice["rivals"] if c != target)
        out.append(make_finding("plan_of_formula", table.sheet, None, None, taken=taken, others=others))
    left_out = choice["left_out"]
    if not left_out:
        return out
    listed = ", ".join(f"cột {col_letter(c)} «{label}»" for c, label in left_out)
    period = period_years(table.column_headers["target"])
    of_plan = f"giai đoạn {period[0]}-{period[1]}" if period else f"năm {year}"
    if not choice["latest"] and result is None and table.previous_year:
        # results of earlier years only (a five-year table's «Ước 2025» beside «Kế hoạch năm 2026»): none is judged
        # against a plan of another year or period, and the message says so
        plans = [(target, table.column_headers["target"]), *left_out]
        after = table.previous_year + 1  # a plan document's plan: the year after the results', else the period from it
        ahead = next((p for p in plans if period_years(p[1]) is None and _year_of(p[1]) == after), None) or next(
            (p for p in plans if (period_years(p[1]) or (0,))[0] == after), None)
        why = (f"bảng có số thực hiện đến năm {table.previous_year} nhưng không có kế hoạch năm {table.previous_year}: "
               f"kết quả không được so với kế hoạch của năm khác hay của giai đoạn khác, nên báo cáo và thông báo không "
               f"đánh giá được")
        if ahead is not None:
            span = period_years(ahead[1])
            why += ("; văn bản kế hoạch lấy kế hoạch " + (f"giai đoạn {span[0]}-{span[1]}" if span else f"năm {after}")
                    + f", ở cột {col_letter(ahead[0])} «{ahead[1]}»")
        example = next((p for p in left_out if p != ahead), left_out[0])
    elif not choice["latest"] and result is None:
        why = f"bảng không có cột kết quả; văn bản kế hoạch lấy kế hoạch {of_plan}, ở {taken}"
        example = left_out[0]
    elif choice["latest"]:
        why = (f"văn bản kế hoạch lấy kế hoạch năm kế tiếp năm có số thực hiện (hoặc năm sau cùng bảng có kế hoạch), "
               f"ở {taken}; báo cáo và thông báo so kết quả với kế hoạch cùng năm") if not period else (
            f"văn bản kế hoạch lấy mục tiêu giai đoạn {period[0]}-{period[1]}, giai đoạn bắt đầu từ năm kế tiếp năm có "
            f"số thực hiện, ở {taken}; báo cáo và thông báo so kết quả với kế hoạch cùng năm")
        # the plan of the estimate's own year, else the last listed
        example = left_out[-1]
        for c, label in left_out:
            if _year_of(label) == (year or 0) - 1:
                example = (c, label)
    else:
        why = (f"kết quả được so với kế hoạch cùng năm, ở {taken}" if not period else
               f"kết quả được so với mục tiêu giai đoạn {period[0]}-{period[1]}, ở {taken}")
        later = [(c, label) for c, label in left_out if (_year_of(label) or 0) > year]
        example = min(later, key=lambda x: _year_of(x[1]) or 0) if later else left_out[0]
        if later:
            from kh_excel.core.gate import PLAN_DOCUMENTS
            ahead = period_years(example[1])
            why += (f"; {PLAN_DOCUMENTS} lấy " + (f"mục tiêu giai đoạn {ahead[0]}-{ahead[1]}" if ahead
                                                 else "kế hoạch năm kế tiếp")
                    + f", ở cột {col_letter(example[0])} «{example[1]}»")
    out.append(make_finding("plan_left_out", table.sheet, None, None, columns=listed, col=col_letter(example[0]),
                            label=example[1], why=why))
    return out


def parse_grid(grid: Grid, file: str = "", group: str | None = None, period: str | None = None,
               latest_plan: bool = False) -> Table:
    """Read the indicator table of one sheet. Raises HeaderNotFound when there is none,
    GroupNotFound when `group`/`period` names no column group or period of the sheet. `latest_plan`: read for a
    plan document (docs.kinds: not a report), whose plan is the latest year the table plans."""
    header = find_header(grid, group, period, latest_plan)
    rows = grid.rows
    cols = header.columns
    fmts = grid.number_formats
    first = header.row + 1
    # Data ends at the last row with any content.
    last = len(rows) - 1
    while last >= first and all(_is_blank(v) for v in rows[last]):
        last -= 1

    anchors = _merge_anchor_map(grid.merged, {cols[k] for k in ("stt", *_INHERITED_ROLES) if k in cols}, first)
    cells = title_cells(rows, header.rows[0])
    title_lines = [" ".join(c) for c in cells]

    table = Table(
        file=file,
        sheet=grid.sheet,
        columns=dict(cols),
        column_headers=dict(header.labels),
        header_rows=[r + 1 for r in header.rows],
        first_data_row=first + 1,
        last_data_row=last + 1,
        title_lines=title_lines,
        sections=[],
        indicators=[],
        year=_year_of(header.labels.get("target", "")),
        previous_year=_year_of(header.labels.get("previous", "")),
        groups=header.groups,
        periods=header.periods,
        group=header.part or header.group,
        period=header.period,
        title_cells=cells,
    )
    if table.year is None and "result" in header.labels:
        table.year = _year_of(header.labels["result"])
    if table.year is None:
        table.year = title_year(title_lines)  # «BIỂU … NĂM 2025» over «Kế hoạch», «Thực hiện»
    if table.year is None and (years := title_period(title_lines)):
        table.year = years[1]  # «… 5 NĂM 2021-2025»: its last year, never today's (rev18 R18-2)
    _year_before_findings(table, header, title_lines)
    if header.left_out:
        from kh_excel.core.validation import make_finding
        table.reader_findings.extend(make_finding(code, grid.sheet, header.rows[0], c, **params)
                                     for code, c, params in header.left_out)
    if header.plans_left_out or header.plan_by_formula or header.result_by_formula or header.result_kind:
        table.plan_choice = {"latest": header.latest_plan, "left_out": header.plans_left_out,
                             "rivals": header.plan_by_formula, "results": header.result_by_formula,
                             "kind": header.result_kind}
    _title_against_result(table, rows, header.rows[0])
    header_folds = {_fold(lab) for lab in header.labels.values()}
    if "unit" not in cols:
        table.unit_from = table_unit(title_lines, header.labels)
    if table.unit_from and not _unit_fits_names(table.unit_from[0], rows, first, last, cols["name"]):
        table.unit_from = None  # «Tỷ lệ hộ nghèo (%)» under «Đơn vị tính: triệu đồng»: the line is no row's unit
    default_unit = table.unit_from[0] if table.unit_from else ""
    base_col, plan_period = _period_base(grid, header)

    # Pad rows once so that every role column can be indexed directly.
    ncols = max(cols.values()) + 1
    for r in range(first, last + 1):
        if len(rows[r]) < ncols:
            rows[r] = list(rows[r]) + [None] * (ncols - len(rows[r]))
    c_name, c_target = cols["name"], cols.get("target")
    # Every role's cell of a row in one C call: a row's values are read once, as `Indicator.raw` keeps them.
    roles = tuple(cols)
    row_values = itemgetter(*cols.values())
    inherited = tuple(role for role in _INHERITED_ROLES if role in cols)

    def values_of(r: int, row: list[Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """(raw, shown): the role cells as written, and as read with merged cells lending their text
        to the rows they cover (unit, agencies, leader, Chiều; figures and notes never inherit)."""
        raw = dict(zip(roles, row_values(row)))
        if not anchors:
            return raw, raw
        shown = dict(raw)
        for role in inherited:
            v = shown[role]
            if (v is None or v == "") and (r, cols[role]) in anchors:
                ar, ac = anchors[(r, cols[role])]
                shown[role] = _cell(rows, ar, ac)
        return raw, shown

    def add_warning(code: str, r: int, role: str, indicator: str, **params: Any) -> None:
        from kh_excel.core.validation import make_finding
        col = cols.get(role, 0)
        table.reader_findings.append(make_finding(code, grid.sheet, r, col, indicator, **params))

    from kh_excel.core.direction import (DEFAULT_REASON, UNCLEAR_PART_HOW, UNCLEAR_PART_WHY, UNCLEAR_PLAN_HOW,
                                         UNCLEAR_PLAN_WHY, UNCLEAR_START, infer_direction, reduction_direction)
    split_footnote, display_name, fold = vtext.split_footnote, vtext.display_name, vtext.fold
    names_get = grid.names.get if grid.names else None
    c_stt, c_result, c_previous = cols.get("stt"), cols.get("result"), cols.get("previous")
    has_stt, has_target, has_result, has_previous = c_stt is not None, c_target is not None, c_result is not None, c_previous is not None
    has_direction = "direction" in cols
    c_note, has_anchors = cols.get("note"), bool(anchors)
    # the year a growth plan may name as its base («so với năm 2025»): the previous-year column's
    base_year = table.previous_year or (table.year - 1 if table.year else None)
    cells_roles, registry_id = _cells_roles, id(agency_registry())
    indicators = table.indicators
    append = indicators.append
    totals: list[int] = []  # indices of sub-rows named «Tổng số», «Chung toàn phường» (_totals_as_indicators)
    structures: list[int] = []  # indices of «Cơ cấu …» rows, whose parts are read once the table is
    lending: list[tuple[Indicator, Indicator]] = []  # sub-rows whose indicator may lend them its direction
    section = Section(numeral="", title="", row=0)
    pending_numeral: tuple[str, int] | None = None
    current: Indicator | None = None
    # the last one-letter STT of the column («B»), the row's kind, number and the indicator it was a part of:
    # the letter after it («C») is the next of the same sequence (_next_letter), never Roman 100
    lettered: tuple[str, str, int | None, Indicator | None] | None = None

    # Rows hidden in the sheet, of the body only (a hidden header row is still the header): bounded by the table.
    hidden_body = _hidden_within(grid.hidden_rows, first, last) if grid.hidden_rows else frozenset()
    # (row, STT, name, the hidden indicator's row for its visible part)
    left_out: list[tuple[int, str, str, int | None]] = []
    # section titles on hidden rows (row, STT, section): the section of the visible rows below them (_hidden_heads)
    hidden_heads: list[tuple[int, str, Section]] = []

    # a name merged over two rows with the figures on the lower one (a table pasted from Word): the lower row is the
    # indicator, the upper one lends it its STT, name, unit and agencies (_figures_below_names)
    lent = _figures_below_names(rows, grid.merged, cols, first, last) if grid.merged else {}
    lenders = set(lent.values())
    lent_cols = [cols[k] for k in ("stt", "name", *_INHERITED_ROLES) if k in cols]

    blank_before = False
    signed = False  # a note under the table shares its row with a signature block begun at the right (_notes_row)
    for r in range(first, last + 1):
        row = rows[r]
        if lent:
            if r in lenders:
                continue
            if r in lent:
                upper = rows[lent[r]]
                row = list(row)
                for c in lent_cols:
                    if _is_blank(row[c]):
                        row[c] = upper[c]
        name_cell = row[c_name]
        # (a row whose name cell holds anything is not blank: counted only when it is blank)
        if (name_cell is None or name_cell == "") and row.count(None) + row.count("") == len(row):
            blank_before = True
            continue
        # a signature block or date line ends the table after a blank row, or right below it in a row with no STT
        # and no name («Bắc Hà, ngày … tháng 12 năm 2024», «NGƯỜI LẬP BIỂU» under the result column); so does
        # another table's title written in the STT column with no blank row above it («BIỂU 02: …»)
        # a line of the notes under the table («Ghi chú:», «(*) Kế hoạch là …») is no row of it, whatever stands to
        # its right: a signature block begun on the notes' rows ends the table below the notes (rev22 R22-16)
        notes_row = _notes_row(row) if table.indicators and (name_cell is None or name_cell == ""
                                                             or name_cell.__class__ is str
                                                             and _NOTE_FIRST.match(name_cell)) else ""
        if notes_row:
            blank_before, signed = True, signed or notes_row == "signed"
            continue
        # the foot of the sheet ends the table wherever it begins, blank row above or not: «NGƯỜI LẬP BIỂU» in the name
        # column, «Người lập biểu | Kiểm tra | Thủ trưởng đơn vị», «Nơi nhận: | TM. ỦY BAN NHÂN DÂN» (signs_off; a
        # row with a figure or an STT is the table's whatever its words; rev22 R22-17, R22-19, R22-20)
        if signed or table.indicators and (
                (blank_before or (name_cell is None or name_cell == "")
                 and (c_stt is None or _is_blank(row[c_stt]) or _titles_table(row[c_stt])))
                and _ends_table(row, header_folds)
                or signs_off(row, c_stt) and not table_goes_on(rows, r + 1, last, c_stt)):
            # (below notes signed at the right, any other line is the signature block's: «PHÓ CHỦ TỊCH», a name)
            table.last_data_row = r  # what follows is not the table (1-based: the row before this one)
            below = _tables_below_finding(table, rows, r, last, header_folds)
            if below is not None:
                table.reader_findings.append(below)
            break
        blank_before = False
        # (a name of text, the common row, by its length alone)
        if (len(name_cell) <= 6 if name_cell.__class__ is str else name_cell is None or isinstance(name_cell, (int, float))
                or isinstance(name_cell, str) and len(name_cell) <= 6) \
                and _is_number_row(row):
            continue  # the (1) (2) (3) row: its name cell holds "(2)"
        # A header repeated inside the table: its target cell reads like the header's (cheap: targets repeat).
        target_cell = row[c_target] if c_target is not None else None
        if isinstance(target_cell, str) and header_role(target_cell) == "target" and header_role(name_cell) == "name":
            roles_here = _roles_of_labels(row)
            if len(roles_here) >= 3 and {"name", "target"} & roles_here.keys():
                same = sum(1 for _, lab in roles_here.values() if _fold(lab) in header_folds)
                if same >= 2 or len(roles_here) >= 4:
                    add_warning("repeated_header", r, "name", "")
                    continue

        if anchors:
            raw, shown = values_of(r, row)
        else:
            raw = shown = dict(zip(roles, row_values(row)))
        # The cells of roles that never inherit from a merge are the row's own (raw[role], read directly).
        stt_raw = row[c_stt] if c_stt is not None else None
        stt_from_merge = has_anchors and has_stt and _is_blank(stt_raw) and (r, c_stt) in anchors
        if stt_raw is None:
            stt = ""
        elif stt_raw.__class__ is str:
            # «12»: already clean (ASCII digits); «1», «-», «+» repeat down the column
            stt = stt_raw if stt_raw.isdigit() and stt_raw.isascii() else _clean_short(stt_raw)
        elif stt_raw.__class__ is float and stt_raw.is_integer():
            stt = str(int(stt_raw))
        else:
            stt = _str(stt_raw)
        # Names rarely repeat: read without a cache, text, footnote mark and fold at once.
        if isinstance(name_cell, str):
            ahead = names_get(name_cell) if names_get is not None else None  # read ahead (core.names_ahead)
            if ahead is None:
                name, footnote, name_fold = display_name(name_cell)
                by_name = None
            else:
                name, footnote, name_fold, by_name = ahead
        else:
            (name, footnote), name_fold, by_name = split_footnote(_str(name_cell)), None, None
        read_name = name
        v = shown.get("unit")
        unit = default_unit if v is None or v == "" else _display_str(v) if v.__class__ is str else _display_text(v)
        target_raw = _unless_placeholder(target_cell) if isinstance(target_cell, str) else target_cell
        result_raw = row[c_result] if c_result is not None else None
        if isinstance(result_raw, str):
            result_raw = _unless_placeholder(result_raw, True)
        previous_raw = row[c_previous] if c_previous is not None else None
        if isinstance(previous_raw, str):
            previous_raw = _unless_placeholder(previous_raw, True)
        lead_raw = shown.get("lead")
        has_values = target_raw.__class__ is float or result_raw.__class__ is float \
            or not (_is_blank(target_raw) and _is_blank(result_raw) and _is_blank(previous_raw))
        has_data = has_values or bool(unit) or not _is_blank(lead_raw)
        # (a non-zero float target, the common row, is a figure: no call needed to say so)
        if has_data and not (target_raw.__class__ is float and target_raw) and _is_empty_figure(target_raw) \
                and _is_empty_figure(result_raw) and _is_empty_figure(previous_raw) and _is_blank(lead_raw) \
                and _is_heading(name):
            # "E. SẢN XUẤT NÔNG NGHIỆP", "A | NÔNG NGHIỆP" with formulas giving 0 (a heading, not an indicator);
            # a running serial number in the STT column does not make it one either.
            has_values = has_data = False
            serial_m = _INT_STT.match(stt)
            serial = int(serial_m.group(1)) if serial_m else None
            m = _LETTERED.match(name)
            if m:
                stt, name = m.group(1), m.group(2)
            elif serial is not None:
                stt = ""
        else:
            serial = None

        if has_data and (not stt or stt.isdigit() or (len(stt) == 1 and not stt.isalpha())):
            is_roman = False  # a row with figures and a plain STT («12», «-», «+»): never a section or its numeral
        else:
            # Section numeral and title in the STT cell ("II CÁC CHỈ TIÊU …").
            m = _ROMAN_PREFIX.match(stt)
            if m and not name and _is_upper_title(m.group(2)):
                stt, name = m.group(1), m.group(2)
            if not stt and name and not has_data:  # "I. CÁC CHỈ TIÊU …" typed in the name column
                m = _ROMAN_PREFIX.match(name)
                if m and _is_upper_title(m.group(2)):
                    stt, name = m.group(1), m.group(2)
            part = _PART.match(_fold(stt)) if stt and not has_data else None
            if part:  # "PHẦN I", "Phần 2"
                stt = part.group(1).upper()
            stt_upper = stt.upper().rstrip(".")
            in_sequence = lettered is not None and _next_letter(stt.rstrip("."), lettered[0])  # «C» after «B»
            is_roman = bool(stt) and not in_sequence and bool(_ROMAN.match(stt_upper)) \
                and (stt.rstrip(".").isupper() or bool(part))

            if not is_roman and len(stt_upper) == 1 and stt_upper.isalpha() and stt.isupper() and name and _is_heading(name):
                is_roman = True  # "A", "A." sections as some offices letter them
            if not stt and name and not has_data and not _is_upper_title(name) and _fold(name).startswith(_SECTION_WORDS):
                is_roman = True  # "Các chỉ tiêu về xã hội": a section title in sentence case
                stt_upper = pending_numeral[0] if pending_numeral else ""
            if is_roman and not has_data:
                if name:
                    section = Section(numeral=stt_upper, title=name, row=r + 1, serial=serial)
                    table.sections.append(section)
                    pending_numeral = None
                    lettered = (stt_upper, "section", None, None) if _ONE_LETTER.match(stt_upper) else None
                    if hidden_body and r in hidden_body:  # still the section of the visible rows below it
                        hidden_heads.append((r, stt_upper, section))
                else:
                    pending_numeral = (stt_upper, r + 1)
                current = None
                continue
            if not stt and name and not has_data and _is_upper_title(name):
                numeral, srow = pending_numeral if pending_numeral else ("", r + 1)
                section = Section(numeral=numeral, title=name, row=srow, serial=serial)
                table.sections.append(section)
                if hidden_body and r in hidden_body:
                    hidden_heads.append((r, "", section))
                pending_numeral = None
                current = None
                continue
        if not name and not has_data:
            continue  # a stray STT or note fragment with nothing to read
        # (the name's fold as read, unless a heading or numeral rule rewrote the name)
        fname = name_fold if name and name is read_name and name_fold is not None else fold(name or stt)
        if not stt:
            if not has_data and fname.startswith(_NOTE_START):
                continue
            if fname.rstrip(" :") in _TOTAL_NAMES:
                if not (has_values and current is not None and current.row == r and _no_figure(current)):
                    continue  # a total row is arithmetic, not an indicator (a section's «Tổng số» too: rev14 F-0)
                # right under an indicator of no figure: its own figures (_totals_as_indicators), as «- Tổng số»

        kind: RowKind
        if is_roman:
            kind, number = "indicator", None
            add_warning("roman_indicator", r, "stt", name, stt=stt)
        elif not stt_from_merge and (number := int(stt) if stt.isdigit() and stt.isascii() and len(stt) <= 6
                                     else _stt_number(stt)) is not None:
            kind = "indicator"
        elif stt_raw.__class__ is ErrorValue and c_stt is not None and has_data and (current is None or _numbered_next(rows, r, c_stt, last)):
            # a numbering formula gone wrong («=A11+1» → #REF!) among numbered rows: an indicator whose number is
            # unknown, never a part of the one above (the error is reported: error_values), so that a document made
            # anyway keeps its rows; among sub-rows («+», «-» next) it stays one of them
            kind, number = "indicator", None
        elif stt_from_merge and current is not None:
            kind, number = "subrow", current.number
        elif current is None:
            kind, number = "indicator", None
        else:
            kind, number = "subrow", current.number
        if kind == "subrow" and not has_data:
            continue  # "Trong đó:", "(1) Số liệu ước tính …", a wrapped line: a note, not an indicator
        if stt and stt.__class__ is str and _ONE_LETTER.match(stt.rstrip(".")):
            if lettered is not None and lettered[1] != "section" and _next_letter(stt.rstrip("."), lettered[0]):
                # «B» after «A»: the same level as «A» (two parts of one total, or two indicators), never a part of it
                kind, number = ("subrow", lettered[2]) if lettered[1] == "subrow" else ("indicator", None)
                current = lettered[3] if kind == "subrow" else current
            lettered = (stt.rstrip("."), kind, number, current if kind == "subrow" else None)

        try:
            lead_read, cooperate_read = cells_roles(lead_raw, shown.get("cooperate"), registry_id)
        except TypeError:  # an unhashable value: not from a sheet, but read it all the same
            lead_read, cooperate_read = _roles_cached(_agencies(lead_raw), _agencies(shown.get("cooperate")))
        lead, cooperate = list(lead_read), list(cooperate_read)
        v = shown.get("leader")
        leader = "" if v is None or v == "" else _display_str(v) if v.__class__ is str else _display_text(v)
        if kind == "subrow" and current is not None:
            lead = lead or list(current.lead)
            cooperate = cooperate or list(current.cooperate)
            leader = leader or current.leader
        v = row[c_note] if c_note is not None else None
        note = "" if v is None or v == "" else _display_str(v) if v.__class__ is str else _display_text(v)
        # A placeholder ("-", "…", "đang cập nhật") holds no figure.
        if target_raw is None and has_target:
            raw["target"] = None
        if result_raw is None and has_result:
            if c_result is not None and _pending_words(row[c_result]):  # «Chưa đánh giá»: no result yet, said
                add_warning("result_pending", r, "result", name, value=vtext.clean(row[c_result]))
            raw["result"] = None
        if previous_raw is None and has_previous:
            raw["previous"] = None
        readings: dict[str, Any] = {}
        exact: dict[str, Decimal] = {}
        target = EMPTY_TARGET
        growth_target, growth_base, growth_period = False, None, (0, 0, 0)
        fall = None  # a plan to fall in % («Giảm 5%»), read below as a growth plan of -5%
        if target_raw.__class__ is float or not _is_blank(target_raw) and target_raw.__class__ is not ErrorValue:
            fmt = fmts.get((r, c_target)) if fmts and c_target is not None else None
            # (parse_target_ex of a float is _numeric_target's reading)
            reading = _numeric_target(target_raw, fmt) if target_raw.__class__ is float \
                else _parse_target_cell(target_raw, fmt) if isinstance(target_raw, str) else parse_target_ex(target_raw, fmt)
            if reading.target.op == "text" and unit and isinstance(target_raw, str) \
                    and (bare := _unit_stripped(target_raw, unit) or rescaled_figure(target_raw, unit)) is not None:
                # «16/16 xã», «100% xã»: the figure before the row's unit; «Trên 8 triệu» beside «Lượt khách»: the
                # figure in the row's unit, its magnitude in words (a plan as resolutions write it, rev22 R22-10)
                again = _parse_target_cell(bare, fmt)
                if again.target.op != "text":
                    t = again.target
                    reading = TargetReading(Target(text=vtext.clean(target_raw), op=t.op, value=t.value, high=t.high),
                                            again.numbers)
            if reading.target.op == "text" and _ranked(target_raw, name, unit) \
                    and (placed := rank_of_total(target_raw)) is not None:
                again = _parse_target_cell(str(placed[0]), fmt)  # «2/30» on a rank: place 2, written as it is (R22-1)
                t = again.target
                reading = TargetReading(Target(text=vtext.clean(target_raw), op=t.op, value=t.value, high=t.high),
                                        again.numbers)
            if isinstance(target_raw, str) and (stretch := _stretched(target_raw, fmt)) is not None:
                reading, base_text, stretch_text = stretch  # «6,5-7, phấn đấu 7-7,5»: the base plan is judged
                add_warning("stretch_target", r, "target", name, value=reading.target.text, base=base_text,
                            stretch=stretch_text)
            based = None  # «Tăng 10% so với năm 2025»: the plan before its base, when the base is the previous year
            if reading.target.op == "text" and has_previous and unit and "%" not in unit \
                    and "phần trăm" not in unit.lower() and isinstance(target_raw, str) \
                    and (based := _growth_on_named_base(target_raw, base_year, fmt)) is not None:
                reading = based
            numbers = reading.numbers
            n = numbers[0] if len(numbers) == 1 else reading.number  # (its property's common case)
            target = reading.target
            if n is not None and n.percent and not n.was_text and target.value is not None:
                target = _scaled_target(reading)
            readings["target"] = reading
            if n is not None:
                if n.exact is not None and target.op == "=":
                    exact["target"] = n.exact.scaleb(2) if n.percent else n.exact
                if n.was_text and target.is_numeric and "%" in target.text and unit and "%" not in unit \
                        and "phần trăm" not in unit.lower():
                    if _share_of_all(target.text, unit):  # «100%» under «Xã»: all the communes, never a rise of 100%/năm
                        target = Target(text=target.text, op="text")
                    else:
                        growth_target = True
            elif target.op == "text" and "%" in target.text and unit and "%" not in unit \
                    and "phần trăm" not in unit.lower() \
                    and (fall := reduction_plan(target.text if based is None else plan_before_base(target.text))) is not None:
                # «Giảm 5%» on an amount: a growth plan of -5% (in a unit of %, «giảm 1,5%» may be points: left)
                target = signed_change("giam", fall)
                if based is not None:
                    target = Target(text=reading.target.text, op=target.op, value=target.value, high=target.high)
                growth_target = True
            if growth_target and plan_period[0]:
                growth_period = plan_period  # a growth over a period: its average yearly growth, never one year's
                base = parse_number(row[base_col]) if base_col is not None and base_col < len(row) else None
                if base is not None:
                    growth_base = base.value
            elif plan_period[0] and target.op == "text" and "%" in target.text and reduction_plan(target.text):
                growth_period = plan_period  # «Giảm 1,5%» of a rate under a period's plan: never one year's fall
        result, result_text, result_reading = None, "", None
        if has_result and (result_raw.__class__ is float or not _is_blank(result_raw)):
            if result_raw.__class__ is ErrorValue:
                result_text = str(result_raw)
            else:
                fmt = fmts.get((r, c_result)) if fmts and c_result is not None else None
                p, rr = _figure_cell(result_raw, fmt, unit, target, growth_target, _ranked(result_raw, name, unit))
                readings["result"] = p
                if p is None:
                    result_text = _str(result_raw)
                    if rr is not None:
                        result_reading = rr
                        if rr.point is not None and not rr.change:
                            result = rr.point
                        add_warning("result_expression", r, "result", name, value=rr.text,
                                    reading=_describe_result(rr, target))
                else:
                    result = _scaled(p)
                    if p.exact is not None:
                        exact["result"] = p.exact.scaleb(2) if p.percent else p.exact
        previous, previous_reading = None, None
        if has_previous and (previous_raw.__class__ is float
                             or not _is_blank(previous_raw) and previous_raw.__class__ is not ErrorValue):
            fmt = fmts.get((r, c_previous)) if fmts and c_previous is not None else None
            p, rr = _figure_cell(previous_raw, fmt, unit, target, growth_target,  # the result's rule (rev18 R18-4)
                                 _ranked(previous_raw, name, unit))
            readings["previous"] = p
            if p is not None:
                previous = _scaled(p)
                if p.exact is not None:
                    exact["previous"] = p.exact.scaleb(2) if p.percent else p.exact
            elif rr is not None:
                previous_reading = rr
                if rr.point is not None and not rr.change:
                    previous = rr.point  # «46*», «Gần 595.000»: the figure; a range or a bound compares nothing
                add_warning("previous_expression", r, "previous", name, value=rr.text,
                            reading=_describe_previous(rr))
        if exact:  # a cell whose format hides digits: printed with those that decide (rev13 R3)
            from kh_excel.core.validation import COLUMN_NAMES
            target, result, previous = _deciding_figures(
                target, result, previous, exact, unit, readings,
                lambda role, **kw: add_warning("shown_rounded", r, role, name, column=COLUMN_NAMES[role], **kw))
        if has_direction:
            v = shown.get("direction")
            explicit = "" if v is None else _str(v)
        else:
            explicit = ""
        by_name = by_name if name and name is read_name else None
        if fall is not None:
            # a plan to reduce: its direction is the name's; unclear where the name says nothing
            direction, reason = reduction_direction(infer_direction(name, unit, _as_text(target), explicit,
                                                                    fname if name else None, by_name), target.text)
            if reason.startswith(UNCLEAR_START):
                add_warning("direction_unclear", r, "name", name, why=UNCLEAR_PLAN_WHY.format(plan=target.text),
                            how=UNCLEAR_PLAN_HOW)
        else:
            direction, reason = infer_direction(name, unit, target, explicit, fname if name else None, by_name)
        # Positionally, in the order of Indicator's fields (_INDICATOR_FIELDS checks it): a third of the keyword call.
        ind = Indicator(r + 1, kind, stt, name, unit, section.title, section.numeral, target, result, result_text,
                        previous, lead, cooperate, leader, note, direction, reason,
                        current.row if kind == "subrow" and current is not None else None, number, raw, readings,
                        fname if name else "", growth_target, exact, growth_base, growth_period, result_reading,
                        footnote, previous_reading)
        if hidden_body and (r in hidden_body or kind == "subrow" and current is not None
                            and current.row - 1 in hidden_body):
            # hidden, or a part of a hidden indicator (its parts are not stated without it): read, never kept
            parent = None if r in hidden_body or current is None else current.row
            left_out.append((r, stt, name or stt, parent))
            if kind == "indicator":
                current = ind
            continue
        append(ind)
        if kind == "subrow" and fname.startswith(_TOTAL_STARTS) and _TOTAL_ROW.match(fname):
            totals.append(len(indicators) - 1)  # «- Tổng số», «- Chung toàn phường»: maybe its indicator's figures
        if name and fname.startswith("co cau"):
            structures.append(len(indicators) - 1)
        if kind == "indicator":
            current = ind
        elif current is not None and current.direction_reason != DEFAULT_REASON:
            # (a parent judged by default read its name as neither a burden nor a reduction: nothing to lend)
            lending.append((ind, current))
    for ind, parent in _lend_directions(lending):
        add_warning("direction_unclear", ind.row - 1, "name", ind.name, why=UNCLEAR_PART_WHY.format(parent=parent.name),
                    how=UNCLEAR_PART_HOW)
    if totals and _totals_as_indicators(indicators, totals):
        structures = [i for i, ind in enumerate(indicators) if ind.key.startswith("co cau")]
    _structures_about(indicators, structures)
    _structures_printed(table, indicators, structures)
    if hidden_heads:
        _hidden_heads(table, hidden_heads, left_out)
    if left_out:
        _hidden_rows_left_out(table, left_out)
    if indicators:  # the notes under the table, which qualify the figures and names that carry their marks
        table.notes = notes_under(rows, indicators[-1].row, table.last_data_row - 1, hidden_body)
    if header.plans_left_out:  # the figures of another year's plan on each row (other_years)
        from kh_excel.core.validation import col_letter
        for c, label in header.plans_left_out:
            for ind in indicators:
                cells = rows[ind.row - 1]
                if c < len(cells) and not _is_blank(cells[c]):
                    table.other_years.setdefault(ind.row, []).append(f"cột {col_letter(c)} «{label}»")
    for c, label in header.period_results:  # the figures of the other periods' results on each row (other_periods)
        from kh_excel.core.validation import col_letter
        for ind in indicators:
            cells = rows[ind.row - 1]
            v = cells[c] if c < len(cells) else None
            if not (_is_blank(v) or isinstance(v, ErrorValue) or isinstance(v, str) and _is_placeholder(v, True)):
                table.other_periods.setdefault(ind.row, []).append(f"cột {col_letter(c)} «{label}»")
    own = _own_columns(grid, header, table)
    if own:
        from kh_excel.core.own_columns import rows_cells
        table.own_cells = rows_cells(rows, own, [ind.row for ind in indicators], fmts)
    return table


# A sub-row that holds its indicator's own figures when the indicator's row has none: «1 Thu ngân sách … (no
# figures) / - Tổng số 45.000 38.000 / - Phường Sa Pa (cũ) …», «2 Tỷ lệ hộ nghèo / - Chung toàn phường 5,5 6,1 / …».
_TOTAL_STARTS = ("tong", "cong", "chung toan", "toan ")
_TOTAL_ROW = re.compile("(?:(?:" + "|".join(sorted({re.escape(n.rstrip(":")) for n in _TOTAL_NAMES}, key=len, reverse=True))
                        + r")\s*:?|(?:chung )?toan " + vtext.FOLDED_ADMINISTRATIVE_LEVELS + r"(?: [^ ]+){0,4})$")


def _no_figure(ind: Indicator) -> bool:
    """An indicator whose own row states no figure: no plan, result or previous-year figure, nor a result in words."""
    return not ind.target.text and ind.result is None and ind.previous is None and not ind.result_text


def _totals_as_indicators(indicators: list[Indicator], totals: list[int]) -> bool:
    """An indicator whose own row has no figure and whose first sub-row is its total («- Tổng số», «- Chung toàn
    phường») is read from that sub-row: the sub-row becomes the indicator (its cells, where the figures are), with
    the indicator's STT, name, unit, agencies and direction; the other sub-rows stay its parts (rev13 R10: the figure-
    less row was «chưa có số kế hoạch» and «chưa có số liệu» beside its own total). True when any was read so."""
    from kh_excel.core.direction import infer_direction
    gone: set[int] = set()
    moved: dict[int, int] = {}  # the indicator's row -> its total's row
    for i in totals:
        sub = indicators[i]
        ind = indicators[i - 1] if i else None
        if ind is None or ind.kind != "indicator" or sub.parent_row != ind.row or ind.row in moved:
            continue
        if not _no_figure(ind) or not (sub.target.text or sub.result is not None):
            continue
        unit = sub.unit or ind.unit
        explicit = "" if sub.raw.get("direction") is None and ind.raw.get("direction") is None \
            else _str(sub.raw.get("direction") or ind.raw.get("direction"))
        direction, reason = infer_direction(ind.name, unit, sub.target, explicit)
        raw: dict[str, Any] = {**sub.raw, **{k: ind.raw[k] for k in ("stt", "name") if k in ind.raw}}
        indicators[i] = replace(sub, kind="indicator", stt=ind.stt, name=ind.name, key=ind.key, unit=unit,
                                lead=ind.lead or sub.lead, cooperate=ind.cooperate or sub.cooperate,
                                leader=ind.leader or sub.leader, note=sub.note or ind.note, direction=direction,
                                direction_reason=reason, parent_row=None, number=ind.number, raw=raw,
                                footnote=ind.footnote)
        gone.add(i - 1)
        moved[ind.row] = sub.row
    if not gone:
        return False
    indicators[:] = [ind for k, ind in enumerate(indicators) if k not in gone]
    for ind in indicators:
        if ind.parent_row in moved:
            ind.parent_row = moved[ind.parent_row]
    return True


def _hidden_within(ranges: tuple[tuple[int, int], ...], first: int, last: int) -> frozenset[int]:
    """The rows of `ranges` (0-based inclusive) between first and last: never more than the table's rows."""
    return frozenset(r for a, b in ranges if b >= first and a <= last for r in range(max(a, first), min(b, last) + 1))


def _hidden_heads(table: Table, heads: list[tuple[int, str, Section]],
                  left_out: list[tuple[int, str, str, int | None]]) -> None:
    """Section titles on hidden rows (rev12 D-H). A filter on the agency column hides every title (titles name no
    agency) and leaves the indicators shown: those are still of their own section, never of the one above the hidden
    title, and the documents keep the sheet's grouping; the warning says so. A hidden title with no visible row below
    it (the whole section hidden) is left out with its rows and named with them."""
    from bisect import bisect_left, bisect_right
    from kh_excel.core.validation import make_finding
    starts = [s.row for s in table.sections]  # in the sheet's order, as the rows read
    rows = [i.row for i in table.indicators]
    kept: list[tuple[int, Section, list[int]]] = []
    gone: set[int] = set()
    for r, stt, section in heads:
        k = bisect_right(starts, r + 1)
        under = rows[bisect_right(rows, r + 1):bisect_left(rows, starts[k]) if k < len(starts) else len(rows)]
        if under:
            kept.append((r, section, under))
        else:
            gone.add(id(section))
            left_out.append((r, stt, f"{stt}. {section.title}" if stt else section.title, None))
    if gone:
        table.sections[:] = [s for s in table.sections if id(s) not in gone]
        left_out.sort(key=lambda x: x[0])
    if not kept:
        return
    named = [f"dòng {r + 1} «{vtext.clean(f'{s.numeral}. {s.title}' if s.numeral else s.title)}» "
             f"(chỉ tiêu {_rows_words(under)})" for r, s, under in kept[:_LEFT_OUT_NAMED]]
    more = len(kept) - len(named)
    table.reader_findings.append(make_finding(
        "hidden_heading_kept", table.sheet, None, None, count=format_number(Decimal(len(kept))),
        heads=", ".join(named) + (f" và {format_number(Decimal(more))} tiêu đề khác" if more else "")))


def _rows_words(rows: list[int]) -> str:
    """«dòng 8», «dòng 8–12» (consecutive), «dòng 8, 10 và 2 dòng khác»: the rows a hidden title still heads."""
    if rows[-1] - rows[0] == len(rows) - 1:
        return f"dòng {rows[0]}" if len(rows) == 1 else f"dòng {rows[0]}–{rows[-1]}"
    shown = ", ".join(map(str, rows[:3]))
    return f"dòng {shown}" + (f" và {len(rows) - 3} dòng khác" if len(rows) > 3 else "")


_LEFT_OUT_NAMED = 10  # hidden rows named one by one in the warning; the rest are counted


def _hidden_rows_left_out(table: Table, left_out: list[tuple[int, str, str, int | None]]) -> None:
    """One warning naming the rows left out as hidden (core.gate.TABLE_WARNINGS: said beside every document); the
    reader's other findings about those rows go, as the rows are not read."""
    from kh_excel.core.validation import make_finding
    table.hidden_left_out = [(r + 1, stt) for r, stt, _, _ in left_out]
    gone = {r + 1 for r, _, _, _ in left_out}
    table.reader_findings[:] = [f for f in table.reader_findings if f.row not in gone]
    named = []
    for r, _, name, parent in left_out[:_LEFT_OUT_NAMED]:
        shown = f"dòng {r + 1} «{vtext.clean(name)}»" if name else f"dòng {r + 1}"
        named.append(f"{shown} (thành phần của chỉ tiêu dòng {parent} đang ẩn)" if parent else shown)
    more = len(left_out) - len(named)
    rows = ", ".join(named) + (f" và {format_number(Decimal(more))} dòng khác" if more else "")
    table.reader_findings.append(make_finding("hidden_rows_left_out", table.sheet, None, None, rows=rows,
                                              count=format_number(Decimal(len(left_out)))))


def _figures_below_names(rows: list[list[Any]], merged: list[tuple[int, int, int, int]], cols: dict[str, int],
                         first: int, last: int) -> dict[int, int]:
    """Figure row -> the row above it that holds the indicator's name, where the name cell is merged down over rows
    of which the first has no figure and exactly one other has (rev11 D10: «Tỷ lệ giải ngân …» merged over B6:B7, its
    plan and result in D7:E7; the indicator had «no plan» and a nameless row below it the figures). Cells point at the
    figures where they are."""
    c_name = cols["name"]
    figure_cols = [cols[k] for k in ("target", "result", "previous") if k in cols]
    out: dict[int, int] = {}
    for r1, c1, r2, c2 in merged:
        if not (c1 <= c_name <= c2 and first <= r1 < r2 <= last) or r2 - r1 > 10:
            continue
        if _is_blank(rows[r1][c_name]) or any(not _is_blank(rows[r1][c]) for c in figure_cols):
            continue
        with_figures = [r for r in range(r1 + 1, r2 + 1) if any(not _is_blank(rows[r][c]) for c in figure_cols)]
        if len(with_figures) == 1:
            out[with_figures[0]] = r1
    return out


def _own_columns(grid: Grid, header: _Header, table: Table) -> dict[int, tuple[str, str]]:
    """The sheet's own ratio and verdict columns among the group and period read (core.own_columns), visible ones."""
    from kh_excel.core.own_columns import choose
    width = max((len(grid.rows[r]) for r in header.rows if r < len(grid.rows)), default=0)
    labels = {c: lab for c, lab in _column_labels(grid, header.rows, width).items()
              if lab and header_role(lab) == "computed" and (header.scope is None or c in header.scope)
              and c not in header.outside}
    return choose(labels, table.year, set(grid.hidden_columns), "previous" in header.columns) if labels else {}


_PLAN_PERIOD = re.compile(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)")


def _period_base(grid: Grid, header: _Header) -> tuple[int | None, tuple[int, int, int]]:
    """For a plan over a period ("KH NQ 2016-2020"), the column of the year before it ("Năm 2015"),
    so that a growth target ("Tăng 11-12%") is judged as the average yearly growth over the period. That year's
    whole figure (it may be the previous-year column), never a part of it («TH 6 tháng năm 2015»). The period is
    returned without a column where the table has no such year, or its result is not the period's last year
    («Ước TH năm 2023» under «KH 2021-2025»): a growth over the period is then not judged, never taken as the
    change against the year before (core.attainment._assess_growth)."""
    from kh_excel.core.periods import column_span
    m = _PLAN_PERIOD.search(header.labels.get("target", ""))
    if not m or not int(m.group(1)) < int(m.group(2)):
        return None, (0, 0, 0)
    first, last = int(m.group(1)), int(m.group(2))
    period = (last - first + 1, first, last)
    result_label = header.labels.get("result", "")
    if not result_label or period_years(result_label) is None and _year_of(result_label) not in (None, last):
        return None, period  # (a result naming no year is the period's end the plan names, as before)
    width = max((len(r) for r in grid.rows[header.rows[0]:header.rows[-1] + 1]), default=0)
    # the column numbers under the header («(4)») are no words of a label: «Năm 2020 (4)» is the year's column
    labels = _column_labels(grid, [r for r in header.rows if not _is_number_row(grid.rows[r])], width)
    taken = {header.columns.get(k) for k in ("target", "result")}
    for c in range(width):
        label = labels[c]
        if c in taken or not label or _year_of(label) != first - 1 or header_role(label) != "result" \
                or column_span(label) != 12:
            continue
        if header.group and not _fold(label).startswith(_fold(header.group)):
            continue  # the base year of another column group
        return c, period
    return None, period


# A place in a ranking out of its total, as every office writes PCI, PAR INDEX, SIPAS and sector rankings («2/30»,
# «xếp thứ 20/63», «hạng 22/63», «đứng thứ 5/63»), folded: the place, lower is better (core.direction.is_rank). Never
# a count of a total (COUNT_OF_TOTAL: «04/09» thôn is 4 of 9 things counted), which only a unit counting things reads.
_RANK_OF_TOTAL = re.compile(r"(?:(?:duoc\s+)?(?:xep|dung|o)\s+)?(?:thu hang|vi tri|vi thu|hang|thu)?\s*"
                            r"(?P<fig>\d{1,3})\s*/\s*(?P<total>\d{1,3})")


@lru_cache(maxsize=1 << 10)
def rank_of_total(text: str) -> tuple[int, int] | None:
    """(place, total) of a rank written out of its total («2/30», «Xếp thứ 20/63», «Giữ vững hạng 2/30»), a plan's lead
    words aside; None for any other text and for a place past its total. Only a row that is a rank
    (core.direction.is_rank) reads it so: elsewhere «2/30» is a date, a count or a fraction."""
    m = _RANK_OF_TOTAL.fullmatch(_fold(without_lead_words(vtext.clean(text))).strip())
    if m is None:
        return None
    place, total = int(m.group("fig")), int(m.group("total"))
    return (place, total) if 1 <= place <= total else None


def of_total_as_written(ind: Indicator, role: str) -> str | None:
    """The result or previous year's cell as written where its figure was read out of its total: a rank on a rank row
    («2/30», «Xếp thứ 20/63»: rank_of_total) or a count its unit counts («04/09» thôn, làng) — the appendix prints it
    so, never the bare place or count that loses the total the leader signs (rev22 R22-1); None for any other cell."""
    raw = ind.raw.get(role)
    if not isinstance(raw, str) or "/" not in raw or ind.readings.get(role) is None:
        return None
    text = vtext.clean(raw)
    if _ranked(raw, ind.name, ind.unit) and rank_of_total(text) is not None:
        return text
    return text if COUNT_OF_TOTAL.fullmatch(without_lead_words(text)) is not None else None


# Vietnamese numerals (folded) and the words of a figure said aloud: «tám trăm», «ba mươi lăm», «hai phẩy năm», «năm
# phần trăm»; and the words that may lead one («khoảng mười», «gần hai nghìn»). «không» alone is «none», no figure.
_NUMERAL_WORDS = frozenset("mot hai ba bon tu nam lam sau bay tam chin muoi mot linh le khong tram nghin ngan trieu ty "
                           "ti phan phay ruoi chuc van".split())
_FIGURE_LEADS = frozenset("khoang gan hon tren duoi uoc xap xi".split())


def _spelled_number(text: str) -> bool:
    """Is the text a figure spelled in words («tám trăm», «khoảng mười», «năm phần trăm»), no outcome in words?"""
    words = [w for w in vtext.fold(text).replace(",", " ").split() if w not in _FIGURE_LEADS]
    return bool(words) and all(w in _NUMERAL_WORDS for w in words) and any(w != "khong" for w in words)


def _words_result(text: str) -> ResultReading | None:
    """A result or a previous year's cell that states the outcome in words and no figure («Xuất siêu», «Hoàn thành»,
    «Cơ bản đáp ứng»): a result stated as written, not evaluated numerically unless a word verdict judges it (rev22
    R22-2). As a plan in words is no error, neither is a result in words: only a text with a digit that reads as no
    figure («12,5a», «11.650 nghìn»), a figure spelled in numerals («tám trăm») or letters that make no Vietnamese word
    («abc», «xx»: none of its letters is Vietnamese's own) is a mistyped number; an Excel error («#REF!») is no words."""
    if any(map(str.isdigit, text)) or text.lstrip().startswith("#") or not any(map(str.isalpha, text)):
        return None
    if _spelled_number(text):
        return None  # «tám trăm», «khoảng mười», «năm phần trăm»: a figure typed in words, a mistyped number
    if not any(ch.isalpha() and not ch.isascii() for ch in text):
        return None  # «abc», «xx», «N/A»: no Vietnamese word (none without a letter of its own), a slip (rev23 REG-1)
    return ResultReading(vtext.clean(text), "qualitative", Target(text=vtext.clean(text), op="text"))


def _ranked(raw: Any, name: str, unit: str) -> bool:
    """Is the cell a text that may write a rank out of its total, on a row that is a rank (rank_of_total)?"""
    if not (isinstance(raw, str) and "/" in raw):
        return False
    from kh_excel.core.direction import is_rank
    return is_rank(name, unit)


def _figure_cell(raw: Any, fmt: str | None, unit: str, target: Target,
                 growth_target: bool, rank: bool = False) -> tuple[ParsedNumber | None, ResultReading | None]:
    """A result or a previous year's cell, read by one rule (rev18 R18-4: «46*» and «3,6 - 4,1» were read in the
    result column and refused in the previous year's): the number it is (a unit written after it, «15/16 xã»; a rank
    out of its total on a row that is a rank, `rank`: «2/30» is place 2; a figure read both ways taken nearer the
    plan; «0,92» in a row in % as 92), else the expression it writes («Trên 20.900», «46*», «61-62», «Hoàn thành»),
    else the outcome in words («Xuất siêu»: _words_result), else (None, None): not a number."""
    # (parse_number of a float without a format is _float_number's reading)
    p = _float_number(raw) if fmt is None and raw.__class__ is float else parse_number(raw, fmt)
    # the figure before the row's unit («15/16 xã», «Hoàn thành 2 xã»), when the cell is no number as it stands
    bare = _unit_stripped(raw, unit) if p is None and unit and isinstance(raw, str) else None
    if bare is None and rank and p is None and isinstance(raw, str) and (placed := rank_of_total(raw)) is not None:
        bare = str(placed[0])  # «2/30»: place 2 (of 30), as written in the documents (rev22 R22-1)
    if bare is not None:
        p = parse_number(bare, fmt)  # «15/16 xã»: 15 (validation says how the cell was read)
    if p is not None and p.was_text and not growth_target:  # «11,650», «72.500»: nearer a plan figure
        p = _nearer_reading(p, raw, target)
        if unit == "%" and p is not None and not p.ambiguous:  # «0,92» for 92%: a share as a fraction
            p = _share_as_fraction(p, raw, target)
    if p is not None:
        return p, None
    rr = parse_result_text(raw) if isinstance(raw, str) else None
    if rr is None and bare is not None and (rr := parse_result_text(bare)) is not None:
        rr = replace(rr, text=vtext.clean(raw))  # «Hoàn thành 2 xã»: 2, as the plan «Hoàn thành 5 xã» is 5 (rev19 N-8)
    if rr is not None and not growth_target:  # (a plan of growth, «Tăng 10%», is no figure to be near)
        rr = _nearer_result(rr, target)
    if rr is None and isinstance(raw, str):
        rr = _words_result(raw)
    return None, rr


def _describe_previous(rr: ResultReading) -> str:
    """How a previous year's cell in words was read, for its warning: its figure, or nothing compared with it; a
    figure written as near it («Gần 595.000») is printed as written, no change worked from it (rev19 N-3)."""
    if rr.point is not None and not rr.change and rr.approximate:
        return (f"số gần đúng {format_number(cast(Decimal, rr.point))}: văn bản ghi như trong ô và không tính mức "
                "tăng, giảm so với năm trước từ số này")
    if rr.point is not None and not rr.change:
        return _describe_result(rr)
    t = rr.bounds
    if rr.kind == "qualitative":
        what = "lời ghi"
    elif rr.kind == "range":
        what = f"khoảng {format_number(cast(Decimal, t.value))} – {format_number(cast(Decimal, t.high))}"
    elif rr.change:
        what = f"mức {'tăng' if rr.change == 'tang' else 'giảm'} so với năm trước đó"
    else:
        what = "một giới hạn"
    return (f"{what}, không phải một số: văn bản không ghi số năm trước của dòng này và không so sánh kết quả với "
            "năm trước (mức tăng, giảm)")


def _describe_result(rr: ResultReading, target: Target | None = None) -> str:
    """How a result expression was read, for its warning (Vietnamese). A verdict word is the table's own judgement
    only against a plan in words (`target`, the row's): against a figure it is not judged (core.attainment)."""
    t = rr.bounds
    v = format_number(t.value) if t.value is not None else ""
    change = {"tang": "mức tăng ", "giam": "mức giảm "}.get(rr.change, "")
    if rr.kind == "qualitative":
        from kh_excel.core.model import STATUS_LABELS
        from kh_excel.core.numbers import word_verdict
        verdict = STATUS_LABELS.get(word_verdict(rr.text) or "")
        if verdict and target is not None and target.is_numeric:
            return ("kết quả ghi bằng lời, không có số để so với số kế hoạch nên không đánh giá; nếu có số thực hiện, "
                    "hãy ghi số vào ô này")
        return (f"kết quả ghi bằng lời, được đánh giá là «{verdict}» theo lời ghi trong ô; hãy đối chiếu với số liệu và "
                "cột đánh giá của bảng (nếu có)") if verdict else "kết quả ghi bằng lời, không đánh giá bằng số"
    if rr.kind == "range":
        what = f"{change}trong khoảng {v} – {format_number(cast(Decimal, t.high))}"  # a range has its high
    elif rr.kind == "bound":
        what = f"{change}{ {'>': 'lớn hơn', '>=': 'từ', '<': 'nhỏ hơn', '<=': 'không quá'}[t.op]} {v}"
    else:
        what = f"{change}{'khoảng ' if rr.kind == 'about' else ''}{v}"
    if rr.change:
        return f"{what} (so với kỳ trước, không phải mức đạt được); chỉ so được với mục tiêu cũng là mức tăng/giảm"
    if rr.kind in ("range", "bound"):
        return f"{what}; chỉ kết luận Đạt/Không đạt khi mọi giá trị trong khoảng này cho cùng một kết quả"
    if rr.approximate:  # «Gần 440»: judged by 440, never a ratio or a change to a decimal it never wrote (rev19 N-3)
        return (f"số gần đúng {v}: đánh giá theo số này; văn bản ghi như trong ô, không ghi tỷ lệ so với kế hoạch và "
                "mức tăng, giảm tính từ số này")
    return f"số {v}" + (" (số ước tính)" if rr.kind == "about" else " (bỏ dấu chú thích, phần ghi chú)")


_LETTER_MARK = re.compile(r"[a-zđA-ZĐ]\s*[).]")
_NUMBERED_MARK = re.compile(r"\d{1,3}\.\d{1,3}\.?")
_SAME_MARKS = {"–": "-", "—": "-", "•": "*", "·": "*"}


@lru_cache(maxsize=1 << 10)
def _marker(stt: str) -> str:
    """The kind of sub-row mark: "a)" and "b)" are one kind, as are "1.1" and "1.2", "-" and "–".
    (Marks repeat down a table: cached.)"""
    s = stt.strip()
    if not s:
        return ""
    if _LETTER_MARK.fullmatch(s):
        return "a)"
    if _NUMBERED_MARK.fullmatch(s):
        return "1.1"
    if _ONE_LETTER.match(s) and s not in "IVX":
        return "A"  # «A», «B», «C» of a budget's total: one kind, so «B» is never a part of «A» (rev22 R22-8)
    return _SAME_MARKS.get(s[0], s[0])


def structure_parts(inds: list[Indicator], i: int) -> list[Indicator]:
    """The parts of the structure row inds[i] ("Cơ cấu …"): the following rows one level below it."""
    head = inds[i]
    parts: list[Indicator] = []
    marker = None
    name_marker = None
    share = "%" in head.unit
    for j in range(i + 1, len(inds)):
        ind = inds[j]
        if ind.kind == "indicator":
            break
        m = _marker(ind.stt)
        if head.kind == "subrow" and m not in ("+", "*", "a)", "1.1") and not (m == "" and head.stt == ""):
            break
        marker = marker if marker is not None else m
        if m != marker:
            break
        # When the parts are marked in their names ("- Khu vực …"), a row without the mark ends the block.
        nm = _marker(ind.name[:1]) if ind.name[:1] in "-+*•–—·" else ""
        name_marker = name_marker if name_marker is not None else nm
        if m == "" and nm != name_marker:
            break
        if share and ind.unit and "%" not in ind.unit:
            # A row in another unit is no share. Once the shares, planned or reached, make up the whole it ends
            # the block ("GRDP bình quân đầu người, triệu đồng" after them); before that it sits among them
            # («- Giá trị tăng thêm ngành nông nghiệp, tỷ đồng» between two shares) and the shares go on.
            planned = sum((p.target.value for p in parts if p.target.op == "=" and p.target.value is not None),
                          Decimal(0))
            reached = sum((p.result for p in parts if p.result is not None), Decimal(0))
            if planned >= _WHOLE or reached >= _WHOLE:
                break
            continue
        parts.append(ind)
    return parts


_WHOLE = Decimal("99.9")  # shares that add up to 100 within rounding (validation allows 0,1)


def _lend_directions(pairs: list[tuple[Indicator, Indicator]]) -> list[tuple[Indicator, Indicator]]:
    """A thin sub-row reads with its indicator: «- Số vụ» under «Tai nạn giao thông» (core.direction). For the
    (sub-row, its indicator) pairs parse_grid gathered as it read them: each sub-row's direction as its indicator
    lends it; returned, the sub-rows whose direction nothing tells (a count under a reduction), each with its
    indicator."""
    from kh_excel.core.direction import UNCLEAR_START, subrow_direction
    unclear = []
    for ind, parent in pairs:
        before = ind.direction_reason
        ind.direction, ind.direction_reason = subrow_direction(
            parent.name, ind.name, ind.unit, ind.target, ind.direction, before)
        if ind.direction_reason is not before and ind.direction_reason.startswith(UNCLEAR_START):
            unclear.append((ind, parent))
    return unclear


def _structures_about(inds: list[Indicator], heads: list[int]) -> None:
    """Parts of a structure are shares planned at a level: «khoảng», unless a burden (core.direction).
    `heads`: the indices of the «Cơ cấu …» rows (their folded name starts so)."""
    from kh_excel.core.direction import structure_part_direction
    for i in heads:
        ind = inds[i]
        for part in structure_parts(inds, i):
            # (each row's key is fold(name), as the reader made it)
            part.direction, part.direction_reason = structure_part_direction(
                ind.name, part.name, part.target, part.direction, part.direction_reason, ind.key, part.key)


# A structure's parts sum to 100 within this (core.validation's structure_sum)
STRUCTURE_TOLERANCE = Decimal("0.1")


def _structures_printed(table: Table, inds: list[Indicator], heads: list[int]) -> None:
    """The parts of a structure, stated together, sum as printed to what their values sum to (rev16 R16-4: 15,1 +
    37,8 + 39,7 + 7,4 = 100,0 under `#,##0` printed «15%, 38%, 40%» beside «7,4%» read 100,4): where the figures as
    shown move the sum by more than a structure's tolerance, its parts whose format hides digits are printed as
    held, their shown_rounded warnings saying so. `heads`: the indices of the «Cơ cấu …» rows."""
    from kh_excel.core.validation import cell_ref, make_finding
    for i in heads:
        parts = structure_parts(inds, i)
        for role in _DECIDING_ROLES if len(parts) >= 2 else ():
            held = [p.held(role) for p in parts]
            printed = [p.target.value if role == "target" else p.result if role == "result" else p.previous
                       for p in parts]
            if any(v is None for v in held) or any(v is None for v in printed) \
                    or abs(sum(cast("list[Decimal]", printed), Decimal(0)) - sum(cast("list[Decimal]", held), Decimal(0))) \
                    <= STRUCTURE_TOLERANCE:
                continue
            for p, held_value, figure in zip(parts, held, printed):
                if role not in p.exact or held_value == figure:
                    continue
                value = cast(Decimal, held_value)  # (none is None: tested above)
                reading = p.readings.get(role)
                sign = "%" if getattr(getattr(reading, "number", None) if role == "target" else reading, "percent",
                                      False) else ""
                if role == "target":
                    p.target = Target(text=format_number(value) + sign, op=p.target.op, value=value, high=p.target.high)
                elif role == "result":
                    p.result = value
                else:
                    p.previous = value
                cell = cell_ref(p.row - 1, table.columns[role])
                found = table.reader_findings
                for k, f in enumerate(found):
                    if f.code == "shown_rounded" and f.cell == cell:
                        params = {n: v for n, v in f.params.items() if n not in ("cell", "indicator", "row")}
                        params["printed"] = DECIDING_PRINTED.format(figure=format_number(value) + sign)
                        found[k] = make_finding("shown_rounded", f.sheet, p.row - 1, table.columns[role], f.indicator,
                                                **params)
                        break


_registry = None


def set_registry(registry: Any) -> None:
    """Use a user-extended agency registry for splitting agency cells."""
    global _registry
    _registry = registry


def agency_registry() -> Any:
    """The registry used to split agency cells (the bundled one unless set_registry was called)."""
    global _registry
    if _registry is None:
        from kh_excel.core.agencies import AgencyRegistry
        _registry = AgencyRegistry.default()
    return _registry


def _agencies(value: Any) -> tuple[tuple[str, str], ...]:
    if _is_blank(value) or isinstance(value, ErrorValue):
        return ()
    return _split_cached(str(value), id(agency_registry()))


@lru_cache(maxsize=1 << 14, typed=True)
def _cells_roles(lead: Any, cooperate: Any, registry_id: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The roles of one pair of agency cells: the same pair repeats down a column (typed: 1 and True differ)."""
    return _roles_cached(_agencies(lead), _agencies(cooperate))


@lru_cache(maxsize=1 << 14)
def _roles_cached(lead: tuple, cooperate: tuple) -> tuple[tuple[str, ...], tuple[str, ...]]:
    from kh_excel.core.agencies import assign_roles
    leads, coops = assign_roles(list(lead), list(cooperate))
    return tuple(leads), tuple(coops)


@lru_cache(maxsize=1 << 14)
def _split_cached(raw: str, registry_id: int) -> tuple[tuple[str, str], ...]:
    enc = vtext.detect_legacy(raw)
    if enc:
        raw = vtext.convert_legacy(raw, enc)
    return tuple(agency_registry().split_marked(raw))
