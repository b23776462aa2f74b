"""scripts/setup.sh, the README's first command: strict shell, the venv's own kh-excel, loud stops.
(The full run, three times in a row, is what .ci/run and the report show; it takes minutes.)"""
from __future__ import annotations

import os
import re
import subprocess

from helpers import ROOT

SCRIPT = ROOT / "scripts" / "setup.sh"


def _code_lines() -> list[str]:
    return [ln for ln in SCRIPT.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def test_strict_shell_without_the_pipe_trap():
    text = SCRIPT.read_text(encoding="utf-8")
    assert "set -euo pipefail" in text
    # `cmd | grep -q` under pipefail fails whenever grep closes the pipe early: the report was skipped
    assert not re.search(r"\|\s*grep\s+-q", text)
    assert subprocess.run(["bash", "-n", str(SCRIPT)]).returncode == 0


def test_only_the_venvs_own_kh_excel_and_python_are_run():
    for ln in _code_lines():
        words = ln.strip()
        if words.startswith("echo") or words.startswith("step ") or words.startswith('"$KH"'):
            continue
        assert not re.match(r"(kh-excel|python3?|pip3?)\b", words), ln  # never whatever is first on PATH
    text = SCRIPT.read_text(encoding="utf-8")
    assert 'KH="$VENV/bin/kh-excel"' in text and '"$VENV/bin/python" -m pip install' in text
    assert "--break-system-packages" not in text and "--user" not in text


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=600, env={**os.environ, **env})


def test_an_unknown_argument_stops_with_a_vietnamese_message():
    proc = _run("--bogus")
    assert proc.returncode == 2 and "không hiểu tham số «--bogus»" in proc.stderr


def test_a_failing_step_stops_loudly_naming_the_step():
    proc = _run("--install-only", PYTHON="/khong-co/python3")
    assert proc.returncode != 0
    assert "LỖI ở bước «tìm Python (/khong-co/python3)»" in proc.stderr, proc.stdout + proc.stderr
    assert "Xong" not in proc.stdout
