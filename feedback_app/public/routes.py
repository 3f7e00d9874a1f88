from __future__ import annotations

from flask import Blueprint, render_template
from ..i18n import translated

from ..glossary.terms import TERMS

bp = Blueprint("public", __name__, template_folder="templates")


@bp.route("/")
def index():
    return render_template("public/index.html")


@bp.route("/glossary")
def glossary():
    terms = sorted(TERMS, key=lambda t: translated(t["term"]).casefold())
    return render_template("public/glossary.html", terms=terms)


@bp.route("/privacy")
def privacy():
    return render_template("public/privacy.html")
