/** Where something was found, for the log: a path relative to the workspace and a line. */
export interface TestLayoutPlace {
  file: string
  line?: number
}

/** What the smoke test needs to know about the project's tests (src/verify/smoke-choice.ts). */
export interface TestLayout {
  /** A test module or conftest.py that marks tests `smoke` (`@pytest.mark.smoke`, `pytestmark`). */
  smokeMarkerUsed?: TestLayoutPlace
  /** A pytest configuration that declares the `smoke` marker (`markers = smoke: …`). */
  smokeMarkerDeclared?: TestLayoutPlace
  /** Smoke-named test files and `tests/smoke/` folders, relative to the project root, sorted. */
  smokePaths: string[]
}
