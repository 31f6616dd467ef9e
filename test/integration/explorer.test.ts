// The resource explorer inside the real extension host, against the emulator's demo seed:
// the TreeDataProvider is driven through the extension's hidden test hook, and every action
// is checked by its effect (emulator state, opened documents, recorded clipboard/URL).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerTestApi } from '../../src/explorer/register';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { EXTENSION_ID, configure, control, explorerTree, label, type ExplorerTree } from './support/tree';

let api: ExplorerTestApi;
let tree: ExplorerTree;
const clipboard: string[] = [];
const opened: string[] = [];

const children = (node?: ExplorerNode) => tree.children(node);
const child = (node: ExplorerNode | undefined, name: string) => tree.child(node, name);
const path = (...names: string[]) => tree.path(...names);
const freshTree = (pageSize: number, regions?: string[]) => tree.fresh(pageSize, regions);

describe('resource explorer (in the extension host, against the emulator)', function () {
  this.timeout(60_000);

  before(async () => {
    await control('reset', { seed: 'demo' });
    tree = await explorerTree();
    api = tree.api;
    api.setEnvironment({
      writeClipboard: async (text) => void clipboard.push(text),
      openExternal: async (uri) => (opened.push(uri.toString(true)), true),
    });
    await vscode.commands.executeCommand('awsWorkflows.explorer.clearFilter');
  });

  after(async () => {
    await configure('explorer.pageSize', undefined);
    await configure('regions', undefined);
  });

  it('shows regions, service groups and items', async () => {
    await freshTree(50);
    const roots = await children();
    assert.deepEqual(roots.map(label), ['us-east-1', 'eu-west-1']);
    assert.deepEqual((await children(roots[0])).map(label), ['Step Functions', 'Image Builder workflows', 'Image Builder images', 'MWAA environments', 'MWAA Serverless workflows']);
    assert.deepEqual((await children(await path('us-east-1', 'Step Functions'))).map(label), ['State machines', 'Activities']);
    const machines = await children(await path('us-east-1', 'Step Functions', 'State machines'));
    assert.deepEqual(machines.map(label).sort(), ['EncryptedPipeline', 'NightlyReport', 'OrderProcessing']);
    const express = machines.find((n) => label(n) === 'NightlyReport')!.getTreeItem();
    assert.equal(express.description, 'EXPRESS');
    assert.match(String(express.contextValue), /\bcanStartExecution\b/);
    assert.deepEqual((await children(await path('eu-west-1', 'MWAA environments'))).map(label), ['EuropeAirflow']);
    const ib = await children(await path('us-east-1', 'Image Builder workflows'));
    assert.ok(ib.some((n) => label(n) === 'demo-test' && n.getTreeItem().description === '1.0.0 · TEST'));
  });

  it('without credentials the tree is empty, so the welcome view offers a profile', async () => {
    await configure('profile', 'no-such-profile');
    try {
      api.provider.refresh();
      assert.deepEqual(await children(), []);
    } finally {
      await configure('profile', undefined);
    }
    api.provider.refresh();
    assert.deepEqual((await children()).map(label), ['us-east-1', 'eu-west-1']);
    const welcome = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { viewsWelcome: { view: string; when?: string; contents: string }[] } }).contributes.viewsWelcome;
    const noCredentials = welcome.find((w) => w.view === 'awsWorkflows.resources' && w.when === 'awsWorkflows.explorer.noCredentials');
    assert.match(noCredentials?.contents ?? '', /\[Choose AWS Profile\]\(command:awsWorkflows\.chooseProfile\)/);
  });

  it('expanding twice at once lists once', async () => {
    await freshTree(50, ['us-east-1']);
    const group = await path('us-east-1', 'Step Functions', 'State machines');
    const count = async () => ((await control('requests')) as { operation?: string }[]).filter((r) => r.operation === 'ListStateMachines').length;
    const before = await count();
    const [a, b] = await Promise.all([children(group), children(group)]);
    assert.deepEqual(a.map(label), b.map(label));
    assert.equal(await count(), before + 1);
  });

  it('says when a list is empty, naming the region', async () => {
    await freshTree(50);
    const versions = await children(await path('eu-west-1', 'Step Functions', 'State machines', 'InvoiceArchiver', 'Versions'));
    assert.deepEqual(versions.map(label), ['No published versions of InvoiceArchiver in eu-west-1']);
  });

  it('pages with "Load more…" until the service has no more', async () => {
    await freshTree(1);
    const group = await path('us-east-1', 'Step Functions', 'State machines');
    let list = await children(group);
    assert.deepEqual(list.map(label).slice(1), ['Load more…']);
    const seen = [label(list[0])];
    for (let page = 2; page <= 3; page++) {
      await vscode.commands.executeCommand('awsWorkflows.explorer.loadMore', list[list.length - 1]);
      list = await children(group);
      seen.push(label(list[page - 1]));
      assert.equal(list.length, page === 3 ? 3 : page + 1, `after page ${page}: ${list.map(label).join(', ')}`);
    }
    assert.equal(list.some((n) => label(n) === 'Load more…'), false);
    assert.deepEqual([...seen].sort(), ['EncryptedPipeline', 'NightlyReport', 'OrderProcessing']);
  });

  it('a filter loads more pages until it finds a match, shows in the description, and clears with one click', async () => {
    await freshTree(1);
    const unfiltered: string[] = [];
    const group0 = await path('us-east-1', 'Step Functions', 'State machines');
    let list = await children(group0);
    while (list.some((n) => label(n) === 'Load more…')) {
      await vscode.commands.executeCommand('awsWorkflows.explorer.loadMore', list[list.length - 1]);
      list = await children(group0);
    }
    unfiltered.push(...list.map(label));
    const last = unfiltered[unfiltered.length - 1];

    await freshTree(1);
    const group = await path('us-east-1', 'Step Functions', 'State machines');
    const needle = `/^${last.slice(0, 5).toLowerCase()}/`;
    await vscode.commands.executeCommand('awsWorkflows.explorer.filter', group, needle);
    assert.equal(group.getTreeItem().description, `filter: ${needle}`);
    assert.match(String(group.getTreeItem().contextValue), /\bfiltered\b/);
    const filtered = await children(group);
    assert.deepEqual(filtered.map(label), [last], 'the match on the last page was found');

    await vscode.commands.executeCommand('awsWorkflows.explorer.clearFilter', group);
    assert.equal(group.getTreeItem().description, undefined);
    assert.deepEqual((await children(group)).map(label), unfiltered, 'the pages loaded for the filter stay loaded');
  });

  it('a view-wide filter applies to every group without its own', async () => {
    await freshTree(50);
    await vscode.commands.executeCommand('awsWorkflows.explorer.filter', undefined, 'order');
    try {
      assert.equal(api.treeView.description, 'filter: order');
      assert.deepEqual((await children(await path('us-east-1', 'Step Functions', 'State machines'))).map(label), ['OrderProcessing']);
      assert.deepEqual((await children(await path('eu-west-1', 'Step Functions', 'State machines'))).map(label), ['EuropeanOrders']);
      assert.deepEqual((await children(await path('us-east-1', 'Step Functions', 'Activities'))).map(label), ['No activities match "order" in us-east-1']);
    } finally {
      await vscode.commands.executeCommand('awsWorkflows.explorer.clearFilter');
    }
    assert.equal(api.treeView.description, undefined);
  });

  it('an AccessDenied shows one error child with the IAM action; siblings work; retry recovers', async () => {
    await freshTree(50);
    await control('faults', { service: 'states', operation: 'ListActivities', count: 1, kind: 'accessDenied' });
    const activities = await path('us-east-1', 'Step Functions', 'Activities');
    const failed = await children(activities);
    assert.equal(failed.length, 1);
    assert.match(label(failed[0]), /^Could not list activities — .*access denied.*states:ListActivities/);
    assert.equal(failed[0].getTreeItem().command?.command, 'awsWorkflows.explorer.retry');
    assert.equal((await children(await path('us-east-1', 'Step Functions', 'State machines'))).length, 3, 'the sibling still lists');
    await vscode.commands.executeCommand('awsWorkflows.explorer.retry', failed[0]);
    assert.deepEqual((await children(activities)).map(label).sort(), ['LabelPrinter', 'ManualApproval']);
  });

  it('lists state machine versions, build versions, and MWAA Serverless versions and runs', async () => {
    await freshTree(50);
    assert.deepEqual((await children(await path('us-east-1', 'Step Functions', 'State machines', 'OrderProcessing'))).map(label), ['Versions', 'Aliases', 'Executions']);
    assert.deepEqual((await children(await path('us-east-1', 'Step Functions', 'State machines', 'OrderProcessing', 'Versions'))).map(label), ['OrderProcessing:1']);
    const builds = await children((await children(await path('us-east-1', 'Image Builder workflows'))).find((n) => n.getTreeItem().description === '1.1.0 · BUILD'));
    assert.deepEqual(builds.map(label), ['1.1.0/1']);
    const workflow = await path('us-east-1', 'MWAA Serverless workflows', 'nightly-etl');
    assert.deepEqual((await children(workflow)).map(label), ['Versions', 'Recent runs']);
    assert.ok((await children(await child(workflow, 'Versions'))).length >= 1);

    const run = (await vscode.commands.executeCommand('awsWorkflows.explorer.startRun', workflow, { version: 'latest', parameters: '' })) as { runId: string };
    assert.ok(run?.runId, 'Start Run returned no run');
    const state = JSON.stringify(await control('state'));
    assert.ok(state.includes(run.runId), 'the run is in the emulator');
    const runs = await children(await path('us-east-1', 'MWAA Serverless workflows', 'nightly-etl', 'Recent runs'));
    const shown = runs.find((n) => label(n) === run.runId);
    assert.ok(shown, `runs: ${runs.map(label).join(', ')}`);
    const icon = shown.getTreeItem().iconPath as vscode.ThemeIcon;
    assert.ok(icon instanceof vscode.ThemeIcon && icon.id !== 'circle-outline', `a status icon, got ${icon?.id}`);
    assert.match(String(shown.getTreeItem().description), /\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });

  it('the tooltip comes from one Describe on demand, with the encryption in force', async () => {
    await freshTree(50);
    const node = await path('us-east-1', 'Step Functions', 'State machines', 'EncryptedPipeline');
    assert.equal(node.getTreeItem().tooltip, undefined, 'nothing described while listing');
    const item = await api.provider.resolveTreeItem(node.getTreeItem(), node, new vscode.CancellationTokenSource().token);
    const md = (item as vscode.TreeItem).tooltip as vscode.MarkdownString;
    assert.match(md.value, /ARN: `arn:aws:states:us-east-1:000000000000:stateMachine:EncryptedPipeline`/);
    assert.match(md.value, /Encryption: customer managed KMS key/);
    assert.match(md.value, /Role: `arn:aws:iam::/);
  });

  it('copies ARN and name, and opens the console page of the right region', async () => {
    await freshTree(50);
    const node = await path('eu-west-1', 'Step Functions', 'State machines', 'InvoiceArchiver');
    await vscode.commands.executeCommand('awsWorkflows.explorer.copyArn', node);
    await vscode.commands.executeCommand('awsWorkflows.explorer.copyName', node);
    assert.deepEqual(clipboard.slice(-2), ['arn:aws:states:eu-west-1:000000000000:stateMachine:InvoiceArchiver', 'InvoiceArchiver']);
    await vscode.commands.executeCommand('awsWorkflows.explorer.openInConsole', node);
    assert.equal(opened.at(-1), 'https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/statemachines/view/arn:aws:states:eu-west-1:000000000000:stateMachine:InvoiceArchiver');
    const env = await path('eu-west-1', 'MWAA environments', 'EuropeAirflow');
    await vscode.commands.executeCommand('awsWorkflows.explorer.copyArn', env);
    assert.match(clipboard.at(-1) ?? '', /^arn:aws:airflow:eu-west-1:000000000000:environment\/EuropeAirflow$/);
  });

  it('commands take a {kind, region, name, arn} reference, or ask with a quick pick', async () => {
    await freshTree(50, ['eu-west-1']);
    await vscode.commands.executeCommand('awsWorkflows.explorer.copyName', { kind: 'airflowWorkflow', region: 'eu-west-1', name: 'archive' });
    assert.equal(clipboard.at(-1), 'archive');
    await vscode.commands.executeCommand('awsWorkflows.explorer.openInConsole', { kind: 'mwaaEnvironment', region: 'eu-west-1', name: 'EuropeAirflow' });
    assert.equal(opened.at(-1), 'https://eu-west-1.console.aws.amazon.com/mwaa/home?region=eu-west-1#environments/EuropeAirflow');

    // From the palette: a quick pick of what the explorer lists; accept its first entry.
    const copied = clipboard.length;
    let done = false;
    const pending = vscode.commands.executeCommand('awsWorkflows.explorer.copyName').then(() => (done = true));
    for (let i = 0; i < 200 && !done; i++) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 50)); // poll until the quick pick has appeared and been accepted
    }
    await pending;
    assert.equal(clipboard.length, copied + 1, 'the quick pick was accepted');
    const euNames = ['InvoiceArchiver', 'EuropeanOrders', 'EuApproval', 'eu-distribution', 'EuropeAirflow', 'archive'];
    assert.ok(euNames.includes(clipboard.at(-1)!), `copied ${clipboard.at(-1)}`);
  });

  it('opens definitions read-only with the right language', async () => {
    await freshTree(50);
    const asl = (await vscode.commands.executeCommand('awsWorkflows.explorer.openDefinition', await path('us-east-1', 'Step Functions', 'State machines', 'OrderProcessing'))) as vscode.TextEditor;
    assert.equal(asl.document.uri.scheme, 'aws-workflows');
    assert.equal(asl.document.languageId, 'asl');
    assert.equal(JSON.parse(asl.document.getText()).StartAt, 'ValidateOrder');
    const ib = (await vscode.commands.executeCommand('awsWorkflows.explorer.openDefinition', await path('us-east-1', 'Image Builder workflows', 'demo-test'))) as vscode.TextEditor;
    assert.equal(ib.document.languageId, 'yaml');
    assert.match(ib.document.getText(), /action: RunCommand/);
    const dag = (await vscode.commands.executeCommand('awsWorkflows.explorer.openDefinition', await path('us-east-1', 'MWAA Serverless workflows', 'nightly-etl'))) as vscode.TextEditor;
    assert.equal(dag.document.languageId, 'yaml');
    assert.match(dag.document.getText(), /^nightly_etl:\n\s+dag_id: nightly_etl/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('downloads a definition into the workspace', async () => {
    await freshTree(50);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'no workspace folder');
    const target = vscode.Uri.joinPath(folder, 'downloaded', 'EuropeanOrders.asl.json');
    await vscode.commands.executeCommand('awsWorkflows.explorer.downloadDefinition', await path('eu-west-1', 'Step Functions', 'State machines', 'EuropeanOrders'), target);
    try {
      const text = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
      assert.equal(JSON.parse(text).StartAt, 'Accept');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'downloaded'), { recursive: true });
    }
  });

  it('starts an execution with the given input, and refuses input that is not JSON', async () => {
    await freshTree(50);
    const node = await path('us-east-1', 'Step Functions', 'State machines', 'OrderProcessing');
    const executions = async () => new Set(JSON.stringify(await control('state')).match(/:execution:OrderProcessing:[\w-]+/g) ?? []).size;
    const before = await executions();
    const refused = await vscode.commands.executeCommand('awsWorkflows.explorer.startExecution', node, { input: '{not json' });
    assert.equal(refused, undefined);
    assert.equal(await executions(), before, 'no call with invalid input');
    const started = (await vscode.commands.executeCommand('awsWorkflows.explorer.startExecution', node, { input: '{"valid": true}' })) as { executionArn: string };
    assert.match(started.executionArn, /^arn:aws:states:us-east-1:000000000000:execution:OrderProcessing:/);
    const state = JSON.stringify(await control('state'));
    assert.ok(state.includes(started.executionArn), 'the execution is in the emulator');
    const output = (await vscode.commands.executeCommand('awsWorkflows.explorer.showExecutionOutput', { region: 'us-east-1', executionArn: started.executionArn })) as vscode.TextEditor;
    assert.equal(JSON.parse(output.document.getText()).executionArn, started.executionArn);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists a group again by itself after a deploy into it', async () => {
    await freshTree(50, ['us-east-1']);
    const group = await path('us-east-1', 'Step Functions', 'State machines');
    assert.equal((await children(group)).some((n) => label(n) === 'hello-express'), false);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'no workspace folder');
    const uri = vscode.Uri.joinPath(folder, 'statemachines', 'hello-express.asl.json');
    const result = await vscode.commands.executeCommand<{ action: string; message?: string }>('awsWorkflows.deployFromFile', uri, 'hello-express');
    assert.equal(result?.action, 'created', result?.message);
    // No refresh from here: the explorer heard onDidDeploy.
    assert.ok((await children(group)).some((n) => label(n) === 'hello-express'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reveals a resource by {kind, region, name} (the deploy feature calls this)', async () => {
    await freshTree(1);
    await vscode.commands.executeCommand('awsWorkflows.resources.focus');
    const node = (await vscode.commands.executeCommand('awsWorkflows.revealResource', { kind: 'airflowWorkflow', region: 'us-east-1', name: 'nightly-etl' })) as ExplorerNode;
    assert.ok(node, 'nothing revealed');
    assert.equal(label(node), 'nightly-etl');
    assert.equal(label(node.parent!), 'MWAA Serverless workflows');
  });
});
