"""How often one address may try the doors a guesser would try. One place, so the numbers can be
read (and tuned) together; applied where each route is defined."""

LOGIN = "10 per minute;100 per day"
SURVEY_LINK = "30 per minute;300 per day"
SHORT_CODE = "10 per minute;100 per day"
STORY = "5 per minute;50 per day"
# A wall tablet sends its queue in bursts after a network drop.
KIOSK_API = "240 per minute"
