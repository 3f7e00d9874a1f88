"""Which language a page speaks, and the helpers templates need for it.

Order on public pages: the person's own choice (?lang=, remembered in a cookie) →
the browser's Accept-Language → British English.
"""
from __future__ import annotations

from babel import Locale, UnknownLocaleError, negotiate_locale
from flask import Flask, current_app, has_request_context, request
from flask_babel import get_locale, gettext

from .config import LANGUAGES, RTL_LANGUAGES, organisation_setting

LANG_COOKIE = "lang"
ONE_YEAR = 365 * 24 * 3600
# Accept-Language speaks in primary tags ("zh", "en"); our catalogs are a little more specific.
_PRIMARY_TAG = {code.split("_")[0].lower(): code for code in LANGUAGES}


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated later, where it is shown."""
    return message


def translated(message: str) -> str:
    """Translate text held in data (shipped survey wording, glossary entries) whose English was
    marked with N_ where it is defined. Named apart from `_` so extraction does not pick up the
    expressions passed to it."""
    return gettext(message)


def supported(code: str | None) -> str | None:
    """The catalog code for a language tag we support ("pt-BR" → "pt", "zh-CN" → "zh_Hans")."""
    if not code:
        return None
    code = code.replace("-", "_")
    if code in LANGUAGES:
        return code
    return _PRIMARY_TAG.get(code.split("_")[0].lower())


def offered_language(tag: str) -> str | None:
    """The catalog code for a language as people write it ("en", "EN", "en-GB", "en_US", "zh",
    "zh-CN", "cy-GB"…), or None if it is not a language we offer. A different script is not
    taken for ours ("zh-TW", Traditional Chinese, is not our Simplified)."""
    try:
        wanted = Locale.parse((tag or "").strip().replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    exact = negotiate_locale([str(wanted)], list(LANGUAGES))
    if exact:
        return exact
    for code in LANGUAGES:
        offered = Locale.parse(code)
        if offered.language == wanted.language and wanted.script in (None, offered.script):
            return code
    return None


def language_query(locale: str | None) -> str:
    """"?lang=ar" for a link made for a language, so it opens in it (the picker still changes it);
    "" when the language is not one we offer."""
    code = supported(locale)
    return f"?lang={code.replace('_', '-')}" if code else ""


def select_locale() -> str:
    chosen = supported(request.args.get("lang")) or supported(request.cookies.get(LANG_COOKIE))
    if chosen:
        return chosen
    for tag, _quality in request.accept_languages:
        match = supported(tag)
        if match:
            return match
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def current_code() -> str:
    return str(get_locale())


def text_direction() -> str:
    return "rtl" if current_code().split("_")[0] in RTL_LANGUAGES else "ltr"


def html_lang() -> str:
    """The BCP 47 tag for <html lang>: en-GB, zh-Hans, ar…"""
    return current_code().replace("_", "-")


def theme_name(theme) -> str:
    """A theme's name in the page's language, else its English name."""
    return theme.name_in(current_code())


def organisation(locale: str | None = None) -> str:
    """The organisation's name in that language (the page's, if none is given): the setting
    FEEDBACK_ORGANISATION_<LANGUAGE> when there is one, else FEEDBACK_ORGANISATION."""
    config = current_app.config
    if locale is None and not has_request_context():
        return config["FEEDBACK_ORGANISATION"]  # a job's message, its language unknown
    code = str(locale or current_code())
    for setting in (organisation_setting(code), organisation_setting(code.split("_")[0])):
        name = (config.get(setting) or "").strip()
        if name:
            return name
    return config["FEEDBACK_ORGANISATION"]


def init_app(app: Flask) -> None:
    app.jinja_env.globals["translated"] = translated
    app.jinja_env.globals["theme_name"] = theme_name
    app.jinja_env.globals["organisation"] = organisation
    @app.context_processor
    def language_context():
        return {
            "html_lang": html_lang(),
            "text_direction": text_direction(),
            "languages": LANGUAGES,
            "current_language": current_code(),
        }

    @app.after_request
    def remember_choice(response):
        # Only an explicit choice is remembered; Accept-Language is asked afresh each time.
        chosen = supported(request.args.get("lang"))
        if chosen and request.cookies.get(LANG_COOKIE) != chosen:
            response.set_cookie(
                LANG_COOKIE, chosen, max_age=ONE_YEAR, samesite="Lax", httponly=True,
                secure=request.is_secure,
            )
        return response
