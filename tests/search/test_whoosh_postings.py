"""A term's postings read a block at a time give what walking Whoosh's matcher gives.

``WhooshSnapshot._weigh_term`` decodes the blocks of Whoosh's segment matcher whole instead
of asking the reader's matcher (segments, deletions) one posting at a time: held here to
the matcher walk for every term of every text field, on an index of several segments with
replaced and removed listings and terms of more than one block of postings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from search import WhooshBackend, whoosh_view
from search.indexing import TEXT_FIELDS
from search.scoring import field_weights, sum_fields
from search.whoosh_view import WhooshSnapshot, _reads_blocks
from tests.search.search_factories import directory, make_doc

MANY = 300
"""Listings sharing one word: more than one block of postings (Whoosh's blocks hold 128)."""


def _walked(snapshot: WhooshSnapshot, field: str, token: str) -> dict[int, float]:
    """The weights as the matcher walk gave them before."""
    reader = snapshot._searcher.reader()
    if (field, token) not in reader:
        return {}
    matcher = reader.postings(field, token)
    postings = []
    while matcher.is_active():
        postings.append((matcher.id(), matcher.weight()))
        matcher.next()
    return field_weights(postings, snapshot._lengths[field], snapshot._average_lengths[field])


def _changed_index(tmp_path: Path) -> WhooshBackend:
    """Several segments: a first one, listings replaced (their old postings deleted but still
    in the first segment) and removed, and a batch added later."""
    crowd = [
        make_doc(f"crowd-{n}", f"Playgroup {n}", description="toddler " * (1 + n % 4))
        for n in range(MANY)
    ]
    backend = WhooshBackend.create(tmp_path / "index", [*directory(), *crowd])
    backend.index(
        make_doc(f"crowd-{n}", f"Toddler club {n}", description="singing") for n in range(0, 40, 3)
    )
    backend.remove([f"crowd-{n}" for n in range(100, 180, 2)] + ["family-centre"])
    backend.index(make_doc(f"late-{n}", "Late toddler playgroup") for n in range(20))
    return backend


def test_block_reads_match_the_matcher_walk_for_every_term(tmp_path: Path) -> None:
    backend = _changed_index(tmp_path)
    snapshot = backend._fresh_snapshot()
    reader = snapshot._searcher.reader()
    segments = list(reader.leaf_readers())
    assert len(segments) > 1
    assert any(segment.has_deletions() for segment, _ in segments)
    checked = 0
    for field in TEXT_FIELDS:
        for token in {term.decode() for term in reader.lexicon(field)}:
            docs, weights = snapshot._weigh_term(field, token)
            read = dict(zip(docs.tolist(), weights.tolist(), strict=True))
            walked = _walked(snapshot, field, token)
            assert list(read.items()) == list(walked.items()), (field, token)
            assert set(read) <= set(snapshot.all_docs())
            checked += 1
    for token in {term.decode() for field in TEXT_FIELDS for term in reader.lexicon(field)}:
        summed = sum_fields(_walked(snapshot, field, token) for field in TEXT_FIELDS)
        assert snapshot.term_weights(token) == summed, token
    assert checked > 50
    # The block reading was taken (not the fallback walk), over more than one block.
    segment, _ = segments[0]
    leaf = segment.postings("name", "playgroup")
    assert _reads_blocks(getattr(leaf, "child", leaf))
    assert len(snapshot._weigh_term("name", "playgroup")[0]) > 128
    backend.close()


def test_any_other_matcher_is_walked_to_the_same_weights(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = _changed_index(tmp_path)
    snapshot = backend._fresh_snapshot()
    read = {token: snapshot._weigh_term("description", token) for token in ("toddler", "singing")}
    monkeypatch.setattr(whoosh_view, "_reads_blocks", lambda matcher: False)
    for token, (docs, weights) in read.items():
        walked_docs, walked_weights = snapshot._weigh_term("description", token)
        assert docs.tolist() == walked_docs.tolist()
        assert weights.tolist() == walked_weights.tolist()
    backend.close()
