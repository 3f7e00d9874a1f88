"""A family's email address or phone number: checked, normalised, and only ever stored encrypted.

Encrypted (feedback_app/crypto.py) with FEEDBACK_CONTACT_KEY. The sealed
envelope holds the contact and the link's token (which the messages must carry, while the
invitation otherwise keeps only the token's hash); both go when the envelope is erased after
the last message, on answer or on expiry.
"""
from __future__ import annotations

import json
import re

from .. import crypto

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# UK mobiles (07…, +447…); Notify sends SMS to UK numbers and to international ones in + form.
PHONE_CHARS = re.compile(r"[\s().-]")
PHONE = re.compile(r"^(\+[1-9]\d{7,14}|0\d{9,10})$")


class ContactError(ValueError):
    """A contact that does not fit its channel. The message never repeats the contact."""


def normalise(channel: str, contact: str) -> str | None:
    """The contact to store for a channel, or None for cards (which carry no contact)."""
    contact = (contact or "").strip()
    if channel == "card":
        if contact:
            raise ContactError("a card takes no contact details")
        return None
    if channel == "email":
        if len(contact) > 254 or not EMAIL.match(contact):
            raise ContactError("not an email address")
        return contact
    if channel == "sms":
        number = PHONE_CHARS.sub("", contact)
        if not PHONE.match(number):
            raise ContactError("not a phone number")
        return number
    raise ContactError("unknown channel")


KEY = "FEEDBACK_CONTACT_KEY"


def seal(contact: str, token: str) -> bytes:
    return crypto.encrypt(KEY, json.dumps({"to": contact, "token": token}))


def unseal(ciphertext: bytes) -> tuple[str, str]:
    """(contact, token) from a sealed envelope."""
    try:
        envelope = json.loads(crypto.decrypt(KEY, ciphertext))
    except crypto.DecryptionError as exc:
        raise ContactError(str(exc)) from exc
    return envelope["to"], envelope["token"]
