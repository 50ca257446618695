"""gunicorn server settings only; starts nothing (30_style.md §2, 31_env_recipes.md §8)."""
import os

bind = f"{os.environ.get('BIND_HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_WORKERS", "2"))
timeout = 120
accesslog = "-"
errorlog = "-"
preload_app = False
