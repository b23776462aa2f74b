"""lint and lint --fix over the hand-written corpus (tests/lint_corpus.py): documents typed the
ways offices type them, not made by our template builder.

Conformant documents pass; each broken one fails exactly the one rule its manifest names; the
package notices are reported as notices only; --fix gives a document lint passes whose text is
the same, except the listed date-zero and Nơi nhận punctuation fixes."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import hostile_files as hf
import lint_corpus as corpus
from helpers import docx_paragraphs, run_cli
from kh_excel.docs import vn
from kh_excel.docs.lint import LintError, lint_docx
from kh_excel.docs.lint.fix import fix_docx, fixed_date, fixed_noi_nhan


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> dict[str, Path]:
    return corpus.build_all(tmp_path_factory.mktemp("corpus"))


@pytest.mark.parametrize("name", list(corpus.CONFORMANT))
def test_conformant_documents_pass(docs, name):
    report = lint_docx(docs[name])
    assert report.ok and not report.notices(), report.to_text()
    assert not [r.id for r in report.rules if r.status == "unchecked"], report.to_text()


@pytest.mark.parametrize("name", list(corpus.BROKEN))
def test_each_broken_document_fails_its_rule_and_no_other(docs, name):
    rule = corpus.BROKEN[name][0]
    report = lint_docx(docs[name])
    assert report.failed() == [rule], f"{corpus.ABOUT.get(name, name)}\n{report.to_text()}"
    assert all(p.where and p.message for p in report.rule(rule).problems)


@pytest.mark.parametrize("name", list(corpus.NOTICES))
def test_package_notices_are_notices_not_failures(docs, name):
    rule = corpus.NOTICES[name][0]
    report = lint_docx(docs[name])
    assert report.ok and report.notices() == [rule], report.to_text()
    assert report.rule(rule).severity == "notice"


@pytest.mark.parametrize("name", list(corpus.HOSTILE))
def test_hostile_documents_are_refused(tmp_path, name):
    path = corpus.HOSTILE[name](tmp_path / f"{name}.docx")
    with pytest.raises(LintError):
        lint_docx(path)


def _text_diff(a: Path, b: Path) -> list[tuple[str, str]]:
    before, after = docx_paragraphs(a), docx_paragraphs(b)
    assert len(before) == len(after)
    return [(x, y) for x, y in zip(before, after) if x != y]


@pytest.mark.parametrize("name", list(corpus.BROKEN))
def test_fix_gives_a_passing_document_with_the_same_text(docs, tmp_path, name):
    rule, _, fixable = corpus.BROKEN[name]
    src = docs[name]
    before = src.read_bytes()
    out = tmp_path / "sua.docx"
    result = fix_docx(src, out)
    assert src.read_bytes() == before          # the input is never touched
    if fixable:
        assert result.after.ok and rule in result.fixed, result.after.to_text()
    else:
        assert result.after.ok or rule in dict(result.not_fixed), result.after.to_text()
    changed = _text_diff(src, out)
    listed = "\n".join(result.text_changes)
    for old, new in changed:     # only the text fixes, each one listed
        assert f"«{old.strip()}» → «{new.strip()}»" in listed, (old, new, listed)
    if rule not in ("dia_danh_ngay.format", "noi_nhan_item.format"):
        assert not changed


@pytest.mark.parametrize("name", list(corpus.CONFORMANT))
def test_fix_of_a_conformant_document_changes_nothing_it_reads(docs, tmp_path, name):
    result = fix_docx(docs[name], tmp_path / "sua.docx")
    assert result.after.ok and not result.fixed and not result.text_changes
    assert not _text_diff(docs[name], tmp_path / "sua.docx")


def test_fix_cli_needs_an_output_and_never_writes_onto_the_input(docs, tmp_path):
    src = next(docs[n] for n, (rule, _, fixable) in corpus.BROKEN.items() if fixable)
    proc = run_cli("lint", src, "--fix")
    assert proc.returncode == 2 and "-o" in proc.stderr
    before = src.read_bytes()
    proc = run_cli("lint", src, "--fix", "-o", src)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and src.read_bytes() == before
    out = tmp_path / "sua.docx"
    proc = run_cli("lint", src, "--fix", "-o", out, "--json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads(proc.stdout)
    assert data["ok"] and data["fixed"] and data["not_fixed"] == []
    proc = run_cli("lint", out)
    assert proc.returncode == 0 and "Kết quả: đạt" in proc.stdout


# ------------------------------------------------------------------ a Quyết định


QD = corpus.Spec(
    kind="QĐ", ban_hanh=corpus.UBND, number="125/QĐ-UBND", place="Lào Cai", date=(5, 1, 2026),
    ten_loai="QUYẾT ĐỊNH", trich_yeu=["Về việc giao chỉ tiêu kế hoạch phát triển", "kinh tế - xã hội năm 2026"],
    tham_quyen="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
    can_cu=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Căn cứ Nghị quyết số 25/NQ-HĐND ngày 10 tháng 12 năm 2025 của Hội đồng nhân dân tỉnh;",
            "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 12/TTr-STC ngày 02 tháng 01 năm 2026."],
    body=[("heading_center", "QUYẾT ĐỊNH:"),
          ("dieu", "Điều 1. Giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026 cho các sở, ban, ngành, "
                   "Ủy ban nhân dân các xã, phường (chi tiết tại Phụ lục kèm theo)."),
          ("dieu", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
          ("dieu", "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ban, ngành và Chủ tịch Ủy ban "
                   "nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này./.")],
    authority=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signer="Trần Huy Tuấn",
    noi_nhan=["- Như Điều 3;", "- TT. Tỉnh ủy, TT. HĐND tỉnh;", "- Lưu: VT, TH."])


@pytest.mark.parametrize("fault, rule", [
    (None, None),
    ({"look": {"can_cu": {"italic": False}}}, "can_cu.italic"),
    ({"look": {"trich_yeu": {"italic": True}}}, "trich_yeu.italic"),
    ({"look": {"ten_loai": {"bold": False}}}, "ten_loai.bold"),
    ({"look": {"body": {"italic": True}}}, "body.italic"),
], ids=["conformant", "can-cu-upright", "trich-yeu-italic", "ten-loai-not-bold", "dieu-italic"])
def test_a_quyet_dinh_has_its_title_can_cu_and_dieu_examined(tmp_path, fault, rule):
    from kh_excel.docs.lint.parts import find_parts
    from kh_excel.docs.lint.reader import Docx
    path = corpus.build(QD, tmp_path / "qd.docx", fault=fault)
    parts = find_parts(Docx(path))
    assert parts.ten_loai.text == "QUYẾT ĐỊNH" and len(parts.trich_yeu) == 2 and len(parts.can_cu) == 3
    assert [k for k, _ in parts.headings] == ["dieu"] * 3 and parts.body[0].text.startswith("Điều 1.")
    report = lint_docx(path)
    assert report.failed() == ([rule] if rule else []), report.to_text()


# ------------------------------------------------------------------ the two text fixes


@given(st.dates(date(2000, 1, 1), date(2099, 12, 31)), st.booleans(), st.booleans())
def test_fixed_date_always_has_the_decree_zeros(when, zero_day, zero_month):
    day, month, year = when.day, when.month, when.year
    d = f"{day:02d}" if zero_day else str(day)
    m = f"{month:02d}" if zero_month else str(month)
    fixed = fixed_date(f"ngày {d} tháng {m} năm {year}")
    assert vn.check_date_words(fixed) is None, fixed
    want_month = f"{month:02d}" if month < 3 else str(month)
    assert fixed == f"ngày {day:02d} tháng {want_month} năm {year}"


def test_fixed_date_examples_from_nd30():
    assert fixed_date("Lào Cai, ngày 5 tháng 1 năm 2026") == "Lào Cai, ngày 05 tháng 01 năm 2026"
    assert fixed_date("Lào Cai, ngày 15 tháng 03 năm 2026") == "Lào Cai, ngày 15 tháng 3 năm 2026"
    assert fixed_date("ngày 03 tháng 02 năm 2026") == "ngày 03 tháng 02 năm 2026"


@pytest.mark.parametrize("text, last, want", [
    ("- Bộ Tài chính.", False, "- Bộ Tài chính;"),
    ("Bộ Tài chính;", False, "- Bộ Tài chính;"),
    ("- Lưu: VT, TH;", True, "- Lưu: VT, TH."),
    ("-  Lưu: VT, TH", True, "- Lưu: VT, TH."),
    ("- Bộ Tài chính; (b/c)", False, None),          # a note after «;»: the author decides
    ("- Bộ Tài chính;", True, None),                 # the last line is not «Lưu»
])
def test_fixed_noi_nhan(text, last, want):
    assert fixed_noi_nhan(text, last) == want


def test_a_zip_bomb_is_refused_by_lint_and_fix_within_bounded_memory(tmp_path):
    """Reading stays inside io/limits.py's bounds: the 1.5 GB bomb is refused before any part is
    inflated (the old reader used 2.1 GB on one)."""
    bomb = hf.zip_bomb_docx(tmp_path / "bom.docx", 1500)
    for args in (("lint", bomb), ("lint", bomb, "--fix", "-o", tmp_path / "x.docx")):
        rc, out, err, _, peak = hf.run_limited(*args)
        assert rc == 2 and "giải nén gấp" in err and "Traceback" not in err, err[-1500:]
        assert peak < 400, f"peak {peak:.0f} MiB"
    assert not (tmp_path / "x.docx").exists()
