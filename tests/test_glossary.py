from feedback_app.glossary.terms import TERMS, find_terms


def slugs(terms):
    return [t["slug"] for t in terms]


def test_glossary_page_lists_terms(client):
    response = client.get("/glossary")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Section 47" in page
    assert "Independent Reviewing Officer" in page


def test_enough_terms_with_unique_slugs():
    assert len(TERMS) >= 30
    all_slugs = slugs(TERMS)
    assert len(all_slugs) == len(set(all_slugs))


def test_find_terms_in_order_of_first_mention():
    found = find_terms("The IRO chaired the core group and mentioned section 47.")
    assert slugs(found) == ["iro", "core-group", "section-47"]


def test_find_terms_matches_whole_phrases_only():
    assert "child-in-need" not in slugs(find_terms("I am in need of a coffee"))


def test_find_terms_empty_text():
    assert find_terms("") == []
