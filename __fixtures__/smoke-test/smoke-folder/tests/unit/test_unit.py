import pathlib

ROOT = pathlib.Path(__file__).parent.parent.parent


def test_unit():
    (ROOT / "ran-unit").write_text("auto ran a test outside tests/smoke/\n")
