"""Every path that hands a user's workbook to openpyxl or calamine passes the input guard first.

The add-in's test client (addin/payload.py) loaded the file with openpyxl unguarded: a zip bomb or a part
that declares a gigabyte reached openpyxl. LibreOffice's recalculated copy (io/recalc.py) went to calamine
unbounded, although one array formula of a 1-KB file comes back from LibreOffice as millions of cells."""
from __future__ import annotations

import re
import struct
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT
from hostile_files import BASE, SHEET, add_cells, rezip

from kh_excel.io import limits
from kh_excel.io.limits import InputRefused

GIB = 1024 ** 3


def _bomb(dst: Path) -> Path:
    """The sample with 30 MB of spaces in its sheet: the part expands about a thousand times."""
    return rezip(dst, {SHEET: lambda xml: add_cells(xml, " " * (30 * 1024 * 1024))})


def _declared(dst: Path, size: int = GIB) -> Path:
    """The sample whose sheet part declares `size` bytes once decompressed (both zip headers), its data
    unchanged: only a reader that believes the header allocates for it."""
    rezip(dst)
    data = bytearray(dst.read_bytes())
    name = SHEET.encode()
    with zipfile.ZipFile(dst) as zf:
        info = zf.getinfo(SHEET)
    local = info.header_offset
    assert data[local:local + 4] == b"PK\x03\x04" and data[local + 30:local + 30 + len(name)] == name
    struct.pack_into("<I", data, local + 22, size)
    central = data.find(b"PK\x01\x02" + bytes(data[local + 4:local + 16]))  # same version, flags, method, time
    while data[central + 46:central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, size)
    dst.write_bytes(bytes(data))
    with zipfile.ZipFile(dst) as zf:
        assert zf.getinfo(SHEET).file_size == size
    return dst


HOSTILE = {"bom-giai-nen.xlsx": (_bomb, "giải nén gấp"), "khai-1GB.xlsx": (_declared, "giải nén gấp")}


@pytest.mark.parametrize("name", HOSTILE)
def test_the_addin_payload_refuses_a_hostile_workbook_naming_it(tmp_path, name):
    from kh_excel.addin.payload import workbook_payload
    make, words = HOSTILE[name]
    path = make(tmp_path / name)
    with pytest.raises(InputRefused) as caught:
        workbook_payload(path)
    message = str(caught.value)
    assert message.startswith(f"Không đọc được tệp «{path}»: ")
    assert words in message and "độc hại" in message


@pytest.mark.parametrize("name", HOSTILE)
def test_the_addin_replay_refuses_a_hostile_workbook_naming_it(tmp_path, name):
    from kh_excel.addin.payload import apply_actions
    make, words = HOSTILE[name]
    path = make(tmp_path / name)
    out = tmp_path / "ket-qua.xlsx"
    with pytest.raises(InputRefused) as caught:
        apply_actions(path, [], out)
    assert str(caught.value).startswith(f"Không đọc được tệp «{path}»: ") and words in str(caught.value)
    assert not out.exists()


def test_the_addin_payload_still_reads_the_sample():
    from kh_excel.addin.payload import workbook_payload
    sheets = workbook_payload(BASE)["sheets"]
    assert sheets[0]["name"] == "Phụ lục chỉ tiêu" and sheets[0]["values"][0][0] == "PHỤ LỤC"


# Where a reader library may be called on a file: each place guards the file just before (named here
# by function, so that a new call elsewhere fails this test until it is guarded too).
ALLOWED = {
    # _openpyxl_head: the first rows of a large sheet of a file open_workbook guarded (WorkbookFile.head)
    "load_workbook(": {"io/workbook.py": {"load_for_copy", "_openpyxl_head"}},
    # _known_errors_copy: an in-memory copy of a file open_workbook guarded
    "CalamineWorkbook.from_": {"io/workbook.py": {"_open_calamine", "_known_errors_copy"}, "io/recalc.py": {"_read_values"}},
    "xlrd.open_workbook(": {"io/workbook.py": None},  # only on a .xls the guard sniffed (kind 'cfb')
}


def test_no_reader_library_is_called_outside_the_guarded_places():
    found = []
    for root in ("src/kh_excel", "addin"):
        for path in (ROOT / root).rglob("*.py"):
            rel = path.relative_to(ROOT / "src/kh_excel").as_posix() if root == "src/kh_excel" else f"addin/{path.name}"
            function = None
            for line in path.read_text(encoding="utf-8").splitlines():
                m = re.match(r"(?:async )?def (\w+)", line)
                if m:
                    function = m.group(1)
                for call, places in ALLOWED.items():
                    if call in line and not line.lstrip().startswith("#"):
                        found.append((call, rel, function))
    unguarded = [(c, r, f) for c, r, f in found if r not in ALLOWED[c] or f not in (ALLOWED[c][r] or {f})]
    assert not unguarded
    assert {(c, r) for c, r, _ in found} >= {("load_workbook(", "io/workbook.py"), ("CalamineWorkbook.from_", "io/recalc.py")}


def _array_formula_book(dst: Path, ref: str) -> Path:
    """One cell, an array formula over `ref`, saved without values (as a script writes it)."""
    cell = f'<row r="1"><c r="A1"><f t="array" ref="{ref}">ROW()*7</f></c></row>'
    return rezip(dst, {SHEET: lambda xml: re.sub(rb"<sheetData>.*</sheetData>|<sheetData/>",
                                                  f"<sheetData>{cell}</sheetData>".encode(), xml, flags=re.S)})


def test_a_recalculated_copy_beyond_the_bounds_is_not_read(tmp_path, monkeypatch):
    """LibreOffice writes every cell of the array; the bound on written cells (lowered here so that a small
    array crosses it) applies to what it wrote, as to any input."""
    from kh_excel.io.recalc import recalculate
    path = _array_formula_book(tmp_path / "mang.xlsx", "A1:E400")
    limits.guard_spreadsheet(path)  # the input itself is one cell: the guard lets it through
    monkeypatch.setattr(limits, "MAX_CELLS", 1000)
    done = recalculate(path)
    assert done.sheets == {}
    assert "vượt giới hạn an toàn" in done.failure and "1.000 ô có dữ liệu" in done.failure
    monkeypatch.setattr(limits, "MAX_CELLS", 10_000)  # 400 rows × 5 columns (and the styled blanks LibreOffice adds)
    again = recalculate(path)
    assert not again.failure, again.failure
    rows = next(iter(again.sheets.values()))[0]
    assert rows[399][4] == 400 * 7 and rows[0][0] == 7
