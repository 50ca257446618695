"""`python -m snapshot`: crawl the Salesmap API v2 into salesmap_latest.db (seed 004; 10_salesmap_api.md Part C).

Exit codes: 0 published; 1 internal error; 2 usage/configuration; 3 crawl incomplete (live DB unchanged,
--resume continues); 4 not published (integrity, backup or replace failed; maybe at the fallback path);
5 web-form errors; 6 another run holds the lock; 130 interrupted.
"""
import logging
import sys

from snapshot.config import ConfigError, from_args
from snapshot.history import FORMAT


def main(argv=None) -> int:
    try:
        cfg = from_args(argv)
    except ConfigError as exc:
        print(f"snapshot: error: {exc}", file=sys.stderr)
        return 2
    from snapshot.crawl import run
    return run(cfg)


def console_logging() -> None:
    """The run log also goes to stdout (cron mail, journald). On a terminal the tqdm bars on stderr show the
    progress, so only warnings and errors are echoed there."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setLevel(logging.WARNING if sys.stderr.isatty() else logging.INFO)
    handler.setFormatter(logging.Formatter(FORMAT))
    logger = logging.getLogger("snapshot")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)


def cli() -> int:
    console_logging()
    return main()


if __name__ == "__main__":
    sys.exit(cli())
