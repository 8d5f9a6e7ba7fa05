"""Readers that turn a council's files into the write path's records and a row-level report.

CSV and XLSX in the import template (:mod:`importers.template`), and Open Referral UK /
HSDS 3.0 JSON, from a file or a live API. Readers never write: they hand records to
:func:`directory.listings.writer.write_listings`, which checks and applies them.
"""
