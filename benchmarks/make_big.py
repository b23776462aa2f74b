"""Build a large indicator workbook for benchmarks: the sample's kinds of rows, every one distinct.

Real tables do not repeat themselves: names, units, agencies and targets differ from row to row,
so the reader's caches rarely hit. Each copy of the sample's 49 rows here gets its own area in
the names and sections, scaled targets and results, a unit and agencies from a pool; the mix of
kinds stays the sample's (amounts, percentages, reductions in «Điểm %», structures whose parts
add up to 100, text targets such as «>10» and «Tăng 3 bậc so với năm 2025»). The file is laid out
as Excel saves one (the real tables in tests/data/real are): texts in the shared strings part.

Run: python benchmarks/make_big.py OUT.xlsx [ROWS]
"""
from __future__ import annotations

import html
import re
import sys
import zipfile
from pathlib import Path

import openpyxl
from python_calamine import CalamineWorkbook

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "chi_tieu_2026_lao_cai.xlsx"

# Places that make each copy's names distinct (a province's communes, as a real sheet lists them).
PLACES = ("xã Bản Lầu", "xã Mường Khương", "phường Cam Đường", "xã Bảo Hà", "xã Văn Bàn", "phường Sa Pa",
          "xã Bát Xát", "xã Si Ma Cai", "xã Bắc Hà", "phường Yên Bái", "xã Trấn Yên", "xã Lục Yên",
          "xã Mù Cang Chải", "xã Trạm Tấu", "phường Nghĩa Lộ", "xã Văn Chấn", "xã Yên Bình", "xã Phong Hải")
# Units an amount may carry instead of the sample's (a percentage, a reduction keep theirs).
AMOUNT_UNITS = ("Tỷ đồng", "Triệu đồng", "Người", "Hộ", "Ha", "Km", "Công trình", "Lượt người", "Tấn", "Căn hộ")
LEADS = ("Sở Tài chính", "Sở Xây dựng", "Sở Y tế", "Sở Nội vụ", "Sở Công Thương", "Sở Giáo dục và Đào tạo",
         "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
         "Thống kê tỉnh", "Thuế tỉnh", "Bảo hiểm xã hội tỉnh")


def _sample_rows(sample: Path) -> tuple[list[list], list[list]]:
    book = CalamineWorkbook.from_path(str(sample))
    data = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
    return data[:6], [r for r in data[6:] if any(v != "" for v in r)]


def _scale(v, factor: float, percent: bool):
    """A figure of copy k: amounts scaled, percentages nudged and kept ≤ 100; text left as written."""
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        return v
    if percent:
        return min(round(v * (0.9 + factor / 10), 1), 100.0) if v < 100 else v
    return round(v * factor, 2)


def _vary(rows: list[list], k: int) -> list[list]:
    """Copy k of the sample's body: distinct names, sections and figures, the same kinds of rows."""
    place = PLACES[k % len(PLACES)]
    round_no = k // len(PLACES) + 1
    where = f"{place}" if round_no == 1 else f"{place}, cụm {round_no}"
    factor = 0.8 + (k % 41) / 100          # 0.80 … 1.20: some rows met, some not
    out = []
    in_structure = False
    for r in rows:
        r = list(r)
        stt, name, unit = r[0], r[1], r[2]
        if isinstance(stt, str) and stt.isupper() and stt.isalpha():      # a section heading
            r[1] = f"{name} – {where.upper()}"
            out.append(r)
            continue
        in_structure = name == "Cơ cấu GRDP" or (in_structure and stt == "+")
        if stt == "+" and in_structure:
            out.append(r)                                              # structure parts keep summing to 100
            continue
        r[1] = f"{name} {where}"
        percent = unit in ("%", "Điểm %")
        if not percent and unit and isinstance(r[3], (int, float)) and name != "Cơ cấu GRDP":
            r[2] = AMOUNT_UNITS[(k + len(out)) % len(AMOUNT_UNITS)]
        if name != "Cơ cấu GRDP":
            r[3] = _scale(r[3], 1 + (k % 13) / 50, percent)
            r[4] = _scale(r[4], (1 + (k % 13) / 50) * factor, percent)
        if r[5]:
            r[5] = LEADS[(k + len(out)) % len(LEADS)]
        out.append(r)
    return out


def build(path: str | Path, rows: int, sample: Path = SAMPLE) -> Path:
    """Write `rows` data rows (copies of the sample's sections and indicators, varied) to path."""
    head, body = _sample_rows(sample)
    # A workbook as Excel saves one: its texts in the shared strings part, in UTF-8 (openpyxl's write-only
    # mode writes every text inline, each letter beyond ASCII as a character reference, which Excel never does).
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục chỉ tiêu"
    for r in head:
        ws.append(r)
    n = written = k = 0
    while written < rows:
        for r in _vary(body, k):
            if written >= rows:
                break
            if isinstance(r[0], str) and r[0].isdigit():
                n += 1
                r[0] = str(n)
            ws.append(r)
            written += 1
        k += 1
    wb.save(path)
    _as_excel_saves(Path(path))
    return Path(path)


_INLINE = re.compile(r'<c r="([A-Z]+\d+)"( s="\d+")? t="inlineStr">(?:<is><t(?: xml:space="preserve")?>(.*?)</t></is>)?</c>')


def _as_excel_saves(path: Path) -> None:
    """Rewrite openpyxl's file as Excel saves one: every text in the shared strings part (in order of first
    use, UTF-8), the cells referring to it by index, and no empty text cells (openpyxl writes "" as a cell)."""
    from xml.sax.saxutils import escape
    with zipfile.ZipFile(path) as zin:
        parts = {i.filename: zin.read(i) for i in zin.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    index: dict[str, int] = {}
    uses = 0

    def shared(m: re.Match) -> str:
        nonlocal uses
        text = html.unescape(m.group(3) or "")  # openpyxl writes &#7908; and &amp; &lt; &gt; &quot;
        if not text:
            return ""
        uses += 1
        i = index.setdefault(text, len(index))
        return f'<c r="{m.group(1)}"{m.group(2) or ""} t="s"><v>{i}</v></c>'

    parts[sheet] = _INLINE.sub(shared, parts[sheet].decode("utf-8")).encode("utf-8")
    keep = ' xml:space="preserve"'
    items = "".join(f'<si><t{keep if t != t.strip() else ""}>{escape(t)}</t></si>' for t in index)
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main" count="{uses}" uniqueCount="{len(index)}">{items}</sst>').encode("utf-8")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(
        b"</Relationships>", b'<Relationship Id="rIdSharedStrings" Type="http://schemas.openxmlformats.org/'
                             b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)


if __name__ == "__main__":
    build(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
