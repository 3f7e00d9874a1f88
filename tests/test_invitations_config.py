"""The invitation settings: the contact key, and the send window."""
import pytest
from cryptography.fernet import Fernet

from feedback_app import config, create_app


@pytest.fixture(autouse=True)
def limits_stay_off(monkeypatch):
    # create_app() binds the shared limiter again; keep it off as the suite has it.
    monkeypatch.setenv("FEEDBACK_RATELIMIT_ENABLED", "false")


def test_a_local_run_generates_a_contact_key_once(tmp_path, monkeypatch):
    monkeypatch.setenv("FEEDBACK_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("FEEDBACK_CONTACT_KEY", raising=False)
    first = create_app().config["FEEDBACK_CONTACT_KEY"]
    Fernet(first)  # a usable key
    assert create_app().config["FEEDBACK_CONTACT_KEY"] == first
    assert (tmp_path / "contact_key").stat().st_mode & 0o077 == 0


def test_production_needs_a_valid_contact_key(tmp_path, monkeypatch):
    monkeypatch.setenv("FEEDBACK_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("FEEDBACK_ENV", "production")
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1/x")
    monkeypatch.setenv("SECRET_KEY", "s" * 50)
    for other_key in ("FEEDBACK_STORY_KEY",):  # other features' keys, so only ours is missing
        monkeypatch.setenv(other_key, Fernet.generate_key().decode())
    monkeypatch.delenv("FEEDBACK_CONTACT_KEY", raising=False)
    with pytest.raises(config.ConfigError, match="FEEDBACK_CONTACT_KEY"):
        create_app()
    monkeypatch.setenv("FEEDBACK_CONTACT_KEY", "not a key")
    with pytest.raises(config.ConfigError, match="Fernet"):
        create_app()
    key = Fernet.generate_key().decode()
    monkeypatch.setenv("FEEDBACK_CONTACT_KEY", key)
    assert create_app().config["FEEDBACK_CONTACT_KEY"] == key
    assert not (tmp_path / "contact_key").exists()
