"""The ribbon's document buttons and the settings sheet, on top of kh_excel.docs.

`make(book, kind)` (the buttons of docs.kinds: bao_cao, ke_hoach, theo_co_quan)
renders Decree 30 documents from the open workbook's values and its settings sheet (read through the same Session,
so the add-in and `kh-excel render` read the same things) into a folder: the
environment variable KH_EXCEL_THU_MUC when set (a server running the remote
engine has no folder of the user's), else a folder next to the workbook. Word
files are written atomically by the documents module; nothing is written into
the workbook except the closing message.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kh_excel.addin.actions import HIDDEN_ROWS_UNKNOWN, TITLE, ActionError, find_table, layout_note
from kh_excel.addin.engine import Session

OUTPUT_ENV = "KH_EXCEL_THU_MUC"
FOLDER_SUFFIX = " - văn bản"
# A message box lists this many errors; «Kiểm tra số liệu» lists them all on its sheet.
LISTED_ERRORS = 20
MAX_WARNINGS = 6  # warnings in the closing message; each already bounds its own cells
FIX_HINT = "Bấm «Kiểm tra số liệu» để tô đỏ từng ô lỗi, sửa rồi bấm lại."
NO_CONFIRM_HINT = ("Excel cho web không hỏi xác nhận được nên văn bản không được tạo; để vẫn tạo, dùng lệnh "
                   "«kh-excel render … --allow-errors».")


def _docs():
    try:
        import kh_excel.docs.context  # noqa: F401
        import kh_excel.docs.render  # noqa: F401
        import kh_excel.docs.settings  # noqa: F401
    except ImportError as exc:
        raise ActionError(f"Bản kh_excel này chưa có phần tạo văn bản ({exc.name}). Hãy cài bản đầy đủ.") from None
    from kh_excel import docs

    return docs


def read_settings(s: Session):
    """The settings sheet of the open workbook (empty settings when there is none)."""
    from kh_excel.docs import settings as st

    name = st.find_settings_sheet(s.sheet_names())
    if name is None:
        return st.Settings()
    data = s.read_sheet(name)
    return st.settings_from_rows(data.rows, source=f"{s.book.name} › {name}")  # a SettingsError names the row


def output_dir(s: Session) -> Path:
    """Where the documents go: KH_EXCEL_THU_MUC, else «<workbook> - văn bản» beside the workbook."""
    env = os.environ.get(OUTPUT_ENV)
    if env:
        folder = Path(env)
    else:
        full = Path(s.book.fullname)
        if not full.is_absolute() or not full.parent.is_dir():
            raise ActionError("Sổ tính chưa được lưu vào một thư mục trên máy, nên chưa có chỗ ghi văn bản. "
                              "Hãy lưu sổ tính (Ctrl+S) rồi bấm lại.")
        folder = full.parent / (full.stem + FOLDER_SUFFIX)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ActionError(f"Không tạo được thư mục «{folder}»: {exc.strerror or exc}.") from None
    return folder


def checked(s: Session, table, report: bool):
    """The gate of `kh-excel render` (core.gate) with the same reason; a table with errors is written
    only when the user says yes to the confirmation."""
    from kh_excel.core.gate import ALLOW_QUESTION, Refused, errors_reason, gate

    try:
        return gate(table, report=report)
    except Refused as exc:
        if not exc.errors:
            raise ActionError(f"Chưa tạo được văn bản: {exc.reason}.") from None
        reason = errors_reason(table, exc.errors, LISTED_ERRORS)
        if s.confirm(f"{reason[:1].upper()}{reason[1:]}\n\n{ALLOW_QUESTION}", TITLE):
            return gate(table, report=report, allow_errors=True)
        hint = " ".join([FIX_HINT, *([NO_CONFIRM_HINT] if s.remote else []), *layout_note(s, table)])
        raise ActionError(f"{reason[:1].upper()}{reason[1:]}\n{hint}") from None


def _render(book, kinds: list[tuple[str, str | None, str]], report: bool) -> tuple[Session, list[Path], Path, list[str]]:
    """Render (kind, agency, display name) documents; returns the files written. `report`: the
    documents state results (the gate's flag). What `kh-excel render` would print beside each document
    (docs.api.document_warnings) is returned for the closing message (_finish)."""
    from kh_excel.docs.api import document_warnings
    docs = _docs()
    s = Session(book)
    table, _ = find_table(s, plan=not report)  # a plan document states the latest year the table plans
    settings = read_settings(s)
    gated = checked(s, table, report)
    attainment = gated.attainment
    folder = output_dir(s)
    written = []
    warnings: list[str] = []
    from kh_excel.core.gate import read_once
    check_reading = read_once(lambda: find_table(s)[0])  # check's own reading (core.gate.figure_warnings)
    from kh_excel.docs.context import ContextError
    for kind, agency, filename in kinds(table, attainment) if callable(kinds) else kinds:
        try:
            context = docs.build_context(attainment, settings, kind, agency=agency)  # a ContextError: its message
        except ContextError as exc:
            if agency is None:
                raise
            # one agency's letter refused (the committee itself, a «(cũ)» body): the others are made, this one said
            warnings.append(f"Không tạo văn bản cho «{agency}»: {exc}")
            continue
        written.append(docs.render_docx(kind, context, folder / filename))
        # ("": no CLI hint; all rows, not the agency's: one warning for the letters together, not one per letter)
        warnings += document_warnings(gated, settings, context, "", kind, None, check_reading)
    return s, written, folder, [*dict.fromkeys(warnings), *layout_note(s, table), HIDDEN_ROWS_UNKNOWN]


def _finish(s: Session, message: str, warnings: list[str] | None = None) -> str:
    """The closing message: what was written, then what the maker must check before signing (bounded), as
    `kh-excel render` prints it."""
    if warnings:
        shown = warnings[:MAX_WARNINGS]
        more = f"\n(và {len(warnings) - len(shown)} lưu ý khác)" if len(warnings) > len(shown) else ""
        message += "\n\nLưu ý trước khi trình ký:\n" + "\n".join(f"– {w}" for w in shown) + more
    s.queue("status", None, message.split("\n", 1)[0])
    s.queue("alert", None, message, TITLE, "info")
    s.commit()
    return message


def make(book, kind_id: str) -> str:
    """The document of a kind (docs.kinds): one file, or one per lead agency for a kind that needs one."""
    from kh_excel.docs import kinds

    kind = kinds.get(kind_id)
    if kind.needs_agency:
        s, written, folder, warnings = _render(book, lambda table, att: _per_agency(table, att, kind), kind.report)
        return _finish(s, f"Đã tạo {len(written)} văn bản {kind.label.lower()} (mỗi cơ quan chủ trì một văn bản) "
                          f"trong thư mục {folder}", warnings)
    s, written, _, warnings = _render(book, [(kind.id, None, kind.file_name)], kind.report)
    return _finish(s, f"Đã tạo {kind.thuong.lower()}: {written[0]}", warnings)


def _per_agency(table, attainment, kind) -> list[tuple[str, str | None, str]]:
    from kh_excel.batch.naming import assign_names
    from kh_excel.batch.plan import lead_agencies

    # (the rows not assigned this year lead nothing in a plan: no letter for an agency that leads only such rows)
    agencies = [name for name, _ in lead_agencies(table, assigned_only=not kind.report)]
    if not agencies:
        raise ActionError(f"Bảng chỉ tiêu chưa ghi cơ quan chủ trì nào, nên không có văn bản "
                          f"{kind.label.lower()} để tạo.", sheet=table.sheet)
    stem = Path(kind.file_name).stem
    names = assign_names([(a, stem.replace("{agency}", a)) for a in agencies], Path(kind.file_name).suffix)
    return [(kind.id, a, names[a]) for a in agencies]


def cau_hinh(book) -> str:
    """Add the settings sheet (every key, values empty but what the table's title tells: docs.settings.settings_rows),
    or go to it when it exists. Never another issuer's example: a blank is a default or a highlighted gap."""
    _docs()
    from kh_excel.docs import settings as st

    s = Session(book)
    existing = st.find_settings_sheet(s.sheet_names())
    if existing is not None:
        s.queue("activate", existing)
        return _finish(s, f"Sổ tính đã có trang «{existing}»: hãy sửa các giá trị ở cột B.")
    table = None
    try:
        table, _ = find_table(s)
    except ActionError:
        pass  # the settings can be prepared before the table exists
    rows: list[list[Any]] = [list(r) for r in st.settings_rows(table)]
    width = max(len(r) for r in rows)
    from kh_excel.addin.actions import as_text

    matrix = [[as_text(v) if v != "" else None for v in r] + [None] * (width - len(r)) for r in rows]
    s.queue("add_sheet", None, st.SHEET_NAME)
    s.queue("values", st.SHEET_NAME, (1, 1), matrix)
    s.queue("bold", st.SHEET_NAME, "A1:C2")
    for i in sorted(st.heading_rows(rows)):  # «Chung», «Báo cáo», …: bold, as the CLI writes them
        s.queue("bold", st.SHEET_NAME, f"A{i + 1}:C{i + 1}")
    s.queue("column_width", st.SHEET_NAME, "A:A", 34)
    s.queue("column_width", st.SHEET_NAME, "B:B", 60)
    s.queue("column_width", st.SHEET_NAME, "C:C", 50)
    s.queue("activate", st.SHEET_NAME)
    return _finish(s, f"Đã thêm trang «{st.SHEET_NAME}»: hãy điền các giá trị ở cột B cho cơ quan của mình. Ô để "
                      "trống: văn bản lấy theo bảng chỉ tiêu, hoặc để chỗ tô vàng cho người soạn điền.")
