

def test_an_issuer_the_program_cannot_name_is_refused_naming_its_cell_as_written():
    """rev15 R15-10: «Cơ quan ban hành» = «{{ x.__class__ }}» (row 3 of the sheet): the refusal quotes the text as the
    author wrote it (not upper-cased), names the sheet's cell B3 and the rows to fill by the sheet's own labels,
    not by TOML keys alone (ten_co_quan, tham_quyen …: given beside them); nothing of the text is run."""
    import pytest as _pytest

    from kh_excel.core.attainment import evaluate
    from kh_excel.docs.context import ContextError, build_context
    from kh_excel.docs.settings import settings_from_rows
    from test_docs_data import make_table
    rows = [["Mục", "Giá trị"], ["Chung", None], ["Cơ quan ban hành", "{{ x.__class__ }} ban abc"]]
    s = settings_from_rows(rows, source="bang.xlsx › Cấu hình văn bản")
    with _pytest.raises(ContextError) as exc:
        build_context(evaluate(make_table()), s, "bao-cao")
    msg = str(exc.value)
    assert "«{{ x.__class__ }} ban abc» (mục «Cơ quan ban hành», bang.xlsx › Cấu hình văn bản, ô B3)" in msg
    assert ("«Tên cơ quan ban hành trong câu» (ten_co_quan), «Ký hiệu cơ quan ban hành» (ky_hieu_co_quan), «Thẩm "
            "quyền ký» (tham_quyen)") in msg
