// MWAA Serverless runs as a person uses them: real code-server in Chromium, the emulator's demo seed.
// Starts a run of nightly-etl from the workflow's inline action (its params offered in the input box),
// watches it succeed in Recent runs (the explorer's poller refreshes the list), opens a task's log
// from CloudWatch Logs, and saves the screenshot the README shows (media/screenshots/serverless-runs.png,
// refreshed with UPDATE_SCREENSHOTS=1).
import type { Page } from 'playwright-core';
import { expandResource, openView, resourceRow, saveScreenshot, waitForNotification, withSeededWorkbench } from './support';

describe('MWAA Serverless runs in the browser (code-server + Chromium)', function () {
  this.timeout(240_000);
  let page: Page;
  withSeededWorkbench({ 'awsWorkflows.regions': ['us-east-1'] }, (p) => (page = p));

  const row = (text: string | RegExp) => resourceRow(page, text);
  const expand = (text: string | RegExp) => expandResource(page, text);

  it('starts a run with a parameter, watches it succeed, and reads a task log', async () => {
    await openView(page);
    await expand(/^us-east-1$/);
    await expand(/^MWAA Serverless workflows$/);
    const workflow = row(/^nightly-etl$/);
    await workflow.hover();
    await workflow.locator('.action-label[aria-label^="Start Run"]').click();
    // The DAG's params, with their defaults, are offered for editing.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await page.locator('.quick-input-widget', { hasText: "the DAG's params: day, prefix" }).waitFor();
    await input.fill('{"day": "2026-11-30"}');
    await input.press('Enter');
    await waitForNotification(page, /Started run [0-9a-f]+ of nightly-etl in us-east-1: STARTING/);

    await expand(/^nightly-etl$/);
    await expand(/^Recent runs$/);
    // Newest first: the new run, which succeeds on its own within seconds, the list refreshing itself.
    const run = row(/^[0-9a-f]{32}$/).first();
    await run.locator('.label-description', { hasText: /^SUCCESS · / }).waitFor({ timeout: 60_000 });
    await run.click();
    await page.keyboard.press('ArrowRight');
    const task = row(/^list_inputs$/).first();
    await task.locator('.label-description', { hasText: /^SUCCESS · attempt 1/ }).waitFor();
    await task.click();
    await page.locator('.tabs-container .tab', { hasText: 'list_inputs.log' }).waitFor();
    await page.locator('.monaco-editor .view-lines', { hasText: 'Marking task as SUCCESS' }).waitFor();
    await saveScreenshot(page, 'serverless-runs');
  });
});
