"""Workshop insight: sentiment and themes worked out by the analysis step after answering, and
the facilitator's summary at /admin/insights, never showing a group smaller than the suppression
threshold."""
