"""lint and --fix on parts laid out unusually (review r2): a header or signature typed with tab stops
is «không kiểm tra được» and left alone by --fix; a công văn body sentence «Căn cứ …» is body; a fix
never makes another rule worse; unreadable files get a Vietnamese message (and JSON with --json)."""
from __future__ import annotations

import copy
import json
from itertools import zip_longest
from pathlib import Path

import pytest
from lxml import etree

import lint_corpus as corpus
from helpers import run_cli
from kh_excel.docs.lint import lint_docx
from kh_excel.docs.lint.fix import _worse, fix_docx
from kh_excel.docs.lint.report import FAIL, PASS, LintReport, Problem, RuleResult

W = "{%s}" % corpus.W_NS


def _build(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.docx"
    if name in corpus.CONFORMANT:
        return corpus.CONFORMANT[name](path)
    return corpus.BROKEN[name][1](path)


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(W + "t"))


def _tab_para(left: str, right: str) -> etree._Element:
    """One line with the left block, a tab, the right block: how offices type without a table."""
    p = etree.fromstring(f'<w:p {corpus.NSDECL}><w:r><w:rPr><w:sz w:val="26"/></w:rPr></w:r></w:p>')
    r = p.find(W + "r")
    for part in (left, right):
        etree.SubElement(r, W + "tab")
        etree.SubElement(r, W + "t").text = part
    return p


def _table_to_tabs(path: Path, which: int) -> Path:
    """Replace table `which` (0 header, -1 signature) by tab-separated lines, column by column."""
    root = etree.fromstring(corpus.zipfile.ZipFile(path).read("word/document.xml"))
    body = root.find(W + "body")
    tbl = body.findall(W + "tbl")[which]
    cols: list[list[str]] = []
    for tc in tbl.iter(W + "tc"):
        col = len(list(tc.itersiblings(preceding=True)))
        while len(cols) <= col:
            cols.append([])
        cols[col].extend(t for p in tc.iter(W + "p") if (t := _text(p).strip()))
    for left, right in zip_longest(*cols[:2], fillvalue=""):
        tbl.addprevious(_tab_para(left, right))
    body.remove(tbl)
    return corpus._rezip(path, {"word/document.xml": etree.tostring(root, xml_declaration=True, encoding="UTF-8")})


def _paras_xml(path: Path) -> list[bytes]:
    root = etree.fromstring(corpus.zipfile.ZipFile(path).read("word/document.xml"))
    return [etree.tostring(p) for p in root.find(W + "body").findall(W + "p")]


def test_header_typed_with_tab_stops_is_unchecked_not_missing_and_fix_leaves_it(tmp_path):
    src = _table_to_tabs(_build(tmp_path, "ke_hoach_nhieu_trang"), 0)
    report = lint_docx(src)
    for rid in ("quoc_hieu.present", "so_ky_hieu.present", "dia_danh_ngay.present", "co_quan_ban_hanh.size"):
        assert report.rule(rid).status == "unchecked" and "tab" in report.rule(rid).note, report.to_text()
    assert report.rule("ten_loai.present").status == PASS
    assert report.ok, report.to_text()       # the header lines are not body either
    out = tmp_path / "sua.docx"
    fix_docx(src, out)
    assert _paras_xml(out)[:4] == _paras_xml(src)[:4]


def test_signature_typed_with_tab_stops_is_unchecked_and_its_text_untouched(tmp_path):
    src = _table_to_tabs(_build(tmp_path, "bao_cao_mot_trang_kinh_gui"), -1)
    report = lint_docx(src)
    for rid in ("quyen_han.present", "noi_nhan_item.format", "noi_nhan_label.size"):
        assert report.rule(rid).status == "unchecked", report.to_text()
    assert report.ok, report.to_text()
    out = tmp_path / "sua.docx"
    result = fix_docx(src, out)
    assert not result.text_changes and _paras_xml(out)[-8:] == _paras_xml(src)[-8:]


def test_a_cong_van_body_sentence_starting_can_cu_is_body(tmp_path):
    src = _build(tmp_path, "cong_van_kinh_gui_nhieu_noi")
    from kh_excel.docs.lint.parts import find_parts
    from kh_excel.docs.lint.reader import Docx
    doc = Docx(src)
    first = find_parts(doc).body[0].el
    p = copy.deepcopy(first)
    ts = list(p.iter(W + "t"))
    ts[0].text = ("Căn cứ Kế hoạch số 04/KH-UBND ngày 12 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh, "
                  "Sở Tài chính đề nghị các cơ quan, đơn vị thực hiện như sau:")
    for t in ts[1:]:
        t.text = ""
    first.addprevious(p)
    corpus._rezip(src, {"word/document.xml": etree.tostring(doc.doc, xml_declaration=True, encoding="UTF-8")})
    report = lint_docx(src)
    assert report.ok and report.rule("can_cu.format").status == "n/a", report.to_text()
    result = fix_docx(src, tmp_path / "sua.docx")
    assert not result.fixed


def test_two_line_agency_name_is_one_element(tmp_path):
    """«ỦY BAN NHÂN DÂN» / «TỈNH LÀO CAI» not bold: both lines are the cơ quan ban hành, bolded together."""
    src = _build(tmp_path, "ke_hoach_ban_hanh_khong_dam")
    report = lint_docx(src)
    assert report.failed() == ["co_quan_ban_hanh.bold"]
    assert len(report.rule("co_quan_ban_hanh.bold").problems) == 2
    result = fix_docx(src, tmp_path / "sua.docx")
    assert result.after.ok and "co_quan_ban_hanh.bold" in result.fixed, result.after.to_text()


def test_a_fix_that_makes_a_rule_worse_is_found():
    before = LintReport("x", [RuleResult("a.bold", "", status=FAIL, problems=[Problem("p", "m")]),
                              RuleResult("a.rule_line", ""), RuleResult("b.size", "", status=FAIL,
                                                                        problems=[Problem("p", "m")])])
    after = LintReport("x", [RuleResult("a.bold", ""), RuleResult("a.rule_line", "", status=FAIL,
                                                                  problems=[Problem("p", "m")]),
                             RuleResult("b.size", "", status=FAIL, problems=[Problem("p", "m")] * 2)])
    assert _worse(before, after) == {"a.rule_line", "b.size"}
    assert _worse(before, before) == set()


def test_unreadable_file_with_json_prints_a_json_error_in_vietnamese(tmp_path):
    bad = tmp_path / "hỏng.docx"
    src = _build(tmp_path, "thong_bao_mot_trang")
    laughs = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
              + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8))
              + ']><w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>'
              % corpus.W_NS)
    bad.write_bytes(src.read_bytes())
    corpus._rezip(bad, {"word/document.xml": laughs.encode()})
    proc = run_cli("lint", "--json", bad)
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    assert data["ok"] is False and str(bad) in data["error"] and "Không đọc được tệp" in data["error"]
    assert not any(w in data["error"].lower() for w in ("amplification", "entity", "error", "line "))


def test_password_protected_docx_says_so(tmp_path):
    path = tmp_path / "mat_khau.docx"
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path.write_bytes(head + "EncryptionInfo".encode("utf-16-le").ljust(512, b"\x00"))
    proc = run_cli("lint", path)
    assert proc.returncode == 2 and "mật khẩu" in proc.stderr and "dạng cũ" not in proc.stderr


@pytest.mark.parametrize("name", list(corpus.NOTICES)[:1])
def test_package_notices_have_notice_status_in_json(tmp_path, name):
    path = corpus.NOTICES[name][1](tmp_path / f"{name}.docx")
    proc = run_cli("lint", "--json", path)
    data = json.loads(proc.stdout)
    rule = next(r for r in data["rules"] if r["id"] == corpus.NOTICES[name][0])
    assert rule["status"] == "notice" and rule["status_vi"] == "lưu ý"
    assert not [r for r in data["rules"] if r["status"] == "fail"]


def test_one_page_main_text_before_an_appendix_needs_no_page_number(tmp_path):
    """nd30 I.7: a one-page text is not numbered; its appendix, a section of its own, is numbered apart."""
    from dataclasses import replace
    spec = replace(corpus.SPECS["bao_cao_mot_trang_kinh_gui"], appendix=corpus.SPECS["bao_cao_phu_luc"].appendix)
    path = corpus.build(spec, tmp_path / "mot_trang_phu_luc.docx")
    report = lint_docx(path)
    assert report.rule("page_number.present").status in (PASS, FAIL)
    assert not [p for p in report.rule("page_number.present").problems if p.where == "phần 1"], report.to_text()


@pytest.mark.parametrize("line, fixed", [
    ("Lào Cai ngày 12 tháng 3 năm 2026", "Lào Cai, ngày 12 tháng 3 năm 2026"),
    ("Hà Nội, ngày 5 tháng 1 năm 2026", "Hà Nội, ngày 05 tháng 01 năm 2026"),
    ("Thành phố Hồ Chí Minh ngày 01 tháng 02 năm 2026", "Thành phố Hồ Chí Minh, ngày 01 tháng 02 năm 2026"),
])
def test_date_line_fix_adds_the_comma_after_the_place(line, fixed):
    from kh_excel.docs.lint.fix import fixed_date_line
    assert fixed_date_line(line) == fixed
