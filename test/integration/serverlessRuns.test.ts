// MWAA Serverless runs in the explorer, inside the real extension host against the emulator's demo
// seed: runs with status, times and duration, task instances with attempt, duration and error,
// Start Run (a version, checked override parameters) followed to its end, Stop Run, Show Task Log
// (the newest page, older pages on demand), and each failure as one sentence naming the IAM action.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { listServerlessTasks, startServerlessRun, stopServerlessRun, type ServerlessRunRef } from '../../src/explorer/model/serverlessRuns';
import { TaskLogSession } from '../../src/taskLogs/taskLogSession';
import { refusal } from './support/commands';
import { eventually } from './support/emulator';
import { control, demoTreeShown, label, restoreDemoTree, type ExplorerTree } from './support/tree';

let tree: ExplorerTree;

const description = (node: ExplorerNode) => String(node.getTreeItem().description ?? '');
const contextValue = (node: ExplorerNode) => String(node.getTreeItem().contextValue ?? '');
const icon = (node: ExplorerNode) => (node.getTreeItem().iconPath as vscode.ThemeIcon).id;
type RunNode = ExplorerNode & { run: ServerlessRunRef; item: { status?: string } };
type TaskNode = ExplorerNode & { task: Parameters<typeof TaskLogSession.open>[1] };

const runsNode = () => tree.path('us-east-1', 'MWAA Serverless workflows', 'nightly-etl', 'Recent runs');
const runs = async () => tree.children(await runsNode());
/** The runs, once `done` holds of them: the explorer's poller lists them again while one is active. */
const runsWhen = (what: string, done: (rs: ExplorerNode[]) => boolean) =>
  eventually(what, async () => {
    const rs = await runs();
    return done(rs) ? rs : undefined;
  }, 30_000);

describe('MWAA Serverless runs in the explorer (in the extension host, against the emulator)', function () {
  this.timeout(120_000);

  before(async () => {
    tree = await demoTreeShown();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreDemoTree();
  });

  it('lists the runs with status icon, start time and duration, and a failed run’s task instances with attempt, duration and error', async () => {
    const workflow = await tree.path('us-east-1', 'MWAA Serverless workflows', 'nightly-etl');
    assert.deepEqual((await tree.children(workflow)).map(label), ['Versions', 'Recent runs']);
    const listed = await runs();
    assert.deepEqual(listed.map((r) => description(r).split(' · ')[0]), ['FAILED', 'SUCCESS']);
    assert.ok(listed.every((r) => /^\w+ · \d{4}-\d\d-\d\d \d\d:\d\d UTC · [\d.]+ (ms|s)$/.test(description(r))), listed.map(description).join('\n'));
    assert.deepEqual(listed.map(icon), ['error', 'pass']);
    assert.doesNotMatch(contextValue(listed[0]), /\bcanStopRun\b/);
    const tasks = await tree.children(listed[0]);
    assert.deepEqual(tasks.map(label), ['list_inputs', 'done']);
    assert.match(description(tasks[0]), /^FAILED · attempt 1 · [\d.]+ (ms|s) · ValueError: list_inputs: the input file is empty$/);
    assert.equal(description(tasks[1]), 'UPSTREAM_FAILED');
    assert.match(contextValue(tasks[0]), /\bhasServerlessTaskLog\b/);
    assert.doesNotMatch(contextValue(tasks[1]), /\bhasServerlessTaskLog\b/);
    assert.equal(tasks[0].getTreeItem().command?.command, 'awsWorkflows.explorer.showServerlessTaskLog');
  });

  it('shows a failed task’s log in a read-only editor at its newest lines', async () => {
    const task = (await tree.children((await runs())[0]))[0];
    const shown = (await vscode.commands.executeCommand('awsWorkflows.explorer.showServerlessTaskLog', task)) as { uri: string; lines: number; hasOlder: boolean; following: boolean };
    assert.ok(shown, 'Show Task Log was refused');
    assert.deepEqual([shown.hasOlder, shown.following], [false, false]);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.scheme, 'aws-workflows-task-log');
    assert.equal(editor.document.languageId, 'log');
    assert.match(editor.document.getText(), /^# nightly-etl · run [0-9a-f]+ · task list_inputs · attempt 1 · FAILED\n/);
    assert.match(editor.document.getText(), /ValueError: list_inputs: the input file is empty/);
    assert.equal(editor.selection.active.line, editor.document.lineCount - 1, 'the view starts at the newest line');
  });

  it('checks override parameters against the DAG’s params, starts a run of a version, and follows it to its end', async () => {
    const workflow = await tree.path('us-east-1', 'MWAA Serverless workflows', 'nightly-etl');
    const before = (await runs()).length;
    assert.equal(await vscode.commands.executeCommand('awsWorkflows.explorer.startRun', workflow, { version: 'latest', parameters: '{"dya": "x"}' }), undefined, 'an undeclared param is refused');
    const state = () => control('state') as Promise<{ regions: Record<string, { airflowServerless: { runs: Record<string, { overrideParameters?: unknown }> } }> }>;
    assert.equal(Object.keys((await state()).regions['us-east-1'].airflowServerless.runs).length, before, 'an undeclared param is never sent');

    const run = (await vscode.commands.executeCommand('awsWorkflows.explorer.startRun', workflow, { version: 'latest', parameters: '{"day": "2026-11-30"}' })) as { runId: string; status: string };
    assert.equal(run.status, 'STARTING');
    assert.deepEqual((await state()).regions['us-east-1'].airflowServerless.runs[run.runId].overrideParameters, { day: '2026-11-30' });
    // The runs list polls while the run is active, until it ends.
    const done = await runsWhen(`run ${run.runId} to succeed`, (rs) => rs.some((r) => label(r) === run.runId && description(r).startsWith('SUCCESS')));
    assert.equal(label(done[0]), run.runId, 'newest first');
    const tasks = await tree.children(done[0]);
    assert.deepEqual(tasks.map((t) => description(t).split(' · ')[0]), ['SUCCESS', 'SUCCESS']);
  });

  it('stops a running run after the confirmation; a finished run cannot be stopped', async () => {
    const workflow = await tree.path('us-east-1', 'MWAA Serverless workflows', 'nightly-etl');
    const run = (await vscode.commands.executeCommand('awsWorkflows.explorer.startRun', workflow, { version: 'latest', parameters: '' })) as { runId: string };
    const node = (await runsWhen('the new run', (rs) => rs.some((r) => label(r) === run.runId))).find((r) => label(r) === run.runId) as RunNode;
    assert.match(contextValue(node), /\bcanStopRun\b/);
    assert.equal(await vscode.commands.executeCommand('awsWorkflows.explorer.stopRun', node, { confirmed: true }), 'STOPPING');
    const stopped = await runsWhen('the run to be stopped', (rs) => rs.some((r) => label(r) === run.runId && description(r).startsWith('STOPPED')));
    const finished = stopped.find((r) => label(r) === run.runId) as RunNode;
    assert.doesNotMatch(contextValue(finished), /\bcanStopRun\b/);
    assert.equal(await vscode.commands.executeCommand('awsWorkflows.explorer.stopRun', finished, { confirmed: true }), undefined, 'a stopped run is not stopped again');
  });

  it('says in one sentence what each refusal needs: StartWorkflowRun, StopWorkflowRun, ListWorkflowRuns, ListTaskInstances, GetLogEvents', async () => {
    const workflow = await tree.path('us-east-1', 'MWAA Serverless workflows', 'nightly-etl');
    const aws = tree.api.provider.ctx.aws;
    const deny = (service: string, operation: string) => control('faults', { service, operation, count: 1, kind: 'accessDenied' });

    await deny('airflow-serverless', 'StartWorkflowRun');
    await deny('airflow-serverless', 'StartWorkflowRun');
    const start = await refusal('awsWorkflows.explorer.startRun', [workflow, { version: 'latest', parameters: '' }], () => startServerlessRun(aws, (workflow as ExplorerNode & { item: Parameters<typeof startServerlessRun>[1] }).item, {}));
    assert.match(start, /^MWAA Serverless StartWorkflowRun for nightly-etl in us-east-1 failed: access denied\..*IAM permission airflow-serverless:StartWorkflowRun/);

    const run = (await vscode.commands.executeCommand('awsWorkflows.explorer.startRun', workflow, { version: 'latest', parameters: '' })) as { runId: string };
    const node = (await runsWhen('the new run', (rs) => rs.some((r) => label(r) === run.runId))).find((r) => label(r) === run.runId) as RunNode;
    await deny('airflow-serverless', 'StopWorkflowRun');
    await deny('airflow-serverless', 'StopWorkflowRun');
    const stop = await refusal('awsWorkflows.explorer.stopRun', [node, { confirmed: true }], () => stopServerlessRun(aws, node.run));
    assert.match(stop, /IAM permission airflow-serverless:StopWorkflowRun on run /);
    // Stopped for real, so its list stops polling before the next suite counts the poller's lists.
    assert.equal(await vscode.commands.executeCommand('awsWorkflows.explorer.stopRun', node, { confirmed: true }), 'STOPPING');
    await runsWhen('the run to be stopped', (rs) => rs.some((r) => label(r) === run.runId && description(r).startsWith('STOPPED')));
    await eventually('the runs list to stop polling', () => (tree.api.provider.ctx.poller.active === 0 ? true : undefined));

    await deny('airflow-serverless', 'ListWorkflowRuns');
    const list = await runsNode();
    (list as ExplorerNode & { reset(): void }).reset();
    const denied = await tree.children(list);
    assert.match(label(denied[0]), /^Could not list runs of nightly-etl — .*IAM permission airflow-serverless:ListWorkflowRuns/);
    await vscode.commands.executeCommand('awsWorkflows.explorer.retry', denied[0]);

    const failedRun = (await runs()).find((r) => description(r).startsWith('FAILED')) as RunNode;
    await deny('airflow-serverless', 'ListTaskInstances');
    (failedRun as ExplorerNode & { reset(): void }).reset();
    const noTasks = await tree.children(failedRun);
    assert.match(label(noTasks[0]), /^Could not list task instances of run .*IAM permission airflow-serverless:ListTaskInstances/);
    await vscode.commands.executeCommand('awsWorkflows.explorer.retry', noTasks[0]);
    const task = (await tree.children(failedRun))[0] as TaskNode;
    assert.equal(label(task), 'list_inputs', 'retry recovers');

    await deny('logs', 'GetLogEvents');
    await deny('logs', 'GetLogEvents');
    const log = await refusal('awsWorkflows.explorer.showServerlessTaskLog', [task], () => TaskLogSession.open(aws, task.task, () => undefined));
    assert.match(log, /^CloudWatch Logs GetLogEvents for log stream dag_id=.* failed: access denied\..*IAM permission logs:GetLogEvents/);
    // The task instance node of a task that never started has no log to show.
    const upstream = (await tree.children(failedRun))[1] as TaskNode;
    assert.equal(await vscode.commands.executeCommand('awsWorkflows.explorer.showServerlessTaskLog', upstream), undefined);
    const tasks = await listServerlessTasks(aws, failedRun.run, 50, undefined, 'x');
    assert.equal(tasks.items[1].logStream, undefined);
  });

  it('loads a long log page by page: the newest 1,000 lines first, older ones on demand', async () => {
    const seed = path.join(tmpdir(), `serverless-long-${process.pid}.yaml`);
    writeFileSync(seed, `buckets:\n  - name: dags\n    objects:\n      long.yaml: |\n        long:\n          tasks:\n            chatty: { operator: x.BashOperator }\nregions:\n  us-east-1:\n    mwaaServerlessWorkflows:\n      - { name: long-log, bucket: dags, key: long.yaml, logGroup: /aws/mwaa-serverless/long-log, logLines: 2500, runs: [{}] }\n`);
    await control('reset', { seed });
    tree.api.provider.refresh();
    const run = (await tree.children(await tree.path('us-east-1', 'MWAA Serverless workflows', 'long-log', 'Recent runs')))[0];
    const task = (await tree.children(run))[0];
    const shown = (await vscode.commands.executeCommand('awsWorkflows.explorer.showServerlessTaskLog', task)) as { uri: string; lines: number; hasOlder: boolean };
    assert.deepEqual([shown.lines, shown.hasOlder], [1000, true]);
    const document = vscode.window.activeTextEditor!.document;
    assert.match(document.getText(), /Older lines are not loaded yet/);
    assert.doesNotMatch(document.getText(), /line 1 of 2500\n/);
    assert.equal(await vscode.commands.executeCommand('awsWorkflows.taskLog.loadOlder', document.uri), 1000);
    assert.equal(await vscode.commands.executeCommand('awsWorkflows.taskLog.loadOlder', document.uri), 505);
    await eventually('the whole log', () => {
      const t = document.getText();
      return t.includes('chatty: line 1 of 2500\n') && !t.includes('Older lines are not loaded') ? t : undefined;
    });
    assert.equal(await vscode.commands.executeCommand('awsWorkflows.taskLog.loadOlder', document.uri), 0);
  });
});
