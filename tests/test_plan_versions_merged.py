"""Two plan columns of one year under one merged header (rev22 R22-9).

«Dự toán năm 2025» merged over «Trung ương giao | HĐND thành phố giao», each with its own «So sánh» formula, was read
as its first part (`part_taken_first`) although README («Which plan») refuses the same two columns unmerged, naming
both and a --period for each: now one rule (core.table._version_taken, the rule of find_header's rival plans). And
«Đầu năm | Điều chỉnh» was read as the initial plan, which the adjusted one supersedes. Figures are those of the
reviewer's tables (HCM's 2025 budget revenue, Huế's 10 months); every ratio below is worked by hand.
"""
from __future__ import annotations

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.io.workbook import ChoiceAmbiguous


def _book(path, parts, plans, result, formulas=()):
    """Row 1 «STT | Chỉ tiêu | ĐVT | Dự toán năm 2025 (merged over `parts`) | Ước thực hiện năm 2025 | So sánh (%)…»,
    row 2 the parts and the comparison columns' own labels, row 3 one indicator; `formulas`: (label, plan letter)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    comp = [lab for lab, _ in formulas]
    ws.append(["STT", "Chỉ tiêu", "ĐVT", "Dự toán năm 2025", None, "Ước thực hiện năm 2025",
               *(["So sánh (%)"] + [None] * (len(comp) - 1) if comp else [])])
    ws.append([None, None, None, *parts, None, *comp])
    ws.append([1, "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", *plans, result,
               *(f"=ROUND(F3/{of}3*100,1)" for _, of in formulas)])
    for col in "ABCF":
        ws.merge_cells(f"{col}1:{col}2")
    ws.merge_cells("D1:E1")
    if len(comp) > 1:
        ws.merge_cells("G1:H1")
    elif comp:
        ws.merge_cells("G1:G2")
    wb.save(path)
    return path


def _ratio(t):
    return float(round(evaluate(t).assessments[0].ratio, 1))


def test_two_sources_each_with_its_own_comparison_are_refused_naming_both(tmp_path):
    """HCM: D «Trung ương giao» 671.824, E «HĐND thành phố giao» 697.509, F 800.043, G =F/D, H =F/E. Unmerged, these
    are refused; merged, D was taken («kế hoạch 671.824», 119,1%) and the HĐND's own dự toán never stated. Refused
    naming both columns and a --period for each; each --period reads its own: 800.043 / 671.824 = 1,1909 → 119,1;
    800.043 / 697.509 = 1,1470 → 114,7 (the city's published «cao hơn 19,1%» and «tăng 14,7%»)."""
    path = _book(tmp_path / "hcm.xlsx", ("Trung ương giao", "HĐND thành phố giao"), (671824, 697509), 800043,
                 (("So dự toán TW", "D"), ("So dự toán HĐND", "E")))
    with pytest.raises(ChoiceAmbiguous) as e:
        read_workbook(path)
    msg = str(e.value)
    assert "cột D «Dự toán năm 2025 Trung ương giao»" in msg and "cột E «Dự toán năm 2025 HĐND thành phố giao»" in msg
    assert '--period "Dự toán năm 2025 Trung ương giao"' in msg and '--period "Dự toán năm 2025 HĐND thành phố giao"' in msg
    tw = read_workbook(path, period="Dự toán năm 2025 Trung ương giao")
    assert (tw.columns["target"], tw.indicators[0].target.value, _ratio(tw)) == (3, 671824, 119.1)
    hd = read_workbook(path, period="Dự toán năm 2025 HĐND thành phố giao")
    assert (hd.columns["target"], hd.indicators[0].target.value, _ratio(hd)) == (4, 697509, 114.7)


def test_the_one_source_every_formula_divides_by_is_taken_and_said(tmp_path):
    """The same table with one comparison column, G =F/E (the HĐND's): the sheet says which plan it compares with, as
    for two unmerged plans (plan_of_formula): E read although it is not the first; 800.043 / 697.509 → 114,7."""
    path = _book(tmp_path / "one.xlsx", ("Trung ương giao", "HĐND thành phố giao"), (671824, 697509), 800043,
                 (("So dự toán HĐND", "E"),))
    t = read_workbook(path)
    assert (t.columns["target"], _ratio(t)) == (4, 114.7)
    said = [f.message for f in t.reader_findings if f.code == "plan_of_formula"]
    assert len(said) == 1 and "cột E" in said[0] and "cột D" in said[0]
    assert not [f for f in t.reader_findings if f.code == "part_taken_first"]


def test_sources_without_formulas_are_still_read_first_and_said(tmp_path):
    """Must NOT change: «NQ HĐND | UBND tỉnh giao» with no comparison formula is read as README promises, the first
    (D, 671.824 → 119,1), with part_taken_first naming E — no refusal, no adjusted-plan warning."""
    path = _book(tmp_path / "none.xlsx", ("Trung ương giao", "HĐND thành phố giao"), (671824, 697509), 800043)
    t = read_workbook(path)
    assert (t.columns["target"], _ratio(t)) == (3, 119.1)
    codes = [f.code for f in t.reader_findings]
    assert "part_taken_first" in codes and "plan_adjusted_taken" not in codes


@pytest.mark.parametrize("formulas", [(), (("So đầu năm", "D"), ("So điều chỉnh", "E"))])
def test_the_adjusted_plan_supersedes_the_initial_one(tmp_path, formulas):
    """Huế: «Dự toán năm 2025» over «Đầu năm | Điều chỉnh» (12.351 | 12.757), 10 months 11.800. The first was read:
    11.800 / 12.351 = 95,5% «kế hoạch năm», a superseded figure; the city published 92,5% of the adjusted dự toán
    (11.800 / 12.757 = 0,9250). Decision: read the adjusted one with a warning naming both, not refuse — an adjusted
    plan (dự toán điều chỉnh, kế hoạch điều chỉnh) replaces the initial one by law, so there is no choice for the
    person to make: refusing would only stop the report; the warning names cột D and the --period reading it. With
    a comparison column for each (the table shows both) the same: the adjusted one governs."""
    path = _book(tmp_path / "hue.xlsx", ("Đầu năm", "Điều chỉnh"), (12351, 12757), 11800, formulas)
    t = read_workbook(path)
    assert (t.columns["target"], t.indicators[0].target.value, _ratio(t)) == (4, 12757, 92.5)
    said = [f.message for f in t.reader_findings if f.code == "plan_adjusted_taken"]
    assert len(said) == 1 and "cột D «Đầu năm»" in said[0] and "cột E «Điều chỉnh»" in said[0]
    assert '--period "Dự toán năm 2025 Đầu năm"' in said[0]
    first = read_workbook(path, period="Dự toán năm 2025 Đầu năm")
    assert (first.columns["target"], _ratio(first)) == (3, 95.5)  # 11.800 / 12.351 = 0,9554


def test_an_initial_plan_the_sheet_alone_compares_with_is_its_choice(tmp_path):
    """«Giao đầu năm | Điều chỉnh» whose only comparison column divides by the initial plan (G =F/D): the sheet's own
    formula says which plan it is judged against (plan_of_formula), as README's rule for two plans of one period;
    the adjusted rule does not override it: 11.800 / 12.351 → 95,5."""
    path = _book(tmp_path / "d.xlsx", ("Giao đầu năm", "Điều chỉnh"), (12351, 12757), 11800, (("So dự toán", "D"),))
    t = read_workbook(path)
    assert (t.columns["target"], _ratio(t)) == (3, 95.5)
    assert [f.code for f in t.reader_findings if f.code in ("plan_of_formula", "plan_adjusted_taken")] == \
        ["plan_of_formula"]
