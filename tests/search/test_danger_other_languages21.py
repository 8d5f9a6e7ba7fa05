"""Danger said plainly in Polish, Urdu and Punjabi (issue 17), by class: the rules alone
read each sign in the language's own words (Polish with and without its letters, Urdu
script, Gurmukhi and romanised), and the look-alikes beside each class raise nothing,
the learnt alarm set aside.

Written by otherdanger21 in its own words, one or more sentences per class, not taken from
the training files. Measured once before the new patterns, on the first 64 dangers and 30
look-alikes: 13 of 64 read and 29 of 30 quiet (one pill for a headache alarmed); after,
every danger here reads and every look-alike is quiet."""

from __future__ import annotations

from datetime import date

import pytest

from search.understanding import QueryReader
from tests.search.readers import rules_reader

TODAY = date(2026, 3, 2)

DANGER: dict[str, list[tuple[str, str]]] = {
    "child-at-risk": [
        ("pl", "sąsiadka zostawia roczną córkę samą w mieszkaniu i idzie na zakupy"),
        ("pl", "partner zostawia 2 latka samego w domu jak wychodzi do pracy"),
        ("pl", "czy moge zostawic 6 latke sama na cala noc bo pracuje na nocki"),
        ("pl", "babcia pije wódkę jak pilnuje małej"),
        ("pl", "ciocia pije caly dzien a opiekuje sie dziecmi brata"),
        ("pl", "maly spadl ze stolu jak bylam pijana i ma guza, nikomu nie powiedzialam"),
        ("pl", "corka ma 14 lat i jest w ciazy z jakims dorosłym facetem"),
        ("pl", "dzieci sasiadow siedza same na klatce w nocy na zimnie"),
        ("pl", "niemowle strasznie chudnie a matka nie wpuszcza położnej"),
        ("pl", "jestem w ciąży i ćpam, nie umiem przestać"),
        ("pl", "8 latek opiekuje sie mlodszym rodzenstwem bo mamy nie ma od kilku dni"),
        ("pl", "trener daje synowi prezenty i mowi zeby nie mowil rodzicom"),
        ("pl", "chlopak potrzasnal niemowlakiem bo plakal"),
        ("ur", "beta 10 saal ka masjid se ghar nahi aaya 4 ghante ho gaye"),
        ("pa", "ਪੁੱਤ ਸਕੂਲ ਤੋਂ ਘਰ ਨਹੀਂ ਆਇਆ ਪੰਜ ਘੰਟੇ ਹੋ ਗਏ"),
        ("ur", "padosi ke bache sardi mein raat ko bahar baithe hain, ghar band hai"),
        ("ur", "behan bachon ko khana nahi deti, ghar bohat ganda hai"),
    ],
    "exploitation": [
        ("pl", "córka 13 lat spotyka się z facetem po 25"),
        ("pl", "syn ma dwa telefony i jeździ pociągiem do innych miast"),
        ("pl", "syn ma kilka kart sim i ciagle ktos do niego dzwoni w nocy"),
        ("pl", "starsi koledzy z autem odbieraja syna w nocy, ma 14 lat"),
        ("pl", "jacys chlopacy kaza synowi przenosic paczki po dzielnicy"),
        ("pl", "syn ogląda w nocy filmy o zamachach i mówi że nienawidzi wszystkich"),
        ("pl", "dzieci sasiada nie chodza do szkoly tylko pracuja z nim na budowie"),
        ("ur", "بیٹے کے پاس بہت سارا کیش ہے، رات دیر سے آتا ہے"),
        ("ur", "beta bade larkon ke sath gaari mein ghoomta hai, naye kapre kahan se aaye"),
        ("pa", "ਮੁੰਡਾ ਵੱਡੇ ਮੁੰਡਿਆਂ ਨਾਲ ਰਾਤ ਨੂੰ ਕਾਰ ਵਿੱਚ ਜਾਂਦਾ"),
        ("pa", "putt de kol navi trainers te paise, vadde mundeyan naal ghumda"),
        ("ur", "kisi ne bete se uska bank account manga hai paison ke badle"),
        ("pa", "ਕਿਸੇ ਨੇ ਕੁੜੀ ਤੋਂ ਬੈਂਕ ਅਕਾਊਂਟ ਮੰਗਿਆ"),
        ("ur", "kuch aadmi beti ko muft khana aur vape dete hain aur gaari mein le jate hain"),
        (
            "ur",
            "koi instagram pe beti ko keh raha hai ke tasveerein sab ko bhej dega "
            "agar paise nahi diye",
        ),
        ("pa", "ਕੋਈ ਮੁੰਡੇ ਨੂੰ ਕਹਿੰਦਾ ਉਹਦੀਆਂ ਫੋਟੋਆਂ ਸਾਰਿਆਂ ਨੂੰ ਭੇਜ ਦੂ ਜੇ ਪੈਸੇ ਨਾ ਦਿੱਤੇ"),
        ("pl", "ktoś grozi synowi że pokaże wszystkim jego zdjęcia jak nie zapłaci"),
    ],
    "suicide-and-self-harm": [
        ("pl", "mam myśli żeby coś sobie zrobić"),
        ("pl", "od porodu mysle zeby cos sobie zrobic"),
        ("pl", "siostra pisze do wszystkich wiadomości jakby się żegnała"),
        ("pl", "nałykała się tabletek nasennych"),
        ("pl", "nalykalem sie lekow mamy"),
        ("pl", "mama mówi że zrobi sobie krzywdę"),
        ("pl", "chce sobie zrobic krzywde"),
        ("pl", "maz mowi ze niedlugo go nie bedzie i zostawil list"),
        ("ur", "ya allah mujhe utha le, ab aur nahi jeena"),
        ("ur", "اللہ مجھے اٹھا لے بس"),
        ("pa", "ਰੱਬ ਮੈਨੂੰ ਚੁੱਕ ਲਵੇ, ਹੋਰ ਨਹੀਂ ਹੁੰਦਾ"),
        ("pa", "rabb menu chukk lave bas"),
        ("pa", "ਮੇਰੇ ਬਿਨਾਂ ਸਾਰਿਆਂ ਦਾ ਸੌਖਾ ਹੋ ਜਾਊ"),
        ("ur", "main na rahun to sab ko sukoon mil jayega"),
        ("ur", "nehar ke paas khara hun abhi"),
        ("pa", "ਨਹਿਰ ਕੋਲ ਖੜ੍ਹੀ ਹਾਂ"),
        ("pa", "main canal kol khadi haan hune"),
        ("ur", "lagta hai khud ko kuch kar lungi"),
        ("pa", "ਆਪਣੇ ਆਪ ਨੂੰ ਕੁਝ ਕਰ ਲਊਂਗਾ"),
        ("pa", "apne aap nu kuch kar lavangi"),
        ("ur", "ammi goliyan chhupa ke rakhti hain aur kehti hain ab jeena nahi"),
    ],
    "forced-marriage": [
        ("pl", "ojciec mowi ze zhanbilam rodzine bo mam chlopaka"),
        ("pl", "brat grozi siostrze bo przyniosła wstyd rodzinie"),
        ("ur", "chhuttiyon ka keh rahe hain magar ammi ne jahez ka saman pack kiya hai"),
        ("pa", "ਛੁੱਟੀਆਂ ਦਾ ਕਹਿੰਦੇ ਨੇ ਪਰ ਦਾਜ ਦਾ ਸਮਾਨ ਪੈਕ ਹੈ"),
        ("ur", "maine apni marzi se shaadi ki to bhai mujhe dhoond rahe hain"),
        ("pa", "ਮੈਂ ਆਪਣੀ ਮਰਜ਼ੀ ਨਾਲ ਵਿਆਹ ਕਰਾਇਆ ਹੁਣ ਭਰਾ ਮੈਨੂੰ ਲੱਭਦੇ ਫਿਰਦੇ"),
        ("ur", "abbu ne kaha tum hamare liye mar gayi, ab chacha dhoond rahe hain"),
        ("ur", "نکاح سے انکار کیا تو کمرے میں بند کر دیا"),
    ],
    "domestic-abuse": [
        ("pl", "nie moge wrocic do domu bo on mnie pobije"),
        ("pl", "boję się wracać do domu kiedy on jest pijany"),
        ("pl", "gdzie moge spac dzis z dziecmi, nie moge wrocic do meza"),
        ("pl", "szukam telefonu zaufania dla kobiet bitych"),
    ],
}

ORDINARY: list[tuple[str, str]] = [
    ("pl", "zostawiam córkę 16 lat samą na weekend, czy to w porządku"),
    ("pl", "mąż pije piwo przy meczu a ja pilnuję dzieci"),
    ("pl", "zostawiłam 2 latka z babcią, sama idę do pracy"),
    ("pl", "byłam pijana na weselu i spadłam z krzesła"),
    ("pl", "babcia pije kawe jak pilnuje dzieci"),
    ("pl", "boje sie wracac do pracy po macierzynskim"),
    ("pl", "corka jest w ciazy, szukam szkoly rodzenia"),
    ("pl", "syn jezdzi pociagiem do szkoly w innym miescie"),
    ("pl", "syn ma nowa karte sim bo zgubil telefon"),
    ("pl", "zrobie sobie przerwe i herbate"),
    ("pl", "nie bedzie mnie w domu w piatek, kto odbierze dzieci"),
    ("pl", "dzieci siedza same w pokoju i graja na konsoli"),
    ("pl", "trener daje dzieciom medale po meczu"),
    ("pl", "łyknęłam tabletkę na ból głowy"),
    ("pl", "wstyd mi ze nie znam angielskiego"),
    ("pl", "mam ochote cos sobie kupic na urodziny"),
    ("pl", "nie moge wrocic do pracy bo nie mam opieki dla dziecka"),
    ("pl", "mąż pracuje na nocki a ja zostaje sama z dziećmi"),
    ("pl", "syn zegna sie z kolegami bo przeprowadzamy sie"),
    ("ur", "ya allah meri madad kar, naukri chahiye"),
    ("ur", "allah mujhe sabar de, bachay bohat shor karte hain"),
    ("pa", "ਰੱਬ ਮੈਨੂੰ ਹਿੰਮਤ ਦੇਵੇ"),
    ("ur", "nehar ke kinare walk karne jate hain bachon ke sath"),
    ("pa", "ਨਹਿਰ ਕੋਲ ਪਿਕਨਿਕ ਕਰਨ ਗਏ"),
    ("ur", "beta dost ki gaari mein school jata hai"),
    ("ur", "bete ka bank account kholna hai"),
    ("pa", "ਕੁੜੀ ਦਾ ਬੈਂਕ ਅਕਾਊਂਟ ਖੋਲ੍ਹਣਾ ਹੈ"),
    ("ur", "khud ko kuch waqt dena chahti hun"),
    ("pa", "ਆਪਣੇ ਆਪ ਨੂੰ ਕੁਝ ਸਮਾਂ ਦੇਣਾ"),
    ("ur", "beta masjid se aa kar khana khata hai"),
    ("ur", "bache bahar sardi mein khel rahe hain"),
    ("ur", "chhuttiyon mein cousin ki shaadi hai, kapre pack kar rahe hain"),
    ("pa", "ਮੈਂ ਆਪਣੀ ਮਰਜ਼ੀ ਨਾਲ ਵਿਆਹ ਕਰਾਇਆ, ਸਹੁਰੇ ਚੰਗੇ ਨੇ"),
    ("ur", "naye kapre kharidne hain bete ke liye"),
]


@pytest.fixture(scope="module")
def rules() -> dict[str, QueryReader]:
    return {language: rules_reader(language) for language in ("pl", "ur", "pa")}


@pytest.mark.parametrize(
    ("danger", "language", "text"),
    [(code, language, text) for code, said in DANGER.items() for language, text in said],
)
def test_a_plain_sign_reads_as_its_danger(
    rules: dict[str, QueryReader], danger: str, language: str, text: str
) -> None:
    reading = rules[language].read(text, {}, TODAY)
    assert danger in reading.dangers + reading.cues, text


@pytest.mark.parametrize(("language", "text"), ORDINARY)
def test_its_look_alikes_raise_nothing(
    rules: dict[str, QueryReader], language: str, text: str
) -> None:
    reading = rules[language].read(text, {}, TODAY)
    assert not reading.dangers and not reading.cues, text
