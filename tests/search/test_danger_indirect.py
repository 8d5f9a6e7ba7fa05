"""Danger told indirectly (issue 17): the rules alone read each sign, and its look-alikes
raise nothing (the learnt alarm set aside, so the rules are what is tested)."""

from __future__ import annotations

from datetime import date

import pytest

from search.understanding import QueryReader
from tests.search.danger_sentences_indirect import INDIRECT_DANGER, INDIRECT_ORDINARY

TODAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("danger", "text"), [(code, text) for code, texts in INDIRECT_DANGER.items() for text in texts]
)
def test_a_sign_told_indirectly_reads_as_its_danger(
    rules: QueryReader, danger: str, text: str
) -> None:
    reading = rules.read(text, {}, TODAY)
    assert danger in reading.dangers + reading.cues, text
    assert danger in [concept.code for concept in reading.concepts if concept.priority], text


@pytest.mark.parametrize("text", INDIRECT_ORDINARY)
def test_its_look_alikes_raise_nothing(rules: QueryReader, text: str) -> None:
    reading = rules.read(text, {}, TODAY)
    assert not reading.dangers and not reading.cues, text
