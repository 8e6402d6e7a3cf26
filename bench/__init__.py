"""Benchmarks (``make bench``): speed and memory goals live here, never in unit tests."""
