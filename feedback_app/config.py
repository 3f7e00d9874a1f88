"""Settings, read from the environment.

Every setting is documented in README.md ("Configuration"). A local run needs none of them;
production (FEEDBACK_ENV=production) refuses to start without SECRET_KEY, DATABASE_URL and the
encryption keys (FEEDBACK_CONTACT_KEY, FEEDBACK_STORY_KEY).
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


def _instance_secret(env_var: str, instance_path: str, production: bool, generate, check=None) -> str:
    """A secret from the environment. Production refuses to start without it; a local run
    generates one once into the instance folder (as a file named like the setting), so restarts
    keep sessions valid and encrypted data readable."""
    key = os.environ.get(env_var, "").strip()
    if key:
        if check:
            try:
                check(key)
            except ValueError as exc:
                raise ConfigError(f"{env_var} is not a valid {check.__name__} key (see README.md)") from exc
        return key
    if production:
        raise ConfigError(f"{env_var} must be set when FEEDBACK_ENV=production")
    path = Path(instance_path) / env_var.removeprefix("FEEDBACK_").lower()
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = generate()
    path.write_text(key)
    path.chmod(0o600)
    return key


def secret_key(instance_path: str, production: bool) -> str:
    return _instance_secret("SECRET_KEY", instance_path, production, lambda: secrets.token_urlsafe(48))


def fernet_key(env_var: str, instance_path: str, production: bool) -> str:
    """A Fernet key: FEEDBACK_CONTACT_KEY encrypts families' contact details,
    FEEDBACK_STORY_KEY stories' original text until it is erased."""
    from cryptography.fernet import Fernet

    return _instance_secret(env_var, instance_path, production,
                            lambda: Fernet.generate_key().decode("ascii"), check=Fernet)


def team_inboxes(raw: str) -> dict[str, str]:
    """"Family support team=fst@example.org; Conference chairs=chairs@example.org" → {team: inbox}."""
    inboxes = {}
    for item in raw.split(";"):
        team, sep, inbox = item.partition("=")
        if not item.strip():
            continue
        if not sep or "@" not in inbox:
            raise ConfigError(f"FEEDBACK_TEAM_INBOXES: write each team as 'Team name=inbox@example.org', not {item.strip()!r}")
        inboxes[team.strip()] = inbox.strip()
    return inboxes


def organisation_setting(code: str) -> str:
    """FEEDBACK_ORGANISATION_AR for "ar", FEEDBACK_ORGANISATION_ZH_HANS for "zh_Hans"."""
    return "FEEDBACK_ORGANISATION_" + code.upper()


def organisation_names() -> dict[str, str]:
    """The settings FEEDBACK_ORGANISATION_<LANGUAGE> that are given, by setting name."""
    names = {}
    for code in LANGUAGES:
        for setting in {organisation_setting(code), organisation_setting(code.split("_")[0])}:
            value = os.environ.get(setting, "").strip()
            if value:
                names[setting] = value
    return names


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
        # The organisation's name in a language, where it has one: FEEDBACK_ORGANISATION_AR,
        # FEEDBACK_ORGANISATION_CY, FEEDBACK_ORGANISATION_ZH_HANS… (else FEEDBACK_ORGANISATION).
        **organisation_names(),
        "FEEDBACK_ENV": env,
        "SECRET_KEY": secret_key(instance_path, production),
        "SQLALCHEMY_DATABASE_URI": database_url(instance_path),
        # A database error that reached a log (the scheduled jobs print theirs) would otherwise
        # quote the values it was given: a family's words among them.
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "hide_parameters": True},
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
        # Invitations: README.md "Configuration" explains each.
        "FEEDBACK_CONTACT_KEY": fernet_key("FEEDBACK_CONTACT_KEY", instance_path, production),
        # Links in emails, printed cards and QR codes point here.
        "FEEDBACK_BASE_URL": os.environ.get("FEEDBACK_BASE_URL", "http://127.0.0.1:5000").rstrip("/"),
        "FEEDBACK_SEND_WINDOW": os.environ.get("FEEDBACK_SEND_WINDOW", "09:00-19:00"),
        "FEEDBACK_REMINDER_DAYS": _int("FEEDBACK_REMINDER_DAYS", 7),
        "FEEDBACK_SEND_ATTEMPTS": _int("FEEDBACK_SEND_ATTEMPTS", 5),
        "FEEDBACK_RETRY_MINUTES": _int("FEEDBACK_RETRY_MINUTES", 10),
        "FEEDBACK_SEND_LEASE_SECONDS": _int("FEEDBACK_SEND_LEASE_SECONDS", 600),
        "FEEDBACK_SMS_BACKEND": os.environ.get("FEEDBACK_SMS_BACKEND", "file"),
        "FEEDBACK_NOTIFY_API_KEY": os.environ.get("FEEDBACK_NOTIFY_API_KEY", ""),
        "FEEDBACK_NOTIFY_BASE_URL": os.environ.get(
            "FEEDBACK_NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk"
        ),
        "FEEDBACK_NOTIFY_EMAIL_TEMPLATE": os.environ.get("FEEDBACK_NOTIFY_EMAIL_TEMPLATE", ""),
        "FEEDBACK_NOTIFY_SMS_TEMPLATE": os.environ.get("FEEDBACK_NOTIFY_SMS_TEMPLATE", ""),
        # Stories and newsletter: README.md "Configuration" explains each.
        "FEEDBACK_STORY_KEY": fernet_key("FEEDBACK_STORY_KEY", instance_path, production),
        "FEEDBACK_TEAM_INBOXES": team_inboxes(os.environ.get("FEEDBACK_TEAM_INBOXES", "")),
        # Seconds without a touch before the kiosk asks "Still there?" and then starts again.
        "FEEDBACK_KIOSK_IDLE_SECONDS": _int("FEEDBACK_KIOSK_IDLE_SECONDS", 60),
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
