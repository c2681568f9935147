"""Data helpers, found by find_packages()."""

import six
from packaging.version import Version


def dataset_version() -> Version:
    return Version(six.ensure_str("2.0"))
