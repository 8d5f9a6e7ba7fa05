"""A word of one language is never read by its meaning in another (``search.homographs``).

English "i" (the searcher) is Polish "and", English "we" Polish "in", Polish "mam" (I have)
English "mam" (mother), Polish "on" (he) English "on": each is read by the harm classes
only in a sentence not written in the language it would be the other word of.
"""

from __future__ import annotations

import pytest

from directory.understanding import harm_words, small_words
from search.homographs import SmallWords
from search.understanding import _tokens

SMALL = SmallWords.of({"en": ["i", "and", "my", "me"], "pl": ["i", "i", "mnie", "się", "że"]})


def _keys(text: str) -> list[str]:
    return [token.key for token in _tokens(text)]


def test_a_sentence_is_in_the_language_only_its_small_words_or_letters_tell() -> None:
    assert SMALL.written_in(["my", "son", "and", "i"]) == "en"
    assert SMALL.written_in(["syn", "bije", "mnie", "i", "płacze"]) == "pl"
    # a letter only Polish small words hold ("ę" of "się"), with no small word at all
    assert SMALL.written_in(["brat", "bije", "siostrę"]) == "pl"
    assert SMALL.written_in(["i"]) is None
    assert SMALL.written_in(["my", "mnie"]) is None
    assert SMALL.written_in(["my", "mnie"], votes=["pl"]) == "pl"
    assert SMALL.written_in(["my", "mnie"], unsure={"my"}) == "pl"


def test_a_false_friend_is_a_small_word_the_other_language_does_not_list_alike() -> None:
    assert SMALL.false_friends("i", "en", {"en": ["i"]}) == {"pl"}
    assert SMALL.false_friends("i", "en", {"en": ["i"], "pl": ["i"]}) == frozenset()
    assert SMALL.false_friends("mnie", "pl", {}) == frozenset()


def test_the_shipped_harm_classes_know_their_false_friends() -> None:
    known = harm_words().false_friends.items()
    friends = {(entry[0][0], entry[1]): langs for entry, langs in known}
    assert "pl" in friends[("i", "self")]
    assert "pl" in friends[("we", "self")]
    assert "en" in friends[("on", "someone")]
    assert small_words().written_in(_keys("mąż mnie bije i dzieci")) == "pl"


@pytest.mark.parametrize(
    "text",
    [
        "mąż mnie bije i dzieci",
        "mam dość, tata pije i bije",
        "syn bije kolegów i ucieka",
        "brat bije siostre i placze",
        "wujek krzyczy i grozi",
        "dzieci sie bija i krzycza caly dzien",
    ],
)
def test_polish_i_is_never_the_searcher(text: str) -> None:
    """Polish "i" is "and", typed with Polish letters or without them."""
    found = harm_words().words(_keys(text))
    assert not [w for w in found if w.text == "i" and w.cls == "self"], text


@pytest.mark.parametrize(
    "text", ["i was hit by my partner", "he went for me and i ran", "we are scared he will kill us"]
)
def test_english_i_and_we_are_still_the_searcher(text: str) -> None:
    found = harm_words().words(_keys(text))
    assert [w for w in found if w.text in ("i", "we") and w.cls == "self"], text


def test_english_mam_is_a_mother_and_polish_mam_is_i_have() -> None:
    assert any(w.text == "mam" for w in harm_words().words(_keys("my mam hits me")))
    assert not any(w.text == "mam" for w in harm_words().words(_keys("mam dość, tata pije")))


def test_polish_says_the_searcher_in_the_verb_where_i_is_and() -> None:
    """With "i" no longer the searcher, a Polish threat still names who it is made to:
    a first-person verb of leaving, telling or seeing ("jak odejdę", "nie zobaczę")."""
    keys = _keys("mówi że jak odejdę zabierze dzieci i nigdy ich nie zobaczę")
    assert [f.danger for f in harm_words().read(keys)] == ["domestic-abuse"]
