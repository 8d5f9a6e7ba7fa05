"""Each source's column mapping, given once and remembered for its later imports."""

from __future__ import annotations

import json
from pathlib import Path

from flask_babel import lazy_gettext

from directory.extensions import db
from directory.models import ColumnMapping
from importers.template import COLUMN_NAMES


class MappingError(ValueError):
    pass


def read_mapping_file(path: Path) -> dict[str, str]:
    """A JSON object of their header -> template column, checked against the template."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as error:
        raise MappingError(
            lazy_gettext(
                "The mapping %(path)s cannot be read: %(error)s", path=str(path), error=str(error)
            )
        ) from None
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in raw.items()
    ):
        raise MappingError(
            lazy_gettext(
                "The mapping %(path)s must be a JSON object like %(example)s.",
                path=str(path),
                example='{"Org Name": "organisation_name"}',
            )
        )
    unknown = sorted(set(raw.values()) - set(COLUMN_NAMES))
    if unknown:
        raise MappingError(
            lazy_gettext(
                "The mapping %(path)s maps to %(columns)s, which the template does not have.",
                path=str(path),
                columns=", ".join(map(repr, unknown)),
            )
        )
    return raw


def saved_mapping(source: str) -> dict[str, str]:
    saved = db.session.get(ColumnMapping, source)
    return dict(saved.columns) if saved else {}


def remember_mapping(source: str, columns: dict[str, str]) -> None:
    """Keep ``columns`` for ``source``; the caller commits."""
    saved = db.session.get(ColumnMapping, source)
    if saved is None:
        db.session.add(ColumnMapping(source=source, columns=columns))
    else:
        saved.columns = columns
