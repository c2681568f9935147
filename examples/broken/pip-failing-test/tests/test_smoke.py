import six


def test_six_imports():
    assert six.PY3


def test_expects_another_six():
    # The pin says 1.17.0; this test was written against an older environment.
    assert six.__version__ == "1.16.0"
