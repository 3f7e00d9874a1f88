"""Geometry for the summary's bar charts, drawn as SVG by templates/insights/_charts.html.

Server-rendered, no script: each chart is an <svg role="img"> with a title, and the same
figures sit beside it in a table. Hidden (suppressed) figures are drawn as no bar, saying so.
"""
from __future__ import annotations

from dataclasses import dataclass

WIDTH = 400          # the viewBox width; the SVG scales to its container
LABEL_WIDTH = 170    # room for the bar's name, at its start
BAR_SPACE = WIDTH - LABEL_WIDTH - 50  # and room for the figure after the bar
ROW = 28
BAR_HEIGHT = 18


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None     # None: suppressed
    shown: str              # the figure as printed beside the bar
    tone: str               # positive, mixed, neutral, negative, other: a CSS class and a fill
    y: int
    width: float


def bars(items: list[tuple[str, float | None, str, str]], maximum: float | None = None) -> list[Bar]:
    """items: (label, value, shown, tone). Bars are scaled to `maximum` (else the largest)."""
    values = [v for _l, v, _s, _t in items if v is not None]
    top = maximum or max(values, default=0) or 1
    return [
        Bar(label, value, shown, tone, i * ROW, 0 if value is None else BAR_SPACE * value / top)
        for i, (label, value, shown, tone) in enumerate(items)
    ]


def height(chart: list[Bar]) -> int:
    return max(1, len(chart)) * ROW + 4


FILLS = {"positive": "#1d6b3a", "mixed": "#7a4b00", "neutral": "#5a5a5a", "negative": "#a4262c", "other": "#1d4f91"}
