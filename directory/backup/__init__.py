"""Backing up the whole database to one file, and restoring it.

A backup file is a tar archive of two members: ``manifest.json`` (what it is: engine, schema
revision, when, which app version, the payload's SHA-256) and the database itself, as an
SQLite file copied with SQLite's online backup API or a ``pg_dump --format=custom`` archive.

In a backup: every table (listings, venues, organisations, imports and their audit trail,
staff accounts with their second factors and recovery codes, problem reports, search
insights), and the postcode tables unless left out with ``--without-postcodes``. Not in it:
the rows of ``web_session`` (staff sign in again after a restore, and a restore never revives
a session that was ended), and the search index, which is rebuilt from the restored database.
"""

from directory.backup.archive import BackupError, Manifest

__all__ = ["BackupError", "Manifest"]
