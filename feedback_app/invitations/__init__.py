"""Delayed debrief invitations: creating them (one by one, by CSV, or as printed cards), sending
them inside the send window with one reminder, exactly once, and counting what happened to them."""
