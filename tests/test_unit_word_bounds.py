"""rev20 R20-2: a plan that writes the row's unit between its figure and the words of its bound («04 mô hình trở
lên» under «Mô hình», «Từ 25 đảng viên trở lên» under «Đảng viên») was refused as «không phải là số», and the table
with it, while «Từ 04 trở lên» and «Hoàn thành 5 xã» were read. The row's unit after a figure is dropped by one rule
(core.table._unit_stripped), the bound's words kept; a word that is not the row's unit is never dropped. collect reads
a returned «13 xã» under «Xã» by the same rule.

Each row decided by hand:
  «04 mô hình trở lên», unit «Mô hình», result 5: a floor of 4; 5 ≥ 4 → the floor holds (as «Từ 04 trở lên»).
  «4 mô hình trở lên», unit «Mô hình» (lower-case in the cell), result 3: floor 4; 3 < 4 → Không đạt.
  «Từ 25 đảng viên trở lên», unit «Đảng viên», result 27: a floor of 25; 27 ≥ 25 → holds.
  «Từ 25 ĐẢNG VIÊN trở lên», unit «đảng viên»: the same floor, whatever the case.
  «5 vụ trở xuống», unit «Vụ», result 4: a ceiling of 5; 4 ≤ 5 → holds.
  «04 mô hình trở lên», unit «Hợp tác xã»: «mô hình» is not the row's unit → no figure, still an error of the cell.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

import kh_excel
from kh_excel.api import read_workbook
from kh_excel.collect.merge import judge_result
from kh_excel.core.gate import check
from kh_excel.core.model import Grid

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Thực hiện năm 2025", "Cơ quan chủ trì"]
ROWS = [  # (name, unit, plan, result, op, value, status)
    ("Mô hình nông hội", "Mô hình", "04 mô hình trở lên", 5, ">=", 4, "dat"),
    ("Mô hình kinh tế tập thể", "Mô hình", "4 mô hình trở lên", 3, ">=", 4, "khong_dat"),
    ("Kết nạp đảng viên mới", "Đảng viên", "Từ 25 đảng viên trở lên", 27, ">=", 25, "dat"),
    ("Kết nạp đảng viên trong năm", "đảng viên", "Từ 25 ĐẢNG VIÊN trở lên", 27, ">=", 25, "dat"),
    ("Số vụ tai nạn giao thông", "Vụ", "5 vụ trở xuống", 4, "<=", 5, "dat"),
]
FIRST = 4  # sheet row of the first indicator


def _checked(rows=ROWS):
    body = [[str(i), name, unit, plan, result, "UBND xã"] for i, (name, unit, plan, result, *_r) in enumerate(rows, 1)]
    return check(read_workbook(Grid(sheet="Biểu", rows=[["CHỈ TIÊU NĂM 2025"], [], HEAD, *body])))


@pytest.mark.parametrize("i", range(len(ROWS)), ids=[r[2] for r in ROWS])
def test_a_bound_with_the_rows_unit_is_that_bound(i):
    name, unit, plan, result, op, value, status = ROWS[i]
    checked = _checked()
    ind = checked.table.indicators[i]
    assert (ind.target.op, ind.target.value) == (op, Decimal(value))
    assert ind.target.text == plan  # the document quotes the cell as written
    assert not [f for f in checked.findings if f.severity == "error" and f.row == FIRST + i]
    (a,) = [a for a in kh_excel.evaluate(checked.table).assessments if a.indicator.row == FIRST + i]
    assert a.status == status


def test_the_same_floor_however_it_is_written():
    """«04 mô hình trở lên» is «Từ 04 trở lên» (read before): one floor of 4, one verdict against 5."""
    rows = [("A", "Mô hình", "04 mô hình trở lên", 5, "", 0, ""), ("B", "Mô hình", "Từ 04 trở lên", 5, "", 0, "")]
    one, other = kh_excel.evaluate(_checked(rows).table).assessments
    assert (one.indicator.target.op, one.indicator.target.value, one.status) == \
           (other.indicator.target.op, other.indicator.target.value, other.status)


def test_a_word_that_is_not_the_rows_unit_stays_an_error():
    """«mô hình» under «Hợp tác xã»: which figure is planned is not the sheet's to guess: still refused, cell named."""
    checked = _checked([("Hợp tác xã nông nghiệp", "Hợp tác xã", "04 mô hình trở lên", 5, "", 0, "")])
    (ind,) = checked.table.indicators
    assert ind.target.op == "text"
    errors = [f for f in checked.findings if f.severity == "error"]
    assert [f.cell for f in errors] == ["D4"]
    assert "04 mô hình trở lên" in errors[0].message


def test_collect_reads_a_returned_figure_with_its_unit_as_check_does():
    """R20-2: collect refused a returned «13 xã» under «Xã» («không phải là số»), which check reads as 13. Plan 14
    xã: 13 is written as the number 13, said; under «Mô hình» the same cell is no figure of the row: refused."""
    checked = _checked([("Số xã đạt chuẩn nông thôn mới nâng cao", "Xã", 14, "13 xã", "", 0, ""),
                        ("Mô hình nông hội", "Mô hình", 4, "13 xã", "", 0, "")])
    communes, models = checked.table.indicators
    assert communes.result == 13  # check's reading
    v = judge_result("13 xã", None, communes)
    assert (v.kind, v.number) == ("number", Decimal(13))
    assert "«13 xã»" in v.note and "13" in v.note
    assert judge_result("13 xã", None, models).kind == "invalid"
    assert models.result is None  # check reads no figure there either
