"""The HTTP API and the web page, on the standard library's threading HTTP server.

Each route parses its parameters, calls one library function and answers
JSON; ``GET /`` serves the search page (`static/index.html`). Every request
opens the store afresh (an SQLite connection belongs to one thread, and the
server runs one thread per request), so a server sees each ingest at once.

Errors are JSON ``{"error": "..."}``: 400 for a bad or unknown parameter,
404 for an unknown path or id, 500 when the store fails.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any, get_args
from urllib.parse import parse_qs, unquote, urlsplit

from onrecord.errors import (
    AmbiguousPerson,
    OnrecordError,
    PersonNotFound,
    StoreError,
    UsageError,
)
from onrecord.model import QuoteKind
from onrecord.store import QuoteFilter, Store, open_store
from onrecord.views.timeline import Period

__all__ = ["ApiError", "make_server", "route_request", "serve"]

QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
PERIODS: tuple[str, ...] = get_args(Period)
MAX_LIMIT = 10_000


class ApiError(Exception):
    """An answer other than 200: its HTTP status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(slots=True)
class Request:
    """One API call: the path's captured parts and the query parameters."""

    parts: tuple[str, ...]
    params: dict[str, str]
    open_store: Callable[[], Store]
    used: set[str] = field(default_factory=set)

    def text(self, name: str) -> str | None:
        """The parameter's value, None when absent or blank."""
        self.used.add(name)
        value = self.params.get(name, "").strip()
        return value or None

    def date(self, name: str) -> date | None:
        """The parameter as a date (YYYY-MM-DD)."""
        value = self.text(name)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ApiError(400, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None

    def integer(self, name: str, default: int | None = None) -> int | None:
        """The parameter as a positive integer (at most `MAX_LIMIT`)."""
        value = self.text(name)
        if value is None:
            return default
        if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
            raise ApiError(400, f"{name}: {value!r} is not a whole number from 1 to {MAX_LIMIT}")
        return int(value)

    def choice(self, name: str, choices: Sequence[str], default: str | None = None) -> str | None:
        """The parameter, one of ``choices``."""
        value = self.text(name)
        if value is None:
            return default
        if value not in choices:
            raise ApiError(400, f"{name}: {value!r} is not one of {', '.join(choices)}")
        return value


# -- routes ------------------------------------------------------------------------------
def quotes(request: Request) -> Any:
    """Quotes matching the filters, as `onrecord quotes --format json` lists them."""
    from onrecord.views.quotes import list_quotes

    where = QuoteFilter(
        speaker=request.text("speaker"),
        outlet=request.text("outlet"),
        since=request.date("since"),
        until=request.date("until"),
        search=request.text("search"),
        kind=request.choice("kind", QUOTE_KINDS),
        cues=request.choice("cues", ("speech", "all"), "speech") or "speech",
        limit=request.integer("limit", 100),
    )
    with request.open_store() as store:
        return list_quotes(store, where)


def articles(request: Request) -> Any:
    """Stored articles without their text, by publication date."""
    from onrecord.views.quotes import list_articles

    outlet = request.text("outlet")
    with request.open_store() as store:
        return list_articles(store, outlet)


def article(request: Request) -> Any:
    """One article with its text, boilerplate spans and quotes (offsets into the text)."""
    (article_id,) = request.parts
    with request.open_store() as store:
        row = store.article(article_id)
        if row is None:
            raise ApiError(404, f"no article has the id {article_id!r}")
        found = store.quotes(QuoteFilter(article_id=article_id, cues="all"))
    row["boilerplate"] = json.loads(row.get("boilerplate") or "[]")
    row["quotes"] = [
        {key: q[key] for key in ("id", "start", "end", "kind", "speaker", "said_on", "text")}
        for q in found
    ]
    return row


def rejected(request: Request) -> Any:
    """Inputs that could not be used: source, stage, reason."""
    with request.open_store() as store:
        return store.rejected()


def people(request: Request) -> Any:
    """People, organisations and groups, most quoted first."""
    from onrecord.views.people import list_people

    search = request.text("search")
    with request.open_store() as store:
        return list_people(store, search)


def person(request: Request) -> Any:
    """One person's profile with what they said."""
    from onrecord.views.people import person_profile

    (name_or_id,) = request.parts
    with request.open_store() as store:
        try:
            return person_profile(store, name_or_id)
        except PersonNotFound as error:
            raise ApiError(404, str(error)) from None
        except AmbiguousPerson as error:
            raise ApiError(400, str(error)) from None


def statements(request: Request) -> Any:
    """Statements by date: wording, first report, carriers."""
    from onrecord.views.statements import list_statements

    speaker, since, until = request.text("speaker"), request.date("since"), request.date("until")
    limit = request.integer("limit", 100)
    with request.open_store() as store:
        return list_statements(store, speaker=speaker, since=since, until=until, limit=limit)


def statement(request: Request) -> Any:
    """One statement's provenance: every report and how the wording differs."""
    from onrecord.views.statements import statement as provenance

    (statement_id,) = request.parts
    with request.open_store() as store:
        found = provenance(store, statement_id)
    if found is None:
        raise ApiError(404, f"no statement has the id {statement_id!r}")
    return found


def claims(request: Request) -> Any:
    """Claims: one position restated over time."""
    from onrecord.views.statements import list_claims

    speaker = request.text("speaker")
    with request.open_store() as store:
        return list_claims(store, speaker=speaker)


def stories(request: Request) -> Any:
    """Stories: articles that are copies or rewrites of one report."""
    from onrecord.views.statements import list_stories

    with request.open_store() as store:
        return list_stories(store)


def timeline(request: Request) -> Any:
    """Statements per period for a speaker, a topic or a country pair."""
    from onrecord.views.timeline import Selection, parse_pair, select_statements
    from onrecord.views.timeline import timeline as by_period

    speaker, topic, pair = request.text("speaker"), request.text("topic"), request.text("pair")
    if not (speaker or topic or pair):
        raise ApiError(400, "timeline needs speaker, topic or pair")
    by = request.choice("by", PERIODS, "month") or "month"
    try:
        pair_codes = parse_pair(pair) if pair else None
    except OnrecordError as error:
        raise ApiError(400, f"pair: {error}") from None
    selection = Selection(
        speaker=speaker,
        topic=topic,
        pair=pair_codes,
        since=request.date("since"),
        until=request.date("until"),
    )
    with request.open_store() as store:
        chosen = select_statements(store, selection)
    return {
        "selection": selection.describe(),
        "by": by,
        "periods": by_period(chosen, by, scorer=_tone_scorer()),
    }


@cache
def _tone_scorer() -> Any:
    """One tone scorer per process (its lexicon takes a moment to load)."""
    from onrecord.tone import ToneScorer

    return ToneScorer()


Handler = Callable[[Request], Any]
_ID = r"([^/]+)"
ROUTES: list[tuple[re.Pattern[str], Handler, tuple[str, ...]]] = [
    (re.compile(r"/api/quotes"), quotes, ("speaker", "outlet", "since", "until", "search", "kind", "cues", "limit")),
    (re.compile(r"/api/articles"), articles, ("outlet",)),
    (re.compile(rf"/api/articles/{_ID}"), article, ()),
    (re.compile(r"/api/rejected"), rejected, ()),
    (re.compile(r"/api/people"), people, ("search",)),
    (re.compile(rf"/api/people/{_ID}"), person, ()),
    (re.compile(r"/api/statements"), statements, ("speaker", "since", "until", "limit")),
    (re.compile(rf"/api/statements/{_ID}"), statement, ()),
    (re.compile(r"/api/claims"), claims, ("speaker",)),
    (re.compile(r"/api/stories"), stories, ()),
    (re.compile(r"/api/timeline"), timeline, ("speaker", "topic", "pair", "by", "since", "until")),
]  # fmt: skip


def route_request(path: str, query: str, opener: Callable[[], Store]) -> tuple[int, Any]:
    """Answer one API call: (HTTP status, JSON-ready body)."""
    try:
        for pattern, handler, allowed in ROUTES:
            match = pattern.fullmatch(path.rstrip("/") or "/")
            if not match:
                continue
            params = _query_params(query)
            unknown = sorted(set(params) - set(allowed))
            if unknown:
                known = ", ".join(allowed) or "none"
                raise ApiError(400, f"unknown parameter {unknown[0]!r} (this route takes: {known})")
            parts = tuple(unquote(part) for part in match.groups())
            return 200, handler(Request(parts, params, opener))
        raise ApiError(404, f"no such route: {path}")
    except ApiError as error:
        return error.status, {"error": error.message}
    except UsageError as error:
        return 400, {"error": str(error)}
    except StoreError as error:
        return 500, {"error": str(error)}
    except OnrecordError as error:
        return 400, {"error": str(error)}


def _query_params(query: str) -> dict[str, str]:
    try:
        parsed = parse_qs(query, keep_blank_values=True, strict_parsing=False, errors="strict")
    except UnicodeDecodeError:
        raise ApiError(400, "the query string is not valid UTF-8") from None
    return {name: values[-1] for name, values in parsed.items()}


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


@cache
def index_html() -> bytes:
    """The web page, read once from the package."""
    return resources.files("onrecord.api").joinpath("static/index.html").read_bytes()


# -- server ------------------------------------------------------------------------------
class _Handler(BaseHTTPRequestHandler):
    server: OnrecordServer
    server_version = "onrecord"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def _answer(self, head: bool) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._send(200, index_html(), "text/html; charset=utf-8", head)
            return
        if not url.path.startswith("/api/"):
            self._send_json(404, {"error": f"no such page: {url.path}"}, head)
            return
        try:
            status, body = route_request(url.path, url.query, self.server.open_store)
        except Exception:
            traceback.print_exc(file=sys.stderr)
            status, body = 500, {"error": "internal error: see the server's log"}
        self._send_json(status, body, head)

    def _send_json(self, status: int, body: Any, head: bool) -> None:
        payload = json.dumps(body, ensure_ascii=False, default=_json_default).encode("utf-8")
        self._send(status, payload, "application/json; charset=utf-8", head)

    def _send(self, status: int, payload: bytes, content_type: str, head: bool) -> None:
        self.send_response(status, HTTPStatus(status).phrase)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        if content_type.startswith("text/html"):
            self.send_header(
                "Content-Security-Policy",
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                "connect-src 'self'; img-src 'self' data:",
            )
        self.end_headers()
        if not head:
            self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)


class OnrecordServer(ThreadingHTTPServer):
    """A threading HTTP server answering the API over one store location."""

    daemon_threads = True

    def __init__(self, location: str | None, address: tuple[str, int], quiet: bool = False) -> None:
        # Open once now: a wrong location or a failed migration is reported before serving.
        with open_store(location) as store:
            self.location = store.location
        self._location = location
        self.quiet = quiet
        super().__init__(address, _Handler)

    def open_store(self) -> Store:
        """A new connection to the served store."""
        return open_store(self._location)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


def make_server(
    location: str | None = None, host: str = "127.0.0.1", port: int = 8000, quiet: bool = False
) -> OnrecordServer:
    """A server for the store at ``location`` bound to ``host:port`` (0: any free port)."""
    return OnrecordServer(location, (host, port), quiet=quiet)


def serve(server: OnrecordServer) -> threading.Thread:
    """Run ``server`` in a daemon thread and return the thread (stop with ``server.shutdown()``)."""
    thread = threading.Thread(target=server.serve_forever, name="onrecord-api", daemon=True)
    thread.start()
    return thread
