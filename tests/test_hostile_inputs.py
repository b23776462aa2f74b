"""Hostile inputs: bombs and huge sheets refused before a native reader sees them, under 1 GiB of
address space and in seconds (peak memory and time printed); every known bad input an exit 2
with a Vietnamese message naming the file and the reason; inputs never changed."""
from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings, strategies as st

import hostile_files as hf
from helpers import sample

SAMPLE = sample("chi_tieu_2026_lao_cai.xlsx")


def _assert_refused(args, path: Path, *reason: str, rc_expected: int = 2) -> str:
    before = hf.digest(path) if path.is_file() else None
    rc, out, err, elapsed, peak = hf.run_limited(*args)
    print(f"{args[0]} {path.name}: exit {rc}, {elapsed:.2f} s, peak {peak:.0f} MiB")
    assert "Traceback" not in err + out, err[-2000:]
    assert rc == rc_expected, f"exit {rc}: {err[-1500:]}"
    assert path.name in err, err
    for r in reason:
        assert r in err, err
    assert elapsed < hf.TIME_LIMIT
    if before is not None:
        assert hf.digest(path) == before
    return err


# ----------------------------------------------------------------- workbooks
WORKBOOK_CASES = {
    "bad_crc": (hf.bad_crc, ("CRC",)),
    "truncated": (hf.truncated, ("cắt cụt",)),
    "xfd_error_cell": (hf.cell_beyond, ("XFD1048576", "quá lớn")),
    "row_2_million": (hf.row_beyond, ("2.000.000", "giới hạn")),
    "dimension_beyond": (lambda p: hf.dimension(p, "A1:XFE2000000"), ("XFE2000000",)),
    "far_cell_in_lying_row": (lambda p: hf.rezip(p, {hf.SHEET: lambda d: hf.add_cells(
        d, '<row r="60"><c r="Z999999"><v>1</v></c></row>')}), ("Z999999", "quá lớn")),
    "many_members": (hf.many_members, ("20.001 phần",)),
}


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    return {name: build(d / f"{name}.xlsx") for name, (build, _) in WORKBOOK_CASES.items()}


@pytest.mark.parametrize("command", ["check", "attainment", "settings", "render"])
@pytest.mark.parametrize("case", sorted(WORKBOOK_CASES))
def test_hostile_workbook_is_exit_2_in_every_command(books, tmp_path, case, command):
    path = books[case]
    args = {"check": [command, path], "attainment": [command, path, "-o", tmp_path / "kq.xlsx"],
            "settings": [command, path, "-o", tmp_path / "kq.xlsx"],
            "render": [command, "ke-hoach", path, "-o", tmp_path / "kq.docx"]}[command]
    _assert_refused(args, path, *WORKBOOK_CASES[case][1])
    assert not any(tmp_path.iterdir())


def test_ods_repeated_cells_bomb_is_refused(tmp_path):
    """3,000 × 16,384 copies of one cell: under calamine's own cap of 10**8 cells, but gigabytes."""
    path = hf.ods_repeat_bomb(tmp_path / "lap-lai.ods")
    _assert_refused(["check", path], path, "quá lớn", "XFD3000")


def test_ods_trailing_empty_repeats_are_fine(tmp_path):
    """LibreOffice writes the empty rest of a sheet as one huge repeated empty row: not a bomb."""
    from kh_excel.io.limits import guard_spreadsheet
    path = hf.ods(tmp_path / "binh-thuong.ods", '<table:table-row><table:table-cell office:value-type="string">'
                  '<text:p>STT</text:p></table:table-cell></table:table-row><table:table-row '
                  'table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/>'
                  '</table:table-row>')
    assert guard_spreadsheet(path) == "zip"


def test_huge_sheet_is_refused_before_reading(tmp_path):
    path = hf.huge_sheet(tmp_path / "rat-lon.xlsx", 300)   # ~18 MB on disk, ~124 MB of sheet XML
    _assert_refused(["check", path], path, "quá lớn")


def test_the_100000_row_bound_still_reads(tmp_path):
    """The guard's cost on the largest supported table (measured in benchmarks, printed here)."""
    import time
    import fixture_books as fb
    from kh_excel.io.limits import guard_spreadsheet
    path, _ = fb.build_big(tmp_path, n_rows=100_000)
    t0 = time.process_time()
    assert guard_spreadsheet(path) == "zip"
    print(f"guard of 100,000 rows: {time.process_time() - t0:.2f} s CPU")


def test_a_wrong_kind_of_file_says_what_it_is(tmp_path):
    doc = tmp_path / "bao-cao.docx"
    d = docx.Document()
    d.add_paragraph("Báo cáo")
    d.save(str(doc))
    err = _assert_refused(["check", doc], doc, "là văn bản Word", "lệnh check đọc tệp bảng tính")
    assert ".xlsx, .xlsm, .xls, .ods" in err
    _assert_refused(["lint", SAMPLE], SAMPLE, "là bảng tính Excel", "lệnh lint")
    _assert_refused(["render", "bao-cao", SAMPLE, "-o", tmp_path / "x.docx", "--template", SAMPLE], SAMPLE,
                    "là bảng tính Excel")


def test_extreme_numbers_are_not_an_internal_error(tmp_path):
    import openpyxl
    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb.active
    values = ["1e999999999", "9" * 5000, "1e-999999999", "inf", "nan", "-1e400", 1e308, 1e-320,
              "1.000.000.000.000.000.000.000.000.000.000.000", "≥ " + "9" * 400, "khoảng 1e99999"]
    for i, v in enumerate(values):
        ws.cell(8 + i, 4).value = v
        ws.cell(8 + i, 5).value = values[-1 - i]
    path = tmp_path / "so-cuc-lon.xlsx"
    wb.save(path)
    for command in ("check", "attainment"):
        rc, out, err, _, _ = hf.run_limited(command, path)
        assert rc in (0, 1) and "Traceback" not in err and "không mong đợi" not in err, err
    rc, out, err, _, _ = hf.run_limited("render", "bao-cao", path, "-o", tmp_path / "bc.docx")
    # the gate refuses a table whose numbers failed the check (exit 1), naming each cell
    assert rc == 1 and "Ô D8" in err and "không mong đợi" not in err and "Traceback" not in err, err


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet="0123456789.,e+-E ≥<>%kho ảng", max_size=60),
                 st.builds(lambda d, e: f"{d}e{e}", st.integers(0, 10**6), st.integers(-10**9, 10**9)),
                 st.floats(allow_nan=True, allow_infinity=True),
                 st.decimals(allow_nan=True, allow_infinity=True)))
def test_number_parsers_never_raise_on_extremes(value):
    from kh_excel.core.numbers import format_number, parse_number, parse_target
    parsed = parse_number(value)
    if parsed is not None:
        assert parsed.value.is_finite() and abs(parsed.value) < Decimal(10) ** 21
        format_number(parsed.value)
        parsed.value.quantize(Decimal(1)) if parsed.value == parsed.value.to_integral_value() else None
    if isinstance(value, str):
        parse_target(value)


# ----------------------------------------------------------------- Word documents and templates
@pytest.fixture(scope="module")
def bomb_docx(tmp_path_factory):
    return hf.zip_bomb_docx(tmp_path_factory.mktemp("bomb") / "bom.docx", 1500)


def test_docx_bomb_is_refused_by_lint_and_as_template(bomb_docx, tmp_path):
    _assert_refused(["lint", bomb_docx], bomb_docx, "giải nén gấp")
    _assert_refused(["render", "bao-cao", SAMPLE, "-o", tmp_path / "x.docx", "--template", bomb_docx], bomb_docx,
                    "giải nén gấp")
    _assert_refused(["render", bomb_docx, SAMPLE, "-o", tmp_path / "x.docx"], bomb_docx, "giải nén gấp")


def test_docx_with_a_bad_crc_is_exit_2(tmp_path):
    good = tmp_path / "tot.docx"
    d = docx.Document()
    d.add_paragraph("Nội dung văn bản")
    d.save(str(good))
    bad = tmp_path / "sai-crc.docx"
    hf.rezip(bad, src=good, stored=True)
    data = bytearray(bad.read_bytes())
    i = data.find("Nội dung".encode())
    data[i] = ord("X")
    bad.write_bytes(bytes(data))
    _assert_refused(["lint", bad], bad, "CRC")


# ----------------------------------------------------------------- settings files (TOML)
@pytest.mark.parametrize("name, content, reason", [
    ("latin1.toml", 'ten_co_quan = "SỞ TÀI CHÍNH"'.encode("cp1258", "replace") + b"\xe9", "UTF-8"),
    ("utf16.toml", 'ten_co_quan = "Sở Tài chính"'.encode("utf-16"), "UTF-16"),
    ("sau.toml", b"x = " + b"[" * 50_000 + b"]" * 50_000, "lồng nhau quá sâu"),
    ("bang-sau.toml", b"x = " + b"{a=" * 50_000 + b"1" + b"}" * 50_000, "lồng nhau quá sâu"),
    ("lon.toml", b"# " + b"x" * (2 * 1024 * 1024), "quá lớn"),
])
def test_bad_settings_file_is_exit_2(tmp_path, name, content, reason):
    toml = tmp_path / name
    toml.write_bytes(content)
    _assert_refused(["render", "ke-hoach", SAMPLE, "-o", tmp_path / "x.docx", "--settings", toml], toml, reason)
    assert not (tmp_path / "x.docx").exists()


def test_settings_folder_is_exit_2(tmp_path):
    folder = tmp_path / "cau-hinh.toml"
    folder.mkdir()
    _assert_refused(["render", "ke-hoach", SAMPLE, "-o", tmp_path / "x.docx", "--settings", folder], folder,
                    "thư mục")


def test_a_utf8_settings_file_with_bom_still_reads(tmp_path):
    from kh_excel.docs.settings import load_toml
    toml = tmp_path / "bom.toml"
    toml.write_bytes("\ufeff".encode() + 'ten_co_quan = "SỞ TÀI CHÍNH"\n'.encode())
    load_toml(toml)


def test_zip_member_sizes_are_counted_not_trusted(tmp_path):
    """A member whose header claims a small size but expands past the total bound is still stopped."""
    import fixture_books as fb
    path = fb.build_zip_bomb(tmp_path / "noi-doi.xlsx", gib=0.5, lie=True)
    _assert_refused(["check", path], path, "hỏng")
    with zipfile.ZipFile(path) as z:
        assert sum(i.file_size for i in z.infolist()) < 100 * 1024 * 1024
