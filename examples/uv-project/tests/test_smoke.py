"""Smoke test: the locked dependencies import and the package works."""

from uvdemo import encode_host


def test_encode_host():
    assert encode_host("example.com") == b"example.com"
