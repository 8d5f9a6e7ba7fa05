"""What a reader makes of a file: its records a chunk at a time, and a row-level report."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from importers.problems import Problems
from importers.records import Dataset

CHUNK = 500
"""Services per chunk: enough to keep the database busy, few enough to keep memory flat."""


class ReadResult:
    """Records are read as they are asked for, so a large file is never held all at once.

    ``chunks()`` gives them once, in order, each chunk holding its services with the
    organisations and venues first named in it; problems are added to ``problems`` as rows
    are read. ``dataset`` reads everything into one dataset instead (small files, tests).
    ``rows`` is known from the start: readers look over the whole file before the first
    chunk, so a file that must be refused is refused before any record is read.
    """

    def __init__(
        self,
        chunks: Iterable[Dataset],
        problems: Problems,
        rows: int,
        file_format: str,
        columns: dict[str, str] | None = None,
    ) -> None:
        self._chunks: Iterable[Dataset] | None = chunks
        self._dataset: Dataset | None = None
        self.problems = problems
        self.rows = rows
        self.format = file_format
        self.columns = columns or {}
        """Their header -> template column, as used."""

    def chunks(self) -> Iterator[Dataset]:
        if self._dataset is not None:
            return iter((self._dataset,))
        if self._chunks is None:
            raise RuntimeError("The records have been read already; read the file again.")
        chunks, self._chunks = self._chunks, None
        return iter(chunks)

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset = Dataset.merged(self.chunks())
        return self._dataset
