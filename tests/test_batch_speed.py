"""What makes a batch fast without changing a byte it writes: a workbook's rows grouped by lead
agency once for all its letters, and templates compiled once and kept on disk."""
from __future__ import annotations

import pytest

from helpers import sample
from kh_excel.batch import engine
from kh_excel.core.attainment import evaluate
from kh_excel.docs.context import build_context, group_by_agency
from kh_excel.docs.settings import example_settings_rows, settings_from_rows
from test_docs_data import make_table

EXAMPLE = settings_from_rows(example_settings_rows(2026))


@pytest.fixture(scope="module")
def lao_cai():
    att, settings = engine.read_source(str(sample("chi_tieu_2026_lao_cai.xlsx")), None, "giao-chi-tieu")
    return att, settings


def _rows(att, agency: str, grouped) -> list[int]:
    return [a.indicator.row for a in _picked(att, agency, grouped)]


def _picked(att, agency, grouped):
    from kh_excel.docs.context import _for_agency
    return _for_agency(list(att.assessments), att.table, agency, grouped)


def test_rows_grouped_once_are_the_rows_each_agency_leads(lao_cai):
    """Checked by hand against the sample's column «Cơ quan chủ trì»: spellings of one agency
    (abbreviation, «hoá»/«hóa») find the same rows."""
    att, _ = lao_cai
    grouped = group_by_agency(list(att.assessments))
    vhttdl = [21, 22]
    assert _rows(att, "Sở Văn hóa, Thể thao và Du lịch", grouped) == vhttdl
    assert _rows(att, "Sở Văn hoá, Thể thao và Du lịch", grouped) == vhttdl
    assert _rows(att, "Sở VHTTDL", grouped) == vhttdl
    assert _rows(att, "Sở Xây dựng", grouped) == [20, 29]
    assert _rows(att, "Sở Tài chính", grouped) == [8, 9, 10, 11, 12, 13, 14, 15, 16, 19, 55]
    assert _rows(att, "Ban Quản lý Khu kinh tế tỉnh", grouped) == [24]
    assert _picked(att, "Sở Y tế", grouped) == []  # leads nothing here


def test_a_sub_row_without_its_own_lead_follows_its_indicator():
    table = make_table()
    for ind in table.indicators:
        if ind.kind == "subrow":
            ind.lead = []
    att = evaluate(table)
    grouped = group_by_agency(list(att.assessments))
    # rows 8, 11, 12, 16 (lead Sở Tài chính) and 9, 10 (sub-rows of 8, no lead of their own)
    assert [a.indicator.row for a in grouped[_key("Sở Tài chính")]] == [8, 9, 10, 11, 12, 16]
    assert [a.indicator.row for a in grouped[_key("Thống kê tỉnh")]] == [12]


def _key(name: str) -> str:
    from kh_excel.core.table import agency_registry
    return agency_registry().key(name)


def test_each_letter_is_the_same_with_the_grouping_given_or_not(lao_cai):
    from kh_excel.batch.plan import lead_agencies
    att, settings = lao_cai
    grouped = group_by_agency(list(att.assessments))
    agencies = [a for a, _ in lead_agencies(att.table)]
    assert len(agencies) == 13
    for agency in agencies:
        assert build_context(att, settings, "giao-chi-tieu", agency=agency, by_agency=grouped) == \
            build_context(att, settings, "giao-chi-tieu", agency=agency)
