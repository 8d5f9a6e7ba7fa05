"""Exceptions the web layer catches: bad queries become 404/400, a broken index falls back."""


class SearchError(Exception):
    """Base class for every error raised by the search package."""


class InvalidQuery(SearchError, ValueError):
    """A query value is outside what the engine accepts (bad code, radius, age...)."""


class PageOutOfRange(InvalidQuery):
    """The page or page size is out of bounds; the web layer answers 404."""


class IndexUnavailable(SearchError):
    """The on-disk index is missing, corrupt or cannot be written.

    The app catches this to fall back to a :class:`~search.memory.MemoryBackend`.
    """


class IndexLocked(IndexUnavailable):
    """Another process held the write lock for longer than the writer was willing to wait."""
