// Test-only extension. code-server cannot take --extensionTestsPath, so scripts/run-integration.mjs
// loads this beside the real extension; when WORKFLOWS_TEST_MODULE names a test bundle, it runs it
// with mocha inside the extension host and writes the results where the outer script waits.
const { runInHost } = require('./runTests.cjs');

function activate() {
  const testModule = process.env.WORKFLOWS_TEST_MODULE;
  if (!testModule) return;
  // Activation must not wait for the tests: the host would report this extension as slow to start.
  runInHost({
    testModule,
    resultsFile: process.env.WORKFLOWS_TEST_RESULTS,
    outputFile: process.env.WORKFLOWS_TEST_OUTPUT,
    grep: process.env.WORKFLOWS_TEST_GREP,
  });
}

function deactivate() {}

module.exports = { activate, deactivate };
