"""Small hostile files built from the sample workbook, for tests/test_hostile_*.py."""
from __future__ import annotations

import hashlib
import re
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from helpers import ROOT, sample

BASE = sample("chi_tieu_2026_lao_cai.xlsx")
SHEET = "xl/worksheets/sheet1.xml"
AS_LIMIT = 1024 ** 3          # 1 GiB of address space for every hostile run
TIME_LIMIT = 60.0             # seconds: the documented bound for any input


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def rezip(dst: Path, edits: dict | None = None, src: Path = BASE, stored: bool = False) -> Path:
    """A copy of `src` with members replaced: edits[name] is bytes or a function of the old bytes."""
    edits = edits or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            edit = edits.get(info.filename)
            if edit is not None:
                data = edit(data) if callable(edit) else edit
            zout.writestr(info.filename, data)
        for name, data in edits.items():
            if name not in zin.namelist():
                zout.writestr(name, data if isinstance(data, bytes) else data(b""))
    return dst


def add_cells(sheet_xml: bytes, rows_xml: str) -> bytes:
    """Append rows to the end of sheetData."""
    return sheet_xml.replace(b"</sheetData>", rows_xml.encode() + b"</sheetData>")


def bad_crc(dst: Path) -> Path:
    """The sample with one byte of the sheet changed after its CRC was written."""
    rezip(dst, stored=True)
    data = bytearray(dst.read_bytes())
    marker = b"<sheetData>"
    i = data.find(marker)
    assert i > 0
    data[i + 1] = ord("S")          # <SheetData>: the stored CRC no longer matches
    dst.write_bytes(bytes(data))
    return dst


def truncated(dst: Path) -> Path:
    data = BASE.read_bytes()
    dst.write_bytes(data[: len(data) * 2 // 3])
    return dst


def cell_beyond(dst: Path, ref: str = "XFD1048576", error: bool = True) -> Path:
    row = int(re.sub(r"[A-Z]", "", ref))
    cell = f'<c r="{ref}" t="e"><v>#N/A</v></c>' if error else f'<c r="{ref}"><v>1</v></c>'
    return rezip(dst, {SHEET: lambda d: add_cells(d, f'<row r="{row}">{cell}</row>')})


def row_beyond(dst: Path, row: int = 2_000_000) -> Path:
    return rezip(dst, {SHEET: lambda d: add_cells(d, f'<row r="{row}"><c r="A{row}"><v>1</v></c></row>')})


def dimension(dst: Path, ref: str) -> Path:
    return rezip(dst, {SHEET: lambda d: re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(), d)})


def very_hidden(dst: Path) -> Path:
    return rezip(dst, {"xl/workbook.xml": lambda d: d.replace(b'state="visible"', b'state="veryHidden"')})


def huge_sheet(dst: Path, mib: int = 300) -> Path:
    """A real-looking huge sheet (up to `mib` MiB of XML, rows of distinct cells, an ordinary
    compression ratio), written as a stream: only the size bounds can stop it."""
    with zipfile.ZipFile(BASE) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for info in zin.infolist():
            if info.filename != SHEET:
                zout.writestr(info.filename, zin.read(info.filename))
        with zout.open(SHEET, "w", force_zip64=True) as fh:
            fh.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            written, r = 0, 1
            while written < mib * 1024 * 1024:
                chunk = "".join(f'<row r="{i}"><c r="A{i}"><v>{i * 7919 % 100003}</v></c>'
                                f'<c r="B{i}" t="inlineStr"><is><t>Chỉ tiêu {i:x}</t></is></c></row>'
                                for i in range(r, r + 2000)).encode()
                r += 2000
                if r > 1_048_000:
                    break
                fh.write(chunk)
                written += len(chunk)
            fh.write(b"</sheetData></worksheet>")
    return dst


def zip_bomb_docx(dst: Path, mib: int = 1500) -> Path:
    """A .docx whose document.xml expands ~1000 times (declared sizes true)."""
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            block = b"<w:p/>" * (1024 * 1024 // 6)
            for _ in range(mib):
                fh.write(block)
    return dst


def many_members(dst: Path, n: int = 20_000) -> Path:
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        for i in range(n):
            z.writestr(f"x/{i}.xml", b"")
    return dst


def _limits(file_size: int | None = None):
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))
    if file_size is not None:  # a disk that fills up: writes beyond this fail (EFBIG, SIGXFSZ ignored)
        import signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))


# The child reports its own peak resident size at exit: VmHWM of /proc/self/status (ru_maxrss on
# Linux keeps the parent's peak from before exec, so it would report the test process instead).
_BOOT = ("import atexit, sys\n"
         "def _peak():\n"
         "    try:\n"
         "        kib = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
         "    except Exception:\n"
         "        import resource; kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
         "    sys.stderr.write('\\nPEAK_KIB=%s\\n' % kib)\n"
         "atexit.register(_peak)\n"
         "from kh_excel.cli import main\n"
         "main()")


def run_limited(*args: str, stdout=subprocess.PIPE, file_size: int | None = None) -> tuple[int, str, str, float, float]:
    """Run the CLI under 1 GiB of address space; (exit, stdout, stderr, seconds, peak MiB of that run).
    The child reports its own peak resident size at exit (atexit), removed from stderr here."""
    cmd = [sys.executable, "-c", _BOOT, *map(str, args)]
    env = {"PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin",
           "HOME": str(Path.home())}
    if file_size is not None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"   # a cut .pyc would break every later run
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, preexec_fn=lambda: _limits(file_size), env=env)
    try:
        out, err = proc.communicate(timeout=TIME_LIMIT + 30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise AssertionError(f"{args}: still running after {TIME_LIMIT + 30:.0f} s")
    elapsed = time.monotonic() - t0
    text_err = err.decode("utf-8", "replace")
    m = re.search(r"\nPEAK_KIB=(\d+)\n", text_err)
    peak = int(m.group(1)) / 1024 if m else float("nan")
    text_err = re.sub(r"\nPEAK_KIB=\d+\n", "", text_err)
    text = out.decode("utf-8", "replace") if isinstance(out, bytes) else ""
    return proc.returncode, text, text_err, elapsed, peak


def ods(dst: Path, rows_xml: str) -> Path:
    """A minimal .ods whose one sheet holds `rows_xml` (table:table-row elements)."""
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="Trang1">{rows_xml}</table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
    return dst


def ods_repeat_bomb(dst: Path, rows: int = 3000, cols: int = 16384) -> Path:
    """One cell with a value, repeated over `rows` × `cols`: a few hundred bytes that calamine expands."""
    return ods(dst, f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell '
                    f'table:number-columns-repeated="{cols}" office:value-type="string"><text:p>x</text:p>'
                    '</table:table-cell></table:table-row>')
