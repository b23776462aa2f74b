"""Hostile templates: every payload is refused by the sandbox with a Vietnamese message naming the
template; none creates a file, runs a command or reads outside the template's folder; loops,
huge numbers and recursion end in seconds."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from helpers import docx_paragraphs, make_template, run_cli, sample
from kh_excel.docs.render import Renderer, TemplateProblem

SECRET = "bí-mật-ngoài-thư-mục"


@pytest.fixture
def outside(tmp_path):
    """A folder beside the template's folder holding a secret .docx part and a secret text file."""
    secret_dir = tmp_path / "ngoai"
    secret_dir.mkdir()
    make_template(secret_dir / "bimat.docx", [SECRET])
    (secret_dir / "bimat.txt").write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "mau"
    folder.mkdir()
    return folder


MARKER = "/tmp/kh-excel-hostile-marker"

PAYLOADS = {
    "cycler_globals": "{{ cycler.__init__.__globals__.os.popen('touch %s').read() }}" % MARKER,
    "lipsum": "{{ lipsum.__globals__['os'].system('touch %s') }}" % MARKER,
    "self_builtins": "{{ self.__init__.__globals__.__builtins__.__import__('os').system('touch %s') }}" % MARKER,
    "open": "{{ self.__init__.__globals__.__builtins__.open('/etc/passwd').read() }}",
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "namespace_attr": "{{ namespace.__init__.__globals__ }}",
    "joiner": "{{ joiner.__init__.__globals__.os.system('touch %s') }}" % MARKER,
    "format_attr": "{{ '{0.__class__.__mro__}'.format('') }}",
    "mutate": "{% set x = [] %}{{ x.append(1) }}",
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_code_execution_payloads_are_refused(tmp_path, name):
    if os.path.exists(MARKER):
        os.remove(MARKER)
    tpl = make_template(tmp_path / "doc-hai.docx", ["Báo cáo", PAYLOADS[name]])
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateProblem) as info:
        Renderer().render_to_file(tpl, {}, out)
    message = str(info.value)
    assert "doc-hai.docx" in message
    assert not os.path.exists(MARKER)
    assert not out.exists()
    assert "root:" not in message


def test_payloads_through_the_cli_exit_2_and_leave_nothing(tmp_path):
    tpl = make_template(tmp_path / "doc-hai.docx", [PAYLOADS["cycler_globals"]])
    out = tmp_path / "out.docx"
    proc = run_cli("render", str(tpl), str(sample("chi_tieu_2026_lao_cai.xlsx")), "-o", str(out))
    assert proc.returncode == 2, proc.stderr
    assert "doc-hai.docx" in proc.stderr and "không được phép" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not os.path.exists(MARKER) and not out.exists()


@pytest.mark.parametrize("include", [
    "{%p include '/ABS/ngoai/bimat.docx' %}",
    "{%p include '../ngoai/bimat' %}",
    "{%p include '../ngoai/bimat.docx' %}",
    "{%p include 'ngoai/../../ngoai/bimat' %}",
])
def test_includes_outside_the_folder_are_refused(outside, include):
    tpl = make_template(outside / "mau.docx", ["Đầu", include.replace("/ABS", str(outside.parent))])
    with pytest.raises(TemplateProblem) as info:
        Renderer().render_bytes(tpl, {})
    assert "mau.docx" in str(info.value)
    assert SECRET not in str(info.value)


def test_a_symlink_out_of_the_folder_is_not_followed(outside):
    (outside / "lienket.docx").symlink_to(outside.parent / "ngoai" / "bimat.docx")
    tpl = make_template(outside / "mau.docx", ["{%p include 'lienket' %}"])
    with pytest.raises(TemplateProblem) as info:
        Renderer().render_bytes(tpl, {})
    assert "lienket" in str(info.value)


def test_a_dynamic_include_outside_is_refused_at_render(outside):
    tpl = make_template(outside / "mau.docx", ["{%p include duong_dan %}"])
    with pytest.raises(TemplateProblem):
        Renderer().render_bytes(tpl, {"duong_dan": str(outside.parent / "ngoai" / "bimat.docx")})


def test_a_part_in_the_same_folder_still_works(outside):
    make_template(outside / "chung.docx", ["Phần chung {{ ten }}"])
    tpl = make_template(outside / "mau.docx", ["{%p include 'chung' %}"])
    out = outside / "kq.docx"
    Renderer().render_to_file(tpl, {"ten": "Lào Cai"}, out)
    assert "Phần chung Lào Cai" in docx_paragraphs(out)


@pytest.mark.parametrize("body, reason", [
    ("{% for i in range(10**9) %}x{% endfor %}", "số quá lớn"),
    ("{% for i in range(999999) %}x{% endfor %}", "range"),
    ("{{ 10**(10**8) }}", "số quá lớn"),
    ("{{ 9**9**9 }}", "số quá lớn"),
    ("{{ 'a' * 10**9 }}", "quá dài"),
    ("{{ [1] * 10**9 }}", "quá dài"),
    ("{{ 'x'|center(10**9) }}", "số quá lớn"),
    ("{{ 'x'.ljust(10**9) }}", "số quá lớn"),
    ("{{ '%999999999d' % 1 }}", "độ rộng"),
    ("{{ '{:>999999999}'.format(1) }}", "độ rộng"),
    ("{% set ns = namespace(s='xxxxxxxx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
     "{{ ns.s|length }}", "quá dài"),
    ("{% for i in range(99999) %}{% for j in range(99999) %}{% for k in range(99999) %}{% endfor %}"
     "{% endfor %}{% endfor %}", "giây"),
    ("{% for i in range(99999) %}{% for j in range(99999) %}xxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}",
     ("quá lớn", "giây")),  # the output bound, or on a loaded machine the time bound, stops it first
    ("{% for a in 'x' * 4000000 %}{% for b in 'x' * 4000000 %}{% endfor %}{% endfor %}", "giây"),
    ("{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", "đệ quy"),
])
def test_resource_payloads_end_in_seconds_with_a_message(tmp_path, monkeypatch, body, reason):
    import kh_excel.docs.sandbox as sandbox
    monkeypatch.setattr(sandbox, "MAX_RENDER_SECONDS", 3.0)
    tpl = make_template(tmp_path / "vong-lap.docx", [body])
    t0 = time.monotonic()
    with pytest.raises(TemplateProblem) as info:
        Renderer().render_bytes(tpl, {})
    elapsed = time.monotonic() - t0
    print(f"{body[:40]!r}: {elapsed:.2f} s")
    assert elapsed < 30  # generous: the bound is 3 s; this only catches a render that is not stopped at all
    assert "vong-lap.docx" in str(info.value)
    reasons = reason if isinstance(reason, tuple) else (reason,)
    assert any(r in str(info.value) for r in reasons), str(info.value)


def test_self_include_is_refused_before_rendering(outside):
    tpl = make_template(outside / "tu-goi.docx", ["{%p include 'tu-goi' %}"])
    with pytest.raises(TemplateProblem) as info:
        Renderer().compile(tpl)
    assert "tự gọi lại chính nó" in str(info.value)


def test_include_cycle_between_parts_is_refused(outside):
    make_template(outside / "a.docx", ["{%p include 'b' %}"])
    make_template(outside / "b.docx", ["{%p include 'a' %}"])
    tpl = make_template(outside / "mau.docx", ["{%p include 'a' %}"])
    with pytest.raises(TemplateProblem) as info:
        Renderer().compile(tpl)
    assert "tự gọi lại chính nó" in str(info.value) and "mau.docx" in str(info.value)


def test_recursive_macro_through_the_cli_is_exit_2(tmp_path):
    tpl = make_template(tmp_path / "de-quy.docx", ["{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}"])
    out = tmp_path / "out.docx"
    proc = run_cli("render", str(tpl), str(sample("chi_tieu_2026_lao_cai.xlsx")), "-o", str(out))
    assert proc.returncode == 2, proc.stderr
    assert "de-quy.docx" in proc.stderr and "đệ quy" in proc.stderr
    assert not out.exists()


@pytest.mark.parametrize("body", [PAYLOADS["self_builtins"], "{%p include '/etc/passwd' %}", "{%p include '../ngoai/bimat' %}"])
def test_batch_template_payloads_stop_the_run(outside, body):
    if os.path.exists(MARKER):
        os.remove(MARKER)
    tpl = make_template(outside / "lo-hong.docx", [body])
    out = outside / "kq"
    proc = run_cli("batch", str(sample("chi_tieu_2026_lao_cai.xlsx")), "-o", str(out), "--template", str(tpl))
    # an include is refused when the template is compiled (the run does not start: exit 2); a payload
    # met while rendering fails its item (exit 1)
    assert proc.returncode == (1 if "__" in body else 2), proc.stderr
    assert "lo-hong.docx" in proc.stderr + proc.stdout and "Traceback" not in proc.stderr
    assert SECRET not in proc.stderr + proc.stdout and "root:" not in proc.stderr + proc.stdout
    assert not os.path.exists(MARKER)
    assert not list(out.glob("*.docx")) if out.exists() else True


def test_the_time_bound_holds_outside_the_main_thread(tmp_path, monkeypatch):
    """No alarm off the main thread (the add-in's server, a writer thread): the hooks alone stop it."""
    import threading
    import kh_excel.docs.sandbox as sandbox
    monkeypatch.setattr(sandbox, "MAX_RENDER_SECONDS", 2.0)
    tpl = make_template(tmp_path / "luong.docx", ["{% for i in range(99999) %}{% for j in range(99999) %}"
                                                  "{% endfor %}{% endfor %}"])
    box = {}

    def work():
        t0 = time.monotonic()
        try:
            Renderer().render_bytes(tpl, {})
        except TemplateProblem as exc:
            box["message"] = str(exc)
        box["seconds"] = time.monotonic() - t0

    th = threading.Thread(target=work)
    th.start()
    th.join(60)
    assert not th.is_alive()
    assert "giây" in box["message"] and box["seconds"] < 30
