"""The fake's data and pagination model (10_salesmap_api.md §B.5, §B.10).

Each list keeps every record at a hidden position; a delete leaves a tombstone that keeps its position, so a
cursor equal to a deleted id still resolves (as with an `_id > cursor` server). A cursor resolves to the
position just after its id. Page numbers: no cursor = page 1; a cursor emitted by page n requests page n+1.
"""
from __future__ import annotations

import copy
from itertools import islice
import threading
from dataclasses import dataclass

from snapshot.endpoints import END_STYLES, PAGE_SIZES
from tests.fake_salesmap.bodies import dumps

LIST_ENDPOINTS = ("organization", "people", "deal", "lead", "memo")


@dataclass
class Page:
    records: list
    next_cursor: str | None
    cursor_present: bool
    page: int | None
    unknown_cursor: bool = False
    encoded: list | None = None   # the records' JSON (bytes), when they are served unchanged


class ListState:
    """Records, positions, tombstones and the cursor → page map of every list."""

    def __init__(self, dataset, page_sizes, end_styles, empty_page_final, short_pages, unknown_cursor):
        self.lock = threading.RLock()
        self.page_sizes = dict(page_sizes or {})
        self.end_styles = {**END_STYLES, **(end_styles or {})}
        self.empty_page_final = empty_page_final
        self.short_pages = {k: dict(v) for k, v in (short_pages or {}).items()}
        self.unknown_cursor = unknown_cursor
        self.lists: dict[str, list[dict]] = {}
        for ep in LIST_ENDPOINTS:
            self.lists[ep] = [{"id": r["id"], "record": copy.deepcopy(r)} for r in _field(dataset, ep)]
        self.forms = {f["id"] for f in _field(dataset, "web_forms")}
        for form_id, subs in _field(dataset, "submissions").items():
            self.lists[f"submit:{form_id}"] = [{"id": s["id"], "record": copy.deepcopy(s)} for s in subs]
        self.singles = {name: copy.deepcopy(_field(dataset, name)) for name in ("user", "team", "web_forms")}
        self.me = copy.deepcopy(_field(dataset, "me"))
        self.cursor_pages: dict[tuple[str, str], int] = {}
        self.late: dict[str, tuple[tuple[str, ...], int]] = {}
        # Cursors of empty pages in the middle of a list (a short page of 0): they name the same position as
        # the cursor that fetched the empty page, under a new token, so the crawler sees a fresh cursor.
        self.aliases: dict[str, str | None] = {}
        self._positions: dict[str, dict[str, int]] = {}

    def _kind(self, ep: str) -> str:
        return "submit" if ep.startswith("submit:") else ep

    def page_size(self, ep: str) -> int:
        kind = self._kind(ep)
        return self.page_sizes.get(kind, self.page_sizes.get("*", PAGE_SIZES[kind]))

    def has_form(self, form_id: str) -> bool:
        return f"submit:{form_id}" in self.lists or form_id in self.forms

    def build(self, ep: str, cursor: str | None, filters=None) -> Page:
        with self.lock:
            items = self.lists.setdefault(ep, [])
            start, page_no = 0, 1
            request_cursor, alias_page = cursor, None
            if cursor in self.aliases:
                alias_page, cursor = self.cursor_pages.get((ep, cursor)), self.aliases[cursor]
            if cursor:
                index = self._position(ep, cursor)
                if index is None:
                    if self.unknown_cursor == "error":
                        return Page([], None, False, None, unknown_cursor=True)
                    if self.unknown_cursor == "empty":
                        return self._finish(ep, [], True, None)
                    cursor = None
                else:
                    start = index + 1
                page_no = self.cursor_pages.get((ep, cursor)) if cursor else 1
            if alias_page is not None:
                page_no = alias_page
            size = self.short_pages.get(self._kind(ep), {}).get(page_no, self.page_size(ep)) if page_no else \
                self.page_size(ep)
            # Scan only as far as this page plus one record (whether more follow), not the rest of the list:
            # a full scan per page made paging quadratic and the fake slower than the API it stands in for.
            visible = list(islice((e for e in islice(items, start, None) if e["record"] is not None
                                   and (filters is None or filters(e["record"]))), size + 1))
            chosen = visible[:size]
            records = [self._served(ep, e["record"], page_no) for e in chosen]
            page = self._finish(ep, records, len(visible) <= len(chosen), page_no, chosen, request_cursor)
            if not self.late.get(self._kind(ep)):
                page.encoded = [self._encoded(e) for e in chosen]
            return page

    def encode_all(self) -> None:
        """Encode every record up front, so serving a page costs no JSON encoding (the CLI and benches)."""
        with self.lock:
            for items in self.lists.values():
                for entry in items:
                    if entry["record"] is not None:
                        self._encoded(entry)

    @staticmethod
    def _encoded(entry: dict) -> bytes:
        """A record's JSON, encoded once (encoding was most of the fake's time per page); mutations reset it."""
        if entry.get("json") is None:
            entry["json"] = dumps(entry["record"])
        return entry["json"]

    def _position(self, ep: str, record_id: str) -> int | None:
        """Index of a record in its list; the id → index map is rebuilt when an insert has shifted it."""
        items = self.lists[ep]
        positions = self._positions.get(ep)
        index = positions.get(record_id) if positions is not None else None
        if index is None or index >= len(items) or items[index]["id"] != record_id:
            positions = self._positions[ep] = {e["id"]: i for i, e in enumerate(items)}
            index = positions.get(record_id)
        return index

    def _finish(self, ep, records, at_end, page_no, chosen=(), request_cursor=None) -> Page:
        style = self.end_styles.get(self._kind(ep), "null")
        last = chosen[-1]["id"] if chosen else None
        if last is None and not at_end and page_no is not None:
            last = f"~{page_no}~{request_cursor or ''}"
            self.aliases[last] = self.aliases.get(request_cursor, request_cursor)
        if style == "empty_page":
            if records or not at_end:
                page = Page(records, last, True, page_no)
            else:
                page = Page(records, None, self.empty_page_final != "omit", page_no)
        elif not at_end:
            page = Page(records, last, True, page_no)
        else:
            page = Page(records, None, style != "omit", page_no)
        if page.next_cursor and page_no is not None:
            self.cursor_pages.setdefault((ep, page.next_cursor), page_no + 1)
        return page

    def _served(self, ep: str, record: dict, page_no: int | None) -> dict:
        # A top-level copy is enough: mutations replace or pop top-level keys, never edit nested values.
        out = dict(record)
        keys, from_page = self.late.get(self._kind(ep), ((), 0))
        if keys and (page_no is None or page_no < from_page):
            for key in keys:
                out.pop(key, None)
        return out

    # --- mutations (§B.10) ---
    def update(self, ep, record_id, set=None, unset=None):  # noqa: A002 — the spec's names
        with self.lock:
            for entry in self.lists[ep]:
                if entry["id"] == record_id and entry["record"] is not None:
                    entry["json"] = None
                    entry["record"].update(set or {})
                    for key in unset or ():
                        entry["record"].pop(key, None)

    def insert(self, ep, record, after_id=None):
        with self.lock:
            items = self.lists[ep]
            index = 0 if after_id is None else next(i for i, e in enumerate(items) if e["id"] == after_id) + 1
            items.insert(index, {"id": record["id"], "record": copy.deepcopy(record)})

    def delete(self, ep, record_id):
        with self.lock:
            for entry in self.lists[ep]:
                if entry["id"] == record_id:
                    entry["record"] = None


def _field(dataset, name):
    return dataset[name] if isinstance(dataset, dict) else getattr(dataset, name)
