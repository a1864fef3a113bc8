"""Footnote breakdown checks: the seed's, read by hand, and written cases for each status."""

from tests.entities.helpers import report_of


def test_seed_checks_read_by_hand(seed):
    got = {(c.footnote, c.claim.text): (c.status, c.sum) for c in seed.checks}
    # fn3: 7.290 + 2.824 tấn = 10.114 tấn; fn6: 221 + 15 + 05 + 17 = 258 dự án;
    # fn14: 370 of 373 + 03 = 373 cơ sở; fn18: 15 + 15 = 30 cuộc; fn19: 179 + 24 lượt, 180 + 24 người
    assert got[(3, "10.114 tấn")] == ("ok", 10114)
    assert got[(6, "258 dự án")] == ("ok", 258)
    assert got[(14, "373 cơ sở")] == ("ok", 373)
    assert got[(18, "30 cuộc")] == ("ok", 30)
    assert got[(19, "203 lượt")] == ("ok", 203)
    assert got[(19, "204 người")] == ("ok", 204)
    # fn2: maize + vegetables + beans are part of the annual crops: 5.008 of 5.948 ha sown,
    # 3.099 of 3.494 ha harvested; the parts go with the claim figure of the same verb
    assert got[(2, "5.948 ha")] == ("partial", 5008)
    assert got[(2, "3.494 ha")] == ("partial", 3099)
    # fn17: "Trong đó 01 HCV …" lists one medal of each kind
    assert got[(17, "11HCV")] == ("partial", 1)
    assert not any(c.status == "mismatch" for c in seed.checks)
    # percentages (fn1, fn7, fn8) are never summed
    assert not {c.footnote for c in seed.checks} & {1, 7, 8}


def checks(text):
    return [(c.claim.text, c.status, c.sum) for c in report_of(text).checks]


def test_a_breakdown_that_exceeds_the_claim_is_a_mismatch():
    text = "Tổng vốn đăng ký 100 tỷ đồng[footnoteRef:1]. [1:  Trong đó dự án A 70 tỷ đồng, dự án B 40 tỷ đồng.]"
    assert checks(text) == [("100 tỷ đồng", "mismatch", 110000000000)]


def test_a_complete_list_that_falls_short_is_a_mismatch_not_partial():
    text = "Cấp phép 12 dự án[footnoteRef:1]. [1:  Gồm 5 dự án nhà ở và 4 dự án thương mại.]"
    assert checks(text) == [("12 dự án", "mismatch", 9)]


def test_scales_are_compared_in_base_units():
    # 700 triệu + 800 triệu = 1,5 tỷ: the same money in different scale words
    text = "Kinh phí 1,5 tỷ đồng[footnoteRef:1]. [1:  Trong đó ngân sách 700 triệu đồng, xã hội hóa 800 triệu đồng.]"
    assert checks(text) == [("1,5 tỷ đồng", "ok", 1500000000)]


def test_rounding_of_the_claim_is_tolerated():
    text = "Vốn thực hiện 1,1 tỷ USD[footnoteRef:1]. [1:  Gồm 620 triệu USD và 482 triệu USD.]"
    assert checks(text)[0][1] == "ok"  # 1,102 tỷ rounds to 1,1 tỷ


def test_other_units_and_changes_are_never_compared():
    text = ("Tiếp 07 vụ việc, tổng kinh phí 10 tỷ đồng[footnoteRef:1]. "
            "[1:  Gồm 06 trường hợp và 01 đương sự; tăng 2 tỷ đồng so với cùng kỳ.]")
    assert checks(text) == []
