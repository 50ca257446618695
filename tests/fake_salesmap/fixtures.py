"""pytest fixtures of the fake Salesmap API (10_salesmap_api.md §B.2)."""
from datetime import date

import pytest

from tests.fake_salesmap import FakeSalesmap


@pytest.fixture(scope="session")
def api_dataset_small():
    from snapshot.synth import api_dataset
    return api_dataset(seed=7, scale=0.02, today=date(2026, 1, 19))


@pytest.fixture
def fake_salesmap(api_dataset_small):
    """A started fake over the small dataset, per test, so faults never leak between tests."""
    with FakeSalesmap(api_dataset_small) as fake:
        yield fake
