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

Every template runs in the sandbox of `kh_excel.docs.sandbox` (no Python internals, files or
commands; bounded numbers, sizes, output and time); an include is a plain part name, never a
path, and a part that includes itself is refused when the template is compiled.
"""
from __future__ import annotations

import os
import re
import struct
import xml.parsers.expat
import zlib
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta
from lxml import etree

from kh_excel.docs.sandbox import RenderLimit, SecurityError, TemplateSandbox, deadline, render_bounded
from kh_excel.errors import UserError

if TYPE_CHECKING:
    from kh_excel.docs.template_cache import DiskCache

DOCX_MAIN = "word/document.xml"
_TEMPLATED_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_XML_DECL_B = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_TAG_RE = re.compile(r"<[^>]+>")
_HAS_JINJA = re.compile(r"\{[{%#]")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TEXT_WITH_BREAKS = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*[\n\t][^<]*)</w:t>")
_DOCPR = re.compile(r"(<wp:docPr\b[^>]*?\bid=\")(\d+)(\")")

def bundled_template_dir() -> Path:
    """The bundled templates: $KH_EXCEL_TEMPLATES, the package data, or `templates/` of a checkout."""
    from kh_excel.resources import templates_dir
    return templates_dir()


def resolve_template(kind_or_path: str | os.PathLike) -> Path:
    """A bundled kind ("bao-cao", any id of docs.kinds) or a path to any .docx template."""
    from kh_excel.docs import kinds
    text = str(kind_or_path)
    kind = kinds.find(text)
    if kind is not None:
        return bundled_template_dir() / kind.template
    return Path(text)


class TemplateProblem(UserError):
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
        part = self.part
        if part and part != DOCX_MAIN and Path(part).name != Path(self.template).name:
            if part.endswith(".docx"):
                where += f" (phần dùng chung «{Path(part).stem}»)"
            else:
                where += f" (phần {part} trong tệp)"
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
    return DocxTemplate.patch_xml(_PATCHER, xml)


def _lined(patched: str) -> str:
    """One paragraph per line, so that Jinja's line numbers point at a paragraph (errors only)."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


_PATCHER = DocxTemplate.__new__(DocxTemplate)


def _read_zip(path: Path, template: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    from kh_excel.io.limits import InputRefused, guard_docx
    if not path.exists():
        raise TemplateProblem(template, f"không tìm thấy tệp {path}")
    try:
        guard_docx(path)  # size, zip bomb, CRC, file kind: before the zip is read into memory
    except InputRefused as exc:
        raise TemplateProblem(template, f"tệp {path.name}: {exc.reason}", part=str(path)) from None
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


def part_source(path: Path, template: Path | None = None, lined: bool = False) -> str:
    """The body of a part .docx (its final section properties left out), patched for Jinja."""
    entries = _read_zip(path, template or path)
    data = dict((i.filename, d) for i, d in entries)[DOCX_MAIN]
    root = _parse_xml(data, template or path, f"{path.name}/{DOCX_MAIN}")
    body = root.find(f"{_W}body")
    if body is None:
        raise TemplateProblem(template or path, f"tệp {path.name} không có nội dung", part=str(path))
    xml = "".join(etree.tostring(child, encoding="unicode") for child in body
                  if child.tag != f"{_W}sectPr")
    patched = _patch(xml)
    return _lined(patched) if lined else patched


class PartsLoader(jinja2.BaseLoader):
    """Resolves `{% include "name" %}` to `name.docx` in the search path (parts folders).

    A name is a plain file name: an absolute path, a folder, `..` or a link leading out of the
    folder is refused, so a template reads nothing but its own folder and the bundled parts."""

    def __init__(self, search_path: Iterable[Path], sources: dict[str, str] | None = None, lined: bool = False):
        self.search_path = [Path(p) for p in search_path]
        self.sources = sources if sources is not None else {}  # filename -> lined source, for error places
        self.lined = lined
        # name -> (code, path, stamp): parts compiled before (the disk cache, or the compile that
        # filled it), used while the file found for the name is that one, unchanged
        self.precompiled: dict[str, tuple[Any, str, tuple[int, int]]] = {}

    @staticmethod
    def plain_name(name: str) -> bool:
        return bool(name) and not any(c in name for c in "/\\:\x00") and name not in (".", "..") \
            and not name.startswith(".")

    def find(self, name: str) -> Path | None:
        if not isinstance(name, str) or not self.plain_name(name):
            return None
        stem = name[:-5] if name.endswith(".docx") else name
        for d in self.search_path:
            p = d / f"{stem}.docx"
            try:
                if p.is_file() and p.resolve().parent == d.resolve():
                    return p
            except OSError:
                continue
        return None

    def load(self, environment: jinja2.Environment, name: str, globals=None) -> jinja2.Template:
        pre = self.precompiled.get(name)
        if pre is not None:
            code, shown, stamp = pre
            path = Path(shown)
            try:
                same = self.find(name) == path and _stamp(path) == stamp
            except OSError:
                same = False
            if same:
                return environment.template_class.from_code(
                    environment, code, environment.make_globals(globals),
                    lambda: path.is_file() and _stamp(path) == stamp)
            self.precompiled.pop(name, None)
        return super().load(environment, name, globals)

    def get_source(self, environment: jinja2.Environment, template: str):
        path = self.find(template)
        if path is None:
            raise jinja2.TemplateNotFound(template)
        stamp = _stamp(path)
        source = part_source(path, lined=self.lined)
        if self.lined:
            self.sources[str(path)] = source
        return source, str(path), lambda: path.is_file() and _stamp(path) == stamp


def _digest(path: Path) -> str | None:
    from kh_excel.docs.template_cache import file_digest
    return file_digest(path)


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


@dataclass
class CompiledTemplate:
    path: Path
    stamp: tuple[int, int]
    entries: list[tuple[zipfile.ZipInfo, bytes]]
    templates: dict[str, jinja2.Template]       # zip part name -> compiled template (fast source)
    sources: dict[str, str]                     # filename -> lined source (for error places)
    undeclared: dict[str, set[str]] = field(default_factory=dict)  # filename -> free variables
    fix_tables: bool = False
    parts: list[Path] = field(default_factory=list)  # shared part files it includes, in order found
    lined: dict[str, jinja2.Template] = field(default_factory=dict)  # same, one paragraph a line
    static: dict[str, tuple[int, bytes, int]] = field(default_factory=dict)  # name -> (crc, deflated, size)
    known_globals: frozenset[str] = frozenset()

    @property
    def dependencies(self) -> list[Path]:
        """The template file and every part it includes: what a cache of outputs must watch."""
        return [self.path, *self.parts]


class Renderer:
    """Compiles each template file once (per modification) and renders it many times."""

    def __init__(self, parts_dirs: Iterable[Path] | None = None, disk_cache: "DiskCache | None" = None):
        """`disk_cache` (kh_excel.docs.template_cache) keeps compiled templates between runs."""
        self.extra_parts_dirs = [Path(p) for p in (parts_dirs or [])]
        self.disk = disk_cache
        self._cache: dict[Path, CompiledTemplate] = {}
        self._envs: dict[tuple, jinja2.Environment] = {}
        self._sources: dict[str, str] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------ compile
    def environment(self, template_path: Path, lined: bool = False) -> jinja2.Environment:
        """One Jinja environment per include search path: autoescape on, undefined names are errors."""
        bundled = bundled_template_dir()
        search = tuple(dict.fromkeys([template_path.parent / "parts", template_path.parent,
                                      *self.extra_parts_dirs, bundled / "parts"]))
        key = (search, lined)
        env = self._envs.get(key)
        if env is None:
            env = TemplateSandbox(loader=PartsLoader(search, self._sources, lined=lined), autoescape=True,
                                  undefined=jinja2.StrictUndefined, auto_reload=True, cache_size=400)
            self._envs[key] = env
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
        env_lined = self.environment(path, lined=True)
        entries = _read_zip(path, path)  # the input limits, cached or not
        disk_key = self._disk_key(path, env, entries) if self.disk is not None else None
        if disk_key is not None:
            compiled = self._from_disk(disk_key, path, stamp, entries, env, env_lined)
            if compiled is not None:
                with self._lock:
                    self._cache[path] = compiled
                return compiled
        codes: dict[str, tuple[Any, Any]] = {}
        includes: dict[str, Path] = {}
        templates: dict[str, jinja2.Template] = {}
        lined_templates: dict[str, jinja2.Template] = {}
        sources: dict[str, str] = {}
        undeclared: dict[str, set[str]] = {}
        static: dict[str, tuple[int, bytes, int]] = {}
        fix_tables = False
        for info, data in entries:
            root = _parse_xml(data, path, info.filename) if _TEMPLATED_PARTS.match(info.filename) else None
            xml = etree.tostring(root, encoding="unicode") if root is not None else ""
            if root is None or not _HAS_JINJA.search(xml):
                static[info.filename] = (zlib.crc32(data), _deflate(data), len(data))
                continue
            patched = _patch(xml)
            lined = _lined(patched)
            filename = f"{path}:{info.filename}"
            sources[filename] = lined
            try:
                ast = env_lined.parse(lined)
                lined_code = env_lined.compile(lined, name=info.filename, filename=filename)
                code = env.compile(patched, name=info.filename, filename=filename)
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateProblem(path, jinja_reason(exc, exc.lineno), _place(lined, exc.lineno),
                                      part=info.filename) from None
            codes[info.filename] = (code, lined_code)
            templates[info.filename] = env.template_class.from_code(env, code, env.make_globals(None), None)
            lined_templates[info.filename] = env_lined.template_class.from_code(
                env_lined, lined_code, env_lined.make_globals(None), None)
            undeclared[filename] = set(meta.find_undeclared_variables(ast))
            fix_tables = fix_tables or "{%tc" in xml or "{% tc" in xml
            self._check_includes(env_lined, ast, path, undeclared, seen=set(), chain=(path.resolve(),),
                                 found=includes)
        self._sources.update(sources)
        parts = [Path(f) for f in undeclared if not f.startswith(f"{path}:")]
        compiled = CompiledTemplate(path, stamp, entries, templates, sources, undeclared, fix_tables, parts,
                                    lined_templates, static, frozenset(env.globals))
        if disk_key is not None:
            self._to_disk(disk_key, compiled, codes, includes, env, env_lined)
        with self._lock:
            self._cache[path] = compiled
        return compiled

    # ------------------------------------------------------------ disk cache
    def _disk_key(self, path: Path, env: jinja2.Environment, entries: list[tuple[zipfile.ZipInfo, bytes]]) -> str:
        from kh_excel.docs.template_cache import content_key
        loader: PartsLoader = env.loader  # type: ignore[assignment]
        return content_key(str(path), "\0".join(map(str, loader.search_path)),
                           *(x for info, data in entries for x in (info.filename, data)))

    def _to_disk(self, key: str, compiled: CompiledTemplate, codes: dict[str, tuple[Any, Any]],
                 includes: dict[str, Path], env: jinja2.Environment, env_lined: jinja2.Environment) -> None:
        """Store what compile made; the parts are compiled here for the plain environment too, so
        that a process forked after this one renders its first document without compiling."""
        parts = []
        for name, part in includes.items():
            shown = str(part)
            lined = self._sources.get(shown)
            digest_before = _digest(part)
            try:
                code = env.compile(part_source(part), name, shown)
                lined_code = env_lined.compile(lined, name, shown) if lined is not None else None
            except (jinja2.TemplateSyntaxError, TemplateProblem):
                return
            if lined_code is None or digest_before is None or _digest(part) != digest_before:
                return  # changed while compiling: store nothing
            stamp = _stamp(part)
            env.loader.precompiled[name] = (code, shown, stamp)  # type: ignore[union-attr]
            env_lined.loader.precompiled[name] = (lined_code, shown, stamp)  # type: ignore[union-attr]
            parts.append((name, shown, digest_before, lined, code, lined_code))
        value = {"templates": codes, "sources": compiled.sources,
                 "undeclared": {k: sorted(v) for k, v in compiled.undeclared.items()},
                 "fix_tables": compiled.fix_tables, "static": compiled.static,
                 "parts": [str(p) for p in compiled.parts], "includes": parts}
        self.disk.store(key, value)  # type: ignore[union-attr]

    def _from_disk(self, key: str, path: Path, stamp: tuple[int, int], entries: list[tuple[zipfile.ZipInfo, bytes]],
                   env: jinja2.Environment, env_lined: jinja2.Environment) -> CompiledTemplate | None:
        """The compiled template from a signed entry, if every part it includes is still the file
        it was compiled from, byte for byte; None (compile afresh) otherwise."""
        import types
        value = self.disk.load(key)  # type: ignore[union-attr]
        if not isinstance(value, dict):
            return None
        try:
            loader: PartsLoader = env.loader  # type: ignore[assignment]
            for name, shown, digest, _lined, code, lined_code in value["includes"]:
                part = loader.find(name)
                if part is None or str(part) != shown or _digest(part) != digest:
                    return None
                if not isinstance(code, types.CodeType) or not isinstance(lined_code, types.CodeType):
                    return None
            templates, lined_templates = {}, {}
            for name, (code, lined_code) in value["templates"].items():
                if not isinstance(code, types.CodeType) or not isinstance(lined_code, types.CodeType):
                    return None
                templates[name] = env.template_class.from_code(env, code, env.make_globals(None), None)
                lined_templates[name] = env_lined.template_class.from_code(
                    env_lined, lined_code, env_lined.make_globals(None), None)
            static = {n: (int(c), bytes(d), int(z)) for n, (c, d, z) in value["static"].items()}
            if set(static) | set(templates) != {info.filename for info, _ in entries}:
                return None
            for name, shown, _digest_, lined, code, lined_code in value["includes"]:
                part_stamp = _stamp(Path(shown))
                env.loader.precompiled[name] = (code, shown, part_stamp)  # type: ignore[union-attr]
                env_lined.loader.precompiled[name] = (lined_code, shown, part_stamp)  # type: ignore[union-attr]
                self._sources[shown] = lined
            sources = dict(value["sources"])
            self._sources.update(sources)
            return CompiledTemplate(path, stamp, entries, templates, sources,
                                    {k: set(v) for k, v in value["undeclared"].items()}, bool(value["fix_tables"]),
                                    [Path(p) for p in value["parts"]], lined_templates, static,
                                    frozenset(env.globals))
        except (KeyError, TypeError, ValueError, OSError):
            return None

    def _check_includes(self, env: jinja2.Environment, ast, path: Path, undeclared: dict[str, set[str]],
                        seen: set[str], chain: tuple[Path, ...] = (), found: dict[str, Path] | None = None) -> None:
        """Compile every part a template includes now, so their errors show before any output;
        a part that includes itself (directly or through others) is refused here."""
        for name in meta.find_referenced_templates(ast):
            if name is None:
                continue
            loader: PartsLoader = env.loader  # type: ignore[assignment]
            part = loader.find(name)
            if part is not None and part.resolve() in chain:
                raise TemplateProblem(path, f"phần dùng chung «{name}» tự gọi lại chính nó "
                                            f"({' → '.join(p.stem for p in (*chain, part.resolve()))}); "
                                            "bỏ lệnh include vòng tròn này")
            if name in seen:
                continue
            seen.add(name)
            if part is None and not PartsLoader.plain_name(name):
                raise TemplateProblem(path, f"lệnh include «{name}» không được phép: chỉ dùng được tên một phần "
                                            "dùng chung (không đường dẫn, không «..») nằm cùng thư mục với mẫu "
                                            "hoặc trong thư mục parts có sẵn")
            if part is None:
                raise TemplateProblem(path, f"không tìm thấy phần dùng chung «{name}» "
                                            f"(tìm {name}.docx trong: {', '.join(str(d) for d in loader.search_path)})")
            try:
                env.get_template(name)
                source = self._sources[str(part)]
                sub = env.parse(source)
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateProblem(path, jinja_reason(exc, exc.lineno),
                                      _place(self._sources.get(str(part), ""), exc.lineno), part=str(part)) from None
            undeclared[str(part)] = set(meta.find_undeclared_variables(sub))
            if found is not None:
                found[name] = part
            self._check_includes(env, sub, path, undeclared, seen, (*chain, part.resolve()), found)

    # ------------------------------------------------------------ render
    def render_bytes(self, template: str | os.PathLike, context: dict[str, Any]) -> bytes:
        """The rendered .docx as bytes: Jinja, a strict XML check, and a zip of cached parts."""
        compiled = self.compile(template)
        self._check_variables(compiled, context)
        rendered: dict[str, bytes] = {}
        try:
            with deadline():
                for name, tmpl in compiled.templates.items():
                    try:
                        out = render_bounded(tmpl, context)
                    except (RenderLimit, SecurityError, RecursionError, MemoryError, OverflowError) as exc:
                        raise TemplateProblem(compiled.path, _limit_message(exc), part=name) from None
                    except UserError:
                        raise
                    except (jinja2.TemplateError,) + _TEMPLATE_MISTAKES as exc:
                        raise self._locate(compiled, name, context, exc) from None
                    rendered[name] = self._finish(compiled, name, out)
        except RenderLimit as exc:  # the deadline's alarm, wherever in the render it struck
            raise TemplateProblem(compiled.path, str(exc)) from None
        return _zip(compiled, rendered)

    def render_to_file(self, template: str | os.PathLike, context: dict[str, Any],
                       out: str | os.PathLike) -> Path:
        """Render and write `out` atomically: a temporary file renamed into place, nothing on failure."""
        from kh_excel.io.atomic import check_output, write_bytes_atomic

        compiled = self.compile(template)
        check_output(out, compiled.dependencies)  # before the work: never onto the template or a part
        return write_bytes_atomic(out, self.render_bytes(template, context), compiled.dependencies)

    def _check_variables(self, compiled: CompiledTemplate, context: dict[str, Any]) -> None:
        known = set(context)
        for filename, names in compiled.undeclared.items():
            missing = sorted(names - known - compiled.known_globals)
            if missing:
                source = compiled.sources.get(filename) or self._sources.get(filename, "")
                lineno = _first_line_using(source, missing[0])
                part = filename.split(":")[-1] if filename.startswith(str(compiled.path)) else filename
                names_vi = ", ".join(f"«{m}»" for m in missing)
                raise TemplateProblem(compiled.path, f"mẫu dùng biến không có trong dữ liệu: {names_vi}. "
                                                     f"Các biến có: {', '.join(sorted(known))}",
                                      _place(source, lineno), part=part)

    def _locate(self, compiled: CompiledTemplate, name: str, context: dict[str, Any],
                exc: jinja2.TemplateError) -> TemplateProblem:
        """Render again from the one-paragraph-a-line source, so the error names its paragraph."""
        try:
            render_bounded(compiled.lined[name], context)
        except (RenderLimit, SecurityError, RecursionError, MemoryError, OverflowError):
            return self._problem(compiled, exc, name)
        except (jinja2.TemplateError,) + _TEMPLATE_MISTAKES as lined_exc:
            return self._problem(compiled, lined_exc, name)
        return self._problem(compiled, exc, name)

    def _problem(self, compiled: CompiledTemplate, exc: BaseException, part: str) -> TemplateProblem:
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
        msg = jinja_reason(exc, lineno)
        shown_part = part
        if filename and not filename.startswith(str(compiled.path)):
            shown_part = filename
        return TemplateProblem(compiled.path, msg, _place(source, lineno), part=shown_part)

    def _finish(self, compiled: CompiledTemplate, name: str, out: str) -> bytes:
        if _CTRL.search(out):
            out = _CTRL.sub(lambda m: "\n" if m.group(0) in "\x0b\x0c" else "", out)
        if "\n" in out or "\t" in out:
            out = _TEXT_WITH_BREAKS.sub(_breaks, out)
        data = out.encode("utf-8")
        try:  # a template (not the data: it is escaped) can still produce broken XML
            xml.parsers.expat.ParserCreate().Parse(data, True)
        except xml.parsers.expat.ExpatError as exc:
            col = len(data[:_byte_offset(data, exc.lineno, exc.offset)].decode("utf-8", "replace"))
            near = _TAG_RE.sub(" ", out[max(col - 400, 0):col + 100])
            near = re.sub(r"\s+", " ", near).strip()
            raise TemplateProblem(compiled.path, f"mẫu sinh ra văn bản hỏng ({xml.parsers.expat.errors.messages[exc.code]}); "
                                                 "thường do một thẻ {% for %}/{% if %} cắt ngang bảng hoặc đoạn văn "
                                                 "— trong bảng dùng {%tr %}, quanh đoạn văn dùng {%p %}",
                                  [near[-200:]] if near else [], part=name) from None
        if compiled.fix_tables:
            root = DocxTemplate.fix_tables(_PATCHER, out)
            out = etree.tostring(root, encoding="unicode")
        if "<wp:docPr" in out:
            counter = iter(range(1001, 10 ** 9))
            out = _DOCPR.sub(lambda m: f"{m.group(1)}{next(counter)}{m.group(3)}", out)
        return _XML_DECL_B + (out.encode("utf-8") if compiled.fix_tables or "<wp:docPr" in out else data)


# Python errors a template's own expressions raise (1/0, "a" + 1, x[7], "%d"|format("x")): the
# template's mistake, not the program's, so they are reported like Jinja's own errors.
_TEMPLATE_MISTAKES: tuple[type[BaseException], ...] = (ArithmeticError, TypeError, ValueError, LookupError,
                                                      AttributeError)

_ENDTAG_RE = re.compile(r"looking for the following tags: ((?:'\w+'(?: or )?)+)")
_SYNTAX_VI: tuple[tuple[str, str], ...] = (  # Jinja's syntax message (start) → what it means
    ("unexpected end of template", "mẫu kết thúc khi một khối {% … %} còn mở"),
    ("encountered unknown tag", "thẻ {% … %} không có trong Jinja hoặc đặt sai chỗ (ví dụ {% endfor %} "
                                "không có {% for %} đi trước)"),
    ("no filter named", "bộ lọc (sau dấu |) không có"),
    ("no test named", "phép thử (sau «is») không có"),
    ("unexpected", "biểu thức hoặc thẻ viết sai: gặp một ký hiệu không đúng chỗ"),
    ("expected", "biểu thức hoặc thẻ viết sai: thiếu tên, số hoặc dấu đóng"),
)


# What a runtime error inside a template means, in the order tried (a subclass before its base).
_RUNTIME_MISTAKES = (
    (ZeroDivisionError, "mẫu chia cho 0"),
    (ArithmeticError, "mẫu tính một phép toán không làm được"),
    (TypeError, "mẫu dùng phép tính hoặc bộ lọc với dữ liệu sai kiểu (ví dụ cộng chữ với số, định dạng chữ như số)"),
    (ValueError, "mẫu đưa một giá trị không hợp lệ vào phép tính hoặc bộ lọc"),
    (LookupError, "mẫu lấy một phần tử hoặc khóa không có trong dữ liệu"),
    (AttributeError, "mẫu dùng thuộc tính không có trong dữ liệu"),
)


def jinja_reason(exc: BaseException, lineno: int | None = None) -> str:
    """What kind of mistake a template made, in Vietnamese; Jinja's English only as a quoted detail."""
    detail = getattr(exc, "message", None) or str(exc)
    detail = " ".join(str(detail).split())
    # the sources Jinja numbers have one paragraph a line, after one line of document preamble
    where = f" (đoạn văn thứ {lineno - 1} của mẫu)" if lineno and lineno > 1 else ""
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"không tìm thấy phần dùng chung «{exc.name}»"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        low = detail.lower()
        kind = next((vi for en, vi in _SYNTAX_VI if low.startswith(en)), "lỗi cú pháp trong thẻ Jinja")
        tags = _ENDTAG_RE.search(detail)
        if tags and low.startswith("unexpected end of template"):
            names = re.findall(r"'(\w+)'", tags.group(1))
            closing = [n for n in names if n.startswith("end")] or names
            kind = "thiếu " + " hoặc ".join("{% " + n + " %}" for n in closing) + " để đóng khối đã mở"
            where = ""  # Jinja names the last line read, not the block left open
        elif "no filter named" in low or "no test named" in low:
            name = re.search(r"'([^']+)'", detail)
            kind += f": «{name.group(1)}»" if name else ""
        elif tags:
            names = re.findall(r"'(\w+)'", tags.group(1))
            kind += " (chỗ này cần " + " hoặc ".join("{% " + n + " %}" for n in names) + ")"
        return f"lỗi cú pháp{where}: {kind} (chi tiết của Jinja: «{detail}»)"
    if isinstance(exc, jinja2.UndefinedError):
        m = re.search(r"has no (attribute|element) '?([^']+?)'?$", detail)
        if m and m.group(1) == "element":
            kind = f"mẫu lấy phần tử số {m.group(2)} của một danh sách không có phần tử đó"
        elif m:
            kind = f"mẫu dùng thuộc tính «{m.group(2)}» không có trong dữ liệu"
        else:
            m = re.match(r"'([^']+)' is undefined", detail)
            kind = f"mẫu dùng biến «{m.group(1)}» không có trong dữ liệu" if m else \
                "mẫu dùng biến hoặc thuộc tính không có trong dữ liệu"
        return f"{kind}{where} (chi tiết của Jinja: «{detail}»)"
    if isinstance(exc, (SecurityError, RecursionError, MemoryError, OverflowError, RenderLimit)):
        return _limit_message(exc) + where
    kind = next((text for cls, text in _RUNTIME_MISTAKES if isinstance(exc, cls)), "mẫu có lỗi khi điền dữ liệu")
    return f"{kind}{where} (chi tiết: «{type(exc).__name__}: {detail}»)"


def _limit_message(exc: BaseException) -> str:
    """Why the sandbox stopped a template, in Vietnamese."""
    if isinstance(exc, SecurityError):
        return ("mẫu dùng thao tác không được phép (truy cập thuộc tính nội bộ, gọi hàm hoặc sửa dữ liệu "
                f"— mẫu chỉ được đọc dữ liệu văn bản; chi tiết: «{exc}»)")
    if isinstance(exc, RecursionError):
        return "mẫu gọi đệ quy không dừng (một macro hoặc phần dùng chung tự gọi lại chính nó)"
    if isinstance(exc, MemoryError):
        return "mẫu cần quá nhiều bộ nhớ và đã bị dừng"
    if isinstance(exc, OverflowError):
        return "mẫu tính ra một số quá lớn"
    return str(exc)


def _byte_offset(data: bytes, lineno: int, offset: int) -> int:
    pos = 0
    for _ in range(lineno - 1):
        nxt = data.find(b"\n", pos)
        if nxt < 0:
            break
        pos = nxt + 1
    return pos + offset


def _deflate(data: bytes, level: int = 6) -> bytes:
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def _dos_time(dt: tuple) -> tuple[int, int]:
    y, mo, d, h, mi, sec = dt[:6]
    y = max(y, 1980)
    return (h << 11) | (mi << 5) | (sec // 2), ((y - 1980) << 9) | (mo << 5) | d


def _zip(compiled: CompiledTemplate, rendered: dict[str, bytes]) -> bytes:
    """Write the .docx zip: unchanged parts as deflated once at compile time, rendered ones now."""
    local, central = [], []
    offset = 0
    for info, _ in compiled.entries:
        name = info.filename.encode("utf-8")
        if info.filename in rendered:
            data = rendered[info.filename]
            crc, comp, size = zlib.crc32(data), _deflate(data), len(data)
        else:
            crc, comp, size = compiled.static[info.filename]
        t, d = _dos_time(info.date_time)
        flags = 0x800 if any(b > 127 for b in name) else 0
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, t, d, crc, len(comp), size, len(name), 0)
        local += [header, name, comp]
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, 8, t, d, crc, len(comp), size,
                                   len(name), 0, 0, 0, 0, info.external_attr, offset) + name)
        offset += len(header) + len(name) + len(comp)
    cd = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), len(cd), offset, 0)
    return b"".join(local) + cd + end


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
