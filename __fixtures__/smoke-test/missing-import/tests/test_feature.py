import yaml  # not in requirements.txt: the environment cannot import this test module


def test_config():
    assert yaml.safe_load("a: 1") == {"a": 1}
