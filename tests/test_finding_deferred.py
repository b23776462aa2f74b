"""A Finding whose message is made when first read (model.DeferredText, as validate's checker builds them)
is the same Finding as one given the text at once: fields, equality both ways, repr, JSON, copies,
replace, asdict and pickles, read first or not."""
from __future__ import annotations

import copy
import dataclasses
import pickle

from hypothesis import given, settings, strategies as st

from kh_excel.core import validation as V
from kh_excel.core.model import DeferredText, Finding

CODES = sorted(V.CATALOGUE)
VALUES = st.one_of(st.text(max_size=30), st.integers(-10, 10**6), st.sampled_from(["  a  b ", "a\u0301", "x\ny", ""]))


@st.composite
def findings(draw) -> tuple[Finding, Finding]:
    """(eager, deferred): one finding built both ways, with every param its template names."""
    code = draw(st.sampled_from(CODES))
    ft = V.CATALOGUE[code]
    names = {name for _, name, _, _ in __import__("string").Formatter().parse(ft.template) if name}
    params = {name: draw(VALUES) for name in sorted(names)}
    params.update(draw(st.dictionaries(st.sampled_from(["extra", "column"]), VALUES, max_size=2)))
    row = draw(st.one_of(st.none(), st.integers(1, 10**5)))
    head = (code, ft.severity, draw(st.text(max_size=8)), draw(st.text(max_size=6)), row, draw(st.text(max_size=12)))
    eager = Finding(*head, V.vtext.clean(ft.template.format_map(params)), dict(params))
    deferred = Finding(*head, DeferredText(V._message_text, ft.template, params), params)
    return eager, deferred


@settings(max_examples=300, deadline=None)
@given(findings(), st.sampled_from(["eq", "req", "repr", "json", "copy", "deepcopy", "pickle", "replace", "asdict",
                                    "message", "tuple"]))
def test_deferred_message_is_the_eager_one(pair, first):
    eager, deferred = pair
    # whatever is read first, the finding is the eager one
    if first == "eq":
        assert deferred == eager
    elif first == "req":
        assert eager == deferred
    elif first == "repr":
        assert repr(deferred) == repr(eager)
    elif first == "json":
        assert deferred.to_json() == eager.to_json()
    elif first == "copy":
        assert copy.copy(deferred) == eager
    elif first == "deepcopy":
        assert copy.deepcopy(deferred) == eager
    elif first == "pickle":
        back = pickle.loads(pickle.dumps(deferred))
        assert back == eager and type(dataclasses.fields(back)) is tuple and type(back.message) is str
    elif first == "replace":
        assert dataclasses.replace(deferred) == eager
    elif first == "asdict":
        assert dataclasses.asdict(deferred) == dataclasses.asdict(eager)
    elif first == "tuple":
        assert dataclasses.astuple(deferred) == dataclasses.astuple(eager)
    else:
        assert type(deferred.message) is str and deferred.message == eager.message
    assert type(deferred.message) is str
    assert deferred == eager and repr(deferred) == repr(eager) and deferred.to_json() == eager.to_json()


def test_a_message_set_later_is_kept():
    f = Finding("excel_error", "error", "S", "A1", 1, "x", DeferredText(str, "made"), {})
    f.message = "set"
    assert f.message == "set"
    assert Finding("a", "error", "S", "", None, "", "plain").message == "plain"
