"""The runbooks' command name; forwards to `python -m snapshot` with the same options."""
import sys

from snapshot.__main__ import cli

if __name__ == "__main__":
    sys.exit(cli())
