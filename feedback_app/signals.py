"""Events other features listen for, so a feature can react to another's without importing it.

Handlers run inside the sender's transaction: they may add and flush, never commit.

- response_recorded(response_id): a response and its answers have just been inserted (any channel);
  `texts` maps its question ids to its free text.
- story_submitted(story): a story has just been flushed; `text` is its original text, which
  handlers may read but must not keep in the clear.
"""
from blinker import Namespace

_signals = Namespace()

response_recorded = _signals.signal("response-recorded")
story_submitted = _signals.signal("story-submitted")
