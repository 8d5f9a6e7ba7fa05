"""The kinds of listing the sample generator makes: typical UK family services, invented.

Each template becomes one or more sample listings (per locality, or borough-wide). Names and
descriptions may use ``{area}`` (a neighbourhood), ``{locality}`` (the cluster's name) and
``{variant}`` (one of the template's variants). Every organisation, venue and listing made
from these is suffixed "(sample)" by the generator.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from decimal import Decimal
from enum import StrEnum

from directory.models import Audience, DeliveryMethod, ReferralRoute, ServiceKind


class Reach(StrEnum):
    VENUE = "venue"
    """At sample venues in each locality; ``count`` per locality."""
    LOCALITY = "locality"
    """Across one locality with no public venue; ``count`` per locality."""
    BOROUGH = "borough"
    """The whole borough with no venue; ``count`` in all."""
    REMOTE = "remote"
    """Phone or online only; ``count`` in all."""
    REFUGE = "refuge"
    """At a venue whose address is never shown; ``count`` in all."""


class Timing(StrEnum):
    WEEKLY = "weekly"
    """One or two of ``days``, at one of ``slots``."""
    OPEN = "open"
    """Every one of ``days``, at every one of ``slots``."""
    COURSE = "course"
    """One day a week for ``weeks`` weeks, starting soon."""
    HOLIDAY = "holiday"
    """Dated sessions in the coming school holidays."""
    NONE = "none"


class Pricing(StrEnum):
    FREE = "free"
    PAID = "paid"
    FREE_WITH_FSM = "free_with_fsm"
    """Free for children on benefits-related free school meals, ``price`` for others."""
    FUNDED_HOURS = "funded_hours"
    """Funded early education hours free, ``price`` an hour beyond them."""
    CONCESSION = "concession"
    """Free for those ``free_option`` names, ``price`` for those ``paid_option`` names."""


WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
EVERY_DAY = (*WEEKDAYS, "SA", "SU")
MORNINGS = ((time(9, 30), time(11, 30)), (time(10), time(12)), (time(9, 15), time(11)))
AFTERNOONS = ((time(13), time(15)), (time(13, 30), time(15)))
AFTER_SCHOOL = ((time(15, 30), time(17)), (time(15, 45), time(17, 30)), (time(16), time(18)))
EVENINGS = ((time(18), time(20)), (time(18, 30), time(21)), (time(19), time(21)))
HOLIDAY_DAYS = ((time(9, 30), time(14, 30)), (time(10), time(15)), (time(9), time(13)))
OFFICE = ((time(9), time(17)),)


@dataclass(frozen=True)
class SampleTemplate:
    slug: str
    name: str
    organisation: str
    kind: ServiceKind
    categories: tuple[str, ...]
    needs: tuple[str, ...]
    levels: tuple[str, ...]
    summary: str
    description: str
    reach: Reach = Reach.VENUE
    count: int = 1
    ages: tuple[int | None, int | None] = (None, None)
    timing: Timing = Timing.WEEKLY
    days: tuple[str, ...] = WEEKDAYS
    slots: tuple[tuple[time, time], ...] = MORNINGS
    weeks: int = 6
    pricing: tuple[Pricing, ...] = (Pricing.FREE,)
    price: Decimal = Decimal(0)
    free_option: str = ""
    paid_option: str = ""
    circumstances: tuple[str, ...] = ()
    delivery: tuple[DeliveryMethod, ...] = ()
    """Empty means the usual for the reach."""
    audience: Audience = Audience.PUBLIC
    referral: ReferralRoute = ReferralRoute.SELF
    application: str = ""
    eligibility: str = ""
    professional_notes: str = ""
    languages: tuple[str, ...] = ()
    """Always offered; other listings sometimes get a community language or two."""
    variants: tuple[str, ...] = ("",)
    season: tuple[tuple[int, int], tuple[int, int]] | None = None
    """(month, day) to (month, day): listed only in that window each year."""


PRACTITIONER_REFERRAL = (
    "Referrals from professionals only, through the referral form. Talk to the family first "
    "and get their consent."
)

TEMPLATES: tuple[SampleTemplate, ...] = (
    SampleTemplate(
        slug="stay-and-play",
        name="{area} Stay and Play",
        organisation="{area} Community Association",
        kind=ServiceKind.ACTIVITY,
        categories=("clubs-and-activities",),
        needs=("early-years-and-childcare", "activities", "loneliness"),
        levels=("universal",),
        summary=(
            "Play, songs and a chat for babies, toddlers and their grown-ups, with toys, messy "
            "play and a snack."
        ),
        description=(
            "A relaxed weekly session in {area} for children under five and the adults who look "
            "after them. There are toys, craft and messy play, a singing circle at the end, and "
            "tea and toast for the grown-ups. Just turn up: first-timers are always welcome, and "
            "volunteers can point you to other help in {locality} if you need it."
        ),
        count=3,
        ages=(0, 4),
        pricing=(Pricing.FREE, Pricing.PAID),
        price=Decimal("1.50"),
    ),
    SampleTemplate(
        slug="baby-massage",
        name="Baby Massage Course, {area}",
        organisation="Little Steps Family Learning",
        kind=ServiceKind.PARENTING_PROGRAMME,
        categories=("courses-and-groups",),
        needs=("early-years-and-childcare", "parenting", "health"),
        levels=("universal",),
        summary=(
            "A five-week course for parents and babies from six weeks old until they crawl: "
            "gentle massage, bonding and time to meet other new parents."
        ),
        description=(
            "Learn simple massage strokes that can soothe your baby, help with wind and sleep, "
            "and give you calm time together. Each week a trained instructor takes you through "
            "a short routine, with plenty of time for questions and a cuppa. Bring a towel; oil "
            "is provided. Places are limited, so please book."
        ),
        ages=(0, 1),
        timing=Timing.COURSE,
        weeks=5,
        application="Book a place by phone or email. Partners and grandparents are welcome.",
    ),
    SampleTemplate(
        slug="bump-to-baby",
        name="Bump to Baby Group, {area}",
        organisation="Bump and Beyond Dudley",
        kind=ServiceKind.COMMUNITY_GROUP,
        categories=("health-services", "courses-and-groups"),
        needs=("early-years-and-childcare", "health"),
        levels=("universal",),
        summary=(
            "For parents-to-be from around 24 weeks: what to expect at the birth and in the "
            "first weeks, with a midwife-led talk each month."
        ),
        description=(
            "Meet other expectant parents in {area} and get ready for your baby together. "
            "Sessions cover labour and birth, feeding, safe sleep and looking after your own "
            "wellbeing, with visiting speakers including midwives and health visitors. Birth "
            "partners are welcome too."
        ),
        ages=(-1, 0),
        circumstances=("pregnant",),
        days=("TU", "WE", "TH"),
        slots=(*MORNINGS, *EVENINGS),
    ),
    SampleTemplate(
        slug="feeding-cafe",
        name="{area} Baby Feeding Café",
        organisation="Dudley Feeding Friends",
        kind=ServiceKind.COMMUNITY_GROUP,
        categories=("health-services", "community-groups"),
        needs=("early-years-and-childcare", "health"),
        levels=("universal",),
        summary=(
            "Friendly help with breastfeeding, bottle feeding and starting solids, from trained "
            "peer supporters."
        ),
        description=(
            "However you feed your baby, you are welcome. Peer supporters who have been there "
            "themselves can help with latching, expressing, combining breast and bottle, or "
            "moving on to solid food, and a health professional joins most weeks. Pregnant? "
            "Come along before your baby arrives to find out what to expect."
        ),
        ages=(-1, 2),
        circumstances=("pregnant",),
    ),
    SampleTemplate(
        slug="child-health-clinic",
        name="Child Health Clinic, {area}",
        organisation="Dudley Community Child Health",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("health-services",),
        needs=("health", "early-years-and-childcare"),
        levels=("universal",),
        summary=(
            "Drop in to have your baby weighed and talk to a health visitor about feeding, "
            "sleep, development or anything else on your mind."
        ),
        description=(
            "A drop-in clinic run by the health visiting team for babies and children under "
            "five. Have your child weighed and measured, ask about immunisations, sleep, "
            "feeding or behaviour, and get advice on your own health since the birth. No "
            "appointment is needed; bring your child's red book."
        ),
        ages=(0, 4),
        slots=(*MORNINGS, *AFTERNOONS),
    ),
    SampleTemplate(
        slug="day-nursery",
        name="Brightwater Day Nursery {area}",
        organisation="Brightwater Nurseries",
        kind=ServiceKind.CHILDCARE,
        categories=("childcare",),
        needs=("early-years-and-childcare",),
        levels=("universal",),
        summary=(
            "Full day care and early learning for children from birth to five, open all year, "
            "with funded hours for eligible children."
        ),
        description=(
            "Care and early learning for babies, toddlers and pre-schoolers in {area}, in rooms "
            "grouped by age with a garden for outdoor play. Meals and snacks are cooked on site. "
            "We take funded early education hours and can talk you through what you are "
            "entitled to. Visits are welcome: call to arrange a look round."
        ),
        count=2,
        ages=(0, 4),
        timing=Timing.OPEN,
        slots=((time(7, 30), time(18)),),
        pricing=(Pricing.FUNDED_HOURS,),
        price=Decimal("6.80"),
    ),
    SampleTemplate(
        slug="childminder",
        name="{variant} Childminding, {area}",
        organisation="{variant} Childminding",
        kind=ServiceKind.FIS_ENTRY,
        categories=("childcare",),
        needs=("early-years-and-childcare",),
        levels=("universal",),
        summary=(
            "A registered childminder caring for a small group of children at home, with school "
            "drop-offs and pick-ups for older children."
        ),
        description=(
            "Home-based childcare in {area}, listed with the Family Information Service. "
            "Children play, cook, garden and visit local toddler groups, parks and the library. "
            "Funded early education hours are offered for eligible children, and school runs "
            "are available for nearby primary schools. The childminder's address is shared when "
            "you arrange a visit."
        ),
        reach=Reach.LOCALITY,
        count=3,
        ages=(0, 11),
        timing=Timing.OPEN,
        slots=((time(7, 30), time(18)),),
        pricing=(Pricing.FUNDED_HOURS,),
        price=Decimal("5.50"),
        delivery=(DeliveryMethod.IN_PERSON,),
        variants=(
            "Little Explorers",
            "Rainbow Days",
            "Busy Bumbles",
            "Puddle Jumpers",
            "Acorn Cottage",
            "Sunny Corner",
            "Ladybird Lane",
            "Conker Tree",
        ),
    ),
    SampleTemplate(
        slug="wraparound",
        name="{variant} Breakfast and After-School Club",
        organisation="{variant} Primary Academy",
        kind=ServiceKind.CHILDCARE,
        categories=("childcare", "clubs-and-activities"),
        needs=("early-years-and-childcare", "activities"),
        levels=("universal",),
        summary=(
            "Care before and after school for primary-age children: breakfast from 7.45am, then "
            "games, homework time and a light tea until 6pm."
        ),
        description=(
            "Open to children from the school and others nearby in {area}, with staff walking "
            "children from partner schools at home time. Children can do homework, play outside, "
            "cook and make things, and there is a light tea each afternoon. Book regular days or "
            "single sessions; Tax-Free Childcare and the childcare part of Universal Credit can "
            "help with costs."
        ),
        ages=(4, 11),
        timing=Timing.OPEN,
        slots=((time(7, 45), time(8, 45)), (time(15, 15), time(18))),
        pricing=(Pricing.PAID, Pricing.FREE_WITH_FSM),
        price=Decimal("4.50"),
        variants=(
            "Oakfield",
            "Brookside",
            "Hollybush",
            "Meadow View",
            "Foxglove",
            "Larchwood",
            "Beechcroft",
            "Windmill Lane",
        ),
    ),
    SampleTemplate(
        slug="youth-club",
        name="{area} Youth Club",
        organisation="{area} Youth Project",
        kind=ServiceKind.ACTIVITY,
        categories=("clubs-and-activities",),
        needs=("activities", "loneliness", "mental-health-and-wellbeing"),
        levels=("universal",),
        summary=(
            "Evening youth club for 11 to 18 year olds: pool, music, sport, cooking and trips, "
            "with youth workers to talk to."
        ),
        description=(
            "A safe, warm place to hang out with friends after school. There's pool, table "
            "tennis, a games console, music and a tuck shop, plus sport, cooking and trips in "
            "the holidays. Youth workers are always around if you want to talk something "
            "through, from exams to relationships."
        ),
        count=3,
        ages=(11, 18),
        days=("MO", "TU", "WE", "TH", "FR"),
        slots=EVENINGS,
        pricing=(Pricing.FREE, Pricing.PAID),
        price=Decimal("0.50"),
    ),
    SampleTemplate(
        slug="junior-sport",
        name="{area} Junior Multi-Sport",
        organisation="Black Country Junior Sport Trust",
        kind=ServiceKind.ACTIVITY,
        categories=("clubs-and-activities",),
        needs=("activities", "health"),
        levels=("universal",),
        summary=(
            "Sport for primary-age children: football, dodgeball, athletics and new games each "
            "week, with qualified coaches."
        ),
        description=(
            "Sessions mix skills and games so every child gets active, whatever their ability. "
            "Coaches keep groups small and help children build confidence, teamwork and "
            "fitness. Wear trainers and bring a water bottle."
        ),
        ages=(5, 11),
        days=("TU", "TH"),
        slots=AFTER_SCHOOL,
        pricing=(Pricing.PAID, Pricing.FREE_WITH_FSM),
        price=Decimal("3.00"),
    ),
    SampleTemplate(
        slug="community-football",
        name="{area} Colts Football",
        organisation="{area} Colts Football Club",
        kind=ServiceKind.ACTIVITY,
        categories=("clubs-and-activities",),
        needs=("activities", "health", "crime-and-exploitation"),
        levels=("universal",),
        summary=(
            "Training and friendly matches for girls and boys aged 7 to 16, from first-timers to "
            "league players."
        ),
        description=(
            "Train with qualified coaches and join a team that suits your age and ability. "
            "Girls-only sessions run alongside mixed ones. Boots can be borrowed from the "
            "club's kit bank, so nobody misses out because of cost."
        ),
        ages=(7, 16),
        days=("MO", "WE", "TH"),
        slots=EVENINGS,
        pricing=(Pricing.PAID, Pricing.FREE_WITH_FSM),
        price=Decimal("2.50"),
    ),
    SampleTemplate(
        slug="homework-club",
        name="{area} Homework Club",
        organisation="{area} Community Library Volunteers",
        kind=ServiceKind.COMMUNITY_GROUP,
        categories=("clubs-and-activities", "courses-and-groups"),
        needs=("school-and-attendance", "activities"),
        levels=("universal", "early-help"),
        summary="A quiet space, computers and volunteer helpers for homework and revision.",
        description=(
            "Drop in after school for help with homework, coursework or revision. Volunteers, "
            "many of them retired teachers, can help with reading, maths and using computers, "
            "and printing for school work is free. Parents are welcome to come and learn "
            "alongside."
        ),
        ages=(7, 16),
        days=("MO", "TU", "WE", "TH"),
        slots=AFTER_SCHOOL,
    ),
    SampleTemplate(
        slug="food-bank",
        name="{area} Food Bank",
        organisation="{area} Food Bank Partnership",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("food-support",),
        needs=("food", "money-and-debt"),
        levels=("early-help",),
        summary=(
            "Emergency food parcels for local people in crisis, with toiletries, baby items and "
            "someone to talk to about what's behind the crisis."
        ),
        description=(
            "Each parcel holds at least three days of balanced food, and we can cater for "
            "dietary and cultural needs, including halal and vegetarian. While you wait, "
            "volunteers can help you with benefits, energy bills or debt, or put you in touch "
            "with advice services."
        ),
        count=2,
        slots=(*MORNINGS, *AFTERNOONS),
        referral=ReferralRoute.BOTH,
        application=(
            "Bring a food voucher from a referral partner such as a family centre, school, GP "
            "or advice service. Call us if you are not sure how to get one."
        ),
        eligibility="Anyone living in {locality} who cannot afford food right now.",
        professional_notes=(
            "Issue e-vouchers through the referral form. Up to three vouchers in six months, "
            "then we review support with the family."
        ),
    ),
    SampleTemplate(
        slug="community-pantry",
        name="{area} Community Pantry",
        organisation="{area} Pantry Co-operative",
        kind=ServiceKind.PANTRY,
        categories=("food-support",),
        needs=("food", "money-and-debt"),
        levels=("universal", "early-help"),
        summary=(
            "A members' food club: pay a small weekly fee and choose groceries, fruit and veg "
            "and chilled food worth much more."
        ),
        description=(
            "Pantry members in {area} pay a fixed amount each visit and pick from well-stocked "
            "shelves, including fresh and chilled food a food bank can't usually offer. It's a "
            "dignified way to make money go further, with recipe cards and advice sessions on "
            "the same day."
        ),
        slots=(*MORNINGS, *AFTERNOONS),
        pricing=(Pricing.PAID,),
        price=Decimal("3.50"),
        application="Join on your first visit. Bring proof of your address.",
        eligibility="Households in {locality}.",
    ),
    SampleTemplate(
        slug="warm-welcome",
        name="{area} Warm Welcome Café",
        organisation="{area} Community Church",
        kind=ServiceKind.COMMUNITY_GROUP,
        categories=("community-groups", "food-support"),
        needs=("loneliness", "food", "money-and-debt"),
        levels=("universal",),
        summary=(
            "A warm, friendly space with free hot drinks, soup and company, plus phone charging, "
            "wifi and newspapers."
        ),
        description=(
            "Spend a few hours somewhere warm without spending any money. There's a free light "
            "lunch, board games and jigsaws, a children's corner, and volunteers who are happy "
            "to chat. Once a month an energy adviser visits to help with bills."
        ),
        slots=((time(10), time(14)), (time(11), time(15))),
    ),
    SampleTemplate(
        slug="money-advice",
        name="Money Advice Drop-in, {area}",
        organisation="Black Country Money Advice Trust",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("advice-and-information", "one-to-one-support"),
        needs=("money-and-debt", "housing"),
        levels=("universal", "early-help"),
        summary=(
            "Free, confidential help with debts, budgeting, benefits checks and priority bills "
            "such as rent, council tax and energy."
        ),
        description=(
            "See an adviser without an appointment and leave with a clear plan for what you "
            "owe. Advisers can check you are getting every benefit you are entitled to, contact "
            "creditors for you and help with grant and hardship fund applications. Bring any "
            "letters or bills you are worried about."
        ),
        slots=(*MORNINGS, *AFTERNOONS),
    ),
    SampleTemplate(
        slug="job-club",
        name="{area} Job Club",
        organisation="Dudley Works Partnership",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("courses-and-groups", "one-to-one-support"),
        needs=("work-and-skills", "money-and-debt"),
        levels=("universal", "early-help"),
        summary=(
            "Help to find work: CVs, job searches, applications and interview practice, with "
            "computers and a mentor to keep you going."
        ),
        description=(
            "Whether you have been out of work for a while, are fitting work around children or "
            "want a change, the job club can help. Mentors help you write a CV, search and apply "
            "for jobs and prepare for interviews, and can tell you about training and help with "
            "childcare costs when you start work."
        ),
        ages=(16, None),
        circumstances=("lone-parent",),
    ),
    SampleTemplate(
        slug="english-conversation",
        name="English Conversation Class, {area}",
        organisation="Black Country ESOL Network",
        kind=ServiceKind.COMMUNITY_GROUP,
        categories=("courses-and-groups",),
        needs=("work-and-skills", "loneliness"),
        levels=("universal",),
        summary=(
            "Practise everyday English in a friendly group: shopping, health appointments, "
            "talking to your child's school and more."
        ),
        description=(
            "For adults who speak some English and want to feel more confident using it. "
            "Tutors and volunteers, some of whom speak community languages, help you practise "
            "real conversations. There is a crèche for children under five, so parents can "
            "take part."
        ),
        ages=(16, None),
        timing=Timing.COURSE,
        weeks=10,
        languages=("en", "ur", "pa", "pl", "ar", "bn", "ro", "ku"),
    ),
    SampleTemplate(
        slug="young-carers",
        name="{area} Young Carers Group",
        organisation="Dudley Young Carers Network",
        kind=ServiceKind.COMMUNITY_GROUP,
        categories=("community-groups", "clubs-and-activities"),
        needs=("mental-health-and-wellbeing", "loneliness", "activities"),
        levels=("early-help",),
        summary=(
            "Time out, trips and friendship for children and young people who help look after "
            "someone at home."
        ),
        description=(
            "If you look after a parent, brother or sister who is ill or disabled, or who "
            "struggles with their mental health, drugs or alcohol, this group is for you. Have "
            "fun with others who understand, go on trips in the holidays, and get support from "
            "a young carers worker, including help talking to your school."
        ),
        ages=(8, 18),
        circumstances=("young-carer",),
        slots=AFTER_SCHOOL,
        referral=ReferralRoute.BOTH,
        professional_notes="Include who the young person cares for and how it affects school.",
    ),
    SampleTemplate(
        slug="additional-needs-play",
        name="{area} Additional Needs Stay and Play",
        organisation="Sunflower SEND Families",
        kind=ServiceKind.ACTIVITY,
        categories=("clubs-and-activities",),
        needs=("send", "early-years-and-childcare", "activities"),
        levels=("universal", "early-help"),
        summary=(
            "Relaxed play for children with additional needs or disabilities and their "
            "families, with sensory toys and a quiet room."
        ),
        description=(
            "Nobody minds noise, meltdowns or running about here. The room is set up with "
            "sensory, soft and messy play, and there's a quiet space when things get too much. "
            "Parents can swap tips over a cuppa, and a SEND adviser visits each month to answer "
            "questions about support in school. Brothers and sisters are welcome."
        ),
        ages=(0, 11),
        days=("SA",),
    ),
    SampleTemplate(
        slug="inclusive-youth-club",
        name="{area} Inclusive Youth Club",
        organisation="Sunflower SEND Families",
        kind=ServiceKind.ACTIVITY,
        categories=("clubs-and-activities",),
        needs=("send", "activities", "loneliness"),
        levels=("universal", "early-help"),
        summary=(
            "A youth club for young people aged 11 to 25 with learning disabilities, autism or "
            "other additional needs."
        ),
        description=(
            "A club where everyone belongs: music, cooking, art, games and trips, with trained "
            "staff and plenty of them. Members choose the activities, and the club works on "
            "life skills like handling money and travelling independently. Personal assistants "
            "and carers come free."
        ),
        ages=(11, 25),
        slots=EVENINGS,
        pricing=(Pricing.PAID,),
        price=Decimal("2.00"),
    ),
    SampleTemplate(
        slug="autism-parents",
        name="Parents of Autistic Children Group, {area}",
        organisation="Sunflower SEND Families",
        kind=ServiceKind.COMMUNITY_GROUP,
        categories=("community-groups", "courses-and-groups"),
        needs=("send", "parenting", "mental-health-and-wellbeing"),
        levels=("universal", "early-help"),
        summary=(
            "Peer support for parents and carers of autistic children and young people, with or "
            "without a diagnosis."
        ),
        description=(
            "Share experiences with other parents who get it, and hear from visiting speakers "
            "on sleep, support in school, EHCPs and benefits. The group meets in school hours, "
            "and you don't need a diagnosis to come."
        ),
        ages=(0, 25),
    ),
    SampleTemplate(
        slug="childrens-counselling",
        name="Children's Counselling, {area}",
        organisation="Black Country Children's Counselling Service",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("one-to-one-support", "health-services"),
        needs=("mental-health-and-wellbeing", "bereavement"),
        levels=("early-help", "targeted"),
        summary=(
            "Up to twelve free counselling sessions for children and young people struggling "
            "with anxiety, low mood, anger or changes at home."
        ),
        description=(
            "Qualified counsellors use talking, play and creative activities to help children "
            "understand and cope with their feelings. Sessions are weekly, after school or in "
            "school time, and parents meet the counsellor at the start and the end."
        ),
        ages=(5, 18),
        slots=(*AFTERNOONS, *AFTER_SCHOOL),
        referral=ReferralRoute.BOTH,
        application=(
            "Parents, young people aged 13 and over, schools and GPs can refer. There is "
            "usually a wait of a few weeks."
        ),
        professional_notes=(
            "Say what has been tried already and any risk concerns. This is not a crisis "
            "service: for urgent concerns follow your safeguarding procedures."
        ),
    ),
    SampleTemplate(
        slug="parenting-teenagers",
        name="Parenting Teenagers Course, {area}",
        organisation="Little Steps Family Learning",
        kind=ServiceKind.PARENTING_PROGRAMME,
        categories=("courses-and-groups",),
        needs=("parenting", "relationships-and-conflict"),
        levels=("early-help",),
        summary=(
            "Six weeks for parents and carers of 11 to 18 year olds: talking and listening, "
            "boundaries, risk-taking and keeping calm when things get heated."
        ),
        description=(
            "Living with a teenager can be hard. This course gives you space to share what's "
            "going on and practical ideas to try at home between sessions: listening so they "
            "talk, agreeing boundaries, online safety and looking after yourself. Partners and "
            "grandparents are welcome."
        ),
        ages=(11, 18),
        timing=Timing.COURSE,
        slots=(*MORNINGS, *EVENINGS),
    ),
    SampleTemplate(
        slug="dads-group",
        name="{area} Dads' Group",
        organisation="{area} Community Association",
        kind=ServiceKind.COMMUNITY_GROUP,
        categories=("community-groups",),
        needs=("parenting", "loneliness", "mental-health-and-wellbeing"),
        levels=("universal",),
        summary=(
            "Saturday mornings for dads, grandads and male carers with their children: play, "
            "bacon sandwiches and a chat."
        ),
        description=(
            "Spend time with your kids and meet other dads in {area}. There's play and craft "
            "for the children, a brew and a bacon roll for the adults, and the odd trip out. "
            "Every few weeks a guest talks about something dads have asked for, from money to "
            "mental health."
        ),
        ages=(0, 11),
        days=("SA",),
        slots=((time(9, 30), time(11, 30)), (time(10), time(12))),
    ),
    SampleTemplate(
        slug="holiday-club",
        name="{area} Holiday Club",
        organisation="Active Holidays Dudley",
        kind=ServiceKind.HOLIDAY_ACTIVITY,
        categories=("holiday-activities", "clubs-and-activities", "food-support"),
        needs=("activities", "food"),
        levels=("universal",),
        summary=(
            "Holiday days of sport, crafts, games and trips with a hot lunch: free for children "
            "on benefits-related free school meals."
        ),
        description=(
            "Children take part in sport, dance, art and outdoor games, try something new like "
            "climbing or cooking, and sit down together for a hot, healthy lunch. Staff are "
            "DBS-checked and trained in first aid. Places are free for children on "
            "benefits-related free school meals through the Holiday Activities and Food "
            "programme; other families can book paid places."
        ),
        count=3,
        ages=(5, 16),
        timing=Timing.HOLIDAY,
        slots=HOLIDAY_DAYS,
        pricing=(Pricing.FREE_WITH_FSM,),
        price=Decimal("15.00"),
        application="Book each day online. Places go quickly in the summer holidays.",
    ),
    SampleTemplate(
        slug="family-hub",
        name="{area} Family Hub",
        organisation="Black Country Family Hubs Partnership",
        kind=ServiceKind.FAMILY_HUB,
        categories=("family-centres-and-hubs", "advice-and-information"),
        needs=("parenting", "early-years-and-childcare", "money-and-debt", "health"),
        levels=("universal", "early-help"),
        summary=(
            "A weekly base bringing family support workers, health visitors and advice services "
            "to {area}, for families from pregnancy to 18."
        ),
        description=(
            "Not everyone can get to the family centre, so the hub comes to you. Drop in to "
            "talk to a family support worker, see a health visitor, get money advice or find "
            "out what's on nearby. Staff can help you ask for more support and, where it's "
            "needed, start an Early Help Assessment with you."
        ),
        ages=(-1, 18),
        slots=((time(9, 30), time(15)),),
        circumstances=("pregnant", "lone-parent"),
    ),
    SampleTemplate(
        slug="rhyme-time",
        name="{area} Rhyme Time",
        organisation="Storytime Volunteers Dudley",
        kind=ServiceKind.ACTIVITY,
        categories=("clubs-and-activities",),
        needs=("early-years-and-childcare", "activities"),
        levels=("universal",),
        summary=(
            "Songs, rhymes and stories for babies and toddlers: a free half hour that helps "
            "early talking and listening."
        ),
        description=(
            "Clap, sing and bounce along to nursery rhymes and simple stories. Singing together "
            "helps babies and young children learn words and rhythm, and it's a good way to "
            "meet other families. Stay afterwards to borrow picture books."
        ),
        ages=(0, 4),
        slots=((time(10), time(10, 30)), (time(11), time(11, 30))),
    ),
    SampleTemplate(
        slug="youth-theatre",
        name="{area} Youth Theatre",
        organisation="Black Country Youth Arts",
        kind=ServiceKind.ACTIVITY,
        categories=("clubs-and-activities",),
        needs=("activities", "mental-health-and-wellbeing"),
        levels=("universal",),
        summary="Drama, singing and dance sessions building up to two shows a year.",
        description=(
            "Young people grow in confidence and teamwork through improvisation, scripts, "
            "singing and movement. Everyone gets a part in the shows, and there are backstage "
            "roles for those who prefer lights and sound to the limelight. Bursaries are "
            "available."
        ),
        ages=(7, 16),
        days=("WE", "FR"),
        slots=AFTER_SCHOOL,
        pricing=(Pricing.PAID, Pricing.FREE_WITH_FSM),
        price=Decimal("5.00"),
    ),
    SampleTemplate(
        slug="adventurers",
        name="{area} Adventurers",
        organisation="Black Country Adventurers Association",
        kind=ServiceKind.ACTIVITY,
        categories=("clubs-and-activities",),
        needs=("activities", "loneliness"),
        levels=("universal",),
        summary="Outdoor adventure, camping, badges and community projects for 6 to 14 year olds.",
        description=(
            "Members learn practical skills such as first aid, cooking on a fire and map "
            "reading, go on camps and day trips, and take on projects in their neighbourhood. "
            "Uniform is optional for the first term, and help with costs is available."
        ),
        ages=(6, 14),
        slots=EVENINGS,
        pricing=(Pricing.PAID,),
        price=Decimal("2.00"),
    ),
    SampleTemplate(
        slug="school-nurse",
        name="School Nurse Drop-in, {area}",
        organisation="Dudley Community Child Health",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("health-services",),
        needs=("health", "mental-health-and-wellbeing", "substance-use"),
        levels=("universal",),
        summary=(
            "A confidential drop-in for 11 to 18 year olds to talk to a school nurse about "
            "health, relationships, stress, sleep or anything else."
        ),
        description=(
            "Come on your own or with a friend. The nurse can advise on emotional health, "
            "healthy eating, periods, sexual health, smoking, vaping and alcohol, and can help "
            "you get other support. What you say stays private unless the nurse is worried "
            "about your safety."
        ),
        ages=(11, 18),
        slots=AFTER_SCHOOL,
    ),
    SampleTemplate(
        slug="children-domestic-abuse-group",
        name="Children's Domestic Abuse Recovery Group, {area}",
        organisation="Safer Homes Black Country",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("courses-and-groups", "one-to-one-support"),
        needs=("domestic-abuse", "mental-health-and-wellbeing"),
        levels=("targeted",),
        summary=(
            "Ten weeks for children aged 5 to 12 who have lived with domestic abuse, to "
            "understand their feelings and feel safe, with a group for mums at the same time."
        ),
        description=(
            "Children meet others who have been through something similar and, through play, "
            "art and talking, learn that what happened was not their fault. Their mum or safe "
            "carer meets at the same time to learn how to help their recovery."
        ),
        ages=(5, 12),
        timing=Timing.COURSE,
        weeks=10,
        slots=AFTER_SCHOOL,
        referral=ReferralRoute.BOTH,
        eligibility="The abusive parent must no longer live in the family home.",
        professional_notes=(
            "Refer once the family is safe and the child is not in crisis. Include any court "
            "orders and who has parental responsibility."
        ),
    ),
    SampleTemplate(
        slug="cook-on-a-budget",
        name="Cook and Eat on a Budget, {area}",
        organisation="Little Steps Family Learning",
        kind=ServiceKind.COMMUNITY_GROUP,
        categories=("courses-and-groups", "food-support"),
        needs=("food", "health", "money-and-debt"),
        levels=("universal",),
        summary=(
            "Six weeks of cooking simple, healthy family meals for under £1 a portion, and "
            "taking home what you make."
        ),
        description=(
            "Learn to plan meals, shop cleverly and cook tasty dishes from cheap store-cupboard "
            "ingredients with a slow cooker or air fryer. Each week you eat together and take "
            "home the ingredients to make the recipe again. Children under five can stay in "
            "the crèche."
        ),
        timing=Timing.COURSE,
    ),
    SampleTemplate(
        slug="bereavement-group",
        name="Children's Bereavement Group, {area}",
        organisation="Black Country Child Bereavement Support",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("courses-and-groups", "one-to-one-support"),
        needs=("bereavement", "mental-health-and-wellbeing"),
        levels=("early-help", "targeted"),
        summary=(
            "A group where grieving children and teenagers remember the person who died and "
            "meet others who understand."
        ),
        description=(
            "A death in the family can leave children feeling different and alone. At the "
            "group they do activities to remember the person who died, talk about their "
            "feelings if they want to, and make friends with others who have been bereaved. "
            "Parents and carers have their own group in the next room."
        ),
        ages=(5, 18),
        days=("SA",),
        slots=((time(10), time(12)),),
        referral=ReferralRoute.BOTH,
    ),
    SampleTemplate(
        slug="single-parents",
        name="{area} Single Parents' Group",
        organisation="{area} Community Association",
        kind=ServiceKind.COMMUNITY_GROUP,
        categories=("community-groups",),
        needs=("loneliness", "parenting", "money-and-debt"),
        levels=("universal",),
        summary=(
            "A friendly morning for single parents to meet, swap tips and hear about help with "
            "money, childcare and work."
        ),
        description=(
            "Bringing up children on your own can be lonely. Come for a cuppa and a chat while "
            "little ones play, and hear from visitors about benefits, childcare costs and "
            "training. The group also arranges low-cost days out in the school holidays."
        ),
        circumstances=("lone-parent",),
    ),
    SampleTemplate(
        slug="housing-advice",
        name="Housing Advice Surgery, {area}",
        organisation="Black Country Housing Advice",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("advice-and-information", "one-to-one-support"),
        needs=("housing", "money-and-debt"),
        levels=("universal", "early-help"),
        summary=(
            "Advice if you are worried about losing your home, have problems with your landlord "
            "or repairs, or need to apply for housing."
        ),
        description=(
            "Talk to a housing adviser about rent arrears, eviction notices, disrepair, "
            "overcrowding or joining the housing register. Advisers can negotiate with "
            "landlords and help you keep your home where possible. If you have nowhere to stay "
            "tonight, contact the council's housing team straight away."
        ),
        slots=(*MORNINGS, *AFTERNOONS),
    ),
    SampleTemplate(
        slug="family-learning",
        name="Family Learning: Maths and English, {area}",
        organisation="Little Steps Family Learning",
        kind=ServiceKind.COMMUNITY_GROUP,
        categories=("courses-and-groups",),
        needs=("work-and-skills", "school-and-attendance", "parenting"),
        levels=("universal",),
        summary=(
            "Short courses for parents and carers to brush up their own maths and English while "
            "learning how to help their child at school."
        ),
        description=(
            "Find out how reading and maths are taught in school today, pick up games to play "
            "at home, and gain confidence with your own skills. Some courses lead to a "
            "qualification. Children join the last part of each session."
        ),
        ages=(4, 11),
        timing=Timing.COURSE,
        weeks=8,
        slots=(*MORNINGS, *AFTERNOONS),
    ),
    SampleTemplate(
        slug="intensive-family-support",
        name="Intensive Family Support, {locality}",
        organisation="Dudley Families First Partnership",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("one-to-one-support",),
        needs=("parenting", "school-and-attendance", "relationships-and-conflict", "housing"),
        levels=("targeted",),
        summary=(
            "Key work at home for families with several needs at Level 3: up to six months of "
            "practical and emotional support alongside an Early Help plan."
        ),
        description=(
            "A key worker visits the family at home, usually weekly, and works with everyone in "
            "the household on routines, school attendance, boundaries, conflict and money. The "
            "worker can act as lead professional and joins Multi Agency Action Meetings."
        ),
        reach=Reach.LOCALITY,
        ages=(0, 18),
        timing=Timing.NONE,
        audience=Audience.PRACTITIONERS,
        referral=ReferralRoute.PROFESSIONAL,
        application=PRACTITIONER_REFERRAL,
        professional_notes=(
            "Needs a completed Early Help Assessment with the family's consent, agreed at a "
            "Multi Agency Action Meeting. Not for families open to children's social care; "
            "step-down cases are accepted."
        ),
    ),
    SampleTemplate(
        slug="exploitation-mentoring",
        name="Exploitation Mentoring, {locality}",
        organisation="Safe Streets Black Country",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("one-to-one-support",),
        needs=("crime-and-exploitation", "substance-use"),
        levels=("targeted", "specialist"),
        summary=(
            "One-to-one mentoring for young people at risk of criminal or sexual exploitation, "
            "county lines or serious youth violence."
        ),
        description=(
            "Mentors with lived experience meet young people where they feel safe, build trust "
            "and help them find a way out, working with families, schools and the police."
        ),
        reach=Reach.LOCALITY,
        ages=(10, 18),
        timing=Timing.NONE,
        audience=Audience.PRACTITIONERS,
        referral=ReferralRoute.PROFESSIONAL,
        application=PRACTITIONER_REFERRAL,
        professional_notes=(
            "Complete the exploitation screening tool first. If a young person is in immediate "
            "danger, call 999 and follow safeguarding procedures before referring."
        ),
    ),
    SampleTemplate(
        slug="attendance-support",
        name="School Attendance Support, {locality}",
        organisation="Dudley Schools Inclusion Partnership",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("one-to-one-support", "advice-and-information"),
        needs=("school-and-attendance", "mental-health-and-wellbeing"),
        levels=("early-help", "targeted"),
        summary=(
            "Attendance workers who help schools and families get a child back into regular "
            "school, especially when anxiety or health is in the way."
        ),
        description=(
            "Workers meet the family at home and in school to find out what is getting in the "
            "way, agree a plan with the school, and check in each week."
        ),
        reach=Reach.LOCALITY,
        ages=(5, 16),
        timing=Timing.NONE,
        audience=Audience.PRACTITIONERS,
        referral=ReferralRoute.PROFESSIONAL,
        application=PRACTITIONER_REFERRAL,
        professional_notes=(
            "Schools refer once attendance falls below 90% and in-school support has been "
            "tried. Include attendance figures and any SEND information."
        ),
    ),
    SampleTemplate(
        slug="parent-talk",
        name="Parent Talk Dudley Helpline",
        organisation="Parent Talk Dudley",
        kind=ServiceKind.HELPLINE,
        categories=("helplines-and-online",),
        needs=("parenting", "relationships-and-conflict", "mental-health-and-wellbeing"),
        levels=("universal", "early-help"),
        summary=(
            "Call, text or chat online with a parenting adviser about tantrums, teenagers, "
            "sleep, screen time or anything else."
        ),
        description=(
            "Experienced family workers listen without judging and help you work out what to "
            "try next. You don't have to give your name. If you need more help, they can tell "
            "you what's available near you, including your family centre."
        ),
        reach=Reach.REMOTE,
        ages=(-1, 18),
        timing=Timing.OPEN,
        slots=((time(9), time(20)),),
        languages=("en", "ur", "pa", "pl"),
    ),
    SampleTemplate(
        slug="talk-it-out",
        name="Talk It Out Online",
        organisation="Talk It Out Youth Wellbeing",
        kind=ServiceKind.ONLINE_RESOURCE,
        categories=("helplines-and-online",),
        needs=("mental-health-and-wellbeing", "loneliness"),
        levels=("universal", "early-help"),
        summary=(
            "Free, anonymous online chat and counselling for young people aged 11 to 25, with "
            "articles and forums moderated by trained staff."
        ),
        description=(
            "Talk to a trained counsellor by text chat, book regular sessions, or read and post "
            "in moderated forums. It's free, and you don't need a referral or to tell anyone. "
            "Counsellors can help you get face-to-face support if you want it."
        ),
        reach=Reach.REMOTE,
        ages=(11, 25),
        timing=Timing.OPEN,
        days=EVERY_DAY,
        slots=((time(12), time(22)),),
        delivery=(DeliveryMethod.ONLINE,),
    ),
    SampleTemplate(
        slug="online-parenting-course",
        name="Understanding Your Child: Online Parenting Courses",
        organisation="Little Steps Family Learning",
        kind=ServiceKind.ONLINE_RESOURCE,
        categories=("helplines-and-online", "courses-and-groups"),
        needs=("parenting",),
        levels=("universal",),
        summary=(
            "Self-paced online courses for parents, parents-to-be and carers, from pregnancy to "
            "the teenage years, free with an access code."
        ),
        description=(
            "Work through short videos and activities whenever suits you, on a phone or "
            "computer. Courses cover feelings and behaviour, living with teenagers and being a "
            "separated parent. Ask your family centre or health visitor for the free code."
        ),
        reach=Reach.REMOTE,
        ages=(-1, 18),
        timing=Timing.NONE,
        delivery=(DeliveryMethod.ONLINE,),
        languages=("en", "ar", "pl", "ur", "pa", "bn"),
    ),
    SampleTemplate(
        slug="benefits-helpline",
        name="Benefits and Money Helpline",
        organisation="Black Country Money Advice Trust",
        kind=ServiceKind.HELPLINE,
        categories=("helplines-and-online", "advice-and-information"),
        needs=("money-and-debt", "work-and-skills"),
        levels=("universal",),
        summary=(
            "Phone advice on benefits, Universal Credit, debt, and grants for essentials like "
            "cookers and beds."
        ),
        description=(
            "Advisers can do a full benefits check over the phone, explain how Universal Credit "
            "works, help you challenge a decision, and apply for help with essential items."
        ),
        reach=Reach.REMOTE,
        timing=Timing.OPEN,
        slots=OFFICE,
        delivery=(DeliveryMethod.PHONE,),
    ),
    SampleTemplate(
        slug="domestic-abuse-helpline",
        name="Domestic Abuse Helpline",
        organisation="Safer Homes Black Country",
        kind=ServiceKind.HELPLINE,
        categories=("helplines-and-online", "one-to-one-support"),
        needs=("domestic-abuse",),
        levels=("early-help", "targeted"),
        summary=(
            "Confidential support for anyone experiencing domestic abuse, and for friends, "
            "family and professionals worried about someone."
        ),
        description=(
            "Trained advocates listen, help you think about your safety and explain your "
            "options, including refuge, legal protection and support in the community. You "
            "don't have to give your name. In an emergency, always call 999."
        ),
        reach=Reach.REMOTE,
        timing=Timing.OPEN,
        days=EVERY_DAY,
        slots=((time(8), time(22)),),
        delivery=(DeliveryMethod.PHONE,),
        referral=ReferralRoute.BOTH,
        languages=("en", "ur", "pa", "pl", "ar", "bn"),
    ),
    SampleTemplate(
        slug="domestic-abuse-outreach",
        name="Domestic Abuse Outreach and Advocacy",
        organisation="Safer Homes Black Country",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("one-to-one-support",),
        needs=("domestic-abuse", "housing", "mental-health-and-wellbeing"),
        levels=("targeted",),
        summary=(
            "One-to-one support in the community for adults affected by domestic abuse: safety "
            "planning, court support and help to rebuild."
        ),
        description=(
            "An outreach worker meets you somewhere safe, such as a family centre, GP surgery "
            "or café, and supports you for as long as you need: planning for safety, reporting "
            "to the police if you choose, going to court, sorting out housing and money, and "
            "helping your children."
        ),
        reach=Reach.BOROUGH,
        timing=Timing.NONE,
        referral=ReferralRoute.BOTH,
        professional_notes=(
            "Complete a risk assessment with the victim before referring. High-risk cases also "
            "go to the multi-agency risk assessment conference."
        ),
    ),
    SampleTemplate(
        slug="refuge",
        name="{variant} Refuge",
        organisation="Safer Homes Black Country",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("one-to-one-support",),
        needs=("domestic-abuse", "housing"),
        levels=("targeted", "specialist"),
        summary=(
            "Safe, confidential emergency housing for women and their children escaping "
            "domestic abuse, with support on site."
        ),
        description=(
            "The refuge has self-contained rooms, shared kitchens and a playroom, and staff "
            "help each family with safety, money, housing, schools and moving on. The address "
            "is kept secret to keep residents safe: call the helpline to ask about a space."
        ),
        reach=Reach.REFUGE,
        count=2,
        timing=Timing.NONE,
        pricing=(Pricing.CONCESSION,),
        price=Decimal("95.00"),
        free_option="Rent, if you get Housing Benefit or Universal Credit housing costs",
        paid_option="Rent and service charge a week, otherwise",
        referral=ReferralRoute.BOTH,
        eligibility="Women, with or without children, who need to leave home because of abuse.",
        variants=("Safe Haven", "Cedar House"),
    ),
    SampleTemplate(
        slug="young-peoples-drugs-alcohol",
        name="Young People's Drug and Alcohol Service",
        organisation="Clear Path Young People's Service",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("one-to-one-support", "health-services"),
        needs=("substance-use", "mental-health-and-wellbeing", "crime-and-exploitation"),
        levels=("early-help", "targeted"),
        summary=(
            "Confidential support for young people up to 25 who want to cut down or stop using "
            "drugs or alcohol, or are affected by someone else's use."
        ),
        description=(
            "Workers meet you in school, college, at home or somewhere else you choose. There's "
            "no pressure to stop straight away: they'll help you understand the risks, make a "
            "plan that works for you, and deal with things like sleep, stress and "
            "relationships."
        ),
        reach=Reach.BOROUGH,
        ages=(11, 25),
        timing=Timing.NONE,
        referral=ReferralRoute.BOTH,
    ),
    SampleTemplate(
        slug="parents-drugs-alcohol",
        name="Parents' Drug and Alcohol Support",
        organisation="Clear Path Recovery Service",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("one-to-one-support", "health-services"),
        needs=("substance-use", "parenting", "mental-health-and-wellbeing"),
        levels=("early-help", "targeted"),
        summary=(
            "Support for parents and carers whose drinking or drug use is affecting family "
            "life, with sessions for their children too."
        ),
        description=(
            "Recovery workers offer one-to-one sessions, groups, medication where needed, and "
            "family sessions that help children understand what's happening. Being a parent is "
            "never a barrier to getting help."
        ),
        reach=Reach.BOROUGH,
        timing=Timing.NONE,
    ),
    SampleTemplate(
        slug="short-breaks",
        name="Specialist Short Breaks for Disabled Children",
        organisation="Dudley Short Breaks Consortium",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("clubs-and-activities", "one-to-one-support"),
        needs=("send", "activities"),
        levels=("specialist",),
        summary=(
            "Short breaks for children with complex disabilities, arranged after an "
            "assessment: overnight stays, specialist play schemes and sitting services."
        ),
        description=(
            "Breaks give disabled children fun and new experiences and give parents and carers "
            "a rest. Each package is tailored to the child and reviewed every year."
        ),
        reach=Reach.BOROUGH,
        ages=(0, 18),
        timing=Timing.NONE,
        audience=Audience.PRACTITIONERS,
        referral=ReferralRoute.PROFESSIONAL,
        application=PRACTITIONER_REFERRAL,
        professional_notes=(
            "Access is through a disabled children's assessment. Short breaks on the Local "
            "Offer that need no assessment are open to families directly."
        ),
    ),
    SampleTemplate(
        slug="send-advice-line",
        name="SEND Information and Advice Line",
        organisation="Sunflower SEND Families",
        kind=ServiceKind.HELPLINE,
        categories=("helplines-and-online", "advice-and-information"),
        needs=("send", "school-and-attendance"),
        levels=("universal", "early-help"),
        summary=(
            "Impartial advice for parents and young people up to 25 about special educational "
            "needs and disabilities, support in school and EHCPs."
        ),
        description=(
            "Advisers explain the law and your options in plain English, help you get ready "
            "for meetings with school, and support you through requests for an EHC needs "
            "assessment, appeals and annual reviews."
        ),
        reach=Reach.REMOTE,
        ages=(0, 25),
        timing=Timing.OPEN,
        slots=((time(9, 30), time(15)),),
    ),
    SampleTemplate(
        slug="bereavement-line",
        name="Bereavement Support Line",
        organisation="Black Country Child Bereavement Support",
        kind=ServiceKind.HELPLINE,
        categories=("helplines-and-online",),
        needs=("bereavement", "mental-health-and-wellbeing"),
        levels=("universal",),
        summary=(
            "Someone to talk to when someone close to you or your child has died, including how "
            "to tell children and support them at school."
        ),
        description=(
            "Trained volunteers listen and help you think about how to talk to children about "
            "death, funerals and what happens next, and can put you in touch with local groups "
            "and counselling."
        ),
        reach=Reach.REMOTE,
        timing=Timing.OPEN,
        slots=((time(10), time(16)),),
        delivery=(DeliveryMethod.PHONE,),
    ),
    SampleTemplate(
        slug="young-peoples-housing",
        name="Young People's Housing Support",
        organisation="Next Step Housing Trust",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("advice-and-information", "one-to-one-support"),
        needs=("housing", "work-and-skills", "money-and-debt"),
        levels=("early-help", "targeted"),
        summary=(
            "Help for 16 to 25 year olds who are homeless or at risk, including supported "
            "housing and learning to live independently."
        ),
        description=(
            "If you've been asked to leave home or are sofa surfing, talk to us. We can help "
            "with mediation with your family, a safe place to stay, and support with budgeting, "
            "cooking, bills, education and work."
        ),
        reach=Reach.BOROUGH,
        ages=(16, 25),
        timing=Timing.NONE,
        referral=ReferralRoute.BOTH,
    ),
    SampleTemplate(
        slug="family-mediation",
        name="Family Mediation",
        organisation="Black Country Family Mediation",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("one-to-one-support",),
        needs=("relationships-and-conflict", "parenting"),
        levels=("early-help",),
        summary=(
            "Helps separating parents agree arrangements for children, money and property "
            "without going to court."
        ),
        description=(
            "A trained mediator meets each of you separately first, then together or in "
            "separate rooms, to help you reach agreements that put your children first. "
            "Children over 10 can have their say. Mediation is usually quicker and cheaper than "
            "court."
        ),
        reach=Reach.BOROUGH,
        timing=Timing.NONE,
        pricing=(Pricing.CONCESSION,),
        price=Decimal("90.00"),
        free_option="If you qualify for legal aid",
        paid_option="First meeting, per person",
        delivery=(DeliveryMethod.IN_PERSON, DeliveryMethod.ONLINE),
    ),
    SampleTemplate(
        slug="co-parenting-online",
        name="Co-Parenting After Separation Online Course",
        organisation="Black Country Family Mediation",
        kind=ServiceKind.ONLINE_RESOURCE,
        categories=("helplines-and-online", "courses-and-groups"),
        needs=("relationships-and-conflict", "parenting"),
        levels=("universal",),
        summary=(
            "A free online course for separated parents on reducing conflict and helping "
            "children cope."
        ),
        description=(
            "Bite-sized modules on how conflict affects children, talking to your ex-partner, "
            "and making arrangements that work. Each parent can take the course on their own, "
            "at their own pace."
        ),
        reach=Reach.REMOTE,
        ages=(0, 18),
        timing=Timing.NONE,
        delivery=(DeliveryMethod.ONLINE,),
    ),
    SampleTemplate(
        slug="perinatal-peer-support",
        name="Perinatal Wellbeing Peer Support",
        organisation="Bump and Beyond Dudley",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("one-to-one-support", "health-services"),
        needs=("mental-health-and-wellbeing", "early-years-and-childcare"),
        levels=("early-help",),
        summary=(
            "Peer support for parents struggling with their mental health in pregnancy or the "
            "first two years after birth."
        ),
        description=(
            "Peer supporters who have been through it themselves offer one-to-one support by "
            "phone or in person, and run small groups where you can be honest about how you "
            "feel. They work alongside midwives, health visitors and GPs."
        ),
        reach=Reach.BOROUGH,
        ages=(-1, 2),
        timing=Timing.NONE,
        circumstances=("pregnant",),
        referral=ReferralRoute.BOTH,
        delivery=(DeliveryMethod.PHONE, DeliveryMethod.OUTREACH, DeliveryMethod.ONLINE),
    ),
    SampleTemplate(
        slug="baby-bank",
        name="Little Bundles Baby Bank",
        organisation="Little Bundles Baby Bank",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("community-groups",),
        needs=("early-years-and-childcare", "money-and-debt"),
        levels=("early-help",),
        summary=(
            "Good-quality baby clothes, prams, cots, car seats and toiletries for families who "
            "need them, through a referral from a professional."
        ),
        description=(
            "Donated items are checked, cleaned and packed into a bundle for each family. Your "
            "health visitor, midwife, family support worker or social worker can refer you, "
            "and bundles are delivered or collected by arrangement."
        ),
        reach=Reach.BOROUGH,
        ages=(-1, 4),
        timing=Timing.NONE,
        circumstances=("pregnant",),
        referral=ReferralRoute.PROFESSIONAL,
        application="Ask a professional who knows your family to refer you.",
    ),
    SampleTemplate(
        slug="uniform-exchange",
        name="School Uniform Exchange",
        organisation="Second Term Uniform Exchange",
        kind=ServiceKind.COMMUNITY_GROUP,
        categories=("community-groups",),
        needs=("money-and-debt", "school-and-attendance"),
        levels=("universal",),
        summary=(
            "Free pre-loved school uniform, PE kit and shoes at pop-up shops around the borough. "
            "Donations welcome."
        ),
        description=(
            "Pick up what your children need without paying a penny, or drop off uniform they "
            "have grown out of. Pop-up shops open in libraries and community centres before "
            "each new term, and you can ask for items by email."
        ),
        reach=Reach.BOROUGH,
        ages=(4, 16),
        timing=Timing.NONE,
    ),
    SampleTemplate(
        slug="christmas-toy-appeal",
        name="Christmas Toy Appeal",
        organisation="Santa's Helpers Black Country",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("community-groups",),
        needs=("money-and-debt", "activities"),
        levels=("early-help",),
        summary=(
            "New toys and gifts for children who might otherwise go without at Christmas, asked "
            "for by a professional who knows the family."
        ),
        description=(
            "Family support workers, health visitors, teachers and social workers can ask for "
            "gifts for the children they work with. Gifts are chosen to suit each child's age "
            "and interests and are delivered to the professional to pass on."
        ),
        reach=Reach.BOROUGH,
        ages=(0, 16),
        timing=Timing.NONE,
        referral=ReferralRoute.PROFESSIONAL,
        season=((11, 1), (12, 24)),
    ),
    SampleTemplate(
        slug="summer-book-quest",
        name="Summer Book Quest",
        organisation="Storytime Volunteers Dudley",
        kind=ServiceKind.ACTIVITY,
        categories=("clubs-and-activities",),
        needs=("activities", "school-and-attendance"),
        levels=("universal",),
        summary=(
            "Read six library books over the summer holidays, collect stickers and rewards, and "
            "get a certificate."
        ),
        description=(
            "Children sign up at any library or online, choose any books they like, and collect "
            "rewards as they go. Reading over the summer helps children keep their skills up "
            "before the new school year."
        ),
        reach=Reach.BOROUGH,
        ages=(4, 11),
        timing=Timing.NONE,
        season=((6, 15), (9, 15)),
    ),
    SampleTemplate(
        slug="smokefree-pregnancy",
        name="Smokefree Pregnancy Support",
        organisation="Bump and Beyond Dudley",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("health-services", "helplines-and-online"),
        needs=("health", "substance-use"),
        levels=("universal",),
        summary=(
            "Support to stop smoking in pregnancy and after the birth, with nicotine "
            "replacement and rewards for staying smoke-free."
        ),
        description=(
            "A specialist adviser calls you each week, helps you set a quit date and manage "
            "cravings, and arranges nicotine replacement. Partners and others in your home can "
            "get support too."
        ),
        reach=Reach.REMOTE,
        ages=(-1, 0),
        timing=Timing.OPEN,
        slots=OFFICE,
        circumstances=("pregnant",),
        referral=ReferralRoute.BOTH,
        delivery=(DeliveryMethod.PHONE,),
    ),
    SampleTemplate(
        slug="sexual-health-online",
        name="Young People's Sexual Health Online",
        organisation="Black Country Sexual Health Partnership",
        kind=ServiceKind.ONLINE_RESOURCE,
        categories=("health-services", "helplines-and-online"),
        needs=("health", "relationships-and-conflict"),
        levels=("universal",),
        summary=(
            "Order free condoms and STI test kits, book a confidential appointment, or get "
            "advice about contraception and relationships."
        ),
        description=(
            "Young people aged 13 to 25 can use free, confidential sexual health services "
            "without going to their GP. Test kits come in plain packaging and results arrive "
            "by text."
        ),
        reach=Reach.REMOTE,
        ages=(13, 25),
        timing=Timing.NONE,
    ),
    SampleTemplate(
        slug="mental-health-consultation",
        name="Children's Mental Health Consultation Line",
        organisation="Dudley Children's Wellbeing Partnership",
        kind=ServiceKind.HELPLINE,
        categories=("helplines-and-online", "health-services"),
        needs=("mental-health-and-wellbeing", "send"),
        levels=("specialist",),
        summary=(
            "For professionals worried about a child's mental health: talk it through with a "
            "clinician before referring."
        ),
        description=(
            "Clinicians advise on whether a referral to specialist mental health services is "
            "needed, what to try in the meantime, and which local services might help."
        ),
        reach=Reach.REMOTE,
        ages=(0, 18),
        timing=Timing.OPEN,
        slots=OFFICE,
        delivery=(DeliveryMethod.PHONE,),
        audience=Audience.PRACTITIONERS,
        referral=ReferralRoute.PROFESSIONAL,
        professional_notes=(
            "Have the child's details, the concern and what has been tried ready. The family "
            "should know you are calling."
        ),
    ),
    SampleTemplate(
        slug="welfare-rights-line",
        name="Welfare Rights Line for Professionals",
        organisation="Black Country Money Advice Trust",
        kind=ServiceKind.HELPLINE,
        categories=("helplines-and-online", "advice-and-information"),
        needs=("money-and-debt", "housing"),
        levels=("early-help", "targeted"),
        summary=(
            "Second-tier advice for practitioners supporting families with benefits, sanctions, "
            "appeals and debt."
        ),
        description=(
            "Welfare rights officers help you understand what a family is entitled to and the "
            "next steps, and can take on complex cases themselves."
        ),
        reach=Reach.REMOTE,
        timing=Timing.OPEN,
        slots=((time(9, 30), time(16, 30)),),
        delivery=(DeliveryMethod.PHONE,),
        audience=Audience.PRACTITIONERS,
        referral=ReferralRoute.PROFESSIONAL,
        professional_notes=(
            "For professionals only; families can call the Benefits and Money Helpline. "
        ),
    ),
    SampleTemplate(
        slug="community-interpreting",
        name="Community Interpreting for Families",
        organisation="Voices Together Interpreting",
        kind=ServiceKind.SUPPORT_SERVICE,
        categories=("advice-and-information", "one-to-one-support"),
        needs=("health", "school-and-attendance"),
        levels=("universal",),
        summary=(
            "Interpreters who come with families to school meetings, health appointments and "
            "family centre visits, in community languages and British Sign Language."
        ),
        description=(
            "Book an interpreter for any meeting where language could get in the way. "
            "Interpreters are trained, DBS-checked and bound by confidentiality, and "
            "professionals can book on a family's behalf."
        ),
        reach=Reach.BOROUGH,
        timing=Timing.NONE,
        referral=ReferralRoute.BOTH,
        delivery=(DeliveryMethod.IN_PERSON, DeliveryMethod.PHONE, DeliveryMethod.ONLINE),
        languages=("en", "ur", "pa", "pl", "bn", "ar", "ro", "ku", "bfi"),
    ),
)
