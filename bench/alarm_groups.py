"""The learnt alarm measured on writers it never saw: leave-one-file-out, by training file.

    .venv/bin/python bench/alarm_groups.py [--variant NAME ...] [--files N] [--by-file]
        [--kinds] [--list]

Each training file (``councils/training/*.toml``) was written by a different blind
writer, and sentences of one writer share a style, so the validation share (a random
quarter of every file's sentences, :func:`search.examples.split`) flatters the learnt
alarm. Here each file in turn is held out whole: the alarm is fitted as
:func:`search.learnt.train` fits it on every other file's learnt share and the
phrasebooks' need phrases (its vocabulary and idf from the same examples, the other
files' calibration sentences cross-fitted), its two thresholds are chosen by the site's
own rule (:func:`search.calibration.calibrate`) on the calibration set the other files
give (:func:`directory.calibration.calibration_sentences`), and it is scored on every
sentence of the held-out file (both shares):

- danger recall where the rules read nothing (no danger, no cue; a sentence holding a
  look-alike the cue lexicon knows counts as not read, as the learnt reader reads no
  danger there): band 1 and band 2 (the strip), and panel-or-strip over all its dangers
  (the rules' reads plus the alarm's);
- false alarms: the held-out file's sentences with no danger the rules leave quiet that
  reach band 2 (and band 1), and the calibration set's held-out quarter (never learnt,
  never chosen on) that reaches them;

in total and by language (en, pl, ur, pa). ``--kinds`` also fits the danger-kind model
(which danger; SGD as shipped) and counts the strips whose dangers include the labelled
one. The rules' reading of every training sentence is worked out once per run.

Features are counted once for every text, and each fold's vocabulary (character n-grams
seen in at least two of its examples, every word n-gram) and idf are taken from its own
examples, as the fitted vectorisers would (``--check`` compares the full-data fit with the
shipped model's alarm). ``--files N`` holds out only N files (every k-th, in name order)
for a quicker look; the default holds out all of them (about 41 fits of the alarm with its
5 cross-fits: several minutes on a quiet machine).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from directory.calibration import calibration_sentences, learnt_ordinary  # noqa: E402
from directory.config import DEFAULT_COUNCIL_FILE  # noqa: E402
from directory.council import load_council  # noqa: E402
from directory.learning import _books, need_codes, training_cases  # noqa: E402
from directory.safety import load_safety_lines  # noqa: E402
from directory.understanding import load_reader  # noqa: E402
from search import learnt as learnt_module  # noqa: E402
from search.calibration import STRIP_BUDGET, calibrate, parts  # noqa: E402
from search.examples import Case, case_example, phrasebook_examples, split  # noqa: E402
from search.learnt import (  # noqa: E402
    ALARM_C,
    NONE,
    SECOND_DANGER_SHARE,
    Example,
    letter_grams,
    normalised,
    word_grams,
)

LANGUAGES = ("en", "pl", "ur", "pa")


@dataclass(frozen=True)
class Variant:
    c: float = ALARM_C
    class_weight: str | None = None
    char: tuple[int, int] = (2, 5)
    char_min_df: int = 2
    words: int = 2
    """Word n-grams up to this many words (0: no word block)."""
    word_min_df: int = 1
    word_scale: float = 1.0
    sublinear: bool = True
    writer_balance: float = 0.0
    """Weigh each training file's sentences by (mean file size / its size) ** this."""
    squash: bool = False
    """Fold runs of three or more of one letter to two before features ("sooo" -> "soo")."""
    budget: float = STRIP_BUDGET
    phrases: bool = True
    """Whether the phrasebooks' need phrases are "none" examples of the alarm."""
    binary: bool = False
    """Count each n-gram once a sentence (binary tf) rather than 1 + log(count)."""
    min_writers: int = 1
    """Keep only n-grams found in the examples of at least this many sources (training
    files, each a writer; the phrasebooks one): a writer's own turns of phrase teach
    nothing about the next writer."""
    forms: float = 0.0
    """Weight of a third block: each word's forms as the reader folds them across languages
    (:func:`word_forms_of`: English stem, Polish stem, romanised fold), 0 for none."""
    extra: dict[str, Any] = field(default_factory=dict)


VARIANTS: dict[str, Variant] = {
    "shipped": Variant(),
    "C 30": Variant(c=30.0),
    "C 10": Variant(c=10.0),
    "C 300": Variant(c=300.0),
    "balanced": Variant(class_weight="balanced"),
    "writers equal": Variant(writer_balance=1.0),
    "writers sqrt": Variant(writer_balance=0.5),
    "char 3-5": Variant(char=(3, 5)),
    "char 2-4": Variant(char=(2, 4)),
    "char 2-6": Variant(char=(2, 6)),
    "char min_df 3": Variant(char_min_df=3),
    "word min_df 2": Variant(word_min_df=2),
    "words 1": Variant(words=1),
    "no words": Variant(words=0),
    "words x0.5": Variant(word_scale=0.5),
    "raw tf": Variant(sublinear=False),
    "squash repeats": Variant(squash=True),
    "no need phrases": Variant(phrases=False),
    "budget 0.5%": Variant(budget=0.005),
    "budget 1.5%": Variant(budget=0.015),
    "binary tf": Variant(binary=True),
    "writers 2": Variant(min_writers=2),
    "writers 3": Variant(min_writers=3),
    "word forms": Variant(forms=1.0),
    "word forms x0.5": Variant(forms=0.5),
}

_REPEATS = re.compile(r"(\w)\1{2,}")


def squashed(text: str) -> str:
    return _REPEATS.sub(r"\1\1", text)


def word_forms_of(text: str) -> list[str]:
    """Each word's forms as the reader folds words (the English stem, the Polish stem
    and the romanised Urdu/Punjabi spelling; a word's forms counted once), so one writer's
    "beats", "beating" or "maarta", "marta" share a feature with another's."""
    from search.phrasebook import stemmer
    from search.word_forms import polish_stem, romanised_fold

    english = stemmer("en")
    grams: list[str] = []
    for word in text.split():
        forms = {romanised_fold(word), polish_stem(word)}
        if english is not None and word.isascii():
            forms.add(english(word))
        grams.extend(sorted(forms))
    return grams


@dataclass
class Counts:
    """Every text's n-gram counts, once; each fold's tf-idf from them."""

    index: dict[str, int]
    blocks: dict[str, Any]  # kind -> csr counts (texts x grams)

    @classmethod
    def of(cls, texts: Sequence[str], variant: Variant) -> Counts:
        from sklearn.feature_extraction.text import CountVectorizer

        fold = squashed if variant.squash else (lambda t: t)
        folded = [fold(t) for t in texts]
        low, high = variant.char
        learnt_module_grams = letter_grams
        if (low, high) != learnt_module.CHAR_NGRAMS:
            original = learnt_module.CHAR_NGRAMS

            def learnt_module_grams(text: str) -> list[str]:
                learnt_module.CHAR_NGRAMS = (low, high)
                try:
                    return letter_grams(text)
                finally:
                    learnt_module.CHAR_NGRAMS = original

        analysers: dict[str, Callable[[str], list[str]]] = {"char": learnt_module_grams}
        if variant.words:
            analysers["word"] = word_grams if variant.words == 2 else (lambda t: t.split())
        if variant.forms:
            analysers["forms"] = word_forms_of
        blocks = {
            kind: CountVectorizer(analyzer=analyser, lowercase=False, dtype=np.float32)
            .fit_transform(folded)
            .tocsr()
            for kind, analyser in analysers.items()
        }
        return cls({t: i for i, t in enumerate(texts)}, blocks)


def tfidf(
    counts: Counts,
    vocabulary: Sequence[str],
    variant: Variant,
    sources: Sequence[str] = (),
) -> Callable[..., Any]:
    """The features function a fold's vectorisers would give: fitted on ``vocabulary``
    (whose examples come from ``sources``, one a text, for :attr:`Variant.min_writers`)."""
    from scipy.sparse import diags, hstack

    rows = np.array([counts.index[t] for t in vocabulary])
    n = len(rows)
    writers = ["phrasebook" if source.startswith("phrasebook") else source for source in sources]
    fitted = []
    for kind, block in counts.blocks.items():
        df = np.asarray((block[rows] > 0).sum(axis=0)).ravel()
        least = variant.char_min_df if kind == "char" else variant.word_min_df
        keep = df >= least
        if variant.min_writers > 1 and writers:
            by = np.array(writers)
            seen_in = np.zeros(block.shape[1], dtype=np.int32)
            for writer in sorted(set(writers)):
                mine = rows[by == writer]
                seen_in += np.asarray((block[mine] > 0).sum(axis=0)).ravel() > 0
            keep &= seen_in >= variant.min_writers
        kept = np.flatnonzero(keep)
        idf = np.log((1 + n) / (1 + df[kept])) + 1.0
        scale = {"word": variant.word_scale, "forms": variant.forms}.get(kind, 1.0)
        fitted.append((block, kept, idf.astype(np.float32), scale))

    def features(texts: Sequence[str]) -> Any:
        at = np.array([counts.index[normalised(t)] for t in texts], dtype=np.intp)
        parts_ = []
        for block, kept, idf, scale in fitted:
            x = block[at][:, kept].astype(np.float32)
            if variant.binary:
                x.data = np.ones_like(x.data)
            elif variant.sublinear:
                x.data = 1.0 + np.log(x.data)
            x = x @ diags(idf)
            norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
            norms[norms == 0] = 1.0
            parts_.append(diags((scale / norms).astype(np.float32)) @ x)
        return hstack(parts_).tocsr()

    return features


@dataclass
class Tally:
    dangers: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    quiet: Counter[str] = field(default_factory=Counter)
    band1: Counter[str] = field(default_factory=Counter)
    band2: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    ordinary: Counter[str] = field(default_factory=Counter)
    false1: Counter[str] = field(default_factory=Counter)
    false2: Counter[str] = field(default_factory=Counter)
    cal: int = 0
    cal1: int = 0
    cal2: int = 0
    thresholds: list[tuple[float, float]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("dangers", "rules", "quiet", "band1", "band2", "right", "ordinary"):
            getattr(self, name).update(getattr(other, name))
        self.false1.update(other.false1)
        self.false2.update(other.false2)
        self.cal += other.cal
        self.cal1 += other.cal1
        self.cal2 += other.cal2
        self.thresholds.extend(other.thresholds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variant", action="append", help="a variant (default: shipped)")
    parser.add_argument("--files", type=int, default=0, help="hold out only this many files")
    parser.add_argument(
        "--groups", type=int, default=0, help="hold out files in this many groups, not one by one"
    )
    parser.add_argument("--by-file", action="store_true", help="print each held-out file")
    parser.add_argument("--kinds", action="store_true", help="fit the danger-kind model too")
    parser.add_argument("--check", action="store_true", help="compare with the shipped alarm")
    parser.add_argument("--list", action="store_true", help="list the variants")
    args = parser.parse_args()
    if args.list:
        print("\n".join(VARIANTS))
        return
    cases = training_cases()
    sources = sorted({c.source for c in cases})
    held_files = sources
    if args.files:
        step = max(1, len(sources) // args.files)
        held_files = sources[::step][: args.files]
    started = time.perf_counter()
    quiet = _rules(cases)
    print(
        f"{len(cases)} sentences in {len(sources)} files; rules read in "
        f"{time.perf_counter() - started:.0f} s; holding out {len(held_files)} files",
        flush=True,
    )
    books = phrasebook_examples(_books(), need_codes(), _danger_needs())
    for name in args.variant or ["shipped"]:
        variant = VARIANTS[name]
        started = time.perf_counter()
        total = Tally()
        per_file: list[tuple[str, Tally]] = []
        texts = _every_text(cases, books)
        counts = Counts.of(texts, variant)
        if args.check:
            _check(cases, books, counts, variant)
        if args.groups:
            folds = [held_files[i :: args.groups] for i in range(args.groups)]
        else:
            folds = [[source] for source in held_files]
        for group in folds:
            source = "+".join(name.removesuffix(".toml") for name in group)
            tally = _fold(set(group), cases, books, counts, variant, quiet, args.kinds)
            per_file.append((source, tally))
            total.add(tally)
            if args.by_file:
                print("  " + _line(source, tally, args.kinds), flush=True)
        seconds = time.perf_counter() - started
        print(f"== {name} ({seconds:.0f} s)")
        print(_line("all", total, args.kinds))
        for language in LANGUAGES:
            print(_line(language, total, args.kinds, language))
        low = min(t for t, _ in total.thresholds)
        high = max(t for t, _ in total.thresholds)
        s_low = min(s for _, s in total.thresholds)
        s_high = max(s for _, s in total.thresholds)
        print(
            f"  band 1 from {low:g} to {high:g}; band 2 from {s_low:.4f} to {s_high:.4f}; "
            f"calibration held-out reaching band 2 {total.cal2}/{total.cal}, band 1 {total.cal1}",
            flush=True,
        )


def _line(label: str, tally: Tally, kinds: bool, language: str | None = None) -> str:
    def get(counter: Counter[str]) -> int:
        return counter[language] if language else sum(counter.values())

    dangers, rules, quiet = get(tally.dangers), get(tally.rules), get(tally.quiet)
    band1, band2 = get(tally.band1), get(tally.band2)
    shown = f"{100 * (rules + band2) / dangers:5.1f}%" if dangers else "    -"
    right = f" right {get(tally.right)}" if kinds else ""
    return (
        f"{label:18} dangers {dangers:5d} rules {rules:5d} quiet {quiet:4d}: band1 {band1:4d} "
        f"band2 {band2:4d} ({100 * band2 / quiet if quiet else 0:4.1f}%){right}; "
        f"panel/strip {shown}; false band2 {get(tally.false2):3d}/{get(tally.ordinary):5d} "
        f"band1 {get(tally.false1):2d}"
    )


def _danger_needs() -> set[str]:
    return {
        need
        for raw in _books().values()
        for table in raw.get("dangers", {}).values()
        for need in table.get("needs", [])
    }


def _every_text(cases: Sequence[Case], books: Sequence[Example]) -> list[str]:
    texts = [normalised(e.text) for e in books]
    texts += [normalised(c.query) for c in cases]
    texts += [normalised(t) for t in calibration_sentences([])]
    return list(dict.fromkeys(t for t in texts if t))


def _fold(
    sources: set[str],
    cases: Sequence[Case],
    books: Sequence[Example],
    counts: Counts,
    variant: Variant,
    quiet: dict[str, tuple[bool, bool]],
    kinds: bool,
) -> Tally:
    from sklearn.linear_model import SGDClassifier

    others = [c for c in cases if c.source not in sources]
    held = [c for c in cases if c.source in sources]
    learnt, _ = split(others)
    examples = [*books, *(case_example(c) for c in learnt)]
    if not variant.phrases:
        examples = [
            e for e in examples if not (e.source.startswith("phrasebook") and e.danger == NONE)
        ]
    vocabulary = [normalised(e.text) for e in examples]
    features = tfidf(counts, vocabulary, variant, [e.source for e in examples])
    told = [e for e in examples if e.danger is not None and e.alarm]
    labels = np.array([e.danger != NONE for e in told])
    weights = None
    if variant.writer_balance:
        sizes = Counter(e.source for e in told if not e.source.startswith("phrasebook"))
        mean = sum(sizes.values()) / len(sizes)
        weights = np.array(
            [
                1.0
                if e.source.startswith("phrasebook")
                else (mean / sizes[e.source]) ** variant.writer_balance
                for e in told
            ]
        )
    ordinary = learnt_ordinary(others)
    model, out_of_fold = _fit_alarm(
        features([normalised(e.text) for e in told]), labels, ordinary, features, variant, weights
    )
    calibration = calibration_sentences(others)
    cal_scores = dict(
        zip(
            calibration,
            (float(p) for p in model.predict_proba(features(calibration))[:, 1]),
            strict=True,
        )
    )
    chosen = calibrate(
        lambda t: max(cal_scores[t], out_of_fold.get(normalised(t), 0.0)),
        calibration,
        variant.budget,
    )
    _, cal_held = parts(calibration)
    tally = Tally()
    tally.thresholds.append((chosen.threshold, chosen.strip))
    if cal_held:
        p = model.predict_proba(features(cal_held))[:, 1]
        tally.cal, tally.cal1 = len(cal_held), int((p >= chosen.threshold).sum())
        tally.cal2 = int((p >= chosen.strip).sum())
    seen = set(vocabulary)
    held = [c for c in held if normalised(c.query) not in seen]
    scores = model.predict_proba(features([c.query for c in held]))[:, 1]
    which = None
    if kinds:
        dangerous = [e for e in examples if e.danger not in (None, NONE)]
        which = SGDClassifier(
            loss="log_loss",
            alpha=learnt_module.ALPHA,
            max_iter=learnt_module.EPOCHS,
            tol=None,
            random_state=0,
        ).fit(features([normalised(e.text) for e in dangerous]), [e.danger for e in dangerous])
    for case, p in zip(held, scores, strict=True):
        read, lookalike = quiet[case.query]
        language = case.language
        if case.danger:
            tally.dangers[language] += 1
            if read:
                tally.rules[language] += 1
                continue
            tally.quiet[language] += 1
            if lookalike:
                continue
            tally.band1[language] += p >= chosen.threshold
            if p >= chosen.strip:
                tally.band2[language] += 1
                if which is not None:
                    tally.right[language] += case.danger in _kinds(which, features([case.query]))
        elif not read and not lookalike:
            tally.ordinary[language] += 1
            tally.false1[language] += p >= chosen.threshold
            tally.false2[language] += p >= chosen.strip
    return tally


def _kinds(which: Any, x: Any) -> tuple[str, ...]:
    scores = which.decision_function(x)[0]
    probabilities = 1.0 / (1.0 + np.exp(-scores))
    order = np.argsort(-probabilities, kind="stable")
    first = str(which.classes_[order[0]])
    second = str(which.classes_[order[1]])
    if probabilities[order[1]] >= SECOND_DANGER_SHARE * probabilities[order[0]]:
        return (first, second)
    return (first,)


def _fit_alarm(
    rows: Any,
    labels: np.ndarray,
    ordinary: Sequence[str],
    features: Callable[..., Any],
    variant: Variant,
    weights: np.ndarray | None,
) -> tuple[Any, dict[str, float]]:
    """:func:`search.learnt.fit_alarm` with the variant's settings and sample weights."""
    from scipy.sparse import vstack
    from sklearn.linear_model import LogisticRegression

    words = list(dict.fromkeys(normalised(t) for t in ordinary if normalised(t)))
    learnt = features(words)
    folds = np.array([learnt_module.alarm_fold(t) for t in words])

    def fitted(extra: np.ndarray, tol: float = 1e-4) -> LogisticRegression:
        x = vstack([rows, learnt[extra]]).tocsr()
        y = np.concatenate([labels, np.zeros(len(extra), dtype=bool)])
        w = None if weights is None else np.concatenate([weights, np.ones(len(extra))])
        model = LogisticRegression(
            C=variant.c,
            solver="liblinear",
            tol=tol,
            random_state=0,
            class_weight=variant.class_weight,
        )
        return model.fit(x, y, sample_weight=w)

    out_of_fold: dict[str, float] = {}
    for part in range(learnt_module.ALARM_FOLDS):
        left_out = np.flatnonzero(folds == part)
        model = fitted(np.flatnonzero(folds != part), learnt_module.FOLD_TOL)
        scored = model.predict_proba(learnt[left_out])[:, 1]
        out_of_fold.update((words[i], float(p)) for i, p in zip(left_out, scored, strict=True))
    return fitted(np.arange(len(words))), out_of_fold


def _rules(cases: Sequence[Case]) -> dict[str, tuple[bool, bool]]:
    """Of each training sentence: whether the rules read a danger or cue in it, and
    whether it holds a look-alike the cue lexicon knows (kept in ``instance/`` under a hash
    of the rules' files and the sentences: reading them all takes minutes on a busy
    machine)."""
    digest = hashlib.sha256()
    for path in sorted(
        [
            *(ROOT / "councils").rglob("*.toml"),
            *(ROOT / "search").glob("*.py"),
            *(ROOT / "directory").glob("*.py"),
        ]
    ):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    cache = ROOT / "instance" / f"alarm-groups-rules-{digest.hexdigest()[:16]}.json"
    if cache.exists():
        return {k: (bool(v[0]), bool(v[1])) for k, v in json.loads(cache.read_text()).items()}
    council = load_council(DEFAULT_COUNCIL_FILE)
    safety = load_safety_lines(council)
    readers = {language: load_reader(council, safety, language=language) for language in LANGUAGES}
    rules = {language: replace(reader, learnt=None) for language, reader in readers.items()}
    today = date.today()
    read: dict[str, tuple[bool, bool]] = {}
    for case in cases:
        reader = rules.get(case.language, rules["en"])
        reading = reader.read(case.query, {}, today)
        read[case.query] = (
            bool(reading.dangers or reading.cues),
            reader.holds_lookalike(case.query),
        )
    cache.parent.mkdir(exist_ok=True)
    cache.write_text(json.dumps(read))
    return read


def _check(
    cases: Sequence[Case], books: Sequence[Example], counts: Counts, variant: Variant
) -> None:
    """The full-data fit's alarm against the shipped model's, on a sample of sentences."""
    from directory.learning import learnt_model

    model = learnt_model().model
    learnt, _ = split(cases)
    examples = [*books, *(case_example(c) for c in learnt)]
    features = tfidf(counts, [normalised(e.text) for e in examples], variant)
    told = [e for e in examples if e.danger is not None and e.alarm]
    labels = np.array([e.danger != NONE for e in told])
    fitted, _ = _fit_alarm(
        features([normalised(e.text) for e in told]),
        labels,
        learnt_ordinary(cases),
        features,
        variant,
        None,
    )
    sample = [c.query for c in cases[::97]]
    ours = fitted.predict_proba(features(sample))[:, 1]
    shipped = np.array([getattr(model.danger(t), "probability", 0.0) for t in sample])
    print(
        f"check: {len(sample)} sentences, largest difference from the shipped alarm "
        f"{float(np.max(np.abs(ours - shipped))):.5f}",
        flush=True,
    )


if __name__ == "__main__":
    main()
