import * as fs from 'node:fs'
import * as path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { inputReader } from '../../../__fixtures__/context.js'
import type { AdvisoryLookup } from '../../../src/advisories/osv-types.js'
import { buildDriftContext } from '../../../src/drift/build-context.js'
import { parseRulesPolicy } from '../../../src/drift/policy.js'
import { RULE_IDS } from '../../../src/drift/registry.js'
import { runRules } from '../../../src/drift/run-rules.js'
import { loadInputs } from '../../../src/inputs.js'
import type { InstalledPackage } from '../../../src/model/installed.js'
import type { LockFile } from '../../../src/model/lock.js'
import { readProject } from '../../../src/project/read-project.js'
import { readProjectFiles } from '../../../src/project/read-project-files.js'
import type { ImportFailure } from '../../../src/verify/import-smoke.js'
import { parseJUnit } from '../../../src/verify/junit.js'
import { parsePipCheck } from '../../../src/verify/pip-check.js'
import { failureFinding } from '../../../src/verify/smoke-test.js'

const examples = path.resolve('examples', 'drift')

interface Expected {
  rule: string
  file: string
  line: number
  fixContains: string
}

/** What the install and verify stages would have learned; the files themselves are read for real. */
interface Facts {
  inputs?: Record<string, string>
  installed?: InstalledPackage[]
  pipCheckOutput?: string
  importFailures?: ImportFailure[]
  junitXml?: string
  toolVersions?: Record<string, string>
  locks?: LockFile[]
  baseFiles?: Record<string, string>
  /** What the advisory service answered (vulnerable-dependency). */
  advisories?: AdvisoryLookup
}

const savedWorkspace = process.env.GITHUB_WORKSPACE
afterAll(() => {
  process.env.GITHUB_WORKSPACE = savedWorkspace
})

async function findingsOf(dir: string) {
  const factsPath = path.join(dir, 'facts.json')
  const facts = (fs.existsSync(factsPath) ? JSON.parse(fs.readFileSync(factsPath, 'utf8')) : {}) as Facts
  process.env.GITHUB_WORKSPACE = dir
  const inputs = loadInputs(inputReader(facts.inputs))
  const project = readProject(inputs)
  const junit = facts.junitXml ? parseJUnit(facts.junitXml) : undefined
  const ctx = await buildDriftContext({
    project,
    pythonVersion: '3.11.7',
    installed: facts.installed,
    toolVersions: facts.toolVersions,
    pipCheck: facts.pipCheckOutput ? parsePipCheck(facts.pipCheckOutput) : undefined,
    importFailures: facts.importFailures,
    smokeTest: junit
      ? { result: 'failed', findings: junit.failures.map((failure) => failureFinding(failure, project)) }
      : undefined,
    files: readProjectFiles(project, facts.locks),
    base: facts.baseFiles ? { ref: 'base', read: async (file) => facts.baseFiles?.[file] } : undefined,
  })
  ctx.advisories = facts.advisories
  return runRules(ctx, parseRulesPolicy(''))
}

describe('examples/drift: every rule fires on its broken example', () => {
  const dirs = fs
    .readdirSync(examples, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()

  it('has one example per rule', () => {
    expect(dirs).toEqual([...RULE_IDS].sort())
  })

  it.each(dirs)('%s', async (name) => {
    const dir = path.join(examples, name)
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected
    const findings = await findingsOf(dir)
    const hit = findings.find(
      (f) => f.rule === expected.rule && f.file === expected.file && f.line === expected.line,
    )
    expect(hit).toBeDefined()
    expect(hit?.fix).toContain(expected.fixContains)
  })
})

describe('clean examples', () => {
  it('examples/pip-project, installed as pinned, has no error or warning finding', async () => {
    const dir = path.resolve('examples', 'pip-project')
    process.env.GITHUB_WORKSPACE = dir
    const project = readProject(loadInputs(() => ''))
    const pins = fs
      .readFileSync(path.join(dir, 'requirements.txt'), 'utf8')
      .split('\n')
      .flatMap((line) => /^([\w.-]+)==(\S+)/.exec(line)?.slice(1, 3) ?? [])
    const installed: InstalledPackage[] = []
    for (let i = 0; i < pins.length; i += 2)
      installed.push({ name: pins[i] ?? '', version: pins[i + 1] ?? '' })
    installed.push({ name: 'pip', version: '24.0' })
    const ctx = await buildDriftContext({
      project,
      files: readProjectFiles(project),
      pythonVersion: '3.11.7',
      installed,
      pipCheck: [],
      importFailures: [],
    })
    const findings = runRules(ctx, parseRulesPolicy(''))
    expect(findings.filter((f) => f.severity !== 'notice')).toEqual([])
  })
})
