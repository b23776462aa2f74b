"""The lint rules: small pure functions over the parts of a document.

A rule returns its problems (none: passed) or a `Skip` (not applicable, or not
checkable, saying why). Rule ids are `<element>.<property>` (see nd30.py's keys).
The size, weight, slant, case and alignment rules of each element are made from the
spec's data, so a changed range is one edit there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from kh_excel.core.text import fold
from kh_excel.docs import nd30, vn
from kh_excel.docs.lint.parts import Parts, is_upper, one_line
from kh_excel.docs.lint.reader import TWIPS_PER_MM, Para, _norm, _w
from kh_excel.docs.lint.report import ERROR, NOTICE, Problem, at

E = nd30.ELEMENTS


@dataclass
class Skip:
    status: str   # "n/a" | "unchecked"
    note: str


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    check: Callable[[Parts], "list[Problem] | Skip"]
    severity: str = ERROR


def _na(note: str) -> Skip:
    return Skip("n/a", note)


def _in(value: float | None, rng: tuple[float, float], tol: float = 0.01) -> bool:
    return value is not None and rng[0] - tol <= value <= rng[1] + tol


def _fmt_pt(sizes: set[float]) -> str:
    return ", ".join(f"{s:g}" for s in sorted(sizes)) + " pt" if sizes else "không rõ"


# ------------------------------------------------------------------ paragraph property tests


def size_problem(p: Para, rng: tuple[float, float], label: str) -> str | None:
    sizes = p.sizes()
    if not sizes or not all(_in(s, rng) for s in sizes):
        return f"{label}: cỡ chữ {_fmt_pt(sizes)} (phải {nd30.size_range_text(*rng)} pt)"
    return None


def bold_problem(p: Para, want: bool, label: str) -> str | None:
    if want and not p.all("bold"):
        return f"{label} phải in đậm"
    if not want and not p.none("bold"):
        return f"{label} không in đậm"
    return None


def italic_problem(p: Para, want: bool, label: str) -> str | None:
    if want and not p.all("italic"):
        return f"{label} phải in nghiêng"
    if not want and not p.none("italic"):
        return f"{label} phải chữ đứng, không in nghiêng"
    return None


def case_problem(p: Para, want: str, label: str) -> str | None:
    if want == "upper" and not is_upper(_norm(p.shown_text())):
        return f"{label} phải viết in hoa"
    return None


_ALIGN_VI = {"center": "căn giữa", "both": "căn đều hai bên", "left": "sát lề trái", "right": "căn phải"}


def align_problem(p: Para, want: str, label: str) -> str | None:
    jc = p.props.jc or "left"
    ok = {"center": ("center",), "both": ("both", "distribute"), "left": ("left", "start", "both"),
          "right": ("right", "end")}[want]
    if jc not in ok:
        return f"{label} phải {_ALIGN_VI[want]} (đang «{_ALIGN_VI.get(jc, jc)}»)"
    return None


def single_spacing_problem(p: Para, label: str) -> str | None:
    line, rule = p.props.line, p.props.line_rule
    if line is None:
        return None
    size = max(p.sizes() or {13})
    if rule in (None, "auto") and line > 240 * 1.05:
        return f"{label} phải cách dòng đơn (đang {line / 240:.2f} dòng)"
    if rule not in (None, "auto") and line > size * 20 * 1.25:
        return f"{label} phải cách dòng đơn (đang {line / 20:g} pt)"
    return None


# ------------------------------------------------------------------ where each element is


def _one(p: Para | None) -> list[Para]:
    return [p] if p is not None else []


ELEMENT_PARAS: dict[str, Callable[[Parts], list[Para]]] = {
    "co_quan_chu_quan": lambda s: s.chu_quan,
    "co_quan_ban_hanh": lambda s: s.ban_hanh,
    "quoc_hieu": lambda s: _one(s.quoc_hieu),
    "tieu_ngu": lambda s: _one(s.tieu_ngu),
    "so_ky_hieu": lambda s: _one(s.so),
    "dia_danh_ngay": lambda s: _one(s.date),
    "ten_loai": lambda s: _one(s.ten_loai),
    "trich_yeu": lambda s: s.trich_yeu,
    "vv": lambda s: s.vv,
    "kinh_gui": lambda s: s.kinh_gui,
    "can_cu": lambda s: s.can_cu,
    "quyen_han": lambda s: s.quyen_han,
    "chuc_vu": lambda s: s.chuc_vu,
    "ho_ten": lambda s: s.ho_ten,
    "noi_nhan_label": lambda s: _one(s.noi_nhan_label),
    "noi_nhan_item": lambda s: s.noi_nhan_items + _one(s.initials),
}


def _property_rule(element: str, prop: str) -> Rule:
    e = E[element]
    label = e.label[0].upper() + e.label[1:]

    def check(parts: Parts) -> "list[Problem] | Skip":
        paras = ELEMENT_PARAS[element](parts)
        if not paras:
            return _na(f"không có {e.label}")
        out = []
        for p in paras:
            if prop == "size":
                msg = size_problem(p, e.size, label)
            elif prop == "bold":
                msg = bold_problem(p, e.bold, label)
            elif prop == "italic":
                msg = italic_problem(p, e.italic, label)
            elif prop == "case":
                msg = case_problem(p, e.case, label)
            elif prop == "align":
                msg = align_problem(p, e.align, label)
            else:  # line_spacing
                msg = single_spacing_problem(p, label)
            if msg:
                out.append(at(p, msg))
        return out

    what = {"size": f"cỡ chữ {nd30.size_range_text(*e.size)} pt" if e.size else "",
            "bold": "in đậm" if e.bold else "không in đậm", "italic": "in nghiêng" if e.italic else "chữ đứng",
            "case": "in hoa", "align": _ALIGN_VI.get(e.align or "", ""), "line_spacing": "cách dòng đơn"}[prop]
    return Rule(f"{element}.{prop}", f"{label}: {what}", check)


def property_rules() -> list[Rule]:
    out = []
    for element in ELEMENT_PARAS:
        e = E[element]
        for prop, wanted in (("size", e.size), ("bold", e.bold), ("italic", e.italic), ("case", e.case),
                             ("align", e.align), ("line_spacing", e.line_spacing)):
            if wanted is not None:
                out.append(_property_rule(element, prop))
    return out


# ------------------------------------------------------------------ page, font, colour


def _sections_where(s) -> str:
    return f"phần {s.index + 1} của văn bản (section)"


def page_size(parts: Parts) -> "list[Problem] | Skip":
    out = []
    w, h = (round(x * TWIPS_PER_MM) for x in nd30.PAGE_MM)
    tol = nd30.PAGE_TOLERANCE_MM * TWIPS_PER_MM
    for s in parts.doc.sections:
        dims = sorted((s.width, s.height))
        if abs(dims[0] - w) > tol or abs(dims[1] - h) > tol:
            out.append(Problem(_sections_where(s), f"khổ giấy {s.width / TWIPS_PER_MM:.0f} × "
                                                   f"{s.height / TWIPS_PER_MM:.0f} mm (phải A4 210 × 297 mm)"))
    return out


def page_orientation(parts: Parts) -> "list[Problem] | Skip":
    s = parts.doc.sections[0]
    if s.width > s.height:
        return [Problem(_sections_where(s), "trang đầu nằm ngang (văn bản phải in khổ đứng; chỉ phụ lục "
                                            "được nằm ngang)")]
    return []


_SIDE_VI = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def margin_problems(s) -> list[str]:
    out = []
    for side, (low, high) in nd30.MARGINS_MM.items():
        v = s.margins.get(side)
        if v is None:
            out.append(f"không đặt lề {_SIDE_VI[side]}")
            continue
        mm = v / TWIPS_PER_MM
        if not (low - nd30.MARGIN_TOLERANCE_MM <= mm <= high + nd30.MARGIN_TOLERANCE_MM):
            out.append(f"lề {_SIDE_VI[side]} {mm:.1f} mm (phải {low:g}–{high:g} mm)")
    return out


def page_margins(parts: Parts) -> "list[Problem] | Skip":
    return [Problem(_sections_where(s), m) for s in parts.doc.sections for m in margin_problems(s)]


def _all_paragraphs(parts: Parts) -> list[Para]:
    doc = parts.doc
    paras = list(parts.paras)
    seen = set()
    for s in doc.sections:
        for part in list(s.headers.values()) + list(s.footers.values()):
            if part not in seen:
                seen.add(part)
                paras += doc.header_paragraphs(part)
    return paras


def font_font(parts: Parts) -> "list[Problem] | Skip":
    out = []
    for p in _all_paragraphs(parts):
        for run in p.text_runs():
            names = {parts.doc.font_name(run.props, "ascii"), parts.doc.font_name(run.props, "hansi")}
            if any(fold(n) != fold(nd30.FONT) for n in names):
                out.append(at(p, f"phông {', '.join(sorted(n or '(không đặt)' for n in names))} "
                                 f"(phải {nd30.FONT})"))
                break
    return out


def color_value(parts: Parts) -> "list[Problem] | Skip":
    out = []
    for p in _all_paragraphs(parts):
        for run in p.text_runs():
            c = parts.doc.colour(run.props)
            if c.lower() not in nd30.COLOURS_BLACK:
                how = f" (màu theo chủ đề «{run.props.color_theme}»)" if run.props.color_theme else ""
                out.append(at(p, f"chữ màu {c}{how} (phải màu đen)"))
                break
    return out


def _borders(tbl) -> list[str]:
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
    return sorted(set(visible))


def header_table_borders(parts: Parts) -> "list[Problem] | Skip":
    if parts.quoc_hieu is None:
        return _na("không có phần tiêu đề")
    if parts.header_table is None:
        return [at(parts.quoc_hieu, "Quốc hiệu và tên cơ quan phải đặt trong bảng hai cột không viền")]
    b = _borders(parts.header_table)
    return [Problem("bảng tiêu đề", f"bảng tiêu đề có đường viền ({', '.join(b)}); phải ẩn viền")] if b else []


def signature_table_borders(parts: Parts) -> "list[Problem] | Skip":
    if not parts.signature_tables:
        return _na("phần chữ ký không trình bày bằng bảng")
    return [Problem("bảng chữ ký", f"bảng chữ ký có đường viền ({', '.join(b)}); phải ẩn viền")
            for t in parts.signature_tables if (b := _borders(t))]


# ------------------------------------------------------------------ header


def _missing(what: str) -> list[Problem]:
    return [Problem("phần tiêu đề", f"không tìm thấy {what}")]


def quoc_hieu_present(parts: Parts) -> "list[Problem] | Skip":
    return [] if parts.quoc_hieu else [Problem("đầu văn bản", "không tìm thấy Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ "
                                                              "NGHĨA VIỆT NAM»")]


def quoc_hieu_format(parts: Parts) -> "list[Problem] | Skip":
    qh = parts.quoc_hieu
    if qh is None:
        return _na("không có Quốc hiệu")
    if _norm(qh.shown_text()).upper() not in (nd30.QUOC_HIEU, nd30.QUOC_HIEU_OLD):   # the case: quoc_hieu.case
        return [at(qh, f"phải viết đúng «{nd30.QUOC_HIEU}»")]
    return []


def tieu_ngu_present(parts: Parts) -> "list[Problem] | Skip":
    if parts.quoc_hieu is None:
        return _na("không có Quốc hiệu")
    return [] if parts.tieu_ngu else [at(parts.quoc_hieu, "không có tiêu ngữ «Độc lập - Tự do - Hạnh phúc» "
                                                          "ngay dưới Quốc hiệu")]


def tieu_ngu_format(parts: Parts) -> "list[Problem] | Skip":
    tn = parts.tieu_ngu
    if tn is None:
        return _na("không có tiêu ngữ")
    if _norm(tn.text) != nd30.TIEU_NGU:
        return [at(tn, f"phải viết đúng «{nd30.TIEU_NGU}» (mỗi cụm viết hoa chữ đầu, gạch nối «-» có cách chữ)")]
    return []


def _rule_length(parts: Parts, text_par: Para) -> tuple[float, Para] | None:
    """The horizontal line drawn under `text_par`: (length mm, paragraph carrying it)."""
    doc, paras = parts.doc, parts.paras
    i = text_par.index - 1
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


def rule_line_problems(parts: Parts, text_pars: list[Para], what: str, rng: tuple[float, float]) -> list[Problem]:
    last = text_pars[-1]
    found = _rule_length(parts, last)
    if found is None:
        return [at(last, f"thiếu đường kẻ ngang dưới {what}")]
    length, carrier = found
    doc = parts.doc
    text_mm = max(p.width_pt() for p in text_pars) * 25.4 / 72
    box_mm = carrier.box_twips(doc.page_text_width(carrier.section)) / TWIPS_PER_MM
    if last.cell is None:
        text_mm = min(text_mm, doc.page_text_width(last.section) / TWIPS_PER_MM)
    ratio = length / text_mm if text_mm else 0
    out = []
    if not (rng[0] <= ratio <= rng[1]):
        want = "bằng độ dài dòng chữ" if rng[0] > 0.8 else "từ 1/3 đến 1/2 độ dài dòng chữ"
        out.append(at(carrier, f"đường kẻ dưới {what} dài {length:.0f} mm, bằng {ratio:.0%} dòng chữ "
                               f"({text_mm:.0f} mm); phải {want}"))
    if carrier.props.border_bottom and not carrier.has_drawing_line and carrier.cell is not None:
        if abs(carrier.props.left - carrier.props.right) > 3 * TWIPS_PER_MM and box_mm < text_mm * 1.5:
            out.append(at(carrier, f"đường kẻ dưới {what} không nằm giữa"))
    return out


def tieu_ngu_rule_line(parts: Parts) -> "list[Problem] | Skip":
    if parts.tieu_ngu is None:
        return _na("không có tiêu ngữ")
    return rule_line_problems(parts, [parts.tieu_ngu], "tiêu ngữ", E["tieu_ngu"].rule_line)


def co_quan_present(parts: Parts) -> "list[Problem] | Skip":
    if parts.quoc_hieu is None:
        return _na("không có phần tiêu đề")
    return [] if parts.ban_hanh else _missing("tên cơ quan ban hành ở cột trái")


def co_quan_rule_line(parts: Parts) -> "list[Problem] | Skip":
    if not parts.ban_hanh or not any(p.all("bold") for p in parts.ban_hanh):
        return _na("không có tên cơ quan ban hành in đậm")
    return rule_line_problems(parts, parts.ban_hanh, "tên cơ quan ban hành", E["co_quan_ban_hanh"].rule_line)


def so_present(parts: Parts) -> "list[Problem] | Skip":
    return [] if parts.so else _missing("dòng «Số: …/…»")


def so_format(parts: Parts) -> "list[Problem] | Skip":
    so = parts.so
    if so is None:
        return _na("không có dòng «Số»")
    out = []
    problem = vn.check_symbol_line(_norm(so.text) if "\u00a0" not in so.text else so.text.strip())
    if problem:
        out.append(at(so, problem))
    sym = parts.symbol
    if parts.doc_type and sym and "/" in sym:
        want = nd30.DOC_TYPES[parts.doc_type]
        got = sym.split("/", 1)[1].split("-")[0].strip()
        if got != want:
            out.append(at(so, f"văn bản là {parts.doc_type.lower()}: ký hiệu phải bắt đầu bằng «{want}» "
                              f"(đang là «{got}»)"))
    return out


def so_position(parts: Parts) -> "list[Problem] | Skip":
    if parts.so is None:
        return _na("không có dòng «Số»")
    return [at(parts.so, parts.so_misplaced)] if parts.so_misplaced else []


def date_present(parts: Parts) -> "list[Problem] | Skip":
    return [] if parts.date else _missing("dòng địa danh, ngày tháng năm")


def date_format(parts: Parts) -> "list[Problem] | Skip":
    dl = parts.date
    if dl is None:
        return _na("không có dòng ngày tháng")
    text = _norm(dl.text) if "\u00a0" not in dl.text else dl.text.strip()
    m = re.match(r"^([^,]+),\s*(ngày.*)$", text)
    if not m:
        return [at(dl, "phải có dạng «Địa danh, ngày … tháng … năm …»")]
    out = []
    # a «[Địa danh]» gap is placeholder.present's finding, not a place written in lower case
    if not m.group(1).strip().lstrip("[")[:1].isupper():
        out.append(at(dl, "địa danh phải viết hoa chữ đầu"))
    problem = vn.check_date_words(m.group(2))
    if problem:
        out.append(at(dl, problem))
    return out


def date_position(parts: Parts) -> "list[Problem] | Skip":
    if parts.date is None:
        return _na("không có dòng ngày tháng")
    return [at(parts.date, parts.date_misplaced)] if parts.date_misplaced else []


# ------------------------------------------------------------------ title


def ten_loai_present(parts: Parts) -> "list[Problem] | Skip":
    if parts.cong_van:
        return _na("công văn không có tên loại")
    if parts.ten_loai is None:
        return [Problem("sau phần tiêu đề", "không thấy tên loại văn bản in hoa (BÁO CÁO, KẾ HOẠCH, …) hoặc «V/v …» "
                                            "của công văn")]
    return []


def trich_yeu_present(parts: Parts) -> "list[Problem] | Skip":
    if parts.ten_loai is None:
        return _na("không có tên loại")
    return [] if parts.trich_yeu else [at(parts.ten_loai, "thiếu trích yếu nội dung dưới tên loại")]


def trich_yeu_rule_line(parts: Parts) -> "list[Problem] | Skip":
    if not parts.trich_yeu:
        return _na("không có trích yếu")
    return rule_line_problems(parts, parts.trich_yeu, "trích yếu", E["trich_yeu"].rule_line)


def vv_position(parts: Parts) -> "list[Problem] | Skip":
    if not parts.vv:
        return _na("không có dòng «V/v»")
    return [at(parts.vv[0], parts.vv_misplaced)] if parts.vv_misplaced else []


HEADER_ELEMENTS = ("co_quan_chu_quan", "co_quan_ban_hanh", "quoc_hieu", "tieu_ngu", "so_ky_hieu", "dia_danh_ngay",
                   "vv", "header_table")
SIGNATURE_ELEMENTS = ("quyen_han", "chuc_vu", "ho_ten", "noi_nhan_label", "noi_nhan_item", "signature_table")


def layout_skip(parts: Parts, rule_id: str) -> Skip | None:
    """«không kiểm tra được» for a part that is present but laid out so it cannot be told apart."""
    element = rule_id.split(".", 1)[0]
    if parts.header_unchecked and element in HEADER_ELEMENTS:
        return Skip("unchecked", parts.header_unchecked)
    if parts.signature_unchecked and element in SIGNATURE_ELEMENTS:
        return Skip("unchecked", parts.signature_unchecked)
    misplaced = {"so_ky_hieu": parts.so_misplaced, "dia_danh_ngay": parts.date_misplaced, "vv": parts.vv_misplaced}
    if misplaced.get(element) and rule_id.split(".", 1)[1] in ("align", "spacing"):
        return _na("nằm sai chỗ: chỉ báo ở quy tắc vị trí (.position)")   # one fault, one rule
    return None


def vv_spacing(parts: Parts) -> "list[Problem] | Skip":
    if not parts.vv:
        return _na("không phải công văn")
    vv = parts.vv[0]
    prev = parts.paras[vv.index - 2] if vv.index >= 2 else None
    gap = vv.props.before / 20 + (prev.props.after / 20 if prev is not None else 0)
    if gap < nd30.VV_GAP_PT - 0.5:
        return [at(vv, f"«V/v …» phải cách dòng «Số» {nd30.VV_GAP_PT:g} pt (đang {gap:g} pt)")]
    return []


# ------------------------------------------------------------------ body


def can_cu_format(parts: Parts) -> "list[Problem] | Skip":
    if not parts.can_cu:
        return _na("văn bản không có căn cứ")
    out = []
    for n, p in enumerate(parts.can_cu):
        t = _norm(p.text)
        last = n == len(parts.can_cu) - 1
        if not t.endswith("." if last else ";"):
            out.append(at(p, "mỗi căn cứ kết thúc bằng «;», căn cứ cuối bằng «.»"))
    return out


def body_present(parts: Parts) -> "list[Problem] | Skip":
    return [] if parts.body or parts.headings else [Problem("phần nội dung", "không tìm thấy phần nội dung văn bản")]


def _body_rule(check_one: Callable[[Parts, Para], str | None]) -> Callable[[Parts], "list[Problem] | Skip"]:
    def check(parts: Parts) -> "list[Problem] | Skip":
        if not parts.body:
            return _na("không có đoạn nội dung")
        return [at(p, m) for p in parts.body if (m := check_one(parts, p))]
    return check


def _body_size(parts, p):
    return size_problem(p, E["body"].size, "Nội dung")


def _body_italic(parts, p):
    return "đoạn nội dung phải chữ đứng, không in nghiêng" if p.all("italic") else None


def _body_align(parts, p):
    if p.props.jc in ("both", "distribute"):
        return None
    if p.props.jc in (None, "left", "start") and one_line(parts, p):
        return None   # one line prints the same left-aligned or justified
    return f"đoạn văn phải căn đều hai bên (đang căn «{_ALIGN_VI.get(p.props.jc or 'left', p.props.jc)}»)"


def _body_indent(parts, p):
    fl = (p.props.first_line - p.props.hanging) / TWIPS_PER_MM
    low, high = nd30.FIRST_LINE_INDENT_MM
    tol = nd30.FIRST_LINE_INDENT_TOLERANCE_MM
    if not (low - tol <= fl <= high + tol):
        return f"thụt đầu dòng {fl:.1f} mm (phải 1 cm hoặc 1,27 cm)"
    return None


def _body_spacing(parts, p):
    gap = max(p.props.before, p.props.after) / 20
    if gap < nd30.BODY_SPACING_MIN_PT - 0.05:
        return f"cách đoạn {gap:g} pt (phải tối thiểu {nd30.BODY_SPACING_MIN_PT:g} pt)"
    return None


def _body_line_spacing(parts, p):
    line, lo, hi = p.props.line, *E["body"].line_spacing
    if line is None:
        return None
    if p.props.line_rule in (None, "auto"):
        if not (240 * lo - 1 <= line <= 240 * hi + 1):
            return f"giãn dòng {line / 240:.2f} dòng (phải từ dòng đơn đến 1,5 dòng)"
    else:
        size = max(p.sizes() or {14})
        if not (size * 20 * 0.99 <= line <= size * 20 * 1.5 * 1.2):
            return f"khoảng cách dòng {line / 20:g} pt (phải từ dòng đơn đến 1,5 dòng)"
    return None


_LEVEL = {h.key: h for h in nd30.HEADINGS}


def _prefix_bold(p: Para) -> bool:
    runs = p.text_runs()
    return bool(runs) and bool(runs[0].props.bold)


def heading_rules(parts: Parts, prop: str) -> "list[Problem] | Skip":
    if not parts.headings and not parts.title_lines:
        return _na("văn bản không có đề mục")
    out = []
    for key, p in parts.headings:
        h = _LEVEL[key]
        if key == "dieu" and prop != "bold":
            continue   # «Điều 1. …» is checked as a body paragraph; only its label's weight here
        t = _norm(p.text)
        if prop == "case" and h.case == "upper" and not is_upper(p.shown_text()):
            out.append(at(p, "đề mục cấp «I.» phải viết in hoa"))
        elif prop == "bold" and h.bold and not (p.all("bold") or (key == "dieu" and _prefix_bold(p))):
            out.append(at(p, f"đề mục «{t.split()[0]}» phải in đậm"))
        elif prop == "align" and h.align == "center" and p.props.jc != "center":
            out.append(at(p, f"«{t.split()[0]} …» đặt ở giữa dòng"))
        elif prop == "align" and h.align is None and p.props.jc not in (None, "left", "start", "both", "distribute"):
            out.append(at(p, f"đề mục phải căn đều hoặc sát lề (đang «{_ALIGN_VI.get(p.props.jc, p.props.jc)}»)"))
        elif prop == "size" and (m := size_problem(p, E["heading"].size, "Đề mục")):
            out.append(at(p, m))
        elif prop == "italic" and p.all("italic"):
            out.append(at(p, "đề mục phải chữ đứng"))
    if prop == "size":
        out += [at(p, m) for p in parts.title_lines if (m := size_problem(p, E["heading"].size, "Dòng tiêu đề"))]
    return out


def kinh_gui_format(parts: Parts) -> "list[Problem] | Skip":
    if not parts.kinh_gui:
        return _na("văn bản không có «Kính gửi»")
    out = []
    recipients = [p for p in parts.kinh_gui if _norm(p.text).startswith("-")]
    for n, p in enumerate(recipients):
        end = "." if n == len(recipients) - 1 else ";"
        if not _norm(p.text).endswith(end):
            out.append(at(p, f"mỗi nơi gửi «- …;», nơi gửi cuối kết thúc bằng «.»"))
    items = parts.noi_nhan_items
    if items and not any(fold(_norm(p.text)).strip("-;. ") == "nhu tren" for p in items):
        out.append(at(items[0], "văn bản có «Kính gửi»: dòng đầu Nơi nhận phải là «- Như trên;»"))
    return out


# ------------------------------------------------------------------ signature, Nơi nhận


def signer_present(parts: Parts) -> "list[Problem] | Skip":
    if not parts.signer_found:
        return [Problem("cuối văn bản", "không tìm thấy phần chữ ký (quyền hạn, chức vụ, họ tên)")]
    return []


def chuc_vu_present(parts: Parts) -> "list[Problem] | Skip":
    if not parts.signer_found:
        return _na("không có phần chữ ký")
    out = []
    for cell in parts.signers:
        filled = [p for p in cell if p.stripped and p not in parts.ho_ten]
        if not filled:
            out.append(at(cell[0], "thiếu quyền hạn, chức vụ của người ký"))
        elif re.match(r"^(TM|KT|TL|TUQ)\.", _norm(filled[-1].shown_text())):
            out.append(at(filled[-1], f"thiếu chức vụ người ký dưới dòng «{_norm(filled[-1].shown_text())}»"))
    return out


def quyen_han_format(parts: Parts) -> "list[Problem] | Skip":
    if not parts.quyen_han:
        return _na("không có quyền hạn ký (TM., KT., …)")
    out = []
    for p in parts.quyen_han:
        t = _norm(p.shown_text())
        token = t.split()[0]
        if token not in nd30.AUTHORITIES:
            out.append(at(p, f"viết tắt quyền hạn «{token}» phải là một trong {', '.join(nd30.AUTHORITIES)}"))
        elif token == "TM." and not vn.is_collective(t[3:].strip()):
            out.append(at(p, f"«TM.» chỉ dùng khi thay mặt tập thể (ỦY BAN NHÂN DÂN, HỘI ĐỒNG NHÂN DÂN…), "
                             f"không dùng cho «{t[3:].strip()}»"))
    return out


def ho_ten_present(parts: Parts) -> "list[Problem] | Skip":
    if not parts.signer_found:
        return _na("không có phần chữ ký")
    if len(parts.ho_ten) < len(parts.signers):
        cell = next(c for c in parts.signers if not any(p in parts.ho_ten for p in c))
        return [at([p for p in cell if p.stripped][-1], "thiếu họ tên người ký")]
    return []


def ho_ten_spacing(parts: Parts) -> "list[Problem] | Skip":
    if not parts.ho_ten:
        return _na("không có họ tên người ký")
    out = []
    for name in parts.ho_ten:
        cell = next(c for c in parts.signers if name in c)
        gap = 0.0
        for p in reversed(cell[:cell.index(name)]):
            if p.stripped:
                break
            gap += max(p.sizes() or {14}) + (p.props.before + p.props.after) / 20
        gap += name.props.before / 20
        if gap < nd30.SIGNATURE_SPACE_MIN_PT:
            out.append(at(name, f"khoảng trống để ký và đóng dấu chỉ {gap:.0f} pt (cần ít nhất khoảng 3 dòng)"))
    return out


def ho_ten_case(parts: Parts) -> "list[Problem] | Skip":
    if not parts.ho_ten:
        return _na("không có họ tên người ký")
    return [at(p, "họ tên viết chữ thường có chữ hoa đầu tiếng, không viết in hoa toàn bộ")
            for p in parts.ho_ten if is_upper(_norm(p.shown_text()))]


def ho_ten_format(parts: Parts) -> "list[Problem] | Skip":
    if not parts.ho_ten:
        return _na("không có họ tên người ký")
    return [at(p, "không ghi học hàm, học vị trước họ tên người ký")
            for p in parts.ho_ten if vn.ACADEMIC_TITLES.match(_norm(p.shown_text()))]


def noi_nhan_present(parts: Parts) -> "list[Problem] | Skip":
    return [] if parts.noi_nhan_label else [Problem("cuối văn bản", "không tìm thấy «Nơi nhận:»")]


def noi_nhan_label_format(parts: Parts) -> "list[Problem] | Skip":
    label = parts.noi_nhan_label
    if label is None:
        return _na("không có «Nơi nhận»")
    return [at(label, "nhãn phải viết đúng «Nơi nhận:»")] if _norm(label.text) != "Nơi nhận:" else []


def noi_nhan_item_present(parts: Parts) -> "list[Problem] | Skip":
    if parts.noi_nhan_label is None:
        return _na("không có «Nơi nhận»")
    return [] if parts.noi_nhan_items else [at(parts.noi_nhan_label, "danh sách nơi nhận trống")]


def noi_nhan_item_problem(text: str, last: bool) -> str | None:
    t = _norm(text)
    if not t.startswith("-"):
        return "mỗi nơi nhận bắt đầu bằng gạch đầu dòng «-»"
    if last:
        if not re.match(r"^-\s*Lưu\s*:", t):
            return "dòng cuối phải là «- Lưu: VT, …»"
        if not t.endswith(".") or t.endswith(";."):
            return "dòng «- Lưu: …» kết thúc bằng dấu chấm «.»"
    elif not t.endswith(";"):
        return "mỗi nơi nhận kết thúc bằng dấu chấm phẩy «;»"
    elif ";" in t[:-1]:
        return "dấu «;» chỉ đặt ở cuối dòng nơi nhận (thừa dấu hoặc ghi chú sau «;»)"
    return None


def noi_nhan_item_format(parts: Parts) -> "list[Problem] | Skip":
    items = parts.noi_nhan_items
    if not items:
        return _na("không có dòng nơi nhận")
    return [at(p, m) for n, p in enumerate(items) if (m := noi_nhan_item_problem(p.text, n == len(items) - 1))]


# ------------------------------------------------------------------ page numbers


def page_field(paras: list[Para]) -> Para | None:
    for p in paras:
        for fs in p.el.iter(_w("fldSimple")):
            if re.search(r"\bPAGE\b", fs.get(_w("instr")) or ""):
                return p
        for it in p.el.iter(_w("instrText")):
            if re.search(r"\bPAGE\b", it.text or ""):
                return p
    return None


def _number_paragraphs(parts: Parts) -> list[tuple[int, Para]]:
    """(section, paragraph) of the PAGE fields in the default headers."""
    doc, out, default = parts.doc, [], None
    for s in doc.sections:
        default = s.headers.get("default", default)
        p = page_field(doc.header_paragraphs(default)) if default else None
        if p is not None:
            out.append((s.index, p))
    return out


def _several_pages(parts: Parts) -> bool | None:
    """True / False when the document clearly runs over one page or fits on one; None when unsure."""
    if parts.forced_break or parts.pages >= 1.15:
        return True
    if parts.pages <= 0.9:
        return False
    return None


def page_number_present(parts: Parts) -> "list[Problem] | Skip":
    several = _several_pages(parts)
    doc = parts.doc
    numbered = {s for s, _ in _number_paragraphs(parts)}
    if several is False and not parts.appendix:
        return _na("văn bản một trang")
    if several is None and not parts.appendix and not numbered:
        return Skip("unchecked", f"không xác định được văn bản một hay nhiều trang (ước tính {parts.pages:.1f} trang)")
    # a one-page main text is not numbered (nd30 I.7), even when a separately numbered appendix follows
    main_exempt = several is False and parts.appendix is not None
    return [Problem(f"phần {s.index + 1}", "đầu trang không có số trang (trường PAGE)")
            for s in doc.sections if s.index not in numbered and not _footer_number(parts, s)
            and not (main_exempt and s.index < parts.appendix.section)]


def _footer_number(parts: Parts, s) -> bool:
    return any(page_field(parts.doc.header_paragraphs(f)) for f in s.footers.values())


def page_number_position(parts: Parts) -> "list[Problem] | Skip":
    return [Problem(f"chân trang phần {s.index + 1}", "số trang phải đặt ở giữa lề trên, không ở chân trang")
            for s in parts.doc.sections if _footer_number(parts, s)]


def page_number_first_page(parts: Parts) -> "list[Problem] | Skip":
    doc = parts.doc
    first = doc.sections[0]
    if not _number_paragraphs(parts) and not _footer_number(parts, first):
        return _na("văn bản không đánh số trang")
    if first.title_pg:
        part = first.headers.get("first")
        if part and page_field(doc.header_paragraphs(part)):
            return [Problem("đầu trang của trang đầu", "trang đầu không được đánh số trang")]
        return []
    default = first.headers.get("default")
    if (default and page_field(doc.header_paragraphs(default))) or _footer_number(parts, first):
        return [Problem("phần 1 (trang đầu)", "chưa đặt «trang đầu khác» (Different First Page): trang 1 sẽ có "
                                              "số trang")]
    return []


def _number_rule(msg: Callable[[Para], str | None]) -> Callable[[Parts], "list[Problem] | Skip"]:
    def check(parts: Parts) -> "list[Problem] | Skip":
        found = _number_paragraphs(parts)
        if not found:
            return _na("văn bản không đánh số trang")
        return [Problem(f"đầu trang phần {s + 1}", m) for s, p in found if (m := msg(p))]
    return check


def _number_size(p: Para) -> str | None:
    sizes = {r.props.size for r in p.runs if r.props.size is not None}
    rng = E["page_number"].size
    if not sizes or not all(_in(x, rng) for x in sizes):
        return f"số trang cỡ {_fmt_pt(sizes)} (phải {nd30.size_range_text(*rng)} pt)"
    return None


# ------------------------------------------------------------------ appendix


def _appendix_rule(check_one: Callable[[Parts], list[Problem]]) -> Callable[[Parts], "list[Problem] | Skip"]:
    def check(parts: Parts) -> "list[Problem] | Skip":
        return check_one(parts) if parts.appendix is not None else _na("văn bản không có phụ lục")
    return check


def _pl_format(parts: Parts) -> list[Problem]:
    head, kem, out = parts.appendix, parts.appendix_kem_theo, []
    if not re.match(r"^Phụ lục( [IVXLC]+| \d+)?$", _norm(head.text)):
        out.append(at(head, "tiêu đề viết «Phụ lục» (chữ thường, kèm số La Mã nếu có nhiều phụ lục)"))
    if kem is None:
        return out + [at(head, "thiếu dòng «(Kèm theo … số … ngày … của …)» dưới tên phụ lục")]
    kt = re.sub(r"\s+", " ", kem.text.replace("\u00a0", " "))
    if parts.symbol:
        sym = re.sub(r"\s+", " ", parts.symbol.replace("\u00a0", " ")).strip()
        if re.sub(r"\s+", "", sym) not in re.sub(r"\s+", "", kt):
            out.append(at(kem, f"số, ký hiệu trong dòng «Kèm theo» phải là «{sym}» như phần tiêu đề"))
    named = re.match(r"^\(Kèm theo\s+(.+?)\s+số\b", kt)
    doc_type = parts.doc_type or ("Công văn" if parts.cong_van else None)
    if doc_type and named and fold(named.group(1)).split()[:2] != fold(doc_type).split()[:2]:
        out.append(at(kem, f"dòng «Kèm theo» phải ghi tên loại của chính văn bản này («{doc_type}»), "
                           f"không phải «{named.group(1)}»"))
    words = parts.date_words
    if words and re.sub(r"\s+", " ", words) not in kt:
        out.append(at(kem, f"ngày trong dòng «Kèm theo» phải là «{words}» như phần tiêu đề"))
    return out


def _pl_size(parts: Parts) -> list[Problem]:
    out = [at(parts.appendix, m) for m in [size_problem(parts.appendix, nd30.PHU_LUC_WORD_SIZE, "Chữ «Phụ lục»")] if m]
    rng = E["phu_luc_heading"].size
    for p in parts.appendix_titles + _one(parts.appendix_kem_theo):
        if m := size_problem(p, rng, "Tên phụ lục"):
            out.append(at(p, m))
    return out


def _pl_bold(parts: Parts) -> list[Problem]:
    return [at(p, "«Phụ lục» và tên phụ lục phải in đậm") for p in [parts.appendix] + parts.appendix_titles
            if not p.all("bold")]


def _pl_case(parts: Parts) -> list[Problem]:
    return [at(p, "tên phụ lục phải in hoa") for p in parts.appendix_titles if not is_upper(p.shown_text())]


def _pl_italic(parts: Parts) -> list[Problem]:
    kem = parts.appendix_kem_theo
    return [at(kem, "dòng «(Kèm theo …)» phải in nghiêng")] if kem is not None and not kem.all("italic") else []


def _pl_align(parts: Parts) -> list[Problem]:
    return [at(p, "tiêu đề phụ lục phải căn giữa") for p in [parts.appendix] + parts.appendix_titles
            + _one(parts.appendix_kem_theo) if p.props.jc != "center"]


def _pl_position(parts: Parts) -> list[Problem]:
    head = parts.appendix
    doc = parts.doc
    sec = doc.sections[min(head.section, len(doc.sections) - 1)]
    before = [p for p in parts.paras[:head.index - 1] if p.section == head.section and p.stripped]
    if head.section == 0 or before:
        return [at(head, "phụ lục phải bắt đầu một phần (section) mới để đánh số trang riêng")]
    if sec.pg_start != 1:
        return [at(head, "phụ lục phải đánh số trang riêng (bắt đầu lại từ 1)")]
    return []


def _table_rule(check_one: Callable[[int, object, list[Para]], list[Problem]]):
    def check(parts: Parts) -> "list[Problem] | Skip":
        if parts.appendix is None:
            return _na("văn bản không có phụ lục")
        if not parts.appendix_tables:
            return _na("phụ lục không có bảng")
        return [p for n, tbl, paras in parts.appendix_tables for p in check_one(n, tbl, paras)]
    return check


def _tbl_header(number, tbl, paras) -> list[Problem]:
    rows = tbl.findall(_w("tr"))
    first = rows[0] if rows else None
    flag = first.find(f"{_w('trPr')}/{_w('tblHeader')}") if first is not None else None
    ok = flag is not None and (flag.get(_w("val")) or "1") not in ("0", "false", "off")
    return [] if ok else [Problem(f"bảng {number}", "hàng tiêu đề chưa đặt lặp lại ở đầu mỗi trang")]


def _tbl_size(number, tbl, paras) -> list[Problem]:
    rng = E["phu_luc_table"].size
    bad = [p for p in paras if p.stripped and size_problem(p, rng, "")]
    out = [at(p, f"chữ trong bảng cỡ {_fmt_pt(p.sizes())} (phải {nd30.size_range_text(*rng)} pt)") for p in bad[:5]]
    if len(bad) > 5:
        out.append(Problem(f"bảng {number}", f"… và {len(bad) - 5} ô khác sai cỡ chữ"))
    return out


# ------------------------------------------------------------------ placeholders, package notices


def placeholder_present(parts: Parts) -> "list[Problem] | Skip":
    """Every distinct gap of a paragraph is named: a notice's opening holds five (date, place, meeting, chair,
    attendees), and the one left out of a list is the one signed unfilled."""
    return [at(p, "chỗ «[…]» tô vàng dành cho người soạn chưa được viết: " + ", ".join(
        f"«{m}»" for m in dict.fromkeys(re.findall(r"\[[^\]]*\]", p.text)))) for p in parts.placeholders]


def package_tracked_changes(parts: Parts) -> "list[Problem] | Skip":
    n = sum(1 for t in ("ins", "del", "moveFrom", "moveTo") for _ in parts.doc.doc.iter(_w(t)))
    return [Problem("văn bản", f"còn {n} thay đổi được theo dõi (Track Changes) chưa chấp nhận")] if n else []


def package_comments(parts: Parts) -> "list[Problem] | Skip":
    n = sum(1 for _ in parts.doc.doc.iter(_w("commentReference")))
    if n or "word/comments.xml" in parts.doc.files and b"<w:comment " in parts.doc.files["word/comments.xml"]:
        return [Problem("văn bản", f"văn bản còn {n or 'các'} chú thích (comment)")]
    return []


def package_protection(parts: Parts) -> "list[Problem] | Skip":
    data = parts.doc.files.get("word/settings.xml", b"")
    return [Problem("văn bản", "văn bản đặt chế độ bảo vệ (chỉ đọc hoặc hạn chế sửa)")] if (
        b"documentProtection" in data or b"writeProtection" in data) else []


def package_macros(parts: Parts) -> "list[Problem] | Skip":
    return [Problem("văn bản", "tệp chứa macro (vbaProject)")] if any(
        n.lower().endswith("vbaproject.bin") for n in parts.doc.names) else []


def package_external_links(parts: Parts) -> "list[Problem] | Skip":
    found = parts.doc.external_targets()
    return [Problem("văn bản", f"văn bản có liên kết ra ngoài: {', '.join(found[:3])}")] if found else []


def package_signature(parts: Parts) -> "list[Problem] | Skip":
    return [Problem("văn bản", "tệp có chữ ký số: mọi sửa đổi (kể cả --fix) sẽ làm mất hiệu lực chữ ký")] if any(
        n.startswith("_xmlsignatures/") for n in parts.doc.names) else []


# ------------------------------------------------------------------ the registry


def _h(prop: str) -> Callable[[Parts], "list[Problem] | Skip"]:
    return lambda parts: heading_rules(parts, prop)


RULES: list[Rule] = [
    Rule("page.size", "Khổ giấy A4 (210 × 297 mm)", page_size),
    Rule("page.orientation", "Trang văn bản khổ đứng (phụ lục có thể nằm ngang)", page_orientation),
    Rule("page.margins", "Lề trang: trên 20–25, dưới 20–25, trái 30–35, phải 15–20 mm", page_margins),
    Rule("font.font", f"Phông chữ {nd30.FONT} trong toàn văn bản", font_font),
    Rule("color.value", "Chữ màu đen (kể cả màu theo chủ đề)", color_value),
    Rule("header_table.borders", "Phần tiêu đề trình bày bằng bảng hai cột không viền", header_table_borders),
    Rule("co_quan_ban_hanh.present", "Có tên cơ quan ban hành ở cột trái", co_quan_present),
    Rule("co_quan_ban_hanh.rule_line", "Đường kẻ dưới tên cơ quan ban hành dài 1/3–1/2 dòng chữ", co_quan_rule_line),
    Rule("quoc_hieu.present", "Có Quốc hiệu", quoc_hieu_present),
    Rule("quoc_hieu.format", "Quốc hiệu viết đúng", quoc_hieu_format),
    Rule("tieu_ngu.present", "Có tiêu ngữ dưới Quốc hiệu", tieu_ngu_present),
    Rule("tieu_ngu.format", "Tiêu ngữ viết đúng, gạch nối có cách chữ", tieu_ngu_format),
    Rule("tieu_ngu.rule_line", "Đường kẻ dưới tiêu ngữ dài bằng dòng chữ", tieu_ngu_rule_line),
    Rule("so_ky_hieu.present", "Có dòng «Số: …»", so_present),
    Rule("so_ky_hieu.format", "Số, ký hiệu viết đúng («Số: 04/CTr-UBND»)", so_format),
    Rule("so_ky_hieu.position", "Số, ký hiệu ở cột trái của bảng tiêu đề", so_position),
    Rule("dia_danh_ngay.present", "Có dòng địa danh, ngày tháng", date_present),
    Rule("dia_danh_ngay.format", "Ngày tháng viết đúng (số 0 trước ngày < 10 và tháng 1, 2)", date_format),
    Rule("dia_danh_ngay.position", "Ngày tháng ở cột phải, cùng hàng với dòng «Số»", date_position),
    Rule("ten_loai.present", "Có tên loại văn bản (trừ công văn)", ten_loai_present),
    Rule("trich_yeu.present", "Có trích yếu dưới tên loại", trich_yeu_present),
    Rule("trich_yeu.rule_line", "Đường kẻ dưới trích yếu dài 1/3–1/2 dòng chữ", trich_yeu_rule_line),
    Rule("vv.spacing", "«V/v …» cách dòng «Số» 6 pt", vv_spacing),
    Rule("vv.position", "«V/v …» ở cột trái của bảng tiêu đề, dưới dòng «Số»", vv_position),
    Rule("kinh_gui.format", "Có «Kính gửi»: Nơi nhận bắt đầu bằng «- Như trên;»", kinh_gui_format),
    Rule("can_cu.format", "Mỗi căn cứ kết thúc bằng «;», căn cứ cuối bằng «.»", can_cu_format),
    Rule("body.present", "Có phần nội dung", body_present),
    Rule("body.size", "Nội dung cỡ chữ 13–14 pt", _body_rule(_body_size)),
    Rule("body.italic", "Nội dung chữ đứng", _body_rule(_body_italic)),
    Rule("body.align", "Nội dung căn đều hai bên", _body_rule(_body_align)),
    Rule("body.indent", "Thụt đầu dòng 1 cm hoặc 1,27 cm", _body_rule(_body_indent)),
    Rule("body.spacing", "Cách đoạn tối thiểu 6 pt", _body_rule(_body_spacing)),
    Rule("body.line_spacing", "Cách dòng từ dòng đơn đến 1,5 dòng", _body_rule(_body_line_spacing)),
    Rule("heading.case", "Đề mục «I.» in hoa", _h("case")),
    Rule("heading.bold", "Đề mục «I.», «Phần», «Chương», «Điều» in đậm", _h("bold")),
    Rule("heading.italic", "Đề mục chữ đứng", _h("italic")),
    Rule("heading.align", "«Phần», «Chương», «Mục» ở giữa dòng", _h("align")),
    Rule("heading.size", "Đề mục cỡ chữ 13–14 pt", _h("size")),
    Rule("signature_table.borders", "Phần chữ ký trình bày bằng bảng không viền", signature_table_borders),
    Rule("quyen_han.present", "Có phần chữ ký", signer_present),
    Rule("quyen_han.format", "Quyền hạn viết đúng (TM., KT., Q., TL., TUQ.)", quyen_han_format),
    Rule("chuc_vu.present", "Có chức vụ người ký", chuc_vu_present),
    Rule("ho_ten.present", "Có họ tên người ký", ho_ten_present),
    Rule("ho_ten.spacing", "Khoảng trống để ký và đóng dấu", ho_ten_spacing),
    Rule("ho_ten.case", "Họ tên viết thường có chữ hoa đầu tiếng", ho_ten_case),
    Rule("ho_ten.format", "Không ghi học hàm, học vị trước họ tên", ho_ten_format),
    Rule("noi_nhan_label.present", "Có «Nơi nhận:»", noi_nhan_present),
    Rule("noi_nhan_label.format", "Nhãn viết đúng «Nơi nhận:»", noi_nhan_label_format),
    Rule("noi_nhan_item.present", "Có các dòng nơi nhận", noi_nhan_item_present),
    Rule("noi_nhan_item.format", "Mỗi nơi nhận «- …;», dòng cuối «- Lưu: VT, ….»", noi_nhan_item_format),
    Rule("page_number.present", "Văn bản nhiều trang có số trang ở đầu trang", page_number_present),
    Rule("page_number.first_page", "Không đánh số trang đầu", page_number_first_page),
    Rule("page_number.position", "Số trang ở giữa lề trên, không ở chân trang", page_number_position),
    Rule("page_number.align", "Số trang căn giữa", _number_rule(
        lambda p: None if p.props.jc == "center" else "số trang phải căn giữa")),
    Rule("page_number.size", "Số trang cỡ chữ 13–14 pt", _number_rule(_number_size)),
    Rule("page_number.italic", "Số trang chữ đứng", _number_rule(
        lambda p: "số trang phải chữ đứng" if any(r.props.italic for r in p.runs) else None)),
    Rule("phu_luc_heading.format", "Phụ lục: «Phụ lục», dòng «(Kèm theo …)» khớp số, ngày của văn bản",
         _appendix_rule(_pl_format)),
    Rule("phu_luc_heading.size", "Tiêu đề phụ lục cỡ chữ đúng", _appendix_rule(_pl_size)),
    Rule("phu_luc_heading.bold", "«Phụ lục» và tên phụ lục in đậm", _appendix_rule(_pl_bold)),
    Rule("phu_luc_heading.case", "Tên phụ lục in hoa", _appendix_rule(_pl_case)),
    Rule("phu_luc_heading.italic", "Dòng «(Kèm theo …)» in nghiêng", _appendix_rule(_pl_italic)),
    Rule("phu_luc_heading.align", "Tiêu đề phụ lục căn giữa", _appendix_rule(_pl_align)),
    Rule("phu_luc_heading.position", "Phụ lục bắt đầu phần mới, đánh số trang riêng", _appendix_rule(_pl_position)),
    Rule("phu_luc_table.header_row", "Bảng phụ lục lặp hàng tiêu đề mỗi trang", _table_rule(_tbl_header)),
    Rule("phu_luc_table.size", "Chữ trong bảng phụ lục 11–13 pt", _table_rule(_tbl_size)),
    Rule("placeholder.present", "Không còn chỗ «[…]» tô vàng chưa viết", placeholder_present),
    *property_rules(),
    Rule("package.tracked_changes", "Thay đổi được theo dõi", package_tracked_changes, NOTICE),
    Rule("package.comments", "Chú thích (comment)", package_comments, NOTICE),
    Rule("package.protection", "Bảo vệ văn bản", package_protection, NOTICE),
    Rule("package.macros", "Macro", package_macros, NOTICE),
    Rule("package.external_links", "Liên kết tới tệp ngoài", package_external_links, NOTICE),
    Rule("package.signature", "Chữ ký số", package_signature, NOTICE),
]
assert len({r.id for r in RULES}) == len(RULES), sorted(r.id for r in RULES if [x.id for x in RULES].count(r.id) > 1)
