"""/admin/insights: the facilitator's summary, its CSV, and the themes behind it."""
from __future__ import annotations

from flask import Blueprint, Response as HTTPResponse, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..accounts.access import roles_required
from ..extensions import db
from ..i18n import theme_name
from ..models import Response, Theme
from . import analysis, charts, export, summary
from .forms import FilterForm, KeywordsForm, TagForm, names_from, theme_names_form
from .services import (PAGE_SIZE, all_themes, count_comments, recent_comments, set_keywords, set_names,
                       set_response_themes)

# No url_prefix: the blueprint's stylesheet lives outside /admin, where every page needs a role.
bp = Blueprint("insights", __name__, template_folder="templates", static_folder="static",
               static_url_path="/static/insights")
PREFIX = "/admin/insights"


def _filters() -> tuple[FilterForm, summary.Filters]:
    form = FilterForm(request.args)
    form.fill_choices(all_themes())
    if not form.validate():
        return form, summary.Filters()
    return form, summary.Filters(
        theme=form.theme.data or None, since=form.since.data, until=form.until.data,
        meeting_kind=form.meeting_kind.data or None, channel=form.channel.data or None,
    )


def _catch_up() -> None:
    """Analyse what arrived since the analysis step last ran (usually nothing, or a few), so
    the page shows every answer."""
    analysis.analyse_waiting()


@bp.route(PREFIX + "/")
@roles_required("facilitator")
def index():
    form, filters = _filters()
    _catch_up()
    figures = summary.build(filters)
    return render_template("insights/index.html", form=form, summary=figures, charts=charts,
                           themes={t.slug: theme_name(t) for t in all_themes()})


@bp.route(PREFIX + "/figures.csv")
@roles_required("facilitator")
def figures_csv():
    _form, filters = _filters()
    _catch_up()
    body = export.to_csv(summary.build(filters))
    return HTTPResponse(body, mimetype="text/csv", headers={
        "Content-Disposition": "attachment; filename=insights.csv"})


@bp.route(PREFIX + "/themes", methods=["GET"])
@roles_required("facilitator")
def themes():
    themes = all_themes()
    forms = {t.id: KeywordsForm(prefix=f"t{t.id}", keywords="\n".join(t.keywords or [])) for t in themes}
    name_forms = {t.id: theme_names_form(t) for t in themes}
    return render_template("insights/themes.html", themes=themes, forms=forms, name_forms=name_forms)


@bp.route(PREFIX + "/themes/<int:theme_id>", methods=["POST"])
@roles_required()  # admins only: the words steer every suggestion
def edit_theme(theme_id: int):
    theme = db.session.get(Theme, theme_id) or abort(404)
    form = KeywordsForm(prefix=f"t{theme.id}")
    if form.validate_on_submit():
        set_keywords(theme, form.keywords.data, current_user)
        db.session.commit()
        flash(_("Saved the words for %(theme)s.", theme=theme_name(theme)))
    else:
        flash(_("Those words could not be saved. Please try again."))
    return redirect(url_for("insights.themes"))


@bp.route(PREFIX + "/themes/<int:theme_id>/names", methods=["POST"])
@roles_required()  # admins only, as for the words
def edit_theme_names(theme_id: int):
    theme = db.session.get(Theme, theme_id) or abort(404)
    form = theme_names_form(theme, request.form)
    if form.validate_on_submit():
        set_names(theme, names_from(form), current_user)
        db.session.commit()
        flash(_("Saved the names of %(theme)s.", theme=theme_name(theme)))
    else:
        flash(_("Those names could not be saved: the English name is needed, and each name can be up to 120 characters."))
    return redirect(url_for("insights.themes") + f"#theme-{theme.id}")


def _tagging_place() -> dict:
    """Where the tagging page is: its page and theme filter, carried across pages and saves."""
    place = {}
    if request.values.get("theme"):
        place["theme"] = request.values["theme"]
    page = request.values.get("page", type=int) or 1
    if page > 1:
        place["page"] = page
    return place


@bp.route(PREFIX + "/tagging")
@roles_required("facilitator")
def tagging():
    _catch_up()  # so the suggested themes are there
    theme_list = all_themes()
    place = _tagging_place()
    theme = place.get("theme")
    pages = max(1, -(-count_comments(theme) // PAGE_SIZE))
    page = min(place.get("page", 1), pages)
    comments = recent_comments(theme, offset=(page - 1) * PAGE_SIZE)
    forms = {}
    for comment in comments:
        form = TagForm(prefix=f"r{comment['id']}", themes=list(comment["themes"]))
        form.themes.choices = [(t.id, theme_name(t)) for t in theme_list]
        forms[comment["id"]] = form
    return render_template("insights/tagging.html", comments=comments, forms=forms, themes=theme_list,
                           page=page, pages=pages, theme=theme,
                           saved=request.args.get("saved", type=int))


@bp.route(PREFIX + "/tagging/<int:response_id>", methods=["POST"])
@roles_required("facilitator")
def tag(response_id: int):
    response = db.session.get(Response, response_id) or abort(404)
    form = TagForm(prefix=f"r{response.id}")
    form.themes.choices = [(t.id, theme_name(t)) for t in all_themes()]
    place = _tagging_place()
    if form.validate_on_submit():
        set_response_themes(response, form.themes.data or [], current_user)
        db.session.commit()
        place["saved"] = response.id
    else:
        flash(_("Those themes could not be saved. Please try again."))
    # Back to the same page, at the comment just saved, which says so.
    return redirect(url_for("insights.tagging", **place) + f"#comment-{response.id}")
