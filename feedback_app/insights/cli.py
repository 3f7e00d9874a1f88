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
    """Read JSON lines {"text": …, "lang": … (optional, English if not given)} on stdin; write
    {"polarity": …, "label": …, "aspects": {aspect: label}} for each, in order. The label is
    positive, negative, neutral or mixed; a language that cannot be scored gets "not_analysed"."""
    from ..nlp.reader import ModelMissing, model
    from ..nlp.sentiment import read

    try:
        model()
    except ModelMissing as exc:
        raise click.ClickException(str(exc)) from exc

    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            given = json.loads(line)
            text, lang = given.get("text") or "", given.get("lang") or "en"
        except (json.JSONDecodeError, AttributeError) as exc:
            raise click.ClickException(f"not a JSON object with a text: {line[:60]!r}") from exc
        result = read(text, lang)
        if result is None:
            click.echo(json.dumps({"polarity": None, "label": "not_analysed", "aspects": {}}))
            continue
        click.echo(json.dumps({"polarity": result.polarity, "label": result.label,
                               "aspects": result.aspects}, ensure_ascii=False))


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


@insights.command("rescore")
def rescore_command() -> None:
    """Score every analysed comment again, with its aspects, and recount the totals (once
    after upgrading to mixed and per-aspect sentiment, or after the scorer changes)."""
    from .analysis import rescore_all

    count = rescore_all()
    db.session.commit()
    click.echo(f"Scored the comments of {count:,} responses again and recounted the summary's totals.")


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
