"""Relevance: what families type, and the services they should see in the top five.

Each case is a query in a family's own words (typos, synonyms, plain speech) over the
Dudley demo data, and part of the name of a service that must be in the first five
("a|b": either).
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import Service
from search import SearchQuery

CASES = [
    ("food bank", "Food Bank"),
    ("foodbank", "Food Bank"),
    ("food parcel", "Food Bank"),
    ("community pantry", "Community Pantry"),
    ("cheap food", "Pantry|Budget"),
    ("larder", "Pantry"),
    ("stay and play", "Stay and Play"),
    ("toddler group", "Stay and Play"),
    ("play group for my 2 year old", "Stay and Play"),
    ("holiday club", "Holiday Club"),
    ("HAF", "Holiday Activities and Food"),
    ("holiday club free school meals", "Holiday Activities and Food"),
    ("help with my sons behavour", "Parent"),
    ("parenting course", "Parenting"),
    ("parnting class", "Parenting"),
    ("incredible years", "The Incredible Years"),
    ("solihull", "Solihull Approach"),
    ("domestic abuse", "Domestic Abuse"),
    ("domestic violence", "Domestic Abuse"),
    ("DV", "Domestic Abuse"),
    ("refuge", "Refuge"),
    ("counselling for my daughter", "Counselling"),
    ("talking therapy", "Counselling"),
    ("CAMHS", "CAMHS Positive Steps"),
    ("feeling low", "Wellbeing"),
    ("autism", "Autistic"),
    ("special needs", "SEND"),
    ("EHCP", "SEND"),
    ("local offer", "Local Offer"),
    ("debt advice", "Money Advice"),
    ("benefits", "Benefits and Money"),
    ("citizens advice", "Citizens Advice"),
    ("childminder", "Childminding"),
    ("nursery", "Nursery"),
    ("after school club", "After-School Club"),
    ("new baby", "Baby"),
    ("pregnant", "Bump to Baby|Pregnancy"),
    ("breastfeeding", "Baby Feeding"),
    ("youth club", "Youth Club"),
    ("bereavement", "Bereavement"),
    ("grief", "Bereavement"),
    ("drugs and alcohol", "Drug and Alcohol"),
    ("job club", "Job Club"),
    ("young carers", "Young Carers"),
    ("family centre", "Family Centre"),
    ("stourbridge family centre", "Stourbridge Family Centre"),
    ("brierly hill family center", "Brierley Hill Family Centre"),
    ("school uniform", "School Uniform"),
    ("homework help", "Homework Club"),
    ("mediation", "Family Mediation"),
    ("cluster connect", "Cluster Connect"),
]


@pytest.mark.parametrize(("words", "expected"), CASES, ids=[case[0] for case in CASES])
def test_family_query_finds_the_right_service_in_the_top_five(
    search_app: Flask, words: str, expected: str
) -> None:
    with search_app.app_context():
        results = search_app.extensions["search"].search(SearchQuery(text=words, page_size=5))
        ids = [hit.id for hit in results.hits]
        names = db.session.scalars(sa.select(Service.name).where(Service.id.in_(ids))).all()
    wanted = expected.lower().split("|")
    assert any(part in name.lower() for name in names for part in wanted), (words, names)
