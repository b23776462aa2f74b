"""A form saved again by LibreOffice still belongs to its master, whatever «_x…_» its names hold (rev22 R22-21).

OOXML reads «_xHHHH_» in a cell's text as the character of that code; LibreOffice reads one to four hex digits, so
«_xa_» of a commune's file «…_xa_…» (xã) came back a line break and collect refused the form: «lập từ tệp «w13
badinh…»». The program now writes its texts escaped («_x005F_» for the underscore: io.xstring.escaped) and compares
the names a form records through one key however a reader decoded them (io.xstring.identity) — a form made by an
older kh_excel, already in agencies' hands, included. Every expected value below is decided by hand.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from helpers import run_cli, typed_book
from kh_excel.collect.forms import COL, FIRST_ROW, FORM_SHEET, META_SHEET
from kh_excel.io.xstring import decoded, escaped, identity

AGENCY = "Phòng Kinh tế"
SHEET = "Bieu_xa_1"          # a sheet name LibreOffice would also decode («_xa_»)
MASTER = "kh_xa_phu_2026.xlsx"
# (STT, name, unit, plan): master rows 4 and 5; row 5's name holds «_x1_», which LibreOffice reads as U+0001
ROWS = (("1", "Tỷ lệ xã đạt chuẩn nông thôn mới", "%", 50), ("2", "Chỉ tiêu_x1_", "Căn", 3))
FIRST, RESULT = 4, 5  # master rows start at 4; column E «Ước thực hiện năm 2026»
TYPED = {4: 52, 5: 4}  # what the agency types, hence what the master must hold after collect


def test_escape_by_hand():
    # «_» opening «_x» + 1-4 hex digits + «_» is written «_x005F_»; nothing else changes
    assert escaped("w13_xa_badinh_thanhhoa_2025.xlsx") == "w13_x005F_xa_badinh_thanhhoa_2025.xlsx"
    assert escaped("Chỉ tiêu_x1_") == "Chỉ tiêu_x005F_x1_"
    assert escaped("a_x0041_x0042_b") == "a_x005F_x0041_x005F_x0042_b"  # the closing «_» opens the next one
    for same in ("bao_cao_xa", "kh_xg_1", "x_a_", "_x12345_", "Tỷ lệ hộ nghèo", "", 12, None):
        assert escaped(same) == same
    # read as LibreOffice reads: one pass left to right, «_x005F_» an underscore
    assert decoded("w13_xa_badinh") == "w13\nbadinh" and decoded("a_x0041_b") == "aAb"
    for text in ("w13_xa_badinh_thanhhoa_2025.xlsx", "Chỉ tiêu_x1_", "a_x0041_x0042_b", "bao_cao_xa"):
        assert decoded(escaped(text)) == text
    # one key however a reader decoded the name; a space is another name
    assert identity("w13_xa_badinh.xlsx") == identity("w13\nbadinh.xlsx") == identity("w13_xa_badinh.xlsx ")
    assert identity("w13 badinh.xlsx") != identity("w13_xa_badinh.xlsx")


def _master(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 XÃ PHÚ"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    for stt, name, unit, plan in ROWS:
        ws.append([stt, name, unit, plan, None, AGENCY])
    wb.save(path)
    return path


def _as_older_kh_excel(form: Path, out: Path) -> Path:
    """The form as kh_excel wrote it before the escape: every text of ours stored as it is (openpyxl writes a
    text raw), so the hidden sheet holds «kh_xa_phu_2026.xlsx» and «Bieu_xa_1», the codes «Bieu_xa_1!4#…»."""
    wb = openpyxl.load_workbook(form)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = cell.value.replace("_x005F_x", "_x")  # (the escape undone: the text as it is)
    wb.save(out)
    return out


@pytest.fixture(scope="module")
def returned(tmp_path_factory):
    """The master, and the agency's filled form as LibreOffice saved it: made now and saved once, made now and
    saved twice, made by an older kh_excel and saved once (.xlsx and .xls). One soffice run per generation."""
    from lo import convert
    base = tmp_path_factory.mktemp("xstring")
    master = _master(base / MASTER)
    proc = run_cli("forms", master, "-o", base / "phieu", "--json")
    assert proc.returncode == 0, proc.stderr
    (form,) = [Path(f["file"]) for f in json.loads(proc.stdout)["forms"] if f["agency"] == AGENCY]
    filled = base / "filled"
    filled.mkdir()
    new, old = filled / "moi.xlsx", filled / "cu.xlsx"
    typed_book(form, TYPED).save(new)
    _as_older_kh_excel(new, old)
    once = convert([new, old], "xlsx", base / "lo1")
    (old_xls,) = convert([old], "xls", base / "lo1xls")
    (twice,) = convert([once[0]], "xlsx", base / "lo2")
    return {"base": base, "master": master, "form": form, "new_once": once[0], "new_twice": twice,
            "old_once": once[1], "old_xls": old_xls}


def _collect(master: Path, sent: Path, out: Path) -> tuple[int, dict, list]:
    folder = out.parent / (out.stem + "_nhan")
    folder.mkdir()
    shutil.copy(sent, folder / sent.name)
    proc = run_cli("collect", master, folder, "-o", out, "--json")
    assert proc.stdout.strip(), proc.stderr
    report = json.loads(proc.stdout)
    cells = []
    if out.exists():
        ws = openpyxl.load_workbook(out)[SHEET]
        cells = [ws.cell(FIRST + i, RESULT).value for i in range(len(ROWS))]
    return proc.returncode, report, cells


def test_the_form_stores_its_texts_escaped(returned):
    """What the form's XML holds (openpyxl reads it raw) and what a reader of the format shows (our reader)."""
    from kh_excel.io.workbook import open_workbook
    wb = openpyxl.load_workbook(returned["form"])
    meta = dict(wb[META_SHEET].iter_rows(values_only=True))
    assert meta["Tệp gốc"] == "kh_x005F_xa_phu_2026.xlsx" and meta["Trang gốc"] == "Bieu_x005F_xa_1"
    ws = wb[FORM_SHEET]
    assert ws.cell(FIRST_ROW + 1, COL["name"]).value == "Chỉ tiêu_x005F_x1_"
    assert ws.cell(FIRST_ROW, COL["key"]).value.startswith("Bieu_x005F_xa_1!4#")
    shown = open_workbook(returned["form"]).values(META_SHEET)
    assert dict((r[0], r[1]) for r in shown)["Tệp gốc"] == MASTER


@pytest.mark.parametrize("which", ["new_once", "new_twice", "old_once", "old_xls"])
def test_a_form_saved_by_libreoffice_is_collected_by_its_codes(returned, which, tmp_path):
    """52 and 4 typed on the form's two rows reach master rows 4 and 5, each by its hidden code (two rows, both
    matched by «key»), whether the name came back «…_xa_…» or with the line break LibreOffice made of it."""
    sent = returned[which]
    from kh_excel.io.workbook import open_workbook
    raw = {r[0]: r[1] for r in open_workbook(sent).values(META_SHEET)}["Tệp gốc"]
    if which in ("new_twice", "old_once", "old_xls"):
        assert "\n" in raw  # the case of R22-21: LibreOffice made a line break of «_xa_»
    code, report, cells = _collect(returned["master"], sent, tmp_path / "tong_hop.xlsx")
    assert not report["failed"], report["failed"]
    (agency,) = [a for a in report["agencies"] if a["agency"] == AGENCY]
    assert agency["matched_by"] == {"key": 2, "stt_name": 0}
    assert cells == [52, 4]


def test_a_form_of_another_name_is_still_refused_without_a_mangled_name(returned, tmp_path):
    """The rule must not fire: the same workbook saved as «kh phu_2026.xlsx» (a space, the name the refusal used to
    advise) is another master. The LibreOffice-saved form is refused, the message names «kh_xa_phu_2026.xlsx» as
    the form recorded it, and never advises renaming the master to «kh phu_2026.xlsx»; nothing is written."""
    other = tmp_path / "kh phu_2026.xlsx"
    shutil.copy(returned["master"], other)
    code, report, cells = _collect(other, returned["old_once"], tmp_path / "tong_hop.xlsx")
    (failed,) = report["failed"]
    assert failed["refused"] and "lập từ tệp «kh_xa_phu_2026.xlsx»" in failed["reason"]
    assert "kh phu_2026.xlsx» cho bảng gốc" not in failed["reason"] and "đặt lại tên" not in failed["reason"]
    assert code != 0 and cells in ([], [None, None])


def test_the_settings_sheet_keeps_a_value_that_looks_like_an_escape(tmp_path):
    """The same helper for every text the program writes: a «Nơi nhận» line «- Lưu: VT, hs_x0041_.» written into
    the settings sheet is read back as typed (unescaped, Excel and our reader would show «hsA»), and
    «ỦY BAN NHÂN DÂN XÃ_xa_» likewise (LibreOffice would make a line break of «_xa_»)."""
    from kh_excel.docs.settings import read_settings_sheet, settings_from_rows, settings_rows, write_settings_sheet
    book = _master(tmp_path / "bang.xlsx")
    rows = settings_rows()
    wanted = {"noi_nhan": "- Lưu: VT, hs_x0041_.", "ky_hieu_co_quan": "UBND_xa_"}
    from kh_excel.docs.settings import FIELD_BY_ID
    labels = {FIELD_BY_ID[k].label: v for k, v in wanted.items()}
    rows = [[r[0], labels.get(r[0], r[1]), *r[2:]] if r and r[0] in labels else r for r in rows]
    out = write_settings_sheet(book, tmp_path / "cau_hinh.xlsx", rows)
    assert read_settings_sheet(out).groups == settings_from_rows(rows).groups
    common = read_settings_sheet(out).for_kind("chung")
    assert common["ky_hieu_co_quan"] == "UBND_xa_"


def test_attainment_copy_of_an_ods_keeps_a_note_that_looks_like_an_escape(tmp_path):
    """`attainment -o` of an .ods rebuilds the sheets from their values: a note typed «Theo hs_x0041_» (stored
    escaped, as Excel stores it) must come out «Theo hs_x0041_», never «Theo hsA» (the text written raw)."""
    from lo import convert
    from kh_excel.io.workbook import open_workbook
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 XÃ PHÚ"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Ghi chú"])
    ws.append(["1", "Tỷ lệ xã đạt chuẩn nông thôn mới", "%", 50, 52, escaped("Theo hs_x0041_")])
    src = tmp_path / "bang.xlsx"
    wb.save(src)
    (ods,) = convert([src], "ods", tmp_path / "ods")
    assert open_workbook(ods).values(open_workbook(ods).sheet_names[0])[3][5] == "Theo hs_x0041_"
    out = tmp_path / "danh_gia.xlsx"
    proc = run_cli("attainment", ods, "-o", out)
    assert proc.returncode == 0, proc.stderr
    book = open_workbook(out)
    assert book.values(book.sheet_names[0])[3][5] == "Theo hs_x0041_"
