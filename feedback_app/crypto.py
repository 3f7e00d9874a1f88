"""Encryption at rest, in one place: Fernet (AES-128-CBC with HMAC-SHA256, from `cryptography`),
keyed by a setting. Families' contact details use FEEDBACK_CONTACT_KEY; stories' original text
FEEDBACK_STORY_KEY (config.py makes both, and production requires them)."""
from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app


class DecryptionError(ValueError):
    """The data cannot be read with the configured key; the message names the setting only."""


def _fernet(setting: str) -> Fernet:
    return Fernet(current_app.config[setting].encode("ascii"))


def encrypt(setting: str, plaintext: str) -> bytes:
    return _fernet(setting).encrypt(plaintext.encode("utf-8"))


def decrypt(setting: str, ciphertext: bytes) -> str:
    try:
        return _fernet(setting).decrypt(bytes(ciphertext)).decode("utf-8")
    except InvalidToken as exc:  # a changed key: say so, without the data
        raise DecryptionError(f"the data cannot be decrypted with {setting}") from exc
