"""Build the bundled Decree 30 templates and their shared parts, reproducibly.

    python templates/build_templates.py            # writes templates/*.docx and templates/parts/*.docx

The .docx files it writes are the product: staff open and edit them in Word or
LibreOffice. Shared parts (header block, title block, signature block with Nơi nhận,
appendix heading, appendix tables) live in `parts/*.docx`, one file each, and the
document templates pull them in with ordinary Jinja: a paragraph reading
`{%p include "tieu-de" %}`. The renderer resolves the include at render time, so a
part edited in Word changes every document that uses it, and a template a user writes
from scratch can include the same parts. This script draws every part once, from the
Decree 30 spec (`kh_excel.docs.nd30`: sizes, weight, slant, alignment,
spacing) through the drawing helpers of `kh_excel.docs.layout`.
"""
from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.oxml import parse_xml

from kh_excel.docs import kinds
from kh_excel.docs import layout as L
from kh_excel.docs import nd30
from kh_excel.docs.vn import mm_to_twips, text_width_pt

HERE = Path(__file__).resolve().parent
PARTS = HERE / "parts"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# ------------------------------------------------------------------ XML helpers


def P(*runs: str, **kw) -> str:
    return f"<w:p>{L.ppr(**kw)}{''.join(runs)}</w:p>"


def R(text: str, size: float | None = None, bold: bool | None = None, italic: bool | None = None) -> str:
    return L.run(text, size, bold, italic)


def tag(text: str) -> str:
    """A paragraph holding only a Jinja control tag; the renderer removes the paragraph."""
    return P(R(text, size=10), align="left", first_line_mm=0)


def centred(text: str, size: float, bold: bool | None = None, italic: bool | None = None,
            before: float = 0, after: float = 0, keep_next: bool = False) -> str:
    return P(R(text, size, bold, italic), align="center", first_line_mm=0, before_pt=before,
             after_pt=after, keep_next=keep_next)


def el(name: str, text: str, slant: bool = False, keep_next: bool = False) -> str:
    """One element of the Decree 30 spec drawn with its preferred size, weight, alignment and spacing;
    `slant` states the slant explicitly (where the part must not inherit one)."""
    e = nd30.ELEMENTS[name]
    return P(R(text, e.preferred, e.bold, e.italic if slant else None), align=e.align, first_line_mm=0,
             before_pt=e.before_pt or 0, keep_next=keep_next)


def body(text: str, bold: bool = False, italic: bool = False, keep_next: bool = False) -> str:
    """A body paragraph: Normal style (14 pt, justified, 1.27 cm first line, 6 pt before)."""
    rp = ""
    if bold or italic:
        rp = "<w:rPr>" + ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "") + "</w:rPr>"
    pp = "<w:pPr><w:keepNext/></w:pPr>" if keep_next else ""
    return f'<w:p>{pp}<w:r>{rp}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def heading(text: str) -> str:
    """'I. TÊN MỤC' and '1. Tên mục': Normal paragraph, bold, kept with the next one."""
    return (f'<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')


def loop_paragraphs(var: str, item: str = "x", bold: bool = False, italic: bool = False,
                    keep_next: bool = False) -> list[str]:
    return [tag(f"{{%p for {item} in {var} %}}"), body(f"{{{{ {item} }}}}", bold, italic, keep_next),
            tag("{%p endfor %}")]


def closing() -> list[str]:
    """The closing paragraph(s) ('…/.') kept with the signature table, which never splits: the
    signature never starts a page alone (LibreOffice and Word both honour keepNext before a table)."""
    return loop_paragraphs("nd.ket_thuc", keep_next=True)


def tc(width_mm: float, paragraphs: list[str], v_align: str | None = None, span: int = 1, merge: str = "") -> str:
    pr = f'<w:tcW w:w="{mm_to_twips(width_mm)}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    pr += merge  # a `{{ r.gop_… }}` tag: the vMerge of a cell the sheet merges over an indicator's rows
    if v_align:
        pr += f'<w:vAlign w:val="{v_align}"/>'
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{''.join(paragraphs) or '<w:p/>'}</w:tc>"


def tr(cells: list[str], header: bool = False, cant_split: bool = True) -> str:
    pr = ("<w:cantSplit/>" if cant_split else "") + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{pr}</w:trPr>{''.join(cells)}</w:tr>"


def tbl(widths_mm: list[float], rows: list[str], borders: bool, cell_margin_mm: float = 0.0) -> str:
    total = sum(mm_to_twips(w) for w in widths_mm)
    edge = ("single", 4) if borders else ("nil", 0)
    b = "".join(f'<w:{side} w:val="{edge[0]}" w:sz="{edge[1]}" w:space="0" w:color="000000"/>'
                for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    m = mm_to_twips(cell_margin_mm)
    pr = (f'<w:tblW w:w="{total}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{b}</w:tblBorders>'
          f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{m}" w:type="dxa"/>'
          f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{m}" w:type="dxa"/></w:tblCellMar>'
          f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>')
    grid = "".join(f'<w:gridCol w:w="{mm_to_twips(w)}"/>' for w in widths_mm)
    return f"<w:tbl><w:tblPr>{pr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def tag_row(text: str, widths_mm: list[float]) -> str:
    """A table row holding a `{%tr … %}` tag; the renderer removes the row."""
    return tr([tc(sum(widths_mm), [P(R(text, size=10), align="left", first_line_mm=0)], span=len(widths_mm))],
              cant_split=False)


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W_NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{L.FONT}" w:eastAsia="{L.FONT}" w:hAnsi="{L.FONT}" w:cs="{L.FONT}"/>
<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>
<w:pPr><w:widowControl/><w:spacing w:before="{L.BODY_SPACING_PT * 20}" w:after="0" w:line="{L.BODY_LINE}" w:lineRule="auto"/>
<w:ind w:firstLine="{mm_to_twips(L.FIRST_LINE_INDENT_MM)}"/><w:jc w:val="both"/></w:pPr>
<w:rPr><w:rFonts w:ascii="{L.FONT}" w:eastAsia="{L.FONT}" w:hAnsi="{L.FONT}" w:cs="{L.FONT}"/><w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr>
<w:rPr><w:sz w:val="{L.SIZE['page_number'] * 2}"/><w:szCs w:val="{L.SIZE['page_number'] * 2}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
<w:pPr><w:spacing w:before="0" w:after="0"/><w:ind w:firstLine="0"/></w:pPr></w:style>
</w:styles>"""

PAGE_FIELD = (
    "<w:r>{rp}<w:fldChar w:fldCharType=\"begin\"/></w:r>"
    "<w:r>{rp}<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
    "<w:r>{rp}<w:fldChar w:fldCharType=\"separate\"/></w:r>"
    "<w:r>{rp}<w:t>2</w:t></w:r>"
    "<w:r>{rp}<w:fldChar w:fldCharType=\"end\"/></w:r>"
)


# ------------------------------------------------------------------ document skeleton


class Doc:
    """A python-docx package with our styles, A4 sections and page-number headers."""

    def __init__(self, landscape: bool = False, page_numbers: bool = True):
        self.doc = Document()
        styles_part = self.doc.part._styles_part
        styles_part._element = parse_xml(STYLES.encode("utf-8"))
        body = self.doc.element.body
        for child in list(body):
            if not child.tag.endswith("sectPr"):
                body.remove(child)
        self.page_numbers = page_numbers
        self._setup_section(self.doc.sections[0], landscape, restart=False)
        props = self.doc.core_properties
        props.author = "kh_excel"
        props.title = ""
        props.comments = ""
        props.language = "vi-VN"

    def _setup_section(self, section, landscape: bool, restart: bool) -> None:
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm

        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width = Mm(L.PAGE_H_MM if landscape else L.PAGE_W_MM)
        section.page_height = Mm(L.PAGE_W_MM if landscape else L.PAGE_H_MM)
        section.top_margin = Mm(L.MARGIN_MM["top"])
        section.bottom_margin = Mm(L.MARGIN_MM["bottom"])
        section.left_margin = Mm(L.MARGIN_MM["left"])
        section.right_margin = Mm(L.MARGIN_MM["right"])
        section.header_distance = Mm(L.HEADER_DISTANCE_MM)
        section.footer_distance = Mm(L.HEADER_DISTANCE_MM)
        if not self.page_numbers:
            return
        section.different_first_page_header_footer = True
        header = section.header
        header.is_linked_to_previous = False
        first = section.first_page_header
        first.is_linked_to_previous = False
        rp = L.rpr(size=L.SIZE["page_number"], bold=False, italic=False)
        hdr = header._element
        for p in list(hdr):
            hdr.remove(p)
        hdr.append(parse_xml(
            f'<w:p {W_NS}><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>'
            + PAGE_FIELD.format(rp=rp) + "</w:p>"))
        if restart:
            sect_pr = section._sectPr
            pg = parse_xml(f'<w:pgNumType {W_NS} w:start="1"/>')
            # schema order: pgNumType comes after pgMar/paperSrc/pgBorders and lnNumType
            anchor = sect_pr.find(f"{{{L.NS_W}}}pgMar")
            anchor.addnext(pg)

    def add(self, *xml_fragments: str) -> None:
        body = self.doc.element.body
        sect_pr = body[-1]
        for frag in xml_fragments:
            el = parse_xml(f'<w:wrap {W_NS}>{frag}</w:wrap>'.encode("utf-8"))
            for child in list(el):
                sect_pr.addprevious(child)

    def new_landscape_section(self) -> None:
        """End the portrait section and start the appendix: landscape, numbering from 1."""
        from docx.enum.section import WD_SECTION

        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        body = self.doc.element.body
        # the section-break paragraph python-docx added: make it tiny so it never adds a page
        brk = body[-2]
        ppr = brk.find(f"{{{L.NS_W}}}pPr")
        ppr.insert(0, parse_xml(f'<w:spacing {W_NS} w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'))
        ppr.insert(1, parse_xml(f'<w:ind {W_NS} w:firstLine="0"/>'))
        ppr.insert(2, parse_xml(f'<w:rPr {W_NS}><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'))
        self._setup_section(section, landscape=True, restart=True)

    def save(self, path: Path) -> None:
        # drop what python-docx's default package carries and a template does not need:
        # a 440 kB stylesWithEffects part alone would cost every render its compression
        unwanted = ("/stylesWithEffects", "/customXml", "/numbering", "/webSettings", "/thumbnail")
        for rels in (self.doc.part.rels, self.doc.part.package.rels):
            for r_id, rel in list(rels.items()):
                if rel.reltype.endswith(unwanted):
                    rels.pop(r_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(str(path))


# ------------------------------------------------------------------ shared parts

HC = L.HEADER_COLS_MM


def part_tieu_de() -> str:
    """Header block (boxes 1–4) and title block (5a) or the công văn's V/v (5b)."""
    left_top = [
        tag("{%p for x in cq.chu_quan %}"),
        el("co_quan_chu_quan", "{{ x }}"),
        tag("{%p endfor %}"),
        tag("{%p for x in cq.ban_hanh %}"),
        el("co_quan_ban_hanh", "{{ x }}"),
        tag("{%p endfor %}"),
        P(R("{{p ke.co_quan }}", size=8), align="center", first_line_mm=0),
    ]
    right_top = [
        el("quoc_hieu", L.QUOC_HIEU),
        el("tieu_ngu", L.TIEU_NGU),
        P(R("{{p ke.tieu_ngu }}", size=8), align="center", first_line_mm=0),
    ]
    left_bottom = [
        el("so_ky_hieu", "{{ vb.dong_so }}", slant=True),
        tag("{%p if vb.cong_van %}"),
        el("vv", "{{ vb.trich_yeu_dong }}", slant=True),
        tag("{%p endif %}"),
    ]
    right_bottom = [el("dia_danh_ngay", "{{ vb.dia_danh_ngay }}", slant=True)]
    header = tbl(list(HC), [tr([tc(HC[0], left_top), tc(HC[1], right_top)]),
                            tr([tc(HC[0], left_bottom), tc(HC[1], right_bottom)])], borders=False)
    title = [
        tag("{%p if not vb.cong_van %}"),
        el("ten_loai", "{{ vb.ten_loai }}", keep_next=True),
        el("trich_yeu", "{{ vb.trich_yeu_dong }}", keep_next=True),
        P(R("{{p ke.trich_yeu }}", size=8), align="center", first_line_mm=0),
        tag("{%p endif %}"),
    ]
    return header + "".join(title)


def signer_paragraphs(signer: str) -> list[str]:
    """Box 7a (authority and title lines), the space for signature and seal, box 7b (name)."""
    S = L.SIZE
    return [
        tag(f"{{%p for x in {signer}.dong %}}"),
        el("quyen_han", "{{ x }}"),
        tag("{%p endfor %}"),
        *[centred("", S["ky"]) for _ in range(4)],
        el("ho_ten", f"{{{{ {signer}.ho_ten }}}}"),
    ]


def noi_nhan_paragraphs() -> list[str]:
    """Box 9b: the label 12 pt bold italic, the items 11 pt, and the drafter's initials (box 12)."""
    return [
        el("noi_nhan_label", "Nơi nhận:", slant=True),
        tag("{%p for x in noi_nhan %}"),
        el("noi_nhan_item", "{{ x }}", slant=True),
        tag("{%p endfor %}"),
        tag("{%p if nguoi_soan %}"),
        el("noi_nhan_item", "{{ nguoi_soan }}", slant=True),
        tag("{%p endif %}"),
    ]


def part_chu_ky() -> str:
    """Signature block with Nơi nhận, in one table row that never splits across pages.

    One signer: Nơi nhận on the left, level with the authority line, the signer on the
    right. Two signers side by side: Nơi nhận under the left one.
    """
    c1, c2 = L.SIGN_COLS_MM
    one = tbl([c1, c2], [tr([tc(c1, noi_nhan_paragraphs()), tc(c2, signer_paragraphs("ky[0]"))])], borders=False)
    d1, d2 = L.SIGN_TWO_COLS_MM
    two = tbl([d1, d2], [tr([tc(d1, signer_paragraphs("ky[0]") + [centred("", 6)] + noi_nhan_paragraphs()),
                             tc(d2, signer_paragraphs("ky[1]"))])], borders=False)
    return "".join([
        centred("", 6, keep_next=True),
        tag("{%p if ky|length == 1 %}"),
        one,
        tag("{%p else %}"),
        two,
        tag("{%p endif %}"),
    ])


def part_phu_luc() -> str:
    """Appendix heading: 'Phụ lục', its title, '(Kèm theo …)' and a short rule."""
    S = L.SIZE
    return "".join([
        el("phu_luc_heading", "Phụ lục{{ pl.so }}", keep_next=True),
        tag("{%p for x in pl.tieu_de %}"),
        el("phu_luc_heading", "{{ x }}", keep_next=True),
        tag("{%p endfor %}"),
        centred("{{ pl.kem_theo }}", S["phu_luc"], italic=True, bold=False, keep_next=True),
        P(R("{{p ke.phu_luc }}", size=8), align="center", first_line_mm=0),
        centred("", 6, keep_next=True),
    ])


def cell_p(text: str, align: str, bold: bool | None = False, italic: bool | None = None,
           indent_mm: float = 0.0) -> str:
    return P(R(text, L.SIZE["table"], bold, italic), align=align, first_line_mm=0, left_mm=indent_mm,
             before_pt=2, after_pt=2)


def data_table(columns: list[tuple[str, float, str]], row_fields: list[str]) -> str:
    """An appendix table: repeated header row, a row template per kind of row, rows kept whole.

    `columns`: (header text, width mm, alignment of values); `row_fields`: the row
    attribute shown in each column.
    """
    widths = [c[1] for c in columns]
    head = tr([tc(w, [cell_p(h, "center", bold=True)], v_align="center") for h, w, _ in columns], header=True)

    def row(bold: bool, italic: bool | None, indent: float) -> str:
        cells = []
        for (h, w, align), f in zip(columns, row_fields):
            ind = indent if f == "ten" else 0.0
            it = italic if f == "ten" else False
            if f == "ke_hoach":  # a target in words is left-aligned, a figure right-aligned
                align = "{{ r.can_ke_hoach }}"
            # the last rows keep with the next one, so the table never leaves a lone row on a page
            p = cell_p(f"{{{{ r.{f} }}}}", align, bold=bold, italic=it, indent_mm=ind).replace(
                "<w:pPr>", "<w:pPr>{{ r.giu_voi_sau }}", 1)
            merge = f"{{{{ r.gop_{f} }}}}" if f in MERGED else ""
            cells.append(tc(w, [p], v_align="center", merge=merge))
        return tr(cells)

    rows = [
        head,
        tag_row("{%tr for r in pl.hang %}", widths),
        tag_row('{%tr if r.loai == "muc" %}', widths),
        row(True, False, 0.0),
        tag_row('{%tr elif r.loai == "chi_tieu" %}', widths),
        row(False, False, 0.0),
        tag_row("{%tr elif r.cap == 1 %}", widths),
        row(False, False, 3.0),
        tag_row("{%tr else %}", widths),
        row(False, True, 6.0),
        tag_row("{%tr endif %}", widths),
        tag_row("{%tr endfor %}", widths),
    ]
    return tbl(widths, rows, borders=True, cell_margin_mm=1.0)


MERGED = ("stt", "chu_tri", "phoi_hop", "lanh_dao")  # cells the sheet merges over an indicator and its sub-rows

PLAN_COLUMNS = [
    ("STT", 11.0, "center", "stt"),
    ("Chỉ tiêu", 70.0, "left", "ten"),
    ("Đơn vị tính", 20.0, "center", "dvt"),
    ("{{ pl.cot_ke_hoach }}", 22.0, "right", "ke_hoach"),
    ("Cơ quan, đơn vị chịu trách nhiệm trực tiếp thực hiện", 44.0, "left", "chu_tri"),
    ("Cơ quan, đơn vị phối hợp, cùng chịu trách nhiệm", 42.0, "left", "phoi_hop"),
    ("{{ pl.cot_lanh_dao }}", 43.0, "left", "lanh_dao"),
]
RESULT_COLUMNS = [
    ("STT", 12.0, "center", "stt"),
    ("Chỉ tiêu", 84.0, "left", "ten"),
    ("Đơn vị tính", 22.0, "center", "dvt"),
    ("{{ pl.cot_ke_hoach }}", 24.0, "right", "ke_hoach"),
    ("{{ pl.cot_thuc_hien }}", 24.0, "right", "thuc_hien"),
    ("{{ pl.cot_ty_le }}", 20.0, "right", "ty_le"),
    ("Đánh giá", 24.0, "center", "danh_gia"),
    ("Cơ quan chủ trì", 42.0, "left", "chu_tri"),
]
# the same columns with the previous period beside them: the lead agency kept (every period's appendix names it)
RESULT_PREV_COLUMNS = [
    ("STT", 11.0, "center", "stt"),
    ("Chỉ tiêu", 62.0, "left", "ten"),
    ("Đơn vị tính", 16.0, "center", "dvt"),
    ("{{ pl.cot_nam_truoc }}", 20.0, "right", "nam_truoc"),
    ("{{ pl.cot_ke_hoach }}", 20.0, "right", "ke_hoach"),
    ("{{ pl.cot_thuc_hien }}", 20.0, "right", "thuc_hien"),
    ("{{ pl.cot_ty_le }}", 16.0, "right", "ty_le"),
    ("{{ pl.cot_so_sanh }}", 27.0, "right", "so_sanh"),
    ("Đánh giá", 22.0, "center", "danh_gia"),
    ("Cơ quan chủ trì", 38.0, "left", "chu_tri"),
]
for _cols in (PLAN_COLUMNS, RESULT_COLUMNS, RESULT_PREV_COLUMNS):
    assert abs(sum(c[1] for c in _cols) - L.LANDSCAPE_TEXT_W_MM) < 0.01, _cols

# The table's «Ghi chú» column (rev22 R22-3: «Dự toán Trung ương giao», «Đến 31/01/2026» say what a figure is), last,
# where some row has a note: the mm each other column lends it (the widths above are the appendix without notes)
NOTE_COLUMN = ("{{ pl.cot_ghi_chu }}", "left", "ghi_chu")
PLAN_NOTE_FROM = {"ten": 12.0, "chu_tri": 6.0, "phoi_hop": 6.0, "lanh_dao": 6.0}
RESULT_NOTE_FROM = {"ten": 18.0, "chu_tri": 12.0}
RESULT_PREV_NOTE_FROM = {"ten": 12.0, "chu_tri": 8.0, "so_sanh": 4.0, "danh_gia": 2.0}

PLAN_OPTIONAL = ("phoi_hop", "lanh_dao")   # columns a sheet may not have: dropped when every row leaves them empty
RESULT_OPTIONAL = ("chu_tri",)


def tables_without_empty_columns(columns: list[tuple[str, float, str, str]], optional: tuple[str, ...],
                                 note_from: dict[str, float]) -> list[str]:
    """One table per set of optional columns the data fills (`pl.co_cot.<field>`, docs.context), the width of
    a dropped column given to «Chỉ tiêu»: no column printed empty down the whole appendix. The note column
    («Ghi chú») is one of them, its width lent by the columns `note_from` names."""
    from itertools import combinations
    out = []
    optional = (*optional, NOTE_COLUMN[2])
    subsets = [set(c) for n in range(len(optional), -1, -1) for c in combinations(optional, n)]
    for i, kept in enumerate(subsets):
        cond = " and ".join([f"pl.co_cot.{f}" for f in optional if f in kept] +
                            [f"not pl.co_cot.{f}" for f in optional if f not in kept]) or "true"
        full = list(columns)
        if NOTE_COLUMN[2] in kept:
            full = [(h, w - note_from.get(f, 0.0), a, f) for h, w, a, f in full]
            full.append((NOTE_COLUMN[0], sum(note_from.values()), NOTE_COLUMN[1], NOTE_COLUMN[2]))
        cols = [c for c in full if c[3] not in optional or c[3] in kept]
        spare = sum(c[1] for c in full) - sum(c[1] for c in cols)
        cols = [(h, w + spare if f == "ten" else w, a, f) for h, w, a, f in cols]
        assert abs(sum(c[1] for c in cols) - L.LANDSCAPE_TEXT_W_MM) < 0.01, cols
        out.append(tag(("{%p if " if i == 0 else "{%p elif ") + cond + " %}"))
        out.append(data_table([c[:3] for c in cols], [c[3] for c in cols]))
    out.append(tag("{%p endif %}"))
    return out


def appendix_notes() -> list[str]:
    """The notes the sheet writes under its table (`pl.ghi_chu`: «(2) Không kể thu tiền sử dụng đất.»), under the
    appendix's table as the sheet has them: «Ghi chú:» in bold italic, then each note as written, in italic, at the
    table's size, all kept together (the table's last row keeps with them: docs.context). Nothing when the sheet
    has none."""
    size = L.SIZE["table"]
    return [
        tag("{%p if pl.ghi_chu %}"),
        P(R("Ghi chú:", size, True, True), align="left", first_line_mm=0, before_pt=6, keep_next=True),
        tag("{%p for x in pl.ghi_chu %}"),
        P(R("{{ x }}", size, False, True), align="both", first_line_mm=0, before_pt=2, keep_next=True),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
    ]


def part_bang_ke_hoach() -> str:
    return "".join([tag('{%p include "phu-luc" %}'),
                    *tables_without_empty_columns(PLAN_COLUMNS, PLAN_OPTIONAL, PLAN_NOTE_FROM),
                    *appendix_notes()])


def part_bang_ket_qua() -> str:
    return "".join([
        tag('{%p include "phu-luc" %}'),
        tag("{%p if pl.co_nam_truoc %}"),
        *tables_without_empty_columns(RESULT_PREV_COLUMNS, RESULT_OPTIONAL, RESULT_PREV_NOTE_FROM),
        tag("{%p else %}"),
        *tables_without_empty_columns(RESULT_COLUMNS, RESULT_OPTIONAL, RESULT_NOTE_FROM),
        tag("{%p endif %}"),
        *appendix_notes(),
    ])


def part_than_ke_hoach() -> str:
    """The body of a plan and of an action programme (seeds 000–002): I. purpose and demands; II. the aim and the
    main indicators by section; III. tasks by section and lead agency; IV. each agency's responsibility and the
    reporting rhythm. Text the data cannot give is a highlighted «[…]» place (docs.context)."""
    return "".join([
        heading("I. MỤC ĐÍCH, YÊU CẦU"),
        heading("1. Mục đích"),
        *loop_paragraphs("nd.muc_dich"),
        heading("2. Yêu cầu"),
        *loop_paragraphs("nd.yeu_cau"),
        heading("II. MỤC TIÊU VÀ CÁC CHỈ TIÊU CHỦ YẾU"),
        heading("1. Mục tiêu tổng quát"),
        *loop_paragraphs("nd.muc_tieu"),
        heading("2. Các chỉ tiêu chủ yếu"),
        *loop_paragraphs("ct.mo_dau"),
        tag("{%p for g in ct.nhom %}"),
        tag("{%p if g.tieu_de %}"),   # a table with no sections: its indicators stand under «2.» with no «a)»
        heading("{{ g.tieu_de }}"),
        tag("{%p endif %}"),
        *loop_paragraphs("g.muc"),
        tag("{%p endfor %}"),
        heading("III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"),
        *loop_paragraphs("nd.giai_phap"),
        *loop_paragraphs("nv.chung"),
        tag("{%p for g in nv.nhom %}"),
        tag("{%p if g.tieu_de %}"),
        heading("{{ g.tieu_de }}"),
        tag("{%p endif %}"),
        *loop_paragraphs("g.mo_dau"),
        tag("{%p for a in g.co_quan %}"),
        heading("{{ a.tieu_de }}"),
        *loop_paragraphs("a.muc"),
        tag("{%p endfor %}"),
        *loop_paragraphs("g.cho_soan"),
        tag("{%p endfor %}"),
        heading("IV. TỔ CHỨC THỰC HIỆN"),
        *loop_paragraphs("tc.phan_cong"),
        *loop_paragraphs("nd.to_chuc"),   # the author's general paragraphs first, as seeds 001 and 002 open part IV
        *loop_paragraphs("tc.muc"),
    ])


PART_BUILDERS = {
    "tieu-de": (part_tieu_de, False),
    "chu-ky": (part_chu_ky, False),
    "phu-luc": (part_phu_luc, True),
    "bang-ke-hoach": (part_bang_ke_hoach, True),
    "bang-ket-qua": (part_bang_ket_qua, True),
    "than-ke-hoach": (part_than_ke_hoach, False),
}

# ------------------------------------------------------------------ document templates


def include(name: str) -> str:
    return tag(f'{{%p include "{name}" %}}')


def kinh_gui() -> list[str]:
    """Box 9a: one recipient on the line of 'Kính gửi:'; several, one a line under the colon."""
    S = L.SIZE["body"]
    label_mm = 30.0
    colon_mm = label_mm + text_width_pt("Kính gửi", S) * 25.4 / 72
    return [
        tag("{%p if vb.kinh_gui|length == 1 %}"),
        P(R("Kính gửi: {{ vb.kinh_gui[0] }}", S), align="center", first_line_mm=0, before_pt=12, after_pt=6),
        tag("{%p elif vb.kinh_gui %}"),
        P(R("Kính gửi:", S), align="left", first_line_mm=0, left_mm=label_mm, before_pt=12),
        tag("{%p for x in vb.kinh_gui %}"),
        P(R("{{ x }}", S), align="left", first_line_mm=0, left_mm=colon_mm),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
    ]


def can_cu() -> list[str]:
    return loop_paragraphs("vb.can_cu", italic=True)


def sections_with_paragraphs(parts: list[tuple[str, str]]) -> list[str]:
    out: list[str] = []
    for title, var in parts:
        out.append(heading(title))
        out += loop_paragraphs(var)
    return out


def tpl_bao_cao() -> list[str]:
    return [
        include("tieu-de"),
        *kinh_gui(),
        *can_cu(),
        *loop_paragraphs("nd.mo_dau"),
        heading("I. KẾT QUẢ THỰC HIỆN {{ chi_tieu.cac|upper }}"),
        heading("1. Đánh giá chung"),
        body("{{ kq.cau_tong_hop }}"),
        *loop_paragraphs("nd.ket_qua"),
        heading("2. Kết quả thực hiện từng chỉ tiêu"),
        tag("{%p for g in kq.nhom %}"),
        heading("{{ g.tieu_de }}"),
        *loop_paragraphs("g.muc"),
        tag("{%p endfor %}"),
        *sections_with_paragraphs([("II. TỒN TẠI, HẠN CHẾ", "nd.ton_tai"),
                                   ("III. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI", "nd.giai_phap")]),
        *closing(),
        include("chu-ky"),
    ]


def tpl_ke_hoach() -> list[str]:
    return [
        include("tieu-de"),
        *can_cu(),
        *loop_paragraphs("nd.mo_dau"),
        include("than-ke-hoach"),
        *closing(),
        include("chu-ky"),
    ]


def tpl_chuong_trinh() -> list[str]:
    return tpl_ke_hoach()  # one body (parts/than-ke-hoach.docx); the kind sets the title, symbol and settings


def tpl_giao_chi_tieu() -> list[str]:
    return [
        include("tieu-de"),
        *kinh_gui(),
        *can_cu(),
        *loop_paragraphs("nd.mo_dau"),
        tag("{%p for x in gc.muc %}"),
        body("{{ x }}"),
        tag("{%p endfor %}"),
        *loop_paragraphs("nd.to_chuc", keep_next=True),   # the công văn's closing sentence
        *closing(),
        include("chu-ky"),
    ]


def tpl_thong_bao() -> list[str]:
    """Thông báo kết luận (seed 004): the meeting, I. results, II. conclusions and directions per agency."""
    return [
        include("tieu-de"),
        body("{{ tb.mo_dau }}"),
        heading("{{ tb.tieu_de_ket_qua }}"),
        *loop_paragraphs("nd.ket_qua"),
        *loop_paragraphs("tb.ket_qua"),
        *loop_paragraphs("nd.ton_tai"),
        heading("II. VỀ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI"),
        heading("1. Nhiệm vụ chung"),
        *loop_paragraphs("tb.ket_luan"),
        tag("{%p if tb.chi_dao %}"),
        heading("2. Nhiệm vụ cụ thể của các cơ quan, đơn vị"),
        tag("{%p for a in tb.chi_dao %}"),
        body("{{ a.noi_dung }}"),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
        body("{{ tb.ket_thuc }}", keep_next=True),
        include("chu-ky"),
    ]


# The body of each kind's template, by Kind.body (docs.kinds); the appendix section after it is the kind's.
TEMPLATE_BUILDERS = {
    "bao-cao": tpl_bao_cao,
    "ke-hoach": tpl_ke_hoach,
    "chuong-trinh": tpl_chuong_trinh,
    "giao-chi-tieu": tpl_giao_chi_tieu,
    "thong-bao": tpl_thong_bao,
}


def build(out_dir: Path = HERE) -> list[Path]:
    written = []
    for name, (builder, landscape) in PART_BUILDERS.items():
        d = Doc(landscape=landscape, page_numbers=False)
        d.add(builder())
        path = out_dir / "parts" / f"{name}.docx"
        d.save(path)
        written.append(path)
    for kind in kinds.all_kinds():
        d = Doc()
        # a kind without an appendix (the notice) is one portrait section
        appendix = ["SECTION", include(kind.appendix)] if kind.appendix else []
        for frag in [*TEMPLATE_BUILDERS[kind.body](), *appendix]:
            if frag == "SECTION":
                d.new_landscape_section()
            else:
                d.add(frag)
        path = out_dir / kind.template
        d.save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for p in build(target):
        print(p)
