// The graph view as a person uses it in Chromium: Show Graph beside the definition, the states drawn,
// a click selects the state in the editor, typing marks the broken states, a parse error keeps the
// last drawing with a banner, the page's CSP holds, and the panel comes back after a reload.
// Also takes the README's screenshot and prints the first paint (command → visible graph).
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { copyExamples, expectEventually, openWorkbench, quickOpen, runCommand, saveScreenshot, webviewFrame } from './support';

const STATES = ['ChargePayment', 'NeedsApproval', 'WaitForApproval', 'ShipOrder', 'PaymentFailed'];

/** The graph webview's inner document: the frame that has our #viewport. */
const graphFrame = (page: Page): Promise<Frame> => webviewFrame(page, '#viewport .wf-graph', 'the graph webview');

async function selectionStatus(page: Page): Promise<string> {
  return (await page.locator('.statusbar-item[id="status.editor.selection"]').innerText()).trim();
}

describe('graph view (Chromium)', function () {
  this.timeout(300_000);
  let folder: string;

  before(() => {
    folder = copyExamples('graph-workspace');
  });

  it('draws the open definition, reveals a clicked state, marks a typed error, keeps the last graph on a parse error and comes back after a reload', async () => {
    const page = await openWorkbench(folder);
    await quickOpen(page, 'order-pipeline.asl.yaml');
    await page.locator('.editor-instance .view-line', { hasText: 'ChargePayment' }).first().waitFor();

    const started = Date.now();
    await runCommand(page, 'AWS Workflows: Show Graph');
    let frame = await graphFrame(page);
    await frame.locator('.wf-node[data-id="ShipOrder"]').waitFor({ state: 'visible' });
    console.log(`      first paint (Show Graph → visible graph in code-server): ${Date.now() - started} ms`);

    for (const id of STATES) await frame.locator(`.wf-node[data-id="${id}"]`).waitFor({ state: 'visible' });
    assert.equal(await frame.locator('.wf-node.kind-choice').count(), 1);
    assert.equal(await frame.locator('.wf-edge.kind-catch').count(), 1);
    assert.equal(await frame.locator('.wf-edge.kind-default').count(), 1);
    assert.match(await frame.locator('.wf-edge.kind-choice .wf-edge-label').textContent() ?? '', /\$states\.input\.total > 1000/);

    // The page's Content-Security-Policy: a nonce for scripts and styles, nothing else, no eval.
    const csp = await frame.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'(;|$)/);
    assert.match(csp, /style-src 'nonce-[A-Za-z0-9+/=]{16,}'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|https?:/);
    // The page itself is held to it: a string handed to setTimeout (eval) and a script without the nonce do not run.
    const blocked = await frame.evaluate(async () => {
      const w = window as unknown as { evaled?: number; injected?: number };
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      (setTimeout as unknown as (code: string, ms: number) => void)('window.evaled = 1', 0);
      const script = document.createElement('script');
      script.textContent = 'window.injected = 1';
      document.head.appendChild(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { evaled: w.evaled, injected: w.injected, violations };
    });
    assert.deepEqual({ evaled: blocked.evaled, injected: blocked.injected }, { evaled: undefined, injected: undefined });
    assert.ok(blocked.violations.some((d) => d.startsWith('script-src')), blocked.violations.join(', '));
    // Colours come from the theme: the node fill is a resolved theme colour, not the fallback of no theme.
    const fill = await frame.evaluate(() => getComputedStyle(document.querySelector('.wf-node.kind-task .wf-shape')!).fill);
    assert.match(fill, /^rgb/);

    await saveScreenshot(page, 'graph-view');

    // Click a node: the editor selects the state's name (line 32, 'ShipOrder', 9 characters).
    await frame.locator('.wf-node[data-id="ShipOrder"]').click();
    await expectEventually(async () => assert.match(await selectionStatus(page), /Ln 32, Col \d+ \(9 selected\)/), 'ShipOrder selected in the editor');

    // Type over the selected name: the Default of NeedsApproval and the Next of WaitForApproval now name no state.
    await page.keyboard.type('ShipOrderLater');
    frame = await graphFrame(page);
    const renamed = frame.locator('.wf-node[data-id="ShipOrderLater"]');
    await renamed.waitFor({ state: 'visible' });
    for (const id of ['NeedsApproval', 'WaitForApproval']) {
      const node = frame.locator(`.wf-node[data-id="${id}"]`);
      await expectEventually(async () => assert.match((await node.getAttribute('class')) ?? '', /sev-error/), `${id} marked as an error`, 60_000);
      // Hovering shows the message (the node's SVG title).
      assert.match((await node.locator('title').first().textContent()) ?? '', /Error: Missing 'Next' target: there is no state named 'ShipOrder'/);
    }
    assert.doesNotMatch((await frame.locator('.wf-node[data-id="ChargePayment"]').getAttribute('class')) ?? '', /sev-/);
    // The cursor is in the renamed state: its node is highlighted.
    await expectEventually(async () => assert.match((await renamed.getAttribute('class')) ?? '', /wf-highlight/), 'the node under the cursor highlighted');

    // Break the YAML: the last good graph stays, with a banner naming the parse error.
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n  Broken: {');
    await expectEventually(async () => {
      const banner = frame.locator('#banner');
      assert.equal(await banner.isVisible(), true);
      assert.match(await banner.innerText(), /line \d+/);
    }, 'the parse error banner', 60_000);
    assert.equal(await renamed.isVisible(), true);

    // Delete the broken line: the document parses again, the banner goes and the graph is current.
    await page.keyboard.press('Control+Shift+K');
    await expectEventually(async () => assert.equal(await frame.locator('#banner').isVisible(), false), 'the banner gone', 60_000);
    // Reload the page: the serializer restores the panel and draws the document again.
    // Developer: Reload Window shuts the workbench down properly (its layout is saved) and loads it again.
    const reloaded = page.waitForEvent('load', { timeout: 120_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 120_000 });
    frame = await graphFrame(page);
    await frame.locator('.wf-node[data-id="ChargePayment"]').waitFor({ state: 'visible', timeout: 60_000 });
    // Whether the unsaved edit comes back is the workbench's hot exit; the five states are drawn either way.
    assert.equal(await frame.locator('.wf-node.kind-task, .wf-node.kind-choice, .wf-node.kind-fail').count(), 5);
  });

  it('draws the state machines of a SAM template, each in its box, and a click selects the state in the template', async () => {
    writeFileSync(path.join(folder, 'template.yaml'), [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  OrderFlow:',
      '    Type: AWS::Serverless::StateMachine',
      '    Properties:',
      '      DefinitionUri: statemachines/order-pipeline.asl.yaml',
      '  Greeter:',
      '    Type: AWS::Serverless::StateMachine',
      '    Properties:',
      '      Definition:',
      '        StartAt: SayHello',
      '        States:',
      '          SayHello:',
      '            Type: Pass',
      '            End: true',
      '',
    ].join('\n'));
    const page = await openWorkbench(folder);
    await quickOpen(page, 'template.yaml');
    await page.locator('.editor-instance .view-line', { hasText: 'Greeter' }).first().waitFor();
    // Offered on the template: the editor title button, and the CodeLens (clicked).
    await page.locator('.editor-actions .action-label[aria-label^="Show Graph"]').waitFor({ state: 'visible' });
    await page.locator('.codelens-decoration a', { hasText: 'Show Graph' }).first().click();
    const frame = await graphFrame(page);
    for (const id of ['OrderFlow', 'Greeter', 'Greeter/SayHello', ...STATES.map((s) => `OrderFlow/${s}`)]) await frame.locator(`.wf-node[data-id="${id}"]`).waitFor({ state: 'visible' });
    assert.equal(await frame.locator('.wf-node.kind-stateMachine').count(), 2);
    // The inline state is in the template: line 13, 'SayHello', 8 characters.
    await frame.locator('.wf-node[data-id="Greeter/SayHello"]').click();
    await expectEventually(async () => assert.match(await selectionStatus(page), /Ln 13, Col \d+ \(8 selected\)/), 'SayHello selected in the template');
  });
});
