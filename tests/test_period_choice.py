"""--period / --group (and «Kỳ» / «Nhóm cột» of the settings) that match more than one column are asked, never
guessed, by one rule every command shares (core.table.match_choice). Every expected column, figure and message
below is decided by hand from the small tables built here."""
from __future__ import annotations

import openpyxl
import pytest
from hypothesis import given, strategies as st

from helpers import run_cli, run_json
from kh_excel.api import read_workbook
from kh_excel.core.table import match_choice
from kh_excel.core.text import fold
from kh_excel.io.workbook import ChoiceAmbiguous, ChoiceNotFound

TITLE = "CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026"
ROW = [1, "Thu ngân sách nhà nước", "Tỷ đồng", 1000, 400, 1020, "Sở Tài chính"]


def _book(path, header, rows, merges=(), sheet="Chỉ tiêu"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([TITLE])
    for r in [*header, *rows]:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


# D plan, E six months, F the year's estimate
SIX_AND_YEAR = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện 6 tháng năm 2026",
                "Ước thực hiện cả năm 2026", "Cơ quan chủ trì"]
AMBIGUOUS_2026 = ("trang «Chỉ tiêu» có 2 cột khớp với kỳ «năm 2026»: cột E «Thực hiện 6 tháng năm 2026», cột F «Ước "
                  "thực hiện cả năm 2026»; chương trình không tự chọn một trong số đó: hãy ghi kỳ rõ hơn (--period, "
                  "hoặc mục «Kỳ» của trang «Cấu hình văn bản» nếu kỳ được ghi ở đó), ví dụ ghi đủ tên «Ước thực hiện "
                  "cả năm 2026».")


@pytest.fixture
def six_and_year(tmp_path):
    return _book(tmp_path / "chi_tieu.xlsx", [SIX_AND_YEAR], [ROW])


# ------------------------------------------------------------------------------------------- the rule itself

def test_the_whole_label_wins_over_labels_that_contain_it():
    # «năm 2026» is the whole label of «Năm 2026»: that column, though two others hold the same words
    assert match_choice("năm 2026", ["KH năm 2026", "Thực hiện 6 tháng năm 2026", "Năm 2026"]) == [2]
    assert match_choice("  NAM   2026 ", ["KH năm 2026", "Năm 2026"]) == [1]   # accents, case, spacing ignored
    # no whole label: every label holding the words is designated, for the caller to refuse
    assert match_choice("2026", ["Thực hiện 6 tháng năm 2026", "Ước thực hiện cả năm 2026"]) == [0, 1]
    assert match_choice("năm 2026", ["Thực hiện 6 tháng năm 2026", "Ước thực hiện cả năm 2026"]) == [0, 1]


def test_words_are_whole_words():
    # «sơn hà» is one commune, not the start of another's name; «quý I» is not «quý II»; 6 months are not 16
    assert match_choice("sơn hà", ["Xã Sơn Hải", "Xã Sơn Hà"]) == [1]
    assert match_choice("quy i", ["TH quý I", "TH quý II", "TH quý III"]) == [0]
    assert match_choice("6 tháng", ["TH 16 tháng", "TH 6 tháng"]) == [1]
    assert match_choice("sơn", ["Xã Sơn Hải", "Xã Sơn Hà"]) == [0, 1]
    assert match_choice("", ["Năm 2026"]) == [] and match_choice("9 tháng", ["6 tháng"]) == []


LABELS = st.lists(st.text(alphabet="aăâbcdđeêhiklmnoôơqtuưy 0126/ÁÀẢÃẠỨ", min_size=1, max_size=20)
                  .filter(lambda s: fold(s).strip()), min_size=1, max_size=6)


@given(LABELS, st.data())
def test_a_columns_whole_label_always_chooses_it(labels, data):
    """What the refusal tells the person to write (a column's whole label) always works: it designates that
    column and only those of the same label; and nothing is ever designated that does not hold the words."""
    i = data.draw(st.integers(0, len(labels) - 1))
    hits = match_choice(labels[i], labels)
    assert i in hits and all(fold(labels[j]) == fold(labels[i]) for j in hits)
    wanted = data.draw(st.text(alphabet="anămhtá 26", max_size=8))
    assert all(fold(wanted).strip() in fold(labels[j]) for j in match_choice(wanted, labels))


# ------------------------------------------------------------------------------------------- every command

@pytest.mark.parametrize("command", ["check", "attainment", "render", "forms", "collect"])
def test_every_command_refuses_a_period_of_two_columns_with_the_same_words(six_and_year, tmp_path, command):
    """«năm 2026» is in E (6 months) and F (the year's estimate): no command takes E because it comes first."""
    out = tmp_path / "out"
    args = {"check": ("check", six_and_year), "attainment": ("attainment", six_and_year, "-o", out / "x.xlsx"),
            "render": ("render", "bao-cao", six_and_year, "-o", out / "bc.docx"),
            "forms": ("forms", six_and_year, "-o", out),
            "collect": ("collect", six_and_year, six_and_year, "-o", out / "th.xlsx")}[command]
    proc = run_cli(*args, "--period", "năm 2026")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.strip() == f"Lỗi: Tệp «{six_and_year}»: {AMBIGUOUS_2026}"
    assert not out.exists()  # nothing written


def test_the_api_raises_the_choice_and_a_longer_text_chooses(six_and_year):
    with pytest.raises(ChoiceAmbiguous) as err:
        read_workbook(six_and_year, period="2026")
    assert "cột E «Thực hiện 6 tháng năm 2026», cột F «Ước thực hiện cả năm 2026»" in str(err.value)
    assert isinstance(err.value, ChoiceNotFound)  # every caller reporting a failed choice reports this one
    # the example the message gives, and the shorter words of one column only
    assert read_workbook(six_and_year, period="Ước thực hiện cả năm 2026").columns["result"] == 5
    assert read_workbook(six_and_year, period="cả năm").columns["result"] == 5
    assert read_workbook(six_and_year, period="6 tháng").columns["result"] == 4


def test_a_column_named_exactly_as_written_is_the_one_chosen(tmp_path):
    """D «KH năm 2026», E «Thực hiện 6 tháng năm 2026», F «Năm 2026». «năm 2026» is F's whole label: the person
    wrote that column's name, so F (1.020, the whole year) is read, beyond its plan of 1.000 (Vượt) — not E's 400,
    which would be six months' progress. D is a plan: a period chooses the result column, never the plan, so D is
    no candidate at all (and is never named in a refusal). «2026» is the whole label of none: E and F both hold it."""
    path = _book(tmp_path / "t.xlsx", [["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "Thực hiện 6 tháng năm 2026",
                                        "Năm 2026", "Cơ quan chủ trì"]], [ROW])
    code, att = run_json("attainment", path, "--json", "--period", "năm 2026")
    (row,) = att["indicators"]
    assert code == 0 and att["columns"]["result"] == {"column": "F", "header": "Năm 2026"}
    assert (row["result"], row["status"]) == (1020, "vuot")
    t = read_workbook(path, period="năm 2026")
    assert (t.columns["target"], t.columns["result"]) == (3, 5)
    with pytest.raises(ChoiceAmbiguous) as err:
        read_workbook(path, period="2026")
    assert "cột E «Thực hiện 6 tháng năm 2026», cột F «Năm 2026»;" in str(err.value)
    assert "cột D" not in str(err.value) and "ví dụ ghi đủ tên «Năm 2026»" in str(err.value)


def test_one_period_of_two_years_is_this_years_and_two_columns_of_one_period_are_asked(tmp_path):
    """The plan names no year: «6 tháng» in «TH 6 tháng 2025» and «TH 6 tháng 2026» is one period of two years, the
    latest the result (400) and the other the previous year (380), as without --period. Two columns of the same
    six months of 2026 (done and estimated) are two figures for one period: asked."""
    path = _book(tmp_path / "y.xlsx", [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "TH 6 tháng 2025", "TH 6 tháng 2026"]],
                 [[1, "Thu ngân sách", "Tỷ đồng", 1000, 380, 400]])
    t = read_workbook(path, period="6 tháng")
    assert (t.columns["result"], t.indicators[0].result, t.indicators[0].previous) == (5, 400, 380)
    path = _book(tmp_path / "two.xlsx", [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Thực hiện 6 tháng năm 2026",
                                          "Ước thực hiện 6 tháng năm 2026"]], [[1, "Thu ngân sách", "Tỷ đồng", 1000, 400, 410]])
    with pytest.raises(ChoiceAmbiguous, match="cột E «Thực hiện 6 tháng năm 2026», cột F «Ước thực hiện 6 tháng năm 2026»"):
        read_workbook(path, period="6 tháng")
    assert read_workbook(path, period="thực hiện 6 tháng năm 2026").indicators[0].result == 400
    # a plan of 2025 beside six months of 2025 and 2026: the plan's year (380), not the latest against 2025's plan
    path = _book(tmp_path / "p25.xlsx", [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025", "TH 6 tháng 2025",
                                          "TH 6 tháng 2026"]], [[1, "Thu ngân sách", "Tỷ đồng", 1000, 380, 400]])
    assert read_workbook(path, period="6 tháng").indicators[0].result == 380


def test_two_columns_of_one_label_are_told_apart_by_their_letters(tmp_path):
    """No text tells two «TH 6 tháng năm 2026» apart: the message offers the column's letter, and «cột E» / «cột F»
    read 400 / 410; without a choice the table is refused (two results of one period), never the rightmost taken."""
    path = _book(tmp_path / "dup.xlsx", [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "TH 6 tháng năm 2026",
                                          "TH 6 tháng năm 2026"]], [[1, "Thu ngân sách", "Tỷ đồng", 1000, 400, 410]])
    with pytest.raises(ChoiceAmbiguous) as err:
        read_workbook(path, period="TH 6 tháng năm 2026")
    assert str(err.value).endswith("cột E «TH 6 tháng năm 2026», cột F «TH 6 tháng năm 2026»; chương trình không tự "
                                   "chọn một trong số đó: các cột này cùng tên: hãy chọn theo chữ cái của cột (--period, "
                                   "hoặc mục «Kỳ» của trang «Cấu hình văn bản»), ví dụ «cột F», hoặc sửa tên cột trong "
                                   "bảng cho khác nhau.")
    assert read_workbook(path, period="cột E").indicators[0].result == 400
    assert read_workbook(path, period="Cột F").indicators[0].result == 410
    with pytest.raises(ChoiceAmbiguous, match="có 2 cột kết quả cùng kỳ: cột E .*, cột F"):
        read_workbook(path)
    with pytest.raises(ChoiceNotFound, match="không có kỳ nào khớp với «cột C»; kỳ hiện có: «cột E», «cột F»"):
        read_workbook(path, period="cột C")  # no result column: refused, listing the result columns


# ------------------------------------------------------------------------------------------- column groups

@pytest.fixture
def communes(tmp_path):
    """D:E Xã Sơn Hải (plan 1.000, 400), F:G Xã Sơn Hà (plan 1.020, 900)."""
    return _book(tmp_path / "xa.xlsx", [["STT", "Chỉ tiêu", "ĐVT", "Xã Sơn Hải", None, "Xã Sơn Hà", None],
                                        [None, None, None, "KH 2026", "TH 2026", "KH 2026", "TH 2026"]],
                 [[1, "Thu ngân sách", "Tỷ đồng", 1000, 400, 1020, 900]],
                 ["A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:G2"])


def test_a_commune_is_never_read_for_another_whose_name_starts_the_same(communes):
    """«sơn hà» used to read Xã Sơn Hải (the first group containing the letters): its 400 is not Sơn Hà's 900."""
    t = read_workbook(communes, group="sơn hà")
    assert (t.group, t.indicators[0].result) == ("Xã Sơn Hà", 900)
    assert read_workbook(communes, group="Xã Sơn Hải").indicators[0].result == 400


def test_a_group_of_two_communes_is_asked(communes):
    proc = run_cli("check", communes, "--group", "sơn")
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"Lỗi: Tệp «{communes}»: trang «Chỉ tiêu» có 2 nhóm cột khớp với «sơn»: cột D:E «Xã Sơn Hải», cột F:G «Xã Sơn "
        "Hà»; chương trình không tự chọn một trong số đó: hãy ghi nhóm cột rõ hơn (--group, hoặc mục «Nhóm cột» của "
        "trang «Cấu hình văn bản» nếu nhóm cột được ghi ở đó), ví dụ ghi đủ tên «Xã Sơn Hà».")


def test_a_period_group_of_two_is_asked(tmp_path):
    """Periods as merged groups: «quý» is in D:E «Quý I» and F:G «Quý II»; «quý I» is only D:E's."""
    path = _book(tmp_path / "q.xlsx", [["STT", "Chỉ tiêu", "ĐVT", "Quý I", None, "Quý II", None],
                                       [None, None, None, "KH", "TH", "KH", "TH"]],
                 [[1, "Thu ngân sách", "Tỷ đồng", 250, 240, 250, 260]],
                 ["A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:G2"])
    with pytest.raises(ChoiceAmbiguous, match="có 2 cột khớp với kỳ «quý»: cột D:E «Quý I», cột F:G «Quý II»;"):
        read_workbook(path, period="quý")
    assert read_workbook(path, period="quý I").indicators[0].result == 240


# ------------------------------------------------------------------------------------------- the add-in

def test_the_addin_asks_and_never_reads_another_sheet(tmp_path):
    """«Kỳ» = «năm 2026» in the settings; the active sheet has E and F of that year. The sheet «Bản sao» after it
    has a column named exactly «Năm 2026», which the choice would pick there: reading it instead would be a guess
    of another kind. The button says what the command line says."""
    from helpers import fill_settings
    from kh_excel.addin import run_action
    from kh_excel.addin.payload import open_book
    path = _book(tmp_path / "s.xlsx", [SIX_AND_YEAR], [ROW])
    wb = openpyxl.load_workbook(path)
    other = wb.create_sheet("Bản sao")
    for r in [[TITLE], ["STT", "Chỉ tiêu", "ĐVT", "KH năm 2026", "Thực hiện 6 tháng năm 2026", "Năm 2026"],
              [1, "Thu ngân sách nhà nước", "Tỷ đồng", 1000, 400, 1020]]:
        other.append(r)
    wb.save(path)
    withs = tmp_path / "with_settings.xlsx"
    assert run_cli("settings", path, "-o", withs).returncode == 0
    fill_settings(withs, {("Chung", "Kỳ"): "năm 2026"})
    ok, message = run_action("tinh_ty_le", open_book(withs))
    assert not ok
    assert message == AMBIGUOUS_2026[0].upper() + AMBIGUOUS_2026[1:]
