"""Fixture workbooks for the reader, validation and attainment tests.

Every builder writes one small, realistic Vietnamese indicator workbook into a
given directory and returns ``(path, facts)``: ``facts`` holds what SPEC §2–§5
say a correct program must find in it, written down independently of the
implementation. Workbooks are generated at test time, never committed.

Shape of ``facts`` (keys are optional unless a test needs them):

- ``sheet``: sheet name; ``columns``: role -> column letter that must be found;
  ``absent``: roles that must not be found; ``header_rows``: sheet rows that must
  be part of the header; ``first_data_row``; ``year``; ``previous_year``.
- ``sections``: list of ``(numeral, title, row)``.
- ``rows``: sheet row -> expected attributes of the indicator read from that row;
  exactly these rows are indicators or sub-rows. Attributes: ``kind``, ``stt``,
  ``name``, ``unit``, ``op``, ``value``, ``high``, ``result`` (``Decimal`` or
  ``None``), ``lead`` (list), ``leader``, ``parent`` (row of the numbered
  indicator), ``number``, ``section`` (title), ``status`` (one status or a tuple
  of acceptable ones), ``ratio`` (``Decimal``, compared to 0,05), ``direction``,
  ``growth`` and ``growth_unit``.
- ``not_rows``: sheet rows that must not become indicators (repeated headers,
  column-number rows, section titles).
- ``findings``: list of expected findings ``{"cells": [...], "category": ...,
  "severity": "error" | "warning" | None}``: some finding of that category must
  sit on one of the cells (None = severity not fixed by SPEC).
- ``no_error_rows``: rows on which no error-severity finding is allowed.
- ``exit_check``: the exit status ``kh-excel check`` must give.
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import unicodedata
import zipfile
import zlib
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

MET = ("dat", "vuot")  # "met or beyond": where SPEC leaves dat vs vuot to the documented rule
# Documented in kh_excel.core.attainment: a bound target (>, ≥, trên, dưới, tối thiểu, tối đa) that holds is
# "dat" (a bound has no "beyond"); "trên" is strict. The expectations below follow that rule.
SHEET = "Phụ lục"

STD_HEADER = [
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch năm 2026",
    "Ước thực hiện năm 2026",
    "Cơ quan, đơn vị chịu trách nhiệm trực tiếp thực hiện",
    "Cơ quan, đơn vị phối hợp, cùng chịu trách nhiệm",
    "Lãnh đạo tỉnh phụ trách",
]
STD_COLUMNS = {
    "stt": "A", "name": "B", "unit": "C", "target": "D", "result": "E",
    "lead": "F", "cooperate": "G", "leader": "H",
}
TITLES = [
    "PHỤ LỤC",
    "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 TỈNH LÀO CAI",
    "(Kèm theo Chương trình hành động số 04/CTr-UBND ngày 02 tháng 02 năm 2026 của Ủy ban nhân dân tỉnh)",
]

# Leaders and agencies as staff write them.
ANH = "Đồng chí Nguyễn Tuấn Anh - Chủ tịch UBND tỉnh"
ANH_TYPO = "Đông chí Nguyễn Tuấn Anh - Chủ tịch UBND tỉnh"
SINH = "Đồng chí Nguyễn Thành Sinh - Phó Chủ tịch UBND tỉnh"
HANH = "Đồng chí Vũ Thị Hiền Hạnh - Phó Chủ tịch UBND tỉnh"
PHUOC = "Đồng chí Nguyễn Thế Phước - Phó Chủ tịch Thường trực UBND tỉnh"
TC_TK = "Sở Tài chính, Thống kê tỉnh"
TC_TK_LIST = ["Sở Tài chính", "Thống kê tỉnh"]
VHTTDL = "Sở Văn hóa, Thể thao và Du lịch"
VHTTDL_OLD = "Sở Văn hoá, Thể thao và Du lịch"
XA = "UBND các xã/phường"
COOP = "Các sở, ngành, UBND các xã/phường"


# ---------------------------------------------------------------- helpers

def col(letter: str) -> int:
    """0-based column index of a column letter."""
    n = 0
    for ch in letter:
        n = n * 26 + ord(ch.upper()) - 64
    return n - 1


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


_TCVN3_LOWER = {
    "à": "µ", "ả": "¶", "ã": "·", "á": "¸", "ạ": "¹",
    "ă": "¨", "ằ": "»", "ẳ": "¼", "ẵ": "½", "ắ": "¾", "ặ": "Æ",
    "â": "©", "ầ": "Ç", "ẩ": "È", "ẫ": "É", "ấ": "Ê", "ậ": "Ë",
    "è": "Ì", "ẻ": "Î", "ẽ": "Ï", "é": "Ð", "ẹ": "Ñ",
    "ê": "ª", "ề": "Ò", "ể": "Ó", "ễ": "Ô", "ế": "Õ", "ệ": "Ö",
    "ì": "×", "ỉ": "Ø", "ĩ": "Ü", "í": "Ý", "ị": "Þ",
    "ò": "ß", "ỏ": "á", "õ": "â", "ó": "ã", "ọ": "ä",
    "ô": "«", "ồ": "å", "ổ": "æ", "ỗ": "ç", "ố": "è", "ộ": "é",
    "ơ": "¬", "ờ": "ê", "ở": "ë", "ỡ": "ì", "ớ": "í", "ợ": "î",
    "ù": "ï", "ủ": "ñ", "ũ": "ò", "ú": "ó", "ụ": "ô",
    "ư": "\u00ad", "ừ": "õ", "ử": "ö", "ữ": "÷", "ứ": "ø", "ự": "ù",
    "ỳ": "ú", "ỷ": "û", "ỹ": "ü", "ý": "ý", "ỵ": "þ",
    "đ": "®",
}
_TCVN3_UPPER = {"Ă": "¡", "Â": "¢", "Đ": "§", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦"}


def tcvn3(text: str) -> str:
    """Unicode Vietnamese as it shows when TCVN3 (.VnTime) bytes are read as Windows-1252."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_UPPER:
            out.append(_TCVN3_UPPER[ch])
        elif ch in _TCVN3_LOWER:
            out.append(_TCVN3_LOWER[ch])
        elif ch.lower() in _TCVN3_LOWER:  # toned capitals share the lower-case codes (.VnTimeH)
            out.append(_TCVN3_LOWER[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


class _Rows:
    """Writes rows one after another and remembers their sheet row numbers."""

    def __init__(self, ws, start: int):
        self.ws = ws
        self.r = start

    def add(self, *values: Any) -> int:
        for c, v in enumerate(values, 1):
            if v is not None:
                self.ws.cell(self.r, c, v)
        r = self.r
        self.r += 1
        return r

    def skip(self) -> int:
        r = self.r
        self.r += 1
        return r


def _new_sheet(title: str = SHEET):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    return wb, ws


def _titles(ws, ncols: int, lines=TITLES) -> int:
    """Title rows merged across the table; returns the next free row (one blank row after)."""
    for i, text in enumerate(lines, 1):
        ws.cell(i, 1, text).font = Font(bold=i <= 2, name="Times New Roman", size=13 if i <= 2 else 12,
                                        italic=i > 2)
        ws.cell(i, 1).alignment = Alignment(horizontal="center", wrap_text=True)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=ncols)
    return len(lines) + 2


def _header(ws, row: int, names: list[str], number_row: bool = True) -> int:
    for c, name in enumerate(names, 1):
        cell = ws.cell(row, c, name)
        cell.font = Font(bold=True, name="Times New Roman")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    if number_row:
        for c in range(1, len(names) + 1):
            ws.cell(row + 1, c, f"({c})").alignment = Alignment(horizontal="center")
        return row + 2
    return row + 1


def _finish(ws, first: int, last: int, ncols: int, widths=None) -> None:
    widths = widths or [6, 48, 12, 14, 14, 30, 30, 30, 14, 14]
    for c in range(1, ncols + 1):
        ws.column_dimensions[get_column_letter(c)].width = widths[c - 1] if c - 1 < len(widths) else 14
        for r in range(first, last + 1):
            cell = ws.cell(r, c)
            cell.border = _BOX
            if c == 2 or c >= 6:
                cell.alignment = Alignment(wrap_text=True, vertical="center")


def _merge_down(ws, letter: str, r1: int, r2: int) -> None:
    ws.merge_cells(f"{letter}{r1}:{letter}{r2}")
    ws[f"{letter}{r1}"].alignment = Alignment(vertical="center", horizontal="center", wrap_text=True)


def _num(v: Any) -> D | None:
    """The number a cell written by these builders means (Vietnamese text: dot thousands, comma decimal)."""
    if v is None:
        return None
    if isinstance(v, str):
        t = v.replace(".", "").replace(",", ".").rstrip("%").strip()
        try:
            return D(t)
        except ArithmeticError:
            return None
    return D(repr(v))


def _f(*cells: str, category: str, severity: str | None = None) -> dict:
    return {"cells": list(cells), "category": category, "severity": severity}


def _ind(**kw) -> dict:
    kw.setdefault("kind", "indicator")
    return kw


def _sub(parent: int, **kw) -> dict:
    kw["kind"] = "subrow"
    kw["parent"] = parent
    return kw


# ---------------------------------------------------------------- plain table

PLAIN_FILE = "chi_tieu_plain.xlsx"


def _plain_rows() -> list[tuple]:
    """Rows of the plain table: (key, values…). Shared by the .xlsx and the xlwt .xls builder."""
    return [
        ("s1", "I", "CÁC CHỈ TIÊU VỀ KINH TẾ"),
        ("grdp", "1", "Tổng sản phẩm trên địa bàn theo giá hiện hành", "Tỷ đồng", 155000, 151200, TC_TK, COOP, ANH),
        ("cc", "-", "Cơ cấu GRDP", "%", 100, 100),
        ("cc1", "+", "Nông, lâm nghiệp và thủy sản", "%", "14,97", 14.0),
        ("cc2", "+", "Công nghiệp - Xây dựng", "%", 38.13, 38.5),
        ("cc3", "+", "Dịch vụ", "%", 39.57, 40.1),
        ("cc4", "+", "Thuế sản phẩm trừ trợ cấp sản phẩm", "%", 7.33, 7.4),
        ("growth", "2", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", ">10", "8,2", TC_TK, COOP, ANH),
        ("percap", "3", "GRDP bình quân đầu người", "Triệu đồng", 93, 94.1, TC_TK, COOP, ANH),
        ("income", None, "Thu nhập bình quân đầu người", "Triệu đồng", 51, 50.2),
        ("invest", "4", "Tổng vốn đầu tư thực hiện trên địa bàn", "Tỷ đồng", ">90000", "91.500", TC_TK, XA, ANH),
        ("dn", "5", "Phấn đấu toàn tỉnh có doanh nghiệp", "DN", 13400, 13150, XA,
         "Sở Tài chính, các sở, ban, ngành liên quan", SINH),
        ("dn1", None, "Trong đó: tỷ lệ doanh nghiệp hoạt động hiệu quả", "%", 56.5, 57),
        ("dn2", None, "Tỷ trọng giá trị tăng thêm của kinh tế ngoài nhà nước trong GRDP", "%", 70.5, 70.1),
        ("xnk", "6", "Tổng giá trị hàng hóa xuất khẩu, nhập khẩu qua địa bàn", "Triệu USD", 6140, 6200,
         "Sở Công Thương; Ban Quản lý Khu Kinh tế", XA, SINH),
        ("s2", "II", "CÁC CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI"),
        ("dl", "7", "Tổng lượng khách du lịch", "1000 lượt người", 11280, 11650, VHTTDL, XA, HANH),
        ("dla", "a)", "Khách quốc tế", "1000 lượt người", 1500, 1480),
        ("dlb", "b)", "Khách nội địa", "1000 lượt người", 9780, 10170),
        ("ld", "8", "Tỷ lệ lao động đã qua đào tạo", "%", 71, 72, XA, "Sở Nội vụ", HANH),
        ("ld1", "+", "Tỷ lệ lao động đã qua đào tạo có bằng cấp, chứng chỉ", "%", 27, 27),
        ("bhyt", "9", "Tỷ lệ bao phủ bảo hiểm y tế", "%", "> 95", "95,3", "Sở Y tế\nBảo hiểm xã hội tỉnh", XA, HANH),
        ("bs", "10", "Số bác sỹ trên một vạn dân", "Bác sỹ", 13, 12.6, "Sở Y tế", XA, HANH),
        ("s3", "III", "CÁC CHỈ TIÊU VỀ MÔI TRƯỜNG VÀ CHỈ TIÊU KHÁC"),
        ("rung", "11", "Tỷ lệ che phủ rừng", "%", 61.3, 61.3, "Sở Nông nghiệp và Môi trường", XA, PHUOC),
        ("dvc", "12", "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp", "%", 50, None,
         "Sở Khoa học và Công nghệ", XA, PHUOC),
        ("pci", "13", "Xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Bậc", "Tăng 3 bậc so với năm 2025",
         "Tăng 4 bậc", "Sở Nội vụ, Sở Tài chính", "Các sở, ban ngành liên quan", PHUOC),
    ]


PLAIN_MERGED = ("dn", "dn2")  # STT, lead and leader merged down over indicator 5 and its two sub-rows


def _plain_facts(rows: dict[str, int], sheet: str = SHEET) -> dict:
    r = rows
    s1, s2, s3 = "CÁC CHỈ TIÊU VỀ KINH TẾ", "CÁC CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI", "CÁC CHỈ TIÊU VỀ MÔI TRƯỜNG VÀ CHỈ TIÊU KHÁC"
    g = r["grdp"]
    facts_rows = {
        g: _ind(stt="1", number=1, name="Tổng sản phẩm trên địa bàn theo giá hiện hành", unit="Tỷ đồng",
                op="=", value=D("155000"), result=D("151200"), lead=TC_TK_LIST, leader=ANH, section=s1,
                status="khong_dat", ratio=D("97.548"), direction="up"),
        # a structure and its parts are ONE indicator (core.attainment.structures), judged through the parts:
        # a share off its plan (14,0 against 14,97) leaves it not met; the parts are listed, not counted
        r["cc"]: _sub(g, stt="-", number=1, name="Cơ cấu GRDP", unit="%", op="=", value=D("100"), result=D("100"),
                      lead=TC_TK_LIST, leader=ANH, section=s1, status="khong_dat"),
        # parts of a structure ("Cơ cấu …") are shares judged "about" their planned level (±2 %), the rule
        # documented in core.attainment / core.table with its reason
        r["cc1"]: _sub(g, in_structure=True, stt="+", name="Nông, lâm nghiệp và thủy sản", op="=", value=D("14.97"), result=D("14.0"),
                       lead=TC_TK_LIST, status="khong_dat", ratio=D("93.520"), direction="about"),
        r["cc2"]: _sub(g, in_structure=True, stt="+", name="Công nghiệp - Xây dựng", value=D("38.13"), result=D("38.5"), status="dat",
                       direction="about"),
        r["cc3"]: _sub(g, in_structure=True, stt="+", name="Dịch vụ", value=D("39.57"), result=D("40.1"), status="dat",
                       direction="about"),
        r["cc4"]: _sub(g, in_structure=True, stt="+", name="Thuế sản phẩm trừ trợ cấp sản phẩm", value=D("7.33"), result=D("7.4"),
                       status="dat", direction="about"),
        r["growth"]: _ind(stt="2", number=2, name="Tốc độ tăng trưởng kinh tế (GRDP)", unit="%", op=">", value=D("10"),
                          result=D("8.2"), lead=TC_TK_LIST, leader=ANH, section=s1, status="khong_dat", ratio=D("82")),
        r["percap"]: _ind(stt="3", number=3, name="GRDP bình quân đầu người", unit="Triệu đồng", op="=", value=D("93"),
                          result=D("94.1"), lead=TC_TK_LIST, status="vuot", ratio=D("101.183")),
        r["income"]: _sub(r["percap"], stt="", number=3, name="Thu nhập bình quân đầu người", unit="Triệu đồng",
                          value=D("51"), result=D("50.2"), lead=TC_TK_LIST, leader=ANH, status="khong_dat",
                          ratio=D("98.431")),
        r["invest"]: _ind(stt="4", number=4, name="Tổng vốn đầu tư thực hiện trên địa bàn", op=">", value=D("90000"),
                          result=D("91500"), lead=TC_TK_LIST, status="dat", ratio=D("101.667")),
        r["dn"]: _ind(stt="5", number=5, name="Phấn đấu toàn tỉnh có doanh nghiệp", unit="DN", value=D("13400"),
                      result=D("13150"), lead=[XA], leader=SINH, status="khong_dat"),
        r["dn1"]: _sub(r["dn"], number=5, name="Trong đó: tỷ lệ doanh nghiệp hoạt động hiệu quả", unit="%",
                       value=D("56.5"), result=D("57"), lead=[XA], leader=SINH, status="vuot"),
        r["dn2"]: _sub(r["dn"], number=5, name="Tỷ trọng giá trị tăng thêm của kinh tế ngoài nhà nước trong GRDP",
                       value=D("70.5"), result=D("70.1"), lead=[XA], leader=SINH, status="khong_dat"),
        r["xnk"]: _ind(stt="6", number=6, value=D("6140"), result=D("6200"),
                       lead=["Sở Công Thương", "Ban Quản lý Khu Kinh tế"], status="vuot"),
        r["dl"]: _ind(stt="7", number=7, name="Tổng lượng khách du lịch", unit="1000 lượt người", value=D("11280"),
                      result=D("11650"), lead=[VHTTDL], leader=HANH, section=s2, status="vuot"),
        r["dla"]: _sub(r["dl"], stt="a)", number=7, name="Khách quốc tế", value=D("1500"), result=D("1480"),
                       lead=[VHTTDL], leader=HANH, section=s2, status="khong_dat"),
        r["dlb"]: _sub(r["dl"], stt="b)", number=7, name="Khách nội địa", value=D("9780"), result=D("10170"),
                       status="vuot"),
        r["ld"]: _ind(stt="8", number=8, value=D("71"), result=D("72"), lead=[XA], status="vuot"),
        r["ld1"]: _sub(r["ld"], stt="+", value=D("27"), result=D("27"), status="dat", lead=[XA]),
        r["bhyt"]: _ind(stt="9", number=9, op=">", value=D("95"), result=D("95.3"),
                        lead=["Sở Y tế", "Bảo hiểm xã hội tỉnh"], status="dat"),
        r["bs"]: _ind(stt="10", number=10, name="Số bác sỹ trên một vạn dân", value=D("13"), result=D("12.6"), lead=["Sở Y tế"], status="khong_dat",
                      ratio=D("96.923")),
        r["rung"]: _ind(stt="11", number=11, name="Tỷ lệ che phủ rừng", value=D("61.3"), result=D("61.3"),
                        section=s3, status="dat", leader=PHUOC),
        r["dvc"]: _ind(stt="12", number=12, op="=", value=D("50"), result=None, status="chua_co_so_lieu"),
        # a rank planned in places to climb: «Tăng 4 bậc» against «Tăng 3 bậc» is beyond the plan
        r["pci"]: _ind(stt="13", number=13, op="text", result=None, lead=["Sở Nội vụ", "Sở Tài chính"],
                       status="vuot", direction="down"),
    }
    return {
        "sheet": sheet,
        "columns": dict(STD_COLUMNS),
        "absent": ["previous", "direction"],
        "header_rows": [5],
        "first_data_row": 7,
        "year": 2026,
        "sections": [("I", s1, r["s1"]), ("II", s2, r["s2"]), ("III", s3, r["s3"])],
        "rows": facts_rows,
        "not_rows": [5, 6, r["s1"], r["s2"], r["s3"]],
        "findings": [
            _f(f"D{r['cc1']}", category="number_as_text", severity="warning"),
            _f(f"E{r['growth']}", category="number_as_text", severity="warning"),
            _f(f"E{r['invest']}", category="number_as_text", severity="warning"),
            _f(f"E{r['bhyt']}", category="number_as_text", severity="warning"),
        ],
        "no_error_rows": sorted(facts_rows),
        "no_findings": [  # categories that must not appear anywhere in this clean table
            "duplicate_stt", "skipped_stt", "missing_lead", "missing_target", "missing_unit", "structure_sum",
            "share_out_of_range", "excel_error", "not_a_number", "inconsistent_spelling", "roman_indicator",
            "result_far_off", "nfd_text", "legacy_encoding", "header_unrecognised",
        ],
        "exit_check": 0,
    }


def build_plain(directory: Path) -> tuple[Path, dict]:
    """The table as staff keep it (like the samples): titles, header, (1)(2) row, sections, sub-rows, merges."""
    wb, ws = _new_sheet()
    start = _titles(ws, 8)
    assert start == 5
    first = _header(ws, 5, STD_HEADER)
    w = _Rows(ws, first)
    rows: dict[str, int] = {}
    for key, *values in _plain_rows():
        rows[key] = w.add(*values)
        if key.startswith("s"):
            ws.cell(rows[key], 1).font = Font(bold=True)
            ws.cell(rows[key], 2).font = Font(bold=True)
    for letter in ("A", "F", "H"):
        _merge_down(ws, letter, rows[PLAIN_MERGED[0]], rows[PLAIN_MERGED[1]])
    ws.cell(rows["percap"], 4).number_format = "0.00"
    _finish(ws, 5, w.r - 1, 8)
    path = directory / PLAIN_FILE
    wb.save(path)
    return path, _plain_facts(rows)


def build_plain_xlwt(directory: Path) -> tuple[Path, dict]:
    """The plain table written as a real BIFF .xls by xlwt (no LibreOffice in between)."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sh = book.add_sheet(SHEET)
    for i, text in enumerate(TITLES):
        sh.write_merge(i, i, 0, 7, text)
    for c, name in enumerate(STD_HEADER):
        sh.write(4, c, name)
        sh.write(5, c, f"({c + 1})")
    rows: dict[str, int] = {}
    r0 = 6  # 0-based
    merged = {}
    plain = _plain_rows()
    keys = [k for k, *_ in plain]
    m1, m2 = keys.index(PLAIN_MERGED[0]), keys.index(PLAIN_MERGED[1])
    for i, (key, *values) in enumerate(plain):
        r = r0 + i
        rows[key] = r + 1
        for c, v in enumerate(values):
            if v is None:
                continue
            if m1 <= i <= m2 and c in (0, 5, 7):
                if i == m1:
                    merged[c] = v
                continue
            sh.write(r, c, v)
    for c, v in merged.items():
        sh.write_merge(r0 + m1, r0 + m2, c, c, v)
    path = directory / "chi_tieu_plain_xlwt.xls"
    book.save(str(path))
    return path, _plain_facts(rows)


def make_xlsm(xlsx: Path, out: Path) -> Path:
    """A macro-enabled copy: same parts, the workbook part declared macroEnabled (as Excel saves .xlsm)."""
    with zipfile.ZipFile(xlsx) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                )
                assert b"macroEnabled" in data
            dst.writestr(item, data)
    return out


def soffice_convert(files: list[Path], fmt: str, outdir: Path, timeout: float = 180) -> list[Path]:
    """Convert with LibreOffice headless, one start-up for all files, own profile, under a time limit."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="kh_lo_profile_"))
    try:
        proc = subprocess.run(
            [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
             "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, start_new_session=True,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    ext = fmt.split(":")[0]
    outs = [outdir / (f.stem + "." + ext) for f in files]
    missing = [o for o in outs if not o.exists()]
    if missing:
        raise RuntimeError(f"soffice did not write {missing}: {proc.stderr.decode(errors='replace')}")
    return outs


# ---------------------------------------------------------------- operators and ranges

def build_operators(directory: Path) -> tuple[Path, dict]:
    """Targets with operators and ranges, results on each side of each bound (SPEC §3, §4)."""
    wb, ws = _new_sheet()
    first = _header(ws, _titles(ws, 8), STD_HEADER)
    w = _Rows(ws, first)
    rows: dict[int, dict] = {}
    n = 0

    def ind(name, unit, target, result, status, op, value, high=None, **extra):
        nonlocal n
        n += 1
        r = w.add(str(n), name, unit, target, result, "Sở Tài chính", XA, ANH)
        rows[r] = _ind(stt=str(n), number=n, name=name, unit=unit, op=op, value=value, high=high,
                       result=_num(result), status=status,
                       direction="down" if op in ("<", "<=") or unit == "Bậc" else "up", **extra)  # a rank: lower is better
        return r

    sec = w.add("I", "CÁC CHỈ TIÊU VỀ KINH TẾ")
    # strict ">": exactly at the bound is not met
    ind("Tốc độ tăng trưởng kinh tế (GRDP)", "%", ">10", 10.5, "dat", ">", D("10"), ratio=D("105"))
    at_gt = ind("Tốc độ tăng trưởng giá trị sản xuất công nghiệp", "%", ">10", 10, "khong_dat", ">", D("10"))
    ind("Tốc độ tăng trưởng giá trị sản xuất nông nghiệp", "%", ">10", 9.8, "khong_dat", ">", D("10"))
    ind("Tỷ lệ bao phủ bảo hiểm y tế", "%", "> 95", 95.3, "dat", ">", D("95"))
    ind("Tỷ lệ bao phủ bảo hiểm y tế học sinh", "%", "> 95", 95, "khong_dat", ">", D("95"))
    ind("Tổng vốn đầu tư thực hiện trên địa bàn", "Tỷ đồng", ">90000", "91.500", "dat", ">", D("90000"))
    ind("Tổng vốn đầu tư toàn xã hội", "Tỷ đồng", ">90000", 90000, "khong_dat", ">", D("90000"))
    # "≥": exactly at the bound meets it
    at_ge = ind("Tỷ lệ xã đạt chuẩn quốc gia về y tế", "%", "≥ 95", 95, "dat", ">=", D("95"))
    ind("Tỷ lệ trường học đạt chuẩn quốc gia", "%", "≥ 95", 94.9, "khong_dat", ">=", D("95"))
    ind("Tỷ lệ dân số nông thôn dùng nước hợp vệ sinh", "%", "≥95", 96, "dat", ">=", D("95"))
    # "trên": strictly above (decided and documented in core.attainment)
    ind("Tốc độ tăng thu ngân sách nhà nước", "%", "trên 10", 10.5, "dat", ">", D("10"))
    ind("Tốc độ tăng kim ngạch xuất khẩu", "%", "trên 10", 9, "khong_dat", ">", D("10"))
    at_tren = ind("Tốc độ tăng doanh thu dịch vụ", "%", "trên 10", 10, "khong_dat", ">", D("10"))
    # "tối thiểu" = at least
    ind("Số xã đạt chuẩn nông thôn mới", "Xã", "tối thiểu 40", 40, "dat", ">=", D("40"))
    ind("Số xã đạt chuẩn nông thôn mới nâng cao", "Xã", "tối thiểu 40", 39, "khong_dat", ">=", D("40"))
    ind("Số xã đạt chuẩn nông thôn mới kiểu mẫu", "Xã", "tối thiểu 40", 41, "dat", ">=", D("40"))
    # "tối đa" = at most: the bound or below meets it, above does not
    ind("Chỉ số giá tiêu dùng (CPI) tăng", "%", "tối đa 4,5", 4.5, "dat", "<=", D("4.5"))
    ind("Chỉ số giá tiêu dùng khu vực thành thị tăng", "%", "tối đa 4,5", 4.8, "khong_dat", "<=", D("4.5"))
    ind("Chỉ số giá tiêu dùng khu vực nông thôn tăng", "%", "tối đa 4,5", 4, "dat", "<=", D("4.5"))
    # "dưới" = strictly below
    ind("Chỉ số giá nhóm hàng lương thực tăng", "%", "dưới 4", 3.9, "dat", "<", D("4"))
    at_lt = ind("Chỉ số giá nhóm hàng thực phẩm tăng", "%", "dưới 4", 4, "khong_dat", "<", D("4"))
    ind("Chỉ số giá nhóm hàng may mặc tăng", "%", "dưới 4", 4.2, "khong_dat", "<", D("4"))
    sec2 = w.add("II", "CÁC CHỈ TIÊU VỀ XÃ HỘI")
    # "khoảng" = within ±2 % (default tolerance), bounds included
    ind("Tỷ lệ đô thị hóa", "%", "khoảng 32", 32, "dat", "~", D("32"))
    ind("Tỷ lệ đô thị hóa khu vực phía Bắc", "%", "khoảng 32", 32.6, "dat", "~", D("32"))
    ind("Tỷ lệ đô thị hóa khu vực phía Nam", "%", "khoảng 32", 31.4, "dat", "~", D("32"))
    exact_tol = ind("Tỷ lệ đô thị hóa khu vực trung tâm", "%", "khoảng 32", 31.36, "dat", "~", D("32"))
    out_tol = ind("Tỷ lệ đô thị hóa khu vực miền núi", "%", "khoảng 32", 31.3, "khong_dat", "~", D("32"))
    ind("Tỷ lệ đô thị hóa khu vực ven biển", "%", "khoảng 32", 32.7, "vuot", "~", D("32"))
    ind("Tuổi thọ trung bình người dân", "Tuổi", "khoảng 74", 75.48, "dat", "~", D("74"))
    # ranges, inclusive at both ends
    ind("Số giường bệnh trên 1 vạn dân", "Giường", "130 - 140", 130, "dat", "range", D("130"), D("140"))
    ind("Số giường bệnh viện công lập", "Giường", "130 - 140", 140, "dat", "range", D("130"), D("140"))
    ind("Số giường bệnh viện tư nhân", "Giường", "130 - 140", 135, "dat", "range", D("130"), D("140"))
    ind("Số giường bệnh tuyến xã", "Giường", "130 - 140", 129, "khong_dat", "range", D("130"), D("140"))
    ind("Số giường bệnh tuyến tỉnh", "Giường", "130 - 140", 141, "vuot", "range", D("130"), D("140"))
    ind("Số trạm y tế có bác sỹ", "Trạm", "từ 130 đến 140", 130, "dat", "range", D("130"), D("140"))
    ind("Số trạm y tế đạt chuẩn", "Trạm", "từ 130 đến 140", 140, "dat", "range", D("130"), D("140"))
    ind("Số trạm y tế có nữ hộ sinh", "Trạm", "từ 130 đến 140", 125, "khong_dat", "range", D("130"), D("140"))
    ind("Số trạm y tế có y học cổ truyền", "Trạm", "từ 130 đến 140", 145, "vuot", "range", D("130"), D("140"))
    ind("Số lao động được tạo việc làm mới", "Nghìn người", "12,5–13,5", 13, "dat", "range", D("12.5"), D("13.5"))
    # plain targets: beyond, exactly, below
    ind("Chỉ số sản xuất công nghiệp", "%", 112, 113, "vuot", "=", D("112"), ratio=D("100.893"))
    ind("Chỉ số sản xuất ngành chế biến", "%", 112, 112, "dat", "=", D("112"), ratio=D("100"))
    ind("Chỉ số sản xuất ngành khai khoáng", "%", 112, 108.5, "khong_dat", "=", D("112"), ratio=D("96.875"))
    ind("Tổng sản phẩm trên địa bàn theo giá hiện hành", "Tỷ đồng", "155.000", "151.200", "khong_dat", "=",
        D("155000"), ratio=D("97.548"))
    # no result yet; qualitative target
    ind("Tốc độ tăng năng suất lao động", "%", ">5,5", None, "chua_co_so_lieu", ">", D("5.5"))
    ind("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Bậc", "Phấn đấu đạt cao hơn so với năm 2025", "Tăng 2 bậc",
        "khong_danh_gia", "text", None)
    _finish(ws, 5, w.r - 1, 8)
    path = directory / "chi_tieu_toan_tu.xlsx"
    wb.save(path)
    return path, {
        "sheet": SHEET,
        "columns": dict(STD_COLUMNS),
        "sections": [("I", "CÁC CHỈ TIÊU VỀ KINH TẾ", sec), ("II", "CÁC CHỈ TIÊU VỀ XÃ HỘI", sec2)],
        "rows": rows,
        "not_rows": [sec, sec2],
        "marks": {"at_gt": at_gt, "at_ge": at_ge, "at_tren": at_tren, "at_lt": at_lt, "exact_tol": exact_tol,
                  "out_tol": out_tol},
        "no_error_rows": sorted(rows),
    }


# ---------------------------------------------------------------- direction

def build_directions(directory: Path) -> tuple[Path, dict]:
    """Lower-is-better names and a reduction amount, no Chiều column: direction inferred from the name."""
    wb, ws = _new_sheet()
    first = _header(ws, _titles(ws, 8), STD_HEADER)
    w = _Rows(ws, first)
    rows: dict[int, dict] = {}
    n = 0

    def ind(name, unit, target, result, status, direction, ratio=None):
        nonlocal n
        n += 1
        r = w.add(str(n), name, unit, target, result, XA, "Sở Y tế", HANH)
        rows[r] = _ind(stt=str(n), number=n, name=name, result=D(repr(result)), status=status,
                       direction=direction, **({"ratio": ratio} if ratio is not None else {}))
        return r

    sec = w.add("I", "CÁC CHỈ TIÊU VỀ XÃ HỘI")
    ind("Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)", "%", 3.5, 3.2, "vuot", "down", D("91.429"))
    ind("Tỷ lệ hộ nghèo khu vực nông thôn", "%", 3.5, 3.5, "dat", "down")
    ind("Tỷ lệ hộ nghèo khu vực miền núi", "%", 3.5, 3.8, "khong_dat", "down", D("108.571"))
    ind("Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội", "%", 48.5, 47.9, "vuot", "down", D("98.763"))
    ind("Tỷ lệ lao động nông nghiệp khu vực nông thôn", "%", 48.5, 49.2, "khong_dat", "down")
    ind("Tỷ suất tử vong trẻ em dưới 1 tuổi", "‰", 12, 12.5, "khong_dat", "down")
    ind("Tỷ suất tử vong trẻ em dưới 5 tuổi", "‰", 18, 17, "vuot", "down")
    ind("Số vụ tai nạn giao thông", "Vụ", 150, 140, "vuot", "down")
    ind("Số người chết do tai nạn giao thông", "Người", 80, 80, "dat", "down")
    ind("Số người bị thương do tai nạn giao thông", "Người", 60, 66, "khong_dat", "down")
    ind("Tỷ lệ nợ xấu của các tổ chức tín dụng", "%", 2, 1.8, "vuot", "down")
    ind("Tỷ lệ nợ xấu của ngân hàng chính sách xã hội", "%", 2, 2.5, "khong_dat", "down")
    red1 = ind("Giảm tỷ lệ hộ nghèo so với năm trước (theo chuẩn nghèo đa chiều giai đoạn 2021-2025)", "Điểm %",
               1.5, 1.7, "vuot", "up", D("113.333"))
    red2 = ind("Giảm tỷ lệ hộ nghèo đồng bào dân tộc thiểu số", "Điểm %", 1.5, 1.2, "khong_dat", "up")
    ind("Tỷ lệ lao động đã qua đào tạo", "%", 71, 72, "vuot", "up")
    ind("Tỷ lệ hộ nghèo tối đa", "%", "dưới 5", 4.5, "dat", "down")
    ind("Tỷ lệ hộ cận nghèo", "%", "dưới 5", 5, "khong_dat", "down")
    _finish(ws, 5, w.r - 1, 8)
    path = directory / "chi_tieu_chieu.xlsx"
    wb.save(path)
    return path, {"sheet": SHEET, "columns": dict(STD_COLUMNS), "sections": [("I", "CÁC CHỈ TIÊU VỀ XÃ HỘI", sec)],
                  "rows": rows, "reductions": [red1, red2], "absent": ["direction"]}


def build_direction_column(directory: Path) -> tuple[Path, dict]:
    """An explicit Chiều column (Tăng/Giảm/Khoảng) overrides what the name suggests; blank means infer."""
    header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Chiều",
              "Cơ quan chủ trì", "Lãnh đạo tỉnh phụ trách"]
    wb, ws = _new_sheet()
    first = _header(ws, _titles(ws, 8), header)
    w = _Rows(ws, first)
    rows: dict[int, dict] = {}
    n = 0

    def ind(name, unit, target, result, chieu, status, direction):
        nonlocal n
        n += 1
        r = w.add(str(n), name, unit, target, result, chieu, XA, PHUOC)
        rows[r] = _ind(stt=str(n), number=n, name=name, result=D(repr(result)), status=status, direction=direction,
                       lead=[XA], leader=PHUOC)
        return r

    sec = w.add("I", "CÁC CHỈ TIÊU VỀ XÃ HỘI VÀ MÔI TRƯỜNG")
    ind("Tỷ lệ hộ nghèo được hỗ trợ nhà ở", "%", 80, 85, "Tăng", "vuot", "up")
    ind("Tỷ lệ hộ nghèo được vay vốn ưu đãi", "%", 80, 75, "Tăng", "khong_dat", "up")
    ind("Chỉ số giá tiêu dùng bình quân", "%", 4, 3.8, "Giảm", "vuot", "down")
    ind("Chỉ số giá tiêu dùng khu vực nông thôn", "%", 4, 4.2, "Giảm", "khong_dat", "down")
    ind("Tỷ lệ đô thị hóa", "%", 32.4, 32.9, "Khoảng", "dat", "about")
    ind("Tỷ lệ đô thị hóa khu vực trung tâm", "%", 32.4, 33.5, "Khoảng", "khong_dat", "about")
    ind("Tỷ lệ đô thị hóa khu vực miền núi", "%", 32.4, 31.5, "Khoảng", "khong_dat", "about")
    ind("Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội", "%", 48.5, 47.9, None, "vuot", "down")
    ind("Tỷ lệ lao động nông nghiệp được đào tạo nghề", "%", 30, 32, "tăng", "vuot", "up")
    ind("Tỷ lệ che phủ rừng", "%", 61.3, 61, None, "khong_dat", "up")
    _finish(ws, 5, w.r - 1, 8)
    path = directory / "chi_tieu_cot_chieu.xlsx"
    wb.save(path)
    cols = {"stt": "A", "name": "B", "unit": "C", "target": "D", "result": "E", "direction": "F", "lead": "G",
            "leader": "H"}
    return path, {"sheet": SHEET, "columns": cols, "sections": [("I", "CÁC CHỈ TIÊU VỀ XÃ HỘI VÀ MÔI TRƯỜNG", sec)],
                  "rows": rows, "no_error_rows": sorted(rows)}


# ---------------------------------------------------------------- header shapes

def build_two_row_header(directory: Path) -> tuple[Path, dict]:
    """A group header "Năm 2026" merged over "Kế hoạch" and "Ước thực hiện"; the other headers merged down."""
    wb, ws = _new_sheet()
    _titles(ws, 8)
    top = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", None, "Cơ quan chủ trì", "Cơ quan phối hợp",
           "Lãnh đạo tỉnh phụ trách"]
    for c, name in enumerate(top, 1):
        if name:
            ws.cell(5, c, name).font = Font(bold=True)
            ws.cell(5, c).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.cell(6, 4, "Kế hoạch").font = Font(bold=True)
    ws.cell(6, 5, "Ước thực hiện").font = Font(bold=True)
    for letter in "ABCFGH":
        ws.merge_cells(f"{letter}5:{letter}6")
    ws.merge_cells("D5:E5")
    for c in range(1, 9):
        ws.cell(7, c, f"({c})")
    w = _Rows(ws, 8)
    sec = w.add("I", "CÁC CHỈ TIÊU VỀ KINH TẾ")
    r1 = w.add("1", "Tổng sản phẩm trên địa bàn theo giá hiện hành", "Tỷ đồng", 155000, 158000, TC_TK, COOP, ANH)
    r2 = w.add("2", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", ">10", 10.4, TC_TK, COOP, ANH)
    r3 = w.add("3", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 23500, 22100, "Sở Tài chính", "Thuế tỉnh", ANH)
    r4 = w.add("-", "Thu nội địa", "Tỷ đồng", 18000, 18000)
    _finish(ws, 5, w.r - 1, 8)
    path = directory / "chi_tieu_tieu_de_hai_dong.xlsx"
    wb.save(path)
    return path, {
        "sheet": SHEET, "columns": dict(STD_COLUMNS), "header_rows": [5, 6], "first_data_row": 8, "year": 2026,
        "sections": [("I", "CÁC CHỈ TIÊU VỀ KINH TẾ", sec)],
        "rows": {
            r1: _ind(stt="1", value=D("155000"), result=D("158000"), status="vuot", lead=TC_TK_LIST, leader=ANH),
            r2: _ind(stt="2", op=">", value=D("10"), result=D("10.4"), status="dat"),
            r3: _ind(stt="3", value=D("23500"), result=D("22100"), status="khong_dat", lead=["Sở Tài chính"]),
            r4: _sub(r3, stt="-", name="Thu nội địa", value=D("18000"), result=D("18000"), status="dat",
                     lead=["Sở Tài chính"], leader=ANH),
        },
        "not_rows": [5, 6, 7, sec],
        "no_error_rows": [r1, r2, r3, r4],
    }


def build_reordered(directory: Path) -> tuple[Path, dict]:
    """Columns in another order (agency before unit, result before target), short header names, no number row."""
    header = ["STT", "Chỉ tiêu", "Cơ quan chủ trì", "ĐVT", "Ước TH", "KH 2026", "Lãnh đạo phụ trách", "Ghi chú"]
    wb, ws = _new_sheet("Chỉ tiêu 2026")
    start = _titles(ws, 8, TITLES[1:])  # two title rows, blank row, header on row 4
    first = _header(ws, start, header, number_row=False)
    w = _Rows(ws, first)
    sec = w.add("I", "CÁC CHỈ TIÊU VỀ KINH TẾ")
    r1 = w.add("1", "Tổng sản phẩm trên địa bàn theo giá hiện hành", TC_TK, "Tỷ đồng", 158000, 155000, ANH,
               "Số ước 9 tháng")
    r2 = w.add("2", "Thu ngân sách nhà nước trên địa bàn", "Sở Tài chính", "Tỷ đồng", 22100, 23500, ANH, None)
    r3 = w.add("3", "Tỷ lệ hộ nghèo", XA, "%", 3.2, 3.5, PHUOC, None)
    r4 = w.add("4", "Tổng lượng khách du lịch", VHTTDL, "1000 lượt người", 11650, 11280, HANH, None)
    _finish(ws, start, w.r - 1, 8)
    path = directory / "chi_tieu_thu_tu_cot.xlsx"
    wb.save(path)
    return path, {
        "sheet": "Chỉ tiêu 2026",
        "columns": {"stt": "A", "name": "B", "lead": "C", "unit": "D", "result": "E", "target": "F",
                    "leader": "G", "note": "H"},
        "header_rows": [start], "first_data_row": first, "year": 2026,
        "sections": [("I", "CÁC CHỈ TIÊU VỀ KINH TẾ", sec)],
        "rows": {
            r1: _ind(stt="1", unit="Tỷ đồng", value=D("155000"), result=D("158000"), status="vuot", lead=TC_TK_LIST,
                     leader=ANH, ratio=D("101.935"), note="Số ước 9 tháng"),
            r2: _ind(stt="2", unit="Tỷ đồng", value=D("23500"), result=D("22100"), status="khong_dat",
                     lead=["Sở Tài chính"], ratio=D("94.043")),
            r3: _ind(stt="3", unit="%", value=D("3.5"), result=D("3.2"), status="vuot", direction="down", lead=[XA]),
            r4: _ind(stt="4", value=D("11280"), result=D("11650"), status="vuot", lead=[VHTTDL], leader=HANH),
        },
        "not_rows": [start, sec],
        "no_error_rows": [r1, r2, r3, r4],
    }


def build_header_variants(directory: Path) -> tuple[Path, dict]:
    """Short and old-fashioned header names: "Mục tiêu", "TH", "Cơ quan chủ trì", "Lãnh đạo phụ trách"."""
    header = ["STT", "Tên chỉ tiêu", "ĐVT", "Mục tiêu", "TH", "Cơ quan chủ trì", "Cơ quan phối hợp",
              "Lãnh đạo phụ trách"]
    wb, ws = _new_sheet()
    ws.cell(1, 1, "BIỂU CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026")
    ws.merge_cells("A1:H1")
    first = _header(ws, 3, header)
    w = _Rows(ws, first)
    r1 = w.add("1", "Tổng sản phẩm trên địa bàn theo giá hiện hành", "Tỷ đồng", 155000, 158000, TC_TK, COOP, ANH)
    r2 = w.add("2", "Tỷ lệ che phủ rừng", "%", 61.3, 60.9, "Sở Nông nghiệp và Môi trường", XA, PHUOC)
    _finish(ws, 3, w.r - 1, 8)
    path = directory / "chi_tieu_ten_cot_ngan.xlsx"
    wb.save(path)
    return path, {
        "sheet": SHEET, "columns": dict(STD_COLUMNS), "header_rows": [3], "first_data_row": 5,
        "sections": [],
        "rows": {r1: _ind(stt="1", value=D("155000"), result=D("158000"), status="vuot"),
                 r2: _ind(stt="2", value=D("61.3"), result=D("60.9"), status="khong_dat", leader=PHUOC)},
        "not_rows": [1, 3, 4],
        "no_error_rows": [r1, r2],
    }


def build_unaccented_header(directory: Path) -> tuple[Path, dict]:
    """Header typed without accents and in other letter case: matched accent- and case-insensitively."""
    header = ["stt", "CHI TIEU", "Don vi tinh", "KE HOACH NAM 2026", "uoc thuc hien nam 2026", "CO QUAN CHU TRI",
              "Co quan phoi hop", "lanh dao tinh phu trach"]
    wb, ws = _new_sheet()
    first = _header(ws, _titles(ws, 8), header)
    w = _Rows(ws, first)
    r1 = w.add("1", "Tổng sản phẩm trên địa bàn theo giá hiện hành", "Tỷ đồng", 155000, 151200, TC_TK, COOP, ANH)
    r2 = w.add("2", "Số bác sỹ trên một vạn dân", "Bác sỹ", 13, 13.4, "Sở Y tế", XA, HANH)
    _finish(ws, 5, w.r - 1, 8)
    path = directory / "chi_tieu_khong_dau.xlsx"
    wb.save(path)
    return path, {
        "sheet": SHEET, "columns": dict(STD_COLUMNS), "year": 2026,
        "rows": {r1: _ind(stt="1", value=D("155000"), result=D("151200"), status="khong_dat"),
                 r2: _ind(stt="2", value=D("13"), result=D("13.4"), status="vuot")},
        "no_error_rows": [r1, r2],
    }


def build_previous_year(directory: Path) -> tuple[Path, dict]:
    """A "Thực hiện năm 2025" column: the previous year, for growth; not the result."""
    header = ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
              "Cơ quan chủ trì", "Lãnh đạo tỉnh phụ trách"]
    wb, ws = _new_sheet()
    first = _header(ws, _titles(ws, 8), header)
    w = _Rows(ws, first)
    r1 = w.add("1", "Tổng sản phẩm trên địa bàn theo giá hiện hành", "Tỷ đồng", 140000, 155000, 151200, TC_TK, ANH)
    r2 = w.add("2", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", 7.5, ">10", 8.2, TC_TK, ANH)
    r3 = w.add("3", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 21000, 23500, 24120, "Sở Tài chính", ANH)
    r4 = w.add("4", "Tỷ lệ hộ nghèo", "%", 4.1, 3.5, 3.2, XA, PHUOC)
    r5 = w.add("5", "Số xã đạt chuẩn nông thôn mới", "Xã", 40, 45, None, "Sở Nông nghiệp và Môi trường", PHUOC)
    _finish(ws, 5, w.r - 1, 8)
    path = directory / "chi_tieu_nam_truoc.xlsx"
    wb.save(path)
    return path, {
        "sheet": SHEET,
        "columns": {"stt": "A", "name": "B", "unit": "C", "previous": "D", "target": "E", "result": "F",
                    "lead": "G", "leader": "H"},
        "year": 2026, "previous_year": 2025,
        "rows": {
            r1: _ind(value=D("155000"), result=D("151200"), previous=D("140000"), status="khong_dat",
                     growth=D("8"), growth_unit="%"),
            r2: _ind(op=">", value=D("10"), result=D("8.2"), previous=D("7.5"), status="khong_dat",
                     growth=D("0.7"), growth_unit="điểm %"),
            r3: _ind(value=D("23500"), result=D("24120"), previous=D("21000"), status="vuot",
                     growth=D("14.857"), growth_unit="%"),
            r4: _ind(value=D("3.5"), result=D("3.2"), previous=D("4.1"), status="vuot", direction="down",
                     growth=D("-0.9"), growth_unit="điểm %"),
            r5: _ind(value=D("45"), result=None, previous=D("40"), status="chua_co_so_lieu", growth=None),
        },
        "no_error_rows": [r1, r2, r3, r4, r5],
    }


def build_plan_only(directory: Path) -> tuple[Path, dict]:
    """The plan table alone: no results column (input for plan documents)."""
    header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026",
              "Cơ quan, đơn vị chịu trách nhiệm trực tiếp thực hiện", "Cơ quan, đơn vị phối hợp, cùng chịu trách nhiệm",
              "Lãnh đạo tỉnh phụ trách"]
    wb, ws = _new_sheet()
    first = _header(ws, _titles(ws, 7), header)
    w = _Rows(ws, first)
    sec = w.add("I", "CÁC CHỈ TIÊU VỀ KINH TẾ")
    r1 = w.add("1", "Tổng sản phẩm trên địa bàn theo giá hiện hành", "Tỷ đồng", 155000, TC_TK, COOP, ANH)
    r2 = w.add("2", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", ">10", TC_TK, COOP, ANH)
    r3 = w.add("-", "Cơ cấu GRDP", "%", 100)
    r4 = w.add("3", "Xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Bậc", "Tăng 3 bậc so với năm 2025",
               "Sở Nội vụ, Sở Tài chính", "Các sở, ban ngành liên quan", ANH)
    _finish(ws, 5, w.r - 1, 7)
    path = directory / "chi_tieu_ke_hoach.xlsx"
    wb.save(path)
    return path, {
        "sheet": SHEET,
        "columns": {"stt": "A", "name": "B", "unit": "C", "target": "D", "lead": "E", "cooperate": "F",
                    "leader": "G"},
        "absent": ["result", "previous"],
        "year": 2026,
        "sections": [("I", "CÁC CHỈ TIÊU VỀ KINH TẾ", sec)],
        "rows": {
            # a plan-only table: no result column, so every row is «Không đánh giá» (issue 8), not «Chưa có số liệu»
            r1: _ind(stt="1", value=D("155000"), result=None, status="khong_danh_gia", lead=TC_TK_LIST),
            r2: _ind(stt="2", op=">", value=D("10"), result=None, status="khong_danh_gia"),
            r3: _sub(r2, stt="-", value=D("100"), result=None, status="khong_danh_gia", lead=TC_TK_LIST, leader=ANH),
            r4: _ind(stt="3", op="text", result=None, status="khong_danh_gia", lead=["Sở Nội vụ", "Sở Tài chính"]),
        },
        "no_error_rows": [r1, r2, r3, r4],
        "exit_check": 0,
    }


# ---------------------------------------------------------------- a table pasted from Word

def build_word_paste(directory: Path) -> tuple[Path, dict]:
    """Header repeated at page breaks ("Chi tiêu" typo, then a (1)(2) row), numeral and title in one cell or on
    two rows, a roman numeral on an indicator row, a blank row."""
    wb, ws = _new_sheet()
    first = _header(ws, _titles(ws, 8), STD_HEADER)
    w = _Rows(ws, first)
    repeated = ["STT", "Chi tiêu"] + STD_HEADER[2:]
    s1 = w.add("I", "CÁC CHỈ TIÊU VỀ KINH TẾ")
    r1 = w.add("1", "Tổng sản phẩm trên địa bàn theo giá hiện hành", "Tỷ đồng", 155000, 151200, TC_TK, COOP, ANH)
    r2 = w.add("2", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", ">10", 10.2, TC_TK, COOP, ANH)
    h1 = w.add(*repeated)
    n1 = w.add(*[f"({c})" for c in range(1, 9)])
    r3 = w.add("3", "Tổng vốn đầu tư thực hiện trên địa bàn", "Tỷ đồng", ">90000", 91500, TC_TK, XA, ANH)
    s2 = w.add("II CÁC CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI")
    r4 = w.add("4", "Tuổi thọ trung bình người dân tính từ lúc sinh", "Tuổi", 72.4, 72.5, XA, "Sở Y tế", HANH)
    r5 = w.add("5", "Tỷ lệ lao động đã qua đào tạo", "%", 71, 70, XA, "Sở Nội vụ", HANH)
    roman = w.add("III", "Giảm tỷ lệ hộ nghèo so với năm trước (theo chuẩn nghèo đa chiều giai đoạn 2021-2025)",
                  "Điểm %", 1.5, 1.7, XA, "Sở Nông nghiệp và Môi trường", PHUOC)
    blank = w.skip()
    s3a = w.add("IV")
    s3b = w.add(None, "CÁC CHỈ TIÊU VỀ MÔI TRƯỜNG")
    r6 = w.add("6", "Tỷ lệ che phủ rừng", "%", 61.3, 61.3, "Sở Nông nghiệp và Môi trường", XA, PHUOC)
    h2 = w.add(*STD_HEADER)
    r7 = w.add("7", "Tỷ lệ chất thải nguy hại được thu gom, xử lý", "%", 91, 92, XA, "Sở Nông nghiệp và Môi trường",
               PHUOC)
    _finish(ws, 5, w.r - 1, 8)
    path = directory / "chi_tieu_dan_tu_word.xlsx"
    wb.save(path)
    t1, t2, t3 = "CÁC CHỈ TIÊU VỀ KINH TẾ", "CÁC CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI", "CÁC CHỈ TIÊU VỀ MÔI TRƯỜNG"
    return path, {
        "sheet": SHEET, "columns": dict(STD_COLUMNS),
        "sections": [("I", t1, s1), ("II", t2, s2), ("IV", t3, (s3a, s3b))],
        "rows": {
            r1: _ind(stt="1", number=1, section=t1, status="khong_dat"),
            r2: _ind(stt="2", number=2, section=t1, status="dat"),
            r3: _ind(stt="3", number=3, section=t1, result=D("91500"), status="dat"),
            r4: _ind(stt="4", number=4, section=t2, status="vuot"),
            r5: _ind(stt="5", number=5, section=t2, status="khong_dat"),
            roman: _ind(stt="III", name="Giảm tỷ lệ hộ nghèo so với năm trước (theo chuẩn nghèo đa chiều giai đoạn "
                        "2021-2025)", unit="Điểm %", value=D("1.5"), result=D("1.7"), section=t2, lead=[XA],
                        leader=PHUOC, status="vuot", direction="up"),
            r6: _ind(stt="6", number=6, section=t3, status="dat"),
            r7: _ind(stt="7", number=7, section=t3, status="vuot"),
        },
        "not_rows": [h1, n1, s1, s2, blank, s3a, s3b, h2],
        "findings": [_f(f"A{roman}", f"B{roman}", category="roman_indicator", severity="warning")],
        "no_error_rows": [r1, r2, h1, n1, r3, s2, r4, r5, roman, s3a, s3b, r6, h2, r7],
        "no_findings": ["duplicate_stt", "skipped_stt", "not_a_number"],
    }


def build_seed_shape(directory: Path) -> tuple[Path, dict]:
    """The break of seed 001's appendix as pasted from Word: the section numeral "III" slipped onto the poverty row,
    the section title left alone on the next row, a page number "3" on a row of its own, then the header again."""
    wb, ws = _new_sheet()
    first = _header(ws, _titles(ws, 8), STD_HEADER, number_row=False)
    w = _Rows(ws, first)
    s1 = w.add("II", "CÁC CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI")
    r1 = w.add("20", "Xã, phường đạt chuẩn phổ cập giáo dục mẫu giáo cho trẻ 3 tuổi", "Xã, phường", 17, 17, XA,
               "Sở Nông nghiệp và Môi trường", HANH)
    roman = w.add("III", "Giảm tỷ lệ hộ nghèo so với năm trước (theo chuẩn nghèo đa chiều giai đoạn 2021-2025)",
                  "Điểm %", "1,5", "1,7", XA, "Sở Nông nghiệp và Môi trường", PHUOC)
    sub = w.add(None, "Tỷ lệ dân số được sử dụng nước sạch đáp ứng quy chuẩn", "%", 36, 36.5, XA)
    title = w.add(None, "CÁC CHỈ TIÊU VỀ MÔI TRƯỜNG")
    page = w.add("3")
    blank = w.skip()
    h = w.add(*STD_HEADER)
    r2 = w.add("21", "Tỷ lệ che phủ rừng", "%", 61.3, 61.3, XA, "Sở Nông nghiệp và Môi trường", PHUOC)
    r3 = w.add("22", "Tỷ lệ chất thải nguy hại được thu gom, xử lý", "%", 91, 92, XA, "Sở Nông nghiệp và Môi trường",
               PHUOC)
    _finish(ws, 5, w.r - 1, 8)
    path = directory / "chi_tieu_nhu_seed.xlsx"
    wb.save(path)
    t1, t2 = "CÁC CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI", "CÁC CHỈ TIÊU VỀ MÔI TRƯỜNG"
    return path, {
        "sheet": SHEET, "columns": dict(STD_COLUMNS),
        "section_titles": [(t1, s1), (t2, title)],
        "rows": {
            r1: _ind(stt="20", section=t1, status="dat"),
            roman: _ind(stt="III", section=t1, value=D("1.5"), result=D("1.7"), status="vuot", direction="up"),
            sub: _sub(roman, section=t1, value=D("36"), result=D("36.5"), status="vuot", lead=[XA]),
            r2: _ind(stt="21", section=t2, status="dat"),
            r3: _ind(stt="22", section=t2, status="vuot"),
        },
        "not_rows": [s1, title, page, blank, h],
        "findings": [_f(f"A{roman}", f"B{roman}", category="roman_indicator", severity="warning")],
        "no_error_rows": [r1, roman, sub, title, page, h, r2, r3],
    }


# ---------------------------------------------------------------- text quality

TCVN3_NAME = "Tổng sản phẩm trên địa bàn bình quân đầu người"


def build_text_quality(directory: Path) -> tuple[Path, dict]:
    """NFD text, stray spaces and line breaks, TCVN3 mojibake, numbers as text, an ambiguous decimal, the same
    agency and the same leader written two ways in one column."""
    wb, ws = _new_sheet()
    first = _header(ws, _titles(ws, 8), STD_HEADER)
    w = _Rows(ws, first)
    s1 = w.add("I", "CÁC CHỈ TIÊU VỀ KINH TẾ")
    r1 = w.add("1", nfd("Tổng sản phẩm trên địa bàn theo giá hiện hành"), "Tỷ đồng", "155.000", "151.200",
               nfd(TC_TK), COOP, ANH)
    r1a = w.add("+", "Nông, lâm nghiệp và thủy sản", "%", "14,97", "15,1")
    r2 = w.add("2", "  Tốc độ tăng trưởng   kinh tế\n(GRDP) ", "%", ">10", "8,2%", TC_TK, COOP, ANH_TYPO)
    r3 = w.add("3", tcvn3(TCVN3_NAME), "Triệu đồng", 93, 94.1, TC_TK, COOP, ANH)
    r4 = w.add("4", "Chỉ số hạnh phúc của người dân", "%", 69, "70.2", XA, VHTTDL, HANH)
    s2 = w.add("II", "CÁC CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI")
    r5 = w.add("5", "Tổng lượng khách du lịch", "1000 lượt người", 11280, 11650, VHTTDL_OLD, XA, HANH)
    r6 = w.add("6", "Tổng doanh thu du lịch", "Tỷ đồng", 51000, 52300, VHTTDL, XA, HANH)
    r7 = w.add("7", "Số bác sỹ trên một vạn dân", "Bác sỹ", 13, 12.6, "Sở Y tế", XA, HANH)
    _finish(ws, 5, w.r - 1, 8)
    path = directory / "chi_tieu_van_ban.xlsx"
    wb.save(path)
    return path, {
        "sheet": SHEET, "columns": dict(STD_COLUMNS),
        "sections": [("I", "CÁC CHỈ TIÊU VỀ KINH TẾ", s1), ("II", "CÁC CHỈ TIÊU VỀ VĂN HÓA - XÃ HỘI", s2)],
        "rows": {
            r1: _ind(name="Tổng sản phẩm trên địa bàn theo giá hiện hành", value=D("155000"), result=D("151200"),
                     lead=TC_TK_LIST, status="khong_dat"),
            r1a: _sub(r1, value=D("14.97"), result=D("15.1"), status="vuot"),
            r2: _ind(name="Tốc độ tăng trưởng kinh tế (GRDP)", op=">", value=D("10"), result=D("8.2"),
                     lead=TC_TK_LIST, status="khong_dat"),
            r3: _ind(stt="3", value=D("93"), result=D("94.1"), status="vuot"),
            r4: _ind(name="Chỉ số hạnh phúc của người dân", value=D("69"), result=D("70.2"), status="vuot"),
            r5: _ind(value=D("11280"), result=D("11650"), status="vuot"),
            r6: _ind(value=D("51000"), result=D("52300"), status="vuot"),
            r7: _ind(value=D("13"), result=D("12.6"), status="khong_dat"),
        },
        "tcvn3_row": r3,
        "vhttdl_rows": [r5, r6],
        "findings": [
            _f(f"B{r1}", category="nfd_text", severity="warning"),
            _f(f"F{r1}", category="nfd_text", severity="warning"),
            _f(f"D{r1}", category="number_as_text", severity="warning"),
            _f(f"E{r1}", category="number_as_text", severity="warning"),
            _f(f"D{r1a}", category="number_as_text", severity="warning"),
            _f(f"E{r1a}", category="number_as_text", severity="warning"),
            _f(f"E{r2}", category="number_as_text", severity="warning"),
            _f(f"B{r2}", category="stray_whitespace", severity="warning"),
            _f(f"B{r3}", category="legacy_encoding", severity="warning"),
            _f(f"E{r4}", category="ambiguous_decimal", severity="warning"),
            _f(f"H{r1}", f"H{r2}", f"H{r3}", category="inconsistent_spelling", severity="warning"),
            _f(f"F{r5}", f"F{r6}", category="inconsistent_spelling", severity="warning"),
        ],
        "no_error_rows": [r1, r1a, r2, r4, r5, r6, r7],
    }


def build_tcvn3_header(directory: Path) -> tuple[Path, dict]:
    """A whole table typed in TCVN3 (.VnTime): header, names, agencies show as mojibake."""
    wb, ws = _new_sheet()
    first = _header(ws, _titles(ws, 8, [tcvn3(t) for t in TITLES]), [tcvn3(h) for h in STD_HEADER])
    w = _Rows(ws, first)
    s1 = w.add("I", tcvn3("CÁC CHỈ TIÊU VỀ KINH TẾ"))
    r1 = w.add("1", tcvn3("Tổng sản phẩm trên địa bàn theo giá hiện hành"), tcvn3("Tỷ đồng"), 155000, 151200,
               tcvn3(TC_TK), tcvn3(COOP), tcvn3(ANH))
    r2 = w.add("2", tcvn3("Số bác sỹ trên một vạn dân"), tcvn3("Bác sỹ"), 13, 13.4, tcvn3("Sở Y tế"), tcvn3(XA),
               tcvn3(HANH))
    _finish(ws, 5, w.r - 1, 8)
    path = directory / "chi_tieu_tcvn3.xlsx"
    wb.save(path)
    return path, {
        "sheet": SHEET, "columns": dict(STD_COLUMNS), "sections_rows": [s1],
        "rows": {r1: _ind(stt="1", value=D("155000"), result=D("151200"), status="khong_dat",
                          unicode_name="Tổng sản phẩm trên địa bàn theo giá hiện hành"),
                 r2: _ind(stt="2", value=D("13"), result=D("13.4"), status="vuot",
                          unicode_name="Số bác sỹ trên một vạn dân")},
        "header_row": 5,
    }


# ---------------------------------------------------------------- entry mistakes

def build_errors(directory: Path) -> tuple[Path, dict]:
    """The mistakes SPEC §5 lists, each at a known cell."""
    wb, ws = _new_sheet()
    first = _header(ws, _titles(ws, 8), STD_HEADER)
    w = _Rows(ws, first)
    s1 = w.add("I", "CÁC CHỈ TIÊU VỀ KINH TẾ")
    grdp = w.add("1", "Tổng sản phẩm trên địa bàn theo giá hiện hành", "Tỷ đồng", 155000, 151200000000, TC_TK, COOP, ANH)
    cc = w.add("-", "Cơ cấu GRDP", "%", 100, 100)
    cc1 = w.add("+", "Nông, lâm nghiệp và thủy sản", "%", 14.97, 15.1)
    cc2 = w.add("+", "Công nghiệp - Xây dựng", "%", 38.13, 37.8)
    cc3 = w.add("+", "Dịch vụ", "%", 39.57, 41.7)
    cc4 = w.add("+", "Thuế sản phẩm trừ trợ cấp sản phẩm", "%", 7.33, 7.4)
    value_err = w.add("2", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", ">10", "#VALUE!", TC_TK, COOP, ANH)
    div0 = w.add("3", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 23500, "#DIV/0!", "Sở Tài chính", "Thuế tỉnh",
                 ANH)
    ref = w.add("4", "Tổng vốn đầu tư thực hiện trên địa bàn", "Tỷ đồng", "#REF!", 91500, TC_TK, XA, ANH)
    share = w.add("5", "Tỷ lệ đô thị hóa", "%", 32.4, 324, "Sở Xây dựng", XA, PHUOC)
    nan = w.add("6", "Tổng lượng khách du lịch", "1000 lượt người", 11280, "11.650 nghìn", VHTTDL, XA, HANH)
    na = w.add("+", "Tổng doanh thu du lịch", "Tỷ đồng", 51000, "#N/A")
    typo = w.add("7", "Chỉ số sản xuất công nghiệp", "%", "1l2", 108.5, "Sở Công Thương", XA, SINH)
    name_err = w.add("8", "Tổng giá trị hàng hóa xuất khẩu, nhập khẩu qua địa bàn", "Triệu USD", 6140, "#NAME?",
                     "Sở Công Thương", XA, SINH)
    dup = w.add("8", "Phát triển nhà ở xã hội", "Căn hộ", 1200, 1050, None, "Các sở, ngành", PHUOC)
    s2 = w.add("II", "CÁC CHỈ TIÊU VỀ XÃ HỘI VÀ MÔI TRƯỜNG")
    skip = w.add("10", "Tỷ lệ che phủ rừng", "%", None, 61.3, "Sở Nông nghiệp và Môi trường", XA, PHUOC)
    nounit = w.add("11", "Số bác sỹ trên một vạn dân", None, 13, 12.6, "Sở Y tế", XA, HANH)
    small = w.add("12", "Tổng lượng khách du lịch quốc tế", "1000 lượt người", 1500, 1.5, VHTTDL, XA, HANH)
    share2 = w.add("13", "Tỷ lệ xã đạt chuẩn nông thôn mới", "%", 95, 103, "Sở Nông nghiệp và Môi trường", XA, PHUOC)
    neg = w.add("14", "Tỷ lệ hộ nghèo", "%", 3.5, -0.5, XA, "Sở Nông nghiệp và Môi trường", PHUOC)
    qual = w.add("15", "Xếp hạng các Chỉ số PAPI, PAR INDEX, SIPAS, Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) phấn đấu "
                 "đạt cao hơn so với năm 2025", None, None, None, "Sở Nội vụ, Sở Tài chính", "Các sở, ban ngành", ANH)
    _finish(ws, 5, w.r - 1, 8)
    path = directory / "chi_tieu_co_loi.xlsx"
    wb.save(path)
    return path, {
        "sheet": SHEET, "columns": dict(STD_COLUMNS),
        "structure": (cc, cc4),
        "rows_present": [grdp, cc, cc1, cc2, cc3, cc4, value_err, div0, ref, share, nan, na, typo, name_err, dup, skip,
                         nounit, small, share2, neg, qual],
        "findings": [
            _f(f"E{grdp}", category="result_far_off", severity="warning"),
            _f(*[f"E{r}" for r in range(cc, cc4 + 1)], category="structure_sum", severity="error"),
            _f(f"E{value_err}", category="excel_error", severity="error"),
            _f(f"E{div0}", category="excel_error", severity="error"),
            _f(f"D{ref}", category="excel_error", severity="error"),
            _f(f"E{na}", category="excel_error", severity="error"),
            _f(f"E{name_err}", category="excel_error", severity="error"),
            _f(f"E{share}", category="share_out_of_range", severity="error"),
            _f(f"E{share2}", category="share_out_of_range", severity="error"),
            _f(f"E{neg}", category="share_out_of_range", severity="error"),
            _f(f"E{nan}", category="not_a_number", severity="error"),
            _f(f"D{typo}", category="not_a_number", severity="error"),
            _f(f"A{dup}", category="duplicate_stt", severity="error"),
            _f(f"F{dup}", category="missing_lead", severity="error"),
            _f(f"A{skip}", category="skipped_stt", severity="warning"),
            # a result (61,3) and no plan: a row followed, stated «không có số kế hoạch» (rev18 R18-6): a warning
            _f(f"D{skip}", category="result_without_plan", severity="warning"),
            _f(f"C{nounit}", category="missing_unit", severity="error"),
            _f(f"E{small}", category="result_far_off", severity="warning"),
        ],
        "excel_errors": {f"E{value_err}": "#VALUE!", f"E{div0}": "#DIV/0!", f"D{ref}": "#REF!", f"E{na}": "#N/A",
                         f"E{name_err}": "#NAME?"},
        "qualitative_row": qual,
        "inherit_row": na,  # sub-row without its own lead: no missing-lead finding
        "no_error_rows": [qual],
        "no_finding_cells": {f"F{na}": "missing_lead", f"A{na}": "skipped_stt", f"F{cc}": "missing_lead",
                             f"A{s2}": "skipped_stt"},
        "exit_check": 1,
    }


# ---------------------------------------------------------------- other sheets

def build_two_sheets(directory: Path) -> tuple[Path, dict]:
    """A guidance sheet first, the table on the second sheet: --sheet picks it by name."""
    path, facts = build_plain(directory)
    wb = openpyxl.load_workbook(path)
    guide = wb.create_sheet("Hướng dẫn", 0)
    guide["A1"] = "Hướng dẫn nhập số liệu"
    guide["A2"] = "Nhập số liệu ước thực hiện vào cột (5), không sửa cột (4)."
    out = directory / "chi_tieu_hai_trang.xlsx"
    wb.save(out)
    return out, facts


# ---------------------------------------------------------------- 100 000 rows

BIG_PATTERN = ("vuot", "dat", "khong_dat", "chua_co_so_lieu", "khong_danh_gia")


def build_big(directory: Path, n_rows: int = 100_000, n_sections: int = 10) -> tuple[Path, dict]:
    """A large table written in openpyxl write-only mode: blocks of one indicator and four sub-rows whose statuses
    cycle through every status, so the exact summary is known."""
    assert n_rows % (5 * n_sections) == 0
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet(SHEET)
    ws.append([TITLES[0]])
    ws.append([TITLES[1]])
    ws.append([])
    ws.append(STD_HEADER)
    ws.append([f"({c})" for c in range(1, 9)])
    agencies = ["Sở Tài chính", "Sở Công Thương", VHTTDL, "Sở Y tế", XA]
    leaders = [ANH, SINH, HANH]
    per_section = n_rows // n_sections
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    number = 0
    for s in range(n_sections):
        ws.append([roman[s], f"NHÓM CHỈ TIÊU SỐ {s + 1}"])
        for b in range(per_section // 5):
            number += 1
            ag = agencies[number % len(agencies)]
            ld = leaders[number % len(leaders)]
            ws.append([str(number), f"Giá trị sản xuất của đơn vị số {number}", "Tỷ đồng", 100, 110, ag, XA, ld])
            ws.append(["-", f"Doanh thu dịch vụ của đơn vị số {number}", "Tỷ đồng", 100, 100])
            ws.append(["+", f"Doanh thu thương mại của đơn vị số {number}", "Tỷ đồng", 100, 90])
            ws.append(["+", f"Số lao động mới của đơn vị số {number}", "Người", ">10", None])
            ws.append(["+", f"Xếp hạng của đơn vị số {number}", None, "Phấn đấu đạt cao hơn so với năm 2025", None])
    path = directory / "chi_tieu_100000_dong.xlsx"
    wb.save(path)
    per = n_rows // 5
    return path, {"sheet": SHEET, "n_rows": n_rows, "n_indicators": per,
                  "counts": {s: per for s in BIG_PATTERN}, "evaluated": 3 * per}


# ---------------------------------------------------------------- bad input

def _png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"\x00\xff\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _zip_raw(path: Path, members: list[tuple[str, bytes, int, int, int]]) -> None:
    """Write a zip from pre-deflated members: (name, deflated bytes, crc32, compressed size, uncompressed size)."""
    with open(path, "wb") as out:
        central = []
        for name, data, crc, csize, usize in members:
            offset = out.tell()
            fname = name.encode()
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, csize, usize, len(fname), 0))
            out.write(fname)
            out.write(data)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, csize, usize,
                                       len(fname), 0, 0, 0, 0, 0, offset) + fname)
        cd_start = out.tell()
        for c in central:
            out.write(c)
        cd_size = out.tell() - cd_start
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), cd_size, cd_start, 0))


def _deflate_member(name: str, data: bytes) -> tuple[str, bytes, int, int, int]:
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    comp = co.compress(data) + co.flush()
    return name, comp, zlib.crc32(data), len(comp), len(data)


def build_zip_bomb(path: Path, gib: float = 3.0, lie: bool = False) -> Path:
    """A well-formed .xlsx whose sheet XML inflates to `gib` GiB of whitespace (about 3 MB on disk).

    With `lie`, the zip headers declare a small uncompressed size (64 KiB) and a wrong CRC, so a check of the
    declared sizes alone lets it through: only a reader that caps what it actually inflates is safe."""
    ct = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          b'<Default Extension="xml" ContentType="application/xml"/>'
          b'<Override PartName="/xl/workbook.xml" '
          b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          b'<Override PartName="/xl/worksheets/sheet1.xml" '
          b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          b'</Types>')
    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wbxml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
             '<sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>').encode()
    wbrels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              b'worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c>'
            + '<c r="B1" t="inlineStr"><is><t>Chỉ tiêu</t></is></c></row>'.encode())
    tail = b"</sheetData></worksheet>"
    chunk = b" " * (1 << 20)
    n = int(gib * 1024)
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = co.compress(head) + co.flush(zlib.Z_FULL_FLUSH)
    block = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    again = co.compress(chunk) + co.flush(zlib.Z_FULL_FLUSH)
    assert block == again  # after a full flush the same input deflates to the same bytes
    last = co.compress(tail) + co.flush()
    body = first + block * n + last
    if lie:
        crc, usize = 0x1234ABCD, 64 * 1024
    else:
        crc = zlib.crc32(head)
        for _ in range(n):
            crc = zlib.crc32(chunk, crc)
        crc = zlib.crc32(tail, crc)
        usize = len(head) + n * len(chunk) + len(tail)
    assert usize < 2**32
    _zip_raw(path, [
        _deflate_member("[Content_Types].xml", ct),
        _deflate_member("_rels/.rels", rels),
        _deflate_member("xl/workbook.xml", wbxml),
        _deflate_member("xl/_rels/workbook.xml.rels", wbrels),
        ("xl/worksheets/sheet1.xml", body, crc, len(body), usize),
    ])
    return path


def build_bad_inputs(directory: Path) -> dict[str, tuple[Path, tuple[str, ...]]]:
    """Files that cannot be read: name -> (path, keywords one of which the Vietnamese message should contain,
    compared accent-insensitively; empty = only the file name and Vietnamese text are required)."""
    directory.mkdir(parents=True, exist_ok=True)
    out: dict[str, tuple[Path, tuple[str, ...]]] = {}

    p = directory / "van_ban.xlsx"
    p.write_text("Báo cáo kết quả thực hiện các chỉ tiêu năm 2026\nĐây là tệp văn bản, không phải bảng tính.\n",
                 encoding="utf-8")
    out["text"] = (p, ())

    p = directory / "anh_chup.xlsx"
    p.write_bytes(_png_bytes())
    out["png"] = (p, ())

    p = directory / "rong.xlsx"
    p.write_bytes(b"")
    out["empty_file"] = (p, ("rong", "trong", "0 byte"))

    p = directory / "so_trang.xlsx"
    openpyxl.Workbook().save(p)
    out["empty_workbook"] = (p, ())

    wb, ws = _new_sheet("Danh sách")
    ws.append(["DANH SÁCH CÁN BỘ THAM GIA TẬP HUẤN"])
    ws.append([])
    ws.append(["Số TT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đơn vị công tác"])
    ws.append([1, "Nguyễn Văn An", "12/03/1980", "Chuyên viên", "Sở Tài chính"])
    ws.append([2, "Trần Thị Bình", "05/11/1985", "Phó Trưởng phòng", "Sở Y tế"])
    p = directory / "khong_co_tieu_de.xlsx"
    wb.save(p)
    out["no_header"] = (p, ("chi tieu", "ke hoach", "tieu de", "cot"))

    (directory / "_src").mkdir(exist_ok=True)
    plain, _ = build_plain(directory / "_src")
    p = directory / "co_mat_khau.xlsx"
    from msoffcrypto.format.ooxml import OOXMLFile  # encrypted OOXML (Agile encryption), as Excel writes it

    with open(plain, "rb") as src, open(p, "wb") as dst:
        OOXMLFile(src).encrypt("MatKhau@2026", dst)
    out["encrypted"] = (p, ("mat khau", "ma hoa", "bao ve"))

    data = plain.read_bytes()
    p = directory / "bi_cat.xlsx"
    p.write_bytes(data[: len(data) // 2])
    out["truncated"] = (p, ())

    p = directory / "bom_nen.xlsx"
    build_zip_bomb(p)
    out["zip_bomb"] = (p, ())

    p = directory / "bom_nen_khai_gian.xlsx"
    build_zip_bomb(p, lie=True)
    out["zip_bomb_lying"] = (p, ())
    return out


ALL_BUILDERS = {
    "plain": build_plain,
    "operators": build_operators,
    "directions": build_directions,
    "direction_column": build_direction_column,
    "two_row_header": build_two_row_header,
    "reordered": build_reordered,
    "header_variants": build_header_variants,
    "unaccented_header": build_unaccented_header,
    "previous_year": build_previous_year,
    "plan_only": build_plan_only,
    "word_paste": build_word_paste,
    "seed_shape": build_seed_shape,
    "text_quality": build_text_quality,
    "tcvn3_header": build_tcvn3_header,
    "errors": build_errors,
}


def build_all(directory: Path) -> dict[str, tuple[Path, dict]]:
    directory.mkdir(parents=True, exist_ok=True)
    return {name: fn(directory) for name, fn in ALL_BUILDERS.items()}


if __name__ == "__main__":  # build every fixture into a directory to look at them
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "fixture_books_out")
    for name, (p, _) in build_all(target).items():
        print(name, p)
    os.makedirs(target / "bad", exist_ok=True)


# ---------------------------------------------------------------- checking helpers shared by the test modules

import re as _re
import sys as _sys

# Category -> fragments of a finding code that name it. Until the catalogue in kh_excel.core.validation exists,
# a finding matches a category when its code contains one of these; once it exists and holds the category's own
# name, the match is exact.
ALIASES: dict[str, tuple[str, ...]] = {
    "not_a_number": ("not_a_number", "not_number", "nan", "invalid_number", "unparsed", "unrecognised_value",
                     "bad_number", "invalid_value"),
    "excel_error": ("excel_error", "error_value"),
    "share_out_of_range": ("share", "percent_out", "out_of_range"),
    "structure_sum": ("structure", "sum"),
    "missing_target": ("missing_target", "no_target", "target_missing", "empty_target"),
    "result_without_plan": ("result_without_plan",),
    "missing_unit": ("missing_unit", "no_unit", "unit_missing"),
    "missing_lead": ("missing_lead", "no_lead", "lead_missing", "missing_agency"),
    "duplicate_stt": ("duplicate",),
    "skipped_stt": ("skip", "gap", "missing_stt"),
    "number_as_text": ("as_text", "text_number", "number_text"),
    "ambiguous_decimal": ("ambiguous",),
    "result_far_off": ("far_off", "unit_error", "magnitude", "outlier", "wild"),
    "nfd_text": ("nfd", "decomposed", "unnormali", "normali"),
    "stray_whitespace": ("whitespace", "space"),
    "legacy_encoding": ("legacy", "tcvn", "vni", "encoding", "mojibake"),
    "header_unrecognised": ("header_unrecognised", "header_incomplete", "header"),
    "inconsistent_spelling": ("inconsistent", "spelling", "variant"),
    "roman_indicator": ("roman",),
    "repeated_header": ("repeated_header",),
}


def catalogue_codes() -> set[str] | None:
    """The finding codes of the lead's catalogue, or None while it does not exist."""
    try:
        from kh_excel.core import validation
    except Exception:
        return None
    cat = getattr(validation, "CATALOGUE", None)
    if cat is None:
        return None
    if isinstance(cat, dict):
        return {str(k) for k in cat}
    return {str(getattr(x, "code", x)) for x in cat}


def category_matches(code: str, category: str) -> bool:
    codes = catalogue_codes()
    if codes and category in codes:
        return code == category
    return any(k in code for k in ALIASES.get(category, (category,)))


def all_findings(table, findings) -> list:
    """Validation's findings plus the reader's own (a repeated header, a roman numeral …), without duplicates."""
    seen = {(f.code, f.cell) for f in findings}
    out = list(findings)
    for f in getattr(table, "reader_findings", []) or []:
        if (f.code, f.cell) not in seen:
            out.append(f)
            seen.add((f.code, f.cell))
    return out


def cell_row(cell: str) -> int | None:
    m = _re.fullmatch(r"\$?[A-Z]{1,3}\$?(\d+)", cell or "")
    return int(m.group(1)) if m else None


def missing_findings(findings, expected: list[dict]) -> list[str]:
    """Expected findings (facts['findings']) that no actual finding satisfies, described for the report."""
    problems = []
    for exp in expected:
        cells = set(exp["cells"])
        hits = [f for f in findings if f.cell in cells and category_matches(f.code, exp["category"])]
        if not hits:
            near = [(f.code, f.cell, f.severity) for f in findings
                    if cell_row(f.cell) in {cell_row(c) for c in cells}]
            problems.append(f"{exp['category']} at {sorted(cells)}: none (findings on those rows: {near})")
            continue
        if exp.get("severity") and not any(f.severity == exp["severity"] for f in hits):
            problems.append(f"{exp['category']} at {sorted(cells)}: severity {[f.severity for f in hits]}, "
                            f"expected {exp['severity']}")
    return problems


_ATTRS = {  # fact key -> how to read it from an Indicator
    "kind": lambda i: i.kind,
    "stt": lambda i: i.stt,
    "name": lambda i: i.name,
    "unit": lambda i: i.unit,
    "section": lambda i: i.section,
    "number": lambda i: i.number,
    "parent": lambda i: i.parent_row,
    "lead": lambda i: list(i.lead),
    "leader": lambda i: i.leader,
    "note": lambda i: i.note,
    "op": lambda i: i.target.op,
    "value": lambda i: i.target.value,
    "high": lambda i: i.target.high,
    "result": lambda i: i.result,
    "previous": lambda i: i.previous,
    "direction": lambda i: i.direction,
}


def same_agencies(have: list[str], want: list[str]) -> bool:
    """The same agencies in the same order; the registry may show one in its name's spelling or with an
    abbreviation written out ("Ban Quản lý Khu Kinh tế" -> "Ban Quản lý Khu kinh tế"), never split or merge them."""
    return len(have) == len(want) and all(
        h == w or fold(h).startswith(fold(w)) for h, w in zip(have, want))


def row_problems(table, rows: dict[int, dict]) -> list[str]:
    """Differences between the indicators read and the expected rows (the set of rows and each attribute)."""
    got = {i.row: i for i in table.indicators}
    problems = []
    if sorted(got) != sorted(rows):
        problems.append(f"indicator rows: got {sorted(got)}, expected {sorted(rows)}")
    for r, exp in sorted(rows.items()):
        ind = got.get(r)
        if ind is None:
            continue
        for key, want in exp.items():
            if key not in _ATTRS:
                continue
            have = _ATTRS[key](ind)
            if key == "lead":
                ok = same_agencies(have, want)
            else:
                ok = have in want if isinstance(want, tuple) else have == want
            if not ok:
                problems.append(f"row {r} {key}: got {have!r}, expected {want!r}")
    return problems


def status_problems(att, rows: dict[int, dict]) -> list[str]:
    got = {a.indicator.row: a for a in att.assessments}
    problems = []
    for r, exp in sorted(rows.items()):
        a = got.get(r)
        if a is None:
            if "status" in exp:
                problems.append(f"row {r}: no assessment")
            continue
        want = exp.get("status")
        if want is not None:
            ok = a.status in want if isinstance(want, tuple) else a.status == want
            if not ok:
                problems.append(f"row {r} ({a.indicator.name[:40]}): status {a.status}, expected {want}")
        if "ratio" in exp:
            if a.ratio is None or abs(D(str(a.ratio)) - exp["ratio"]) > D("0.05"):
                problems.append(f"row {r}: ratio {a.ratio}, expected {exp['ratio']}")
        if "growth" in exp:
            g = exp["growth"]
            if g is None:
                if a.growth is not None:
                    problems.append(f"row {r}: growth {a.growth}, expected none")
            elif a.growth is None or abs(D(str(a.growth)) - g) > D("0.005"):
                problems.append(f"row {r}: growth {a.growth}, expected {g}")
        if "growth_unit" in exp and a.growth_unit != exp["growth_unit"]:
            problems.append(f"row {r}: growth_unit {a.growth_unit!r}, expected {exp['growth_unit']!r}")
    return problems


def cli_command(*args: str) -> list[str]:
    """The `kh-excel` command run with the interpreter running the tests."""
    script = Path(_sys.executable).parent / "kh-excel"
    if script.exists():
        return [str(script), *args]
    return [_sys.executable, "-c", "import sys; from kh_excel.cli import main; sys.argv[0] = 'kh-excel'; main()",
            *args]


VIETNAMESE_LETTERS = _re.compile(r"[ăâđêôơưàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]",
                                 _re.IGNORECASE)


def fold(text: str) -> str:
    t = unicodedata.normalize("NFD", text)
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    return t.replace("đ", "d").replace("Đ", "D").lower()
