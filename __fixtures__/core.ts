import type * as core from '@actions/core'
import { jest } from '@jest/globals'

/**
 * Typed mocks of @actions/core shared by every unit test. Use with
 * `jest.unstable_mockModule('@actions/core', () => coreMock)` before `await import()`.
 */
export const debug = jest.fn<typeof core.debug>()
export const info = jest.fn<typeof core.info>()
export const notice = jest.fn<typeof core.notice>()
export const warning = jest.fn<typeof core.warning>()
export const error = jest.fn<typeof core.error>()
export const setFailed = jest.fn<typeof core.setFailed>()
export const setOutput = jest.fn<typeof core.setOutput>()
export const exportVariable = jest.fn<typeof core.exportVariable>()
export const addPath = jest.fn<typeof core.addPath>()
export const saveState = jest.fn<typeof core.saveState>()
export const getState = jest.fn<typeof core.getState>()
export const getInput = jest.fn<typeof core.getInput>()
export const setSecret = jest.fn<typeof core.setSecret>()
export const group = jest.fn(<T>(_name: string, fn: () => Promise<T>) => fn())
export const ExitCode = { Success: 0, Failure: 1 }
export const summary = {
  addRaw: jest.fn().mockReturnThis(),
  write: jest.fn(async () => undefined),
}
