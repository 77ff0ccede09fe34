"""`imr-console demo-data`: fill an empty database with a realistic data set."""

from __future__ import annotations

import argparse

from app.commands.common import add_db_option, open_database
from app.services.demo import load_demo_data


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("demo-data", help="carga datos de demostración")
    parser.add_argument("--tickets", type=int, default=300)
    parser.add_argument("--seed", type=int, default=507)
    add_db_option(parser)
    parser.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    counts = load_demo_data(open_database(args), tickets=args.tickets, seed=args.seed)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 0
