"""Crawler settings: the seed's CLI options and defaults, plus the test/operator knobs (10 §C.1).

The only module of the crawler that reads os.environ (SALESMAP_TOKEN, SALESMAP_API_BASE). Bad values exit 2
with one line, before any request and before any file is touched.
"""
from __future__ import annotations

import argparse
import os
from dataclasses import dataclass

from snapshot.format import DEFAULT_BASE_URL


EXIT_CODES = """exit codes:
  0    published
  1    internal error (traceback in the run log)
  2    usage or configuration error; nothing was touched
  3    crawl incomplete; live DB unchanged; --resume continues
  4    not published (integrity, backup or replace failed; maybe at the fallback path <stem>_<run_tag>.db)
  5    published, but web-form submissions had errors (--webform-only later)
  6    another run holds <db-path>.lock
  130  interrupted (Ctrl-C or SIGTERM); --resume continues

Recovery steps: docs/runbook.md."""


class ConfigError(ValueError):
    """A usage or configuration error: exit 2 with this one line."""


@dataclass(frozen=True)
class CrawlConfig:
    db_path: str = "salesmap_latest.db"
    base_url: str = DEFAULT_BASE_URL
    token: str = ""
    backup_dir: str = "backups"
    keep_backups: int = 30
    no_backup: bool = False
    log_dir: str = "logs"
    checkpoint_dir: str = "logs/checkpoints"
    checkpoint_interval: int = 50
    resume: bool = False
    resume_run_tag: str | None = None
    webform_only: bool = False
    min_interval: float = 0.12
    request_timeout: float = 30.0
    max_retries: int = 3
    backoff: float = 10.0
    max_backoff: float = 60.0

    def __repr__(self) -> str:  # never show the token
        return f"CrawlConfig(db_path={self.db_path!r}, base_url={self.base_url!r}, token='***')"


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise ConfigError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m snapshot", description="Crawl the Salesmap API v2 into a SQLite snapshot "
                "(salesmap_latest.db). Publishes only a complete crawl; --resume continues a failed one.",
                epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db-path", default="salesmap_latest.db", help="live snapshot to produce or replace (default salesmap_latest.db)")
    p.add_argument("--base-url", help="API base (env SALESMAP_API_BASE, default https://salesmap.kr/api/v2)")
    p.add_argument("--token", help="API token (env SALESMAP_TOKEN); never logged")
    p.add_argument("--backup-dir", default="backups", help="backup folder (default backups)")
    p.add_argument("--keep-backups", type=int, default=30, help="backups kept, N >= 1 (default 30)")
    p.add_argument("--no-backup", action="store_true", help="make no backup of the replaced snapshot")
    p.add_argument("--log-dir", default="logs", help="run logs and run_history.jsonl (default logs)")
    p.add_argument("--checkpoint-dir", default="logs/checkpoints", help="checkpoint files (default logs/checkpoints)")
    p.add_argument("--checkpoint-interval", type=int, default=50, help="pages between checkpoint writes, N >= 1 (default 50)")
    p.add_argument("--resume", action="store_true", help="resume the newest resumable checkpoint, else start fresh")
    p.add_argument("--resume-run-tag", help="resume this run (implies --resume)")
    p.add_argument("--webform-only", action="store_true", help="only rebuild webform_history of the existing DB")
    p.add_argument("--min-interval", type=float, default=0.12, help="seconds between a response and the next request (default 0.12)")
    p.add_argument("--request-timeout", type=float, default=30.0, help="connect/read timeout per request in s (default 30)")
    p.add_argument("--max-retries", type=int, default=3, help="attempts per request in total, N >= 1 (default 3)")
    p.add_argument("--backoff", type=float, default=10.0, help="backoff base in s: wait = base x 2^(k-1) when the server names no wait (default 10)")
    p.add_argument("--max-backoff", type=float, default=60.0, help="cap on any single wait in s (default 60)")
    return p


def from_args(argv: list[str] | None = None, environ: dict | None = None) -> CrawlConfig:
    environ = os.environ if environ is None else environ
    args = build_parser().parse_args(argv)
    base = (args.base_url or environ.get("SALESMAP_API_BASE") or DEFAULT_BASE_URL).rstrip("/")
    token = args.token if args.token is not None else environ.get("SALESMAP_TOKEN", "")
    checks = [
        (not token.strip(), "missing token: set SALESMAP_TOKEN or pass --token"),
        (not base.startswith(("http://", "https://")), f"--base-url must start with http:// or https://, got {base!r}"),
        (args.keep_backups < 1, "--keep-backups must be >= 1 (use --no-backup for none)"),
        (args.checkpoint_interval < 1, "--checkpoint-interval must be >= 1"),
        (args.max_retries < 1, "--max-retries must be >= 1"),
        (min(args.min_interval, args.request_timeout, args.backoff, args.max_backoff) < 0,
         "intervals, timeouts and backoffs must be >= 0"),
        (args.webform_only and (args.resume or args.resume_run_tag), "--webform-only cannot be combined with --resume"),
    ]
    for failed, message in checks:
        if failed:
            raise ConfigError(message)
    return CrawlConfig(db_path=args.db_path, base_url=base, token=token.strip(), backup_dir=args.backup_dir,
                       keep_backups=args.keep_backups, no_backup=args.no_backup, log_dir=args.log_dir,
                       checkpoint_dir=args.checkpoint_dir, checkpoint_interval=args.checkpoint_interval,
                       resume=args.resume or bool(args.resume_run_tag), resume_run_tag=args.resume_run_tag,
                       webform_only=args.webform_only, min_interval=args.min_interval,
                       request_timeout=args.request_timeout, max_retries=args.max_retries, backoff=args.backoff,
                       max_backoff=args.max_backoff)
