"""The ribbon actions on xlwings' real remote engine, applied back onto real .xlsx files.

Each test opens a workbook the way an Office.js client would send it
(`kh_excel.addin.payload`), runs the action through `run_action`, replays the
JSON actions the book recorded onto the file with openpyxl, and looks at the
result as a user would (fills, notes, sheets, formulas recalculated by
LibreOffice). Fixture workbooks are built here, at test time.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from kh_excel.addin import ACTIONS, run_action
from kh_excel.addin import actions as A
from kh_excel.addin.marks import STORE_SHEET
from kh_excel.addin.payload import apply_actions, open_book

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "data" / "samples"
CO_LOI = SAMPLES / "chi_tieu_2026_co_loi.xlsx"
LAO_CAI = SAMPLES / "chi_tieu_2026_lao_cai.xlsx"
CLI = [sys.executable, "-c", "from kh_excel.cli import main; main()"]

HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026",
          "Cơ quan chủ trì", "Lãnh đạo phụ trách"]


# --------------------------------------------------------------------------- helpers


def run(tag: str, path: Path, out: Path, active_sheet: int = 0):
    """Run an action on `path` through the remote engine; write the result to `out`."""
    book = open_book(path, active_sheet=active_sheet)
    ok, message = run_action(tag, book)
    actions = book.json()["actions"]
    alerts = apply_actions(path, actions, out)
    return ok, message, actions, alerts


def cli_json(*args: str) -> dict:
    proc = subprocess.run(CLI + list(args) + ["--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def fill_of(cell) -> str | None:
    if cell.fill is None or cell.fill.fill_type is None:
        return None
    return "#" + cell.fill.fgColor.rgb[-6:].lower()


def state(path: Path, sheet: str) -> dict:
    """Every cell's value, fill and note on a sheet."""
    ws = openpyxl.load_workbook(path)[sheet]
    return {c.coordinate: (c.value, fill_of(c), c.comment.text if c.comment else None)
            for row in ws.iter_rows() for c in row
            if c.value is not None or fill_of(c) or c.comment}


def recalculated(path: Path, tmp: Path) -> openpyxl.Workbook:
    """The workbook with its formulas computed by LibreOffice (a private profile)."""
    out = tmp / "recalc"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo_profile", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    return openpyxl.load_workbook(out / path.name, data_only=True)


def table_book(path: Path, rows: list[list], header=HEADER, title="PHỤ LỤC CHỈ TIÊU NĂM 2026",
               sheet="Chỉ tiêu") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([title])
    ws.append([])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def indicator_rows(n: int, bad_every: int | None = None, bad_rows: set[int] = frozenset()) -> list[list]:
    """n numbered indicators under one section; some results not numbers (errors)."""
    rows: list[list] = [["I", "CÁC CHỈ TIÊU VỀ KINH TẾ", None, None, None, None, None]]
    for i in range(1, n + 1):
        bad = (bad_every and i % bad_every == 0) or i in bad_rows
        result = "khoảng mười" if bad else 100 + (i % 7) - 3
        rows.append([i, f"Chỉ tiêu số {i}", "Tỷ đồng", 100, result, f"Sở {i % 5}", f"Đồng chí Lãnh đạo {i % 3}"])
    return rows


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("books")
    out = {
        "co_loi": d / "co_loi.xlsx",
        "lao_cai": d / "lao_cai.xlsx",
    }
    shutil.copy(CO_LOI, out["co_loi"])
    shutil.copy(LAO_CAI, out["lao_cai"])
    out["plan_only"] = table_book(d / "plan_only.xlsx", [
        ["I", "KINH TẾ", None, None, None, None],
        [1, "Tổng sản phẩm trên địa bàn", "Tỷ đồng", 155000, "Sở Tài chính", "Chủ tịch UBND tỉnh"],
        [2, "Tỷ lệ đô thị hóa", "%", 32, "Sở Xây dựng", "Phó Chủ tịch UBND tỉnh"],
    ], header=["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Cơ quan chủ trì", "Lãnh đạo phụ trách"])

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hai dòng tiêu đề"
    ws.append(["CÁC CHỈ TIÊU CHỦ YẾU"])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026", None, "Cơ quan chủ trì"])
    ws.append([None, None, None, "Kế hoạch", "Ước thực hiện", None])
    for r in ([1, "Thu ngân sách nhà nước", "Tỷ đồng", 12000, 9500, "Sở Tài chính"],
              [2, "Tỷ lệ hộ nghèo", "%", 5, "năm phần trăm", "Sở Nông nghiệp và Môi trường"],
              [3, "Số doanh nghiệp thành lập mới", "Doanh nghiệp", 800, 850, "Sở Tài chính"]):
        ws.append(r)
    ws.merge_cells("D2:E2")
    for col in "ABCF":
        ws.merge_cells(f"{col}2:{col}3")
    wb.save(d / "two_row.xlsx")
    out["two_row"] = d / "two_row.xlsx"

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách cán bộ"
    ws.append(["Họ và tên", "Ngày sinh", "Phòng"])
    ws.append(["Nguyễn Văn A", "01/01/1980", "Tổng hợp"])
    wb.save(d / "no_table.xlsx")
    out["no_table"] = d / "no_table.xlsx"

    wb = openpyxl.Workbook()
    wb.active.title = "Trang trắng"
    wb.save(d / "empty.xlsx")
    out["empty"] = d / "empty.xlsx"
    return out


@pytest.fixture(scope="module")
def co_loi_check(books) -> dict:
    return cli_json("check", str(books["co_loi"]))


@pytest.fixture(scope="module")
def checked(books, tmp_path_factory):
    out = tmp_path_factory.mktemp("checked") / "co_loi.xlsx"
    ok, message, actions, alerts = run("kiem_tra", books["co_loi"], out)
    assert ok, message
    return out, message, actions, alerts


# --------------------------------------------------------------------------- kiem_tra


def test_kiem_tra_colours_every_error_cell_the_cli_reports(checked, co_loi_check):
    out, _message, _actions, _alerts = checked
    sheet = co_loi_check["sheet"]
    ws = openpyxl.load_workbook(out)[sheet]
    errors = [f for f in co_loi_check["findings"] if f["severity"] == "error" and f["cell"]]
    warnings = [f for f in co_loi_check["findings"] if f["severity"] == "warning" and f["cell"]]
    assert len(errors) >= 6  # (D47, a result with no plan, is a warning since rev18 R18-6)
    error_cells = {f["cell"] for f in errors}
    for f in errors:
        assert fill_of(ws[f["cell"]]) == A.ERROR_FILL, f
        assert f["message"] in ws[f["cell"]].comment.text
    for f in warnings:
        if f["cell"] not in error_cells:
            assert fill_of(ws[f["cell"]]) == A.WARNING_FILL, f
    marked = {c.coordinate for row in ws.iter_rows() for c in row if fill_of(c)}
    assert marked == {f["cell"] for f in co_loi_check["findings"] if f["cell"]}


def test_kiem_tra_lists_each_finding_with_a_link_to_its_cell(checked, co_loi_check):
    out, message, _actions, alerts = checked
    ws = openpyxl.load_workbook(out)[A.RESULT_SHEET]
    rows = list(ws.iter_rows(min_row=6, values_only=True))
    listed = {(r[3], r[5]) for r in rows}
    sheet = co_loi_check["sheet"]
    for f in co_loi_check["findings"]:
        link = f"=HYPERLINK(\"#'{sheet}'!{f['cell']}\",\"{f['cell']}\")" if f["cell"] else None
        assert (link, f["message"]) in listed, f
    assert len(rows) == len(co_loi_check["findings"])
    n = co_loi_check["counts"] if "counts" in co_loi_check else Counter(f["severity"] for f in co_loi_check["findings"])
    assert f"{n['error']} lỗi" in message and f"{n['warning']} cảnh báo" in message
    assert alerts and alerts[-1]["prompt"] == message and alerts[-1]["mode"] == "critical"


def test_kiem_tra_changes_no_value_of_the_table(checked, books, co_loi_check):
    out = checked[0]
    sheet = co_loi_check["sheet"]
    before = {k: v[0] for k, v in state(books["co_loi"], sheet).items() if v[0] is not None}
    after = {k: v[0] for k, v in state(out, sheet).items() if v[0] is not None}
    assert after == before


def test_kiem_tra_keeps_a_users_own_note_and_records_marks_in_a_hidden_sheet(books, tmp_path):
    src = tmp_path / "with_note.xlsx"
    wb = openpyxl.load_workbook(books["co_loi"])
    ws = wb.worksheets[0]
    ws["E21"].comment = Comment("Số của Sở Văn hóa, chờ xác nhận", "Chuyên viên")
    wb.save(src)
    out = tmp_path / "out.xlsx"
    ok, message, _actions, _alerts = run("kiem_tra", src, out)
    assert ok, message
    wb = openpyxl.load_workbook(out)
    assert wb[ws.title]["E21"].comment.text == "Số của Sở Văn hóa, chờ xác nhận"
    assert fill_of(wb[ws.title]["E21"]) == A.ERROR_FILL
    assert "ghi chú riêng của người dùng" in message
    store = wb[STORE_SHEET]
    assert store.sheet_state == "hidden"
    records = {r[1]: r for r in store.iter_rows(min_row=3, values_only=True)}
    assert records["E21"][4] == 1 and records["E21"][5] == 0   # had a note, none added
    assert records["E12"][3] == "unknown"  # the remote engine cannot read fills


def test_kiem_tra_twice_does_not_take_its_own_marks_for_the_users(books, tmp_path):
    once = tmp_path / "once.xlsx"
    twice = tmp_path / "twice.xlsx"
    assert run("kiem_tra", books["co_loi"], once)[0]
    ok, _m, actions, _a = run("kiem_tra", once, twice)
    assert ok
    wb = openpyxl.load_workbook(twice)
    rows = list(wb[STORE_SHEET].iter_rows(min_row=3, values_only=True))
    assert len({r[1] for r in rows}) == len(rows)
    assert all(r[3] == "unknown" and r[5] == 1 for r in rows)  # original state kept, not "our red"
    assert wb.sheetnames.count(A.RESULT_SHEET) == 1


# --------------------------------------------------------------------------- xoa_danh_dau


def test_xoa_danh_dau_after_save_and_reopen_gives_back_every_cell(books, tmp_path):
    src = tmp_path / "orig.xlsx"
    wb = openpyxl.load_workbook(books["co_loi"])
    ws = wb.worksheets[0]
    ws["E21"].comment = Comment("Ghi chú của tôi", "Chuyên viên")    # a marked cell with the user's note
    ws["B8"].fill = PatternFill("solid", fgColor="FF00B0F0")          # an unmarked cell with the user's fill
    ws["B9"].comment = Comment("Ghi chú khác", "Chuyên viên")
    wb.save(src)
    marked = tmp_path / "marked.xlsx"   # saved to disk: the next run starts from the file
    assert run("kiem_tra", src, marked)[0]
    assert state(marked, ws.title) != state(src, ws.title)
    restored = tmp_path / "restored.xlsx"
    ok, message, actions, _alerts = run("xoa_danh_dau", marked, restored)
    assert ok, message
    assert state(restored, ws.title) == state(src, ws.title)
    assert {STORE_SHEET, A.RESULT_SHEET}.isdisjoint(openpyxl.load_workbook(restored).sheetnames)  # no trace of the check
    # nothing left to remove: a second click says so and changes nothing
    ok, message, actions, _ = run("xoa_danh_dau", restored, tmp_path / "again.xlsx")
    assert ok and [a["func"] for a in actions] == ["alert"]


def test_xoa_danh_dau_puts_back_a_recorded_fill(books, tmp_path):
    """A mark made on the desktop engine records the cell's real fill; restoring puts it back."""
    src = tmp_path / "marked_desktop.xlsx"
    wb = openpyxl.load_workbook(books["co_loi"])
    ws = wb.worksheets[0]
    ws["E20"].fill = PatternFill("solid", fgColor="FFFFC7CE")
    ws["E20"].comment = Comment("[Kiểm tra số liệu]\nLỗi: …", "kh_excel")
    store = wb.create_sheet(STORE_SHEET)
    store.append(["…"])
    store.append(["Trang", "Ô", "Mức độ", "Màu nền gốc", "Có ghi chú gốc", "Ghi chú do kh_excel thêm"])
    store.append([ws.title, "E20", "error", "#92d050", 0, 1])
    store.sheet_state = "hidden"
    wb.save(src)
    out = tmp_path / "out.xlsx"
    assert run("xoa_danh_dau", src, out)[0]
    cell = openpyxl.load_workbook(out)[ws.title]["E20"]
    assert fill_of(cell) == "#92d050" and cell.comment is None


# --------------------------------------------------------------------------- tinh_ty_le


def test_tinh_ty_le_writes_the_ratios_and_statuses_of_the_cli(books, tmp_path):
    out = tmp_path / "lao_cai.xlsx"
    ok, message, actions, _ = run("tinh_ty_le", books["lao_cai"], out)
    assert ok, message
    expected = cli_json("attainment", str(books["lao_cai"]))
    wb = recalculated(out, tmp_path)
    ws = wb[expected["sheet"]]
    header_row = [c.value for c in ws[5]]
    c_ratio = header_row.index("% so với KH") + 1
    assert header_row[c_ratio] == "Đánh giá"
    assert c_ratio == 9  # right beside the table (A:H)
    checked = 0
    for ind in expected["indicators"]:
        ratio = ws.cell(ind["row"], c_ratio).value
        status = ws.cell(ind["row"], c_ratio + 1).value
        assert status == ind["status_label"], ind["name"]
        if ind["ratio"] is None:
            assert ratio in (None, "")
        else:
            assert ratio == pytest.approx(ind["ratio"], abs=5e-5), ind["name"]
            checked += 1
    assert checked >= 40
    # the user's own columns are as they were
    before = {k: v[0] for k, v in state(books["lao_cai"], expected["sheet"]).items() if v[0] is not None}
    after = {k: v[0] for k, v in state(out, expected["sheet"]).items()
             if v[0] is not None and openpyxl.utils.cell.coordinate_from_string(k)[0] < "I"}
    assert after == before


def test_tinh_ty_le_refreshes_its_columns_and_steps_around_a_user_column(books, tmp_path):
    src = tmp_path / "with_user_col.xlsx"
    wb = openpyxl.load_workbook(books["lao_cai"])
    ws = wb.worksheets[0]
    ws["I8"] = "ghi chú riêng"
    wb.save(src)
    first = tmp_path / "first.xlsx"
    assert run("tinh_ty_le", src, first)[0]
    ws1 = openpyxl.load_workbook(first).worksheets[0]
    assert ws1["I8"].value == "ghi chú riêng"
    assert (ws1["J5"].value, ws1["K5"].value) == ("% so với KH", "Đánh giá")
    second = tmp_path / "second.xlsx"
    ok, message, _a, _ = run("tinh_ty_le", first, second)
    assert ok, message
    ws2 = openpyxl.load_workbook(second).worksheets[0]
    assert (ws2["J5"].value, ws2["K5"].value, ws2["L5"].value) == ("% so với KH", "Đánh giá", None)
    assert "cột J và K" in message


def test_the_added_columns_do_not_disturb_a_later_check(books, tmp_path, co_loi_check):
    with_ratios = tmp_path / "with_ratios.xlsx"
    assert run("tinh_ty_le", books["co_loi"], with_ratios)[0]
    ok, message, _a, _ = run("kiem_tra", with_ratios, tmp_path / "checked.xlsx")
    assert ok
    n = co_loi_check["counts"]
    assert f"{n['error']} lỗi (tô đỏ), {n['warning']} cảnh báo" in message


def test_tinh_ty_le_on_a_plan_only_workbook_says_why_and_changes_nothing(books, tmp_path):
    ok, message, actions, alerts = run("tinh_ty_le", books["plan_only"], tmp_path / "out.xlsx")
    assert not ok
    assert "chưa có cột số thực hiện" in message and "«Chỉ tiêu»" in message
    assert [a["func"] for a in actions] == ["alert"]
    assert state(tmp_path / "out.xlsx", "Chỉ tiêu") == state(books["plan_only"], "Chỉ tiêu")


def test_two_row_header_check_and_ratios(books, tmp_path):
    checked = tmp_path / "checked.xlsx"
    ok, message, _a, _ = run("kiem_tra", books["two_row"], checked)
    assert ok, message
    ws = openpyxl.load_workbook(checked)["Hai dòng tiêu đề"]
    assert fill_of(ws["E5"]) == A.ERROR_FILL and "năm phần trăm" in ws["E5"].comment.text
    out = tmp_path / "ratios.xlsx"
    ok, message, _a, _ = run("tinh_ty_le", books["two_row"], out)
    assert ok, message
    wb = recalculated(out, tmp_path)
    ws = wb["Hai dòng tiêu đề"]
    # in the header band (row 2 or 3, as the reader takes it), once
    labels = [(ws[f"G{r}"].value, ws[f"H{r}"].value) for r in (2, 3)]
    assert sorted(labels, key=str) == sorted([("% so với KH", "Đánh giá"), (None, None)], key=str)
    assert ws["G4"].value == pytest.approx(9500 / 12000 * 100) and ws["H4"].value == "Không đạt"
    assert ws["H5"].value == "Số liệu lỗi"  # «năm phần trăm» is not a number: a check error, not a missing result
    assert ws["G6"].value == pytest.approx(106.25) and ws["H6"].value == "Vượt KH"


# --------------------------------------------------------------------------- tong_hop


def test_tong_hop_counts_sentence_and_chart(books, tmp_path):
    out = tmp_path / "summary.xlsx"
    ok, message, actions, _ = run("tong_hop", books["lao_cai"], out)
    assert ok, message
    expected = cli_json("attainment", str(books["lao_cai"]))
    summary = expected["summary"]
    wb = openpyxl.load_workbook(out)
    ws = wb[A.SUMMARY_SHEET]
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    assert values[4][0] == summary["sentence"]
    by_label = {r[0]: r[1] for r in values[7:13]}
    for key, label in (("vuot", "Vượt KH"), ("dat", "Đạt KH"), ("khong_dat", "Không đạt"),
                       ("chua_co_so_lieu", "Chưa có số liệu"), ("khong_danh_gia", "Không đánh giá"),
                       ("so_lieu_loi", "Số liệu lỗi")):
        assert by_label[label] == summary[key]
    first_col = [r[0] for r in values]
    for block in ("Theo phần (lĩnh vực)", "Theo cơ quan chủ trì", "Theo lãnh đạo phụ trách"):
        assert block in first_col
    for agency, counts in summary["by_agency"].items():
        row = values[first_col.index(agency)]
        assert row[1:7] == [counts.get(k, 0) for k in ("vuot", "dat", "khong_dat", "chua_co_so_lieu", "khong_danh_gia",
                                                       "so_lieu_loi")]
    assert len(ws._charts) == 1
    assert [a for a in actions if a["func"] == "addChart"][0]["args"][3] == "$A$8:$B$13"
    # a second run replaces the sheet (and its chart) instead of adding another
    again = tmp_path / "again.xlsx"
    assert run("tong_hop", out, again)[0]
    wb2 = openpyxl.load_workbook(again)
    assert wb2.sheetnames.count(A.SUMMARY_SHEET) == 1 and len(wb2[A.SUMMARY_SHEET]._charts) == 1


# --------------------------------------------------------------------------- failures


@pytest.mark.parametrize("tag", ["kiem_tra", "tinh_ty_le", "tong_hop"])
@pytest.mark.parametrize("kind,sheet", [("no_table", "Danh sách cán bộ"), ("empty", "Trang trắng")])
def test_no_indicator_table_gives_a_vietnamese_message_and_changes_nothing(books, tmp_path, tag, kind, sheet):
    out = tmp_path / "out.xlsx"
    ok, message, actions, alerts = run(tag, books[kind], out)
    assert not ok
    assert message.startswith("Không tìm thấy bảng chỉ tiêu") and f"«{sheet}»" in message
    assert "Traceback" not in message
    assert [a["func"] for a in actions] == ["alert"] and alerts[0]["mode"] == "critical"
    assert openpyxl.load_workbook(out).sheetnames == [sheet]


def test_a_failure_while_writing_takes_back_the_queued_writes(books, monkeypatch):
    def broken(self, *args, **kwargs):
        raise RuntimeError("biểu đồ hỏng")

    monkeypatch.setattr("kh_excel.addin.engine.Session._do_chart", broken)
    book = open_book(books["lao_cai"])
    ok, message = run_action("tong_hop", book)
    assert not ok and "Sổ tính không bị thay đổi" in message
    assert [a["func"] for a in book.json()["actions"]] == ["alert"]


def test_unknown_tag_and_help(books):
    book = open_book(books["lao_cai"])
    ok, message = run_action("khong_co", book)
    assert not ok and "khong_co" in message
    book = open_book(books["lao_cai"])
    ok, message = run_action("huong_dan", book)
    assert ok
    for label in ("Kiểm tra số liệu", "Xóa đánh dấu", "Tính tỷ lệ đạt", "Tổng hợp", "Tạo báo cáo", "Cấu hình"):
        assert label in message
    assert [a["func"] for a in book.json()["actions"]] == ["alert"]


def test_run_from_excel_never_raises_without_excel():
    from kh_excel.addin import run_from_excel

    assert run_from_excel("kiem_tra") is None


def test_actions_cover_every_tag():
    assert set(ACTIONS) == {"kiem_tra", "xoa_danh_dau", "tinh_ty_le", "tong_hop", "bao_cao", "ke_hoach",
                            "theo_co_quan", "thong_bao", "cau_hinh", "huong_dan", "tao_phieu", "tong_hop_so_lieu"}


# --------------------------------------------------------------------------- engine calls


@pytest.fixture(scope="module")
def sized_books(tmp_path_factory) -> dict[tuple[int, str], Path]:
    d = tmp_path_factory.mktemp("sized")
    out = {}
    for n in (50, 5000):
        out[(n, "fixed")] = table_book(d / f"fixed_{n}.xlsx", indicator_rows(n, bad_rows={3, 17, 29}))
        out[(n, "every10")] = table_book(d / f"every10_{n}.xlsx", indicator_rows(n, bad_every=10))
    return out


CALLS: dict[tuple[str, str], int] = {}


def _calls(tag: str, path: Path, tmp: Path) -> int:
    """JSON actions (= engine calls) one click records on the remote engine."""
    src = path
    if tag == "xoa_danh_dau":
        src = tmp / f"marked_{path.name}"
        assert run("kiem_tra", path, src)[0]
    book = open_book(src)
    ok, message = run_action(tag, book)
    assert ok, message
    CALLS[(tag, path.name)] = len(book.json()["actions"])
    return len(book.json()["actions"])


@pytest.mark.parametrize("tag", ["kiem_tra", "xoa_danh_dau", "tinh_ty_le", "tong_hop"])
def test_engine_calls_do_not_grow_with_rows(sized_books, tmp_path, tag):
    small = _calls(tag, sized_books[(50, "fixed")], tmp_path)
    big = _calls(tag, sized_books[(5000, "fixed")], tmp_path)
    assert big == small, (small, big)


@pytest.mark.parametrize("tag", ["kiem_tra", "xoa_danh_dau"])
def test_engine_calls_stay_bounded_when_every_tenth_row_is_wrong(sized_books, tmp_path, tag):
    big = _calls(tag, sized_books[(5000, "every10")], tmp_path)  # 500 error cells
    assert big <= A.NOTE_LIMIT + 30
