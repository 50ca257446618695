"""The Salesmap API endpoints the crawler reads, declaratively (10_salesmap_api.md §A.5).

Shared by the crawler and the fake server (its default page sizes and end signals).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Endpoint:
    name: str          # table name and fault/log name
    path: str          # under the base URL
    list_key: str
    paginated: bool


PAGINATED = (
    Endpoint("organization", "/organization", "organizationList", True),
    Endpoint("people", "/people", "peopleList", True),
    Endpoint("deal", "/deal", "dealList", True),
    Endpoint("lead", "/lead", "leadList", True),
    Endpoint("memo", "/memo", "memoList", True),
)
SINGLE = (
    Endpoint("user", "/user", "userList", False),
    Endpoint("team", "/team", "teamList", False),
)
CRAWLED = PAGINATED + SINGLE
SUBMIT_LIST_KEY = "webFormSubmitList"

# Page sizes of §A.5 (lead: 10 per the AI reference) and the end signal we assume per endpoint (unknown).
PAGE_SIZES = {"organization": 50, "people": 50, "deal": 50, "lead": 10, "memo": 50, "submit": 50}
END_STYLES = {"organization": "null", "people": "null", "deal": "null", "lead": "omit", "memo": "empty_page",
              "submit": "omit"}
