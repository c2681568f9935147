// Times the drift stage's rules on synthetic locks (2,000 and 20,000 packages, with a base lock
// and an installed set that differ a little). Prints figures; it asserts nothing.
import type { DriftContext } from '../../src/drift/context.js'
import { parseRulesPolicy } from '../../src/drift/policy.js'
import { RULES } from '../../src/drift/registry.js'
import { dependencyChanges } from '../../src/drift/rules/dependency-changed.js'
import { runRules } from '../../src/drift/run-rules.js'
import type { LockFile } from '../../src/model/lock.js'
import type { Requirement } from '../../src/model/requirement.js'
import { readLockText } from '../../src/project/locks/lock-text.js'
import { parseDockerfile } from '../../src/project/parsers/dockerfile.js'

function syntheticContext(count: number): DriftContext {
  const file = 'requirements-lock.txt'
  const version = (i: number, bump: number) => `${1 + ((i + bump) % 7)}.${i % 13}.${i % 5}`
  const lock = (bumpEvery: number): LockFile => ({
    kind: 'requirements',
    file,
    packages: Array.from({ length: count }, (_, i) => ({
      name: `pkg-${i}`,
      version: version(i, i % bumpEvery === 0 ? 1 : 0),
      file,
      line: i + 1,
    })),
  })
  const head = lock(10)
  const base = lock(1_000_000_007)
  const requirements: Requirement[] = head.packages.map((pkg, i) => ({
    name: pkg.name,
    specifier: `==${pkg.version}`,
    extras: [],
    hashes: [],
    editable: false,
    line: i + 1,
    endLine: i + 1,
    text: `${pkg.name}==${pkg.version}`,
  }))
  return {
    project: {
      workspace: '/w',
      root: '/w',
      manager: 'pip',
      requirementsFiles: [{ path: `/w/${file}`, file, requirements, included: [], constraints: [] }],
    },
    locks: [head],
    manifests: [
      {
        file: 'requirements.in',
        kind: 'requirements',
        dependencies: head.packages
          .filter((_, i) => i % 10 === 0)
          .map((pkg, i) => ({ name: pkg.name, specifier: '>=1', conditional: false, line: i + 1 })),
      },
    ],
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
        value: '>=3.10,<3.13',
        file: 'pyproject.toml',
        line: 4,
        kind: 'python-version-file',
        specifier: '',
        usedForSelection: true,
      },
    ],
    pythonVersion: '3.11.7',
    installed: head.packages.map((pkg, i) => ({
      name: pkg.name,
      version: i % 97 === 0 ? '0.0.1' : pkg.version,
    })),
    toolVersions: { pip: '24.0' },
    pipCheck: [],
    importFailures: [],
    dockerfiles: [
      parseDockerfile('FROM python:3.11-slim\nRUN pip install -r requirements-lock.txt\n', 'Dockerfile'),
    ],
    condaEnvironments: [],
    base: { ref: 'main', locks: [base], manifests: [], changedFiles: [file] },
  }
}

function timeMs(count: number): { ms: number; findings: number } {
  const ctx = syntheticContext(count)
  const policy = parseRulesPolicy('')
  let findings = 0
  for (let i = 0; i < 3; i++) findings = runRules(ctx, policy).length + dependencyChanges(ctx).length
  const samples: number[] = []
  for (let i = 0; i < 9; i++) {
    const started = performance.now()
    runRules(ctx, policy)
    dependencyChanges(ctx)
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return { ms: samples[Math.floor(samples.length / 2)] ?? 0, findings }
}

/** Per-rule median on the large context, to see which rule dominates. */
function perRule(count: number): string {
  const ctx = syntheticContext(count)
  return RULES.map((rule) => {
    const samples: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      rule.check(ctx)
      samples.push(performance.now() - started)
    }
    samples.sort((a, b) => a - b)
    return { id: rule.id, ms: samples[2] ?? 0 }
  })
    .filter((entry) => entry.ms >= 0.5)
    .map((entry) => `${entry.id} ${entry.ms.toFixed(1)} ms`)
    .join(', ')
}

/** Reading the head and base lock texts (what buildDriftContext parses) on top of the rules. */
function parseMs(count: number): number {
  const text = Array.from({ length: count }, (_, i) => `pkg-${i}==1.${i % 13}.${i % 5}`).join('\n')
  const samples: number[] = []
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    readLockText(text, 'requirements-lock.txt')
    readLockText(text, 'requirements-lock.txt', { lenient: true })
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return samples[2] ?? 0
}

const small = timeMs(2_000)
const large = timeMs(20_000)
console.log(
  `drift rules, 2,000 packages (+ base lock):  ${small.ms.toFixed(1)} ms median of 9 (${small.findings} findings)`,
)
console.log(
  `drift rules, 20,000 packages (+ base lock): ${large.ms.toFixed(1)} ms median of 9 (${large.findings} findings)`,
)
console.log(
  `parsing head + base lock text: 2,000 → ${parseMs(2_000).toFixed(1)} ms, 20,000 → ${parseMs(20_000).toFixed(1)} ms`,
)
console.log(`slowest rules at 20,000: ${perRule(20_000)}`)
console.log(`10x packages -> ${(large.ms / small.ms).toFixed(1)}x time`)
