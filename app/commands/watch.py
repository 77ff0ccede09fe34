"""`imr-console watch`: print one JSON line per change event (for operators and measuring)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime

from app.commands.common import add_db_option, open_database
from app.live.feed import FeedLost, open_feed
from app.live.reconnect import Backoff


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "watch", help="muestra los cambios de tiquetes en vivo (una línea JSON por cambio)"
    )
    add_db_option(parser)
    parser.add_argument("--count", type=int, metavar="N", help="termina tras N eventos")
    parser.add_argument(
        "--seconds", type=float, metavar="S", help="termina tras S segundos de escucha"
    )
    parser.set_defaults(handler=_watch)


def _watch(args: argparse.Namespace) -> int:
    db = open_database(args)
    feed = open_feed(db)
    db.dispose()  # the feed keeps its own dedicated connection
    backoff = Backoff()
    feed.connect()
    print(f"imr-console: escuchando cambios en {db.display_name}", file=sys.stderr, flush=True)
    seen = 0
    stop_at = time.monotonic() + args.seconds if args.seconds else None
    try:
        while args.count is None or seen < args.count:
            left = None if stop_at is None else stop_at - time.monotonic()
            if left is not None and left <= 0:
                break
            try:
                events = feed.wait(min(left, 1.0) if left is not None else 1.0)
            except FeedLost as lost:
                print(f"imr-console: {lost}", file=sys.stderr, flush=True)
                _reconnect(feed, backoff, stop_at)
                continue
            now = datetime.now(UTC).isoformat()
            for event in events:
                record = json.loads(event.to_json())
                record["at"] = now
                print(json.dumps(record, ensure_ascii=False), flush=True)
                seen += 1
                if args.count is not None and seen >= args.count:
                    break
    finally:
        feed.close()
    return 0


def _reconnect(feed: object, backoff: Backoff, stop_at: float | None) -> None:
    while stop_at is None or time.monotonic() < stop_at:
        time.sleep(backoff.next_delay())
        try:
            feed.connect()  # type: ignore[attr-defined]
        except FeedLost:
            continue
        backoff.reset()
        print(
            "imr-console: conexión restablecida; los cambios perdidos no se muestran",
            file=sys.stderr,
            flush=True,
        )
        return
