"""The plug: the one place that names the search engines and chooses one.

The directory asks :func:`open_backend` with its configuration and gets a
:class:`BackendPlug`: it opens or writes the chosen engine's index, and builds the
in-memory stand-in the site answers from while that index is missing or broken. Nothing
outside :mod:`search` names an engine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from search.backend import SearchBackend
from search.documents import ServiceDocument
from search.memory import MemoryBackend
from search.tantivy_backend import TantivyBackend
from search.whoosh_backend import WhooshBackend

MEMORY = "memory"
ENGINES = ("whoosh", "tantivy", MEMORY)
DEFAULT_ENGINE = "whoosh"
"""The engine a site uses when SEARCH_BACKEND is not set."""


class StoredBackend(SearchBackend, Protocol):
    """A backend whose index lives on disk, shared by the site's processes."""

    def close(self) -> None:
        """Let go of open files; a later search opens them again."""
        ...

    def generation(self) -> tuple[str, object]:
        """A key that changes whenever what searches read changes (a rebuild's new folder,
        a commit), for caches of what pages draw from the index. Raises
        :class:`~search.errors.IndexUnavailable` when the index cannot be opened."""
        ...


class BackendSettings(Protocol):
    """What :func:`open_backend` reads of the site's configuration."""

    search_backend: str
    search_index_dir: Path


class UnknownBackend(ValueError):
    """The configuration names no engine this site has."""


@dataclass(frozen=True)
class BackendPlug:
    """The chosen engine (``name``) and the directory its index lives in."""

    name: str
    index_dir: Path

    @property
    def on_disk(self) -> bool:
        """Whether the engine keeps an index on disk (all but ``memory``)."""
        return self.name != MEMORY

    def open(self) -> StoredBackend:
        """Open the on-disk index; IndexUnavailable if it is missing or unreadable."""
        return _stored(self.name)(self.index_dir)

    def create(self, documents: Iterable[ServiceDocument]) -> None:
        """Write the on-disk index afresh from ``documents``, swapped in atomically."""
        _stored(self.name).create(self.index_dir, documents).close()

    def stand_in(self, documents: Iterable[ServiceDocument]) -> SearchBackend:
        """An index in this process's memory: the ``memory`` engine itself, or what the
        site answers from while the on-disk index cannot be read."""
        return MemoryBackend(documents)


def open_backend(config: BackendSettings) -> BackendPlug:
    """The plug for the engine ``config.search_backend`` names (SEARCH_BACKEND)."""
    if config.search_backend not in ENGINES:
        raise UnknownBackend(
            f"search backend must be one of {', '.join(ENGINES)}, not {config.search_backend!r}"
        )
    return BackendPlug(config.search_backend, Path(config.search_index_dir))


def _stored(name: str) -> type[WhooshBackend] | type[TantivyBackend]:
    if name == "whoosh":
        return WhooshBackend
    if name == "tantivy":
        return TantivyBackend
    raise UnknownBackend(f"the {name!r} search backend keeps no index on disk")
