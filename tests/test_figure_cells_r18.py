"""What a figure cell says (rev18 R18-9, R18-15): an estimate's bound, a unit that is a sign or a ratio."""
from __future__ import annotations

import openpyxl

from helpers import docx_paragraphs
from kh_excel.docs import wording as W
from kh_excel.docs.api import render_document


def book(path, head: list, rows: list[list], title: str = "BIỂU CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    ws.append([title])
    ws.append(head)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def doc_text(rendered) -> str:
    """The document's text, a non-breaking space read as a space."""
    return "\n".join(docx_paragraphs(rendered.docx)).replace("\u00a0", " ")


# ------------------------------------------------------------------ R18-9: an estimate's bound


def test_an_estimate_column_states_a_bound_as_an_estimate(tmp_path):
    """In «Ước thực hiện năm 2021», «Trên 20.900» is an estimate as the plain figures beside it are (baoquangngai.vn:
    «ước đạt trên 20.900 tỷ đồng»); words («Hoàn thành») keep their own verb."""
    path = book(tmp_path / "qn.xlsx", ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2021", "Ước thực hiện năm 2021",
                                       "Cơ quan chủ trì"], [
        ["1", "Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", 18033, "Trên 20.900", "Sở Tài chính"],
        ["2", "Giá trị sản xuất công nghiệp", "tỷ đồng", 127166, 120553, "Sở Công Thương"],
        ["3", "Xây dựng đề án chuyển đổi số", "Đề án", "Hoàn thành", "Hoàn thành", "Sở Thông tin"],
    ], title="CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2021")
    text = doc_text(render_document(path, "bao-cao", tmp_path / "bc.docx"))
    assert "ước thực hiện trên 20.900 tỷ đồng" in text
    assert "ước thực hiện 120.553 tỷ đồng" in text
    assert "ước hoàn thành" not in text


# ------------------------------------------------------------------ R18-15: a unit that is a sign or a ratio


def test_sign_and_ratio_units_stay_on_their_figure():
    assert W.amount("46", "/100.000") == "46/100.000"
    assert W.amount("46", "/100.000 trẻ đẻ sống") == "46/100.000 trẻ đẻ sống"
    assert W.amount("100", "% chỉ tiêu") == "100% chỉ tiêu"
    assert W.amount("10,5", "%") == "10,5%"
    assert W.amount("155.000", "Tỷ đồng") == "155.000\u00a0tỷ\u00a0đồng"  # a word unit keeps its space
