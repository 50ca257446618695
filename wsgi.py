"""gunicorn entry point: `gunicorn -c deploy/gunicorn.conf.py wsgi:app`.

A configuration error stops start-up with one line; exit code 4 is gunicorn's "app failed to load", which
stops the master instead of respawning workers forever. Start scripts run `python -m webapp.config` first.
"""
import sys

from webapp import create_app
from webapp.config import ConfigError

try:
    app = create_app()
except ConfigError as exc:
    print(f"configuration error: {exc}", file=sys.stderr)
    sys.exit(4)
