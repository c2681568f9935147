// ts-jest in ESM mode: the @actions toolkit packages are ESM-only.
const tsJest = [
  'ts-jest',
  { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: ['TS151001'] } },
]
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node',
}

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
      // rebuilds dist/ when src/ changed since the last build (the e2e tests run dist/)
      globalSetup: '<rootDir>/__tests__/support/fresh-dist.ts',
    },
  ],
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', 'lcov'],
  // Measured with the unit project on 2026-11-26 (statements 85.9, branches 71.6, functions 86.2,
  // lines 88.2), rounded down. e2e tests run dist/ in child processes, which is not counted.
  coverageThreshold: { global: { statements: 85, branches: 71, functions: 86, lines: 88 } },
  testTimeout: 300000,
  reporters: ['default', '<rootDir>/scripts/jest-closing-line.cjs'],
  passWithNoTests: false,
}
