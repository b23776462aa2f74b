"""Sentences about indicators whose direction or unit the adversarial review (tests/test_direction_adversarial.py)
looked at, decided by hand: a ratio to plan («đạt N% kế hoạch») is written only for an amount where more is
better, never for a score in points nor a rate in ‰ (WRITING: a share or rate is given by the value reached)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kh_excel.core.attainment import assess
from kh_excel.core.direction import infer_direction
from kh_excel.core.model import Indicator, Target
from kh_excel.docs import wording as W


def _assessed(name, unit, plan, result):
    target = Target(str(plan), "=", Decimal(str(plan)))
    direction, reason = infer_direction(name, unit, target)
    ind = Indicator(row=8, kind="indicator", stt="1", name=name, unit=unit, target=target,
                    result=Decimal(str(result)), direction=direction, direction_reason=reason)
    return assess(ind)


@pytest.mark.parametrize("name, unit, plan, result", [
    ("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Điểm", 68, 70),
    ("Chỉ số phục vụ người dân và doanh nghiệp", "điểm", 85, 90),
    ("Mức giảm tỷ lệ sinh", "‰", "0.2", "0.22"),
])
def test_no_ratio_to_plan_for_a_score_or_a_rate(name, unit, plan, result):
    a = _assessed(name, unit, plan, result)
    assert a.status == "vuot"
    assert not W.shows_ratio(a)
    assert "kế hoạch" in W.result_phrase(a) and "% kế hoạch" not in W.result_phrase(a)


def test_an_amount_keeps_its_ratio():
    a = _assessed("Tổng doanh thu du lịch", "Tỷ đồng", 10000, 11000)
    assert W.shows_ratio(a)
    assert W.result_phrase(a).endswith("đạt 110,0% kế hoạch")
