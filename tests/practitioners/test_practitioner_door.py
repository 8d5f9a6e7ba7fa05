"""The practitioners' door: who may open it, its filters, needs first and locality reports."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import pytest
from flask import Flask

from directory.config import DEFAULT_COUNCIL_FILE
from directory.council import load_council
from directory.finding.filters import BY_PARAM, Names
from directory.finding.localities import LocalityReport, ReportRow, report_csv
from directory.models import Role
from tests.practitioners.helpers import practitioner_client, practitioner_only, serving, text_of
from tests.support.apps import config_for_tests, migrated_app
from tests.support.html import visible_text
from tests.support.staff import make_staff, submit

LOCALITY = "halesowen"
NEEDS = ("parenting", "school-and-attendance", "housing")
PAGES = (
    "/practitioners",
    f"/practitioners?locality={LOCALITY}&need=parenting",
    f"/practitioners/needs-first?locality={LOCALITY}&need=parenting",
    f"/practitioners/localities?locality={LOCALITY}",
    f"/practitioners/localities/{LOCALITY}.csv",
)


def _names(markup: str) -> list[str]:
    return [
        html.unescape(name)
        for name in re.findall(
            r'<h3 class="govuk-heading-m[^"]*"[^>]*>\s*<a[^>]*>([^<]+)</a>', markup
        )
    ]


@pytest.mark.parametrize("address", PAGES)
def test_anonymous_visitors_and_families_are_sent_to_sign_in(
    search_app: Flask, address: str
) -> None:
    response = search_app.test_client().get(address)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/manage/sign-in")


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.EDITOR, Role.ADMIN])
def test_practitioners_editors_and_admins_may_open_every_page(
    search_app: Flask, role: Role
) -> None:
    client = practitioner_client(search_app, role)
    for address in PAGES:
        assert client.get(address).status_code == 200, address


def test_sign_in_returns_a_practitioner_to_the_page_they_asked_for(search_app: Flask) -> None:
    person = make_staff(search_app, Role.PRACTITIONER, second_factor_set_up=False)
    client = search_app.test_client()
    response = client.get("/practitioners?need=parenting")
    assert response.headers["Location"].startswith("/manage/sign-in?next=")
    response = submit(
        client,
        response.headers["Location"],
        {"email": person.email, "password": person.password},
    )
    assert response.headers["Location"] == "/practitioners?need=parenting"


def test_search_by_locality_and_needs_shows_local_borough_wide_and_practitioner_only(
    search_app: Flask,
) -> None:
    client = practitioner_client(search_app)
    query = "&".join(f"need={need}" for need in NEEDS)
    markup = text_of(client, f"/practitioners?locality={LOCALITY}&{query}")
    names = set(_names(markup))
    expected_local: set[str] = set()
    expected_wide: set[str] = set()
    for need in NEEDS:
        local, wide = serving(search_app, LOCALITY, need)
        expected_local |= local
        expected_wide |= wide
    page_count = re.search(r"(\d+) results?", visible_text(markup))
    assert page_count and int(page_count.group(1)) == len(expected_local | expected_wide)
    assert names <= expected_local | expected_wide
    assert "Intensive Family Support, Halesowen (sample)" in names
    assert "Intensive Family Support, Stourbridge (sample)" not in names
    text = visible_text(markup)
    assert "Practitioners only" in text
    assert "Professional referral" in text
    assert "Borough-wide" in text
    assert "needs at Targeted level in two or more areas" in text  # criteria and thresholds


def test_the_level_filter_keeps_only_services_at_that_level(search_app: Flask) -> None:
    client = practitioner_client(search_app)
    markup = text_of(client, "/practitioners?level=specialist&need=send")
    names = set(_names(markup))
    assert "Specialist Short Breaks for Disabled Children (sample)" in names
    not_specialist = {
        service.name
        for service in practitioner_only(search_app)
        if "specialist" not in {t.code for t in service.taxonomy_terms if t.scheme == "level"}
    }
    assert not names & not_specialist
    assert "Level of need" in visible_text(markup)


def test_the_family_door_ignores_a_level_in_its_address(search_app: Flask) -> None:
    markup = text_of(search_app.test_client(), "/find-support?level=specialist")
    assert "Level of need" not in visible_text(markup)


def test_a_practitioner_only_service_page_shows_what_only_professionals_see(
    search_app: Flask,
) -> None:
    client = practitioner_client(search_app)
    service = next(s for s in practitioner_only(search_app) if s.referral_criteria)
    text = visible_text(text_of(client, f"/practitioners/services/{service.id}"))
    assert "Practitioners only" in text
    assert service.referral_criteria in text
    assert service.professional_contact in text
    assert "Professional referral" in text
    assert "Report a problem" not in text
    assert search_app.test_client().get(f"/services/{service.id}").status_code == 404


def test_a_referral_form_link_is_shown_only_when_safe(search_app: Flask) -> None:
    client = practitioner_client(search_app)
    service = next(s for s in practitioner_only(search_app) if s.referral_url)
    markup = text_of(client, f"/practitioners/services/{service.id}")
    assert f'href="{service.referral_url}"' in markup


def _gap_case(app: Flask) -> tuple[str, str, int]:
    """A need and level with no service in the locality but some borough-wide."""
    for level in ("specialist", "targeted", "early-help", "universal"):
        for need in (t.code for t in app.extensions["council"].terms("need")):
            local, wide = serving(app, LOCALITY, need, level)
            if not local and wide:
                return need, level, len(wide)
    raise AssertionError("the demo data has no gap to show")


def test_needs_first_groups_services_need_by_need_and_says_gaps_plainly(
    search_app: Flask,
) -> None:
    client = practitioner_client(search_app)
    need, level, wide_count = _gap_case(search_app)
    label = search_app.extensions["council"].term("need", need).label
    others = [code for code in ("parenting", "food") if code != need]
    asked = "&".join(f"need={code}" for code in (need, *others))
    markup = text_of(
        client, f"/practitioners/needs-first?locality={LOCALITY}&{asked}&level={level}"
    )
    text = visible_text(markup)
    borough = "borough-wide"
    assert f"No service in Halesowen for {label}; {wide_count} {borough}" in text
    # Need by need in the council file's order, whatever order they were ticked in.
    assert markup.index('id="need-food"') < markup.index('id="need-parenting"')
    for code in others:
        local, wide = serving(search_app, LOCALITY, code, level)
        other = search_app.extensions["council"].term("need", code).label
        if not local and not wide:
            assert f"No service in Halesowen or borough-wide for {other}" in text
        elif local:
            assert f"{len(local)} service" in text


def test_needs_first_lists_each_needs_local_services_then_borough_wide(
    search_app: Flask,
) -> None:
    client = practitioner_client(search_app)
    markup = text_of(client, f"/practitioners/needs-first?locality={LOCALITY}&need=housing")
    local, wide = serving(search_app, LOCALITY, "housing")
    section = markup.split('id="need-housing"')[1]
    in_place, _, borough = section.partition("Borough-wide</h3>")
    assert set(_names(in_place)) == local
    assert set(_names(borough)) <= wide and _names(borough)


def test_needs_first_asks_for_a_locality_and_a_need(search_app: Flask) -> None:
    client = practitioner_client(search_app)
    markup = text_of(client, "/practitioners/needs-first?locality=&age=")
    text = visible_text(markup)
    assert "There is a problem" in text
    assert "Choose a locality" in text
    assert "Choose at least one need" in text
    assert "<title>Error: " in markup


def test_locality_report_table_chart_and_csv_agree(search_app: Flask) -> None:
    client = practitioner_client(search_app)
    markup = text_of(client, f"/practitioners/localities?locality={LOCALITY}")
    assert '<svg class="app-chart"' in markup
    assert re.search(r"<title id=\"chart-title\">Services in Halesowen by need and level", markup)
    assert '<desc id="chart-desc">' in markup
    assert 'aria-labelledby="chart-title chart-desc"' in markup
    assert "url(#chart-diagonal)" in markup  # levels differ by pattern, not colour alone
    response = client.get(f"/practitioners/localities/{LOCALITY}.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    council = search_app.extensions["council"]
    assert rows[0] == [
        "Need",
        *(t.label for t in council.terms("level")),
        "All levels",
        "Of which borough-wide",
    ]
    housing = next(row for row in rows if row[0] == "Housing")
    local, wide = serving(search_app, LOCALITY, "housing")
    assert int(housing[-2]) == len(local | wide)
    assert int(housing[-1]) == len(wide)
    table = markup.split('<table class="govuk-table app-report-table">')[1]
    cells = re.search(r">Housing</th>(.*?)</tr>", table, re.S)
    assert cells and re.findall(r">(\d+)</td>", cells.group(1)) == housing[1:]
    # The chart writes each bar's value: the housing bars hold the same figures.
    for level_label, count in zip(rows[0][1:-2], housing[1:-2], strict=True):
        short = level_label.split(":")[0]
        assert f"Housing, {short}: {count}</title>" in markup


def test_report_csv_cells_a_spreadsheet_would_run_are_made_safe() -> None:
    report = LocalityReport(
        "x",
        "X",
        (("a", "=HYPERLINK(1)"),),
        tuple(
            ReportRow(code, label, (1,), 1, 0)
            for code, label in (
                ("p", "+plus"),
                ("m", "-minus"),
                ("at", "@at"),
                ("t", "\ttab"),
                ("r", "\rreturn"),
                ("ok", "Food"),
            )
        ),
    )
    rows = list(csv.reader(io.StringIO(report_csv(report))))
    assert rows[0][1] == "'=HYPERLINK(1)"
    assert [row[0] for row in rows[1:]] == [
        "'+plus",
        "'-minus",
        "'@at",
        "'\ttab",
        "'\rreturn",
        "Food",
    ]


def test_warwickshires_steps_of_need_load_from_its_example_council_file() -> None:
    council = load_council(DEFAULT_COUNCIL_FILE.parent / "examples" / "warwickshire.toml")
    assert [t.code for t in council.terms("level")] == ["blue", "green", "yellow", "orange"]
    offered = BY_PARAM["level"].options(Names(council))
    assert offered["yellow"] == "Yellow: targeted early help"
    assert BY_PARAM["level"].read(["orange", "purple", "blue"], council) == ("orange", "blue")


def test_a_council_can_ask_practitioners_for_a_one_time_code_too(tmp_path: Path) -> None:
    council_file = tmp_path / "council.toml"
    council_file.write_text(
        DEFAULT_COUNCIL_FILE.read_text(encoding="utf-8")
        + "\n[staff]\npractitioners_need_second_factor = true\n",
        encoding="utf-8",
    )
    app = migrated_app(
        config_for_tests(
            f"sqlite:///{tmp_path / 'signpost.db'}", tmp_path, council_file=council_file
        )
    )
    person = make_staff(app, Role.PRACTITIONER, second_factor_set_up=False)
    client = app.test_client()
    submit(client, "/manage/sign-in", {"email": person.email, "password": person.password})
    response = client.get("/practitioners?need=parenting")
    assert response.headers["Location"] == "/manage/set-up-two-factor"
