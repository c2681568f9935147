"""The shared library: services and tools of the monorepo import it."""


def greeting(name: str) -> str:
    return f"hello, {name}"
