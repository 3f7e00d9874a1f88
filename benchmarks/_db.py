"""A fresh, migrated database for a benchmark: SQLite in a temporary folder, or a new database on
the PostgreSQL server named by BENCH_POSTGRES_URL (default: the local server)."""
from __future__ import annotations

import contextlib
import os
import secrets
import tempfile

from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from feedback_app import create_app
from feedback_app.extensions import db

POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@contextlib.contextmanager
def migrated_app(backend: str):
    with tempfile.TemporaryDirectory() as folder:
        os.environ["FEEDBACK_INSTANCE_PATH"] = folder
        if backend == "sqlite":
            url, drop = f"sqlite:///{folder}/bench.sqlite3", lambda: None
        else:
            server = make_url(POSTGRES)
            name = f"feedback_bench_{secrets.token_hex(4)}"
            admin = create_engine(server, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = server.set(database=name).render_as_string(hide_password=False)

            def drop():
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()

        app = create_app({"SQLALCHEMY_DATABASE_URI": url})
        try:
            with app.app_context():
                upgrade(revision="heads")
                yield app
                db.session.remove()
                db.engine.dispose()
        finally:
            drop()
