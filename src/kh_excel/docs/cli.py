"""Commands `render`, `lint` and `settings` of `kh-excel`, registered on the top-level app."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from kh_excel.cli_core import TIMEOUT, fail, guarded
from kh_excel.docs import kinds


def register(app: typer.Typer) -> None:
    @app.command("render")
    def render(
        kind: str = typer.Argument(..., help=f"Loại văn bản: {kinds.described()}, "
                                             "hoặc đường dẫn tới một tệp mẫu .docx."),
        file: Path = typer.Argument(..., help="Tệp bảng tính chỉ tiêu (.xlsx, .xlsm, .xls, .ods)."),
        out: Path = typer.Option(..., "-o", "--output", help="Tệp Word (.docx) cần tạo."),
        settings: Optional[Path] = typer.Option(None, "--settings", help="Tệp TOML ghi đè cấu hình văn bản."),
        template: Optional[Path] = typer.Option(None, "--template", help="Dùng tệp mẫu này thay cho mẫu có sẵn."),
        pdf: bool = typer.Option(False, "--pdf", help="Xuất thêm tệp PDF cùng tên (cần LibreOffice)."),
        agency: Optional[str] = typer.Option(None, "--agency", help="Chỉ lấy các chỉ tiêu do cơ quan này chủ trì "
                                                                    f"(bắt buộc với {kinds.choices(lambda k: k.needs_agency)}; không phân biệt "
                                                                    "hoa thường, có dấu hay không)."),
        sheet: Optional[str] = typer.Option(None, "--sheet", help="Tên trang chứa bảng chỉ tiêu."),
        context_as: Optional[str] = typer.Option(None, "--context-kind", help="Với mẫu tự làm: dữ liệu theo loại "
                                                                              f"văn bản nào ({kinds.choices()})."),
        timeout: Optional[float] = typer.Option(None, "--timeout", callback=TIMEOUT,
                                                help="Thời gian tối đa (giây) cho LibreOffice, từ 1 đến 3600."),
        allow_errors: bool = typer.Option(False, "--allow-errors", help="Vẫn tạo văn bản khi bảng có lỗi: chỉ tiêu có "
                                                                       "số liệu sai ghi là «số liệu lỗi», không đánh giá."),
        agency_old: Optional[str] = typer.Option(None, "--co-quan", hidden=True),  # old spelling of --agency
        context_old: Optional[str] = typer.Option(None, "--loai", hidden=True),  # old spelling of --context-kind
        group: Optional[str] = typer.Option(None, "--group", help="Nhóm cột lấy số liệu (Toàn huyện, tên xã …); mặc định theo «Nhóm cột» của trang cấu hình, rồi nhóm toàn địa bàn."),
        period: Optional[str] = typer.Option(None, "--period", help="Kỳ lấy số liệu (6 tháng, 9 tháng, cả năm); mặc định theo «Kỳ» của trang cấu hình, rồi kỳ dài nhất đã có số liệu."),
    ) -> None:
        """Tạo văn bản Word theo Nghị định 30 từ bảng chỉ tiêu (và PDF nếu cần); mã thoát 1 nếu bảng có lỗi."""
        agency = agency or agency_old
        context_as = context_as or context_old

        def body() -> int:
            from kh_excel.docs.api import render_document

            if template is None and not kinds.find(kind) and not Path(kind).suffix.lower() == ".docx":
                fail(f"không có loại văn bản «{kind}»; chọn một trong: {kinds.choices()}, "
                      "hoặc chỉ ra tệp mẫu .docx.", 2)
            if out.suffix.lower() != ".docx":
                fail(f"tệp kết quả phải có đuôi .docx (đang là «{out.name}»).", 2)
            from kh_excel.core.gate import ALLOW_HINT_CLI, Refused
            try:
                result = render_document(file, kind, out, settings_toml=settings, template=template,
                                         agency=agency, sheet=sheet, pdf=pdf, context_as=context_as,
                                         timeout=timeout, allow_errors=allow_errors, group=group, period=period)
            except Refused as exc:
                fail(exc.reason + ("\n" + ALLOW_HINT_CLI if exc.errors else ""), exc.code)
            for w in result.warnings:
                sys.stderr.write(f"Cảnh báo: {w}\n")
            sys.stderr.write(f"Đã tạo {result.docx}\n")
            if result.pdf:
                sys.stderr.write(f"Đã tạo {result.pdf}\n")
            return 0
        guarded(body)

    @app.command("lint")
    def lint(
        doc: Path = typer.Argument(..., help="Tệp Word (.docx) cần kiểm tra thể thức."),
        as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON."),
        fix: bool = typer.Option(False, "--fix", help="Ghi bản sao đã sửa những lỗi sửa được an toàn (khổ giấy, lề, "
                                                     "phông, cỡ chữ, số 0 của ngày tháng, dấu câu nơi nhận, số trang); "
                                                     "cần -o."),
        out: Optional[Path] = typer.Option(None, "-o", "--output", help="Tệp .docx ghi bản đã sửa (với --fix)."),
    ) -> None:
        """Kiểm tra thể thức văn bản theo Nghị định 30/2020/NĐ-CP (mã thoát 1 nếu có quy tắc không đạt)."""
        def body() -> int:
            from kh_excel.errors import UserError

            try:
                return checked()
            except UserError as exc:
                if as_json:   # a reader of --json gets an object on stdout too
                    import json
                    sys.stdout.write(json.dumps({"file": str(doc), "ok": False, "error": str(exc)},
                                                ensure_ascii=False, indent=2) + "\n")
                raise

        def checked() -> int:
            from kh_excel.docs.lint import lint_docx, report_json

            if fix:
                from kh_excel.docs.lint.fix import fix_docx, fix_text

                if out is None:
                    fail("--fix cần tệp kết quả: thêm «-o TỆP_ĐÃ_SỬA.docx».", 2)
                if out.suffix.lower() != ".docx":
                    fail(f"tệp kết quả phải có đuôi .docx (đang là «{out.name}»).", 2)
                result = fix_docx(doc, out)
                report = result.after
                if as_json:
                    data = report.to_json()
                    data["fixed"] = result.fixed
                    data["text_changes"] = result.text_changes
                    data["not_fixed"] = [{"id": rid, "why": why} for rid, why in result.not_fixed]
                    import json
                    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
                else:
                    sys.stdout.write(fix_text(result) + "\n")
                return 0 if report.ok else 1
            if out is not None:
                fail("-o chỉ dùng cùng --fix.", 2)
            report = lint_docx(doc)
            sys.stdout.write((report_json(report) if as_json else report.to_text()) + "\n")
            return 0 if report.ok else 1
        guarded(body)

    @app.command("settings")
    def settings_cmd(
        file: Path = typer.Argument(..., help="Tệp bảng tính (.xlsx, .xlsm)."),
        out: Path = typer.Option(..., "-o", "--output", help="Bản sao bảng tính có thêm trang «Cấu hình văn bản»."),
        replace: bool = typer.Option(False, "--replace", help="Thay trang cấu hình đã có bằng trang mới."),
        example: bool = typer.Option(False, "--example", help="Ghi trang ví dụ đã điền sẵn của một tỉnh (Lào Cai) "
                                                             "để xem cách điền; không dùng để ban hành văn bản."),
        replace_old: bool = typer.Option(False, "--ghi-de", hidden=True),  # old spelling of --replace
    ) -> None:
        """Ghi bản sao bảng tính có thêm trang «Cấu hình văn bản»: đủ các mục, giá trị để trống (văn bản lấy theo
        bảng chỉ tiêu hoặc để chỗ tô vàng), cơ quan ban hành và địa danh lấy từ tên bảng."""
        replace = replace or replace_old
        def body() -> int:
            from kh_excel.docs.settings import example_settings_rows, settings_rows, write_settings_sheet
            from kh_excel.errors import UserError

            table = None
            try:
                from kh_excel.api import read_workbook
                table = read_workbook(file)
            except UserError:  # a workbook with no table yet: the settings can be prepared before it (a bug is raised)
                table = None
            rows = example_settings_rows(table.year if table else None) if example else settings_rows(table)
            written = write_settings_sheet(file, out, rows, replace=replace)
            what = ("trang ví dụ của tỉnh Lào Cai: thay mọi giá trị ở cột B trước khi tạo văn bản" if example else
                    "điền các giá trị ở cột B; ô để trống: văn bản lấy theo bảng chỉ tiêu hoặc để chỗ tô vàng")
            sys.stderr.write(f"Đã ghi {written} (trang «Cấu hình văn bản»: {what})\n")
            return 0
        guarded(body)
