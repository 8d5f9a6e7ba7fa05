"""The Whoosh backend's spelling vocabulary, kept beside the index as JSON.

Indexing every word of every listing a second time (unstemmed, for "did you mean") doubled
Whoosh's postings and its build time, so the words and their document counts live in one
file per generation instead. Updates add counts and removals leave them: a count may
overstate until the next rebuild, which only matters when breaking ties between equally
close corrections, and a correction is only offered when it finds results.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

VOCABULARY_FILE = "vocabulary.json"


def read_vocabulary(generation: Path) -> dict[str, int]:
    """The vocabulary of one generation (empty if it has none yet)."""
    try:
        text = (generation / VOCABULARY_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError(f"{generation / VOCABULARY_FILE} is not a word-count object")
    return data


def write_vocabulary(generation: Path, counts: Mapping[str, int]) -> None:
    """Replace the vocabulary file atomically, so a reader sees the old one or the new."""
    staged = generation / f".{VOCABULARY_FILE}.{os.getpid()}"
    staged.write_text(json.dumps(counts, separators=(",", ":")), encoding="utf-8")
    os.replace(staged, generation / VOCABULARY_FILE)
