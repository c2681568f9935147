import { describe, expect, it } from '@jest/globals'
import { parseJUnit } from '../../src/verify/junit.js'

const XML = `<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" errors="0" failures="1" skipped="1" tests="3">
<testcase classname="tests.test_smoke" name="test_ok" file="tests/test_smoke.py" line="3" time="0.001" />
<testcase classname="tests.test_smoke" name="test_bad" file="tests/test_smoke.py" line="7" time="0.001">
<failure message="AssertionError: assert '1.17.0' == '1.16.0'&#10;  - 1.16.0">def test_bad():
&gt;       assert six.__version__ == "1.16.0"
E       AssertionError

tests/test_smoke.py:10: AssertionError</failure></testcase>
<testcase classname="tests.test_smoke" name="test_skip" file="tests/test_smoke.py" line="12"><skipped message="later" /></testcase>
</testsuite></testsuites>`

describe('parseJUnit', () => {
  it('reads counts and each failure at the failing line of the test file', () => {
    const report = parseJUnit(XML)
    expect(report.tests).toBe(3)
    expect(report.skipped).toBe(1)
    expect(report.failures).toEqual([
      {
        name: 'tests/test_smoke.py::test_bad',
        file: 'tests/test_smoke.py',
        line: 10,
        message: "AssertionError: assert '1.17.0' == '1.16.0'",
        kind: 'failure',
      },
    ])
  })

  it('falls back to the 0-based def line when the traceback shows no line', () => {
    const xml =
      '<testsuite><testcase name="t" file="tests/t.py" line="4"><error message="boom">boom</error></testcase></testsuite>'
    expect(parseJUnit(xml).failures).toEqual([
      { name: 'tests/t.py::t', file: 'tests/t.py', line: 5, message: 'boom', kind: 'error' },
    ])
  })

  it('names the error a test module raised on import (collect-only), at its line', () => {
    // what pytest 8.3.5 writes for `--collect-only` when a test module cannot be imported
    const xml = `<testsuites><testsuite name="pytest" errors="1" failures="0" skipped="0" tests="1">
<testcase classname="" name="tests.test_x" file="tests/test_x.py" time="0.000"><error message="collection failure">ImportError while importing test module '/w/tests/test_x.py'.
Traceback:
tests/test_x.py:1: in &lt;module&gt;
    import nosuchmodule
E   ModuleNotFoundError: No module named 'nosuchmodule'</error></testcase></testsuite></testsuites>`
    expect(parseJUnit(xml).failures).toEqual([
      {
        name: 'tests/test_x.py::tests.test_x',
        file: 'tests/test_x.py',
        line: 1,
        message: "collection failure: ModuleNotFoundError: No module named 'nosuchmodule'",
        kind: 'error',
      },
    ])
  })
})
