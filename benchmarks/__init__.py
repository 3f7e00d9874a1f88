"""Benchmarks, run by `make bench`. Each prints its figure beside a baseline measured in the same run."""
