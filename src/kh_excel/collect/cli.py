"""`kh-excel forms` and `kh-excel collect`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer


def register(app: typer.Typer) -> None:
    from kh_excel.cli_core import GROUP_HELP, PERIOD_HELP, SCREENFUL
    @app.command("forms")
    def forms(
        file: Path = typer.Argument(..., help="Bảng chỉ tiêu gốc (.xlsx, .xlsm, .xls, .ods)."),
        output: str = typer.Option(..., "-o", "--output", help="Thư mục ghi phiếu nhập (mỗi cơ quan chủ trì một tệp)."),
        sheet: Optional[str] = typer.Option(None, "--sheet", help="Tên trang chứa bảng chỉ tiêu."),
        group: Optional[str] = typer.Option(None, "--group", help=GROUP_HELP),
        period: Optional[str] = typer.Option(None, "--period", help=(
            "Kỳ báo cáo ghi trên phiếu (mặc định: mục «Kỳ báo cáo» của trang cấu hình); ở bảng chia cột theo kỳ "
            "(6 tháng, cả năm …) cũng là kỳ lấy cột thực hiện để nhập, không phân biệt hoa thường và dấu "
            "(mặc định: mục «Kỳ» của trang cấu hình, rồi kỳ dài nhất đã có số liệu).")),
        deadline: Optional[str] = typer.Option(None, "--deadline", help="Hạn gửi ghi trên phiếu (mặc định: mục «Hạn gửi số liệu» của trang cấu hình)."),
        ascii_names: bool = typer.Option(False, "--ascii-names", help="Tên tệp không dấu."),
        as_json: bool = typer.Option(False, "--json", help="In danh sách phiếu dạng JSON."),
    ) -> None:
        """Tạo phiếu nhập số liệu: mỗi cơ quan chủ trì một bảng tính chỉ gồm các chỉ tiêu của mình."""
        def body() -> int:
            from kh_excel.cli_core import print_groups, print_json, print_table_warnings
            from kh_excel.collect.forms import read_master, write_forms
            table, given = read_master(file, sheet=sheet, group=group, period=period, period_is_label=True)
            written = write_forms(file, output, table, period=period or given.get("ky_bao_cao", ""),
                                  deadline=deadline or given.get("han_gui", ""), ascii_names=ascii_names)
            # rows hidden in the master are on no form (no agency is asked for them): said, as attainment says it
            print_table_warnings(table.reader_findings)
            if as_json:
                print_json({"file": str(file), "sheet": table.sheet, "forms": [
                    {"agency": g.name, "indicators": len(g.indicators), "file": str(p)} for g, p in written]})
            else:
                for g, p in written:
                    print(f"{g.name}: {len(g.indicators)} dòng → {p}")
                print_groups(table)
                print(f"Đã tạo {len(written)} phiếu nhập trong {output}", file=sys.stderr)
            return 0
        from kh_excel.cli_core import guarded
        guarded(body)

    @app.command("collect")
    def collect(
        master: Path = typer.Argument(..., help="Bảng chỉ tiêu gốc."),
        returned: List[str] = typer.Argument(..., help="Các tệp các cơ quan gửi lại (tệp, thư mục hoặc mẫu tên tệp)."),
        output: str = typer.Option(..., "-o", "--output", help="Tệp bảng tổng hợp (bản sao bảng gốc có số liệu đã nhận)."),
        sheet: Optional[str] = typer.Option(None, "--sheet", help="Tên trang chứa bảng chỉ tiêu."),
        group: Optional[str] = typer.Option(None, "--group", help=GROUP_HELP),
        period: Optional[str] = typer.Option(None, "--period", help=PERIOD_HELP),
        as_json: bool = typer.Option(False, "--json", help="In báo cáo dạng JSON."),
        show_all: bool = typer.Option(False, "--all", help="Liệt kê từng dòng của báo cáo; mặc định, mỗi cơ quan quá "
                                                           f"{SCREENFUL} dòng thì phần còn lại được tóm tắt theo loại."),
    ) -> None:
        """Tổng hợp số liệu các cơ quan gửi lại vào bản sao bảng gốc; mã thoát 1 nếu có việc cần xem lại."""
        def body() -> int:
            from kh_excel.batch.inputs import expand_inputs
            from kh_excel.cli_core import fail, print_json
            from kh_excel.collect.merge import collect_files, write_merged
            from kh_excel.collect.report import collection_json, print_collection
            from kh_excel.io.atomic import check_output
            from kh_excel.io.attainment_xlsx import check_output_name
            if not master.exists():
                fail(f"Không tìm thấy tệp bảng gốc «{master}».")
            paths, problems = expand_inputs(list(returned))
            # before any work: every returned file (after folder/glob expansion) is an input too
            check_output(output, [master, *paths])
            check_output_name(output)
            paths = [p for p in paths if p.resolve() != master.resolve()]
            table, coll = collect_files(master, paths, sheet=sheet, group=group, period=period)
            coll.failed[:0] = [{"file": p.argument, "reason": f"«{p.argument}»: {p.reason}"} for p in problems]
            coll.output = str(write_merged(master, output, table, coll, paths))
            if as_json:
                print_json(collection_json(coll))
            else:
                print_collection(coll, show_all)
                from kh_excel.cli_core import print_groups
                print_groups(table)
                print(f"Đã ghi {coll.output}", file=sys.stderr)
            return 1 if coll.needs_attention else 0
        from kh_excel.cli_core import guarded
        guarded(body)
