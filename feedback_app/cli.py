"""Command groups: `flask --app feedback_app <group> <command>`. Each command commits once."""
from __future__ import annotations

import os

import click
from flask import Flask
from flask.cli import AppGroup

from .extensions import db

users = AppGroup("users", help="Staff accounts.")
surveys = AppGroup("surveys", help="The shipped surveys.")
demo = AppGroup("demo", help="Demo data for a local run.")
responses = AppGroup("responses", help="Responses, for analysis.")


@users.command("create")
@click.argument("email")
@click.option("--role", required=True, help="admin, facilitator, moderator, advocate or safeguarding_lead")
def create_user_command(email: str, role: str) -> None:
    """Create a staff account. The password is prompted for, or read from FEEDBACK_PASSWORD."""
    from .accounts.services import AccountError, create_user

    password = os.environ.get("FEEDBACK_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    try:
        user = create_user(email, role, password)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Created {user.email} ({user.role}).")


@surveys.command("load")
def load_surveys_command() -> None:
    """Add the shipped surveys that are missing (existing ones and their edits are kept)."""
    from .surveys.shipped import ensure_shipped_surveys

    created = ensure_shipped_surveys()
    db.session.commit()
    click.echo(f"Added {len(created)} shipped surveys." if created else "All shipped surveys are there.")


@demo.command("load")
@click.option("--responses", "count", default=300, show_default=True, type=click.IntRange(0, 1_000_000))
@click.option("--if-empty", is_flag=True, help="Do nothing if the database already has data.")
def load_demo_command(count: int, if_empty: bool) -> None:
    """Load demo meetings, surveys, staff, invitations, stories and COUNT responses."""
    from .demo import is_empty, load_demo

    if if_empty and not is_empty():
        click.echo("The database already has data; demo data not loaded.")
        return
    load_demo(count, echo=click.echo)


@demo.command("links")
def demo_links_command() -> None:
    """Print fresh things to try: a family's link, a card code, the demo kiosk tablet's pairing
    link, the story form, the summary, and the staff logins. `make run` calls it every time."""
    from .demo import make_demo_links

    make_demo_links(echo=click.echo)


@responses.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--out", type=click.File("w", encoding="utf-8"), default="-", help="File to write (default: stdout).")
def export_command(fmt: str, out) -> None:
    """Every response with its answers: channel, meeting kind, survey version, locale and day."""
    from .audit import record
    from .responses.export import write_csv, write_jsonl

    count = (write_csv if fmt == "csv" else write_jsonl)(out)
    record("responses.export", None, None, {"format": fmt, "count": count, "by": "command line"})
    db.session.commit()
    click.echo(f"Exported {count} responses.", err=True)


def register_commands(app: Flask) -> None:
    from .data_protection.cli import data
    from .insights.cli import insights, sentiment
    from .invitations.cli import invitations
    from .kiosk_api.cli import kiosk
    from .newsletter.cli import newsletter
    from .stories.cli import stories

    for group in (users, surveys, demo, responses, invitations, kiosk, stories, newsletter,
                  sentiment, insights, data):
        app.cli.add_command(group)
