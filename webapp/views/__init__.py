"""Blueprints: one per screen, plus api.py for JSON."""
from __future__ import annotations


def register_blueprints(app) -> None:
    from webapp.views import api, root, snapshot_status
    for module in (root, snapshot_status, api):
        app.register_blueprint(module.bp)
