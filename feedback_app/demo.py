"""`flask demo load`: a believable local authority to click around in.

The words of demo answers and stories echo the voices of the Camden Conversations enquiry,
varied and shortened. No real names: the demo has none at all.
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import func, insert, select
from sqlalchemy import text as sql

from . import clock
from .accounts.services import create_user, find_user
from .extensions import db, on_postgresql
from .invitations import contacts
from .models import (
    MEETING_KINDS, Invitation, Meeting, NewsletterIssue, Response, SafeguardingFlag, Story, Survey,
    Theme, ThemeName, YouSaidWeDid,
)
from .theme_names import THEME_NAMES
from .nlp.anonymiser import anonymise
from .nlp.safeguarding import possible_disclosure
from .stories.crypto import encrypt
from .surveys.options import FIXED
from .surveys.shipped import ensure_shipped_surveys
from .surveys.services import create_invitation
from .surveys.tokens import hash_token, new_token

DEMO_PASSWORD = "demo-password-2026"
STAFF = [
    ("admin@example.org", "admin"),
    ("facilitator@example.org", "facilitator"),
    ("moderator@example.org", "moderator"),
    ("advocate@example.org", "advocate"),
    ("safeguarding@example.org", "safeguarding_lead"),
]
VENUES = [("Town Hall", "Room 1"), ("Town Hall", "Room 2"), ("Family Centre", "Garden Room"),
          ("Civic Centre", "Room 4")]

THEMES = [
    ("young-parents", "Young Parents", ["young parent", "17", "18", "mother them", "too young"]),
    ("engaging-fathers", "Engaging Fathers", ["father", "dad", "fathers"]),
    ("conflict-resolution", "Conflict Resolution", ["angry", "argue", "conflict", "shouted", "challenge"]),
    ("advocacy", "Advocacy", ["advocate", "advocacy", "someone on my side", "support person"]),
    ("conference-atmosphere", "Conference atmosphere", ["room", "table", "intimidating", "water", "lion's den"]),
    ("jargon-and-language", "Jargon and language", ["jargon", "language", "words", "understand", "explain"]),
    ("relationships", "Relationships", ["relationship", "trust", "honest", "listened", "worked with", "done to"]),
    ("support-offer", "Support offer", ["support", "help", "services", "offered", "choice"]),
]

POSITIVE_TEXT = [
    "The Chair met me before the meeting and gave me time. She listened to me.",
    "My social worker explained everything without jargon. I felt worked with, not done to.",
    "For the first time I felt like part of the team around my children.",
    "They talked about the good bits too, not only the worries.",
    "Someone listened to me and explained to me what happens next.",
    "Having an advocate next to me made me brave enough to speak.",
    "The reports came a week before, so I could read them with my sister.",
    "There was water and cups on the table. Small thing, but I felt welcome.",
    "The worker was honest with me even when it was hard to hear. I respect that.",
    "They asked the dad to come too, and he felt included for once.",
]
NEGATIVE_TEXT = [
    "I was terrified. I said what I thought they wanted to hear.",
    "From the beginning I felt judged, like going into the lion's den.",
    "There is too much jargon. I did not understand half of what was said.",
    "I was always in the meetings but I did not feel they wanted to hear from me.",
    "I got the report the night before. No time to read it properly.",
    "Nobody told me I could bring someone with me.",
    "Too many professionals around the table and just me. Very intimidating.",
    "They only spoke to the mum. The dad was not even asked.",
    "I felt like they were looking down on me the whole time.",
    "I was young and they treated me like I knew nothing.",
]
MIXED_TEXT = [
    "The Chair was kind but the social worker did not listen.",
    "I understood the plan in the end, but only because my advocate explained it after.",
    "It was better than last time, but I still felt nervous walking in.",
    "Send the reports earlier please.",
    "Have the meeting somewhere less like an office.",
    "Let parents speak first, before the reports.",
]
SENTENCE_ENDINGS = {
    "conference_feel": ["vulnerable and uncomfortable.", "scared but a bit more hopeful now.", "like nobody is on my side.", "listened to, this time."],
    "relationship_works": ["people are honest with each other.", "you feel comfortable with the other person.", "they remember the good bits too."],
    "helped_when": ["explained the plan in simple words.", "sat with me before the meeting.", "gave me time to talk."],
    "makes_angry": ["being talked about like I am not in the room.", "getting reports too late.", "jargon."],
    "advocacy_is": ["having someone on your side.", "really important for parents who are scared.", "what I wish I had."],
    "fathers_need": ["to be invited too.", "to be asked what they think.", "the same respect as mothers."],
}

STORIES = [
    ("parent", "newsletter", "published", "A social worker rang me the day before the conference to go through the report with me. When I walked in I already knew what they would say, and I could say my side. I have never felt that calm in a meeting before."),
    ("professional", "newsletter", "approved", "A dad told me it was the first time anyone had asked him what he thought. We moved the core group to the evening so he could come after work. He has not missed one since."),
    ("family_member", "newsletter", "approved", "The Chair came out to the waiting room and introduced herself to my daughter and me. She asked how we wanted to be called and what we wanted people to know. It made a big difference."),
    ("advocate", "internal", "approved", "A parent was too nervous to speak, so we wrote her points on a card together before the conference. The Chair read them out first. She said she felt heard for the first time."),
    ("young_person", "newsletter", "submitted", "My worker explained what a child protection plan is without using long words. She drew it on paper for me."),
    ("parent", "team", "submitted", "Thank you to the family support team for sticking with us when things were hard."),
    ("professional", "newsletter", "rejected", "A story that could identify the family because of a very rare detail."),
    ("parent", "newsletter", "withdrawn", "A story the storyteller chose to withdraw."),
    # Told just now, so the moderator sees the original beside what the anonymiser made of it.
    ("parent", "newsletter", "submitted", "My son Tyler was so nervous, but Grace from the family support team rang us on 07700 900123 the day before and explained the report."),
    ("family_member", "newsletter", "awaiting_teller", "My nan came to the family group conference and for once everyone heard her ideas."),
    # Held back for the safeguarding lead: it may be a disclosure.
    ("parent", "newsletter", "held", "Since the conference I don't feel safe at home, and I did not know who to tell."),
]


def load_demo(responses: int = 300, seed: int = 7, echo=print) -> None:
    """Load demo data into an empty database (`demo links` then prints what to try)."""
    if current_app.config["FEEDBACK_ENV"] == "production":
        raise RuntimeError("demo data is never loaded into a production database")
    rng = random.Random(seed)
    ensure_shipped_surveys()
    for email, role in STAFF:
        if not find_user(email):
            create_user(email, role, DEMO_PASSWORD)
    _load_themes()
    meetings = _load_meetings(rng)
    links = _load_invitations(meetings)
    _load_stories(rng)
    db.session.flush()
    added = load_responses(responses, rng, meetings)
    from .insights.analysis import analyse_waiting

    analyse_waiting(echo=echo)
    db.session.commit()
    echo(f"Loaded {len(meetings)} meetings, {added} responses, {len(links)} invitations and "
         f"{len(STORIES)} stories.")


DEMO_TABLET = ("Town Hall", "Room 1")  # a room the demo's meetings are held in


def make_demo_links(echo=print) -> None:
    """Fresh things to try, each printed once: a family's link (the survey the council chose for
    links after that kind of meeting), a card's code, the demo tablet's pairing link (any tablet
    paired to it before stops), the story form and the summary; then the staff logins."""
    from .invitations.services import make_card
    from .kiosk_api.services import add_device, meeting_for, new_pairing, pairing_url
    from .models import KioskDevice
    from .surveys.choice import link_survey_for

    if current_app.config["FEEDBACK_ENV"] == "production":
        raise RuntimeError("demo links are never made in production")
    base = current_app.config["FEEDBACK_BASE_URL"].rstrip("/")
    venue, room = DEMO_TABLET
    device = db.session.scalar(select(KioskDevice).where(
        KioskDevice.venue == venue, KioskDevice.room_name == room))
    pairing = new_pairing(device) if device is not None else add_device(room, venue)
    meeting = meeting_for(pairing.device)  # the room's latest meeting, else one today
    _invitation, token = create_invitation(meeting, link_survey_for(meeting.kind), channel="card",
                                           delay_days=0)
    card = make_card(meeting, link_survey_for(meeting.kind))
    db.session.commit()
    echo("Try these (each family link and code works once):")
    echo(f"  A family's link:   {base}/s/{token}")
    echo(f"  A card's code:     {card.display_code}  (type it at {base}/s/)")
    echo(f"  The kiosk tablet:  {pairing_url(base, pairing.pairing_token)}  (staff PIN {pairing.pin})")
    echo(f"  Tell a story:      {base}/stories/new")
    echo(f"  The summary:       {base}/admin/insights/  (as the facilitator)")
    echo_logins(echo)


def echo_logins(echo=print) -> None:
    echo("Staff logins (password for all: %s):" % DEMO_PASSWORD)
    for email, role in STAFF:
        echo(f"  {email:28} {role}")


def _load_themes() -> None:
    existing = set(db.session.scalars(select(Theme.slug)))
    for slug, name, keywords in THEMES:
        if slug not in existing:
            db.session.add(Theme(slug=slug, name=name, keywords=keywords, names=[
                ThemeName(locale=locale, name=translated_name)
                for locale, translated_name in THEME_NAMES.get(slug, {}).items()]))


def _load_meetings(rng: random.Random) -> list[Meeting]:
    today = clock.today()
    meetings = [
        Meeting(kind=rng.choice(MEETING_KINDS), held_on=today - timedelta(days=rng.randint(0, 180)),
                venue=(place := rng.choice(VENUES))[0], room=place[1])
        for _ in range(40)
    ]
    db.session.add_all(meetings)
    db.session.flush()
    return meetings


def _load_invitations(meetings: list[Meeting]) -> list[str]:
    survey = db.session.scalar(select(Survey).where(Survey.slug == "debrief"))
    recent = sorted(meetings, key=lambda m: m.held_on)[-3:]
    return [create_invitation(m, survey, channel="card", delay_days=0)[1] for m in recent]


def _load_stories(rng: random.Random) -> None:
    today = clock.today()
    for teller, sharing, status, text in STORIES:
        story = Story(
            teller_role=teller, sharing=sharing, status=status, anonymised_text=text,
            submitted_on=today - timedelta(days=rng.randint(0, 20)),
            review_code_hash=hash_token(new_token()),
            # Approved this month, so the current newsletter issue has stories.
            approved_on=today if status == "approved" else None,
        )
        if "[" not in text and status == "submitted":  # not anonymised yet: do it as a new story would be
            result = anonymise(text)
            story.original_ciphertext = encrypt(text)
            story.anonymised_text = result.text
            story.replacements = [e.as_dict() for e in result.entities]
        db.session.add(story)
        if status == "held":
            db.session.add(SafeguardingFlag(story=story, cues=possible_disclosure(text), raised_on=today))
    _load_last_newsletter(today)


def _load_last_newsletter(today) -> None:
    """Last month's issue, published, so the archive at /newsletter has something to show."""
    month = (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    if db.session.scalar(select(NewsletterIssue).where(NewsletterIssue.month == month)):
        return  # loaded before
    issue = NewsletterIssue(
        month=month, status="published", published_at=clock.now(), sent_count=0,
        intro="Thank you to everyone who told us what went well this month.",
        notes=[YouSaidWeDid(you_said="Reports arrive too late to read before the conference.",
                            we_did="Reports now go to families at least five working days before.")],
    )
    db.session.add(issue)
    for story in db.session.new:
        if isinstance(story, Story) and story.status == "published" and story.sharing == "newsletter":
            story.newsletter_issue = issue


def load_responses(count: int, rng: random.Random, meetings: list[Meeting] | None = None) -> int:
    """Insert `count` realistic responses in bulk (100,000 take seconds, not minutes)."""
    if count <= 0:
        return 0
    surveys = {s.slug: s.current for s in db.session.scalars(select(Survey))}
    today = clock.today()
    kiosk_meetings = [m for m in meetings or [] if m.venue]
    plans = []
    for _ in range(count):
        slug = rng.choices(["debrief", "kiosk", "trigger"], weights=[6, 3, 1])[0]
        mood = rng.choices(["positive", "negative", "mixed"], weights=[5, 3, 2])[0]
        channel = "kiosk" if slug == "kiosk" else rng.choices(["link", "card", "advocate"], weights=[6, 3, 1])[0]
        meeting = rng.choice(kiosk_meetings) if channel == "kiosk" and kiosk_meetings else None
        plans.append((slug, mood, channel, meeting))
    # Ids are given here, so rows go straight to the driver with no RETURNING; nothing else
    # writes meanwhile.
    first = (db.session.scalar(select(func.max(Response.id))) or 0) + 1
    ids = list(range(first, first + count))
    responses = [
        (response_id, surveys[slug].id, channel,
         rng.choices(["en_GB", "ar", "bn", "so", "pl", "tr"], weights=[20, 2, 2, 2, 2, 1])[0],
         meeting.kind if meeting else rng.choice(MEETING_KINDS), meeting.id if meeting else None,
         today - timedelta(days=int(rng.triangular(0, 365, 30))), channel == "advocate",
         rng.random() < 0.6)
        for response_id, (slug, mood, channel, meeting) in zip(ids, plans)
    ]
    _bulk_insert("responses", RESPONSE_COLUMNS, responses)
    if on_postgresql():  # the sequence must not hand them out again
        db.session.execute(sql("SELECT setval(pg_get_serial_sequence('responses', 'id'), :last)"),
                           {"last": ids[-1]})
    answers = [
        (response_id, question.id, *_demo_answer(question, mood, rng))
        for response_id, (slug, mood, _channel, _meeting) in zip(ids, plans)
        for question in surveys[slug].questions
    ]
    _bulk_insert("answers", ANSWER_COLUMNS, [a for a in answers if a[2] is not None or a[3] is not None])
    return len(ids)


_MOOD_WEIGHTS = {
    # weights over the options in their listed order (best first)
    "positive": [6, 4, 1, 0.3, 0.2, 0.3],
    "negative": [0.3, 0.7, 1, 4, 4, 0.3],
    "mixed": [1, 2, 4, 2, 1, 0.5],
}


_YES_NO_WEIGHTS = {"positive": [8, 1, 1], "negative": [2, 7, 1], "mixed": [4, 4, 2]}


RESPONSE_COLUMNS = ("id", "survey_version_id", "channel", "locale", "meeting_kind", "meeting_id",
                    "submitted_on", "supported_by_advocate", "consent_to_quote")
ANSWER_COLUMNS = ("response_id", "question_id", "choice", "text")


def load_due_invitations(count: int, due_at: datetime, channel: str = "email") -> list[str]:
    """`count` invitations to the debrief survey, all due at `due_at`; returns their tokens.
    By email, each goes to a made-up address sealed with its token as usual: work for
    `invitations send-due` under load. As cards there is nothing to send: links to answer."""
    meeting = Meeting(kind="cp_conference", held_on=due_at.date() - timedelta(days=3))
    db.session.add(meeting)
    db.session.flush()
    survey_id = db.session.scalar(select(Survey.id).where(Survey.slug == "debrief"))
    tokens = [new_token() for _ in range(count)]
    sent = channel != "card"
    db.session.execute(insert(Invitation), [
        {
            "meeting_id": meeting.id, "survey_id": survey_id, "channel": channel, "locale": "en_GB",
            "token_hash": hash_token(token), "status": "scheduled",
            "contact_ciphertext": contacts.seal(f"family{number}@example.org", token) if sent else None,
            "created_at": due_at, "due_at": due_at, "expires_at": due_at + timedelta(days=28),
            "next_send_at": due_at if sent else None, "attempts": 0,
        }
        for number, token in enumerate(tokens)])
    return tokens


def _bulk_insert(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Hundreds of thousands of rows straight to the driver: COPY on PostgreSQL, a plain
    executemany of tuples on SQLite. ORM or Core parameters for each row cost several times more."""
    names = ", ".join(columns)
    connection = db.session.connection()
    if on_postgresql():
        with connection.connection.cursor() as cursor:
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return
    # SQLite keeps dates as ISO text, as SQLAlchemy's Date type does.
    rows = [tuple(v.isoformat() if isinstance(v, date) else v for v in row) for row in rows]
    connection.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", rows)


def _demo_answer(question, mood: str, rng: random.Random) -> tuple[str | None, str | None]:
    """(choice, text) for one question; both None when the question is skipped."""
    if question.kind in ("free_text", "sentence_completion"):
        return None, _demo_text(question, mood, rng)
    if not question.required and rng.random() < 0.1:
        return None, None
    return _demo_choice(question, mood, rng), None


def _demo_text(question, mood: str, rng: random.Random) -> str | None:
    if question.kind == "free_text":
        if rng.random() < 0.4:
            return None
        pool = {"positive": POSITIVE_TEXT, "negative": NEGATIVE_TEXT, "mixed": MIXED_TEXT}[mood]
        return rng.choice(pool)
    endings = SENTENCE_ENDINGS.get(question.key)
    return rng.choice(endings) if endings and rng.random() < 0.7 else None


def _demo_choice(question, mood: str, rng: random.Random) -> str:
    if question.kind in FIXED:
        options = [value for value, _label in FIXED[question.kind]]
    else:
        options = [o["value"] for o in question.options]
    weights = (_YES_NO_WEIGHTS if question.kind == "yes_no" else _MOOD_WEIGHTS)[mood][: len(options)]
    return rng.choices(options, weights=weights)[0]


def is_empty() -> bool:
    return not db.session.scalar(select(func.count()).select_from(Response)) and not db.session.scalar(
        select(func.count()).select_from(Meeting))
