"""Fixtures for the dashboard: make_app(**overrides) over the session's synthetic snapshot."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO
from webapp import create_app

HX = {"HX-Request": "true"}

ORIGINAL_LINE = {"run_tag": "20260117_180000", "captured_at_utc": "2026-01-17T18:00:00.000000Z",
                 "final_db_path": "salesmap_latest.db", "log_path": "logs/salesmap_snapshot_20260117_180000.log",
                 "backup_path": None, "tables": {"deal": {"rows": 8500, "cols": 151}},
                 "errors": {"count": 0, "details": []}}
FULL_LINE = {**ORIGINAL_LINE, "run_tag": "20260118_180000", "captured_at_utc": "2026-01-18T18:00:00.000000Z",
             "mode": "full", "status": "crawl_failed", "exit_code": 3, "resumed": False,
             "finished_at_utc": "2026-01-18T18:07:41.002211Z",
             "errors": {"count": 1, "details": [{"table": "lead", "errors": "page3:http_500"}]},
             "webform": {"forms": 12, "rows": 70, "dropped_missing_person": 3, "dropped_not_allowed": 40,
                         "forms_not_found": ["x"], "errors": []}}


@pytest.fixture(scope="session")
def run_history(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("logs") / "run_history.jsonl"
    lines = [json.dumps(ORIGINAL_LINE, ensure_ascii=False), "not json {", json.dumps(FULL_LINE, ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def make_app(synth_db, run_history):
    def factory(**overrides):
        settings = {"AUTH_MODE": "none", "DB_PATH": str(synth_db), "RUN_HISTORY_PATH": str(run_history),
                    "ROSTER_PATH": str(REPO / "config" / "roster.example.toml"),
                    "TODAY": "2026-01-19", "TESTING": True, **overrides}
        return create_app(settings)
    return factory


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def orgs_paths(tmp_path_factory):
    """The org viewer's worked example of 20 §8.4: (snapshot, roster)."""
    from tests.webapp.dealcheck_fixture import write_roster
    from tests.webapp.orgs_fixture import write_db
    folder = tmp_path_factory.mktemp("orgs")
    return write_db(folder / "orgs.db"), write_roster(folder / "roster.toml")


@pytest.fixture
def orgs_client(make_app, orgs_paths):
    db, roster = orgs_paths
    return make_app(DB_PATH=str(db), ROSTER_PATH=str(roster), TODAY="2026-02-02").test_client()
