"""One cursor loop for the five lists and for web-form submissions (10_salesmap_api.md §C.4).

Only a null, missing or empty `nextCursor` ends a table. An empty page that still carries a cursor does not
(the API sends such pages). A cursor already seen in this table is a `cursor_loop` error, never a silent end.
"""
from __future__ import annotations

import logging
from typing import Callable

from snapshot.client import Client

log = logging.getLogger(__name__)


def crawl(client: Client, path: str, list_key: str, cursor: str | None, page: int,
          write: Callable[[list[dict], str | None, int], int | None]) -> tuple[bool, str | None]:
    """Follow the cursors from `cursor` (after `page` pages done); `write(items, next_cursor, page)` commits each
    page with its progress and may return the running row total. Returns (completed, error token like
    `page12:http_500`)."""
    seen: set = set()
    while True:
        if cursor in seen:
            return False, f"page{page}:cursor_loop"
        seen.add(cursor)
        result = client.get(path, list_key, {"cursor": cursor} if cursor else None)
        if result.error is not None:
            return False, f"page{page + 1}:{result.error}"
        page += 1
        items = [x for x in result.data[list_key] if isinstance(x, dict)]
        next_cursor = result.data.get("nextCursor")
        next_cursor = str(next_cursor) if next_cursor not in (None, "") else None
        total = write(items, next_cursor, page)
        log.info("%s page %d: %d records%s%s", path, page, len(items),
                 f" (total {total})" if total is not None else "", ", cursor follows" if next_cursor else ", end")
        if next_cursor is None:
            return True, None
        cursor = next_cursor
