"""rev20 R20-12, R20-13: what the table carries, said as the sources say it. The comparison with the same period a year
before on a row without a plan, a row whose name says its figure is a rise, a name typed in capitals in attainment's
summary, and `collect --period` on the merged file it wrote. Every expected figure is worked out by hand from the rows
built in each test."""
from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from helpers import run_cli, typed_form
from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.docs.context import build_context


def _book(path, head, rows, title):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    ws.append([title])
    ws.append(head)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def plain(text) -> str:
    return str(text).replace("\u00a0", " ")


def _lines(path, period=None) -> list[str]:
    c = build_context(evaluate(read_workbook(path, period=period)), None, "bao-cao")
    return [plain(x) for g in c["kq"]["nhom"] for x in g["muc"]]


def _line(lines, start):
    (line,) = [x for x in lines if x.startswith(start)]
    return line


# ------------------------------------------------------------------ R20-12: «so với cùng kỳ» of a row with no plan

QUARTER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2023", "Thực hiện quý I năm 2022",
           "Thực hiện quý I năm 2023"]
QUARTER_TITLE = "KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU QUÝ I NĂM 2023"


def test_a_quarter_without_plan_is_compared_with_the_same_quarter_a_year_before(tmp_path):
    """Tân Châu quý I/2023 (rev20 W19): no plan for the accident counts, the same quarter of 2022 beside them.
    Số vụ 4 -> 6: 6/4 − 1 = +50%; số người bị thương 2 -> 5: 5/2 − 1 = +150%; số người chết 2 -> 1: 1/2 − 1 = −50%.
    The report says each change «so với cùng kỳ năm trước», as the source does («tăng 2 vụ … so với cùng kỳ»)."""
    path = _book(tmp_path / "q.xlsx", QUARTER, [
        [1, "Số vụ tai nạn giao thông", "Vụ", None, 4, 6],
        [2, "Số người bị thương do tai nạn giao thông", "Người", None, 2, 5],
        [3, "Số người chết do tai nạn giao thông", "Người", None, 2, 1]], QUARTER_TITLE)
    lines = _lines(path)
    assert "tăng 50,00% so với cùng kỳ năm trước" in _line(lines, "- Số vụ tai nạn giao thông:")
    assert "tăng 150,00% so với cùng kỳ năm trước" in _line(lines, "- Số người bị thương")
    assert "giảm 50,00% so với cùng kỳ năm trước" in _line(lines, "- Số người chết")
    assert all("không có số kế hoạch" in x for x in lines)  # and still no plan is invented


def test_a_qualitative_plan_keeps_its_goal_and_gains_the_comparison(tmp_path):
    """A plan in words («Kéo giảm so với cùng kỳ») over a count 4 -> 6 (+50%): the goal as written, then the change."""
    path = _book(tmp_path / "q.xlsx", QUARTER, [
        [1, "Số vụ tai nạn giao thông", "Vụ", "Kéo giảm so với cùng kỳ", 4, 6]], QUARTER_TITLE)
    (line,) = _lines(path)
    assert line == ("- Số vụ tai nạn giao thông: thực hiện 6 vụ (mục tiêu kéo giảm so với cùng kỳ), tăng 50,00% so "
                    "với cùng kỳ năm trước.")


def test_no_comparison_across_periods(tmp_path):
    """Must not fire: a year's figure beside last year's first quarter is no «cùng kỳ» (and no year-on-year change)."""
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2023", "Thực hiện quý I năm 2022", "Thực hiện năm 2023"]
    path = _book(tmp_path / "q.xlsx", head, [[1, "Số vụ tai nạn giao thông", "Vụ", None, 4, 20]],
                 "KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU NĂM 2023")
    (line,) = _lines(path)
    assert "so với" not in line and line == "- Số vụ tai nạn giao thông: thực hiện 20 vụ, không có số kế hoạch."


# ------------------------------------------------------------------ R20-13: a rise named by the row

GROWTH_HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Ước thực hiện 6 tháng năm 2024"]
GROWTH_TITLE = "MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU 6 THÁNG ĐẦU NĂM 2024"


def test_a_row_named_as_a_rise_is_written_as_a_rise(tmp_path):
    """Gia Lai 6 tháng 2024 (rev20 W15): «… (GRDP) tăng so với cùng kỳ | % | 3,02» is a growth of 3,02%, written «ước
    tăng 3,02%» as a cell «Tăng 18,4» is; a negative figure −0,5 of such a row is a fall of 0,5%."""
    path = _book(tmp_path / "g.xlsx", GROWTH_HEAD, [
        [1, "Tổng sản phẩm trên địa bàn (GRDP) tăng so với cùng kỳ", "%", None, 3.02],
        [2, "Chỉ số giá tiêu dùng (CPI) bình quân tăng so với cùng kỳ", "%", None, 3.68],
        [3, "Giá trị sản xuất công nghiệp tăng so với cùng kỳ", "%", None, -0.5],
        [4, "Chỉ số phát triển sản xuất công nghiệp", "%", None, "Tăng 18,4"]], GROWTH_TITLE)
    lines = _lines(path)
    assert _line(lines, "- Tổng sản phẩm").startswith(
        "- Tổng sản phẩm trên địa bàn (GRDP) tăng so với cùng kỳ: ước tăng 3,02%, không có số kế hoạch")
    assert ": ước tăng 3,68%, " in _line(lines, "- Chỉ số giá tiêu dùng")
    assert ": ước giảm 0,5%, " in _line(lines, "- Giá trị sản xuất công nghiệp")
    assert ": ước tăng 18,4%, " in _line(lines, "- Chỉ số phát triển")  # (as before)


def test_a_rise_against_its_plan_is_no_ratio_to_plan(tmp_path):
    """«Doanh thu tăng | % | KH 10 | TH 12»: a rise of 12% against a planned rise of 10%, never «đạt 120,0% kế hoạch»
    (12/10), as no growth rate is; «Tỷ lệ tăng dân số tự nhiên» and «Tốc độ tăng trưởng» stay levels (must not fire)."""
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026"]
    path = _book(tmp_path / "g.xlsx", head, [
        [1, "Doanh thu dịch vụ tăng", "%", 10, 12],
        [2, "Tốc độ tăng trưởng kinh tế", "%", 7, 7.5],
        [3, "Tỷ lệ tăng dân số tự nhiên", "%", 1, 0.9],
        [4, "Chỉ số giá tiêu dùng (CPI) tăng", "%", None, 103.2]], "CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026")
    lines = _lines(path)
    assert _line(lines, "- Doanh thu").rstrip(";.") == "- Doanh thu dịch vụ tăng: tăng 12%, kế hoạch 10%"
    assert _line(lines, "- Tốc độ").rstrip(";.") == "- Tốc độ tăng trưởng kinh tế: thực hiện 7,5%, kế hoạch 7%"
    assert _line(lines, "- Tỷ lệ tăng").rstrip(";.") == "- Tỷ lệ tăng dân số tự nhiên: thực hiện 0,9%, kế hoạch 1%"
    # an index near 100 is no rise of 103,2%
    assert _line(lines, "- Chỉ số giá").startswith("- Chỉ số giá tiêu dùng (CPI) tăng: thực hiện 103,2%")


# ------------------------------------------------------------------ R20-13: attainment's summary names rows as sentences do

def test_summary_writes_a_name_in_capitals_as_the_report_does(tmp_path):
    """Lào Cai thu NSNN (rev20 W16): «TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN» 9.600 against 10.000 = 96,0%, not met;
    the summary names it «Tổng thu ngân sách nhà nước trên địa bàn», as the report does; the acronym of «THU NSNN
    TỪ XNK» (2.300 -> 1.219: 53,0%) stays «NSNN», «XNK»."""
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Dự toán năm 2024", "Thực hiện năm 2024"]
    path = _book(tmp_path / "s.xlsx", head, [
        ["I", "TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN", "Tỷ đồng", 10000, 9600],
        ["II", "THU NSNN TỪ HOẠT ĐỘNG XNK", "Tỷ đồng", 2300, 1219]], "THU NGÂN SÁCH NHÀ NƯỚC NĂM 2024")
    a = evaluate(read_workbook(path))
    s = a.summary.sentence
    assert "(1) Tổng thu ngân sách nhà nước trên địa bàn (đạt 96,0% dự toán)" in s
    assert "(2) Thu NSNN từ hoạt động XNK (đạt 53,0% dự toán)" in s
    assert "TỔNG THU" not in s
    report = " ".join(_lines(path))
    assert "Tổng thu ngân sách nhà nước trên địa bàn:" in report


def test_summary_keeps_a_name_not_in_capitals():
    """Must not fire: a name as typed in sentence case keeps its capitals («Sở», «GRDP»); one word in capitals too."""
    from kh_excel.core.text import sentence_case
    assert sentence_case("Tổng sản phẩm trên địa bàn (GRDP)") == "Tổng sản phẩm trên địa bàn (GRDP)"
    assert sentence_case("GRDP") == "GRDP"
    assert sentence_case("THU NSNN") == "THU NSNN"
    assert sentence_case("TỶ LỆ THAM GIA BHYT") == "Tỷ lệ tham gia BHYT"


# ------------------------------------------------------------------ R20-13: collect --period on the merged file

AGENCY = "Sở Y tế"


def _master(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu"
    ws.append(["CÁC CHỈ TIÊU CHỦ YẾU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2023"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2023", "Cơ quan chủ trì"])
    ws.append([1, "Số bác sĩ/vạn dân", "Bác sĩ", 12, AGENCY])
    ws.append([2, "Số giường bệnh/vạn dân", "Giường", 35, AGENCY])
    wb.save(path)
    return path




def test_collect_takes_the_same_period_on_the_merged_file_it_wrote(tmp_path):
    """A plan-only master (rows 3, 4) collected with --period «năm 2023» gets «Thực hiện năm 2023» (row 3 = 12,5); a
    late form collected into that merged file with the same option is taken (row 4 = 36), never refused as a
    table «không chia cột theo kỳ»; a period the column does not name («6 tháng») is still refused."""
    master = _master(tmp_path / "kh.xlsx")
    proc = run_cli("forms", master, "-o", tmp_path / "phieu", "--json")
    assert proc.returncode == 0, proc.stderr
    (form,) = [Path(f["file"]) for f in json.loads(proc.stdout)["forms"]]
    first = typed_form(form, tmp_path / "syt1.xlsx", {3: 12.5})
    merged = tmp_path / "tong_hop.xlsx"
    proc = run_cli("collect", master, first, "-o", merged, "--period", "năm 2023")
    assert proc.returncode == 0, proc.stderr
    late = typed_form(form, tmp_path / "syt2.xlsx", {3: 12.5, 4: 36})
    merged2 = tmp_path / "tong_hop2.xlsx"
    proc = run_cli("collect", merged, late, "-o", merged2, "--period", "năm 2023")
    assert proc.returncode == 0, proc.stderr
    ws = openpyxl.load_workbook(merged2)["Biểu"]
    col = [c.column for c in ws[2] if c.value == "Thực hiện năm 2023"]
    assert len(col) == 1
    assert [ws.cell(r, col[0]).value for r in (3, 4)] == [12.5, 36]
    proc = run_cli("collect", merged, late, "-o", tmp_path / "tong_hop3.xlsx", "--period", "6 tháng")
    assert proc.returncode != 0 and "không có kỳ nào khớp với «6 tháng»" in proc.stderr
