"""A result written as an estimate («Ước 12.600», «Ước tính 95,5», «Dự kiến đạt 1.200») is that figure,
estimated: judged against the plan like «khoảng 12.600», never «số liệu lỗi»."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from hypothesis import given, settings, strategies as st

from kh_excel.core.numbers import format_number, parse_result_text


@pytest.mark.parametrize("text, value, change", [
    ("ước 12.600", Decimal("12600"), ""), ("Ước tính 95,5", Decimal("95.5"), ""),
    ("Dự kiến đạt 1.200", Decimal("1200"), ""), ("Ước tăng 8%", Decimal("8"), "tang"),
])
def test_an_estimate_reads_as_its_figure(text, value, change):
    r = parse_result_text(text)
    assert (r.bounds.value, r.change) == (value, change)
    if not change:
        assert (r.kind, r.point) == ("about", value)


@pytest.mark.parametrize("header", ["ƯTH 2020", "Ước thực hiện 2025", "Ước 2026", "Dự kiến 2026"])
def test_a_header_repeated_in_the_column_is_no_estimate(header):
    assert parse_result_text(header) is None


def test_an_estimate_is_judged_not_refused(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Tổng thu ngân sách trên địa bàn", "Tỷ đồng", 12000, "Ước 12.600", "Sở Tài chính"])
    ws.append(["2", "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 1500, "Ước tính 1.350", "Sở Tài chính"])
    path = tmp_path / "uoc.xlsx"
    wb.save(path)
    checked = check(read_workbook(path))
    assert checked.errors == []
    got = {a.indicator.name: a for a in checked.attainment.assessments}
    assert got["Tổng thu ngân sách trên địa bàn"].status == "vuot"        # 12.600 / 12.000 = 105%
    assert got["Số doanh nghiệp thành lập mới"].status == "khong_dat"     # 1.350 / 1.500 = 90%
    assert any("ước tính" in f.message for f in checked.findings if f.row == 2)


# The spellings tables use for an estimate (ƯTH: the real tables' header; «Ước thực hiện năm 2026»: the samples').
SPELLINGS = ["Ước", "Ước:", "Ước tính", "Ước tính:", "Ước đạt", "Ước thực hiện", "Ước thực hiện:", "Ước TH", "Ước TH:",
             "ƯTH", "ƯTH:", "UTH", "ước thực hiện đạt", "ƯỚC THỰC HIỆN", "Dự kiến", "Dự kiến đạt"]


@pytest.mark.parametrize("words", SPELLINGS)
def test_every_spelling_of_an_estimate_reads_as_its_figure(words):
    r = parse_result_text(f"{words} 11.800")
    assert (r.kind, r.point, r.change, r.estimate) == ("about", Decimal("11800"), "", True)


@pytest.mark.parametrize("header", ["ƯTH2020", "Ước TH 2020", "Ước thực hiện năm 2025", "ƯTH/ TH 2020", "Ước: 2025",
                                    "ƯTH: 2026", "Ước thực hiện năm"])
def test_more_headers_repeated_in_the_column_are_no_figure(header):
    assert parse_result_text(header) is None


def test_an_expression_not_written_as_an_estimate_is_no_estimate():
    assert not parse_result_text("Khoảng 24").estimate and not parse_result_text("Tăng 7,5%").estimate
    assert parse_result_text("Ước tăng 7,5%").estimate and parse_result_text("ƯTH trên 8").bounds.op == ">"


_figures = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999"), places=2, allow_nan=False,
                       allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SPELLINGS), _figures, st.sampled_from(["", " ", "  "]))
def test_an_estimate_of_any_figure_reads_as_that_figure(words, figure, gap):
    text = format_number(figure)
    r = parse_result_text(f"{words}{gap} {text}")
    assert r is not None and r.estimate and r.kind == "about" and r.point == figure
    assert r.text == " ".join(f"{words}{gap} {text}".split())


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SPELLINGS), st.integers(min_value=1900, max_value=2099), st.sampled_from(["", " ", ": "]))
def test_a_bare_year_after_the_words_is_never_a_figure(words, year, gap):
    assert parse_result_text(f"{words.rstrip(':')}{gap}{year}") is None
