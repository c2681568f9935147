import { expect } from '@jest/globals'
import type { BadInputCase } from '../case.js'

const NOT_UTF8 = 'File is not UTF-8'
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])

/** Encodings, byte-order marks, huge files and symbolic links, across the files the action reads. */
export const encodingCases: BadInputCase[] = [
  {
    name: 'requirements.txt in UTF-16 (Windows "Unicode")',
    files: { 'requirements.txt': utf16('six==1.17.0\r\n') },
    expected: { kind: 'error', title: NOT_UTF8, file: 'requirements.txt', fixContains: 'UTF-8' },
    e2e: true,
  },
  {
    name: 'requirements.txt in Latin-1',
    files: { 'requirements.txt': Buffer.from('# d\xe9pendances\nsix==1.17.0\n', 'latin1') },
    expected: { kind: 'error', title: NOT_UTF8, file: 'requirements.txt' },
  },
  {
    name: 'an included requirements file that is not UTF-8',
    files: { 'requirements.txt': '-r dev.txt\n', 'dev.txt': Buffer.from([0x73, 0x69, 0x78, 0xfe, 0x0a]) },
    expected: { kind: 'error', title: NOT_UTF8, file: 'dev.txt' },
  },
  {
    name: 'requirements.txt with a UTF-8 BOM',
    files: { 'requirements.txt': '\uFEFFsix==1.17.0\n' },
    expected: {
      kind: 'ok',
      check: ({ project }) => expect(project?.lock?.packages[0]).toMatchObject({ name: 'six', line: 1 }),
    },
  },
  {
    name: 'pyproject.toml with a UTF-8 BOM',
    files: { 'pyproject.toml': '\uFEFF[project]\nname = "demo"\nrequires-python = ">=3.11"\n' },
    expected: {
      kind: 'ok',
      check: ({ project }) =>
        expect(project?.pythonVersionSources[0]).toMatchObject({ kind: 'requires-python', line: 3 }),
    },
  },
  {
    name: 'pyproject.toml in UTF-16',
    files: { 'pyproject.toml': utf16('[project]\nname = "demo"\n') },
    expected: { kind: 'error', title: NOT_UTF8, file: 'pyproject.toml' },
    e2e: true,
  },
  {
    name: 'runtime.txt in Latin-1',
    files: { 'requirements.txt': 'six\n', 'runtime.txt': Buffer.from('python-3.11.7 \xa0\n', 'latin1') },
    expected: { kind: 'error', title: NOT_UTF8, file: 'runtime.txt' },
  },
  {
    name: 'environment.yml with a UTF-8 BOM and CRLF',
    files: { 'environment.yml': '\uFEFFname: x\r\ndependencies:\r\n  - python=3.11\r\n' },
    expected: {
      kind: 'ok',
      check: ({ project }) =>
        expect(project?.pythonVersionSources[0]).toMatchObject({ value: '3.11', line: 3 }),
    },
  },
  {
    name: 'a 100,000-line requirements file',
    files: {
      'requirements.txt': Array.from({ length: 100000 }, (_, i) => `pkg-${i}==1.0.${i}`).join('\n'),
    },
    expected: { kind: 'ok', check: ({ project }) => expect(project?.lock?.packages).toHaveLength(100000) },
  },
  {
    name: 'a requirements file that is one 5 MB line',
    files: { 'requirements.txt': 'a'.repeat(5_000_000) },
    expected: {
      kind: 'ok',
      check: ({ project }) => expect(project?.requirementsFiles[0]?.requirements).toHaveLength(1),
    },
  },
  {
    name: 'a requirements file of 2 MB of equals signs',
    files: { 'requirements.txt': `six\n${'='.repeat(2_000_000)}\n` },
    expected: { kind: 'error', title: 'Invalid requirements file', file: 'requirements.txt', line: 2 },
  },
  {
    name: 'a 10,000-line .python-version of comments',
    files: { 'requirements.txt': 'six\n', '.python-version': `${'# comment\n'.repeat(10000)}3.11\n` },
    expected: {
      kind: 'ok',
      check: ({ project }) => expect(project?.pythonVersionSources[0]?.line).toBe(10001),
    },
  },
  {
    name: 'environment.yml that links to itself',
    files: { 'environment.yml': { symlink: 'environment.yml' } },
    expected: {
      kind: 'error',
      title: 'File cannot be read',
      message: 'symbolic link loop',
      file: 'environment.yml',
    },
  },
  {
    name: 'requirements.txt linking to a file in a subfolder',
    files: {
      'requirements.txt': { symlink: 'deps/requirements.txt' },
      'deps/requirements.txt': 'six==1.17.0\n',
    },
    expected: { kind: 'ok', check: ({ project }) => expect(project?.lock?.packages[0]?.name).toBe('six') },
  },
  {
    name: 'two links pointing at each other',
    files: { 'requirements.txt': { symlink: 'b.txt' }, 'b.txt': { symlink: 'requirements.txt' } },
    expected: {
      kind: 'error',
      title: 'File cannot be read',
      message: 'symbolic link loop',
      file: 'requirements.txt',
    },
  },
  {
    name: 'a folder link loop next to the project',
    files: { 'requirements.txt': 'six==1.17.0\n', 'tests/loop': { symlink: '..' } },
    expected: { kind: 'ok', check: ({ project }) => expect(project?.hasTests).toBe(true) },
  },
]
