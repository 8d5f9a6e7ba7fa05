"""Whom a listing is for, read from its own words at index time (search.audience)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.audience import ADULT, YOUNG, first_sentence, inferred_audience
from search.documents import ServiceDocument
from search.indexing import FOR, INFERRED_FOR, keyword_terms

YOUNG_WORDS = [
    "young people",
    "young people's",
    "children and young people",
    "teenagers",
    "under 18s",
    "CAMHS",
    "11 to 18 year olds",
]
ADULT_WORDS = ["adults", "women", "men", "over 18s", "18 and over"]
FAMILY_WORDS = ["parents", "carers", "families", "your child"]
TOPICS = ["mental health crisis", "self-harm", "domestic abuse", "thoughts of suicide"]


@pytest.mark.parametrize(
    ("name", "summary", "who"),
    [
        ("Children's Crisis Helpline", "", YOUNG),
        ("CAMHS Crisis Team", "Urgent help when a child's mental health is at risk.", YOUNG),
        ("Safe Haven Refuge", "Emergency housing for women and their children.", ADULT),
        ("Crisis Line", "Phone support, day and night, for adults in a crisis.", ADULT),
        ("Barnardo's support for children affected by domestic abuse", "", YOUNG),
        ("Women's Aid support for children and young people", "", YOUNG),
        ("Parent Talk", "Advice for parents and carers about teenagers.", ""),
        ("SEND line", "Advice for parents and young people up to 25.", ""),
        ("Food bank", "Emergency food parcels for local people in crisis.", ""),
    ],
)
def test_a_listings_own_words_say_whom_it_is_for(name: str, summary: str, who: str) -> None:
    assert inferred_audience(name, summary)[0] == who


@given(
    st.sampled_from(YOUNG_WORDS + ADULT_WORDS),
    st.sampled_from(TOPICS),
    st.sampled_from(["Support for {w} in {t}.", "{t} support: {w}", "Help with {t} ({w})."]),
)
def test_audience_words_in_any_frame_are_read(word: str, topic: str, frame: str) -> None:
    who, said = inferred_audience("Crisis service", frame.format(w=word, t=topic))
    assert who == (YOUNG if word in YOUNG_WORDS else ADULT)
    assert said


@given(
    st.sampled_from(YOUNG_WORDS + ADULT_WORDS),
    st.sampled_from(FAMILY_WORDS),
    st.sampled_from(TOPICS),
)
def test_words_for_families_say_the_whole_family(word: str, family: str, topic: str) -> None:
    """A listing that also names parents or families serves the whole family: no audience."""
    summary = f"Help with {topic} for {family} and {word}."
    assert inferred_audience("Support", summary)[0] == ""


@given(st.sampled_from(ADULT_WORDS), st.integers(0, 15))
def test_ages_given_overrule_the_words(word: str, top: int) -> None:
    """A listing for children only is never read as for adults, whatever its words."""
    ages = tuple(range(0, top + 1))
    assert inferred_audience("Support", f"Help for {word}.", ages=ages)[0] == ""


def test_family_centres_serve_families_whatever_their_words() -> None:
    assert inferred_audience("Family hub", "For young people", kind="family_hub") == ("", "")


def test_the_index_keeps_inferred_audience_apart_from_stated_ages() -> None:
    inferred = keyword_terms(
        ServiceDocument(id="a", name="Adult crisis line", description="For adults. Call us.")
    )
    assert inferred[INFERRED_FOR] == (ADULT,) and inferred[FOR] == ()
    stated = keyword_terms(
        ServiceDocument(id="b", name="Youth club for adults", ages=tuple(range(11, 19)))
    )
    assert stated[FOR] == (YOUNG,) and stated[INFERRED_FOR] == ()


def test_the_summary_is_the_first_sentence() -> None:
    assert first_sentence("For adults. Not for children.") == "For adults."
    assert first_sentence("") == ""
