"""Names in the reader's language: a kind of meeting inside a text or an email, the language
picker's label, the organisation in the footer, a card's heading, and a theme's name."""
from datetime import date

import pytest

from feedback_app.invitations.sender import send_due
from feedback_app.labels import MEETING_KIND_LABELS, meeting_kind_name

from .test_invitation_language import _send, outbox  # noqa: F401  (the outbox fixture)
from .test_invitations_support import body, outbox_emails, outbox_texts

KINDS_IN_ENGLISH = [str(label).lower() for label in MEETING_KIND_LABELS.values()]


def _english_kinds_in(text: str) -> list[str]:
    return [kind for kind in KINDS_IN_ENGLISH if kind in text.lower()]


@pytest.mark.parametrize("locale", ["ar", "bn", "es", "fr", "pl", "pt", "so", "tr", "zh_Hans", "cy"])
def test_a_text_names_the_meeting_in_its_language_alone(app, outbox, locale):
    _send(app, channel="sms", contact="07700 900123", locale=locale)
    (text,) = outbox_texts(outbox)
    assert _english_kinds_in(text["body"]) == []
    with app.test_request_context():
        from flask_babel import force_locale

        with force_locale(locale):
            assert meeting_kind_name("cp_conference").lower() in text["body"].lower()


def test_the_arabic_text_says_child_protection_conference_in_arabic(app, outbox):
    _send(app, channel="sms", contact="07700 900123", locale="ar")
    (text,) = outbox_texts(outbox)
    assert "child protection conference" not in text["body"].lower()
    assert "مؤتمر حماية الطفل" in text["body"]


def test_an_arabic_email_names_the_meeting_in_arabic(app, outbox):
    _send(app, channel="email", contact="family@example.org", locale="ar")
    (message,) = outbox_emails(outbox)
    opening = body(message).split("What the words mean")[0]
    # The jargon notes may quote the English the family hears in the room; the letter does not.
    letter = opening.split("\n\n")[:4]
    assert _english_kinds_in("\n".join(letter)) == []
    assert "مؤتمر حماية الطفل" in body(message)


def test_the_glossary_keeps_the_english_beside_its_translation(app):
    """The glossary entry of the same English words is a separate message: it still shows what
    families hear in the room."""
    from flask_babel import force_locale, gettext

    with app.test_request_context(), force_locale("ar"):
        assert "(Child protection conference)" in gettext("Child protection conference")
        assert meeting_kind_name("cp_conference") == "مؤتمر حماية الطفل"


def test_a_kind_without_a_translation_falls_back_to_english_and_an_unknown_code_to_itself(app):
    from flask_babel import force_locale

    with app.test_request_context():
        with force_locale("en_GB"):
            assert meeting_kind_name("core_group") == "Core group meeting"
        assert meeting_kind_name("no_such_kind") == "no_such_kind"


# --- the organisation's name, the card's heading, the picker's label ----------------------------

ARABIC_ORGANISATION = "خدمات الأطفال"


@pytest.fixture
def arabic_organisation(app):
    saved = dict(app.config)
    app.config.update(FEEDBACK_ORGANISATION_AR=ARABIC_ORGANISATION, FEEDBACK_ORGANISATION_ZH_HANS="儿童服务")
    yield
    app.config.clear()
    app.config.update(saved)


def test_the_organisation_names_come_from_the_environment(monkeypatch, tmp_path):
    from feedback_app.config import load

    monkeypatch.setenv("FEEDBACK_ORGANISATION_AR", " خدمات الأطفال ")
    monkeypatch.setenv("FEEDBACK_ORGANISATION_ZH_HANS", "儿童服务")
    monkeypatch.setenv("FEEDBACK_ORGANISATION_CY", "")
    config = load(str(tmp_path))
    assert config["FEEDBACK_ORGANISATION_AR"] == "خدمات الأطفال"
    assert config["FEEDBACK_ORGANISATION_ZH_HANS"] == "儿童服务"
    assert "FEEDBACK_ORGANISATION_CY" not in config


def test_the_footer_names_the_organisation_in_the_page_language(client, arabic_organisation):
    arabic = client.get("/?lang=ar").get_data(as_text=True)
    footer = arabic.split('<footer class="site-footer">')[1]
    assert ARABIC_ORGANISATION in footer and "Children&#39;s Services" not in footer
    chinese = client.get("/?lang=zh-Hans").get_data(as_text=True)
    assert "儿童服务" in chinese.split('<footer class="site-footer">')[1]
    # A language without its own name shows the default one.
    welsh = client.get("/?lang=cy").get_data(as_text=True)
    assert "Children&#39;s Services" in welsh.split('<footer class="site-footer">')[1]


def test_the_language_picker_is_labelled_in_the_page_language(client):
    arabic = client.get("/?lang=ar").get_data(as_text=True)
    assert '<label for="lang-picker">اللغة</label>' in arabic
    welsh = client.get("/?lang=cy").get_data(as_text=True)
    assert '<label for="lang-picker">Iaith</label>' in welsh


def test_an_arabic_text_names_the_organisation_in_arabic(app, outbox, arabic_organisation):
    _send(app, channel="sms", contact="07700 900123", locale="ar")
    (text,) = outbox_texts(outbox)
    assert text["body"].lstrip("\u2067\u2066\u2068").startswith(ARABIC_ORGANISATION)
    assert "Children's Services" not in text["body"]


def test_a_printed_card_speaks_the_family_language_on_an_english_staff_page(
        client, login, arabic_organisation):
    from .test_invitations_admin import _create

    login("admin")
    html = _create(client, channel="card", copies="1", locale="ar").get_data(as_text=True)
    card = html.split('class="take-away-card"')[1].split("</section>")[0]
    assert ARABIC_ORGANISATION in card
    heading = card.split('<h2 class="card-title">')[1].split("</h2>")[0]
    assert heading == "كيف كان اجتماعكم؟", heading
    assert "How was your meeting?" not in card


def test_an_arabic_email_comes_from_the_organisation_named_in_arabic(app, outbox, arabic_organisation):
    _send(app, channel="email", contact="family@example.org", locale="ar")
    (message,) = outbox_emails(outbox)
    assert message["From"].addresses[0].display_name == ARABIC_ORGANISATION
    assert ARABIC_ORGANISATION in body(message)
    # An English email still comes from the default name.
    _send(app, channel="email", contact="other@example.org", locale="en_GB")
    english = [m for m in outbox_emails(outbox) if m["To"] == "other@example.org"]
    assert english[0]["From"].addresses[0].display_name == "Children's Services"
