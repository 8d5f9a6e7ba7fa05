"""Which cost options are the government's funded childcare hours.

A nursery or childminder that takes funded early education hours records them as a cost
option with no charge ("Funded early education hours | 0 | Free for eligible children").
That is not free: only eligible 2, 3 and 4 year olds get those hours, and everyone else
pays. The option's own words say which it is, so the data decides, not the kind of service.
"""

from __future__ import annotations

import re

_FUNDED_HOURS = re.compile(
    r"\b(?:"
    r"(?:government[- ])?funded\s+(?:early\s+(?:years?|education)|childcare|nursery|hours|places?)"
    r"|(?:early\s+(?:years?|education)|childcare)\s+(?:entitlement|funding|hours)"
    r"|(?:15|30)\s+hours"
    r")\b",
    re.IGNORECASE,
)


def names_funded_hours(*texts: str | None) -> bool:
    """Whether an option's words ("Funded early education hours", "30 hours childcare")
    name funded childcare hours."""
    return any(text and _FUNDED_HOURS.search(text) for text in texts)
