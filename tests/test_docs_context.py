"""The template context: header, dates, symbols, signers, recipients, appendix rows, lists, agency filter."""
from __future__ import annotations

from datetime import date

import pytest
from markupsafe import Markup

import kh_excel
from helpers import sample
from kh_excel.core.attainment import evaluate
from kh_excel.docs.context import ContextError, build_context
from kh_excel.docs.settings import (Settings, SettingsError, example_settings_rows, settings_from_mapping,
                                    settings_from_rows)
from test_docs_data import make_table

EXAMPLE = settings_from_rows(example_settings_rows(2026))


def ctx(kind="chuong-trinh", settings=EXAMPLE, table=None, **kw):
    return build_context(evaluate(table or make_table(**kw.pop("t", {}))), settings, kind, **kw)


def test_header_and_the_appendix_line_come_from_the_same_settings():
    c = ctx("chuong-trinh")
    assert c["vb"]["dong_so"] == "Số: 04/CTr-UBND"
    assert c["vb"]["dia_danh_ngay"] == "Lào Cai, ngày 03 tháng 02 năm 2026"
    assert c["vb"]["ten_loai"] == "CHƯƠNG TRÌNH HÀNH ĐỘNG"
    assert c["pl"]["kem_theo"] == ("(Kèm theo Chương trình hành động số 04/CTr-UBND ngày 03 tháng 02 năm 2026 "
                                   "của Ủy ban nhân dân tỉnh)")
    assert c["cq"]["ban_hanh"] == ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"] and c["cq"]["chu_quan"] == []
    # change the date once: both places follow
    s = EXAMPLE.merged(settings_from_mapping({"chuong-trinh": {"ngay": date(2026, 3, 15), "so": 9}}))
    c2 = ctx("chuong-trinh", s)
    assert c2["vb"]["dia_danh_ngay"].endswith("ngày 15 tháng 3 năm 2026")
    assert "số 09/CTr-UBND ngày 15 tháng 3 năm 2026" in c2["pl"]["kem_theo"]


def test_each_kind_has_its_type_and_symbol():
    assert ctx("bao-cao")["vb"]["dong_so"] == "Số: 15/BC-UBND"
    assert ctx("ke-hoach")["vb"]["dong_so"] == "Số: 20/KH-UBND"
    g = ctx("giao-chi-tieu", agency="Sở Tài chính")
    assert g["vb"]["dong_so"] == "Số: 125/UBND-TH" and g["vb"]["cong_van"] is True and g["vb"]["ten_loai"] == ""
    assert g["vb"]["trich_yeu"][0].startswith("V/v ")
    assert g["vb"]["kinh_gui"] == ["Sở Tài chính"]
    assert g["noi_nhan"][0] == "- Như trên;"


def test_defaults_without_any_settings_come_from_the_table():
    c = ctx("bao-cao", settings=None)
    assert c["cq"]["ban_hanh"] == ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]
    assert c["vb"]["dia_danh_ngay"].startswith("Lào Cai, ngày")
    assert c["ky"][0]["dong"] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert c["ky"][0]["ho_ten"] == "Nguyễn Tuấn Anh"         # the chairman among the leaders in charge
    assert c["noi_nhan"][-1] == "- Lưu: VT, TH."
    assert c["vb"]["dong_so"].endswith("/BC-UBND")            # a draft: number left for the clerk


def test_a_department_under_its_committee_and_two_signers():
    s = settings_from_mapping({
        "co_quan_chu_quan": "UBND tỉnh Lào Cai", "co_quan_ban_hanh": "Sở Tài chính", "ky_hieu_co_quan": "STC",
        "tham_quyen": "KT.", "chuc_vu_thu_truong": "Giám đốc", "chuc_vu": "Phó Giám đốc", "ho_ten": "Lê Văn A",
        "tham_quyen_2": "", "chuc_vu_2": "Giám đốc Sở Nội vụ", "ho_ten_2": "Trần Thị B", "so": 3})
    c = ctx("ke-hoach", s)
    assert c["cq"]["chu_quan"] == ["UBND TỈNH LÀO CAI"] and c["cq"]["ban_hanh"] == ["SỞ TÀI CHÍNH"]
    assert c["vb"]["dong_so"] == "Số: 03/KH-STC"
    assert [k["dong"] for k in c["ky"]] == [["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], ["GIÁM ĐỐC SỞ NỘI VỤ"]]
    assert [k["ho_ten"] for k in c["ky"]] == ["Lê Văn A", "Trần Thị B"]


def test_a_department_with_only_its_header_lines_gets_its_own_name_symbol_and_director():
    # review case: only the two header settings changed; nothing of the UBND may leak in
    s = settings_from_mapping({"co_quan_chu_quan": "UBND TỈNH LÀO CAI", "co_quan_ban_hanh": "SỞ TÀI CHÍNH",
                               "so": 7})
    for kind in ("bao-cao", "ke-hoach", "chuong-trinh"):
        c = ctx(kind, s)
        assert c["vb"]["dong_so"].endswith("07/" + {"bao-cao": "BC", "ke-hoach": "KH", "chuong-trinh": "CTr"}[kind]
                                           + "-STC")
        assert c["cq"]["ten"] == "Sở Tài chính" and c["cq"]["ky_hieu"] == "STC"
        # never the UBND chairman: the name is a marked gap for the author, never a blank that gets signed
        assert c["ky"][0]["dong"] == ["GIÁM ĐỐC"] and "[Họ và tên người ký]" in c["ky"][0]["ho_ten"]
        assert "Ủy ban nhân dân" not in " ".join(c["nd"]["mo_dau"] + [c["pl"]["kem_theo"]])
        # the committee appears only as the body the Sở reports on to, never as the issuer
        assert "Ủy ban nhân dân" not in " ".join(c["nd"]["ket_thuc"]).replace("để tổng hợp, báo cáo Ủy ban nhân dân", "")
    assert ctx("bao-cao", s)["nd"]["mo_dau"][0].startswith("Sở Tài chính báo cáo")
    g = ctx("giao-chi-tieu", s, agency="Sở Tài chính")
    assert g["vb"]["dong_so"] == "Số: 07/STC-TH"
    # KT. under a Sở: the head is the GIÁM ĐỐC, not the CHỦ TỊCH
    kt = s.merged(settings_from_mapping({"tham_quyen": "KT.", "chuc_vu": "PHÓ GIÁM ĐỐC", "ho_ten": "Hoàng Văn Bình"}))
    assert ctx("bao-cao", kt)["ky"][0]["dong"] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    lines = settings_from_mapping({"co_quan_ban_hanh": ["SỞ TÀI CHÍNH", "TỈNH LÀO CAI"]})
    assert ctx("bao-cao", lines)["cq"]["ky_hieu"] == "STC" and ctx("bao-cao", lines)["cq"]["ten"] == "Sở Tài chính"
    two = settings_from_mapping({"co_quan_ban_hanh": "SỞ GIÁO DỤC VÀ ĐÀO TẠO"})
    assert ctx("ke-hoach", two)["vb"]["dong_so"].endswith("/KH-SGDĐT")


def test_tm_for_a_single_head_body_and_an_unknown_issuer_are_context_errors():
    s = settings_from_mapping({"co_quan_ban_hanh": "SỞ TÀI CHÍNH", "tham_quyen": "TM.", "chuc_vu": "GIÁM ĐỐC"})
    with pytest.raises(ContextError, match="TM.*tập thể"):
        ctx("bao-cao", s)
    with pytest.raises(ContextError, match=r"«Tên cơ quan ban hành trong câu» \(ten_co_quan\), «Ký hiệu cơ quan ban hành» "
                                           r"\(ky_hieu_co_quan\)"):
        ctx("bao-cao", settings_from_mapping({"co_quan_ban_hanh": "BAN QUẢN LÝ DỰ ÁN"}))
    ok = settings_from_mapping({"co_quan_ban_hanh": "BAN QUẢN LÝ DỰ ÁN", "ten_co_quan": "Ban Quản lý dự án",
                                "ky_hieu_co_quan": "BQLDA", "chuc_vu": "TRƯỞNG BAN", "ho_ten": "Lê Văn C"})
    assert ctx("bao-cao", ok)["ky"][0]["dong"] == ["TRƯỞNG BAN"]


def test_bad_authority_is_refused_where_read_and_by_the_context():
    with pytest.raises(SettingsError, match="mục «tham_quyen»: Thẩm quyền ký: .*«Thay mặt» không hợp lệ"):
        settings_from_mapping({"tham_quyen": "Thay mặt"})
    with pytest.raises(ContextError, match="không hợp lệ"):  # settings made in code, not read
        ctx("ke-hoach", Settings(groups={"chung": {"tham_quyen": "Thay mặt"}}))


def test_rules_are_markup_paragraphs_sized_to_the_text():
    c = ctx("ke-hoach")
    for key in ("co_quan", "tieu_ngu", "trich_yeu", "phu_luc"):
        assert isinstance(c["ke"][key], Markup) and c["ke"][key].startswith("<w:p>")
    assert 'w:bottom w:val="single"' in c["ke"]["tieu_ngu"]


def test_appendix_rows_keep_the_source_precision_and_structure():
    c = ctx("bao-cao")
    rows = c["pl"]["hang"]
    assert [r["loai"] for r in rows[:2]] == ["muc", "chi_tieu"]
    assert rows[0]["stt"] == "I" and rows[0]["ten"] == "CÁC CHỈ TIÊU VỀ KINH TẾ"
    by_name = {r["ten"]: r for r in rows}
    gdp = by_name["GRDP bình quân đầu người"]
    assert gdp["ke_hoach"] == "93,00" and gdp["thuc_hien"] == "94,10" and gdp["ty_le"] == "101,2"
    assert gdp["danh_gia"] == "Vượt KH" and gdp["chu_tri"] == "Sở Tài chính; Thống kê tỉnh"
    # the appendix copies the plan cell as the resolution writes it («>10»: rev18 R18-14)
    assert by_name["Tốc độ tăng trưởng kinh tế (GRDP)"]["ke_hoach"] == "> 10"  # signs alone: digits grouped (rev19 REG-4)
    sub = by_name["Nông, lâm nghiệp và thủy sản"]
    assert sub["loai"] == "dong_con" and sub["cap"] == 2
    assert by_name["Cơ cấu GRDP"]["cap"] == 1
    assert sub["chu_tri"] == "" and sub["lanh_dao"] == ""   # inherited from its indicator: not repeated
    assert [r["ten"] for r in rows if r["loai"] == "muc"] == ["CÁC CHỈ TIÊU VỀ KINH TẾ",
                                                              "CÁC CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI"]


def test_report_numbers_and_sentence_count_the_items_listed():
    table = kh_excel.read_workbook(sample("chi_tieu_2026_lao_cai.xlsx"))
    att = kh_excel.evaluate(table)
    c = build_context(att, EXAMPLE, "bao-cao")
    # 44 rows; «Cơ cấu GRDP» and its 4 parts are one item: 40 items, 19 vượt + 9 đạt (13 rows - 5 + 1), 12 không đạt
    assert c["kq"]["cau_tong_hop"].startswith("Ước thực hiện cả năm 2026, có 28/40 chỉ tiêu đạt và vượt kế hoạch; 12 chỉ tiêu "
                                              "không đạt kế hoạch, gồm: (1) Tổng sản phẩm trên địa bàn theo giá "
                                              "hiện hành (ước thực hiện 151.200\u00a0tỷ\u00a0đồng, kế hoạch "
                                              "155.000\u00a0tỷ\u00a0đồng);")
    # the column is «Ước thực hiện năm 2026»: each figure is an estimate (note10 #10)
    assert "(4) Chỉ số sản xuất công nghiệp (ước thực hiện 108,5%, kế hoạch 112%)" in c["kq"]["cau_tong_hop"]
    assert c["kq"]["cau_tong_hop"].endswith("; 1 chỉ tiêu không đánh giá bằng số.")
    rows = [r for r in c["pl"]["hang"] if r["loai"] != "muc"]
    assert len(rows) == len(att.assessments)
    for r, a in zip(rows, att.assessments):
        assert r["danh_gia"] == a.status_label
    by_name = {r["ten"]: r for r in rows}
    assert by_name["Tổng sản phẩm trên địa bàn theo giá hiện hành"]["ty_le"] == "97,5"   # 151.200 / 155.000
    # a share more of which is better, against a point plan, has the ratio attainment prints (rev18 R18-11)
    assert by_name["Tỷ lệ đô thị hóa"]["ty_le"] == "100,0"      # 32,4 / 32,4, as attainment prints it
    assert by_name["Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội"]["ty_le"] == ""   # lower is better
    counted = [len(g["muc"]) for g in c["kq"]["nhom"]]
    assert counted == [19, 9, 12, 1]
    assert [c["kq"][k] for k in ("so_danh_gia", "so_vuot", "so_dat", "so_khong_dat")] == ["40", "19", "9", "12"]


def test_growth_against_the_previous_year():
    c = ctx("bao-cao", t={"previous": True})
    assert c["pl"]["co_nam_truoc"] is True and c["pl"]["cot_nam_truoc"] == "Thực hiện năm 2025"
    first = c["pl"]["hang"][1]
    assert first["nam_truoc"] == "140.000" and first["so_sanh"] == "tăng 8,00%"
    share = next(r for r in c["pl"]["hang"] if r["ten"] == "Nông, lâm nghiệp và thủy sản")
    assert share["so_sanh"] == "giảm 0,5 điểm %"
    assert any(t.startswith("- Tổng sản phẩm") and "tăng 8,00% so với năm 2025" in t for t in c["kq"]["tang_truong"])
    assert ctx("bao-cao")["kq"]["tang_truong"] == []


def test_lists_end_with_semicolons_and_a_full_stop():
    c = ctx("bao-cao")
    for g in c["kq"]["nhom"]:
        assert all(x.endswith(";") for x in g["muc"][:-1]) and g["muc"][-1].endswith(".")
    titles = [g["tieu_de"] for g in c["kq"]["nhom"]]
    assert titles[0].startswith("a) Các chỉ tiêu vượt kế hoạch")
    plan = ctx("ke-hoach")["ct"]["nhom"]
    assert plan[0]["tieu_de"] == "a) Các chỉ tiêu về kinh tế"
    muc = [m.replace("\u00a0", " ") for m in plan[0]["muc"]]
    assert "- Tốc độ tăng trưởng kinh tế (GRDP): đạt trên 10%;" in muc
    assert "- Tổng sản phẩm trên địa bàn theo giá hiện hành: đạt 155.000 tỷ đồng;" in muc
    assert "- Cơ cấu GRDP: nông, lâm nghiệp và thủy sản 14,97%;" in muc     # one sentence, never «đạt 100%»


def test_tasks_per_lead_agency():
    items = [str(x) for x in ctx("chuong-trinh")["tc"]["muc"]]
    assert items[0].startswith("1. Sở Tài chính chủ trì, phối hợp với Ủy ban nhân dân các xã, phường ")  # written out
    # indicator 3 has two lead agencies: listed once, under both together, not in full under each
    assert items[1].startswith("2. Sở Tài chính, Thống kê tỉnh chủ trì")
    assert not any(x.startswith(("2. Thống kê tỉnh", "3. Thống kê tỉnh")) for x in items)
    assert sum("GRDP bình quân đầu người" in x for x in items) == 1


def test_a_qualitative_indicator_without_a_target_is_still_a_task():
    import dataclasses
    from kh_excel.core.model import Target
    table = make_table()
    table.indicators[-1] = dataclasses.replace(table.indicators[-1], target=Target("", "text"))
    name = table.indicators[-1].name
    # the programme's part IV assigns it by name
    assert any(f"chỉ tiêu: (4) {name};" in str(x) or f"; (4) {name};" in str(x)
               for x in ctx("chuong-trinh", table=table)["tc"]["muc"])
    for kind, pick in (("chuong-trinh", lambda c: [m for g in c["ct"]["nhom"] for m in g["muc"]]),
                       ("ke-hoach", lambda c: [m for g in c["ct"]["nhom"] for m in g["muc"]]),
                       ("giao-chi-tieu", lambda c: c["gc"]["muc"])):
        c = ctx(kind, table=table, agency="Sở Tài chính" if kind == "giao-chi-tieu" else None)
        assert f"- {name}." in pick(c), kind


def test_agency_filter_keeps_its_rows_and_their_subrows():
    c = ctx("giao-chi-tieu", agency="sở tài chính")           # spelling as typed on the command line
    assert c["gc"]["co_quan"] == "Sở Tài chính"
    names = [r["ten"] for r in c["pl"]["hang"] if r["loai"] != "muc"]
    assert "Cơ cấu GRDP" in names and "Nông, lâm nghiệp và thủy sản" in names
    assert "Tỷ lệ lao động qua đào tạo" not in names
    # 1, the structure «Cơ cấu GRDP» (one item), 2, 3 and 6: the count the letter gives is the items it lists
    assert c["gc"]["so_chi_tieu"] == "5" == str(len(c["gc"]["muc"]))
    assert "Sở Tài chính" in c["pl"]["tieu_de"][0].title() or "SỞ TÀI CHÍNH" in c["pl"]["tieu_de"][0]
    assert c["kq"]["cau_tong_hop"].startswith("Ước thực hiện cả năm 2026, có 2/4 chỉ tiêu đạt và vượt kế hoạch; 2 chỉ tiêu")


def test_agency_errors():
    with pytest.raises(ContextError, match="cần tên cơ quan"):
        ctx("giao-chi-tieu")
    with pytest.raises(ContextError, match="không có chỉ tiêu nào"):
        ctx("giao-chi-tieu", agency="Sở Ngoại vụ")
    with pytest.raises(ContextError, match="không có"):
        ctx("quyet-dinh")


def test_plan_without_results():
    c = ctx("ke-hoach", t={"results": False})
    assert c["kq"]["co_ket_qua"] is False
    assert all(r["danh_gia"] == "" for r in c["pl"]["hang"])


def test_units_and_targets_read_as_words_in_sentences():
    from kh_excel.docs.context import mid_sentence, target_phrase, unit_in_text
    assert unit_in_text("1000 lượt người") == "nghìn lượt người"
    assert unit_in_text("1.000 Người") == "nghìn người"
    assert unit_in_text("Triệu USD") == "triệu USD"
    items = [m for g in ctx("bao-cao")["kq"]["nhom"] for m in g["muc"]]
    growth = next(m for m in items if m.startswith("- Tốc độ tăng trưởng kinh tế"))
    assert "kế hoạch trên 10%" in growth and ">" not in growth and "% KH" not in growth
    import dataclasses
    table = make_table()
    table.indicators[-1] = dataclasses.replace(table.indicators[-1], result_text="Tăng 3 bậc")
    items = [m for g in ctx("bao-cao", table=table)["kq"]["nhom"] for m in g["muc"]]
    assert any(m.startswith("- Xếp hạng chỉ số PCI phấn đấu cao hơn năm 2025: tăng 3 bậc") and "::" not in m
               and m.count(":") == 1 for m in items), items
    table = make_table()
    from decimal import Decimal
    from kh_excel.core.model import Target
    table.indicators[0] = dataclasses.replace(table.indicators[0], unit="1000 lượt người",
                                              target=Target(">90000", ">", Decimal("90000")))
    assert target_phrase(table.indicators[0]) == "đạt trên 90.000\u00a0nghìn lượt người"
    first = next(m for g in ctx("bao-cao", table=table)["kq"]["nhom"] for m in g["muc"] if "Tổng sản phẩm" in m)
    assert "thực hiện 151.200\u00a0nghìn lượt người, kế hoạch trên 90.000\u00a0nghìn lượt người" in first
    assert mid_sentence("Tăng 3 bậc so với năm 2025") == "tăng 3 bậc so với năm 2025"
    assert mid_sentence("PCI tăng 3 bậc") == "PCI tăng 3 bậc" and mid_sentence("Sở Tài chính") == "Sở Tài chính"


def test_abbreviated_agencies_are_written_out_in_prose_and_kinh_gui():
    import dataclasses
    table = make_table()
    i = next(k for k, x in enumerate(table.indicators) if x.stt == "4")
    table.indicators[i] = dataclasses.replace(table.indicators[i], lead=["Sở VHTTDL"], cooperate=["Sở GD&ĐT"])
    items = [str(x) for x in ctx("chuong-trinh", table=table)["tc"]["muc"]]
    assert any(x.startswith("3. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Giáo dục và Đào tạo ")
               for x in items), items
    g = ctx("giao-chi-tieu", table=table, agency="Sở VHTTDL")
    assert g["vb"]["kinh_gui"] == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert g["nd"]["mo_dau"][0].startswith("Ủy ban nhân dân tỉnh giao Sở Văn hóa, Thể thao và Du lịch chủ trì")
    # no «Sở Xây dựng xây dựng kế hoạch»
    x = ctx("giao-chi-tieu", agency="Sở Tài chính")["nd"]["to_chuc"][0]
    assert "xây dựng kế hoạch" not in x and "lập kế hoạch" in x
    # the registry's short forms never replace a full name in prose, and prose writes «UBND» out
    s = settings_from_mapping({"bao-cao": {"kinh_gui": ["Ủy ban nhân dân tỉnh", "UBND các xã/phường"]}})
    assert ctx("bao-cao", EXAMPLE.merged(s))["vb"]["kinh_gui"] == ["- Ủy ban nhân dân tỉnh;",
                                                                  "- Ủy ban nhân dân các xã, phường."]


def test_noi_nhan_names_the_addressee_once_and_nobody_twice():
    # the report goes to «Thường trực Hội đồng nhân dân tỉnh»; the example list also has «Thường trực HĐND tỉnh»
    c = ctx("bao-cao")
    assert c["vb"]["kinh_gui"] == ["Thường trực Hội đồng nhân dân tỉnh"]
    assert c["noi_nhan"][0] == "- Như trên;"
    assert not any("HĐND" in x or "Hội đồng nhân dân" in x for x in c["noi_nhan"])
    s = settings_from_mapping({"kinh_gui": ["UBND các xã, phường"],
                               "noi_nhan": ["Như trên", "Ủy ban nhân dân các xã, phường", "Sở Tài chính",
                                            "Sở TC", "Thường trực Tỉnh ủy"]})
    assert ctx("ke-hoach", s)["noi_nhan"] == ["- Như trên;", "- Sở Tài chính;", "- Thường trực Tỉnh ủy;",
                                             "- Lưu: VT, TH."]
    # no Kính gửi: no «Như trên», even when typed
    s = settings_from_mapping({"noi_nhan": ["Như trên", "Sở Tài chính"]})
    assert ctx("ke-hoach", s)["noi_nhan"] == ["- Sở Tài chính;", "- Lưu: VT, TH."]


def test_judgements_are_the_authors_marked_places_never_invented():
    c = ctx("bao-cao", settings=None)
    ket_qua = c["nd"]["ket_qua"]
    assert len(ket_qua) == 1 and isinstance(ket_qua[0], Markup)
    assert '<w:highlight w:val="yellow"/>' in ket_qua[0] and "[Đánh giá chung:" in ket_qua[0]
    every = " ".join(str(x) for v in c["nd"].values() for x in v)
    for claim in ("quyết liệt", "ổn định và phát triển", "giải ngân"):
        assert claim not in every
    own = settings_from_mapping({"bao-cao": {"ket_qua": "Kinh tế tăng trưởng khá."}})
    assert ctx("bao-cao", own)["nd"]["ket_qua"] == ["Kinh tế tăng trưởng khá."]
    assert not isinstance(ctx("bao-cao", own)["nd"]["ket_qua"][0], Markup)
    # the example settings sheet offers marked places, not boilerplate
    example = " ".join(str(x) for v in ctx("bao-cao")["nd"].values() for x in v)
    assert "quyết liệt" not in example and "ổn định và phát triển" not in example


def test_appendix_keeps_merged_cells_aligns_text_targets_and_ends_without_a_lone_row():
    table = kh_excel.read_workbook(sample("chi_tieu_2026_lao_cai.xlsx"))
    rows = build_context(kh_excel.evaluate(table), EXAMPLE, "ke-hoach")["pl"]["hang"]
    by_name = {r["ten"]: r for r in rows}
    # indicator 3 and its blank-STT sub-row «Thu nhập bình quân đầu người»: lead and leader cells merged; the
    # sub-row's STT cell stays empty as in the sheet (A16 is empty and not merged), never a second «3»
    gdp, income = by_name["GRDP bình quân đầu người"], by_name["Thu nhập bình quân đầu người"]
    for f in ("chu_tri", "lanh_dao"):
        assert gdp[f"gop_{f}"] == '<w:vMerge w:val="restart"/>' and income[f"gop_{f}"] == "<w:vMerge/>"
    assert (gdp["stt"], income["stt"], gdp["gop_stt"], income["gop_stt"]) == ("3", "", "", "")
    assert by_name["Tốc độ tăng trưởng kinh tế (GRDP)"]["gop_stt"] == ""        # no sub-row: nothing merged
    # a merged group keeps together: its first row keeps with the next, its last does not
    assert gdp["giu_voi_sau"] and not income["giu_voi_sau"]
    assert by_name["Tốc độ tăng trưởng kinh tế (GRDP)"]["ke_hoach"] == "> 10"  # signs alone: digits grouped (rev19 REG-4)
    assert by_name["Tổng vốn đầu tư thực hiện trên địa bàn"]["ke_hoach"] == "> 90.000"  # signs alone: digits grouped
    # the qualitative target reads left-aligned; figures right-aligned
    assert by_name["Tổng sản phẩm trên địa bàn theo giá hiện hành"]["can_ke_hoach"] == "right"
    pci = next(r for r in ctx("ke-hoach")["pl"]["hang"] if r["ten"].startswith("Xếp hạng chỉ số PCI"))
    assert pci["ke_hoach"] == "Tăng 3 bậc so với năm 2025" and pci["can_ke_hoach"] == "left"
    import dataclasses
    from decimal import Decimal
    from kh_excel.core.model import Target
    t = make_table()
    t.indicators[0] = dataclasses.replace(t.indicators[0], target=Target("Tăng 11-12%", "range", Decimal(11),
                                                                         Decimal(12)), growth_target=True)
    first = next(r for r in ctx("ke-hoach", table=t)["pl"]["hang"] if r["loai"] == "chi_tieu")
    assert first["ke_hoach"] == "Tăng 11-12%" and first["can_ke_hoach"] == "left"    # words, though numeric
    # the last rows and every section title keep with the next row; the very last row keeps with nothing
    assert [bool(r["giu_voi_sau"]) for r in rows[-3:]] == [True, True, False]
    assert all(r["giu_voi_sau"] for r in rows[:-1] if r["loai"] == "muc")


def test_the_faulty_sample_puts_no_error_value_in_any_sentence_or_cell():
    table = kh_excel.read_workbook(sample("chi_tieu_2026_co_loi.xlsx"))
    att = kh_excel.evaluate(table)
    for kind in ("bao-cao", "ke-hoach", "chuong-trinh"):
        c = build_context(att, EXAMPLE, kind)

        def strings(x):
            if isinstance(x, dict):
                return [s for v in x.values() for s in strings(v)]
            if isinstance(x, list):
                return [s for v in x for s in strings(v)]
            return [str(x)]
        assert not [s for s in strings(c) if "#DIV" in s or "#REF" in s or "#VALUE" in s or "#N/A" in s], kind
    items = [m for g in build_context(att, EXAMPLE, "bao-cao")["kq"]["nhom"] for m in g["muc"]]
    assert "- Thu ngân sách nhà nước trên địa bàn: số liệu lỗi." in items     # its own group, last
    assert build_context(att, EXAMPLE, "bao-cao")["kq"]["cau_tong_hop"].endswith(
        "; 1 chỉ tiêu có số liệu lỗi, chưa đánh giá.")


def test_programme_heads_and_leaders_read_as_mid_sentence_prose():
    table = kh_excel.read_workbook(sample("chi_tieu_2026_lao_cai.xlsx"))
    items = [str(x) for x in build_context(kh_excel.evaluate(table), EXAMPLE, "chuong-trinh")["tc"]["muc"]]
    assert any(", các Ban Quản lý dự án chủ trì" in x for x in items), items
    assert not any(", Các " in x for x in items)
    assert any(x.endswith(". Các đồng chí lãnh đạo được phân công phụ trách từng chỉ tiêu "
                          "(Phụ lục kèm theo) chỉ đạo, đôn đốc, kiểm tra các cơ quan, đơn vị thực hiện.") for x in items)
    assert not any("UBND" in x for x in items)


def test_a_group_addressed_by_a_letter_is_lower_case_mid_sentence():
    import dataclasses
    table = make_table()
    table.indicators[0] = dataclasses.replace(table.indicators[0], lead=["Các Ban Quản lý dự án"])
    g = ctx("giao-chi-tieu", table=table, agency="Các Ban Quản lý dự án")
    assert g["vb"]["kinh_gui"] == ["Các Ban Quản lý dự án"]                     # a line of its own
    assert "giao các Ban Quản lý dự án chủ trì" in g["nd"]["mo_dau"][0]
    assert g["nd"]["to_chuc"][0].startswith("Đề nghị các Ban Quản lý dự án chủ động")
