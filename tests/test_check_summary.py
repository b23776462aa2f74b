"""`kh-excel check` beyond a screenful: every error listed, warnings summarised by code with their
cells; `--all` lists every warning, `--json` always has all of them."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from helpers import run_cli

from kh_excel.cli_core import SCREENFUL, finding_summaries
from kh_excel.core.validation import make_finding

DATA = Path(__file__).parent / "data"
BIG = DATA / "real" / "da_huoai_2020_tonghop.xlsx"   # 5 errors, hundreds of warnings
SMALL = DATA / "samples" / "chi_tieu_2026_lao_cai.xlsx"  # 5 warnings: listed one by one
WIDE = {"COLUMNS": "3000"}  # one table row per line, so that messages can be looked for whole


def test_a_summary_names_the_code_its_title_the_cells_and_how_many_more():
    cells = [(11 + i, 4) for i in range(25)]  # E12 … E36
    warnings = [make_finding("number_as_text", "S", r, c, "x", column="Thực hiện", value="1", reading="1")
                for r, c in cells]
    warnings.append(make_finding("number_as_text", "S", 11, 4, "x", column="Thực hiện", value="1", reading="1"))
    # and every other row from E40 to E98: 30 cells that never run on
    warnings += [make_finding("number_as_text", "S", r, 4, "x", column="Thực hiện", value="1", reading="1")
                 for r in range(39, 99, 2)]
    ((severity, title, text),) = finding_summaries(warnings)
    assert (severity, title) == ("warning", "Số lưu dạng văn bản")
    # a cell warned twice counts once; E12:E36 is one range, then E40, E42, … E76 (19 more), 11 cells left
    assert text.startswith("number_as_text — 55 ô: E12:E36, E40, E42, ")
    assert text.endswith(", E74, E76 và 11 ô khác")


def test_check_past_a_screenful_lists_errors_and_summarises_warnings():
    findings = json.loads(run_cli("check", BIG, "--json").stdout)["findings"]
    errors = [f for f in findings if f["severity"] == "error"]
    warnings = [f for f in findings if f["severity"] == "warning"]
    assert len(findings) > SCREENFUL and errors and len(warnings) > 100
    proc = run_cli("check", BIG, env=WIDE)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    for f in errors:  # errors always in full
        assert f["message"] in out, f
    assert not any(f["message"] in out for f in warnings)
    cells = defaultdict(set)
    for f in warnings:
        if f["code"] == "formula_computed":  # one finding for all the formulas: its cells, listed
            listed = f["message"].split(": ", 1)[1].split(". ")[0].split(", ")
            assert f"Tệp lưu {len(listed)} ô công thức" in f["message"]
            cells[f["code"]].update(listed)
        else:
            cells[f["code"]].add(f["cell"])
    for code, cs in cells.items():
        assert f"{code} — {len(cs)} ô: " in out, code
    assert f"{len(warnings)} cảnh báo, tóm tắt theo loại" in out
    assert "--all" in out and f"{len(errors)} lỗi, {len(warnings)} cảnh báo." in out
    assert len(out.splitlines()) < 60  # fits a screen or two, not 500 rows


def test_check_all_lists_every_warning():
    findings = json.loads(run_cli("check", BIG, "--json").stdout)["findings"]
    out = run_cli("check", BIG, "--all", env=WIDE).stdout
    assert all(f["message"] in out for f in findings)
    assert "tóm tắt theo loại" not in out


def test_a_table_that_fits_lists_its_warnings_one_by_one():
    findings = json.loads(run_cli("check", SMALL, "--json").stdout)["findings"]
    assert 0 < len(findings) <= SCREENFUL
    out = run_cli("check", SMALL, env=WIDE).stdout
    assert all(f["message"] in out for f in findings) and "tóm tắt theo loại" not in out


def test_a_finding_covering_many_cells_counts_its_cells():
    from kh_excel.core.validation import cell_list
    # 410 formulas without a cached value: E8:E217 (210 cells) and G8:G207 (200 cells), as one finding
    uncached = [(r, 4) for r in range(7, 217)] + [(r, 6) for r in range(7, 207)]
    finding = make_finding("formula_computed", "S", 7, 4, count=410, cells=cell_list(uncached))
    other = make_finding("number_as_text", "S", 11, 4, "x", column="Thực hiện", value="1", reading="1")
    (_, _, formulas), (_, _, text) = finding_summaries([finding, other])
    assert formulas == "formula_computed — 410 ô: E8:E217, G8:G207"
    assert text == "number_as_text — 1 ô: E12"


def test_cells_past_the_limit_are_counted_as_cells():
    from kh_excel.core.validation import cell_list
    # E1:E5 (5 cells), then E7, E9, …, E59 one by one (27 cells): 32 cells; 3 parts shown = 7 cells
    cells = [(r, 4) for r in range(5)] + [(r, 4) for r in range(6, 60, 2)]
    assert cell_list(cells, limit=3) == "E1:E5, E7, E9 và 25 ô khác"


def test_every_refusal_line_keeps_its_cell_prefix():
    from kh_excel.core.gate import errors_reason
    from kh_excel.core.model import Table
    table = Table(file="dv.xlsx", sheet="S", columns={"name": 1, "target": 2}, column_headers={}, header_rows=[1],
                  first_data_row=2, last_data_row=2, title_lines=[], sections=[], indicators=[])
    structure = make_finding("structure_sum", "S", 9, 4, "Cơ cấu kinh tế", structure="Cơ cấu kinh tế",
                             column="Thực hiện", cells="E10:E13", total="90", hint="")
    text = make_finding("not_a_number", "S", 13, 4, "x", column="Thực hiện", value="abc")
    lines = errors_reason(table, [structure, text]).splitlines()
    assert lines[1] == ("- Ô E10: Cơ cấu «Cơ cấu kinh tế» (Thực hiện, các ô E10:E13) cộng lại được 90%, "
                        "không bằng 100% (cho phép sai lệch ±0,1).")
    assert lines[2].startswith("- Ô E14 (Thực hiện) ghi «abc»")
