"""Output file names: readable, safe on every file system, distinct and the same between runs.

Names come from agency names and workbook names that staff typed: "UBND các xã/phường",
"Sở NN&MT", "Phòng Tài chính - Kế hoạch". A name must never create a folder, must be legal
on Windows (the users' machines) as well as here, must not collide on a case-insensitive
file system, and must be chosen the same way every time so that a re-run finds its outputs.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from typing import Iterable, Sequence

from kh_excel.core import text as vtext

# Path separators, and characters that look like one: a name never contains any of them.
_SEPARATORS = "/\\\u2215\u2044\u29f8\u29f9\uff0f\uff3c"
# Illegal in Windows file names (besides separators).
_WINDOWS_ILLEGAL = '<>:"|?*'
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)] + [f"lpt{i}" for i in range(1, 10)]
)
MAX_STEM_CHARS = 120   # readable, and well inside Windows' 260-character paths
MAX_STEM_BYTES = 200   # ext4 and most others allow 255 bytes per name; keep room for the suffix
FALLBACK = "Văn bản"


def _short_hash(text: str, n: int = 6) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


def readable(name: str) -> str:
    """A file name that is not UTF-8 (os.fsdecode left its bytes as surrogates, e.g. unzipped from
    Windows) as text that can be written anywhere: each bad byte becomes U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def safe_stem(name: str, ascii_names: bool = False) -> str:
    """A file-name stem for `name`: NFC Vietnamese (or an ASCII slug) with nothing unsafe left.

    "UBND các xã/phường" -> "UBND các xã-phường"; with ascii_names -> "ubnd-cac-xa-phuong".
    """
    text = vtext.clean(readable(name))
    if ascii_names:
        text = vtext.fold(text)
        text = text.encode("ascii", "ignore").decode("ascii")
        text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    else:
        for ch in _SEPARATORS:
            text = text.replace(ch, "-")
        text = text.replace(":", " -")
        text = text.replace('"', "'")
        for ch in _WINDOWS_ILLEGAL:
            text = text.replace(ch, " ")
        text = _CONTROL.sub("", text)
        text = re.sub(r"\s+", " ", text)
        text = re.sub(r"-{2,}", "-", text)
        # No hidden file (".x"), no option-looking name ("-x"), and Windows drops trailing dots.
        text = text.strip(" .-")
        text = unicodedata.normalize("NFC", text)
    if not text:
        text = "van-ban" if ascii_names else FALLBACK
    full = text
    if len(text) > MAX_STEM_CHARS or len(text.encode("utf-8")) > MAX_STEM_BYTES:
        # Cut at a word, then add a hash of the whole name so that two long names stay apart.
        tag = _short_hash(full)
        limit = MAX_STEM_CHARS - len(tag) - 1
        cut = text[:limit]
        while len(cut.encode("utf-8")) > MAX_STEM_BYTES - len(tag) - 1:
            cut = cut[:-1]
        if " " in cut[limit // 2:] or "-" in cut[limit // 2:]:
            cut = re.split(r"[ -](?=[^ -]*$)", cut)[0]
        text = f"{cut.rstrip(' .-')}-{tag}" if ascii_names else f"{cut.rstrip(' .-')} {tag}"
    if text.split(".")[0].lower() in _WINDOWS_RESERVED:
        text += "_"
    return text


def collision_key(filename: str) -> str:
    """Two names collide when a case-insensitive, normalising file system (Windows, macOS) would
    take them for one file."""
    return unicodedata.normalize("NFC", filename).casefold()


def assign_names(items: Sequence[tuple[str, str]], suffix: str, ascii_names: bool = False,
                 taken: Iterable[str] = ()) -> dict[str, str]:
    """File names for items given as (key, display): {key: name + suffix}.

    `key` identifies the item (e.g. source path and agency); `display` is what the name is made
    from. Items whose names collide are ordered — the one whose display needed no change
    first, then by display text, then by key — and all but the first get " (2)", " (3)" …
    The result depends only on the set of items, never on the order they came in, so a
    re-run with the same inputs gives the same names. `taken` lists names to avoid.
    """
    keys = [k for k, _ in items]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate item keys")
    stems = {k: safe_stem(d, ascii_names) for k, d in items}
    display = dict(items)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        groups[collision_key(stems[k] + suffix)].append(k)
    used = {collision_key(t) for t in taken}
    out: dict[str, str] = {}
    # First every group's winner takes its plain name, then the others pick numbered names.
    losers: list[tuple[str, list[str]]] = []
    for ck in sorted(groups):
        members = sorted(groups[ck], key=lambda k: (vtext.clean(display[k]) != stems[k], display[k], k))
        first, rest = members[0], members[1:]
        name = stems[first] + suffix
        if collision_key(name) in used:
            rest = [first] + rest
        else:
            out[first] = name
            used.add(collision_key(name))
        if rest:
            losers.append((ck, rest))
    for _ck, rest in losers:
        for k in rest:
            n = 2
            while True:
                name = f"{stems[k]}-{n}{suffix}" if ascii_names else f"{stems[k]} ({n}){suffix}"
                if collision_key(name) not in used:
                    break
                n += 1
            out[k] = name
            used.add(collision_key(name))
    return out
