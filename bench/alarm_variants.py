"""Variants of the learnt alarm, each judged by the calibration rule.

    .venv/bin/python bench/alarm_variants.py [NAME ...]

For each variant the alarm alone is fitted on the training share of the sentences (and
the phrasebooks' need phrases as "none", as :func:`search.learnt.train` does), its
threshold is chosen by the unchanged rule (:func:`search.calibration.calibrate`) on the
unchanged calibration set, and it is scored on the validation sentences the rules read no
danger in (and that hold no look-alike the cue lexicon knows): the dangers it reads there
and its false alarms (with the dangers read per language: en, pl, ur, pa), and the same
at its band-2 threshold (the strip alone, at the false-alarm budget on the calibration set:
:data:`search.calibration.STRIP_BUDGET`), which compares variants at one false-alarm rate.
Aggregate figures only.

A cross-fitted variant also learns the calibration set's ordinary sentences as "none"
(:func:`directory.calibration.learnt_ordinary`) and is calibrated on their out-of-fold
scores (:func:`search.learnt.fit_alarm`), as the shipped model is.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from directory.calibration import calibration_sentences, learnt_ordinary  # noqa: E402
from directory.config import DEFAULT_COUNCIL_FILE  # noqa: E402
from directory.council import load_council  # noqa: E402
from directory.learning import training_cases, training_examples  # noqa: E402
from directory.safety import load_safety_lines  # noqa: E402
from directory.understanding import load_reader  # noqa: E402
from search.calibration import calibrate  # noqa: E402
from search.examples import split  # noqa: E402
from search.learnt import NONE, fit_alarm, letter_grams, normalised, word_grams  # noqa: E402

Scorer = Callable[[Sequence[str]], np.ndarray]
LANGUAGES = ("en", "pl", "ur", "pa")


@dataclass(frozen=True)
class Variant:
    alpha: float = 2e-5
    balanced: bool = True
    views: tuple[str, ...] = ("char", "word")
    word_scale: float = 1.0
    phrases: bool = True
    hard_weight: float = 1.0
    """Weight of the training share's look-alike sentences (ordinary, harm's words)."""
    ordinary_weight: float = 1.0
    """Weight of the training share's ordinary sentences (all with no danger)."""
    agree: bool = False
    """Two models, char and word, the lower probability taken."""
    platt: bool = False
    epochs: int = 30
    loss: str = "log_loss"
    average: bool = False
    exact: float = 0.0
    """C of an exactly solved LogisticRegression (liblinear) instead of SGD; 0: SGD."""
    crossfit: bool = False
    """Exact only: also learn the calibration set's ordinary sentences, cross-fitted."""


VARIANTS: dict[str, Variant] = {
    "SGD (before)": Variant(),
    "alpha 1e-4": Variant(alpha=1e-4),
    "alpha 5e-5": Variant(alpha=5e-5),
    "alpha 3e-4": Variant(alpha=3e-4),
    "alpha 1e-3": Variant(alpha=1e-3),
    "unbalanced": Variant(balanced=False),
    "char only": Variant(views=("char",)),
    "word only": Variant(views=("word",)),
    "words x0.5": Variant(word_scale=0.5),
    "words x2": Variant(word_scale=2.0),
    "sentences only": Variant(phrases=False),
    "look-alikes x3": Variant(hard_weight=3.0),
    "ordinary x2": Variant(ordinary_weight=2.0),
    "agree char+word": Variant(agree=True),
    "platt": Variant(platt=True),
    "averaged SGD": Variant(average=True),
    "averaged 1e-5": Variant(average=True, alpha=1e-5),
    "epochs 100": Variant(epochs=100),
    "alpha 1e-5": Variant(alpha=1e-5),
    "unbalanced 1e-5": Variant(alpha=1e-5, balanced=False),
    "exact C=10": Variant(exact=10.0),
    "exact C=30": Variant(exact=30.0),
    "exact C=100": Variant(exact=100.0),
    "modified huber": Variant(loss="modified_huber"),
    "exact C=300": Variant(exact=300.0),
    "exact C=1000": Variant(exact=1000.0),
    "exact C=100 unbal (before)": Variant(exact=100.0, balanced=False),
    "exact C=100 unbal cross-fitted (shipped)": Variant(exact=100.0, balanced=False, crossfit=True),
    "exact C=30 unbal cross-fitted": Variant(exact=30.0, balanced=False, crossfit=True),
    "exact C=300 unbal cross-fitted": Variant(exact=300.0, balanced=False, crossfit=True),
    "exact C=100 words x2": Variant(exact=100.0, word_scale=2.0),
    "exact C=100 words x0.5": Variant(exact=100.0, word_scale=0.5),
    "exact C=100 l-a x3": Variant(exact=100.0, hard_weight=3.0),
    "exact C=100 platt": Variant(exact=100.0, platt=True),
    "unbal 1e-5 platt": Variant(alpha=1e-5, balanced=False, platt=True),
    "exact C=30 unbal": Variant(exact=30.0, balanced=False),
    "exact C=50 unbal": Variant(exact=50.0, balanced=False),
    "exact C=100 unbal platt": Variant(exact=100.0, balanced=False, platt=True),
    "exact C=100 unbal sent.": Variant(exact=100.0, balanced=False, phrases=False),
    "exact C=100 balanced cross-fitted": Variant(exact=100.0, crossfit=True),
    "exact C=100 unbal cross-fitted words x0.5": Variant(
        exact=100.0, balanced=False, crossfit=True, word_scale=0.5
    ),
    "exact C=100 unbal cross-fitted words x2": Variant(
        exact=100.0, balanced=False, crossfit=True, word_scale=2.0
    ),
    "exact C=100 unbal cross-fitted char only": Variant(
        exact=100.0, balanced=False, crossfit=True, views=("char",)
    ),
}


def main() -> None:
    names = sys.argv[1:] or list(VARIANTS)
    every = training_examples()
    examples = [e for e in every if e.danger is not None and e.alarm]
    vocabulary = [normalised(e.text) for e in every]
    cases = training_cases()
    learnt, held = split(cases)
    lookalike = {normalised(c.query) for c in learnt if c.lookalike}
    sentences = {normalised(c.query) for c in learnt}
    calibration = calibration_sentences(cases)
    ordinary = learnt_ordinary(cases)
    quiet, dangers, languages = _quiet(held)
    print(
        f"{len(examples)} alarm examples; calibration {len(calibration)}; "
        f"validation quiet {len(quiet)} ({int(dangers.sum())} dangers)"
    )
    print(
        f"{'variant':40} {'threshold':>9} {'highest':>7} {'read':>5} "
        f"{' '.join(f'{language:>3}' for language in LANGUAGES)} {'false':>5} "
        f"{'band 2':>7} {'read':>5} {'false':>5} {'s':>5}"
    )
    for name in names:
        variant = VARIANTS[name]
        started = time.perf_counter()
        score, out_of_fold = fitted(variant, examples, lookalike, sentences, vocabulary, ordinary)
        seconds = time.perf_counter() - started
        cal_scores = {
            t: max(float(p), out_of_fold.get(normalised(t), 0.0))
            for t, p in zip(calibration, score(calibration), strict=True)
        }
        chosen = calibrate(cal_scores.__getitem__, calibration)
        p = score(quiet)
        read = int(((p >= chosen.threshold) & dangers).sum())
        false = int(((p >= chosen.threshold) & ~dangers).sum())
        per = " ".join(
            f"{int(((p >= chosen.threshold) & dangers & (languages == lang)).sum()):3d}"
            for lang in LANGUAGES
        )
        band2 = p >= chosen.strip  # the strip alone, at the budget (STRIP_BUDGET)
        print(
            f"{name:40} {chosen.threshold:9g} {chosen.highest:7.4f} {read:5d} {per} "
            f"{false:5d} {chosen.strip:7.4f} {int((band2 & dangers).sum()):5d} "
            f"{int((band2 & ~dangers).sum()):5d} {seconds:5.1f}",
            flush=True,
        )


def fitted(
    variant: Variant,
    examples: list,  # type: ignore[type-arg]
    lookalike: set[str],
    sentences: set[str],
    vocabulary: list[str],
    ordinary: list[str],
) -> tuple[Scorer, dict[str, float]]:
    """The variant's alarm, and the out-of-fold scores of the ordinary sentences it learnt
    (none unless cross-fitted)."""
    if variant.agree:
        one = replace(variant, agree=False, views=("char",))
        other = replace(variant, agree=False, views=("word",))
        char, _ = fitted(one, examples, lookalike, sentences, vocabulary, ordinary)
        word, _ = fitted(other, examples, lookalike, sentences, vocabulary, ordinary)
        return lambda texts: np.minimum(char(texts), word(texts)), {}
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import SGDClassifier

    if not variant.phrases:
        examples = [e for e in examples if not e.source.startswith("phrasebook")]
    texts = [normalised(e.text) for e in examples]
    labels = np.array([e.danger != NONE for e in examples])
    weights = np.ones(len(examples))
    for i, text in enumerate(texts):
        if not labels[i] and text in sentences:
            weights[i] *= variant.ordinary_weight
            if text in lookalike:
                weights[i] *= variant.hard_weight
    vectorisers = {
        "char": TfidfVectorizer(
            analyzer=letter_grams, sublinear_tf=True, lowercase=False, min_df=2, dtype=np.float32
        ),
        "word": TfidfVectorizer(
            analyzer=word_grams, sublinear_tf=True, lowercase=False, dtype=np.float32
        ),
    }
    used = [(view, vectorisers[view]) for view in variant.views]
    scale = {"char": 1.0, "word": variant.word_scale}

    def matrix(raw: Sequence[str], fit: bool = False):  # type: ignore[no-untyped-def]
        folded = [normalised(t) for t in raw]
        parts = [
            (v.fit_transform(folded) if fit else v.transform(folded)) * scale[view]
            for view, v in used
        ]
        return hstack(parts).tocsr()

    matrix(vocabulary, fit=True)
    x = matrix(texts)
    balance = "balanced" if variant.balanced else None
    out_of_fold: dict[str, float] = {}
    if variant.crossfit:
        assert variant.exact and not variant.platt
        model, out_of_fold = fit_alarm(
            x, labels, ordinary, matrix, c=variant.exact, class_weight=balance
        )
    elif variant.exact:
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(
            C=variant.exact, solver="liblinear", class_weight=balance, max_iter=1000
        ).fit(x, labels, sample_weight=weights)
    else:
        model = SGDClassifier(
            loss=variant.loss,
            alpha=variant.alpha,
            max_iter=variant.epochs,
            tol=None,
            random_state=0,
            class_weight=balance,
            average=variant.average,
        ).fit(x, labels, sample_weight=weights)
    if variant.platt:
        from sklearn.calibration import CalibratedClassifierCV

        model = CalibratedClassifierCV(model, method="sigmoid", cv=5, ensemble=False).fit(x, labels)

    def score(raw: Sequence[str]) -> np.ndarray:
        return model.predict_proba(matrix(raw))[:, 1]

    return score, out_of_fold


def _quiet(held: list) -> tuple[list[str], np.ndarray, np.ndarray]:  # type: ignore[type-arg]
    """Validation sentences the rules read no danger or cue in, with no known look-alike."""
    council = load_council(DEFAULT_COUNCIL_FILE)
    safety = load_safety_lines(council)
    readers = {
        language: load_reader(council, safety, language=language)
        for language in ("en", "pl", "ur", "pa")
    }
    today = date.today()
    texts, dangers, languages = [], [], []
    for case in held:
        reader = readers.get(case.language, readers["en"])
        rules = replace(reader, learnt=None).read(case.query, {}, today)
        if rules.dangers or rules.cues or reader.holds_lookalike(case.query):
            continue
        texts.append(case.query)
        dangers.append(case.danger is not None)
        languages.append(case.language)
    return texts, np.array(dangers), np.array(languages)


if __name__ == "__main__":
    main()
