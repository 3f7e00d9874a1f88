"""Workshop insight: sentiment scored as text arrives, workshop themes, and the facilitator's
summary at /admin/insights, never showing a group smaller than the suppression threshold."""
