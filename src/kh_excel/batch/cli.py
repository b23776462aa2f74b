"""`kh-excel batch`: many documents in one run — one per lead agency, or one per workbook."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, List, Optional

import typer

from kh_excel.cli_core import TIMEOUT
from kh_excel.docs import kinds

HELP = """Tạo hàng loạt văn bản: mỗi cơ quan chủ trì một văn bản, hoặc mỗi bảng tính một văn bản.

--per agency: mỗi cơ quan chủ trì trong bảng chỉ tiêu một văn bản (mặc định loại {per_agency}).
Không có --per agency: mỗi bảng tính một văn bản (nhiều tệp, mẫu tên tệp như «*.xlsx», hoặc cả thư mục).

Bảng tính có lỗi (như «kh-excel check» báo) bị từ chối, như «kh-excel render»; --allow-errors để vẫn tạo.
Văn bản đã có và còn đúng (cùng số liệu, mẫu và cấu hình) được bỏ qua, trừ khi dùng --force.
Danh sách kết quả ghi ở index.json và index.csv trong thư mục kết quả. Mã thoát 1 khi có mục lỗi.""".format(
    per_agency=kinds.DEFAULT_PER_AGENCY)
KIND_HELP = (f"Loại văn bản: {kinds.described()}; mặc định {kinds.DEFAULT_PER_AGENCY} khi --per agency, "
             f"{kinds.DEFAULT} khi không.")


def register(app: typer.Typer) -> None:
    @app.command("batch", help=HELP)
    def batch(
        inputs: Optional[List[str]] = typer.Argument(None, help="Tệp bảng tính, thư mục hoặc mẫu tên tệp (vd. «so-lieu/*.xlsx»)."),
        output: Optional[str] = typer.Option(None, "-o", "--output", help="Thư mục ghi văn bản."),
        per: Optional[str] = typer.Option(None, "--per", help="«agency»: mỗi cơ quan chủ trì một văn bản; «workbook» (mặc định): mỗi bảng tính một văn bản."),
        kind: Optional[str] = typer.Option(None, "--kind", help=KIND_HELP),
        template: Optional[str] = typer.Option(None, "--template", help="Tệp mẫu .docx thay cho mẫu có sẵn."),
        settings: Optional[Path] = typer.Option(None, "--settings", help="Tệp cấu hình TOML ghi đè trang «Cấu hình văn bản» của bảng tính."),
        sheet: Optional[str] = typer.Option(None, "--sheet", help="Tên trang chứa bảng chỉ tiêu."),
        group: Optional[str] = typer.Option(None, "--group", help="Nhóm cột lấy số liệu (Toàn huyện, tên xã …); mặc định nhóm toàn địa bàn."),
        period: Optional[str] = typer.Option(None, "--period", help="Kỳ lấy số liệu (6 tháng, 9 tháng, cả năm); mặc định kỳ dài nhất đã có số liệu."),
        pdf: Optional[bool] = typer.Option(None, "--pdf/--no-pdf", help="Xuất thêm PDF (LibreOffice)."),
        jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1, help="Số tiến trình làm song song (mặc định: số nhân CPU)."),
        force: Optional[bool] = typer.Option(None, "--force/--no-force", help="Tạo lại cả văn bản đã có và còn đúng."),
        ascii_names: Optional[bool] = typer.Option(None, "--ascii-names/--vietnamese-names", help="Tên tệp không dấu (so-tai-chinh.docx)."),
        recursive: Optional[bool] = typer.Option(None, "-r", "--recursive/--no-recursive", help="Lấy cả bảng tính trong thư mục con."),
        pdf_timeout: Optional[float] = typer.Option(None, "--pdf-timeout", callback=TIMEOUT, help="Thời gian tối đa (giây) cho mỗi văn bản khi chuyển sang PDF, từ 1 đến 3600 (mặc định 20, cộng 30 giây khởi động LibreOffice)."),
        allow_errors: Optional[bool] = typer.Option(None, "--allow-errors/--no-allow-errors", help="Vẫn tạo văn bản từ bảng có lỗi: chỉ tiêu có số liệu sai ghi là «số liệu lỗi», không đánh giá (mặc định: bảng có lỗi bị từ chối)."),
        manifest: Optional[Path] = typer.Option(None, "--manifest", help="Tệp TOML mô tả cả lượt chạy (cho chạy theo lịch)."),
        as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON (bảng tóm tắt chuyển sang stderr)."),
        quiet: bool = typer.Option(False, "-q", "--quiet", help="Không hiện tiến độ."),
    ) -> None:
        from kh_excel.cli_core import guarded

        given = {"inputs": inputs or None, "output": output, "per": per, "kind": kind, "template": template,
                 "settings": settings, "sheet": sheet, "group": group, "period": period, "pdf": pdf, "jobs": jobs,
                 "force": force, "ascii_names": ascii_names, "recursive": recursive, "pdf_timeout": pdf_timeout,
                 "allow_errors": allow_errors}
        guarded(lambda: main(given, manifest, as_json, quiet))


def build_options(given: dict[str, Any], manifest: Path | None):
    """Command-line values over the manifest's, over the defaults."""
    from kh_excel.batch.manifest import load_manifest
    from kh_excel.batch.runner import DEFAULT_PDF_TIMEOUT, BatchOptions
    from kh_excel.batch.state import BatchError

    values: dict[str, Any] = load_manifest(manifest) if manifest else {}
    for k, v in given.items():
        if v is not None:
            values[k] = v
    if not values.get("inputs"):
        raise BatchError("chưa chỉ ra tệp bảng tính nào (tệp, thư mục hoặc mẫu tên tệp, hoặc «inputs» trong --manifest).")
    if not str(values.get("output") or "").strip():  # -o '' is no folder, never the current one
        raise BatchError("chưa chỉ ra thư mục kết quả (-o THƯ_MỤC, hoặc «output» trong --manifest).")
    per = values.get("per", "workbook")
    if per in ("co-quan", "cơ quan", "agencies"):
        per = "agency"
    if values.get("kind") and values.get("template"):
        raise BatchError("chỉ dùng một trong --kind và --template.")
    from kh_excel.docs import kinds
    k = kinds.find(str(values.get("kind") or ""))
    if per == "agency" and k is not None and k.whole_only:
        raise BatchError(kinds.whole_only_message(k) + ".")
    return BatchOptions(
        inputs=list(values["inputs"]), output=Path(values["output"]), per=per,
        kind=values.get("kind"), template=values.get("template"),
        settings=Path(values["settings"]) if values.get("settings") else None,
        pdf=bool(values.get("pdf", False)), jobs=int(values.get("jobs", 0) or 0),
        force=bool(values.get("force", False)), ascii_names=bool(values.get("ascii_names", False)),
        sheet=values.get("sheet"), group=values.get("group"), period=values.get("period"), recursive=bool(values.get("recursive", False)),
        pdf_timeout=float(values.get("pdf_timeout", DEFAULT_PDF_TIMEOUT)), document=values.get("document"),
        allow_errors=bool(values.get("allow_errors", False)),
    )


def main(given: dict[str, Any], manifest: Path | None = None, as_json: bool = False, quiet: bool = False) -> int:
    """Run and report; returns the exit status (0 ok, 1 some items failed, 130 stopped).
    A run that cannot start raises BatchError (exit 2 with its message)."""
    from kh_excel.batch.progress import Progress, summary
    from kh_excel.batch.runner import run

    opts = build_options(given, manifest)   # BatchError: cannot run (exit 2)
    result = run(opts, Progress(quiet=quiet))
    if as_json:
        data = {"output": str(result.output), "exit_code": result.exit_code, "interrupted": result.interrupted,
                "elapsed": round(result.elapsed, 3), "stages": result.stages, "pdf_calls": result.pdf_calls,
                "counts": {s: sum(1 for e in result.entries if e.status == s) for s in ("done", "skipped", "failed")},
                "items": [e.to_json() for e in result.entries]}
        summary(result.entries, out=sys.stderr, elapsed=result.elapsed, pdf=result.pdf, folder=str(result.output))
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        summary(result.entries, elapsed=result.elapsed, pdf=result.pdf, folder=str(result.output))
    return result.exit_code
