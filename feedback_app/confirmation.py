"""Asking once before what cannot be undone (publishing, sending, unpairing, closing, deleting).

The button posts as before; the server answers with a page that asks the question plainly, with
one button to go ahead and a link back. Nothing depends on JavaScript or on window.confirm, and
the same two steps work for a screen reader, a keyboard and a test client.

    if not confirmed():
        return ask_first(question=..., detail=..., confirm=..., cancel_url=...)
"""
from __future__ import annotations

from flask import render_template, request

CONFIRM_FIELD = "confirmed"


def confirmed() -> bool:
    """Whether this POST comes from the confirmation page's button."""
    return request.form.get(CONFIRM_FIELD) == "yes"


def ask_first(*, question: str, confirm: str, cancel_url: str, detail: str = ""):
    """The confirmation page for the POST being handled. What the person typed in the first form
    (a reason, a note) is carried over unchanged, so confirming does exactly what was asked."""
    carried = [(name, value) for name, value in request.form.items(multi=True)
               if name not in ("csrf_token", CONFIRM_FIELD)]
    return render_template("confirm.html", question=question, detail=detail, confirm=confirm,
                           cancel_url=cancel_url, carried=carried, action=request.full_path.rstrip("?"))
