"""Jargon buster: plain-English explanations of the words used in children's social care."""
