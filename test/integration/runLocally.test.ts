// Run Locally inside the real extension host, against the emulator the harness names in user
// settings (awsWorkflows.emulatorEndpoint): the issue's "Done when" flow on the examples' order
// pipeline (run it locally, see it fail at a mocked state, fix the mock in the editor, redrive), and
// that nothing is offered or sent while no emulator is configured or the setting names AWS.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExecutionPanel } from '../../src/runs/executionPanel';
import type { ToView } from '../../src/runs/protocol';
import type { LocalRun } from '../../src/runs/runLocally';
import { eventually } from './support/emulator';
import { EXTENSION_ID, configure, control, emulatorUrl } from './support/tree';

const RUN_LOCALLY = 'awsWorkflows.runLocally';

function lastExecution(panel: ExecutionPanel): Extract<ToView, { type: 'execution' }> | undefined {
  return [...panel.posted].reverse().find((m) => m.type === 'execution') as Extract<ToView, { type: 'execution' }> | undefined;
}

describe('Run Locally (in the extension host, against the emulator)', function () {
  this.timeout(120_000);
  const folder = path.join(process.env.WORKFLOWS_TEST_WORKSPACE ?? '', 'statemachines');
  const definition = vscode.Uri.file(path.join(folder, 'order-pipeline.asl.yaml'));
  const mocksFile = path.join(folder, 'order-pipeline.mocks.json');
  let originalMocks: string;
  let views: { ExecutionPanel: typeof ExecutionPanel };

  before(async () => {
    assert.ok(process.env.WORKFLOWS_TEST_WORKSPACE, 'WORKFLOWS_TEST_WORKSPACE is not set');
    originalMocks = readFileSync(mocksFile, 'utf8');
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    views = (await vscode.commands.executeCommand('awsWorkflows.__getExecutionViewsForTests')) as typeof views;
  });

  after(async () => {
    writeFileSync(mocksFile, originalMocks);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await control('reset', { seed: 'demo' });
  });

  const lensOffered = async () => {
    await vscode.workspace.openTextDocument(definition);
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', definition)) ?? [];
    return lenses.some((l) => l.command?.command === RUN_LOCALLY);
  };

  it('is offered only while an emulator endpoint is set, and sends nothing without one or to an AWS host', async () => {
    const configured = vscode.workspace.getConfiguration('awsWorkflows').inspect<string>('emulatorEndpoint')?.globalValue;
    assert.equal(configured, emulatorUrl(), 'the harness names its emulator in user settings');
    assert.equal(await lensOffered(), true);
    try {
      await configure('emulatorEndpoint', undefined);
      await eventually('the CodeLens gone', async () => ((await lensOffered()) ? undefined : true));
      await fetch(`${emulatorUrl()}/_emulator/requests`, { method: 'DELETE' });
      assert.equal(await vscode.commands.executeCommand(RUN_LOCALLY, definition, { input: '{}' }), undefined);
      await configure('emulatorEndpoint', 'https://states.us-east-1.amazonaws.com');
      assert.equal(await vscode.commands.executeCommand(RUN_LOCALLY, definition, { input: '{}' }), undefined);
      const sent = (await control('requests')) as { operation: string }[];
      assert.deepEqual(sent.map((r) => r.operation), [], 'no request reached the emulator');
    } finally {
      await configure('emulatorEndpoint', configured);
    }
    await eventually('the CodeLens back', async () => ((await lensOffered()) ? true : undefined));
  });

  it('runs order-pipeline locally, fails at a mocked state, and succeeds when redriven after the mock is fixed and saved', async () => {
    // A mock that fails the shipping step, as a person might write to try the failure path.
    const broken = { ...JSON.parse(originalMocks), ShipOrder: { errorOutput: { error: 'Shipping.Unavailable', cause: 'no courier today' } } };
    writeFileSync(mocksFile, JSON.stringify(broken, null, 2));

    const run = (await vscode.commands.executeCommand(RUN_LOCALLY, definition, { input: '{"orderId":"o-7","total":50}' })) as LocalRun;
    assert.ok(run?.executionArn, 'Run Locally returned the execution');
    assert.match(run.executionArn, /:execution:order-pipeline:/);
    assert.equal(run.mocks, 'mocks for order-pipeline from order-pipeline.mocks.json');
    const panel = await eventually('the execution view', () => views.ExecutionPanel.forTests(run.executionArn));
    assert.equal(panel.ref.local, true);
    const failed = await eventually('FAILED in the view', () => (lastExecution(panel)?.execution.status === 'FAILED' ? lastExecution(panel) : undefined));
    const ship = failed.states.find((s) => s.name === 'ShipOrder');
    assert.deepEqual([ship?.status, ship?.error, ship?.cause], ['failed', 'Shipping.Unavailable', 'no courier today']);
    // The charge mock answers a total of 1250, so the run waits for approval (the activity's mock) first.
    assert.deepEqual(failed.outcomes, { ChargePayment: 'succeeded', NeedsApproval: 'succeeded', WaitForApproval: 'succeeded', ShipOrder: 'failed' });
    assert.equal(failed.execution.redrivable, true);

    // Fix the mock in the editor and save: the save sends it to the emulator.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(mocksFile));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), originalMocks));
    assert.ok(await doc.save());
    await eventually('the fixed mock in the emulator', async () => {
      const mocks = (await control('mocks/us-east-1/order-pipeline')) as { ShipOrder?: { result?: unknown } };
      return mocks.ShipOrder?.result ? mocks : undefined;
    });

    await panel.handle({ type: 'redrive' });
    const done = await eventually('SUCCEEDED in the view', () => (lastExecution(panel)?.execution.status === 'SUCCEEDED' ? lastExecution(panel) : undefined));
    assert.equal(done.execution.redriveCount, 1);
    assert.equal(done.outcomes.ShipOrder, 'succeeded');

    // The console has no page for it, which the view says in one sentence.
    await panel.handle({ type: 'openConsole' });
    assert.match(JSON.stringify(panel.posted.at(-2)), /ran on the local emulator, so it has no page in the AWS console/);

    // Running again updates the state machine there instead of failing on its name.
    const again = (await vscode.commands.executeCommand(RUN_LOCALLY, definition, { input: '{"orderId":"o-8","total":50}' })) as LocalRun;
    assert.equal(again.stateMachineArn, run.stateMachineArn);
    assert.notEqual(again.executionArn, run.executionArn);
  });
});
