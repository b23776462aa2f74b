"""What a run leaves in its output folder besides the documents: the index, and a hidden state
folder (`.kh-batch/`) with the lock, the journal and scratch space.

- index.json (for scripts) and index.csv (for people: opens in Excel with its Vietnamese intact)
  list each output with its source, agency, indicator count, status and reason.
- An output is up to date when the index records, for its name, the same *key* (a hash of the
  source workbook's bytes, the template, the settings and the options that shape it) and the
  file on disk still has the content hash recorded when it was written. Times are not trusted:
  copying a folder changes them, and a workbook saved twice in one second does not.
- The journal is appended (one JSON line per finished item) as the run goes, so that a run that
  is killed — even with SIGKILL — has recorded everything it finished; the next run folds the
  journal into the index.
- The lock keeps two runs from writing one folder at the same time; under it, a run removes what
  an interrupted run left: temporary files (hidden, `.….part.…`, never an output name) and
  scratch folders.
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import re
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable

from kh_excel.errors import UserError
from kh_excel.io.atomic import write_atomic

STATE_DIR = ".kh-batch"
INDEX_JSON = "index.json"
INDEX_CSV = "index.csv"
JOURNAL = "journal.jsonl"
LOCK = "lock"
INDEX_VERSION = 1
# Temporary files of kh_excel.io.atomic: ".<stem>.<random>.part<suffix>".
_ATOMIC_TEMP = re.compile(r"^\..*\.part(\.[A-Za-z0-9]+)?$")

STATUS_LABELS = {"done": "đã tạo", "skipped": "bỏ qua (đã cập nhật)", "failed": "lỗi"}


class BatchError(UserError):
    """A problem that stops the whole run (not one item); str() is Vietnamese."""


def sha256_file(path: str | os.PathLike, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while True:
            block = fh.read(chunk)
            if not block:
                break
            h.update(block)
    return h.hexdigest()


def sha256_text(*parts: str) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass
class Entry:
    """One planned output (or one input that gave no output) and what became of it."""

    output: str                  # file name in the output folder; "" when the input failed before naming
    source: str                  # absolute path of the workbook
    agency: str = ""             # lead agency (per-agency documents)
    sheet: str = ""
    kind: str = ""
    indicators: int = 0          # numbered indicators in the document
    status: str = "failed"       # done | skipped | failed (this run)
    reason: str = ""             # Vietnamese, for failures
    key: str = ""                # inputs hash of the last good output
    sha256: str = ""             # content hash of the last good output
    size: int = 0
    pdf: str = ""                # PDF file name when one was made
    pdf_key: str = ""
    pdf_sha256: str = ""
    pdf_status: str = ""         # done | skipped | failed | "" (no PDF asked)
    pdf_reason: str = ""
    seconds: float = 0.0         # render time of the last good output
    finished: str = ""           # ISO time of the last change
    warning: str = ""            # the figures it states as read, with their cells (core.gate.figure_warnings)

    @property
    def ident(self) -> str:
        return self.output or f"!{self.source}"

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["status_label"] = STATUS_LABELS.get(self.status, self.status)
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Entry":
        names = cls.__dataclass_fields__.keys()
        return cls(**{k: v for k, v in d.items() if k in names})


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


class OutputFolder:
    """The output folder of a run: lock, cleanup, index and journal."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self.state = self.root / STATE_DIR
        self._lock_fh: io.BufferedRandom | None = None
        self._journal_fd: int | None = None

    # ------------------------------------------------------------ lock and cleanup
    def open(self) -> None:
        """Create the folder, take the lock, remove what an interrupted run left."""
        try:
            self.state.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from kh_excel.io.atomic import os_reason
            raise BatchError(f"không tạo được thư mục kết quả «{self.root}» ({os_reason(exc)}).") from None
        if not self.root.is_dir():
            raise BatchError(f"«{self.root}» không phải là thư mục.")
        fh = open(self.state / LOCK, "a+b")
        if not _try_lock(fh):
            fh.close()
            raise BatchError(f"thư mục «{self.root}» đang được một lượt tạo văn bản khác ghi vào; "
                             "hãy chờ lượt đó xong hoặc chọn thư mục khác.")
        self._lock_fh = fh
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode())
        fh.flush()
        self.cleanup()

    def close(self) -> None:
        if self._journal_fd is not None:
            os.close(self._journal_fd)
            self._journal_fd = None
        if self._lock_fh is not None:
            _unlock(self._lock_fh)
            self._lock_fh.close()
            self._lock_fh = None

    def __enter__(self) -> "OutputFolder":
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cleanup(self) -> list[Path]:
        """Remove temporary files and scratch folders of earlier, interrupted runs (lock held)."""
        removed = []
        for p in list(self.root.iterdir()):
            if p.is_file() and _ATOMIC_TEMP.match(p.name):
                with contextlib.suppress(OSError):
                    p.unlink()
                    removed.append(p)
        for p in list(self.state.iterdir()):
            if p.is_dir() and p.name.startswith("tmp"):
                shutil.rmtree(p, ignore_errors=True)
                removed.append(p)
            elif p.is_file() and _ATOMIC_TEMP.match(p.name):
                with contextlib.suppress(OSError):
                    p.unlink()
                    removed.append(p)
        return removed

    def scratch(self) -> Path:
        """A private scratch folder on the same file system (so that a rename is atomic)."""
        d = self.state / f"tmp-{os.getpid()}-{time.monotonic_ns()}"
        d.mkdir(parents=True)
        return d

    # ------------------------------------------------------------ index and journal
    def load(self) -> dict[str, Entry]:
        """The last known state: index.json, then every journal line written after it."""
        entries: dict[str, Entry] = {}
        path = self.root / INDEX_JSON
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                for d in data.get("items", []):
                    e = Entry.from_json(d)
                    entries[e.ident] = e
            except (ValueError, TypeError, AttributeError):
                entries = {}  # an index edited by hand into nonsense: start afresh
        jpath = self.state / JOURNAL
        if jpath.exists():
            for line in jpath.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    e = Entry.from_json(json.loads(line))
                except (ValueError, TypeError):
                    continue  # a line cut short by a crash
                entries[e.ident] = e
        return entries

    def journal(self, entry: Entry) -> None:
        """Record one finished item at once; survives SIGKILL of this process right after."""
        if self._journal_fd is None:
            self._journal_fd = os.open(self.state / JOURNAL, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        line = _json_text(entry.to_json()) + "\n"
        os.write(self._journal_fd, line.encode("utf-8"))

    def save(self, entries: Iterable[Entry], meta: dict[str, Any]) -> None:
        """Write index.json and index.csv atomically, then drop the journal they now contain."""
        items = list(entries)
        data = {"version": INDEX_VERSION, **meta, "updated": now_iso(),
                "counts": {s: sum(1 for e in items if e.status == s) for s in ("done", "skipped", "failed")},
                "items": [e.to_json() for e in items]}
        text = _json_text(data, indent=2) + "\n"
        write_atomic(self.root / INDEX_JSON, lambda p: p.write_text(text, encoding="utf-8"))
        write_atomic(self.root / INDEX_CSV, lambda p: p.write_text(index_csv(items), encoding="utf-8-sig", errors="replace", newline=""))
        if self._journal_fd is not None:
            os.close(self._journal_fd)
            self._journal_fd = None
        with contextlib.suppress(FileNotFoundError):
            (self.state / JOURNAL).unlink()


CSV_HEADER = ["Tệp văn bản", "Tệp nguồn", "Cơ quan chủ trì", "Số chỉ tiêu", "Trạng thái", "Lý do", "PDF", "Cảnh báo"]


def index_csv(entries: Iterable[Entry]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    for e in entries:
        pdf = e.pdf if e.pdf_status in ("done", "skipped") else (f"lỗi: {e.pdf_reason}" if e.pdf_status == "failed" else "")
        w.writerow([e.output, e.source, e.agency, e.indicators if e.output else "",
                    STATUS_LABELS.get(e.status, e.status), e.reason, pdf, e.warning])
    return buf.getvalue()


# ---------------------------------------------------------------- portable file lock
def _try_lock(fh) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt
        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(fh) -> None:
    try:
        import fcntl
    except ImportError:
        import msvcrt
        with contextlib.suppress(OSError):
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _json_text(data: Any, indent: int | None = None) -> str:
    """JSON as readable UTF-8; with \\u escapes when a file name is not UTF-8 (its bytes survive as
    surrogates, which UTF-8 cannot hold but JSON's escapes can, and json.loads gives them back)."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(data, ensure_ascii=True, indent=indent)
    return text
