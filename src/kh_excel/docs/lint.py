"""`kh-excel lint`: check any .docx against the machine-checkable rules of nd30.md.

Works on documents written by hand as well as generated ones: it reads the OOXML
directly, resolves each run's effective font, size, bold and italic through the
style chain (document defaults, paragraph style and its bases, character style,
direct formatting, theme fonts), finds the header block, title, body, signature,
Nơi nhận and appendix by their text and place, and reports every rule as passed,
failed (with the places) or not applicable.
"""
from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from lxml import etree

from kh_excel.core.text import fold
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
A4 = (11906, 16838)
MARGIN_RANGES_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
MM_TOL = 0.5
TENS_LOAI = ("NGHỊ QUYẾT", "QUYẾT ĐỊNH", "CHỈ THỊ", "QUY CHẾ", "QUY ĐỊNH", "THÔNG CÁO", "THÔNG BÁO",
             "HƯỚNG DẪN", "CHƯƠNG TRÌNH", "KẾ HOẠCH", "PHƯƠNG ÁN", "ĐỀ ÁN", "DỰ ÁN", "BÁO CÁO", "BIÊN BẢN",
             "TỜ TRÌNH", "HỢP ĐỒNG", "CÔNG ĐIỆN", "BẢN GHI NHỚ", "BẢN THỎA THUẬN", "GIẤY ỦY QUYỀN",
             "GIẤY MỜI", "GIẤY GIỚI THIỆU", "GIẤY NGHỈ PHÉP", "PHIẾU GỬI", "PHIẾU CHUYỂN", "PHIẾU BÁO")

RULES: list[tuple[str, str]] = [
    ("kho-giay", "Khổ giấy A4, hướng đứng (phụ lục có thể nằm ngang)"),
    ("le-trang", "Lề trang: trên 20–25, dưới 20–25, trái 30–35, phải 15–20 mm"),
    ("phong-chu", "Phông chữ Times New Roman trong toàn văn bản"),
    ("mau-chu", "Chữ màu đen"),
    ("so-trang", "Số trang: chữ số Ả Rập, 13–14 pt, đứng, giữa lề trên, không đánh số trang đầu"),
    ("co-quan", "Tên cơ quan ban hành (và cơ quan chủ quản): in hoa, 12–13 pt, căn giữa, đường kẻ 1/3–1/2"),
    ("quoc-hieu", "Quốc hiệu: in hoa, 12–13 pt, đậm, đứng"),
    ("tieu-ngu", "Tiêu ngữ: 13–14 pt, đậm, gạch nối có cách chữ, đường kẻ dài bằng dòng chữ"),
    ("bang-tieu-de", "Phần tiêu đề và phần chữ ký trình bày bằng bảng không viền"),
    ("so-ky-hieu", "Số, ký hiệu: «Số: 04/CTr-UBND», 13 pt, đứng, căn giữa dưới tên cơ quan"),
    ("ngay-thang", "Địa danh, ngày tháng: nghiêng, 13–14 pt, số 0 trước ngày < 10 và tháng 1, 2"),
    ("ten-loai", "Tên loại và trích yếu (hoặc «V/v» của công văn)"),
    ("kinh-gui", "Kính gửi: 13–14 pt, đứng"),
    ("noi-dung", "Nội dung: 13–14 pt, căn đều, thụt đầu dòng 1–1,27 cm, cách đoạn ≥ 6 pt, dòng đơn–1,5"),
    ("de-muc", "Đề mục I., II.: in hoa, đậm"),
    ("chu-ky", "Chữ ký: quyền hạn (TM., KT., Q., TL., TUQ.), chức vụ in hoa đậm, họ tên đậm"),
    ("noi-nhan", "Nơi nhận: nhãn 12 pt đậm nghiêng; mỗi dòng 11 pt, bắt đầu «-», kết thúc «;», dòng «- Lưu: …» kết thúc «.»"),
    ("phu-luc", "Phụ lục: tiêu đề, dòng «(Kèm theo …)» khớp số và ngày của văn bản, đánh số trang riêng"),
    ("bang-phu-luc", "Bảng phụ lục: lặp hàng tiêu đề mỗi trang, không ngắt hàng, chữ 11–13 pt"),
]
RULE_TITLES = dict(RULES)


# ------------------------------------------------------------------ results


@dataclass
class Problem:
    where: str
    message: str


@dataclass
class RuleResult:
    id: str
    title: str
    status: str = "pass"          # pass | fail | n/a
    problems: list[Problem] = field(default_factory=list)
    note: str = ""

    def fail(self, where: str, message: str) -> None:
        self.status = "fail"
        self.problems.append(Problem(where, message))


@dataclass
class LintReport:
    file: str
    rules: list[RuleResult]

    @property
    def ok(self) -> bool:
        return all(r.status != "fail" for r in self.rules)

    def rule(self, rule_id: str) -> RuleResult:
        return next(r for r in self.rules if r.id == rule_id)

    def failed(self) -> list[str]:
        return [r.id for r in self.rules if r.status == "fail"]

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "ok": self.ok,
            "rules": [{"id": r.id, "title": r.title, "status": r.status, "note": r.note,
                       "problems": [{"where": p.where, "message": p.message} for p in r.problems]}
                      for r in self.rules],
        }

    def to_text(self) -> str:
        label = {"pass": "ĐẠT", "fail": "KHÔNG ĐẠT", "n/a": "không áp dụng"}
        lines = [f"Kiểm tra thể thức (Nghị định 30/2020/NĐ-CP): {self.file}"]
        for r in self.rules:
            lines.append(f"[{label[r.status]}] {r.title}" + (f" — {r.note}" if r.note else ""))
            for p in r.problems[:12]:
                lines.append(f"    • {p.where}: {p.message}")
            if len(r.problems) > 12:
                lines.append(f"    • … và {len(r.problems) - 12} chỗ khác")
        n = len(self.failed())
        lines.append("Kết quả: đạt mọi quy tắc kiểm tra được." if n == 0 else
                     f"Kết quả: {n} quy tắc không đạt.")
        return "\n".join(lines)


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
    color: str | None = None

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
            out.color = c.get(_w("val")) or c.get(_w("themeColor"))
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
                self.files = {n: z.read(n) for n in z.namelist() if n.endswith((".xml", ".rels"))}
        except FileNotFoundError:
            raise LintError(f"không tìm thấy tệp {self.path}") from None
        except (zipfile.BadZipFile, OSError) as exc:
            raise LintError(f"{self.path.name} không phải là tệp .docx ({exc})") from None
        if "word/document.xml" not in self.files:
            raise LintError(f"{self.path.name} không phải là tệp .docx (thiếu word/document.xml)")
        self.doc = self._xml("word/document.xml")
        self.styles = self._xml("word/styles.xml") if "word/styles.xml" in self.files else None
        self.theme_fonts = self._theme_fonts()
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
            raise LintError(f"{self.path.name}: phần {name} bị hỏng ({exc})") from None

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

    def _theme_fonts(self) -> dict[str, str]:
        name = next((n for n in self.files if n.startswith("word/theme/") and n.endswith(".xml")), None)
        if not name:
            return {}
        root = self._xml(name)
        out = {}
        for kind in ("major", "minor"):
            latin = root.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
            if latin is not None:
                out[kind] = latin.get("typeface") or ""
        return out

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


# ------------------------------------------------------------------ helpers for the rules


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text.replace("\u00a0", " "))).strip()


def _in(value: float | None, low: float, high: float, tol: float = 0.01) -> bool:
    return value is not None and low - tol <= value <= high + tol


def _fmt_pt(sizes: set[float]) -> str:
    return ", ".join(f"{s:g}" for s in sorted(sizes)) + " pt" if sizes else "không rõ"


def _check_size(rule: RuleResult, p: Para, low: float, high: float, what: str) -> None:
    sizes = p.sizes()
    if not sizes or not all(_in(s, low, high) for s in sizes):
        rng = f"{low:g}" if low == high else f"{low:g}–{high:g}"
        rule.fail(p.where(), f"{what}: cỡ chữ {_fmt_pt(sizes)} (phải {rng} pt)")


def _centred(p: Para) -> bool:
    return p.props.jc in ("center",)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c == c.upper() for c in letters)


def _has_page_field(paras: list[Para]) -> Para | None:
    for p in paras:
        el = p.el
        for fs in el.iter(_w("fldSimple")):
            if re.search(r"\bPAGE\b", fs.get(_w("instr")) or ""):
                return p
        for it in el.iter(_w("instrText")):
            if re.search(r"\bPAGE\b", it.text or ""):
                return p
    return None


def _rule_length(doc: Docx, paras: list[Para], text_par: Para) -> tuple[float, Para] | None:
    """The horizontal line drawn under `text_par`: (length mm, paragraph carrying it)."""
    i = next((k for k, p in enumerate(paras) if p is text_par), None)
    if i is None:
        return None
    width = doc.page_text_width(text_par.section)
    if text_par.props.border_bottom:
        return text_par.box_twips(width) / TWIPS_PER_MM, text_par
    if text_par.has_drawing_line:
        return text_par.has_drawing_line, text_par
    for p in paras[i + 1:i + 3]:
        if p.cell is not None and text_par.cell is not None and (p.cell.tc is not text_par.cell.tc):
            break
        if p.props.border_bottom and not p.stripped:
            return p.box_twips(width) / TWIPS_PER_MM, p
        if p.props.border_top:
            return p.box_twips(width) / TWIPS_PER_MM, p
        if p.has_drawing_line:
            return p.has_drawing_line, p
        if p.stripped:
            break
    return None


def _check_rule_line(doc: Docx, rule: RuleResult, paras: list[Para], text_pars: list[Para], what: str,
                     low: float, high: float) -> None:
    if not text_pars:
        return
    last = text_pars[-1]
    found = _rule_length(doc, paras, last)
    if found is None:
        rule.fail(last.where(), f"thiếu đường kẻ ngang dưới {what}")
        return
    length, carrier = found
    text_mm = max(p.width_pt() for p in text_pars) * 25.4 / 72
    box_mm = carrier.box_twips(doc.page_text_width(carrier.section)) / TWIPS_PER_MM
    if last.cell is None:
        text_mm = min(text_mm, doc.page_text_width(last.section) / TWIPS_PER_MM)
    ratio = length / text_mm if text_mm else 0
    if not (low <= ratio <= high):
        want = "bằng độ dài dòng chữ" if low > 0.8 else "từ 1/3 đến 1/2 độ dài dòng chữ"
        rule.fail(carrier.where(), f"đường kẻ dưới {what} dài {length:.0f} mm, bằng {ratio:.0%} dòng chữ "
                                   f"({text_mm:.0f} mm); phải {want}")
    if carrier.props.border_bottom and not carrier.has_drawing_line and carrier.cell is not None:
        if abs(carrier.props.left - carrier.props.right) > 3 * TWIPS_PER_MM and box_mm < text_mm * 1.5:
            rule.fail(carrier.where(), f"đường kẻ dưới {what} không nằm giữa")


# ------------------------------------------------------------------ the checker


class Checker:
    def __init__(self, doc: Docx):
        self.doc = doc
        self.results = {rid: RuleResult(rid, title) for rid, title in RULES}
        self.paras = doc.paragraphs
        self.header_cells: tuple[Cell, Cell] | None = None
        self.symbol: str | None = None
        self.doc_type: str | None = None        # 'Báo cáo', 'Công văn' … once the title is read
        self.nn_items: list[str] = []
        self.date_words: str | None = None
        self.body_start = 0
        self.sign_start = len(self.paras)
        self.appendix_start: int | None = None

    def r(self, rid: str) -> RuleResult:
        return self.results[rid]

    def na(self, rid: str, note: str) -> None:
        res = self.r(rid)
        if res.status == "pass":
            res.status = "n/a"
            res.note = note

    def run(self) -> LintReport:
        self.check_page()
        self.check_fonts()
        self.locate_appendix()
        self.check_header()
        self.check_title()
        self.check_signature()
        self.check_body()
        self.check_page_numbers()
        self.check_appendix()
        return LintReport(str(self.doc.path), [self.results[rid] for rid, _ in RULES])

    # --- page
    def check_page(self) -> None:
        for s in self.doc.sections:
            where = f"phần {s.index + 1} của văn bản (section)"
            dims = sorted((s.width, s.height))
            if abs(dims[0] - A4[0]) > 30 or abs(dims[1] - A4[1]) > 30:
                self.r("kho-giay").fail(where, f"khổ giấy {s.width / TWIPS_PER_MM:.0f} × {s.height / TWIPS_PER_MM:.0f} mm "
                                               "(phải A4 210 × 297 mm)")
            if s.index == 0 and s.width > s.height:
                self.r("kho-giay").fail(where, "trang đầu nằm ngang (văn bản phải in khổ đứng)")
            for side, (low, high) in MARGIN_RANGES_MM.items():
                v = s.margins.get(side)
                if v is None:
                    self.r("le-trang").fail(where, f"không đặt lề {side}")
                    continue
                mm = v / TWIPS_PER_MM
                if not (low - MM_TOL <= mm <= high + MM_TOL):
                    name = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}[side]
                    self.r("le-trang").fail(where, f"lề {name} {mm:.1f} mm (phải {low}–{high} mm)")

    def check_fonts(self) -> None:
        bad_font, bad_color = [], []
        paras = list(self.paras)
        for s in self.doc.sections:
            for part in list(s.headers.values()) + list(s.footers.values()):
                paras += self.doc.header_paragraphs(part)
        for p in paras:
            for run in p.text_runs():
                names = {self.doc.font_name(run.props, "ascii"), self.doc.font_name(run.props, "hansi")}
                if any(fold(n) != "times new roman" for n in names):
                    bad_font.append((p, sorted(n or "(không đặt)" for n in names)))
                    break
            for run in p.text_runs():
                c = (run.props.color or "auto").lower()
                if c not in ("auto", "000000", "text1", "black"):
                    bad_color.append((p, c))
                    break
        for p, names in bad_font:
            self.r("phong-chu").fail(p.where(), f"phông {', '.join(names)} (phải Times New Roman)")
        for p, c in bad_color:
            self.r("mau-chu").fail(p.where(), f"chữ màu {c} (phải màu đen)")

    # --- header block
    def locate_appendix(self) -> None:
        for p in self.paras:
            if p.cell is None and re.match(r"^phụ lục\b", _norm(p.text), re.I) and len(_norm(p.text)) <= 20:
                self.appendix_start = p.index - 1
                return

    def check_header(self) -> None:
        qh = next((p for p in self.paras[:40] if fold(_norm(p.shown_text())).replace("hoa", "hoa")
                   .startswith("cong hoa xa hoi chu nghia viet nam")), None)
        if qh is None:
            for rid in ("quoc-hieu", "tieu-ngu", "co-quan", "so-ky-hieu", "ngay-thang"):
                self.r(rid).fail("đầu văn bản", "không tìm thấy Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» "
                                                "(phần tiêu đề không đúng thể thức)")
            self.na("bang-tieu-de", "không có phần tiêu đề dạng bảng")
            return
        # quốc hiệu
        res = self.r("quoc-hieu")
        if _norm(qh.shown_text()) not in (L_QH, L_QH_OLD):
            res.fail(qh.where(), f"phải viết đúng «{L_QH}»")
        _check_size(res, qh, 12, 13, "Quốc hiệu")
        if not qh.all("bold"):
            res.fail(qh.where(), "Quốc hiệu phải in đậm")
        if not qh.none("italic"):
            res.fail(qh.where(), "Quốc hiệu phải chữ đứng")
        if not _centred(qh):
            res.fail(qh.where(), "Quốc hiệu phải căn giữa")
        # tiêu ngữ: the next non-empty paragraph
        i = qh.index  # next paragraph index (0-based = qh.index)
        tn = next((p for p in self.paras[i:i + 3] if p.stripped), None)
        res = self.r("tieu-ngu")
        if tn is None or fold(_norm(tn.text)).replace("–", "-").replace("—", "-").replace(" ", "") != "doclap-tudo-hanhphuc":
            res.fail(qh.where(), "không có tiêu ngữ «Độc lập - Tự do - Hạnh phúc» ngay dưới Quốc hiệu")
        else:
            if _norm(tn.text) != TIEU_NGU:
                res.fail(tn.where(), f"phải viết đúng «{TIEU_NGU}» (mỗi cụm viết hoa chữ đầu, gạch nối «-» có cách chữ)")
            _check_size(res, tn, 13, 14, "Tiêu ngữ")
            if not tn.all("bold"):
                res.fail(tn.where(), "tiêu ngữ phải in đậm")
            if not tn.none("italic"):
                res.fail(tn.where(), "tiêu ngữ phải chữ đứng")
            if not _centred(tn):
                res.fail(tn.where(), "tiêu ngữ phải căn giữa dưới Quốc hiệu")
            _check_rule_line(self.doc, res, self.paras, [tn], "tiêu ngữ", 0.9, 1.12)
        # the header table and its columns
        if qh.cell is None:
            self.r("bang-tieu-de").fail(qh.where(), "Quốc hiệu và tên cơ quan phải đặt trong bảng hai cột không viền")
            left_paras: list[Para] = []
            scope = self.paras[:qh.index + 8]
        else:
            tbl = qh.cell.table_el
            self._check_borderless(tbl, "bang-tieu-de", "bảng tiêu đề")
            scope = [p for p in self.paras if p.cell is not None and p.cell.table_el is tbl]
            left_paras = [p for p in scope if p.cell.col < qh.cell.col]
        # Số
        so = next((p for p in scope if re.match(r"^\s*Số\b", p.text)), None)
        res = self.r("so-ky-hieu")
        if so is None:
            res.fail("phần tiêu đề", "không tìm thấy dòng «Số: …/…»")
        else:
            problem = vn.check_symbol_line(_norm(so.text) if "\u00a0" not in so.text else so.text.strip())
            if problem:
                res.fail(so.where(), problem)
            _check_size(res, so, 13, 13, "Số, ký hiệu")
            if not so.none("italic") or not so.none("bold"):
                res.fail(so.where(), "số, ký hiệu phải chữ đứng, không đậm")
            if not _centred(so):
                res.fail(so.where(), "số, ký hiệu phải căn giữa dưới tên cơ quan ban hành")
            if qh.cell is not None and so.cell is not None and so.cell.col >= qh.cell.col:
                res.fail(so.where(), "số, ký hiệu phải ở cột trái, dưới tên cơ quan ban hành")
            m = re.search(r"/(\S+)", so.text)
            self.symbol = _norm(so.text.split(":", 1)[-1]) if m else None
        # cơ quan: paragraphs of the left column above Số
        res = self.r("co-quan")
        agency = [p for p in left_paras if p.stripped and (so is None or p.index < so.index)]
        if not agency:
            res.fail("phần tiêu đề", "không tìm thấy tên cơ quan ban hành ở cột trái")
        else:
            bold = [p for p in agency if p.all("bold")]
            if not bold:
                res.fail(agency[-1].where(), "tên cơ quan ban hành phải in đậm")
            first_bold = agency.index(bold[0]) if bold else len(agency)
            # a superior body named in full on its own line above the issuer ("UBND TỈNH LÀO CAI" over
            # "SỞ TÀI CHÍNH") is the cơ quan chủ quản even when it was made bold
            while first_bold < len(agency) - 1 and _is_parent_line(agency[first_bold], agency[first_bold + 1]):
                first_bold += 1
            for p in agency[:first_bold]:  # cơ quan chủ quản
                if not p.none("bold"):
                    res.fail(p.where(), "tên cơ quan chủ quản không in đậm")
                _check_size(res, p, 12, 13, "Tên cơ quan chủ quản")
            for p in agency:
                if not _is_upper(p.shown_text()):
                    res.fail(p.where(), "tên cơ quan phải viết in hoa")
                if not _centred(p):
                    res.fail(p.where(), "tên cơ quan phải căn giữa")
                if not p.none("italic"):
                    res.fail(p.where(), "tên cơ quan phải chữ đứng")
            for p in agency[first_bold:]:
                _check_size(res, p, 12, 13, "Tên cơ quan ban hành")
                if not p.all("bold"):
                    res.fail(p.where(), "tên cơ quan ban hành phải in đậm")
            if bold:
                _check_rule_line(self.doc, res, self.paras, agency[first_bold:], "tên cơ quan ban hành", 0.3, 0.55)
        # date line
        res = self.r("ngay-thang")
        # the date line sits in the right column and starts with the place name: a «V/v …» line in the
        # left column may also hold «ngày», «,» and «năm» (V/v … theo Nghị quyết số 08 ngày 08/12/2025, …)
        right = [p for p in scope if qh.cell is None or p.cell is None or p.cell.col >= qh.cell.col]
        dl = next((p for p in right if re.match(r"^[^,]+,\s*ngày\s", _norm(p.text))), None) or next(
            (p for p in right if re.search(r"ngày\s", p.text) and "," in p.text and re.search(r"năm\s", p.text)),
            None)
        if dl is None:
            res.fail("phần tiêu đề", "không tìm thấy dòng địa danh, ngày tháng năm")
        else:
            text = _norm(dl.text) if "\u00a0" not in dl.text else dl.text.strip()
            m = re.match(r"^([^,]+),\s*(ngày.*)$", text)
            if not m:
                res.fail(dl.where(), "phải có dạng «Địa danh, ngày … tháng … năm …»")
            else:
                place, words = m.group(1).strip(), m.group(2)
                if not place[:1].isupper():
                    res.fail(dl.where(), "địa danh phải viết hoa chữ đầu")
                problem = vn.check_date_words(words)
                if problem:
                    res.fail(dl.where(), problem)
                if not words.startswith("ngày"):
                    res.fail(dl.where(), "chữ «ngày» viết thường")
                self.date_words = re.sub(r"\s+", " ", words.replace("\u00a0", " ")).strip()
            if not dl.all("italic"):
                res.fail(dl.where(), "dòng địa danh, ngày tháng phải in nghiêng")
            if not dl.none("bold"):
                res.fail(dl.where(), "dòng địa danh, ngày tháng không in đậm")
            _check_size(res, dl, 13, 14, "Địa danh, ngày tháng")
            if not _centred(dl):
                res.fail(dl.where(), "dòng địa danh, ngày tháng phải căn giữa dưới tiêu ngữ")
            if so is not None and so.cell is not None and dl.cell is not None and (
                    so.cell.row != dl.cell.row or so.cell.table != dl.cell.table):
                res.fail(dl.where(), "dòng ngày tháng phải cùng hàng với dòng «Số»")
            if qh.cell is not None and dl.cell is not None and dl.cell.col < qh.cell.col:
                res.fail(dl.where(), "dòng ngày tháng phải ở cột phải, dưới tiêu ngữ")
        self.header_end = max((p.index for p in scope), default=qh.index)
        self.vv = next((p for p in left_paras if _norm(p.text).lower().startswith("v/v")), None)

    def _check_borderless(self, tbl: etree._Element, rid: str, what: str) -> None:
        pr = tbl.find(_w("tblPr"))
        style = pr.find(_w("tblStyle")) if pr is not None else None
        borders = pr.find(_w("tblBorders")) if pr is not None else None
        visible = []
        if borders is not None:
            visible = [b.tag.split("}")[1] for b in borders if (b.get(_w("val")) or "none") not in ("none", "nil")]
        elif style is not None and "grid" in (style.get(_w("val")) or "").lower():
            visible = ["kiểu bảng có lưới"]
        for tcb in tbl.iter(_w("tcBorders")):
            visible += [b.tag.split("}")[1] for b in tcb if (b.get(_w("val")) or "none") not in ("none", "nil")]
        if visible:
            self.r(rid).fail(what, f"{what} có đường viền ({', '.join(sorted(set(visible)))}); phải ẩn viền")

    # --- title
    def check_title(self) -> None:
        res = self.r("ten-loai")
        start = getattr(self, "header_end", 0)
        if getattr(self, "vv", None) is not None:
            vv = self.vv
            _check_size(res, vv, 12, 13, "Trích yếu công văn")
            if not vv.none("bold") or not vv.none("italic"):
                res.fail(vv.where(), "trích yếu công văn «V/v …» phải chữ đứng, không đậm")
            if not _centred(vv):
                res.fail(vv.where(), "trích yếu công văn phải căn giữa dưới số, ký hiệu")
            self.doc_type = "Công văn"
            self.body_start = start
            return
        following = [p for p in self.paras[start:] if p.cell is None]
        first = next((p for p in following if p.stripped), None)
        if first is None:
            res.fail("sau phần tiêu đề", "không có tên loại văn bản")
            return
        name = _norm(first.shown_text())
        if not any(name.startswith(t) for t in TENS_LOAI) or not _is_upper(name):
            res.fail(first.where(), "không thấy tên loại văn bản in hoa (BÁO CÁO, KẾ HOẠCH, …) hoặc «V/v …» "
                                    "của công văn")
            self.body_start = first.index - 1
            return
        self.doc_type = next((t for t in vn.TYPE_ABBREVIATIONS if name.startswith(t.upper())), None)
        self._check_type_in_symbol()
        _check_size(res, first, 13, 14, "Tên loại")
        if not first.all("bold"):
            res.fail(first.where(), "tên loại phải in đậm")
        if not _centred(first):
            res.fail(first.where(), "tên loại phải căn giữa")
        # trích yếu: bold centred paragraphs right after, up to the rule
        k = following.index(first)
        ty: list[Para] = []
        for p in following[k + 1:]:
            if not p.stripped:
                break
            if not (_centred(p) and p.all("bold")) and ty:
                break
            ty.append(p)
            if p.props.border_bottom or _rule_length(self.doc, self.paras, p) is not None:
                break
        if not ty:
            res.fail(first.where(), "thiếu trích yếu nội dung dưới tên loại")
            self.body_start = first.index
            return
        for p in ty:
            _check_size(res, p, 13, 14, "Trích yếu")
            if not p.all("bold"):
                res.fail(p.where(), "trích yếu phải in đậm")
            if not p.none("italic"):
                res.fail(p.where(), "trích yếu phải chữ đứng, không in nghiêng")
            if not _centred(p):
                res.fail(p.where(), "trích yếu phải căn giữa")
        _check_rule_line(self.doc, res, self.paras, ty, "trích yếu", 0.3, 0.55)
        self.body_start = ty[-1].index

    def _check_type_in_symbol(self) -> None:
        """'BÁO CÁO' is numbered '…/BC-…': the type abbreviation in the symbol must be the tên loại's."""
        if not self.doc_type or not self.symbol or "/" not in self.symbol:
            return
        want = vn.TYPE_ABBREVIATIONS[self.doc_type]
        got = self.symbol.split("/", 1)[1].split("-")[0].strip()
        if got != want:
            self.r("so-ky-hieu").fail("dòng «Số»", f"văn bản là {self.doc_type.lower()}: ký hiệu phải bắt đầu "
                                                  f"bằng «{want}» (đang là «{got}»)")

    # --- signature and Nơi nhận
    def check_signature(self) -> None:
        end = self.appendix_start if self.appendix_start is not None else len(self.paras)
        label = None
        for p in self.paras[self.body_start:end]:
            if fold(_norm(p.text)).startswith("noi nhan"):
                label = p
        res_nn, res_ky = self.r("noi-nhan"), self.r("chu-ky")
        if label is None:
            res_nn.fail("cuối văn bản", "không tìm thấy «Nơi nhận:»")
        else:
            self.sign_start = min(self.sign_start, label.index - 1)
            if _norm(label.text) != "Nơi nhận:":
                res_nn.fail(label.where(), "nhãn phải viết đúng «Nơi nhận:»")
            _check_size(res_nn, label, 12, 12, "Nhãn «Nơi nhận»")
            if not (label.all("bold") and label.all("italic")):
                res_nn.fail(label.where(), "nhãn «Nơi nhận:» phải in đậm, nghiêng")
            if label.props.jc not in (None, "left", "start", "both") or label.props.left > 60:
                res_nn.fail(label.where(), "nhãn «Nơi nhận:» phải sát lề trái")
            items: list[Para] = []
            for p in self.paras[label.index:end]:
                same_place = (p.cell is None and label.cell is None) or (
                    p.cell is not None and label.cell is not None and p.cell.tc is label.cell.tc)
                if not same_place:
                    break
                if not p.stripped:
                    if items:
                        break
                    continue
                items.append(p)
            initials = items[-1] if items and re.match(r"^[A-ZĐ]+\.?\s*\(\d+\)\.?$", _norm(items[-1].text)) else None
            if initials:
                items = items[:-1]
            if not items:
                res_nn.fail(label.where(), "danh sách nơi nhận trống")
            for n, p in enumerate(items):
                t = _norm(p.text)
                last = n == len(items) - 1
                if not t.startswith("-"):
                    res_nn.fail(p.where(), "mỗi nơi nhận bắt đầu bằng gạch đầu dòng «-»")
                if last:
                    if not re.match(r"^-\s*Lưu\s*:", t):
                        res_nn.fail(p.where(), "dòng cuối phải là «- Lưu: VT, …»")
                    if not t.endswith(".") or t.endswith(";."):
                        res_nn.fail(p.where(), "dòng «- Lưu: …» kết thúc bằng dấu chấm «.»")
                elif not t.endswith(";"):
                    res_nn.fail(p.where(), "mỗi nơi nhận kết thúc bằng dấu chấm phẩy «;»")
                elif ";" in t[:-1]:
                    res_nn.fail(p.where(), "dấu «;» chỉ đặt ở cuối dòng nơi nhận (thừa dấu hoặc ghi chú sau «;»)")
                _check_size(res_nn, p, 11, 11, "Nơi nhận")
                if not p.none("bold") or not p.none("italic"):
                    res_nn.fail(p.where(), "các dòng nơi nhận chữ đứng, không đậm")
            if initials is not None:
                _check_size(res_nn, initials, 11, 11, "Ký hiệu người soạn thảo")
            self.nn_items = [_norm(p.text) for p in items]
        # signer blocks: the cells of the table holding Nơi nhận, or the table just before it
        blocks = self._signer_blocks(label, end)
        if not blocks:
            res_ky.fail("cuối văn bản", "không tìm thấy phần chữ ký (quyền hạn, chức vụ, họ tên)")
            return
        for block in blocks:
            self._check_signer(res_ky, block)

    def _signer_blocks(self, label: Para | None, end: int) -> list[list[Para]]:
        tables: list[etree._Element] = []
        if label is not None and label.cell is not None:
            tables.append(label.cell.table_el)
        else:
            before = [p for p in self.paras[self.body_start:(label.index - 1 if label else end)] if p.cell is not None]
            if before:
                tables.append(before[-1].cell.table_el)
        blocks = []
        for tbl in tables:
            self._check_borderless(tbl, "bang-tieu-de", "bảng chữ ký")
            cells: dict[int, list[Para]] = {}
            for p in self.paras:
                if p.cell is not None and p.cell.table_el is tbl:
                    if label is not None and label.cell is not None and p.cell.tc is label.cell.tc \
                            and p.index >= label.index:
                        continue  # Nơi nhận itself; a signer above it in the same cell still counts
                    cells.setdefault(id(p.cell.tc), []).append(p)
            for paras in cells.values():
                if any(p.stripped for p in paras):
                    blocks.append(paras)
            if blocks:
                self.sign_start = min(self.sign_start, min(p.index - 1 for b in blocks for p in b))
        return blocks

    def _check_signer(self, res: RuleResult, paras: list[Para]) -> None:
        filled = [p for p in paras if p.stripped]
        name = filled[-1]
        titles = filled[:-1]
        if _is_upper(_norm(name.shown_text())) and (not titles or paras.index(name) == paras.index(titles[-1]) + 1):
            # the last line is still a title: nothing after the space for the signature
            res.fail(name.where(), "thiếu họ tên người ký")
            titles, name = filled, None
        if not titles:
            res.fail(name.where(), "thiếu quyền hạn, chức vụ của người ký")
        elif re.match(r"^(TM|KT|TL|TUQ)\.", _norm(titles[-1].shown_text())):
            res.fail(titles[-1].where(), f"thiếu chức vụ người ký dưới dòng «{_norm(titles[-1].shown_text())}»")
        for p in titles:
            t = _norm(p.shown_text())
            if not _is_upper(t):
                res.fail(p.where(), "quyền hạn, chức vụ người ký phải viết in hoa")
            if not p.all("bold"):
                res.fail(p.where(), "quyền hạn, chức vụ người ký phải in đậm")
            _check_size(res, p, 13, 14, "Quyền hạn, chức vụ")
            if not _centred(p):
                res.fail(p.where(), "quyền hạn, chức vụ phải căn giữa")
            # an authority word (TM., KT., Q., TL., TUQ.) however it was typed: it must be spelt exactly
            if re.match(r"^(T\.?\s?M|K\.?\s?T|Q|T\.?\s?L|T\.?\s?U\.?\s?Q)(\.|\s|$)", t):
                token = t.split()[0]
                if token not in vn.AUTHORITIES:
                    res.fail(p.where(), f"viết tắt quyền hạn «{token}» phải là một trong "
                                        f"{', '.join(vn.AUTHORITIES)}")
                if token == "TM." and not vn.is_collective(t[3:].strip()):
                    res.fail(p.where(), f"«TM.» chỉ dùng khi thay mặt tập thể (ỦY BAN NHÂN DÂN, HỘI ĐỒNG NHÂN DÂN…), "
                                        f"không dùng cho «{t[3:].strip()}»")
        if name is None:
            return
        # space for signature and seal
        gap = 0
        idx = paras.index(name)
        for p in reversed(paras[:idx]):
            if p.stripped:
                break
            gap += max(p.sizes() or {14}) + (p.props.before + p.props.after) / 20
        gap += name.props.before / 20
        if gap < 36:
            res.fail(name.where(), f"khoảng trống để ký và đóng dấu chỉ {gap:.0f} pt (cần ít nhất khoảng 3 dòng)")
        if not name.all("bold"):
            res.fail(name.where(), "họ tên người ký phải in đậm")
        _check_size(res, name, 13, 14, "Họ tên người ký")
        if not _centred(name):
            res.fail(name.where(), "họ tên người ký phải căn giữa dưới chức vụ")
        t = _norm(name.shown_text())
        if _is_upper(t):
            res.fail(name.where(), "họ tên viết chữ thường có chữ hoa đầu tiếng, không viết in hoa toàn bộ")
        if vn.ACADEMIC_TITLES.match(t):
            res.fail(name.where(), "không ghi học hàm, học vị trước họ tên người ký")

    # --- body
    def check_body(self) -> None:
        res, res_h, res_kg = self.r("noi-dung"), self.r("de-muc"), self.r("kinh-gui")
        end = self.sign_start
        body = [p for p in self.paras[self.body_start:end] if p.cell is None and p.stripped]
        kg = [p for p in self.paras[getattr(self, "header_end", 0):end] if _norm(p.text).startswith("Kính gửi")]
        if not kg:
            self.na("kinh-gui", "văn bản không có «Kính gửi»")
        elif self.nn_items and not any(fold(t).strip("-;. ") == "nhu tren" for t in self.nn_items):
            self.r("noi-nhan").fail("Nơi nhận", "văn bản có «Kính gửi»: dòng đầu Nơi nhận phải là «- Như trên;»")
        kg_set = set()
        for p in kg:
            kg_set.add(p.index)
            _check_size(res_kg, p, 13, 14, "Kính gửi")
            if not p.none("italic"):
                res_kg.fail(p.where(), "«Kính gửi» chữ đứng")
            # the recipients listed under it
            for q in self.paras[p.index:p.index + 12]:
                if q.cell is None and q.stripped and _norm(q.text).startswith("-") and q.props.first_line == 0 \
                        and q.props.left > 10 * TWIPS_PER_MM:
                    kg_set.add(q.index)
                    _check_size(res_kg, q, 13, 14, "Kính gửi")
                elif q.stripped:
                    break
        if not body:
            res.fail("phần nội dung", "không tìm thấy phần nội dung văn bản")
            return
        for p in body:
            if p.index in kg_set:
                continue
            t = _norm(p.text)
            heading = re.match(r"^([IVXLC]+)\.\s+(.*)$", t)
            if heading:
                rest = heading.group(2)
                if not _is_upper(p.shown_text()):
                    res_h.fail(p.where(), "đề mục cấp «I.» phải viết in hoa")
                if not p.all("bold"):
                    res_h.fail(p.where(), "đề mục cấp «I.» phải in đậm")
                if not rest:
                    res_h.fail(p.where(), "đề mục thiếu tên")
            _check_size(res, p, 13, 14, "Nội dung")
            centred_line = p.props.jc == "center" and (re.match(r"^(Phần|Chương|Mục)\s", t) or p.all("bold"))
            if centred_line:
                continue
            if p.props.jc not in ("both", "distribute"):
                res.fail(p.where(), f"đoạn văn phải căn đều hai bên (đang căn «{p.props.jc or 'trái'}»)")
            fl = (p.props.first_line - p.props.hanging) / TWIPS_PER_MM
            if not (9.5 <= fl <= 13.5):
                res.fail(p.where(), f"thụt đầu dòng {fl:.1f} mm (phải 1 cm hoặc 1,27 cm)")
            if max(p.props.before, p.props.after) < 6 * 20 - 1:
                res.fail(p.where(), f"cách đoạn {max(p.props.before, p.props.after) / 20:g} pt (phải tối thiểu 6 pt)")
            line = p.props.line
            if line is not None:
                if p.props.line_rule in (None, "auto"):
                    if not (240 <= line <= 360):
                        res.fail(p.where(), f"giãn dòng {line / 240:.2f} dòng (phải từ dòng đơn đến 1,5 dòng)")
                else:
                    size = max(p.sizes() or {14})
                    if not (size * 20 * 0.99 <= line <= size * 20 * 1.5 * 1.2):
                        res.fail(p.where(), f"khoảng cách dòng {line / 20:g} pt (phải từ dòng đơn đến 1,5 dòng)")

    # --- page numbers
    def check_page_numbers(self) -> None:
        res = self.r("so-trang")
        doc = self.doc
        first = doc.sections[0]
        if not first.title_pg:
            res.fail("phần 1 (trang đầu)", "chưa đặt «trang đầu khác» (Different First Page): trang 1 sẽ có số trang")
        elif first.headers.get("first") and _has_page_field(doc.header_paragraphs(first.headers["first"])):
            res.fail("tiêu đề trang đầu", "trang đầu không được đánh số trang")
        default = None
        for s in doc.sections:
            default = s.headers.get("default", default)
            for kind, part in s.footers.items():
                if _has_page_field(doc.header_paragraphs(part)):
                    res.fail(f"chân trang phần {s.index + 1}", "số trang phải đặt ở giữa lề trên, không ở chân trang")
            if not default:
                res.fail(f"phần {s.index + 1}", "không có đầu trang chứa số trang (trường PAGE)")
                continue
            paras = doc.header_paragraphs(default)
            p = _has_page_field(paras)
            if p is None:
                res.fail(f"đầu trang phần {s.index + 1}", "đầu trang không có số trang (trường PAGE)")
                continue
            if p.props.jc != "center":
                res.fail(f"đầu trang phần {s.index + 1}", "số trang phải căn giữa")
            sizes = {r.props.size for r in p.runs if r.props.size is not None}
            if not sizes or not all(_in(x, 13, 14) for x in sizes):
                res.fail(f"đầu trang phần {s.index + 1}", f"số trang cỡ {_fmt_pt(sizes)} (phải 13–14 pt)")
            if any(r.props.italic for r in p.runs):
                res.fail(f"đầu trang phần {s.index + 1}", "số trang phải chữ đứng")

    # --- appendix
    def check_appendix(self) -> None:
        res, res_t = self.r("phu-luc"), self.r("bang-phu-luc")
        if self.appendix_start is None:
            self.na("phu-luc", "văn bản không có phụ lục")
            self.na("bang-phu-luc", "văn bản không có phụ lục")
            return
        head = self.paras[self.appendix_start]
        t = _norm(head.text)
        if not re.match(r"^Phụ lục( [IVXLC]+| \d+)?$", t):
            res.fail(head.where(), "tiêu đề viết «Phụ lục» (chữ thường, kèm số La Mã nếu có nhiều phụ lục)")
        _check_size(res, head, 14, 14, "Chữ «Phụ lục»")
        if not head.all("bold") or not _centred(head):
            res.fail(head.where(), "chữ «Phụ lục» phải in đậm, căn giữa")
        # numbered on its own: a new section starting at 1
        sec = self.doc.sections[min(head.section, len(self.doc.sections) - 1)]
        prev_par = self.paras[self.appendix_start - 1] if self.appendix_start else None
        if head.section == 0 or (prev_par is not None and prev_par.section == head.section
                                 and any(p.stripped for p in self.paras[self.body_start:self.appendix_start]
                                         if p.section == head.section)):
            res.fail(head.where(), "phụ lục phải bắt đầu một phần (section) mới để đánh số trang riêng")
        elif sec.pg_start != 1:
            res.fail(head.where(), "phụ lục phải đánh số trang riêng (bắt đầu lại từ 1)")
        following = [p for p in self.paras[self.appendix_start + 1:] if p.cell is None and p.stripped]
        kem = next((p for p in following[:6] if _norm(p.text).startswith("(Kèm theo")), None)
        titles = following[:following.index(kem)] if kem in following else following[:1]
        for p in titles:
            _check_size(res, p, 13, 14, "Tên phụ lục")
            if not _is_upper(p.shown_text()) or not p.all("bold") or not _centred(p):
                res.fail(p.where(), "tên phụ lục phải in hoa, đậm, căn giữa")
        if kem is None:
            res.fail(head.where(), "thiếu dòng «(Kèm theo … số … ngày … của …)» dưới tên phụ lục")
        else:
            _check_size(res, kem, 13, 14, "Dòng «Kèm theo»")
            if not kem.all("italic") or not _centred(kem):
                res.fail(kem.where(), "dòng «(Kèm theo …)» phải in nghiêng, căn giữa")
            kt = re.sub(r"\s+", " ", kem.text.replace("\u00a0", " "))
            if self.symbol:
                sym = re.sub(r"\s+", " ", self.symbol.replace("\u00a0", " ")).strip()
                if re.sub(r"\s+", "", sym) not in re.sub(r"\s+", "", kt):
                    res.fail(kem.where(), f"số, ký hiệu trong dòng «Kèm theo» phải là «{sym}» như phần tiêu đề")
            named = re.match(r"^\(Kèm theo\s+(.+?)\s+số\b", kt)
            if self.doc_type and named and fold(named.group(1)).split()[:2] != fold(self.doc_type).split()[:2]:
                res.fail(kem.where(), f"dòng «Kèm theo» phải ghi tên loại của chính văn bản này "
                                      f"(«{self.doc_type}»), không phải «{named.group(1)}»")
            if self.date_words and self.date_words not in kt:
                res.fail(kem.where(), f"ngày trong dòng «Kèm theo» phải là «{self.date_words}» như phần tiêu đề")
        # tables of the appendix
        tables = [b for b in self.doc.blocks if b[0] == "tbl" and b[1][2] and b[1][2][0].index > head.index]
        if not tables:
            self.na("bang-phu-luc", "phụ lục không có bảng")
            return
        for _, (number, tbl, paras) in tables:
            rows = tbl.findall(_w("tr"))
            first_row = rows[0] if rows else None
            hdr = first_row is not None and _bool(first_row.find(f"{_w('trPr')}/{_w('tblHeader')}"))
            if not hdr:
                res_t.fail(f"bảng {number}", "hàng tiêu đề chưa đặt lặp lại ở đầu mỗi trang")
            split = [i + 1 for i, tr in enumerate(rows) if not _bool(tr.find(f"{_w('trPr')}/{_w('cantSplit')}"))]
            if split:
                res_t.fail(f"bảng {number}", f"{len(split)} hàng có thể bị ngắt sang trang sau "
                                             f"(hàng {', '.join(map(str, split[:8]))}{'…' if len(split) > 8 else ''})")
            bad = [p for p in paras if p.stripped and not all(_in(s, 11, 13) for s in (p.sizes() or {0}))]
            for p in bad[:5]:
                res_t.fail(p.where(), f"chữ trong bảng cỡ {_fmt_pt(p.sizes())} (phải 11–13 pt)")
            if len(bad) > 5:
                res_t.fail(f"bảng {number}", f"… và {len(bad) - 5} ô khác sai cỡ chữ")


_LOCALITY = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN", "ĐẶC KHU")
_PARENT = re.compile(r"^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HĐND|HỘI ĐỒNG NHÂN DÂN)\s+(" + "|".join(_LOCALITY) + r")\s+\S")


def _is_parent_line(line: Para, next_line: Para) -> bool:
    """'UBND TỈNH LÀO CAI' above 'SỞ TÀI CHÍNH' is a parent body; 'ỦY BAN NHÂN DÂN' above 'TỈNH LÀO CAI' is not."""
    a, b = _norm(line.shown_text()).upper(), _norm(next_line.shown_text()).upper()
    return (bool(_PARENT.match(a)) or a.startswith("BỘ ")) and not b.startswith(_LOCALITY)


L_QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
L_QH_OLD = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


def lint_docx(path: str | Path) -> LintReport:
    """Check one .docx; raises LintError when it is not a readable .docx."""
    return Checker(Docx(path)).run()


def report_json(report: LintReport) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2)
