"""Safeguarding: free text that may disclose harm is held back, never quoted, and flagged at once
to the safeguarding lead, whatever the channel it came by."""
