"""A heading whose figures are its parts (rev20 R20-6: «Tỷ lệ cấp GCN QSDĐ | % |» over «- Đất công | % | 100»,
«Kéo giảm tai nạn giao thông» over «- Số vụ | Vụ | | 6») has no verdict of its own: the documents leave its «Đánh giá»
blank (core.attainment.bare_headings); `attainment` (text, --json, -o) said «Không đánh giá». Verdicts by hand."""
from __future__ import annotations

import json
import re

import openpyxl

from helpers import run_cli


# --------------------------------------------------------------------------- 2. a heading over its parts: no verdict

def _heading_book(path):
    """Tân Châu quý I/2023 and Lơ Ku shapes (R20-6), with a row that has a verdict of its own beside them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    ws.append(["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2023"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2023", "Thực hiện năm 2023"])
    ws.append(["1", "Tỷ lệ cấp giấy chứng nhận quyền sử dụng đất", "%", None, None])      # row 3: heading
    ws.append(["-", "Đất công", "%", 100, 100])                                            # 100 of 100: Đạt KH
    ws.append(["-", "Cá nhân", "%", 80, 70])                                               # 70 of 80: Không đạt
    ws.append(["2", "Kéo giảm tai nạn giao thông", None, None, None])                     # row 6: heading
    ws.append(["-", "Số vụ", "Vụ", None, 6])                                              # no plan: not judged
    ws.append(["3", "Tổng đàn gia súc", "Con", 3200, 3300])                                # row 8: 3.300 of 3.200
    ws.append(["-", "Đàn heo", "Con", 1200, 1250])
    wb.save(path)
    return path


def test_attainment_leaves_a_headings_verdict_blank_as_the_documents_do(tmp_path):
    path = _heading_book(tmp_path / "h.xlsx")
    proc = run_cli("attainment", path, "--json")
    rows = {i["row"]: i for i in json.loads(proc.stdout)["indicators"]}
    for r in (3, 6):  # headings: no figure of their own, parts with their own units and figures
        assert (rows[r]["status"], rows[r]["status_label"], rows[r]["heading"]) == (None, "", True)
    # the parts and a row with its own plan keep their verdicts (100/100 = 100%: Đạt; 70/80 = 87,5%: Không đạt;
    # 3.300/3.200 = 103,1%: Vượt; no plan for «Số vụ»: Không đánh giá)
    assert {r: rows[r]["status_label"] for r in (4, 5, 7, 8)} == {
        4: "Đạt KH", 5: "Không đạt", 7: "Không đánh giá", 8: "Vượt KH"}
    assert not any(rows[r]["heading"] for r in (4, 5, 7, 8, 9))
    text = run_cli("attainment", path, env={"COLUMNS": "160"}).stdout
    heading_lines = [line for line in text.splitlines()  # the table's rows «1    Tỷ lệ cấp …», not the summary
                     if re.match(r"\s*[12]\s{2,}(Kéo giảm tai nạn|Tỷ lệ cấp giấy)", line)]
    assert len(heading_lines) == 2 and not any("đánh giá" in line.lower() for line in heading_lines), heading_lines
    assert any("Tổng đàn gia súc" in line and "Vượt KH" in line for line in text.splitlines())
    # the -o copy writes no verdict on a heading either (the add-in writes the same cells: core.formulas)
    out = tmp_path / "h_out.xlsx"
    assert run_cli("attainment", path, "-o", out).returncode == 0
    ws = openpyxl.load_workbook(out)["Biểu"]
    status_col = [c.value for c in ws[2]].index("Đánh giá") + 1
    assert ws.cell(3, status_col).value is None and ws.cell(6, status_col).value is None
    assert ws.cell(8, status_col).value not in (None, "")
    # and the report's appendix, as before: blank on the headings
    made = run_cli("render", "bao-cao", path, "-o", tmp_path / "bc.docx")
    assert made.returncode == 0, made.stderr
