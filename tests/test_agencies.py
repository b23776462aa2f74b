"""Agency registry: display names, spellings, and splitting agency cells."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kh_excel.core.agencies import (
    Agency,
    AgencyRegistry,
    agency_key,
    same_agency,
    split_agencies,
)
from kh_excel.core.text import normalize_tone_marks, tone_key

REG = AgencyRegistry.default()
SEED_TABLE = Path(__file__).resolve().parent / "data" / "seeds" / "001_7fa0b185901330c3.txt"


# -- the examples of the brief and SPEC §2 -------------------------------------------------------

@pytest.mark.parametrize("cell,expected", [
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Sở Văn hoá, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Sở Tài chính, Thống kê tỉnh", ["Sở Tài chính", "Thống kê tỉnh"]),
    ("Sở Tài chính, các sở, ban, ngành liên quan", ["Sở Tài chính", "Các sở, ban, ngành liên quan"]),
    ("Các sở, ngành, UBND các xã/phường", ["Các sở, ngành", "UBND các xã/phường"]),
    ("UBND các xã/phường; Hải Quan khu vực VII; Sở Nông nghiệp và Môi trường; Thuế tỉnh; các Ban QLDA",
     ["UBND các xã/phường", "Hải quan khu vực VII", "Sở Nông nghiệp và Môi trường", "Thuế tỉnh",
      "Các Ban Quản lý dự án"]),
    ("Sở VHTTDL, Sở NN&MT, Sở KH&CN",
     ["Sở Văn hóa, Thể thao và Du lịch", "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ"]),
    ("Sở NN và MT;\nSở VHTT&DL", ["Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch"]),
])
def test_brief_examples(cell, expected):
    assert REG.split(cell) == expected


def test_line_breaks_bullets_and_punctuation():
    cell = "- Sở Y tế;\n- Sở GD&ĐT\r\n+ UBND các huyện, thành phố.\n\n  "
    # «UBND các huyện, thành phố» is written as the cell writes it: no «thị xã» of the registry's name added
    assert REG.split(cell) == ["Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND các huyện, thành phố"]
    assert REG.split("Sở Tài chính;; ;") == ["Sở Tài chính"]
    assert REG.split("") == [] and REG.split(None) == [] and REG.split(" ; \n") == []


def test_items_are_cleaned_nfc():
    nfd = unicodedata.normalize("NFD", "Sở  Tài chính , Thống kê tỉnh.")
    items = REG.split(nfd)
    assert items == ["Sở Tài chính", "Thống kê tỉnh"]
    assert all(unicodedata.is_normalized("NFC", i) for i in items)


def test_va_separates_only_before_a_new_agency():
    assert REG.split("Sở Nội vụ và các sở, ngành liên quan") == ["Sở Nội vụ", "Các sở, ngành liên quan"]
    assert REG.split("Sở Y tế và Bảo hiểm xã hội tỉnh") == ["Sở Y tế", "Bảo hiểm xã hội tỉnh"]
    # "và" inside a name stays: the word after it opens no agency.
    for name in ("Sở Lao động - Thương binh và Xã hội", "Sở Giáo dục và Đào tạo",
                 "Sở Khoa học và Công nghệ", "Văn phòng Đoàn ĐBQH và HĐND tỉnh"):
        assert REG.split(name) == [name]


def test_unknown_agencies_keep_their_spelling():
    assert REG.split("Phòng Kinh tế, Hạ tầng và Đô thị, Sở Xây dựng") == \
        ["Phòng Kinh tế, Hạ tầng và Đô thị", "Sở Xây dựng"]
    assert REG.split("Trung tâm Công nghệ thông tin, Trung tâm Khoa học, Công nghệ") == \
        ["Trung tâm Công nghệ thông tin", "Trung tâm Khoa học, Công nghệ"]
    assert REG.split("Ủy ban nhân dân các xã, phường, các cơ quan truyền thông") == \
        ["Ủy ban nhân dân các xã, phường", "các cơ quan truyền thông"]
    # A collective that goes on in lower case is kept whole, as written.
    assert REG.split("Các sở, ngành, đoàn thể; Sở Y tế") == ["Các sở, ngành, đoàn thể", "Sở Y tế"]
    assert REG.canonical("  Hợp tác xã Nông nghiệp Bảo Thắng. ") == "Hợp tác xã Nông nghiệp Bảo Thắng"


def test_split_keeping_spellings():
    cell = "Sở Văn hoá, Thể thao và Du lịch; Hải Quan khu vực VII, các Ban QLDA"
    assert REG.split(cell, canonical=False) == \
        ["Sở Văn hoá, Thể thao và Du lịch", "Hải Quan khu vực VII", "các Ban QLDA"]
    assert [REG.canonical(i) for i in REG.split(cell, canonical=False)] == REG.split(cell)
    assert split_agencies("Sở VHTTDL, Thống kê tỉnh", canonical=False) == ["Sở VHTTDL", "Thống kê tỉnh"]


def test_duplicates_are_listed_once():
    assert REG.split("Sở Văn hoá, Thể thao và Du lịch; Sở VHTTDL; Thống kê tỉnh") == \
        ["Sở Văn hóa, Thể thao và Du lịch", "Thống kê tỉnh"]


# -- canonical names and sameness ---------------------------------------------------------------

@pytest.mark.parametrize("spelling,display", [
    ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở VH-TT-DL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("sở văn hoá thể thao và du lịch", "Sở Văn hóa Thể thao và Du lịch"),   # its words, the name's spelling
    ("Sở NN&MT", "Sở Nông nghiệp và Môi trường"),
    ("Sở NN và MT", "Sở Nông nghiệp và Môi trường"),
    ("Sở NN & MT", "Sở Nông nghiệp và Môi trường"),
    ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
    # a name the cell writes out stays as written: the registry recognises it, never renames it (rev20 R20-5)
    ("UBND các xã, phường", "UBND các xã, phường"),
    ("Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân các xã, phường"),
    ("Hải Quan khu vực VII", "Hải quan khu vực VII"),
    ("Cục Thuế tỉnh", "Cục Thuế tỉnh"),
    ("Uỷ ban nhân dân các xã - phường", "Uỷ ban nhân dân các xã - phường"),
    ("Đài PT-TH tỉnh", "Đài Phát thanh và Truyền hình tỉnh"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("VPUBND tỉnh", "Văn phòng UBND tỉnh"),
    ("Sở Công thương", "Sở Công Thương"),
])
def test_canonical(spelling, display):
    assert REG.canonical(spelling) == display
    assert spelling in REG


def test_same_agency():
    assert same_agency("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch")
    assert same_agency("UBND các xã/phường", "Ủy ban nhân dân các xã, phường")
    assert same_agency("Uỷ ban nhân dân các xã, phường", "UBND các xã, phường")
    assert same_agency("Sở NN&MT", "Sở Nông nghiệp và Môi trường")
    assert same_agency(unicodedata.normalize("NFD", "Sở Tư pháp"), "SỞ TƯ PHÁP")
    # Unknown names still compare by tone placement, case and spacing.
    assert same_agency("Phòng Văn hoá  xã", "phòng văn hóa xã")
    assert not same_agency("Sở Tài chính", "Sở Tư pháp")
    assert not same_agency("Sở Văn hóa và Thể thao", "Sở Văn hóa, Thể thao và Du lịch")
    assert not same_agency("Các sở, ngành", "Các sở, ban, ngành")
    assert REG.key("Sở VHTTDL") == REG.key("Sở Văn hoá, Thể thao và Du lịch")


def test_agency_key_rules():
    assert agency_key("Sở NN&MT") == agency_key("sở nn và mt")
    assert agency_key("UBND các xã/phường") == agency_key("Ủy ban nhân dân các xã, phường")
    assert agency_key("Đài PT-TH tỉnh") == agency_key("Đài PTTH tỉnh")
    assert agency_key("Đông") != agency_key("Đồng")


def test_generic():
    assert REG.is_generic("Các sở, ban, ngành liên quan")
    assert REG.is_generic("UBND các xã, phường")
    assert REG.is_generic("các cơ quan truyền thông")      # unknown, but "các …"
    assert not REG.is_generic("Sở Tài chính")
    assert not REG.is_generic("UBND tỉnh")


# -- the bundled data ---------------------------------------------------------------------------

_ABBREVIATED = re.compile(r"[^\W_]+")


def _no_word_added(written: str, shown: str, name: str) -> None:
    """What a document prints for a cell (`shown`) keeps every word the cell writes out and adds none of the
    registry's name (`name`) but the words of an abbreviation the cell wrote («Sở VHTTDL»): «Cục Hải quan» is
    never «Cục Hải quan tỉnh», «Cục Thống kê tỉnh» never «Thống kê tỉnh»."""
    words = [w.group() for w in _ABBREVIATED.finditer(written)]
    short = [w for w in words if sum(c.isupper() for c in w) >= 2 or len(w) == 1 and f"{w}." in written]
    plain = {tone_key(w) for w in words if w not in short}
    printed = [tone_key(w) for w in _ABBREVIATED.findall(shown)]
    assert plain <= set(printed), (written, shown)
    if not short:
        assert printed == [tone_key(w) for w in words], (written, shown)
    allowed = {tone_key(w) for w in words} | ({tone_key(w) for w in _ABBREVIATED.findall(name)} if short else set())
    assert set(printed) <= allowed, (written, shown)


def test_bundled_registry():
    names = REG.names()
    assert len(names) == len(set(names)) >= 70
    for required in (
        "Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Sở Xây dựng", "Sở Công Thương",
        "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Ngoại vụ", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh",
        "Văn phòng UBND tỉnh", "Sở Kế hoạch và Đầu tư", "Sở Lao động - Thương binh và Xã hội",
        "Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông", "Sở Giao thông vận tải",
        "Sở Nông nghiệp và Phát triển nông thôn", "Thống kê tỉnh", "Thuế tỉnh", "Hải quan khu vực VII",
        "Bảo hiểm xã hội tỉnh", "Ban Quản lý Khu kinh tế tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
        "Kho bạc Nhà nước tỉnh", "Đài Phát thanh và Truyền hình tỉnh", "Báo Lào Cai",
        "Các sở, ban, ngành liên quan", "Các sở, ngành", "UBND các xã/phường",
    ):
        assert required in names, required
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    # Every alias of every agency leads back to that agency, and prints with no word the alias did not write
    # unless it spells out one of the alias's abbreviations.
    for a in REG:
        assert REG.canonical(a.name) == a.name
        for alias in (a.name, *a.aliases):
            assert REG.lookup(alias) == a, alias
            assert REG.split(alias) == [REG.canonical(alias)], alias
            _no_word_added(alias, REG.canonical(alias), a.name)


def test_default_is_fresh_and_conflicts_are_refused():
    a = AgencyRegistry.default().extend(["Phòng Văn hóa - Thông tin xã"])
    assert "Phòng Văn hóa - Thông tin xã" in a
    assert "Phòng Văn hóa - Thông tin xã" not in AgencyRegistry.default()
    with pytest.raises(ValueError, match="vừa là"):
        AgencyRegistry([Agency("Sở A", ("SA",)), Agency("Sở B", ("SA",))])
    with pytest.raises(ValueError, match="hai lần"):
        AgencyRegistry([Agency("Sở A"), Agency("sở a")])


def test_seed_table_agency_cells_all_known():
    rows = [ln.split("\t") for ln in SEED_TABLE.read_text(encoding="utf-8").splitlines()
            if ln.count("\t") >= 6]
    cells = {c for r in rows for c in r[4:6] if c.strip() and "Cơ quan" not in c}
    assert len(cells) >= 20
    for cell in cells:
        items = REG.split(cell)
        assert items and all(i in REG for i in items), (cell, items)
        assert len(items) == len({REG.key(i) for i in items})


# -- extending --------------------------------------------------------------------------------

def test_extend_with_toml(tmp_path):
    f = tmp_path / "co_quan.toml"
    f.write_text(
        '[[agency]]\nname = "Phòng Kinh tế, Hạ tầng và Đô thị"\naliases = ["Phòng KT-HT&ĐT"]\n\n'
        '[[agency]]\nname = "Sở Tài chính"\naliases = ["STC"]\n\n'
        '[[agency]]\nname = "Các hợp tác xã"\ngeneric = true\n',
        encoding="utf-8",
    )
    reg = AgencyRegistry.default().extend(f)
    assert reg.split("Phòng KT-HT&ĐT, Sở Xây dựng") == ["Phòng Kinh tế, Hạ tầng và Đô thị", "Sở Xây dựng"]
    # A known name gains the user's aliases and keeps its display name and old aliases.
    assert reg.canonical("STC") == "Sở Tài chính" and reg.canonical("Sở TC") == "Sở Tài chính"
    assert reg.is_generic("Các hợp tác xã")
    # Also by path string, and a file alone.
    assert "STC" in AgencyRegistry.default().extend(str(f))
    only = AgencyRegistry.from_toml(f)
    assert len(only) == 3 and "Sở Y tế" not in only


def test_extend_with_list_and_override():
    reg = AgencyRegistry.default().extend([
        "Trung tâm Y tế khu vực Bảo Thắng",
        {"name": "Sở Tài chính - Kế hoạch", "aliases": ["Sở TC-KH", "Sở Tài chính, Kế hoạch"]},
        Agency("Thống kê khu vực", ("Thống kê tỉnh",)),
    ])
    assert reg.split("Trung tâm Y tế khu vực Bảo Thắng, Sở Tài chính, Kế hoạch") == \
        ["Trung tâm Y tế khu vực Bảo Thắng", "Sở Tài chính, Kế hoạch"]
    assert reg.split("Sở TC-KH") == ["Sở Tài chính - Kế hoạch"]
    # A display name stays itself even when a user lists it as someone's alias.
    assert reg.canonical("Thống kê tỉnh") == "Thống kê tỉnh"
    assert reg.extend("Ban Quản lý rừng phòng hộ") is reg
    assert "Ban Quản lý rừng phòng hộ" in reg


@pytest.mark.parametrize("content,message", [
    ("[[agency]]\nname = \n", "cú pháp"),
    ("[[agency]]\naliases = [\"x\"]\n", "name"),
    ("[[agency]]\nname = \"Sở X\"\naliases = [1]\n", "aliases"),
    ("[[agency]]\nname = \"Sở X\"\ngeneric = \"có\"\n", "generic"),
])
def test_bad_user_files_say_what_is_wrong(tmp_path, content, message):
    f = tmp_path / "sai.toml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        AgencyRegistry.default().extend(f)
    with pytest.raises(ValueError, match="Không tìm thấy"):
        AgencyRegistry.default().extend(tmp_path / "khong_co.toml")


# -- properties ---------------------------------------------------------------------------------

AGENCIES = list(REG)
SPELLINGS = [(a.name, s) for a in AGENCIES for s in (a.name, *a.aliases)]


def _variant(spelling: str, how: int) -> str:
    """The same spelling as another person types it."""
    if how == 1:
        return normalize_tone_marks(spelling, "new")
    if how == 2:
        return unicodedata.normalize("NFD", spelling)
    if how == 3:
        return spelling.upper()
    if how == 4:
        return "  " + spelling.replace(" ", "  ") + " "
    return spelling


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(SPELLINGS), min_size=1, max_size=6, unique_by=lambda p: p[0]),
    st.lists(st.integers(0, 4), min_size=6, max_size=6),
    st.sampled_from(["; ", ";", "\n", ";\n", " ;  "]),
)
def test_joined_with_hard_separators_splits_back(picked, hows, sep):
    typed = [_variant(spelling, h) for (_name, spelling), h in zip(picked, hows)]
    cell = sep.join(typed)
    # each agency is the one meant, printed as its own piece of the cell prints alone
    assert [REG.key(x) for x in REG.split(cell)] == [REG.key(name) for name, _spelling in picked]
    assert REG.split(cell) == [REG.canonical(t) for t in typed]
    written = REG.split(cell, canonical=False)
    assert [REG.canonical(w) for w in written] == REG.split(cell)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(REG.names()), min_size=1, max_size=5, unique=True))
def test_display_names_joined_with_commas_split_back(names):
    # Commas are ambiguous only inside known names, which the registry knows.
    assert REG.split(", ".join(names)) == names


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SPELLINGS), st.sampled_from(SPELLINGS), st.integers(0, 4), st.integers(0, 4))
def test_same_agency_is_same_display_name(p, q, h1, h2):
    (name_a, a), (name_b, b) = p, q
    assert same_agency(_variant(a, h1), _variant(b, h2)) == (name_a == name_b)
    assert [REG.key(x) for x in split_agencies(_variant(a, h1))] == [REG.key(name_a)]


# -- an office named after the bodies it serves (rev10 D4) ----------------------------------------

@pytest.mark.parametrize("cell,expected", [
    # one office: its «và» joins the bodies it serves, whose level is written once at the end
    ("Văn phòng HĐND và UBND xã", ["Văn phòng HĐND và UBND xã"]),
    ("Văn phòng HĐND và UBND phường", ["Văn phòng HĐND và UBND phường"]),
    ("VĂN PHÒNG HĐND VÀ UBND", ["VĂN PHÒNG HĐND VÀ UBND"]),
    ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"]),
    ("VP HĐND-UBND xã", ["Văn phòng HĐND và UBND xã"]),
    ("Văn phòng HĐND và UBND xã Nam Sơn", ["Văn phòng HĐND và UBND xã Nam Sơn"]),
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", ["Văn phòng Đoàn ĐBQH và HĐND tỉnh"]),
    ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
     ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"]),
    ("Văn phòng Tỉnh ủy", ["Văn phòng Tỉnh ủy"]),
    # …beside real lists
    ("Văn phòng HĐND và UBND xã, Công an xã", ["Văn phòng HĐND và UBND xã", "Công an xã"]),
    ("Văn phòng HĐND và UBND xã và Công an xã", ["Văn phòng HĐND và UBND xã", "Công an xã"]),
    ("Phòng Kinh tế và Văn phòng HĐND và UBND xã", ["Phòng Kinh tế", "Văn phòng HĐND và UBND xã"]),
    # lists: the office's name was whole before «và» (its level written, or a field between office and body)
    ("Văn phòng Tỉnh ủy và UBND tỉnh", ["Văn phòng Tỉnh ủy", "UBND tỉnh"]),
    ("Văn phòng UBND tỉnh và Sở Tài chính", ["Văn phòng UBND tỉnh", "Sở Tài chính"]),
    ("Văn phòng HĐND tỉnh và UBND tỉnh", ["Văn phòng HĐND tỉnh", "UBND tỉnh"]),
    ("Ban Kinh tế - Ngân sách HĐND và UBND xã", ["Ban Kinh tế - Ngân sách HĐND", "UBND xã"]),
    ("Các Ban HĐND và UBND xã", ["Các Ban HĐND", "UBND xã"]),
    ("Phòng Kinh tế và Phòng Văn hóa - Xã hội", ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội"]),
    ("Công an xã và Quân sự xã", ["Công an xã", "Quân sự xã"]),
    ("Công an xã và Trạm Y tế xã", ["Công an xã", "Trạm Y tế xã"]),
    ("Sở Tài chính và Sở Xây dựng", ["Sở Tài chính", "Sở Xây dựng"]),
    # a commune's own centre is no province's
    ("Trung tâm Phục vụ hành chính công", ["Trung tâm Phục vụ hành chính công"]),
])
def test_an_offices_name_is_one_agency(cell, expected):
    assert split_agencies(cell) == expected


_BODIES = st.sampled_from(["HĐND", "UBND", "Hội đồng nhân dân", "Ủy ban nhân dân", "Đoàn ĐBQH"])
_LEVEL_AND_PLACE = st.sampled_from(["xã", "phường", "tỉnh", "xã Nam Sơn", "phường Cam Đường", ""])
_OTHERS = st.lists(st.sampled_from(["Công an xã", "Phòng Kinh tế", "Sở Tài chính", "Quân sự xã", "Trạm Y tế xã",
                                    "Phòng Văn hóa - Xã hội"]), max_size=3, unique=True)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["Văn phòng", "VP"]), st.lists(_BODIES, min_size=2, max_size=3, unique=True),
       _LEVEL_AND_PLACE, _OTHERS, st.sampled_from([" và ", ", "]), st.booleans())
def test_an_office_of_bodies_stays_whole_among_a_list(office, bodies, level, others, sep, first):
    name = f"{office} {' và '.join(bodies)} {level}".strip()
    items = [name, *others] if first else [*others, name]
    got = split_agencies(sep.join(items), canonical=False)
    assert got == items


@settings(max_examples=100, deadline=None)
@given(_BODIES, _BODIES, st.sampled_from(["tỉnh", "xã", "phường Cam Đường"]))
def test_an_office_whose_level_is_written_ends_before_va(left, right, level):
    cell = f"Văn phòng {left} {level} và {right} {level}"
    assert split_agencies(cell, canonical=False) == [f"Văn phòng {left} {level}", f"{right} {level}"]


# -- rev11 D22, D4: a cell as offices write it ------------------------------------------------------

@pytest.mark.parametrize("cell,expected", [
    # a lower-case piece naming no body is part of the agency before it, never a letter's addressee
    ("Ban Quản lý các khu công nghiệp, khu kinh tế", ["Ban Quản lý các khu công nghiệp, khu kinh tế"]),
    ("Sở Y tế, ngành y tế", ["Sở Y tế, ngành y tế"]),
    # a bracketed division on the next line belongs to the body above it; a role mark there still marks a role
    ("Sở Nội vụ\n(Phòng Lao động - Việc làm)", ["Sở Nội vụ (Phòng Lao động - Việc làm)"]),
    ("Sở TC\n(chủ trì)\nSở XD", ["Sở Tài chính", "Sở Xây dựng"]),
    # a unit after its known body: the body spelled out, the unit as written
    ("Sở NN&MT - Chi cục Kiểm lâm", ["Sở Nông nghiệp và Môi trường - Chi cục Kiểm lâm"]),
    ("Sở TC (Phòng Ngân sách)", ["Sở Tài chính (Phòng Ngân sách)"]),
    # the comma cases the review found right stay right
    ("Sở Nông nghiệp và Môi trường, UBND các xã, phường", ["Sở Nông nghiệp và Môi trường", "UBND các xã, phường"]),
    ("UBND các xã, phường, Sở Tài chính", ["UBND các xã, phường", "Sở Tài chính"]),
    ("Ban Chỉ huy Phòng chống thiên tai, tìm kiếm cứu nạn và phòng thủ dân sự",
     ["Ban Chỉ huy Phòng chống thiên tai, tìm kiếm cứu nạn và phòng thủ dân sự"]),
    ("Hội Liên hiệp Phụ nữ, Tỉnh Đoàn", ["Hội Liên hiệp Phụ nữ", "Tỉnh Đoàn"]),
    ("Sở KH&CN, Sở TC", ["Sở Khoa học và Công nghệ", "Sở Tài chính"]),
    ("Công an tỉnh, Sở Xây dựng", ["Công an tỉnh", "Sở Xây dựng"]),
    ("Sở Y tế, BHXH tỉnh", ["Sở Y tế", "Bảo hiểm xã hội tỉnh"]),
    ("Trường Cao đẳng Lào Cai, Sở Nội vụ", ["Trường Cao đẳng Lào Cai", "Sở Nội vụ"]),
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", ["Văn phòng Đoàn ĐBQH và HĐND tỉnh"]),
    ("Sở Dân tộc và Tôn giáo, Sở Nội vụ", ["Sở Dân tộc và Tôn giáo", "Sở Nội vụ"]),
    ("Các sở, ngành, UBND các xã, phường", ["Các sở, ngành", "UBND các xã, phường"]),
])
def test_cells_as_offices_write_them(cell, expected):
    assert REG.split(cell) == expected


@pytest.mark.parametrize("typed,full", [
    ("P.TCKH", "Phòng Tài chính - Kế hoạch"),
    ("P.LĐTBXH", "Phòng Lao động - Thương binh và Xã hội"),
    ("P.GD&ĐT", "Phòng Giáo dục và Đào tạo"),
    ("NHCSXH huyện", "Ngân hàng Chính sách xã hội huyện"),
    ("TTYT huyện", "Trung tâm Y tế huyện"),
    ("P.KT", "Phòng Kinh tế"),
    ("P.VH-XH", "Phòng Văn hóa - Xã hội"),
    ("BQL Khu kinh tế", "Ban Quản lý Khu kinh tế"),   # no «tỉnh» the cell did not write
    ("Tỉnh đoàn", "Tỉnh Đoàn"),
])
def test_district_and_commune_abbreviations_spelled_out(typed, full):
    assert REG.canonical(typed) == full
    assert REG.split(f"{typed}, Sở Tài chính") == [full, "Sở Tài chính"]


# -- rev11 D4: an abbreviation the registry does not know is told, at its cell ----------------------

def test_an_unknown_abbreviated_agency_is_told_at_its_first_cell(tmp_path):
    import kh_excel
    from kh_excel.core.validation import validate
    from test_review_cases import book
    head = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    rows = [head,
            [1, "A", "%", 1, "P.TCKH", "P.XD-ĐT"],          # known lead; unknown dotted cooperator
            [2, "B", "%", 1, "Sở Tài chính", "P.XD-ĐT, Sở Y tế"],
            [3, "C", "%", 1, "BHXH huyện", "Hải quan khu vực VII"],
            [4, "D", "%", 1, "UBND xã Bảo Hà", "Các sở, ngành"]]
    found = [f for f in validate(kh_excel.read_workbook(book(tmp_path, rows))) if f.code == "agency_abbreviated"]
    assert sorted(f.cell for f in found) == ["E4", "F2"]
    by_cell = {f.cell: f.message for f in found}
    assert "«P.XD-ĐT»" in by_cell["F2"] and "1 ô khác" in by_cell["F2"]
    assert "«BHXH huyện»" in by_cell["E4"] and "ô khác" not in by_cell["E4"]
    assert all(f.severity == "warning" for f in found)


@pytest.mark.parametrize("name,abbreviated", [
    ("P.QLĐT", True), ("P. XYZ", True), ("P.QL", True), ("Phòng KH huyện", False), ("NHCSXH xã", True), ("Phòng QLĐT huyện", True),
    ("UBND xã Bảo Hà", False), ("Hải quan khu vực VIII", False), ("Trường Cao đẳng Lào Cai", False),
    ("P.TCKH", False), ("Sở GD&ĐT", False),   # known: spelled out in the document
])
def test_what_looks_abbreviated(name, abbreviated):
    assert REG.unknown_abbreviation(name) is abbreviated


def test_a_lower_case_piece_naming_a_place_stays_an_agency():
    assert REG.split("Sở Tài chính, xã Bảo Hà") == ["Sở Tài chính", "xã Bảo Hà"]


_LOWER_TAILS = st.sampled_from(["khu kinh tế", "ngành y tế", "đơn vị trực thuộc", "lĩnh vực du lịch"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([a.name for a in REG if not a.generic]), min_size=1, max_size=4, unique=True),
       st.lists(st.one_of(st.none(), _LOWER_TAILS), min_size=4, max_size=4))
def test_a_lower_case_tail_never_becomes_an_agency(names, tails):
    # each agency (a known one, or one with a lower-case tail after a comma) is one item, in order
    written = [n if t is None else f"{n}, {t}" for n, t in zip(names, tails)]
    got = REG.split("; ".join(written))
    assert len(got) == len(written)
    assert all(g[:1].isupper() for g in got)


# -- rev12 D-I: an office named after a list of the bodies it serves, written with commas ----------------------

@pytest.mark.parametrize("cell,expected", [
    # one office: after its first body the list goes on with bare bodies, the level written once at the end
    ("Văn phòng Đảng ủy, HĐND và UBND xã", ["Văn phòng Đảng ủy, HĐND và UBND xã"]),
    ("Văn phòng Đảng ủy, HĐND và UBND xã, Công an xã", ["Văn phòng Đảng ủy, HĐND và UBND xã", "Công an xã"]),
    ("VP Đảng ủy, HĐND, UBND phường; Phòng Kinh tế", ["VP Đảng ủy, HĐND, UBND phường", "Phòng Kinh tế"]),
    ("Văn phòng HĐND, UBND xã Nam Sơn", ["Văn phòng HĐND, UBND xã Nam Sơn"]),
    ("Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh", ["Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh"]),
    ("Phòng Kinh tế, Văn phòng Đảng ủy, HĐND và UBND xã", ["Phòng Kinh tế", "Văn phòng Đảng ủy, HĐND và UBND xã"]),
    # lists: the Party's own office; bodies with no office before them; a level already written; a collective
    ("Văn phòng Đảng ủy, Công an xã", ["Văn phòng Đảng ủy", "Công an xã"]),
    ("Văn phòng Đảng ủy và UBND xã", ["Văn phòng Đảng ủy", "UBND xã"]),
    ("Văn phòng Đảng ủy, UBND phường Cam Đường", ["Văn phòng Đảng ủy", "UBND phường Cam Đường"]),
    ("Văn phòng HĐND và UBND, UBND phường Cam Đường", ["Văn phòng HĐND và UBND", "UBND phường Cam Đường"]),
    ("Đảng ủy, HĐND, UBND xã", ["Đảng ủy", "HĐND", "UBND xã"]),
    ("Văn phòng UBND tỉnh, HĐND tỉnh", ["Văn phòng UBND tỉnh", "HĐND tỉnh"]),
    ("Văn phòng Tỉnh ủy, HĐND tỉnh", ["Văn phòng Tỉnh ủy", "HĐND tỉnh"]),
    ("Văn phòng HĐND và UBND, UBND các xã, phường", ["Văn phòng HĐND và UBND", "UBND các xã, phường"]),
    # the communes' offices together, as before
    ("Văn phòng HĐND và UBND các xã, phường", ["Văn phòng HĐND và UBND các xã, phường"]),
])
def test_an_offices_list_of_bodies_written_with_commas_is_one_agency(cell, expected):
    assert split_agencies(cell) == expected


# the bodies an office serves, in the order their offices were named, each abbreviated or written out
_SERVED_KINDS = [("Đoàn ĐBQH", "Đoàn đại biểu Quốc hội"), ("HĐND", "Hội đồng nhân dân"), ("UBND", "Ủy ban nhân dân")]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["Văn phòng", "VP"]), st.booleans(),
       st.lists(st.integers(0, 2), min_size=2, max_size=3, unique=True).map(sorted),
       st.lists(st.booleans(), min_size=3, max_size=3),
       st.sampled_from(["xã", "phường", "tỉnh", "xã Nam Sơn", "đặc khu Côn Đảo"]), _OTHERS, st.booleans())
def test_an_office_of_a_list_of_bodies_stays_whole_among_a_list(office, party, kinds, written_out, level, others,
                                                                 first):
    # a Party committee's office served its council and its committee: «Văn phòng Đảng ủy, HĐND và UBND xã»
    kinds = [1, 2] if party else kinds
    bodies = [_SERVED_KINDS[k][written_out[k]] for k in kinds]
    bodies = ["Đảng ủy", *bodies] if party else bodies
    name = f"{office} {', '.join(bodies[:-1])} và {bodies[-1]} {level}"
    items = [name, *others] if first else [*others, name]
    assert split_agencies(", ".join(items), canonical=False) == items


# -- rev12 D-C: the bodies a committee does not direct, as offices type them ---------------------------------------

from kh_excel.core.agencies import committee_relation  # noqa: E402

_LEVELS = ["tỉnh", "xã", "phường", "đặc khu Phú Quốc", "khu vực 2", "xã Bảo Hà"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([
    # the council and its standing committee, the Party, the Front and the mass organisations, courts, procuracy
    "Thường trực HĐND", "TT HĐND", "TT. HĐND", "Thường trực Hội đồng nhân dân", "HĐND", "Hội đồng nhân dân",
    "Đảng ủy", "Đảng uỷ", "Ủy ban MTTQ Việt Nam", "UBMTTQ", "MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Hội LHPN", "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội ND", "HND", "Hội Cựu chiến binh", "Hội CCB", "CCB",
    "Đoàn Thanh niên", "Đoàn TN", "ĐTN", "Đoàn TNCS Hồ Chí Minh", "Tòa án nhân dân", "Toà án nhân dân", "TAND",
    "Viện Kiểm sát nhân dân", "VKSND", "Liên đoàn Lao động"]), st.sampled_from(_LEVELS), st.booleans())
def test_the_council_party_front_mass_organisations_and_courts_are_only_asked(body, level, upper):
    name = f"{body} {level}"
    assert committee_relation(name.upper() if upper else name) == "asked"


@pytest.mark.parametrize("name,relation", [
    # central agencies in the province, the police, the army: told to lead, answerable along their own line
    ("Công an xã", "own_line"), ("Thuế cơ sở 5", "own_line"), ("Kho bạc Nhà nước khu vực IX", "own_line"),
    ("NHCSXH xã", "own_line"), ("Ban Chỉ huy Quân sự xã", "own_line"), ("BHXH tỉnh", "own_line"),
    # the committee's own: its offices (one serving the council and the Party as well), its Phòng, its units
    ("Văn phòng Đảng ủy, HĐND và UBND xã", "directed"), ("Văn phòng HĐND và UBND xã", "directed"),
    ("VP HĐND-UBND xã", "directed"), ("Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh", "directed"),
    ("Phòng Văn hóa - Xã hội", "directed"), ("Trạm Y tế xã", "directed"), ("UBND các xã/phường", "directed"),
    ("Ban Dân tộc tỉnh", "directed"), ("Hội đồng thi xã", "directed"),
    ("Trung tâm Phục vụ hành chính công xã", "directed"),
    # offices of the council or the Party alone, a council's own committee
    ("Văn phòng Đảng ủy", "asked"), ("Văn phòng Tỉnh ủy", "asked"), ("VP Đảng ủy xã", "asked"), ("VP Tỉnh ủy", "asked"),
    ("VP Đảng ủy, HĐND và UBND xã", "directed"), ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "asked"),
    ("Ban Kinh tế - Ngân sách HĐND xã", "asked"), ("Ban Dân tộc HĐND tỉnh", "asked"),
    # the mass organisations together; the departments with them are the committee's
    ("Các đoàn thể xã", "asked"), ("Các tổ chức chính trị - xã hội phường", "asked"),
    ("Các sở, ban, ngành, đoàn thể tỉnh", "directed"),
])
def test_how_a_committee_stands_to_a_body(name, relation):
    assert committee_relation(name) == relation


@pytest.mark.parametrize("cell,expected", [
    # the abbreviations open an agency of their own after a comma, as the names written out do
    ("Đoàn Thanh niên, Hội LHPN xã", ["Đoàn Thanh niên", "Hội LHPN xã"]),
    ("ĐTN, HND, CCB xã", ["ĐTN", "HND", "CCB xã"]),
    ("MTTQ, Hội LHPN xã", ["MTTQ", "Hội LHPN xã"]),
    ("TT HĐND, Phòng Kinh tế", ["TT HĐND", "Phòng Kinh tế"]),
    ("Phòng Văn hóa - Xã hội, TAND khu vực", ["Phòng Văn hóa - Xã hội", "TAND khu vực"]),
])
def test_abbreviated_mass_organisations_split_as_written(cell, expected):
    assert split_agencies(cell, canonical=False) == expected


@pytest.mark.parametrize("name", ["Chi nhánh Ngân hàng Nông nghiệp và PTNT huyện", "Agribank chi nhánh Bảo Hà",
                                  "Ngân hàng TMCP Công thương", "Quỹ tín dụng nhân dân xã"])
def test_a_bank_that_is_a_business_is_asked(name):
    """rev14 F-H: «Chi nhánh Ngân hàng Nông nghiệp … chịu trách nhiệm trước Ủy ban nhân dân xã»: a bank is no body
    of the committee's."""
    from kh_excel.core.agencies import asked_by_committee
    assert asked_by_committee(name)
