"""feedback_app: feedback, debriefs and good-practice stories for families in children's social care."""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import config as settings
from .extensions import babel, csrf, db, enforce_sqlite_foreign_keys, limiter, login_manager, migrate

MIGRATIONS_DIR = str(Path(__file__).resolve().parent.parent / "migrations")


def create_app(config: dict | None = None) -> Flask:
    """Build the app: settings, extensions, blueprints and commands. Nothing else happens here."""
    app = Flask(__name__, instance_path=os.environ.get("FEEDBACK_INSTANCE_PATH") or None)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(settings.load(app.instance_path))
    if config:
        app.config.from_mapping(config)
    if app.config["FEEDBACK_PROXY_COUNT"]:
        # Behind a proxy: take the client address and scheme from its X-Forwarded headers.
        n = app.config["FEEDBACK_PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)

    from . import after_commit, i18n, security
    from .nlp import jargon
    from .accounts import login_user_loader

    db.init_app(app)
    enforce_sqlite_foreign_keys()
    migrate.init_app(app, db, directory=MIGRATIONS_DIR, render_as_batch=True)
    babel.init_app(app, locale_selector=i18n.select_locale)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.user_loader(login_user_loader)
    login_manager.login_view = "accounts.login"

    from .accounts.routes import bp as accounts_bp
    from .admin.routes import bp as admin_bp
    from .errors import register_error_pages
    from .invitations.routes import bp as invitations_bp, codes_bp as card_codes_bp
    from .public.routes import bp as public_bp
    from .safeguarding.routes import bp as safeguarding_bp
    from .safeguarding.services import connect_signals
    from .surveys.routes import bp as surveys_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(surveys_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(invitations_bp)
    app.register_blueprint(card_codes_bp)
    from .kiosk_api import admin as kiosk_admin, routes as kiosk_routes

    app.register_blueprint(kiosk_routes.shell)
    app.register_blueprint(kiosk_routes.api)
    app.register_blueprint(kiosk_admin.bp)
    app.register_blueprint(safeguarding_bp)
    connect_signals()
    from .insights import routes as insights_routes, scoring as insights_scoring

    app.register_blueprint(insights_routes.bp)
    from .newsletter.routes import bp as newsletter_bp
    from .stories.routes import bp as stories_bp

    app.register_blueprint(stories_bp)
    app.register_blueprint(newsletter_bp)
    insights_scoring.connect_signals()
    after_commit.register()
    register_error_pages(app)
    i18n.init_app(app)
    security.init_app(app)
    jargon.init_app(app)

    from .cli import register_commands

    register_commands(app)
    return app
