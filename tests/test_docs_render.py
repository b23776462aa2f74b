"""Rendering: bundled templates, shared parts, escaping, template errors, caching, atomic output."""
from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import docx
import pytest

from helpers import docx_paragraphs, make_template, run_cli, sample
from kh_excel.core.attainment import evaluate
from kh_excel.docs.context import build_context
from kh_excel.docs.render import Renderer, TemplateProblem, bundled_template_dir, resolve_template
from kh_excel.docs.settings import example_settings_rows, settings_from_rows
from test_docs_data import LONG_TEXT, TRICKY_AGENCY, TRICKY_NAME, make_table

EXAMPLE = settings_from_rows(example_settings_rows(2026))
KINDS = ("bao-cao", "ke-hoach", "chuong-trinh", "giao-chi-tieu")


def context(kind, table=None, **kw):
    agency = kw.pop("agency", "Sở Tài chính" if kind == "giao-chi-tieu" else None)
    return build_context(evaluate(table or make_table(**kw)), EXAMPLE, kind, agency=agency)


def all_text(path: Path) -> str:
    """Every paragraph of the body and of every table cell, as python-docx reads it."""
    return "\n".join(docx_paragraphs(path))


def test_bundled_templates_match_their_builder(tmp_path):
    """The committed .docx files are what build_templates.py draws (no hand edit lost, no stale part)."""
    spec = importlib.util.spec_from_file_location("build_templates", bundled_template_dir() / "build_templates.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    written = mod.build(tmp_path)
    assert len(written) == len(mod.PART_BUILDERS) + len(mod.TEMPLATE_BUILDERS)
    for new in written:
        rel = new.relative_to(tmp_path)
        with zipfile.ZipFile(new) as a, zipfile.ZipFile(bundled_template_dir() / rel) as b:
            for name in a.namelist():
                if name.startswith("word/") and name.endswith(".xml"):
                    assert a.read(name) == b.read(name), f"{rel}:{name} differs from the builder's output"


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_renders_the_header_signature_and_appendix(tmp_path, kind):
    out = Renderer().render_to_file(resolve_template(kind), context(kind), tmp_path / f"{kind}.docx")
    text = all_text(out)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN",
                     "TỈNH LÀO CAI", "Lào Cai, ngày", "Nơi nhận:", "- Lưu: VT, TH.", "Phụ lục",
                     "GRDP bình quân đầu người", "93,00", "(Kèm theo"):
        assert expected in text, expected
    assert "{{" not in text and "{%" not in text
    d = docx.Document(str(out))
    assert len(d.sections) == 2
    assert d.sections[0].page_width < d.sections[0].page_height          # portrait body
    assert d.sections[1].page_width > d.sections[1].page_height          # landscape appendix
    appendix = d.tables[-1]
    assert appendix.rows[0].cells[0].text == "STT"


def test_report_shows_statuses_and_the_sentence(tmp_path):
    out = Renderer().render_to_file(resolve_template("bao-cao"), context("bao-cao"), tmp_path / "bc.docx")
    text = all_text(out)
    # «Cơ cấu GRDP» and its part are one item: 3/5 (1 and 2 not met; the structure, 3 and 4 met)
    assert "Ước thực hiện cả năm 2026, có 3/5 chỉ tiêu đạt và vượt kế hoạch; 2 chỉ tiêu không đạt kế hoạch" in text
    for label in ("Vượt KH", "Đạt KH", "Không đạt", "Chưa có số liệu", "Không đánh giá"):
        assert label in text
    assert "101,2" in text and "97,5" in text


def test_report_with_previous_year_column(tmp_path):
    out = Renderer().render_to_file(resolve_template("bao-cao"), context("bao-cao", previous=True),
                                    tmp_path / "bc.docx")
    text = all_text(out)
    assert "tăng 8,00% so với năm 2025" in text and "Thực hiện năm 2025" in text
    assert "giảm 0,5 điểm %" in text


def test_previous_year_column_from_a_workbook(tmp_path):
    """Seed 004 writes 'tăng 8,16% so với năm 2022': a workbook with a Thực hiện năm N-1 column gives it."""
    import openpyxl
    from kh_excel.docs.api import render_document
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2023 TỈNH LÀO CAI"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2022", "Kế hoạch năm 2023",
               "Ước thực hiện năm 2023", "Cơ quan chủ trì"])
    ws.append(["I", "CÁC CHỈ TIÊU VỀ KINH TẾ"])
    ws.append(["1", "Quy mô kinh tế (GRDP)", "Tỷ đồng", 68050, 75000, 73600, "Sở Tài chính"])
    ws.append(["2", "Tỷ lệ bao phủ bảo hiểm y tế", "%", 96.2, 98, 95.7, "Bảo hiểm xã hội tỉnh"])
    wb.save(tmp_path / "prev.xlsx")
    out = render_document(tmp_path / "prev.xlsx", "bao-cao", tmp_path / "bc.docx").docx
    text = all_text(out)
    # (the column is «Ước thực hiện năm 2023»: the figure is stated as the estimate it is, note10 #10)
    assert "Quy mô kinh tế (GRDP): ước thực hiện 73.600 tỷ đồng, kế hoạch 75.000 tỷ đồng, đạt 98,1% kế hoạch, " \
           "tăng 8,16% so với năm 2022" in text.replace("\u00a0", " ")
    assert "giảm 0,5 điểm % so với năm 2022" in text
    assert "Thực hiện năm 2022" in text and "So với năm 2022" in text     # the appendix's extra columns


@pytest.mark.parametrize("kind", ("bao-cao", "giao-chi-tieu"))
def test_markup_characters_line_breaks_and_long_text_arrive_unmangled(tmp_path, kind):
    ctx = context(kind, tricky=True, agency=TRICKY_AGENCY if kind == "giao-chi-tieu" else None)
    out = Renderer().render_to_file(resolve_template(kind), ctx, tmp_path / f"{kind}.docx")
    text = all_text(out)
    assert TRICKY_NAME in text            # & < > quotes and the line break (read back as "\n")
    assert TRICKY_AGENCY in text
    if kind == "bao-cao":
        assert LONG_TEXT in text          # 2,000 characters in one table cell
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "&amp;B" in xml and "&lt;50%" in xml and "<w:br/>" in xml


def test_user_template_uses_the_shared_parts_and_may_override_one(tmp_path):
    tpl = make_template(tmp_path / "mau-rieng.docx", ['{%p include "tieu-de" %}', "Nội dung riêng: {{ vb.nam }}",
                                                      '{%p include "chu-ky" %}'])
    r = Renderer()
    out = r.render_to_file(tpl, context("ke-hoach"), tmp_path / "a.docx")
    text = all_text(out)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Nội dung riêng: 2026" in text
    assert "Nơi nhận:" in text
    assert {p.name for p in r.compile(tpl).parts} == {"tieu-de.docx", "chu-ky.docx"}
    # a parts/ folder beside the template wins over the bundled part
    (tmp_path / "parts").mkdir()
    make_template(tmp_path / "parts" / "chu-ky.docx", ["CHỮ KÝ RIÊNG {{ ky[0].ho_ten }}"])
    out2 = Renderer().render_to_file(tpl, context("ke-hoach"), tmp_path / "b.docx")
    assert "CHỮ KÝ RIÊNG Nguyễn Tuấn Anh" in all_text(out2) and "Nơi nhận:" not in all_text(out2)


def test_compiled_once_and_recompiled_after_an_edit(tmp_path):
    tpl = make_template(tmp_path / "t.docx", ["Phiên bản một {{ vb.nam }}"])
    r = Renderer()
    first = r.compile(tpl)
    assert r.compile(tpl) is first
    r.render_to_file(tpl, context("ke-hoach"), tmp_path / "1.docx")
    make_template(tpl, ["Phiên bản hai, dài hơn {{ vb.nam }}"])
    out = r.render_to_file(tpl, context("ke-hoach"), tmp_path / "2.docx")
    assert "Phiên bản hai, dài hơn 2026" in all_text(out)


def _problem(tmp_path, paragraphs, out_name="out.docx"):
    tpl = make_template(tmp_path / "loi.docx", paragraphs)
    out = tmp_path / out_name
    with pytest.raises(TemplateProblem) as info:
        Renderer().render_to_file(tpl, context("ke-hoach"), out)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []   # no temporary file left
    return str(info.value)


def test_jinja_syntax_error_names_template_and_paragraph(tmp_path):
    msg = _problem(tmp_path, ["Mở đầu", "Đoạn hỏng {{ vb.nam ", "Kết thúc"])
    assert msg.startswith("Mẫu văn bản loi.docx: lỗi cú pháp (đoạn văn thứ 2 của mẫu): biểu thức hoặc thẻ viết sai")
    assert "→ Đoạn hỏng {{ vb.nam" in msg


def test_unknown_variable_is_reported_before_rendering(tmp_path):
    msg = _problem(tmp_path, ["Mở đầu", "Giá trị: {{ bien_khong_co }}", "Kết thúc"])
    assert "«bien_khong_co»" in msg and "→ Giá trị: {{ bien_khong_co }}" in msg
    assert "vb" in msg  # the variables that do exist are listed


def test_unknown_attribute_is_reported_with_its_paragraph(tmp_path):
    msg = _problem(tmp_path, ["Một", "Hai", "Số sai: {{ vb.so_hieu_sai }}", "Ba"])
    assert "so_hieu_sai" in msg and "→ Số sai: {{ vb.so_hieu_sai }}" in msg


def test_missing_part_is_named(tmp_path):
    msg = _problem(tmp_path, ['{%p include "khong-co-phan-nay" %}'])
    assert "«khong-co-phan-nay»" in msg


def test_tag_that_breaks_the_xml_is_caught(tmp_path):
    msg = _problem(tmp_path, ["Xin chào {% if vb.cong_van %}", "{%p endif %}", "Kết thúc"])
    assert "văn bản hỏng" in msg and "{%p %}" in msg


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04 broken"])
def test_broken_docx(tmp_path, content):
    tpl = tmp_path / "hong.docx"
    tpl.write_bytes(content)
    with pytest.raises(TemplateProblem, match="không phải là tệp .docx hợp lệ"):
        Renderer().render_to_file(tpl, context("ke-hoach"), tmp_path / "o.docx")
    assert not (tmp_path / "o.docx").exists()


def test_zip_without_document_part(tmp_path):
    tpl = tmp_path / "rong.docx"
    with zipfile.ZipFile(tpl, "w") as z:
        z.writestr("word/styles.xml", "<x/>")
    with pytest.raises(TemplateProblem, match="thiếu word/document.xml"):
        Renderer().compile(tpl)


def test_a_failed_render_keeps_the_previous_output(tmp_path):
    out = tmp_path / "bc.docx"
    out.write_bytes(b"old")
    tpl = make_template(tmp_path / "x.docx", ["{{ khong_co }}"])
    with pytest.raises(TemplateProblem):
        Renderer().render_to_file(tpl, context("ke-hoach"), out)
    assert out.read_bytes() == b"old"


def test_rendered_zip_is_complete(tmp_path):
    tpl = resolve_template("bao-cao")
    data = Renderer().render_bytes(tpl, context("bao-cao"))
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as z, zipfile.ZipFile(tpl) as t:
        assert z.testzip() is None
        assert z.namelist() == t.namelist()
        assert z.read("word/styles.xml") == t.read("word/styles.xml")


def test_cli_render_sample_and_template_error(tmp_path):
    out = tmp_path / "out.docx"
    proc = run_cli("render", "bao-cao", sample("chi_tieu_2026_lao_cai.xlsx"), "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "Ước thực hiện cả năm 2026, có" in all_text(out)
    bad = make_template(tmp_path / "bad.docx", ["{% for x in %}"])
    out2 = tmp_path / "out2.docx"
    proc = run_cli("render", "bao-cao", sample("chi_tieu_2026_lao_cai.xlsx"), "-o", out2, "--template", bad)
    assert proc.returncode == 2 and not out2.exists()
    assert "bad.docx" in proc.stderr and "cú pháp" in proc.stderr
    proc = run_cli("render", "quyet-dinh", sample("chi_tieu_2026_lao_cai.xlsx"), "-o", out2)
    assert proc.returncode == 2 and "không có loại văn bản" in proc.stderr
    proc = run_cli("render", "giao-chi-tieu", sample("chi_tieu_2026_lao_cai.xlsx"), "-o", out2)
    assert proc.returncode == 2 and "--agency" in proc.stderr and not out2.exists()


def test_a_report_from_a_plan_only_workbook_is_refused(tmp_path):
    """No results column: `render bao-cao` says why (exit 2) instead of a report of «chưa có số liệu»."""
    out = tmp_path / "bc.docx"
    proc = run_cli("render", "bao-cao", sample("chi_tieu_2026_ke_hoach.xlsx"), "-o", out)
    assert proc.returncode == 2, proc.stderr
    assert "không có cột kết quả thực hiện" in proc.stderr and "ke-hoach" in proc.stderr
    assert not out.exists()
    ok = run_cli("render", "ke-hoach", sample("chi_tieu_2026_ke_hoach.xlsx"), "-o", tmp_path / "kh.docx")
    assert ok.returncode == 0, ok.stderr
