"""`kh-excel lint`: check any .docx against the machine-checkable rules of nd30.md.

The document is read once (reader), its parts are found once (parts), then every
rule of `rules.RULES` — a small pure function over those parts — gives its result:
passed, failed (with the places), not applicable or not checkable (saying why).
`fix` writes a copy with the safe fixes applied.
"""
from __future__ import annotations

from pathlib import Path

from kh_excel.docs.lint.parts import Parts, find_parts
from kh_excel.docs.lint.reader import Docx, LintError
from kh_excel.docs.lint.report import FAIL, LintReport, RuleResult, report_json
from kh_excel.docs.lint.rules import RULES, Skip, layout_skip

__all__ = ["RULES", "LintError", "LintReport", "RuleResult", "lint_docx", "lint_parts", "report_json"]


def lint_parts(parts: Parts, file: str) -> LintReport:
    results = []
    for rule in RULES:
        out = layout_skip(parts, rule.id) or rule.check(parts)
        res = RuleResult(rule.id, rule.title, rule.severity)
        if isinstance(out, Skip):
            res.status, res.note = out.status, out.note
        elif out:
            res.status, res.problems = FAIL, list(out)
        results.append(res)
    return LintReport(file, results)


def lint_docx(path: str | Path) -> LintReport:
    """Check one .docx; raises LintError when it is not a readable .docx."""
    return lint_parts(find_parts(Docx(path)), str(path))
