"""Files that cannot be read: exit status 2, a Vietnamese message naming the file and the reason, no traceback,
under 5 s, within 2 GiB of address space."""
from __future__ import annotations

import resource
import subprocess
import time

import pytest

import fixture_books as fb

import kh_excel  # a missing package fails the run, never skips it

AS_LIMIT = 2 * 1024**3
TIME_LIMIT = 30.0  # generous: a refusal takes about a second; this catches one that is not bounded at all, not a loaded machine
BAD = ["text", "png", "empty_file", "empty_workbook", "no_header", "encrypted", "truncated", "zip_bomb",
       "zip_bomb_lying"]


@pytest.fixture(scope="session")
def bad(tmp_path_factory):
    return fb.build_bad_inputs(tmp_path_factory.mktemp("bad"))


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))


def _run_limited(*args: str):
    start = time.perf_counter()
    proc = subprocess.Popen(fb.cli_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_limit_memory)
    try:
        out, err = proc.communicate(timeout=TIME_LIMIT + 5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail(f"{args}: still running after {TIME_LIMIT + 5} s")
    return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), \
        time.perf_counter() - start


@pytest.mark.parametrize("command", ["check", "attainment"])
@pytest.mark.parametrize("case", BAD)
def test_bad_input_exit_2(bad, case, command):
    path, keywords = bad[case]
    rc, out, err, elapsed = _run_limited(command, str(path))
    assert "Traceback" not in err and "Traceback" not in out, err[-2000:]
    assert rc == 2, f"{case}: exit {rc}\nstdout: {out[-1000:]}\nstderr: {err[-1000:]}"
    assert elapsed < TIME_LIMIT, f"{case}: {elapsed:.2f} s"
    assert path.name in err, f"{case}: the message does not name the file: {err!r}"
    assert fb.VIETNAMESE_LETTERS.search(err), err
    if keywords:  # the reason, not the file name, must say it
        reason = fb.fold(err.replace(str(path), "").replace(path.name, ""))
        assert any(k in reason for k in keywords), f"{case}: no reason among {keywords}: {err!r}"


@pytest.mark.parametrize("case", ["zip_bomb", "zip_bomb_lying", "encrypted", "truncated"])
def test_bad_input_exit_2_with_json(bad, case):
    path, _ = bad[case]
    rc, out, err, elapsed = _run_limited("check", str(path), "--json")
    assert rc == 2 and "Traceback" not in err and path.name in err and elapsed < TIME_LIMIT, (rc, err)


def test_missing_file_exit_2(tmp_path):
    path = tmp_path / "khong_ton_tai.xlsx"
    rc, out, err, elapsed = _run_limited("check", str(path))
    assert rc == 2 and "Traceback" not in err and path.name in err


@pytest.mark.parametrize("case", [c for c in BAD if c != "no_header"])
def test_api_raises_a_readable_error(bad, case):
    """The Python API refuses the same files with an exception whose text is the Vietnamese message."""
    path, _ = bad[case]
    with pytest.raises(Exception) as info:
        kh_excel.read_workbook(path)
    msg = str(info.value)
    assert path.name in msg and fb.VIETNAMESE_LETTERS.search(msg), msg


def test_api_no_header(bad):
    """No recognisable header: refused, or read into a table whose findings say the header was not recognised."""
    path, _ = bad["no_header"]
    try:
        table = kh_excel.read_workbook(path)
    except Exception as exc:
        assert path.name in str(exc) and fb.VIETNAMESE_LETTERS.search(str(exc)), str(exc)
        return
    findings = fb.all_findings(table, kh_excel.validate(table))
    assert any(fb.category_matches(f.code, "header_unrecognised") and f.severity == "error" for f in findings)
    assert not table.indicators


def test_no_header_names_missing_columns(bad):
    path, _ = bad["no_header"]
    rc, out, err, _ = _run_limited("check", str(path))
    assert rc == 2
    folded = fb.fold(err.replace(str(path), ""))
    assert "chi tieu" in folded and "ke hoach" in folded, err  # says which columns it could not find


def test_a_stray_value_far_from_the_table_is_named_with_how_to_fix_it(tmp_path):
    """rev9 #11: «x» typed in H1048576 (Ctrl+↓ and a key) under a 49-cell table: the refusal named the cell but not
    what to do. It says the table has few cells, that the cell is likely a slip, and to delete it."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện năm 2026"])
    ws.append([1, "Thu ngân sách", "Tỷ đồng", 100, 101])
    ws["H1048576"] = "x"
    path = tmp_path / "far.xlsx"
    wb.save(path)
    from kh_excel.io.limits import InputRefused
    with pytest.raises(InputRefused) as refused:
        kh_excel.read_workbook(path)
    message = str(refused.value)
    assert "trang «Chỉ tiêu»" in message and "H1048576" in message
    assert "Bảng chỉ có 11 ô dữ liệu" in message and "hãy xóa nội dung ô H1048576" in message
