"""Folded words with two senses: «nghien» (nghiện: addicted / nghiên cứu: research), «giam» (giảm: to
reduce / giám sát: to supervise), «duoc» (được / dược: pharmacy). A research count judged lower-is-better
would print «Không đạt» for a province that did more research than planned."""
from decimal import Decimal

import pytest

from kh_excel.core.direction import infer_direction
from kh_excel.core.model import Target

PLAN = Target(text="10", op="=", value=Decimal(10))


@pytest.mark.parametrize("name", [
    "Số đề tài nghiên cứu khoa học cấp tỉnh",
    "Số đề tài, dự án nghiên cứu được nghiệm thu",
    "So de tai nghien cuu khoa hoc",          # typed without diacritics: the compound tells
    "Số cuộc thanh tra, giám sát",
    "So cuoc giam sat",
    "Số nhà máy nghiền đá",
    "Diện tích trồng cây dược liệu",
])
def test_other_sense_is_not_a_burden_nor_a_reduction(name):
    assert infer_direction(name, "", PLAN) == ("up", "mặc định: càng cao càng tốt")


@pytest.mark.parametrize("name, expected", [
    ("Số người nghiện ma túy", ("down", "tên chỉ tiêu nói về điều bất lợi («nghiện»): càng thấp càng tốt")),
    ("So nguoi nghien ma tuy", ("down", "tên chỉ tiêu nói về điều bất lợi («nghien»): càng thấp càng tốt")),
    ("Tỷ lệ hộ nghèo giảm", ("up", "chỉ tiêu là mức giảm: giảm càng nhiều càng tốt")),
    ("Giảm tỷ lệ sinh con thứ 3", ("up", "chỉ tiêu là mức giảm: giảm càng nhiều càng tốt")),
    ("Giam ty le ho ngheo", ("up", "chỉ tiêu là mức giảm: giảm càng nhiều càng tốt")),
    # a reduction word and a supervision word in one name: the reduction counts, as written
    ("Giám sát, kéo giảm tai nạn giao thông", ("up", "chỉ tiêu là mức giảm: giảm càng nhiều càng tốt")),
    # «giám sát» is not «giảm»: the burden word decides
    ("Số vụ vi phạm phát hiện qua giám sát", ("down", "tên chỉ tiêu nói về điều bất lợi («vi phạm»): càng thấp càng tốt")),
    ("Số người nghiện được cai nghiện", ("up", "tên chỉ tiêu nói về việc xử lý điều bất lợi («được»): càng cao càng tốt")),
    # «dược» is not «được»: a pharmacy polluting is still a burden
    ("Số cơ sở sản xuất dược gây ô nhiễm", ("down", "tên chỉ tiêu nói về điều bất lợi («ô nhiễm»): càng thấp càng tốt")),
])
def test_the_burden_and_reduction_senses_still_count(name, expected):
    assert infer_direction(name, "", PLAN) == expected


def test_a_supervision_name_is_no_reduction_in_documents():
    from kh_excel.core.model import Indicator
    from kh_excel.docs.wording import is_reduction
    ten = Target(text="10", op="=", value=Decimal(10))
    supervise = Indicator(row=5, kind="indicator", stt="1", name="Giám sát các cơ sở sản xuất", unit="cơ sở",
                          target=ten, direction="up")
    reduce = Indicator(row=6, kind="indicator", stt="2", name="Giảm tỷ lệ hộ nghèo", unit="%", target=ten,
                       direction="up")
    assert not is_reduction(supervise)
    assert is_reduction(reduce)
