import pathlib

ROOT = pathlib.Path(__file__).parent.parent


def test_other():
    (ROOT / "ran-other").write_text("auto ran a test outside the smoke-named files\n")
