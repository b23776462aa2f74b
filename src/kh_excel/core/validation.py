"""Validation of the indicator table (SPEC §5) as a catalogue of finding types.

Each type has a stable code, a severity, a Vietnamese title and a message
template (the model is frictionless-py's error catalogue). `validate(table)`
runs every check and never changes the data.
"""
from __future__ import annotations

import re

import datetime as _dt
from collections import Counter, defaultdict
from itertools import compress, count, repeat
from heapq import nsmallest
from operator import attrgetter, contains, is_not, methodcaller, not_
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal
from typing import AbstractSet, Any, Container, Iterable, Literal, cast

from kh_excel.core import text as vtext
from kh_excel.core.attainment import change_words, index_against_rise, plan_typed_as_index, rate_typed_as_index
from kh_excel.core.attainment import PART_MARKS
from kh_excel.core.attainment import part_headings as _part_headings  # (its name where the tests import it)
from kh_excel.core.direction import SHARE_PREFIXES, is_rank
from kh_excel.core.gate import NUMBER_ROLES
from kh_excel.core.model import (DeferredText, ErrorValue, Finding, Indicator, Table, Target, without_gc,
                                 zero_means_unfilled)
from kh_excel.core.numbers import (_quantize, far_ratio, format_number, magnitude_written, parse_number, parse_target_ex,
                                   rescales, to_decimal)
from kh_excel.core.table import COUNT_OF_TOTAL, rank_of_total, structure_parts


@dataclass(frozen=True)
class FindingType:
    code: str
    severity: Literal["error", "warning"]
    title: str
    template: str  # str.format template over the finding's params

    def message(self, **params: Any) -> str:
        return self.template.format(**params)


CATALOGUE: dict[str, FindingType] = {t.code: t for t in (
    FindingType("not_a_number", "error", "Không phải số",
                "Ô {cell} ({column}) ghi «{value}»: không phải là số hay biểu thức mục tiêu hợp lệ. Hãy nhập một số (ví dụ 11.650 hoặc 14,97), bỏ chữ và đơn vị ra khỏi ô."),
    FindingType("date_in_number_cell", "error", "Ngày tháng trong ô số liệu",
                "Ô {cell} ({column}) chứa ngày tháng {value} chứ không phải một số: Excel thường tự đổi số gõ có dấu chấm hoặc gạch chéo (như 1.5 hay 1/5) thành ngày. Hãy định dạng ô là Số (Number) rồi nhập lại số liệu (ví dụ 1,5)."),
    FindingType("excel_error", "error", "Giá trị lỗi của Excel",
                "Ô {cell} ({column}) có giá trị lỗi {value}: hãy sửa công thức hoặc nhập số liệu."),
    FindingType("share_out_of_range", "error", "Tỷ lệ ngoài khoảng 0–100",
                "Ô {cell} ({column}) là tỷ lệ phần trăm nhưng có giá trị {value}, ngoài khoảng 0–100%."),
    FindingType("share_above_hundred", "warning", "Tỷ lệ huy động vượt 100%",
                "Ô {cell} ({column}) ghi {value}%: tỷ lệ huy động, nhập học vượt 100% khi có người học từ nơi khác đến; hãy kiểm tra lại số liệu."),
    FindingType("structure_sum", "error", "Cơ cấu không cộng đủ 100%",
                "Cơ cấu «{structure}» ({column}, các ô {cells}) cộng lại được {total}%, không bằng 100% (cho phép sai lệch ±0,1).{hint}"),
    FindingType("missing_target", "error", "Thiếu chỉ tiêu kế hoạch",
                "Chỉ tiêu «{indicator}» chưa có số kế hoạch ở ô {cell}."),
    FindingType("missing_target_qualitative", "warning", "Chỉ tiêu định tính không có số kế hoạch",
                "Chỉ tiêu «{indicator}» không có số kế hoạch ở ô {cell}; chỉ tiêu này là định tính nên sẽ không được đánh giá bằng số."),
    FindingType("result_without_plan", "warning", "Chỉ tiêu theo dõi, không có số kế hoạch",
                "Chỉ tiêu «{indicator}» có số thực hiện nhưng không có số kế hoạch ở ô {cell}: báo cáo kết quả nêu số "
                "thực hiện kèm «không có số kế hoạch», không đánh giá đạt hay không đạt; văn bản kế hoạch không nêu chỉ "
                "tiêu này. Nếu chỉ tiêu có kế hoạch, hãy ghi số kế hoạch vào ô {cell}."),
    FindingType("result_without_plan_of_period", "warning", "Chỉ tiêu theo dõi, chưa có số của kỳ",
                "Chỉ tiêu «{indicator}» không có số kế hoạch ở ô {cell} và chưa có số thực hiện của kỳ đang đọc, chỉ "
                "có số ở {others}: báo cáo kỳ này ghi chỉ tiêu «chưa có số liệu», không đánh giá đạt hay không đạt; "
                "văn bản kế hoạch không nêu chỉ tiêu này. Nếu chỉ tiêu có kế hoạch, hãy ghi số kế hoạch vào ô {cell}."),
    FindingType("other_year_rows", "warning", "Dòng chỉ có số liệu của năm khác",
                "{count} dòng ({rows}: {names}) để trống {columns}, chỉ có số liệu ở {others}: các dòng này không phải "
                "chỉ tiêu của kỳ «{label}» nên không được đánh giá và không đưa vào văn bản lập theo kỳ này. Nếu là "
                "chỉ tiêu của kỳ này, hãy ghi số kế hoạch vào cột {col} của dòng đó."),
    FindingType("missing_unit", "error", "Thiếu đơn vị tính",
                "Chỉ tiêu «{indicator}» chưa có đơn vị tính ở ô {cell}."),
    FindingType("missing_unit_qualitative", "warning", "Chỉ tiêu định tính không có đơn vị tính",
                "Chỉ tiêu định tính «{indicator}» không có đơn vị tính ở ô {cell}."),
    FindingType("missing_lead", "error", "Thiếu cơ quan chủ trì",
                "Chỉ tiêu «{indicator}» chưa có cơ quan chủ trì ở ô {cell}."),
    FindingType("duplicate_stt", "error", "Số thứ tự bị trùng",
                "Số thứ tự {stt} ở ô {cell} trùng với chỉ tiêu ở dòng {other_row}."),
    FindingType("skipped_stt", "warning", "Số thứ tự bị bỏ sót",
                "Sau số thứ tự {previous} là {stt} (ô {cell}): thiếu {missing}."),
    FindingType("result_pending", "warning", "Chưa có số thực hiện",
                "Ô {cell} (Thực hiện) ghi «{value}»: chương trình coi là chưa có số thực hiện (trạng thái «Chưa có số "
                "liệu»). Khi đã có số thực hiện chính thức, hãy ghi số vào ô {cell}."),
    FindingType("result_expression", "warning", "Số thực hiện ghi bằng biểu thức",
                "Ô {cell} (Thực hiện) ghi «{value}»: chương trình đọc là {reading}."),
    FindingType("stretch_target", "warning", "Chỉ tiêu kèm mức phấn đấu",
                "Ô {cell} (Kế hoạch) ghi «{value}»: chương trình đánh giá theo chỉ tiêu {base}; mức phấn đấu {stretch} "
                "được ghi nguyên văn trong văn bản nhưng không được đánh giá."),
    FindingType("previous_expression", "warning", "Số thực hiện năm trước ghi bằng biểu thức",
                "Ô {cell} (Thực hiện năm trước) ghi «{value}»: chương trình đọc là {reading}."),
    FindingType("shown_rounded", "warning", "Ô hiển thị số làm tròn",
                "Ô {cell} ({column}) hiển thị {shown} nhưng giá trị trong ô là {value}; chương trình đánh giá, cộng cơ "
                "cấu và tính tỷ lệ, mức tăng, giảm theo giá trị trong ô{printed}. Hãy định dạng ô hiển thị đủ chữ số "
                "thập phân, hoặc nhập lại đúng số muốn ghi."),
    FindingType("figure_scaled", "warning", "Số kèm chữ nghìn, triệu, tỷ",
                "Ô {cell} ({column}) ghi «{value}»: chương trình đọc là {reading} theo đơn vị tính «{unit}» của dòng để "
                "so sánh và đánh giá; văn bản ghi như ô. Hãy kiểm tra cách đọc này."),
    FindingType("scale_not_unit", "warning", "Số kèm chữ nghìn, triệu, tỷ không hợp đơn vị tính",
                "Ô {cell} ({column}) ghi «{value}»: chữ nghìn, triệu, tỷ trong ô không quy được về đơn vị tính "
                "«{unit}» của dòng nên chỉ tiêu được coi là ghi bằng chữ: văn bản ghi nguyên văn, không đánh giá bằng "
                "số. Muốn đánh giá, hãy ghi số theo đơn vị tính của dòng (ví dụ 8.000.000 khi đơn vị tính là «Lượt "
                "khách», 8 khi là «Triệu lượt»)."),
    FindingType("number_as_text", "warning", "Số lưu dạng văn bản",
                "Ô {cell} ({column}) lưu số «{value}» dưới dạng văn bản; chương trình đọc là {reading}. Nên nhập lại dạng số."),
    FindingType("count_of_total", "warning", "Số trên tổng số",
                "Ô {cell} ({column}) ghi «{value}»: chương trình đọc là {reading} (trên tổng số {total}) để so sánh và "
                "đánh giá; phụ lục ghi như ô. Hãy kiểm tra cách đọc này."),
    FindingType("rank_of_total", "warning", "Thứ hạng trên tổng số",
                "Ô {cell} ({column}) ghi «{value}»: chương trình đọc là hạng {reading} trong {total} (hạng càng nhỏ "
                "càng tốt) để so sánh và đánh giá; phụ lục ghi như ô. Hãy kiểm tra cách đọc này."),
    FindingType("ambiguous_decimal", "warning", "Dấu thập phân không rõ",
                "Ô {cell} ({column}): {note}"),
    FindingType("result_far_off", "warning", "Số thực hiện chênh lệch bất thường",
                "Ô {cell}: số thực hiện {result} bằng {ratio}% kế hoạch {target}; có thể nhập sai đơn vị (ví dụ đồng thay cho tỷ đồng)."),
    FindingType("result_as_index", "warning", "Tốc độ tăng ghi dạng chỉ số",
                "Ô {cell}: «{indicator}» là tốc độ tăng, kế hoạch «{plan}», nhưng số thực hiện {result}% gần 100: "
                "chương trình đọc là chỉ số (năm trước = 100), tức {change} so với năm trước, và đánh giá theo mức "
                "tăng đó. Nếu tốc độ tăng thật là {result}%, hãy ghi «Tăng {result}%» vào ô {cell}."),
    FindingType("result_zero", "warning", "Số thực hiện bằng 0",
                "Ô {cell}: số thực hiện bằng 0 trong khi kế hoạch là {target}; chương trình coi là chưa có số liệu (thường là ô chưa nhập hoặc công thức cộng các ô trống). Hãy nhập số thực hiện."),
    FindingType("nfd_text", "warning", "Văn bản Unicode tổ hợp (NFD)",
                "Ô {cell} ({column}) dùng Unicode tổ hợp (dấu tách rời khỏi chữ); chương trình đã chuẩn hóa sang dạng dựng sẵn (NFC). Nên gõ lại bằng Unicode dựng sẵn."),
    FindingType("stray_whitespace", "warning", "Khoảng trắng thừa",
                "Ô {cell} ({column}) có khoảng trắng hoặc xuống dòng thừa: «{value}»."),
    FindingType("legacy_encoding", "warning", "Văn bản mã cũ (TCVN3/VNI)",
                "Ô {cell} ({column}) {encoding} («{value}»); chương trình đọc là «{converted}». Nên chuyển sang Unicode."),
    FindingType("growth_target", "warning", "Mục tiêu là mức tăng/giảm (%)",
                "Ô {cell}: mục tiêu «{value}» là mức tăng/giảm (%) trong khi đơn vị tính là «{unit}»; {how}"),
    FindingType("direction_unclear", "warning", "Chưa rõ chiều đánh giá",
                "Ô {cell}: dòng «{indicator}» không được đánh giá: {why}. Hãy thêm cột «Chiều» và ghi {how}."),
    FindingType("header_incomplete", "warning", "Thiếu cột trong tiêu đề bảng",
                "Tiêu đề bảng (dòng {row}) có các cột: {found}; không tìm thấy cột: {missing}."),
    FindingType("inconsistent_spelling", "warning", "Cùng một tên viết hai cách",
                "Ô {cell} ({column}) ghi «{value}», trong khi cột này ở nơi khác ghi «{other}» ({other_cells}): nên thống nhất một cách viết."),
    FindingType("agency_abbreviated", "warning", "Tên cơ quan viết tắt chưa nhận ra",
                "Ô {cell} ({column}) ghi «{value}»: tên viết tắt này không có trong danh mục cơ quan nên văn bản sẽ in nguyên như vậy{elsewhere}. Hãy ghi tên đầy đủ của cơ quan (hoặc thêm tên vào danh mục cơ quan)."),
    FindingType("roman_indicator", "warning", "Số La Mã trên dòng chỉ tiêu",
                "Ô {cell} ghi số La Mã «{stt}» nhưng dòng này có đơn vị tính, kế hoạch hoặc cơ quan chủ trì: chương trình coi đây là một chỉ tiêu, không phải một phần. Hãy kiểm tra lại số thứ tự."),
    FindingType("sheets_not_read", "warning", "Trang khác có bảng chỉ tiêu không được đọc",
                "Trang {others} cũng có bảng chỉ tiêu nhưng không được đọc: kiểm tra, đánh giá và văn bản chỉ gồm "
                "các chỉ tiêu của trang «{chosen}». Muốn đọc trang khác, hãy chọn trang đó (--sheet \"{example}\"); "
                "phần tiếp của bảng này thì chép vào cùng một trang."),
    FindingType("table_below_not_read", "warning", "Bảng khác bên dưới không được đọc",
                "Dưới bảng chỉ tiêu, {tables} không được đọc: kiểm tra, đánh giá và văn bản chỉ gồm các chỉ tiêu từ "
                "dòng {first} đến dòng {last}. {how}"),
    FindingType("footnote_without_note", "warning", "Dấu chú thích không có ghi chú dưới bảng",
                "Ô {cell} ({column}) ghi dấu chú thích «{mark}» nhưng dưới bảng không có ghi chú nào mang dấu đó: văn "
                "bản giữ dấu «{mark}» mà không nêu nó nghĩa là gì. Hãy ghi ghi chú ngay dưới bảng (ví dụ «{mark} …»), "
                "hoặc bỏ dấu nếu không cần."),
    FindingType("plan_left_out", "warning", "Cột kế hoạch không được dùng",
                "Bảng có cột kế hoạch không được dùng: {columns}; {why}. Muốn văn bản đang làm lấy kế hoạch ở cột {col}, hãy chọn --period "
                "\"{label}\" (hoặc ghi «{label}» vào mục «Kỳ» của trang «Cấu hình văn bản»)."),
    FindingType("plan_of_formula", "warning", "Hai cột kế hoạch cùng kỳ",
                "Bảng có hai cột kế hoạch cùng kỳ; chương trình lấy kế hoạch ở {taken}, là cột mà công thức ở cột so "
                "sánh của bảng chia cho, không lấy {others}. Muốn lấy cột khác, hãy chọn --period (hoặc mục «Kỳ» của "
                "trang «Cấu hình văn bản») ghi đủ tên cột đó."),
    FindingType("result_of_formula", "warning", "Hai cột kết quả cùng kỳ",
                "Bảng có hai cột kết quả cùng kỳ; chương trình lấy kết quả ở {taken}, là cột mà công thức ở cột so "
                "sánh của bảng tính theo, không lấy {others}. Muốn lấy cột khác, hãy chọn --period (hoặc mục «Kỳ» của "
                "trang «Cấu hình văn bản») ghi đủ tên cột đó, hoặc chữ cái của cột (ví dụ «cột E»)."),
    FindingType("result_actual_or_estimate", "warning", "Cột thực hiện và cột ước thực hiện cùng kỳ",
                "Bảng có cột thực hiện và cột ước thực hiện cùng kỳ; chương trình {why}. Muốn lấy cột kia, hãy chọn "
                "--period \"cột {col}\" (hoặc ghi «cột {col}» vào mục «Kỳ» của trang «Cấu hình văn bản»)."),
    FindingType("title_period_differs", "warning", "Tiêu đề bảng ghi kỳ khác cột kết quả",
                "Ô {cell}: tiêu đề bảng «{title}» ghi kỳ {part}, còn cột kết quả {col} «{label}» chỉ ghi năm. "
                "Chương trình coi số liệu ở cột {col} là số {part} như tiêu đề: so với kế hoạch cả năm là tiến độ, "
                "không đánh giá đạt hay không đạt, và văn bản không ghi «cả năm». Nếu đây là số cả năm, hãy ghi rõ «cả "
                "năm» trong tên cột {col} (ví dụ «Ước thực hiện cả năm») hoặc chọn --period \"cột {col}\" (hoặc ghi "
                "«cột {col}» vào mục «Kỳ» của trang «Cấu hình văn bản») rồi chạy lại; nếu là số {part}, hãy ghi kỳ đó "
                "trong tên cột."),
    FindingType("previous_actual_or_estimate", "warning", "Cột thực hiện và cột ước thực hiện của năm trước",
                "Bảng có cột thực hiện và cột ước thực hiện của năm {year}; chương trình {why}. Các so sánh với năm {year} "
                "và các mục tiêu tăng, giảm so với năm {year} đều tính trên số này; nếu cần lấy cột kia, hãy ẩn cột "
                "không dùng rồi chạy lại."),
    FindingType("actual_before_plan", "warning", "Cột thực hiện của bảng kế hoạch là số năm trước",
                "Ô {cell}: tiêu đề bảng «{title}» là kế hoạch năm {year} và các cột không ghi năm; {why}. Chương "
                "trình coi cột «{label}» là số thực hiện năm {previous} (trước năm kế hoạch), không đánh giá đạt hay "
                "không đạt kế hoạch năm {year}. Nếu đây là số thực hiện năm {year}, hãy ghi năm vào tên cột (ví dụ "
                "«{label} năm {year}») rồi chạy lại."),
    FindingType("own_ratio_differs", "warning", "Cột so sánh của bảng khác với tỷ lệ tính được",
                "Ô {cell}: cột so sánh «{label}» của bảng ghi {sheet_value} (ô {own_cell}), còn thực hiện so với kế "
                "hoạch chương trình tính từ các cột đã đọc là {ours}. Hãy kiểm tra cột kế hoạch, cột kết quả đã đọc "
                "và công thức ở ô {own_cell} trước khi trình ký."),
    FindingType("own_ratio_words", "warning", "Kết quả ghi bằng chữ trái với cột so sánh của bảng",
                "Ô {cell} ghi «{value}» nên chương trình đánh giá «{ours}», nhưng cột so sánh «{label}» của bảng ghi "
                "{sheet_value} (ô {own_cell}). Hãy ghi số thực hiện vào ô {cell} hoặc sửa ô {own_cell} trước khi trình ký."),
    FindingType("own_verdict_differs", "warning", "Cột đánh giá của bảng khác với kết quả tính",
                "Ô {cell}: cột «{label}» của bảng ghi «{sheet_value}» (ô {own_cell}), còn chương trình đánh giá "
                "«{ours}» từ kế hoạch và kết quả đã đọc. Hãy kiểm tra số liệu và ô {own_cell} trước khi trình ký."),
    FindingType("repeated_header", "warning", "Dòng tiêu đề lặp lại",
                "Dòng {row} lặp lại tiêu đề bảng (thường do dán từ văn bản Word nhiều trang); chương trình đã bỏ qua dòng này."),
    FindingType("formula_computed", "warning", "Công thức chưa có giá trị đã được tính lại",
                "Tệp lưu {count} ô công thức không kèm giá trị tính sẵn (tệp tạo bằng chương trình hoặc để chế độ tính tay): {cells}. Chương trình đã tự tính các ô này; nên mở tệp bằng Excel rồi lưu lại để tệp có sẵn giá trị."),
    FindingType("hidden_column_left_out", "warning", "Cột ẩn không được đọc",
                "Cột {column} «{label}» đang bị ẩn nên không được đọc: chương trình đọc cột {chosen_column} «{chosen}» đang hiện. Nếu số ở cột ẩn mới là số đúng, hãy bỏ ẩn cột {column} và xóa hoặc đổi tên cột {chosen_column}."),
    FindingType("hidden_rows_left_out", "warning", "Dòng ẩn không được đọc",
                "Trong bảng có {count} dòng đang ẩn, không đưa vào kiểm tra, đánh giá, văn bản và phiếu nhập: {rows}. "
                "Bỏ ẩn dòng (hoặc bỏ lọc) nếu cần đưa các dòng này vào."),
    FindingType("collect_conflict_open", "warning", "Số liệu của các cơ quan cùng chủ trì chưa thống nhất",
                "Ô {cell} («{indicator}»): khi tổng hợp, các cơ quan cùng chủ trì ({agencies}) gửi số khác nhau và "
                "chưa thống nhất: {figures}. Văn bản không nêu số thực hiện của chỉ tiêu này (ghi «chưa có số liệu»); "
                "hãy thống nhất với các cơ quan, ghi số đúng vào ô {cell} hoặc tổng hợp lại trước khi trình ký."),
    FindingType("hidden_heading_kept", "warning", "Tiêu đề phần đang ẩn",
                "Trong bảng có {count} tiêu đề phần đang ẩn (thường do lọc bảng) mà các chỉ tiêu bên dưới vẫn hiện: "
                "{heads}. Các chỉ tiêu đang hiện vẫn được xếp vào đúng phần của mình như trong bảng, kể cả trong văn "
                "bản. Nếu không cần đưa cả phần vào, hãy ẩn các dòng chỉ tiêu của phần đó."),
    FindingType("part_taken_first", "warning", "Cột kế hoạch hoặc kết quả chia thành nhiều cột",
                "Cột «{label}» chia thành nhiều cột: chương trình đọc cột {column} «{part}» (cột đầu tiên), không đọc "
                "{others}. Nếu cần đọc cột khác, hãy chọn bằng --group hoặc mục «Nhóm cột» của trang «Cấu hình văn bản»."),
    FindingType("plan_adjusted_taken", "warning", "Bảng có kế hoạch đầu năm và kế hoạch điều chỉnh",
                "Cột «{label}» có kế hoạch ban đầu (cột {old_column} «{old}») và kế hoạch điều chỉnh (cột {column} "
                "«{part}»): chương trình so kết quả với kế hoạch điều chỉnh ở cột {column}, vì kế hoạch điều chỉnh "
                "thay cho kế hoạch ban đầu; không dùng số ở cột {old_column}. Nếu cần so với kế hoạch ban đầu, hãy "
                "chọn --period \"{period}\" (hoặc ghi «{period}» vào mục «Kỳ» của trang «Cấu hình văn bản»)."),
    FindingType("whole_column_left_out", "warning", "Cột số chung không dùng cho nhóm",
                "Cột {column} «{label}» là số chung của cả bảng, không chia theo nhóm «{group}»: chương trình không dùng cột này cho nhóm đó (số của một nhóm không so với số chung)."),
    FindingType("result_left_out", "warning", "Cột kết quả có số nhưng không được đọc",
                "Cột {column} «{label}» có số liệu nhưng chương trình không đọc làm cột kết quả: {why}. Kiểm tra, đánh "
                "giá và văn bản không dùng số ở cột {column}. Nếu đây là số thực hiện cần đánh giá so với kế hoạch, "
                "hãy ghi vào tên cột kế hoạch «{plan}» kỳ của nó (ví dụ «{example}») rồi chạy lại."),
    FindingType("column_not_understood", "warning", "Cột có số nhưng không nhận ra tên cột",
                "Cột {column} «{label}» (ô {cell}) có số liệu nhưng chương trình không nhận ra tên cột này là kế "
                "hoạch hay kết quả nên không đọc: kiểm tra, đánh giá và văn bản không dùng số ở cột {column}{why}. "
                "Nếu đây là số kế hoạch, hãy đặt tên cột như «Kế hoạch năm …», «Chỉ tiêu giao …» hoặc «Nghị quyết …»; "
                "nếu là số thực hiện, như «Thực hiện …» hoặc «Ước thực hiện …»; rồi chạy lại."),
    FindingType("goal_left_out", "warning", "Cột kế hoạch có số nhưng không được dùng",
                "Cột {column} «{label}» (ô {cell}) có số liệu nhưng không được dùng: bảng có nhiều cột kế hoạch, "
                "chương trình chỉ đọc kế hoạch ở {taken}{why}. Kiểm tra, đánh giá và văn bản không dùng "
                "số ở cột {column}. Muốn văn bản đang làm lấy kế hoạch ở cột {column}, hãy chọn --period \"{label}\" "
                "(hoặc ghi «{label}» vào mục «Kỳ» của trang «Cấu hình văn bản»)."),
    FindingType("formula_not_computed", "error", "Công thức chưa có giá trị, không tính được",
                "Ô {cell} có công thức{formula} nhưng tệp không lưu giá trị của nó và chương trình không tính được ({reason}); ô này được đọc là trống. Hãy mở tệp bằng Excel rồi lưu lại."),
)}

COLUMN_NAMES = {
    "stt": "STT", "name": "Chỉ tiêu", "unit": "Đơn vị tính", "target": "Kế hoạch", "result": "Thực hiện",
    "previous": "Thực hiện năm trước", "lead": "Cơ quan chủ trì", "cooperate": "Cơ quan phối hợp",
    "leader": "Lãnh đạo phụ trách", "note": "Ghi chú", "direction": "Chiều",
}

# An indicator whose name states a goal in words needs no numeric target.
QUALITATIVE_WORDS = ("phan dau", "cao hon", "thap hon", "xep hang", "duy tri", "tang bac", "giu vung", "hoan thanh", "nang hang")



def col_letter(c: int) -> str:
    s = ""
    c += 1
    while c:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def col_index(cell: str) -> int:
    """0-based column of an A1 reference ('E12' -> 4)."""
    return _col_of(cell) - 1


def cell_ref(r0: int, c0: int) -> str:
    """A1 reference of 0-based (row, column)."""
    return f"{_letters_of(c0)}{r0 + 1}"


_letters_of = lru_cache(maxsize=1 << 10)(col_letter)  # a table has a dozen columns: each one's letters once


def make_finding(code: str, sheet: str, r0: int | None, c0: int | None, indicator: str = "", **params: Any) -> Finding:
    """Build a Finding from the catalogue; r0/c0 are 0-based (None: the whole sheet)."""
    ft = CATALOGUE[code]
    cell = cell_ref(r0, c0) if r0 is not None and c0 is not None else ""
    params = {"cell": cell, "indicator": indicator, "row": (r0 + 1) if r0 is not None else "", **params}
    return Finding(code=code, severity=ft.severity, sheet=sheet, cell=cell,
                   row=(r0 + 1) if r0 is not None else None, indicator=indicator,
                   message=vtext.clean(ft.template.format_map(params)), params=params)


def fmt(value: Any) -> str:
    """A number for a message: its value without the trailing zeros a cell format adds, so that a
    finding reads the same whether its engine knows the cell's format (a file) or not (Excel's remote engine)."""
    if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
        d = to_decimal(value)
        d = _quantize(d, 0) if d == d.to_integral_value() else d.normalize()  # (never raises: wide context)
        return format_number(d)
    return str(value)


_QUALITATIVE = re.compile("|".join(map(re.escape, QUALITATIVE_WORDS)))  # one scan for the nine words

# A name that is a sentence stating the goal: it opens (after a time phrase, «Đến năm 2025», «Năm 2025,», «Trong
# giai đoạn 2021-2025») with a verb of doing or achieving, «Xây dựng xã đạt chuẩn …», «Đạt chuẩn quốc gia …»,
# «Hoàn thành …»; a measure's name opens with a noun («Số xã đạt chuẩn», «Tỷ lệ …», «Diện tích …»). Matched with the
# diacritics (lower case, NFC): folded, «Đạt» is «Đất» (đất lâm nghiệp) and «Bảo đảm» no different from «Bao».
GOAL_VERBS = ("xây dựng", "đạt", "hoàn thành", "duy trì", "phấn đấu", "giữ vững", "bảo đảm", "đảm bảo", "nâng cao",
              "tiếp tục", "cơ bản đạt", "cơ bản hoàn thành",
              # a goal that a thing no longer be or never happen, «Không còn hộ nghèo …», «Không để xảy ra …» (R22-6)
              "không còn", "không để", "không phát sinh", "không xảy ra")
_GOAL_TIME = r"(?:(?:đến|tới|trong|hết|đến hết|trong năm|đến cuối)\s+)?(?:năm|giai đoạn|nhiệm kỳ)\s+\d{4}(?:\s*[-–]\s*\d{4})?"
_GOAL_SENTENCE = re.compile(rf"^(?:{_GOAL_TIME}\s*[,:]?\s*)?(?:{'|'.join(map(re.escape, GOAL_VERBS))})(?!\w)")


@lru_cache(maxsize=1 << 14)
def states_goal(name: str) -> bool:
    """Is the name a sentence stating its goal (GOAL_VERBS after an optional time phrase)? (cached: names repeat,
    and each row missing a plan or a unit asks)"""
    return _GOAL_SENTENCE.match(vtext.clean(name).lower()) is not None


def plan_in_words(target: Target) -> bool:
    """Is the plan a goal in words, no figure in it, by the words a name states its goal with: «Đạt chuẩn», «Hoàn
    thành», «Giữ vững», «Phấn đấu đạt chuẩn», «Đạt chuẩn nông thôn mới nâng cao» (rev20 R20-7)?"""
    text = target.text
    if target.op != "text" or not text or any(map(str.isdigit, text)):
        return False
    return states_goal(text) or _QUALITATIVE.search(vtext.fold(text)) is not None


def is_qualitative(ind: Indicator) -> bool:
    """Does the row state its goal in words: the name (QUALITATIVE_WORDS anywhere, or a sentence opening with a verb
    of doing or achieving, states_goal) or the plan (plan_in_words: «Huyện Thanh Ba đạt chuẩn nông thôn mới | | Đạt
    chuẩn»)? Then no figure of plan and no unit are required of it (SPEC §5). A row with a figure of its own (a
    result, the year before's: «Xây dựng xã đạt chuẩn nông thôn mới | Xã | 3») counts something: no goal in words
    (rev19 REG-2), whose figure needs its unit."""
    if _QUALITATIVE.search(ind.key or ind.name_key) is not None:
        return True
    return ind.result is None and ind.previous is None and (states_goal(ind.name) or plan_in_words(ind.target))


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _has_plan(ind: Indicator) -> bool:
    return bool(ind.target.text) or not _blank(ind.raw.get("target"))


def _has_result(ind: Indicator) -> bool:
    return ind.result is not None or bool(ind.result_text) or not _blank(ind.raw.get("result"))


def of_reading_year(ind: Indicator, plan: bool = False) -> bool:
    """Has the row anything of the year (or period) its reading states: a plan or a result, in figures or words
    (`plan`: for a plan document, which states plans only: a plan)?"""
    return _has_plan(ind) or (not plan and _has_result(ind))


def _has_previous(ind: Indicator) -> bool:
    return ind.previous is not None or not _blank(ind.raw.get("previous"))


def _of_other_year(table: Table, ind: Indicator, plan: bool = False) -> bool:
    """A figure of another year on the row: the year before's, or another year's plan the reading left out (`plan`:
    for a plan document, a result too, of the period read or another: no plan of its)."""
    return _has_previous(ind) or ind.row in table.other_years or (plan and (_has_result(ind)
                                                                            or ind.row in table.other_periods))


def other_year_rows(table: Table, plan: bool = False) -> list[Indicator]:
    """The rows that are no indicator of the year (or period) the table is read for: nothing of it (of_reading_year),
    a figure of another year (the 2026-only «Tỷ lệ gia đình văn hóa» of a «kết quả 2025 và kế hoạch 2026» table read
    for the 2025 report; the 2025 «Giải quyết việc làm mới» dropped from the 2026 plan), with the parts of such a row
    that have nothing of the year either. `plan`: for a plan document, where a result with no plan (a row followed,
    not planned: result_without_plan) is no plan to state either. Left out of the evaluation and the documents
    (core.gate.check) and said (other_year_rows). A goal stated in words (is_qualitative) is of every year its table
    plans; a row with no figure at all is a missing plan (missing_target), not another year's row: a plan document
    would list it as a target with no level."""
    inds = table.indicators
    if not inds or not (table.other_years or "previous" in table.columns or (plan and "result" in table.columns)
                        or table.other_periods):
        return []
    parts: dict[int, list[Indicator]] = defaultdict(list)
    for ind in inds:
        if ind.kind == "subrow" and ind.parent_row is not None:
            parts[ind.parent_row].append(ind)
    out: dict[int, Indicator] = {}
    for i, ind in enumerate(inds):
        if ind.row in out or of_reading_year(ind, plan) or is_qualitative(ind) \
                or (not plan and ind.row in table.other_periods):  # followed in another period of the year: R22-15
            continue
        if ind.kind == "subrow" and _heads_next(inds, i, plan):
            continue  # «2. Dịch vụ chăn nuôi» over «- DV kiểm dịch» of the year: the heading its rows are named by
        if ind.kind == "indicator":
            own = parts.get(ind.row, [])
            if any(of_reading_year(p, plan) for p in own):
                continue  # a heading, a structure over parts of the year: an indicator of the year
            if _of_other_year(table, ind, plan) or any(_of_other_year(table, p, plan) for p in own):
                out[ind.row] = ind
                out.update((p.row, p) for p in own)
        elif _of_other_year(table, ind, plan):
            out[ind.row] = ind
    return [ind for ind in inds if ind.row in out]


def _heads_next(inds: list[Indicator], i: int, plan: bool) -> bool:
    """A row unmarked over marked rows of the year below it («2. Dịch vụ chăn nuôi» over «- DV kiểm dịch»,
    «- Lợn con giống», gtsx): the heading the documents name them by, never left out while they are kept (rev19
    REG-1: its rows were named under the heading above it)."""
    ind = inds[i]
    if ind.name.lstrip().startswith(PART_MARKS) or i + 1 >= len(inds):
        return False
    nxt = inds[i + 1]
    return nxt.name.lstrip().startswith(PART_MARKS) and of_reading_year(nxt, plan)


def other_year_finding(table: Table, rows: list[Indicator], plan: bool = False) -> Finding:
    """The one warning naming the rows other_year_rows leaves out, at the first one's plan cell."""
    cols = table.columns
    read = [f"cột {col_letter(cols[r])} «{table.column_headers.get(r, '')}»" for r in ("target", "result")
            if r in cols and not (plan and r == "result")]
    others = [f"cột {col_letter(cols[r])} «{table.column_headers.get(r, '')}»" for r, has in (
              ("result", plan and any(map(_has_result, rows))),
              ("previous", any(map(_has_previous, rows))))
              if has]
    others.extend(dict.fromkeys(label for ind in rows for label in table.other_years.get(ind.row, ())))
    if plan:  # the results of the other periods (R22-15): no plan either
        others.extend(dict.fromkeys(label for ind in rows for label in table.other_periods.get(ind.row, ())
                                    if label not in others))
    inside = {ind.row for ind in rows}
    names = [f"«{ind.name}»" if ind.kind == "indicator" or ind.parent_row in inside
             else f"«{ind.name}» (phần của dòng {ind.parent_row})" for ind in rows
             if ind.kind == "indicator" or ind.parent_row not in inside]
    shown = ", ".join(names[:5]) + (f" và {len(names) - 5} dòng khác" if len(names) > 5 else "")
    c0 = cols.get("target", cols.get("result"))
    # (`left_out`: the sheet rows themselves, which core.gate.of_its_year leaves out: the rows said are the rows gone)
    return make_finding("other_year_rows", table.sheet, rows[0].row - 1, c0, rows[0].name, count=len(rows),
                        left_out=frozenset(ind.row for ind in rows),
                        rows=row_list(ind.row for ind in rows), names=shown, columns=" và ".join(read),
                        others=", ".join(others), label=table.column_headers.get("target", table.column_headers.get(
                            "result", "")), col=col_letter(cols["target"]) if "target" in cols else "kế hoạch")


def is_share(ind: Indicator) -> bool:
    return share_key(ind.key or ind.name_key) and ind.unit.strip() == "%"


def share_ceiling(ind: Indicator) -> Decimal:
    """The most a share row's figure may be: 100, or ENROLMENT_CEILING for an enrolment rate."""
    key = ind.key or ind.name_key
    return ENROLMENT_CEILING if any(w in key for w in ENROLMENT_WORDS) else _HUNDRED


def share_out_of_range(ind: Indicator, value: Decimal | None) -> bool:
    """Whether `value` cannot be the figure of a share row (is_share): below 0 or past its ceiling — check's
    «share_out_of_range» error (an enrolment rate a little past 100 is only a warning, and is not this)."""
    return value is not None and is_share(ind) and not (_ZERO <= value <= share_ceiling(ind))


# «Tỷ lệ X so với Y» compares two figures (revenue against the estimate, 115%; disbursement against the plan): a
# ratio, never a part of a whole, so no bound. (folded, inside the name)
RATIO_WORDS = (" so voi ",)
# A rate of people enrolled against the population of their age («Tỷ lệ huy động trẻ 6 tuổi vào lớp 1», «Tỷ lệ
# nhập học đúng độ tuổi»): pupils from elsewhere take it a little past 100, which is published; up to
# ENROLMENT_CEILING a warning, past it (or below 0) an error as for any share. (folded, inside the name)
ENROLMENT_WORDS = ("huy dong", "nhap hoc", "di hoc", "vao lop")
ENROLMENT_CEILING = Decimal(110)


def share_key(key: str) -> bool:
    """Does a folded name name a part of a whole (0–100): «Tỷ lệ …», «Tỷ trọng …», «Cơ cấu …», and no «so với»?"""
    return key.startswith(SHARE_PREFIXES) and not any(w in key for w in RATIO_WORDS)


_ENCODING_WORDS = {
    "tcvn3": "được gõ bằng bảng mã cũ TCVN3 (.VnTime)",
    "vni": "được gõ bằng bảng mã cũ VNI",
    "utf8": "bị lỗi mã (chữ Unicode UTF-8 bị đọc thành Windows-1252)",
}


def growth_how(ind: Indicator) -> str:
    """What attainment does with a growth plan on an amount, said from its own judgement of the row (never a
    guess from the columns that could contradict it): judged from the previous year's figure, from a growth
    written in the result cell («Tăng 7,5%»), over a period, or not judged and why."""
    from kh_excel.core.attainment import assess
    a = assess(ind)
    rr = ind.result_reading
    if a.status in ("vuot", "dat", "khong_dat"):
        if a.growth_kind == "avg_yearly":
            assert a.growth_period is not None  # (avg_yearly always has its period)
            first, last = a.growth_period
            return f"chương trình so sánh mức tăng bình quân hằng năm giai đoạn {first}–{last} (so với năm {first - 1})."
        if ind.result is None and rr is not None and rr.change:
            return f"chương trình đánh giá theo mức tăng/giảm ghi ở ô thực hiện («{vtext.clean(rr.text)}»)."
        return "chương trình so sánh mức tăng của số thực hiện so với năm trước."
    if a.status == "khong_danh_gia":
        return f"chỉ tiêu này không được đánh giá bằng số ({a.reason})."
    if ind.growth_base is not None:  # not yet filled: how it will be judged
        _years, first, last = ind.growth_period
        return f"chương trình sẽ so sánh mức tăng bình quân hằng năm giai đoạn {first}–{last} (so với năm {first - 1})."
    if ind.growth_period[0]:  # a period's growth with no base column or no result of its last year (rev17 N-6)
        _years, first, last = ind.growth_period
        return (f"đây là mức tăng bình quân hằng năm giai đoạn {first}–{last}: chương trình chỉ đánh giá khi bảng có số "
                f"năm {first - 1} và số thực hiện năm {last}, không lấy mức tăng của một năm thay cho cả giai đoạn.")
    if ind.previous is not None and ind.previous > 0:
        return "khi có số thực hiện, chương trình so sánh mức tăng so với số thực hiện năm trước."
    return ("dòng này chưa có số thực hiện năm trước: khi có kết quả, chỉ tiêu chỉ được đánh giá nếu ô thực hiện "
            "ghi mức tăng (ví dụ «Tăng 7,5%») hoặc có số thực hiện năm trước.")


@lru_cache(maxsize=1 << 14)
def _text_issues(raw: str, multi_line_ok: bool) -> tuple[tuple[str, dict], ...]:
    """Encoding and whitespace problems of one text cell (cached: cells repeat)."""
    enc = vtext.detect_legacy(raw)
    if enc:
        converted = vtext.clean(vtext.convert_legacy(raw, enc))
        return (("legacy_encoding", {"value": vtext.clean(raw), "encoding": _ENCODING_WORDS.get(enc, enc), "converted": converted}),)
    out: list[tuple[str, dict]] = []
    if not _is_nfc(raw):
        out.append(("nfd_text", {}))
    stripped = raw.replace("\u00a0", " ")
    if stripped != stripped.strip() or "  " in stripped.strip() or ("\n" in raw and not multi_line_ok) or "\u00a0" in raw:
        out.append(("stray_whitespace", {"value": raw.replace("\n", "↵")}))
    return tuple(out)


# Cell types that hold no Excel error, date or bool: a table of only these needs no look for them.
_PLAIN_TYPES = frozenset((str, float, int, type(None)))
_NUMBER_TYPES = frozenset((float, int))
_TEXT_ROLES = (("name", False), ("unit", False), ("lead", True), ("cooperate", True), ("leader", False))
_FAR_OFF_OPS = ("=", ">", ">=", "~")
_ZERO, _HUNDRED = Decimal(0), Decimal(100)


def _all_clean(texts: list[str]) -> bool:
    """True when every text is NFC with no whitespace but single inner plain spaces: then none has an
    NFD or whitespace issue. Tested on the texts joined by single spaces, a few C-level scans for a
    whole column: a printable text holds no whitespace but the plain space (tab, line breaks, NBSP and
    the other Unicode spaces are not printable); a doubled space in the join is a run inside a text or
    a text's leading or trailing space (texts are not empty); and the space never composes with a
    neighbour, so NFC of the joined texts is the join of each one's NFC. False only sends the texts
    to the one-by-one test."""
    joined = " ".join(texts)
    return (joined.isprintable() and "  " not in joined and joined[:1] != " " and joined[-1:] != " "
            and (joined.isascii() or _is_nfc(joined)))


def _maybe_legacy(texts: list[str]) -> Iterable[str]:
    """The texts in which detect_legacy may find a legacy font, in order: it says None at once for a text
    holding a Unicode Vietnamese letter no legacy font makes (text._NOT_LEGACY, its own first test), and
    that search is mapped over the column in C instead of a call per text (names rarely repeat)."""
    return compress(texts, map(not_, map(vtext._NOT_LEGACY.search, texts)))


def _text_issues_of(raw: str, multi_line_ok: bool) -> tuple[tuple[str, dict], ...]:
    """_text_issues, the common cell (single plain spaces, NFC, no legacy font) told by cheap tests."""
    if (raw.isprintable() and "  " not in raw and raw[0] != " " and raw[-1] != " "
            and (raw.isascii() or _is_nfc(raw)) and not vtext.detect_legacy(raw)):
        return ()
    return _text_issues(raw, multi_line_ok)


def _message_text(template: str, params: dict[str, Any]) -> str:
    """A finding's message, as make_finding writes it (run when the message is first read: DeferredText)."""
    return vtext.clean(template.format_map(params))


class _Checker:
    def __init__(self, table: Table):
        self.t = table
        self.out: list[Finding] = []
        self._columns: dict[str, list[Any]] = {}

    def add(self, code: str, ind: Indicator | None, role: str | None, **params: Any) -> None:
        """make_finding's Finding for the role's cell of the row (the params in the same order), built here
        without a second copy of the params."""
        if role:
            params.setdefault("column", COLUMN_NAMES.get(role, role))
            c0 = self.t.columns.get(role)
        else:
            c0 = None
        if ind:
            r0 = ind.row - 1
            row, indicator = r0 + 1, ind.name
            cell = cell_ref(r0, c0) if c0 is not None else ""
        else:
            row, indicator, cell = None, "", ""
        params = {"cell": cell, "indicator": indicator, "row": "" if row is None else row, **params}
        ft = CATALOGUE[code]
        # (the message slot holds the DeferredText until model.Finding.message reads it: a str to every reader)
        self.out.append(Finding(code, ft.severity, self.t.sheet, cell, row, indicator,
                                DeferredText(_message_text, ft.template, params), params))  # type: ignore[arg-type]

    def column(self, role: str) -> list[Any]:
        """The cell of `role` of each indicator, in order (None where the row has none): read once."""
        values = self._columns.get(role)
        if values is None:
            values = self._columns[role] = [ind.raw.get(role) for ind in self.t.indicators]
        return values

    def rows(self, keys: list[str], headings: set[int], structure_heads: set[int],
             other_year: AbstractSet[int] = frozenset()) -> None:
        """The per-row checks of the figures, in the order their findings were always made: values,
        error_values, growth, share, required, far_off. The common row (numbers the reader read,
        plain cell types, shares inside 0–100, nothing missing, no zero result, result and plan
        within the far-off factor) passes cheap inline tests; each check's own method runs only
        where its test says it may find something. The row's text cells are gathered on the way,
        for `texts` and `spelling` (one pass over the rows)."""
        inds = self.t.indicators
        value, required, add = self.value, self.required, self.add
        numbers, plain, share_prefixes, far_ops = _NUMBER_TYPES, _PLAIN_TYPES, SHARE_PREFIXES, _FAR_OFF_OPS
        zero, hundred = _ZERO, _HUNDRED
        texts: list[tuple] = []
        gather = texts.append
        for ind, key in zip(inds, keys):
            raw = ind.raw
            get = raw.get
            gather((get("name"), get("unit"), get("lead"), get("cooperate"), get("leader")))
            readings = ind.readings
            v = get("target")
            if v is not None:
                if type(v) in numbers:
                    reading = readings.get("target")
                    if reading is None or reading.target.op == "text":
                        value(ind, "target", v)
                elif type(v) is not str or v.strip():
                    value(ind, "target", v)
            v = get("result")
            if v is not None and (readings.get("result") is None if type(v) in numbers
                                  else (type(v) is not str or v.strip())):
                value(ind, "result", v)
            v = get("previous")
            if v is not None and (readings.get("previous") is None if type(v) in numbers
                                  else (type(v) is not str or v.strip())):
                value(ind, "previous", v)
            if not plain.issuperset(map(type, raw.values())):  # an Excel error can only be of another type
                self.error_values(ind)
            if ind.growth_target:
                self.growth(ind)
            t = ind.target
            result = ind.result
            share = key.startswith(share_prefixes) and ind.unit.strip() == "%" and share_key(key)
            if share:  # share() finds something only where a figure lies outside 0–100 (same tests, same order)
                tv, th, pv = t.value, t.high, ind.previous
                if not ((tv is None or zero <= tv <= hundred) and (th is None or zero <= th <= hundred)
                        and (result is None or zero <= result <= hundred) and (pv is None or zero <= pv <= hundred)):
                    self.share(ind)
            if ind.kind == "indicator" and ind.row not in headings:
                if not (t.text and ind.unit and ind.lead):  # else nothing is missing
                    required(ind, structure_heads, other_year)
            elif ind.kind == "subrow" and ind.parent_row in headings and not t.text:
                self.part_plan(ind, other_year)
            # far_off, its tests in its order: a zero result (zero_result_unfilled), else result and plan far apart
            exact = ind.exact
            r = exact.get("result", result) if exact else result
            if r is not None and r == zero and zero_means_unfilled(ind):
                add("result_zero", ind, "result", target=fmt(t.value))
                continue
            tv = exact.get("target", t.value) if exact and t.op == "=" else t.value  # the values held (rev16 R16-4)
            result = r
            if (result is not None and t.op in far_ops and tv and tv > zero and result > zero
                    and not (share and not (zero <= result <= hundred))  # a share out of range is reported as such
                    and not ind.growth_target):  # «Tăng 10%»: a growth, not a figure of 10 to be near
                ratio = result / tv
                if tv is not t.value:
                    t = Target(text=t.text, op=t.op, value=tv, high=t.high)
                if far_ratio(ratio) and not (200 > result > 50 > tv and index_against_rise(ind, t, result)) \
                        and not (tv > 50 > result and plan_typed_as_index(ind, t, result)):
                    # (numbers.far_apart's rule, the documents' one too; an index 108,1 against «Tăng 9%» is a rise
                    # of 8,1%, as attainment reads it, not a figure 12 times its plan: said by rates_as_index)
                    add("result_far_off", ind, "result", result=fmt(result), target=fmt(tv),
                        ratio=fmt(_quantize(ratio * 100, 1)))  # a ratio of 10**40 too
        if texts:
            self._columns.update(zip([role for role, _ in _TEXT_ROLES], map(list, zip(*texts))))

    def texts(self) -> None:
        """Encoding and whitespace of the text cells, column by column, each distinct text judged once."""
        for role, multi_line_ok in _TEXT_ROLES:
            cells = self.column(role)
            texts = [v for v in _distinct(cells) if isinstance(v, str) and v]
            unsure = texts
            if role == "name":
                # A name cell the reader kept as the indicator's name, the very object, is NFC with its
                # whitespace collapsed (Indicator.name): only the others need the NFD and whitespace test.
                kept = map(is_not, cells, map(attrgetter("name"), self.t.indicators))
                unsure = [v for v in _distinct(list(compress(cells, kept))) if isinstance(v, str) and v]
            if _all_clean(unsure):  # then only a legacy font can be wrong
                detect = vtext.detect_legacy
                bad = {v: _text_issues(v, multi_line_ok) for v in _maybe_legacy(texts) if detect(v)}
            else:
                bad = {v: issues for v in texts if (issues := _text_issues_of(v, multi_line_ok))}
            if not bad:
                continue
            for ind, v in _rows_with(self.t.indicators, cells, bad):
                for code, params in bad[v]:
                    self.add(code, ind, role, **params)

    # -- per-cell checks ------------------------------------------------------------
    def value(self, ind: Indicator, role: str, raw: Any) -> None:
        """A target, result or previous-year value: an error, a non-number, a number as text, ambiguity."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return
        if type(raw) is float or type(raw) is int:  # the common cell: a number the reader read
            reading: Any = ind.readings.get(role)
            if reading is not None and (role != "target" or reading.target.op != "text"):
                return
        if isinstance(raw, ErrorValue):
            self.add("excel_error", ind, role, value=raw.code)
            return
        if isinstance(raw, bool):
            self.add("not_a_number", ind, role, value=str(raw))
            return
        if isinstance(raw, (_dt.date, _dt.time, _dt.timedelta)):
            self.add("date_in_number_cell", ind, role, value=_date_text(raw))
            return
        reading = ind.readings.get(role)
        if reading is None and role == "target":
            reading = parse_target_ex(raw)
        elif reading is None and role not in ind.readings:
            reading = parse_number(raw)
        if role == "target":
            if reading.target.op == "text":
                if magnitude_written(raw):  # «Trên 8 triệu» beside «%»: words, as «Tăng trưởng cao hơn …» (R22-10)
                    self.add("scale_not_unit", ind, role, value=vtext.clean(raw), unit=ind.unit or "(chưa ghi)")
                elif not is_qualitative(ind) and _looks_numeric_attempt(raw) and not _verb_led(raw):
                    self.add("not_a_number", ind, role, value=vtext.clean(raw))
                return
            parsed = reading.number
            expression = reading.target.op != "=" or any(map(str.isalpha, str(raw)))  # "Tăng 10%", "8,5 (*)"
            if rescales(raw, ind.unit):  # «Trên 8 triệu» beside «Lượt khách»: read as above 8.000.000 (R22-10)
                self.add("figure_scaled", ind, role, value=vtext.clean(raw), reading=target_reading(reading.target),
                         unit=ind.unit)
                return
        else:
            parsed = reading
            expression = False
            if parsed is None:
                rr = ind.result_reading if role == "result" else ind.previous_reading
                if rr is not None and rr.note:  # «Ước 1.5»: the words do not make the figure any less ambiguous
                    self.add("ambiguous_decimal", ind, role, value=vtext.clean(raw), reading=fmt(rr.bounds.value),
                             note=rr.note)
                    return
                if role == "result" and ((not ind.target.is_numeric and "target" in self.t.columns)
                                         or ind.result_reading is not None):
                    return  # a qualitative result beside a qualitative target ("Tăng 3 bậc"), or an expression read
                if rr is not None:
                    return  # a previous year's expression, read by the result's rule: warned by the reader (R18-4)
                self.add("not_a_number", ind, role, value=vtext.clean(raw))
                return
        if not isinstance(raw, str):
            return
        if parsed is not None and parsed.ambiguous:
            self.add("ambiguous_decimal", ind, role, value=vtext.clean(raw), reading=fmt(parsed.value), note=parsed.note)
        elif not expression and parsed is not None:
            ranked = rank_of_total(raw) if "/" in raw and is_rank(ind.name, ind.unit) else None
            if ranked is not None:  # «2/30», «Xếp thứ 20/63»: a place of its total, not a count (rev22 R22-1)
                self.add("rank_of_total", ind, role, value=vtext.clean(raw), reading=ranked[0], total=ranked[1])
                return
            of_total = COUNT_OF_TOTAL.match(vtext.clean(raw))
            if of_total is not None:  # «04/09 thôn, làng», «16/16 xã»: retyped as a number it would lose its total
                self.add("count_of_total", ind, role, value=vtext.clean(raw), reading=fmt(parsed.value),
                         total=int(of_total.group("total")))
            else:
                self.add("number_as_text", ind, role, value=vtext.clean(raw), reading=fmt(parsed.value))

    def rates_as_index(self, keys: list[str]) -> None:
        """A growth rate typed as its index («Tốc độ tăng giá trị sản xuất» 108,5 against «Tăng 8%»: attainment reads
        +8,5%, core.attainment.RATE_AS_INDEX): said at its cell, since a true growth of 108,5% is possible. The rows
        that may be named as growth rates are found by substring tests mapped over the keys in C (a regex search per
        key cost 3 µs), and only they are asked GROWTH_RATE_NAMES (inside rate_typed_as_index)."""
        inds = self.t.indicators
        maybe = sorted({*compress(count(), map(contains, keys, repeat("toc do tang"))),
                        *compress(count(), map(contains, keys, repeat("tang truong")))})
        for i in maybe:
            ind = inds[i]
            r = ind.exact.get("result", ind.result) if ind.exact else ind.result
            if r is not None and rate_typed_as_index(ind, ind.target, r):
                shown = ind.result if ind.result is not None else r
                self.add("result_as_index", ind, "result", plan=vtext.clean(ind.target.text), result=fmt(shown),
                         change=change_words(shown - _HUNDRED))

    def error_values(self, ind: Indicator) -> None:
        """An Excel error value in any other cell the row is read from (name, unit, agencies, leader,
        STT, note, direction): the row cannot be stated as it is (`values` covers the figures)."""
        for role, raw in ind.raw.items():
            if role not in NUMBER_ROLES and isinstance(raw, ErrorValue):
                self.add("excel_error", ind, role, value=raw.code)

    def growth(self, ind: Indicator) -> None:
        if ind.growth_target:
            self.add("growth_target", ind, "target", value=ind.target.text, unit=ind.unit, how=growth_how(ind))

    def share(self, ind: Indicator) -> None:
        """A share row's (is_share) figures must lie in 0–100; an enrolment rate's a little past 100 is a warning."""
        t = ind.target
        ceiling = share_ceiling(ind)
        for role, values in (("target", (t.value, t.high)), ("result", (ind.result,)), ("previous", (ind.previous,))):
            bad = [v for v in values if v is not None and not (_ZERO <= v <= _HUNDRED)]
            if bad:
                wrong = [v for v in bad if not (_ZERO <= v <= ceiling)]
                if wrong:
                    self.add("share_out_of_range", ind, role, value=fmt(wrong[0]))
                else:
                    self.add("share_above_hundred", ind, role, value=fmt(bad[0]))

    def required(self, ind: Indicator, structure_heads: set[int], other_year: AbstractSet[int] = frozenset()) -> None:
        """A numbered indicator needs its plan, unit and lead agency. Not a plan where the name states the goal
        (is_qualitative), nor where the row has a result and no plan (a row followed, not planned: «Kim ngạch xuất
        khẩu 1.680» with no plan; the documents state it «không có số kế hoạch», never judged: result_without_plan),
        nor on a row of another year (`other_year`: other_year_rows, said once for all)."""
        if ind.kind != "indicator":
            return
        target_text = ind.target.text
        if not target_text and ind.row in structure_heads:
            return  # "Cơ cấu lao động" whose figures are on its parts
        columns, raw = self.t.columns, ind.raw
        no_target = (not target_text and "target" in columns and not isinstance(raw.get("target"), ErrorValue)
                     and ind.row not in other_year)
        no_unit = not ind.unit and "unit" in columns and not isinstance(raw.get("unit"), ErrorValue)
        if no_target or no_unit:  # whether the goal is in words matters only for a finding
            qualitative = is_qualitative(ind)
            if no_target:
                followed = not qualitative and _has_result(ind)
                others = None if qualitative or followed else self.t.other_periods.get(ind.row)
                if others:  # followed in the other periods' columns: a row of the year, whichever is read (R22-15)
                    self.add("result_without_plan_of_period", ind, "target", others=", ".join(others))
                else:
                    self.add("missing_target_qualitative" if qualitative else
                             "result_without_plan" if followed else "missing_target", ind, "target")
            if no_unit:
                self.add("missing_unit_qualitative" if qualitative else "missing_unit", ind, "unit")
        if not ind.lead and "lead" in columns and not isinstance(raw.get("lead"), ErrorValue):
            self.add("missing_lead", ind, "lead")

    def part_plan(self, ind: Indicator, other_year: AbstractSet[int] = frozenset()) -> None:
        """A part of a heading (part_headings: «- Số vụ | Vụ | | 6» under «Kéo giảm tai nạn giao thông») is an
        indicator of the documents: with a result and no plan it is followed, not planned, and said so as an
        indicator is (result_without_plan, `required`)."""
        raw = ind.raw
        if ("target" in self.t.columns and not isinstance(raw.get("target"), ErrorValue)
                and ind.row not in other_year and _has_result(ind) and not is_qualitative(ind)):
            self.add("result_without_plan", ind, "target")

    # -- whole-table checks -----------------------------------------------------------
    def stt_sequence(self) -> None:
        seen: dict[int, Indicator] = {}
        previous: int | None = None
        section = None
        serials = {s.title: s.serial for s in self.t.sections if s.serial}
        numeral = title = None
        hidden_numbers = {int(stt) for _, stt in self.t.hidden_left_out if stt.isdigit() and len(stt) <= 6}
        for ind in self.t.indicators:
            if ind.kind != "indicator" or ind.number is None or ind.stt == "":
                if ind.kind == "indicator" and previous is not None and isinstance(ind.raw.get("stt"), ErrorValue):
                    previous += 1  # a numbering formula gone wrong (reported as such) holds the next number
                continue
            n = ind.number
            if section is None or ind.section_numeral != numeral or ind.section != title:  # another section
                numeral, title = ind.section_numeral, ind.section
                section = True
                if n == 1:  # numbering restarts in each section (I: 1, 2; II: 1, 2)
                    seen, previous = {}, None
                serial = serials.get(ind.section)
                if serial is not None and previous is not None and serial == previous + 1:
                    previous = serial  # the sheet numbers every row, the section's own row too
            if n in seen:
                self.add("duplicate_stt", ind, "stt", stt=n, other_row=seen[n].row)
                continue
            if previous is not None and n > previous + 1 and not hidden_numbers.issuperset(range(previous + 1, n)):
                # (a number on a row hidden in the sheet is there: the row is left out, and said so)
                missing = ", ".join(str(i) for i in range(previous + 1, min(n, previous + 6)))
                self.add("skipped_stt", ind, "stt", stt=n, previous=previous, missing=missing)
            seen.setdefault(n, ind)
            if previous is None or n > previous:  # max(previous or 0, n)
                previous = n if previous is not None or n > 0 else 0

    def structures(self, found: list[tuple[Indicator, list[Indicator]]] | None = None) -> None:
        """'Cơ cấu …' rows: the rows under them (their parts) must sum to 100."""
        for ind, parts in (_structures(self.t.indicators) if found is None else found):
            if len(parts) < 2:
                continue
            for role in ("target", "result", "previous"):  # the values the cells hold, not as shown (rev16 R16-4)
                if role not in self.t.columns:
                    continue
                values = [p.held(role) for p in parts]
                given = [v for v in values if v is not None]
                if not any(given):
                    continue  # no part given, or every part 0 (formulas over empty cells): no figures yet
                total = sum(given, Decimal(0))
                if len(given) < len(values):
                    # A part not given may be the remainder; but shares already past 100 cannot add up to it
                    # (the plan parts 100 and 40,9 of «Cơ cấu GTSX», a total slipped down a row).
                    if not (len(given) >= 2 and all("%" in p.unit for p in parts) and total > 100 + Decimal("0.1")):
                        continue
                elif abs(total - 100) <= Decimal("0.1"):
                    continue
                c = self.t.columns[role]
                cells = f"{cell_ref(parts[0].row - 1, c)}:{cell_ref(parts[-1].row - 1, c)}" \
                    if parts[-1].row - parts[0].row == len(parts) - 1 \
                    else ", ".join(cell_ref(p.row - 1, c) for p in parts)  # a row in another unit between: no share
                culprit, hint = ind, ""
                hidden = self._hidden_among(ind, parts)
                if hidden:  # a share on a row hidden in the sheet is not read: the cells added are named one by one
                    cells = ", ".join(cell_ref(p.row - 1, c) for p in parts)
                    hint = (f" Dòng {', '.join(map(str, hidden))} đang ẩn nên không được cộng; nếu là một thành phần "
                            "của cơ cấu, hãy bỏ ẩn dòng.")
                if len(given) < len(values):
                    blank = ", ".join(cell_ref(p.row - 1, c) for p, v in zip(parts, values) if v is None)
                    hint += f" Ô {blank} để trống; các ô còn lại đã vượt 100%."
                if role != "target" and not hint:
                    plans = [p.held("target") for p in parts]
                    if all(v is not None for v in plans) and abs(sum(cast("list[Decimal]", plans), Decimal(0)) - 100) <= Decimal("0.1"):
                        # (every part has its figure, or hint would be set, and its plan)
                        culprit = max(parts, key=lambda p: abs(cast(Decimal, p.held(role)) - cast(Decimal, p.held("target"))))
                        hint = (f" Phần lệch nhiều nhất so với kế hoạch: «{culprit.name}» ({fmt(culprit.held(role))} so "
                                f"với {fmt(culprit.held('target'))}).")
                self.add("structure_sum", culprit, role, structure=ind.name, cells=cells,
                         total=fmt(total.normalize() if total == total.to_integral() else total), hint=hint)

    def _hidden_among(self, head: Indicator, parts: list[Indicator]) -> list[int]:
        """Rows hidden in the sheet (left out by the reader) below a structure's head and before the next row read
        after its last part: shares that may be missing from its sum."""
        if not self.t.hidden_left_out:
            return []
        after = min((i.row for i in self.t.indicators if i.row > parts[-1].row), default=None)
        return [r for r, _ in self.t.hidden_left_out if head.row < r and (after is None or r < after)]

    def spelling(self) -> None:
        """The same agency or leader written two ways in one column."""
        # Cells repeat: count each distinct text and split it once; the rows are gathered only for the
        # texts of a name written two ways (rare), in the order they always were.
        for role in ("lead", "cooperate", "leader"):
            if role not in self.t.columns:
                continue
            cells = self.column(role)
            counts = Counter({v: n for v, n in _counted(cells).items() if isinstance(v, str)})
            for v in [v for v in counts if not v.strip()]:
                del counts[v]  # inherited values are checked where written
            variants: dict[str, Counter] = defaultdict(Counter)
            spellings = {}
            for raw, n in counts.items():
                pairs = spellings[raw] = ([(vtext.person_key(raw), vtext.clean(raw))] if role == "leader"
                                          else _agency_spellings(raw))
                for key, item in pairs:
                    variants[key][item] += n
            if role != "leader":
                self._abbreviated(role, cells, counts)
            split = {key for key, counter in variants.items() if len(counter) >= 2}
            if not split:
                continue
            wanted = {raw for raw, pairs in spellings.items() if any(key in split for key, _ in pairs)}
            by_text: dict[str, list[Indicator]] = defaultdict(list)
            for ind, v in _rows_with(self.t.indicators, cells, wanted):
                by_text[v].append(ind)
            where: dict[tuple[str, str], list[Indicator]] = defaultdict(list)
            for raw in counts:
                if raw in wanted:
                    for key, item in spellings[raw]:
                        where[(key, item)].extend(by_text[raw])
            for key, counter in variants.items():
                if len(counter) < 2:
                    continue
                (major, _), *minors = counter.most_common()
                first_rows = nsmallest(3, map(attrgetter("row"), where[(key, major)]))
                major_cells = ", ".join(cell_ref(r - 1, self.t.columns[role]) for r in first_rows)
                for item, _n in minors:
                    if _letters(item) == _letters(major):
                        continue  # only punctuation, spacing or case differ: one spelling
                    for ind in sorted(where[(key, item)], key=lambda i: i.row):
                        self.add("inconsistent_spelling", ind, role, value=item, other=major, other_cells=major_cells)

    def _abbreviated(self, role: str, cells: list[Any], counts: Counter) -> None:
        """An agency a document would print as typed in abbreviation («P.TCKH» the registry does not know): told
        once, at its first cell, with how many other cells write it. Each distinct text is looked at once."""
        found = {raw: items for raw in counts if (items := _abbreviated_agencies(raw))}
        if not found:
            return
        rows: dict[str, list[Indicator]] = defaultdict(list)
        for ind, v in _rows_with(self.t.indicators, cells, found):
            for item in found[v]:
                rows[item].append(ind)
        for item, inds in rows.items():
            more = len(inds) - 1
            self.add("agency_abbreviated", inds[0], role, value=item,
                     elsewhere=f" (và ở {more} ô khác của cột)" if more else "")


def _distinct(cells: list[Any]) -> Iterable[Any]:
    """The distinct cells in order of first appearance, told apart in C (a cell that cannot be hashed,
    which no reader makes, sends the column through a Python loop instead). A text never equals a
    value of another type, so the texts among them are the distinct texts."""
    try:
        return dict.fromkeys(cells)
    except TypeError:
        return dict.fromkeys([v for v in cells if isinstance(v, str)])


def _counted(cells: list[Any]) -> Counter:
    """Counter(cells) (as `_distinct`, unhashable cells counted only when texts)."""
    try:
        return Counter(cells)
    except TypeError:
        return Counter([v for v in cells if isinstance(v, str)])


def _rows_with(inds: list[Indicator], cells: list[Any], texts: Container[str]) -> Iterable[tuple[Indicator, str]]:
    """(row, cell) for each row whose text cell is one of `texts` (strings), in row order: the
    look-ups done in C, the rows that match (few) yielded to Python."""
    try:
        hits = list(map(texts.__contains__, cells))
    except TypeError:  # a cell that cannot be hashed is no text of theirs
        hits = [isinstance(v, str) and v in texts for v in cells]
    return compress(zip(inds, cells), hits)


def _letters(s: str) -> str:
    """Letters and digits with their diacritics, lower case: what a spelling is made of."""
    return "".join(ch for ch in vtext.clean(s).lower() if ch.isalnum())


@lru_cache(maxsize=1 << 14)
def _agency_spellings(raw: str) -> tuple[tuple[str, str], ...]:
    """(registry key, item as written) for each agency of a cell: one agency's spellings share a key."""
    from kh_excel.core.table import agency_registry
    reg = agency_registry()
    return tuple((reg.key(item), item) for item in reg.split(raw, canonical=False))


@lru_cache(maxsize=1 << 12)
def _abbreviated_agencies(raw: str) -> tuple[str, ...]:
    """The agencies of a cell that a document would print in an abbreviation it does not know (as printed)."""
    from kh_excel.core.agencies import looks_abbreviated
    from kh_excel.core.table import agency_registry
    if not looks_abbreviated(raw):
        return ()  # the common cell: no abbreviation at all, nothing to split
    reg = agency_registry()
    return tuple(item for item in reg.split(raw) if reg.unknown_abbreviation(item))


def _is_nfc(s: str) -> bool:
    import unicodedata
    return unicodedata.is_normalized("NFC", s)


_BOUND_WORDS = {"=": "{}", "~": "khoảng {}", ">": "trên {}", ">=": "từ {} trở lên", "<": "dưới {}",
                "<=": "không quá {}"}


def target_reading(t: Target) -> str:
    """How a plan was read, in figures, for a warning: «trên 8.000.000», «từ 7.000.000 đến 8.000.000»."""
    if t.op == "range":
        return f"từ {fmt(t.value)} đến {fmt(t.high)}"
    return _BOUND_WORDS.get(t.op, "{}").format(fmt(t.value))


def _verb_led(raw: Any) -> bool:
    """"Giảm 1,5%", "Tăng 3 bậc", "Đạt chuẩn …": a goal in words, not a mistyped number."""
    return vtext.fold(raw).startswith(("tang", "giam", "dat ", "phan dau", "duy tri", "giu", "nang", "keo giam"))


def _date_text(v: Any) -> str:
    """A date or time as Vietnamese write it: 01/05/2026, 01/05/2026 08:30, 08:30."""
    if isinstance(v, _dt.datetime):
        return v.strftime("%d/%m/%Y") + (v.strftime(" %H:%M") if (v.hour, v.minute, v.second) != (0, 0, 0) else "")
    if isinstance(v, _dt.date):
        return v.strftime("%d/%m/%Y")
    if isinstance(v, _dt.time):
        return v.strftime("%H:%M")
    return str(v)


def _looks_numeric_attempt(raw: Any) -> bool:
    """A short text with digits in it was meant to be a number ("11.650 nghìn")."""
    s = vtext.clean(raw)
    return any(ch.isdigit() for ch in s) and len(s) <= 30


def _structures(inds: list[Indicator], keys: list[str] | None = None) -> list[tuple[Indicator, list[Indicator]]]:
    """Each 'Cơ cấu …' row that has parts, with them (`keys`: each row's name_key)."""
    return [(inds[i], parts) for i, parts in _structures_at(inds, keys)]


def _structures_at(inds: list[Indicator], keys: list[str] | None = None) -> list[tuple[int, list[Indicator]]]:
    """_structures with each head's index in place of the head."""
    if keys is None:
        keys = [ind.key or ind.name_key for ind in inds]
    found = []
    for i in compress(count(), map(methodcaller("startswith", "co cau"), keys)):  # the heads found in C
        parts = structure_parts(inds, i)
        if parts:
            found.append((i, parts))
    return found


_CODE_ORDER = {code: i for i, code in enumerate(CATALOGUE)}


def _sheet_order(f: Finding) -> tuple[int, int, int]:
    return (f.row or 0, _col_of(f.cell), _CODE_ORDER[f.code])


@without_gc
def validate(table: Table) -> list[Finding]:
    """Every finding for the table, in sheet order (reader findings first where tied)."""
    return validate_found(table)[0]


@without_gc
def validate_found(table: Table) -> tuple[list[Finding], list[tuple[int, list[Indicator]]]]:
    """validate's findings, with the structures it found ((index of each «Cơ cấu …» row with parts, its
    parts), `_structures_at`): core.gate.check hands them to evaluate instead of it finding them again."""
    ch = _Checker(table)
    ch.out.extend(table.reader_findings)
    _header_check(ch)
    inds = table.indicators
    keys = [ind.key or ind.name_key for ind in inds]
    found = _structures_at(inds, keys)
    structures = [(inds[i], parts) for i, parts in found]
    structure_heads = {ind.row for ind, _ in structures}
    headings = _part_headings(inds)
    other_year = other_year_rows(table)
    if other_year:
        ch.out.append(other_year_finding(table, other_year))
    ch.rows(keys, headings, structure_heads, {ind.row for ind in other_year})
    ch.rates_as_index(keys)
    ch.texts()
    ch.stt_sequence()
    ch.structures(structures)
    ch.spelling()
    return sorted(ch.out, key=_sheet_order), found


def cell_list(cells: Iterable[tuple[int, int]], limit: int = 20) -> str:
    """0-based cells as A1 references, runs down a column joined as ranges: «D3:D5, E3»; past
    `limit` ranges the rest is counted, not listed."""
    by_col: dict[int, set[int]] = defaultdict(set)
    for r, c in cells:
        by_col[c].add(r)
    parts = [(cell_ref(a, c) + (f":{cell_ref(b, c)}" if b != a else ""), b - a + 1)
             for c in sorted(by_col) for a, b in runs(by_col[c])]
    return _joined(parts, limit, "ô")


def runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Distinct integers as (first, last) runs of consecutive ones, in order: {3, 4, 5, 9} -> [(3, 5), (9, 9)]."""
    out: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def _joined(parts: list[tuple[str, int]], limit: int, unit: str) -> str:
    """Named parts (text, how many it covers) joined; past `limit` the rest counted: «… và 25 ô khác»."""
    shown = ", ".join(text for text, _ in parts[:limit])
    if len(parts) > limit:
        return f"{shown} và {sum(n for _, n in parts[limit:])} {unit} khác"
    return shown


def row_list(rows: Iterable[int], limit: int = 20) -> str:
    """1-based rows, runs joined as ranges: «8–17, 19»; past `limit` ranges the rest is counted."""
    return _joined([(f"{a}–{b}" if b != a else f"{a}", b - a + 1) for a, b in runs(rows)], limit, "dòng")


def formula_findings(sheet: str, uncached: dict[tuple[int, int], str], failure: str) -> list[Finding]:
    """Formulas saved without a value: one warning listing the cells computed, or an error per cell
    that could not be computed (never a silent empty)."""
    if not uncached:
        return []
    if failure:
        return [make_finding("formula_not_computed", sheet, r, c, formula=f" «={f}»" if f else "", reason=failure)
                for (r, c), f in sorted(uncached.items())]
    first = min(uncached)
    return [make_finding("formula_computed", sheet, first[0], first[1], count=len(uncached), cells=cell_list(uncached))]


def unlabelled_column(table: Table, role: str) -> str:
    """A column read with no header of its own (an STT column left blank, core.table._unlabelled_stt), as check and
    the CLI name it: «STT (cột A, không có tiêu đề)»."""
    return f"{COLUMN_NAMES.get(role, role)} (cột {col_letter(table.columns[role])}, không có tiêu đề)"


def _header_check(ch: _Checker) -> None:
    t = ch.t
    wanted = [r for r in ("stt", "unit", "lead") if r not in t.columns]
    if wanted:
        found = ", ".join(f"{COLUMN_NAMES[r]} («{t.column_headers[r]}»)" if t.column_headers[r]
                          else unlabelled_column(t, r) for r in t.columns if r in COLUMN_NAMES)
        # (a unit the title or the figure headers give every row is said, with where it was read)
        missing = ", ".join(f"{COLUMN_NAMES[r]} (mọi dòng đọc là «{t.unit_from[0]}», theo «{t.unit_from[1]}»)"
                            if r == "unit" and t.unit_from else COLUMN_NAMES[r] for r in wanted)
        r0 = t.header_rows[0] - 1
        ch.out.append(make_finding("header_incomplete", t.sheet, r0, 0, "", found=found, missing=missing, row=r0 + 1))


def _col_of(cell: str) -> int:
    """1-based column of the letters in a reference ('E12' -> 5, '' -> 0)."""
    head = cell.rstrip("0123456789")
    if head.isalpha():  # 'E' of 'E12': the letters are the head, looked up once per column
        return _letters_value(head)
    return _letters_value("".join(ch for ch in cell if ch.isalpha()))


@lru_cache(maxsize=1 << 10)
def _letters_value(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    c = Counter(f.severity for f in findings)
    return {"error": c.get("error", 0), "warning": c.get("warning", 0)}


CELLS_SHOWN = 20    # ranges of cells (or rows) named in a summary line before «và N ô khác»


@lru_cache(maxsize=1 << 10)
def _column_of_letters(letters: str) -> int:
    return col_index(letters)


def _column(cell: str) -> int:
    """0-based column of «E12»: the letters looked up once, not once per finding (150 000 findings)."""
    return _column_of_letters(cell.rstrip("0123456789"))


@without_gc  # 150 000 findings make as many tuples; the collector would walk the whole table for each batch
def finding_summaries(findings) -> list[tuple[str, str, str]]:
    """One (severity, title, text) per code, in the order codes first occur:
    («warning», «Số lưu dạng văn bản», «number_as_text — 812 ô: E12:E40, G12, … và 792 ô khác»)."""
    by_code: dict[str, list] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    out = []
    for code, fs in by_code.items():
        # a finding may cover many cells (formula_computed: `count` cells, already listed in `cells`)
        spans = [f for f in fs if f.cell and int(f.params.get("count") or 1) > 1 and f.params.get("cells")]
        span_ids = set(map(id, spans))
        cells = {(f.row - 1, _column(f.cell)) for f in fs if f.cell and f.row and id(f) not in span_ids}
        count = len(cells) + sum(int(f.params["count"]) for f in spans)
        whole = sum(1 for f in fs if not f.cell)
        shown = [str(f.params["cells"]) for f in spans] + ([cell_list(cells, CELLS_SHOWN)] if cells else [])
        parts = [", ".join(shown)] if shown else []
        if whole:
            parts.append(f"{whole} {'lỗi' if fs[0].severity == 'error' else 'cảnh báo'} về cả trang")
        title = CATALOGUE[code].title if code in CATALOGUE else code
        out.append((fs[0].severity, title, f"{code} — {count} ô: " + "; ".join(parts) if shown else f"{code} — " + "; ".join(parts)))
    return out
