"""Real Excel dates through the add-in. xlwings' Office.js client sends a date cell as JavaScript's
`new Date(…).toISOString()` («2026-12-15T00:00:00.000Z»); the remote engine cuts the «Z» and hands
the add-in a datetime. The payload builder sends the same, so dates reach the buttons as in Excel."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from kh_excel.addin import run_action
from kh_excel.addin.documents import OUTPUT_ENV
from kh_excel.addin.payload import _json_value, open_book
from kh_excel.docs import settings as st
from test_addin_documents import LAO_CAI, _text, lao_cai_with_settings


def test_a_date_cell_is_sent_as_office_js_sends_it():
    assert _json_value(dt.datetime(2026, 12, 15)) == "2026-12-15T00:00:00.000Z"
    assert _json_value(dt.datetime(2026, 3, 8, 14, 5, 9, 250000)) == "2026-03-08T14:05:09.250Z"
    assert _json_value(dt.date(2026, 1, 2)) == "2026-01-02T00:00:00.000Z"
    assert _json_value(dt.time(6, 30)) == "1899-12-30T06:30:00.000Z"


@pytest.fixture(scope="module")
def dated(tmp_path_factory) -> Path:
    """Lao Cai with the example settings, «Ngày ban hành» of the report typed as an Excel date."""
    d = tmp_path_factory.mktemp("dated")
    wb = openpyxl.load_workbook(lao_cai_with_settings(d))
    ws = wb[st.SHEET_NAME]
    section, done = None, False
    for row in ws.iter_rows():
        label = row[0].value
        if label in ("Chung", "Báo cáo", "Kế hoạch", "Giao chỉ tiêu", "Thông báo"):
            section = label
        if section == "Báo cáo" and label == "Ngày ban hành":
            row[1].value = dt.datetime(2026, 12, 15)
            done = True
    assert done
    out = d / "dated.xlsx"
    wb.save(out)
    return out


def test_the_report_takes_its_date_from_an_excel_date(dated, tmp_path, monkeypatch):
    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path))
    ok, message = run_action("bao_cao", open_book(dated))
    assert ok, message
    assert "15 tháng 12 năm 2026" in _text(tmp_path / "Báo cáo kết quả thực hiện chỉ tiêu.docx")


@pytest.mark.parametrize("tag", ["kiem_tra", "tinh_ty_le", "theo_co_quan", "tao_phieu", "thong_bao"])
def test_every_button_works_with_a_date_in_the_settings(dated, tmp_path, monkeypatch, tag):
    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path))
    ok, message = run_action(tag, open_book(dated))
    assert "không mong đợi" not in message and "isoformat" not in message, message


def test_a_date_in_the_table_is_flagged_not_a_crash(tmp_path, monkeypatch):
    wb = openpyxl.load_workbook(LAO_CAI)
    ws = wb.worksheets[0]
    ws["E14"] = dt.datetime(2026, 3, 8)  # a figure «8.3» that Excel turned into 8 March
    src = tmp_path / "ngay.xlsx"
    wb.save(src)
    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path / "out"))
    ok, message = run_action("bao_cao", open_book(src))
    assert not ok
    assert "Ô E14" in message and "ngày tháng 08/03/2026" in message, message
    ok, message = run_action("kiem_tra", open_book(src))
    assert ok and "không mong đợi" not in message, message
