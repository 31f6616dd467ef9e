// Open Airflow UI as a person does it: real code-server in Chromium, the emulator's demo seed and
// its Airflow web server. The explorer's action and the palette's QuickPick each open a new page at
// the environment's web server, which takes the token from the URL fragment and logs in; every
// click brings a new token, and an old URL opened again is refused.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { repoRoot } from '../../scripts/harness/vscodeWeb';
import { e2e, WORKBENCH_TIMEOUT_MS, UI_TIMEOUT_MS } from './support';

declare const window: { openedAt: string };
declare const location: { href: string };

describe('Open Airflow UI in the browser (code-server + Chromium)', function () {
  this.timeout(240_000);
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    const { browser, codeServer, emulator, sandbox } = e2e();
    assert.ok(emulator?.controlUrl, 'these tests need the emulator (test/emulator/server.ts)');
    // A folder of its own: a manifest that names an environment in another region, the shared workspace untouched.
    const folder = path.join(sandbox.root, 'airflow-workspace');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'aws-workflows.yaml'), 'defaults:\n  region: us-east-1\nairflowEnvironments:\n  - name: EuropeAirflow\n    region: eu-west-1\n');
    // The emulator's web server has a self-signed certificate (*.localhost resolves to loopback by itself),
    // which the harness's openWorkbench() contexts would refuse: this suite keeps a context of its own.
    context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    // The login page drops the token from its address as soon as it reads it: keep the address it was opened at.
    await context.addInitScript(() => {
      window.openedAt = location.href;
    });
    page = await context.newPage();
    await page.goto(codeServer.workbenchUrl(folder), { waitUntil: 'domcontentloaded', timeout: WORKBENCH_TIMEOUT_MS });
    await page.locator('.monaco-workbench').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
    // The profile's status bar item: the extension is active, so its commands are in the palette.
    await page.locator('.statusbar-item', { hasText: 'us-east-1' }).waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
  });

  afterEach(async function () {
    // What the workbench showed when a step failed (the harness's screenshots cover its own contexts only).
    if (this.currentTest?.state !== 'failed') return;
    const dir = path.join(repoRoot, '.test-results', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await page?.screenshot({ path: path.join(dir, `airflow-${this.currentTest.title.slice(0, 60).replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
  });

  const view = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Resources/i }) });
  const row = (text: string | RegExp): Locator => view().locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: text }) });

  async function expand(text: string | RegExp): Promise<void> {
    const r = row(text).first();
    await r.waitFor({ timeout: 30_000 });
    if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
    await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await r.elementHandle(), { timeout: 30_000 });
  }

  async function tokenCalls(): Promise<number> {
    const requests = (await (await fetch(`${e2e().emulator!.controlUrl}/requests`)).json()) as { operation: string }[];
    return requests.filter((r) => r.operation === 'CreateWebLoginToken').length;
  }

  /** Runs `action`, answers VS Code's "open the external website?" with Open, and returns the page that opens. */
  async function opensPage(action: () => Promise<void>): Promise<{ page: Page; url: string }> {
    const popup = context.waitForEvent('page', { timeout: 60_000 });
    await action();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /open the external website/i);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    const opened = await popup;
    await opened.waitForLoadState('domcontentloaded');
    const url = await opened.evaluate(() => window.openedAt);
    return { page: opened, url };
  }

  async function loginStatus(p: Page): Promise<{ state: string; text: string }> {
    const status = p.locator('#login-status:not([data-state="pending"])');
    await status.waitFor({ timeout: 30_000 });
    return { state: (await status.getAttribute('data-state')) ?? '', text: await status.innerText() };
  }

  async function openFromExplorer(name: string): Promise<void> {
    const item = row(new RegExp(`^${name}$`));
    await item.waitFor({ timeout: 30_000 });
    // The environment row's inline action, as a user clicks it: it shows on hover.
    await item.hover();
    const action = item.locator('.action-label[aria-label^="Open Airflow UI"]');
    await action.waitFor({ timeout: 10_000 });
    await action.click();
  }

  it('opens an environment from the palette, listing the manifest\'s environments first with status and Airflow version', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await page.keyboard.type('AWS Workflows: Open Airflow UI');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Airflow UI' }).first().waitFor();
    await input.press('Enter');

    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'PrivateAirflow' }).waitFor({ timeout: 30_000 });
    const labels = await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
    assert.equal(labels[0], 'EuropeAirflow', `the manifest's environment comes first: ${labels.join(', ')}`);
    assert.deepEqual([...labels].sort(), ['DemoAirflow', 'DemoAirflow3', 'EuropeAirflow', 'PrivateAirflow']);
    assert.match(await rows.filter({ hasText: /^EuropeAirflow/ }).innerText(), /eu-west-1 · AVAILABLE · Airflow 3\.0\.6/);
    assert.match(await rows.filter({ hasText: 'DemoAirflow3' }).innerText(), /us-east-1 · UPDATING · Airflow 3\.0\.6/);
    assert.match(await rows.filter({ hasText: 'PrivateAirflow' }).innerText(), /private web server/);

    const opened = await opensPage(async () => {
      await input.fill('EuropeAirflow');
      await input.press('Enter');
    });
    assert.match(opened.url, /^https:\/\/europeairflow\.airflow\.localhost:\d+\/pluginsv2\/aws_mwaa\/aws-console-sso\?login=true#[\w-]{20,}$/);
    assert.deepEqual(await loginStatus(opened.page), { state: 'logged-in', text: 'Logged in to EuropeAirflow as iam-user/test' });
    await opened.page.close();
  });

  it('opens from the explorer\'s environment action with a new token each time; an old URL is refused', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="AWS Workflows"]').click();
    await expand(/^us-east-1$/);
    await expand(/^MWAA environments$/);

    const before = await tokenCalls();
    const first = await opensPage(() => openFromExplorer('DemoAirflow'));
    assert.match(first.url, /^https:\/\/demoairflow\.airflow\.localhost:\d+\/aws_mwaa\/aws-console-sso\?login=true#[\w-]{20,}$/);
    assert.deepEqual(await loginStatus(first.page), { state: 'logged-in', text: 'Logged in to DemoAirflow as iam-user/test' });

    const second = await opensPage(() => openFromExplorer('DemoAirflow'));
    assert.notEqual(second.url, first.url, 'the second click reused the token');
    assert.deepEqual(await loginStatus(second.page), { state: 'logged-in', text: 'Logged in to DemoAirflow as iam-user/test' });
    assert.equal((await tokenCalls()) - before, 2, 'one CreateWebLoginToken per click');

    const replay = await context.newPage();
    await replay.goto(first.url);
    const refused = await loginStatus(replay);
    assert.equal(refused.state, 'refused');
    assert.match(refused.text, /already been used/);
    await Promise.all([first.page.close(), second.page.close(), replay.close()]);
  });

  it('asks before opening an environment that is not AVAILABLE, and asks AWS for nothing when cancelled', async () => {
    const before = await tokenCalls();
    await openFromExplorer('DemoAirflow3');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /MWAA environment DemoAirflow3 in us-east-1 is being updated/);
    await dialog.getByRole('button', { name: 'Try Anyway' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await tokenCalls(), before);
  });

  it('warns that a PRIVATE_ONLY web server opens only from inside its VPC, and opens it when asked to', async () => {
    const opened = await opensPage(async () => {
      await openFromExplorer('PrivateAirflow');
      const warning = page.locator('.monaco-dialog-box', { hasText: 'PRIVATE_ONLY' });
      await warning.waitFor({ timeout: 30_000 });
      assert.match(await warning.innerText(), /opens only from inside the environment's VPC/);
      await warning.getByRole('button', { name: 'Open Anyway' }).click();
      await warning.waitFor({ state: 'detached' });
    });
    assert.deepEqual(await loginStatus(opened.page), { state: 'logged-in', text: 'Logged in to PrivateAirflow as iam-user/test' });
    await opened.page.close();
  });
});
