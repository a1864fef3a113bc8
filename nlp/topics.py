"""A small fixed taxonomy of report topics and the keywords that signal them.

A text's topics are those whose keywords it mentions, strongest first; a task's heading
counts three times its body. Keywords are lower-case NFC phrases matched on word boundaries.
"""

from __future__ import annotations

import re
from functools import lru_cache

TOPICS: dict[str, tuple[str, ...]] = {
    "economy": ("kinh tế", "tăng trưởng", "grdp", "thương mại", "dịch vụ", "xuất khẩu", "nhập khẩu",
                "công nghiệp", "thị trường", "giá cả", "bán lẻ", "tiêu dùng", "khuyến công", "logistics",
                "doanh nghiệp", "sản xuất, kinh doanh", "xúc tiến thương mại"),
    "agriculture": ("nông nghiệp", "nông thôn", "thủy sản", "thuỷ sản", "chăn nuôi", "cây trồng",
                    "vật nuôi", "lúa", "hạn hán", "xâm nhập mặn", "ocop", "nông sản", "nông dân",
                    "thủy lợi", "thuỷ lợi", "nông thôn mới", "dịch bệnh trên cây trồng"),
    "investment": ("đầu tư", "giải ngân", "vốn", "thu hút đầu tư", "fdi", "khu công nghiệp", "dự án",
                   "môi trường đầu tư", "môi trường kinh doanh", "nhà đầu tư", "đầu tư công"),
    "budget": ("ngân sách", "thu chi", "nguồn thu", "thuế", "tài chính", "dự toán", "tín dụng",
               "ngân hàng", "chống thất thu", "nợ đọng"),
    "infrastructure": ("hạ tầng", "giao thông", "xây dựng", "đô thị", "nhà ở", "quy hoạch", "cao tốc",
                       "tuyến đường", "cầu đường", "lưới điện", "cung cấp điện", "cấp nước", "công trình"),
    "environment": ("môi trường", "tài nguyên", "đất đai", "rác thải", "biến đổi khí hậu", "khoáng sản",
                    "sạt lở", "ô nhiễm", "thiên tai"),
    "health": ("y tế", "dịch bệnh", "covid", "vắc xin", "tiêm chủng", "sức khỏe", "sức khoẻ", "bệnh viện",
               "an toàn thực phẩm", "khám chữa bệnh", "truyền nhiễm", "thuốc"),
    "education": ("giáo dục", "đào tạo", "học sinh", "tuyển sinh", "năm học", "trường học", "giáo viên",
                  "sinh viên", "đào tạo nghề", "hướng nghiệp"),
    "science-technology": ("khoa học", "công nghệ", "đổi mới sáng tạo", "khởi nghiệp", "sở hữu trí tuệ"),
    "culture-tourism": ("văn hóa", "văn hoá", "du lịch", "thể thao", "lễ hội", "di tích", "nghệ thuật",
                        "thể dục", "truyền thông", "báo chí", "thông tin đối ngoại"),
    "social": ("lao động", "việc làm", "an sinh", "người có công", "giảm nghèo", "bảo hiểm xã hội",
               "trẻ em", "gia đình", "bình đẳng giới", "bảo trợ xã hội", "thương binh", "hộ nghèo"),
    "administration-digital": ("cải cách hành chính", "chuyển đổi số", "thủ tục hành chính", "dịch vụ công",
                               "công nghệ thông tin", "chính quyền số", "thanh tra", "tư pháp", "khiếu nại",
                               "tố cáo", "tham nhũng", "pháp luật", "tiếp công dân", "kỷ luật, kỷ cương",
                               "chỉ đạo, điều hành"),
    "security": ("quốc phòng", "an ninh", "trật tự", "an toàn giao thông", "phòng cháy", "tội phạm",
                 "biên giới", "quân sự", "ma túy", "ma tuý"),
    "foreign-affairs": ("đối ngoại", "hợp tác quốc tế", "ngoại giao", "lãnh sự", "nước ngoài", "quốc tế"),
}


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, str]]:
    """One alternation, longest keywords first, so "môi trường đầu tư" (investment) is read
    before "môi trường" (environment) at the same place."""
    owner = {k: topic for topic, keys in TOPICS.items() for k in keys}
    keys = sorted(owner, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)"), owner


def topics_of(text: str, heading: str = "", keep: float = 0.3) -> tuple[str, ...]:
    """``topics_of("Đẩy nhanh tiến độ giải ngân vốn đầu tư công")`` → ("investment",).

    Topics scoring at least `keep` times the best one are kept, strongest first.
    """
    pattern, owner = _pattern()
    scores: dict[str, int] = {}
    for weight, part in ((1, text), (3, heading)):
        for match in pattern.finditer(part.lower()):
            topic = owner[match.group()]
            scores[topic] = scores.get(topic, 0) + weight
    if not scores:
        return ()
    best = max(scores.values())
    ranked = sorted(scores, key=lambda t: (-scores[t], list(TOPICS).index(t)))
    return tuple(t for t in ranked if scores[t] >= max(1, keep * best))
