"""Forms for telling a story, reviewing it by code, and moderating it."""
from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

TELLER_LABELS = {
    "parent": _l("A parent"),
    "family_member": _l("Another family member"),
    "young_person": _l("A young person"),
    "advocate": _l("An advocate"),
    "professional": _l("A professional"),
}
SHARING_LABELS = {
    "newsletter": _l("In the monthly newsletter, for anyone to read"),
    "internal": _l("Only for staff to learn from"),
    "team": _l("Just as thanks to the team it is about, without publishing it"),
}
STATUS_LABELS = {
    "submitted": _l("Waiting for a moderator"),
    "awaiting_teller": _l("Waiting for the storyteller to check it"),
    "approved": _l("Approved"),
    "published": _l("Published"),
    "rejected": _l("Not published"),
    "withdrawn": _l("Withdrawn"),
    "held": _l("With the safeguarding lead"),
}


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class StoryForm(FlaskForm):
    teller_role = RadioField(_l("Who is telling this story?"), choices=[SelectChoice(k, v) for k, v in TELLER_LABELS.items()],
                             validators=[InputRequired(message=_l("Please say who is telling the story."))])
    text = TextAreaField(_l("Your story"), validators=[DataRequired(message=_l("Please write your story."))])
    themes = CheckboxesField(_l("What is it about? (optional)"), coerce=int, validators=[Optional()])
    sharing = RadioField(_l("How may we share it?"), choices=[SelectChoice(k, v) for k, v in SHARING_LABELS.items()],
                         validators=[InputRequired(message=_l("Please choose how we may share it."))])
    team = SelectField(_l("Which team is it for?"), validators=[Optional()])
    submit = SubmitField(_l("Send my story"))

    def __init__(self, theme_choices, teams, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes.choices = [SelectChoice(value, label) for value, label in theme_choices]
        self.team.choices = [SelectChoice("", _("Choose a team"))] + [SelectChoice(t, t) for t in teams]
        if not teams:  # no team inbox is set up, so thanks cannot be routed
            self.sharing.choices = [c for c in self.sharing.choices if c.value != "team"]
        limit = current_app.config["FEEDBACK_MAX_TEXT_LENGTH"]
        self.text.validators = [*self.text.validators, Length(max=limit, message=_(
            "Please keep your story under %(max)d characters.", max=limit))]

    def validate_team(self, field):
        if self.sharing.data == "team" and not field.data:
            raise ValidationError(_("Please choose the team your thanks are for."))


class CodeForm(FlaskForm):
    code = StringField(_l("Your private code"), validators=[DataRequired(message=_l("Please type your code.")),
                                                            Length(max=40)])
    submit = SubmitField(_l("Show my story"))


class TellerActionForm(FlaskForm):
    """Approve or withdraw: the buttons say which."""
    approve = SubmitField(_l("Yes, publish it like this"))
    withdraw = SubmitField(_l("Withdraw my story"))


class AddReplacementForm(FlaskForm):
    phrase = StringField(_l("Words to take out"), validators=[DataRequired(), Length(max=200)])
    placeholder = StringField(_l("Put instead"), default=_l("a detail left out"), validators=[Length(max=60)])
    submit = SubmitField(_l("Replace"))


class EditTextForm(FlaskForm):
    text = TextAreaField(_l("Anonymised text"), validators=[DataRequired(), Length(max=10000)])
    submit = SubmitField(_l("Save the text"))


class ThemesForm(FlaskForm):
    themes = CheckboxesField(_l("Themes"), coerce=int, validators=[Optional()])
    submit = SubmitField(_l("Save themes"))


class RejectForm(FlaskForm):
    reason = TextAreaField(_l("Why it cannot be published"), validators=[DataRequired(
        message=_l("Please give a reason.")), Length(max=2000)])
    submit = SubmitField(_l("Reject"))
