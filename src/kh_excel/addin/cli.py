"""`kh-excel addin build` and `kh-excel addin install`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

addin_app = typer.Typer(help="Phần bổ trợ Excel (thẻ «Kế hoạch»): tạo tệp .xlam và cài vào Excel.",
                        no_args_is_help=True)


@addin_app.command("build")
def build_cmd(
    output: Path = typer.Option(Path("kh_excel.xlam"), "-o", "--output", help="Tệp .xlam cần tạo."),
) -> None:
    """Tạo tệp kh_excel.xlam từ mẫu của xlwings và mã nguồn trong thư mục addin/."""
    from kh_excel.addin.build import BuildError, build
    from kh_excel.cli_core import guarded

    def body() -> int:
        try:
            path = build(output)
        except BuildError as exc:
            raise BuildError(f"không tạo được phần bổ trợ: {exc}") from None
        typer.echo(f"Đã tạo {path} ({path.stat().st_size} byte).")
        return 0
    guarded(body)


@addin_app.command("install")
def install_cmd(
    file: Optional[Path] = typer.Option(None, "--file", help="Tệp .xlam cần cài (mặc định: bản đi kèm)."),
) -> None:
    """Cài phần bổ trợ vào thư mục XLSTART của Excel và trỏ Excel tới Python này (chỉ trên Windows)."""
    from kh_excel.addin.install import NOT_WINDOWS, install

    if not sys.platform.startswith("win"):
        typer.echo(NOT_WINDOWS, err=True)
        raise typer.Exit(2)
    try:
        target, conf = install(file)
    except OSError as exc:
        typer.echo(f"Lỗi: không cài được phần bổ trợ ({exc}). Nếu Excel đang mở, hãy đóng Excel rồi chạy lại lệnh.",
                   err=True)
        raise typer.Exit(2)
    typer.echo(f"Đã cài phần bổ trợ vào {target}.")
    typer.echo(f"Đã ghi cấu hình {conf} (Python: {sys.executable}).")
    typer.echo("Hãy khởi động lại Excel; thẻ «Kế hoạch» sẽ xuất hiện trên thanh công cụ.")


def register(app: typer.Typer) -> None:
    app.add_typer(addin_app, name="addin")
