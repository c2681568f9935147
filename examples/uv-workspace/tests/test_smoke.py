"""Smoke test: both workspace members are installed from the workspace root."""

from wsapp import greet


def test_greet():
    assert greet("example.com") == "example.com"
