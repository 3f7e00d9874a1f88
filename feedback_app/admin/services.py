"""What staff pages change."""
from __future__ import annotations

from ..audit import record
from ..models import Survey, SurveyVersion
from ..surveys.shipped import add_version


def edit_survey(survey: Survey, form, actor) -> SurveyVersion | None:
    """Save an edit as a new version (answers keep the version they answered). Returns None when
    nothing changed."""
    current = survey.current
    spec = {
        "title": form.title.data.strip(),
        "intro": (form.intro.data or "").strip(),
        "questions": [
            {
                "key": q.key, "kind": q.kind, "options": q.options,
                "prompt": form[f"prompt_{q.key}"].data.strip(),
                "hint": (form[f"hint_{q.key}"].data or "").strip(),
                "required": bool(form[f"required_{q.key}"].data),
            }
            for q in current.questions
        ],
    }
    unchanged = (
        spec["title"] == current.title and spec["intro"] == current.intro and all(
            (s["prompt"], s["hint"], s["required"]) == (q.prompt, q.hint, q.required)
            for s, q in zip(spec["questions"], current.questions)
        )
    )
    if unchanged:
        return None
    version = add_version(survey, spec, created_by=actor)
    record("survey.edit", actor, survey, {"version": version.number})
    return version
