"""Headers every response carries."""
from __future__ import annotations

from flask import Flask, abort, request

# No inline script or style anywhere: everything comes from our own files.
CSP = "; ".join([
    "default-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])


def _holds_nul(values) -> bool:
    return any("\x00" in value for value in values)


def init_app(app: Flask) -> None:
    @app.before_request
    def refuse_nul_characters():
        """No text anyone types contains NUL, and PostgreSQL cannot store or even compare it:
        refuse it at the door (400) rather than fail deep inside (500)."""
        if _holds_nul(request.args.values()) or _holds_nul(request.args.keys()):
            abort(400)
        if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            if _holds_nul(request.form.values()) or _holds_nul(request.form.keys()):
                abort(400)
        elif request.is_json and "\\u0000" in request.get_data(as_text=True):
            abort(400)

    @app.after_request
    def security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CSP)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        # Survey links carry their token in the path: never hand it to another site.
        headers.setdefault("Referrer-Policy", "no-referrer")
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response
