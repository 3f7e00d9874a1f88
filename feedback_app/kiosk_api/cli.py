"""`flask --app feedback_app kiosk …`: tablets for the rooms."""
from __future__ import annotations

from datetime import time

import click
from flask import current_app
from flask.cli import AppGroup

from ..extensions import db

kiosk = AppGroup("kiosk", help="Kiosk tablets on the walls of meeting rooms.")


def _hours(value: str | None) -> tuple[time | None, time | None]:
    if not value:
        return None, None
    try:
        opens, closes = (time.fromisoformat(part.strip()) for part in value.split("-"))
    except ValueError as exc:
        raise click.BadParameter("use HH:MM-HH:MM, e.g. 08:30-17:30") from exc
    if closes <= opens:
        raise click.BadParameter("the closing time must be after the opening time")
    return opens, closes


@kiosk.command("add-device")
@click.argument("room")
@click.option("--venue", default="", help="The building; with the room, it finds the room's meetings.")
@click.option("--locale", "default_locale", default="en_GB", show_default=True,
              help="The language the tablet starts in.")
@click.option("--hours", default=None, help="Opening hours, HH:MM-HH:MM (default: always open).")
@click.option("--meeting", "meeting_id", type=int, default=None,
              help="The id of the meeting its answers go to (default: the room's latest, else a meeting here today).")
@click.option("--base-url", default=None, help="Where the tablet reaches the app (default: FEEDBACK_BASE_URL).")
def add_device_command(room: str, venue: str, default_locale: str, hours: str | None, meeting_id: int | None,
                       base_url: str) -> None:
    """Add a tablet for ROOM and print its one-time pairing URL and staff PIN."""
    from .services import KioskError, add_device, meeting_for, meeting_label, pairing_url, set_meeting

    opens_at, closes_at = _hours(hours)
    try:
        pairing = add_device(room, venue, default_locale, opens_at, closes_at)
        if meeting_id is not None:
            set_meeting(pairing.device, meeting_id)
        meeting = meeting_for(pairing.device)
    except KioskError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Tablet for {pairing.device.room_name} added.")
    base_url = base_url or current_app.config["FEEDBACK_BASE_URL"]
    click.echo(f"Open this once on the tablet: {pairing_url(base_url, pairing.pairing_token)}")
    click.echo(f"Staff PIN to leave kiosk mode: {pairing.pin}")
    with current_app.test_request_context():  # dates and labels are worded as on the admin pages
        click.echo(f"Answers go to: {meeting_label(meeting)}")
    if meeting_id is None:
        click.echo("  (another: --meeting ID, or choose it at /admin/kiosks/)")
