"""Document settings (SPEC §6): a key/value sheet in the workbook, overridable by a TOML file.

The sheet is what staff fill in Excel (the add-in's Cấu hình button writes the same
rows as `kh-excel settings`), so keys are Vietnamese labels; a TOML file may use the
labels or the ASCII ids. Rows are grouped like INI sections: values under "Chung"
apply to every document, values under "Báo cáo", "Kế hoạch", … override them for that
kind of document (one group per kind of docs.kinds).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kh_excel.core.text import fold
from kh_excel.docs import vn
from kh_excel.errors import UserError

SHEET_NAME = "Cấu hình văn bản"


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    kind: str  # "text", "lines" (several lines or rows), "date"
    help: str = ""


FIELDS: tuple[Field, ...] = (
    Field("co_quan_chu_quan", "Cơ quan chủ quản", "lines", "Dòng trên tên cơ quan ban hành, ví dụ «UBND TỈNH LÀO "
          "CAI» trên «SỞ TÀI CHÍNH»; để trống: dòng ghi trên tên Sở, Phòng ở đầu bảng chỉ tiêu, không có thì Ủy ban "
          "nhân dân của địa phương (Ủy ban nhân dân ban hành thì không có dòng này)"),
    Field("co_quan_ban_hanh", "Cơ quan ban hành", "lines", "Mỗi dòng một dòng trên văn bản (Alt+Enter để xuống dòng); "
          "để trống: Sở, Phòng ghi ở đầu bảng chỉ tiêu, nếu không thì Ủy ban nhân dân của địa phương ghi trong tên bảng "
          "chỉ tiêu, bảng không ghi thì văn bản để chỗ tô vàng"),
    Field("ten_co_quan", "Tên cơ quan ban hành trong câu", "text", "Dùng trong câu và dòng «(Kèm theo … của …)»; "
          "để trống: suy ra từ cơ quan ban hành"),
    Field("ky_hieu_co_quan", "Ký hiệu cơ quan ban hành", "text", "Ví dụ UBND, STC; để trống: UBND với Ủy ban nhân "
          "dân, chữ đầu tên Sở, Phòng với một Sở, Phòng"),
    Field("don_vi_soan_thao", "Đơn vị soạn thảo", "text", "Ký hiệu đơn vị soạn thảo, ví dụ TH; để trống: TH"),
    Field("dia_danh", "Địa danh", "text", "Ghi trước ngày tháng; để trống: địa phương ghi trong tên bảng chỉ tiêu, "
          "bảng không ghi thì văn bản để chỗ tô vàng"),
    Field("nam", "Năm kế hoạch", "text", "Để trống: lấy năm trong bảng chỉ tiêu"),
    Field("nhom_cot", "Nhóm cột", "text", "Nhóm cột lấy số liệu (Toàn huyện, tên xã …); để trống: nhóm toàn địa bàn"),
    Field("ky", "Kỳ", "text", "Kỳ lấy số liệu (6 tháng, 9 tháng, cả năm); để trống: kỳ dài nhất đã có số liệu"),
    Field("so", "Số văn bản", "text", "Để trống nếu chưa lấy số"),
    Field("ngay", "Ngày ban hành", "date", "Dạng 03/02/2026; để trống nếu chưa có ngày"),
    Field("trich_yeu", "Trích yếu", "lines", "Để trống: trích yếu chung của loại văn bản, theo năm của bảng"),
    Field("kinh_gui", "Kính gửi", "lines", "Mỗi nơi một dòng; để trống nếu không gửi riêng nơi nào"),
    Field("can_cu", "Căn cứ", "lines", "Mỗi căn cứ một dòng"),
    Field("tham_quyen", "Thẩm quyền ký", "text", "TM., KT., Q., TL., TUQ. hoặc «TM., KT.»; để trống nếu người đứng đầu ký"),
    Field("tap_the", "Tập thể (khi ký TM.)", "text", "Ví dụ ỦY BAN NHÂN DÂN; để trống: dòng đầu của cơ quan ban "
          "hành"),
    Field("chuc_vu_thu_truong", "Chức vụ người đứng đầu", "text", "Dùng khi ký KT., TL., TUQ., ví dụ CHỦ TỊCH; để "
          "trống: CHỦ TỊCH với Ủy ban nhân dân, GIÁM ĐỐC với Sở, TRƯỞNG PHÒNG với Phòng"),
    Field("chuc_vu", "Chức vụ người ký", "text", "Ví dụ PHÓ CHỦ TỊCH; để trống: chức vụ người đứng đầu"),
    Field("ho_ten", "Họ tên người ký", "text", "Để trống: Chủ tịch ghi ở cột lãnh đạo phụ trách của bảng (khi "
          "Chủ tịch ký), không có thì văn bản để chỗ tô vàng"),
    Field("tham_quyen_2", "Người ký thứ hai - Thẩm quyền ký", "text", "Chỉ điền khi có hai người ký; để trống: "
          "một người ký"),
    Field("tap_the_2", "Người ký thứ hai - Tập thể", "text", "Như mục «Tập thể» của người ký thứ nhất"),
    Field("chuc_vu_thu_truong_2", "Người ký thứ hai - Chức vụ người đứng đầu", "text", "Như mục «Chức vụ người "
          "đứng đầu» của người ký thứ nhất"),
    Field("chuc_vu_2", "Người ký thứ hai - Chức vụ", "text", "Có chức vụ hoặc họ tên thì văn bản có người ký thứ hai"),
    Field("ho_ten_2", "Người ký thứ hai - Họ tên", "text", "Có chức vụ hoặc họ tên thì văn bản có người ký thứ hai"),
    Field("noi_nhan", "Nơi nhận", "lines", "Mỗi nơi một dòng; dấu «;» cuối dòng được thêm tự động; để trống: "
          "Thường trực cấp ủy, HĐND, lãnh đạo, các cơ quan cùng cấp và cấp dưới của cơ quan ban hành"),
    Field("luu", "Lưu", "text", "Ví dụ «VT, TH»; để trống: VT và đơn vị soạn thảo"),
    Field("nguoi_soan", "Ký hiệu người soạn thảo, số bản", "text", "Ví dụ TH.(30); có thể để trống"),
    Field("ky_bao_cao", "Kỳ báo cáo", "text", "Ghi trên phiếu nhập số liệu gửi các cơ quan, ví dụ «Năm 2026» hoặc «6 tháng đầu năm 2026»"),
    Field("han_gui", "Hạn gửi số liệu", "text", "Ghi trên phiếu nhập số liệu, ví dụ 15/11/2026"),
    Field("thu_muc_nhan", "Thư mục phiếu nhận về", "text", "Thư mục chứa các phiếu các cơ quan gửi lại (nút Tổng hợp số liệu); đường dẫn đầy đủ hoặc tính từ thư mục của sổ tính"),
    Field("tieu_de_phu_luc", "Tên phụ lục", "lines", "Để trống: theo tên bảng chỉ tiêu và kỳ số liệu"),
    Field("mo_dau", "Mở đầu", "lines", "Mỗi đoạn một dòng; để trống: câu mở đầu chung của loại văn bản"),
    Field("muc_dich", "Mục đích", "lines", "Để trống: văn bản để chỗ tô vàng cho người soạn viết"),
    Field("yeu_cau", "Yêu cầu", "lines", "Để trống: văn bản để chỗ tô vàng cho người soạn viết"),
    Field("muc_tieu", "Mục tiêu tổng quát", "lines", "Để trống: văn bản để chỗ tô vàng cho người soạn viết"),
    Field("ket_qua", "Kết quả đạt được", "lines", "Nhận định chung về năm; để trống hoặc ghi trong […]: văn bản để "
          "chỗ tô vàng cho người soạn viết"),
    Field("ton_tai", "Tồn tại, hạn chế", "lines", "Nguyên nhân, hạn chế; chương trình chỉ tự viết số chỉ tiêu "
          "không đạt"),
    Field("giai_phap", "Nhiệm vụ, giải pháp", "lines", "Kế hoạch, chương trình: nhiệm vụ chung, đứng đầu mục "
          "«Nhiệm vụ, giải pháp»"),
    Field("nhiem_vu_co_quan", "Nhiệm vụ theo cơ quan", "lines", "Kế hoạch, chương trình: mỗi dòng «Tên cơ quan: "
          "nhiệm vụ» (hoặc «Tên phần của bảng: nhiệm vụ»); dòng không có tên ở đầu nối vào dòng trên. Cơ quan "
          "chưa có nhiệm vụ: văn bản để chỗ tô vàng cho người soạn"),
    Field("to_chuc", "Tổ chức thực hiện", "lines", "Để trống: câu chung của loại văn bản (kế hoạch, chương trình: "
          "phần phân công lấy theo bảng chỉ tiêu)"),
    Field("che_do_bao_cao", "Chế độ báo cáo", "lines", "Kế hoạch, chương trình: ví dụ «Định kỳ 6 tháng, hằng năm, "
          "các cơ quan báo cáo … trước ngày …»; để trống: văn bản để chỗ tô vàng, ngày để người soạn điền"),
    Field("ket_thuc", "Đoạn kết", "lines", "Để trống: câu kết chung của loại văn bản"),
    # the meeting a Thông báo kết luận reports (docs.notice); a blank one is a highlighted place for the author
    Field("hop_ngay", "Ngày họp", "date", "Thông báo kết luận: ngày họp, dạng 28/12/2026"),
    Field("hop_dia_diem", "Địa điểm họp", "text", "Thông báo kết luận: ví dụ «Trung tâm Hội nghị tỉnh»"),
    Field("hop_ten", "Tên cuộc họp", "text", "Thông báo kết luận: ví dụ «phiên họp thường kỳ tháng 12 năm 2026»"),
    Field("hop_chu_tri", "Người chủ trì", "text", "Thông báo kết luận: ví dụ «đồng chí Nguyễn Văn A - Chủ tịch "
          "Ủy ban nhân dân tỉnh»"),
    Field("hop_thanh_phan", "Thành phần dự họp", "lines", "Thông báo kết luận: mỗi thành phần một dòng"),
    Field("ket_luan", "Kết luận", "lines", "Thông báo kết luận: nội dung người chủ trì kết luận, mỗi đoạn một dòng; "
          "để trống: văn bản để chỗ tô vàng cho người soạn viết"),
)
FIELD_BY_ID = {f.id: f for f in FIELDS}
_KEY_INDEX: dict[str, str] = {}
for _f in FIELDS:
    _KEY_INDEX[fold(_f.label)] = _f.id
    _KEY_INDEX[fold(_f.id)] = _f.id
    _KEY_INDEX[fold(_f.id.replace("_", " "))] = _f.id


def _group_index() -> dict[str, str]:
    """Every spelling of a group (label, id, id with spaces, the kind's aliases), folded -> group id;
    read from the registry on each call so a kind added there is a group here."""
    from kh_excel.docs import kinds
    index: dict[str, str] = {}
    names = [("chung", ("Chung",))] + [(k.id, (k.label, *k.aliases)) for k in kinds.all_kinds()]
    for gid, labels in names:
        for name in (*labels, gid, gid.replace("-", " ")):
            index[fold(name)] = gid
    return index

class SettingsError(UserError, ValueError):
    """A settings value that cannot be used; the message is Vietnamese and names the place."""


@dataclass
class Settings:
    """Values per group ("chung" and each kind), as given; defaults are applied by the context builder."""

    groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    # field id -> where its value was written («tệp.xlsx › Cấu hình văn bản, ô B5», «cau_hinh.toml, mục «…»»): a
    # message about a value names its cell (rev15 R15-10)
    places: dict[str, str] = field(default_factory=dict)

    def merged(self, other: "Settings") -> "Settings":
        """`other` overrides self, key by key within each group."""
        groups = {g: dict(v) for g, v in self.groups.items()}
        for g, values in other.groups.items():
            groups.setdefault(g, {}).update(values)
        return Settings(groups, self.warnings + other.warnings, self.sources + other.sources,
                        {**self.places, **other.places})

    def for_kind(self, kind: str) -> dict[str, Any]:
        """Common values overridden by the kind's own group."""
        out = dict(self.groups.get("chung", {}))
        out.update(self.groups.get(kind, {}))
        return out


def _as_lines(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        out: list[str] = []
        for v in value:
            out.extend(_as_lines(v))
        return out
    text = vn.nfc(_cell_text(value)).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return [line.strip() for line in text.split("\n") if line.strip()]


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return vn.nfc(value).strip()


def _convert(f: Field, value: Any, where: str) -> Any:
    if f.kind == "lines":
        return _as_lines(value)
    if f.kind == "date":
        try:
            return vn.parse_date(value)
        except ValueError as exc:
            raise SettingsError(f"{where}: {f.label}: {exc}") from None
    text = _cell_text(value)
    if f.id.startswith("tham_quyen") and text:
        _check_authority(text, f, where)
    return text


def _check_authority(text: str, f: Field, where: str) -> None:
    """A signing authority is checked where it is read, so its error names the file, sheet and row."""
    try:  # which combinations a document accepts (the notice's «TL., KT.») is its own rule
        vn.parse_authority(text)
    except ValueError as exc:
        raise SettingsError(f"{where}: {f.label}: {exc}") from None


def unset(value: Any) -> bool:
    """A converted value that says nothing (an empty cell, «""», no lines, no date): the setting is not set, so
    the document's default applies (what the table tells, else a highlighted gap), never an empty string."""
    return value is None or value == "" or value == []


def _raise_all(errors: list[str]) -> None:
    """Every bad value of a settings source in one message, so one correction round fixes them all."""
    if len(errors) == 1:
        raise SettingsError(errors[0])
    if errors:
        raise SettingsError(f"Cấu hình có {len(errors)} giá trị không dùng được:\n"
                            + "\n".join(f"- {e}" for e in errors))


def settings_from_rows(rows: list[list[Any]], source: str = "",
                       formulas: set[tuple[int, int]] | frozenset = frozenset()) -> Settings:
    """Read the key/value rows of a settings sheet (what `example_settings_rows` produces).

    A row whose first cell names a group ("Chung", "Báo cáo", …) and has no value opens
    that group; a key given on several rows collects all their lines ("Nơi nhận"). A value cell
    in `formulas` (0-based (row, column)) is a formula: its computed value is used, with a warning,
    since a setting is text the author means to print («=1+1» is not «2» to the reader of the sheet).
    """
    settings = Settings(sources=[source] if source else [])
    group = "chung"
    groups = _group_index()
    seen: set[tuple[str, str]] = set()
    errors: list[str] = []
    for i, row in enumerate(rows, start=1):
        cells = list(row) + [None, None]
        key_text = _cell_text(cells[0])
        value = cells[1]
        if not key_text:
            continue
        where = f"{source} dòng {i}" if source else f"dòng {i}"
        key = fold(key_text).strip("[]: ").strip()
        value_empty = value is None or (isinstance(value, str) and not value.strip())
        if key in groups and value_empty and key not in _KEY_INDEX:
            group = groups[key]
            continue
        fid = _KEY_INDEX.get(key)
        if fid is None:
            if not value_empty and key not in {fold("Mục"), fold("Cấu hình văn bản")}:
                settings.warnings.append(f"{where}: không hiểu mục «{key_text}», đã bỏ qua")
            continue
        f = FIELD_BY_ID[fid]
        try:
            converted = _convert(f, value, where)
        except SettingsError as exc:
            errors.append(str(exc))
            continue
        if unset(converted):  # the row is there to be filled: the default applies, never a blank over it
            continue
        values = settings.groups.setdefault(group, {})
        if (i - 1, 1) in formulas and not value_empty:
            settings.warnings.append(f"{where}: mục «{f.label}» (ô B{i}) là công thức; văn bản dùng giá trị tính "
                                     f"được «{_cell_text(value)}» — nên ghi thẳng nội dung thay cho công thức")
        if f.kind == "lines" and (group, fid) in seen:
            values[fid] = values[fid] + converted
        else:
            values[fid] = converted
            settings.places.setdefault(fid, f"{source}, ô B{i}" if source else f"ô B{i}")
        seen.add((group, fid))
    _raise_all(errors)
    return settings


def settings_from_mapping(data: dict[str, Any], source: str = "") -> Settings:
    """Settings from a TOML document: top-level keys are common, tables are groups."""
    settings = Settings(sources=[source] if source else [])
    groups = _group_index()

    def put(group: str, mapping: dict[str, Any], where: str) -> None:
        for key, value in mapping.items():
            if isinstance(value, dict):
                g = groups.get(fold(key))
                if g is None:
                    from kh_excel.docs.kinds import choices
                    raise SettingsError(f"{where}: không có nhóm «{key}» (dùng {choices()})")
                put(g, value, f"{where}, nhóm [{key}]")
                continue
            fid = _KEY_INDEX.get(fold(key))
            if fid is None:
                errors.append(f"{where}: không hiểu mục «{key}»")
                continue
            try:
                converted = _convert(FIELD_BY_ID[fid], value, f"{where}, mục «{key}»")
            except SettingsError as exc:
                errors.append(str(exc))
                continue
            if not unset(converted):  # «so = ""» is not set, as an empty cell is
                settings.groups.setdefault(group, {})[fid] = converted
                settings.places.setdefault(fid, f"{where}, mục «{key}»")

    errors: list[str] = []
    put("chung", data, source or "TOML")
    _raise_all(errors)
    return settings


def load_toml(path: str | os.PathLike) -> Settings:
    from kh_excel.io.limits import InputRefused, load_toml as read_toml
    p = Path(path)
    try:
        data = read_toml(p)  # size, encoding, nesting and syntax, in Vietnamese
    except InputRefused as exc:
        if not p.exists():
            raise SettingsError(f"Không tìm thấy tệp cấu hình {p}") from None
        raise SettingsError(str(exc)) from None
    return settings_from_mapping(data, source=p.name)


def find_settings_sheet(sheet_names: list[str]) -> str | None:
    target = fold(SHEET_NAME)
    for name in sheet_names:
        if fold(name) == target:
            return name
    for name in sheet_names:
        if fold(name).startswith("cau hinh"):
            return name
    return None


def read_settings_sheet(path: str | os.PathLike) -> Settings:
    """The settings sheet of a workbook (.xlsx, .xlsm, .xls, .ods); empty settings when it has none."""
    from kh_excel.io.workbook import WorkbookError, open_workbook

    p = Path(path)
    try:
        book = open_workbook(p, names_ahead=False)
        name = find_settings_sheet(list(book.sheet_names))
        if name is None:
            return Settings()
        rows = book.grid(name).rows
    except WorkbookError as exc:
        raise SettingsError(str(exc)) from None
    from kh_excel.io.workbook import formula_cells
    formulas = formula_cells(p, name) if book.kind == "zip" else set()
    return settings_from_rows(rows, source=f"{p.name} › {name}", formulas=formulas)


def table_choice(settings: "Settings", kind: str = "chung") -> tuple[str | None, str | None]:
    """The column group and period the settings name («Nhóm cột», «Kỳ»), None where blank."""
    values = settings.for_kind(kind)
    return (str(values.get("nhom_cot") or "").strip() or None, str(values.get("ky") or "").strip() or None)


def load_settings(workbook: str | os.PathLike | None = None,
                  toml: str | os.PathLike | None = None) -> Settings:
    """Workbook sheet first, then the TOML file over it."""
    s = read_settings_sheet(workbook) if workbook else Settings()
    if toml:
        s = s.merged(load_toml(toml))
    return s


# ---------------------------------------------------------------- the sheet written for a workbook

# The issuer's own values, the same in every document: group «Chung». Each kind's group lists the rows its document
# reads (docs.kinds Kind.settings). Every field is on the sheet at least once.
COMMON_FIELDS = ("co_quan_chu_quan", "co_quan_ban_hanh", "ten_co_quan", "ky_hieu_co_quan", "don_vi_soan_thao",
                 "dia_danh", "nam", "nhom_cot", "ky", "tham_quyen", "tap_the", "chuc_vu_thu_truong", "chuc_vu",
                 "ho_ten", "tham_quyen_2", "tap_the_2", "chuc_vu_thu_truong_2", "chuc_vu_2", "ho_ten_2", "noi_nhan",
                 "luu", "nguoi_soan", "ky_bao_cao", "han_gui", "thu_muc_nhan")
SHEET_TITLE = ["CẤU HÌNH VĂN BẢN", "", ""]
SHEET_HEADINGS = ["Mục", "Giá trị", "Ghi chú"]
COMMON_NOTE = ("Áp dụng cho mọi văn bản; nhóm bên dưới ghi đè cho từng loại. Ô để trống: văn bản lấy theo bảng chỉ "
               "tiêu, hoặc để chỗ tô vàng cho người soạn điền")
# a group's note where its rows are read differently from «Chung»
GROUP_NOTES = {"thong-bao": "Cuộc họp và người ký thông báo (Văn phòng ký thừa lệnh): người ký ở nhóm «Chung» không "
                            "ký thông báo; để trống: TL. CHỦ TỊCH, CHÁNH VĂN PHÒNG"}


def settings_rows(table: Any = None) -> list[list[str]]:
    """The settings sheet written into a user's workbook (`kh-excel settings`, the add-in's «Cấu hình»): every key
    with its label and note, its value empty so the document's default applies, except what the table's title
    tells (the issuing committee and the place, docs.context.told_by_table): never another issuer's values."""
    told: dict[str, Any] = {}
    if table is not None:
        from kh_excel.docs.context import told_by_table
        told = told_by_table(table)

    def row(fid: str) -> list[str]:
        value = told.get(fid, "")
        return [FIELD_BY_ID[fid].label, "\n".join(value) if isinstance(value, list) else value, FIELD_BY_ID[fid].help]

    from kh_excel.docs import kinds
    rows = [list(SHEET_TITLE), list(SHEET_HEADINGS), ["Chung", "", COMMON_NOTE], *(row(f) for f in COMMON_FIELDS)]
    for k in kinds.all_kinds():
        if k.settings:
            rows.append([k.label, "", GROUP_NOTES.get(k.id, "")])
            rows += [row(f) for f in k.settings]
    return rows


# ---------------------------------------------------------------- the example sheet

def example_settings_rows(year: int | None = None) -> list[list[str]]:
    """A filled-in settings sheet of one province (Lào Cai): title row, column headings, then groups of
    key/value/help rows. Documentation and tests only: written into a workbook only when the user asks for it
    (`kh-excel settings --example`); a user's workbook gets `settings_rows`."""
    y = year or date.today().year
    h = {f.id: f.help for f in FIELDS}

    def row(fid: str, value: str) -> list[str]:
        return [FIELD_BY_ID[fid].label, value, h[fid]]

    noi_nhan = ["Văn phòng Chính phủ", "Bộ Tài chính", "Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh",
                "Đoàn Đại biểu Quốc hội tỉnh", "UBMTTQ VN và các đoàn thể tỉnh", "Các sở, ban, ngành tỉnh",
                "Ủy ban nhân dân các xã, phường", "Lãnh đạo Văn phòng"]
    rows: list[list[str]] = [
        list(SHEET_TITLE),
        list(SHEET_HEADINGS),
        ["Chung", "", "Áp dụng cho mọi văn bản; nhóm bên dưới ghi đè cho từng loại"],
        row("co_quan_chu_quan", ""),
        row("co_quan_ban_hanh", "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI"),
        row("ten_co_quan", "Ủy ban nhân dân tỉnh"),
        row("ky_hieu_co_quan", "UBND"),
        row("don_vi_soan_thao", "TH"),
        row("dia_danh", "Lào Cai"),
        row("nam", ""),
        row("tham_quyen", "TM."),
        row("tap_the", "ỦY BAN NHÂN DÂN"),
        row("chuc_vu_thu_truong", "CHỦ TỊCH"),
        row("chuc_vu", "CHỦ TỊCH"),
        row("ho_ten", "Nguyễn Tuấn Anh"),
    ]
    rows += [row("noi_nhan", n) for n in noi_nhan]
    rows += [
        row("luu", "VT, TH"),
        ["Báo cáo", "", ""],
        row("so", "15"),
        row("ngay", f"15/12/{y}"),
        row("trich_yeu", f"Kết quả thực hiện các chỉ tiêu kinh tế - xã hội chủ yếu năm {y}"),
        row("kinh_gui", "Thường trực Hội đồng nhân dân tỉnh"),
        row("tham_quyen", "TM., KT."),
        row("chuc_vu", "PHÓ CHỦ TỊCH"),
        row("ho_ten", "Nguyễn Thành Sinh"),
        # judgements the data cannot make: a marked place («[…]», highlighted in the document) for the author
        row("ket_qua", "[Đánh giá chung: nhận định của cơ quan về kết quả thực hiện trong năm]"),
        row("ton_tai", "[Tồn tại, hạn chế và nguyên nhân]"),
        row("giai_phap", "Tập trung chỉ đạo thực hiện các chỉ tiêu chưa đạt kế hoạch; các cơ quan chủ trì đề ra giải "
                         "pháp cụ thể cho từng chỉ tiêu được giao."),
        ["Kế hoạch", "", ""],
        row("so", "20"),
        row("ngay", f"20/01/{y}"),
        row("trich_yeu", f"Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/{y} của Chính phủ về nhiệm vụ, giải pháp "
                         f"chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm {y}"),
        row("muc_dich", "Cụ thể hóa các mục tiêu, chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm "
                        f"{y}; phân công rõ trách nhiệm của từng cơ quan, đơn vị."),
        row("yeu_cau", "Các cơ quan, đơn vị chủ động triển khai, định kỳ báo cáo kết quả thực hiện."),
        row("muc_tieu", "Phấn đấu hoàn thành toàn diện các chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm "
                        f"{y}."),
        row("nhiem_vu_co_quan", ""),
        row("to_chuc", "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường căn cứ Kế hoạch này xây dựng kế hoạch "
                       "thực hiện."),
        row("che_do_bao_cao", "Định kỳ hằng quý, cả năm, các cơ quan chủ trì báo cáo kết quả thực hiện các chỉ tiêu "
                              "được giao về Ủy ban nhân dân tỉnh để tổng hợp, theo dõi."),
        ["Chương trình hành động", "", ""],
        row("so", "04"),
        row("ngay", f"03/02/{y}"),
        row("trich_yeu", f"của Ủy ban nhân dân tỉnh thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/{y} "
                         "của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển "
                         f"kinh tế - xã hội và dự toán ngân sách nhà nước năm {y}"),
        row("mo_dau", f"Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/{y} của Chính phủ, Ủy ban nhân dân tỉnh ban "
                      "hành Chương trình hành động triển khai thực hiện, gồm những nội dung sau:"),
        row("muc_dich", "Cụ thể hóa trách nhiệm của từng ngành, lĩnh vực, địa phương nhằm tổ chức triển khai "
                        "đồng bộ, hiệu quả các nhiệm vụ, giải pháp."),
        row("yeu_cau", "Phân công rõ cơ quan chủ trì, cơ quan phối hợp và lãnh đạo tỉnh phụ trách từng chỉ tiêu."),
        row("nhiem_vu_co_quan", ""),
        row("to_chuc", "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường chủ động xây dựng kế hoạch triển khai "
                       "Chương trình hành động này."),
        row("che_do_bao_cao", ""),
        row("ket_thuc", "Đề nghị các đơn vị, địa phương nghiêm túc tổ chức triển khai thực hiện./."),
        ["Giao chỉ tiêu", "", ""],
        row("so", "125"),
        row("ngay", f"05/01/{y}"),
        row("trich_yeu", f"V/v giao chỉ tiêu kinh tế - xã hội chủ yếu năm {y}"),
        row("tham_quyen", "TM., KT."),
        row("chuc_vu", "PHÓ CHỦ TỊCH"),
        row("ho_ten", "Nguyễn Thành Sinh"),
        # a notice of conclusions is signed by the office, by order of the chairman (nd30 7a: TL.)
        ["Thông báo kết luận", "", ""],
        row("so", "30"),
        row("ngay", f"30/12/{y}"),
        row("hop_ngay", f"28/12/{y}"),
        row("hop_dia_diem", "Trung tâm Hội nghị tỉnh"),
        row("hop_ten", f"phiên họp thường kỳ tháng 12 năm {y}"),
        row("hop_chu_tri", "đồng chí Nguyễn Tuấn Anh - Chủ tịch Ủy ban nhân dân tỉnh"),
        row("hop_thanh_phan", "các đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh"),
        row("hop_thanh_phan", "Thủ trưởng các sở, ban, ngành tỉnh"),
        row("hop_thanh_phan", "Chủ tịch Ủy ban nhân dân các xã, phường"),
        # every place the notice asks the author to fill has its row here (docs.context body_thong_bao)
        row("ket_qua", "[Kết quả nổi bật trong năm]"),
        row("ton_tai", "[Tồn tại, hạn chế và nguyên nhân]"),
        row("ket_luan", "[Kết luận của người chủ trì về nhiệm vụ trọng tâm thời gian tới]"),
        row("tham_quyen", "TL."),
        row("chuc_vu_thu_truong", "CHỦ TỊCH"),
        row("chuc_vu", "CHÁNH VĂN PHÒNG"),
        row("ho_ten", "Phan Quốc Nghĩa"),
    ]
    return rows


def heading_rows(rows: list[list[Any]]) -> set[int]:
    """0-based indexes of the rows that open a group («Chung», «Báo cáo», …): written in bold."""
    groups = _group_index()
    return {i for i, row in enumerate(rows) if row and fold(str(row[0] or "")) in groups
            and not (len(row) > 1 and row[1])}


def write_settings_sheet(workbook: str | os.PathLike, out: str | os.PathLike,
                         rows: list[list[str]] | None = None, replace: bool = False) -> Path:
    """Copy `workbook` to `out` with a settings sheet holding `rows` (default: `settings_rows()`, empty values).

    Refuses to replace an existing settings sheet unless `replace`. Written atomically.
    """
    from openpyxl.styles import Alignment, Font

    src, dst = Path(workbook), Path(out)
    if src.suffix.lower() not in (".xlsx", ".xlsm"):
        raise SettingsError(f"{src.name}: chỉ ghi được bảng cấu hình vào tệp .xlsx hoặc .xlsm "
                            "(hãy lưu tệp sang .xlsx trước)")
    from kh_excel.io.atomic import check_output
    from kh_excel.io.limits import InputRefused
    from kh_excel.io.workbook import load_for_copy
    from kh_excel.io.xstring import escaped
    check_output(dst, [src])  # before any work: never onto the workbook itself
    if dst.suffix.lower() not in (".xlsx", ".xlsm"):  # a spreadsheet under the name the user gave, never renamed
        raise SettingsError(f"Không ghi được tệp «{dst}»: tệp kết quả phải có đuôi .xlsx hoặc .xlsm (đang là «{dst.name}»).")
    if dst.suffix.lower() == ".xlsm" and src.suffix.lower() != ".xlsm":
        raise SettingsError(f"Không ghi được tệp «{dst}»: tệp kết quả .xlsm chỉ dùng khi bảng tính gốc là .xlsm (có macro); hãy dùng đuôi .xlsx.")
    try:  # the same bounds and damaged cells refused as `check`, before openpyxl copies it
        wb = load_for_copy(src, keep_vba=src.suffix.lower() == ".xlsm" and dst.suffix.lower() == ".xlsm")
    except InputRefused as exc:
        raise SettingsError(str(exc)) from None
    existing = find_settings_sheet(wb.sheetnames)
    if existing is not None:
        if not replace:
            raise SettingsError(f"{src.name} đã có bảng «{existing}»; dùng --replace để thay bằng bảng mới")
        del wb[existing]
    if rows is None:
        rows = settings_rows()
    ws = wb.create_sheet(SHEET_NAME)
    headings = heading_rows(rows)
    widths = (42, 70, 60)  # characters, columns A–C
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=escaped(value) if value != "" else None)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if r <= 2 or r - 1 in headings:
            for c in range(1, 4):
                ws.cell(row=r, column=c).font = Font(bold=True)
        # a note wraps onto several lines: the row is made that tall (a reader does not always fit it)
        lines = max((sum(-(-len(part) // widths[c]) or 1 for part in str(v).split("\n"))
                     for c, v in enumerate(row[:3]) if v not in (None, "")), default=1)
        if lines > 1:
            ws.row_dimensions[r].height = 15 * lines
    for letter, width in zip("ABC", widths):
        ws.column_dimensions[letter].width = width
    from kh_excel.io.atomic import write_atomic

    return write_atomic(dst, lambda tmp: wb.save(tmp), inputs=[src])
