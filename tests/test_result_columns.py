"""Two result columns of one period and group («Ước thực hiện năm 2026» twice: an older and a newer estimate left side
by side, rev10 D8) were read from the rightmost, silently. Now, as for two plans of one period: the column the sheet's
own comparison formulas divide is taken and said; otherwise refused naming both, until --period/«Kỳ» names one (by its
label, or by its letter where the labels are the same). And an estimate naming no period right of the 6 months already
measured is the year's estimate (rev10 D13), while a bare «Thực hiện» beside plans of two spans stays refused. Every
expected column, figure and message is decided by hand from the small tables built here."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.core.table import ResultAmbiguous, parse_grid
from kh_excel.io.workbook import ChoiceAmbiguous, ChoiceNotFound

from helpers import docx_paragraphs, run_cli

EST = "Ước thực hiện năm 2026"
# plan D, older estimate E, newer estimate F (rev10 l2): E gives 2 × «Không đạt», F 3 × «Vượt»
ROWS = [["1", "Giá trị sản xuất nông nghiệp", "Tỷ đồng", 1000, 990, 1100],
        ["2", "Thu ngân sách", "Tỷ đồng", 100, 96, 120],
        ["3", "Tỷ lệ hộ nghèo", "%", 5, 4.8, 4]]


def _grid(formulas=None, ratio: bool = True, heads=("Kế hoạch năm 2026", EST, EST)) -> Grid:
    head = ["STT", "Chỉ tiêu", "ĐVT", *heads] + (["So sánh (%)"] if ratio else [])
    rows = [["BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026"], head] + [r + ([None] if ratio else []) for r in ROWS]
    return Grid("Biểu 01", rows, formulas=formulas)


def _formulas(col: str):
    """The «So sánh (%)» column G dividing `col` by the plan on every row (rows 3–5 of the sheet)."""
    return lambda: {(r, 6): f'=IF(D{r + 1}=0,"",{col}{r + 1}/D{r + 1}*100)' for r in (2, 3, 4)}


def _statuses(table) -> list[str]:
    return [a.status for a in check(table).attainment.assessments]


def test_two_results_of_one_period_without_a_formula_are_refused_naming_both():
    for formulas in (None, lambda: {}, lambda: {(2, 6): "=E3/D3*100", (3, 6): "=F4/D4*100"}):
        with pytest.raises(ResultAmbiguous) as err:
            parse_grid(_grid(formulas))
        assert str(err.value) == (
            "trang «Biểu 01» có 2 cột kết quả cùng kỳ: cột E «Ước thực hiện năm 2026», cột F «Ước thực hiện năm 2026»; "
            "không cột so sánh nào của bảng tính theo riêng một cột trong số đó, nên chương trình không tự chọn (kết "
            "quả đánh giá sẽ khác nhau tùy cột): hãy chọn cột kết quả bằng --period (hoặc mục «Kỳ» của trang «Cấu "
            "hình văn bản»), ví dụ --period \"cột F\"; hoặc xóa cột không dùng khỏi bảng.")


@pytest.mark.parametrize("col,result,statuses", [("E", 4, ["khong_dat", "khong_dat", "vuot"]),
                                                 ("F", 5, ["vuot", "vuot", "vuot"])])
def test_the_result_the_sheets_formula_divides_is_taken_and_said(col, result, statuses):
    """By hand: E 990/1.000 and 96/100 miss their plans, 4,8% poor against 5% beats it; F 1.100, 120 and 4% all beat."""
    table = read_workbook(_grid(_formulas(col)), file="t.xlsx")
    assert table.columns["result"] == result and _statuses(table) == statuses
    said = {f.code: f.message for f in table.reader_findings}["result_of_formula"]
    other = "F" if col == "E" else "E"
    assert f"lấy kết quả ở cột {col} «{EST}»" in said and f"không lấy cột {other} «{EST}»" in said


@pytest.mark.parametrize("period,values", [("cột E", [990, 96, Decimal("4.8")]), ("Cột F", [1100, 120, 4])])
def test_period_names_one_of_two_results_of_one_label_by_its_letter(period, values):
    table = read_workbook(_grid(ratio=False), file="t.xlsx", period=period)
    assert [i.result for i in table.indicators] == values
    assert "result_of_formula" not in {f.code for f in table.reader_findings}  # chosen by the person: nothing to say


def test_the_refusal_reaches_every_reader_of_the_file(tmp_path):
    """attainment refuses (exit 2) naming both columns; --period "cột E" then judges the older estimate."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    for row in _grid(ratio=False).rows:
        ws.append(row)
    path = tmp_path / "l2.xlsx"
    wb.save(path)
    proc = run_cli("attainment", path, "--json")
    assert proc.returncode == 2 and "cột E «Ước thực hiện năm 2026», cột F «Ước thực hiện năm 2026»" in proc.stderr
    proc = run_cli("attainment", path, "--json", "--period", "cột E")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count('"status": "khong_dat"') == 2


def test_a_report_says_which_of_two_results_the_formula_chose(tmp_path):
    """A real workbook with the comparison formula in G (=F/D): the report states F's figures and tells whoever has it
    signed that E was left out."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    for i, row in enumerate(_grid().rows, 1):
        ws.append(row)
        if i > 2:
            ws.cell(i, 7).value = f"=F{i}/D{i}*100"
    path = tmp_path / "l2f.xlsx"
    wb.save(path)
    proc = run_cli("render", "bao-cao", path, "-o", tmp_path / "bc.docx")
    assert proc.returncode == 0, proc.stderr
    assert "lấy kết quả ở cột F" in proc.stderr and "không lấy cột E" in proc.stderr
    text = "\n".join(docx_paragraphs(tmp_path / "bc.docx")).replace("\xa0", " ")
    assert "thực hiện 1.100 tỷ đồng" in text and "990" not in text


def test_results_the_reader_has_a_reason_to_order_are_no_rivals():
    """An estimate of the year beside 6 months, an estimate beside last year's result, a hidden stale copy, a verdict
    column under the result's header: read as before, never refused."""
    cases = [(("Kế hoạch năm 2026", "Thực hiện 6 tháng năm 2026", EST), frozenset(), 5),
             (("Kế hoạch năm 2026", "Thực hiện năm 2025", EST), frozenset(), 5),
             (("Kế hoạch năm 2026", EST, EST), frozenset({4}), 5)]
    for heads, hidden, result in cases:
        grid = _grid(ratio=False, heads=heads)
        grid.hidden_columns = hidden
        assert parse_grid(grid).columns["result"] == result, heads
    rows = [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", EST, None],
            [None, None, None, None, "Số liệu", "Đánh giá"],
            ["1", "Thu ngân sách", "Tỷ đồng", 100, 105, "Vượt"]]
    table = parse_grid(Grid("B", rows, merged=[(0, 4, 0, 5), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3)]))
    assert table.columns["result"] == 4 and table.indicators[0].result == 105


# --------------------------------------------------------------------------- an estimate that names no period

N5 = ["KH năm", "KH 6 tháng", "TH 6 tháng", "Ước TH"]  # rev10 n5, title «… NĂM 2026»
N5_VALUES = [1000, 450, 470, 990]


def _n5(heads, values, title="BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2026", period=None):
    rows = [[title], ["STT", "Chỉ tiêu", "ĐVT", *heads, "Cơ quan chủ trì"],
            ["1", "Giá trị sản xuất nông nghiệp", "Tỷ đồng", *values, "Phòng Tài chính - Kế hoạch"]]
    return read_workbook(Grid("Biểu 01", rows), file="t.xlsx", period=period)


def test_an_estimate_right_of_the_six_months_measured_is_the_years():
    """990 against the year's 1.000 (99,0%, «Không đạt»), never against the 6 months' 450 («Vượt 220%»)."""
    t = _n5(N5, N5_VALUES)
    assert (t.columns["target"], t.columns["result"]) == (3, 6)
    a = check(t).attainment.assessments[0]
    assert (a.status, a.ratio) == ("khong_dat", Decimal("99.0"))
    t = _n5(N5, N5_VALUES, period="6 tháng")  # the 6 months chosen: against their own plan (470 of 450)
    assert (t.columns["target"], t.columns["result"]) == (4, 5)
    t = _n5(["KH năm 2026", "KH 6 tháng 2026", "TH 6 tháng 2026", "Ước TH"], N5_VALUES)  # the year from the plan
    assert (t.columns["target"], t.columns["result"]) == (3, 6)


@pytest.mark.parametrize("heads,values", [
    (["KH năm", "KH 6 tháng", "TH 6 tháng", "Thực hiện"], N5_VALUES),   # a bare actual: may be the 6 months'
    (["KH năm", "KH 6 tháng", "Ước TH", "TH 6 tháng"], [1000, 450, 990, 470]),  # the estimate left of the measured
    (["KH năm", "KH 6 tháng", "TH 5 tháng", "Ước TH"], [1000, 450, 370, 460]),  # after 5 months: of 6 or of the year?
    (["KH năm", "KH 6 tháng", "Ước TH"], [1000, 450, 990]),                   # nothing measured beside it
    (["KH năm 2026", "KH 6 tháng 2026", "TH 6 tháng 2025", "Ước TH"], N5_VALUES),  # the 6 months of another year
])
def test_a_result_naming_no_period_stays_refused_where_nothing_says_its_span(heads, values):
    with pytest.raises(ChoiceAmbiguous, match="không ghi kỳ"):
        _n5(heads, values)


def test_under_a_title_of_six_months_the_title_still_tells():
    """«… 6 THÁNG ĐẦU NĂM 2026» over a bare estimate: the title's 6 months, as before (470 against 450 is not read;
    the estimate 990 of 6 months against the 6 months' plan)."""
    t = _n5(N5, N5_VALUES, title="BÁO CÁO KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2026")
    assert t.columns["target"] == 4


def test_two_estimates_of_other_labels_are_named_by_their_words_never_read_as_a_span():
    """«(báo cáo tháng 10)» and «(cập nhật)»: refused by default, the message's example is a whole label; «tháng 10»
    names the column whose note it is, and is no span of months (the year's estimate stays judged, 96 of 100)."""
    heads = ("Kế hoạch năm 2026", "Ước TH năm 2026 (báo cáo tháng 10)", "Ước TH năm 2026 (cập nhật)")
    with pytest.raises(ResultAmbiguous, match='ví dụ --period "Ước TH năm 2026 \\(cập nhật\\)"'):
        parse_grid(_grid(ratio=False, heads=heads))
    assert read_workbook(_grid(ratio=False, heads=heads), period="cập nhật").indicators[1].result == 120
    table = read_workbook(_grid(ratio=False, heads=heads), period="tháng 10")
    assert table.indicators[1].result == 96 and _statuses(table)[1] == "khong_dat"


def test_a_letter_reaches_a_result_column_under_a_period_group():
    """«6 tháng | Cả năm» merged over «KH | TH» and «KH | Ước TH | Ước TH»: the two estimates of the year are refused;
    «cột G» / «cột H» read 96 / 120 against the year's plan (100), in the period «Cả năm» (named by the document)."""
    rows = [["CÁC CHỈ TIÊU NĂM 2026"], ["STT", "Chỉ tiêu", "ĐVT", "6 tháng", None, "Cả năm", None, None],
            [None, None, None, "KH", "TH", "KH", "Ước TH", "Ước TH"], ["1", "Thu ngân sách", "Tỷ đồng", 40, 45, 100, 96, 120]]
    merged = [(1, 3, 1, 4), (1, 5, 1, 7), (1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2)]

    def read(period=None):
        return read_workbook(Grid("S", [list(r) for r in rows], merged=merged), file="t.xlsx", period=period)
    with pytest.raises(ChoiceAmbiguous, match='cột G «Cả năm Ước TH», cột H «Cả năm Ước TH».*--period "cột H"'):
        read()
    for letter, value in (("cột G", 96), ("cột H", 120)):
        t = read(letter)
        assert (t.indicators[0].result, t.indicators[0].target.value, t.period) == (value, 100, "Cả năm")
    with pytest.raises(ChoiceNotFound):
        read("cột B")  # no period group's column
