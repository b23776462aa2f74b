"""Settings: the sheet rows, the groups, TOML overrides and the `settings` command."""
from __future__ import annotations

import shutil
from datetime import date, datetime

import openpyxl
import pytest

from helpers import run_cli, sample
from kh_excel.docs.settings import (SHEET_NAME, Settings, SettingsError, example_settings_rows, load_settings,
                                    load_toml, read_settings_sheet, settings_from_mapping, settings_from_rows,
                                    write_settings_sheet)


def test_example_rows_read_back_without_warnings():
    s = settings_from_rows(example_settings_rows(2026))
    assert s.warnings == []
    common = s.for_kind("ke-hoach")
    assert common["co_quan_ban_hanh"] == ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]
    assert common["ngay"] == date(2026, 1, 20)
    assert len(common["noi_nhan"]) >= 5          # one row per recipient, collected
    report = s.for_kind("bao-cao")
    assert report["so"] == "15" and report["tham_quyen"] == "TM., KT." and report["ho_ten"] == "Nguyễn Thành Sinh"
    assert s.for_kind("chuong-trinh")["ho_ten"] == "Nguyễn Tuấn Anh"   # the group does not override it
    assert all(isinstance(c, str) for row in example_settings_rows() for c in row)


def test_rows_as_a_sheet_gives_them():
    rows = [
        ["CẤU HÌNH VĂN BẢN"], ["Mục", "Giá trị"],
        ["cơ quan ban hành", "ỦY BAN NHÂN DÂN\r\nTỈNH LÀO CAI"],   # case and accents as typed
        ["Ngày ban hành", datetime(2026, 2, 3)],                  # a date cell
        ["Số văn bản", 4.0],                                      # a number cell
        ["Nơi nhận", "Bộ Tài chính"], ["Nơi nhận", "Văn phòng Chính phủ\nThường trực Tỉnh ủy"],
        ["[Báo cáo]", None], ["Số văn bản", "15"],
        ["Giao chỉ tiêu"], ["Trích yếu", "V/v giao chỉ tiêu"],
        ["Màu nền", "xanh"],
    ]
    s = settings_from_rows(rows, source="thu.xlsx")
    c = s.for_kind("chuong-trinh")
    assert c["co_quan_ban_hanh"] == ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]
    assert c["ngay"] == date(2026, 2, 3) and c["so"] == "4"
    assert c["noi_nhan"] == ["Bộ Tài chính", "Văn phòng Chính phủ", "Thường trực Tỉnh ủy"]
    assert s.for_kind("bao-cao")["so"] == "15"
    assert s.for_kind("giao-chi-tieu")["trich_yeu"] == ["V/v giao chỉ tiêu"]
    assert len(s.warnings) == 1 and "Màu nền" in s.warnings[0] and "dòng 12" in s.warnings[0]


def test_bad_date_names_the_row():
    with pytest.raises(SettingsError, match=r"dòng 2.*Ngày ban hành"):
        settings_from_rows([["Địa danh", "Lào Cai"], ["Ngày ban hành", "hôm qua"]])


def test_toml_overrides_by_label_or_id(tmp_path):
    toml = tmp_path / "s.toml"
    toml.write_text('so = 7\n"Địa danh" = "Sa Pa"\nnoi_nhan = ["A", "B"]\n'
                    '[bao-cao]\n"Thẩm quyền ký" = "KT."\nngay = 2026-03-15\n'
                    '["Chương trình hành động"]\ntrich_yeu = "dòng 1\\ndòng 2"\n', encoding="utf-8")
    base = settings_from_rows(example_settings_rows(2026))
    merged = base.merged(load_toml(toml))
    r = merged.for_kind("bao-cao")
    assert r["tham_quyen"] == "KT." and r["ngay"] == date(2026, 3, 15)
    assert r["so"] == "15"                     # the sheet's group value still beats a common one
    assert merged.for_kind("ke-hoach")["so"] == "20"
    assert merged.for_kind("giao-chi-tieu")["dia_danh"] == "Sa Pa"
    assert merged.for_kind("giao-chi-tieu")["noi_nhan"] == ["A", "B"]
    assert merged.for_kind("chuong-trinh")["trich_yeu"] == ["dòng 1", "dòng 2"]


def test_toml_errors(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("so = \n", encoding="utf-8")
    with pytest.raises(SettingsError, match="TOML"):
        load_toml(bad)
    with pytest.raises(SettingsError, match="không hiểu mục «mau»"):
        settings_from_mapping({"mau": "đỏ"})
    with pytest.raises(SettingsError, match="không có nhóm «quyet-dinh»"):
        settings_from_mapping({"quyet-dinh": {"so": 1}})
    with pytest.raises(SettingsError, match="Không tìm thấy"):
        load_toml(tmp_path / "nope.toml")


def test_write_sheet_to_a_copy_and_read_it_back(tmp_path):
    src = tmp_path / "book.xlsx"
    shutil.copy(sample("chi_tieu_2026_lao_cai.xlsx"), src)
    before = src.read_bytes()
    out = write_settings_sheet(src, tmp_path / "out" / "with.xlsx", example_settings_rows(2026))
    assert src.read_bytes() == before                       # the original is untouched
    wb = openpyxl.load_workbook(out)
    assert SHEET_NAME in wb.sheetnames and wb.sheetnames[0] != SHEET_NAME
    assert wb[SHEET_NAME]["A1"].value == "CẤU HÌNH VĂN BẢN"
    s = read_settings_sheet(out)
    assert s.for_kind("bao-cao")["so"] == "15" and s.sources[0].endswith(SHEET_NAME)
    with pytest.raises(SettingsError, match="đã có"):
        write_settings_sheet(out, tmp_path / "again.xlsx")
    assert not (tmp_path / "again.xlsx").exists()
    write_settings_sheet(out, tmp_path / "again.xlsx", replace=True)
    assert openpyxl.load_workbook(tmp_path / "again.xlsx").sheetnames.count(SHEET_NAME) == 1


def test_write_sheet_refuses_xls(tmp_path):
    with pytest.raises(SettingsError, match=".xlsx"):
        write_settings_sheet(tmp_path / "a.xls", tmp_path / "b.xlsx")


def test_load_settings_without_sheet_is_empty():
    s = load_settings(sample("chi_tieu_2026_lao_cai.xlsx"))
    assert isinstance(s, Settings) and s.groups == {}


def test_settings_command(tmp_path):
    out = tmp_path / "lc.xlsx"
    proc = run_cli("settings", sample("chi_tieu_2026_lao_cai.xlsx"), "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "Cấu hình văn bản" in proc.stderr
    # what the table's title tells (A2 «… TỈNH LÀO CAI»), never the example's numbers, dates or signers
    assert read_settings_sheet(out).groups == {"chung": {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"],
                                                         "dia_danh": "Lào Cai"}}
    again = run_cli("settings", out, "-o", tmp_path / "x.xlsx")
    assert again.returncode == 2 and "đã có" in again.stderr and not (tmp_path / "x.xlsx").exists()


# ------------------------------------------------------------------ settings the user did not mean (review r1 12)

def _with_settings(tmp_path, rows):
    src = tmp_path / "book.xlsx"
    shutil.copy(sample("chi_tieu_2026_lao_cai.xlsx"), src)
    return write_settings_sheet(src, tmp_path / "with.xlsx", rows)


def test_a_formula_in_a_text_setting_uses_its_value_with_a_warning(tmp_path):
    rows = [["CẤU HÌNH VĂN BẢN"], ["Mục", "Giá trị", "Ghi chú"], ["Thông báo kết luận", "", ""],
            ["Địa điểm họp", "=C4", "Hội trường tầng 3"], ["Tên cuộc họp", "phiên họp thường kỳ", ""]]
    s = read_settings_sheet(_with_settings(tmp_path, rows))
    assert s.for_kind("thong-bao")["hop_dia_diem"] == "Hội trường tầng 3"   # the value a reader of the sheet sees
    (w,) = s.warnings
    assert "dòng 4" in w and "ô B4" in w and "Địa điểm họp" in w and "công thức" in w


def test_unknown_key_and_formula_are_warned_by_render(tmp_path):
    rows = [*example_settings_rows(2026), ["Khóa lạ", "abc", ""]]
    out = tmp_path / "tb.docx"
    proc = run_cli("render", "thong-bao", _with_settings(tmp_path, rows), "-o", out)
    assert proc.returncode == 0 and out.exists()
    assert "Cảnh báo:" in proc.stderr and "không hiểu mục «Khóa lạ»" in proc.stderr


def test_every_place_the_notice_asks_for_has_a_row_in_the_settings_template():
    """Each «ghi ở mục «X»» of a notice made without settings names a row of the template's notice group."""
    import re
    from kh_excel.api import read_workbook
    from kh_excel.core.attainment import evaluate
    from kh_excel.docs.context import build_context
    ctx = build_context(evaluate(read_workbook(sample("chi_tieu_2026_lao_cai.xlsx"))), None, "thong-bao")
    asked = set(re.findall(r"mục «([^»]+)»", str(ctx["nd"]) + str(ctx["tb"])))  # what the notice prints
    assert {"Kết quả đạt được", "Tồn tại, hạn chế", "Kết luận"} <= asked
    rows = example_settings_rows(2026)
    start = next(i for i, r in enumerate(rows) if r[0] == "Thông báo kết luận")
    end = next((i for i in range(start + 1, len(rows)) if not rows[i][1] and not rows[i][2]), len(rows))
    group = {r[0] for r in rows[start + 1:end]}
    assert asked <= group, asked - group
