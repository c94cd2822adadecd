"""Shared fixtures: the real spaCy pipeline (loaded once), temporary stores, the CLI."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

# Fixtures shared across modules: a PostgreSQL server the run starts, a served store.
pytest_plugins = ["postgres_fixture", "api_fixture"]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_CORPUS = ROOT / "examples" / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline, once per test session."""
    from onrecord.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def speech(nlp):
    """The quote extractor with the default (speech) cues, once per test session."""
    from onrecord.quotes import QuoteExtractor

    return QuoteExtractor(nlp, cues="speech")


@pytest.fixture(scope="session")
def everything(nlp):
    """The quote extractor with every cue class (speech, thought, finding), once per session."""
    from onrecord.quotes import QuoteExtractor

    return QuoteExtractor(nlp, cues="all")


@pytest.fixture(scope="session")
def pipeline():
    """The real per-article pipeline (speech cues), once per test session."""
    from onrecord.pipeline import Pipeline

    return Pipeline()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A path for a fresh SQLite store in the test's temporary folder."""
    return tmp_path / "onrecord.db"


@pytest.fixture
def store(store_path: Path) -> Iterator[object]:
    """A real, freshly migrated SQLite store."""
    from onrecord.store import open_store

    with open_store(str(store_path)) as opened:
        yield opened


class Cli:
    """Runs `onrecord` in-process and keeps stdout and stderr apart."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, db: bool = True):
        from onrecord.cli import app

        argv = [str(a) for a in args]
        if db and argv and argv[0] not in ("extract", "eval"):
            argv += ["--db", str(self.db)]
        return self.runner.invoke(app, argv, catch_exceptions=False)


@pytest.fixture
def cli(store_path: Path) -> Cli:
    """The command line, bound to a temporary store."""
    os.environ.pop("ONRECORD_DB", None)
    return Cli(store_path)
