// Prints one plain closing line ("tests: N passed, N failed") so CI logs state the count unambiguously.
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    process.stdout.write(
      `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    )
    if (results.numTotalTests === 0) process.stdout.write('no tests ran\n')
  }
}
module.exports = ClosingLineReporter
