// The resource explorer as a person sees it: real code-server in Chromium, the emulator's demo seed.
// Expands a region and a group, sees the emulator's items, loads more, filters, and saves the
// screenshot the README shows (media/screenshots/explorer.png).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  createSandbox,
  launchChromium,
  repoRoot,
  sandboxEnvironment,
  startCodeServer,
  type RunningCodeServer,
  type Sandbox,
} from '../../scripts/harness/vscodeWeb';
import { startEmulator, type RunningEmulator } from '../emulator/server';

const SCREENSHOT = path.join(repoRoot, 'media', 'screenshots', 'explorer.png');

describe('resource explorer in the browser (code-server + Chromium)', function () {
  this.timeout(240_000);
  let emulator: RunningEmulator | undefined;
  let sandbox: Sandbox | undefined;
  let codeServer: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    assert.equal(build.status, 0, 'the extension did not build');
    emulator = await startEmulator({ port: 0, seed: 'demo', quiet: true });
    sandbox = createSandbox({ name: 'workflows-e2e-explorer', workspaceFrom: path.join(repoRoot, 'examples') });
    const settingsFile = path.join(sandbox.userDataDir, 'User', 'settings.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    // Two per page, so the three state machines in us-east-1 need "Load more…".
    Object.assign(settings, { 'awsWorkflows.regions': ['us-east-1', 'eu-west-1'], 'awsWorkflows.explorer.pageSize': 2, 'workbench.colorTheme': 'Default Dark Modern' });
    writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    codeServer = await startCodeServer({ sandbox, env: sandboxEnvironment(sandbox, emulator) });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
    await page.goto(codeServer.workbenchUrl(), { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await codeServer?.stop();
    await emulator?.stop();
    sandbox?.dispose();
  });

  const view = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Resources/i }) });
  const row = (text: string | RegExp): Locator => view().locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: text }) });

  async function expand(text: string | RegExp): Promise<void> {
    const r = row(text).first();
    await r.waitFor({ timeout: 30_000 });
    if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
    await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await r.elementHandle(), { timeout: 30_000 });
  }

  /** Waits until the rows under "State machines" (tree level 4) are exactly these names. */
  async function waitForStateMachines(names: string[]): Promise<void> {
    const expected = JSON.stringify([...names].sort());
    // A string, evaluated in the page: this file is type-checked without the DOM library.
    await page.waitForFunction(
      `JSON.stringify([...document.querySelectorAll('.monaco-list-row[aria-level="4"] .label-name')].map((e) => e.textContent).sort()) === ${JSON.stringify(expected)}`,
      undefined,
      { timeout: 30_000 },
    );
  }

  it('expands a region and a group, loads more, filters, and saves the screenshot', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="AWS Workflows"]').click();
    await expand(/^us-east-1$/);
    await expand(/^Step Functions$/);
    await expand(/^State machines$/);

    // The first page: two items and "Load more…".
    const items = view().locator('.monaco-list-row[aria-level="4"]');
    await row('Load more…').waitFor({ timeout: 30_000 });
    assert.equal(await items.count(), 3, 'two state machines and Load more…');

    await row('Load more…').click();
    await row('Load more…').waitFor({ state: 'detached', timeout: 30_000 });
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
    await group.locator('.label-description', { hasText: 'filter: /pipe|report/' }).waitFor({ timeout: 30_000 });
    await waitForStateMachines(['EncryptedPipeline', 'NightlyReport']);

    // The rest of the tree for the picture: an MWAA Serverless workflow with its versions and runs.
    await expand(/^MWAA Serverless workflows$/);
    await expand(/^nightly-etl$/);
    await row(/^Recent runs$/).waitFor({ timeout: 30_000 });
    await expand(/^Versions$/);
    await row(/^version /).first().waitFor({ timeout: 30_000 });

    // Open a deployed definition read-only from the item's inline action.
    const report = row(/^NightlyReport$/);
    await report.hover();
    await report.locator('.action-label[aria-label^="Open Deployed Definition"]').click();
    await page.locator('.tabs-container .tab', { hasText: 'NightlyReport.asl.json' }).waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: '"StartAt": "Build"' }).waitFor({ timeout: 30_000 });
    await report.click();
    // A wider side bar, so names and descriptions show in full.
    const sash = await page.locator('.part.sidebar').boundingBox();
    if (sash) {
      await page.mouse.move(sash.x + sash.width - 1, sash.y + sash.height / 2);
      await page.mouse.down();
      await page.mouse.move(sash.x + 420, sash.y + sash.height / 2, { steps: 5 });
      await page.mouse.up();
    }
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });
});
