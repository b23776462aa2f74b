"""A batch run driven by a manifest, stopped with Ctrl-C, and shown on a terminal or in a log."""
from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from helpers import interruptible
from kh_excel.batch.progress import Progress
from kh_excel.batch.runner import BatchOptions, run

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "chi_tieu_2026_lao_cai.xlsx"
CMD = [sys.executable, "-c", "from kh_excel.cli import main; main()"]


def kh(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CMD, *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=600)


def docs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.docx") if not p.name.startswith("."))


def test_manifest_describes_a_whole_run(tmp_path):
    (tmp_path / "so-lieu").mkdir()
    (tmp_path / "so-lieu" / "tinh.xlsx").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "lich").mkdir()
    manifest = tmp_path / "lich" / "batch.toml"
    manifest.write_text(
        'inputs = ["../so-lieu/*.xlsx"]\n'
        'output = "../van-ban"\n'
        'per = "agency"\n'
        'kind = "giao-chi-tieu"\n'
        'ascii_names = true\n'
        'jobs = 2\n'
        '\n'
        '[document]\n'
        'so = "77"\n'
        'ho_ten = "Nguyễn Thành Sinh"\n', encoding="utf-8")
    r = kh("batch", "--manifest", str(manifest), cwd=tmp_path / "so-lieu")  # paths are the manifest's
    assert r.returncode == 0, r.stdout + r.stderr
    out = tmp_path / "van-ban"
    names = docs(out)
    assert len(names) == 13 and "so-tai-chinh.docx" in names
    import docx
    text = "\n".join(c.text for t in docx.Document(str(out / "so-tai-chinh.docx")).tables
                     for row in t.rows for c in row.cells)
    assert "Số: 77/UBND-TH" in text and "Nguyễn Thành Sinh" in text
    # The command line wins over the manifest.
    r = kh("batch", "--manifest", str(manifest), "--vietnamese-names", "-o", str(tmp_path / "khac"))
    assert r.returncode == 0 and "Sở Tài chính.docx" in docs(tmp_path / "khac")


@pytest.mark.parametrize("text, message", [
    ('inputs = ["a.xlsx"]\noutput = "o"\nmau = "x"\n', "không hiểu mục «mau»"),
    ('inputs = ["a.xlsx"]\noutput = "o"\njobs = "hai"\n', "mục «jobs» có giá trị không hợp lệ"),
    ('inputs = ["a.xlsx"\n', "sai cú pháp TOML"),
    ('inputs = ["a.xlsx"]\n', "chưa chỉ ra thư mục kết quả"),
])
def test_a_bad_manifest_is_refused_with_the_reason(tmp_path, text, message):
    m = tmp_path / "batch.toml"
    m.write_text(text, encoding="utf-8")
    r = kh("batch", "--manifest", str(m))
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr


def test_unknown_kind_and_broken_template_stop_before_any_output(tmp_path):
    r = kh("batch", str(SAMPLE), "-o", str(tmp_path / "a"), "--kind", "bien-ban")
    assert r.returncode == 2 and "không có loại văn bản «bien-ban»" in r.stderr
    bad = tmp_path / "mau.docx"
    bad.write_bytes(b"not a docx")
    r = kh("batch", str(SAMPLE), "-o", str(tmp_path / "b"), "--template", str(bad))
    assert r.returncode == 2 and "mau.docx" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "b").exists() or docs(tmp_path / "b") == []


def test_ctrl_c_stops_cleanly_and_the_next_run_finishes(tmp_path):
    books = tmp_path / "in"
    books.mkdir()
    wb = openpyxl.load_workbook(SAMPLE)
    for i in range(30):
        wb.worksheets[0]["A2"] = f"Đơn vị {i}"
        wb.save(books / f"don-vi-{i:02d}.xlsx")
    for i in range(30, 90):  # enough work that the signal lands mid-run even on a loaded machine
        shutil.copyfile(books / f"don-vi-{i % 30:02d}.xlsx", books / f"don-vi-{i:02d}.xlsx")
    out = tmp_path / "out"
    # Ctrl-C on a terminal reaches the whole foreground process group: the command and its workers.
    proc = subprocess.Popen([*CMD, "batch", str(books), "-o", str(out), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=interruptible)
    deadline = time.time() + 120
    while time.time() < deadline and not (out.exists() and len(docs(out)) >= 4):
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr.decode()
    assert "Đã dừng" in stderr.decode()
    data = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert data["interrupted"] is True
    done = {e["output"] for e in data["items"] if e["status"] == "done"}
    assert done and done <= set(docs(out)) and len(done) < 90
    # nothing half-written, nothing temporary left, the lock released
    assert not [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".kh-batch"]
    assert [p.name for p in (out / ".kh-batch").iterdir()] == ["lock"]
    r = kh("batch", str(books), "-o", str(out), "--jobs", "2")
    assert r.returncode == 0
    data = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert {e["output"] for e in data["items"] if e["status"] == "skipped"} >= done
    assert len(docs(out)) == 90 and data["counts"]["failed"] == 0


def test_progress_plain_lines_in_a_log_and_a_bar_on_a_terminal(tmp_path):
    log = io.StringIO()
    result = run(BatchOptions(inputs=[str(SAMPLE)], output=tmp_path / "a", per="agency", jobs=1),
                 Progress(stream=log, live=False))
    lines = log.getvalue().splitlines()
    assert result.exit_code == 0
    assert lines[0] == "Đọc bảng tính: 1 mục"
    assert any(line.startswith("[ 1/13] xong ") for line in lines)
    assert any(line.startswith("Tạo văn bản: xong 13/13 trong ") and "tệp/giây" in line for line in lines)
    # A terminal gets the rich bar (done/total, rate, time left), redrawn in place.
    tty = io.StringIO()
    run(BatchOptions(inputs=[str(SAMPLE)], output=tmp_path / "b", per="agency", jobs=1),
        Progress(stream=tty, live=True))
    shown = tty.getvalue()
    assert "\x1b[" in shown and "13/13" in shown and "tệp/giây" in shown and "Tạo văn bản" in shown
    # Second run: every item skipped, said so.
    log = io.StringIO()
    run(BatchOptions(inputs=[str(SAMPLE)], output=tmp_path / "a", per="agency", jobs=1), Progress(stream=log, live=False))
    assert sum(1 for line in log.getvalue().splitlines() if "] bỏ qua " in line) == 13
