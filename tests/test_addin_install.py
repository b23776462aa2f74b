"""`kh-excel addin install`: the config file the VBA reads, and the non-Windows refusal."""
from __future__ import annotations

import subprocess
import sys

import pytest

from kh_excel.addin import install as I


def test_config_path_is_the_one_the_vba_reads(tmp_path):
    # xlwings.bas GetConfigFilePath: Environ("USERPROFILE") & "\." & PROJECT_NAME & "\" & PROJECT_NAME & ".conf"
    assert I.config_path(tmp_path) == tmp_path / ".kh_excel" / "kh_excel.conf"


def test_write_config_points_at_this_python(tmp_path):
    path = I.write_config(home=tmp_path)
    text = path.read_bytes().decode("utf-8")
    assert text == f'"INTERPRETER_WIN","{sys.executable}"\r\n'
    assert I.parse_config(text) == {"INTERPRETER_WIN": sys.executable}


def test_interpreter_path_with_spaces_and_commas_stays_one_field(tmp_path):
    python = r"C:\Program Files\Python 3.11, bản riêng\python.exe"
    path = I.write_config(python, home=tmp_path)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # VBA's Input # would read a BOM into the key
    assert I.parse_config(raw.decode("utf-8"))["INTERPRETER_WIN"] == python


def test_rewrite_keeps_other_keys_and_replaces_any_spelling_of_the_interpreter(tmp_path):
    conf = I.config_path(tmp_path)
    conf.parent.mkdir(parents=True)
    conf.write_text('"Interpreter_Win","C:\\old\\python.exe"\r\n"SHOW CONSOLE","True"\r\n"LICENSE_KEY","abc"\r\n',
                    encoding="utf-8")
    I.write_config(r"D:\Py\python.exe", home=tmp_path)
    settings = I.parse_config(conf.read_text(encoding="utf-8"))
    assert settings == {"SHOW CONSOLE": "True", "LICENSE_KEY": "abc", "INTERPRETER_WIN": r"D:\Py\python.exe"}


def test_non_ascii_interpreter_path_is_shortened_for_vba():
    long = "C:\\Users\\Nguyễn Văn A\\AppData\\Local\\Programs\\Python\\Python311\\python.exe"
    short = "C:\\Users\\NGUYNV~1\\AppData\\Local\\Programs\\Python\\Python311\\python.exe"
    assert I.ascii_path(long, shorten=lambda p: short) == short
    assert I.ascii_path(long, shorten=lambda p: p) == long  # no 8.3 names: keep it
    assert I.ascii_path("C:\\Python311\\python.exe", shorten=lambda p: 1 / 0) == "C:\\Python311\\python.exe"


def test_a_double_quote_cannot_corrupt_the_file(tmp_path):
    with pytest.raises(ValueError):
        I.write_config('C:\\a"b\\python.exe', home=tmp_path)


def test_install_copies_the_committed_addin(tmp_path, monkeypatch):
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "home"))
    target, conf = I.install(target_dir=tmp_path)
    assert target.read_bytes() == I.addin_source().read_bytes()
    assert conf == tmp_path / "home" / ".kh_excel" / "kh_excel.conf"


@pytest.mark.skipif(sys.platform.startswith("win"), reason="the refusal is the non-Windows branch")
def test_install_command_refuses_outside_windows_in_vietnamese(tmp_path):
    run = subprocess.run(
        [sys.executable, "-c", "from kh_excel.cli import main; main()", "addin", "install"],
        capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                                         "USERPROFILE": str(tmp_path)},
    )
    assert run.returncode == 2
    assert "chỉ chạy trong Excel trên Windows" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert not (tmp_path / ".kh_excel").exists()
