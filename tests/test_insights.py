"""The facilitator's summary: figures, filters, suppression, quotes, the page, CSV and CLI."""
import csv
import io
import json
import random
from datetime import date, datetime, time, timezone
from unittest import mock

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.insights import rollup, summary
from feedback_app.insights.analysis import analyse_waiting
from feedback_app.insights.services import set_response_themes
from feedback_app.insights.summary import Filters, build
from feedback_app.models import Response, Survey, Theme
from feedback_app.nlp import reader
from feedback_app.surveys.services import record_response

POSITIVE_TEXT = "The Chair listened to me and explained everything."
NEGATIVE_TEXT = "I felt judged and nobody listened to me."


def add_responses(count, *, day=date(2026, 10, 5), channel="link", kind="cp_conference", rating="good",
                  text=POSITIVE_TEXT, consent=True, locale="en_GB", theme=None, analyse=True):
    """`count` responses as families give them, analysed (unless not `analyse`); returns their ids."""
    survey = "kiosk" if channel == "kiosk" else "debrief"
    version = db.session.scalar(select(Survey).where(Survey.slug == survey)).current
    smiley = {"good": "happy", "poor": "unhappy", "neither": "okay"}[rating]
    ids = []
    noon = datetime.combine(day, time(12), tzinfo=timezone.utc)
    with mock.patch("feedback_app.clock.now", return_value=noon):
        for _ in range(count):
            answers = {"overall": rating, "overall_smiley": smiley, "one_change": text, "anything_else": text}
            response_id = record_response(version, answers, channel=channel, locale=locale,
                                          meeting_kind=kind, consent_to_quote=consent)
            if theme:
                set_response_themes(db.session.get(Response, response_id),
                                    [db.session.scalar(select(Theme.id).where(Theme.slug == theme))], None)
            ids.append(response_id)
    if analyse:
        analyse_waiting()  # as the analysis step, or the page, would
    db.session.commit()
    return ids


@pytest.fixture
def fathers(app_ctx):
    db.session.add(Theme(slug="engaging-fathers", name="Engaging Fathers", keywords=["dad"]))
    db.session.commit()


def test_ratings_and_sentiment_are_counted(app_ctx):
    add_responses(8, rating="good", text=POSITIVE_TEXT)
    add_responses(4, rating="poor", text=NEGATIVE_TEXT)
    summary = build(Filters())
    assert summary["responses"] == 12
    assert summary["ratings"] == {"suppressed": False, "answered": 12, "positive": 8, "negative": 4,
                                  "neutral": 0, "positive_percent": 67, "negative_percent": 33}
    assert summary["sentiment"]["positive"] == 8 and summary["sentiment"]["negative"] == 4


def test_everything_is_hidden_below_the_threshold_and_shown_at_it(app_ctx):
    add_responses(9)
    hidden = build(Filters())
    assert hidden["suppression"]["everything_suppressed"] and hidden["responses"] is None
    assert hidden["ratings"]["positive"] is None and hidden["quotes"]["positive"] == []
    assert all(row["suppressed"] for row in hidden["trend"] + hidden["timing"])
    add_responses(1)
    shown = build(Filters())
    assert not shown["suppression"]["everything_suppressed"] and shown["responses"] == 10


def test_a_small_month_hides_the_next_smallest_so_it_cannot_be_subtracted(app_ctx):
    add_responses(3, day=date(2026, 8, 10))
    add_responses(12, day=date(2026, 9, 10))
    add_responses(30, day=date(2026, 10, 10))
    trend = {row["month"]: row for row in build(Filters())["trend"]}
    assert trend["2026-08"]["suppressed"] and trend["2026-08"]["responses"] is None
    assert trend["2026-09"]["suppressed"] and trend["2026-09"]["ratings"]["positive"] is None
    assert not trend["2026-10"]["suppressed"] and trend["2026-10"]["responses"] == 30


def test_kiosk_and_delayed_answers_side_by_side(app_ctx):
    add_responses(10, channel="kiosk", rating="poor", text=NEGATIVE_TEXT)
    add_responses(12, channel="link", rating="good")
    add_responses(11, channel="card", rating="good")
    timing = {row["group"]: row for row in build(Filters())["timing"]}
    assert timing["at_once"]["responses"] == 10 and timing["at_once"]["ratings"]["negative_percent"] == 100
    assert timing["later"]["responses"] == 23 and timing["later"]["ratings"]["positive_percent"] == 100
    assert timing["at_once"]["sentiment"]["negative"] == 10


@pytest.mark.parametrize("filters, expected", [
    (Filters(), 40),
    (Filters(channel="kiosk"), 10),
    (Filters(meeting_kind="fgc"), 10),
    (Filters(theme="engaging-fathers"), 10),
    (Filters(since=date(2026, 9, 1)), 30),
    (Filters(since=date(2026, 9, 1), until=date(2026, 9, 30)), 10),
])
def test_filters_narrow_the_figures(fathers, filters, expected):
    add_responses(10, day=date(2026, 8, 1))
    add_responses(10, day=date(2026, 9, 1), channel="kiosk")
    add_responses(10, day=date(2026, 10, 1), kind="fgc")
    add_responses(10, day=date(2026, 10, 2), theme="engaging-fathers")
    assert build(filters)["responses"] == expected


def test_a_filter_that_leaves_a_small_group_hides_it(fathers):
    add_responses(30)
    add_responses(4, theme="engaging-fathers")
    summary = build(Filters(theme="engaging-fathers"))
    assert summary["suppression"]["everything_suppressed"] and summary["responses"] is None


def test_quotes_are_balanced_consented_and_never_a_possible_disclosure(app_ctx):
    add_responses(10, rating="good", text=POSITIVE_TEXT)
    add_responses(5, rating="poor", text="I felt judged and ignored by everyone.")
    add_responses(5, rating="poor", text="He hits me and I felt judged and ignored.")
    add_responses(5, rating="poor", text="Not quoted: I felt blamed and ignored.", consent=False)
    quotes = build(Filters())["quotes"]
    texts = [q["text"] for q in quotes["positive"] + quotes["negative"]]
    assert len(quotes["positive"]) == len(quotes["negative"]) > 0
    assert all("hits me" not in t and "Not quoted" not in t for t in texts)
    assert quotes["negative"][0]["why"] and "judged" in quotes["negative"][0]["why"]


def test_quotes_are_anonymised(app_ctx):
    add_responses(5, text="Sarah ignored me and I felt blamed.")
    add_responses(5, text="Ring me on 07700 900123 or write to mum@example.org, I felt judged.")
    add_responses(5, text=POSITIVE_TEXT)
    add_responses(5, text="Everyone was kind and respectful.")
    negative = build(Filters())["quotes"]["negative"]
    assert negative and "07700" not in negative[0]["text"] and "@" not in negative[0]["text"]
    assert "a phone number" in negative[0]["text"]
    assert "Sarah" not in " ".join(q["text"] for q in negative)
    assert any(q["text"].endswith("ignored me and I felt blamed.") for q in negative)


def test_phrases_used_by_too_few_are_left_out(app_ctx):
    add_responses(12, text="Too much jargon.")
    add_responses(3, text="I felt humiliated.")
    phrases = {item["phrase"]: item for item in build(Filters())["phrases"]["items"]}
    assert phrases["jargon"]["comments"] == 12 and phrases["jargon"]["tone"] == "negative"
    assert "humiliated" not in phrases


def test_the_page_is_for_facilitators_and_admins(client, login):
    login("moderator")
    assert client.get("/admin/insights/").status_code == 403


def test_the_page_shows_figures_and_says_what_is_hidden(client, login, app):
    with app.app_context():
        add_responses(3, day=date(2026, 8, 10))
        add_responses(12, day=date(2026, 9, 10), rating="poor", text=NEGATIVE_TEXT)
        add_responses(20, day=date(2026, 10, 10))
    login("facilitator")
    html = client.get("/admin/insights/").get_data(as_text=True)
    assert 'role="img"' in html and "<title" in html and "<table>" in html
    assert "Hidden: fewer than 10 responses" in html
    assert NEGATIVE_TEXT in html and POSITIVE_TEXT in html
    assert "style=" not in html
    filtered = client.get("/admin/insights/?since=2026-10-01").get_data(as_text=True)
    assert "20 responses." in filtered and NEGATIVE_TEXT not in filtered


def test_figures_download_as_csv(client, login, app):
    with app.app_context():
        add_responses(3, channel="kiosk")
        add_responses(15, channel="link")
    login("facilitator")
    response = client.get("/admin/insights/figures.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    values = {(r["section"], r["group"], r["measure"]): r["value"] for r in rows}
    assert values[("responses", "all", "responses")] == "18"
    assert values[("timing", "at_once", "responses")] == "suppressed"
    assert values[("timing", "later", "responses")] == "suppressed"  # else 18 - 15 gives the 3 away


def test_the_page_and_the_csv_count_answers_the_analysis_step_has_not_reached_yet(client, login, app):
    with app.app_context():
        add_responses(12, rating="poor", text=NEGATIVE_TEXT, analyse=False)
    login("facilitator")
    assert "12 responses." in client.get("/admin/insights/").get_data(as_text=True)
    with app.app_context():
        add_responses(3, analyse=False)
    rows = csv.DictReader(io.StringIO(client.get("/admin/insights/figures.csv").get_data(as_text=True)))
    values = {(r["section"], r["group"], r["measure"]): r["value"] for r in rows}
    assert values[("responses", "all", "responses")] == "15"
    assert values[("sentiment", "all", "comments_negative")] == "12"  # each scored, and once


def test_the_analysis_command_can_keep_watching(runner, app_ctx, monkeypatch):
    add_responses(4, analyse=False)
    naps = []

    def nap(seconds):
        naps.append(seconds)
        if len(naps) == 2:
            raise KeyboardInterrupt  # stop the loop here, as Ctrl-C would

    monkeypatch.setattr("feedback_app.insights.cli.time.sleep", nap)
    result = runner.invoke(args=["insights", "analyse", "--watch", "5"])
    assert naps == [5, 5]
    # Said once, when there was something to do; quiet while there is nothing new.
    assert result.output.count("Analysed 4 responses.") == 1 and "Analysed 0" not in result.output
    assert rollup.in_step()


def test_summary_command_for_scripts(runner, app, fathers):
    add_responses(10, day=date(2026, 9, 1), theme="engaging-fathers")
    add_responses(10, day=date(2026, 7, 1), theme="engaging-fathers")
    add_responses(10, day=date(2026, 9, 1))
    result = runner.invoke(args=["insights", "summary", "--theme", "engaging-fathers", "--since", "2026-08-01",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["responses"] == 10 and figures["filters"]["theme"] == "engaging-fathers"
    assert {"ratings", "sentiment", "trend", "timing", "phrases", "quotes", "suppression"} <= set(figures)
    as_csv = runner.invoke(args=["insights", "summary", "--format", "csv"])
    assert as_csv.output.startswith("section,group,measure,value")
    assert "responses,all,responses,30" in as_csv.output


def _all_figures(figures):
    return {breakdown: figures(breakdown) for breakdown in (None, "month", "timing")}


def test_running_totals_match_a_recount_after_arrivals_retagging_and_bulk_loads(fathers):
    from feedback_app.demo import load_responses

    ids = add_responses(6, day=date(2026, 9, 3), channel="kiosk", rating="poor", text=NEGATIVE_TEXT)
    add_responses(5, day=date(2026, 10, 3), kind="fgc", locale="pl", theme="engaging-fathers")
    response = db.session.get(Response, ids[0])
    set_response_themes(response, [db.session.scalar(select(Theme.id))], None)
    db.session.commit()
    for filters in (Filters(), Filters(theme="engaging-fathers"), Filters(channel="kiosk"),
                    Filters(since=date(2026, 10, 1))):
        assert _all_figures(summary._from_totals(filters)) == _all_figures(summary._from_responses(filters))
    assert rollup.in_step()

    load_responses(300, random.Random(5))
    db.session.commit()
    assert rollup.in_step()  # bulk-loaded responses wait to be analysed…
    assert analyse_waiting() == 300  # …and the analysis counts them
    db.session.commit()
    assert rollup.in_step() and analyse_waiting() == 0
    for filters in (Filters(), Filters(theme="engaging-fathers"), Filters(meeting_kind="fgc")):
        assert _all_figures(summary._from_totals(filters)) == _all_figures(summary._from_responses(filters))


@pytest.mark.parametrize("since, until", [
    (None, None), (date(2026, 9, 1), None), (date(2026, 9, 15), None), (None, date(2026, 9, 30)),
    (None, date(2026, 9, 14)), (date(2026, 8, 20), date(2026, 10, 10)),
    (date(2026, 9, 1), date(2026, 9, 30)), (date(2026, 9, 2), date(2026, 9, 29)),
    (date(2026, 8, 31), date(2026, 9, 1)), (date(2026, 8, 1), date(2026, 10, 31)),
])
def test_whole_months_and_the_days_either_side_add_up_to_the_period(fathers, since, until):
    for day in (date(2026, 8, 1), date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 14),
                date(2026, 9, 15), date(2026, 9, 30), date(2026, 10, 1), date(2026, 10, 10),
                date(2026, 10, 11), date(2026, 10, 31)):
        add_responses(1, day=day, theme="engaging-fathers")
        add_responses(2, day=day, channel="kiosk", rating="poor", text=NEGATIVE_TEXT)
    for filters in (Filters(since=since, until=until),
                    Filters(since=since, until=until, theme="engaging-fathers", channel="link")):
        assert _all_figures(summary._from_totals(filters)) == _all_figures(summary._from_responses(filters))


def test_deleting_responses_recounts_the_totals_however_it_is_done(app_ctx, runner):
    from sqlalchemy import delete

    add_responses(15, rating="poor")
    add_responses(12, rating="good")
    # A DELETE statement, as the retention job runs…
    db.session.execute(delete(Response).where(Response.id.in_(
        select(Response.id).order_by(Response.id).limit(15))))
    db.session.commit()
    assert rollup.in_step()
    assert build(Filters())["ratings"]["negative"] == 0 and build(Filters())["responses"] == 12
    # …or one by one.
    for response in db.session.scalars(select(Response).limit(2)).all():
        db.session.delete(response)
    db.session.commit()
    assert rollup.in_step() and build(Filters())["responses"] == 10
    assert runner.invoke(args=["insights", "rebuild"]).exit_code == 0
    db.session.expire_all()
    assert rollup.in_step() and build(Filters())["responses"] == 10


def test_each_language_that_cannot_be_scored_is_named_with_the_comments_it_leaves_out(client, login, app, monkeypatch):
    monkeypatch.setattr(reader, "SCORED_LANGUAGES", ("en",))  # which languages are in moves with the model
    with app.app_context():
        add_responses(12, text="Roedd y cadeirydd yn garedig.", locale="cy")
        add_responses(10, text="كان الاجتماع صعباً.", locale="ar")
        add_responses(3, text="Shirku wuu adkaa.", locale="so")
        add_responses(10)
        unscored = build(Filters())["unscored_languages"]
        # Somali (3 people) is hidden, and Arabic beside it, so that Somali cannot be worked
        # out from the total by subtraction.
        assert unscored == {"suppressed": False, "others_hidden": True, "languages": {"cy": 12}}
        assert build(Filters(), limit=3)["unscored_languages"]["languages"] == {"cy": 12, "ar": 10, "so": 3}
    login("facilitator")
    html = client.get("/admin/insights/").get_data(as_text=True)
    table = html.split("<caption>Languages whose comments cannot be scored yet</caption>")[1].split("</table>")[0]
    assert "<th scope=\"row\">Welsh</th><td>12</td>" in table and "Other languages" in table
    assert "Somali" not in table and "Arabic" not in table
    arabic = client.get("/admin/insights/?lang=ar").get_data(as_text=True)
    assert "الويلزية" in arabic  # the language named in the page's language
