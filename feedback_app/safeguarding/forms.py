from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import Length


class StepForm(FlaskForm):
    """What the lead did about a flag. Optional when closing; needed to record a step."""

    note = TextAreaField(_l("What was done"), validators=[Length(max=2000, message=_l(
        "“What was done” can be at most 2,000 characters."))])
