"""The built add-in: same bytes on every build, VBA source as written, valid package, sane ribbon."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from kh_excel.addin import ACTIONS
from kh_excel.addin import build as B

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "addin" / "kh_excel.xlam"
NS = {"c": B.CUSTOMUI_NS_2009}
EXPECTED_BUTTONS = {
    "kiem_tra": "Kiểm tra số liệu",
    "xoa_danh_dau": "Xóa đánh dấu",
    "tinh_ty_le": "Tính tỷ lệ đạt",
    "tong_hop": "Tổng hợp",
    "bao_cao": "Tạo báo cáo",
    "ke_hoach": "Tạo kế hoạch",
    "thong_bao": "Thông báo kết luận",
    "theo_co_quan": "Văn bản theo cơ quan",
    "cau_hinh": "Cấu hình",
    "huong_dan": "Hướng dẫn",
    "tao_phieu": "Tạo phiếu nhập",
    "tong_hop_so_lieu": "Tổng hợp số liệu",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> bytes:
    return B.build(tmp_path_factory.mktemp("addin") / "kh_excel.xlam").read_bytes()


@pytest.fixture(scope="module")
def macros(built, tmp_path_factory) -> dict[str, str]:
    from oletools.olevba import VBA_Parser

    path = tmp_path_factory.mktemp("olevba") / "kh_excel.xlam"
    path.write_bytes(built)
    parser = VBA_Parser(str(path))
    try:
        return {name: code for (_f, _s, name, code) in parser.extract_macros()}
    finally:
        parser.close()


@pytest.fixture(scope="module")
def template_macros() -> dict[str, str]:
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(B.template_path()))
    try:
        return {name: code for (_f, _s, name, code) in parser.extract_macros()}
    finally:
        parser.close()


def test_committed_addin_equals_a_fresh_build(built):
    assert COMMITTED.is_file(), "addin/kh_excel.xlam must be committed"
    assert COMMITTED.read_bytes() == built, "run `kh-excel addin build -o addin/kh_excel.xlam` and commit it"


def test_two_builds_give_the_same_bytes(built, tmp_path):
    again = B.build(tmp_path / "again.xlam").read_bytes()
    assert again == built


def test_zip_entries_have_fixed_dates_order_and_no_compression(built):
    zf = zipfile.ZipFile(io.BytesIO(built))
    infos = zf.infolist()
    assert [i.filename for i in infos] == list(B.PART_ORDER)
    assert {i.date_time for i in infos} == {B.ZIP_DATE}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_STORED}
    assert zf.testzip() is None


def test_ribbon_module_source_reads_back_exactly(macros):
    bas = (ROOT / "addin" / "KhExcelRibbon.bas").read_text(encoding="ascii")
    expected = bas.replace("\r\n", "\n").rstrip("\n").replace("\n", "\r\n") + "\r\n"
    assert macros["KhExcelRibbon.bas"] == expected
    assert "RibbonMyAddin.bas" not in macros


def test_xlwings_module_changes_only_project_name(macros, template_macros):
    old = template_macros["xlwings.bas"]
    assert 'Public Const PROJECT_NAME As String = "myaddin"' in old
    assert macros["xlwings.bas"] == old.replace('PROJECT_NAME As String = "myaddin"', 'PROJECT_NAME As String = "kh_excel"')


def test_other_modules_are_unchanged(macros, template_macros):
    for name in ("ThisWorkbook.cls", "Sheet2.cls", "Dictionary.cls"):
        assert macros[name] == template_macros[name]


def test_no_compiled_cache_is_left_for_excel(built, tmp_path):
    import olefile
    from pyopenvba import ExcelFile

    data = zipfile.ZipFile(io.BytesIO(built)).read("xl/vbaProject.bin")
    B.check_no_compiled_cache(data)  # raises on __SRP_ streams or a cached _VBA_PROJECT
    ole = olefile.OleFileIO(io.BytesIO(data))
    assert not [e for e in ole.listdir() if any(p.startswith("__SRP_") for p in e)]
    path = tmp_path / "kh_excel.xlam"
    path.write_bytes(built)
    with ExcelFile(path) as book:
        modules = book.vba_project().modules
    # MODULEOFFSET 0: no module stream starts with compiled p-code.
    assert len(modules) == 5
    assert {m.name: m.text_offset for m in modules} == {m.name: 0 for m in modules}


def test_template_cache_check_would_catch_a_stale_cache():
    data = zipfile.ZipFile(B.template_path()).read("xl/vbaProject.bin")
    # The template's _VBA_PROJECT is not the bare header (its trailing bytes are not zero).
    with pytest.raises(B.BuildError):
        B.check_no_compiled_cache(data)


def test_openpyxl_opens_it_after_the_content_type_swap(built):
    import openpyxl

    src = zipfile.ZipFile(io.BytesIO(built))
    ctypes = src.read("[Content_Types].xml")
    assert b"application/vnd.ms-excel.addin.macroEnabled.main+xml" in ctypes
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.ms-excel.addin.macroEnabled.main+xml",
                                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
            zf.writestr(info, data)
    wb = openpyxl.load_workbook(io.BytesIO(out.getvalue()), keep_vba=True)
    assert wb.sheetnames == [B.CONFIG_SHEET]
    keys = [c.value for c in wb[B.CONFIG_SHEET]["A"] if c.value]
    assert "Interpreter_Win" in keys


def test_libreoffice_reads_it_with_the_vba_filter(built, tmp_path):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is needed for this test"
    src = tmp_path / "kh_excel.xlam"
    src.write_bytes(built)
    out = tmp_path / "out"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--infilter=Calc MS Excel 2007 VBA XML", "--convert-to", "xlsx", "--outdir", str(out), str(src)],
        check=True, timeout=180, capture_output=True,
    )
    import openpyxl

    wb = openpyxl.load_workbook(out / "kh_excel.xlsx")
    assert B.CONFIG_SHEET in wb.sheetnames
    assert wb[B.CONFIG_SHEET]["A1"].value == "Interpreter_Win"


# ------------------------------------------------------------------ the ribbon


@pytest.fixture(scope="module")
def ribbon(built):
    zf = zipfile.ZipFile(io.BytesIO(built))
    raw = zf.read(B.RIBBON_PART)
    return raw, etree.fromstring(raw), zf


def test_ribbon_is_utf8_nfc_and_the_2009_schema(ribbon):
    raw, root, zf = ribbon
    text = raw.decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert root.tag == f"{{{B.CUSTOMUI_NS_2009}}}customUI"
    assert "customUI/customUI.xml" not in zf.namelist()
    rels = etree.fromstring(zf.read("_rels/.rels"))
    ui = [r for r in rels if r.get("Target") == B.RIBBON_PART]
    assert len(ui) == 1 and ui[0].get("Type") == B.RIBBON_REL_TYPE
    assert not [r for r in rels if "customUI.xml" in (r.get("Target") or "")]


def test_ribbon_tab_buttons_labels_and_unique_ids(ribbon):
    _raw, root, _zf = ribbon
    tabs = root.findall(".//c:tab", NS)
    assert [t.get("label") for t in tabs] == ["Kế hoạch"]
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    buttons = root.findall(".//c:button", NS)
    assert {b.get("tag"): b.get("label") for b in buttons} == EXPECTED_BUTTONS
    for b in buttons:
        assert b.get("size") == "large" and b.get("imageMso")
        assert b.get("screentip") and b.get("supertip")
    assert all(g.get("label") for g in root.findall(".//c:group", NS))


def test_ribbon_attributes_keep_the_customui14_schema_limits(ribbon):
    """The constraints of customui14.xsd that this ribbon can break (limits, types, allowed attributes)."""
    _raw, root, _zf = ribbon
    ncname = re.compile(r"^[A-Za-z_][\w.\-]*$")
    allowed = {
        "tab": {"id", "label", "keytip"},
        "group": {"id", "label"},
        "button": {"id", "tag", "label", "size", "imageMso", "screentip", "supertip", "onAction", "keytip"},
    }
    for el in root.iter():
        name = etree.QName(el).localname
        if name in allowed:
            assert set(el.attrib) <= allowed[name], (name, set(el.attrib) - allowed[name])
            assert ncname.match(el.get("id")), el.get("id")
        for attr in ("label", "screentip", "supertip", "tag", "onAction"):
            if el.get(attr) is not None:
                assert 1 <= len(el.get(attr)) <= 1024, (attr, el.get(attr))
        if el.get("keytip") is not None:
            assert re.fullmatch(r"\S{1,3}", el.get("keytip"))
        if el.get("size") is not None:
            assert el.get("size") in ("normal", "large")
        if el.get("imageMso") is not None:
            assert ncname.match(el.get("imageMso"))
    # the schema's element order: customUI > ribbon > tabs > tab > group > button
    assert [etree.QName(e).localname for e in root] == ["ribbon"]
    assert [etree.QName(e).localname for e in root[0]] == ["tabs"]


def test_every_button_tag_is_an_action(ribbon):
    _raw, root, _zf = ribbon
    tags = {b.get("tag") for b in root.findall(".//c:button", NS)}
    assert tags == set(ACTIONS)


def test_every_callback_is_a_vba_sub_taking_an_iribboncontrol(ribbon, macros):
    _raw, root, _zf = ribbon
    for b in root.findall(".//c:button", NS):
        module, _, sub = b.get("onAction").rpartition(".")
        code = macros[f"{module}.bas"]
        assert re.search(rf"^\s*(Public\s+)?Sub\s+{sub}\s*\(\s*\w+\s+As\s+IRibbonControl\s*\)", code, re.M | re.I), b.get("onAction")


def test_callback_hands_the_tag_to_python(macros):
    code = macros["KhExcelRibbon.bas"]
    assert "RunPython \"import kh_excel; kh_excel.ribbon_action('\" & tag & \"')\"" in code
    assert "tag = control.Tag" in code


def _chrw_literals(code: str) -> list[str]:
    """Evaluate the VBA string expressions made of "..." & ChrW(n) in the module."""
    out = []
    for line in code.splitlines():
        if "ChrW(" not in line or line.lstrip().startswith("'"):
            continue
        expr = line.split("=", 1)[1] if line.lstrip().startswith("Application.StatusBar") else line
        expr = expr.split("ShowWarning", 1)[-1].split("title =", 1)[-1]
        parts = re.findall(r'"((?:[^"]|"")*)"|ChrW\((\d+)\)', expr)
        out.append("".join(s.replace('""', '"') if s else chr(int(n)) for s, n in parts))
    return out


def test_vba_source_is_ascii_and_its_vietnamese_decodes(macros):
    raw = (ROOT / "addin" / "KhExcelRibbon.bas").read_bytes()
    raw.decode("ascii")
    texts = _chrw_literals(macros["KhExcelRibbon.bas"])
    assert "Hãy mở sổ tính có bảng chỉ tiêu rồi bấm lại nút trên thẻ Kế hoạch." in texts
    assert "Kế hoạch: đang xử lý…" in texts
    assert "Kế hoạch" in texts


def test_build_refuses_non_ascii_vba(tmp_path):
    shutil.copy(ROOT / "addin" / B.RIBBON_XML, tmp_path / B.RIBBON_XML)
    (tmp_path / B.RIBBON_BAS).write_text('Attribute VB_Name = "KhExcelRibbon"\nMsgBox "Kế hoạch"\n', encoding="utf-8")
    with pytest.raises(B.BuildError, match="ASCII"):
        B.build_bytes(addin_dir=tmp_path)


def test_build_says_in_vietnamese_what_is_wrong_with_the_sources(tmp_path):
    with pytest.raises(B.BuildError, match="không tìm thấy mã nguồn của phần bổ trợ"):
        B.build_bytes(addin_dir=tmp_path)
    shutil.copy(ROOT / "addin" / B.RIBBON_BAS, tmp_path / B.RIBBON_BAS)
    (tmp_path / B.RIBBON_XML).write_bytes(b"<customUI><tab></customUI>")
    with pytest.raises(B.BuildError, match="không phải XML hợp lệ"):
        B.build_bytes(addin_dir=tmp_path)
    (tmp_path / B.RIBBON_XML).write_bytes(b"<customUI>K\xe9 ho\xe0ch</customUI>")  # Latin-1 bytes
    with pytest.raises(B.BuildError, match="không phải UTF-8"):
        B.build_bytes(addin_dir=tmp_path)


def test_build_cli_writes_the_same_bytes(built, tmp_path):
    out = tmp_path / "cli.xlam"
    run = subprocess.run([sys.executable, "-c", "from kh_excel.cli import main; main()", "addin", "build", "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == built
