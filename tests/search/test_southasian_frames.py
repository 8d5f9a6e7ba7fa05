"""Urdu and Punjabi frames by class (issue 17, southasian20), script and romanised.

- Abuse said to be past and over: an abuse named in the past ("marta tha", used to hit;
  "ਕੁੱਟਦਾ ਸੀ"; "گھریلو تشدد ہوا تھا"; a refuge one was in) with a frame naming its end (a
  divorce, years gone by, jail, "ab mehfooz hun", "ਹੁਣ ਸੁਰੱਖਿਅਤ ਹਾਂ", survivor) reads the
  domestic-abuse need and no danger, as `[ended]` does in English. A present sign beside
  it, or an abuse with no end named, still shows.

- Everyday frames (a wall punched, a game won, a sport, anxiety, a contact dispute, a
  relative's suicide long past) raise nothing, and danger said plainly in each class
  shows.

The sentences were written for these tests and are no sentence of any relevance or
training set.
"""

from __future__ import annotations

from datetime import date

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.understanding import QueryReader, Reading
from search.word_forms import romanised_fold

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def readers() -> dict[str, QueryReader]:
    council = load_council(DEFAULT_COUNCIL_FILE)
    safety = load_safety_lines(council)
    return {language: load_reader(council, safety, language=language) for language in ("ur", "pa")}


def _read(readers: dict[str, QueryReader], language: str, text: str) -> Reading:
    reader = readers[language]
    return reader.read(reader.gloss(text), {}, TODAY)


def _quiet(reading: Reading) -> bool:
    """No panel, and no strip but the learnt alarm's band 2."""
    return not reading.dangers and set(reading.cues) <= set(reading.quiet_cues)


def _shown(reading: Reading) -> set[str]:
    return {*reading.dangers, *reading.cues}


ENDED = [
    ("ur", "mera pehla shohar bohat marta tha lekin talaq ho gayi ab mehfooz hun "
           "bachon ke liye support group"),
    ("ur", "do saal pehle refuge mein thi ab kaam dhoondh rahi hun"),
    ("ur", "میرا سابق شوہر مارتا تھا اب وہ جیل میں ہے مجھے counselling چاہیے"),
    ("ur", "دس سال پہلے گھریلو تشدد ہوا تھا اب بھی نیند نہیں آتی کسی سے بات کرنی ہے"),
    ("ur", "main domestic violence survivor hun kisi group mein madad karna chahti hun"),
    ("pa", "ਮੇਰਾ ਪਹਿਲਾ ਪਤੀ ਕੁੱਟਦਾ ਸੀ ਤਲਾਕ ਹੋ ਗਿਆ ਹੁਣ ਸੁਰੱਖਿਅਤ ਹਾਂ ਬੱਚਿਆਂ ਲਈ ਕਲੱਬ"),
    ("pa", "ਤਿੰਨ ਸਾਲ ਪਹਿਲਾਂ ਘਰੇਲੂ ਹਿੰਸਾ ਹੁੰਦੀ ਸੀ ਹੁਣ ਮੈਂ ਕੰਮ ਲੱਭਣਾ ਚਾਹੁੰਦੀ ਹਾਂ"),
    ("pa", "pichhle saal refuge ch si hun apna ghar aa furniture chahida"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text"), ENDED)
def test_an_abuse_past_and_over_reads_the_need_not_a_danger(
    readers: dict[str, QueryReader], language: str, text: str
) -> None:
    reading = _read(readers, language, text)
    assert _quiet(reading), text
    needs = {need for concept in reading.concepts for need in concept.needs}
    assert "domestic-abuse" in needs, text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a present sign beside the past abuse
        ("ur", "pehle marta tha talaq ho gayi lekin ab bhi phone pe dhamki deta hai "
               "jaan se maar dunga"),
        ("ur", "میرا سابق شوہر مارتا تھا طلاق ہو گئی لیکن اب گھر کے باہر کھڑا رہتا ہے "
               "اور دھمکیاں دیتا ہے"),
        ("pa", "ghar wala kuttda si divorce ho gaya par hun vi kehnda tainu jaan ton maar dau"),
        ("pa", "ਪਤੀ ਕੁੱਟਦਾ ਸੀ ਸਾਲ ਪਹਿਲਾਂ ਛੱਡਿਆ ਪਰ ਹੁਣ ਫਿਰ ਧਮਕੀਆਂ ਦਿੰਦਾ ਹੈ ਮਾਰ ਦੇਊਂਗਾ"),
        # no end named, or safety denied
        ("ur", "shohar kal raat bohat maarta raha main mehfooz nahi hun"),
        ("ur", "میرا شوہر مجھے مارتا ہے"),
        ("pa", "ghar wala roz kuttda hai main surakhit nahi haan"),
        ("pa", "ਮੇਰਾ ਪਤੀ ਮੈਨੂੰ ਕੁੱਟਦਾ ਹੈ"),
    ],
)  # fmt: skip
def test_a_present_or_unended_abuse_still_shows(
    readers: dict[str, QueryReader], language: str, text: str
) -> None:
    assert "domestic-abuse" in _shown(_read(readers, language, text)), text


# Everyday frames by class: a blow to a wall or a door, a video game or a board game won,
# a martial art wanted, anxiety that keeps one in, a parent kept from the children after a
# divorce (Cafcass), raising children alone after a death, a relative's suicide told as a
# bereavement, a plant that "strangles" a fence.
LOOK_ALIKES = [
    ("ur", "mera 6 saal ka beta gusse mein darwaze pe laatein maarta hai kya karun"),
    ("ur", "بیٹی غصے میں دیوار پر مکے مارتی ہے کوئی anger class"),
    ("pa", "munda gusse ch kandh te mukke maarda koi help"),
    ("ur", "beta fortnite mein sara din logon ko maarta hai screen time ka kya karun"),
    ("ur", "بیٹا PUBG میں پوری رات سب کو مارتا رہتا ہے نیند پوری نہیں ہوتی"),
    ("pa", "ਪੁੱਤ ਗੇਮ ਵਿੱਚ ਸਾਰੀ ਰਾਤ ਲੋਕਾਂ ਨੂੰ ਮਾਰਦਾ ਰਹਿੰਦਾ"),
    ("ur", "beti ludo mein sab ko hara deti hai koi chess club bachon ke liye"),
    ("pa", "ਧੀ ਸ਼ਤਰੰਜ ਵਿੱਚ ਸਾਰਿਆਂ ਨੂੰ ਹਰਾ ਦਿੰਦੀ ਕੋਈ club"),
    ("ur", "beta karate seekhna chahta hai usko maar peet wale khel pasand hain"),
    ("pa", "munda kushti sikhna chahunda maar kutt wali khed da shauk aa"),
    ("ur", "depression ki wajah se ghar se bahar nahi ja sakti koi online group"),
    ("pa", "ghabrahat karke ghar ton bahar nahi nikal sakdi koi group"),
    ("ur", "divorce ke baad bachon se milne nahi dete court ka kya tareeqa"),
    ("pa", "talaq ton baad bachian nu milan nahi dinde contact lai ki karan"),
    ("ur", "biwi ke jaane ke baad teen bachon ko akela paal raha hun koi support"),
    ("pa", "ਪਤਨੀ ਦੀ ਮੌਤ ਤੋਂ ਬਾਅਦ ਬੱਚੇ ਇਕੱਲਾ ਪਾਲ ਰਿਹਾ ਹਾਂ"),
    ("ur", "mere bhai ne do saal pehle khudkushi kar li thi ammi abhi tak ro rahi hain"),
    ("pa", "ਮੇਰੇ ਵੀਰ ਨੇ ਖੁਦਕੁਸ਼ੀ ਕਰ ਲਈ ਸੀ ਪਿਛਲੇ ਸਾਲ ਮਾਂ ਨੂੰ ਸੰਭਾਲਣਾ ਔਖਾ"),
    ("pa", "ivy ne saari fence strangle kar ditti council kattu ki"),
    # costs that "will kill", a child who cries as if hit, a wedding trip, a joke threat
    ("ur", "is mahine ka bijli ka bill to maar dalega koi madad"),
    ("pa", "ਕਿਰਾਇਆ ਤਾਂ ਮਾਰ ਦੇਵੇਗਾ ਕੋਈ ਮਦਦ"),
    ("ur", "بیٹی کے بال کاٹو تو ایسے روتی ہے جیسے میں اسے مار رہی ہوں"),
    ("pa", "ਅਸੀਂ ਦਸੰਬਰ ਵਿੱਚ ਪਾਕਿਸਤਾਨ ਵਿਆਹ ਤੇ ਜਾਣਾ ਸਕੂਲ ਤੋਂ ਛੁੱਟੀ"),
    ("ur", "wo meri chocolate kha gayi main usko maar doongi haha"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text"), LOOK_ALIKES)
def test_an_everyday_frame_raises_nothing(
    readers: dict[str, QueryReader], language: str, text: str
) -> None:
    assert _quiet(_read(readers, language, text)), text


# Danger said plainly, by class: a small child out in the cold for hours, blows heard from
# a child next door, a doctor refused for an ill child, photos asked of a child by an
# adult she knows, children hit with a belt or slipper (NSPCC); a threat over leaving and a
# throat grabbed (Women's Aid, Refuge); poison drunk, a farewell, a jump in front of a
# train (Samaritans, Papyrus); honour, a punishment for shame, being sent back for a
# wedding (Karma Nirvana, Forced Marriage Unit); work promised and the passport kept
# (Modern Slavery Helpline); money demanded for a picture (CEOP).
DANGERS = [
    ("ur", "bill ki wajah se jhagra hua aur shohar ne mujhe maara", "domestic-abuse"),
    ("pa", "ਕਿਰਾਏ ਤੇ ਬਹਿਸ ਹੋਈ ਤੇ ਘਰਵਾਲੇ ਨੇ ਮੈਨੂੰ ਕੁੱਟਿਆ", "domestic-abuse"),
    ("ur", "shohar kehta hai agar police ko bataya to maar dunga lol", "domestic-abuse"),
    ("ur", "padosi ka 4 saal ka bacha raat ko bahar sardi mein akela khara tha", "child-at-risk"),
    ("pa", "ਗੁਆਂਢੀਆਂ ਦਾ ਛੋਟਾ ਮੁੰਡਾ ਠੰਡ ਵਿੱਚ ਘੰਟਿਆਂ ਬਾਹਰ ਖੜ੍ਹਾ ਰਹਿੰਦਾ", "child-at-risk"),
    ("ur", "upar wale flat mein bacha roz chillata hai "
           "aur maarne ki aawazein aati hain", "child-at-risk"),
    ("pa", "bache nu bukhar bahut aa par ghar wala kehnda doctor nahi jaana", "child-at-risk"),
    ("ur", "meri beti ka tutor usse photos maangta hai", "child-at-risk"),
    ("pa", "ਕੋਚ ਮੇਰੀ ਧੀ ਤੋਂ ਫੋਟੋਆਂ ਮੰਗਦਾ ਹੈ", "child-at-risk"),
    ("pa", "gussa aunda ta bacheyan nu chappal naal maar dindi haan", "child-at-risk"),
    ("ur", "shohar kehta hai agar chhod ke gayi to dekh lena", "domestic-abuse"),
    ("pa", "ਘਰਵਾਲਾ ਕਹਿੰਦਾ ਜੇ ਛੱਡ ਕੇ ਗਈ ਤਾਂ ਦੇਖ ਲਊਂ", "domestic-abuse"),
    ("ur", "kal raat usne mera gala dabaya", "domestic-abuse"),
    ("pa", "oh ne mera gala fadya te dhakka ditta", "domestic-abuse"),
    ("ur", "maine kal raat zehar kha liya tha ab phir dil karta hai", "suicide-and-self-harm"),
    ("pa", "ਮੈਂ ਕੱਲ੍ਹ ਤੇਜ਼ਾਬ ਪੀ ਲਿਆ ਸੀ", "suicide-and-self-harm"),
    ("ur", "sorry ammi ab aur bardasht nahi hota", "suicide-and-self-harm"),
    ("pa", "ਕਰਜ਼ਾ ਬਹੁਤ ਹੈ ਸੋਚਦਾ ਟਰੱਕ ਅੱਗੇ ਛਾਲ ਮਾਰ ਦਿਆਂ", "suicide-and-self-harm"),
    ("ur", "dil karta hai train ke aage chhalang laga doon", "suicide-and-self-harm"),
    ("ur", "abbu kehte hain tune izzat mitti mein mila di ab saza milegi", "forced-marriage"),
    ("pa", "ਚਾਚਾ ਕਹਿੰਦਾ ਕੁੜੀ ਨੇ ਇੱਜ਼ਤ ਖਰਾਬ ਕੀਤੀ ਹੁਣ ਸਜ਼ਾ ਮਿਲੂ", "forced-marriage"),
    ("ur", "ghar wale meri behen ko nikah ke liye "
           "wapas pakistan bhej rahe hain", "forced-marriage"),
    ("pa", "ਘਰਦੇ ਮੈਨੂੰ ਵਿਆਹ ਲਈ ਵਾਪਸ ਭੇਜ ਰਹੇ ਨੇ", "forced-marriage"),
    ("ur", "agent ne naukri ka wada kiya tha ab passport rakh liya "
           "aur tankhwah nahi deta", "exploitation"),
    ("pa", "ਏਜੰਟ ਨੇ ਨੌਕਰੀ ਦਾ ਵਾਅਦਾ ਕੀਤਾ ਪਾਸਪੋਰਟ ਰੱਖ ਲਿਆ ਤਨਖਾਹ ਨਹੀਂ ਦਿੰਦਾ", "exploitation"),
    ("ur", "kisi ne beti ki photo le li hai ab paise maang raha hai "
           "warna viral kar dega", "exploitation"),
    ("pa", "munde di video kise kol aa ohne paise mange ne nahi ta share kar dau", "exploitation"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "danger"), DANGERS)
def test_a_danger_said_plainly_shows(
    readers: dict[str, QueryReader], language: str, text: str, danger: str
) -> None:
    assert danger in _shown(_read(readers, language, text)), text


@pytest.mark.parametrize(
    "spellings",
    [
        ("mileya", "milea", "milya"),
        ("dasseya", "dasya", "daseya"),
        ("chaddeya", "chhadya", "chadya"),
        ("bacheyan", "bachyan", "bachian"),
        ("leya", "lea", "lia", "lya"),
    ],
)
def test_the_punjabi_glide_before_an_ending_is_one_spelling(spellings: tuple[str, ...]) -> None:
    assert len({romanised_fold(word) for word in spellings}) == 1, spellings


def test_the_glide_rule_leaves_english_words_apart() -> None:
    assert romanised_fold("mean") != romanised_fold("miyan")
    assert romanised_fold("beta") != romanised_fold("beti")
