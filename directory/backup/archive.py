"""The backup file: a tar archive of ``manifest.json`` and the database payload.

Plain tar, so an operator can always take a backup apart by hand (``tar -xf``) and use the
SQLite file or ``pg_restore`` directly. The manifest holds the payload's SHA-256, so a
truncated or damaged file is refused before anything is restored.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

FORMAT = "signpost-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PAYLOADS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
FILE_MODE = 0o600
"""Backups hold staff accounts and the audit trail: readable by their owner only."""


class BackupError(Exception):
    """A backup or restore cannot go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class Manifest:
    """What a backup file holds."""

    engine: str
    """``sqlite`` or ``postgresql``."""
    revision: str
    """The Alembic revision the database was at."""
    created_at: str
    """When the backup was taken, ISO 8601 in UTC."""
    app_version: str
    tool_version: str
    """SQLite's library version, or the ``pg_dump`` that wrote the payload."""
    server_version: str
    """The PostgreSQL server's version ("" for SQLite)."""
    postcodes: bool
    """Whether the postcode tables' rows are in it."""
    sha256: str
    size: int
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    @property
    def payload_name(self) -> str:
        return PAYLOADS[self.engine]

    @property
    def engine_name(self) -> str:
        return ENGINE_NAMES[self.engine]

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), indent=2, sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        try:
            values = json.loads(data)
        except (UnicodeDecodeError, ValueError):
            raise BackupError("Its manifest is not valid JSON.") from None
        if not isinstance(values, dict) or values.get("format") != FORMAT:
            raise BackupError("Its manifest does not describe a Signpost backup.")
        if values.get("format_version") != FORMAT_VERSION:
            raise BackupError(
                f"It is in backup format {values.get('format_version')!r}; this version of "
                f"Signpost reads format {FORMAT_VERSION}. Restore it with the version that made it."
            )
        expected = {field.name: field.type for field in fields(cls)}
        if set(values) != set(expected):
            raise BackupError("Its manifest has missing or unknown fields.")
        kinds = {"str": str, "int": int, "bool": bool}
        for name, kind in expected.items():
            if type(values[name]) is not kinds[str(kind)]:
                raise BackupError(f"Its manifest's {name} is not a {kind}.")
        if values["engine"] not in PAYLOADS:
            raise BackupError(f"Its manifest names an unknown engine {values['engine']!r}.")
        return cls(**values)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def write_archive(target: Path, manifest: Manifest, payload: Path) -> None:
    """Write the backup file at ``target`` (mode 0600) without ever leaving half of one there.

    It is written beside ``target`` under a temporary name and renamed into place.
    """
    partial = target.with_name(f".{target.name}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.fchmod(descriptor, FILE_MODE)  # whatever the umask
        with (
            os.fdopen(descriptor, "wb") as handle,
            tarfile.open(fileobj=handle, mode="w", format=tarfile.USTAR_FORMAT) as tar,
        ):
            info = tarfile.TarInfo(MANIFEST)
            data = manifest.to_json()
            info.size, info.mode, info.mtime = len(data), FILE_MODE, int(time.time())
            tar.addfile(info, io.BytesIO(data))
            info = tar.gettarinfo(str(payload), arcname=manifest.payload_name)
            info.mode, info.uid, info.gid, info.uname, info.gname = FILE_MODE, 0, 0, "", ""
            info.mtime = int(info.mtime)
            with payload.open("rb") as data_file:
                tar.addfile(info, data_file)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def extract(path: Path, directory: Path) -> tuple[Manifest, Path]:
    """Check the backup file at ``path`` and put its payload in ``directory``."""
    with _open(path) as tar:
        manifest = _manifest(tar)
        try:
            member = tar.getmember(manifest.payload_name)
        except KeyError:
            raise BackupError(
                f"{path} is damaged or cut short: it has no {manifest.payload_name}."
            ) from None
        source = tar.extractfile(member) if member.isfile() else None
        if source is None:
            raise BackupError(f"{path}: {manifest.payload_name} is not a file.")
        payload = directory / manifest.payload_name
        digest = hashlib.sha256()
        try:
            with source, payload.open("wb") as out:
                os.chmod(payload, FILE_MODE)
                while chunk := source.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
        except (tarfile.TarError, OSError, EOFError) as error:
            raise BackupError(f"{path} is damaged or cut short ({error}).") from None
    if payload.stat().st_size != manifest.size or digest.hexdigest() != manifest.sha256:
        raise BackupError(
            f"{path} is damaged: its database does not match the checksum in its manifest. "
            "Use another copy of this backup."
        )
    return manifest, payload


def _open(path: Path) -> tarfile.TarFile:
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    try:
        return tarfile.open(path, mode="r:")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(
            f"{path} is not a Signpost backup file, or is damaged ({error})."
        ) from None


def _manifest(tar: tarfile.TarFile) -> Manifest:
    name = Path(os.fsdecode(tar.name) if tar.name else "the file")
    try:
        member = tar.getmember(MANIFEST)
        source = tar.extractfile(member)
        data = source.read(1 << 16) if source is not None else b""
    except KeyError:
        raise BackupError(f"{name} is not a Signpost backup file: it has no manifest.") from None
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"{name} is damaged or cut short ({error}).") from None
    try:
        return Manifest.from_json(data)
    except BackupError as error:
        raise BackupError(f"{name} is not a usable Signpost backup file. {error}") from None
