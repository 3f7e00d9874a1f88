"""Public: /stories/new, /stories/sent, /stories/yours. Staff: /admin/stories (moderators)."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from ..accounts.access import roles_required
from ..confirmation import ask_first, confirmed
from .. import rate_limits
from ..extensions import db, limiter
from ..models import Story
from . import services
from .forms import (STATUS_LABELS, TELLER_LABELS, SHARING_LABELS, AddReplacementForm, CodeForm,
                    EditTextForm, RejectForm, StoryForm, TellerActionForm, ThemesForm)

bp = Blueprint("stories", __name__, template_folder="templates")
_CODE_KEY = "story_code"


@bp.context_processor
def labels():
    return {"status_labels": STATUS_LABELS, "teller_labels": TELLER_LABELS,
            "sharing_labels": SHARING_LABELS}


# --- telling ----------------------------------------------------------------------------------

@bp.route("/stories/new", methods=["GET", "POST"])
@limiter.limit(rate_limits.STORY, methods=["POST"])
def new():
    form = StoryForm(services.theme_choices(), list(current_app.config["FEEDBACK_TEAM_INBOXES"]))
    if form.validate_on_submit():
        try:
            _story, code = services.submit_story(
                form.teller_role.data, form.sharing.data, form.text.data, form.team.data or "",
                form.themes.data,
            )
        except services.StoryError as exc:
            db.session.rollback()
            return render_template("stories/new.html", form=form, problem=str(exc)), 400
        db.session.commit()
        # Shown once, on the next page; never in a URL we redirect to, never logged.
        session[_CODE_KEY] = code
        return redirect(url_for("stories.sent"))
    return render_template("stories/new.html", form=form), 400 if form.errors else 200


@bp.route("/stories/sent")
def sent():
    code = session.pop(_CODE_KEY, None)
    if code is None:
        return redirect(url_for("stories.yours"))
    return render_template("stories/sent.html", code=code)


# --- the storyteller's private page -----------------------------------------------------------

@bp.route("/stories/yours", methods=["GET", "POST"])
@limiter.limit(rate_limits.SHORT_CODE, methods=["POST"])
def yours():
    form = CodeForm()
    if form.validate_on_submit():
        if services.find_by_code(form.code.data):
            return redirect(url_for("stories.review", code=form.code.data.strip().upper()))
        return render_template("stories/yours.html", form=form,
                               problem=_("We could not find a story with that code. Please check it and try again.")), 404
    return render_template("stories/yours.html", form=form), 400 if form.errors else 200


@bp.route("/stories/yours/<code>", methods=["GET", "POST"])
@limiter.limit(rate_limits.SURVEY_LINK)
def review(code: str):
    story = services.find_by_code(code) or abort(404)
    form = TellerActionForm()
    if form.validate_on_submit():
        try:
            if form.withdraw.data:
                services.withdraw(story)
                message = _("Your story has been withdrawn. It will not be published.")
            else:
                services.teller_approves(story)
                message = _("Thank you. Your story is approved as you see it here.")
        except services.StoryError as exc:
            db.session.rollback()
            flash(str(exc))
        else:
            db.session.commit()
            flash(message)
        return redirect(url_for("stories.review", code=code))
    return render_template("stories/review.html", story=story, form=form,
                           can_withdraw=story.status in services.WITHDRAWABLE,
                           language=services.language_check(story))


@bp.route("/admin/stories/card")
@roles_required("moderator", "advocate")
def card():
    """A card to print and hand out: a QR code of the story form, and its address to type."""
    link = current_app.config["FEEDBACK_BASE_URL"].rstrip("/") + url_for("stories.new")
    return render_template("stories/card.html", link=link, qr=services.qr_data_uri(link))


# --- moderation -------------------------------------------------------------------------------

@bp.route("/admin/stories")
@roles_required("moderator")
def queue():
    return render_template("stories/queue.html", stories=services.moderation_queue(),
                           held=services.held_stories())


def _story(story_id: int) -> Story:
    story = db.session.get(Story, story_id)
    if story is None or story.status == "held":  # held stories are the safeguarding lead's
        abort(404)
    return story


@bp.route("/admin/stories/<int:story_id>")
@roles_required("moderator")
def moderate(story_id: int):
    story = _story(story_id)
    themes = ThemesForm(data={"themes": [t.id for t in story.themes]})
    themes.themes.choices = [SelectChoice(v, label) for v, label in services.theme_choices()]
    return render_template(
        "stories/moderate.html", story=story,
        original=services.original_segments(story), original_text=services.original_of(story) or "",
        anonymised=services.anonymised_segments(story), language=services.language_check(story),
        reread=services.sentences_to_reread(story),
        add_form=AddReplacementForm(), edit_form=EditTextForm(data={"text": story.anonymised_text}),
        themes_form=themes, reject_form=RejectForm(),
        editable=story.status in services.QUEUE_STATUSES,
    )


def _act(story_id: int, action, done: str):
    """Run one moderation action, commit once, and go back to the story (or the queue)."""
    story = _story(story_id)
    try:
        action(story)
    except services.StoryError as exc:
        db.session.rollback()
        flash(str(exc))
        return redirect(url_for("stories.moderate", story_id=story_id))
    db.session.commit()
    flash(done)
    if story.status in services.QUEUE_STATUSES and story.status != "approved":
        return redirect(url_for("stories.moderate", story_id=story_id))
    return redirect(url_for("stories.queue"))


@bp.route("/admin/stories/<int:story_id>/undo/<int:index>", methods=["POST"])
@roles_required("moderator")
def undo(story_id: int, index: int):
    return _act(story_id, lambda s: services.undo_replacement(s, index, current_user),
                _("The replacement was undone."))


@bp.route("/admin/stories/<int:story_id>/replace", methods=["POST"])
@roles_required("moderator")
def replace(story_id: int):
    form = AddReplacementForm()
    if not form.validate_on_submit():
        flash(_("Please say which words to take out."))
        return redirect(url_for("stories.moderate", story_id=story_id))
    return _act(story_id, lambda s: services.add_replacement(s, form.phrase.data, form.placeholder.data, current_user),
                _("Replaced."))


@bp.route("/admin/stories/<int:story_id>/edit", methods=["POST"])
@roles_required("moderator")
def edit(story_id: int):
    form = EditTextForm()
    if not form.validate_on_submit():
        flash(_("The text cannot be empty."))
        return redirect(url_for("stories.moderate", story_id=story_id))
    return _act(story_id, lambda s: services.edit_text(s, form.text.data, current_user), _("Saved."))


@bp.route("/admin/stories/<int:story_id>/themes", methods=["POST"])
@roles_required("moderator")
def themes(story_id: int):
    form = ThemesForm()
    form.themes.choices = [SelectChoice(v, label) for v, label in services.theme_choices()]
    form.validate_on_submit()
    return _act(story_id, lambda s: services.set_themes(s, form.themes.data or [], current_user),
                _("Themes saved."))


@bp.route("/admin/stories/<int:story_id>/approve", methods=["POST"])
@roles_required("moderator")
def approve(story_id: int):
    return _act(story_id, lambda s: services.moderator_approves(s, current_user), _("Approved."))


@bp.route("/admin/stories/<int:story_id>/send-to-teller", methods=["POST"])
@roles_required("moderator")
def send_to_teller(story_id: int):
    return _act(story_id, lambda s: services.send_to_teller(s, current_user),
                _("Sent to the storyteller for a final look."))


@bp.route("/admin/stories/<int:story_id>/reject", methods=["POST"])
@roles_required("moderator")
def reject(story_id: int):
    form = RejectForm()
    if not form.validate_on_submit():
        flash(_("Please give a reason."))
        return redirect(url_for("stories.moderate", story_id=story_id))
    if not confirmed() and _story(story_id).status in services.QUEUE_STATUSES:
        return ask_first(
            question=_("Reject story %(number)d?", number=story_id),
            detail=_("It will never be published, and the storyteller's original words are erased."),
            confirm=_("Yes, reject story %(number)d", number=story_id),
            cancel_url=url_for("stories.moderate", story_id=story_id))
    return _act(story_id, lambda s: services.reject(s, form.reason.data, current_user), _("Rejected."))


@bp.app_template_filter("language_name")
def language_name(code: str) -> str:
    """A language's name in the language of the page ("Arabic", "arabe", "عربي")."""
    from babel import Locale
    from flask_babel import get_locale

    return Locale.parse(code).get_display_name(get_locale()) or code


@bp.app_template_global()
def story_paragraphs(text: str) -> list[str]:
    """A story's paragraphs, for <p> each (the text itself is escaped by the template)."""
    return [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
