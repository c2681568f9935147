"""Smoke test: the package is installed editable and its dependencies import."""

from mlcourse.data import dataset_version


def test_dataset_version():
    assert str(dataset_version()) == "2.0"
