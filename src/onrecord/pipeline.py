"""The per-article stages, composed: clean → quotes and speakers → dates.

`Pipeline` is built once per process (it holds the spaCy model) and maps one
`Article` to one `ArticleResult` with no I/O, so the same code runs in a loop,
in worker processes (`process_articles`) and inside a Spark job.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from typing import Literal

from onrecord.clean import clean
from onrecord.model import Article, ArticleResult, Rejected

Cues = Literal["speech", "all"]


class Pipeline:
    """Article → ArticleResult. Build once per process; call per article."""

    def __init__(self, cues: Cues = "speech") -> None:
        from onrecord.dates import StatementDater
        from onrecord.nlp import load_nlp
        from onrecord.quotes import QuoteExtractor

        self.cues = cues
        self.extract = QuoteExtractor(load_nlp(), cues=cues)
        self.date = StatementDater()

    def __call__(self, article: Article) -> ArticleResult:
        """Run every per-article stage on ``article``."""
        from onrecord.dates import publication_date_from_text

        article = clean(article)
        if article.published is None:
            published, basis = publication_date_from_text(article.nlp_text)
            if published is not None:
                article = replace(article, published=published, published_basis=basis)
        extraction = self.extract(article)
        quotes = self.date(article, extraction.quotes, extraction.doc)
        return ArticleResult(
            article=article, quotes=tuple(quotes), mentions=tuple(extraction.mentions)
        )

    def safe(self, article: Article) -> ArticleResult | Rejected:
        """Like calling the pipeline, but an error becomes a `Rejected` for that article."""
        try:
            return self(article)
        except Exception as exc:  # one bad article never stops a batch
            reason = f"{exc.__class__.__name__}: {exc}".splitlines()[0][:300]
            return Rejected(source=article.source, stage="extract", reason=reason)


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(cues: Cues) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(cues)


def _run_chunk(articles: list[Article]) -> list[ArticleResult | Rejected]:
    assert _WORKER_PIPELINE is not None
    return [_WORKER_PIPELINE.safe(article) for article in articles]


def default_workers() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def process_articles(
    articles: Iterable[Article],
    workers: int = 1,
    cues: Cues = "speech",
    chunk_size: int = 8,
    pipeline: Pipeline | None = None,
) -> Iterator[ArticleResult | Rejected]:
    """Run the pipeline over ``articles``, yielding results in input order.

    With ``workers > 1`` chunks of articles go to worker processes, each of which
    loads the model once; at most ``2 * workers`` chunks are in flight, so memory
    stays bounded however long the input.
    """
    if workers <= 1:
        pipeline = pipeline or Pipeline(cues)
        for article in articles:
            yield pipeline.safe(article)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(cues,)
    ) as pool:
        in_flight: deque[Future[list[ArticleResult | Rejected]]] = deque()
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) >= chunk_size:
                in_flight.append(pool.submit(_run_chunk, chunk))
                chunk = []
                while len(in_flight) >= 2 * workers:
                    yield from in_flight.popleft().result()
        if chunk:
            in_flight.append(pool.submit(_run_chunk, chunk))
        while in_flight:
            yield from in_flight.popleft().result()


def extraction_record(result: ArticleResult) -> dict[str, object]:
    """The stable ``onrecord extract --format jsonl`` line for one article.

    ``doc_id`` is the JSONL record's ``doc_id``, else the source path; offsets
    index the document text as given. Evaluations read this shape: keep it stable.
    """
    article = result.article
    return {
        "doc_id": article.doc_id or article.source,
        "published": article.published.isoformat() if article.published else None,
        "quotes": [
            {
                "quote_start": q.start,
                "quote_end": q.end,
                "text": q.text,
                "kind": q.kind,
                "cue": q.cue,
                "cue_start": q.cue_start,
                "cue_end": q.cue_end,
                "cue_class": q.cue_class,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "speaker_text": q.speaker_text,
                "speaker": q.speaker,
                "speaker_kind": q.speaker_kind,
                # the pieces of a quote interrupted by its cue ("“A,” he said. “B.”"): what scorers match
                "quote_spans": [list(span) for span in q.spans] or [[q.start, q.end]],
                "said_on": q.said_on.isoformat() if q.said_on else None,
                "said_on_precision": q.said_on_precision,
                "said_on_basis": q.said_on_basis,
            }
            for q in result.quotes
        ],
    }
