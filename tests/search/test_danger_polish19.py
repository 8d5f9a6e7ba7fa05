"""Polish danger said plainly and frightened (issue 17, polishdanger19): the rules alone
read each kind in fresh words, and the play and toy look-alikes raise nothing."""

from __future__ import annotations

from datetime import date

import pytest

from search.understanding import QueryReader

TODAY = date(2026, 3, 2)

DANGER = {
    "domestic-abuse": [
        "on pijany wali w drzwi i krzyczy ze mnie dopadnie",
        "maz dobija sie do drzwi od godziny, boje sie otworzyc",
        "schowalam sie z dziecmi w lazience bo on szaleje",
        "ukrywamy się w sypialni przed nim, pomocy",
        "potrzebuje schroniska dla kobiet na dzisiaj, nie mam dokad isc",
    ],
    "child-at-risk": [
        "chlopiec 10 lat robi wyzwanie z tiktoka z duszeniem sie paskiem",
        "za sciana slychac jak ktos bije dziecko, placz i uderzenia",
        "ojciec nie pozwala zawiezc malej do lekarza a ma goraczke od tygodnia",
        "pijana matka wozi dzieci samochodem po miescie",
        "zostawia braciszka samego na cały dzień i gdzieś wychodzi",
        "piję tyle że nie pamiętam wieczoru a jestem sama z niemowlęciem",
    ],
    "suicide-and-self-harm": [
        "syn przypala sobie rece zapalniczka",
        "córka parzy się papierosami po udach",
        "kolega napisal ze sie ze wszystkimi zegna i wylaczyl telefon",
        "tata pisze ze dzis pojdzie na tory",
    ],
    "exploitation": [
        "jakis chlopak chce zeby syn przepuscil przelew przez swoje konto za kase",
        "starsi koledzy wciagaja brata w dilowanie",
        "facet obiecal siostrze sesje zdjeciowa i kaze jej przyjechac sama do hotelu",
        "wujek przyjechal do pracy, szef zabral mu paszport i nie placa od miesiaca",
    ],
    "forced-marriage": [
        "tesciowa chce obrzezac moja corke w wakacje u rodziny",
        "rodzina mowi ze za hanbe mnie ukarza",
    ],
}

ORDINARY = [
    "maly uderza siostre plastikowym mieczem jak sie bawia",
    "synek krzyczy zabije cie podczas gry w berka",
    "corka wali mlotkiem zabawkowym w klocki",
    "sasiad wali w sciane jak dzieci halasuja",
    "chowamy sie w lazience w zabawie w chowanego",
    "corka chce zrobic challenge na tiktoku z tancem",
    "syn bawil sie zapalniczka, jak mu wytlumaczyc ze to niebezpieczne",
    "dwulatek ucieka mi na zakupach w supermarkecie",
]


@pytest.mark.parametrize(
    ("danger", "text"), [(code, text) for code, texts in DANGER.items() for text in texts]
)
def test_polish_danger_said_plainly_reads_as_its_danger(
    rules: QueryReader, danger: str, text: str
) -> None:
    reading = rules.read(text, {}, TODAY)
    assert danger in reading.dangers + reading.cues, text


@pytest.mark.parametrize("text", ORDINARY)
def test_polish_play_and_toys_raise_nothing(rules: QueryReader, text: str) -> None:
    reading = rules.read(text, {}, TODAY)
    assert not reading.dangers and not reading.cues, text
