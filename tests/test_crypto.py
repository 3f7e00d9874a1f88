import pytest
from cryptography.fernet import Fernet

from feedback_app import crypto


def test_round_trip_and_a_changed_key_is_named_not_leaked(app):
    with app.app_context():
        sealed = crypto.encrypt("FEEDBACK_STORY_KEY", "Ayesha told us")
        assert b"Ayesha" not in sealed
        assert crypto.decrypt("FEEDBACK_STORY_KEY", sealed) == "Ayesha told us"
        original = app.config["FEEDBACK_STORY_KEY"]
        app.config["FEEDBACK_STORY_KEY"] = Fernet.generate_key().decode()
        try:
            with pytest.raises(crypto.DecryptionError, match="FEEDBACK_STORY_KEY") as raised:
                crypto.decrypt("FEEDBACK_STORY_KEY", sealed)
            assert "Ayesha" not in str(raised.value)
        finally:
            app.config["FEEDBACK_STORY_KEY"] = original
