"""Which workbooks a run reads: paths, glob patterns (expanded here, since Windows shells do not)
and folders."""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

from kh_excel.io.workbook import SUPPORTED

WORKBOOK_SUFFIXES = tuple(s for s in SUPPORTED if s != ".xlam")
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class InputProblem:
    """An argument that named no readable workbook; it becomes a failed item of the run."""

    argument: str
    reason: str  # Vietnamese


def _is_candidate(path: Path) -> bool:
    name = path.name
    # "~$Book.xlsx" is Excel's lock file of an open workbook; ".x" is hidden.
    return (path.is_file() and path.suffix.lower() in WORKBOOK_SUFFIXES
            and not name.startswith("~$") and not name.startswith("."))


def expand_inputs(arguments: list[str], recursive: bool = False) -> tuple[list[Path], list[InputProblem]]:
    """Files named by the arguments, each once, in a stable order; and the arguments that named none.

    A file is taken as named, whatever its extension (reading it will say if it is no
    workbook); a folder gives its workbooks (sorted; with `recursive`, those of its
    subfolders too); a pattern ("data/*.xlsx", "**/*.xls") gives its matches.
    """
    found: list[Path] = []
    seen: set[str] = set()
    problems: list[InputProblem] = []

    def add(p: Path) -> None:
        key = os.path.normcase(str(p.resolve()))
        if key not in seen:
            seen.add(key)
            found.append(p)

    for arg in arguments:
        p = Path(arg).expanduser()
        if p.is_dir():
            pattern = "**/*" if recursive else "*"
            files = sorted((f for f in p.glob(pattern) if _is_candidate(f)), key=lambda f: str(f))
            if not files:
                problems.append(InputProblem(arg, "thư mục không có tệp bảng tính nào (.xlsx, .xlsm, .xls, .ods)."))
            for f in files:
                add(f)
        elif p.exists():
            add(p)
        elif _GLOB_CHARS & set(arg):
            files = sorted((Path(f) for f in glob.glob(os.path.expanduser(arg), recursive=True)), key=str)
            files = [f for f in files if _is_candidate(f)]
            if not files:
                problems.append(InputProblem(arg, "không có tệp bảng tính nào khớp với mẫu này."))
            for f in files:
                add(f)
        else:
            problems.append(InputProblem(arg, "không tìm thấy tệp."))
    return found, problems
