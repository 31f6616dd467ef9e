// Deploy inside the real extension host, against the emulator: the command on a file with a
// manifest entry, the CodeLens that offers it, the open editor's text winning over the disk,
// and "Validate with the Service" placing Step Functions' diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';
const emulatorUrl = process.env.EMULATOR_URL;

interface DeployResult { kind: string; name: string; region: string; action: string; arn?: string; version?: string; message: string }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function emulatorState(): Promise<any> {
  const res = await fetch(`${emulatorUrl}/_emulator/state`);
  return res.json();
}

function workspaceFile(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens examples/ as the workspace');
  return vscode.Uri.joinPath(folder.uri, rel);
}

describe('deploy (in the extension host)', function () {
  this.timeout(60000);

  before(async () => {
    if (!emulatorUrl) throw new Error('EMULATOR_URL is not set: the harness should start the emulator');
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    // Updates would ask in a modal dialog; this suite checks what is sent.
    await vscode.workspace.getConfiguration('awsWorkflows.deploy').update('confirmUpdates', false, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('awsWorkflows.deploy').update('confirmUpdates', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers a CodeLens naming the region, entry and kind at the top of a definition', async () => {
    const uri = workspaceFile('statemachines/hello-express.asl.json');
    await vscode.window.showTextDocument(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const deploy = lenses.find((l) => l.command?.command === 'awsWorkflows.deployFromFile');
    assert.ok(deploy, `no deploy CodeLens among: ${lenses.map((l) => l.command?.title).join(', ')}`);
    assert.match(deploy.command!.title, /Deploy to us-east-1 as hello-express · state machine/);
    assert.equal(deploy.range.start.line, 0);
  });

  it('creates the state machine its aws-workflows.yaml entry describes, then updates it from the unsaved editor text', async () => {
    const uri = workspaceFile('statemachines/hello-express.asl.json');
    const editor = await vscode.window.showTextDocument(uri);
    const created = await vscode.commands.executeCommand<DeployResult>('awsWorkflows.deployFromFile', uri, 'hello-express');
    assert.ok(created, 'the command returned no result');
    assert.equal(created.action, 'created', created.message);
    assert.equal(created.arn, 'arn:aws:states:us-east-1:000000000000:stateMachine:hello-express');
    let stored = (await emulatorState()).regions['us-east-1'].states.stateMachines[created.arn!];
    assert.equal(stored.type, 'EXPRESS');
    assert.deepEqual(stored.encryptionConfiguration.type, 'AWS_OWNED_KEY');

    // Not saved: the deploy sends what the editor shows.
    await editor.edit((b) => {
      const text = editor.document.getText();
      const at = text.indexOf('Hello, {}!');
      b.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'Hello, {}!'.length)), 'Hi, {}!');
    });
    const updated = await vscode.commands.executeCommand<DeployResult>('awsWorkflows.deployFromFile', uri, 'hello-express');
    assert.equal(updated.action, 'updated', updated.message);
    stored = (await emulatorState()).regions['us-east-1'].states.stateMachines[created.arn!];
    assert.match(stored.definition, /Hi, \{\}!/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('deploys a chosen subset of aws-workflows.yaml and returns one result per entry', async () => {
    const results = await vscode.commands.executeCommand<DeployResult[]>('awsWorkflows.deployAll', undefined, ['manual-approval', 'hardened-build']);
    assert.ok(results, 'the command returned no results');
    assert.deepEqual(results.map((r) => [r.kind, r.name]), [['activity', 'manual-approval'], ['imageBuilderWorkflow', 'hardened-build']]);
    for (const r of results) assert.ok(['created', 'unchanged'].includes(r.action), `${r.name}: ${r.action} — ${r.message}`);
    const state = await emulatorState();
    assert.ok(Object.values(state.regions['us-east-1'].states.activities as Record<string, { name: string }>).some((a) => a.name === 'manual-approval'));
  });

  it('puts Step Functions diagnostics on the node their location names, in their own collection', async () => {
    const uri = workspaceFile('statemachines/scratch-invalid.asl.json');
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Pass",\n      "Next": "Missing"\n    }\n  }\n}\n';
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    try {
      await vscode.window.showTextDocument(uri);
      const out = await vscode.commands.executeCommand<{ result: string }>('awsWorkflows.validateWithService', uri);
      assert.equal(out.result, 'FAIL');
      const fromService = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Step Functions');
      const missing = fromService.find((d) => d.code === 'MISSING_TRANSITION_TARGET');
      assert.ok(missing, `diagnostics: ${fromService.map((d) => `${String(d.code)} ${d.message}`).join('; ')}`);
      assert.equal(missing.range.start.line, 5, 'on the "Next" key');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
