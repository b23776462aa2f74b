"""6-month, 9-month and estimated whole-year reports: the period's words, «so với cùng kỳ năm trước» only
against the same period of the year before, and a part of the year against the whole year's plan written as
progress, never judged. Expected figures are worked out by hand from the rows below."""
from __future__ import annotations

import openpyxl
import pytest

from helpers import docx_paragraphs, run_cli
from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate
from kh_excel.docs.context import build_context
from kh_excel.docs.lint import lint_docx
from kh_excel.docs.period import Period
from kh_excel.docs.settings import settings_from_mapping

TITLE = ["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI"]
# STT, name, unit, KH 2026, 6 tháng 2025, 6 tháng 2026, năm 2025, ước cả năm 2026, lead
ROWS = [[1, "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 1000, 380, 400, 900, 1020, "Sở Tài chính"],
        [2, "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 100, 45, 40, 95, 90, "Sở Tài chính"],
        [3, "Tỷ lệ che phủ rừng", "%", 60, 58, 59, 59, 61, "Sở Nông nghiệp và Môi trường"]]
FLAT = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện 6 tháng năm 2025", "Thực hiện 6 tháng năm 2026",
        "Thực hiện năm 2025", "Ước thực hiện cả năm 2026", "Cơ quan chủ trì"]
GROUPED = [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "6 tháng", None, "Cả năm", None, "Cơ quan chủ trì"],
           [None, None, None, None, "TH 6 tháng 2025", "TH 6 tháng 2026", "TH 2025", "Ước TH 2026", None]]
GROUPED_MERGES = ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:H2", "I2:I3"]


def _book(path, header, body, merges=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(TITLE)
    for r in [*header, *body]:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


def _ctx(path, kind="bao-cao", period=None, settings=None):
    return build_context(evaluate(read_workbook(path, period=period)), settings, kind)


def plain(text) -> str:
    return str(text).replace("\u00a0", " ")


@pytest.fixture
def flat(tmp_path):
    return _book(tmp_path / "flat.xlsx", [FLAT], ROWS)


@pytest.fixture
def grouped(tmp_path):
    return _book(tmp_path / "grouped.xlsx", GROUPED, ROWS, GROUPED_MERGES)


@pytest.mark.parametrize("layout", ["flat", "grouped"])
def test_six_months_against_the_year_plan_is_progress_compared_with_the_same_period(layout, request):
    path = request.getfixturevalue(layout)
    c = _ctx(path, period="6 tháng")
    assert c["vb"]["trich_yeu"] == ["Tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu 6 tháng đầu năm 2026"]
    assert c["nd"]["mo_dau"] == ["Ủy ban nhân dân tỉnh báo cáo tình hình thực hiện các chỉ tiêu kinh tế - xã hội "
                                 "chủ yếu 6 tháng đầu năm 2026 như sau:"]
    # 400 of a year's plan of 1.000 after 6 months is progress, not «không đạt»
    assert c["kq"]["cau_tong_hop"] == ("6 tháng đầu năm 2026, có 3 chỉ tiêu có số liệu; so với kế hoạch cả năm 2026, "
                                       "đây là tiến độ thực hiện, chưa đánh giá đạt hay không đạt kế hoạch.")
    assert c["kq"]["so_khong_dat"] == "0" and c["kq"]["so_vuot"] == "0"
    (group,) = c["kq"]["nhom"]
    assert group["tieu_de"] == "a) Tiến độ thực hiện so với kế hoạch cả năm (3 chỉ tiêu)"
    # 400 / 1.000 = 40,0%; 400 / 380 − 1 = +5,26%; 40 / 45 − 1 = −11,11%; 59 − 58 = +1 point
    assert [plain(x) for x in group["muc"]] == [
        "- Thu ngân sách nhà nước trên địa bàn: thực hiện 400 tỷ đồng, kế hoạch 1.000 tỷ đồng, bằng 40,0% kế hoạch "
        "năm, tăng 5,26% so với cùng kỳ năm trước;",
        "- Số doanh nghiệp thành lập mới: thực hiện 40 doanh nghiệp, kế hoạch 100 doanh nghiệp, bằng 40,0% kế hoạch "
        "năm, giảm 11,11% so với cùng kỳ năm trước;",
        "- Tỷ lệ che phủ rừng: thực hiện 59%, kế hoạch 60%, tăng 1 điểm % so với cùng kỳ năm trước."]
    assert c["pl"]["co_nam_truoc"] and c["pl"]["cot_so_sanh"] == "So với cùng kỳ năm trước"
    assert [r["danh_gia"] for r in c["pl"]["hang"] if r["loai"] == "chi_tieu"] == ["Không đánh giá"] * 3
    # nothing was judged: the report never says every indicator was met
    (ton_tai,) = c["nd"]["ton_tai"]
    assert "[Tồn tại, hạn chế: ghi ở mục «Tồn tại, hạn chế»" in ton_tai and "highlight" in ton_tai
    assert not any("đều đạt" in str(x) for x in c["nd"]["ton_tai"])


@pytest.mark.parametrize("layout", ["flat", "grouped"])
def test_estimated_whole_year_compared_with_the_previous_year(layout, request):
    c = _ctx(request.getfixturevalue(layout))
    # «thực hiện … ước cả năm», never «thực hiện … ước thực hiện cả năm»
    assert c["vb"]["trich_yeu"] == ["Tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu ước cả năm 2026"]
    # 1.020 ≥ 1.000 vượt; 90 < 100 không đạt; 61 > 60 vượt
    assert plain(c["kq"]["cau_tong_hop"]) == (
        "Ước thực hiện cả năm 2026, có 2/3 chỉ tiêu đạt và vượt kế hoạch; 1 chỉ tiêu không đạt kế hoạch, gồm: "
        "(1) Số doanh nghiệp thành lập mới (ước thực hiện 90 doanh nghiệp, kế hoạch 100 doanh nghiệp).")
    # against the whole previous year (900, 95, 59), never last year's 6 months: 1.020 / 900 − 1 = +13,33%
    assert [plain(x) for x in c["kq"]["tang_truong"]] == [
        "- Thu ngân sách nhà nước trên địa bàn: tăng 13,33% so với năm 2025;",
        "- Số doanh nghiệp thành lập mới: giảm 5,26% so với năm 2025;",
        "- Tỷ lệ che phủ rừng: tăng 2 điểm % so với năm 2025."]
    assert c["pl"]["cot_so_sanh"] == "So với năm 2025"


def test_no_comparison_across_periods(tmp_path):
    """6 months of 2026 beside the whole of 2025 only: no «so với» at all, and no previous column."""
    header = [c for i, c in enumerate(FLAT) if i != 4]
    path = _book(tmp_path / "no_same.xlsx", [header], [[x for i, x in enumerate(r) if i != 4] for r in ROWS])
    c = _ctx(path, period="6 tháng")
    text = " ".join(plain(x) for g in c["kq"]["nhom"] for x in g["muc"])
    assert "so với" not in text and "bằng 40,0% kế hoạch năm" in text
    assert c["kq"]["tang_truong"] == [] and not c["pl"]["co_nam_truoc"]


def test_reader_takes_this_years_period_column(flat):
    """--period 6 tháng with 6 months of 2025 and of 2026: the result is 2026's (400), the previous 2025's (380)."""
    t = read_workbook(flat, period="6 tháng")
    assert t.column_headers["result"] == "Thực hiện 6 tháng năm 2026"
    assert t.column_headers["previous"] == "Thực hiện 6 tháng năm 2025"
    assert [str(i.result) for i in t.indicators] == ["400", "40", "59"]
    assert read_workbook(flat).column_headers["previous"] == "Thực hiện năm 2025"


def test_nine_months_with_its_own_plan_is_judged(tmp_path):
    """Each period with its own plan: 9 months judged against the 9-month plan."""
    header = [["STT", "Chỉ tiêu", "ĐVT", "6 tháng", None, "9 tháng", None, "Cả năm", None],
              [None, None, None, "KH", "TH", "KH", "TH", "KH", "TH"]]
    merges = ["A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:G2", "H2:I2"]
    body = [[1, "Thu ngân sách", "Tỷ đồng", 500, 520, 750, 700, 1000, None],
            [2, "Số doanh nghiệp thành lập mới", "DN", 50, 40, 75, 80, 100, None]]
    path = _book(tmp_path / "nine.xlsx", header, body, merges)
    s = settings_from_mapping({"nam": "2026"})
    c = _ctx(path, settings=s)  # September: the whole year is still empty, 9 months is the latest with figures
    # 700 < 750 short (93,3%); 80 > 75 beyond
    assert plain(c["kq"]["cau_tong_hop"]) == ("9 tháng năm 2026, có 1/2 chỉ tiêu đạt và vượt kế hoạch; 1 chỉ tiêu "
                                              "không đạt kế hoạch, gồm: (1) Thu ngân sách (thực hiện 700 tỷ đồng, kế hoạch 750 tỷ đồng).")
    assert c["vb"]["trich_yeu"] == ["Tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu 9 tháng năm 2026"]
    tb = _ctx(path, "thong-bao", settings=s)["tb"]
    assert tb["tieu_de_ket_qua"].endswith("CHỦ YẾU 9 THÁNG NĂM 2026")
    assert plain(tb["ket_qua"][1]) == ("9 tháng năm 2026, có 1/2 chỉ tiêu không đạt kế hoạch, gồm: (1) Thu ngân sách "
                                       "(thực hiện 700 tỷ đồng, kế hoạch 750 tỷ đồng).")


def test_period_words():
    assert Period(2026, 6).words() == "6 tháng đầu năm 2026"
    assert Period(2026, 9).words() == "9 tháng năm 2026"
    assert Period(2026, 3, quarter="II").words() == "quý II năm 2026"
    assert Period(2026, 12, estimate=True, labelled=True).words() == "ước thực hiện cả năm 2026"
    assert Period(2026).words() == "năm 2026"
    assert Period(2026).trich_yeu() == "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu năm 2026"


def test_tables_without_periods_name_their_estimate():
    """The samples and the real tables name no period, but the Lào Cai sample's results are «Ước thực hiện năm 2026»:
    its report reads «Ước thực hiện cả năm 2026, có …» under «Tình hình …», never «Kết quả …» of a closed year."""
    from helpers import REAL, sample
    c = _ctx(sample("chi_tieu_2026_lao_cai.xlsx"))
    assert c["kq"]["cau_tong_hop"].startswith("Ước thực hiện cả năm 2026, có 28/40 chỉ tiêu đạt và vượt kế hoạch")
    assert c["vb"]["trich_yeu"] == ["Tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu ước cả năm 2026"]
    for book in REAL.glob("*.xlsx"):
        t = read_workbook(book)
        assert t.period is None and not t.periods


@pytest.mark.parametrize("period", ["6 tháng", "cả năm"])
def test_render_period_report_passes_lint(grouped, tmp_path, period):
    out = tmp_path / "bc.docx"
    proc = run_cli("render", "bao-cao", grouped, "-o", out, "--period", period)
    assert proc.returncode == 0, proc.stderr
    # only the author's highlighted places (no settings given) are left for lint to report
    assert lint_docx(out).failed() == ["placeholder.present"], lint_docx(out).to_text()
    text = plain("\n".join(docx_paragraphs(out)))
    assert ("6 tháng đầu năm 2026" if period == "6 tháng" else "ước cả năm 2026") in text
    assert ("So với cùng kỳ năm trước" if period == "6 tháng" else "So với năm 2025") in text


# ------------------------------------------------------------------ the appendix names the chosen period (review r1 1)

SIX_MONTH_TITLE = ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2026 TỈNH LÀO CAI"]


@pytest.mark.parametrize("sheet_title", [SIX_MONTH_TITLE, ["BIỂU TỔNG HỢP CHỈ TIÊU KT-XH 6 THÁNG ĐẦU NĂM 2026"]])
@pytest.mark.parametrize("period, heading", [
    ("6 tháng", "TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU 6 THÁNG ĐẦU NĂM 2026"),
    ("cả năm", "TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU ƯỚC CẢ NĂM 2026"),
])
def test_appendix_heading_is_built_from_the_chosen_period(tmp_path, monkeypatch, sheet_title, period, heading):
    """A sheet titled for 6 months, reported for the whole year: the heading names the year's estimate, once. A title
    naming no field («KẾT QUẢ … CÁC CHỈ TIÊU 6 THÁNG …», no sections) claims no «kinh tế - xã hội» (note10 #11)."""
    monkeypatch.setattr(__import__(__name__), "TITLE", sheet_title)
    path = _book(tmp_path / "t.xlsx", [FLAT], ROWS)
    (title,) = _ctx(path, period=period)["pl"]["tieu_de"]
    place = " TỈNH LÀO CAI" if "TỈNH" in sheet_title[0] else ""
    if "KT-XH" not in sheet_title[0]:
        heading = heading.replace(" KINH TẾ - XÃ HỘI CHỦ YẾU", "")
    assert title == heading + place
    assert title.count("THỰC HIỆN") == 1


def test_six_month_notice_lists_what_it_counts(flat):
    """3 rows with figures, a 4th without: «có 3 chỉ tiêu có số liệu …:» then those 3, then the missing one apart."""
    wb = openpyxl.load_workbook(flat)
    wb.active.append([4, "Tỷ lệ hộ nghèo", "%", 5, None, None, None, None, "Sở Y tế"])
    wb.save(flat)
    lines = [plain(x) for x in _ctx(flat, kind="thong-bao", period="6 tháng")["tb"]["ket_qua"]]
    assert lines[0] == ("6 tháng đầu năm 2026, có 3 chỉ tiêu có số liệu; so với kế hoạch cả năm 2026, đây là tiến độ "
                        "thực hiện, chưa đánh giá đạt hay không đạt kế hoạch:")
    assert lines[1].startswith("(1) Thu ngân sách") and "(3) Tỷ lệ che phủ rừng" in lines[1] and "(4)" not in lines[1]
    assert lines[2] == "Còn 1 chỉ tiêu chưa có số liệu."


def _with_rows(path, *rows):
    wb = openpyxl.load_workbook(path)
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def test_six_month_report_and_notice_count_the_same_progress_rows(flat):
    """rev18 R18-10: a row with a 6-month figure (750 ha) but no plan is no progress against the year's plan. Rows 1–3
    have a plan and a 6-month figure: 3 progress rows; row 4 (no plan) is «không đánh giá bằng số». The report and the
    notice both say 3 (the report said 4, listing row 4 under «Tiến độ …»), and both name row 4 apart."""
    _with_rows(flat, [4, "Trồng mới rừng tập trung", "ha", None, None, 750, None, None, "Sở Tài chính"])
    kq = _ctx(flat, period="6 tháng")["kq"]
    assert plain(kq["cau_tong_hop"]) == (
        "6 tháng đầu năm 2026, có 3 chỉ tiêu có số liệu; so với kế hoạch cả năm 2026, đây là tiến độ thực hiện, chưa "
        "đánh giá đạt hay không đạt kế hoạch; 1 chỉ tiêu không đánh giá bằng số.")
    assert [g["tieu_de"] for g in kq["nhom"]] == ["a) Tiến độ thực hiện so với kế hoạch cả năm (3 chỉ tiêu)",
                                                  "b) Các chỉ tiêu không đánh giá bằng số (1 chỉ tiêu)"]
    assert plain(kq["nhom"][1]["muc"][0]).startswith("- Trồng mới rừng tập trung: thực hiện 750 ha")
    lines = [plain(x) for x in _ctx(flat, kind="thong-bao", period="6 tháng")["tb"]["ket_qua"]]
    assert lines[0].startswith("6 tháng đầu năm 2026, có 3 chỉ tiêu có số liệu;")
    assert "(3) Tỷ lệ che phủ rừng" in lines[1] and "Trồng mới" not in lines[1]
    assert lines[2] == "Còn 1 chỉ tiêu không đánh giá bằng số."


def test_six_month_report_with_no_progress_row_counts_none(tmp_path):
    """No row has both a plan and a 6-month figure (row 1 no plan, row 2 no figure): nothing is progress, so neither
    document says «có N chỉ tiêu có số liệu» (it said «có 1», counting the row without plan)."""
    path = _book(tmp_path / "none.xlsx", [FLAT], [
        [1, "Trồng mới rừng tập trung", "ha", None, None, 750, None, None, "Sở Tài chính"],
        [2, "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 100, 45, None, 95, None, "Sở Tài chính"]])
    expected = ("6 tháng đầu năm 2026, chưa có chỉ tiêu nào đủ số liệu để so với kế hoạch cả năm 2026; 1 chỉ tiêu chưa "
                "có số liệu; 1 chỉ tiêu không đánh giá bằng số")
    assert plain(_ctx(path, period="6 tháng")["kq"]["cau_tong_hop"]) == expected + "."
    assert [plain(x) for x in _ctx(path, kind="thong-bao", period="6 tháng")["tb"]["ket_qua"]] == [expected + "."]


def test_whole_year_report_keeps_a_row_without_plan_in_its_group(flat):
    """The rule is for a part of the year only: the whole year (ước cả năm) judges rows 1–3 (1.020 ≥ 1.000 vượt,
    90 < 100 không đạt, 61 ≥ 60 vượt) and the row without plan is «không đánh giá bằng số», as before."""
    _with_rows(flat, [4, "Trồng mới rừng tập trung", "ha", None, None, 750, None, 1500, "Sở Tài chính"])
    kq = _ctx(flat)["kq"]
    assert plain(kq["cau_tong_hop"]).startswith("Ước thực hiện cả năm 2026, có 2/3 chỉ tiêu đạt và vượt kế hoạch;")
    assert plain(kq["cau_tong_hop"]).endswith("; 1 chỉ tiêu không đánh giá bằng số.")
    assert [g["trang_thai"] for g in kq["nhom"]] == ["vuot", "khong_dat", "khong_danh_gia"]


def test_progress_report_never_speaks_of_indicators_not_met(flat):
    (giai_phap,) = _ctx(flat, period="6 tháng")["nd"]["giai_phap"]
    assert "chưa đạt" not in giai_phap and "không đạt" not in giai_phap
    assert "đẩy nhanh tiến độ" in giai_phap and "kế hoạch năm 2026" in giai_phap
    # the whole year judges 1 not met (90 < 100): the sentence names them
    (giai_phap,) = _ctx(flat)["nd"]["giai_phap"]
    assert "các chỉ tiêu không đạt kế hoạch" in giai_phap


# ------------------------------------------------------------------ one agency's documents say so (review r1 3)

def test_one_agencys_report_names_its_scope_in_title_sentence_and_appendix(flat):
    """Sở Tài chính leads rows 1–2: 1.020 ≥ 1.000 vượt, 90 < 100 không đạt → 1/2, scoped, never the province's 2/3."""
    c = build_context(evaluate(read_workbook(flat)), None, "bao-cao", agency="Sở Tài chính")
    assert c["vb"]["trich_yeu"] == ["Tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu ước cả năm 2026 "
                                    "do Sở Tài chính chủ trì"]
    assert plain(c["kq"]["cau_tong_hop"]) == (
        "Ước thực hiện cả năm 2026, trong các chỉ tiêu do Sở Tài chính chủ trì, có 1/2 chỉ tiêu đạt và vượt kế "
        "hoạch; 1 chỉ tiêu không đạt kế hoạch, gồm: (1) Số doanh nghiệp thành lập mới (ước thực hiện 90 doanh "
        "nghiệp, kế hoạch 100 doanh nghiệp).")
    assert "do Sở Tài chính chủ trì như sau:" in c["nd"]["mo_dau"][0]
    assert c["pl"]["tieu_de"] == ["TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU ƯỚC CẢ NĂM 2026 "
                                  "DO SỞ TÀI CHÍNH CHỦ TRÌ"]
    # a title typed in the settings is the whole table's: the scope is added to it
    s = settings_from_mapping({"trich_yeu": ["Kết quả thực hiện các chỉ tiêu năm 2026"]})
    c = build_context(evaluate(read_workbook(flat)), s, "bao-cao", agency="Sở Tài chính")
    assert c["vb"]["trich_yeu"] == ["Kết quả thực hiện các chỉ tiêu năm 2026 do Sở Tài chính chủ trì"]


def test_a_meetings_notice_is_never_made_per_agency(flat, tmp_path):
    from kh_excel.docs.context import ContextError
    with pytest.raises(ContextError, match="một cuộc họp.*không làm riêng cho từng cơ quan"):
        build_context(evaluate(read_workbook(flat)), None, "thong-bao", agency="Sở Tài chính")
    proc = run_cli("batch", flat, "--per", "agency", "--kind", "thong-bao", "-o", tmp_path / "out")
    assert proc.returncode == 2 and "không làm riêng cho từng cơ quan" in proc.stderr
    assert "Traceback" not in proc.stderr and not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind", ["bao-cao", "thong-bao"])
def test_a_stand_in_place_is_a_gap_and_the_document_passes_its_own_lint(tmp_path, monkeypatch, kind):
    """A title ending «TỈNH X» (a form's stand-in): no «X, ngày …»; the only rule the draft fails is the
    highlighted places still to write (placeholder.present)."""
    monkeypatch.setattr(__import__(__name__), "TITLE", ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2026 TỈNH X"])
    path = _book(tmp_path / "x.xlsx", [FLAT], ROWS)
    out = tmp_path / f"{kind}.docx"
    proc = run_cli("render", kind, path, "--period", "6 tháng", "-o", out)
    assert proc.returncode == 0, proc.stderr
    text = "\n".join(docx_paragraphs(out))
    assert "X, ngày" not in text and "TỈNH X" not in text
    report = lint_docx(out)
    assert report.failed() == ["placeholder.present"], report.to_text()


def _appendix_header(path) -> list[str]:
    import docx
    return [c.text for c in docx.Document(str(path)).tables[-1].rows[0].cells]


@pytest.mark.parametrize("period", ["6 tháng", "cả năm"])
def test_every_periods_appendix_names_the_lead_agency_and_no_column_is_empty(flat, tmp_path, period):
    """The 6-month appendix (a previous column beside it) keeps «Cơ quan chủ trì» as the year's does; a plan
    from a sheet with no phối hợp / lãnh đạo columns prints no such empty columns."""
    out = tmp_path / "bc.docx"
    assert run_cli("render", "bao-cao", flat, "--period", period, "-o", out).returncode == 0
    header = _appendix_header(out)
    assert header[-1] == "Cơ quan chủ trì" and "So với cùng kỳ năm trước" in header or "So với năm 2025" in header
    plan = tmp_path / "kh.docx"
    assert run_cli("render", "ke-hoach", flat, "-o", plan).returncode == 0
    assert _appendix_header(plan) == ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026",
                                      "Cơ quan, đơn vị chịu trách nhiệm trực tiếp thực hiện"]
    c = _ctx(flat, kind="ke-hoach")
    assert c["pl"]["co_cot"] == {"chu_tri": True, "phoi_hop": False, "lanh_dao": False, "ghi_chu": False}
