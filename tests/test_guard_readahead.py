"""The guard decompresses a big member one chunk ahead in a thread (io.limits._chunks): the chunks are the
member's bytes in order, a damaged member is still refused with its message, and no thread outlives the
member, also when a check refuses it half way."""
from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from kh_excel.io import limits as L


def _member(tmp: Path, data: bytes, name: str = "xl/worksheets/sheet1.xml") -> Path:
    p = tmp / "m.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, data)
    return p


@settings(max_examples=30, deadline=None)
@given(size=st.integers(0, 5000), chunk=st.integers(1, 700), seed=st.integers(0, 255))
def test_the_chunks_are_the_member_in_order(tmp_path_factory, size, chunk, seed):
    data = bytes((i * 7 + seed) % 251 for i in range(size))
    p = _member(tmp_path_factory.mktemp("z"), data)
    old = L._SCAN_CHUNK
    L._SCAN_CHUNK = chunk
    try:
        with zipfile.ZipFile(p) as zf, zf.open("xl/worksheets/sheet1.xml") as fh:
            info = zf.getinfo("xl/worksheets/sheet1.xml")
            got = list(L._chunks(fh, info))
    finally:
        L._SCAN_CHUNK = old
    assert b"".join(got) == data
    assert all(0 < len(c) <= chunk for c in got)
    assert _inflating() == []


def test_a_bad_crc_at_the_end_is_refused_from_the_reading_thread(tmp_path, monkeypatch):
    monkeypatch.setattr(L, "_SCAN_CHUNK", 4096)
    data = b"<c>" * 20000
    p = _member(tmp_path, data)
    raw = bytearray(p.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    at = raw.find(name, raw.find(name) + 1) - 46 + 16  # the central directory's CRC-32 (what zipfile checks)
    raw[at] ^= 0xFF
    p.write_bytes(bytes(raw))
    with pytest.raises(L.InputRefused, match="CRC"):
        L.check_zip(p)
    assert _inflating() == []


def _inflating() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "kh-excel-inflate"]


def test_a_refusal_half_way_stops_the_reading_thread(tmp_path, monkeypatch):
    monkeypatch.setattr(L, "_SCAN_CHUNK", 4096)
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(1, 3000))
    far = b'<row r="2000000"><c r="A2000000"><v>1</v></c></row>'
    sheet = b"<worksheet><sheetData>" + rows + far + rows + b"</sheetData></worksheet>"
    p = _member(tmp_path, sheet)  # ~230 KB: the row past Excel's last is met a quarter of the way
    with pytest.raises(L.InputRefused, match="vượt quá giới hạn"):
        L.check_zip(p, scan_sheets=True)
    assert _inflating() == []
