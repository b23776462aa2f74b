"""A ratio short of or over the plan never reads «100,0%» (rev11 D16): the reviewer's s18 had «Thu ngân sách nhà
nước trên địa bàn: thực hiện 23.490 tỷ đồng, kế hoạch 23.500 tỷ đồng, đạt 100,0% kế hoạch» listed under «không đạt».
The ratio takes the decimals that tell it from 100. Expected texts worked out by hand (23.490 / 23.500 = 99,957…)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from kh_excel.core.attainment import assess
from kh_excel.core.numbers import format_ratio
from kh_excel.docs import wording as W

from test_wording_truth import row
from test_wording import T


@pytest.mark.parametrize("value, shown", [
    ("99.957", "99,96"),          # 23.490 / 23.500
    ("99.98889", "99,99"),        # 89.990 / 90.000
    ("99.99645", "99,996"),       # 11.279,6 / 11.280
    ("100.0333", "100,03"),       # 1.200,4 / 1.200
    ("100", "100,0"),
    ("97.46", "97,5"),
    ("99.94", "99,9"),
    ("100.06", "100,1"),
    ("99.999999", "99,9999"),
    ("100.000001", "100,0001"),
])
def test_a_ratio_is_shown_on_its_side_of_100(value, shown):
    assert format_ratio(Decimal(value)) == shown


@given(st.decimals(min_value=Decimal("50"), max_value=Decimal("150"), places=8))
def test_never_100_unless_it_is(value):
    text = format_ratio(value)
    shown = Decimal(text.replace(".", "").replace(",", "."))
    assert (shown == 100) == (value == 100)
    assert (shown < 100) == (value < 100)


def test_the_sentence_of_a_row_just_short():
    a = assess(row("Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", T("23.500", "=", 23500), 23490))
    assert a.status == "khong_dat"
    assert W.ratio_words(a) == "đạt 99,96% kế hoạch"
