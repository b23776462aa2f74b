"""415 indicator names as provinces, districts and communes write them, with unit, plan and the direction
decided by hand (u: higher is better, d: lower, ?: ambiguous, not asserted) and why. Used by
tests/test_direction_corpus.py."""
ROWS = r"""
Tốc độ tăng trưởng kinh tế (GRDP)|%|>8|u|growth
Tổng sản phẩm trên địa bàn (GRDP) theo giá so sánh 2010|Tỷ đồng|45.000|u|amount
GRDP bình quân đầu người|Triệu đồng|95|u|income
Cơ cấu kinh tế|%|100|u|structure head
Năng suất lao động xã hội|Triệu đồng/người|180|u|productivity
Năng suất lao động nông nghiệp|Triệu đồng/lao động|75|u|productivity of farm labour, not the farm-labour share
Thu nhập bình quân của lao động nông nghiệp|Triệu đồng/người/năm|60|u|income, not share
Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội|%|35|d|burden (SPEC)
Tỷ trọng lao động nông nghiệp|%|<40|d|burden + ceiling
Chỉ số sản xuất công nghiệp (IIP) tăng|%|10|u|growth
Giá trị sản xuất công nghiệp (giá so sánh 2010)|Tỷ đồng|52.000|u|amount
Chỉ số giá tiêu dùng (CPI) tăng|%|<4|d|ceiling
Chỉ số giá tiêu dùng bình quân|%|4|d|ceiling
Tốc độ tăng CPI|%|4,5|d|ceiling
Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng|Tỷ đồng|85.000|u|amount
Kim ngạch xuất khẩu|Triệu USD|1.200|u|amount
Kim ngạch nhập khẩu|Triệu USD|900|?|neither
Nhập siêu|Triệu USD|100|d|ceiling
Tổng vốn đầu tư phát triển toàn xã hội|Tỷ đồng|60.000|u|amount
Tỷ lệ giải ngân vốn đầu tư công|%|95|u|share
Thu ngân sách nhà nước trên địa bàn|Tỷ đồng|15.000|u|revenue
Thu nội địa|Tỷ đồng|12.000|u|revenue
Thu từ hoạt động xuất nhập khẩu|Tỷ đồng|2.500|u|revenue
Tổng chi ngân sách địa phương|Tỷ đồng|25.000|?|spending: at the estimate
Chi đầu tư phát triển|Tỷ đồng|8.000|u|investment spending: disbursement
Chi thường xuyên|Tỷ đồng|14.000|?|spending: at the estimate
Bội chi ngân sách địa phương|Tỷ đồng|500|d|ceiling
Tỷ lệ bội chi so với GRDP|%|<1|d|ceiling
Dư nợ chính quyền địa phương|Tỷ đồng|1.500|d|debt ceiling
Tỷ lệ nợ công so với GRDP|%|<30|d|ceiling
Tỷ lệ nợ xấu|%|<2|d|burden
Tỷ lệ nợ xấu nội bảng|%|2|d|burden
Tổng dư nợ tín dụng|Tỷ đồng|150.000|u|credit
Tốc độ tăng trưởng tín dụng|%|14|u|credit growth
Tổng nguồn vốn huy động|Tỷ đồng|160.000|u|deposits
Tỷ lệ thu hồi nợ xấu|%|50|u|recovery of bad debt
Tỷ lệ nợ đọng thuế so với tổng thu ngân sách|%|<5|d|burden + ceiling
Nợ đọng thuế|Tỷ đồng|300|d|tax arrears burden
Nợ đọng xây dựng cơ bản|Tỷ đồng|0|d|arrears
Số tiền nợ thuế|Tỷ đồng|250|d|tax arrears
Số doanh nghiệp thành lập mới|Doanh nghiệp|1.500|u|new firms
Số doanh nghiệp đang hoạt động|DN|13.400|u|firms
Phấn đấu toàn tỉnh có doanh nghiệp|DN|13.400|u|firms
Số doanh nghiệp giải thể|Doanh nghiệp|200|d|dissolved firms
Số doanh nghiệp tạm ngừng hoạt động|Doanh nghiệp|500|d|suspended firms
Số doanh nghiệp quay trở lại hoạt động|Doanh nghiệp|400|u|resumed
Số hợp tác xã thành lập mới|HTX|50|u|co-ops
Số dự án đầu tư được cấp mới|Dự án|60|u|projects
Vốn đầu tư trực tiếp nước ngoài (FDI) thu hút|Triệu USD|500|u|FDI
Số dự án chậm tiến độ|Dự án|10|d|delayed projects
Tỷ lệ dự án chậm tiến độ|%|<5|d|delayed
Số dự án bị thu hồi chủ trương đầu tư|Dự án|5|?|revocation: enforcement or burden
Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)|Điểm|68|u|score
Xếp hạng chỉ số PCI|Hạng|20|d|rank
Xếp hạng PCI|Thứ/63|15|d|rank
Chỉ số PCI tăng|Bậc|3|u|places to climb
Tăng hạng chỉ số PAR INDEX|Bậc|2|u|places to climb
Chỉ số PAR INDEX|%|88|u|score
Xếp hạng chỉ số cải cách hành chính (PAR INDEX)||15|d|rank by name
Chỉ số SIPAS|%|>85|u|satisfaction
Chỉ số hài lòng của người dân (SIPAS)|%|87|u|satisfaction
Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)|Điểm|44|u|score
Xếp hạng chỉ số PAPI|Vị thứ|20|d|rank
Chỉ số thành phần Chi phí không chính thức|Điểm|7,5|u|PCI sub-index score: higher is better
Chỉ số thành phần Chi phí thời gian|Điểm|7|u|PCI sub-index score
Tỷ lệ doanh nghiệp phải chi trả chi phí không chính thức|%|<30|d|burden
Chỉ số Kiểm soát tham nhũng trong khu vực công (PAPI)|Điểm|2|u|score
Chỉ số chuyển đổi số (DTI)|Điểm|0,6|u|score
Xếp hạng chỉ số chuyển đổi số (DTI)|Hạng|15|d|rank
Chỉ số đổi mới sáng tạo cấp địa phương (PII)|Điểm|40|u|score
Chỉ số phục vụ người dân và doanh nghiệp|Điểm|85|u|score
Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trước và đúng hạn|%|98|u|on time
Tỷ lệ hồ sơ giải quyết quá hạn|%|<2|d|overdue burden
Tỷ lệ hồ sơ giải quyết trễ hạn|%|1|d|late burden
Tỷ lệ hồ sơ TTHC giải quyết quá hạn|%|1|d|late burden
Số hồ sơ trễ hạn|Hồ sơ|0|d|late
Thời gian giải quyết thủ tục hành chính|Ngày|10|d|time
Thời gian giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất|Ngày|15|d|time
Tỷ lệ cắt giảm thời gian giải quyết thủ tục hành chính|%|30|u|reduction
Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình|%|80|u|share
Tỷ lệ hồ sơ trực tuyến toàn trình|%|>60|u|share
Tỷ lệ thanh toán trực tuyến|%|50|u|share
Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính|%|100|u|share
Tỷ lệ văn bản điện tử ký số|%|>95|u|share
Tỷ trọng kinh tế số trong GRDP|%|>10,5|u|share
Tỷ lệ thanh toán không dùng tiền mặt|%|>90|u|share
Tỷ lệ dân số trưởng thành có điện thoại thông minh|%|90|u|share
Tỷ lệ hộ gia đình có kết nối Internet cáp quang|%|85|u|share
Số xã đạt chuẩn nông thôn mới|Xã|60|u|count
Số xã đạt chuẩn nông thôn mới nâng cao|Xã|20|u|count
Số xã đạt chuẩn NTM kiểu mẫu|Xã|5|u|count
Số tiêu chí bình quân/xã|Tiêu chí|18|u|criteria
Số xã chưa đạt chuẩn nông thôn mới|Xã|5|d|not yet met: burden
Tỷ lệ xã chưa đạt chuẩn nông thôn mới|%|<10|d|
Số xã còn dưới 15 tiêu chí|Xã|0|d|
Số huyện đạt chuẩn/hoàn thành nhiệm vụ xây dựng NTM|Huyện|3|u|count
Số sản phẩm OCOP đạt 3 sao trở lên|Sản phẩm|100|u|count
Giá trị sản xuất nông, lâm nghiệp và thủy sản tăng|%|3,5|u|growth
Tổng sản lượng lương thực có hạt|Tấn|500.000|u|output
Diện tích lúa|Ha|80.000|?|area planned
Năng suất lúa|Tạ/ha|60|u|yield
Sản lượng thủy sản|Tấn|60.000|u|output
Tổng đàn lợn|Con|800.000|u|herd
Tỷ lệ che phủ rừng|%|>45|u|cover
Diện tích trồng rừng mới tập trung|Ha|5.000|u|planting
Số vụ cháy rừng|Vụ|0|d|burden
Diện tích rừng bị cháy|Ha|0|d|burden (bị cháy)
Diện tích rừng bị thiệt hại|Ha|<10|d|burden
Diện tích rừng bị chặt phá trái phép|Ha|5|d|burden
Số vụ phá rừng trái phép|Vụ|20|d|burden
Số vụ vi phạm Luật Lâm nghiệp|Vụ|100|d|burden
Tỷ lệ diện tích rừng bị suy giảm|%|1|d|degradation
Diện tích rừng suy thoái được phục hồi|Ha|200|u|restored
Tỷ lệ hộ sử dụng nước sạch|%|95|u|share
Tỷ lệ dân cư nông thôn sử dụng nước hợp vệ sinh|%|98|u|share
Tỷ lệ hộ chưa được sử dụng nước sạch|%|5|d|not yet served
Tỷ lệ hộ gia đình có nhà tiêu hợp vệ sinh|%|90|u|share
Tỷ lệ hộ gia đình không có nhà tiêu hợp vệ sinh|%|10|d|burden by negation
Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý|%|95|u|handled
Tỷ lệ chất thải nguy hại được xử lý|%|100|u|handled
Tỷ lệ khu công nghiệp có hệ thống xử lý nước thải tập trung|%|100|u|share
Tỷ lệ cơ sở gây ô nhiễm môi trường nghiêm trọng được xử lý|%|100|u|handled
Số cơ sở gây ô nhiễm môi trường nghiêm trọng|Cơ sở|0|d|burden
Số điểm ngập úng|Điểm|5|d|burden
Số điểm ngập úng do hệ thống thoát nước|Điểm|3|d|burden: «thoát» is drainage, not escape
Tỷ lệ đô thị có hệ thống thoát nước|%|70|u|share
Chỉ số chất lượng không khí (AQI) trung bình|Điểm|<100|d|pollution index ceiling
Lượng phát thải khí nhà kính|Triệu tấn CO2|5|d|emissions
Giảm phát thải khí nhà kính|%|10|u|reduction
Tổng lượng nước thải chưa qua xử lý xả ra môi trường|m3/ngày|1.000|d|untreated
Tỷ lệ nước thải đô thị chưa được xử lý|%|30|d|untreated
Số vụ sạt lở bờ sông|Vụ|0|d|burden
Thiệt hại do thiên tai|Tỷ đồng|<50|d|burden
Diện tích đất được đo đạc, cấp giấy chứng nhận|Ha|1.000|u|handled
Tỷ lệ cấp giấy chứng nhận quyền sử dụng đất lần đầu|%|98|u|share
Số vụ vi phạm pháp luật đất đai được phát hiện, xử lý|Vụ|50|u|handled
Số vụ vi phạm pháp luật về đất đai|Vụ|<30|d|burden
Số vụ khiếu nại về đất đai|Vụ|50|d|burden
Tỷ lệ giải quyết đơn khiếu nại, tố cáo thuộc thẩm quyền|%|>85|u|handled
Tỷ lệ giải quyết các vụ việc khiếu nại, tố cáo tồn đọng|%|90|u|handled backlog
Số vụ việc khiếu nại tồn đọng chưa được giải quyết|Vụ|0|d|not handled
Số đơn thư khiếu nại, tố cáo tồn đọng, kéo dài|Đơn|0|d|burden
Số lượt tiếp công dân|Lượt|1.000|?|neither
Tỷ lệ tội phạm về trật tự xã hội giảm|%|5|u|reduction
Kéo giảm tội phạm về trật tự xã hội|%|>5|u|reduction
Số vụ phạm pháp hình sự|Vụ|<300|d|burden
Số vụ phạm pháp hình sự giảm|%|5|u|reduction
Tỷ lệ điều tra, khám phá án hình sự|%|>75|u|handled
Tỷ lệ điều tra khám phá các vụ án rất nghiêm trọng, đặc biệt nghiêm trọng|%|>95|u|handled
Số vụ tội phạm ma túy|Vụ|200|d|burden
Số người nghiện ma túy có hồ sơ quản lý|Người|1.000|d|burden
Tỷ lệ người nghiện được cai nghiện|%|>90|u|handled
Số người tái nghiện|Người|0|d|burden
Tỷ lệ người chấp hành xong án phạt tù tái phạm tội|%|<5|d|reoffending
Tỷ lệ tái phạm tội|%|3|d|reoffending
Tỷ lệ xã, phường, thị trấn không có ma túy|%|80|u|free of drugs
Tỷ lệ xã, phường đạt tiêu chuẩn an toàn về an ninh, trật tự|%|90|u|share
Số vụ tai nạn giao thông|Vụ|<200|d|burden
Số người chết do tai nạn giao thông|Người|<150|d|burden
Số người bị thương do tai nạn giao thông|Người|<180|d|burden (bị thương)
Kéo giảm tai nạn giao thông trên cả 3 tiêu chí|%|5|u|reduction
Tỷ lệ người tham gia giao thông vi phạm nồng độ cồn|%|<5|d|burden: «tham gia giao thông» is road users
Số người tham gia giao thông vi phạm nồng độ cồn|Người|1.000|d|burden
Số vụ tai nạn giao thông giảm|%|5|u|reduction
Số vụ cháy, nổ|Vụ|<20|d|burden
Số vụ cháy nổ|Vụ|10|d|burden
Thiệt hại về tài sản do cháy nổ|Tỷ đồng|5|d|burden
Số vụ ngộ độc thực phẩm|Vụ|0|d|burden
Số người bị ngộ độc thực phẩm|Người|<20|d|burden
Số vụ ngộ độc thực phẩm tập thể|Vụ|<2|d|burden
Số ca mắc sốt xuất huyết|Ca|<1.000|d|burden
Số ca mắc bệnh truyền nhiễm|Ca|500|d|burden
Tỷ lệ mắc lao mới trên 100.000 dân|Ca/100.000 dân|50|d|burden
Số ca nhiễm HIV mới phát hiện|Người|<100|d|burden
Số người nhiễm HIV được điều trị ARV|Người|2.000|u|handled
Số ca mắc mới ung thư|Ca|300|d|burden
Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ|%|>95|u|share
Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi|%|<20|d|burden
Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân|%|10|d|burden
Tỷ suất chết trẻ em dưới 1 tuổi|‰|10|d|burden
Tỷ suất tử vong trẻ em dưới 5 tuổi|‰|15|d|burden
Tỷ số tử vong mẹ|/100.000 trẻ đẻ sống|40|d|burden
Tuổi thọ trung bình|Tuổi|74|u|life
Tỷ lệ bao phủ bảo hiểm y tế|%|>95|u|coverage
Tỷ lệ dân số tham gia bảo hiểm y tế|%|95|u|coverage
Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội|%|40|u|coverage
Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm thất nghiệp|%|30|u|coverage: not unemployment
Số người tham gia bảo hiểm thất nghiệp|Người|150.000|u|coverage
Tỷ lệ lao động tham gia BHTN|%|35|u|coverage
Số người tham gia BHXH tự nguyện|Người|20.000|u|coverage
Số giường bệnh/vạn dân|Giường|32|u|capacity
Số bác sĩ/vạn dân|Bác sĩ|12|u|capacity
Tỷ lệ trạm y tế xã có bác sĩ|%|100|u|share
Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế xã|%|100|u|share
Tỷ lệ dân số được quản lý sức khỏe bằng hồ sơ sức khỏe điện tử|%|90|u|share
Số dược sĩ đại học/vạn dân|Người|3|u|capacity
Tỷ lệ bệnh viện có khoa dược đạt chuẩn|%|100|u|share
Tỷ lệ sinh con thứ 3 trở lên|%|<10|d|burden
Giảm tỷ lệ sinh con thứ 3 trở lên|Điểm %|0,5|u|reduction
Tỷ số giới tính khi sinh|Bé trai/100 bé gái|<110|d|burden
Tỷ lệ tăng dân số tự nhiên|%|1|?|population policy
Mức giảm tỷ lệ sinh|‰|0,2|u|reduction
Tỷ lệ hộ nghèo|%|3|d|burden
Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)|%|<3|d|burden
Tỷ lệ hộ nghèo giảm|Điểm %|1,5|u|reduction
Giảm tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều|Điểm %|1-1,5|u|reduction
Tỷ lệ hộ nghèo giảm còn|%|2,5|d|level: «giảm còn» names the level reached
Tỷ lệ hộ nghèo giảm xuống còn|%|2|d|level
Giảm tỷ lệ hộ nghèo xuống còn|%|3|d|level
Tỷ lệ trẻ em suy dinh dưỡng giảm xuống còn|%|12|d|level
Tỷ lệ hộ cận nghèo|%|5|d|burden
Số hộ thoát nghèo|Hộ|2.000|u|escape
Số hộ nghèo được hỗ trợ nhà ở|Hộ|500|u|handled
Số hộ tái nghèo|Hộ|<50|d|burden
Số hộ nghèo phát sinh mới|Hộ|100|d|burden
Số hộ nghèo vay vốn ưu đãi|Hộ|3.000|u|credit
Thu nhập bình quân đầu người khu vực nông thôn|Triệu đồng|60|u|income
Tỷ lệ lao động qua đào tạo|%|70|u|share
Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ|%|30|u|share
Số lao động được tạo việc làm mới|Người|20.000|u|jobs
Số lao động đi làm việc ở nước ngoài theo hợp đồng|Người|2.000|u|jobs
Tỷ lệ thất nghiệp khu vực thành thị|%|<3|d|ceiling
Tỷ lệ thất nghiệp|%|2,5|d|ceiling
Số người hưởng trợ cấp thất nghiệp|Người|5.000|?|claims: burden or support
Tỷ lệ thiếu việc làm ở nông thôn|%|<2|d|underemployment burden
Tỷ lệ sử dụng thời gian lao động ở nông thôn|%|>90|u|use of time
Số vụ tai nạn lao động|Vụ|<10|d|burden
Số người chết do tai nạn lao động|Người|0|d|burden
Số cuộc đình công, ngừng việc tập thể|Cuộc|0|d|burden
Tỷ lệ trường đạt chuẩn quốc gia|%|>75|u|share
Tỷ lệ trường mầm non đạt chuẩn quốc gia|%|70|u|share
Tỷ lệ học sinh bỏ học|%|<0,5|d|burden
Tỷ lệ học sinh lưu ban|%|<1|d|burden: repeating a grade
Tỷ lệ học sinh tốt nghiệp THPT|%|>98|u|share
Tỷ lệ huy động trẻ em 5 tuổi ra lớp|%|99,5|u|share
Tỷ lệ trẻ em trong độ tuổi đi học mẫu giáo|%|95|u|share
Tỷ lệ người biết chữ trong độ tuổi 15-60|%|99|u|literacy
Số xã đạt chuẩn xóa mù chữ mức độ 2|Xã|100|u|literacy standard
Tỷ lệ xã đạt chuẩn phổ cập giáo dục, xóa mù chữ|%|100|u|standard
Tỷ lệ người mù chữ trong độ tuổi 15-35|%|<2|d|burden
Tỷ lệ cán bộ học tập nghị quyết|%|100|u|study: «cán bộ học» is not «bỏ học»
Số cán bộ, công chức được bồi dưỡng|Người|1.000|u|training
Tỷ lệ cán bộ nữ được bổ nhiệm vào các chức danh lãnh đạo|%|30|u|women appointed
Số lãnh đạo quản lý bổ nhiệm mới|Người|50|?|personnel count
Tỷ lệ nữ tham gia cấp ủy|%|>15|u|share
Tỷ lệ cán bộ nữ bổ nhiệm lần đầu|%|>25|u|women appointed
Tỷ lệ phòng học kiên cố|%|85|u|share
Tỷ lệ phòng học tạm, phòng học mượn|%|<3|d|burden (tạm)
Số phòng học tạm|Phòng|0|d|burden
Số nhà tạm, nhà dột nát được xóa|Căn|500|u|handled
Xóa nhà tạm, nhà dột nát|Căn|1.000|u|eliminated
Số nhà tạm, nhà dột nát còn lại|Căn|0|d|burden
Số hộ gia đình đạt danh hiệu gia đình văn hóa|%|90|u|share
Tỷ lệ thôn, tổ dân phố văn hóa|%|85|u|share
Số di tích được xếp hạng|Di tích|5|u|count (xếp hạng heritage, not a rank)
Số di tích được xếp hạng cấp tỉnh|Di tích|10|u|count
Số di tích lịch sử văn hóa được xếp hạng|Di tích|3|u|count
Tỷ lệ di tích xếp hạng được tu bổ, tôn tạo|%|50|u|share
Số cá thể động vật hoang dã được bảo tồn|Cá thể|200|u|conservation
Diện tích khu bảo tồn động, thực vật hoang dã|Ha|20.000|u|conservation (bảo tồn động)
Số loài động vật quý hiếm được bảo tồn, phát triển|Loài|20|u|conservation
Số vụ bạo lực gia đình|Vụ|<20|d|burden
Số vụ tảo hôn|Vụ|0|d|burden
Số trẻ em bị xâm hại|Trẻ|0|d|burden
Số trẻ em có hoàn cảnh đặc biệt được trợ giúp|%|90|u|handled
Tỷ lệ trẻ em bị tai nạn thương tích|%|<1|d|burden
Số người tự tử|Người|0|d|burden
Lượt khách du lịch|Lượt người|6.000.000|u|tourism
Tổng doanh thu du lịch|Tỷ đồng|10.000|u|tourism
Số lượt khách quốc tế|Nghìn lượt|500|u|tourism
Tổng thu từ khách du lịch|Tỷ đồng|9.000|u|tourism
Số ngày lưu trú bình quân của khách|Ngày|2,2|u|tourism length of stay (higher better)
Tỷ lệ đô thị hóa|%|45|u|urbanisation
Tỷ lệ đường giao thông nông thôn được cứng hóa|%|95|u|share
Số km đường giao thông nông thôn được bê tông hóa|Km|200|u|count
Số xã chưa có đường ô tô đến trung tâm|Xã|0|d|not yet
Tỷ lệ hộ sử dụng điện lưới quốc gia|%|99,9|u|share
Tỷ lệ tổn thất điện năng|%|<5|d|ceiling
Tiêu hao năng lượng trên một đơn vị GRDP|TOE/tỷ đồng|giảm 1,5|d|ceiling
Tỷ lệ thất thoát nước sạch|%|<18|d|ceiling
Tỷ lệ tổn thất sau thu hoạch|%|<10|d|ceiling
Tỷ lệ đàn gia súc được tiêm phòng|%|>80|u|share
Số ổ dịch tả lợn châu Phi|Ổ dịch|0|d|burden
Số lợn bị tiêu hủy do dịch bệnh|Con|0|d|burden
Diện tích cây trồng bị sâu bệnh|Ha|<500|d|burden
Diện tích lúa bị thiệt hại do thiên tai|Ha|0|d|burden
Số công trình thủy lợi được kiên cố hóa|Công trình|20|u|count
Diện tích đất sản xuất nông nghiệp được tưới chủ động|Ha|40.000|u|area
Diện tích nuôi trồng dược liệu|Ha|2.000|u|area
Diện tích trồng cây dược liệu dưới tán rừng|Ha|500|u|area
Số mô hình sản xuất rau an toàn|Mô hình|10|u|count
Tỷ lệ mẫu thực phẩm không đạt chuẩn|%|<5|d|failed samples
Tỷ lệ mẫu kiểm nghiệm thực phẩm đạt yêu cầu|%|95|u|passed samples
Tỷ lệ cơ sở vi phạm vệ sinh an toàn thực phẩm|%|<10|d|burden
Số cơ sở sản xuất, kinh doanh thực phẩm bị xử phạt|Cơ sở|100|?|enforcement
Số vụ buôn lậu, gian lận thương mại và hàng giả được phát hiện, xử lý|Vụ|500|u|handled
Số vụ buôn lậu, gian lận thương mại|Vụ|200|d|burden
Tỷ lệ chợ nông thôn đạt chuẩn|%|70|u|share
Tồn kho hàng hóa cuối kỳ|Tỷ đồng|1.000|d|inventory
Chỉ số tồn kho ngành công nghiệp chế biến|%|<90|d|inventory
Sản lượng điện thương phẩm|Triệu kWh|3.000|u|output
Sản lượng xi măng|Nghìn tấn|2.000|u|output
Sản lượng đá nghiền|m3|500.000|u|output (nghiền: grinding)
Số đề tài nghiên cứu khoa học được nghiệm thu|Đề tài|30|u|research
Số sáng chế, giải pháp hữu ích được cấp bằng bảo hộ|Bằng|20|u|count
Số doanh nghiệp khoa học và công nghệ|DN|15|u|count
Chi cho nghiên cứu khoa học và phát triển công nghệ|% GRDP|1|u|research spending
Số cuộc thanh tra, kiểm tra|Cuộc|200|?|activity count
Số cuộc giám sát của HĐND|Cuộc|10|u|supervision count
Số tiền sai phạm phát hiện qua thanh tra|Tỷ đồng|100|?|detection
Tỷ lệ thu hồi tiền sai phạm về ngân sách|%|>80|u|recovery
Số tiền sai phạm|Tỷ đồng|100|d|wrongdoing amount
Số vụ tham nhũng được phát hiện|Vụ|5|?|detection
Số vụ tham nhũng|Vụ|0|d|burden
Tỷ lệ thu hồi tài sản tham nhũng|%|>60|u|recovery
Số cán bộ, đảng viên vi phạm bị kỷ luật|Người|20|d|burden
Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên|%|>90|u|share
Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ|%|>85|u|share
Tỷ lệ tổ chức cơ sở đảng không hoàn thành nhiệm vụ|%|<2|d|burden by negation
Tỷ lệ đảng viên không hoàn thành nhiệm vụ|%|<1|d|burden by negation
Tỷ lệ cơ quan, đơn vị hoàn thành nhiệm vụ chuyển đổi số|%|100|u|share
Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn|%|100|u|share
Tỷ lệ cán bộ, công chức cấp xã chưa đạt chuẩn|%|<5|d|not yet
Số thủ tục hành chính được cắt giảm, đơn giản hóa|Thủ tục|50|u|handled
Tỷ lệ cắt giảm chi phí tuân thủ thủ tục hành chính|%|20|u|reduction
Số thủ tục hành chính được cắt giảm|TTHC|100|u|count reduced
Số biên chế cắt giảm|Người|200|u|reduction amount
Tỷ lệ tinh giản biên chế|%|>5|u|reduction policy
Số thôn, tổ dân phố sau sắp xếp|Thôn|1.000|?|count
TỔNG SẢN PHẨM TRÊN ĐỊA BÀN|Tỷ đồng|45.000|u|capitals
TỶ LỆ HỘ NGHÈO|%|3|d|capitals
TỶ LỆ HỘ NGHÈO GIẢM|Điểm %|1,5|u|capitals reduction
SỐ VỤ TAI NẠN GIAO THÔNG|Vụ|200|d|capitals
SỐ ĐỀ TÀI NGHIÊN CỨU KHOA HỌC|Đề tài|30|u|capitals research
SỐ NGƯỜI NGHIỆN MA TÚY|Người|500|d|capitals addicted
TỶ LỆ NGƯỜI THAM GIA BẢO HIỂM THẤT NGHIỆP|%|30|u|capitals coverage
Ty le ho ngheo|%|3|d|no diacritics
Ty le ho ngheo giam|Diem %|1,5|u|no diacritics reduction
So de tai nghien cuu khoa hoc|De tai|30|u|no diacritics research
So nguoi nghien ma tuy|Nguoi|500|d|no diacritics
So vu tai nan giao thong|Vu|200|d|no diacritics
Ty le thu gom rac thai|%|90|u|no diacritics
Ty le lao dong tham gia bao hiem that nghiep|%|30|u|no diacritics coverage
Nang suat lao dong nong nghiep|Trieu dong|75|u|no diacritics productivity
So cuoc giam sat|Cuoc|10|u|no diacritics supervision
Ty le ho so giai quyet qua han|%|<2|d|no diacritics overdue
Thoi gian giai quyet thu tuc hanh chinh|Ngay|10|d|no diacritics time
Trong đó: Tỷ lệ lao động nông nghiệp|%|35|d|trong đó burden
Trong đó: Số người chết|Người|<100|d|trong đó burden
Trong đó: Thu nội địa|Tỷ đồng|12.000|u|trong đó
Trong đó: số hộ nghèo giảm|Hộ|500|u|trong đó reduction
Trong đó: vốn ngân sách nhà nước|Tỷ đồng|5.000|u|trong đó
Trong đó, số xã chưa đạt chuẩn|Xã|2|d|trong đó not yet
Số vụ|Vụ|<200|?|TNGT sub-row: depends on parent
Số người chết|Người|<150|d|sub-row
Số người bị thương|Người|<150|d|sub-row
Tỷ lệ hộ dân được cấp nước sạch giảm giá|%|50|?|odd
Số lượt người được trợ giúp pháp lý|Lượt|1.000|u|handled
Số người có công được hỗ trợ cải thiện nhà ở|Hộ|300|u|handled
Tỷ lệ người khuyết tật được trợ giúp xã hội|%|100|u|handled
Số đối tượng bảo trợ xã hội|Người|10.000|?|count
Tỷ lệ dân số được tiếp cận dịch vụ trợ giúp xã hội|%|95|u|share
Tỷ lệ giảm nghèo bình quân năm|%|1,5|u|reduction
Số người chết, mất tích do thiên tai|Người|0|d|burden
Thời gian thông quan hàng hóa|Giờ|<24|d|ceiling by op
Số giờ nộp thuế|Giờ|100|d|time burden
Tỷ lệ dân số đô thị được cung cấp nước sạch qua hệ thống cấp nước tập trung|%|95|u|share
Tỷ lệ chất thải rắn được chôn lấp trực tiếp|%|<30|d|burden (landfill)
Tỷ lệ diện tích đất nông nghiệp bị bỏ hoang|%|<1|d|burden
Số con nuôi|Con|10|?|odd
Tỷ lệ hộ nghèo có con em bỏ học được hỗ trợ|%|100|u|handled
Tỷ lệ học sinh bỏ học được vận động trở lại lớp|%|80|u|handled
Tỷ lệ xã có bác sĩ làm việc|%|100|u|share
Số lượt bệnh nhân khám chữa bệnh|Lượt|1.000.000|?|count
Tỷ lệ hài lòng của người bệnh|%|>90|u|satisfaction
Tỷ lệ kê đơn thuốc điện tử|%|100|u|share
Số vụ phạm pháp hình sự|Vụ|50|d|crime count (rev11 D11)
Số đối tượng phạm tội về ma túy bị bắt giữ|Người|100|?|arrests: enforcement or burden
Số vụ phạm tội về trật tự xã hội|Vụ|80|d|crime count
Tỷ lệ hộ sử dụng nước không hợp vệ sinh|%|4|d|negated fitness (rev11 D11)
Số hộ chưa có nước sạch|Hộ|200|d|not yet had (rev11 D11)
Tỷ lệ dân số không có thẻ bảo hiểm y tế|%|5|d|not having
Số thôn chưa có điện lưới quốc gia|Thôn|3|d|not yet had
Tỷ lệ người không biết chữ trong độ tuổi 15-60|%|2|d|illiterate
Tỷ lệ xã không có tệ nạn xã hội|%|60|u|burden negated: free of social evils
Số vụ tệ nạn xã hội|Vụ|40|d|social evils
Tỷ lệ xã không có khiếu kiện đông người|%|90|u|burden negated: «không có» before a burden
Số xã không có hộ đói|Xã|12|u|burden negated: communes free of hunger
Số hộ đói giáp hạt|Hộ|0|d|hunger between harvests
Số xã không còn nhà tạm, nhà dột nát|Xã|10|u|burden negated by «không còn»
Số xã không có trạm y tế đạt chuẩn|Xã|2|d|not having a good thing
Chuyển đổi số: tỷ lệ hồ sơ trực tuyến toàn trình|%|80|u|«đổi» is no «đói»
Số điểm nóng về an ninh trật tự|Điểm|3|d|hot spots
Tỷ lệ trẻ em ngoài nhà trường|%|10|d|out of school (rev11 D11)
Tỷ lệ lao động phi chính thức|%|10|d|informal labour (rev11 D11)
Tỷ lệ thất thoát nước sạch|%|10|d|loss ceiling: «thoát nước» is no compound here (rev11 D11)
Tỷ lệ hộ thiếu hụt dịch vụ xã hội cơ bản|%|10|d|deprivation (rev11 D11)
Chi phí logistics so với GRDP|%|10|d|cost to cut (rev11 D11)
Tỷ lệ dân số béo phì|%|10|d|ill health (rev11 D11)
Tỷ lệ trẻ em mồ côi, lang thang|%|10|d|street children (rev11 D11)
Số vụ trộm cắp tài sản|Vụ|100|d|crime
Số vụ lừa đảo chiếm đoạt tài sản trên không gian mạng|Vụ|50|d|crime
Số nhiệm vụ khoa học và công nghệ cấp tỉnh|Nhiệm vụ|10|u|«Số nhiệm» holds no «ô nhiễm» (rev11 D27)
Số nhiệm vụ hợp tác quốc tế về khoa học|Nhiệm vụ|10|u|«Số nhiệm» holds no «ô nhiễm» (rev11 D27)
Số nhiệm vụ KHCN cấp tỉnh|Nhiệm vụ|10|u|«Số nhiệm» holds no «ô nhiễm» (rev11 D27)
Số nhiệm kỳ đại hội hoàn thành|Đại hội|10|u|«Số nhiệm» holds no «ô nhiễm» (rev11 D27)
Tỷ lệ trẻ hạnh phúc|%|10|u|«trẻ hạnh» holds no «trễ hạn» (rev11 D27)
Số học sinh giỏi, tài năng cấp quốc gia|Người|10|u|«tài năng» holds no «tai nạn» (rev11 D27)
Số vận động viên tài năng được đào tạo|Người|10|u|talent (rev11 D27)
Khối lượng hàng hóa thông qua hàng không|Tấn|10|u|«qua hàng» holds no «quá hạn» (rev11 D27)
Số tác phẩm lưu bản quyền|Tác phẩm|10|u|«lưu bản» is no «lưu ban» (rev11 D27)
Số học sinh lưu ban|Học sinh|10|d|repeating a grade
So hoc sinh luu ban|Hoc sinh|10|d|typed without diacritics: as written
Số người nghiện ma tuý|Người|300|d|old tone placement
Số nhà tắm công cộng|Nhà|10|u|«nhà tắm» is no «nhà tạm»
"""

def rows():
    out = []
    for line in ROWS.strip().splitlines():
        name, unit, target, exp, why = (line.split("|") + [""])[:5]
        out.append((name, unit, target, exp, why))
    return out
