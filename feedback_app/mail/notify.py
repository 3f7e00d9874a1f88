"""GOV.UK Notify, through its official client (notifications-python-client).

Notify sends what a template says, so the service needs two templates, set up once in Notify:
an email template whose subject is ((subject)) and body ((body)), and a text message template
whose body is ((body)). Their ids go in FEEDBACK_NOTIFY_EMAIL_TEMPLATE and
FEEDBACK_NOTIFY_SMS_TEMPLATE; the API key in FEEDBACK_NOTIFY_API_KEY.
"""
from __future__ import annotations

from flask import current_app
from notifications_python_client.notifications import NotificationsAPIClient


class NotifyConfigError(RuntimeError):
    pass


def client() -> NotificationsAPIClient:
    config = current_app.config
    if not config["FEEDBACK_NOTIFY_API_KEY"]:
        raise NotifyConfigError("FEEDBACK_NOTIFY_API_KEY is not set")
    return NotificationsAPIClient(
        config["FEEDBACK_NOTIFY_API_KEY"], base_url=config["FEEDBACK_NOTIFY_BASE_URL"],
        timeout=config["FEEDBACK_SMTP_TIMEOUT"],
    )


def template(kind: str) -> str:
    name = f"FEEDBACK_NOTIFY_{kind.upper()}_TEMPLATE"
    value = current_app.config[name]
    if not value:
        raise NotifyConfigError(f"{name} is not set")
    return value


def _call(method: str, **arguments) -> None:
    api = client()
    try:
        getattr(api, method)(**arguments)
    finally:
        api.request_session.close()  # one short-lived connection per message, never left open


def send_email(to: str, subject: str, body: str) -> None:
    _call("send_email_notification", email_address=to, template_id=template("email"),
          personalisation={"subject": subject, "body": body})


def send_sms(to: str, body: str) -> None:
    _call("send_sms_notification", phone_number=to, template_id=template("sms"),
          personalisation={"body": body})
