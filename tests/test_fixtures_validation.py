"""Validation (SPEC §5) on fixture workbooks: every finding at its cell, with its severity; nothing invented."""
from __future__ import annotations

import copy
import json
import subprocess
import unicodedata

import pytest

import fixture_books as fb

import kh_excel  # a missing package fails the run, never skips it

FINDING_BOOKS = ["plain", "word_paste", "seed_shape", "text_quality", "errors"]
CLEAN_BOOKS = ["plain", "operators", "direction_column", "two_row_header", "reordered", "header_variants",
               "previous_year", "plan_only", "word_paste", "seed_shape", "text_quality", "errors"]


@pytest.fixture(scope="session")
def books(tmp_path_factory):
    return fb.build_all(tmp_path_factory.mktemp("vbooks"))


@pytest.fixture(scope="session")
def checked(books):
    """name -> (table, findings): validation's findings and the reader's."""
    out = {}
    for name, (path, _) in books.items():
        if name == "tcvn3_header":
            continue
        table = kh_excel.read_workbook(path)
        out[name] = (table, fb.all_findings(table, kh_excel.validate(table)))
    return out


def _show(findings) -> str:
    return "\n".join(f"  {f.cell:>6} {f.severity:<7} {f.code}: {f.message}" for f in findings)


@pytest.mark.parametrize("name", FINDING_BOOKS)
def test_expected_findings_at_their_cells(books, checked, name):
    _, facts = books[name]
    _, findings = checked[name]
    problems = fb.missing_findings(findings, facts["findings"])
    assert not problems, f"{name}:\n" + "\n".join(problems) + "\nall findings:\n" + _show(findings)


@pytest.mark.parametrize("name", CLEAN_BOOKS)
def test_no_error_where_the_data_is_right(books, checked, name):
    _, facts = books[name]
    _, findings = checked[name]
    rows = set(facts.get("no_error_rows", []))
    wrong = [f for f in findings if f.severity == "error" and f.row in rows]
    assert not wrong, f"{name}: errors on correct rows:\n" + _show(wrong)


@pytest.mark.parametrize("name", ["plain", "word_paste"])
def test_no_invented_findings(books, checked, name):
    _, facts = books[name]
    _, findings = checked[name]
    wrong = [f for f in findings for cat in facts.get("no_findings", []) if fb.category_matches(f.code, cat)]
    assert not wrong, f"{name}:\n" + _show(wrong)


def test_clean_tables_have_no_errors(checked):
    for name in ("plain", "two_row_header", "reordered", "header_variants", "previous_year", "plan_only",
                 "operators", "directions", "direction_column", "unaccented_header"):
        _, findings = checked[name]
        errors = [f for f in findings if f.severity == "error"]
        assert not errors, f"{name}:\n" + _show(errors)


def test_findings_are_complete_and_vietnamese(checked):
    for name, (table, findings) in checked.items():
        for f in findings:
            assert f.severity in ("error", "warning")
            assert f.sheet == table.sheet
            assert f.message and f.message == unicodedata.normalize("NFC", f.message)
            assert fb.VIETNAMESE_LETTERS.search(f.message), f.message
            assert f.code == f.code.lower() and " " not in f.code
            if f.cell:
                assert fb.cell_row(f.cell) == f.row, (f.code, f.cell, f.row)


def test_findings_name_their_indicator(books, checked):
    _, facts = books["errors"]
    _, findings = checked["errors"]
    cell = next(c for c, v in facts["excel_errors"].items() if v == "#VALUE!")  # E of GRDP growth
    ref = [f for f in findings if f.cell == cell]
    assert ref and all("Tốc độ tăng trưởng kinh tế" in f.indicator for f in ref)


def test_excel_error_values_named_in_message(books, checked):
    _, facts = books["errors"]
    _, findings = checked["errors"]
    for cell, code in facts["excel_errors"].items():
        msgs = [f.message for f in findings if f.cell == cell and fb.category_matches(f.code, "excel_error")]
        assert msgs and any(code in m for m in msgs), (cell, code, msgs)


def test_qualitative_indicator_without_target_is_only_a_warning(books, checked):
    _, facts = books["errors"]
    _, findings = checked["errors"]
    row = facts["qualitative_row"]
    on_row = [f for f in findings if f.row == row]
    assert not [f for f in on_row if f.severity == "error"], _show(on_row)


def test_sub_rows_inherit_lead(books, checked):
    _, facts = books["errors"]
    _, findings = checked["errors"]
    wrong = [f for f in findings for cell, cat in facts["no_finding_cells"].items()
             if f.cell == cell and fb.category_matches(f.code, cat)]
    assert not wrong, _show(wrong)
    _, plain_findings = checked["plain"]
    assert not [f for f in plain_findings if fb.category_matches(f.code, "missing_lead")]


def test_mistaken_rows_are_still_read(books, checked):
    """A row with a mistake is reported, never dropped."""
    _, facts = books["errors"]
    table, _ = checked["errors"]
    rows = {i.row for i in table.indicators}
    assert set(facts["rows_present"]) <= rows, sorted(set(facts["rows_present"]) - rows)


def test_structure_finding_once_per_structure(books, checked):
    _, facts = books["errors"]
    _, findings = checked["errors"]
    top, bottom = facts["structure"]
    hits = [f for f in findings if fb.category_matches(f.code, "structure_sum")]
    assert hits and all(top <= f.row <= bottom for f in hits), _show(hits)
    assert any("102" in f.message for f in hits), _show(hits)  # says what the parts add up to


def test_structure_targets_that_sum_are_not_reported(books, checked):
    _, facts = books["errors"]
    _, findings = checked["errors"]
    hits = [f for f in findings if fb.category_matches(f.code, "structure_sum") and f.cell.startswith("D")]
    assert not hits, _show(hits)


def test_same_words_written_two_ways_are_one_agency_for_grouping(books, checked):
    """hoá/hóa are the same word: the summary counts one agency, and validation reports the two spellings."""
    table, findings = checked["text_quality"]
    summary = kh_excel.evaluate(table).summary
    keys = [k for k in summary.by_agency if "Thể thao và Du lịch" in k]
    assert len(keys) == 1, list(summary.by_agency)


def test_validation_never_changes_the_table(books):
    for name in ("errors", "text_quality", "word_paste"):
        path, _ = books[name]
        table = kh_excel.read_workbook(path)
        before = copy.deepcopy(table)
        kh_excel.validate(table)
        assert table == before, name


# ---------------------------------------------------------------- through the command line

def _run(*args, timeout=60):
    return subprocess.run(fb.cli_command(*args), capture_output=True, text=True, timeout=timeout)


def test_cli_check_json_on_errors(books):
    path, facts = books["errors"]
    proc = _run("check", str(path), "--json")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) >= {"file", "sheet", "columns", "findings", "counts"}
    assert data["sheet"] == facts["sheet"]
    for f in data["findings"]:
        assert set(f) >= {"code", "severity", "sheet", "cell", "row", "indicator", "message"}
    assert data["counts"]["error"] == sum(f["severity"] == "error" for f in data["findings"]) > 0
    assert data["counts"]["warning"] == sum(f["severity"] == "warning" for f in data["findings"])

    class F:  # the JSON findings as objects for the shared matcher
        def __init__(self, d):
            self.__dict__.update(d)

    problems = fb.missing_findings([F(f) for f in data["findings"]], facts["findings"])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ["plain", "plan_only"])
def test_cli_check_exit_zero_without_errors(books, name):
    path, facts = books[name]
    proc = _run("check", str(path), "--json")
    assert proc.returncode == facts["exit_check"] == 0, proc.stdout[-2000:] + proc.stderr
    data = json.loads(proc.stdout)
    assert data["counts"]["error"] == 0


def test_cli_check_readable_output(books):
    path, _ = books["errors"]
    proc = _run("check", str(path))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert fb.VIETNAMESE_LETTERS.search(proc.stdout)
    _, facts = books["errors"]
    assert any(cell in proc.stdout for cell in facts["excel_errors"]), proc.stdout[-3000:]
