// Mocha's spec output, plus a JSON file of counts that scripts/test-all.mjs sums across layers.
const Mocha = require('mocha');
const fs = require('node:fs');
const path = require('node:path');

const { EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
    runner.on(EVENT_TEST_PASS, () => counts.passed++);
    runner.on(EVENT_TEST_PENDING, () => counts.skipped++);
    runner.on(EVENT_TEST_FAIL, (test, err) => {
      counts.failed++;
      counts.failures.push({ title: test.fullTitle(), message: String(err && err.message).slice(0, 2000) });
    });
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.TEST_RESULTS_FILE;
      if (file) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(counts, null, 2));
      }
    });
  }
}

module.exports = CountReporter;
