"""The per-article stages, composed: clean → quotes and speakers → dates.

`Pipeline` is built once per process (it holds the spaCy model) and maps one
`Article` to one `ArticleResult` with no I/O, so the same code runs in a loop,
in worker processes (`process_articles`) and inside a Spark job.

Speed, with the same output as parsing each article on its own:

- `Pipeline.run_many` parses a chunk of articles with one ``nlp.pipe`` call
  (`onrecord.nlp.parse_many`: the per-line sentence starts the extractor sets
  come from a pipeline component);
- the attribute ruler and lemmatizer are memoised per token
  (`onrecord.fastattrs`, same output as the real components);
- with the ``prefilter`` setting (on by default), sentences that can neither hold a
  quote nor help resolve a speaker are blanked before parsing
  (``quotes.prefilter.blank_unneeded``); ``ONRECORD_PREFILTER=0`` parses everything
  (see bench/throughput.md for what it changes);
- with ``embed``, the quote sentences' vectors the claims stage compares are
  computed with each chunk (`onrecord.grouping.vectors.embed_results`), in the
  worker processes rather than in ingest's main process.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from onrecord.clean import clean
from onrecord.model import Article, ArticleResult, Rejected
from onrecord.settings import setting

if TYPE_CHECKING:
    from spacy.tokens import Doc

Cues = Literal["speech", "all"]


def _rejection(article: Article, exc: Exception) -> Rejected:
    reason = f"{exc.__class__.__name__}: {exc}".splitlines()[0][:300]
    return Rejected(source=article.source, stage="extract", reason=reason)


class Pipeline:
    """Article → ArticleResult. Build once per process; call per article or per chunk."""

    def __init__(
        self, cues: Cues = "speech", prefilter: bool | None = None, embed: bool = False
    ) -> None:
        """``prefilter``: blank sentences that cannot hold a quote before parsing
        (default: the ``prefilter`` setting); ``embed``: attach the quote sentence
        vectors (``ArticleResult.sentence_vectors``)."""
        from onrecord.dates import StatementDater
        from onrecord.nlp import load_nlp
        from onrecord.quotes import QuoteExtractor

        self.cues = cues
        self.embed = embed
        self.prefilter = bool(int(setting("prefilter"))) if prefilter is None else prefilter
        self.nlp = load_nlp(line_breaks=True, fast_attributes=True)
        self.extract = QuoteExtractor(self.nlp, cues=cues)
        self.date = StatementDater()

    def __call__(self, article: Article) -> ArticleResult:
        """Run every per-article stage on ``article``."""
        article = self._prepare(article)
        result = self._finish(article, self._parse([article])[0])
        return self._embed([result])[0] if self.embed else result

    def safe(self, article: Article) -> ArticleResult | Rejected:
        """Like calling the pipeline, but an error becomes a `Rejected` for that article."""
        try:
            return self(article)
        except Exception as exc:  # one bad article never stops a batch
            return _rejection(article, exc)

    def run_many(self, articles: Iterable[Article]) -> list[ArticleResult | Rejected]:
        """`safe` over several articles, parsed together with one ``nlp.pipe`` call."""
        articles = list(articles)
        prepared: list[Article | Rejected] = []
        for article in articles:
            try:
                prepared.append(self._prepare(article))
            except Exception as exc:  # one bad article never stops a batch
                prepared.append(_rejection(article, exc))
        ready = [a for a in prepared if isinstance(a, Article)]
        try:
            docs = iter(self._parse(ready))
        except Exception:  # one article broke the batch: find which, one at a time
            return [self.safe(article) for article in articles]
        results: list[ArticleResult | Rejected] = []
        for original, item in zip(articles, prepared, strict=True):
            if isinstance(item, Rejected):
                results.append(item)
                continue
            try:
                results.append(self._finish(item, next(docs)))
            except Exception as exc:
                results.append(_rejection(original, exc))
        return self._embed(results) if self.embed else results

    def _embed(self, results: list[ArticleResult | Rejected]) -> list[ArticleResult | Rejected]:
        from onrecord.grouping.vectors import embed_results

        try:
            return embed_results(results)
        except Exception:
            # The vectors are a cache: without them the claims stage encodes the
            # sentences itself, and an error of the model surfaces there.
            return results

    def _prepare(self, article: Article) -> Article:
        from onrecord.dates import publication_date_from_text

        article = clean(article)
        if article.published is None:
            published, basis = publication_date_from_text(article.nlp_text)
            if published is not None:
                article = replace(article, published=published, published_basis=basis)
        return article

    def _parse(self, articles: list[Article]) -> list[Doc]:
        """The parsed ``nlp_text`` of each (cleaned) article, with one ``nlp.pipe`` call."""
        from onrecord.nlp import blank_for_parsing, parse_many

        if not self.prefilter:
            return list(parse_many(self.nlp, [a.nlp_text for a in articles]))
        pairs = [blank_for_parsing(a.nlp_text, self.cues == "speech") for a in articles]
        return list(
            parse_many(self.nlp, [text for text, _ in pairs], blanked=[s for _, s in pairs])
        )

    def _finish(self, article: Article, doc: Doc) -> ArticleResult:
        extraction = self.extract.extract(article, doc)
        quotes = self.date(article, extraction.quotes, extraction.doc)
        return ArticleResult(
            article=article, quotes=tuple(quotes), mentions=tuple(extraction.mentions)
        )


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(cues: Cues, prefilter: bool | None, embed: bool) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(cues, prefilter, embed)


def _run_chunk(articles: list[Article]) -> list[ArticleResult | Rejected]:
    assert _WORKER_PIPELINE is not None
    return _WORKER_PIPELINE.run_many(articles)


def default_workers() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def process_articles(
    articles: Iterable[Article],
    workers: int = 1,
    cues: Cues = "speech",
    chunk_size: int | None = None,
    pipeline: Pipeline | None = None,
    prefilter: bool | None = None,
    embed: bool = False,
) -> Iterator[ArticleResult | Rejected]:
    """Run the pipeline over ``articles``, yielding results in input order.

    Articles go in chunks of ``chunk_size`` (default: the ``chunk_articles`` setting),
    each parsed with one ``nlp.pipe`` call. With ``workers > 1`` the chunks go to
    worker processes, each of which loads the model once; at most
    ``chunks_per_worker * workers`` chunks are in flight, so memory stays bounded
    however long the input, and the workers go on while the caller is busy (ingest
    writing a batch and grouping it). The results are the same, in the same order,
    whatever the number of workers. ``embed``: attach the quote sentence vectors
    (`Pipeline`; ignored when a ``pipeline`` is given).
    """
    size = max(1, chunk_size or int(setting("chunk_articles")))
    if workers <= 1:
        pipeline = pipeline or Pipeline(cues, prefilter, embed)
        for chunk in _chunks(articles, size):
            yield from pipeline.run_many(chunk)
        return
    window = workers * max(1, int(setting("chunks_per_worker")))
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(cues, prefilter, embed)
    ) as pool:
        in_flight: deque[Future[list[ArticleResult | Rejected]]] = deque()
        for chunk in _chunks(articles, size):
            in_flight.append(pool.submit(_run_chunk, chunk))
            while len(in_flight) >= window:
                yield from in_flight.popleft().result()
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
