// MWAA DAGs as a person uses them: real code-server in Chromium, the emulator's demo seed. Expands
// an environment, triggers a DAG from its inline action (with a conf typed in the input box), watches
// the run fail on its own (the explorer's poller refreshes the DAG), opens the failed task's log, and
// saves the screenshot the README shows (media/screenshots/airflow-dags.png, refreshed with
// UPDATE_SCREENSHOTS=1).
import type { Page } from 'playwright-core';
import { expandResource, openView, resourceRow, saveScreenshot, waitForNotification, withSeededWorkbench } from './support';

describe('MWAA DAGs in the browser (code-server + Chromium)', function () {
  this.timeout(240_000);
  let page: Page;
  withSeededWorkbench({ 'awsWorkflows.regions': ['us-east-1'] }, (p) => (page = p));

  const row = (text: string | RegExp) => resourceRow(page, text);
  const expand = (text: string | RegExp) => expandResource(page, text);

  it('triggers a DAG, watches its run fail, and opens the failed task’s log', async () => {
    await openView(page);
    await expand(/^us-east-1$/);
    await expand(/^MWAA environments$/);
    await expand(/^DemoAirflow$/);
    await row(/^weekly_cleanup$/).locator('.label-description', { hasText: 'paused · @weekly' }).waitFor();

    const dag = row(/^ingest$/);
    await dag.hover();
    await dag.locator('.action-label[aria-label^="Trigger DAG"]').click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('{"day": "2026-11-30"}');
    await input.press('Enter');
    await waitForNotification(page, /Triggered ingest on DemoAirflow: run vsc-\S+ is queued/);

    await expand(/^ingest$/);
    // The newest run first; it fails on its own within a few seconds, the tree refreshing itself.
    const run = row(/^vsc-/).first();
    await run.locator('.label-description', { hasText: /^failed/ }).waitFor({ timeout: 60_000 });
    await run.click();
    await page.keyboard.press('ArrowRight');
    const parse = row(/^parse$/);
    await parse.locator('.label-description', { hasText: 'failed · try 2' }).waitFor();
    await parse.click();
    // One click shows the log of the latest try.
    await page.locator('.tabs-container .tab', { hasText: /parse\.2\.log/ }).waitFor();
    await page.locator('.monaco-editor .view-lines', { hasText: 'ValueError: parse: the input file is empty' }).waitFor();
    await saveScreenshot(page, 'airflow-dags');
  });
});
