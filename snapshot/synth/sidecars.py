"""The counterparty targets workbook `counterparty_targets.xlsx` (11_data_model.md §8.11; 22 §4).

Sheets `<YY> 출강 타겟` and `<YY> 온라인 타겟` (YY = T's year): the ~40 offline and ~25 online counterparties with
the largest canonical won revenue of T's year − 1, target = that revenue × 1.1 in 억 (a third set to 0),
plus one duplicated key, one `미입력` counterparty and one organisation that is not in the snapshot.
openpyxl stamps the clock into the file, so the bytes are re-packed: fixed zip entry times, and
created/modified = A.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from domain.deals import deal_org_id, is_online
from domain.revenue import DealFacts, canonical_won
from domain.roster import parse_roster
from domain.tiers import tier_of
from domain.owners import owner_names
from domain.text import normalise_upper_org
from snapshot.synth.clock import as_of
from snapshot.synth.dataset import ApiDataset
from snapshot.synth.staff import ROSTER_TOML

FILE_NAME = "counterparty_targets.xlsx"
HEADERS = ("티어", "기업명", "카운터파티", "담당자", "팀&파트")
MISSING_ORG = "없는가상테크"


def _revenue(ds: ApiDataset, year: int) -> dict[tuple[str, str, bool], int]:
    people = {p["id"]: p for p in ds.people}
    totals: dict[tuple[str, str, bool], int] = {}
    for d in ds.deal:
        person = people.get(d["peopleId"])
        org = deal_org_id(d["organizationId"], person["organizationId"] if person else None)
        won = canonical_won(DealFacts(d["id"], d["이름"], d["상태"], d["금액"], d["계약 체결일"], org))
        if won is None or org is None or won.year != year or person is None:
            continue
        key = (org, normalise_upper_org(person["소속 상위 조직"]), is_online(d["과정포맷"]))
        totals[key] = totals.get(key, 0) + won.amount
    return totals


def _eok(krw: int) -> float:
    return float((Decimal(krw) * Decimal("1.1") / Decimal(10 ** 8)).quantize(Decimal("0.01"), ROUND_HALF_UP))


def sheet_rows(ds: ApiDataset, online: bool, count: int) -> list[list]:
    orgs = {o["id"]: o for o in ds.organization}
    roster = parse_roster(ROSTER_TOML)
    totals = _revenue(ds, ds.today.year - 1)
    ranked = sorted(((v, orgs[o]["이름"], cp, o) for (o, cp, rail), v in totals.items() if rail == online and o in orgs),
                    key=lambda t: (-t[0], t[1], t[2], t[3]))[:count]
    rows = []
    for i, (krw, name, counterparty, org_id) in enumerate(ranked):
        owners = owner_names(orgs[org_id]["담당자"])
        unit = roster.unit_of(owners[0]) if owners else None
        team = f"{unit.team.name} {unit.part.name}" if unit else None
        rows.append([tier_of(krw), name, counterparty, owners[0] if owners else None, team,
                     0 if i % 3 == 2 else _eok(krw)])
    if rows:
        rows.append(list(rows[0]))                       # a duplicated key: the loader drops both
        rows.append([None, rows[1][1] if len(rows) > 1 else rows[0][1], "-", None, None, 0.5])  # → 미입력
        rows.append([None, MISSING_ORG, "인재개발원", None, None, 1.25])  # not in the snapshot
    return rows


def workbook_bytes(ds: ApiDataset) -> bytes:
    from openpyxl import Workbook  # only this writer needs openpyxl
    yy = ds.today.year % 100
    wb = Workbook()
    wb.remove(wb.active)
    for title, online, count in ((f"{yy} 출강 타겟", False, 40), (f"{yy} 온라인 타겟", True, 25)):
        ws = wb.create_sheet(title)
        ws.append([*HEADERS, title])
        for row in sheet_rows(ds, online, count):
            ws.append(row)
    instant = as_of(ds.today).replace(tzinfo=None)
    wb.properties.created = wb.properties.modified = instant
    raw = io.BytesIO()
    wb.save(raw)
    return _repack(raw.getvalue(), instant.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _repack(data: bytes, stamp: str) -> bytes:
    """Same entries in the same order, fixed entry times, deflate, created/modified = A."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                for tag in ("created", "modified"):
                    text = re.sub(rf"(<dcterms:{tag}[^>]*>)[^<]*(</dcterms:{tag}>)", rf"\g<1>{stamp}\g<2>", text)
                body = text.encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, body)
    return out.getvalue()


def write_sidecars(ds: ApiDataset, directory, force: bool = False) -> Path:
    """Write `counterparty_targets.xlsx` into `directory`; an identical file is left alone."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    data = workbook_bytes(ds)
    if path.exists() and path.read_bytes() != data and not force:
        raise FileExistsError(f"{path} exists and differs (use --force to overwrite)")
    if not path.exists() or path.read_bytes() != data:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return path
