"""gate.failed_cells (which lists the table's rows only for a structure that does not add up) gives exactly
what the code before it gave, and so do the faults and the blanked copy check() makes from it: the code
before is kept below, copied unchanged (only renamed ref_*), and compared on random findings (hypothesis:
every error code, cells in every column, rows in and out of the table, structure ranges) and on the
findings of every sample and real workbook and of a 10,000-row table."""
from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.gate import (FAULT_TEXT, NUMBER_FAILURES, NUMBER_ROLES, OTHER_ERRORS, ROW_ROLES, _blanked, check,
                                failed_cells)
from kh_excel.core.model import Finding, Table, Target
from kh_excel.core.validation import validate

DATA = Path(__file__).parent / "data"
BOOKS = sorted(p for d in ("samples", "real") for p in (DATA / d).glob("*.xlsx"))

# --------------------------------------------------------------------------- the code before, unchanged

_RANGE = re.compile(r"^([A-Z]+)(\d+):([A-Z]+)(\d+)$")


def ref_failed_cells(table: Table, findings: list[Finding]) -> dict[int, dict[str, list[Finding]]]:
    from kh_excel.core.validation import col_index

    role_of = {c: role for role, c in table.columns.items() if role in NUMBER_ROLES + ROW_ROLES}
    order = [ind.row for ind in table.indicators]
    rows = set(order)
    out: dict[int, dict[str, list[Finding]]] = {}
    for f in findings:
        if f.severity != "error" or f.code not in NUMBER_FAILURES or not f.cell:
            continue
        role = role_of.get(col_index(f.cell))
        if role is None:
            continue
        hit = [f.row] if f.row is not None else []
        m = _RANGE.match(str(f.params.get("cells", "")))
        if f.code == "structure_sum" and m:
            parts = [r for r in range(int(m.group(2)), int(m.group(4)) + 1) if r in rows]
            i = order.index(parts[0]) if parts else 0
            hit = ([order[i - 1]] if i > 0 else []) + parts  # the structure's own row states the same total
        for r in hit:
            out.setdefault(r, {}).setdefault(role, []).append(f)
    return out


def ref_blanked(table: Table, cells: dict[int, dict[str, list[Finding]]]) -> Table:
    inds = []
    for ind in table.indicators:
        roles = cells.get(ind.row)
        if not roles:
            inds.append(ind)
            continue
        changes: dict = {}
        if "target" in roles:
            changes["target"] = Target(text=FAULT_TEXT, op="text")
        if "result" in roles:
            changes.update(result=None, result_text=FAULT_TEXT)
        if "previous" in roles:
            changes["previous"] = None
        inds.append(replace(ind, **changes))
    return replace(table, indicators=inds)


def ref_faults(cells: dict[int, dict[str, list[Finding]]]) -> dict[int, str]:
    return {row: "; ".join(dict.fromkeys(f.message for fs in roles.values() for f in fs)) for row, roles in cells.items()}


# --------------------------------------------------------------------------- comparing

def _cells(cells: dict) -> list:
    """Every row, role and finding in order; the findings by identity (the same objects, not equal ones)."""
    return [(r, [(role, [id(f) for f in fs]) for role, fs in roles.items()]) for r, roles in cells.items()]


def assert_same_gate(table: Table, findings: list[Finding]) -> None:
    old = ref_failed_cells(table, findings)
    new = failed_cells(table, findings)
    assert _cells(new) == _cells(old)
    assert _blanked(table, new) == ref_blanked(table, old)
    checked = check(table, findings=findings)
    assert checked.faults == ref_faults(old)
    assert list(checked.faults) == list(ref_faults(old))
    assert checked.failed_cells == {r: set(roles) for r, roles in old.items()}
    assert checked.attainment.table == (ref_blanked(table, old) if old else table)


@pytest.fixture(scope="module")
def small() -> Table:
    return read_workbook(DATA / "samples" / "chi_tieu_2026_co_loi.xlsx")


CODES = sorted(NUMBER_FAILURES | OTHER_ERRORS) + ["result_far_off"]
LETTERS = [chr(c) for c in range(ord("A"), ord("M"))] + ["AA"]


@st.composite
def findings(draw, table: Table) -> list[Finding]:
    rows = [ind.row for ind in table.indicators]
    out = []
    for _ in range(draw(st.integers(0, 12))):
        code = draw(st.sampled_from(CODES))
        row = draw(st.one_of(st.none(), st.sampled_from(rows), st.integers(1, max(rows) + 5)))
        cell = draw(st.one_of(st.just(""), st.builds(lambda c, r: f"{c}{r}", st.sampled_from(LETTERS),
                                                     st.integers(1, max(rows) + 5))))
        params = {}
        if draw(st.booleans()):
            a = draw(st.integers(1, max(rows) + 5))
            params["cells"] = draw(st.sampled_from([f"F{a}:F{a + draw(st.integers(0, 6))}", f"F{a}", "", "x"]))
        out.append(Finding(code, draw(st.sampled_from(["error", "error", "warning"])), table.sheet, cell, row, "",
                           draw(st.sampled_from(["Ô sai", "Tổng không khớp", "Không phải số"])), params))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_failed_cells_equal_the_code_before_on_random_findings(small, data):
    assert_same_gate(small, data.draw(findings(small)))


def test_books_found():
    assert len(BOOKS) == 6


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.name)
def test_every_workbook_gates_as_before(path):
    table = read_workbook(path)
    assert_same_gate(table, validate(table))


def test_a_big_table_gates_as_before(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from make_big import build
    table = read_workbook(build(tmp_path / "big.xlsx", 10_000))
    found = validate(table)
    assert_same_gate(table, found)
    # errors on every seventh row and a structure that does not add up, as a broken sheet has them
    col = {role: chr(ord("A") + c) for role, c in table.columns.items()}
    inds = table.indicators
    extra = [Finding("not_a_number", "error", table.sheet, f"{col['result']}{ind.row}", ind.row, ind.name, "Không phải số")
             for ind in inds[::7]]
    extra.append(Finding("structure_sum", "error", table.sheet, f"{col['result']}{inds[41].row}", inds[41].row, "",
                         "Tổng không khớp", {"cells": f"{col['result']}{inds[42].row}:{col['result']}{inds[45].row}"}))
    assert_same_gate(table, found + extra)


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.name)
def test_check_with_validations_structures_is_check_with_its_own(path):
    """check without findings hands evaluate the structures validate found; given findings, evaluate finds them."""
    a, b = check(read_workbook(path)), check(read_workbook(path), findings=validate(read_workbook(path)))
    assert (a.findings, a.faults, a.failed_cells) == (b.findings, b.faults, b.failed_cells)
    assert [repr(x) for x in a.attainment.assessments] == [repr(x) for x in b.attainment.assessments]
    assert repr(a.attainment.summary) == repr(b.attainment.summary)
    assert a.attainment.summary.sentence == b.attainment.summary.sentence
