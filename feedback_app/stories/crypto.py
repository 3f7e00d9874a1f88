"""Encrypting a story's original text (Fernet, key FEEDBACK_STORY_KEY). The original is kept only
until the story is published, rejected or withdrawn, so the moderator can compare and undo."""
from __future__ import annotations

from cryptography.fernet import Fernet
from flask import current_app


def _fernet() -> Fernet:
    return Fernet(current_app.config["FEEDBACK_STORY_KEY"].encode("ascii"))


def encrypt(text: str) -> bytes:
    return _fernet().encrypt(text.encode("utf-8"))


def decrypt(token: bytes | None) -> str | None:
    return None if token is None else _fernet().decrypt(token).decode("utf-8")
