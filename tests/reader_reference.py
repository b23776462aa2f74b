"""core.table.parse_grid as it was before its per-row fast paths (main at e24a997), copied unchanged
as the reference tests/test_reader_same.py compares the reader with. It runs with core.table's helpers."""
# flake8: noqa
from __future__ import annotations

from kh_excel.core import table as _table

globals().update({k: v for k, v in vars(_table).items() if not k.startswith("__")})


@without_gc
def ref_parse_grid(grid: Grid, file: str = "", group: str | None = None, period: str | None = None) -> Table:
    """Read the indicator table of one sheet. Raises HeaderNotFound when there is none,
    GroupNotFound when `group`/`period` names no column group or period of the sheet."""
    header = find_header(grid, group, period)
    rows = grid.rows
    cols = header.columns
    fmts = grid.number_formats
    first = header.row + 1
    # Data ends at the last row with any content.
    last = len(rows) - 1
    while last >= first and all(_is_blank(v) for v in rows[last]):
        last -= 1

    anchors = _merge_anchor_map(grid.merged, {cols[k] for k in ("stt", *_INHERITED_ROLES) if k in cols}, first)
    title_lines = []
    for r in range(0, header.rows[0]):
        parts = [t for v in rows[r] if not _is_blank(v) and not _table._NATIONAL.match(_fold(t := _str(v)))]  # (added)
        if parts:
            title_lines.append(" ".join(dict.fromkeys(parts)))

    table = Table(
        file=file,
        sheet=grid.sheet,
        columns=dict(cols),
        column_headers=dict(header.labels),
        header_rows=[r + 1 for r in header.rows],
        first_data_row=first + 1,
        last_data_row=last + 1,
        title_lines=title_lines,
        sections=[],
        indicators=[],
        year=_year_of(header.labels.get("target", "")),
        previous_year=_year_of(header.labels.get("previous", "")),
        groups=header.groups,
        periods=header.periods,
        group=header.group,
        period=header.period,
    )
    if table.year is None and "result" in header.labels:
        table.year = _year_of(header.labels["result"])
    if table.year is None:
        table.year = title_year(title_lines)
    if table.year is None and (years := title_period(title_lines)):  # (added: a title's period of years, its last)
        table.year = years[1]
    _year_before_findings(table, header, title_lines)  # (added: the year before's columns, said)
    if header.left_out:  # (added: columns the reader left out, said)
        from kh_excel.core.validation import make_finding
        table.reader_findings.extend(make_finding(code, grid.sheet, header.rows[0], c, **params)
                                     for code, c, params in header.left_out)
    header_folds = {_fold(lab) for lab in header.labels.values()}
    if "unit" not in cols:  # (added: a unit the title or the figure headers give every row)
        table.unit_from = table_unit(title_lines, header.labels)
    if table.unit_from and not _unit_fits_names(table.unit_from[0], rows, first, last, cols["name"]):
        table.unit_from = None
    default_unit = table.unit_from[0] if table.unit_from else ""
    base_col, plan_period = _period_base(grid, header)

    # Pad rows once so that every role column can be indexed directly.
    ncols = max(cols.values()) + 1
    for r in range(first, last + 1):
        if len(rows[r]) < ncols:
            rows[r] = list(rows[r]) + [None] * (ncols - len(rows[r]))
    c_name, c_target = cols["name"], cols.get("target")
    # Every role's cell of a row in one C call: a row's values are read once, as `Indicator.raw` keeps them.
    roles = tuple(cols)
    row_values = itemgetter(*cols.values())
    inherited = tuple(role for role in _INHERITED_ROLES if role in cols)

    def values_of(r: int, row: list[Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """(raw, shown): the role cells as written, and as read with merged cells lending their text
        to the rows they cover (unit, agencies, leader, Chiều; figures and notes never inherit)."""
        raw = dict(zip(roles, row_values(row)))
        if not anchors:
            return raw, raw
        shown = dict(raw)
        for role in inherited:
            v = shown[role]
            if (v is None or v == "") and (r, cols[role]) in anchors:
                ar, ac = anchors[(r, cols[role])]
                shown[role] = _cell(rows, ar, ac)
        return raw, shown

    def add_warning(code: str, r: int, role: str, indicator: str, **params: Any) -> None:
        from kh_excel.core.validation import make_finding
        col = cols.get(role, 0)
        table.reader_findings.append(make_finding(code, grid.sheet, r, col, indicator, **params))

    from kh_excel.core.direction import infer_direction
    split_footnote, display_name, fold = vtext.split_footnote, vtext.display_name, vtext.fold
    c_stt, c_result, c_previous = cols.get("stt"), cols.get("result"), cols.get("previous")
    has_stt, has_target, has_result, has_previous = c_stt is not None, c_target is not None, c_result is not None, c_previous is not None
    has_direction = "direction" in cols
    cells_roles, registry_id = _cells_roles, id(agency_registry())
    indicators = table.indicators
    append = indicators.append
    totals: list[int] = []
    structures: list[int] = []  # indices of «Cơ cấu …» rows, whose parts are read once the table is
    section = Section(numeral="", title="", row=0)
    pending_numeral: tuple[str, int] | None = None
    current: Indicator | None = None
    lettered = None  # (added, rev22 R22-8: the last one-letter STT, its kind, number and parent: «C» after «B»)

    blank_before = False
    signed = False  # (added, rev22 R22-16: notes at the left, a signature block begun at the right)
    for r in range(first, last + 1):
        row = rows[r]
        if row.count(None) + row.count("") == len(row):
            blank_before = True
            continue
        name_cell = row[c_name]
        notes_row = _notes_row(row) if table.indicators and (name_cell is None or name_cell == "" or isinstance(name_cell, str)
                                                             and _NOTE_FIRST.match(name_cell)) else ""
        if notes_row:  # (added, rev22 R22-16: a note's line is no row of the table)
            blank_before, signed = True, signed or notes_row == "signed"
            continue
        # (added: a signature block or date line right under the table, in a row with no STT and no name)
        # (added, rev22 R22-17/19/20: the foot of the sheet, «NGƯỜI LẬP BIỂU», «Nơi nhận:», ends it wherever it begins)
        if signed or (blank_before or _is_blank(name_cell) and ("stt" not in cols or _is_blank(row[cols["stt"]])
                                                               or _titles_table(row[cols["stt"]]))) \
                and table.indicators and _ends_table(row, header_folds) \
                or table.indicators and signs_off(row, cols.get("stt")) \
                and not _table.table_goes_on(rows, r + 1, last, cols.get("stt")):  # (added, rev23 REG-2)
            table.last_data_row = r  # what follows is not the table (1-based: the row before this one)
            below = _tables_below_finding(table, rows, r, last, header_folds)  # (added: tables below named)
            if below is not None:
                table.reader_findings.append(below)
            break
        blank_before = False
        if (name_cell is None or isinstance(name_cell, (int, float)) or isinstance(name_cell, str) and len(name_cell) <= 6) \
                and _is_number_row(row):
            continue  # the (1) (2) (3) row: its name cell holds "(2)"
        # A header repeated inside the table: its target cell reads like the header's (cheap: targets repeat).
        target_cell = row[c_target] if c_target is not None else None
        if isinstance(target_cell, str) and header_role(target_cell) == "target" and header_role(name_cell) == "name":
            roles_here = _roles_of_labels(row)
            if len(roles_here) >= 3 and {"name", "target"} & roles_here.keys():
                same = sum(1 for _, lab in roles_here.values() if _fold(lab) in header_folds)
                if same >= 2 or len(roles_here) >= 4:
                    add_warning("repeated_header", r, "name", "")
                    continue

        if anchors:
            raw, shown = values_of(r, row)
        else:
            raw = shown = dict(zip(roles, row_values(row)))
        stt_raw = raw.get("stt")
        stt_from_merge = bool(anchors) and has_stt and _is_blank(stt_raw) and (r, c_stt) in anchors
        if stt_raw is None:
            stt = ""
        elif stt_raw.__class__ is str:
            # «12»: already clean (ASCII digits); «1», «-», «+» repeat down the column
            stt = stt_raw if stt_raw.isdigit() and stt_raw.isascii() else _clean_short(stt_raw)
        elif stt_raw.__class__ is float and stt_raw.is_integer():
            stt = str(int(stt_raw))
        else:
            stt = _str(stt_raw)
        # Names rarely repeat: read without a cache, text, footnote mark and fold at once.
        if isinstance(name_cell, str):
            name, footnote, name_fold = display_name(name_cell)
        else:
            (name, footnote), name_fold = split_footnote(_str(name_cell)), None
        read_name = name
        v = shown.get("unit")
        unit = default_unit if v is None or v == "" else _display_str(v) if v.__class__ is str else _display_text(v)
        target_raw = _unless_placeholder(target_cell) if isinstance(target_cell, str) else target_cell
        result_raw = raw.get("result")
        if isinstance(result_raw, str):
            result_raw = _unless_placeholder(result_raw, True)  # (added: «Chưa đánh giá» of a result)
        previous_raw = raw.get("previous")
        if isinstance(previous_raw, str):
            previous_raw = _unless_placeholder(previous_raw, True)
        lead_raw = shown.get("lead")
        has_values = target_raw.__class__ is float or result_raw.__class__ is float \
            or not (_is_blank(target_raw) and _is_blank(result_raw) and _is_blank(previous_raw))
        has_data = has_values or bool(unit) or not _is_blank(lead_raw)
        # (a non-zero float target, the common row, is a figure: no call needed to say so)
        if has_data and not (target_raw.__class__ is float and target_raw) and _is_empty_figure(target_raw) \
                and _is_empty_figure(result_raw) and _is_empty_figure(previous_raw) and _is_blank(lead_raw) \
                and _is_heading(name):
            # "E. SẢN XUẤT NÔNG NGHIỆP", "A | NÔNG NGHIỆP" with formulas giving 0 (a heading, not an indicator);
            # a running serial number in the STT column does not make it one either.
            has_values = has_data = False
            serial_m = _INT_STT.match(stt)
            serial = int(serial_m.group(1)) if serial_m else None
            m = _LETTERED.match(name)
            if m:
                stt, name = m.group(1), m.group(2)
            elif serial is not None:
                stt = ""
        else:
            serial = None

        if has_data and (not stt or stt.isdigit() or (len(stt) == 1 and not stt.isalpha())):
            is_roman = False  # a row with figures and a plain STT («12», «-», «+»): never a section or its numeral
        else:
            # Section numeral and title in the STT cell ("II CÁC CHỈ TIÊU …").
            m = _ROMAN_PREFIX.match(stt)
            if m and not name and _is_upper_title(m.group(2)):
                stt, name = m.group(1), m.group(2)
            if not stt and name and not has_data:  # "I. CÁC CHỈ TIÊU …" typed in the name column
                m = _ROMAN_PREFIX.match(name)
                if m and _is_upper_title(m.group(2)):
                    stt, name = m.group(1), m.group(2)
            part = _PART.match(_fold(stt)) if stt and not has_data else None
            if part:  # "PHẦN I", "Phần 2"
                stt = part.group(1).upper()
            stt_upper = stt.upper().rstrip(".")
            in_sequence = lettered is not None and _next_letter(stt.rstrip("."), lettered[0])  # (added, R22-8)
            is_roman = bool(stt) and not in_sequence and bool(_ROMAN.match(stt_upper)) \
                and (stt.rstrip(".").isupper() or bool(part))

            if not is_roman and len(stt_upper) == 1 and stt_upper.isalpha() and stt.isupper() and name and _is_heading(name):
                is_roman = True  # "A", "A." sections as some offices letter them
            if not stt and name and not has_data and not _is_upper_title(name) and _fold(name).startswith(_SECTION_WORDS):
                is_roman = True  # "Các chỉ tiêu về xã hội": a section title in sentence case
                stt_upper = pending_numeral[0] if pending_numeral else ""
            if is_roman and not has_data:
                if name:
                    section = Section(numeral=stt_upper, title=name, row=r + 1, serial=serial)
                    table.sections.append(section)
                    pending_numeral = None
                    lettered = (stt_upper, "section", None, None) if _ONE_LETTER.match(stt_upper) else None
                else:
                    pending_numeral = (stt_upper, r + 1)
                current = None
                continue
            if not stt and name and not has_data and _is_upper_title(name):
                numeral, srow = pending_numeral if pending_numeral else ("", r + 1)
                section = Section(numeral=numeral, title=name, row=srow, serial=serial)
                table.sections.append(section)
                pending_numeral = None
                current = None
                continue
        if not name and not has_data:
            continue  # a stray STT or note fragment with nothing to read
        # (the name's fold as read, unless a heading or numeral rule rewrote the name)
        fname = name_fold if name and name is read_name and name_fold is not None else fold(name or stt)
        if not stt:
            if not has_data and fname.startswith(_NOTE_START):
                continue
            if fname.rstrip(" :") in _TOTAL_NAMES:
                if not (has_values and current is not None and current.row == r and _no_figure(current)):
                    continue  # a total row is arithmetic, not an indicator (a section's «Tổng số» too: rev14 F-0)
                # right under an indicator of no figure: its own figures (_totals_as_indicators), as «- Tổng số»

        if is_roman:
            kind, number = "indicator", None
            add_warning("roman_indicator", r, "stt", name, stt=stt)
        elif not stt_from_merge and (number := int(stt) if stt.isdigit() and stt.isascii() and len(stt) <= 6
                                     else _stt_number(stt)) is not None:
            kind = "indicator"
        elif isinstance(stt_raw, ErrorValue) and has_data and (current is None or _table._numbered_next(rows, r, c_stt, last)):
            # (added after the copy: a numbering formula gone wrong among numbered rows)
            kind, number = "indicator", None
        elif stt_from_merge and current is not None:
            kind, number = "subrow", current.number
        elif current is None:
            kind, number = "indicator", None
        else:
            kind, number = "subrow", current.number
        if kind == "subrow" and not has_data:
            continue  # "Trong đó:", "(1) Số liệu ước tính …", a wrapped line: a note, not an indicator
        if isinstance(stt, str) and _ONE_LETTER.match(stt.rstrip(".")):  # (added, R22-8: «B» beside «A»)
            if lettered is not None and lettered[1] != "section" and _next_letter(stt.rstrip("."), lettered[0]):
                if lettered[1] == "subrow":
                    kind, number, current = "subrow", lettered[2], lettered[3]
                else:
                    kind, number = "indicator", None
            lettered = (stt.rstrip("."), kind, number, current if kind == "subrow" else None)

        try:
            lead, cooperate = cells_roles(lead_raw, shown.get("cooperate"), registry_id)
        except TypeError:  # an unhashable value: not from a sheet, but read it all the same
            lead, cooperate = _roles_cached(_agencies(lead_raw), _agencies(shown.get("cooperate")))
        lead, cooperate = list(lead), list(cooperate)
        v = shown.get("leader")
        leader = "" if v is None or v == "" else _display_str(v) if v.__class__ is str else _display_text(v)
        if kind == "subrow" and current is not None:
            lead = lead or list(current.lead)
            cooperate = cooperate or list(current.cooperate)
            leader = leader or current.leader
        v = raw.get("note")
        note = "" if v is None or v == "" else _display_str(v) if v.__class__ is str else _display_text(v)
        # A placeholder ("-", "…", "đang cập nhật") holds no figure.
        if target_raw is None and has_target:
            raw["target"] = None
        if result_raw is None and has_result:
            if _pending_words(raw.get("result")):  # (added, rev15 R15-8) «Chưa đánh giá»: no result yet, said
                add_warning("result_pending", r, "result", name, value=vtext.clean(raw.get("result")))
            raw["result"] = None
        if previous_raw is None and has_previous:
            raw["previous"] = None
        readings: dict[str, Any] = {}
        exact: dict[str, Decimal] = {}
        target = EMPTY_TARGET
        growth_target, growth_base, growth_period = False, None, (0, 0, 0)
        if target_raw.__class__ is float or not _is_blank(target_raw) and target_raw.__class__ is not ErrorValue:
            fmt = fmts.get((r, c_target)) if fmts else None
            reading = _parse_target_cell(target_raw, fmt) if isinstance(target_raw, str) else parse_target_ex(target_raw, fmt)
            if reading.target.op == "text" and unit and isinstance(target_raw, str) \
                    and (bare := _table._unit_stripped(target_raw, unit) or rescaled_figure(target_raw, unit)) is not None:
                # (added, rev9 #10 / rev18 R18-5, as the result's below: «16/16 xã», «100% xã», «1/5» beside «Người»:
                # the figure before the row's unit; rev22 R22-10: «Trên 8 triệu» beside «Lượt khách», in the unit)
                again = _parse_target_cell(bare, fmt)
                if again.target.op != "text":
                    t = again.target
                    reading = TargetReading(Target(text=vtext.clean(target_raw), op=t.op, value=t.value, high=t.high),
                                            again.numbers)
            if reading.target.op == "text" and _table._ranked(target_raw, name, unit) \
                    and (placed := _table.rank_of_total(target_raw)) is not None:
                t = _parse_target_cell(str(placed[0]), fmt).target  # (added, rev22 R22-1: «2/30» on a rank is place 2)
                reading = TargetReading(Target(text=vtext.clean(target_raw), op=t.op, value=t.value, high=t.high),
                                        _parse_target_cell(str(placed[0]), fmt).numbers)
            if isinstance(target_raw, str) and (stretch := _table._stretched(target_raw, fmt)) is not None:
                reading = stretch[0]  # (added, rev18 R18-5: «6,5-7, phấn đấu 7-7,5», its base plan judged)
                add_warning("stretch_target", r, "target", name, value=reading.target.text, base=stretch[1],
                            stretch=stretch[2])
            n = reading.number
            target = reading.target
            if n is not None and n.percent and not n.was_text and target.value is not None:
                target = _scaled_target(reading)
            readings["target"] = reading
            if n is not None:
                if n.exact is not None and target.op == "=":
                    exact["target"] = n.exact.scaleb(2) if n.percent else n.exact
                if n.was_text and target.is_numeric and "%" in target.text and unit and "%" not in unit \
                        and "phần trăm" not in unit.lower():
                    if _share_of_all(target.text, unit):  # «100%» under «Xã»: all the communes, never a rise of 100%/năm
                        target = Target(text=target.text, op="text")
                    else:
                        growth_target = True
                    if growth_target and plan_period[0]:
                        growth_period = plan_period
                        base = parse_number(row[base_col]) if base_col is not None and base_col < len(row) else None
                        if base is not None:
                            growth_base = base.value
        result, result_text, result_reading = None, "", None
        if has_result and (result_raw.__class__ is float or not _is_blank(result_raw)):
            if result_raw.__class__ is ErrorValue:
                result_text = str(result_raw)
            else:
                p = parse_number(result_raw, fmts.get((r, c_result)) if fmts else None)
                # (added, rev18 R18-5/rev19 N-8: the figure before the row's unit, «15/16 xã», «04/09» of «Thôn»)
                bare = _table._unit_stripped(result_raw, unit) if p is None and unit and isinstance(result_raw, str) \
                    else None
                if bare is None and p is None and _table._ranked(result_raw, name, unit) \
                        and (placed := _table.rank_of_total(result_raw)) is not None:
                    bare = str(placed[0])  # (added, rev22 R22-1: a rank out of its total, «2/30»: place 2)
                if bare is not None:
                    p = parse_number(bare, fmts.get((r, c_result)) if fmts else None)
                if p is not None and p.was_text and not growth_target:
                    p = _nearer_reading(p, result_raw, target)
                    if unit == "%" and not p.ambiguous:  # added after the copy: «0,92» for 92% (rev13 R14)
                        p = _table._share_as_fraction(p, result_raw, target)
                readings["result"] = p
                if p is None:
                    result_text = _str(result_raw)
                    rr = parse_result_text(result_raw) if isinstance(result_raw, str) else None
                    if rr is None and bare is not None and (rr := parse_result_text(bare)) is not None:
                        rr = replace(rr, text=vtext.clean(result_raw))  # «Hoàn thành 2 xã»: 2 (rev19 N-8)
                    if rr is not None and not growth_target:  # added after the copy: «Ước 11,650» nearer the plan
                        rr = _table._nearer_result(rr, target)
                    if rr is None and isinstance(result_raw, str):  # (added, rev22 R22-2: «Xuất siêu», words)
                        rr = _table._words_result(result_raw)
                    if rr is not None:
                        result_reading = rr
                        if rr.point is not None and not rr.change:
                            result = rr.point
                        add_warning("result_expression", r, "result", name, value=rr.text,
                                    reading=_describe_result(rr, target))  # (added, rev15 R15-6: the row's plan)
                else:
                    result = _scaled(p)
                    if p.exact is not None:
                        exact["result"] = p.exact.scaleb(2) if p.percent else p.exact
        previous, previous_reading = None, None
        if has_previous and (previous_raw.__class__ is float
                             or not _is_blank(previous_raw) and previous_raw.__class__ is not ErrorValue):
            p = parse_number(previous_raw, fmts.get((r, c_previous)) if fmts else None)
            bare = _table._unit_stripped(previous_raw, unit) if p is None and unit and isinstance(previous_raw, str) \
                else None  # (added: the previous year's figure before the row's unit, as the result's)
            if bare is None and p is None and _table._ranked(previous_raw, name, unit) \
                    and (placed := _table.rank_of_total(previous_raw)) is not None:
                bare = str(placed[0])  # (added, rev22 R22-1)
            if bare is not None:
                p = parse_number(bare, fmts.get((r, c_previous)) if fmts else None)
            # (added, rev18 R18-4: the previous year's cell read by the result's rule, as the result is above)
            if p is not None and p.was_text and not growth_target:
                p = _nearer_reading(p, previous_raw, target)
                if unit == "%" and not p.ambiguous:
                    p = _table._share_as_fraction(p, previous_raw, target)
            readings["previous"] = p
            if p is not None:
                previous = _scaled(p)
                if p.exact is not None:
                    exact["previous"] = p.exact.scaleb(2) if p.percent else p.exact
            else:  # (added, rev18 R18-4)
                rr = parse_result_text(previous_raw) if isinstance(previous_raw, str) else None
                if rr is None and bare is not None and (rr := parse_result_text(bare)) is not None:
                    rr = replace(rr, text=vtext.clean(previous_raw))
                if rr is not None and not growth_target:
                    rr = _table._nearer_result(rr, target)
                if rr is None and isinstance(previous_raw, str):  # (added, rev22 R22-2)
                    rr = _table._words_result(previous_raw)
                if rr is not None:
                    previous_reading = rr
                    if rr.point is not None and not rr.change:
                        previous = rr.point
                    add_warning("previous_expression", r, "previous", name, value=rr.text,
                                reading=_table._describe_previous(rr))
        if exact:  # added after the copy: a format hiding a digit that decides is printed with it (rev13 R3)
            from kh_excel.core.validation import COLUMN_NAMES
            target, result, previous = _table._deciding_figures(
                target, result, previous, exact, unit, readings,
                lambda role, **kw: add_warning("shown_rounded", r, role, name, column=COLUMN_NAMES[role], **kw))
        if has_direction:
            v = shown.get("direction")
            explicit = "" if v is None else _str(v)
        else:
            explicit = ""
        direction, reason = infer_direction(name, unit, target, explicit, fname if name else None)
        # Positionally, in the order of Indicator's fields (_INDICATOR_FIELDS checks it): a third of the keyword call.
        ind = Indicator(r + 1, kind, stt, name, unit, section.title, section.numeral, target, result, result_text,
                        previous, lead, cooperate, leader, note, direction, reason,
                        current.row if kind == "subrow" and current is not None else None, number, raw, readings,
                        fname if name else "", growth_target, exact, growth_base, growth_period, result_reading,
                        footnote, previous_reading)
        append(ind)
        if kind == "subrow" and _TOTAL_ROW.match(fname):
            totals.append(len(indicators) - 1)
        if name and fname.startswith("co cau"):
            structures.append(len(indicators) - 1)
        if kind == "indicator":
            current = ind
    # added after the copy: the direction review's sub-row rule (core.direction), its pairs found as it was then
    from kh_excel.core.direction import DEFAULT_REASON as _DEFAULT
    _by_row = {i.row: i for i in indicators if i.kind == "indicator"}
    _lend_directions([(i, _by_row[i.parent_row]) for i in indicators if i.kind == "subrow"
                      and i.parent_row in _by_row and _by_row[i.parent_row].direction_reason != _DEFAULT])
    if totals and _totals_as_indicators(indicators, totals):
        structures = [i for i, ind in enumerate(indicators) if ind.key.startswith("co cau")]
    _structures_about(indicators, structures)
    _structures_printed(table, indicators, structures)  # (added, branch num3: parts printed to sum as held)
    return table
