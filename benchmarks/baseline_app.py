"""The load benchmark's baseline: a bare Flask endpoint that does one SQLAlchemy INSERT.

Served by gunicorn exactly like the app: `gunicorn -c gunicorn.conf.py
"benchmarks.baseline_app:create()"` with DATABASE_URL set.
"""
import os
from datetime import date

from flask import Flask
from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine, insert

metadata = MetaData()
events = Table(
    "bench_baseline_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("day", Date, nullable=False),
    Column("note", String(64), nullable=False),
)


def create() -> Flask:
    engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)
    metadata.create_all(engine)
    # gunicorn.conf.py preloads the app and forks workers from it: none may inherit this
    # connection, so each opens its own.
    engine.dispose()
    app = Flask(__name__)

    @app.post("/insert")
    def insert_one():
        with engine.begin() as conn:
            conn.execute(insert(events).values(day=date.today(), note="baseline"))
        return "", 204

    return app
