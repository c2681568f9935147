"""Smoke test: the locked dependencies import and the package works."""

from poetrydemo import Point


def test_point_label():
    assert Point(1, 2).label() == "(1, 2)"
