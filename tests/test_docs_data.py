"""Hand-built tables for the document tests (and checks that they evaluate as intended).

Built as the reader would build them, then judged by the real `evaluate`, so that the
document tests do not depend on a workbook layout and can hold text a workbook cell
rarely holds (line breaks, markup characters, very long names).
"""
from __future__ import annotations

from decimal import Decimal

from kh_excel.core.attainment import evaluate
from kh_excel.core.model import Indicator, Section, Table, Target

TRICKY_NAME = 'Tỷ lệ "A&B" <50% > 10 \'trích\'\nlao động qua đào tạo'
TRICKY_AGENCY = "Sở Văn hóa, Thể thao & Du lịch <VH>"
LONG_TEXT = ("Tổng giá trị sản xuất & dịch vụ <chi tiết> " * 60)[:1999] + "."
assert len(LONG_TEXT) == 2000


def _ind(row, kind, stt, name, unit, target, result=None, previous=None, lead=("Sở Tài chính",),
         cooperate=("UBND các xã/phường",), leader="Đồng chí Nguyễn Tuấn Anh - Chủ tịch UBND tỉnh",
         section=("I", "CÁC CHỈ TIÊU VỀ KINH TẾ"), parent=None, number=None):
    if isinstance(target, Target):
        t = target
    elif isinstance(target, str):
        t = Target(target, "text")
    else:
        value = Decimal(str(target)) if not isinstance(target, Decimal) else target
        t = Target(str(target).replace(".", ","), "=", value)
    return Indicator(row=row, kind=kind, stt=stt, name=name, unit=unit, section=section[1],
                     section_numeral=section[0], target=t,
                     result=None if result is None else Decimal(str(result)) if not isinstance(result, Decimal) else result,
                     previous=None if previous is None else Decimal(str(previous)),
                     lead=list(lead), cooperate=list(cooperate), leader=leader, parent_row=parent, number=number)


def make_table(previous: bool = False, tricky: bool = False, results: bool = True) -> Table:
    """Six numbered indicators in two sections, with sub-rows, every status, optional N-1 column."""
    s2 = ("II", "CÁC CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI")
    r = (lambda v: v) if results else (lambda v: None)
    p = (lambda v: v) if previous else (lambda v: None)
    inds = [
        _ind(8, "indicator", "1", "Tổng sản phẩm trên địa bàn theo giá hiện hành", "Tỷ đồng",
             Target("155.000", "=", Decimal("155000")), r(151200), p(140000), number=1),
        _ind(9, "subrow", "-", "Cơ cấu GRDP", "%", Target("100", "=", Decimal("100")), r(100), p(100),
             parent=8, number=1),
        _ind(10, "subrow", "+", "Nông, lâm nghiệp và thủy sản", "%", Target("14,97", "=", Decimal("14.97")),
             r(Decimal("15.1")), p(Decimal("15.6")), parent=8, number=1),  # a structure's part: «khoảng» (below)
        _ind(11, "indicator", "2", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", Target(">10", ">", Decimal("10")),
             r(Decimal("8.2")), number=2),
        _ind(12, "indicator", "3", "GRDP bình quân đầu người", "Triệu đồng", Target("93,00", "=", Decimal("93.00")),
             r(Decimal("94.10")), p(Decimal("85.5")), lead=("Sở Tài chính", "Thống kê tỉnh"), number=3),
        _ind(14, "indicator", "4", TRICKY_NAME if tricky else "Tỷ lệ lao động qua đào tạo", "%",
             Target("71", "=", Decimal("71")), r(72), lead=(TRICKY_AGENCY if tricky else "Sở Nội vụ",),
             cooperate=(TRICKY_AGENCY,) if tricky else ("Sở Giáo dục và Đào tạo",),
             leader="Đồng chí Vũ Thị Hiền Hạnh - Phó Chủ tịch UBND tỉnh", section=s2, number=4),
        _ind(15, "indicator", "5", LONG_TEXT if tricky else "Số bác sỹ trên một vạn dân", "Bác sỹ",
             Target("13", "=", Decimal("13")), None, lead=("Sở Y tế",), section=s2, number=5),
        _ind(16, "indicator", "6", "Xếp hạng chỉ số PCI phấn đấu cao hơn năm 2025", "",
             "Tăng 3 bậc so với năm 2025", None, lead=("Sở Tài chính",), section=s2, number=6),
    ]
    # as the reader sets it: a part of «Cơ cấu GRDP» is judged «khoảng» its share (15,1 within ±2% of 14,97: Đạt
    # KH); the structure's own row is judged through its parts (core.attainment.structure_heads)
    inds[2].direction, inds[2].direction_reason = "about", "thành phần của «Cơ cấu GRDP»"
    columns = {"stt": 0, "name": 1, "unit": 2, "target": 3, "lead": 5, "cooperate": 6, "leader": 7}
    headers = {"stt": "STT", "name": "Chỉ tiêu", "unit": "Đơn vị tính", "target": "Kế hoạch năm 2026",
               "lead": "Cơ quan chủ trì", "cooperate": "Cơ quan phối hợp", "leader": "Lãnh đạo tỉnh phụ trách"}
    if results:
        columns["result"] = 4
        headers["result"] = "Ước thực hiện năm 2026"
    if previous:
        columns["previous"] = 8
        headers["previous"] = "Thực hiện năm 2025"
    return Table(file="thu.xlsx", sheet="Phụ lục", columns=columns, column_headers=headers, header_rows=[5],
                 first_data_row=7, last_data_row=16,
                 title_lines=["PHỤ LỤC", "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI"],
                 sections=[Section("I", "CÁC CHỈ TIÊU VỀ KINH TẾ", 7), Section(*s2, 13)],
                 indicators=inds, year=2026, previous_year=2025 if previous else None)


def test_the_hand_built_table_covers_every_status():
    att = evaluate(make_table(previous=True))
    statuses = {a.indicator.stt: a.status for a in att.assessments if a.indicator.kind == "indicator"}
    assert statuses == {"1": "khong_dat", "2": "khong_dat", "3": "vuot", "4": "vuot",
                        "5": "chua_co_so_lieu", "6": "khong_danh_gia"}
    first = att.assessments[0]
    assert first.growth is not None and first.growth_unit == "%"
