"""One error type for the messages a person reads.

Every failure the user can act on (a bad workbook, settings file, template, output, …) is a
UserError: `str()` is the finished Vietnamese message, naming file, sheet and cell where known.
Every front end shows it as it is — the CLI (cli_core.guarded, exit 2), the batch (an item's
reason), the add-in (a message box) and collect — and treats anything else as a bug
(«lỗi không mong đợi»). The older names (SettingsError, WorkbookError, …) are subclasses.
"""
from __future__ import annotations


class UserError(Exception):
    """A failure with a Vietnamese message for the user; `where` (a file, «trang …, ô …») leads it."""

    exit_code = 2  # what a command exits with when this stops it

    def __init__(self, message: str = "", where: str = ""):
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)

    @property
    def message_vi(self) -> str:
        return str(self)
