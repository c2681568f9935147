"""A tiny uv-managed package."""

import idna
import six


def encode_host(host: str) -> bytes:
    return idna.encode(six.ensure_str(host))
