"""A Whoosh snapshot's vectorised scoring ranks exactly as the plain dictionaries did.

``WhooshSnapshot.term_arrays`` decodes a term's postings blocks whole into arrays and
:func:`search.matching._group_arrays` scores them vectorised. Held here to a plain reference
over the same index (several segments, replaced and removed listings): each term's weights
walked one posting at a time through Whoosh's matcher, normalised with
:func:`search.scoring.field_weights`, summed with :func:`search.scoring.sum_fields`, and a
group scored by the dictionary path (:func:`search.matching._group_scores` on a view with no
arrays). For random queries, with and without a reader (so through
:func:`search.meaning.score_meaning` too), the pages hold the same ids in the same order
with the same scores, to the last bit.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Iterable, Mapping, Set

import pytest

import search.engine as engine
from search import Filters, SearchQuery, WhooshBackend
from search.engine import search
from search.indexing import TEXT_FIELDS
from search.matching import _group_scores
from search.query import plan_text
from search.scoring import field_weights, sum_fields
from search.understanding import QueryReader
from search.view import DocInfo
from search.whoosh_view import WhooshSnapshot
from tests.search.search_factories import DUDLEY, TODAY, make_doc
from tests.search.test_parity import WORDS, generated
from tests.search.test_understanding import reader

READER: QueryReader = reader()
PHRASES = (
    "food bank", "cant afford", "cannabis", "speech delay", "toddler", "teenager", "weekend",
    "after school", "free", "hits me", "pantry", "feed my kids", "we argue",
)  # fmt: skip
"""Phrases the test reader reads as needs, ages, times, cost, kinds and dangers."""


class PlainView:
    """The snapshot seen through dictionaries only: no arrays, nothing remembered."""

    def __init__(self, snapshot: WhooshSnapshot) -> None:
        self._snapshot = snapshot

    def all_docs(self) -> Set[int]:
        return self._snapshot.all_docs()

    def postings(self, field: str, term: str) -> Set[int]:
        return self._snapshot.postings(field, term)

    def bits(self, field: str, term: str) -> int:
        return self._snapshot.bits(field, term)

    def terms(self, field: str) -> Iterable[str]:
        return self._snapshot.terms(field)

    def info(self, doc: int) -> DocInfo:
        return self._snapshot.info(doc)

    def vocabulary(self) -> Mapping[str, int]:
        return self._snapshot.vocabulary()

    def term_weights(self, token: str) -> Mapping[int, float]:
        return sum_fields(_walked(self._snapshot, field, token) for field in TEXT_FIELDS)


def _walked(snapshot: WhooshSnapshot, field: str, token: str) -> dict[int, float]:
    """One field's weights, Whoosh's matcher walked a posting at a time (deleted
    documents skipped by the reader's own filter)."""
    reader_ = snapshot._searcher.reader()
    if (field, token) not in reader_:
        return {}
    matcher = reader_.postings(field, token)
    postings = []
    while matcher.is_active():
        postings.append((matcher.id(), matcher.weight()))
        matcher.next()
    return field_weights(postings, snapshot._lengths[field], snapshot._average_lengths[field])


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Iterable[WhooshSnapshot]:
    documents = generated(400, seed=23)
    # Listings using the test reader's phrases, so its concepts find words and needs.
    rng = random.Random(5)
    documents += [
        make_doc(
            f"phrase-{n}",
            f"{rng.choice(PHRASES).title()} {rng.choice(WORDS)}",
            description=" ".join(rng.choices([*WORDS, *PHRASES], k=rng.randint(4, 40))),
            need_codes=(rng.choice(("food", "money-and-debt", "substance-use", "send")),),
            points=((DUDLEY[0] + rng.uniform(-5e3, 5e3), DUDLEY[1] + rng.uniform(-5e3, 5e3)),),
            assured_date=f"2026-{rng.randint(1, 11):02d}-01",
        )
        for n in range(150)
    ]
    backend = WhooshBackend.create(tmp_path_factory.mktemp("arrays") / "index", documents)
    # More segments, deleted postings in the first, a listing removed.
    backend.index(
        make_doc(f"svc-{n:03d}", f"Toddler club {n}", description="food bank weekly")
        for n in range(0, 60, 4)
    )
    backend.remove([f"svc-{n:03d}" for n in range(101, 160, 3)])
    backend.index(make_doc(f"late-{n}", "Late toddler playgroup") for n in range(12))
    snapshot = backend._fresh_snapshot()
    assert len(list(snapshot._searcher.reader().leaf_readers())) > 1
    yield snapshot
    backend.close()  # and the snapshot it holds


def _random_text(rng: random.Random) -> str:
    words = [
        rng.choice(PHRASES) if rng.random() < 0.3 else rng.choice(WORDS)
        for _ in range(rng.randint(1, 4))
    ]
    if rng.random() < 0.15:  # a misspelling, corrected or loosened
        word = rng.choice(WORDS)
        words.append(word[:-1] + "x" if len(word) > 4 else word)
    return " ".join(words)


def test_term_weights_are_the_matcher_walk_summed(snapshot: WhooshSnapshot) -> None:
    plain = PlainView(snapshot)
    lexicon = {
        term.decode()
        for field in TEXT_FIELDS
        for term in snapshot._searcher.reader().lexicon(field)
    }
    assert len(lexicon) > 40
    for token in sorted(lexicon):
        docs, weights = snapshot.term_arrays(token)
        assert list(docs) == sorted(docs)
        assert dict(zip(docs.tolist(), weights.tolist(), strict=True)) == plain.term_weights(token)
        assert snapshot.term_weights(token) == plain.term_weights(token)


@pytest.mark.parametrize("seed", range(4))
def test_group_scores_are_the_plain_ones(snapshot: WhooshSnapshot, seed: int) -> None:
    rng = random.Random(seed)
    plain = PlainView(snapshot)
    checked = 0
    for _ in range(60):
        for group in plan_text(_random_text(rng)).groups:
            fast = _group_scores(snapshot, group)
            assert fast == _group_scores(plain, group), group
            checked += len(group.alternatives) > 1  # synonyms: the best alternative
    assert checked


@pytest.mark.parametrize("seed", range(6))
def test_random_searches_rank_exactly_as_the_plain_path(
    snapshot: WhooshSnapshot, seed: int
) -> None:
    rng = random.Random(100 + seed)
    plain = PlainView(snapshot)
    found_any = 0
    for _ in range(25):
        text = _random_text(rng)
        filters = rng.choice(
            [Filters(), Filters(free_only=True), Filters(needs=("food",)), Filters(age=3)]
        )
        placed = rng.random() < 0.3
        asked = SearchQuery(
            text=text,
            filters=filters,
            today=TODAY,
            reader=READER if rng.random() < 0.7 else None,
            origin=DUDLEY if placed else None,
            radius_m=rng.choice([None, 4_000.0]) if placed else None,
            page_size=rng.choice([5, 20, 60]),
        )
        fast, slow = search(snapshot, asked), search(plain, asked)  # type: ignore[arg-type]
        assert [(hit.id, hit.score) for hit in fast.hits] == [
            (hit.id, hit.score) for hit in slow.hits
        ], text
        assert (fast.total, fast.suggestion, fast.facets) == (
            slow.total,
            slow.suggestion,
            slow.facets,
        )
        found_any += bool(fast.hits)
    assert found_any > 10


@pytest.mark.parametrize("seed", range(5))
def test_the_cuts_choose_as_a_heap_did(seed: int) -> None:
    """:func:`search.engine._within_reach` and ``_best`` pick by a partial sort what the
    Python heap picked: the same listings in the same order, ties at the cut included."""
    rng = random.Random(seed)
    for _ in range(200):
        docs = rng.sample(range(5000), rng.randint(1, 400))
        # Few distinct values: many ties, at the cut too.
        relevance = {doc: rng.choice([0.0, 0.1, 0.25, rng.random()]) for doc in docs}
        count = rng.randint(1, 450)
        most = rng.choice([1.0, 1.2])
        if len(docs) > count:
            kth = heapq.nlargest(count, map(relevance.__getitem__, docs))[-1]
            least, most_blend = engine.BLEND_RANGE
            floor = kth * least / (most_blend * most) * (1 - engine.REACH_MARGIN)
            expected = [doc for doc in docs if relevance[doc] >= floor]
        else:
            expected = docs
        assert engine._within_reach(relevance, docs, count, most) == expected
        exact = {doc: value * rng.uniform(1.0, most) for doc, value in relevance.items()}
        needed = rng.randint(0, count)
        if len(docs) > count:
            last = heapq.nlargest(count, (relevance[doc] for doc in docs))[-1]
            chosen = [doc for doc in docs if relevance[doc] >= last]
            if most > 1.0 and needed > 0:
                bar = heapq.nlargest(needed, map(exact.__getitem__, chosen))[-1] * (1 - 1e-9)
                chosen += [
                    doc for doc in docs if last > relevance[doc] and relevance[doc] * most >= bar
                ]
        else:
            chosen = docs
        assert engine._best(relevance, docs, count, needed, most, exact.__getitem__) == chosen
