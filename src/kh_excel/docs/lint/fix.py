"""`kh-excel lint --fix`: a copy of the document with the safe fixes applied.

Safe means the words stay as written: page size and margins, typeface, colour, size,
weight, slant and alignment per element, single spacing of the quốc hiệu and tiêu ngữ,
the V/v gap, the body's first-line indent, paragraph and line spacing, and page numbers
from page 2 change formatting only. Two fixes change
text, and are listed as such: the leading zeros of the date («ngày 5 tháng 1» →
«ngày 05 tháng 01», «tháng 03» → «tháng 3», in the header and the «Kèm theo» line) and
the punctuation of the Nơi nhận lines. Everything else is left and listed as not fixed.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from kh_excel.docs import nd30, vn
from kh_excel.docs.lint import lint_parts
from kh_excel.docs.lint.parts import Parts, find_parts
from kh_excel.docs.lint.reader import R_NS, TWIPS_PER_MM, W, Docx, LintError, Para, _w
from kh_excel.docs.lint.report import FAIL, LintReport
from kh_excel.docs.lint.rules import page_field

E = nd30.ELEMENTS
_PROPS_FIXED = ("size", "bold", "italic", "align", "line_spacing")
HEADER_NAME = "word/header_kh_so_trang.xml"
HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"


# why a rule is left to the author, by property
WHY_NOT = {
    "present": "thiếu phần này: người soạn phải viết",
    "position": "phải chuyển đoạn văn vào đúng chỗ (sửa bố cục, người soạn làm)",
    "order": "phải sắp xếp lại các phần (người soạn làm)",
    "format": "sửa sẽ làm thay đổi chữ của văn bản",
    "case": "sửa sẽ làm thay đổi chữ của văn bản (chữ hoa, chữ thường)",
    "rule_line": "đường kẻ phải vẽ lại theo độ dài dòng chữ (người soạn làm)",
    "borders": "bảng phải ẩn viền (người soạn làm, tránh làm lệch bảng)",
    "orientation": "đổi hướng trang làm thay đổi bố cục cả văn bản",
    "": "không sửa tự động được: người soạn sửa",
}


@dataclass
class FixResult:
    output: Path
    fixed: list[str] = field(default_factory=list)         # rule ids fixed
    text_changes: list[str] = field(default_factory=list)  # «old» → «new» of the text fixes
    not_fixed: list[tuple[str, str]] = field(default_factory=list)   # (rule id, why)
    attempted: list[str] = field(default_factory=list)   # rule ids a fix was applied for
    after: LintReport | None = None


# ------------------------------------------------------------------ run and paragraph edits


def _child(parent, tag: str, first: bool = False):
    el = parent.find(_w(tag))
    if el is None:
        el = etree.Element(_w(tag))
        if first:
            parent.insert(0, el)
        else:
            parent.append(el)
    return el


def _rpr(run):
    return _child(run, "rPr", first=True)


def _runs(p: Para):
    return [r for r in p.el.iter(_w("r")) if any(t.text and t.text.strip() for t in r.iter(_w("t")))]


def set_runs(p: Para, *, size: float | None = None, bold: bool | None = None, italic: bool | None = None,
             font: bool = False, black: bool = False) -> None:
    for r in _runs(p):
        rpr = _rpr(r)
        if size is not None:
            for tag in ("sz", "szCs"):
                _child(rpr, tag).set(_w("val"), str(int(round(size * 2))))
        for tag, want in (("b", bold), ("bCs", bold), ("i", italic), ("iCs", italic)):
            if want is not None:
                el = _child(rpr, tag)
                el.attrib.clear()
                if not want:
                    el.set(_w("val"), "0")
        if font:
            f = _child(rpr, "rFonts", first=True)
            f.attrib.clear()
            for a in ("ascii", "hAnsi", "cs", "eastAsia"):
                f.set(_w(a), nd30.FONT)
        if black:
            c = _child(rpr, "color")
            c.attrib.clear()
            c.set(_w("val"), "000000")


def _ppr(p: Para):
    return _child(p.el, "pPr", first=True)


def set_par(p: Para, *, align: str | None = None, single: bool = False, before_pt: float | None = None) -> None:
    ppr = _ppr(p)
    if align is not None:
        _child(ppr, "jc").set(_w("val"), align)
    if single or before_pt is not None:
        sp = _child(ppr, "spacing")
        if single:
            sp.set(_w("line"), "240")
            sp.set(_w("lineRule"), "auto")
        if before_pt is not None:
            sp.set(_w("before"), str(int(before_pt * 20)))


def _set_indent(p: Para) -> None:
    ind = _child(_ppr(p), "ind")
    ind.attrib.pop(_w("hanging"), None)
    ind.set(_w("firstLine"), str(vn.mm_to_twips(nd30.FIRST_LINE_INDENT_PREFERRED_MM)))


def _set_line(p: Para) -> None:
    sp = _child(_ppr(p), "spacing")
    sp.set(_w("line"), str(nd30.BODY_LINE_PREFERRED))
    sp.set(_w("lineRule"), "auto")


def replace_text(p: Para, new: str) -> bool:
    """Put `new` in place of the paragraph's text, keeping each run's formatting where the
    change is inside one w:t (the usual case); else the whole text goes to the first w:t."""
    ts = [t for t in p.el.iter(_w("t"))]
    old = "".join(t.text or "" for t in ts)
    if not ts or old == new:
        return False
    # common prefix/suffix: the edit is the middle part
    a = 0
    while a < min(len(old), len(new)) and old[a] == new[a]:
        a += 1
    b = 0
    while b < min(len(old), len(new)) - a and old[-1 - b] == new[-1 - b]:
        b += 1
    pos = 0
    for t in ts:
        text = t.text or ""
        if pos <= a and len(old) - b <= pos + len(text):
            start = a - pos
            end = len(old) - b - pos
            t.text = text[:start] + new[a:len(new) - b] + text[end:]
            return True
        pos += len(text)
    ts[0].text = new
    for t in ts[1:]:
        t.text = ""
    return True


# ------------------------------------------------------------------ text fixes


def fixed_date(text: str) -> str:
    """«ngày 5 tháng 1» → «ngày 05 tháng 01»; «tháng 03» → «tháng 3» (nd30.md)."""
    text = re.sub(r"(ngày\s+)0*(\d{1,2})\b", lambda m: m.group(1) + vn.day_text(int(m.group(2))), text)
    return re.sub(r"(tháng\s+)0*(\d{1,2})\b", lambda m: m.group(1) + vn.month_text(int(m.group(2))), text)


def fixed_date_line(text: str) -> str:
    """The header's date line: the date words fixed, and the comma after the place («Lào Cai, ngày …»)."""
    return fixed_date(re.sub(r"^(\s*[^,\s][^,\t]{1,39}?)\s+(ngày\s)", r"\1, \2", text, count=1))


def fixed_noi_nhan(text: str, last: bool) -> str | None:
    """The item with its dash and end mark; None when it cannot be fixed without rewording."""
    t = text.rstrip()
    body = re.sub(r"^\s*[-–—•]?\s*", "", t)
    body = re.sub(r"[\s;.,:]+$", "", body)
    if not body or ";" in body or (last and not re.match(r"^Lưu\s*:", body)):
        return None
    return f"- {body}{'.' if last else ';'}"


# ------------------------------------------------------------------ page and page numbers


def _fix_page(doc: Docx) -> None:
    w, h = (round(x * TWIPS_PER_MM) for x in nd30.PAGE_MM)
    for s in doc.sections:
        pg = _child(s.sect_pr, "pgSz")
        landscape = s.width > s.height
        pg.set(_w("w"), str(h if landscape else w))
        pg.set(_w("h"), str(w if landscape else h))
        if landscape:
            pg.set(_w("orient"), "landscape")
        else:
            pg.attrib.pop(_w("orient"), None)


def _fix_margins(doc: Docx) -> None:
    for s in doc.sections:
        mar = _child(s.sect_pr, "pgMar")
        for side, (low, high) in nd30.MARGINS_MM.items():
            v = s.margins.get(side)
            mm = v / TWIPS_PER_MM if v is not None else nd30.MARGINS_PREFERRED_MM[side]
            mm = min(max(mm, low), high)
            mar.set(_w(side), str(round(mm * TWIPS_PER_MM)))
        for attr, default in (("header", nd30.HEADER_DISTANCE_MM), ("footer", nd30.HEADER_DISTANCE_MM),
                              ("gutter", 0)):
            if mar.get(_w(attr)) is None:
                mar.set(_w(attr), str(round(default * TWIPS_PER_MM)))


def _number_header_xml() -> bytes:
    size = int(E["page_number"].preferred * 2)
    rp = (f'<w:rPr><w:rFonts w:ascii="{nd30.FONT}" w:hAnsi="{nd30.FONT}" w:cs="{nd30.FONT}" '
          f'w:eastAsia="{nd30.FONT}"/><w:i w:val="0"/><w:color w:val="000000"/><w:sz w:val="{size}"/>'
          f'<w:szCs w:val="{size}"/></w:rPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W}" '
            f'xmlns:r="{R_NS}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
            f'<w:r>{rp}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{rp}<w:instrText xml:space="preserve"> PAGE '
            f'</w:instrText></w:r><w:r>{rp}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{rp}<w:t>2</w:t></w:r>'
            f'<w:r>{rp}<w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>').encode()


class _Package:
    """The parts a fix rewrites: document, headers and footers, relationships, content types."""

    def __init__(self, doc: Docx):
        self.doc = doc
        self.parts: dict[str, etree._Element] = {}
        self.added: dict[str, bytes] = {}

    def part(self, name: str) -> etree._Element:
        if name not in self.parts:
            self.parts[name] = etree.fromstring(self.doc.files[name],
                                                parser=etree.XMLParser(resolve_entities=False))
        return self.parts[name]

    def add_number_header(self) -> str:
        """A header part with the centred PAGE field; returns its relationship id."""
        rels = self.part("word/_rels/document.xml.rels")
        rid = "rIdKhSoTrang"
        if HEADER_NAME not in self.added:
            self.added[HEADER_NAME] = _number_header_xml()
            rel = etree.SubElement(rels, "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship")
            rel.set("Id", rid)
            rel.set("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header")
            rel.set("Target", HEADER_NAME.removeprefix("word/"))
            types = self.part("[Content_Types].xml")
            o = etree.SubElement(types, "{http://schemas.openxmlformats.org/package/2006/content-types}Override")
            o.set("PartName", "/" + HEADER_NAME)
            o.set("ContentType", HEADER_TYPE)
        return rid


def _paras_of(pkg: _Package, name: str) -> list[Para]:
    root = pkg.part(name)
    doc = pkg.doc
    saved = doc.paragraphs
    doc.paragraphs = []
    out = [doc.make_para(p, 0, None) for p in root.iter(_w("p"))]
    doc.paragraphs = saved
    return out


def _drop_number(pkg: _Package, name: str) -> None:
    """Remove the paragraphs holding a PAGE field from a header or footer part."""
    for p in _paras_of(pkg, name):
        if page_field([p]) is not None:
            parent = p.el.getparent()
            parent.replace(p.el, etree.Element(_w("p")))


def _fix_page_numbers(pkg: _Package, parts: Parts, report: LintReport) -> None:
    doc = parts.doc
    status = {r.id: r for r in report.rules}
    need = status["page_number.present"].status != "n/a" or any(
        status[i].status == FAIL for i in ("page_number.first_page", "page_number.position"))
    for s in doc.sections:
        for name in s.footers.values():
            if name in doc.files and page_field(_paras_of(pkg, name)):
                _drop_number(pkg, name)
    if not need:
        return
    first = doc.sections[0]
    _child(first.sect_pr, "titlePg", first=False)
    if first.headers.get("first") in doc.files:
        _drop_number(pkg, first.headers["first"])
    default = None
    for s in doc.sections:
        default = s.headers.get("default", default)
        numbered = default in doc.files and page_field(_paras_of(pkg, default))
        if not numbered:
            rid = pkg.add_number_header()
            for ref in s.sect_pr.findall(_w("headerReference")):
                if ref.get(_w("type"), "default") == "default":
                    s.sect_pr.remove(ref)
            ref = etree.Element(_w("headerReference"))
            ref.set(_w("type"), "default")
            ref.set(f"{{{R_NS}}}id", rid)
            s.sect_pr.insert(0, ref)
        else:
            for p in _paras_of(pkg, default):
                if page_field([p]) is not None:
                    set_par(p, align="center")
                    for r in p.el.iter(_w("r")):
                        rpr = _rpr(r)
                        for tag in ("sz", "szCs"):
                            _child(rpr, tag).set(_w("val"), str(int(E["page_number"].preferred * 2)))
                        el = _child(rpr, "i")
                        el.attrib.clear()
                        el.set(_w("val"), "0")
    if parts.appendix is not None and parts.appendix.section > 0:
        sec = doc.sections[min(parts.appendix.section, len(doc.sections) - 1)]
        if sec.pg_start != 1:
            _child(sec.sect_pr, "pgNumType").set(_w("start"), "1")


# ------------------------------------------------------------------ the fix


def _element_paras(parts: Parts, element: str) -> list[Para]:
    from kh_excel.docs.lint.rules import ELEMENT_PARAS
    if element in ELEMENT_PARAS:
        return ELEMENT_PARAS[element](parts)
    if element == "body":
        return parts.body
    if element == "heading":
        return [p for _, p in parts.headings] + parts.title_lines
    if element == "phu_luc_table":
        return [p for _, _, ps in parts.appendix_tables for p in ps if p.stripped]
    return []


TRACKED_WHY = "nằm trong phần thay đổi đang theo dõi (track changes): chấp nhận hoặc từ chối thay đổi trước"
WORSE_WHY = "sửa sẽ làm một quy tắc đang đạt trở thành không đạt: không sửa, người soạn sửa"


def _tracked(p: Para) -> bool:
    """Whether the paragraph holds a tracked insertion: formatting it would not be recorded as a change."""
    return p.el.find(f".//{_w('ins')}") is not None or any(a.tag == _w("ins") for a in p.el.iterancestors())


def _worse(before: LintReport, after: LintReport) -> set[str]:
    """Rules a fix made worse: passing before and failing after, or failing in more places."""
    old = {r.id: r for r in before.rules}
    out = set()
    for r in after.rules:
        b = old.get(r.id)
        if r.status == FAIL and b is not None and (b.status != FAIL or len(r.problems) > len(b.problems)):
            out.add(r.id)
    return out


def _write(src: Path, doc: Docx, pkg: _Package, tmp: Path) -> None:
    files = dict(doc.files)
    files["word/document.xml"] = etree.tostring(doc.doc, xml_declaration=True, encoding="UTF-8", standalone=True)
    for name, root in pkg.parts.items():
        files[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = files[info.filename] if info.filename in files else zin.read(info.filename)
            zout.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        for name, data in pkg.added.items():
            zout.writestr(name, data)


def fix_docx(src: str | Path, dst: str | Path) -> FixResult:
    """Write a fixed copy of `src` to `dst` (atomically, never onto `src`).

    The copy is linted before it is written: a fix that makes a rule worse (a passing rule failing,
    or a failing one failing in more places) is rolled back with every fix of the same element."""
    import tempfile

    from kh_excel.docs.lint import lint_docx
    from kh_excel.io.atomic import check_output, write_atomic

    src, dst = Path(src), Path(dst)
    check_output(dst, [src])
    before = lint_docx(src)
    disabled: set[str] = set()
    while True:
        doc, pkg, result = _apply(src, dst, disabled)
        with tempfile.TemporaryDirectory() as td:
            trial = Path(td) / "thu.docx"
            _write(src, doc, pkg, trial)
            worse = _worse(before, lint_docx(trial))
        if not worse:
            break
        elements = {w.split(".", 1)[0] for w in worse}
        culprits = {rid for rid in result.attempted if rid in worse or rid.split(".", 1)[0] in elements}
        disabled |= culprits or set(result.attempted)   # no culprit known: make no fix rather than a harmful one
        if not result.attempted:
            break
    write_atomic(dst, lambda tmp: _write(src, doc, pkg, tmp), [src])
    result.after = lint_docx(dst)
    still = set(result.after.failed())
    result.fixed = [r for r in result.fixed if r not in still]
    if any(n.startswith("_xmlsignatures/") for n in doc.names):
        result.not_fixed.append(("package.signature", "bản sao đã sửa không còn chữ ký số hợp lệ: cần ký lại"))
    noted = {rid for rid, _ in result.not_fixed}
    for rid in result.after.failed():
        if rid in noted:
            continue
        why = WORSE_WHY if rid in disabled else WHY_NOT.get(rid.split(".", 1)[1], WHY_NOT[""])
        result.not_fixed.append((rid, why))
    return result


def _apply(src: Path, dst: Path, disabled: set[str]) -> tuple[Docx, _Package, FixResult]:
    """Read `src` afresh and apply every fix but the `disabled` ones, in memory."""
    doc = Docx(src)
    parts = find_parts(doc)
    report = lint_parts(parts, str(src))
    result = FixResult(dst)
    pkg = _Package(doc)
    failed = {r.id: r for r in report.rules if r.status == FAIL and r.severity == "error" and r.id not in disabled}
    tracked: set[str] = set()

    def done(rid: str) -> None:
        if rid in failed and rid not in result.fixed:
            result.fixed.append(rid)
            result.attempted.append(rid)

    def free(rid: str, p: Para) -> bool:
        if _tracked(p):
            if rid not in tracked:
                tracked.add(rid)
                result.not_fixed.append((rid, TRACKED_WHY))
            return False
        return True

    if "page.size" in failed:
        _fix_page(doc)
        done("page.size")
    if "page.margins" in failed:
        _fix_margins(doc)
        done("page.margins")
    if "font.font" in failed or "color.value" in failed:
        for p in parts.paras:
            set_runs(p, font="font.font" in failed, black="color.value" in failed)
        for s in doc.sections:
            for name in list(s.headers.values()) + list(s.footers.values()):
                if name in doc.files:
                    for p in _paras_of(pkg, name):
                        set_runs(p, font="font.font" in failed, black="color.value" in failed)
        done("font.font")
        done("color.value")
    for rid in list(failed):
        element, prop = rid.split(".", 1)
        if prop not in _PROPS_FIXED or element not in E or element.startswith(("page_number", "phu_luc_heading")):
            continue
        e = E[element]
        targets = {pr.paragraph for pr in failed[rid].problems if pr.paragraph}
        if element == "phu_luc_table":   # the report names the first few cells only
            targets = {p.index for p in _element_paras(parts, element)}
        for p in _element_paras(parts, element):
            if p.index not in targets or not free(rid, p):
                continue
            if prop == "size":
                set_runs(p, size=e.preferred)
            elif prop == "bold" and e.bold is not None:
                set_runs(p, bold=e.bold)
            elif prop == "italic":
                set_runs(p, italic=bool(e.italic) if element not in ("body", "heading") else False)
            elif prop == "align":
                set_par(p, align=e.align or "both")
            elif prop == "line_spacing" and element in ("quoc_hieu", "tieu_ngu"):
                set_par(p, single=True)
        if prop != "line_spacing" or element in ("quoc_hieu", "tieu_ngu"):
            done(rid)
    body_fixes = {"body.indent": lambda p: _set_indent(p), "body.spacing": lambda p: set_par(p, before_pt=max(
        nd30.BODY_SPACING_MIN_PT, p.props.before / 20)), "body.line_spacing": lambda p: _set_line(p)}
    for rid, apply in body_fixes.items():
        if rid in failed:
            targets = {pr.paragraph for pr in failed[rid].problems}
            for p in parts.body:
                if p.index in targets and free(rid, p):
                    apply(p)
            done(rid)
    if "heading.bold" in failed:
        targets = {pr.paragraph for pr in failed["heading.bold"].problems}
        for key, p in parts.headings:
            if p.index in targets and key != "dieu" and free("heading.bold", p):
                set_runs(p, bold=True)
        done("heading.bold")
    if parts.appendix is not None:
        head = [parts.appendix] + parts.appendix_titles
        kem = [parts.appendix_kem_theo] if parts.appendix_kem_theo is not None else []
        for rid, apply in (("phu_luc_heading.italic", lambda: [set_runs(p, italic=True) for p in kem]),
                           ("phu_luc_heading.bold", lambda: [set_runs(p, bold=True) for p in head]),
                           ("phu_luc_heading.align", lambda: [set_par(p, align="center") for p in head + kem]),
                           ("phu_luc_heading.size", lambda: [set_runs(p, size=E["phu_luc_heading"].preferred)
                                                             for p in head + kem])):
            if rid in failed:
                apply()
                done(rid)
    if "vv.spacing" in failed and parts.vv:
        set_par(parts.vv[0], before_pt=nd30.VV_GAP_PT)
        done("vv.spacing")
    if "dia_danh_ngay.format" in failed and parts.date is not None:
        for p in [parts.date] + ([parts.appendix_kem_theo] if parts.appendix_kem_theo is not None else []):
            new = fixed_date_line(p.text) if p is parts.date else fixed_date(p.text)
            if new != p.text and replace_text(p, new):
                result.text_changes.append(f"«{p.text.strip()}» → «{new.strip()}»")
        done("dia_danh_ngay.format")
    if "noi_nhan_item.format" in failed:
        items = parts.noi_nhan_items
        new_texts = [fixed_noi_nhan(p.text, n == len(items) - 1) for n, p in enumerate(items)]
        if None not in new_texts and all(free("noi_nhan_item.format", p) for p in items):
            # all or nothing: the last item («- Lưu: …») must be the last line, ending in «.»
            for p, new in zip(items, new_texts):
                if new != p.text.strip() and replace_text(p, p.text[:len(p.text) - len(p.text.lstrip())] + new):
                    result.text_changes.append(f"«{p.text.strip()}» → «{new}»")
            done("noi_nhan_item.format")
    number_rules = [r for r in failed if r.startswith("page_number.")]
    if number_rules or "phu_luc_heading.position" in failed:
        _fix_page_numbers(pkg, parts, report)
        for rid in number_rules:
            done(rid)
        if "phu_luc_heading.position" in failed and all("đánh số trang riêng (bắt đầu lại" in p.message
                                                        for p in failed["phu_luc_heading.position"].problems):
            done("phu_luc_heading.position")

    return doc, pkg, result


def fix_text(result: FixResult) -> str:
    lines = [f"Đã ghi {result.output}"]
    if result.fixed:
        lines.append("Đã sửa: " + ", ".join(result.fixed))
    for change in result.text_changes:
        lines.append(f"    • sửa chữ: {change}")
    if result.not_fixed:
        lines.append("Không tự sửa (cần người soạn sửa):")
        for rid, why in result.not_fixed:
            lines.append(f"    • {rid}: {why}")
    else:
        lines.append("Văn bản đã sửa đạt mọi quy tắc kiểm tra được.")
    return "\n".join(lines)


__all__ = ["FixResult", "LintError", "fix_docx", "fix_text", "fixed_date", "fixed_date_line", "fixed_noi_nhan"]
