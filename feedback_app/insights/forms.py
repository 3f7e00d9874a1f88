from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from ..config import LANGUAGES, RTL_LANGUAGES
from ..i18n import theme_name
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
        self.theme.choices = [every] + [(t.slug, theme_name(t)) for t in themes]
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


DEFAULT_LANGUAGE = "en_GB"


def theme_names_form(theme, formdata=None):
    """One field per language for a theme's name, each labelled with its language in its own
    words; English is the name every other falls back to, so it cannot be left empty."""

    class ThemeNamesForm(FlaskForm):
        submit = SubmitField(_l("Save the names"))

    given = theme.names_by_locale()
    for code, language in LANGUAGES.items():
        required = code == DEFAULT_LANGUAGE
        setattr(ThemeNamesForm, f"name_{code}", StringField(
            language, default=theme.name if required else given.get(code, ""),
            validators=[DataRequired() if required else Optional(), Length(max=120)],
            render_kw={"lang": code.replace("_", "-"), "autocomplete": "off",
                       "dir": "rtl" if code.split("_")[0] in RTL_LANGUAGES else "ltr"}))
    form = ThemeNamesForm(formdata=formdata, prefix=f"n{theme.id}")
    form.language_fields = [getattr(form, f"name_{code}") for code in LANGUAGES]
    return form


def names_from(form) -> dict[str, str]:
    return {code: (getattr(form, f"name_{code}").data or "").strip() for code in LANGUAGES}
