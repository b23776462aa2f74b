"""Decree 30/2020/NĐ-CP layout as data, in one place (nd30.md).

The template builder draws each element with its `preferred` values and `lint` checks
documents against its ranges, so a changed range is one edit here. Keys are the
elements of the lint rule ids (`<element>.<property>`, see docs/lint). Pure data: no
Word, no files.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Element:
    """One element of the layout: what nd30.md requires and what the builder draws.

    bold / italic: True (must), False (must not), None (either). case: "upper",
    "lower" (sentence case: lower with capitals where Vietnamese wants them), None.
    align: the OOXML w:jc value; None when not prescribed. place: where it sits.
    """
    label: str                          # Vietnamese name used in messages
    size: tuple[float, float] | None    # allowed range in points
    preferred: float | None             # size the builder draws
    bold: bool | None = None
    italic: bool | None = None
    case: str | None = None
    align: str | None = None
    place: str = ""
    before_pt: float | None = None      # spacing the builder draws above it
    line_spacing: tuple[float, float] | None = None   # allowed range in lines (1 = single)
    rule_line: tuple[float, float] | None = None      # the line under it, as a share of the text width


@dataclass(frozen=True)
class HeadingLevel:
    """A heading level of the body: its pattern (a regular expression on the text) and form."""
    key: str
    pattern: str
    case: str | None
    bold: bool | None
    align: str | None   # None: as the body (justified or left: a one-line heading looks the same)


# ------------------------------------------------------------------ page
PAGE_MM = (210.0, 297.0)            # A4, portrait
PAGE_TOLERANCE_MM = 1.0
MARGINS_MM: dict[str, tuple[float, float]] = {
    "top": (20.0, 25.0), "bottom": (20.0, 25.0), "left": (30.0, 35.0), "right": (15.0, 20.0)}
MARGINS_PREFERRED_MM: dict[str, float] = {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0}
MARGIN_TOLERANCE_MM = 0.5
HEADER_DISTANCE_MM = 10.0
FONT = "Times New Roman"
COLOURS_BLACK = ("auto", "000000", "black")

# ------------------------------------------------------------------ body
FIRST_LINE_INDENT_MM = (10.0, 12.7)     # 1 cm or 1.27 cm
FIRST_LINE_INDENT_TOLERANCE_MM = 0.5
FIRST_LINE_INDENT_PREFERRED_MM = 12.7
BODY_SPACING_MIN_PT = 6.0
BODY_SPACING_PREFERRED_PT = 6
BODY_LINE_PREFERRED = 276               # 1.15 lines in 240ths
SIGNATURE_SPACE_MIN_PT = 36.0           # about three lines for signature and seal
VV_GAP_PT = 6.0                         # «V/v» 6 pt under the Số line

ELEMENTS: dict[str, Element] = {
    "co_quan_chu_quan": Element("tên cơ quan chủ quản", (12, 13), 13, bold=False, italic=False, case="upper",
                                align="center", place="header.left"),
    "co_quan_ban_hanh": Element("tên cơ quan ban hành", (12, 13), 13, bold=True, italic=False, case="upper",
                                align="center", place="header.left", rule_line=(0.3, 0.55)),
    "quoc_hieu": Element("Quốc hiệu", (12, 13), 12, bold=True, italic=False, case="upper", align="center",
                         place="header.right", line_spacing=(1.0, 1.0)),
    "tieu_ngu": Element("tiêu ngữ", (13, 14), 13, bold=True, italic=False, align="center", place="header.right",
                        line_spacing=(1.0, 1.0), rule_line=(0.9, 1.12)),
    "so_ky_hieu": Element("số, ký hiệu", (13, 13), 13, bold=False, italic=False, align="center",
                          place="header.left", before_pt=6),
    "dia_danh_ngay": Element("địa danh, ngày tháng", (13, 14), 14, bold=False, italic=True, align="center",
                             place="header.right", before_pt=6),
    "ten_loai": Element("tên loại văn bản", (13, 14), 14, bold=True, italic=False, case="upper", align="center",
                        place="title", before_pt=18),
    "trich_yeu": Element("trích yếu", (13, 14), 14, bold=True, italic=False, align="center", place="title",
                         rule_line=(0.3, 0.55)),
    "vv": Element("trích yếu công văn «V/v …»", (12, 13), 12, bold=False, italic=False, align="center",
                  place="header.left", before_pt=VV_GAP_PT),
    "kinh_gui": Element("«Kính gửi»", (13, 14), 14, italic=False, place="body"),
    "can_cu": Element("căn cứ", (13, 14), 14, italic=True, place="body"),
    "body": Element("nội dung", (13, 14), 14, italic=False, align="both", place="body", before_pt=6,
                    line_spacing=(1.0, 1.5)),
    "heading": Element("đề mục", (13, 14), 14, italic=False, place="body"),
    "quyen_han": Element("quyền hạn người ký", (13, 14), 14, bold=True, italic=False, case="upper", align="center",
                         place="signature.right"),
    "chuc_vu": Element("chức vụ người ký", (13, 14), 14, bold=True, italic=False, case="upper", align="center",
                       place="signature.right"),
    "ho_ten": Element("họ tên người ký", (13, 14), 14, bold=True, italic=False, align="center",
                      place="signature.right"),
    "noi_nhan_label": Element("«Nơi nhận:»", (12, 12), 12, bold=True, italic=True, align="left",
                              place="signature.left"),
    "noi_nhan_item": Element("dòng nơi nhận", (11, 11), 11, bold=False, italic=False, align="left",
                             place="signature.left"),
    "page_number": Element("số trang", (13, 14), 13, italic=False, align="center", place="page_header"),
    "phu_luc_heading": Element("tiêu đề phụ lục", (13, 14), 14, bold=True, align="center", place="appendix",
                               rule_line=(0.0, 10.0)),
    "phu_luc_table": Element("bảng phụ lục", (11, 13), 12, place="appendix"),
    "khan_mat": Element("dấu độ khẩn, độ mật", (13, 14), 13, bold=True, case="upper", place="header.left"),
}

# «Phụ lục» on its own line: 14 pt (the title and «Kèm theo» lines 13–14)
PHU_LUC_WORD_SIZE = (14, 14)

HEADINGS: tuple[HeadingLevel, ...] = (
    HeadingLevel("phan", r"^Phần\s+(thứ\s+\S+|[IVXLC]+|\d+)\b", None, True, "center"),
    HeadingLevel("chuong", r"^Chương\s+([IVXLC]+|\d+)\b", None, True, "center"),
    HeadingLevel("muc", r"^Mục\s+\d+\b", None, True, "center"),
    HeadingLevel("dieu", r"^Điều\s+\d+\.", None, True, None),
    HeadingLevel("roman", r"^[IVXLC]+\.\s+\S", "upper", True, None),
    HeadingLevel("arabic", r"^\d+(\.\d+)*\.\s+\S", None, None, None),
    HeadingLevel("letter", r"^[a-zđ]\)\s+\S", None, None, None),
)

# Phụ lục III: tên loại → abbreviation (a công văn has none)
DOC_TYPES: dict[str, str] = {
    "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC", "Quy định": "QyĐ",
    "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr",
    "Kế hoạch": "KH", "Phương án": "PA", "Đề án": "ĐA", "Dự án": "DA", "Báo cáo": "BC",
    "Biên bản": "BB", "Tờ trình": "TTr", "Hợp đồng": "HĐ", "Công điện": "CĐ", "Bản ghi nhớ": "BGN",
    "Bản thỏa thuận": "BTT", "Giấy ủy quyền": "GUQ", "Giấy mời": "GM", "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP", "Phiếu gửi": "PG", "Phiếu chuyển": "PC", "Phiếu báo": "PB",
}
AUTHORITIES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
QUOC_HIEU_OLD = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


def size_range_text(low: float, high: float) -> str:
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"
