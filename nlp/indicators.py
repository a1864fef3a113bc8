"""A documented taxonomy of the indicators socio-economic reports measure, and the mapping of a
figure's indicator text to one of them.

Each indicator has an id, a Vietnamese label, the surface forms reports write it with
(lower-case NFC, tone marks placed the modern way: "hòa", "thủy"; abbreviations included),
its English names (lower-case, singular: `nlp.index.english` carries an English question's
words over to the Vietnamese ones for BM25), its usual unit and whether it is a level (an amount: "đạt 1.573,1 tỷ đồng"), a change (a
growth rate: "tăng 10,95%") or a share (a ratio of a whole: "tỷ lệ hộ nghèo 1,2%").

The mapping favours precision: the longest surface form found in the text decides; when two
indicators tie, or nothing is found, the figure keeps its raw indicator text and no id
(unknown stays raw, never guessed).

>>> indicator_id("tổng thu ngân sách nhà nước trên địa bàn")
'budget-revenue'
>>> indicator_id("Chỉ số sản xuất công nghiệp (IIP)"), indicator_id("số hội nghị đã tổ chức")
('iip', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    label: str  # Vietnamese, as a reader names it
    forms: tuple[str, ...]  # surface forms, lower-case, modern tone placement
    unit: str  # the usual unit of a level figure: VND, USD, %, index, ha, tấn, lượt, người, hộ, doanh nghiệp
    kind: str  # level | change | share
    english: tuple[str, ...] = ()  # what an English reader calls it, lower-case ("export turnover")


INDICATORS: tuple[Indicator, ...] = (
    Indicator("grdp", "Tổng sản phẩm trên địa bàn (GRDP)",
              ("tổng sản phẩm trên địa bàn", "tổng sản phẩm trong tỉnh", "grdp", "tốc độ tăng trưởng kinh tế",
               "tăng trưởng kinh tế"), "%", "change",
              english=("gross regional domestic product", "grdp", "economic growth", "growth rate")),
    Indicator("iip", "Chỉ số sản xuất công nghiệp (IIP)",
              ("chỉ số sản xuất công nghiệp", "chỉ số sản xuất toàn ngành công nghiệp", "iip"), "%", "change",
              english=("industrial production index", "index of industrial production", "iip",
                       "industrial production", "industrial output")),
    Indicator("cpi", "Chỉ số giá tiêu dùng (CPI)", ("chỉ số giá tiêu dùng", "cpi"), "%", "change",
              english=("consumer price index", "cpi", "inflation")),
    Indicator("budget-revenue", "Thu ngân sách nhà nước",
              ("thu ngân sách nhà nước", "tổng thu ngân sách", "thu ngân sách", "thu nsnn", "tổng thu nsnn"),
              "VND", "level",
              english=("state budget revenue", "budget revenue", "total budget revenue", "budget collection",
                       "revenue collection")),
    Indicator("budget-revenue-domestic", "Thu nội địa", ("thu nội địa",), "VND", "level",
              english=("domestic revenue",)),
    Indicator("budget-revenue-trade", "Thu từ hoạt động xuất nhập khẩu",
              ("thu từ hoạt động xuất nhập khẩu", "thu thuế xuất nhập khẩu", "thu hải quan"), "VND", "level",
              english=("import-export revenue", "customs revenue", "import and export tax",
                       "revenue from import and export")),
    Indicator("budget-spending", "Chi ngân sách địa phương",
              ("chi ngân sách", "tổng chi ngân sách", "chi ngân sách địa phương", "chi nsđp", "tổng chi nsđp"),
              "VND", "level",
              english=("budget spending", "budget expenditure", "local budget spending", "local budget expenditure",
                       "state budget spending", "state budget expenditure")),
    Indicator("public-investment-disbursement", "Giải ngân vốn đầu tư công",
              ("giải ngân vốn đầu tư công", "giải ngân kế hoạch vốn đầu tư công", "giải ngân vốn đầu tư",
               "giá trị giải ngân", "tỷ lệ giải ngân", "giải ngân kế hoạch vốn", "giải ngân các nguồn vốn",
               "vốn đầu tư công đã giải ngân", "giải ngân"), "VND", "level",
              english=("public investment disbursement", "disbursement of public investment",
                       "public investment capital disbursed", "disbursement rate", "disbursed capital")),
    Indicator("fdi-registered", "Vốn đầu tư trực tiếp nước ngoài đăng ký",
              ("vốn đầu tư trực tiếp nước ngoài đăng ký", "vốn fdi đăng ký", "tổng vốn fdi đăng ký",
               "vốn đăng ký cấp mới và tăng thêm", "thu hút đầu tư trực tiếp nước ngoài",
               "thu hút vốn đầu tư trực tiếp nước ngoài", "thu hút fdi", "vốn fdi"), "USD", "level",
              english=("foreign direct investment", "fdi", "registered fdi", "fdi capital",
                       "foreign investment attracted", "fdi attraction")),
    Indicator("fdi-disbursed", "Vốn đầu tư trực tiếp nước ngoài giải ngân",
              ("vốn đầu tư trực tiếp nước ngoài giải ngân", "vốn fdi giải ngân", "vốn fdi thực hiện",
               "vốn đầu tư trực tiếp nước ngoài thực hiện"), "USD", "level",
              english=("fdi disbursement", "disbursed fdi", "fdi disbursed", "realised fdi", "realized fdi")),
    Indicator("domestic-investment-registered", "Vốn đầu tư trong nước đăng ký",
              ("vốn đầu tư trong nước", "vốn ddi", "dự án đầu tư trong nước"), "VND", "level",
              english=("domestic investment", "domestic investment capital", "domestic project", "ddi")),
    Indicator("retail-sales", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
              ("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "tổng mức bán lẻ hàng hóa",
               "tổng mức bán lẻ", "doanh thu bán lẻ hàng hóa"), "VND", "level",
              english=("retail sales", "total retail sales", "retail sale of goods", "consumer service revenue",
                       "retail")),
    Indicator("exports", "Kim ngạch xuất khẩu",
              ("kim ngạch xuất khẩu", "giá trị xuất khẩu", "tổng kim ngạch xuất khẩu", "xuất khẩu hàng hóa"),
              "USD", "level",
              english=("export turnover", "export value", "exports", "export", "export revenue", "export of goods")),
    Indicator("imports", "Kim ngạch nhập khẩu",
              ("kim ngạch nhập khẩu", "giá trị nhập khẩu", "tổng kim ngạch nhập khẩu", "nhập khẩu hàng hóa"),
              "USD", "level",
              english=("import turnover", "import value", "imports", "import", "import of goods")),
    Indicator("trade", "Tổng kim ngạch xuất nhập khẩu",
              ("tổng kim ngạch xuất nhập khẩu", "kim ngạch xuất nhập khẩu", "kim ngạch xuất, nhập khẩu"),
              "USD", "level",
              english=("import-export turnover", "import and export turnover", "export and import turnover",
                       "total trade", "trade turnover")),
    Indicator("new-enterprises", "Doanh nghiệp thành lập mới",
              ("doanh nghiệp thành lập mới", "doanh nghiệp thành lập", "doanh nghiệp đăng ký thành lập mới", "thành lập mới doanh nghiệp",
               "doanh nghiệp đăng ký mới", "số doanh nghiệp thành lập mới"), "doanh nghiệp", "level",
              english=("new enterprise", "newly established enterprise", "newly registered enterprise",
                       "new business", "business registration", "newly established business")),
    Indicator("new-enterprise-capital", "Vốn đăng ký của doanh nghiệp thành lập mới",
              ("vốn đăng ký của doanh nghiệp thành lập mới", "tổng vốn đăng ký", "vốn điều lệ đăng ký"),
              "VND", "level",
              english=("registered capital", "charter capital")),
    Indicator("enterprises-closed", "Doanh nghiệp giải thể, tạm ngừng",
              ("doanh nghiệp giải thể", "doanh nghiệp tạm ngừng kinh doanh", "doanh nghiệp tạm ngừng hoạt động",
               "doanh nghiệp ngừng hoạt động"), "doanh nghiệp", "level",
              english=("dissolved enterprise", "enterprise dissolved", "suspended business", "enterprise suspending",
                       "enterprise suspended", "business closure", "enterprise closed")),
    Indicator("tourists", "Lượt khách du lịch",
              ("lượt khách du lịch", "tổng lượt khách", "lượt khách tham quan", "khách du lịch",
               "lượt khách đến", "tổng lượt khách du lịch", "lượt khách lưu trú"), "lượt", "level",
              english=("tourist arrival", "tourist", "visitor", "tourist visit", "visitor arrival", "tourism arrival")),
    Indicator("international-tourists", "Khách quốc tế", ("khách quốc tế", "khách du lịch quốc tế"), "lượt", "level",
              english=("international visitor", "international tourist", "foreign visitor", "foreign tourist")),
    Indicator("tourism-revenue", "Doanh thu du lịch",
              ("doanh thu du lịch", "tổng thu từ khách du lịch", "tổng thu từ du lịch", "doanh thu từ du lịch"),
              "VND", "level",
              english=("tourism revenue", "tourism income", "revenue from tourism", "tourist spending")),
    Indicator("credit", "Dư nợ tín dụng",
              ("dư nợ tín dụng", "tổng dư nợ", "dư nợ cho vay", "tổng dư nợ cho vay"), "VND", "level",
              english=("outstanding loan", "outstanding credit", "credit balance", "credit outstanding",
                       "total outstanding debt", "lending")),
    Indicator("bad-debt", "Nợ xấu", ("tỷ lệ nợ xấu", "nợ xấu"), "%", "share",
              english=("bad debt", "non-performing loan", "npl ratio")),
    Indicator("deposits", "Vốn huy động", ("vốn huy động", "tổng nguồn vốn huy động", "huy động vốn"), "VND", "level",
              english=("capital mobilization", "capital mobilisation", "mobilized capital", "mobilised capital",
                       "deposit")),
    Indicator("jobs", "Giải quyết việc làm",
              ("giải quyết việc làm", "tạo việc làm", "lao động được giải quyết việc làm", "giải quyết việc làm mới",
               "tạo việc làm mới"), "người", "level",
              english=("job creation", "jobs created", "employment created", "new job", "job")),
    Indicator("labour-export", "Người lao động đi làm việc ở nước ngoài",
              ("đi làm việc ở nước ngoài", "xuất khẩu lao động", "lao động đi làm việc ở nước ngoài"), "người", "level",
              english=("labour export", "labor export", "working abroad", "overseas worker", "guest worker")),
    Indicator("trained-labour", "Tỷ lệ lao động qua đào tạo",
              ("tỷ lệ lao động qua đào tạo", "lao động qua đào tạo"), "%", "share",
              english=("trained labour", "trained labor", "trained worker", "vocational training rate")),
    Indicator("unemployment", "Tỷ lệ thất nghiệp", ("tỷ lệ thất nghiệp", "thất nghiệp"), "%", "share",
              english=("unemployment rate", "unemployment", "unemployed")),
    Indicator("poor-households", "Hộ nghèo", ("tỷ lệ hộ nghèo", "hộ nghèo", "số hộ nghèo"), "hộ", "level",
              english=("poor household", "poverty rate", "household poverty rate", "poverty")),
    Indicator("near-poor-households", "Hộ cận nghèo", ("tỷ lệ hộ cận nghèo", "hộ cận nghèo"), "hộ", "level",
              english=("near-poor household", "near poor household")),
    Indicator("health-insurance", "Tỷ lệ bao phủ bảo hiểm y tế",
              ("tỷ lệ bao phủ bảo hiểm y tế", "tỷ lệ người dân tham gia bảo hiểm y tế", "bao phủ bảo hiểm y tế",
               "tham gia bảo hiểm y tế"), "%", "share",
              english=("health insurance coverage", "health insurance")),
    Indicator("social-insurance", "Người tham gia bảo hiểm xã hội",
              ("tham gia bảo hiểm xã hội", "người tham gia bảo hiểm xã hội", "bảo hiểm xã hội tự nguyện"),
              "người", "level",
              english=("social insurance", "voluntary social insurance", "social insurance participant")),
    Indicator("rice-area", "Diện tích gieo trồng lúa",
              ("diện tích gieo trồng lúa", "diện tích xuống giống lúa", "diện tích lúa", "diện tích gieo sạ",
               "diện tích xuống giống"), "ha", "level",
              english=("rice area", "rice planting area", "rice cultivation area", "rice sown area", "rice acreage",
                       "area sown to rice", "area of rice")),
    Indicator("crop-area", "Diện tích gieo trồng",
              ("diện tích gieo trồng", "tổng diện tích gieo trồng", "diện tích cây trồng"), "ha", "level",
              english=("planted area", "cultivated area", "crop area", "sown area", "planting area")),
    Indicator("rice-output", "Sản lượng lúa", ("sản lượng lúa",), "tấn", "level",
              english=("rice output", "rice production", "rice yield", "paddy output")),
    Indicator("aquaculture-area", "Diện tích nuôi trồng thủy sản",
              ("diện tích thả nuôi thủy sản", "diện tích nuôi trồng thủy sản", "diện tích thả nuôi",
               "diện tích nuôi thủy sản"), "ha", "level",
              english=("aquaculture area", "fish farming area", "area stocked", "aquaculture farming area")),
    Indicator("fisheries-output", "Sản lượng thủy sản",
              ("sản lượng thủy sản", "tổng sản lượng thủy sản", "sản lượng nuôi trồng", "sản lượng khai thác",
               "sản lượng nuôi thu hoạch"),
              "tấn", "level",
              english=("fisheries output", "fishery output", "seafood output", "aquatic output", "aquaculture output",
                       "catch", "fish catch", "aquatic product output")),
    Indicator("meat-output", "Sản lượng thịt hơi", ("sản lượng thịt hơi", "sản lượng thịt"), "tấn", "level",
              english=("meat output", "live weight meat", "meat production")),
    Indicator("new-rural-communes", "Xã đạt chuẩn nông thôn mới",
              ("xã đạt chuẩn nông thôn mới", "đạt chuẩn nông thôn mới", "xã nông thôn mới"), "xã", "level",
              english=("new rural commune", "new-style rural commune", "new rural area standard",
                       "new rural standard", "new rural development")),
    Indicator("electricity", "Điện thương phẩm", ("điện thương phẩm", "sản lượng điện"), "kWh", "level",
              english=("commercial electricity", "electricity output", "electricity sold", "power output",
                       "electricity")),
    Indicator("transport-volume", "Vận chuyển hàng hóa, hành khách",
              ("khối lượng hàng hóa vận chuyển", "vận chuyển hành khách", "vận chuyển hàng hóa", "luân chuyển hàng hóa",
               "luân chuyển hành khách"), "tấn", "level",
              english=("freight volume", "passenger transport", "freight transport", "goods transport",
                       "cargo volume", "passenger traffic")),
    Indicator("traffic-accidents", "Tai nạn giao thông", ("tai nạn giao thông", "vụ tai nạn giao thông"), "vụ", "level",
              english=("traffic accident", "road accident")),
    Indicator("online-public-services", "Dịch vụ công trực tuyến",
              ("dịch vụ công trực tuyến", "hồ sơ trực tuyến", "thủ tục hành chính trực tuyến"), "%", "share",
              english=("online public service", "online application", "online dossier",
                       "online administrative procedure")),
)

BY_ID: dict[str, Indicator] = {i.id: i for i in INDICATORS}


def indicator_id(text: Optional[str]) -> Optional[str]:
    """The id of the indicator `text` names, or None when none (or two at once) match."""
    if not text:
        return None
    folded = _normal(text)
    best, ids = 0, set()
    for form, owner, pattern in _forms():
        if len(form) < best:
            break  # forms come longest first
        if form in folded and pattern.search(folded):  # the substring test first: most forms are absent
            best, ids = len(form), ids | {owner}
    return next(iter(ids)) if len(ids) == 1 else None


@lru_cache(maxsize=1)
def _forms() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(normalized form, indicator id, the form as a whole-word pattern), longest form first."""
    pairs = {(_normal(form), ind.id) for ind in INDICATORS for form in ind.forms}
    return tuple((form, owner, re.compile(rf"(?<!\w){re.escape(form)}(?!\w)"))
                 for form, owner in sorted(pairs, key=lambda p: (-len(p[0]), p)))


def _normal(text: str) -> str:
    from nlp.tone import matching_form

    return " ".join(matching_form(text).split())


def figure_indicator(figure: dict, before: list[dict], sentence: tuple[int, str]) -> Optional[str]:
    """The taxonomy id of what `figure` measures, or None.

    The indicator span decides; when it names no indicator, or names the whole of a share that
    follows the figure ("Nợ xấu 2.600 tỷ đồng, chiếm 1,83% tổng dư nợ"), the clause the figure
    closes does (the span can stop short: "kim ngạch xuất khẩu hàng hóa và doanh thu dịch vụ"
    gives "doanh thu dịch vụ"). Either way the figure's unit must fit the indicator's: a count
    of people is not a count of accidents, houses are not households.
    """
    span = figure.get("indicator")
    found = indicator_id(span_text(span)) if not (isinstance(span, dict) and span["start"] > figure["start"]) else None
    if found is None and sentence[1]:
        found = indicator_id(_clause_before(figure, before, sentence))
    return found if found and _unit_fits(figure.get("unit"), BY_ID[found].unit) else None


def _clause_before(figure: dict, before: list[dict], sentence: tuple[int, str]) -> str:
    """From the last ";" or ":" before the figure, or the end of an earlier figure of the
    sentence that measures something else, up to the figure."""
    start, text = sentence
    cut = start + max(text.rfind(";", 0, figure["start"] - start), text.rfind(":", 0, figure["start"] - start))
    mine = span_text(figure.get("indicator"))
    for other in before:
        if start <= other["start"] and other["end"] <= figure["start"] and span_text(other.get("indicator")) != mine:
            cut = max(cut, other["end"])
    return text[max(0, cut + 1 - start if cut >= start else 0):figure["start"] - start]


def _unit_fits(unit: Optional[str], expected: str) -> bool:
    """A figure's unit can measure an indicator with `expected` as its usual unit: any for a
    rate or share, the same currency, else the same counted word ("lượt khách" for "lượt")."""
    if unit in (None, "%") or expected in ("%", "index"):
        return True
    if expected in ("VND", "USD"):
        return unit == expected  # "tổng vốn đăng ký … triệu USD" is foreign investment, not new firms' capital
    return unit.lower().split()[0] == expected.lower().split()[0]


def figure_dates(figure: dict, year: Optional[int]) -> tuple:
    """(start, end, kind) of the period a figure refers to, read from its indicator and period
    spans ("Giải ngân … lũy kế đến hết" + "tháng 3/2024" is a running total); Nones if none."""
    from nlp.periods import figure_period

    text = " ".join(t for t in (span_text(figure.get("indicator")), span_text(figure.get("period"))) if t)
    return figure_period(text, year) or (None, None, None)


def identify_figures(figures: Sequence, sentences: Sequence, year: Optional[int]) -> list:
    """`figures` (Figure values) with `indicator_id` and the period dates filled in."""
    from bisect import bisect_right
    from dataclasses import replace

    starts = [s.start for s in sentences]
    views, out = [], []
    for f in figures:
        view = {"start": f.start, "end": f.end, "unit": f.unit,
                "indicator": {"start": f.indicator.start, "end": f.indicator.end, "text": f.indicator.text}
                if f.indicator else None, "period": {"text": f.period.text} if f.period else None}
        i = bisect_right(starts, f.start) - 1
        sentence = (sentences[i].start, sentences[i].text) if i >= 0 and f.start < sentences[i].end else (f.start, "")
        start, end, kind = figure_dates(view, year)
        out.append(replace(f, indicator_id=figure_indicator(view, views, sentence), period_start=start,
                           period_end=end, period_kind=kind))
        views.append(view)
    return out


def span_text(span) -> str:
    """The text of a span given as an extract dict, or a plain string (older extracts)."""
    if isinstance(span, dict):
        return span.get("text") or ""
    return span or ""
