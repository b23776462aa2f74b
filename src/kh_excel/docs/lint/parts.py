"""The parts of an administrative document, found once: the rules only read them.

Parts are found by their text and place, as a reader finds them: the Quốc hiệu opens
the header; «Số» and the date are looked for in the header table and, when not there,
anywhere before the body (they are then `misplaced`, not missing); the title follows
the header; Nơi nhận and the signer close the body; «Phụ lục» opens the appendix.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from lxml import etree

from kh_excel.core.text import fold
from kh_excel.docs import nd30
from kh_excel.docs.lint.reader import TWIPS_PER_MM, Docx, Para, _norm, _w

TENS_LOAI = tuple(t.upper() for t in sorted(nd30.DOC_TYPES, key=len, reverse=True))
_LOCALITY = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN", "ĐẶC KHU")
_PARENT = re.compile(r"^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HĐND|HỘI ĐỒNG NHÂN DÂN)\s+("
                     + "|".join(_LOCALITY) + r")\s+\S")
_HEADINGS = [(h, re.compile(h.pattern)) for h in nd30.HEADINGS]
_PLACEHOLDER = re.compile(r"\[[^\]]*\]")
_COLLECTIVE = re.compile(r"^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)$")
# «Lào Cai, ngày …»; the comma may be missing (a date_format fault, not a missing date)
DATE_LINE = re.compile(r"^([^,]{2,40},\s*ngày\s|[^,\t]{2,40}?\s+ngày\s+\S+\s+tháng\s)")
_QH = "cong hoa xa hoi chu nghia viet nam"
_TXBX = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}txbxContent"


@dataclass
class Parts:
    doc: Docx
    paras: list[Para]
    header_table: etree._Element | None = None
    quoc_hieu: Para | None = None
    tieu_ngu: Para | None = None
    chu_quan: list[Para] = field(default_factory=list)
    ban_hanh: list[Para] = field(default_factory=list)
    so: Para | None = None
    so_misplaced: str = ""            # why «Số» is not where it belongs
    date: Para | None = None
    date_misplaced: str = ""
    header_unchecked: str = ""         # why the header cannot be checked (laid out by tab stops, text boxes)
    signature_unchecked: str = ""      # why the signature and Nơi nhận cannot be checked
    vv: list[Para] = field(default_factory=list)
    vv_misplaced: str = ""
    cong_van: bool = False
    ten_loai: Para | None = None
    doc_type: str | None = None        # "Báo cáo" … from the tên loại
    trich_yeu: list[Para] = field(default_factory=list)
    kinh_gui: list[Para] = field(default_factory=list)
    can_cu: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    headings: list[tuple[str, Para]] = field(default_factory=list)   # (level key, paragraph)
    title_lines: list[Para] = field(default_factory=list)  # centred bold lines in the body («QUYẾT ĐỊNH:»)
    signature_tables: list[etree._Element] = field(default_factory=list)
    quyen_han: list[Para] = field(default_factory=list)
    chuc_vu: list[Para] = field(default_factory=list)
    ho_ten: list[Para] = field(default_factory=list)
    signers: list[list[Para]] = field(default_factory=list)  # each signer's cell paragraphs
    signer_found: bool = False
    noi_nhan_label: Para | None = None
    noi_nhan_items: list[Para] = field(default_factory=list)
    initials: Para | None = None
    appendix: Para | None = None       # the «Phụ lục» line
    appendix_titles: list[Para] = field(default_factory=list)
    appendix_kem_theo: Para | None = None
    appendix_tables: list[tuple[int, etree._Element, list[Para]]] = field(default_factory=list)
    placeholders: list[Para] = field(default_factory=list)
    pages: float = 0.0                 # estimated pages before the appendix
    forced_break: bool = False         # a page break or a new section before the appendix

    @property
    def symbol(self) -> str | None:
        if self.so is None or "/" not in self.so.text:
            return None
        return _norm(self.so.text.split(":", 1)[-1])

    @property
    def date_words(self) -> str | None:
        if self.date is None:
            return None
        m = re.match(r"^[^,]+,\s*(ngày.*)$", _norm(self.date.text))
        return m.group(1) if m else None


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c == c.upper() for c in letters)


def _is_parent_line(line: Para, next_line: Para) -> bool:
    """'UBND TỈNH LÀO CAI' above 'SỞ TÀI CHÍNH' is a parent body; 'ỦY BAN NHÂN DÂN' above 'TỈNH LÀO CAI' is not."""
    a, b = _norm(line.shown_text()).upper(), _norm(next_line.shown_text()).upper()
    return (bool(_PARENT.match(a)) or a.startswith("BỘ ")) and not b.startswith(_LOCALITY)


def heading_level(p: Para) -> str | None:
    t = _norm(p.text)
    for h, rx in _HEADINGS:
        if rx.match(t):
            if h.key in ("arabic", "letter") and not (p.all("bold") or _one_line(p, 0)):
                return None   # a numbered paragraph of running text, not a heading
            return h.key
    return None


def _one_line(p: Para, page_text_width: int) -> bool:
    width = p.box_twips(page_text_width or 165 * TWIPS_PER_MM) / 20 - (p.props.first_line / 20)
    return p.width_pt() <= max(width, 1)


def one_line(parts: Parts, p: Para) -> bool:
    """Whether the paragraph fits on one line: then left and justified print the same."""
    return _one_line(p, parts.doc.page_text_width(p.section))


def find_parts(doc: Docx) -> Parts:
    parts = Parts(doc, doc.paragraphs)
    paras = doc.paragraphs
    parts.appendix = next((p for p in paras if p.cell is None and re.match(r"^phụ lục\b", _norm(p.text), re.I)
                           and len(_norm(p.text)) <= 20), None)
    end = parts.appendix.index - 1 if parts.appendix else len(paras)
    header_end = _find_header(parts)
    body_start = _find_title(parts, header_end)
    sign_start = _find_signature(parts, body_start, end)
    _find_body(parts, body_start, sign_start)
    _find_appendix(parts)
    parts.placeholders = [p for p in paras if any(r.props.highlight and r.props.highlight != "none"
                                                  and _PLACEHOLDER.search(r.text) for r in p.runs)
                          or (_PLACEHOLDER.search(p.text) and any(r.props.highlight not in (None, "none")
                                                                  for r in p.text_runs()))]
    parts.pages, parts.forced_break = _estimate_pages(parts, end)
    return parts


def _find_header(parts: Parts) -> int:
    paras = parts.paras
    qh = next((p for p in paras[:40] if fold(_norm(p.shown_text())).startswith("cong hoa xa hoi chu nghia viet nam")),
              None)
    if qh is None:
        return _unusual_header(parts)
    parts.quoc_hieu = qh
    parts.tieu_ngu = next((p for p in paras[qh.index:qh.index + 3] if p.stripped
                           and fold(_norm(p.text)).replace("–", "-").replace("—", "-").replace(" ", "")
                           == "doclap-tudo-hanhphuc"), None)
    if qh.cell is not None:
        tbl = qh.cell.table_el
        parts.header_table = tbl
        scope = [p for p in paras if p.cell is not None and p.cell.table_el is tbl]
        left = [p for p in scope if p.cell.col < qh.cell.col]
        right = [p for p in scope if p.cell.col >= qh.cell.col]
    else:
        scope = paras[:qh.index + 8]
        left, right = [], scope
    header_end = max((p.index for p in scope), default=qh.index)
    near = [p for p in paras[header_end:header_end + 12] if p.cell is None or p.cell.table_el is not parts.header_table]
    # Số: in the header's left column; else anywhere just after it (misplaced)
    so = next((p for p in scope if re.match(r"^\s*Số\b", p.text)), None)
    if so is None:
        so = next((p for p in near if re.match(r"^\s*Số\s*:", p.text)), None)
        if so is not None:
            parts.so_misplaced = "dòng «Số» nằm ngoài bảng tiêu đề (phải ở cột trái, dưới tên cơ quan ban hành)"
    elif qh.cell is not None and so.cell is not None and so.cell.col >= qh.cell.col:
        parts.so_misplaced = "dòng «Số» phải ở cột trái, dưới tên cơ quan ban hành"
    parts.so = so
    # địa danh, ngày tháng: in the right column, starting with the place name
    date_rx = DATE_LINE
    date = next((p for p in right if date_rx.match(_norm(p.text))), None)
    if date is None:
        date = next((p for p in left if date_rx.match(_norm(p.text))), None)
        if date is not None:
            parts.date_misplaced = "dòng ngày tháng phải ở cột phải, dưới tiêu ngữ"
    if date is None:
        date = next((p for p in near if date_rx.match(_norm(p.text))), None)
        if date is not None:
            parts.date_misplaced = "dòng địa danh, ngày tháng nằm ngoài bảng tiêu đề (phải ở cột phải, dưới tiêu ngữ)"
    parts.date = date
    if date is not None and so is not None and so.cell is not None and date.cell is not None and \
            (so.cell.row != date.cell.row or so.cell.table != date.cell.table) and not parts.date_misplaced:
        parts.date_misplaced = "dòng ngày tháng phải cùng hàng với dòng «Số»"
    # V/v of a công văn: under Số
    pool = left + ([p for p in near if so is not None and so.cell is None] if so is not None else [])
    parts.vv = [p for p in pool if _norm(p.text).lower().startswith("v/v")]
    first_after = next((p for p in near if p.stripped), None)
    if not parts.vv and first_after is not None and _norm(first_after.text).lower().startswith("v/v"):
        parts.vv = [first_after]     # a V/v typed below the header: misplaced, not a missing tên loại
        parts.vv_misplaced = "dòng «V/v …» nằm ngoài bảng tiêu đề (phải ở cột trái, dưới dòng «Số»)"
    parts.cong_van = bool(parts.vv)
    # the agencies: the left column above Số
    agency = [p for p in left if p.stripped and (so is None or so.cell is None or p.index < so.index)
              and p not in parts.vv and p is not date]
    bold = [p for p in agency if p.all("bold")]
    first_bold = agency.index(bold[0]) if bold else len(agency)
    while first_bold < len(agency) - 1 and _is_parent_line(agency[first_bold], agency[first_bold + 1]):
        first_bold += 1
    if not bold and agency:
        first_bold = len(agency) - 1 if len(agency) > 1 else 0
    # «ỦY BAN NHÂN DÂN» / «TỈNH LÀO CAI»: one name on two lines, one element
    while 0 < first_bold < len(agency) and _COLLECTIVE.match(_norm(agency[first_bold - 1].shown_text()).upper()) \
            and _norm(agency[first_bold].shown_text()).upper().startswith(_LOCALITY):
        first_bold -= 1
    parts.chu_quan, parts.ban_hanh = agency[:first_bold], agency[first_bold:]
    misplaced = [p.index for p in (so, date, *parts.vv) if p is not None and p.index > header_end]
    return max([header_end, *misplaced])


def _layout(p: Para) -> str:
    """How a header or signature line is laid out when it is not a table: tab stops or text boxes."""
    if p.el.find(f".//{_TXBX}") is not None:
        return "hộp văn bản (text box)"
    if re.search(r"\S\s*\t+\s*\S", p.text.strip("\t ")) or p.text.startswith("\t"):
        return "điểm dừng tab (tab stop)"
    return ""


def _unusual_header(parts: Parts) -> int:
    """A header typed with tab stops or text boxes: present, but its parts cannot be told apart."""
    paras = parts.paras
    first = next((p for p in paras[:40] if _QH in fold(_norm(p.text.replace("\t", " ")))), None)
    if first is None or not _layout(first):
        return 0
    end = first.index
    for p in paras[first.index:first.index + 8]:
        if p.cell is None and p.stripped and not (_layout(p) or DATE_LINE.match(_norm(p.text))
                                                   or re.match(r"^\s*Số\s*:", p.text)):
            break
        end = p.index
    parts.header_unchecked = (f"phần tiêu đề trình bày bằng {_layout(first)}, không phải bảng: không tách được "
                              f"từng thành phần để kiểm tra (không sửa tự động)")
    nxt = next((p for p in paras[end:end + 4] if p.stripped), None)
    if nxt is not None and nxt.cell is None and _norm(nxt.text).lower().startswith("v/v"):
        parts.vv, parts.cong_van = [nxt], True
        parts.vv_misplaced = parts.header_unchecked
        end = nxt.index
    return end


def _find_title(parts: Parts, start: int) -> int:
    if parts.cong_van:
        return start
    following = [p for p in parts.paras[start:] if p.cell is None]
    first = next((p for p in following if p.stripped), None)
    if first is None:
        return start
    name = _norm(first.shown_text()).upper()   # its case is ten_loai.case's business
    if not any(name == t or name.startswith(t + " ") for t in TENS_LOAI) or len(name) > 40:
        # no tên loại: the centred lines under the header are its trích yếu, not body (one fault, one rule)
        k = following.index(first)
        for p in following[k:]:
            if not p.stripped or p.props.jc != "center" or _norm(p.text).startswith(("Căn cứ", "Kính gửi")):
                break
            parts.trich_yeu.append(p)
        return parts.trich_yeu[-1].index if parts.trich_yeu else first.index - 1
    parts.ten_loai = first
    parts.doc_type = next((t for t in nd30.DOC_TYPES if name.startswith(t.upper())), None)
    k = following.index(first)
    for p in following[k + 1:]:
        if not p.stripped:
            break
        if parts.trich_yeu and not (p.props.jc == parts.trich_yeu[0].props.jc
                                     and p.all("bold") == parts.trich_yeu[0].all("bold")
                                     and p.all("italic") == parts.trich_yeu[0].all("italic")):
            break
        if _norm(p.text).startswith(("Căn cứ", "Kính gửi")):
            break
        parts.trich_yeu.append(p)
        if p.props.border_bottom or p.has_drawing_line:
            break
        nxt = parts.paras[p.index] if p.index < len(parts.paras) else None
        if nxt is not None and not nxt.stripped and (nxt.props.border_bottom or nxt.props.border_top
                                                      or nxt.has_drawing_line):
            break
    return parts.trich_yeu[-1].index if parts.trich_yeu else first.index


def _find_signature(parts: Parts, body_start: int, end: int) -> int:
    paras = parts.paras
    label = None
    for p in paras[body_start:end]:
        if fold(_norm(p.text)).startswith("noi nhan"):
            label = p
    sign_start = end
    parts.noi_nhan_label = label
    if label is not None:
        sign_start = label.index - 1
        if _layout(label):     # «Nơi nhận:<tab>TM. ỦY BAN NHÂN DÂN»: two blocks on the same lines
            parts.signature_unchecked = (f"phần chữ ký và nơi nhận trình bày bằng {_layout(label)}, không phải "
                                         f"bảng: không tách được từng dòng để kiểm tra (không sửa tự động)")
            return sign_start
        items: list[Para] = []
        for p in paras[label.index:end]:
            same = (p.cell is None and label.cell is None) or (
                p.cell is not None and label.cell is not None and p.cell.tc is label.cell.tc)
            if not same:
                break
            if not p.stripped:
                if items:
                    break
                continue
            items.append(p)
        if items and re.match(r"^[A-ZĐ]+\.?\s*\(\d+\)\.?$", _norm(items[-1].text)):
            parts.initials = items.pop()
        parts.noi_nhan_items = items
    tables: list[etree._Element] = []
    if label is not None and label.cell is not None:
        tables.append(label.cell.table_el)
    else:
        before = [p for p in paras[body_start:(label.index - 1 if label else end)] if p.cell is not None
                  and p.cell.table_el is not parts.header_table]
        if before:
            tables.append(before[-1].cell.table_el)
    parts.signature_tables = tables
    for tbl in tables:
        cells: dict[int, list[Para]] = {}
        for p in paras:
            if p.cell is not None and p.cell.table_el is tbl:
                if label is not None and label.cell is not None and p.cell.tc is label.cell.tc \
                        and p.index >= label.index:
                    continue
                cells.setdefault(id(p.cell.tc), []).append(p)
        for cell in cells.values():
            if any(p.stripped for p in cell):
                parts.signers.append(cell)
                sign_start = min(sign_start, min(p.index - 1 for p in cell))
    for cell in parts.signers:
        _split_signer(parts, cell)
    return sign_start


def _split_signer(parts: Parts, cell: list[Para]) -> None:
    filled = [p for p in cell if p.stripped]
    name, titles = filled[-1], filled[:-1]
    if is_upper(_norm(name.shown_text())) and (not titles or cell.index(name) == cell.index(titles[-1]) + 1):
        titles, name = filled, None     # the last line is still a title: no name after the space
    else:
        parts.ho_ten.append(name)
    for p in titles:
        t = _norm(p.shown_text())
        if re.match(r"^(T\.?\s?M|K\.?\s?T|Q|T\.?\s?L|T\.?\s?U\.?\s?Q)(\.|\s)", t):
            parts.quyen_han.append(p)
        else:
            parts.chuc_vu.append(p)
    parts.signer_found = True


def _find_body(parts: Parts, start: int, end: int) -> None:
    paras = [p for p in parts.paras[start:end] if p.cell is None and p.stripped]
    seen_heading = False
    i = 0
    while i < len(paras):
        p = paras[i]
        t = _norm(p.text)
        if t.startswith("Kính gửi"):
            parts.kinh_gui.append(p)
            j = i + 1
            while j < len(paras) and _norm(paras[j].text).startswith("-") and paras[j].props.first_line <= 0:
                parts.kinh_gui.append(paras[j])
                j += 1
            i = j
            continue
        if not seen_heading and not parts.cong_van and (t.startswith("Căn cứ") or (parts.can_cu and t.startswith(("Theo đề nghị",
                                                                                              "Xét đề nghị")))):
            parts.can_cu.append(p)
            i += 1
            continue
        level = heading_level(p)
        if level:
            seen_heading = True
            parts.headings.append((level, p))
            if level == "dieu":          # «Điều 1. …» is a body paragraph with a bold label
                parts.body.append(p)
        elif p.props.jc == "center" and p.all("bold") and is_upper(p.shown_text()):
            parts.title_lines.append(p)
        else:
            parts.body.append(p)
        i += 1


def _find_appendix(parts: Parts) -> None:
    head = parts.appendix
    if head is None:
        return
    following = [p for p in parts.paras[head.index:] if p.cell is None and p.stripped]
    kem = next((p for p in following[:6] if _norm(p.text).startswith("(Kèm theo")), None)
    parts.appendix_kem_theo = kem
    parts.appendix_titles = following[:following.index(kem)] if kem in following else following[:1]
    parts.appendix_tables = [b[1] for b in parts.doc.blocks
                             if b[0] == "tbl" and b[1][2] and b[1][2][0].index > head.index]


def _para_height_pt(parts: Parts, p: Para, box_twips: int) -> float:
    size = max(p.sizes() or {r.props.size or 12 for r in p.runs} or {12})
    if p.props.line_rule in (None, "auto"):
        line = size * 1.15 * ((p.props.line or 240) / 240)
    else:
        line = max((p.props.line or 240) / 20, size if p.props.line_rule == "atLeast" else 0)
    width = max(box_twips - p.props.left - p.props.right, 20 * 20) / 20
    lines = max(1, math.ceil((p.width_pt() + max(p.props.first_line, 0) / 20) / width)) if p.stripped else 1
    lines += p.text.count("\n")
    return lines * line + (p.props.before + p.props.after) / 20


def _estimate_pages(parts: Parts, end: int) -> tuple[float, bool]:
    """Pages the document fills before its appendix, estimated from text widths and spacing."""
    doc = parts.doc
    sec = doc.sections[0]
    usable = (sec.height - sec.margins.get("top", 1440) - sec.margins.get("bottom", 1440)) / 20
    text_w = doc.page_text_width(0)
    total, forced = 0.0, False
    for kind, item in doc.blocks:
        if kind == "p":
            p = item
            if p.index > end:
                break
            if p.el.find(f"{_w('pPr')}/{_w('sectPr')}") is not None and p.index < end:
                forced = True
            if p.el.find(f".//{_w('br')}[@{_w('type')}='page']") is not None or \
                    p.el.find(f"{_w('pPr')}/{_w('pageBreakBefore')}") is not None:
                forced = True
            total += _para_height_pt(parts, p, text_w)
        else:
            _, tbl, tparas = item
            if tparas and tparas[0].index > end:
                break
            rows: dict[int, dict[int, float]] = {}
            for p in tparas:
                cell = rows.setdefault(p.cell.row, {})
                cell[id(p.cell.tc)] = cell.get(id(p.cell.tc), 0.0) + _para_height_pt(parts, p, p.cell.width)
            total += sum(max(r.values()) for r in rows.values())
    return total / max(usable, 1), forced
