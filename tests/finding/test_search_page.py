"""The family search page end to end on the demo data, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import sqlalchemy as sa
from flask import Flask

from directory.extensions import db
from directory.models import DatedSession, Language, Service
from tests.support.html import visible_text


def _page(app: Flask, query: str):  # type: ignore[no-untyped-def]
    response = app.test_client().get(f"/find-support?{query}")
    return response, response.get_data(as_text=True)


def _result_ids(markup: str) -> list[str]:
    results = markup.split('class="govuk-list app-service-list"', 1)
    if len(results) == 1:
        return []
    return re.findall(r'href="/services/([0-9a-f-]{36})"', results[1].split("</ul>", 1)[0])


def _count(markup: str) -> int:
    match = re.search(r'id="results-count">\s*(\d+|No) results?', markup)
    assert match, "the page should state how many results"
    return 0 if match.group(1) == "No" else int(match.group(1))


def _heading(markup: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", markup, re.S)
    assert match
    return " ".join(unescape(match.group(1)).split())


def _title(markup: str) -> str:
    match = re.search(r"<title>(.*?)</title>", markup, re.S)
    assert match
    return " ".join(unescape(match.group(1)).split())


def _names(app: Flask, ids: list[str]) -> list[str]:
    with app.app_context():
        found = dict(
            db.session.execute(sa.select(Service.id, Service.name).where(Service.id.in_(ids))).all()
        )
    return [found[i] for i in ids]


def test_keyword_and_postcode_show_nearby_services_with_distances(search_app: Flask) -> None:
    response, markup = _page(search_app, "q=food+bank&postcode=dy1+1ae")
    assert response.status_code == 200
    text = visible_text(markup)
    assert "within 3 miles of DY1 1AE" in text
    assert "miles away" in text
    assert 'role="status"' in markup and 'aria-live="polite"' in markup
    names = _names(search_app, _result_ids(markup))
    assert any("Food Bank" in name or "Pantry" in name for name in names[:3])


def test_outward_code_alone_is_enough(search_app: Flask) -> None:
    _, markup = _page(search_app, "q=stay+and+play&postcode=DY5")
    assert "within 3 miles of DY5" in visible_text(markup)
    assert _count(markup) > 0


def test_nearest_first_orders_by_distance(search_app: Flask) -> None:
    _, markup = _page(search_app, "q=youth+club&postcode=DY8+1XF&sort=nearest&radius=20")
    distances = [float(d) for d in re.findall(r"(\d+\.\d) miles away", markup)]
    assert len(distances) >= 3
    assert distances == sorted(distances)


def test_each_need_filter_narrows_to_that_need(search_app: Flask) -> None:
    council = search_app.extensions["council"]
    for need in council.terms("need"):
        _, markup = _page(search_app, f"need={need.code}")
        ids = _result_ids(markup)
        with search_app.app_context():
            for service_id in ids:
                service = db.session.get(Service, service_id)
                assert need.code in {t.code for t in service.terms("need")}


def test_free_filter_keeps_only_free_services(search_app: Flask) -> None:
    _, everything = _page(search_app, "q=club")
    _, free = _page(search_app, "q=club&free=yes")
    assert 0 < _count(free) < _count(everything)
    with search_app.app_context():
        for service_id in _result_ids(free):
            assert db.session.get(Service, service_id).is_free


def test_free_is_never_a_nursery_free_only_through_funded_hours(search_app: Flask) -> None:
    _, free = _page(search_app, "q=stay+and+play&postcode=DY5&age=2&free=yes")
    _, funded = _page(search_app, "age=2&funded_hours=yes")
    free_ids, funded_ids = set(_result_ids(free)), set(_result_ids(funded))
    assert free_ids and funded_ids and not free_ids & funded_ids
    assert "Funded hours (2, 3 and 4 year olds)" in visible_text(funded)
    assert "with funded hours" in _heading(funded)
    with search_app.app_context():
        for service_id in funded_ids:
            service = db.session.get(Service, service_id)
            assert service.offers_funded_hours and not service.is_free
        funded_anywhere = {
            s.id for s in db.session.scalars(sa.select(Service)) if s.offers_funded_hours
        }
    assert funded_anywhere and not funded_anywhere & free_ids


def test_the_word_free_finds_what_the_free_filter_finds(search_app: Flask) -> None:
    _, read = _page(search_app, "q=free&age=3")
    _, ticked = _page(search_app, "age=3&free=yes")
    assert _count(read) == _count(ticked) > 0
    with search_app.app_context():
        for service_id in _result_ids(read):
            assert not db.session.get(Service, service_id).offers_funded_hours


def test_age_filter_includes_pre_birth(search_app: Flask) -> None:
    _, markup = _page(search_app, "age=-1")
    ids = _result_ids(markup)
    assert ids
    with search_app.app_context():
        for service_id in ids:
            service = db.session.get(Service, service_id)
            assert service.minimum_age == -1


def test_age_filter_reaches_25_for_send(search_app: Flask) -> None:
    _, markup = _page(search_app, "age=24")
    with search_app.app_context():
        for service_id in _result_ids(markup):
            service = db.session.get(Service, service_id)
            assert service.maximum_age is None or service.maximum_age >= 24


def test_kind_category_locality_language_and_day_filters(search_app: Flask) -> None:
    with search_app.app_context():
        polish = set(
            db.session.scalars(sa.select(Language.service_id).where(Language.code == "pl"))
        )
    _, markup = _page(search_app, "language=pl")
    assert set(_result_ids(markup)) <= polish and _result_ids(markup)

    _, markup = _page(search_app, "kind=pantry")
    assert all("Pantry" in name for name in _names(search_app, _result_ids(markup)))

    _, markup = _page(search_app, "category=holiday-activities")
    assert _count(markup) > 0

    _, all_areas = _page(search_app, "q=youth+club")
    _, one_area = _page(search_app, "q=youth+club&locality=halesowen")
    assert 0 < _count(one_area) < _count(all_areas)

    _, saturday = _page(search_app, "day=SA")
    with search_app.app_context():
        for service_id in _result_ids(saturday):
            service = db.session.get(Service, service_id)
            days = {s.byday for s in service.schedules}
            days |= {s.byday for link in service.locations for s in link.schedules}
            assert "SA" in days


def test_school_holiday_filter_finds_dated_sessions_in_the_holiday(search_app: Flask) -> None:
    council = search_app.extensions["council"]
    holiday = min(
        (h for h in council.school_holidays if h.end >= date.today()), key=lambda h: h.start
    )
    _, markup = _page(search_app, "holiday=yes")
    ids = _result_ids(markup)
    assert ids
    with search_app.app_context():
        for service_id in ids:
            days = db.session.scalars(
                sa.select(DatedSession.starts_at).where(DatedSession.service_id == service_id)
            ).all()
            assert any(holiday.start <= day.date() <= holiday.end for day in days)
    assert "Next session:" in visible_text(markup)


def test_facet_counts_match_what_ticking_the_box_finds(search_app: Flask) -> None:
    _, markup = _page(search_app, "q=group")
    match = re.search(r'for="filter-need-parenting">\s*Parenting \((\d+)\)', markup)
    assert match
    _, ticked = _page(search_app, "q=group&need=parenting")
    assert _count(ticked) == int(match.group(1))


def test_clear_filters_keeps_the_words_and_postcode(search_app: Flask) -> None:
    _, markup = _page(search_app, "q=club&postcode=DY1+1AE&free=yes")
    assert 'href="/find-support?q=club&amp;postcode=DY1+1AE">Clear filters' in markup


def test_pagination_moves_through_results_and_bad_pages_are_not_found(search_app: Flask) -> None:
    _, first = _page(search_app, "")
    total = _count(first)
    assert total > 20
    assert "govuk-pagination" in first
    _, second = _page(search_app, "page=2")
    assert set(_result_ids(first)).isdisjoint(_result_ids(second))
    last_page = -(-total // 20)
    assert _page(search_app, f"page={last_page + 1}")[0].status_code == 404
    for bad in ("0", "-2", "x", "99999"):
        assert _page(search_app, f"page={bad}")[0].status_code == 404


def test_zero_results_offer_a_wider_distance_and_fewer_filters(search_app: Flask) -> None:
    _, markup = _page(search_app, "kind=pantry&language=ku&postcode=DY8+1XF")
    text = visible_text(markup)
    assert _count(markup) == 0
    assert "You could try" in text
    assert re.search(r"Without Kurdish: \d+ results?", text)
    assert "Stourbridge Family Centre" in text
    assert "01384 812440" in text


def test_a_radius_with_nothing_offers_the_nearest_distance_that_has_something(
    search_app: Flask,
) -> None:
    _, markup = _page(
        search_app, "q=cluster+connect+halesowen&postcode=DY3+1AA&radius=1&kind=cluster_connect"
    )
    text = visible_text(markup)
    if _count(markup) == 0:
        assert re.search(
            r"(Within \d+ miles?|Anywhere, not just near your postcode): \d+ results?", text
        )


def test_misspelling_shows_the_corrected_search_and_offers_the_words_as_typed(
    search_app: Flask,
) -> None:
    _, markup = _page(search_app, "q=parnting")
    assert _count(markup) > 0
    assert _heading(markup).endswith("results for ‘parenting’")
    assert _title(markup).startswith(_heading(markup))
    link = re.search(r'href="([^"]+)">Search instead for ‘parnting’</a>', markup)
    assert link, "the page should offer the words as typed"
    _, as_typed = _page(search_app, unescape(link.group(1)).split("?", 1)[1])
    assert _heading(as_typed) == "No results for ‘parnting’"
    assert "Search instead" not in as_typed


def test_postcode_problems_get_specific_messages(search_app: Flask) -> None:
    cases = {
        "BT1+1AA": "Northern Ireland postcodes are not covered yet",
        "not+a+postcode": "Enter a real postcode",
        "DY99+9ZZ": "We could not find DY99 9ZZ",
    }
    for postcode, message in cases.items():
        response, markup = _page(search_app, f"q=food&postcode={postcode}")
        assert response.status_code == 200
        assert message in visible_text(markup)
        assert re.search(r"<title>\s*Error:", markup)
        assert _count(markup) > 0  # the words still search, without a place


def test_long_input_and_unknown_parameters_never_break_the_page(search_app: Flask) -> None:
    response, _ = _page(search_app, "q=" + "help+" * 2000 + "&utm_source=x&need=nope&age=900")
    assert response.status_code == 200


def test_domestic_abuse_searches_offer_exit_this_page_and_keep_words_private(
    search_app: Flask,
) -> None:
    response, markup = _page(search_app, "need=domestic-abuse")
    assert "govuk-exit-this-page" in markup
    assert response.headers["Referrer-Policy"] == "same-origin"
    _, plain = _page(search_app, "need=food")
    assert "govuk-exit-this-page" not in plain


def test_life_events_on_the_home_page_are_working_searches(search_app: Flask) -> None:
    client = search_app.test_client()
    home = client.get("/").get_data(as_text=True)
    events = home.split('class="govuk-list govuk-list--spaced app-life-events"', 1)[1]
    links = re.findall(r'href="(/find-support\?[^"]+)"', events.split("</ul>", 1)[0])
    assert len(links) == len(search_app.extensions["council"].life_events)
    for link in links:
        markup = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
        assert _count(markup) > 0, link


def test_nothing_found_with_an_unknown_postcode_still_offers_fewer_filters(
    search_app: Flask,
) -> None:
    response, markup = _page(search_app, "kind=pantry&language=ku&postcode=DY99+9ZZ")
    assert response.status_code == 200
    assert "We could not find DY99 9ZZ" in visible_text(markup)
    assert re.search(r"Without Kurdish: \d+ results?", visible_text(markup))


def test_open_now_finds_exactly_the_services_open_this_hour(search_app: Flask) -> None:
    from datetime import datetime

    from directory.indexing.documents import service_document
    from directory.models import Service
    from directory.queries.indexing import indexable_listings

    now = datetime.now()
    slot = f"{('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')[now.weekday()]}{now.hour:02d}"
    with search_app.app_context():
        services = {service.id: service for service in db.session.scalars(sa.select(Service))}
        expected = {
            listing.id
            for listing in indexable_listings(db.session)
            if services[listing.id].is_visible_to_public(now.date())
            and slot in service_document(listing, now.date(), 12).open_slots
        }
    _, markup = _page(search_app, "open_now=yes")
    if datetime.now().hour != now.hour:
        return  # the hour turned during the test; the next run checks it
    assert _count(markup) == len(expected)
    assert set(_result_ids(markup)) <= expected


def test_the_heading_and_title_say_what_was_asked(search_app: Flask) -> None:
    _, markup = _page(search_app, "q=stay+and+play&postcode=DY5&age=2&free=yes")
    total = _count(markup)
    assert total > 0
    expected = (
        f"{total} result{'s' if total != 1 else ''} for ‘stay and play’ within 3 miles of DY5,"
        " free, for 2 year olds"
    )
    assert _heading(markup) == expected
    assert _title(markup).startswith(expected)


def test_a_topic_and_filters_lead_the_heading_when_there_are_no_words(search_app: Flask) -> None:
    _, markup = _page(search_app, "need=food&need=housing&day=SA&language=pl&locality=halesowen")
    heading = _heading(markup)
    assert re.fullmatch(
        r"(\d+ results?|No results) for Food or Housing, in Halesowen, with Polish spoken,"
        r" open on Saturday",
        heading,
    ), heading


def test_the_title_says_which_page_of_how_many(search_app: Flask) -> None:
    _, first = _page(search_app, "q=family")
    pages = -(-_count(first) // 20)
    assert pages >= 2
    _, second = _page(search_app, "q=family&page=2")
    assert f"page 2 of {pages}" in _title(second)
    assert _title(second).startswith(_heading(second))


def test_zero_results_say_for_what(search_app: Flask) -> None:
    _, markup = _page(search_app, "kind=pantry&language=ku&postcode=DY8+1XF")
    assert _heading(markup) == (
        "No results for Community pantry within 3 miles of DY8 1XF, with Kurdish spoken"
    )


def test_no_ticked_option_shows_a_count_of_nothing(search_app: Flask) -> None:
    _, markup = _page(search_app, "kind=pantry&language=ku")
    assert _count(markup) == 0
    labels = re.findall(r'for="filter-[a-z_]+-[a-z_-]+">\s*([^<]*?)\s*</label>', markup)
    assert "Kurdish" in labels
    assert not [label for label in labels if label.endswith("(0)")]


def test_applied_filters_are_removable_tags_with_clear_filters(search_app: Flask) -> None:
    _, markup = _page(search_app, "q=club&free=yes&age=2&day=SA")
    tags = dict(
        (" ".join(unescape(label).split()), unescape(href))
        for href, label in re.findall(
            r'class="app-applied__tag" href="([^"]+)">([^<]*)<span', markup
        )
    )
    assert list(tags) == ["Free", "2 years old", "Saturday"]
    assert "free=" not in tags["Free"] and "age=2" in tags["Free"] and "q=club" in tags["Free"]
    _, without = _page(search_app, tags["2 years old"].split("?", 1)[1])
    assert "for 2 year olds" not in _heading(without)
    assert ", free, open on Saturday" in _heading(without)
    assert 'href="/find-support?q=club">Clear filters' in markup


def test_we_need_food_this_week_lists_food_open_this_week_before_courses(
    search_app: Flask,
) -> None:
    client = search_app.test_client()
    home = client.get("/").get_data(as_text=True)
    link = re.search(r'href="(/find-support\?[^"]+)">We need food this week<', home)
    assert link and "event=food-this-week" in unescape(link.group(1))
    query = unescape(link.group(1)).split("?", 1)[1]
    _, markup = _page(search_app, query)
    _, second = _page(search_app, query + "&page=2")
    names = _names(search_app, _result_ids(markup) + _result_ids(second))
    top = names[:6]
    assert any("Food Bank" in name for name in top), top
    assert any("Pantry" in name for name in names[:10]), names[:10]
    assert not [n for n in top if "Cook and Eat" in n or "Holiday" in n or "Cluster" in n], top
    first_course = next(i for i, name in enumerate(names) if "Cook and Eat" in name)
    food_banks = [i for i, name in enumerate(names) if "Food Bank" in name]
    assert sum(1 for i in food_banks if i < first_course) >= 5
    assert "We need food this week" in visible_text(markup)  # a tag, to rank as usual
    _, plain = _page(search_app, "need=food")
    assert _count(plain) == _count(markup), "what fits the moment ranks, never filters"
