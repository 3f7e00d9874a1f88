"""A theme's name in each language: shown in the page's language (English where it has none),
seeded for the demo themes, edited by admins one field a language."""
import re

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, Theme, ThemeName
from feedback_app.theme_names import THEME_NAMES

from .conftest import csrf_from
from .test_migrations import own_database  # noqa: F401  (a database of its own, to downgrade)


def _theme(app, names=None, slug="engaging-fathers", name="Engaging Fathers") -> int:
    with app.app_context():
        theme = Theme(slug=slug, name=name, keywords=["dad"],
                      names=[ThemeName(locale=k, name=v) for k, v in (names or {}).items()])
        db.session.add(theme)
        db.session.commit()
        return theme.id


def test_a_theme_is_named_in_the_language_asked_for_else_in_english(app):
    theme_id = _theme(app, {"ar": "إشراك الآباء", "zh_Hans": "让父亲参与"})
    with app.app_context():
        theme = db.session.get(Theme, theme_id)
        assert theme.name_in("ar") == "إشراك الآباء"
        assert theme.name_in("zh_Hans") == "让父亲参与"
        assert theme.name_in("cy") == "Engaging Fathers"
        assert theme.name_in("en_GB") == theme.name_in(None) == "Engaging Fathers"


def test_one_name_a_language_for_each_theme(app):
    theme_id = _theme(app, {"ar": "إشراك الآباء"})
    with app.app_context():
        db.session.add(ThemeName(theme_id=theme_id, locale="ar", name="آخر"))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_the_names_go_with_their_theme(app):
    theme_id = _theme(app, {"ar": "إشراك الآباء"})
    with app.app_context():
        db.session.delete(db.session.get(Theme, theme_id))
        db.session.commit()
        assert db.session.scalars(select(ThemeName)).all() == []


def test_the_demo_themes_have_a_name_in_every_language(app):
    languages = set(app.config["LANGUAGES"]) - {"en_GB"}
    from feedback_app.demo import THEMES

    assert {slug for slug, _name, _words in THEMES} == set(THEME_NAMES)
    for slug, names in THEME_NAMES.items():
        assert set(names) == languages, slug
        assert all(name.strip() for name in names.values()), slug


def test_the_demo_loads_the_translated_names(app):
    with app.app_context():
        from feedback_app.demo import _load_themes

        _load_themes()
        db.session.commit()
        theme = db.session.scalar(select(Theme).where(Theme.slug == "young-parents"))
        assert theme.name_in("ar") == "الآباء والأمهات الصغار"
        assert theme.name_in("cy") == "Rhieni ifanc"


def test_a_family_choosing_themes_for_a_story_reads_them_in_its_language(app, client):
    _theme(app, {"ar": "إشراك الآباء"})
    _theme(app, slug="advocacy", name="Advocacy")
    arabic = client.get("/stories/new?lang=ar").get_data(as_text=True)
    assert "إشراك الآباء" in arabic and "Engaging Fathers" not in arabic
    assert "Advocacy" in arabic  # no Arabic name yet: the English one
    english = client.get("/stories/new?lang=en-GB").get_data(as_text=True)
    assert "Engaging Fathers" in english and "إشراك الآباء" not in english


def test_the_summary_names_its_theme_in_the_page_language(app, client, login):
    _theme(app, {"ar": "إشراك الآباء"})
    login("facilitator")
    html = client.get("/admin/insights/?theme=engaging-fathers&lang=ar").get_data(as_text=True)
    heading = re.search(r'<h2 id="summary-title">(.*?)</h2>', html, re.S).group(1)
    assert "إشراك الآباء" in heading and "Engaging Fathers" not in heading


def test_an_admin_edits_a_theme_name_in_each_language(app, client, login):
    theme_id = _theme(app, {"ar": "إشراك الآباء", "fr": "Impliquer les pères"})
    login("admin")
    page = client.get("/admin/insights/themes").get_data(as_text=True)
    field = re.search(rf'<input[^>]*id="n{theme_id}-name_ar"[^>]*>', page).group(0)
    assert 'lang="ar"' in field and 'dir="rtl"' in field and 'value="إشراك الآباء"' in field
    assert re.search(rf'<label for="n{theme_id}-name_ar" lang="ar">العربية</label>', page)
    assert 'lang="zh-Hans"' in re.search(rf'<input[^>]*id="n{theme_id}-name_zh_Hans"[^>]*>', page).group(0)

    response = client.post(f"/admin/insights/themes/{theme_id}/names", data={
        "csrf_token": csrf_from(page), f"n{theme_id}-name_en_GB": "Fathers",
        f"n{theme_id}-name_ar": "الآباء", f"n{theme_id}-name_fr": "", f"n{theme_id}-name_cy": "Tadau"})
    assert response.status_code == 302
    with app.app_context():
        theme = db.session.get(Theme, theme_id)
        assert theme.name == "Fathers"
        assert theme.names_by_locale() == {"ar": "الآباء", "cy": "Tadau"}  # French emptied: English again
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "theme.names"))
        assert event is not None


def test_the_english_name_cannot_be_left_empty(app, client, login):
    theme_id = _theme(app)
    login("admin")
    page = client.get("/admin/insights/themes").get_data(as_text=True)
    client.post(f"/admin/insights/themes/{theme_id}/names", data={
        "csrf_token": csrf_from(page), f"n{theme_id}-name_en_GB": " ", f"n{theme_id}-name_ar": "الآباء"})
    with app.app_context():
        theme = db.session.get(Theme, theme_id)
        assert theme.name == "Engaging Fathers" and theme.names == []


def test_only_admins_edit_the_names(app, client, login):
    theme_id = _theme(app)
    login("facilitator")
    page = client.get("/admin/insights/themes").get_data(as_text=True)
    assert f"n{theme_id}-name_ar" not in page
    response = client.post(f"/admin/insights/themes/{theme_id}/names", data={
        "csrf_token": csrf_from(page), f"n{theme_id}-name_en_GB": "X"})
    assert response.status_code in (302, 403)
    with app.app_context():
        assert db.session.get(Theme, theme_id).name == "Engaging Fathers"


def test_the_migration_names_the_demo_themes_a_database_already_holds(own_database):
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import insert, text

    downgrade(revision="5e1a7c0d2b9f")
    with db.engine.begin() as conn:
        conn.execute(insert(Theme.__table__).values(slug="advocacy", name="Advocacy", keywords=[]))
        conn.execute(insert(Theme.__table__).values(slug="our-own", name="Our own theme", keywords=[]))
    upgrade(revision="heads")
    with db.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT t.slug, n.locale, n.name FROM theme_names n JOIN themes t ON t.id = n.theme_id")).all()
    assert {(slug, locale) for slug, locale, _name in rows} == {("advocacy", code) for code in THEME_NAMES["advocacy"]}
    assert ("advocacy", "ar", "المناصرة") in rows
