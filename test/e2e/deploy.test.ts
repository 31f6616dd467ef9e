// Deploying as a person does it: open examples/ in code-server, click the CodeLens above a state
// machine, read the success notification, and find the new state machine in the explorer.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { e2e, quickOpen, resourceRow, saveScreenshot, withSeededWorkbench } from './support';

describe('deploy from the CodeLens in the browser (code-server + Chromium)', function () {
  this.timeout(240_000);
  let page: Page;
  // resetAfter: later suites see the demo seed, without the state machine this one created.
  withSeededWorkbench({ 'awsWorkflows.regions': ['us-east-1'] }, (p) => (page = p), { resetAfter: true });

  it('creates the state machine from the CodeLens, says so with its ARN, and reveals it in the explorer', async () => {
    await quickOpen(page, 'hello-express.asl.json');
    const lens = page.locator('.codelens-decoration a', { hasText: 'Deploy to us-east-1 as hello-express · state machine' });
    await lens.waitFor({ timeout: 60_000 });
    await saveScreenshot(page, 'deploy-codelens');
    await lens.click();

    const toast = page.locator('.notification-toast', { hasText: 'Created state machine hello-express in us-east-1' });
    await toast.waitFor({ timeout: 60_000 });
    assert.match(await toast.innerText(), /arn:aws:states:us-east-1:000000000000:stateMachine:hello-express/);

    // What the person saw is what the service stored.
    const state = (await (await fetch(`${e2e().emulator!.controlUrl}/state`)).json()) as { regions: Record<string, { states: { stateMachines: Record<string, { type: string }> } }> };
    assert.equal(state.regions['us-east-1'].states.stateMachines['arn:aws:states:us-east-1:000000000000:stateMachine:hello-express']?.type, 'EXPRESS');

    await toast.hover();
    await toast.locator('.monaco-button', { hasText: 'Reveal in Explorer' }).click();
    await resourceRow(page, /^hello-express$/).waitFor({ timeout: 60_000 });
  });
});
