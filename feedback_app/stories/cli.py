"""`flask --app feedback_app stories …`"""
from __future__ import annotations

import json
import sys

import click
from flask.cli import AppGroup

stories = AppGroup("stories", help="Good-practice stories.")


@stories.command("anonymise")
def anonymise_command() -> None:
    """Read JSON lines {"text": …} on stdin; write {"text": anonymised, "entities": [{start, end,
    label}]} for each, in order (offsets into the input text)."""
    from ..nlp.anonymiser import anonymise, warm_up
    from ..nlp.name_tagger import ModelMissing

    try:
        warm_up()
    except ModelMissing as exc:
        raise click.ClickException(str(exc)) from exc

    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            text = json.loads(line)["text"]
        except (ValueError, KeyError, TypeError) as exc:
            raise click.ClickException(f"line {number}: expected a JSON object with a \"text\" string") from exc
        result = anonymise(text)
        click.echo(json.dumps({
            "text": result.text,
            "entities": [{"start": e.start, "end": e.end, "label": e.label} for e in result.entities],
        }, ensure_ascii=False))
