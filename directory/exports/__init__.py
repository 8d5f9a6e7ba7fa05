"""The public directory written out: as CSV in the import template, and as ORUK JSON."""
