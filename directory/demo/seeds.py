"""Dudley's real Early Help offer, as named in the council's published reports.

Facts (names, addresses, phone numbers, websites, opening hours, age ranges, programme
names) come from the seed documents in ``shared/seeds``: 000 and 001 for Dudley, 003 for the
named parenting programmes. The prose is written for this directory. Where the reports give
no website or phone number, the listing has none rather than an invented one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal

from directory.council import Council
from directory.demo.holidays import coming_holidays, session_days
from directory.demo.records import (
    BOROUGH,
    REMOTE,
    Area,
    Cost,
    DemoDataset,
    Opening,
    OrganisationRecord,
    PhoneNumber,
    ServiceRecord,
    SessionRecord,
    VenueRecord,
)
from directory.models import (
    Audience,
    DeliveryMethod,
    ReferralRoute,
    ServiceAreaScope,
    ServiceKind,
)

MONDAY_TO_FRIDAY = ("MO", "TU", "WE", "TH", "FR")
OFFICE_HOURS = Opening(MONDAY_TO_FRIDAY, time(9), time(17))
ONLINE = (DeliveryMethod.ONLINE,)
FREE = (Cost("Free", Decimal(0)),)
ASK_YOUR_FAMILY_CENTRE = (
    "Phone or call in at your family centre and ask about the next course. A health visitor, "
    "school or any professional working with your family can also put your name forward."
)

ORGANISATIONS = (
    OrganisationRecord(
        "dudley-council",
        "Dudley Council",
        "Dudley Metropolitan Borough Council runs the family centres and Early Help in the "
        "borough, with partners in health, schools, the police and the voluntary sector.",
        website="https://www.dudley.gov.uk",
    ),
    OrganisationRecord(
        "dudley-early-help-partnership",
        "Dudley Early Help Partnership",
        "The council, health, police, schools and community organisations working together so "
        "families get help early.",
    ),
    OrganisationRecord(
        "dudley-safeguarding-people-partnership",
        "Dudley Safeguarding People Partnership",
        "The local safeguarding partners for children and adults in Dudley.",
        website="https://safeguarding.dudley.gov.uk",
    ),
    OrganisationRecord(
        "dudley-community-safety-partnership",
        "Dudley Community Safety Partnership",
        "Partners working to keep people in Dudley safe, behind the Safe and Sound website.",
        website="https://www.dudleysafeandsound.org/",
    ),
    OrganisationRecord("izone", "iZone", website="https://izone.org.uk/"),
    OrganisationRecord(
        "lets-get-healthy", "Let's Get Healthy Dudley", website="https://lets-get.com/"
    ),
    OrganisationRecord(
        "citizens-advice-dudley-wolverhampton", "Citizens Advice Dudley and Wolverhampton"
    ),
    OrganisationRecord("dudley-camhs", "Dudley CAMHS"),
    OrganisationRecord("barnardos", "Barnardo's"),
    OrganisationRecord("womens-aid", "Women's Aid"),
    OrganisationRecord("dwp", "Department for Work and Pensions"),
)

FAMILY_CENTRE_VENUES = (
    VenueRecord(
        "dudley-fc-brierley-hill",
        "Brierley Hill Family Centre",
        "DY5 3DY",
        address_1="18 Parkes Street",
        city="Brierley Hill",
    ),
    VenueRecord(
        "dudley-fc-dudley-central",
        "Dudley Central Family Centre",
        "DY2 8LJ",
        address_1="Selbourne Road",
        city="Dudley",
    ),
    VenueRecord(
        "dudley-fc-dudley-north",
        "Dudley North Family Centre",
        "WV14 9DS",
        address_1="Bayer Street",
        city="Bilston",
    ),
    VenueRecord(
        "dudley-fc-halesowen",
        "Halesowen Family Centre",
        "DY9 8HT",
        address_1="Lye By-Pass",
        city="Stourbridge",
    ),
    VenueRecord(
        "dudley-fc-stourbridge",
        "Stourbridge Family Centre",
        "DY8 1XF",
        address_1="Forge Road",
        city="Stourbridge",
    ),
)

_FAMILY_CENTRE_PHONES = {
    "dudley-fc-brierley-hill": "01384 813322",
    "dudley-fc-dudley-central": "01384 812440",
    "dudley-fc-dudley-north": "01384 813096",
    "dudley-fc-halesowen": "01384 813954",
    "dudley-fc-stourbridge": "01384 818780",
}
_FAMILY_CENTRE_CHECKED = {
    "dudley-fc-brierley-hill": 12,
    "dudley-fc-dudley-central": 30,
    "dudley-fc-dudley-north": 64,
    "dudley-fc-halesowen": 95,
    "dudley-fc-stourbridge": 150,
}


def _family_centre(venue: VenueRecord) -> ServiceRecord:
    locality = venue.key.removeprefix("dudley-fc-")
    cluster = venue.name.removesuffix(" Family Centre")
    return ServiceRecord(
        key=venue.key,
        organisation="dudley-council",
        name=venue.name,
        kind=ServiceKind.FAMILY_CENTRE,
        summary=(
            f"The family centre for the {cluster} cluster: the place to start if your family "
            "needs some extra help, from pregnancy to 18 (25 with SEND)."
        ),
        description=(
            f"{venue.name} is one of five family centres in Dudley borough. If you are worried "
            "about your child, or things at home are hard, phone or call in: staff will listen, "
            "help you work out what would make a difference and link you with support nearby. "
            "With your agreement they can bring services together around your family in an "
            "Early Help plan, with one person as your main contact. Health visitors, youth "
            "workers, family support workers and partner organisations work from the centre, "
            "and professionals can ask here for advice on Early Help Assessments."
        ),
        categories=("family-centres-and-hubs", "advice-and-information", "one-to-one-support"),
        needs=(
            "parenting",
            "early-years-and-childcare",
            "mental-health-and-wellbeing",
            "relationships-and-conflict",
            "school-and-attendance",
        ),
        levels=("universal", "early-help", "targeted"),
        venues=(venue.key,),
        openings=(OFFICE_HOURS,),
        phones=(PhoneNumber(_FAMILY_CENTRE_PHONES[venue.key], "Information and support"),),
        costs=FREE,
        areas=(Area(ServiceAreaScope.LOCALITY, locality, f"Families in the {cluster} cluster"),),
        delivery=(DeliveryMethod.IN_PERSON, DeliveryMethod.PHONE, DeliveryMethod.OUTREACH),
        minimum_age=-1,
        maximum_age=18,
        referral_route=ReferralRoute.BOTH,
        application_process=(
            "Phone the centre or call in between 9am and 5pm, Monday to Friday. You do not "
            "need to be referred."
        ),
        eligibility=(
            "Families with children from pregnancy to 18, or to 25 for young people with "
            "special educational needs or disabilities."
        ),
        professional_notes=(
            "Send Early Help Assessments for families in this cluster to the centre: staff "
            "check the threshold and consent, then bring the family to the next Multi Agency "
            "Action Meeting. An Early Help Enabler can help at any step."
        ),
        checked_days_ago=_FAMILY_CENTRE_CHECKED[venue.key],
    )


FAMILY_CENTRES = tuple(_family_centre(venue) for venue in FAMILY_CENTRE_VENUES)


def _cluster_connect(venue: VenueRecord, checked_days_ago: int) -> ServiceRecord:
    locality = venue.key.removeprefix("dudley-fc-")
    cluster = venue.name.removesuffix(" Family Centre")
    return ServiceRecord(
        key=f"dudley-cluster-connect-{locality}",
        organisation="dudley-early-help-partnership",
        name=f"Cluster Connect: {cluster}",
        kind=ServiceKind.CLUSTER_CONNECT,
        summary=(
            f"Residents, community groups and services in the {cluster} cluster working "
            "together on Tackling Poverty, Loneliness and Isolation, and Keeping Children Safe "
            "and Active."
        ),
        description=(
            f"Cluster Connect brings together people who live and work in the {cluster} area "
            "and care about it, to decide together what would make the biggest difference and "
            "to make it happen. Its three priorities are Tackling Poverty, Loneliness and "
            "Isolation, and Keeping Children Safe and Active. Local groups can join to share "
            "what they offer, spot gaps and find partners, and residents are welcome to bring "
            "ideas."
        ),
        categories=("community-groups",),
        needs=("money-and-debt", "food", "loneliness", "activities", "crime-and-exploitation"),
        levels=("universal",),
        areas=(Area(ServiceAreaScope.LOCALITY, locality, f"The {cluster} cluster"),),
        delivery=(DeliveryMethod.IN_PERSON, DeliveryMethod.OUTREACH),
        application_process=f"Ask at {venue.name} how to get involved.",
        checked_days_ago=checked_days_ago,
    )


CLUSTER_CONNECTS = tuple(
    _cluster_connect(venue, checked)
    for venue, checked in zip(FAMILY_CENTRE_VENUES, (40, 85, 130, 210, 330), strict=True)
)

HOLIDAY_ACTIVITIES = ServiceRecord(
    key="dudley-holiday-activities",
    organisation="dudley-council",
    name="Holiday Activities and Food (HAF)",
    kind=ServiceKind.HOLIDAY_ACTIVITY,
    summary=(
        "Free holiday clubs with a healthy meal in the Easter, summer and Christmas holidays "
        "for children who get benefits-related free school meals."
    ),
    description=(
        "The Holiday Activities and Food programme pays for places at holiday clubs across the "
        "borough, so children who get free school meals in term time can have fun, stay active "
        "and eat well in the holidays too. Sessions mix sport, games, crafts and trips with a "
        "cooked meal. The holiday activities website lists every club and other help for "
        "families over the holidays, and is where you book."
    ),
    categories=("holiday-activities", "food-support", "clubs-and-activities"),
    needs=("activities", "food"),
    levels=("universal", "early-help"),
    circumstances=("free-school-meals",),
    venues=tuple(venue.key for venue in FAMILY_CENTRE_VENUES),
    costs=(
        Cost(
            "Children who get benefits-related free school meals",
            Decimal(0),
            "Free, including the meal",
        ),
    ),
    areas=(BOROUGH,),
    minimum_age=5,
    maximum_age=16,
    url="https://holidayactivitiesindudley.com/",
    application_process="Book a place on the holiday activities website.",
    eligibility=(
        "School-age children whose families are eligible for benefits-related free school meals."
    ),
    checked_days_ago=21,
)


def holiday_activity_sessions(council: Council, today: date) -> tuple[SessionRecord, ...]:
    """HAF days at each family centre: Tuesdays and Thursdays of the longer holidays ahead."""
    sessions: list[SessionRecord] = []
    for holiday in coming_holidays(council, today):
        if (holiday.end - holiday.start).days < 7:
            continue
        for day in session_days(holiday, today):
            if day.weekday() not in (1, 3):
                continue
            sessions.extend(
                SessionRecord(
                    starts_at=datetime.combine(day, time(10)),
                    ends_at=datetime.combine(day, time(14)),
                    venue=venue.key,
                    places=30,
                    booking_url=HOLIDAY_ACTIVITIES.url,
                    description=f"{holiday.name}: activities and a hot lunch",
                )
                for venue in FAMILY_CENTRE_VENUES
            )
    return tuple(sessions)


DIRECTORIES = (
    ServiceRecord(
        key="dudley-family-information-service",
        organisation="dudley-council",
        name="Dudley Family Information Service",
        kind=ServiceKind.SUPPORT_SERVICE,
        summary=(
            "Free, current information and advice for families anywhere in Dudley borough: "
            "childcare, early education, activities and where to turn for help."
        ),
        description=(
            "Not sure where to start? The Family Information Service keeps track of what is "
            "available for families across the borough and can point you to the right place, "
            "whether you are looking for a childminder, help with childcare costs, things to do "
            "with your children or support with something more difficult."
        ),
        categories=("advice-and-information", "helplines-and-online"),
        needs=("early-years-and-childcare", "activities", "parenting"),
        levels=("universal",),
        costs=FREE,
        areas=(BOROUGH,),
        delivery=ONLINE,
        url="https://dudleyci.co.uk/services/dudley-family-information-service",
        checked_days_ago=45,
    ),
    ServiceRecord(
        key="dudley-community-information-directory",
        organisation="dudley-council",
        name="Dudley Community Information Directory",
        kind=ServiceKind.ONLINE_RESOURCE,
        summary=(
            "Search local groups, activities, support, and health and care services for "
            "Dudley families."
        ),
        description=(
            "An online directory of what's going on in the borough, from community groups and "
            "clubs to health and care services, so you can find help and things to do near you "
            "without having to ask."
        ),
        categories=("helplines-and-online", "community-groups"),
        needs=("activities", "loneliness", "health"),
        levels=("universal",),
        costs=FREE,
        areas=(REMOTE,),
        delivery=ONLINE,
        url="https://dudleyci.co.uk/",
        checked_days_ago=75,
    ),
    ServiceRecord(
        key="dudley-local-offer",
        organisation="dudley-council",
        name="Dudley Local Offer (SEND)",
        kind=ServiceKind.ONLINE_RESOURCE,
        summary=(
            "Everything in one place for children and young people aged 0 to 25 with special "
            "educational needs and/or disabilities, and their families."
        ),
        description=(
            "The Local Offer brings together information on education, health, care, leisure "
            "and support for children and young people with SEND, so parents, carers and young "
            "people themselves can see what is available in Dudley and how to get it."
        ),
        categories=("advice-and-information", "helplines-and-online"),
        needs=("send", "school-and-attendance"),
        levels=("universal", "early-help", "specialist"),
        costs=FREE,
        areas=(REMOTE,),
        delivery=ONLINE,
        minimum_age=0,
        maximum_age=25,
        url="https://www.localoffer.dudley.gov.uk",
        checked_days_ago=110,
    ),
    ServiceRecord(
        key="dudley-izone",
        organisation="izone",
        name="iZone",
        kind=ServiceKind.ONLINE_RESOURCE,
        summary="A website for young people listing trusted local organisations that can help.",
        description=(
            "iZone lists local organisations that young people can rely on, along with the "
            "groups that support them, so it is easy to find someone to talk to or something "
            "to get involved in."
        ),
        categories=("helplines-and-online",),
        needs=("activities", "mental-health-and-wellbeing"),
        levels=("universal",),
        costs=FREE,
        areas=(REMOTE,),
        delivery=ONLINE,
        minimum_age=11,
        maximum_age=19,
        url="https://izone.org.uk/",
        checked_days_ago=200,
    ),
    ServiceRecord(
        key="dudley-lets-get-healthy",
        organisation="lets-get-healthy",
        name="Let's Get Healthy Dudley",
        kind=ServiceKind.SUPPORT_SERVICE,
        summary="Help to change your habits for a healthier life, and support to stick with it.",
        description=(
            "If you want to change something about your lifestyle to feel healthier, Let's Get "
            "Healthy Dudley can help you decide where to begin, make a plan and stick to it."
        ),
        categories=("health-services", "helplines-and-online"),
        needs=("health",),
        levels=("universal",),
        areas=(BOROUGH,),
        delivery=ONLINE,
        url="https://lets-get.com/",
        checked_days_ago=260,
    ),
    ServiceRecord(
        key="dudley-safe-and-sound",
        organisation="dudley-community-safety-partnership",
        name="Safe and Sound",
        kind=ServiceKind.ONLINE_RESOURCE,
        summary=(
            "Dudley's community safety website: domestic abuse, anti-social behaviour, hate "
            "crime, bullying, online safety, modern slavery, mental health and more."
        ),
        description=(
            "Safe and Sound explains what to do and who can help with a wide range of safety "
            "worries, from a neighbour dispute or bullying to domestic abuse, hate crime, "
            "exploitation and staying safe online. It also covers mental health and how "
            "communities in Dudley get on together."
        ),
        categories=("helplines-and-online", "advice-and-information"),
        needs=("domestic-abuse", "crime-and-exploitation", "mental-health-and-wellbeing"),
        levels=("universal",),
        costs=FREE,
        areas=(REMOTE,),
        delivery=ONLINE,
        url="https://www.dudleysafeandsound.org/",
        checked_days_ago=300,
    ),
    ServiceRecord(
        key="dudley-lifeline",
        organisation="dudley-early-help-partnership",
        name="Lifeline",
        kind=ServiceKind.ONLINE_RESOURCE,
        summary=(
            "For Dudley Central families in a crisis, and the staff supporting them: a guide to "
            "local organisations you can count on."
        ),
        description=(
            "When money, food, housing or something else suddenly goes wrong, Lifeline points "
            "families in Dudley Central, and the workers helping them, to local organisations "
            "that can be relied on to step in."
        ),
        categories=("advice-and-information", "helplines-and-online"),
        needs=("food", "money-and-debt", "housing"),
        levels=("early-help",),
        costs=FREE,
        areas=(Area(ServiceAreaScope.LOCALITY, "dudley-central", "Dudley Central"),),
        delivery=ONLINE,
        url="https://dudleyconnect.com/need-a-lifeline/",
        checked_days_ago=360,
    ),
    ServiceRecord(
        key="dudley-child-friendly-dudley",
        organisation="dudley-council",
        name="Child Friendly Dudley",
        kind=ServiceKind.COMMUNITY_GROUP,
        summary=(
            "The council, schools, community groups and residents working to make Dudley a "
            "better place to grow up."
        ),
        description=(
            "The council is teaming up with schools, local organisations, community groups and "
            "people who live in the borough so that Dudley works better for its children. Find "
            "out what is happening and how children, young people and families can take part."
        ),
        categories=("community-groups",),
        needs=("activities",),
        levels=("universal",),
        areas=(BOROUGH,),
        delivery=ONLINE,
        minimum_age=0,
        maximum_age=18,
        url="https://www.dudley.gov.uk/childfriendlydudley",
        checked_days_ago=400,
    ),
    ServiceRecord(
        key="dudley-safeguarding-people",
        organisation="dudley-safeguarding-people-partnership",
        name="Dudley Safeguarding People",
        kind=ServiceKind.ONLINE_RESOURCE,
        summary=(
            "How children are kept safe in Dudley, and what to do if you are worried about a child."
        ),
        description=(
            "The safeguarding partnership's website sets out who does what to protect children "
            "in the borough and where to turn with a worry, for families and for "
            "anyone who works with children."
        ),
        categories=("advice-and-information", "helplines-and-online"),
        needs=("crime-and-exploitation", "domestic-abuse"),
        levels=("universal", "specialist"),
        costs=FREE,
        areas=(REMOTE,),
        delivery=ONLINE,
        url="https://safeguarding.dudley.gov.uk",
        checked_days_ago=180,
    ),
)

SUPPORT = (
    ServiceRecord(
        key="dudley-community-pantry",
        organisation="dudley-early-help-partnership",
        name="Dudley Community Pantry",
        kind=ServiceKind.PANTRY,
        summary=(
            "A step on from the food bank: pay £3 and choose around £15 worth of fresh food, "
            "with support to get back on your feet."
        ),
        description=(
            "The pantry helps families who have needed the food bank to move on from it. "
            "Members pay a small amount each visit and choose fresh food worth several times "
            "as much, and there is help with whatever made money tight in the first place."
        ),
        categories=("food-support",),
        needs=("food", "money-and-debt"),
        levels=("universal", "early-help"),
        costs=(Cost("Each visit", Decimal("3.00"), "About £15 of fresh food for £3"),),
        areas=(BOROUGH,),
        application_process="Ask your family centre how to join the pantry and when it is open.",
        checked_days_ago=58,
    ),
    ServiceRecord(
        key="dudley-citizens-advice",
        organisation="citizens-advice-dudley-wolverhampton",
        name="Citizens Advice Dudley and Wolverhampton",
        kind=ServiceKind.SUPPORT_SERVICE,
        summary="Free, confidential and independent advice on benefits, debt, housing and work.",
        description=(
            "Advisers help people work through money worries, benefit claims, problems with "
            "housing or employment and many other everyday problems, and can help you take the "
            "next step yourself."
        ),
        categories=("advice-and-information", "one-to-one-support"),
        needs=("money-and-debt", "housing", "work-and-skills"),
        levels=("universal", "early-help"),
        costs=FREE,
        areas=(BOROUGH,),
        delivery=(DeliveryMethod.IN_PERSON, DeliveryMethod.PHONE),
        checked_days_ago=90,
    ),
    ServiceRecord(
        key="dudley-camhs-positive-steps",
        organisation="dudley-camhs",
        name="CAMHS Positive Steps",
        kind=ServiceKind.SUPPORT_SERVICE,
        summary=(
            "Early support for young people's mental health, to stop worries from becoming "
            "more serious."
        ),
        description=(
            "The Positive Steps team from Child and Adolescent Mental Health Services steps in "
            "when low mood, anxiety or other difficulties first start to get in the way, so "
            "they can be dealt with before they grow."
        ),
        categories=("one-to-one-support", "health-services"),
        needs=("mental-health-and-wellbeing",),
        levels=("early-help", "targeted"),
        areas=(BOROUGH,),
        minimum_age=5,
        maximum_age=18,
        referral_route=ReferralRoute.PROFESSIONAL,
        application_process=(
            "Talk to your GP, your child's school or your family centre about a referral."
        ),
        checked_days_ago=140,
    ),
    ServiceRecord(
        key="dudley-barnardos-domestic-abuse",
        organisation="barnardos",
        name="Barnardo's support for children affected by domestic abuse",
        kind=ServiceKind.SUPPORT_SERVICE,
        summary=(
            "Early support for children and young people who have seen or heard domestic "
            "abuse at home."
        ),
        description=(
            "Children who have lived with domestic abuse can carry it with them for a long "
            "time. Barnardo's workers help them make sense of what happened, understand that "
            "it was not their fault, and feel safe again."
        ),
        categories=("one-to-one-support",),
        needs=("domestic-abuse", "mental-health-and-wellbeing"),
        levels=("early-help", "targeted"),
        costs=FREE,
        areas=(BOROUGH,),
        minimum_age=0,
        maximum_age=18,
        referral_route=ReferralRoute.BOTH,
        application_process=(
            "Ask your family centre, your child's school or any professional working with "
            "your family to put you in touch."
        ),
        checked_days_ago=230,
    ),
    ServiceRecord(
        key="dudley-womens-aid-children",
        organisation="womens-aid",
        name="Women's Aid support for children and young people",
        kind=ServiceKind.SUPPORT_SERVICE,
        summary=(
            "Help for children and young people living with, or recovering from, domestic abuse."
        ),
        description=(
            "Women's Aid helps children and young people who have lived with abuse at home to "
            "talk about their feelings and rebuild their confidence, alongside support for "
            "their mum or safe carer."
        ),
        categories=("one-to-one-support",),
        needs=("domestic-abuse", "mental-health-and-wellbeing"),
        levels=("early-help", "targeted"),
        costs=FREE,
        areas=(BOROUGH,),
        minimum_age=0,
        maximum_age=18,
        referral_route=ReferralRoute.BOTH,
        application_process=(
            "Ask your family centre or any professional working with your family to refer you."
        ),
        checked_days_ago=470,
    ),
    ServiceRecord(
        key="dudley-employment-advisers",
        organisation="dwp",
        name="Employment advice at family centres",
        kind=ServiceKind.SUPPORT_SERVICE,
        summary=("Advisers at each family centre who help parents plan their way into a job."),
        description=(
            "If you would like to work but something is in the way, such as childcare, "
            "confidence, skills or benefits, an employment adviser at your family centre can "
            "help you plan the steps and find the right training or job."
        ),
        categories=("one-to-one-support",),
        needs=("work-and-skills", "money-and-debt"),
        levels=("early-help",),
        venues=tuple(venue.key for venue in FAMILY_CENTRE_VENUES),
        costs=FREE,
        areas=(BOROUGH,),
        referral_route=ReferralRoute.BOTH,
        application_process="Ask at your family centre to see the employment adviser.",
        checked_days_ago=320,
    ),
)

PARENTING_PROGRAMMES = (
    ServiceRecord(
        key="dudley-parenting-solihull",
        organisation="dudley-council",
        name="Solihull Approach parenting programme",
        kind=ServiceKind.PARENTING_PROGRAMME,
        summary=(
            "A foundation course for parents and carers of children of any age up to 18 about "
            "feelings, behaviour and the relationship between you."
        ),
        description=(
            "The course looks at why children behave as they do and how parents can respond: "
            "helping children with big feelings, tuning in to each other, and managing "
            "behaviour calmly. Health visitors and school nurses use the same approach, so "
            "families hear one message."
        ),
        categories=("courses-and-groups",),
        needs=("parenting",),
        levels=("universal", "early-help"),
        costs=FREE,
        areas=(BOROUGH,),
        delivery=(DeliveryMethod.IN_PERSON, DeliveryMethod.ONLINE),
        minimum_age=0,
        maximum_age=18,
        referral_route=ReferralRoute.BOTH,
        application_process=ASK_YOUR_FAMILY_CENTRE,
        checked_days_ago=35,
    ),
    ServiceRecord(
        key="dudley-parenting-sleep-better",
        organisation="dudley-council",
        name="Sleep Better",
        kind=ServiceKind.PARENTING_PROGRAMME,
        summary=(
            "Help with children's sleep at any age: sleep cycles, common problems and routines."
        ),
        description=(
            "Sleep Better helps parents and carers understand how children sleep, what tends "
            "to go wrong, and what to change: routines, the bedroom, and keeping a sleep diary "
            "to spot patterns. Practitioners trained in the programme can support families "
            "one-to-one."
        ),
        categories=("courses-and-groups", "one-to-one-support"),
        needs=("parenting", "health"),
        levels=("universal", "early-help"),
        costs=FREE,
        areas=(BOROUGH,),
        minimum_age=0,
        maximum_age=18,
        referral_route=ReferralRoute.BOTH,
        application_process=ASK_YOUR_FAMILY_CENTRE,
        checked_days_ago=100,
    ),
    ServiceRecord(
        key="dudley-parenting-nurture-programme",
        organisation="dudley-council",
        name="Nurture Programme (Family Links)",
        kind=ServiceKind.PARENTING_PROGRAMME,
        summary=(
            "A group for parents of children up to 12: self-awareness, realistic expectations, "
            "empathy and positive discipline."
        ),
        description=(
            "Over several weeks parents learn about what helps families get on, including "
            "looking after their own feelings, expecting what a child can manage at their age, "
            "seeing things from the child's side, and discipline that teaches rather than "
            "punishes."
        ),
        categories=("courses-and-groups",),
        needs=("parenting",),
        levels=("universal", "early-help"),
        costs=FREE,
        areas=(BOROUGH,),
        minimum_age=0,
        maximum_age=12,
        referral_route=ReferralRoute.BOTH,
        application_process=ASK_YOUR_FAMILY_CENTRE,
        checked_days_ago=170,
    ),
    ServiceRecord(
        key="dudley-parenting-malachi",
        organisation="dudley-council",
        name="Malachi Inspiring Futures",
        kind=ServiceKind.PARENTING_PROGRAMME,
        summary=(
            "For parents and carers of children of all ages: see attachment, communication and "
            "family relationships in a new light, and respond differently."
        ),
        description=(
            "Children's wellbeing and behaviour improve when the adults around them change how "
            "they respond. Parents explore attachment, how the family communicates and "
            "how relationships at home play out, and try new ways of responding. Sessions can "
            "run online."
        ),
        categories=("courses-and-groups",),
        needs=("parenting", "relationships-and-conflict"),
        levels=("early-help",),
        costs=FREE,
        areas=(BOROUGH,),
        delivery=(DeliveryMethod.IN_PERSON, DeliveryMethod.ONLINE),
        minimum_age=0,
        maximum_age=18,
        referral_route=ReferralRoute.BOTH,
        application_process=ASK_YOUR_FAMILY_CENTRE,
        checked_days_ago=250,
    ),
    ServiceRecord(
        key="dudley-parenting-incredible-years",
        organisation="dudley-council",
        name="The Incredible Years",
        kind=ServiceKind.PARENTING_PROGRAMME,
        summary=(
            "For parents and carers of 6 to 12 year olds: strengthen your relationship with "
            "your child, including children with SEND and where a child is aggressive at home."
        ),
        description=(
            "Based on how children develop, the programme helps parents build a warmer, more "
            "secure relationship with their child through play, praise, clear limits and "
            "calm responses. It suits families of children with special educational needs or "
            "disabilities, and is used where a child is violent or aggressive towards a parent."
        ),
        categories=("courses-and-groups",),
        needs=("parenting", "send", "relationships-and-conflict"),
        levels=("early-help", "targeted"),
        costs=FREE,
        areas=(BOROUGH,),
        minimum_age=6,
        maximum_age=12,
        referral_route=ReferralRoute.BOTH,
        application_process=ASK_YOUR_FAMILY_CENTRE,
        checked_days_ago=380,
    ),
    ServiceRecord(
        key="dudley-parenting-heart-to-heart",
        organisation="dudley-council",
        name="Heart to Heart",
        kind=ServiceKind.PARENTING_PROGRAMME,
        summary=(
            "For practitioners: current attachment theory put to work in the relationship "
            "between a parent and a 10 to 15 year old."
        ),
        description=(
            "Heart to Heart equips practitioners with up-to-date thinking on attachment "
            "security and practical ways to use it with a parent and their young teenager, "
            "so the relationship becomes stronger and feels safer for both."
        ),
        categories=("courses-and-groups",),
        needs=("parenting", "relationships-and-conflict"),
        levels=("early-help", "targeted"),
        costs=FREE,
        areas=(BOROUGH,),
        minimum_age=10,
        maximum_age=15,
        audience=Audience.PRACTITIONERS,
        referral_route=ReferralRoute.PROFESSIONAL,
        professional_notes=(
            "Suited to families where the parent-adolescent relationship is the main concern. "
            "Ask your family centre's Early Help Enabler about training and delivery."
        ),
        checked_days_ago=440,
    ),
    ServiceRecord(
        key="dudley-parenting-apart",
        organisation="dudley-council",
        name="Parenting Apart",
        kind=ServiceKind.PARENTING_PROGRAMME,
        summary=(
            "For separated parents stuck in conflict: family support and mediation that keep "
            "your child's experience in mind."
        ),
        description=(
            "When arguments between parents carry on after a separation, children feel it. "
            "Parenting Apart combines family support with mediation to help parents of "
            "children of any age get beyond long-running arguments and think about how it "
            "feels for their child."
        ),
        categories=("courses-and-groups", "one-to-one-support"),
        needs=("relationships-and-conflict", "parenting"),
        levels=("early-help",),
        costs=FREE,
        areas=(BOROUGH,),
        minimum_age=0,
        maximum_age=18,
        referral_route=ReferralRoute.BOTH,
        application_process=ASK_YOUR_FAMILY_CENTRE,
        checked_days_ago=510,
    ),
)

FOR_PRACTITIONERS = (
    ServiceRecord(
        key="dudley-multi-agency-action-meetings",
        organisation="dudley-council",
        name="Multi Agency Action Meetings (MAAMs)",
        kind=ServiceKind.SUPPORT_SERVICE,
        summary=(
            "Fortnightly meetings in each cluster where partners agree the lead professional "
            "and the next actions for families needing multi-agency Early Help."
        ),
        description=(
            "Each family centre holds a Multi Agency Action Meeting every ten working days. "
            "Partners discuss families whose needs have been assessed at Level 3, confirm who "
            "will be the lead professional, and agree what each agency will do. Meetings are "
            "held online."
        ),
        categories=("advice-and-information",),
        needs=("parenting", "school-and-attendance", "mental-health-and-wellbeing"),
        levels=("targeted",),
        areas=tuple(
            Area(ServiceAreaScope.LOCALITY, venue.key.removeprefix("dudley-fc-"), venue.name)
            for venue in FAMILY_CENTRE_VENUES
        ),
        delivery=ONLINE,
        minimum_age=-1,
        maximum_age=18,
        audience=Audience.PRACTITIONERS,
        referral_route=ReferralRoute.PROFESSIONAL,
        professional_notes=(
            "Complete an Early Help Assessment with the family's consent and send it to the "
            "family centre for the cluster. Staff check it meets the Level 3 threshold and "
            "that consent to share information is in place before it comes to a meeting."
        ),
        checked_days_ago=15,
    ),
    ServiceRecord(
        key="dudley-early-help-enablers",
        organisation="dudley-council",
        name="Early Help Enablers",
        kind=ServiceKind.SUPPORT_SERVICE,
        summary=(
            "Support for partners delivering Early Help: advice on assessments and plans, and "
            "training, at any step of the process."
        ),
        description=(
            "Enablers are the people to ask when you are offering Early Help to a family and "
            "want a second opinion on their needs, a hand with an Early Help Assessment or "
            "plan, or training for your team."
        ),
        categories=("advice-and-information", "one-to-one-support"),
        needs=("parenting", "school-and-attendance"),
        levels=("early-help", "targeted"),
        costs=FREE,
        areas=(BOROUGH,),
        delivery=(DeliveryMethod.IN_PERSON, DeliveryMethod.PHONE, DeliveryMethod.ONLINE),
        audience=Audience.PRACTITIONERS,
        referral_route=ReferralRoute.PROFESSIONAL,
        professional_notes="Contact the family centre for your cluster to reach its Enabler.",
        checked_days_ago=120,
    ),
    ServiceRecord(
        key="dudley-threshold-guidance",
        organisation="dudley-safeguarding-people-partnership",
        name="Threshold Guidance and Framework for Support",
        kind=ServiceKind.ONLINE_RESOURCE,
        summary=(
            "The levels of need in Dudley and the response expected at each, for anyone "
            "deciding how best to help a family."
        ),
        description=(
            "Every area's safeguarding partners publish a threshold document. Dudley's "
            "describes what each level of need looks like and what response to expect, and "
            "goes hand in hand with the Early Help Strategy."
        ),
        categories=("advice-and-information", "helplines-and-online"),
        needs=("parenting", "domestic-abuse", "crime-and-exploitation"),
        levels=("universal", "early-help", "targeted", "specialist"),
        costs=FREE,
        areas=(REMOTE,),
        delivery=ONLINE,
        url=(
            "https://safeguarding.dudley.gov.uk/media/17566/"
            "threshold-guidance-and-frameworkmarch-2021-final.pdf"
        ),
        audience=Audience.PRACTITIONERS,
        referral_route=ReferralRoute.PROFESSIONAL,
        professional_notes=(
            "Check the guidance once you understand the family's situation, to decide the "
            "level of need and the right response."
        ),
        checked_days_ago=520,
    ),
)

SEED_SERVICES = (
    *FAMILY_CENTRES,
    *CLUSTER_CONNECTS,
    HOLIDAY_ACTIVITIES,
    *DIRECTORIES,
    *SUPPORT,
    *PARENTING_PROGRAMMES,
    *FOR_PRACTITIONERS,
)


def seed_dataset(council: Council, today: date) -> DemoDataset:
    """The seed listings, with holiday sessions for the school holidays still to come."""
    sessions = holiday_activity_sessions(council, today)
    services = tuple(
        replace(record, sessions=sessions) if record is HOLIDAY_ACTIVITIES else record
        for record in SEED_SERVICES
    )
    return DemoDataset(ORGANISATIONS, FAMILY_CENTRE_VENUES, services)
