"""``make cluster``: rehearse Signpost on several machines, on this one, and print what
happened.

In a temporary folder, on free ports: a PostgreSQL primary and a streaming replica
(Debian's postgresql-15), two app nodes (gunicorn, two workers each, each with its own
search index folder, sessions, rate limits and the job queue in Redis), and haproxy in
front. Bounded load runs through haproxy the whole time while the script:

1. edits a listing on node 1, signed in as an editor through its real pages (password and
   authenticator code), and times how long until a search on each node finds the edit;
2. kills node 1 (SIGKILL, as a lost machine), counts the errors visitors saw and how long
   until they stopped, edits on node 2 while node 1 is down (same session: it is in Redis),
   starts node 1 again and times until it serves, and until its index has the edit made
   while it was away;
3. kills the replica and counts errors (the app reads only from the primary, so none are
   expected; the replica is a standby for failover and backups), starts it again and times
   until it has caught up.

Then it stops everything it started and removes the folder. Not part of ``make test``.
"""

from __future__ import annotations

import os
import secrets
import shutil
import statistics
import string
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from functools import partial
from pathlib import Path

import psycopg
import pyotp
import redis

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.cluster import services
from scripts.cluster.traffic import Browser, Load, Visit, page, token

REDIS_URL = os.environ.get("CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/12")
VISITORS, PAUSE = 3, 0.3
"""Three visitors, each waiting 0.3 s between requests: at most about ten a second."""
LISTING = "dudley-fc-halesowen"
PASSWORD = "a long rehearsal passphrase"


def main() -> int:
    services.check_programs()
    root = Path(tempfile.mkdtemp(prefix="signpost-cluster-"))
    os.chmod(root, 0o755)  # the postgres user must reach its folders inside
    prefix = f"signpost-cluster-{secrets.token_hex(4)}"
    started: list[Callable[[], None]] = []
    try:
        return _rehearse(root, prefix, started)
    finally:
        for stop in reversed(started):
            try:
                stop()
            except Exception as error:  # keep stopping the rest
                print(f"  (stopping: {error})")
        _forget_redis(prefix)
        shutil.rmtree(root, ignore_errors=True)
        print(f"Cleaned up: stopped {len(started)} services, removed {root}.")


def _rehearse(root: Path, prefix: str, started: list[Callable[[], None]]) -> int:
    print(f"Rehearsal in {root}")
    primary = services.make_primary(root, started)
    replica = services.make_replica(root, primary, started)
    print(f"PostgreSQL primary on :{primary.port}, streaming replica on :{replica.port}")

    base_env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "FLASK_APP": "wsgi.py",
        "DATABASE_URL": primary.url,
        "SECRET_KEY": secrets.token_hex(32),
        "REDIS_URL": REDIS_URL,
        "SESSION_STORE": "redis",
        "RATE_LIMIT_STORE": "redis",
        "JOB_QUEUE": "redis",
        "RATE_LIMIT_PREFIX": prefix,
        "TRUSTED_PROXIES": "1",
    }
    node_env = {
        name: {**base_env, "SEARCH_INDEX_DIR": str(root / name / "search-index")}
        for name in ("node1", "node2")
    }
    timer = time.monotonic()
    _flask(node_env["node1"], "db", "upgrade")
    _flask(node_env["node1"], "postcodes", "load", "--areas", "DY,B,WV")
    _flask(node_env["node1"], "demo", "load")
    for env in node_env.values():
        _flask(env, "search", "rebuild")
    editor_email, secret, listing_id = _editor_and_listing(node_env["node1"])
    print(f"Database loaded and both indexes built in {time.monotonic() - timer:.1f}s")

    ports = {name: services.free_port() for name in node_env}
    nodes = {name: services.app_node(name, ports[name], node_env[name], root) for name in node_env}
    for node in nodes.values():
        started.append(node.stop)
        node.start()
    for name, node in nodes.items():
        seconds = services.wait_until_serving(f"http://127.0.0.1:{ports[name]}/health", node)
        print(f"{name} (gunicorn, 2 workers) serving on :{ports[name]} after {seconds:.1f}s")
    lb_port = services.free_port()
    lb = services.balancer(lb_port, ports, root)
    started.append(lb.stop)
    lb.start()
    services.wait_until_serving(f"http://127.0.0.1:{lb_port}/health", lb)
    front = f"http://127.0.0.1:{lb_port}"
    direct = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    print(f"haproxy on :{lb_port} in front of both nodes\n")

    warm = _warm_up(direct.values(), _paths(listing_id))
    print(f"Each node's workers warmed with every page of the load ({warm:.1f}s)\n")
    load = Load(front, _paths(listing_id), VISITORS, PAUSE)
    started.append(load.stop)
    load.start()
    report: list[tuple[str, str]] = []
    phases: list[tuple[str, float, float]] = []

    with _phase(phases, "steady load"):
        time.sleep(8)

    browser = Browser()
    with _phase(phases, "edit on node1"):
        _sign_in(browser, direct["node1"], editor_email, secret)
        word = _word()
        edited_at = _edit(browser, direct["node1"], listing_id, word)
        saved = time.monotonic()
        checks: dict[str, Callable[[], bool]] = {
            f"a search on {name}": partial(_finds, base, word, listing_id)
            for name, base in direct.items()
        }
        checks["a read on the replica"] = partial(_replica_has, replica, listing_id, word)
        for name, (seconds, one) in _seen_by_each(checks, saved).items():
            what = f"edit on node1 seen by {name}, after the save"
            report.append((what, f"{_s(seconds)} (one look took {one:.2f}s)"))
        report.append(("(edit saved, POST to redirect)", _s(edited_at)))

    with _phase(phases, "node1 killed"):
        killed = time.monotonic()
        nodes["node1"].kill()
        time.sleep(8)
        word_while_down = _word()
        _edit(browser, direct["node2"], listing_id, word_while_down)
        report.append(("edit on node2 while node1 is down (same session, from Redis)", "saved"))
        restarted = time.monotonic()
        errors = _errors_between(load, killed, restarted)
        report.append(("errors through haproxy from killing node1 to its restart", errors))
        nodes["node1"].start()
        seconds = services.wait_until_serving(f"{direct['node1']}/health", nodes["node1"])
        report.append(("node1 restarted: serving again after", _s(seconds)))
        back = _until(lambda: _served_by(load, "node1", restarted), 30)
        report.append(("node1 serving through haproxy again after", _since(restarted, back)))
        caught_up = _until(lambda: _finds(direct["node1"], word_while_down, listing_id), 30)
        report.append(
            (
                "node1's index has the edit made while it was down, after",
                _since(restarted, caught_up),
            )
        )
        time.sleep(2)
        errors = _errors_between(load, restarted, time.monotonic())
        report.append(("errors through haproxy while node1 started and rejoined", errors))

    with _phase(phases, "replica killed"):
        lag = _replication(primary)
        report.append(("replicas streaming before", str(lag)))
        killed = time.monotonic()
        replica.kill()
        time.sleep(5)
        errors = _errors_between(load, killed, time.monotonic())
        report.append(("errors through haproxy after killing the replica", errors))
        report.append(("replicas streaming after", str(_replication(primary))))
        word_after = _word()
        _edit(browser, direct["node2"], listing_id, word_after)
        report.append(("edit while the replica is down", "saved"))
        restarted = time.monotonic()
        replica.start()
        seconds = _until(lambda: _replica_has(replica, listing_id, word_after), 60)
        report.append(
            ("replica restarted: caught up (has that edit) after", _since(restarted, seconds))
        )

    load.stop()
    _print(load, phases, report)
    return 0


def _flask(env: dict[str, str], *args: str) -> None:
    import subprocess

    result = subprocess.run(
        [str(Path(sys.executable).parent / "flask"), *args],
        cwd=services.PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"flask {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


def _editor_and_listing(env: dict[str, str]) -> tuple[str, str, str]:
    """An editor with an authenticator set up (as an admin's invitation would leave one),
    and the listing the rehearsal edits."""
    for key, value in env.items():
        os.environ[key] = value
    import sqlalchemy as sa

    from directory import create_app
    from directory.accounts import second_factor
    from directory.accounts.sessions import now_utc
    from directory.accounts.users import create_user
    from directory.extensions import db
    from directory.models import Role, Service

    app = create_app()
    with app.app_context():
        email = f"editor-{secrets.token_hex(3)}@example.org"
        user = create_user(email, "Rehearsal Editor", Role.EDITOR, PASSWORD)
        secret = second_factor.new_secret()
        user.totp_secret = secret
        user.totp_confirmed_at = now_utc()
        db.session.commit()
        service = db.session.scalars(sa.select(Service).where(Service.external_id == LISTING)).one()
        found = email, secret, service.id
        app.extensions["search"].close()
        db.engine.dispose()
    return found


def _paths(listing_id: str) -> list[str]:
    return [
        "/",
        "/find-support?q=food+bank",
        "/find-support?q=parenting&postcode=DY1+1QJ",
        "/find-support?q=my+child+won%27t+go+to+school",
        "/find-support?need=send",
        f"/services/{listing_id}",
        "/privacy",
    ]


def _warm_up(bases: Iterable[str], paths: list[str]) -> float:
    """Ask each node for each page a few times, so both workers have opened their index and
    loaded what a first search loads before any visitor is timed."""
    began = time.monotonic()
    for base in bases:
        for path in paths * 3:
            with suppress(OSError):
                page(base + path)
    return time.monotonic() - began


def _sign_in(browser: Browser, base: str, email: str, secret: str) -> None:
    _status, _location, text = browser.get(f"{base}/manage/sign-in")
    status, location, _ = browser.post(
        f"{base}/manage/sign-in",
        [("csrf_token", token(text)), ("email", email), ("password", PASSWORD)],
    )
    if status != 302 or not location.endswith("/manage/sign-in/code"):
        raise RuntimeError(f"sign-in answered {status} {location}")
    _status, _location, text = browser.get(f"{base}/manage/sign-in/code")
    status, location, _ = browser.post(
        f"{base}/manage/sign-in/code",
        [("csrf_token", token(text)), ("code", pyotp.TOTP(secret).now())],
    )
    if status != 302:
        raise RuntimeError(f"the code page answered {status}")


def _edit(browser: Browser, base: str, listing_id: str, word: str) -> float:
    """Add ``word`` to the listing's description through the "About" form; seconds taken."""
    url = f"{base}/manage/listings/{listing_id}/edit/about"
    from scripts.cluster.traffic import form_fields

    _status, _location, text = browser.get(url)
    description = dict(form_fields(text))["description"]
    began = time.monotonic()
    status, _location, body = browser.submit(
        url, {"description": f"{description} {word}", "action": "save"}
    )
    if status != 302:
        raise RuntimeError(f"saving the listing answered {status}: {body[:500]}")
    return time.monotonic() - began


def _word() -> str:
    return "zq" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))


def _finds(base: str, word: str, listing_id: str) -> bool:
    try:
        return f"/services/{listing_id}" in page(f"{base}/find-support?q={word}")
    except OSError:
        return False


def _seen_by_each(
    checks: dict[str, Callable[[], bool]], began: float
) -> dict[str, tuple[float | None, float]]:
    """Run every check at once, over and over, until each is true: the seconds from
    ``began`` until it was, and how long its last look took (the measure's resolution)."""
    found: dict[str, tuple[float | None, float]] = {}

    def poll(name: str, check: Callable[[], bool]) -> None:
        last = 0.0
        while time.monotonic() - began < 10:
            asked = time.monotonic()
            hit = check()
            last = time.monotonic() - asked
            if hit:
                found[name] = (time.monotonic() - began, last)
                return
        found[name] = (None, last)

    threads = [threading.Thread(target=poll, args=item) for item in checks.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {name: found[name] for name in checks}


def _replica_has(replica: services.Postgres, listing_id: str, word: str) -> bool:
    try:
        with psycopg.connect(replica.url, connect_timeout=2) as connection:
            row = connection.execute(
                "SELECT description FROM service WHERE id = %s", (listing_id,)
            ).fetchone()
            return row is not None and word in row[0]
    except psycopg.Error:
        return False


def _replication(primary: services.Postgres) -> int:
    with psycopg.connect(primary.url, connect_timeout=2) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'"
        ).fetchone()
        return int(row[0]) if row else 0


def _until(check: Callable[[], bool], seconds: float) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if check():
            return time.monotonic() - started
        time.sleep(0.05)
    return None


def _served_by(load: Load, node: str, since: float) -> bool:
    return any(visit.node == node for visit in load.between(since, time.monotonic()))


def _errors_between(load: Load, start: float, end: float) -> str:
    visits = load.between(start, end)
    failed = [visit for visit in visits if visit.failed]
    return f"{len(failed)} of {len(visits)} requests"


def _since(began: float, found: float | None) -> str:
    """Seconds from ``began`` to now, when a wait just ended with ``found``."""
    return _s(None if found is None else time.monotonic() - began)


def _s(seconds: float | None) -> str:
    return "not within the time allowed" if seconds is None else f"{seconds:.2f}s"


@contextmanager
def _phase(phases: list[tuple[str, float, float]], name: str) -> Iterator[None]:
    began = time.monotonic()
    print(f"- {name} ...", flush=True)
    yield
    phases.append((name, began, time.monotonic()))


def _print(
    load: Load, phases: list[tuple[str, float, float]], report: list[tuple[str, str]]
) -> None:
    print("\nRequests through haproxy (3 paced visitors: home, results pages, a service page):")
    columns = ("phase", "requests", "errors", "node1", "node2", "p50 ms", "p95 ms")
    print(_row(columns))
    for name, began, ended in [*phases, ("all", phases[0][1], phases[-1][2])]:
        visits = load.between(began, ended)
        served = [sum(visit.node == node for visit in visits) for node in ("node1", "node2")]
        failed = sum(visit.failed for visit in visits)
        print(_row((name, len(visits), failed, *served, _ms(visits, 50), _ms(visits, 95))))
    failed = [visit for visit in load.between(phases[0][1], phases[-1][2]) if visit.failed]
    if failed:
        print("\nErrors (seconds into the rehearsal's load: what, node):")
        kinds = Counter(
            (f"{visit.status}" if visit.status else visit.problem, visit.node or "-")
            for visit in failed
        )
        for (what, node), count in kinds.most_common():
            print(f"  {count} x {what} from {node}")
        print("  at " + ", ".join(f"{visit.started - phases[0][1]:.1f}s" for visit in failed))
    print("\nMeasured:")
    for what, value in report:
        print(f"  {what}: {value}")


def _row(cells: tuple[object, ...]) -> str:
    return f"  {cells[0]!s:<16}" + "".join(f"{cell!s:>9}" for cell in cells[1:])


def _ms(visits: list[Visit], percentile: int) -> str:
    times = sorted(visit.seconds * 1000 for visit in visits if not visit.failed)
    if len(times) < 2:
        return "-"
    return f"{statistics.quantiles(times, n=100)[percentile - 1]:.0f}"


def _forget_redis(prefix: str) -> None:
    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        keys = list(client.scan_iter(match=f"*{prefix}*"))
        if keys:
            client.delete(*keys)
    except redis.RedisError as error:
        print(f"  (could not remove the rehearsal's Redis keys: {error})")


if __name__ == "__main__":
    sys.exit(main())
