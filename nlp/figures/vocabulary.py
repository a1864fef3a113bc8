"""The words the indicator rules read (nlp/figures/indicator.py), compared by `key`: underthesea's
words lower-cased with "_" between syllables ("ước đạt" → "ước_đạt")."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.types import Token


def key(token: Token) -> str:
    """``key(Token(0, 7, "Ước đạt")) == "ước_đạt"``."""
    return _key(token.text)


@lru_cache(maxsize=8192)
def _key(word: str) -> str:
    return word.lower().replace(" ", "_")  # the rules ask for the same few thousand words again and again


def tags(phrase: list[Token]) -> list[str]:
    """underthesea's parts of speech of the words of `phrase`, read together (slow: a rare case only, cached)."""
    return list(_tags(tuple(w.text for w in phrase)))


@lru_cache(maxsize=4096)
def _tags(words: tuple[str, ...]) -> tuple[str, ...]:
    from nlp.segment import pos_tags

    return tuple(pos_tags(list(words)))


def tag(word: Token) -> str:
    """underthesea's part of speech of one word alone, cached: "bồi dưỡng" → "V", "chủ yếu" → "A"."""
    return _word_tag(word.text.lower())


@lru_cache(maxsize=4096)
def _word_tag(word: str) -> str:
    from nlp.segment import pos_tags

    return pos_tags([word])[0]


# Verbs, qualifiers and signs that stand between the phrase and its figure.
TAIL = frozenset(
    "đạt ước ước_đạt ước_tính ước_thực_hiện thực_hiện tăng giảm vượt chiếm là có được bằng khoảng hơn gần "
    "trên dưới xấp_xỉ tối_thiểu tối_đa còn lên xuống đến tới từ tương_đương tăng_thêm giảm_thêm đã đang "
    "sẽ ghi_nhận tổng_cộng gồm bao_gồm chỉ mới thêm đạt_được dự_kiến phấn_đấu ước_khoảng khoảng_chừng "
    "cao thấp hơn_nữa tính đạt_mức với_tổng_số không_quá quá không tối_đa tối_thiểu ở_mức hỗ_trợ được_hưởng "
    "hưởng cộng_thêm tiếp_tục khá rất đều vẫn cũng có_thể lần_lượt vào_khoảng : - – = ( + x".split())
# Linking verbs: the subject before them is what a counted figure or a share measures.
LINK = frozenset("đạt ước ước_đạt ước_tính là chiếm bằng tổng_cộng còn tăng giảm vượt "
                  "lên xuống đạt_được".split())
# "vào năm 2010", "đến năm 2015": a time of its own, not the year of the thing named.
WHEN = frozenset("vào trong đến tới từ cuối đầu giữa sau trước cả".split())
# A time phrase opening a clause before its comma: "Quý I/2023, tổng mức … và doanh thu …".
TIME_OPENERS = frozenset("quý tháng năm 6_tháng 9_tháng trong đến tính_đến cuối đầu".split())
NAMED_PAIRS = frozenset([("nhỏ", "vừa"), ("vừa", "nhỏ")])
REACHED = frozenset("đạt ước_đạt đạt_được".split())
# Words that open the clause a phrase belongs to; the phrase starts after them.
BOUNDARY = frozenset(
    "đạt ước_đạt là chiếm tăng giảm vượt và với nhưng thì mà nên hoặc gồm bao_gồm có trong_đó đồng_thời "
    "tuy_nhiên song như cụ_thể".split())
PUNCT = frozenset(",;.!?()[]\"“”'‘’…-–—+•=:x/*")
LEAD = frozenset("trong đó trong_đó tính tính_chung tính_đến riêng lũy_kế luỹ_kế đến nay đến_nay hiện hiện_nay "
                  "còn toàn đối_với về ngoài_ra bên_cạnh cùng_với thực_hiện áp_dụng được cộng_thêm nâng nâng_cao dự_kiến "
                  "phấn_đấu bảo_đảm đảm_bảo duy_trì kết_quả giai_đoạn thời_kỳ cộng thêm hưởng được_hưởng".split())
# Cut a long phrase at these: "Mức thuế suất … để tính …" → "Mức thuế suất …".
CUT = frozenset("để nhằm khi nếu do vì theo mà thì được phải đã sẽ đang".split())
# After a figure, these end the phrase it counts.
STOP_AFTER = frozenset(
    "và với cho tại để nhằm theo so đạt là có được đã tăng giảm chiếm bằng trong từ đến khi nếu do vì thì mà "
    "nên hoặc trên dưới tới như này đó tính nộp phải dành dùng hỗ_trợ áp_dụng thực_hiện trở_lên "
    "trở_xuống còn_lại làm được_hưởng hưởng trở đang sẽ năm tháng ngày quý giai_đoạn vào ra lên xuống đối_với "
    "quy_định dự_kiến có_thể phù_hợp tiếp_tục gắn thành".split())
QUALIFIER = frozenset("khoảng hơn gần trên dưới xấp_xỉ tối_thiểu tối_đa không_quá ước_khoảng vào_khoảng".split())
NEUTRAL = frozenset("không đã đang sẽ chỉ".split())
MODAL = frozenset("phải cần đã sẽ không chỉ đều cũng vẫn mới được bị".split())
PLURAL = frozenset("các những".split())
# "0,5 km trước chợ Vinh": where the measure is, not what it measures.
PLACE_AFTER = frozenset("trước sau cách".split())
# A number written in words before its figure in brackets: "bằng tám mươi mét vuông (80m2)".
SPELLED = frozenset("một hai ba bốn năm sáu bảy tám chín mười mươi lăm tư trăm nghìn ngàn triệu mét vuông mét_vuông "
                     "ki_lô_mét héc_ta phần trăm phần_trăm lớn nhỏ hơn bằng hoặc".split())
DANGLING = frozenset("các những đối_với đối với của cho và gồm bao_gồm thuộc tại trong ngoài từ đến giai_đoạn "
                      "thời_kỳ".split())
GENERIC = frozenset("mức số tổng tổng_số giá đơn_giá mức_chi mức_thu".split())
NOT_AFTER_PERCENT = frozenset("kế_hoạch kh dự_toán so cùng_kỳ kịch_bản mục_tiêu".split())
SOFT_TAIL = frozenset("mới thêm bình_quân".split())
# Verbs that say what a subject does with the figure: "tỉnh hỗ trợ 30%".
ACTIONS = frozenset("hỗ_trợ cộng_thêm".split())
PASSIVE = frozenset("được bị được_hưởng".split())
# After "được", what is received is the quantity: "được hưởng phụ cấp", "được hỗ trợ mức sinh hoạt phí".
RECEIVE = frozenset("hưởng nhận hỗ_trợ cấp trợ_cấp bồi_thường cộng cộng_thêm thanh_toán chi_trả".split())
# A phrase that opens with these names a share itself: "Tỷ lệ cổ phần …: 28,6% vốn điều lệ".
SHARE_HEADS = frozenset("tỷ_lệ tỉ_lệ tỷ_trọng tỉ_trọng tốc_độ mức thuế_suất lãi_suất chỉ_số".split())
# Keeping a share is what it measures: "đơn vị tổ chức thu được để lại 25%".
RETAIN = frozenset("để_lại trích trích_lại giữ_lại để lại".split())
# Counted nouns that only classify: "02 bộ" (hồ sơ), "14 chiếc" (tàu).
NOT_NAMES = frozenset("nhất nhất_là đặc_biệt_là mỗi từng các những gửi".split())
LIST_INTROS = frozenset(["như_sau", "sau_đây", "cụ_thể", "như sau", "sau đây"])
CLASSIFIERS = frozenset("bộ chiếc cái con bản tờ quyển cuốn".split())
# "chi … 1 lần": a count of times, named by what is done.
FREQUENCY = frozenset(["lần"])
# Places that act: "11 phường xây dựng kế hoạch" counts the wards, not the plan.
PLACES = frozenset("xã phường thị_trấn huyện quận tỉnh thành_phố thị_xã thôn ấp bản xóm khu_phố tổ_dân_phố".split())
TAIL_SYLLABLES = frozenset(part for k in TAIL for part in k.split("_"))
NOT_COUNTED = frozenset(["VND", "USD", "EUR", "%"])
# A pointer into the legal text, after the thing it qualifies: "… quy định tại điểm 1.4 …".
POINTERS = frozenset("quy_định nêu tại theo".split())
# After a figure with no name before it, these open the row it belongs to.
ROW_OPENERS = frozenset("đối_với cho".split())
# Words that name a measure: a phrase that reaches one after its topic starts there.
MEASURE_HEADS = frozenset("mức mức_chi mức_thu diện_tích tỷ_lệ tỉ_lệ đơn_giá thuế_suất lãi_suất".split())
# These open a phrase that a "và" or a comma goes on ("mật độ đường chính đối với … và đô thị").
NAMES_A_MEASURE = frozenset("mật_độ chỉ_tiêu tổng_số số_lượng diện_tích sản_lượng".split())
OF_LINKS = frozenset("có của và với bằng theo về là các những tổng".split())
# A small number after these names a place or a class ("khu vực 3 hỗ trợ 70%"), not a boundary.
NAMING = frozenset("khu_vực vùng loại nhóm hạng cấp khu tổ ấp thôn xóm phường quận đội lô mũi".split())
NORMS = frozenset("tiêu_chuẩn định_mức mức giá đơn_giá tỷ_lệ tỉ_lệ khung_giá".split())
REFERENCE_HEADS = frozenset("điều khoản điểm quyết_định nghị_định thông_tư luật nghị_quyết phụ_lục".split())
MAX_WORDS = 12
NUMBERISH = re.compile(r"[\d.,/%-]+$")
# "… rộng từ 12m trở lên: 0,60%": words between a label and its colon.
AND_MORE = frozenset("trở lên xuống trở_lên trở_xuống".split())
