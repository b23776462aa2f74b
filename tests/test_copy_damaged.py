"""A command that copies the user's workbook with openpyxl (settings -o, attainment -o) refuses a damaged cell
as `check` does, naming sheet and cell, and writes nothing: openpyxl reads a shared-string index of -1 as the
last string, so the copy would hold a value the table does not (reviewer: «13.500» in E10). Expected cells and
texts decided by hand from how each fixture is damaged."""
from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from helpers import run_cli


def _damaged(tmp_path, sheet: str, cell: str):
    """A table on «Phụ lục» and a note sheet «Ghi chú»; the shared-string `cell` of `sheet` gets index -1."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026", "Cơ quan chủ trì"])
    ws.append(["1", "Tổng sản phẩm trên địa bàn", "Tỷ đồng", 100, "95", "Sở Tài chính"])
    ws.append(["2", "Số doanh nghiệp thành lập mới", "DN", 50, "60", "Sở Tài chính"])
    notes = wb.create_sheet("Ghi chú")
    notes.append(["Ghi chú", "Số liệu sơ bộ"])
    notes.append(["Nguồn", "Cục Thống kê"])
    clean = tmp_path / "clean.xlsx"
    wb.save(clean)
    part = {"Phụ lục": "xl/worksheets/sheet1.xml", "Ghi chú": "xl/worksheets/sheet2.xml"}[sheet]
    # openpyxl writes inline strings: the damaged cell becomes a shared-string cell (t="s") of index -1,
    # beside a sharedStrings part whose last string openpyxl would put in its place
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
           'main" count="2" uniqueCount="2"><si><t>Chỉ tiêu</t></si><si><t>13.500</t></si></sst>')
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(clean) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename).decode()
            if item.filename == part:
                data, n = re.subn(rf'<c r="{cell}"([^>]*) t="inlineStr"><is><t>[^<]*</t></is></c>',
                                  rf'<c r="{cell}"\g<1> t="s"><v>-1</v></c>', data)
                assert n == 1  # the fixture really is damaged at `cell`
            elif item.filename == "[Content_Types].xml":
                data = data.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats'
                                    '.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                    "</Relationships>")
            zout.writestr(item, data.encode())
        zout.writestr("xl/sharedStrings.xml", sst)
    assert openpyxl.load_workbook(bad)[sheet][cell].value == "13.500"  # what a copy would hold
    return bad


@pytest.mark.parametrize("command", ["settings", "attainment"])
def test_a_damaged_table_cell_is_refused_as_check_refuses_it(tmp_path, command):
    bad = _damaged(tmp_path, "Phụ lục", "E3")
    out = tmp_path / "out.xlsx"
    checked = run_cli("check", bad)
    got = run_cli(command, bad, "-o", out)
    assert checked.returncode == got.returncode == 2
    assert "trang «Phụ lục», ô E3" in got.stderr and "«-1»" in got.stderr
    assert got.stderr.strip() == checked.stderr.strip()
    assert not out.exists()


@pytest.mark.parametrize("command", ["settings", "attainment"])
def test_a_damaged_cell_on_another_sheet_the_copy_carries_is_refused(tmp_path, command):
    bad = _damaged(tmp_path, "Ghi chú", "B2")  # «Cục Thống kê» would be copied as another string
    out = tmp_path / "out.xlsx"
    got = run_cli(command, bad, "-o", out)
    assert got.returncode == 2, got.stderr
    assert "trang «Ghi chú», ô B2" in got.stderr and "«-1»" in got.stderr
    assert not out.exists()


def test_a_sound_workbook_is_still_copied(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["Ghi chú", "Số liệu sơ bộ"])
    src = tmp_path / "ok.xlsx"
    wb.save(src)
    out = tmp_path / "out.xlsx"
    got = run_cli("settings", src, "-o", out)  # no table yet: the settings can still be prepared
    assert got.returncode == 0, got.stderr
    assert openpyxl.load_workbook(out).worksheets[0]["B1"].value == "Số liệu sơ bộ"
