"""Extension instances, created here and bound in create_app, so modules can import them freely."""
import sqlite3

from flask_babel import Babel
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

from .rate_limits import address_key

# Named constraints keep SQLite and PostgreSQL migrations identical and reversible.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
babel = Babel()
csrf = CSRFProtect()
login_manager = LoginManager()
# Storage from RATELIMIT_STORAGE_URI: memory by default, Redis in production. Counted by a hash
# of the address, never the address itself.
limiter = Limiter(key_func=address_key)


def on_postgresql() -> bool:
    """Whether the session's database is PostgreSQL (else SQLite): for what only one of them
    has, such as row locks and sequences."""
    return db.session.get_bind().dialect.name == "postgresql"


def execute_alone(statement, params: dict) -> list:
    """Run one statement as a transaction of its own, now, and return its rows: for the busiest
    routes, whose work is a single statement. One statement is atomic by itself, and wrapping it
    in BEGIN and COMMIT would cost two more round trips to the database. Outside the session, so
    whatever the session has under way is neither committed nor seen (on SQLite, where one
    writer holds the whole database, call it before the session writes anything)."""
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        return connection.execute(statement, params).all()


def upsert(target):
    """INSERT … ON CONFLICT for the database in use: PostgreSQL and SQLite both have it, each in
    its own dialect of SQLAlchemy."""
    if on_postgresql():
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(target)


def _sqlite_foreign_keys_on(dbapi_connection, _record):
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def enforce_sqlite_foreign_keys() -> None:
    """SQLite ignores foreign keys (and ON DELETE CASCADE) unless each connection asks for them."""
    if not event.contains(Engine, "connect", _sqlite_foreign_keys_on):
        event.listen(Engine, "connect", _sqlite_foreign_keys_on)
