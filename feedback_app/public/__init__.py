"""Public pages: the landing page and other pages for families."""
