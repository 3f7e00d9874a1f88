from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from .. import rate_limits
from ..extensions import db, limiter
from .forms import LoginForm
from .services import authenticate

bp = Blueprint("accounts", __name__, template_folder="templates")


def _safe_next(target: str | None) -> str:
    """Only follow a `next` that stays on this site."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("admin.index")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(rate_limits.LOGIN, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("admin.index"))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        db.session.commit()  # keeps the failed-login count too
        if user:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        error = _("That email address and password do not match an account. After several wrong tries an account is paused for %(minutes)d minutes.", minutes=current_app.config["FEEDBACK_LOCKOUT_MINUTES"])
    status = 200 if error is None and not form.errors else 400
    return render_template("accounts/login.html", form=form, error=error), status


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    flash(_("You have logged out."))
    return redirect(url_for("public.index"))
