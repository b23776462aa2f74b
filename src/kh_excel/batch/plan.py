"""What a run makes: the tasks sent to worker processes and what they send back.

Everything here crosses a process boundary, so it is plain picklable data.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kh_excel.core import text as vtext
from kh_excel.core.model import Table


@dataclass(frozen=True)
class WorkerConfig:
    """What every worker process loads once, in its initializer."""

    kind: str                    # document kind (giao-chi-tieu, bao-cao, …)
    template: str | None         # a template path, or None for the bundled template of `kind`
    settings_toml: str | None    # --settings FILE.toml
    sheet: str | None            # indicator sheet, None = the first that holds a table
    settings_inline: dict | None = None  # the manifest's [document] table, over the TOML file
    allow_errors: bool = False   # write a table that has errors (core.gate), its failed figures «số liệu lỗi»
    group: str | None = None     # --group: the column group figures are read from (else «Nhóm cột» of the settings)
    period: str | None = None    # --period (else «Kỳ» of the settings)


@dataclass
class ScanResult:
    """One workbook read once: its table's attainment, its settings sheet and its lead agencies."""

    source: str
    ok: bool
    reason: str = ""
    blob: bytes = b""            # pickled (Attainment, Settings of the workbook's sheet)
    digest: str = ""             # hash of the blob: workers unpickle each blob once
    agencies: list[tuple[str, int]] = field(default_factory=list)  # (agency, numbered indicators)
    indicators: int = 0          # numbered indicators of the whole table
    warnings: dict[str, str] = field(default_factory=dict)  # agency -> figures its letter states as read, if any


@dataclass
class RenderTask:
    """One document to write."""

    source: str
    output: str                  # absolute path of the .docx
    agency: str | None = None
    blob: bytes = b""            # from the scan; empty = read the workbook here (one document per workbook)
    digest: str = ""


@dataclass
class RenderResult:
    output: str
    ok: bool
    reason: str = ""
    sha256: str = ""
    size: int = 0
    seconds: float = 0.0
    indicators: int = 0
    scan: ScanResult | None = None  # when the worker read the workbook itself
    warning: str = ""               # the workbook's figure warnings, when the worker read it itself


def indicator_key(ind) -> int:
    """Sub-rows count with their numbered indicator."""
    return ind.parent_row if ind.kind == "subrow" and ind.parent_row is not None else ind.row


def lead_agencies(table: Table, assigned_only: bool = False) -> list[tuple[str, int]]:
    """Distinct lead agencies of a table, in order of first appearance, with the number of
    numbered indicators each leads (an agency that leads only a sub-row counts that indicator).

    Spellings of one agency ("Sở Văn hoá" / "Sở Văn hóa", "Sở VHTTDL") are one agency, keyed
    by the agency registry and shown as first written. `assigned_only` (a plan document): rows noted as not
    assigned this year («Không giao chỉ tiêu năm nay»: core.attainment.row_not_assigned) and their parts lead
    nothing, so that an agency leading only such rows gets no letter, as in the add-in.
    """
    from kh_excel.core.table import agency_registry
    key = agency_registry().key  # (the registry the table was read with, built once)
    shown: dict[str, str] = {}
    rows: dict[str, set[int]] = {}
    skipped: set[int] = set()
    if assigned_only:
        from kh_excel.core.attainment import row_not_assigned
        skipped = {ind.row for ind in table.indicators if row_not_assigned(ind, table.year)}
    for ind in table.indicators:
        if skipped and indicator_key(ind) in skipped:
            continue
        for agency in ind.lead:
            k = key(agency)
            if not k:
                continue
            shown.setdefault(k, vtext.clean(agency))
            rows.setdefault(k, set()).add(indicator_key(ind))
    return [(shown[k], len(rows[k])) for k in shown]


def numbered_indicators(table: Table) -> int:
    return len({indicator_key(i) for i in table.indicators})
