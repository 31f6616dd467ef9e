// A Step Functions run as a person does it: real code-server in Chromium against the emulator.
// order-pipeline (examples/) is deployed with a ShipOrder mock that fails; Start Execution from the
// tree offers the workspace's saved inputs (examples/.aws-workflows/inputs/order-pipeline), the run
// fails at ShipOrder, the execution view shows the failed state's error, and after the mock is fixed
// Redrive finishes it. Saves the README screenshots (media/screenshots/start-execution-inputs.png and
// execution-failed.png, refreshed with UPDATE_SCREENSHOTS=1).
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { e2e, expandResource, expectEventually, openView, resourceRow, saveScreenshot, webviewFrame, withSeededWorkbench } from './support';

const REGION = 'us-east-1';
const MACHINE = 'order-pipeline';

async function putMocks(mocks: unknown): Promise<void> {
  const { emulator } = e2e();
  const res = await fetch(`${emulator!.controlUrl}/mocks/${REGION}/${MACHINE}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(mocks) });
  if (!res.ok) throw new Error(`mocks not set: ${res.status} ${await res.text()}`);
}

/** The workspace's mock file, with ShipOrder failing or answering. */
function mocks(shipOrderFails: boolean): Record<string, unknown> {
  const file = JSON.parse(readFileSync(path.join(e2e().workspace, 'statemachines', `${MACHINE}.mocks.json`), 'utf8')) as Record<string, unknown>;
  return shipOrderFails ? { ...file, ShipOrder: { errorOutput: { error: 'SQS.QueueDoesNotExist', cause: 'The shipping queue does not exist.' } } } : file;
}

/** The execution view's inner document. */
const executionFrame = (page: Page): Promise<Frame> => webviewFrame(page, 'main#app header h1 .status', 'the execution view');

describe('Step Functions runs in the browser (code-server + Chromium)', function () {
  this.timeout(240_000);
  let page: Page;
  withSeededWorkbench({ 'awsWorkflows.regions': [REGION] }, (p) => (page = p), { resetAfter: true });

  before(async () => {
    const { emulator, workspace } = e2e();
    const definition = parseYaml(readFileSync(path.join(workspace, 'statemachines', `${MACHINE}.asl.yaml`), 'utf8')) as unknown;
    const sfn = new SFNClient({ endpoint: emulator!.endpoint, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    await sfn.send(new CreateStateMachineCommand({ name: MACHINE, definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::000000000000:role/order-pipeline' }));
    sfn.destroy();
    await putMocks(mocks(true));
  });

  const row = (text: string | RegExp) => resourceRow(page, text);
  const expand = (text: string | RegExp) => expandResource(page, text);

  it('starts an execution from the tree with a saved input, sees it fail at the mocked state with its error, and redrives it', async () => {
    await openView(page);
    await expand(/^us-east-1$/);
    await expand(/^Step Functions$/);
    await expand(/^State machines$/);
    const machine = row(new RegExp(`^${MACHINE}$`));
    await machine.hover();
    await machine.locator('.action-label[aria-label^="Start Execution"]').click();

    // The saved inputs of examples/.aws-workflows/inputs/order-pipeline, then the other sources.
    const picker = page.locator('.quick-input-widget');
    await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'big-order' }).waitFor();
    await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'New input…' }).waitFor();
    await saveScreenshot(page, 'start-execution-inputs');
    await picker.locator('.quick-input-list .monaco-list-row', { hasText: 'big-order' }).click();
    // The optional name: empty for a generated one.
    await picker.locator('.quick-input-title', { hasText: /Execution name for order-pipeline/ }).waitFor();
    await page.keyboard.press('Enter');

    // The new execution opens; it fails at ShipOrder, which the view selects with its error.
    let frame = await executionFrame(page);
    await frame.locator('header h1 .status', { hasText: 'FAILED' }).waitFor({ timeout: 60_000 });
    await frame.locator('tr.state.selected[data-state="ShipOrder"]').waitFor();
    await frame.locator('.selected-state .error-box', { hasText: 'SQS.QueueDoesNotExist' }).waitFor();
    await frame.locator('.selected-state .error-box pre', { hasText: 'The shipping queue does not exist.' }).waitFor();
    // Selecting another state and the failed one again shows its error again.
    await frame.locator('tr.state[data-state="ChargePayment"]').click();
    await frame.locator('.selected-state h2', { hasText: /^ChargePayment/ }).waitFor();
    await frame.locator('tr.state[data-state="ShipOrder"]').click();
    await frame.locator('.selected-state .error-box', { hasText: 'SQS.QueueDoesNotExist' }).waitFor();
    await saveScreenshot(page, 'execution-failed');

    // The tree lists it as failed.
    await expand(new RegExp(`^${MACHINE}$`));
    await expand(/^Executions$/);
    await row(/./).locator('.label-description', { hasText: /^FAILED · / }).first().waitFor();

    // Fix the mock, then Redrive: it resumes at ShipOrder and succeeds.
    await putMocks(mocks(false));
    frame = await executionFrame(page);
    await frame.locator('.actions button', { hasText: 'Redrive' }).click();
    await expectEventually(async () => {
      frame = await executionFrame(page);
      if (!(await frame.locator('header h1 .status', { hasText: 'SUCCEEDED' }).count())) {
        await frame.locator('.actions button', { hasText: 'Refresh' }).click().catch(() => undefined);
        throw new Error('not SUCCEEDED yet');
      }
    }, 'the redriven execution to succeed', 60_000);
    await frame.locator('header p', { hasText: 'redriven 1×' }).waitFor();
  });
});
