"""A service built on the shared library."""

from monocore import greeting


def handler(user: str) -> str:
    return greeting(user).upper()
