"""Learnt readings: a small text classifier beside the hand rules. Pure code (numpy).

The reader's rules (:mod:`search.understanding`, :mod:`search.cues`, :mod:`search.harm`)
read what their phrasebooks and lexicons name, and nothing else. A sentence nobody wrote a
phrase for ("the meter is flashing red and payday is Friday") reads nothing. This module
learns from many labelled sentences (:mod:`search.training`) which need a sentence is
about and whether it tells of a danger, so such sentences still get a reading.

Features are what generalise across spellings and languages: character n-grams of 2 to 5
letters inside words (``char_wb``: "strangl" in "strangled", "stangled" and "strangling";
the same for Polish endings, Urdu script, Gurmukhi and romanised forms) and word unigrams
and bigrams, both tf-idf weighted with sublinear term frequency, over the words as the
reader folds them (:func:`normalised`). Linear models sit on them: one-vs-rest logistic
regressions over the need codes (a sentence may be about several); one logistic
regression for whether the words tell of any danger at all (the alarm), whose "none"
examples include ordinary sentences that use harm's words ("knife and fork", "dying to
go"); and one-vs-rest ones for which danger it is, learnt from the dangers only.

The alarm learns from sentences (and the phrasebooks' need phrases as "none"), not from
the phrasebooks' danger phrases: those are the rules' own words, already read as danger
by them, and as short examples they teach single words ("tracking", "marry") as danger
by themselves, so ordinary sentences holding one such word alarmed. Learnt from sentences
only, the alarm reads 29 of the 124 validation dangers the rules miss where it read 2,
at no false alarm on the development set (``bench/learnt.py``; README, The learnt reader).

scikit-learn fits the models (:func:`train`); prediction is done here with numpy on the
fitted vocabularies, idf weights and coefficients, so reading one query costs a fifth of a
millisecond and never calls scikit-learn (``bench/learnt.py`` prints the figures).
Training is deterministic: the same examples give the same model.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import numpy as np

from search.cues import fold
from search.phrasebook import LETTER, phrase_words

if TYPE_CHECKING:
    from search.calibration import AlarmCalibration

NONE = "none"
"""The danger model's class for a sentence that tells of no danger."""
CHAR_NGRAMS = (2, 5)
MAX_CHARS = 512
"""Of a query, as the reader reads at most 40 words."""
EVIDENCE_SHOWN = 3
ALPHA = 2e-5
"""L2 regularisation of the logistic regressions (fitted by SGD: seconds, not minutes)."""
EPOCHS = 30
ALARM_C = 100.0
"""Inverse L2 regularisation of the alarm, a logistic regression solved exactly
(liblinear) rather than by SGD, its classes weighed as they come: at the calibration
rule's threshold it reads 13 of the validation dangers the rules miss where the SGD alarm
read 9, at no false alarm (``bench/alarm_variants.py``; README, The learnt reader)."""
ALARM_FOLDS = 5
"""The alarm also learns the calibration set's ordinary sentences as "none" (all but the
held-out part and the training files' validation part), cross-fitted: each is scored by
one of this many extra fits that did not learn it (its fold, by a salted hash of its
words), and the threshold is chosen on those scores (:mod:`search.calibration`). Learning
the look-alikes lowers the scores of ordinary sentences like them; scoring each out of fold
keeps the threshold honest about sentences the model never saw. At 5 folds the rule's
threshold was 0.994 where it was 0.9995, and the strip read 34 of the 153 validation
dangers the rules miss where it read 13, with no false alarm on validation or the
held-out part (``bench/alarm_variants.py``; README, The learnt reader)."""
FOLD_TOL = 1e-2
"""The fold fits stop at this tolerance (liblinear's default, kept for the shipped alarm, is
1e-4): their out-of-fold scores moved by under 0.001 and the threshold not at all, for half
the CPU of the cross-fitting."""
_FOLD_SALT = "signpost-alarm-folds-1"
SECOND_DANGER_SHARE = 0.5
"""A second danger is read beside the likeliest when its probability is at least this share
of the first's: on the validation dangers the rules miss, the right danger is among those
read in 80% (71% with the first alone), at 1.3 dangers a sentence (``bench/learnt.py``)."""
_WORD = re.compile(f"{LETTER}+(?:['’`]{LETTER}+)*")


def normalised(text: str) -> str:
    """``text`` as the classifier sees it: lower case, apostrophes dropped, Latin accents
    off (as the reader and the cue lexicon fold words), one space between words."""
    folded = unicodedata.normalize("NFKC", text[:MAX_CHARS]).casefold()
    return " ".join(fold("".join(phrase_words(raw))) for raw in _WORD.findall(folded))


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled sentence or phrase: the needs fitting help meets, and its danger
    (:data:`NONE` when it tells of none; None when it says nothing either way: a
    phrasebook need phrase is no example for the danger model)."""

    text: str
    needs: tuple[str, ...]
    danger: str | None
    source: str = ""
    alarm: bool = True
    """Whether the alarm learns from it (a phrasebook's danger phrase does not: see
    :func:`train`)."""


@dataclass(frozen=True, slots=True)
class Guess:
    """A learnt reading: a code, its probability, and the n-grams that weighed most."""

    code: str
    probability: float
    evidence: tuple[str, ...] = ()
    others: tuple[str, ...] = ()
    """Of a danger: the next likeliest danger when it is nearly as likely as ``code``
    (:data:`SECOND_DANGER_SHARE`), for the strip to show both rather than guess."""


def letter_grams(text: str) -> list[str]:
    """Character n-grams of CHAR_NGRAMS letters inside each word padded with a space, as
    scikit-learn's ``char_wb`` makes them ("strangled": " s", "st", ..., "led ")."""
    low, high = CHAR_NGRAMS
    grams: list[str] = []
    for word in text.split():
        padded = f" {word} "
        for size in range(low, high + 1):
            grams.append(padded[:size])
            offset = 0
            while offset + size < len(padded):
                offset += 1
                grams.append(padded[offset : offset + size])
            if offset == 0:  # a word shorter than this size is counted once
                break
    return grams


def word_grams(text: str) -> list[str]:
    """Words and pairs of neighbouring words."""
    words = text.split()
    return [*words, *(f"{a} {b}" for a, b in pairwise(words))]


ANALYSERS: dict[str, Callable[[str], list[str]]] = {"char": letter_grams, "word": word_grams}


@dataclass(frozen=True, slots=True)
class _Block:
    """One fitted tf-idf vectoriser as plain data: n-grams to columns, idf per column."""

    kind: str
    """Its analyser, a key of ANALYSERS (functions are kept out of the cached model)."""
    vocabulary: dict[str, int]
    idf: np.ndarray
    offset: int


@dataclass(eq=False)
class LearntModel:
    """Fitted classifiers, ready to read queries (see the module docstring).

    ``need_coef`` and ``danger_coef`` are (features x classes) float32 matrices, so a
    query's few nonzero features gather their rows in one step. ``danger_coef``'s first
    column is the alarm, whether the words tell of any danger (learnt against "none",
    solved exactly: :data:`ALARM_C`), and the others which danger (``danger_codes``), learnt
    from the danger examples only.
    """

    blocks: list[_Block]
    need_codes: tuple[str, ...]
    need_coef: np.ndarray
    need_intercept: np.ndarray
    danger_codes: tuple[str, ...]
    danger_coef: np.ndarray
    danger_intercept: np.ndarray
    examples: int = 0
    alarm: AlarmCalibration | None = None
    """The alarm's threshold, chosen when the model was trained (:mod:`search.calibration`)."""
    out_of_fold: dict[str, float] = field(default_factory=dict)
    """Of each ordinary sentence the alarm learnt (:data:`ALARM_FOLDS`), by its words as
    :func:`normalised` gives them: its alarm probability from the fit that did not learn it."""
    _names: dict[int, str] | None = field(default=None, repr=False)

    @property
    def danger_least(self) -> float:
        """The alarm's calibrated threshold; infinite (never reached) for a model trained
        without calibration."""
        return math.inf if self.alarm is None else self.alarm.threshold

    @property
    def strip_least(self) -> float:
        """The alarm's band-2 threshold (the strip, one listing first), calibrated against
        a false-alarm budget (:func:`search.calibration.strip_threshold`); infinite without
        calibration."""
        return math.inf if self.alarm is None else min(self.alarm.strip, self.alarm.threshold)

    def calibration_alarm(self, text: str) -> float:
        """The alarm probability the threshold is chosen on: for a sentence the alarm learnt
        as ordinary, the higher of its out-of-fold one and the model's own (so no such
        sentence reaches the threshold either way); for any other, the model's own."""
        guess = self.danger(text)
        own = 0.0 if guess is None else guess.probability
        return max(own, self.out_of_fold.get(normalised(text), 0.0))

    def read(self, text: str, least: float = 0.0) -> tuple[list[Guess], Guess | None]:
        """:meth:`needs` and :meth:`danger` at once, the words' n-grams looked up once."""
        columns, values = self._features(normalised(text))
        if not len(columns):
            return [], None
        return self._needs(columns, values, least), self._danger(columns, values)

    def needs(self, text: str, least: float = 0.0) -> list[Guess]:
        """The needs ``text`` is about with probability ``least`` or more, likeliest first."""
        return self.read(text, least)[0]

    def danger(self, text: str) -> Guess | None:
        """The likeliest danger ``text`` tells of, with the probability that it tells of
        one at all (None: no n-gram of it is known)."""
        return self.read(text)[1]

    def _needs(self, columns: np.ndarray, values: np.ndarray, least: float) -> list[Guess]:
        scores = values @ self.need_coef[columns] + self.need_intercept
        probabilities = 1.0 / (1.0 + np.exp(-scores))
        order = np.argsort(-probabilities, kind="stable")
        return [
            Guess(self.need_codes[i], float(probabilities[i]))
            for i in order
            if probabilities[i] >= least
        ]

    def _danger(self, columns: np.ndarray, values: np.ndarray) -> Guess:
        scores = values @ self.danger_coef[columns] + self.danger_intercept
        which = 1.0 / (1.0 + np.exp(-scores[1:]))
        order = np.argsort(-which, kind="stable")
        first, second = int(order[0]), int(order[1]) if len(order) > 1 else -1
        others = (
            (self.danger_codes[second],)
            if second >= 0 and which[second] >= SECOND_DANGER_SHARE * which[first]
            else ()
        )
        alarm = float(1.0 / (1.0 + np.exp(-scores[0])))
        return Guess(self.danger_codes[first], alarm, others=others)

    def explain(self, text: str, code: str, danger: bool = False) -> tuple[str, ...]:
        """The n-grams of ``text`` that weigh most towards ``code`` (need or danger)."""
        codes = self.danger_codes if danger else self.need_codes
        if code not in codes:
            return ()
        columns, values = self._features(normalised(text))
        if not len(columns):
            return ()
        if danger:  # what says there is a danger at all, which decides whether it is read
            weights = values * self.danger_coef[columns, 0]
        else:
            weights = values * self.need_coef[columns, codes.index(code)]
        names = self._feature_names()
        order = np.argsort(-weights, kind="stable")
        shown = [f"'{names[int(columns[i])]}'" for i in order if weights[i] > 0]
        return tuple(shown[:EVIDENCE_SHOWN])

    def _features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Columns and tf-idf values (sublinear tf, each block l2-normalised) of ``text``,
        exactly as the fitted vectorisers would make them."""
        columns: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for block in self.blocks:
            counts = Counter(ANALYSERS[block.kind](text))
            found = np.fromiter(
                (block.vocabulary.get(gram, -1) for gram in counts), np.intp, len(counts)
            )
            known = found >= 0
            if not known.any():
                continue
            found = found[known]
            tf = np.fromiter(counts.values(), np.float32, len(counts))[known]
            weights = (1.0 + np.log(tf)) * block.idf[found]
            columns.append(found + block.offset)
            values.append(weights / np.sqrt(np.dot(weights, weights)))
        if not columns:
            return np.empty(0, dtype=np.intp), np.empty(0, dtype=np.float32)
        return np.concatenate(columns), np.concatenate(values)

    def _feature_names(self) -> dict[int, str]:
        if self._names is None:
            self._names = {
                block.offset + column: gram.strip()
                for block in self.blocks
                for gram, column in block.vocabulary.items()
            }
        return self._names


def alarm_fold(text: str) -> int:
    """Which of the :data:`ALARM_FOLDS` fits leaves the ordinary sentence ``text`` out."""
    digest = hashlib.sha256(f"{_FOLD_SALT}:{normalised(text)}".encode()).digest()
    return digest[0] % ALARM_FOLDS


def train(
    examples: Sequence[Example],
    need_codes: Iterable[str],
    seed: int = 0,
    ordinary: Sequence[str] = (),
) -> LearntModel:
    """Fit both models on ``examples`` (deterministic for the same examples and seed).

    Need classes are ``need_codes`` (a code with no example is never read); danger
    classes are the dangers the examples name, plus :data:`NONE`. The alarm also learns
    the ``ordinary`` sentences as "none", cross-fitted (:data:`ALARM_FOLDS`): their
    out-of-fold probabilities are kept in the model for the threshold.
    """
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import SGDClassifier

    def fitted(rows: object, labels: object) -> SGDClassifier:
        model = SGDClassifier(
            loss="log_loss",
            alpha=ALPHA,
            max_iter=EPOCHS,
            tol=None,
            random_state=seed,
        )
        return model.fit(matrix[rows], labels)

    texts = [normalised(example.text) for example in examples]
    vectorisers = [
        TfidfVectorizer(
            analyzer=letter_grams,
            sublinear_tf=True,
            lowercase=False,
            min_df=2,
            dtype=np.float32,
        ),
        TfidfVectorizer(
            analyzer=word_grams,
            sublinear_tf=True,
            lowercase=False,
            dtype=np.float32,
        ),
    ]
    matrix = hstack([v.fit_transform(texts) for v in vectorisers]).tocsr()
    blocks, offset = [], 0
    for kind, vectoriser in zip(ANALYSERS, vectorisers, strict=True):
        blocks.append(
            _Block(
                kind,
                {gram: int(column) for gram, column in sorted(vectoriser.vocabulary_.items())},
                vectoriser.idf_.astype(np.float32),
                offset,
            )
        )
        offset += len(vectoriser.vocabulary_)

    codes = tuple(sorted(set(need_codes) & {n for e in examples for n in e.needs}))
    need_coef = np.zeros((matrix.shape[1], len(codes)), dtype=np.float32)
    need_intercept = np.zeros(len(codes), dtype=np.float32)
    for column, code in enumerate(codes):
        labels = np.array([code in example.needs for example in examples], dtype=int)
        model = fitted(slice(None), labels)
        need_coef[:, column] = model.coef_[0]
        need_intercept[column] = model.intercept_[0]

    rows = [i for i, example in enumerate(examples) if example.danger is not None]
    told = [i for i in rows if examples[i].alarm]
    alarm, out_of_fold = fit_alarm(
        matrix[told],
        np.array([examples[i].danger != NONE for i in told]),
        ordinary,
        lambda raw: hstack(
            [v.transform([normalised(text) for text in raw]) for v in vectorisers]
        ).tocsr(),
        seed,
    )
    dangerous = [i for i in rows if examples[i].danger != NONE]
    which = fitted(dangerous, [examples[i].danger for i in dangerous])
    danger_coef = np.hstack([alarm.coef_.T, which.coef_.T])
    danger_intercept = np.concatenate([alarm.intercept_, which.intercept_])
    return LearntModel(
        blocks=blocks,
        need_codes=codes,
        need_coef=need_coef,
        need_intercept=need_intercept,
        danger_codes=tuple(str(code) for code in which.classes_),
        danger_coef=np.ascontiguousarray(danger_coef, dtype=np.float32),
        danger_intercept=danger_intercept.astype(np.float32),
        examples=len(examples),
        out_of_fold=out_of_fold,
    )


def fit_alarm(
    rows: Any,
    labels: np.ndarray,
    ordinary: Sequence[str],
    features: Callable[[Sequence[str]], Any],
    seed: int = 0,
    c: float = ALARM_C,
    class_weight: str | None = None,
) -> tuple[Any, dict[str, float]]:
    """The alarm (a liblinear logistic regression) on the example ``rows`` and the
    ``ordinary`` sentences as "none" (their ``features``), and the ordinary sentences'
    out-of-fold probabilities, by their normalised words (:data:`ALARM_FOLDS` more fits).
    ``class_weight`` is for ``bench/alarm_variants.py`` (the shipped alarm weighs none)."""
    from scipy.sparse import vstack
    from sklearn.linear_model import LogisticRegression

    def fitted(extra: list[int], tol: float = 1e-4) -> LogisticRegression:
        x = vstack([rows, learnt[extra]]).tocsr() if extra else rows
        y = np.concatenate([labels, np.zeros(len(extra), dtype=bool)])
        model = LogisticRegression(
            C=c, solver="liblinear", tol=tol, random_state=seed, class_weight=class_weight
        )
        return model.fit(x, y)

    words = list(dict.fromkeys(normalised(text) for text in ordinary if normalised(text)))
    if not words:
        return fitted([]), {}
    learnt = features(words)
    folds = np.array([alarm_fold(text) for text in words])
    out_of_fold: dict[str, float] = {}
    for part in range(ALARM_FOLDS):
        left_out = np.flatnonzero(folds == part)
        if not len(left_out):
            continue
        model = fitted([int(i) for i in np.flatnonzero(folds != part)], FOLD_TOL)
        scored = model.predict_proba(learnt[left_out])[:, 1]
        out_of_fold.update((words[i], float(p)) for i, p in zip(left_out, scored, strict=True))
    return fitted(list(range(len(words)))), out_of_fold
