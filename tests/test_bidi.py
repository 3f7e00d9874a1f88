"""Numbers, codes and dates read left to right inside right-to-left pages and messages."""
from datetime import date, datetime, timezone

import pytest
from markupsafe import Markup

from feedback_app.bidi import LRI, PDI, isolate_text, ltr, numbers_ltr, phone_digits
from feedback_app.invitations.sender import send_due

from .test_invitations_support import Clock, outbox_texts, scheduled

HELP = "If you are in danger, call 999. The NSPCC is on 0808 800 5000, Samaritans on 116 123."


def test_phone_numbers_in_a_page_are_isolated_tel_links():
    html = str(numbers_ltr(HELP))
    assert '<a class="phone" href="tel:08088005000" dir="ltr">0808 800 5000</a>' in html
    assert '<a class="phone" href="tel:999" dir="ltr">999</a>' in html
    assert '<a class="phone" href="tel:116123" dir="ltr">116 123</a>' in html


def test_other_numbers_codes_and_times_are_isolated_but_not_dialled():
    html = str(numbers_ltr("Code ABCDE-FGHJK, 10:30–11:00 on 2026-11-24, 42 people"))
    assert '<bdi dir="ltr">ABCDE-FGHJK</bdi>' in html and '<bdi dir="ltr">10:30–11:00</bdi>' in html
    assert '<bdi dir="ltr">2026-11-24</bdi>' in html and '<bdi dir="ltr">42</bdi>' in html
    assert "tel:" not in html


def test_the_text_is_escaped_and_a_translation_is_not_escaped_twice():
    assert str(numbers_ltr("<b>1 2</b> & 'x'")) == '&lt;b&gt;<bdi dir="ltr">1 2</bdi>&lt;/b&gt; &amp; &#39;x&#39;'
    assert str(numbers_ltr(Markup("Tom &amp; Jerry&#39;s 999"))).startswith("Tom &amp; Jerry&#39;s <a")
    assert str(ltr("<x>")) == '<bdi dir="ltr">&lt;x&gt;</bdi>'


@pytest.mark.parametrize("run, dial", [("999", "999"), ("0808 800 5000", "08088005000"),
                                       ("116 123", "116123"), ("2026", None), ("42", None)])
def test_what_reads_as_a_phone_number(run, dial):
    assert phone_digits(run) == dial


def test_plain_text_is_isolated_only_for_right_to_left_languages():
    arabic = isolate_text("اتصلوا على 0808 800 5000: http://x.org/s/ab12?lang=ar", "ar")
    assert f"{LRI}0808 800 5000{PDI}" in arabic
    assert arabic.endswith(" http://x.org/s/ab12?lang=ar")  # a link is left whole for phones
    assert isolate_text(HELP, "cy") == HELP and isolate_text(HELP, "en_GB") == HELP


def test_an_arabic_text_message_keeps_its_numbers_in_order(app_ctx, app, tmp_path, monkeypatch):
    saved = dict(app.config)
    app.config.update(FEEDBACK_OUTBOX=str(tmp_path), FEEDBACK_SMS_BACKEND="file",
                      FEEDBACK_SEND_WINDOW="09:00-19:00", FEEDBACK_REMINDER_DAYS=0)
    try:
        Clock(monkeypatch, datetime(2026, 11, 20, 10, tzinfo=timezone.utc))
        scheduled(date(2026, 11, 17), channel="sms", contact="07700 900123", delay_days=0, locale="ar")
        scheduled(date(2026, 11, 17), channel="sms", contact="07700 900124", delay_days=0, locale="en_GB")
        send_due()
        texts = {text["to"]: text["body"] for text in outbox_texts(str(tmp_path))}
    finally:
        app.config.clear()
        app.config.update(saved)
    arabic, english = texts["07700900123"], texts["07700900124"]
    assert f"{LRI}17{PDI}" in arabic and f"{LRI}2026{PDI}" in arabic  # the meeting's date
    link = next(word for word in arabic.split() if "/s/" in word)
    assert link.startswith("http://") and link.endswith("?lang=ar")
    assert LRI not in english and PDI not in english
