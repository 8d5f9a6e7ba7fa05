"""Loading and checking council files."""

from __future__ import annotations

from pathlib import Path

import pytest

from directory.config import PROJECT_ROOT
from directory.council import CouncilFileError, load_council

COUNCILS = PROJECT_ROOT / "councils"


def test_dudley_has_five_clusters_and_the_needs_families_use() -> None:
    council = load_council(COUNCILS / "dudley.toml")
    assert [loc.name for loc in council.localities] == [
        "Brierley Hill",
        "Dudley Central",
        "Dudley North",
        "Halesowen",
        "Stourbridge",
    ]
    needs = {term.code for term in council.terms("need")}
    assert {"food", "send", "domestic-abuse", "loneliness", "bereavement"} <= needs
    assert len(needs) == 17
    assert council.sensitive_codes == {("need", "domestic-abuse")}


def test_a_second_council_is_only_a_data_change() -> None:
    council = load_council(COUNCILS / "doncaster.toml")
    assert council.area_name == "Doncaster"
    assert len(council.localities) == 4
    assert council.locality_for("DN1", "DN1 2").code == "central"


def test_sector_rules_beat_district_rules() -> None:
    council = load_council(COUNCILS / "dudley.toml")
    assert council.locality_for("DY9", "DY9 8").code == "halesowen"
    assert council.locality_for("DY9", "DY9 0").code == "stourbridge"
    assert council.locality_for("DY1", "DY1 1").code == "dudley-central"
    assert council.locality_for("B1", "B1 1") is None


def test_school_holidays_are_dates_in_order() -> None:
    holidays = load_council(COUNCILS / "dudley.toml").school_holidays
    assert holidays
    assert all(h.start <= h.end for h in holidays)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "council.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _dudley_with(old: str, new: str) -> str:
    text = (COUNCILS / "dudley.toml").read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('brand_colour = "#005a5b"', 'brand_colour = "teal"', "brand_colour must look like"),
        ('code = "brierley-hill"', 'code = "Brierley Hill"', "must be lower-case letters"),
        ('code = "halesowen"', 'code = "brierley-hill"', "locality code 'brierley-hill'"),
        ('postcode_districts = ["DY5", "DY6"]', 'postcode_districts = ["five"]', "not a postcode"),
        ("start = 2026-12-21", "start = 2027-12-21", "ends before it starts"),
        ('service_name = "Dudley Family Directory"\n', "", "needs service_name"),
        ("[[taxonomy.level]]", "[[taxonomy.colour]]", "not a known scheme"),
        ('contact_email = "familydirectory@example.org"', 'contact_email = "nobody"', "email"),
        ('contact_email = "familydirectory@example.org"\n', "", "needs contact_email"),
        ("need_second_factor = false", 'need_second_factor = "no"', "true or false"),
        ("trusted = []", 'trusted = "Dudley CVS"', "list of organisation ids or names"),
        ("trusted = []", "trust = []", "\\[providers\\] has 'trust'"),
    ],
)
def test_a_wrong_council_file_names_the_problem(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(CouncilFileError, match=message):
        load_council(_write(tmp_path, _dudley_with(old, new)))


def test_corrupt_council_file_says_it_is_not_toml(tmp_path: Path) -> None:
    with pytest.raises(CouncilFileError, match="is not valid TOML"):
        load_council(_write(tmp_path, "[council\nname = "))


def test_missing_council_file_says_how_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(CouncilFileError, match="Set COUNCIL_FILE"):
        load_council(tmp_path / "nowhere.toml")


def test_a_life_event_can_rank_what_fits_its_moment_first() -> None:
    council = load_council(COUNCILS / "dudley.toml")
    event = council.life_event("food-this-week")
    assert event is not None and event.first is not None
    assert event.label == "We need food this week"
    assert ("event", "food-this-week") in event.search
    assert "pantry" in event.first.kinds and event.first.open_within_days == 7
    assert council.life_event("no-such-event") is None


@pytest.mark.parametrize(
    ("first", "message"),
    [
        ('first = { kind = ["rocket"] }', "unknown kind 'rocket'"),
        ('first = { category = ["nope"] }', "unknown category 'nope'"),
        ("first = { open_within_days = 0 }", "open_within_days must be a number of days"),
        ('first = { kinds = ["pantry"] }', "has 'kinds'"),
    ],
)
def test_a_wrong_rank_first_names_the_problem(tmp_path: Path, first: str, message: str) -> None:
    old = 'first = { category = ["food-support"], kind = ["pantry"], open_within_days = 7 }'
    with pytest.raises(CouncilFileError, match=message):
        load_council(_write(tmp_path, _dudley_with(old, first)))


def test_a_life_event_that_ranks_needs_a_code(tmp_path: Path) -> None:
    text = _dudley_with('code = "food-this-week"\n', "")
    with pytest.raises(CouncilFileError, match="needs a code"):
        load_council(_write(tmp_path, text))


def test_named_organisations_are_trusted_by_id_or_name(tmp_path: Path) -> None:
    text = _dudley_with("trusted = []", 'trusted = ["Dudley CVS", "org-id-1"]')
    providers = load_council(_write(tmp_path, text)).providers
    assert providers.trusts("any-id", " dudley cvs ")
    assert providers.trusts("org-id-1", "Another name")
    assert not providers.trusts("org-id-2", "Dudley CVS Shop")
    assert not load_council(COUNCILS / "dudley.toml").providers.need_second_factor


def test_requests_for_support_are_kept_90_days_after_closing_unless_the_council_says(
    tmp_path: Path,
) -> None:
    assert load_council(COUNCILS / "dudley.toml").staff.request_retention_days == 90
    text = (COUNCILS / "dudley.toml").read_text(encoding="utf-8")
    council = load_council(_write(tmp_path, text + "\n[staff]\nrequest_retention_days = 30\n"))
    assert council.staff.request_retention_days == 30
    for wrong in ("0", '"90"', "5000"):
        path = _write(tmp_path, text + f"\n[staff]\nrequest_retention_days = {wrong}\n")
        with pytest.raises(CouncilFileError, match="request_retention_days must be a whole"):
            load_council(path)
