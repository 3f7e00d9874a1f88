"""Load: gunicorn on PostgreSQL, driven from a second process on loopback.

Measures answers by link (open the page, then send it) and kiosk answers, beside a baseline from
the same run: a bare Flask endpoint doing one SQLAlchemy INSERT (benchmarks/baseline_app.py).
Both are served as in production (gunicorn.conf.py), with WORKERS sync workers each.

1. Peak: as many requests as CONCURRENCY clients can make in SECONDS (closed loop), for the
   baseline and each kind of answer in turn, ROUNDS times over. Each rate is its median round;
   each ratio is the median of its rounds' ratios to the baseline's round just before, so a
   moment when the machine is busy elsewhere (this one swings by a factor of two) weighs on
   both sides of the same ratio.
2. Latency: requests sent at half that peak rate for SECONDS (open loop); p50 and p99.
3. Where the CPU went during the peak rounds, per operation: this process (the clients), the
   gunicorn workers, and PostgreSQL when it runs on this machine. All three share its cores.
Targets: throughput at least 0.7 of the baseline's; p99 under 100 ms at half the peak rate.
Rate limits are switched off for the run: real traffic comes from many addresses, not one.
"""
from __future__ import annotations

import http.client
import json
import logging
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import psutil

from feedback_app import clock
from feedback_app.demo import load_due_invitations
from feedback_app.extensions import db
from feedback_app.kiosk_api.services import add_device, pair
from feedback_app.models import Meeting, Survey
from feedback_app.surveys.shipped import ensure_shipped_surveys

from ._db import migrated_app

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 4
CONCURRENCY = 8
SECONDS = 6
ROUNDS = 5
LINK_TOKENS = 30_000  # more than the fastest run could use
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
KIOSK_ANSWER = {"who_are_you": "parent", "overall_smiley": "happy", "listened_to": "yes",
                "anything_else": "The Chair spoke to me before the meeting."}
VERSION = re.compile(r'name="version_id" type="hidden" value="(\d+)"')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(app_spec: str, env: dict) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "-w", str(WORKERS), "-b", f"127.0.0.1:{port}",
         "--log-level", "warning", "--access-logfile", "/dev/null", app_spec],
        cwd=ROOT, env={**os.environ, **env},
    )
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{app_spec} did not start")


class Client:
    """One HTTP/1.1 client on loopback (gunicorn's sync workers close each connection)."""

    def __init__(self, port: int):
        self.port = port

    def request(self, method: str, path: str, body: str | None = None,
                headers: dict | None = None) -> tuple[int, str, dict]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.read().decode(), dict(response.getheaders())
        finally:
            conn.close()


def baseline_operation(port: int) -> Callable[[], None]:
    client = Client(port)

    def insert():
        status, _body, _headers = client.request("POST", "/insert")
        assert status == 204, status

    return insert


def link_operation(port: int, tokens: list[str]) -> Callable[[], None]:
    """One answer by link: GET the survey (a CSRF token and its cookie), then POST it."""
    client = Client(port)
    lock = threading.Lock()

    def answer():
        with lock:
            token = tokens.pop()
        status, page, headers = client.request("GET", f"/s/{token}")
        assert status == 200, status
        cookie = headers["Set-Cookie"].split(";", 1)[0]
        form = urlencode({
            "csrf_token": CSRF.search(page).group(1), "version_id": VERSION.search(page).group(1),
            "q_overall": "good", "q_listened_to": "yes",
            "q_one_change": "Send the reports a week before the meeting, please.",
        })
        status, _body, _headers = client.request("POST", f"/s/{token}", form, {
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
        assert status == 302, status

    return answer


def kiosk_operation(port: int, tablet: dict) -> Callable[[], None]:
    """One kiosk answer: a single authenticated JSON POST with a fresh UUID, as the tablet sends
    it (kiosk/kiosk.js: the meeting it showed, its language and day)."""
    client = Client(port)
    headers = {"Authorization": f"Bearer {tablet['credential']}", "Content-Type": "application/json"}

    def answer():
        body = json.dumps({"uuid": str(uuid.uuid4()), "survey_version_id": tablet["version_id"],
                           "meeting_id": tablet["meeting_id"], "locale": "en_GB",
                           "answered_on": date.today().isoformat(), "answers": KIOSK_ANSWER})
        status, _body, _headers = client.request("POST", "/api/v1/kiosk/responses", body, headers)
        assert status == 201, status

    return answer


def closed_loop(operation, seconds: float, concurrency: int) -> tuple[int, float]:
    """How many operations `concurrency` clients going flat out did, and in how many seconds."""
    done = [0] * concurrency
    stop = time.perf_counter() + seconds

    def run(slot):
        while time.perf_counter() < stop:
            operation()
            done[slot] += 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(concurrency)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done), time.perf_counter() - start


def open_loop(operation, rate: float, seconds: float, senders: int = 32) -> list[float]:
    """Latencies (ms) of operations due at a steady `rate` per second, each timed from when it was
    due, so a request that had to wait for a free sender counts its wait too. A fixed pool of
    senders, not a thread per request: starting threads would load the client more than the
    server at a few hundred a second."""
    start = time.perf_counter()
    due_times = iter([start + n / rate for n in range(int(rate * seconds))])
    latencies: list[float] = []
    lock = threading.Lock()

    def send():
        while True:
            with lock:
                due = next(due_times, None)
            if due is None:
                return
            wait = due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            operation()
            finished = time.perf_counter()
            with lock:
                latencies.append((finished - due) * 1000)

    threads = [threading.Thread(target=send) for _ in range(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98]


def _seed_kiosk() -> dict:
    """A paired tablet in a room with a meeting: what kiosk_operation sends with."""
    meeting = Meeting(kind="cp_conference", held_on=date.today(), venue="Town Hall", room="Room 1")
    db.session.add(meeting)
    pairing = add_device("Room 1", "Town Hall")
    _device, credential = pair(pairing.pairing_token)
    version = db.session.query(Survey).filter_by(slug="kiosk").one().current
    db.session.commit()
    return {"credential": credential, "version_id": version.id, "meeting_id": meeting.id}


def _seed_tokens(count: int) -> list[str]:
    """`count` card invitations to the debrief survey, open now: one per answer by link."""
    ensure_shipped_surveys()
    tokens = load_due_invitations(count, clock.now(), channel="card")
    db.session.commit()
    return tokens


@dataclass
class Served:
    """One operation of the benchmark, and the gunicorn that serves it."""
    operation: Callable[[], None]
    server: subprocess.Popen
    rates: list[float] = field(default_factory=list)
    done: int = 0
    cpu: dict[str, float] = field(default_factory=lambda: dict.fromkeys(("clients", "gunicorn", "PostgreSQL"), 0.0))


def _cpu_seconds(processes) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def cpu_now(server: subprocess.Popen) -> dict[str, float]:
    """CPU seconds used so far by this process, by a gunicorn and its workers, and by PostgreSQL
    (its backends come and go with connections, so they are counted alive, before and after)."""
    master = psutil.Process(server.pid)
    postgres = [p for p in psutil.process_iter(["name"]) if (p.info["name"] or "").startswith("postgres")]
    return {"clients": _cpu_seconds([psutil.Process()]),
            "gunicorn": _cpu_seconds([master, *master.children(recursive=True)]),
            "PostgreSQL": _cpu_seconds(postgres)}


def peaks(served: dict[str, Served]) -> None:
    """The peak rate of each operation in each of ROUNDS rounds, the operations taken in turn,
    and the CPU each spent."""
    for one in served.values():  # warm up: every worker connects, caches fill
        closed_loop(one.operation, 1, CONCURRENCY)
    for _ in range(ROUNDS):
        for one in served.values():
            before = cpu_now(one.server)
            done, seconds = closed_loop(one.operation, SECONDS, CONCURRENCY)
            after = cpu_now(one.server)
            one.rates.append(done / seconds)
            one.done += done
            for part in one.cpu:
                one.cpu[part] += after[part] - before[part]
    for name, one in served.items():
        print(f"  {name:22} rounds: " + ", ".join(f"{v:.0f}/s" for v in one.rates))


def report(name: str, operation, peak: float, ratio: float | None) -> None:
    latencies = open_loop(operation, peak / 2, SECONDS)
    verdict = ""
    if ratio is not None:
        verdict = "ok" if ratio >= 0.7 and p99(latencies) < 100 else "MISSES TARGET"
    shown = f"{ratio:6.3f}x baseline" if ratio is not None else "   (baseline)    "
    print(f"  {name:22} {peak:7.1f}/s  {shown}   at {peak / 2:6.1f}/s: p50 "
          f"{statistics.median(latencies):6.1f} ms  p99 {p99(latencies):6.1f} ms  {verdict}")


def main() -> None:
    logging.getLogger("alembic").setLevel(logging.WARNING)
    print(f"load on PostgreSQL: gunicorn.conf.py, {WORKERS} sync workers; {CONCURRENCY} clients, {SECONDS} s a step, "
          f"median of {ROUNDS} rounds")
    with migrated_app("postgresql") as app:
        tokens = _seed_tokens(LINK_TOKENS)
        tablet = _seed_kiosk()
        env = {
            "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
            "FEEDBACK_INSTANCE_PATH": os.environ["FEEDBACK_INSTANCE_PATH"],
            "FEEDBACK_RATELIMIT_ENABLED": "false",
        }
        db.session.remove()
        servers = []
        try:
            baseline, base_port = _serve("benchmarks.baseline_app:create()", env)
            servers.append(baseline)
            server, port = _serve("feedback_app:create_app()", env)
            servers.append(server)
            served = {
                "baseline INSERT": Served(baseline_operation(base_port), baseline),
                "kiosk answer": Served(kiosk_operation(port, tablet), server),
                "answer by link (2 req)": Served(link_operation(port, tokens), server),
            }
            peaks(served)
            baseline_rates = served["baseline INSERT"].rates
            # An answer by link is two requests, so it is held against half the baseline's rate.
            share = {"baseline INSERT": None, "kiosk answer": 1, "answer by link (2 req)": 0.5}
            for name, one in served.items():
                ratio = None if share[name] is None else statistics.median(
                    rate / (base * share[name]) for rate, base in zip(one.rates, baseline_rates))
                report(name, one.operation, statistics.median(one.rates), ratio)
            print("  CPU per operation, in the peak rounds:")
            for name, one in served.items():
                print(f"  {name:22} " + ", ".join(
                    f"{part} {1000 * seconds / one.done:.2f} ms" for part, seconds in one.cpu.items()))
        finally:
            for process in servers:
                process.terminate()
                process.wait(10)


if __name__ == "__main__":
    main()
