"""The kiosk: how much a tablet downloads on first load, and how many answers a second the API
takes on PostgreSQL.

First load: every file the shell asks for (the page, what it links, its manifest, service worker
and words), gzip-compressed as a server would send them; target under 60 KB, and no address
outside the app in any of them. Baseline for the weight: the public landing page and its CSS.

Answers per second: POST /api/v1/kiosk/responses one after another, each a new UUID (each is
authenticated, checked, kept in its receipt and committed); then the analysis step's share of the
work, storing those waiting answers as responses (store_waiting). Baseline, same run and database:
the same answers stored by calling record_response directly, one commit each (no HTTP, no
credential, no receipt).
"""
from __future__ import annotations

import gzip
import logging
import os
import re
import time
import uuid

from sqlalchemy import select

from feedback_app import clock
from feedback_app.extensions import db
from feedback_app.kiosk_api.services import add_device, pair, store_waiting
from feedback_app.models import Meeting, Survey
from feedback_app.surveys.services import record_response
from feedback_app.surveys.shipped import ensure_shipped_surveys

from ._db import migrated_app

ANSWERS = 2000
TARGET_BYTES = 60 * 1024
ANSWER = {"who_are_you": "parent", "overall_smiley": "happy", "listened_to": "yes",
          "know_next_steps": "not_sure", "worked_with": "both",
          "anything_else": "Reports came in time and the chair spoke to me first."}


def _gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6))


def _fetch(client, path: str) -> bytes:
    with client.get(path) as response:
        assert response.status_code == 200, path
        return response.get_data()


def first_load(client) -> tuple[int, int, list[str]]:
    page = _fetch(client, "/kiosk/")
    linked = re.findall(rb'(?:href|src)="([^"#]+)"', page)
    paths = ["/kiosk/" + p.decode() for p in linked] + ["/kiosk/sw.js", "/kiosk/messages.json?locale=en_GB"]
    bodies = [page] + [_fetch(client, path) for path in paths]
    # Any absolute address would be a request to somewhere else (a CDN, a font service…).
    # (An SVG's xmlns names a namespace; it is never fetched.)
    outside = sorted({u.decode() for body in bodies for u in re.findall(rb"https?://[^\s\"')]+", body)}
                     - {"http://www.w3.org/2000/svg"})
    landing = _fetch(client, "/") + _fetch(client, "/static/app.css")
    return sum(_gzip_size(b) for b in bodies), _gzip_size(landing), outside


def answers_per_second(client, headers, version_id: int) -> float:
    start = time.perf_counter()
    for _ in range(ANSWERS):
        response = client.post("/api/v1/kiosk/responses", headers=headers, json={
            "uuid": str(uuid.uuid4()), "survey_version_id": version_id, "answers": ANSWER})
        assert response.status_code == 201, response.get_data(as_text=True)
    return ANSWERS / (time.perf_counter() - start)


def direct_per_second(version, meeting) -> float:
    start = time.perf_counter()
    for _ in range(ANSWERS):
        record_response(version, ANSWER, channel="kiosk", locale="en_GB",
                        meeting_kind=meeting.kind, meeting_id=meeting.id)
        db.session.commit()
    return ANSWERS / (time.perf_counter() - start)


def main() -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)
    print("kiosk")
    # One simulated tablet sends far more than a real one may in a minute: measure, not limit.
    os.environ["FEEDBACK_RATELIMIT_ENABLED"] = "false"
    with migrated_app("postgresql") as app:
        ensure_shipped_surveys()
        meeting = Meeting(kind="cp_conference", held_on=clock.today(), venue="Town Hall", room="Room 1")
        db.session.add(meeting)
        pairing = add_device("Room 1", "Town Hall")
        _device, credential = pair(pairing.pairing_token)
        db.session.commit()
        version = db.session.scalar(select(Survey).where(Survey.slug == "kiosk")).current
        client = app.test_client()

        weight, landing, outside = first_load(client)
        verdict = "ok" if weight < TARGET_BYTES and not outside else "TOO HEAVY OR THIRD-PARTY"
        print(f"  first load  {weight / 1024:6.1f} KB gzipped   landing page {landing / 1024:5.1f} KB   "
              f"outside addresses: {outside or 'none'}   {verdict}")

        api = answers_per_second(client, {"Authorization": f"Bearer {credential}"}, version.id)
        start = time.perf_counter()
        assert store_waiting() == ANSWERS
        db.session.commit()
        later = ANSWERS / (time.perf_counter() - start)
        direct = direct_per_second(version, meeting)
        print(f"  postgresql  API {api:7.0f} answers/s, then stored by the analysis step {later:7.0f} /s   "
              f"record_response alone {direct:7.0f} /s")


if __name__ == "__main__":
    main()
