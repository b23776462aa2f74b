"""Install the add-in for Excel on Windows, the way `xlwings addin install` does.

xlwings copies the .xlam into Excel's user start-up folder (`Application.
StartupPath`, i.e. %APPDATA%\\Microsoft\\Excel\\XLSTART), where Excel opens it at
every start. It asks a running Excel for that path (starting one when none
runs); we do the same through xlwings when we can and fall back to the
standard location, so that the command also works where Excel cannot be
automated (e.g. blocked by policy).

The add-in's VBA reads `%USERPROFILE%\\.kh_excel\\kh_excel.conf` (PROJECT_NAME is
`kh_excel`), lines of `"KEY","VALUE"` read with VBA's `Input #`: the quotes keep
a path with spaces or commas in one field (PITFALLS: interpreter paths with
spaces). We write `INTERPRETER_WIN` = this Python, and keep any other keys the
user or IT already set.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

PROJECT_NAME = "kh_excel"
ADDIN_FILE = "kh_excel.xlam"
NOT_WINDOWS = ("Phần bổ trợ kh_excel chỉ chạy trong Excel trên Windows (Excel 2010 trở lên). "
               "Máy này không phải Windows nên không cài được; hãy dùng dòng lệnh «kh-excel» "
               "(kh-excel check, kh-excel attainment, kh-excel render…) để làm việc không cần Excel.")


def config_path(home: Path | None = None) -> Path:
    """%USERPROFILE%\\.kh_excel\\kh_excel.conf (what the VBA's GetConfigFilePath reads)."""
    home = Path(home) if home is not None else Path(os.environ.get("USERPROFILE") or Path.home())
    return home / f".{PROJECT_NAME}" / f"{PROJECT_NAME}.conf"


def _quote(value: str) -> str:
    if '"' in value:
        raise ValueError(f"a config value cannot hold a double quote: {value!r}")
    return f'"{value}"'


def parse_config(text: str) -> dict[str, str]:
    """Read a .conf file as VBA's `Input #` does: quoted, comma-separated fields."""
    import csv

    out: dict[str, str] = {}
    for row in csv.reader(text.splitlines()):
        if len(row) >= 2 and row[0].strip():
            out[row[0].strip()] = row[1]
    return out


def _short_path_windows(path: str) -> str:
    import ctypes

    buf = ctypes.create_unicode_buffer(32768)
    n = ctypes.windll.kernel32.GetShortPathNameW(path, buf, len(buf))  # type: ignore[attr-defined]
    return buf.value if 0 < n < len(buf) else path


def ascii_path(path: str, shorten=None) -> str:
    """An ASCII spelling of `path` for VBA, which reads the .conf in the ANSI code page.

    A Vietnamese Windows user name (C:\\Users\\Nguyễn…) would arrive mangled and
    Excel would say "Could not find Interpreter!"; the 8.3 short name of the
    same file is plain ASCII. Where Windows keeps no short names the path is
    returned as it is.
    """
    if path.isascii():
        return path
    if shorten is None:
        if not sys.platform.startswith("win"):
            return path
        shorten = _short_path_windows
    short = shorten(path)
    return short if short.isascii() else path


def write_config(interpreter: str | None = None, home: Path | None = None,
                 extra: dict[str, str] | None = None) -> Path:
    """Write (or update) the user config so the add-in runs `interpreter` (default: this Python)."""
    path = config_path(home)
    settings: dict[str, str] = {}
    if path.exists():
        settings = parse_config(path.read_text(encoding="utf-8-sig", errors="replace"))
    # GetConfigFromFile compares keys case-insensitively: drop other spellings.
    settings = {k: v for k, v in settings.items() if k.upper() != "INTERPRETER_WIN"}
    settings["INTERPRETER_WIN"] = interpreter or ascii_path(sys.executable)
    for k, v in (extra or {}).items():
        settings = {key: val for key, val in settings.items() if key.upper() != k.upper()}
        settings[k] = v
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{_quote(k)},{_quote(v)}" for k, v in settings.items()]
    # VBA's Input # reads the ANSI code page; keep the file free of a BOM.
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")
    return path


def xlstart_dir() -> Path:
    """Excel's user start-up folder, asked from Excel when possible (as xlwings does)."""
    try:
        from xlwings.cli import get_addin_dir

        return Path(get_addin_dir())
    except Exception:
        appdata = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        path = Path(appdata) / "Microsoft" / "Excel" / "XLSTART"
        path.mkdir(parents=True, exist_ok=True)
        return path


def addin_source() -> Path:
    """The committed add-in: next to the package in a checkout, or shipped as package data."""
    from kh_excel.resources import addin_dir

    candidate = addin_dir() / ADDIN_FILE
    if candidate.is_file():
        return candidate
    raise FileNotFoundError(2, "không tìm thấy tệp phần bổ trợ đi kèm", str(candidate))


def install(source: Path | None = None, target_dir: Path | None = None) -> tuple[Path, Path]:
    """Copy the add-in into XLSTART and write the config; Windows only."""
    source = source or addin_source()
    target_dir = target_dir or xlstart_dir()
    target = Path(target_dir) / ADDIN_FILE
    shutil.copyfile(source, target)
    return target, write_config()
