// Executions in the tree, inside the real extension host against the emulator (which runs the
// definitions): listing with status and duration, the status filter, the Express note, polling of
// running executions, Stop and Redrive, and each failure as one sentence.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { redriveExecution, stopExecution } from '../../src/explorer/model/executionActions';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { ExplorerTestApi } from '../../src/explorer/register';
import { refusal } from './support/commands';
import { eventually } from './support/emulator';

const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';
const REGION = 'us-east-1';

async function control(method: string, route: string, body?: unknown): Promise<unknown> {
  const url = process.env.EMULATOR_URL;
  assert.ok(url, 'EMULATOR_URL is not set');
  const res = await fetch(`${url}/_emulator/${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  assert.equal(res.status, 200, `${route}: HTTP ${res.status} ${await res.clone().text()}`);
  return res.json();
}

const SEED = `
regions:
  ${REGION}:
    stateMachines:
      - name: Approvals
        definition:
          StartAt: Ask
          States:
            Ask: { Type: Task, Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Parameters: { "token.$": "$$.Task.Token" }, End: true }
      - name: Payments
        definition:
          StartAt: Charge
          States:
            Charge: { Type: Task, Resource: "arn:aws:states:::lambda:invoke", End: true }
        mocks:
          Charge: { errorOutput: { error: Payment.Declined, cause: card expired } }
      - name: Quick
        type: EXPRESS
        definition: { StartAt: P, States: { P: { Type: Pass, End: true } } }
`;

let api: ExplorerTestApi;

function label(node: ExplorerNode): string {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

async function children(node?: ExplorerNode): Promise<ExplorerNode[]> {
  return (await api.provider.getChildren(node)) ?? [];
}

async function child(node: ExplorerNode | undefined, name: string | RegExp): Promise<ExplorerNode> {
  const all = await children(node);
  const found = all.find((n) => (typeof name === 'string' ? label(n) === name : name.test(label(n))));
  assert.ok(found, `no "${name}" under ${node ? label(node) : 'the root'}; found: ${all.map(label).join(', ')}`);
  return found;
}

async function executionsOf(machine: string): Promise<ExplorerNode> {
  let node: ExplorerNode | undefined;
  for (const n of [REGION, 'Step Functions', 'State machines', machine, 'Executions']) node = await child(node, n);
  return node!;
}

const descriptions = async (list: ExplorerNode) => (await children(list)).map((n) => `${label(n)}: ${String(n.getTreeItem().description ?? '')}`);

async function start(machine: string, name: string): Promise<string> {
  const node = await child(await child(await child(await child(undefined, REGION), 'Step Functions'), 'State machines'), machine);
  const started = (await vscode.commands.executeCommand('awsWorkflows.explorer.startExecution', node, { input: '{"n":1}' })) as { executionArn: string };
  assert.ok(started.executionArn.endsWith(`:${name}`) || name === '*', started.executionArn);
  return started.executionArn;
}

/** The sentence a refused action shows (support/commands.ts), from the action through the extension's own session. */
function failure(command: string, action: (aws: ExplorerTestApi['provider']['ctx']['aws']) => Promise<unknown>, ...args: unknown[]): Promise<string> {
  return refusal(command, args, () => action(api.provider.ctx.aws));
}

describe('executions in the tree (in the extension host, against the emulator)', function () {
  this.timeout(90_000);

  before(async () => {
    const seed = path.join(tmpdir(), `executions-seed-${process.pid}.yaml`);
    writeFileSync(seed, SEED);
    await control('POST', 'reset', { seed });
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    api = (await vscode.commands.executeCommand('awsWorkflows.__getExplorerForTests')) as ExplorerTestApi;
    await vscode.workspace.getConfiguration('awsWorkflows').update('regions', [REGION], vscode.ConfigurationTarget.Global);
    // Polling only runs while the view is visible.
    await vscode.commands.executeCommand('workbench.view.extension.awsWorkflows');
    await eventually('the view to show', async () => (api.treeView.visible ? true : undefined));
    api.provider.refresh();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('awsWorkflows').update('regions', undefined, vscode.ConfigurationTarget.Global);
    await control('POST', 'reset', { seed: 'demo' });
  });

  it('lists executions with status, start time and duration, filters them by status, and notes Express', async () => {
    const machine = await child(await child(await child(await child(undefined, REGION), 'Step Functions'), 'State machines'), 'Payments');
    assert.deepEqual((await children(machine)).map(label), ['Versions', 'Aliases', 'Executions']);
    const first = await start('Payments', '*');
    await start('Payments', '*');
    const list = await executionsOf('Payments');
    api.provider.refresh(list);
    const rows = await descriptions(list);
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => /: FAILED · \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · \d+ ms$/.test(r)), rows.join('\n'));
    const failedRow = (await children(list))[1];
    assert.equal((failedRow.getTreeItem().iconPath as vscode.ThemeIcon).id, 'error');
    assert.match(String(failedRow.getTreeItem().contextValue), /\bcanRedriveExecution\b/);

    await vscode.commands.executeCommand('awsWorkflows.explorer.filterExecutions', list, { status: 'SUCCEEDED' });
    assert.equal(list.getTreeItem().description, 'succeeded only');
    assert.deepEqual((await children(list)).map(label), ['No executions of Payments in us-east-1']);
    await vscode.commands.executeCommand('awsWorkflows.explorer.filterExecutions', list, { status: 'FAILED' });
    assert.equal((await children(list)).length, 2);
    await vscode.commands.executeCommand('awsWorkflows.explorer.filterExecutions', list, { status: '' });
    assert.equal(list.getTreeItem().description, undefined);
    assert.ok(first);

    const express = await executionsOf('Quick');
    assert.deepEqual((await children(express)).map(label), ["Express executions are not listed by Step Functions: they are recorded in the state machine's CloudWatch Logs log group."]);
  });

  it('refreshes running executions by itself until they end, and Stop refuses one that has ended', async () => {
    const arn = await start('Approvals', '*');
    const list = await executionsOf('Approvals');
    api.provider.refresh(list);
    assert.deepEqual((await descriptions(list)).map((r) => r.split(' · ')[0]), [`${arn.split(':').pop()}: RUNNING`]);
    assert.match(String((await children(list))[0].getTreeItem().contextValue), /\bcanStopExecution\b/);
    assert.equal(api.provider.ctx.poller.active, 1, 'a list with a running execution polls');
    // Stopped elsewhere (no tree node given): the list finds out by polling.
    const done = (await vscode.commands.executeCommand('awsWorkflows.explorer.stopExecution', { region: REGION, executionArn: arn })) as string;
    assert.equal(done, `Stopped execution ${arn.split(':').pop()} in ${REGION}.`);
    await eventually('the list to show ABORTED', async () => {
      const rows = await descriptions(list);
      return rows[0]?.includes(': ABORTED · ') ? rows : undefined;
    });
    await eventually('polling to stop', async () => (api.provider.ctx.poller.active === 0 ? true : undefined));
    assert.equal(await failure('awsWorkflows.explorer.stopExecution', (aws) => stopExecution(aws, { region: REGION, executionArn: arn }), { region: REGION, executionArn: arn }), `Execution ${arn.split(':').pop()} has already ended (ABORTED); there is nothing to stop.`);
  });

  it("a whole-tree refresh stops polling the old tree's lists (one still shown registers again when listed)", async () => {
    const arn = await start('Approvals', '*');
    const list = await executionsOf('Approvals');
    api.provider.refresh(list);
    await children(list);
    assert.equal(api.provider.ctx.poller.active, 1);
    api.provider.refresh();
    assert.equal(api.provider.ctx.poller.active, 0, 'nothing polls for a list of the old tree');
    const again = await executionsOf('Approvals');
    await children(again);
    assert.equal(api.provider.ctx.poller.active, 1, 'the list of the new tree polls');
    await vscode.commands.executeCommand('awsWorkflows.explorer.stopExecution', { region: REGION, executionArn: arn });
    await eventually('polling to stop', async () => (api.provider.ctx.poller.active === 0 ? true : undefined));
  });

  it('pauses polling while the view is hidden and resumes when it shows again', async () => {
    await start('Approvals', '*');
    const list = await executionsOf('Approvals');
    api.provider.refresh(list);
    await children(list);
    assert.equal(api.provider.ctx.poller.active, 1);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await eventually('polling to pause', async () => (api.provider.ctx.poller.active === 0 ? true : undefined));
    await vscode.commands.executeCommand('workbench.view.extension.awsWorkflows');
    await eventually('polling to resume', async () => (api.provider.ctx.poller.active === 1 ? true : undefined));
  });

  it('redrives a failed execution once its mock is fixed, and says why one cannot be redriven', async () => {
    const list = await executionsOf('Payments');
    api.provider.refresh(list);
    const failed = (await children(list))[0];
    await control('PUT', `mocks/${REGION}/Payments`, { Charge: { result: { Payload: 'charged' } } });
    const done = (await vscode.commands.executeCommand('awsWorkflows.explorer.redriveExecution', failed)) as string;
    assert.match(done, /^Redrove execution .+ in us-east-1: it runs again from the state that failed\.$/);
    const rows = await eventually('the redriven execution to succeed', async () => {
      const r = await descriptions(list);
      return r[0]?.includes(': SUCCEEDED · ') ? r : undefined;
    });
    assert.ok(rows[0]);
    const succeeded = (await children(list))[0];
    const succeededArn = (succeeded as unknown as { item: { arn: string } }).item.arn;
    assert.equal(await failure('awsWorkflows.explorer.redriveExecution', (aws) => redriveExecution(aws, { region: REGION, executionArn: succeededArn }), succeeded), `Execution ${label(succeeded)} cannot be redriven: Execution is SUCCEEDED and cannot be redriven.`);
  });

  it('says which IAM action is missing when listing executions is denied', async () => {
    await control('POST', 'faults', { service: 'states', operation: 'ListExecutions', kind: 'accessDenied' });
    const list = await executionsOf('Payments');
    api.provider.refresh(list);
    const [error] = await children(list);
    assert.match(label(error), /Step Functions ListExecutions for Payments in us-east-1 failed: access denied\..*states:ListExecutions/);
  });
});
