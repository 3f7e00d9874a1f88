"""Run every benchmark: `python -m benchmarks` (or `make bench`)."""
from . import demo_load

if __name__ == "__main__":
    demo_load.main()
