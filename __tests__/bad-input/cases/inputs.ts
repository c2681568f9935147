import { expect } from '@jest/globals'
import type { BadInputCase } from '../case.js'

const REQS = { 'requirements.txt': 'six==1.17.0\n' }

/** An input value that is not one of the documented ones: refused, naming the input and the choices. */
const refused = (input: string, value: string, message: string, e2e = false): BadInputCase => ({
  name: `${input}: ${JSON.stringify(value)}`,
  stage: 'inputs',
  files: REQS,
  inputs: { [input]: value },
  expected: { kind: 'error', title: `Invalid input ${input}`, message },
  e2e,
})

/** Every enum and boolean input of action.yml, and the inputs with a format. */
export const inputCases: BadInputCase[] = [
  refused(
    'manager',
    'pipenv',
    "Input 'manager' is 'pipenv', which is not one of: auto, uv, poetry, pip, conda",
  ),
  refused('manager', 'UV', "Input 'manager' is 'UV'"),
  refused('fail-on', 'warnings', "Input 'fail-on' is 'warnings'", true),
  refused('uv-source', 'conda', "Input 'uv-source' is 'conda'"),
  refused('architecture', 'amd64', "Input 'architecture' is 'amd64', which is not one of: x64, x86, arm64"),
  refused('cache', 'yes', "Input 'cache' is 'yes', which is neither true nor false", true),
  refused('cache-save', 'always', "Input 'cache-save' is 'always'"),
  refused('comment', 'sometimes', "Input 'comment' is 'sometimes'"),
  refused(
    'smoke-test',
    'yes',
    "Input 'smoke-test' is 'yes', which is neither 'auto', 'full', 'none' nor a command line",
  ),
  refused(
    'smoke-test-timeout',
    '5m',
    "Input 'smoke-test-timeout' is '5m', which is not a whole number of seconds",
  ),
  refused('smoke-test-timeout', '0', "Input 'smoke-test-timeout' is '0'"),
  refused('smoke-test', "pytest -k 'unclosed", "unclosed ' quote"),
  refused('check-latest', 'maybe', "Input 'check-latest' is 'maybe'"),
  refused('allow-prereleases', '1', "Input 'allow-prereleases' is '1'"),
  refused('all-extras', 'all', "Input 'all-extras' is 'all'", true),
  refused('python-version', '3.11; rm -rf /', "Input 'python-version' is '3.11; rm -rf /'", true),
  refused('python-version', 'three', "Input 'python-version' is 'three'"),
  refused('python-sha256', 'abc123', 'not a SHA-256'),
  refused('python-mirror', 'mirror.example.com', 'not an http(s) URL'),
  refused('uv-mirror', 'ftp://mirror.example.com/uv', 'not an http(s) URL'),
  refused('uv-version', '0.13.9; curl x', 'not a version'),
  refused('poetry-version', 'stable', 'not a version'),
  refused('cache-suffix', 'a,b', 'may only hold letters, digits'),
  refused('rules', 'no-such-rule=off', "'no-such-rule' is not a rule of setup-python-env"),
  refused('rules', 'lock-stale=loud', "sets lock-stale to 'loud', which is not a level"),
  refused('rules', 'lock-stale', "'lock-stale' is not of the form rule-id=level"),
  {
    name: 'booleans in any case: cache: True, check-latest: FALSE',
    stage: 'inputs',
    files: REQS,
    inputs: { cache: 'True', 'check-latest': 'FALSE', 'all-extras': ' true ' },
    expected: { kind: 'ok' },
  },
  {
    name: 'working-directory that is a file',
    files: REQS,
    inputs: { 'working-directory': 'requirements.txt' },
    expected: {
      kind: 'error',
      title: 'Working directory not found',
      message: 'requirements.txt, which is not a directory',
    },
    e2e: true,
  },
  {
    name: 'working-directory that climbs out of the repository',
    files: REQS,
    inputs: { 'working-directory': '../../no-such-place' },
    expected: { kind: 'error', title: 'Working directory not found' },
  },
  {
    name: 'an empty working-directory folder',
    files: { ...REQS, 'services/api/.keep': '' },
    inputs: { 'working-directory': 'services/api' },
    expected: { kind: 'error', title: 'No Python project found', message: 'in services/api' },
  },
  {
    name: 'requirements listed with commas, spaces and newlines',
    files: { ...REQS, 'dev.txt': 'pytest==8.3.4\n' },
    inputs: { requirements: 'requirements.txt,\n  dev.txt' },
    expected: {
      kind: 'ok',
      check: ({ project }) =>
        expect(project?.requirementsFiles.map((f) => f.file)).toEqual(['requirements.txt', 'dev.txt']),
    },
  },
]
