"""Creating staff accounts and checking logins."""
from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select

from .. import clock
from ..audit import record
from ..extensions import db
from ..models import ROLES, User
from .passwords import MIN_LENGTH, hash_password, needs_rehash, verify_password


class AccountError(ValueError):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def create_user(email: str, role: str, password: str, actor: User | None = None) -> User:
    email = normalise_email(email)
    if "@" not in email or len(email) > 254:
        raise AccountError(f"{email!r} is not an email address")
    if role not in ROLES:
        raise AccountError(f"role must be one of: {', '.join(ROLES)}")
    if len(password) < MIN_LENGTH:
        raise AccountError(f"the password must be at least {MIN_LENGTH} characters")
    if find_user(email):
        raise AccountError(f"there is already an account for {email}")
    user = User(email=email, role=role, password_hash=hash_password(password))
    db.session.add(user)
    db.session.flush()
    record("user.create", actor, user, {"role": role})
    return user


def authenticate(email: str, password: str) -> User | None:
    """The user, if the password is right and the account neither inactive nor paused. After
    FEEDBACK_LOGIN_ATTEMPTS wrong passwords in a row the account is paused for
    FEEDBACK_LOCKOUT_MINUTES, even for the right password, which slows guessing to a crawl."""
    user = find_user(email)
    now = clock.now()
    paused = user is not None and user.locked_until is not None and user.locked_until > now
    if not verify_password(user.password_hash if user else None, password) or paused:
        if user and not paused:
            user.failed_logins += 1
            config = current_app.config
            if user.failed_logins >= config["FEEDBACK_LOGIN_ATTEMPTS"]:
                user.locked_until = now + timedelta(minutes=config["FEEDBACK_LOCKOUT_MINUTES"])
                user.failed_logins = 0
                record("user.locked", None, user)
        return None
    if not user.active:
        return None
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user
