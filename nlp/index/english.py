"""English report vocabulary carried over to Vietnamese, so BM25 has words to match in an
English question ("export turnover in March" -> "kim ngạch xuất khẩu", "tháng 3").

Two sources, both written from the genre (a provincial socio-economic report), not from any
question: the indicator taxonomy's English names (`nlp.indicators.Indicator.english`, each
giving its Vietnamese label and, when other, its first surface form), and `GLOSSARY` below: sectors, agencies,
periods and the common nouns of such reports. Matching is on lower-case words with a light
plural fold ("households" = "household", "fisheries" = "fishery"), longest phrase first, each
word used once: "foreign direct investment" is the indicator, not "investment".

>>> vietnamese_terms("How many households escaped poverty in Q1?")
['hộ', 'hộ nghèo', 'tỷ lệ hộ nghèo', 'quý I']
"""

from __future__ import annotations

import re
from functools import lru_cache

# English phrase (lower-case, singular) -> the Vietnamese a report writes for it
GLOSSARY: dict[str, str] = {
    # agencies and bodies
    "department of planning and investment": "Sở Kế hoạch và Đầu tư",
    "department of finance": "Sở Tài chính",
    "department of industry and trade": "Sở Công Thương",
    "department of agriculture and rural development": "Sở Nông nghiệp và Phát triển nông thôn",
    "department of construction": "Sở Xây dựng",
    "department of transport": "Sở Giao thông vận tải",
    "department of natural resources and environment": "Sở Tài nguyên và Môi trường",
    "department of education and training": "Sở Giáo dục và Đào tạo",
    "department of health": "Sở Y tế",
    "department of labour invalids and social affairs": "Sở Lao động - Thương binh và Xã hội",
    "department of labor invalids and social affairs": "Sở Lao động - Thương binh và Xã hội",
    "department of culture sports and tourism": "Sở Văn hóa, Thể thao và Du lịch",
    "department of science and technology": "Sở Khoa học và Công nghệ",
    "department of information and communications": "Sở Thông tin và Truyền thông",
    "department of home affairs": "Sở Nội vụ",
    "department of justice": "Sở Tư pháp",
    "people's committee": "Ủy ban nhân dân",
    "people committee": "Ủy ban nhân dân",
    "people's council": "Hội đồng nhân dân",
    "people council": "Hội đồng nhân dân",
    "party committee": "Tỉnh ủy",
    "fatherland front": "Mặt trận Tổ quốc",
    "state bank": "Ngân hàng Nhà nước",
    "tax department": "Cục Thuế",
    "statistics office": "Cục Thống kê",
    "customs": "Hải quan",
    "police": "Công an",
    "military command": "Bộ Chỉ huy Quân sự",
    "prime minister": "Thủ tướng Chính phủ",
    "government": "Chính phủ",
    "ministry": "Bộ",
    "department": "Sở",
    "province": "tỉnh",
    "provincial": "tỉnh",
    "city": "thành phố",
    "district": "huyện",
    "commune": "xã",
    "ward": "phường",
    "industrial park": "khu công nghiệp",
    "industrial zone": "khu công nghiệp",
    "industrial cluster": "cụm công nghiệp",
    "economic zone": "khu kinh tế",
    # sectors and fields
    "agriculture": "nông nghiệp",
    "agricultural": "nông nghiệp",
    "forestry": "lâm nghiệp",
    "forest": "rừng",
    "fishery": "thủy sản",
    "aquaculture": "nuôi trồng thủy sản",
    "seafood": "thủy sản",
    "livestock": "chăn nuôi",
    "crop": "cây trồng",
    "rice": "lúa",
    "fruit": "cây ăn trái",
    "industry": "công nghiệp",
    "industrial": "công nghiệp",
    "construction": "xây dựng",
    "commerce": "thương mại",
    "trade": "thương mại",
    "service": "dịch vụ",
    "tourism": "du lịch",
    "transport": "giao thông vận tải",
    "traffic": "giao thông",
    "education": "giáo dục",
    "health": "y tế",
    "healthcare": "y tế",
    "culture": "văn hóa",
    "sport": "thể thao",
    "environment": "môi trường",
    "natural resource": "tài nguyên",
    "land": "đất đai",
    "science and technology": "khoa học và công nghệ",
    "digital transformation": "chuyển đổi số",
    "administrative reform": "cải cách hành chính",
    "administrative procedure": "thủ tục hành chính",
    "inspection": "thanh tra",
    "justice": "tư pháp",
    "national defence": "quốc phòng",
    "national defense": "quốc phòng",
    "defence": "quốc phòng",
    "defense": "quốc phòng",
    "security": "an ninh",
    "foreign affair": "đối ngoại",
    "social security": "an sinh xã hội",
    "social welfare": "an sinh xã hội",
    "banking": "ngân hàng",
    "bank": "ngân hàng",
    "finance": "tài chính",
    "urban": "đô thị",
    "urban management": "quản lý đô thị",
    "planning": "quy hoạch",
    "master plan": "quy hoạch",
    "housing": "nhà ở",
    "infrastructure": "hạ tầng",
    "road": "đường",
    "bridge": "cầu",
    "drought": "hạn hán",
    "saltwater intrusion": "xâm nhập mặn",
    "salinity": "xâm nhập mặn",
    "disease": "dịch bệnh",
    "epidemic": "dịch bệnh",
    "vaccination": "tiêm chủng",
    "hospital": "bệnh viện",
    "school": "trường học",
    "student": "học sinh",
    "teacher": "giáo viên",
    "vocational training": "đào tạo nghề",
    "labour": "lao động",
    "labor": "lao động",
    "worker": "lao động",
    "employment": "việc làm",
    "policy beneficiary": "đối tượng chính sách",
    "people with meritorious service": "người có công",
    "gratitude house": "nhà tình nghĩa",
    "charity house": "nhà tình thương",
    "tet": "Tết",
    "lunar new year": "Tết Nguyên đán",
    "gift": "quà",
    "crime": "tội phạm",
    "fire": "cháy",
    "complaint": "khiếu nại",
    "denunciation": "tố cáo",
    "citizen reception": "tiếp công dân",
    # common nouns and measures
    "household": "hộ",
    "enterprise": "doanh nghiệp",
    "business": "doanh nghiệp",
    "company": "doanh nghiệp",
    "firm": "doanh nghiệp",
    "cooperative": "hợp tác xã",
    "project": "dự án",
    "budget": "ngân sách",
    "state budget": "ngân sách nhà nước",
    "disbursement": "giải ngân",
    "disbursed": "giải ngân",
    "capital": "vốn",
    "investment": "đầu tư",
    "investor": "nhà đầu tư",
    "public investment": "đầu tư công",
    "investment certificate": "giấy chứng nhận đăng ký đầu tư",
    "investment policy": "chủ trương đầu tư",
    "revenue": "thu",
    "spending": "chi",
    "expenditure": "chi",
    "plan": "kế hoạch",
    "target": "chỉ tiêu",
    "estimate": "dự toán",
    "growth": "tăng trưởng",
    "same period": "cùng kỳ",
    "same period last year": "cùng kỳ năm trước",
    "loan": "cho vay",
    "credit": "tín dụng",
    "price": "giá",
    "output": "sản lượng",
    "production": "sản xuất",
    "area": "diện tích",
    "hectare": "ha",
    "tonne": "tấn",
    "ton": "tấn",
    "value": "giá trị",
    "turnover": "kim ngạch",
    "site clearance": "giải phóng mặt bằng",
    "land clearance": "giải phóng mặt bằng",
    "compensation": "bồi thường",
    "resettlement": "tái định cư",
    "registered": "đăng ký",
    "newly established": "thành lập mới",
    "dissolved": "giải thể",
    "conference": "hội nghị",
    "violation": "vi phạm",
    "administrative fine": "xử phạt vi phạm hành chính",
    "task": "nhiệm vụ",
    "solution": "giải pháp",
    "difficulty": "khó khăn",
    "limitation": "hạn chế",
    "resolution": "nghị quyết",
    "decision": "quyết định",
    "directive": "chỉ thị",
    # periods
    "quarter": "quý",
    "first quarter": "quý I",
    "q1": "quý I",
    "second quarter": "quý II",
    "q2": "quý II",
    "third quarter": "quý III",
    "q3": "quý III",
    "fourth quarter": "quý IV",
    "q4": "quý IV",
    "first month": "tháng đầu năm",
    **{month: f"tháng {n}" for n, month in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september",
         "october", "november", "december"), start=1)},
}

LONGEST = 8  # words in the longest phrase looked up
_WORD = re.compile(r"[a-z0-9]+(?:'s)?")


def vietnamese_terms(question: str) -> list[str]:
    """The Vietnamese of every English report term in `question`, in the question's order;
    an indicator gives its label (lower-case) and, when other, its first surface form.

    >>> vietnamese_terms("export turnover in March")
    ['kim ngạch xuất khẩu', 'tháng 3']
    """
    words = [_singular(w) for w in _WORD.findall(question.lower())]
    table = _phrases()
    out, i = [], 0
    while i < len(words):
        for n in range(min(LONGEST, len(words) - i), 0, -1):
            found = table.get(tuple(words[i:i + n]))
            if found:
                out.extend(found)
                i += n
                break
        else:
            i += 1
    return out


def _singular(word: str) -> str:
    """A light plural fold, the same for the glossary and the question: "households" ->
    "household", "fisheries" -> "fishery", "businesses" -> "business"; "'s" dropped."""
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def _phrases() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Singular word tuple -> Vietnamese terms; an indicator's English name outranks the glossary."""
    from nlp.indicators import INDICATORS

    table = {_key(english): (vietnamese,) for english, vietnamese in GLOSSARY.items()}
    for indicator in INDICATORS:
        for english in indicator.english:
            table[_key(english)] = tuple(dict.fromkeys((indicator.label.lower(), indicator.forms[0])))
    return table


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(_singular(w) for w in _WORD.findall(phrase.lower()))
