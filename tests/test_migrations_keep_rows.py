"""Migrations keep what a database already holds: no step, up or down, loses a row of a table
it keeps.

SQLite changes a constraint or drops a column by copying the table and dropping the old one;
with foreign keys on, that drop deletes every row that refers to the table (ON DELETE CASCADE):
answers, safeguarding flags, theme tags...
"""
from datetime import date, datetime, timezone

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade

from feedback_app.extensions import db


BEFORE_GENERAL_KIND = "8fb99ba161b6"
NOW = datetime(2026, 11, 20, 10, 30, tzinfo=timezone.utc)
TODAY = date(2026, 11, 20)

# One row for each table, with the columns it has when it is created, in the order foreign keys
# need them.
ROWS = {
    "users": dict(id=1, email="lead@example.org", password_hash="x", role="safeguarding_lead", active=True,
                  created_at=NOW, failed_logins=0),
    "surveys": dict(id=1, slug="after-meeting", name="After the meeting", default_delay_days=2, created_at=NOW),
    "survey_versions": dict(id=1, survey_id=1, number=1, title="After the meeting", intro="", created_at=NOW,
                            created_by_id=1),
    "questions": dict(id=1, version_id=1, position=1, key="heard", kind="free_text", prompt="Were you heard?",
                      hint="", required=False, options=[]),
    "meetings": dict(id=1, kind="cp_conference", held_on=TODAY, venue="Town Hall", room="2", created_at=NOW),
    "responses": dict(id=1, survey_version_id=1, channel="link", locale="en_GB", meeting_kind="cp_conference",
                      meeting_id=1, submitted_on=TODAY, supported_by_advocate=False, consent_to_quote=True),
    "answers": [dict(id=1, response_id=1, question_id=1, text="The chair listened to us."),
                dict(id=2, response_id=1, question_id=1, text="I was scared to speak.")],
    "themes": dict(id=1, slug="being-heard", name="Being heard", keywords=["listened"]),
    "response_themes": dict(response_id=1, theme_id=1),
    "stories": dict(id=1, teller_role="parent", sharing="internal", status="approved", anonymised_text="We felt heard.",
                    team="North", submitted_on=TODAY, rejection_reason=""),
    "story_themes": dict(story_id=1, theme_id=1),
    "audit_events": dict(id=1, occurred_at=NOW, actor_id=1, action="login", target_type="user", target_id="1",
                         detail={}),
    "invitations": dict(id=1, meeting_id=1, survey_id=1, channel="email", locale="en_GB", token_hash="t" * 64,
                        status="sent", created_at=NOW, due_at=NOW, expires_at=NOW, attempts=1),
    "kiosk_devices": dict(id=1, room_name="Family room", venue="Town Hall", default_locale="en_GB", created_at=NOW),
    "kiosk_receipts": dict(uuid="0b5a2f1e-8a9d-4c1e-9f4e-2d6c3b7a1e55", received_on=TODAY),
    "safeguarding_flags": [dict(id=1, answer_id=2, cues=["scared"], raised_on=TODAY, status="open"),
                           dict(id=2, story_id=1, cues=["scared"], raised_on=TODAY, status="reviewed",
                                reviewed_at=NOW, reviewed_by_id=1)],
    "story_sentiments": dict(story_id=1, polarity=0.5, label="positive"),
    "insight_counts": dict(theme_id=1, day=TODAY, channel="link", meeting_kind="cp_conference", month=202611,
                           responses=1, ratings_answered=0, ratings_positive=0, ratings_negative=0,
                           comments_positive=1, comments_neutral=0, comments_negative=1, comments_not_analysed=0),
    "newsletter_issues": dict(id=1, month="2026-11", intro="", status="draft", sent_count=0),
    "you_said_we_did": dict(id=1, issue_id=1, you_said="Too many people", we_did="Fewer people"),
    "newsletter_subscribers": dict(id=1, email="reader@example.org", active=True, created_at=NOW),
    "link_survey_choices": dict(meeting_kind="cp_conference", survey_id=1),
    "theme_names": dict(id=1, theme_id=1, locale="cy", name="Cael eich clywed"),
    # Comes with the per-aspect sentiment (branch wip/aspects); unused until that is merged.
    "answer_aspects": dict(answer_id=1, aspect="chair", response_id=1, label="positive"),
}
# What later migrations add to those tables without a default, for rows written after them.
LATER_COLUMNS = {"stories": dict(replacements=[], hand_edited=False)}
# A table a migration fills from another (insight_month_counts from insight_counts).
FILLED_BY_MIGRATIONS = {"alembic_version", "insight_month_counts"}

# The six feature branches after the initial schema, in the order that puts most rows in the way
# of the copies: the flags before answers and stories are copied, the story sentiments before
# stories are.
BRANCHES_FIRST = ("f8a1b2c3d4e5", "b6a1b2c3d4e5", "c5a1b2c3d4e5", "e4a1b2c3d4e5", "a8b1c2d3e4f5", "d3a1b2c3d4e5")


def _typed(value):
    if isinstance(value, bool):
        return sa.Boolean()
    if isinstance(value, datetime):
        return sa.DateTime(timezone=True)
    if isinstance(value, date):
        return sa.Date()
    if isinstance(value, (dict, list)):
        return sa.JSON()
    return None


def _insert(conn, table_name, later_columns=False):
    rows = ROWS[table_name]
    rows = rows if isinstance(rows, list) else [rows]
    if later_columns:
        rows = [{**row, **LATER_COLUMNS.get(table_name, {})} for row in rows]
    for row in rows:
        table = sa.table(table_name, *(sa.column(name, _typed(value)) for name, value in row.items()))
        conn.execute(sa.insert(table).values(row))


def _counts():
    with db.engine.connect() as conn:
        return {name: conn.execute(sa.text(f'SELECT count(*) FROM "{name}"')).scalar_one()
                for name in sa.inspect(conn).get_table_names() if name != "alembic_version"}


def _fill_new_tables(counts_before):
    """A row in every table the last step created."""
    with db.engine.begin() as conn:
        created = set(sa.inspect(conn).get_table_names()) - set(counts_before) - FILLED_BY_MIGRATIONS
        for name in sorted(created, key=lambda name: list(ROWS).index(name) if name in ROWS else -1):
            assert name in ROWS, f"add a row for the new table {name} to ROWS"
            _insert(conn, name)


def _assert_kept(before, after, step):
    lost = {name: (count, after[name]) for name, count in before.items() if name in after and after[name] < count}
    assert not lost, f"{step} lost rows (before, after): {lost}"


def _revisions():
    from flask import current_app

    return ScriptDirectory.from_config(current_app.extensions["migrate"].migrate.get_config())


def _upgrade_order():
    natural = [revision.revision for revision in reversed(list(_revisions().walk_revisions()))]
    return [natural[0], *BRANCHES_FIRST, *(r for r in natural[1:] if r not in BRANCHES_FIRST)]


def _one_step_below(revision):
    """Undoing a merge means going back to any of its parents (Alembic undoes only the merge);
    undoing one branch's revision is that branch's -1."""
    parents = _revisions().get_revision(revision).down_revision
    return parents[0] if isinstance(parents, tuple) else f"{revision}@-1"


def test_upgrading_to_the_general_kind_keeps_answers_flags_and_themes(empty_database):
    upgrade(revision=BEFORE_GENERAL_KIND)
    with db.engine.begin() as conn:
        tables = set(sa.inspect(conn).get_table_names())
        for name in ROWS:
            if name in tables:
                _insert(conn, name, later_columns=True)
    before = _counts()
    assert before["answers"] == 2 and before["safeguarding_flags"] == 2 and before["response_themes"] == 1

    upgrade(revision="heads")

    after = _counts()
    _assert_kept(before, after, "upgrading to heads")
    with db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT text FROM answers ORDER BY id")).scalars().all() == [
            "The chair listened to us.", "I was scared to speak."]
        assert conn.execute(sa.text("SELECT answer_id FROM safeguarding_flags WHERE id = 1")).scalar_one() == 2
        if conn.dialect.name == "sqlite":  # the app's connections still enforce foreign keys
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        # The new kind is allowed now.
        conn.execute(sa.text("UPDATE responses SET meeting_kind = 'general'"))
        conn.execute(sa.text("UPDATE meetings SET kind = 'general'"))


def test_no_step_up_or_down_loses_a_row(empty_database):
    order = _upgrade_order()
    applied = []
    for revision in order:
        before = _counts()
        upgrade(revision=revision)
        _assert_kept(before, _counts(), f"upgrading to {revision}")
        _fill_new_tables(before)
        applied.append(revision)

    # Waiting kiosk answers stop the downgrade on purpose (tests/test_migrations.py): none here.
    for revision in reversed(applied[1:]):
        before = _counts()
        downgrade(revision=_one_step_below(revision))
        _assert_kept(before, _counts(), f"downgrading {revision}")


def test_on_sqlite_a_migration_leaving_rows_that_refer_to_nothing_is_refused(empty_database, capsys):
    """Foreign keys are off while the migrations copy tables; PRAGMA foreign_key_check stands in
    for them before the migrations commit."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL keeps its foreign keys on while migrating")
    upgrade(revision=BEFORE_GENERAL_KIND)
    with db.engine.begin() as conn:
        for name in ("users", "surveys", "survey_versions", "questions", "meetings", "responses"):
            _insert(conn, name)
        conn.exec_driver_sql("DELETE FROM responses")  # ...and an answer to a response deleted
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # as an old copy of the database might
        conn.execute(sa.text("INSERT INTO answers (id, response_id, question_id, text) VALUES (1, 1, 1, 'x')"))
        conn.commit()
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")

    with pytest.raises(SystemExit):
        upgrade(revision="heads")
    assert "rows refer to rows that are not there" in capsys.readouterr().err
