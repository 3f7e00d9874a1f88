import pytest
from cryptography.fernet import Fernet

from feedback_app import config, create_app


def test_defaults_give_a_local_sqlite_database_and_a_kept_secret(tmp_path, monkeypatch):
    monkeypatch.setenv("FEEDBACK_INSTANCE_PATH", str(tmp_path))
    for name in ("DATABASE_URL", "SECRET_KEY", "FEEDBACK_ENV"):
        monkeypatch.delenv(name, raising=False)
    first = create_app()
    assert first.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
    assert len(first.config["SECRET_KEY"]) >= 40
    assert (tmp_path / "secret_key").read_text() == first.config["SECRET_KEY"]
    # A restart keeps the same key, so staff stay logged in.
    assert create_app().config["SECRET_KEY"] == first.config["SECRET_KEY"]


@pytest.mark.parametrize("missing", ["SECRET_KEY", "FEEDBACK_CONTACT_KEY", "FEEDBACK_STORY_KEY"])
def test_production_refuses_to_start_without_each_secret(tmp_path, monkeypatch, missing):
    monkeypatch.setenv("FEEDBACK_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("FEEDBACK_ENV", "production")
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1/x")
    secrets = {"SECRET_KEY": "s" * 50, "FEEDBACK_CONTACT_KEY": Fernet.generate_key().decode(),
               "FEEDBACK_STORY_KEY": Fernet.generate_key().decode()}
    for name, value in secrets.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv(missing)
    with pytest.raises(config.ConfigError, match=missing):
        create_app()
    monkeypatch.setenv(missing, secrets[missing])
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://postgres@127.0.0.1/x"
    assert list(tmp_path.iterdir()) == []  # production writes no secrets to disk


def test_suppression_threshold_can_never_go_below_five(tmp_path, monkeypatch):
    monkeypatch.setenv("FEEDBACK_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("FEEDBACK_SUPPRESSION_THRESHOLD", "4")
    with pytest.raises(config.ConfigError, match="below 5"):
        create_app()
    monkeypatch.setenv("FEEDBACK_SUPPRESSION_THRESHOLD", "ten")
    with pytest.raises(config.ConfigError, match="whole number"):
        create_app()


def test_test_config_overrides(app):
    assert app.testing


def test_building_the_app_opens_no_database_connection(database_url):
    """gunicorn.conf.py preloads the app and forks its workers from it: a connection opened
    before the fork would be shared by every worker."""
    from feedback_app.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():  # a connection used and given back would be checked in
        assert db.engine.pool.checkedin() == db.engine.pool.checkedout() == 0
