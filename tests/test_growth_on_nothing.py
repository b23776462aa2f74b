"""A growth plan («Tăng 10%») over a previous figure of 0, or a period of no years, is not judged: it used to
raise decimal.DivisionByZero out of evaluate (and so out of check, attainment and render)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kh_excel.core.attainment import assess
from kh_excel.core.model import Indicator, Target

PLAN = Target(text="Tăng 10%", op="=", value=Decimal(10))


@pytest.mark.parametrize("fields", [
    {"previous": Decimal(5), "exact": {"previous": Decimal(0)}},          # shown 5, stored 0
    {"previous": Decimal(0)},
    {"previous": Decimal(100), "growth_base": Decimal(100), "growth_period": (0, 0, 0)},  # a period of no years
])
def test_a_growth_over_nothing_is_not_judged(fields):
    ind = Indicator(row=8, kind="indicator", stt="1", name="Tổng mức bán lẻ hàng hóa", unit="Tỷ đồng", target=PLAN,
                    result=Decimal(120), growth_target=True, **fields)
    a = assess(ind)
    if "growth_period" in fields:  # the period is skipped: judged against the previous year (120 vs 100: +20%)
        assert a.status == "vuot"
    else:
        assert (a.status, a.ratio) == ("khong_danh_gia", None)
        assert "không có số thực hiện năm trước" in a.reason


def test_a_result_10_to_the_40_times_its_plan_is_reported_not_raised(tmp_path):
    """Figures at the reader's bounds (10**-20 and 10**20): the far-off finding formats a ratio of 10**42 %;
    its rounding raised decimal.InvalidOperation out of check."""
    import openpyxl
    from kh_excel.api import read_workbook
    from kh_excel.core.gate import check
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Tổng vốn đầu tư", "Tỷ đồng", 1e-20, 1e20, "Sở Tài chính"])
    path = tmp_path / "far.xlsx"
    wb.save(path)
    checked = check(read_workbook(path))
    far = [f for f in checked.findings if f.code == "result_far_off"]
    ratio = f"{10 ** 42:,}".replace(",", ".")  # 10**20 / 10**-20, in %: «1.000.000 … %»
    assert len(far) == 1 and f"bằng {ratio}% kế hoạch" in far[0].message
