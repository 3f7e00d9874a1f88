"""Surveys: the shipped questionnaires, answering by link, and recording responses."""
