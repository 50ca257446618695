"""The dashboard: `create_app(overrides=None)` builds the Flask app; importing this package does nothing.

`wsgi.py` calls it for gunicorn; tests call it with overrides.
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask

REPO = Path(__file__).resolve().parents[1]
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(overrides: dict | None = None) -> Flask:
    """Build the app: config, extensions, hooks, error handlers, blueprints."""
    from webapp import config, db, errors, filters, htmx
    from webapp.context import init_app as init_context
    from webapp.extensions import cache
    from webapp.views import register_blueprints

    app = Flask(__name__, template_folder=str(REPO / "templates"), static_folder=str(REPO / "static"))
    config.load_config(app, overrides)
    app.json.sort_keys = False  # JSON fields keep the order the specs give
    app.json.ensure_ascii = False  # UTF-8 Korean: smaller and faster than \uXXXX escapes
    redis_url = app.config.get("CACHE_REDIS_URL")
    cache.init_app(app, config={"CACHE_TYPE": "RedisCache" if redis_url else "SimpleCache",
                                "CACHE_REDIS_URL": redis_url, "CACHE_DEFAULT_TIMEOUT": app.config["CACHE_TIMEOUT_SEC"],
                                "CACHE_THRESHOLD": 2000})
    db.init_app(app)
    htmx.init_app(app)
    filters.init_app(app)
    errors.init_app(app)
    init_context(app)
    app.after_request(_security_headers)
    register_blueprints(app)
    return app


def _security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response
