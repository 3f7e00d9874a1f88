"""What storing an answer needs to know of a survey version, read once per process.

A version never changes once it is made (an edit makes a new one, and versions are never
deleted), so its questions are kept here after the first read rather than loaded again for every
answer a tablet sends.
"""
from __future__ import annotations

from dataclasses import dataclass

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

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_KINDS


@dataclass(frozen=True)
class VersionShape:
    id: int
    survey_slug: str
    questions: tuple[QuestionShape, ...]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(q.key for q in self.questions)


_known: dict[tuple[object, int], VersionShape] = {}


def _key(version_id: int) -> tuple[object, int]:
    return (db.engine, version_id)  # one process may serve several databases (benchmarks)


def of(version: SurveyVersion) -> VersionShape:
    """The shape of a version already loaded with its questions."""
    key = _key(version.id)
    if key not in _known:
        _known[key] = VersionShape(
            id=version.id, survey_slug=version.survey.slug,
            questions=tuple(
                QuestionShape(id=q.id, key=q.key, kind=q.kind, required=q.required,
                              values=frozenset() if q.kind in TEXT_KINDS else frozenset(values_for(q)))
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


def forget() -> None:
    """Forget every shape: for tests, which empty the database (and so reuse ids) between runs."""
    _known.clear()
