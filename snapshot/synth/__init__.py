"""The deterministic synthetic snapshot generator (11_data_model.md §8): `python -m snapshot.synth`.

    from snapshot.synth import api_dataset, write_snapshot
    ds = api_dataset(seed=20260119, scale=0.02, today=date(2026, 1, 19))
    write_snapshot(ds, "salesmap_latest.db")

Same seed, scale and today → byte-identical outputs (same Python minor version, SQLite and holidays).
"""
from snapshot.synth.dataset import ApiDataset, api_dataset
from snapshot.synth.edge_ids import EDGE_IDS
from snapshot.synth.sidecars import write_sidecars
from snapshot.synth.staff import ROSTER_TOML
from snapshot.synth.writer import (write_api_records, write_existing_orgs, write_roster, write_snapshot)

__all__ = ["ApiDataset", "api_dataset", "write_snapshot", "write_api_records", "write_roster",
           "write_existing_orgs", "write_sidecars", "EDGE_IDS", "ROSTER_TOML"]
