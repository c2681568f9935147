from monocore import greeting


def test_greeting():
    assert greeting("core") == "hello, core"
