"""Themes' names in other languages (admins edit them); the demo themes get theirs.

Revision ID: 7c3d9e2a4b61
Revises: 5e1a7c0d2b9f
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "7c3d9e2a4b61"
down_revision = "5e1a7c0d2b9f"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "theme_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("locale", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(["theme_id"], ["themes.id"], name=op.f("fk_theme_names_theme_id_themes"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme_names")),
        sa.UniqueConstraint("theme_id", "locale", name=op.f("uq_theme_names_theme_id")),
    )
    op.create_index(op.f("ix_theme_names_theme_id"), "theme_names", ["theme_id"], unique=False)

    # Databases that already hold the demo themes get their names in every language.
    from feedback_app.theme_names import THEME_NAMES

    bind = op.get_bind()
    themes = sa.table("themes", sa.column("id", sa.Integer), sa.column("slug", sa.String))
    names = sa.table("theme_names", sa.column("theme_id", sa.Integer), sa.column("locale", sa.String),
                     sa.column("name", sa.String))
    ids = dict(bind.execute(sa.select(themes.c.slug, themes.c.id)).all())
    rows = [{"theme_id": ids[slug], "locale": locale, "name": name}
            for slug, by_locale in THEME_NAMES.items() if slug in ids
            for locale, name in by_locale.items()]
    if rows:
        op.bulk_insert(names, rows)


def downgrade():
    op.drop_index(op.f("ix_theme_names_theme_id"), table_name="theme_names")
    op.drop_table("theme_names")
