"""«6 tháng cuối năm» (the second half) was read as «6 tháng» — the first half: its result set against the first half's
plan, its report titled «6 tháng đầu năm», compared «cùng kỳ» with last year's first half. The second half is a span of
its own (core.periods.SECOND_HALF); «6 tháng đầu năm», «Quý III», «9 tháng», «cả năm», «năm» read as before. The
expected spans are the words' meaning, decided by hand."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.core.periods import PROGRESS_REASON, SECOND_HALF, UNKNOWN_PART, label_span, span_words

ROLES = ["Thực hiện", "TH", "Ước thực hiện", "Ước TH", "Kế hoạch", "KH", "ƯTH", "Chỉ tiêu giao", ""]
YEARS = ["", " 2026", " năm 2026", "/2026", " (ước)"]
SECOND = ["6 tháng cuối năm", "6 THÁNG CUỐI NĂM", "sáu tháng cuối năm", "6T cuối năm", "6 tháng cuối", "nửa cuối năm",
          "Sáu Tháng Cuối Năm"]
FIRST = ["6 tháng đầu năm", "6 THÁNG ĐẦU NĂM", "sáu tháng đầu năm", "6T đầu năm", "6 tháng", "nửa đầu năm", "6T"]
OTHERS = [("Quý III", 3), ("quý 3 năm", 3), ("9 tháng", 9), ("chín tháng", 9), ("cả năm", 12), ("CẢ NĂM", 12)]


def _label(role: str, span: str, year: str) -> str:
    return " ".join(p for p in (role, span) if p) + year


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(ROLES), st.sampled_from(SECOND), st.sampled_from(YEARS))
def test_the_second_half_is_never_the_first(role, span, year):
    assert label_span(_label(role, span, year)) == SECOND_HALF


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(ROLES), st.sampled_from(FIRST), st.sampled_from(YEARS))
def test_the_first_half_is_six_months(role, span, year):
    assert label_span(_label(role, span, year)) == 6


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(ROLES), st.sampled_from(OTHERS), st.sampled_from(YEARS))
def test_quarters_months_and_the_whole_year_read_as_before(role, other, year):
    span, months = other
    assert label_span(_label(role, span, year)) == months


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ROLES), st.sampled_from(FIRST[:4]), st.sampled_from(SECOND[:4]), st.sampled_from(YEARS))
def test_both_halves_named_are_the_year(role, first, second, year):
    """«TH 6 tháng đầu năm và ước 6 tháng cuối năm»: the year's figure, as the bracketed note of a year's estimate."""
    assert label_span(f"{role} {first} và ước {second}{year}") == 12
    assert label_span(f"Ước thực hiện năm 2026 ({first} + {second})") is None  # the year's, its note aside


@pytest.mark.parametrize("label,span", [("Năm 2026", None), ("Kế hoạch năm 2026", None), ("Thực hiện tháng 7-12/2026", SECOND_HALF),
                                        ("3 tháng cuối năm", UNKNOWN_PART), ("Thực hiện 1-6/2026", 6)])
def test_other_wordings(label, span):
    assert label_span(label) == span


def test_the_second_half_in_words():
    assert span_words(SECOND_HALF) == "6 tháng cuối năm" and label_span(span_words(SECOND_HALF)) == SECOND_HALF


# --------------------------------------------------------------------------- what the reader and the documents do


def _table(heads, values, title="CÁC CHỈ TIÊU NĂM 2026", period=None):
    rows = [[title], ["STT", "Chỉ tiêu", "ĐVT", *heads, "Cơ quan chủ trì"],
            ["1", "Thu ngân sách nhà nước", "Tỷ đồng", *values, "Sở Tài chính"]]
    return read_workbook(Grid("S", rows), file="t.xlsx", period=period)


def test_a_second_halfs_result_is_never_set_against_the_first_halfs_plan():
    """560 in the second half: against the year's 1.000 it is progress (56,0%), never «Vượt 124%» against the first
    half's 450."""
    t = _table(["KH 6 tháng đầu năm 2026", "KH năm 2026", "TH 6 tháng cuối năm 2026"], [450, 1000, 560])
    assert t.columns["target"] == 4
    a = check(t).attainment.assessments[0]
    assert (a.status, a.reason, a.ratio) == ("khong_danh_gia", PROGRESS_REASON, Decimal("56.0"))


def test_a_second_half_with_its_own_plan_is_judged_against_it():
    t = _table(["KH 6 tháng đầu năm 2026", "KH 6 tháng cuối năm 2026", "KH năm 2026", "TH 6 tháng cuối năm 2026"],
               [450, 550, 1000, 560])
    assert t.columns["target"] == 4
    assert check(t).attainment.assessments[0].status == "vuot"  # 560 of 550


def test_a_document_names_the_second_half_and_compares_it_only_with_a_second_half():
    from kh_excel.docs.period import of_table
    t = _table(["KH năm 2026", "TH 6 tháng cuối năm 2025", "TH 6 tháng cuối năm 2026"], [1000, 500, 560])
    per = of_table(t, 2026)
    assert per.words() == "6 tháng cuối năm 2026" and per.same_period
    assert "6 tháng đầu năm" not in per.trich_yeu()
    t = _table(["KH năm 2026", "TH 6 tháng đầu năm 2025", "TH 6 tháng cuối năm 2026"], [1000, 500, 560])
    assert not of_table(t, 2026).compare  # last year's first half is no «cùng kỳ» of this second half


def test_collect_names_the_second_half_and_never_matches_it_with_the_first():
    from kh_excel.collect.returned import column_period, period_words, same_period
    second = column_period(_table(["KH năm 2026", "TH 6 tháng cuối năm 2026"], [1000, 560]))
    first = column_period(_table(["KH năm 2026", "TH 6 tháng đầu năm 2026"], [1000, 560]))
    assert period_words(second) == "6 tháng cuối năm 2026" and period_words(first) == "6 tháng năm 2026"
    assert not same_period(first, second)
