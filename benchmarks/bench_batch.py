"""Batch benchmark: `--jobs 2` against `--jobs 1`, end to end with PDF, on 1 and on 40 workbooks.

    python benchmarks/bench_batch.py [--books 1,40] [--repeat 1] [--no-pdf] [--plain]
    python benchmarks/bench_batch.py --pdf-proof [300]

Each workbook is a copy of the sample (13 lead agencies, so 13 letters: 520 on 40 workbooks);
each run is the real command in a subprocess (`kh-excel batch --per agency … --pdf --json`),
end to end: process start, imports, reading, planning, rendering, PDF, index; into a fresh
folder each time; the median of --repeat runs. For each, the soffice calls and the conversions
they were asked for (from --json "pdf_calls": more conversions than documents means a retry),
and the seconds of each stage.

Compiled templates are cached on disk (kh_excel.docs.template_cache) in a folder of this run:
the first run fills it (its «plan» stage is printed as the cold start), the timed runs find it.
`--plain` adds the old comparison: docxtpl alone rendering the same letters in a loop.

`--pdf-proof` is the proof that PDF groups past LibreOffice's ~250 arguments are converted whole
(moved here from tests/test_batch_pdf.py, where it took 40 s of the suite; the suite keeps the two
cheap halves: a full call of FILES_PER_CALL reaches LibreOffice to its last argument, and documents
past one call go in calls of the rule): 300 one-paragraph documents (or the count given) through
the batch's PDF stage (batch.pdfstep.convert_all, one group), real LibreOffice; it prints the soffice
calls and the conversions, and fails unless each document has its PDF in calls of 200 and 100,
none converted twice.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "chi_tieu_2026_lao_cai.xlsx"
SETTINGS = (ROOT / "examples" / "cau_hinh_van_ban.toml").read_text(encoding="utf-8")
PER_BOOK = 13


def batch(args: list[str], env: dict) -> tuple[float, dict]:
    cmd = [sys.executable, "-c", "from kh_excel.cli import main; main()", "batch", *args, "--json", "-q"]
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env)
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        raise SystemExit(f"kh-excel batch failed ({r.returncode}):\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    return wall, json.loads(r.stdout)


def plain_docxtpl(book: Path, settings_path: Path, n: int, out: Path) -> float:
    """Seconds per letter the way one would write them with docxtpl alone (no PDF)."""
    import jinja2
    from docxtpl import DocxTemplate

    from kh_excel.batch import engine
    from kh_excel.batch.plan import lead_agencies
    from kh_excel.docs.context import build_context
    from kh_excel.docs.render import PartsLoader, resolve_template

    att, sheet_settings = engine.read_source(str(book), None, "giao-chi-tieu")
    settings = engine.merge_settings(sheet_settings, engine.override_settings(str(settings_path), None))
    contexts = [build_context(att, settings, "giao-chi-tieu", agency=a) for a, _ in lead_agencies(att.table)]
    template = resolve_template("giao-chi-tieu")
    env = jinja2.Environment(loader=PartsLoader([template.parent / "parts"], {}), autoescape=True)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for i in range(n):
        tpl = DocxTemplate(str(template))
        tpl.render(contexts[i % len(contexts)], jinja_env=env, autoescape=True)
        tpl.save(str(out / f"{i:03d}.docx"))
    return (time.perf_counter() - t0) / n


def _spin(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def headroom() -> float:
    """How much faster two processes do two pieces of pure CPU work than one process: the most
    any --jobs 2 can gain on this machine at this moment (other work on it takes its share)."""
    import multiprocessing
    n = 2_000_000
    t0 = time.perf_counter()
    _spin(n)
    _spin(n)
    one = time.perf_counter() - t0
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_spin, [1000, 1000])
        t0 = time.perf_counter()
        pool.map(_spin, [n, n])
        two = time.perf_counter() - t0
    return one / two


def _stages(data: dict) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in data["stages"].items())


def _calls(data: dict) -> str:
    c = data.get("pdf_calls")
    if not c:
        return "soffice calls: not reported"
    return f"{c['soffice_calls']} soffice calls, {c['conversions']} conversions"


def pdf_proof(n: int) -> int:
    """n tiny documents through the PDF stage in one group: each gets its PDF, in ceil(n / FILES_PER_CALL) calls."""
    from docx import Document

    from kh_excel.batch import pdfstep
    from kh_excel.batch.state import Entry
    from kh_excel.docs import pdf
    with tempfile.TemporaryDirectory(prefix="bench-pdf-proof-") as tmp:
        folder = Path(tmp) / "out"
        folder.mkdir()
        d = Document()
        d.add_paragraph("Văn bản thử")
        d.save(str(folder / "mau.docx"))
        data = (folder / "mau.docx").read_bytes()
        (folder / "mau.docx").unlink()
        names = [f"van-ban-{i:03d}.docx" for i in range(1, n + 1)]
        for name in names:
            (folder / name).write_bytes(data)
        seen: dict[str, tuple[bool, str]] = {}

        def done(e: Entry, ok: bool, reason: str, made: Path | None) -> None:
            assert e.output not in seen, f"{e.output} reported twice"
            seen[e.output] = (ok, reason)
        entries = [Entry(output=name, source=str(SAMPLE), status="done", key=f"k{i}") for i, name in enumerate(names)]
        t0 = time.perf_counter()
        counts = pdfstep.convert_all(entries, folder, folder / ".kh-batch" / "tmp-proof", 1, 20, done)
        wall = time.perf_counter() - t0
        made = [name for name in names if pdf.complete_pdf((folder / name).with_suffix(".pdf"))]
        calls = -(-n // pdf.FILES_PER_CALL)
        print(f"{n} documents, one group, --jobs 1: {counts['soffice_calls']} soffice calls, "
              f"{counts['conversions']} conversions, {len(made)} PDFs, {wall:.1f} s "
              f"(expected: {calls} calls of at most {pdf.FILES_PER_CALL}, {n} conversions, {n} PDFs)")
        failed = [f"{name}: {reason}" for name, (ok, reason) in seen.items() if not ok]
        ok = (set(seen) == set(names) and not failed and len(made) == n
              and counts == {"soffice_calls": calls, "conversions": n})
        print("proof: " + ("passed" if ok else "FAILED " + "; ".join(failed[:3])))
        return 0 if ok else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--books", default="1,40", help="workbook counts, comma-separated")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-pdf", action="store_true")
    ap.add_argument("--plain", action="store_true", help="also time docxtpl alone")
    ap.add_argument("--pdf-proof", type=int, nargs="?", const=300, metavar="N",
                    help="only the proof: N (300) tiny documents through the PDF stage, calls and conversions")
    args = ap.parse_args()
    if args.pdf_proof is not None:
        return pdf_proof(args.pdf_proof)
    counts = [int(x) for x in args.books.split(",") if x.strip()]

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cores: {os.cpu_count()}, load average (1 min) at start: {load:.2f}, "
          f"2-process headroom (pure CPU loop): {headroom():.2f}×")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        base = Path(tmp)
        env = {**os.environ, "KH_EXCEL_CACHE_DIR": str(base / "template-cache")}
        settings = base / "cau-hinh.toml"
        settings.write_text(SETTINGS, encoding="utf-8")
        pdf = [] if args.no_pdf else ["--pdf"]

        warm_dir = base / "warm"
        warm_dir.mkdir()
        shutil.copy(SAMPLE, warm_dir / "don-vi-01.xlsx")
        cold = batch(["--per", "agency", str(warm_dir), "--settings", str(settings), "-o", str(base / "w1"),
                      "--jobs", "1"], env)
        warm = batch(["--per", "agency", str(warm_dir), "--settings", str(settings), "-o", str(base / "w2"),
                      "--jobs", "1"], env)
        print(f"start (plan stage, template compiled or found on disk): cold {cold[1]['stages']['plan']:.2f} s, "
              f"warm {warm[1]['stages']['plan']:.2f} s; whole 13-letter run cold {cold[0]:.2f} s, warm {warm[0]:.2f} s")

        for books in counts:
            folder = base / f"so-lieu-{books}"
            folder.mkdir()
            for i in range(books):
                shutil.copy(SAMPLE, folder / f"don-vi-{i + 1:02d}.xlsx")
            n = books * PER_BOOK
            common = ["--per", "agency", str(folder), "--settings", str(settings), *pdf]
            runs: dict[int, list[tuple[float, dict]]] = {1: [], 2: []}
            for rep in range(args.repeat):
                for jobs in (1, 2):
                    out = base / f"out-{books}-{jobs}-{rep}"
                    wall, data = batch([*common, "-o", str(out), "--jobs", str(jobs)], env)
                    assert data["counts"]["done"] == n, data["counts"]
                    if pdf:
                        made = sum(1 for e in data["items"] if e["pdf_status"] == "done")
                        assert made == n, f"{made} PDFs of {n}"
                    runs[jobs].append((wall, data))
                    shutil.rmtree(out, ignore_errors=True)
            w1 = statistics.median(w for w, _ in runs[1])
            w2 = statistics.median(w for w, _ in runs[2])
            what = "PDF included" if pdf else "no PDF"
            print(f"\n{books} workbook{'s' if books > 1 else ''} ({n} letters, {what}), median of {args.repeat}:")
            print(f"  --jobs 1: {w1:6.2f} s  ({n / w1:5.1f} letters/s)  {_calls(runs[1][-1][1])}")
            print(f"            stages: {_stages(runs[1][-1][1])}")
            print(f"  --jobs 2: {w2:6.2f} s  ({n / w2:5.1f} letters/s)  {_calls(runs[2][-1][1])}")
            print(f"            stages: {_stages(runs[2][-1][1])}")
            print(f"  --jobs 2 / --jobs 1: {w1 / w2:.2f}×" + ("  (aim ≥ 1.7× on 40)" if books >= 40 else ""))

        if args.plain:
            per = plain_docxtpl(SAMPLE, settings, 26, base / "plain")
            print(f"\ndocxtpl alone, in process, no PDF: {per * 1000:.1f} ms per letter")
    print(f"\n2-process headroom at the end (pure CPU loop): {headroom():.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
