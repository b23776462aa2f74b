"""The collect report: per agency what it gave, what was refused and why; JSON or a terminal table."""
from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from kh_excel.collect.merge import ATTENTION, ITEM_LISTS, Collection

MATCHED_BY = {"key": "theo mã dòng của phiếu", "stt_name": "theo STT và tên chỉ tiêu"}
IDENTIFIED_BY = {"form": "phiếu nhập", "title": "tiêu đề bảng", "file_name": "tên tệp", "rows": "các chỉ tiêu trong tệp"}


def collection_json(coll: Collection) -> dict[str, Any]:
    agencies = []
    for a in coll.agencies:
        agencies.append({
            "agency": a.name,
            "returned": a.returned,
            "files": a.files,
            "earlier_files": a.earlier,
            "unsettled_rows": a.unsettled,
            "blank_files": a.blank,
            "identified_by": a.identified_by,
            "matched_by": a.matched_by,
            "counts": {k: len(v) for k, v in a.items.items()},
            **a.items,
            "notes": a.notes,
        })
    return {
        "master": coll.master,
        "sheet": coll.sheet,
        "output": coll.output,
        "written": len(coll.writes) - len(coll.skipped_cells),
        "agencies": agencies,
        "not_returned": coll.not_returned,
        "sent_earlier": [a.name for a in coll.agencies if a.earlier],
        "notes": coll.notes,
        "returned_twice": [a.name for a in coll.agencies if len(a.files) > 1],
        "conflicts": coll.conflicts,
        "failed": coll.failed,
        "skipped_cells": coll.skipped_cells,
        "needs_attention": coll.needs_attention,
    }


REPORT_SHEET = "Kết quả tổng hợp"
REPORT_HEADER = ["Cơ quan", "Nội dung", "Dòng", "STT", "Chỉ tiêu", "Chi tiết", "Tệp"]


def report_rows(coll: Collection) -> list[list[Any]]:
    """The report as sheet rows (the add-in puts them in the merged copy): everything but the plain fills."""
    rows: list[list[Any]] = [REPORT_HEADER]
    for a in coll.agencies:
        for k in ("empty", *ATTENTION):
            for item in a.items[k]:
                detail = "; ".join(x for x in (_detail(item), _where({**item, "file": ""})) if x)
                rows.append([a.name, ITEM_LISTS[k], item.get("row"), item.get("stt"), item.get("name"),
                             detail, item.get("file", "")])
        for note in a.notes:
            detail = "; ".join(x for x in (note["note"], _where({**note, "file": ""})) if x)
            rows.append([a.name, "ghi chú", note["row"], note["stt"], note["name"], detail, note["file"]])
    for c in coll.skipped_cells:
        rows.append(["", "không ghi", c["row"], None, None, f"ô {c['cell']}: {c['reason']}", ""])
    for f in coll.failed:
        rows.append([f.get("agency", ""), "tệp bị từ chối (không ghi)" if f.get("refused") else "tệp không đọc được",
                     None, None, None, f["reason"], f["file"]])
    for a in coll.agencies:
        for f in a.earlier:
            rows.append([a.name, "đã gửi trước", None, None, None, "đã tổng hợp vào bảng gốc" + _but(a), f])
    for name, shown in zip(coll.not_returned, coll.not_returned_shown()):
        rows.append([name, "chưa gửi", None, None, None, shown[len(name):].strip(" ()"), ""])
    rows += [["", "lưu ý", None, None, None, n, ""] for n in coll.notes]
    return rows


def _but(a) -> str:
    """What of an agency's earlier return is not in the master: the rows its figure is still in conflict on."""
    if not a.unsettled:
        return ""
    from kh_excel.core.validation import row_list
    return f"; trừ {'dòng' if len(a.unsettled) == 1 else 'các dòng'} {row_list(a.unsettled)}: khác số của cơ quan khác, chưa ghi"


def _detail(item: dict) -> str:
    extra = []
    if "old" in item:
        by = f" (số {item['old_by']} gửi trước)" if item.get("old_by") else ""
        extra.append(f"bảng gốc {item.get('old_shown', item['old'])}{by} → {item.get('new_shown', item['new'])}")
    if "master" in item:
        extra.append(f"kế hoạch «{item['master']}» bị sửa thành «{item['returned']}»")
        if item.get("result"):
            extra.append(f"số liệu {item['result']} ở ô {item['result_cell']} không ghi")
    if "unit_master" in item:
        extra.append(f"đơn vị tính «{item['unit_master']}» bị sửa thành «{item['unit_returned']}»")
        if item.get("result"):
            extra.append(f"số liệu {item['result']} ở ô {item['result_cell']} không ghi")
    if "values" in item:
        extra.append("các số: " + "; ".join(str(v) for v in item["values"]))
    if item.get("reason"):
        extra.append(item["reason"])
    return "; ".join(extra)


def _where(item: dict) -> str:
    """«tệp «Sở Xây dựng.xlsx», trang «Phiếu nhập», ô F9»: where the figure or refusal came from."""
    from pathlib import Path
    parts = [f"tệp «{Path(item['file']).name}»"] if item.get("file") else []
    parts += [f"trang «{item['sheet']}»"] if item.get("sheet") else []
    parts += [f"ô {item['cell']}"] if item.get("cell") else []
    return ", ".join(parts)


def _line(item: dict) -> str:
    head = f"dòng {item['row']}" if item.get("row") else ""
    # a long name shortened at a word, never cut inside one («… khám sàng lọ»: rev18 R18-17)
    what = f"{item.get('stt') or ''} {textwrap.shorten(item.get('name') or '', 60, placeholder=' …')}".strip()
    extra = "; ".join(x for x in (_detail(item), _where(item)) if x)
    text = ": ".join(x for x in (head, what) if x)
    return f"{text} ({extra})" if text and extra else text or extra


def print_collection(coll: Collection, show_all: bool = False) -> None:
    """The report on the terminal: per agency its counts and the rows to look at; past a screenful
    of rows an agency's rest is summarised by kind with the rows as ranges (--all or --json: all)."""
    from rich.console import Console
    from rich.markup import escape
    from kh_excel.cli_core import not_shown_line, rows_by_kind, split_screenful
    con = Console(highlight=False, soft_wrap=True)
    con.print(f"[bold]Bảng gốc:[/] {escape(coll.master)}   [bold]Trang:[/] {escape(coll.sheet)}")
    hidden = 0
    for a in coll.agencies:
        if not a.files:
            continue
        how = ", ".join(dict.fromkeys(IDENTIFIED_BY.get(i, i) for i in a.identified_by))
        con.print(f"\n[bold]{escape(a.name)}[/] — {len(a.files)} tệp (nhận ra qua {escape(how)})"
                  + (" [yellow]gửi nhiều lần[/]" if len(a.files) > 1 else "")
                  + (f"; đã gửi trước: {escape(_files(a.earlier))}" if a.earlier else ""))
        counts = ", ".join(f"{len(v)} {label}" for k, v in a.items.items() if v for label in [ITEM_LISTS[k]])
        con.print("  " + escape(counts or "không có dòng nào"))
        if a.blank:
            con.print(f"  [yellow]gửi phiếu trống[/] ({escape(_files([Path(f).name for f in a.blank]))}): không có số liệu nào"
                      + ("" if a.returned else ", chưa tính là đã gửi"))
        if a.matched_by["stt_name"] and "form" in a.identified_by:
            # (a master that gained a row since the forms, a sort of the form: the code names another row now)
            con.print(f"  [yellow]{a.matched_by['stt_name']} dòng có mã dòng không còn khớp, đã khớp theo STT và tên "
                      "chỉ tiêu[/]")
        elif a.matched_by["stt_name"]:
            con.print(f"  [yellow]{a.matched_by['stt_name']} dòng khớp {MATCHED_BY['stt_name']}[/] "
                      "(tệp không phải phiếu nhập của chương trình)")
        lines = [(k, item) for k in ATTENTION for item in a.items[k]] + [("note", n) for n in a.notes]
        listed, rest = split_screenful(lines, show_all)
        for k, item in listed:
            if k == "note":
                con.print(f"  [dim]{escape(_line({**item, 'reason': item['note']}))}[/]")
            else:
                con.print(f"  [{_colour(k)}]{escape(ITEM_LISTS[k])}[/] {escape(_line(item))}")
        for k, n, rows in rows_by_kind(rest, lambda x: x[0], lambda x: x[1].get("row")):
            label = "ghi chú" if k == "note" else ITEM_LISTS[k]
            con.print(f"  [{'dim' if k == 'note' else _colour(k)}]{escape(label)}[/] thêm {n} dòng: {rows or 'không rõ dòng'}")
        hidden += len(rest)
    listed, rest = split_screenful(coll.skipped_cells, show_all)
    for c in listed:
        con.print(f"[red]Không ghi[/] dòng {c['row']} (ô {c['cell']}): {escape(c['reason'])}")
    if rest:
        from kh_excel.core.validation import row_list
        con.print(f"[red]Không ghi[/] thêm {len(rest)} ô, ở các dòng {row_list(c['row'] for c in rest if c.get('row'))}")
        hidden += len(rest)
    for f in coll.failed:
        con.print(f"[red]{'Không nhận' if f.get('refused') else 'Lỗi'}:[/] {escape(f['reason'])}")
    before = [a for a in coll.agencies if a.earlier and not a.files]
    if before:
        con.print(f"\n[bold]Đã gửi trước[/] (đã tổng hợp vào bảng gốc, {len(before)}): "
                  + escape("; ".join(f"{a.name} ({_files(a.earlier)}{_but(a)})" for a in before)))
    # a conflict an earlier round left open that no agency listed above repeats: it is still to be settled
    shown = {item["row"] for a in coll.agencies if a.files for item in a.items["conflicts"]}
    still = {item["row"]: item for a in before for item in a.items["conflicts"] if item["row"] not in shown}
    if still:
        con.print(f"\n[bold]Còn khác số từ lần tổng hợp trước[/] (chưa ghi vào bảng gốc, {len(still)} dòng):")
        for item in still.values():
            con.print(f"  [{_colour('conflicts')}]{escape(ITEM_LISTS['conflicts'])}[/] {escape(_line(item))}")
    for n in coll.notes:
        con.print(f"[yellow]Lưu ý:[/] {escape(n)}")
    if coll.not_returned:
        con.print(f"\n[yellow]Chưa gửi ({len(coll.not_returned)}):[/] " + escape(", ".join(coll.not_returned_shown())))
    if hidden:
        con.print(not_shown_line([f"{hidden} dòng"]))
    written = len(coll.writes) - len(coll.skipped_cells)
    con.print(f"\n[bold]Đã ghi {written} số liệu[/], {len(coll.conflicts)} dòng có số liệu khác nhau giữa các cơ quan, "
              f"{sum(not f.get('refused') for f in coll.failed)} tệp không đọc được"
              + (f", {refused} tệp bị từ chối" if (refused := sum(bool(f.get('refused')) for f in coll.failed)) else "")
              + ".")


def _files(names: list[str]) -> str:
    return ", ".join(f"tệp «{n}»" for n in names)


def _colour(kind: str) -> str:
    return "red" if kind in ("refused_plans", "refused_units", "invalid", "far_off", "conflicts") else "yellow"
