"""Search engine benchmark: index build time and engine-only query latency.

Generates a seeded synthetic directory (family-services vocabulary, description lengths
skewed like real listings, venues clustered round towns across England's grid range) and
times each backend chosen (Whoosh and tantivy by default; the in-memory one on request)
side by side at each size: the full build, opening the index, engine-only query latency,
and what an edit costs: committing it, and the first search after it (which reopens the
index: Whoosh rereads its per-document data, tantivy reloads its searcher).

    .venv/bin/python -m bench.search_engine [SIZE ...] [--queries N] [--seed S]
        [--backend whoosh|tantivy|memory ...]

``--backend`` may be given more than once; SEARCH_BACKEND (comma-separated) also chooses.

Targets at 10,000 listings on a 2-core machine: query p95 <= 30 ms, full rebuild <= 15 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from search import Filters, SearchBackend, SearchQuery, ServiceDocument
from search.plug import ENGINES, open_backend

TODAY = date(2026, 11, 23)
NEEDS = (
    ("food", "Food"),
    ("money-and-debt", "Money and debt"),
    ("parenting", "Parenting"),
    ("early-years-and-childcare", "Early years and childcare"),
    ("send", "Special educational needs and disabilities (SEND)"),
    ("mental-health-and-wellbeing", "Mental health and wellbeing"),
    ("domestic-abuse", "Domestic abuse"),
    ("housing", "Housing"),
    ("work-and-skills", "Work and skills"),
    ("school-and-attendance", "School and attendance"),
    ("activities", "Activities for children and young people"),
    ("health", "Health"),
    ("relationships-and-conflict", "Relationships and conflict"),
    ("bereavement", "Bereavement"),
    ("substance-use", "Drugs and alcohol"),
    ("loneliness", "Loneliness and isolation"),
)
CATEGORIES = (
    ("family-centres-and-hubs", "Family centres and hubs"),
    ("advice-and-information", "Advice and information"),
    ("courses-and-groups", "Courses and groups"),
    ("one-to-one-support", "One-to-one support"),
    ("food-support", "Food support"),
    ("holiday-activities", "Holiday activities"),
    ("clubs-and-activities", "Clubs and activities"),
    ("childcare", "Childcare"),
    ("health-services", "Health services"),
    ("helplines-and-online", "Helplines and online help"),
    ("community-groups", "Community groups"),
)
KINDS = (
    "family_centre",
    "family_hub",
    "fis_entry",
    "holiday_activity",
    "pantry",
    "community_group",
    "childcare",
    "health",
    "youth",
    "advice",
)
LEVELS = ("universal", "early-help", "targeted", "specialist")
LANGUAGES = ("ur", "pa", "pl", "ro", "ar", "bn", "so", "gu", "ku", "fa", "zh", "cy")
PLACES = (
    "Oakfield",
    "Brierley",
    "Netherton",
    "Kingswinford",
    "Lye",
    "Wollescote",
    "Cradley",
    "Quarry Bank",
    "Sedgley",
    "Coseley",
    "Gornal",
    "Woodsetton",
    "Pensnett",
    "Wordsley",
    "Amblecote",
    "Halesowen",
    "Hasbury",
    "Hawne",
    "Tipton",
    "Wednesbury",
    "Darlaston",
    "Bilston",
    "Ettingshall",
    "Blakenhall",
    "Whitmore Reans",
    "Aston",
    "Nechells",
    "Ladywood",
    "Sparkbrook",
    "Small Heath",
    "Moseley",
    "Kings Heath",
    "Selly Oak",
    "Northfield",
    "Longbridge",
    "Rubery",
    "Frankley",
    "Bartley Green",
    "Harborne",
    "Edgbaston",
    "Hockley",
    "Handsworth",
    "Perry Barr",
    "Kingstanding",
    "Erdington",
    "Castle Vale",
    "Shard End",
    "Hodge Hill",
    "Stechford",
    "Yardley",
    "Acocks Green",
    "Hall Green",
    "Sheldon",
    "Solihull",
    "Chelmsley Wood",
    "Kingshurst",
    "Fordbridge",
    "Smith's Wood",
    "Marston Green",
    "Meriden",
)
SERVICES = (
    "Family Hub",
    "Family Centre",
    "Food Bank",
    "Community Pantry",
    "Stay and Play",
    "Toddler Group",
    "Baby Massage",
    "Breastfeeding Cafe",
    "Parenting Course",
    "Incredible Years Parenting Programme",
    "Youth Club",
    "Holiday Club",
    "HAF Summer Camp",
    "SEND Parent Forum",
    "Autism Support Group",
    "Counselling Service",
    "Wellbeing Cafe",
    "Debt Advice",
    "Citizens Advice Drop-in",
    "Housing Options",
    "Domestic Abuse Outreach",
    "Bereavement Support",
    "Dads Group",
    "Young Carers Project",
    "Speech and Language Drop-in",
    "Homework Club",
    "ESOL Classes",
    "Baby Bank",
    "Uniform Exchange",
    "Warm Space",
    "Football Sessions",
    "Swimming Lessons",
    "Drama Group",
    "Forest School",
    "Nursery",
    "Childminder",
    "Health Visitor Clinic",
    "Midwife Antenatal Class",
    "School Nurse Drop-in",
    "Mental Health Support Team",
    "Early Help Team",
    "Job Club",
    "Lone Parent Group",
)
ORGANISATIONS = (
    "Dudley Council",
    "Barnardo's",
    "Action for Children",
    "Home-Start",
    "Citizens Advice",
    "Mind",
    "Relate",
    "NSPCC",
    "Women's Aid",
    "Trussell",
    "YMCA",
    "Scouts",
    "The Children's Society",
    "St Thomas's Church",
    "Community Association",
    "Black Country Foundation",
    "NHS Trust",
)
PHRASES = (
    "we offer friendly support for parents and carers",
    "free healthy lunch every session",
    "drop in with your children",
    "no need to book",
    "please call to book a place",
    "for families with children aged 0 to 5",
    "support with money worries and debt",
    "help with benefits and universal credit",
    "a safe space to talk",
    "confidential advice",
    "trained staff and volunteers",
    "activities include arts and crafts, sport and cooking",
    "during the school holidays",
    "for young people aged 11 to 19",
    "referral from a professional",
    "families can refer themselves",
    "interpreters available on request",
    "wheelchair accessible",
    "support for children with special educational needs and disabilities",
    "help with behaviour, sleep and routines",
    "courses run for ten weeks",
    "parents meet other parents",
    "food parcels and toiletries",
    "emergency food support",
    "breastfeeding and infant feeding advice",
    "talk to a health visitor",
    "help for anyone affected by domestic abuse",
    "counselling for children and adults",
    "support after the death of someone close",
    "help to find housing and avoid eviction",
    "weekly group in the community centre",
    "online sessions on Zoom",
    "outreach in your home",
    "advice on childcare and funded places",
    "play sessions for toddlers and babies",
    "english language classes for adults",
    "support for dads and male carers",
)
TEMPLATES = (
    "{activity} for {audience}",
    "we run {activity} every {day} at the {venue}",
    "{audience} can get help with {topic}",
    "our {staff} can talk to you about {topic}",
    "sessions are held at {venue} in {place}",
    "bring {item} if you can",
    "advice on {topic} and support with {topic2}",
    "{activity} and {activity} during term time",
    "ask our {staff} about {topic}",
    "{audience} are welcome, {item} provided",
    "we work with {staff} to support {audience} with {topic}",
    "our {venue} has {item} and space for {activity}",
)
SLOTS = {
    "activity": (
        "messy play",
        "baby massage",
        "singing and rhymes",
        "story time",
        "arts and crafts",
        "cooking on a budget",
        "forest school",
        "football",
        "boxing",
        "dance",
        "drama",
        "homework help",
        "coding club",
        "gardening",
        "sensory play",
        "swimming",
        "yoga",
        "mindfulness",
        "peer support",
        "coffee mornings",
        "walking groups",
        "cycling",
        "first aid training",
        "job search help",
        "cv writing",
        "english conversation",
        "budgeting workshops",
        "sewing",
        "music making",
        "board games",
        "chess",
        "outdoor adventure",
        "climbing",
        "photography",
        "film nights",
        "baking",
        "healthy eating",
        "sports coaching",
        "holiday trips",
        "swap shop",
    ),
    "audience": (
        "parents",
        "carers",
        "grandparents",
        "dads",
        "mums",
        "teenagers",
        "young people",
        "babies",
        "toddlers",
        "under fives",
        "families",
        "care leavers",
        "young carers",
        "foster carers",
        "adoptive parents",
        "refugees",
        "asylum seekers",
        "new arrivals",
        "single parents",
        "expectant parents",
    ),
    "topic": (
        "money",
        "debt",
        "benefits",
        "housing",
        "rent arrears",
        "energy bills",
        "school places",
        "school attendance",
        "exclusions",
        "behaviour",
        "sleep",
        "toileting",
        "weaning",
        "feeding",
        "speech and language",
        "autism",
        "adhd",
        "anxiety",
        "low mood",
        "self harm",
        "bullying",
        "online safety",
        "exploitation",
        "gangs",
        "knife crime",
        "drugs",
        "alcohol",
        "domestic abuse",
        "separation",
        "divorce",
        "contact arrangements",
        "bereavement",
        "loneliness",
        "employment",
        "training",
        "volunteering",
        "childcare",
        "funded places",
        "disability",
        "immigration",
    ),
    "staff": (
        "family support workers",
        "health visitors",
        "midwives",
        "school nurses",
        "youth workers",
        "social workers",
        "welfare rights advisers",
        "counsellors",
        "volunteers",
        "peer mentors",
        "early help practitioners",
        "play workers",
        "speech therapists",
        "community connectors",
        "housing officers",
    ),
    "venue": (
        "community centre",
        "family hub",
        "library",
        "church hall",
        "leisure centre",
        "primary school",
        "mosque",
        "gurdwara",
        "youth centre",
        "park pavilion",
        "health centre",
        "children's centre",
        "village hall",
        "sports club",
        "cafe",
        "town hall",
        "adventure playground",
        "allotment",
        "scout hut",
        "football club",
    ),
    "item": (
        "snacks",
        "nappies",
        "toiletries",
        "school uniform",
        "warm clothes",
        "toys",
        "books",
        "a packed lunch",
        "wellies",
        "sports kit",
        "baby clothes",
        "fresh fruit",
    ),
    "day": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
}
QUERY_WORDS = (
    "food bank",
    "stay and play",
    "parenting course",
    "send",
    "holiday club",
    "mental health",
    "debt advice",
    "youth club",
    "breastfeeding",
    "speech and language",
    "counselling",
    "domestic abuse",
    "housing",
    "bereavement",
    "childcare",
    "baby",
    "autism",
    "dads",
    "young carers",
    "family hub",
    "pantry",
    "toddler group",
    "wellbeing",
    "esol",
    "homework",
)
TYPOS = (
    "parnting",
    "behavour",
    "foodbank near me",
    "councelling",
    "breastfeding",
    "todler group",
    "bereavment",
    "holliday club",
    "autisim",
    "wellbeeing",
    "homless",
    "childcre",
)


def synthetic_documents(count: int, seed: int) -> list[ServiceDocument]:
    """``count`` listings, identical for the same seed."""
    return list(stream_documents(count, seed))


def stream_documents(count: int, seed: int) -> Iterator[ServiceDocument]:
    """The listings of :func:`synthetic_documents`, one at a time (a large directory is
    written to an index without holding it all)."""
    rng = random.Random(seed)
    towns = [(rng.uniform(150_000, 650_000), rng.uniform(30_000, 640_000)) for _ in range(80)]
    for index in range(count):
        yield _document(rng, index, towns)


def _document(rng: random.Random, index: int, towns: list[tuple[float, float]]) -> ServiceDocument:
    town = rng.randrange(len(towns))
    place, service = rng.choice(PLACES), rng.choice(SERVICES)
    needs = rng.sample(NEEDS, rng.choice((1, 1, 2, 2, 3)))
    categories = rng.sample(CATEGORIES, rng.choice((1, 1, 2)))
    kind = rng.choice(KINDS)
    has_venue = rng.random() > 0.15
    points: tuple[tuple[float, float], ...] = ()
    if has_venue:
        east, north = towns[town]
        points = tuple(
            (rng.gauss(east, 4_000), rng.gauss(north, 4_000))
            for _ in range(rng.choice((1, 1, 1, 2, 3)))
        )
    youngest = rng.choice((-1, 0, 0, 0, 2, 5, 8, 11))
    oldest = min(25, youngest + rng.choice((4, 5, 8, 12, 19)))
    words_wanted = max(10, min(400, int(rng.lognormvariate(4.1, 0.6))))
    description: list[str] = []
    while sum(len(p.split()) for p in description) < words_wanted:
        description.append(_sentence(rng))
    days = rng.sample(("MO", "TU", "WE", "TH", "FR", "SA"), rng.randint(1, 5))
    start = rng.randint(9, 15)
    slots = tuple(f"{day}{hour:02d}" for day in days for hour in range(start, start + 3))
    sessions: tuple[str, ...] = ()
    if kind == "holiday_activity":
        first = date(2026, 7, 20) + timedelta(days=rng.randint(0, 30))
        sessions = tuple(
            (first + timedelta(days=offset)).isoformat() for offset in range(rng.randint(3, 12))
        )
    return ServiceDocument(
        id=f"svc-{index:06d}",
        name=f"{place} {service}",
        organisation=rng.choice(ORGANISATIONS),
        description=". ".join(description).capitalize() + ".",
        kind=kind,
        category_codes=tuple(code for code, _ in categories),
        category_labels=tuple(label for _, label in categories),
        need_codes=tuple(code for code, _ in needs),
        need_labels=tuple(label for _, label in needs),
        level_codes=(rng.choice(LEVELS),),
        localities=(f"loc-{town:02d}",),
        borough_wide=not has_venue and rng.random() < 0.5,
        delivery=("in_person",) if has_venue else rng.sample(("phone", "online", "outreach"), 2),
        points=points,
        ages=tuple(range(youngest, oldest + 1)),
        free=rng.random() < 0.7,
        languages=("en", *rng.sample(LANGUAGES, rng.choice((0, 0, 0, 1, 2)))),
        open_slots=slots,
        session_dates=sessions,
        assured_date=(TODAY - timedelta(days=rng.randint(0, 1100))).isoformat(),
        keywords=tuple(rng.sample(("free", "drop-in", "funded", "outdoor", "sensory"), 1)),
    )


def _sentence(rng: random.Random) -> str:
    """A generic phrase or, more often, a template with its slots filled."""
    if rng.random() < 0.35:
        return rng.choice(PHRASES)
    template = rng.choice(TEMPLATES)
    fills = {slot: rng.choice(values) for slot, values in SLOTS.items()}
    fills["place"] = rng.choice(PLACES)
    return template.format(topic2=rng.choice(SLOTS["topic"]), **fills)


def mixed_queries(count: int, seed: int, documents: Sequence[ServiceDocument]) -> list[SearchQuery]:
    """Keywords, typos, keyword + point + radius, and two-filter queries in equal shares."""
    rng = random.Random(seed + 1)
    venues = [point for doc in documents for point in doc.points]

    def keyword() -> SearchQuery:
        extra = rng.choice(("", "", rng.choice(SLOTS["topic"]), rng.choice(SLOTS["activity"])))
        return SearchQuery(text=f"{rng.choice(QUERY_WORDS)} {extra}", today=TODAY)

    def typo() -> SearchQuery:
        return SearchQuery(text=rng.choice(TYPOS), today=TODAY)

    def near() -> SearchQuery:
        east, north = rng.choice(venues)
        return SearchQuery(
            text=rng.choice(QUERY_WORDS),
            origin=(east + rng.uniform(-2_000, 2_000), north + rng.uniform(-2_000, 2_000)),
            radius_m=rng.choice((1_600.0, 5_000.0, 8_000.0, 16_000.0)),
            today=TODAY,
        )

    def filtered() -> SearchQuery:
        filters = rng.choice(
            (
                Filters(needs=(rng.choice(NEEDS)[0],), age=rng.randint(-1, 16)),
                Filters(kinds=(rng.choice(KINDS),), free_only=True),
                Filters(languages=(rng.choice(LANGUAGES),), days=("SA",)),
            )
        )
        text = rng.choice(("", "", rng.choice(QUERY_WORDS)))
        return SearchQuery(text=text, filters=filters, today=TODAY)

    makers: tuple[Callable[[], SearchQuery], ...] = (keyword, typo, near, filtered)
    return [makers[index % len(makers)]() for index in range(count)]


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _time_queries(
    backend: SearchBackend, queries: list[SearchQuery]
) -> tuple[list[float], list[float]]:
    """Milliseconds per query, and the subset for text not searched before in this run.

    The Whoosh backend caches each term's weights until the index changes, so repeated
    words are cheaper; the second list shows the cost when they are not yet cached.
    """
    timings, first_seen, seen = [], [], set()
    for query in queries:
        started = time.perf_counter()
        backend.search(query)
        elapsed = (time.perf_counter() - started) * 1000
        timings.append(elapsed)
        if query.text not in seen:
            seen.add(query.text)
            first_seen.append(elapsed)
    return timings, first_seen


@dataclass(frozen=True)
class _Settings:
    """Where the bench builds an index, for :func:`search.plug.open_backend`."""

    search_backend: str
    search_index_dir: Path


def _report(label: str, build_s: float, size: int, open_ms: float | None, timings: tuple) -> None:
    every, first_seen = timings
    opening = f"{open_ms:5.0f} ms" if open_ms is not None else "    -   "
    print(
        f"  {label:<7} build {build_s:6.2f} s ({size / build_s:5.0f} docs/s)  "
        f"open {opening}  "
        f"p50 {statistics.median(every):5.1f} ms  p95 {_percentile(every, 0.95):5.1f} ms  "
        f"max {max(every):6.1f} ms  "
        f"(new words: p95 {_percentile(first_seen, 0.95):5.1f} ms over {len(first_seen)})"
    )


def _edit(backend: SearchBackend, documents: Sequence[ServiceDocument], probe: SearchQuery) -> str:
    """Commit an edit to one listing, then time the first search after it."""
    edited = replace(documents[len(documents) // 2], name="Edited listing zyxwv")
    started = time.perf_counter()
    backend.index([edited])
    commit_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    found = backend.search(replace(probe, text="zyxwv"))
    first_ms = (time.perf_counter() - started) * 1000
    seen = "seen" if [hit.id for hit in found.hits] == [edited.id] else "NOT SEEN"
    return f"edit: commit {commit_ms:6.1f} ms, first search after {first_ms:6.1f} ms ({seen})"


def run(size: int, query_count: int, seed: int, workdir: Path, engines: Sequence[str]) -> None:
    documents = synthetic_documents(size, seed)
    queries = mixed_queries(query_count, seed, documents)
    words = [len(doc.description.split()) for doc in documents]
    print(
        f"{size} listings (description words: median {statistics.median(words):.0f}, "
        f"max {max(words)}), {len(queries)} queries"
    )
    for engine in engines:
        plug = open_backend(_Settings(engine, workdir / f"{engine}-{size}"))
        started = time.perf_counter()
        if plug.on_disk:
            plug.create(documents)
        else:
            memory = plug.stand_in(documents)
        build_s = time.perf_counter() - started
        started = time.perf_counter()  # what each process pays to start serving
        backend = plug.open() if plug.on_disk else memory
        open_ms = (time.perf_counter() - started) * 1000 if plug.on_disk else None
        _report(engine, build_s, size, open_ms, _time_queries(backend, queries))
        print(f"  {'':<7} {_edit(backend, documents, queries[0])}")
        close = getattr(backend, "close", None)
        if close is not None:
            close()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000])
    parser.add_argument("--queries", type=int, default=200, help="queries per size (>= 50)")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument(
        "--backend",
        action="append",
        choices=ENGINES,
        help="a backend to time (repeatable; default SEARCH_BACKEND, else whoosh and tantivy)",
    )
    args = parser.parse_args(argv)
    if args.queries < 50:
        parser.error("use at least 50 queries")
    chosen = os.environ.get("SEARCH_BACKEND", "whoosh,tantivy").split(",")
    engines = args.backend or [engine for engine in chosen if engine]
    unknown = set(engines) - set(ENGINES)
    if unknown:
        parser.error(f"unknown backends {sorted(unknown)}: choose from {', '.join(ENGINES)}")
    with tempfile.TemporaryDirectory(prefix="signpost-bench-") as workdir:
        for size in args.sizes:
            run(size, args.queries, args.seed, Path(workdir), engines)


if __name__ == "__main__":
    main()
