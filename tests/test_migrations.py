"""The models and the migrations describe the same schema, on whichever database this run uses."""
from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import insert, inspect, update

from feedback_app.extensions import db
from feedback_app.models import KioskReceipt


BEFORE_WAITING_ANSWERS = "c7d8e9f0a1b2"


def test_autogenerate_finds_nothing_to_change(app_ctx):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, db.metadata)
    assert diff == []


def test_every_model_table_was_created_by_the_migrations(app_ctx):
    tables = set(inspect(db.engine).get_table_names())
    assert set(db.metadata.tables) <= tables
    assert "alembic_version" in tables


@pytest.fixture
def own_database(empty_database):
    """A database of this test's own, migrated to the latest revision: it will be downgraded."""
    upgrade(revision="heads")
    yield empty_database


def test_downgrading_past_waiting_kiosk_answers_is_refused_until_they_are_stored(own_database, capsys):
    """Kiosk answers wait in their receipts until the analysis step stores them: the downgrade
    that drops those columns must not drop what a family said."""
    with db.engine.begin() as conn:
        conn.execute(insert(KioskReceipt.__table__).values(
            uuid="0b5a2f1e-8a9d-4c1e-9f4e-2d6c3b7a1e55", received_on=date.today(),
            answer={"version": 1, "answers": {}, "answered_on": date.today().isoformat()}))

    with pytest.raises(SystemExit):  # `flask db downgrade` says why and exits with 1
        downgrade(revision=BEFORE_WAITING_ANSWERS)
    assert "1 kiosk answer(s) are still waiting to be stored: run `flask --app feedback_app insights analyse`" in capsys.readouterr().err
    assert "answer" in {c["name"] for c in inspect(db.engine).get_columns("kiosk_receipts")}

    with db.engine.begin() as conn:  # what storing it does to the receipt
        conn.execute(update(KioskReceipt.__table__).values(answer=None))
    downgrade(revision=BEFORE_WAITING_ANSWERS)
    assert "answer" not in {c["name"] for c in inspect(db.engine).get_columns("kiosk_receipts")}
