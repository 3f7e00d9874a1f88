"""A response row cannot be traced to an invitation, a contact, an IP address or a device."""
from sqlalchemy import Date

from feedback_app.models import Answer, Response

FORBIDDEN = ("invitation", "contact", "ip", "address", "device", "token", "email", "phone", "user", "created", "time")


def test_response_and_answer_columns_hold_nothing_that_links_to_a_person():
    for table in (Response.__table__, Answer.__table__):
        for column in table.columns:
            parts = column.name.split("_")
            assert not any(word in parts for word in FORBIDDEN), f"{table.name}.{column.name}"
    foreign = {fk.column.table.name for fk in Response.__table__.foreign_keys}
    assert foreign == {"survey_versions", "meetings"}


def test_a_response_keeps_only_the_day():
    assert isinstance(Response.__table__.c.submitted_on.type, Date)
