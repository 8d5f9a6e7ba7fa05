"""Start-up bench: how long a new worker takes to serve its first search, and where it goes.

    .venv/bin/python bench/startup.py [--runs 3] [--backend whoosh tantivy] [--no-preload]
        [--profile] [--memory SIZE [SIZE ...]] [--searches 500] [--dir DIR]

On the embedded setup (the SQLite database and index of ``make database``; for tantivy an
index of its own, built here if missing), each run is a fresh Python, as a worker is:

- in process: ``create_app`` from ``wsgi.py``, then one results page (``/find-support?q=``)
  through the test client: wall clock, CPU time, peak RSS, and the time of each stage
  (the council file, each reader build, the learnt model, the lexicons, ...; exclusive of
  the stages inside them), the median of ``--runs`` runs;
- gunicorn (``gunicorn.conf.py``, one sync worker; ``--no-preload`` turns its
  ``preload_app`` off, to compare): from its
  start to the first results page answered 200, then a worker killed (as a crash or
  ``max_requests`` ends one) and the time until its replacement answers a results page,
  and that worker's RSS.

``--profile`` prints cProfile's top functions (by CPU time) of one in-process start instead.
``--memory SIZE`` builds (or reuses, as ``bench/load.py`` does) a synthetic directory of
SIZE listings and prints one worker's RSS and PSS (its share of pages shared with the
master) after start (one template-only page served), after its first search and after
``--searches`` searches, and the master's RSS.

Goal (issue 22): a new worker serves its first search within 5 s of its start.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SEARCH = "/find-support?" + urllib.parse.urlencode({"q": "food bank near me"})
STAGES = (
    ("directory", "reader_key", "reader key (hash of the files)"),
    ("directory", "load_council", "council file"),
    ("directory.understanding", "load_safety_lines", "safety lines"),
    ("directory.understanding", "phrasebook_readers", "readers (cached or built)"),
    ("directory.understanding", "load_reader", "readers built (each language)"),
    ("directory.understanding", "real_words", "real words (wordfreq)"),
    ("directory.understanding", "danger_cues", "danger cues lexicon"),
    ("directory.understanding", "harm_words", "harm lexicon"),
    ("directory.understanding", "learnt_model", "learnt model"),
    ("directory.indexing", "open_backend", "search backend"),
)
"""Where start-up time goes: (module, function looked up there, label). A name a version
of the code does not have is skipped."""
TICKS = os.sysconf("SC_CLK_TCK")


class Stages:
    """Exclusive seconds per stage, wall clock and CPU: a stage's time less the stages
    called inside it (the wall clock includes waiting for a core on a busy machine)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._stack: list[list[float]] = []

    def wrap(self, label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._stack.append([0.0, 0.0])
            started, cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent = time.perf_counter() - started
                used = time.process_time() - cpu
                inner, inner_cpu = self._stack.pop()
                self.seconds[label] = self.seconds.get(label, 0.0) + spent - inner
                self.cpu[label] = self.cpu.get(label, 0.0) + used - inner_cpu
                self.calls[label] = self.calls.get(label, 0) + 1
                if self._stack:
                    self._stack[-1][0] += spent
                    self._stack[-1][1] += used

        return timed

    def install(self) -> None:
        import importlib

        for module_name, attribute, label in STAGES:
            module = importlib.import_module(module_name)
            if hasattr(module, attribute):
                setattr(module, attribute, self.wrap(label, getattr(module, attribute)))


def child() -> None:
    """One start, as a worker's: imports, ``create_app`` (wsgi.py), one results page."""
    wall0, cpu0 = time.perf_counter(), time.process_time()
    import directory  # noqa: F401  (the package and what it imports at the top)

    imported, imported_cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    stages = Stages()
    stages.install()
    started, cpu = time.perf_counter(), time.process_time()
    import wsgi

    created, created_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    response = wsgi.app.test_client().get(SEARCH)
    first, first_cpu = time.perf_counter() - started, time.process_time() - cpu
    if response.status_code != 200:
        raise SystemExit(f"the results page answered {response.status_code}")
    print(
        json.dumps(
            {
                "imports": imported,
                "imports_cpu": imported_cpu,
                "create_app": created,
                "create_app_cpu": created_cpu,
                "first_page": first,
                "first_page_cpu": first_cpu,
                "wall": time.perf_counter() - wall0,
                "cpu": time.process_time() - cpu0,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "stages": stages.seconds,
                "stages_cpu": stages.cpu,
                "calls": stages.calls,
            }
        )
    )


def in_process(environment: dict[str, str]) -> dict[str, Any]:
    """A fresh Python's start, with the whole process's wall clock and CPU from outside."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"the start failed:\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["process_wall"] = wall
    figures["process_cpu"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return figures


def profile(environment: dict[str, str]) -> None:
    """cProfile's view of one start (imports, create_app, first page)."""
    code = (
        "import cProfile, pstats, sys, time; sys.path.insert(0, '.');"
        "p = cProfile.Profile(time.process_time); p.enable();"
        "import wsgi; wsgi.app.test_client().get(" + repr(SEARCH) + ");"
        "p.disable(); pstats.Stats(p).sort_stats('cumulative').print_stats(60)"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, check=True)


@contextmanager
def gunicorn(
    environment: dict[str, str], preload: bool
) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """gunicorn with one sync worker on a free port, stopped after."""
    from load import free_port

    port = free_port()
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "--workers", "1", "--bind"]
    command += [f"127.0.0.1:{port}", "--access-logfile", "/dev/null"]
    if not preload:  # gunicorn.conf.py as it is, but each worker builds the app itself
        settings = ROOT / "instance" / "bench-startup" / "no-preload.conf.py"
        settings.parent.mkdir(parents=True, exist_ok=True)
        source = (ROOT / "gunicorn.conf.py").read_text()
        settings.write_text(f"{source}\npreload_app = False\n")
        command += ["--config", str(settings)]
    server = subprocess.Popen(
        [*command, "wsgi:app"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield server, port
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def answered(server: subprocess.Popen[bytes], port: int, address: str, limit: float) -> float:
    """Seconds until ``address`` answers 200 (polled); exits if gunicorn stops or is late."""
    from load import get

    started = time.perf_counter()
    while True:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped")
        try:
            if get(port, address)[0] == 200:
                return time.perf_counter() - started
        except OSError:
            pass
        if time.perf_counter() - started > limit:
            raise SystemExit(f"{address} did not answer within {limit:.0f} s")
        time.sleep(0.05)


def rss_mb(pid: int) -> float:
    return _proc_mb(Path(f"/proc/{pid}/status"), "VmRSS:")


def pss_mb(pid: int) -> float:
    """Proportional set size: pages shared with the master (or other workers) counted as
    a share of them, so workers' PSS add up to what they use together."""
    return _proc_mb(Path(f"/proc/{pid}/smaps_rollup"), "Pss:")


def _proc_mb(path: Path, name: str) -> float:
    for line in path.read_text().splitlines():
        if line.startswith(name):
            return int(line.split()[1]) / 1024
    return 0.0


def worker_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def under_gunicorn(environment: dict[str, str], preload: bool) -> dict[str, float]:
    """Start to first results page; a killed worker's replacement to its first one."""
    from load import workers_of

    with gunicorn(environment, preload) as (server, port):
        first = answered(server, port, SEARCH, 120)
        (worker,) = workers_of(server.pid)
        rss = rss_mb(worker)
        os.kill(worker, signal.SIGKILL)
        started = time.perf_counter()
        while True:
            fresh = [pid for pid in workers_of(server.pid) if pid != worker]
            if fresh:
                break
            time.sleep(0.01)
        respawned = time.perf_counter() - started
        replaced = respawned + answered(server, port, SEARCH, 120)
        return {
            "gunicorn_first": first,
            "replacement_first": replaced,
            "replacement_cpu": worker_cpu(fresh[0]),
            "worker_rss_mb": rss,
        }


def ensure_index(environment: dict[str, str]) -> None:
    """Build the backend's index for the embedded database if it has none."""
    index = Path(environment["SEARCH_INDEX_DIR"])
    if not index.exists() or not any(index.iterdir()):
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "flask"), "search", "rebuild"],
            cwd=ROOT,
            env=environment,
            check=True,
        )


def backend_environment(backend: str) -> dict[str, str]:
    environment = {**os.environ, "SEARCH_BACKEND": backend, "FLASK_APP": "wsgi.py"}
    if backend == "tantivy" and "SEARCH_INDEX_DIR" not in os.environ:
        environment["SEARCH_INDEX_DIR"] = str(ROOT / "instance" / "search-index-tantivy")
    environment.setdefault("SEARCH_INDEX_DIR", str(ROOT / "instance" / "search-index"))
    return environment


def report(backend: str, runs: list[dict[str, Any]], served: list[dict[str, float]]) -> None:
    def median(name: str, rows: list[dict[str, Any]]) -> float:
        return statistics.median(row[name] for row in rows)

    print(
        f"\n{backend}: median of {len(runs)} fresh starts (load average {os.getloadavg()[0]:.1f})"
    )
    print("  in process (wsgi.app, then one results page through the test client)")
    print(f"    {'':<38}{'wall s':>8}{'CPU s':>8}")
    whole = median("process_wall", runs), median("process_cpu", runs)
    print(f"    {'whole process':<38}{whole[0]:8.2f}{whole[1]:8.2f}")
    for name, label in (
        ("imports", "import directory"),
        ("create_app", "create_app (wsgi.py)"),
        ("first_page", "first results page"),
    ):
        print(f"    {label:<38}{median(name, runs):8.2f}{median(name + '_cpu', runs):8.2f}")
    print(f"    {'peak RSS':<38}{median('peak_rss_mb', runs):8.0f} MB")
    print("  stages of create_app (exclusive of the stages inside them)")
    labels = [label for _, _, label in STAGES if any(label in row["stages"] for row in runs)]
    for label in labels:
        seconds = statistics.median(row["stages"].get(label, 0.0) for row in runs)
        used = statistics.median(row["stages_cpu"].get(label, 0.0) for row in runs)
        calls = max(row["calls"].get(label, 0) for row in runs)
        print(f"    {label:<38}{seconds:8.2f}{used:8.2f}  ({calls} calls)")
    if served:
        print("  gunicorn, one sync worker")
        for name, label in (
            ("gunicorn_first", "start to first results page"),
            ("replacement_first", "killed worker to replacement's page"),
            ("replacement_cpu", "replacement worker's CPU by then"),
        ):
            print(f"    {label:<38}{median(name, served):8.2f} s")
        print(
            f"    {'worker RSS after its first page':<38}{median('worker_rss_mb', served):8.0f} MB"
        )


def memory(size: int, arguments: argparse.Namespace) -> None:
    """One worker's RSS after start, after its first search, after ``--searches``."""
    from load import QUERIES, get, prepare, workers_of
    from load import gunicorn as load_gunicorn

    folder = (arguments.dir or ROOT / "instance" / "bench-load").resolve() / str(size)
    backend = os.environ.get("SEARCH_BACKEND", "whoosh")
    print(f"\n{size:,} listings ({folder}), SEARCH_BACKEND={backend}")
    prepare(size, folder, 7)
    from load import free_port

    rng = random.Random(7)
    with load_gunicorn(folder, free_port(), 1) as master:
        (worker,) = workers_of(master)
        port = _port_of(master)
        rows = [("after start (one template-only page)", rss_mb(worker), pss_mb(worker))]
        get(port, "/find-support?q=food+bank")
        rows.append(("after its first search", rss_mb(worker), pss_mb(worker)))
        for n in range(arguments.searches):
            words = rng.choice(QUERIES)
            get(port, "/find-support?" + urllib.parse.urlencode({"q": words, "page": 1 + n % 3}))
        rows.append((f"after {arguments.searches} searches", rss_mb(worker), pss_mb(worker)))
        master_rss = rss_mb(master)
    print(f"  {'one worker':<42}{'RSS MB':>8}{'PSS MB':>8}")
    for label, rss, pss in rows:
        print(f"  {label:<42}{rss:8.0f}{pss:8.0f}")
    print(f"  {'the master (RSS)':<42}{master_rss:8.0f}")


def _port_of(master: int) -> int:
    """The port gunicorn (``master``) listens on, from its command line."""
    command = Path(f"/proc/{master}/cmdline").read_bytes().split(b"\0")
    bind = command[command.index(b"--bind") + 1].decode()
    return int(bind.rsplit(":", 1)[1])


def main() -> None:
    if sys.argv[1:] == ["--child"]:
        child()
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--backend", nargs="+", default=["whoosh", "tantivy"])
    parser.add_argument(
        "--no-preload", action="store_true", help="gunicorn.conf.py with preload_app off"
    )
    parser.add_argument("--no-gunicorn", action="store_true", help="in process only")
    parser.add_argument("--profile", action="store_true", help="cProfile one start")
    parser.add_argument("--memory", nargs="*", type=int, default=[], metavar="SIZE")
    parser.add_argument("--searches", type=int, default=500)
    parser.add_argument("--dir", type=Path, help="where bench/load.py keeps its directories")
    arguments = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    if arguments.memory:
        for size in arguments.memory:
            memory(size, arguments)
        return
    for backend in arguments.backend:
        environment = backend_environment(backend)
        ensure_index(environment)
        if arguments.profile:
            profile(environment)
            continue
        runs = [in_process(environment) for _ in range(arguments.runs)]
        preload = not arguments.no_preload
        served = (
            []
            if arguments.no_gunicorn
            else [under_gunicorn(environment, preload) for _ in range(arguments.runs)]
        )
        report(backend, runs, served)


if __name__ == "__main__":
    main()
