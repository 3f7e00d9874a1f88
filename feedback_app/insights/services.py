"""Themes: admins edit the words that suggest them; staff tag responses with them."""
from __future__ import annotations

from sqlalchemy import delete, func, insert, select, update

from ..audit import record
from ..extensions import db
from ..models import Answer, Question, Response, Theme, ThemeName, User, response_themes
from ..nlp.themes import parse_keywords
from ..safeguarding.services import flagged_answer_ids
from ..surveys.options import TEXT_KINDS
from . import rollup

PAGE_SIZE = 10  # comments on one page of the tagging page


def all_themes() -> list[Theme]:
    return list(db.session.scalars(select(Theme).order_by(Theme.name)))


def set_keywords(theme: Theme, raw: str, actor: User) -> None:
    theme.keywords = parse_keywords(raw)
    record("theme.keywords", actor, theme, {"keywords": len(theme.keywords)})
    db.session.flush()


def set_names(theme: Theme, names: dict[str, str], actor: User, default: str = "en_GB") -> None:
    """The theme's name in each language; an empty one falls back to the English name."""
    if names.get(default):
        theme.name = names[default]
    kept = {entry.locale: entry for entry in theme.names}
    for locale, name in names.items():
        if locale == default:
            continue
        if not name:
            if locale in kept:
                theme.names.remove(kept[locale])
        elif locale in kept:
            kept[locale].name = name
        else:
            theme.names.append(ThemeName(locale=locale, name=name))
    record("theme.names", actor, theme, {"languages": sorted(k for k, v in names.items() if v)})
    db.session.flush()


def _commented(theme_slug: str | None):
    """The responses with free text to tag (optionally those with one theme), latest first.
    Text that may disclose harm is left to the safeguarding lead and not listed."""
    query = (
        select(Response.id).join(Answer, Answer.response_id == Response.id)
        .join(Question, Question.id == Answer.question_id)
        .where(Question.kind.in_(TEXT_KINDS), Answer.text.is_not(None),
               Answer.id.not_in(flagged_answer_ids()))
        .group_by(Response.id)
    )
    if theme_slug:
        query = query.where(Response.id.in_(
            select(response_themes.c.response_id).join(Theme).where(Theme.slug == theme_slug)))
    return query


def count_comments(theme_slug: str | None = None) -> int:
    return db.session.scalar(select(func.count()).select_from(_commented(theme_slug).subquery())) or 0


def recent_comments(theme_slug: str | None = None, limit: int = PAGE_SIZE, offset: int = 0) -> list[dict]:
    """One page of the latest responses with free text, each with its text and its themes, for
    tagging."""
    query = _commented(theme_slug).order_by(Response.id.desc()).limit(limit).offset(offset)
    ids = list(db.session.scalars(query))
    if not ids:
        return []
    texts: dict[int, list[str]] = {i: [] for i in ids}
    for response_id, text in db.session.execute(
        select(Answer.response_id, Answer.text).join(Question, Question.id == Answer.question_id)
        .where(Answer.response_id.in_(ids), Question.kind.in_(TEXT_KINDS), Answer.text.is_not(None),
               Answer.id.not_in(flagged_answer_ids()))
        .order_by(Answer.id)
    ):
        texts[response_id].append(text)
    tags: dict[int, dict[int, str]] = {i: {} for i in ids}
    for response_id, theme_id, source in db.session.execute(
        select(response_themes.c.response_id, response_themes.c.theme_id, response_themes.c.source)
        .where(response_themes.c.response_id.in_(ids))
    ):
        tags[response_id][theme_id] = source
    return [{"id": i, "texts": texts[i], "themes": tags[i]} for i in ids]


def set_response_themes(response: Response, theme_ids: list[int], actor: User) -> None:
    """Replace a response's themes with those a person chose; each becomes a staff tag."""
    known = set(db.session.scalars(select(Theme.id).where(Theme.id.in_(theme_ids))))
    # Write to the response first (changing nothing): that waits for an analyser holding it, on
    # PostgreSQL (its row lock) and SQLite (the write lock) alike, so its counts are in before
    # they are moved. A response still waiting is counted under its new themes when analysed.
    analysed = db.session.scalar(
        update(Response).where(Response.id == response.id).values(analysed=Response.analysed)
        .returning(Response.analysed).execution_options(synchronize_session=False))
    if analysed:  # move its counts in the summary's totals from its old themes to its new ones
        rollup.count([response.id], sign=-1, every=False)
    db.session.execute(delete(response_themes).where(response_themes.c.response_id == response.id))
    if known:
        db.session.execute(insert(response_themes), [
            {"response_id": response.id, "theme_id": t, "source": "staff"} for t in sorted(known)])
    if analysed:
        rollup.count([response.id], every=False)
    record("response.themes", actor, response, {"themes": sorted(known)})
    db.session.flush()
