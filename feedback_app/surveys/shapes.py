"""What showing and storing an answer needs to know of a survey version, read once per process.

A version never changes once it is made (an edit makes a new one, and versions are never
deleted), so its wording and questions are kept here after the first read rather than loaded
again for every page a family opens and every answer a tablet sends.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..extensions import db
from ..models import SurveyVersion
from .options import TEXT_KINDS, values_for


@dataclass(frozen=True)
class QuestionShape:
    id: int
    key: str
    kind: str
    required: bool
    values: frozenset[str]  # the options a choice may take; empty for free text
    prompt: str
    hint: str
    options: tuple[dict, ...]  # a single choice's own options, as stored

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_KINDS


@dataclass(frozen=True)
class VersionShape:
    id: int
    survey_slug: str
    questions: tuple[QuestionShape, ...]
    survey_id: int
    title: str
    intro: str

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(q.key for q in self.questions)


_known: dict[tuple[object, int], VersionShape] = {}
_made: dict[tuple[tuple[object, int], Hashable], object] = {}
T = TypeVar("T")


def _key(version_id: int) -> tuple[object, int]:
    return (db.engine, version_id)  # one process may serve several databases (benchmarks)


def of(version: SurveyVersion) -> VersionShape:
    """The shape of a version already loaded with its questions."""
    key = _key(version.id)
    if key not in _known:
        _known[key] = VersionShape(
            id=version.id, survey_slug=version.survey.slug, survey_id=version.survey_id,
            title=version.title, intro=version.intro or "",
            questions=tuple(
                QuestionShape(id=q.id, key=q.key, kind=q.kind, required=q.required,
                              values=frozenset() if q.kind in TEXT_KINDS else frozenset(values_for(q)),
                              prompt=q.prompt, hint=q.hint or "", options=tuple(q.options or ()))
                for q in version.questions),
        )
    return _known[key]


def shape(version_id: int) -> VersionShape | None:
    """The shape of a version by its id, or None if there is no such version."""
    known = _known.get(_key(version_id))
    if known is not None:
        return known
    version = db.session.scalar(
        select(SurveyVersion).where(SurveyVersion.id == version_id)
        .options(joinedload(SurveyVersion.survey), selectinload(SurveyVersion.questions)))
    return of(version) if version is not None else None


def made_once(version_id: int, what: Hashable, make: Callable[[], T]) -> T:
    """Something made from a version that cannot change either, such as its form in one
    language or its questions rendered: made on first use, then kept. `what` names it."""
    key = (_key(version_id), what)
    if key not in _made:
        _made[key] = make()
    return _made[key]  # type: ignore[return-value]


def forget() -> None:
    """Forget every shape: for tests, which empty the database (and so reuse ids) between runs."""
    _known.clear()
    _made.clear()
