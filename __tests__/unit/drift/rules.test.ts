import { describe, expect, it } from '@jest/globals'
import { dependencyChangedRule } from '../../../src/drift/rules/dependency-changed.js'
import {
  dockerUnlockedInstallRule,
  unlockedInstall,
} from '../../../src/drift/rules/docker-unlocked-install.js'
import { dockerUnpinnedBaseRule } from '../../../src/drift/rules/docker-unpinned-base.js'
import { envMismatchRule } from '../../../src/drift/rules/env-mismatch.js'
import { lockStaleRule } from '../../../src/drift/rules/lock-stale.js'
import { lockToolVersionRule } from '../../../src/drift/rules/lock-tool-version.js'
import { agrees, pythonVersionMismatchRule } from '../../../src/drift/rules/python-version-mismatch.js'
import { readLockText } from '../../../src/project/locks/lock-text.js'
import { parseDockerfile } from '../../../src/project/parsers/dockerfile.js'
import { driftContext, lock } from './drift-context.js'

describe('python-version-mismatch', () => {
  it.each([
    ['3.11', '3.11.7', true],
    ['3.11.7', '3.11', true],
    ['3.11', '3.12', false],
    ['3.11', '>=3.10,<3.13', true],
    ['3.11', '>=3.12', false],
    ['3.11', '^3.11', true], // not PEP 440: no opinion
  ])('%s agrees with %s: %s', (exact, other, expected) => {
    expect(agrees(exact, other)).toBe(expected)
  })

  it('points at each source that disagrees with the first exact one, naming both', () => {
    const ctx = driftContext({
      pythonSources: [
        {
          value: '3.11',
          file: '.python-version',
          line: 1,
          kind: 'python-version-file',
          specifier: '',
          usedForSelection: true,
        },
        {
          value: '>=3.12',
          file: 'pyproject.toml',
          line: 7,
          kind: 'python-version-file',
          specifier: '',
          usedForSelection: true,
        },
        {
          value: '3.12',
          file: 'Dockerfile',
          line: 1,
          kind: 'python-version-file',
          specifier: '',
          usedForSelection: true,
        },
        {
          value: '3.11.9',
          file: '.github/workflows/ci.yml',
          line: 20,
          kind: 'python-version-file',
          specifier: '',
          usedForSelection: true,
        },
      ],
    })
    const findings = pythonVersionMismatchRule.check(ctx)
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(['pyproject.toml:7', 'Dockerfile:1'])
    expect(findings[1]?.message).toBe('Dockerfile:1 says Python 3.12, but .python-version:1 says 3.11.')
  })

  it('compares specifiers with the Python in use when no source is exact', () => {
    const ctx = driftContext({
      pythonVersion: '3.11.7',
      pythonSources: [
        {
          value: '>=3.12',
          file: 'pyproject.toml',
          line: 3,
          kind: 'python-version-file',
          specifier: '',
          usedForSelection: true,
        },
      ],
    })
    expect(pythonVersionMismatchRule.check(ctx)).toHaveLength(1)
  })
})

describe('lock-tool-version', () => {
  it.each([
    ['1.8.3', '2.5.1', 1],
    ['2.5.1', '2.5.1', 0],
  ])('lock by poetry %s, installed %s → %d findings', (written, installed, count) => {
    const poetryLock = {
      ...lock('poetry.lock', { six: '1.17.0' }, 'poetry'),
      generatedBy: { tool: 'poetry', version: written, line: 1 },
    }
    const findings = lockToolVersionRule.check(
      driftContext({ locks: [poetryLock], toolVersions: { poetry: installed } }),
    )
    expect(findings).toHaveLength(count)
    if (count)
      expect(findings[0]).toMatchObject({ file: 'poetry.lock', line: 1, from: written, to: installed })
  })

  it('says nothing when the tool version is unknown', () => {
    const uvLock = { ...lock('uv.lock', {}, 'uv'), generatedBy: { tool: 'uv', version: '0.4.0', line: 2 } }
    expect(lockToolVersionRule.check(driftContext({ locks: [uvLock] }))).toEqual([])
  })
})

describe('dependency-changed', () => {
  it('classifies added, removed, upgraded, downgraded and major bumps, louder for the risky ones', () => {
    const ctx = driftContext({
      locks: [
        lock('requirements-lock.txt', {
          numpy: '1.26.4',
          pandas: '2.2.3',
          six: '1.16.0',
          idna: '3.10',
          new: '1.0',
        }),
      ],
      base: {
        ref: 'main',
        changedFiles: [],
        manifests: [],
        locks: [
          lock('requirements-lock.txt', {
            numpy: '1.26.3',
            pandas: '1.5.3',
            six: '1.17.0',
            idna: '3.10',
            old: '2.0',
          }),
        ],
      },
    })
    const findings = dependencyChangedRule.check(ctx)
    expect(findings.map((f) => [f.package, f.severity, f.line])).toEqual([
      ['numpy', 'notice', 1],
      ['pandas', 'warning', 2],
      ['six', 'warning', 3],
      ['new', 'notice', 5],
      ['old', 'notice', undefined],
    ])
    expect(findings.map((f) => f.message)).toContain('pandas jumped a major version, from 1.5.3 to 2.2.3.')
  })

  it('is silent without a base revision', () => {
    expect(dependencyChangedRule.check(driftContext({ locks: [lock('a.txt', { x: '1' })] }))).toEqual([])
  })
})

describe('env-mismatch', () => {
  const locked = lock('requirements-lock.txt', { six: '1.17.0', idna: '3.10', colorama: '0.4.6' })
  locked.packages[2] = {
    ...(locked.packages[2] as (typeof locked.packages)[number]),
    marker: 'sys_platform == "win32"',
  }

  it('reports other versions and missing packages at the lock line, extras as warnings, and skips tools and the project', () => {
    const ctx = driftContext({
      locks: [locked],
      projectName: 'mlproject',
      installed: [
        { name: 'six', version: '1.16.0' },
        { name: 'pip', version: '24.0' },
        { name: 'requests', version: '2.32.3' },
        { name: 'mlproject', version: '0.1.0' },
      ],
    })
    const findings = envMismatchRule.check(ctx)
    expect(findings.map((f) => [f.package, f.severity, f.line])).toEqual([
      ['six', 'error', 1],
      ['idna', 'error', 2],
      ['requests', 'warning', undefined],
    ])
  })

  it('treats 1.0 and 1.0.0 as the same version', () => {
    const ctx = driftContext({
      locks: [lock('l.txt', { a: '1.0' })],
      installed: [{ name: 'a', version: '1.0.0' }],
    })
    expect(envMismatchRule.check(ctx)).toEqual([])
  })
})

describe('lock-stale', () => {
  it('fires for a manifest dependency missing from the lock or outside its specifier, skipping conditional ones', () => {
    const ctx = driftContext({
      locks: [lock('requirements-lock.txt', { numpy: '1.26.4' })],
      manifests: [
        {
          file: 'requirements.in',
          kind: 'requirements',
          dependencies: [
            { name: 'numpy', specifier: '>=2', conditional: false, line: 1 },
            { name: 'pandas', specifier: '', conditional: false, line: 2 },
            { name: 'pywin32', specifier: '', conditional: true, line: 3 },
          ],
        },
      ],
    })
    expect(lockStaleRule.check(ctx).map((f) => [f.package, f.line])).toEqual([
      ['numpy', 1],
      ['pandas', 2],
    ])
  })

  it('passes on what the manager check said', () => {
    const ctx = driftContext({
      lockCheck: {
        stale: true,
        file: 'uv.lock',
        message: 'uv.lock needs to be updated',
        fix: 'Run `uv lock`.',
      },
    })
    expect(lockStaleRule.check(ctx)).toEqual([
      expect.objectContaining({ file: 'uv.lock', severity: 'error' }),
    ])
  })
})

describe('docker rules', () => {
  it.each([
    ['pip install numpy pandas', true],
    ['pip install -r requirements-lock.txt', false],
    ['pip install --no-deps -r requirements.txt .', false],
    ['python -m pip install numpy==1.26.4', false],
    ['pip install --upgrade pip', false],
    ['pip3 install "numpy>=1.2"', true],
    ['pip install .', true],
    ['apt-get install -y gcc', false],
  ])('unlockedInstall(%j) → %s', (command, flagged) => {
    expect(unlockedInstall(command) !== undefined).toBe(flagged)
  })

  it('finds the RUN line across continuations', () => {
    const dockerfile = parseDockerfile(
      'FROM python:3.11-slim\n# deps\nRUN apt-get update && \\\n    pip install numpy\n',
      'Dockerfile',
    )
    expect(dockerUnlockedInstallRule.check(driftContext({ dockerfiles: [dockerfile] }))).toEqual([
      expect.objectContaining({ line: 3, endLine: 4 }),
    ])
  })

  it('flags latest and untagged bases but not stages, digests, scratch or ARGs', () => {
    const text = [
      'FROM python AS build',
      'FROM build',
      'FROM python:latest',
      'FROM --platform=linux/amd64 python:3.11-slim',
      'FROM python@sha256:abc',
      'FROM scratch',
      'FROM $BASE_IMAGE',
      'FROM registry.local:5000/team/python',
    ].join('\n')
    const findings = dockerUnpinnedBaseRule.check(
      driftContext({ dockerfiles: [parseDockerfile(text, 'Dockerfile')] }),
    )
    expect(findings.map((f) => f.line)).toEqual([1, 3, 8])
  })
})

describe('requirements locks', () => {
  it.each([
    ['requirements.txt', 'a==1\nb==2\n', 2],
    ['requirements.txt', 'a==1\nb>=2\n', undefined],
    ['requirements-lock.txt', 'a==1\nb>=2\n', 1],
    ['requirements.txt', '# This file was autogenerated by uv via the following command:\na==1\nb\n', 1],
  ])('%s with %j locks %s packages', (file, text, count) => {
    expect(readLockText(text, file)?.packages.length).toBe(count)
  })

  it('reads the pins of a loose base file when asked to be lenient', () => {
    expect(readLockText('a==1\nb>=2\n', 'requirements.txt', { lenient: true })?.packages).toEqual([
      { name: 'a', version: '1', file: 'requirements.txt', line: 1, marker: undefined },
    ])
  })
})

describe('lock-stale on a pull request', () => {
  const manifest = (deps: [string, string][]) => ({
    file: 'requirements.in',
    kind: 'requirements' as const,
    dependencies: deps.map(([name, specifier], i) => ({ name, specifier, conditional: false, line: i + 1 })),
  })
  const headLock = lock('requirements-lock.txt', { numpy: '1.26.4', pandas: '2.2.3' })

  it.each([
    [
      'a loosened specifier',
      [
        ['numpy', '>=1.20'],
        ['pandas', ''],
      ],
      [
        ['numpy', '>=1.26'],
        ['pandas', ''],
      ],
      [],
      1,
    ],
    [
      'a removed dependency',
      [['numpy', '']],
      [
        ['numpy', ''],
        ['pandas', ''],
      ],
      [],
      1,
    ],
    ['the lock changed too', [['numpy', '>=1.20']], [['numpy', '>=1.26']], ['requirements-lock.txt'], 0],
    ['nothing changed', [['numpy', '']], [['numpy', '']], [], 0],
  ] as [string, [string, string][], [string, string][], string[], number][])(
    'manifest changed by %s → %d findings',
    (_what, head, base, changedFiles, count) => {
      const ctx = driftContext({
        locks: [headLock],
        manifests: [manifest(head)],
        base: { ref: 'main', locks: [headLock], manifests: [manifest(base)], changedFiles },
      })
      expect(lockStaleRule.check(ctx)).toHaveLength(count)
    },
  )
})
