"""`flask --app feedback_app newsletter …`"""
from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

newsletter = AppGroup("newsletter", help="The monthly good-practice newsletter.")


@newsletter.command("build")
@click.option("--month", required=True, help="YYYY-MM")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False), help="Folder to write into.")
def build_command(month: str, out: str) -> None:
    """Write the month's issue as HTML and plain text (published stories, or for a draft the
    approved stories waiting for it)."""
    from . import services

    with current_app.test_request_context(base_url=current_app.config["FEEDBACK_BASE_URL"]):
        try:
            issue = services.find_issue(month)
            rendered = services.render_email(issue, month)
        except services.NewsletterError as exc:
            raise click.ClickException(str(exc)) from exc
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"newsletter-{month}.html").write_text(rendered.html, encoding="utf-8")
    (folder / f"newsletter-{month}.txt").write_text(rendered.text, encoding="utf-8")
    click.echo(f"Wrote newsletter-{month}.html and newsletter-{month}.txt to {folder}.")
