"""stories: replacements and approval; newsletter issues, "you said, we did" notes, subscribers

Revision ID: c5a1b2c3d4e5
Revises: a133b18fca46
Create Date: 2026-11-24

"""
from alembic import op
import sqlalchemy as sa


revision = "c5a1b2c3d4e5"
down_revision = "a133b18fca46"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "newsletter_issues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("intro", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_count", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('draft', 'published')", name=op.f("ck_newsletter_issues_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_newsletter_issues")),
        sa.UniqueConstraint("month", name=op.f("uq_newsletter_issues_month")),
    )
    op.create_table(
        "you_said_we_did",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("issue_id", sa.Integer(), nullable=False),
        sa.Column("you_said", sa.Text(), nullable=False),
        sa.Column("we_did", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["issue_id"], ["newsletter_issues.id"],
                                name=op.f("fk_you_said_we_did_issue_id_newsletter_issues"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_you_said_we_did")),
    )
    with op.batch_alter_table("you_said_we_did", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_you_said_we_did_issue_id"), ["issue_id"], unique=False)
    op.create_table(
        "newsletter_subscribers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_newsletter_subscribers")),
        sa.UniqueConstraint("email", name=op.f("uq_newsletter_subscribers_email")),
    )
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("replacements", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("hand_edited", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("approved_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("newsletter_issue_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_stories_approved_on"), ["approved_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_stories_newsletter_issue_id"), ["newsletter_issue_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_stories_newsletter_issue_id_newsletter_issues"), "newsletter_issues",
            ["newsletter_issue_id"], ["id"], ondelete="SET NULL",
        )
    # The defaults only filled existing rows; the models give every new row its value.
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.alter_column("replacements", server_default=None)
        batch_op.alter_column("hand_edited", server_default=None)


def downgrade():
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_stories_newsletter_issue_id_newsletter_issues"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_stories_newsletter_issue_id"))
        batch_op.drop_index(batch_op.f("ix_stories_approved_on"))
        batch_op.drop_column("newsletter_issue_id")
        batch_op.drop_column("approved_on")
        batch_op.drop_column("hand_edited")
        batch_op.drop_column("replacements")
    op.drop_table("newsletter_subscribers")
    with op.batch_alter_table("you_said_we_did", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_you_said_we_did_issue_id"))
    op.drop_table("you_said_we_did")
    op.drop_table("newsletter_issues")
