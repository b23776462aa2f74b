"""What makes a batch fast without changing a byte it writes: a workbook's rows grouped by lead
agency once for all its letters, and templates compiled once and kept on disk."""
from __future__ import annotations

import pytest

from helpers import sample
from kh_excel.batch import engine
from kh_excel.core.attainment import evaluate
from kh_excel.docs.context import build_context, group_by_agency
from kh_excel.docs.settings import example_settings_rows, settings_from_rows
from test_docs_data import make_table

EXAMPLE = settings_from_rows(example_settings_rows(2026))


@pytest.fixture(scope="module")
def lao_cai():
    att, settings = engine.read_source(str(sample("chi_tieu_2026_lao_cai.xlsx")), None, "giao-chi-tieu")
    return att, settings


def _rows(att, agency: str, grouped) -> list[int]:
    return [a.indicator.row for a in _picked(att, agency, grouped)]


def _picked(att, agency, grouped):
    from kh_excel.docs.context import _for_agency
    return _for_agency(list(att.assessments), agency, grouped)


def test_rows_grouped_once_are_the_rows_each_agency_leads(lao_cai):
    """Checked by hand against the sample's column «Cơ quan chủ trì»: spellings of one agency
    (abbreviation, «hoá»/«hóa») find the same rows."""
    att, _ = lao_cai
    grouped = group_by_agency(list(att.assessments))
    vhttdl = [21, 22]
    assert _rows(att, "Sở Văn hóa, Thể thao và Du lịch", grouped) == vhttdl
    assert _rows(att, "Sở Văn hoá, Thể thao và Du lịch", grouped) == vhttdl
    assert _rows(att, "Sở VHTTDL", grouped) == vhttdl
    assert _rows(att, "Sở Xây dựng", grouped) == [20, 29]
    assert _rows(att, "Sở Tài chính", grouped) == [8, 9, 10, 11, 12, 13, 14, 15, 16, 19, 55]
    assert _rows(att, "Ban Quản lý Khu kinh tế tỉnh", grouped) == [24]
    assert _picked(att, "Sở Y tế", grouped) == []  # leads nothing here


def test_a_sub_row_without_its_own_lead_follows_its_indicator():
    table = make_table()
    for ind in table.indicators:
        if ind.kind == "subrow":
            ind.lead = []
    att = evaluate(table)
    grouped = group_by_agency(list(att.assessments))
    # rows 8, 11, 12, 16 (lead Sở Tài chính) and 9, 10 (sub-rows of 8, no lead of their own)
    assert [a.indicator.row for a in grouped[_key("Sở Tài chính")]] == [8, 9, 10, 11, 12, 16]
    assert [a.indicator.row for a in grouped[_key("Thống kê tỉnh")]] == [12]


def _key(name: str) -> str:
    from kh_excel.core.table import agency_registry
    return agency_registry().key(name)


def test_each_letter_is_the_same_with_the_grouping_given_or_not(lao_cai):
    from kh_excel.batch.plan import lead_agencies
    att, settings = lao_cai
    grouped = group_by_agency(list(att.assessments))
    agencies = [a for a, _ in lead_agencies(att.table)]
    assert len(agencies) == 13
    for agency in agencies:
        assert build_context(att, settings, "giao-chi-tieu", agency=agency, by_agency=grouped) == \
            build_context(att, settings, "giao-chi-tieu", agency=agency)


# ---------------------------------------------------------------- compiled templates on disk
import os  # noqa: E402
import zipfile  # noqa: E402
from pathlib import Path  # noqa: E402

from helpers import make_template  # noqa: E402
from kh_excel.docs.render import Renderer, TemplateProblem, resolve_template  # noqa: E402
from kh_excel.docs.template_cache import DiskCache  # noqa: E402


def _text(docx: bytes, tmp_path: Path) -> str:
    p = tmp_path / "out.docx"
    p.write_bytes(docx)
    with zipfile.ZipFile(p) as z:
        return z.read("word/document.xml").decode("utf-8")


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if len(p.name) == 64)


@pytest.fixture()
def letter_context(lao_cai):
    att, settings = lao_cai
    return build_context(att, settings, "giao-chi-tieu", agency="Sở Xây dựng")


def test_a_cached_template_renders_the_same_bytes(tmp_path, letter_context):
    template = resolve_template("giao-chi-tieu")
    fresh = Renderer().render_bytes(template, letter_context)
    cache = tmp_path / "cache"
    first = Renderer(disk_cache=DiskCache(cache)).render_bytes(template, letter_context)
    assert len(_entries(cache)) == 1
    warm = Renderer(disk_cache=DiskCache(cache))
    again = warm.render_bytes(template, letter_context)
    assert fresh == first == again
    # the warm renderer compiled nothing: its shared parts came from the entry too
    assert all(env.loader.precompiled for env in warm._envs.values())


def _one_entry(folder: Path) -> Path:
    (entry,) = _entries(folder)
    return entry


def test_a_damaged_foreign_or_renamed_entry_is_ignored_and_rebuilt(tmp_path, letter_context):
    template = resolve_template("giao-chi-tieu")
    expected = Renderer().render_bytes(template, letter_context)
    cache = tmp_path / "cache"
    Renderer(disk_cache=DiskCache(cache)).compile(template)
    entry = _one_entry(cache)
    good = entry.read_bytes()

    # one byte changed inside the code: the signature no longer matches
    damaged = bytearray(good)
    damaged[len(damaged) // 2] ^= 0xFF
    entry.write_bytes(bytes(damaged))
    assert DiskCache(cache).load(entry.name) is None
    assert Renderer(disk_cache=DiskCache(cache)).render_bytes(template, letter_context) == expected
    assert entry.read_bytes() == good  # rebuilt (the same content, signed again)

    # an entry written under another key (another user, another machine)
    other = tmp_path / "other"
    Renderer(disk_cache=DiskCache(other)).compile(template)
    assert (other / "key").read_bytes() != (cache / "key").read_bytes()
    entry.write_bytes(_one_entry(other).read_bytes())
    assert DiskCache(cache).load(entry.name) is None

    # a valid entry of this cache under another name
    entry.write_bytes(good)
    moved = cache / ("0" * 64)
    moved.write_bytes(good)
    assert DiskCache(cache).load(moved.name) is None
    assert DiskCache(cache).load(entry.name) is not None


def test_a_planted_entry_is_never_run(tmp_path):
    """Code an attacker writes into the cache folder, without this user's key: never executed."""
    import hashlib
    import hmac
    import marshal
    marker = tmp_path / "da-chay"
    cache = tmp_path / "cache"
    tpl = make_template(tmp_path / "mau.docx", ["Kính gửi {{ ten }}"])
    Renderer(disk_cache=DiskCache(cache)).compile(tpl)
    entry = _one_entry(cache)
    payload = marshal.dumps({"templates": {"word/document.xml": (
        compile(f"open({str(marker)!r}, 'w').write('x')", "x", "exec"),) * 2}})
    fake_key = b"\0" * 32
    mac = hmac.new(fake_key, entry.name.encode() + b"\0" + payload, hashlib.sha256).digest()
    entry.write_bytes(b"KHTC1\n" + mac + payload)
    out = Renderer(disk_cache=DiskCache(cache)).render_bytes(tpl, {"ten": "Sở Xây dựng"})
    assert "Kính gửi Sở Xây dựng" in _text(out, tmp_path)
    assert not marker.exists()


@pytest.mark.skipif(os.name != "posix", reason="folder permissions are POSIX")
def test_a_cache_folder_others_can_write_is_not_used(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    os.chmod(cache, 0o777)
    tpl = make_template(tmp_path / "mau.docx", ["{{ ten }}"])
    Renderer(disk_cache=DiskCache(cache)).compile(tpl)
    assert not list(cache.iterdir())  # no key, no entry: nothing to trust later


def test_the_sandbox_still_stops_a_cached_template(tmp_path):
    cache = tmp_path / "cache"
    tpl = make_template(tmp_path / "mau.docx", ["{{ ten.__class__.__mro__ }}", "{% for i in range(10**7) %}{% endfor %}"])
    Renderer(disk_cache=DiskCache(cache)).compile(tpl)
    assert len(_entries(cache)) == 1
    warm = Renderer(disk_cache=DiskCache(cache))
    with pytest.raises(TemplateProblem) as exc:
        warm.render_bytes(tpl, {"ten": "x"})
    assert "không được phép" in str(exc.value) or "quá" in str(exc.value)
    fresh_msg = None
    try:
        Renderer().render_bytes(tpl, {"ten": "x"})
    except TemplateProblem as e:
        fresh_msg = str(e)
    assert str(exc.value) == fresh_msg  # the same reason, naming the same place


def test_an_edited_part_is_compiled_again(tmp_path):
    cache = tmp_path / "cache"
    (tmp_path / "parts").mkdir()
    part = make_template(tmp_path / "parts" / "loi-chao.docx", ["Xin chào {{ ten }}"])
    tpl = make_template(tmp_path / "mau.docx", ["Đầu thư", "{%p include 'loi-chao' %}"])
    assert "Xin chào An" in _text(Renderer(disk_cache=DiskCache(cache)).render_bytes(tpl, {"ten": "An"}), tmp_path)
    assert "Xin chào An" in _text(Renderer(disk_cache=DiskCache(cache)).render_bytes(tpl, {"ten": "An"}), tmp_path)
    make_template(part, ["Trân trọng chào {{ ten }}"])
    out = _text(Renderer(disk_cache=DiskCache(cache)).render_bytes(tpl, {"ten": "An"}), tmp_path)
    assert "Trân trọng chào An" in out and "Xin chào" not in out
