// The execution view inside the real extension host, against the emulator (which runs the
// definitions): what it shows (status, the failed state's error, the graph coloured by outcome,
// history, Map Runs) and each action (Redrive, Stop, Start again, Copy ARN, Open in Console),
// with refusals as one sentence; and the reusable view (Markdown preview style): an unlocked view
// moves to the next execution opened, a locked one keeps its own. The page's messages are read where
// the panel posts them.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { control, eventually } from './support/emulator';
import type { ExecutionPanel, ExecutionPanelDeps } from '../../src/runs/executionPanel';
import type { ToView } from '../../src/runs/protocol';

const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';
const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

const SEED = `
buckets:
  - name: view-items
    region: ${REGION}
    objects:
      items.json: '[1, 2, 3]'
regions:
  ${REGION}:
    stateMachines:
      - name: ViewPayments
        definition:
          StartAt: Reserve
          States:
            Reserve: { Type: Pass, Result: reserved, ResultPath: $.reserved, Next: Charge }
            Charge: { Type: Task, Resource: "arn:aws:states:::lambda:invoke", End: true }
        mocks:
          Charge: { errorOutput: { error: Payment.Declined, cause: card expired } }
      - name: ViewWaits
        definition:
          StartAt: Hold
          States:
            Hold: { Type: Task, Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", End: true }
      - name: ViewFanout
        definition:
          StartAt: Each
          States:
            Each:
              Type: Map
              ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: JSON }, Parameters: { Bucket: view-items, Key: items.json } }
              ItemProcessor: { ProcessorConfig: { Mode: DISTRIBUTED, ExecutionType: STANDARD }, StartAt: P, States: { P: { Type: Pass, End: true } } }
              End: true
`;

interface Hook {
  ExecutionPanel: typeof ExecutionPanel;
  deps: ExecutionPanelDeps;
}
let hook: Hook;
const seedFile = path.join(tmpdir(), `execution-view-seed-${process.pid}.yaml`);
const clipboard: string[] = [];
const opened: string[] = [];

async function start(machine: string): Promise<string> {
  const res = (await vscode.commands.executeCommand('awsWorkflows.explorer.startExecution', { kind: 'stateMachine', region: REGION, name: machine, arn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${machine}` }, { input: '{"order":7}' })) as { executionArn: string };
  return res.executionArn;
}

/** The view has loaded `executionArn` (a reused view may still hold another's messages before its 'show'). */
const showing = (panel: ExecutionPanel, executionArn: string) => eventually(`the view to show ${executionArn.split(':').pop()}`, () => {
  const m = last(panel, 'execution');
  return m?.execution.executionArn === executionArn ? m : undefined;
});

const executionTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('awsWorkflows.execution'));

async function open(executionArn: string): Promise<ExecutionPanel> {
  await vscode.commands.executeCommand('awsWorkflows.openExecution', { region: REGION, executionArn });
  return eventually('the panel', () => hook.ExecutionPanel.forTests(executionArn));
}

function last<T extends ToView['type']>(panel: ExecutionPanel, type: T): Extract<ToView, { type: T }> | undefined {
  return [...panel.posted].reverse().find((m) => m.type === type) as Extract<ToView, { type: T }> | undefined;
}

const shown = (panel: ExecutionPanel, status: string) => eventually(`the view to show ${status}`, () => {
  const m = last(panel, 'execution');
  return m?.execution.status === status ? m : undefined;
});

describe('execution view (in the extension host, against the emulator)', function () {
  this.timeout(90_000);

  before(async () => {
    writeFileSync(seedFile, SEED);
    await control('POST', 'reset', { seed: seedFile });
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    hook = (await vscode.commands.executeCommand('awsWorkflows.__getExecutionViewsForTests')) as Hook;
    hook.deps.env = { writeClipboard: async (t) => void clipboard.push(t), openExternal: async (u) => (opened.push(u.toString(true)), true) };
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await control('POST', 'reset', { seed: 'demo' });
  });

  it('shows a failed execution: status, the failed state selected with its error, the graph coloured, the history; CSP with a nonce', async () => {
    const arn = await start('ViewPayments');
    const panel = await open(arn);
    await shown(panel, 'FAILED');
    // The status and history show first; the graph follows in the next message.
    const m = await eventually('the graph', () => {
      const x = last(panel, 'execution');
      return x?.execution.status === 'FAILED' && x.graphSvg ? x : undefined;
    });
    assert.equal(m.execution.error, 'Payment.Declined');
    assert.equal(m.execution.input, '{"order":7}');
    const charge = m.states.find((s) => s.name === 'Charge');
    assert.deepEqual([charge?.status, charge?.error, charge?.cause, charge?.input], ['failed', 'Payment.Declined', 'card expired', '{"order":7,"reserved":"reserved"}']);
    assert.deepEqual(m.outcomes, { Reserve: 'succeeded', Charge: 'failed' });
    assert.match(m.graphSvg ?? '', /data-id="Charge"/);
    assert.ok(m.execution.redrivable);
    const history = last(panel, 'history');
    assert.ok(history?.rows.some((r) => r.type === 'TaskFailed' && r.detail.includes('error: Payment.Declined')), JSON.stringify(history?.rows.map((r) => r.type)));
    const html = panel.panel.webview.html;
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; [^"]*script-src 'nonce-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    // Offline: the only thing loaded is our bundled script, from the extension's own folder.
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((x) => x[1]);
    assert.equal(urls.length, 1);
    assert.match(urls[0], /vscode-resource.*\/dist\/executionView\.js$/);
  });

  it('Redrive after the mock is fixed, then refuses a second redrive in one sentence', async () => {
    const arn = await start('ViewPayments');
    const panel = await open(arn);
    await shown(panel, 'FAILED');
    await control('PUT', `mocks/${REGION}/ViewPayments`, { Charge: { result: { Payload: 'ok' } } });
    await panel.handle({ type: 'redrive' });
    const m = await shown(panel, 'SUCCEEDED');
    assert.equal(m.execution.redriveCount, 1);
    assert.equal(m.outcomes.Charge, 'succeeded');
    await panel.handle({ type: 'redrive' });
    assert.equal(last(panel, 'error')?.message, `Execution ${arn.split(':').pop()} cannot be redriven: Execution is SUCCEEDED and cannot be redriven.`);
  });

  it('Stop a running execution (the view follows it), then refuses to stop it again', async () => {
    const arn = await start('ViewWaits');
    const panel = await open(arn);
    const running = await shown(panel, 'RUNNING');
    assert.equal(running.states[0]?.status, 'running');
    await panel.handle({ type: 'stop' });
    const m = await shown(panel, 'ABORTED');
    assert.equal(m.outcomes.Hold, 'aborted');
    await panel.handle({ type: 'stop' });
    assert.equal(last(panel, 'error')?.message, `Execution ${arn.split(':').pop()} has already ended (ABORTED); there is nothing to stop.`);
  });

  it('polls a running execution with one request each time, and follows it to its end', async () => {
    const arn = await start('ViewWaits');
    const panel = await open(arn);
    await shown(panel, 'RUNNING');
    // The first load ends with the Map Runs; only polls come after it.
    await eventually('the first load', () => last(panel, 'mapRuns'));
    await control('DELETE', 'requests');
    type Logged = { operation: string; body: unknown };
    const about = (log: Logged[]) => log.filter((r) => JSON.stringify(r.body ?? '').includes(arn));
    const log = await eventually('two polls', async () => {
      const entries = about((await control('GET', 'requests')) as Logged[]);
      return entries.length >= 2 ? entries : undefined;
    });
    // Each poll is the newest events only: no Describe, no Map Runs, no graph while nothing ends.
    assert.deepEqual([...new Set(log.map((r) => r.operation))], ['GetExecutionHistory']);
    assert.ok(log.every((r) => (r.body as { reverseOrder?: boolean }).reverseOrder === true), JSON.stringify(log.map((r) => r.body)));
    // Stopped elsewhere: the next poll sees it end and the view loads everything once.
    const { client, sdk } = await hook.deps.aws.sfn(REGION);
    await client.send(new sdk.StopExecutionCommand({ executionArn: arn, error: 'Elsewhere' }));
    const m = await shown(panel, 'ABORTED');
    assert.equal(m.outcomes.Hold, 'aborted');
  });

  it('Start again with this input, Copy ARN and Open in AWS Console', async () => {
    const arn = await start('ViewPayments');
    const panel = await open(arn);
    await shown(panel, 'SUCCEEDED');
    await panel.handle({ type: 'copyArn' });
    assert.equal(clipboard.at(-1), arn);
    await panel.handle({ type: 'openConsole' });
    assert.equal(opened.at(-1), `https://${REGION}.console.aws.amazon.com/states/home?region=${REGION}#/v2/executions/details/${arn}`);
    const state = (await control('GET', 'state')) as { regions: Record<string, { states: { executions: Record<string, { input: string }> } }> };
    const before = Object.keys(state.regions[REGION].states.executions).length;
    await panel.handle({ type: 'startAgain' });
    const after = (await control('GET', 'state')) as typeof state;
    const added = Object.values(after.regions[REGION].states.executions).slice(before);
    assert.equal(added.length, 1);
    assert.equal(added[0].input, '{"order":7}');
  });

  it('shows Map Runs with their item counts', async () => {
    const arn = await start('ViewFanout');
    const panel = await open(arn);
    await shown(panel, 'SUCCEEDED');
    const runs = await eventually('Map Runs', () => last(panel, 'mapRuns'));
    assert.deepEqual(runs.runs.map((r) => [r.status, r.total, r.succeeded, r.failed]), [['SUCCEEDED', 3, 3, 0]]);
  });

  it('opening another execution reuses the unlocked view: one panel, its title and history are the new execution', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const a = await start('ViewPayments');
    const b = await start('ViewFanout');
    const view = await open(a);
    await showing(view, a);
    const again = await open(b);
    assert.equal(again, view);
    assert.equal(hook.ExecutionPanel.forTests(a), undefined);
    const m = await showing(view, b);
    assert.equal(m.execution.status, 'SUCCEEDED');
    assert.equal(view.panel.title, `Execution ${b.split(':').pop()} (SUCCEEDED)`);
    // The table holds B's events only (the page was told to start again: 'show' came first).
    assert.equal(view.posted[0]?.type, 'show');
    const history = await eventually("B's history", () => last(view, 'history'));
    assert.ok(history.rows.some((r) => r.type === 'MapRunStarted'), JSON.stringify(history.rows.map((r) => r.type)));
    assert.ok(!history.rows.some((r) => r.type === 'TaskStateEntered'), 'nothing of A (its Task state) is left');
    assert.equal(hook.ExecutionPanel.openViews().length, 1);
    await eventually('one execution tab', () => (executionTabs().length === 1 ? true : undefined));
  });

  it('a reused view in a background tab comes forward with the new execution', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const a = await start('ViewPayments');
    const b = await start('ViewFanout');
    const view = await open(a);
    await showing(view, a);
    // Another editor in front: the view's page is unloaded (no retainContextWhenHidden).
    await vscode.window.showTextDocument(vscode.Uri.file(seedFile), { viewColumn: vscode.ViewColumn.Active });
    await eventually('the view hidden', () => (view.panel.visible ? undefined : true));
    assert.equal(await open(b), view);
    const m = await showing(view, b);
    assert.equal(m.execution.status, 'SUCCEEDED');
    await eventually('the view in front', () => (view.panel.visible ? true : undefined));
    const history = await eventually("B's history", () => last(view, 'history'));
    assert.ok(history.rows.some((r) => r.type === 'MapRunStarted'));
  });

  it("stops polling an execution once the view moved to another; only the shown one is polled", async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const a = await start('ViewWaits');
    const b = await start('ViewWaits');
    const view = await open(a);
    await shown(view, 'RUNNING');
    await eventually('the first load of A', () => last(view, 'mapRuns'));
    await open(b);
    await shown(view, 'RUNNING');
    await eventually('the first load of B', () => last(view, 'mapRuns'));
    await control('DELETE', 'requests');
    type Logged = { operation: string; body: unknown };
    const log = await eventually('two polls of B', async () => {
      const entries = (await control('GET', 'requests')) as Logged[];
      return entries.filter((r) => JSON.stringify(r.body ?? '').includes(b)).length >= 2 ? entries : undefined;
    });
    assert.deepEqual(log.filter((r) => JSON.stringify(r.body ?? '').includes(a)), []);
    const { client, sdk } = await hook.deps.aws.sfn(REGION);
    for (const executionArn of [a, b]) await client.send(new sdk.StopExecutionCommand({ executionArn }));
  });

  it('a locked view keeps its execution: the next opens in a new view, and opening the locked one reveals it', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const [a, b, c] = [await start('ViewPayments'), await start('ViewPayments'), await start('ViewPayments')];
    const locked = await open(a);
    const { status } = (await showing(locked, a)).execution;
    await eventually('the view active', () => (locked.panel.active ? true : undefined));
    await vscode.commands.executeCommand('awsWorkflows.lockExecutionView');
    assert.ok(locked.isLocked);
    assert.equal(locked.panel.title, `[Locked] Execution ${a.split(':').pop()} (${status})`);
    assert.ok(locked.posted.some((m) => m.type === 'locked' && m.locked), 'the page is told, to keep it across a reload');
    const free = await open(b);
    assert.notEqual(free, locked);
    await showing(free, b);
    assert.equal(free.panel.title, `Execution ${b.split(':').pop()} (${status})`);
    const twoTabs = () => eventually('two execution tabs', () => (executionTabs().length === 2 ? true : undefined));
    await twoTabs();
    // A is shown in the locked view: that view comes forward, nothing moves.
    assert.equal(await open(a), locked);
    await eventually('the locked view in front', () => (locked.panel.active ? true : undefined));
    assert.equal(free.ref.executionArn, b);
    // C goes to the unlocked view.
    assert.equal(await open(c), free);
    assert.equal(locked.ref.executionArn, a);
    await twoTabs();
    assert.equal(hook.ExecutionPanel.openViews().length, 2);
    // Unlocked, the view shows the next execution opened while it is the most recent.
    locked.panel.reveal();
    await eventually('the locked view active', () => (locked.panel.active ? true : undefined));
    await vscode.commands.executeCommand('awsWorkflows.unlockExecutionView');
    assert.equal(locked.panel.title, `Execution ${a.split(':').pop()} (${status})`);
    assert.equal(await open(b), locked);
  });

  it('opens each execution in its own view when editor previews are off', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const config = vscode.workspace.getConfiguration('workbench.editor');
    await config.update('enablePreview', false, vscode.ConfigurationTarget.Global);
    try {
      const a = await open(await start('ViewPayments'));
      const b = await open(await start('ViewPayments'));
      assert.notEqual(a, b);
      await eventually('two execution tabs', () => (executionTabs().length === 2 ? true : undefined));
    } finally {
      await config.update('enablePreview', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('says which IAM action is missing when the history is denied', async () => {
    const arn = await start('ViewPayments');
    await control('POST', 'faults', { service: 'states', operation: 'GetExecutionHistory', kind: 'accessDenied' });
    const panel = await open(arn);
    const error = await eventually('the error', () => last(panel, 'error'));
    assert.match(error.message, /^Step Functions GetExecutionHistory for .+ in us-east-1 failed: access denied\..*states:GetExecutionHistory/);
  });
});
