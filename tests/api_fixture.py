"""A store filled by the real pipeline from a tiny invented corpus, served in-process.

`served_store` ingests `CORPUS` (plus one empty file, rejected) into a
temporary SQLite store with the cross-article stages, starts the HTTP server
on 127.0.0.1 port 0 in a thread and stops it when the session ends.

Test modules import the fixture: ``from api_fixture import served_store``.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

CORPUS = {
    "wire/bergen-talks.txt": """---
url: https://northernwire.example/bergen-talks
outlet: Northern Wire
published: 2023-02-14
title: Herring talks resume in Bergen
---
Herring talks resume in Bergen

Norway and Iceland resumed talks on the herring quota on Tuesday.

"We came here to listen, not to lecture," said Norwegian fisheries minister Ingrid Halvorsen.

Halvorsen added that the talks would continue into March. "Nobody wins a quota war," she said.
""",
    "ledger/magnusson-reply.txt": """---
url: https://ledger.example/magnusson-reply
outlet: Reykjavik Ledger
published: 2023-02-15
title: Magnússon answers Oslo
---
Magnússon answers Oslo

Icelandic minister Jón Magnússon said on Wednesday that Iceland would not accept a smaller share.

"Our boats follow the fish, and the fish have moved north," Magnússon told reporters.
""",
    "harbour/herring-talks.txt": """---
url: https://harbourtimes.example/herring-talks
outlet: Harbour Times
published: 2023-02-15
title: Herring talks resume
---
Herring talks resume

"We came here to listen, not to lecture," Norwegian fisheries minister Ingrid Halvorsen said in Bergen on Tuesday.
""",
    "ledger/summer-deal.txt": """---
url: https://ledger.example/summer-deal
outlet: Reykjavik Ledger
published: 2024-06-03
title: A deal at last
---
A deal at last

"This is a fair deal for both nations," Jón Magnússon said on Monday, a year after the talks nearly collapsed.

Ingrid Halvorsen called the agreement "a good day for the fishermen <script>alert(1)</script> of the north".
""",
}


@dataclass
class Served:
    """The running server: its base URL and the store's location."""

    url: str
    location: str

    def get(self, path: str) -> tuple[int, Any]:
        """GET ``path``; return (status, JSON body) whatever the status."""
        address = self.url.rstrip("/") + quote(path, safe="/?&=%:+")  # as a browser encodes it
        try:
            with urllib.request.urlopen(address, timeout=30) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as error:
            with error:
                return error.code, json.loads(error.read())


def write_corpus(folder: Path) -> Path:
    """Write `CORPUS` and one empty file under ``folder``; return it."""
    for name, text in CORPUS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def served_store(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Iterator[Served]:
    """The corpus in an SQLite store, served on a free local port for the session."""
    from onrecord.api import make_server, serve
    from onrecord.ingest import ingest
    from onrecord.stages import cross_article_stages
    from onrecord.store import open_store

    root = tmp_path_factory.mktemp("api")
    corpus = write_corpus(root / "corpus")
    location = str(root / "onrecord.db")
    with open_store(location) as store:
        ingest([str(corpus)], store, pipeline=pipeline, after_batch=cross_article_stages())
    server = make_server(location, "127.0.0.1", 0, quiet=True)
    thread = serve(server)
    try:
        yield Served(server.url, location)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
