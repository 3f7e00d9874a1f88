"""Which survey a link or card asks: the council chooses per kind of meeting; the short debrief
otherwise, since a family answers a short survey and abandons a long one."""
from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import MEETING_KINDS, LinkSurveyChoice, Survey
from .shipped import SHORT_SLUG

# What an invitation form offers besides the surveys themselves: "whatever this kind of meeting uses".
USUAL = "usual"


def link_survey_for(meeting_kind: str) -> Survey:
    chosen = db.session.get(LinkSurveyChoice, meeting_kind)
    if chosen is not None:
        return chosen.survey
    return db.session.scalar(select(Survey).where(Survey.slug == SHORT_SLUG))


def chosen_slugs() -> dict[str, str]:
    """Every meeting kind and the slug of the survey its links ask."""
    chosen = {c.meeting_kind: c.survey.slug for c in db.session.scalars(select(LinkSurveyChoice))}
    return {kind: chosen.get(kind, SHORT_SLUG) for kind in MEETING_KINDS}


def choose(meeting_kind: str, survey: Survey) -> bool:
    """Make `survey` the one links ask after `meeting_kind`; True if that changed anything."""
    chosen = db.session.get(LinkSurveyChoice, meeting_kind)
    if chosen is None:
        if survey.slug == SHORT_SLUG:
            return False
        db.session.add(LinkSurveyChoice(meeting_kind=meeting_kind, survey=survey))
        return True
    if chosen.survey_id == survey.id:
        return False
    chosen.survey = survey
    return True
