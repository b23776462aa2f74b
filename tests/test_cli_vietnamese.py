"""Every text of the command line in Vietnamese, Click's and Typer's own included; one style of option
names (old spellings still accepted, not shown); an agency named without accents or in other case."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from helpers import EXAMPLE, docx_paragraphs, run_cli

# Click's and Typer's own English texts (as typer 0.28's bundled Click and rich help write them).
ENGLISH = [
    r"Usage:", r"\bOptions\b", r"\bArguments\b", r"\bCommands\b", r"Missing (option|argument|parameter|command)",
    r"No such (command|option)", r"Did you mean", r"Possible options", r"\[required\]", r"\[default:",
    r"Show this message and exit", r"unexpected extra argument", r"Invalid value", r"\bError\b", r"Try '",
    r"for help", r"is not a valid", r"is not in the range", r"does not take a value", r"requires an? ",
    r"Aborted", r"\[OPTIONS\]", r"COMMAND \[ARGS\]", r"<(str|path|float|int|int range|float range|text)>",
    r"\b(TEXT|INTEGER|FLOAT|PATH|BOOLEAN)\b", r"\bvalues? (is|are) required",
]
_ENGLISH = re.compile("|".join(f"(?:{p})" for p in ENGLISH))

# One child process runs main() once per command line (a process each would take ~30 s here).
DRIVER = r"""
import contextlib, io, json, sys
from kh_excel.cli import app, main
import typer

def walk(cmd, path):
    yield path, cmd
    for name, sub in sorted(getattr(cmd, "commands", {}).items()):
        yield from walk(sub, path + [name])

calls = []
tree = list(walk(typer.main.get_command(app), []))
for path, cmd in tree:
    calls.append(path + ["--help"])
    calls.append(path + ["--khong-co-tuy-chon"])
    if not getattr(cmd, "commands", None):
        if any(p.required for p in cmd.params):
            calls.append(path)                               # a required argument or option missing
        calls.append(path + ["a.xlsx", "b", "c", "d", "e"])  # too many arguments
        for p in cmd.params:
            if type(p.type).__name__ in ("IntParamType", "FloatParamType", "IntRange", "FloatRange"):
                calls.append(path + [p.opts[-1], "abc"])
                calls.append(path + [p.opts[-1], "0"])
            if p.param_type_name != "option":
                continue
            if p.is_flag and not p.secondary_opts and p.opts[-1] != "--help":
                calls.append(path + [p.opts[-1] + "=1"])
            elif not p.is_flag:
                calls.append(path + [p.opts[-1]])          # an option without its value
    else:
        calls.append(path + ["khong-co-lenh"])
calls.append(["chek", "x.xlsx"])
calls.append(["check", "-bang.xlsx"])
results = []
for argv in calls:
    sys.argv = ["kh-excel", *argv]
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main()
        except SystemExit as exc:
            code = exc.code
    results.append({"argv": argv, "code": code, "out": out.getvalue(), "err": err.getvalue()})
arguments = sorted({p.name for _, c in tree for p in c.params if p.param_type_name == "argument"})
print(json.dumps({"results": results, "arguments": arguments}, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def calls(tmp_path_factory):
    proc = subprocess.run([sys.executable, "-c", DRIVER], capture_output=True, text=True, encoding="utf-8",
                          cwd=tmp_path_factory.mktemp("cli"), timeout=300,
                          env={**os.environ, "COLUMNS": "100", "PYTHONIOENCODING": "utf-8"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def test_every_help_and_wrong_call_is_in_vietnamese(calls):
    results = calls["results"]
    assert len(results) > 60
    helps = [r for r in results if r["argv"][-1:] == ["--help"]]
    assert {tuple(r["argv"][:-1]) for r in helps} >= {(), ("check",), ("attainment",), ("render",), ("lint",),
                                                       ("settings",), ("batch",), ("addin",), ("addin", "build"),
                                                       ("addin", "install")}
    for r in results:
        text = r["out"] + r["err"]
        assert text.strip(), r["argv"]
        found = _ENGLISH.search(text)
        assert found is None, f"{r['argv']}: «{found.group(0)}» in\n{text}"
    for r in helps:
        assert r["code"] == 0 and "Cách dùng:" in r["out"] and "Hiện hướng dẫn này rồi thoát." in r["out"], r
    for r in results:
        if r["argv"][-1:] != ["--help"]:
            assert r["code"] == 2, r  # a wrong call: exit 2, the reason in Vietnamese on stderr


def test_the_wrong_call_messages_say_what_is_wrong(calls):
    by = {" ".join(r["argv"]): r["err"] for r in calls["results"]}
    assert "Không có lệnh 'chek'. Có phải ý bạn là 'check'?" in by["chek x.xlsx"]
    assert "Thiếu đối số 'bảng_tính'." in by["check"]
    assert "Thiếu tùy chọn '-o' / '--output'." in by["render"] or "Thiếu đối số" in by["render"]
    assert "Không có tùy chọn --khong-co-tuy-chon." in by["check --khong-co-tuy-chon"]
    assert "'abc' không phải số hợp lệ." in by["attainment --tolerance abc"]
    assert "0 nằm ngoài khoảng cho phép (x>=1)." in by["batch --jobs 0"]
    assert "Thừa đối số:" in by["check a.xlsx b c d e"]
    assert "Xem hướng dẫn: kh-excel check --help" in by["check --khong-co-tuy-chon"]
    assert "«-- -bang.xlsx»" in by["check -bang.xlsx"] and "«./-bang.xlsx»" in by["check -bang.xlsx"]


def test_every_argument_has_a_vietnamese_name(calls):
    from kh_excel.cli_vi import ARGUMENTS
    assert set(calls["arguments"]) <= set(ARGUMENTS), "add the new argument's word to cli_vi.ARGUMENTS"


def test_agency_matches_without_accents_or_case_and_an_unknown_one_lists_the_known(tmp_path):
    out = tmp_path / "gc.docx"
    proc = run_cli("render", "giao-chi-tieu", EXAMPLE, "-o", out, "--agency", "SO TAI CHINH")
    assert proc.returncode == 0, proc.stderr
    assert "Kính gửi: Sở Tài chính" in docx_paragraphs(out)
    proc = run_cli("render", "giao-chi-tieu", EXAMPLE, "-o", tmp_path / "x.docx", "--agency", "Sở Ngoại vụ")
    assert proc.returncode == 2 and not (tmp_path / "x.docx").exists()
    assert "không có chỉ tiêu nào do «Sở Ngoại vụ» chủ trì" in proc.stderr
    for known in ("«Sở Tài chính»", "«Sở Xây dựng»", "«Thống kê tỉnh»", "«Sở Văn hóa, Thể thao và Du lịch»"):
        assert known in proc.stderr
    assert "Traceback" not in proc.stderr


def test_old_option_spellings_still_work_and_are_not_shown(tmp_path):
    out = tmp_path / "gc.docx"
    proc = run_cli("render", "giao-chi-tieu", EXAMPLE, "-o", out, "--co-quan", "sở xây dựng")
    assert proc.returncode == 0, proc.stderr
    assert "Kính gửi: Sở Xây dựng" in docx_paragraphs(out)
    helps = run_cli("render", "--help").stdout + run_cli("settings", "--help").stdout
    assert "--agency" in helps and "--context-kind" in helps and "--replace" in helps
    assert "--co-quan" not in helps and "--loai" not in helps and "--ghi-de" not in helps


def test_plain_display_without_rich_is_vietnamese_too():
    for args in (["chek"], ["attainment", "x.xlsx", "--tolerance", "abc"], ["check", "--help"], ["render"]):
        proc = run_cli(*args, env={"TYPER_USE_RICH": "0"})
        text = proc.stdout + proc.stderr
        assert text.strip() and _ENGLISH.search(text) is None, f"{args}: {text}"
        assert proc.returncode == (0 if args[-1] == "--help" else 2)
    assert "Lỗi: Không có lệnh 'chek'." in run_cli("chek", env={"TYPER_USE_RICH": "0"}).stderr
