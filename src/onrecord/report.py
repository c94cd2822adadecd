"""One self-contained HTML report of statements over time: chart, table and sources.

``render_report`` returns a single HTML document that works offline: its CSS,
its chart (inline SVG) and its small script are inline, and it references no
external resource. The only web addresses in it are the statements' own links
to the articles that first reported them; a statement whose source is a local
file links instead to an appendix entry that shows the quoted passage
highlighted in its context. A statement of unknown tone is drawn as a hollow
grey mark on the zero line and left out of the mean and the trend.

A statement is a dict::

    {"id", "person", "said_on": "YYYY-MM-DD", "text", "tone": float or None (unknown),
     "carriers": [outlet, ...],
     "first_reported": {"outlet", "url" or None, "published", "article_id"},
     "source_anchor": appendix anchor (used when url is None)}

An appendix entry is a dict::

    {"anchor", "outlet", "title", "published", "text_before", "quote", "text_after"}
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from onrecord.dates.iso import parse_iso_date
from onrecord.tone import tone_label

__all__ = ["render_report", "safe_url", "tone_colour"]

# Chart geometry, in SVG user units (the SVG scales to the page width).
_WIDTH, _HEIGHT = 960, 380
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 24, 20, 48
_MAX_TICKS = 8
# Context shown around a quoted passage in the appendix.
_CONTEXT_CHARS = 600
_TOOLTIP_CHARS = 320

# Tone colours: each has at least 3:1 contrast on white (WCAG non-text contrast).
_NEGATIVE = (217, 45, 32)  # #d92d20
_NEUTRAL = (115, 123, 134)  # #737b86
_POSITIVE = (8, 138, 79)  # #088a4f
_UNKNOWN = "#737b86"  # the neutral grey, drawn hollow

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def tone_colour(tone: float) -> str:
    """Return the hex colour for a tone in [-1, 1]: red for negative, grey, green for positive."""
    tone = max(-1.0, min(1.0, tone))
    far = _NEGATIVE if tone < 0 else _POSITIVE
    share = abs(tone) ** 0.6  # weak tones already lean visibly to their side
    rgb = (round(n + (f - n) * share) for n, f in zip(_NEUTRAL, far, strict=True))
    return "#" + "".join(f"{c:02x}" for c in rgb)


def _asset(name: str) -> str:
    return resources.files("onrecord").joinpath(f"data/{name}").read_text(encoding="utf-8")


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def safe_url(url: object) -> str | None:
    """Return the URL if it is an http(s) address, else None (no javascript: links)."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url.strip())
    if parts.scheme in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def _tone(value: object) -> float | None:
    """The tone clamped to [-1, 1], or None when it is unknown (missing or not a number)."""
    try:
        tone = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(tone) else max(-1.0, min(1.0, tone))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _format_day(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class _Point:
    statement: Mapping[str, Any]
    said_on: date
    tone: float | None


@dataclass(frozen=True, slots=True)
class _Scale:
    first: date
    last: date

    def x(self, day: date) -> float:
        span = (self.last - self.first).days or 1
        return _LEFT + (day - self.first).days / span * (_WIDTH - _LEFT - _RIGHT)

    @staticmethod
    def y(tone: float) -> float:
        return _TOP + (1.0 - tone) / 2.0 * (_HEIGHT - _TOP - _BOTTOM)


def _scale(days: Sequence[date]) -> _Scale:
    first, last = min(days), max(days)
    pad = max(timedelta(days=20), (last - first) * 0.04)
    return _Scale(first - pad, last + pad)


def _ticks(scale: _Scale) -> list[tuple[date, str]]:
    """Return (date, label) ticks on month or year boundaries; every label shows its year."""
    for step in (1, 2, 3, 6, 12, 24, 60, 120):
        ticks: list[date] = []
        year, month = scale.first.year, scale.first.month
        while True:
            day = date(year, month, 1)
            if day > scale.last:
                break
            months_since = year * 12 + month - 1
            if day >= scale.first and months_since % step == 0:
                ticks.append(day)
            month += 1
            if month == 13:
                year, month = year + 1, 1
        if len(ticks) <= _MAX_TICKS:
            break
    if len(ticks) < 2:  # a short span: weekly ticks with full dates
        span = (scale.last - scale.first).days
        every = max(1, math.ceil(span / 6))
        ticks = [scale.first + timedelta(days=d) for d in range(every // 2, span, every)]
        return [(day, _format_day(day)) for day in ticks]
    labels = []
    for index, day in enumerate(ticks):
        if step >= 12:
            labels.append((day, str(day.year)))
        elif index == 0 or day.month == 1:
            labels.append((day, f"{_MONTHS[day.month - 1]} {day.year}"))
        else:
            labels.append((day, _MONTHS[day.month - 1]))
    return labels


def _trend(points: Sequence[_Point], scale: _Scale) -> list[tuple[float, float]]:
    """Return a smoothed tone curve: a Gaussian-weighted mean of the known tones across time."""
    known = [(p.said_on, p.tone) for p in points if p.tone is not None]
    if len({day for day, _ in known}) < 2:
        return []
    first, last = known[0][0], known[-1][0]
    span = (last - first).days
    # Few statements: a wide kernel (a gentle trend); many: finer detail.
    bandwidth = max(span / min(8.0, max(2.5, math.sqrt(len(known)))), 3.0)
    curve = []
    samples = 80
    for i in range(samples + 1):
        at = first + timedelta(days=span * i / samples)
        weights = [math.exp(-0.5 * ((day - at).days / bandwidth) ** 2) for day, _ in known]
        total = sum(weights)
        if total < 1e-9:
            continue
        mean = sum(w * tone for w, (_, tone) in zip(weights, known, strict=True)) / total
        curve.append((scale.x(at), scale.y(mean)))
    return curve


def _chart(points: Sequence[_Point]) -> str:
    scale = _scale([p.said_on for p in points])
    plot_bottom = _HEIGHT - _BOTTOM
    parts = [
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {_HEIGHT}" role="img" '
        f'aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMidYMid meet">',
        '<title id="chart-title">Tone of statements over time</title>',
        f'<desc id="chart-desc">{len(points)} statements, one dot each, placed by the date '
        "they were made and their tone from -1 (negative) to +1 (positive).</desc>",
        f'<rect class="band-positive" x="{_LEFT}" y="{_TOP}" '
        f'width="{_WIDTH - _LEFT - _RIGHT}" height="{_Scale.y(0) - _TOP:.1f}"/>',
        f'<rect class="band-negative" x="{_LEFT}" y="{_Scale.y(0):.1f}" '
        f'width="{_WIDTH - _LEFT - _RIGHT}" height="{plot_bottom - _Scale.y(0):.1f}"/>',
    ]
    for tone, label in ((1, "+1"), (0.5, "+0.5"), (0, "0"), (-0.5, "−0.5"), (-1, "−1")):
        y = _Scale.y(tone)
        css = "zero" if tone == 0 else "grid"
        parts.append(f'<line class="{css}" x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" '
                     f'y1="{y:.1f}" y2="{y:.1f}"/>')  # fmt: skip
        parts.append(f'<text class="y-label" x="{_LEFT - 8}" y="{y + 4:.1f}">{escape(label)}'
                     "</text>")  # fmt: skip
    parts.append(f'<text class="band-label positive" x="{_LEFT + 8}" y="{_TOP + 16}">'
                 "▲ positive</text>")  # fmt: skip
    parts.append(f'<text class="band-label negative" x="{_LEFT + 8}" y="{plot_bottom - 8}">'
                 "▼ negative</text>")  # fmt: skip
    mid_y = (_TOP + plot_bottom) / 2
    parts.append(f'<text class="axis-title" transform="translate(16 {mid_y:.0f}) rotate(-90)">'
                 "Tone</text>")  # fmt: skip
    for day, label in _ticks(scale):
        x = scale.x(day)
        parts.append(f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{_TOP}" '
                     f'y2="{plot_bottom + 5}"/>')  # fmt: skip
        parts.append(f'<text class="x-label" x="{x:.1f}" y="{plot_bottom + 20}">'
                     f"{escape(label)}</text>")  # fmt: skip
    parts.append(f'<text class="axis-title" x="{(_LEFT + _WIDTH - _RIGHT) / 2:.0f}" '
                 f'y="{_HEIGHT - 6}">Date the statement was made</text>')  # fmt: skip
    curve = _trend(points, scale)
    if curve:
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(curve)
        )
        parts.append(f'<path class="trend" d="{path}"><title>Tone trend (weighted mean over time)'
                     "</title></path>")  # fmt: skip
    for point in points:
        parts.append(_mark(point, scale))
    parts.append("</svg>")
    return "\n".join(parts)


def _mark(point: _Point, scale: _Scale) -> str:
    statement = point.statement
    sid = str(statement.get("id", ""))
    person = str(statement.get("person") or "Unknown speaker")
    text = str(statement.get("text") or "")
    carriers = ", ".join(str(c) for c in statement.get("carriers") or ()) or "—"
    if point.tone is None:  # hollow grey on the zero line: placed, but not read as neutral
        tone_text, label, y = "unknown", "tone unknown", _Scale.y(0)
        paint = f'fill="none" style="fill:none;stroke:{_UNKNOWN};stroke-width:2.5"'
    else:
        tone_text, label, y = f"{point.tone:+.2f}", tone_label(point.tone), _Scale.y(point.tone)
        paint = f'fill="{tone_colour(point.tone)}"'
    title = (f"{_format_day(point.said_on)} · {person} · tone {tone_text}\n"
             f"“{_shorten(text, _TOOLTIP_CHARS)}”\nCarried by: {carriers}")  # fmt: skip
    return (
        f'<a href="#s-{_attr(sid)}" class="mark-link">'
        f'<circle class="mark" data-statement-id="{_attr(sid)}" '
        f'cx="{scale.x(point.said_on):.1f}" cy="{y:.1f}" r="6.5" '
        f'{paint} tabindex="0" '
        f'data-date="{_attr(_format_day(point.said_on))}" data-person="{_attr(person)}" '
        f'data-tone="{tone_text if point.tone is not None else ""}" data-label="{label}" '
        f'data-text="{_attr(_shorten(text, _TOOLTIP_CHARS))}" data-carriers="{_attr(carriers)}">'
        f"<title>{escape(title)}</title></circle></a>"
    )


def _legend(has_trend: bool, has_unknown: bool) -> str:
    swatches = "".join(
        f'<span class="swatch" style="background:{tone_colour(t)}"></span>'
        for t in (-1, -0.5, 0, 0.5, 1)
    )
    trend = '<span class="legend-trend"><span class="trend-sample"></span> tone trend</span>'
    unknown = (
        '<span class="legend-unknown"><span class="swatch" style="background:none;'
        f'border:2px solid {_UNKNOWN};box-sizing:border-box"></span> tone unknown</span>'
    )
    return (
        '<div class="legend" aria-label="Legend">'
        f'<span class="legend-scale">negative {swatches} positive</span>'
        f"{trend if has_trend else ''}{unknown if has_unknown else ''}"
        '<span class="legend-note">Hover or focus a dot for the wording; click it for the row.</span>'
        "</div>"
    )


def _source_cell(statement: Mapping[str, Any]) -> str:
    first = statement.get("first_reported") or {}
    outlet = escape(str(first.get("outlet") or "Unknown outlet"))
    published = parse_iso_date(first.get("published"))
    when = f'<span class="muted">{escape(_format_day(published))}</span>' if published else ""
    url = safe_url(first.get("url"))
    anchor = statement.get("source_anchor")
    if url:
        link = f'<a href="{_attr(url)}" rel="noopener noreferrer">{outlet}</a>'
    elif anchor:
        link = f'<a href="#{_attr(anchor)}">{outlet}</a> <span class="muted">(local copy)</span>'
    else:
        link = outlet
    return f"{link}<br>{when}"


def _row(statement: Mapping[str, Any], said_on: date | None) -> str:
    sid = str(statement.get("id", ""))
    tone = _tone(statement.get("tone"))
    if tone is None:
        badge = f'<span class="tone-badge" style="--tone:{_UNKNOWN}">tone unknown</span>'
    else:
        badge = (
            f'<span class="tone-badge" style="--tone:{tone_colour(tone)}">'
            f"{escape(tone_label(tone))} {tone:+.2f}</span>"
        )
    person = escape(str(statement.get("person") or "Unknown speaker"))
    carriers = statement.get("carriers") or ()
    carrier_list = (
        "<ul class='carriers'>" + "".join(f"<li>{escape(str(c))}</li>" for c in carriers) + "</ul>"
        if carriers
        else '<span class="muted">—</span>'
    )
    day = escape(_format_day(said_on)) if said_on else '<span class="muted">undated</span>'
    iso = f' datetime="{said_on.isoformat()}"' if said_on else ""
    return (
        f'<tr id="s-{_attr(sid)}" data-statement-id="{_attr(sid)}">'
        f'<td class="when"><time{iso}>{day}</time></td>'
        f'<td class="wording"><div class="person">{person}</div>'
        f"<blockquote>{escape(str(statement.get('text') or ''))}</blockquote>"
        f"{badge}</td>"
        f'<td class="carriers-cell">{carrier_list}</td>'
        f'<td class="source">{_source_cell(statement)}</td></tr>'
    )


def _appendix(entries: Sequence[Mapping[str, Any]]) -> str:
    if not entries:
        return ""
    items = []
    for entry in entries:
        before = str(entry.get("text_before") or "")
        after = str(entry.get("text_after") or "")
        if len(before) > _CONTEXT_CHARS:
            before = "…" + before[-_CONTEXT_CHARS:].lstrip()
        if len(after) > _CONTEXT_CHARS:
            after = after[:_CONTEXT_CHARS].rstrip() + "…"
        published = parse_iso_date(entry.get("published"))
        meta = " · ".join(
            escape(part)
            for part in (
                str(entry.get("outlet") or ""),
                _format_day(published) if published else "",
            )
            if part
        )
        items.append(
            f'<article class="source-entry" id="{_attr(entry.get("anchor", ""))}">'
            f"<h3>{escape(str(entry.get('title') or 'Untitled article'))}</h3>"
            f'<p class="muted">{meta}</p>'
            f'<p class="context">{escape(before)}<mark>{escape(str(entry.get("quote") or ""))}'
            f"</mark>{escape(after)}</p></article>"
        )
    return (
        '<section class="appendix" aria-labelledby="appendix-title">'
        '<h2 id="appendix-title">Sources held as local files</h2>'
        '<p class="muted">The quoted passage is highlighted in the text around it.</p>'
        + "".join(items)
        + "</section>"
    )


def _summary(points: Sequence[_Point], count: int) -> str:
    if not points:
        return f"{count} statement{'s' if count != 1 else ''}"
    first, last = points[0].said_on, points[-1].said_on
    period = _format_day(first) if first == last else f"{_format_day(first)} – {_format_day(last)}"
    summary = f"{count} statement{'s' if count != 1 else ''} · {escape(period)}"
    tones = [p.tone for p in points if p.tone is not None]
    if not tones:
        return summary + " · tone unknown"
    mean = sum(tones) / len(tones)
    return (
        f"{summary} · mean tone "
        f'<strong style="color:{tone_colour(mean)}">{mean:+.2f}</strong> ({tone_label(mean)})'
    )


def _statements_section(table: str) -> str:
    if not table:
        return ""
    return (
        '<section aria-labelledby="list-title"><h2 id="list-title">Statements</h2>'
        f"{table}</section>"
    )


def render_report(
    title: str,
    subtitle: str,
    statements: list[dict[str, Any]],
    appendix: list[dict[str, Any]],
) -> str:
    """Return a self-contained, offline HTML page: tone timeline, statement table, sources.

    The chart has exactly one ``<circle class="mark">`` per dated statement; an
    undated statement is listed in the table only. All text is HTML-escaped.
    """
    dated = [(s, parse_iso_date(s.get("said_on"))) for s in statements]
    dated.sort(key=lambda pair: (pair[1] is None, pair[1] or date.min, str(pair[0].get("id"))))
    points = [_Point(s, day, _tone(s.get("tone"))) for s, day in dated if day is not None]
    undated = len(dated) - len(points)
    if points:
        chart = (
            '<div class="chart-scroll">'
            + _chart(points)
            + "</div>"
            + _legend(
                len({p.said_on for p in points if p.tone is not None}) >= 2,
                any(p.tone is None for p in points),
            )
        )
        if undated:
            chart += f'<p class="muted">{undated} undated statement(s) are listed below only.</p>'
        table = (
            '<table class="statements"><thead><tr><th scope="col">Said on</th>'
            '<th scope="col">Wording</th><th scope="col">Carried by</th>'
            '<th scope="col">First report</th></tr></thead><tbody>'
            + "".join(_row(s, day) for s, day in dated)
            + "</tbody></table>"
        )
    else:
        chart = (
            '<div class="empty" role="status"><p><strong>No statements to show.</strong></p>'
            "<p>Nothing in the store matches this selection yet: ingest more articles or "
            "widen the filters.</p></div>"
        )
        table = "".join(_row(s, day) for s, day in dated)
        if table:
            table = f'<table class="statements"><tbody>{table}</tbody></table>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>"
        f"<style>{_asset('report_style.css')}</style></head><body>"
        f'<header><h1>{escape(title)}</h1><p class="subtitle">{escape(subtitle)}</p>'
        f'<p class="summary">{_summary(points, len(statements))}</p></header>'
        f'<main><section class="timeline" aria-label="Timeline">{chart}</section>'
        f"{_statements_section(table)}{_appendix(appendix)}</main>"
        '<div class="tooltip" role="tooltip" hidden></div>'
        "<footer>Made by onrecord · this page works offline and loads nothing from the web."
        "</footer>"
        f"<script>{_asset('report_script.js')}</script></body></html>\n"
    )
