"""Excel error cells, number formats and formulas saved without a value, from an OOXML sheet's XML
as the input guard streams it (io.limits.check_zip): each sheet is decompressed once, for both.

calamine returns Excel errors as '' and gives no number formats; they come from the sheet XML (cells
with t="e", the s="…" style of each cell) and styles.xml (the number format of each style). A chunk
may end anywhere: cells are read whole, an unfinished one waits for the next chunk, so the result
does not depend on where the chunks end.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from kh_excel.io.limits import _is_worksheet

STYLES = "xl/styles.xml"
SHARED_STRINGS = "xl/sharedstrings.xml"  # the one part calamine reads shared strings from (any case)
# A shared string that is one plain run of text, as Excel writes a name typed into a cell: its text is the
# bytes between the tags (no entity, no markup), the string calamine gives for it.
_PLAIN_SHARED = re.compile(rb'<si><t(?: xml:space="preserve")?>([^<&]*)</t></si>')
_MAX_SHARED = 32 * 1024 * 1024  # bytes of shared strings kept to read ahead (100,000 distinct names take ~10 MB)
_MIN_SHARED = 256 * 1024        # and at least (some 2,500 names): a smaller table is read at once anyway

# A cell tag, with or without a namespace prefix (<c …> or <x:c …>): its attributes run to the first ">".
_CELL_OPEN = re.compile(rb'<((?:[A-Za-z_][\w.-]*:)?)c\s')
# The last cell start of a text (any prefix), found by backing off from its end.
_LAST_CELL = re.compile(rb'.*(<((?:[A-Za-z_][\w.-]*:)?)c[\s>/])', re.S)
_ATTR_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_ATTR_STYLE = re.compile(rb'\bs="(\d+)"')
_ATTR_ERROR = re.compile(rb'\bt="e"')
# Is there any t="e" in a chunk: found by its «e"» looking back (a literal first byte: the engine's
# tight loop, faster than `in` over megabytes) — any «"e"», since XML also allows t = "e" and t='e'
# (calamine reads both). A chunk with «'e'», or with a «"e"» not written t="e", is read the slower,
# general way, the cell's r written any way too; «'e'» is looked for only in a chunk that has a «'».
_ANY_QUOTED_E = re.compile(rb'e"(?<="e")')
_ODD_QUOTED_E = re.compile(rb'"e"(?<!t="e")')
_ANY_ERROR_ODD = re.compile(rb"""t\s*=\s*(?:"e"|'e')""")
_ATTR_ERROR_ODD = re.compile(rb"""\bt\s*=\s*(?:"e"|'e')""")
_ATTR_REF_ODD = re.compile(rb"""\br\s*=\s*(?:"([A-Z]+)(\d+)"|'([A-Z]+)(\d+)')""")
_VALUE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?v>([^<]*)<')
# A shared-string cell (t="s") holds an index into sharedStrings.xml; calamine reads any other value (-1, «abc»,
# « 1», 2**64, an empty one) as string 0 or as nothing, never as a failure. Excel writes t="s"><v>12</v>: one
# search, from the literal «s"», finds every t="s" not so written (another attribute order, a prefix, a value
# that is no plain index), each then looked at on its own; «'s'» is looked for only in a chunk that has a «'».
_ODD_STRING = re.compile(rb's"(?<="s")(?!><v>[0-9]{1,9}+</v>)')
_SINGLE_STRING = re.compile(rb"'s'")
_ATTR_TYPE = re.compile(rb"""\bt\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_VALUE_ELEMENT = re.compile(rb'<((?:[A-Za-z_][\w.-]*:)?)v\b[^>]*?(?:/>|>([^<]*)<)')
# A plain index (leading zeros allowed); ten digits and more lie beyond any sharedStrings part the guard lets
# through (MAX_UNCOMPRESSED bytes hold far fewer strings), and calamine reads past 2**64 as string 0.
_INDEX = re.compile(rb"0*\d{1,9}")
# An inline string (t="inlineStr", its text in <is>) mixed with another form of value (a <v>, a formula, or an
# <is> under another type) is read differently by each reader: calamine keeps the last of <is> and <v> (an
# empty <v/> after the text empties the cell; a <v>12</v> alone reads as nothing), LibreOffice reads nothing
# beside a <v>, openpyxl and Excel the <is> text. Such cells are looked for only in a chunk with «inlineStr»
# or an <is> element; a chunk whose inline cells are all written …t="inlineStr"><is>…</is></c> is done.
_IS_START = re.compile(rb'is[\s>/](?<=[<:]is[\s>/])')
_WHOLE_CELL = re.compile(rb'<((?:[A-Za-z_][\w.-]*:)?)c\b([^>]*?)(?:/>|>(.*?)</\1c>)', re.S)
_CHILD = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?(is|v|f)\b[^>]*?(?:/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?\1>)', re.S)
_TEXT_RUN = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?t\b[^>]*>([^<]+)<')
_MAX_DAMAGED = 10  # damaged cells kept per sheet: the first one is named, the count tells the rest
_FORMULA_START = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?f[\s>/]')
_FORMULA_HINT = re.compile(rb'f[\s>/]')  # how every formula start ends: a literal «f», searched fast
# A formula element, self-closed (a shared formula's follower) or with its text; group 1 is the prefix.
_FORMULA = re.compile(rb'<((?:[A-Za-z_][\w.-]*:)?)f\b[^>]*?(?:/>|>([^<]*)</\1f>)')
# A formula element with no value after it, or an empty one, up to the end of its cell.
_NO_VALUE = re.compile(rb'<((?:[A-Za-z_][\w.-]*:)?)f\b[^>]*?(?:/>|>([^<]*)</\1f>)\s*'
                       rb'(?:<\1v\s*/>\s*|<\1v>\s*</\1v>\s*)?</\1c>')
# With very many styles: no cell matches the first, every s="…" the second (each looked at on its own).
_ANY_STYLE = (re.compile(rb"(?!)()()()"), re.compile(rb's="\d+"'))
_MAX_CARRY = 4 * 1024 * 1024  # bytes of an unfinished cell kept for the next chunk (Excel's longest is far less)

# Column widths and visibility come before the cells (<cols><col min="6" max="6" hidden="1"/></cols>, ECMA-376
# 18.3.1.13): read until <sheetData> starts. min/max are 1-based; hidden is "1" or "true" (xsd:boolean).
_COL = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?col\s([^>]*)>')
_SHEET_DATA = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?sheetData[\s>/]')
_COL_HIDDEN = re.compile(rb"""\bhidden\s*=\s*["'](?:1|true)["']""")
_COL_MIN = re.compile(rb"""\bmin\s*=\s*["']0*(\d{1,5})["']""")
_COL_MAX = re.compile(rb"""\bmax\s*=\s*["']0*(\d{1,5})["']""")
_MAX_COLUMN = 16384  # XFD
# A row hidden (by hand, a filter or a collapsed outline) is written <row r="7" … hidden="1">, its cells inside
# (ECMA-376 18.3.1.73). Looked for only where a chunk holds «hidden» at all, found from its first «h».
_ROW_TAG = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row\s([^>]*)>')
_HIDDEN = re.compile(rb"hidden")
_ROW_NUMBER = re.compile(rb"""\br\s*=\s*["']0*(\d{1,7})["']""")
_MAX_ROW = 1_048_576

# Built-in number formats that show decimals or a percentage (ECMA-376, 18.8.30).
_BUILTIN_FORMATS = {1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00"}

Cells = dict[tuple[int, int], str]


@functools.lru_cache(maxsize=4096)
def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


def _cell(ref: re.Match) -> tuple[int, int]:
    return int(ref.group(2)) - 1, _col_index(ref.group(1))


def style_formats(styles: bytes) -> dict[int, str]:
    """cellXfs index -> number format code, for the styles that have a format other than General."""
    from xml.etree import ElementTree as ET
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    root = ET.fromstring(styles)
    custom = {int(f.get("numFmtId", "0")): f.get("formatCode", "") for f in root.iter(ns + "numFmt")}
    xfs = root.find(ns + "cellXfs")
    out: dict[int, str] = {}
    for i, xf in enumerate(xfs if xfs is not None else []):
        fid = int(xf.get("numFmtId", "0"))
        code = custom.get(fid) or _BUILTIN_FORMATS.get(fid)
        if code and code.lower() != "general":
            out[i] = code
    return out


class FormulaCells(dict):
    """Formula cells saved without a value, (r, c) -> formula text; `every` holds all formula cells
    (None when the streaming scan could not tell: the reader then asks `formula_cells`)."""

    every: set[tuple[int, int]] | None


def _no_value_cells(data: bytes) -> dict[tuple[int, int], str]:
    """Formula cells saved with no value: (r, c) -> formula text. A value element that is empty counts
    as none, except in a string cell (t="str"), where an empty value is the formula's real result ""."""
    from html import unescape
    out = {}
    for m in _NO_VALUE.finditer(data):
        prefix = m.group(1)
        start = data.rfind(b"<" + prefix + b"c ", 0, m.start())
        if start < 0:
            continue
        attrs = data[start:data.find(b">", start)]
        ref = _ATTR_REF.search(attrs)
        if not ref or (b't="str"' in attrs and b"<" + prefix + b"v" in m.group(0)):
            continue
        out[_cell(ref)] = unescape((m.group(2) or b"").decode("utf-8", "replace"))
    return out


def formula_positions(data: bytes) -> set[tuple[int, int]]:
    """Every formula cell (r, c) of a sheet's XML."""
    out: set[tuple[int, int]] = set()
    for m in _FORMULA.finditer(data):
        start = data.rfind(b"<" + m.group(1) + b"c ", 0, m.start())
        ref = _ATTR_REF.search(data, start, data.find(b">", start)) if start >= 0 else None
        if ref:
            out.add(_cell(ref))
    return out


_SHARED_INDEX = re.compile(rb'\bsi="(\d+)"')


def formula_texts(data: bytes) -> dict[tuple[int, int], str]:
    """Every formula of a sheet's XML with its text: (r, c) -> text. A shared formula's follower (no text of its
    own) takes its master's text when it is in the master's column (filled down, its columns are the master's);
    filled across, its columns differ and it is left out."""
    from html import unescape
    out: dict[tuple[int, int], str] = {}
    masters: dict[bytes, tuple[int, str]] = {}
    for m in _FORMULA.finditer(data):
        start = data.rfind(b"<" + m.group(1) + b"c ", 0, m.start())
        ref = _ATTR_REF.search(data, start, data.find(b">", start)) if start >= 0 else None
        if not ref:
            continue
        cell = _cell(ref)
        opening = m.group(0)[:m.group(0).find(b">") + 1]
        si = _SHARED_INDEX.search(opening)
        if m.group(2):
            text = unescape(m.group(2).decode("utf-8", "replace"))
            out[cell] = text
            if si:
                masters[si.group(1)] = (cell[1], text)
        elif si and si.group(1) in masters and masters[si.group(1)][0] == cell[1]:
            out[cell] = masters[si.group(1)][1]
    return out


def uncached_formulas(data: bytes) -> FormulaCells:
    """Formula cells saved with no value (a script or manual calculation): (r, c) -> formula text.
    When there are any, `every` lists all formula cells of the sheet (an Excel-saved sheet pays only
    for one search)."""
    out = FormulaCells(_no_value_cells(data))
    out.every = formula_positions(data) if out else set()
    return out


def _has_formula(data: bytes, end: int | None = None) -> bool:
    """_FORMULA_START.search(data[:end]), by way of the rare letter every formula tag ends with: found
    first by memchr (a sheet without formulas has no «f» past its first lines), then by the pattern."""
    end = len(data) if end is None else end
    first = data.find(b"f", 0, end)
    if first < 0:
        return False
    for m in _FORMULA_HINT.finditer(data, first, end):
        lt = data.rfind(b"<", 0, m.start())
        if lt >= 0 and _FORMULA_START.fullmatch(data, lt, m.end()):
            return True
    return False


class SheetCells:
    """Error cells, number formats (of the styles in `wanted`) and formulas saved without a value of
    one worksheet, fed its XML in chunks of any size (`feed`, then `finish`)."""

    def __init__(self, wanted: dict[int, str], strings: bool = True):
        self.wanted = wanted
        # Whether the workbook has shared strings: without them calamine fails on any index (loudly), so a
        # shared-string cell needs no look here (and a sheet of inline strings pays nothing for it).
        self.strings = strings
        self.errors: Cells = {}
        self.formats: Cells = {}
        self.uncached = FormulaCells()
        self.every: set[tuple[int, int]] = set()
        self.every_complete = True   # False: formulas before the first uncached one were not collected
        self.formulas_seen = False
        self.damaged: list[tuple[str | None, str]] = []  # shared-string cells whose value is no index: (cell, value)
        self.damaged_count = 0
        self.mixed: list[tuple[str | None, str]] = []  # inline strings mixed with another value: (cell, value)
        self.mixed_count = 0
        self.hidden: list[tuple[int, int]] = []  # hidden columns, 0-based inclusive (first, last), as written
        self.hidden_rows: list[list[int]] = []   # hidden rows, 0-based inclusive [first, last], runs joined
        self.cols_done = False       # <sheetData> seen: no <col> follows
        self.failed = False          # set by the guard's wrapper when the XML could not be read here
        self.finished = False
        self.carry = b""
        self.style_hint = (_style_hint(tuple(sorted(wanted))) or _ANY_STYLE) if wanted else None

    def feed(self, chunk: bytes) -> None:
        data = self.carry + chunk if self.carry else chunk
        end = data.rfind(b">") + 1           # whole tags only
        cut = end
        last = _LAST_CELL.match(data, 0, end)
        if last:
            start, prefix = last.start(1), last.group(2)
            gt = data.find(b">", start)
            whole = data[gt - 1] == 47 or data.find(b"</" + prefix + b"c>", gt) >= 0  # 47: «/» of «/>»
            if not whole:
                cut = start                  # an unfinished cell: read with the next chunk
        if len(data) - cut > _MAX_CARRY:     # no cell is this long: do not let the carry grow
            cut = len(data)
        self.carry = data[cut:]
        self._scan(data, cut)

    def finish(self) -> None:
        carry, self.carry = self.carry, b""
        if carry:
            self._scan(carry)
        if self.uncached:
            self.uncached.every = self.every if self.every_complete else None
        self.finished = True

    def result(self) -> tuple[Cells, Cells, FormulaCells]:
        """(error cells, number formats, formulas saved without a value): copies the caller may change."""
        uncached = FormulaCells(self.uncached)
        uncached.every = getattr(self.uncached, "every", set())
        return dict(self.errors), dict(self.formats), uncached

    def _scan(self, data: bytes, end: int | None = None) -> None:
        """What data[:end] holds; the part is copied out only when it holds something to read."""
        stop = len(data) if end is None else end
        if not self.cols_done:
            self._cols(data, stop)
        h = data.find(b"h", 0, stop)  # memchr: most chunks of a sheet hold no «h» at all (a «hidden» search costs 20×)
        if h >= 0 and (hidden := _HIDDEN.search(data, h, stop)) is not None:
            self._rows(data, hidden.start(), stop)
        quoted_e = _ANY_QUOTED_E.search(data, 0, stop) is not None      # t="e", or "e" written otherwise
        quote = data.find(b"'", 0, stop) >= 0
        single_e = quote and data.find(b"'e'", 0, stop) >= 0
        odd_s = self.strings and (_ODD_STRING.search(data, 0, stop) is not None
                                  or (quote and data.find(b"'s'", 0, stop) >= 0))
        inline = data.find(b"inlineStr", 0, stop) >= 0 or _IS_START.search(data, 0, stop) is not None
        if end is not None and end < len(data):
            if (self.style_hint is None and not quoted_e and not single_e and not odd_s and not inline
                    and not _has_formula(data, end)):
                return
            data = data[:end]
        if odd_s:
            self._strings(data, quote)
        if inline:
            self._inline(data)
        if self.style_hint is not None:
            self._formats(data)
        if single_e or (quoted_e and _ODD_QUOTED_E.search(data)):
            self._errors(data, odd=True)
        elif quoted_e:
            self._errors(data)
        if _has_formula(data):
            self._formulas(data)

    def _cols(self, data: bytes, stop: int) -> None:
        """Hidden columns of the <col> elements before <sheetData> (a column hidden is read last, core.table)."""
        start = _SHEET_DATA.search(data, 0, stop)
        limit = start.start() if start else stop
        for m in _COL.finditer(data, 0, limit):
            attrs = m.group(1)
            first, last = _COL_MIN.search(attrs), _COL_MAX.search(attrs)
            if _COL_HIDDEN.search(attrs) and first and last:
                a, b = int(first.group(1)), min(int(last.group(1)), _MAX_COLUMN)
                if 1 <= a <= b:
                    self.hidden.append((a - 1, b - 1))
        self.cols_done = start is not None

    def _rows(self, data: bytes, pos: int, stop: int) -> None:
        """Hidden rows among the row tags of data[:stop], from `pos`, the first «hidden» in it (a row tag is
        always whole here: feed passes whole tags only). A row tag without r="…" is not counted (Excel writes it)."""
        runs = self.hidden_rows
        while pos >= 0:
            lt = data.rfind(b"<", 0, pos)
            m = _ROW_TAG.match(data, lt) if lt >= 0 else None
            if m is None or m.end() <= pos or m.end() > stop:
                pos = data.find(b"hidden", pos + 6, stop)
                continue
            attrs = m.group(1)
            number = _ROW_NUMBER.search(attrs)
            if number and _COL_HIDDEN.search(attrs) and 1 <= (r := int(number.group(1))) <= _MAX_ROW:
                if runs and runs[-1][1] == r - 2:
                    runs[-1][1] = r - 1
                else:
                    runs.append([r - 1, r - 1])
            pos = data.find(b"hidden", m.end(), stop)

    def hidden_row_ranges(self) -> tuple[tuple[int, int], ...]:
        """The hidden rows (0-based, inclusive ranges in sheet order): a filter hiding 300 000 rows is one range."""
        return tuple((a, b) for a, b in self.hidden_rows)

    def hidden_columns(self, width: int) -> frozenset[int]:
        """The hidden columns among the first `width` (0-based)."""
        return frozenset(c for a, b in self.hidden for c in range(a, min(b, width - 1) + 1))

    def _tag(self, data: bytes, lt: int) -> tuple[bytes, bytes, int] | None:
        """(prefix, attributes, position of its «>») of the cell tag at `lt`, if it is one."""
        o = _CELL_OPEN.match(data, lt)
        if not o:
            return None
        gt = data.find(b">", o.end())
        return (o.group(1), data[o.end():gt], gt) if gt >= 0 else None

    def _formats(self, data: bytes) -> None:
        """Cells whose style has a number format: found by their s="…" among the wanted styles.

        Excel writes a cell's r="…" first and its s="…" next: one findall reads those cells. When
        it finds every s="…" of a wanted style in the chunk, that is all; otherwise (another order,
        a prefix, such text in a cell) each one is looked at on its own."""
        plain, hint = self.style_hint
        found = plain.findall(data)
        if len(found) == len(hint.findall(data)):
            codes = {b"%d" % i: code for i, code in self.wanted.items()}
            columns: dict[bytes, int] = {}
            for letters, row, style in found:
                c = columns.get(letters)
                if c is None:
                    c = columns[letters] = _col_index(letters)
                self.formats[(int(row) - 1, c)] = codes[style]
            return
        seen = -1
        for m in hint.finditer(data):
            lt = data.rfind(b"<", 0, m.start())
            if lt == seen:
                continue
            seen = lt
            tag = self._tag(data, lt)
            if tag is None:
                continue
            st = _ATTR_STYLE.search(tag[1])   # the first s="…" of the tag decides, as a reader would
            code = self.wanted.get(int(st.group(1))) if st else None
            ref = _ATTR_REF.search(tag[1]) if code else None
            if ref:
                self.formats[_cell(ref)] = code

    def _errors(self, data: bytes, odd: bool = False) -> None:
        """Cells with t="e": their <v> holds the error's text (#DIV/0! …). `odd`: t may also be written
        t='e' or t = "e" (a slower search); r may be written either way always."""
        seen = -1
        found = _ANY_ERROR_ODD.finditer(data) if odd else None
        pos = _next_error(data, 0, found)
        is_error = _ATTR_ERROR_ODD if odd else _ATTR_ERROR
        while pos >= 0:
            lt = data.rfind(b"<", 0, pos)
            if lt != seen:
                seen = lt
                tag = self._tag(data, lt)
                if tag is not None and is_error.search(tag[1]) and not tag[1].endswith(b"/"):
                    prefix, attrs, gt = tag
                    close = data.find(b"</" + prefix + b"c>", gt)
                    ref = _ATTR_REF.search(attrs) or _odd_ref(attrs)   # r="A1", else r='A1' or r = "A1"
                    value = _VALUE.search(data, gt + 1, close + 1 if close >= 0 else len(data))
                    if ref and value:
                        self.errors[_cell(ref)] = value.group(1).decode("utf-8")
            pos = _next_error(data, pos + 5, found)

    def _strings(self, data: bytes, quote: bool) -> None:
        """Shared-string cells (t="s", however written) whose value is not a plain index: kept in `damaged`,
        for the reader to refuse the sheet naming the cell, as calamine would read them as a wrong text."""
        hits = [m.start() for m in _ODD_STRING.finditer(data)]
        if quote:
            hits = sorted(hits + [m.start() for m in _SINGLE_STRING.finditer(data)])
        seen = -1
        for pos in hits:
            lt = data.rfind(b"<", 0, pos)
            if lt == seen:
                continue
            seen = lt
            tag = self._tag(data, lt)
            if tag is None or tag[1].endswith(b"/"):
                continue
            prefix, attrs, gt = tag
            kind = _ATTR_TYPE.search(attrs)           # the first t="…" decides, as calamine reads it
            if kind is None or (kind.group(1) if kind.group(1) is not None else kind.group(2)) != b"s":
                continue
            close = data.find(b"</" + prefix + b"c>", gt)
            value = _VALUE_ELEMENT.search(data, gt + 1, close if close >= 0 else len(data))
            if value is None or value.group(1) != prefix:
                continue                              # no value: an empty cell, as calamine reads it
            text = value.group(2) or b""
            if _INDEX.fullmatch(text):
                continue
            self.damaged_count += 1
            if len(self.damaged) < _MAX_DAMAGED:
                ref = _ATTR_REF.search(attrs) or _odd_ref(attrs)
                where = (ref.group(1) + ref.group(2)).decode("ascii") if ref else None
                self.damaged.append((where, text.decode("utf-8", "replace")))

    def _inline(self, data: bytes) -> None:
        """Inline-string cells mixed with another form of value (see _IS_START): kept in `mixed`, for the
        reader to refuse the sheet naming the cell, as what the cell holds depends on who reads it."""
        if (data.count(b"inlineStr") == data.count(b'"inlineStr"><is>') == data.count(b"<is")
                == data.count(b"</is>") == data.count(b"</is></c>") and data.find(b":is") < 0):
            return  # every inline cell opens its tag straight into <is> and ends with </is></c>, nothing else
        for cell in _WHOLE_CELL.finditer(data):
            body = cell.group(3)
            if not body or (b"inlineStr" not in cell.group(2) and _IS_START.search(body) is None):
                continue
            kind = _ATTR_TYPE.search(cell.group(2))   # the first t="…" decides, as calamine reads it
            inline = kind is not None and (kind.group(1) if kind.group(1) is not None else kind.group(2)) == b"inlineStr"
            texts, value, other = b"", None, False
            for child in _CHILD.finditer(body):
                name, content = child.group(1), child.group(2) or b""
                if name == b"is":
                    texts += b"".join(_TEXT_RUN.findall(content))
                elif name == b"v":
                    value = content
                else:
                    other = True              # a formula in an inline-string cell
            mixed = (other or (value is not None and (value.strip() or texts))) if inline else bool(texts)
            if not mixed:
                continue
            self.mixed_count += 1
            if len(self.mixed) < _MAX_DAMAGED:
                ref = _ATTR_REF.search(cell.group(2)) or _odd_ref(cell.group(2))
                where = (ref.group(1) + ref.group(2)).decode("ascii") if ref else None
                shown = (value or b"").strip() or texts  # the figure in <v>, else the text beside it
                self.mixed.append((where, shown.decode("utf-8", "replace")))

    def _formulas(self, data: bytes) -> None:
        found = _no_value_cells(data)
        if found and not self.uncached:
            self.every_complete = not self.formulas_seen
        self.formulas_seen = True
        if found:
            self.uncached.update(found)
        if self.uncached:
            self.every |= formula_positions(data)


def _next_error(data: bytes, start: int, found) -> int:
    """Where the next t="e" starts (or, with `found`, the next match of _ANY_ERROR_ODD); -1 at the end."""
    if found is None:
        return data.find(b't="e"', start)
    for m in found:
        if m.start() >= start:
            return m.start()
    return -1


class _OddRef:
    """A match of _ATTR_REF_ODD read as one of _ATTR_REF: group(1) the letters, group(2) the row."""

    def __init__(self, m: re.Match):
        self.m = m

    def group(self, i: int) -> bytes:
        return self.m.group(i) if self.m.group(1) is not None else self.m.group(i + 2)


def _odd_ref(attrs: bytes) -> _OddRef | None:
    m = _ATTR_REF_ODD.search(attrs)
    return _OddRef(m) if m else None


@functools.lru_cache(maxsize=32)
def _style_hint(indices: tuple[int, ...]) -> tuple[re.Pattern, re.Pattern] | None:
    """(a cell written <c r="A1" s="3" … of one of these styles: its letters, row and style; s="…" of
    one of them anywhere). Leading zeros are allowed; past 256 styles, None: the styles are few."""
    if len(indices) > 256:
        return None
    styles = rb's="0*(' + b"|".join(b"%d" % i for i in indices) + rb')"'
    return re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})" ' + styles), re.compile(styles)


class _Quiet:
    """A sheet scan run by the guard: XML it cannot read marks it failed (the reader then reads that
    sheet on its own and reports), it never refuses the file."""

    def __init__(self, target: SheetCells):
        self.target = target

    def feed(self, chunk: bytes) -> None:
        if not self.target.failed:
            try:
                self.target.feed(chunk)
            except Exception:  # noqa: BLE001 - e.g. an error text that is not UTF-8
                self.target.failed = True

    def finish(self) -> None:
        if not self.target.failed:
            try:
                self.target.finish()
            except Exception:  # noqa: BLE001
                self.target.failed = True


class _Styles:
    """styles.xml, gathered as the guard checks it, parsed into the wanted formats at its end."""

    def __init__(self, book: "WorkbookCells"):
        self.book, self.chunks = book, []

    def feed(self, chunk: bytes) -> None:
        self.chunks.append(chunk)

    def finish(self) -> None:
        try:
            self.book.wanted = style_formats(b"".join(self.chunks))
        except Exception:  # noqa: BLE001 - a damaged styles part costs the shown precision, not the reading
            self.book.wanted = {}
        self.chunks = []


class _SharedStrings:
    """sharedStrings.xml, kept as the guard checks it, for the texts read ahead of the sheets (from
    _MIN_SHARED to _MAX_SHARED bytes: otherwise nothing is read ahead)."""

    def __init__(self, book: "WorkbookCells"):
        self.book, self.chunks, self.size = book, [], 0

    def feed(self, chunk: bytes) -> None:
        if self.chunks is not None:
            self.size += len(chunk)
            if self.size <= _MAX_SHARED:
                self.chunks.append(chunk)
            else:
                self.chunks = None  # too many to read ahead

    def finish(self) -> None:
        worth = self.chunks and self.size >= _MIN_SHARED
        self.book.shared, self.chunks = (b"".join(self.chunks) if worth else None), []


def _plain_texts(data: bytes) -> Iterator[str]:
    for m in _PLAIN_SHARED.finditer(data):
        try:
            yield m.group(1).decode("utf-8")
        except UnicodeDecodeError:  # calamine will say what is wrong with the part
            continue


class WorkbookCells:
    """What the reader needs from every worksheet of an OOXML workbook, gathered while the input
    guard streams it: pass `watch` and `first` to guard_spreadsheet, then ask `sheet(part)`."""

    # Read before any sheet: the formats of the styles, and whether there are shared strings at all.
    first = (STYLES, SHARED_STRINGS)

    def __init__(self, want_formats: bool = True):
        self.want_formats = want_formats
        self.wanted: dict[int, str] = {}
        self.sheets: dict[str, SheetCells] = {}
        self.shared: bytes | None = None  # the shared strings part, until `plain_texts` takes it
        self.strings = False

    def watch(self, name: str):
        if name.lower() == SHARED_STRINGS:
            self.strings = True
            return _SharedStrings(self)
        if name == STYLES and self.want_formats:
            return _Styles(self)
        if _is_worksheet(name):
            self.sheets[name] = SheetCells(self.wanted, self.strings)
            return _Quiet(self.sheets[name])
        return None

    def plain_texts(self) -> Iterator[str] | None:
        """The shared strings written as one plain run of text (the common ones; the others are left to
        calamine), each decoded as it is asked for; None when there are none to read. Once: the part is
        let go when they have been read."""
        data, self.shared = self.shared, None
        return _plain_texts(data) if data else None

    def sheet(self, part: str) -> SheetCells | None:
        """The scan of a worksheet part, or None when the guard did not read it whole."""
        cells = self.sheets.get(part)
        return cells if cells is not None and cells.finished and not cells.failed else None
