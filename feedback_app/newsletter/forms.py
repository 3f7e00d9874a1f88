from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp


class OpenIssueForm(FlaskForm):
    month = StringField(_l("Month (YYYY-MM)"), validators=[
        DataRequired(), Regexp(r"^\d{4}-(0[1-9]|1[0-2])$", message=_l("Write the month as YYYY-MM, for example 2026-11."))])
    submit = SubmitField(_l("Open this issue"))


class IntroForm(FlaskForm):
    intro = TextAreaField(_l("Editor's introduction"), validators=[Length(max=4000)])
    submit = SubmitField(_l("Save the introduction"))


class NoteForm(FlaskForm):
    you_said = TextAreaField(_l("You said"), validators=[DataRequired(), Length(max=1000)])
    we_did = TextAreaField(_l("We did"), validators=[DataRequired(), Length(max=1000)])
    submit = SubmitField(_l("Add this note"))


class SubscriberForm(FlaskForm):
    email = EmailField(_l("Staff email address"), validators=[
        DataRequired(), Length(max=254), Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("Please give an email address."))])
    submit = SubmitField(_l("Add to the mailing list"))
