"""The `onrecord` command line: parse arguments, call the library, print the result.

Each module here holds the commands of one part of the system and only parses,
calls the library and formats. Exit codes: 0 when every input was used, 1 when
some were rejected or a library error was reported, 2 on usage errors.
"""

from __future__ import annotations

import importlib
import pkgutil

from onrecord.cli.common import app

__all__ = ["app", "main"]


def _register_commands() -> None:
    for module in pkgutil.iter_modules(__path__):
        if module.name != "common":
            importlib.import_module(f"{__name__}.{module.name}")


_register_commands()


def main() -> None:
    """Entry point of the `onrecord` script."""
    app()
