import { satisfies, validRange } from '@renovatebot/pep440'
import { type Finding, makeFinding } from '../../model/finding.js'
import type { PythonVersionSource } from '../../model/project.js'
import type { Rule } from '../rule.js'

export const pythonVersionMismatchRule: Rule = {
  id: 'python-version-mismatch',
  defaultSeverity: 'warning',
  description:
    'Two places that state the Python version disagree (input, .python-version, requires-python, Dockerfile, …).',
  example: '.python-version:  3.11\nDockerfile:       FROM python:3.12-slim',
  fix: 'Make every source name the same Python, e.g. 3.11 in .python-version, the Dockerfile and requires-python.',
  check(ctx) {
    const exact = ctx.pythonSources.filter((source) => isExact(source.value))
    const reference = exact[0]
    const refValue = reference?.value ?? ctx.pythonVersion
    if (!refValue) return []
    const refName = reference ? describe(reference) : `the Python in use (${refValue})`
    const findings: Finding[] = []
    for (const source of ctx.pythonSources) {
      if (source === reference || agrees(refValue, comparable(source))) continue
      findings.push(
        makeFinding(this.id, {
          message: `${describe(source)} says Python ${source.value}, but ${refName} says ${refValue}.`,
          file: source.file,
          line: source.line,
          fix: `Change ${source.file ?? "the 'python-version' input"} to match ${refValue} (or change ${refName}).`,
          from: refValue,
          to: source.value,
        }),
      )
    }
    return findings
  },
}

function describe(source: PythonVersionSource): string {
  return source.file ? `${source.file}${source.line ? `:${source.line}` : ''}` : "the 'python-version' input"
}

/** An exact version as written; anything else as its PEP 440 form ('^3.11' → '>=3.11,<4.0'). */
function comparable(source: PythonVersionSource): string {
  return isExact(source.value) ? source.value : source.specifier || source.value
}

function isExact(value: string): boolean {
  return /^\d+(\.\d+){0,2}$/.test(value.trim())
}

/** '3.11' and '3.11.7' agree (one is a prefix of the other); an exact version agrees with a range it is in. */
export function agrees(exact: string, other: string): boolean {
  const value = other.trim()
  if (isExact(value)) {
    const a = exact.split('.')
    const b = value.split('.')
    return a.slice(0, Math.min(a.length, b.length)).every((part, i) => part === b[i])
  }
  const range = value.replace(/\s+/g, '')
  if (!validRange(range)) return true
  const padded = exact.split('.').length === 2 ? `${exact}.0` : exact
  return satisfies(padded, range) || satisfies(exact, range)
}
