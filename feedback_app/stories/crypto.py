"""A story's original text, encrypted with FEEDBACK_STORY_KEY. The original is kept only until
the story is published, rejected or withdrawn, so the moderator can compare and undo."""
from __future__ import annotations

from .. import crypto

KEY = "FEEDBACK_STORY_KEY"


def encrypt(text: str) -> bytes:
    return crypto.encrypt(KEY, text)


def decrypt(token: bytes | None) -> str | None:
    return None if token is None else crypto.decrypt(KEY, token)
