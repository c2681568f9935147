import * as fs from 'node:fs'
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { inputReader } from '../../__fixtures__/context.js'
import * as coreMock from '../../__fixtures__/core.js'
import { type BadInputCase, expectedExitCode, makeRepo, type StageResult } from '../bad-input/case.js'
import { badInputCases } from '../bad-input/cases/index.js'

jest.unstable_mockModule('@actions/core', () => coreMock)
const { isUserError } = await import('../../src/errors.js')
const { loadInputs } = await import('../../src/inputs.js')
const { parseRulesPolicy } = await import('../../src/drift/policy.js')
const { readProject } = await import('../../src/project/read-project.js')
const { buildDriftContext } = await import('../../src/drift/build-context.js')
const { readProjectFiles } = await import('../../src/project/read-project-files.js')
const { runRules } = await import('../../src/drift/run-rules.js')
const { resolveUvVersion } = await import('../../src/managers/uv-version.js')
const { failureMessage } = await import('../../src/report/exit-decision.js')

/** Runs a case through the stages its `stage` names, as src/main.ts chains them. */
async function runCase(badCase: BadInputCase): Promise<{ result?: StageResult; error?: unknown }> {
  const workspace = makeRepo(badCase.files)
  const previous = process.env.GITHUB_WORKSPACE
  process.env.GITHUB_WORKSPACE = workspace
  try {
    const inputs = loadInputs(inputReader(badCase.inputs))
    const policy = parseRulesPolicy(inputs.rules)
    const stage = badCase.stage ?? 'project'
    if (stage === 'inputs') return { result: { findings: [] } }
    const project = readProject(inputs)
    const result: StageResult = { project, findings: [...(project.findings ?? [])] }
    if (stage === 'uv-version') {
      result.uvVersion = resolveUvVersion(
        inputs.uvVersion,
        project.installRoot ?? project.root,
        workspace,
      ).version
    }
    if (stage === 'drift') {
      const locks = project.lock && project.lock.kind !== 'requirements' ? [project.lock] : []
      const ctx = await buildDriftContext({ project, files: readProjectFiles(project, locks) })
      result.findings.push(...runRules(ctx, policy))
    }
    return { result }
  } catch (error) {
    return { error }
  } finally {
    process.env.GITHUB_WORKSPACE = previous
    fs.rmSync(workspace, { recursive: true, force: true })
  }
}

beforeEach(() => {
  coreMock.warning.mockClear()
})

describe('bad input, unit level: one clear error or finding at file:line, with a fix', () => {
  it('has a corpus of at least 100 cases, with names that tell them apart', () => {
    expect(badInputCases.length).toBeGreaterThanOrEqual(100)
    expect(new Set(badInputCases.map((c) => c.name)).size).toBe(badInputCases.length)
  })

  it.each(badInputCases.map((c) => [c.name, c] as const))('%s', async (_name, badCase) => {
    const started = Date.now()
    const { result, error } = await runCase(badCase)
    const expected = badCase.expected
    // never anything but a UserError: another exception is our bug (a stack trace and "please report")
    if (error !== undefined && !isUserError(error)) throw error
    if (expected.kind === 'error') {
      expect(error).toBeDefined()
      if (!isUserError(error)) return
      expect(error.title).toBe(expected.title)
      if (expected.message) expect(error.message).toContain(expected.message)
      expect(error.file).toBe(expected.file)
      expect(error.line).toBe(expected.line)
      expect(error.fix).toBeTruthy()
      if (expected.fixContains) expect(error.fix).toContain(expected.fixContains)
    } else {
      if (isUserError(error)) throw new Error(`expected no error, got: ${error.title}: ${error.message}`)
      const findings = result?.findings ?? []
      const exitCode = failureMessage(findings, 'error') ? 1 : 0
      expect(exitCode).toBe(expectedExitCode(expected))
      if (expected.kind === 'finding') {
        const finding = findings.find((f) => f.rule === expected.rule && f.file === expected.file)
        expect(finding).toBeDefined()
        if (expected.line !== undefined) expect(finding?.line).toBe(expected.line)
        expect(finding?.fix).toBeTruthy()
        if (expected.fixContains) expect(finding?.fix).toContain(expected.fixContains)
      } else if (expected.kind === 'warning') {
        const warnings = coreMock.warning.mock.calls.map(([message, props]) => ({
          message: String(message),
          props,
        }))
        expect(warnings).toContainEqual({
          message: expect.stringContaining(expected.message),
          props: expect.objectContaining(
            expected.line === undefined
              ? { file: expected.file }
              : { file: expected.file, startLine: expected.line },
          ),
        })
      } else {
        expect(coreMock.warning).not.toHaveBeenCalled()
        if (result) expected.check?.(result)
      }
    }
    // a huge file must not make the project stage slow
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
