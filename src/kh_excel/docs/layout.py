"""Page geometry, font sizes and the OOXML snippets the templates are drawn with.

The values come from the Decree 30 spec (`kh_excel.docs.nd30`), whose ranges `lint`
checks: the template builder draws with the preferred ones, the context builder sizes
the horizontal rules with them.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from kh_excel.docs import nd30
from kh_excel.docs.vn import mm_to_twips, text_width_pt

FONT = nd30.FONT

PAGE_W_MM, PAGE_H_MM = nd30.PAGE_MM
MARGIN_MM = dict(nd30.MARGINS_PREFERRED_MM)
HEADER_DISTANCE_MM = nd30.HEADER_DISTANCE_MM
TEXT_W_MM = PAGE_W_MM - MARGIN_MM["left"] - MARGIN_MM["right"]           # 165 mm
LANDSCAPE_TEXT_W_MM = PAGE_H_MM - MARGIN_MM["left"] - MARGIN_MM["right"]  # 252 mm

# Two-column header and signature tables (nd30: about 67/100 and 55–68/100–111 mm).
HEADER_COLS_MM = (66.0, 99.0)
SIGN_COLS_MM = (66.0, 99.0)
SIGN_TWO_COLS_MM = (82.5, 82.5)

# Font sizes the builder draws, in points: the preferred value of each element of the spec.
_E = nd30.ELEMENTS
SIZE = {
    "chu_quan": _E["co_quan_chu_quan"].preferred,
    "ban_hanh": _E["co_quan_ban_hanh"].preferred,
    "quoc_hieu": _E["quoc_hieu"].preferred,
    "tieu_ngu": _E["tieu_ngu"].preferred,
    "so": _E["so_ky_hieu"].preferred,
    "trich_yeu_cv": _E["vv"].preferred,
    "ngay": _E["dia_danh_ngay"].preferred,
    "ten_loai": _E["ten_loai"].preferred,
    "trich_yeu": _E["trich_yeu"].preferred,
    "body": _E["body"].preferred,
    "ky": _E["quyen_han"].preferred,
    "noi_nhan_label": _E["noi_nhan_label"].preferred,
    "noi_nhan": _E["noi_nhan_item"].preferred,
    "page_number": _E["page_number"].preferred,
    "phu_luc": _E["phu_luc_heading"].preferred,
    "table": _E["phu_luc_table"].preferred,
}
FIRST_LINE_INDENT_MM = nd30.FIRST_LINE_INDENT_PREFERRED_MM
BODY_SPACING_PT = nd30.BODY_SPACING_PREFERRED_PT
BODY_LINE = nd30.BODY_LINE_PREFERRED
RULE_RATIO = 0.4              # a "1/3–1/2 of the text" rule drawn at 40 % of the text
RULE_WIDTH_EIGHTHS = 6        # 0.75 pt
APPENDIX_RULE_MM = 40.0

QUOC_HIEU = nd30.QUOC_HIEU
TIEU_NGU = nd30.TIEU_NGU

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def pt_to_mm(pt: float) -> float:
    return pt * 25.4 / 72


def rpr(size: float | None = None, bold: bool | None = None, italic: bool | None = None,
        underline: bool = False) -> str:
    """Run properties with the font named explicitly, so a part looks the same in any template."""
    out = [f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>']
    if bold is not None:
        out.append("<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>')
    if italic is not None:
        out.append("<w:i/><w:iCs/>" if italic else '<w:i w:val="0"/><w:iCs w:val="0"/>')
    out.append('<w:color w:val="000000"/>')
    if underline:
        out.append('<w:u w:val="single"/>')
    if size is not None:
        hp = int(round(size * 2))
        out.append(f'<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>')
    return "<w:rPr>" + "".join(out) + "</w:rPr>"


def ppr(align: str | None = None, first_line_mm: float | None = 0.0, left_mm: float = 0.0,
        right_mm: float = 0.0, before_pt: float = 0, after_pt: float = 0, line: int | None = 240,
        line_exact_pt: float | None = None, keep_next: bool = False, keep_lines: bool = False,
        border_bottom: bool = False, run_rpr: str = "", sect_pr: str = "") -> str:
    """Paragraph properties; every part states its own indent and spacing so that the
    Normal style of whatever template includes it cannot shift it."""
    out = []
    if keep_next:
        out.append("<w:keepNext/>")
    if keep_lines:
        out.append("<w:keepLines/>")
    if border_bottom:
        out.append(f'<w:pBdr><w:bottom w:val="single" w:sz="{RULE_WIDTH_EIGHTHS}" w:space="1" '
                   f'w:color="000000"/></w:pBdr>')
    if line_exact_pt is not None:
        out.append(f'<w:spacing w:before="{int(before_pt * 20)}" w:after="{int(after_pt * 20)}" '
                   f'w:line="{int(line_exact_pt * 20)}" w:lineRule="exact"/>')
    else:
        out.append(f'<w:spacing w:before="{int(before_pt * 20)}" w:after="{int(after_pt * 20)}" '
                   f'w:line="{line or 240}" w:lineRule="auto"/>')
    ind = f'<w:ind w:left="{mm_to_twips(left_mm)}" w:right="{mm_to_twips(right_mm)}"'
    if first_line_mm is not None:
        ind += f' w:firstLine="{mm_to_twips(first_line_mm)}"'
    out.append(ind + "/>")
    if align:
        out.append(f'<w:jc w:val="{align}"/>')
    out.append(run_rpr)
    out.append(sect_pr)
    return "<w:pPr>" + "".join(out) + "</w:pPr>"


def run(text: str, size: float | None = None, bold: bool | None = None, italic: bool | None = None) -> str:
    return f'<w:r>{rpr(size, bold, italic)}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def rule_paragraph(length_mm: float, box_mm: float) -> str:
    """A centred solid horizontal line `length_mm` long in a box (cell or page text width).

    Drawn as the bottom border of an empty, 3 pt high paragraph whose indents leave
    exactly `length_mm` between them: it moves with the text, prints everywhere and is
    measured by `lint` from the same indents.
    """
    length_mm = max(1.0, min(length_mm, box_mm))
    side = (box_mm - length_mm) / 2
    return (f"<w:p>{ppr(align='center', first_line_mm=0, left_mm=side, right_mm=side, line_exact_pt=3, border_bottom=True, run_rpr=rpr(size=2))}"
            "</w:p>")


def rule_for_text(lines: list[str], size: float, bold: bool, box_mm: float, ratio: float = RULE_RATIO) -> str:
    """The rule under a block of text: `ratio` of its longest line (a line wraps at the box)."""
    longest = max((pt_to_mm(text_width_pt(t, size, bold=bold)) for t in lines if t), default=box_mm / 2)
    return rule_paragraph(min(longest, box_mm) * ratio, box_mm)
