"""`kh-excel check` beyond a screenful: every error listed, warnings summarised by code with their
cells; `--all` lists every warning, `--json` always has all of them."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import numbered_table, run_cli, run_json, unhidden_copy

from kh_excel.cli_core import SCREENFUL, finding_summaries
from kh_excel.core.validation import make_finding

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """da_huoai with its hidden rows 43–223 shown (not read while hidden): 5 errors, hundreds of warnings."""
    return unhidden_copy(DATA / "real" / "da_huoai_2020_tonghop.xlsx",
                         tmp_path_factory.mktemp("big") / "da_huoai_2020_tonghop.xlsx")
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


def test_check_past_a_screenful_lists_errors_and_summarises_warnings(big):
    findings = run_json("check", big, "--json")[1]["findings"]
    errors = [f for f in findings if f["severity"] == "error"]
    warnings = [f for f in findings if f["severity"] == "warning"]
    assert len(findings) > SCREENFUL and errors and len(warnings) > 100
    proc = run_cli("check", big, env=WIDE)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout
    for f in errors:  # errors always in full
        assert f["message"] in out, f
    assert not any(f["message"] in out for f in warnings)
    cells = defaultdict(set)
    whole = defaultdict(int)  # findings about the sheet as a whole (the plan columns left out): counted, no cell
    for f in warnings:
        if not f["cell"]:
            whole[f["code"]] += 1
        elif f["code"] == "formula_computed":  # one finding for all the formulas: its cells, listed
            listed = f["message"].split(": ", 1)[1].split(". ")[0].split(", ")
            assert f"Tệp lưu {len(listed)} ô công thức" in f["message"]
            cells[f["code"]].update(listed)
        else:
            cells[f["code"]].add(f["cell"])
    for code, cs in cells.items():
        assert f"{code} — {len(cs)} ô: " in out, code
    for code, n in whole.items():
        assert f"{code} — {n} cảnh báo về cả trang" in out, code
    assert f"{len(warnings)} cảnh báo, tóm tắt theo loại" in out
    assert "--all" in out and f"{len(errors)} lỗi, {len(warnings)} cảnh báo." in out
    assert len(out.splitlines()) < 60  # fits a screen or two, not 500 rows


def test_check_all_lists_every_warning(big):
    findings = run_json("check", big, "--json")[1]["findings"]
    out = run_cli("check", big, "--all", env=WIDE).stdout
    assert all(f["message"] in out for f in findings)
    assert "tóm tắt theo loại" not in out


def test_a_table_that_fits_lists_its_warnings_one_by_one():
    findings = run_json("check", SMALL, "--json")[1]["findings"]
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


# -- a table with thousands of errors: bounded output, every error still reachable -------------------------

def broken_table(path: Path, rows: int, valid_every: int) -> Path:
    """Each result is words («chưa rõ i», an error) except every `valid_every`-th, equal to its target
    (no finding), so that the errors run in blocks."""
    return numbered_table(path, rows, lambda i: 100 + i if i % valid_every == 0 else f"chưa rõ {i}")


@pytest.fixture(scope="module")
def twenty_thousand(tmp_path_factory) -> Path:
    # 20 000 rows, every 500th valid: 19 960 errors at E2:E500, E502:E1000, …, E19502:E20000
    return broken_table(tmp_path_factory.mktemp("big") / "loi.xlsx", 20_000, 500)


def test_json_lists_every_error_as_before(twenty_thousand):
    data = run_json("check", twenty_thousand, "--json")[1]
    assert data["counts"] == {"error": 19_960, "warning": 0}
    assert {f["cell"] for f in data["findings"]} == {f"E{i + 1}" for i in range(1, 20_001) if i % 500}
    assert {f["code"] for f in data["findings"]} == {"not_a_number"}
    assert set(data["findings"][0]) == {"code", "severity", "sheet", "cell", "row", "indicator", "message"}


def test_twenty_thousand_errors_print_a_bounded_number_of_lines(twenty_thousand):
    proc = run_cli("check", twenty_thousand, env={"COLUMNS": "80"})
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    # 40 errors of up to 5 folded lines each, a summary table, a few lines around: not 100 000 lines
    assert len(lines) < 260, len(lines)
    out = " ".join(line.strip("│ ") for line in lines)
    assert "19920 lỗi, tóm tắt theo loại" in out  # 19 960 errors, 40 of them listed one by one
    assert "Không liệt kê từng dòng: 19920 lỗi" in out and "--all" in out and "--json" in out
    assert out.rstrip().endswith("19960 lỗi, 0 cảnh báo.")


def test_errors_past_a_screenful_are_summarised_with_their_cells_as_ranges(twenty_thousand):
    out = run_cli("check", twenty_thousand, env=WIDE).stdout
    assert "Ô E41 (Thực hiện) ghi «chưa rõ 40»" in out  # the first 40 errors (E2 … E41) one by one
    assert "Ô E42 (" not in out and "«chưa rõ 41»" not in out
    # the rest, E42:E500 then runs of 499 cells broken by every 500th row; 20 ranges shown, the rest counted:
    # rows 10 002 … 20 000 less the 19 valid ones (10 501 … 19 501) = 9 980 cells
    ranges = ["E42:E500"] + [f"E{k * 500 + 2}:E{(k + 1) * 500}" for k in range(1, 20)]
    assert f"not_a_number — 19920 ô: {', '.join(ranges)} và 9980 ô khác" in out


def test_all_lists_every_error(tmp_path):
    table = broken_table(tmp_path / "loi.xlsx", 100, 50)  # 98 errors
    messages = [f["message"] for f in run_json("check", table, "--json")[1]["findings"]]
    assert len(messages) == 98
    out = run_cli("check", table, "--all", env=WIDE).stdout
    assert all(m in out for m in messages)
    assert "tóm tắt theo loại" not in out and "Không liệt kê" not in out
    short = run_cli("check", table, env=WIDE).stdout
    assert sum(m in short for m in messages) == SCREENFUL
    assert "58 lỗi, tóm tắt theo loại" in short and "not_a_number — 58 ô: E42:E50, E52:E100" in short


@settings(max_examples=200, deadline=None)
@given(st.sets(st.integers(1, 300)), st.integers(1, 5))
def test_row_ranges_name_every_row_once(rows, limit):
    from kh_excel.core.validation import row_list
    text = row_list(rows, limit)
    shown, _, rest = text.partition(" và ")
    named = set()
    for part in filter(None, shown.split(", ")):
        a, _, b = part.partition("–")
        assert not named & set(range(int(a), int(b or a) + 1))
        named |= set(range(int(a), int(b or a) + 1))
    assert named <= rows
    assert len(rows) - len(named) == (int(rest.split()[0]) if rest else 0)
    assert not any(r + 1 in rows and r in named and r + 1 not in named and not rest for r in named)


def test_the_group_read_is_named_where_the_groups_are_the_plans_alone(capsys):
    """rev18 R18-16: «Kế hoạch năm 2024» over «Tỉnh giao | HĐND huyện giao», the result beside it: check read «Tỉnh
    giao» (the first) and printed «Nhóm cột:  (trong 2 nhóm: …)», the group's name missing."""
    from kh_excel.api import read_workbook
    from kh_excel.cli_core import print_groups
    from kh_excel.core.model import Grid
    rows = [["BIỂU TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2024"],
            ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", None, "Thực hiện 6 tháng đầu năm 2024"],
            [None, None, None, "Tỉnh giao", "HĐND huyện giao", None],
            ["1", "Thu ngân sách trên địa bàn", "Tỷ đồng", 100, 110, 43]]
    grid = Grid(sheet="B", rows=rows, merged=[(1, 3, 1, 4), (1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2), (1, 5, 2, 5)])
    table = read_workbook(grid, file="x.xlsx")
    assert table.groups == ["Tỉnh giao", "HĐND huyện giao"] and table.indicators[0].target.value == 100
    print_groups(table)
    out = " ".join(capsys.readouterr().out.split())
    assert "Nhóm cột: Tỉnh giao (trong 2 nhóm: Tỉnh giao, HĐND huyện giao;" in out
