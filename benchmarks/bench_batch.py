"""Batch benchmark: ~100 per-agency letters from the sample, four ways, in one run.

    python benchmarks/bench_batch.py [--docs 100] [--repeat 3] [--no-pdf]

(a) plain docxtpl rendering the same template (giao-chi-tieu with its shared parts, the same
    loader, autoescape on) with the same contexts in a loop, in this process — it pays no
    process start, no workbook reading, no index;
(b) `kh-excel batch --per agency … --jobs 1`, the real command in a subprocess, end to end
    (process start, reading the workbooks, planning, rendering, index);
(c) the same with `--jobs 2`;
(d) the PDF stage of a `--pdf --jobs 2` run over the documents of (c): seconds per document.

The documents come from copies of the sample (13 lead agencies each), so the count is the
next multiple of 13 at or above --docs. (b) and (c) are the median of --repeat runs, each
into a fresh folder. Besides the end-to-end rate, the rate of the render stage alone (from
the command's --json "stages") is printed: it leaves out process start and reading.
"""
from __future__ import annotations

import argparse
import json
import math
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


def batch(args: list[str]) -> tuple[float, dict]:
    cmd = [sys.executable, "-c", "from kh_excel.cli import main; main()", "batch", *args, "--json", "-q"]
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        raise SystemExit(f"kh-excel batch failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return wall, json.loads(r.stdout)


def plain_docxtpl(books: list[Path], settings_path: Path, out: Path) -> tuple[int, float]:
    """The same documents the way one would write them with docxtpl alone."""
    import jinja2
    from docxtpl import DocxTemplate

    from kh_excel.batch import engine
    from kh_excel.batch.plan import lead_agencies
    from kh_excel.docs.context import build_context
    from kh_excel.docs.render import PartsLoader, resolve_template

    att, sheet_settings = engine.read_source(str(books[0]), None)
    settings = engine.merge_settings(sheet_settings, engine.override_settings(str(settings_path), None))
    agencies = [a for a, _ in lead_agencies(att.table)]
    contexts = [build_context(att, settings, "giao-chi-tieu", agency=a) for a in agencies]
    template = resolve_template("giao-chi-tieu")
    env = jinja2.Environment(loader=PartsLoader([template.parent / "parts"], {}), autoescape=True)
    n = len(books) * len(contexts)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for i in range(n):
        tpl = DocxTemplate(str(template))
        tpl.render(contexts[i % len(contexts)], jinja_env=env, autoescape=True)
        tpl.save(str(out / f"{i:03d}.docx"))
    return n, time.perf_counter() - t0


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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-pdf", action="store_true")
    args = ap.parse_args()

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cores: {os.cpu_count()}, load average (1 min) at start: {load:.2f}, "
          f"2-process headroom (pure CPU loop): {headroom():.2f}×")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        base = Path(tmp)
        books_dir = base / "so-lieu"
        books_dir.mkdir()
        copies = math.ceil(args.docs / 13)
        books = []
        for i in range(copies):
            p = books_dir / f"don-vi-{i + 1:02d}.xlsx"
            shutil.copy(SAMPLE, p)
            books.append(p)
        settings = base / "cau-hinh.toml"
        settings.write_text(SETTINGS, encoding="utf-8")
        common = ["--per", "agency", str(books_dir), "--settings", str(settings)]

        n, plain_s = plain_docxtpl(books, settings, base / "plain")
        rate_a = n / plain_s

        runs: dict[int, list[tuple[float, dict]]] = {1: [], 2: []}
        for rep in range(args.repeat):
            for jobs in (1, 2):
                out = base / f"out-{jobs}-{rep}"
                wall, data = batch([*common, "-o", str(out), "--jobs", str(jobs)])
                assert data["counts"]["done"] == n, data["counts"]
                runs[jobs].append((wall, data))

        def rates(jobs: int) -> tuple[float, float, float]:
            walls = [w for w, _ in runs[jobs]]
            renders = [d["stages"]["render"] for _, d in runs[jobs]]
            wall = statistics.median(walls)
            return n / wall, n / statistics.median(renders), wall

        rate_b, stage_b, wall_b = rates(1)
        rate_c, stage_c, wall_c = rates(2)

        pdf_line = "PDF: skipped (--no-pdf)"
        pdf_per_doc = None
        if not args.no_pdf:
            out = base / "out-2-0"
            wall, data = batch([*common, "-o", str(out), "--jobs", "2", "--pdf"])
            pdfs = sum(1 for e in data["items"] if e["pdf_status"] == "done")
            assert pdfs == n, f"{pdfs} PDFs of {n}"
            pdf_per_doc = data["stages"]["pdf"] / n
            pdf_line = (f"PDF stage, --jobs 2 (2 soffice processes): {data['stages']['pdf']:.2f} s for {n} documents "
                        f"= {pdf_per_doc:.3f} s per document")

    print(f"documents: {n} (per-agency letters from {copies} copies of {SAMPLE.name}); "
          f"batch runs: median of {args.repeat}")
    print(f"(a) plain docxtpl loop, in process:      {rate_a:7.1f} documents/s  ({plain_s / n * 1000:.1f} ms each)")
    print(f"(b) kh-excel batch --jobs 1, end to end: {rate_b:7.1f} documents/s  ({wall_b:.2f} s wall; "
          f"render stage alone {stage_b:.1f} documents/s)")
    print(f"(c) kh-excel batch --jobs 2, end to end: {rate_c:7.1f} documents/s  ({wall_c:.2f} s wall; "
          f"render stage alone {stage_c:.1f} documents/s)")
    print(pdf_line)
    print(f"ratio (b)/(a): {rate_b / rate_a:.2f}×  (aim ≥ 1.5×)")
    print(f"ratio (c)/(b): {rate_c / rate_b:.2f}× end to end, {stage_c / stage_b:.2f}× render stage  (aim ≥ 1.7×)")
    if pdf_per_doc is not None:
        print(f"PDF per document in batch: {pdf_per_doc:.3f} s  (aim < 0.3 s)")
    print(f"2-process headroom at the end (pure CPU loop): {headroom():.2f}×")
    last = runs[2][-1][1]["stages"]
    print("stages of the last --jobs 2 run (s): " + ", ".join(f"{k} {v:.2f}" for k, v in last.items()))
    last1 = runs[1][-1][1]["stages"]
    print("stages of the last --jobs 1 run (s): " + ", ".join(f"{k} {v:.2f}" for k, v in last1.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
