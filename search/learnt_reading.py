"""What the learnt reader adds to the rules' reading of a query. Pure code.

The rules (:mod:`search.understanding`) read first; the learnt model
(:mod:`search.learnt`) then adds only what they did not read, always weak:

- needs it finds with probability NEED_LEAST or more (at most MAX_NEEDS, and none the
  rules read, strong or weak, or a danger read stands for) become weak need readings
  carrying their probability (``Concept.learnt``): they rank listings that meet them a
  little higher (more the likelier they are) and never choose or drop a listing;
- when the rules read no danger of either grade, the words hold no look-alike the cue
  lexicon knows ("ran off in the park": the rules judged them ordinary, and a bag of
  n-grams would read their harm words as danger), and the danger model's alarm reaches
  the threshold calibrated when the model was trained (:mod:`search.calibration`), its
  likeliest danger (and the next, when nearly as likely:
  :data:`search.learnt.SECOND_DANGER_SHARE`) is read as a cue: the one-line strip, never
  the panel (the panel stays with the rules), and, as every danger, its listings first
  (band 1);
- when the alarm reaches only the lower threshold calibrated against a false-alarm budget
  (band 2: :func:`search.calibration.strip_threshold`), the same dangers are read as cues
  for the strip: they are no concept of the reading, but kept aside (``Reading.quiet``):
  one listing meeting them leads, every other result in the order it has without them
  (:data:`search.engine.BAND2_LEADS`), and a search that finds nothing at all shows their
  listings as band 1 would (:func:`search.engine.search`).

NEED_LEAST was chosen on the validation part of the training sentences (``bench/learnt.py``
prints the trade-off). The alarm's threshold is not chosen by hand: a phrasebook or
training change moves the alarm's scores, so it is computed at every training against a
fixed set of ordinary sentences the model never learns from, and kept with the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from search.learnt import LearntModel, normalised
from search.understanding import Concept, Reading

NEED_LEAST = 0.3
GUESS_LEAST = 0.1
"""The least probability of the likeliest need a search that found nothing is loosened to
(:meth:`LearntReader.guess`): below NEED_LEAST, as it is tried only where nothing else
found anything, and the page says so."""
MAX_NEEDS = 2


@dataclass(frozen=True, eq=False)
class LearntReader:
    """A fitted model with the dangers the deployment knows (danger -> its needs) and
    its needs."""

    model: LearntModel
    danger_needs: Mapping[str, tuple[str, ...]]
    needs: frozenset[str]
    """The need codes the deployment defines: the model's others are never read."""
    need_least: float = NEED_LEAST
    danger_least: float | None = None
    """The alarm's band-1 threshold; None: the one calibrated with the model."""
    strip_least: float | None = None
    """The alarm's band-2 threshold; None: the one calibrated with the model. Never above
    band 1's (:attr:`band_least`)."""

    @property
    def alarm_least(self) -> float:
        """The alarm probability from which the strip shows with the danger's listings
        first (band 1)."""
        return self.model.danger_least if self.danger_least is None else self.danger_least

    @property
    def band_least(self) -> float:
        """The alarm probability from which the strip alone shows (band 2)."""
        least = self.model.strip_least if self.strip_least is None else self.strip_least
        return min(least, self.alarm_least)

    def band(self, probability: float) -> int:
        """The alarm's band for ``probability``: 1 (strip, listings first), 2 (strip
        alone) or 0 (nothing)."""
        if probability >= self.alarm_least:
            return 1
        return 2 if probability >= self.band_least else 0

    def guess(self, text: str) -> Concept | None:
        """The likeliest need of the words, as a weak reading, if it is GUESS_LEAST likely
        or more: what a sentence that found nothing at all, neither as read nor by any
        word, is loosened to (:func:`search.engine.guessed_attempt`), so a sentence in a
        language the listings are not written in is no dead end while its words tell of
        something ("dzieciaki się ciągle kłócą": relationships)."""
        for need in self.model.needs(text, GUESS_LEAST):
            if need.code in self.needs:
                key = f"need:{need.code}"
                return Concept(key, (), needs=(need.code,), strong=False, learnt=need.probability)
        return None

    def added(self, reading: Reading, text: str, lookalike: bool = False) -> Reading:
        """``reading`` with the learnt readings the rules did not make (see the module);
        no danger when the words hold a ``lookalike`` the rules know."""
        concepts = list(reading.concepts)
        cues = reading.cues
        quiet: tuple[Concept, ...] = ()
        needs, guess = self.model.read(text, self.need_least)
        band = 0 if guess is None else self.band(guess.probability)
        if band and guess is not None and not (reading.dangers or reading.cues or lookalike):
            dangers = [c for c in (guess.code, *guess.others) if c in self.danger_needs]
            learnt = [
                Concept(
                    f"danger:{code}",
                    (),
                    needs=self.danger_needs[code],
                    priority=True,
                    strong=False,
                    learnt=guess.probability,
                )
                for code in dangers
            ]
            if band == 1:
                concepts[:0] = learnt
            else:
                quiet = tuple(learnt)
            cues = tuple(dangers) or cues
        read = {concept.key for concept in concepts}
        covered = {need for concept in concepts if concept.priority for need in concept.needs}
        if _rules_read_every_word(reading, text):
            needs = []
        added = 0
        for need in needs:
            if added == MAX_NEEDS:
                break
            key = f"need:{need.code}"
            if key in read or need.code in covered or need.code not in self.needs:
                continue
            concepts.append(
                Concept(key, (), needs=(need.code,), strong=False, learnt=need.probability)
            )
            added += 1
        if len(concepts) == len(reading.concepts) and not quiet:
            return reading
        return replace(reading, concepts=tuple(concepts), cues=cues, quiet=quiet)


def _rules_read_every_word(reading: Reading, text: str) -> bool:
    """Whether the rules' own readings stand for every word of ``text``: the learnt
    needs would then only read the same words again, a second need with no evidence of
    its own ("stay and play" read as early years by its phrase is no weak "activities"
    from "play" as well)."""
    ruled = {
        word
        for concept in reading.concepts
        if not concept.learnt
        for word in normalised(" ".join(concept.words)).split()
    }
    words = normalised(text).split()
    return bool(ruled) and all(word in ruled for word in words)
