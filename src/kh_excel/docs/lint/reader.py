"""Reading a .docx for lint: paragraphs, runs and sections with their effective formatting.

Resolves each run's font, size, bold, italic, colour (theme colours included) and
highlight through the style chain (document defaults, paragraph style and its bases,
character style, direct formatting, theme), inside the bounds of io/limits.py.
"""
from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from lxml import etree

from kh_excel.docs import vn
from kh_excel.errors import UserError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
V_NS = "urn:schemas-microsoft-com:vml"
NS = {"w": W, "r": R_NS, "a": A_NS, "wp": WP_NS, "v": V_NS}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


TWIPS_PER_MM = vn.MM_TWIPS
class LintError(UserError, ValueError):
    """The file cannot be read as a .docx."""


# ------------------------------------------------------------------ reading the document


def _bool(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    val = el.get(_w("val"))
    return val not in ("0", "false", "off", "none")


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


@dataclass
class RunProps:
    ascii: str | None = None
    hansi: str | None = None
    ascii_theme: str | None = None
    hansi_theme: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    color: str | None = None          # w:val (hex or "auto")
    color_theme: str | None = None    # w:themeColor: overrides w:val when both are set
    highlight: str | None = None

    def merge(self, rpr: etree._Element | None) -> "RunProps":
        if rpr is None:
            return self
        out = RunProps(**self.__dict__)
        f = rpr.find(_w("rFonts"))
        if f is not None:
            if f.get(_w("ascii")) is not None or f.get(_w("asciiTheme")) is not None:
                out.ascii, out.ascii_theme = f.get(_w("ascii")), f.get(_w("asciiTheme"))
            if f.get(_w("hAnsi")) is not None or f.get(_w("hAnsiTheme")) is not None:
                out.hansi, out.hansi_theme = f.get(_w("hAnsi")), f.get(_w("hAnsiTheme"))
        sz = rpr.find(_w("sz"))
        if sz is not None and _int(sz.get(_w("val"))) is not None:
            out.size = _int(sz.get(_w("val"))) / 2
        for name, attr in (("b", "bold"), ("i", "italic"), ("caps", "caps")):
            v = _bool(rpr.find(_w(name)))
            if v is not None:
                setattr(out, attr, v)
        c = rpr.find(_w("color"))
        if c is not None:
            out.color, out.color_theme = c.get(_w("val")), c.get(_w("themeColor"))
        h = rpr.find(_w("highlight"))
        if h is not None:
            out.highlight = h.get(_w("val"))
        shd = rpr.find(_w("shd"))
        if shd is not None and (shd.get(_w("fill")) or "").upper() in ("FFFF00", "FFFF99", "FFF200"):
            out.highlight = "yellow"
        return out


@dataclass
class ParProps:
    jc: str | None = None
    left: int = 0
    right: int = 0
    first_line: int = 0
    hanging: int = 0
    before: int = 0
    after: int = 0
    line: int | None = None
    line_rule: str = "auto"
    border_bottom: bool = False
    border_top: bool = False

    def merge(self, ppr: etree._Element | None) -> "ParProps":
        if ppr is None:
            return self
        out = ParProps(**self.__dict__)
        jc = ppr.find(_w("jc"))
        if jc is not None:
            out.jc = jc.get(_w("val"))
        ind = ppr.find(_w("ind"))
        if ind is not None:
            for attr, names in (("left", ("left", "start")), ("right", ("right", "end"))):
                for n in names:
                    if ind.get(_w(n)) is not None:
                        setattr(out, attr, _int(ind.get(_w(n))) or 0)
            if ind.get(_w("firstLine")) is not None:
                out.first_line, out.hanging = _int(ind.get(_w("firstLine"))) or 0, 0
            if ind.get(_w("hanging")) is not None:
                out.hanging, out.first_line = _int(ind.get(_w("hanging"))) or 0, 0
        sp = ppr.find(_w("spacing"))
        if sp is not None:
            if sp.get(_w("before")) is not None:
                out.before = _int(sp.get(_w("before"))) or 0
            if sp.get(_w("after")) is not None:
                out.after = _int(sp.get(_w("after"))) or 0
            if sp.get(_w("line")) is not None:
                out.line = _int(sp.get(_w("line")))
                out.line_rule = sp.get(_w("lineRule")) or "auto"
        bdr = ppr.find(_w("pBdr"))
        if bdr is not None:
            for side, attr in (("bottom", "border_bottom"), ("top", "border_top")):
                e = bdr.find(_w(side))
                if e is not None:
                    setattr(out, attr, (e.get(_w("val")) or "none") not in ("none", "nil"))
        return out


@dataclass
class Run:
    text: str
    props: RunProps


@dataclass
class Cell:
    table: int            # 1-based table number in document order
    row: int              # 0-based
    col: int              # 0-based grid column
    width: int            # twips (content box: cell width minus cell margins)
    table_el: etree._Element
    tc: etree._Element


@dataclass
class Para:
    index: int            # 1-based, document order, paragraphs in tables included
    el: etree._Element
    text: str
    runs: list[Run]
    props: ParProps
    section: int          # 0-based section index
    cell: Cell | None
    has_drawing_line: float | None = None  # length in mm of a line shape anchored here

    @property
    def stripped(self) -> str:
        return self.text.strip()

    def where(self) -> str:
        t = re.sub(r"\s+", " ", self.text).strip()
        quote = f" «{t[:60]}{'…' if len(t) > 60 else ''}»" if t else " (đoạn trống)"
        place = f"đoạn {self.index}"
        if self.cell is not None:
            place += f" (bảng {self.cell.table}, hàng {self.cell.row + 1}, cột {self.cell.col + 1})"
        return place + quote

    def text_runs(self) -> list[Run]:
        return [r for r in self.runs if r.text.strip()]

    def all(self, attr: str) -> bool:
        runs = self.text_runs()
        return bool(runs) and all(bool(getattr(r.props, attr)) for r in runs)

    def none(self, attr: str) -> bool:
        return not any(bool(getattr(r.props, attr)) for r in self.text_runs())

    def sizes(self) -> set[float]:
        return {r.props.size for r in self.text_runs() if r.props.size is not None}

    def shown_text(self) -> str:
        """The text as printed: runs with «caps» show upper case."""
        return "".join(r.text.upper() if r.props.caps else r.text for r in self.runs)

    def width_pt(self) -> float:
        """Printed width of the longest line (line breaks split lines)."""
        best, cur = 0.0, 0.0
        for r in self.runs:
            pieces = r.text.split("\n")
            for k, piece in enumerate(pieces):
                if k:
                    best, cur = max(best, cur), 0.0
                t = piece.upper() if r.props.caps else piece
                cur += vn.text_width_pt(t, r.props.size or 12, bool(r.props.bold), bool(r.props.italic))
        return max(best, cur)

    def box_twips(self, page_text_width: int) -> int:
        width = self.cell.width if self.cell else page_text_width
        return width - self.props.left - self.props.right


@dataclass
class Section:
    index: int
    sect_pr: etree._Element
    width: int
    height: int
    margins: dict[str, int]
    title_pg: bool
    headers: dict[str, str]     # type -> part name
    footers: dict[str, str]
    pg_start: int | None


def _xml_why(exc: etree.XMLSyntaxError) -> str:
    """Why a part could not be parsed, in Vietnamese (never libxml's English)."""
    msg = str(exc).lower()
    if "amplification" in msg or "entity" in msg:
        why = "khai báo thực thể XML mở rộng quá mức, có thể là tệp độc hại"
    elif "depth" in msg or "huge" in msg:
        why = "các phần tử lồng nhau quá sâu, có thể là tệp độc hại"
    else:
        why = "XML không đúng cú pháp"
    line = getattr(exc, "lineno", None)
    return why + (f", dòng {line}" if line else "")


class Docx:
    """The parts of a .docx that the rules need, with effective formatting resolved."""

    def __init__(self, path: str | Path):
        from kh_excel.io.limits import InputRefused, guard_docx
        self.path = Path(path)
        try:
            guard_docx(self.path)  # size, zip bomb, CRC, file kind: before lxml sees any part
        except InputRefused as exc:
            raise LintError(str(exc)) from None
        try:
            with zipfile.ZipFile(self.path) as z:
                self.names = z.namelist()
                self.files = {n: z.read(n) for n in self.names if n.endswith((".xml", ".rels"))}
        except FileNotFoundError:
            raise LintError(f"không tìm thấy tệp {self.path}") from None
        except (zipfile.BadZipFile, OSError) as exc:
            raise LintError(f"{self.path.name} không phải là tệp .docx ({exc})") from None
        if "word/document.xml" not in self.files:
            raise LintError(f"{self.path.name} không phải là tệp .docx (thiếu word/document.xml)")
        self.doc = self._xml("word/document.xml")
        self.styles = self._xml("word/styles.xml") if "word/styles.xml" in self.files else None
        self.theme_fonts, self.theme_colours = self._theme()
        self.rels = self._rels("word/_rels/document.xml.rels")
        self._style_cache: dict[tuple[str, str], tuple[RunProps, ParProps]] = {}
        self._read_defaults()
        self.paragraphs: list[Para] = []
        self.tables: list[etree._Element] = []
        self.blocks: list[tuple[str, Any]] = []  # ("p", Para) | ("tbl", (number, element, [Para]))
        self.sections: list[Section] = []
        self._walk()

    def _xml(self, name: str) -> etree._Element:
        try:
            return etree.fromstring(self.files[name], parser=etree.XMLParser(resolve_entities=False, huge_tree=True))
        except etree.XMLSyntaxError as exc:
            raise LintError(f"Không đọc được tệp «{self.path}»: phần {name} bị hỏng ({_xml_why(exc)})") from None

    def _rels(self, name: str) -> dict[str, str]:
        if name not in self.files:
            return {}
        root = self._xml(name)
        out = {}
        for rel in root:
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External":
                continue
            out[rel.get("Id")] = "word/" + target.lstrip("/").removeprefix("word/")
        return out

    def external_targets(self) -> list[str]:
        """Targets of every external relationship of the package (links, attached templates, OLE)."""
        out = []
        for name in sorted(n for n in self.files if n.endswith(".rels")):
            for rel in self._xml(name):
                if rel.get("TargetMode") == "External":
                    out.append(rel.get("Target") or "")
        return out

    def _theme(self) -> tuple[dict[str, str], dict[str, str]]:
        """Theme fonts (major/minor) and colours (dk1, accent1 …, as hex)."""
        name = next((n for n in self.files if n.startswith("word/theme/") and n.endswith(".xml")), None)
        if not name:
            return {}, {}
        root = self._xml(name)
        fonts = {}
        for kind in ("major", "minor"):
            latin = root.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
            if latin is not None:
                fonts[kind] = latin.get("typeface") or ""
        colours = {}
        scheme = root.find(f".//{{{A_NS}}}clrScheme")
        if scheme is not None:
            for slot in scheme:
                value = next((c.get("val") or c.get("lastClr") for c in slot), None)
                if value:
                    colours[etree.QName(slot).localname] = value.upper()
        return fonts, colours

    def colour(self, props: RunProps) -> str:
        """The colour a run prints in, as hex or "auto": a theme colour wins over w:val."""
        if props.color_theme:
            slot = {"text1": "dk1", "text2": "dk2", "background1": "lt1", "background2": "lt2",
                    "dark1": "dk1", "dark2": "dk2", "light1": "lt1", "light2": "lt2"}.get(
                props.color_theme, props.color_theme)
            return self.theme_colours.get(slot, "000000" if slot == "dk1" else props.color_theme)
        return (props.color or "auto").upper() if props.color not in (None, "auto") else "auto"

    # --- styles
    def _read_defaults(self) -> None:
        self.default_run = RunProps(size=10)  # Word's built-in default is 10 pt
        self.default_par = ParProps()
        self.default_pstyle = None
        if self.styles is None:
            return
        self.default_run = self.default_run.merge(self.styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}"))
        self.default_par = self.default_par.merge(self.styles.find(f"{_w('docDefaults')}/{_w('pPrDefault')}/{_w('pPr')}"))
        for st in self.styles.findall(_w("style")):
            if st.get(_w("type")) == "paragraph" and st.get(_w("default")) in ("1", "true"):
                self.default_pstyle = st.get(_w("styleId"))

    def _style(self, style_id: str | None) -> etree._Element | None:
        if self.styles is None or not style_id:
            return None
        for st in self.styles.findall(_w("style")):
            if st.get(_w("styleId")) == style_id:
                return st
        return None

    def _chain(self, style_id: str | None) -> list[etree._Element]:
        chain, seen = [], set()
        st = self._style(style_id)
        while st is not None and st.get(_w("styleId")) not in seen:
            seen.add(st.get(_w("styleId")))
            chain.insert(0, st)
            based = st.find(_w("basedOn"))
            st = self._style(based.get(_w("val")) if based is not None else None)
        return chain

    def style_props(self, style_id: str | None) -> tuple[RunProps, ParProps]:
        key = ("p", style_id or "")
        if key not in self._style_cache:
            rp, pp = self.default_run, self.default_par
            for st in self._chain(style_id):
                rp = rp.merge(st.find(_w("rPr")))
                pp = pp.merge(st.find(_w("pPr")))
            self._style_cache[key] = (rp, pp)
        return self._style_cache[key]

    def char_style_rpr(self, base: RunProps, style_id: str | None) -> RunProps:
        for st in self._chain(style_id):
            base = base.merge(st.find(_w("rPr")))
        return base

    def font_name(self, props: RunProps, which: str = "ascii") -> str:
        theme = props.ascii_theme if which == "ascii" else props.hansi_theme
        if theme:
            return self.theme_fonts.get("major" if theme.startswith("major") else "minor", theme)
        return (props.ascii if which == "ascii" else props.hansi) or props.ascii or ""

    # --- paragraphs
    def make_para(self, p: etree._Element, section: int, cell: Cell | None) -> Para:
        ppr = p.find(_w("pPr"))
        style_id = None
        if ppr is not None and ppr.find(_w("pStyle")) is not None:
            style_id = ppr.find(_w("pStyle")).get(_w("val"))
        style_id = style_id or self.default_pstyle
        srp, spp = self.style_props(style_id)
        props = spp.merge(ppr)
        runs: list[Run] = []
        drawing_line = None
        for r in p.iter(_w("r")):
            if any(a.tag == _w("del") for a in r.iterancestors()):
                continue
            rpr = r.find(_w("rPr"))
            rp = srp
            if rpr is not None and rpr.find(_w("rStyle")) is not None:
                rp = self.char_style_rpr(rp, rpr.find(_w("rStyle")).get(_w("val")))
            rp = rp.merge(rpr)
            parts = []
            for child in r:
                if child.tag == _w("t"):
                    parts.append(child.text or "")
                elif child.tag == _w("tab"):
                    parts.append("\t")
                elif child.tag in (_w("br"), _w("cr")):
                    parts.append("\n")
            length = _line_shape_mm(r)
            if length is not None:
                drawing_line = length
            runs.append(Run("".join(parts), rp))
        text = "".join(r.text for r in runs)
        para = Para(len(self.paragraphs) + 1, p, text, runs, props, section, cell, drawing_line)
        self.paragraphs.append(para)
        return para

    def _walk(self) -> None:
        body = self.doc.find(_w("body"))
        section = 0
        for el in _block_children(body):
            if el.tag == _w("p"):
                para = self.make_para(el, section, None)
                self.blocks.append(("p", para))
                sp = el.find(f"{_w('pPr')}/{_w('sectPr')}")
                if sp is not None:
                    self.sections.append(self._section(len(self.sections), sp))
                    section += 1
            elif el.tag == _w("tbl"):
                self.blocks.append(("tbl", self._table(el, section)))
        final = body.find(_w("sectPr"))
        if final is not None:
            self.sections.append(self._section(len(self.sections), final))
        elif not self.sections or section >= len(self.sections):
            self.sections.append(Section(len(self.sections), etree.Element(_w("sectPr")), 12240, 15840,
                                         {}, False, {}, {}, None))

    def _table(self, tbl: etree._Element, section: int) -> tuple[int, etree._Element, list[Para]]:
        self.tables.append(tbl)
        number = len(self.tables)
        grid = [_int(g.get(_w("w"))) or 0 for g in tbl.findall(f"{_w('tblGrid')}/{_w('gridCol')}")]
        margins = _cell_margins(tbl)
        paras: list[Para] = []
        for r_i, tr in enumerate(tbl.findall(_w("tr"))):
            col = 0
            for tc in tr.findall(_w("tc")):
                span = 1
                tcpr = tc.find(_w("tcPr"))
                width = None
                if tcpr is not None:
                    gs = tcpr.find(_w("gridSpan"))
                    span = _int(gs.get(_w("val"))) or 1 if gs is not None else 1
                    tcw = tcpr.find(_w("tcW"))
                    if tcw is not None and tcw.get(_w("type")) in (None, "dxa"):
                        width = _int(tcw.get(_w("w")))
                if not width:
                    width = sum(grid[col:col + span]) if grid else 0
                cell = Cell(number, r_i, col, width - margins[0] - margins[1], tbl, tc)
                for el in _block_children(tc):
                    if el.tag == _w("p"):
                        paras.append(self.make_para(el, section, cell))
                    elif el.tag == _w("tbl"):
                        paras.extend(self._table(el, section)[2])
                col += span
        return number, tbl, paras

    def _section(self, index: int, sp: etree._Element) -> Section:
        pg = sp.find(_w("pgSz"))
        w = _int(pg.get(_w("w"))) if pg is not None else 12240
        h = _int(pg.get(_w("h"))) if pg is not None else 15840
        mar = sp.find(_w("pgMar"))
        margins = {}
        if mar is not None:
            for side in ("top", "bottom", "left", "right"):
                v = _int(mar.get(_w(side)))
                if v is not None:
                    margins[side] = abs(v)
        headers = {h_.get(_w("type")) or "default": self.rels.get(h_.get(f"{{{R_NS}}}id"), "")
                   for h_ in sp.findall(_w("headerReference"))}
        footers = {f.get(_w("type")) or "default": self.rels.get(f.get(f"{{{R_NS}}}id"), "")
                   for f in sp.findall(_w("footerReference"))}
        pgn = sp.find(_w("pgNumType"))
        start = _int(pgn.get(_w("start"))) if pgn is not None else None
        return Section(index, sp, w or 0, h or 0, margins, bool(_bool(sp.find(_w("titlePg")))), headers,
                       footers, start)

    def page_text_width(self, section: int) -> int:
        s = self.sections[min(section, len(self.sections) - 1)]
        return s.width - s.margins.get("left", 1440) - s.margins.get("right", 1440)

    def header_paragraphs(self, part: str) -> list[Para]:
        if part not in self.files:
            return []
        root = self._xml(part)
        saved = self.paragraphs
        self.paragraphs = []
        out = [self.make_para(p, 0, None) for p in root.iter(_w("p"))]
        self.paragraphs = saved
        return out


def _block_children(parent: etree._Element) -> Iterable[etree._Element]:
    """Paragraphs and tables of a body or cell, looking through content controls."""
    for el in parent:
        if el.tag in (_w("p"), _w("tbl")):
            yield el
        elif el.tag in (_w("sdt"), _w("customXml")):
            content = el.find(_w("sdtContent")) if el.tag == _w("sdt") else el
            if content is not None:
                yield from _block_children(content)


def _cell_margins(tbl: etree._Element) -> tuple[int, int]:
    left = right = 108  # Word's default cell margins
    mar = tbl.find(f"{_w('tblPr')}/{_w('tblCellMar')}")
    if mar is not None:
        for side, names in ((0, ("left", "start")), (1, ("right", "end"))):
            for n in names:
                e = mar.find(_w(n))
                if e is not None and _int(e.get(_w("w"))) is not None:
                    if side == 0:
                        left = _int(e.get(_w("w")))
                    else:
                        right = _int(e.get(_w("w")))
    return left, right


def _line_shape_mm(run: etree._Element) -> float | None:
    """Length of a straight line drawn as a shape in this run (DrawingML or VML), in mm."""
    for geom in run.iter(f"{{{A_NS}}}prstGeom"):
        if geom.get("prst") in ("line", "straightConnector1"):
            for anc in geom.iterancestors():
                if anc.tag in (f"{{{WP_NS}}}anchor", f"{{{WP_NS}}}inline"):
                    ext = anc.find(f"{{{WP_NS}}}extent")
                    if ext is not None and _int(ext.get("cx")):
                        return _int(ext.get("cx")) / 36000
    for line in run.iter(f"{{{V_NS}}}line"):
        a, b = _vml_point(line.get("from", "0,0")), _vml_point(line.get("to", "0,0"))
        if a is not None and b is not None:
            return abs(b - a)
    return None


def _vml_point(value: str) -> float | None:
    x = value.split(",")[0].strip()
    m = re.match(r"^(-?[\d.]+)\s*(pt|mm|cm|in|px)?$", x)
    if not m:
        return None
    n = float(m.group(1))
    unit = m.group(2) or "px"
    return n * {"pt": 25.4 / 72, "mm": 1, "cm": 10, "in": 25.4, "px": 25.4 / 96}[unit]


# ------------------------------------------------------------------ text


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text.replace("\u00a0", " "))).strip()
