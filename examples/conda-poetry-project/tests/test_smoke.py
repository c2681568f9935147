"""Smoke test for the conda + poetry hybrid."""

import six


def test_six():
    assert six.PY3
