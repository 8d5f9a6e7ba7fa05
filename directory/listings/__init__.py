"""The one way listings are created, changed or withdrawn.

Importers, the demo loader, editors and test factories hand plain records
(:mod:`importers.records`) to :func:`directory.listings.writer.write_listings`,
which validates them, works out what would change, and (when asked to apply) writes the
changes, the audit trail and the batch in one transaction. The search index hears of every
committed change through the session hooks in :mod:`directory.indexing.hooks`.
"""
