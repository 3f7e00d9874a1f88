"""The data model. Import models from here: `from feedback_app.models import Meeting`."""
from .aspects import ASPECTS, AnswerAspect
from .audit import AuditEvent
from .kiosk import KioskDevice, KioskReceipt
from .meetings import GENERAL_KIND, MEETING_KINDS, Meeting
from .responses import CHANNELS, Answer, Response
from .safeguarding import SafeguardingFlag
from .sentiment import InsightCount, InsightMonthCount, StorySentiment
from .stories import NewsletterIssue, Story, Subscriber, YouSaidWeDid
from .surveys import QUESTION_KINDS, LinkSurveyChoice, Question, Survey, SurveyVersion
from .themes import Theme, ThemeName, response_themes, story_themes
from .invitations import Invitation
from .users import ROLES, User

__all__ = [
    "ASPECTS", "AnswerAspect",
    "AuditEvent", "KioskDevice", "KioskReceipt", "GENERAL_KIND", "MEETING_KINDS", "Meeting", "CHANNELS", "Answer", "Response",
    "SafeguardingFlag", "InsightCount", "InsightMonthCount", "StorySentiment", "Story", "QUESTION_KINDS", "LinkSurveyChoice", "Question", "Survey", "SurveyVersion", "Theme", "ThemeName", "response_themes",
    "story_themes", "Invitation", "ROLES", "User",
    "NewsletterIssue", "Subscriber", "YouSaidWeDid",
]
