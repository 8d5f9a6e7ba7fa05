"""Load bench: the site under gunicorn, results pages against the floor, in one run.

For each SIZE, builds (or reuses, in ``--dir``) a synthetic directory of SIZE listings as
``bench/pages.py`` does, starts gunicorn itself (``gunicorn.conf.py``, two sync workers by
default) on that database and index, signs a practitioner in through the sign-in page,
and measures four pages:

- the floor: ``/browse-safely``, a page drawn from its template alone on the same stack
  (app, middleware, base template, language links);
- a family keyword search (``/find-support?q=...``, the words of ``bench/pages.py``);
- a family search by three needs and a locality (``/find-support?need=...&locality=...``);
- the practitioners' search by three needs and a locality (``/practitioners?...``).

Every request is asked as a browser asks (``Accept-Encoding`` with brotli), so pages come
compressed and the compression's CPU is counted. First, with one client, each page's
addresses once, none asked before: the workers' CPU a page at first sight ("first", the
index snapshot remembering nothing of the query). Then each address is asked by as many
clients at once as there are workers, so every worker has seen every address, as the
in-process ``bench/page_profile.py`` warms its one app, and the workers' other threads
(the search follower, timers) are measured alone for 5 s with no request. With one
client, each page is asked ``--requests`` times in turn: p50/p95 of the wall clock, the
CPU time (user + system, from ``/proc``) a page of the workers' serving threads (a sync
worker serves on its main thread; the other threads work by the clock, not by the page,
so the slower the machine the more of theirs would fall on each page), and the bytes
sent a page. Then, with
``--clients`` clients at once, the pages are loaded in ``--rounds`` alternating rounds of
``--seconds`` each (floor, keyword, needs, practitioners, floor, ...), so a busy moment of
the shared machine falls on all of them alike: requests a second, and the ratio of each
page's rate to the floor's. Any answer but 200 (or a failed connection) is an error and is
counted. The load average is printed, since on a shared machine the wall clock includes
waiting for a core while the CPU time does not.

    .venv/bin/python bench/load.py [--sizes 10000 100000] [--dir DIR] [--workers 2]
        [--clients 4] [--seconds 5] [--rounds 3] [--requests 60] [--seed 7]
        [--backend whoosh|tantivy|memory]

``--backend`` (or ``SEARCH_BACKEND``) chooses the engine; each keeps its index beside the
one database (``index`` for Whoosh, ``index-tantivy``...).

Goals at 10,000 listings (issue 22): <= 8 ms CPU per results page, p95 <= 50 ms with one
client, >= 0.5 of the floor's rate with two workers, three needs and a locality p95 <= 60 ms.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pages import QUERIES, build_app, clone_directory, index_folder  # noqa: E402

from directory.extensions import db  # noqa: E402
from directory.models import Service  # noqa: E402
from search.plug import DEFAULT_ENGINE, ENGINES  # noqa: E402

FLOOR = "/browse-safely"
KEYWORD = "/find-support?q="
PRIMER = f"{KEYWORD}swimming"
"""A keyword search none of the measured ones is: each worker's first search opens what
every later one reuses."""
SECRET = "load-bench-secret-key-not-for-any-real-site"
PRACTITIONER = ("load-practitioner@example.org", "load bench practitioner passphrase")
TICKS = os.sysconf("SC_CLK_TCK")
ACCEPT_ENCODING = "gzip, deflate, br, zstd"
"""What a current browser sends: pages come brotli-compressed, as a family's phone gets
them, and the compression's CPU is in the figures."""


@dataclass
class Page:
    """One kind of page: the addresses asked in turn, and what was measured."""

    label: str
    addresses: list[str]
    practitioner: bool = False
    wall_ms: list[float] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)
    """Bytes of each body as sent, one client."""
    cpu_ms: float = 0.0
    """The workers' serving threads' CPU a page, every address seen before by each worker."""
    first_cpu_ms: float = 0.0
    """The same, for the first sight of each address (the snapshot remembers none of it)."""
    served: int = 0
    seconds: float = 0.0
    errors: int = 0

    def cycle(self) -> Iterator[str]:
        while True:
            yield from self.addresses


def prepare(
    size: int, folder: Path, seed: int, backend: str = DEFAULT_ENGINE
) -> dict[str, list[str]]:
    """The directory of ``size`` listings in ``folder`` (made if missing), its ``backend``
    index current, a practitioner who can sign in; returns the council's need and locality
    codes."""
    from directory.accounts.users import create_user
    from directory.models import Role, User

    folder.mkdir(parents=True, exist_ok=True)
    app = build_app(folder, backend)
    with app.app_context():
        listings = db.session.scalar(sa.select(sa.func.count(Service.id)))
        if listings < size:
            started = time.perf_counter()
            clone_directory(size, random.Random(seed))
            print(f"  made {size:,} listings in {time.perf_counter() - started:.0f} s")
            report = app.extensions["search"].rebuild()
            print(f"  indexed {report.documents:,} in {report.seconds:.0f} s")
        elif not app.extensions["search"].index_ready():
            app.extensions["search"].rebuild()
        if db.session.scalar(sa.select(User.id).where(User.email == PRACTITIONER[0])) is None:
            create_user(PRACTITIONER[0], "Load bench", Role.PRACTITIONER, PRACTITIONER[1])
            db.session.commit()
        council = app.extensions["council"]
        return {
            "needs": [term.code for term in council.terms("need")],
            "localities": [area.code for area in council.localities],
        }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def gunicorn(folder: Path, port: int, workers: int, backend: str = DEFAULT_ENGINE) -> Iterator[int]:
    """gunicorn serving the site on ``folder``'s database and index; yields its pid."""
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'bench.db'}",
        "SEARCH_BACKEND": backend,
        "SEARCH_INDEX_DIR": str(index_folder(folder, backend)),
        "JOB_QUEUE_FILE": str(folder / "jobs.sqlite3"),
        "SECRET_KEY": SECRET,
    }
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--bind",
        f"127.0.0.1:{port}",
        "--access-logfile",
        "/dev/null",
        "wsgi:app",
    ]
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=open(folder / "gunicorn.log", "w"),  # noqa: SIM115 (closed with the process)
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise SystemExit(f"gunicorn stopped: see {folder / 'gunicorn.log'}")
            try:
                if get(port, FLOOR)[0] == 200 and len(workers_of(server.pid)) == workers:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("gunicorn did not answer within 120 s")
            time.sleep(0.2)
        yield server.pid
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def cpu_seconds(pids: Sequence[int], serving_only: bool = False) -> float:
    """User + system CPU seconds of these processes so far: every thread's (with those
    that have ended), or with ``serving_only`` each one's main thread alone, the one a
    sync worker serves its requests on."""
    total = 0
    for pid in pids:
        stat = f"/proc/{pid}/task/{pid}/stat" if serving_only else f"/proc/{pid}/stat"
        fields = Path(stat).read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / TICKS


def get(port: int, address: str, cookie: str = "") -> tuple[int, bytes]:
    """The status and the body as sent (compressed), asked as a browser asks."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Accept-Encoding": ACCEPT_ENCODING}
    if cookie:
        headers["Cookie"] = cookie
    try:
        connection.request("GET", address, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def sign_in(port: int) -> str:
    """The practitioner's session cookie, signed in through the sign-in page."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = f"http://127.0.0.1:{port}"
    page = opener.open(f"{base}/manage/sign-in").read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    if token is None:
        raise SystemExit("the sign-in page has no CSRF token")
    form = {"csrf_token": token.group(1), "email": PRACTITIONER[0], "password": PRACTITIONER[1]}
    landed = opener.open(f"{base}/manage/sign-in", urllib.parse.urlencode(form).encode())
    if "sign-in" in landed.url:
        raise SystemExit("the bench practitioner could not sign in")
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def first_sight(port: int, page: Page, pids: Sequence[int], cookie: str) -> None:
    """Each address once, one client, none asked before: the serving threads' CPU a page
    when the index snapshot remembers nothing of the query."""
    started = cpu_seconds(pids, serving_only=True)
    for address in page.addresses:
        if _status(port, address, cookie if page.practitioner else "") != 200:
            page.errors += 1
    page.first_cpu_ms = (cpu_seconds(pids, True) - started) * 1000 / len(page.addresses)


def seen_by_every_worker(port: int, page: Page, workers: int, cookie: str) -> None:
    """Each address asked by ``workers`` clients at the same moment, twice: a sync worker
    serves one request at a time, so each worker gets one of them (or, should one worker
    be quick enough to take two, the second round gives the other its turn)."""
    for address in page.addresses:
        for _ in range(2):
            threads = [
                threading.Thread(
                    target=_status, args=(port, address, cookie if page.practitioner else "")
                )
                for _ in range(workers)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()


def one_client(port: int, page: Page, count: int, pids: Sequence[int], cookie: str) -> None:
    """``count`` requests one after another: wall clock each, and the CPU a page of the
    workers' serving threads (the search follower and the search notes' writer run on
    others, by the clock, not by the page: ``background`` measures them)."""
    addresses = page.cycle()
    started = cpu_seconds(pids, serving_only=True)
    for _ in range(count):
        begun = time.perf_counter()
        try:
            status, body = get(port, next(addresses), cookie if page.practitioner else "")
        except OSError:
            status, body = 0, b""
        page.wall_ms.append((time.perf_counter() - begun) * 1000)
        page.sent.append(len(body))
        if status != 200:
            page.errors += 1
    page.cpu_ms = (cpu_seconds(pids, serving_only=True) - started) * 1000 / count


def background(pids: Sequence[int], seconds: float) -> float:
    """The workers' CPU ms a second with no request: the follower, heartbeats, timers."""
    started = cpu_seconds(pids)
    time.sleep(seconds)
    return (cpu_seconds(pids) - started) * 1000 / seconds


def _status(port: int, address: str, cookie: str) -> int:
    try:
        return get(port, address, cookie)[0]
    except OSError:
        return 0


def under_load(port: int, page: Page, clients: int, seconds: float, cookie: str) -> None:
    """``clients`` clients asking at once for ``seconds``: adds to what was served."""
    addresses = page.cycle()
    lock = threading.Lock()
    stop = time.perf_counter() + seconds
    served = errors = 0

    def client() -> None:
        nonlocal served, errors
        while time.perf_counter() < stop:
            with lock:
                address = next(addresses)
            try:
                status, _body = get(port, address, cookie if page.practitioner else "")
            except OSError:
                status = 0
            with lock:
                served += 1
                errors += status != 200

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    page.seconds += time.perf_counter() - started
    page.served += served
    page.errors += errors


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def pages_for(codes: dict[str, list[str]], rng: random.Random, count: int) -> list[Page]:
    keyword = [f"{KEYWORD}{urllib.parse.quote_plus(words)}" for words in QUERIES]
    plans = []
    for _ in range(count):
        chosen = "&".join(f"need={code}" for code in rng.sample(codes["needs"], 3))
        plans.append(f"?{chosen}&locality={rng.choice(codes['localities'])}")
    return [
        Page("floor (template only)", [FLOOR]),
        Page("family: keyword search", keyword),
        Page("family: 3 needs + locality", [f"/find-support{plan}" for plan in plans]),
        Page("practitioner: 3 needs + locality", [f"/practitioners{p}" for p in plans], True),
    ]


def bench(size: int, arguments: argparse.Namespace) -> None:
    folder = (arguments.dir or ROOT / "instance" / "bench-load").resolve() / str(size)
    print(f"\n{size:,} listings ({folder})")
    codes = prepare(size, folder, arguments.seed, arguments.backend)
    pages = pages_for(codes, random.Random(arguments.seed), arguments.requests)
    port = free_port()
    with gunicorn(folder, port, arguments.workers, arguments.backend) as master:
        pids = workers_of(master)
        cookie = sign_in(port)
        # What a worker's first search of each kind opens once (the index, its readers)
        # is paid here, on addresses not measured, so "first" is the query's own cost.
        _keyword, *primers = pages_for(codes, random.Random(arguments.seed + 1), 1)[1:]
        for primer in [Page("primer", [PRIMER]), *primers]:
            seen_by_every_worker(port, primer, arguments.workers, cookie)
        for page in pages:
            first_sight(port, page, pids, cookie)
        for page in pages:
            seen_by_every_worker(port, page, arguments.workers, cookie)
        idle = background(pids, 5.0)
        for page in pages:
            one_client(port, page, arguments.requests, pids, cookie)
        for _ in range(arguments.rounds):
            for page in pages:
                under_load(port, page, arguments.clients, arguments.seconds, cookie)
        if sorted(workers_of(master)) != sorted(pids):
            print("  note: a worker was restarted during the run (see gunicorn.log)")
    floor = pages[0].served / pages[0].seconds
    print(
        f"  {arguments.backend}, {arguments.workers} sync workers, {arguments.clients} clients"
        f" under load; load average {os.getloadavg()[0]:.1f}; the workers' other threads"
        f" {idle:.1f} ms CPU a second with no request"
    )
    print(
        f"  {'page':<34}{'req/s':>8}{'/floor':>8}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'CPU ms':>9}{'first':>8}{'KiB':>6}{'errors':>8}"
    )
    for page in pages:
        rate = page.served / page.seconds
        # One address asked once is a clock tick or none: no figure.
        first = f"{page.first_cpu_ms:.1f}" if len(page.addresses) >= 10 else "-"
        print(
            f"  {page.label:<34}{rate:8.1f}{rate / floor:8.2f}"
            f"{statistics.median(page.wall_ms):9.1f}{percentile(page.wall_ms, 0.95):9.1f}"
            f"{page.cpu_ms:9.1f}{first:>8}{statistics.mean(page.sent) / 1024:6.1f}"
            f"{page.errors:8d}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[10000])
    parser.add_argument("--dir", type=Path, help="where the directories are kept and reused")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=60, help="one client, per page")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--backend",
        choices=ENGINES,
        default=os.environ.get("SEARCH_BACKEND", DEFAULT_ENGINE),
        help="the search engine (its index kept beside the database, one per engine)",
    )
    arguments = parser.parse_args()
    # Stopped with SIGTERM, still stop gunicorn (the ``finally`` in ``gunicorn``).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    for size in arguments.sizes:
        if size < 1:
            parser.error(f"a size is a number of listings, at least 1, not {size}")
        bench(size, arguments)


if __name__ == "__main__":
    main()
