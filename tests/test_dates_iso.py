"""Specification of onrecord.dates.iso: reading the ISO dates the store keeps."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from onrecord.dates.iso import parse_iso_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-05-01", date(2023, 5, 1)),
        ("2023-05-01T09:30:00+00:00", date(2023, 5, 1)),
        (date(2021, 2, 3), date(2021, 2, 3)),
        (None, None),
        ("", None),
        ("May 2023", None),
        ("2023-02-30", None),
    ],
)
def test_stored_values_read_as_dates_or_none(value: object, expected: date | None) -> None:
    assert parse_iso_date(value) == expected


def test_a_datetime_is_kept_as_it_is() -> None:
    moment = datetime(2022, 1, 2, 3, 4)
    assert parse_iso_date(moment) is moment
