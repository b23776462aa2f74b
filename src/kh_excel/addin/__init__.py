"""The Excel add-in's Python side: the ribbon's actions on the open workbook.

`ACTIONS` maps each ribbon button's tag (addin/customUI14.xml) to a function
taking an `xlwings.Book`. `run_from_excel(tag)` is what the VBA callback runs
(through `kh_excel.ribbon_action`): it takes the calling workbook and runs the
action; `run_action(tag, book)` does the same for a book already in hand (the
remote engine in tests). No exception leaves either: the user gets a Vietnamese
message box, and the workbook is left as it was.
"""
from __future__ import annotations

import os
from typing import Any, Callable

TITLE = "Kế hoạch"


def _lazy(module: str, name: str) -> Callable[[Any], str]:
    # `import kh_excel` must stay cheap for RunPython: actions import the core on use.
    def action(book):
        import importlib

        return getattr(importlib.import_module(module), name)(book)

    action.__name__ = name
    action.__qualname__ = name
    return action


ACTIONS: dict[str, Callable[[Any], str]] = {
    "kiem_tra": _lazy("kh_excel.addin.actions", "kiem_tra"),
    "xoa_danh_dau": _lazy("kh_excel.addin.actions", "xoa_danh_dau"),
    "tinh_ty_le": _lazy("kh_excel.addin.actions", "tinh_ty_le"),
    "tong_hop": _lazy("kh_excel.addin.actions", "tong_hop"),
    "cau_hinh": _lazy("kh_excel.addin.documents", "cau_hinh"),
    "huong_dan": _lazy("kh_excel.addin.actions", "huong_dan"),
    "tao_phieu": _lazy("kh_excel.addin.collect_actions", "tao_phieu"),
    "tong_hop_so_lieu": _lazy("kh_excel.addin.collect_actions", "tong_hop_so_lieu"),
}


def _document(kind_id: str) -> Callable[[Any], str]:
    def action(book):
        from kh_excel.addin.documents import make

        return make(book, kind_id)

    action.__name__ = action.__qualname__ = kind_id.replace("-", "_")
    return action


def _document_buttons() -> None:
    """One button per document kind that has one (docs.kinds: pure data, cheap to import)."""
    from kh_excel.docs import kinds

    for kind in kinds.all_kinds():
        if kind.button:
            ACTIONS[kind.button] = _document(kind.id)


_document_buttons()


def failure_message(exc: BaseException) -> str:
    """What the user reads when an action fails: never a traceback."""
    from kh_excel.errors import UserError

    if isinstance(exc, UserError):  # ActionError, and every error of the commands, in the same words
        return str(exc)
    if isinstance(exc, PermissionError):
        return f"Không ghi được tệp: {exc.filename or exc}. Hãy đóng tệp đó (nếu đang mở trong Word) rồi thử lại."
    if isinstance(exc, MemoryError):
        return "Không đủ bộ nhớ để xử lý sổ tính này."
    return (f"Lỗi không mong đợi ({type(exc).__name__}: {exc}). Sổ tính không bị thay đổi. "
            "Hãy gửi thông báo này cho bộ phận hỗ trợ.")


def run_action(tag: str, book) -> tuple[bool, str]:
    """Run ACTIONS[tag] on `book`; on failure show a Vietnamese message box instead.

    Returns (succeeded, message shown). The action itself commits nothing until
    its end (see engine.Session), so a failure leaves the workbook unchanged.
    """
    action = ACTIONS.get(tag)
    if action is None:
        message = f"Nút «{tag}» không có lệnh tương ứng trong phiên bản kh_excel này. Hãy cài lại phần bổ trợ."
        _alert(book, message)
        return False, message
    try:
        return True, action(book)
    except Exception as exc:  # every failure becomes a message box
        if os.environ.get("KH_EXCEL_DEBUG"):
            raise
        message = failure_message(exc)
        _alert(book, message)
        return False, message


def _alert(book, message: str) -> None:
    try:
        if book.app.engine.name != "remote":
            book.app.status_bar = False  # the VBA's «đang xử lý…» must not stay
    except Exception:
        pass
    try:
        book.app.alert(message, title=TITLE, mode="critical")
    except Exception:  # no way left to tell the user; never crash RunPython
        pass


def run_from_excel(tag: str) -> None:
    """What the ribbon's VBA callback runs: the action on the workbook that called."""
    import xlwings as xw

    try:
        book = xw.Book.caller()
    except Exception:
        import ctypes

        message = "Không kết nối được với Excel để lấy sổ tính đang mở. Hãy mở sổ tính rồi bấm lại."
        try:
            ctypes.windll.user32.MessageBoxW(0, message, TITLE, 0x30)  # type: ignore[attr-defined]
        except Exception:
            pass
        return
    run_action(tag, book)
