from datetime import date

LOAD_DAY = date(2026, 11, 23)
"""Demo loads in these tests happen on this day, before every school holiday in the council file."""
