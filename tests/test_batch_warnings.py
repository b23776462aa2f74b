"""A batch tells which workbooks' documents state figures as the program read them (core.gate.figure_warnings),
as `render` does: in its summary, in index.json and in index.csv's «Cảnh báo» column, for a document made now and
for one an earlier run made (skipped as up to date). A workbook read as written has no warning."""
from __future__ import annotations

import csv
import json
import shutil

import openpyxl

from helpers import run_cli, sample


def _warned(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Tỷ trọng kinh tế số trong GRDP", "%", 10.5, "Ước 10.8", "Sở Tài chính"])   # read both ways
    ws.append(["2", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 500, 5200, "Sở Tài chính"])      # ten times the plan
    wb.save(path)


def test_a_batch_names_the_workbook_and_cells_whose_figures_its_documents_state_as_read(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    _warned(src / "canh_bao.xlsx")
    shutil.copy(sample("chi_tieu_2026_lao_cai.xlsx"), src / "mau.xlsx")
    out = tmp_path / "out"
    for run in (1, 2):  # the second run skips both documents as up to date: the warning stays
        proc = run_cli("batch", src, "-o", out, "--kind", "bao-cao", "--json", "-q", timeout=300)
        assert proc.returncode == 0, proc.stderr
        items = {i["source"].rsplit("/", 1)[-1]: i for i in json.loads(proc.stdout)["items"]}
        assert items["mau.xlsx"]["warning"] == ""
        warning = items["canh_bao.xlsx"]["warning"]
        assert items["canh_bao.xlsx"]["status"] == ("done" if run == 1 else "skipped")
        assert "ở 2 ô có cảnh báo" in warning and "ambiguous_decimal — 1 ô: D3" not in warning
        assert "Dấu thập phân không rõ: ambiguous_decimal — 1 ô: E3" in warning
        assert "Số thực hiện chênh lệch bất thường: result_far_off — 1 ô: E4" in warning
        assert "Cảnh báo (1 bảng tính; cũng ở cột «Cảnh báo» của index.csv):" in proc.stderr
        assert "canh_bao.xlsx: văn bản nêu số liệu" in proc.stderr and "mau.xlsx:" not in proc.stderr
    with open(out / "index.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    column = rows[0].index("Cảnh báo")
    by_source = {r[1].rsplit("/", 1)[-1]: r[column] for r in rows[1:]}
    assert by_source["mau.xlsx"] == "" and "E3" in by_source["canh_bao.xlsx"]


def test_each_agency_letter_names_only_the_cells_it_states(tmp_path):
    """A letter assigning targets states its agency's plans: Sở Tài chính's names its plan «Khoảng 1.5» (D3, read
    both ways); Sở Xây dựng's has no warning (its row's far-off figure E4 is a result, which a letter never states)."""
    src = tmp_path / "in"
    src.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["KẾ HOẠCH CÁC CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Tỷ lệ đô thị hóa", "%", "Khoảng 1.5", 1.6, "Sở Tài chính"])
    ws.append(["2", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 500, 5200, "Sở Xây dựng"])
    wb.save(src / "giao.xlsx")
    proc = run_cli("batch", src, "-o", tmp_path / "out", "--kind", "giao-chi-tieu", "--per", "agency", "--json", "-q",
                   timeout=300)
    assert proc.returncode == 0, proc.stderr
    items = {i["agency"]: i["warning"] for i in json.loads(proc.stdout)["items"]}
    assert "ambiguous_decimal — 1 ô: D3" in items["Sở Tài chính"] and "E4" not in items["Sở Tài chính"]
    assert items["Sở Xây dựng"] == ""


def test_what_a_document_itself_warns_of_reaches_the_batch_index(tmp_path):
    """A district's table for 2026: districts ended on 1 July 2025, so `render` warns and leaves Nơi nhận a gap;
    batch used to make the same document in silence. Both modes carry it: one report per workbook and one
    letter per agency (beside that letter's own figure warnings, none here)."""
    src = tmp_path / "in"
    src.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["KẾ HOẠCH CÁC CHỈ TIÊU NĂM 2026 HUYỆN BẮC HÀ"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 500, 510, "Phòng Tài chính - Kế hoạch"])
    wb.save(src / "huyen.xlsx")
    for kind, per in (("bao-cao", []), ("giao-chi-tieu", ["--per", "agency"])):
        proc = run_cli("batch", src, "-o", tmp_path / kind, "--kind", kind, *per, "--json", "-q", timeout=300)
        assert proc.returncode == 0, proc.stderr
        (item,) = json.loads(proc.stdout)["items"]
        assert item["warning"].startswith("cấp «huyện» không còn từ ngày 01/7/2025"), (kind, item["warning"])
