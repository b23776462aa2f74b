"""Direction of indicator names as provinces, districts and communes write them, decided by hand (SPEC §4):
each case names why. The classes: a burden word inside a compound that names something good (bảo hiểm thất
nghiệp, năng suất lao động nông nghiệp, bổ nhiệm ⊃ «o nhiem», cán bộ học ⊃ «bo hoc», bảo tồn động ⊃ «ton dong»,
xóa mù chữ, người tham gia giao thông, thoát nước); a handled word that is part of the burden («thời gian giải
quyết»), that the burden qualifies («giải quyết quá hạn») or that is negated («chưa được giải quyết»); what is not
yet done («chưa đạt chuẩn»); a fall to a level («giảm còn»); a burden named by a passive «bị» or a word the list
lacked; places climbed (unit «Bậc») that are no rank; an index scored in points after a burden (PCI sub-index)."""
from decimal import Decimal

import pytest

from kh_excel.core.direction import infer_direction, is_rank
from kh_excel.core.numbers import parse_target


@pytest.mark.parametrize("name, unit, target, expected", [
    # a burden word inside a compound naming something good
    ("Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm thất nghiệp", "%", "30", "up"),
    ("Số người tham gia bảo hiểm thất nghiệp", "Người", "150.000", "up"),
    ("Ty le lao dong tham gia bao hiem that nghiep", "%", "30", "up"),
    ("Năng suất lao động nông nghiệp", "Triệu đồng/lao động", "75", "up"),
    ("Thu nhập bình quân của lao động nông nghiệp", "Triệu đồng", "60", "up"),
    ("Tỷ lệ cán bộ nữ bổ nhiệm lần đầu", "%", "25", "up"),
    ("Tỷ lệ cán bộ học tập nghị quyết", "%", "100", "up"),
    ("Diện tích khu bảo tồn động, thực vật hoang dã", "Ha", "20.000", "up"),
    ("Số xã đạt chuẩn xóa mù chữ mức độ 2", "Xã", "100", "up"),
    ("Tỷ lệ xã đạt chuẩn phổ cập giáo dục, xóa mù chữ", "%", "100", "up"),
    ("Số người tham gia giao thông vi phạm nồng độ cồn", "Người", "1.000", "down"),
    ("Số điểm ngập úng do hệ thống thoát nước", "Điểm", "3", "down"),
    # the handled word is part of the burden, qualified by it, or negated
    ("Thời gian giải quyết thủ tục hành chính", "Ngày", "10", "down"),
    ("Thoi gian giai quyet thu tuc hanh chinh", "Ngay", "10", "down"),
    ("Tỷ lệ hồ sơ TTHC giải quyết quá hạn", "%", "1", "down"),
    ("Tỷ lệ hồ sơ giải quyết trễ hạn", "%", "1", "down"),
    ("Số vụ việc khiếu nại tồn đọng chưa được giải quyết", "Vụ", "0", "down"),
    ("Số người nghiện chưa được cai nghiện", "Người", "10", "down"),
    # not (yet) done or met
    ("Số xã chưa đạt chuẩn nông thôn mới", "Xã", "5", "down"),
    ("Trong đó, số xã chưa đạt chuẩn", "Xã", "2", "down"),
    ("Tỷ lệ nước thải đô thị chưa được xử lý", "%", "30", "down"),
    ("Tỷ lệ đảng viên không hoàn thành nhiệm vụ", "%", "1", "down"),
    # a fall to a level: the figure is the level
    ("Tỷ lệ hộ nghèo giảm còn", "%", "2,5", "down"),
    ("Giảm tỷ lệ hộ nghèo xuống còn", "%", "3", "down"),
    ("Tỷ lệ trẻ em suy dinh dưỡng giảm xuống còn", "%", "12", "down"),
    # burdens the list lacked, a passive «bị», degradation (no reduction)
    ("Diện tích rừng bị cháy", "Ha", "0", "down"),
    ("Số người bị thương do tai nạn giao thông", "Người", "150", "down"),
    ("Số trẻ em bị xâm hại", "Trẻ", "0", "down"),
    ("Tỷ lệ diện tích rừng bị suy giảm", "%", "1", "down"),
    ("Nợ đọng thuế", "Tỷ đồng", "300", "down"),
    ("Nợ đọng xây dựng cơ bản", "Tỷ đồng", "0", "down"),
    ("Số doanh nghiệp giải thể", "Doanh nghiệp", "200", "down"),
    ("Số dự án chậm tiến độ", "Dự án", "10", "down"),
    ("Số vụ cháy nổ", "Vụ", "10", "down"),
    ("Số vụ ngộ độc thực phẩm", "Vụ", "0", "down"),
    ("Số ca mắc bệnh truyền nhiễm", "Ca", "500", "down"),
    ("Tỷ lệ tái phạm tội", "%", "3", "down"),
    ("Số vụ tảo hôn", "Vụ", "0", "down"),
    ("Số vụ tham nhũng", "Vụ", "0", "down"),
    ("Số phòng học tạm", "Phòng", "0", "down"),
    ("Số bò nhiễm bệnh", "Con", "0", "down"),
    # places climbed, and a sub-index scored in points
    ("Chỉ số PCI tăng", "Bậc", "3", "up"),
    ("Tăng hạng chỉ số PAR INDEX", "Bậc", "2", "up"),
    ("Chỉ số thành phần Chi phí không chính thức", "Điểm", "7,5", "up"),
])
def test_direction_decided_by_hand(name, unit, target, expected):
    assert infer_direction(name, unit, parse_target(target))[0] == expected


@pytest.mark.parametrize("name, unit, target, expected", [
    # the same words in their plain senses keep their direction
    ("Tỷ lệ thất nghiệp khu vực thành thị", "%", "3", "down"),
    ("Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội", "%", "35", "down"),
    ("Số học sinh bỏ học", "Học sinh", "0", "down"),
    ("Tỷ lệ người mù chữ trong độ tuổi 15-35", "%", "2", "down"),
    ("Tỷ lệ giải quyết các vụ việc khiếu nại, tố cáo tồn đọng", "%", "90", "up"),
    ("Tỷ lệ hồ sơ được giải quyết trước hạn", "%", "98", "up"),
    ("Số dự án chậm tiến độ được xử lý", "Dự án", "10", "up"),
    ("Tỷ lệ hộ nghèo giảm", "Điểm %", "1,5", "up"),
    ("Số vụ tai nạn giao thông giảm xuống", "%", "5", "up"),
    ("Giảm tỷ lệ sinh con thứ 3", "Điểm %", "0,5", "up"),
    ("Xóa nhà tạm, nhà dột nát", "Căn", "1.000", "up"),
    ("Chỉ số kiểm soát tham nhũng", "Điểm", "2", "up"),
    ("Xếp hạng chỉ số PCI", "Hạng", "20", "down"),
    ("Chỉ số giá tiêu dùng (CPI) tăng", "%", "4", "down"),
    # look-alikes that are no burden
    ("Tỷ lệ hộ có nhà tiêu, nhà tắm hợp vệ sinh", "%", "90", "up"),   # nhà tắm is no nhà tạm
    ("Số giải thể thao cấp tỉnh", "Giải", "20", "up"),                 # giải thể thao is no giải thể
    ("Tỷ lệ trường có đủ thiết bị dạy học tối thiểu", "%", "90", "up"),  # thiết bị is no passive
    ("Diện tích bí đỏ", "Ha", "100", "up"),                            # bí is no bị
    ("Số chùa được trùng tu", "Chùa", "3", "up"),                      # chùa is no chưa
    ("Tổng thu ngân sách chưa kể tiền sử dụng đất", "Tỷ đồng", "9.000", "up"),  # chưa kể: excluding
    ("Tỷ lệ thanh toán không dùng tiền mặt", "%", "90", "up"),
    ("Tỷ lệ cơ quan thực hiện quy định công khai", "%", "100", "up"),  # quy định công is no đình công
])
def test_plain_senses_and_look_alikes(name, unit, target, expected):
    assert infer_direction(name, unit, parse_target(target))[0] == expected


def test_places_climbed_are_no_rank_but_a_place_is():
    assert not is_rank("Chỉ số PCI tăng", "Bậc")
    assert is_rank("Xếp hạng chỉ số PCI", "Bậc")
    assert is_rank("Chỉ số tăng trưởng xanh (xếp hạng)", "Hạng")


def _book(tmp_path, rows):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Ước thực hiện năm 2026", "Cơ quan chủ trì"])
    for r in rows:
        ws.append([*r, "Công an tỉnh"])
    path = tmp_path / "subrows.xlsx"
    wb.save(path)
    return path


def test_thin_sub_rows_read_with_their_indicator(tmp_path):
    """«Kéo giảm tai nạn giao thông trên cả 3 tiêu chí» with «- Số người chết» 5% and 7% done: a larger fall, Vượt
    (it was «Không đạt», listed as not met). «Tai nạn giao thông» with «- Số vụ» 200 and 180 done: fewer crashes,
    Vượt (it was «Không đạt … đạt 90,0% KH»). A sub-row named at length keeps its own direction."""
    from kh_excel.api import read_workbook
    from kh_excel.core.attainment import evaluate
    path = _book(tmp_path, [
        ("1", "Kéo giảm tai nạn giao thông trên cả 3 tiêu chí", "%", 5, None),
        ("-", "Số vụ", "%", 5, 7),
        ("-", "Số người chết", "%", 5, 7),
        ("-", "Số người bị thương", "%", 5, 7),
        ("2", "Tai nạn giao thông", None, None, None),
        ("-", "Số vụ", "Vụ", 200, 180),
        ("-", "Số người chết", "Người", 150, 140),
        ("3", "Tỷ lệ hộ nghèo", "%", 3, 2.6),
        ("-", "Số hộ thoát nghèo", "Hộ", 2000, 2200),
        ("-", "Số hộ nghèo được hỗ trợ nhà ở trong năm", "Hộ", 100, 120),
    ])
    table = read_workbook(path)
    got = {(a.indicator.row, a.indicator.name): (a.indicator.direction, a.status) for a in evaluate(table).assessments}
    assert got[(3, "Số vụ")] == ("up", "vuot")
    assert got[(4, "Số người chết")] == ("up", "vuot")
    assert got[(5, "Số người bị thương")] == ("up", "vuot")
    assert got[(7, "Số vụ")] == ("down", "vuot")
    assert got[(8, "Số người chết")] == ("down", "vuot")
    assert got[(10, "Số hộ thoát nghèo")] == ("up", "vuot")
    assert got[(11, "Số hộ nghèo được hỗ trợ nhà ở trong năm")] == ("up", "vuot")


def test_a_part_in_which_reads_with_its_indicator(tmp_path):
    """«Số vụ tai nạn giao thông» 200, «Trong đó: số vụ nghiêm trọng» 20 and 15 done: fewer serious crashes, Vượt
    (it was «Không đạt», 75% of plan); «Thu ngân sách», «Trong đó: thu nội địa» stays higher-is-better."""
    from kh_excel.api import read_workbook
    from kh_excel.core.attainment import evaluate
    path = _book(tmp_path, [
        ("1", "Số vụ tai nạn giao thông", "Vụ", 200, 180),
        ("", "Trong đó: số vụ nghiêm trọng", "Vụ", 20, 15),
        ("2", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", 15000, 16000),
        ("", "Trong đó: thu nội địa", "Tỷ đồng", 12000, 13000),
    ])
    got = {a.indicator.name: (a.indicator.direction, a.status) for a in evaluate(read_workbook(path)).assessments}
    assert got["Trong đó: số vụ nghiêm trọng"] == ("down", "vuot")
    assert got["Trong đó: thu nội địa"] == ("up", "vuot")


@pytest.mark.parametrize("name, expected", [
    ("Tỷ lệ xã, phường không để xảy ra cháy rừng", "up"),
    ("Tỷ lệ xe buýt sử dụng năng lượng sạch, không phát thải", "up"),
    ("Tỷ lệ thôn không còn hộ nghèo", "up"),
    ("Số ngày ô nhiễm không khí", "down"),          # «không khí» follows the burden: air, no negation
    ("Tỷ lệ doanh nghiệp phải trả chi phí không chính thức", "down"),
])
def test_a_negated_burden_is_good(name, expected):
    assert infer_direction(name, "%", parse_target("50"))[0] == expected
