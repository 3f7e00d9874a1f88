from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..accounts.access import roles_required
from ..extensions import db
from ..models import SafeguardingFlag
from .services import mark_reviewed, open_flags, text_of

bp = Blueprint("safeguarding", __name__, template_folder="templates", url_prefix="/admin/safeguarding")


@bp.route("/")
@roles_required("safeguarding_lead")
def index():
    return render_template("safeguarding/index.html", flags=open_flags(), text_of=text_of)


@bp.route("/<int:flag_id>/reviewed", methods=["POST"])
@roles_required("safeguarding_lead")
def reviewed(flag_id: int):
    flag = db.session.get(SafeguardingFlag, flag_id) or abort(404)
    mark_reviewed(flag, current_user)
    db.session.commit()
    flash(_("Marked as dealt with."))
    return redirect(url_for("safeguarding.index"))
