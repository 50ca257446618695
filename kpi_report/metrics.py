"""The Python reference of the report's figures (23 §8, §11). Works on the payload exactly as the page does:
select the people's deals, drop the excluded ids, then count, sum, divide with `kpi_report.numbers`.

Tab 1 (`kpi_summary`, `chart_labels`, `quality_list`), tab 2 (`format_analysis`), tab 3 (`deal_list`) and
tab 4 (`excluded_list`)."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from domain.deals import WON
from domain.revenue import NO_CONTRACT_DATE, REASON_LABELS
from domain.text import is_blank
from kpi_report.numbers import (MISSING, delta_margin_tenths, delta_rate_tenths, eok_hundredths, format_amount,
                                format_count, format_hundredths_eok, format_net, format_tenths, margin_tenths,
                                rate_tenths, utf16_key)
from kpi_report.payload import NO_ORG_LABEL, ONLINE_FORMAT_ORDER

SEGMENTS: dict[str, Callable[[dict], bool]] = {
    "all": lambda d: True,
    "online": lambda d: d["isOnline"],
    "offline": lambda d: not d["isOnline"],
}
RATE_ROWS = {  # row key → (lead filter, monthly-kept only)
    "winRate": (lambda d: True, False),
    "winRateMonthly": (lambda d: True, True),
    "newWinRate": (lambda d: _is_new(d), False),
    "newWinRateMonthly": (lambda d: _is_new(d), True),
    "existingWinRate": (lambda d: d["isExisting"], False),
    "existingWinRateMonthly": (lambda d: d["isExisting"], True),
}
ROW_KEYS = ("leads", *RATE_ROWS, "wonAmount", "cmRate", "newCustomers", "existingCustomers", "retention",
            "upsell", "qMissingContractDate", "qMissingAmount", "qMissingOrg", "qMissingNet")
FULL_CM_PPM = 1_000_000  # an online deal counts as 100 % (seed invariant)


def _is_new(deal: dict) -> bool:
    return deal["customerKey"] is not None and not deal["isExisting"]


def _is_won(deal: dict) -> bool:
    return deal["status"] == WON


def included(payload: dict, people: Iterable[str], excluded: Iterable[str]) -> list[dict]:
    """The selected people's deals whose id is not excluded (23 §8)."""
    chosen, gone = set(people), set(excluded)
    return [d for d in payload["deals"] if d["person"] in chosen and d["id"] not in gone]


def canonical(deals: list[dict], year: int) -> list[dict]:
    """C: Won, no wonExclusion, contract year Y."""
    return [d for d in deals if _is_won(d) and d["wonExclusion"] is None and d["contractYear"] == year]


def _cm(deal: dict) -> int | None:
    return FULL_CM_PPM if deal["isOnline"] else deal["netPpm"]


class _Year:
    """The exact figures of one (year, segment): integers and ratios, never rounded."""

    def __init__(self, deals: list[dict], year: int):
        self.leads = [d for d in deals if d["leadYear"] == year]
        self.c = canonical(deals, year)
        self.rates = {}
        for key, (accept, monthly) in RATE_ROWS.items():
            pool = [d for d in self.leads if accept(d) and not (monthly and d["monthlyExcluded"])]
            self.rates[key] = (sum(_is_won(d) for d in pool), len(pool))
        self.amount = sum(d["amount"] for d in self.c)
        cms = [cm for cm in map(_cm, self.c) if cm is not None]
        self.cm = (sum(cms), len(cms))
        self.new_customers = {d["customerKey"] for d in self.c if _is_new(d)}
        self.existing_customers = {d["customerKey"] for d in self.c if d["isExisting"]}
        self.amount_by_existing: dict[str, int] = {}
        for d in self.c:
            if d["isExisting"]:
                self.amount_by_existing[d["customerKey"]] = self.amount_by_existing.get(d["customerKey"], 0) + d["amount"]
        self.quality = {
            "qMissingContractDate": sum(d["wonExclusion"] == "no_contract_date" and d["leadYear"] == year
                                        for d in deals),
            "qMissingAmount": sum(d["wonExclusion"] == "bad_amount" and d["contractYear"] == year for d in deals),
            "qMissingOrg": sum(d["customerKey"] is None for d in self.c),
            "qMissingNet": sum(not d["isOnline"] and d["netPpm"] is None for d in self.c),
        }


def _retention(y1: _Year, y2: _Year) -> tuple[tuple[int, int], tuple[int, int]]:
    """((retained, |B(Y1)|), (upsold, retained)) of 23 §8.2."""
    retained = y1.existing_customers & y2.existing_customers
    upsold = sum(y2.amount_by_existing[k] > y1.amount_by_existing[k] for k in retained)
    return (len(retained), len(y1.existing_customers)), (upsold, len(retained))


def kpi_summary(payload: dict, people: Iterable[str], excluded: Iterable[str]) -> dict[tuple[str, str, str], str]:
    """Every tab-1 cell: {(row key, "<year>" | "delta", segment): text}."""
    y1, y2 = payload["compareYears"]
    deals = included(payload, people, excluded)
    cells: dict[tuple[str, str, str], str] = {}
    for seg, accept in SEGMENTS.items():
        part = [d for d in deals if accept(d)]
        a, b = _Year(part, y1), _Year(part, y2)
        for year, fig in ((y1, a), (y2, b)):
            col = str(year)
            cells[("leads", col, seg)] = format_count(len(fig.leads))
            for key, (n, d) in fig.rates.items():
                cells[(key, col, seg)] = format_tenths(rate_tenths(n, d))
            cells[("wonAmount", col, seg)] = format_hundredths_eok(eok_hundredths(fig.amount))
            cells[("cmRate", col, seg)] = format_tenths(margin_tenths(*fig.cm))
            cells[("newCustomers", col, seg)] = format_count(len(fig.new_customers))
            cells[("existingCustomers", col, seg)] = format_count(len(fig.existing_customers))
            for key, count in fig.quality.items():
                cells[(key, col, seg)] = format_count(count)
        (kept, base), (ups, retained) = _retention(a, b)
        cells[("retention", str(y1), seg)] = cells[("upsell", str(y1), seg)] = MISSING
        cells[("retention", str(y2), seg)] = format_tenths(rate_tenths(kept, base))
        cells[("upsell", str(y2), seg)] = format_tenths(rate_tenths(ups, retained))
        delta = "delta"
        cells[("leads", delta, seg)] = format_count(len(b.leads) - len(a.leads), signed=True)
        for key in RATE_ROWS:
            cells[(key, delta, seg)] = format_tenths(delta_rate_tenths(*a.rates[key], *b.rates[key]), "pp", True)
        cells[("wonAmount", delta, seg)] = format_hundredths_eok(eok_hundredths(b.amount - a.amount), True)
        cells[("cmRate", delta, seg)] = format_tenths(delta_margin_tenths(*a.cm, *b.cm), "pp", True)
        cells[("newCustomers", delta, seg)] = format_count(len(b.new_customers) - len(a.new_customers), True)
        cells[("existingCustomers", delta, seg)] = format_count(
            len(b.existing_customers) - len(a.existing_customers), True)
        for key in ("retention", "upsell", "qMissingContractDate", "qMissingAmount", "qMissingOrg", "qMissingNet"):
            cells[(key, delta, seg)] = MISSING
    return cells


UNSET_FORMAT = "(미입력)"
MONTHLY_SUFFIX = "-월별입과 제외"
ONLINE_RANK = {name: rank for rank, name in enumerate(ONLINE_FORMAT_ORDER)}  # tab-3 order (23 §8.6)


def _format_key(deal: dict) -> str:
    return deal["format"] if deal["format"] is not None else UNSET_FORMAT


def _name_order(name: str) -> tuple:
    """§10.4 order with `(미입력)` last."""
    return (name == UNSET_FORMAT, utf16_key(name))


def format_analysis(payload: dict, people: Iterable[str], excluded: Iterable[str],
                    year: int) -> list[tuple[str, list[str]]]:
    """Tab 2 rows for year Y: (row key, [count, won, rate, amount, cm, netMissing] texts), sub-rows
    (`<format>-월별입과 제외`) right after their online row. Rows exist for every format seen in any year."""
    deals = included(payload, people, excluded)
    by_format: dict[str, list[dict]] = {}
    for deal in deals:
        by_format.setdefault(_format_key(deal), []).append(deal)
    rows = []
    for key, group in by_format.items():
        online = group[0]["isOnline"]
        leads = [d for d in group if d["leadYear"] == year]
        c = canonical(group, year)
        won = sum(_is_won(d) for d in leads)
        amount = sum(d["amount"] for d in c)
        if online:
            cm = format_tenths(1000) if c else MISSING
        else:
            nets = [d["netPpm"] for d in c if d["netPpm"] is not None]
            cm = format_tenths(margin_tenths(sum(nets), len(nets)))
        missing_net = 0 if online else sum(d["netPpm"] is None for d in c)
        cells = [format_count(len(leads)), format_count(won), format_tenths(rate_tenths(won, len(leads))),
                 format_hundredths_eok(eok_hundredths(amount)), cm, format_count(missing_net)]
        sub = None
        if online:
            kept = [d for d in leads if not d["monthlyExcluded"]]
            kept_won = sum(_is_won(d) for d in kept)
            sub = [format_count(len(kept)), format_count(kept_won), format_tenths(rate_tenths(kept_won, len(kept))),
                   MISSING, MISSING, MISSING]
        rows.append(((-amount, -len(leads), _name_order(key)), key, cells, sub))
    out: list[tuple[str, list[str]]] = []
    for _order, key, cells, sub in sorted(rows, key=lambda r: r[0]):
        out.append((key, cells))
        if sub is not None:
            out.append((key + MONTHLY_SUFFIX, sub))
    return out


def _list_order(deal: dict) -> tuple:
    key = _format_key(deal)
    rank = ONLINE_RANK.get(key, 3)
    return (rank, _name_order(key) if rank == 3 else (False, b""), deal["createdDate"] is None,
            deal["createdDate"] or "", utf16_key(deal["id"]))


def deal_list(payload: dict, people: Iterable[str], year: int) -> tuple[list[str], list[str], list[str]]:
    """Tab 3 for year Y, excluded deals included: ids of (existing, new, no organisation), each in list order."""
    chosen = set(people)
    deals = sorted((d for d in payload["deals"] if d["person"] in chosen
                    and (d["leadYear"] == year or d["contractYear"] == year)), key=_list_order)
    existing = [d["id"] for d in deals if d["isExisting"]]
    new = [d["id"] for d in deals if _is_new(d)]
    no_org = [d["id"] for d in deals if d["customerKey"] is None]
    return existing, new, no_org


def excluded_list(payload: dict, people: Iterable[str], excluded: Iterable[str]) -> list[str]:
    """Tab 4: the selected people's excluded deals (any year) by createdDate (missing last), then id."""
    chosen, gone = set(people), set(excluded)
    deals = [d for d in payload["deals"] if d["person"] in chosen and d["id"] in gone]
    deals.sort(key=lambda d: (d["createdDate"] is None, d["createdDate"] or "", utf16_key(d["id"])))
    return [d["id"] for d in deals]


CHARTS = ("leads", "winRate", "wonAmount", "cmRate")


def chart_labels(payload: dict, people: Iterable[str], excluded: Iterable[str]) -> dict[tuple[str, str, str], str]:
    """{(chart, year, segment): label}: each bar's label is exactly its tab-1 cell (23 §8.4)."""
    cells = kpi_summary(payload, people, excluded)
    years = [str(y) for y in payload["compareYears"]]
    return {(chart, year, seg): cells[(chart, year, seg)] for chart in CHARTS for year in years for seg in SEGMENTS}


QUALITY_ROWS: dict[str, Callable[[dict, int], bool]] = {
    "qMissingContractDate": lambda d, y: d["wonExclusion"] == "no_contract_date" and d["leadYear"] == y,
    "qMissingAmount": lambda d, y: d["wonExclusion"] == "bad_amount" and d["contractYear"] == y,
    "qMissingOrg": lambda d, y: d in canonical([d], y) and d["customerKey"] is None,
    "qMissingNet": lambda d, y: not d["isOnline"] and d["netPpm"] is None and d in canonical([d], y),
}


def quality_list(payload: dict, people: Iterable[str], excluded: Iterable[str], row_key: str, year: int,
                 seg: str) -> list[str]:
    """The deals behind a quality cell (rows 14–17), by orgName (`조직 미지정` last), then id."""
    accept, in_row = SEGMENTS[seg], QUALITY_ROWS[row_key]
    deals = [d for d in included(payload, people, excluded) if accept(d) and in_row(d, year)]
    deals.sort(key=lambda d: (d["orgName"] == NO_ORG_LABEL and d["customerKey"] is None, utf16_key(d["orgName"]),
                              utf16_key(d["id"])))
    return [d["id"] for d in deals]


DEAL_COLUMNS = ("created", "org", "name", "format", "status", "contract", "owner", "probability", "expected",
                "amount", "net")


def merged_keys(payload: dict) -> frozenset[str]:
    """The `n:<key>` customer keys that merge organisations of the same name (the `동명 합산` pill)."""
    return frozenset("n:" + m["key"] for m in payload["meta"]["mergedOrgKeys"])


def deal_cells(deal: dict, merged: frozenset[str] = frozenset()) -> dict[str, str]:
    """The text of a deal row in tabs 3 and 4 (and the quality lists), by `data-col` (23 §8.6). The org cell is
    the name, followed by ` 동명 합산` when the deal's customer key merges several organisations."""
    pill = " 동명 합산" if deal["customerKey"] in merged else ""
    return {
        "created": deal["createdDate"] or MISSING,
        "org": deal["orgName"] + pill,
        "name": deal["dealName"] if deal["dealName"] is not None else MISSING,
        "format": _format_key(deal),
        "status": deal["status"] if deal["status"] is not None else MISSING,
        "contract": deal["contractDate"] or MISSING,
        "owner": deal["ownerName"],
        "probability": deal["probability"] or MISSING,
        "expected": deal["expectedCloseDate"] or MISSING,
        "amount": format_amount(deal["amount"], deal["amountText"]),
        "net": format_net(deal["netPpm"], deal["netText"]),
    }


def quality_cells(payload: dict, deal: dict, row_key: str) -> dict[str, str]:
    """A quality-list row (23 §8.1): the deal's cells, a missing contract date with stored text as
    `무효(<text>)`, and for rows 14–16 the `exclusionReason` label of the deal's exclusion object."""
    cells = deal_cells(deal, merged_keys(payload))
    if row_key == "qMissingNet":
        return cells
    item = next(x for x in payload["wonExclusions"] if x["dealId"] == deal["id"])
    raw = item["contractDateRaw"]
    if item["reason"] == NO_CONTRACT_DATE and not is_blank(raw):
        cells["contract"] = f"무효({raw.strip()})"
    cells["exclusionReason"] = REASON_LABELS[item["reason"]]
    return cells
