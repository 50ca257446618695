"""Shared fixtures: a session-scoped synthetic dataset and snapshot (small scale, fixed seed, fixed today)."""
from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests.fake_salesmap.fixtures import api_dataset_small, fake_salesmap  # noqa: F401 (fixtures)

REPO = Path(__file__).resolve().parents[1]
SEED, SCALE, TODAY = 20260119, 0.02, date(2026, 1, 19)


@pytest.fixture(scope="session")
def synth_dataset():
    from snapshot.synth import api_dataset
    return api_dataset(seed=SEED, scale=SCALE, today=TODAY)


@pytest.fixture(scope="session")
def synth_db(synth_dataset, tmp_path_factory) -> Path:
    from snapshot.synth import write_snapshot
    return write_snapshot(synth_dataset, tmp_path_factory.mktemp("synth") / "salesmap_latest.db")


@pytest.fixture(scope="session")
def synth_conn(synth_db):
    conn = sqlite3.connect(f"file:{synth_db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()
