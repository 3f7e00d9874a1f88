from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, SelectMultipleField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from ..labels import CHANNEL_LABELS, MEETING_KIND_LABELS


class FilterForm(FlaskForm):
    """The summary's filters, read from the query string (GET: nothing changes, no CSRF)."""

    class Meta:
        csrf = False

    theme = SelectField(_l("Theme"), validators=[Optional()])
    since = DateField(_l("From (day)"), validators=[Optional()])
    until = DateField(_l("Until (day)"), validators=[Optional()])
    meeting_kind = SelectField(_l("Kind of meeting"), validators=[Optional()])
    channel = SelectField(_l("How people answered"), validators=[Optional()])
    submit = SubmitField(_l("Show"), name="")

    def fill_choices(self, themes) -> None:
        every = ("", _l("All"))
        self.theme.choices = [every] + [(t.slug, t.name) for t in themes]
        self.meeting_kind.choices = [every] + [(k, label) for k, label in MEETING_KIND_LABELS.items()]
        self.channel.choices = [every] + [(k, label) for k, label in CHANNEL_LABELS.items()]


class KeywordsForm(FlaskForm):
    keywords = TextAreaField(
        _l("Words and phrases that suggest this theme"),
        description=_l("One a line, or separated by commas."),
        validators=[Length(max=4000)],
    )
    submit = SubmitField(_l("Save words"))


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class TagForm(FlaskForm):
    themes = MultiCheckboxField(_l("Themes"), coerce=int)
    submit = SubmitField(_l("Save themes"))
