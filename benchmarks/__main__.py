"""Run every benchmark: `python -m benchmarks` (or `make bench`)."""
from . import demo_load, send_due
from . import kiosk
from . import anonymiser
from . import insights, sentiment

if __name__ == "__main__":
    demo_load.main()
    kiosk.main()
    send_due.main()
    anonymiser.main()
    sentiment.main()
    insights.main()
