"""Names read ahead of their sheet (core.names_ahead, io.workbook's calamine thread) change nothing: a name
cell found among the readings is read exactly as the loop reads it, whatever part of the texts was read
ahead; the shared strings a real workbook holds are read ahead; an error of calamine's in its thread is the
error the reader gives without it."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from direction_corpus import rows as corpus_rows
from hostile_files import add_cells, rezip
from test_reader_same import grids
from kh_excel.api import read_workbook
from kh_excel.core import direction, text
from kh_excel.core.direction import infer_direction
from kh_excel.core.model import Grid
from kh_excel.core.names_ahead import read_name, read_names
from kh_excel.core.numbers import parse_target
from kh_excel.core.table import parse_grid
from kh_excel.io import ooxml_cells, workbook
from kh_excel.io.workbook import WorkbookError, open_workbook

DATA = Path(__file__).parent / "data"
REAL = sorted((DATA / "real").glob("*.xlsx"))
CORPUS = [r[0] for r in corpus_rows()]
# Names whose reading takes the other paths: footnote marks, odd spaces, symbols, legacy-font and
# decomposed letters, headings and numerals the reader rewrites, ranks, ceilings, ambiguous words.
ODD = ["Tỷ lệ hộ nghèo (*)", "  Thu ngân sách   nhà nước  ", "Tỷ lệ ≥ 95% – xã Bản Lầu", "Xếp hạng PCI",
       "Chỉ số chi phí không chính thức", "Giám sát đầu tư", "Nghiên cứu khoa học", "A. KINH TẾ", "I. XÃ HỘI",
       "Ty le ho ngheo", "Tû lÖ hé nghÌo", "Tỷ le\u0323 hộ nghèo", "Kéo giảm tai nạn giao thông", "- Số vụ",
       "Giảm tỷ lệ hộ nghèo còn 2%", "Tai nạn giao thông[1]", "Không để xảy ra cháy rừng", ""]
UNITS = ["", "%", "Hạng", "Bậc", "Điểm", "Tỷ đồng", "Thứ/63"]
TARGETS = ["10", ">8", "<4", "Tăng 3 bậc", "≤ 2", "Không"]


def _copy(grid: Grid, names: dict | None) -> Grid:
    return Grid(sheet=grid.sheet, rows=[list(r) for r in grid.rows], merged=list(grid.merged),
                number_formats=dict(grid.number_formats), names=names, hidden_columns=grid.hidden_columns,
                hidden_rows=grid.hidden_rows)


def _texts(grid: Grid) -> list[str]:
    return [v for row in grid.rows for v in row if isinstance(v, str)]


@pytest.mark.parametrize("cell", CORPUS + ODD)
def test_a_reading_is_what_the_loop_reads(cell):
    """read_name gives display_name's three parts, and infer_direction given its words decides as it does
    reading the name itself, for every unit, target and Chiều cell."""
    name, mark, folded, words = read_name(cell)
    assert (name, mark, folded) == text.display_name(cell)
    for unit in UNITS:
        for plan in TARGETS:
            target = parse_target(plan)
            for explicit in ("", "Giảm"):
                alone = infer_direction(name, unit, target, explicit, folded if name else None)
                if name:
                    assert infer_direction(name, unit, target, explicit, folded, words) == alone, (unit, plan)


def test_the_words_are_the_ones_infer_direction_reads():
    """A deliberately wrong reading changes the direction: the readings are used, not re-read."""
    name, _, folded, _ = read_name("Tỷ lệ hộ nghèo")
    down = infer_direction(name, "%", parse_target("2"), "", folded)
    assert down[0] == "down"
    assert infer_direction(name, "%", parse_target("2"), "", folded, (None, False))[0] == "up"


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(grids(), st.data())
def test_tables_are_the_same_whatever_was_read_ahead(grid, data):
    """Every text, a random part of them, or a reading of names the sheet does not hold: the same table."""
    texts = _texts(grid) + data.draw(st.lists(st.sampled_from(CORPUS + ODD), max_size=5))
    part = data.draw(st.lists(st.sampled_from(texts), max_size=len(texts))) if texts else []
    plain = repr(_read(grid, None))
    for chosen in (texts, part):
        names: dict = {}
        read_names(iter(chosen), names)
        assert repr(_read(grid, names)) == plain


def _read(grid: Grid, names: dict | None):
    try:
        return parse_grid(_copy(grid, names))
    except Exception as exc:  # noqa: BLE001 - the same refusal either way
        return f"{type(exc).__name__}: {exc}"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(CORPUS + ODD), min_size=1, max_size=40), st.integers(0, 40), st.integers(1, 8))
def test_reading_ahead_stops_when_asked(texts, stop_after, every):
    """`go_on` is asked before every `every` texts; once it says no, nothing more is read, and a later call
    reads on from where the first stopped, losing none."""
    asked = []

    def go_on() -> bool:
        asked.append(1)
        return len(asked) <= stop_after
    names: dict = {}
    rest = iter(texts)
    read_names(rest, names, go_on, every)
    assert set(names) == {t for t in texts[:stop_after * every] if t}
    assert all(names[t] == read_name(t) for t in names)
    read_names(rest, names)
    assert set(names) == {t for t in texts if t}


@pytest.fixture
def two_cores(monkeypatch):
    """Reading ahead happens only with an idle core to read on (CI may have none) and for a table of some
    thousands of names (the real ones here are smaller)."""
    monkeypatch.setattr(workbook, "_spare_cores", lambda: 1.5)
    monkeypatch.setattr(ooxml_cells, "_MIN_SHARED", 0)


def test_a_caller_that_reads_no_table_reads_no_names_ahead(two_cores):
    book = workbook.open_workbook(REAL[0], names_ahead=False)
    assert not book.grid(book.sheet_names[0]).names
    assert book._cells.shared is None  # the part is let go all the same


def test_a_small_table_is_read_at_once(monkeypatch):
    monkeypatch.setattr(workbook, "_spare_cores", lambda: 1.5)
    book = open_workbook(REAL[0])
    assert not book.grid(book.sheet_names[0]).names


def test_notes_and_too_many_texts_are_not_read_ahead(monkeypatch):
    from kh_excel.core import names_ahead
    names: dict = {}
    read_names(iter(["Tỷ lệ hộ nghèo " * 100, "Tỷ lệ hộ nghèo"]), names)
    assert list(names) == ["Tỷ lệ hộ nghèo"]  # 1.500 characters: a note, left to the loop
    monkeypatch.setattr(names_ahead, "MOST_NAMES", 3)
    names = {}
    read_names(iter([f"Số hộ {i}" for i in range(20)]), names, every=1)
    assert len(names) == 3


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_a_real_workbooks_shared_strings_are_read_ahead(path, two_cores):
    """Excel's shared strings are read ahead, the table read through them is the one read without them; the
    interpreter's switch interval, shortened meanwhile, is as it was."""
    import sys
    interval = sys.getswitchinterval()
    book = open_workbook(path)
    sheet = book.sheet_names[0]
    grid = book.grid(sheet)
    assert grid.names, "no name read ahead"
    name_cells = {v for row in grid.rows for v in row if isinstance(v, str) and len(v) > 20}
    assert name_cells & set(grid.names)
    assert repr(parse_grid(grid)) == repr(parse_grid(_copy(grid, None)))
    assert repr(read_workbook(path)) == repr(_without_ahead(path))
    assert sys.getswitchinterval() == interval


def _without_ahead(path: Path):
    original = ooxml_cells.WorkbookCells.plain_texts
    ooxml_cells.WorkbookCells.plain_texts = lambda self: None
    try:
        return read_workbook(path)
    finally:
        ooxml_cells.WorkbookCells.plain_texts = original


def test_only_plain_runs_are_taken_from_the_shared_strings():
    """Rich text, entities and phonetic runs are left to calamine (a text extracted unlike calamine's would
    only be missed, but none is extracted wrongly)."""
    cells = ooxml_cells.WorkbookCells()
    cells.shared = ('<sst><si><t>Tỷ lệ hộ nghèo</t></si><si><t xml:space="preserve"> Thu ngân sách </t></si>'
                    '<si><r><t>Số </t></r><r><rPr><b/></rPr><t>xã</t></r></si><si><t>A &amp; B</t></si>'
                    '<si><t>Hộ</t><rPh><t>ホ</t></rPh></si></sst>').encode()
    assert list(cells.plain_texts()) == ["Tỷ lệ hộ nghèo", " Thu ngân sách "]
    assert cells.shared is None and cells.plain_texts() is None


def test_a_text_not_utf8_is_left_to_calamine_and_the_others_are_read():
    cells = ooxml_cells.WorkbookCells()
    cells.shared = b"<sst><si><t>S\xe1</t></si>" + "<si><t>Tỷ lệ</t></si></sst>".encode()
    assert list(cells.plain_texts()) == ["Tỷ lệ"]


def test_a_part_too_big_to_read_ahead_is_not_kept(monkeypatch):
    monkeypatch.setattr(ooxml_cells, "_MAX_SHARED", 100)
    cells = ooxml_cells.WorkbookCells()
    watcher = cells.watch(ooxml_cells.SHARED_STRINGS)
    for _ in range(3):
        watcher.feed(b"<si><t>" + b"x" * 40 + b"</t></si>")
    watcher.finish()
    assert cells.plain_texts() is None


def test_without_an_idle_core_nothing_is_read_ahead(monkeypatch):
    monkeypatch.setattr(workbook, "_spare_cores", lambda: 0.4)
    monkeypatch.setattr(ooxml_cells, "_MIN_SHARED", 0)
    book = open_workbook(REAL[0])
    grid = book.grid(book.sheet_names[0])
    assert not grid.names
    assert repr(read_workbook(REAL[0])) == repr(_without_ahead(REAL[0]))


def test_calamines_error_in_its_thread_is_the_readers_error(tmp_path, two_cores):
    """A cell calamine cannot read (a boolean of 2) in a workbook with shared strings: the same refusal,
    naming the file, with the names read ahead and without."""
    src = REAL[0]
    with zipfile.ZipFile(src) as z:
        assert "xl/sharedStrings.xml" in z.namelist()
    bad = rezip(tmp_path / "bad.xlsx", {"xl/worksheets/sheet1.xml": lambda d: add_cells(
        d, '<row r="60000"><c r="A60000" t="b"><v>2</v></c></row>')}, src=src)
    with pytest.raises(WorkbookError) as ahead:
        read_workbook(bad)
    with pytest.raises(WorkbookError) as alone:
        _without_ahead(bad)
    assert str(ahead.value) == str(alone.value) and "bad.xlsx" in str(ahead.value)


def test_name_words_without_a_cache_are_the_cached_ones():
    for name in CORPUS:
        folded = text.fold(name)
        words = direction.name_words(folded, name)
        found = direction._named_direction(folded, name) if direction._trigger(folded) else None
        assert words == (found, direction._rank_named(folded))


def test_the_threads_running_now_are_read_from_the_kernels_line_less_the_reader():
    """/proc/loadavg's fourth field counts the runnable threads now, the reader among them: «1/97» on an idle
    machine leaves every core spare; the one-minute average (0.98 here, the benchmark's own work) does not count."""
    from kh_excel.io.workbook import others_running
    assert others_running("0.98 0.60 0.40 1/97 12345\n") == 0
    assert others_running("0.10 0.20 0.30 3/120 999") == 2
    assert others_running("0.10 0.20 0.30 0/120 999") == 0
    for bad in ("", "0.1 0.2 0.3", "0.1 0.2 0.3 x/9 1", "0.1 0.2 0.3 12 1"):
        with pytest.raises(ValueError):
            others_running(bad)
