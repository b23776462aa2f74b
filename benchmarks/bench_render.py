"""Render the results report N times with kh_excel's cached renderer and with plain docxtpl.

    python benchmarks/bench_render.py [WORKBOOK] [-n 50]

Same template (templates/bao-cao.docx with its shared parts), same context, same process,
each document written to a file. Plain docxtpl re-reads, re-patches and re-compiles the
template on every render (docxtpl #110); the cached renderer does that once per template
version. Prints milliseconds per document and the ratio.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BOOK = Path(__file__).resolve().parents[1] / "examples" / "chi_tieu_2026_lao_cai.xlsx"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("workbook", nargs="?", default=str(DEFAULT_BOOK))
    ap.add_argument("-n", type=int, default=50)
    args = ap.parse_args()

    import jinja2
    from docxtpl import DocxTemplate

    import kh_excel
    from kh_excel.docs.context import build_context
    from kh_excel.docs.render import PartsLoader, Renderer, resolve_template
    from kh_excel.docs.settings import example_settings_rows, settings_from_rows

    table = kh_excel.read_workbook(args.workbook)
    attainment = kh_excel.evaluate(table)
    settings = settings_from_rows(example_settings_rows(table.year))
    context = build_context(attainment, settings, "bao-cao")
    template = resolve_template("bao-cao")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        renderer = Renderer()
        renderer.render_to_file(template, context, out / "warm.docx")  # compile once
        fast = []
        for i in range(args.n):
            t0 = time.perf_counter()
            renderer.render_to_file(template, context, out / f"fast-{i}.docx")
            fast.append(time.perf_counter() - t0)

        # plain docxtpl: the same includes resolved by the same loader, autoescape on
        env = jinja2.Environment(loader=PartsLoader([template.parent / "parts"], {}), autoescape=True)
        plain = []
        for i in range(args.n):
            t0 = time.perf_counter()
            tpl = DocxTemplate(str(template))
            tpl.render(context, jinja_env=env, autoescape=True)
            tpl.save(str(out / f"plain-{i}.docx"))
            plain.append(time.perf_counter() - t0)

        size_fast = (out / "fast-0.docx").stat().st_size
        size_plain = (out / "plain-0.docx").stat().st_size

    f_ms, p_ms = statistics.median(fast) * 1000, statistics.median(plain) * 1000
    print(f"report: {len(context['pl']['hang'])} table rows, {args.n} renders each, median time per document")
    print(f"  kh_excel cached renderer: {f_ms:7.1f} ms  (mean {statistics.mean(fast) * 1000:.1f} ms, {size_fast} bytes)")
    print(f"  plain docxtpl:            {p_ms:7.1f} ms  (mean {statistics.mean(plain) * 1000:.1f} ms, {size_plain} bytes)")
    print(f"  ratio (docxtpl / cached): {p_ms / f_ms:7.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
