// Entry for @vscode/test-electron (`npm run test:electron`): VS Code calls run() in the extension host
// of a desktop VS Code started with --extensionTestsPath; it runs the same bundle as code-server does.
const { runInHost } = require('./runTests.cjs');

async function run() {
  const counts = await runInHost({
    testModule: process.env.WORKFLOWS_TEST_MODULE,
    resultsFile: process.env.WORKFLOWS_TEST_RESULTS,
    outputFile: process.env.WORKFLOWS_TEST_OUTPUT,
    grep: process.env.WORKFLOWS_TEST_GREP,
  });
  if (counts.failed > 0 || counts.passed === 0) throw new Error(`${counts.passed} passed, ${counts.failed} failed`);
}

module.exports = { run };
