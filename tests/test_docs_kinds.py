"""Document kinds are one registry (docs.kinds): what each entry says, and that a kind added there
is accepted by render, batch and settings with no other edit."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from kh_excel.docs import kinds
from kh_excel.docs.context import BODIES
from kh_excel.docs.render import bundled_template_dir
from kh_excel.docs.settings import settings_from_mapping, settings_from_rows

ROOT = Path(__file__).resolve().parents[1]
LAO_CAI = ROOT / "tests" / "data" / "samples" / "chi_tieu_2026_lao_cai.xlsx"
PLAN_ONLY = ROOT / "tests" / "data" / "samples" / "chi_tieu_2026_ke_hoach.xlsx"


def _text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_the_bundled_kinds_as_nd30_names_them():
    # Phụ lục III of Decree 30: tên loại and abbreviation; a công văn has neither
    got = {k.id: (k.ten_loai, k.viet_tat, k.report, k.needs_agency, k.cong_van) for k in kinds.all_kinds()}
    assert got == {
        "bao-cao": ("BÁO CÁO", "BC", True, False, False),
        "ke-hoach": ("KẾ HOẠCH", "KH", False, False, False),
        "chuong-trinh": ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "CTr", False, False, False),
        "giao-chi-tieu": ("", "", False, True, True),
        "thong-bao": ("THÔNG BÁO", "TB", True, False, False),
    }


@pytest.mark.parametrize("kind", kinds.all_kinds(), ids=lambda k: k.id)
def test_every_kind_has_its_template_body_and_appendix(kind):
    assert (bundled_template_dir() / kind.template).is_file()
    # the notice has no appendix (seed 004)
    assert kind.appendix or kind.id == "thong-bao"
    assert not kind.appendix or (bundled_template_dir() / "parts" / f"{kind.appendix}.docx").is_file()
    assert kind.body in BODIES
    # the period and what the indicators are of come from the table (rev11 D3, D8): never a fixed «kinh tế - xã hội»
    assert "{nam}" in kind.trich_yeu and "chi_tieu}" in kind.trich_yeu and "kinh tế" not in kind.trich_yeu


def test_every_button_of_a_kind_is_an_add_in_action():
    from kh_excel.addin import ACTIONS
    buttons = {k.button for k in kinds.all_kinds() if k.button}
    assert buttons == {"bao_cao", "ke_hoach", "theo_co_quan", "thong_bao"} and buttons <= set(ACTIONS)


# ---------------------------------------------------------------- a kind added in the test only

QUARTER = kinds.Kind("bao-cao-quy", "Báo cáo quý", "BÁO CÁO", "Báo cáo", "BC",
                     "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội quý IV năm {year}",
                     body="bao-cao", appendix="bang-ket-qua", report=True, aliases=("Báo cáo hằng quý",),
                     template="bao-cao.docx")


@pytest.fixture
def quarter(monkeypatch):
    monkeypatch.setitem(kinds._REGISTRY, QUARTER.id, QUARTER)
    return QUARTER


def test_settings_read_the_group_of_an_added_kind(quarter):
    rows = [["Chung", ""], ["Số văn bản", "01"], ["Báo cáo quý", ""], ["Số văn bản", "17"],
            ["Báo cáo hằng quý", ""], ["Đơn vị soạn thảo", "KT"]]
    s = settings_from_rows(rows)
    assert s.for_kind("bao-cao-quy") == {"so": "17", "don_vi_soan_thao": "KT"}
    assert s.for_kind("bao-cao") == {"so": "01"}
    assert settings_from_mapping({"bao-cao-quy": {"so": "18"}}).for_kind("bao-cao-quy") == {"so": "18"}


def test_an_unknown_group_lists_the_registry(quarter):
    from kh_excel.docs.settings import SettingsError
    with pytest.raises(SettingsError, match="bao-cao-quy"):
        settings_from_mapping({"bao-cao-nam": {"so": "1"}})


def test_render_command_accepts_an_added_kind(quarter, tmp_path):
    from kh_excel.cli import app
    out = tmp_path / "quy.docx"
    r = CliRunner().invoke(app, ["render", "bao-cao-quy", str(LAO_CAI), "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = _text(out)
    # the entry's own trích yếu, and the report's body and appendix
    assert "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội quý IV năm 2026" in text
    assert "28/40 chỉ tiêu đạt và vượt kế hoạch" in text
    assert "/BC-UBND" in text   # its abbreviation in the số/ký hiệu


def test_help_lists_each_kind_with_its_label():
    assert kinds.described() == ("bao-cao (Báo cáo), ke-hoach (Kế hoạch), chuong-trinh (Chương trình hành động), "
                                 "giao-chi-tieu (Giao chỉ tiêu), thong-bao (Thông báo kết luận)")


def test_render_of_an_unknown_kind_lists_the_added_one(quarter, tmp_path):
    from kh_excel.cli import app
    r = CliRunner().invoke(app, ["render", "bao-cao-nam", str(LAO_CAI), "-o", str(tmp_path / "x.docx")])
    assert r.exit_code == 2 and "bao-cao-quy" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "x.docx").exists()


def test_batch_accepts_an_added_kind(quarter, tmp_path):
    from kh_excel.batch.runner import BatchOptions, run
    src = tmp_path / "tinh.xlsx"
    shutil.copy(LAO_CAI, src)
    result = run(BatchOptions(inputs=[str(src)], output=tmp_path / "out", kind="bao-cao-quy", jobs=1))
    assert [(e.status, e.kind) for e in result.entries] == [("done", "bao-cao-quy")], \
        [e.reason for e in result.entries]
    written = tmp_path / "out" / result.entries[0].output
    assert "quý IV năm 2026" in _text(written)


def test_an_added_report_kind_is_gated_as_a_report(quarter, tmp_path):
    """report=True: a table with no result column is refused, as for bao-cao."""
    from kh_excel.core.gate import Refused
    from kh_excel.docs.api import render_document
    with pytest.raises(Refused) as exc:
        render_document(PLAN_ONLY, "bao-cao-quy", tmp_path / "x.docx")
    assert exc.value.code == 2 and not (tmp_path / "x.docx").exists()
    render_document(PLAN_ONLY, "ke-hoach", tmp_path / "kh.docx")  # the same table makes a plan
