"""Workspace member 1: the core library."""

import idna


def host(name: str) -> bytes:
    return idna.encode(name)
