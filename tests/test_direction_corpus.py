"""Every name of tests/direction_corpus.py whose direction was decided by hand gets that direction, but the ones
judged and left (each says why)."""
import re

import pytest

from direction_corpus import rows
from kh_excel.core.direction import infer_direction
from kh_excel.core.numbers import parse_target

LEFT = {
    "Số xã còn dưới 15 tiêu chí": "«còn dưới» as a burden would misread «Số xã còn …» of other rows",
    "Số giờ nộp thuế": "a time in hours or days is not always a burden («Số ngày lưu trú bình quân»)",
}
CASES = [r for r in rows() if r[3] in ("u", "d") and r[0] not in LEFT]


@pytest.mark.parametrize("name, unit, target, expected, why", CASES, ids=[c[0] for c in CASES])
def test_corpus_direction(name, unit, target, expected, why):
    got = infer_direction(name, unit, parse_target(target))
    assert got[0][0] == expected, (why, got)


QUOTED = re.compile(r"«([^»]*)»")


@pytest.mark.parametrize("name, unit, target, expected, why", rows(), ids=[c[0] for c in rows()])
def test_a_reason_quotes_the_name_as_written(name, unit, target, expected, why):
    """A word the reason quotes from the name is the name's own text, diacritics kept («không còn», never the folded
    «khong con» a reader of a signed report would take for a typing error)."""
    _, reason = infer_direction(name, unit, parse_target(target))
    if reason.startswith("tên chỉ tiêu"):
        for quoted in QUOTED.findall(reason):  # («giảm … còn»: each of its words)
            for part in quoted.split(" … "):
                assert part.lower() in " ".join(name.split()).lower(), (quoted, name)
