import { type Finding, makeFinding } from '../../model/finding.js'
import type { Rule } from '../rule.js'

export const dockerUnlockedInstallRule: Rule = {
  id: 'docker-unlocked-install',
  defaultSeverity: 'warning',
  description:
    'A Dockerfile `pip install`s packages by name, or the project, without a lock, so the image gets other versions than CI.',
  example: 'Dockerfile:  RUN pip install numpy pandas',
  fix: 'Install the lock in the image: `COPY requirements-lock.txt .` then `RUN pip install --no-deps -r requirements-lock.txt` (or `uv sync --locked`).',
  check(ctx) {
    const findings: Finding[] = []
    for (const dockerfile of ctx.dockerfiles) {
      for (const instruction of dockerfile.instructions) {
        if (instruction.keyword !== 'RUN') continue
        for (const command of instruction.args.split(/&&|\|\||;/)) {
          const problem = unlockedInstall(command)
          if (!problem) continue
          findings.push(
            makeFinding(this.id, {
              message: `${dockerfile.file} runs \`${command.trim()}\`, which ${problem}.`,
              file: dockerfile.file,
              line: instruction.line,
              endLine: instruction.endLine > instruction.line ? instruction.endLine : undefined,
              fix: this.fix,
            }),
          )
        }
      }
    }
    return findings
  },
}

/** Why a `pip install` command is not reproducible, or undefined when it installs from files/pins. */
export function unlockedInstall(command: string): string | undefined {
  const words = command.trim().split(/\s+/)
  const at = words.findIndex((word, i) => word === 'install' && /(^|\/)pip3?$|^pip$/.test(words[i - 1] ?? ''))
  const viaModule = words.findIndex(
    (word, i) => word === 'install' && words[i - 1] === 'pip' && words[i - 2] === '-m',
  )
  const start = at >= 0 ? at : viaModule
  if (start < 0) return undefined
  const args = words.slice(start + 1)
  let hasLockFile = false
  const loose: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (/^(-r|--requirement|-c|--constraint)$/.test(arg)) {
      hasLockFile = true
      i++
    } else if (/^(-r|-c)\S|^--(requirement|constraint)=/.test(arg)) hasLockFile = true
    else if (/^(-i|--index-url|--extra-index-url|-f|--find-links|--target|-t|--prefix|--root)$/.test(arg)) i++
    else if (arg.startsWith('-')) continue
    else if (!/==/.test(arg) || /[<>~!]=?|\*/.test(arg.replace('==', '')))
      loose.push(arg.replace(/^["']|["']$/g, ''))
  }
  if (loose.length === 0) return undefined
  if (hasLockFile && loose.every((arg) => arg === '.' || arg.startsWith('./'))) return undefined
  if (loose.every((arg) => /^(pip|setuptools|wheel|uv|poetry)$/.test(arg) || /^--?upgrade$/.test(arg)))
    return undefined
  return `installs ${loose.join(' ')} without a lock or exact pins`
}
