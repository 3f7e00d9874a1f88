"""A corpus of script payloads, sent through the free-text fields families use, comes back
escaped on every staff page that shows it."""
import pytest

from .test_survey_link import _post

PAYLOADS = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "'><iframe src=//evil.example>",
]
RAW_MARKERS = ["<script>alert", "<img src=x", "<svg/onload", 'href="javascript:', "<iframe src"]


def _assert_escaped(html: str):
    for marker in RAW_MARKERS:
        assert marker not in html, marker


@pytest.mark.parametrize("payload", PAYLOADS)
def test_survey_text_is_escaped_on_staff_pages(client, invite, login, payload):
    # "hits me" makes it a safeguarding flag, so the lead's page shows the words in full.
    _post(client, invite(), {"q_overall": "poor", "q_one_change": f"He hits me {payload}"},
          consent_to_quote="y")
    login("admin")
    for path in ("/admin/safeguarding/", "/admin/insights/tagging", "/admin/insights/"):
        page = client.get(path)
        assert page.status_code == 200, path
        _assert_escaped(page.get_data(as_text=True))
    assert "He hits me" in client.get("/admin/safeguarding/").get_data(as_text=True)
