"""Writers: the SQLite snapshot, the API record files, the roster and the existing-customer list (11 §8.2).

`write_snapshot` writes every table through snapshot/store.py (the crawler's code), webform_history through
the crawler's selection and filter (snapshot/webform.py), then manifest, run_info, the prepare step and —
the generator only — VACUUM. Files are written next to the target and renamed into place.
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from domain.deals import deal_org_id
from domain.revenue import DealFacts, build_won_book
from snapshot import webform
from snapshot.format import DEFAULT_BASE_URL, ENDPOINT_TABLES, ENDPOINTS
from snapshot.store import prepare, write_manifest, write_run_info, write_unit
from snapshot.synth.clock import as_of, iso_micro, run_tag as tag_of
from snapshot.synth.dataset import ApiDataset
from snapshot.synth.rng import chance, stream
from snapshot.synth.staff import ROSTER_TOML

EXISTING_ORGS_VARIANT = {"라온하늘전자": "(주)라온하늘전자"}  # EO_DATES is always written in another spelling


def _tmp_for(path: Path) -> Path:
    return path.with_name(path.name + ".tmp")


def write_snapshot(ds: ApiDataset, out_path, *, run_tag: str | None = None,
                   captured_at_utc: str | None = None) -> Path:
    """Write the dataset as a snapshot file at `out_path` (replacing it); returns the path."""
    out = Path(out_path)
    tmp = _tmp_for(out)
    if tmp.exists():
        tmp.unlink()
    instant = as_of(ds.today)
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA page_size=4096")
        conn.execute("PRAGMA journal_mode=DELETE")
        for table in ENDPOINT_TABLES:
            conn.execute("BEGIN")
            write_unit(conn, table, getattr(ds, table))
            conn.execute("COMMIT")
        _write_webform_history(conn, ds)
        conn.execute("BEGIN")
        write_manifest(conn, [(t, e, "") for t, e in zip(ENDPOINT_TABLES, ENDPOINTS)])
        write_run_info(conn, run_tag=run_tag or tag_of(instant),
                       captured_at_utc=captured_at_utc or iso_micro(instant), base_url=DEFAULT_BASE_URL,
                       endpoints=ENDPOINTS, note=f"synthetic seed={ds.seed} scale={ds.scale:g} today={ds.today}",
                       checkpoint_path=None, final_db_path="salesmap_latest.db")
        prepare(conn)
        conn.execute("COMMIT")
        conn.execute("VACUUM")
    finally:
        conn.close()
    os.replace(tmp, out)
    return out


def _write_webform_history(conn: sqlite3.Connection, ds: ApiDataset) -> webform.FilterCounts:
    """The crawler's post-step over the dataset's submissions (a form in no catalogue is "not found")."""
    def fetch(form_id: str):
        submissions = ds.submissions.get(form_id)
        return (submissions or [], None, submissions is None)
    counts, _ = webform.run_step(conn, fetch)
    return counts


def write_api_records(ds: ApiDataset, directory) -> Path:
    """UTF-8 JSON Lines per endpoint in API order, plus meta.json (8.7)."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    files = {f"{t}.jsonl": getattr(ds, t) for t in ENDPOINT_TABLES}
    files["webForm.jsonl"] = ds.web_forms
    files["webFormSubmit.jsonl"] = [{"webFormId": f["id"], "submission": s}
                                    for f in ds.web_forms for s in ds.submissions.get(f["id"], [])]
    for name, records in files.items():
        _write_text(out / name, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), force=True)
    meta = {"seed": ds.seed, "scale": ds.scale, "today": ds.today.isoformat(), "me": ds.me}
    _write_text(out / "meta.json", json.dumps(meta, ensure_ascii=False, indent=2) + "\n", force=True)
    return out


def _write_text(path: Path, text: str, force: bool) -> bool:
    """Write atomically; an identical existing file is left alone; a different one needs `force`.

    Returns True when the file was (re)written.
    """
    if path.exists():
        if path.read_bytes() == text.encode("utf-8"):
            return False
        if not force:
            raise FileExistsError(f"{path} exists and differs (use --force to overwrite)")
    tmp = _tmp_for(path)
    tmp.write_bytes(text.encode("utf-8"))
    os.replace(tmp, path)
    return True


def write_roster(path, force: bool = False) -> bool:
    """The fixed roster (8.6), byte for byte."""
    return _write_text(Path(path), ROSTER_TOML, force)


def existing_orgs_text(ds: ApiDataset) -> str:
    """Organisations with canonical Won revenue in T's year − 2, one name per line (8.11)."""
    year = ds.today.year - 2
    people_org = {p["id"]: p["organizationId"] for p in ds.people}
    names = {o["id"]: o["이름"] for o in ds.organization}
    facts = [DealFacts(d["id"], d["이름"], d["상태"], d["금액"], d["계약 체결일"],
                       deal_org_id(d["organizationId"], people_org.get(d["peopleId"]))) for d in ds.deal]
    book = build_won_book(facts)
    lines = set()
    for org_id, won_year in book.totals:
        if won_year == year and org_id in names:
            lines.add(_spelling(ds.seed, org_id, names[org_id]))
    header = f"# Synthetic existing customers: canonical Won revenue in {year}\n"
    return header + "".join(f"{name}\n" for name in sorted(lines))


def _spelling(seed: int, org_id: str, name: str) -> str:
    """≈ 5 % of names in another spelling that the KPI report's organisation key maps back."""
    if name in EXISTING_ORGS_VARIANT:
        return EXISTING_ORGS_VARIANT[name]
    if not chance(stream(seed, "existing-orgs", org_id), 0.05):
        return name
    if name.startswith("(주)"):
        return name[3:]
    if name.endswith(" 주식회사"):
        return name[:-5]
    return "(주)" + name if len(name) % 2 else name + " 주식회사"


def write_existing_orgs(ds: ApiDataset, path, force: bool = False) -> bool:
    return _write_text(Path(path), existing_orgs_text(ds), force)
