"""A real SMTP server on loopback (aiosmtpd), for the tests of sending email."""
import socket
import threading
from contextlib import contextmanager

from aiosmtpd.controller import Controller


class Collect:
    """Accepts every message and keeps its envelope."""

    def __init__(self):
        self.received = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.received.append(envelope)
        return "250 OK"


@contextmanager
def smtp_server(handler):
    """Serve SMTP with `handler` on a free port of loopback; yield the port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()
