"""Admin pages for kiosk tablets: add one (a one-time pairing link and PIN), revoke one, set the
room's meeting, and see each tablet's last contact and queue."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from .. import clock
from ..accounts.access import roles_required
from ..confirmation import ask_first, confirmed
from ..audit import record
from ..extensions import db
from ..labels import MEETING_KIND_LABELS
from ..models import KioskDevice
from . import services
from .forms import AddDeviceForm, ConfirmForm, MeetingForm

bp = Blueprint("kiosk_admin", __name__, template_folder="templates", url_prefix="/admin/kiosks")


def _meeting_form(device: KioskDevice) -> MeetingForm:
    form = MeetingForm(prefix=f"d{device.id}", meeting_id=device.meeting_id or 0)
    form.meeting_id.choices = [SelectChoice(0, _("The room's latest meeting (automatic)"))] + [
        SelectChoice(m.id, services.meeting_label(m)) for m in services.recent_meetings()
    ]
    return form


def _device(device_id: int) -> KioskDevice:
    return db.session.get(KioskDevice, device_id) or abort(404)


def _render_list(form: AddDeviceForm, status: int = 200):
    devices = services.devices()
    return render_template(
        "kiosk_api/devices.html", form=form, devices=devices, confirm=ConfirmForm(),
        meeting_forms={d.id: _meeting_form(d) for d in devices},
        room_meetings={d.id: services.room_meeting(d) for d in devices},
        kind_labels=MEETING_KIND_LABELS,
    ), status


def _render_pairing(pairing: services.NewPairing):
    url = services.pairing_url(request.host_url, pairing.pairing_token)
    # Say which meeting its answers go to, and let staff choose another before leaving.
    return render_template("kiosk_api/pairing.html", device=pairing.device, url=url,
                           qr=services.qr_data_uri(url), pin=pairing.pin,
                           meeting=services.room_meeting(pairing.device), today=clock.today(),
                           mform=_meeting_form(pairing.device), kind_labels=MEETING_KIND_LABELS)


@bp.route("/", methods=["GET", "POST"])
@roles_required()
def devices():
    form = AddDeviceForm()
    if form.validate_on_submit():
        pairing = services.add_device(
            form.room_name.data, form.venue.data, form.default_locale.data,
            form.opens_at.data, form.closes_at.data,
        )
        record("kiosk.add", current_user, pairing.device, {"room": pairing.device.room_name})
        db.session.commit()
        return _render_pairing(pairing)
    return _render_list(form, 400 if form.errors else 200)


@bp.route("/<int:device_id>/pairing", methods=["POST"])
@roles_required()
def new_pairing(device_id: int):
    device = _device(device_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if device.credential_hash is not None and not confirmed():
        return ask_first(
            question=_("Make a new pairing link for %(room)s?", room=device.room_name),
            detail=_("The tablet paired in %(room)s now stops working at once, until it is paired "
                     "again with the new link.", room=device.room_name),
            confirm=_("Yes, make a new link"), cancel_url=url_for("kiosk_admin.devices"))
    pairing = services.new_pairing(device)
    record("kiosk.new_pairing", current_user, device, {"room": device.room_name})
    db.session.commit()
    return _render_pairing(pairing)


@bp.route("/<int:device_id>/revoke", methods=["POST"])
@roles_required()
def revoke(device_id: int):
    device = _device(device_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if not confirmed():
        return ask_first(
            question=_("Unpair the tablet in %(room)s?", room=device.room_name),
            detail=_("It stops taking answers at once. To use it again you will need a new pairing link."),
            confirm=_("Yes, unpair %(room)s", room=device.room_name),
            cancel_url=url_for("kiosk_admin.devices"))
    services.revoke(device)
    record("kiosk.revoke", current_user, device, {"room": device.room_name})
    db.session.commit()
    flash(_("The tablet in %(room)s can no longer send answers.", room=device.room_name))
    return redirect(url_for("kiosk_admin.devices"))


@bp.route("/<int:device_id>/meeting", methods=["POST"])
@roles_required()
def set_meeting(device_id: int):
    device = _device(device_id)
    form = _meeting_form(device)
    if not form.validate_on_submit():
        abort(400)
    services.set_meeting(device, form.meeting_id.data or None)
    record("kiosk.set_meeting", current_user, device, {"meeting_id": form.meeting_id.data or None})
    db.session.commit()
    flash(_("The meeting for %(room)s is saved.", room=device.room_name))
    return redirect(url_for("kiosk_admin.devices"))
