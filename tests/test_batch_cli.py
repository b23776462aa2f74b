"""`kh-excel batch` end to end, as staff run it: real workbooks, real processes, real LibreOffice.

- one letter per lead agency of the sample, each listing exactly that agency's indicators,
  opening in LibreOffice (the whole set converted by the batch's PDF stage in ONE soffice
  process: --jobs 1) and passing `kh-excel lint`;
- 20 workbooks of which 2 are corrupt: 18 documents, 2 failures named, exit 1, no stray file;
- a run killed with SIGKILL halfway and started again finishes the rest without redoing the rest;
- re-runs skip what is up to date (by content, not by time) unless --force.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn

from helpers import docx_paragraphs
from kh_excel.docs.wording import agency_words
import openpyxl
import pytest

from kh_excel.api import read_workbook
from kh_excel.core.agencies import AgencyRegistry

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "chi_tieu_2026_lao_cai.xlsx"
ROMAN = re.compile(r"^[IVXLC]+$")
SEPARATORS = ("/", "\\")


def kh(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", "from kh_excel.cli import main; main()", *args]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", cwd=cwd,
                          env={**os.environ, **(env or {})}, timeout=timeout)


def outputs(folder: Path, suffix: str = ".docx") -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == suffix and not p.name.startswith("."))


def index(folder: Path) -> dict:
    return json.loads((folder / "index.json").read_text(encoding="utf-8"))


def stray(folder: Path) -> list[str]:
    """Anything in the output folder that is neither an output, the index nor the state folder's lock."""
    allowed = {"index.json", "index.csv", ".kh-batch"}
    bad = [p.name for p in folder.iterdir() if p.name not in allowed and p.suffix not in (".docx", ".pdf")]
    bad += [p.name for p in folder.iterdir() if p.name.startswith(".") and p.name != ".kh-batch"]
    state = folder / ".kh-batch"
    if state.exists():
        bad += [f".kh-batch/{p.name}" for p in state.iterdir() if p.name != "lock"]
    return bad


def expected_rows(agency: str) -> list[tuple[str, str]]:
    """(STT, name) of the rows an agency leads, sub-rows included, straight from the core reader."""
    reg = AgencyRegistry.default()
    table = read_workbook(SAMPLE)
    return [(i.stt, i.name) for i in table.indicators if any(reg.same(a, agency) for a in i.lead)]


def appendix_rows(path: Path) -> list[tuple[str, str]]:
    """(STT, name) of the indicator rows of the document's appendix table, section rows left out."""
    d = docx.Document(str(path))
    table = next(t for t in reversed(d.tables) if t.rows and t.rows[0].cells[0].text.strip() == "STT")
    rows = []
    for r in table.rows[1:]:
        # a cell continuing a vertical merge (an indicator's STT over its sub-rows) reads as the blank it is
        cells = ["" if tc.vMerge == "continue" else "".join(t.text or "" for t in tc.iter(qn("w:t"))).strip()
                 for tc in r._tr.tc_lst]
        if cells[0] == "STT" or (ROMAN.match(cells[0]) and not cells[2]):
            continue  # repeated header, section row
        rows.append((cells[0], unicodedata.normalize("NFC", cells[1])))
    return rows


def paragraphs(path: Path) -> list[str]:
    return docx_paragraphs(path)


def cells(path: Path) -> list[str]:
    d = docx.Document(str(path))
    return [c.text for t in d.tables for row in t.rows for c in row.cells]


# ---------------------------------------------------------------------------------- per agency
# What staff put in the settings sheet (or a TOML beside it): the signer, the number, the date.
SETTINGS = (ROOT / "examples" / "cau_hinh_van_ban.toml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def agency_run(tmp_path_factory):
    """The sample, one letter per lead agency, with PDF — one soffice process for the whole set."""
    base = tmp_path_factory.mktemp("per-agency")
    out = base / "van ban"
    toml = base / "cau-hinh.toml"
    toml.write_text(SETTINGS, encoding="utf-8")
    t0 = time.time()
    proc = kh("batch", "--per", "agency", str(SAMPLE), "-o", str(out), "--pdf", "--jobs", "1",
              "--settings", str(toml))
    return out, proc, time.time() - t0


def test_one_document_per_distinct_lead_agency(agency_run):
    out, proc, _ = agency_run
    assert proc.returncode == 0, proc.stdout + proc.stderr
    names = [p.name for p in outputs(out)]
    # "Sở Tài chính, Thống kê tỉnh" is two agencies; "Sở Văn hóa, Thể thao và Du lịch" is one.
    assert "Sở Tài chính.docx" in names and "Thống kê tỉnh.docx" in names
    assert "Sở Văn hóa, Thể thao và Du lịch.docx" in names
    assert not any(n.startswith(("Thể thao", "Du lịch")) for n in names)
    # "UBND các xã/phường" made a file, not a folder.
    assert "UBND các xã-phường.docx" in names
    assert [p for p in out.iterdir() if p.is_dir()] == [out / ".kh-batch"]
    for n in names:
        assert not any(s in n for s in SEPARATORS) and unicodedata.is_normalized("NFC", n)
    # Exactly one document per distinct agency of the table (spellings of one agency counted once).
    reg = AgencyRegistry.default()
    distinct = {reg.key(a) for i in read_workbook(SAMPLE).indicators for a in i.lead}
    assert len(names) == len(distinct) == 13
    assert stray(out) == []


def test_each_document_lists_exactly_its_agencys_indicators(agency_run):
    out, _, _ = agency_run
    data = index(out)
    assert {e["status"] for e in data["items"]} == {"done"}
    for e in data["items"]:
        path = out / e["output"]
        want = expected_rows(e["agency"])
        assert want, e["agency"]
        assert appendix_rows(path) == want, e["output"]
        text = paragraphs(path)
        # the count the letter gives is the number of items it lists (a structure with its parts is one item)
        start = next(i for i, t in enumerate(text) if "chỉ tiêu kinh tế - xã hội chủ yếu" in t and "giao" in t)
        end = next(i for i, t in enumerate(text) if t.startswith("Đề nghị"))
        listed = [t for t in text[start + 1:end] if t.startswith("- ")]
        assert e["indicators"] == len(listed) and f"thực hiện {len(listed)} chỉ tiêu" in " ".join(text)
        # Addressed to the agency; "Như trên" in Nơi nhận stands for the addressee (nd30).
        assert f"Kính gửi: {agency_words(e['agency'])}" in [t.strip() for t in text], e["output"]
        noi_nhan = next(t for t in cells(path) if t.startswith("Nơi nhận"))
        assert "- Như trên;" in noi_nhan or e["agency"] in noi_nhan


def test_every_document_opens_in_libreoffice(agency_run):
    out, proc, _ = agency_run
    docs, pdfs = outputs(out), outputs(out, ".pdf")
    assert [p.stem for p in pdfs] == [p.stem for p in docs]
    for e in index(out)["items"]:
        assert e["pdf_status"] == "done"
        pdf = out / e["pdf"]
        assert pdf.read_bytes()[:5] == b"%PDF-"
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout
        assert e["agency"].split(",")[0] in text


def test_every_document_passes_lint(agency_run):
    from kh_excel.docs.lint import lint_docx
    out, _, _ = agency_run
    docs = outputs(out)
    for doc in docs:
        report = lint_docx(doc)
        assert report.ok, f"{doc.name}: {report.failed()}"
    # and the command itself, as staff run it, on one of them
    r = kh("lint", str(out / "UBND các xã-phường.docx"))
    assert r.returncode == 0, r.stdout + r.stderr


def test_index_csv_is_readable_in_excel(agency_run):
    out, _, _ = agency_run
    raw = (out / "index.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens UTF-8 with its Vietnamese intact
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Tệp văn bản,Tệp nguồn,Cơ quan chủ trì,Số chỉ tiêu,Trạng thái")
    assert '"Sở Văn hóa, Thể thao và Du lịch.docx"' in text


def test_rerun_skips_by_content_and_force_redoes(agency_run, tmp_path):
    src_out, _, _ = agency_run
    out = tmp_path / "out"
    shutil.copytree(src_out, out)  # a copy: every mtime changed, contents the same
    same = tmp_path / "cung-noi-dung.toml"  # another file, the same settings: the same key
    same.write_text(SETTINGS, encoding="utf-8")
    before = {p.name: p.stat().st_mtime_ns for p in outputs(out)}
    r = kh("batch", "--per", "agency", str(SAMPLE), "-o", str(out), "--pdf", "--jobs", "2", "--settings", str(same))
    assert r.returncode == 0, r.stdout + r.stderr
    data = index(out)
    assert data["counts"] == {"done": 0, "skipped": 13, "failed": 0}
    assert {e["pdf_status"] for e in data["items"]} == {"skipped"}
    assert {p.name: p.stat().st_mtime_ns for p in outputs(out)} == before
    # An output edited by hand is no longer what the index recorded: it alone is redone.
    victim = out / "Sở Nội vụ.docx"
    victim.write_bytes(b"edited")
    r = kh("batch", "--per", "agency", str(SAMPLE), "-o", str(out), "--jobs", "2", "--settings", str(same))
    data = index(out)
    assert data["counts"] == {"done": 1, "skipped": 12, "failed": 0}
    assert [e["output"] for e in data["items"] if e["status"] == "done"] == ["Sở Nội vụ.docx"]
    assert zipfile.is_zipfile(victim)
    # Other settings change every document; PDFs of the old versions are not left to contradict them.
    other = tmp_path / "khac.toml"
    other.write_text(SETTINGS.replace('so = "125"', 'so = "126"'), encoding="utf-8")
    edited_pdf = out / "Sở Tài chính.pdf"
    edited_pdf.write_bytes(edited_pdf.read_bytes() + "\n% ghi chú của người dùng\n".encode("utf-8"))
    r = kh("batch", "--per", "agency", str(SAMPLE), "-o", str(out), "--settings", str(other), "--jobs", "2")
    assert index(out)["counts"] == {"done": 13, "skipped": 0, "failed": 0}
    assert any("Số: 126/UBND-TH" in t for t in paragraphs(victim))
    assert [p.name for p in outputs(out, ".pdf")] == ["Sở Tài chính.pdf"]  # only the one edited since
    r = kh("batch", "--per", "agency", str(SAMPLE), "-o", str(out), "--settings", str(other), "--force", "-q")
    assert r.returncode == 0 and index(out)["counts"]["done"] == 13
    assert stray(out) == []


def test_ascii_names(tmp_path):
    r = kh("batch", "--per", "agency", str(SAMPLE), "-o", str(tmp_path), "--ascii-names", "-q")
    assert r.returncode == 0, r.stderr
    names = [p.name for p in outputs(tmp_path)]
    assert "ubnd-cac-xa-phuong.docx" in names and "so-van-hoa-the-thao-va-du-lich.docx" in names
    assert all(n.isascii() for n in names) and len(names) == 13


# ---------------------------------------------------------------------------------- many workbooks
def make_books(folder: Path, n: int) -> list[Path]:
    """n distinct workbooks from the sample (each its own title and one target), generated now."""
    folder.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb.worksheets[0]
    paths = []
    for i in range(n):
        ws["A2"] = f"Bảng chỉ tiêu của đơn vị số {i + 1}"
        p = folder / f"Đơn vị {i + 1:02d}.xlsx"
        wb.save(p)
        paths.append(p)
    return paths


def test_twenty_workbooks_two_corrupt(tmp_path):
    books = make_books(tmp_path / "so lieu", 18)
    truncated = tmp_path / "so lieu" / "Đơn vị 19 (hỏng).xlsx"
    truncated.write_bytes(books[0].read_bytes()[:4000])
    not_excel = tmp_path / "so lieu" / "Đơn vị 20 (không phải Excel).xlsx"
    not_excel.write_text("đây là một tệp văn bản", encoding="utf-8")
    out = tmp_path / "out"
    r = kh("batch", str(tmp_path / "so lieu"), "-o", str(out), "--jobs", "2")
    assert r.returncode == 1, r.stdout + r.stderr
    docs = outputs(out)
    assert len(docs) == 18 and all(zipfile.is_zipfile(p) for p in docs)
    assert sorted(p.stem for p in docs) == sorted(p.stem for p in books)
    data = index(out)
    assert data["counts"] == {"done": 18, "skipped": 0, "failed": 2}
    failed = {Path(e["source"]).name: e["reason"] for e in data["items"] if e["status"] == "failed"}
    assert set(failed) == {truncated.name, not_excel.name}
    assert all(failed.values())
    # The summary names both, with their reason.
    summary = r.stdout
    assert "Các mục bị lỗi" in summary
    for name, reason in failed.items():
        assert name in summary.replace("\n", "") or name[:20] in summary
    assert "hỏng" in failed[truncated.name] or "cắt cụt" in failed[truncated.name]
    assert "không phải là tệp bảng tính" in failed[not_excel.name]
    assert stray(out) == []


def test_a_write_error_fails_only_that_document(tmp_path):
    out = tmp_path / "out"
    (out / "Sở Nội vụ.docx").mkdir(parents=True)  # a folder where one output must go
    r = kh("batch", "--per", "agency", str(SAMPLE), "-o", str(out), "--jobs", "2", "--json", "-q")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert data["counts"] == {"done": 12, "skipped": 0, "failed": 1}
    bad = [e for e in data["items"] if e["status"] == "failed"]
    assert bad[0]["output"] == "Sở Nội vụ.docx" and bad[0]["reason"]
    assert stray(out) == []


def test_per_agency_over_several_workbooks_with_a_corrupt_one(tmp_path):
    books = make_books(tmp_path / "in", 2)
    bad = tmp_path / "in" / "rỗng.xlsx"
    bad.write_bytes(b"")
    r = kh("batch", "--per", "agency", str(books[0]), str(books[1]), str(bad), str(tmp_path / "in" / "khong-co.xlsx"),
           "-o", str(tmp_path / "out"), "-q", "--jobs", "2")
    assert r.returncode == 1
    data = index(tmp_path / "out")
    assert data["counts"] == {"done": 26, "skipped": 0, "failed": 2}
    names = [p.name for p in outputs(tmp_path / "out")]
    assert "Đơn vị 01 - Sở Tài chính.docx" in names and "Đơn vị 02 - UBND các xã-phường.docx" in names
    reasons = {Path(e["source"]).name: e["reason"] for e in data["items"] if e["status"] == "failed"}
    assert "rỗng" in reasons["rỗng.xlsx"] and reasons["khong-co.xlsx"] == "không tìm thấy tệp."


# ---------------------------------------------------------------------------------- kill and resume
def test_killed_run_resumes_without_redoing(tmp_path):
    books = make_books(tmp_path / "in", 40)
    out = tmp_path / "out"
    cmd = [sys.executable, "-c", "from kh_excel.cli import main; main()", "batch", str(tmp_path / "in"),
           "-o", str(out), "--jobs", "2", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        if out.exists() and len(outputs(out)) >= 8:
            break
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(0.3)  # the workers die with their parent (PR_SET_PDEATHSIG)
    first = {p.name: p.stat().st_mtime_ns for p in outputs(out)}
    assert 8 <= len(first) < 40, "the run must be killed halfway"
    # Whatever the kill left, no output is half-written: every .docx is a whole document.
    assert all(zipfile.is_zipfile(out / n) for n in first)
    journal = out / ".kh-batch" / "journal.jsonl"
    recorded = [json.loads(line)["output"] for line in journal.read_text(encoding="utf-8").splitlines()]
    assert recorded and set(recorded) <= set(first)
    assert not (out / "index.json").exists()

    r = kh("batch", str(tmp_path / "in"), "-o", str(out), "--jobs", "2")
    assert r.returncode == 0, r.stdout + r.stderr
    data = index(out)
    assert data["counts"]["done"] + data["counts"]["skipped"] == 40 and data["counts"]["failed"] == 0
    skipped = {e["output"] for e in data["items"] if e["status"] == "skipped"}
    assert set(recorded) <= skipped  # everything the first run finished and recorded is kept …
    for n in recorded:                # … untouched
        assert (out / n).stat().st_mtime_ns == first[n]
    assert len(outputs(out)) == 40
    assert stray(out) == []


def test_a_failed_pdf_stage_leaves_no_old_pdf_beside_a_new_document(agency_run, tmp_path):
    """The old PDFs go when their documents are rewritten, before the PDF stage: a stage that
    fails (here: no LibreOffice) or is interrupted never leaves them contradicting the .docx."""
    src_out, _, _ = agency_run
    out = tmp_path / "out"
    shutil.copytree(src_out, out)
    assert len(outputs(out, ".pdf")) == 13
    other = tmp_path / "khac.toml"
    other.write_text(SETTINGS.replace('so = "125"', 'so = "127"'), encoding="utf-8")
    r = kh("batch", "--per", "agency", str(SAMPLE), "-o", str(out), "--settings", str(other), "--pdf",
           "--jobs", "2", env={"KH_EXCEL_SOFFICE": str(tmp_path / "khong-co" / "soffice")})
    assert r.returncode == 1, r.stdout + r.stderr
    data = index(out)
    assert data["counts"] == {"done": 13, "skipped": 0, "failed": 0}
    assert {e["pdf_status"] for e in data["items"]} == {"failed"}
    assert any("Số: 127/UBND-TH" in t for t in paragraphs(out / "Sở Nội vụ.docx"))
    assert outputs(out, ".pdf") == []


def test_a_table_without_lead_agencies_is_named_by_its_sheet(tmp_path):
    """rev16 R16-12: «noag.xlsx: bảng chỉ tiêu không có cột hoặc không ghi cơ quan chủ trì nào» named no sheet and
    did not say which; forms names both. Batch says it as forms does, sheet included."""
    import openpyxl

    from helpers import run_cli
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu NN"
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Thực hiện năm 2026"])
    ws.append(["1", "Sản lượng lương thực", "Tấn", 1000, 1100])
    wb.save(tmp_path / "noag.xlsx")
    r = run_cli("batch", str(tmp_path / "noag.xlsx"), "--per", "agency", "-o", str(tmp_path / "out"))
    said = r.stdout + r.stderr
    assert ("noag.xlsx: trang «Chỉ tiêu NN»: bảng chỉ tiêu không có cột «Cơ quan chủ trì», nên không lập được văn "
            "bản theo từng cơ quan chủ trì.") in said, said
