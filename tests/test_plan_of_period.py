"""A result is judged against the plan of its own period (rev8 L1e): «Kế hoạch 6 tháng năm 2026 | Thực hiện 6 tháng
năm 2026 | Kế hoạch năm 2026 | Ước thực hiện năm 2026» paired the year's estimate (1.010) with the 6 months' plan
(450): every row «Vượt 224%», `check` 0 errors, the signed report «kế hoạch 450 tỷ đồng, đạt 224,4%». The year's
estimate goes with the year's plan, 6 months' figures (--period) with the 6 months' plan; a part of the year with no
plan of its own is progress against the year's plan; a result with no plan of its period is refused, naming the
columns. Every expected column, figure and message below is decided by hand from the small tables built here."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings, strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.gate import check
from kh_excel.core.model import Grid
from kh_excel.core.periods import PROGRESS_REASON
from kh_excel.io.workbook import ChoiceAmbiguous

TITLE = "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI"
# plan of 6 months, its result, the year's plan, the year's estimate (the rev8 L1e figures)
FIGURES = {"plan6": 450, "res6": 440, "plan12": 1000, "res12": 1010}


def _grid(heads: list[str], values: list, title: str = TITLE) -> Grid:
    rows = [[title], ["STT", "Chỉ tiêu", "Đơn vị tính", *heads, "Cơ quan chủ trì"],
            ["1", "Thu ngân sách nhà nước", "Tỷ đồng", *values, "Sở Tài chính"],
            ["2", "Tỷ lệ hộ nghèo", "%", *[v / 200 if v is not None else None for v in values], "Sở Tài chính"]]
    return Grid(sheet="Chỉ tiêu", rows=rows)


def _read(heads, values, period=None, title=TITLE):
    return read_workbook(_grid(heads, values, title), file="t.xlsx", period=period)


L1E = ["Kế hoạch 6 tháng năm 2026", "Thực hiện 6 tháng năm 2026", "Kế hoạch năm 2026", "Ước thực hiện năm 2026"]
L1D = ["KH 6 tháng 2026", "TH 6 tháng 2026", "KH năm 2026", "Ước TH năm 2026"]
L1E_VALUES = [450, 450, 1000, 1010]


@pytest.mark.parametrize("heads", [L1E, L1D], ids=["L1e", "L1d"])
def test_the_years_estimate_is_judged_against_the_years_plan(heads):
    t = _read(heads, L1E_VALUES)
    assert (t.columns["target"], t.columns["result"]) == (5, 6)            # F and G, never D
    first, poor = check(t).attainment.assessments
    assert (first.status, first.ratio) == ("vuot", Decimal("101.0"))      # 1.010 / 1.000, not 224,4%
    assert (t.indicators[1].target.value, t.indicators[1].result) == (Decimal(5), Decimal("5.05"))
    assert poor.status == "khong_dat"                                     # 5,05% poor against 5%: more poor


@pytest.mark.parametrize("heads", [L1E, L1D], ids=["L1e", "L1d"])
def test_six_months_chosen_are_judged_against_the_six_months_plan(heads):
    six = heads[1]
    t = _read(heads, [450, 440, 1000, 1010], period=six)
    assert (t.columns["target"], t.columns["result"]) == (3, 4)            # D and E
    first = check(t).attainment.assessments[0]
    assert first.status == "khong_dat" and round(first.ratio, 1) == Decimal("97.8")   # 440 / 450


def test_the_plans_in_the_other_order_pair_alike():
    """rev8 L1f: the year's plan first. By default the year with the year (as before); with the 6 months chosen,
    the 6 months' plan (450) — it was the year's (1.000) and read progress, though the table has the 6 months' plan."""
    heads = ["KH năm 2026", "KH 6 tháng 2026", "TH 6 tháng 2026", "Ước TH năm 2026"]
    t = _read(heads, [1000, 450, 440, 1010])
    assert (t.columns["target"], t.columns["result"]) == (3, 6)
    t = _read(heads, [1000, 450, 440, 1010], period="6 tháng")
    assert (t.columns["target"], t.columns["result"]) == (4, 5)
    assert check(t).attainment.assessments[0].status == "khong_dat"


def test_a_part_of_the_year_with_no_plan_of_its_own_is_progress_against_the_years():
    """9 months beside plans of 6 months and of the year: no plan of 9 months, so the year's (1.000): 700 of it is
    progress (70,0%), never «Vượt» against the 6 months' 450."""
    t = _read(["KH 6T/2026", "Kế hoạch năm 2026", "TH 9 tháng năm 2026"], [450, 1000, 700])
    assert t.columns["target"] == 4
    first = check(t).attainment.assessments[0]
    assert (first.status, first.reason, first.ratio) == ("khong_danh_gia", PROGRESS_REASON, Decimal("70.0"))


def test_by_default_a_result_with_a_plan_of_its_period_is_taken():
    """6 months' plan and figures, and the year's estimate with no plan of the year: the 6 months against their plan
    (440 of 450), not the estimate against the 6 months' plan (1.010 of 450, «Vượt 224%»)."""
    t = _read(["KH 6 tháng 2026", "TH 6 tháng 2026", "Ước TH năm 2026"], [450, 440, 1010])
    assert (t.columns["target"], t.columns["result"]) == (3, 4)


def test_an_empty_years_estimate_leaves_the_six_months_against_their_plan():
    """In July the year's estimate is blank: the 6 months, in any wording («TH 6T/2026», «Kế hoạch 1-6/2026»), with
    their figures (440 of 450) — it read the empty year's column: every row «chưa có số liệu»."""
    t = _read(["Kế hoạch 1-6/2026", "Kế hoạch năm 2026", "TH 6T/2026", "Ước thực hiện năm 2026"], [450, 1000, 440, None])
    assert (t.columns["target"], t.columns["result"], t.indicators[0].result) == (3, 5, 440)


def test_a_years_result_beside_only_a_six_months_plan_is_refused():
    with pytest.raises(ChoiceAmbiguous) as err:
        _read(["KH 6 tháng 2026", "Ước TH năm 2026"], [450, 1010])
    assert str(err.value) == (
        "Tệp «t.xlsx»: trang «Chỉ tiêu»: kết quả lấy ở cột E «Ước TH năm 2026» là số liệu cả năm, nhưng bảng không có "
        "kế hoạch cả năm; kế hoạch có: cột D «KH 6 tháng 2026» (6 tháng); chương trình không so kết quả với kế hoạch "
        "của kỳ khác: hãy thêm cột kế hoạch cả năm vào bảng, hoặc sửa tên cột nếu kỳ ghi chưa đúng.")


def test_the_years_estimate_chosen_beside_only_a_six_months_plan_is_refused_naming_what_can_be_chosen():
    """By default the 6 months with their plan are read (above); chosen, the estimate has no plan of the year: refused,
    and the message names the result that has its plan."""
    with pytest.raises(ChoiceAmbiguous) as err:
        _read(["KH 6 tháng 2026", "TH 6 tháng 2026", "Ước TH năm 2026"], [450, 440, 1010], period="Ước TH năm 2026")
    assert str(err.value).endswith(
        "kết quả lấy ở cột F «Ước TH năm 2026» là số liệu cả năm, nhưng bảng không có kế hoạch cả năm; kế hoạch có: "
        "cột D «KH 6 tháng 2026» (6 tháng); chương trình không so kết quả với kế hoạch của kỳ khác: hãy thêm cột kế "
        "hoạch cả năm vào bảng, hoặc sửa tên cột nếu kỳ ghi chưa đúng, hoặc chọn kỳ có kế hoạch cùng kỳ (--period, "
        "hoặc mục «Kỳ» của trang «Cấu hình văn bản»), ví dụ «TH 6 tháng 2026».")


def test_six_months_beside_only_a_quarters_plan_are_refused():
    with pytest.raises(ChoiceAmbiguous, match="cột E «Thực hiện 6 tháng năm 2026» là số liệu 6 tháng, nhưng bảng không "
                                              "có kế hoạch 6 tháng; kế hoạch có: cột D «Kế hoạch quý II/2026» \\(3 tháng\\)"):
        _read(["Kế hoạch quý II/2026", "Thực hiện 6 tháng năm 2026"], [250, 440])


def test_a_result_naming_no_period_beside_plans_of_two_is_refused_unless_the_title_tells():
    heads = ["KH 6 tháng 2026", "KH năm 2026", "Thực hiện"]
    with pytest.raises(ChoiceAmbiguous) as err:
        _read(heads, [450, 1000, 440])
    assert str(err.value) == (
        "Tệp «t.xlsx»: trang «Chỉ tiêu»: cột kết quả F «Thực hiện» không ghi kỳ (6 tháng, cả năm …) mà bảng có kế "
        "hoạch của nhiều kỳ: cột D «KH 6 tháng 2026» (6 tháng), cột E «KH năm 2026» (cả năm); chương trình không so "
        "kết quả với kế hoạch của kỳ khác: hãy ghi rõ kỳ trong tên cột F (ví dụ «Thực hiện 6 tháng năm …» hoặc "
        "«Thực hiện năm …»), hoặc cho biết kỳ của cột F bằng --period (hoặc mục «Kỳ» của trang «Cấu hình văn bản»): "
        "--period \"6 tháng\" hoặc --period \"cả năm\".")
    t = _read(heads, [450, 1000, 440], title="BÁO CÁO KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2026")
    assert t.columns["target"] == 3


@pytest.mark.parametrize("period,target,plan", [("cả năm", 4, 1000), ("6 tháng", 3, 450), ("6 tháng đầu năm", 3, 450)])
def test_period_says_which_span_a_result_naming_none_is(period, target, plan):
    """The remedy the refusal above offers: --period naming a span no column names is the span of the one result
    column that names none, and that result is set against the plan of that span (the 6 months' 450 or the year's
    1.000); the document then names that span (Table.period)."""
    t = _read(["KH 6 tháng 2026", "KH năm 2026", "Thực hiện"], [450, 1000, 440], period=period)
    assert (t.columns["target"], t.columns["result"], t.indicators[0].target.value) == (target, 5, plan)
    assert t.period == period


def test_a_long_term_goal_is_no_plan_to_pair():
    """«Mục tiêu 6 tháng» is a goal, below a year's plan (_plan_rank): the year's estimate keeps the year's plan."""
    t = _read(["Kế hoạch năm 2026", "Mục tiêu 6 tháng 2026", "Ước thực hiện năm 2026"], [1000, 450, 1010])
    assert (t.columns["target"], t.columns["result"]) == (3, 5)


def _groups_book(path, subs, values):
    """Areas «Toàn huyện» D:G and «Xã A» H:K, each over `subs`; STT, name, unit and agency merged down."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append([TITLE])
    ws.append(["STT", "Chỉ tiêu", "ĐVT", "Toàn huyện", None, None, None, "Xã A", None, None, None, "Cơ quan chủ trì"])
    ws.append([None, None, None, *subs, *subs, None])
    ws.append([1, "Thu ngân sách nhà nước", "Tỷ đồng", *values, "Sở Tài chính"])
    for m in ("A2:A3", "B2:B3", "C2:C3", "D2:G2", "H2:K2", "L2:L3"):
        ws.merge_cells(m)
    wb.save(path)
    return path


def test_area_groups_pair_the_plan_of_the_period_within_the_group(tmp_path):
    """«KH 6 tháng | TH 6 tháng | KH năm | ƯTH năm» under each area: «ƯTH năm» names the year in a word; the whole
    district's estimate (1.010) against its year's plan (1.000) — it was against its 6 months' (450): «Vượt 224%»."""
    path = _groups_book(tmp_path / "g.xlsx", ["KH 6 tháng", "TH 6 tháng", "KH năm", "ƯTH năm"],
                        [450, 440, 1000, 1010, 45, 44, 100, 101])
    t = read_workbook(path)
    assert (t.group, t.columns["target"], t.columns["result"]) == ("Toàn huyện", 5, 6)
    assert check(t).attainment.assessments[0].ratio == Decimal("101.0")
    t = read_workbook(path, group="Xã A")
    assert (t.columns["target"], t.columns["result"], t.indicators[0].target.value) == (9, 10, 100)


# ------------------------------------------------------------------------------------------- any wording, any order

PLAN6 = ["Kế hoạch 6 tháng năm 2026", "KH 6T/2026", "Kế hoạch sáu tháng đầu năm 2026", "KH nửa đầu năm 2026",
         "Kế hoạch 1-6/2026"]
RES6 = ["Thực hiện 6 tháng năm 2026", "TH 6T/2026", "Thực hiện sáu tháng đầu năm 2026", "Ước TH nửa đầu năm 2026",
        "Thực hiện 1-6/2026", "Thực hiện đến 30/6/2026"]
PLAN12 = ["Kế hoạch năm 2026", "KH năm 2026", "KH cả năm 2026", "Chỉ tiêu giao năm 2026"]
RES12 = ["Ước thực hiện năm 2026", "Ước TH cả năm 2026", "Thực hiện năm 2026", "Ước thực hiện tháng 1-12/2026",
         "Ước thực hiện năm 2026 (6T đầu năm + ước 6T cuối năm)"]


@settings(max_examples=60, deadline=None)
@given(st.permutations(list(FIGURES)), st.sampled_from(PLAN6), st.sampled_from(RES6), st.sampled_from(PLAN12),
       st.sampled_from(RES12))
def test_any_wording_in_any_order_pairs_each_result_with_its_periods_plan(order, plan6, res6, plan12, res12):
    """Whatever the order of the four columns and however each names its period, the year's estimate (1.010) is read
    beside the year's plan (1.000), and the 6 months chosen by their whole label (440) beside their plan (450)."""
    label = {"plan6": plan6, "res6": res6, "plan12": plan12, "res12": res12}
    heads, values = [label[k] for k in order], [FIGURES[k] for k in order]
    first = _read(heads, values).indicators[0]
    assert (first.target.value, first.result) == (1000, 1010)
    first = _read(heads, values, period=res6).indicators[0]
    assert (first.target.value, first.result) == (450, 440)


def test_the_signed_report_states_the_years_plan(tmp_path):
    """The report of rev8 L1e said «kế hoạch 450 tỷ đồng, đạt 224,4%»: the year's plan and ratio, in the sentence and
    in the appendix's plan column."""
    from helpers import docx_paragraphs, run_cli
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    for row in _grid(L1E, L1E_VALUES).rows:
        ws.append(row)
    src, out = tmp_path / "L1e.xlsx", tmp_path / "bc.docx"
    wb.save(src)
    proc = run_cli("render", "bao-cao", src, "-o", out)
    assert proc.returncode == 0, proc.stderr
    text = "\n".join(docx_paragraphs(out)).replace("\xa0", " ")   # (a figure and its unit kept on one line)
    assert "Thu ngân sách nhà nước: ước thực hiện 1.010 tỷ đồng, kế hoạch 1.000 tỷ đồng, đạt 101,0% kế hoạch" in text
    assert "224,4" not in text and "450" not in text and "Kế hoạch năm 2026" in text


@pytest.mark.parametrize("heads", [["Kế hoạch 2021-2025", "TH 6 tháng năm 2020", "Năm 2020", "Thực hiện năm 2025"],
                                   ["Kế hoạch 2021-2025", "Năm 2020", "TH 6 tháng năm 2020", "Thực hiện năm 2025"]])
def test_a_plan_over_years_grows_from_the_whole_year_before_never_its_six_months(heads):
    """«Tăng 10%» a year over 2021–2025 from 2020: 1.000 in 2020 to 1.610,51 in 2025 is 1,1^5, exactly 10% a year:
    «Đạt». The base was the 6 months of 2020 (400) when «Năm 2020» was taken as the previous year: «tăng bình quân
    32,1%/năm», «Vượt»."""
    values = {"Kế hoạch 2021-2025": "Tăng 10%", "TH 6 tháng năm 2020": 400, "Năm 2020": 1000,
              "Thực hiện năm 2025": 1610.51}
    rows = [["CÁC CHỈ TIÊU GIAI ĐOẠN 2021-2025"], ["STT", "Chỉ tiêu", "Đơn vị tính", *heads, "Cơ quan chủ trì"],
            ["1", "Tổng sản phẩm trên địa bàn (GRDP)", "Tỷ đồng", *[values[h] for h in heads], "Sở Tài chính"]]
    t = read_workbook(Grid(sheet="S", rows=rows))
    assert (t.indicators[0].growth_base, t.indicators[0].growth_period) == (1000, (5, 2021, 2025))
    assert check(t).attainment.assessments[0].status == "dat"


@pytest.mark.parametrize("label,span", [("ƯTH năm", 12), ("Toàn huyện Thực hiện năm", 12), ("Ước thực hiện năm", 12),
                                        ("Xã Nam Sơn Thực hiện", 6), ("Hà Nam TH", 6), ("Thực hiện", 6)])
def test_a_result_label_names_the_year_by_its_word_never_a_places_nam(label, span):
    """Under a title of 6 months, «năm» after a result's word is the year's; a commune's «Nam» is no year: such a
    column is the title's 6 months (it was read as the year's, and refused beside a plan of 6 months)."""
    from kh_excel.core.periods import result_label_span
    assert result_label_span(label, ["BÁO CÁO KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2026"]) == span
