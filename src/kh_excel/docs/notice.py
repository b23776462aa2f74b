"""The Thông báo kết luận (seed 004's shape): the meeting, the results sentence, the conclusions and the
directions per lead agency, made into the `tb` part of a template's context.

The meeting (date, place, chair, attendees) and the conclusions come from the settings (group «Thông báo
kết luận»); what the settings do not give is a «[…]» place on a yellow highlight for the author, never an
invented sentence. Indicators are worded only by docs.wording (through the entries docs.context lists).
The notice is signed by the office, by order of the head (nd30 7a: TL.) or for the Chánh Văn phòng (KT.).
"""
from __future__ import annotations

from datetime import date
from typing import Any

from kh_excel.core.model import Assessment
from kh_excel.core.periods import PLAN_WORD
from kh_excel.core.text import fold
from kh_excel.docs import layout as L
from kh_excel.docs import vn
from kh_excel.docs import wording as W

KIND = "thong-bao"

# the places a blank setting leaves for the author (highlighted in the document)
GAP_DATE = "[ngày họp]"
GAP_PLACE = "[địa điểm họp]"
GAP_MEETING = "[tên cuộc họp]"
GAP_CHAIR = "[người chủ trì]"
GAP_ATTENDEES = "[thành phần dự họp]"
GAP_CONCLUSIONS = "[Kết luận của người chủ trì: ghi ở mục «Kết luận» của trang Cấu hình văn bản]"

OFFICE_HEAD = "CHÁNH VĂN PHÒNG"
OFFICE_DEPUTY = "PHÓ CHÁNH VĂN PHÒNG"
SIGNER_KEYS = ("tham_quyen", "chuc_vu_thu_truong", "chuc_vu", "ho_ten")



class NoticeError(ValueError):
    """A settings value the notice cannot use; Vietnamese message (raised as ContextError by the caller)."""


def meeting(s: dict[str, Any], year: int, ten_co_quan: str) -> dict[str, str]:
    """The meeting's pieces as the settings give them, a gap where they do not."""
    from kh_excel.docs.context import txt
    d: date | None = s.get("hop_ngay")
    attendees = [txt(x).rstrip(";.,") for x in s.get("hop_thanh_phan") or [] if txt(x)]
    return {
        "ngay": "N" + vn.date_words(d, None)[1:] if d else GAP_DATE,  # «Ngày 28 tháng 12 năm 2026»
        "dia_diem": txt(s.get("hop_dia_diem")) or GAP_PLACE,
        "ten": W.lower_first(txt(s.get("hop_ten"))) or GAP_MEETING,
        "chu_tri": txt(s.get("hop_chu_tri")) or GAP_CHAIR,
        "thanh_phan": "; ".join(attendees) or GAP_ATTENDEES,
        "co_quan": ten_co_quan,
    }


def opening(m: dict[str, str]) -> str:
    """The notice's first paragraph (seed 004:1–18): when, where, who chaired, who attended, then «kết luận như sau»."""
    chair = m["chu_tri"]
    chair_cap = chair[:1].upper() + chair[1:]
    return (f"{m['ngay']}, tại {m['dia_diem']}, {m['co_quan']} tổ chức {m['ten']}. {chair_cap} chủ trì; "
            f"tham dự có {m['thanh_phan']}. Sau khi nghe các báo cáo và ý kiến thảo luận của các đại biểu, "
            f"{chair} kết luận như sau:")


def default_trich_yeu(m: dict[str, str]) -> str:
    return f"Kết luận của {m['chu_tri']} tại {m['ten']}"


def closing(m: dict[str, str], announcer: str) -> str:
    return (f"Trên đây là kết luận của {m['chu_tri']} tại {m['ten']}, {announcer} thông báo để các cơ quan, "
            "đơn vị, địa phương biết và thực hiện./.")


def result_sentences(entries: list[W.Item], year: int | None, per: Any = None) -> list[str]:
    """Seed 004:137: «Năm 2023, có 9/42 chỉ tiêu không đạt kế hoạch, gồm: (1) …; (2) ….», after the count met.
    The counts are those of the entries listed, so the number and the items never disagree. `per` (docs.period)
    names the period; a part of the year against the year's plan is progress, listed with its ratio."""
    from kh_excel.docs import period as P
    if per is not None and per.plan_is_year:
        counts = P.group_counts(entries)
        progress = [e for e in entries if P.group_of(e) == P.PROGRESS_GROUP]
        # the list after the colon is the rows counted before it; the other rows get a sentence of their own
        out = [P.progress_sentence(per, counts, extras=not progress) + ("." if not progress else ":")]
        if progress:
            out.append("; ".join(f"({i}) {e.result}" for i, e in enumerate(progress, 1)) + ".")
            rest = P.rest_sentence(counts)
            if rest:
                out.append(rest)
        return out
    lead = per.lead() if per is not None and per.labelled else (f"Năm {year}" if year else "")
    met = [e for e in entries if e.status in ("vuot", "dat")]
    not_met = [e for e in entries if e.status == "khong_dat"]
    evaluated = len(met) + len(not_met)
    opener = f"{lead}, có" if lead else "Có"
    if not evaluated:
        return [f"{lead}, chưa có chỉ tiêu nào đủ số liệu để đánh giá." if lead
                else "Chưa có chỉ tiêu nào đủ số liệu để đánh giá."]
    plan = per.plan if per is not None else PLAN_WORD  # a budget's «dự toán» (core.periods.plan_word)
    out = [f"{opener} {len(met)}/{evaluated} chỉ tiêu đạt và vượt {plan}."]
    if not_met:
        listed = "; ".join(f"({i}) {e.brief}" for i, e in enumerate(not_met, 1))
        out.append(f"{opener} {len(not_met)}/{evaluated} chỉ tiêu không đạt {plan}, gồm: {listed}.")
    else:
        out.append(f"Không có chỉ tiêu nào không đạt {plan}.")
    others = [(k, sum(1 for e in entries if e.status == k)) for k in ("chua_co_so_lieu", W.ERROR_STATUS)]
    extra = [f"{n} chỉ tiêu {W.STATUS_WORDS[k]}" for k, n in others if n]
    if extra:
        out.append("Còn " + "; ".join(extra) + ".")
    return out


def _leads(e: W.Item, by_row: dict[int, Assessment]) -> list[str]:
    ind = e.assessments[0].indicator
    leads = ind.lead
    if not leads and ind.kind == "subrow" and ind.parent_row in by_row:
        leads = by_row[ind.parent_row].indicator.lead
    return [x for x in leads if x and x.strip()]


NO_AGENCY = "Các cơ quan, đơn vị"


def _name(e: W.Item) -> str:
    """The entry's name without figures: a row with no figure (or a failed one) is named, never given a value."""
    return e.result.split(": ", 1)[0]


def directions(entries: list[W.Item], assessments: list[Assessment], assigns: bool = True,
               plan: str = PLAN_WORD) -> list[dict[str, Any]]:
    """Per lead agency, the agencies of the indicators not met first (in table order), then those whose
    indicators still have no figures or failed figures; each with its indicators as the summary names them.
    `assigns`: the issuer directs the agencies («Giao … chủ trì»); a department asks them («Đề nghị …»), as the
    issuer asks a body it does not direct (the council, the Party, the Front, a mass organisation, a court). `plan`:
    what the table calls its plan (a budget's «dự toán»: core.periods.plan_word)."""
    from kh_excel.core.agencies import asked_by_committee
    from kh_excel.docs.context import _same_agency, agency_display, in_sentence
    by_row = {a.indicator.row: a for a in assessments}
    groups: list[dict[str, Any]] = []

    def group_of(name: str) -> dict[str, Any]:
        for g in groups:
            if g["key"] == name or (name != NO_AGENCY and g["key"] != NO_AGENCY and _same_agency(g["key"], name)):
                return g
        g = {"key": name, "ten": name if name == NO_AGENCY else agency_display(name),
             "khong_dat": [], "chua_co": [], "loi": []}
        groups.append(g)
        return g

    slots = (("khong_dat", "khong_dat"), ("chua_co_so_lieu", "chua_co"), (W.ERROR_STATUS, "loi"))
    for status, slot in slots:
        for e in entries:
            if e.status == status:
                for lead in _leads(e, by_row) or [NO_AGENCY]:
                    group_of(lead)[slot].append(e.brief if status == "khong_dat" else _name(e))
    out = []
    for g in groups:
        parts = []
        if g["khong_dat"]:
            parts.append(f"có giải pháp cụ thể để hoàn thành các chỉ tiêu chưa đạt {plan}: " + "; ".join(g["khong_dat"]))
        if g["chua_co"]:
            parts.append("khẩn trương cập nhật, báo cáo số liệu các chỉ tiêu: " + "; ".join(g["chua_co"]))
        if g["loi"]:
            parts.append("kiểm tra, sửa lại số liệu các chỉ tiêu: " + "; ".join(g["loi"]))
        # seed 004:358 «Giao Sở Kế hoạch và Đầu tư chủ trì, …»: a group keeps a lower-case «các» mid-sentence
        who = ("Các cơ quan, đơn vị được giao chủ trì" if g["key"] == NO_AGENCY
               else f"{'Giao' if assigns and not asked_by_committee(g['ten']) else 'Đề nghị'} "
                    f"{in_sentence(g['ten'])} chủ trì,")
        out.append({"ten": g["ten"], "noi_dung": f"{who} " + "; ".join(parts) + ".",
                    "khong_dat": list(g["khong_dat"]), "chua_co": list(g["chua_co"]), "loi": list(g["loi"])})
    return out


def signer_values(kind_group: dict[str, Any], ban_hanh: list[str]) -> dict[str, str]:
    """The signer of a notice from the notice's own settings group only: the common group's signer (the
    chairman, TM.) never signs a notice. Default: TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG for a people's committee,
    CHÁNH VĂN PHÒNG for the office itself; KT. makes the deputy sign (PHÓ CHÁNH VĂN PHÒNG)."""
    from kh_excel.docs.context import default_head_title, department_of, is_people_committee, txt
    office = bool(ban_hanh) and fold(ban_hanh[-1]).startswith("van phong")
    values = {k: txt(kind_group.get(k)) for k in SIGNER_KEYS}
    auth = vn.parse_authority(values["tham_quyen"]) if values["tham_quyen"] else []
    department = department_of(ban_hanh)
    if department is not None and not department[1].office:
        return _head_signs(values, auth, department[1].head)
    if "TM." in auth or "Q." in auth or "TUQ." in auth:
        raise NoticeError(f"thông báo kết luận do Văn phòng ký TL. (thừa lệnh) hoặc KT. (ký thay Chánh Văn phòng), "
                          f"không ký «{values['tham_quyen']}»; sửa mục «Thẩm quyền ký» của nhóm «Thông báo kết luận»")
    if not auth and not values["chuc_vu"]:
        auth = [] if office else ["TL."]
    if not office and "KT." in auth and "TL." not in auth:
        # the deputy office chief signs for the Chánh Văn phòng, who signs by order of the head (nd30 7a):
        # «TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG», never «KT. CHỦ TỊCH» (a Phó Chủ tịch's line)
        auth = ["TL.", *auth]
    if office and "TL." in auth:
        raise NoticeError("thông báo do chính Văn phòng ban hành: Chánh Văn phòng ký, hoặc Phó Chánh Văn phòng ký "
                          "KT.; bỏ «TL.» ở mục «Thẩm quyền ký» của nhóm «Thông báo kết luận»")
    head = values["chuc_vu_thu_truong"] or (OFFICE_HEAD if office else default_head_title(ban_hanh) or "CHỦ TỊCH")
    title = values["chuc_vu"] or (OFFICE_DEPUTY if "KT." in auth else OFFICE_HEAD)
    if "TL." in auth and not is_people_committee(ban_hanh) and not values["chuc_vu_thu_truong"]:
        head = default_head_title(ban_hanh) or head
    return {"tham_quyen": " ".join(auth), "chuc_vu_thu_truong": head, "chuc_vu": title, "ho_ten": values["ho_ten"]}


def _head_signs(values: dict[str, str], auth: list[str], head: str) -> dict[str, str]:
    """The signer of a notice of a body with no office of its own (a Phòng, a Chi cục: Department.office): its head
    signs it, or the deputy «KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG»; no Chánh Văn phòng signs for a body that has none."""
    if set(auth) - {"KT."}:
        raise NoticeError(f"thông báo kết luận của cơ quan không có Văn phòng do người đứng đầu ký, hoặc cấp phó ký "
                          f"KT.; không ký «{values['tham_quyen']}»; sửa mục «Thẩm quyền ký» của nhóm «Thông báo kết luận»")
    head = values["chuc_vu_thu_truong"] or head
    title = values["chuc_vu"] or (f"PHÓ {head}" if auth else head)
    return {"tham_quyen": " ".join(auth), "chuc_vu_thu_truong": head, "chuc_vu": title, "ho_ten": values["ho_ten"]}


def signature_lines(v: dict[str, str]) -> list[str]:
    """nd30 7a for the office: «TL. CHỦ TỊCH» over «CHÁNH VĂN PHÒNG»; with KT. as well, «TL. CHỦ TỊCH»,
    «KT. CHÁNH VĂN PHÒNG», «PHÓ CHÁNH VĂN PHÒNG»; the office's own notice «KT. CHÁNH VĂN PHÒNG» over the deputy."""
    auth = v["tham_quyen"].split()
    up = lambda s: vn.nfc(s).strip().upper()  # noqa: E731
    lines = []
    if "TL." in auth:
        lines.append(f"TL. {up(v['chuc_vu_thu_truong'])}")
    if "KT." in auth:
        lines.append(f"KT. {OFFICE_HEAD if 'TL.' in auth else up(v['chuc_vu_thu_truong'])}")
    lines.append(up(v["chuc_vu"]))
    return lines


def notice_part(entries: list[W.Item], assessments: list[Assessment], s: dict[str, Any], year: int,
                ten_co_quan: str, announcer: str, per: Any = None, assigns: bool = True) -> dict[str, Any]:
    """The `tb` context of a notice (templates/README.md lists its keys); `assigns` as for `directions`."""
    from kh_excel.docs.context import marked, marked_part, txt
    m = meeting(s, year, ten_co_quan)
    ket_luan = [marked(txt(x)) for x in s.get("ket_luan") or [] if txt(x)] or [marked(GAP_CONCLUSIONS)]
    body = lambda t: marked_part(t, None, None, None)  # noqa: E731  (the paragraph's own size and style)
    return {
        "mo_dau": body(opening(m)),
        "tieu_de_ket_qua": (f"I. VỀ KẾT QUẢ THỰC HIỆN {(per.chi_tieu() if per else 'các chỉ tiêu').upper()} "
                            f"{(per.span() if per else f'năm {year}').upper()}"),
        "ket_qua": result_sentences(entries, year, per),
        "ket_luan": ket_luan,
        "chi_dao": directions(entries, assessments, assigns, per.plan if per is not None else PLAN_WORD),
        "ket_thuc": body(closing(m, announcer)),
        "hop": m,
    }


def trich_yeu_markup(text: str) -> str:
    """The trích yếu line with its gaps highlighted, in the title's own size and weight."""
    from kh_excel.docs.context import marked_part
    return marked_part(text, L.SIZE["trich_yeu"], True)
