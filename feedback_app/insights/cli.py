"""`flask sentiment …` and `flask insights …`."""
from __future__ import annotations

import json
import sys
import time

import click
from flask.cli import AppGroup

from ..extensions import db

sentiment = AppGroup("sentiment", help="Sentiment of free text.")
insights = AppGroup("insights", help="The facilitator's summary, for scripts.")


@sentiment.command("score")
def score_command() -> None:
    """Read JSON lines {"text": …} on stdin; write {"polarity": …, "label": …} for each, in order."""
    from ..nlp.sentiment import score

    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            text = json.loads(line).get("text") or ""
        except (json.JSONDecodeError, AttributeError) as exc:
            raise click.ClickException(f"not a JSON object with a text: {line[:60]!r}") from exc
        result = score(text)
        click.echo(json.dumps({"polarity": result.polarity, "label": result.label}))


@insights.command("analyse")
@click.option("--watch", type=click.IntRange(min=1), default=None, metavar="SECONDS",
              help="keep going, looking for new responses every SECONDS")
def analyse_command(watch: int | None) -> None:
    """Score, theme and count the responses stored since the last run (safe to run often)."""
    from .analysis import analyse_waiting

    while True:
        count = analyse_waiting(echo=lambda message: click.echo(message, err=True))
        if count or not watch:
            click.echo(f"Analysed {count:,} responses.")
        if not watch:
            return
        time.sleep(watch)


@insights.command("rebuild")
def rebuild_command() -> None:
    """Recount the summary's running totals from the responses (after deleting any)."""
    from .rollup import rebuild

    rebuild()
    db.session.commit()
    click.echo("Recounted the summary's totals.")


@insights.command("summary")
@click.option("--theme", default=None, help="a theme's slug, e.g. engaging-fathers")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="YYYY-MM-DD")
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="YYYY-MM-DD")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
def summary_command(theme, since, until, fmt: str) -> None:
    """The same figures as /admin/insights, suppressed the same way."""
    from . import export, summary
    from .analysis import analyse_waiting

    analyse_waiting()
    filters = summary.Filters(theme=theme, since=since.date() if since else None,
                              until=until.date() if until else None)
    figures = summary.build(filters)
    if fmt == "json":
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        click.echo(export.to_csv(figures), nl=False)
