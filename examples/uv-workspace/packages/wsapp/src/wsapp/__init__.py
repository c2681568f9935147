"""Workspace member 2: the app, depending on wscore."""

import six
from wscore import host


def greet(name: str) -> str:
    return six.ensure_str(host(name))
