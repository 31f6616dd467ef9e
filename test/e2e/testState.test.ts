// TestState as a person uses it in Chromium against the emulator: click "Test this state" above
// ChargePayment, see the mock from the file beside the definition and the role from aws-workflows.yaml,
// type an input, Run at DEBUG, see the output, next state and the inspection data; a typed input
// that is not JSON is marked; after a reload the panel comes back with what was typed.
import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { copyExamples, expectEventually, openWorkbench, quickOpen, runCommand, saveScreenshot, webviewFrame } from './support';

/** The panel's inner document: the frame with our input field. */
const panelFrame = (page: Page): Promise<Frame> => webviewFrame(page, '#field-input', 'the TestState panel');

describe('Test this state (Chromium)', function () {
  this.timeout(300_000);
  let folder: string;

  before(() => {
    folder = copyExamples('teststate-workspace');
  });

  it('runs ChargePayment from its CodeLens with the mock beside it, shows output and DEBUG steps, and comes back after a reload', async () => {
    const page = await openWorkbench(folder);
    await quickOpen(page, 'order-pipeline.asl.yaml');
    const lens = page.locator('.codelens-decoration a', { hasText: 'Test this state' });
    await expectEventually(async () => assert.equal(await lens.count(), 5), 'a Test this state CodeLens on each of the 5 states', 60_000);
    await lens.first().click();

    let frame = await panelFrame(page);
    await frame.locator('h1', { hasText: 'Test ChargePayment' }).waitFor();
    assert.equal(await frame.locator('#field-roleArn').inputValue(), 'arn:aws:iam::000000000000:role/order-pipeline');
    assert.match(await frame.locator('#mock-choice option:checked').innerText(), /^ChargePayment: result$/);
    assert.match(await frame.locator('#field-mock').inputValue(), /"charged": true/);

    await frame.locator('#field-input').fill('{"orderId": oops}');
    await expectEventually(async () => assert.match(await frame.locator('#field-input + .field-error').innerText(), /^Not JSON: /), 'the input marked as not JSON');
    await frame.locator('#field-input').fill('{"orderId": "o-7", "total": 70}');
    await expectEventually(async () => assert.equal(await frame.locator('#field-input + .field-error').isVisible(), false), 'the mark gone');
    await frame.locator('#field-inspectionLevel').selectOption('DEBUG');
    await frame.locator('#run').click();
    await expectEventually(async () => assert.equal(await frame.locator('#result-status').innerText(), 'SUCCEEDED'), 'the result', 60_000);
    assert.equal(await frame.locator('#result-next').innerText(), 'NeedsApproval');
    assert.match(await frame.locator('#result-output').innerText(), /"charged": true/);
    assert.ok(await frame.locator('pre.inspection-result').isVisible(), 'DEBUG shows the raw result');
    await frame.locator('#result').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'test-state');

    // Developer: Reload Window: the serializer restores the panel with what was typed.
    const reloaded = page.waitForEvent('load', { timeout: 120_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
    frame = await panelFrame(page);
    await frame.locator('h1', { hasText: 'Test ChargePayment' }).waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('#field-input').inputValue(), '{"orderId": "o-7", "total": 70}');
    assert.equal(await frame.locator('#field-inspectionLevel').inputValue(), 'DEBUG');
  });
});
