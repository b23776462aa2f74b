"""What a document calls the table (rev11 D3, D8): the indicators the table's own title names («chỉ tiêu ngành y tế»),
never «kinh tế - xã hội» a title does not claim; the school year the table is of («năm học 2025-2026»), never the
calendar year. Expected texts decided by hand from the titles."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, strategies as st

from kh_excel.core.attainment import evaluate
from kh_excel.docs.context import build_context
from kh_excel.docs.period import COMMITTEE_SUBJECT, subject_of
from test_docs_data import make_table


@pytest.mark.parametrize("title, department, subject", [
    ("BIỂU CHỈ TIÊU NGÀNH Y TẾ NĂM 2026", True, "ngành y tế"),
    ("BIỂU 01: CHỈ TIÊU KINH TẾ NĂM 2026", False, "kinh tế"),
    ("BIỂU 02: KẾT QUẢ THỰC HIỆN CHỈ TIÊU XÃ HỘI NĂM 2026", False, "xã hội"),
    ("KẾT QUẢ THỰC HIỆN CHỈ TIÊU NGÀNH GIÁO DỤC NĂM HỌC 2025-2026", True, "ngành giáo dục"),  # «giáo» is no «giao»
    ("CHỈ TIÊU NGÀNH GIAO THÔNG VẬN TẢI NĂM 2026", True, "ngành giao thông vận tải"),
    ("CHỈ TIÊU KINH TẾ NĂM 2026 GIAO CÁC CƠ QUAN", False, "kinh tế"),
    ("CÁC CHỈ TIÊU VỀ MÔI TRƯỜNG (KÈM THEO)", False, "về môi trường"),
    ("CHỈ TIÊU Y TẾ HUYỆN BẢO THẮNG 2026", True, "y tế"),                  # the place ends it
    # the committee's socio-economic plan, in any of its wordings
    ("CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI", False, COMMITTEE_SUBJECT),
    ("CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026", True, COMMITTEE_SUBJECT),
    # a title naming no field names none, a committee's as a department's (note10 #11: «kinh tế - xã hội chủ yếu» was
    # a claim nothing in the table made): «các chỉ tiêu năm 2026»
    ("CHỈ TIÊU NĂM 2026", False, ""),
    ("CHỈ TIÊU NĂM 2026", True, ""),
    ("", True, ""),
    ("BIỂU TỔNG HỢP SỐ LIỆU", False, ""),
    # a resolution of a Party congress: its proper names keep their capitals, the body's level and term are its
    # name (rev12 D-F: «nghị quyết đại hội đảng bộ», «xã» and «nhiệm kỳ 2025-2030» dropped)
    ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ XÃ NHIỆM KỲ 2025-2030", False,
     "Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025-2030"),
    ("CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ I, NHIỆM KỲ 2025-2030", True,
     "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025-2030"),
    ("CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ XÃ BẢO HÀ LẦN THỨ XV NĂM 2026", False,
     "Nghị quyết Đại hội Đảng bộ xã Bảo Hà lần thứ XV"),
    ("Chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh Lào Cai nhiệm kỳ 2020-2025", False,
     "Nghị quyết Đại hội Đảng bộ tỉnh Lào Cai nhiệm kỳ 2020-2025"),
    ("CHỈ TIÊU NGHỊ QUYẾT HỘI ĐỒNG NHÂN DÂN XÃ NĂM 2026", False, "nghị quyết Hội đồng nhân dân xã"),
])
def test_the_title_names_what_the_indicators_are_of(title, department, subject):
    assert subject_of(title, department) == subject


PLAN_SECTIONS = ["CÁC CHỈ TIÊU VỀ KINH TẾ", "CÁC CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI", "CÁC CHỈ TIÊU VỀ MÔI TRƯỜNG"]


@pytest.mark.parametrize("title, department, sections, subject", [
    # sections of a socio-economic plan's fields make a committee's unnamed table that plan (seed 001's appendix)
    ("CHỈ TIÊU NĂM 2026", False, PLAN_SECTIONS, COMMITTEE_SUBJECT),
    ("BIỂU TỔNG HỢP SỐ LIỆU", False, ["Chỉ tiêu kinh tế", "Chỉ tiêu xã hội"], COMMITTEE_SUBJECT),
    ("CHỈ TIÊU NĂM 2026", False, ["I. KINH TẾ", "II. QUỐC PHÒNG - AN NINH"], COMMITTEE_SUBJECT),
    # one field, or none of a plan's, is no plan; a department's table is never called the committee's plan
    ("CHỈ TIÊU NĂM 2026", False, ["CÁC CHỈ TIÊU VỀ KINH TẾ"], ""),
    ("CHỈ TIÊU NĂM 2026", False, ["Khối trường mầm non", "Khối trường tiểu học"], ""),
    ("CHỈ TIÊU NĂM 2026", True, PLAN_SECTIONS, ""),
    # a title naming its field keeps it whatever the sections
    ("BIỂU CHỈ TIÊU NGÀNH Y TẾ NĂM 2026", False, PLAN_SECTIONS, "ngành y tế"),
])
def test_a_committees_unnamed_table_is_its_plan_only_by_its_sections(title, department, sections, subject):
    assert subject_of(title, department, sections) == subject


@given(field=st.sampled_from(["Y TẾ", "CÔNG THƯƠNG", "NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "VĂN HÓA, THỂ THAO VÀ DU LỊCH",
                              "XÂY DỰNG", "TƯ PHÁP", "KHOA HỌC VÀ CÔNG NGHỆ"]),
       head=st.sampled_from(["BIỂU CHỈ TIÊU NGÀNH", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGÀNH", "CHỈ TIÊU NGÀNH"]),
       tail=st.sampled_from(["NĂM 2026", "6 THÁNG ĐẦU NĂM 2025", "GIAI ĐOẠN 2026-2030", "NĂM 2026 TỈNH LÀO CAI", ""]),
       department=st.booleans())
def test_a_sector_title_is_never_called_socio_economic(field, head, tail, department):
    got = subject_of(f"{head} {field} {tail}", department)
    assert got == "ngành " + field.lower()  # whole: «văn hóa, thể thao và du lịch» is not cut at its comma
    assert "kinh tế - xã hội" not in got


def _ctx(lines, kind="bao-cao", headers=None, agency=None):
    t = replace(make_table(), title_lines=lines, year=2026)
    if headers:
        t = replace(t, column_headers={**t.column_headers, **headers})
    return build_context(evaluate(t), None, kind, agency=agency, today=date(2026, 12, 2))


HEALTH = ["UBND TỈNH LÀO CAI", "SỞ Y TẾ", "BIỂU CHỈ TIÊU NGÀNH Y TẾ NĂM 2026"]


def test_a_departments_sector_table_is_named_as_its_title_names_it():
    ctx = _ctx(HEALTH)
    # (the table's result is «Ước thực hiện năm 2026»: an estimate, titled as one since per3)
    assert ctx["vb"]["trich_yeu"] == ["Tình hình thực hiện các chỉ tiêu ngành y tế ước cả năm 2026"]
    assert ctx["pl"]["tieu_de"] == ["TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU NGÀNH Y TẾ ƯỚC CẢ NĂM 2026 TỈNH LÀO CAI"]
    assert ctx["chi_tieu"] == {"cac": "các chỉ tiêu ngành y tế", "ten": "chỉ tiêu ngành y tế", "ky": "năm 2026"}
    said = " ".join(str(x) for k in ("mo_dau", "ket_thuc") for x in ctx["nd"][k])
    assert "kinh tế - xã hội" not in said and said.count("các chỉ tiêu ngành y tế ước cả năm 2026") == 2
    plan = _ctx(HEALTH, "ke-hoach")
    assert plan["vb"]["trich_yeu"] == ["Thực hiện các chỉ tiêu ngành y tế năm 2026"]
    letter = _ctx(HEALTH, "giao-chi-tieu", agency="Sở Tài chính")
    assert letter["vb"]["trich_yeu"] == ["V/v thực hiện chỉ tiêu ngành y tế năm 2026"]
    assert letter["pl"]["tieu_de"] == ["CÁC CHỈ TIÊU NGÀNH Y TẾ NĂM 2026 DO SỞ TÀI CHÍNH CHỦ TRÌ"]


def test_the_committees_own_table_keeps_its_title():
    ctx = _ctx(["PHỤ LỤC", "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI"])
    assert ctx["vb"]["trich_yeu"] == ["Tình hình thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu ước cả năm 2026"]
    economy = _ctx(["UBND TỈNH LÀO CAI", "BIỂU 01: CHỈ TIÊU KINH TẾ NĂM 2026"])
    assert economy["vb"]["trich_yeu"] == ["Tình hình thực hiện các chỉ tiêu kinh tế ước cả năm 2026"]
    assert economy["pl"]["tieu_de"] == ["TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ ƯỚC CẢ NĂM 2026 TỈNH LÀO CAI"]


SCHOOL = ["UBND TỈNH LÀO CAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "KẾT QUẢ THỰC HIỆN CHỈ TIÊU NGÀNH GIÁO DỤC NĂM HỌC 2025-2026"]
SCHOOL_HEADS = {"target": "Kế hoạch năm học 2025-2026", "result": "Thực hiện năm học 2025-2026"}


def test_a_school_year_stays_a_school_year():
    ctx = _ctx(SCHOOL, headers=SCHOOL_HEADS)
    assert ctx["vb"]["trich_yeu"] == ["Kết quả thực hiện các chỉ tiêu ngành giáo dục năm học 2025-2026"]
    assert ctx["kq"]["cau_tong_hop"].startswith("Năm học 2025-2026, có ")
    assert not ctx["canh_bao"]
    said = " ".join(str(x) for k in ("mo_dau", "ket_thuc") for x in ctx["nd"][k])
    assert "năm 2026" not in said and said.count("năm học 2025-2026") == 2
    plan = _ctx(SCHOOL, "ke-hoach", headers=SCHOOL_HEADS)
    assert plan["vb"]["trich_yeu"] == ["Thực hiện các chỉ tiêu ngành giáo dục năm học 2025-2026"]
    assert plan["ct"]["mo_dau"] in ([], ["Phấn đấu thực hiện các chỉ tiêu chủ yếu năm học 2025-2026 như sau:"])


def test_a_school_year_beside_a_calendar_years_plan_is_told():
    ctx = _ctx(SCHOOL, headers={"target": "Kế hoạch năm 2026", "result": "Thực hiện năm học 2025-2026"})
    assert ctx["vb"]["trich_yeu"] == ["Kết quả thực hiện các chỉ tiêu ngành giáo dục năm học 2025-2026"]
    assert any("Kế hoạch năm 2026" in w and "năm học 2025-2026" in w for w in ctx["canh_bao"])


def test_a_school_year_that_ends_in_another_year_is_not_the_tables():
    # the table's year is 2026: «năm học 2023-2024» in its title is another period, never the document's
    ctx = _ctx(["UBND TỈNH LÀO CAI", "SO SÁNH VỚI NĂM HỌC 2023-2024"])
    assert "năm học" not in ctx["vb"]["trich_yeu"][0]


def test_a_collection_form_names_the_table_as_the_documents_do():
    from kh_excel.collect.forms import agency_rows, build_form
    t = replace(make_table(), title_lines=HEALTH, year=2026)
    ws = build_form(t, agency_rows(t)[0]).active
    assert ws["A1"].value == "PHIẾU NHẬP SỐ LIỆU THỰC HIỆN CÁC CHỈ TIÊU NGÀNH Y TẾ NĂM 2026"
    school = replace(make_table(), title_lines=SCHOOL, year=2026, column_headers={**t.column_headers, **SCHOOL_HEADS})
    ws = build_form(school, agency_rows(school)[0]).active
    assert ws["A1"].value == "PHIẾU NHẬP SỐ LIỆU THỰC HIỆN CÁC CHỈ TIÊU NGÀNH GIÁO DỤC NĂM HỌC 2025-2026"


@given(body=st.sampled_from([("ĐẠI HỘI ĐẢNG BỘ", "Đại hội Đảng bộ"), ("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ", "Đại hội đại biểu Đảng bộ")]),
       level=st.sampled_from(["XÃ", "PHƯỜNG", "TỈNH", "THỊ TRẤN"]),
       place=st.sampled_from(["", "BẢO HÀ", "LÀO CAI", "BẢN PHỐ MỚI"]),
       number=st.sampled_from(["", " LẦN THỨ I", " LẦN THỨ XV,"]),
       term=st.sampled_from(["", " NHIỆM KỲ 2025-2030", " NHIỆM KỲ 2025 - 2030"]),
       tail=st.sampled_from(["", " NĂM 2026", " ƯỚC THỰC HIỆN NĂM 2026", " (KÈM THEO BÁO CÁO)"]),
       head=st.sampled_from(["CHỈ TIÊU NGHỊ QUYẾT", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT"]),
       department=st.booleans())
def test_a_congress_resolution_keeps_its_capitals_level_place_and_term(body, level, place, number, term, tail, head,
                                                                        department):
    """Built by hand from its parts: «Nghị quyết» + the congress + «Đảng bộ» + the level in lower case + the place
    with each syllable capitalised + «lần thứ» with its Roman number + «nhiệm kỳ …» as written; nothing after."""
    title = f"{head} {body[0]} {level} {place}{number}{term}{tail}".replace("  ", " ")
    want = f"Nghị quyết {body[1]} {level.lower()}"
    if place:
        want += " " + " ".join(w[:1] + w[1:].lower() for w in place.split())
    if number:
        want += " lần thứ " + number.split()[-1]
    if term:
        want += " nhiệm kỳ " + term.split("KỲ ")[1]
    assert subject_of(title, department) == want.rstrip(",")



@pytest.mark.parametrize("title", ["KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026",
                                   "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2026"])
def test_a_title_naming_the_socio_economic_plan_without_chi_tieu_is_that_plan(title):
    """rev14 D7: a committee's title that names «kinh tế - xã hội» but not «chỉ tiêu» lost «kinh tế - xã hội chủ yếu»
    for «các chỉ tiêu»; a department's is still no field of the committee's."""
    assert subject_of(title, False) == COMMITTEE_SUBJECT
    assert subject_of(title, True) == ""


def test_a_school_years_change_is_said_against_the_school_year_before(tmp_path):
    """rev15 R15-5: «Thực hiện năm học 2024-2025 | Kế hoạch năm học 2025-2026 | Ước thực hiện năm học 2025-2026»: 99,2
    → 99,6 is «tăng 0,4 điểm % so với năm học 2024-2025», 610 → 652 schools «tăng 6,89%» (42/610) likewise, and the
    appendix's column says «So với năm học 2024-2025»; never «so với năm 2025», a calendar year nobody wrote."""
    import openpyxl

    from helpers import docx_paragraphs, run_cli
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LÀO CAI"], ["BIỂU CHỈ TIÊU NGÀNH GIÁO DỤC NĂM HỌC 2025-2026"], [],
                ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm học 2024-2025", "Kế hoạch năm học 2025-2026",
                 "Ước thực hiện năm học 2025-2026", "Cơ quan chủ trì"],
                ["1", "Tỷ lệ huy động trẻ 5 tuổi đến trường", "%", 99.2, 99.5, 99.6, "Sở Giáo dục và Đào tạo"],
                ["2", "Số trường đạt chuẩn quốc gia", "Trường", 610, 640, 652, "Sở Giáo dục và Đào tạo"]):
        ws.append(row)
    src, out = tmp_path / "namhoc.xlsx", tmp_path / "bc.docx"
    wb.save(src)
    r = run_cli("render", "bao-cao", str(src), "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = "\n".join(docx_paragraphs(out))
    assert "tăng 0,4 điểm % so với năm học 2024-2025" in text and "tăng 6,89% so với năm học 2024-2025" in text
    assert "so với năm 2025" not in text
    import docx
    heads = [c.text for c in docx.Document(str(out)).tables[-1].rows[0].cells]
    assert "So với năm học 2024-2025" in heads and "So với năm 2025" not in heads
