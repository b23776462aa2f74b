"""The document engine (kh_excel.docs) and the core as the batch uses them.

Nothing is rendered, read or converted here by code of its own: this module only says which
function of the engine does each step, so that the rest of the batch does not depend on
where they live.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

def version() -> str:
    from kh_excel import __version__
    return __version__


def preload() -> None:
    """Import what a worker needs before the workers fork (or, spawned, in their initializer),
    so that no document waits for an import."""
    import docxtpl  # noqa: F401
    import python_calamine  # noqa: F401

    import kh_excel.api  # noqa: F401
    import kh_excel.core.attainment  # noqa: F401
    import kh_excel.docs.context  # noqa: F401
    import kh_excel.docs.settings  # noqa: F401
    from kh_excel.core.table import agency_registry
    agency_registry()  # built before the fork: every worker reads agency cells with it, none builds its own


# ---------------------------------------------------------------- templates
def template_path(kind: str, template: str | None) -> Path:
    from kh_excel.docs.render import resolve_template
    return resolve_template(template or kind)


def check_template(kind: str, template: str | None) -> None:
    """Compile the template now: a broken one stops the run before any output, with its reason."""
    from kh_excel.batch.state import BatchError
    from kh_excel.docs import kinds
    from kh_excel.docs.render import TemplateProblem
    if template is None and not kinds.find(kind):
        raise BatchError(f"không có loại văn bản «{kind}»; chọn một trong: {kinds.choices()}, "
                         "hoặc chỉ ra tệp mẫu bằng --template.")
    try:
        _renderer().compile(template_path(kind, template))
    except TemplateProblem as exc:
        raise BatchError(str(exc)) from None


def template_fingerprint(kind: str, template: str | None) -> str:
    """Hash of the template and of every shared part it includes: an edit to either redoes outputs."""
    compiled = _renderer().compile(template_path(kind, template))
    h = hashlib.sha256()
    files = [compiled.path] + sorted(Path(f) for f in compiled.undeclared if ":" not in Path(f).name
                                     and Path(f).suffix == ".docx" and Path(f) != compiled.path)
    for f in files:
        h.update(str(f.name).encode("utf-8"))
        h.update(f.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _renderer():
    """One compiled-template cache per process (the pool initializer fills it once), over the
    user's cache on disk (kh_excel.docs.template_cache): a run compiles nothing it compiled before."""
    from kh_excel.docs.render import Renderer
    from kh_excel.docs.template_cache import DiskCache
    return Renderer(disk_cache=DiskCache())


def load_renderer(kind: str, template: str | None):
    path = template_path(kind, template)
    r = _renderer()
    r.compile(path)
    return (r, path)


def render_bytes(renderer, context: dict[str, Any]) -> bytes:
    r, path = renderer
    return r.render_bytes(path, context)


def write(out: Path, data: bytes) -> None:
    """Write a document atomically (kh_excel.io.atomic: hidden temporary beside it, fsync, rename)."""
    from kh_excel.io.atomic import write_bytes_atomic
    write_bytes_atomic(out, data)


# ---------------------------------------------------------------- workbooks and settings
def read_source(source: str, sheet: str | None, kind: str = "bao-cao", allow_errors: bool = False,
                group: str | None = None, period: str | None = None) -> tuple[Any, Any]:
    """read_checked's attainment and settings."""
    checked, settings = read_checked(source, sheet, kind, allow_errors, group, period)
    return checked.attainment, settings


def read_checked(source: str, sheet: str | None, kind: str = "bao-cao", allow_errors: bool = False,
                 group: str | None = None, period: str | None = None) -> tuple[Any, Any]:
    """Open a workbook once: its indicator table through the gate (core.gate, as `render` does:
    Refused for a table with errors or a report without results: the Checked, its attainment and findings)
    and its settings sheet; the column group and period are the ones given, else those the settings sheet
    names («Nhóm cột», «Kỳ»)."""
    from kh_excel.core.gate import gate
    from kh_excel.docs.kinds import is_report
    table, settings = read_table(source, sheet, kind, group, period)
    return gate(table, report=is_report(kind), allow_errors=allow_errors), settings


def check_reading(source: str, sheet: str | None, group: str | None = None, period: str | None = None):
    """check's own reading of the workbook (read_table for a report), read once when first asked: the cells of errors
    a plan document never states are named as check names them (core.gate.figure_warnings)."""
    from kh_excel.core.gate import read_once
    return read_once(lambda: read_table(source, sheet, "bao-cao", group, period)[0])


def read_table(source: str, sheet: str | None, kind: str = "bao-cao", group: str | None = None,
               period: str | None = None) -> tuple[Any, Any]:
    """The workbook's indicator table as a document of `kind` reads it, and its settings sheet (read_checked)."""
    from kh_excel.api import read_workbook
    from kh_excel.docs.settings import Settings, find_settings_sheet, settings_from_rows
    from kh_excel.io.workbook import open_workbook

    book = open_workbook(source)
    names = book.sheet_names
    settings_sheet = find_settings_sheet(names)
    settings = Settings()
    if settings_sheet is not None:
        settings = settings_from_rows(book.grid(settings_sheet).rows,
                                      source=f"{Path(source).name} › {settings_sheet}")
    if sheet is not None:
        wanted = [sheet] if sheet in names else names  # read_workbook says the sheet is missing
    else:
        # The reader's order: the active sheet, other visible sheets, a hidden one (an old year) last.
        wanted = book.reading_order([n for n in names if n != settings_sheet] or names)
    from kh_excel.docs.settings import table_choice
    chosen_group, chosen_period = table_choice(settings)
    from kh_excel.docs.api import plan_reading
    table = read_workbook([book.grid(n) for n in wanted], sheet=sheet, file=source,
                          group=group or chosen_group, period=period or chosen_period, plan=plan_reading(kind))
    return table, settings


def warning_of(checked, source: str, kind: str, agency: str | None = None, by_agency: dict | None = None,
               reading=None) -> str:
    """What `render` would warn of the table and of the figures a document of `kind` (for `agency`) states, "" for none;
    `by_agency`: group_by_agency's rows, when the caller has them; `reading`: check's own reading (check_reading)."""
    from kh_excel.core.gate import TABLE_WARNINGS, figure_warnings
    from kh_excel.docs.context import agency_rows
    from kh_excel.docs.kinds import is_report
    rows = agency_rows(list(checked.attainment.assessments), agency, by_agency) if agency else None
    return "\n".join([*(f.message for f in checked.findings if f.code in TABLE_WARNINGS),
                      *figure_warnings(checked, source, report=is_report(kind), rows=rows, check_reading=reading)])


def override_settings(toml_path: str | None, inline: dict | None):
    """Settings over the workbook's own: the --settings file, then a manifest's [document] table."""
    from kh_excel.docs.settings import load_toml, settings_from_mapping
    s = load_toml(toml_path) if toml_path else None
    if inline:
        extra = settings_from_mapping(inline, source="[document]")
        s = extra if s is None else s.merged(extra)
    return s


def merge_settings(workbook_settings, toml):
    if toml is None:
        return workbook_settings
    return workbook_settings.merged(toml)


def group_by_agency(attainment) -> dict[str, list]:
    """A workbook's rows grouped by lead agency, once for all of its letters."""
    from kh_excel.docs.context import group_by_agency as group
    return group(list(attainment.assessments))


def context(attainment, settings, kind: str, agency: str | None, by_agency: dict | None = None) -> dict[str, Any]:
    from kh_excel.docs.context import build_context
    return build_context(attainment, settings, kind, agency=agency, by_agency=by_agency)


def indicator_count(ctx: dict[str, Any]) -> int | None:
    """How many numbered indicators the document assigns, as the document itself says."""
    try:
        return int(ctx["gc"]["so_chi_tieu"])
    except (KeyError, TypeError, ValueError):
        return None
