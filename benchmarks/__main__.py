"""Run every benchmark: `python -m benchmarks` (or `make bench`)."""
from . import anonymiser, demo_load, insights, kiosk, load, send_due, sentiment, sentiment_languages

if __name__ == "__main__":
    for benchmark in (demo_load, kiosk, send_due, anonymiser, sentiment, sentiment_languages, insights, load):
        benchmark.main()
