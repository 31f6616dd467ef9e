// Open Airflow UI as a person does it: real code-server in Chromium, the emulator's demo seed and
// its Airflow web server. The explorer's action and the palette's QuickPick each open a new page at
// the environment's web server, which takes the token from the URL fragment and logs in; every
// click brings a new token, and an old URL opened again is refused.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

declare const window: { openedAt: string };
declare const location: { href: string };
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

describe('Open Airflow UI in the browser (code-server + Chromium)', function () {
  this.timeout(240_000);
  let emulator: RunningEmulator | undefined;
  let sandbox: Sandbox | undefined;
  let codeServer: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
    assert.equal(build.status, 0, 'the extension did not build');
    emulator = await startEmulator({ port: 0, seed: 'demo', quiet: true });
    sandbox = createSandbox({ name: 'workflows-e2e-airflow', workspaceFrom: path.join(repoRoot, 'examples') });
    const settingsFile = path.join(sandbox.userDataDir, 'User', 'settings.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(settingsFile, JSON.stringify({ ...settings, 'awsWorkflows.regions': ['us-east-1', 'eu-west-1'] }, null, 2));
    // The palette lists the environments the manifest names first.
    appendFileSync(path.join(sandbox.workspace, 'aws-workflows.yaml'), '\nairflowEnvironments:\n  - name: EuropeAirflow\n    region: eu-west-1\n');
    codeServer = await startCodeServer({ sandbox, env: sandboxEnvironment(sandbox, emulator) });
    browser = await launchChromium();
    // The emulator's web server has a self-signed certificate; *.localhost resolves to loopback by itself.
    context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1200, height: 760 } });
    // The login page drops the token from its address as soon as it reads it: keep the address it was opened at.
    await context.addInitScript(() => {
      window.openedAt = location.href;
    });
    page = await context.newPage();
    await page.goto(codeServer.workbenchUrl(), { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    // The profile's status bar item: the extension is active, so its commands are in the palette.
    await page.locator('.statusbar-item', { hasText: 'us-east-1' }).waitFor({ timeout: 90_000 });
  });

  afterEach(async function () {
    // What the workbench showed when a step failed.
    if (this.currentTest?.state === 'failed') await page?.screenshot({ path: path.join(repoRoot, '.test-results', 'e2e', `airflow-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
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

  async function tokenCalls(): Promise<number> {
    const requests = (await (await fetch(`${emulator!.controlUrl}/requests`)).json()) as { operation: string }[];
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
    await item.click({ button: 'right' });
    // Menu items act on keyboard or a full mouse press; the keyboard is the reliable one here.
    const entry = page.locator('.context-view .action-item', { hasText: /^Open Airflow UI$/ });
    await entry.hover();
    await page.waitForFunction((el) => el?.classList.contains('focused'), await entry.elementHandle(), { timeout: 10_000 });
    await page.keyboard.press('Enter');
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
