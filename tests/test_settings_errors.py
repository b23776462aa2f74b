"""Settings errors name file, sheet, row (or TOML key) and come all at once; a bad --settings file
stops a batch once (exit 2) instead of failing every item."""
from __future__ import annotations

import pytest

from helpers import run_cli, sample
from kh_excel.docs.settings import SettingsError, load_toml, settings_from_rows

SOURCE = "bang.xlsx › Cấu hình văn bản"


def test_a_bad_authority_names_file_sheet_and_row():
    rows = [["Chung", None], ["Thẩm quyền ký", "XYZ."]]
    with pytest.raises(SettingsError) as info:
        settings_from_rows(rows, source=SOURCE)
    assert str(info.value) == ("bang.xlsx › Cấu hình văn bản dòng 2: Thẩm quyền ký: thẩm quyền ký «XYZ.» "
                               "không hợp lệ (dùng TM., KT., Q., TL., TUQ.)")


def test_valid_authorities_pass():
    s = settings_from_rows([["Thẩm quyền ký", "TM., KT."], ["Báo cáo", None], ["Thẩm quyền ký", "tl"],
                            ["Thông báo kết luận", None], ["Thẩm quyền ký", "TL., KT."]])
    assert s.groups["chung"]["tham_quyen"] == "TM., KT." and s.groups["bao-cao"]["tham_quyen"] == "tl"
    assert s.groups["thong-bao"]["tham_quyen"] == "TL., KT."


def test_every_bad_value_is_reported_at_once():
    rows = [["Chung", None], ["Thẩm quyền ký", "ABC."], ["Báo cáo", None], ["Ngày ban hành", "2026-02-30"]]
    with pytest.raises(SettingsError) as info:
        settings_from_rows(rows, source=SOURCE)
    lines = str(info.value).splitlines()
    assert lines[0] == "Cấu hình có 2 giá trị không dùng được:"
    assert lines[1].startswith("- bang.xlsx › Cấu hình văn bản dòng 2: Thẩm quyền ký: thẩm quyền ký «ABC.»")
    assert lines[2].startswith("- bang.xlsx › Cấu hình văn bản dòng 4: Ngày ban hành: «2026-02-30»")


def test_a_toml_error_names_file_group_and_key(tmp_path):
    p = tmp_path / "cau-hinh.toml"
    p.write_text('tham_quyen = "XYZ."\n[bao-cao]\nngay = "31/04/2026"\n', encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        load_toml(p)
    lines = str(info.value).splitlines()
    assert len(lines) == 3
    assert lines[1].startswith("- cau-hinh.toml, mục «tham_quyen»: Thẩm quyền ký: thẩm quyền ký «XYZ.»")
    assert lines[2].startswith("- cau-hinh.toml, nhóm [bao-cao], mục «ngay»: Ngày ban hành:")


def test_a_bad_settings_file_stops_the_batch_once(tmp_path):
    p = tmp_path / "cau-hinh.toml"
    p.write_text('tham_quyen = "XYZ."\n', encoding="utf-8")
    proc = run_cli("batch", str(sample("chi_tieu_2026_lao_cai.xlsx")), "--kind", "giao-chi-tieu",
                   "--per", "agency", "--settings", str(p), "-o", str(tmp_path / "kq"))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    out = proc.stdout + proc.stderr
    assert out.count("thẩm quyền ký «XYZ.»") == 1 and "cau-hinh.toml" in out
    assert not list((tmp_path / "kq").glob("*.docx")) if (tmp_path / "kq").exists() else True
