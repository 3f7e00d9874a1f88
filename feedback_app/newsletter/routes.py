"""Staff: /admin/newsletter (moderators and admins). Public: /newsletter (the archive) and the
one-click unsubscribe page."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..accounts.access import roles_required
from ..confirmation import ask_first, confirmed
from ..extensions import csrf, db
from ..stories.forms import TELLER_LABELS
from . import services
from .forms import IntroForm, NoteForm, OpenIssueForm, SubscriberForm

bp = Blueprint("newsletter", __name__, template_folder="templates")


@bp.context_processor
def labels():
    return {"teller_labels": TELLER_LABELS}


bp.add_app_template_global(services.month_label, "month_label")
bp.add_app_template_global(services.words_of, "words_of")


# --- staff ------------------------------------------------------------------------------------

@bp.route("/admin/newsletter", methods=["GET", "POST"])
@roles_required("moderator")
def issues():
    form = OpenIssueForm(data={"month": services.current_month()} if request.method == "GET" else None)
    if form.validate_on_submit():
        issue = services.open_issue(form.month.data, current_user)
        db.session.commit()
        return redirect(url_for("newsletter.issue", month=issue.month))
    return render_template("newsletter/issues.html", issues=services.issues(), form=form,
                           subscribers=services.subscribers(), subscriber_form=SubscriberForm())


@bp.route("/admin/newsletter/subscribers", methods=["POST"])
@roles_required("moderator")
def add_subscriber():
    form = SubscriberForm()
    if form.validate_on_submit():
        services.add_subscriber(form.email.data, current_user)
        db.session.commit()
        flash(_("Added to the mailing list."))
    else:
        flash(_("Please give an email address."))
    return redirect(url_for("newsletter.issues"))


def _issue(month: str):
    return services.find_issue(month) or abort(404)


@bp.route("/admin/newsletter/<month>")
@roles_required("moderator")
def issue(month: str):
    issue = _issue(month)
    return render_template(
        "newsletter/issue_admin.html", issue=issue, stories=services.stories_of(issue, month),
        intro_form=IntroForm(data={"intro": issue.intro}), note_form=NoteForm(),
    )


def _act(month: str, action, done: str):
    issue = _issue(month)
    try:
        action(issue)
    except services.NewsletterError as exc:
        db.session.rollback()
        flash(str(exc))
    else:
        db.session.commit()
        flash(done)
    return redirect(url_for("newsletter.issue", month=month))


@bp.route("/admin/newsletter/<month>/intro", methods=["POST"])
@roles_required("moderator")
def intro(month: str):
    form = IntroForm()
    if not form.validate_on_submit():
        abort(400)
    return _act(month, lambda i: services.set_intro(i, form.intro.data or "", current_user), _("Saved."))


@bp.route("/admin/newsletter/<month>/notes", methods=["POST"])
@roles_required("moderator")
def add_note(month: str):
    form = NoteForm()
    if not form.validate_on_submit():
        flash(_("Please fill in both “You said” and “We did”."))
        return redirect(url_for("newsletter.issue", month=month))
    return _act(month, lambda i: services.add_note(i, form.you_said.data, form.we_did.data, current_user),
                _("Note added."))


@bp.route("/admin/newsletter/<month>/notes/<int:note_id>/remove", methods=["POST"])
@roles_required("moderator")
def remove_note(month: str, note_id: int):
    if not confirmed():
        issue = _issue(month)
        number = next((n for n, note in enumerate(issue.notes, 1) if note.id == note_id), None)
        if number is not None and issue.status == "draft":
            return ask_first(
                question=_("Remove note %(number)d from the %(month)s issue?", number=number,
                           month=services.month_label(month)),
                detail=_("Its “You said” and “We did” are deleted."),
                confirm=_("Yes, remove note %(number)d", number=number),
                cancel_url=url_for("newsletter.issue", month=month))
    return _act(month, lambda i: services.remove_note(i, note_id, current_user), _("Note removed."))


@bp.route("/admin/newsletter/<month>/preview")
@roles_required("moderator")
def preview(month: str):
    issue = _issue(month)
    return render_template("newsletter/issue.html", issue=issue, month=month,
                           stories=services.stories_of(issue, month), preview=True)


@bp.route("/admin/newsletter/<month>/publish", methods=["POST"])
@roles_required("moderator")
def publish(month: str):
    issue = _issue(month)
    if not confirmed() and issue.status == "draft":
        count = sum(1 for s in services.subscribers() if s.active)
        return ask_first(
            question=_("Publish the %(month)s issue and send it?", month=services.month_label(month)),
            detail=ngettext(
                "It goes into the public archive, is emailed to %(num)d person on the mailing list, "
                "and the originals of its stories are erased.",
                "It goes into the public archive, is emailed to %(num)d people on the mailing list, "
                "and the originals of its stories are erased.", count),
            confirm=_("Yes, publish and send"),
            cancel_url=url_for("newsletter.issue", month=month))
    return _act(month, lambda i: services.publish(i, current_user),
                _("Published to the archive and sent to the mailing list."))


# --- public -----------------------------------------------------------------------------------

@bp.route("/newsletter")
def archive():
    return render_template("newsletter/archive.html", issues=services.published_issues())


@bp.route("/newsletter/<month>")
def public_issue(month: str):
    issue = services.find_issue(month)
    if issue is None or issue.status != "published":
        abort(404)
    return render_template("newsletter/issue.html", issue=issue, month=month,
                           stories=services.stories_of(issue, month), preview=False)


# One-click unsubscribe (RFC 8058): mail clients POST without a CSRF token; the signed token in
# the link is what proves the request.
@bp.route("/newsletter/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt
def unsubscribe(token: str):
    subscriber = services.subscriber_for(token)
    if subscriber is None:
        abort(404)
    if request.method == "POST":
        services.unsubscribe(subscriber)
        db.session.commit()
        return render_template("newsletter/unsubscribed.html")
    return render_template("newsletter/unsubscribe.html", token=token)
