"""Friendly error pages, in the person's language, for every error the app can answer with."""
from __future__ import annotations

import traceback

from flask import Flask, jsonify, make_response, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from .extensions import db

PAGES = {
    400: (_l("Something was not right"), _l("We could not read what was sent. Please go back and try again.")),
    403: (_l("You cannot open this page"), _l("Your account does not give you access to this page.")),
    404: (_l("Page not found"), _l("This link does not work. It may have been used already, or it may have run out. You can still tell us what you think: ask the person who gave you the link for a new one.")),
    405: (_l("Something was not right"), _l("This page cannot be used like that.")),
    413: (_l("That was too long"), _l("What you sent was too long for us to keep. Please make it shorter and try again.")),
    429: (_l("Please wait a moment"), _l("There have been too many tries. Please wait a minute and try again.")),
    500: (_l("Sorry, something went wrong"), _l("Nothing you did caused this. Please try again later.")),
}


def render_error(code: int, back_url: str | None = None):
    title, message = PAGES.get(code, PAGES[500])
    if request.path.startswith("/api/"):
        # Machines get JSON, in the same words a person would read.
        return jsonify({"error": str(title), "message": str(message)}), code
    return render_template("errors/page.html", title=title, message=message, back_url=back_url), code


def describe_for_log(error: BaseException) -> str:
    """An unhandled error as the log keeps it: the route's pattern (/s/<token>, not the token),
    the kinds of error and where they were raised; never their messages, which can quote what
    someone typed (a database error quotes the row it could not store)."""
    rule = request.url_rule.rule if request.url_rule else "(no route)"
    kinds, cause = [], error
    while cause is not None and len(kinds) < 10:
        kinds.append(f"{type(cause).__module__}.{type(cause).__qualname__}")
        cause = cause.__cause__ or cause.__context__
    stack = "".join(traceback.format_tb(error.__traceback__))
    return f"unhandled {' caused by '.join(kinds)} on {request.method} {rule}\n{stack}".rstrip()


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        title = _l("This form has expired")
        message = _l("For your safety the form could not be sent. Nothing was saved. Please open the page again and send it once more.")
        return render_template(
            "errors/page.html", title=title, message=message, back_url=request.path
        ), 400

    @app.errorhandler(HTTPException)
    def http_error(error):
        response = make_response(render_error(error.code or 500))
        # Keep what the error says beyond its page: Allow on 405, WWW-Authenticate on 401.
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    @app.errorhandler(Exception)
    def server_error(error):
        app.logger.error("%s", describe_for_log(error))
        db.session.rollback()
        return render_error(500)

    @app.teardown_request
    def roll_back_unfinished(exc):
        # One commit per request happens in the route; whatever it did not commit is undone.
        if exc is not None:
            db.session.rollback()
