"""Batch under hostile input: a worker process that dies prints no Python traceback; the item is
reported failed with a Vietnamese reason and the other items go on."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from helpers import ROOT, sample

SCRIPT = textwrap.dedent("""
    import sys
    from kh_excel.batch.plan import WorkerConfig
    from kh_excel.batch.runner import CRASH_REASON, _Executor

    def explode():
        raise RuntimeError("payload that cannot be unpickled in the worker")

    class Hostile:
        # Unpickling runs in the worker, outside any task: the worker process dies with a traceback.
        def __reduce__(self):
            return (explode, ())

    class Failed:
        reason = ""

    results = {}
    ex = _Executor(2, WorkerConfig(kind="bao-cao", template=None, settings_toml=None, sheet=None))
    ex.start()
    payloads = [("abc",), (Hostile(),), ("defgh",)]
    ex.map(len, payloads, on_result=lambda p, r: results.__setitem__(repr(p[0])[:8], r),
           on_crash=lambda p: CRASH_REASON)
    ex.shutdown()
    print(sorted((k, v) for k, v in results.items() if isinstance(v, int)))
    print([v for v in results.values() if isinstance(v, str)])
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork start method")
def test_a_dying_worker_prints_no_traceback():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, encoding="utf-8",
                          timeout=300, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "ForkProcess" not in proc.stderr, proc.stderr
    assert "Exception in initializer" not in proc.stderr
    assert "[(\"'abc'\", 3), (\"'defgh'\", 5)]" in proc.stdout
    assert "tiến trình xử lý dừng đột ngột" in proc.stdout


def test_batch_with_hostile_inputs_fails_those_items_only(tmp_path):
    from hostile_files import bad_crc, cell_beyond, digest, run_limited
    good = tmp_path / "tot.xlsx"
    good.write_bytes(sample("chi_tieu_2026_lao_cai.xlsx").read_bytes())
    crc = bad_crc(tmp_path / "sai-crc.xlsx")
    far = cell_beyond(tmp_path / "o-xa.xlsx")
    before = {p: digest(p) for p in (good, crc, far)}
    out = tmp_path / "kq"
    rc, stdout, stderr, elapsed, peak = run_limited("batch", str(good), str(crc), str(far), "-o", str(out),
                                                    "--kind", "bao-cao", "--jobs", "2")
    print(f"batch: {elapsed:.1f} s, peak {peak:.0f} MiB")
    assert rc == 1, stderr
    assert "Traceback" not in stderr + stdout
    assert "CRC" in stdout + stderr and "XFD1048576" in stdout + stderr
    assert [p.name for p in out.glob("*.docx")] == ["tot.docx"] or len(list(out.glob("*.docx"))) == 1
    assert {p: digest(p) for p in before} == before
