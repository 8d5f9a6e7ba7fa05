"""Scale benchmark: the tantivy backend at 500,000 listings (issue 22).

Builds the synthetic directory of :mod:`bench.search_engine` (same generator, same seed)
once, straight into a tantivy index (the documents are streamed: no database, no Python
list of them all), and keeps it under ``--data`` (default ``/tmp/signpost-scale``) for
later runs. Then, against that index, it measures:

- postcode-scoped search p95: words (or none) within 1, 3 or 5 miles of a point near a
  venue, as the site asks them (page of 20, the searcher's locality);
- national text search p95: words, typos and words with filters, no place, with every
  facet counted (the backend always counts them); and, beside it, browsing a topic with
  no words (a filter or two);
- the process's memory before opening, after opening and after the searches, from
  ``/proc/self/smaps_rollup``: anonymous memory (the process's own) and mapped files
  (tantivy's index files, and the libraries), with the index files' share from
  ``/proc/self/smaps``;
- an edit: committed by this process while a second process searches without pause and a
  third polls for the edited word; the time until the third finds it, and the second's
  p95 during the edit against its p95 before;
- a new worker: a fresh Python process that imports the search package, opens the index
  and serves one search, timed from its start.

    .venv/bin/python -m bench.scale [--size 500000] [--queries 200] [--data DIR]
        [--rebuild]

Targets at 500,000 listings: postcode-scoped p95 <= 100 ms, national text with filter
counts p95 <= 200 ms, worker memory not growing with the directory beyond the engine's
mapped files, an edit visible within 2 s with no stall for other searches, a new worker
serving within 5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from bench.search_engine import (
    KINDS,
    LANGUAGES,
    NEEDS,
    QUERY_WORDS,
    SLOTS,
    TODAY,
    TYPOS,
    _percentile,
    stream_documents,
)
from search import Filters, SearchQuery, ServiceDocument
from search.tantivy_backend import TantivyBackend

SEED = 20261123
METRES_PER_MILE = 1_609.344
MILES = (1, 3, 3, 5)
"""Radii a family asks (3 miles is the site's default)."""
VENUES_KEPT = 5_000
"""Venue points remembered beside the index, to place postcode searches near listings."""
EDIT_INDEX = 1_000
"""The listing the edit changes (the first ones are cheap to generate again)."""


def data_paths(data: Path, size: int) -> tuple[Path, Path]:
    """The index folder and its sidecar (size, seed, build time, venue points)."""
    return data / f"tantivy-{size}", data / f"tantivy-{size}.json"


def build(size: int, data: Path) -> dict:
    """Stream ``size`` synthetic listings into a new index; remember a sample of venues."""
    index_dir, sidecar = data_paths(data, size)
    rng = random.Random(SEED + 7)
    venues: list[tuple[float, float]] = []
    generating = [0.0]

    def documents() -> Iterator[ServiceDocument]:
        stream = stream_documents(size, SEED)
        seen = 0
        while True:
            started = time.perf_counter()
            doc = next(stream, None)
            generating[0] += time.perf_counter() - started
            if doc is None:
                return
            for point in doc.points:  # reservoir sample of every venue
                seen += 1
                if len(venues) < VENUES_KEPT:
                    venues.append(point)
                elif (slot := rng.randrange(seen)) < VENUES_KEPT:
                    venues[slot] = point
            yield doc

    started = time.perf_counter()
    TantivyBackend.create(index_dir, documents()).close()
    total = time.perf_counter() - started
    meta = {
        "size": size,
        "seed": SEED,
        "build_s": round(total, 1),
        "generate_s": round(generating[0], 1),
        "venues": venues,
    }
    sidecar.write_text(json.dumps(meta))
    return meta


# Queries


def postcode_queries(count: int, venues: Sequence[tuple[float, float]]) -> list[SearchQuery]:
    """Words (a quarter: none) within a few miles of a point near a venue."""
    rng = random.Random(SEED + 1)
    queries = []
    for index in range(count):
        east, north = rng.choice(venues)
        text = "" if index % 4 == 3 else rng.choice(QUERY_WORDS)
        queries.append(
            SearchQuery(
                text=text,
                origin=(east + rng.uniform(-2_000, 2_000), north + rng.uniform(-2_000, 2_000)),
                radius_m=rng.choice(MILES) * METRES_PER_MILE,
                origin_localities=(f"loc-{rng.randrange(80):02d}",),
                today=TODAY,
            )
        )
    return queries


def national_queries(count: int) -> list[SearchQuery]:
    """Words, typos, and words with a filter or two; no place."""
    rng = random.Random(SEED + 2)

    def words() -> SearchQuery:
        extra = rng.choice(("", "", rng.choice(SLOTS["topic"]), rng.choice(SLOTS["activity"])))
        return SearchQuery(text=f"{rng.choice(QUERY_WORDS)} {extra}".strip(), today=TODAY)

    def typo() -> SearchQuery:
        return SearchQuery(text=rng.choice(TYPOS), today=TODAY)

    def filtered() -> SearchQuery:
        filters = rng.choice(
            (
                Filters(needs=(rng.choice(NEEDS)[0],), age=rng.randint(-1, 16)),
                Filters(kinds=(rng.choice(KINDS),), free_only=True),
                Filters(languages=(rng.choice(LANGUAGES),), days=("SA",)),
            )
        )
        return SearchQuery(text=rng.choice(QUERY_WORDS), filters=filters, today=TODAY)

    makers: tuple[Callable[[], SearchQuery], ...] = (words, words, typo, filtered)
    return [makers[index % len(makers)]() for index in range(count)]


def browse_queries(count: int) -> list[SearchQuery]:
    """A filter or two and no words, no place: browsing a topic from the home page."""
    rng = random.Random(SEED + 3)
    choices: tuple[Callable[[], Filters], ...] = (
        lambda: Filters(needs=(rng.choice(NEEDS)[0],)),
        lambda: Filters(needs=(rng.choice(NEEDS)[0],), age=rng.randint(-1, 16)),
        lambda: Filters(kinds=(rng.choice(KINDS),), free_only=True),
    )
    return [SearchQuery(text="", filters=rng.choice(choices)(), today=TODAY) for _ in range(count)]


def timed(
    backend: TantivyBackend, queries: Sequence[SearchQuery]
) -> tuple[list[float], list[float]]:
    """Milliseconds per query: elapsed, and this process's CPU (on a shared machine the
    elapsed time also counts waiting for a core; the CPU time does not)."""
    timings, cpu = [], []
    for query in queries:
        started, used = time.perf_counter(), time.process_time()
        backend.search(query)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    return timings, cpu


def shown(timings: list[float], cpu: list[float] | None = None) -> str:
    spent = (
        f"  CPU p50 {statistics.median(cpu):6.1f} ms  p95 {_percentile(cpu, 0.95):6.1f} ms"
        if cpu
        else ""
    )
    return (
        f"p50 {statistics.median(timings):6.1f} ms  p95 {_percentile(timings, 0.95):6.1f} ms  "
        f"max {max(timings):7.1f} ms{spent}  ({len(timings)} queries)"
    )


# Memory


def memory(index_dir: Path | None = None) -> dict[str, float]:
    """This process's resident memory in MB: all, anonymous, file-backed, index files."""
    fields = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    found = {
        "rss": fields["Rss"],
        "anonymous": fields["Anonymous"],
        "files": fields["Rss"] - fields["Anonymous"],
    }
    if index_dir is not None:
        found["index"] = _index_resident(str(index_dir.resolve()))
    return found


def _index_resident(prefix: str) -> float:
    """MB resident of mappings of files under ``prefix`` (tantivy's mmapped segments)."""
    total, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()
        if head and "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
            inside = len(head) >= 6 and head[5].startswith(prefix)
        elif inside and line.startswith("Rss:"):
            total += int(head[1])
    return total / 1024


def shown_memory(label: str, found: dict[str, float]) -> str:
    index = f", index files {found['index']:6.0f}" if "index" in found else ""
    return (
        f"  memory {label:<24} RSS {found['rss']:6.0f} MB: anonymous {found['anonymous']:6.0f}, "
        f"mapped files {found['files']:6.0f}{index}"
    )


# Child processes


def first_search(index_dir: Path, venues_file: Path) -> None:
    """A new worker: import, open, serve one postcode search; print each step's ms."""
    started = time.perf_counter()
    venues = json.loads(venues_file.read_text())["venues"]
    opened = time.perf_counter()
    backend = TantivyBackend(index_dir)
    ready = time.perf_counter()
    results = backend.search(postcode_queries(1, venues)[0])
    done = time.perf_counter()
    print(
        json.dumps(
            {
                "open_ms": (ready - opened) * 1000,
                "first_ms": (done - ready) * 1000,
                "since_start_ms": (done - started) * 1000,
                "hits": len(results.hits),
            }
        )
    )


def searching(index_dir: Path, venues_file: Path, seconds: float, out: Path) -> None:
    """Search without pause for ``seconds`` after warming up; write (start, ms) pairs."""
    venues = json.loads(venues_file.read_text())["venues"]
    backend = TantivyBackend(index_dir)
    queries = [
        query
        for pair in zip(postcode_queries(400, venues), national_queries(400), strict=True)
        for query in pair
    ]
    timed(backend, queries[:20])
    print("ready", flush=True)
    samples, end = [], time.time() + seconds
    while time.time() < end:
        for query in queries:
            at = time.time()
            started = time.perf_counter()
            backend.search(query)
            samples.append((at, (time.perf_counter() - started) * 1000))
            if time.time() >= end:
                break
    out.write_text(json.dumps(samples))


def probing(index_dir: Path, word: str, seconds: float) -> None:
    """Search for ``word`` every 20 ms until found; print when (wall clock)."""
    backend = TantivyBackend(index_dir)
    probe = SearchQuery(text=word, today=TODAY, loosen=False, correct_spelling=False)
    backend.search(probe)
    print("ready", flush=True)
    end = time.time() + seconds
    while time.time() < end:
        if backend.search(probe).hits:
            print(json.dumps({"found_at": time.time()}), flush=True)
            return
        time.sleep(0.02)
    print(json.dumps({"found_at": None}), flush=True)


def _child(*arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bench.scale", *arguments],
        stdout=subprocess.PIPE,
        text=True,
    )


def _ready(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if line != "ready":
        raise RuntimeError(f"child process did not start: {line!r}")


# The run


def edit_while_searching(
    backend: TantivyBackend, index_dir: Path, sidecar: Path, size: int
) -> None:
    """Commit an edit while another process searches and a third polls for it."""
    word = "zq" + "".join(chr(ord("a") + int(digit)) for digit in str(time.time_ns())[-9:])
    original = next(
        doc for index, doc in enumerate(stream_documents(size, SEED)) if index == EDIT_INDEX
    )
    edited = replace(original, name=f"{original.name} {word}")
    samples_file = index_dir.parent / "searching.json"
    searcher = _child("--searching", str(index_dir), str(sidecar), "40", str(samples_file))
    prober = _child("--probing", str(index_dir), word, "60")
    _ready(searcher)
    _ready(prober)
    time.sleep(10)
    started_at, started = time.time(), time.perf_counter()
    backend.index([edited])
    commit_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    own = backend.search(SearchQuery(text=word, today=TODAY, loosen=False))
    own_ms = (time.perf_counter() - started) * 1000
    assert prober.stdout is not None
    found_at = json.loads(prober.stdout.readline())["found_at"]
    prober.wait()
    searcher.wait()
    samples = json.loads(samples_file.read_text())
    before = [ms for at, ms in samples if at < started_at]
    during = [ms for at, ms in samples if started_at <= at < started_at + 5]
    after = [ms for at, ms in samples if at >= started_at + 5]
    seen = "not seen in 10 s" if found_at is None else f"{found_at - started_at:5.2f} s"
    print(
        f"  edit: commit {commit_ms:6.0f} ms; this process's next search {own_ms:5.0f} ms "
        f"({'found' if own.hits else 'NOT FOUND'}); another process finds it after {seen}"
    )
    for label, part in (("before", before), ("first 5 s of", during), ("after", after)):
        if part:
            print(f"  a searching process {label:>13} the edit: {shown(part)}")


def new_worker(index_dir: Path, sidecar: Path) -> None:
    started = time.perf_counter()
    child = _child("--first", str(index_dir), str(sidecar))
    output, _ = child.communicate()
    wall = (time.perf_counter() - started) * 1000
    found = json.loads(output)
    print(
        f"  new worker: serving its first search {wall / 1000:5.2f} s after it was started "
        f"(Python and the search package {(wall - found['since_start_ms']) / 1000:4.2f} s, "
        f"open {found['open_ms']:4.0f} ms, first search {found['first_ms']:4.0f} ms)"
    )


def run(size: int, count: int, data: Path, rebuild: bool) -> None:
    index_dir, sidecar = data_paths(data, size)
    data.mkdir(parents=True, exist_ok=True)
    if rebuild or not sidecar.exists():
        meta = build(size, data)
        print(
            f"{size} listings built in {meta['build_s']} s "
            f"({meta['generate_s']} s of it generating them; {size / meta['build_s']:.0f} docs/s)"
        )
    meta = json.loads(sidecar.read_text())
    disk = sum(path.stat().st_size for path in index_dir.resolve().rglob("*") if path.is_file())
    print(f"{size} listings, index {disk / 2**20:,.0f} MB on disk (built in {meta['build_s']} s)")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    new_worker(index_dir, sidecar)
    print(shown_memory("before opening", memory(index_dir)))
    backend = TantivyBackend(index_dir)
    print(shown_memory("after opening", memory(index_dir)))
    nearby, national = postcode_queries(count, meta["venues"]), national_queries(count)
    timed(backend, nearby[:10] + national[:10])  # warm: first reads of the files
    print(f"  postcode-scoped   {shown(*timed(backend, nearby))}")
    print(f"  national + counts {shown(*timed(backend, national))}")
    browse = browse_queries(count // 2)
    print(f"  national browse   {shown(*timed(backend, browse))}  (a filter, no words)")
    searched = 2 * count + len(browse) + 20
    print(shown_memory(f"after {searched} searches", memory(index_dir)))
    timed(backend, postcode_queries(count * 2, meta["venues"])[count:])
    print(shown_memory(f"after {searched + count} searches", memory(index_dir)))
    edit_while_searching(backend, index_dir, sidecar, size)
    print(f"  load average {os.getloadavg()[0]:.1f}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=500_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--data", type=Path, default=Path("/tmp/signpost-scale"))
    parser.add_argument("--rebuild", action="store_true", help="build the index afresh")
    parser.add_argument("--build-only", action="store_true", help="build, measure nothing")
    parser.add_argument("--edit-only", action="store_true", help="measure only the edit")
    parser.add_argument("--first", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--searching", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--probing", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.first:
        first_search(Path(args.first[0]), Path(args.first[1]))
    elif args.searching:
        index_dir, venues, seconds, out = args.searching
        searching(Path(index_dir), Path(venues), float(seconds), Path(out))
    elif args.probing:
        probing(Path(args.probing[0]), args.probing[1], float(args.probing[2]))
    elif args.edit_only:
        index_dir, sidecar = data_paths(args.data, args.size)
        edit_while_searching(TantivyBackend(index_dir), index_dir, sidecar, args.size)
    elif args.build_only:
        args.data.mkdir(parents=True, exist_ok=True)
        meta = build(args.size, args.data)
        built = f"{args.size} listings built in {meta['build_s']} s"
        print(built, f"({meta['generate_s']} s of it generating them)")
    else:
        run(args.size, args.queries, args.data, args.rebuild)


if __name__ == "__main__":
    main()
