"""htmx helpers: one predicate decides fragment or page (30_style.md §4.6)."""
from __future__ import annotations

from flask import render_template, request


def wants_fragment() -> bool:
    """True when htmx asked for a piece of a page rather than a whole page.

    Boosted navigations and history restores also send HX-Request but want the full page.
    """
    h = request.headers
    return (h.get("HX-Request") == "true"
            and h.get("HX-Boosted") != "true"
            and h.get("HX-History-Restore-Request") != "true")


def render_page_or_fragment(page: str, fragment: str, **context) -> str:
    """The partial alone for htmx, else the full page that includes it (same context)."""
    return render_template(fragment if wants_fragment() else page, **context)


def add_vary(response):
    """Every HTML response may depend on HX-Request, so caches must key on it."""
    if response.mimetype == "text/html":
        response.vary.add("HX-Request")
    return response


def init_app(app) -> None:
    app.after_request(add_vary)
