import pathlib

import pytest

ROOT = pathlib.Path(__file__).parent.parent


@pytest.mark.smoke
def test_packaging_imports():
    import packaging.version

    assert packaging.version.Version("24.2") > packaging.version.Version("24.1")


def test_not_smoke():
    (ROOT / "ran-not-smoke").write_text("auto ran a test not marked smoke\n")
