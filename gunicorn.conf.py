"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py "feedback_app:create_app()"`.

Every value can be overridden from the environment (GUNICORN_BIND, GUNICORN_WORKERS, …).
"""
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers suit short database-bound requests; two per core plus one is gunicorn's advice.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Restart workers now and then so a slow leak can never grow; rarely, and far apart: workers that
# restart together leave the others a queue (at 2,000 ± 200 requests, under load, requests
# waited most of a second).
max_requests = 50_000
max_requests_jitter = 25_000
# Load the app once, in the master, and fork each worker from it: a worker restarted by
# max_requests is then a fork, not a second of importing the app again (under load that was a
# quarter of the machine), and the workers share the app's memory. Safe because building the
# app opens no database or Redis connection: each worker opens its own on first use.
preload_app = True
# An access log keeps what it is given: survey paths carry tokens, and the privacy page promises
# families we do not keep their address (behind the proxy, REMOTE_ADDR is theirs). So neither,
# nor the referrer or the browser: the method, status, size and time are enough to run the service.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '"%(m)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
