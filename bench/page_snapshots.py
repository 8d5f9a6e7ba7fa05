"""Results pages drawn now against pages drawn before a change: the same HTML, byte for byte.

Renders a broad set of results pages in-process from the synthetic directory
``bench/load.py`` keeps (family and practitioners' doors; English, Polish, Urdu and
Punjabi; keyword searches, needs and a locality, a postcode, filters, a later page, a
search that finds nothing) at one fixed moment, so the opening times on the cards do not
move between runs. ``write DIR`` keeps each page in ``DIR`` with the moment it was drawn at;
``compare DIR`` draws the same pages at that moment and reports every page that differs
(exit status 1 if any does). The only parts taken out before keeping or comparing are
those that differ between any two requests: CSRF tokens and the CSP nonce.

    .venv/bin/python bench/page_snapshots.py write DIR    # on the code before a change
    .venv/bin/python bench/page_snapshots.py compare DIR  # on the code after it
        [--size 10000] [--dir DIR] [--seed 7]
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import random
import re
import sys
import urllib.parse
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import sqlalchemy as sa  # noqa: E402
from load import prepare  # noqa: E402
from page_profile import _sign_in  # noqa: E402
from pages import QUERIES, build_app  # noqa: E402

import directory.views.find as find_view  # noqa: E402
from directory.extensions import db  # noqa: E402
from directory.models import Location  # noqa: E402

LOCALES = ("", "pl", "ur", "pa")
"""The page's language by ``lang=`` ("" for none: English)."""
VARYING = (
    (re.compile(r'(name="csrf_token"[^>]*value=")[^"]+'), r"\1TOKEN"),
    (re.compile(r'(nonce=")[^"]+'), r"\1NONCE"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("write", "compare"))
    parser.add_argument("folder", type=Path, help="where the pages are kept")
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--dir", type=Path, help="where bench/load.py keeps its directories")
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    source = (arguments.dir or ROOT / "instance" / "bench-load").resolve() / str(arguments.size)
    codes = prepare(arguments.size, source, arguments.seed)
    kept = arguments.folder
    if arguments.mode == "write":
        moment = datetime.combine(date.today(), datetime.min.time()).replace(hour=10, minute=30)
    else:
        moment = datetime.fromisoformat(json.loads((kept / "moment.json").read_text())["moment"])
    _freeze(moment)
    app = build_app(source)
    with app.app_context():
        postcodes = _postcodes(random.Random(arguments.seed))
    family, practitioner = app.test_client(), app.test_client()
    _sign_in(practitioner)
    drawn = {}
    for address, is_practitioner in _addresses(codes, postcodes, random.Random(arguments.seed)):
        client = practitioner if is_practitioner else family
        response = client.get(address)
        if response.status_code != 200:
            raise SystemExit(f"{address} answered {response.status_code}")
        drawn[address] = _steady(response.get_data(as_text=True))
    if arguments.mode == "write":
        kept.mkdir(parents=True, exist_ok=True)
        (kept / "moment.json").write_text(json.dumps({"moment": moment.isoformat()}))
        for address, html in drawn.items():
            (kept / _file_name(address)).write_text(html, encoding="utf-8")
        print(f"kept {len(drawn)} pages drawn at {moment} in {kept}")
        return
    differ = 0
    for address, html in drawn.items():
        before = (kept / _file_name(address)).read_text(encoding="utf-8")
        if before != html:
            differ += 1
            print(f"DIFFERS: {address}")
            diff = difflib.unified_diff(before.splitlines(), html.splitlines(), lineterm="", n=1)
            print("\n".join(list(diff)[:40]))
    print(f"{len(drawn) - differ} of {len(drawn)} pages the same, byte for byte")
    raise SystemExit(1 if differ else 0)


def _freeze(moment: datetime) -> None:
    """The results pages' clock stopped at ``moment`` (they read it in one place)."""

    class Stopped(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
            return moment

    class Today(date):
        @classmethod
        def today(cls):  # type: ignore[no-untyped-def, override]
            return moment.date()

    find_view.datetime = Stopped  # type: ignore[misc]
    find_view.date = Today  # type: ignore[misc]


def _postcodes(rng: random.Random) -> list[str]:
    """A few postcodes of the directory's venues: searches near them find listings."""
    found = db.session.scalars(
        sa.select(Location.postal_code).where(Location.postal_code != "").distinct().limit(200)
    ).all()
    return rng.sample(sorted(code for code in found if code), 3)


def _addresses(
    codes: dict[str, list[str]], postcodes: list[str], rng: random.Random
) -> list[tuple[str, bool]]:
    """(address, practitioner's door) for every page drawn, in every language."""
    plans: list[dict[str, object]] = []
    for words in QUERIES[:6]:
        plans.append({"q": words})
    plans.append({"q": "zzqx nothing matches this"})
    plans.append({"q": QUERIES[0], "page": 2})
    for postcode in postcodes:
        plans.append({"q": rng.choice(QUERIES), "postcode": postcode})
        plans.append({"postcode": postcode, "sort": "nearest"})
    for _ in range(4):
        plans.append(
            {"need": rng.sample(codes["needs"], 3), "locality": rng.choice(codes["localities"])}
        )
    plans.append({"need": rng.sample(codes["needs"], 2), "postcode": postcodes[0], "free": "yes"})
    plans.append({"q": QUERIES[2], "age": "3", "day": ["MO", "SA"], "funded_hours": "yes"})
    plans.append({"q": QUERIES[1], "need": codes["needs"][0], "page": 2})
    addresses = []
    for plan in plans:
        for locale in LOCALES:
            query = urllib.parse.urlencode({**plan, **({"lang": locale} if locale else {})}, True)
            addresses.append((f"/find-support?{query}", False))
            addresses.append((f"/practitioners?{query}", True))
    return addresses


def _steady(html: str) -> str:
    for pattern, replacement in VARYING:
        html = pattern.sub(replacement, html)
    return html


def _file_name(address: str) -> str:
    return hashlib.sha1(address.encode()).hexdigest()[:16] + ".html"


if __name__ == "__main__":
    main()
