"""Numbers, codes and links read left to right inside right-to-left text.

In an Arabic sentence "0808 800 5000" would show as "5000 800 0808": the spaces between the
groups take the sentence's direction. So every run of digits (with the spaces, colons, dots,
dashes and slashes inside it), every link and every card code is isolated left to right: in
HTML in <bdi dir="ltr">, phone numbers as tel: links with dir="ltr"; in plain text (texts,
emails, the kiosk's words) between U+2066 LEFT-TO-RIGHT ISOLATE and U+2069 POP DIRECTIONAL
ISOLATE, for right-to-left languages only (elsewhere they would be clutter in a text message).
"""
from __future__ import annotations

import re

from flask import Flask
from markupsafe import Markup, escape

from .config import RTL_LANGUAGES

LRI, PDI = "\u2066", "\u2069"
# A link; a card code (ABCDE-FGHJK); or digits with the separators found inside phone numbers,
# dates and times. A separator counts only between two digits, so "2026." keeps its full stop.
LTR_RUN = re.compile(
    r"https?://[^\s<>\"]+[^\s<>\".,;:!?)]"
    r"|\b[0-9A-Z]{5}-[0-9A-Z]{5}\b"
    r"|\+?\d+(?:[ \u00a0:./\-–]\d+)*"
)
NUMBER = re.compile(r"\+?\d+(?:[ \u00a0]\d+)*")


def is_rtl(locale: str | None) -> bool:
    return bool(locale) and str(locale).split("_")[0].split("-")[0] in RTL_LANGUAGES


def phone_digits(run: str) -> str | None:
    """The digits to dial if `run` reads as a UK phone number (999, 116 123, 0808 800 5000,
    +44 20 7946 0000), else None."""
    digits = re.sub(r"[ \u00a0]", "", run)
    if not NUMBER.fullmatch(run):
        return None
    if digits in {"999", "112", "111", "101"} or (digits.startswith("116") and len(digits) == 6):
        return digits
    if digits.startswith("0") and 10 <= len(digits) <= 11:
        return digits
    if digits.startswith("+44") and 12 <= len(digits) <= 13:
        return digits
    return None


def isolate_text(text: str, locale: str | None) -> str:
    """Plain text with its numbers and codes isolated, when `locale` is written right to left.
    Links are left as they are: they start with a letter, so read left to right already, and a
    mark touching one could stop a phone from seeing the whole link."""
    if not is_rtl(locale):
        return text

    def mark(match: re.Match) -> str:
        run = match.group(0)
        return run if run.startswith("http") else f"{LRI}{run}{PDI}"

    return LTR_RUN.sub(mark, text)


def ltr(value) -> Markup:
    """One value (a code, a date, a number) isolated left to right in a page."""
    return Markup('<bdi dir="ltr">%s</bdi>') % value


def numbers_ltr(text) -> Markup:
    """Text for a page, escaped, with its numbers isolated left to right and phone numbers made
    tel: links (a tap rings them on a phone)."""
    # Translated text arrives as Markup (Jinja's gettext); work on what it reads as.
    text = text.unescape() if isinstance(text, Markup) else str(text)
    parts, start = [], 0
    for match in LTR_RUN.finditer(text):  # on the raw text: an escaped &#39; holds digits too
        run = match.group(0)
        dial = phone_digits(run)
        parts.append(escape(text[start:match.start()]))
        if dial:
            parts.append(Markup('<a class="phone" href="tel:%s" dir="ltr">%s</a>') % (dial, run))
        else:
            parts.append(ltr(run))
        start = match.end()
    parts.append(escape(text[start:]))
    return Markup("").join(parts)


def init_app(app: Flask) -> None:
    app.jinja_env.filters["ltr"] = ltr
    app.jinja_env.filters["numbers_ltr"] = numbers_ltr
