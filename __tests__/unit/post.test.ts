import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as coreMock from '../../__fixtures__/core.js'

// The post step decides from main's state alone whether to save; saving itself is the cache's.
const saveEnvironment = jest.fn(async (_cache: unknown) => undefined)
jest.unstable_mockModule('@actions/core', () => coreMock)
jest.unstable_mockModule('../../src/cache/save-env.js', () => ({ saveEnvironment }))
const { runPost } = await import('../../src/post.js')
const { saveMainState, loadMainState } = await import('../../src/state.js')

const withState = (state: string) =>
  coreMock.getState.mockImplementation((name) => (name === 'setup-python-env' ? state : ''))

describe('runPost', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    process.exitCode = 0
  })

  it.each([
    ['no state (main stopped early)', '', 'did not run far enough'],
    ['state that is not JSON', '{oops', 'did not run far enough'],
    ['a failed main step', '{"succeeded":false}', 'did not succeed'],
    ['caching off', '{"succeeded":true,"venvPath":"/w/.venv","pythonVersion":"3.12.8"}', 'caching is off'],
  ])('saves nothing after %s', async (_what, state, message) => {
    withState(state)
    await runPost()
    expect(saveEnvironment).not.toHaveBeenCalled()
    expect(coreMock.info).toHaveBeenCalledWith(expect.stringContaining(message))
  })

  it('saves the cache main described', async () => {
    const cache = { key: 'k', paths: ['/w/.venv'], save: true }
    withState(JSON.stringify({ succeeded: true, cache }))
    await runPost()
    expect(saveEnvironment).toHaveBeenCalledWith(cache)
  })

  it('turns an exception into one error line and a failed step', async () => {
    withState('{"succeeded":true,"cache":{}}')
    saveEnvironment.mockRejectedValueOnce(new Error('boom'))
    await runPost()
    expect(coreMock.error).toHaveBeenCalledTimes(1)
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
  })

  it('reads back what main saved', () => {
    saveMainState({ succeeded: true, venvPath: '/w/.venv' })
    const [name, value] = coreMock.saveState.mock.calls[0] ?? []
    withState(`${value}`)
    expect(name).toBe('setup-python-env')
    expect(loadMainState()).toEqual({ succeeded: true, venvPath: '/w/.venv' })
  })
})
