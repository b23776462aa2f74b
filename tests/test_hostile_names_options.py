"""File names that are not UTF-8 (a Windows zip unpacked on Linux), an invalid xl/workbook.xml and
option values out of range (nan, inf, negative): a Vietnamese exit 2 or a normal run, never exit 3
or a traceback."""
from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from hostile_files import rezip, run_limited

WB_PART = "xl/workbook.xml"
from helpers import sample

SAMPLE = sample("chi_tieu_2026_lao_cai.xlsx")
BAD = os.fsdecode(b"S\xe1 T\xe0i ch\xednh")     # «Sở Tài chính» saved as Windows-1258 bytes


@pytest.fixture
def latin(tmp_path):
    """The sample under a name that is not UTF-8."""
    path = tmp_path / (BAD + ".xlsx")
    shutil.copy(SAMPLE, path)
    return path


def _ok(*args):
    rc, out, err, *_ = run_limited(*args)
    assert "Traceback" not in err and "lost sys.stderr" not in err and "lỗi không mong đợi" not in err, err
    assert rc in (0, 1), f"exit {rc}: {err}"
    return out, err


def test_a_name_that_is_not_utf8_is_read_and_named(latin, tmp_path):
    out, _ = _ok("check", latin, "--json")
    assert json.loads(out)["file"].endswith(".xlsx")
    _ok("attainment", latin, "-o", tmp_path / (BAD + " kq.xlsx"))
    assert (tmp_path / (BAD + " kq.xlsx")).stat().st_size > 0


def test_a_refusal_naming_a_file_that_is_not_utf8(tmp_path):
    bad = tmp_path / (BAD + ".xlsx")
    bad.write_bytes(b"not a workbook")
    rc, out, err, *_ = run_limited("check", bad)
    assert rc == 2 and "Traceback" not in err and "lost sys.stderr" not in err, err
    assert "\\udce1" in err or "\ufffd" in err   # the bad byte shown, the rest of the name intact
    assert "i ch" in err


def test_forms_collect_and_batch_from_a_name_that_is_not_utf8(latin, tmp_path):
    _ok("forms", latin, "-o", tmp_path / "phieu")
    forms = sorted((tmp_path / "phieu").iterdir())
    back = tmp_path / "nhan"
    back.mkdir()
    shutil.copy(forms[0], back / (BAD + " gửi.xlsx"))
    _ok("collect", latin, back, "-o", tmp_path / "tong_hop.xlsx")
    src = tmp_path / "vao"
    src.mkdir()
    shutil.copy(latin, src / latin.name)
    _ok("batch", src, "-o", tmp_path / "ra")
    made = [p.name for p in (tmp_path / "ra").iterdir() if p.suffix == ".docx"]
    assert len(made) == 1 and "\ufffd" in made[0]     # a valid UTF-8 name, the bad byte replaced
    _ok("batch", src, "-o", tmp_path / "ra")          # and a second run reads its own index


@pytest.mark.parametrize("edit, part_named", [
    (lambda x: x.replace(b"<sheet ", b'<sheet state="hidden" state="visible" ', 1), True),  # duplicate attribute
    (lambda x: x[: len(x) // 2], False),                          # cut short: calamine itself refuses it
])
def test_workbook_part_that_is_not_xml(tmp_path, edit, part_named):
    book = rezip(tmp_path / "wb.xlsx", {WB_PART: edit})
    rc, out, err, *_ = run_limited("check", book)
    assert "Traceback" not in err and "ParseError" not in err, err
    assert rc == 2 and str(book) in err, err
    assert "xl/workbook.xml" in err or not part_named, err


@pytest.mark.parametrize("args, words", [
    (["attainment", SAMPLE, "--tolerance", "nan"], ["--tolerance", "0 đến 50", "không phải là số"]),
    (["attainment", SAMPLE, "--tolerance", "-5"], ["--tolerance", "-5"]),
    (["attainment", SAMPLE, "--tolerance", "inf"], ["--tolerance", "vô cực"]),
    (["attainment", SAMPLE, "--tolerance", "50.5"], ["--tolerance", "50,5"]),
    (["render", "bao-cao", SAMPLE, "--timeout", "nan"], ["--timeout", "1 đến 3600"]),
    (["render", "bao-cao", SAMPLE, "--timeout", "1e300"], ["--timeout"]),
    (["render", "bao-cao", SAMPLE, "--timeout", "-1"], ["--timeout", "-1"]),
    (["batch", SAMPLE, "-o", "ra", "--pdf", "--pdf-timeout", "inf"], ["--pdf-timeout", "vô cực"]),
])
def test_option_values_out_of_range(args, words, tmp_path):
    rc, out, err, *_ = run_limited(*[str(tmp_path / a) if a == "ra" else a for a in args])
    assert rc == 2 and "Traceback" not in err, err
    flat = re.sub(r"[\s│╭╮╰╯─]+", " ", err)
    for w in words:
        assert w in flat, flat
    assert not (tmp_path / "ra").exists()


def test_batch_manifest_timeout_out_of_range(tmp_path):
    manifest = tmp_path / "lo.toml"
    manifest.write_text(f'inputs = ["{SAMPLE}"]\noutput = "ra"\npdf_timeout = inf\n', encoding="utf-8")
    rc, out, err, *_ = run_limited("batch", "--manifest", manifest)
    assert rc == 2 and "Traceback" not in err and "pdf_timeout" in err and "3600" in err, err


def test_tolerance_at_the_bounds_is_taken(tmp_path):
    # 0 and 50 are allowed: the option's own range, both ends included
    for t in ("0", "50"):
        _ok("attainment", SAMPLE, "--tolerance", t)
