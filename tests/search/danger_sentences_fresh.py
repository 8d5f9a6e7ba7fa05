"""Fresh danger and ordinary sentences, written blind by danger4 before any fix.

Two batches written before the cue code or lexicon was changed, as people write on forums
and in texts to helplines: misspelt, unpunctuated, indirect. They measure how far danger
reading generalises beyond the sentences the lexicon was written from. Grooming,
radicalisation and county lines read as exploitation; stalking, coercive control,
child-to-parent and elder abuse as domestic abuse; honour abuse as forced marriage; FGM,
neglect and a missing child as a child at risk.

``OUT_OF_SAMPLE_*`` is the third batch, written after the first fixes without looking at
results, measured once, then added here.

Measured on the English page, first result meeting the danger's needs (the properties
check every page): before any fix the fresh batch read 104 of 134 dangers (78%) and
alarmed on 5 of 161 ordinary sentences; after the fixes 134 of 134 and none. The third
batch, measured once after those fixes, read 25 of 40 (62%) with 2 of 40 alarms: the
honest figure for unseen sentences.

``FOURTH_*`` is a further blind batch written after the third batch's fixes, measured once
on the English reader alone: 20 of 30 dangers read, no alarm on 30 ordinary sentences;
its Polish, Urdu and Punjabi round: 16 of 20 read, 1 of 15 ordinary alarmed; a last
round (honour, radicalisation, elder abuse, stalking, a parent drunk in charge): 13 of 20
read, none of 20 ordinary alarmed.
The five ordinary sentences after those 30 were written with the fixes, to hold them.

``FIFTH_*`` is a development batch written blind by a separate writer who had seen neither
the reader nor its lexicons (70 dangers: 40 English, 10 each Polish, Urdu, Punjabi; 50
look-alikes and 80 everyday sentences). Measured on each sentence's own language page,
first result meeting the danger's needs: before the co-occurrence reader
(``search/harm.py``) 48 of 70 dangers read (69%), 19 with an unrelated first result, 4
of 130 ordinary sentences alarmed (strip); with the reader's first version, written
before the batch was seen, 52 of 70, 17 unrelated, the same 4 alarms; after fixes made
by class (ages, elders, older men, gifts and sources, lost things) with the batch in
hand, 70 of 70, none unrelated, no alarm. Only the first two figures say how far the
reading generalises.
"""

from __future__ import annotations

from directory.calibration import ordinary_lists

# The ordinary lists live in councils/calibration/ordinary.toml: the learnt alarm's
# calibration set reads them at build time, when tests/ may not be there.
_LISTS = ordinary_lists()

FRESH_DANGER: dict[str, list[str]] = {
    "domestic-abuse": [
        "he said if i leave he'll make sure i never see the kids again",
        "my husband says no one will believe me and ill lose the kids",
        "hes always checking who im texting and goes mad if i dont answer straight away",
        "i walk on eggshells all the time in case he kicks off",
        "he threw a plate at my head last night",
        "my partner squeezed my neck until i saw stars",
        "boyfriend keeps my bank card and gives me 20 quid a week",
        "he wont let me go to work anymore",
        "he broke my phone so i couldnt ring anyone",
        "my fella smashed the tv and punched the door next to my face",
        "hes threatened to take the baby to pakistan if i leave",
        "he says hell put acid on my face if i go",
        "my ex keeps turning up at the school gates and watching me",
        "someone keeps leaving notes on my car and i think its my ex",
        "im being followed everywhere i go",
        "my husband calls me worthless and says im a bad mother every day",
        "he made me sleep in the car as punishment",
        "im scared to go home tonight",
        "he pinned me down on the bed and wouldnt let me up",
        "hes got a temper and the kids hide when he comes in",
        "partner spits at me and drags me by my hair",
        "my son is 19 and he pushes me around and takes my money for drugs",
        "my teenage daughter hits me and im too ashamed to tell anyone",
        "my granddaughter is taking my pension and shouting at me",
        "my brother in law keeps hitting my sister and she wont leave",
        "i think my neighbour is being beaten by her husband i hear screaming",
        "my friend has black eyes all the time and makes excuses",
        "my mum's new boyfriend hits her when hes drunk",
        "he says he'll kill himself if i leave him",
        "he threatened to hurt the dog if i didnt do what he said",
        "he raped me while i was asleep",
        "my wife controls everything i do and i'm a man so no one listens",
        "he's installed cameras in the house to watch me",
        "my ex hacked my facebook and messages all my friends",
        # Polish
        "mąż mnie szarpie i wyzywa przy dzieciach",
        "partner nie daje mi pieniędzy na jedzenie",
        "boje sie wrocic do domu",
        "on mnie kontroluje i sprawdza mój telefon",
        "syn mnie popycha i zabiera mi emeryturę",
        # Urdu / romanised Urdu
        "mera shohar mujhe dhamkiyan deta hai",
        "woh mujhe gaaliyan deta hai aur marta hai",
        "میرا شوہر مجھے پیسے نہیں دیتا اور مارتا ہے",
        "saas mujhe ghar mein band kar deti hai",
        # Punjabi / romanised Punjabi
        "mera pati mainu dhamkaunda hai",
        "ਮੇਰਾ ਪਤੀ ਮੈਨੂੰ ਗਾਲਾਂ ਕੱਢਦਾ ਅਤੇ ਮਾਰਦਾ ਹੈ",
    ],
    "suicide-and-self-harm": [
        "cant stop thinking about ending it all",
        "i dont see the point in anything anymore and want it all to end",
        "everyone would be better off without me",
        "ive been hurting myself again",
        "my son has been cutting his legs where i cant see",
        "found blades hidden in my daughters room",
        "my daughter has been looking up ways to die",
        "i swallowed a load of paracetamol",
        "my partner says hes going to jump off the bridge",
        "i wrote a goodbye letter to my kids",
        "i have been stockpiling my pills",
        "my teenager says she hates herself and wants to disappear",
        "i feel like a burden and i want to die",
        "i keep thinking about walking in front of a train",
        "my dad said he doesnt want to be alive anymore",
        "my 12 year old said he wishes he was dead",
        "i just want everything to stop permanently",
        "i scratch myself till i bleed",
        "i dont want to be alive",
        # Polish
        "nie chce mi się żyć",
        "chce ze soba skonczyc",
        "córka się tnie",
        # Urdu / Punjabi
        "main mar jana chahta hoon",
        "میں خودکشی کرنا چاہتی ہوں",
        "main apni jaan lena chahti haan",
        "ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ",
    ],
    "child-at-risk": [
        "theres bruises on my nephew and he flinches when you lift your hand",
        "my neighbours kids are always hungry and left on their own at night",
        "the baby next door cries for hours and nobody comes",
        "my ex's new partner smacks my son with a belt",
        "my daughter came back from her dads with marks on her legs",
        "my stepdad comes into my room at night",
        "my uncle makes me keep secrets and touches me",
        "my 6 year old said grandad showed her his private parts",
        "my friend's dad put his hand in my knickers",
        "i'm 13 and my mum hits me with a shoe",
        "my parents lock me in my room without food",
        "my son hasn't come home for two nights and his phone is off",
        "my 15 year old has been gone since saturday",
        "cant find my daughter she's been missing since school",
        "the kids next door are filthy and never go to school",
        "my grandchildren are living in a house full of needles",
        "my sister leaves her toddler alone while she goes out drinking",
        "teacher keeps hugging my son and giving him sweets in private",
        "they want to take my daughter to have her cut in the summer",
        "my niece is going to be circumcised when they go back home",
        "my son's coach wants to be alone with him and messages him at night",
        "my child says someone hurt her down there",
        "my partner shakes the baby when he cries",
        # Polish
        "sąsiedzi biją dziecko słychać krzyki",
        "ojczym dotyka moją córkę",
        "dziecko jest głodne i brudne i zostaje samo",
        "syn zaginął od wczoraj",
        # Urdu / Punjabi
        "بچے کو روز مارتے ہیں",
        "mera beta kal se ghar nahi aaya",
        "chacha meri beti ko ghalat tarah chhoota hai",
        "ਮੇਰਾ ਪੁੱਤਰ ਦੋ ਦਿਨਾਂ ਤੋਂ ਲਾਪਤਾ ਹੈ",
    ],
    "forced-marriage": [
        "my parents are making me marry my cousin and i dont want to",
        "they took my passport and say i'm getting married in the summer",
        "im 16 and they've arranged for me to marry someone back home",
        "my dad says i've brought shame on the family and he'll deal with me",
        "my brothers said they'd kill me if i keep seeing my boyfriend",
        "family found out im gay and say i have to get married",
        "my friend is being taken to bangladesh to get married she's 15",
        "they're going to send me abroad for a wedding i never agreed to",
        # Polish
        "rodzice zmuszają mnie do ślubu",
        # Urdu / Punjabi
        "ghar wale zabardasti meri shadi kar rahe hain",
        "میرے گھر والے میری زبردستی شادی کروا رہے ہیں",
        "mere gharde zabardasti mera viah karwa rahe ne",
        "ਮਾਪੇ ਮੇਰਾ ਜ਼ਬਰਦਸਤੀ ਵਿਆਹ ਕਰ ਰਹੇ ਹਨ",
    ],
    "exploitation": [
        "my daughter keeps getting gifts from a man online and won't tell me who",
        "my son has new trainers and two phones and wont say where from",
        "my 14 year old keeps going to other towns and comes back with cash",
        "older lads are giving my son weed and now he owes them",
        "my boy says hes in debt to some people and theyll hurt him",
        "someone online is asking my 12 year old for pictures",
        "a grown man is messaging my daughter on snapchat",
        "my son met someone on a game who wants to meet up in person",
        "my daughter is going to parties with older men and coming home drunk",
        "my son is carrying drugs for a gang",
        "my nephew keeps watching videos about jihad and says kuffar should die",
        "my son has joined a group online that hates immigrants and talks about attacking them",
        "someone is blackmailing my son with a naked picture",
        "they are making me work for no money and keep my passport",
        "my cousin is being made to sell drugs from a flat",
        # Polish
        "ktoś w internecie wysyła mojej córce prezenty",
        "syn sprzedaje narkotyki dla gangu",
        # Urdu / Punjabi
        "koi aadmi online meri beti ko tasveerein bhejne ko keh raha hai",
        "mera beta gang ke liye drugs bechta hai",
    ],
}

FRESH_ORDINARY: list[str] = _LISTS["fresh_ordinary"]

OUT_OF_SAMPLE_DANGER: dict[str, list[str]] = {
    "domestic-abuse": [
        "my partner says if i ever try to take the kids he will find us",
        "hes been drinking and smashed my phone and now im hiding in the bathroom",
        "he grabbed me round the neck when i asked for a divorce",
        "my husband wont give me my passport back",
        "my ex keeps driving past my house at night",
        "im not allowed out without him since we got married",
        "he tells me what to wear and who i can talk to",
        "my dad hits my mum and we all pretend its fine",
        "my 17 year old son has put holes in the walls and punched me",
        "my carer takes money from my account and shouts at me",
        "my husband threatened me with a bread knife",
        "hes said hes going to ruin my life if i go to the police",
        "mój mąż mnie uderzył i zabrał klucze",
        "mera shohar mujhe ghar se nikalne ki dhamki deta hai",
    ],
    "suicide-and-self-harm": [
        "i dont think i can keep going i just want to sleep and never wake up",
        "my son posted that he wont be around much longer",
        "my girlfriend is talking about taking all her tablets",
        "i keep having thoughts of hanging myself",
        "my daughter has cuts all up her arms",
        "i feel like everyone would be happier if i wasnt here",
        "nie widzę sensu życia",
        "main zindagi se tang aa gaya hoon marna chahta hoon",
    ],
    "child-at-risk": [
        "my little boy said daddy hurts his willy",
        "the man next door asks my daughter to come inside his house when im not looking",
        "my kids come back from their dads starving and dirty",
        "my toddler had a burn on his hand after staying at his dads and he wont say",
        "my son has not been home since thursday and the police are not helping",
        "i'm 12 and my stepmum beats me with a wooden spoon",
        "they keep my cousin in the house and she never goes to school",
        "my granddaughter is scared of her mums boyfriend and wets the bed now",
    ],
    "forced-marriage": [
        "my parents have booked a trip to pakistan and i think they'll marry me off",
        "my uncle says i dishonoured the family and theyre watching everything i do",
        "ghar wale keh rahe hain ke shaadi nahi ki to maar denge",
    ],
    "exploitation": [
        "my 13 year old has a boyfriend who is 22",
        "my son keeps disappearing for days and comes back with cash and a new phone",
        "someone on instagram sent my daughter money and now wants photos",
        "my son says he has to go to london to drop things off for some older boys",
        "my nephew watches videos of a hate preacher and says he wants to go fight",
        "my daughter is being sexually exploited by a group of men",
        "syn ma nowe drogie rzeczy i nie mówi skąd",
    ],
}

OUT_OF_SAMPLE_ORDINARY: list[str] = _LISTS["out_of_sample_ordinary"]


FOURTH_DANGER: dict[str, list[str]] = {
    "domestic-abuse": [
        "my husband said he knows people who will sort me out if i go",
        "he sits outside my work in his car waiting for me",
        "my boyfriend wont let me wear makeup or see my mates",
        "i had to give him my passwords and he reads everything",
        "he strangled me last year and now hes back",
        "my partner keeps a machete by the bed",
        "he said i'll never get away from him",
        "im too scared to tell anyone what he does to me at night",
        "my ex sends me messages from new numbers every time i block him",
        "my son is 20 and he has pinned me against the wall twice",
        "gran says her grandson takes her bank card and she is frightened of him",
    ],
    "suicide-and-self-harm": [
        "i've had enough of everything and i'm going to end it tonight",
        "my daughter keeps searching how many paracetamol it takes",
        "my husband said he is going to drive into a wall",
        "i've been burning my arms with cigarettes",
        "my son left a note saying sorry for everything",
    ],
    "child-at-risk": [
        "my 5 year old said the babysitter made her touch him",
        "my friend's kids are left in a cot all day and never fed properly",
        "my daughter ran away from home last night and isnt answering",
        "the boy next door has bruises on his face every monday",
        "my step son is scared to go to his mums because her partner hits him",
        "i think my brother is sexually abusing my daughter",
    ],
    "forced-marriage": [
        "im scared my family will kill me if they find out about my girlfriend",
        "my sister is being forced to marry a man in india",
        "they say i have to marry him or theyll disown me and hurt me",
    ],
    "exploitation": [
        "my daughter has an older boyfriend who gives her drugs and makes her sleep with his"
        " friends",
        "my son is being paid to hold a bag for some men",
        "a man on tiktok keeps asking my son to video chat alone",
        "my son has gone quiet and says he's part of a movement that will take back the country",
        "my 14 year old has been going missing and comes back with new clothes",
    ],
}

FOURTH_ORDINARY: list[str] = _LISTS["fourth_ordinary"]


# The same blind round in Polish, Urdu and Punjabi.
FOURTH_DANGER["domestic-abuse"].extend(
    [
        "mąż powiedział że jak odejdę to mnie znajdzie",
        "partner czyta moje wiadomości i nie pozwala mi wychodzić",
        "były chłopak czeka pod moim domem każdej nocy",
        "on mnie popchnął na ścianę i złapał za gardło",
        "mera shohar kehta hai agar main gayi to bachay cheen lega",
        "shohar mera phone check karta hai aur bahar nahi jane deta",
        "ਮੇਰਾ ਘਰਵਾਲਾ ਕਹਿੰਦਾ ਜੇ ਮੈਂ ਗਈ ਤਾਂ ਮਾਰ ਦੇਊ",
        "mera gharwala mainu kamre ch band kar dinda",
    ]
)
FOURTH_DANGER["suicide-and-self-harm"].extend(
    [
        "nie daję już rady chcę zniknąć na zawsze",
        "syn się okalecza",
        "mera dil karta hai sab khatam kar doon",
        "ਮੇਰਾ ਜੀਣ ਨੂੰ ਦਿਲ ਨਹੀਂ ਕਰਦਾ",
    ]
)
FOURTH_DANGER["child-at-risk"].extend(
    [
        "wujek dotyka mojej córki",
        "sąsiad zostawia dzieci same na całą noc",
        "meri beti ko chacha ghalat jagah haath lagata hai",
        "ਮੇਰੀ ਧੀ ਕੱਲ੍ਹ ਤੋਂ ਘਰ ਨਹੀਂ ਆਈ",
    ]
)
FOURTH_DANGER["forced-marriage"].extend(
    [
        "rodzina chce mnie wydać za mąż za obcego",
        "abbu kehte hain shadi karo warna ghar se nikal denge",
    ]
)
FOURTH_DANGER["exploitation"].extend(
    [
        "obcy mężczyzna prosi moją córkę o zdjęcia",
        "mera beta baray larkon ke liye drugs le ke jata hai",
    ]
)


# A last blind round: honour, radicalisation, elder abuse, stalking, a parent drunk.
FOURTH_DANGER["forced-marriage"].extend(
    [
        "my brothers beat me because i was seen with a boy",
        "my family says i have brought shame and they will send me back home",
        "my dad took my phone and locked me in after he found out about my boyfriend",
    ]
)
FOURTH_DANGER["exploitation"].extend(
    [
        "my son says all muslims should be deported and has been sharing videos of the"
        " christchurch shooter",
        "my daughter has started wearing a niqab overnight and says her online friends told"
        " her to go to syria",
        "my son is talking to someone online who says violence is the only answer",
        "a man gave my daughter a phone and tells her to meet him after school",
        "my son has been arrested in a town two hours away with drugs on him",
    ]
)
FOURTH_DANGER["domestic-abuse"].extend(
    [
        "my elderly mum is scared of my brother who lives with her and takes her money",
        "my grandad has bruises and his carer is really rough with him",
        "my 15 year old daughter kicked me in the stomach and broke my glasses",
        "my son threatens to smash the house up if i dont give him money",
        "a man i dated once keeps messaging and turned up at my work",
        "someone has been going through my bins and following me",
        "my husband makes me account for every penny and takes my wages",
    ]
)
FOURTH_DANGER["child-at-risk"].extend(
    [
        "my ex drinks when he has the kids and drove them home drunk",
        "my friend leaves her baby with anyone and goes off for days",
        "my daughter told me her coach touched her in the changing room",
    ]
)
FOURTH_DANGER["suicide-and-self-harm"].extend(
    [
        "my mum keeps saying she would be better off dead",
        "i cant see a way out and have been thinking about ending things",
    ]
)


FIFTH_DANGER: dict[str, list[str]] = {
    "domestic-abuse": [
        "if i go hes said ill never see the kids again and hell find me wherever i end up",
        "my fella choked me last week in front of the baby, i told the hv i fell",
        "he tracks where i am on my phone and goes mental if im 5 mins late back from the shop",
        "my 13 year old daughter hits and kicks me when she doesnt get her own way im black and "
        "blue",
        "ex sends me 50 messages a day off different numbers and turned up at the kids school "
        "gates",
        "my brother takes dads money and pushes him about, dads 82 and too scared to say owt",
        "not allowed to see my friends or family anymore, he says no one would believe me anyway",
        "he forces himself on me when hes drunk and says its his right cos were married",
        "hes out of prison next week and told my mate hes coming for me",
        "need somewhere safe tonight for me and 3 kids hes kicking off again",
        "partner grozi że mnie zabije i zabierze dzieci do Polski",
        "mąż nie daje mi pieniędzy, sprawdza każdy paragon i nie pozwala mi pracować",
        "córka ma 17 lat, jej chłopak ją bije i kontroluje jej telefon",
        "میرے شوہر نے کہا ہے اگر میں نے پولیس کو بتایا تو وہ مجھے جان سے مار دے گا",
        "sasural walon ne mera passport rakh liya hai aur mujhe naukrani ki tarah rakhte hain",
        "mera beta drugs ke liye mujh se paise cheenta hai aur dhakke deta hai",
        "ਮੇਰਾ ਘਰਵਾਲਾ ਸ਼ਰਾਬ ਪੀ ਕੇ ਮੈਨੂੰ ਕੁੱਟਦਾ ਤੇ ਬੱਚੇ ਡਰਦੇ ਨੇ",
        "ਮੇਰੀ ਨੂੰਹ ਤੇ ਪੁੱਤ ਮੇਰੀ ਪੈਨਸ਼ਨ ਲੈ ਲੈਂਦੇ ਤੇ ਮੈਨੂੰ ਰੋਟੀ ਨਹੀਂ ਦਿੰਦੇ",
        "oh kehnda je main police nu dasya ta mainu te bacheyan nu maar du",
    ],
    "suicide-and-self-harm": [
        "whats the point of anything anymore, ive written letters for my kids",
        "my son has been looking up how many tablets it takes",
        "my 16yo took an overdose of her antidepressants and shes in russells hall",
        "i keep hurting myself just so i can feel something",
        "im 15 and i want to die my parents dont know",
        "cant stop thinking about jumping off the bridge on the ring road",
        "me mom keeps saying shed be better off dead since dad went",
        "daughter has scratches all up her legs and said she does it when shes upset",
        "myślę o tym żeby się zabić, nie daję już rady",
        "syn połknął dużo tabletek i nie chce jechać do szpitala",
        "میں خود کو نقصان پہنچاتی ہوں، ہاتھ کاٹتی ہوں",
        "beti ne pichle hafte bahut saari goliyan kha li thi, ab bhi kehti hai marna chahti hai",
        "ਮੇਰਾ ਦਿਲ ਕਰਦਾ ਮਰ ਜਾਵਾਂ, ਕੋਈ ਰਸਤਾ ਨਹੀਂ ਦਿਸਦਾ",
        "ਮੇਰੇ ਪੁੱਤ ਨੇ ਪਿਛਲੇ ਮਹੀਨੇ ਬਹੁਤ ਗੋਲੀਆਂ ਖਾ ਲਈਆਂ ਸੀ, ਹੁਣ ਫੇਰ ਕਹਿੰਦਾ ਮਰਨਾ ਚਾਹੁੰਦਾ",
    ],
    "child-at-risk": [
        "my friends step dad makes her sleep in his bed and shes 11",
        "the kids next door are always filthy, no coats in winter and the mom screams at them "
        "all night",
        "my 15yo hasnt been home for 3 nights and her phone is off",
        "her family are planning to have her circumcised when they visit sudan this summer",
        "my grandson has burns on his hands again and his mom says he touched the cooker",
        "my daughter told me her dads friend showed her his private parts",
        "toddler left in the car outside the pub for hours every weekend",
        "my brother is 17 and makes our little sister do stuff to him",
        "dziecko sąsiadów ma siniaki na twarzy i boi się wracać do domu",
        "mój 12-letni syn zaginął, nie wrócił ze szkoły",
        "ہمارے گھر میں ایک رشتہ دار چھوٹی بچی کو غلط طریقے سے چھوتا ہے",
        "ਗੁਆਂਢ ਵਿੱਚ ਇੱਕ ਛੋਟਾ ਬੱਚਾ ਹਰ ਰੋਜ਼ ਮਾਰ ਖਾਂਦਾ, ਉਸਦੀਆਂ ਚੀਕਾਂ ਸੁਣਦੀਆਂ",
    ],
    "exploitation": [
        "hes 13 and got a second phone that keeps ringing all night, goes out at 2am",
        "my daughter has an older boyfriend whos 25 and picks her up from school in a bmw",
        "a gamer on fortnite keeps sending my son gift cards and wants to meet up",
        "my lad came home with a stab vest and a bag of cash he wont talk about",
        "someones threatening to post my nudes unless i send them 500 quid",
        "my son keeps saying all muslims should be wiped out and hes joined some group on telegram",
        "my son is being made to carry drugs down his pants to birmingham",
        "girls from her year keep going to a takeaway where the men give them free food and "
        "drink then drive them places",
        "syn 14 lat ma drugi telefon i znika w nocy, mówi że robi coś dla kolegów",
        "jakiś starszy facet z internetu chce się spotkać z moją 13-letnią córką",
        "میرا بیٹا رات بھر غائب رہتا ہے، اس کے پاس دو فون ہیں اور بہت پیسے",
        "koi aadmi snapchat par meri 12 saal ki beti ko gifts bhej raha hai aur milne ko keh "
        "raha hai",
        "ਮੇਰੀ 14 ਸਾਲ ਦੀ ਧੀ ਵੱਡੀ ਉਮਰ ਦੇ ਬੰਦਿਆਂ ਨਾਲ ਕਾਰਾਂ ਵਿੱਚ ਘੁੰਮਦੀ ਹੈ",
        "munda kehnda oh kujh bandeyan layi packet chaddan janda, badle vich paise milde",
    ],
    "forced-marriage": [
        "my parents say im getting engaged to a man in india next month and i dont get a say",
        "scared to go on holiday to pakistan cos i heard mum on the phone talking about my nikah",
        "uncle said if she brings shame on the family again theyll deal with her",
        "my 15yo niece has been taken out of school and theres talk of a wedding back home",
        "they married me off at 16 over there, now hes getting a visa to come here and i dont "
        "want him",
        "my family will disown me or worse if they find out about my girlfriend, theyre already "
        "looking at rishtas for me",
        "ojciec chce wydać moją siostrę za starszego faceta, ona ma 16 lat i ciągle płacze",
        "میری بیٹی کی زبردستی شادی کرنے کے لیے اسے پاکستان لے جا رہے ہیں",
        "bhai keh raha hai agar main ne us larke se baat ki to izzat ki khatir mujhe khatam kar "
        "dega",
        "ਮਾਪੇ ਮੇਰੀ ਭੈਣ ਦਾ ਵਿਆਹ ਉਸਦੀ ਮਰਜ਼ੀ ਬਿਨਾਂ ਪਿੰਡ ਵਿੱਚ ਕਰਨਾ ਚਾਹੁੰਦੇ, ਉਹ 16 ਦੀ ਹੈ",
        "ਮੇਰੇ ਚਾਚੇ ਕਹਿੰਦੇ ਜੇ ਮੈਂ ਗੋਰੇ ਮੁੰਡੇ ਨਾਲ ਵਿਆਹ ਕੀਤਾ ਤਾਂ ਖ਼ਾਨਦਾਨ ਦੀ ਇੱਜ਼ਤ ਲਈ ਮਾਰ ਦੇਣਗੇ",
    ],
}

FIFTH_ORDINARY: list[str] = _LISTS["fifth_ordinary"]
