"""core.periods.span_of reads how much of the year a label covers in the words reports use."""
from __future__ import annotations

from hypothesis import given, strategies as st

from kh_excel.core.periods import UNKNOWN_PART, span_of

WORDS = {1: "một", 2: "hai", 3: "ba", 4: "bốn", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín", 10: "mười", 11: "mười một",
         12: "mười hai"}


@given(n=st.integers(1, 11), year=st.integers(2000, 2099), form=st.sampled_from(["{n}T/{y}", "TH {n} tháng {y}",
       "Thực hiện {n:02d} tháng năm {y}", "Ước TH {n}t năm {y}"]))
def test_months_in_figures(n, year, form):
    assert span_of(form.format(n=n, y=year)) == n


@given(n=st.sampled_from(sorted(WORDS)), year=st.integers(2000, 2099))
def test_months_in_words(n, year):
    assert span_of(f"Thực hiện {WORDS[n]} tháng năm {year}") == n


@given(day=st.integers(1, 31), month=st.integers(1, 12), year=st.integers(2000, 2099))
def test_up_to_a_date_is_the_whole_year_only_on_31_12(day, month, year):
    got = span_of(f"Thực hiện đến {day}/{month}/{year}")
    if (day, month) == (31, 12):
        assert got == 12
    else:
        assert got is not None and got != 12 and (got == UNKNOWN_PART or got == month)


def test_hand_read_labels():
    assert span_of("Thực hiện nửa đầu năm 2026") == 6
    assert span_of("Ước thực hiện đến ngày 30 tháng 6 năm 2026") == 6
    for part in ("Thực hiện tháng 6/2026", "Thực hiện từ đầu năm đến nay", "Thực hiện học kỳ I năm 2026",
                 "Thực hiện đến 15/11/2026"):
        assert span_of(part) == UNKNOWN_PART, part
    for none in ("Ước thực hiện năm 2026", "TH 2026", "Thực hiện", "Bắc Hà, ngày 15 tháng 6 năm 2026"):
        assert span_of(none) is None, none
    assert span_of("Ước thực hiện cả năm") == 12


def test_a_master_of_six_months_in_other_words_is_progress_not_a_year(tmp_path):
    """«TH 6T/2026» beside the year's plan: the document speaks of 6 months and judges no row «không đạt»."""
    import openpyxl
    from kh_excel.api import read_workbook
    from kh_excel.docs.period import of_table
    for head in ("TH 6T/2026", "Thực hiện sáu tháng năm 2026", "Thực hiện nửa đầu năm 2026",
                 "Ước thực hiện đến 30/6/2026"):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", head])
        ws.append(["1", "Tỷ lệ đô thị hóa", "%", 32.4, 16.1])
        wb.save(tmp_path / "m.xlsx")
        per = of_table(read_workbook(tmp_path / "m.xlsx"), 2026)
        words = ("ước thực hiện " if head.startswith("Ước") else "") + "6 tháng đầu năm 2026"  # an estimate is said
        assert (per.months, per.plan_is_year, per.words()) == (6, True, words), head
