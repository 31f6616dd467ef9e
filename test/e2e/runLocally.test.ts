// Run Locally as a person uses it in Chromium: the CodeLens on order-pipeline runs it on the sandbox's
// emulator (the awsWorkflows.emulatorEndpoint the harness writes into user settings, as npm start
// does), the execution view shows how it ended, is locked from its title bar, and after Developer:
// Reload Window the view comes back by itself (its serializer, from the state the page keeps), locked,
// and loads the same execution again.
import * as assert from 'node:assert/strict';
import { copyExamples, openWorkbench, quickOpen, runCommand, webviewFrame } from './support';

const executionFrame = (page: Parameters<typeof webviewFrame>[0]) => webviewFrame(page, '#app header h1 .status', 'the execution view');

describe('Run Locally and the execution view (Chromium)', function () {
  this.timeout(300_000);
  let folder: string;

  before(() => {
    folder = copyExamples('run-locally-workspace');
  });

  it('runs order-pipeline from its CodeLens on the emulator, shows the execution, and restores the view after a reload', async () => {
    const page = await openWorkbench(folder);
    await quickOpen(page, 'order-pipeline.asl.yaml');
    await page.locator('.editor-instance .view-line', { hasText: 'ChargePayment' }).first().waitFor();

    const started = Date.now();
    await page.locator('.codelens-decoration a', { hasText: 'Run Locally' }).first().click();
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill('{"orderId": "o-1001", "total": 1250}');
    await input.press('Enter');

    let frame = await executionFrame(page);
    await frame.locator('#app header .status', { hasText: 'SUCCEEDED' }).waitFor({ timeout: 60_000 });
    await frame.locator('table.history tr', { hasText: 'ExecutionSucceeded' }).waitFor();
    console.log(`      Run Locally → finished execution in the view (code-server): ${Date.now() - started} ms`);
    const name = (await frame.locator('#app header h1').innerText()).replace('SUCCEEDED', '').trim();
    assert.ok(name.length > 0, 'the header names the execution');
    for (const state of ['ChargePayment', 'WaitForApproval', 'ShipOrder']) {
      await frame.locator(`tr.state[data-state="${state}"]`, { hasText: 'succeeded' }).waitFor();
    }
    await page.locator('.tab', { hasText: /Execution .*\(SUCCEEDED, local\)/ }).waitFor();
    const titleAction = (label: string) => page.locator(`.editor-actions .action-label[aria-label^="${label}"]`);
    await titleAction('Lock Execution View').click();
    await page.locator('.tab', { hasText: /^\[Locked\] Execution .*\(SUCCEEDED, local\)/ }).waitFor();
    await titleAction('Unlock Execution View').waitFor();

    // Developer: Reload Window shuts the workbench down properly (its layout is saved) and loads it again.
    const reloaded = page.waitForEvent('load', { timeout: 120_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
    frame = await executionFrame(page);
    await frame.locator('#app header .status', { hasText: 'SUCCEEDED' }).waitFor({ timeout: 60_000 });
    assert.equal((await frame.locator('#app header h1').innerText()).replace('SUCCEEDED', '').trim(), name, 'the same execution after the reload');
    await frame.locator('table.history tr', { hasText: 'ExecutionSucceeded' }).waitFor();
    await page.locator('.tab', { hasText: /^\[Locked\] Execution .*\(SUCCEEDED, local\)/ }).waitFor();
    await titleAction('Unlock Execution View').waitFor();
  });
});
