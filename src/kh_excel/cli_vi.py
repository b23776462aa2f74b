"""Typer's and its bundled Click's own texts in Vietnamese: usage, help panels, errors, suggestions.

Typer 0.28 ships its own copy of Click (`typer._click`) whose texts are plain English strings, while
`typer.core` and `typer.rich_utils` go through gettext. So the texts are described once here as
data and put in place at three points, only by the `kh-excel` entry point (`localise`):
- gettext's default domain answers from MESSAGES (typer.core, typer.rich_utils: panel titles,
  «[default: …]», «[required]», «Try … for help», «No such command»);
- every Click error message passes through ERRORS (phrase by phrase) when it is formatted;
- the command tree gets Vietnamese metavars (type names, argument names, [OPTIONS], COMMAND),
  the «--help» text and the usage prefix.
A file name starting with «-» that Click took for an option gets a hint to write `-- -tệp` or `./-tệp`.
"""
from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path
from typing import Any

USAGE = "Cách dùng: "
HELP_TEXT = "Hiện hướng dẫn này rồi thoát."
OPTIONS_METAVAR = "[TÙY CHỌN]"
COMMAND_METAVAR = "LỆNH [ĐỐI SỐ]..."

# gettext message ids of typer.core and typer.rich_utils.
MESSAGES = {
    "(deprecated) ": "(không còn dùng) ",
    "[default: {}]": "[mặc định: {}]",
    "[env var: {}]": "[biến môi trường: {}]",
    "[required]": "[bắt buộc]",
    "Arguments": "Đối số",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Error": "Lỗi",
    "Aborted.": "Đã dừng.",
    "Aborted!": "Đã dừng.",
    "Try [blue]'{command_path} {help_option}'[/] for help.": "Xem hướng dẫn: [blue]{command_path} {help_option}[/]",
    "(dynamic)": "(tính khi chạy)",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "required": "bắt buộc",
    "Missing command.": "Thiếu tên lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
}

# Click's error texts (typer._click), phrase by phrase, in the order they are tried.
ERRORS: tuple[tuple[str, str], ...] = (
    (r"Got unexpected extra argument\(s\) \((.*)\)", r"Thừa đối số: \1 (lệnh không nhận thêm đối số này)."),
    (r"Invalid value for (.+?): ", r"Giá trị không hợp lệ cho \1: "),
    (r"Invalid value: ", "Giá trị không hợp lệ: "),
    (r"Missing argument", "Thiếu đối số"),
    (r"Missing option", "Thiếu tùy chọn"),
    (r"Missing parameter", "Thiếu tham số"),
    (r"No such option: (\S+)", r"Không có tùy chọn \1."),
    (r"\(Possible options: (.*)\)", r"(Các tùy chọn gần giống: \1)"),
    (r"\. Did you mean (.*)\?", r". Có phải ý bạn là \1?"),
    (r"Option ('[^']*') does not take a value\.", r"Tùy chọn \1 không nhận giá trị."),
    (r"Option ('[^']*') requires an argument\.", r"Tùy chọn \1 cần một giá trị."),
    (r"Option ('[^']*') requires (\d+) arguments\.", r"Tùy chọn \1 cần \2 giá trị."),
    (r"Argument ('[^']*') takes (\d+) values\.", r"Đối số \1 cần \2 giá trị."),
    (r"Takes (\d+) values but (\d+) given\.", r"Cần \1 giá trị nhưng có \2."),
    (r"(\d+) values are required, but (\d+) given\.", r"Cần \1 giá trị nhưng có \2."),
    (r"Value must be an iterable\.", "Giá trị phải là một danh sách."),
    (r"(.+?) is not in the range (.+)\.", r"\1 nằm ngoài khoảng cho phép (\2)."),
    (r"(.+?) is not a valid boolean\. Recognized values: (.*)", r"\1 không phải giá trị có/không; dùng một trong: \2"),
    (r"(.+?) is not a valid UUID\.", r"\1 không phải UUID hợp lệ."),
    (r"(.+?) is not a valid (.+?)\.", r"\1 không phải \2 hợp lệ."),
    (r"(.+?) does not match the formats (.+)\.", r"\1 không khớp định dạng nào trong \2."),
    (r"(.+?) is not one of (.+)\.", r"\1 không thuộc: \2."),
    (r"(.+?) is not (.+)\.", r"\1 không phải \2."),
    (r"Could not open file (.+?): ", r"Không mở được tệp \1: "),
    (r"Missing command\.", "Thiếu tên lệnh."),
)
_ERRORS = tuple((re.compile(p), r) for p, r in ERRORS)

# The plain (not rich) error display, used when TYPER_USE_RICH=0.
PLAIN = (
    (r"Try '(.*)' for help\.", r"Xem hướng dẫn: \1"),
    (r"(?m)^Error: ", "Lỗi: "),
)
_PLAIN = tuple((re.compile(p), r) for p, r in PLAIN)

# Click's type names, shown as metavars (not the boolean's: typer hides flags' metavars by that name) («--tolerance <số>») and in «… is not a valid …».
TYPE_NAMES = {
    "StringParamType": "chữ", "IntParamType": "số nguyên", "IntRange": "số nguyên",
    "FloatParamType": "số", "FloatRange": "số", "DateTime": "ngày giờ",
    "File": "tệp",
}
PATH_NAME = "đường dẫn"

# Argument metavars by parameter name (a new argument needs its word here; the CLI test checks).
ARGUMENTS = {
    "file": "bảng_tính",
    "kind": "loại",
    "doc": "văn_bản",
    "inputs": "đầu_vào",
    "master": "bảng_gốc",
    "returned": "phiếu_gửi_lại",
}

# Files a person may give whose name starts with «-» (Click reads them as options).
FILE_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".docx", ".toml", ".xlam", ".csv", ".json", ".pdf")


def translate_error(text: str) -> str:
    """A Click error message in Vietnamese (phrases Click does not produce are left as they are)."""
    for pattern, repl in _ERRORS:
        text = pattern.sub(repl, text)
    return text


def _dash_file_hint(option: str) -> str:
    """Click took a file name starting with «-» for an option: say how to write it."""
    for token in sys.argv[1:]:
        if token.startswith(option) and token != "--" and (
                Path(token).suffix.lower() in FILE_SUFFIXES or Path(token).exists()):
            return (f" Nếu «{token}» là tên tệp, hãy viết «-- {token}» (mọi thứ sau «--» là tên tệp) "
                    f"hoặc «./{token}».")
    return ""


def _install_gettext() -> None:
    if getattr(gettext.dgettext, "_vi", False):
        return
    original, original_n = gettext.dgettext, gettext.dngettext

    def dgettext(domain: str, message: str) -> str:
        return MESSAGES.get(message) or original(domain, message)

    def dngettext(domain: str, singular: str, plural: str, n: int) -> str:
        return MESSAGES.get(singular if n == 1 else plural) or original_n(domain, singular, plural, n)

    dgettext._vi = True  # type: ignore[attr-defined]
    gettext.dgettext, gettext.dngettext = dgettext, dngettext
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is not None:  # imported before us: its constants were read in English
        for name in ("DEPRECATED_STRING", "DEFAULT_STRING", "ENVVAR_STRING", "REQUIRED_LONG_STRING",
                     "ARGUMENTS_PANEL_TITLE", "OPTIONS_PANEL_TITLE", "COMMANDS_PANEL_TITLE",
                     "ERRORS_PANEL_TITLE", "ABORTED_TEXT", "RICH_HELP"):
            english = getattr(rich_utils, name)
            setattr(rich_utils, name, MESSAGES.get(english, english))


def _install_click() -> None:
    from typer import exceptions as typer_exceptions
    from typer._click import exceptions, formatting, types

    for cls in (typer_exceptions.TyperException, exceptions.BadParameter, exceptions.MissingParameter,
                exceptions.NoSuchOption, exceptions.FileError):
        original = cls.__dict__.get("format_message")
        if original is None or getattr(original, "_vi", False):
            continue

        def format_message(self, _original=original) -> str:
            text = translate_error(_original(self))
            if isinstance(self, exceptions.NoSuchOption):
                text += _dash_file_hint(self.option_name)
            return text

        format_message._vi = True  # type: ignore[attr-defined]
        cls.format_message = format_message  # type: ignore[method-assign]

    for cls in (exceptions.ClickException, exceptions.UsageError):
        show = cls.__dict__.get("show")
        if show is None or getattr(show, "_vi", False):
            continue

        def vi_show(self, file=None, _show=show) -> None:
            import io
            buffer = io.StringIO()
            _show(self, buffer)
            text = buffer.getvalue()
            for pattern, repl in _PLAIN:
                text = pattern.sub(repl, text)
            (file or sys.stderr).write(text)

        vi_show._vi = True  # type: ignore[attr-defined]
        cls.show = vi_show  # type: ignore[method-assign]

    for name, vi in TYPE_NAMES.items():
        cls = getattr(types, name, None)
        if cls is not None:
            cls.name = vi

    write_usage = formatting.HelpFormatter.write_usage
    if not getattr(write_usage, "_vi", False):
        def vi_write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            write_usage(self, prog, args, USAGE if prefix is None else prefix)
        vi_write_usage._vi = True  # type: ignore[attr-defined]
        formatting.HelpFormatter.write_usage = vi_write_usage  # type: ignore[method-assign]


def _localise_tree(command: Any, parent: Any = None) -> None:
    """Metavars and the --help text of every command and sub-command."""
    from typer._click import core

    ctx = core.Context(command, info_name=command.name, parent=parent)
    command.options_metavar = OPTIONS_METAVAR
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = COMMAND_METAVAR
    help_option = command.get_help_option(ctx)
    if help_option is not None:
        help_option.help = HELP_TEXT
    for param in command.params:
        if type(param.type).__name__ in ("Path", "TyperPath"):
            param.type.name = PATH_NAME
        if param.param_type_name == "argument" and param.metavar is None and param.name in ARGUMENTS:
            param.metavar = ARGUMENTS[param.name] + ("..." if param.nargs != 1 else "")
    for sub in getattr(command, "commands", {}).values():
        _localise_tree(sub, ctx)


def localise(command: Any) -> Any:
    """Put the Vietnamese texts in place for this process and the command tree; returns the command."""
    _install_gettext()
    _install_click()
    _localise_tree(command)
    return command
