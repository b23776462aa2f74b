"""Regenerate src/kh_excel/data/place_names.tsv: the names of Vietnam's administrative units, by level.

    python scripts/place_names.py OLD_FLAT_JSON NEW_FLAT_JSON [OUT]

OLD_FLAT_JSON: the General Statistics Office's list of provinces, districts and communes before the July 2025
reorganisation, as the vietnam-provinces 0.6.0 wheel packages it (vietnam_provinces/data/flat-divisions.json:
one row per commune with its district and province). NEW_FLAT_JSON: the list after it (2025.10.1, one row per
commune with its province). Only the names are taken; the package is no dependency of kh_excel.

docs.places reads the file: where a title's words after a level word could end in more than one place, a known
unit's name settles it. The counts printed (and written into the file's header) are units, then distinct names.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

# The level words as official names begin with them, longest first («Thị xã» before «Xã»); «Tp» is the new
# list's short form of a centrally-run city.
LEVELS = {"thành phố": "THÀNH PHỐ", "tp": "THÀNH PHỐ", "thị xã": "THỊ XÃ", "thị trấn": "THỊ TRẤN",
          "đặc khu": "ĐẶC KHU", "tỉnh": "TỈNH", "huyện": "HUYỆN", "quận": "QUẬN", "xã": "XÃ", "phường": "PHƯỜNG"}
OUT = Path(__file__).resolve().parent.parent / "src" / "kh_excel" / "data" / "place_names.tsv"


def split(official: str) -> tuple[str, str]:
    """«Xã Bản Phố» -> ('XÃ', 'Bản Phố'); a name that begins with no level word stops the script."""
    text = " ".join(unicodedata.normalize("NFC", official).split())
    for word in sorted(LEVELS, key=len, reverse=True):
        if text.lower().startswith(word + " "):
            return LEVELS[word], text[len(word) + 1:]
    raise SystemExit(f"no level word in {official!r}")


def units(old_rows: list[dict], new_rows: list[dict]) -> dict[str, dict[tuple[str, int], tuple[str, str]]]:
    """{'old'|'new': {(tier, code): (level, name)}}: each unit once, by its code."""
    old, new = {}, {}
    for r in old_rows:
        old[("province", r["province_code"])] = split(r["province_name"])
        old[("district", r["district_code"])] = split(r["district_name"])
        if r.get("ward_name"):   # a district with no commune (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa …) has none
            old[("commune", r["ward_code"])] = split(r["ward_name"])
    for r in new_rows:
        new[("province", r["province_codename"])] = split(r["province_name"])
        new[("commune", r["code"])] = split(r["name"])
    return {"old": old, "new": new}


def main(old_path: str, new_path: str, out: str | None = None) -> None:
    lists = units(json.loads(Path(old_path).read_text(encoding="utf-8")),
                  json.loads(Path(new_path).read_text(encoding="utf-8")))
    when: dict[tuple[str, str], set[str]] = {}
    for era, found in lists.items():
        for level_name in found.values():
            when.setdefault(level_name, set()).add(era)
    counts = []
    for era, found in lists.items():
        tiers = Counter(tier for tier, _ in found)
        names = {tier: len({v for (t, _), v in found.items() if t == tier}) for tier in tiers}
        by_level = Counter(level for level, _ in set(found.values()))
        counts.append(f"# {era}: units " + ", ".join(f"{t} {n}" for t, n in tiers.items())
                      + "; distinct names " + ", ".join(f"{t} {n}" for t, n in names.items())
                      + "; by level " + ", ".join(f"{lv} {n}" for lv, n in sorted(by_level.items())))
    mark = {frozenset({"old"}): "o", frozenset({"new"}): "n", frozenset({"old", "new"}): "b"}
    lines = [
        "# Names of Vietnam's administrative units (provinces, districts, communes/wards/townships, special zones).",
        "# Source: General Statistics Office of Viet Nam (Tổng cục Thống kê) lists of administrative units, as",
        "# packaged by vietnam-provinces 0.6.0 (data of January 2025, before the reorganisation of 1 July 2025:",
        "# 63 provinces, their districts and communes; communes merged before then are not in it) and 2025.10.1",
        "# (October 2025, after it: 34 provinces and their communes). Names only, public facts.",
        "# Regenerate: python scripts/place_names.py OLD_FLAT_JSON NEW_FLAT_JSON (see the script).",
        "# Line: LEVEL<TAB>name<TAB>o (list before 1 July 2025 only) | n (after it only) | b (both).",
        *counts,
    ]
    rows = sorted(f"{level}\t{name}\t{mark[frozenset(eras)]}" for (level, name), eras in when.items())
    text = "\n".join(lines + rows) + "\n"
    Path(out or OUT).write_text(unicodedata.normalize("NFC", text), encoding="utf-8")
    print("\n".join(counts))
    print(f"{len(rows)} lines, {len(text.encode('utf-8'))} bytes -> {out or OUT}")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
