"""Where the bundled templates and add-in sources are.

They live at the repository's top level (`templates/`, `addin/`: template authors and IT staff
find them there) and are shipped in the wheel as the data-only packages `kh_excel._templates`
and `kh_excel._addin` (pyproject's package-dir). An installed wheel finds them next to this
module; a checkout (also an editable install) finds them two folders up.
"""
from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parents[1]  # src/kh_excel -> the repository

# name: (package folder in the wheel, top-level folder of the checkout, a file that must be there)
_PLACES = {
    "templates": ("_templates", "templates", "bao-cao.docx"),
    "addin": ("_addin", "addin", "customUI14.xml"),
}


def _find(name: str) -> Path:
    packaged, top, probe = _PLACES[name]
    candidates = (_PACKAGE / packaged, _CHECKOUT / top)
    for folder in candidates:
        if (folder / probe).is_file():
            return folder
    return candidates[-1]  # nothing found: the caller's «không tìm thấy …» names the checkout path


def templates_dir() -> Path:
    """The bundled templates (with `parts/`): $KH_EXCEL_TEMPLATES when set."""
    env = os.environ.get("KH_EXCEL_TEMPLATES")
    return Path(env) if env else _find("templates")


def addin_dir() -> Path:
    """The add-in sources (ribbon XML, VBA module) and the built kh_excel.xlam."""
    return _find("addin")
