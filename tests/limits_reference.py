"""io/limits.py as it was before the second speed round of issue 14 (commit cdb4d9a), kept verbatim below
this header as the reference that tests/test_guard_equivalence.py compares the guard with.
Do not edit: it defines "identical results"."""
# flake8: noqa
# fmt: off
from __future__ import annotations

import functools
import os
import re
import stat
import zipfile
from pathlib import Path
from typing import Callable, Protocol

from kh_excel.errors import UserError

# ----------------------------------------------------------------- bounds
MAX_FILE = 256 * 1024 * 1024          # bytes of any input file
MAX_MEMBERS = 10_000                  # entries of a zip container
MAX_UNCOMPRESSED = 100 * 1024 * 1024  # bytes of all members, decompressed (100,000 rows take ~40 MB)
MAX_RATIO = 200                       # decompressed / compressed, for a member above 1 MB
MAX_ROWS = 1_048_576                  # Excel's own limits
MAX_COLS = 16_384                     # column XFD
MAX_AREA = 8_000_000                  # rows × columns of one sheet (calamine allocates the whole area)
MAX_CELLS = 2_000_000                 # cells written in one sheet (100,000 rows of 12 columns: 1.2 million)
MAX_COUNT = MAX_CELLS                 # a count="…"/uniqueCount="…" a reader may preallocate from (sharedStrings)
MAX_SPACE_RUN = 32_767                # text:c of one <text:s> (an .ods run of spaces): Excel's characters in a cell
MAX_EXPANDED = 64 * 1024 * 1024       # characters an .ods expands into (text:c and text of repeated cells)
MAX_TOML = 1024 * 1024                # bytes of a settings file
MAX_TOML_DEPTH = 64                   # nesting of arrays and tables in it

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1024 * 1024
_SCAN_CHUNK = 4 * 1024 * 1024


class InputRefused(UserError):
    """An input refused before reading; `str()` is the Vietnamese message naming the file."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"Không đọc được tệp «{self.path}»: {reason}")


def _n(value: int) -> str:
    """12345678 -> '12.345.678' (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


def _command() -> str:
    """The command being run (`check`, `lint` …), for messages about a file given to the wrong one.
    Typer 0.2x carries its own copy of Click (typer._click); older ones use Click itself."""
    for module in ("typer._click.globals", "click.globals"):
        try:
            import importlib
            ctx = importlib.import_module(module).get_current_context(silent=True)
        except Exception:
            continue
        if ctx is not None and ctx.info_name:
            return ctx.info_name
    return ""


# ----------------------------------------------------------------- the file itself
def check_file(path: str | os.PathLike, max_size: int = MAX_FILE) -> int:
    """A regular, readable file of at most `max_size` bytes; returns its size."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputRefused(p, "không tìm thấy tệp.") from None
    except OSError as exc:
        from kh_excel.io.atomic import os_reason
        raise InputRefused(p, f"không mở được tệp ({os_reason(exc)}).") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputRefused(p, "đây là một thư mục, không phải một tệp.")
    if not stat.S_ISREG(st.st_mode):
        raise InputRefused(p, "đây không phải là một tệp thông thường (thiết bị, ống dẫn…).")
    if st.st_size > max_size:
        raise InputRefused(p, f"tệp quá lớn ({st.st_size // (1024 * 1024)} MB; tối đa {max_size // (1024 * 1024)} MB).")
    if not os.access(p, os.R_OK):
        raise InputRefused(p, "không có quyền đọc tệp.")
    from kh_excel.io.atomic import protect
    protect(p)  # an input of the running command: no output may replace it
    return st.st_size


def sniff(path: str | os.PathLike) -> str:
    """What a file is, by its content: 'xlsx', 'docx', 'ods', 'odt', 'xls' (or other CFB: 'cfb'),
    'pdf', 'zip', 'empty' or 'other'."""
    p = Path(path)
    with p.open("rb") as fh:
        head = fh.read(8)
    if not head:
        return "empty"
    if head.startswith(_CFB_MAGIC):
        return "cfb"
    if head.startswith(b"%PDF"):
        return "pdf"
    if not head.startswith(b"PK"):
        return "other"
    try:
        with zipfile.ZipFile(p) as zf:
            names = zf.namelist()
            if "mimetype" in names:
                mime = zf.read("mimetype")[:100]
                if b"spreadsheet" in mime:
                    return "ods"
                if b"text" in mime:
                    return "odt"
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError):
        return "zip"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("word/") for n in names):
        return "docx"
    return "zip"


_KIND_NAMES = {
    "docx": "văn bản Word", "odt": "văn bản LibreOffice Writer", "pdf": "tệp PDF",
    "xlsx": "bảng tính Excel", "ods": "bảng tính LibreOffice", "cfb": "tệp Office dạng cũ (.xls/.doc)",
}


def _wrong_kind(p: Path, kind: str, wanted: str) -> InputRefused:
    what = _KIND_NAMES.get(kind)
    cmd = _command()
    does = f"lệnh {cmd} đọc" if cmd else "cần"
    wanted_text = "tệp bảng tính (.xlsx, .xlsm, .xls, .ods)" if wanted == "spreadsheet" else "tệp .docx hợp lệ (văn bản Word)"
    if what:
        return InputRefused(p, f"{p.name} là {what}; {does} {wanted_text}.")
    if kind == "empty":
        return InputRefused(p, "tệp rỗng (0 byte).")
    if kind == "zip":
        return InputRefused(p, f"tệp nén bị hỏng hoặc không phải là {wanted_text}.")
    return InputRefused(p, f"đây không phải là {wanted_text}.")


# ----------------------------------------------------------------- zip containers
# r="…" after a space (what every writer does) is searched by its literal prefix, which is fast;
# a file that separates attributes with a tab or a line break gets the slower, general pattern.
_REF_LETTERS = re.compile(rb' r="\$?([A-Za-z]{1,8})\$?\d')
_REF_LETTERS_ANY = re.compile(rb'\sr="\$?([A-Za-z]{1,8})\$?\d')
_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet\b")
_ATTR_R = re.compile(rb'(?:^|\s)r="\$?([A-Za-z]{0,8})\$?(\d{1,15})"')
_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*\bref\s*=\s*["\']([^"\']*)')
# XML lets an attribute be written r = "A1" or r='A1' (calamine reads both): such a chunk is rewritten
# name="value" before it is measured, so that no reference escapes the patterns below.
_SPACED = re.compile(rb"=(?:(?<=\s=)|\s)")
_SINGLE_QUOTED = re.compile(rb"""\s*=\s*'([^'"]*)'""")
_SPACE_BEFORE = re.compile(rb"\s+=")
_SPACE_AFTER = re.compile(rb'=\s+"')


def _plain_attributes(body: bytes) -> bytes:
    """body with every attribute written name="value" (text may change too: it is only measured)."""
    body = _SINGLE_QUOTED.sub(rb'="\1"', body)
    return _SPACE_AFTER.sub(b'="', _SPACE_BEFORE.sub(b"=", body))
_REF = re.compile(r"^\$?([A-Za-z]{1,8})\$?(\d{1,15})$")


def _col_number(letters: str | bytes) -> int:
    n = 0
    for ch in (letters.decode() if isinstance(letters, bytes) else letters).upper():
        n = n * 26 + ord(ch) - 64
    return n


def _cell_name(col: int, row: int) -> str:
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


def _beyond_letters(max_col: int) -> bytes | None:
    """A pattern for the column letters of every reference right of column `max_col` (1–702:
    one or two letters, in either case); None past ZZ, where every reference is read."""
    def after(n: int) -> bytes:  # one letter past the n-th (1–25), either case
        return b"[%c-Z%c-z]" % (65 + n, 97 + n)
    if 1 <= max_col <= 26:
        return b"[A-Za-z]{2,8}" + (b"|" + after(max_col) if max_col < 26 else b"")
    if 27 <= max_col <= 702:
        first, second = divmod(max_col - 1, 26)   # first 1–26, second 0–25 (letters A–Z of the pair)
        alternatives = [b"[A-Za-z]{3,8}"]
        if first < 26:
            alternatives.append(after(first) + b"[A-Za-z]")
        if second < 25:
            alternatives.append(b"[%c%c]" % (64 + first, 96 + first) + after(second + 1))
        return b"|".join(alternatives)
    return None


def _beyond(max_col: int, odd: bool) -> re.Pattern | None:
    """A pattern whose matches are the column letters of every cell reference right of column
    `max_col` (1–702: one or two letters); None past ZZ, where every reference is read."""
    letters = _beyond_letters(max_col)
    return None if letters is None else _beyond_pattern(letters, odd)


@functools.lru_cache(maxsize=64)
def _beyond_pattern(letters: bytes, odd: bool) -> re.Pattern:
    space = rb"\s" if odd else b" "
    return re.compile(space + rb'r="\$?(' + letters + rb')\$?\d')


def _within_letters(max_col: int) -> bytes | None:
    """A pattern for the column letters of references up to column `max_col` (1–702), either case."""
    def upto(n: int) -> bytes:  # the first n letters (1–26), either case
        return b"[A-%ca-%c]" % (64 + n, 96 + n)
    if 1 <= max_col <= 26:
        return upto(max_col)
    if 27 <= max_col <= 702:
        first, second = divmod(max_col - 1, 26)
        alternatives = [b"[A-Za-z]"]
        if first > 1:
            alternatives.append(upto(first - 1) + b"[A-Za-z]")
        alternatives.append(b"[%c%c]" % (64 + first, 96 + first) + upto(second + 1))
        return b"(?:" + b"|".join(alternatives) + b")"
    return None


@functools.lru_cache(maxsize=256)
def _unusual(max_col: int, digits: int) -> re.Pattern | None:
    """An r attribute that is not a plain row (r="12") nor a cell within column `max_col` and a row of
    at most `digits` digits, or not written r="…": one pass over a chunk rules out, for an honest
    sheet, a cell right of the farthest column, one below the farthest row seen and an attribute
    the patterns of `_SheetScan.feed` would not see."""
    letters = _within_letters(max_col)
    if letters is None:
        return None
    return re.compile(rb' r(?!="(?:\d|\$?' + letters + rb'\$?\d{1,%d}"))(?=\s*=)' % digits)


class _FarReference(InputRefused):
    """A sheet whose references reach past MAX_AREA: scanned again, counting only cells with content."""


class _SheetScan:
    """Streaming bounds of one worksheet part: every row and cell reference (r="…", in any
    attribute order) within Excel's limits, the area from A1 to the farthest of them (what
    calamine allocates) and the number of cells within MAX_AREA. Regular expressions over
    whole chunks: a 40 MB sheet is scanned in a fraction of a second."""

    def __init__(self, path: Path, member: str, precise: bool = False):
        self.path, self.member = path, member
        self.precise = precise           # the area from cells that hold something (what calamine allocates)
        self.value_row = self.value_col = 0
        self.at_row = self.at_col = 0    # where a cell without r="…" lies
        self.max_row = self.max_col = 0
        self.rows = self.cells = 0       # tags counted: rows and cells written without r="…" still count
        self.tail = b""
        self.first = True
        self._tags(b"")

    def _tags(self, prefix: bytes) -> None:
        p = re.escape(prefix)
        self.cell_tag = b"<" + prefix + b"c"
        # every «<row» (counted, as bytes.count would) with its r="…" when it is a <row> tag that has one
        self.rows_and_refs = re.compile(b"<" + p + rb'row(?:\b[^>]*?\sr="(\d{1,15})")?')
        self.any_tag = re.compile(b"<" + p + rb"(row|c)\b([^>]*)>")

    def _valued(self, body: bytes, last: bool) -> None:
        """The farthest cell that holds something. calamine (skip_empty_area=False) allocates from A1
        to the last cell with a value: a row without cells (a height, a style) and an empty cell
        (<c s="1"/>, <c …></c>) cost nothing. A cell with any child (<v>, <is>, <f>) counts."""
        for m in self.any_tag.finditer(body):
            attrs = m.group(2)
            ref = _ATTR_R.search(attrs)
            if m.group(1) == b"row":
                self.at_row = int(ref.group(2)) if ref and not ref.group(1) else self.at_row + 1
                self.at_col = 0
                continue
            if ref and ref.group(1):
                self.at_row, self.at_col = int(ref.group(2)), _col_number(ref.group(1))
            else:
                self.at_col += 1
            if attrs.endswith(b"/"):
                continue
            after = body[m.end():m.end() + 256].lstrip()
            if after.startswith(b"</") or (not after and not last and m.end() < len(body)):
                continue
            self.value_row, self.value_col = max(self.value_row, self.at_row), max(self.value_col, self.at_col)

    def feed(self, chunk: bytes, last: bool = False) -> None:
        data = self.tail + chunk if self.tail else chunk
        cut = len(data) if last else data.rfind(b">") + 1   # whole tags; keep an unfinished one for later
        body, self.tail = (data, b"") if cut == len(data) else (data[:cut], data[cut:])
        if len(self.tail) > 65536:            # a tag longer than this is no row or cell: do not let it grow
            self.tail = self.tail[-65536:]
        if self.first:
            self.first = False
            root = _ROOT.search(body)
            if root and root.group(1):
                self._tags(root.group(1))
            m = _DIMENSION.search(body) if b"dimension" in body else None  # a literal first: the pattern is slow
            if m:
                self._dimension(m.group(1).decode("ascii", "replace"))
        # r after a tab or a line break: one byte looked for first (memchr), the pair only if present
        odd = any(ws in body and ws + b"r" in body for ws in (b"\t", b"\n", b"\r"))
        if self.max_col == 0:  # the columns of the first cells: what most of the sheet stays within
            self._widen((_REF_LETTERS_ANY if odd else _REF_LETTERS).findall(body, 0, 65536))
        rows, max_row = self._rows(body)
        # Cells right of the farthest column seen are collected, and a cell whose row has more digits
        # than the largest row seen lies beyond it: only then is every cell's row read (an honest file
        # never gets there). One search tells an honest chunk, which has neither.
        digits = len(str(max_row))
        quick = None if odd else _unusual(self.max_col, digits)
        if quick is None or quick.search(body):
            if b"'" in body or _SPACED.search(body):
                body = _plain_attributes(body)
                rows, max_row = self._rows(body)
                digits = len(str(max_row))
            refs = _REF_LETTERS_ANY if odd else _REF_LETTERS
            beyond = _beyond(self.max_col, odd)  # only cells right of the farthest column seen are collected
            self._widen((beyond or refs).findall(body))
            space = rb"\s" if odd else b" "
            if re.search(space + rb'r="\$?[A-Za-z]{1,8}\$?\d{%d}' % (digits + 1), body):
                cell_rows = re.findall(space + rb'r="\$?[A-Za-z]{1,8}\$?(\d+)', body)  # 16 digits and more: beyond
                max_row = max(max_row, max(map(int, cell_rows), default=0))
        # tags counted as bytes.count would (an over-count, e.g. of <col>, only makes the bound stricter)
        self.rows, self.max_row = rows, max_row
        self.cells += body.count(self.cell_tag)
        if self.max_row > MAX_ROWS:
            raise InputRefused(self.path, f"trang bảng tính ({self.member}) có dòng {_n(self.max_row)}, vượt quá giới "
                                          f"hạn {_n(MAX_ROWS)} dòng của Excel: tệp hỏng hoặc độc hại, đã từ chối đọc.")
        if self.max_col > MAX_COLS:
            raise InputRefused(self.path, f"trang bảng tính ({self.member}) có cột {_cell_name(self.max_col, 1)[:-1]}, "
                                          "vượt quá cột cuối XFD của Excel: tệp hỏng hoặc độc hại, đã từ chối đọc.")
        if self.precise:
            self._valued(body, last)
        area = self.max_row * max(self.max_col, 1) if not self.precise else self.value_row * max(self.value_col, 1)
        if area > MAX_AREA or self.cells > MAX_CELLS:
            if area > MAX_AREA and not self.precise and self.cells <= MAX_CELLS:
                raise _FarReference(self.path, "")  # read again, counting only cells that hold something
            far = (_cell_name(max(self.value_col, 1), self.value_row) if self.precise
                   else _cell_name(max(self.max_col, 1), self.max_row))
            stray = (f" Bảng chỉ có {_n(self.cells)} ô dữ liệu, nên thường là do một ô gõ nhầm ở {far}: hãy xóa nội "
                     f"dung ô {far} (và các ô thừa xa bảng) rồi lưu lại tệp.") if self.cells <= MAX_CELLS else ""  # (added)
            raise InputRefused(self.path, f"trang bảng tính ({self.member}) trải tới ô {far} với {_n(self.cells)} ô dữ "
                                          f"liệu: quá lớn để đọc an toàn (tối đa {_n(MAX_AREA)} ô tính từ A1 và "
                                          f"{_n(MAX_CELLS)} ô có dữ liệu).{stray}")

    def _rows(self, body: bytes) -> tuple[int, int]:
        """The rows counted with this chunk's (every «<row», as bytes.count would count it) and the
        farthest row: of the row tags' r="…", or their number (rows without r="…" follow each other)."""
        found = self.rows_and_refs.findall(body)
        rows = self.rows + len(found)
        return rows, max(self.max_row, rows, max(map(int, filter(None, found)), default=0))

    def _widen(self, letters: list[bytes]) -> None:
        if letters:
            self.max_col = max(self.max_col, max(_col_number(x) for x in set(letters)))

    def _dimension(self, ref: str) -> None:
        for part in ref.split(":"):
            m = _REF.match(part.strip())
            if m and (_col_number(m.group(1)) > MAX_COLS or int(m.group(2)) > MAX_ROWS):
                raise InputRefused(self.path, f"trang bảng tính ({self.member}) khai báo vùng {ref} vượt quá giới hạn "
                                              f"của Excel (XFD{MAX_ROWS}): tệp hỏng hoặc độc hại, đã từ chối đọc.")


_ODS_TAG = re.compile(rb"<(?:table:(table-row|table-cell|covered-table-cell|table)|text:(s))\b([^>]*)>")
_ODS_SPACES = re.compile(rb'\bc\s*=\s*["\'](\d{1,20})["\']')
_ODS_ROWS = re.compile(rb'number-rows-repeated\s*=\s*["\'](\d{1,15})["\']')
_ODS_COLS = re.compile(rb'number-columns-repeated\s*=\s*["\'](\d{1,15})["\']')


class _OdsScan(_SheetScan):
    """The same bounds for content.xml of an .ods: repeated rows and cells (`number-rows-repeated`,
    `number-columns-repeated`) that hold a value are what calamine expands into memory."""

    def __init__(self, path: Path, member: str):
        super().__init__(path, member)
        self.row = self.col = self.repeat = 0
        self.factor = 0          # copies calamine makes of the cell being read (columns × rows repeated)
        self.expanded = 0        # characters beyond the file's own: spaces of text:c and text of repeated cells
        self.cell_end = None     # where the text of a repeated cell starts in the body, or None

    def _expand(self, chars: int) -> None:
        self.expanded += chars
        if self.expanded > MAX_EXPANDED:
            raise InputRefused(self.path, f"bảng tính có chữ lặp lại (khoảng trắng text:c hoặc ô lặp lại) dài hơn "
                                          f"{_n(MAX_EXPANDED)} ký tự khi mở ra: quá lớn để đọc an toàn, đã từ chối đọc.")

    def feed(self, chunk: bytes, last: bool = False) -> None:
        data = self.tail + chunk
        cut = len(data) if last else data.rfind(b">") + 1
        body, self.tail = data[:cut], data[cut:]
        if len(self.tail) > 65536:
            self.tail = self.tail[-65536:]
        if self.cell_end is not None:
            self.cell_end = 0                 # a repeated cell's text runs on from the last chunk
        for m in _ODS_TAG.finditer(body):
            kind, attrs = m.group(1), m.group(3)
            if self.cell_end is not None:     # the text between a repeated cell and the next tag, copied
                self._expand((m.start() - self.cell_end) * (self.factor - 1))
                self.cell_end = m.end()
            if m.group(2):                    # <text:s text:c="N"/>: N spaces, in every copy of the cell
                c = _ODS_SPACES.search(attrs)
                n = int(c.group(1)) if c else 1
                if n > MAX_SPACE_RUN:
                    raise InputRefused(self.path, f"bảng tính có một ô với {_n(n)} khoảng trắng liên tiếp (text:c; tối đa "
                                                  f"{_n(MAX_SPACE_RUN)}): tệp hỏng hoặc độc hại, đã từ chối đọc.")
                self._expand(n * max(self.factor, 1))
                continue
            if kind in (b"table-cell", b"covered-table-cell") or kind == b"table-row" or kind == b"table":
                self.cell_end = None
            if kind == b"table":
                self.row = self.col = self.repeat = 0
                continue
            if kind == b"table-row":
                self.row += self.repeat       # the previous row, with its repeats
                rep = _ODS_ROWS.search(attrs)
                self.repeat = int(rep.group(1)) if rep else 1
                self.col = 0
                continue
            rep = _ODS_COLS.search(attrs)
            cols = int(rep.group(1)) if rep else 1
            self.factor = cols * self.repeat
            if b"value-type" in attrs:        # a cell with a value (empty repeats cost calamine nothing)
                if self.factor > 1 and not attrs.rstrip().endswith(b"/"):
                    self.cell_end = m.end()
                self.cells += cols * self.repeat
                self.max_row = max(self.max_row, self.row + self.repeat)
                self.max_col = max(self.max_col, self.col + cols)
            self.col += cols
            if self.max_row * max(self.max_col, 1) > MAX_AREA or self.cells > MAX_CELLS:
                raise InputRefused(self.path, f"bảng tính có dữ liệu lặp lại tới ô "
                                              f"{_cell_name(max(self.max_col, 1), self.max_row)} "
                                              f"({_n(self.cells)} ô có dữ liệu): quá lớn để đọc an toàn (tối đa "
                                              f"{_n(MAX_AREA)} ô tính từ A1 và {_n(MAX_CELLS)} ô có dữ liệu).")
        if self.cell_end is not None:
            self._expand((len(body) - self.cell_end) * (self.factor - 1))


# A count a reader preallocates from (calamine: Vec::with_capacity(uniqueCount) for sharedStrings),
# as an attribute of any tag; only numbers of 7 digits or more are looked at closely.
_COUNT = re.compile(rb'\s(?:[A-Za-z_][\w.-]*:)?((?:unique)?[Cc]ount)\s*=\s*["\']\s*(\d{7,})')


_COUNT_HINT = re.compile(rb'ount\s*=\s*["\']\s*\d{7}')


class _CountScan:
    """Every count="…"/uniqueCount="…" of an XML member within MAX_COUNT (chunks overlap by a tail)."""

    def __init__(self, path: Path, member: str):
        self.path, self.member, self.tail = path, member, b""

    def feed(self, chunk: bytes, last: bool = False) -> None:
        data = self.tail + chunk
        # Every match of _COUNT holds «ount», «=», a quote and 7 digits: a search from that literal (fast)
        # rules out most chunks.
        for m in (_COUNT.finditer(data) if _COUNT_HINT.search(data) else ()):
            n = int(m.group(2))
            inside_tag = data.rfind(b"<", 0, m.start()) > data.rfind(b">", 0, m.start())
            if n > MAX_COUNT and inside_tag:
                raise InputRefused(self.path, f"phần «{self.member}» khai báo {m.group(1).decode()}={_n(n)} (tối đa "
                                              f"{_n(MAX_COUNT)}): tệp hỏng hoặc độc hại, đã từ chối đọc.")
        self.tail = data[-512:]


class Watcher(Protocol):
    """What check_zip hands every checked chunk of a member to (see `check_zip`'s `watch`)."""

    def feed(self, chunk: bytes) -> None: ...

    def finish(self) -> None: ...


def check_zip(path: str | os.PathLike, required: tuple[str, ...] = (), scan_sheets: bool = False,
              watch: Callable[[str], Watcher | None] | None = None, first: tuple[str, ...] = ()) -> set[str]:
    """Members, sizes, ratios and CRCs of a zip container, read once as a stream (a header that lies
    about sizes does not help), and — for a workbook — the extent of every worksheet; returns the
    member names.

    `watch(name)` may return a Watcher for a member: it gets each chunk once the chunk has passed
    every check, and `finish()` once the whole member has (so a reader needs no second
    decompression; nothing it is given has not been checked). Members named in `first` are read
    before the others (a workbook's styles, which the reading of its sheets depends on)."""
    p = Path(path)
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise InputRefused(p, "tệp bị cắt cụt hoặc hỏng (không mở được gói nén).") from None
    except OSError as exc:
        from kh_excel.io.atomic import os_reason
        raise InputRefused(p, f"không mở được tệp ({os_reason(exc)}).") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise InputRefused(p, f"gói nén có {_n(len(infos))} phần (tối đa {_n(MAX_MEMBERS)}): có thể là tệp độc hại, "
                                  "đã từ chối đọc.")
        names = {i.filename for i in infos}
        missing = [r for r in required if r not in names]
        if missing:
            raise InputRefused(p, f"đây không phải là tệp .docx hợp lệ (gói nén thiếu {missing[0]}).")
        if first:
            infos.sort(key=lambda i: i.filename not in first)  # stable: the others keep their order
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            declared_ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > _CHUNK and declared_ratio > MAX_RATIO:
                raise _bomb(p, info.filename, int(declared_ratio))
            if total + info.file_size > MAX_UNCOMPRESSED:
                raise _too_big(p)
            sheet = None
            if scan_sheets and _is_worksheet(info.filename):
                sheet = _SheetScan(p, info.filename)
            elif scan_sheets and info.filename == "content.xml":
                sheet = _OdsScan(p, info.filename)
            try:
                try:
                    size = _stream(zf, info, p, total, sheet, scan_sheets, watch)
                except _FarReference:  # the slower, exact pass over a sheet whose references reach far
                    size = _stream(zf, info, p, total, _SheetScan(p, info.filename, precise=True), scan_sheets, watch)
            except InputRefused:
                raise
            except zipfile.BadZipFile as exc:
                crc = "CRC" in str(exc)
                raise InputRefused(p, f"phần «{info.filename}» của tệp "
                                      + ("bị hỏng (sai mã kiểm tra CRC)." if crc else "bị hỏng hoặc bị cắt cụt.")) from None
            except (EOFError, zlib_error(), ValueError, OSError, NotImplementedError, RuntimeError) as exc:
                raise InputRefused(p, f"phần «{info.filename}» của tệp bị hỏng hoặc bị cắt cụt "
                                      f"({why(exc)}).") from None
            total += size
    return names


def _stream(zf: zipfile.ZipFile, info: zipfile.ZipInfo, p: Path, total: int, sheet: "_SheetScan | None",
            counts: bool, watch: Callable[[str], Watcher | None] | None) -> int:
    """One member read as a stream through every check; returns its size."""
    counter = _CountScan(p, info.filename) if counts else None
    watcher = watch(info.filename) if watch is not None else None
    size = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_SCAN_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if total + size > MAX_UNCOMPRESSED:
                raise _too_big(p)
            if size > _CHUNK and size / max(info.compress_size, 1) > MAX_RATIO:
                raise _bomb(p, info.filename, size // max(info.compress_size, 1))
            if sheet is not None:
                sheet.feed(chunk)
            if counter is not None:
                counter.feed(chunk)
            if watcher is not None:
                watcher.feed(chunk)
    if sheet is not None:
        sheet.feed(b"", last=True)
    if watcher is not None:
        watcher.finish()
    return size


def why(exc: BaseException) -> str:
    """What a library's failure means, in Vietnamese, for a message in parentheses (never a class name)."""
    name = type(exc).__name__
    for words, text in (
        (("Xml", "ParseError", "Expat"), "nội dung XML không hợp lệ"),
        (("Zip", "CRC", "EOF", "zlib", "error"), "gói nén bị hỏng"),
        (("Unicode", "Decode"), "có ký tự mã hóa sai"),
        (("NotImplemented",), "dùng một tính năng chưa được hỗ trợ"),
        (("Memory", "Overflow"), "nội dung quá lớn"),
    ):
        if any(w in name for w in words):
            return text
    return "nội dung không đúng định dạng"


def zlib_error():
    import zlib
    return zlib.error


def _is_worksheet(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def _bomb(p: Path, member: str, ratio: int) -> InputRefused:
    return InputRefused(p, f"tệp có phần nén bất thường («{member}» giải nén gấp {ratio} lần): có thể là tệp độc hại, "
                           "đã từ chối đọc.")


def _too_big(p: Path) -> InputRefused:
    return InputRefused(p, f"nội dung giải nén quá lớn (hơn {MAX_UNCOMPRESSED // (1024 * 1024)} MB): đã từ chối đọc.")


# ----------------------------------------------------------------- per kind of input
def guard_spreadsheet(path: str | os.PathLike, watch: Callable[[str], Watcher | None] | None = None,
                      first: tuple[str, ...] = ()) -> str:
    """Check a workbook before any reader opens it; returns 'zip' (OOXML/ODS) or 'cfb' (.xls).
    `watch` and `first` are check_zip's: a reader's view of the parts as they are checked."""
    p = Path(path)
    check_file(p)
    kind = sniff(p)
    if kind in ("xlsx", "ods"):
        names = check_zip(p, scan_sheets=True, watch=watch, first=first)
        if "[Content_Types].xml" not in names and "mimetype" not in names:
            raise InputRefused(p, "tệp nén không phải là bảng tính (thiếu [Content_Types].xml).")
        return "zip"
    if kind == "cfb":
        return "cfb"
    if kind == "zip":
        check_zip(p)
        raise InputRefused(p, "tệp nén không phải là bảng tính (thiếu [Content_Types].xml).")
    raise _wrong_kind(p, kind, "spreadsheet")


def cfb_is_encrypted(path: Path) -> bool:
    """A password-protected OOXML file is a CFB container with an EncryptionInfo (or EncryptedPackage) stream."""
    names = ("EncryptionInfo", "EncryptedPackage")
    try:
        import olefile
        with olefile.OleFileIO(str(path)) as ole:
            if any(ole.exists(n) for n in names):
                return True
    except Exception:  # noqa: BLE001 - olefile missing or a damaged directory: look for the stream names
        pass
    with Path(path).open("rb") as fh:
        data = fh.read(1 << 20)
    return any(n.encode("utf-16-le") in data for n in names)


def guard_docx(path: str | os.PathLike) -> None:
    """Check a Word document or template before lxml or docxtpl opens it."""
    p = Path(path)
    check_file(p)
    kind = sniff(p)
    if kind == "docx":
        check_zip(p, required=("word/document.xml",))
        return
    if kind == "zip":
        raise InputRefused(p, "đây không phải là tệp .docx hợp lệ (gói nén hỏng hoặc thiếu word/document.xml).")
    if kind == "cfb" and cfb_is_encrypted(p):
        raise InputRefused(p, f"{p.name} được bảo vệ bằng mật khẩu (đã mã hóa): hãy mở bằng Word, bỏ mật khẩu "
                              "rồi lưu lại thành tệp .docx.")
    raise _wrong_kind(p, kind, "docx")


def read_toml_text(path: str | os.PathLike) -> str:
    """The text of a settings file: bounded in size and nesting, UTF-8 (a Vietnamese message otherwise)."""
    p = Path(path)
    check_file(p, MAX_TOML)
    data = p.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputRefused(p, "tệp cấu hình được lưu dạng UTF-16; hãy lưu lại với mã hóa UTF-8.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputRefused(p, f"tệp cấu hình không phải mã hóa UTF-8 (byte lạ ở vị trí {exc.start}); "
                              "hãy lưu lại với mã hóa UTF-8.") from None
    if "\x00" in text:
        raise InputRefused(p, "tệp cấu hình chứa ký tự NUL (có thể lưu dạng UTF-16); hãy lưu lại với mã hóa UTF-8.")
    depth = deepest = 0
    for ch in re.sub(r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*', "", text):
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(depth - 1, 0)
    if deepest > MAX_TOML_DEPTH:
        raise InputRefused(p, f"tệp cấu hình lồng nhau quá sâu ({deepest} tầng; tối đa {MAX_TOML_DEPTH}).")
    return text


def load_toml(path: str | os.PathLike, what: str = "tệp cấu hình") -> dict:
    """A TOML file read through `read_toml_text` and parsed; a syntax error says where, in Vietnamese."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10 (pyproject installs tomli there)
        import tomli as tomllib
    p = Path(path)
    text = read_toml_text(p)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        where = f" ở dòng {m.group(1)}, cột {m.group(2)}" if m else ""
        raise InputRefused(p, f"{what} sai cú pháp TOML{where}.") from None
    except RecursionError:
        raise InputRefused(p, f"{what} lồng nhau quá sâu.") from None
