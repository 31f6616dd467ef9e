// MWAA environments' DAGs in the explorer, inside the real extension host against the emulator's
// demo seed: DAGs (Airflow 2 and 3), Trigger DAG with its conf, the run followed to its end, task
// instances, Show Task Log, Pause/Unpause, and the failures each as one sentence.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { configure, control, explorerTree, label, type ExplorerTree } from './support/tree';

let tree: ExplorerTree;

const description = (node: ExplorerNode) => String(node.getTreeItem().description ?? '');
const contextValue = (node: ExplorerNode) => String(node.getTreeItem().contextValue ?? '');

async function invokeCalls(method: string, pathPart: string): Promise<number> {
  const requests = (await control('requests')) as { operation?: string; body?: { Method?: string; Path?: string } }[];
  return requests.filter((r) => r.operation === 'InvokeRestApi' && r.body?.Method === method && r.body.Path?.includes(pathPart)).length;
}

/** Reads the tree until `done` holds: the explorer's poller refreshes the DAG's runs while the view is visible. */
async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('MWAA DAGs in the explorer (in the extension host, against the emulator)', function () {
  this.timeout(90_000);

  before(async () => {
    await control('reset', { seed: 'demo' });
    tree = await explorerTree();
    await vscode.commands.executeCommand('awsWorkflows.resources.focus');
    await tree.fresh(50);
  });

  after(async () => {
    await configure('explorer.pageSize', undefined);
    await configure('regions', undefined);
  });

  it('lists an Airflow 2 environment’s DAGs with paused state, schedule and last run state, paged', async () => {
    const dags = await tree.children(await tree.path('us-east-1', 'MWAA environments', 'DemoAirflow'));
    assert.deepEqual(dags.map(label), ['ingest', 'nightly_etl', 'weekly_cleanup']);
    assert.deepEqual(dags.map(description), ['@hourly · last run failed', '0 2 * * * · last run success', 'paused · @weekly']);
    assert.match(contextValue(dags[2]), /\bdagPaused\b/);
    assert.match(contextValue(dags[1]), /\bdagActive\b/);
    await tree.fresh(2, ['us-east-1']);
    const env = await tree.path('us-east-1', 'MWAA environments', 'DemoAirflow');
    let page = await tree.children(env);
    assert.deepEqual(page.map(label), ['ingest', 'nightly_etl', 'Load more…']);
    await vscode.commands.executeCommand('awsWorkflows.explorer.loadMore', page[2]);
    page = await tree.children(env);
    assert.deepEqual(page.map(label), ['ingest', 'nightly_etl', 'weekly_cleanup']);
    await tree.fresh(50);
  });

  it('lists an Airflow 3 environment’s DAGs through the v2 API', async () => {
    const dags = await tree.children(await tree.path('eu-west-1', 'MWAA environments', 'EuropeAirflow'));
    assert.deepEqual(dags.map((d) => `${label(d)}: ${description(d)}`), ['eu_invoices: 0 6 * * * · last run success', 'eu_reports: Never, external triggers only']);
  });

  it('checks the conf before sending, triggers, follows the run to its end, and shows a failed task’s log', async () => {
    const dag = await tree.path('us-east-1', 'MWAA environments', 'DemoAirflow', 'ingest');
    const before = await invokeCalls('POST', '/dagRuns');
    await vscode.commands.executeCommand('awsWorkflows.explorer.triggerDag', dag, { conf: '[1, 2]' });
    await vscode.commands.executeCommand('awsWorkflows.explorer.triggerDag', dag, { conf: '{"day": ' });
    assert.equal(await invokeCalls('POST', '/dagRuns'), before, 'a conf that is not a JSON object is never sent');

    const run = (await vscode.commands.executeCommand('awsWorkflows.explorer.triggerDag', dag, { conf: '{"day": "2026-11-30"}' })) as { runId: string; state: string };
    assert.match(run.runId, /^vsc-/);
    const state = (await control('state')) as { regions: Record<string, { airflow: { environments: Record<string, { airflow: { runs: { runId: string; conf: unknown }[] } }> } }> };
    assert.deepEqual(state.regions['us-east-1'].airflow.environments.DemoAirflow.airflow.runs.find((r) => r.runId === run.runId)?.conf, { day: '2026-11-30' });

    // No refresh from the test: the DAG node polls while its run is active and the view is visible.
    const runs = await eventually(() => tree.children(dag), (nodes) => label(nodes[0]) === run.runId && /^failed/.test(description(nodes[0])), 'the triggered run to fail');
    assert.match(description(dag), /last run failed/);
    const tasks = await tree.children(runs[0]);
    assert.deepEqual(tasks.map((t) => `${label(t)}: ${description(t).replace(/ · [\d.]+ s$/, '')}`), ['fetch: success · try 1', 'parse: failed · try 2', 'publish: upstream_failed']);
    assert.equal(tasks[1].getTreeItem().command?.command, 'awsWorkflows.explorer.showTaskLog');
    assert.equal(tasks[2].getTreeItem().command, undefined, 'a task that never ran has no log');

    const shown = (await vscode.commands.executeCommand('awsWorkflows.explorer.showTaskLog', tasks[1], 1)) as { uri: string };
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), shown.uri);
    const text = editor!.document.getText();
    assert.match(text, /^# ingest · run vsc-\S+ · parse · try 1 of 2 · failed/);
    assert.match(text, /Starting attempt 1 of 2/);
    assert.match(text, /ValueError: parse: the input file is empty/);
    assert.match(text, /Marking task as UP_FOR_RETRY/);
  });

  it('pauses and unpauses a DAG, in Airflow and in the tree', async () => {
    const dag = await tree.path('us-east-1', 'MWAA environments', 'DemoAirflow', 'nightly_etl');
    const pausedIn = async () =>
      ((await control('state')) as { regions: Record<string, { airflow: { environments: Record<string, { airflow: { dags: Record<string, { paused: boolean }> } }> } }> }).regions['us-east-1'].airflow.environments.DemoAirflow.airflow.dags.nightly_etl.paused;
    await vscode.commands.executeCommand('awsWorkflows.explorer.pauseDag', dag);
    assert.equal(await pausedIn(), true);
    assert.match(description(dag), /^paused · /);
    assert.match(contextValue(dag), /\bdagPaused\b/);
    await vscode.commands.executeCommand('awsWorkflows.explorer.unpauseDag', dag);
    assert.equal(await pausedIn(), false);
    assert.match(contextValue(dag), /\bdagActive\b/);
  });

  it('says in one sentence: access denied naming airflow:InvokeRestApi, a private web server, Airflow’s status and detail', async () => {
    await control('faults', { service: 'airflow', operation: 'InvokeRestApi', count: 1, kind: 'accessDenied' });
    tree.api.provider.refresh();
    const denied = await tree.children(await tree.path('us-east-1', 'MWAA environments', 'DemoAirflow'));
    assert.equal(denied.length, 1);
    assert.match(label(denied[0]), /^Could not list DAGs of DemoAirflow — .*access denied.*IAM permission airflow:InvokeRestApi on DemoAirflow/);
    await vscode.commands.executeCommand('awsWorkflows.explorer.retry', denied[0]);
    assert.equal((await tree.children(await tree.path('us-east-1', 'MWAA environments', 'DemoAirflow'))).length, 3, 'retry recovers');

    const privateDags = await tree.children(await tree.path('us-east-1', 'MWAA environments', 'PrivateAirflow'));
    assert.match(label(privateDags[0]), /private \(PRIVATE_ONLY\), so InvokeRestApi reaches it only from inside the environment's VPC/);

    // A try that does not exist: Airflow's 404 and its own detail, through RestApiClientException.
    const dag = await tree.path('us-east-1', 'MWAA environments', 'DemoAirflow', 'ingest');
    const task = (await tree.children((await tree.children(dag))[0]))[1] as ExplorerNode & { api: { readLog(d: string, r: string, t: string, n: number): Promise<unknown> }; item: { dagId: string; runId: string } };
    const err = await task.api.readLog(task.item.dagId, task.item.runId, 'parse', 7).then(() => undefined, (e: Error) => e);
    assert.match(String(err?.message), /^Could not read the log of ingest\.parse \(try 7\) on MWAA environment DemoAirflow in us-east-1: Airflow 2 answered 404: .*has no try 7\. It may have been removed/);
  });
});
