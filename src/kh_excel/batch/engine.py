"""The document engine (kh_excel.docs) and the core as the batch uses them.

Nothing is rendered, read or converted here by code of its own: this module only says which
function of the engine does each step, so that the rest of the batch does not depend on
where they live.
"""
from __future__ import annotations

import hashlib
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

# What `--kind` accepts (the bundled templates).
KINDS = ("giao-chi-tieu", "bao-cao", "ke-hoach", "chuong-trinh")


def version() -> str:
    from kh_excel import __version__
    return __version__


def is_user_error(exc: BaseException) -> bool:
    """Errors whose str() is already the Vietnamese message a user should read."""
    from kh_excel.docs.render import TemplateProblem
    from kh_excel.docs.settings import SettingsError
    from kh_excel.io.workbook import WorkbookError
    return isinstance(exc, (TemplateProblem, SettingsError, WorkbookError))


def import_openpyxl() -> None:
    """Import openpyxl (it reads the number formats of the indicator sheet) without numpy.

    openpyxl imports numpy — a quarter of a second, in every process — only to accept numpy
    scalars as cell values when *writing*; the batch only reads. numpy is hidden during the
    import (unless something loaded it already) and visible again right after.
    """
    if "openpyxl" in sys.modules:
        return
    if "numpy" in sys.modules:
        import openpyxl  # noqa: F401
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` now fails fast
    try:
        import openpyxl  # noqa: F401
    finally:
        if sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]


def preload() -> None:
    """Import what every worker needs, once, before the pool forks: the workers then start
    with it (and share its memory) instead of each importing it again."""
    import docxtpl  # noqa: F401
    import python_calamine  # noqa: F401

    import_openpyxl()

    import kh_excel.api  # noqa: F401
    import kh_excel.core.attainment  # noqa: F401
    import kh_excel.docs.context  # noqa: F401
    import kh_excel.docs.settings  # noqa: F401
    from kh_excel.core.agencies import AgencyRegistry
    AgencyRegistry.default()


# ---------------------------------------------------------------- templates
def template_path(kind: str, template: str | None) -> Path:
    from kh_excel.docs.render import resolve_template
    return resolve_template(template or kind)


def check_template(kind: str, template: str | None) -> None:
    """Compile the template now: a broken one stops the run before any output, with its reason."""
    from kh_excel.batch.state import BatchError
    from kh_excel.docs.render import TemplateProblem
    if template is None and kind not in KINDS:
        raise BatchError(f"không có loại văn bản «{kind}»; chọn một trong: {', '.join(KINDS)}, "
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
    """One compiled-template cache per process (the pool initializer fills it once)."""
    from kh_excel.docs.render import Renderer
    return Renderer()


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
    from kh_excel.batch.state import share
    from kh_excel.io.atomic import write_bytes_atomic
    write_bytes_atomic(out, data)
    share(out)


# ---------------------------------------------------------------- workbooks and settings
def read_source(source: str, sheet: str | None) -> tuple[Any, Any]:
    """Open a workbook once: its indicator table (evaluated) and its settings sheet."""
    from kh_excel.api import read_workbook
    from kh_excel.core.attainment import evaluate
    from kh_excel.docs.settings import Settings, find_settings_sheet, settings_from_rows
    from kh_excel.io.workbook import open_workbook

    import_openpyxl()
    book = open_workbook(source)
    names = book.sheet_names
    settings_sheet = find_settings_sheet(names)
    settings = Settings()
    if settings_sheet is not None:
        settings = settings_from_rows(book.grid(settings_sheet).rows,
                                      source=f"{Path(source).name} › {settings_sheet}")
    if sheet is not None and sheet not in names:
        read_workbook([book.grid(n) for n in names], sheet=sheet, file=source)  # raises, naming the sheets
    wanted = [sheet] if sheet else ([n for n in names if n != settings_sheet] or names)
    if len(wanted) == 1:  # the usual case: one sheet to read, read once with its number formats
        table = read_workbook(book.grid(wanted[0], with_formats=True), sheet=sheet, file=source)
    else:
        table = read_workbook([book.grid(n) for n in wanted if n in names], sheet=sheet, file=source)
        # Number formats (93,00 shown with two decimals) of the table's sheet only: a second,
        # slower reader (openpyxl) that is worth running for one sheet, not for every sheet.
        formatted = book.grid(table.sheet, with_formats=True)
        if formatted.number_formats:
            table = read_workbook(formatted, file=source)
    return evaluate(table), settings


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


def context(attainment, settings, kind: str, agency: str | None) -> dict[str, Any]:
    from kh_excel.docs.context import build_context
    return build_context(attainment, settings, kind, agency=agency)


def indicator_count(ctx: dict[str, Any]) -> int | None:
    """How many numbered indicators the document assigns, as the document itself says."""
    try:
        return int(ctx["gc"]["so_chi_tieu"])
    except (KeyError, TypeError, ValueError):
        return None
