"""ISO dates as the store keeps them: text whose first ten characters are YYYY-MM-DD."""

from __future__ import annotations

from datetime import date

__all__ = ["parse_iso_date"]


def parse_iso_date(value: object) -> date | None:
    """The date a stored value holds ("2023-05-01", "2023-05-01T09:00:00", a date), else None.

    A `date` (or `datetime`) is returned as it is; anything else is read from the
    first ten characters of its text, and None or text that is not a date gives None.
    """
    if isinstance(value, date):
        return value
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
