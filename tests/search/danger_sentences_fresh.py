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
"""

from __future__ import annotations

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

FRESH_ORDINARY: list[str] = [
    # idioms
    "i could kill for a nights sleep",
    "the kids fight like cat and dog",
    "he's driving me mad",
    "my toddler is driving me up the wall",
    "she's dying to start nursery",
    "i'm dying for a cup of tea",
    "my feet are killing me after the school run",
    "the kids are killing me with the questions",
    "this heat is killing me",
    "im dead on my feet",
    "my mum will kill me if i forget her birthday",
    "my son will murder me if i throw out his lego",
    "i nearly died laughing at the nativity",
    "the weather is shocking today",
    "i'm at the end of my tether with the washing",
    "she'll be the death of me",
    "we were scared stiff on the ghost train",
    "he slaughtered his brother at chess",
    "my son smashed his exam",
    "she nailed her dance audition",
    "the kids are bouncing off the walls",
    "we got a bit lost on the way to the park",
    "i'm losing my mind with potty training",
    "my daughter is always in a rush",
    "we are skint until payday",
    # games, sport
    "my son is obsessed with fortnite",
    "he plays call of duty with his friends",
    "my daughter does kickboxing on tuesdays",
    "boxing club for teenagers",
    "my son loves shooting games",
    "martial arts classes for kids",
    "karate for 6 year olds",
    "judo club near me",
    "she got hit by a ball at netball",
    "he got kicked in football and has a bruise",
    "my son broke his arm playing rugby",
    "fencing classes for kids",
    "archery for children",
    "laser tag birthday party",
    "nerf gun battle party",
    "paintball for teenagers",
    "my son wants to join the army cadets",
    "wrestling club for boys",
    "my daughter plays minecraft all day",
    "my son is addicted to his xbox",
    # cooking, home
    "cooking classes where kids learn to use a knife safely",
    "chopping vegetables with my toddler",
    "i burnt the dinner again",
    "how to carve a pumpkin with kids",
    "baking with kids the oven burns",
    "my son cut his finger chopping onions",
    "i cut myself shaving",
    "the kids smashed a glass in the kitchen",
    "i need to cut down on sugar for the kids",
    "help with gas and electric being cut off",
    "our boiler broke and the house is freezing",
    "the kids locked themselves in the bathroom by accident",
    # pets, animals
    "our dog got attacked at the park",
    "the cat keeps killing birds",
    "my son is scared of dogs since one bit him",
    "our hamster died and my daughter is upset",
    "the dog chokes on his food",
    "a fox killed our chickens",
    # school
    "my son is being bullied at school",
    "my daughter got hit by another child at school",
    "my son got into a fight at school and was excluded",
    "my daughter keeps missing school because of anxiety",
    "school trip to the war museum",
    "my son is doing a project on world war two",
    "my daughter is reading a book about a murder mystery",
    "my son has detention again",
    "the teacher said my son hits other kids",
    "my son bites other children at nursery",
    "my toddler hits me when he's cross",
    "my autistic son hits his head when hes overwhelmed",
    "my daughter has meltdowns after school",
    "teenage daughter slams doors and shouts at me",
    "my teenager is moody and won't talk to me",
    "my son is always on his phone",
    "my daughter wants a phone for her birthday",
    "my 12 year old wants snapchat is it safe",
    "online safety talk for parents",
    "how to set parental controls on an ipad",
    # health
    "my baby has a cut on her head from falling",
    "my son needs his jabs",
    "blood test for my daughter",
    "my daughter has a bruise from the trampoline",
    "my son keeps getting nosebleeds",
    "breast feeding is killing my nipples",
    "my daughter needs stitches in her chin",
    "hospital appointment for my son's injection",
    "my baby has a rash and a temperature",
    "my son has burns from the kettle and we went to a and e",
    "my daughter is scared of needles",
    "my son is overweight and the school sent a letter",
    "my son won't eat anything but pasta",
    "my toddler choked on a grape and im scared to give food now",
    "first aid course for parents choking",
    # distress, money, loneliness
    "i'm exhausted and the baby won't sleep",
    "im really struggling with money this month",
    "i feel so lonely since moving here",
    "i'm stressed about christmas presents",
    "struggling to cope with twins",
    "i feel overwhelmed with three kids under five",
    "im knackered and need a break",
    "single mum struggling to pay bills",
    "i'm at breaking point with the debt",
    "i cry every night because im so tired",
    "feeling low after having the baby",
    "i feel like a bad mum",
    "i have no friends since having the baby",
    "i cant cope with my sons behaviour",
    "i'm worried about my teenager's mood",
    "my son is anxious and won't leave the house",
    "my daughter is being picked on online",
    "my husband lost his job and we're struggling",
    "my partner works nights and i'm on my own with the kids",
    "we are being evicted",
    "the landlord keeps threatening to evict us",
    "the bailiffs are coming",
    "i'm scared of the bailiffs",
    "i owe money to a loan shark",
    "my mum has dementia and gets angry",
    "my dad forgets things and wanders",
    "my nan fell and hurt her hip",
    "my grandad died last week",
    "we lost our baby",
    "my sister passed away and the kids are grieving",
    # family life
    "my son keeps running away from me in the shop",
    "my daughter ran off at the park",
    "my son wants to leave home at 18",
    "my daughter is going on a school trip abroad",
    "we're going to pakistan for my cousin's wedding",
    "my sister is getting married next year",
    "my daughter has a boyfriend and she's 15",
    "my son has a girlfriend online",
    "my ex and i share custody",
    "my ex won't pay child maintenance",
    "my partner and i argue about money",
    "we had a big argument about the holidays",
    "my parents are getting divorced",
    "my son's dad doesn't see him anymore",
    "my mother in law takes over",
    "my son got a nosebleed from a football",
    "my kids keep locking each other out of the bedroom",
    "my daughter's hamster escaped and is missing",
    "the cat has gone missing",
    "my son lost his phone at school",
    "my daughter keeps getting gifts from her grandma",
    "my son has two phones one for school",
    "he's got a new job and new trainers",
    "she keeps secrets about her birthday surprise",
    # Polish
    "umieram z głodu",
    "dzieci biją się jak pies z kotem",
    "zabiję go jak znowu zgubi klucze",
    "jestem zmęczona i samotna",
    "syn gra w strzelanki",
    # Urdu / Punjabi
    "main bahut thak gayi hoon",
    "bachay larte rehte hain",
    "ਮੈਂ ਬਹੁਤ ਥੱਕ ਗਈ ਹਾਂ",
    "mera beta fortnite khelda rehnda",
]

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

OUT_OF_SAMPLE_ORDINARY: list[str] = [
    "my son wants to do a knife skills cooking course",
    "i'm killing myself laughing at this",
    "the baby screams blue murder at bath time",
    "our car died on the motorway",
    "my daughter is addicted to tiktok",
    "my son hits the ball really hard at cricket",
    "the kids were fighting over the ipad",
    "i'm dreading the school holidays",
    "money is tight and i'm stressed",
    "lonely dad looking for other dads to meet",
    "my son is terrified of the hoover",
    "i'm so tired i could cry",
    "my toddler runs off when we go to town",
    "my daughter got her ears pierced and they're sore",
    "my son wants a nerf gun for christmas",
    "my teenager stays up all night gaming",
    "i can't afford the gas bill",
    "my mother has been in hospital with a fall",
    "my husband is working away a lot",
    "my son is being picked on at the bus stop",
    "the kids are climbing the walls",
    "she went missing from the group at the zoo for five minutes",
    "my daughter wants to go to a sleepover",
    "my son dressed up as a zombie with fake blood",
    "my daughter's hair needs cutting",
    "our house was burgled",
    "we were in a car crash but everyone is fine",
    "my son wants to join the boxing gym",
    "my partner and i are separating amicably",
    "my teenager has a girlfriend and they're always texting",
    "my daughter broke her leg on the trampoline",
    "my son lost his temper and slammed the door",
    "i'm worn out from the night feeds",
    "grandad struggles with the stairs now",
    "we can't get a doctor's appointment",
    "jestem wykończona, dziecko nie śpi",
    "syn ciągle gra na konsoli",
    "bachay bohat shor karte hain",
    "mera beta school jaane se darta hai",
    "main bahut akeli mehsoos karti hoon",
]


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

FOURTH_ORDINARY: list[str] = [
    "he's got a killer serve at tennis",
    "my daughter is mad about horses",
    "my son is gutted he lost the match",
    "i'm dying to know what she got for christmas",
    "the baby won't stop screaming at night",
    "my kids beat me at monopoly every time",
    "my partner is always on his phone",
    "my ex is late with the child maintenance again",
    "my son punched a hole in his homework",
    "my daughter is in a dance battle competition",
    "my husband and i had a row about the bins",
    "my son is fighting a cold",
    "we're trapped indoors because of the snow",
    "my toddler threw his dinner at the wall",
    "my son got knocked over playing football",
    "the teenager next door plays loud music all night",
    "my dad is stubborn and won't see a doctor",
    "my daughter keeps a diary with a lock",
    "i feel trapped as a stay at home mum",
    "struggling to get my son to school in the mornings",
    "my daughter's friend is a bad influence",
    "my son is scared of the dark and sleeps with the light on",
    "i'm absolutely shattered",
    "my son's hamster bit him",
    "my daughter got stung by a wasp",
    "we lost the cat's collar",
    "my son burnt his toast again",
    "the school called because my son hit another boy",
    "my daughter is cutting out shapes for her project",
    "i want to leave my job and start again",
    "how many paracetamol can i give my 5 year old",
    "my husband waits outside in the car while i do the shopping",
    "my son keeps a bag of sweets for his friends",
    "he drove into a wall in the car park and scratched the bumper",
    "my daughter left a note saying sorry for breaking the vase",
]


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
FOURTH_ORDINARY.extend(
    [
        "umieram ze zmęczenia",
        "dzieci mnie wykończą",
        "syn zabił mi ćwieka tym pytaniem",
        "córka płacze bo zgubiła misia",
        "jestem samotną matką i szukam pomocy",
        "szukam zajęć dla dzieci",
        "bachay school se ghar aa gaye",
        "meri beti ki shaadi agle saal hai",
        "main bohat pareshan hoon paison ki wajah se",
        "mera beta cricket khelta hai",
        "ਮੇਰਾ ਪੁੱਤ ਫੁੱਟਬਾਲ ਖੇਡਦਾ ਹੈ",
        "ਮੈਂ ਇਕੱਲੀ ਮਹਿਸੂਸ ਕਰਦੀ ਹਾਂ",
        "bachi ki tabiyat kharab hai",
        "mera beta bohat shararti hai",
        "ਬੱਚੇ ਬਹੁਤ ਲੜਦੇ ਹਨ",
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
FOURTH_ORDINARY.extend(
    [
        "my son is doing a school project on the christchurch earthquake",
        "my daughter is learning about religions at school",
        "my son wants to go to syria one day to see the ruins",
        "my daughter wears a hijab to school",
        "my brothers are coming for dinner",
        "my mum is scared of spiders",
        "my grandad has a carer twice a day",
        "my son took his driving test and failed",
        "my daughter dated a boy from her class",
        "my son has been arrested for the first time and we need legal advice",
        "the football coach is brilliant with my son",
        "my ex has the kids this weekend",
        "my friend leaves her baby with her mum when she works",
        "my husband is good with money and does the budget",
        "i want to end things with my boyfriend",
        "my son sent me a message from the school trip",
        "my daughter goes through her wardrobe every morning",
        "we went through the bins to find the lost ring",
        "my son wants to shoot some hoops after school",
        "my daughter wants a sleepover at her friend's house",
    ]
)
