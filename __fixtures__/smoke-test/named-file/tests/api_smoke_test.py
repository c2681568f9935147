import packaging.version


def test_packaging_imports():
    assert packaging.version.Version("24.2").major == 24
