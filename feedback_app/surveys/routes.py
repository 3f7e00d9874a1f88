"""Answering by link: /s/<token>. Works on a cheap phone with no JavaScript."""
from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, url_for

from .. import rate_limits
from ..extensions import db, limiter
from ..i18n import current_code
from .forms import form_for
from .services import answer_invitation, find_open_invitation, note_opened

bp = Blueprint("surveys", __name__, template_folder="templates", url_prefix="/s")


@bp.route("/<token>", methods=["GET", "POST"])
@limiter.limit(rate_limits.SURVEY_LINK)
def answer(token: str):
    invitation = find_open_invitation(token)
    if invitation is None:
        abort(404)
    survey = invitation.survey
    form, version = form_for(survey)
    if form.validate_on_submit():
        response = answer_invitation(
            invitation, version, form.answers(), locale=current_code(),
            consent_to_quote=form.consent_to_quote.data,
        )
        if response is None:
            db.session.rollback()
            abort(404)
        db.session.commit()
        return redirect(url_for("surveys.thanks"))
    if form.errors:
        return render_template("surveys/answer.html", form=form, version=version), 400
    note_opened(invitation)
    page = render_template("surveys/answer.html", form=form, version=version)
    db.session.commit()  # after rendering, so the page does not load the questions again
    return page


@bp.route("/thanks")
def thanks():
    return render_template("surveys/thanks.html")
