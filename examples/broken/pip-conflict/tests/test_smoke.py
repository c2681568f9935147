import conflictpkg


def test_imports():
    assert conflictpkg
