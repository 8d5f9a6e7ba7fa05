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

With one client, each page is asked ``--requests`` times in turn: p50/p95 of the wall
clock, and the workers' own CPU time (user + system, from ``/proc``) per page. Then, with
``--clients`` clients at once, the pages are loaded in ``--rounds`` alternating rounds of
``--seconds`` each (floor, keyword, needs, practitioners, floor, ...), so a busy moment of
the shared machine falls on all of them alike: requests a second, and the ratio of each
page's rate to the floor's. Any answer but 200 (or a failed connection) is an error and is
counted. The load average is printed, since on a shared machine the wall clock includes
waiting for a core while the CPU time does not.

    .venv/bin/python bench/load.py [--sizes 10000 100000] [--dir DIR] [--workers 2]
        [--clients 4] [--seconds 5] [--rounds 3] [--requests 60] [--seed 7]

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

from pages import QUERIES, build_app, clone_directory  # noqa: E402

from directory.extensions import db  # noqa: E402
from directory.models import Service  # noqa: E402

FLOOR = "/browse-safely"
SECRET = "load-bench-secret-key-not-for-any-real-site"
PRACTITIONER = ("load-practitioner@example.org", "load bench practitioner passphrase")
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Page:
    """One kind of page: the addresses asked in turn, and what was measured."""

    label: str
    addresses: list[str]
    practitioner: bool = False
    wall_ms: list[float] = field(default_factory=list)
    cpu_ms: float = 0.0
    served: int = 0
    seconds: float = 0.0
    errors: int = 0

    def cycle(self) -> Iterator[str]:
        while True:
            yield from self.addresses


def prepare(size: int, folder: Path, seed: int) -> dict[str, list[str]]:
    """The directory of ``size`` listings in ``folder`` (made if missing), its index current,
    a practitioner who can sign in; returns the council's need and locality codes."""
    from directory.accounts.users import create_user
    from directory.models import Role, User

    folder.mkdir(parents=True, exist_ok=True)
    app = build_app(folder)
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
def gunicorn(folder: Path, port: int, workers: int) -> Iterator[int]:
    """gunicorn serving the site on ``folder``'s database and index; yields its pid."""
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'bench.db'}",
        "SEARCH_INDEX_DIR": str(folder / "index"),
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


def cpu_seconds(pids: Sequence[int]) -> float:
    """User + system CPU seconds of these processes so far."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / TICKS


def get(port: int, address: str, cookie: str = "") -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", address, headers={"Cookie": cookie} if cookie else {})
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


def one_client(port: int, page: Page, count: int, pids: Sequence[int], cookie: str) -> None:
    """``count`` requests one after another: wall clock each, workers' CPU per page."""
    addresses = page.cycle()
    started = cpu_seconds(pids)
    for _ in range(count):
        begun = time.perf_counter()
        try:
            status, _body = get(port, next(addresses), cookie if page.practitioner else "")
        except OSError:
            status = 0
        page.wall_ms.append((time.perf_counter() - begun) * 1000)
        if status != 200:
            page.errors += 1
    page.cpu_ms = (cpu_seconds(pids) - started) * 1000 / count


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
    keyword = [f"/find-support?{urllib.parse.urlencode({'q': words})}" for words in QUERIES]
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
    codes = prepare(size, folder, arguments.seed)
    pages = pages_for(codes, random.Random(arguments.seed), arguments.requests)
    port = free_port()
    with gunicorn(folder, port, arguments.workers) as master:
        pids = workers_of(master)
        cookie = sign_in(port)
        warm = Page("warm", [a for page in pages for a in page.addresses[:10]])
        warm.practitioner = True
        under_load(port, warm, arguments.workers * 2, 5.0, cookie)  # each worker opens all
        for page in pages:
            one_client(port, page, arguments.requests, pids, cookie)
        for _ in range(arguments.rounds):
            for page in pages:
                under_load(port, page, arguments.clients, arguments.seconds, cookie)
        if sorted(workers_of(master)) != sorted(pids):
            print("  note: a worker was restarted during the run (see gunicorn.log)")
    floor = pages[0].served / pages[0].seconds
    print(
        f"  {arguments.workers} sync workers, {arguments.clients} clients under load; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"  {'page':<34}{'req/s':>8}{'/floor':>8}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'CPU ms':>9}{'errors':>8}"
    )
    for page in pages:
        rate = page.served / page.seconds
        print(
            f"  {page.label:<34}{rate:8.1f}{rate / floor:8.2f}"
            f"{statistics.median(page.wall_ms):9.1f}{percentile(page.wall_ms, 0.95):9.1f}"
            f"{page.cpu_ms:9.1f}{page.errors:8d}"
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
    arguments = parser.parse_args()
    # Stopped with SIGTERM, still stop gunicorn (the ``finally`` in ``gunicorn``).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    for size in arguments.sizes:
        if size < 1:
            parser.error(f"a size is a number of listings, at least 1, not {size}")
        bench(size, arguments)


if __name__ == "__main__":
    main()
