from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectChoice, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..models import MEETING_KINDS
from ..labels import MEETING_KIND_LABELS
from ..surveys.forms import SurveyForm


class SurveyEditForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    intro = TextAreaField(_l("Introduction"), validators=[Length(max=2000)])
    submit = SubmitField(_l("Save as a new version"))


def build_survey_edit_form(version, **kwargs) -> SurveyEditForm:
    """The edit form for a version: its title, intro, and each question's wording."""

    class Form(SurveyEditForm):
        pass

    for q in version.questions:
        setattr(Form, f"prompt_{q.key}", TextAreaField(
            _l("Question %(n)s", n=q.position), validators=[DataRequired(), Length(max=1000)],
            default=q.prompt))
        setattr(Form, f"hint_{q.key}", StringField(
            _l("Hint for question %(n)s", n=q.position), validators=[Length(max=500)], default=q.hint))
        setattr(Form, f"required_{q.key}", BooleanField(
            _l("Question %(n)s needs an answer", n=q.position), default=q.required))
    return Form(title=version.title, intro=version.intro, **kwargs)


class SupportedEntryForm(SurveyForm):
    """The survey, entered by an advocate beside a parent, plus which kind of meeting it was."""

    meeting_kind = SelectField(
        _l("Which meeting was it?"),
        choices=[SelectChoice(kind, MEETING_KIND_LABELS[kind]) for kind in MEETING_KINDS],
        validators=[DataRequired()],
    )


class LinkSurveysForm(FlaskForm):
    """Per kind of meeting, the survey its links and cards ask (fields added by link_surveys_form)."""

    submit = SubmitField(_l("Save the surveys for links"))


def link_surveys_form(surveys, chosen: dict[str, str], **kwargs) -> LinkSurveysForm:
    class Form(LinkSurveysForm):
        pass

    choices = [SelectChoice(s.slug, s.name) for s in surveys]
    for kind in MEETING_KINDS:
        setattr(Form, f"kind_{kind}", SelectField(MEETING_KIND_LABELS[kind], choices=choices,
                                                  default=chosen[kind], validators=[DataRequired()]))
    return Form(**kwargs)
