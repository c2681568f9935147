import * as core from '@actions/core'
import { internalErrorMessage, isUserError } from './errors.js'
import { withSourceLocations } from './source-map-stack.js'

/**
 * The one place main and post turn an exception into the job's outcome: a UserError is one
 * `::error` line at its file and line; anything else is our bug, with its stack.
 */
export function reportFailure(error: unknown): void {
  if (isUserError(error)) {
    const text = error.fix ? `${error.message} Fix: ${error.fix}` : error.message
    core.error(text, { title: error.title, file: error.file, startLine: error.file ? error.line : undefined })
  } else {
    // our bug: its stack, mapped from the minified bundle back to src/
    const stack = error instanceof Error && error.stack ? withSourceLocations(error.stack) : undefined
    core.error(internalErrorMessage(error, stack))
  }
  process.exitCode = core.ExitCode.Failure
}
