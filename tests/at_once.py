"""Running the same work in several threads at once, as several servers or cron jobs would."""
import threading

from feedback_app.extensions import db


def at_once(app, count: int, work) -> list:
    """Start `work()` in `count` threads together, each in its own app context (so its own session
    and database connection); return what each returned. A thread's exception fails the test
    here rather than being lost with the thread."""
    results, errors = [], []
    start = threading.Barrier(count)

    def run():
        try:
            with app.app_context():
                start.wait()
                results.append(work())
                db.session.remove()
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == [], errors
    return results
