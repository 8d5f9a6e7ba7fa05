"""Danger told indirectly: what someone did, not the harm's name (issue 17).

Written by danger18 after reading a blind batch's misses (a family sleeping in a car, a
chair under the door handle, letters written "for after") and before the patterns for
them: each sentence says a documented sign (Women's Aid and Refuge on coercive control,
Samaritans and Papyrus on warning signs, NSPCC on neglect and grooming, the Home Office on
county lines, NSPCC and NHS on FGM) in other words than that batch. Measured once on the
English reader before the new patterns: 19 of 36 dangers read, 1 of 18 look-alikes
alarmed ("i cut again after a year clean from sugar", by an older pattern, left out
here); after the patterns' first version, 31 of 36 and the same alarm, then 36 of 36.
The look-alikes share the signs' words with no danger; they are checked against the
rules alone (``tests/search/test_danger_indirect.py``), not added to the properties'
ordinary lists, which are the learnt alarm's calibration set.
"""

from __future__ import annotations

INDIRECT_DANGER: dict[str, list[str]] = {
    "domestic-abuse": [
        "he decides what clothes im allowed in and who im allowed to text",
        "my husband wont let me go to the doctors without him there",
        "my son in law has stopped my daughter visiting her friends, she sounds scared on the "
        "phone",
        "i wedge a chair against the bedroom door when hes drunk",
        "boyfriend lobbed a mug at my face, had to get stitches",
        "she grabbed me by the hair in front of the kids",
        "what happens if he finds out i rang womens aid",
        "child benefit gets paid into his account and he wont give me any of it",
        "my ex tracked down where i work now and keeps sitting outside in his car",
        "wear a scarf to hide the bruises on my neck",
        "my partner calls me 50 times a day checking where i am",
    ],
    "suicide-and-self-harm": [
        "i dont feel safe from myself tonight",
        "honestly everybody would be better off",
        "my husband has been writing letters to the kids and giving his tools away",
        "found painless methods in my sons search history",
        "since my wife passed i just want to be with her",
        "my 14 year old drank bleach on purpose",
        "theres a challenge going round school daring kids to choke themselves",
    ],
    "child-at-risk": [
        "i lose it with my daughter and hit her too hard, i need help",
        "i shook her because she wouldnt stop crying and now im frightened",
        "my sister passes out drunk with the toddler still up",
        "the house is full of filth and dog mess and the kids are always hungry",
        "my mums new fella kicks me when shes out",
        "a man on roblox keeps asking my 10 year old for photos",
        "someone is blackmailing my daughter with a photo she sent",
        "my son told his teacher his dad locks him in the cupboard",
        "my dd is 14 and her boyfriend is 23",
    ],
    "forced-marriage": [
        "they want to take my niece back home to have her cut this summer",
        "my cousin was sent to pakistan last year and nobody has heard from her",
        "im terrified what they will do to my girl when she goes to sudan",
        "my family say i must be punished for bringing shame by leaving him",
    ],
    "exploitation": [
        "older lads with flash cars keep hanging round my son",
        "my daughter gets into different cars with men after school, shes 14",
        "he went missing for a week and came back with new trainers and a new phone",
        "my lad got expelled and now some older boys pick him up every day",
        "police keep finding my 15 year old in london",
    ],
}

INDIRECT_ORDINARY: list[str] = [
    "what should i wear to a wedding and who should i talk to there",
    "my toddler threw his cup at me and it split my lip, any tips for throwing",
    "how do i stop my kids fighting, she pulled her by the hair",
    "put a chair against the door so the toddler cant get out of the kitchen",
    "whats the point of homework in year 2",
    "painless ways to take off a plaster from a toddler",
    "my son wants to join his dad in spain for the summer",
    "my toddler ate a crayon on purpose, is that ok",
    "my daughter wants her hair cut short when we go back home to visit family",
    "my husband calls me 3 times a day from work to check on the baby",
    "my son keeps turning up late to school",
    "my nan left her coat in the car",
    "my daughter is 16 and wants to date a boy who is 17",
    "i need to be with my son more, i work too much",
    "older kids in the park have nice bikes, my son wants one",
    "dad jokes about how high the bridge is on our walk",
    "my baby was really unsettled and i was rough with the timings, sleep help",
]
