// Mocha root hooks (loaded with --require by scripts/run-e2e.mjs): one environment per run, a screenshot
// of every open page when a test fails, and every workbench closed between tests.
import type { Context } from 'mocha';
import { startE2eEnvironment, stopE2eEnvironment } from './environment';
import { closeWorkbenches, screenshotOnFailure } from './workbench';

export const mochaHooks = {
  async beforeAll(this: Context) {
    this.timeout(10 * 60_000); // includes the one-time code-server install on a fresh machine
    await startE2eEnvironment();
  },
  async afterEach(this: Context) {
    const test = this.currentTest;
    if (test?.state === 'failed') {
      const files = await screenshotOnFailure(test.fullTitle());
      for (const f of files) console.log(`      screenshot: ${f}`);
    }
    await closeWorkbenches();
  },
  async afterAll(this: Context) {
    this.timeout(60_000);
    await stopE2eEnvironment();
  },
};
