"""Monthly newsletter issues: gathering approved stories, publishing, sending, unsubscribing.
Services decide and flush; the caller commits."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from flask import current_app, render_template, url_for
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select

from .. import clock
from ..after_commit import after_commit
from ..audit import record
from ..extensions import db
from ..mail import MailError, Message, send
from ..models import NewsletterIssue, Story, Subscriber, YouSaidWeDid
from ..nlp.jargon import explanations
from ..stories.forms import TELLER_LABELS

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class NewsletterError(ValueError):
    """Shown to the member of staff."""


def parse_month(month: str) -> tuple[date, date]:
    """"2026-11" → (1 November, 30 November)."""
    match = _MONTH.match(month or "")
    if not match:
        raise NewsletterError(_("Write the month as YYYY-MM, for example 2026-11."))
    year, number = int(match.group(1)), int(match.group(2))
    return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])


def month_label(month: str) -> str:
    """"2026-11" → "November 2026", in the language of the page."""
    return format_date(parse_month(month)[0], "MMMM y")


def current_month() -> str:
    return clock.today().strftime("%Y-%m")


def issues() -> list[NewsletterIssue]:
    return list(db.session.scalars(select(NewsletterIssue).order_by(NewsletterIssue.month.desc())))


def published_issues() -> list[NewsletterIssue]:
    return [i for i in issues() if i.status == "published"]


def find_issue(month: str) -> NewsletterIssue | None:
    return db.session.scalar(select(NewsletterIssue).where(NewsletterIssue.month == month))


def open_issue(month: str, actor) -> NewsletterIssue:
    parse_month(month)
    issue = find_issue(month)
    if issue is None:
        issue = NewsletterIssue(month=month, intro="", status="draft", sent_count=0)
        db.session.add(issue)
        db.session.flush()
        record("newsletter.open", actor, issue, {"month": month})
    return issue


def candidate_stories(month: str) -> list[Story]:
    """Approved newsletter stories up to the end of `month` not yet in an issue. Held, withdrawn
    and unapproved stories can never be among them."""
    _first, last = parse_month(month)
    return list(db.session.scalars(
        select(Story).where(
            Story.status == "approved", Story.sharing == "newsletter",
            Story.newsletter_issue_id.is_(None), Story.approved_on <= last,
        ).order_by(Story.approved_on, Story.id)
    ))


def stories_of(issue: NewsletterIssue | None, month: str) -> list[Story]:
    if issue is not None and issue.status == "published":
        return [s for s in issue.stories if s.status == "published"]
    return candidate_stories(month)


def set_intro(issue: NewsletterIssue, intro: str, actor) -> None:
    _check_draft(issue)
    issue.intro = intro.strip()
    record("newsletter.intro", actor, issue)


def add_note(issue: NewsletterIssue, you_said: str, we_did: str, actor) -> YouSaidWeDid:
    _check_draft(issue)
    note = YouSaidWeDid(you_said=you_said.strip(), we_did=we_did.strip())
    issue.notes.append(note)
    db.session.flush()
    record("newsletter.note_add", actor, issue)
    return note


def remove_note(issue: NewsletterIssue, note_id: int, actor) -> None:
    _check_draft(issue)
    note = next((n for n in issue.notes if n.id == note_id), None)
    if note is None:
        raise NewsletterError(_("That note is not there any more."))
    issue.notes.remove(note)
    record("newsletter.note_remove", actor, issue)


def _check_draft(issue: NewsletterIssue) -> None:
    if issue.status != "draft":
        raise NewsletterError(_("This issue is already published."))


def publish(issue: NewsletterIssue, actor) -> int:
    """Publish the issue to the archive with the stories waiting for it, erase their originals,
    and email it to the mailing list once the transaction commits. Returns the number of emails."""
    _check_draft(issue)
    stories = candidate_stories(issue.month)
    if not stories and not issue.notes and not issue.intro:
        raise NewsletterError(_("There is nothing to publish yet."))
    for story in stories:
        story.status = "published"
        story.newsletter_issue = issue
        story.original_ciphertext = None
    issue.status = "published"
    issue.published_at = clock.now()
    recipients = list(db.session.scalars(select(Subscriber).where(Subscriber.active.is_(True))))
    issue.sent_count = len(recipients)
    db.session.flush()
    record("newsletter.publish", actor, issue, {"stories": len(stories), "recipients": len(recipients)})
    app = current_app._get_current_object()
    issue_id, subscriber_ids = issue.id, [s.id for s in recipients]
    after_commit(db.session(), lambda: _send_issue(app, issue_id, subscriber_ids))
    return len(recipients)


def _send_issue(app, issue_id: int, subscriber_ids: list[int]) -> None:
    with app.app_context(), app.test_request_context(base_url=app.config["FEEDBACK_BASE_URL"]):
        issue = db.session.get(NewsletterIssue, issue_id)
        with force_locale(app.config["BABEL_DEFAULT_LOCALE"]):
            for subscriber in db.session.scalars(select(Subscriber).where(Subscriber.id.in_(subscriber_ids))):
                try:
                    send(email_for(issue, subscriber))
                except MailError:
                    app.logger.exception("could not send the newsletter to a subscriber")


# --- rendering --------------------------------------------------------------------------------

@dataclass
class Rendered:
    subject: str
    html: str
    text: str


def words_of(issue: NewsletterIssue | None, stories: list[Story]) -> list[dict]:
    """The jargon buster's explanations for the terms an issue uses, each once."""
    notes = issue.notes if issue else []
    return explanations(issue.intro if issue else "", *(s.anonymised_text for s in stories),
                        *(n.you_said for n in notes), *(n.we_did for n in notes))


def render_email(issue: NewsletterIssue | None, month: str, unsubscribe_url: str = "") -> Rendered:
    """The email version: HTML with inline styles for mail clients, and a plain-text part."""
    first, _last = parse_month(month)
    context = {
        "issue": issue, "month": month, "month_start": first,
        "stories": (stories := stories_of(issue, month)), "notes": issue.notes if issue else [],
        "words": words_of(issue, stories),
        "intro": issue.intro if issue else "", "unsubscribe_url": unsubscribe_url,
        "archive_url": absolute("newsletter.archive"), "teller_labels": TELLER_LABELS,
    }
    subject = _("Good practice news: %(month)s", month=month_label(month))
    return Rendered(subject, render_template("newsletter/email.html", subject=subject, **context),
                    render_template("newsletter/email.txt", subject=subject, **context))


def absolute(endpoint: str, **values) -> str:
    return current_app.config["FEEDBACK_BASE_URL"].rstrip("/") + url_for(endpoint, **values)


def email_for(issue: NewsletterIssue, subscriber: Subscriber) -> Message:
    link = absolute("newsletter.unsubscribe", token=unsubscribe_token(subscriber))
    rendered = render_email(issue, issue.month, unsubscribe_url=link)
    return Message(
        to=subscriber.email, subject=rendered.subject, text=rendered.text, html=rendered.html,
        # RFC 8058: mail clients offer one-click unsubscribe, which POSTs to the link.
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


# --- the mailing list -------------------------------------------------------------------------

def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="newsletter-unsubscribe")


def unsubscribe_token(subscriber: Subscriber) -> str:
    return _signer().dumps(subscriber.id)


def subscriber_for(token: str) -> Subscriber | None:
    try:
        subscriber_id = _signer().loads(token)
    except BadSignature:
        return None
    return db.session.get(Subscriber, subscriber_id) if isinstance(subscriber_id, int) else None


def unsubscribe(subscriber: Subscriber) -> None:
    subscriber.active = False


def subscribers() -> list[Subscriber]:
    return list(db.session.scalars(select(Subscriber).order_by(Subscriber.email)))


def add_subscriber(email: str, actor) -> Subscriber:
    email = email.strip().lower()
    subscriber = db.session.scalar(select(Subscriber).where(Subscriber.email == email))
    if subscriber is None:
        subscriber = Subscriber(email=email, active=True)
        db.session.add(subscriber)
    subscriber.active = True
    db.session.flush()
    record("newsletter.subscribe", actor, subscriber)
    return subscriber
