"""Safeguarding: free text that may disclose harm is held back, never quoted, and flagged at once
to the safeguarding lead, whatever the channel it came by."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from ..accounts.access import roles_required
from ..confirmation import ask_first, confirmed
from ..extensions import db
from ..models import SafeguardingFlag
from .forms import StepForm
from .services import count_by_status, flags_with_status, mark_reviewed, record_step, steps_for, text_of

bp = Blueprint("safeguarding", __name__, template_folder="templates", url_prefix="/admin/safeguarding")
SHOWN = {"open": "open", "closed": "reviewed"}


@bp.route("/")
@roles_required("safeguarding_lead")
def index():
    shown = request.args.get("show", "open")
    if shown not in SHOWN:
        shown = "open"
    return _render(shown)


def _render(shown: str, errors: dict[int, StepForm] | None = None, status: int = 200):
    flags = flags_with_status(SHOWN[shown])
    forms = {flag.id: StepForm(prefix=f"f{flag.id}", formdata=None) for flag in flags}
    forms.update(errors or {})
    return render_template("safeguarding/index.html", flags=flags, text_of=text_of, shown=shown,
                           counts=count_by_status(), steps=steps_for(flags), forms=forms), status


def _flag(flag_id: int) -> SafeguardingFlag:
    return db.session.get(SafeguardingFlag, flag_id) or abort(404)


def _open_flag(flag_id: int):
    """The flag a step or closing is posted to, its form, and, when it is closed already, where to
    go instead (the closed list, which says so)."""
    flag = _flag(flag_id)
    form = StepForm(prefix=f"f{flag.id}")
    if flag.status == "open":
        return flag, form, None
    flash(_("This concern is closed already."))
    return flag, form, redirect(url_for("safeguarding.index", show="closed"))


def _back(flag: SafeguardingFlag):
    return redirect(url_for("safeguarding.index") + f"#flag-{flag.id}")


@bp.route("/<int:flag_id>/steps", methods=["POST"])
@roles_required("safeguarding_lead")
def add_step(flag_id: int):
    flag, form, closed_already = _open_flag(flag_id)
    if closed_already:
        return closed_already
    if not form.validate_on_submit() or not (form.note.data or "").strip():
        if not form.note.errors:
            form.note.errors = [_("Write what was done before saving it.")]
        return _render("open", {flag.id: form}, 400)
    record_step(flag, form.note.data, current_user)
    db.session.commit()
    flash(_("Saved what was done."))
    return _back(flag)


@bp.route("/<int:flag_id>/reviewed", methods=["POST"])
@roles_required("safeguarding_lead")
def reviewed(flag_id: int):
    flag, form, closed_already = _open_flag(flag_id)
    if closed_already:
        return closed_already
    if not form.validate_on_submit():
        return _render("open", {flag.id: form}, 400)
    if not confirmed():
        day = format_date(flag.raised_on)
        return ask_first(
            question=_("Close the concern from %(day)s?", day=day),
            detail=_("It moves to the closed list and nobody is reminded of it again."),
            confirm=_("Yes, close it"), cancel_url=url_for("safeguarding.index") + f"#flag-{flag.id}")
    mark_reviewed(flag, current_user, form.note.data or "")
    db.session.commit()
    flash(_("Closed. It is in the closed list."))
    return redirect(url_for("safeguarding.index"))
