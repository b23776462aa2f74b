"""Sentences that must say what the sheet says (review r1/r2): results written as text, failed structures,
numbers in signed text, growth over a period, ranks, burdens that rose, plans of 0. Expected sentences are
worked out by hand from the rows below; «~» stands for the non-breaking space between a number and its unit.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kh_excel.core.attainment import assess
from kh_excel.core.direction import infer_direction
from kh_excel.core.model import Assessment, Indicator
from kh_excel.core.numbers import parse_result_text
from kh_excel.docs import context as C
from kh_excel.docs import wording as W

from test_wording import NB, D, T  # the same small builders of numbers and targets


def row(name, unit, target, result=None, previous=None, *, kind="indicator", stt="1", row_=8, parent=None,
        result_text="", **kw):
    direction, reason = infer_direction(name, unit, target)
    return Indicator(row=row_, kind=kind, stt=stt, name=name, unit=unit, target=target,
                     result=None if result is None else D(result), result_text=result_text,
                     result_reading=parse_result_text(result_text) if result_text else None,
                     previous=None if previous is None else D(previous), direction=direction,
                     direction_reason=reason, parent_row=parent, **kw)


def nb(s: str) -> str:
    return s.replace("~", NB)


# ------------------------------------------------------------------ 1. a result written as text

@pytest.mark.parametrize("name, unit, target, text, phrase", [
    ("Tốc độ tăng trưởng kinh tế (GRDP)", "%", T("Trên 8", ">", 8), "Trên 8",
     "thực hiện trên 8%, kế hoạch trên 8%"),
    ("Tốc độ tăng trưởng GRDP", "%", T("8 - 8,5", "range", 8, 8.5), "61-62",
     "thực hiện từ 61 đến 62%, kế hoạch từ 8 đến 8,5%"),
    ("Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", T("23", "=", 23), "Khoảng 24",
     "thực hiện khoảng 24~tỷ~đồng, kế hoạch 23~tỷ~đồng"),
])
def test_a_result_written_as_text_is_in_the_sentence(name, unit, target, text, phrase):
    a = assess(row(name, unit, target, result_text=text))
    assert a.status in ("dat", "vuot")  # judged met: the sentence must give the figure, never «chưa có số liệu»
    assert W.result_phrase(a) == nb(phrase)
    assert "chưa có số liệu" not in W.items([a])[0].result


def test_counts_equal_the_items_that_say_so():
    """«chưa có số liệu» is written exactly for the items counted as such (r2 item 3: 1 counted, 2 written)."""
    rows = [row("Tốc độ tăng trưởng kinh tế (GRDP)", "%", T("Trên 8", ">", 8), result_text="Trên 8", row_=8),
            row("Số xã đạt chuẩn nông thôn mới", "Xã", T("90", "=", 90), row_=9, stt="2"),
            row("Tỷ lệ che phủ rừng", "%", T("55 - 56", "range", 55, 56), result_text="55,4[2]", row_=10, stt="3")]
    entries = W.items([assess(r) for r in rows])
    said = [e for e in entries if "chưa có số liệu" in e.result]
    assert [e.rows for e in said] == [[9]]
    assert [e.status for e in entries].count("chua_co_so_lieu") == 1
    sentence, counts = C._summary_sentence(entries, 2025)
    assert counts["chua_co_so_lieu"] == 1 and "1 chỉ tiêu chưa có số liệu" in sentence


# ------------------------------------------------------------------ 2. a structure whose total failed

def _structure(total_failed: bool) -> list[Assessment]:
    head = row("Cơ cấu kinh tế", "%", T("100", "=", 100), None if total_failed else 100, row_=8, stt="2")
    parts = [row(n, "%", T(str(p), "=", p), r, kind="subrow", stt="-", row_=9 + i, parent=8)
             for i, (n, p, r) in enumerate([("Nông, lâm nghiệp và thủy sản", 19.5, 19.2),
                                             ("Công nghiệp - xây dựng", 36, 36.5), ("Dịch vụ", 44.5, 44.3)])]
    out = [assess(head), *(assess(p) for p in parts)]
    if total_failed:  # the gate's verdict on F8 = #N/A
        out[0] = Assessment(head, "so_lieu_loi", None, "ô F8 lỗi #N/A")
    return out


def test_a_structure_whose_total_failed_is_not_met():
    entries = W.items(_structure(True))
    assert len(entries) == 1
    assert entries[0].status == "so_lieu_loi"
    assert entries[0].result == "Cơ cấu kinh tế: số liệu lỗi"
    _, counts = C._summary_sentence(entries, 2025)
    assert counts["dat"] + counts["vuot"] == 0 and counts["so_lieu_loi"] == 1


def test_a_structure_whose_part_failed_is_not_met():
    pa = _structure(False)
    pa[2] = Assessment(pa[2].indicator, "so_lieu_loi", None, "ô F10 lỗi")
    e = W.items(pa)[0]
    assert e.status == "so_lieu_loi"
    assert "công nghiệp - xây dựng số liệu lỗi" in e.result


# ------------------------------------------------------------------ 3. numbers in signed text

def test_points_keep_the_decimals_the_sheet_shows():
    # gtsx row: 40,20 -> 42,40 shown; stored 42,402822823804 -> «tăng 2,20 điểm %», never 2,202822823804
    ind = row("Khu vực nông, lâm, thủy sản", "%", T("42", "=", 42), "42.40", "40.20")
    ind.exact["result"] = D("42.402822823804")
    a = assess(ind)
    assert C.growth_text(a, 2019) == "tăng 2,20 điểm % so với năm 2019"
    ind2 = row("Tỷ lệ che phủ rừng", "%", T("55", "=", 55), "55.4", "55")
    assert C.growth_text(assess(ind2), None) == "tăng 0,4 điểm % so với năm trước"


def test_a_far_off_result_gives_no_ratio_and_no_growth():
    # plan 29,10 (nghìn người typed as người) against 34.285: ×1.178 -> a unit error, no «đạt 117.817,9% kế hoạch»
    a = assess(row("Dân số trung bình", "Người", T("29,10", "=", "29.10"), 34285, 34000))
    assert W.result_phrase(a, C.growth_text(a, 2019)) == nb(
        "thực hiện 34.285~người, kế hoạch 29,10~người, tăng 0,84% so với năm 2019")
    # don_duong: 1.000 -> 1.541.578 against the previous year: no «tăng 154.057,80%»
    b = assess(row("Đàn gà", "Con", T("800.000", "=", 800000), 1541578, 1000))
    assert C.growth_text(b, 2019) == ""
    assert W.result_phrase(b, C.growth_text(b, 2019)) == nb(
        "thực hiện 1.541.578~con, kế hoạch 800.000~con, đạt 192,7% kế hoạch")


def test_a_result_not_yet_filled_states_no_change():
    # da_huoai: «Khu vực dịch vụ» 581,1 last year, 0,0 this year against a plan of 660,4: not «giảm 100,00%»
    a = assess(row("Khu vực dịch vụ", "Tỷ đồng", T("660,4", "=", "660.4"), 0, "581.1"))
    assert a.status == "chua_co_so_lieu" and C.growth_text(a, 2019) == ""


def test_a_plan_of_zero_is_never_a_target():
    ind = row("Tỷ lệ đô thị hóa", "%", T("0", "=", 0), 31, 30)
    a = assess(ind)
    assert C._plan_entries([a]) == []  # not written as «đạt 0%» in a plan, programme or letter
    assert W.result_phrase(a) == "thực hiện 31%, kế hoạch ghi 0% (không giao chỉ tiêu)"


# ------------------------------------------------------------------ 4. growth, ranks, burdens

def test_a_period_plan_is_an_average_yearly_growth():
    # base 2015 = 1.000, 2020 = 1.610,51: (1,61051)^(1/5) − 1 = 10,00%/năm; the 2019 column (1.500) is not used
    ind = row("Tổng giá trị sản xuất (giá 2010)", "Tỷ đồng", T("Tăng 11-12%", "range", 11, 12), "1610.51", 1500,
              growth_target=True, growth_base=D(1000), growth_period=(5, 2016, 2020))
    a = assess(ind)
    assert W.plan_sentence(ind) == ("Tổng giá trị sản xuất (giá 2010): tăng bình quân từ 11 đến 12%/năm "
                                    "giai đoạn 2016–2020")
    g = C.growth_text(a, 2019)
    assert g == "tăng bình quân 10,00%/năm giai đoạn 2016–2020"
    assert W.result_phrase(a, g) == nb("thực hiện 1.610,51~tỷ~đồng, tăng bình quân 10,00%/năm giai đoạn 2016–2020, "
                                       "kế hoạch tăng bình quân từ 11 đến 12%/năm giai đoạn 2016–2020")
    assert "so với năm 2019" not in W.result_phrase(a, g)


def test_a_rank_changes_in_places():
    a = assess(row("Xếp hạng chỉ số cải cách hành chính (PAR INDEX)", "Hạng", T("20", "=", 20), 18, 30))
    assert C.growth_text(a, 2024) == "tăng 12 bậc so với năm 2024"  # 30 -> 18: a smaller number is better
    b = assess(row("Xếp hạng chỉ số PCI", "Bậc", T("20", "=", 20), 25, 22))
    assert C.growth_text(b, None) == "giảm 3 bậc so với năm trước"


def test_a_burden_that_rose_is_not_down_to_it():
    cpi = row("Chỉ số giá tiêu dùng (CPI) tăng", "%", T("<4", "<", 4), 4.5, 3.6)
    assert cpi.direction == "down"
    assert W.plan_sentence(cpi) == "Chỉ số giá tiêu dùng (CPI) tăng dưới 4%"
    # the name says its figure is the rise (rev20 R20-13): «tăng 4,5%», never «còn»
    assert W.result_phrase(assess(cpi)) == "tăng 4,5%, kế hoạch dưới 4%"
    poor = row("Tỷ lệ hộ nghèo", "%", T("<4", "<", 4), 4.1, 3.9)  # rose 3,9 -> 4,1: not «còn»
    assert W.result_phrase(assess(poor)) == "thực hiện 4,1%, kế hoạch dưới 4%"
    fell = row("Tỷ lệ hộ nghèo", "%", T("<4", "<", 4), 4.1, 5.2)
    assert W.result_phrase(assess(fell)) == "còn 4,1%, kế hoạch dưới 4%"
    child = row("Tỷ suất tử vong trẻ em dưới 1 tuổi", "‰", T("12", "=", 12), 13, 12.5)
    assert W.result_phrase(assess(child)).startswith("thực hiện 13‰")


# ------------------------------------------------------------------ 5. sub-rows under their real parent

def test_sub_rows_are_named_under_their_real_parent():
    """gtsx rows 5-8, 100-105: marks typed in the names, STT empty. «+ XÂY DỰNG» belongs to «- CÔNG NGHIỆP - TTCN»
    (never to «Hoạt động lâm nghiệp», an unmarked row of another branch); «- Lúa» to the heading «+ TRỒNG TRỌT»;
    a sector written under two indicators names its indicator in full."""
    def sub(r, name, target=None, result=1):
        return row(name, "Tỷ đồng", target or T(""), result, kind="subrow", stt="", row_=r, parent=5)
    rows = [row("TỔNG GIÁ TRỊ SX (GIÁ 2010)", "Tỷ đồng", T(""), 2883, row_=5),
            sub(6, "KHU VỰ NÔNG LÂM THỦY SẢN"), sub(7, "- NÔNG NGHIỆP"), sub(8, "+ TRỒNG TRỌT"), sub(9, "- Lúa"),
            sub(10, "- Bắp"), sub(60, "Hoạt động lâm nghiệp"), sub(100, "- CÔNG NGHIỆP - TTCN"),
            sub(101, "+ CÔNG NGHIỆP - TTCN"), sub(102, "+ XÂY DỰNG", T("325,90", "=", "325.90"), 623),
            row("TỔNG GIÁ TRỊ SX (THỰC TẾ)", "Tỷ đồng", T(""), 5000, row_=104, stt="2"),
            replace(sub(105, "KHU VỰ NÔNG LÂM THỦY SẢN"), parent_row=104)]
    names = {e.rows[0]: e.result.split(":", 1)[0] for e in W.items([assess(r) for r in rows])}
    assert names[102] == "Xây dựng (Công nghiệp - TTCN)"
    assert names[9] == "Lúa (Trồng trọt)" and names[10] == "Bắp (Trồng trọt)"
    assert names[8] == "Trồng trọt (Nông nghiệp)"
    assert names[6] == "Khu vự nông lâm thủy sản (Tổng giá trị sản xuất, giá 2010)"
    assert names[105] == "Khu vự nông lâm thủy sản (Tổng giá trị sản xuất, thực tế)"


def test_an_empty_stt_stays_empty_in_the_appendix():
    rows = [row("Số doanh nghiệp thành lập mới", "DN", T("1200", ">=", 1200), 1150, row_=17, stt="8"),
            row("Trong đó: doanh nghiệp có vốn đầu tư nước ngoài", "DN", T("12", "=", 12), 15, kind="subrow", stt="",
                row_=18, parent=17)]
    from kh_excel.core.model import Table
    table = Table(file="t.xlsx", sheet="S", columns={"stt": 0, "name": 1, "unit": 2, "target": 3, "result": 4},
                  column_headers={}, header_rows=[5], first_data_row=6, last_data_row=18, title_lines=[], sections=[],
                  indicators=rows)
    hang = C._appendix_rows(table, [assess(r) for r in rows])
    assert [(h["stt"], h["gop_stt"]) for h in hang] == [("8", ""), ("", "")]


# ------------------------------------------------------------------ 6. gaps the data does not fill

def test_a_document_without_settings_marks_place_province_and_signer_for_the_author():
    """A real workbook has no settings sheet and no province in its title (gtsx): the header, the place and the
    signer are highlighted «[…]» gaps, never «TỈNH» alone, «, ngày …» or a signature with no name."""
    import kh_excel
    table = kh_excel.read_workbook("tests/data/real/gtsx_huyen_2015_2025.xlsx")
    # made in 2020, the year of its figures: the gaps offer the levels of that time (tỉnh, huyện)
    c = C.build_context(kh_excel.evaluate(table), None, "bao-cao", today=date(2020, 12, 15))
    province, place, signer = c["cq"]["ban_hanh"][1], c["vb"]["dia_danh_ngay"], c["ky"][0]["ho_ten"]
    for value, gap in ((province, "[TÊN TỈNH/HUYỆN]"), (place, "[Địa danh]"), (signer, "[Họ và tên người ký]")):
        assert gap in value and f'<w:highlight w:val="{C.HIGHLIGHT}"/>' in value
    # a district's table (gtsx_huyen): the level is not written in, it is part of the gap, lit where it stands
    assert "TỈNH" not in province.replace("[TÊN TỈNH/HUYỆN]", "") and "<w:b/>" in province  # the line keeps its bold
    assert c["cq"]["ten"] == "Ủy ban nhân dân [tỉnh/huyện]"
    (mo_dau,) = c["nd"]["mo_dau"]
    assert "[tỉnh/huyện]" in mo_dau and f'<w:highlight w:val="{C.HIGHLIGHT}"/>' in mo_dau
    assert place.count("[Địa danh]") == 1 and ", ngày" in place and place.endswith("năm 2020")
    assert C.marked_part("Lào Cai, ngày 03 tháng 02 năm 2026") == "Lào Cai, ngày 03 tháng 02 năm 2026"


@pytest.mark.parametrize("title, found", [
    ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2026 TỈNH LÀO CAI", ("TỈNH", "LÀO CAI")),
    ("CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2020 HUYỆN ĐƠN DƯƠNG", ("HUYỆN", "ĐƠN DƯƠNG")),
    ("CHỈ TIÊU NĂM 2026 THÀNH PHỐ HUẾ", ("THÀNH PHỐ", "HUẾ")),
    # a form's stand-in is no place: never «X, ngày …»
    ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2026 TỈNH X", None),
    ("CHỈ TIÊU NĂM 2026 TỈNH XXX", None),
    ("CHỈ TIÊU NĂM 2026 TỈNH …", None),
])
def test_the_place_and_level_come_from_the_title_only_when_it_names_them(title, found):
    assert C.province_from_titles([title]) == found


def test_a_companion_indicator_under_a_numbered_item_is_named_alone(tmp_path):
    """Resolutions group several indicators under one number (17 | «Tỷ lệ lao động nông nghiệp …», then unnumbered
    «Tỷ lệ bao phủ bảo hiểm y tế», «Số giường bệnh trên 1 vạn dân»). The report wrote «Tỷ lệ bao phủ bảo hiểm y tế
    (Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội)»: a relation the table does not state. Seed 004 names
    such a row alone. A short part («Diện tích», «Năng suất») and a marked one keep their indicator's name."""
    import openpyxl

    from kh_excel.api import read_workbook
    from kh_excel.core.gate import check
    from kh_excel.docs import wording as W
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026"])
    for row in (["17", "Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội", "%", 48.5, 48],
                [None, "Tỷ lệ bao phủ bảo hiểm y tế", "%", ">95", 95.3],
                [None, "Số giường bệnh trên 1 vạn dân", "Giường", 43, 42],
                ["18", "Sản xuất lúa", "Ha", 1000, 1010],
                [None, "Diện tích", "Ha", 1000, 1010],
                ["19", "Sản xuất ngô", "Tấn", 500, 510],
                ["-", "Năng suất bình quân cả năm", "Tạ/ha", 55, 56]):
        ws.append(row)
    wb.save(tmp_path / "t.xlsx")
    items = W.items(check(read_workbook(tmp_path / "t.xlsx")).attainment.assessments, W.growth_words)
    names = [e.result.split(":")[0] for e in items]
    assert "Tỷ lệ bao phủ bảo hiểm y tế" in names and "Số giường bệnh trên 1 vạn dân" in names
    assert "Diện tích (Sản xuất lúa)" in names and "Năng suất bình quân cả năm (Sản xuất ngô)" in names
    assert not any("(Tỷ lệ lao động nông nghiệp" in n for n in names)


def test_a_part_under_an_indicator_keeps_its_indicators_name(tmp_path):
    """rev8 #8: «Khu vực dịch vụ», «Diện tích gieo trồng cả năm», «Mức giảm so với năm trước» say nothing alone: an
    unmarked row is a companion indicator only when its name begins as an indicator's does («Tỷ lệ …», «Số …»)."""
    import openpyxl

    from kh_excel.api import read_workbook
    from kh_excel.core.gate import check
    from kh_excel.docs import wording as W
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026"])
    for row in (["1", "Tốc độ tăng trưởng kinh tế", "%", 7, 7.2],
                [None, "Khu vực dịch vụ", "%", 7, 7.5],
                ["2", "Sản lượng lương thực có hạt", "Nghìn tấn", 300, 290],
                [None, "Diện tích gieo trồng cả năm", "Nghìn ha", 62, 60]):
        ws.append(row)
    wb.save(tmp_path / "t.xlsx")
    items = W.items(check(read_workbook(tmp_path / "t.xlsx")).attainment.assessments, W.growth_words)
    names = [e.result.split(":")[0] for e in items]
    assert "Khu vực dịch vụ (Tốc độ tăng trưởng kinh tế)" in names
    assert "Diện tích gieo trồng cả năm (Sản lượng lương thực có hạt)" in names


def _items(tmp_path, rows) -> list:
    """The report's items of a table of these rows under a plain header (plan and result of 2020)."""
    import openpyxl

    from kh_excel.api import read_workbook
    from kh_excel.core.gate import check
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2020", "Thực hiện năm 2020"])
    for r in rows:
        ws.append(r)
    wb.save(tmp_path / "t.xlsx")
    return W.items(check(read_workbook(tmp_path / "t.xlsx")).attainment.assessments, W.growth_words)


def _item_names(tmp_path, rows) -> list[str]:
    return [e.result.split(":")[0] for e in _items(tmp_path, rows)]


def _item_names_and_results(tmp_path, rows) -> dict[str, str]:
    return dict(e.result.replace("\u00a0", " ").split(": ", 1) for e in _items(tmp_path, rows))


def test_a_row_in_money_under_a_structure_is_no_share_of_it(tmp_path):
    """gtsx_huyen_2015_2025 rows 207–211: «GRDP BQ đầu người» (triệu đồng, plan 30) under «4 | Cơ cấu GTSX» (%, its
    three sectors) was written «GRDP bình quân đầu người (Cơ cấu giá trị sản xuất)»: a per-head income is no share of
    the structure. A % row under it is a share and stays within the structure's sentence."""
    names = _item_names(tmp_path, [
        ["4", "Cơ cấu GTSX", "%", None, 100],
        [None, " - Khu vực Nông, lâm, thủy", "%", 42, 42.4],
        [None, " - Khu vực công nghiệp, XD", "%", 30, 29.7],
        [None, " - Khu vực dịch vụ", "%", 28, 27.9],
        [None, "GRDP BQ đầu người", "Triệu đồng", 30, 72.94]])
    assert "GRDP bình quân đầu người" in names
    assert not any("(Cơ cấu" in n for n in names)


def test_a_part_named_as_in_another_indicator_names_both(tmp_path):
    """gtsx_huyen_2015_2025 rows 100–102 and 199–201: «+ XÂY DỰNG» under «- CÔNG NGHIỆP - TTCN» of «Tổng giá trị sản
    xuất (giá 2010)» and again of «(thực tế)». Both were «Xây dựng (Công nghiệp - TTCN)», two lines of one name with
    different figures: each names its indicator too."""
    names = _item_names(tmp_path, [
        ["1", "TỔNG GIÁ TRỊ SX (GIÁ 2010)", "Tỷ đồng", 2800, 2883],
        [None, "- CÔNG NGHIỆP - TTCN", "Tỷ đồng", None, 1377],
        [None, "     + XÂY DỰNG", "Tỷ đồng", 325.9, 623],
        ["2", "TỔNG GIÁ TRỊ SX (THỰC TẾ)", "Tỷ đồng", 4000, 4100],
        [None, "- CÔNG NGHIỆP - TTCN", "Tỷ đồng", None, 2251],
        [None, "     + XÂY DỰNG", "Tỷ đồng", None, 1051]])
    built = [n for n in names if n.startswith("Xây dựng")]
    assert len(built) == 2 and len(set(built)) == 2, built
    assert any("giá 2010" in n for n in built) and any("thực tế" in n for n in built)


def test_a_row_never_belongs_to_a_row_above_a_sections_heading(tmp_path):
    """da_huoai_2020_tonghop rows 42–46: «9 | Giá trị sản phẩm bình quân/ha đất nông nghiệp», then the sections
    «A | NÔNG NGHIỆP», «I | TRỒNG TRỌT», then «1 | - Lúa» (numbered, marked in its name). The report wrote «Lúa (Giá
    trị sản phẩm bình quân/ha đất nông nghiệp)»: rice is no part of a value per hectare; a heading ends the rows above."""
    names = _item_names(tmp_path, [
        ["9", "Giá trị sản phẩm bình quân/ha đất nông nghiệp", "Triệu/ha", 100, 110],
        ["A", "NÔNG NGHIỆP", None, None, None],
        ["I", "TRỒNG TRỌT", None, None, None],
        ["1", "- Lúa", "Tấn", 500, 520],
        ["2", "- Bắp", "Tấn", 300, 310],
        ["3", "Sản xuất ngô", "Tấn", 500, 510],
        ["-", "Diện tích", "Ha", 55, 56]])
    assert "Lúa" in names and "Bắp" in names, names
    assert not any("(Giá trị sản phẩm" in n for n in names)
    assert "Diện tích (Sản xuất ngô)" in names  # within a section a part still names its indicator


def test_a_plan_and_a_result_of_zero_are_stated_as_written_not_as_an_outcome(tmp_path):
    """da_huoai_2020_tonghop rows 46–74: every crop's plan and result are 0 (formulas over empty cells). The report
    wrote «Lúa: thực hiện 0 tấn, …», an outcome the table does not know; it says what the table writes. A result
    beside a plan of 0 is still stated («thực hiện 0,1 tỷ đồng, kế hoạch ghi 0 tỷ đồng»)."""
    items = _item_names_and_results(tmp_path, [
        ["1", "Sản lượng lúa", "Tấn", 0, 0],
        ["2", "Giá trị dịch vụ nông nghiệp", "Tỷ đồng", 0, 0.1]])
    assert items["Sản lượng lúa"] == "kế hoạch và thực hiện đều ghi 0 tấn (không giao chỉ tiêu)"
    assert items["Giá trị dịch vụ nông nghiệp"].startswith("thực hiện 0,1")
    assert "kế hoạch ghi 0" in items["Giá trị dịch vụ nông nghiệp"]



def test_a_repeated_part_is_named_with_the_row_it_belongs_to_when_that_row_tells_them_apart(tmp_path):
    """rev10 D12 (da_huoai rows 179–210): «Tổng giá trị sản xuất (Giá thực tế)» unmarked under the numbered «… (Giá
    2010)», each with «- Giáo dục đào tạo». The current-price part was named «(…; Tổng giá trị sản xuất, Giá 2010)»:
    the price base of the other block. The row it belongs to says which: «(Tổng giá trị sản xuất, Giá thực tế)»."""
    names = _item_names(tmp_path, [
        ["8", "Tổng giá trị sản xuất (Giá 2010)", "Tỷ đồng", 100, 110],
        [None, "- Giáo dục đào tạo", "Tỷ đồng", 10, 11],
        [None, "Tổng giá trị sản xuất (Giá thực tế)", "Tỷ đồng", 150, 160],
        [None, "- Giáo dục đào tạo", "Tỷ đồng", 15, 16]])
    parts = [n for n in names if n.startswith("Giáo dục")]
    assert parts == ["Giáo dục đào tạo (Tổng giá trị sản xuất, Giá 2010)",
                     "Giáo dục đào tạo (Tổng giá trị sản xuất, Giá thực tế)"], parts
