"""Decree 30 documents: settings, template context, fast rendering, PDF export and the format checker.

- `build_context(attainment_or_table, settings, kind, agency=None)`: what a template reads.
- `render_docx(template, context, out)`: render a bundled kind or a template path, atomically.
- `load_settings(workbook, toml)`, `settings_from_rows(rows)`; `example_settings_rows()` is a filled-in example
  (documentation, tests), never written into a user's workbook unasked (docs.settings.settings_rows is).
- `convert_many(docx_paths, outdir, timeout)`: many PDFs in one LibreOffice run.
- `lint_docx(path)`: check any .docx against nd30.md.
"""
from __future__ import annotations

__all__ = ["build_context", "render_docx", "load_settings", "example_settings_rows", "settings_from_rows",
           "convert_many", "lint_docx", "render_document"]


def __getattr__(name: str):
    if name == "build_context":
        from kh_excel.docs.context import build_context
        return build_context
    if name in ("render_docx",):
        from kh_excel.docs.render import render_docx
        return render_docx
    if name in ("load_settings", "example_settings_rows", "settings_from_rows"):
        from kh_excel.docs import settings
        return getattr(settings, name)
    if name == "convert_many":
        from kh_excel.docs.pdf import convert_many
        return convert_many
    if name == "lint_docx":
        from kh_excel.docs.lint import lint_docx
        return lint_docx
    if name == "render_document":
        from kh_excel.docs.api import render_document
        return render_document
    raise AttributeError(name)
