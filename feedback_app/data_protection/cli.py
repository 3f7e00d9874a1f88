import click
from flask.cli import AppGroup

from ..extensions import db
from .retention import purge

data = AppGroup("data", help="Data protection.")


@data.command("purge")
@click.option("--dry-run", is_flag=True, help="Count what would go, and change nothing.")
def purge_command(dry_run: bool) -> None:
    """Apply the retention settings (safe to run daily from cron)."""
    report = purge()
    if dry_run:
        db.session.rollback()
        click.echo("Dry run, nothing changed. Would have:")
    else:
        db.session.commit()
    for line in report.lines():
        click.echo(f"  {line}")
