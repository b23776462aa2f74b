"""A corpus of Decree-30 documents written the ways offices write them by hand, for `lint`.

Built with python-docx from scratch (never through templates/build_templates.py): a blank
python-docx package, our own paragraphs, tables, styles, headers and sections. Every conformant
document was checked by hand against nd30.md; each broken one is its conformant parent with
exactly ONE property changed (the `fault`), so a checker that flags anything else is wrong.

API (the lint engineer's tests consume it; nothing here imports lint):
    CONFORMANT: dict[name, builder]
    BROKEN:     dict[name, (rule_id, builder, fixable)]
    NOTICES:    dict[name, (rule_id, builder)]          package notices, otherwise conformant
    HOSTILE:    dict[name, builder]                     to be refused, not read (zip bomb, not a zip)
    PARENT:     dict[broken or notice name, conformant name]
    ABOUT:      dict[name, one line saying what the document is / tests]
    build_all(folder) -> dict[name, Path]
A builder is builder(path) and writes one .docx at path.
"""
from __future__ import annotations

import copy
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

from hostile_files import rezip

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (f'xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
          'xmlns:o="urn:schemas-microsoft-com:office:office" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
TNR = "Times New Roman"


def tw(mm: float) -> int:
    """Millimetres to twips (1/20 pt)."""
    return int(round(mm * 1440 / 25.4))


def width_mm(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Printed width of one line in Times New Roman (AFM advance widths), in mm."""
    from kh_excel.docs.vn import text_width_pt
    return text_width_pt(text, size, bold, italic) * 25.4 / 72


# ---------------------------------------------------------------- looks (nd30.md, checked by hand)
# role -> size pt, bold, italic, align, spacing before/after pt, line (240 = single), first-line mm.
LOOK: dict[str, dict] = {
    "co_quan_chu_quan": dict(size=13, bold=False, italic=False, align="center"),       # 12–13 upright
    "co_quan_ban_hanh": dict(size=13, bold=True, italic=False, align="center"),        # 12–13 bold
    "so_ky_hieu": dict(size=13, bold=False, italic=False, align="center"),             # 13
    "vv": dict(size=12, bold=False, italic=False, align="center", before=6),           # 12–13, 6 pt below Số
    "quoc_hieu": dict(size=12, bold=True, italic=False, align="center"),               # 12–13 bold
    "tieu_ngu": dict(size=13, bold=True, italic=False, align="center"),                # 13–14 bold, single
    "dia_danh_ngay": dict(size=14, bold=False, italic=True, align="center"),           # 13–14 italic
    "ten_loai": dict(size=14, bold=True, italic=False, align="center", before=12),     # 13–14 bold
    "trich_yeu": dict(size=14, bold=True, italic=False, align="center"),               # 13–14 bold
    "tham_quyen": dict(size=14, bold=True, italic=False, align="center", before=6, after=6),
    "kinh_gui": dict(size=14, bold=False, italic=False, align="left", before=6, after=6),
    "can_cu": dict(size=14, bold=False, italic=True, align="both", first=12.7, after=6),
    "body": dict(size=14, bold=False, italic=False, align="both", first=12.7, after=6, line=276),
    "heading": dict(size=14, bold=True, italic=False, align="both", first=12.7, after=6, line=276),
    "heading_center": dict(size=14, bold=True, italic=False, align="center", before=6, after=6),
    "quyen_han": dict(size=14, bold=True, italic=False, align="center"),               # 13–14 bold
    "chuc_vu": dict(size=14, bold=True, italic=False, align="center"),
    "ho_ten": dict(size=14, bold=True, italic=False, align="center"),
    "noi_nhan_label": dict(size=12, bold=True, italic=True, align="left"),             # 12 bold italic
    "noi_nhan_item": dict(size=11, bold=False, italic=False, align="left"),            # 11 upright
    "page_number": dict(size=13, bold=False, italic=False, align="center"),            # 13–14
    "phu_luc_heading": dict(size=14, bold=True, italic=False, align="center"),         # 14 bold
    "phu_luc_title": dict(size=14, bold=True, italic=False, align="center"),
    "phu_luc_ref": dict(size=14, bold=False, italic=True, align="center"),
    "phu_luc_table": dict(size=12, bold=False, italic=False, align="center"),          # 11–13
    "plain": dict(size=14, bold=False, italic=False, align="left"),
}
STYLE_NAMES = {role: "VB " + role.replace("_", " ").title() for role in LOOK}


@dataclass
class Spec:
    """One hand-written document: its text and the way its office laid it out."""
    kind: str                                  # KH BC CV QĐ TB TTr
    ban_hanh: list[str]
    number: str                                # "04/KH-UBND"
    place: str
    date: tuple[int, int, int]                 # day, month, year
    trich_yeu: list[str]
    body: list[tuple[str, str]]                # (role, text); role heading / heading_center / body / dieu
    authority: list[str]                       # ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    signer: str
    noi_nhan: list[str]
    chu_quan: list[str] = field(default_factory=list)
    ten_loai: str | None = None                # None for a công văn
    kinh_gui: list[str] = field(default_factory=list)
    can_cu: list[str] = field(default_factory=list)
    tham_quyen: str | None = None              # Quyết định: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI"
    appendix: dict | None = None
    pages: str = "one"                         # "one" or "several" (checked on the LibreOffice PDF)
    # how the office laid it out
    styled: bool = False                       # paragraph styles instead of direct formatting
    theme_fonts: bool = False                  # Times New Roman through the theme, no rFonts
    header_rows: int = 1                       # 1: Số/date at the foot of each cell; 2: a row of their own
    header_cols_mm: tuple[float, float] = (65.0, 100.0)
    table_style: str = "plain"                 # plain | grid_nil (Table Grid with borders set to none)
    rule: str = "border"                       # border (paragraph bottom border) | vml | drawing (a drawn line)
    heading_align: str = "both"                # both | left (one-line headings)
    margins_mm: tuple[float, float, float, float] = (20, 20, 30, 15)   # top bottom left right
    page_field: str = "complex"                # complex | simple
    first_header: str = "empty"                # empty (an empty first-page header) | none
    page_numbers: bool | None = None           # pages numbered from 2 (default: when several pages)
    looks: dict = field(default_factory=dict)  # role -> overrides within nd30's ranges
    explicit_black: bool = True                # <w:color w:val="000000"/> on runs
    normal_tnr: bool = True                    # Normal style set to Times New Roman 14
    split_para: int | None = None              # body paragraph typed as two runs
    cant_split: bool = False                   # appendix rows may not break across pages


# ---------------------------------------------------------------- faults
# A fault is a dict. Keys: "look" {role: {prop: value}}, or one of the structural keys below.
Fault = dict


class _Writer:
    """Turns a Spec (+ one fault) into WordprocessingML, paragraph by paragraph."""

    def __init__(self, spec: Spec, fault: Fault | None):
        self.s = spec
        self.f = fault or {}
        self.d = docx.Document()

    # looks ----------------------------------------------------------------------------
    def look(self, role: str) -> dict:
        out = dict(LOOK[role])
        out.update(self.s.looks.get(role, {}))
        if role == "heading" and self.s.heading_align != "both":
            out["align"] = self.s.heading_align
        return out

    def faulty(self, role: str) -> dict:
        return self.f.get("look", {}).get(role, {})

    def rpr(self, lk: dict, extra: str = "") -> str:
        fonts = "" if self.s.theme_fonts else f'<w:rFonts w:ascii="{TNR}" w:hAnsi="{TNR}" w:cs="{TNR}"/>'
        if lk.get("font"):
            fonts = f'<w:rFonts w:ascii="{lk["font"]}" w:hAnsi="{lk["font"]}" w:cs="{lk["font"]}"/>'
        out = [fonts]
        if lk.get("bold"):
            out.append("<w:b/><w:bCs/>")
        if lk.get("italic"):
            out.append("<w:i/><w:iCs/>")
        color = lk.get("color")
        if color:
            out.append(color)
        elif self.s.explicit_black:
            out.append('<w:color w:val="000000"/>')
        out.append(extra)
        hp = int(round(lk["size"] * 2))
        out.append(f'<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>')
        return "<w:rPr>" + "".join(out) + "</w:rPr>"

    def ppr_inner(self, lk: dict, left_mm: float = 0) -> str:
        """Direct paragraph properties of a look: spacing, indents, alignment."""
        out = []
        line, rule = (int(lk["exact"] * 20), "exact") if lk.get("exact") else (lk.get("line", 240), "auto")
        out.append(f'<w:spacing w:before="{int(lk.get("before", 0) * 20)}" '
                   f'w:after="{int(lk.get("after", 0) * 20)}" w:line="{line}" w:lineRule="{rule}"/>')
        first = lk.get("first", 0)
        out.append(f'<w:ind w:left="{tw(left_mm)}" w:right="0" w:firstLine="{tw(first)}"/>')
        out.append(f'<w:jc w:val="{lk["align"]}"/>')
        return "".join(out)

    def para(self, role: str, text: str | list, left_mm: float = 0, own_spacing: bool = False) -> str:
        """A paragraph of one role. `text` is a string or a list of (text, look overrides).
        With styles, `own_spacing` writes this paragraph's spacing over its style's."""
        lk = self.look(role)
        lk.update(self.faulty(role))
        segments = [(text, {})] if isinstance(text, str) else text
        if self.s.styled:
            style = self.style_id(role)
            pin = f'<w:pStyle w:val="{style}"/>'
            if own_spacing:
                pin += (f'<w:spacing w:before="{int(lk.get("before", 0) * 20)}" '
                        f'w:after="{int(lk.get("after", 0) * 20)}"/>')
            if left_mm:
                pin += f'<w:ind w:left="{tw(left_mm)}"/>'
            runs = []
            for seg, over in segments:
                rp = ""
                bits = []
                if "bold" in over:
                    bits.append("<w:b/><w:bCs/>" if over["bold"] else '<w:b w:val="0"/><w:bCs w:val="0"/>')
                if "italic" in over:
                    bits.append("<w:i/><w:iCs/>" if over["italic"] else '<w:i w:val="0"/><w:iCs w:val="0"/>')
                if over.get("color"):
                    bits.append(over["color"])
                if over.get("extra"):
                    bits.append(over["extra"])
                if bits:
                    rp = "<w:rPr>" + "".join(bits) + "</w:rPr>"
                runs.append(f'<w:r>{rp}<w:t xml:space="preserve">{escape(seg)}</w:t></w:r>')
        else:
            pin = self.ppr_inner(lk, left_mm)
            runs = []
            for seg, over in segments:
                lk2 = dict(lk)
                lk2.update({k: v for k, v in over.items() if k != "extra"})
                runs.append(f'<w:r>{self.rpr(lk2, over.get("extra", ""))}'
                            f'<w:t xml:space="preserve">{escape(seg)}</w:t></w:r>')
        return f'<w:p {NSDECL}><w:pPr>{pin}</w:pPr>{"".join(runs)}</w:p>'

    def style_id(self, role: str) -> str:
        return "VB" + "".join(x.title() for x in role.split("_"))

    def add_styles(self) -> None:
        """Paragraph styles, one a role, as an office template defines them."""
        styles = self.d.styles.element
        for role in LOOK:
            lk = self.look(role)
            lk.update(self.faulty(role))
            xml = (f'<w:style {NSDECL} w:type="paragraph" w:customStyle="1" w:styleId="{self.style_id(role)}">'
                   f'<w:name w:val="{STYLE_NAMES[role]}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
                   f'<w:pPr>{self.ppr_inner(lk)}</w:pPr>{self.rpr(lk)}</w:style>')
            styles.append(parse_xml(xml))

    # document -------------------------------------------------------------------------
    def setup(self) -> None:
        s, d = self.s, self.d
        normal = d.styles["Normal"].element
        if s.theme_fonts:
            self._theme_tnr()
        if s.normal_tnr:
            fonts = "" if s.theme_fonts else f'<w:rFonts w:ascii="{TNR}" w:hAnsi="{TNR}" w:cs="{TNR}"/>'
            normal.append(parse_xml(f'<w:pPr {NSDECL}><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'))
            normal.append(parse_xml(f'<w:rPr {NSDECL}>{fonts}<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>'))
        if s.styled:
            self.add_styles()
        sec = d.sections[0]
        size = self.f.get("page_size", (210, 297))
        sec.page_width, sec.page_height = tw(size[0]) * 635, tw(size[1]) * 635
        if self.f.get("landscape"):
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = sec.page_height, sec.page_width
        top, bottom, left, right = self.f.get("margins", s.margins_mm)
        sec.top_margin, sec.bottom_margin = tw(top) * 635, tw(bottom) * 635
        sec.left_margin, sec.right_margin = tw(left) * 635, tw(right) * 635
        sec.header_distance = sec.footer_distance = tw(10) * 635

    def _theme_tnr(self) -> None:
        theme = next(p for p in self.d.part.package.iter_parts() if "theme" in str(p.partname))
        theme._blob = re.sub(rb'<a:latin typeface="[^"]*"', b'<a:latin typeface="Times New Roman"', theme.blob)
        defaults = self.d.styles.element.find(f"{{{W_NS}}}docDefaults")
        fonts = defaults.find(f".//{{{W_NS}}}rFonts")
        for k in ("eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(f"{{{W_NS}}}{k}", None)
        fonts.set(f"{{{W_NS}}}hAnsiTheme", "minorHAnsi")

    def body_append(self, xml: str) -> None:
        body = self.d.element.body
        body.insert(len(body) - 1, parse_xml(xml))

    def text_width(self) -> float:
        top, bottom, left, right = self.s.margins_mm
        return 210 - left - right

    # lines ------------------------------------------------------------------------------
    def rule_under(self, length_mm: float, box_mm: float, role: str) -> str:
        """An empty paragraph carrying a centred horizontal line `length_mm` long."""
        lk = dict(self.look(role))
        lk.update(size=6 if self.s.rule == "border" else lk["size"], before=0, after=0, first=0, line=240,
                  align="center", bold=False, italic=False, exact=None)
        if self.s.rule == "drawing":
            # what Word 2010+ saves for Insert > Shapes > Line: a DrawingML shape with a VML fallback
            start = (box_mm - length_mm) / 2
            n = zlib.crc32(role.encode()) % 9000 + 1000
            emu = lambda mm: int(round(mm * 36000))  # noqa: E731
            anchor = (
                f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{n}" '
                f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
                f'<wp:positionH relativeFrom="column"><wp:posOffset>{emu(start)}</wp:posOffset></wp:positionH>'
                f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{emu(1.5)}</wp:posOffset></wp:positionV>'
                f'<wp:extent cx="{emu(length_mm)}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
                f'<wp:docPr id="{n}" name="Straight Connector {n}"/><wp:cNvGraphicFramePr/>'
                f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                f'<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(length_mm)}" cy="0"/>'
                f'</a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="6350"><a:solidFill>'
                f'<a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>'
                f'</a:graphicData></a:graphic></wp:anchor>')
            x0 = start * 72 / 25.4
            fallback = (f'<w:pict><v:line id="_x0000_s{n}" style="position:absolute;z-index:{n}" '
                        f'from="{x0:.1f}pt,4pt" to="{x0 + length_mm * 72 / 25.4:.1f}pt,4pt" strokeweight=".5pt"/></w:pict>')
            shape = ('<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
                     'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                     'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                     f'<mc:Choice Requires="wps"><w:drawing>{anchor}</w:drawing></mc:Choice>'
                     f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>')
            lk.update(size=9, align="left")
            return f'<w:p {NSDECL}><w:pPr>{self.ppr_inner(lk)}</w:pPr>{shape}</w:p>'
        if self.s.rule == "vml":
            start = (box_mm - length_mm) / 2 * 72 / 25.4
            end = start + length_mm * 72 / 25.4
            shape = (f'<w:r><w:pict><v:line id="_x0000_s{zlib.crc32(role.encode()) % 9000 + 1000}" '
                     f'style="position:absolute;z-index:251659264;mso-position-horizontal-relative:text;'
                     f'mso-position-vertical-relative:text" from="{start:.1f}pt,5pt" to="{end:.1f}pt,5pt" '
                     f'strokeweight=".5pt"/></w:pict></w:r>')
            lk.update(size=9, align="left")
            return (f'<w:p {NSDECL}><w:pPr>{self.ppr_inner(lk)}</w:pPr>{shape}</w:p>')
        side = max(0.0, (box_mm - length_mm) / 2)
        border = '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
        lk.update(size=6)
        pin = border + (f'<w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/>'
                        f'<w:ind w:left="{tw(side)}" w:right="{tw(side)}" w:firstLine="0"/><w:jc w:val="center"/>')
        return f'<w:p {NSDECL}><w:pPr>{pin}<w:rPr><w:sz w:val="12"/></w:rPr></w:pPr></w:p>'

    # header ----------------------------------------------------------------------------
    def header(self) -> None:
        s, f = self.s, self.f
        lw, rw = s.header_cols_mm
        lbox, rbox = lw - 3.8, rw - 3.8                       # Word's default cell margins 1.9 mm a side
        left = [self.para("co_quan_chu_quan", t) for t in s.chu_quan]
        left += [self.para("co_quan_ban_hanh", t) for t in s.ban_hanh]
        bh = self.look("co_quan_ban_hanh")
        longest = max(width_mm(t, bh["size"], True) for t in s.ban_hanh)
        shortest = min(width_mm(t, bh["size"], True) for t in s.ban_hanh)
        length = f.get("ban_hanh_rule_mm", round(min(longest * 0.42, shortest * 0.48), 1))
        if not f.get("no_ban_hanh_rule"):
            left.append(self.rule_under(length, lbox, "co_quan_ban_hanh"))
        right = [self.para("quoc_hieu", f.get("quoc_hieu_text", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
                 self.para("tieu_ngu", f.get("tieu_ngu_text", "Độc lập - Tự do - Hạnh phúc"))]
        tn = self.look("tieu_ngu")
        tn_len = width_mm("Độc lập - Tự do - Hạnh phúc", tn["size"], True)
        right.append(self.rule_under(f.get("tieu_ngu_rule_mm", round(tn_len, 1)), rbox, "tieu_ngu"))
        so = [self.para("so_ky_hieu", f.get("so_text", f"Số: {s.number}"))]
        if s.ten_loai is None:                               # công văn: V/v under Số
            vv_look = {} if not f.get("vv_no_gap") else {"before": 0}
            for i, t in enumerate(s.trich_yeu):
                lk = {"before": 0} if i else vv_look
                so.append(self._with_look("vv", t, lk))
        day, month, year = s.date
        date_text = f.get("date_text", f"{s.place}, ngày {day:02d} tháng {month:02d} năm {year}"
                          if month < 3 else f"{s.place}, ngày {day:02d} tháng {month} năm {year}")
        date = [self.para("dia_danh_ngay", date_text)]
        outside = []
        if f.get("so_outside"):
            outside, so = so, []
        if f.get("date_outside"):
            outside.append(date[0])
            date = []
        if s.header_rows == 1:
            # pad so that Số and the date sit on the same line at the foot of the cells
            pad_left = max(0, len(right) - len(left))
            pad_right = max(0, len(left) - len(right))
            rows = [[left + [self.para("plain", "")] * pad_left + so,
                     right + [self.para("plain", "")] * pad_right + date]]
        else:
            rows = [[left, right], [so, date]]
        self.body_append(self._table(rows, (lw, rw)))
        for x in outside:
            self.body_append(x)

    def _with_look(self, role: str, text: str, over: dict, left_mm: float = 0) -> str:
        """A paragraph of `role` with a few properties of its own (the first V/v line, a Kính gửi item)."""
        saved = self.s.looks.get(role)
        self.s.looks[role] = {**(saved or {}), **over}
        try:
            return self.para(role, text, left_mm=left_mm, own_spacing=True)
        finally:
            if saved is None:
                del self.s.looks[role]
            else:
                self.s.looks[role] = saved

    def _table(self, rows: list[list[list[str]]], cols_mm: tuple[float, ...],
               borders: bool = False, header_row: bool = False) -> str:
        """A fixed-width table centred on the page: borderless (header, signature) or ruled (appendix)."""
        s = self.s
        if borders:
            tbl_pr = ('<w:tblBorders>' + "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                                                 for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
                      + '</w:tblBorders>')
            style = ""
        elif s.table_style == "grid_nil":
            style = '<w:tblStyle w:val="TableGrid"/>'
            tbl_pr = ('<w:tblBorders>' + "".join(f'<w:{b} w:val="nil"/>' for b in
                                                 ("top", "left", "bottom", "right", "insideH", "insideV"))
                      + '</w:tblBorders>')
        else:
            style, tbl_pr = "", ""
        total = sum(cols_mm)
        grid = "".join(f'<w:gridCol w:w="{tw(c)}"/>' for c in cols_mm)
        trs = []
        for i, row in enumerate(rows):
            tcs = []
            for c, content in zip(cols_mm, row):
                inner = "".join(content) or f'<w:p {NSDECL}/>'
                tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="{tw(c)}" w:type="dxa"/></w:tcPr>{inner}</w:tc>')
            trpr = ("<w:cantSplit/>" if borders and s.cant_split else "") + \
                ("<w:tblHeader/>" if header_row and i == 0 and not self.f.get("no_repeat_header") else "")
            trpr = f"<w:trPr>{trpr}</w:trPr>" if trpr else ""
            trs.append(f"<w:tr>{trpr}{''.join(tcs)}</w:tr>")
        return (f'<w:tbl {NSDECL}><w:tblPr>{style}<w:tblW w:w="{tw(total)}" w:type="dxa"/>'
                f'<w:jc w:val="center"/>{tbl_pr}<w:tblLayout w:type="fixed"/>'
                f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
                f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(trs)}</w:tbl>')

    # title and body ------------------------------------------------------------------------
    def title(self) -> None:
        s, f = self.s, self.f
        if s.ten_loai is not None:
            self.body_append(self.para("ten_loai", f.get("ten_loai_text", s.ten_loai)))
            for t in s.trich_yeu:
                self.body_append(self.para("trich_yeu", t))
            ty = self.look("trich_yeu")
            longest = max(width_mm(t, ty["size"], True) for t in s.trich_yeu)
            if not f.get("no_trich_yeu_rule"):
                self.body_append(self.rule_under(round(longest * 0.4, 1), self.text_width(), "trich_yeu"))
        if s.tham_quyen:
            self.body_append(self.para("tham_quyen", s.tham_quyen))
        if s.kinh_gui:
            self.kinh_gui()
        for t in f.get("can_cu", s.can_cu):
            self.body_append(self.para("can_cu", t))

    def kinh_gui(self) -> None:
        s = self.s
        lk = self.look("kinh_gui")
        if len(s.kinh_gui) == 1:
            label = width_mm("Kính gửi: " + s.kinh_gui[0], lk["size"])
            left = max(0.0, (self.text_width() - label) / 2)
            self.body_append(self.para("kinh_gui", "Kính gửi: " + s.kinh_gui[0], left_mm=round(left, 1)))
            return
        left = 25.0
        self.body_append(self.para("kinh_gui", "Kính gửi:", left_mm=left))
        colon = left + width_mm("Kính gửi", lk["size"])
        items = self.f.get("kinh_gui_items", s.kinh_gui)
        for i, t in enumerate(items):
            self.body_append(self._with_look("kinh_gui", t, {"before": 0, "after": 6 if i == len(items) - 1 else 0},
                                             left_mm=round(colon, 1)))

    def body(self) -> None:
        f = self.f
        for i, (role, text) in enumerate(self.s.body):
            if role == "dieu":
                label, rest = text.split(". ", 1)
                segs = [(label + ". ", {"bold": not f.get("dieu_upright")}), (rest, {})]
                self.body_append(self.para("body", segs))
            elif role == "body" and f.get("placeholder") == i:
                # the author left a marked place instead of three words
                words = text.split(" ")
                segs = [(" ".join(words[:6]) + " ", {}),
                        ("[tên cơ quan]", {"extra": '<w:highlight w:val="yellow"/>'}),
                        (" " + " ".join(words[9:]), {})]
                self.body_append(self.para("body", segs))
            elif role == "body" and i == self.s.split_para:
                # retyped text: the paragraph is two runs (a fault may colour the second)
                words = text.split(" ")
                segs = [(" ".join(words[:6]) + " ", {}),
                        (" ".join(words[6:]), {"color": f["color_run"]} if f.get("color_run") else {})]
                self.body_append(self.para("body", segs))
            else:
                self.body_append(self.para(role, text))

    # signature ---------------------------------------------------------------------------------
    def signature(self) -> None:
        s, f = self.s, self.f
        items = f.get("noi_nhan", s.noi_nhan)
        left = [self.para("noi_nhan_label", "Nơi nhận:")]
        left += [self.para("noi_nhan_item", t) for t in items]
        right = []
        for i, t in enumerate(s.authority):
            role = "quyen_han" if i < len(s.authority) - 1 else "chuc_vu"
            right.append(self.para(role, t))
        right += [self.para("plain", "")] * 4
        right.append(self.para("ho_ten", f.get("signer", s.signer)))
        self.body_append(self.para("plain", ""))
        self.body_append(self._table([[left, right]], (65.0, 100.0)))

    # page numbers ------------------------------------------------------------------------------
    def page_numbers(self) -> None:
        s, f = self.s, self.f
        if not (s.pages == "several" if s.page_numbers is None else s.page_numbers):
            return
        sec = self.d.sections[0]
        if not f.get("number_page_one"):
            sec.different_first_page_header_footer = True
        target = sec.footer if f.get("number_in_footer") else sec.header
        p = target.paragraphs[0]._p
        lk = self.look("page_number")
        lk.update(self.faulty("page_number"))
        rp = self.rpr(dict(lk, first=0))
        if s.page_field == "simple":
            runs = f'<w:fldSimple w:instr=" PAGE \\* MERGEFORMAT "><w:r>{rp}<w:t>2</w:t></w:r></w:fldSimple>'
        else:
            runs = (f'<w:r>{rp}<w:fldChar w:fldCharType="begin"/></w:r>'
                    f'<w:r>{rp}<w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r>'
                    f'<w:r>{rp}<w:fldChar w:fldCharType="separate"/></w:r>'
                    f'<w:r>{rp}<w:t>2</w:t></w:r><w:r>{rp}<w:fldChar w:fldCharType="end"/></w:r>')
        new = parse_xml(f'<w:p {NSDECL}><w:pPr><w:jc w:val="{lk["align"]}"/></w:pPr>{runs}</w:p>')
        p.addprevious(new)
        p.getparent().remove(p)
        if s.first_header == "empty" and not f.get("number_page_one"):
            sec.first_page_header.paragraphs[0].text = ""

    # appendix ----------------------------------------------------------------------------------
    def appendix(self) -> None:
        s, f = self.s, self.f
        a = s.appendix
        if not a:
            return
        top, bottom, left, right = s.margins_mm
        # the main section ends here: its properties go to this paragraph
        main = self.d.sections[0]._sectPr
        sect = copy.deepcopy(main)
        self.body_append(f'<w:p {NSDECL}><w:pPr></w:pPr></w:p>')
        self.d.element.body[-2].find(f"{{{W_NS}}}pPr").append(sect)
        last = self.d.sections[-1]
        last.orientation = WD_ORIENT.LANDSCAPE
        last.page_width, last.page_height = tw(297) * 635, tw(210) * 635
        last.different_first_page_header_footer = True
        pg = parse_xml(f'<w:pgNumType {NSDECL} w:start="1"/>')
        last._sectPr.append(pg)
        day, month, year = s.date
        mtext = f"{month:02d}" if month < 3 else str(month)
        ref = f.get("appendix_ref", f"(Kèm theo {a['of']} số {s.number} ngày {day:02d} tháng {mtext} năm {year} "
                                     f"của {a['by']})")
        self.body_append(self.para("phu_luc_heading", a.get("heading", "Phụ lục")))
        self.body_append(self.para("phu_luc_title", a["title"]))
        self.body_append(self.para("phu_luc_ref", ref))
        self.body_append(self.rule_under(40.0, 297 - left - right, "phu_luc_ref"))
        lk = self.look("phu_luc_table")
        lk.update(self.faulty("phu_luc_table"))
        rows = []
        for i, row in enumerate(a["rows"]):
            cells = []
            for j, t in enumerate(row):
                over = {"bold": i == 0, "align": "left" if j == 1 and i else "center"}
                cells.append([self._cell_para(t, lk, over)])
            rows.append(cells)
        self.body_append(self._table(rows, tuple(a["cols_mm"]), borders=True, header_row=True))

    def _cell_para(self, text: str, lk: dict, over: dict) -> str:
        lk = dict(lk, **over)
        if self.s.styled:
            b = "<w:b/><w:bCs/>" if over.get("bold") else ""
            return (f'<w:p {NSDECL}><w:pPr><w:pStyle w:val="{self.style_id("phu_luc_table")}"/>'
                    f'<w:jc w:val="{lk["align"]}"/></w:pPr><w:r><w:rPr>{b}</w:rPr>'
                    f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')
        return (f'<w:p {NSDECL}><w:pPr>{self.ppr_inner(dict(lk, before=2, after=2))}</w:pPr>'
                f'<w:r>{self.rpr(lk)}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')

    def write(self, path: Path) -> Path:
        self.setup()
        self.header()
        self.title()
        self.body()
        self.signature()
        self.page_numbers()
        self.appendix()
        for hook in self.f.get("hooks", ()):
            hook(self.d)
        path = Path(path)
        self.d.save(str(path))
        for post in self.f.get("post", ()):
            post(path)
        return path


def build(spec: Spec, path: Path, fault: Fault | None = None) -> Path:
    """Write `spec` to `path`, with one fault when given."""
    return _Writer(copy.deepcopy(spec), fault).write(path)


# ---------------------------------------------------------------- text (after the seeds' wording)
_P = [
    "Cụ thể hóa trách nhiệm của từng ngành, lĩnh vực, địa phương nhằm lãnh đạo, tổ chức triển khai đồng bộ, "
    "hiệu quả các nhiệm vụ, giải pháp phát triển kinh tế - xã hội năm 2026, phù hợp với điều kiện, đặc thù "
    "của tỉnh.",
    "Là căn cứ để các sở, ban, ngành, Ủy ban nhân dân các xã, phường xây dựng kế hoạch theo chức năng, nhiệm "
    "vụ được giao; phân công rõ người, rõ việc, rõ thời gian hoàn thành và rõ trách nhiệm của người đứng đầu.",
    "Tập trung tháo gỡ khó khăn, vướng mắc trong giải phóng mặt bằng, đẩy nhanh tiến độ thi công các công "
    "trình trọng điểm; phấn đấu giải ngân vốn đầu tư công đạt 100% kế hoạch vốn được giao.",
    "Tăng cường kỷ luật, kỷ cương hành chính; đẩy mạnh chuyển đổi số, nâng cao tỷ lệ hồ sơ trực tuyến toàn "
    "trình; công khai, minh bạch kết quả giải quyết thủ tục hành chính cho người dân, doanh nghiệp.",
    "Thực hiện quyết liệt các giải pháp tăng thu ngân sách nhà nước, chống thất thu; quản lý chi ngân sách "
    "chặt chẽ, tiết kiệm, hiệu quả, bảo đảm nguồn lực cho an sinh xã hội và phát triển hạ tầng.",
    "Phát triển văn hóa, xã hội hài hòa với tăng trưởng kinh tế; chăm lo đời sống vật chất, tinh thần của "
    "Nhân dân, nhất là đồng bào vùng sâu, vùng xa, vùng đặc biệt khó khăn; giảm tỷ lệ hộ nghèo theo chuẩn mới.",
    "Bảo đảm quốc phòng, an ninh, giữ vững ổn định chính trị, trật tự an toàn xã hội; mở rộng quan hệ đối "
    "ngoại, tăng cường hợp tác với các địa phương trong và ngoài nước.",
    "Các cơ quan, đơn vị định kỳ hằng quý báo cáo kết quả thực hiện gửi Sở Tài chính trước ngày 15 của tháng "
    "cuối quý để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định.",
]


def _paras(*idx: int) -> list[tuple[str, str]]:
    return [("body", _P[i]) for i in idx]


_KH_BODY = (
    [("body", "Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ về nhiệm vụ, giải pháp chủ yếu "
              "thực hiện Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2026, Ủy ban "
              "nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:"),
     ("heading", "I. MỤC ĐÍCH, YÊU CẦU"), ("heading", "1. Mục đích")] + _paras(0, 1)
    + [("heading", "2. Yêu cầu")] + _paras(2, 3)
    + [("heading", "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU"), ("heading", "1. Về phát triển kinh tế")] + _paras(4, 2)
    + [("body", "a) Tập trung tháo gỡ khó khăn cho sản xuất, kinh doanh; hỗ trợ doanh nghiệp tiếp cận vốn, "
                "mặt bằng, thị trường."),
       ("body", "b) Đẩy mạnh phát triển du lịch, dịch vụ, thương mại biên giới; xây dựng thương hiệu sản "
                "phẩm đặc trưng của tỉnh."),
       ("heading", "2. Về văn hóa, xã hội")] + _paras(5, 1)
    + [("heading", "3. Về quốc phòng, an ninh, đối ngoại")] + _paras(6, 3)
    + [("heading", "III. TỔ CHỨC THỰC HIỆN")] + _paras(7, 0)
    + [("body", "Ủy ban nhân dân tỉnh yêu cầu thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các "
                "xã, phường và các cơ quan, đơn vị có liên quan nghiêm túc triển khai thực hiện./.")])

_NOI_NHAN_KH = ["- Văn phòng Chính phủ (b/c);", "- Bộ Tài chính (b/c);", "- TT. Tỉnh ủy, TT. HĐND tỉnh;",
                "- Chủ tịch, các PCT UBND tỉnh;", "- Các sở, ban, ngành tỉnh;", "- UBND các xã, phường;",
                "- Lưu: VT, TH."]

UBND = ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"]

SPECS: dict[str, Spec] = {}

SPECS["ke_hoach_nhieu_trang"] = Spec(
    kind="KH", ban_hanh=UBND, number="04/KH-UBND", place="Lào Cai", date=(3, 2, 2026),
    ten_loai="KẾ HOẠCH",
    trich_yeu=["Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ",
               "về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển",
               "kinh tế - xã hội năm 2026"],
    body=_KH_BODY, authority=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signer="Trần Huy Tuấn",
    noi_nhan=_NOI_NHAN_KH, pages="several", split_para=4)

SPECS["bao_cao_mot_trang_kinh_gui"] = Spec(
    kind="BC", chu_quan=["UBND TỈNH LÀO CAI"], ban_hanh=["SỞ TÀI CHÍNH"], number="15/BC-STC",
    place="Lào Cai", date=(12, 3, 2026), ten_loai="BÁO CÁO",
    trich_yeu=["Kết quả thực hiện các chỉ tiêu kinh tế - xã hội quý I năm 2026"],
    kinh_gui=["Ủy ban nhân dân tỉnh Lào Cai."],
    body=[("body", "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Tài chính báo cáo kết quả thực hiện các "
                   "chỉ tiêu kinh tế - xã hội quý I năm 2026 như sau:"),
          ("heading", "1. Kết quả đạt được"),
          ("body", "Tốc độ tăng trưởng kinh tế ước đạt 8,2%; thu ngân sách nhà nước trên địa bàn đạt 27,5% dự "
                   "toán; giải ngân vốn đầu tư công đạt 18,3% kế hoạch vốn được giao."),
          ("heading", "2. Đề xuất, kiến nghị"),
          ("body", "Đề nghị Ủy ban nhân dân tỉnh chỉ đạo các chủ đầu tư đẩy nhanh tiến độ giải ngân, hoàn "
                   "thiện hồ sơ thanh toán khối lượng hoàn thành trước ngày 30/6/2026."),
          ("body", "Sở Tài chính kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.")],
    authority=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], signer="Nguyễn Thị Hương",
    noi_nhan=["- Như trên;", "- Giám đốc Sở;", "- Lưu: VT, KHNS."],
    looks={"body": {"first": 10.0, "before": 6, "after": 0, "line": 312}}, split_para=2)

SPECS["cong_van_kinh_gui_nhieu_noi"] = Spec(
    kind="CV", ban_hanh=UBND, number="125/UBND-TH", place="Lào Cai", date=(5, 1, 2026),
    trich_yeu=["V/v báo cáo kết quả thực hiện", "chỉ tiêu kinh tế - xã hội năm 2025"],
    kinh_gui=["- Các sở, ban, ngành tỉnh;", "- Ủy ban nhân dân các xã, phường."],
    body=[("body", "Để có cơ sở tổng hợp, đánh giá kết quả thực hiện Kế hoạch phát triển kinh tế - xã hội "
                   "năm 2025, Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị:"),
          ("body", "1. Rà soát, đánh giá kết quả thực hiện các chỉ tiêu được giao, nêu rõ chỉ tiêu vượt, "
                   "đạt, không đạt và nguyên nhân."),
          ("body", "2. Gửi báo cáo về Sở Tài chính trước ngày 15/01/2026 để tổng hợp, báo cáo Ủy ban nhân "
                   "dân tỉnh./."),
          ],
    authority=["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"], signer="Phan Quốc Nghĩa",
    noi_nhan=["- Như trên;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, TH."],
    header_rows=2, table_style="grid_nil", looks={"body": {"first": 10.0}})

_TABLE_ROWS = [
    ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Cơ quan chủ trì"],
    ["1", "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", "%", "10,5", "Sở Tài chính"],
    ["2", "GRDP bình quân đầu người", "Triệu đồng", "92", "Sở Tài chính"],
    ["3", "Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "11.500", "Thuế tỉnh"],
    ["4", "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm", "%", "3,0", "Sở Nông nghiệp và Môi trường"],
    ["5", "Tỷ lệ che phủ rừng", "%", "61,3", "Sở Nông nghiệp và Môi trường"],
    ["6", "Tỷ lệ trường học đạt chuẩn quốc gia", "%", "75", "Sở Giáo dục và Đào tạo"],
    ["7", "Số bác sĩ trên 10.000 dân", "Bác sĩ", "13,5", "Sở Y tế"],
    ["8", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình", "%", "50", "Sở Khoa học và Công nghệ"],
]

SPECS["quyet_dinh_phu_luc"] = Spec(
    kind="QĐ", ban_hanh=UBND, number="125/QĐ-UBND", place="Lào Cai", date=(25, 12, 2025),
    ten_loai="QUYẾT ĐỊNH",
    trich_yeu=["Về việc giao chỉ tiêu kế hoạch phát triển", "kinh tế - xã hội năm 2026"],
    tham_quyen="ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
    can_cu=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Căn cứ Nghị quyết số 25/NQ-HĐND ngày 10 tháng 12 năm 2025 của Hội đồng nhân dân tỉnh về "
            "Kế hoạch phát triển kinh tế - xã hội năm 2026;",
            "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 310/TTr-STC ngày 15 tháng 12 năm 2025."],
    body=[("heading_center", "QUYẾT ĐỊNH:"),
          ("dieu", "Điều 1. Giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026 cho các sở, ban, "
                   "ngành tỉnh (chi tiết tại Phụ lục kèm theo)."),
          ("dieu", "Điều 2. Căn cứ chỉ tiêu được giao, thủ trưởng các cơ quan, đơn vị xây dựng kế hoạch tổ "
                   "chức thực hiện, định kỳ hằng quý báo cáo kết quả về Sở Tài chính để tổng hợp."),
          ("dieu", "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, "
                   "Giám đốc các sở, thủ trưởng các ban, ngành tỉnh và các cơ quan, đơn vị có liên quan chịu "
                   "trách nhiệm thi hành Quyết định này./.")],
    authority=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signer="Nguyễn Thế Phước",
    noi_nhan=["- Như Điều 3;", "- Bộ Tài chính (b/c);", "- TT. Tỉnh ủy, TT. HĐND tỉnh;",
              "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, TH."],
    appendix=dict(title="CHỈ TIÊU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026", of="Quyết định",
                  by="Ủy ban nhân dân tỉnh Lào Cai", rows=_TABLE_ROWS, cols_mm=(14, 110, 28, 35, 60)),
    pages="several", styled=True, rule="vml", cant_split=True)

SPECS["thong_bao_mot_trang"] = Spec(
    kind="TB", chu_quan=["UBND TỈNH LÀO CAI"], ban_hanh=["VĂN PHÒNG"], number="08/TB-VPUBND",
    place="Lào Cai", date=(9, 1, 2026), ten_loai="THÔNG BÁO",
    trich_yeu=["Kết luận của Chủ tịch Ủy ban nhân dân tỉnh", "tại phiên họp thường kỳ tháng 01 năm 2026"],
    body=[("body", "Ngày 07 tháng 01 năm 2026, Ủy ban nhân dân tỉnh họp phiên thường kỳ tháng 01. Sau khi "
                   "nghe các báo cáo và ý kiến thảo luận, Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:"),
          ("heading", "I. KẾT QUẢ THỰC HIỆN"),
          ("body", "Năm 2025, tăng trưởng kinh tế đạt 8,1%; thu ngân sách nhà nước vượt dự toán trung ương "
                   "giao; các chỉ tiêu về văn hóa, xã hội cơ bản hoàn thành."),
          ("heading", "II. NHIỆM VỤ THỜI GIAN TỚI"),
          ("body", _P[2]),
          ("body", "Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết và thực hiện./.")],
    authority=["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"], signer="Lê Thị Thu Hà",
    noi_nhan=["- TT. Tỉnh ủy, TT. HĐND tỉnh;", "- Các sở, ban, ngành tỉnh;", "- Lưu: VT, TH."],
    heading_align="left", theme_fonts=True, explicit_black=False, page_numbers=True, first_header="none",
    margins_mm=(25, 25, 35, 20), looks={"body": {"size": 13, "after": 6, "line": 276},
                                         "heading": {"size": 13}, "dia_danh_ngay": {"size": 13},
                                         "ten_loai": {"size": 13}, "trich_yeu": {"size": 13}})

SPECS["to_trinh_nhieu_trang"] = Spec(
    kind="TTr", chu_quan=["UBND TỈNH LÀO CAI"], ban_hanh=["SỞ TÀI CHÍNH"], number="310/TTr-STC",
    place="Lào Cai", date=(15, 12, 2025), ten_loai="TỜ TRÌNH",
    trich_yeu=["Về việc giao chỉ tiêu kế hoạch phát triển", "kinh tế - xã hội năm 2026"],
    kinh_gui=["Ủy ban nhân dân tỉnh Lào Cai."],
    body=([("body", "Thực hiện Nghị quyết số 25/NQ-HĐND ngày 10/12/2025 của Hội đồng nhân dân tỉnh về Kế "
                    "hoạch phát triển kinh tế - xã hội năm 2026, Sở Tài chính kính trình Ủy ban nhân dân tỉnh "
                    "như sau:"),
           ("heading", "I. SỰ CẦN THIẾT")] + _paras(0, 1, 3)
          + [("heading", "II. NỘI DUNG ĐỀ XUẤT")] + _paras(2, 4, 5, 6)
          + [("heading", "III. KIẾN NGHỊ")] + _paras(7)
          + [("body", "Sở Tài chính kính trình Ủy ban nhân dân tỉnh xem xét, quyết định./.")]),
    authority=["GIÁM ĐỐC"], signer="Hoàng Văn Minh",
    noi_nhan=["- Như trên;", "- Lãnh đạo Sở;", "- Lưu: VT, KHNS."],
    pages="several", page_field="simple", first_header="none", header_cols_mm=(62.0, 103.0), header_rows=2,
    rule="drawing",
    margins_mm=(25, 20, 35, 20), looks={"quoc_hieu": {"size": 13}, "tieu_ngu": {"size": 14},
                                        "co_quan_chu_quan": {"size": 12}, "co_quan_ban_hanh": {"size": 12}})

SPECS["bao_cao_phu_luc"] = Spec(
    kind="BC", ban_hanh=UBND, number="210/BC-UBND", place="Lào Cai", date=(8, 7, 2026),
    ten_loai="BÁO CÁO",
    trich_yeu=["Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội", "6 tháng đầu năm 2026"],
    body=([("body", "Ủy ban nhân dân tỉnh báo cáo tình hình thực hiện kế hoạch phát triển kinh tế - xã hội "
                    "6 tháng đầu năm 2026 (số liệu chi tiết tại Phụ lục kèm theo) như sau:"),
           ("heading", "I. KẾT QUẢ ĐẠT ĐƯỢC"), ("heading", "1. Về kinh tế")] + _paras(4, 2, 0)
          + [("heading", "2. Về văn hóa, xã hội, quốc phòng, an ninh")] + _paras(5, 6, 1)
          + [("heading", "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM")] + _paras(2, 3, 7, 4, 5)
          + [("body", "Ủy ban nhân dân tỉnh báo cáo để các cơ quan có thẩm quyền biết, chỉ đạo./.")]),
    authority=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signer="Trần Huy Tuấn",
    noi_nhan=["- Văn phòng Chính phủ (b/c);", "- Bộ Tài chính (b/c);", "- TT. Tỉnh ủy;", "- Lưu: VT, TH."],
    appendix=dict(heading="Phụ lục", title="KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU 6 THÁNG ĐẦU NĂM 2026",
                  of="Báo cáo", by="Ủy ban nhân dân tỉnh", rows=_TABLE_ROWS, cols_mm=(14, 110, 28, 35, 60)),
    pages="several", heading_align="left", normal_tnr=False,
    looks={"body": {"exact": 18}, "heading": {"exact": 18}})

SPECS["cong_van_nhieu_trang"] = Spec(
    kind="CV", ban_hanh=UBND, number="86/UBND-KT", place="Lào Cai", date=(20, 4, 2026),
    trich_yeu=["V/v đề nghị bổ sung vốn đầu tư", "phát triển hạ tầng năm 2026"],
    kinh_gui=["Bộ Tài chính."],
    body=([("body", "Thực hiện Kế hoạch phát triển kinh tế - xã hội năm 2026, Ủy ban nhân dân tỉnh Lào Cai "
                    "kính đề nghị Bộ Tài chính xem xét bổ sung vốn đầu tư phát triển hạ tầng với các nội dung "
                    "sau:")]
          + [("body", f"{i}. " + _P[k]) for i, k in enumerate((2, 4, 3, 5, 6, 0, 1), 1)]
          + _paras(7, 2, 4)
          + [("body", "Ủy ban nhân dân tỉnh Lào Cai kính đề nghị Bộ Tài chính quan tâm, xem xét./.")]),
    authority=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signer="Nguyễn Thành Sinh",
    noi_nhan=["- Như trên;", "- TT. Tỉnh ủy, TT. HĐND tỉnh;", "- Chủ tịch, các PCT UBND tỉnh;",
              "- Sở Tài chính;", "- Lưu: VT, KT."],
    pages="several", styled=True, page_field="simple", explicit_black=False,
    looks={"body": {"size": 14, "first": 10.0, "before": 6, "after": 0, "line": 300}})


# ---------------------------------------------------------------- registry
CONFORMANT: dict[str, Callable[[Path], Path]] = {}
BROKEN: dict[str, tuple[str, Callable[[Path], Path], bool]] = {}
NOTICES: dict[str, tuple[str, Callable[[Path], Path]]] = {}
HOSTILE: dict[str, Callable[[Path], Path]] = {}
PARENT: dict[str, str] = {}
ABOUT: dict[str, str] = {}
FAULTS: dict[str, Fault] = {}


def _conformant(name: str, about: str) -> None:
    CONFORMANT[name] = partial(build, SPECS[name])
    ABOUT[name] = about


def _broken(name: str, parent: str, rule_id: str, fixable: bool, fault: Fault, about: str) -> None:
    BROKEN[name] = (rule_id, partial(build, SPECS[parent], fault=fault), fixable)
    PARENT[name], ABOUT[name], FAULTS[name] = parent, about, fault


def _look(role: str, **props) -> Fault:
    return {"look": {role: props}}


_conformant("ke_hoach_nhieu_trang", "Kế hoạch of several pages, direct formatting, header as a borderless "
            "table, page numbers from page 2 (complex PAGE field, empty first-page header), justified headings")
_conformant("bao_cao_mot_trang_kinh_gui", "one-page Báo cáo of a Sở to the province: cơ quan chủ quản, "
            "Kính gửi one recipient on one line, KT. signature, no page number at all")
_conformant("cong_van_kinh_gui_nhieu_noi", "one-page công văn: «V/v» under Số (6 pt gap), Kính gửi several "
            "recipients, header in two rows of a Table Grid with borders set to nil")
_conformant("quyet_dinh_phu_luc", "Quyết định with paragraph styles (no direct formatting), lines drawn as VML "
            "shapes, căn cứ italic, Điều 1–3, TM./KT. signature, landscape appendix with a repeated header row")
_conformant("thong_bao_mot_trang", "one-page Thông báo: Times New Roman through the theme (no rFonts), no "
            "explicit colour, left-aligned one-line headings, 13 pt, margins 25/25/35/20, numbering set up "
            "(titlePg without a first-page header) that never shows on its single page")
_conformant("to_trinh_nhieu_trang", "Tờ trình of several pages: Kính gửi one recipient, quốc hiệu 13 pt in a "
            "wider right column, fldSimple PAGE field, titlePg without a first-page header")
_conformant("cong_van_nhieu_trang", "công văn of several pages to a ministry with paragraph styles and bordered "
            "lines: «V/v» under Số, Kính gửi one recipient, numbered body paragraphs, fldSimple PAGE from page 2")
_conformant("bao_cao_phu_luc", "Báo cáo of several pages with a landscape appendix, Normal style left as the "
            "theme's (every run formatted directly), left-aligned one-line headings")

KH, BC, CV, QD, TB, TT, BP, CN = ("ke_hoach_nhieu_trang", "bao_cao_mot_trang_kinh_gui",
                                  "cong_van_kinh_gui_nhieu_noi", "quyet_dinh_phu_luc", "thong_bao_mot_trang",
                                  "to_trinh_nhieu_trang", "bao_cao_phu_luc", "cong_van_nhieu_trang")

# name, parent, rule id, fixable, fault, what it breaks
_BREAKS = [
    # page
    ("ke_hoach_le_trai_25", KH, "page.margins", True, {"margins": (20, 20, 25, 15)}, "left margin 25 mm (30–35)"),
    ("to_trinh_le_tren_15", TT, "page.margins", True, {"margins": (15, 20, 35, 20)}, "top margin 15 mm (20–25)"),
    ("thong_bao_kho_letter", TB, "page.size", True, {"page_size": (215.9, 279.4)}, "US Letter paper, not A4"),
    ("cong_van_trang_ngang", CV, "page.orientation", False, {"landscape": True}, "the body page is landscape"),
    ("bao_cao_phong_arial", BC, "font.font", True, _look("body", font="Arial"), "body in Arial"),
    ("ke_hoach_mau_chu_de", KH, "color.value", False,
     {"color_run": '<w:color w:val="000000" w:themeColor="accent1"/>'},
     "a body run coloured by themeColor accent1 (blue) over a black val"),
    ("bao_cao_mau_do", BC, "color.value", False, {"color_run": '<w:color w:val="FF0000"/>'}, "a body run in red"),
    # header
    ("bao_cao_chu_quan_dam", BC, "co_quan_chu_quan.bold", False, _look("co_quan_chu_quan", bold=True),
     "cơ quan chủ quản in bold"),
    ("to_trinh_chu_quan_14", TT, "co_quan_chu_quan.size", True, _look("co_quan_chu_quan", size=14),
     "cơ quan chủ quản at 14 pt (12–13)"),
    ("ke_hoach_ban_hanh_khong_dam", KH, "co_quan_ban_hanh.bold", False, _look("co_quan_ban_hanh", bold=False),
     "cơ quan ban hành not bold"),
    ("cong_van_ban_hanh_14", CV, "co_quan_ban_hanh.size", True, _look("co_quan_ban_hanh", size=14),
     "cơ quan ban hành at 14 pt (12–13)"),
    ("ke_hoach_thieu_ke_ban_hanh", KH, "co_quan_ban_hanh.rule_line", False, {"no_ban_hanh_rule": True},
     "no line under the cơ quan ban hành"),
    ("quyet_dinh_ke_ban_hanh_dai", QD, "co_quan_ban_hanh.rule_line", False, {"ban_hanh_rule_mm": 43.0},
     "the line under the cơ quan ban hành as long as its text (1/3–1/2)"),
    ("ke_hoach_quoc_hieu_gian_dong", KH, "quoc_hieu.line_spacing", False, _look("quoc_hieu", line=360),
     "quốc hiệu at 1.5 line spacing"),
    ("cong_van_quoc_hieu_khong_dam", CV, "quoc_hieu.bold", False, _look("quoc_hieu", bold=False),
     "quốc hiệu not bold"),
    ("to_trinh_quoc_hieu_14", TT, "quoc_hieu.size", True, _look("quoc_hieu", size=14), "quốc hiệu at 14 pt"),
    ("bao_cao_quoc_hieu_chu_thuong", BC, "quoc_hieu.case", False,
     {"quoc_hieu_text": "Cộng hòa xã hội chủ nghĩa Việt Nam"}, "quốc hiệu not in capitals"),
    ("ke_hoach_tieu_ngu_gian_dong", KH, "tieu_ngu.line_spacing", False, _look("tieu_ngu", line=360),
     "tiêu ngữ at 1.5 line spacing"),
    ("bao_cao_tieu_ngu_12", BC, "tieu_ngu.size", True, _look("tieu_ngu", size=12), "tiêu ngữ at 12 pt (13–14)"),
    ("thong_bao_tieu_ngu_khong_cach", TB, "tieu_ngu.format", False,
     {"tieu_ngu_text": "Độc lập-Tự do-Hạnh phúc"}, "tiêu ngữ hyphens without spaces"),
    ("cong_van_ke_tieu_ngu_ngan", CV, "tieu_ngu.rule_line", False,
     {"tieu_ngu_rule_mm": 28.0}, "the line under the tiêu ngữ half its length"),
    ("bao_cao_so_14", BC, "so_ky_hieu.size", True, _look("so_ky_hieu", size=14), "Số line at 14 pt (13)"),
    ("ke_hoach_so_co_dau_cach", KH, "so_ky_hieu.format", False, {"so_text": "Số: 04 /KH-UBND"},
     "«Số: 04 /KH-UBND», a stray space (seed 001)"),
    ("thong_bao_so_thieu_so_0", TB, "so_ky_hieu.format", False, {"so_text": "Số: 8/TB-VPUBND"},
     "«Số: 8/TB-VPUBND», a number under 10 without its leading 0"),
    ("ke_hoach_so_ngoai_bang", KH, "so_ky_hieu.position", False, {"so_outside": True},
     "Số written below the header table instead of in its left column"),
    ("bao_cao_ngay_ngoai_bang", BC, "dia_danh_ngay.position", False, {"date_outside": True},
     "place and date written below the header table instead of in its right column"),
    ("ke_hoach_ngay_thieu_so_0", KH, "dia_danh_ngay.format", True,
     {"date_text": "Lào Cai, ngày 3 tháng 2 năm 2026"}, "«ngày 3 tháng 2»: day and month 1–2 without their 0"),
    ("bao_cao_ngay_khong_so_0", BC, "dia_danh_ngay.format", True,
     {"date_text": "Lào Cai, ngày 12 tháng 03 năm 2026"}, "month 3 written «03» (only 1–2 take a zero)"),
    ("bao_cao_ngay_thieu_dau_phay", BC, "dia_danh_ngay.format", True,
     {"date_text": "Lào Cai ngày 12 tháng 3 năm 2026"}, "no comma after the place: a wrong date, not a missing one"),
    ("cong_van_ngay_dung", CV, "dia_danh_ngay.italic", False, _look("dia_danh_ngay", italic=False),
     "place and date upright"),
    ("to_trinh_ngay_12", TT, "dia_danh_ngay.size", True, _look("dia_danh_ngay", size=12),
     "place and date at 12 pt (13–14)"),
    # title
    ("ke_hoach_ten_loai_16", KH, "ten_loai.size", True, _look("ten_loai", size=16), "tên loại at 16 pt"),
    ("bao_cao_ten_loai_chu_thuong", BC, "ten_loai.case", False, {"ten_loai_text": "Báo cáo"},
     "tên loại «Báo cáo» not in capitals"),
    ("thong_bao_ten_loai_trai", TB, "ten_loai.align", False, _look("ten_loai", align="left"),
     "tên loại left-aligned"),
    ("quyet_dinh_ten_loai_khong_dam", QD, "ten_loai.bold", False, _look("ten_loai", bold=False),
     "Quyết định: tên loại «QUYẾT ĐỊNH» not bold"),
    ("quyet_dinh_trich_yeu_khong_dam", QD, "trich_yeu.bold", False, _look("trich_yeu", bold=False),
     "Quyết định: trích yếu not bold"),
    ("ke_hoach_trich_yeu_12", KH, "trich_yeu.size", True, _look("trich_yeu", size=12), "trích yếu at 12 pt"),
    ("to_trinh_thieu_ke_trich_yeu", TT, "trich_yeu.rule_line", False, {"no_trich_yeu_rule": True},
     "no line under the trích yếu"),
    ("cong_van_vv_sat_so", CV, "vv.spacing", False, {"vv_no_gap": True},
     "«V/v» directly under the Số line, without its 6 pt gap"),
    ("cong_van_nhieu_trang_vv_nghieng", CN, "vv.italic", False, _look("vv", italic=True),
     "«V/v» in italics (in its paragraph style)"),
    ("cong_van_nhieu_trang_so_trang_trang_1", CN, "page_number.first_page", True, {"number_page_one": True},
     "page number on page 1 of a styled công văn"),
    ("cong_van_nhieu_trang_kinh_gui_nghieng", CN, "kinh_gui.italic", False, _look("kinh_gui", italic=True),
     "Kính gửi in italics (in its paragraph style)"),
    ("cong_van_vv_14", CV, "vv.size", True, _look("vv", size=14), "«V/v» at 14 pt (12–13)"),
    ("cong_van_vv_dam", CV, "vv.bold", False, _look("vv", bold=True), "«V/v» in bold"),
    ("cong_van_kinh_gui_thieu_cham", CV, "kinh_gui.format", False,
     {"kinh_gui_items": ["- Các sở, ban, ngành tỉnh;", "- Ủy ban nhân dân các xã, phường;"]},
     "the last Kính gửi recipient ends «;» instead of «.»"),
    ("bao_cao_kinh_gui_12", BC, "kinh_gui.size", True, _look("kinh_gui", size=12), "Kính gửi at 12 pt"),
    ("quyet_dinh_can_cu_dung", QD, "can_cu.italic", False, _look("can_cu", italic=False),
     "Quyết định: căn cứ lines upright"),
    ("quyet_dinh_can_cu_12", QD, "can_cu.size", True, _look("can_cu", size=12), "căn cứ at 12 pt"),
    ("quyet_dinh_can_cu_cham_phay", QD, "can_cu.format", False,
     {"can_cu": SPECS[QD].can_cu[:-1] + [SPECS[QD].can_cu[-1][:-1] + ";"]},
     "the last căn cứ line ends «;» instead of «.»"),
    ("quyet_dinh_dieu_khong_dam", QD, "heading.bold", False, {"dieu_upright": True},
     "Quyết định: «Điều 1.», «Điều 2.», «Điều 3.» not bold"),
    # body
    ("ke_hoach_than_nghieng", KH, "body.italic", False, _look("body", italic=True), "body text in italics"),
    ("to_trinh_than_12", TT, "body.size", True, _look("body", size=12), "body at 12 pt (13–14)"),
    ("ke_hoach_than_can_trai", KH, "body.align", False, _look("body", align="left"),
     "body paragraphs of several lines left-aligned, not justified"),
    ("bao_cao_thut_dau_dong_5", BC, "body.indent", False, _look("body", first=5.0),
     "body first-line indent 5 mm (1–1.27 cm)"),
    ("ke_hoach_than_khong_cach_doan", KH, "body.spacing", False, _look("body", after=0),
     "body paragraphs with no spacing between them (≥ 6 pt)"),
    ("to_trinh_than_dong_doi", TT, "body.line_spacing", False, _look("body", line=480),
     "body at double line spacing (single to 1.5)"),
    ("ke_hoach_muc_khong_dam", KH, "heading.bold", False, _look("heading", bold=False),
     "«I. MỤC ĐÍCH, YÊU CẦU» and «1. Mục đích» not bold"),
    ("to_trinh_muc_16", TT, "heading.size", True, _look("heading", size=16), "headings at 16 pt"),
    ("bao_cao_phu_luc_con_o_vang", BP, "placeholder.present", False, {"placeholder": 3},
     "a yellow-highlighted «[tên cơ quan]» left in the body"),
    # signature, recipients
    ("ke_hoach_quyen_han_12", KH, "quyen_han.size", True, _look("quyen_han", size=12),
     "quyền hạn «TM. ỦY BAN NHÂN DÂN» at 12 pt"),
    ("bao_cao_chuc_vu_khong_dam", BC, "chuc_vu.bold", False, _look("chuc_vu", bold=False), "chức vụ not bold"),
    ("cong_van_chuc_vu_12", CV, "chuc_vu.size", True, _look("chuc_vu", size=12),
     "chức vụ «CHÁNH VĂN PHÒNG» at 12 pt"),
    ("to_trinh_ho_ten_12", TT, "ho_ten.size", True, _look("ho_ten", size=12), "họ tên at 12 pt"),
    ("cong_van_ho_ten_hoc_ham", CV, "ho_ten.format", False, {"signer": "TS. Phan Quốc Nghĩa"},
     "an academic title before the signer's name"),
    ("ke_hoach_noi_nhan_khong_nghieng", KH, "noi_nhan_label.italic", False, _look("noi_nhan_label", italic=False),
     "«Nơi nhận:» bold but upright"),
    ("thong_bao_noi_nhan_14", TB, "noi_nhan_label.size", True, _look("noi_nhan_label", size=14),
     "«Nơi nhận:» at 14 pt (12)"),
    ("bao_cao_noi_nhan_muc_13", BC, "noi_nhan_item.size", True, _look("noi_nhan_item", size=13),
     "Nơi nhận items at 13 pt (11)"),
    ("ke_hoach_noi_nhan_dau_cau", KH, "noi_nhan_item.format", True,
     {"noi_nhan": [t.rstrip(";") for t in _NOI_NHAN_KH[:-1]] + ["- Lưu: VT, TH"]},
     "Nơi nhận items without their «;» and the Lưu line without its «.»"),
    # page numbers
    ("ke_hoach_so_trang_trang_1", KH, "page_number.first_page", True, {"number_page_one": True},
     "page number shown on page 1 (no titlePg)"),
    ("to_trinh_so_trang_11", TT, "page_number.size", True, _look("page_number", size=11), "page numbers at 11 pt"),
    ("ke_hoach_so_trang_phai", KH, "page_number.align", False, _look("page_number", align="right"),
     "page numbers at the right of the header, not centred"),
    ("to_trinh_so_trang_chan", TT, "page_number.position", False, {"number_in_footer": True},
     "page numbers in the footer, not the top margin"),
    # appendix
    ("quyet_dinh_phu_luc_12", QD, "phu_luc_heading.size", True, _look("phu_luc_heading", size=12),
     "«Phụ lục» at 12 pt (14)"),
    ("bao_cao_phu_luc_sai_ngay", BP, "phu_luc_heading.format", False,
     {"appendix_ref": "(Kèm theo Báo cáo số 210/BC-UBND ngày 07 tháng 7 năm 2026 của Ủy ban nhân dân tỉnh)"},
     "the appendix's «Kèm theo» line dated a day before the document (seed 001's slip)"),
    ("bao_cao_phu_luc_khong_lap_tieu_de", BP, "phu_luc_table.header_row", False, {"no_repeat_header": True},
     "the appendix table's header row is not repeated on each page"),
    ("bao_cao_phu_luc_bang_10", BP, "phu_luc_table.size", True, _look("phu_luc_table", size=10),
     "appendix table at 10 pt (11–13)"),
]
for _name, _parent, _rid, _fix, _fault, _about in _BREAKS:
    _broken(_name, _parent, _rid, _fix, _fault, _about)


def build_all(folder: Path) -> dict[str, Path]:
    """Every conformant, broken and notice document written into `folder` as NAME.docx."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, b in CONFORMANT.items():
        out[name] = b(folder / f"{name}.docx")
    for name, (_, b, _) in BROKEN.items():
        out[name] = b(folder / f"{name}.docx")
    for name, (_, b) in NOTICES.items():
        out[name] = b(folder / f"{name}.docx")
    return out


# ---------------------------------------------------------------- package notices (otherwise conformant)
def _rezip(path: Path, edits: dict[str, Callable[[bytes], bytes] | bytes]) -> Path:
    """Rewrite the package at `path` with members replaced or added."""
    path = Path(path)
    tmp = path.with_suffix(".tmp")
    rezip(tmp, edits, src=path)
    tmp.replace(path)
    return path


def _tracked(d) -> None:
    """Tracked changes as a reviewer leaves them: «chi tiết» deleted and «cụ thể» inserted before «như sau:»
    in the first body paragraph (accepted, it reads «… ban hành Kế hoạch thực hiện cụ thể như sau:»)."""
    body = d.element.body
    p = next(el for el in body if el.tag == f"{{{W_NS}}}p" and el.xpath("string(.)").endswith(" như sau:"))
    run = p.findall(f"{{{W_NS}}}r")[-1]
    t = run.find(f"{{{W_NS}}}t")
    head, tail = t.text.rsplit(" như sau:", 1)
    t.text = head
    after = copy.deepcopy(run)
    after.find(f"{{{W_NS}}}t").text = " như sau:" + tail
    rpr = run.find(f"{{{W_NS}}}rPr")
    rpr = "" if rpr is None else etree.tostring(rpr).decode()
    dele = parse_xml(f'<w:del {NSDECL} w:id="901" w:author="Nguyễn Văn An" w:date="2026-02-02T09:00:00Z">'
                     f'<w:r>{rpr}<w:delText xml:space="preserve"> chi tiết</w:delText></w:r></w:del>')
    ins = parse_xml(f'<w:ins {NSDECL} w:id="902" w:author="Nguyễn Văn An" w:date="2026-02-02T09:00:00Z">'
                    f'<w:r>{rpr}<w:t xml:space="preserve"> cụ thể</w:t></w:r></w:ins>')
    run.addnext(dele)
    dele.addnext(ins)
    ins.addnext(after)


def _comment(d) -> None:
    p = next(x for x in d.paragraphs if x.text.startswith("Thực hiện"))
    d.add_comment(p.runs, text="Đề nghị rà soát lại số hiệu nghị quyết.", author="Lê Văn Bình", initials="LVB")


def _protection(d) -> None:
    d.settings.element.append(parse_xml(
        f'<w:documentProtection {NSDECL} w:edit="readOnly" w:enforcement="1"/>'))


def _hyperlink(d) -> None:
    """The second run of the two-run paragraph becomes an external link (text unchanged, still black)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    rid = d.part.relate_to("https://laocai.gov.vn/van-ban", RT.HYPERLINK, is_external=True)
    body = d.element.body
    for p in body.iter(f"{{{W_NS}}}p"):
        runs = p.findall(f"{{{W_NS}}}r")
        if len(runs) == 2 and not p.xpath("ancestor::w:tbl"):
            link = parse_xml(f'<w:hyperlink {NSDECL} r:id="{rid}" w:history="1"/>')
            runs[1].addprevious(link)
            link.append(runs[1])
            return
    raise AssertionError("no two-run paragraph to link")


def _attached_template(d) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    rid = d.part._settings_part.relate_to("file:///C:/Users/VanThu/AppData/Roaming/Microsoft/Templates/VanBan.dotm",
                                    RT.OFFICE_DOCUMENT.rsplit("/", 1)[0] + "/attachedTemplate",
                                    is_external=True)
    settings = d.settings.element
    settings.insert(0, parse_xml(f'<w:attachedTemplate {NSDECL} r:id="{rid}"/>'))


def _macros(path: Path) -> None:
    """A vbaProject part and the macro-enabled main content type (what Word saves as .docm)."""
    def types(b: bytes) -> bytes:
        b = b.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                      b"application/vnd.ms-word.document.macroEnabled.main+xml")
        return b.replace(b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                                      b"</Types>")

    def rels(b: bytes) -> bytes:
        return b.replace(b"</Relationships>", b'<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/'
                                              b'office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
                                              b"</Relationships>")
    # a compound-file header followed by padding: enough for a part that is never executed
    vba = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    _rezip(path, {"[Content_Types].xml": types, "word/_rels/document.xml.rels": rels, "word/vbaProject.bin": vba})


def _signature(path: Path) -> None:
    """A digital-signature origin part and one XML signature, as Word adds when a document is signed."""
    sig = (b'<?xml version="1.0" encoding="UTF-8"?><Signature xmlns="http://www.w3.org/2000/09/xmldsig#" '
           b'Id="idPackageSignature"><SignedInfo><CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/'
           b'REC-xml-c14n-20010315"/><SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-'
           b'sha256"/></SignedInfo><SignatureValue>AAAA</SignatureValue></Signature>')

    def types(b: bytes) -> bytes:
        return b.replace(b"</Types>", b'<Default Extension="sigs" ContentType="application/vnd.openxmlformats-'
                                      b'package.digital-signature-origin"/><Override PartName="/_xmlsignatures/'
                                      b'sig1.xml" ContentType="application/vnd.openxmlformats-package.digital-'
                                      b'signature-xmlsignature+xml"/></Types>')

    def root_rels(b: bytes) -> bytes:
        return b.replace(b"</Relationships>", b'<Relationship Id="rIdSig1" Type="http://schemas.openxmlformats.'
                                              b'org/package/2006/relationships/digital-signature/origin" '
                                              b'Target="_xmlsignatures/origin.sigs"/></Relationships>')
    origin_rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
                   b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                   b'openxmlformats.org/package/2006/relationships/digital-signature/signature" Target="sig1.xml"/>'
                   b'</Relationships>')
    _rezip(path, {"[Content_Types].xml": types, "_rels/.rels": root_rels, "_xmlsignatures/origin.sigs": b"",
                  "_xmlsignatures/sig1.xml": sig, "_xmlsignatures/_rels/origin.sigs.rels": origin_rels})


def _notice(name: str, parent: str, rule_id: str, fault: Fault, about: str) -> None:
    NOTICES[name] = (rule_id, partial(build, SPECS[parent], fault=fault))
    PARENT[name], ABOUT[name], FAULTS[name] = parent, about, fault


_notice("ke_hoach_sua_doi_theo_vet", KH, "package.tracked_changes", {"hooks": (_tracked,)},
        "a tracked deletion (w:del «chi tiết») and insertion (w:ins «cụ thể») in the first body paragraph")
_notice("ke_hoach_co_ghi_chu", KH, "package.comments", {"hooks": (_comment,)},
        "a reviewer's comment (comments part) on the first body paragraph")
_notice("bao_cao_bao_ve", BC, "package.protection", {"hooks": (_protection,)},
        "documentProtection (read-only, enforced) in settings")
_notice("bao_cao_macro", BC, "package.macros", {"post": (_macros,)},
        "a vbaProject part and the macro-enabled (.docm) main content type")
_notice("ke_hoach_lien_ket_ngoai", KH, "package.external_links", {"hooks": (_hyperlink,)},
        "an external hyperlink around a body run (text and colour unchanged)")
_notice("to_trinh_mau_ngoai", TT, "package.external_links", {"hooks": (_attached_template,)},
        "settings attachedTemplate pointing to a .dotm on the author's disk (external relationship)")
_notice("cong_van_chu_ky_so", CV, "package.signature", {"post": (_signature,)},
        "a digital-signature origin part with one XML signature")


# ---------------------------------------------------------------- hostile packages (to be refused, not read)
def zip_bomb(path: Path, mib: int = 1024) -> Path:
    """A conformant Kế hoạch whose document.xml inflates by `mib` MiB of blanks before </w:body>:
    about 1 MiB on disk per GiB inflated. The sizes in the zip are true."""
    path = Path(path)
    build(SPECS[KH], path)
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i.filename) for i in z.infolist()}
    xml = members.pop("word/document.xml")
    head, tail = xml.rsplit(b"</w:body>", 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in members.items():
            z.writestr(name, data)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(head)
            block = b" " * (1 << 20)
            for _ in range(mib):
                fh.write(block)
            fh.write(b"</w:body>" + tail)
    return path


def encrypted(path: Path) -> Path:
    """What Word writes for a password-protected .docx: an OLE compound file, not a zip."""
    head = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
            + b"\x06\x00" + b"\x00" * 10)
    Path(path).write_bytes(head.ljust(512, b"\x00") + "EncryptedPackage".encode("utf-16-le").ljust(512, b"\x00"))
    return Path(path)


def not_a_zip(path: Path) -> Path:
    Path(path).write_text("Đây không phải là tệp Word.\n", encoding="utf-8")
    return Path(path)


HOSTILE["zip_bomb"] = zip_bomb
HOSTILE["ma_hoa"] = encrypted
HOSTILE["khong_phai_zip"] = not_a_zip
ABOUT["zip_bomb"] = "a conformant Kế hoạch whose document.xml inflates to over 1 GiB (about 1 MiB on disk)"
ABOUT["ma_hoa"] = "a password-protected document: an OLE compound file, not a zip"
ABOUT["khong_phai_zip"] = "a text file named .docx"
