// A state machine whose KMS key the caller may not decrypt with, in the real extension host:
// the tree and tooltips (METADATA_ONLY) work under a queued kmsAccessDenied fault, and Open
// Deployed Definition / Show Execution Output show what came back and why the rest is missing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerTestApi } from '../../src/explorer/register';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';

const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';
const REASON = 'The definition of EncryptedPipeline is encrypted with alias/workflows-demo; reading it needs kms:Decrypt on that key.';

async function control(path: string, method = 'GET', body?: unknown): Promise<unknown> {
  const url = process.env.EMULATOR_URL;
  assert.ok(url, 'EMULATOR_URL is not set: the harness runs these tests against the emulator');
  const res = await fetch(`${url}/_emulator/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  assert.equal(res.status, 200, `${path}: HTTP ${res.status}`);
  return res.json();
}

const label = (node: ExplorerNode) => {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
};

describe('customer managed keys the caller may not decrypt (in the extension host)', function () {
  this.timeout(60_000);
  let api: ExplorerTestApi;

  async function path(...names: string[]): Promise<ExplorerNode> {
    let node: ExplorerNode | undefined;
    for (const name of names) {
      const all = (await api.provider.getChildren(node)) ?? [];
      node = all.find((n) => label(n) === name);
      assert.ok(node, `no "${name}"; found: ${all.map(label).join(', ')}`);
    }
    return node!;
  }

  before(async () => {
    await control('reset', 'POST', { seed: 'demo' });
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    api = (await vscode.commands.executeCommand('awsWorkflows.__getExplorerForTests')) as ExplorerTestApi;
    await vscode.workspace.getConfiguration('awsWorkflows').update('regions', ['us-east-1'], vscode.ConfigurationTarget.Global);
    api.provider.refresh();
  });
  after(async () => {
    await control('faults', 'DELETE');
    await vscode.workspace.getConfiguration('awsWorkflows').update('regions', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the tree and the tooltip work under kmsAccessDenied; Open Deployed Definition shows the metadata and the reason', async () => {
    await control('faults', 'POST', { operation: 'DescribeStateMachine', kind: 'kmsAccessDenied', count: 1 });
    const node = await path('us-east-1', 'Step Functions', 'State machines', 'EncryptedPipeline');
    const item = await api.provider.resolveTreeItem(node.getTreeItem(), node, new vscode.CancellationTokenSource().token);
    const tooltip = ((item as vscode.TreeItem).tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Encryption: customer managed KMS key alias\/workflows\\-demo/);
    assert.equal(((await control('faults')) as unknown[]).length, 1, 'listing and the METADATA_ONLY tooltip never need the key');

    const editor = (await vscode.commands.executeCommand('awsWorkflows.explorer.openDefinition', node)) as vscode.TextEditor;
    assert.equal(((await control('faults')) as unknown[]).length, 0, 'the ALL_DATA describe took the fault');
    assert.equal(editor.document.languageId, 'json', 'not ASL: there is no definition to check');
    assert.match(editor.document.uri.path, /EncryptedPipeline\.metadata\.json$/);
    const shown = JSON.parse(editor.document.getText());
    assert.equal(shown.definition, `(not readable) ${REASON}`);
    assert.equal(shown.name, 'EncryptedPipeline');
    assert.equal(shown.roleArn, 'arn:aws:iam::000000000000:role/EmulatorWorkflowsRole');
    assert.equal(shown.encryptionConfiguration.kmsKeyId, 'alias/workflows-demo');
  });

  it('Show Execution Output shows the status and why input and output are missing', async () => {
    const node = await path('us-east-1', 'Step Functions', 'State machines', 'EncryptedPipeline');
    const started = (await vscode.commands.executeCommand('awsWorkflows.explorer.startExecution', node, { input: '{"card": "4111"}' })) as { executionArn: string };
    const output = (await vscode.commands.executeCommand('awsWorkflows.explorer.showExecutionOutput', { region: 'us-east-1', executionArn: started.executionArn })) as vscode.TextEditor;
    const shown = JSON.parse(output.document.getText());
    assert.equal(shown.status, 'SUCCEEDED');
    const name = started.executionArn.split(':').pop();
    assert.equal(shown.output, `(not readable) The input and output of execution ${name} are encrypted with alias/workflows-demo; reading them needs kms:Decrypt on that key.`);
    assert.doesNotMatch(output.document.getText(), /4111/);
  });
});
