"""Test-wide settings: property tests draw the same examples on every run, so CI never
flakes on a new random case (run `pytest --hypothesis-seed=random` to explore)."""

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.load_profile("repeatable")
