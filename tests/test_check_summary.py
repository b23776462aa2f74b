"""`kh-excel check` beyond a screenful: every error listed, warnings summarised by code with their
cells; `--all` lists every warning, `--json` always has all of them."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from helpers import run_cli

from kh_excel.cli_core import SCREENFUL, warning_summaries
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
    ((title, text),) = warning_summaries(warnings)
    assert title == "Số lưu dạng văn bản"
    assert text.startswith("number_as_text — 25 ô: E12, E13, E14, ")  # a cell warned twice counts once
    assert text.endswith("E31, … và 5 ô khác")


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
