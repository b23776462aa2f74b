"""The wheel carries the templates, their parts and the add-in sources: installed in a fresh virtual
environment it renders the four kinds, lints, batches and builds the add-in from another folder.

The wheel is built from a copy of the project (the checkout gets no build/ folder); the new
environment borrows this interpreter's installed dependencies through a .pth file, so nothing is
downloaded but the build backend (pip's build isolation) and the checkout is never on its path.
"""
from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers import EXAMPLE, ROOT, docx_paragraphs

pytestmark = pytest.mark.wheel
KINDS = ("bao-cao", "ke-hoach", "chuong-trinh", "giao-chi-tieu")


def _run(cmd, cwd, timeout=300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KH_EXCEL_TEMPLATES", "PYTHONHOME")}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("wheel")
    copy = base / "project"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "*.pyc")
    copy.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, copy / name)
    for name in ("src", "templates", "addin"):
        shutil.copytree(ROOT / name, copy / name, ignore=ignore)
    dist = base / "dist"
    proc = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, copy], cwd=base)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (wheel,) = dist.glob("kh_excel-*.whl")

    venv = base / "venv"
    proc = _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=base)
    assert proc.returncode == 0, proc.stderr
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], base).stdout.strip())
    # this interpreter's dependencies, after the venv's own site-packages (so the wheel's kh_excel wins)
    (purelib / "_deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    proc = _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel], cwd=base)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return wheel, bindir, python, base


def test_the_wheel_holds_every_module_template_part_and_addin_source(installed):
    wheel = installed[0]
    names = set(zipfile.ZipFile(wheel).namelist())
    src = ROOT / "src"
    modules = {p.relative_to(src).as_posix() for p in (src / "kh_excel").rglob("*.py")}
    assert modules <= names, sorted(modules - names)  # pyproject's explicit package list is complete
    for folder, packaged in (("templates", "kh_excel/_templates"), ("addin", "kh_excel/_addin")):
        for p in (ROOT / folder).rglob("*"):
            if p.suffix in (".docx", ".xml", ".bas", ".xlam"):
                assert f"{packaged}/{p.relative_to(ROOT / folder).as_posix()}" in names, p


def test_installed_wheel_renders_lints_batches_and_builds_the_addin_from_another_folder(installed):
    _, bindir, python, base = installed
    where = base / "elsewhere"
    where.mkdir()
    book = shutil.copy2(EXAMPLE, where / "bang.xlsx")
    proc = _run([python, "-c", "import kh_excel; print(kh_excel.__file__)"], where)
    assert Path(proc.stdout.strip()).resolve().is_relative_to(base / "venv"), proc.stdout + proc.stderr

    kh = bindir / ("kh-excel.exe" if os.name == "nt" else "kh-excel")
    for kind in KINDS:
        extra = ["--agency", "so tai chinh"] if kind == "giao-chi-tieu" else []
        proc = _run([kh, "render", kind, book, "-o", f"{kind}.docx", *extra], where)
        assert proc.returncode == 0, proc.stderr
        text = "\n".join(docx_paragraphs(where / f"{kind}.docx"))
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        proc = _run([kh, "lint", f"{kind}.docx", "--json"], where)
        failed = {r["id"] for r in json.loads(proc.stdout)["rules"] if r["status"] == "fail" and r["severity"] == "error"}
        # a report keeps its highlighted «[…]» places for the author, which lint lists until filled
        assert failed <= {"placeholder.present"} and proc.returncode == (1 if failed else 0), proc.stdout + proc.stderr
    assert "Kính gửi: Sở Tài chính" in "\n".join(docx_paragraphs(where / "giao-chi-tieu.docx"))
    assert "Ước thực hiện cả năm 2026, có" in "\n".join(docx_paragraphs(where / "bao-cao.docx"))

    proc = _run([kh, "batch", book, "--per", "agency", "-o", "thu-muc", "-j", "1", "-q"], where)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert len(list((where / "thu-muc").glob("*.docx"))) == 13  # one letter per lead agency of the sample

    proc = _run([kh, "addin", "build", "-o", "kh_excel.xlam"], where)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (where / "kh_excel.xlam").read_bytes() == (ROOT / "addin" / "kh_excel.xlam").read_bytes()
