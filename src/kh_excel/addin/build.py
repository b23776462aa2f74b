"""Build addin/kh_excel.xlam from xlwings' ribbon add-in template and the text sources.

Why a build and not a hand-saved file: Excel does not run where this project is
developed, and the add-in must be reviewable as text. The build takes
`quickstart_addin_ribbon.xlam` from the installed xlwings (its `xlwings` VBA
module must match the xlwings version on the user's PC) and changes exactly:

- the VBA module `RibbonMyAddin` becomes `KhExcelRibbon` with the source of
  `addin/KhExcelRibbon.bas` (the callback `OnRibbonAction` hands the button's tag
  to Python);
- `PROJECT_NAME` in the `xlwings` module becomes `kh_excel`, so the add-in reads
  `%USERPROFILE%\\.kh_excel\\kh_excel.conf` and a `kh_excel.conf` sheet;
- every module is rewritten from its source with no compiled cache, and the
  `_VBA_PROJECT` stream keeps only its header (version 0xFFFF, no
  PerformanceCache), so Excel recompiles from source on first load instead of
  trusting p-code compiled for another module list; the template has no
  `__SRP_*` streams and the build checks that none appear;
- the ribbon is `customUI/customUI14.xml` (2009/07 schema) instead of the
  template's `customUI/customUI.xml`;
- the template's inactive config sheet `_myaddin.conf` becomes `_kh_excel.conf`.

The VBA container is written with pyOpenVBA (MIT, pure Python). The zip is
written with fixed dates, fixed entry order and no compression (stored), so
the same inputs give the same bytes on any machine, whatever its zlib.
"""
from __future__ import annotations

import io
import re
import shutil
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kh_excel.errors import UserError
from kh_excel.resources import addin_dir

# Sources live in the repository's addin/ folder, next to the committed .xlam (package data in a wheel).
ADDIN_DIR = addin_dir()
RIBBON_XML = "customUI14.xml"
RIBBON_BAS = "KhExcelRibbon.bas"
RIBBON_MODULE = "KhExcelRibbon"
TEMPLATE_RIBBON_MODULE = "RibbonMyAddin"
PROJECT_NAME = "kh_excel"
CONFIG_SHEET = f"_{PROJECT_NAME}.conf"  # inactive (leading "_") like the template's

RIBBON_PART = "customUI/customUI14.xml"
RIBBON_REL_TYPE = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
CUSTOMUI_NS_2009 = "http://schemas.microsoft.com/office/2009/07/customui"

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# Part order of the built package: content types first, then relationships, then parts.
PART_ORDER = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/app.xml",
    "docProps/core.xml",
    RIBBON_PART,
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "xl/theme/theme1.xml",
    "xl/sharedStrings.xml",
    "xl/worksheets/sheet1.xml",
    "xl/vbaProject.bin",
)


class BuildError(UserError):
    """The template or a source is not what the build expects."""


@dataclass(frozen=True)
class Sources:
    ribbon_xml: bytes
    ribbon_bas: str


def template_path() -> Path:
    """xlwings' ribbon add-in template, from the installed xlwings."""
    import xlwings

    path = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
    if not path.is_file():
        raise BuildError(f"xlwings {xlwings.__version__} không có mẫu quickstart_addin_ribbon.xlam")
    return path


def read_sources(addin_dir: Path = ADDIN_DIR) -> Sources:
    try:
        xml = (addin_dir / RIBBON_XML).read_bytes()
        bas = (addin_dir / RIBBON_BAS).read_bytes()
    except FileNotFoundError as exc:
        raise BuildError(f"không tìm thấy mã nguồn của phần bổ trợ: {exc.filename}") from None
    try:
        bas_text = bas.decode("ascii")
    except UnicodeDecodeError as exc:
        raise BuildError(
            f"{RIBBON_BAS} phải là ASCII (VBA lưu mã nguồn theo bảng mã ANSI; "
            f"viết tiếng Việt bằng ChrW): byte thứ {exc.start}"
        ) from None
    return Sources(ribbon_xml=xml, ribbon_bas=bas_text)


def ribbon_xml_bytes(raw: bytes) -> bytes:
    """The ribbon XML as stored: UTF-8, NFC, checked to be the 2009/07 customUI schema."""
    from lxml import etree

    try:
        text = raw.decode("utf-8")
        text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
        root = etree.fromstring(text.encode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BuildError(f"{RIBBON_XML} không phải UTF-8 (byte thứ {exc.start})") from None
    except etree.XMLSyntaxError as exc:
        raise BuildError(f"{RIBBON_XML} không phải XML hợp lệ (dòng {exc.lineno}: {exc.msg})") from None
    if root.tag != f"{{{CUSTOMUI_NS_2009}}}customUI":
        raise BuildError(f"{RIBBON_XML}: phần tử gốc phải là customUI thuộc {CUSTOMUI_NS_2009}")
    return text.encode("utf-8")


def bas_to_module_source(bas: str) -> str:
    """A .bas export as VBA stores it: CRLF line ends, attribute header kept."""
    lines = bas.replace("\r\n", "\n").rstrip("\n").split("\n")
    if not lines[0].startswith(f'Attribute VB_Name = "{RIBBON_MODULE}"'):
        raise BuildError(f'{RIBBON_BAS} phải bắt đầu bằng Attribute VB_Name = "{RIBBON_MODULE}"')
    return "\r\n".join(lines) + "\r\n"


def build_vba_project(template: Path, ribbon_source: str) -> bytes:
    """vbaProject.bin of the template with the kh_excel ribbon module and project name."""
    from pyopenvba import ExcelFile

    with tempfile.TemporaryDirectory(prefix="kh_excel_addin_") as tmp:
        work = Path(tmp) / "work.xlam"
        shutil.copyfile(template, work)
        with ExcelFile(work) as book:
            project = book.vba_project()
            names = project.module_names()
            if TEMPLATE_RIBBON_MODULE not in names or "xlwings" not in names:
                raise BuildError(f"mẫu của xlwings có các mô-đun lạ: {names}")
            xlwings_src = book.get_module("xlwings")
            old = re.search(r'Public Const PROJECT_NAME As String = "[^"]*"', xlwings_src)
            if old is None:
                raise BuildError("không thấy hằng PROJECT_NAME trong mô-đun xlwings của mẫu")
            new_line = f'Public Const PROJECT_NAME As String = "{PROJECT_NAME}"'
            # Rewrite every module from its source: this drops each module's
            # compiled PerformanceCache (MODULEOFFSET becomes 0).
            for name in names:
                if name == "xlwings":
                    book.set_module(name, xlwings_src.replace(old.group(0), new_line))
                elif name != TEMPLATE_RIBBON_MODULE:
                    book.set_module(name, book.get_module(name))
            project.rename_module(TEMPLATE_RIBBON_MODULE, RIBBON_MODULE)
            book.set_module(RIBBON_MODULE, ribbon_source)
            book.save()
        with zipfile.ZipFile(work) as zf:
            data = zf.read("xl/vbaProject.bin")
    check_no_compiled_cache(data)
    return data


def check_no_compiled_cache(vba_bin: bytes) -> None:
    """Fail unless Excel must recompile: no __SRP_ streams, bare _VBA_PROJECT header."""
    import olefile

    ole = olefile.OleFileIO(io.BytesIO(vba_bin))
    try:
        streams = ["/".join(e) for e in ole.listdir(streams=True, storages=False)]
        srp = [s for s in streams if "__SRP_" in s]
        if srp:
            raise BuildError(f"còn sót luồng mã đã biên dịch: {srp}")
        head = ole.openstream("VBA/_VBA_PROJECT").read()
    finally:
        ole.close()
    # Reserved1 0x61CC, Version 0xFFFF ("MUST be ignored on read"), Reserved2 0x00,
    # then nothing but zero bytes: no PerformanceCache for Excel to reuse.
    if head[:5] != b"\xcc\x61\xff\xff\x00" or any(head[5:]):
        raise BuildError(f"_VBA_PROJECT vẫn còn bộ nhớ đệm hoặc số phiên bản: {head[:16]!r}")


def _patch_rels(raw: bytes) -> bytes:
    text = raw.decode("utf-8")
    new, count = re.subn(
        r'<Relationship Id="(rId\d+)" Type="[^"]*/ui/extensibility" Target="customUI/customUI\.xml" />',
        rf'<Relationship Id="\1" Type="{RIBBON_REL_TYPE}" Target="{RIBBON_PART}" />',
        text,
    )
    if count != 1:
        raise BuildError("mẫu của xlwings: _rels/.rels không có liên kết customUI")
    return new.encode("utf-8")


def _patch_workbook(raw: bytes) -> bytes:
    text = raw.decode("utf-8")
    text, count = re.subn(r'<sheet name="_myaddin\.conf"', f'<sheet name="{CONFIG_SHEET}"', text)
    if count != 1:
        raise BuildError("mẫu của xlwings: workbook.xml không có trang _myaddin.conf")
    # The template remembers the folder it was last saved in on its author's PC.
    text = re.sub(r"<mc:AlternateContent .*?</mc:AlternateContent>", "", text, flags=re.S)
    return text.encode("utf-8")


def build_bytes(template: Path | None = None, addin_dir: Path = ADDIN_DIR) -> bytes:
    """The add-in's bytes; the same inputs always give the same bytes."""
    template = template or template_path()
    sources = read_sources(addin_dir)
    with zipfile.ZipFile(template) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    if "customUI/customUI.xml" not in parts:
        raise BuildError("mẫu của xlwings không có customUI/customUI.xml")
    del parts["customUI/customUI.xml"]
    parts[RIBBON_PART] = ribbon_xml_bytes(sources.ribbon_xml)
    parts["_rels/.rels"] = _patch_rels(parts["_rels/.rels"])
    parts["xl/workbook.xml"] = _patch_workbook(parts["xl/workbook.xml"])
    parts["xl/vbaProject.bin"] = build_vba_project(template, bas_to_module_source(sources.ribbon_bas))
    if set(parts) != set(PART_ORDER):
        raise BuildError(f"các phần của mẫu xlwings đã đổi: {sorted(set(parts) ^ set(PART_ORDER))}")

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in PART_ORDER:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, parts[name])
    return out.getvalue()


def build(output: Path, template: Path | None = None, addin_dir: Path = ADDIN_DIR) -> Path:
    """Write the add-in to `output` and return its path."""
    from kh_excel.io.atomic import OutputRefused, check_output, write_bytes_atomic
    output = Path(output)
    check_output(output)  # before any work: never a folder or a device
    if output.suffix.lower() != ".xlam":  # never a workbook replaced by an add-in
        raise OutputRefused(output, f"tệp phần bổ trợ phải có đuôi .xlam (đang là «{output.name}»).")
    return write_bytes_atomic(output, build_bytes(template, addin_dir))
