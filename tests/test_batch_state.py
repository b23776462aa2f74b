"""The machinery of a batch: the output folder (index, journal, lock, cleanup of what an
interrupted run left), input expansion, and the worker pool (template loaded once per process,
each workbook read once, a dying worker failing only its item)."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kh_excel.batch.inputs import expand_inputs
from kh_excel.batch.state import BatchError, Entry, OutputFolder
from kh_excel.io.atomic import atomic_path


def test_index_and_journal_round_trip(tmp_path):
    folder = OutputFolder(tmp_path / "out")
    with folder:
        a = Entry(output="Sở Tài chính.docx", source="/x/a.xlsx", agency="Sở Tài chính", indicators=3,
                  status="done", key="k1", sha256="s1")
        b = Entry(output="", source="/x/hong.xlsx", status="failed", reason="tệp hỏng")
        folder.journal(a)
        folder.journal(b)
        # A second OutputFolder (a later run) sees both, from the journal alone.
    with OutputFolder(tmp_path / "out") as again:
        seen = again.load()
        assert seen["Sở Tài chính.docx"].key == "k1"
        assert seen["!/x/hong.xlsx"].reason == "tệp hỏng"
        again.save(seen.values(), {"kind": "giao-chi-tieu"})
    assert not (tmp_path / "out/.kh-batch/journal.jsonl").exists()
    data = json.loads((tmp_path / "out/index.json").read_text(encoding="utf-8"))
    assert data["counts"] == {"done": 1, "skipped": 0, "failed": 1}
    rows = list(csv.reader((tmp_path / "out/index.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:5] == ["Tệp văn bản", "Tệp nguồn", "Cơ quan chủ trì", "Số chỉ tiêu", "Trạng thái"]
    assert rows[1][:5] == ["Sở Tài chính.docx", "/x/a.xlsx", "Sở Tài chính", "3", "đã tạo"]
    assert rows[2][4:6] == ["lỗi", "tệp hỏng"]


def test_journal_line_cut_by_a_crash_is_ignored(tmp_path):
    folder = OutputFolder(tmp_path)
    with folder:
        folder.journal(Entry(output="a.docx", source="s", status="done", key="k"))
    with open(tmp_path / ".kh-batch/journal.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"output": "b.docx", "sour')
    with OutputFolder(tmp_path) as f2:
        assert list(f2.load()) == ["a.docx"]


def test_lock_refuses_a_second_run(tmp_path):
    with OutputFolder(tmp_path):
        # Another process (a second `kh-excel batch` on the same folder) is refused.
        code = textwrap.dedent(f"""
            from kh_excel.batch.state import OutputFolder, BatchError
            try:
                OutputFolder({str(tmp_path)!r}).open()
            except BatchError as e:
                print("REFUSED", e)
        """)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
        assert out.startswith("REFUSED") and "đang được một lượt tạo văn bản khác" in out
    OutputFolder(tmp_path).open()  # released


def test_cleanup_removes_temporaries_and_only_them(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "Sở Tài chính.docx").write_bytes(b"doc")
    (out / "ghi chú.part.txt").write_bytes(b"user file, not hidden")
    # What an interrupted atomic write leaves: create it the way atomic_path does, then "crash".
    with pytest.raises(KeyboardInterrupt):
        with atomic_path(out / "Sở Y tế.docx") as tmp:
            tmp.write_bytes(b"half")
            import shutil
            shutil.copy(tmp, out / (tmp.name.replace(".part", ".x.part")))  # a copy survives the rollback
            raise KeyboardInterrupt
    stray = [p for p in out.iterdir() if p.name.startswith(".") and ".part" in p.name]
    assert stray, "the simulated leftover must exist before cleanup"
    scratch_parent = out / ".kh-batch"
    with OutputFolder(out) as f:
        assert not [p for p in out.iterdir() if p.name.startswith(".") and ".part" in p.name]
        s = f.scratch()
        (s / "a.pdf").write_bytes(b"%PDF")
    with OutputFolder(out):
        assert not [p for p in scratch_parent.iterdir() if p.name.startswith("tmp")]
    assert {p.name for p in out.iterdir()} == {".kh-batch", "ghi chú.part.txt", "Sở Tài chính.docx"}


def test_expand_inputs(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    for name in ("b.xlsx", "a.xls", "c.ods", "~$b.xlsx", ".an.xlsx", "note.txt", "sub/d.xlsm"):
        (d / name).write_bytes(b"x")
    files, problems = expand_inputs([str(d)])
    assert [f.name for f in files] == ["a.xls", "b.xlsx", "c.ods"]
    files, _ = expand_inputs([str(d)], recursive=True)
    assert [f.name for f in files] == ["a.xls", "b.xlsx", "c.ods", "d.xlsm"]
    files, problems = expand_inputs([str(d / "*.xls*"), str(d / "b.xlsx"), str(d / "none.xlsx"), str(d / "*.zzz")])
    assert [f.name for f in files] == ["a.xls", "b.xlsx"]  # each once
    assert [p.argument for p in problems] == [str(d / "none.xlsx"), str(d / "*.zzz")]
    assert problems[0].reason == "không tìm thấy tệp."


def _maybe_crash(n: int) -> int:
    if n == 7:
        os._exit(3)  # a worker process dying, as a native crash or the OOM killer would do it
    return n * n


def test_a_dying_worker_fails_only_its_item():
    from kh_excel.batch.plan import WorkerConfig
    from kh_excel.batch.runner import _Executor

    ex = _Executor(2, WorkerConfig(kind="giao-chi-tieu", template=None, settings_toml=None, sheet=None))
    ex.start()
    assert ex._pool is not None  # a pool of processes, never this one
    got: dict[int, object] = {}
    try:
        ex.map(_maybe_crash, [(i,) for i in range(12)], lambda p, r: got.__setitem__(p[0], r),
               lambda p: "CRASH")
    finally:
        ex.shutdown()
    assert got == {i: ("CRASH" if i == 7 else i * i) for i in range(12)}


def _worker_state(_n: int) -> tuple[int, int, int]:
    from kh_excel.batch import worker
    renderer, _path = worker._renderer
    return os.getpid(), id(renderer), len(renderer._cache)


def test_each_worker_loads_the_template_once(monkeypatch):
    from kh_excel.batch import worker
    from kh_excel.batch.plan import WorkerConfig
    from kh_excel.batch.runner import _Executor

    # the workers fork from this process: what an earlier test of the same process loaded would be inherited
    monkeypatch.setattr(worker, "_config", None)
    monkeypatch.setattr(worker, "_renderer", None)
    ex = _Executor(2, WorkerConfig(kind="giao-chi-tieu", template=None, settings_toml=None, sheet=None))
    ex.start()
    seen: list[tuple[int, int, int]] = []
    try:
        ex.map(_worker_state, [(i,) for i in range(40)], lambda p, r: seen.append(r), lambda p: None)
    finally:
        ex.shutdown()
    by_pid: dict[int, set[int]] = {}
    counts: dict[int, set[int]] = {}
    for pid, renderer, cached in seen:
        by_pid.setdefault(pid, set()).add(renderer)
        counts.setdefault(pid, set()).add(cached)
    assert 1 <= len(by_pid) <= 2 and os.getpid() not in by_pid
    assert all(len(r) == 1 for r in by_pid.values())  # one renderer in each process, however many calls
    # and its compiled templates never grow with the calls: loaded once (how many the disk cache brought in with
    # it depends on what earlier tests of this session compiled, not on the calls)
    assert all(len(c) == 1 and 1 <= min(c) <= 2 for c in counts.values()), counts


def test_each_workbook_is_read_once(tmp_path, monkeypatch):
    """Per agency over three workbooks with two worker processes: every workbook opened once,
    though each gives 13 documents rendered in both processes."""
    import shutil

    import kh_excel.io.workbook as wb
    from kh_excel.batch.progress import Progress
    from kh_excel.batch.runner import BatchOptions, run

    log = tmp_path / "opened.log"
    real = wb.open_workbook

    def counting(path):  # the real reader, with a note of each call (workers inherit it by fork)
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{Path(path).name}\n")
        return real(path)

    monkeypatch.setattr(wb, "open_workbook", counting)
    books = []
    for i in range(3):
        p = tmp_path / f"b{i}.xlsx"
        shutil.copy(Path(__file__).resolve().parents[1] / "examples" / "chi_tieu_2026_lao_cai.xlsx", p)
        books.append(str(p))
    result = run(BatchOptions(inputs=books, output=tmp_path / "out", per="agency", jobs=2), Progress(quiet=True))
    assert result.exit_code == 0 and sum(e.status == "done" for e in result.entries) == 39
    assert sorted(log.read_text(encoding="utf-8").split()) == ["b0.xlsx", "b1.xlsx", "b2.xlsx"]
