"""The document kinds, described once: every place that names a kind reads this registry.

Settings (its groups), the template context (tên loại, abbreviation, defaults, body),
render, batch, the template builder, the gate's `report` flag and the add-in's buttons all
look a kind up here, so adding a kind is one entry below + its template + its body function
(docs.context.BODIES). Pure data: no Excel, Word or files, cheap to import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from kh_excel.core.text import fold

# The bodies of a People's Committee by its level (docs.context reads the level from the settings' issuer lines
# or the table's title): Nơi nhận when the settings give none, and every fixed word that names the issuer's level
# (a district's document never names a province's bodies, nor «Lãnh đạo tỉnh» in its appendix).
# (party committee, level word, its offices, the units below it, its office's name before the committee's: a
# district's and a commune's office serves the council and the committee together)
_HDND_VA = "Văn phòng Hội đồng nhân dân và"
_LEVEL_BODIES: dict[str, tuple[str, str, str, str, str]] = {
    "tỉnh": ("Tỉnh ủy", "tỉnh", "sở, ban, ngành", "xã, phường", "Văn phòng"),
    "thành phố trực thuộc trung ương": ("Thành ủy", "thành phố", "sở, ban, ngành", "xã, phường", "Văn phòng"),
    "thành phố": ("Thành ủy", "thành phố", "phòng, ban, ngành", "xã, phường", _HDND_VA),
    "huyện": ("Huyện ủy", "huyện", "phòng, ban, ngành", "xã, thị trấn", _HDND_VA),
    "thị xã": ("Thị ủy", "thị xã", "phòng, ban, ngành", "xã, phường", _HDND_VA),
    "quận": ("Quận ủy", "quận", "phòng, ban, ngành", "phường", _HDND_VA),
    "xã": ("Đảng ủy xã", "xã", "ban, ngành, đoàn thể", "", _HDND_VA),
    "phường": ("Đảng ủy phường", "phường", "ban, ngành, đoàn thể", "", _HDND_VA),
    "thị trấn": ("Đảng ủy thị trấn", "thị trấn", "ban, ngành, đoàn thể", "", _HDND_VA),
    "đặc khu": ("Đảng ủy đặc khu", "đặc khu", "ban, ngành, đoàn thể", "", _HDND_VA),
}
# Cities run by the central government (a province's level, with sở), as of the 2025 reorganisation.
CENTRAL_CITIES = frozenset({"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế"})


def is_central_city(level: str, place: str) -> bool:
    """A centrally run city («thành phố» Hà Nội, Hồ Chí Minh …): a province's level, never a district's."""
    return level.lower() == "thành phố" and place.lower().removeprefix("thành phố ").strip() in CENTRAL_CITIES
# Units named after a person: their địa danh is written whole («Thành phố Hồ Chí Minh, ngày …», nd30 Phụ lục I),
# as is a unit named by a number («Phường 1»). In lower case.
NAMED_AFTER_PEOPLE = frozenset({"hồ chí minh"})
# Until 1 July 2025 a province's level below it was its districts, towns and cities.
_TWO_LEVELS_FROM = (2025, 7, 1)
# A level the data does not give: highlighted gaps the author fills, offering the levels of local government at
# the document's date, latest first: from 1 July 2025 the province (or centrally run city) and the commune (ward,
# special zone); before it, as the documents of that time were issued, the province and the district.
_UNKNOWN_LEVEL: tuple[tuple[tuple[int, int, int], tuple[str, str, str, str, str]], ...] = (
    (_TWO_LEVELS_FROM, ("[Tỉnh ủy/Đảng ủy xã]", "[tỉnh/xã]", "[sở, ban, ngành/ban, ngành, đoàn thể]", "[xã, phường]",
                        "Văn phòng [Hội đồng nhân dân và]")),
    ((1, 1, 1), ("[Tỉnh ủy/Huyện ủy]", "[tỉnh/huyện]", "[sở/phòng], ban, ngành", "[xã, phường]",
                 "Văn phòng [Hội đồng nhân dân và]")),
)


def level_bodies(level: str, place: str = "", issued: tuple[int, int, int] | None = None
                 ) -> tuple[str, str, str, str, str]:
    """(party committee, level word, offices, units below, its office's name before the committee's) of a People's
    Committee at `level` («tỉnh», «huyện» …; '' when unknown: the gaps of `issued`'s date, today's levels when no
    date), in `place`, issuing on `issued`."""
    if is_central_city(level, place):
        level = "thành phố trực thuộc trung ương"
    known = _LEVEL_BODIES.get(level)
    if known is None:
        return next(gaps for since, gaps in _UNKNOWN_LEVEL if issued is None or issued >= since)
    party, word, offices, below, office = known
    if word == "tỉnh" and issued is not None and issued < _TWO_LEVELS_FROM:
        below = "huyện, thị xã, thành phố"
    return party, word, offices, below, office


# The levels the 2025 reorganisation ended (Nghị quyết 202/2025/QH15): no district, town or provincial city issues
# from 1 July 2025; a centrally run city is a province's level and stays.
_ENDED_LEVELS = frozenset({"huyện", "quận", "thị xã", "thành phố"})


def ended_level(level: str, place: str, issued: tuple[int, int, int] | None) -> bool:
    """Does `level` name a level of local government that no longer existed on `issued` (a district in 2026)?"""
    if issued is None or issued < _TWO_LEVELS_FROM or level not in _ENDED_LEVELS:
        return False
    return not is_central_city(level, place)


# The bodies the 2025 reorganisation ended or merged into others: the provincial departments (Nghị định 45/2025/NĐ-CP,
# from 1 March 2025), the Ban Dân tộc reorganised as Sở Dân tộc và Tôn giáo (same date), the districts' committees
# (Nghị quyết 202/2025/QH15, from 1 July 2025). The name as a sentence writes it, the body that took its work, how
# headers and tables abbreviate the name, the date, and what the author is told. A document dated after that date is
# not theirs, nor a letter to them, nor an indicator led by them or done with their help.
_MERGED = "{name} đã hợp nhất vào {into} từ ngày {since}"
MERGED_DEPARTMENTS: dict[str, tuple[str, tuple[str, ...], tuple[int, int, int], str]] = {
    "Sở Kế hoạch và Đầu tư": ("Sở Tài chính", ("Sở KH&ĐT", "Sở KHĐT"), (2025, 3, 1), _MERGED),
    "Sở Tài nguyên và Môi trường": ("Sở Nông nghiệp và Môi trường", ("Sở TN&MT", "Sở TNMT"), (2025, 3, 1), _MERGED),
    "Sở Nông nghiệp và Phát triển nông thôn": ("Sở Nông nghiệp và Môi trường", ("Sở NN&PTNT", "Sở NNPTNT"),
                                               (2025, 3, 1), _MERGED),
    "Sở Giao thông vận tải": ("Sở Xây dựng", ("Sở GTVT",), (2025, 3, 1), _MERGED),
    "Sở Thông tin và Truyền thông": ("Sở Khoa học và Công nghệ", ("Sở TT&TT", "Sở TTTT"), (2025, 3, 1), _MERGED),
    "Sở Lao động - Thương binh và Xã hội": ("Sở Nội vụ", ("Sở LĐ-TB&XH", "Sở LĐTBXH"), (2025, 3, 1), _MERGED),
    # «Ban Dân tộc» alone is not listed: «Ban Dân tộc HĐND tỉnh», the council's committee, goes on
    "Ban Dân tộc tỉnh": ("Sở Dân tộc và Tôn giáo", (), (2025, 3, 1),
                         "{name} đã được tổ chức lại thành {into} từ ngày {since}"),
    "Ủy ban nhân dân cấp huyện": ("Ủy ban nhân dân cấp xã", ("UBND cấp huyện", "UBND các huyện", "UBND huyện",
                                                             "Ủy ban nhân dân các huyện", "Ủy ban nhân dân huyện"),
                                  (2025, 7, 1), "{name} không còn từ ngày {since}, nhiệm vụ chuyển cho {into}"),
}
_MERGED_BY_KEY = {re.sub(r"[^a-z]", "", fold(alias)): name
                  for name, (_, aliases, _, _) in MERGED_DEPARTMENTS.items() for alias in (name, *aliases)}


# A body written as one of a unit the 2025 reorganisation merged («UBND xã Tả Phìn (cũ)»): the unit's own word says it
# is gone; no letter goes to it, no target is given it (rev13 R9b).
_FORMER = re.compile(r"\(\s*cu\s*\)")
FORMER_BODY = ("«{name}» là cơ quan của đơn vị hành chính cũ (ghi «(cũ)»), không còn từ ngày 01/7/2025 khi sắp xếp "
               "đơn vị hành chính: không giao chỉ tiêu, không gửi văn bản cho cơ quan không còn")


def former_body(name: str) -> bool:
    """A body written «(cũ)», of a unit the 2025 reorganisation merged («UBND xã Tả Phìn (cũ)»)."""
    return _FORMER.search(fold(name)) is not None


def merged_department(name: str, issued: tuple[int, int, int] | None) -> str | None:
    """What the author is told when `name` («Sở Kế hoạch và Đầu tư», «SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH LÀO CAI», «SỞ
    KH&ĐT», «UBND các huyện») names a body merged or ended before `issued` («Sở Kế hoạch và Đầu tư đã hợp nhất vào Sở
    Tài chính từ ngày 01/3/2025»); None otherwise."""
    if issued is None:
        return None
    if issued >= _TWO_LEVELS_FROM and former_body(name):
        return FORMER_BODY.format(name=name)
    key = re.sub(r"[^a-z]", "", fold(name))
    found = next((found for k, found in _MERGED_BY_KEY.items() if key.startswith(k)), None)
    if found is None:
        return None
    into, _, since, say = MERGED_DEPARTMENTS[found]
    if issued < since:
        return None
    return say.format(name=found, into=into, since=f"{since[2]:02d}/{since[1]}/{since[0]}")


def level_word(level: str, issued: tuple[int, int, int] | None = None) -> str:
    """The level in a sentence: «tỉnh», «thành phố», «xã»; for an unknown level the gap of the date («[tỉnh/xã]»)."""
    return level_bodies(level, "", issued)[1]


def committee_office(level: str, place: str, committee: str, issued: tuple[int, int, int] | None = None) -> str:
    """The office of the People's Committee named `committee` in a sentence: «Văn phòng Ủy ban nhân dân tỉnh», a
    district's or a commune's «Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã»."""
    return f"{level_bodies(level, place, issued)[4]} {committee}"


def default_recipients(kind: "Kind", level: str, place: str = "", issued: tuple[int, int, int] | None = None
                       ) -> tuple[str, ...]:
    """Nơi nhận of a People's Committee at `level` («tỉnh», «huyện» … or '' when unknown), issuing on
    `issued` (year, month, day): its party committee's and council's standing bodies, its chairmen, its
    offices and the committees of the units below it, then the kind's own (kind.extra_recipients)."""
    party, word, offices, below, _ = level_bodies(level, place, issued)
    lines = [f"Thường trực {party}", f"Thường trực HĐND {word}", f"Chủ tịch, các PCT UBND {word}",
             f"Các {offices} {word}"]
    if below:
        lines.append(f"UBND các {below}")
    return (*lines, *kind.extra_recipients)


def department_recipients(kind: "Kind", governing: str, own: str, level: str, place: str = "",
                          issued: tuple[int, int, int] | None = None, office: bool = True) -> tuple[str, ...]:
    """Nơi nhận of a department (a Sở, a Phòng) of a committee at `level`: its governing body in a sentence
    («UBND tỉnh»), its own leaders («Lãnh đạo Sở», `own` the kind of body), the offices beside it and the committees
    of the units below, then the kind's own; never the committee's standing bodies nor its chairmen, whom a
    department's document does not name as its own; nor a Văn phòng the body has none of (`office`: a Phòng)."""
    _, word, offices, below, _ = level_bodies(level, place, issued)
    lines = [x for x in (governing, f"Lãnh đạo {own}", f"Các {offices} {word}") if x]
    if below:
        lines.append(f"UBND các {below}")
    return (*lines, *(x for x in kind.extra_recipients if office or "Văn phòng" not in x))


def ministry_recipients(kind: "Kind") -> tuple[str, ...]:
    """Nơi nhận of a ministry's own document: its leaders and its units, then the kind's own; no committee's bodies
    (a ministry has none), no governing body's line (its header has none: docs.context.Department.governed)."""
    return ("Lãnh đạo Bộ", "Các đơn vị thuộc Bộ", *kind.extra_recipients)


@dataclass(frozen=True)
class Kind:
    """One kind of document. `ten_loai` empty: a công văn (no tên loại, «V/v» trích yếu, Kính gửi)."""

    id: str                 # what commands take: "bao-cao"
    label: str              # Vietnamese, for menus, help and the settings group: «Báo cáo»
    ten_loai: str           # tên loại as printed (upper case): «BÁO CÁO»
    thuong: str             # the kind in a sentence: «(Kèm theo Báo cáo số …)»
    viet_tat: str           # abbreviation in the số/ký hiệu (nd30 Phụ lục III): BC, KH, CTr
    # default trích yếu: {cac_chi_tieu} «các chỉ tiêu kinh tế - xã hội chủ yếu», «các chỉ tiêu ngành y tế» (what the
    # table's title names, docs.period.subject_of), {chi_tieu} the same without «các», {nam} the plan's period
    # («năm 2026», «năm học 2025-2026»), {year} the plan year
    trich_yeu: str
    body: str               # name of its body function in docs.context.BODIES
    appendix: str           # the appendix table part (templates/parts/<appendix>.docx); "" = no appendix
    report: bool = False    # states results: the table needs a result column (core.gate)
    needs_agency: bool = False   # one lead agency per document (--agency; batch --per agency)
    whole_only: bool = False     # one document for the whole table (a meeting's notice): never per agency
    aliases: tuple[str, ...] = ()   # other names of its settings group
    extra_recipients: tuple[str, ...] = ()  # Nơi nhận lines of this kind after the level's (default_recipients)
    button: str = ""        # the add-in ribbon button's tag (addin/customUI14.xml); "" = none
    file_name: str = ""     # the add-in's file name; with needs_agency, "{agency}" is replaced
    template: str = ""      # the bundled template's file name; default "<id>.docx"
    # the rows of its group in the settings sheet written for a workbook (docs.settings FIELDS ids): the document's
    # own number, date and title and the sections its body reads; the issuer's values are in «Chung»
    settings: tuple[str, ...] = ()
    # the default trích yếu where a department (a Sở, a Phòng) issues it, when its own says what only a committee
    # does (a department asks agencies to carry indicators out, it assigns none); "" = trich_yeu
    trich_yeu_department: str = ""

    def __post_init__(self) -> None:
        if not self.template:
            object.__setattr__(self, "template", f"{self.id}.docx")

    @property
    def cong_van(self) -> bool:
        return not self.ten_loai


_REGISTRY: dict[str, Kind] = {}

_OWN = ("so", "ngay", "trich_yeu", "can_cu")
_PLAN = (*_OWN, "tieu_de_phu_luc", "mo_dau", "muc_dich", "yeu_cau", "muc_tieu", "giai_phap", "nhiem_vu_co_quan",
         "to_chuc", "che_do_bao_cao", "ket_thuc")


def register(kind: Kind) -> Kind:
    _REGISTRY[kind.id] = kind
    return kind


register(Kind("bao-cao", "Báo cáo", "BÁO CÁO", "Báo cáo", "BC",
              "Kết quả thực hiện {cac_chi_tieu} {nam}",
              body="bao-cao", appendix="bang-ket-qua", report=True,
              button="bao_cao", file_name="Báo cáo kết quả thực hiện chỉ tiêu.docx",
              settings=(*_OWN, "kinh_gui", "tieu_de_phu_luc", "mo_dau", "ket_qua", "ton_tai", "giai_phap", "ket_thuc")))
register(Kind("ke-hoach", "Kế hoạch", "KẾ HOẠCH", "Kế hoạch", "KH",
              "Thực hiện {cac_chi_tieu} {nam}",
              body="ke-hoach", appendix="bang-ke-hoach",
              button="ke_hoach", file_name="Kế hoạch.docx", settings=_PLAN))
register(Kind("chuong-trinh", "Chương trình hành động", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "Chương trình hành động", "CTr",
              "thực hiện {cac_chi_tieu} {nam}",
              body="chuong-trinh", appendix="bang-ke-hoach", aliases=("Chương trình",), settings=_PLAN))
register(Kind("giao-chi-tieu", "Giao chỉ tiêu", "", "Công văn", "",
              "V/v giao {chi_tieu} {nam}",
              body="giao-chi-tieu", appendix="bang-ke-hoach", needs_agency=True,
              trich_yeu_department="V/v thực hiện {chi_tieu} {nam}",
              aliases=("Văn bản giao chỉ tiêu",),
              button="theo_co_quan", file_name="Giao chỉ tiêu - {agency}.docx",
              settings=(*_OWN, "mo_dau", "to_chuc", "ket_thuc")))  # addressee, appendix title: the agency's own
register(Kind("thong-bao", "Thông báo kết luận", "THÔNG BÁO", "Thông báo", "TB",
              "Kết luận tại cuộc họp về tình hình thực hiện {cac_chi_tieu} {nam}",
              body="thong-bao", appendix="", report=True, aliases=("Thông báo",), whole_only=True,
              extra_recipients=("Lãnh đạo Văn phòng",),
              button="thong_bao", file_name="Thông báo kết luận.docx",  # docs.notice; no appendix (seed 004)
              # the notice's signer is read from its own group only (docs.notice.signer_values)
              settings=("so", "ngay", "trich_yeu", "hop_ngay", "hop_dia_diem", "hop_ten", "hop_chu_tri",
                        "hop_thanh_phan", "ket_qua", "ton_tai", "ket_luan", "tham_quyen", "chuc_vu_thu_truong",
                        "chuc_vu", "ho_ten")))

DEFAULT = "bao-cao"                    # a document per workbook (batch, the CLI)
DEFAULT_PLAN = "ke-hoach"              # the context of a template of no kind, for a table with no results
DEFAULT_PER_AGENCY = "giao-chi-tieu"   # batch --per agency


def all_kinds() -> tuple[Kind, ...]:
    return tuple(_REGISTRY.values())


def ids() -> tuple[str, ...]:
    return tuple(_REGISTRY)


def find(kind_id: str) -> Kind | None:
    return _REGISTRY.get(kind_id)


def get(kind_id: str) -> Kind:
    """The kind, or KeyError (callers check `find`/`ids` first and say so in Vietnamese)."""
    return _REGISTRY[kind_id]


def choices(where: Callable[[Kind], bool] | None = None) -> str:
    """«bao-cao, ke-hoach, …» (the kinds `where` accepts) for help texts and «chọn một trong: …» messages."""
    return ", ".join(k.id for k in _REGISTRY.values() if where is None or where(k))


def described() -> str:
    """«bao-cao (Báo cáo), ke-hoach (Kế hoạch), …» for help texts: each id with its label."""
    return ", ".join(f"{k.id} ({k.label})" for k in _REGISTRY.values())


def is_report(kind_id: str) -> bool:
    """Does the document state results (the gate's `report`)? A template path is not a report."""
    k = _REGISTRY.get(kind_id)
    return bool(k and k.report)


def whole_only_message(k: Kind) -> str:
    """Why a kind of one document per table refuses an agency (--agency, batch --per agency)."""
    return (f"{k.label.lower()} là văn bản của một cuộc họp về cả bảng chỉ tiêu, mỗi cơ quan có phần chỉ đạo riêng "
            f"trong cùng văn bản: không làm riêng cho từng cơ quan; bỏ --agency / --per agency, hoặc chọn loại "
            f"{DEFAULT} (báo cáo các chỉ tiêu do một cơ quan chủ trì)")


def needs_agency(kind_id: str) -> bool:
    k = _REGISTRY.get(kind_id)
    return bool(k and k.needs_agency)


def by_button(tag: str) -> Kind | None:
    return next((k for k in _REGISTRY.values() if k.button and k.button == tag), None)
