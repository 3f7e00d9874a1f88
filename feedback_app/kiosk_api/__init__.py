"""Kiosk mode: the wall tablet outside the conference room (the client lives in /kiosk at the
project root), its device credential, and the API it sends answers to."""
