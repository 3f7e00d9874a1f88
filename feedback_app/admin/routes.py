"""Staff pages. Every view here declares who may open it (roles_required or any_staff)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from .. import dates
from ..accounts.access import any_staff, roles_required
from ..audit import record
from ..extensions import db
from ..i18n import current_code
from ..kiosk_api.services import store_all_waiting
from ..labels import ROLE_LABELS
from ..models import MEETING_KINDS, Response, Survey, SurveyVersion
from ..surveys.forms import form_for
from ..surveys.services import record_response
from ..surveys import choice
from .menu import links_for, staff_menu
from .forms import SupportedEntryForm, build_survey_edit_form, link_surveys_form
from .services import edit_survey

bp = Blueprint("admin", __name__, template_folder="templates", url_prefix="/admin")


@bp.context_processor
def labels():
    return {"role_labels": ROLE_LABELS}


@bp.app_context_processor
def menu():
    return {"staff_menu": staff_menu}


# One date format on every page (dates.py).
for helper in (dates.day, dates.moment, dates.duration):
    bp.add_app_template_global(helper)


@bp.route("/")
@any_staff
def index():
    links = links_for(current_user.role)
    return render_template("admin/index.html", links=links)


@bp.route("/surveys", methods=["GET", "POST"])
@roles_required()
def surveys():
    all_surveys = db.session.scalars(select(Survey).order_by(Survey.name)).all()
    link_form = link_surveys_form(all_surveys, choice.chosen_slugs())
    if link_form.validate_on_submit():
        by_slug = {s.slug: s for s in all_surveys}
        changed = {kind: link_form[f"kind_{kind}"].data for kind in MEETING_KINDS
                   if choice.choose(kind, by_slug[link_form[f"kind_{kind}"].data])}
        if changed:
            record("survey.link_survey_chosen", current_user, None, changed)
        db.session.commit()
        flash(_("Saved: links and cards will ask the survey chosen for their kind of meeting."))
        return redirect(url_for("admin.surveys"))
    store_all_waiting()
    rows = db.session.execute(
        select(Survey, func.count(Response.id))
        .outerjoin(SurveyVersion, SurveyVersion.survey_id == Survey.id)
        .outerjoin(Response, Response.survey_version_id == SurveyVersion.id)
        .group_by(Survey.id)
        .order_by(Survey.name)
    ).all()
    return render_template("admin/surveys.html", rows=rows, link_form=link_form), \
        400 if link_form.errors else 200


@bp.route("/surveys/<int:survey_id>/edit", methods=["GET", "POST"])
@roles_required()
def edit_survey_page(survey_id: int):
    survey = db.session.get(Survey, survey_id) or abort(404)
    form = build_survey_edit_form(survey.current)
    if form.validate_on_submit():
        version = edit_survey(survey, form, current_user)
        db.session.commit()
        if version is None:
            flash(_("Nothing was changed, so no new version was made."))
        else:
            flash(_("Saved as version %(number)d.", number=version.number))
        return redirect(url_for("admin.surveys"))
    return render_template("admin/survey_edit.html", survey=survey, form=form), 400 if form.errors else 200


@bp.route("/responses/new", methods=["GET", "POST"])
@roles_required("advocate")
def supported_entry():
    """An advocate enters a parent's answers with them; the response is marked as supported."""
    survey = db.session.scalar(select(Survey).where(Survey.slug == "debrief")) or abort(404)
    form, version = form_for(survey, base=SupportedEntryForm)
    if form.validate_on_submit():
        record_response(
            version, form.answers(), channel="advocate", locale=current_code(),
            meeting_kind=form.meeting_kind.data, consent_to_quote=form.consent_to_quote.data,
            supported_by_advocate=True,
        )
        # The log says an advocate entered a response, not which one: that would tie it to them.
        record("response.supported_entry", current_user, None, {"survey": survey.slug})
        db.session.commit()
        flash(_("The answers have been saved, marked as given with an advocate's support."))
        return redirect(url_for("admin.supported_entry"))
    return render_template("admin/supported_entry.html", form=form, version=version), 400 if form.errors else 200
