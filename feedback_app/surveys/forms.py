"""A WTForms form built from a survey version: one field per question."""
from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from ..i18n import translated
from ..models import SurveyVersion
from ..nlp.jargon import explanations
from .options import TEXT_KINDS, choices_for
from .services import version_for


def field_name(question) -> str:
    return f"q_{question.key}"


class SurveyForm(FlaskForm):
    version_id = HiddenField()
    consent_to_quote = BooleanField(
        _l("You may quote my words, without anything that could identify me, to help others learn.")
    )
    submit = SubmitField(_l("Send my answers"))

    questions: list = []

    def answers(self) -> dict[str, str | None]:
        return {q.key: self[field_name(q)].data for q in self.questions}

    def question_fields(self):
        """(question, field, jargon) in the survey's order, for the template. `jargon` lists the
        jargon buster entries a question's wording uses, each term explained once per page."""
        seen: set[str] = set()
        rows = []
        for q in self.questions:
            entries = [e for e in explanations(q.prompt, q.hint) if e["slug"] not in seen]
            seen.update(e["slug"] for e in entries)
            rows.append((q, self[field_name(q)], entries))
        return rows


def build_survey_form(version: SurveyVersion, base: type[SurveyForm] = SurveyForm, **kwargs) -> SurveyForm:
    """`base` may add fields of its own (the advocate's entry adds the meeting kind)."""
    max_text = current_app.config["FEEDBACK_MAX_TEXT_LENGTH"]

    class Form(base):
        pass

    for question in version.questions:
        prompt = translated(question.prompt)
        presence = (
            InputRequired(message=_("Please answer: %(question)s", question=prompt))
            if question.required else Optional()
        )
        if question.kind in TEXT_KINDS:
            field = TextAreaField(prompt, validators=[presence, Length(
                max=max_text,
                message=_("Please keep your answer under %(max)d characters.", max=max_text),
            )])
        else:
            field = RadioField(prompt, choices=choices_for(question), validators=[presence])
        setattr(Form, field_name(question), field)
    Form.questions = list(version.questions)
    form = Form(**kwargs)
    if not form.version_id.data:
        form.version_id.data = str(version.id)
    return form


def form_for(survey, base: type[SurveyForm] = SurveyForm) -> tuple[SurveyForm, SurveyVersion]:
    """The form for `survey` and the version it stands for: the version the page was rendered
    with when one is posted back (an edit in between changes nothing), else the current one."""
    form = build_survey_form(survey.current, base=base)
    version = version_for(survey, form.version_id.data)
    if version is not survey.current:
        form = build_survey_form(version, base=base)
    return form, version
