"""Which kind of figure a table's results are, and which period (rev12 D-B, D-E, note10 #10).

- An actual and an estimate of one period («Thực hiện năm 2026» beside «Ước thực hiện năm 2026»): the estimate was read
  silently. The actual is the later, better figure: read when it has figures, else the estimate; either way one warning
  names both columns and says which was read.
- A title of a part of the year («… 6 THÁNG ĐẦU NĂM 2026») over a result column naming only its year: the year's
  estimate was judged and called «ước cả năm 2026». The title's period is read (progress, not judged), the title's
  cell is warned, and no document says «cả năm», which nobody wrote.
- An estimate's column: each figure a document states says «ước thực hiện».

Every expected column, figure, status and text is decided by hand from the small tables built here."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings, strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.gate import TABLE_WARNINGS, check
from kh_excel.core.model import Grid
from kh_excel.docs.context import build_context
from kh_excel.core.attainment import evaluate

from helpers import docx_paragraphs, run_cli

ACT, EST = "Thực hiện năm 2026", "Ước thực hiện năm 2026"
TITLE = "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026"


def _grid(heads, rows, title=TITLE) -> Grid:
    """STT | Chỉ tiêu | ĐVT | Kế hoạch năm 2026 | heads… | Cơ quan chủ trì."""
    return Grid("Biểu 01", [[title], ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", *heads, "Cơ quan chủ trì"],
                            *([*r, "Phòng Kinh tế"] for r in rows)])


# plan 115: the actual 110 misses it, the estimate 120 beats it — the column read decides the verdict
TWO = [["1", "Thu ngân sách nhà nước", "Tỷ đồng", 115, 110, 120],
       ["2", "Giá trị sản xuất nông nghiệp", "Tỷ đồng", 1000, 1010, 990]]


def _said(table, code="result_actual_or_estimate") -> list[str]:
    return [f.message for f in table.reader_findings if f.code == code]


def _statuses(table) -> list[str]:
    return [a.status for a in check(table).attainment.assessments]


@pytest.mark.parametrize("heads,actual,estimate", [((ACT, EST), "E", "F"), ((EST, ACT), "F", "E")])
def test_the_actual_is_read_before_the_estimate_of_one_period_and_said(heads, actual, estimate):
    """110 < 115 không đạt, 1.010 ≥ 1.000 vượt (the estimate would say vượt, không đạt), whichever stands left."""
    rows = TWO if heads[0] == ACT else [[*r[:4], r[5], r[4]] for r in TWO]
    table = read_workbook(_grid(heads, rows), file="t.xlsx")
    assert [i.result for i in table.indicators] == [110, 1010]
    assert _statuses(table) == ["khong_dat", "vuot"]
    (said,) = _said(table)
    assert (f"lấy kết quả ở cột {actual} «{ACT}» (số thực hiện, có sau và sát thực tế hơn số ước), không lấy cột "
            f"{estimate} «{EST}»") in said
    assert f'--period "cột {estimate}"' in said
    assert "result_actual_or_estimate" in TABLE_WARNINGS  # said beside every document, not only by check


def test_an_empty_actual_leaves_the_estimate_read_and_says_why():
    rows = [[*r[:4], None, r[5]] for r in TWO]
    table = read_workbook(_grid((ACT, EST), rows), file="t.xlsx")
    assert [i.result for i in table.indicators] == [120, 990]
    assert _statuses(table) == ["vuot", "khong_dat"]
    (said,) = _said(table)
    assert f"lấy kết quả ở cột F «{EST}» vì cột E «{ACT}» chưa có số liệu" in said
    assert '--period "cột E"' in said


def test_rows_with_an_estimate_and_no_actual_are_named():
    """Row 4 (sheet) has no actual but an estimate of 990: it is «chưa có số liệu», and the warning says so by row.
    (Row 3's actual 118 is within 5% of its estimate 120: the year's actual, not a figure to date.)"""
    rows = [[*TWO[0][:4], 118, 120], [*TWO[1][:4], None, 990]]
    table = read_workbook(_grid((ACT, EST), rows), file="t.xlsx")
    assert [i.result for i in table.indicators] == [118, None]
    assert _statuses(table) == ["vuot", "chua_co_so_lieu"]
    (said,) = _said(table)
    assert "dòng 4 chưa có số ở cột E nhưng có số ở cột F: các dòng đó được ghi «chưa có số liệu»" in said


@pytest.mark.parametrize("heads", [("TH 6 tháng năm 2026", "Ước TH 6 tháng năm 2026"),
                                   ("TH năm 2026", "ƯTH năm 2026"), ("ƯTH năm 2026", "TH năm 2026")])
def test_the_rule_holds_in_other_words_of_one_span(heads):
    rows = TWO if not heads[0].startswith(("Ước", "ƯTH")) else [[*r[:4], r[5], r[4]] for r in TWO]
    table = read_workbook(_grid(heads, rows), file="t.xlsx")
    assert [i.result for i in table.indicators] == [110, 1010]
    assert len(_said(table)) == 1


@pytest.mark.parametrize("col,result", [("E", [110, 1010]), ("F", [120, 990])])
def test_the_sheets_own_comparison_formula_decides_first(col, result):
    """«So sánh (%)» in G divides `col` by the plan on every row: the table's own choice is read, whatever the kinds
    (per3's rule for two results of one kind), and said as that rule says it."""
    heads = (ACT, EST, "So sánh (%)")
    rows = [[*r, None] for r in TWO]
    grid = _grid(heads, rows)
    grid.formulas = lambda: {(r, 6): f"={col}{r + 1}/D{r + 1}*100" for r in (2, 3)}
    table = read_workbook(grid, file="t.xlsx")
    assert [i.result for i in table.indicators] == result and not _said(table)
    (said,) = _said(table, "result_of_formula")
    other = "F" if col == "E" else "E"
    assert f"lấy kết quả ở cột {col}" in said and f"không lấy cột {other}" in said


def test_bare_labels_keep_the_estimate_and_say_why():
    """«TH» beside «Ước TH», neither naming a period: «TH» may be the months measured so far, so the estimate is read,
    as before (120 ≥ 115 vượt, 990 < 1.000 không đạt) — and said; an empty estimate leaves the actual read, said too."""
    table = read_workbook(_grid(("TH", "Ước TH"), TWO), file="t.xlsx")
    assert [i.result for i in table.indicators] == [120, 990] and _statuses(table) == ["vuot", "khong_dat"]
    (said,) = _said(table)
    assert ("lấy kết quả ở cột F «Ước TH», không lấy cột E «TH»: tên cột không ghi kỳ, nên số thực hiện có thể chỉ "
            "là số đến thời điểm báo cáo") in said and '--period "cột E"' in said
    table = read_workbook(_grid(("TH", "Ước TH"), [r[:5] + [None] for r in TWO]), file="t.xlsx")
    assert [i.result for i in table.indicators] == [110, 1010]
    (said,) = _said(table)
    assert "lấy kết quả ở cột E «TH» vì cột F «Ước TH» chưa có số liệu" in said and '--period "cột F"' in said


@pytest.mark.parametrize("heads,rows,result", [
    ((ACT,), [r[:5] for r in TWO], [110, 1010]),                                         # one result column
    (("Thực hiện 6 tháng năm 2026", EST), TWO, [120, 990]),                              # two spans: the year
    (("Thực hiện năm 2025", EST), TWO, [120, 990]),                                      # last year's actual
])
def test_no_pair_no_warning(heads, rows, result):
    table = read_workbook(_grid(heads, rows), file="t.xlsx")
    assert [i.result for i in table.indicators] == result and not _said(table)


def test_a_column_the_person_names_is_read_without_a_word():
    table = read_workbook(_grid((ACT, EST), TWO), file="t.xlsx", period="cột F")
    assert [i.result for i in table.indicators] == [120, 990] and not _said(table)


def test_the_report_states_the_actual_and_its_maker_is_told(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in _grid((ACT, EST), TWO).rows:
        ws.append(row)
    path = tmp_path / "t08.xlsx"
    wb.save(path)
    out = tmp_path / "bc.docx"
    proc = run_cli("render", "bao-cao", path, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert f"lấy kết quả ở cột E «{ACT}»" in proc.stderr and f"không lấy cột F «{EST}»" in proc.stderr
    text = "\n".join(docx_paragraphs(out)).replace("\xa0", " ")
    assert "Thu ngân sách nhà nước: thực hiện 110 tỷ đồng, kế hoạch 115 tỷ đồng" in text
    assert "120 tỷ đồng" not in text and "ước thực hiện" not in text.lower()


# --------------------------------------------------------------------------- a title's period against the column's

SIX = "BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU NGÀNH Y TẾ 6 THÁNG ĐẦU NĂM 2026"
ONE = [["1", "Số trạm y tế đạt chuẩn", "Trạm", 20, 8]]


def test_a_six_month_title_over_a_years_label_is_the_titles_period_and_warned():
    """8 of a year's plan of 20 under a 6-month title: progress (40,0%), never «Không đạt» of the year."""
    table = read_workbook(_grid((EST,), ONE, title=SIX), file="t.xlsx")
    (a,) = check(table).attainment.assessments
    assert (a.status, a.ratio) == ("khong_danh_gia", Decimal("40.0"))
    (said,) = _said(table, "title_period_differs")
    assert said.startswith(f"Ô A1: tiêu đề bảng «{SIX}» ghi kỳ 6 tháng, còn cột kết quả E «{EST}» chỉ ghi năm.")
    assert "title_period_differs" in TABLE_WARNINGS


def test_the_person_confirms_the_year_by_naming_the_column():
    """The warning's way out: --period "cột E" says the column is what it says, the year's (8 of 20: Không đạt)."""
    (said,) = _said(read_workbook(_grid((EST,), ONE, title=SIX), file="t.xlsx"), "title_period_differs")
    assert '--period "cột E"' in said
    table = read_workbook(_grid((EST,), ONE, title=SIX), file="t.xlsx", period="cột E")
    (a,) = check(table).attainment.assessments
    assert a.status == "khong_dat" and not _said(table, "title_period_differs")


def test_the_report_names_the_titles_period_never_the_whole_year():
    ctx = build_context(evaluate(read_workbook(_grid((EST,), ONE, title=SIX), file="t.xlsx")), None, "bao-cao")
    assert ctx["vb"]["trich_yeu"] == ["Tình hình thực hiện các chỉ tiêu ngành y tế ước 6 tháng đầu năm 2026"]
    said = str(ctx["pl"]["tieu_de"]) + str(ctx["kq"]) + str(ctx["vb"])
    # the figures are never «cả năm» (the plan is: «so với kế hoạch cả năm 2026, đây là tiến độ …»)
    assert "ước cả năm" not in said and "thực hiện cả năm" not in said and "kế hoạch cả năm 2026" in said


@pytest.mark.parametrize("title,heads,values", [
    (SIX, ("Ước thực hiện cả năm 2026",), [8]),                                    # «cả năm» written in the column
    ("BÁO CÁO 6 THÁNG ĐẦU NĂM VÀ ƯỚC THỰC HIỆN CẢ NĂM 2026", (EST,), [8]),          # the title names both
    ("KẾT QUẢ THỰC HIỆN NĂM 2026 VÀ KẾ HOẠCH 6 THÁNG ĐẦU NĂM 2027", (ACT,), [8]),    # the part is of another year
    (SIX, ("Thực hiện 6 tháng năm 2026", EST), [9, 8]),                             # the 6 months have their column
])
def test_no_contradiction_no_warning_and_the_year_judged(title, heads, values):
    table = read_workbook(_grid(heads, [[*ONE[0][:4], *values]], title=title), file="t.xlsx")
    (a,) = check(table).attainment.assessments
    assert a.status == "khong_dat" and a.indicator.result == 8 and not _said(table, "title_period_differs")


# --------------------------------------------------------------------------- an estimate's figures say «ước»

@pytest.mark.parametrize("head,verb", [(EST, "ước thực hiện"), (ACT, "thực hiện"), ("ƯTH năm 2026", "ước thực hiện")])
def test_an_estimates_column_says_uoc_in_every_item(head, verb):
    rows = [["1", "Thu ngân sách nhà nước", "Tỷ đồng", 1000, 1050], ["2", "Xây dựng nông thôn mới", "Xã", 5, 6],
            ["3", "Hoàn thành quy hoạch chung", None, "Hoàn thành", "Hoàn thành"]]
    ctx = build_context(evaluate(read_workbook(_grid((head,), rows), file="t.xlsx")), None, "bao-cao")
    lines = [str(line).rstrip(";.").replace("\xa0", " ") for g in ctx["kq"]["nhom"] for line in g["muc"]]
    assert f"- Thu ngân sách nhà nước: {verb} 1.050 tỷ đồng, kế hoạch 1.000 tỷ đồng, đạt 105,0% kế hoạch" in lines
    assert any(line.startswith(f"- Xây dựng nông thôn mới: {verb} 6 xã") for line in lines)
    # words the cell writes keep their own verb: never «ước hoàn thành»
    assert not any("ước hoàn thành" in line for line in lines)


@settings(max_examples=60, deadline=None)
@given(part=st.sampled_from([("6 THÁNG ĐẦU NĂM", "6 tháng"), ("9 THÁNG NĂM", "9 tháng"), ("QUÝ II NĂM", "3 tháng"),
                             ("6 THÁNG CUỐI NĂM", "6 tháng cuối năm"), ("SÁU THÁNG ĐẦU NĂM", "6 tháng")]),
       head=st.sampled_from(["BÁO CÁO TÌNH HÌNH THỰC HIỆN CHỈ TIÊU", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGÀNH Y TẾ", "BIỂU"]),
       label=st.sampled_from([EST, ACT, "ƯTH năm 2026", "Kết quả thực hiện năm 2026"]),
       both=st.booleans())
def test_a_titles_part_against_a_years_label_is_never_judged_as_the_year(part, head, label, both):
    """By hand: a title naming only a part of 2026 over a column naming only the year → the part (progress, 8 of 20 is
    no «Không đạt»), warned naming the part; the title naming the whole year too → the year, judged, no warning."""
    title = f"{head} {part[0]} 2026" + (" VÀ ƯỚC THỰC HIỆN CẢ NĂM 2026" if both else "")
    table = read_workbook(_grid((label,), ONE, title=title), file="t.xlsx")
    (a,) = check(table).attainment.assessments
    said = _said(table, "title_period_differs")
    if both:
        assert a.status == "khong_dat" and not said
    else:
        assert a.status == "khong_danh_gia" and a.ratio == Decimal("40.0")
        assert len(said) == 1 and f"ghi kỳ {part[1]}, còn cột kết quả E «{label}» chỉ ghi năm" in said[0]


def test_an_actual_short_of_the_estimate_on_most_rows_is_a_figure_to_date():
    """An autumn report «Kế hoạch | Thực hiện năm 2026 | Ước thực hiện năm 2026» (rev14 F-L): the actuals 780, 150, 31
    are each a quarter short of the estimates 1.050, 210, 42: figures to date, so the year's estimate is read (3/3
    Vượt), never the actual to date as the year's (0/3 Không đạt), and said why."""
    rows = [["1", "Tổng thu ngân sách", "Triệu đồng", 1000, 780, 1050],
            ["2", "Số lao động được tạo việc làm", "Người", 200, 150, 210],
            ["3", "Số hộ thoát nghèo", "Hộ", 40, 31, 42]]
    table = read_workbook(_grid((ACT, EST), rows), file="t.xlsx")
    assert [i.result for i in table.indicators] == [1050, 210, 42]
    assert _statuses(table) == ["vuot", "vuot", "vuot"]
    (said,) = _said(table)
    assert f"lấy kết quả ở cột F «{EST}», không lấy cột E «{ACT}»" in said and "đến thời điểm báo cáo" in said


@pytest.mark.parametrize("cell", ["95% (ước)", "95 (ước tính)", "95% (ƯTH)"])
def test_an_estimate_said_after_its_figure_is_an_estimate(cell):
    """rev15 R15-13: «95% (ước)» against a plan of 99%: the note says the figure is an estimate, so the body says
    «ước thực hiện 95%» as for «Ước 95%», never «thực hiện 95%» (95 < 99: Không đạt either way)."""
    rows = [["1", "Tỷ lệ hộ sử dụng điện lưới quốc gia", "%", 99, cell]]
    grid = Grid("Biểu 01", [[TITLE], ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", ACT, "Cơ quan chủ trì"],
                            *([*r, "Sở Công Thương"] for r in rows)])
    table = read_workbook(grid, file="t.xlsx")
    (ind,) = table.indicators
    assert ind.result == 95 and ind.result_reading.estimate
    ctx = build_context(evaluate(table), None, "bao-cao")
    lines = [str(line).replace("\xa0", " ") for g in ctx["kq"]["nhom"] for line in g["muc"]]
    assert any("Tỷ lệ hộ sử dụng điện lưới quốc gia: ước thực hiện 95%, kế hoạch 99%" in line for line in lines)
    assert _statuses(table) == ["khong_dat"]


def test_a_note_after_a_figure_that_is_no_estimate_leaves_it_the_figure():
    rows = [["1", "Tỷ lệ hộ sử dụng điện lưới quốc gia", "%", 99, "99,2% (số liệu 6 tháng)"]]
    grid = Grid("Biểu 01", [[TITLE], ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", ACT, "Cơ quan chủ trì"],
                            *([*r, "Sở Công Thương"] for r in rows)])
    (ind,) = read_workbook(grid, file="t.xlsx").indicators
    assert ind.result == Decimal("99.2") and not ind.result_reading.estimate
