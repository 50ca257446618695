"""Blueprints: one per screen, plus api.py for JSON."""
from __future__ import annotations


def register_blueprints(app) -> None:
    from webapp.views import api, api_orgs, deal_check, orgs, root, snapshot_status
    for blueprint in (root.bp, orgs.bp, deal_check.bp, snapshot_status.bp, api.bp, api_orgs.bp, deal_check.api):
        app.register_blueprint(blueprint)
