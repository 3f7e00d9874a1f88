"""Who may open which staff page. Admins may open every one."""
from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user, login_required


def roles_required(*roles: str):
    """Login required, then one of `roles` (or admin); anyone else gets 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role != "admin" and current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        wrapped.allowed_roles = frozenset(roles) | {"admin"}
        return wrapped

    return decorator


def any_staff(view):
    """Login required, any role."""
    from ..models import ROLES

    wrapped = login_required(view)
    wrapped.allowed_roles = frozenset(ROLES)
    return wrapped
