"""The learnt model's cache: what a training reads is read afresh, so a process that trains
again after the phrasebooks changed learns the change, and a model trained while its
files changed is cached under no fingerprint."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from directory import learning
from search.learnt import Example, LearntModel

NEED = "zorbleflax-help"
"""A made-up need, added to a copy of the English phrasebook."""


@pytest.fixture
def phrasebooks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of ``councils/phrasebooks/`` the model is built from."""
    copy = tmp_path / "phrasebooks"
    shutil.copytree(learning.PHRASEBOOKS, copy)
    monkeypatch.setattr(learning, "PHRASEBOOKS", copy)
    return copy


def _add_need(phrasebooks: Path) -> None:
    book = phrasebooks / "en.toml"
    text = book.read_text(encoding="utf-8")
    book.write_text(f'{text}\n[needs.{NEED}]\nphrases = ["zorbleflax"]\n', encoding="utf-8")


def test_what_the_model_learns_follows_the_phrasebooks_as_they_are_now(
    phrasebooks: Path,
) -> None:
    assert NEED not in learning.need_codes()
    _add_need(phrasebooks)
    assert NEED in learning.need_codes()
    assert any(NEED in example.needs for example in learning.training_examples())


def test_a_model_trained_while_its_files_change_is_cached_under_no_fingerprint(
    phrasebooks: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = learning.learnt_model().model  # stands in for what training makes
    cache = tmp_path / "learnt"
    monkeypatch.setattr(learning, "CACHE", cache)
    trainings: list[int] = []

    def training(examples: list[Example]) -> LearntModel:
        if not trainings:
            _add_need(phrasebooks)  # as an editor saves a phrasebook while it trains
        trainings.append(len(examples))
        return model

    monkeypatch.setattr(learning, "built_model", training)
    monkeypatch.setattr(learning, "calibrated", lambda trained: trained)
    changed = learning.learnt_model()
    assert changed.trained and not changed.kept and list(cache.glob("model-*")) == []
    again = learning.learnt_model()  # the next start trains on the files as they are
    assert again.trained and again.kept and again.path != changed.path
    assert list(cache.glob("model-*")) == [again.path]
    assert not learning.learnt_model().trained and len(trainings) == 2
