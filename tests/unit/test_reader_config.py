"""The deployment's reader and safety lines: the shipped files with a council's changes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from directory.config import PROJECT_ROOT
from directory.council import CouncilFileError, load_council
from directory.safety import load_safety_lines
from directory.understanding import load_reader

COUNCILS = PROJECT_ROOT / "councils"
TODAY = date(2026, 11, 23)


def _council(tmp_path: Path, extra: str = "", replace: tuple[str, str] | None = None):  # type: ignore[no-untyped-def]
    text = (COUNCILS / "dudley.toml").read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path = tmp_path / "council.toml"
    path.write_text(text + "\n" + extra, encoding="utf-8")
    return load_council(path)


def _read(council, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    reader = load_reader(council, load_safety_lines(council))
    return [concept.key for concept in reader.read(text, {}, TODAY).concepts]


def test_both_shipped_councils_load_the_shipped_phrasebook() -> None:
    for name in ("dudley.toml", "doncaster.toml"):
        council = load_council(COUNCILS / name)
        assert _read(council, "my partner hits me") == ["danger:domestic-abuse"]


def test_a_council_adds_its_own_phrases(tmp_path: Path) -> None:
    council = _council(tmp_path, '[phrasebook.needs.food]\nphrases = ["black country grub hub"]\n')
    assert _read(council, "black country grub hub") == ["need:food"]


def test_a_council_entry_naming_an_unknown_code_stops_the_site(tmp_path: Path) -> None:
    council = _council(tmp_path, '[phrasebook.needs.astrology]\nphrases = ["horoscope"]\n')
    with pytest.raises(CouncilFileError, match=r"\[phrasebook.needs.astrology\]"):
        load_reader(council, load_safety_lines(council))


def test_a_council_replaces_and_adds_safety_lines(tmp_path: Path) -> None:
    extra = (
        "[safety.domestic-abuse]\n"
        'extra_lines = [{ name = "Black Country Women’s Aid", phone = "0121 553 0090",'
        ' hours = "24 hours" }]\n'
    )
    safety = load_safety_lines(_council(tmp_path, extra))
    names = [line.name for line in safety.dangers["domestic-abuse"].lines]
    assert names[0] == "National Domestic Abuse Helpline"
    assert names[-1] == "Black Country Women’s Aid"


@pytest.mark.parametrize(
    ("extra", "replace", "message"),
    [
        ("[safety.volcanoes]\nlines = []\n", None, "unknown danger"),
        ('[safety.domestic-abuse]\nlines = [{ name = "x", hours = "y" }]\n', None, "phone"),
        ("", ('danger = "domestic-abuse"', 'danger = "volcanoes"'), "unknown danger"),
    ],
)
def test_wrong_safety_settings_name_the_problem(
    tmp_path: Path, extra: str, replace: tuple[str, str] | None, message: str
) -> None:
    with pytest.raises(CouncilFileError, match=message):
        load_safety_lines(_council(tmp_path, extra, replace))


def test_children_services_front_door_is_read(tmp_path: Path) -> None:
    council = load_council(COUNCILS / "dudley.toml")
    assert council.children_services is not None
    assert council.children_services.out_of_hours_phone
