"""Hostile output paths: never onto an input (workbook, template, settings file), a folder, a device
or anything not a regular file; bad names, read-only folders and a full disk end in a Vietnamese
exit 2 naming the path, with every input's bytes unchanged."""
from __future__ import annotations

import os
import shutil

import docx
import pytest

from hostile_files import digest, run_limited
from helpers import sample

SAMPLE = sample("chi_tieu_2026_lao_cai.xlsx")


@pytest.fixture
def inputs(tmp_path):
    book = tmp_path / "lao_cai.xlsx"
    shutil.copy(SAMPLE, book)
    template = tmp_path / "mau.docx"
    d = docx.Document()
    d.add_paragraph("Kế hoạch {{ nam }}")
    d.save(str(template))
    toml = tmp_path / "cau-hinh.toml"
    toml.write_text('ten_co_quan = "SỞ TÀI CHÍNH"\n', encoding="utf-8")
    return book, template, toml


def _refused(args, inputs, *reason) -> str:
    before = {p: digest(p) for p in inputs}
    rc, out, err, elapsed, peak = run_limited(*args)
    assert "Traceback" not in err + out, err
    assert rc == 2, f"exit {rc}: {err}"
    for r in reason:
        assert r in err, err
    assert {p: digest(p) for p in inputs} == before
    return err


def test_settings_onto_its_own_workbook(inputs):
    book, _, _ = inputs
    _refused(["settings", book, "-o", book], inputs, "khác tệp đầu vào", book.name)


def test_attainment_onto_its_workbook_through_another_name(inputs, tmp_path):
    book, _, _ = inputs
    link = tmp_path / "lien-ket.xlsx"
    link.symlink_to(book)
    _refused(["attainment", book, "-o", link], inputs, "khác tệp đầu vào")
    hard = tmp_path / "cung-tep.xlsx"
    os.link(book, hard)
    _refused(["attainment", book, "-o", hard], inputs, "khác tệp đầu vào")


def test_render_onto_its_template(inputs):
    book, template, toml = inputs
    _refused(["render", "ke-hoach", book, "--template", template, "-o", template], inputs, "khác tệp đầu vào")
    _refused(["render", template, book, "-o", template], inputs, "khác tệp đầu vào")


def test_render_onto_its_settings_file(inputs, tmp_path):
    book, _, toml = inputs
    as_docx = tmp_path / "cau-hinh.docx"
    as_docx.symlink_to(toml)
    _refused(["render", "ke-hoach", book, "--settings", toml, "-o", as_docx], inputs, "khác tệp đầu vào")


def test_output_onto_a_folder_or_a_device(inputs, tmp_path):
    book, _, _ = inputs
    folder = tmp_path / "thu-muc.docx"
    folder.mkdir()
    _refused(["render", "ke-hoach", book, "-o", folder], inputs, "thư mục", folder.name)
    _refused(["attainment", book, "-o", "/dev/null"], inputs, "không phải là một tệp thông thường", "/dev/null")
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    fifo = tmp_path / "ong.xlsx"
    os.mkfifo(fifo)
    _refused(["settings", book, "-o", fifo], inputs, "không phải là một tệp thông thường")


def test_pdf_where_the_pdf_name_is_a_folder(inputs, tmp_path):
    book, _, _ = inputs
    (tmp_path / "kq.pdf").mkdir()
    _refused(["render", "ke-hoach", book, "-o", tmp_path / "kq.docx", "--pdf"], inputs, "kq.pdf", "thư mục")
    assert not (tmp_path / "kq.docx").exists() and not any((tmp_path / "kq.pdf").iterdir())


@pytest.mark.parametrize("command", ["attainment", "settings"])
def test_empty_and_too_long_names(inputs, tmp_path, command):
    book, _, _ = inputs
    _refused([command, book, "-o", ""], inputs)
    long_name = tmp_path / ("x" * 300 + ".xlsx")
    _refused([command, book, "-o", long_name], inputs, "quá dài")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder(inputs, tmp_path):
    book, _, _ = inputs
    ro = tmp_path / "chi-doc"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        _refused(["attainment", book, "-o", ro / "kq.xlsx"], inputs, "không có quyền ghi", "kq.xlsx")
    finally:
        ro.chmod(0o755)


def test_read_only_folder_even_as_root(inputs, tmp_path):
    """Root ignores permissions: a read-only file system is the same family (EROFS) — simulated by the
    checker's errno table, exercised through a real read-only bind is not possible here; /proc is one."""
    book, _, _ = inputs
    _refused(["attainment", book, "-o", "/proc/kh-excel-kq.xlsx"], inputs, "kh-excel-kq.xlsx")


def test_full_disk_on_output_and_on_standard_output(inputs, tmp_path):
    book, _, _ = inputs
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "wb") as full:
        rc, out, err, _, _ = run_limited("check", book, "--json", stdout=full)
    assert rc == 2 and "Traceback" not in err and "đầu ra chuẩn" in err and "đĩa đầy" in err, err


def test_a_good_output_is_still_written(inputs, tmp_path):
    book, template, toml = inputs
    out = tmp_path / "moi" / "kq.xlsx"
    rc, _, err, _, _ = run_limited("attainment", book, "-o", out)
    assert rc == 0, err
    assert out.is_file()
    rc, _, err, _, _ = run_limited("attainment", book, "-o", out)   # replacing an earlier output is fine
    assert rc == 0, err


@pytest.mark.parametrize("command, name", [("attainment", "kq.xlsx"), ("render", "kq.docx")])
def test_a_write_that_fails_midway_leaves_nothing(inputs, tmp_path, command, name):
    """The disk fills up while the output is written (a file-size limit of 4 KiB on the process)."""
    book, _, _ = inputs
    out = tmp_path / "ra" / name
    args = [command, book, "-o", out] if command == "attainment" else [command, "ke-hoach", book, "-o", out]
    before = digest(book)
    rc, _, err, _, _ = run_limited(*args, file_size=4096)
    assert rc == 2 and "Traceback" not in err, err
    assert name in err and "dung lượng" in err, err
    assert digest(book) == before
    assert not out.exists() and not [p for p in out.parent.iterdir() if p.name.startswith(".")]
