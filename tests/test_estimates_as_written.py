"""rev19 N-3: a figure a cell gives as near («Gần 595.000», «Khoảng 95%», «gần 5.000 USD») stays near in a signed
report. The previous-year column shows it as written, as the plan and result columns already do; and no ratio to plan
nor change against the previous year is worked from it: «gần 595.000» may be 594.300, so «tăng 5,88%» (630.000 /
595.000) or «đạt 102,0% kế hoạch» (5.000 / 4.900) would state digits the cell never wrote. We say less rather than
word an estimate of the change («tăng khoảng 5,9%» would still be a figure nobody measured): the figures are printed
as written, the change and the ratio left out, the verdict kept (it needs only the side of the plan the figure is
on), and the cell's warning says so.

An estimate alone («3,2 (ước)», «Ước 12.600», «99,2% (ước)») is not near: it states its figure to the digits it
writes, as the «Ước thực hiện năm 2026» column beside it does, whose figures every report compares to the digit
(README: «Ước 12.600» … «(ước đạt 98,3% KH)»). It is shown as written and keeps its ratio and its change.

Expected values are worked out by hand from the rows below."""
from __future__ import annotations

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.core.model import Grid
from kh_excel.docs.context import build_context

HEAD = ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
        "Cơ quan thực hiện"]
ROWS = [
    # exact previous: 51 / 50 = 102,0%; 51 / 46 − 1 = 0,108695… → «tăng 10,87%» (must NOT change)
    ["1", "Số xã đạt chuẩn nông thôn mới", "Xã", 46, 50, 51, "Phòng Tài chính - Kế hoạch"],
    # near previous: 630.000 / 620.000 = 1,016129… → 101,6 (the ratio needs no previous figure, kept);
    # 630.000 / «Gần 595.000» − 1 is no figure: no change stated
    ["2", "Số lượt khách du lịch", "Lượt người", "Gần 595.000", 620000, 630000, "Phòng Tài chính - Kế hoạch"],
    # an estimate in the previous column: shown as written; 2,6 − 3,2 = −0,6 → «giảm 0,6 điểm %» kept
    ["3", "Tỷ lệ hộ nghèo", "%", "3,2 (ước)", "Dưới 2,5", 2.6, "Phòng Tài chính - Kế hoạch"],
    # near result: 440 / 450 = 97,8% and 440 / 400 − 1 = 10,00% are both left out; 440 < 450: Không đạt kept
    ["4", "Tổng thu ngân sách trên địa bàn", "Tỷ đồng", 400, 450, "Gần 440", "Phòng Tài chính - Kế hoạch"],
    # a share given as near: no «đạt 100,0%» (95 / 95); its verdict Đạt kept
    ["5", "Tỷ lệ trường đạt chuẩn quốc gia", "%", 93, 95, "Khoảng 95%", "Phòng Giáo dục và Đào tạo"],
    # an estimate of a share: 99,2 / 99 = 1,0020202… → 100,2 kept; 99,2 − 98,5 = 0,7 → «tăng 0,7 điểm %» kept
    ["6", "Tỷ lệ huy động trẻ 5 tuổi đến lớp", "%", 98.5, 99, "99,2% (ước)", "Phòng Giáo dục và Đào tạo"],
]


def _context(rows=ROWS, head=HEAD):
    grid = Grid(sheet="Biểu 01", rows=[["BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"], head, *rows])
    return build_context(evaluate(read_workbook(grid, file="x.xlsx")), None, "bao-cao")


def _appendix(ctx) -> dict[str, dict]:
    return {r["ten"]: r for r in ctx["pl"]["hang"] if r["loai"] != "muc"}


def _body(ctx) -> dict[str, str]:
    lines = [str(x).replace("\u00a0", " ") for g in ctx["kq"]["nhom"] for x in g["muc"]]
    return {x.split(":", 1)[0][2:]: x.split(":", 1)[1] for x in lines}


def test_the_previous_year_column_shows_an_estimate_as_written():
    """rev19 N-3: «Gần 595.000» and «3,2 (ước)» were printed 595.000 and 3,2, exact figures the cell never gave."""
    rows = _appendix(_context())
    assert {name: r["nam_truoc"] for name, r in rows.items()} == {
        "Số xã đạt chuẩn nông thôn mới": "46", "Số lượt khách du lịch": "Gần 595.000", "Tỷ lệ hộ nghèo": "3,2 (ước)",
        "Tổng thu ngân sách trên địa bàn": "400", "Tỷ lệ trường đạt chuẩn quốc gia": "93",
        "Tỷ lệ huy động trẻ 5 tuổi đến lớp": "98,5"}


def test_no_change_is_worked_from_a_near_figure_in_body_or_appendix():
    """rev19 N-3: «tăng 5,88% so với năm 2025» came from «Gần 595.000». The change from a near figure (previous or
    result) is dropped in the appendix's «So với năm 2025» and in the body alike; exact figures and an estimate keep
    theirs."""
    ctx = _context()
    assert {name: r["so_sanh"] for name, r in _appendix(ctx).items()} == {
        "Số xã đạt chuẩn nông thôn mới": "tăng 10,87%", "Số lượt khách du lịch": "", "Tỷ lệ hộ nghèo": "giảm 0,6 điểm %",
        "Tổng thu ngân sách trên địa bàn": "", "Tỷ lệ trường đạt chuẩn quốc gia": "",
        "Tỷ lệ huy động trẻ 5 tuổi đến lớp": "tăng 0,7 điểm %"}
    body = {name: line.strip(" ;.") for name, line in _body(ctx).items()}
    assert body["Số xã đạt chuẩn nông thôn mới"].endswith("đạt 102,0% kế hoạch, tăng 10,87% so với năm 2025")
    assert body["Tỷ lệ hộ nghèo"] == "ước còn 2,6%, kế hoạch dưới 2,5%, giảm 0,6 điểm % so với năm 2025"
    assert body["Số lượt khách du lịch"] == \
        "ước thực hiện 630.000 lượt người, kế hoạch 620.000 lượt người, đạt 101,6% kế hoạch"
    assert "so với năm 2025" not in body["Tổng thu ngân sách trên địa bàn"]
    # the body's list of changes against the previous year: the same rows, the same changes
    assert [str(x).replace("\u00a0", " ") for x in ctx["kq"]["tang_truong"]] == [
        "- Số xã đạt chuẩn nông thôn mới: tăng 10,87% so với năm 2025;",
        "- Tỷ lệ hộ nghèo: giảm 0,6 điểm % so với năm 2025;",
        "- Tỷ lệ huy động trẻ 5 tuổi đến lớp: tăng 0,7 điểm % so với năm 2025."]


def test_a_near_result_has_no_ratio_and_keeps_its_verdict():
    """rev19 N-3 (related): «gần 5.000 USD» against 4.900 read «đạt 102,0% kế hoạch», «Khoảng 95%» against 95 «đạt
    100,0% kế hoạch». The figure is written as the cell gives it, the ratio left out of the body and the appendix's
    «% so với KH»; the verdict stays. An estimate («99,2% (ước)») and exact figures keep theirs."""
    ctx = _context()
    rows = _appendix(ctx)
    assert {name: (r["ty_le"], r["danh_gia"]) for name, r in rows.items()} == {
        "Số xã đạt chuẩn nông thôn mới": ("102,0", "Vượt KH"), "Số lượt khách du lịch": ("101,6", "Vượt KH"),
        "Tỷ lệ hộ nghèo": ("", "Không đạt"), "Tổng thu ngân sách trên địa bàn": ("", "Không đạt"),
        "Tỷ lệ trường đạt chuẩn quốc gia": ("", "Đạt KH"), "Tỷ lệ huy động trẻ 5 tuổi đến lớp": ("100,2", "Vượt KH")}
    assert rows["Tổng thu ngân sách trên địa bàn"]["thuc_hien"] == "Gần 440"
    body = _body(ctx)
    assert body["Tổng thu ngân sách trên địa bàn"].strip(" ;.") == \
        "ước thực hiện gần 440 tỷ đồng, kế hoạch 450 tỷ đồng"
    assert body["Tỷ lệ trường đạt chuẩn quốc gia"].strip(" ;.") == "ước thực hiện khoảng 95%, kế hoạch 95%"
    assert "đạt 100,2% kế hoạch" in body["Tỷ lệ huy động trẻ 5 tuổi đến lớp"]
    assert "đạt 101,6% kế hoạch" in body["Số lượt khách du lịch"]


def test_an_amount_given_as_near_in_a_report_without_a_previous_column():
    """rev18/08b: «Gần 5.000» USD against 4.900 (5.000 / 4.900 = 102,04…%) is Vượt KH, said without «đạt 102,0% kế
    hoạch»; «Ước 5.000» (an estimate, no «gần») against 4.900 keeps «đạt 102,0% kế hoạch»."""
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Ước thực hiện năm 2025"]
    ctx = _context([["1", "GDP bình quân đầu người", "USD", 4900, "Gần 5.000"],
                    ["2", "Thu nhập bình quân đầu người", "USD", 4900, "Ước 5.000"]], head)
    rows = _appendix(ctx)
    assert [(r["thuc_hien"], r["ty_le"], r["danh_gia"]) for r in rows.values()] == [
        ("Gần 5.000", "", "Vượt KH"), ("Ước 5.000", "102,0", "Vượt KH")]
    body = _body(ctx)
    assert body["GDP bình quân đầu người"].strip(" ;.") == "ước thực hiện gần 5.000 USD, kế hoạch 4.900 USD"
    assert "đạt 102,0% kế hoạch" in body["Thu nhập bình quân đầu người"]


def test_the_warning_of_a_near_figure_says_what_the_document_does():
    """The previous_expression and result_expression warnings stay, and say the document writes the cell as it is and
    works no change (nor, for a result, ratio) from it; an estimate's warning is as before («số 3,2 (số ước tính)»).
    Rows 2–4 of ROWS sit in sheet rows 4–6: D4 «Gần 595.000», D5 «3,2 (ước)», F6 «Gần 440»."""
    from kh_excel.core.gate import check
    grid = Grid(sheet="Biểu 01", rows=[["BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"], HEAD, *ROWS])
    said = {f.cell: (f.code, f.message) for f in check(read_workbook(grid, file="x.xlsx")).findings
            if f.code in ("previous_expression", "result_expression")}
    assert said["D4"] == ("previous_expression", "Ô D4 (Thực hiện năm trước) ghi «Gần 595.000»: chương trình đọc là "
                          "số gần đúng 595.000: văn bản ghi như trong ô và không tính mức tăng, giảm so với năm trước "
                          "từ số này.")
    assert said["D5"] == ("previous_expression", "Ô D5 (Thực hiện năm trước) ghi «3,2 (ước)»: chương trình đọc là số "
                          "3,2 (số ước tính).")
    assert said["F6"][0] == "result_expression" and "không ghi tỷ lệ so với kế hoạch" in said["F6"][1]


def test_a_growth_plan_on_a_near_previous_figure_keeps_its_verdict_without_the_change():
    """A plan «Tăng 10%» is judged by the growth (630 / 595 − 1 = 5,88% < 10%: Không đạt, as today); from «Gần 595»
    the body and appendix state no «tăng 5,88%», from an exact 595 they do. An index states its own rise (CPI 103,2:
    «tăng 3,2%»), which needs no previous figure: a near one beside it changes nothing."""
    rows = [["1", "Doanh thu du lịch", "Tỷ đồng", "Gần 595", "Tăng 10%", 630, "Sở Văn hóa"],
            ["2", "Doanh thu dịch vụ", "Tỷ đồng", 595, "Tăng 10%", 630, "Sở Văn hóa"],
            ["3", "Chỉ số giá tiêu dùng (CPI)", "%", "Khoảng 103,5", "Dưới 4,5", 103.2, "Sở Tài chính"]]
    ctx = _context(rows)
    assert [(r["nam_truoc"], r["so_sanh"], r["danh_gia"]) for r in _appendix(ctx).values()] == [
        ("Gần 595", "", "Không đạt"), ("595", "tăng 5,88%", "Không đạt"), ("Khoảng 103,5", "tăng 3,2%", "Đạt KH")]
    body = {name: line.strip(" ;.") for name, line in _body(ctx).items()}
    assert body["Doanh thu du lịch"] == "ước thực hiện 630 tỷ đồng, kế hoạch tăng 10%"
    assert body["Doanh thu dịch vụ"] == "ước thực hiện 630 tỷ đồng, tăng 5,88% so với năm 2025, kế hoạch tăng 10%"
    assert "tăng 3,2%" in body["Chỉ số giá tiêu dùng (CPI)"]


def test_the_attainment_summary_keeps_a_near_result_near():
    """The summary sentence of `attainment` and of the add-in's «Tổng hợp» said «(đạt 97,8% KH)» of «Gần 440» against
    450 (440 / 450 = 97,78%) and a bare «(93%)» of «Khoảng 93%» against 95: the figure as near as the cell gives it,
    with its plan. An exact 440 keeps «(đạt 97,8% KH)», an estimate «Ước 440» «(ước đạt 97,8% KH)» (README)."""
    head = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026"]
    rows = [["1", "Tổng thu ngân sách trên địa bàn", "Tỷ đồng", 450, "Gần 440"],
            ["2", "Tỷ lệ trường đạt chuẩn quốc gia", "%", 95, "Khoảng 93%"],
            ["3", "Thu nội địa", "Tỷ đồng", 450, 440],
            ["4", "Thu từ đất", "Tỷ đồng", 450, "Ước 440"]]
    grid = Grid(sheet="Biểu 01", rows=[["BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"], head, *rows])
    sentence = evaluate(read_workbook(grid, file="x.xlsx")).summary.sentence.replace("\u00a0", " ")
    assert sentence.endswith(
        "4 chỉ tiêu không đạt kế hoạch, gồm: (1) Tổng thu ngân sách trên địa bàn (thực hiện gần 440 tỷ đồng, kế hoạch "
        "450 tỷ đồng); (2) Tỷ lệ trường đạt chuẩn quốc gia (thực hiện khoảng 93%, kế hoạch 95%); (3) Thu nội địa "
        "(đạt 97,8% KH); (4) Thu từ đất (ước đạt 97,8% KH)."), sentence
