import six


def test_six_version():
    assert six.__version__ == "1.16.0"
