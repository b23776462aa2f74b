"""`kh-excel batch --manifest batch.toml`: a whole run described in a file, for scheduled use.

    # batch.toml — paths are relative to this file
    inputs = ["../so-lieu/*.xlsx"]     # files, folders or patterns (or one string)
    output = "van-ban"
    per = "agency"                     # or "workbook"
    kind = "giao-chi-tieu"             # or template = "mau/giao-chi-tieu.docx"
    settings = "cau-hinh.toml"         # overrides the workbooks' settings sheets …
    pdf = true
    jobs = 2
    force = false
    ascii_names = false
    sheet = "Phụ lục chỉ tiêu"
    recursive = false
    pdf_timeout = 60
    allow_errors = false               # true: write tables that have errors («số liệu lỗi»)

    [document]                         # … and/or settings written here (over both)
    ngay = "05/01/2026"

Options given on the command line win over the manifest.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from kh_excel.batch.state import BatchError

KEYS = {
    "inputs": (list, str), "output": (str,), "per": (str,), "kind": (str,), "template": (str,),
    "settings": (str,), "pdf": (bool,), "jobs": (int,), "force": (bool,), "ascii_names": (bool,),
    "sheet": (str,), "group": (str,), "period": (str,), "recursive": (bool,), "pdf_timeout": (int, float),
    "document": (dict,), "allow_errors": (bool,),
}
PATH_KEYS = ("output", "template", "settings")


def load_manifest(path: str | Path) -> dict[str, Any]:
    """The manifest's values, checked, with paths made absolute against the manifest's folder."""
    from kh_excel.io.limits import InputRefused, load_toml
    p = Path(path)
    if not p.exists():
        raise BatchError(f"không tìm thấy tệp mô tả lượt chạy «{p}».")
    try:
        data = load_toml(p, "tệp mô tả lượt chạy")  # size, encoding, nesting, syntax: the same guard
    except InputRefused as exc:
        raise BatchError(str(exc)) from None
    if "batch" in data and isinstance(data["batch"], dict) and len(data) == 1:
        data = data["batch"]  # a [batch] table is accepted too
    base = p.resolve().parent
    out: dict[str, Any] = {}
    for key, value in data.items():
        norm = key.replace("-", "_")
        if norm not in KEYS:
            raise BatchError(f"«{p.name}»: không hiểu mục «{key}»; các mục dùng được: {', '.join(KEYS)}.")
        types = KEYS[norm]
        if isinstance(value, bool) and bool not in types or not isinstance(value, types):
            raise BatchError(f"«{p.name}»: mục «{key}» có giá trị không hợp lệ ({value!r}).")
        if norm == "pdf_timeout" and not 1 <= value <= 3600:  # also nan and inf, which TOML allows
            raise BatchError(f"«{p.name}»: mục «{key}» phải từ 1 đến 3600 giây (đang là {value!r}).")
        out[norm] = value
    if "inputs" in out:
        items = [out["inputs"]] if isinstance(out["inputs"], str) else out["inputs"]
        if not all(isinstance(i, str) for i in items):
            raise BatchError(f"«{p.name}»: «inputs» phải là danh sách đường dẫn.")
        out["inputs"] = [i if Path(i).is_absolute() else str(base / i) for i in items]
    for key in PATH_KEYS:
        if key in out and not Path(out[key]).is_absolute():
            # "template" may also name a bundled kind; a plain name without a folder stays as written.
            if key == "template" and "/" not in out[key] and "\\" not in out[key] and not out[key].endswith(".docx"):
                continue
            out[key] = str(base / out[key])
    return out
