"""``flask search explain "words"``: how a query was read, and why its top results rank so."""

from __future__ import annotations

from datetime import datetime

import click
from flask import current_app
from flask.cli import with_appcontext

from directory.council import Council
from directory.extensions import db
from directory.finding.request import SearchRequest, build_query
from directory.forms.search import parse_search_args
from directory.indexing import site_search
from directory.indexing.documents import service_document
from directory.queries.indexing import indexable_listings
from directory.queries.services import practitioner_services_by_id, public_services_by_id
from directory.review import listing_overdue
from directory.safety import SafetyLines, cued_dangers
from directory.understanding import concept_label
from search.engine import DANGER_LEADS
from search.explaining import reasons
from search.query import plan_text
from search.understanding import Concept, QueryReader, Reading


@click.command("explain")
@click.argument("words")
@click.option("--top", default=10, show_default=True, help="How many results to explain.")
@click.option(
    "--practitioners",
    is_flag=True,
    help="Search at the practitioners' door: levels and places read from the words filter.",
)
@click.option(
    "--language",
    default="en",
    show_default=True,
    help="Read as the page in this language does (pl, ur, pa): its phrasebook and glosses.",
)
@with_appcontext
def explain_command(words: str, top: int, practitioners: bool, language: str) -> None:
    """Print how WORDS are read (needs, ages, times, safety, levels and places) and why the
    top results rank."""
    council: Council = current_app.extensions["council"]
    readers: dict[str, QueryReader] = current_app.extensions["query_readers"]
    if language not in readers:
        raise click.BadParameter(
            f"no phrasebook for {language!r}; one of {', '.join(sorted(readers))}",
            param_hint="--language",
        )
    reader = readers[language]
    safety: SafetyLines = current_app.extensions["safety_lines"]
    now = datetime.now()
    wanted = parse_search_args({"q": [words]}, council, practitioners)
    query = build_query(wanted, council, now, reader=reader, for_practitioners=practitioners)
    results = site_search().search(query)
    reading = results.reading
    echo = click.echo
    echo(f"Words: {query.text}")
    glossed = reader.gloss(query.text)
    if glossed != query.text:
        echo(f"Glossed as: {glossed} (the words a listing's text is matched with)")
    _explain_words_read(wanted, council, practitioners)
    if reading is None or not reading.concepts:
        echo("Read as: nothing the phrasebook knows; searched as keywords only.")
    else:
        echo("Read as:")
        for concept in reading.concepts:
            label = concept_label(concept, council, safety)
            if concept.learnt:
                echo(f"  {label} [{concept.key}] {_learnt(reader, glossed, concept)}")
                continue
            said = concept.evidence or " ".join(dict.fromkeys(w for w in concept.words))
            notes = [concept.strength]
            if concept.weakened_by:
                word, _, phrases = concept.weakened_by.partition(" (not ")
                notes.append(
                    f"weak: '{word}' only shares its stem with '{phrases[:-1]}': "
                    "ranks, never chooses"
                    if phrases
                    else f"weak after '{word}': ranks, never chooses"
                )
            if concept.priority:
                notes.append("its listings come first")
            echo(f"  {label} [{concept.key}] evidence '{said}' ({'; '.join(notes)})")
    for concept in reading.quiet if reading is not None else ():
        label = concept_label(concept, council, safety)
        echo(f"Learnt alarm: {label} [{concept.key}] {_learnt(reader, glossed, concept, True)}")
    _explain_harm(reading, safety)
    if reading is not None and reading.asker is not None:
        whom = {
            "child": "a child of theirs",
            "young": "themselves, a young person",
        }.get(reading.asker.who, "themselves, an adult")
        echo(f"Asking for: {whom}, from '{reading.asker.evidence}'")
    if reading and reading.corrections:
        fixes = ", ".join(f"{typed} -> {meant}" for typed, meant in reading.corrections)
        echo(f"Typos read as: {fixes}")
    plan = plan_text(glossed, reader.quiet_words)
    searched = [" ".join(group.words) for group in plan.groups]
    echo(f"Words searched as text: {', '.join(searched) or 'none'}")
    panel = safety.panel(reading.dangers if reading else ())
    if panel:
        for danger in panel:
            lines = "; ".join(f"{line.name} {line.phone or line.text}" for line in danger.lines)
            echo(f"Safety panel: {danger.label}: 999; {lines}")
    else:
        echo("Safety panel: not shown (no danger signalled).")
    strip = safety.strip(cued_dangers(reading, reading.dangers if reading else ()), [words])
    if strip is not None:
        danger, line = strip
        echo(f"Danger strip: {danger.label}: 999; {line.name} {line.phone or line.text}")
    if results.danger_only:
        echo(f"Nothing found as asked meets {results.danger_only}: showing its listings instead.")
    if results.widened and results.widened.guessed:
        echo(
            f"Nothing matched the words or a reading: loosened to the likeliest need, "
            f"{results.widened.guessed} (learnt, weak)."
        )
    _explain_hits(results, query, top, now)


def _learnt(reader: QueryReader, text: str, concept: Concept, quiet: bool = False) -> str:
    """A learnt reading's evidence: its probability and the n-grams that weighed most, and
    of a danger, the alarm's band (``quiet``: band 2) and its threshold."""
    learnt = reader.learnt
    grams = learnt.model.explain(text, concept.code, danger=concept.priority) if learnt else ()
    if not concept.priority:
        does = "weak: ranks, never chooses"
        probability = f"p={concept.learnt:.2f}"
    elif quiet:
        least = learnt.band_least if learnt else float("inf")
        does = (
            f"alarm band 2, from {least:g}: the danger strip; one of its listings first, "
            "the rest in their order without it"
        )
        probability = f"alarm p={concept.learnt:.4f}"
    else:
        least = learnt.alarm_least if learnt else float("inf")
        does = (
            f"alarm band 1, from {least:g}: the danger strip, never the panel; its listings first"
        )
        probability = f"alarm p={concept.learnt:.4f}"
    return f"learnt evidence {probability} from {', '.join(grams) or 'no n-gram'} ({does})"


def _explain_harm(reading: Reading | None, safety: SafetyLines) -> None:
    """Harm read by co-occurrence: the words found, their classes and the grade."""
    if reading is None:
        return
    if not reading.harm:
        click.echo("Harm words read together: none.")
        return
    click.echo("Harm words read together:")
    for finding in reading.harm:
        danger = safety.dangers.get(finding.danger)
        label = danger.label if danger else finding.danger
        shows = "the safety panel" if finding.strong else "the danger strip"
        click.echo(f"  {label} [{finding.danger}] {finding.grade} ({shows}): {finding.describe()}")


def _explain_words_read(wanted: SearchRequest, council: Council, practitioners: bool) -> None:
    """The levels and places read from the words, and what each does at this door."""
    for read in wanted.read:
        if read.param == "level":
            term = council.term("level", read.code)
            name, does = (term.label if term else read.code), "filters to this level"
        else:
            locality = council.locality(read.code)
            name = locality.name if locality else read.code
            does = "filters to this locality" if practitioners else "ranks its services first"
        click.echo(f"  '{read.said}' read as {read.param} {name} [{read.key}]: {does}")


def _placed(ahead: int, danger: str, number: int, fit: int = 0, loosened: bool = True) -> str:
    """What meeting a danger did to a result's place, as it actually ranks: ahead of the
    rest, ahead but after the danger's listings for whose danger it is, or by its score
    alone (the listings ranked first are those whose set needs meet the danger, and this
    one's are only inferred from its text; it meets a danger other than the leading one; or
    only the danger's best :data:`search.engine.DANGER_LEADS` listings lead); and, ahead,
    how it fits the danger (:attr:`search.results.SearchHit.fit`)."""
    how = "its needs as set" if danger == "stated" else "needs inferred from its text"
    fits = [
        said
        for bit, said in (
            (16, "its own words speak of the danger"),
            (8, "its own words are not about another danger's help, unsignalled"),
            (4, "it meets the other needs asked for"),
            (2, "for whose danger it is"),
            (1, "its words are most about the danger's needs"),
        )
        if fit & bit
    ]
    fitting = f"; fits it: {', '.join(fits)}" if fits else ""
    if ahead == 2:
        return (
            f"at {number}, ahead of every listing not meeting the danger: meets it ({how}){fitting}"
        )
    if ahead == 1:
        return (
            f"at {number}, ahead of listings not meeting the danger: meets it ({how}), but"
            f" after its listings for whose danger it is{fitting}"
        )
    if danger == "inferred":
        return (
            f"at {number} by its score, not ahead: meets the danger only by needs inferred"
            " from its text, and listings whose set needs meet it come first"
        )
    if danger == "other":
        return f"at {number} by its score: meets a danger, not the leading one"
    if danger == "stated" and loosened:
        return (
            f"at {number} by its score: meets the danger, but only its best {DANGER_LEADS}"
            " listings lead"
        )
    if danger == "stated":
        return f"at {number} by its score: meets the danger, but the search was not loosened"
    return ""


def _explain_hits(results, query, top: int, now: datetime) -> None:  # type: ignore[no-untyped-def]
    hits = results.hits[:top]
    click.echo(f"Top {len(hits)} of {results.total} results:")
    by_id = (
        practitioner_services_by_id
        if query.filters.practitioner_only_too
        else public_services_by_id
    )
    services = by_id([hit.id for hit in hits], now.date())
    listings = {listing.id: listing for listing in indexable_listings(db.session(), list(services))}
    concepts = results.reading.concepts if results.reading else ()
    groups = plan_text(query.text, query.reader.quiet_words).groups
    asker = results.reading.asker if results.reading else None
    for number, hit in enumerate(hits, start=1):
        service, listing = services.get(hit.id), listings.get(hit.id)
        if service is None or listing is None:
            continue
        months = current_app.extensions["council"].staff.review_interval_months
        document = service_document(listing, now.date(), months, query.reader)
        why = reasons(document, concepts, groups, asker)
        parts = [
            f"meets {', '.join(why.meets)}" if why.meets else "meets nothing read",
            f"words {', '.join(why.words)}" if why.words else "no words",
        ]
        if document.inferred_needs:
            parts.append(f"needs inferred from its text: {', '.join(document.inferred_needs)}")
        if why.about:
            parts.append(f"its own words are about {why.about}")
        if why.phrases:
            parts.append(f"its own words say {', '.join(why.phrases)}")
        if why.audience_inferred:
            parts.append(f"whom it is for inferred from its words: '{why.audience_inferred}'")
        if why.for_someone_else:
            parts.append(f"for {why.for_someone_else}: ranked lower for this asker")
        placed = _placed(hit.ahead, why.danger, number, hit.fit, query.loosen)
        if hit.id == results.beside:
            placed = f"at {number}: the family's support beside the danger's leading listings"
        if placed:
            parts.append(placed)
        if listing_overdue(service, now.date(), current_app.extensions["council"]):
            parts.append("overdue for a check: ranked lower")
        click.echo(f"{number:3}. {hit.score:5.2f}  {service.name}  ({'; '.join(parts)})")
    db.session.remove()
