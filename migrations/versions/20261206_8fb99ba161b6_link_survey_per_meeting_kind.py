"""the survey a link asks, chosen per kind of meeting

Revision ID: 8fb99ba161b6
Revises: b9c0d1e2f3a4
Create Date: 2026-12-06

"""
import sqlalchemy as sa
from alembic import op


revision = "8fb99ba161b6"
down_revision = "b9c0d1e2f3a4"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "link_survey_choices",
        sa.Column("meeting_kind", sa.String(length=32), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["survey_id"], ["surveys.id"], name="fk_link_survey_choices_survey_id_surveys"),
        sa.PrimaryKeyConstraint("meeting_kind", name="pk_link_survey_choices"),
    )


def downgrade():
    op.drop_table("link_survey_choices")
