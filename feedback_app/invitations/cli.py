"""`flask --app feedback_app invitations import FILE.csv` and `... invitations send-due`."""
from __future__ import annotations

from pathlib import Path

import click
from flask import current_app, render_template
from flask.cli import AppGroup
from sqlalchemy import select

from ..config import LANGUAGES
from ..extensions import db
from ..models import Survey

invitations = AppGroup("invitations", help="Debrief invitations: import, send.")


@invitations.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--survey", "slug", default=None,
              help="The survey to invite to (default: the one chosen for each row's kind of meeting).")
@click.option("--cards-out", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the printable page of any card rows (HTML).")
def import_command(path: Path, slug: str | None, cards_out: Path | None) -> None:
    """Import invitations from a CSV file (meeting_date,meeting_kind,channel,contact,locale,delay_days)."""
    from .importing import import_csv

    survey = None
    if slug is not None:
        survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
        if survey is None:
            raise click.ClickException(f"no survey {slug!r}")
    # A request context gives messages and the card page their (default) language.
    with current_app.test_request_context():
        result = import_csv(path.read_text(encoding="utf-8-sig", errors="replace"), survey)
        if result.cards and cards_out is None:
            db.session.rollback()
            raise click.ClickException("the file has card rows: name a file for them with --cards-out")
        if result.cards:
            from .routes import _card_sheet

            cards_out.write_text(render_template(
                "invitations/cards.html", sheet=_card_sheet(result.cards), count=len(result.cards)),
                encoding="utf-8")
    from ..audit import record

    record("invitation.imported", None, None, {"created": result.created, "rejected": len(result.errors),
                                               "cards": len(result.cards), "by": "command line"})
    db.session.commit()
    for line, reason in result.errors:
        click.echo(f"line {line}: {reason}", err=True)
    for written, code in result.languages.items():
        click.echo(f"Language {written!r} read as {code} ({LANGUAGES[code]}).")
    click.echo(f"Imported {result.created} invitations; {len(result.errors)} rows rejected.")
    if result.cards:
        click.echo(f"Wrote {len(result.cards)} cards to print to {cards_out}.")


@invitations.command("send-due")
@click.option("--batch", default=50, show_default=True, type=click.IntRange(1, 1000),
              help="Invitations leased at a time.")
def send_due_command(batch: int) -> None:
    """Send every invitation and reminder that is due, inside the send window. Safe to run on
    several machines at once with PostgreSQL; on SQLite run one sender."""
    from .sender import send_due

    tally = send_due(batch)
    click.echo(f"Sent {tally['sent']}, retrying {tally['retry']}, failed {tally['failed']}, "
               f"expired {tally['expired']}.")
