"""One call from a workbook to a finished document: what `kh-excel render` does, importable."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from kh_excel.docs import kinds
from kh_excel.docs.render import Renderer, default_renderer, resolve_template


@dataclass
class Rendered:
    docx: Path
    pdf: Path | None = None
    warnings: list[str] = field(default_factory=list)  # Vietnamese; the settings rows ignored or read as formulas


def context_kind(kind_or_template: str, has_results: bool, kind: str | None = None) -> str:
    """The context a template gets: the named kind, a bundled template's own kind, else by the data."""
    if kind:
        return kind
    if kinds.find(kind_or_template):
        return kind_or_template
    stem = Path(kind_or_template).stem
    # the longest id first: a kind «bao-cao-quy» is not «bao-cao»
    for k in sorted(kinds.ids(), key=len, reverse=True):
        if stem == k or stem.startswith(k + "-"):
            return k
    return kinds.DEFAULT if has_results else kinds.DEFAULT_PLAN


def plan_reading(kind_or_template: str, context_as: str | None = None) -> bool:
    """Is the table read for a plan document (a kind that is not a report: Kế hoạch, Chương trình, Giao chỉ tiêu),
    whose plan is the latest year the table plans? A template of no kind is read as a report is."""
    return not kinds.is_report(context_kind(kind_or_template, True, context_as))


def render_document(workbook: str | os.PathLike, kind: str, out: str | os.PathLike, *,
                    settings_toml: str | os.PathLike | None = None, template: str | os.PathLike | None = None,
                    agency: str | None = None, sheet: str | None = None, pdf: bool = False,
                    context_as: str | None = None, timeout: float | None = None,
                    renderer: Renderer | None = None, allow_errors: bool = False,
                    group: str | None = None, period: str | None = None) -> Rendered:
    """Read the workbook and its settings sheet, build the context and render `out` atomically.

    `kind` is a bundled kind or a template path; `template` overrides the file of a
    bundled kind. With `pdf`, the PDF is written beside `out` with the same name. The table
    goes through the gate (core.gate): a table with errors raises Refused unless `allow_errors`.
    """
    from kh_excel.api import read_workbook
    from kh_excel.core.gate import gate, read_once
    from kh_excel.docs.context import build_context
    from kh_excel.docs.settings import load_settings, table_choice
    from kh_excel.io.atomic import check_output

    template_path = resolve_template(template or kind)
    inputs = [workbook, template_path, settings_toml]
    check_output(out, inputs)  # before any work: never onto an input, a folder or a device
    if pdf:
        check_output(Path(out).with_suffix(".pdf"), inputs)
    settings = load_settings(workbook, settings_toml)
    chosen_group, chosen_period = table_choice(settings, str(kind))  # «Nhóm cột», «Kỳ» of the settings sheet
    table = read_workbook(workbook, sheet=sheet, group=group or chosen_group, period=period or chosen_period,
                          plan=plan_reading(str(kind), context_as))
    ctx_kind = context_kind(str(kind), table.has_results, context_as)
    checked = gate(table, report=kinds.is_report(ctx_kind), allow_errors=allow_errors)
    if kinds.needs_agency(ctx_kind) or agency:
        agency = match_agency(checked.attainment, agency)
    context = build_context(checked.attainment, settings, ctx_kind, agency=agency)
    r = renderer or default_renderer()
    docx = r.render_to_file(template_path, context, out)
    # check's own reading, for the cells of errors a plan document never states
    check_reading = read_once(lambda: read_workbook(workbook, sheet=table.sheet, group=group or chosen_group,
                                                    period=period or chosen_period))
    result = Rendered(docx, warnings=document_warnings(checked, settings, context, str(workbook), ctx_kind, agency,
                                                       check_reading))
    if pdf:
        from kh_excel.docs.pdf import convert
        result.pdf = convert(docx, Path(docx).with_suffix(".pdf"), timeout=timeout)
    return result


def document_warnings(checked, settings, context: dict, file: str, kind: str, agency: str | None,
                      check_reading=None) -> list[str]:
    """What the maker of one document is told beside it (render, the add-in): the settings' warnings, the
    context's (a level that no longer exists), and the figures it states as read where check warned
    (`check_reading`: check's own reading of the workbook, core.gate.figure_warnings)."""
    from kh_excel.core.gate import TABLE_WARNINGS, figure_warnings
    from kh_excel.docs.context import agency_rows
    rows = agency_rows(checked.attainment.assessments, agency) if agency else None  # the document's own rows
    return [*settings.warnings, *context.get("canh_bao", []),
            *(f.message for f in checked.findings if f.code in TABLE_WARNINGS),
            *figure_warnings(checked, file, report=kinds.is_report(kind), rows=rows, check_reading=check_reading)]


def match_agency(attainment, agency: str | None) -> str:
    """The workbook's lead agency the user meant, as the table names it: any spelling the registry knows («Sở TC»,
    «Thuế tỉnh» for the table's «Cục Thuế tỉnh»), or the name without accents or in other case («so tai chinh»);
    otherwise a ContextError listing them. The letter names its addressee as the table does (rev20 R20-5)."""
    from kh_excel.core.table import agency_registry
    from kh_excel.docs.context import ContextError, matching_agency

    registry = agency_registry()
    leads = list(dict.fromkeys(x for a in attainment.assessments for x in a.indicator.lead))
    given = (agency or "").strip()
    if given:
        same = next((x for x in leads if registry.same(x, given)), None)
        if same is not None:
            return same
        found = matching_agency(given, leads)  # one folding for --agency and the settings' task heads
        if found:
            return found
    known = "; ".join(f"«{x}»" for x in leads) or "(bảng không ghi cơ quan chủ trì nào)"
    if not given:
        raise ContextError(f"văn bản giao chỉ tiêu cần tên cơ quan chủ trì (tùy chọn --agency); "
                           f"các cơ quan chủ trì trong bảng: {known}")
    raise ContextError(f"không có chỉ tiêu nào do «{given}» chủ trì; các cơ quan chủ trì trong bảng: {known}")
