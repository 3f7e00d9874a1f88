"""`flask responses export`: every response with its answers, and nothing that identifies anyone.

Database ids are not exported: their order could be matched against when invitations were
opened. Each export numbers responses afresh, shuffled within each day.
"""
from __future__ import annotations

import csv
import json
import secrets
from collections.abc import Iterator
from itertools import groupby
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..kiosk_api.services import store_all_waiting
from ..models import Answer, Response, SurveyVersion

CSV_COLUMNS = [
    "response", "day", "channel", "meeting_kind", "survey", "survey_version", "locale",
    "supported_by_advocate", "consent_to_quote", "question", "answer",
]
# Spreadsheet programs run cells that start with these as formulas.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def iter_responses(batch: int = 1000) -> Iterator[dict]:
    """Responses as plain dicts, day by day, shuffled within a day."""
    store_all_waiting()
    query = (
        select(Response)
        .options(
            selectinload(Response.answers).selectinload(Answer.question),
            selectinload(Response.survey_version).selectinload(SurveyVersion.survey),
        )
        .order_by(Response.submitted_on, Response.id)
        .execution_options(yield_per=batch)
    )
    shuffle = secrets.SystemRandom().shuffle
    number = 0
    for _day, day_rows in groupby(db.session.scalars(query), key=lambda r: r.submitted_on):
        rows = [_as_dict(r) for r in day_rows]
        shuffle(rows)
        for row in rows:
            number += 1
            yield {"response": number, **row}


def _as_dict(response: Response) -> dict:
    version = response.survey_version
    return {
        "day": response.submitted_on.isoformat(),
        "channel": response.channel,
        "meeting_kind": response.meeting_kind,
        "survey": version.survey.slug,
        "survey_version": version.number,
        "locale": response.locale,
        "supported_by_advocate": response.supported_by_advocate,
        "consent_to_quote": response.consent_to_quote,
        "answers": {
            a.question.key: (a.choice if a.choice is not None else a.text)
            for a in sorted(response.answers, key=lambda a: a.question.position)
        },
    }


def write_jsonl(out: IO[str]) -> int:
    count = 0
    for row in iter_responses():
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(out: IO[str]) -> int:
    """One row per answer, so every survey fits the same columns."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for row in iter_responses():
        count += 1
        fixed = [row[c] for c in CSV_COLUMNS[:-2]]
        for question, answer in row["answers"].items():
            writer.writerow([csv_safe(v) for v in (*fixed, question, answer)])
    return count
