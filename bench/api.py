"""ORUK API benchmark: pages and services by id, on PostgreSQL, at any depth.

Makes a fresh PostgreSQL database of SIZE public listings (each with its organisation, a
venue, two weekly times, a phone, a cost and two taxonomy terms; written in bulk, as the
other benchmarks do, not through the importer), then times through the app:

- page 1, the middle page and the last page of ``/services`` at the default ``per_page``;
- ``/services/{id}`` for random ids (fully nested);
- the first request after a change, which numbers the pages afresh (once per change).

    .venv/bin/python bench/api.py [SIZE ...] [--runs N] [--postgres URL]

Target (issue 21): p95 <= 30 ms for each of page 1, middle, last and by id, at 10,000 and
500,000 listings. The database is dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from datetime import time as clock_time
from pathlib import Path

import psycopg
import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from directory import create_app
from directory.config import DEFAULT_COUNCIL_FILE, Config
from directory.extensions import db
from directory.models import (
    CostOption,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
    service_taxonomy,
)

ADMIN_URL = os.environ.get(
    "SIGNPOST_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
CHUNK = 5000
SERVICES_PER_ORGANISATION = 20


def build_app(url: str, scratch: Path) -> Flask:
    config = Config(
        secret_key="bench",
        database_url=url,
        search_index_dir=scratch / "index",
        council_file=DEFAULT_COUNCIL_FILE,
        search_backend="memory",
        extra={"ORUK_API_RATE_LIMIT": "1000000 per minute"},
    )
    app = create_app(config)
    with app.app_context():
        upgrade()
    return app


def fill(size: int, rng: random.Random) -> None:
    """``size`` public listings, written a chunk at a time."""
    connection = db.session.connection()
    terms = [
        {"id": str(uuid.uuid4()), "scheme": "need", "code": f"need-{n}", "name": f"Need {n}",
         "description": ""}
        for n in range(20)
    ]  # fmt: skip
    connection.execute(sa.insert(TaxonomyTerm.__table__), terms)
    now = datetime.now(UTC)
    for start in range(0, size, CHUNK):
        rows: dict[str, list[dict[str, object]]] = {
            name: []
            for name in ("organization", "service", "location", "link", "schedule", "phone",
                         "cost", "terms")
        }  # fmt: skip
        organisation_id = ""
        for n in range(start, min(size, start + CHUNK)):
            if n % SERVICES_PER_ORGANISATION == 0:
                organisation_id = str(uuid.uuid4())
                rows["organization"].append(
                    {"id": organisation_id, "name": f"Organisation {n}", "description": "",
                     "source": "bench", "external_id": f"org-{n}", "created_at": now,
                     "updated_at": now}
                )  # fmt: skip
            service_id, location_id = str(uuid.uuid4()), str(uuid.uuid4())
            rows["service"].append(
                {"id": service_id, "organization_id": organisation_id, "name": f"Service {n}",
                 "summary": "Stay and play for under fives.", "description": "A friendly group.",
                 "status": "active", "kind": "activity", "audience": "public",
                 "referral_route": "self", "minimum_age": 0, "maximum_age": 5,
                 "delivery_methods": ["in_person"], "assured_date": date.today(),
                 "is_sample": True, "source": "bench", "external_id": f"bench-{n}",
                 "edited_fields": [], "professional_notes": "", "referral_criteria": "",
                 "professional_contact": "", "application_process": "",
                 "eligibility_description": "", "fees_description": "", "created_at": now,
                 "updated_at": now, "url": f"https://example.org/services/{n}"}
            )  # fmt: skip
            rows["location"].append(
                {"id": location_id, "name": f"Venue {n}", "description": "",
                 "address_1": f"{n} High Street", "address_2": "", "city": "Dudley",
                 "postal_code": "DY1 1QJ", "easting": 394000 + rng.randint(0, 9000),
                 "northing": 290000 + rng.randint(0, 9000), "latitude": 52.5,
                 "longitude": -2.08, "masked_address": False, "source": "bench",
                 "external_id": f"bench-{n}"}
            )  # fmt: skip
            rows["link"].append(
                {"id": str(uuid.uuid4()), "service_id": service_id, "location_id": location_id,
                 "description": ""}
            )  # fmt: skip
            for day in rng.sample(["MO", "TU", "WE", "TH", "FR"], 2):
                rows["schedule"].append(
                    {"id": str(uuid.uuid4()), "service_id": service_id, "byday": day,
                     "opens_at": clock_time(9), "closes_at": clock_time(11), "description": ""}
                )  # fmt: skip
            rows["phone"].append(
                {"id": str(uuid.uuid4()), "service_id": service_id, "number": "0121 496 0000",
                 "description": ""}
            )  # fmt: skip
            rows["cost"].append(
                {"id": str(uuid.uuid4()), "service_id": service_id, "option": "",
                 "amount": rng.choice([0, 2]), "amount_description": ""}
            )  # fmt: skip
            for term in rng.sample(terms, 2):
                rows["terms"].append({"service_id": service_id, "taxonomy_term_id": term["id"]})
        for name, table in (
            ("organization", Organization.__table__),
            ("service", Service.__table__),
            ("location", Location.__table__),
            ("link", ServiceAtLocation.__table__),
            ("schedule", Schedule.__table__),
            ("phone", Phone.__table__),
            ("cost", CostOption.__table__),
            ("terms", service_taxonomy),
        ):
            if rows[name]:
                connection.execute(sa.insert(table), rows[name])
        db.session.commit()
        connection = db.session.connection()
        print(f"  written {min(size, start + CHUNK):,} listings", end="\r", flush=True)
    db.session.commit()
    db.session.execute(sa.text("ANALYZE"))
    db.session.commit()
    print()


def timed(action: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and this process's CPU milliseconds of each run. On a shared machine the
    CPU time says what the app itself spent; the wall clock adds waiting for a core."""
    times, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return times, cpu


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(label: str, measured: tuple[list[float], list[float]]) -> float:
    times, cpu = measured
    p95 = _p95(times)
    print(
        f"  {label:<36} p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms"
        f"  (app CPU p50 {statistics.median(cpu):5.1f}, p95 {_p95(cpu):5.1f} ms;"
        f" {len(times)} runs)"
    )
    return p95


def bench(size: int, runs: int, seed: int, admin_url: str) -> None:
    rng = random.Random(seed)
    name = f"signpost_bench_api_{secrets.token_hex(4)}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = admin_url.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    try:
        scratch = Path(f"/tmp/{name}")
        app = build_app(f"{url}/{name}", scratch)
        with app.app_context():
            started = time.perf_counter()
            fill(size, rng)
            took = time.perf_counter() - started
            print(f"{size:,} listings on PostgreSQL (written in {took:.0f} s)")
            ids = list(db.session.scalars(sa.select(Service.id)))
        client = app.test_client()

        def get(address: str) -> None:
            response = client.get(address)
            assert response.status_code == 200, (address, response.status_code)

        started = time.perf_counter()
        first = client.get("/api/oruk/services").get_json()
        took = (time.perf_counter() - started) * 1000
        print(f"  {'first page after a change (numbering)':<40} {took:7.1f} ms")
        pages = first["total_pages"]
        assert first["total_items"] == size, first["total_items"]
        figures = {
            "page 1": report("/services page 1", timed(lambda: get("/api/oruk/services"), runs)),
            "middle": report(
                f"/services page {pages // 2} (middle)",
                timed(lambda: get(f"/api/oruk/services?page={pages // 2}"), runs),
            ),
            "last": report(
                f"/services page {pages} (last)",
                timed(lambda: get(f"/api/oruk/services?page={pages}"), runs),
            ),
            "by id": report(
                "/services/{id} (random ids)",
                timed(lambda: get(f"/api/oruk/services/{rng.choice(ids)}"), runs),
            ),
        }
        worst = max(figures.values())
        verdict = "met" if worst <= 30 else "NOT met"
        print(f"  target p95 <= 30 ms each: {verdict} (worst {worst:.1f} ms)")
        print(f"  load average while measuring: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
        with app.app_context():
            db.engine.dispose()
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--postgres", default=ADMIN_URL)
    args = parser.parse_args()
    for size in args.sizes:
        bench(size, args.runs, args.seed, args.postgres)


if __name__ == "__main__":
    main()
