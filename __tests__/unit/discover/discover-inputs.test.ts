import { describe, expect, it } from '@jest/globals'
import { isUserError } from '../../../src/errors.js'
import { loadInputs } from '../../../src/inputs.js'

const inputs = (values: Record<string, string>) => loadInputs((name) => values[name] ?? '')

describe('discover inputs', () => {
  it('default to setup mode, the whole repository, only what changed, workspace roots', () => {
    const read = inputs({})
    expect([read.mode, read.discoverPaths, read.discoverAll, read.discoverWorkspaceMembers]).toEqual([
      'setup',
      [],
      false,
      false,
    ])
  })

  it('read discover-paths one per line or comma-separated, keeping ! excludes', () => {
    const read = inputs({ mode: 'discover', 'discover-paths': 'services/**, libs\n\n !services/legacy \n' })
    expect(read.discoverPaths).toEqual(['services/**', 'libs', '!services/legacy'])
  })

  it.each([
    ['mode', 'discovery', "'mode' is 'discovery', which is not one of: setup, discover"],
    ['discover-all', 'yes', "'discover-all' is 'yes', which is neither true nor false"],
    ['discover-workspace-members', '1', "'discover-workspace-members' is '1'"],
  ])('refuse %s: %s with a UserError naming the input', (name, value, message) => {
    let caught: unknown
    try {
      inputs({ [name]: value })
    } catch (error) {
      caught = error
    }
    expect(isUserError(caught) && caught.message).toContain(message)
  })
})
