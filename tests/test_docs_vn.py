"""Decree 30 writing rules: dates, symbols, signature lines, Nơi nhận, text widths."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kh_excel.docs import vn


@pytest.mark.parametrize("d, words", [
    (date(2026, 2, 3), "ngày 03 tháng 02 năm 2026"),
    (date(2026, 3, 15), "ngày 15 tháng 3 năm 2026"),
    (date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
    (date(2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
    (date(2026, 10, 9), "ngày 09 tháng 10 năm 2026"),
])
def test_dates_follow_the_leading_zero_rule(d, words):
    assert vn.date_words(d) == words
    assert vn.check_date_words(words) is None


def test_date_line_and_undated_draft():
    assert vn.date_line("Lào Cai", date(2026, 2, 3)) == "Lào Cai, ngày 03 tháng 02 năm 2026"
    draft = vn.date_words(None, 2026)
    assert draft.startswith("ngày") and draft.endswith("năm 2026") and "tháng" in draft
    assert vn.check_date_words(draft) is None


@pytest.mark.parametrize("text, problem", [
    ("ngày 3 tháng 02 năm 2026", "03"),
    ("ngày 15 tháng 03 năm 2026", "«3»"),
    ("ngày 15 tháng 2 năm 2026", "02"),
    ("ngày 31 tháng 02 năm 2026", "không tồn tại"),
    ("03/02/2026", "ngày … tháng"),
])
def test_wrong_dates_are_named(text, problem):
    msg = vn.check_date_words(text)
    assert msg is not None and problem in msg


@pytest.mark.parametrize("value, expected", [
    ("03/02/2026", date(2026, 2, 3)), ("3/2/2026", date(2026, 2, 3)), ("2026-02-03", date(2026, 2, 3)),
    ("ngày 15 tháng 3 năm 2026", date(2026, 3, 15)), (46056, date(2026, 2, 3)), ("", None), (None, None),
])
def test_parse_date(value, expected):
    assert vn.parse_date(value) == expected


def test_parse_date_rejects_text():
    with pytest.raises(ValueError, match="không phải là ngày"):
        vn.parse_date("đầu tháng hai")


@pytest.mark.parametrize("text, message", [
    ("32/13/2026", "«32/13/2026» không phải là ngày có thật (ngày 32, tháng 13, năm 2026)"),
    ("2025-02-29", "«2025-02-29» không phải là ngày có thật (ngày 29, tháng 2, năm 2025)"),
    ("ngày 31 tháng 4 năm 2026", "«ngày 31 tháng 4 năm 2026» không phải là ngày có thật (ngày 31, tháng 4, năm 2026)"),
])
def test_parse_date_names_a_date_the_calendar_has_not(text, message):
    with pytest.raises(ValueError) as exc:
        vn.parse_date(text)
    assert str(exc.value) == message


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=30), st.from_regex(r"\A\d{1,3}/\d{1,3}/\d{1,5}\Z"),
                 st.from_regex(r"\A\d{1,5}-\d{1,3}-\d{1,3}\Z"),
                 st.from_regex(r"\Angày \d{1,3} tháng \d{1,3} năm \d{1,5}\Z")))
def test_parse_date_gives_a_date_or_a_vietnamese_reason(text):
    """Whatever a settings cell holds: a date, nothing, or a ValueError whose message quotes it in Vietnamese."""
    try:
        got = vn.parse_date(text)
    except ValueError as exc:
        assert str(exc).startswith("«") and "không phải là ngày" in str(exc)
    else:
        assert got is None or isinstance(got, date)


def test_symbols():
    assert vn.symbol(4, "CTr", "UBND") == "04/CTr-UBND"
    assert vn.symbol("15", "BC", "UBND") == "15/BC-UBND"
    assert vn.symbol(125, "", "UBND", "TH") == "125/UBND-TH"      # a công văn: issuer, then unit
    assert vn.symbol(4.0, "KH", "STC") == "04/KH-STC"             # a number cell read as float
    blank = vn.symbol("", "BC", "UBND")
    assert blank.endswith("/BC-UBND") and not blank.split("/")[0].strip()
    # the unit and issuer as a clerk typed them become upper case; the type abbreviation keeps its case
    assert vn.symbol(1, "", "UBND", "Th1") == "01/UBND-TH1"
    assert vn.symbol(125, "", "ubnd", "th") == "125/UBND-TH"
    assert vn.symbol(4, "CTr", "stc") == "04/CTr-STC"


@pytest.mark.parametrize("line, problem", [
    ("Số: 04/CTr-UBND", None),
    ("Số: 125/UBND-TH", None),
    ("Số:\u00a0\u00a0\u00a0\u00a0/BC-UBND", None),
    ("Số: 4/CTr-UBND", "số 0"),
    ("Số: 04 /CTr-UBND", "dấu cách"),
    ("Số: 04/CTr - UBND", "dấu cách"),
    ("So: 04/CTr-UBND", "«Số:»"),
    ("Số: 12/ctr-ubnd", "viết hoa"),
    ("Số: 04/BC-ubnd", "«ubnd»"),          # a known type first must not excuse a lower-case issuer
    ("Số: 125/UBND-th", "«th»"),
    ("Số: 04/CTr-STC", None),
])
def test_symbol_line_check(line, problem):
    msg = vn.check_symbol_line(line)
    assert (msg is None) if problem is None else (msg is not None and problem in msg)


def test_signature_lines_for_each_authority():
    assert vn.signature_lines("TM.", "Ủy ban nhân dân", "", "Chủ tịch") == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert vn.signature_lines("KT.", "", "Chủ tịch", "Phó Chủ tịch") == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert vn.signature_lines("TM., KT.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH") == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert vn.signature_lines("Q", "", "", "Giám đốc") == ["Q. GIÁM ĐỐC"]
    assert vn.signature_lines("TL.", "", "Chủ tịch", "Chánh Văn phòng") == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]
    assert vn.signature_lines("TUQ.", "", "Chủ tịch", "Giám đốc Sở Tài chính") == [
        "TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ TÀI CHÍNH"]
    assert vn.signature_lines("", "", "", "Giám đốc") == ["GIÁM ĐỐC"]


def test_signature_errors_are_vietnamese():
    with pytest.raises(ValueError, match="không hợp lệ"):
        vn.signature_lines("THAY MẶT", "", "", "CHỦ TỊCH")
    with pytest.raises(ValueError, match="tập thể"):
        vn.signature_lines("TM.", "", "", "CHỦ TỊCH")
    with pytest.raises(ValueError, match="người đứng đầu"):
        vn.signature_lines("KT.", "", "", "PHÓ CHỦ TỊCH")
    with pytest.raises(ValueError, match="chức vụ của người ký"):
        vn.signature_lines("KT.", "", "GIÁM ĐỐC", "")       # 'KT. GIÁM ĐỐC' with nobody's title under it


def test_recipients_punctuation():
    items = vn.recipients(["Văn phòng Chính phủ.", "- Bộ Tài chính;", "Lưu: VT, TH", "Thường trực HĐND tỉnh,"], "")
    assert items == ["- Văn phòng Chính phủ;", "- Bộ Tài chính;", "- Thường trực HĐND tỉnh;", "- Lưu: VT, TH."]
    assert vn.recipients([], "TH") == ["- Lưu: VT, TH."]
    # a note typed after the semicolon moves before the single closing one
    assert vn.recipients(["Thường trực Tỉnh ủy; (b/c)"], "TH")[0] == "- Thường trực Tỉnh ủy (b/c);"
    assert vn.recipients(["A\nB"], "VT, Th1, Th7")[-1] == "- Lưu: VT, Th1, Th7."


def test_text_width_matches_times_new_roman_metrics():
    # 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' at 12 pt bold is about 88 mm in Times New Roman
    mm = vn.text_width_pt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True) * 25.4 / 72
    assert 86 < mm < 90
    assert vn.text_width_pt("ĐĐ", 14) == vn.text_width_pt("DD", 14)
    assert vn.text_width_pt("Độc lập", 13, bold=True) > vn.text_width_pt("Độc lập", 13)
