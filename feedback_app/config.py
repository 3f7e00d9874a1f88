"""Settings, read from the environment.

Every setting is documented in README.md ("Configuration"). A local run needs none of them;
production (FEEDBACK_ENV=production) refuses to start without SECRET_KEY and DATABASE_URL.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# The languages the public pages offer, as (code, name in its own script).
LANGUAGES: dict[str, str] = {
    "en_GB": "English",
    "cy": "Cymraeg",
    "ar": "العربية",
    "bn": "বাংলা",
    "so": "Soomaali",
    "pl": "Polski",
    "pt": "Português",
    "es": "Español",
    "fr": "Français",
    "tr": "Türkçe",
    "zh_Hans": "中文（简体）",
}
RTL_LANGUAGES = {"ar"}


class ConfigError(RuntimeError):
    """A setting is missing or wrong; the message says which and how to fix it."""


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from exc


def database_url(instance_path: str) -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{Path(instance_path) / 'feedback.sqlite3'}"
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants a driver name.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def secret_key(instance_path: str, production: bool) -> str:
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    if production:
        raise ConfigError("SECRET_KEY must be set when FEEDBACK_ENV=production")
    # A local run keeps a generated key in the instance folder so sessions survive restarts.
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


def load(instance_path: str) -> dict:
    """Build the Flask config mapping from the environment."""
    env = os.environ.get("FEEDBACK_ENV", "development").strip().lower()
    production = env == "production"
    if production and not os.environ.get("DATABASE_URL"):
        raise ConfigError("DATABASE_URL must be set when FEEDBACK_ENV=production")
    threshold = _int("FEEDBACK_SUPPRESSION_THRESHOLD", 10)
    if threshold < 5:
        raise ConfigError("FEEDBACK_SUPPRESSION_THRESHOLD can never be below 5")
    return {
        "FEEDBACK_ENV": env,
        "SECRET_KEY": secret_key(instance_path, production),
        "SQLALCHEMY_DATABASE_URI": database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "BABEL_DEFAULT_LOCALE": "en_GB",
        "BABEL_DEFAULT_TIMEZONE": "Europe/London",
        # Flask-Babel resolves relative paths against the package, not the project.
        "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
        "LANGUAGES": LANGUAGES,
        "MAX_CONTENT_LENGTH": _int("FEEDBACK_MAX_CONTENT_LENGTH", 256 * 1024),
        "FEEDBACK_MAX_TEXT_LENGTH": _int("FEEDBACK_MAX_TEXT_LENGTH", 2000),
        "FEEDBACK_INVITATION_EXPIRY_DAYS": _int("FEEDBACK_INVITATION_EXPIRY_DAYS", 28),
        "FEEDBACK_SUPPRESSION_THRESHOLD": threshold,
        "FEEDBACK_MAIL_BACKEND": os.environ.get("FEEDBACK_MAIL_BACKEND", "file"),
        "FEEDBACK_OUTBOX": os.environ.get(
            "FEEDBACK_OUTBOX", str(Path(instance_path) / "outbox")
        ),
        # Links in emails and printed cards point here.
        "FEEDBACK_BASE_URL": os.environ.get("FEEDBACK_BASE_URL", "http://127.0.0.1:5000"),
        "FEEDBACK_MAIL_FROM": os.environ.get("FEEDBACK_MAIL_FROM", "feedback@localhost"),
        "FEEDBACK_SMTP_HOST": os.environ.get("FEEDBACK_SMTP_HOST", "127.0.0.1"),
        "FEEDBACK_SMTP_PORT": _int("FEEDBACK_SMTP_PORT", 25),
        "FEEDBACK_SMTP_USERNAME": os.environ.get("FEEDBACK_SMTP_USERNAME", ""),
        "FEEDBACK_SMTP_PASSWORD": os.environ.get("FEEDBACK_SMTP_PASSWORD", ""),
        "FEEDBACK_SMTP_STARTTLS": os.environ.get("FEEDBACK_SMTP_STARTTLS", "") in ("1", "true", "yes"),
        "FEEDBACK_SMTP_TIMEOUT": _int("FEEDBACK_SMTP_TIMEOUT", 30),
        "FEEDBACK_ORGANISATION": os.environ.get(
            "FEEDBACK_ORGANISATION", "Children's Services"
        ),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": True,
        "RATELIMIT_ENABLED": os.environ.get("FEEDBACK_RATELIMIT_ENABLED", "true").lower() != "false",
        # How many proxies in front of the app set X-Forwarded-For/-Proto (0: none).
        "FEEDBACK_PROXY_COUNT": _int("FEEDBACK_PROXY_COUNT", 0),
        "FEEDBACK_LOGIN_ATTEMPTS": _int("FEEDBACK_LOGIN_ATTEMPTS", 5),
        "FEEDBACK_LOCKOUT_MINUTES": _int("FEEDBACK_LOCKOUT_MINUTES", 15),
        # Retention, in days: what `flask data purge` keeps (feedback_app/data_protection).
        "FEEDBACK_RETAIN_CONTACT_DAYS": _int("FEEDBACK_RETAIN_CONTACT_DAYS", 60),
        "FEEDBACK_RETAIN_INVITATION_DAYS": _int("FEEDBACK_RETAIN_INVITATION_DAYS", 365),
        "FEEDBACK_RETAIN_RESPONSE_DAYS": _int("FEEDBACK_RETAIN_RESPONSE_DAYS", 3 * 365),
        "FEEDBACK_RETAIN_STORY_DAYS": _int("FEEDBACK_RETAIN_STORY_DAYS", 90),
        "FEEDBACK_RETAIN_AUDIT_DAYS": _int("FEEDBACK_RETAIN_AUDIT_DAYS", 2 * 365),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "WTF_CSRF_TIME_LIMIT": None,
    }
