// The resource explorer as a person sees it: real code-server in Chromium, the emulator's demo seed.
// Expands a region and a group, sees the emulator's items, loads more, filters, and saves the
// screenshot the README shows (media/screenshots/explorer.png, refreshed with UPDATE_SCREENSHOTS=1).
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { expandResource, openView, resourceRow, resourcesView, saveScreenshot, widenSideBar, withSeededWorkbench } from './support';

describe('resource explorer in the browser (code-server + Chromium)', function () {
  this.timeout(240_000);
  let page: Page;
  // Two per page, so the three state machines in us-east-1 need "Load more…".
  withSeededWorkbench({ 'awsWorkflows.regions': ['us-east-1', 'eu-west-1'], 'awsWorkflows.explorer.pageSize': 2 }, (p) => (page = p));

  const view = () => resourcesView(page);
  const row = (text: string | RegExp) => resourceRow(page, text);
  const expand = (text: string | RegExp) => expandResource(page, text);

  /** Waits until the rows under "State machines" (tree level 4) are exactly these names. */
  async function waitForStateMachines(names: string[]): Promise<void> {
    const expected = JSON.stringify([...names].sort());
    // A string, evaluated in the page: this file is type-checked without the DOM library.
    await page.waitForFunction(
      `JSON.stringify([...document.querySelectorAll('.monaco-list-row[aria-level="4"] .label-name')].map((e) => e.textContent).sort()) === ${JSON.stringify(expected)}`,
    );
  }

  it('expands a region and a group, loads more, filters, and saves the screenshot', async () => {
    await openView(page);
    await expand(/^us-east-1$/);
    await expand(/^Step Functions$/);
    await expand(/^State machines$/);

    // The first page: two items and "Load more…".
    const items = view().locator('.monaco-list-row[aria-level="4"]');
    await row('Load more…').waitFor();
    assert.equal(await items.count(), 3, 'two state machines and Load more…');

    await row('Load more…').click();
    await row('Load more…').waitFor({ state: 'detached' });
    const names = (await view().locator('.monaco-list-row[aria-level="4"] .label-name').allInnerTexts()).sort();
    assert.deepEqual(names, ['EncryptedPipeline', 'NightlyReport', 'OrderProcessing']);

    // Filter from the view title: an input box, then only matches are listed.
    // The only view in its container: its title actions sit in the side bar's title.
    await page.locator('.part.sidebar .composite.title').hover();
    await page.locator('.part.sidebar .title-actions .action-label[aria-label^="Filter"]').click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('order');
    await input.press('Enter');
    await waitForStateMachines(['OrderProcessing']);
    await row(/^State machines$/).locator('.label-description', { hasText: 'filter: order' }).waitFor();

    // Clear it with one click in the title; then filter just this group with its inline action.
    await page.locator('.part.sidebar .composite.title').hover();
    await page.locator('.part.sidebar .title-actions .action-label[aria-label^="Clear Filter"]').click();
    await waitForStateMachines(['EncryptedPipeline', 'NightlyReport', 'OrderProcessing']);
    const group = row(/^State machines$/);
    await group.hover();
    await group.locator('.action-label[aria-label^="Filter"]').click();
    await input.waitFor();
    await input.fill('/pipe|report/');
    await input.press('Enter');
    await group.locator('.label-description', { hasText: 'filter: /pipe|report/' }).waitFor();
    await waitForStateMachines(['EncryptedPipeline', 'NightlyReport']);

    // The rest of the tree for the picture: an MWAA Serverless workflow with its versions and runs.
    await expand(/^MWAA Serverless workflows$/);
    await expand(/^nightly-etl$/);
    await row(/^Recent runs$/).waitFor();
    await expand(/^Versions$/);
    await row(/^version /).first().waitFor();

    // Open a deployed definition read-only from the item's inline action.
    const report = row(/^NightlyReport$/);
    await report.hover();
    await report.locator('.action-label[aria-label^="Open Deployed Definition"]').click();
    await page.locator('.tabs-container .tab', { hasText: 'NightlyReport.asl.json' }).waitFor();
    await page.locator('.monaco-editor .view-lines', { hasText: '"StartAt": "Build"' }).waitFor();
    await report.click();
    await widenSideBar(page, 420);
    await saveScreenshot(page, 'explorer');
  });
});
