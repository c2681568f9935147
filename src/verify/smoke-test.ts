import * as fs from 'node:fs'
import * as path from 'node:path'
import * as core from '@actions/core'
import { runCommand } from '../exec.js'
import type { SmokeTest } from '../inputs.js'
import { envFor } from '../managers/pip.js'
import type { ManagerContext } from '../managers/types.js'
import { type Finding, makeFinding } from '../model/finding.js'
import type { InstalledPackage } from '../model/installed.js'
import type { Project } from '../model/project.js'
import { relativePosix } from '../paths.js'
import { parseJUnit, type TestFailure } from './junit.js'

export type SmokeTestResult = 'passed' | 'failed' | 'no-tests' | 'skipped'

export interface SmokeTestOutcome {
  result: SmokeTestResult
  /** The command as run, for the summary. */
  command?: string
  tests?: number
  findings: Finding[]
}

/** pytest's documented exit codes. */
const PYTEST_NO_TESTS = 5

export async function runSmokeTest(
  ctx: ManagerContext,
  setting: SmokeTest,
  installed: readonly InstalledPackage[],
  junitPath: string,
): Promise<SmokeTestOutcome> {
  if (setting.kind === 'none') return { result: 'skipped', findings: [] }
  const hasPytest = installed.some((pkg) => pkg.name === 'pytest')
  if (setting.kind === 'auto') {
    if (!ctx.project.hasTests) {
      core.info('No tests found (no tests/ folder, test_*.py or pytest config); smoke test skipped.')
      return { result: 'skipped', findings: [] }
    }
    if (!hasPytest) return pytestMissing()
  }
  const argv = setting.kind === 'auto' ? [ctx.venv.python, '-m', 'pytest'] : [...setting.argv]
  const isPytest = runsPytest(argv)
  // What the user would type: the venv's python shown as `python`, our JUnit flags left out.
  const command = [argv[0] === ctx.venv.python ? 'python' : argv[0], ...argv.slice(1)].join(' ')
  if (isPytest) argv.push(`--junitxml=${junitPath}`, '-o', 'junit_family=xunit1')
  const [program = '', ...args] = argv
  const resolved = resolveInVenv(program, ctx.venv.binDir)
  core.info(`Running the smoke test: ${command}`)
  fs.rmSync(junitPath, { force: true })
  let exitCode: number
  try {
    exitCode = (await runCommand(resolved, args, { cwd: ctx.project.root, env: envFor(ctx) })).exitCode
  } catch (error) {
    return commandNotRunnable(command, error)
  }
  const report = fs.existsSync(junitPath) ? parseJUnit(fs.readFileSync(junitPath, 'utf8')) : undefined
  if (isPytest && exitCode === PYTEST_NO_TESTS) {
    return {
      result: 'no-tests',
      command,
      tests: 0,
      findings: [
        makeFinding('smoke-test-failed', {
          severity: 'warning',
          message: `The smoke test collected no tests (pytest exit code 5): ${command}`,
          fix: 'Add a test such as tests/test_smoke.py that imports your pinned dependencies, or set smoke-test: none.',
        }),
      ],
    }
  }
  if (exitCode === 0) return { result: 'passed', command, tests: report?.tests, findings: [] }
  const failures = report?.failures ?? []
  const findings = failures.map((failure) => failureFinding(failure, ctx.project))
  if (findings.length === 0) {
    findings.push(
      makeFinding('smoke-test-failed', {
        message: `The smoke test '${command}' exited with code ${exitCode}.`,
        fix: 'Run the same command locally in the environment and fix what it reports (see the Verify group of the log).',
      }),
    )
  }
  return { result: 'failed', command, tests: report?.tests, findings }
}

function runsPytest(argv: readonly string[]): boolean {
  const program = path.basename(argv[0] ?? '')
  if (program === 'pytest' || program === 'py.test') return true
  return /^python(3(\.\d+)?)?(\.exe)?$/.test(program) && argv[1] === '-m' && argv[2] === 'pytest'
}

/** A bare program name is looked up in the venv first, as it would be after `activate`. */
function resolveInVenv(program: string, binDir: string): string {
  if (/[/\\]/.test(program)) return program
  for (const candidate of [program, `${program}.exe`]) {
    const inVenv = path.join(binDir, candidate)
    if (fs.existsSync(inVenv)) return inVenv
  }
  return program
}

/** A failed or errored test as a finding at the test file's failing line. */
export function failureFinding(failure: TestFailure, project: Pick<Project, 'root' | 'workspace'>): Finding {
  const absolute = failure.file ? path.resolve(project.root, failure.file) : undefined
  return makeFinding('smoke-test-failed', {
    message: `${failure.name} ${failure.kind === 'error' ? 'errored' : 'failed'}: ${failure.message}`,
    file: absolute ? relativePosix(project.workspace, absolute) : undefined,
    line: failure.line,
    fix: `Run 'pytest ${failure.name}' in the environment and fix the test or the pins it checks.`,
  })
}

function pytestMissing(): SmokeTestOutcome {
  return {
    result: 'skipped',
    findings: [
      makeFinding('smoke-test-failed', {
        severity: 'warning',
        message:
          'The project has tests, but pytest is not installed in the environment, so no smoke test ran.',
        fix: "Pin pytest in your requirements (e.g. pytest==8.3.5), or set 'smoke-test:' to your own command or none.",
      }),
    ],
  }
}

function commandNotRunnable(command: string, error: unknown): SmokeTestOutcome {
  const reason = error instanceof Error ? error.message : String(error)
  return {
    result: 'failed',
    command,
    findings: [
      makeFinding('smoke-test-failed', {
        message: `The smoke test command could not be started: ${reason}`,
        fix: "Check the program name in 'smoke-test:' (it runs inside the environment, without a shell).",
      }),
    ],
  }
}
