"""Output names that must be refused before any work: a returned form (named, in a folder or a glob)
as the collect output, a device, a folder, a suffix that is not the file's kind — never renamed
silently, never written; every input byte unchanged; a Vietnamese exit 2 naming the path."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hostile_files import digest, run_limited
from helpers import sample

SAMPLE = sample("chi_tieu_2026_lao_cai.xlsx")


@pytest.fixture(scope="module")
def returned(tmp_path_factory):
    """The master and the blank forms `forms` makes from it, used as returned files."""
    base = tmp_path_factory.mktemp("ret")
    master = base / "tong_hop.xlsx"
    shutil.copy(SAMPLE, master)
    rc, out, err, *_ = run_limited("forms", master, "-o", base / "nhan")
    assert rc == 0, err
    forms = sorted((base / "nhan").iterdir())
    assert len(forms) >= 2
    return master, forms


def _refused(args, files, *reason) -> str:
    before = {p: digest(p) for p in files}
    listing = {p.parent: sorted(p.parent.iterdir()) for p in files}
    rc, out, err, *_ = run_limited(*args)
    assert "Traceback" not in err + out, err
    assert rc == 2, f"exit {rc}: {err}"
    for r in reason:
        assert r in err, err
    assert {p: digest(p) for p in files} == before
    assert {d: sorted(d.iterdir()) for d in listing} == listing  # nothing new beside the inputs
    return err


@pytest.mark.parametrize("how", ["file", "folder", "glob"])
def test_collect_onto_a_returned_form(returned, how):
    master, forms = returned
    target = forms[1]
    given = {"file": [str(forms[0]), str(target)], "folder": [str(target.parent)],
             "glob": [str(target.parent / "*.xlsx")]}[how]
    _refused(["collect", master, *given, "-o", target], [master, *forms], "khác tệp đầu vào", target.name)


def test_collect_onto_a_device_a_folder_or_another_kind(returned, tmp_path):
    master, forms = returned
    _refused(["collect", master, forms[0], "-o", "/dev/null"], [master, forms[0]], "/dev/null", "thông thường")
    (tmp_path / "kq").mkdir()
    _refused(["collect", master, forms[0], "-o", tmp_path / "kq"], [master, forms[0]], "thư mục")
    _refused(["collect", master, forms[0], "-o", tmp_path / "kq.docx"], [master, forms[0]], ".xlsx", "kq.docx")
    _refused(["collect", master, forms[0], "-o", tmp_path / "kq.xlsm"], [master, forms[0]], ".xlsm")
    _refused(["collect", master, forms[0], "-o", ""], [master, forms[0]], "để trống")
    assert not (tmp_path / "kq.xlsx").exists() and not Path("/dev/null.xlsx").exists()
    assert list((tmp_path / "kq").iterdir()) == []


def test_settings_output_must_be_a_workbook_name(returned, tmp_path):
    master, _ = returned
    _refused(["settings", master, "-o", tmp_path / "s.docx"], [master], ".xlsx", "s.docx")
    _refused(["settings", master, "-o", tmp_path / "s.xlsm"], [master], ".xlsm")
    assert list(tmp_path.iterdir()) == []


def test_addin_build_refuses_a_workbook_a_device_a_folder(returned, tmp_path):
    master, _ = returned
    _refused(["addin", "build", "-o", master], [master], ".xlam", master.name)
    _refused(["addin", "build", "-o", "/dev/null"], [master], "/dev/null", "thông thường")
    folder = tmp_path / "kq.xlam"
    folder.mkdir()
    _refused(["addin", "build", "-o", folder], [master], "thư mục")
    assert list(folder.iterdir()) == []


def test_addin_build_on_a_full_disk_leaves_nothing(tmp_path):
    target = tmp_path / "kh_excel.xlam"
    rc, out, err, *_ = run_limited("addin", "build", "-o", target, file_size=4096)
    assert rc == 2 and "Traceback" not in err, err
    assert "vượt dung lượng tối đa" in err or "đĩa đầy" in err, err
    assert "Errno" not in err
    assert list(tmp_path.iterdir()) == []


def test_addin_build_still_writes_an_xlam(tmp_path):
    rc, out, err, *_ = run_limited("addin", "build", "-o", tmp_path / "a.xlam")
    assert rc == 0, err
    assert (tmp_path / "a.xlam").stat().st_size > 10_000


def test_an_empty_output_is_refused_never_the_current_folder(returned, tmp_path, monkeypatch):
    master, _ = returned
    monkeypatch.chdir(tmp_path)
    _refused(["forms", master, "-o", ""], [master], "Không ghi được", "để trống")
    _refused(["batch", master, "-o", ""], [master], "thư mục kết quả")
    assert list(tmp_path.iterdir()) == []


def test_forms_onto_a_file_is_an_output_problem(returned):
    master, _ = returned
    err = _refused(["forms", master, "-o", master], [master], "Không ghi được", "không phải thư mục")
    assert "Không đọc được" not in err
