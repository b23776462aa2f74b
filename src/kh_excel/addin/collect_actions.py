"""The ribbon's «Tạo phiếu nhập» and «Tổng hợp số liệu» buttons, on top of kh_excel.collect.

«Tạo phiếu nhập» writes the forms from the open workbook's values into a folder beside it
(the same folder the document buttons use). «Tổng hợp số liệu» works like `kh-excel collect`
on the saved workbook: it reads the folder named in the settings sheet («Thư mục phiếu nhận
về»), writes the merged copy beside the workbook — the open workbook itself is not changed,
so nothing is lost if a returned file is wrong — and says in one message what needs a look.
"""
from __future__ import annotations

from pathlib import Path

from kh_excel.addin.actions import HIDDEN_ROWS_UNKNOWN, ActionError, find_table, layout_note
from kh_excel.addin.documents import _finish, output_dir, read_settings
from kh_excel.addin.engine import Session
from kh_excel.core.gate import table_warnings

FORMS_FOLDER = "Phiếu nhập"
MERGED_SUFFIX = " - tổng hợp số liệu"


def tao_phieu(book) -> str:
    """One data-entry workbook per lead agency."""
    from kh_excel.collect.forms import write_forms
    s = Session(book)
    table, _ = find_table(s)
    if not table.indicators:
        raise ActionError("Bảng chỉ tiêu chưa có chỉ tiêu nào, nên chưa có phiếu nhập để tạo.", sheet=table.sheet)
    common = read_settings(s).for_kind("chung")
    folder = output_dir(s) / FORMS_FOLDER
    written = write_forms(Path(book.fullname), folder, table, common.get("ky_bao_cao", ""), common.get("han_gui", ""))
    # the add-in cannot see hidden rows: a form may ask for one, and the ribbon says so as it does for documents;
    # an indicator without a lead agency is on no form: named, never left out silently
    return _finish(s, f"Đã tạo {len(written)} phiếu nhập (mỗi cơ quan chủ trì một tệp) trong thư mục {folder}",
                   [*unattributed_warning(table), *table_warnings(table.reader_findings), *layout_note(s, table),
                    HIDDEN_ROWS_UNKNOWN])


def unattributed_warning(table) -> list[str]:
    """The indicators no form asks for because no lead agency is read for them (collect.forms.agency_rows)."""
    from kh_excel.collect.forms import agency_rows
    on_forms = {id(ind) for g in agency_rows(table) for ind in g.indicators}
    left = [ind for ind in table.indicators if id(ind) not in on_forms]
    if not left:
        return []
    shown = "; ".join(f"dòng {ind.row} «{ind.name}»" for ind in left[:10]) + ("; …" if len(left) > 10 else "")
    return [f"{len(left)} chỉ tiêu chưa có cơ quan chủ trì nên không có trong phiếu nhập nào (trang «{table.sheet}»): "
            f"{shown}. Hãy ghi cơ quan chủ trì ở các dòng đó rồi bấm lại, hoặc tự gửi các chỉ tiêu này."]


def tong_hop_so_lieu(book) -> str:
    """Collect the returned forms of the folder named in the settings into a merged copy."""
    from kh_excel.batch.inputs import expand_inputs
    from kh_excel.collect.merge import collect_files, write_merged
    s = Session(book)
    master = Path(book.fullname)
    if not master.is_absolute() or not master.is_file():
        raise ActionError("Sổ tính chưa được lưu vào một thư mục trên máy. Hãy lưu sổ tính (Ctrl+S) rồi bấm lại.")
    common = read_settings(s).for_kind("chung")
    named = common.get("thu_muc_nhan", "")
    if not named:
        raise ActionError("Chưa biết các phiếu gửi lại nằm ở đâu: hãy ghi đường dẫn thư mục vào mục «Thư mục phiếu "
                          "nhận về» của trang «Cấu hình văn bản» (nút Cấu hình) rồi bấm lại.")
    folder = Path(named).expanduser()
    folder = folder if folder.is_absolute() else master.parent / folder
    if not folder.is_dir():
        raise ActionError(f"Không tìm thấy thư mục «{folder}» ghi ở mục «Thư mục phiếu nhận về» của trang «Cấu hình văn bản».")
    out = master.parent / f"{master.stem}{MERGED_SUFFIX}.xlsx"
    paths, problems = expand_inputs([str(folder)])
    skip = {master.resolve(), out.resolve()}
    paths = [p for p in paths if p.resolve() not in skip]
    table, coll = collect_files(master, paths)  # the saved file: the copy keeps its formatting
    coll.failed[:0] = [{"file": p.argument, "reason": f"«{p.argument}»: {p.reason}"} for p in problems]
    written = write_merged(master, out, table, coll, paths, report_sheet=True)
    return _finish(s, summary(coll, written))


def summary(coll, written: Path) -> str:
    """The closing message: what was written, and every kind of thing that needs a look."""
    from kh_excel.collect.merge import ITEM_LISTS
    returned = [a for a in coll.agencies if a.filled_files]  # (not those collected before, nor a blank form)
    parts = [f"Đã tổng hợp số liệu của {len(returned)} cơ quan vào tệp {written} "
             f"({len(coll.writes) - len(coll.skipped_cells)} số liệu; sổ tính đang mở không bị thay đổi)."]
    counts = []
    for k in ("changed", "two_readings", "refused_plans", "refused_units", "invalid", "far_off", "formula", "added",
              "deleted", "new_rows"):
        n = sum(len(a.items[k]) for a in coll.agencies)
        if n:
            counts.append(f"{n} {ITEM_LISTS[k]}")
    if coll.conflicts:
        counts.append(f"{len(coll.conflicts)} chỉ tiêu các cơ quan cho số khác nhau (không ghi)")
    if coll.skipped_cells:
        counts.append(f"{len(coll.skipped_cells)} ô có công thức hoặc gộp ô (không ghi)")
    if counts:
        parts.append("Cần xem lại: " + "; ".join(counts) + ". Chi tiết ở trang «Kết quả tổng hợp» của tệp tổng hợp.")
    twice = [a.name for a in coll.agencies if len(a.files) > 1]
    if twice:
        parts.append("Gửi nhiều lần: " + ", ".join(twice) + ".")
    for refused, label in ((False, "Không đọc được"), (True, "Không nhận (không ghi số liệu nào)")):
        reasons = [f["reason"].rstrip(".") for f in coll.failed if bool(f.get("refused")) == refused]
        if reasons:
            parts.append(f"{label}: " + "; ".join(reasons) + ".")
    if coll.not_returned:
        parts.append(f"Chưa gửi ({len(coll.not_returned)}): " + ", ".join(coll.not_returned_shown()) + ".")
    return "\n".join(parts)
