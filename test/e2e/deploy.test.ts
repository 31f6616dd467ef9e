// Deploying as a person does it: open examples/ in code-server, click the CodeLens above a state
// machine, read the success notification, and find the new state machine in the explorer.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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

describe('deploy from the CodeLens in the browser (code-server + Chromium)', function () {
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
    sandbox = createSandbox({ name: 'workflows-e2e-deploy', workspaceFrom: path.join(repoRoot, 'examples') });
    const settingsFile = path.join(sandbox.userDataDir, 'User', 'settings.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    Object.assign(settings, { 'awsWorkflows.regions': ['us-east-1'] });
    writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    codeServer = await startCodeServer({ sandbox, env: sandboxEnvironment(sandbox, emulator) });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(codeServer.workbenchUrl(), { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await codeServer?.stop();
    await emulator?.stop();
    sandbox?.dispose();
  });

  async function quickOpen(fileName: string): Promise<void> {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(fileName);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: fileName }).waitFor();
  }

  const explorerView = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Resources/i }) });
  const explorerRow = (text: string | RegExp): Locator => explorerView().locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: text }) });

  it('creates the state machine from the CodeLens, says so with its ARN, and reveals it in the explorer', async () => {
    await quickOpen('hello-express.asl.json');
    const lens = page.locator('.codelens-decoration a', { hasText: 'Deploy to us-east-1 as hello-express · state machine' });
    await lens.waitFor({ timeout: 60_000 });
    await lens.click();

    const toast = page.locator('.notification-toast', { hasText: 'Created state machine hello-express in us-east-1' });
    await toast.waitFor({ timeout: 60_000 });
    assert.match(await toast.innerText(), /arn:aws:states:us-east-1:000000000000:stateMachine:hello-express/);

    // What the person saw is what the service stored.
    const state = (await (await fetch(`${emulator!.controlUrl}/state`)).json()) as { regions: Record<string, { states: { stateMachines: Record<string, { type: string }> } }> };
    assert.equal(state.regions['us-east-1'].states.stateMachines['arn:aws:states:us-east-1:000000000000:stateMachine:hello-express']?.type, 'EXPRESS');

    await toast.hover();
    await toast.locator('.monaco-button', { hasText: 'Reveal in Explorer' }).click();
    await explorerRow(/^hello-express$/).waitFor({ timeout: 60_000 });
  });
});
