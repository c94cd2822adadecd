"""Sources: turn paths, folders and URLs into `Article` records.

`read_sources` walks what the user named and yields, for each input, either an
`Article` or a `Rejected` saying which input could not be used and why; a bad
input never stops the others.
"""

from __future__ import annotations

from onrecord.sources.walk import SOURCE_SUFFIXES, read_sources

__all__ = ["SOURCE_SUFFIXES", "read_sources"]
