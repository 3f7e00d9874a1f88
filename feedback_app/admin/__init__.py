"""Staff pages under /admin."""
