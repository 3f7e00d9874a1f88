"""The kiosk: its client shell (/kiosk/), its words (/kiosk/messages.json) and its API
(/api/v1/kiosk/…, described at /api/openapi.json).

The API authenticates the tablet with `Authorization: Bearer <credential>` instead of a session,
so it is exempt from CSRF; every error it returns is JSON.
"""
from __future__ import annotations

from functools import wraps

from flask import (Blueprint, abort, current_app, g, jsonify, redirect, request, send_from_directory,
                   session, url_for)
from werkzeug.exceptions import HTTPException

from .. import rate_limits
from ..config import PROJECT_ROOT
from ..extensions import csrf, db, limiter
from ..i18n import language_query, supported
from ..surveys.services import AnswerError
from ..surveys.tokens import hash_token
from . import openapi as openapi_document, services
from .messages import messages_for

CLIENT_DIR = PROJECT_ROOT / "kiosk"

shell = Blueprint("kiosk", __name__, url_prefix="/kiosk")
api = Blueprint("kiosk_api", __name__, url_prefix="/api")
csrf.exempt(api)


# --- the client -------------------------------------------------------------------------------

@shell.route("/")
def index():
    return _client_file("index.html")


@shell.route("/<path:name>")
def client_file(name: str):
    return _client_file(name)


CLIENT_TYPES = (".html", ".js", ".css", ".webmanifest", ".svg", ".png")


def _client_file(name: str):
    if not name.endswith(CLIENT_TYPES):
        abort(404)
    # no-cache: the service worker asks the server first and keeps a copy for when it is offline.
    response = send_from_directory(CLIENT_DIR, name, max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    return response


@shell.route("/messages.json")
def messages():
    # ?locale=, not ?lang=: that would set the public pages' language cookie on the tablet.
    locale = supported(request.args.get("locale")) or "en_GB"
    survey = services.kiosk_survey()
    response = jsonify(messages_for(locale, survey.current if survey else None))
    response.headers["Cache-Control"] = "no-cache"
    return response


# --- pages opened from the kiosk -------------------------------------------------------------

ON_KIOSK = "on_kiosk"


def mark_as_a_tablet() -> None:
    """From now on this browser is a kiosk tablet's: its pages show no way out but back to the
    kiosk, and go back to it when left alone. Set when the tablet pairs and each time it asks for
    its settings (a cookie cleared since comes back), and by ?from=kiosk on the links it opens."""
    if not session.get(ON_KIOSK):
        session[ON_KIOSK] = True


# What a kiosk tablet may open besides the kiosk itself: a family's own pages (the story form and
# what follows it, a survey link or card code, the words explained, the privacy page) and the files
# pages need. Anything else typed or bookmarked on the tablet (the landing page, the staff login, a
# staff page, the newsletter) goes back to the kiosk.
KIOSK_BLUEPRINTS = {"kiosk", "kiosk_api"}
KIOSK_PAGES = {"stories.new", "stories.sent", "stories.yours", "stories.review",
               "surveys.answer", "surveys.thanks", "card_codes.enter_code",
               "public.privacy", "public.glossary", "static"}


def leave_kiosk_mode() -> None:
    """This browser is no longer a kiosk tablet's: staff unpaired it with the PIN, or its pairing
    was revoked."""
    if session.get(ON_KIOSK):
        session.pop(ON_KIOSK)


def _allowed_on_a_kiosk(endpoint: str | None) -> bool:
    if endpoint is None:  # no such page: its 404 says so
        return True
    return (endpoint in KIOSK_PAGES or endpoint.endswith(".static")
            or endpoint.partition(".")[0] in KIOSK_BLUEPRINTS)


@shell.before_app_request
def remember_the_tablet():
    if request.args.get("from") == "kiosk":
        mark_as_a_tablet()
    elif session.get(ON_KIOSK) and not _allowed_on_a_kiosk(request.endpoint):
        return redirect(url_for("kiosk.index"))


@shell.app_context_processor
def kiosk_return():
    on_kiosk = bool(session.get(ON_KIOSK))
    # A story takes longer to think about than a tap on a face: twice the kiosk's idle time.
    seconds = 2 * current_app.config["FEEDBACK_KIOSK_IDLE_SECONDS"] if on_kiosk else None
    return {"kiosk_return_seconds": seconds, "on_kiosk": on_kiosk}


# --- the API ----------------------------------------------------------------------------------

def _error(status: int, message: str):
    response = jsonify({"error": message})
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="kiosk"'
    return response


@api.errorhandler(HTTPException)
def http_error(exc: HTTPException):
    return _error(exc.code or 500, exc.description or exc.name)


def _credential() -> str:
    scheme, _, credential = request.headers.get("Authorization", "").partition(" ")
    return credential.strip() if scheme.lower() == "bearer" else ""


def device_required(view):
    """The tablet must send its credential; a revoked or unknown one gets 401."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        device = services.authenticate(_credential())
        if device is None:
            leave_kiosk_mode()  # revoked or never paired: not a kiosk any more
            return _error(401, "A valid device credential is needed.")
        g.kiosk_device = device
        return view(*args, **kwargs)

    return wrapped


def _per_tablet() -> str:
    """Rate limits count per tablet: the tablets of one building share an address."""
    credential = request.headers.get("Authorization", "")
    return "kiosk:" + hash_token(credential) if credential else rate_limits.address_key()


tablet_limit = limiter.limit(rate_limits.KIOSK_API, key_func=_per_tablet)


def _json_body() -> dict | None:
    body = request.get_json(silent=True)
    return body if isinstance(body, dict) else None


@api.route("/openapi.json")
def openapi():
    return jsonify(openapi_document.document(
        services.kiosk_survey(), current_app.config["FEEDBACK_MAX_TEXT_LENGTH"]))


@api.route("/v1/kiosk/pair", methods=["POST"])
@limiter.limit(rate_limits.LOGIN)
def pair():
    body = _json_body()
    if body is None:
        return _error(400, "The body must be a JSON object.")
    paired = services.pair(body.get("pairing_token"))
    if paired is None:
        return _error(404, "This pairing link is unknown or used.")
    device, credential = paired
    db.session.commit()
    mark_as_a_tablet()
    return jsonify({"credential": credential, "room": device.room_name}), 201


@api.route("/v1/kiosk/config")
@tablet_limit
@device_required
def config():
    device = g.kiosk_device
    meeting = services.meeting_for(device)
    db.session.commit()  # the device's last contact, and a fallback meeting
    mark_as_a_tablet()
    return jsonify(_config(device, meeting))


def _config(device, meeting) -> dict:
    def hhmm(value):
        return value.strftime("%H:%M") if value else None

    return {
        "room": device.room_name,
        "venue": device.venue,
        "default_locale": device.default_locale,
        "meeting": {"id": meeting.id, "kind": meeting.kind} if meeting else None,
        "opening_hours": {"opens": hhmm(device.opens_at), "closes": hhmm(device.closes_at)}
        if device.opens_at and device.closes_at else None,
        "time_zone": "Europe/London",
        "idle_seconds": current_app.config["FEEDBACK_KIOSK_IDLE_SECONDS"],
        "max_text_length": current_app.config["FEEDBACK_MAX_TEXT_LENGTH"],
    }


@api.route("/v1/kiosk/responses", methods=["POST"])
@tablet_limit
def post_response():
    """The busiest route: the answer's own INSERT checks the credential too (services.receive_answer),
    so an answer costs one statement. A refused answer asks the credential first, as every other
    route does, so only a paired tablet learns why it was refused."""
    credential = _credential()
    body = _json_body()
    try:
        if body is None:
            raise services.KioskError("The body must be a JSON object.")
        stored = services.receive_answer(credential, body)
    except services.NotPaired:
        db.session.rollback()
        return _error(401, "A valid device credential is needed.")
    except (services.KioskError, AnswerError) as exc:
        db.session.rollback()
        if services.authenticate(credential) is None:
            return _error(401, "A valid device credential is needed.")
        return _error(400 if body is None else getattr(exc, "status", 422), str(exc))
    # Nothing to commit here: receive_answer commits what it keeps, and a commit with nothing
    # under way would begin an empty transaction only to end it.
    return jsonify({"stored": stored}), 201 if stored else 200


@api.route("/v1/kiosk/status", methods=["POST"])
@tablet_limit
@device_required
def status():
    body = _json_body()
    if body is None:
        return _error(400, "The body must be a JSON object.")
    try:
        services.note_queue(g.kiosk_device, body.get("queued"), body.get("failed"))
    except services.KioskError as exc:
        db.session.rollback()
        return _error(422, str(exc))
    db.session.commit()
    return "", 204


@api.route("/v1/kiosk/later", methods=["POST"])
@tablet_limit
@device_required
def later():
    body = _json_body()
    if body is None:
        return _error(400, "The body must be a JSON object.")
    locale = body.get("locale")
    if "locale" in body and not isinstance(locale, str):
        return _error(422, "locale must be text")
    try:
        token, chosen = services.answer_later(g.kiosk_device, locale)
    except services.KioskError as exc:
        db.session.rollback()
        return _error(exc.status, str(exc))
    db.session.commit()
    # The family's phone opens it, so the app's public address, not the one the tablet uses.
    # It opens in the language the tablet was showing.
    url = current_app.config["FEEDBACK_BASE_URL"].rstrip("/") + f"/s/{token}" + language_query(chosen)
    return jsonify({"url": url, "qr": services.qr_data_uri(url)}), 201


@api.route("/v1/kiosk/unlock", methods=["POST"])
@limiter.limit(rate_limits.LOGIN, key_func=_per_tablet)  # six digits: slow a guesser down
@device_required
def unlock():
    problem = _wrong_pin()
    if problem:
        return problem
    leave_kiosk_mode()  # staff may now leave kiosk mode; the tablet's next settings call marks it again
    return "", 204


def _wrong_pin():
    """The error for a body without the tablet's right staff PIN, or None when it has it."""
    body = _json_body()
    if body is None:
        return _error(400, "The body must be a JSON object.")
    ok = services.check_pin(g.kiosk_device, body.get("pin"))
    db.session.commit()  # what authenticating the tablet noted about it
    return None if ok else _error(403, "That PIN is not right.")


@api.route("/v1/kiosk/leave", methods=["POST"])
@limiter.limit(rate_limits.LOGIN, key_func=_per_tablet)
@device_required
def leave():
    """Staff unpairing the tablet on its settings screen (the PIN again): this browser stops
    being a kiosk's, so its landing page and staff login open as anywhere else."""
    problem = _wrong_pin()
    if problem:
        return problem
    leave_kiosk_mode()
    return "", 204
