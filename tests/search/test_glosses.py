"""Another language's words put as the English they mean, and one spelling per word.

A language's book says which English phrase its phrases mean (``[english]``); a search is
glossed into those words before it is read and matched. Urdu and Punjabi words typed with
Arabic letters, without zer and zabar, without nukta or addak, or with their own digits are
compared as one spelling.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.cues import build_cues
from search.phrasebook import (
    PhrasebookError,
    compared,
    merge_phrasebook,
    own_spellings,
    parse_glosses,
    parse_phrasebook,
    script_fold,
)
from search.understanding import QueryReader
from search.word_forms import (
    gloss_derivations,
    gloss_fold,
    gloss_inflection,
    glosses_one_word,
    inflection_tails,
    polish_stem,
    punjabi_fold,
    reordered,
    romanised_fold,
)

TODAY = date(2026, 11, 23)
ENGLISH = {
    "language": "en",
    "meaningless": {"words": ["my", "for"]},
    "needs": {"food": {"phrases": ["food bank", "no food"]}},
    "kinds": {"holiday_activity": {"phrases": ["holiday club"]}},
    "ages": {"toddler": {"min": 1, "max": 3, "phrases": ["toddler"]}},
    "cost": {"free": {"phrases": ["free"]}},
    "dangers": {
        "child-at-risk": {"needs": ["crime-and-exploitation"], "phrases": ["child abuse"]},
    },
}
POLISH = {
    "meaningless": {"words": ["dla", "w"]},
    "dangers": {
        "child-at-risk": {"needs": ["crime-and-exploitation"], "phrases": ["bije dziecko"]},
    },
    "english": {
        "food bank": ["bank żywności", "banku żywności"],
        "holiday club": ["półkolonie"],
        "free": ["za darmo", "darmowe"],
        "child": ["dziecko"],
        "toddler": ["maluch"],
    },
}


def polish_reader(cues: dict[str, list[str]] | None = None) -> QueryReader:
    book = merge_phrasebook(parse_phrasebook(ENGLISH), POLISH, "pl.toml")
    lexicon = build_cues([], cues) if cues else None
    return QueryReader(
        book, cues=lexicon, glosses=parse_glosses(POLISH, "pl.toml"), gloss_fold=compared
    )


def test_a_phrase_is_put_as_the_english_it_means_and_read_as_english() -> None:
    reader = polish_reader()
    glossed = reader.gloss("bank żywności blisko")
    assert glossed == "food bank blisko"
    keys = [c.key for c in reader.read(glossed, {}, TODAY).concepts]
    assert keys == ["need:food"]


def test_case_forms_letters_and_longer_phrases() -> None:
    reader = polish_reader()
    assert reader.gloss("Banku Zywnosci") == "food bank"
    assert reader.gloss("darmowe półkolonie dla maluch") == "free holiday club dla toddler"


def test_text_without_a_glossed_phrase_is_left_exactly_as_typed() -> None:
    reader = polish_reader()
    assert reader.gloss("Gdzie jest Kingswinford?") == "Gdzie jest Kingswinford?"
    assert QueryReader(parse_phrasebook(ENGLISH)).gloss("bank żywności") == "bank żywności"


def test_the_words_of_a_danger_phrase_are_never_glossed() -> None:
    """ "dziecko" is glossed as "child", except inside "bije dziecko" (a danger)."""
    reader = polish_reader()
    assert reader.gloss("dziecko za darmo") == "child free"
    glossed = reader.gloss("on bije dziecko za darmo")
    assert glossed == "on bije dziecko free"
    assert reader.read(glossed, {}, TODAY).dangers == ("child-at-risk",)


def test_a_gloss_yields_to_a_longer_book_phrase() -> None:
    """ "zdrowie" alone is glossed "health", but "zdrowie psychiczne" is a two-word
    phrase of the book (mental health): it is read whole, not as "health"."""
    book = merge_phrasebook(
        parse_phrasebook(
            {**ENGLISH, "needs": {**ENGLISH["needs"], "health": {"phrases": ["health"]}}}
        ),
        {"needs": {"mental-health": {"phrases": ["zdrowie psychiczne"]}}},
        "pl.toml",
    )
    glosses = {**POLISH, "english": {**POLISH["english"], "health": ["zdrowie"]}}
    reader = QueryReader(book, glosses=parse_glosses(glosses, "pl.toml"), gloss_fold=compared)
    assert reader.gloss("zdrowie taty") == "health taty"
    glossed = reader.gloss("zdrowie psychiczne dziecko")
    assert glossed == "zdrowie psychiczne child"
    keys = {c.key for c in reader.read(glossed, {}, TODAY).concepts}
    assert "need:mental-health" in keys and "need:health" not in keys


def test_a_gloss_as_long_as_the_book_phrase_is_still_made() -> None:
    """The English a whole phrase is glossed as is kept: the listings' own words match it."""
    book = merge_phrasebook(
        parse_phrasebook(ENGLISH), {"needs": {"food": {"phrases": ["bank żywności"]}}}, "pl"
    )
    reader = QueryReader(book, glosses=parse_glosses(POLISH, "pl.toml"), gloss_fold=compared)
    assert reader.gloss("bank żywności") == "food bank"


def test_the_words_of_a_danger_cue_are_never_glossed() -> None:
    reader = polish_reader({"child-at-risk": ["krzywdzi .. dziecko"]})
    glossed = reader.gloss("ktoś krzywdzi moje dziecko")
    assert glossed == "ktoś krzywdzi moje dziecko"
    assert reader.read(glossed, {}, TODAY).cues == ("child-at-risk",)


def test_a_phrase_may_mean_one_english_phrase_only() -> None:
    twice = {"english": {"food bank": ["bank żywności"], "pantry": ["bank zywnosci"]}}
    with pytest.raises(PhrasebookError, match="means both 'food bank' and 'pantry'"):
        parse_glosses(twice, "pl.toml")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (["food bank"], r"\[english\] must map English phrases to lists"),
        ({"food bank": "bank żywności"}, "expected a list of non-empty texts"),
        ({"food bank": [" "]}, "expected a list of non-empty texts"),
        ({"...": ["bank żywności"]}, "has no words"),
        ({"food bank": ["..."]}, "has no words"),
    ],
)
def test_a_malformed_english_table_is_refused(table: object, message: str) -> None:
    with pytest.raises(PhrasebookError, match=message):
        parse_glosses({"english": table}, "pl.toml")


def test_an_english_table_is_allowed_in_a_book_and_reads_nothing_by_itself() -> None:
    book = parse_phrasebook({"language": "pl", **POLISH})
    assert ("bank", "żywnosci") not in book.keys
    assert ("bank", "zywnosci") not in book.keys


@pytest.mark.parametrize(
    ("typed", "standard"),
    [
        ("فوڈ بينك", "فوڈ بینک"),  # Arabic yeh and kaf for the Urdu letters
        ("بهوک", "بھوک"),  # heh for do-chashmi heh
        ("بَچّہ", "بچہ"),  # zabar and shadd written in
        ("آپ", "اپ"),  # alef with madda
        ("۱۴", "14"),  # Urdu digits
        ("ਬਚਾ", "ਬੱਚਾ"),  # no addak
        ("ਖੁਦਕੁਸੀ", "ਖ਼ੁਦਕੁਸ਼ੀ"),  # no nukta
        ("ਮੁੰਡਾ", "ਮੁਂਡਾ"),  # tippi or bindi
        ("੩", "3"),  # Gurmukhi digit
    ],
)
def test_the_ways_an_urdu_or_punjabi_word_is_typed_compare_as_one(
    typed: str, standard: str
) -> None:
    assert [compared(w) for w in typed.split()] == [compared(w) for w in standard.split()]


def test_different_words_stay_different() -> None:
    assert compared("بچہ") != compared("بچی")  # boy, girl
    assert compared("ਮਾਂ") != compared("ਮਾ")  # the nasal is kept
    assert script_fold("zywnosc") == "zywnosc"
    assert compared("żywność") == "zywnosc"


def test_a_book_phrase_is_found_in_any_spelling_of_its_words() -> None:
    book = parse_phrasebook(
        {"language": "ur", "needs": {"food": {"phrases": ["بھوک", "فوڈ بینک"]}}}
    )
    reader = QueryReader(book)
    for typed in ("بهوک", "فوڈ بينك", "فوڈ بینك"):
        assert [c.key for c in reader.read(typed, {}, TODAY).concepts] == ["need:food"]


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        (["bank", "banku", "bankach", "banki"], "bank"),
        (["żywności", "zywnosc", "żywność"], "zywnosc"),
        (["świetlica", "świetlicy", "swietlice", "świetlicach"], "swietlic"),
        (["półkolonie", "półkolonii", "polkoloniach"], "polkolon"),
        (["darmowe", "darmowych", "darmowej", "darmowy"], "darmow"),
        (["niemowlak", "niemowlaka", "niemowlakiem", "niemowlakami"], "niemowlak"),
        (["zajęcia", "zajęć", "zajęciach", "zajeciami"], "zajec"),
        (["mieszkanie", "mieszkania", "mieszkaniu", "mieszkaniem"], "mieszkan"),
        (["terapia", "terapii", "terapie", "terapią"], "terap"),
        (["darmowym", "darmowymi", "darmowe"], "darmow"),
    ],
)
def test_polish_case_endings_are_one_word(forms: list[str], stem: str) -> None:
    assert {polish_stem(form) for form in forms} == {stem}


def test_short_polish_words_and_numbers_keep_their_ends() -> None:
    assert polish_stem("dla") == "dla"
    assert polish_stem("mama") == "mama"
    assert polish_stem("2") == "2"
    assert polish_stem("ciąża") != polish_stem("ciężarna")


@pytest.mark.parametrize(
    "forms",
    [
        ["bachay", "bache", "bachey"],
        ["chhuttiyan", "chuttiyan", "chutiyan", "chhuttian"],
        ["qarza", "karza", "karja"],
        ["mashwarah", "mashwara", "mashvara"],
        ["kamm", "kam"],
        ["maalish", "malish"],
        # small words as typed on a phone
        ["nahi", "nhi", "nahin", "nahee", "ni"],
        ["ke", "k", "kay"],
        ["hai", "h"],
        ["mein", "mn", "me", "men"],
        ["vich", "wich", "ch"],
        ["kuch", "kuchh", "kuj", "kujh"],
        # long vowels written as pairs, and "ai" before a consonant as "e"
        ["doodh", "dudh"],
        ["beemar", "bimar"],
        ["shauhar", "shohar"],
        ["naukri", "nokri"],
        ["zaroorat", "zarurat"],
        ["paise", "pese", "paisay"],
        ["kaise", "kese"],
        ["hoon", "hun"],
    ],
)
def test_romanised_spellings_of_a_word_are_one(forms: list[str]) -> None:
    assert len({romanised_fold(form) for form in forms}) == 1


def test_romanised_folding_keeps_different_words_apart_and_script_as_books_fold() -> None:
    assert romanised_fold("beta") != romanised_fold("beti")  # son, daughter
    assert romanised_fold("nai") != romanised_fold("nahi")  # new (nai maa), not
    assert punjabi_fold("nai") == punjabi_fold("nahi") == punjabi_fold("ni")  # not
    assert punjabi_fold("ne") != punjabi_fold("nai")  # "dhee ne", by the daughter
    assert romanised_fold("beemar") != romanised_fold("bemari")  # ill, illness
    assert romanised_fold("ke") != romanised_fold("ki")
    assert romanised_fold("بينك") == compared("بینک")
    assert gloss_fold("pl") is polish_stem
    assert gloss_fold("ur") is romanised_fold
    assert gloss_fold("pa") is punjabi_fold
    assert gloss_fold("en") is compared


def test_a_polish_reader_finds_the_gloss_in_any_case() -> None:
    book = merge_phrasebook(parse_phrasebook(ENGLISH), POLISH, "pl.toml")
    reader = QueryReader(
        book, glosses=parse_glosses(POLISH, "pl.toml", polish_stem), gloss_fold=polish_stem
    )
    assert reader.gloss("w bankach żywności") == "w food bank"
    assert reader.gloss("półkoloniach") == "holiday club"


def test_a_misspelt_word_is_glossed_as_the_word_one_edit_away() -> None:
    reader = polish_reader()
    assert reader.gloss("polkolnie") == "holiday club"
    assert reader.gloss("bank zywnsci") == "food bank"


def test_real_words_and_the_indexs_words_are_never_respelled_into_a_gloss() -> None:
    book = merge_phrasebook(parse_phrasebook(ENGLISH), POLISH, "pl.toml")
    reader = QueryReader(
        book,
        common_words=frozenset({"polkolonia"}),
        glosses=parse_glosses(POLISH, "pl.toml"),
        gloss_fold=compared,
    )
    assert reader.gloss("polkolonia") == "polkolonia"
    assert reader.gloss("polkolnie", {"polkolnie": 1}) == "polkolnie"
    assert reader.gloss("polkolnie") == "holiday club"


ABBREVIATIONS = {
    "meaningless": {"words": ["dla", "w", "żeby", "ma"]},
    "english": {
        "not sleeping": ["sen"],
        "dentist": ["zęby"],
        "meet other mums": ["żeby poznać mamy"],
        "gp": ["lekarz rodzinny"],
    },
}


def abbreviation_reader() -> QueryReader:
    book = merge_phrasebook(parse_phrasebook(ENGLISH), ABBREVIATIONS, "pl.toml")
    return QueryReader(
        book, glosses=parse_glosses(ABBREVIATIONS, "pl.toml", polish_stem), gloss_fold=polish_stem
    )


def test_an_english_abbreviation_in_a_polish_sentence_stays_english() -> None:
    """Polish "sen" is sleep, but "SEN" in capitals is special educational needs."""
    reader = abbreviation_reader()
    assert reader.gloss("szkoła mówi że może mieć SEN") == "szkoła mówi że może mieć SEN"
    assert reader.gloss("SEN i lekarz rodzinny") == "sen i gp"
    assert reader.gloss("dziecko ma problem ze sen") == "dziecko ma problem ze not sleeping"
    # in a search typed all in capitals, capitals say nothing
    assert reader.gloss("PROBLEM SEN") == "problem not sleeping"


def test_a_small_word_is_glossed_only_inside_a_longer_phrase() -> None:
    """ "żeby" (so that) folds as "zęby" (teeth) does, but is one of the language's small
    words: alone it stays itself; "zęby" is still the dentist."""
    reader = abbreviation_reader()
    assert reader.gloss("chodzi żeby spać") == "chodzi żeby spać"
    assert reader.gloss("bolą go zęby") == "bolą go dentist"
    assert reader.gloss("żeby poznać mamy") == "meet other mums"


FAMILIES = {"english": {"crying all the time": ["płakać"], "shouting": ["krzyczę"]}}


def family_reader(inflection: int) -> QueryReader:
    book = merge_phrasebook(parse_phrasebook(ENGLISH), FAMILIES, "pl.toml")
    return QueryReader(
        book,
        glosses=parse_glosses(FAMILIES, "pl.toml", polish_stem),
        gloss_fold=polish_stem,
        gloss_inflection=inflection,
        inflection_tails=inflection_tails("pl"),
    )


def test_another_form_of_a_glossed_polish_word_is_read_as_it() -> None:
    reader = family_reader(gloss_inflection("pl"))
    assert reader.gloss("płakała całą noc") == "crying all the time całą noc"
    assert reader.gloss("płakałaś") == "crying all the time"
    assert reader.gloss("ciągle krzyczeli") == "ciągle shouting"
    # a word that only begins the same way, or adds too much, is not that word
    assert reader.gloss("płaszcz") == "płaszcz"
    assert reader.gloss("krzyżówka") == "krzyżówka"
    assert reader.gloss("płakałyśmy") == "płakałyśmy"


REPAIRS = {"english": {"repairs": ["naprawa"], "pregnant": ["ciężarna"], "leak": ["przeciek"]}}


def test_a_word_differs_from_a_glossed_one_only_by_an_inflection() -> None:
    """What two forms of one Polish word differ by past what they share is a verb's or an
    adjective's ending: "naprawić" is "naprawa", "naprawdę" (really) is not; "przecież"
    (after all) is no leak, "ciężarówka" (a lorry) and "ciężarem" (a burden) not pregnant."""
    book = merge_phrasebook(parse_phrasebook(ENGLISH), REPAIRS, "pl.toml")
    everyday = ("naprawdę", "przecież", "ciężarówkę", "ciężarem")
    reader = QueryReader(
        book,
        common_words=frozenset(everyday),
        glosses=parse_glosses(REPAIRS, "pl.toml", polish_stem),
        gloss_fold=polish_stem,
        gloss_inflection=gloss_inflection("pl"),
        inflection_tails=inflection_tails("pl"),
    )
    assert reader.gloss("trzeba naprawić") == "trzeba repairs"
    for text in everyday:
        assert reader.gloss(text) == text


@given(st.from_regex(r"[a-z]{0,4}", fullmatch=True))
def test_only_endings_are_inflections(tail: str) -> None:
    """Every tail the pattern takes is made of a verb's or an adjective's ending letters."""
    pattern = inflection_tails("pl")
    assert pattern is not None
    if pattern.fullmatch(tail):
        assert set(tail) <= set("aeiylcjmszow"), tail


def test_languages_without_inflections_read_only_the_glossed_forms() -> None:
    assert gloss_inflection("ur") == gloss_inflection("pa") == 0
    reader = family_reader(0)
    assert reader.gloss("płakałaś") == "płakałaś"


ROMANISED = {
    "meaningless": {"words": ["hi", "nahi", "ke"]},
    "needs": {"food": {"phrases": ["muft khana", "khana"]}},
    "context": {"expressions": ["thak ke mar gayi"]},
    "english": {
        "not sleeping": ["sota nahi"],
        "food bank": ["khana bank"],
        "free": ["muft"],
        "died": ["mar gayi"],
    },
}


def romanised_reader() -> QueryReader:
    book = merge_phrasebook(
        parse_phrasebook(
            {
                **ENGLISH,
                "needs": {**ENGLISH["needs"], "health": {"phrases": ["not sleeping"]}},
                "cost": {"free": {"phrases": ["free"]}},
            }
        ),
        ROMANISED,
        "ur.toml",
    )
    return QueryReader(book, glosses=parse_glosses(ROMANISED, "ur.toml"), gloss_fold=compared)


def test_a_small_word_no_gloss_uses_may_sit_inside_a_glossed_phrase() -> None:
    reader = romanised_reader()
    assert reader.gloss("bacha sota hi nahi") == "bacha not sleeping"
    assert reader.gloss("khana hi bank") == "food bank"


def test_a_small_word_a_gloss_uses_is_never_passed_over() -> None:
    """ "nahi" (not) is a word of "sota nahi": "khana nahi bank" is no food bank."""
    assert romanised_reader().gloss("khana nahi bank") == "khana nahi bank"


def test_the_words_of_an_everyday_expression_are_never_glossed() -> None:
    reader = romanised_reader()
    assert reader.gloss("ammi mar gayi") == "ammi died"
    assert reader.gloss("thak ke mar gayi hoon") == "thak ke mar gayi hoon"


def test_a_gloss_that_leaves_the_longer_phrase_read_is_made() -> None:
    """ "muft khana" (free food): "free khana" still reads food, and free too."""
    reader = romanised_reader()
    glossed = reader.gloss("muft khana")
    assert glossed == "free khana"
    keys = {c.key for c in reader.read(glossed, {}, TODAY).concepts}
    assert keys == {"need:food", "cost:free"}


URDU = {
    "meaningless": {"words": ["se", "mein", "ko"]},
    "needs": {
        "school-and-attendance": {"phrases": ["school se nikal"]},
        "activities": {"phrases": ["chutiyon mein"]},
        "food": {"phrases": ["muft khana", "khana"]},
    },
    "english": {"kicked out": ["nikaal diya"], "free": ["muft"], "holidays": ["chuttiyan"]},
}


def urdu_reader() -> QueryReader:
    book = merge_phrasebook(
        parse_phrasebook(
            {**ENGLISH, "needs": {**ENGLISH["needs"], "housing": {"phrases": ["kicked out"]}}}
        ),
        URDU,
        "ur.toml",
    )
    glosses = own_spellings(URDU, parse_glosses(URDU, "ur.toml", romanised_fold), romanised_fold)
    return QueryReader(book, glosses=glosses, gloss_fold=romanised_fold)


def test_a_phrase_is_read_with_its_small_words_typed_short() -> None:
    """ "nhi" and "h" as typed on a phone are the book's "nahi" and "hai"."""
    book = merge_phrasebook(
        parse_phrasebook(ENGLISH), {"english": {"no food": ["khana nahi hai"]}}, "ur"
    )
    glosses = parse_glosses({"english": {"no food": ["khana nahi hai"]}}, "ur", romanised_fold)
    reader = QueryReader(book, glosses=glosses, gloss_fold=romanised_fold)
    assert reader.gloss("ghar mn khana nhi h") == "ghar mn no food"


def test_a_book_phrase_is_read_in_any_spelling_of_its_words() -> None:
    """ "nikaal" is "nikal" spelt long: the book's "school se nikal" (excluded), not the
    gloss "kicked out" (housing) of "nikaal diya"."""
    reader = urdu_reader()
    glossed = reader.gloss("bete ko school se nikaal diya")
    assert glossed == "bete ko school se nikal diya"
    keys = {c.key for c in reader.read(glossed, {}, TODAY).concepts}
    assert keys == {"need:school-and-attendance"}


def test_a_phrase_typed_as_the_book_writes_it_leaves_shorter_glosses_to_work() -> None:
    assert urdu_reader().gloss("muft khana") == "free khana"


def test_a_phrase_of_one_word_that_says_something_is_not_glossed_as_itself() -> None:
    """ "chuttiyon mein" is the holidays ("chuttiyan"), as the English gloss says."""
    assert urdu_reader().gloss("chuttiyon mein") == "holidays mein"


def test_a_form_two_entries_share_is_left_as_typed() -> None:
    raw = {
        "needs": {
            "food": {"phrases": ["khana bank"]},
            "money-and-debt": {"phrases": ["khaana bank"]},
        }
    }
    assert own_spellings(raw, {}, romanised_fold) == {}


OWN_WORDS = {
    "meaningless": {"words": ["ma", "z", "mnie"]},
    "needs": {
        "mental-health-and-wellbeing": {"phrases": ["depresja"]},
        "housing": {"phrases": ["przeprowadzka", "przeprowadzce"]},
        "substance-use": {"phrases": ["alkohol"]},
    },
    "dangers": {"domestic-abuse": {"needs": ["domestic-abuse"], "phrases": ["bicie"]}},
    "english": {"birth": ["rodzenie"], "siblings fighting": ["rodzeństwo się kłóci"]},
}
MENTAL_HEALTH = {"needs": {"mental-health-and-wellbeing": {"phrases": ["anxious"]}}}


def own_words_reader() -> QueryReader:
    """A Polish reader as the site builds it: the book's own one-word phrases are read in
    their other case endings (only as typed), and adjectives of a glossed word as it."""
    book = merge_phrasebook(
        merge_phrasebook(parse_phrasebook(ENGLISH), MENTAL_HEALTH, "en"), OWN_WORDS, "pl.toml"
    )
    english = parse_glosses(OWN_WORDS, "pl.toml", polish_stem)
    glosses = own_spellings(OWN_WORDS, english, polish_stem, one_word=glosses_one_word("pl"))
    return QueryReader(
        book,
        glosses=glosses,
        gloss_fold=polish_stem,
        gloss_inflection=gloss_inflection("pl"),
        gloss_derivations=gloss_derivations("pl"),
        exact_glosses=frozenset(k for k in glosses if len(k) == 1 and k not in english),
    )


def test_a_polish_one_word_phrase_is_read_in_its_other_case_endings() -> None:
    """ "depresję", "depresji", "depresją" are the book's "depresja"; "przeprowadzki" its
    "przeprowadzka"; a danger's one word is read only as the book writes it."""
    reader = own_words_reader()
    assert reader.gloss("córka ma depresję") == "córka ma depresja"
    assert reader.gloss("z depresji") == "z depresja"
    assert reader.gloss("bez przeprowadzki") == "bez przeprowadzka"
    assert reader.gloss("mnie biciem") == "mnie biciem"
    keys = {c.key for c in reader.read(reader.gloss("depresją"), {}, TODAY).concepts}
    assert keys == {"need:mental-health-and-wellbeing"}


def test_only_polish_glosses_its_own_one_word_phrases() -> None:
    assert glosses_one_word("pl")
    assert not glosses_one_word("ur") and not glosses_one_word("pa")
    assert own_spellings(OWN_WORDS, {}, polish_stem) == {}
    one_word = own_spellings(OWN_WORDS, {}, polish_stem, one_word=True)
    assert one_word[("depresj",)] == "depresja"
    assert ("bici",) not in one_word  # a danger phrase


def test_a_polish_one_word_phrase_is_no_target_for_a_misspelling() -> None:
    """ "przeprowadzić" (to carry out) is one letter from "przeprowadzce" but is no move."""
    reader = own_words_reader()
    assert reader.gloss("chce przeprowadzic wywiad") == "chce przeprowadzic wywiad"


def test_an_adjective_of_a_glossed_word_is_read_as_it_and_a_sibling_is_not() -> None:
    """ "alkoholowy" problem is alcohol; "rodzeństwo" (siblings, glossed in a longer
    phrase) only begins like "rodzenie" (giving birth)."""
    reader = own_words_reader()
    assert reader.gloss("problem alkoholowy") == "problem alkohol"
    assert reader.gloss("z problemem alkoholowym") == "z problemem alkohol"
    assert reader.gloss("nowe rodzeństwo") == "nowe rodzeństwo"
    assert reader.gloss("szkoła rodzenia") == "szkoła birth"


def test_polish_sie_is_read_before_or_after_its_verb() -> None:
    """ "ciągle się kłócimy" is the gloss "kłócimy się"; a phrase of the table written in
    the other order keeps its own meaning; Urdu and Punjabi words keep their order."""
    raw = {
        "english": {
            "arguing": ["kłócimy się"],
            "worried": ["zamartwia się", "się martwi"],
            "fighting": ["martwi się"],
        }
    }
    glosses = parse_glosses(raw, "pl.toml", polish_stem, reordered("pl"))

    def key(text: str) -> tuple[str, ...]:
        return tuple(polish_stem(word) for word in text.split())

    assert glosses[key("się kłócimy")] == "arguing"
    assert glosses[key("się zamartwia")] == "worried"
    assert glosses[key("martwi się")] == "fighting"
    assert glosses[key("się martwi")] == "worried"
    assert reordered("ur")(("ghar", "sie")) == ()
    book = merge_phrasebook(parse_phrasebook(ENGLISH), raw, "pl.toml")
    reader = QueryReader(book, glosses=glosses, gloss_fold=polish_stem)
    assert reader.gloss("ciągle się kłócimy") == "ciągle arguing"


def test_polish_sie_in_the_middle_of_a_phrase_moves_either_way() -> None:
    """ "rodzeństwo się bije" is read as typed "rodzenstwo bije sie" too, letters off."""
    raw = {"english": {"sibling rivalry": ["rodzeństwo się bije"]}}
    glosses = parse_glosses(raw, "pl.toml", polish_stem, reordered("pl"))
    for typed in ("rodzenstwo bije sie", "rodzeństwo się bije", "się rodzeństwo bije"):
        assert glosses[tuple(polish_stem(word) for word in typed.split())] == "sibling rivalry"
