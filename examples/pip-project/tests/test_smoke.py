"""Smoke test: the pinned dependencies import and are the versions the lock says."""

import importlib.metadata

import idna
import packaging
import six

from mlproject import model_version

PINNED = {"idna": "3.10", "packaging": "24.2", "six": "1.17.0"}


def test_pinned_versions_are_installed():
    for name, version in PINNED.items():
        assert importlib.metadata.version(name) == version


def test_dependencies_work():
    assert idna.encode("example.com") == b"example.com"
    assert six.PY3
    assert packaging.version.Version("1.0") < model_version()
