"""Results of lint: one per rule, with its status, severity and the places it concerns."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

PASS, FAIL, NA, UNCHECKED = "pass", "fail", "n/a", "unchecked"
STATUS_VI = {PASS: "đạt", FAIL: "không đạt", NA: "không áp dụng", UNCHECKED: "không kiểm tra được"}
ERROR, NOTICE = "error", "notice"
SEVERITY_VI = {ERROR: "lỗi", NOTICE: "lưu ý"}


@dataclass
class Problem:
    where: str
    message: str
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    excerpt: str = ""


def at(p, message: str) -> Problem:
    """A problem located at a paragraph (its number, table cell and a text excerpt)."""
    t = re.sub(r"\s+", " ", p.text).strip()
    excerpt = t[:60] + ("…" if len(t) > 60 else "")
    c = p.cell
    return Problem(p.where(), message, p.index, c.table if c else None, c.row + 1 if c else None,
                   c.col + 1 if c else None, excerpt)


@dataclass
class RuleResult:
    id: str
    title: str
    severity: str = ERROR
    status: str = PASS
    problems: list[Problem] = field(default_factory=list)
    note: str = ""      # why not applicable / not checkable


@dataclass
class LintReport:
    file: str
    rules: list[RuleResult]
    fixed: list[str] = field(default_factory=list)      # filled by --fix
    not_fixed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed()

    def rule(self, rule_id: str) -> RuleResult:
        return next(r for r in self.rules if r.id == rule_id)

    def failed(self) -> list[str]:
        return [r.id for r in self.rules if r.status == FAIL and r.severity == ERROR]

    def notices(self) -> list[str]:
        return [r.id for r in self.rules if r.status == FAIL and r.severity == NOTICE]

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "ok": self.ok,
            "rules": [{"id": r.id, "title": r.title, "severity": r.severity,
                       # a package notice is a notice, never a failure, for a consumer filtering on status
                       "status": NOTICE if r.status == FAIL and r.severity == NOTICE else r.status,
                       "status_vi": SEVERITY_VI[NOTICE] if r.status == FAIL and r.severity == NOTICE
                       else STATUS_VI[r.status], "note": r.note,
                       "problems": [p.__dict__ for p in r.problems]} for r in self.rules],
        }

    def to_text(self) -> str:
        lines = [f"Kiểm tra thể thức (Nghị định 30/2020/NĐ-CP): {self.file}"]
        for r in self.rules:
            if r.status == PASS:
                continue
            if r.status == FAIL:
                label = "LƯU Ý" if r.severity == NOTICE else "KHÔNG ĐẠT"
            else:
                label = STATUS_VI[r.status]
            lines.append(f"[{label}] {r.id}: {r.title}" + (f" — {r.note}" if r.note else ""))
            for p in r.problems[:12]:
                lines.append(f"    • {p.where}: {p.message}")
            if len(r.problems) > 12:
                lines.append(f"    • … và {len(r.problems) - 12} chỗ khác")
        n_pass = sum(r.status == PASS for r in self.rules)
        lines.append(f"Đạt {n_pass}/{len(self.rules)} quy tắc.")
        n = len(self.failed())
        lines.append("Kết quả: đạt mọi quy tắc kiểm tra được." if n == 0 else f"Kết quả: {n} quy tắc không đạt.")
        return "\n".join(lines)


def report_json(report: LintReport) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2)
