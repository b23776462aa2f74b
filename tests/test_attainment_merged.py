"""«% so với KH» / «Đánh giá» beside a table with merged cells: `attainment -o` and the add-in's
«Tính tỷ lệ đạt» pick the same columns (core.formulas.output_columns) and never write through a
merged range; an existing pair crossed by one is refused, naming the sheet and the cell.

Workbooks are built here. Expected columns are decided by hand from the merges drawn.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kh_excel.addin import run_action
from kh_excel.addin.engine import Session
from kh_excel.addin.payload import open_book
from kh_excel.core.formulas import MergedInTheWay, merge_in_the_way, output_columns

CLI = [sys.executable, "-m", "kh_excel"]
SHEET = "Chỉ tiêu"
HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"]  # A:F


def build(path: Path, change=None) -> Path:
    """A:F table, header on row 3, section titles on rows 4 and 7, indicators on 5, 6 and 8."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(["PHỤ LỤC CHỈ TIÊU NĂM 2026"])
    ws.append([])
    ws.append(HEADER)
    ws.append(["I", "CÁC CHỈ TIÊU VỀ KINH TẾ"])
    ws.append([1, "Thu ngân sách nhà nước", "Tỷ đồng", 12000, 12600, "Sở Tài chính"])
    ws.append([2, "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 800, 760, "Sở Tài chính"])
    ws.append(["II", "CÁC CHỈ TIÊU VỀ XÃ HỘI"])
    ws.append([3, "Số xã đạt chuẩn nông thôn mới", "Xã", 20, 20, "Sở Nông nghiệp và Môi trường"])
    if change:
        change(ws)
    wb.save(path)
    return path


def sections_merged_to(last: str):
    """Section titles merged from B to `last`, wider than the table, as printed layouts do."""
    def change(ws):
        for r in (4, 7):
            ws.merge_cells(f"B{r}:{last}{r}")
    return change


def attainment(src: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + ["attainment", str(src), "-o", str(out)], capture_output=True, text=True, timeout=120)


def header_cells(path: Path) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)[SHEET]
    return {c.coordinate: c.value for c in ws[3] if c.value in ("% so với KH", "Đánh giá")}


def merges(path: Path) -> set[str]:
    return {str(m) for m in openpyxl.load_workbook(path)[SHEET].merged_cells.ranges}


def test_section_rows_merged_wider_than_the_table(tmp_path):
    src = build(tmp_path / "t.xlsx", sections_merged_to("J"))
    out = tmp_path / "out.xlsx"
    proc = attainment(src, out)
    assert proc.returncode == 0, proc.stderr
    # G:J are crossed by the section merges: the first free pair is K, L
    assert header_cells(out) == {"K3": "% so với KH", "L3": "Đánh giá"}
    assert {"B4:J4", "B7:J7"} <= merges(out)
    ws = openpyxl.load_workbook(out)[SHEET]
    assert ws["L5"].value and ws["L8"].value and ws["K4"].value is None


def test_a_header_of_the_users_merged_over_the_next_columns(tmp_path):
    def change(ws):
        ws["G3"] = "Người cập nhật"
        ws.merge_cells("G3:H3")   # over G:H, H blank: not a free column

    src = build(tmp_path / "t.xlsx", change)
    out = tmp_path / "out.xlsx"
    proc = attainment(src, out)
    assert proc.returncode == 0, proc.stderr
    assert header_cells(out) == {"I3": "% so với KH", "J3": "Đánh giá"}
    assert "G3:H3" in merges(out)


def test_an_existing_pair_crossed_by_a_merge_is_refused_with_sheet_and_cell(tmp_path):
    def change(ws):
        ws["G3"], ws["H3"] = "% so với KH", "Đánh giá"
        ws.merge_cells("B7:H7")

    src = build(tmp_path / "t.xlsx", change)
    out = tmp_path / "out.xlsx"
    proc = attainment(src, out)
    assert proc.returncode == 2
    assert "trang «Chỉ tiêu»" in proc.stderr and "ô G7" in proc.stderr and "gộp" in proc.stderr
    assert not out.exists()


def test_the_add_in_writes_no_row_it_has_nothing_for(tmp_path):
    """The remote engine cannot see merges: only the header and indicator rows are written, so the
    section titles merged over the new columns are not written through."""
    src = build(tmp_path / "t.xlsx", sections_merged_to("H"))
    book = open_book(src)
    ok, message = run_action("tinh_ty_le", book)
    assert ok, message
    written = set()
    for a in book.json()["actions"]:
        if a["func"] == "setValues" and a["sheet_position"] == 0:
            for i in range(a["row_count"]):
                for j in range(a["column_count"]):
                    written.add((a["start_row"] + 1 + i, a["start_column"] + 1 + j))
    assert {r for r, _ in written} == {3, 5, 6, 8}
    assert "không cho biết ô gộp" in message


def test_where_the_engine_reads_merges_the_add_in_picks_the_columns_attainment_o_picks(tmp_path, monkeypatch):
    src = build(tmp_path / "t.xlsx", sections_merged_to("J"))
    boxes = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in openpyxl.load_workbook(src)[SHEET].merged_cells.ranges]
    monkeypatch.setattr(Session, "merge_finder", lambda self, sheet, header_rows, last: merge_in_the_way(boxes, header_rows, last))
    book = open_book(src)
    ok, message = run_action("tinh_ty_le", book)
    assert ok, message
    assert "cột K và L" in message


def test_a_saved_workbook_gives_the_remote_engine_its_merges(tmp_path):
    """The remote engine's payload has no merges, but a book whose name is its saved file's path (as Book.fullname
    on the desktop) is read with the file's (engine.Session.saved_layout): section titles merged B:J cover G:J, so
    the pair goes to K and L, as `attainment -o` puts it, and nothing says merges were not seen (rev16 R16-3)."""
    from kh_excel.addin.payload import ensure_license, workbook_payload
    src = build(tmp_path / "t.xlsx", sections_merged_to("J"))
    ensure_license()
    import xlwings as xw
    payload = workbook_payload(src)
    payload["book"]["name"] = str(src)
    ok, message = run_action("tinh_ty_le", xw.Book(json=payload))
    assert ok, message
    assert "cột K và L" in message
    assert "không cho biết ô gộp" not in message and "không thấy ô gộp" not in message


# --------------------------------------------------------------------------- the rule itself


def test_rule_by_hand():
    values = {(3, c): v for c, v in enumerate(HEADER, 1)}
    value = lambda r, c: values.get((r, c))  # noqa: E731
    assert output_columns(value, [3], 8, 6) == 7
    assert output_columns(value, [3], 8, 6, merge_in_the_way([(4, 2, 4, 8)], [3], 8)) == 9
    # a merge within one header column (a two-row header merged down) is no obstacle
    assert output_columns(value, [3, 4], 8, 6, merge_in_the_way([(3, 7, 4, 7)], [3, 4], 8)) == 7
    # a merge above the header or below the table is none either
    assert output_columns(value, [3], 8, 6, merge_in_the_way([(1, 1, 1, 12), (9, 1, 9, 12)], [3], 8)) == 7
    values[(3, 9)], values[(3, 10)] = "% so với KH", "Đánh giá"
    assert output_columns(value, [3], 8, 6) == 9
    with pytest.raises(MergedInTheWay) as exc:
        output_columns(value, [3], 8, 6, merge_in_the_way([(6, 10, 7, 11)], [3], 8))
    assert exc.value.cell == "J6"


boxes = st.lists(st.tuples(st.integers(1, 12), st.integers(1, 14), st.integers(0, 3), st.integers(0, 4)), max_size=6)
cells = st.dictionaries(st.tuples(st.integers(3, 10), st.integers(7, 14)), st.sampled_from(["x", 1, " ", None]), max_size=8)


@settings(max_examples=300, deadline=None)
@given(boxes, cells)
def test_rule_never_crosses_a_merge_or_a_value(raw, extra):
    """Whatever merges and values stand right of an A:F table (header row 3, data to row 10), the
    pair chosen is empty and uncrossed, and no pair left of it was."""
    merged = [(r, c, r + dr, c + dc) for r, c, dr, dc in raw]
    values = {(3, c): v for c, v in enumerate(HEADER, 1)} | extra
    value = lambda r, c: values.get((r, c))  # noqa: E731
    c = output_columns(value, [3], 10, 6, merge_in_the_way(merged, [3], 10))

    def clear(col: int) -> bool:
        if any(value(r, col) not in (None, " ") for r in range(3, 11)):
            return False
        return not any(c1 <= col <= c2 and r2 >= 3 and r1 <= 10 and (r1, c1) != (r2, c2) for r1, c1, r2, c2 in merged)

    assert clear(c) and clear(c + 1)
    assert all(not (clear(k) and clear(k + 1)) for k in range(7, c))
