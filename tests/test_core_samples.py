"""The acceptance checks of the core on the sample workbooks in tests/data/samples (issue #2, 'What it must show')."""
from __future__ import annotations

import hashlib
import unicodedata

import pytest

from helpers import run_cli, run_json, sample

CO_LOI = sample("chi_tieu_2026_co_loi.xlsx")
LAO_CAI = sample("chi_tieu_2026_lao_cai.xlsx")
KE_HOACH = sample("chi_tieu_2026_ke_hoach.xlsx")


@pytest.fixture(scope="module")
def co_loi_check():
    return run_json("check", CO_LOI, "--json")


@pytest.fixture(scope="module")
def lao_cai_attainment():
    return run_json("attainment", LAO_CAI, "--json")


# Each mistake listed in samples/README.md: (cell, finding code, severity).
MISTAKES = [
    ("E12", "structure_sum", "error"),        # Dịch vụ 41,70: GRDP structure no longer sums to 100
    ("E21", "not_a_number", "error"),         # 11.650 nghìn
    ("E20", "share_out_of_range", "error"),   # Tỷ lệ đô thị hóa 324
    ("E18", "excel_error", "error"),          # #DIV/0!
    ("D47", "result_without_plan", "warning"),  # Tỷ lệ che phủ rừng: result 61,3 without target (rev18 R18-6)
    ("F29", "missing_lead", "error"),         # Phát triển nhà ở xã hội without lead agency
    ("A41", "duplicate_stt", "error"),        # STT 18 twice
    ("E33", "ambiguous_decimal", "warning"),  # 70.2
]


@pytest.mark.parametrize("cell,code,severity", MISTAKES)
def test_every_listed_mistake_is_reported_at_its_cell(co_loi_check, cell, code, severity):
    _, out = co_loi_check
    hits = [f for f in out["findings"] if f["cell"] == cell and f["code"] == code]
    assert hits, f"{code} not reported at {cell}: {[(f['cell'], f['code']) for f in out['findings']]}"
    f = hits[0]
    assert f["severity"] == severity
    assert f["sheet"] == "Phụ lục chỉ tiêu"
    assert f["row"] == int(cell[1:])
    assert unicodedata.is_normalized("NFC", f["message"]) and cell in f["message"] or f["indicator"] in f["message"]


def test_check_on_mistakes_exits_1_with_counts(co_loi_check):
    code, out = co_loi_check
    assert code == 1
    assert out["counts"]["error"] == sum(1 for f in out["findings"] if f["severity"] == "error") >= 6
    assert set(out) >= {"file", "sheet", "columns", "findings", "counts"}
    assert out["columns"]["target"]["column"] == "D" and out["columns"]["result"]["column"] == "E"


def test_check_on_clean_sample_exits_0_with_warnings_only():
    code, out = run_json("check", LAO_CAI, "--json")
    assert code == 0
    assert out["counts"]["error"] == 0
    # numbers stored as text are warned about (README of the samples)
    assert {f["cell"] for f in out["findings"] if f["code"] == "number_as_text"} >= {"E14", "E19", "E37"}


def test_check_human_output_is_vietnamese_table():
    proc = run_cli("check", CO_LOI)
    assert proc.returncode == 1
    assert "lỗi" in proc.stdout and "cảnh báo" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr


def _by_name(out, prefix):
    rows = [i for i in out["indicators"] if i["name"].startswith(prefix)]
    assert rows, prefix
    return rows[0]


def test_attainment_statuses_follow_the_rules(lao_cai_attainment):
    code, out = lao_cai_attainment
    assert code == 0
    labour = _by_name(out, "Tỷ lệ lao động nông nghiệp")
    assert labour["direction"] == "down" and labour["status"] in ("dat", "vuot")
    assert labour["result"] == pytest.approx(47.9) and labour["target"]["value"] == pytest.approx(48.5)
    growth = _by_name(out, "Tốc độ tăng trưởng kinh tế")
    assert growth["target"] == {"text": ">10", "op": ">", "value": 10.0, "high": None}
    assert growth["status"] == "khong_dat" and growth["ratio"] == pytest.approx(82.0)
    q27 = [i for i in out["indicators"] if i["stt"] == "27"][0]
    assert q27["status"] == "khong_danh_gia" and q27["target"]["op"] == "text"
    poverty = _by_name(out, "Giảm tỷ lệ hộ nghèo")
    assert poverty["direction"] == "up" and poverty["status"] == "vuot"  # a larger reduction is better
    invest = _by_name(out, "Tổng vốn đầu tư")
    assert invest["target"]["op"] == ">" and invest["result"] == 91500 and invest["status"] == "dat"
    gdp = _by_name(out, "Tổng sản phẩm trên địa bàn")
    assert gdp["status"] == "khong_dat" and gdp["ratio"] == pytest.approx(151200 / 155000 * 100, abs=1e-3)
    urban = _by_name(out, "Tỷ lệ đô thị hóa")
    assert urban["status"] == "dat"  # 32,4 against 32,4


def test_every_indicator_and_subrow_in_sheet_order(lao_cai_attainment):
    _, out = lao_cai_attainment
    rows = [i["row"] for i in out["indicators"]]
    assert rows == sorted(rows)
    assert len([i for i in out["indicators"] if i["kind"] == "indicator"]) == 27
    assert len(rows) == 45  # 27 numbered indicators + 18 sub-rows; section rows are not indicators
    # indicator 11's STT and agency cells are merged down over its three rows
    merged = [i for i in out["indicators"] if 25 <= i["row"] <= 27]
    assert [m["kind"] for m in merged] == ["indicator", "subrow", "subrow"]
    assert all(m["lead"] == ["UBND các xã/phường"] for m in merged)
    for i in out["indicators"]:
        assert set(i) >= {"row", "stt", "name", "unit", "section", "target", "result", "ratio", "direction", "status", "lead"}
        assert unicodedata.is_normalized("NFC", i["name"])


def test_summary_counts_and_sentence(lao_cai_attainment):
    _, out = lao_cai_attainment
    s = out["summary"]
    # rows 10–13 are the four shares of «Cơ cấu GRDP» (row 9): the structure is ONE indicator, the shares are
    # listed with their own status but not counted (the documents' rule)
    statuses = [i["status"] for i in out["indicators"] if i["row"] not in (10, 11, 12, 13)]
    assert len(statuses) == len(out["indicators"]) - 4
    for key in ("vuot", "dat", "khong_dat", "chua_co_so_lieu", "khong_danh_gia"):
        assert s[key] == statuses.count(key)
    assert s["evaluated"] == s["vuot"] + s["dat"] + s["khong_dat"]
    met = s["vuot"] + s["dat"]
    assert s["sentence"].startswith(f"Ước thực hiện cả năm 2026, có {met}/{s['evaluated']} chỉ tiêu đạt và vượt kế hoạch; {s['khong_dat']} chỉ tiêu không đạt")
    assert "(1) Tổng sản phẩm trên địa bàn theo giá hiện hành (đạt 97,5% KH)" in s["sentence"]
    assert "Tốc độ tăng trưởng kinh tế (GRDP) (8,2%)" in s["sentence"]
    assert sum(v["khong_dat"] for v in s["by_section"].values()) == s["khong_dat"]
    assert "Sở Xây dựng" in s["by_agency"] and s["by_agency"]["Sở Xây dựng"]["khong_dat"] >= 1
    assert sum(sum(v.values()) for v in s["by_leader"].values()) == len(statuses)


def test_plan_only_workbook_has_no_results():
    code, out = run_json("attainment", KE_HOACH, "--json")
    assert code == 0
    assert all(i["status"] in ("chua_co_so_lieu", "khong_danh_gia") for i in out["indicators"])
    code, chk = run_json("check", KE_HOACH, "--json")
    assert "result" not in chk["columns"] and code == 0


def test_commands_never_modify_their_input(tmp_path):
    before = hashlib.sha256(CO_LOI.read_bytes()).hexdigest()
    run_cli("check", CO_LOI, "--json")
    run_cli("attainment", CO_LOI, "--json", "-o", tmp_path / "out.xlsx")
    assert hashlib.sha256(CO_LOI.read_bytes()).hexdigest() == before
