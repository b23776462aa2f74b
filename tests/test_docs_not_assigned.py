"""A plan assigns no row the table notes as not assigned this year (note10 #8: a Kế hoạch stated «Diện tích trồng lúa:
đạt 500 ha» and charged Phòng Kinh tế with it while the Ghi chú said «Không giao chỉ tiêu năm nay»). Such a row is in
no part of a Kế hoạch, Chương trình or Giao chỉ tiêu (targets, assignments, appendix, the letter's count), and the
maker is told which rows were left out; a report still lists it, «Không đánh giá» with its note.

The table (by hand): section I rows 5-7 of Phòng Kinh tế, row 6 noted «Không giao chỉ tiêu năm nay», row 7 «không
giao»; section II row 9 «Không giao kế hoạch năm 2026» and row 10 «Không giao chỉ tiêu năm 2025» (another year: assigned
in 2026) of Phòng Văn hóa - Xã hội, row 11 «Chỉ tiêu đã điều chỉnh, không đánh giá» (not judged, still assigned) of
Phòng Kinh tế; row 12 a part of row 11."""
from __future__ import annotations

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kh_excel.api import read_workbook
from kh_excel.core.attainment import evaluate, note_not_assigned, note_not_judged
from kh_excel.docs.context import ContextError, build_context
from kh_excel.docs.settings import Settings

KT, VH = "Phòng Kinh tế", "Phòng Văn hóa - Xã hội"
ROWS = [["I", "CHỈ TIÊU KINH TẾ"],
        ["1", "Thu ngân sách nhà nước", "Tỷ đồng", 100, KT, None],
        ["2", "Diện tích trồng lúa", "Ha", 500, KT, "Không giao chỉ tiêu năm nay"],
        ["3", "Sản lượng lương thực", "Tấn", 300, KT, "không giao"],
        ["II", "CHỈ TIÊU XÃ HỘI"],
        ["4", "Tỷ lệ trường đạt chuẩn", "%", 80, VH, "Không giao kế hoạch năm 2026"],
        ["5", "Tổng số lao động có việc làm", "Người", 1000, VH, "Không giao chỉ tiêu năm 2025"],
        ["6", "Số km đường giao thông", "Km", 10, KT, "Chỉ tiêu đã điều chỉnh, không đánh giá"],
        ["-", "Đường liên thôn", "Km", 4, None, None]]


def _table(tmp_path, rows=ROWS):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU NĂM 2026 XÃ BẢO HÀ"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Cơ quan chủ trì", "Ghi chú"])
    for r in rows:
        ws.append(r)
    wb.save(tmp_path / "plan.xlsx")
    return read_workbook(tmp_path / "plan.xlsx", plan=True)


@pytest.mark.parametrize("note", ["Không giao chỉ tiêu năm nay", "không giao", "Không giao.", "KHONG GIAO KE HOACH",
                                  "Không giao do sáp nhập xã", "Không giao chỉ tiêu cho xã", "Năm 2026 không giao"])
def test_notes_that_assign_nothing_this_year(note):
    assert note_not_assigned(note, 2026) and note_not_judged(note, 2026)


@pytest.mark.parametrize("note", ["Đường không giao thông được", "Không giao đất", "Không giao chỉ tiêu năm 2025",
                                  "Chỉ tiêu đã điều chỉnh, không đánh giá", "Giao bổ sung", "Giao chỉ tiêu"])
def test_notes_that_do_not(note):
    assert not note_not_assigned(note, 2026)


WORDS = ["Đường", "liên thôn", "đã", "do", "sạt lở", "xã", "Chỉ tiêu", "năm 2026", "theo", "Nghị quyết", "thôn"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=4), st.sampled_from(["thông", "thông được", "đất", "nhau", "lưu",
                                                                     "dịch", "nhận", "khoán"]),
       st.lists(st.sampled_from(WORDS), max_size=4), st.sampled_from([" ", ", ", " - "]))
def test_giao_as_part_of_another_word_assigns_as_ever(before, tail, after, sep):
    # «không giao thông được», «không giao đất»: not a plan left unassigned, whatever stands around them
    note = sep.join([*before, f"không giao {tail}", *after])
    assert not note_not_assigned(note, 2026) and not note_not_judged(note, 2026)


@pytest.mark.parametrize("kind", ["ke-hoach", "chuong-trinh"])
def test_a_plan_states_and_assigns_only_the_rows_assigned(tmp_path, kind):
    ctx = build_context(evaluate(_table(tmp_path)), Settings(), kind)
    targets = [m for g in ctx["ct"]["nhom"] for m in g["muc"]]
    assert [m.split(":")[0] for m in targets] == [
        "- Thu ngân sách nhà nước", "- Tổng số lao động có việc làm", "- Số km đường giao thông",
        "- Đường liên thôn (Số km đường giao thông)"]
    assert [(r["stt"], r["ten"]) for r in ctx["pl"]["hang"]] == [
        ("I", "CHỈ TIÊU KINH TẾ"), ("1", "Thu ngân sách nhà nước"), ("II", "CHỈ TIÊU XÃ HỘI"),
        ("5", "Tổng số lao động có việc làm"), ("6", "Số km đường giao thông"), ("-", "Đường liên thôn")]
    charged = " ".join(str(x) for x in ctx["tc"]["muc"])
    assert "lúa" not in charged and "lương thực" not in charged and "trường đạt chuẩn" not in charged
    assert ("Phòng Kinh tế chủ trì tổ chức thực hiện 3 chỉ tiêu: (1) Thu ngân sách nhà nước; (2) Số km đường giao "
            "thông; (3) Đường liên thôn (Số km đường giao thông);") in charged
    (said,) = [w for w in ctx["canh_bao"] if "không giao" in w]
    assert said == ("3 chỉ tiêu ghi không giao chỉ tiêu năm 2026 (ở ghi chú hoặc ô kế hoạch) nên không được đưa vào "
                    "văn bản (không giao cho cơ quan nào, không có trong phụ lục): dòng 6 «Diện tích trồng lúa» (ghi chú "
                    "«Không giao chỉ tiêu năm nay»), dòng 7 «Sản lượng lương thực» (ghi chú «không giao»), dòng 9 «Tỷ lệ "
                    "trường đạt chuẩn» (ghi chú «Không giao kế hoạch năm 2026»). Nếu vẫn giao, hãy sửa ghi chú hoặc ô kế "
                    "hoạch các dòng đó.")


def test_a_letter_counts_and_lists_the_agencys_assigned_rows_only(tmp_path):
    ctx = build_context(evaluate(_table(tmp_path)), Settings(), "giao-chi-tieu", agency=KT)
    # (the part with its own plan is an item of its own, as for any letter)
    assert ctx["gc"]["so_chi_tieu"] == "3"
    assert [m.split(":")[0] for m in ctx["gc"]["muc"]] == ["- Thu ngân sách nhà nước", "- Số km đường giao thông",
                                                          "- Đường liên thôn (Số km đường giao thông)"]
    assert [r["ten"] for r in ctx["pl"]["hang"] if r["loai"] != "muc"] == [
        "Thu ngân sách nhà nước", "Số km đường giao thông", "Đường liên thôn"]


def test_a_part_of_an_indicator_not_assigned_goes_with_it(tmp_path):
    rows = [*ROWS[:-2], ["6", "Số km đường giao thông", "Km", 10, KT, "Không giao chỉ tiêu năm nay"], ROWS[-1]]
    names = [r["ten"] for r in build_context(evaluate(_table(tmp_path, rows)), Settings(), "ke-hoach")["pl"]["hang"]]
    assert "Số km đường giao thông" not in names and "Đường liên thôn" not in names


def test_an_agency_with_nothing_assigned_gets_no_letter_and_is_told_why(tmp_path):
    # row 10's note names 2025: assigned in 2026, the only row of the letter
    ctx = build_context(evaluate(_table(tmp_path)), Settings(), "giao-chi-tieu", agency=VH)
    assert ctx["gc"]["so_chi_tieu"] == "1" and ctx["gc"]["muc"][0].startswith("- Tổng số lao động có việc làm:")
    rows = [r for r in ROWS if r[0] != "5"]
    with pytest.raises(ContextError, match="mọi chỉ tiêu do Phòng Văn hóa - Xã hội chủ trì đều ghi chú không giao chỉ "
                                           "tiêu năm 2026"):
        build_context(evaluate(_table(tmp_path, rows)), Settings(), "giao-chi-tieu", agency=VH)


def test_a_report_still_lists_the_row_not_judged_with_its_note(tmp_path):
    ctx = build_context(evaluate(_table(tmp_path)), Settings(), "bao-cao")
    (row,) = [r for r in ctx["pl"]["hang"] if r["ten"] == "Diện tích trồng lúa"]
    assert row["ghi_chu"] == "Không giao chỉ tiêu năm nay"
    assert not [w for w in ctx["canh_bao"] if "không giao" in w]


def test_the_ribbon_writes_no_letter_to_an_agency_with_nothing_assigned(tmp_path, monkeypatch):
    # every row of Phòng Văn hóa - Xã hội not assigned: one letter (Phòng Kinh tế's), not a failed button
    from kh_excel.addin import run_action
    from kh_excel.addin.documents import OUTPUT_ENV
    from kh_excel.addin.payload import open_book
    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path / "van_ban"))
    _table(tmp_path, [r for r in ROWS if r[0] != "5"])
    ok, message = run_action("theo_co_quan", open_book(tmp_path / "plan.xlsx"))
    assert ok, message
    assert message.startswith("Đã tạo 1 văn bản")
    assert [p.name for p in (tmp_path / "van_ban").rglob("*.docx")] == ["Giao chỉ tiêu - Phòng Kinh tế.docx"]


def test_batch_makes_no_letter_for_an_agency_leading_only_rows_not_assigned():
    """hid2's finding: `kx batch --per agency` made a failed letter for an agency whose rows are all «Không giao
    chỉ tiêu năm nay»; a plan document lists its agencies without them, as the ribbon does, and a report keeps them."""
    from dataclasses import replace

    from kh_excel.batch.plan import lead_agencies
    from test_docs_data import make_table
    t = make_table()
    first = t.indicators[0]
    lone = "Phòng Dân tộc"
    t = replace(t, year=2026, indicators=[replace(i, lead=[lone], note="Không giao chỉ tiêu năm nay")
                                          if i.row == first.row else i for i in t.indicators])
    assert lone in [a for a, _ in lead_agencies(t)]
    assert lone not in [a for a, _ in lead_agencies(t, assigned_only=True)]


def test_a_plan_cell_written_not_assigned_is_a_row_not_assigned():
    """rev14 F-E: «Không giao» typed in the plan cell, not the note: the plan stated «- Số lao động: không giao.» and
    made its agency answerable for it. It is left out as the note's words leave a row out."""
    from dataclasses import replace
    from datetime import date

    from kh_excel.core.attainment import row_not_assigned
    from kh_excel.core.model import Target
    from test_docs_data import make_table
    t = make_table()
    first = t.indicators[0]
    t = replace(t, year=2026, indicators=[replace(i, target=Target(text="Không giao", op="text")) if i.row == first.row
                                          else i for i in t.indicators])
    assert row_not_assigned(t.indicators[0], 2026) == "Không giao"
    assert row_not_assigned(t.indicators[1], 2026) == ""
    ctx = build_context(evaluate(t), None, "ke-hoach", today=date(2026, 12, 2))
    assert any("(kế hoạch «Không giao»)" in w and f"dòng {first.row}" in w for w in ctx["canh_bao"])
    assert first.name not in " ".join(str(m) for m in ctx["tc"]["muc"])


def test_the_ribbon_makes_the_other_letters_when_one_is_refused(tmp_path, monkeypatch):
    """A row led by «UBND xã Tả Phìn (cũ)»: its letter is refused (rev14 D9), the ribbon still makes Phòng Kinh tế's
    and names the one it did not make."""
    from kh_excel.addin import run_action
    from kh_excel.addin.documents import OUTPUT_ENV
    from kh_excel.addin.payload import open_book
    monkeypatch.setenv(OUTPUT_ENV, str(tmp_path / "van_ban"))
    _table(tmp_path, [ROWS[0], ROWS[1], ["7", "Số hộ thoát nghèo", "Hộ", 30, "UBND xã Tả Phìn (cũ)", None]])
    ok, message = run_action("theo_co_quan", open_book(tmp_path / "plan.xlsx"))
    assert ok, message
    assert message.startswith("Đã tạo 1 văn bản")
    assert "Không tạo văn bản cho «UBND xã Tả Phìn (cũ)»" in message
    assert [p.name for p in (tmp_path / "van_ban").rglob("*.docx")] == ["Giao chỉ tiêu - Phòng Kinh tế.docx"]
