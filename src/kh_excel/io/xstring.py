"""Text in an .xlsx cell and OOXML's «_xHHHH_» escape (ECMA-376 ST_Xstring).

A cell's text may name a character by its code: «_x000A_» is a line break. Excel and python-calamine decode four hex
digits, LibreOffice one to four («_xa_» of «w13_xa_badinh.xlsx», a commune's file, becomes a line break) and then
saves the line break itself. openpyxl writes a text as it is: the program's own text must be escaped when written
(`escaped`), and a text read back from a file an agency saved in another program is compared with the one the
program wrote only through `decoded` on both sides (`identity`).
"""
from __future__ import annotations

import re
from typing import Any

# an underscore a reader would take as the start of an escape: «_x», one to four hex digits, «_»
_ESCAPE_START = re.compile(r"_(?=x[0-9A-Fa-f]{1,4}_)")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{1,4})_")
_LITERAL_UNDERSCORE = "_x005F_"  # the escape of «_» itself: «_x005F_xa_» is read «_xa_» by every reader


def escaped(value: Any) -> Any:
    """A text as a cell must store it to be read back as it is: each «_» that opens something a reader would
    decode («_xa_», «_x1_», «_x000A_») written «_x005F_». Anything else (a number, None) is returned as it is."""
    if type(value) is not str or "_x" not in value:
        return value
    return _ESCAPE_START.sub(_LITERAL_UNDERSCORE, value)


def decoded(text: Any) -> Any:
    """The text as the most decoding reader (LibreOffice) reads it: each «_x» + one to four hex digits + «_» is
    the character of that code, left to right in one pass (as Excel reads «_x005F_xa_»: «_xa_»). Anything but a
    text is returned as it is."""
    if type(text) is not str or "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


# A control character in a name the program wrote comes only from a decoded escape: it is shown as the escape it
# was most likely written as («_xa_» of «xã»), and kept apart from a space when compared.
_CONTROLS = {c: f"_x{c:x}_" for c in range(0x20)}
_PICTURES = {c: 0x2400 + c for c in range(0x20)}  # (U+2400…: «␊», never a space that clean() would fold)


def identity(text: Any) -> str:
    """A key of a name the program wrote into a workbook (the master's file or sheet), equal however a reader
    decoded its escapes: «w13_xa_badinh.xlsx», «w13\\nbadinh.xlsx» (LibreOffice) and «w13_x005F_xa_badinh.xlsx»
    read raw share one; «w13 badinh.xlsx» (a space) is another name. NFC, whitespace runs collapsed."""
    from kh_excel.core.text import clean
    if text is None:
        return ""
    text = text if isinstance(text, str) else str(text)
    return clean(decoded(text).translate(_PICTURES))


def shown(text: str) -> str:
    """A name read back for a message: a control character (a decoded escape) written as that escape again."""
    return text.translate(_CONTROLS) if not text.isprintable() else text


def was_decoded(text: str) -> bool:
    """Whether a reader turned part of the name into control characters (its exact spelling is then unknown)."""
    return any(ord(c) < 0x20 for c in text)
