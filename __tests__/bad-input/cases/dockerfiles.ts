import { expect } from '@jest/globals'
import type { BadInputCase } from '../case.js'

const REQS = { 'requirements.txt': 'six==1.17.0\n' }
const docker = (text: string | Buffer | { symlink: string }, name = 'Dockerfile') => ({
  ...REQS,
  [name]: text,
})

/** Dockerfiles: read for the docker-* rules and the Python they pin; never ours to refuse. */
export const dockerfileCases: BadInputCase[] = [
  {
    name: 'FROM python:latest',
    stage: 'drift',
    files: docker('# base\nFROM python:latest\nRUN pip install -r requirements.txt\n'),
    expected: { kind: 'finding', rule: 'docker-unpinned-base', file: 'Dockerfile', line: 2, exitCode: 0 },
    e2e: true,
  },
  {
    name: 'FROM python without a tag, lower-case keyword',
    stage: 'drift',
    files: docker('from python\n'),
    expected: { kind: 'finding', rule: 'docker-unpinned-base', file: 'Dockerfile', line: 1, exitCode: 0 },
  },
  {
    name: 'an unlocked pip install over continuation lines',
    stage: 'drift',
    files: docker(
      'FROM python:3.11-slim\nRUN apt-get update && \\\n    pip install \\\n      flask\n',
      'Dockerfile.dev',
    ),
    expected: {
      kind: 'finding',
      rule: 'docker-unlocked-install',
      file: 'Dockerfile.dev',
      line: 2,
      exitCode: 0,
    },
  },
  {
    name: 'an ML stack on an alpine base',
    stage: 'drift',
    files: docker('FROM python:3.11-alpine\nRUN pip install numpy==1.26.4 pandas==2.2.2\n'),
    expected: { kind: 'finding', rule: 'docker-alpine-ml', file: 'Dockerfile', line: 1, exitCode: 0 },
  },
  {
    name: 'a Dockerfile that ends inside a continuation',
    stage: 'drift',
    files: docker('FROM python:3.11-slim\nRUN pip install -r requirements.txt \\'),
    expected: { kind: 'ok' },
  },
  {
    name: 'a Dockerfile of comments, blank lines and a parser directive',
    stage: 'drift',
    files: docker('# syntax=docker/dockerfile:1\n\n# nothing else\n'),
    expected: { kind: 'ok' },
  },
  {
    name: 'FROM with a build argument, --platform and a stage name',
    stage: 'drift',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile's own ${} syntax
    files: docker('ARG BASE=python:3.11\nFROM --platform=$BUILDPLATFORM ${BASE} AS build\nFROM build\n'),
    expected: { kind: 'ok' },
  },
  {
    name: 'a Dockerfile with a Latin-1 comment',
    stage: 'drift',
    files: docker(Buffer.from('# Caf\xe9 service\nFROM python:3.11-slim\n', 'latin1')),
    expected: {
      kind: 'warning',
      message: 'Dockerfile is not valid UTF-8 text. It is skipped',
      file: 'Dockerfile',
    },
  },
  {
    name: 'a Dockerfile that links to itself',
    stage: 'drift',
    files: docker({ symlink: 'Dockerfile' }),
    expected: { kind: 'warning', message: 'Drift checks skip Dockerfile', file: 'Dockerfile' },
    e2e: true,
  },
  {
    name: 'a folder named like a Dockerfile',
    stage: 'drift',
    files: { ...REQS, 'Dockerfile.d/x': '' },
    expected: { kind: 'ok' },
  },
  {
    name: 'a Dockerfile with FROM python:3 and a FROM python:3.12 stage',
    files: docker('FROM python:3 AS a\nFROM python:3.12-slim\n'),
    expected: {
      kind: 'ok',
      check: ({ project }) =>
        expect(project?.pythonVersionSources.map((s) => `${s.value}@${s.line}`)).toEqual(['3@1', '3.12@2']),
    },
  },
]
