"""Take-away cards: a QR code of the survey link, and a short code to type at /s/ instead.

The card's link token is derived from its short code with a keyed hash (HMAC-SHA256 under
SECRET_KEY), so the database keeps nothing new: the invitation stores the SHA-256 of the token
as for any link, and a typed code leads to the same token. Without the key, neither the code nor
the token can be worked out from the database. Changing SECRET_KEY retires typed codes of cards
already printed (their QR codes keep working).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

import segno
from flask import current_app

# Crockford's base 32: no I, L, O or U, so nothing reads two ways; I, L and O typed by mistake
# are read as 1, 1 and 0.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
MISREAD = str.maketrans({"I": "1", "L": "1", "O": "0"})
CODE_LENGTH = 10  # 50 bits: far beyond guessing at a form's pace before a card expires
GROUP = 5


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str | None:
    """The code as stored from what a person typed (any case, spaces, dashes), or None."""
    code = "".join(ch for ch in (typed or "").upper() if ch not in " -").translate(MISREAD)
    if len(code) != CODE_LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def display_code(code: str) -> str:
    """ABCDE-FGHJK: easier to read aloud and type."""
    return "-".join(code[i:i + GROUP] for i in range(0, len(code), GROUP))


def token_for_code(code: str) -> str:
    key = current_app.config["SECRET_KEY"].encode("utf-8")
    digest = hmac.new(key, b"card-code:" + code.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def qr_data_uri(link: str) -> str:
    """The link as a QR code, an SVG in a data: URI (the CSP allows data: images)."""
    return segno.make(link, error="m").svg_data_uri(scale=4, border=4)
