"""Plain signs of danger in Urdu and Punjabi, in script and romanised, and the everyday
sentences that share their words (issue 17).

A child hit or bruised, a baby shaken, in-laws who keep a woman in or keep her passport,
dowry demands and a visa used as a threat, a girl taken abroad and kept there, honour,
a son paying off someone's debt or carrying packets to another town, cutting oneself and
wanting to die so that others have peace are read as the danger they are, on the page in
either language. A knife with vegetables, a wedding back home, coming to this country by
marriage, anxiety that keeps one in, children fighting each other, a landlord's threat,
"I'll die if I don't get it", tiredness and games read no danger. The sentences were
written for these tests and are no sentence of any relevance or training set.
"""

from __future__ import annotations

from datetime import date

import pytest

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader
from search.understanding import QueryReader

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def readers() -> dict[str, QueryReader]:
    council = load_council(DEFAULT_COUNCIL_FILE)
    safety = load_safety_lines(council)
    return {language: load_reader(council, safety, language=language) for language in ("ur", "pa")}


def _dangers(reader: QueryReader, text: str) -> set[str]:
    """The dangers of either grade (panel or strip) ``text`` reads as."""
    reading = reader.read(reader.gloss(text), {}, TODAY)
    return {*reading.dangers, *reading.cues}


DANGERS = [
    # Urdu, romanised
    ("ur", "meri nand apni bachi ko maarti hai uske chehre pe neele nishan the", "child-at-risk"),
    ("ur", "padosan apne baby ko zor se hilati hai jab woh rota hai", "child-at-risk"),
    ("ur", "saas ne mera passport chhupa diya hai", "domestic-abuse"),
    ("ur", "sasural wale mujhe ghar se bahar nahi jane dete", "domestic-abuse"),
    ("ur", "jahez ke liye saas roz taane deti hai", "domestic-abuse"),
    ("ur", "shohar kehta hai visa cancel karwa dunga", "domestic-abuse"),
    ("ur", "behen ko pakistan le gaye ab wapas nahi aane dete", "forced-marriage"),
    ("ur", "beta kehta hai kisi ka qarz chukana hai bahut ghabraya hua hai", "exploitation"),
    ("ur", "bete ke paas do phone hain aur raat ko ghayab rehta hai", "exploitation"),
    ("ur", "beti blade se apne haath kaatti hai", "suicide-and-self-harm"),
    ("ur", "main mar jaun to sab ko sukoon mil jayega", "suicide-and-self-harm"),
    ("ur", "dil karta hai nehar mein chhalang laga doon", "suicide-and-self-harm"),
    # Urdu script
    ("ur", "بیٹی کے بازو پر نیلے نشان ہیں", "child-at-risk"),
    ("ur", "ساس نے میرا پاسپورٹ چھپا دیا ہے", "domestic-abuse"),
    ("ur", "جہیز کے لیے سسرال والے تنگ کرتے ہیں", "domestic-abuse"),
    ("ur", "ابو کہتے ہیں عزت کے لیے کچھ بھی کریں گے", "forced-marriage"),
    ("ur", "بھانجی کو پاکستان لے گئے اب واپس نہیں آئی", "forced-marriage"),
    ("ur", "بیٹا کہتا ہے کسی کا قرض اتارنا ہے", "exploitation"),
    ("ur", "دل کرتا ہے نہر میں چھلانگ لگا دوں", "suicide-and-self-harm"),
    ("ur", "بیٹے کے پاس چاقو ہے", "exploitation"),
    # Punjabi, romanised
    ("pa", "mera boyfriend meri dhee nu thappad maarda", "child-at-risk"),
    ("pa", "sass ne mera passport luka leya", "domestic-abuse"),
    ("pa", "daaj layi sohre roz tang karde ne", "domestic-abuse"),
    ("pa", "gharwala kehnda visa radd karwa dau", "domestic-abuse"),
    ("pa", "kudi nu pakistan lai gaye hun wapas nai aun dende", "forced-marriage"),
    ("pa", "putt kehnda kise da karza laahna", "exploitation"),
    ("pa", "munde kol 2 phone ne te raat nu gayab rehnda", "exploitation"),
    ("pa", "ik banda kattar videos dikhanda te meetings te lai janda", "exploitation"),
    ("pa", "main mar java taan sab nu sukh mil jau", "suicide-and-self-harm"),
    ("pa", "blade naal apne aap nu katt laindi", "suicide-and-self-harm"),
    ("pa", "gawandiyan de bache kalle ne koi vadda nai", "child-at-risk"),
    # Punjabi, Gurmukhi
    ("pa", "ਮੇਰਾ ਪਾਰਟਨਰ ਧੀ ਨੂੰ ਥੱਪੜ ਮਾਰਦਾ", "child-at-risk"),
    ("pa", "ਸੱਸ ਨੇ ਮੇਰਾ ਪਾਸਪੋਰਟ ਰੱਖ ਲਿਆ", "domestic-abuse"),
    ("pa", "ਦਾਜ ਲਈ ਰੋਜ਼ ਤੰਗ ਕਰਦੇ ਨੇ", "domestic-abuse"),
    ("pa", "ਪਤੀ ਕਹਿੰਦਾ ਵੀਜ਼ਾ ਰੱਦ ਕਰਵਾ ਦਊਂ", "domestic-abuse"),
    ("pa", "ਦਿਲ ਕਰਦਾ ਨਹਿਰ ਵਿੱਚ ਛਾਲ ਮਾਰ ਦਿਆਂ", "suicide-and-self-harm"),
    ("pa", "ਪੁੱਤ ਨੂੰ ਪੈਕੇਟ ਦੇ ਕੇ ਦੂਜੇ ਸ਼ਹਿਰ ਭੇਜਦੇ", "exploitation"),
    ("pa", "ਕੁੜੀ ਬਲੇਡ ਨਾਲ ਬਾਂਹ ਕੱਟਦੀ", "suicide-and-self-harm"),
    # In-laws who hit, a kick in a pregnancy, a farewell letter, tablets taken, wanting to
    # die, a marriage abroad arranged, a refuge needed tonight, a child left in a car
    ("ur", "nand aur saas mujhe roz maarti hain", "domestic-abuse"),
    ("ur", "pregnancy mein usne pet pe laat maari", "domestic-abuse"),
    ("ur", "بیٹی نے الوداعی خط چھوڑا ہے", "suicide-and-self-harm"),
    ("ur", "kabhi kabhi marne ko dil karta hai", "suicide-and-self-harm"),
    ("ur", "cousin ko nikah ke liye pakistan bhej rahe hain", "forced-marriage"),
    ("ur", "mujhe aaj raat panah gah chahiye bachon ke sath", "domestic-abuse"),
    ("pa", "ਸੱਸ ਤੇ ਜੇਠ ਮੈਨੂੰ ਕੁੱਟਦੇ ਨੇ", "domestic-abuse"),
    ("pa", "ohne saariyan goliyan kha laiyan, bahut", "suicide-and-self-harm"),
    ("pa", "ਕਦੇ ਕਦੇ ਮਰਨ ਨੂੰ ਦਿਲ ਕਰਦਾ", "suicide-and-self-harm"),
    ("pa", "bhain da viah layi india lai ke jaane", "forced-marriage"),
    ("pa", "gawandi bache nu gaddi ch chhad ke shopping karde", "child-at-risk"),
    # Beside round 18's look-alikes: a threat by a partner with a school named, being
    # shut in by someone, a cut that is no haircut
    ("ur", "shohar dhamki deta hai ke bachay le jayega, school ko bataya", "domestic-abuse"),
    ("ur", "shohar mujhe kamre mein band kar deta hai", "domestic-abuse"),
    ("pa", "ਪਤੀ ਮੈਨੂੰ ਕਮਰੇ ਵਿੱਚ ਬੰਦ ਕਰ ਦਿੰਦਾ ਹੈ", "domestic-abuse"),
    ("ur", "beti ne apni kalai kaat li", "suicide-and-self-harm"),
    # A burden, better off without one; money moved through a child's account
    ("ur", "main sab pe bojh hoon", "suicide-and-self-harm"),
    ("pa", "mere bina sab saukhe rehnge", "suicide-and-self-harm"),
    ("ur", "bete ke account mein anjaan paise aate hain", "exploitation"),
    ("pa", "ਧੀ ਦੇ ਖਾਤੇ ਵਿੱਚੋਂ ਕੋਈ ਪੈਸੇ ਕਢਵਾ ਲੈਂਦਾ", "exploitation"),
]


@pytest.mark.parametrize(("language", "text", "danger"), DANGERS)
def test_plain_signs_read_as_their_danger(
    readers: dict[str, QueryReader], language: str, text: str, danger: str
) -> None:
    assert danger in _dangers(readers[language], text)


LOOKALIKES = [
    # Urdu, romanised
    ("ur", "beti ko chhuri se pyaz kaatna sikhana hai"),
    ("ur", "hum pakistan gaye the shadi pe do hafte ke liye"),
    ("ur", "shadi ho kar aayi hoon naye dost chahiye"),
    ("ur", "ghar se bahar nahi ja pati ghabrahat hoti hai"),
    ("ur", "bachon ne ghar mein jang chhed rakhi hai"),
    ("ur", "landlord dhamki deta hai eviction ki"),
    ("ur", "beta vape peeta hai kya karein"),
    ("ur", "shohar sigret peeta hai chhudwana hai"),
    ("ur", "mar jaungi agar naya phone nahi mila"),
    ("ur", "thak ke mar gaye aaj kaam se"),
    ("ur", "kaam se thak kar jaan nikal gayi"),
    ("ur", "beta game mein ghayab rehta hai ghanton"),
    # Urdu script
    ("ur", "بچوں کو نانی کی موت کے بارے میں کیسے بتاؤں چھوٹے ہیں"),
    ("ur", "چھری سے سبزی کاٹنا سیکھنا ہے"),
    ("ur", "پاکستان سے شادی ہو کر آئی ہوں دوست نہیں ہیں"),
    ("ur", "بہن بھائی نے جنگ چھیڑ رکھی ہے"),
    ("ur", "مر جاؤں گی اگر عید کا جوڑا نہیں ملا"),
    # Punjabi, romanised
    ("pa", "chaku naal pyaz katt di si ungal katt gayi"),
    ("pa", "india gaye si viah te school ne fine laya"),
    ("pa", "viah karke aayi haan koi dost nai"),
    ("pa", "bache ik duje nu maarde khidone layi"),
    ("pa", "landlord dhamki dinda ghar khali karo"),
    ("pa", "bacha game ch gayab rehnda saara din"),
    ("pa", "thakk ke mar gaye ajj"),
    # Punjabi, Gurmukhi
    ("pa", "ਚਾਕੂ ਨਾਲ ਸਬਜ਼ੀ ਕੱਟਦੀ ਸੀ"),
    ("pa", "ਪਿੰਡ ਗਏ ਸੀ ਵਿਆਹ ਤੇ"),
    ("pa", "ਇੰਡੀਆ ਤੋਂ ਵਿਆਹ ਕਰਕੇ ਆਈ ਹਾਂ"),
    ("pa", "ਬੱਚਿਆਂ ਨੇ ਜੰਗ ਛੇੜੀ ਹੋਈ"),
    # Consent, a stomach ache, a sugar "overdose", nerves, rough games, a bumped head
    ("ur", "shadi dono ki marzi se ho rahi hai hall chahiye"),
    ("ur", "بیٹی کے پیٹ میں درد رہتا ہے"),
    ("ur", "birthday pe sugar overdose ho gaya bachon ka haha"),
    ("ur", "interview se jaan nikal rahi hai"),
    ("ur", "bachon ke papa ne milna band kar diya hai"),
    ("pa", "viah apni marzi naal aa, venue labhna"),
    ("pa", "ਇਮਤਿਹਾਨ ਤੋਂ ਜਾਨ ਨਿਕਲਦੀ ਪਈ"),
    ("pa", "munde nu kabaddi ch dhakka mukki pasand"),
    ("pa", "kudi ne sir darwaze naal maar leya, gumma"),
    # A bruise from a ball; going to a cousin's wedding abroad
    ("ur", "football mein bete ko gend lagi bas neela nishan hai"),
    ("ur", "khala ki shadi ke liye pakistan ja rahe hain chhutti chahiye"),
    ("pa", "cricket khed da si gend vajji, ਨੀਲ ਪੈ ਗਿਆ"),
    ("pa", "bhra de viah layi india ja rahe haan"),
    # Round 18, by class: an office's threat of a fine; dying of boredom or heat; a
    # haircut; a race run; a game with guns; a teenager who keeps to their room
    ("ur", "council wale jurmane ki dhamki de rahe hain bill late hai"),
    ("ur", "اسکول نے جرمانے کی دھمکی دی ہے چھٹیوں کی وجہ سے"),
    ("pa", "council ne jurmane di dhamki ditti"),
    ("pa", "ਸਕੂਲ ਵਾਲੇ ਜੁਰਮਾਨੇ ਦੀ ਧਮਕੀ ਦਿੰਦੇ ਹਨ"),
    ("ur", "garmi se mar gaye aaj park mein"),
    ("ur", "بچے بور ہو کے مر گئے ہیں گھر میں"),
    ("pa", "garmi naal mar gaye aaj"),
    ("ur", "beti ne khud apne baal kaat liye"),
    ("pa", "ਮੁੰਡੇ ਨੇ ਆਪਣੇ ਵਾਲ ਆਪ ਕੱਟ ਲਏ"),
    ("ur", "beta school ki race mein bhaaga aur jeet gaya"),
    ("pa", "dhee race vich bhajji te medal aaya"),
    ("ur", "beta bandook wala game khelta hai raat tak"),
    ("pa", "munda gun wali game khedda saara din"),
    ("ur", "beti kamre mein band rehti hai sara din phone pe"),
    ("pa", "ਧੀ ਕਮਰੇ ਵਿੱਚ ਬੰਦ ਰਹਿੰਦੀ ਹੈ ਕਿਸੇ ਨਾਲ ਨਹੀਂ ਬੋਲਦੀ"),
    ("ur", "shadi ke baad england aayi hoon dost nahi hain"),
    ("ur", "bete ka pehla bank account kholna hai paise jama karne"),
    ("ur", "mere bina ghar ka kaam kaun karega"),
]


@pytest.mark.parametrize(("language", "text"), LOOKALIKES)
def test_everyday_sentences_sharing_their_words_read_no_danger(
    readers: dict[str, QueryReader], language: str, text: str
) -> None:
    reading = readers[language].read(readers[language].gloss(text), {}, TODAY)
    assert {*reading.dangers, *reading.cues} - set(reading.quiet_cues) == set(), (
        "no panel and no strip but the learnt alarm's band 2, which has its budget"
    )
