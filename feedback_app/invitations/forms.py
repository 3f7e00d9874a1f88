from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import DateField, IntegerField, RadioField, SelectChoice, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from ..config import LANGUAGES
from ..labels import MEETING_KIND_LABELS
from ..models import MEETING_KINDS
from . import contacts
from .importing import MAX_DELAY_DAYS

CHANNEL_CHOICES = [
    SelectChoice("email", _l("Email")),
    SelectChoice("sms", _l("Text message (SMS)")),
    SelectChoice("card", _l("Printed card to take away (no contact details)")),
]


class InvitationForm(FlaskForm):
    meeting_date = DateField(_l("Date of the meeting"), validators=[InputRequired()])
    meeting_kind = SelectField(
        _l("Kind of meeting"), choices=[SelectChoice(k, MEETING_KIND_LABELS[k]) for k in MEETING_KINDS],
        validators=[DataRequired()])
    survey = SelectField(_l("Survey"), validators=[DataRequired()])  # choices set by the route
    channel = RadioField(_l("How should it reach the family?"), choices=CHANNEL_CHOICES,
                         validators=[InputRequired()])
    contact = StringField(
        _l("Email address or mobile number"), validators=[Length(max=254)],
        description=_l("Leave empty for a card. It is kept encrypted and erased after the last message."))
    locale = SelectField(_l("Language of the message"), choices=[SelectChoice(code, name) for code, name in LANGUAGES.items()], default="en_GB")
    delay_days = IntegerField(
        _l("Days after the meeting to send it (optional)"),
        description=_l("Leave empty to use the survey's usual delay."),
        validators=[Optional(), NumberRange(min=0, max=MAX_DELAY_DAYS)])
    copies = IntegerField(_l("Number of cards (printed cards only)"), default=1,
                          validators=[Optional(), NumberRange(min=1, max=40)])
    submit = SubmitField(_l("Create"))

    def validate_contact(self, field):
        try:
            contacts.normalise(self.channel.data or "", field.data or "")
        except contacts.ContactError:
            if self.channel.data == "card":
                raise ValidationError(_l("Leave the contact empty for a card.")) from None
            if self.channel.data == "email":
                raise ValidationError(_l("Enter an email address, like name@example.org.")) from None
            if self.channel.data == "sms":
                raise ValidationError(_l("Enter a mobile number, like 07700 900123.")) from None


class ImportForm(FlaskForm):
    survey = SelectField(_l("Survey"), validators=[DataRequired()])
    file = FileField(_l("CSV file"), validators=[
        FileRequired(_l("Choose a CSV file.")), FileAllowed(["csv"], _l("Choose a .csv file."))])
    submit = SubmitField(_l("Import"))


class CardCodeForm(FlaskForm):
    code = StringField(_l("The code on your card"), validators=[DataRequired(_l("Enter the code on your card.")),
                                                                Length(max=40)],
                       description=_l("10 letters and numbers, for example ABCDE-12345"))
    submit = SubmitField(_l("Go to the survey"))
