from nlp.topics import TOPICS, topics_of


def test_topics_from_keywords_strongest_first():
    assert topics_of("Đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2023") == ("investment",)
    assert topics_of("Phòng, chống hạn hán, xâm nhập mặn, bệnh dịch trên cây trồng, vật nuôi")[0] == "agriculture"
    assert topics_of("Bảo đảm trật tự an toàn giao thông")[0] == "security"


def test_longer_keyword_wins_where_two_overlap():
    # "môi trường đầu tư" is investment, not environment
    assert topics_of("Cải thiện môi trường đầu tư") == ("investment",)


def test_heading_weighs_more_and_unknown_text_has_no_topic():
    assert topics_of("Tổ chức lễ hội và kiểm tra an toàn thực phẩm", heading="Y tế")[0] in TOPICS
    assert topics_of("Lorem ipsum") == ()


def test_seed_tasks_have_topics_and_agencies(seed):
    by_label = {t.label: t for t in seed.tasks}
    assert "agriculture" in by_label["8."].topics[:1]
    assert "security" in by_label["10."].topics[:1]
    assert "administration-digital" in by_label["11."].topics[:1]
    assert "Bộ Chính trị" in by_label["2."].agencies
    sub = {i.label: i for i in by_label["12."].items}
    assert list(sub) == ["a.", "b.", "c.", "d.", "e."]
    assert sub["d."].topics == ("administration-digital",)
    assert all(t.topics for t in seed.tasks)
