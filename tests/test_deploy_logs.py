"""What the production servers' access logs keep: never a survey token, nor a family's address."""
import re
import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

from gunicorn.config import Config
from gunicorn.glogging import Logger

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "Zm9vYmFyLXRva2VuLW9mLWEtZmFtaWx5"
ADDRESS = "203.0.113.77"
BROWSER = "Mozilla/5.0 (Linux; Android 14; Pixel 8)"


def _gunicorn_config(log_path: Path) -> Config:
    config = Config()
    for name, value in runpy.run_path(str(ROOT / "gunicorn.conf.py")).items():
        if name in config.settings:
            config.set(name, value)
    config.set("accesslog", str(log_path))
    return config


def test_gunicorns_access_log_keeps_no_token_address_referrer_or_browser(tmp_path):
    log_path = tmp_path / "access.log"
    logger = Logger(_gunicorn_config(log_path))
    environ = {  # as ProxyFix leaves it behind the proxy: REMOTE_ADDR is the family's
        "REQUEST_METHOD": "GET", "RAW_URI": f"/s/{TOKEN}?lang=pl", "PATH_INFO": f"/s/{TOKEN}",
        "QUERY_STRING": "lang=pl", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": ADDRESS,
        "HTTP_REFERER": f"https://mail.example/?link=/s/{TOKEN}", "HTTP_USER_AGENT": BROWSER,
    }
    request = SimpleNamespace(headers=[("USER-AGENT", BROWSER), ("X-FORWARDED-FOR", ADDRESS)])
    response = SimpleNamespace(status="200 OK", sent=5120, headers=[("Content-Type", "text/html")])
    logger.access(response, request, environ, timedelta(milliseconds=12))
    for handler in logger.access_log.handlers:
        handler.flush()

    line = log_path.read_text()
    assert '"GET" 200 5120 12ms' in line  # the log still says what it needs to
    for kept in (TOKEN, ADDRESS, "mail.example", "Android", "lang=pl"):
        assert kept not in line


def test_the_proxys_example_log_format_keeps_no_path_or_address():
    example = (ROOT / "deploy" / "nginx.conf.example").read_text()
    used = re.search(r"^\s*access_log \S+ (\w+);", example, re.M).group(1)
    log_format = re.search(rf"log_format {used} '([^']*)'", example).group(1)
    assert "$request_method" in log_format
    for variable in ("$remote_addr", "$request ", "$request_uri", "$uri", "$args", "$http_referer",
                     "$http_user_agent", "$http_x_forwarded_for"):
        assert variable not in f"{log_format} "
