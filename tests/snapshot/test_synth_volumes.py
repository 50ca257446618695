"""Volumes and shares at scale 0.2 (11_data_model.md §6.1, §8.9 item 17) and the drop counters (10 §B.3)."""
from collections import Counter
from datetime import date

import pytest

from domain.text import normalise_upper_org
from snapshot import webform
from snapshot.synth import EDGE_IDS, api_dataset
from snapshot.synth.edge_ids import EDGE_DEAL_KEYS

SCALE = 0.2
EDGE = set(EDGE_IDS.values())


@pytest.fixture(scope="module")
def ds():
    return api_dataset(seed=11, scale=SCALE, today=date(2026, 1, 19))


def bulk(records):
    return [r for r in records if r["id"] not in EDGE]


def test_bulk_counts(ds):
    assert len(bulk(ds.organization)) == round(9000 * SCALE)
    assert len(bulk(ds.people)) == round(35000 * SCALE)
    assert len(bulk(ds.deal)) == round(8500 * SCALE) and len(ds.deal) - len(bulk(ds.deal)) == len(EDGE_DEAL_KEYS)
    assert len(ds.lead) == round(9000 * SCALE)
    assert 40000 * SCALE <= len(ds.memo) <= 52000 * SCALE
    assert (len(ds.user), len(ds.team)) == (61, 5)


def share(counter: Counter, key) -> float:
    return 100 * counter[key] / sum(counter.values())


def test_shares_within_five_points(ds):
    deals = bulk(ds.deal)
    status = Counter(d["상태"] for d in deals)
    for key, expected in (("Won", 42), ("Lost", 44), ("SQL", 12), ("Convert", 2)):
        assert abs(share(status, key) - expected) <= 5, (key, share(status, key))
    formats = Counter(d["과정포맷"].replace(" ", "") if d["과정포맷"] else None for d in deals)
    for key, expected in (("출강", 35.5), ("구독제(온라인)", 30), ("선택구매(온라인)", 16), ("포팅", 5)):
        assert abs(share(formats, key) - expected) <= 5, (key, share(formats, key))
    with_deals = {d["organizationId"] for d in deals if d["organizationId"]}
    sizes = Counter(o["기업 규모"] for o in bulk(ds.organization) if o["id"] not in with_deals)
    for key, expected in (("중소기업", 30), (None, 40), ("대기업", 8)):
        assert abs(share(sizes, key) - expected) <= 5, (key, share(sizes, key))


def test_some_organisation_has_four_upper_org_groups(ds):
    groups: dict[str, set] = {}
    for p in ds.people:
        if p["organizationId"] and p["소속 상위 조직"]:
            groups.setdefault(p["organizationId"], set()).add(normalise_upper_org(p["소속 상위 조직"]))
    assert max(len(g) for g in groups.values()) >= 4


def test_webform_history_band_and_drop_counters(ds):
    allowed = {d["peopleId"].strip() for d in ds.deal if d["peopleId"] and d["peopleId"].strip()}
    counts = webform.FilterCounts()
    rows = 0
    for form_id, subs in ds.submissions.items():
        rows += len(webform.filter_submissions(subs, form_id, allowed, counts))
    assert 2500 * SCALE <= rows <= 5000 * SCALE
    assert counts.dropped_missing_person > 0 and counts.dropped_not_allowed > 0
