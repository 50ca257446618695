"""Step 2: bulk organisations — counts, ranks, size, industry and names (11_data_model.md §8.5)."""
from __future__ import annotations

from snapshot.synth import names, vocab
from snapshot.synth.model import Ctx, Org
from snapshot.synth.rng import chance, choice, table_choice

ANCHOR_NAME = "누리온전자"


def deal_weight(rank: int) -> float:
    return rank ** -0.55


def amount_multiplier(rank: int) -> float:
    return min(10.0, max(0.3, (rank / 300) ** -0.45))


def _size(r, kind: str, rank: int) -> str | None:
    if kind == "deals" and rank <= 300:
        pick = table_choice(r, vocab.SIZES_TOP_RANKS)
        if pick != "__table__":
            return pick
    return table_choice(r, vocab.SIZES_WITH_DEALS if kind == "deals" else vocab.SIZES_OTHER)


def _industry(r, kind: str) -> str | None:
    if kind != "deals" and chance(r, 0.30):
        return None
    return table_choice(r, vocab.INDUSTRIES_WITH_DEALS if kind == "deals" else
                        [(v, w) for v, w in vocab.INDUSTRIES_WITH_DEALS if v is not None])


def _classes(r, industry: str | None) -> tuple[str | None, str | None, str | None]:
    """(class for the name suffix, 업종 구분(대), 업종 구분(중)); (대)/(중) NULL for 20 % of the filled."""
    if industry is None:
        return choice(r, vocab.ALL_CLASSES), None, None
    pool = vocab.CLASSES_BY_INDUSTRY[industry]
    cls = choice(r, vocab.ALL_CLASSES) if chance(r, 0.10) else choice(r, pool)
    if chance(r, 0.20):
        return cls, None, None
    return cls, cls, choice(r, vocab.INDUSTRY_CLASSES[cls])


def _variant(r, name: str) -> str:
    """≈ 3 % of names carry `(주)` or ` 주식회사`."""
    if not chance(r, 0.03):
        return name
    return "(주)" + name if chance(r, 0.5) else name + " 주식회사"


def plan_orgs(ctx: Ctx, reserved_names: set[str]) -> list[Org]:
    """All bulk organisations: the `deals` ones ranked first (rank 1 = the anchor), then people-only, then empty."""
    total = ctx.count(9000)
    with_deals, people_only = int(total * 0.30 + 0.5), int(total * 0.67 + 0.5)
    kinds = ["deals"] * with_deals + ["people"] * people_only + ["empty"] * max(0, total - with_deals - people_only)
    used = set(reserved_names)
    orgs = []
    for index, kind in enumerate(kinds):
        r = ctx.rng("org", index)
        rank = index + 1 if kind == "deals" else 0
        org = Org(key=f"o{index}", kind=kind, rank=rank, float_style=chance(r, 0.85))
        org.size = "대기업" if rank == 1 else _size(r, kind, rank)
        org.industry = _industry(r, kind)
        cls, org.industry_class, org.industry_mid = _classes(r, org.industry)
        if rank == 1:
            org.name, org.slug = ANCHOR_NAME, "nurion"
        else:
            org.name, org.slug = _unique_name(r, org.size, vocab.SUFFIX_BY_CLASS.get(cls, ()), used)
            org.name = _variant(r, org.name)
        used.add(org.name)
        if kind == "deals":
            org.weight, org.multiplier = deal_weight(rank), amount_multiplier(rank)
        orgs.append(org)
    _deliberate_inconsistencies(ctx, orgs)
    return orgs


def _unique_name(r, size, suffixes, used: set[str]) -> tuple[str, str]:
    for attempt in range(60):
        name, slug = names.org_name(r, size, suffixes, parts=2 if attempt < 30 else 3)
        if name not in used and "(주)" + name not in used and name + " 주식회사" not in used:
            return name, slug
    raise RuntimeError("could not find a distinct organisation name")


def _deliberate_inconsistencies(ctx: Ctx, orgs: list[Org]) -> None:
    """≈ 3 % disagree on purpose (5.5): a company name with size 공공기관, or a public name with NULL size."""
    r = ctx.rng("org-inconsistent")
    for org in orgs:
        if org.rank == 1 or not chance(r, 0.03):
            continue
        if org.size == "공공기관":
            org.size = None  # public keyword in the name, size unknown
        elif org.size in ("대기업", "중견기업", "중소기업"):
            org.size = "공공기관"  # the name has no public keyword
