"""`render` makes the document from a table whose figures it had to read one way of two («Ước 10.8»), or that lie
far off their plan, and says so with the cells: check's warnings were seen only by whoever ran `check`, and the
document went to signature stating the program's reading in silence."""
from __future__ import annotations

import openpyxl

from helpers import run_cli


def _table(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    for i, (name, unit, plan, result) in enumerate(rows, 1):
        ws.append([str(i), name, unit, plan, result, "Sở Tài chính"])
    wb.save(path)
    return path


def test_render_names_the_cells_whose_figures_it_stated_as_read(tmp_path):
    table = _table(tmp_path / "t.xlsx", [("Tỷ trọng kinh tế số trong GRDP", "%", 10.5, "Ước 10.8"),
                                         ("Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 11280, "11.280"),
                                         ("Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 500, 5200)])
    proc = run_cli("render", "bao-cao", table, "-o", tmp_path / "bc.docx")
    assert proc.returncode == 0, proc.stderr
    err = proc.stderr
    # E3 «Ước 10.8»: an estimate's words and a figure read both ways; E5 5.200 against 500: ten times the plan
    assert "ở 2 ô có cảnh báo; hãy kiểm tra các ô này trước khi trình ký (xem: kh-excel check «t.xlsx»)" in err
    assert "Dấu thập phân không rõ: ambiguous_decimal — 1 ô: E3" in err
    assert "Số thực hiện chênh lệch bất thường: result_far_off — 1 ô: E5" in err
    assert "E4" not in err                                      # «11.280»: thousands, as Vietnamese writes them
    assert (tmp_path / "bc.docx").exists()


def test_a_table_read_as_written_renders_without_a_warning(tmp_path):
    table = _table(tmp_path / "t.xlsx", [("Tỷ lệ đô thị hóa", "%", 30, 31.5),
                                         ("Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 11280, 11650)])
    proc = run_cli("render", "bao-cao", table, "-o", tmp_path / "bc.docx")
    assert proc.returncode == 0, proc.stderr
    assert "Cảnh báo" not in proc.stderr and "Đã tạo" in proc.stderr


def test_only_the_cells_the_document_states_are_named(tmp_path):
    """A plan states targets, not results; an agency's letter states its own rows (review rev6, item 6: the
    letter to Sở Xây dựng named the result cells of every agency)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["KẾ HOẠCH VÀ KẾT QUẢ CÁC CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Tỷ trọng kinh tế số trong GRDP", "%", 10.5, "Ước 10.8", "Sở Tài chính"])       # E3: result
    ws.append(["2", "Tỷ lệ đô thị hóa", "%", "Khoảng 1.5", 1.6, "Sở Xây dựng"])                       # D4: plan
    ws.append(["3", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 500, 5200, "Sở Xây dựng"])              # E5: result
    wb.save(tmp_path / "t.xlsx")
    letter = run_cli("render", "giao-chi-tieu", tmp_path / "t.xlsx", "-o", tmp_path / "g.docx", "--agency", "Sở Xây dựng")
    assert letter.returncode == 0, letter.stderr
    assert "D4" in letter.stderr and "E3" not in letter.stderr       # its own plan; another agency's result: no
    plan = run_cli("render", "ke-hoach", tmp_path / "t.xlsx", "-o", tmp_path / "k.docx")
    assert "ambiguous_decimal — 1 ô: D4" in plan.stderr and "E3" not in plan.stderr and "E5" not in plan.stderr
    report = run_cli("render", "bao-cao", tmp_path / "t.xlsx", "-o", tmp_path / "b.docx")
    assert "ambiguous_decimal — 2 ô: E3, D4" in report.stderr or "ambiguous_decimal — 2 ô: D4, E3" in report.stderr, report.stderr
    assert "result_far_off — 1 ô: E5" in report.stderr


def test_an_agency_named_another_way_still_gets_its_warnings(tmp_path):
    """--agency «Sở TC» is the table's «Sở Tài chính» (the registry's spelling, as the letter's rows are chosen):
    its letter states D3 «Khoảng 1.5» and names it; matching the written name exactly had named nothing."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["KẾ HOẠCH CÁC CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Tỷ lệ đô thị hóa", "%", "Khoảng 1.5", 1.6, "Sở Tài chính"])
    ws.append(["2", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", "Khoảng 2.5", 5200, "Sở Xây dựng"])
    wb.save(tmp_path / "t.xlsx")
    letter = run_cli("render", "giao-chi-tieu", tmp_path / "t.xlsx", "-o", tmp_path / "g.docx", "--agency", "Sở TC")
    assert letter.returncode == 0, letter.stderr
    assert "ambiguous_decimal — 1 ô: D3" in letter.stderr and "D4" not in letter.stderr
