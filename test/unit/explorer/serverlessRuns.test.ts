// MWAA Serverless runs, task instances and task logs through the real AwsSession (our client and
// the CloudWatch Logs SDK) against the emulator's demo seed.
import * as assert from 'node:assert/strict';
import { AwsSession } from '../../../src/aws/session';
import { silentLogger } from '../../../src/core/log';
import { listChildPage, listGroupPage } from '../../../src/explorer/model/listing';
import type { ResourceItem } from '../../../src/explorer/model/resources';
import { listServerlessTasks, startServerlessRun, stopServerlessRun, taskLogLocation, workflowParams, type ServerlessRunRef } from '../../../src/explorer/model/serverlessRuns';
import { TaskLogSession } from '../../../src/taskLogs/taskLogSession';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

describe('MWAA Serverless runs and task logs against the emulator (demo seed)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let session: AwsSession;
  let workflow: ResourceItem;

  const fault = (body: object) => fetch(`${emulator.endpoint}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const refOf = (run: ResourceItem): ServerlessRunRef => ({ region: run.region, workflowArn: run.arn!, workflowName: run.workflowName!, runId: run.name, workflowVersion: run.workflowVersion });

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', quiet: true, timeScale: 0.002 });
    session = new AwsSession({
      logger: silentLogger,
      env: { AWS_ENDPOINT_URL: emulator.endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' },
      retry: { maxAttempts: 1 },
    });
    workflow = (await listGroupPage(session, 'mwaaServerlessWorkflows', 'us-east-1', 50)).items.find((w) => w.name === 'nightly-etl')!;
  });
  after(async () => {
    session?.dispose();
    await emulator?.stop();
  });

  it("lists the demo's failed and succeeded runs with times, and a failed run's tasks with attempt, duration and error", async () => {
    const runs = (await listChildPage(session, 'mwaaServerlessRuns', workflow, 50)).items;
    assert.deepEqual(runs.map((r) => r.status), ['FAILED', 'SUCCESS']);
    assert.ok(runs.every((r) => r.startedAt && r.stoppedAt && r.stoppedAt >= r.startedAt));
    const tasks = await listServerlessTasks(session, refOf(runs[0]), 50, undefined, 'x');
    assert.deepEqual(tasks.items.map((t) => [t.taskId, t.status, t.attempt]), [['list_inputs', 'FAILED', 1], ['done', 'UPSTREAM_FAILED', 0]]);
    assert.match(tasks.items[0].error!, /the input file is empty/);
    assert.equal(typeof tasks.items[0].durationSeconds, 'number');
    assert.ok(tasks.items[0].logStream);
    assert.equal(tasks.items[1].logStream, undefined);
  });

  it("reads the DAG's params for Start Run and starts a version with checked overrides, then stops it", async () => {
    const params = await workflowParams(session, workflow, undefined);
    assert.deepEqual(params, { dagId: 'nightly_etl', params: { day: 'yesterday', prefix: 'input/' } });
    const run = await startServerlessRun(session, workflow, { version: workflow.version, parameters: { day: '2026-11-30' } });
    assert.equal(run.status, 'STARTING');
    const listed = (await listChildPage(session, 'mwaaServerlessRuns', workflow, 50)).items.find((r) => r.name === run.runId)!;
    assert.equal(listed.workflowVersion, workflow.version);
    assert.equal(await stopServerlessRun(session, refOf(listed)), 'STOPPING');
    const again = await stopServerlessRun(session, refOf(listed)).catch((e: Error) => e);
    assert.match(String((again as Error).message), /^MWAA Serverless StopWorkflowRun for run .* failed: it conflicts with the resource's current state/);
  });

  it('opens a failed task log at its newest page and names the IAM action when refused', async () => {
    const runs = (await listChildPage(session, 'mwaaServerlessRuns', workflow, 50)).items;
    const failed = runs.find((r) => r.status === 'FAILED')!;
    const [task] = (await listServerlessTasks(session, refOf(failed), 50, undefined, 'x')).items;
    const log = await TaskLogSession.open(session, task, () => undefined);
    assert.equal(log.following, false);
    assert.equal(log.pager.hasOlder, false);
    assert.match(log.text, /^# nightly-etl · run [0-9a-f]+ · task list_inputs · attempt 1 · FAILED\n# CloudWatch Logs us-east-1 · log group \/aws\/mwaa-serverless\/nightly-etl · stream dag_id=nightly_etl\/run_id=[0-9a-f]+\/task_id=list_inputs\/attempt=1\.log\n/);
    assert.match(log.text, /ValueError: list_inputs: the input file is empty/);
    log.dispose();

    await fault({ service: 'logs', operation: 'GetLogEvents', kind: 'accessDenied' });
    const denied = await TaskLogSession.open(session, task, () => undefined).catch((e: Error) => e);
    assert.match(String((denied as Error).message), /^CloudWatch Logs GetLogEvents for log stream .* failed: access denied\..* needs the IAM permission logs:GetLogEvents/);
    await fault({ service: 'airflow-serverless', operation: 'StartWorkflowRun', kind: 'accessDenied' });
    const startDenied = await startServerlessRun(session, workflow, {}).catch((e: Error) => e);
    assert.match(String((startDenied as Error).message), /airflow-serverless:StartWorkflowRun/);
  });

  it('says which is missing when the log group or the stream is gone', async () => {
    const runs = (await listChildPage(session, 'mwaaServerlessRuns', workflow, 50)).items;
    const [task] = (await listServerlessTasks(session, refOf(runs.find((r) => r.status === 'SUCCESS')!), 50, undefined, 'x')).items;
    const where = await taskLogLocation(session, task);
    const { logPageFetcher } = await import('../../../src/explorer/model/serverlessRuns');
    const noGroup = await logPageFetcher(session, { ...where, logGroup: '/gone' })({ limit: 10 }).catch((e: Error) => e);
    assert.equal((noGroup as Error).message, "Could not read the task log: the log group /gone does not exist in us-east-1. Check the workflow's logging configuration (LoggingConfiguration.LogGroupName) and that the group was not deleted.");
    const noStream = await logPageFetcher(session, { ...where, logStream: 'gone' })({ limit: 10 }).catch((e: Error) => e);
    assert.match((noStream as Error).message, /^Could not read the task log: the log stream gone does not exist in log group \/aws\/mwaa-serverless\/nightly-etl \(us-east-1\)/);
  });

  it('follows a running task: appends its lines and stops when it finishes', async () => {
    const run = await startServerlessRun(session, workflow, {});
    const ref: ServerlessRunRef = { region: 'us-east-1', workflowArn: workflow.arn!, workflowName: workflow.name, runId: run.runId };
    // Wait (bounded) for the first task to start, so it has a log stream.
    let task;
    for (let i = 0; i < 200 && !task?.logStream; i++) {
      [task] = (await listServerlessTasks(session, ref, 50, undefined, 'x')).items;
      if (!task.logStream) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(task?.logStream, 'the first task started');
    let changes = 0;
    const log = await TaskLogSession.open(session, { ...task, status: 'RUNNING' }, () => changes++);
    assert.equal(log.following, true);
    for (let i = 0; i < 300 && log.following; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(log.following, false, 'stopped following once the task finished');
    assert.ok(changes > 0);
    assert.match(log.pager.lines.at(-1)!, /return code 0/);
    log.dispose();
  });
});
