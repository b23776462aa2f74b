"""rev20 R20-13 (part): a budget's plan column is its «dự toán» («Dự toán năm 2024», «Dự toán HĐND giao»), and every
comparison a document makes says «dự toán», never «kế hoạch» (a report's «đạt 105% kế hoạch» of a council's «dự
toán» is a wrong statement in a signed document). One table, one word: its plan column's (core.periods.plan_word).
A table whose plan column is «Kế hoạch» (or names both) keeps «kế hoạch». Expected sentences worked out by hand from
the rows built in each test."""
from __future__ import annotations

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.docs.context import build_context
from tests.helpers import run_cli

TITLE = ["TÌNH HÌNH THU NGÂN SÁCH NHÀ NƯỚC NĂM 2024"]
# Thu nội địa: 1.050 / 1.000 = 105,0% (vượt); Thu tiền sử dụng đất: 150 / 200 = 75,0% (không đạt)
ROWS = [[1, "Thu nội địa", "Tỷ đồng", 1000, 1050],
        [2, "Thu tiền sử dụng đất", "Tỷ đồng", 200, 150]]


def _book(path, plan_head: str, result_head: str = "Ước thực hiện năm 2024", rows=ROWS):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Thu NSNN"
    ws.append(TITLE)
    ws.append(["STT", "Nội dung", "Đơn vị tính", plan_head, result_head])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _ctx(path, kind="bao-cao"):
    return build_context(evaluate(read_workbook(path)), None, kind)


def plain(text) -> str:
    return str(text).replace("\u00a0", " ")


def _texts(value) -> list[str]:
    """Every string of a context, however deep (what a template may print)."""
    if isinstance(value, str):
        return [plain(value)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _texts(v)]
    return []


@pytest.mark.parametrize("label, word", [
    ("Dự toán năm 2024", "dự toán"),
    ("Dự toán HĐND giao", "dự toán"),
    ("Dự toán Trung ương giao năm 2024", "dự toán"),
    ("DT giao năm 2024", "dự toán"),
    ("Kế hoạch năm 2024", "kế hoạch"),
    ("KH 2024", "kế hoạch"),
    ("Kế hoạch (dự toán) năm 2024", "kế hoạch"),   # names both: the word every plan has, no guess
    ("Dự toán/KH năm 2025", "kế hoạch"),           # (a commune's «TH/KH (%)» beside it: both named)
    ("Nghị quyết HĐND tỉnh năm 2024", "kế hoạch"),
    ("Chỉ tiêu giao năm 2024", "kế hoạch"),
    ("", "kế hoạch"),
])
def test_plan_word_of_a_plan_column(label, word):
    from kh_excel.core.periods import plan_word
    assert plan_word(label) == word


def test_budget_report_says_du_toan_in_every_comparison(tmp_path):
    """«Dự toán năm 2024 | Ước thực hiện năm 2024»: an estimate of the whole year, so the lead is «Ước thực hiện cả
    năm 2024» and each figure «ước thực hiện». Thu nội địa 1.050/1.000 = 105,0% → vượt; Thu tiền sử dụng đất
    150/200 = 75,0% → không đạt; 1 of 2 met."""
    ctx = _ctx(_book(tmp_path / "t.xlsx", "Dự toán năm 2024"))
    kq = ctx["kq"]
    assert plain(kq["cau_tong_hop"]) == (
        "Ước thực hiện cả năm 2024, có 1/2 chỉ tiêu đạt và vượt dự toán; 1 chỉ tiêu không đạt dự toán, gồm: "
        "(1) Thu tiền sử dụng đất (ước thực hiện 150 tỷ đồng, dự toán 200 tỷ đồng).")
    groups = {g["trang_thai"]: g for g in kq["nhom"]}
    assert groups["vuot"]["tieu_de"] == "a) Các chỉ tiêu vượt dự toán (1 chỉ tiêu)"
    assert groups["khong_dat"]["tieu_de"] == "b) Các chỉ tiêu không đạt dự toán (1 chỉ tiêu)"
    assert [plain(x) for x in groups["vuot"]["muc"]] == [
        "- Thu nội địa: ước thực hiện 1.050 tỷ đồng, dự toán 1.000 tỷ đồng, đạt 105,0% dự toán."]
    assert [plain(x) for x in groups["khong_dat"]["muc"]] == [
        "- Thu tiền sử dụng đất: ước thực hiện 150 tỷ đồng, dự toán 200 tỷ đồng, đạt 75,0% dự toán."]
    assert "Còn 1 chỉ tiêu không đạt dự toán (chi tiết tại điểm 2 mục I và Phụ lục kèm theo)." in ctx["nd"]["ton_tai"]
    assert any("các chỉ tiêu không đạt dự toán;" in plain(x) for x in ctx["nd"]["giai_phap"])
    # the appendix: its ratio column and its verdicts
    assert ctx["pl"]["cot_ty_le"] == "% so với dự toán"
    assert [r["danh_gia"] for r in ctx["pl"]["hang"]] == ["Vượt dự toán", "Không đạt"]
    assert not any("kế hoạch" in t.lower() or "% KH" in t or "Vượt KH" in t
                   for t in _texts([kq, ctx["pl"], ctx["nd"]["ton_tai"], ctx["nd"]["giai_phap"]]))


def test_budget_notice_says_du_toan(tmp_path):
    """The notice of the same table: its result sentences and the task of the agencies."""
    ctx = _ctx(_book(tmp_path / "t.xlsx", "Dự toán năm 2024"), "thong-bao")
    tb = ctx["tb"]
    assert [plain(x) for x in tb["ket_qua"]] == [
        "Ước thực hiện cả năm 2024, có 1/2 chỉ tiêu đạt và vượt dự toán.",
        "Ước thực hiện cả năm 2024, có 1/2 chỉ tiêu không đạt dự toán, gồm: (1) Thu tiền sử dụng đất (ước thực hiện "
        "150 tỷ đồng, dự toán 200 tỷ đồng)."]
    assert plain(tb["chi_dao"][0]["noi_dung"]) == (
        "Các cơ quan, đơn vị được giao chủ trì có giải pháp cụ thể để hoàn thành các chỉ tiêu chưa đạt dự toán: "
        "Thu tiền sử dụng đất (ước thực hiện 150 tỷ đồng, dự toán 200 tỷ đồng).")
    assert not any("kế hoạch" in t.lower() for t in _texts([tb["ket_qua"], tb["chi_dao"]]))


def test_plan_table_keeps_ke_hoach(tmp_path):
    """The same rows under «Kế hoạch năm 2024»: every comparison says «kế hoạch», as it always did."""
    ctx = _ctx(_book(tmp_path / "t.xlsx", "Kế hoạch năm 2024"))
    kq = ctx["kq"]
    assert plain(kq["cau_tong_hop"]) == (
        "Ước thực hiện cả năm 2024, có 1/2 chỉ tiêu đạt và vượt kế hoạch; 1 chỉ tiêu không đạt kế hoạch, gồm: "
        "(1) Thu tiền sử dụng đất (ước thực hiện 150 tỷ đồng, kế hoạch 200 tỷ đồng).")
    groups = {g["trang_thai"]: g for g in kq["nhom"]}
    assert [plain(x) for x in groups["vuot"]["muc"]] == [
        "- Thu nội địa: ước thực hiện 1.050 tỷ đồng, kế hoạch 1.000 tỷ đồng, đạt 105,0% kế hoạch."]
    assert [r["danh_gia"] for r in ctx["pl"]["hang"]] == ["Vượt KH", "Không đạt"]
    assert not any("dự toán" in t for t in _texts(kq))


def test_plan_table_appendix_ratio_column():
    """The appendix's ratio column of a plan's table: «% so với KH», as the template wrote it before."""
    from kh_excel.core.periods import in_sentence
    assert f"% so với {in_sentence('kế hoạch')}" == "% so với KH"


def test_budget_part_of_year_is_progress_against_du_toan(tmp_path):
    """«Dự toán năm 2024 | Thực hiện 6 tháng đầu năm 2024»: half a year against the year's budget is progress
    (1.050/1.000 = 105,0%; 150/200 = 75,0%), said against the «dự toán cả năm»."""
    ctx = _ctx(_book(tmp_path / "t.xlsx", "Dự toán năm 2024", "Thực hiện 6 tháng đầu năm 2024"))
    kq = ctx["kq"]
    assert plain(kq["cau_tong_hop"]) == (
        "6 tháng đầu năm 2024, có 2 chỉ tiêu có số liệu; so với dự toán cả năm 2024, đây là tiến độ thực hiện, "
        "chưa đánh giá đạt hay không đạt dự toán.")
    assert kq["nhom"][0]["tieu_de"] == "a) Tiến độ thực hiện so với dự toán cả năm (2 chỉ tiêu)"
    assert [plain(x) for x in kq["nhom"][0]["muc"]] == [
        "- Thu nội địa: thực hiện 1.050 tỷ đồng, dự toán 1.000 tỷ đồng, bằng 105,0% dự toán năm;",
        "- Thu tiền sử dụng đất: thực hiện 150 tỷ đồng, dự toán 200 tỷ đồng, bằng 75,0% dự toán năm."]


def test_budget_row_without_a_figure_of_its_plan(tmp_path):
    """A 5 months' table under «Dự toán năm 2025» (Nghệ An's shape): the budget rows are progress (10.846/17.722 =
    61,2%), a row the «Dự toán» column leaves empty has «không có số dự toán», never a «kế hoạch» the table has no
    column for."""
    rows = [[1, "Thu ngân sách nhà nước", "Tỷ đồng", 17722, 10846],
            [2, "Doanh nghiệp thành lập mới", "Doanh nghiệp", None, 149]]
    ctx = _ctx(_book(tmp_path / "t.xlsx", "Dự toán năm 2025", "Ước thực hiện 5 tháng năm 2025", rows))
    lines = [plain(x) for g in ctx["kq"]["nhom"] for x in g["muc"]]
    assert lines == [
        "- Thu ngân sách nhà nước: ước thực hiện 10.846 tỷ đồng, dự toán 17.722 tỷ đồng, bằng 61,2% dự toán năm.",
        "- Doanh nghiệp thành lập mới: ước thực hiện 149 doanh nghiệp, không có số dự toán."]


def test_plan_documents_keep_their_names(tmp_path):
    """A plan document of a budget's table is still a «Kế hoạch» (its name is the document's kind), and its own text
    about drawing up plans is unchanged: only comparisons take the table's word."""
    ctx = _ctx(_book(tmp_path / "t.xlsx", "Dự toán năm 2024"), "ke-hoach")
    assert ctx["vb"]["ten_loai"] == "KẾ HOẠCH"


def test_attainment_cli_names_the_budget_columns(tmp_path):
    """`attainment` of a budget's table: its plan column «DT», the ratio «% DT», the verdict «Vượt dự toán», the
    summary «đạt và vượt dự toán»; a plan's table keeps «KH», «% KH», «Vượt KH»."""
    proc = run_cli("attainment", _book(tmp_path / "b.xlsx", "Dự toán năm 2024"), env={"COLUMNS": "160"})
    out = proc.stdout
    assert "% DT" in out and "% KH" not in out, out
    assert "Vượt dự toán" in out and "Vượt KH" not in out, out
    assert "1/2 chỉ tiêu đạt và vượt dự toán; 1 chỉ tiêu không đạt dự toán" in " ".join(out.split()), out
    proc = run_cli("attainment", _book(tmp_path / "k.xlsx", "Kế hoạch năm 2024"), env={"COLUMNS": "160"})
    assert "% KH" in proc.stdout and "Vượt KH" in proc.stdout and "dự toán" not in proc.stdout, proc.stdout
