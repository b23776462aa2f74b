"""The `kh-excel` command line: one typer app, each command group registered by its module."""
from __future__ import annotations

import importlib
import sys

import typer

app = typer.Typer(
    name="kh-excel",
    help="Kiểm tra số liệu, tính tỷ lệ đạt và tạo văn bản từ phụ lục chỉ tiêu kinh tế - xã hội.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

# Each module exposes `register(app)`. The list is explicit so that a missing
# command group is visible here, not hidden behind a plugin mechanism.
COMMAND_MODULES = (
    "kh_excel.cli_core",    # check, attainment
    "kh_excel.docs.cli",    # render, lint, settings
    "kh_excel.addin.cli",   # addin build, addin install
    "kh_excel.batch.cli",   # batch
    "kh_excel.collect.cli", # forms, collect
)


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):  # that group is not built yet; a missing dependency still fails
                continue
            raise
        module.register(app)


_register_all()


def main() -> None:
    """Console entry point."""
    if hasattr(sys.stdout, "reconfigure"):
        # a file name that is not UTF-8 (unzipped from Windows) is shown as \xe1, never a crash
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
        sys.stderr.reconfigure(encoding="utf-8", errors="backslashreplace")
    from kh_excel.cli_vi import localise
    localise(typer.main.get_command(app))()
