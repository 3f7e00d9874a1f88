"""What an unhandled error leaves in the log: where it happened, never what someone typed."""
import logging

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from feedback_app.extensions import db
from feedback_app.surveys import routes

from .test_survey_link import GOOD_ANSWERS, _post

WORDS = "My son Jamie Okafor, 14 Elm Road"


def test_a_server_error_logs_the_route_and_the_kind_of_error_never_the_token_or_words(
        client, invite, monkeypatch, caplog):
    def fails(version, answers, **kwargs):
        raise ValueError(f"could not store {answers['one_change']!r}")

    monkeypatch.setattr(routes, "record_response", fails)
    token = invite()
    with caplog.at_level(logging.ERROR):
        page = _post(client, token, {**GOOD_ANSWERS, "q_one_change": WORDS})
    assert page.status_code == 500
    assert "Nothing you did caused this" in page.get_data(as_text=True)
    logged = caplog.text
    assert "unhandled builtins.ValueError on POST /s/<token>" in logged
    assert "in _send" in logged  # where it was raised
    assert "Jamie" not in logged and "Elm Road" not in logged and token not in logged


def test_database_errors_do_not_quote_the_values_they_were_given(app):
    with app.app_context(), pytest.raises(DBAPIError) as raised:
        db.session.execute(text("SELECT * FROM no_such_table WHERE note = :note"), {"note": WORDS})
    assert "no_such_table" in str(raised.value)
    assert "Jamie" not in str(raised.value)
