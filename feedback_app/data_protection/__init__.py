"""Data protection: how long things are kept, and the daily purge that applies it."""
