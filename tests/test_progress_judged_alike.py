"""A part of the year set against the whole year's plan is progress, in every output alike. Documents said so
(docs.period), but `check`/`attainment`, the add-in's column and a workbook written with -o judged 40 of a plan of
100 after six months «Không đạt» — and a header «Thực hiện sáu tháng», «TH 6T», «nửa đầu năm» was not even read as
six months. Expected values decided by hand: 40 / 100 = 40,0%, kept as the ratio, with no judgement."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.periods import PROGRESS_REASON


def _book(path, result_head: str, plan_head: str = "Kế hoạch năm 2026",
          title: str = "BÁO CÁO CÁC CHỈ TIÊU NĂM 2026 TỈNH LÀO CAI"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([title])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", plan_head, result_head, "Cơ quan chủ trì"])
    ws.append(["1", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 100, 40, "Sở Tài chính"])
    ws.append(["2", "Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", 100, None, "Sở Tài chính"])
    wb.save(path)
    return path


SIX = "6 tháng đầu năm 2026"


# each head with the period the summary begins with (per3: it began «Năm 2026» for every part of the year); a part of
# no readable length is named by the year alone, never as a span it may not be
@pytest.mark.parametrize("head,when", [
    ("Thực hiện 6 tháng đầu năm 2026", SIX), ("Thực hiện sáu tháng đầu năm 2026", SIX), ("TH 6T/2026", SIX),
    ("Ước thực hiện nửa đầu năm 2026", "Ước thực hiện " + SIX), ("Thực hiện 9 tháng năm 2026", "9 tháng năm 2026"),
    # (rev7) parts of no readable length, and other abbreviations: a part all the same
    ("Thực hiện đến nay", "Năm 2026"), ("Thực hiện tháng 6 năm 2026", "Năm 2026"), ("Thực hiện Q2/2026", "Quý II năm 2026"),
    ("Thực hiện 1-6/2026", SIX), ("Thực hiện tháng 1-6/2026", SIX), ("TH 6th/2026", SIX),
    ("Thực hiện học kỳ I", "Năm 2026"), ("Thực hiện đến 15/11/2026", "Năm 2026"),
    ("Thực hiện 6 tháng cuối năm 2026", "6 tháng cuối năm 2026")])
# (and judged: «Thực hiện tháng 1-12/2026», «Ước thực hiện năm 2026 (6T đầu năm + ước 6T cuối năm)»: see below)
def test_a_part_of_the_year_is_progress_not_a_judgement(tmp_path, head, when):
    att = check(read_workbook(_book(tmp_path / "t.xlsx", head))).attainment
    first, second = att.assessments
    assert (first.status, first.reason, first.ratio) == ("khong_danh_gia", PROGRESS_REASON, Decimal("40.0"))
    assert second.status == "chua_co_so_lieu"
    assert att.summary.sentence == (f"{when}, có 1 chỉ tiêu có số liệu của một phần năm; so với kế hoạch cả năm, "
                                    "đây là tiến độ thực hiện, chưa đánh giá đạt hay không đạt kế hoạch; "
                                    "1 chỉ tiêu chưa có số liệu.")


@pytest.mark.parametrize("head,plan", [("Ước thực hiện năm 2026", "Kế hoạch năm 2026"),
                                       ("Thực hiện 6 tháng năm 2026", "Kế hoạch 6 tháng năm 2026")])
def test_a_whole_year_or_a_plan_of_the_same_part_is_judged(tmp_path, head, plan):
    first = check(read_workbook(_book(tmp_path / "t.xlsx", head, plan))).attainment.assessments[0]
    assert first.status == "khong_dat" and first.ratio == Decimal("40.0")


def test_the_workbook_written_with_o_and_the_addins_column_say_the_same(tmp_path):
    from helpers import run_cli
    src = _book(tmp_path / "t.xlsx", "TH 6T/2026")
    out = tmp_path / "ket_qua.xlsx"
    proc = run_cli("attainment", src, "-o", out)
    assert proc.returncode in (0, 1), proc.stderr
    ws = openpyxl.load_workbook(out).active
    values = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Không đạt" not in values and "Không đánh giá" in values     # a value, not an =IF(…) formula judging it
    assert not any(v.startswith("=") and "Không đạt" in v for v in values)


def test_the_ribbons_column_writes_values_for_a_part_of_the_year(tmp_path):
    """The add-in's «Tính đạt/không đạt» on the remote engine: no «Không đạt», no formula that would judge the
    second row's figure once typed (after six months, against the year's plan)."""
    from kh_excel.addin import run_action
    from kh_excel.addin.payload import apply_actions, open_book
    src = _book(tmp_path / "t.xlsx", "Thực hiện sáu tháng đầu năm 2026")
    book = open_book(src)
    ok, message = run_action("tinh_ty_le", book)
    assert ok, message
    out = tmp_path / "out.xlsx"
    apply_actions(src, book.json()["actions"], out)
    ws = openpyxl.load_workbook(out).active
    written = {c.coordinate: c.value for row in ws.iter_rows(min_col=7) for c in row if c.value is not None}
    assert written["H3"] == "Không đánh giá" and written["G3"] == 40
    assert not any(isinstance(v, str) and v.startswith("=") for v in written.values()), written


@pytest.mark.parametrize("title,head,judged", [
    ("BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2026", "Thực hiện", False),     # the title says
    # a label naming the year is the year's, whatever the title says (rev8: «… tháng 12 và năm 2026», «… và kế hoạch
    # 6 tháng đầu năm 2027», «PHƯỜNG BẾN NGHÉ Q1» made whole-year tables progress)
    # a title of a part of that year over a label naming only the year contradicts it: the title's part, progress, and
    # a warning at the title's cell (rev12 D-E: «… 6 THÁNG ĐẦU NĂM 2026» over «Ước thực hiện năm 2026» was judged
    # the year's estimate; 400 of a 1.000 plan in June reads as the 6 months')
    ("BÁO CÁO SỐ LIỆU ĐẾN 30/6/2026", "Thực hiện năm 2026", False),
    ("BÁO CÁO TÌNH HÌNH KT-XH THÁNG 12 VÀ NĂM 2026", "Thực hiện năm 2026", True),
    ("KẾT QUẢ THỰC HIỆN NĂM 2026 VÀ KẾ HOẠCH 6 THÁNG ĐẦU NĂM 2027", "Thực hiện năm 2026", True),
    ("CÁC CHỈ TIÊU NĂM 2026 PHƯỜNG BẾN NGHÉ Q1", "Thực hiện", True),
    ("BÁO CÁO CẬP NHẬT ĐẾN NAY", "Thực hiện", True),                          # a title's part of no length: no
    ("BÁO CÁO TÌNH HÌNH 6 THÁNG ĐẦU NĂM 2026", "Ước thực hiện năm 2026", False),
    ("BÁO CÁO TÌNH HÌNH 6 THÁNG ĐẦU NĂM 2026", "Ước thực hiện cả năm 2026", True),  # «cả năm» written: the year
    ("BÁO CÁO 6 THÁNG ĐẦU NĂM VÀ ƯỚC THỰC HIỆN CẢ NĂM 2026", "Ước thực hiện năm 2026", True),  # the title says both
    ("Lào Cai, ngày 10 tháng 6 năm 2026", "Thực hiện", True),                      # a date of signing: no period
])
def test_a_result_column_that_names_no_period_takes_the_titles(tmp_path, title, head, judged):
    first = check(read_workbook(_book(tmp_path / "t.xlsx", head, title=title))).attainment.assessments[0]
    assert (first.status == "khong_dat") == judged and first.ratio == Decimal("40.0")


def test_the_report_of_a_title_period_says_progress(tmp_path):
    """The document agrees with the table: «Tình hình …», progress, never «Kết quả … năm 2026» with «không đạt»."""
    from helpers import docx_paragraphs, run_cli
    src = _book(tmp_path / "t.xlsx", "Thực hiện", title="BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2026")
    out = tmp_path / "bc.docx"
    assert run_cli("render", "bao-cao", src, "-o", out).returncode == 0
    text = "\n".join(docx_paragraphs(out))
    assert "Tình hình thực hiện các chỉ tiêu 6 tháng đầu năm 2026" in text  # (no field named: note10 #11)
    assert "không đạt kế hoạch" not in text.replace("chưa đánh giá đạt hay không đạt kế hoạch", "")


@pytest.mark.parametrize("half", ["Sáu tháng đầu năm 2026", "Nửa đầu năm 2026", "6 tháng đầu năm 2026"])
def test_a_period_group_in_any_wording_is_a_period_never_an_area(tmp_path, half):
    """Groups «Sáu tháng đầu năm 2026» | «Cả năm 2026» (Kế hoạch, Thực hiện under each): «Sáu tháng» was taken for an
    area group (a commune's), so the 6 months' plan (500) was read beside the year's estimate (1.100) and judged
    «Vượt» 220%. A period group pairs its own plan and result; the year's, filled, is the default."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "ĐVT", half, None, "Cả năm 2026", None])
    ws.append([None, None, None, "Kế hoạch", "Thực hiện", "Kế hoạch", "Ước thực hiện"])
    ws.append([1, "Thu ngân sách", "Tỷ đồng", 500, 450, 1000, 1100])
    for m in ("A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1"):
        ws.merge_cells(m)
    wb.save(tmp_path / "g.xlsx")
    t = read_workbook(tmp_path / "g.xlsx")
    assert t.groups == [] and t.periods == [half, "Cả năm 2026"]
    ind = t.indicators[0]
    assert (ind.target.value, ind.result) == (Decimal(1000), Decimal(1100))   # the year's pair: 110,0%
    half_year = read_workbook(tmp_path / "g.xlsx", period=half).indicators[0]
    assert (half_year.target.value, half_year.result) == (Decimal(500), Decimal(450))


@pytest.mark.parametrize("head", ["Thực hiện tháng 1-12/2026", "Ước thực hiện năm 2026 (6T đầu năm + ước 6T cuối năm)",
                                  "Ước thực hiện năm 2026 (tính đến tháng 12)", "TH năm 2026 (12T)"])
def test_a_label_naming_the_year_is_judged_whatever_its_note_says(tmp_path, head):
    """rev8 #2: a note in brackets about how the year's figure was made is no part of the year."""
    first = check(read_workbook(_book(tmp_path / "t.xlsx", head))).attainment.assessments[0]
    assert first.status == "khong_dat" and first.ratio == Decimal("40.0")
