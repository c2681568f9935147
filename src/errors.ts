/**
 * A mistake in the user's repository or workflow: reported as one `::error` line pointing at
 * the file and line, with the fix, and never with a stack trace.
 */
export interface UserErrorDetails {
  message: string
  /** Path relative to the workspace, posix separators. */
  file?: string
  line?: number
  /** The exact command or edit that fixes it. */
  fix?: string
  title?: string
}

export class UserError extends Error {
  readonly file?: string
  readonly line?: number
  readonly fix?: string
  readonly title?: string

  constructor(details: UserErrorDetails) {
    super(details.message)
    this.name = 'UserError'
    this.file = details.file
    this.line = details.line
    this.fix = details.fix
    this.title = details.title
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError
}

export const REPORT_URL = 'https://github.com/setup-python-env/setup-python-env/issues'

/** The message shown for our own bugs, with the stack (or `stack`, mapped to the sources) so the report is useful. */
export function internalErrorMessage(error: unknown, stack?: string): string {
  const detail = stack ?? (error instanceof Error ? (error.stack ?? error.message) : String(error))
  return `setup-python-env hit an internal error; this is a bug in the action, please report it at ${REPORT_URL} with this log.\n${detail}`
}
