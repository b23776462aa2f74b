"""One call from a workbook to a finished document: what `kh-excel render` does, importable."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kh_excel.docs.render import KNOWN_KINDS, Renderer, default_renderer, resolve_template


@dataclass
class Rendered:
    docx: Path
    pdf: Path | None = None


def context_kind(kind_or_template: str, has_results: bool, kind: str | None = None) -> str:
    """The context a template gets: the named kind, a bundled template's own kind, else by the data."""
    if kind:
        return kind
    if kind_or_template in KNOWN_KINDS:
        return kind_or_template
    stem = Path(kind_or_template).stem
    for k in KNOWN_KINDS:
        if stem == k or stem.startswith(k + "-"):
            return k
    return "bao-cao" if has_results else "ke-hoach"


def render_document(workbook: str | os.PathLike, kind: str, out: str | os.PathLike, *,
                    settings_toml: str | os.PathLike | None = None, template: str | os.PathLike | None = None,
                    agency: str | None = None, sheet: str | None = None, pdf: bool = False,
                    context_as: str | None = None, timeout: float | None = None,
                    renderer: Renderer | None = None, group: str | None = None, period: str | None = None) -> Rendered:
    """Read the workbook and its settings sheet, build the context and render `out` atomically.

    `kind` is a bundled kind or a template path; `template` overrides the file of a
    bundled kind. With `pdf`, the PDF is written beside `out` with the same name.
    """
    from kh_excel.api import read_workbook
    from kh_excel.core.attainment import evaluate
    from kh_excel.docs.context import build_context
    from kh_excel.docs.settings import load_settings

    from kh_excel.docs.settings import table_choice

    template_path = resolve_template(template or kind)
    settings = load_settings(workbook, settings_toml)
    chosen_group, chosen_period = table_choice(settings, str(kind))  # «Nhóm cột», «Kỳ» of the settings sheet
    table = read_workbook(workbook, sheet=sheet, group=group or chosen_group, period=period or chosen_period)
    attainment = evaluate(table)
    ctx_kind = context_kind(str(kind), table.has_results, context_as)
    if ctx_kind == "bao-cao" and not table.has_results:
        # a report of a plan-only table would list every indicator as «chưa có số liệu»: refuse
        from kh_excel.docs.context import ContextError
        raise ContextError(f"trang «{table.sheet}» không có cột kết quả thực hiện nên không lập được báo cáo kết quả; "
                           "thêm cột «Thực hiện năm …» vào bảng, hoặc tạo kế hoạch (ke-hoach), chương trình "
                           "hành động (chuong-trinh) hay công văn giao chỉ tiêu (giao-chi-tieu)")
    context = build_context(attainment, settings, ctx_kind, agency=agency)
    r = renderer or default_renderer()
    docx = r.render_to_file(template_path, context, out)
    result = Rendered(docx)
    if pdf:
        from kh_excel.docs.pdf import convert
        result.pdf = convert(docx, Path(docx).with_suffix(".pdf"), timeout=timeout)
    return result
