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

    from . import after_commit, bidi, i18n, security
    from .accounts import login_user_loader
    from .nlp import jargon

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
    from .insights import routes as insights_routes
    from .insights import scoring as insights_scoring
    from .invitations.routes import bp as invitations_bp
    from .invitations.routes import codes_bp as card_codes_bp
    from .kiosk_api import admin as kiosk_admin
    from .kiosk_api import routes as kiosk_routes
    from .newsletter.routes import bp as newsletter_bp
    from .public.routes import bp as public_bp
    from .safeguarding import services as safeguarding
    from .safeguarding.routes import bp as safeguarding_bp
    from .stories.routes import bp as stories_bp
    from .surveys.routes import bp as surveys_bp

    for blueprint in (
        public_bp, accounts_bp, surveys_bp, card_codes_bp, stories_bp, newsletter_bp,
        kiosk_routes.shell, kiosk_routes.api,
        admin_bp, invitations_bp, kiosk_admin.bp, safeguarding_bp, insights_routes.bp,
    ):
        app.register_blueprint(blueprint)
    # What happens when a response or a story arrives, whatever the channel (signals.py).
    safeguarding.connect_signals()
    insights_scoring.connect_signals()
    after_commit.register()
    register_error_pages(app)
    i18n.init_app(app)
    bidi.init_app(app)
    security.init_app(app)
    jargon.init_app(app)

    from .cli import register_commands

    register_commands(app)
    return app
