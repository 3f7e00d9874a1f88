"""A kiosk's fallback meeting: the kind "general" ("a meeting here today").

Revision ID: 5e1a7c0d2b9f
Revises: 8fb99ba161b6
Create Date: 2026-12-07
"""
from alembic import op

revision = "5e1a7c0d2b9f"
down_revision = "8fb99ba161b6"
branch_labels = None
depends_on = None

KINDS = ("cp_conference", "review_conference", "core_group", "cin_meeting", "fgc", "early_help")


def _kinds(kinds) -> None:
    allowed = ", ".join(f"'{kind}'" for kind in kinds)
    # SQLite's copy of the table leaves the old CHECK behind (it is not reflected); elsewhere it
    # is dropped by name.
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, column in (("meetings", "kind"), ("responses", "meeting_kind")):
        with op.batch_alter_table(table, recreate="always" if sqlite else "auto") as batch_op:
            if not sqlite:
                batch_op.drop_constraint(op.f(f"ck_{table}_{column}"), type_="check")
            batch_op.create_check_constraint(column, f"{column} IN ({allowed})")


def upgrade():
    _kinds(KINDS + ("general",))


def downgrade():
    op.execute("UPDATE meetings SET kind = 'early_help' WHERE kind = 'general'")
    op.execute("UPDATE responses SET meeting_kind = 'early_help' WHERE meeting_kind = 'general'")
    _kinds(KINDS)
