"""How people felt about each aspect: stored by the analysis step, counted on the summary."""
import csv
import io
import json
from datetime import date

import pytest
from sqlalchemy import delete, func, select

from feedback_app.extensions import db
from feedback_app.insights import rollup, summary
from feedback_app.insights.analysis import analyse_waiting
from feedback_app.insights.summary import Filters, build
from feedback_app.models import ASPECTS, Answer, AnswerAspect, Response, Theme

from .test_insights import _all_figures, add_responses
from .test_migrations import own_database  # noqa: F401  (a fixture)

MIXED_TEXT = "The chair was kind but the meeting was awful."
CHAIR_KIND = "The chair was kind and listened to me."
CHAIR_RUDE = "The chair was rude and ignored me."
REPORTS_LATE = "The reports came late and were full of jargon."


def _aspects_of(response_ids):
    rows = db.session.execute(
        select(Answer.response_id, AnswerAspect.aspect, AnswerAspect.label)
        .join(Answer, Answer.id == AnswerAspect.answer_id).where(Answer.response_id.in_(response_ids))).all()
    return {(aspect, label) for _r, aspect, label in rows}, len(rows)


def _text_answers(response_ids):
    return db.session.scalars(select(Answer).where(Answer.response_id.in_(response_ids),
                                                   Answer.text.is_not(None))).all()


def test_the_aspects_named_here_are_the_ones_the_reader_knows():
    from feedback_app.nlp import reader

    assert ASPECTS == tuple(reader.ASPECT_WORDS)


def test_the_analysis_step_stores_mixed_and_each_aspect_in_the_same_step(app_ctx):
    ids = add_responses(2, text=MIXED_TEXT, analyse=False)
    assert _aspects_of(ids) == (set(), 0)  # answering stores nothing of the kind
    analyse_waiting()
    answers = _text_answers(ids)
    assert answers and {a.sentiment_label for a in answers} == {"mixed"}
    found, rows = _aspects_of(ids)
    assert found == {("chair", "positive"), ("conference", "negative")}
    assert rows == 2 * len(answers)  # two aspects for every text answer, once each
    assert analyse_waiting() == 0 and _aspects_of(ids)[1] == rows


def test_text_in_a_language_not_scored_gets_no_aspects(app_ctx, monkeypatch):
    from feedback_app.nlp import reader

    monkeypatch.setattr(reader, "SCORED_LANGUAGES", ("en",))  # which languages are in moves with the model
    ids = add_responses(3, text="Roedd y cadeirydd yn garedig.", locale="cy")
    assert {a.sentiment_label for a in _text_answers(ids)} == {"not_analysed"}
    assert _aspects_of(ids) == (set(), 0)


def test_a_language_switched_on_stores_its_aspects_too(app_ctx, monkeypatch):
    from feedback_app.nlp import reader

    monkeypatch.setattr(reader, "SCORED_LANGUAGES", ("cy",))
    ids = add_responses(1, text="Y cadeirydd: gwastraff amser oedd e.", locale="cy")
    assert ("chair", "negative") in _aspects_of(ids)[0]


def test_mixed_comments_are_counted_apart_and_the_totals_agree_with_a_recount(app_ctx, runner):
    add_responses(11, text=MIXED_TEXT, day=date(2026, 9, 3))
    add_responses(10, text=CHAIR_KIND, day=date(2026, 10, 3), channel="kiosk")
    sentiment = build(Filters())["sentiment"]
    per_response = len(_text_answers([db.session.scalar(select(Response.id).limit(1))]))
    assert sentiment["mixed"] == 11 * per_response and sentiment["positive"] >= 10
    assert sentiment["neutral"] == 0
    for filters in (Filters(), Filters(channel="kiosk"), Filters(since=date(2026, 9, 10))):
        assert _all_figures(summary._from_totals(filters)) == _all_figures(summary._from_responses(filters))
    before = build(Filters())
    assert runner.invoke(args=["insights", "rebuild"]).exit_code == 0
    db.session.expire_all()
    assert rollup.in_step() and build(Filters()) == before


def test_aspects_go_with_their_responses_however_they_are_deleted(app_ctx):
    ids = add_responses(4, text=MIXED_TEXT)
    # A DELETE statement, as the retention job runs…
    db.session.execute(delete(Response).where(Response.id.in_(ids[:2])))
    db.session.commit()
    assert _aspects_of(ids[:2]) == (set(), 0) and _aspects_of(ids[2:])[1] > 0
    # …or one by one.
    for response in db.session.scalars(select(Response).where(Response.id.in_(ids[2:]))).all():
        db.session.delete(response)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(AnswerAspect)) == 0
    assert rollup.in_step()


def test_the_summary_counts_each_aspect_with_its_tones(app_ctx):
    add_responses(12, text=CHAIR_KIND)
    add_responses(5, text=CHAIR_RUDE, rating="poor")
    add_responses(5, text="The chair ignored me and I felt judged.", rating="poor")
    add_responses(10, text=MIXED_TEXT)
    add_responses(3, text=REPORTS_LATE)
    aspects = build(Filters())["aspects"]
    assert list(aspects) == list(ASPECTS)
    chair = aspects["chair"]
    per = len(_text_answers([db.session.scalar(select(Response.id).limit(1))]))
    assert chair["comments"] == 32 * per
    assert chair["positive"] == 22 * per and chair["negative"] == 10 * per
    assert chair["mixed"] == 0 and chair["neutral"] == 0
    assert aspects["conference"]["negative"] == 10 * per
    # Named by 3 people only: hidden whole, however many comments they wrote.
    assert aspects["reports"]["suppressed"] and aspects["reports"]["comments"] is None
    assert aspects["social_worker"] == {"suppressed": False, "comments": 0, "positive": 0, "mixed": 0,
                                        "neutral": 0, "negative": 0, "quotes": {"positive": [], "negative": []}}
    # Two each way, the newest first, the same words quoted once; the mixed comment's chair
    # clause is positive, so it can be quoted for the chair.
    quotes = chair["quotes"]
    assert [q["text"] for q in quotes["positive"]] == [MIXED_TEXT, CHAIR_KIND]
    assert [q["text"] for q in quotes["negative"]] == ["The chair ignored me and I felt judged.", CHAIR_RUDE]
    assert quotes["negative"][0]["why"]


def test_quotes_are_balanced_when_one_side_has_fewer(app_ctx):
    add_responses(12, text=CHAIR_KIND)
    add_responses(10, text="The chair was lovely and patient.")
    add_responses(10, text=CHAIR_RUDE)
    quotes = build(Filters())["aspects"]["chair"]["quotes"]
    assert len(quotes["positive"]) == len(quotes["negative"]) == 1


def test_a_small_tone_within_an_aspect_hides_the_next_smallest_and_their_quotes(app_ctx):
    add_responses(20, text=CHAIR_KIND)
    add_responses(3, text=CHAIR_RUDE)
    chair = build(Filters())["aspects"]["chair"]
    # Hiding only the 3 negative would let them be worked out from the total: the next smallest
    # tone goes too, and with it every quote.
    assert chair["comments"] == 23
    assert chair["negative"] is None and chair["positive"] is None
    assert chair["quotes"]["negative"] == [] and chair["quotes"]["positive"] == []


def test_an_aspect_is_suppressed_by_the_people_naming_it_not_their_comments(app_ctx):
    # Each response answers two text questions: 5 people, 10 comments, threshold 10.
    add_responses(5, text=CHAIR_KIND)
    add_responses(10, text=REPORTS_LATE)
    aspects = build(Filters())["aspects"]
    assert aspects["chair"]["suppressed"] and not aspects["reports"]["suppressed"]


def test_aspect_quotes_are_consented_anonymised_and_never_a_possible_disclosure(app_ctx):
    add_responses(10, text="The chair ignored me and I felt judged.")
    add_responses(10, text="He hits me and the chair ignored me.")
    add_responses(10, text="Not quoted: the chair was rude to me.", consent=False)
    add_responses(10, text="The chair Sarah was rude and ignored me.")
    quoted = [q["text"] for q in build(Filters())["aspects"]["chair"]["quotes"]["negative"]]
    assert len(quoted) == 2
    assert not any("hits me" in t or "Not quoted" in t or "Sarah" in t for t in quoted)


def test_aspect_figures_follow_the_summary_filters(app_ctx):
    db.session.add(Theme(slug="engaging-fathers", name="Engaging Fathers", keywords=["dad"]))
    db.session.commit()
    add_responses(10, text=CHAIR_KIND, day=date(2026, 8, 5))
    add_responses(10, text=CHAIR_RUDE, day=date(2026, 10, 5), channel="kiosk")
    add_responses(12, text=REPORTS_LATE, day=date(2026, 10, 6), kind="fgc", theme="engaging-fathers")
    per = len(_text_answers([db.session.scalar(select(Response.id).limit(1))]))

    def chair(filters):
        return build(filters)["aspects"]["chair"]

    assert chair(Filters())["comments"] == 20 * per
    assert chair(Filters(since=date(2026, 10, 1)))["negative"] == 10 * per
    assert chair(Filters(since=date(2026, 10, 1)))["positive"] == 0
    assert chair(Filters(channel="link"))["negative"] == 0
    assert chair(Filters(until=date(2026, 9, 30)))["quotes"]["negative"] == []
    themed = build(Filters(theme="engaging-fathers"))["aspects"]
    assert themed["chair"]["comments"] == 0 and themed["reports"]["negative"] == 12 * per
    assert build(Filters(meeting_kind="fgc"))["aspects"]["reports"]["comments"] == 12 * per


def test_everything_hidden_hides_the_aspects_too(app_ctx):
    add_responses(9, text=CHAIR_KIND)
    aspects = build(Filters())["aspects"]
    assert all(a["suppressed"] and a["quotes"] == {"positive": [], "negative": []} for a in aspects.values())


def test_the_page_shows_the_aspects_table_and_the_csv_and_json_carry_them(client, login, app, runner):
    with app.app_context():
        add_responses(12, text=CHAIR_KIND)
        add_responses(10, text=MIXED_TEXT)
        add_responses(3, text=REPORTS_LATE)
    login("facilitator")
    html = client.get("/admin/insights/").get_data(as_text=True)
    assert "How people felt about…" in html
    table = html.split("<caption>How people felt about each part of the meeting</caption>")[1].split("</table>")[0]
    assert '<th scope="col">Mixed</th>' in table and '<th scope="row">The chair</th>' in table
    assert '<th scope="row">The conference itself</th>' in table
    reports = table.split('<th scope="row">Reports</th>')[1].split("</tr>")[0]
    assert "hidden" in reports and "3" not in reports
    assert "Hidden: fewer than 10 responses" in html
    assert "The chair was kind and listened to me." in html
    comments = table.split('<th scope="row">The chair</th>')[1].split("</tr>")[0]
    assert "<td>" in comments

    rows = list(csv.DictReader(io.StringIO(client.get("/admin/insights/figures.csv").get_data(as_text=True))))
    values = {(r["section"], r["group"], r["measure"]): r["value"] for r in rows}
    assert values[("aspects", "reports", "comments")] == "suppressed"
    assert int(values[("aspects", "chair", "comments_positive")]) > 0
    assert values[("sentiment", "all", "comments_mixed")] != "0"

    welsh = client.get("/admin/insights/?lang=cy").get_data(as_text=True)
    assert "<caption>Sut roedd pobl yn teimlo am bob rhan o'r cyfarfod</caption>" in welsh.replace("&#39;", "'")
    assert '<th scope="row">Y cadeirydd</th>' in welsh and '<th scope="col">Cymysg</th>' in welsh

    with app.app_context():
        result = runner.invoke(args=["insights", "summary", "--format", "json"])
    figures = json.loads(result.output)
    assert figures["aspects"]["conference"]["negative"] > 0 and figures["aspects"]["reports"]["suppressed"]
    assert figures["sentiment"]["mixed"] > 0


def test_the_migration_goes_down_and_up_keeping_every_answer_and_flag(own_database):
    """Down: mixed becomes neutral again (in the answers and the totals) and the aspects go;
    nothing else is lost, not even on SQLite, where changing a CHECK usually copies the table
    (and would take the safeguarding flags with the old copy)."""
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import inspect, text

    from feedback_app.models import SafeguardingFlag
    from feedback_app.surveys.shipped import ensure_shipped_surveys

    ensure_shipped_surveys()
    db.session.commit()
    add_responses(3, text=MIXED_TEXT)
    add_responses(2, text="He hits me and the chair ignored me.")
    answers = db.session.scalar(select(func.count()).select_from(Answer))
    flags = db.session.scalar(select(func.count()).select_from(SafeguardingFlag))
    mixed = db.session.scalar(select(func.count()).select_from(Answer).where(Answer.sentiment_label == "mixed"))
    assert flags > 0 and mixed > 0
    db.session.commit()
    db.session.remove()

    downgrade(revision="7c3d9e2a4b61")
    with db.engine.connect() as conn:
        assert "answer_aspects" not in inspect(conn).get_table_names()
        assert conn.scalar(text("SELECT count(*) FROM answers")) == answers
        assert conn.scalar(text("SELECT count(*) FROM safeguarding_flags")) == flags
        assert conn.scalar(text("SELECT count(*) FROM answers WHERE sentiment_label = 'mixed'")) == 0
        assert conn.scalar(text("SELECT sum(comments_neutral) FROM insight_counts WHERE theme_id = 0")) >= mixed
    with db.engine.begin() as conn, pytest.raises(Exception):
        with conn.begin_nested():
            conn.execute(text("UPDATE answers SET sentiment_label = 'mixed'"))

    upgrade(revision="heads")
    with db.engine.begin() as conn:
        assert conn.scalar(text("SELECT count(*) FROM safeguarding_flags")) == flags
        conn.execute(text("UPDATE answers SET sentiment_label = 'mixed' WHERE sentiment_label = 'neutral'"))
        with pytest.raises(Exception), conn.begin_nested():
            conn.execute(text("UPDATE answers SET sentiment_label = 'glad'"))
    rollup.rebuild()
    db.session.commit()
    assert rollup.in_step()


def test_rescoring_gives_answers_analysed_before_the_upgrade_their_mixed_and_aspects(app_ctx, runner):
    from sqlalchemy import update

    ids = add_responses(12, text=MIXED_TEXT)
    add_responses(10, text=CHAIR_RUDE)
    after = build(Filters())
    # As the upgrade leaves answers analysed before it: mixed stored as neutral, no aspects.
    db.session.execute(update(Answer).where(Answer.sentiment_label == "mixed").values(sentiment_label="neutral"))
    db.session.execute(delete(AnswerAspect))
    rollup.rebuild()
    db.session.commit()
    assert build(Filters())["sentiment"]["mixed"] == 0 and build(Filters())["aspects"]["chair"]["comments"] == 0

    result = runner.invoke(args=["insights", "rescore"])
    assert result.exit_code == 0, result.output
    assert "Scored the comments of 22 responses again" in result.output
    db.session.expire_all()
    assert build(Filters()) == after and rollup.in_step()
    assert _aspects_of(ids)[0] == {("chair", "positive"), ("conference", "negative")}
    for filters in (Filters(), Filters(since=date(2026, 10, 1))):
        assert _all_figures(summary._from_totals(filters)) == _all_figures(summary._from_responses(filters))
