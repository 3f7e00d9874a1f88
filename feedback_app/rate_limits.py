"""How often one address may try the doors a guesser would try. One place, so the numbers can be
read (and tuned) together; applied where each route is defined."""
import hashlib
import hmac

from flask import current_app, request

LOGIN = "10 per minute;100 per day"
SURVEY_LINK = "30 per minute;300 per day"
SHORT_CODE = "10 per minute;100 per day"
STORY = "5 per minute;50 per day"
# A wall tablet sends its queue in bursts after a network drop.
KIOSK_API = "240 per minute"


def address_key() -> str:
    """What a limit counts by: the address a request came from, as a keyed hash. The counts are
    kept for up to a day (in Redis, in production), and families are told we do not keep their
    address; without the app's secret key, the hash cannot be matched to one."""
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, (request.remote_addr or "").encode(), hashlib.sha256).hexdigest()[:32]
