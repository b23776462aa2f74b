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
import dataclasses
import re
import zipfile
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml

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
    rule: str = "border"                       # border (paragraph bottom border) | vml (a drawn line)
    heading_align: str = "both"                # both | left (one-line headings)
    margins_mm: tuple[float, float, float, float] = (20, 20, 30, 15)   # top bottom left right
    page_field: str = "complex"                # complex | simple
    first_header: str = "empty"                # empty (an empty first-page header) | none
    page_numbers: bool = True                  # several-page documents number pages from 2
    looks: dict = field(default_factory=dict)  # role -> overrides within nd30's ranges
    explicit_black: bool = True                # <w:color w:val="000000"/> on runs
    normal_tnr: bool = True                    # Normal style set to Times New Roman 14
    split_para: int | None = None              # body paragraph typed as two runs


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

    def ppr_inner(self, lk: dict, left_mm: float = 0, border: str = "") -> str:
        out = []
        if lk.get("keep"):
            out.append("<w:keepNext/>")
        out.append(border)
        line = lk.get("line", 240)
        out.append(f'<w:spacing w:before="{int(lk.get("before", 0) * 20)}" '
                   f'w:after="{int(lk.get("after", 0) * 20)}" w:line="{line}" w:lineRule="auto"/>')
        first = lk.get("first", 0)
        out.append(f'<w:ind w:left="{tw(left_mm)}" w:right="0" w:firstLine="{tw(first)}"/>')
        out.append(f'<w:jc w:val="{lk["align"]}"/>')
        return "".join(out)

    def para(self, role: str, text: str | list, left_mm: float = 0, border: str = "",
             runs_extra: str = "", ppr_extra: str = "", sect: str = "") -> str:
        """A paragraph of one role. `text` is a string or a list of (text, look overrides)."""
        lk = self.look(role)
        lk.update(self.faulty(role))
        segments = [(text, {})] if isinstance(text, str) else text
        if self.s.styled:
            style = self.style_id(role)
            pin = f'<w:pStyle w:val="{style}"/>' + border
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
                if bits or runs_extra:
                    rp = "<w:rPr>" + "".join(bits) + runs_extra + "</w:rPr>"
                runs.append(f'<w:r>{rp}<w:t xml:space="preserve">{escape(seg)}</w:t></w:r>')
        else:
            pin = self.ppr_inner(lk, left_mm, border)
            runs = []
            for seg, over in segments:
                lk2 = dict(lk)
                lk2.update({k: v for k, v in over.items() if k != "extra"})
                runs.append(f'<w:r>{self.rpr(lk2, over.get("extra", "") + runs_extra)}'
                            f'<w:t xml:space="preserve">{escape(seg)}</w:t></w:r>')
        return f'<w:p {NSDECL}><w:pPr>{pin}{ppr_extra}{sect}</w:pPr>{"".join(runs)}</w:p>'

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
        st = d.styles.element
        normal = d.styles["Normal"].element
        if s.theme_fonts:
            self._theme_tnr()
        if s.normal_tnr:
            fonts = "" if s.theme_fonts else f'<w:rFonts w:ascii="{TNR}" w:hAnsi="{TNR}" w:cs="{TNR}"/>'
            normal.append(parse_xml(f'<w:pPr {NSDECL}><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'))
            normal.append(parse_xml(f'<w:rPr {NSDECL}>{fonts}<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>'))
        del st
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
                  align="center", bold=False, italic=False)
        if self.s.rule == "vml":
            start = (box_mm - length_mm) / 2 * 72 / 25.4
            end = start + length_mm * 72 / 25.4
            shape = (f'<w:r><w:pict><v:line id="_x0000_s{abs(hash((role, length_mm))) % 9000 + 1000}" '
                     f'style="position:absolute;z-index:251659264;mso-position-horizontal-relative:text;'
                     f'mso-position-vertical-relative:text" from="{start:.1f}pt,2pt" to="{end:.1f}pt,2pt" '
                     f'strokeweight=".5pt"/></w:pict></w:r>')
            lk.update(size=6, align="left")
            return (f'<w:p {NSDECL}><w:pPr>{self.ppr_inner(lk)}</w:pPr>{shape}</w:p>')
        side = max(0.0, (box_mm - length_mm) / 2)
        border = '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
        lk.update(size=6)
        pin = border + (f'<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
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
        tn_len = width_mm(f.get("tieu_ngu_text", "Độc lập - Tự do - Hạnh phúc"), tn["size"], True)
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
        self.body_append(self._table(rows, (lw, rw), "header"))
        for x in outside:
            self.body_append(x)

    def _with_look(self, role: str, text: str, over: dict) -> str:
        saved = self.s.looks.get(role)
        self.s.looks[role] = {**(saved or {}), **over}
        try:
            return self.para(role, text)
        finally:
            if saved is None:
                del self.s.looks[role]
            else:
                self.s.looks[role] = saved

    def _table(self, rows: list[list[list[str]]], cols_mm: tuple[float, ...], what: str,
               borders: bool = False, header_row: bool = False) -> str:
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
            trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header_row and i == 0 else ""
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
            self._append_look("kinh_gui", t, {"before": 0, "after": 6 if i == len(items) - 1 else 0},
                              left_mm=round(colon, 1))

    def _append_look(self, role: str, text: str, over: dict, left_mm: float = 0) -> None:
        saved = self.s.looks.get(role)
        self.s.looks[role] = {**(saved or {}), **over}
        try:
            self.body_append(self.para(role, text, left_mm=left_mm))
        finally:
            if saved is None:
                del self.s.looks[role]
            else:
                self.s.looks[role] = saved

    def body(self) -> None:
        f = self.f
        for i, (role, text) in enumerate(self.s.body):
            if role == "dieu":
                label, rest = text.split(". ", 1)
                segs = [(label + ". ", {"bold": not f.get("dieu_upright")}), (rest, {})]
                self.body_append(self.para("body", segs))
            elif role == "body" and f.get("placeholder") == i:
                a, b = text.split("…", 1)
                segs = [(a, {}), ("[tên cơ quan]", {"extra": '<w:highlight w:val="yellow"/>'}), (b, {})]
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
        self.body_append(self._table([[left, right]], (70.0, 95.0), "signature"))

    # page numbers ------------------------------------------------------------------------------
    def page_numbers(self) -> None:
        s, f = self.s, self.f
        if s.pages != "several" or not s.page_numbers:
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
        self.body_append(self._table(rows, tuple(a["cols_mm"]), "appendix", borders=True, header_row=True))

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
            "table, page numbers from page 2 (empty first-page header), justified headings")
_conformant("bao_cao_mot_trang_kinh_gui", "one-page Báo cáo of a Sở to the province: cơ quan chủ quản, "
            "Kính gửi one recipient on one line, KT. signature, no page number at all")
_conformant("cong_van_kinh_gui_nhieu_noi", "one-page công văn: «V/v» under Số (6 pt gap), Kính gửi several "
            "recipients, header in two rows of a Table Grid with borders set to nil")

_broken("ke_hoach_than_nghieng", "ke_hoach_nhieu_trang", "body.italic", False, _look("body", italic=True),
        "body text in italics")
_broken("ke_hoach_quoc_hieu_gian_dong", "ke_hoach_nhieu_trang", "quoc_hieu.line_spacing", False,
        _look("quoc_hieu", line=360), "quốc hiệu at 1.5 line spacing")
_broken("ke_hoach_mau_chu_de", "ke_hoach_nhieu_trang", "color.value", False,
        {"color_run": '<w:color w:val="000000" w:themeColor="accent1"/>'},
        "a body run coloured by themeColor accent1 (blue) over a black val")
_broken("ke_hoach_so_trang_trang_1", "ke_hoach_nhieu_trang", "page_number.first_page", True,
        {"number_page_one": True}, "page number shown on page 1 (no titlePg)")
_broken("ke_hoach_le_trai_25", "ke_hoach_nhieu_trang", "page.margins", True,
        {"margins": (20, 20, 25, 15)}, "left margin 25 mm (30–35)")
_broken("cong_van_vv_sat_so", "cong_van_kinh_gui_nhieu_noi", "vv.spacing", False, {"vv_no_gap": True},
        "«V/v» directly under the Số line, without its 6 pt gap")
_broken("bao_cao_ngay_khong_so_0", "bao_cao_mot_trang_kinh_gui", "dia_danh_ngay.format", True,
        {"date_text": "Lào Cai, ngày 12 tháng 03 năm 2026"}, "month 3 written «03» (only 1–2 take a zero)")


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
