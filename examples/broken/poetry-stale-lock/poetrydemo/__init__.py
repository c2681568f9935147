"""A tiny poetry-managed package."""

import attrs
import six


@attrs.define
class Point:
    x: int
    y: int

    def label(self) -> str:
        return six.ensure_str(f"({self.x}, {self.y})")
