import * as core from '@actions/core'
import { countBySeverity } from '../model/finding.js'
import type { RunReport } from './run-report.js'

export function setOutputs(report: RunReport): void {
  const counts = countBySeverity(report.findings)
  core.setOutput('python-version', report.python.version)
  core.setOutput('python-path', report.python.executable)
  core.setOutput('python-version-source', report.python.source)
  core.setOutput('python-cache-hit', report.python.cacheHit)
  core.setOutput('manager', report.manager.name)
  core.setOutput('manager-version', report.manager.version)
  core.setOutput('venv-path', report.venvPath)
  core.setOutput('lock-file', report.lock?.file ?? '')
  core.setOutput('lock-hash', report.lock?.hash ?? '')
  core.setOutput('smoke-test-result', report.smokeTest.result)
  core.setOutput('findings', JSON.stringify(report.findings))
  core.setOutput('findings-count', report.findings.length)
  core.setOutput('errors-count', counts.error)
  core.setOutput('warnings-count', counts.warning)
  core.setOutput('cache-hit', report.cache?.hit === 'exact')
  core.setOutput('cache-key', report.cache?.key ?? '')
  core.setOutput('cache-matched-key', report.cache?.matchedKey ?? '')
  core.setOutput('sarif-file', report.sarifFile ?? '')
}
