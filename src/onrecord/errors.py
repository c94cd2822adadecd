"""Errors onrecord raises.

::

    OnrecordError                  anything onrecord reports to the user
    ├── SourceError                an input could not be read or used (names the input)
    ├── StoreError                 the store could not be opened, migrated or written
    ├── ModelNotFound              a required NLP model or extra is not installed
    └── UsageError                 an argument or a setting is invalid
        ├── PersonNotFound         no person answers to a name or id
        └── AmbiguousPerson        a name fits several people

Each message says what happened, to which input, and what to do.
"""

from __future__ import annotations


class OnrecordError(Exception):
    """Base class of every error onrecord reports to the user."""


class SourceError(OnrecordError):
    """An input could not be read or used; ``source`` names it and ``stage`` says where."""

    def __init__(self, source: str, reason: str, stage: str = "read") -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.stage = stage


class StoreError(OnrecordError):
    """The store could not be opened, migrated or written."""


class ModelNotFound(OnrecordError):
    """A required model, or an optional extra, is not installed."""


class UsageError(OnrecordError):
    """An argument or setting is invalid."""


class PersonNotFound(UsageError):
    """No person, organisation or group answers to the name or id given."""


class AmbiguousPerson(UsageError):
    """A name fits several people; the message lists them so the user can pick one."""
