"""Blank, upper org, status, probability, online formats, owners, tiers (00_PRODUCT §5; 20 §1, §8.6)."""
import pytest
from hypothesis import given, strategies as st

from domain.deals import (CONVERT, LOST, OTHER, SQL, WON, deal_org_id, format_probability, is_counted,
                          is_online, is_open, normalise_status, probability_labels)
from domain.owners import format_owner_names, normalise_owner_name, owner_names
from domain.text import display_name, is_blank, load_jsonish, normalise_upper_org
from domain.tiers import NO_TIER, is_high_tier, tier_from_url, tier_of, tier_to_url


@pytest.mark.parametrize("raw", [None, "", " ", "\t\n", "-", "–", "—", " - ", "\xa0"])
def test_blank(raw):
    assert is_blank(raw)


@pytest.mark.parametrize("raw", ["x", "--", "0", 0, "미입력"])
def test_not_blank(raw):
    assert not is_blank(raw)


@pytest.mark.parametrize("raw, expected", [
    (None, "미입력"), ("-", "미입력"), ("—", "미입력"), ("  ", "미입력"), (" 인재개발원 ", "인재개발원"),
    ("HR\xa0그룹", "HR 그룹"), ("\xa0인사팀\xa0", "인사팀"), ("\u1112\u1161\u11ab", "한"),  # NFD → NFC
])
def test_upper_org(raw, expected):
    assert normalise_upper_org(raw) == expected


@given(st.text())
def test_upper_org_is_idempotent_and_never_blank(text):
    once = normalise_upper_org(text)
    assert normalise_upper_org(once) == once
    assert not is_blank(once)


def test_jsonish_and_display_name():
    assert load_jsonish('["x"]') == ["x"]
    assert load_jsonish('{"name":"x"}') == {"name": "x"}
    assert load_jsonish("x") == "x"
    assert load_jsonish("123") == 123
    assert load_jsonish(" ") is None
    assert display_name("  알파 ", "o1") == "알파"
    assert display_name(None, "o1") == "o1"


@pytest.mark.parametrize("raw, expected", [
    ("Won", WON), (" Won ", WON), ("Lost", LOST), ("LOST", LOST), ("SQL", SQL), ("Convert", CONVERT),
    (" Convert ", CONVERT), ("won", OTHER), ("WON", OTHER), ("convert", OTHER), ("보류", OTHER), (None, OTHER),
    ("", OTHER), ("-", OTHER),
])
def test_status(raw, expected):
    assert normalise_status(raw) == expected


def test_counted_and_open():
    assert not is_counted(CONVERT) and is_counted(OTHER)
    assert is_open(SQL) and is_open(OTHER)
    assert not any(is_open(s) for s in (WON, LOST, CONVERT))


@pytest.mark.parametrize("raw, expected", [
    ('["확정","높음"]', "확정/높음"), ('["높음","확정"]', "확정/높음"), ('{"a":"낮음"}', "낮음"), ("[bad", "-"),
    ("lost", "LOST"), ("확정/낮음", "확정/낮음"), ("높음", "높음"), ('["LOST"]', "LOST"), ("확정(구두)", "-"),
    (None, "-"), ('"높음"', "높음"), ("높음, 낮음", "높음/낮음"), ("123", "-"),
])
def test_probability(raw, expected):
    assert format_probability(probability_labels(raw)) == expected


@pytest.mark.parametrize("raw, online", [
    ("구독제(온라인)", True), ("구독제 (온라인)", True), ("선택구매 (온라인)", True), ("포팅", True),
    (" 포 팅 ", True), ("복합(출강+온라인)", False), ("출강", False), (None, False), ("", False),
])
def test_online(raw, online):
    assert is_online(raw) is online


def test_deal_org_id():
    assert deal_org_id("org-a", "org-c") == "org-a"
    assert deal_org_id(None, "org-c") == "org-c"
    assert deal_org_id("-", "org-c") == "org-c"
    assert deal_org_id(" ", None) is None


@pytest.mark.parametrize("raw, names", [
    ('[{"id":"u1","name":"가나다A"},{"id":"u2"},"라마바",{"name":"가나다A"}]', ["가나다A", "u2", "라마바"]),
    ('{"id": "u-a", "name": "직원가"}', ["직원가"]),
    ('[{"id": "u-b", "name": "직원나"}]', ["직원나"]),
    ('["직원가"]', ["직원가"]),
    (" 직원가 ", ["직원가"]),
    ('{"id": "u-z"}', ["u-z"]),
    ("엄소이", ["엄소이"]),
    ("{}", []), ("[]", []), (None, []), ("", []), ("42", []),
])
def test_owner_names(raw, names):
    assert owner_names(raw) == names


@pytest.mark.parametrize("raw, normalised", [
    ("이영희B", "이영희"), ("  홍길동B ", "홍길동"), ("박AB", "박AB"), ("Kim", "Kim"), ("홍길동b", "홍길동b"),
    ("김 A", "김 A"), ("윤도하B", "윤도하"), ("DemoUserA", "DemoUserA"), ("B", "B"),
])
def test_owner_normalisation(raw, normalised):
    assert normalise_owner_name(raw) == normalised


@given(st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=4),
       st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
def test_suffix_removed_only_after_hangul(base, letter):
    assert normalise_owner_name(base + letter) == base
    assert normalise_owner_name(base + letter.lower()) == base + letter.lower()
    assert normalise_owner_name("x" + letter) == "x" + letter
    assert normalise_owner_name(base) == base


def test_format_owner_names():
    assert format_owner_names(["a", "b"]) == "a, b"
    assert format_owner_names([]) == "-"


@pytest.mark.parametrize("krw, tier", [
    (0, NO_TIER), (-5, NO_TIER), (1, "P5"), (9_999_999, "P5"), (10_000_000, "P4"), (25_000_000, "P3"),
    (50_000_000, "P2"), (99_999_999, "P2"), (100_000_000, "P1"), (199_999_999, "P1"), (200_000_000, "P0"),
    (1_000_000_000, "S0"), (12_500_000, "P4"), (45_501_000, "P3"),
])
def test_tiers(krw, tier):
    assert tier_of(krw) == tier


def test_tier_helpers():
    assert tier_to_url(NO_TIER) == "none" and tier_from_url("none") == NO_TIER
    assert tier_from_url("P1") == "P1"
    with pytest.raises(ValueError):
        tier_from_url("Ø")
    assert is_high_tier("P2") and not is_high_tier("P3") and not is_high_tier(NO_TIER)


def test_already_parsed_values_pass_through():
    assert load_jsonish({"id": "u1", "name": "가"}) == {"id": "u1", "name": "가"}
    assert owner_names({"id": "u1", "name": "가"}) == ["가"]
    assert owner_names([{"id": "u1", "name": "가"}, "나"]) == ["가", "나"]
    assert format_probability(probability_labels(["높음", "확정"])) == "확정/높음"
