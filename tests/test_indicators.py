"""The indicator taxonomy: every id documented, surface forms map to their indicator, and a
text that names none (or two at once) keeps no id."""

import pytest

from nlp.indicators import BY_ID, INDICATORS, indicator_id


def test_every_indicator_is_documented():
    assert len(BY_ID) == len(INDICATORS) >= 40
    for ind in INDICATORS:
        assert ind.label and ind.forms and ind.unit and ind.kind in ("level", "change", "share"), ind.id
        assert all(f == f.lower().strip() for f in ind.forms), ind.id


@pytest.mark.parametrize("text, expected", [
    ("tổng thu ngân sách nhà nước trên địa bàn", "budget-revenue"),
    ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "retail-sales"),
    ("kim ngạch xuất khẩu hàng hóa", "exports"),
    ("kim ngạch xuất nhập khẩu", "trade"),  # the longer form wins over "xuất khẩu"
    ("giải ngân kế hoạch vốn đầu tư công năm 2023", "public-investment-disbursement"),
    ("vốn FDI đăng ký cấp mới", "fdi-registered"),
    ("Chỉ số giá tiêu dùng (CPI) tháng 3", "cpi"),
    ("chỉ số sản xuất công nghiệp", "iip"),
    ("tỷ lệ hộ nghèo", "poor-households"),
    ("tỷ lệ hộ cận nghèo", "near-poor-households"),
    ("lượt khách du lịch quốc tế", "international-tourists"),
    ("diện tích thả nuôi thuỷ sản", "aquaculture-area"),  # the other tone placement
    ("dư nợ tín dụng", "credit"),
    ("số lao động được giải quyết việc làm", "jobs"),
])
def test_surface_forms_map_to_their_indicator(text, expected):
    assert indicator_id(text) == expected


@pytest.mark.parametrize("text", ["số hội nghị đã tổ chức", "Cần Thơ (", "", None, "thu hồi đất"])
def test_unknown_stays_raw(text):
    assert indicator_id(text) is None


def test_extracted_figures_carry_the_indicator_id_and_period_dates():
    """A written series report (tests/data/series, README there): each level figure names its
    indicator and month; the March report's 3-month totals are running totals from January."""
    from nlp.pipeline import load_report, stages_for
    from tests.conftest import ROOT

    report = load_report(ROOT / "tests" / "data" / "series" / "vinh-long-2024-03.txt", stages_for("rules"))
    got = {(f.text, f.indicator_id, f.period_start, f.period_end, f.period_kind) for f in report.figures}
    assert {("92,6 triệu USD", "exports", "2024-03-01", "2024-03-31", "month"),
            ("250,1 triệu USD", "exports", "2024-01-01", "2024-03-31", "cumulative"),
            ("705,3 tỷ đồng", "public-investment-disbursement", "2024-01-01", "2024-03-31", "cumulative"),
            ("0,23%", "cpi", "2024-03-01", "2024-03-31", "month"),
            ("47 doanh nghiệp", "new-enterprises", "2024-03-01", "2024-03-31", "month")} <= got
