"""An English question gives BM25 the Vietnamese words of the report terms it uses, so the
lexical side can find what a Vietnamese report writes ("export turnover" is "kim ngạch xuất khẩu")."""

from nlp.index.english import GLOSSARY, vietnamese_terms
from nlp.index.search import lexical_query
from nlp.index.sparse import LexicalIndex, query_tokens
from nlp.indicators import INDICATORS

PASSAGES = (
    "Kim ngạch xuất khẩu tháng 3 ước đạt 250 triệu USD, tăng 5,2% so với cùng kỳ.",
    "Thu ngân sách nhà nước trên địa bàn quý I đạt 1.573 tỷ đồng.",
    "Diện tích gieo trồng lúa vụ Đông Xuân đạt 75.000 ha.",
)


def test_english_report_terms_become_the_reports_vietnamese():
    assert vietnamese_terms("export turnover in March") == ["kim ngạch xuất khẩu", "tháng 3"]
    # plurals fold; the longest phrase wins, so the indicator is not also read as "investment"
    assert vietnamese_terms("Foreign Direct Investment projects") == [
        "vốn đầu tư trực tiếp nước ngoài đăng ký", "dự án"]
    assert vietnamese_terms("the Department of Planning and Investment's tasks") == ["Sở Kế hoạch và Đầu tư", "nhiệm vụ"]
    assert vietnamese_terms("nothing here to carry") == []


def test_every_indicator_has_english_names_of_its_own():
    owners = {}
    for indicator in INDICATORS:
        assert indicator.english, indicator.id
        for name in indicator.english:
            assert name == name.lower() and owners.setdefault(name, indicator.id) == indicator.id
            assert indicator.label.lower() in vietnamese_terms(name)
    assert all(key == key.lower() for key in GLOSSARY)


def test_an_english_question_reaches_the_passage_bm25_could_not():
    index = LexicalIndex.build([query_tokens(text) for text in PASSAGES])
    question = "export turnover in March"
    assert index.search(query_tokens(question), k=3) == []  # English words alone match nothing
    assert [row for row, _ in index.search(lexical_query(question), k=3)][:1] == [0]
    rice = [row for row, _ in index.search(lexical_query("rice planting area of the winter-spring crop"), k=3)]
    assert rice[:1] == [2]


def test_a_vietnamese_question_keeps_its_own_tokens():
    for question in ("kim ngạch xuất khẩu tháng 3", "kim ngach xuat khau thang 3"):
        assert lexical_query(question) == query_tokens(question)
