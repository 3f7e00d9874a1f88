"""Answering by link: /s/<token>. Works on a cheap phone with no JavaScript.

Every family who is sent a link opens this page and sends it once, so each costs a single
statement or three: opening notes the time and finds the survey's current version in one UPDATE;
sending marks the link used and finds its meeting's kind in another, then stores the answers.
The questions come from the version's shape, read once per process (shapes), and the page's
fieldsets are rendered once per version and language (forms.pristine_body).
"""
from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for

from .. import rate_limits
from ..extensions import db, limiter
from ..i18n import current_code
from . import shapes
from .forms import build_survey_form, pristine_body
from .services import current_version_id, open_invitation, record_response, use_invitation

bp = Blueprint("surveys", __name__, template_folder="templates", url_prefix="/s")


@bp.route("/<token>", methods=["GET", "POST"])
@limiter.limit(rate_limits.SURVEY_LINK)
def answer(token: str):
    if request.method == "POST":
        return _send(token)
    version = shapes.shape(open_invitation(token) or 0)
    if version is None:
        abort(404)
    return render_template("surveys/answer.html", form=None, version=version, body=pristine_body(version))


def _send(token: str):
    version = _posted_version() or shapes.shape(current_version_id(token) or 0)
    if version is None:
        abort(404)
    form = build_survey_form(version)
    if form.validate_on_submit():
        used = use_invitation(token, version.survey_id)
        if used is None:
            db.session.rollback()
            abort(404)
        channel, meeting_kind = used
        record_response(
            version, form.answers(), channel="card" if channel == "card" else "link",
            locale=current_code(), meeting_kind=meeting_kind, consent_to_quote=form.consent_to_quote.data,
        )
        db.session.commit()
        return redirect(url_for("surveys.thanks"))
    if current_version_id(token) is None:
        abort(404)  # an unusable link answers alike, whatever was sent to it
    return render_template("surveys/answer.html", form=form, version=version), 400


def _posted_version() -> shapes.VersionShape | None:
    """The version the page was rendered with, so an edit in between changes nothing. It must be
    of the link's survey: use_invitation checks that."""
    posted = request.form.get("version_id", "")
    return shapes.shape(int(posted)) if posted.isdigit() and len(posted) < 10 else None


@bp.route("/thanks")
def thanks():
    return render_template("surveys/thanks.html")
