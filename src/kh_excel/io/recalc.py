"""Compute formulas that were saved without a value, by LibreOffice headless recalculation.

A workbook written by a script (openpyxl, pandas) or saved under manual calculation holds
formulas with no cached value; a reader sees an empty cell. LibreOffice computes every such
formula when it opens the file, so converting a private copy to .xlsx gives the values.
It was chosen by measurement over the PyPI formula engines (`formulas`, `pycel`): see
benchmarks/bench_recalc.py and the README.

The input is never touched: LibreOffice works on a copy in a temporary folder, with its own
throw-away profile, under a time limit after which its whole process group is killed
(the same discipline as docs/pdf.py).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_TIMEOUT = 120.0

# The private profile opens an untrusted file safely: no macros, no update of links to other files.
_SAFE_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>1</value></prop></item>
</oor:items>
"""


def recalc_timeout() -> float:
    """Seconds LibreOffice may take: $KH_EXCEL_RECALC_TIMEOUT, else 120."""
    try:
        return float(os.environ.get("KH_EXCEL_RECALC_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


@dataclass
class Recalculated:
    """Values of every sheet of the recalculated copy, or why there are none.

    `sheets` maps a sheet name to (rows as calamine reads them, error cells (r, c) -> code).
    `failure` is a Vietnamese reason when LibreOffice could not compute the workbook.
    """

    sheets: dict[str, tuple[list[list[Any]], dict[tuple[int, int], str]]] = field(default_factory=dict)
    failure: str = ""


def recalculate(path: Path, timeout: float | None = None) -> Recalculated:
    """Recalculate a copy of the OOXML workbook at `path` with LibreOffice and read its values."""
    from kh_excel.docs.pdf import PdfError, find_soffice, running_soffice

    exe = find_soffice()
    if not exe:
        return Recalculated(failure="không tìm thấy LibreOffice để tính các công thức")
    limit = recalc_timeout() if timeout is None else timeout
    with tempfile.TemporaryDirectory(prefix="kh-excel-recalc-") as work:
        work_dir = Path(work)
        src = work_dir / ("input" + path.suffix.lower())
        shutil.copyfile(path, src)
        outdir = work_dir / "out"
        outdir.mkdir()
        profile = work_dir / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_SAFE_PROFILE, encoding="utf-8")
        try:
            with running_soffice(exe, profile, "xlsx:Calc MS Excel 2007 XML", outdir, [src]) as proc:
                try:
                    proc.wait(timeout=limit)
                except subprocess.TimeoutExpired:  # leaving the block kills it
                    return Recalculated(failure=f"LibreOffice không tính xong sau {limit:g} giây")
        except PdfError:  # it could not start
            return Recalculated(failure="không chạy được LibreOffice để tính các công thức")
        out = outdir / "input.xlsx"
        if not out.is_file() or out.stat().st_size == 0:
            return Recalculated(failure="LibreOffice không tính được các công thức của tệp")
        return _read_values(out)


def _read_values(path: Path) -> Recalculated:
    """The values LibreOffice wrote, bounded like any input before calamine reads them: one array formula
    of a small file (`<f t="array" ref="A1:Z300000">`) comes back as millions of written cells."""
    from python_calamine import CalamineWorkbook

    from kh_excel.io.limits import InputRefused, check_zip
    from kh_excel.io.workbook import _ooxml_scan
    try:
        check_zip(path, scan_sheets=True)  # not guard_spreadsheet: this temporary copy is no input to protect
    except InputRefused as exc:
        return Recalculated(failure=f"bản LibreOffice tính lại vượt giới hạn an toàn: {exc.reason.rstrip('.')}")
    try:
        book = CalamineWorkbook.from_path(str(path))
        result = Recalculated()
        for name in book.sheet_names:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            errors = _ooxml_scan(path, name, want_formats=False)[0]
            result.sheets[name] = ([list(r) for r in rows], errors)
        return result
    except Exception as exc:  # the copy LibreOffice wrote is unreadable: the cells stay uncomputed
        from kh_excel.io.limits import why
        return Recalculated(failure=f"không đọc được bản tính lại ({why(exc)})")
