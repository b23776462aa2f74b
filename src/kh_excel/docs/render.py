"""Fast, safe rendering of docxtpl templates.

docxtpl re-reads the .docx, re-patches its XML and re-compiles the Jinja template on
every `render()` (PITFALLS). Here a template is read, patched (with docxtpl's own
`patch_xml`, so every docxtpl tag works: `{%p %}`, `{%tr %}`, `{{r }}` …) and compiled
once per file version; a render is then the Jinja step, a strict XML check and the zip
write. Autoescape is always on and undefined names are errors, so `&`, `<`, `>` in data
can neither corrupt a document nor vanish, and a misspelt variable is reported, not
rendered as nothing.

Shared parts: `{%p include "tieu-de" %}` in a template pulls in the body of
`parts/tieu-de.docx` (looked up next to the template first, then in the bundled
templates), patched and compiled like the template itself.
"""
from __future__ import annotations

import io
import os
import re
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta
from lxml import etree

DOCX_MAIN = "word/document.xml"
_TEMPLATED_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_TAG_RE = re.compile(r"<[^>]+>")
_HAS_JINJA = re.compile(r"\{[{%#]")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TEXT_WITH_BREAKS = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*[\n\t][^<]*)</w:t>")
_PARA_MARK = re.compile(r"\n<w:p([ >])")
_DOCPR = re.compile(r"(<wp:docPr\b[^>]*?\bid=\")(\d+)(\")")

KNOWN_KINDS = ("bao-cao", "ke-hoach", "chuong-trinh", "giao-chi-tieu")


def bundled_template_dir() -> Path:
    """The bundled templates: $KH_EXCEL_TEMPLATES, else `templates/` of the source tree."""
    env = os.environ.get("KH_EXCEL_TEMPLATES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "templates"


def resolve_template(kind_or_path: str | os.PathLike) -> Path:
    """A bundled kind ("bao-cao") or a path to any .docx template."""
    text = str(kind_or_path)
    if text in KNOWN_KINDS:
        return bundled_template_dir() / f"{text}.docx"
    return Path(text)


class TemplateProblem(Exception):
    """A template that cannot be rendered; `str()` is a Vietnamese message naming the place."""

    def __init__(self, template: str | os.PathLike, message: str, place: list[str] | None = None,
                 part: str = ""):
        self.template = str(template)
        self.message = message
        self.place = place or []
        self.part = part
        super().__init__(self.describe())

    def describe(self) -> str:
        where = f"Mẫu văn bản {Path(self.template).name}"
        if self.part and Path(self.part).name != Path(self.template).name:
            where += f" (phần «{Path(self.part).stem}»)"
        lines = [f"{where}: {self.message}"]
        if self.place:
            lines.append("Vị trí (đoạn văn quanh chỗ lỗi trong mẫu):")
            lines += [f"  {p}" for p in self.place]
        return "\n".join(lines)


def _place(source: str, lineno: int | None, marker: str = "→ ") -> list[str]:
    """The paragraphs of the patched template around `lineno` (each paragraph is one line)."""
    if not lineno:
        return []
    lines = source.splitlines()
    out = []
    for i in range(max(lineno - 3, 1), min(lineno + 2, len(lines)) + 1):
        text = _TAG_RE.sub("", lines[i - 1]).strip()
        if not text:
            continue
        out.append(("→ " if i == lineno else "  ") + text[:200])
    return out


def _patch(xml: str) -> str:
    """docxtpl's own template clean-up (tags split across runs, {%p %}, {%tr %} …)."""
    patched = DocxTemplate.patch_xml(_PATCHER, xml)
    # one paragraph per line, so that Jinja's line numbers point at a paragraph
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


_PATCHER = DocxTemplate.__new__(DocxTemplate)


def _read_zip(path: Path, template: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    try:
        with zipfile.ZipFile(path) as z:
            entries = [(info, z.read(info.filename)) for info in z.infolist()]
    except FileNotFoundError:
        raise TemplateProblem(template, f"không tìm thấy tệp {path}") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise TemplateProblem(template, f"tệp {path.name} không phải là tệp .docx hợp lệ ({exc})",
                              part=str(path)) from None
    if not any(info.filename == DOCX_MAIN for info, _ in entries):
        raise TemplateProblem(template, f"tệp {path.name} không phải là tệp .docx (thiếu {DOCX_MAIN})",
                              part=str(path))
    return entries


def _parse_xml(data: bytes, template: Path, part: str) -> etree._Element:
    try:
        return etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise TemplateProblem(template, f"phần {part} của tệp .docx bị hỏng ({exc})", part=part) from None


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def part_source(path: Path, template: Path | None = None) -> str:
    """The body of a part .docx (its final section properties left out), patched for Jinja."""
    entries = _read_zip(path, template or path)
    data = dict((i.filename, d) for i, d in entries)[DOCX_MAIN]
    root = _parse_xml(data, template or path, f"{path.name}/{DOCX_MAIN}")
    body = root.find(f"{_W}body")
    if body is None:
        raise TemplateProblem(template or path, f"tệp {path.name} không có nội dung", part=str(path))
    xml = "".join(etree.tostring(child, encoding="unicode") for child in body
                  if child.tag != f"{_W}sectPr")
    return _patch(xml)


class PartsLoader(jinja2.BaseLoader):
    """Resolves `{% include "name" %}` to `name.docx` in the search path (parts folders)."""

    def __init__(self, search_path: Iterable[Path], sources: dict[str, str]):
        self.search_path = [Path(p) for p in search_path]
        self.sources = sources  # filename -> patched source, for error places

    def find(self, name: str) -> Path | None:
        stem = name[:-5] if name.endswith(".docx") else name
        for d in self.search_path:
            p = d / f"{stem}.docx"
            if p.is_file():
                return p
        return None

    def get_source(self, environment: jinja2.Environment, template: str):
        path = self.find(template)
        if path is None:
            raise jinja2.TemplateNotFound(template)
        stamp = _stamp(path)
        source = part_source(path)
        self.sources[str(path)] = source
        return source, str(path), lambda: path.is_file() and _stamp(path) == stamp


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


@dataclass
class CompiledTemplate:
    path: Path
    stamp: tuple[int, int]
    entries: list[tuple[zipfile.ZipInfo, bytes]]
    templates: dict[str, jinja2.Template]       # zip part name -> compiled template
    sources: dict[str, str]                     # filename -> patched source (for error places)
    undeclared: dict[str, set[str]] = field(default_factory=dict)  # filename -> free variables
    fix_tables: bool = False
    parts: list[Path] = field(default_factory=list)  # shared part files it includes, in order found

    @property
    def dependencies(self) -> list[Path]:
        """The template file and every part it includes: what a cache of outputs must watch."""
        return [self.path, *self.parts]


class Renderer:
    """Compiles each template file once (per modification) and renders it many times."""

    def __init__(self, parts_dirs: Iterable[Path] | None = None):
        self.extra_parts_dirs = [Path(p) for p in (parts_dirs or [])]
        self._cache: dict[Path, CompiledTemplate] = {}
        self._envs: dict[tuple[Path, ...], jinja2.Environment] = {}
        self._sources: dict[str, str] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------ compile
    def environment(self, template_path: Path) -> jinja2.Environment:
        bundled = bundled_template_dir()
        search = tuple(dict.fromkeys([template_path.parent / "parts", template_path.parent,
                                      *self.extra_parts_dirs, bundled / "parts"]))
        env = self._envs.get(search)
        if env is None:
            env = jinja2.Environment(loader=PartsLoader(search, self._sources), autoescape=True,
                                     undefined=jinja2.StrictUndefined, auto_reload=True, cache_size=400)
            self._envs[search] = env
        return env

    def compile(self, template: str | os.PathLike) -> CompiledTemplate:
        path = Path(template).resolve() if Path(template).exists() else Path(template)
        try:
            stamp = _stamp(path)
        except FileNotFoundError:
            raise TemplateProblem(template, f"không tìm thấy tệp mẫu {template}") from None
        with self._lock:
            cached = self._cache.get(path)
            if cached is not None and cached.stamp == stamp:
                return cached
        env = self.environment(path)
        entries = _read_zip(path, path)
        templates: dict[str, jinja2.Template] = {}
        sources: dict[str, str] = {}
        undeclared: dict[str, set[str]] = {}
        fix_tables = False
        for info, data in entries:
            if not _TEMPLATED_PARTS.match(info.filename):
                continue
            root = _parse_xml(data, path, info.filename)
            xml = etree.tostring(root, encoding="unicode")
            if not _HAS_JINJA.search(xml):
                continue
            source = _patch(xml)
            filename = f"{path}:{info.filename}"
            sources[filename] = source
            try:
                code = env.compile(source, name=info.filename, filename=filename)
                ast = env.parse(source)
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateProblem(path, f"lỗi cú pháp Jinja: {exc.message}", _place(source, exc.lineno),
                                      part=info.filename) from None
            templates[info.filename] = env.template_class.from_code(env, code, env.make_globals(None), None)
            undeclared[filename] = set(meta.find_undeclared_variables(ast))
            fix_tables = fix_tables or "{%tc" in xml or "{% tc" in xml
            self._check_includes(env, ast, path, undeclared, seen=set())
        self._sources.update(sources)
        parts = [Path(f) for f in undeclared if not f.startswith(f"{path}:")]
        compiled = CompiledTemplate(path, stamp, entries, templates, sources, undeclared, fix_tables, parts)
        with self._lock:
            self._cache[path] = compiled
        return compiled

    def _check_includes(self, env: jinja2.Environment, ast, path: Path, undeclared: dict[str, set[str]],
                        seen: set[str]) -> None:
        """Compile every part a template includes now, so their errors show before any output."""
        for name in meta.find_referenced_templates(ast):
            if name is None or name in seen:
                continue
            seen.add(name)
            loader: PartsLoader = env.loader  # type: ignore[assignment]
            part = loader.find(name)
            if part is None:
                raise TemplateProblem(path, f"không tìm thấy phần dùng chung «{name}» "
                                            f"(tìm {name}.docx trong: {', '.join(str(d) for d in loader.search_path)})")
            try:
                env.get_template(name)
                source = self._sources[str(part)]
                sub = env.parse(source)
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateProblem(path, f"lỗi cú pháp Jinja: {exc.message}",
                                      _place(self._sources.get(str(part), ""), exc.lineno), part=str(part)) from None
            undeclared[str(part)] = set(meta.find_undeclared_variables(sub))
            self._check_includes(env, sub, path, undeclared, seen)

    # ------------------------------------------------------------ render
    def render_bytes(self, template: str | os.PathLike, context: dict[str, Any]) -> bytes:
        compiled = self.compile(template)
        self._check_variables(compiled, context)
        rendered: dict[str, bytes] = {}
        for name, tmpl in compiled.templates.items():
            try:
                out = tmpl.render(context)
            except jinja2.TemplateError as exc:
                raise self._problem(compiled, exc, name) from None
            rendered[name] = self._finish(compiled, name, out)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for info, data in compiled.entries:
                zi = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = info.external_attr
                z.writestr(zi, rendered.get(info.filename, data))
        return buf.getvalue()

    def render_to_file(self, template: str | os.PathLike, context: dict[str, Any],
                       out: str | os.PathLike) -> Path:
        """Render and write `out` atomically: a temporary file renamed into place, nothing on failure."""
        from kh_excel.io.atomic import write_bytes_atomic

        data = self.render_bytes(template, context)
        return write_bytes_atomic(out, data)

    def _check_variables(self, compiled: CompiledTemplate, context: dict[str, Any]) -> None:
        known = set(context)
        for filename, names in compiled.undeclared.items():
            env_globals = set(self.environment(compiled.path).globals)
            missing = sorted(names - known - env_globals)
            if missing:
                source = compiled.sources.get(filename) or self._sources.get(filename, "")
                lineno = _first_line_using(source, missing[0])
                part = filename.split(":")[-1] if filename.startswith(str(compiled.path)) else filename
                names_vi = ", ".join(f"«{m}»" for m in missing)
                raise TemplateProblem(compiled.path, f"mẫu dùng biến không có trong dữ liệu: {names_vi}. "
                                                     f"Các biến có: {', '.join(sorted(known))}",
                                      _place(source, lineno), part=part)

    def _problem(self, compiled: CompiledTemplate, exc: jinja2.TemplateError, part: str) -> TemplateProblem:
        filename, lineno = None, getattr(exc, "lineno", None)
        if isinstance(exc, jinja2.TemplateSyntaxError):
            filename = exc.filename
        tb = exc.__traceback__
        all_sources = {**self._sources, **compiled.sources}
        while tb is not None:
            fn = tb.tb_frame.f_code.co_filename
            if fn in all_sources:
                filename, lineno = fn, tb.tb_lineno
            tb = tb.tb_next
        source = all_sources.get(filename or "", "")
        if isinstance(exc, jinja2.UndefinedError):
            msg = f"biến hoặc thuộc tính không có trong dữ liệu ({exc.message})"
        elif isinstance(exc, jinja2.TemplateNotFound):
            msg = f"không tìm thấy phần dùng chung «{exc.name}»"
        elif isinstance(exc, jinja2.TemplateSyntaxError):
            msg = f"lỗi cú pháp Jinja: {exc.message}"
        else:
            msg = f"lỗi khi điền mẫu: {exc}"
        shown_part = part
        if filename and not filename.startswith(str(compiled.path)):
            shown_part = filename
        return TemplateProblem(compiled.path, msg, _place(source, lineno), part=shown_part)

    def _finish(self, compiled: CompiledTemplate, name: str, out: str) -> bytes:
        out = _PARA_MARK.sub(r"<w:p\1", out)
        if _CTRL.search(out):
            out = _CTRL.sub(lambda m: "\n" if m.group(0) in "\x0b\x0c" else "", out)
        out = _TEXT_WITH_BREAKS.sub(_breaks, out)
        try:
            root = etree.fromstring(out.encode("utf-8"), parser=etree.XMLParser(huge_tree=True))
        except etree.XMLSyntaxError as exc:
            col = exc.position[1] if exc.position else 0
            near = _TAG_RE.sub(" ", out[max(col - 400, 0):col + 100])
            near = re.sub(r"\s+", " ", near).strip()
            raise TemplateProblem(compiled.path, f"mẫu sinh ra văn bản hỏng ({exc.msg}); thường do một thẻ "
                                                 "{% for %}/{% if %} cắt ngang bảng hoặc đoạn văn — trong bảng "
                                                 "dùng {%tr %}, quanh đoạn văn dùng {%p %}",
                                  [near[-200:]] if near else [], part=name) from None
        if compiled.fix_tables:
            root = DocxTemplate.fix_tables(_PATCHER, etree.tostring(root, encoding="unicode"))
            out = etree.tostring(root, encoding="unicode")
        if "<wp:docPr" in out:
            counter = iter(range(1001, 10 ** 9))
            out = _DOCPR.sub(lambda m: f"{m.group(1)}{next(counter)}{m.group(3)}", out)
        return (_XML_DECL + out).encode("utf-8")


def _breaks(m: re.Match) -> str:
    text = m.group(1).replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
    text = text.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
    return f'<w:t xml:space="preserve">{text}</w:t>'


def _first_line_using(source: str, name: str) -> int | None:
    pat = re.compile(r"(\{\{|\{%)[^}%]*\b" + re.escape(name) + r"\b")
    for i, line in enumerate(source.splitlines(), start=1):
        if pat.search(line):
            return i
    return None


_DEFAULT: Renderer | None = None


def default_renderer() -> Renderer:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Renderer()
    return _DEFAULT


def render_docx(template: str | os.PathLike, context: dict[str, Any], out: str | os.PathLike) -> Path:
    """Render a template (bundled kind or path) with `context` into `out`, atomically."""
    return default_renderer().render_to_file(resolve_template(template), context, out)
