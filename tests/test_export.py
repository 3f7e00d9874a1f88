import csv
import io
import json

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent
from feedback_app.responses.export import csv_safe

from .test_survey_link import GOOD_ANSWERS, _post


def test_jsonl_export_has_every_response_and_nothing_identifying(client, invite, runner):
    _post(client, invite(kind="fgc"), GOOD_ANSWERS)
    _post(client, invite(survey="trigger"), {"q_fathers_need": "to be asked what they think."})
    result = runner.invoke(args=["responses", "export", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(rows) == 2
    by_survey = {row["survey"]: row for row in rows}
    assert by_survey["debrief"]["meeting_kind"] == "fgc"
    assert by_survey["debrief"]["answers"]["overall"] == "good"
    assert by_survey["trigger"]["answers"] == {"fathers_need": "to be asked what they think."}
    assert sorted(r["response"] for r in rows) == [1, 2]
    assert set(rows[0]) == {
        "response", "day", "channel", "meeting_kind", "survey", "survey_version", "locale",
        "supported_by_advocate", "consent_to_quote", "answers"}


def test_csv_export_has_one_row_per_answer(client, invite, runner, tmp_path):
    _post(client, invite(), {**GOOD_ANSWERS, "q_one_change": "=HYPERLINK(\"http://x\")"})
    out = tmp_path / "export.csv"
    result = runner.invoke(args=["responses", "export", "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0 and "Exported 1 responses." in result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert {r["question"]: r["answer"] for r in rows} == {
        "overall": "good", "listened_to": "yes", "worked_with": "worked_with",
        "one_change": "'=HYPERLINK(\"http://x\")",
    }
    assert {r["channel"] for r in rows} == {"card"}


def test_every_export_is_audited(runner, app):
    runner.invoke(args=["responses", "export", "--format", "jsonl"])
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "responses.export"))
        assert event.detail == {"format": "jsonl", "count": 0, "by": "command line"}


def test_formula_guard():
    assert csv_safe("=1+1") == "'=1+1"
    assert csv_safe("-2") == "'-2"
    assert csv_safe("fine") == "fine"
    assert csv_safe(3) == 3


def test_an_unknown_format_is_refused(runner):
    result = runner.invoke(args=["responses", "export", "--format", "xml"])
    assert result.exit_code != 0 and "xml" in result.output
