"""kh_excel: the socio-economic indicator table, checked, judged and written up.

Public API (what the add-in, the documents and the batch generator call):

- `read_workbook(path_or_grid, sheet=None) -> Table`: read the indicator sheet.
- `validate(table) -> list[Finding]`: every finding of SPEC §5.
- `evaluate(table) -> Attainment`: status and ratio per row, and the summary.
- `check(table) -> Checked`: validate and evaluate at once, rows whose figures failed a check as
  «Số liệu lỗi» (`so_lieu_loi`): what `attainment`, `render`, `batch` and the add-in use (core.gate).
- `ribbon_action(tag)`: what the Excel ribbon calls.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["read_workbook", "validate", "evaluate", "check", "ribbon_action", "__version__"]


def __getattr__(name: str):
    # Lazy imports keep `import kh_excel` cheap for the Excel add-in's RunPython call.
    if name == "read_workbook":
        from kh_excel.api import read_workbook
        return read_workbook
    if name == "validate":
        from kh_excel.core.validation import validate
        return validate
    if name == "evaluate":
        from kh_excel.core.attainment import evaluate
        return evaluate
    if name == "check":
        from kh_excel.core.gate import check
        return check
    raise AttributeError(name)


def ribbon_action(tag: str) -> None:
    """Entry point of the Excel ribbon: run the action `tag` on the calling workbook."""
    from kh_excel.addin import run_from_excel
    run_from_excel(tag)
