import { expect } from '@jest/globals'
import type { BadInputCase } from '../case.js'

const INVALID = 'Invalid requirements file'

/** requirements*.txt: pip's own grammar, written by hand in every possible way. */
export const requirementsCases: BadInputCase[] = [
  {
    name: 'a -r include of itself',
    files: { 'requirements.txt': 'six==1.17.0\n-r requirements.txt\n' },
    expected: { kind: 'error', title: 'Requirements include loop', file: 'requirements.txt', line: 2 },
    e2e: true,
  },
  {
    name: 'a -r include loop over three files',
    files: { 'requirements.txt': '-r a.txt\n', 'a.txt': '-r b.txt\n', 'b.txt': '\n-r requirements.txt\n' },
    expected: {
      kind: 'error',
      title: 'Requirements include loop',
      file: 'b.txt',
      line: 2,
      fixContains: '-r',
    },
  },
  {
    name: 'a -c constraint file that does not exist',
    files: { 'requirements.txt': 'six\n-c constraints.txt\n' },
    expected: {
      kind: 'error',
      title: 'Requirements include not found',
      message: "'constraints.txt' does not exist",
      file: 'requirements.txt',
      line: 2,
    },
  },
  {
    name: 'a -r include that is a folder',
    files: { 'requirements.txt': '-r dev\n', 'dev/requirements.txt': 'six\n' },
    expected: {
      kind: 'error',
      title: 'Requirements include not found',
      message: "'dev' is not a file",
      file: 'requirements.txt',
      line: 1,
    },
    e2e: true,
  },
  {
    name: 'a -r include that is a looping link',
    files: { 'requirements.txt': 'six\n-r loop.txt\n', 'loop.txt': { symlink: 'loop.txt' } },
    expected: {
      kind: 'error',
      title: 'Requirements include not found',
      message: 'symbolic link loop',
      file: 'requirements.txt',
      line: 2,
    },
  },
  {
    name: 'a -r include that is a broken link',
    files: { 'requirements.txt': '-r gone.txt\n', 'gone.txt': { symlink: 'nowhere.txt' } },
    expected: {
      kind: 'error',
      title: 'Requirements include not found',
      message: 'broken symbolic link',
      file: 'requirements.txt',
      line: 1,
    },
  },
  {
    name: '--requirement= with an empty value',
    files: { 'requirements.txt': 'six\n--requirement=\n' },
    expected: {
      kind: 'error',
      title: INVALID,
      message: 'needs a file name',
      file: 'requirements.txt',
      line: 2,
    },
  },
  {
    name: '-e without a path',
    files: { 'requirements.txt': '-e\n' },
    expected: {
      kind: 'error',
      title: INVALID,
      message: 'needs a path or URL',
      file: 'requirements.txt',
      line: 1,
    },
    e2e: true,
  },
  {
    name: '--hash without a value',
    files: { 'requirements.txt': 'six==1.17.0 --hash\n' },
    expected: {
      kind: 'error',
      title: INVALID,
      message: "'--hash' needs a value",
      file: 'requirements.txt',
      line: 1,
      fixContains: 'sha256',
    },
    e2e: true,
  },
  {
    name: 'words after the version',
    files: { 'requirements.txt': '\nnumpy==1.26.4 scipy==1.13.0\n' },
    expected: {
      kind: 'error',
      title: INVALID,
      message: 'invalid version specifier',
      file: 'requirements.txt',
      line: 2,
    },
  },
  {
    name: 'an unknown option after a requirement',
    files: { 'requirements.txt': 'six==1.17.0 --no-deps\n' },
    expected: {
      kind: 'error',
      title: INVALID,
      message: "'--no-deps' is not an option",
      file: 'requirements.txt',
      line: 1,
    },
  },
  {
    name: 'an unknown global option',
    files: { 'requirements.txt': '--frobnicate\nsix==1.17.0\n' },
    expected: {
      kind: 'error',
      title: INVALID,
      message: "'--frobnicate' is not an option pip accepts",
      file: 'requirements.txt',
      line: 1,
    },
    e2e: true,
  },
  {
    name: '--index-url without a URL',
    files: { 'requirements.txt': 'six==1.17.0\n--index-url\n' },
    expected: {
      kind: 'error',
      title: INVALID,
      message: "'--index-url' needs a value",
      file: 'requirements.txt',
      line: 2,
    },
  },
  {
    name: 'a backslash continuation that splits the version',
    files: { 'requirements.txt': 'numpy\\\n==1.26.4\n' },
    expected: {
      kind: 'ok',
      check: ({ project }) =>
        expect(project?.requirementsFiles[0]?.requirements[0]).toMatchObject({
          name: 'numpy',
          specifier: '==1.26.4',
          line: 1,
          endLine: 2,
        }),
    },
  },
  {
    name: 'a backslash continuation on the last line',
    files: { 'requirements.txt': 'six==1.17.0 \\' },
    expected: {
      kind: 'ok',
      check: ({ project }) => expect(project?.lock?.packages.map((p) => p.name)).toEqual(['six']),
    },
  },
  {
    name: 'hashes on continuation lines',
    files: {
      'requirements.txt': `six==1.17.0 \\\n    --hash=sha256:${'a'.repeat(64)} \\\n    --hash=sha256:${'b'.repeat(64)}\n`,
    },
    expected: {
      kind: 'ok',
      check: ({ project }) => expect(project?.requirementsFiles[0]?.requirements[0]?.hashes).toHaveLength(2),
    },
  },
  {
    name: 'markers, extras, URLs and editables together',
    files: {
      'requirements.txt': [
        'requests[socks,security]==2.32.3 ; python_version >= "3.8"',
        'pkg @ https://example.com/pkg-1.0-py3-none-any.whl',
        'https://example.com/other-2.0.tar.gz#egg=other',
        '-e git+https://github.com/org/repo.git#egg=repo',
        '-e .',
        '--extra-index-url https://example.com/simple',
        '',
      ].join('\n'),
      'setup.py': 'from setuptools import setup\nsetup(name="x")\n',
    },
    expected: {
      kind: 'ok',
      check: ({ project }) =>
        expect(project?.requirementsFiles[0]?.requirements.map((r) => r.name)).toEqual([
          'requests',
          'pkg',
          'other',
          'repo',
          undefined,
        ]),
    },
  },
  {
    name: 'CRLF line endings and tabs',
    files: { 'requirements.txt': 'six==1.17.0\r\n\tidna==3.10\t# pinned\r\n' },
    expected: {
      kind: 'ok',
      check: ({ project }) => expect(project?.lock?.packages.map((p) => p.line)).toEqual([1, 2]),
    },
  },
  {
    name: 'a NUL byte in a requirement',
    files: { 'requirements.txt': 'six==1.17.0\nnum\u0000py==1.0\n' },
    expected: { kind: 'error', title: INVALID, file: 'requirements.txt', line: 2 },
  },
  {
    name: 'a line of punctuation',
    files: { 'requirements.txt': '@@@ ;;;\n' },
    expected: {
      kind: 'error',
      title: INVALID,
      message: 'is not a valid requirement',
      file: 'requirements.txt',
      line: 1,
    },
  },
  {
    name: 'only comments and blank lines',
    files: { 'requirements.txt': '# nothing yet\n\n   \n# still nothing \\\n' },
    expected: {
      kind: 'ok',
      check: ({ project }) => expect(project?.requirementsFiles[0]?.requirements).toEqual([]),
    },
  },
  {
    name: "the 'requirements' input naming a folder",
    files: { 'requirements.txt': 'six\n', 'reqs/a.txt': 'six\n' },
    inputs: { requirements: 'reqs' },
    expected: { kind: 'error', title: 'Requirements file not found', message: 'reqs, which does not exist' },
  },
  {
    name: 'requirements.txt that is a broken link',
    files: { 'requirements.txt': { symlink: 'gone.txt' } },
    expected: {
      kind: 'error',
      title: 'File cannot be read',
      message: 'broken symbolic link',
      file: 'requirements.txt',
    },
  },
  {
    name: 'an unpinned requirement',
    stage: 'drift',
    files: { 'requirements.txt': 'six==1.17.0\nrequests>=2\n' },
    expected: {
      kind: 'finding',
      rule: 'requirement-unpinned',
      file: 'requirements.txt',
      line: 2,
      exitCode: 0,
    },
  },
]
