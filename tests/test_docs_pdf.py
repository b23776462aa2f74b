"""PDF through real LibreOffice: the four kinds from the samples and the tricky document, in one soffice run."""
from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest

import kh_excel
from helpers import run_cli, sample
from kh_excel.core.attainment import evaluate
from kh_excel.docs.api import render_document
from kh_excel.docs.context import build_context
from kh_excel.docs.lint import lint_docx
from kh_excel.docs.pdf import PdfError, convert_many, find_soffice, pdf_fonts
from kh_excel.docs.render import Renderer, resolve_template
from kh_excel.docs.settings import example_settings_rows, settings_from_rows, write_settings_sheet
from test_docs_data import LONG_TEXT, TRICKY_AGENCY, make_table


SO_SETTINGS = """
co_quan_chu_quan = "UBND TỈNH LÀO CAI"
co_quan_ban_hanh = "SỞ TÀI CHÍNH"
so = "7"
ngay = "5/1/2026"
trich_yeu = "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu năm 2026 thuộc lĩnh vực tài chính, ngân sách, \
đầu tư công và phát triển doanh nghiệp trên địa bàn tỉnh Lào Cai theo Nghị quyết số 08/NQ-HĐND ngày 08/12/2025 \
của Hội đồng nhân dân tỉnh"
noi_nhan = ["Bộ Tài chính (b/c)", "Thường trực Tỉnh ủy (b/c)", "Thường trực HĐND tỉnh (b/c)",
            "Chủ tịch, các PCT UBND tỉnh (b/c)", "Văn phòng UBND tỉnh", "Các sở, ban, ngành tỉnh",
            "UBND các xã, phường", "Thuế tỉnh", "Kho bạc Nhà nước khu vực VIII", "Thống kê tỉnh",
            "Giám đốc, các Phó Giám đốc Sở", "Cổng thông tin điện tử Sở", "Báo và Phát thanh, Truyền hình tỉnh"]
luu = "VT, Th1, Th7"
nguoi_soan = "TH.(30)"
tham_quyen = "KT."
chuc_vu = "PHÓ GIÁM ĐỐC"
ho_ten = "Hoàng Văn Bình"
tham_quyen_2 = "KT."
chuc_vu_2 = "PHÓ GIÁM ĐỐC"
ho_ten_2 = "Nguyễn Thị Hoa"
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """Each kind from the sample workbooks (with the example settings sheet added) and a tricky report."""
    folder = tmp_path_factory.mktemp("pdf")
    example = example_settings_rows(2026)  # a filled-in sheet: the layout with every part present
    results = write_settings_sheet(sample("chi_tieu_2026_lao_cai.xlsx"), folder / "lao_cai.xlsx", example)
    plan = write_settings_sheet(sample("chi_tieu_2026_ke_hoach.xlsx"), folder / "ke_hoach.xlsx", example)
    docs = {
        "bao-cao": render_document(results, "bao-cao", folder / "bao-cao.docx").docx,
        "ke-hoach": render_document(plan, "ke-hoach", folder / "ke-hoach.docx").docx,
        "chuong-trinh": render_document(plan, "chuong-trinh", folder / "chuong-trinh.docx").docx,
        "giao-chi-tieu": render_document(results, "giao-chi-tieu", folder / "giao-chi-tieu.docx",
                                         agency="Sở Xây dựng").docx,
    }
    # a Sở report with two signers and a long Nơi nhận (the review's case where the signature table
    # jumped alone to a new page)
    (folder / "so.toml").write_text(SO_SETTINGS, encoding="utf-8")
    docs["so"] = render_document(sample("chi_tieu_2026_lao_cai.xlsx"), "bao-cao", folder / "so.docx",
                                 settings_toml=folder / "so.toml").docx
    settings = settings_from_rows(example_settings_rows(2026))
    ctx = build_context(evaluate(make_table(tricky=True)), settings, "bao-cao")
    docs["tricky"] = Renderer().render_to_file(resolve_template("bao-cao"), ctx, folder / "tricky.docx")
    pdfs = convert_many(list(docs.values()), folder / "pdf")
    return {k: p for k, p in zip(docs, pdfs)} | {f"{k}.docx": v for k, v in docs.items()}


def pdf_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@pytest.mark.parametrize("kind", ("bao-cao", "ke-hoach", "chuong-trinh", "giao-chi-tieu"))
def test_each_kind_converts_lints_and_uses_times_metrics(rendered, kind):
    pdf = rendered[kind]
    assert pages(pdf) >= 2
    fonts = pdf_fonts(pdf)
    # Liberation Serif (Times New Roman's metrics) for every glyph, Vietnamese ones included:
    # a fallback font here means LibreOffice substituted glyphs the font lacks (fonts-liberation2 needed)
    assert fonts and all(f.startswith("LiberationSerif") for f in fonts), fonts
    # a report keeps its highlighted «[…]» places for the author, which lint lists until filled
    assert set(lint_docx(rendered[f"{kind}.docx"]).failed()) <= {"placeholder.present"}
    first = pdf_text(pdf, 1, 1)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "Độc lập - Tự do - Hạnh phúc" in first


def test_page_numbers_from_page_two_and_appendix_numbered_on_its_own(rendered):
    pdf = rendered["bao-cao"]
    n = pages(pdf)
    texts = [pdf_text(pdf, i, i) for i in range(1, n + 1)]
    firsts = [next((line.strip() for line in t.splitlines() if line.strip()), "") for t in texts]
    assert firsts[0].startswith("ỦY BAN NHÂN DÂN")                   # no number on page 1
    assert firsts[1] == "2"
    appendix = next(i for i, t in enumerate(texts) if "(Kèm theo Báo cáo số" in t)
    assert firsts[appendix] == "Phụ lục"                              # the appendix starts unnumbered
    if appendix + 1 < n:
        assert firsts[appendix + 1] == "2"                            # and counts from 1 again
    assert all(firsts[i] == str(i + 1) for i in range(1, appendix))


def test_report_numbers_equal_the_attainment_command(rendered):
    table = kh_excel.read_workbook(sample("chi_tieu_2026_lao_cai.xlsx"))
    counts = kh_excel.evaluate(table).summary.counts
    text = " ".join(pdf_text(rendered["bao-cao"]).split())
    # one rule: «Cơ cấu GRDP» and its 4 parts are one item in the report and in `attainment` alike (28/40)
    met = counts["vuot"] + counts["dat"]
    evaluated = met + counts["khong_dat"]
    assert (met, evaluated) == (28, 40)
    assert f"Ước thực hiện cả năm 2026, có {met}/{evaluated} chỉ tiêu đạt và vượt kế hoạch; {counts['khong_dat']} chỉ tiêu" in text


def test_tricky_text_survives_libreoffice(rendered):
    text = pdf_text(rendered["tricky"])
    flat = " ".join(text.split())
    assert 'Tỷ lệ "A&B" <50% > 10 \'trích\'' in flat
    assert "lao động qua đào tạo" in flat
    assert " ".join(TRICKY_AGENCY.split()[:4]) in flat and "<VH>" in flat
    assert flat.count("<chi tiết>") >= LONG_TEXT.count("<chi tiết>") - 2   # wrapping may cut one or two


def test_missing_libreoffice_is_a_clear_error(tmp_path, monkeypatch, rendered):
    monkeypatch.setenv("KH_EXCEL_SOFFICE", str(tmp_path / "khong-co-soffice"))
    assert find_soffice() is None
    with pytest.raises(PdfError, match="không tìm thấy LibreOffice"):
        convert_many([rendered["bao-cao.docx"]], tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_hanging_conversion_is_killed_and_leaves_nothing(tmp_path, rendered):
    with pytest.raises(PdfError, match="không xong sau"):
        convert_many([rendered["bao-cao.docx"]], tmp_path / "out", timeout=0.3)
    assert not any((tmp_path / "out").glob("*.pdf"))


def test_private_profiles_let_conversions_run_side_by_side(tmp_path, rendered):
    errors: list[BaseException] = []
    outs: list[list[Path]] = []

    def work(i: int, doc: Path) -> None:
        try:
            outs.append(convert_many([doc], tmp_path / f"o{i}"))
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i, rendered[k]))
               for i, k in enumerate(("ke-hoach.docx", "giao-chi-tieu.docx"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(outs) == 2 and all(o[0].stat().st_size > 1000 for o in outs)


def test_cli_render_with_pdf(tmp_path):
    out = tmp_path / "kh.docx"
    proc = run_cli("render", "ke-hoach", sample("chi_tieu_2026_ke_hoach.xlsx"), "-o", out, "--pdf")
    assert proc.returncode == 0, proc.stderr
    assert out.exists() and (tmp_path / "kh.pdf").exists() and pages(tmp_path / "kh.pdf") >= 2


def test_signature_never_starts_a_page_alone(rendered):
    """The closing '…/.' paragraph goes with the signature table (keepNext honoured by LibreOffice)."""
    pdf = rendered["so"]
    texts = [pdf_text(pdf, n, n) for n in range(1, pages(pdf) + 1)]
    sign_page = next(i for i, t in enumerate(texts) if "Nguyễn Thị Hoa" in t)
    assert "./." in texts[sign_page], texts[sign_page][:400]
    assert "Số: 07/BC-STC" in texts[0] and "Sở Tài chính báo cáo" in texts[0]
    assert set(lint_docx(rendered["so.docx"]).failed()) <= {"placeholder.present"}
