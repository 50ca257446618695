"""Unbound extension singletons, bound in create_app()."""
from flask_caching import Cache

cache = Cache()
