def test_tool_runs():
    assert True
