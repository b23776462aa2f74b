"""The model (Table, Attainment) and the settings, made into the context a template reads.

Everything a template shows is computed here as finished Vietnamese text, so that a
template author writes `{{ vb.dong_so }}` and never formats a date or a number. The keys
are listed in templates/README.md. Every value is a string, a list or a dict of them: a
template that asks for something else fails loudly (StrictUndefined) instead of
printing nothing.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from markupsafe import Markup

from kh_excel.core.model import Assessment, Attainment, Indicator, Table
from kh_excel.core.numbers import format_number, format_ratio
from kh_excel.core.own_columns import same_period_levels
from kh_excel.core.periods import PLAN_SHORT, PLAN_WORD, status_label, table_plan_word
from kh_excel.core.periods import in_sentence as in_sentence_plan
from kh_excel.core.text import (FOLDED_ADMINISTRATIVE_LEVELS, FOOTNOTE_ENDS, fold, footnote_key, heading_words,
                                 split_footnote, typed_note)
from kh_excel.docs import layout as L
from kh_excel.docs import notice as N
from kh_excel.docs import period as P
from kh_excel.docs import vn
from kh_excel.docs import wording as W
from kh_excel.docs import kinds
from kh_excel.docs import places
from kh_excel.docs.settings import FIELD_BY_ID, Settings
from kh_excel.errors import UserError

# Vietnamese item letters: a) b) c) d) đ) e) g) … (no f, j, w, z)
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

# («{plan}»: what the table calls its plan, core.periods.plan_word: «Các chỉ tiêu vượt dự toán» of a budget's table)
STATUS_GROUPS = (
    ("vuot", "Các chỉ tiêu vượt {plan}"),
    ("dat", "Các chỉ tiêu đạt {plan}"),
    ("khong_dat", "Các chỉ tiêu không đạt {plan}"),
    ("chua_co_so_lieu", "Các chỉ tiêu chưa có số liệu"),
    ("khong_danh_gia", "Các chỉ tiêu không đánh giá bằng số"),
    ("so_lieu_loi", "Các chỉ tiêu có số liệu lỗi, chưa đánh giá"),
)

_CTRL = re.compile(r"[\x00-\x08\x0e-\x1f]")


class ContextError(UserError, ValueError):
    """The data cannot make this document (e.g. an agency with no indicator); Vietnamese message."""


def txt(value: Any) -> str:
    """Text for a document: NFC, line breaks kept as '\\n', characters XML cannot hold removed."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFC", str(value))
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    return _CTRL.sub("", s).strip()


def letter(i: int) -> str:
    return LETTERS[i] if i < len(LETTERS) else f"{LETTERS[i % len(LETTERS)]}{i // len(LETTERS)}"


def sentence_case(title: str) -> str:
    """'CÁC CHỈ TIÊU VỀ KINH TẾ' -> 'Các chỉ tiêu về kinh tế'; acronyms and document symbols kept («BHYT»,
    «57-NQ/TW»), a place's name and a province's capitalised («Xã Tả Phìn (cũ)», «cửa khẩu Lào Cai»: rev13 R15), the
    names of bodies and congresses too («Nghị quyết Đại hội Đảng bộ»: wording.proper_capitals)."""
    t = txt(title)
    noted = typed_note(t)  # «CHỈ TIÊU KINH TẾ (11 chỉ tiêu)»: the heading as any in capitals, its note as typed
    if noted:
        return sentence_case(noted[0]) + noted[1]
    if t and t == t.upper():
        t = _NUMBERED_DOCUMENT.sub(lambda m: m.group(1)[:1].upper() + m.group(1)[1:],
                                   W.proper_capitals(places.province_capitals(heading_words(t))))
    return t[:1].upper() + t[1:]


# A document named by its number is a proper name: «theo Nghị quyết số 57-NQ/TW» (Decree 30, Phụ lục II)
_NUMBERED_DOCUMENT = re.compile(r"(?<!\w)(nghị quyết|quyết định|chỉ thị|kết luận|nghị định|thông tư|luật|kế hoạch|"
                                r"chương trình|đề án)(?= số\b)")


def _lower_first(text: str) -> str:
    """A heading as the object of a sentence: its first letter lower-cased, unless its first word is an acronym."""
    first = text.split(" ", 1)[0]
    return text if first[1:2].isupper() else text[:1].lower() + text[1:]


def unit_in_text(unit: str) -> str:
    """A unit inside a sentence ('Tỷ đồng' -> 'tỷ đồng'); see docs.wording."""
    return W.unit_words(txt(unit))


def target_text(ind: Indicator) -> str:
    """The target as the source shows it (93,00 stays 93,00; '>10' stays '>10'); a figure that reads both ways as
    it was read ('>1.5' -> '>1,5': what the sentence states and check's warning says)."""
    t = ind.target
    if t.text:
        return txt(getattr(ind.readings.get("target"), "as_read", "") or t.text)
    if t.value is not None:
        return format_number(t.value)
    return ""


target_words = W.target_words
target_phrase = W.target_phrase


def result_text(ind: Indicator) -> str:
    """The result cell of the appendix: «95%» where the sheet shows a % against a plan in another unit
    (core.attainment.percent_on_other_unit), never «95» under «Tỷ đồng»; an estimate or an «about» as written
    («Ước 12.600», «ƯTH 11.800», «Khoảng 24»), never the bare figure; a figure that reads both ways as it was
    read («Ước 1.5» -> «Ước 1,5»: what the sentence states and check's warning says)."""
    rr = ind.result_reading
    written = rr.as_read if rr is not None and rr.as_read else ind.result_text
    if rr is not None and rr.kind == "about" and ind.result_text:
        return txt(written)
    if ind.result is not None:
        from kh_excel.core.attainment import percent_on_other_unit
        from kh_excel.core.table import of_total_as_written
        if (as_written := of_total_as_written(ind, "result")) is not None:
            return txt(as_written)  # «2/30», «04/09»: the place or count with its total, as the cell writes it
        return format_number(ind.result) + ("%" if percent_on_other_unit(ind) else "")
    return txt(written)


def previous_text(ind: Indicator) -> str:
    """The previous year's cell of the appendix by the result's rule (result_text): an estimate or an «about» as
    written («Gần 595.000», «3,2 (ước)»: rev19 N-3), never the bare figure that would read as exact; else its
    figure with the footnote mark its cell writes («46*»); "" for none (a range or a bound compares nothing)."""
    if ind.previous is None:
        return ""
    rr = ind.previous_reading
    if rr is not None and rr.kind == "about":
        return txt(rr.as_read or rr.text)
    from kh_excel.core.table import of_total_as_written
    if (as_written := of_total_as_written(ind, "previous")) is not None:
        return txt(as_written)  # «2/30», «04/09», as result_text
    return with_mark(format_number(ind.previous), cell_mark(ind, "previous"))


def growth_text(a: Assessment, previous_year: int | None, since: str | None = None) -> str:
    """'tăng 8,16% so với năm 2025'; points for an indicator in %, places for a rank (docs.wording.growth_words);
    `since` the comparison of a part of the year («so với cùng kỳ năm trước», docs.period)."""
    return W.growth_words(a, previous_year, since)


def sub_level(ind: Indicator) -> int:
    return 2 if ind.stt.strip().startswith("+") else 1


in_sentence = W.group_name
mid_sentence = W.lower_first


def agencies_text(names: list[str]) -> str:
    return "; ".join(txt(n) for n in names if txt(n))


def written_agencies(ind: Indicator, role: str) -> str:
    """A row's agencies of `role` («lead», «cooperate») as its cells spell them, for the appendix, which copies the
    resolution (rev18 R18-14: «UBND các xã, phường», never the registry's «UBND các xã/phường»): each agency the reader
    found, in the spelling of the cell it came from (a «(phối hợp)» mark may move it to the other role); an agency no
    cell spells (inherited) as the reader names it."""
    from kh_excel.core.table import agency_registry
    reg = agency_registry()
    spelled: dict[str, str] = {}
    for r in ("lead", "cooperate"):
        for item in reg.split(ind.raw.get(r), canonical=False):
            spelled.setdefault(reg.key(item), txt(item))
    return agencies_text([spelled.get(reg.key(n), n) for n in getattr(ind, role)])


def agency_display(name: str) -> str:
    """An agency as prose names it: as the table names it, a known abbreviation written out ('Sở VHTTDL' -> 'Sở Văn
    hóa, Thể thao và Du lịch'; core.agencies.spelled_out), never the registry's other name of it ('Cục Thuế tỉnh'
    stays); an unknown name as typed."""
    from kh_excel.core.table import agency_registry
    t = txt(name)
    return W.agency_words(txt(agency_registry().canonical(t))) if t else t


def _same_agency(a: str, b: str) -> bool:
    """One agency under the registry's rules (abbreviations, tone marks), as the batch groups them."""
    from kh_excel.core.table import agency_registry
    return agency_registry().same(a, b)


def province_from_titles(lines: list[str]) -> tuple[str, str] | None:
    """('TỈNH', 'LÀO CAI') from a table title ending '… NĂM 2026 TỈNH LÀO CAI' (a district's own level:
    ('HUYỆN', 'ĐƠN DƯƠNG')); the issuer's, never the receiver's of «… GIAO CHO HUYỆN Y» (docs.places); None when
    the title names none, or only a stand-in («TỈNH X»): the document then leaves a highlighted gap, it never
    writes «X» as the place."""
    for line in lines:
        m = places.issuer(*places.prepared(txt(line)))
        if m:
            return m.level, m.name
    return None


def issuer_place(s: dict[str, Any], table: Table) -> tuple[tuple[str, str] | None, bool]:
    """The issuer's level and place, e.g. ('XÃ', 'KA ĐÔ'), and whether the settings named it. What the user wrote
    wins over the table's title everywhere it is used (header, date line, appendix title, Nơi nhận): the issuer's
    lines, its name in a sentence («Ủy ban nhân dân xã Ka Đô»), then the governing body's lines (a Sở under «UBND
    TỈNH LÀO CAI»); the title only when none of them names a place."""
    for key in ("co_quan_ban_hanh", "ten_co_quan", "co_quan_chu_quan"):
        value = s.get(key) or []
        found = province_from_titles([line for x in (value if isinstance(value, list) else [value])
                                      for line in txt(x).splitlines()])
        if found:
            return found, True
    titled = _titled_place(table)
    # the issuer's lines may give a level with no name («TỈNH X», a form's stand-in): a title of another level
    # places some other body, not this one
    level = _committee_level([txt(x).upper() for x in s.get("co_quan_ban_hanh") or []])
    if titled and level and titled[0].lower() != level:
        return None, False
    return titled, False


def told_by_table(table: Table) -> dict[str, Any]:
    """The settings the table's title tells (ids of docs.settings): the issuer (the people's committee of the place,
    or a department's lines and its governing body: title_issuer) and the place of the date line; {} when the title
    tells none. The document falls back to these where the settings are blank, and the settings sheet written for a
    workbook shows them (never a gap: a governing body the title does not name is left blank)."""
    province = _titled_place(table)
    told: dict[str, Any] = {}
    department = title_issuer(table, f"{province[0]} {province[1]}" if province else "")
    if department:
        governing, issuer = department
        told["co_quan_ban_hanh"] = issuer
        if governing and not any(_GAP.search(x) for x in governing):
            told["co_quan_chu_quan"] = governing
    elif province:
        told["co_quan_ban_hanh"] = ["ỦY BAN NHÂN DÂN", f"{province[0]} {province[1]}"]
        if superior := title_superior(table):   # the committee above it (a ward's district), as issuer_lines heads it
            told["co_quan_chu_quan"] = [superior.upper()]
    if province:
        told["dia_danh"] = place_name(province)
    return told


def title_issuer(table: Table, committee_place: str) -> tuple[list[str], list[str]] | None:
    """(governing body's lines, issuer's lines) of a department's table: its title's last body line names a Sở, a
    Phòng … (DEPARTMENTS), without its place («SỞ TÀI CHÍNH TỈNH LÀO CAI» -> «SỞ TÀI CHÍNH»), under the body line
    above it; a people's committee above it, or none above a Sở or a Phòng, is the committee of `committee_place`
    («TỈNH LÀO CAI»: the issuer's place, docs.context.issuer_place) written «UBND TỈNH LÀO CAI», a gap where the
    place is not known, as a Cục's or a Chi cục's governing body no line names. None for a committee's own table."""
    lines = _department_lines(table)
    if len(lines) > 1 and _DIVISION.match(lines[-1]) and _DEPARTMENT_LINE.match(lines[-2]) \
            and not _DIVISION.match(lines[-2]):
        lines = lines[:-1]  # «SỞ …» over «PHÒNG TỔNG HỢP», «VĂN PHÒNG»: a Sở's division drafted it, the Sở issues it
    if not lines or not _DEPARTMENT_LINE.match(lines[-1]):
        return None
    name, dept = department_of([lines[-1]]) or ("", DEPARTMENTS[0])
    above = lines[-2] if len(lines) > 1 else ""
    issuer = header_lines(name, L.SIZE["ban_hanh"], True)
    if above and not is_people_committee([above]):
        return header_lines(above, L.SIZE["chu_quan"], False), issuer
    if not dept.governed and not above:
        return [], issuer  # a ministry: no body's line above it
    return [_governing_line(dept if not above else DEPARTMENTS[0], committee_place)], issuer


# Where a body's name breaks over two lines, best first: before its place, before «VÀ», after a dash or a comma
# (nd30's headers: «SỞ LAO ĐỘNG - THƯƠNG BINH» over «VÀ XÃ HỘI»), else between any two words
_NAME_BREAKS = (re.compile(rf" (?={places._LEVELS} )"), re.compile(r" (?=VÀ )"), re.compile(r"(?<=[-–,]) "))


def header_lines(name: str, size: float, bold: bool) -> list[str]:
    """A body's name in the header's column: one line where it fits, else lines that fit (four at most), broken
    where the name breaks (_NAME_BREAKS, the better kind first) before between any two words, then the fewest, as
    even as can be: «PHÒNG TÀI CHÍNH -» over «KẾ HOẠCH», never «… - KẾ» over «HOẠCH». A name no break makes fit
    stays one line (it wraps)."""
    box = L.HEADER_COLS_MM[0]

    def width(t: str) -> float:
        return L.pt_to_mm(vn.text_width_pt(t, size, bold=bold))

    def fit(text: str, depth: int) -> tuple[int, list[str]] | None:
        """(breaks between words that are no name's break, lines) of the best fit of `text`, None if none."""
        if width(text) <= box:
            return 0, [text]
        if depth == 0:
            return None
        found = []
        for rank, breaks in enumerate((*_NAME_BREAKS, re.compile(r" "))):
            for m in breaks.finditer(text):
                head, tail = text[:m.start()].rstrip(), text[m.end():].lstrip()
                a, b = (fit(head, depth - 1), fit(tail, depth - 1)) if head and tail else (None, None)
                if a and b:
                    blind = a[0] + b[0] + (rank == len(_NAME_BREAKS))
                    found.append((blind, len(a[1]) + len(b[1]), rank, abs(width(head) - width(tail)), a[1] + b[1]))
        best = min(found, key=lambda f: f[:4]) if found else None
        return (best[0], best[4]) if best else None

    if width(name) > 4 * box or len(name.split()) > _MOST_HEADER_WORDS:
        return [name]  # no four lines hold it (a hostile or pasted cell): one line that wraps, found at once
    best = fit(name, 2)
    return best[1] if best else [name]


_MOST_HEADER_WORDS = 24  # the splits tried grow with the words squared at each of two levels: a name is shorter


def _governing_line(dept: Department, committee_place: str) -> str:
    """The governing body's line of a department no line or only a committee's line governs: its place's committee
    («UBND TỈNH LÀO CAI», a gap where the place is unknown); a gap for a Cục or Chi cục (Department.under_committee)."""
    if not dept.under_committee:
        return MISSING_GOVERNING
    return f"UBND {committee_place or '[TÊN ĐỊA PHƯƠNG]'}"


def issuer_lines(s: dict[str, Any], table: Table, committee_place: str) -> tuple[list[str], list[str]]:
    """(cơ quan chủ quản, cơ quan ban hành), upper case: what the settings write wins; where they name no issuer of
    their own, a department's table is issued by the department under its governing body (title_issuer); else the
    people's committee of `committee_place`. The settings' own issuer keeps the title's governing body only when
    it is the title's department itself; a department they name under no body gets its place's committee (a Sở, a
    Phòng) or a gap (_governing_line)."""
    def written(key: str) -> list[str]:
        return [txt(x).upper() for x in (s.get(key) or []) if txt(x)]
    own, governing = written("co_quan_ban_hanh"), written("co_quan_chu_quan")
    titled = title_issuer(table, committee_place)
    if titled and _issuer_named_otherwise(s, titled[1]):
        titled = None
    issuer = own or (titled[1] if titled else ["ỦY BAN NHÂN DÂN", committee_place])
    if not governing and titled:
        governing = titled[0]
    superior = title_superior(table) if not own and not titled else ""
    if not governing and superior and _titled_place(table) == _place_of([committee_place]):
        # «UBND QUẬN 1» over «UBND PHƯỜNG BẾN NGHÉ»: the ward issues, under its district (never another place's)
        governing = header_lines(superior.upper(), L.SIZE["chu_quan"], False)
    department = department_of(issuer)
    if not governing and department and department[1].governed:  # a Sở the settings name, under no body they name:
        governing = [_governing_line(department[1], committee_place)]  # its place's committee
    if is_people_committee(issuer) and is_people_committee(governing) and not _holds(governing, issuer[1:]):
        governing = []  # a committee is never its own governing body: no «UBND TỈNH X» over «ỦY BAN NHÂN DÂN / TỈNH X»
    return governing, issuer


def _place_of(lines: list[str]) -> tuple[str, str] | None:
    m = places.issuer(*places.prepared(" ".join(txt(x) for x in lines).upper()))
    return (m.level, m.name) if m else None


def _holds(governing: list[str], issuer: list[str]) -> bool:
    """Is the place of the `governing` lines a level above the place of the `issuer` lines (a district's above one
    of its wards)?"""
    above, below = _place_of(governing), _place_of(issuer)
    ranks = [_place_rank(*p) if p else None for p in (above, below)]
    return None not in ranks and ranks[0] < ranks[1]


def _issuer_unknown(s: dict[str, Any], settings: Settings | None, ban_hanh: list[str], missing: list[str]) -> str:
    """Why a document cannot name its issuer: the issuer as the author wrote it (never upper-cased), where it was
    written (the settings' cell, or the table's title), and the rows to fill as the settings sheet labels them
    (rev15 R15-10: only TOML keys a sheet's author never sees, and no cell), each with its TOML key beside it."""
    written = [txt(x) for x in (s.get("co_quan_ban_hanh") or []) if txt(x)]
    place = (settings.places.get("co_quan_ban_hanh") if settings is not None and written else None)
    where = (f" (mục «{FIELD_BY_ID['co_quan_ban_hanh'].label}», {place})" if place
             else " (mục «Cơ quan ban hành» của cấu hình văn bản)" if written else " (theo tên bảng chỉ tiêu)")
    rows = [f"«{FIELD_BY_ID[k].label}» ({k})" for k in (*missing, "tham_quyen", "chuc_vu", "ho_ten")]
    return (f"cơ quan ban hành «{' '.join(written or ban_hanh)}»{where} không phải Ủy ban nhân dân hay một Sở, Phòng, "
            f"Chi cục, Cục: hãy ghi đúng tên cơ quan ban hành, hoặc điền các mục {', '.join(rows)} của trang «Cấu hình "
            "văn bản» (trong tệp --settings: tên trong ngoặc)")


def _issuer_named_otherwise(s: dict[str, Any], department: list[str]) -> bool:
    """Do the settings name an issuer other than the title's department (its lines, its name in a sentence or its
    symbol)? Then the document is that issuer's, and the title's department stands for nothing."""
    own = [txt(x) for x in (s.get("co_quan_ban_hanh") or []) if txt(x)]
    if own and fold(" ".join(own)) != fold(" ".join(department)):
        return True
    name, symbol = txt(s.get("ten_co_quan")), txt(s.get("ky_hieu_co_quan"))
    return bool(name and fold(name) != fold(issuer_name(department))
                or symbol and fold(symbol) != fold(issuer_symbol(department)))


def title_rows(table: Table) -> list[tuple[str, ...]]:
    """The title's rows, each as its cells' texts (Table.title_cells): a cell is a text of its own, never one name
    with the cell beside it. A table whose title lines were written otherwise (by hand, or replaced) has each line as
    one cell."""
    cells = table.title_cells
    if cells and [" ".join(c) for c in cells] == list(table.title_lines):
        return list(cells)
    return [(txt(line),) for line in table.title_lines]


# A form's label, a cell of its own in the title rows («Biểu số 01/KTXH», «Mẫu số 01», «Biểu 02», «Phụ biểu số 3»):
# which form the sheet is, never its title nor a part of the issuer's name (folded, the whole cell)
_FORM_LABEL = re.compile(r"^(?:phu )?(?:bieu|mau)(?: mau)?(?: so)?\s*[:.]?\s*(?:\d+|[ivxlc]+\b)[\w/.-]*\s*$")


def is_form_label(text: str) -> bool:
    return bool(_FORM_LABEL.match(fold(txt(text)).strip()))


def _main_cells(table: Table) -> list[str]:
    """Each title row's own text: its first cell that is no form label (_FORM_LABEL). What stands to its right
    («Mẫu số 01», «Nguồn: http://…», «Đơn vị: Tỷ đồng», «Số liệu cập nhật 15/12/2018») is a note beside it."""
    out = []
    for row in title_rows(table):
        own = [c for c in row if not is_form_label(c)]
        if own:
            out.append(own[0])
    return out


def _titled_place(table: Table) -> tuple[str, str] | None:
    """The issuer's place the title names, read cell by cell (places.issuer_of_cells: a note in the next cell is no
    part of the name); a place's name begins with a letter or a digit: «=…», «+…», «@…» is a formula a sheet would
    run (the settings sheet shows it), no place. A superior's line (superiors: «UBND QUẬN 1» over «UBND PHƯỜNG BẾN
    NGHÉ») names the body above the issuer, never the issuer's place."""
    above = superiors(table)
    province = next(((m.level, m.name) for i, row in enumerate(title_rows(table))
                     if i not in above and (m := places.issuer_of_cells([txt(c) for c in row]))), None)
    return province if province and province[1][:1].isalnum() else None


# The rank of a level of local government, the province's first: a body of a higher rank holds one of a lower rank.
# A city is a province's (the centrally run ones, kinds.CENTRAL_CITIES) or a district's.
_RANK = {"TỈNH": 0, "HUYỆN": 1, "QUẬN": 1, "THỊ XÃ": 1, "XÃ": 2, "PHƯỜNG": 2, "THỊ TRẤN": 2, "ĐẶC KHU": 2}
# A people's committee's header line, and a Party body's («ĐẢNG BỘ TỈNH THANH HÓA», «HUYỆN ỦY NHƯ XUÂN», «THÀNH ỦY …»)
_COMMITTEE_LINE = re.compile(r"^(?:UBND|[ỦU][YỶ] BAN NHÂN DÂN)\s")
_PARTY_LINE = re.compile(r"^(?:ĐẢNG BỘ|ĐẢNG [UỦ][YỶ]|(TỈNH|THÀNH|HUYỆN|QUẬN|THỊ) [UỦ][YỶ])\s+(.*)$")
_PARTY_LEVEL = {"TỈNH": "TỈNH", "THÀNH": "THÀNH PHỐ", "HUYỆN": "HUYỆN", "QUẬN": "QUẬN", "THỊ": "THỊ XÃ"}


def _place_rank(level: str, name: str) -> int | None:
    if level == "THÀNH PHỐ":
        return 0 if kinds.is_central_city(level, name) else 1
    return _RANK.get(level)


def _header_body(line: str) -> tuple[bool, int] | None:
    """(a people's committee?, the rank of its place) of an upper-case header line naming a committee or a Party
    body of a place («UBND QUẬN 1»: (True, 1); «HUYỆN ỦY NHƯ XUÂN»: (False, 1)); None for any other line, or a
    place whose name cannot be read."""
    t = unicodedata.normalize("NFC", txt(line)).strip()
    if not t or t != t.upper():
        return None
    committee = bool(_COMMITTEE_LINE.match(t))
    party = None if committee else _PARTY_LINE.match(t)
    if not committee and not party:
        return None
    if party and party.group(1):   # «HUYỆN ỦY NHƯ XUÂN»: the party committee of the district Như Xuân
        level, name = _PARTY_LEVEL[party.group(1)], party.group(2).strip()
        rank = _place_rank(level, name) if name and not re.search(r"\d", name) else None
    else:
        m = places.issuer(*places.prepared(t))
        rank = _place_rank(m.level, m.name) if m else None
    return None if rank is None else (committee, rank)


def superiors(table: Table) -> dict[int, tuple[str, bool]]:
    """The title rows (their indices in title_rows) that name the body above the next row's: two header lines one
    under the other, the second a body of a place inside the first's (nd30: «tên cơ quan, tổ chức chủ quản trực
    tiếp» above «tên cơ quan, tổ chức ban hành»): «UBND QUẬN 1» over «UBND PHƯỜNG BẾN NGHÉ», «UBND TỈNH LÀO CAI»
    over «UBND HUYỆN BẮC HÀ», «ĐẢNG BỘ TỈNH THANH HÓA» over «HUYỆN ỦY NHƯ XUÂN». Each with its line (NFC, as written)
    and whether both are people's committees (then the upper one heads the document as its governing body). One
    line («ỦY BAN NHÂN DÂN» over «TỈNH LÀO CAI»), two bodies of one level, or a Sở under its committee (title_issuer)
    are none."""
    own = [unicodedata.normalize("NFC", txt(next((c for c in row if txt(c) and not is_form_label(c)), ""))).strip()
           for row in title_rows(table)]
    bodies = [_header_body(t) for t in own]
    out = {}
    for i in range(len(own) - 1):
        upper, lower = bodies[i], bodies[i + 1]
        # (bodies of one kind: a Party committee under a people's committee is no body inside it, rev21 N-1: «UBND
        # HUYỆN KRÔNG PẮC» over «ĐẢNG ỦY XÃ EA KÊNH» made a «ỦY BAN NHÂN DÂN XÃ EA KÊNH» the sheet never names)
        if upper and lower and lower[1] > upper[1] and upper[0] == lower[0]:
            out[i] = own[i], upper[0] and lower[0]
    return out


def title_superior(table: Table) -> str:
    """The line of the people's committee above the committee the title names as issuer («UBND QUẬN 1» over «UBND
    PHƯỜNG BẾN NGHÉ»: superiors), as written; '' when the title names none."""
    above = superiors(table)
    line, committees = above[max(above)] if above else ("", False)
    return line if committees else ""


def place_name(place: tuple[str, str]) -> str:
    """The địa danh of the date line: the unit's name («Lào Cai», «Ka Đô»); a unit named by a number or after a person
    is written with its level («Phường 1», «Thành phố Hồ Chí Minh», nd30 Phụ lục I)."""
    level, name = place
    whole = name.strip().isdigit() or name.strip().lower() in kinds.NAMED_AFTER_PEOPLE
    return f"{level.capitalize()} {name.title()}" if whole else name.title()


# A title line that only names a body, as an organisation's header does («UBND TỈNH LÀO CAI», «SỞ KẾ HOẠCH VÀ
# ĐẦU TƯ», «TỈNH ỦY LÀO CAI»): who made the table, not what it is (upper case, no figure, no «chỉ tiêu»).
# A ministry («BỘ Y TẾ»; never «BỘ CHỈ SỐ …», a set of indicators). A number only as a ward's or an urban district's
# name («UBND QUẬN 1», «UBND PHƯỜNG 3»): any other figure is a title's («… NĂM 2026»).
_BODY_LINE = re.compile(r"^(?:UBND|[ỦU][YỶ] BAN NHÂN DÂN|HĐND|HỘI ĐỒNG NHÂN DÂN|SỞ|PHÒNG|CHI CỤC|CỤC|VĂN PHÒNG|"
                        r"(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG) [UỦ][YỶ]|ĐẢNG BỘ|BỘ(?! CHỈ))\b"
                        r"(?!.*\b(?:CHỈ TIÊU|BÁO CÁO|BIỂU|PHỤ LỤC)\b)(?:[^\d]|(?<=PHƯỜNG )\d{1,2}|(?<=QUẬN )\d{1,2})*$")


class Department(NamedTuple):
    """An office that issues its own documents under a governing body (nd30: «cơ quan chủ quản» above it)."""
    word: str            # how its line begins, upper case: «SỞ»
    prose: str           # that word in a sentence: «Sở»
    head: str            # who signs for it: «GIÁM ĐỐC»
    under_committee: bool  # governed by the people's committee of its place where no line above names another
                           # (a Sở, a Phòng); a Cục or a Chi cục may be a ministry's or a Sở's: only a line tells
    office: bool         # has a Văn phòng of its own, which announces its notices and signs them TL. its head (a Sở,
                         # a Cục); a Phòng or a Chi cục has none: its head signs (KT.: the deputy)
    head_prose: str = ""  # its head in its own document's sentences: its units answer to «Giám đốc Sở»
    governed: bool = True  # a body governs it (nd30's «cơ quan chủ quản» line); a ministry's header has none


DEPARTMENTS = (
    Department("SỞ", "Sở", "GIÁM ĐỐC", True, True, "Giám đốc Sở"),
    Department("PHÒNG", "Phòng", "TRƯỞNG PHÒNG", True, False, "Trưởng phòng"),
    Department("CHI CỤC", "Chi cục", "CHI CỤC TRƯỞNG", False, False, "Chi cục trưởng"),
    Department("CỤC", "Cục", "CỤC TRƯỞNG", False, True, "Cục trưởng"),
    # a ministry (its Chương trình hành động, its own progress table: rev22 R22-7): directly under the Government,
    # its header the ministry alone; its Vụ and Cục answer to the Bộ trưởng
    Department("BỘ", "Bộ", "BỘ TRƯỞNG", False, True, "Bộ trưởng", False),
    # an office that is a body of its own (Văn phòng Điều phối nông thôn mới, Văn phòng Đăng ký đất đai): its Chánh
    # Văn phòng heads it as a Trưởng phòng heads a Phòng; the committee's own office is none (_COMMITTEE_OFFICE)
    Department("VĂN PHÒNG", "Văn phòng", "CHÁNH VĂN PHÒNG", True, False, "Chánh Văn phòng"),
)
# The committee's own office, which announces the committee's notices TL. its chairman: «VĂN PHÒNG» alone, «VĂN
# PHÒNG UBND TỈNH», a commune's «VĂN PHÒNG HĐND VÀ UBND»; any other «VĂN PHÒNG …» is a department of its own
_COMMITTEE_OFFICE = r"VĂN PHÒNG(?:\s*$|\s+(?:(?:HĐND|HỘI ĐỒNG NHÂN DÂN)\s*(?:VÀ|&|-)\s*)?(?:UBND|[ỦU][YỶ] BAN NHÂN DÂN)\b)"
# …of a body other than a people's committee: the table is a department's, whose chairman is no signer
# («BỘ CHỈ HUY QUÂN SỰ TỈNH», «BỘ ĐỘI BIÊN PHÒNG TỈNH» are a province's commands, no ministry)
_DEPARTMENT_LINE = re.compile(rf"^(?!{_COMMITTEE_OFFICE})(?!BỘ (?:CHỈ HUY|ĐỘI|TƯ LỆNH)\b)("
                              + "|".join(d.word for d in DEPARTMENTS) + r")\b")
_DEPARTMENT_BY_WORD = {d.word: d for d in DEPARTMENTS}
# A line that may be a division of the department above it («PHÒNG TỔNG HỢP», «VĂN PHÒNG» under «SỞ …»)
_DIVISION = re.compile(r"^(?:VĂN )?PHÒNG\b")
MISSING_GOVERNING = "[CƠ QUAN CHỦ QUẢN]"


def _place_only(text: str) -> bool:
    """A title line that is a place and nothing else («HUYỆN NHƯ XUÂN», «TỈNH LÀO CAI»): the issuer's header written
    without its body's name, no title."""
    line, cased = places.prepared(txt(text).strip())
    m = places.issuer(line, cased)
    return bool(m and m.start == 0 and not line[m.end:].strip())


# «(Kèm theo Báo cáo số 120/BC-UBND … của UBND tỉnh Lào Cai)»: the table is a committee's document's appendix
_COMMITTEES_APPENDIX = re.compile(r"^\(?\s*kem theo\b.*\bcua (?:ubnd|uy ban nhan dan)\b")


def _department_lines(table: Table) -> list[str]:
    """The body lines (_BODY_LINE) of a header as one writes it: in capitals in the sheet («SỞ KẾ HOẠCH VÀ ĐẦU TƯ»),
    never a drafter's line in sentence case («Sở Kế hoạch và Đầu tư tổng hợp»); none for the appendix of a
    committee's document («(Kèm theo Báo cáo … của UBND tỉnh …)»), whatever office drafted it."""
    if any(_COMMITTEES_APPENDIX.match(fold(t)) for row in title_rows(table) for t in row):
        return []
    written = [unicodedata.normalize("NFC", txt(x)).strip() for x in _main_cells(table)]
    return [t for t in written if t == t.upper() and _BODY_LINE.match(t)]


def appendix_title(table: Table) -> str:
    """The table's own title: the first title row's own text (_main_cells: never a form's label, nor a note beside
    the issuer) that is no «Phụ lục», no «Kèm theo», no body's header line and no place alone («HUYỆN NHƯ XUÂN»)."""
    for line in _main_cells(table):
        t = txt(line)
        f = fold(t).strip()
        if not t or f.startswith("phu luc") or f.startswith("(kem theo") or f.startswith("kem theo"):
            continue
        if _BODY_LINE.match(unicodedata.normalize("NFC", t).strip().upper()) or _place_only(t):
            continue
        return t.upper()
    return ""


# ------------------------------------------------------------------ main entry

def build_context(source: Attainment | Table, settings: Settings | None, kind: str,
                  agency: str | None = None, today: date | None = None,
                  by_agency: dict[str, list[Assessment]] | None = None) -> dict[str, Any]:
    """The template context of one document.

    `kind` is an id of docs.kinds (it picks the settings group, the tên loại, the symbol and
    the body); `agency` keeps only the indicators that agency leads (a kind with needs_agency
    requires it; the batch generator calls this once per agency, passing `by_agency`, the
    table's rows grouped once by `group_by_agency`, instead of a rescan each time).
    """
    from kh_excel.core.attainment import evaluate, summarise

    info = kinds.find(kind)
    if info is None:
        raise ContextError(f"loại văn bản «{kind}» không có; dùng một trong: {kinds.choices()}")
    if isinstance(source, Attainment):
        attainment, table = source, source.table
    else:
        table, attainment = source, evaluate(source)
    s = (settings or Settings()).for_kind(kind)
    year = _year(s.get("nam"), table, today)

    assessments = list(attainment.assessments)
    # the period the figures are of (docs.period): its words, its comparisons, progress against a year's plan
    per = P.of_table(table, year, plan=not kinds.is_report(kind))
    if kinds.is_report(kind):
        assessments = P.without_growth(P.as_progress(assessments, per), per)
    if info.whole_only and agency:
        raise ContextError(kinds.whole_only_message(info))
    if info.needs_agency and not agency:
        raise ContextError("văn bản giao chỉ tiêu cần tên cơ quan chủ trì (tùy chọn --agency)")
    if agency:
        assessments = _for_agency(assessments, agency, by_agency)
        if not assessments:
            raise ContextError(f"không có chỉ tiêu nào do «{agency}» chủ trì")
        agency = _agency_display(assessments, agency)
        summary = summarise(assessments, year)
    else:
        summary = attainment.summary
    # a plan assigns nothing the table notes as not assigned this year («Không giao chỉ tiêu năm nay»): left out
    # of every part (targets, assignments, appendix, the letter's count), and the maker is told which rows
    unassigned = None if info.report else _not_assigned(assessments, year)
    if unassigned is not None:
        assessments = [a for a in assessments if a.indicator.row not in unassigned.rows]
        if not assessments:
            whose = f"do {agency} chủ trì " if agency else ""
            raise ContextError(f"mọi chỉ tiêu {whose}đều ghi chú không giao chỉ tiêu năm {year}, không có chỉ tiêu "
                               f"nào để giao: {unassigned.named}")
    agency = agency or ""
    # the council, the Party, the Front, a mass organisation, a court: the issuer asks them, it assigns them nothing
    from kh_excel.core.agencies import asked_by_committee
    asked = bool(agency) and asked_by_committee(agency)

    # --- issuing body, number, date
    ngay: date | None = s.get("ngay")
    # the document's date: it decides the levels of local government a gap offers and a province's units below it;
    # with no «Ngày ban hành» the table's year stands for it (its last day, or today when that is earlier): a 2024
    # table rendered after 1 July 2025 still names the districts of 2024
    issued_on = ngay or min(date(min(max(year, 1), 9999), 12, 31), today or date.today())
    # a plan of a period of years is signed before or at the period's start: once its first year is past, the plan is
    # of that time (the levels of government then: a district's plan of 2020-2025 is its district's) and its day
    # unknown, the year too: «năm» left blank for the signer as the day and month are, never the period's last year,
    # when the plan is done with (rev19 N-6: «Kế hoạch … giai đoạn 2021-2025 … ngày … tháng … năm 2025»)
    started = not ngay and bool(per.years) and not info.report and issued_on.year > per.first_year
    if started:
        issued_on = date(per.first_year, 12, 31)
    elif not ngay and not per.years and not info.report and (txt(s.get("nam")).isdigit() or table.year):
        # a plan of one year is signed before or at its start: the date its title states («Kèm theo Quyết định giao
        # chỉ tiêu ngày 20/12/2024»), else the first day of the year (of its last 6 months: 1 July), or today when
        # that is earlier; never the year's last day (rev22 R22-12: a quận's plan of 2025 was told its level had
        # ended, and offered a commune's recipients). A year taken from today's date is no plan's year: today stands
        from kh_excel.core.periods import SECOND_HALF, span_of, title_period_text, title_signed
        stated = title_signed(table.title_lines, year)
        later = per.second_half or span_of(title_period_text(table.title_lines)) == SECOND_HALF
        start = date(*stated) if stated else date(min(max(year, 1), 9999), 7 if later else 1, 1)
        issued_on = min(start, today or date.today())
    issued = (issued_on.year, issued_on.month, issued_on.day)
    # the year printed in a date left blank: the plan's, but a plan of a period of years is issued before it ends
    # (settings' date, else today's year), never dated «năm 2030»
    date_year = None if started else issued_on.year if per.years else year
    # the issuer's place: the settings' when they name one, else the title's; one answer for every part below
    province, named_by_settings = issuer_place(s, table)
    # the level (tỉnh, huyện) is written only where the data says it: else it is part of the gap, of the date's levels
    gap_level = kinds.level_word("", issued)
    province_line = f"{province[0]} {province[1]}" if province else f"[TÊN {gap_level.strip('[]').upper()}]"
    chu_quan, ban_hanh = issuer_lines(s, table, province_line)
    people_committee = is_people_committee(ban_hanh)
    # (an office under a committee — a Sở, a Phòng — is of its committee's level: the place's, or a gap)
    level = _committee_level(ban_hanh) or (province[0].lower() if province else "")
    ten_co_quan = txt(s.get("ten_co_quan")) or (
        "Ủy ban nhân dân " + (level or gap_level) if people_committee else issuer_name(ban_hanh))
    # a place the data does not give is a marked gap for the author, never a blank that gets signed
    dia_danh = txt(s.get("dia_danh")) or (place_name(province) if province else MISSING_PLACE)
    if info.needs_agency and agency and people_committee and _is_issuer(agency, ten_co_quan):  # … to itself
        # (a department's letter of the indicators it leads itself is its own list, «DO … CHỦ TRÌ»: not refused)
        raise ContextError(f"«{agency}» là chính cơ quan ban hành ({ten_co_quan}): không lập văn bản giao chỉ tiêu "
                           "cho chính mình; các chỉ tiêu này nêu trong Kế hoạch của cơ quan")
    if info.needs_agency and agency and kinds.former_body(agency):  # «UBND xã Tả Phìn (cũ)»: no longer exists
        raise ContextError(f"«{agency}» là cơ quan của đơn vị hành chính cũ (ghi «(cũ)»), không còn từ ngày 01/7/2025: "
                           "không giao chỉ tiêu cho cơ quan không còn; hãy ghi cơ quan chủ trì hiện nay vào bảng")
    issuer = txt(s.get("ky_hieu_co_quan")) or ("UBND" if people_committee else issuer_symbol(ban_hanh))
    missing = [k for k, v in (("ten_co_quan", ten_co_quan), ("ky_hieu_co_quan", issuer)) if not v]
    if missing:
        raise ContextError(_issuer_unknown(s, settings, ban_hanh, missing))
    unit = txt(s.get("don_vi_soan_thao")) or "TH"
    # a department acts for its governing body: the agencies answer to that body, which directs them (cap_tren)
    department = department_of(ban_hanh)
    # what the indicators are of, as the table's title names them (a Sở's «chỉ tiêu ngành y tế»): never a claim of
    # «kinh tế - xã hội» the title does not make (docs.period.subject_of)
    per = dataclasses.replace(per, subject=P.subject_for(P.subject_of(appendix_title(table), not people_committee,
                                                                      [x.title for x in table.sections]), per))
    # (a ministry directs its own units: it is its own cap_tren, as a committee is)
    cap_tren = governing_name(chu_quan, level, issued) if department and department[1].governed else ten_co_quan
    so_ky_hieu = vn.symbol(s.get("so"), info.viet_tat, issuer, unit)
    cong_van = info.cong_van

    if kind == N.KIND and s.get("hop_ngay") and ngay and s["hop_ngay"] > ngay:
        raise ContextError(f"ngày họp {s['hop_ngay']:%d/%m/%Y} sau ngày ban hành thông báo {ngay:%d/%m/%Y}: thông "
                           "báo kết luận chỉ ban hành sau cuộc họp; sửa mục «Ngày họp» hoặc «Ngày ban hành» của nhóm "
                           "«Thông báo kết luận» trang Cấu hình văn bản")
    meeting = N.meeting(s, year, ten_co_quan) if kind == N.KIND else {}
    # a report of one agency's indicators says so wherever it counts or names them (title, sentences, appendix)
    scope = f" do {in_sentence(agency)} chủ trì" if agency and info.report else ""
    kind_title = ((department or asked) and info.trich_yeu_department) or info.trich_yeu
    trich_yeu = [txt(x) for x in (s.get("trich_yeu") or
                                  [N.default_trich_yeu(meeting) if meeting else
                                   (per.trich_yeu() if kind == "bao-cao" and per.labelled else
                                    kind_title.format(year=year, cac_chi_tieu=per.chi_tieu(),
                                                      chi_tieu=per.chi_tieu(False), nam=per.whole())) + scope])]
    if scope and trich_yeu and s.get("trich_yeu") and fold(agency) not in fold(" ".join(trich_yeu)):
        trich_yeu[-1] = trich_yeu[-1].rstrip(" .") + scope  # the settings' title is the whole table's
    if cong_van and trich_yeu and not trich_yeu[0].lower().startswith("v/v"):
        trich_yeu[0] = "V/v " + trich_yeu[0][:1].lower() + trich_yeu[0][1:]

    addressees = [agency_display(x) for x in (s.get("kinh_gui") or ([agency] if cong_van else [])) if txt(x)]
    kinh_gui_list = list(addressees)
    if len(kinh_gui_list) > 1:
        kinh_gui_list = [f"- {k.rstrip(';.')};" for k in kinh_gui_list]
        kinh_gui_list[-1] = kinh_gui_list[-1][:-1] + "."

    vb = {
        "loai": kind,
        "ten_loai": info.ten_loai,
        "ten_loai_thuong": info.thuong,
        "cong_van": cong_van,
        "so_ky_hieu": so_ky_hieu,
        "dong_so": f"Số: {so_ky_hieu}",
        "ngay": vn.date_words(ngay, date_year),
        "dia_danh_ngay": marked_part(vn.date_line(dia_danh, ngay, date_year), L.SIZE["ngay"], False, True),
        "nam": str(year),
        "trich_yeu": trich_yeu,
        "trich_yeu_dong": "\n".join(trich_yeu),
        "kinh_gui": kinh_gui_list,
        "can_cu": _ending(s.get("can_cu") or [], ";", "."),
        "co_quan_nhan": agency,
    }
    cq = {"chu_quan": [marked_part(x, L.SIZE["chu_quan"], False) for x in chu_quan],
          "ban_hanh": [marked_part(x, L.SIZE["ban_hanh"], True) for x in ban_hanh],
          "ten": ten_co_quan, "ky_hieu": issuer, "cap_tren": cap_tren}

    # --- rules (horizontal lines) sized to the text they underline
    ke = {
        "co_quan": Markup(L.rule_for_text(ban_hanh, L.SIZE["ban_hanh"], True, L.HEADER_COLS_MM[0])),
        "tieu_ngu": Markup(L.rule_for_text([L.TIEU_NGU], L.SIZE["tieu_ngu"], True, L.HEADER_COLS_MM[1], ratio=1.0)),
        "trich_yeu": Markup(L.rule_for_text(trich_yeu, L.SIZE["trich_yeu"], True, L.TEXT_W_MM)),
        "phu_luc": Markup(L.rule_paragraph(L.APPENDIX_RULE_MM, L.LANDSCAPE_TEXT_W_MM)),
    }

    # --- signature and recipients
    if kind == N.KIND:  # signed by the office (TL./KT.), from the notice's own group: never the chairman's TM.
        try:
            signer = N.signer_values((settings or Settings()).groups.get(kind, {}), ban_hanh)
        except (N.NoticeError, ValueError) as exc:
            raise ContextError(f"người ký: {exc}") from None
        ky = [{"dong": N.signature_lines(signer),
               "ho_ten": signer["ho_ten"] or marked_part(MISSING_SIGNER, L.SIZE["ky"], True)}]
    else:
        ky = [_signer(s, "", ban_hanh, _own_chairman(table, province, level) if people_committee else "")]
    if kind != N.KIND and (txt(s.get("ho_ten_2")) or txt(s.get("chuc_vu_2"))):
        ky.append(_signer(s, "_2", ban_hanh))
    # a district issuing after 1 July 2025 (its title, or settings copied from an older year): its bodies no longer
    # exist, so Nơi nhận offers the date's levels as gaps and the author is told
    ended = kinds.ended_level(level, province[1] if province else "", issued)
    warnings = [f"cấp «{level}» không còn từ ngày 01/7/2025 (văn bản tính theo ngày {issued[2]:02d}/{issued[1]:02d}/"
                f"{issued[0]}): kiểm tra cơ quan ban hành; Nơi nhận để chỗ tô vàng cho người soạn điền"] if ended else []
    above = _place_of(chu_quan) if people_committee and chu_quan else None
    if above and kinds.ended_level(above[0].lower(), above[1], issued):  # «UBND QUẬN 1» over a ward in 2026
        warnings.append(f"cơ quan chủ quản «{' '.join(chu_quan)}»: cấp «{above[0].lower()}» không còn từ ngày 01/7/2025 "
                        f"(văn bản tính theo ngày {issued[2]:02d}/{issued[1]:02d}/{issued[0]}): kiểm tra dòng cơ quan "
                        "chủ quản ở đầu văn bản")
    if asked and info.needs_agency:
        warnings.append(f"«{agency}» không thuộc quyền chỉ đạo của {ten_co_quan}: văn bản đề nghị cơ quan này chủ "
                        "trì (trích yếu «V/v thực hiện …»), không giao chỉ tiêu")
    if unassigned is not None:
        warnings.append(unassigned.said)
    if P.mixed_years(table, per):  # a school year beside a calendar year's column: never paired silently
        warnings.append(P.mixed_years(table, per))
    if not txt(s.get("nam")).isdigit() and not table.year:  # the year of today's date: said, never silently
        warnings.append(YEAR_OF_TODAY.format(year=year))
    # a department the 2025 reorganisation merged into another issues nothing after it, nor receives a letter
    leads = dict.fromkeys(x for a in assessments for x in a.indicator.lead)  # the agencies the document charges
    helpers = dict.fromkeys(x for a in assessments for x in a.indicator.cooperate if x not in leads)
    for role, name in (("cơ quan ban hành", " ".join(txt(x) for x in ban_hanh)), ("cơ quan nhận", agency or ""),
                       *(("cơ quan chủ trì ghi trong bảng", x) for x in leads if x != agency),
                       *(("cơ quan phối hợp ghi trong bảng", x) for x in helpers if x != agency)):
        merged = None if ended and role == "cơ quan ban hành" else kinds.merged_department(name, issued)
        if merged:  # a table's agency is quoted as the document prints it; the header is the author's own
            quoted = f" «{name}»" if role.endswith("trong bảng") else ""
            warnings.append(f"{merged} (văn bản tính theo ngày {issued[2]:02d}/{issued[1]:02d}/{issued[0]}): "
                            f"kiểm tra {role}{quoted}")
    defaults = (kinds.ministry_recipients(info) if department and not department[1].governed else
                kinds.department_recipients(info, governing_name(chu_quan, "" if ended else level, issued, True),
                                            department[1].prose, "" if ended else level,
                                            province[1] if province else "", issued, department[1].office)
                if department else
                kinds.default_recipients(info, "" if ended else level, province[1] if province else "", issued))
    items = recipient_items(list(s.get("noi_nhan") or defaults), addressees)
    luu = txt(s.get("luu")) or f"VT, {unit}"
    noi_nhan = [marked_part(x, L.SIZE["noi_nhan"], False, False) for x in vn.recipients(items, luu)]

    # --- appendix
    rows = _appendix_rows(table, assessments)
    # the figures the appendix shows: a plan's appendix its plan, a report's also its results and the year before
    notes = appendix_notes(table, assessments, FIGURE_ROLES if info.report else ("target",))
    if notes and rows:  # the notes under the table never start a page alone: the table's last row keeps with them
        rows[-1]["giu_voi_sau"] = _KEEP_NEXT
    title = s.get("tieu_de_phu_luc") or [_default_appendix_title(kind, table, year, agency, per, province,
                                                                  named_by_settings,
                                                                  assigns=cap_tren == ten_co_quan and not asked)]
    prev_year = table.previous_year or (year - 1)
    pl = {
        "so": "",
        "tieu_de": [txt(x).upper() for x in title],
        "kem_theo": f"(Kèm theo {info.thuong} số {so_ky_hieu} {vn.date_words(ngay, date_year)} của {ten_co_quan})",
        "cot_ke_hoach": txt(table.column_headers.get("target")) or f"Kế hoạch năm {year}",
        "cot_thuc_hien": txt(table.column_headers.get("result")) or f"Thực hiện {per.whole()}",
        "cot_nam_truoc": txt(table.column_headers.get("previous")) or f"Thực hiện năm {prev_year}",
        # the table's own words, at the level the settings name (_leader_header)
        "cot_lanh_dao": _leader_header(table, level if named_by_settings or s.get("co_quan_ban_hanh") else "",
                                       level, issued),
        "cot_so_sanh": per.comparison_header(prev_year),
        # the ratio's column: «% so với KH», a budget's «% so với dự toán» (core.periods.plan_word)
        "cot_ty_le": f"% so với {in_sentence_plan(per.plan)}",
        # never a previous column of another period (a year's estimate beside last year's 6 months)
        "co_nam_truoc": "previous" in table.columns and per.compare,
        # a column every row leaves empty is dropped from the appendix (templates/build_templates.py)
        # the table's «Ghi chú» column too: a note says what a figure is («Dự toán Trung ương giao»: rev22 R22-3)
        "co_cot": {f: any(r.get(f) for r in rows) for f in ("chu_tri", "phoi_hop", "lanh_dao", "ghi_chu")},
        "cot_ghi_chu": txt(table.column_headers.get("note")) or "Ghi chú",
        "hang": rows,
        # the notes under the sheet's table («(2) Không kể thu tiền sử dụng đất.»), under the appendix's table
        "ghi_chu": notes,
    }

    if table.notes and not info.appendix:  # (a meeting's notice): the notes qualify figures it states without them
        warnings.append(_notes_left_out(table, assessments, info.thuong))

    ctx: dict[str, Any] = {
        "cq": cq, "vb": vb, "ke": ke, "ky": ky, "noi_nhan": noi_nhan,
        "nguoi_soan": txt(s.get("nguoi_soan")),
        "pl": pl,
        "kq": _results(summary, assessments, table, year, prev_year, per, scope),
        "ct": _plan_targets(table, assessments, per.whole()),
        "nv": _tasks(table, assessments, s),
        "tc": _organisation(table, assessments, s, ten_co_quan, kind, cap_tren,
                            department[1] if department and department[1].office else None),
        "gc": {**_assignment(assessments, agency), "de_nghi": asked},
        # what the indicators are of and the plan's period, as the table names them («các chỉ tiêu ngành y tế»,
        # «năm học 2025-2026»): the bodies' sentences and templates say no other
        "chi_tieu": {"cac": per.chi_tieu(), "ten": per.chi_tieu(False), "ky": per.whole()},
        "canh_bao": warnings,   # for the person rendering (docs.api.Rendered.warnings), not the document
    }
    if kind == N.KIND:
        vb["trich_yeu_dong"] = N.trich_yeu_markup(vb["trich_yeu_dong"])
        office = bool(ban_hanh) and fold(ban_hanh[-1]).startswith("van phong")
        # the committee's office at its level; another issuer's (a Sở's) is «Văn phòng Sở …»; a body with no office
        # of its own (a Phòng) announces its notice itself
        office_name = (ten_co_quan if office or (department is not None and not department[1].office) else
                       kinds.committee_office(level, province[1] if province else "", ten_co_quan, issued)
                       if people_committee else f"Văn phòng {ten_co_quan}")
        ctx["tb"] = N.notice_part(_entries(assessments, prev_year, per.since(prev_year), per.estimate,
                                           same_period_levels(table), per.plan),
                                  assessments, s, year,
                                  ten_co_quan, office_name, per, assigns=cap_tren == ten_co_quan)
    ctx["nd"] = _free_text(kind, s, year, ctx, ten_co_quan, agency)
    return ctx


class _Unassigned(NamedTuple):
    rows: set[int]   # the rows noted, and the parts of an indicator noted
    named: str       # «dòng 6 «Diện tích trồng lúa», dòng 7 «…»»
    said: str        # the warning beside the document


_UNASSIGNED_NAMED = 10  # rows named one by one; the rest are counted


def _not_assigned(assessments: list[Assessment], year: int) -> _Unassigned | None:
    """The rows a plan of `year` leaves out because their note says the plan is not assigned (core.attainment.
    row_not_assigned: the note or the plan cell), with the parts of such an indicator; None when there are none."""
    from kh_excel.core.attainment import row_not_assigned
    noted = [a.indicator for a in assessments if row_not_assigned(a.indicator, year)]
    if not noted:
        return None
    rows = {i.row for i in noted}
    rows |= {a.indicator.row for a in assessments if a.indicator.kind == "subrow" and a.indicator.parent_row in rows}
    named = ", ".join(f"dòng {i.row} «{txt(i.name) or txt(i.stt)}» ("
                      f"{'ghi chú' if row_not_assigned(i, year) == i.note else 'kế hoạch'} «{txt(row_not_assigned(i, year))}»)"
                      for i in noted[:_UNASSIGNED_NAMED])
    if len(noted) > _UNASSIGNED_NAMED:
        named += f" và {len(noted) - _UNASSIGNED_NAMED} dòng khác"
    said = (f"{len(noted)} chỉ tiêu ghi không giao chỉ tiêu năm {year} (ở ghi chú hoặc ô kế hoạch) nên không được đưa "
            f"vào văn bản (không giao cho cơ quan nào, không có trong phụ lục): {named}. Nếu vẫn giao, hãy sửa ghi chú "
            "hoặc ô kế hoạch các dòng đó.")
    return _Unassigned(rows, named, said)


def _leader_header(table: Table, settings_level: str, level: str, issued: tuple[int, int, int]) -> str:
    """The leaders' column header: the table's own words, with its level word made the issuer's where the settings
    name an issuer of another level («Lãnh đạo tỉnh phụ trách» under a commune -> «Lãnh đạo xã phụ trách»); a table
    with none: the issuer's level («Lãnh đạo xã phụ trách»), and a level the data does not give names none:
    «Lãnh đạo phụ trách» is true of every issuer."""
    own = txt(table.column_headers.get("leader"))
    if own:
        # the cells' roles name the level their leaders are of: «Chủ tịch UBND tỉnh» stays under the province's
        # words, never «Lãnh đạo xã phụ trách»
        roles = {m.group(1) for ind in table.indicators
                 for m in [_ROLE_LEVEL.search(fold(txt(ind.leader).split(" - ", 1)[1]))
                           if " - " in txt(ind.leader) else None] if m}
        if not settings_level or roles - {fold(settings_level)}:
            return own
        return places.with_level(own, kinds.level_word(settings_level, issued))
    return f"Lãnh đạo {kinds.level_word(level, issued)} phụ trách" if level else "Lãnh đạo phụ trách"


YEAR_OF_TODAY = ("bảng chỉ tiêu không ghi năm (ở tiêu đề hay tên cột): văn bản lấy năm {year} theo ngày hôm nay; nếu "
                 "không đúng, ghi năm ở mục «Năm kế hoạch» của trang Cấu hình văn bản (hoặc nam trong tệp --settings), "
                 "hoặc ghi năm vào tiêu đề bảng")


def _year(value: Any, table: Table, today: date | None) -> int:
    """The year the document speaks of: settings' «Năm kế hoạch», else the table's (its columns', else its title's:
    core.table.title_year), else today's, with a warning (YEAR_OF_TODAY)."""
    text = txt(value)
    if text.isdigit():
        return int(text)
    if table.year:
        return table.year
    return (today or date.today()).year


def group_by_agency(assessments: list[Assessment]) -> dict[str, list[Assessment]]:
    """The rows each lead agency leads, in table order, keyed by the agency registry's key: one
    pass over the table for all of a workbook's letters. Sub-rows follow their indicator (they
    inherit its lead agency)."""
    from kh_excel.core.table import agency_registry
    key = agency_registry().key
    by_row = {a.indicator.row: a for a in assessments}
    out: dict[str, list[Assessment]] = {}
    for a in assessments:
        ind = a.indicator
        leads = ind.lead
        if not leads and ind.kind == "subrow" and ind.parent_row in by_row:
            leads = by_row[ind.parent_row].indicator.lead
        for k in dict.fromkeys(key(x) for x in leads):
            out.setdefault(k, []).append(a)
    return out


def agency_rows(assessments: list[Assessment], agency: str,
                by_agency: dict[str, list[Assessment]] | None = None) -> set[int]:
    """The sheet rows of the agency's document: the rows it leads, as its document is made (_for_agency)."""
    return {a.indicator.row for a in _for_agency(assessments, agency, by_agency)}


def _for_agency(assessments: list[Assessment], agency: str,
                by_agency: dict[str, list[Assessment]] | None = None) -> list[Assessment]:
    """Rows the agency leads (from `by_agency` when the caller grouped them already)."""
    from kh_excel.core.table import agency_registry
    grouped = by_agency if by_agency is not None else group_by_agency(assessments)
    return list(grouped.get(agency_registry().key(agency), []))


def _agency_display(assessments: list[Assessment], agency: str) -> str:
    for a in assessments:
        for x in a.indicator.lead:
            if _same_agency(x, agency):
                return agency_display(x)
    return agency_display(agency)


# Abbreviations a Nơi nhận line may use for a body another line writes out (folded).
_RECIPIENT_WORDS = {"hdnd": "hoi dong nhan dan", "ubnd": "uy ban nhan dan", "ubmttq": "uy ban mat tran to quoc",
                    "mttq": "mat tran to quoc", "vn": "viet nam", "pct": "pho chu tich", "tt": "thuong truc",
                    "dbqh": "dai bieu quoc hoi", "vp": "van phong"}


def recipient_key(name: str) -> str:
    """One key for every spelling of a recipient: 'Thường trực HĐND tỉnh' = 'Thường trực Hội đồng nhân dân tỉnh'."""
    words = re.sub(r"[^a-z0-9 ]", " ", fold(txt(name)).replace("/", " ")).split()
    return " ".join(_RECIPIENT_WORDS.get(w, w) for w in words)


def _is_nhu_tren(item: str) -> bool:
    return fold(txt(item)).strip("-;. ") == "nhu tren"


def recipient_items(items: list[str], addressees: list[str]) -> list[str]:
    """Nơi nhận: the addressees once, as «Như trên» (only where there is a Kính gửi), and no recipient twice
    under two spellings (the registry's and the abbreviations' rules)."""
    from kh_excel.core.table import agency_registry
    reg = agency_registry()
    out: list[str] = ["Như trên"] if addressees else []
    seen = [recipient_key(a) for a in addressees]
    kept: list[str] = []
    for text in (piece.strip().lstrip("-–•+* ").rstrip(";.,").strip()
                 for item in items for piece in txt(item).splitlines()):
        if not text or _is_nhu_tren(text):
            continue
        key = recipient_key(text)
        if key in seen or any(reg.same(text, k) for k in [*addressees, *kept]):
            continue
        seen.append(key)
        kept.append(text)
    return out + kept


# How a report's or a results table's title begins (folded): not a plan's appendix title
_RESULT_TITLES = ("bao cao", "ket qua", "tinh hinh", "uoc thuc hien", "uoc th ", "danh gia", "thuc hien")


# What a sheet's title may open with before it says what it is: a number («1.1 - »), «Biểu», «Phụ biểu», «Tổng hợp»
_TITLE_OPENING = re.compile(r"^(?:[\divxlc]+(?:\.\d+)*\s*[-–.):]\s*)?(?:phu bieu |bieu )?(?:tong hop )?")


def _about_results(title: str) -> bool:
    """Does a sheet's title name results («BÁO CÁO …», «BIỂU KẾT QUẢ THỰC HIỆN …», «BIỂU TỔNG HỢP KẾT QUẢ …»,
    «TÌNH HÌNH THỰC HIỆN …»)? Then it titles no plan's appendix, whatever plan it names after them."""
    f = fold(txt(title)).strip()
    return f[_TITLE_OPENING.match(f).end():].startswith(_RESULT_TITLES)


def _default_appendix_title(kind: str, table: Table, year: int, agency: str, per: P.Period | None = None,
                            province: tuple[str, str] | None = None, named_by_settings: bool = False,
                            assigns: bool = True) -> str:
    """A report's appendix is titled from the period the document chose (the sheet's own title may name another
    period, or be a heading of its own: «BIỂU TỔNG HỢP …»), scoped to the agency, placed as the issuer is placed;
    a plan's keeps the sheet's title, with the place the settings name for the one the title names. One agency's
    indicators are those a committee «GIAO» it; a department, which `assigns` none, lists those it leads («DO»)."""
    per = per or P.Period(year)
    title = appendix_title(table) or f"{per.chi_tieu()} {per.whole()}".upper()
    if not kinds.is_report(kind) and _about_results(title):
        # a plan's appendix is never titled as a report («BÁO CÁO ƯỚC THỰC HIỆN NĂM 2025 VÀ KẾ HOẠCH NĂM 2026 …»
        # under «Kèm theo Kế hoạch», rev13): the plan's own words, placed as the issuer is
        title = f"{per.chi_tieu()} {per.whole()}".upper() + (f" {province[0]} {province[1]}" if province else "")
    elif named_by_settings and province:
        title = _placed(title, province)
    if kinds.is_report(kind):
        head = per.trich_yeu().upper()
        if agency:
            head += f" DO {agency.upper()} CHỦ TRÌ"
        return f"{head} {province[0]} {province[1]}" if province and not agency else head
    if agency:
        verb = "GIAO" if assigns else "DO"
        return f"{per.chi_tieu()} {per.whole()} {verb} {agency.upper()} CHỦ TRÌ".upper()
    return title


def _placed(title: str, place: tuple[str, str]) -> str:
    """`title` with the place it names as the issuer's (as province_from_titles reads it) made `place`."""
    line, cased = places.prepared(txt(title))
    m = places.issuer(line, cased)
    return f"{line[:m.start]}{place[0]} {place[1]}{line[m.end:]}" if m else title


def _signer(s: dict[str, Any], suffix: str, ban_hanh: list[str], chairman: str = "") -> dict[str, Any]:
    """Signature lines; the defaults follow the issuer (a people's committee signs TM./CHỦ TỊCH, a Sở its GIÁM ĐỐC)."""
    who = f"người ký{' thứ hai' if suffix else ''}"
    authority = txt(s.get("tham_quyen" + suffix))
    collective = txt(s.get("tap_the" + suffix)) or (ban_hanh[0] if ban_hanh else "")
    committee = is_people_committee(ban_hanh)
    head = txt(s.get("chuc_vu_thu_truong" + suffix)) or default_head_title(ban_hanh)
    title = txt(s.get("chuc_vu" + suffix))
    name = txt(s.get("ho_ten" + suffix))
    if not head and (authority or not title):
        raise ContextError(
            f"{who}: không suy ra được chức vụ người đứng đầu «{' '.join(ban_hanh)}»; điền các mục "
            f"tham_quyen{suffix}, chuc_vu_thu_truong{suffix}, chuc_vu{suffix}, ho_ten{suffix} trong cấu hình")
    if not authority and not title:
        authority, title = ("TM.", "CHỦ TỊCH") if committee else ("", head)
    if "TM." in authority.upper() and not vn.is_collective(collective):
        raise ContextError(
            f"{who}: «TM.» chỉ dùng cho tập thể (Ủy ban nhân dân, Hội đồng nhân dân…), không dùng cho "
            f"«{collective}»; bỏ TM. ở mục tham_quyen{suffix} hoặc điền tap_the{suffix}")
    if not name and fold(title) == "chu tich" and "KT." not in authority.upper():
        name = chairman  # the table names the chairman among the leaders in charge
    try:
        lines = vn.signature_lines(authority, collective, head, title)
    except ValueError as exc:
        raise ContextError(f"người ký{' thứ hai' if suffix else ''}: {exc}") from None
    return {"dong": lines, "ho_ten": name or marked_part(MISSING_SIGNER, L.SIZE["ky"], True)}


_LEVEL = re.compile(r"^(TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\b")


def _committee_level(ban_hanh: list[str]) -> str:
    """'huyện' for «ỦY BAN NHÂN DÂN» over «HUYỆN ĐƠN DƯƠNG»: the committee named in a sentence is the issuer's own
    level, not the province a table's title names ('' when the lines do not say)."""
    m = _LEVEL.match(txt(ban_hanh[1])) if len(ban_hanh) > 1 else None
    return m.group(1).lower() if m else ""


def is_people_committee(ban_hanh: list[str]) -> bool:
    return bool(ban_hanh) and fold(ban_hanh[0]).startswith(("uy ban nhan dan", "ubnd"))


def department_of(ban_hanh: list[str]) -> tuple[str, Department] | None:
    """The department the issuer's lines name, its name whole and without its place (a name written over two lines
    is one: «SỞ LAO ĐỘNG - THƯƠNG BINH» over «VÀ XÃ HỘI»), and its kind; None for a people's committee or a body of
    no known kind."""
    if is_people_committee(ban_hanh):
        return None
    upper = [unicodedata.normalize("NFC", txt(x)).upper() for x in ban_hanh]
    for i, line in enumerate(upper):
        m = _DEPARTMENT_LINE.match(line)
        if m:
            # (the place it is of is no part of its name: «SỞ TÀI CHÍNH» over «TỈNH LÀO CAI» is «SỞ TÀI CHÍNH»)
            return places.body_and_place(" ".join(upper[i:]))[0], _DEPARTMENT_BY_WORD[m.group(1)]
    return None


def _acronym(word: str) -> bool:
    """«PTNT», «KH», «UBND» in a body's upper-case name: no Vietnamese syllable, kept as written (every syllable
    has a vowel; UBND and HĐND are the abbreviations prose writes out)."""
    return word in W.AGENCY_WORDS or not re.search(r"[aeiouy]", fold(word))


def issuer_name(ban_hanh: list[str]) -> str:
    """'SỞ TÀI CHÍNH' -> 'Sở Tài chính', 'PHÒNG TÀI CHÍNH - KẾ HOẠCH' -> 'Phòng Tài chính - Kế hoạch' (the registry's
    spelling when it knows it; else nd30's capitals: the kind of body and the first word of each field it names,
    after «và», «-», «,»); '' for other bodies."""
    from kh_excel.core.table import agency_registry
    found = department_of(ban_hanh)
    if not found:
        return ""
    upper, dept = found
    known = txt(agency_registry().canonical(upper))
    if known and known != known.upper() and fold(known) == fold(upper):
        return known
    rest = upper[len(dept.word):].split()
    out, opens = [dept.prose], True
    for w in rest:
        out.append(w if _acronym(w) else w.capitalize() if opens else w.lower())
        opens = w in ("-", "–") or w.endswith(",") or fold(w) == "va"
        if fold(w) == "va":
            out[-1] = "và"
    return " ".join(out)


def issuer_symbol(ban_hanh: list[str]) -> str:
    """'SỞ TÀI CHÍNH' -> 'STC', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO' -> 'SGDĐT', 'PHÒNG TÀI CHÍNH - KẾ HOẠCH' -> 'PTCKH' (initials,
    'và' left out, an abbreviation whole: «SỞ NÔNG NGHIỆP VÀ PTNT» -> 'SNNPTNT'); '' for other bodies."""
    found = department_of(ban_hanh)
    if not found:
        return ""
    words = [w for w in re.split(r"[\s,\-–]+", found[0]) if w and w != "VÀ" and w[0].isalpha()]
    # (an abbreviation's own «&» or «.» is no letter of a symbol: «SỞ KH&ĐT» -> 'SKHĐT', as «SỞ KẾ HOẠCH VÀ ĐẦU TƯ»)
    return "".join(re.sub(r"[^\w]", "", w) if _acronym(w) else "Đ" if w[0] == "Đ" else fold(w[0]).upper()
                   for w in words)


def governing_name(chu_quan: list[str], level: str, issued: tuple[int, int, int], short: bool = False) -> str:
    """A department's governing body in a sentence: «Ủy ban nhân dân tỉnh» (Nơi nhận, `short`: «UBND tỉnh»), «Sở
    Nông nghiệp và Môi trường»; a gap for a body the lines do not let us name, or none."""
    if is_people_committee(chu_quan):
        return f"{'UBND' if short else 'Ủy ban nhân dân'} {kinds.level_word(level, issued)}"
    return issuer_name(chu_quan) or "[Cơ quan chủ quản]"


def default_head_title(ban_hanh: list[str]) -> str:
    """The head of the issuing body: CHỦ TỊCH of a committee, GIÁM ĐỐC of a Sở, TRƯỞNG PHÒNG of a Phòng (DEPARTMENTS);
    '' when unknown."""
    if is_people_committee(ban_hanh) or (ban_hanh and fold(ban_hanh[0]).startswith(("hoi dong nhan dan", "hdnd"))):
        return "CHỦ TỊCH"
    found = department_of(ban_hanh)
    return found[1].head if found else ""


_COMRADE = re.compile(r"^(đồng chí|đông chí|đ/c|đc\.?)\s+", re.I)


# The chairman of another body (the People's Council, the Fatherland Front, an association) signs no committee's document.
_OTHER_CHAIR = re.compile(r"\b(?:hdnd|hoi dong|mat tran|mttq|hoi|lien doan|doan)\b")


# The level a role names at its end: «Chủ tịch UBND tỉnh», «Chủ tịch UBND huyện Đơn Dương» (folded).
_ROLE_LEVEL = re.compile(r"\b(tinh|thanh pho|huyen|thi xa|quan|xa|phuong|thi tran|dac khu)\b")


def _own_chairman(table: Table, province: tuple[str, str] | None, level: str) -> str:
    """The table's chairman, only where the issuer is the table's own place at its own level: the leaders' column
    names the table's leaders, so settings naming another place, or an issuer whose level or place the data does not
    give, leave the signer a gap (a guessed name in a signed document is the worst failure)."""
    own = _titled_place(table)
    if not (province and own and level) or fold(own[0]) != fold(level) or fold(province[0]) != fold(level):
        return ""
    if fold(own[1]).split() != fold(province[1]).split():
        return ""
    return _chairman(table, level, province[1])


def _chairman(table: Table, level: str = "", place: str = "") -> str:
    """The chairman's name from the 'Lãnh đạo tỉnh phụ trách' column ('Đồng chí X - Chủ tịch UBND tỉnh'): only the
    chairman of the issuer's level signs (a commune's document never carries the province's chairman's name), and
    when the role names its unit («Chủ tịch UBND huyện Sơn Tịnh») only the chairman of the issuer's place: another
    district's chairman, or a unit named where the issuer's place is unknown, leaves the signer a gap."""
    for ind in table.indicators:
        leader = txt(ind.leader)
        if " - " not in leader:
            continue
        name, role = leader.split(" - ", 1)
        if not fold(role).startswith("chu tich") or _OTHER_CHAIR.search(fold(role)):
            continue
        named = _ROLE_LEVEL.search(fold(role))
        if not level or (named and named.group(1) != fold(level)):
            continue
        unit = fold(role)[named.end():].strip(" .,;") if named else ""
        if unit and unit != fold(place).strip():
            continue
        return _COMRADE.sub("", name).strip()
    return ""


def _ending(lines: list[str], each: str, last: str) -> list[str]:
    out = [txt(x).rstrip(";.,") + each for x in lines if txt(x)]
    if out:
        out[-1] = out[-1][: -len(each)] + last
    return out


# ------------------------------------------------------------------ rows and lists

def _shown(text: str) -> str:
    """A cell for the appendix: an Excel error value never reaches a document."""
    return "" if W.EXCEL_ERROR.match(txt(text)) else txt(text)


def _status_label(a: Assessment, plan: str = PLAN_WORD) -> str:
    """The verdict in the appendix's «Đánh giá» column: «Vượt KH», a budget's «Vượt dự toán» (core.periods)."""
    return status_label(W.status_of(a), plan)


def _appendix_rows(table: Table, assessments: list[Assessment]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    section = None
    parents = {a.indicator.row: a.indicator for a in assessments if a.indicator.kind == "indicator"}
    bare = W.bare_headings([a.indicator for a in assessments])  # «Sản xuất lúa» over its parts: no verdict of its own
    plan = table_plan_word(table)  # «Vượt dự toán» of a budget's table (core.periods.plan_word)
    for a in assessments:
        ind = a.indicator
        failed = W.status_of(a) == W.ERROR_STATUS
        parent = parents.get(ind.parent_row) if ind.kind == "subrow" and ind.parent_row else None
        key = (ind.section_numeral, ind.section)
        if ind.section and key != section:
            section = key
            rows.append(_row("muc", 0, txt(ind.section_numeral), txt(ind.section).upper()))
        kind = "chi_tieu" if ind.kind == "indicator" else "dong_con"
        gap = "" if ind.name else W.name_gap(ind)  # a failed name cell: where the name is, lit (--allow-errors)
        row = _row(kind, 0 if kind == "chi_tieu" else sub_level(ind), txt(ind.stt),
                   marked_part(gap, L.SIZE["table"], False, False) if gap else with_mark(txt(ind.name), ind.footnote))
        target = _shown(W.appendix_target(ind))
        row.update({
            "dvt": txt(ind.unit),
            # each figure keeps the footnote mark its cell writes («70,5*»): its note is printed under the table
            "ke_hoach": with_mark(target, cell_mark(ind, "target")) if target else "",
            # a target in words («Tăng 11-12%», «khoảng 32») reads left-aligned; a figure right-aligned
            "can_ke_hoach": "left" if any(ch.isalpha() for ch in target) else "right",
            "thuc_hien": "" if failed else with_mark(_shown(result_text(ind)), cell_mark(ind, "result")),
            "nam_truoc": "" if failed else previous_text(ind),
            "ty_le": format_ratio(a.ratio) if W.shows_ratio(a) else "",
            # (under «So với năm 2024»: an average over a plan's period is the body's to state, never this column's —
            # rev17 REG-3)
            "so_sanh": "" if failed or getattr(a, "growth_kind", "") == "avg_yearly"
            else growth_text(a, None).replace(" so với năm trước", ""),
            "danh_gia": _status_label(a, plan) if table.has_results and ind.row not in bare else "",
            # a sub-row shows its own agencies only where they differ from its indicator's (as the seed does)
            "chu_tri": written_agencies(ind, "lead") if _unless_inherited(agencies_text(ind.lead), parent and
                                                                          agencies_text(parent.lead)) else "",
            "phoi_hop": written_agencies(ind, "cooperate") if _unless_inherited(
                agencies_text(ind.cooperate), parent and agencies_text(parent.cooperate)) else "",
            "lanh_dao": _unless_inherited(txt(ind.leader), parent and txt(parent.leader)),
            "ghi_chu": txt(ind.note),
        })
        # cells the sheet merges over an indicator and its sub-rows: blank because inherited. An empty STT
        # stays empty: merging it with the indicator's would print the indicator's number on the sub-row
        row["_noi"] = set()
        for f, own in (("chu_tri", agencies_text(ind.lead)), ("phoi_hop", agencies_text(ind.cooperate)),
                       ("lanh_dao", txt(ind.leader))):
            if parent is None or row[f] or not own:
                continue
            if rows and f in rows[-1].get("_mo", ()):
                row["_noi"].add(f)
            else:  # the row above shows another cell («Sở Công Thương» on «Trong đó: …»): merged, this row
                row[f] = own  # would read as that one's; it writes its own (the indicator's) instead
        # the fields whose cell the next sub-row may continue: the indicator's own, or one this row continues
        row["_mo"] = {f for f in ("chu_tri", "phoi_hop", "lanh_dao") if f in row["_noi"] or kind == "chi_tieu"}
        rows.append(row)
    _merge_inherited(rows)
    _keep_last_rows_together(rows)
    return rows


MERGED_FIELDS = ("stt", "chu_tri", "phoi_hop", "lanh_dao")
MAX_KEPT_GROUP = 8  # a longer merged group may break across pages (it could not fit on one anyway)
_V_RESTART = Markup('<w:vMerge w:val="restart"/>')
_V_CONTINUE = Markup("<w:vMerge/>")
_KEEP_NEXT = Markup("<w:keepNext/>")


def _merge_inherited(rows: list[dict[str, Any]]) -> None:
    """An indicator's merged cells stay merged in the appendix: a sub-row's blank inherited cell continues the
    cell above (`r.gop_<field>`, tcPr markup: vMerge restart / continue)."""
    for r in rows:
        for f in MERGED_FIELDS:
            r[f"gop_{f}"] = ""
    for f in MERGED_FIELDS:
        for i, r in enumerate(rows):
            if f not in r.get("_noi", ()) or i == 0 or rows[i - 1]["loai"] == "muc":
                continue
            r[f"gop_{f}"] = _V_CONTINUE
            if not rows[i - 1][f"gop_{f}"]:
                rows[i - 1][f"gop_{f}"] = _V_RESTART
    # a merged group stays on one page (a merged cell split by a page break splits its text), when it can
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and any(rows[j + 1][f"gop_{f}"] == _V_CONTINUE for f in MERGED_FIELDS):
            j += 1
        if 0 < j - i < MAX_KEPT_GROUP:
            for k in range(i, j):
                rows[k]["_giu"] = True
        i = j + 1
    for r in rows:
        r.pop("_noi", None)
        r.pop("_mo", None)


def _keep_last_rows_together(rows: list[dict[str, Any]], n: int = 3) -> None:
    """The table's last rows keep with the next (pPr markup `r.giu_voi_sau`), so no page holds a lone row
    when the table could end on the page before (rows never split: cantSplit in the template); a section's
    title row keeps with its first indicator, and the rows of a merged group with each other."""
    for i, r in enumerate(rows):
        last = len(rows) - n <= i < len(rows) - 1
        keep = last or (r["loai"] == "muc" and i < len(rows) - 1) or r.pop("_giu", False)
        r["giu_voi_sau"] = _KEEP_NEXT if keep else ""


def cell_mark(ind: Indicator, role: str) -> str:
    """The footnote mark a figure cell writes after its figure («70,5*», «5.120 (2)», «≥ 95% (*)»), "" for none."""
    raw = ind.raw.get(role)
    return split_footnote(txt(raw))[1] if isinstance(raw, str) and raw[-1:] in FOOTNOTE_ENDS else ""


def with_mark(shown: str, mark: str) -> str:
    """A name or figure with its footnote mark beside it, as the sheet puts it: a superscript or a star right after
    it («…trên địa bàn²», «70,5*»), a mark in brackets after a space («Tỷ lệ hộ nghèo (*)»; right after a bracket:
    «(giá so sánh 2010)(1)»). A text already ending with the mark keeps it once."""
    if not mark or not shown or shown.endswith(mark):
        return shown
    return shown + ("" if mark[0] not in "([" or shown[-1] in ")]" else " ") + mark


def _marks(inds: Any, roles: tuple[str, ...]) -> set[str]:
    """The keys of the footnote marks `inds` carry beside their names and in the cells of `roles`."""
    return {footnote_key(m) for ind in inds for m in (ind.footnote, *(cell_mark(ind, r) for r in roles)) if m}


FIGURE_ROLES = ("target", "result", "previous")


def appendix_notes(table: Table, assessments: list[Assessment], roles: tuple[str, ...]) -> list[str]:
    """The notes under the table, as written, for under the appendix's table (core.table.notes_under), which shows
    the rows of `assessments` and the figures of `roles`: every note without a mark, every note whose mark a name or
    figure it shows carries, and every note whose mark the reader found nowhere in the table (a mark it did not see
    must not lose its note). Not a note whose mark only cells the appendix leaves out carry (the «(*)» of an estimate
    under a plan's appendix, the «(2)» of another agency's row)."""
    if not table.notes:
        return []
    shown = _marks((a.indicator for a in assessments), roles)
    anywhere = _marks([*table.indicators, *table.other_year_left_out], FIGURE_ROLES)  # (rev19 REG-3)
    return [txt(n.text) for n in table.notes if not n.mark or n.mark in shown or n.mark not in anywhere]


NOTED_NAMED = 5  # indicators with a mark the warning names one by one


def _notes_left_out(table: Table, assessments: list[Assessment], kind_words: str) -> str:
    """The warning of a document with no appendix made from a table with notes under it: which notes it leaves out,
    and which indicators it states carry their marks (their figures mean what the notes say: «Không kể thu tiền sử
    dụng đất»)."""
    rows = [n.row for n in table.notes]
    where = f"dòng {rows[0]}" if len(rows) == 1 else f"dòng {rows[0]}–{rows[-1]}"
    marked = [a.indicator.name for a in assessments
              if a.indicator.footnote or any(cell_mark(a.indicator, r) for r in FIGURE_ROLES)]
    out = (f"bảng có {len(rows)} ghi chú dưới bảng ({where}) mà {W.lower_first(kind_words)} không có phụ lục để nêu; kiểm tra "
           "các câu về chỉ tiêu có dấu chú thích trước khi trình ký")
    if marked:
        out += ": " + "; ".join(f"«{txt(n)}»" for n in marked[:NOTED_NAMED]) + (
            f" và {len(marked) - NOTED_NAMED} chỉ tiêu khác" if len(marked) > NOTED_NAMED else "")
    return out


def _unless_inherited(value: str, inherited: str | None) -> str:
    return "" if inherited is not None and value == inherited else value


def _row(kind: str, level: int, stt: str, name: str) -> dict[str, Any]:
    return {"loai": kind, "cap": level, "stt": stt, "ten": name, "dvt": "", "ke_hoach": "", "can_ke_hoach": "right",
            "thuc_hien": "", "nam_truoc": "", "ty_le": "", "so_sanh": "", "danh_gia": "", "chu_tri": "",
            "phoi_hop": "", "lanh_dao": "", "ghi_chu": "", "giu_voi_sau": "",
            **{f"gop_{f}": "" for f in MERGED_FIELDS}}


def _lit_name_gap(line: str) -> str:
    """A listed line naming a failed name cell (W.NAME_GAP) with its gap on a highlight; any other line as it is."""
    return marked_part(line, L.SIZE["body"]) if "[Tên chỉ tiêu ở dòng " in line else line


def _entries(assessments: list[Assessment], prev_year: int | None = None, since: str | None = None,
             estimate: bool = False, levels: dict[int, tuple[Decimal, str]] | None = None,
             plan: str = PLAN_WORD) -> list[W.Item]:
    """`estimate`: the results are an estimate's column (P.Period.estimate): each figure says «ước thực hiện».
    `levels`: the table's own «So với cùng kỳ (%)» (same_period_levels), said of a row with no previous figure.
    `plan`: what the table calls its plan (P.Period.plan: a budget's «dự toán»), said in every comparison."""
    levels = levels or {}
    return W.items(assessments, lambda a: growth_text(a, prev_year, since) or own_level(a, levels), estimate, plan)


# a row whose figure is itself a rate of change or an index (folded name): its level against the same period is no
# level of an amount
_A_RATE = re.compile(r"\b(toc do|tang truong|chi so|tang|giam)\b")


def own_level(a: Assessment, levels: dict[int, tuple[Decimal, str]]) -> str:
    """«bằng 116,98% so với cùng kỳ năm 2023»: the table's own comparison with the same period
    (core.own_columns.same_period_levels), said of a row that has no previous figure to work one from, as written
    to at most two decimals; nothing for a failed row."""
    own = levels.get(a.indicator.row) if levels else None
    if own is None or a.indicator.previous is not None or W.status_of(a) == W.ERROR_STATUS:
        return ""
    if "%" in a.indicator.unit or _A_RATE.search(fold(a.indicator.name)):
        return ""  # a rate, a growth rate or an index: «7,2%, bằng 107,2% so với cùng kỳ» says nothing true (rev23 N-1)
    level, words = own
    places = min(2, max(0, -level.normalize().as_tuple().exponent))
    return f"bằng {format_number(level, places)}% {words}"


def _summary_sentence(entries: list[W.Item], year: int | None, per: P.Period | None = None,
                      scope: str = "") -> tuple[str, dict[str, int]]:
    """The report sentence (seed 004), counting the entries the document lists, so the two never disagree.
    `per` names the period («6 tháng đầu năm 2026, có …») and the plan («kế hoạch», a budget's «dự toán»); a part of
    the year against the year's plan is progress."""
    plan = per.plan if per else PLAN_WORD
    counts = {s: 0 for s, _ in STATUS_GROUPS}
    for e in entries:
        counts[e.status] = counts.get(e.status, 0) + 1
    met = counts["vuot"] + counts["dat"]
    evaluated = met + counts["khong_dat"]
    lead = f"{per.lead()}, có" if per and per.labelled else f"Năm {year}, có" if year else "Có"
    if scope:  # «Năm 2026, trong các chỉ tiêu do Sở Công Thương chủ trì, có 0/2 …»
        lead = lead.replace(", có", f", trong các chỉ tiêu{scope}, có") if ", có" in lead else f"Trong các chỉ tiêu{scope}, có"
    if per and per.plan_is_year:
        return P.progress_sentence(per, P.group_counts(entries), scope=scope) + ".", counts
    if evaluated == 0:
        s = f"{lead} chưa có chỉ tiêu nào đủ số liệu để đánh giá" if year else "Chưa có chỉ tiêu nào đủ số liệu để đánh giá"
        s = s.replace("có chưa có", "chưa có")
    else:
        s = f"{lead} {met}/{evaluated} chỉ tiêu đạt và vượt {plan}"
        not_met = [e for e in entries if e.status == "khong_dat"]
        if not not_met:
            s += f", không có chỉ tiêu nào không đạt {plan}"
        else:
            listed = "; ".join(f"({i}) {e.brief}" for i, e in enumerate(not_met, 1))
            s += f"; {len(not_met)} chỉ tiêu không đạt {plan}, gồm: {listed}"
    extra = [f"{counts[k]} chỉ tiêu {W.STATUS_WORDS[k]}" for k in ("chua_co_so_lieu", "khong_danh_gia", W.ERROR_STATUS)
             if counts.get(k)]
    if extra:
        s += "; " + "; ".join(extra)
    return s + ".", counts


def _results(summary, assessments: list[Assessment], table: Table, year: int, prev_year: int,
             per: P.Period | None = None, scope: str = "") -> dict[str, Any]:
    since = per.since(prev_year) if per else None
    levels = same_period_levels(table)
    plan = per.plan if per else PLAN_WORD
    entries = _entries(assessments, prev_year, since, bool(per and per.estimate), levels, plan)
    groups = []
    progress = bool(per and per.plan_is_year)
    # a part of the year: the progress rows first under their own title, then the groups as for a year; a row not
    # judged for another reason («không có số kế hoạch») stays in its own group (P.group_of: one rule, rev18 R18-10)
    for status, title in ((P.PROGRESS_GROUP, P.PROGRESS_TITLE),) * progress + STATUS_GROUPS:
        title = title.format(plan=plan)
        lines = [f"- {e.result}" for e in entries if (P.group_of(e) if progress else e.status) == status]
        if not lines:
            continue
        groups.append({"tieu_de": f"{letter(len(groups))}) {title} ({len(lines)} chỉ tiêu)",
                       "muc": [_lit_name_gap(x) for x in _ending(lines, ";", ".")], "trang_thai": status})
    growth = [f"- {e.result.split(':', 1)[0]}: {g}" for e in entries
              if e.status != W.ERROR_STATUS and (g := growth_text(e.assessments[0], prev_year, since)
                                                 or own_level(e.assessments[0], levels))]
    sentence, counts = _summary_sentence(entries, year, per, scope)
    return {
        "co_ket_qua": table.has_results,
        "cau_tong_hop": sentence,
        # what the table calls its plan («kế hoạch», a budget's «dự toán»: core.periods.plan_word) and its short form
        # («KH», «DT»), for a template's own sentences and labels
        "ke_hoach": plan,
        "ke_hoach_viet_tat": PLAN_SHORT[plan],
        "so_danh_gia": str(counts["vuot"] + counts["dat"] + counts["khong_dat"]),
        "so_vuot": str(counts["vuot"]),
        "so_dat": str(counts["dat"]),
        "so_khong_dat": str(counts["khong_dat"]),
        "so_chua_co_so_lieu": str(counts["chua_co_so_lieu"]),
        "so_khong_danh_gia": str(counts["khong_danh_gia"]),
        "so_so_lieu_loi": str(counts.get(W.ERROR_STATUS, 0)),
        "nhom": groups,
        "tang_truong": _ending(growth, ";", "."),
        "nam_truoc_text": "cùng kỳ năm trước" if per and per.same_period else f"năm {prev_year}",
        # the period in words («6 tháng đầu năm 2026», «năm 2026»); a running year is «tình hình», a closed one
        # «kết quả»; `tien_do`: a part of the year against the year's plan (progress, nothing judged)
        "ky": per.span() if per else f"năm {year}",
        "pham_vi": scope,  # « do Sở Công Thương chủ trì» for one agency's report, else ''

        "tinh_hinh": bool(per and per.labelled and (per.part_of_year or per.estimate)),
        "tien_do": bool(per and per.plan_is_year),
    }


def _tasks_of(assessments: list[Assessment]) -> set[int]:
    """Rows that are a task of a plan: those with a target, and qualitative indicators (no target,
    no sub-rows: the name states the goal); a parent whose sub-rows carry the targets is left out."""
    parents = {a.indicator.parent_row for a in assessments if a.indicator.kind == "subrow"}
    return {a.indicator.row for a in assessments if not W.no_goal(a.indicator) and
            (target_text(a.indicator) or (a.indicator.kind == "indicator" and a.indicator.row not in parents))}


def _plan_entries(assessments: list[Assessment]) -> list[W.Item]:
    """The entries a plan lists: a structure whole, «trong đó» inside its indicator, headers without a target out."""
    tasks = _tasks_of(assessments)
    return [e for e in W.plan_items(_entries(assessments)) if len(e.rows) > 1 or e.rows[0] in tasks]


OTHER_INDICATORS = "Các chỉ tiêu khác"  # the indicators outside every section, beside sections of the table


def _sections(entries: list[W.Item]) -> list[tuple[str, list[W.Item]]]:
    out: list[tuple[str, list[W.Item]]] = []
    for e in entries:
        title = txt(e.assessments[0].indicator.section) or OTHER_INDICATORS
        if not out or out[-1][0] != title:
            out.append((title, []))
        out[-1][1].append(e)
    return out


def _no_sections(sections: list[tuple[str, list[W.Item]]]) -> bool:
    """A table with no sections at all: its indicators are no group among others, so neither «a) Các chỉ tiêu khác»
    nor «1. Thực hiện các chỉ tiêu khác» stands alone over them (rev15 R15-16)."""
    return len(sections) == 1 and not any(txt(e.assessments[0].indicator.section) for e in sections[0][1])


def _plan_targets(table: Table, assessments: list[Assessment], whole: str) -> dict[str, Any]:
    """The main indicators of a plan by section of the table, after «Phấn đấu …», which introduces what is aimed
    at (WRITING.md); each item worded by docs.wording."""
    groups = []
    sections = _sections(_plan_entries(assessments))
    alone = _no_sections(sections)
    for i, (title, entries) in enumerate(sections):
        groups.append({"tieu_de": "" if alone else f"{letter(i)}) {sentence_case(title)}",
                       "muc": _ending([f"- {e.plan}" for e in entries], ";", ".")})
    return {"mo_dau": [f"Phấn đấu thực hiện các chỉ tiêu chủ yếu {whole} như sau:"] if groups else [],
            "nhom": groups}


def _lead_agencies(e: W.Item, by_row: dict[int, Assessment]) -> list[str]:
    """The lead agencies of an entry as prose names them; a sub-row inherits its indicator's."""
    ind = e.assessments[0].indicator
    leads = ind.lead or (by_row[ind.parent_row].indicator.lead
                         if ind.kind == "subrow" and ind.parent_row in by_row else [])
    out: list[str] = []
    for x in leads:
        if txt(x) and not any(_same_agency(x, y) for y in out):
            out.append(agency_display(x))
    return out


def _cooperators(entries: list[W.Item], leads: list[str]) -> list[str]:
    out: list[str] = []
    for e in entries:
        for a in e.assessments:
            for c in a.indicator.cooperate:
                if txt(c) and not any(_same_agency(c, x) for x in [*out, *leads]):
                    out.append(agency_display(c))
    return out


def _asked_or_told(name: str) -> str:
    """An agency at the head of what it is to do: «Đề nghị Ủy ban Mặt trận …» for a body the issuer may only ask
    (core.agencies.asked_by_committee; seed 001 «b) Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh:»), else its name."""
    from kh_excel.core.agencies import asked_by_committee
    return f"Đề nghị {in_sentence(name)}" if asked_by_committee(name) else name


def _by_agency(entries: list[W.Item], by_row: dict[int, Assessment]) -> dict[str, tuple[str, list[W.Item]]]:
    """Entries per lead agency (registry key -> (name, entries)), in the table's order; a co-led entry under each."""
    out: dict[str, tuple[str, list[W.Item]]] = {}
    from kh_excel.core.table import agency_registry
    reg = agency_registry()
    for e in entries:
        for lead in _lead_agencies(e, by_row):
            out.setdefault(reg.key(lead), (lead, []))[1].append(e)
    return out


def _section_key(title: str) -> str:
    """'CÁC CHỈ TIÊU VỀ KINH TẾ', 'Các chỉ tiêu về kinh tế' and 'Kinh tế -' name one section of the table."""
    f = " ".join(fold(txt(title)).split()).strip(" -\u2013\u2014.,;")
    for head in ("thuc hien ", "cac chi tieu ve ", "chi tieu ve ", "cac chi tieu ", "chi tieu "):
        if f.startswith(head):
            f = f[len(head):]
    return f


_KEYED_LINE = re.compile(r"^([^:]{2,160}):\s*(.*)$")


def _task_texts(lines: list[str], sections: list[str], agencies: list[str]) -> tuple[
        list[str], dict[str, list[str]], dict[str, tuple[str, list[str]]]]:
    """The «Nhiệm vụ theo cơ quan» lines, each «Tên cơ quan: nhiệm vụ» or «Tên phần: nhiệm vụ» (or the name alone
    with a colon, its tasks on the lines after it), sorted into
    (lines before any name, per section key, per agency key -> (name as written, lines)). A line whose head names
    no section and no agency continues the line above («Đối với thu, chi ngân sách: …» is a sentence); an agency
    that leads no indicator keeps its own lines (shown apart), so no text is lost or put under another agency."""
    from kh_excel.core.table import agency_registry
    reg = agency_registry()
    general: list[str] = []
    per_section: dict[str, list[str]] = {}
    per_agency: dict[str, tuple[str, list[str]]] = {}
    section_keys = {_section_key(t) for t in sections}
    target: list[str] = general
    for line in lines:
        text = txt(line)
        if not text:
            continue
        m = _KEYED_LINE.match(text)
        head = m.group(1).strip() if m else ""
        if m and _section_key(head) in section_keys:
            target = per_section.setdefault(_section_key(head), [])
            text = m.group(2)
        elif m and ((known := matching_agency(head, agencies)) or reg.looks_like_agency(head)):
            name = known or head  # «Sở Tài Chinh» is the table's «Sở Tài chính», as --agency matches it
            target = per_agency.setdefault(reg.key(name), (agency_display(name), []))[1]
            text = m.group(2)
        if not text:
            continue  # «Sở Tài chính:» on a line of its own: its tasks follow on the next lines
        first = text[:1].upper()   # a paragraph opens upper case, where the letter has one of its own («ß», «ı» stay)
        target.append((first if first.lower() == text[:1] else text[:1]) + text[1:])
    # a name with no task after it names no task: no empty heading
    return general, per_section, {k: v for k, v in per_agency.items() if v[1]}


def matching_agency(given: str, leads: list[str]) -> str | None:
    """The lead agency of the table a name means: any spelling the registry knows («Sở TC»), or the name
    without accents or in other case («Sở Tài Chinh», «so tai chinh»); None when none or several match."""
    from kh_excel.core.table import agency_registry
    reg = agency_registry()
    given = txt(given)
    if not given:
        return None
    same = list(dict.fromkeys(x for x in leads if reg.same(x, given)))
    if same:
        return same[0]
    key = fold(reg.canonical(given))
    folded = list(dict.fromkeys(x for x in leads if fold(x) == fold(given) or fold(reg.canonical(x)) == key))
    return folded[0] if len(folded) == 1 else None


def _gap_name(name: str) -> str:
    """A name inside a «[…]» author place: no bracket of its own, which would end the place early."""
    return txt(name).replace("[", "(").replace("]", ")")


TASKS_FIELD = FIELD_BY_ID["nhiem_vu_co_quan"].label


# the count a section's heading gives of its rows («VỀ KINH TẾ (11 chỉ tiêu)»): the table's note, not the topic's name
_COUNT_NOTE = re.compile(r"\s*\(\s*\d+\s+chỉ\s+tiêu\s*\)\s*$", re.IGNORECASE)


def _topic(title: str) -> str:
    """A section of the table as the object of «thực hiện»: 'CÁC CHỈ TIÊU VỀ KINH TẾ' -> 'các chỉ tiêu về kinh tế',
    'Kinh tế xã hội' -> 'các chỉ tiêu về kinh tế xã hội'; a heading that has its own «về» ('VỀ KINH TẾ (11 chỉ
    tiêu)', 'Về kinh tế') -> 'các chỉ tiêu về kinh tế', never «về về», nor «về VỀ KINH TẾ (11 chỉ tiêu)» (rev18
    R18-13: the heading's count of its rows is left to the table)."""
    t = _lower_first(sentence_case(_COUNT_NOTE.sub("", txt(title)) or txt(title)))
    if fold(t).startswith(("cac chi tieu", "chi tieu")):
        return t
    if re.match(r"về\s", unicodedata.normalize("NFC", t).lower()):  # «về» itself, never «vệ sinh»
        t = unicodedata.normalize("NFC", t)[2:].lstrip()
    return f"các chỉ tiêu về {t}"


def _tasks(table: Table, assessments: list[Assessment], s: dict[str, Any] | None = None) -> dict[str, Any]:
    """Part III (nhiệm vụ, giải pháp): per section of the table, the tasks of the agencies that lead its
    indicators (seed 001's part II shape: «a) Sở … chủ trì, phối hợp với …» and the tasks). The tasks are the
    author's («Nhiệm vụ theo cơ quan» in the settings); where the settings give none, one highlighted «[…]» place
    per section names the agencies whose tasks are missing. An agency's tasks stand under the first section it
    leads an indicator of."""
    s = s or {}
    by_row = {a.indicator.row: a for a in assessments}
    sections = _sections(_plan_entries(assessments))
    all_leads = [lead for _, entries in sections for e in entries for lead in _lead_agencies(e, by_row)]
    general, per_section, per_agency = _task_texts(list(s.get("nhiem_vu_co_quan") or []),
                                                   [t for t, _ in sections], all_leads)
    placed: set[str] = set()
    groups = []
    alone = _no_sections(sections)
    for i, (title, entries) in enumerate(sections, start=1):
        co_quan, missing = [], []
        for key, (name, own) in _by_agency(entries, by_row).items():
            if key in placed:
                continue
            if key not in per_agency:
                missing.append(name)
                continue
            placed.add(key)
            head = f"{letter(len(co_quan))}) {_asked_or_told(name)} chủ trì"
            coop = _cooperators(own, [name])
            if coop:
                head += ", phối hợp với " + agencies_in_sentence(coop)
            co_quan.append({"tieu_de": head, "ten": name, "muc": [marked(x) for x in per_agency[key][1]]})
        topic = "các chỉ tiêu" if alone else _topic(title)
        place = []
        if missing or not co_quan:
            who = f" của {'; '.join(_gap_name(in_sentence(x)) for x in missing)}" if missing else ""
            place = [marked(f"[Nhiệm vụ, giải pháp{who} để thực hiện {topic}: ghi ở mục «{TASKS_FIELD}» của "
                            "trang Cấu hình văn bản, mỗi dòng «Tên cơ quan: nhiệm vụ»]")]
        groups.append({"tieu_de": "" if alone else f"{i}. Thực hiện {topic}",
                       "mo_dau": [marked(x) for x in per_section.get(_section_key(title), [])],
                       "co_quan": co_quan, "cho_soan": place})
    # tasks of agencies that lead no indicator of the table: kept, under a heading of their own
    others = [(name, lines) for key, (name, lines) in per_agency.items() if key not in placed]
    if others:
        groups.append({"tieu_de": f"{len(groups) + 1}. Nhiệm vụ của các cơ quan, đơn vị khác", "mo_dau": [],
                       "co_quan": [{"tieu_de": f"{letter(j)}) {name}", "ten": name, "muc": [marked(x) for x in lines]}
                                   for j, (name, lines) in enumerate(others)],
                       # reported, never filed away silently: a misspelt lead would otherwise lose its section
                       "cho_soan": [marked(f"[Kiểm tra: {'; '.join(_gap_name(n) for n, _ in others)} không chủ trì "
                                           f"chỉ tiêu nào trong bảng; nếu là tên khác của một cơ quan chủ trì, hãy "
                                           f"sửa tên ở mục «{TASKS_FIELD}» của trang Cấu hình văn bản]")]})
    return {"chung": [marked(x) for x in general], "nhom": groups}


def _names_first(names: list[str]) -> str:
    """Agencies opening a sentence: the first as written, the others as mid-sentence."""
    return ", ".join([names[0], *(in_sentence(x) for x in names[1:])])


def _names_in_sentence(names: list[str]) -> str:
    return ", ".join(in_sentence(x) for x in names)


MAX_NAMED_COOPERATORS = 3  # more cooperating agencies are «các cơ quan, đơn vị liên quan» (the appendix names them)
REPORT_DATE_GAP = "[ngày … tháng …]"


def agencies_in_sentence(names: list[str]) -> str:
    """Agencies one after another mid-sentence: «;» between them where a name holds a comma of its own
    («các sở, ngành; Ủy ban nhân dân các xã, phường»), else «,»."""
    shown = [in_sentence(x) for x in names]
    return ("; " if any("," in x for x in shown) else ", ").join(shown)


# A unit of a department (a Sở's Chi cục, Trung tâm, Phòng, Văn phòng, Thanh tra; a Chi cục's Hạt, Trạm), folded…
_UNIT = re.compile(r"^(?:chi cuc|trung tam|phong|van phong|thanh tra|hat|tram|ban quan ly|vuon quoc gia)\b")
# …unless of a field the state runs from the centre, whose units answer to their own Cục («Chi cục Thuế khu vực»)
_CENTRAL_FIELD = re.compile(r"\b(?:thue|thong ke|hai quan|kho bac|kbnn|bao hiem|bhxh|thi hanh an|kiem toan|ngan hang)\b")


def _own_units(leads: list[str]) -> bool:
    """Whether every agency is a unit of the department issuing the document: a unit's name (_UNIT), of no central
    field, and no body the registry knows as one of the province's own («Trung tâm Phục vụ hành chính công tỉnh»)."""
    from kh_excel.core.table import agency_registry
    reg = agency_registry()
    return all(_UNIT.match(fold(x)) and not _CENTRAL_FIELD.search(fold(x)) and reg.lookup(x) is None for x in leads)


def _is_issuer(name: str, ten_co_quan: str) -> bool:
    """Whether a lead agency is the issuer itself: its name, or a People's Committee named by its level only where
    the issuer is that level's committee («Ủy ban nhân dân xã» in a plan of the «Ủy ban nhân dân xã Bảo Hà»)."""
    key, own = (" ".join(fold(W.agency_words(x)).split()) for x in (name, ten_co_quan))
    # (the issuer named by its level alone, «Ủy ban nhân dân xã», where the table names it in full, «UBND xã Tả Phìn»:
    # a committee's plan names no other committee of its own level; rev14 D8)
    if kinds.former_body(name):
        return False  # «UBND xã Tả Phìn (cũ)»: a committee that no longer is, never the issuer
    return bool(key) and (key == own or key.startswith("uy ban nhan dan ") and own.startswith(key + " ")
                          or own.startswith("uy ban nhan dan ") and len(own.split()) <= 6 and key.startswith(own + " ")
                          and _LEVEL_ONLY.fullmatch(own) is not None)


# «uy ban nhan dan» and a level word, nothing more: an issuer whose place the settings and titles did not give
_LEVEL_ONLY = re.compile("uy ban nhan dan " + FOLDED_ADMINISTRATIVE_LEVELS)


def _organisation(table: Table, assessments: list[Assessment], s: dict[str, Any], ten_co_quan: str,
                  kind: str, cap_tren: str = "", department: Department | None = None) -> dict[str, Any]:
    """Part IV (tổ chức thực hiện): the responsibility of the lead agencies, one item per set of agencies that lead
    indicators together, with those indicators numbered (seed 001 III.3, seed 002 III.1: «… chủ trì, phối hợp
    với …; chịu trách nhiệm trước …»); the leaders in charge; the reporting rhythm from the settings («Chế độ báo
    cáo»), else the seeds' usual sentence with the date a highlighted gap (a date is never invented). An agency
    answers to whoever directs it: the department's own units (`department`: a Sở, a Cục, which have units) to its
    head («trước Giám đốc Sở»), any other to the body above the issuer (`cap_tren`), or to the issuer itself."""
    from kh_excel.core.agencies import asked_by_committee, directed_by_committee
    from kh_excel.core.table import agency_registry
    reg = agency_registry()
    by_row = {a.indicator.row: a for a in assessments}
    teams: dict[tuple[str, ...], tuple[list[str], list[W.Item]]] = {}
    for e in _plan_entries(assessments):
        leads = _lead_agencies(e, by_row)
        if leads:
            teams.setdefault(tuple(reg.key(x) for x in leads), (leads, []))[1].append(e)
    items: list[str] = []
    any_asked = False
    for leads, entries in teams.values():
        coop = _cooperators(entries, leads)
        # the council, the Party, the Front, a mass organisation or a court is asked, never told, to lead («b) Đề
        # nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh:», seed 001); beside bodies the issuer tells, it is asked to
        # lead with them
        asked = [x for x in leads if asked_by_committee(x)]
        told = [x for x in leads if x not in asked]
        any_asked = any_asked or bool(asked)
        head = (_names_first(told) if told else f"Đề nghị {_names_in_sentence(asked)}") + " chủ trì"
        if coop:
            head += ", phối hợp với " + (agencies_in_sentence(coop) if len(coop) <= MAX_NAMED_COOPERATORS
                                         else "các cơ quan, đơn vị liên quan")
        names = [W.task_name(e) for e in entries]
        listed = "; ".join(f"({i}) {x}" for i, x in enumerate(names, start=1)) if len(names) > 1 else names[0]
        count = f"{len(names)} chỉ tiêu" if len(names) > 1 else "chỉ tiêu"
        # (a ministry's Vụ and Cục are its own, whatever their names: they answer to the Bộ trưởng)
        above = (department.head_prose if department and (_own_units(leads) or not department.governed)
                 else cap_tren or ten_co_quan)
        # only a body the committee directs answers to it; a central agency (the State Bank's branch, tax, customs),
        # the police or the army is told to lead, as seed 001 writes («b) Ngân hàng Nhà nước … chủ trì:»)
        # (never the issuer itself, typed as a lead of its own table: «UBND xã» in the commune's plan, rev13 R16)
        answerable = [x for x in told if directed_by_committee(x) and not _is_issuer(x, ten_co_quan)]
        also = f"; đề nghị {_names_in_sentence(asked)} cùng chủ trì thực hiện" if told and asked else ""
        if answerable and len(answerable) == len(leads):
            items.append(f"{head} tổ chức thực hiện {count}: {listed}; chịu trách nhiệm trước {above} "
                         "về kết quả thực hiện.")
        elif answerable:
            items.append(f"{head} tổ chức thực hiện {count}: {listed}{also}; {_names_first(answerable)} chịu trách "
                         f"nhiệm trước {above} về kết quả thực hiện.")
        else:
            items.append(f"{head} tổ chức thực hiện {count}: {listed}{also}.")
    if any(txt(a.indicator.leader) for a in assessments):
        # the leaders are whoever the table names (provincial leaders even in a Sở's plan): not said to be the issuer's
        items.append("Các đồng chí lãnh đạo được phân công phụ trách từng chỉ tiêu (Phụ lục kèm theo) chỉ đạo, đôn "
                     "đốc, kiểm tra các cơ quan, đơn vị thực hiện.")
    rhythm = [txt(x) for x in (s.get("che_do_bao_cao") or []) if txt(x)]
    if not rhythm:
        # a body asked to lead was given nothing and reports to no one: it sends its results, as the others do
        rhythm = [f"Định kỳ 6 tháng, hằng năm, các cơ quan chủ trì đánh giá, gửi kết quả thực hiện các chỉ tiêu về "
                  f"{ten_co_quan} trước {REPORT_DATE_GAP} để tổng hợp, theo dõi." if any_asked else
                  f"Định kỳ 6 tháng, hằng năm, các cơ quan chủ trì đánh giá, báo cáo kết quả thực hiện các chỉ "
                  f"tiêu được giao về {ten_co_quan} trước {REPORT_DATE_GAP} để tổng hợp, theo dõi."]
    muc = [f"{n}. {x}" for n, x in enumerate([*items, rhythm[0]], start=1)] + rhythm[1:]
    # the appendix is pointed to for what the table holds: nothing is said to be assigned where no column assigns it
    roles = [w for w, has in (("cơ quan chủ trì", teams),
                              ("cơ quan phối hợp", any(a.indicator.cooperate for a in assessments)),
                              ("lãnh đạo phụ trách", any(txt(a.indicator.leader) for a in assessments))) if has]
    lead_in = []
    if roles:
        who = roles[0] if len(roles) == 1 else f"{', '.join(roles[:-1])} và {roles[-1]}"
        lead_in = [f"{who[:1].upper()}{who[1:]} từng chỉ tiêu được phân công chi tiết tại Phụ lục kèm theo "
                   f"{kinds.get(kind).thuong} này."]
    return {"phan_cong": lead_in, "muc": [marked_part(x, L.SIZE["body"]) for x in muc]}


def _assignment(assessments: list[Assessment], agency: str) -> dict[str, Any]:
    entries = _plan_entries(assessments)
    # the letter's count is the number of items it lists
    return {"co_quan": agency, "so_chi_tieu": str(len(entries)), "muc": _ending([f"- {e.plan}" for e in entries], ";", ".")}


_PLACEHOLDER = re.compile(r"^\[[^\[\]]+\]$")
HIGHLIGHT = "yellow"


def marked(text: str) -> str:
    """A «[…]» paragraph is a place the author must fill: written on a yellow highlight so it cannot be signed
    unnoticed. Other text passes unchanged (the template escapes it)."""
    if not _PLACEHOLDER.match(text):
        return marked_part(text) if _GAP.search(text) else text  # a gap inside a sentence: lit as well
    from xml.sax.saxutils import escape
    return Markup('</w:t></w:r><w:r><w:rPr><w:highlight w:val="' + HIGHLIGHT + '"/></w:rPr>'
                  f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r><w:r><w:t xml:space="preserve">')


MISSING_PLACE = "[Địa danh]"
MISSING_SIGNER = "[Họ và tên người ký]"
_GAP = re.compile(r"\[[^\[\]]+\]")


def marked_part(text: str, size: float | None = None, bold: bool | None = None, italic: bool | None = None) -> str:
    """A line holding a «[…]» gap the author must fill (a place, a province, a signer the data does not give):
    the gap on a yellow highlight, the rest of the line in the line's own formatting (size, bold, italic).
    A line without a gap passes unchanged."""
    if not _GAP.search(text):
        return text
    from xml.sax.saxutils import escape
    plain = L.rpr(size, bold, italic)
    lit = plain.replace("</w:rPr>", f'<w:highlight w:val="{HIGHLIGHT}"/></w:rPr>')
    out, pos = [], 0
    for m in _GAP.finditer(text):
        out.append(escape(text[pos:m.start()]))
        out.append(f'</w:t></w:r><w:r>{lit}<w:t xml:space="preserve">{escape(m.group(0))}</w:t></w:r>'
                   f'<w:r>{plain}<w:t xml:space="preserve">')
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("".join(out))


def _author_place(field_id: str) -> str:
    """«[Mục đích: ghi ở mục «Mục đích» của trang Cấu hình văn bản]»: where the author writes what the data cannot say."""
    label = FIELD_BY_ID[field_id].label
    return f"[{label}: ghi ở mục «{label}» của trang Cấu hình văn bản]"


def _free_text(kind: str, s: dict[str, Any], year: int, ctx: dict[str, Any], ten_co_quan: str,
               agency: str) -> dict[str, list[str]]:
    """The sections staff write, from the settings, with neutral defaults (the kind's body) so a draft reads whole."""
    def get(key: str, default: list[str]) -> list[str]:
        value = s.get(key)
        return [marked(txt(x)) for x in value] if value else [marked(x) for x in default]

    defaults: dict[str, list[str]] = {
        "mo_dau": [], "muc_dich": [], "yeu_cau": [], "muc_tieu": [], "ket_qua": [], "ton_tai": [],
        "giai_phap": [], "to_chuc": [], "ket_thuc": [],
    }
    BODIES[kinds.get(kind).body](defaults, ctx, year, ten_co_quan, agency)
    return {k: get(k, v) for k, v in defaults.items()}


def body_bao_cao(defaults: dict[str, list[str]], ctx: dict[str, Any], year: int, ten_co_quan: str,
                 agency: str) -> None:
    kq = ctx["kq"]
    groups = {g["trang_thai"]: g for g in kq["nhom"]}
    # «6 tháng đầu năm 2026», «ước thực hiện cả năm 2026»: the period the figures are of (docs.period)
    span, what = kq["ky"] + kq["pham_vi"], ("tình hình" if kq["tinh_hinh"] else "kết quả")
    defaults["mo_dau"] = [f"{ten_co_quan} báo cáo {what} thực hiện {ctx['chi_tieu']['cac']} {span} như sau:"]
    shortfalls, plan = [], kq["ke_hoach"]  # («dự toán» of a budget's table: core.periods.plan_word)
    if "khong_dat" in groups:
        shortfalls.append(f"Còn {len(groups['khong_dat']['muc'])} chỉ tiêu không đạt {plan} (chi tiết tại "
                          "điểm 2 mục I và Phụ lục kèm theo).")
    if "so_lieu_loi" in groups:
        shortfalls.append(f"Số liệu của {len(groups['so_lieu_loi']['muc'])} chỉ tiêu bị lỗi, chưa đánh giá "
                          "được; cơ quan chủ trì cần kiểm tra, sửa lại số liệu.")
    if "chua_co_so_lieu" in groups:
        shortfalls.append(f"Còn {len(groups['chua_co_so_lieu']['muc'])} chỉ tiêu chưa có số liệu để đánh giá.")
    # judgements about the year, the agencies' effort or the causes are the author's, never invented here
    defaults["ket_qua"] = [f"[Đánh giá chung: nhận định về kết quả thực hiện các chỉ tiêu {span} — ghi ở mục "
                           "«Kết quả đạt được» của trang Cấu hình văn bản]"]
    # «all met» only where rows were judged and none fell short: progress against a year's plan (docs.period)
    # or a table judged nowhere says nothing of the kind
    all_met = kq["so_danh_gia"] != "0" and not kq["tien_do"]
    cause = ["[Nguyên nhân: ghi ở mục «Tồn tại, hạn chế» của trang Cấu hình văn bản]"]
    # (rows the report does not judge, a note's «không đánh giá» among them, are no rows met: rev12 D-K)
    unjudged = len(groups["khong_danh_gia"]["muc"]) if "khong_danh_gia" in groups else 0
    defaults["ton_tai"] = (shortfalls + cause if shortfalls else
                           [f"Các chỉ tiêu được đánh giá đều đạt và vượt {plan} đề ra; {unjudged} chỉ tiêu không đánh "
                            "giá bằng số (chi tiết tại điểm 2 mục I)."] if all_met and unjudged else
                           [f"Các chỉ tiêu đều đạt và vượt {plan} đề ra."] if all_met else
                           ["[Tồn tại, hạn chế: ghi ở mục «Tồn tại, hạn chế» của trang Cấu hình văn bản]"])
    # fixed text speaks only of what the report found: no «chỉ tiêu chưa đạt» where nothing was judged not met;
    # one agency's report, of a body the issuer may only ask (the council, the Party, the Front, a mass organisation,
    # a court), asks it, and it sends its results to no one it answers to
    who, sends = ((f"Đề nghị {in_sentence(agency)}", "gửi") if ctx["gc"]["de_nghi"] else
                  ("Các cơ quan chủ trì", "báo cáo"))
    defaults["giai_phap"] = [
        f"{who} tập trung chỉ đạo, có giải pháp cụ thể đối với các chỉ tiêu không đạt {plan}; "
        f"định kỳ đánh giá, {sends} kết quả thực hiện." if "khong_dat" in groups else
        f"{who} tập trung chỉ đạo, đẩy nhanh tiến độ thực hiện các chỉ tiêu để hoàn thành {plan} "
        f"{ctx['chi_tieu']['ky']}; định kỳ đánh giá, {sends} kết quả thực hiện." if kq["tien_do"] else
        f"{who} tiếp tục chỉ đạo thực hiện các chỉ tiêu; định kỳ đánh giá, {sends} kết quả thực hiện."]
    if "chua_co_so_lieu" in groups:
        defaults["giai_phap"].append("Các cơ quan, đơn vị khẩn trương cập nhật số liệu các chỉ tiêu chưa có "
                                     "số liệu.")
    defaults["ket_thuc"] = [f"Trên đây là báo cáo {what} thực hiện {ctx['chi_tieu']['cac']} {span} "
                            f"của {ten_co_quan}./."]


def body_ke_hoach(defaults: dict[str, list[str]], ctx: dict[str, Any], year: int, ten_co_quan: str,
                  agency: str) -> None:
    """Kế hoạch and chương trình hành động (one body part): a plan's purpose, demands and aim are the author's, a
    highlighted place naming where to write them; part III's general tasks and part IV's own paragraphs come from
    the settings only (the context's `nv` and `tc` hold the rest)."""
    kind = ctx["vb"]["loai"]
    defaults["mo_dau"] = [f"{ten_co_quan} ban hành {kinds.get(kind).thuong} thực hiện {ctx['chi_tieu']['cac']} "
                          f"{ctx['chi_tieu']['ky']}, gồm những nội dung sau:"]
    for field_id in ("muc_dich", "yeu_cau", "muc_tieu"):
        defaults[field_id] = [_author_place(field_id)]
    defaults["ket_thuc"] = ["Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị "
                            f"kịp thời báo cáo {ten_co_quan} {_reported_to(ctx, ten_co_quan) or 'để'} xem xét, "
                            "chỉ đạo./."]


def _reported_to(ctx: dict[str, Any], ten_co_quan: str) -> str:
    """Whom the agencies report to: the issuer; a department collects and reports on to its governing body, which
    directs («… về Sở Tài chính để tổng hợp, báo cáo Ủy ban nhân dân tỉnh», seed 000): '' for the issuer itself."""
    above = ctx["cq"]["cap_tren"]
    return "" if above == ten_co_quan else f"để tổng hợp, báo cáo {above}"


def body_chuong_trinh(defaults: dict[str, list[str]], ctx: dict[str, Any], year: int, ten_co_quan: str,
                      agency: str) -> None:
    body_ke_hoach(defaults, ctx, year, ten_co_quan, agency)
    defaults["ket_thuc"] = ["Đề nghị các cơ quan, đơn vị, địa phương nghiêm túc tổ chức triển khai thực hiện./."]


def body_giao_chi_tieu(defaults: dict[str, list[str]], ctx: dict[str, Any], year: int, ten_co_quan: str,
                       agency: str) -> None:
    n = ctx["gc"]["so_chi_tieu"]
    agency = in_sentence(agency)  # mid-sentence: «giao các Ban Quản lý dự án chủ trì»
    # a department asks (đề nghị); only its governing body assigns (giao), and never to a body it does not direct:
    # the council, the Party, the Front, a mass organisation, a court (ctx["gc"]["de_nghi"])
    asked = ctx["gc"]["de_nghi"]
    verb = "đề nghị" if _reported_to(ctx, ten_co_quan) or asked else "giao"
    defaults["mo_dau"] = [f"{ten_co_quan} {verb} {agency} chủ trì, tổ chức thực hiện {n} {ctx['chi_tieu']['ten']} "
                          f"{ctx['chi_tieu']['ky']} (chi tiết tại Phụ lục kèm theo), gồm:"]
    # a body asked, not directed, is given nothing to «hoàn thành … được giao» and reports to no one: it sends its
    # results for the issuer to follow
    after = _reported_to(ctx, ten_co_quan) or ("để tổng hợp, theo dõi" if asked else "để tổng hợp, chỉ đạo")
    defaults["to_chuc"] = [f"Đề nghị {agency} chủ động lập kế hoạch, đề ra giải pháp cụ thể để hoàn thành các chỉ tiêu "
                           f"{'nêu trên' if asked else 'được giao'}; định kỳ hằng quý, 6 tháng và cả năm "
                           f"{'gửi' if asked else 'báo cáo'} kết quả thực hiện về {ten_co_quan} {after}./."]


def body_thong_bao(defaults: dict[str, list[str]], ctx: dict[str, Any], year: int, ten_co_quan: str,
                   agency: str) -> None:
    """The notice's own parts are in ctx["tb"] (docs.notice); what the year brought and why are the author's:
    marked places until the settings give them."""
    defaults["ket_qua"] = ["[Kết quả nổi bật: ghi ở mục «Kết quả đạt được» của nhóm «Thông báo kết luận» "
                           "trang Cấu hình văn bản]"]
    defaults["ton_tai"] = ["[Tồn tại, hạn chế và nguyên nhân: ghi ở mục «Tồn tại, hạn chế»]"]


# The default sections of each kind (docs.kinds Kind.body names one): they fill `defaults` in place.
BODIES: dict[str, Any] = {
    "bao-cao": body_bao_cao,
    "ke-hoach": body_ke_hoach,
    "chuong-trinh": body_chuong_trinh,
    "giao-chi-tieu": body_giao_chi_tieu,
    "thong-bao": body_thong_bao,
}
