"""Languages benchmark: how far each language goes, and what right to left costs.

For each language with a catalogue it prints:

- catalogue coverage: messages translated (every plural form, not fuzzy) of all messages;
- phrasebook reach: the share of the relevance set's needs (tests/fixtures/relevance/
  families.toml) that the language's own phrasebook reaches, through a need entry or a
  danger whose services meet it;
- page weight: the gzip bytes of the same results page (a topic, a search in the
  language's words and the safety panel) against the English page.

And what right to left costs: the gzip bytes of the stylesheet's ``[dir=rtl]`` rules
against the whole stylesheet, which every page loads (budget: 5%).

    .venv/bin/python bench/languages.py
"""

from __future__ import annotations

import gzip
import re
import sys
import tomllib
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from babel.messages.pofile import read_po
from flask_babel import refresh

from bench.relevance import demo_app, load_cases
from directory.config import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "translations"
PHRASEBOOKS = PROJECT_ROOT / "councils" / "phrasebooks"
DIST = PROJECT_ROOT / "static" / "dist"
OWN_WORDS = {
    "en": "my partner hits me",
    "pl": "przemoc domowa",
    "ur": "گھریلو تشدد",
    "pa": "ਘਰੇਲੂ ਹਿੰਸਾ",
}
RTL_BUDGET = 0.05


def coverage(language: str) -> tuple[int, int]:
    """(translated, total) messages of a language's catalogue."""
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as file:
        catalogue = read_po(file, locale=language)
    messages = [m for m in catalogue if m.id]
    done = [
        m
        for m in messages
        if not m.fuzzy and all(m.string if isinstance(m.string, tuple) else (m.string,))
    ]
    return len(done), len(messages)


def phrasebook_reach(language: str, wanted: set[str]) -> float:
    """Share of ``wanted`` needs the language's own phrasebook points at."""
    book = tomllib.loads((PHRASEBOOKS / f"{language}.toml").read_text(encoding="utf-8"))
    reached = {code for code, entry in book.get("needs", {}).items() if entry.get("phrases")}
    for entry in book.get("dangers", {}).values():
        if entry.get("phrases"):
            reached.update(entry.get("needs", []))
    return len(reached & wanted) / len(wanted)


def page_bytes(client, path: str) -> int:  # type: ignore[no-untyped-def]
    """The page as sent to a browser accepting only gzip.

    ``demo_app`` holds an app context open, which each request shares; Flask-Babel keeps
    the locale there, so it is forgotten before each request (as a new context would)."""
    refresh()
    response = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200, path
    body = response.get_data()
    return (
        len(body)
        if response.headers.get("Content-Encoding") == "gzip"
        else len(gzip.compress(body))
    )


def rtl_stylesheet_cost() -> tuple[int, int]:
    """(gzip bytes of the [dir=rtl] rules, gzip bytes of the whole stylesheet)."""
    sheet = max(DIST.glob("dudley.*.css"), key=lambda p: p.stat().st_mtime).read_text()
    rules = "".join(re.findall(r'\[dir=(?:"?rtl"?)\][^{]*\{[^}]*\}', sheet))
    whole = len(gzip.compress(sheet.encode(), 9))
    without = len(gzip.compress(sheet.replace(rules, "").encode(), 9)) if rules else whole
    return whole - without, whole


def main() -> None:
    languages = sorted(p.name for p in TRANSLATIONS.iterdir() if (p / "LC_MESSAGES").is_dir())
    wanted = {need for case in load_cases() for need in case.needs}
    with demo_app(None) as app:
        client = app.test_client()
        weights = {}
        for language in ["en", *languages]:
            words = quote(OWN_WORDS.get(language, OWN_WORDS["en"]))
            weights[language] = (
                page_bytes(client, f"/find-support?need=food&lang={language}"),
                page_bytes(client, f"/find-support?q={words}&lang={language}"),
            )
    print(
        f"{'language':<9}{'catalogue':>18}{'phrasebook reach':>18}"
        f"{'food topic':>20}{'safety search':>22}"
    )
    english = weights["en"]
    print(f"{'en':<9}{'source':>18}{'-':>18}{english[0]:>12,} bytes{english[1]:>14,} bytes")
    for language in languages:
        done, total = coverage(language)
        reach = (
            phrasebook_reach(language, wanted)
            if (PHRASEBOOKS / f"{language}.toml").exists()
            else 0.0
        )
        topic, safety = weights[language]
        print(
            f"{language:<9}{f'{done}/{total} ({done / total:.0%})':>18}{reach:>18.0%}"
            f"{topic:>10,} ({topic / english[0] - 1:+.1%})"
            f"{safety:>12,} ({safety / english[1] - 1:+.1%})"
        )
    rtl, whole = rtl_stylesheet_cost()
    verdict = "within" if rtl <= RTL_BUDGET * whole else "OVER"
    print(
        f"right to left: [dir=rtl] rules {rtl:,} of {whole:,} stylesheet gzip bytes "
        f"({rtl / whole:.1%}, {verdict} the {RTL_BUDGET:.0%} budget)"
    )


if __name__ == "__main__":
    main()
