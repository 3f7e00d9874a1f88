"""Telling, reviewing and moderating stories. Services decide and flush; the caller commits."""
from __future__ import annotations

import re
from dataclasses import dataclass

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from .. import clock, signals
from ..after_commit import after_commit
from ..audit import record
from ..extensions import db
from ..mail import MailError, Message, send
from ..i18n import theme_name
from ..models import Story, Theme
from ..nlp import story_language
from ..nlp.anonymiser import anonymise, apply, odd_sentences, segments
from .codes import hash_code, new_code
from .crypto import decrypt, encrypt

# What the moderation queue shows, in this order; held stories are listed apart, never publishable.
QUEUE_STATUSES = ("submitted", "awaiting_teller", "approved")
# Until it is published a storyteller may take their story back.
WITHDRAWABLE = ("submitted", "awaiting_teller", "approved", "held")
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,60}\]")


class StoryError(ValueError):
    """An action that does not fit the story's state; the message is shown to the person."""


# --- telling ----------------------------------------------------------------------------------

def theme_choices() -> list[tuple[int, str]]:
    """Every theme by its name in the page's language, in that language's order."""
    named = [(t.id, theme_name(t)) for t in db.session.scalars(select(Theme))]
    return sorted(named, key=lambda choice: choice[1].casefold())


def submit_story(teller_role: str, sharing: str, text: str, team: str = "",
                 theme_ids: list[int] | None = None) -> tuple[Story, str]:
    """Anonymise, encrypt the original, store; returns the story and the storyteller's code."""
    if sharing == "team" and team not in current_app.config["FEEDBACK_TEAM_INBOXES"]:
        raise StoryError(_("Please choose the team your thanks are for."))
    result = anonymise(text)
    code = new_code()
    story = Story(
        teller_role=teller_role, sharing=sharing, status="submitted",
        original_ciphertext=encrypt(text), anonymised_text=result.text,
        replacements=[e.as_dict() for e in result.entities],
        team=team if sharing == "team" else "", submitted_on=clock.today(),
        review_code_hash=hash_code(code), hand_edited=False,
    )
    story.themes = _themes(theme_ids)
    db.session.add(story)
    db.session.flush()
    # Safeguarding reads the original once, and holds the story back if it may be a disclosure.
    signals.story_submitted.send(story, text=text)
    return story, code


def _themes(theme_ids) -> list[Theme]:
    if not theme_ids:
        return []
    return list(db.session.scalars(select(Theme).where(Theme.id.in_([int(i) for i in theme_ids]))))


def qr_data_uri(link: str) -> str:
    import segno

    return segno.make(link, error="m").svg_data_uri(scale=6, border=4)


# --- the storyteller --------------------------------------------------------------------------

def find_by_code(code: str) -> Story | None:
    if not code:
        return None
    return db.session.scalar(select(Story).where(Story.review_code_hash == hash_code(code)))


def teller_approves(story: Story) -> None:
    if story.status != "awaiting_teller":
        raise StoryError(_("This story is not waiting for you to check it."))
    _approve(story)


def withdraw(story: Story) -> None:
    if story.status not in WITHDRAWABLE:
        raise StoryError(_("This story can no longer be withdrawn."))
    story.status = "withdrawn"
    _erase_original(story)


# --- moderation -------------------------------------------------------------------------------

def moderation_queue() -> list[Story]:
    order = {status: i for i, status in enumerate(QUEUE_STATUSES)}
    stories = db.session.scalars(select(Story).where(Story.status.in_(QUEUE_STATUSES)).order_by(Story.id))
    return sorted(stories, key=lambda s: order[s.status])


def held_stories() -> list[Story]:
    return list(db.session.scalars(select(Story).where(Story.status == "held").order_by(Story.id)))


def original_of(story: Story) -> str | None:
    return decrypt(story.original_ciphertext)


@dataclass
class Segment:
    text: str
    mark: str | None = None  # the label or placeholder of a highlighted part


def original_segments(story: Story) -> list[Segment]:
    """The original, cut into plain and replaced parts, for highlighting."""
    original = original_of(story)
    if original is None:
        return []
    segments, position = [], 0
    for item in sorted(story.replacements, key=lambda r: r["start"]):
        if item["start"] < position:
            continue
        segments += [Segment(original[position:item["start"]]),
                     Segment(original[item["start"]:item["end"]], item["placeholder"])]
        position = item["end"]
    segments.append(Segment(original[position:]))
    return [s for s in segments if s.text]


def anonymised_segments(story: Story) -> list[Segment]:
    """The text as it would be shared, each replacement marked with what it stands in for. From
    the original and its replacements while both are there; otherwise (edited by hand, or the
    original erased) the text as it is, with the moderator's own [bracketed] placeholders marked."""
    original = original_of(story)
    if original is not None and not story.hand_edited:
        return [Segment(part, mark) for part, mark in segments(original, story.replacements) if part]
    text = story.anonymised_text
    parts, position = [], 0
    for match in _PLACEHOLDER.finditer(text):
        parts += [Segment(text[position:match.start()]), Segment(match.group(0), match.group(0))]
        position = match.end()
    parts.append(Segment(text[position:]))
    return [s for s in parts if s.text]


@dataclass
class LanguageCheck:
    code: str
    # Whether the automatic check reads this language well enough to say details were taken out.
    checked: bool


def language_check(story: Story) -> LanguageCheck:
    """Which language the story is in, from the original while it is kept (the shared text's
    placeholders are in the story's own language, so it tells the same afterwards)."""
    code = story_language.detect(original_of(story) or story.anonymised_text or "")
    return LanguageCheck(code, story_language.is_checked(code))


def sentences_to_reread(story: Story) -> list[str]:
    """Sentences that may read oddly after the automatic replacements (for the moderator)."""
    original = original_of(story)
    if original is None or story.hand_edited:
        return []
    return odd_sentences(original, story.replacements)


def _check_editable(story: Story) -> None:
    if story.status not in QUEUE_STATUSES:
        raise StoryError(_("Only stories in the queue can be changed."))


def _rebuild(story: Story) -> None:
    original = original_of(story)
    if original is not None and not story.hand_edited:
        story.anonymised_text = apply(original, story.replacements)


def undo_replacement(story: Story, index: int, actor) -> None:
    _check_editable(story)
    if story.hand_edited or story.original_ciphertext is None:
        raise StoryError(_("The text was edited by hand, so replacements can no longer be undone one by one. Edit the text instead."))
    if not 0 <= index < len(story.replacements):
        raise StoryError(_("That replacement is not there any more."))
    removed = story.replacements[index]
    story.replacements = story.replacements[:index] + story.replacements[index + 1:]
    _rebuild(story)
    record("story.undo_replacement", actor, story, {"label": removed["label"]})


def add_replacement(story: Story, phrase: str, placeholder: str, actor) -> int:
    """Replace every whole-word use of `phrase`; returns how many were replaced."""
    _check_editable(story)
    phrase = phrase.strip()
    # As the moderator typed it: it is read as part of the story, so no brackets are added.
    placeholder = placeholder.strip() or _("a detail left out")
    pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")
    count = 0
    original = original_of(story)
    if original is not None and not story.hand_edited:
        taken = [(r["start"], r["end"]) for r in story.replacements]
        added = []
        for match in pattern.finditer(original):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                added.append({"start": match.start(), "end": match.end(), "label": "MODERATOR",
                              "placeholder": placeholder})
        story.replacements = sorted(story.replacements + added, key=lambda r: r["start"])
        count = len(added)
        _rebuild(story)
    else:
        story.anonymised_text, count = pattern.subn(placeholder, story.anonymised_text)
    if not count:
        raise StoryError(_("That wording is not in the story."))
    record("story.add_replacement", actor, story, {"count": count})
    return count


def edit_text(story: Story, text: str, actor) -> None:
    _check_editable(story)
    if text != story.anonymised_text:
        story.anonymised_text = text
        story.hand_edited = True
        record("story.edit", actor, story)


def set_themes(story: Story, theme_ids, actor) -> None:
    story.themes = _themes(theme_ids)
    record("story.themes", actor, story, {"themes": sorted(t.slug for t in story.themes)})


def moderator_approves(story: Story, actor) -> None:
    if story.status not in ("submitted", "awaiting_teller"):
        raise StoryError(_("Only stories waiting in the queue can be approved."))
    previous = story.status
    _approve(story)
    record("story.approve", actor, story, {"from": previous, "sharing": story.sharing})


def send_to_teller(story: Story, actor) -> None:
    if story.status != "submitted":
        raise StoryError(_("Only new stories can be sent to the storyteller for a final look."))
    story.status = "awaiting_teller"
    record("story.send_to_teller", actor, story)


def reject(story: Story, reason: str, actor) -> None:
    if story.status not in QUEUE_STATUSES:
        raise StoryError(_("Only stories in the queue can be rejected."))
    story.status = "rejected"
    story.rejection_reason = reason.strip()
    _erase_original(story)
    record("story.reject", actor, story)


def _approve(story: Story) -> None:
    """Approved for its sharing choice. Thanks for a team go to that team's inbox at once (and
    count as published). A newsletter story keeps its original until its issue is published, so
    it can still be corrected; for staff learning, approval is the last look, so it goes now."""
    story.status = "approved"
    story.approved_on = clock.today()
    if story.sharing == "team":
        _send_thanks(story)
        story.status = "published"
    if story.sharing != "newsletter":
        _erase_original(story)


def _erase_original(story: Story) -> None:
    story.original_ciphertext = None


def _send_thanks(story: Story) -> None:
    inbox = current_app.config["FEEDBACK_TEAM_INBOXES"].get(story.team)
    if not inbox:
        raise StoryError(_("No inbox is set up for this team (FEEDBACK_TEAM_INBOXES)."))
    app = current_app._get_current_object()
    text = story.anonymised_text

    def deliver():
        with app.app_context(), force_locale(app.config["BABEL_DEFAULT_LOCALE"]):
            message = Message(
                to=inbox,
                subject=_("A family has thanked your team"),
                text=_("Someone you worked with wanted your team to hear this. It has been "
                       "anonymised and checked by a moderator.\n\n%(story)s", story=text),
            )
            try:
                send(message)
            except MailError:
                app.logger.exception("could not send a team's thanks")

    after_commit(db.session(), deliver)
