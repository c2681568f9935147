from monoapi import handler


def test_handler():
    assert handler("api") == "HELLO, API"
