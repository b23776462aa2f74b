"""A mistake inside a user's template is one TemplateProblem: a Vietnamese sentence saying what kind
of mistake, the template's name and paragraph, Jinja's English only as a quoted detail — the same
text from render and as a batch item's reason, never «lỗi không mong đợi»."""
from __future__ import annotations

import pytest

from helpers import make_template, run_cli, sample
from kh_excel.docs.render import Renderer, TemplateProblem
from test_docs_render import context

# (paragraph 2 of the template, the Vietnamese kind expected — written from the mistake, by hand)
MISTAKES = [
    ("{{ 1/0 }}", "mẫu chia cho 0 (đoạn văn thứ 2 của mẫu) (chi tiết: «ZeroDivisionError: division by zero»)"),
    ("{{ vb.kinh_gui + 1 }}", "mẫu dùng phép tính hoặc bộ lọc với dữ liệu sai kiểu"),
    ('{{ "%d"|format("x") }}', "mẫu dùng phép tính hoặc bộ lọc với dữ liệu sai kiểu"),
    ("{{ vb.kinh_gui[7] }}", "mẫu lấy phần tử số 7 của một danh sách không có phần tử đó (đoạn văn thứ 2 của mẫu)"),
    ("{{ vb.khong_co.x }}", "mẫu dùng thuộc tính «khong_co» không có trong dữ liệu (đoạn văn thứ 2 của mẫu)"),
    ("{{ vb|khongloc }}", "lỗi cú pháp (đoạn văn thứ 2 của mẫu): bộ lọc (sau dấu |) không có: «khongloc»"),
    ("{% for x in vb.kinh_gui %}{{ x }}", "lỗi cú pháp: thiếu {% endfor %} để đóng khối đã mở"),
    ("{{ so_lieu. }}", "lỗi cú pháp (đoạn văn thứ 2 của mẫu): biểu thức hoặc thẻ viết sai"),
    ("{{ vb.__class__ }}", "mẫu dùng thao tác không được phép"),
]


@pytest.mark.parametrize("body,expected", MISTAKES)
def test_a_template_mistake_is_named_in_vietnamese(tmp_path, body, expected):
    tpl = make_template(tmp_path / "cua-toi.docx", ["Mở đầu", body, "Kết thúc"])
    with pytest.raises(TemplateProblem) as info:
        Renderer().render_to_file(tpl, context("ke-hoach"), tmp_path / "out.docx")
    first = str(info.value).splitlines()[0]
    assert first.startswith(f"Mẫu văn bản cua-toi.docx: {expected}"), first
    assert "không mong đợi" not in first
    english = first.split("chi tiết")[0]  # Jinja's/Python's words only inside the quoted detail
    for word in ("division", "expected", "Unexpected", "filter", "has no", "unsafe", "concatenate"):
        assert word not in english, first
    assert not (tmp_path / "out.docx").exists()


def test_render_and_batch_give_the_same_reason(tmp_path):
    tpl = make_template(tmp_path / "chia.docx", ["Mở đầu", "{{ 1/0 }}"])
    wb = sample("chi_tieu_2026_lao_cai.xlsx")
    render = run_cli("render", "bao-cao", str(wb), "--template", str(tpl), "-o", str(tmp_path / "x.docx"))
    assert render.returncode == 2, render.stderr
    reason = "Mẫu văn bản chia.docx: mẫu chia cho 0 (đoạn văn thứ 2 của mẫu)"
    assert reason in render.stderr and "không mong đợi" not in render.stderr
    batch = run_cli("batch", str(wb), "--template", str(tpl), "-o", str(tmp_path / "kq"))
    assert batch.returncode == 1, batch.stderr
    assert reason in batch.stdout + batch.stderr and "không mong đợi" not in batch.stdout + batch.stderr
