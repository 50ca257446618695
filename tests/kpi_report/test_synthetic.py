"""The payload and the metrics on the synthetic snapshot with every team: internal consistency for every
person and unit (the DOM parity tests of 23 §11 will compare the page against these same functions)."""
import random
import sqlite3

import pytest

from domain.orgs import parse_existing_orgs
from domain.roster import parse_roster
from kpi_report import queries
from kpi_report.metrics import (QUALITY_ROWS, SEGMENTS, deal_list, excluded_list, format_analysis, included,
                                kpi_summary, quality_list)
from kpi_report.payload import Sources, build_payload
from snapshot.synth import ROSTER_TOML
from snapshot.synth.writer import existing_orgs_text


@pytest.fixture(scope="module")
def payload(synth_db, synth_dataset):
    conn = sqlite3.connect(f"file:{synth_db}?mode=ro", uri=True)
    cols = queries.detect(conn)
    src = Sources(queries.deal_rows(conn, cols), queries.person_orgs(conn, cols), queries.org_names(conn, cols))
    keys = parse_existing_orgs(existing_orgs_text(synth_dataset))
    generated, source = queries.data_generated_at(conn, synth_db)
    built, _ = build_payload(src, roster=parse_roster(ROSTER_TOML), teams=("edu1", "edu2", "public"),
                             years=[2024, 2025], existing=frozenset(keys), existing_count=len(keys),
                             net_column=cols.net_column, net_candidates=cols.net_candidates, db_name="x.db",
                             generated_at="2026-01-19T00:00:00+00:00", data_generated_at=generated,
                             data_source=source)
    return built


def selections(payload):
    for team in payload["roster"]:
        for unit in team["units"]:
            yield unit["people"]                      # ALL of the unit
            for person in unit["people"]:
                yield [person]


def test_every_selection_is_consistent(payload):
    rng = random.Random(20260119)
    assert payload["meta"]["dealCountAfterOrgMapFilter"] == len(payload["deals"]) > 50
    for people in selections(payload):
        mine = [d["id"] for d in payload["deals"] if d["person"] in people]
        excluded = rng.sample(mine, k=min(len(mine), rng.randint(0, 3)))
        cells = kpi_summary(payload, people, excluded)
        assert len(cells) == 17 * 3 * 3
        deals = included(payload, people, excluded)
        for year in (2024, 2025):
            leads = [d for d in deals if d["leadYear"] == year]
            assert cells[("leads", str(year), "all")] == f"{len(leads):,}"
            for row in QUALITY_ROWS:
                for seg in SEGMENTS:
                    assert cells[(row, str(year), seg)] == f"{len(quality_list(payload, people, excluded, row, year, seg)):,}"
            rows = format_analysis(payload, people, excluded, year)
            top = [cells for key, cells in rows if not key.endswith("-월별입과 제외")]
            assert sum(int(c[0].replace(",", "")) for c in top) == len(leads)
            existing, new, no_org = deal_list(payload, people, year)
            assert len(existing) + len(new) + len(no_org) == len(
                {d["id"] for d in payload["deals"] if d["person"] in people and year in (d["leadYear"], d["contractYear"])})
        assert excluded_list(payload, people, excluded) == sorted(
            excluded, key=lambda i: next((d["createdDate"] or "9999", i) for d in payload["deals"] if d["id"] == i))
