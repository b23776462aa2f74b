"""The Jinja sandbox every template (bundled or user) is rendered in.

Templates travel between offices and are downloaded: a template must not run Python, read
files or exhaust the machine. Jinja's `ImmutableSandboxedEnvironment` refuses private
attributes (`__globals__`, `__subclasses__` …) and changes to data; on top of it this module
bounds what a template can cost: the numbers an operator may produce (`10**(10**8)`), the
length of strings and lists built by `*`, `+`, a method or a filter, the size of the output,
and the wall time of one render (a deadline checked on every attribute, call, operator and
loop step, and — in the main thread — an alarm that stops even a loop with no such step).
"""
from __future__ import annotations

import contextlib
import functools
import math
import re
import signal
import threading
import time
from typing import Any, Iterator

from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

# Bounds of one render (documented in README, «Giới hạn và an toàn»).
MAX_RENDER_SECONDS = 20.0
MAX_OUTPUT_CHARS = 64 * 1024 * 1024      # characters of XML one template part may produce
MAX_STRING = 4 * 1024 * 1024             # one string or list built inside a template
MAX_INT_BITS = 256                       # a number a template computes (2**256 is ample)
MAX_RANGE = 100_000                      # items of one range()
MAX_INT_ARG = 1_000_000                  # an integer argument of a method or filter (widths, counts)


class RenderLimit(Exception):
    """A template went past a bound; `str()` is the Vietnamese reason (the caller names the template)."""


_state = threading.local()


def _deadline() -> float | None:
    return getattr(_state, "deadline", None)


def check_time() -> None:
    d = getattr(_state, "deadline", None)
    if d is not None and time.monotonic() > d:
        raise RenderLimit(f"mẫu chạy quá {MAX_RENDER_SECONDS:.0f} giây (vòng lặp quá dài?) và đã bị dừng")


def _check_size(value: Any) -> Any:
    if isinstance(value, (str, list, tuple, bytes)) and len(value) > MAX_STRING:
        raise RenderLimit(f"mẫu tạo ra một chuỗi hoặc danh sách quá dài (hơn {MAX_STRING:,} phần tử)".replace(",", "."))
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise RenderLimit("mẫu tính ra một số quá lớn")
    return value


def _check_args(args: tuple, kwargs: dict) -> None:
    for a in (*args, *kwargs.values()):
        if isinstance(a, int) and not isinstance(a, bool) and abs(a) > MAX_INT_ARG:
            raise RenderLimit(f"mẫu gọi một hàm với số quá lớn ({a if a.bit_length() < 64 else 'rất lớn'})")


_HUGE_WIDTH = re.compile(r"\d{7,}")


def _check_format(spec: Any) -> None:
    """A format string with a width of millions (`'%999999999d'`, `'{:>999999999}'`) would allocate it."""
    if isinstance(spec, str) and _HUGE_WIDTH.search(spec):
        raise RenderLimit("mẫu dùng chuỗi định dạng với độ rộng quá lớn")


def _bounded_range(*args: int) -> Iterator[int]:
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise RenderLimit(f"vòng lặp range() quá dài ({len(rng):,} lần; tối đa {MAX_RANGE:,})".replace(",", "."))
    for i, v in enumerate(rng):
        if not i & 1023:
            check_time()
        yield v


def _guard_filter(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        check_time()
        _check_args(args[1:], kwargs)
        if fn.__name__ in ("do_format", "format"):
            _check_format(args[0] if args else None)
        return _check_size(fn(*args, **kwargs))
    return wrapper


def _power(left: Any, right: Any) -> Any:
    if isinstance(left, (int, float)) and isinstance(right, (int, float)) and not isinstance(left, bool):
        if abs(left) > 1 and right > 0:
            bits = math.log2(abs(left)) * right
            if bits > MAX_INT_BITS:
                raise RenderLimit("mẫu tính ra một số quá lớn (phép lũy thừa **)")
    return left ** right


def _times(left: Any, right: Any) -> Any:
    for seq, n in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and isinstance(n, int):
            if len(seq) * n > MAX_STRING:
                raise RenderLimit("mẫu nhân một chuỗi hoặc danh sách thành quá dài")
    return _check_size(left * right)


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with bounds on numbers, sizes and time."""

    intercepted_binops = frozenset({"**", "*", "+", "%", "//", "<<"})

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.globals["range"] = _bounded_range
        self.globals.pop("lipsum", None)  # text generator: nothing a document needs
        self.filters = {name: _guard_filter(f) for name, f in self.filters.items()}

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        check_time()
        if operator == "**":
            return _power(left, right)
        if operator == "*":
            return _times(left, right)
        if operator == "<<" and isinstance(right, int) and right > MAX_INT_BITS:
            raise RenderLimit("mẫu tính ra một số quá lớn (phép dịch bit)")
        if operator == "%" and isinstance(left, str):
            _check_format(left)
            _check_args(right if isinstance(right, tuple) else (right,), {})
        return _check_size(self.binop_table[operator](left, right))

    def getattr(self, obj: Any, attribute: str) -> Any:
        check_time()
        if isinstance(obj, str) and attribute in ("format", "format_map"):
            _check_format(obj)
        return _check_size(super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        check_time()
        return _check_size(super().getitem(obj, argument))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        check_time()
        _check_args(args, kwargs)
        if isinstance(getattr(__obj, "__self__", None), str) and getattr(__obj, "__name__", "") in ("format", "format_map"):
            _check_format(__obj.__self__)
        return _check_size(super().call(__context, __obj, *args, **kwargs))


class _Alarm(BaseException):
    """Raised by the main-thread alarm; a BaseException so a template's code cannot swallow it."""


@contextlib.contextmanager
def deadline(seconds: float | None = None) -> Iterator[None]:
    """Bound the wall time of the renders inside: the hooks above check it; in the main thread an
    interval timer also interrupts a loop that calls nothing."""
    seconds = MAX_RENDER_SECONDS if seconds is None else seconds
    outer = _deadline()
    end = time.monotonic() + seconds
    _state.deadline = end if outer is None else min(outer, end)
    use_alarm = (outer is None and hasattr(signal, "setitimer")
                 and threading.current_thread() is threading.main_thread())
    previous = None
    if use_alarm:
        def on_alarm(signum, frame):
            raise _Alarm()
        try:
            previous = signal.signal(signal.SIGALRM, on_alarm)
            signal.setitimer(signal.ITIMER_REAL, seconds + 0.5)
        except (ValueError, OSError):
            use_alarm = False
    try:
        yield
    except _Alarm:
        raise RenderLimit(f"mẫu chạy quá {MAX_RENDER_SECONDS:.0f} giây (vòng lặp quá dài?) và đã bị dừng") from None
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        _state.deadline = outer


def render_bounded(template: Any, context: dict[str, Any]) -> str:
    """template.render(context), its output size bounded and its time checked chunk by chunk."""
    parts: list[str] = []
    total = 0
    for i, chunk in enumerate(template.generate(context)):
        total += len(chunk)
        if total > MAX_OUTPUT_CHARS:
            raise RenderLimit(f"mẫu sinh ra văn bản quá lớn (hơn {MAX_OUTPUT_CHARS // (1024 * 1024)} triệu ký tự)")
        if not i & 255:
            check_time()
        parts.append(chunk)
    return "".join(parts)


__all__ = ["TemplateSandbox", "RenderLimit", "SecurityError", "deadline", "render_bounded", "check_time"]
