"""`python -m tests.fake_salesmap`: serve the fake Salesmap API by hand, for e2e runs and benches (§B.2).

    python -m tests.fake_salesmap --seed 7 --scale 0.01 [--today 2026-01-19] [--port 8765] [--token T]
        [--page-size N] [--rate-limit 100/10 | --rate-limit off] [--retry-after] [--end-style deal=omit ...]

Prints base_url and the token, then serves until interrupted. The /_fake/* control routes are on.
"""
from __future__ import annotations

import argparse
import signal
import sys
import threading
from datetime import date

from tests.fake_salesmap import FakeSalesmap
from tests.fake_salesmap.state import LIST_ENDPOINTS

END_STYLES = ("null", "omit", "empty")


def _rate_limit(text: str):
    if text == "off":
        return None
    try:
        limit, window = text.split("/")
        return int(limit), float(window)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected N/SECONDS or off, got {text!r}") from None


def _end_style(text: str):
    ep, _, style = text.partition("=")
    if ep not in LIST_ENDPOINTS or style not in END_STYLES:
        raise argparse.ArgumentTypeError(f"expected ENDPOINT=STYLE with ENDPOINT in {sorted(LIST_ENDPOINTS)} "
                                         f"and STYLE in {END_STYLES}, got {text!r}")
    return ep, style


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tests.fake_salesmap", description="Serve the fake Salesmap API v2 "
                                "on 127.0.0.1 from the synthetic generator's records.")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--scale", type=float, default=0.01)
    p.add_argument("--today", type=date.fromisoformat, default=date(2026, 1, 19), help="YYYY-MM-DD")
    p.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    p.add_argument("--token", default="test-token")
    p.add_argument("--page-size", type=int, help="records per page for every list (default: the API's)")
    p.add_argument("--rate-limit", type=_rate_limit, default=(100, 10.0), help="N/SECONDS per workspace, or off")
    p.add_argument("--retry-after", action="store_true", help="send Retry-After on 429 (the real API does not)")
    p.add_argument("--end-style", type=_end_style, action="append", default=[], help="ENDPOINT=null|omit|empty")
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    if args.scale <= 0 or (args.page_size is not None and args.page_size < 1):
        print("fake_salesmap: error: --scale must be > 0 and --page-size >= 1", file=sys.stderr)
        return 2
    from snapshot.synth import api_dataset
    dataset = api_dataset(seed=args.seed, scale=args.scale, today=args.today)
    fake = FakeSalesmap(dataset, tokens={args.token: "ws-1"}, rate_limit=args.rate_limit,
                        page_sizes={"*": args.page_size} if args.page_size else None,
                        end_styles=dict(args.end_style) or None, retry_after_header=args.retry_after,
                        control=True, port=args.port)
    fake.prewarm_json()
    try:
        fake.start()
    except OSError as exc:
        print(f"fake_salesmap: error: cannot listen on 127.0.0.1:{args.port}: {exc}", file=sys.stderr)
        return 2
    print(f"base_url {fake.base_url}", flush=True)
    print(f"token {args.token}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
