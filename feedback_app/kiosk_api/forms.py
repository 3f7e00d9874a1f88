"""Admin forms for kiosk devices. Validators check shape only; services decide the rest."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, StringField, SubmitField, TimeField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from ..config import LANGUAGES


class AddDeviceForm(FlaskForm):
    room_name = StringField(_l("Room"), validators=[InputRequired(), Length(max=120)])
    venue = StringField(_l("Building or venue"), validators=[Optional(), Length(max=120)])
    default_locale = SelectField(_l("Language the tablet starts in"),
                                 choices=[SelectChoice(code, name) for code, name in LANGUAGES.items()],
                                 default="en_GB")
    opens_at = TimeField(_l("Opens at (leave empty if always open)"), validators=[Optional()])
    closes_at = TimeField(_l("Closes at"), validators=[Optional()])
    submit = SubmitField(_l("Add the tablet"))

    def validate_closes_at(self, field):
        if (self.opens_at.data is None) != (field.data is None):
            raise ValidationError(_l("Give both opening and closing times, or neither."))
        if field.data is not None and field.data <= self.opens_at.data:
            raise ValidationError(_l("The closing time must be after the opening time."))


class ConfirmForm(FlaskForm):
    """A button that changes something: CSRF only."""

    submit = SubmitField(_l("Confirm"))


class MeetingForm(FlaskForm):
    meeting_id = SelectField(_l("Meeting in this room"), coerce=int)
    submit = SubmitField(_l("Use this meeting"))
