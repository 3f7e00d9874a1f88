"""Anonymous good-practice stories: telling (/stories/new), the storyteller's private page, and
moderation (/admin/stories)."""
