"""Per-row tables past a screenful (attainment, the collect report): the first rows listed, the rest
summarised by kind with their rows as ranges, one line saying how many are not listed and how to see
them; --all lists every row and --json is unchanged."""
from __future__ import annotations

import json

import openpyxl

from helpers import numbered_table, run_cli, run_json
from kh_excel.cli_core import ROWS_SHOWN, SCREENFUL

WIDE = {"COLUMNS": "3000"}


def _result(i: int):
    """By i mod 4: 0 equal to the target (Đạt KH), 1 twice it (Vượt KH), 2 half of it (Không đạt), 3 empty."""
    return [100 + i, 2 * (100 + i), (100 + i) / 2, None][i % 4]


STATUS = ["Đạt KH", "Vượt KH", "Không đạt", "Chưa có số liệu"]


def test_attainment_past_its_limit_summarises_by_status(tmp_path):
    assert ROWS_SHOWN == 300
    table = numbered_table(tmp_path / "t.xlsx", 400, _result)  # sheet rows 2 … 401
    indicators = run_json("attainment", table, "--json")[1]["indicators"]
    assert len(indicators) == 400
    assert [a["status_label"] for a in indicators[:8]] == [STATUS[i % 4] for i in range(1, 9)]
    out = run_cli("attainment", table, env=WIDE).stdout
    assert "Số hộ được hỗ trợ đợt 300 " in out and "đợt 301 " not in out and "đợt 400" not in out
    assert "100 dòng khác, tóm tắt theo đánh giá" in out
    # i = 301 … 400 (rows 302 … 401), 25 of each status, every 4th row: 20 rows named, 5 counted
    for k, label in enumerate(STATUS):
        rows = [i + 1 for i in range(301, 401) if i % 4 == k]
        line = next(line for line in out.splitlines() if f" {label} " in line and "dòng khác" in line)
        assert " 25 " in line and ", ".join(map(str, rows[:20])) + " và 5 dòng khác" in line, line
    assert "Không liệt kê từng dòng: 100 dòng chỉ tiêu" in out and "--all" in out
    assert "Vượt KH: 100; Đạt KH: 100; Không đạt: 100; Chưa có số liệu: 100." in out
    assert "(399) Số hộ được hỗ trợ" not in out  # the sentence naming every row not met is not printed


def test_attainment_all_lists_every_indicator_and_the_sentence(tmp_path):
    table = numbered_table(tmp_path / "t.xlsx", 400, _result)
    out = run_cli("attainment", table, "--all", env=WIDE).stdout
    assert all(f"Số hộ được hỗ trợ đợt {i} " in out for i in range(1, 401))
    assert "tóm tắt theo đánh giá" not in out and "Không liệt kê" not in out
    assert "Số hộ được hỗ trợ đợt 398 (đạt 50,0% KH)" in out  # the report sentence, as before


def _form_back(tmp_path, master, rows: set[int]):
    """The agency's form returned with result 1000 + row typed for the given sheet rows."""
    from kh_excel.collect.forms import COL, FIRST_ROW, FORM_SHEET, parse_key
    assert run_cli("forms", master, "-o", tmp_path / "phieu").returncode == 0
    book = openpyxl.load_workbook(tmp_path / "phieu" / "Sở Tài chính.xlsx")
    ws = book[FORM_SHEET]
    for r in range(FIRST_ROW, ws.max_row + 1):
        key = parse_key(ws.cell(r, COL["key"]).value)
        if key and key[1] in rows:
            ws.cell(r, COL["result"]).value = 1000 + key[1]
    book.save(tmp_path / "tc.xlsx")
    return tmp_path / "tc.xlsx"


def test_collect_report_past_a_screenful_summarises_each_agencys_rows(tmp_path):
    master = numbered_table(tmp_path / "m.xlsx", 100, lambda i: 100 + i)  # rows 2 … 101, results filled
    changed = {r for r in range(2, 102) if r % 25}                        # 96 rows retyped, 4 left empty
    back = _form_back(tmp_path, master, changed)
    report = json.loads(run_cli("collect", master, back, "-o", tmp_path / "j.xlsx", "--json").stdout)
    (agency,) = report["agencies"]
    assert agency["counts"]["changed"] == 96 and [c["row"] for c in agency["changed"]] == sorted(changed)
    proc = run_cli("collect", master, back, "-o", tmp_path / "o.xlsx", env=WIDE)
    assert proc.returncode == 1, proc.stderr   # figures of the master replaced: each needs a look
    out = proc.stdout
    assert sum(f"dòng {r}: " in out for r in changed) == SCREENFUL  # rows 2 … 24, 26 … 42
    assert "dòng 42: 41 Số hộ" in out and "dòng 43: " not in out
    assert "khác số trong bảng gốc thêm 56 dòng: 43–49, 51–74, 76–99, 101" in out
    assert "Không liệt kê từng dòng: 56 dòng" in out and "--all" in out
    full = run_cli("collect", master, back, "-o", tmp_path / "a.xlsx", "--all", env=WIDE).stdout
    assert all(f"dòng {r}: " in full for r in changed) and "Không liệt kê" not in full


def test_render_refusing_a_table_of_many_errors_names_a_screenful(tmp_path):
    from kh_excel.core.gate import REFUSAL_LISTED
    assert REFUSAL_LISTED == 40
    table = numbered_table(tmp_path / "loi.xlsx", 100, lambda i: f"chưa rõ {i}")  # 100 errors, E2 … E101
    proc = run_cli("render", "bao-cao", table, "-o", tmp_path / "bc.docx", env=WIDE)
    assert proc.returncode == 1 and not (tmp_path / "bc.docx").exists()
    err = proc.stderr
    assert "có 100 lỗi nên chưa tạo văn bản" in err
    assert "Ô E41 (Thực hiện) ghi «chưa rõ 40»" in err and "«chưa rõ 41»" not in err
    assert "- … và 60 lỗi khác (xem từng lỗi: kh-excel check «loi.xlsx» --all)." in err
    assert len(err.splitlines()) < 50
