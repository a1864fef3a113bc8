"""Closed-class word lists for the entity rules (lower case, NFC; one phrase per entry).

These are the closed classes of Vietnamese administrative language: agency head words, the
sectors of the state apparatus, administrative units, document types, regions and countries,
and common surnames (provinces, districts and wards come from `gazetteer`). None is drawn from the
evaluation data; extend by class.
"""

from __future__ import annotations

# Words that start an organization's name; the name continues after them.
AGENCY_HEADS = [
    "sở", "bộ", "cục", "tổng cục", "chi cục", "vụ", "ban", "văn phòng", "trung tâm", "thanh tra",
    "kho bạc nhà nước", "kho bạc", "viện", "học viện", "trường", "bệnh viện", "đài", "báo", "hội",
    "hội đồng", "liên đoàn", "liên minh", "đội", "ngân hàng", "quỹ", "công ty", "tổng công ty", "tập đoàn",
    "đại sứ quán", "tổng lãnh sự quán", "lãnh sự quán", "bộ chỉ huy", "bộ đội", "mặt trận", "tòa án",
    "toà án", "cảng vụ", "hợp tác xã", "đảng ủy", "đảng uỷ", "đoàn", "tổ", "phòng", "trạm", "ủy ban",
    "uỷ ban", "công an", "cơ quan", "nhà xuất bản", "đại học", "câu lạc bộ", "nhà văn hóa", "bảo tàng",
    "thư viện", "nhà hát", "chương trình phát triển", "kiểm toán", "hiệp hội", "liên hiệp",
    "tổng liên đoàn", "viễn thông", "điện lực", "tổ chức",
    "đảng bộ", "cảnh sát",  # "Đảng bộ tỉnh", "Đảng bộ Khối …"; forces by their field: "Cảnh sát giao thông"
    "bql",  # "Ban quản lý" in short: "các BQL rừng"
    "phân ban",  # a regional branch of a committee: "Phân ban Chỉ đạo … miền Bắc"
]
# Heads of the bodies that send reports, narrow enough to find "<issuer> kính báo cáo" in a
# closing paragraph (header.py): none opens an everyday phrase ("Tổ chức", "Trường hợp" do).
ISSUER_HEADS = [
    "sở", "ủy ban", "uỷ ban", "ban", "cục", "chi cục", "phòng", "văn phòng", "bộ", "tổng cục", "trung tâm",
    "viện", "thanh tra", "kho bạc", "ngân hàng", "công an", "đài", "hội", "liên đoàn", "quỹ",
]
# Heads whose names often go on in lower case to the place they serve: "Trung tâm Kiểm soát
# bệnh tật tỉnh", "Quỹ Vì người nghèo thành phố", "Ban An toàn giao thông tỉnh".
OPEN_NAME_HEADS = ["trung tâm", "quỹ", "ban", "hiệp hội", "hội", "chi cục", "ban quản lý"]
# Fields that open with what the body does and go on in lower case with its object: "Trung tâm
# Kiểm định kỹ thuật an toàn", "Chi cục Bảo vệ môi trường", "Hội đồng Thẩm định giá đất".
OPEN_FIELDS = [
    "quản lý", "kiểm định", "thẩm định", "bảo vệ", "phát triển", "nghiên cứu", "đăng ký", "kiểm soát",
    "giám định", "giám sát", "phòng chống", "phòng, chống", "xúc tiến", "hỗ trợ", "bảo trợ", "điều phối",
    "điều hành", "quan trắc", "kiểm nghiệm", "chăm sóc", "bảo tồn", "khai thác", "đào tạo", "bồi dưỡng",
    "tư vấn", "dịch vụ", "an toàn", "vệ sinh", "cứu hộ", "đền bù", "bồi thường",
    "tổ chức",  # "Vụ Tổ chức cán bộ"
]
# Complete names that need nothing after them (a place may still follow).
AGENCY_NAMES = [
    "quốc hội", "chính phủ", "thủ tướng chính phủ", "chủ tịch nước", "bộ chính trị", "ban bí thư", "thành ủy",
    "thành uỷ", "tỉnh ủy", "tỉnh uỷ", "huyện ủy", "huyện uỷ", "quận ủy", "quận uỷ", "thị ủy", "thị uỷ",
    "ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "mặt trận tổ quốc việt nam",
    "ủy ban mặt trận tổ quốc việt nam", "uỷ ban mặt trận tổ quốc việt nam", "ủy ban mặt trận tổ quốc",
    "uỷ ban mặt trận tổ quốc", "mặt trận tổ quốc", "ub mttq", "ủy ban mttq", "uỷ ban mttq", "mttq",
    "đảng cộng sản việt nam", "tòa án nhân dân",
    "toà án nhân dân", "viện kiểm sát nhân dân", "tòa án nhân dân tối cao", "toà án nhân dân tối cao",
    "viện kiểm sát nhân dân tối cao", "ban chấp hành trung ương", "ubnd", "hđnd",
    "ubmttq", "công an", "kho bạc nhà nước", "ngân hàng nhà nước", "bảo hiểm xã hội",
    "ban chỉ huy quân sự", "bộ chỉ huy quân sự", "bộ chỉ huy bộ đội biên phòng", "đoàn thanh niên",
    "hội liên hiệp phụ nữ", "liên đoàn lao động", "hội nông dân", "hội cựu chiến binh",
    "kiểm toán nhà nước", "đảng", "tw", "trung ương", "công đoàn", "thành đoàn", "tỉnh đoàn", "huyện đoàn", "quận đoàn",
    "ủy ban nhân", "uỷ ban nhân",  # "Uỷ ban nhân tỉnh": the committee with "dân" dropped (agencies.py guards it)
]
# Committees whose name holds their level, so a bare place follows: "Thành uỷ Hà Nội", "Tỉnh đoàn Nghệ An".
LEVEL_COMMITTEES = [
    "thành ủy", "thành uỷ", "tỉnh ủy", "tỉnh uỷ", "huyện ủy", "huyện uỷ", "quận ủy", "quận uỷ", "thị ủy", "thị uỷ",
    "thành đoàn", "tỉnh đoàn", "huyện đoàn", "quận đoàn",
]
# Organizations known by a short or brand name, written exactly so (case-sensitive): international
# bodies and the large Vietnamese groups, banks and retail chains reports name without a head word.
KNOWN_ORGANIZATIONS = [
    "UNESCO", "UNICEF", "UNDP", "UNFPA", "UNHCR", "UPU", "WHO", "WTO", "ILO", "FAO", "IMF", "ADB", "ASEAN",
    "APEC", "OECD", "JICA", "KOICA", "USAID", "GIZ", "AFD", "KfW", "WWF", "IUCN", "ITU", "ICAO", "IMO",
    "World Bank", "WB", "Liên Hợp Quốc", "Liên hợp quốc", "EVN", "PVN", "TKV", "VNPT", "Viettel", "MobiFone",
    "Mobifone", "Vietnam Airlines", "Vietjet", "Vietjet Air", "Bamboo Airways", "Vingroup", "VinFast",
    "Vinhomes", "Vinmec", "Vinschool", "Vietcombank", "VietinBank", "Vietinbank", "BIDV", "Agribank",
    "Sacombank", "Techcombank", "VPBank", "ACB", "SHB", "HDBank", "Becamex", "Becamex IDC", "Sabeco",
    "Habeco", "Vinamilk", "Masan", "Hòa Phát", "Thaco", "FPT", "Petrolimex", "Saigontourist", "Vietravel",
    "Saigon Co.op", "Co.opmart", "Co.op Food", "Bách Hóa Xanh", "Bách hóa Xanh", "Thế Giới Di Động",
    "Điện Máy Xanh", "WinMart", "WinMart+", "Vinmart", "Vinmart+", "VinMart", "VinMart+", "Satra", "GO!",
    "Big C", "Lotte Mart", "AEON", "Aeon", "AEON Mall", "Aeon Mall", "MM Mega Market", "Mega Market",
    "Circle K", "FamilyMart", "Ministop", "7-Eleven", "Grab", "Shopee", "Lazada", "Tiki",
]
# Heads that stand for a body of the place written after them ("Bảo tàng thành phố").
PLACE_BOUND_HEADS = [
    "bảo tàng", "thư viện", "công an", "bảo hiểm xã hội", "kho bạc nhà nước", "kho bạc",
    "nhà văn hóa", "nhà hát", "đài phát thanh và truyền hình", "bệnh viện", "trung tâm y tế",
    "văn phòng", "thanh tra", "đoàn thể thao", "ban chỉ đạo", "ban chỉ huy quân sự", "đảng bộ",
]
# Bodies written lower-case in running text, counted only with their place ("bảo hiểm xã hội
# thành phố"): the lower-case head alone is the service, not the body.
LOWER_PLACE_BODIES = ["bảo hiểm xã hội", "kho bạc nhà nước", "cục thuế", "cục hải quan", "ủy ban nhân dân",
                      "uỷ ban nhân dân", "hội đồng nhân dân"]
# Heads written in lower case before a capitalised sector: "phòng Y tế", "sở Tài chính".
LOWER_SECTOR_HEADS = ["phòng", "sở", "cục", "chi cục", "bộ"]
# Bodies named by their task: "Ban Chỉ đạo thành phố triển khai … trên địa bàn thành phố",
# "Đoàn Kiểm tra công tác cải cách hành chính của thành phố Cần Thơ" are one name each.
PURPOSE_HEADS = ["ban chỉ đạo", "ban tổ chức", "đoàn", "tổ", "tổ công tác", "hội đồng", "tiểu ban"]
# Words before such a body that make it a complement ("kết luận của Ban Chỉ đạo …", "thành lập
# Đoàn …"), where its long name can run to the place; as a subject the rest is the predicate.
PURPOSE_LEADS = ["của", "theo", "với", "cho", "việc", "lập", "toàn"]
# "Hội" before these is an event, not an association: "Hội Báo Xuân", "Hội sách", "Hội thi".
EVENT_AFTER_HOI = ["báo", "sách", "chợ", "thi", "diễn", "trại", "thao", "giảng", "khỏe", "khoẻ", "hoa",
                   "xuân", "đua", "làng"]
# Heads of foreign organizations written in English: "Saigon Children's Charity".
FOREIGN_ORG_HEADS = ["Charity", "Foundation", "Fund", "Organization", "Organisation", "Association",
                     "Institute", "International", "Corporation", "Company", "Council", "Agency",
                     "Alliance", "Trust", "Society", "Network", "Initiative", "University", "Vision",
                     "Aid", "Corps", "Group", "Bank", "Federation", "Mission", "Partnership"]
# Month names that are not campaigns: "Tháng Giêng", "Tháng Tám" (the revolution).
MONTH_NAMES = ["một", "hai", "ba", "tư", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "giêng", "chạp"]
# Subordinate units named by their parent: "Ban Chỉ đạo … của UBND thành phố" is one name.
SUBORDINATE_HEADS = ["ban", "tổ", "đoàn", "văn phòng", "phòng", "trung tâm", "hội đồng", "tiểu ban"]
# Abbreviated school types written before a school's name ("TH Trường Xuân A").
SCHOOL_ABBREVIATIONS = ["th", "thcs", "thpt", "mn", "mg", "mầm non", "tiểu học"]
# Sector names inside agency names; lower-case continuation is allowed only through these.
SECTORS = [
    "kế hoạch", "đầu tư", "tài chính", "công thương", "xây dựng", "giao thông vận tải",
    "giao thông", "vận tải", "nông nghiệp", "phát triển nông thôn", "tài nguyên", "môi trường",
    "y tế", "giáo dục", "đào tạo", "lao động", "thương binh", "xã hội", "văn hóa", "văn hoá",
    "thể thao", "du lịch", "thông tin", "truyền thông", "khoa học", "công nghệ", "nội vụ", "tư pháp",
    "ngoại vụ", "ngoại giao", "quốc phòng", "an ninh", "thống kê", "thuế", "hải quan",
    "quản lý thị trường", "dân tộc", "tôn giáo", "thi đua", "khen thưởng", "phát thanh",
    "truyền hình", "quy hoạch", "kiến trúc", "phòng cháy chữa cháy", "cứu nạn cứu hộ",
    "vệ sinh dịch tễ", "dinh dưỡng", "đa khoa", "nhi đồng", "ung bướu", "thủy lợi", "thuỷ lợi",
    "thủy sản", "thuỷ sản", "lâm nghiệp", "chăn nuôi", "thú y", "trồng trọt", "bảo vệ thực vật",
    "xúc tiến", "thương mại", "điện lực", "cấp nước", "năng lượng", "dân số", "kế hoạch hóa gia đình",
    "chỉ đạo", "quản lý dự án", "đầu tư xây dựng", "quản lý", "xuất nhập khẩu", "cổ phần",
    "trách nhiệm hữu hạn", "một thành viên", "liên doanh", "nhà nước", "nhân dân", "phát triển",
    "cải cách hành chính", "chuyển đổi số", "kinh tế", "đối ngoại", "lãnh sự", "hành chính công",
    "phục vụ hành chính công", "công tác", "tuyên giáo", "dân vận", "tổ chức", "kiểm tra",
    "công nghiệp", "chế xuất", "khu công nghiệp", "khu chế xuất", "sản xuất", "kinh doanh",
    "dịch vụ", "nghiên cứu", "bảo vệ", "chăm sóc sức khỏe", "sức khỏe", "sức khoẻ", "pháp chế",
    "tư vấn", "hướng nghiệp", "giới thiệu việc làm", "việc làm", "an toàn thực phẩm",
    "vệ sinh an toàn thực phẩm", "nước sạch", "ngân sách", "phòng, chống tham nhũng",
    "giáo dục thường xuyên", "giáo dục nghề nghiệp", "giáo dục quốc phòng",
    # Fields of ministries and departments written with a comma, "-" or "&" inside ("Bộ Bưu chính,
    # Viễn thông", "các Sở: Văn hoá, Thể thao và Du lịch, …"): one field, not a list of two.
    *[f"{a}{sep}{b}" for a, b in (("bưu chính", "viễn thông"), ("văn hóa", "thông tin"), ("văn hoá", "thông tin"),
                                  ("lao động", "thương binh và xã hội"), ("tài nguyên", "môi trường"))
      for sep in (", ", " - ", " & ", " ")],
    *[f"{a}, thể thao và du lịch" for a in ("văn hóa", "văn hoá")],
    "lao động - thương binh & xã hội", "lao động thương binh & xã hội",
    "kế hoạch và đầu tư", "nông nghiệp và phát triển nông thôn", "giáo dục và đào tạo", "khoa học và công nghệ",
    "thông tin và truyền thông", "tài nguyên và môi trường", "dân tộc và miền núi", "dân tộc miền núi",
]
ADMIN_UNITS = [
    "thành phố", "tỉnh", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn", "ấp", "khu vực",
    "tp.", "tx.", "tp",
]
# Units that may follow an agency without a name ("UBND thành phố" = the city's committee).
PLACE_SUFFIX_ALONE = ["thành phố", "tỉnh", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn", "tp"]
# Crop seasons: "vụ Đông Xuân" is a season, not a department ("Vụ Pháp chế").
SEASONS = ["đông xuân", "hè thu", "thu đông", "mùa", "xuân hè", "đông", "hè", "thu", "xuân", "lúa"]
DOC_TYPES = [
    "quyết định", "nghị quyết", "nghị định", "thông tư", "thông tư liên tịch", "chỉ thị", "kế hoạch",
    "công văn", "văn bản", "thông báo", "kết luận", "hướng dẫn", "tờ trình", "báo cáo", "lệnh",
    "pháp lệnh", "quy định", "quy chế", "chương trình", "công điện", "thông báo kết luận",
    "chỉ thị", "nghị quyết liên tịch", "quyết định liên tịch", "đề án", "điều lệ",
]
LAW_HEADS = ["luật", "bộ luật", "pháp lệnh", "hiến pháp", "hiến chương"]
PROJECT_HEADS = [
    "dự án", "đề án", "chương trình", "khu công nghiệp", "khu chế xuất", "khu đô thị", "khu dân cư",
    "khu du lịch", "khu tái định cư", "cụm công nghiệp", "nhà máy", "quốc lộ", "tỉnh lộ",
    "đường tỉnh", "cao tốc", "đường cao tốc", "cầu", "cảng", "cảng hàng không", "sân bay", "bến xe",
    "nhà máy điện", "nhà máy nhiệt điện", "trung tâm thương mại", "cuộc vận động", "phong trào",
    "phi dự án", "chiến lược", "quy hoạch", "đồ án", "tháng hành động", "đường bộ cao tốc",
    "khu kinh tế", "khu công nghệ cao", "khu thương mại tự do", "khu liên hợp", "liên hợp",
    "kcn", "kkt", "ccn", "kđt", "bến cảng", "cảng biển", "cảng quốc tế", "nhà ga", "đại lộ",
    "vành đai", "hồ chứa", "hồ chứa nước", "thành phố mới", "nhà máy thủy điện", "nhà máy điện gió",
    "nhà máy điện mặt trời", "nhiệt điện", "thủy điện", "điện gió", "điện mặt trời", "bến", "khu phức hợp",
    "trung tâm điện lực",  # a complex of power plants ("Trung tâm điện lực Vĩnh Tân"), not a centre (AGENCY)
    "tuần lễ", "ngày thế giới",  # weeks and days of action, as "Tháng hành động" ("Tuần lễ Quốc gia …")
]
# Named natural and historic sites: "Vịnh Hạ Long", "sông Cấm", "cửa khẩu Hoành Mô".
SITE_HEADS = [
    "vịnh", "sông", "đảo", "quần đảo", "bán đảo", "cửa khẩu", "cửa khẩu quốc tế", "cửa khẩu chính",
    "núi", "đèo", "hồ", "đầm", "đền", "chùa", "bãi biển", "bãi tắm", "khu di tích", "di tích",
    "thác", "rừng", "cù lao", "cồn", "khu danh thắng", "thành cổ", "công viên", "quảng trường",
    "vườn quốc gia", "khu bảo tồn thiên nhiên", "khu bảo tồn", "khu dự trữ sinh quyển", "khu di sản",
    "bang", "vùng lãnh thổ", "đặc khu", "cao nguyên", "vũng", "mũi", "hang", "động", "hòn", "cửa",
    "khu di tích lịch sử", "di tích lịch sử", "khu bảo tồn đất ngập nước", "làng nổi", "làng cổ",
    "thôn", "xóm", "khu phố", "tổ dân phố", "khóm", "thủ đô",
]
# Written out in full in every header: the country's official name, in any case.
COUNTRY_FULL_NAMES = ["cộng hòa xã hội chủ nghĩa việt nam", "cộng hoà xã hội chủ nghĩa việt nam"]
# "đường Võ Văn Kiệt", "cầu Cần Thơ": lower-case heads that name a work when a proper name follows.
WORK_HEADS = ["đường", "cầu", "cao tốc", "tuyến", "kênh", "cảng", "quốc lộ", "đường tỉnh", "đường bộ cao tốc",
              "kcn", "kkt", "ccn", "kđt", "khu công nghiệp", "khu kinh tế", "cụm công nghiệp", "khu chế xuất",
              "khu đô thị", "nhà máy", "nhiệt điện", "thủy điện", "trung tâm điện lực", "bến cảng", "cảng biển", "cảng quốc tế",
              "cảng hàng không", "cảng hàng không quốc tế", "nút giao", "trạm biến áp", "icd", "vành đai",
              "đại lộ", "hồ chứa", "hồ chứa nước", "khu công nghệ cao", "khu du lịch",
              "cảng cá", "cảng cạn", "cảng tàu khách", "bến cảng tổng hợp", "trạm dừng nghỉ", "đường bao biển",
              "đường ven sông", "đường ven biển", "nút giao thông", "cầu vượt", "hầm chui", "đường tránh",
              "đường dẫn", "đường trục"]
# Words a number counts or measures: after a place or work name they start a figure
# ("huyện Tiên Lãng 168,2 tỷ", "Cảng Hải Phòng 11 tháng"), otherwise the number is part of the name
# ("cầu Rào 1", "KCN Mỹ Phước 3").
COUNT_WORDS = [
    "tháng", "năm", "ngày", "quý", "tuần", "giờ", "triệu", "tỷ", "nghìn", "ngàn", "trăm", "vạn", "tấn",
    "ha", "km", "m", "kg", "m2", "m3", "km2", "mw", "kw", "kwh", "lượt", "người", "hộ", "căn", "dự án",
    "doanh nghiệp", "cơ sở", "trường", "xã", "phường", "công trình", "hồ sơ", "vụ", "con", "chiếc",
    "lao động", "sản phẩm", "container", "teu", "giường", "phòng", "lớp", "học sinh", "đơn vị", "tổ chức",
    "hợp tác xã", "điểm", "bộ", "cây", "đồng", "usd", "%", "lần", "ca", "bệnh nhân", "xe", "chuyến",
]
REGIONS = [
    "đồng bằng sông cửu long", "tây nguyên", "nam bộ", "bắc bộ", "trung bộ", "đông nam bộ",
    "tây nam bộ", "tây bắc", "đông bắc", "duyên hải nam trung bộ", "bắc trung bộ", "miền tây",
    "miền trung", "miền bắc", "miền nam", "đông nam á", "châu á", "châu âu", "châu phi", "châu mỹ",
    "trung đông", "biển đông", "mekong", "mê kông",
    "thái bình dương", "ấn độ dương", "đại tây dương", "bắc băng dương",  # oceans: not the provinces inside them
    "đồng bằng sông hồng", "đồng bằng bắc bộ", "trung du và miền núi phía bắc", "trung du miền núi phía bắc",
    "bắc trung bộ và duyên hải miền trung", "đồng tháp mười", "tứ giác long xuyên", "bán đảo cà mau",
    "nam trung bộ", "tây nam bộ", "đông nam á", "nam á", "đông á", "bắc á", "trung á", "tây á", "đông âu",
    "tây âu", "bắc âu", "nam âu", "bắc mỹ", "nam mỹ", "mỹ latinh", "mỹ la tinh", "châu đại dương", "bắc phi",
    "trung phi", "nam phi", "châu mỹ la tinh", "thăng long - hà nội", "thăng long",
]
COUNTRIES = [
    "việt nam", "lào", "campuchia", "thái lan", "trung quốc", "nhật bản", "hàn quốc", "triều tiên",
    "singapore", "malaysia", "indonesia", "philippines", "myanmar", "brunei", "đông timor", "ấn độ",
    "hoa kỳ", "mỹ", "canada", "mexico", "brazil", "argentina", "chile", "anh", "pháp", "đức", "ý",
    "tây ban nha", "bồ đào nha", "hà lan", "bỉ", "thụy sĩ", "thụy sỹ", "thuỵ sĩ", "thụy điển",
    "na uy", "đan mạch", "phần lan", "áo", "ba lan", "séc", "hungary", "nga", "ukraine", "belarus",
    "thổ nhĩ kỳ", "israel", "ả rập xê út", "iran", "iraq", "ai cập", "nam phi", "nigeria", "kenya",
    "úc", "australia", "new zealand", "đài loan", "hồng kông", "hong kong", "ma cao", "mông cổ",
    "pakistan", "bangladesh", "sri lanka", "nepal", "cuba", "venezuela", "peru", "colombia",
    "ireland", "hy lạp", "rumani", "romania", "bulgaria", "kazakhstan", "uzbekistan", "qatar",
    "kuwait", "các tiểu vương quốc ả rập thống nhất", "liên bang nga", "cộng hòa séc", "luxembourg",
    "tanzania", "mozambique", "angola", "algeria", "maroc", "ma-rốc", "ethiopia", "ghana", "senegal",
    "cameroon", "nigeria", "libya", "tunisia", "sudan", "uganda", "zambia", "zimbabwe", "madagascar",
    "ecuador", "bolivia", "paraguay", "uruguay", "panama", "costa rica", "guatemala", "honduras",
    "slovakia", "slovenia", "croatia", "serbia", "estonia", "latvia", "lithuania", "iceland", "síp",
    "jordan", "liban", "syria", "oman", "bahrain", "afghanistan", "bhutan", "maldives", "timor-leste",
    "papua new guinea", "fiji", "triều tiên", "mông cổ", "kyrgyzstan", "tajikistan", "turkmenistan",
    "azerbaijan", "armenia", "gruzia", "georgia", "moldova", "cộng hòa dân chủ nhân dân lào",
]
SURNAMES = [
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ",
    "ngô", "dương", "lý", "đào", "đoàn", "vương", "trịnh", "trương", "đinh", "lâm", "phùng", "mai",
    "tô", "tạ", "hà", "lưu", "thái", "châu", "quách", "lương", "cao", "kiều", "từ", "tăng", "lại",
    "triệu", "thạch", "danh", "kim", "văn", "tôn", "chu", "diệp", "la", "giang", "khúc", "mạc",
]
PERSON_TITLES = [
    "ông", "bà", "đồng chí", "anh", "chị", "chủ tịch", "phó chủ tịch", "giám đốc", "phó giám đốc",
    "bí thư", "phó bí thư", "bộ trưởng", "thứ trưởng", "thủ tướng", "phó thủ tướng", "trưởng ban",
    "phó trưởng ban", "gs", "pgs", "ts", "ths", "bs", "thượng tá", "đại tá", "trung tá", "thiếu tướng",
    "đại biểu", "tổng giám đốc", "hiệu trưởng", "cục trưởng", "vụ trưởng", "viện trưởng", "trưởng phòng",
    "phó trưởng phòng", "trung tướng", "thượng tướng", "đại tướng", "giáo sư", "phó giáo sư", "tiến sĩ",
    "luật sư", "nhà báo",
]
