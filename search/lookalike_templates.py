"""Look-alikes by class, written out from templates: ordinary sentences that use harm's words.

Fear alone ("dar lagda", "I'm scared"), loneliness ("isolated with a newborn"), a child's
behaviour towards other children ("bije inne dzieci", "hits other kids"), a knife beside a
fork, a child hit by a cricket ball, a child lost for a while and found, and being put out
of a pub, a game or a chat (by a partner or family too), a habit kicked, a ball kicked out
and rubbish thrown out are needs or ordinary life, not danger, in every shipped language
and script. Each template is crossed with its slots' words, so a class is many sentences,
not one.

``tests/search/test_lookalike_templates.py`` checks that none raises the panel or the
strip; the learnt alarm's threshold is calibrated on them (:mod:`directory.calibration`),
and the model never learns from them.
"""

from __future__ import annotations

from itertools import product


def crossed(template: str, **slots: tuple[str, ...]) -> list[str]:
    """``template`` written out once for every combination of its slots' words."""
    names = list(slots)
    return [
        template.format(**dict(zip(names, words, strict=True)))
        for words in product(*(slots[name] for name in names))
    ]


_TEMPLATED: dict[str, list[str]] = {
    "fear alone": [
        *crossed(
            "{who}{fear}{when}",
            who=("", "mainu ", "menu "),
            fear=("dar lagda", "darr lagda", "bahut dar lagda"),
            when=("", " raat nu", " school ton pehlan"),
        ),
        *crossed(
            "{who}{fear}{when}",
            who=("", "ਮੈਨੂੰ "),
            fear=("ਡਰ ਲੱਗਦਾ", "ਬਹੁਤ ਡਰ ਲੱਗਦਾ", "ਡਰ ਲੱਗਦਾ ਹੈ"),
            when=("", " ਰਾਤ ਨੂੰ", " ਇਮਤਿਹਾਨ ਤੋਂ ਪਹਿਲਾਂ"),
        ),
        *crossed(
            "{who}{fear}{when}",
            who=("", "mujhe ", "مجھے "),
            fear=("dar lagta hai", "ڈر لگتا ہے", "بہت ڈر لگتا ہے"),
            when=("", " raat ko", " آج کل"),
        ),
        *crossed("{fear}{when}", fear=("boję się", "boje sie"), when=("", " wszystkiego")),
    ],
    "loneliness": [
        *crossed(
            "{state} with {baby}{rest}",
            state=("so isolated", "im isolated", "really lonely", "i am isolated"),
            baby=("a newborn", "the baby", "twins", "my toddler"),
            rest=("", " and my partner works away", " since my husband went back to work"),
        ),
        *crossed(
            "{state} since {event}",
            state=("isolated", "completely isolated", "so lonely"),
            event=("the baby came", "we moved to dudley", "my partner started nights"),
        ),
    ],
    "a child's behaviour towards other children": [
        *crossed(
            "{child} {act} other {kids}{place}",
            child=("my son", "my daughter", "my 4 year old", "our lad"),
            act=("hits", "bites", "kicks", "pushes"),
            kids=("kids", "children", "boys"),
            place=("", " at nursery", " in the playground"),
        ),
        *crossed(
            "{child}{act} {kids}{place}",
            child=("", "syn ", "mój syn ", "córka "),
            act=("bije", "gryzie", "popycha", "kopie"),
            kids=("inne dzieci", "innych dzieci", "kolegów"),
            place=("", " w przedszkolu", " w szkole"),
        ),
        *crossed(
            "{child} doosre bachon ko {act}",
            child=("mera beta", "meri beti"),
            act=("maarta hai", "marti hai"),
        ),
        *crossed(
            "{child} ਦੂਜੇ ਬੱਚਿਆਂ ਨੂੰ {act}",
            child=("ਮੇਰਾ ਪੁੱਤ", "ਮੇਰੀ ਧੀ"),
            act=("ਮਾਰਦਾ ਹੈ", "ਮਾਰਦੀ ਹੈ"),
        ),
    ],
    "a knife beside a fork": [
        *crossed(
            "{knife} {joined}{fork}{whom}",
            knife=("churi", "chhuri", "چھری"),
            joined=("", "aur ", "اور "),
            fork=("kanta", "کانٹا"),
            whom=("", " bachon ke liye", " بچوں کے لیے"),
        ),
        *crossed(
            "{whom}{knife} {joined}{fork}",
            whom=("", "ਬੱਚਿਆਂ ਲਈ ", "bachean layi "),
            knife=("ਛੁਰੀ", "ਚਾਕੂ", "chhuri"),
            joined=("", "ਤੇ ", "te "),
            fork=("ਕਾਂਟਾ", "kanta"),
        ),
        *crossed("{knife} i widelec{whom}", knife=("nóż", "noz"), whom=("", " dla dziecka")),
    ],
    "a child hit by a cricket ball": [
        *crossed(
            "{child} ko cricket {ball} {hit}",
            child=("bete", "mere bete", "beti"),
            ball=("ball", "ki ball", "ki gend"),
            hit=("lagi", "lag gayi", "lagne se chot aayi"),
        ),
        *crossed(
            "{child} کو کرکٹ کی {ball} {hit}",
            child=("بیٹے", "بیٹی"),
            ball=("گیند", "بال"),
            hit=("لگی", "لگ گئی"),
        ),
        *crossed(
            "{child} ਨੂੰ ਕ੍ਰਿਕਟ ਦੀ {ball} {hit}",
            child=("ਪੁੱਤ", "ਮੁੰਡੇ", "ਧੀ"),
            ball=("ਗੇਂਦ", "ਬਾਲ"),
            hit=("ਵੱਜੀ", "ਲੱਗੀ"),
        ),
    ],
    "a child lost for a while and found": [
        *crossed(
            "{child} school bus se gum ho gaya {then} mil gaya",
            child=("beta", "mera beta", "bacha"),
            then=("", "phir", "baad mein"),
        ),
        *crossed(
            "{child} اسکول بس سے گم ہو گیا تھا {then} مل گیا",
            child=("بیٹا", "میرا بیٹا"),
            then=("پھر", "بعد میں"),
        ),
        *crossed(
            "{child} ਸਕੂਲ ਬੱਸ ਤੋਂ ਗੁੰਮ ਹੋ ਗਿਆ ਸੀ {then} ਲੱਭ ਗਿਆ",
            child=("ਪੁੱਤ", "ਮੇਰਾ ਪੁੱਤ"),
            then=("ਫਿਰ", "ਬਾਅਦ ਵਿੱਚ"),
        ),
        *crossed(
            "{child} zgubił się w {place} ale {found}",
            child=("syn", "córka"),
            place=("parku", "sklepie"),
            found=("znaleźliśmy go po 10 minutach", "odnalazł się"),
        ),
    ],
    "thrown out of work, school, a club, a course or a shop": [
        *crossed(
            "{who}{out} {place}{rest}",
            who=("", "my boss ", "they "),
            out=("kicked me out of", "threw me out of", "chucked me out of"),
            place=("work", "the job", "the club", "the shop", "the course", "college"),
            rest=("", " today"),
        ),
        *crossed(
            "{who}{out} {whom}{place}{rest}",
            who=("", "szef ", "znowu "),
            out=("wyrzucił", "wyrzucili", "wywalili"),
            whom=("mnie ", "nas ", "go "),
            place=("z pracy", "z roboty", "z klubu", "z kursu", "ze sklepu", "ze szkoły"),
            rest=("", " co teraz"),
        ),
        *crossed(
            "{whom} {place} se {out}",
            whom=("mujhe", "mere shohar ko", "beti ko"),
            place=("naukri", "kaam", "school", "club"),
            out=("nikal diya", "nikal diya gaya"),
        ),
        *crossed(
            "{whom} {place} se {out}",
            whom=("مجھے", "میرے شوہر کو"),
            place=("نوکری", "کام"),
            out=("نکال دیا", "نکال دیا گیا"),
        ),
        *crossed(
            "{whom} {place} ton {out}",
            whom=("mainu", "mere pati nu", "kudi nu"),
            place=("naukri", "kamm", "school", "club"),
            out=("kadh dita", "kadh ditta"),
        ),
        *crossed(
            "{whom} {place} ਤੋਂ {out}",
            whom=("ਮੈਨੂੰ", "ਮੇਰੇ ਪਤੀ ਨੂੰ"),
            place=("ਨੌਕਰੀ", "ਕੰਮ"),
            out=("ਕੱਢ ਦਿੱਤਾ",),
        ),
    ],
    "put out of a pub, a game or a chat by family, a habit kicked, a ball or rubbish out": [
        *crossed(
            "{who} {out} of the {place}{rest}",
            who=("my husband", "my boyfriend", "my dad", "my mum", "my brother", "he", "she"),
            out=("kicked me out", "threw me out", "chucked us out", "booted me out"),
            place=("pub", "game", "group chat", "match", "party", "kitchen", "gym"),
            rest=("", " last night"),
        ),
        *crossed(
            "{who} got {out} of the {place}",
            who=("my husband", "my son", "my dad", "my partner"),
            out=("kicked out", "thrown out", "chucked out"),
            place=("pub", "club", "match", "party"),
        ),
        *crossed(
            "{who} {kicked} the {thing}",
            who=("my husband", "my wife", "my dad", "he"),
            kicked=("kicked", "finally kicked", "is trying to kick"),
            thing=("habit", "smoking habit", "drinking habit"),
        ),
        *crossed(
            "{who} kicked the ball out of the {place}",
            who=("my husband", "my boyfriend", "my son", "my brother"),
            place=("garden", "park", "playground"),
        ),
        *crossed(
            "{who} {out} the {thing}",
            who=("my husband", "my wife", "my partner", "my son", "she"),
            out=("threw out", "chucked out"),
            thing=("rubbish", "old sofa", "recycling", "leftovers"),
        ),
    ],
}

LOOK_ALIKES = {kind: list(dict.fromkeys(texts)) for kind, texts in _TEMPLATED.items()}
"""Each class's sentences, once each (two templates may write the same one)."""
