"""`python -m snapshot.synth`: write a deterministic synthetic snapshot (11_data_model.md §8.2).

Exit codes (00_PRODUCT.md §8): 0 success (one summary line), 1 internal error, 2 usage or configuration
error (bad option, --today before 2026-01-01, scale out of range, refusing to overwrite, unwritable path).
Every error is one line on stderr.
"""
from __future__ import annotations

import argparse
import os
from contextlib import closing
import sys
from datetime import date
from pathlib import Path

from tqdm import tqdm

from snapshot.format import DATA_TABLES
from snapshot.store import connect_readonly, quote_ident, table_columns
from snapshot.synth.clock import EARLIEST_TODAY, REFERENCE_TODAY
from snapshot.synth.dataset import MAX_SCALE, api_dataset
from snapshot.synth.sidecars import FILE_NAME as TARGETS_FILE, write_sidecars
from snapshot.synth.staff import ROSTER_TOML
from snapshot.synth.writer import existing_orgs_text, write_api_records, write_existing_orgs, write_roster, write_snapshot

PROG = "python -m snapshot.synth"


class UsageError(Exception):
    """A usage or configuration problem: exit 2 with one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2 (argparse would print the usage block too)
        raise UsageError(message)


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--scale must be a number, got {text!r}") from None
    if not (0 < value <= MAX_SCALE):
        raise argparse.ArgumentTypeError(f"--scale must satisfy 0 < S <= {MAX_SCALE:g}, got {text}")
    return value


def _today(text: str) -> date:
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--today must be a date YYYY-MM-DD, got {text!r}") from None
    if value < EARLIEST_TODAY:
        raise argparse.ArgumentTypeError(f"--today must be on or after {EARLIEST_TODAY}, got {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="Write a deterministic synthetic Salesmap snapshot (SQLite) and its "
                                       "companion files. Same seed, scale and today give identical bytes.")
    p.add_argument("--out", help="SQLite file to write (required unless --api-out is given)")
    p.add_argument("--seed", type=int, default=20260119, help="integer seed (default 20260119)")
    p.add_argument("--scale", type=_scale, default=1.0, help="0 < S <= 4; multiplies the bulk counts (default 1.0)")
    p.add_argument("--today", type=_today, default=REFERENCE_TODAY,
                   help=f"as-of KST date YYYY-MM-DD, on or after {EARLIEST_TODAY} (default {REFERENCE_TODAY})")
    roster = p.add_mutually_exclusive_group()
    roster.add_argument("--roster", default="config/roster.toml", help="where to write the roster")
    roster.add_argument("--no-roster", action="store_true", help="do not write the roster")
    existing = p.add_mutually_exclusive_group()
    existing.add_argument("--existing-orgs", default="config/existing_orgs.txt",
                          help="where to write the existing-customer list")
    existing.add_argument("--no-existing-orgs", action="store_true", help="do not write the existing-customer list")
    p.add_argument("--api-out", help="directory for the API record files (JSON Lines)")
    p.add_argument("--sidecars", help="directory for the counterparty targets workbook (counterparty_targets.xlsx)")
    p.add_argument("--force", action="store_true", help="overwrite existing output files")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    return p


def _check_writable(path: Path, label: str) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UsageError(f"{label} {path} is a directory")
    if not folder.is_dir():
        raise UsageError(f"cannot write {label} {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(f"cannot write {label} {path}: permission denied")


def _check_same_or_force(path: Path, text: str, force: bool, label: str) -> None:
    if path.exists() and not force and path.read_bytes() != text.encode("utf-8"):
        raise UsageError(f"refusing to overwrite {label} {path}: it exists and differs (use --force)")


def _summary(path: Path) -> str:
    with closing(connect_readonly(path)) as conn:
        counts = [f"{t} {conn.execute(f'SELECT COUNT(*) FROM {quote_ident(t)}').fetchone()[0]}"
                  for t in DATA_TABLES if table_columns(conn, t)]
    return f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB): " + ", ".join(counts)


def run(args: argparse.Namespace) -> str:
    if not args.out and not args.api_out:
        raise UsageError("--out is required unless --api-out is given")
    out = Path(args.out) if args.out else None
    roster = None if args.no_roster else Path(args.roster)
    existing = None if args.no_existing_orgs else Path(args.existing_orgs)
    if out is not None:
        _check_writable(out, "--out")
        if out.exists() and not args.force:
            raise UsageError(f"refusing to overwrite --out {out}: it exists (use --force)")
    sidecar = Path(args.sidecars) / TARGETS_FILE if args.sidecars else None
    for path, label in ((roster, "--roster"), (existing, "--existing-orgs")):
        if path is not None:
            _check_writable(path, label)
    if sidecar is not None:
        if Path(args.sidecars).exists() and not Path(args.sidecars).is_dir():
            raise UsageError(f"--sidecars {args.sidecars} is not a directory")
        if sidecar.exists() and not args.force:
            raise UsageError(f"refusing to overwrite {sidecar}: it exists (use --force)")
    if roster is not None:
        _check_same_or_force(roster, ROSTER_TOML, args.force, "--roster")
    steps = ["dataset", "snapshot" if out else None, "api" if args.api_out else None, "companions"]
    bar = tqdm(total=len([s for s in steps if s]), desc="synth", unit="step", disable=args.quiet, file=sys.stderr)
    ds = api_dataset(args.seed, args.scale, args.today)
    bar.update()
    existing_text = existing_orgs_text(ds) if existing is not None else None
    if existing is not None:
        _check_same_or_force(existing, existing_text, args.force, "--existing-orgs")
    if out is not None:
        write_snapshot(ds, out)
        bar.update()
    if args.api_out:
        write_api_records(ds, args.api_out)
        bar.update()
    if sidecar is not None:
        write_sidecars(ds, args.sidecars, force=args.force)
    if roster is not None:
        write_roster(roster, force=args.force)
    if existing is not None:
        write_existing_orgs(ds, existing, force=args.force)
    bar.update()
    bar.close()
    return _summary(out) if out is not None else f"wrote API records to {args.api_out}"


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        print(run(args))
        return 0
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except (PermissionError, IsADirectoryError, FileNotFoundError, NotADirectoryError) as exc:
        print(f"{PROG}: error: cannot write output: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 — one line, never a stack trace
        print(f"{PROG}: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
