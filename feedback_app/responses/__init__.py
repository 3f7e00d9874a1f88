"""Responses: exporting them for analysis, with nothing that identifies anyone."""
