// Runs a bundle of in-host tests with mocha inside the extension host (code-server's or a desktop VS
// Code's) and writes counts in the shape of test/support/count-reporter.cjs.
const fs = require('node:fs');
const util = require('node:util');
const vscode = require('vscode');

const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';

/**
 * Activates the extension under test before any test module is loaded, and records which modules the
 * host had loaded right after, so tests can assert what activation pulled in (no AWS SDK) even when
 * other tests later load more.
 */
async function recordActivation() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) return { extensionId: EXTENSION_ID, error: `${EXTENSION_ID} is not installed in this extension host` };
  const wasActive = extension.isActive;
  try {
    await extension.activate();
  } catch (err) {
    return { extensionId: EXTENSION_ID, wasActive, error: `activation failed: ${err && err.stack ? err.stack : err}` };
  }
  return { extensionId: EXTENSION_ID, wasActive, modulesAfterActivation: Object.keys(require.cache) };
}

/** Mocha's spec output plus counts in the shape of test/support/count-reporter.cjs. */
function countingSpecReporter(Mocha, tally) {
  const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
  return class CountingSpec extends Mocha.reporters.Spec {
    constructor(runner, options) {
      super(runner, options);
      runner.on(EVENT_TEST_PASS, () => tally.passed++);
      runner.on(EVENT_TEST_PENDING, () => tally.skipped++);
      runner.on(EVENT_TEST_FAIL, (test, err) => {
        tally.failed++;
        tally.failures.push({ title: test.fullTitle(), message: String(err && err.message).slice(0, 2000) });
      });
    }
  };
}

function writeJsonAtomically(file, value) {
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

/** @returns {Promise<{passed:number, failed:number, skipped:number, failures:{title:string,message:string}[]}>} */
async function runInHost({ testModule, resultsFile, outputFile, grep }) {
  const outFd = outputFile ? fs.openSync(outputFile, 'a') : undefined;
  const write = (text) => (outFd === undefined ? process.stdout.write(text) : fs.writeSync(outFd, text));
  let counts;
  try {
    if (!testModule) throw new Error('WORKFLOWS_TEST_MODULE is not set');
    process.setSourceMapsEnabled(true);
    globalThis.__workflowsTestHost = { activation: await recordActivation() };

    // mocha 12's main entry is an ES module, which not every host's Node can require; its CJS build can.
    const Mocha = require('mocha/lib/mocha.cjs');
    // The host's stdout goes nowhere useful; the outer script forwards this file instead.
    Mocha.reporters.Base.consoleLog = (...args) => write(`${util.format(...args)}\n`);
    const tally = { passed: 0, failed: 0, skipped: 0, failures: [] };
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: countingSpecReporter(Mocha, tally), grep: grep || undefined });
    mocha.addFile(testModule);
    await mocha.loadFilesAsync();
    await new Promise((resolve) => mocha.run(() => resolve()));
    counts = tally;
  } catch (err) {
    const message = err && err.stack ? err.stack : String(err);
    write(`in-host test runner failed: ${message}\n`);
    counts = { passed: 0, failed: 1, skipped: 0, failures: [{ title: 'in-host test runner', message: message.slice(0, 2000) }] };
  }
  if (resultsFile) writeJsonAtomically(resultsFile, counts);
  if (outFd !== undefined) fs.closeSync(outFd);
  return counts;
}

module.exports = { runInHost, EXTENSION_ID };
