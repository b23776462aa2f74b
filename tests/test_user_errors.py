"""One error type for messages a person reads (kh_excel.errors.UserError): the same bad settings
sheet, workbook or template gives the same Vietnamese message from render, batch (the item's
reason), the add-in (xlwings remote engine) and forms/collect; no UserError is ever shown as
«lỗi không mong đợi (XxxError: …)».

The expected messages are written here by hand from the inputs each test makes.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from helpers import make_template, run_cli, sample
from kh_excel.addin import failure_message, run_action
from kh_excel.addin.documents import OUTPUT_ENV
from kh_excel.addin.payload import open_book
from kh_excel.batch.runner import BatchOptions, run
from kh_excel.batch.worker import failure_reason
from kh_excel.errors import UserError

LAO_CAI = sample("chi_tieu_2026_lao_cai.xlsx")
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def _message(proc) -> str:
    """What a command printed as its error (exit 2, one «Lỗi: …», no traceback)."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr and "không mong đợi" not in proc.stderr
    text = proc.stderr.strip()
    assert text.startswith("Lỗi: "), text
    return text[len("Lỗi: "):]


def _batch_reason(src: Path, out: Path) -> str:
    result = run(BatchOptions(inputs=[str(src)], output=out, jobs=1))
    [entry] = result.entries
    assert entry.status == "failed"
    return entry.reason


def _addin(src: Path, tag: str, out: Path, monkeypatch) -> str:
    monkeypatch.setenv(OUTPUT_ENV, str(out))
    ok, message = run_action(tag, open_book(src))
    assert not ok
    return message


@pytest.fixture(scope="module")
def bad_settings(tmp_path_factory) -> Path:
    """The sample with a settings sheet whose «Ngày ban hành» (row 3) is no date."""
    path = tmp_path_factory.mktemp("settings") / "cau_hinh_sai.xlsx"
    shutil.copy(LAO_CAI, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("Cấu hình văn bản")
    for row in (["Mục", "Giá trị"], ["Chung", None], ["Ngày ban hành", "32/13/2026"]):
        ws.append(row)
    wb.save(path)
    return path


SETTINGS_MESSAGE = ("cau_hinh_sai.xlsx › Cấu hình văn bản dòng 3: Ngày ban hành: «32/13/2026» không phải là ngày "
                    "có thật (ngày 32, tháng 13, năm 2026)")


def test_a_bad_settings_sheet_reads_the_same_everywhere(bad_settings, tmp_path, monkeypatch):
    assert _message(run_cli("render", "bao-cao", bad_settings, "-o", tmp_path / "bc.docx")) == SETTINGS_MESSAGE
    assert _batch_reason(bad_settings, tmp_path / "batch") == SETTINGS_MESSAGE
    assert _addin(bad_settings, "bao_cao", tmp_path / "addin", monkeypatch) == SETTINGS_MESSAGE
    assert _message(run_cli("forms", bad_settings, "-o", tmp_path / "phieu")) == SETTINGS_MESSAGE
    assert _addin(bad_settings, "tao_phieu", tmp_path / "addin2", monkeypatch) == SETTINGS_MESSAGE
    assert not any(tmp_path.rglob("*.docx")) and not any(tmp_path.rglob("*.xlsx"))


@pytest.fixture(scope="module")
def no_table(tmp_path_factory) -> Path:
    """A workbook whose only sheet is a list of people, not an indicator table."""
    path = tmp_path_factory.mktemp("table") / "danh_sach.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["Họ tên", "Tuổi"])
    ws.append(["Nguyễn Văn A", 30])
    wb.save(path)
    return path


TABLE_REASON = ("không nhận ra tiêu đề bảng chỉ tiêu ở trang «Danh sách». Cột đã nhận ra: không có; cột còn "
                "thiếu: STT, Chỉ tiêu, Đơn vị tính, Kế hoạch, Cơ quan chủ trì. Bảng cần ít nhất cột «Chỉ tiêu» "
                "và cột «Kế hoạch».")


def test_a_workbook_without_a_table_reads_the_same_everywhere(no_table, tmp_path, monkeypatch):
    whole = f"Không đọc được tệp «{no_table}»: {TABLE_REASON}"
    assert _message(run_cli("render", "bao-cao", no_table, "-o", tmp_path / "bc.docx")) == whole
    assert _message(run_cli("forms", no_table, "-o", tmp_path / "phieu")) == whole
    returned = tmp_path / "nhan"
    returned.mkdir()
    assert _message(run_cli("collect", no_table, returned, "-o", tmp_path / "tong_hop.xlsx")) == whole
    assert _batch_reason(no_table, tmp_path / "batch") == TABLE_REASON  # the index names the file beside it
    # the add-in looks through every sheet and names the open workbook, then gives the same reason
    message = _addin(no_table, "bao_cao", tmp_path / "addin", monkeypatch)
    assert message == f"Không tìm thấy bảng chỉ tiêu trong sổ tính «danh_sach.xlsx». {TABLE_REASON[0].upper()}{TABLE_REASON[1:]}"


@pytest.fixture(scope="module")
def broken_templates(tmp_path_factory) -> Path:
    """The bundled templates, with a bao-cao.docx whose one paragraph leaves a {{ unclosed."""
    folder = tmp_path_factory.mktemp("mau") / "templates"
    shutil.copytree(TEMPLATES, folder, ignore=shutil.ignore_patterns("*.py", "*.md"))
    make_template(folder / "bao-cao.docx", ["Số: {{ vb.so_ky_hieu "])
    return folder


def test_a_broken_template_reads_the_same_everywhere(broken_templates, tmp_path, monkeypatch):
    proc = run_cli("render", "bao-cao", LAO_CAI, "-o", tmp_path / "bc.docx",
                   env={"KH_EXCEL_TEMPLATES": str(broken_templates)})
    message = _message(proc)
    assert message.startswith("Mẫu văn bản bao-cao.docx: ") and "Số: {{ vb.so_ky_hieu" in message
    monkeypatch.setenv("KH_EXCEL_TEMPLATES", str(broken_templates))
    from kh_excel.batch.state import BatchError
    with pytest.raises(BatchError) as exc:  # a broken template stops the run before any output
        run(BatchOptions(inputs=[str(LAO_CAI)], output=tmp_path / "batch", jobs=1))
    assert str(exc.value) == message
    assert _addin(LAO_CAI, "bao_cao", tmp_path / "addin", monkeypatch) == message
    assert not any(tmp_path.rglob("*.docx"))


# ---------------------------------------------------------------- no UserError is «không mong đợi»

def _instances() -> list[UserError]:
    from kh_excel.addin.actions import ActionError
    from kh_excel.addin.build import BuildError
    from kh_excel.batch.state import BatchError
    from kh_excel.collect.forms import CollectError
    from kh_excel.core.gate import Refused
    from kh_excel.docs.context import ContextError
    from kh_excel.docs.lint import LintError
    from kh_excel.docs.pdf import PdfError
    from kh_excel.docs.render import TemplateProblem
    from kh_excel.docs.settings import SettingsError
    from kh_excel.io.atomic import OutputRefused
    from kh_excel.io.limits import InputRefused
    from kh_excel.io.workbook import ChoiceAmbiguous, ChoiceNotFound, WorkbookError
    return [SettingsError("tệp cấu hình: sai"), ContextError("không có chỉ tiêu nào"), WorkbookError("a.xlsx", "hỏng"),
            ChoiceNotFound("a.xlsx", "không có nhóm «X»"), ChoiceAmbiguous("a.xlsx", "có 2 cột khớp với kỳ «năm 2026»"),
            InputRefused("a.xlsx", "quá lớn"),
            OutputRefused("b.docx", "là thư mục"), LintError("không đọc được"), PdfError("không có LibreOffice"),
            BatchError("không có tệp"), CollectError("không có cơ quan"), ActionError("sai", sheet="Trang 1", cell="B2"),
            BuildError("không có mẫu"), TemplateProblem("mau.docx", "thiếu }}"), Refused("bảng có lỗi", 1),
            UserError("sai", where="tệp «a.xlsx»")]


def test_every_user_error_class_is_listed_here():
    """A new UserError subclass is added to _instances (so the checks below cover it)."""
    import kh_excel.batch.runner  # noqa: F401  (imports the modules that define the rest)
    import kh_excel.collect.merge  # noqa: F401
    import kh_excel.docs.lint  # noqa: F401
    import kh_excel.docs.pdf  # noqa: F401

    def walk(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from walk(sub)

    listed = {type(e) for e in _instances()}
    missing = {c.__qualname__ for c in walk(UserError) if c.__module__.startswith("kh_excel")} - \
              {c.__qualname__ for c in listed}
    assert not missing - {"_FarReference"}, missing  # the limits' internal one reads as InputRefused


@pytest.mark.parametrize("exc", _instances(), ids=lambda e: type(e).__name__)
def test_no_front_end_calls_a_user_error_unexpected(exc, capsys):
    import typer

    from kh_excel.cli_core import guarded

    def body():
        raise exc

    with pytest.raises(typer.Exit) as code:
        guarded(body)
    assert code.value.exit_code == exc.exit_code
    assert capsys.readouterr().err.strip() == f"Lỗi: {exc}"
    assert failure_message(exc) == str(exc)
    reason = failure_reason(exc)
    assert reason in str(exc) and "không mong đợi" not in reason


def test_the_fallbacks_still_name_a_bug():
    assert "không mong đợi (KeyError" in failure_reason(KeyError("x"))
    assert "Lỗi không mong đợi (ZeroDivisionError" in failure_message(ZeroDivisionError("x"))


def test_user_error_where_leads_the_message():
    e = UserError("ô trống", where="tệp «a.xlsx», trang «Chỉ tiêu», ô D5")
    assert str(e) == e.message_vi == "tệp «a.xlsx», trang «Chỉ tiêu», ô D5: ô trống" and e.exit_code == 2
