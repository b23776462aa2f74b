"""Review r1/r2 classes (ranks, the report sentence, a period growth target), with values worked by hand."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from kh_excel.core.attainment import assess, not_met_detail, summarise
from kh_excel.core.direction import infer_direction, is_rank
from kh_excel.core.model import EMPTY_TARGET, Indicator
from kh_excel.core.numbers import parse_target


def row(target, result, name="Chỉ tiêu thử", unit="Tỷ đồng", previous=None, stt="1", kind="indicator",
        r=10, section="I", exact_result=None) -> Indicator:
    t = parse_target(target) if target != "" else EMPTY_TARGET
    d, why = infer_direction(name, unit, t, "")
    ind = Indicator(row=r, kind=kind, stt=stt, name=name, unit=unit, target=t, section=section,
                    result=None if result is None else D(str(result)), direction=d, direction_reason=why,
                    previous=None if previous is None else D(str(previous)), lead=["Sở Nội vụ"])
    if exact_result is not None:
        ind.exact["result"] = D(exact_result)
    return ind


# ------------------------------------------------------------------ ranks: lower is better

@pytest.mark.parametrize("name,unit,rank", [
    ("Xếp hạng chỉ số cải cách hành chính (PAR INDEX)", "Hạng", True),
    ("Chỉ số PCI", "Bậc", True),
    ("Chỉ số hài lòng (SIPAS)", "Thứ", True),
    ("Chỉ số PCI", "Thứ hạng/63", True),
    ("Thứ hạng chỉ số PAPI", "", True),
    ("Xếp hạng chỉ số PCI", "Điểm", False),       # a score, not a place
    ("Chỉ số PCI", "Điểm", False),
    ("Hàng hóa xuất khẩu", "Hàng", False),         # «Hàng» is not «Hạng»
    ("Số doanh nghiệp", "DN", False),
])
def test_rank_is_told_by_unit_or_name(name, unit, rank):
    assert is_rank(name, unit) is rank


def test_rank_beyond_plan_is_vuot_and_grows_in_places():
    # PAR INDEX: plan 20th, result 18th, previous year 30th: 18 beats 20 (Vượt KH); up 30 − 18 = 12 places
    a = assess(row(20, 18, "Xếp hạng chỉ số cải cách hành chính (PAR INDEX)", "Hạng", previous=30))
    assert a.indicator.direction == "down" and "thứ hạng" in a.indicator.direction_reason
    assert a.status == "vuot"
    assert a.growth == 12 and a.growth_unit == "bậc" and a.growth_kind == "yoy"
    # fell from 15th to 22nd against a plan of 20th: Không đạt, −7 places
    b = assess(row(20, 22, "Xếp hạng chỉ số PCI", "Hạng", previous=15))
    assert b.status == "khong_dat" and b.growth == -7 and b.growth_unit == "bậc"
    assert not_met_detail(b) == "(xếp thứ 22, kế hoạch thứ 20)"
    assert assess(row(20, 20, "Xếp hạng PCI", "Hạng")).status == "dat"


# ------------------------------------------------------------------ the report sentence

def test_not_met_detail_never_misleads():
    # a failing ceiling: 120 against «không quá 100» would read «đạt 120,0% KH», an overachievement
    ceiling = assess(row("tối đa 100", 120, "Nhập siêu", "Triệu USD"))
    assert ceiling.status == "khong_dat"
    assert not_met_detail(ceiling) == "(thực hiện 120 triệu USD, kế hoạch không quá 100 triệu USD)"
    point_ceiling = assess(row(100, 120, "Nhập siêu", "Triệu USD"))
    assert not_met_detail(point_ceiling) == "(thực hiện 120 triệu USD, kế hoạch 100 triệu USD)"
    # 276,028455 against 276,03 is short by 0,0015: the ratio 99,9994 rounds to 100,0 — show the figures,
    # with the decimals that tell them apart (276,028 vs 276,030 at three)
    close = assess(row("276,03", "276.0", exact_result="276.028455"))
    assert close.status == "khong_dat"
    assert not_met_detail(close) == "(thực hiện 276,028 tỷ đồng, kế hoạch 276,03 tỷ đồng)"
    # a plain amount with 45 of 50: the ratio 90,0 is kept
    assert not_met_detail(assess(row(50, 45))) == "(đạt 90,0% KH)"
    # 99,94 still says «đạt 99,9% KH»
    assert not_met_detail(assess(row(10000, 9994))) == "(đạt 99,9% KH)"
    # a burden in ‰: result and plan, the sign written against the number
    infant = assess(row(12, 13, "Tỷ suất tử vong trẻ em dưới 1 tuổi", "‰"))
    assert not_met_detail(infant) == "(thực hiện 13‰, kế hoạch 12‰)"


def test_sentence_names_the_parent_of_a_sub_row():
    rows = [
        row("", None, "1.3.Ngô", "", stt="8", r=15),
        row(50, 45, "- Năng suất", "Tạ/Ha", stt="10", r=17),          # STT only counts rows: the mark is in the name
        row("", None, "1.1.2.Lúa hè thu", "", stt="12", r=19),
        row(60, 30, "- Năng suất", "Tạ/Ha", stt="14", r=21),
        row(1000, 900, "Tổng giá trị SX", stt="1", r=30, section="II"),
        row(300, 310, "* Khu vực công nghiệp, XD", stt="", kind="subrow", r=31, section="II"),
        row(200, 150, "+ Công nghiệp - TTCN", stt="", kind="subrow", r=32, section="II"),
        row(100, 80, "Trong đó: doanh nghiệp có vốn FDI", stt="", kind="subrow", r=33, section="II"),
    ]
    s = summarise([assess(r) for r in rows], 2020)
    assert s.sentence.startswith("Năm 2020, có 1/6 chỉ tiêu đạt và vượt kế hoạch; 5 chỉ tiêu không đạt kế hoạch, gồm: ")
    assert "(1) Năng suất (Ngô) (đạt 90,0% KH)" in s.sentence
    assert "(2) Năng suất (Lúa hè thu) (đạt 50,0% KH)" in s.sentence
    assert "(3) Tổng giá trị SX (đạt 90,0% KH)" in s.sentence
    assert "(4) Công nghiệp - TTCN (Khu vực công nghiệp, XD) (đạt 75,0% KH)" in s.sentence
    assert "(5) Doanh nghiệp có vốn FDI (Công nghiệp - TTCN) (đạt 80,0% KH)" in s.sentence
    assert "- Năng suất" not in s.sentence


# ------------------------------------------------------------------ a growth target over a plan period

def test_period_growth_says_it_is_an_average_yearly_growth():
    # «KH NQ 2016-2020: Tăng 11-12%» on 2.500 (2015) -> 4.000 (2020): (4000/2500)^(1/5) = 1,0986 -> 9,86%/năm
    ind = row("Tăng 11-12%", 4000, "Tổng giá trị sản xuất", "Tỷ đồng", previous=3900)
    ind.growth_target, ind.growth_base, ind.growth_period = True, D(2500), (5, 2016, 2020)
    a = assess(ind)
    assert a.growth_kind == "avg_yearly" and a.growth_base_year == 2015 and a.growth_period == (2016, 2020)
    assert a.growth == pytest.approx(D("9.856"), abs=D("0.001")) and a.growth_unit == "%"
    assert a.status == "khong_dat"
    assert not_met_detail(a) == "(tăng 9,9%/năm bình quân giai đoạn 2016–2020, kế hoạch tăng từ 11 đến 12%)"
    # a one-year growth target is against the previous year
    one = row("Tăng 10%", 54000, "Tổng mức bán lẻ", "Tỷ đồng", previous=50000)
    one.growth_target = True
    b = assess(one)
    assert b.growth_kind == "yoy" and b.growth_base_year is None and b.growth == 8
    assert not_met_detail(b) == "(tăng 8,0%, kế hoạch tăng 10%)"


# ------------------------------------------------------------------ structures

def test_structure_parts_and_head(tmp_path):
    import openpyxl

    import kh_excel
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    ws.append(["BIỂU CHỈ TIÊU NĂM 2026"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"])
    for r in [
        ["1", "Cơ cấu kinh tế", "%", 100, 100, "Sở Tài chính"],
        ["-", "Nông, lâm nghiệp và thủy sản", "%", 20, 19, None],      # 5% off «khoảng 20»: Không đạt
        ["-", "Công nghiệp - xây dựng", "%", 36, 36.5, None],          # within ±2%: Đạt
        ["-", "Dịch vụ", "%", 44, 44.5, None],                         # within ±2%: Đạt
        ["2", "Cơ cấu lao động", "%", 100, 100, "Sở Nội vụ"],
        ["-", "Nông, lâm nghiệp và thủy sản", "%", 50, 45, None],      # agricultural labour share: lower is better
        ["-", "Công nghiệp - xây dựng", "%", 25, 28, None],            # 12% off «khoảng 25»: Không đạt
        ["-", "Dịch vụ", "%", 25, 27, None],                           # 8% off: Không đạt
        ["3", "Cơ cấu dân số", "%", 100, 100, "Sở Y tế"],
        ["-", "Tỷ lệ hộ nghèo", "%", 4, 3, None],                      # a burden keeps its direction: 3 < 4 Vượt
        ["-", "Nhóm còn lại", "%", 96, 97, None],                      # within ±2%: Đạt
    ]:
        ws.append(r)
    path = tmp_path / "co_cau.xlsx"
    wb.save(path)
    att = kh_excel.evaluate(kh_excel.read_workbook(path))
    got = {a.indicator.row: (a.indicator.direction, a.status) for a in att.assessments}
    assert got == {
        3: ("up", "khong_dat"), 4: ("about", "khong_dat"), 5: ("about", "dat"), 6: ("about", "dat"),
        7: ("up", "khong_dat"), 8: ("down", "vuot"), 9: ("about", "khong_dat"), 10: ("about", "khong_dat"),
        11: ("up", "dat"), 12: ("down", "vuot"), 13: ("about", "dat"),
    }
    by_row = {a.indicator.row: a for a in att.assessments}
    assert "lao động nông nghiệp" in by_row[8].indicator.direction_reason
    assert "mọi thành phần" in by_row[3].reason
    s = att.summary
    # a structure with its parts is ONE indicator (as the documents count it): kinh tế (a part off) and lao động
    # (two parts off) not met, dân số (Vượt + Đạt) met: 1/3; the parts keep their own status above
    assert s.evaluated == 3 and s.counts["vuot"] + s.counts["dat"] == 1
    assert s.sentence.startswith("Năm 2026, có 1/3 chỉ tiêu đạt và vượt kế hoạch; 2 chỉ tiêu không đạt kế hoạch, gồm: "
                                 "(1) Cơ cấu kinh tế (nông, lâm nghiệp và thủy sản thực hiện 19%, kế hoạch 20%); "
                                 "(2) Cơ cấu lao động (công nghiệp - xây dựng thực hiện 28%, kế hoạch 25%; "
                                 "dịch vụ thực hiện 27%, kế hoạch 25%)"), s.sentence


def test_rank_plan_in_places_climbed():
    # «Tăng 3 bậc»: climbing 5 places (written, or 30th -> 25th) is Vượt, 3 is Đạt, 1 is Không đạt
    pci = "Xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)"
    written = row("Tăng 3 bậc", None, pci, "Bậc")
    written.result_text = "Tăng 5 bậc"
    a = assess(written)
    assert a.status == "vuot" and a.growth == 5 and a.growth_unit == "bậc"
    assert assess(row("Tăng 3 bậc so với năm 2025", 25, pci, "Bậc", previous=28)).status == "dat"
    low = assess(row("Tăng 3 bậc", 29, pci, "Bậc", previous=30))
    assert low.status == "khong_dat" and low.growth == 1
    assert not_met_detail(low) == "(tăng 1 bậc, kế hoạch tăng 3 bậc)"
    fell = assess(row("Tăng ít nhất 2 bậc", 32, pci, "Bậc", previous=30))
    assert fell.status == "khong_dat" and fell.growth == -2
    assert assess(row("Tăng ít nhất 2 bậc", 28, pci, "Bậc", previous=30)).status == "dat"
    # no previous place and a bare figure: nothing to compare
    assert assess(row("Tăng 3 bậc", 25, pci, "Bậc")).status == "khong_danh_gia"
