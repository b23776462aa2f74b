"""A goal with no year («Mục tiêu», «Mục tiêu đến năm 2030», «Chỉ tiêu Nghị quyết Đại hội») beside a year's plan
(«Kế hoạch năm 2026») is not read — the year's plan is (rev18's design) — and was dropped unsaid: check and render now
name the column and its header cell (goal_left_out) with the --period that takes it. Tables built here; figures by hand."""
from __future__ import annotations

import json

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.model import Grid

from helpers import run_cli


# --------------------------------------------------------------------------- 1. a goal of no year left out, said

def _goal_grid(goal: str | None, plan: str = "Kế hoạch năm 2026", goal_cells=(1.5, 45)) -> Grid:
    head = ["STT", "Chỉ tiêu", "Đơn vị tính"] + ([goal] if goal else []) + [plan, "Ước thực hiện năm 2026"]
    rows = [["1", "Tỷ lệ hộ nghèo", "%", 3, 2.8], ["2", "Thu nhập bình quân đầu người", "Triệu đồng", 40, 41]]
    body = [r[:3] + ([g] if goal else []) + r[3:] for r, g in zip(rows, goal_cells)]
    return Grid("Biểu", [["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026"], head, *body])


@pytest.mark.parametrize("goal", ["Mục tiêu", "Mục tiêu đến năm 2030", "Chỉ tiêu Nghị quyết Đại hội"])
@pytest.mark.parametrize("plan_document", [False, True])
def test_a_goal_of_no_year_beside_the_years_plan_is_said(goal, plan_document):
    table = read_workbook(_goal_grid(goal), plan=plan_document)
    # the year's plan is read, as before: 2,8 of a ceiling 3 for poverty, 41 of 40 for income
    assert table.columns["target"] == 4 and table.indicators[0].target.value == 3
    said = [f for f in table.reader_findings if f.code == "goal_left_out"]
    assert len(said) == 1 and said[0].cell == "D2" and said[0].severity == "warning"
    assert said[0].message.startswith(f"Cột D «{goal}» (ô D2) có số liệu nhưng không được dùng")
    assert "cột E «Kế hoạch năm 2026»" in said[0].message and f'--period "{goal}"' in said[0].message


def test_check_and_render_say_the_goal_left_out_naming_file_sheet_and_cell(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    for row in _goal_grid("Mục tiêu đến năm 2030").rows:
        ws.append(row)
    path = tmp_path / "chi_tieu_2026.xlsx"
    wb.save(path)
    checked = run_cli("check", path, "--json")
    data = json.loads(checked.stdout)
    (f,) = [f for f in data["findings"] if f["code"] == "goal_left_out"]
    assert data["file"].endswith("chi_tieu_2026.xlsx") and f["sheet"] == "Biểu 01" and f["cell"] == "D2"
    made = run_cli("render", "bao-cao", path, "-o", tmp_path / "bc.docx")
    assert made.returncode == 0, made.stderr
    assert "Cột D «Mục tiêu đến năm 2030» (ô D2) có số liệu nhưng không được dùng" in made.stderr


def test_the_goal_named_by_period_is_read_and_nothing_is_said():
    """--period "Mục tiêu": the person chose the goal; the year's plan is left out by that choice (45 → 41: short)."""
    table = read_workbook(_goal_grid("Mục tiêu"), period="Mục tiêu")
    assert table.columns["target"] == 3 and table.indicators[1].target.value == 45
    assert not [f for f in table.reader_findings if f.code == "goal_left_out"]


@pytest.mark.parametrize("goal, cells", [("Mục tiêu", (None, None)),            # an empty column: nothing to lose
                                         ("Nghị quyết", ("12/NQ-HĐND", None))])  # a resolution's number, no figure
def test_a_goal_column_with_no_figure_is_not_said(goal, cells):
    table = read_workbook(_goal_grid(goal, goal_cells=cells))
    assert not [f for f in table.reader_findings if f.code == "goal_left_out"]


def test_a_periods_goal_is_said_once_as_before():
    """«Mục tiêu giai đoạn 2026-2030» beside «Kế hoạch năm 2026» is a plan of another period: plan_left_out says it,
    as before, and it is not said twice."""
    table = read_workbook(_goal_grid("Mục tiêu giai đoạn 2026-2030"))
    codes = [f.code for f in table.reader_findings]
    assert "plan_left_out" in codes and "goal_left_out" not in codes


def test_a_table_of_one_plan_says_nothing():
    table = read_workbook(_goal_grid(None))
    assert not [f for f in table.reader_findings if f.code in ("goal_left_out", "plan_left_out")]
