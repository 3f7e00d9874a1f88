"""A WTForms form built from a survey version: one field per question."""
from __future__ import annotations

import functools

from babel import support
from flask import current_app, get_template_attribute
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import BooleanField, HiddenField, RadioField, SubmitField, TextAreaField
from wtforms.i18n import messages_path
from wtforms.validators import InputRequired, Length, Optional

from ..i18n import current_code, translated
from ..models import SurveyVersion
from ..nlp.jargon import explanations
from . import shapes
from .options import TEXT_KINDS, choices_for
from .services import version_for
from .shapes import VersionShape


def field_name(question) -> str:
    return f"q_{question.key}"


@functools.cache
def _wtforms_messages(locale: str) -> support.Translations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class SurveyForm(FlaskForm):
    class Meta:
        def get_translations(self, form):
            """WTForms' own messages ("Not a valid choice") in the reader's language, read once
            per process: Flask-WTF reads them from disk again for every request."""
            return _wtforms_messages(current_code())

    version_id = HiddenField()
    consent_to_quote = BooleanField(
        _l("You may quote my words, without anything that could identify me, to help others learn.")
    )
    submit = SubmitField(_l("Send my answers"))

    version: VersionShape
    questions: tuple = ()
    jargon: dict[str, list[dict]] = {}

    def answers(self) -> dict[str, str | None]:
        return {q.key: self[field_name(q)].data for q in self.questions}

    def question_fields(self):
        """(question, field, jargon) in the survey's order, for the template. `jargon` lists the
        jargon buster entries a question's wording uses, each term explained once per page."""
        return [(q, self[field_name(q)], self.jargon[q.key]) for q in self.questions]


def survey_form_class(version: VersionShape, base: type[SurveyForm] = SurveyForm) -> type[SurveyForm]:
    """The form class of a version in the reader's language, made once: a version never
    changes, and building thirty translated options for every page a family opens adds up."""
    max_text = current_app.config["FEEDBACK_MAX_TEXT_LENGTH"]
    return shapes.made_once(version.id, ("form", base, current_code(), max_text),
                            lambda: _make_form_class(version, base, max_text))


def _make_form_class(version: VersionShape, base: type[SurveyForm], max_text: int) -> type[SurveyForm]:
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
    Form.version = version
    Form.questions = version.questions
    seen: set[str] = set()
    Form.jargon = {}
    for q in version.questions:
        Form.jargon[q.key] = [e for e in explanations(q.prompt, q.hint) if e["slug"] not in seen]
        seen.update(e["slug"] for e in Form.jargon[q.key])
    return Form


def build_survey_form(version: SurveyVersion | VersionShape, base: type[SurveyForm] = SurveyForm,
                      **kwargs) -> SurveyForm:
    """`base` may add fields of its own (the advocate's entry adds the meeting kind)."""
    shape = version if isinstance(version, VersionShape) else shapes.of(version)
    form = survey_form_class(shape, base)(**kwargs)
    if not form.version_id.data:
        form.version_id.data = str(shape.id)
    return form


def pristine_body(version: VersionShape) -> Markup:
    """The questions, consent box and button of a form nobody has filled in yet, rendered once
    per version and language: every family opening the same survey in the same language is shown
    the same ones. Only the hidden fields around them differ (macros/survey.html)."""
    return shapes.made_once(version.id, ("pristine body", current_code()), lambda: get_template_attribute(
        "macros/survey.html", "form_body")(build_survey_form(version)))


def form_for(survey, base: type[SurveyForm] = SurveyForm) -> tuple[SurveyForm, SurveyVersion]:
    """The form for `survey` and the version it stands for: the version the page was rendered
    with when one is posted back (an edit in between changes nothing), else the current one."""
    form = build_survey_form(survey.current, base=base)
    version = version_for(survey, form.version_id.data)
    if version is not survey.current:
        form = build_survey_form(version, base=base)
    return form, version
