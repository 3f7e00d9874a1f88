"""Staff accounts: passwords, login and who may open which page."""
from __future__ import annotations

from ..extensions import db
from ..models import User


def login_user_loader(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None
