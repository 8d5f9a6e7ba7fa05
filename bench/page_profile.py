"""Where a results page's CPU goes: cProfile over one kind of page, in-process.

Uses the synthetic directory ``bench/load.py`` keeps in ``--dir`` (made there if missing,
as that bench makes it), the same pages it measures, and the Flask test client: a warm-up
pass over the page's addresses (every cache as a running worker holds it), then
``--requests`` requests profiled, and the functions with the most cumulative and own time
printed. With ``--timed``, no profiler: the CPU time of a page and of its searches (the
engine's calls), the median of ``--passes`` passes of ``--requests`` requests each.

With ``--first``, no warm-up pass over the page's addresses (one search of the same kind,
not measured, opens what a first search opens): each address is asked once, the first
sight of its query, as a worker meets most queries (``bench/load.py``'s "first" column);
``--requests`` is then how many addresses, and ``--timed`` times one pass.

    .venv/bin/python bench/page_profile.py [keyword|needs|practitioner] [--size 10000]
        [--dir DIR] [--requests 50] [--top 30] [--seed 7] [--timed [--passes 5]] [--first]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load import PRACTITIONER, PRIMER, pages_for, prepare  # noqa: E402
from pages import build_app  # noqa: E402

KINDS = {"keyword": 1, "needs": 2, "practitioner": 3}
"""Page kind -> its place in ``load.pages_for``."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=list(KINDS), nargs="?", default="keyword")
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--dir", type=Path, help="where bench/load.py keeps its directories")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timed", action="store_true", help="CPU times, no profiler")
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--first", action="store_true", help="each address once, unseen")
    arguments = parser.parse_args()
    folder = (arguments.dir or ROOT / "instance" / "bench-load").resolve() / str(arguments.size)
    codes = prepare(arguments.size, folder, arguments.seed)
    page = pages_for(codes, random.Random(arguments.seed), arguments.requests)[
        KINDS[arguments.kind]
    ]
    app = build_app(folder)
    client = app.test_client()
    if page.practitioner:
        _sign_in(client)
    if arguments.first:
        # What the first search of this kind opens once, on an address not measured (as
        # bench/load.py primes each worker).
        other = pages_for(codes, random.Random(arguments.seed + 1), 1)[KINDS[arguments.kind]]
        _get(client, PRIMER if arguments.kind == "keyword" else other.addresses[0])
        label = f"{page.label}, first sight"
        passes = 1
    else:
        for address in page.addresses:
            _get(client, address)
        label = page.label
        passes = arguments.passes
    addresses = page.cycle()
    if arguments.timed:
        _timed(app, client, label, addresses, arguments.requests, passes)
        return
    profile = cProfile.Profile()
    started = time.process_time()
    profile.enable()
    for _ in range(arguments.requests):
        _get(client, next(addresses))
    profile.disable()
    cpu_ms = (time.process_time() - started) * 1000 / arguments.requests
    print(f"{label}: {cpu_ms:.1f} ms CPU a page under the profiler")
    stats = pstats.Stats(profile).strip_dirs()
    stats.sort_stats("cumulative").print_stats(arguments.top)
    stats.sort_stats("tottime").print_stats(arguments.top)


def _timed(app, client, label: str, addresses, requests: int, passes: int) -> None:  # type: ignore[no-untyped-def]
    """Median CPU ms a page, and of that in the engine's searches, over ``passes``."""
    search = app.extensions["search"]
    engine_seconds = 0.0
    asked = search.search

    def counted(query):  # type: ignore[no-untyped-def]
        nonlocal engine_seconds
        started = time.process_time()
        try:
            return asked(query)
        finally:
            engine_seconds += time.process_time() - started

    search.search = counted
    pages, engine = [], []
    for _ in range(passes):
        engine_seconds = 0.0
        started = time.process_time()
        for _ in range(requests):
            _get(client, next(addresses))
        pages.append((time.process_time() - started) * 1000 / requests)
        engine.append(engine_seconds * 1000 / requests)
    print(
        f"{label}: {statistics.median(pages):.1f} ms CPU a page, of which searches "
        f"{statistics.median(engine):.1f} ms (medians of {passes} passes of {requests})"
    )


def _get(client, address: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(address)
    if response.status_code != 200:
        raise SystemExit(f"{address} answered {response.status_code}")


def _sign_in(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/manage/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    if token is None:
        raise SystemExit("the sign-in page has no CSRF token")
    form = {"csrf_token": token.group(1), "email": PRACTITIONER[0], "password": PRACTITIONER[1]}
    landed = client.post("/manage/sign-in", data=form)
    if landed.status_code != 302 or "sign-in" in landed.headers.get("Location", ""):
        raise SystemExit("the bench practitioner could not sign in")


if __name__ == "__main__":
    main()
