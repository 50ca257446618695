"""Canonical won revenue and exclusions (00_PRODUCT §5; 20 §8.3; 21 Examples G, H, J; 23 Example 8)."""
from hypothesis import given, strategies as st

from domain.revenue import (BAD_AMOUNT, NO_CONTRACT_DATE, NO_ORGANIZATION, DealFacts, build_won_book,
                            canonical_won, exclusion_reason, exclusion_summary)
from domain.tiers import tier_of


def deal(deal_id, org, status, amount, contract, name=None, org_name=None):
    return DealFacts(deal_id, name or deal_id, status, amount, contract, org, org_name or org)


def test_deal_check_worked_example_base_year_totals():
    """20 §8.3: W1–W8 give O1 120M (P1), O2 30M (P3), O3 0 (retention, Ø), O5 15M (P4); O4 nothing in 2025."""
    deals = [
        deal("W1", "O1", "Won", "100000000", "2025-03-10", org_name="알파상사"),
        deal("W2", "O1", "Won", "20000000", "2025-11-20", org_name="알파상사"),
        deal("W3", "O2", "Won", "30000000", "2025-05-05", org_name="베타물산"),
        deal("W4", "O3", "Won", "0", "2025-06-01"),
        deal("W5", "O4", "Won", "90000000", "2024-08-01", org_name="델타랩"),
        deal("W6", "O5", "Won", "15,000,000원", "2024-12-31T15:00:00.000Z"),
        deal("W7", "O2", "Won", "미정", "2025-08-01", org_name="베타물산"),
        deal("W8", "O1", "Won", "10000000", None, org_name="알파상사"),
        deal("D7", "O4", "Won", None, None, org_name="델타랩"),
        deal("D2", "O1", "Won", "25000000", "2026-01-26", org_name="알파상사"),
        deal("D1", "O1", "SQL", None, None),
    ]
    book = build_won_book(deals)
    assert book.won("O1", 2025) == 120_000_000 and tier_of(book.won("O1", 2025)) == "P1"
    assert book.won("O2", 2025) == 30_000_000 and tier_of(30_000_000) == "P3"
    assert book.won("O3", 2025) == 0 and book.has_won("O3", 2025)
    assert book.won("O5", 2025) == 15_000_000
    assert not book.has_won("O4", 2025) and book.won("O4", 2024) == 90_000_000
    assert book.won("O1", 2026) == 25_000_000
    shown = book.exclusions_for(["O1", "O2", "O4"])
    assert [(e.dealId, e.orgName, e.reason) for e in shown] == [
        ("D7", "델타랩", NO_CONTRACT_DATE), ("W7", "베타물산", BAD_AMOUNT), ("W8", "알파상사", NO_CONTRACT_DATE)]
    assert shown[0].amountRaw is None and shown[1].amountRaw == "미정"
    assert exclusion_summary(len(shown)) == "Won 집계 제외 3건"


def test_statepath_example_g_exclusions_and_sums():
    deals = [
        deal("x1", "org-G", "Won", "50000000", "2024-12-31T16:00:00.000Z", org_name="엣지"),
        deal("x2", "org-G", "Won", "10,000,000원", "2025-02-01T15:00:00.000Z", org_name="엣지"),
        deal("x3", "org-G", "Won", "30000000", "2025-03-01", org_name="엣지"),
        deal("x4", "org-G", "won", "30000000", "2025-03-01", org_name="엣지"),
        deal("x5", "org-G", "Won", "-10000000", "2025-04-01", org_name="엣지"),
        deal("x6", "org-G", "Won", None, "2025-04-01", org_name="엣지"),
        deal("x7", "org-G", "Won", "1.5억", "2025-05-01", org_name="엣지"),
        deal("x8", "org-G", "Won", "12000000.0", "2023-12-31T15:00:00.000Z", org_name="엣지"),
        deal("x9", "org-G", " Won ", "20,000,000", "2025.06.30", org_name="엣지"),
        deal("x10", "org-G", "Won", "90000000", "2025-13-45", org_name="엣지"),
        deal("x11", "org-G", "Won", "abc", "2023-05-01", org_name="엣지"),
        deal("x12", "org-G", "Won", "5000000", "2025-07-01", org_name="엣지"),
    ]
    book = build_won_book(deals)
    assert book.won("org-G", 2024) == 12_000_000
    assert book.won("org-G", 2025) == 105_000_000  # 0.5+0.1+0.3−0.1+0.2+0.05 억
    excluded = book.exclusions_for(["org-G"])
    assert [(e.dealId, e.reason) for e in excluded] == [
        ("x10", NO_CONTRACT_DATE), ("x11", BAD_AMOUNT), ("x6", BAD_AMOUNT), ("x7", BAD_AMOUNT)]
    assert excluded[0].to_json() == {"dealId": "x10", "dealName": "x10", "orgId": "org-G", "orgName": "엣지",
                                     "amountRaw": "90000000", "contractDateRaw": "2025-13-45",
                                     "reason": "no_contract_date"}
    assert [e.label for e in excluded] == ["계약 체결일 없음/오류", "금액 없음/오류", "금액 없음/오류", "금액 없음/오류"]


def test_statepath_example_h_integer_boundary():
    book = build_won_book([deal("k1", "org-H", "Won", "1000000", "2025-03-01"),
                           deal("k2", "org-H", "Won", "9000000", "2025-04-01")])
    assert tier_of(book.won("org-H", 2025)) == "P4"


def test_statepath_example_j_no_organisation():
    deals = [deal("j1", "org-J", "Won", "20000000", "2025-03-01"),
             deal("j2", "org-J", "Won", "10000000", "2025-04-01"),
             deal("j3", None, "Won", "7000000", "2025-05-01"),
             deal("j4", None, "Won", "3000000", "2025-06-01")]
    book = build_won_book(deals)
    assert book.won("org-J", 2025) == 30_000_000
    assert book.exclusions_for(["org-J"]) == []
    assert [(e.dealId, e.orgId, e.orgName, e.reason) for e in book.no_organization] == [
        ("j3", None, None, NO_ORGANIZATION), ("j4", None, None, NO_ORGANIZATION)]


def test_reason_order_org_first_and_kpi_order():
    """23 Example 8: per-owner lists check the date and amount before the organisation."""
    no_org_no_date = deal("a", None, "Won", "8000000", None)
    assert exclusion_reason(no_org_no_date) == NO_ORGANIZATION
    assert exclusion_reason(no_org_no_date, org_first=False) == NO_CONTRACT_DATE
    no_date_bad_amount = deal("b", "o", "Won", "미정", None)
    assert exclusion_reason(no_date_bad_amount) == NO_CONTRACT_DATE
    assert exclusion_reason(deal("c", "o", "Won", "미정", "2025-02-01")) == BAD_AMOUNT
    assert exclusion_reason(deal("d", "o", "Won", "0", "2025-02-01")) is None
    no_org_ok = deal("e", None, "Won", "8,000,000", "2025-02-01")
    assert exclusion_reason(no_org_ok, org_first=False) == NO_ORGANIZATION
    assert canonical_won(no_org_ok).amount == 8_000_000  # a person's totals need no organisation
    assert exclusion_reason(deal("f", None, "Convert", None, None)) is None
    assert exclusion_reason(deal("g", "o", "Lost", None, None)) is None


amounts = st.integers(min_value=-10 ** 9, max_value=10 ** 10)


@given(st.lists(st.tuples(st.sampled_from(["o1", "o2", None]), st.sampled_from(["Won", "Lost", "Convert", " Won "]),
                          st.one_of(st.none(), amounts.map(str), st.just("1.5억")),
                          st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.just("미정"))),
                max_size=30))
def test_every_won_deal_counts_once_or_is_excluded_once(rows):
    deals = [deal(f"d{i}", *row) for i, row in enumerate(rows)]
    book = build_won_book(deals)
    excluded = [e.dealId for es in book.exclusions_by_org.values() for e in es] + \
               [e.dealId for e in book.no_organization]
    counted = [d for d in deals if canonical_won(d) and d.org_id is not None]
    won = [d for d in deals if d.status_raw.strip() == "Won"]
    assert len(excluded) == len(set(excluded))
    assert len(counted) + len(excluded) == len(won)
    assert sum(book.totals.values()) == sum(canonical_won(d).amount for d in counted)
