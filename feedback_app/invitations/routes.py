"""Staff pages for invitations (/admin/invitations), and /s/ where a family types a card's code."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import force_locale, format_datetime
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select
from wtforms import SelectChoice

from ..accounts.access import roles_required
from ..audit import record
from ..config import RTL_LANGUAGES
from .. import rate_limits
from ..extensions import db, limiter
from ..i18n import language_query
from ..labels import MEETING_KIND_LABELS
from ..models import Survey
from ..surveys.choice import USUAL, link_survey_for
from . import stats
from .forms import CardCodeForm, ImportForm, InvitationForm
from .importing import COLUMNS, import_csv
from .services import find_card, make_card, meeting_for, schedule_message

bp = Blueprint("invitations", __name__, template_folder="templates", url_prefix="/admin/invitations")
codes_bp = Blueprint("card_codes", __name__, template_folder="templates", url_prefix="/s")


@bp.context_processor
def labels():
    return {"meeting_kind_labels": MEETING_KIND_LABELS}


def _survey_choices(form) -> None:
    form.survey.choices = [SelectChoice(USUAL, _("The one chosen for the kind of meeting"))] + [
        SelectChoice(s.slug, s.name) for s in db.session.scalars(select(Survey).order_by(Survey.name))]
    if not form.survey.data:
        form.survey.data = USUAL


def _survey(slug: str) -> Survey | None:
    """The survey picked on the form, or None for the one chosen per kind of meeting."""
    if slug == USUAL:
        return None
    return db.session.scalar(select(Survey).where(Survey.slug == slug)) or abort(400)


def _card_sheet(cards) -> Markup:
    """Each card in its family's language, whatever language the staff page speaks."""
    parts = []
    for card in cards:
        locale = card.invitation.locale
        with force_locale(locale):
            parts.append(render_template(
                "invitations/_card.html", card=card, lang=locale.replace("_", "-"),
                dir="rtl" if locale.split("_")[0] in RTL_LANGUAGES else "ltr"))
    return Markup("".join(parts))


@bp.route("/")
@roles_required()
def index():
    months, meetings = stats.invitation_counts()
    return render_template("invitations/index.html", months=months, meetings=meetings,
                           statuses=stats.STATUSES, failures=stats.failures())


@bp.route("/new", methods=["GET", "POST"])
@roles_required()
def new():
    form = InvitationForm()
    _survey_choices(form)
    if form.validate_on_submit():
        meeting = meeting_for(form.meeting_date.data, form.meeting_kind.data)
        survey = _survey(form.survey.data) or link_survey_for(meeting.kind)
        if form.channel.data == "card":
            cards = [make_card(meeting, survey, form.locale.data) for _n in range(form.copies.data or 1)]
            record("invitation.cards_printed", current_user, meeting, {"count": len(cards)})
            db.session.commit()
            return render_template("invitations/cards.html", sheet=_card_sheet(cards), count=len(cards))
        invitation = schedule_message(meeting, survey, form.channel.data, form.contact.data,
                                      form.locale.data, form.delay_days.data)
        record("invitation.created", current_user, invitation, {"channel": invitation.channel})
        db.session.commit()
        flash(_("The invitation will be sent from %(when)s.", when=format_datetime(invitation.next_send_at, "short")))
        return redirect(url_for("invitations.index"))
    return render_template("invitations/new.html", form=form), 400 if form.errors else 200


@bp.route("/import", methods=["GET", "POST"])
@roles_required()
def import_page():
    form = ImportForm()
    _survey_choices(form)
    if form.validate_on_submit():
        text = form.file.data.read().decode("utf-8", errors="replace")
        result = import_csv(text, _survey(form.survey.data))
        record("invitation.imported", current_user, None,
               {"created": result.created, "rejected": len(result.errors), "cards": len(result.cards)})
        db.session.commit()
        return render_template("invitations/import.html", form=form, result=result, columns=COLUMNS,
                               sheet=_card_sheet(result.cards) if result.cards else None)
    return render_template("invitations/import.html", form=form, result=None, columns=COLUMNS), \
        400 if form.errors else 200


@codes_bp.route("/", methods=["GET", "POST"])
@limiter.limit(rate_limits.SHORT_CODE, methods=["POST"])
def enter_code():
    form = CardCodeForm()
    if form.validate_on_submit():
        card = find_card(form.code.data)
        if card:
            token, locale = card
            return redirect(url_for("surveys.answer", token=token) + language_query(locale))
        form.code.errors.append(_("We could not find that code. Check it and try again: it may "
                                  "have been used already, or run out."))
    return render_template("invitations/code.html", form=form), 400 if form.errors else 200
