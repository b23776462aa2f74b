"""The PDF stage with real LibreOffice: a missing LibreOffice, a conversion past its time limit,
and a document LibreOffice cannot open each fail clearly and alone."""
from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import interruptible
from kh_excel.batch import pdfstep
from kh_excel.batch.state import Entry

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "chi_tieu_2026_lao_cai.xlsx"


def kh(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", "from kh_excel.cli import main; main()", *args]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, **(env or {})}, timeout=600)


@pytest.fixture(scope="module")
def letters(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("letters")
    r = kh("batch", "--per", "agency", str(SAMPLE), "-o", str(out), "-q")
    assert r.returncode == 0, r.stderr
    return out


def _entries(folder: Path, names: list[str]) -> list[Entry]:
    return [Entry(output=n, source=str(SAMPLE), status="done", key=f"k{i}") for i, n in enumerate(names)]


def _collect():
    seen: dict[str, tuple[bool, str, Path | None]] = {}

    def done(e: Entry, ok: bool, reason: str, pdf: Path | None) -> None:
        assert e.output not in seen, "each document is reported once"
        seen[e.output] = (ok, reason, pdf)
    return seen, done


def test_missing_libreoffice_fails_each_pdf_clearly(tmp_path):
    out = tmp_path / "out"
    r = kh("batch", "--per", "agency", str(SAMPLE), "-o", str(out), "--pdf", "--json", "-q",
           env={"KH_EXCEL_SOFFICE": str(tmp_path / "khong-co" / "soffice")})
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert data["counts"]["done"] == 13  # the documents themselves are made
    assert {e["pdf_status"] for e in data["items"]} == {"failed"}
    assert data["pdf_calls"] == {"soffice_calls": 0, "conversions": 0}  # none started
    assert all("không tìm thấy LibreOffice" in e["pdf_reason"] for e in data["items"])
    assert "PDF" in r.stderr and "không tìm thấy LibreOffice" in r.stderr  # the summary says it
    assert not list(out.glob("*.pdf"))


def test_a_document_libreoffice_cannot_open_fails_alone(letters, tmp_path):
    folder = tmp_path / "out"
    shutil.copytree(letters, folder)
    names = sorted(p.name for p in folder.glob("*.docx"))[:3]
    broken = folder / names[0]  # one group of 3 fails; then the broken one alone, the other 2 together
    broken.write_bytes(broken.read_bytes()[:3000])  # a cut-off .docx
    seen, done = _collect()
    pdfstep.convert_all(_entries(folder, names), folder, folder / ".kh-batch" / "tmp-test", 1, 60, done)
    assert set(seen) == set(names)
    ok = [n for n in names if seen[n][0]]
    assert ok == [n for n in names if n != broken.name]
    for n in ok:
        assert (folder / n).with_suffix(".pdf").read_bytes()[:5] == b"%PDF-"
    assert broken.name in seen[broken.name][1]  # the failure names the document
    assert not broken.with_suffix(".pdf").exists()


def test_a_conversion_past_its_time_limit_is_killed(letters, tmp_path, monkeypatch):
    """Real LibreOffice under a time limit it cannot meet: killed, each document failed, no PDF,
    and it takes about as long as the limits say."""
    folder = tmp_path / "out"
    shutil.copytree(letters, folder)
    names = sorted(p.name for p in folder.glob("*.docx"))[:3]
    monkeypatch.setattr(pdfstep, "STARTUP_ALLOWANCE", 0.3)
    seen, done = _collect()
    t0 = time.monotonic()
    pdfstep.convert_all(_entries(folder, names), folder, folder / ".kh-batch" / "tmp-test", 1, 0.05, done)
    elapsed = time.monotonic() - t0
    assert set(seen) == set(names)
    for n in names:
        ok, reason, _ = seen[n]
        assert not ok and "LibreOffice không xong sau" in reason
    assert not list(folder.glob("*.pdf"))
    # one group of 3, then halves (1 and 2), then the 2 alone: 5 attempts of ~0.4 s each
    assert elapsed < 30


def _soffice_for(folder: Path) -> list[str]:
    """soffice processes converting documents of `folder` (their arguments name its files)."""
    out = subprocess.run(["ps", "-ww", "-eo", "pid,args"], capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if "soffice" in line and str(folder) in line]


def test_ctrl_c_during_pdf_stops_libreoffice_too(tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-c", "from kh_excel.cli import main; main()", "batch", "--per", "agency",
           str(SAMPLE), "-o", str(out), "--pdf", "--jobs", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=interruptible)
    deadline = time.time() + 120
    while time.time() < deadline and not _soffice_for(out):
        time.sleep(0.02)
    t0 = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the terminal signals the whole foreground group
    proc.communicate(timeout=60)
    assert proc.returncode == 130, "stopped while LibreOffice was converting"
    assert time.monotonic() - t0 < 20
    time.sleep(0.5)
    assert _soffice_for(out) == []
    for pdf in out.glob("*.pdf"):  # whatever was finished is whole
        data = pdf.read_bytes()
        assert data[:5] == b"%PDF-" and b"%%EOF" in data[-1024:]
    data = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert data["interrupted"] is True and data["counts"]["done"] == 13
    assert [p.name for p in (out / ".kh-batch").iterdir()] == ["lock"]


def test_kill_9_during_pdf_leaves_no_libreoffice_and_no_half_pdf(tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-c", "from kh_excel.cli import main; main()", "batch", "--per", "agency",
           str(SAMPLE), "-o", str(out), "--pdf", "--jobs", "2", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and not _soffice_for(out):
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)  # the main process only; its helpers must notice
    proc.wait()
    assert len(list(out.glob("*.pdf"))) < 13, "killed while LibreOffice was converting"
    deadline = time.time() + 30
    while time.time() < deadline and _soffice_for(out):
        time.sleep(0.2)
    assert _soffice_for(out) == []
    for pdf in out.glob("*.pdf"):
        data = pdf.read_bytes()
        assert data[:5] == b"%PDF-" and b"%%EOF" in data[-1024:]
    r = kh("batch", "--per", "agency", str(SAMPLE), "-o", str(out), "--pdf", "--jobs", "2", "--json", "-q")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["counts"]["skipped"] + data["counts"]["done"] == 13
    assert {e["pdf_status"] for e in data["items"]} <= {"done", "skipped"}
    assert len(list(out.glob("*.pdf"))) == 13
    assert [p.name for p in (out / ".kh-batch").iterdir()] == ["lock"]


def _until_no_soffice_for(folder: Path) -> list[str]:
    """The soffice processes of `folder` still there once the killed ones had time to end."""
    deadline = time.time() + 30
    while time.time() < deadline and _soffice_for(folder):
        time.sleep(0.2)
    return _soffice_for(folder)


def test_a_converter_whose_batch_is_gone_starts_no_libreoffice(letters, tmp_path):
    """The main process died (kill -9) before its PDF process had set up: the kernel closed the
    pipe between them, so the PDF process stops at once — no soffice left, no PDF, nothing reported."""
    import multiprocessing
    folder = tmp_path / "out"
    shutil.copytree(letters, folder)
    names = sorted(p.name for p in folder.glob("*.docx"))
    ctx = multiprocessing.get_context("spawn")
    results = ctx.Queue()
    stop_r, stop_w = ctx.Pipe(duplex=False)
    stop_w.close()  # what the kernel does to the main process's end when it dies
    p = ctx.Process(target=pdfstep._child, args=(names, str(folder), str(folder / ".kh-batch" / "tmp-test"),
                                                 60, 30, results, stop_r))
    p.start()
    p.join(timeout=120)
    assert p.exitcode == 0
    assert _until_no_soffice_for(folder) == []
    assert not list(folder.glob("*.pdf"))
    with pytest.raises(queue.Empty):  # not one document or call reported
        results.get(timeout=1)


STOP_DURING_CONVERSION = """
import json, subprocess, sys, threading, time
from pathlib import Path
from kh_excel.docs import pdf
folder, docs = Path(sys.argv[1]), [Path(a) for a in sys.argv[2:]]
raised = []
def convert():
    try:
        pdf.convert_once(pdf.find_soffice(), docs, folder / "staging", 600)
    except BaseException as exc:
        raised.append(type(exc).__name__)
t = threading.Thread(target=convert)
t.start()
while not any("soffice.bin" in l and str(folder) in l
              for l in subprocess.run(["ps", "-ww", "-eo", "args"], capture_output=True, text=True).stdout.splitlines()):
    time.sleep(0.02)
pdf.stop_all()  # as the PDF process's watcher does when the batch ends
t.join()
try:
    pdf.convert_once(pdf.find_soffice(), docs[:1], folder / "staging", 600)
    after = "converted"
except pdf.Stopped:
    after = "Stopped"
print(json.dumps({"raised": raised, "after": after}))
"""


def test_stop_all_kills_the_running_soffice_with_its_children_and_starts_no_other(letters, tmp_path):
    """pdf.stop_all from another thread while soffice.bin converts: the conversion raises Stopped
    (not a failure of its documents), soffice.bin is gone with oosplash, and no soffice starts after."""
    folder = tmp_path / "out"
    shutil.copytree(letters, folder)
    docs = [str(p) for p in sorted(folder.glob("*.docx"))]
    r = subprocess.run([sys.executable, "-c", STOP_DURING_CONVERSION, str(folder), *docs],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"raised": ["Stopped"], "after": "Stopped"}
    assert _until_no_soffice_for(folder) == []
    assert len(list((folder / "staging").glob("*.pdf"))) < len(docs)


def _small_documents(folder: Path, n: int) -> list[str]:
    """n one-paragraph .docx files (LibreOffice converts each in a few hundredths of a second)."""
    from docx import Document
    folder.mkdir(parents=True, exist_ok=True)
    d = Document()
    d.add_paragraph("Văn bản thử")
    d.save(str(folder / "mau.docx"))
    data = (folder / "mau.docx").read_bytes()
    (folder / "mau.docx").unlink()
    names = [f"van-ban-{i:03d}.docx" for i in range(1, n + 1)]
    for name in names:
        (folder / name).write_bytes(data)
    return names


def test_call_groups_stay_under_what_libreoffice_reads():
    from kh_excel.docs import pdf
    docs = [Path(f"/d/{i:04d}.docx") for i in range(520)]
    groups = pdf.call_groups(docs)
    assert [len(g) for g in groups] == [200, 200, 120]
    assert [d for g in groups for d in g] == docs  # order kept, nothing lost
    # the options of a call plus its files stay under the 253 arguments LibreOffice 7.4 reads
    assert pdf.FILES_PER_CALL + 11 < pdf.SOFFICE_MAX_ARGUMENTS
    long = [Path("/" + "x" * 990 + f"/{i}.docx") for i in range(60)]
    assert all(sum(len(str(p)) + 3 for p in g) <= pdf.MAX_COMMAND_CHARS for g in pdf.call_groups(long))


def test_a_full_call_reaches_libreoffice_whole(tmp_path):
    """LibreOffice reads a call of FILES_PER_CALL documents with all its options to the last argument (past
    about 250 it skips the rest silently, exiting 0): the first and the last document of a full call get their
    PDF. The documents between them are names of files that do not exist, which LibreOffice passes over in a
    moment, so the proof costs one soffice start and two conversions, not 200 (the full 300-document run:
    `python benchmarks/bench_batch.py --pdf-proof`)."""
    from kh_excel.docs import pdf
    folder = tmp_path / "out"
    first, last = (folder / n for n in _small_documents(folder, 2))
    absent = [folder / f"khong-co-{i:03d}.docx" for i in range(pdf.FILES_PER_CALL - 2)]
    docs = [first, *absent, last]
    assert pdf.call_groups(docs) == [docs]  # one call, as full as a call gets
    conv = pdf.convert_once(pdf.find_soffice(), docs, tmp_path / "staging", 120)
    assert sorted(conv.produced) == [first, last], conv.detail[-300:]
    assert conv.missing == absent
    for made in conv.produced.values():
        assert made.read_bytes()[:5] == b"%PDF-"


def test_documents_past_one_call_each_get_their_pdf_in_calls_of_the_rule(tmp_path, monkeypatch):
    """More documents than one call takes are converted in successive calls of at most FILES_PER_CALL, none
    skipped, none converted twice: the rule of the 300 documents (calls of 200 and 100), with real LibreOffice,
    at a call size of 2 (3 documents: calls of 2 and 1; each call is a LibreOffice start). That a call of the
    real size reaches LibreOffice whole is test_a_full_call_reaches_libreoffice_whole."""
    from kh_excel.docs import pdf
    monkeypatch.setattr(pdf, "FILES_PER_CALL", 2)
    folder = tmp_path / "out"
    names = _small_documents(folder, 3)
    reported: dict[str, tuple[bool, str]] = {}
    calls: list[int] = []

    def report(name: str, ok: bool, reason: str, made: Path | None) -> None:
        assert name not in reported, "each document is reported once"
        reported[name] = (ok, reason)

    pdfstep._convert_group(names, folder, folder / ".kh-batch" / "tmp-test", 20, 30, report, calls.append)
    assert calls == [2, 1]
    assert set(reported) == set(names)
    assert all(ok for ok, _ in reported.values()), [r for _, r in reported.values() if r][:3]
    for n in names:
        assert (folder / n).with_suffix(".pdf").read_bytes()[:5] == b"%PDF-"
