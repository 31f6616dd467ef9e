// TestState from the editor, inside the real extension host against the emulator: the CodeLens on
// each state of order-pipeline, its command opening the panel (whose page asks for its setup, so a
// setup message means the page's script ran under its CSP), a run with the mock from the file
// beside the definition, Save as test case, the state under the cursor from the palette, and the
// refusals in one sentence. What the page is sent is read where the panel posts it.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { control, eventually } from './support/emulator';
import { parseTestFile } from '../../src/core/runs/testCases';
import type { TestStatePanel } from '../../src/testState/panel';
import type { ToTestStateView } from '../../src/testState/protocol';

const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';

function last<T extends ToTestStateView['type']>(panel: TestStatePanel, type: T, after = 0): Extract<ToTestStateView, { type: T }> | undefined {
  return panel.posted.slice(after).reverse().find((m) => m.type === type) as Extract<ToTestStateView, { type: T }> | undefined;
}

describe('TestState from the editor (in the extension host, against the emulator)', function () {
  this.timeout(90_000);
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const definition = vscode.Uri.joinPath(folder, 'statemachines', 'order-pipeline.asl.yaml');
  const testsFile = vscode.Uri.joinPath(folder, 'statemachines', 'order-pipeline.tests.yaml');
  let savedTests: string;
  let editor: vscode.TextEditor;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    savedTests = readFileSync(testsFile.fsPath, 'utf8');
    editor = await vscode.window.showTextDocument(definition);
  });

  after(async () => {
    writeFileSync(testsFile.fsPath, savedTests);
    await control('DELETE', 'faults');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function lenses(of = definition): Promise<vscode.CodeLens[]> {
    return eventually('the Test this state lenses', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', of);
      const mine = all.filter((l) => l.command?.command === 'awsWorkflows.testState');
      return mine.length ? mine : undefined;
    });
  }

  async function openFromLens(stateName: string): Promise<TestStatePanel> {
    const lens = (await lenses()).find((l) => l.command!.arguments![1] === stateName)!;
    const panel = (await vscode.commands.executeCommand(lens.command!.command, ...lens.command!.arguments!)) as TestStatePanel;
    assert.ok(panel?.posted, 'the command answers its panel');
    await eventually('the page to ask for its setup', () => last(panel, 'setup'));
    return panel;
  }

  it('puts "Test this state" above each state, on the line of its key', async () => {
    const found = await lenses();
    const text = editor.document.getText();
    assert.deepEqual(found.map((l) => l.command!.arguments![1]), ['ChargePayment', 'NeedsApproval', 'WaitForApproval', 'ShipOrder', 'PaymentFailed']);
    for (const l of found) {
      assert.equal(l.command!.title, '$(beaker) Test this state');
      assert.equal(editor.document.lineAt(l.range.start.line).text.trim(), `${l.command!.arguments![1]}:`);
    }
    assert.ok(text.includes('ChargePayment:'));
  });

  it('opens a panel with the role from aws-workflows.yaml and the mock beside the definition, runs it and shows the result', async () => {
    const panel = await openFromLens('ChargePayment');
    const setup = last(panel, 'setup')!.setup;
    assert.equal(setup.form.roleArn, 'arn:aws:iam::000000000000:role/order-pipeline');
    assert.match(setup.roleNote, /^From aws-workflows\.yaml \(entry order-pipeline\)\.$/);
    assert.equal(setup.mockNote, 'From order-pipeline.mocks.json.');
    assert.deepEqual(JSON.parse(setup.form.mock), { result: { StatusCode: 200, Payload: { orderId: 'o-1001', total: 1250, charged: true } } });
    assert.equal(setup.region, 'us-east-1');
    const html = panel.panel.webview.html;
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]+'; script-src 'nonce-[A-Za-z0-9+/=]+'/);
    assert.deepEqual([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((x) => /\/dist\/testStateView\.js$/.test(x[1])), [true]);

    const from = panel.posted.length;
    await panel.handle({ type: 'run', form: { ...setup.form, input: '{"orderId": "o-1001", "total": 1250}', inspectionLevel: 'DEBUG' } });
    const result = await eventually('the result', () => last(panel, 'result', from))!;
    assert.deepEqual([result.result.status, result.result.nextState], ['SUCCEEDED', 'NeedsApproval']);
    assert.deepEqual(JSON.parse(result.result.output!), { orderId: 'o-1001', total: 1250, charged: true });
    assert.ok(result.result.inspection?.result, 'DEBUG shows the raw result');
    // The browser's clipboard asks for a permission headless Chromium never grants: a seam stands in.
    const copied: string[] = [];
    panel.deps.writeClipboard = async (text) => void copied.push(text);
    await panel.handle({ type: 'copyOutput' });
    assert.equal(last(panel, 'notice')?.message, 'The output is on the clipboard.');
    assert.deepEqual(copied, [result.result.output]);

    await panel.handle({ type: 'save', form: { ...setup.form, input: '{"orderId": "o-1001", "total": 1250}', inspectionLevel: 'DEBUG' }, name: 'saved from the panel' });
    const saved = parseTestFile(readFileSync(testsFile.fsPath, 'utf8'));
    assert.ok(typeof saved !== 'string', String(saved));
    const c = saved.cases.at(-1)!;
    assert.equal(saved.cases.length, 6);
    assert.deepEqual([c.name, c.state, c.expect.status, c.expect.nextState], ['saved from the panel', 'ChargePayment', 'SUCCEEDED', 'NeedsApproval']);
    assert.match(last(panel, 'notice')!.message, /^Saved as the case "saved from the panel" in order-pipeline\.tests\.yaml/);
    panel.panel.dispose();
  });

  it('tests the state under the cursor from the palette; a Choice takes no mock', async () => {
    editor = await vscode.window.showTextDocument(definition);
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('Default: ShipOrder'));
    editor.selection = new vscode.Selection(line, 4, line, 4);
    const panel = (await vscode.commands.executeCommand('awsWorkflows.testState')) as TestStatePanel;
    const setup = (await eventually('the setup', () => last(panel, 'setup'))).setup;
    assert.deepEqual([setup.stateName, setup.stateType, setup.mockable, setup.form.mock], ['NeedsApproval', 'Choice', false, '']);
    await panel.handle({ type: 'run', form: { ...setup.form, input: '{"total": 2000}' } });
    assert.equal(last(panel, 'result')?.result.nextState, 'WaitForApproval');
    panel.panel.dispose();
  });

  it('refuses in one sentence: input that is not JSON, AccessDenied naming states:TestState and iam:PassRole', async () => {
    const panel = await openFromLens('ShipOrder');
    const setup = last(panel, 'setup')!.setup;
    let from = panel.posted.length;
    await panel.handle({ type: 'run', form: { ...setup.form, input: '{total: 1}' } });
    const bad = last(panel, 'error', from)!;
    assert.equal(bad.field, 'input');
    assert.match(bad.message, /^The input is not JSON: .+\.$/);
    await control('POST', 'faults', { operation: 'TestState', kind: 'accessDenied' });
    from = panel.posted.length;
    await panel.handle({ type: 'run', form: setup.form });
    const denied = last(panel, 'error', from)!;
    assert.match(denied.message, /^TestState of ShipOrder in us-east-1 failed: access denied .*Your identity needs states:TestState and iam:PassRole on arn:aws:iam::000000000000:role\/order-pipeline; /);
    assert.equal(last(panel, 'result', from), undefined);
    panel.panel.dispose();
  });

  it('puts a lens on a state inside a Map processor, runs it alone against the emulator with its mock, and saves a case by its path', async () => {
    const dir = vscode.Uri.joinPath(folder, 'statemachines');
    const nested = vscode.Uri.joinPath(dir, 'nested-orders.asl.json');
    const files = ['nested-orders.asl.json', 'nested-orders.mocks.json', 'nested-orders.tests.yaml'].map((f) => vscode.Uri.joinPath(dir, f).fsPath);
    const machine = {
      StartAt: 'ProcessItems',
      States: {
        ProcessItems: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'ChargeCard', States: { ChargeCard: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'Payload.$': '$' }, ResultSelector: { 'charged.$': '$.Payload.charged' }, Next: 'Record' }, Record: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    };
    writeFileSync(files[0], JSON.stringify(machine, null, 2));
    writeFileSync(files[1], JSON.stringify({ ChargeCard: { result: { StatusCode: 200, Payload: { charged: 42 } } } }));
    try {
      const doc = await vscode.workspace.openTextDocument(nested);
      await vscode.window.showTextDocument(doc);
      const found = await lenses(nested);
      assert.deepEqual(found.map((l) => (l.command!.arguments![2] as string[]).join('/')), ['ProcessItems', 'ProcessItems/ChargeCard', 'ProcessItems/Record']);
      const lens = found[1];
      assert.equal(doc.lineAt(lens.range.start.line).text.trim(), '"ChargeCard": {');
      const panel = (await vscode.commands.executeCommand(lens.command!.command, ...lens.command!.arguments!)) as TestStatePanel;
      const setup = (await eventually('the setup', () => last(panel, 'setup'))).setup;
      assert.deepEqual([setup.statePath, setup.nested, setup.stateType, setup.mockNote], ['ProcessItems › ChargeCard', true, 'Task', 'From nested-orders.mocks.json.']);
      assert.equal(panel.panel.title, 'Test ProcessItems › ChargeCard');
      const form = { ...setup.form, input: '{"amount": 42}' };
      await panel.handle({ type: 'run', form });
      const result = await eventually('the result', () => last(panel, 'result'));
      assert.deepEqual([result.result.status, result.result.nextState, JSON.parse(result.result.output!)], ['SUCCEEDED', 'Record', { charged: 42 }]);
      await panel.handle({ type: 'save', form });
      const saved = parseTestFile(readFileSync(files[2], 'utf8'));
      assert.ok(typeof saved !== 'string', String(saved));
      assert.deepEqual([saved.cases[0].name, saved.cases[0].path, saved.cases[0].state], ['ProcessItems › ChargeCard: SUCCEEDED → Record', ['ProcessItems', 'ChargeCard'], undefined]);
      panel.panel.dispose();
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const f of files) rmSync(f, { force: true });
    }
  });
});
