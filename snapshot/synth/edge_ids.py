"""EDGE_IDS: edge key → fixed id (11_data_model.md §8.8), the same for every seed, scale and today."""
from __future__ import annotations

from snapshot.synth.edge_orgs import EDGE_FORMS, EDGE_ORGS, TIER_ORGS, edge_id

EDGE_DEAL_KEYS = (
    "E01", "E02", "E03", "E65", "E04", "E05", "E06", "E07", "E08", "E09", "E10", "E11", "E14", "E15", "E12", "E13",
    "E60", "E61", "E62", "E63", "E64",
    "E20", "E21", "E22", "E23", "E24", "E29", "E26", "E25", "E27", "E28", "E31", "E30",
    "E32", "E40", "G1", "G2", "E_DUP",
    "T_S0_25H", "T_S0_25B", "T_S0_24H", "T_P0_25H", "T_P0_24H", "T_P1_25H", "T_P1_25B", "T_P2_25H", "T_P2_24H",
    "T_P3_25B", "T_P3_24B", "T_P4_25H", "T_P5_25H", "T_P5_24H", "T_NONE_24H", "T_NONE_LOST", "T_NONE_SQL",
    "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8",
)
EDGE_MEMO_KEYS = ("M01", "M02", "M03", "M04", "M05", "M06", "M07")


def _keys() -> list[str]:
    keys = list(EDGE_ORGS) + list(TIER_ORGS)
    keys += [person for _, _, _, people in EDGE_ORGS.values() for person, _, _ in people]
    keys += [f"P_{org}_{lane}" for org in TIER_ORGS for lane in ("H", "B")]
    keys += ["P_X1", "P_GHOST"] + list(EDGE_FORMS) + list(EDGE_DEAL_KEYS) + list(EDGE_MEMO_KEYS)
    return keys


EDGE_IDS: dict[str, str] = {key: edge_id(key) for key in _keys()}
