"""Tagging comments with themes on a 1280 x 800 laptop: one page at a time, and the place kept."""
import pytest
from playwright.sync_api import expect

from feedback_app.extensions import db
from feedback_app.models import Theme

from ..test_insights import add_responses
from .conftest import log_in

pytestmark = pytest.mark.browser
THEMES = ["Advocacy", "Being listened to", "Childcare", "Engaging fathers", "Food and drink",
          "Interpreters", "Jargon and language", "Reports on time", "Rooms and venue", "Timekeeping",
          "Transport", "Waiting"]


def _comments(app, count):
    with app.app_context():
        for name in THEMES:
            db.session.add(Theme(slug=name.lower().replace(" ", "-"), name=name, keywords=[]))
        db.session.commit()
        return add_responses(count, text="The meeting ran late and nobody said why.")


def test_a_facilitator_tags_a_comment_on_page_two_and_stays_there(laptop, live_server, app, make_user,
                                                                  assert_accessible):
    ids = _comments(app, 25)
    log_in(laptop, live_server, make_user("facilitator"))
    laptop.goto(f"{live_server}/admin/insights/tagging")
    pages = laptop.get_by_role("navigation", name="Pages of comments").first
    expect(pages).to_contain_text("Page 1 of 3")
    expect(pages.get_by_role("link", name="Page 1")).to_have_attribute("aria-current", "page")
    # Ten comments with twelve themes each fit in a few screens, not thirteen thousand pixels.
    assert laptop.evaluate("document.documentElement.scrollHeight") < 6000
    assert laptop.evaluate("document.documentElement.scrollWidth") <= 1280
    assert_accessible(laptop)

    pages.get_by_role("link", name="Next page").click()
    expect(laptop.get_by_role("navigation", name="Pages of comments").first).to_contain_text("Page 2 of 3")
    assert "page=2" in laptop.url
    # Latest first: page 2 holds the 11th to 20th latest; the 18th is well below the fold.
    response_id = sorted(ids, reverse=True)[17]
    comment = laptop.locator(f"#comment-{response_id}")
    assert comment.bounding_box()["y"] > 800
    comment.get_by_label("Transport").check()
    comment.get_by_role("button", name="Save themes").click()

    expect(comment.get_by_role("status")).to_have_text("Saved.")
    assert "page=2" in laptop.url and laptop.url.endswith(f"#comment-{response_id}")
    expect(comment).to_be_in_viewport()
    expect(comment).to_be_focused()
    expect(comment.get_by_label("Transport")).to_be_checked()
    assert_accessible(laptop)
    expect(laptop.get_by_role("navigation", name="Pages of comments").first).to_contain_text("Page 2 of 3")


def test_the_theme_filter_is_kept_across_pages_and_saves(laptop, live_server, app, make_user):
    _comments(app, 3)
    with app.app_context():
        tagged = add_responses(12, text="Nobody explained the words.", theme="jargon-and-language")
    log_in(laptop, live_server, make_user("facilitator"))
    laptop.goto(f"{live_server}/admin/insights/tagging?theme=jargon-and-language")
    expect(laptop.get_by_role("navigation", name="Pages of comments").first).to_contain_text("Page 1 of 2")
    laptop.get_by_role("navigation", name="Pages of comments").first.get_by_role("link", name="Page 2").click()
    comment = laptop.locator(f"#comment-{min(tagged)}")
    comment.get_by_label("Waiting").check()
    comment.get_by_role("button", name="Save themes").click()
    expect(comment.get_by_role("status")).to_have_text("Saved.")
    assert "theme=jargon-and-language" in laptop.url and "page=2" in laptop.url
