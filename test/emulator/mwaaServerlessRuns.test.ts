import assert from 'node:assert/strict';
import { CloudWatchLogsClient, FilterLogEventsCommand, GetLogEventsCommand, ResourceNotFoundException, type OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { MwaaServerlessClient } from '../../src/aws/mwaaServerless';
import type { RunningEmulator } from './server';
import { clients, control, credentials, eventually, rejection, startTestEmulator } from './testSupport';

const ROLE = 'arn:aws:iam::000000000000:role/ServerlessRole';
const GROUP = '/aws/mwaa-serverless/etl';
const DAG = `etl:
  dag_id: etl
  params: { day: "today" }
  tasks:
    load:
      operator: airflow.providers.amazon.aws.operators.s3.S3CopyObjectOperator
      task_id: load
      dependencies: [extract]
    extract:
      operator: airflow.providers.standard.operators.empty.EmptyOperator
      task_id: extract
`;

describe('emulator: MWAA Serverless runs and their CloudWatch Logs', () => {
  let emulator: RunningEmulator;
  let mws: MwaaServerlessClient;
  let logs: CloudWatchLogsClient;
  let workflowArn: string;

  before(async () => {
    // 120 service seconds per task become 120 ms.
    emulator = await startTestEmulator({ timeScale: 0.001 });
    const { s3 } = clients(emulator);
    await s3.send(new CreateBucketCommand({ Bucket: 'dags' }));
    await s3.send(new PutObjectCommand({ Bucket: 'dags', Key: 'etl.yaml', Body: DAG }));
    mws = new MwaaServerlessClient({ region: 'us-east-1', endpoint: emulator.endpoint, endpointOverridden: true, credentials: async () => credentials });
    logs = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials, maxAttempts: 1 });
    workflowArn = (await mws.createWorkflow({ Name: 'etl', DefinitionS3Location: { Bucket: 'dags', ObjectKey: 'etl.yaml' }, RoleArn: ROLE, LoggingConfiguration: { LogGroupName: GROUP } })).WorkflowArn;
  });
  after(async () => {
    mws.destroy();
    logs.destroy();
    await emulator.stop();
  });

  it('moves a run queued → running → success, tasks in dependency order, with times and durations', async () => {
    const started = await mws.startWorkflowRun({ WorkflowArn: workflowArn, OverrideParameters: { day: '2026-11-30' } });
    assert.equal(started.Status, 'STARTING');
    const seen = new Set<string>();
    const done = await eventually('the run to succeed', async () => {
      const run = await mws.getWorkflowRun({ WorkflowArn: workflowArn, RunId: started.RunId! });
      seen.add(run.RunDetail!.RunState!);
      return run.RunDetail!.RunState === 'SUCCESS' ? run : undefined;
    });
    assert.ok(seen.has('RUNNING') || seen.has('QUEUED'), `saw ${[...seen].join(', ')}`);
    assert.deepEqual(done.OverrideParameters, { day: '2026-11-30' });
    assert.ok(done.RunDetail!.StartedOn instanceof Date && done.RunDetail!.CompletedOn! >= done.RunDetail!.StartedOn);
    const tasks = await mws.listTaskInstances({ WorkflowArn: workflowArn, RunId: started.RunId! });
    assert.deepEqual(tasks.TaskInstances!.map((t) => [t.OperatorName, t.Status]), [['EmptyOperator', 'SUCCESS'], ['S3CopyObjectOperator', 'SUCCESS']]);
    const extract = await mws.getTaskInstance({ WorkflowArn: workflowArn, RunId: started.RunId!, TaskInstanceId: tasks.TaskInstances![0].TaskInstanceId! });
    const load = await mws.getTaskInstance({ WorkflowArn: workflowArn, RunId: started.RunId!, TaskInstanceId: tasks.TaskInstances![1].TaskInstanceId! });
    assert.equal(extract.TaskId, 'extract');
    assert.equal(extract.AttemptNumber, 1);
    assert.ok(load.StartedAt! >= extract.EndedAt!, 'load starts after extract ends');
    assert.equal(load.LogStream, `dag_id=etl/run_id=${started.RunId}/task_id=load/attempt=1.log`);

    const page = await logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: load.LogStream, startFromHead: true }));
    assert.match(page.events![0].message!, /Dependencies all met/);
    assert.match(page.events!.at(-1)!.message!, /return code 0/);
  });

  it('fails a run at a seeded failing task: the task has its error, later tasks are upstream_failed', async () => {
    await control(emulator, 'POST', '/reset', { seed: '' });
    const seed = `${process.env.TMPDIR ?? '/tmp'}/mws-fail-${process.pid}.yaml`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(seed, `buckets:\n  - name: dags\n    objects:\n      etl.yaml: |\n${DAG.split('\n').map((l) => `        ${l}`).join('\n')}\nregions:\n  us-east-1:\n    mwaaServerlessWorkflows:\n      - { name: etl, bucket: dags, key: etl.yaml, logGroup: ${GROUP}, failTasks: [extract], runs: [{}, { failTask: load }] }\n`);
    await control(emulator, 'POST', '/reset', { seed });
    const listed = await mws.listWorkflows({});
    const arn = listed.Workflows[0].WorkflowArn;
    const seeded = await mws.listWorkflowRuns({ WorkflowArn: arn });
    // Newest first: the seeded failed run, then the succeeded one.
    assert.deepEqual(seeded.WorkflowRuns!.map((r) => r.RunDetailSummary!.Status), ['FAILED', 'SUCCESS']);

    const started = await mws.startWorkflowRun({ WorkflowArn: arn });
    const failed = await eventually('the run to fail', async () => {
      const run = await mws.getWorkflowRun({ WorkflowArn: arn, RunId: started.RunId! });
      return run.RunDetail!.RunState === 'FAILED' ? run : undefined;
    });
    assert.match(failed.RunDetail!.ErrorMessage!, /^Task extract failed: ValueError/);
    const tasks = await mws.listTaskInstances({ WorkflowArn: arn, RunId: started.RunId! });
    assert.deepEqual(tasks.TaskInstances!.map((t) => t.Status), ['FAILED', 'UPSTREAM_FAILED']);
    const extract = await mws.getTaskInstance({ WorkflowArn: arn, RunId: started.RunId!, TaskInstanceId: tasks.TaskInstances![0].TaskInstanceId! });
    assert.match(extract.ErrorMessage!, /the input file is empty/);
    const upstream = await mws.getTaskInstance({ WorkflowArn: arn, RunId: started.RunId!, TaskInstanceId: tasks.TaskInstances![1].TaskInstanceId! });
    assert.equal(upstream.LogStream, undefined, 'a task that never started has no log stream');
    const found = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: '"Task failed with exception"' }));
    assert.ok(found.events!.some((e) => e.logStreamName === extract.LogStream));
  });

  it('stops a run: STOPPING, then STOPPED; a stopped run cannot be stopped again', async () => {
    const arn = (await mws.listWorkflows({})).Workflows[0].WorkflowArn;
    const started = await mws.startWorkflowRun({ WorkflowArn: arn });
    const stopped = await mws.stopWorkflowRun({ WorkflowArn: arn, RunId: started.RunId! });
    assert.equal(stopped.Status, 'STOPPING');
    const run = await mws.getWorkflowRun({ WorkflowArn: arn, RunId: started.RunId! });
    assert.equal(run.RunDetail!.RunState, 'STOPPED');
    const again = await rejection(() => mws.stopWorkflowRun({ WorkflowArn: arn, RunId: started.RunId! }));
    assert.equal(again.name, 'ConflictException');
  });

  it('pages GetLogEvents by token as the model says: tail first, backward to the head, forward token unchanged at the end', async () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/mws-long-${process.pid}.yaml`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, `buckets:\n  - name: dags\n    objects:\n      one.yaml: |\n        one:\n          tasks:\n            only: { operator: x.EmptyOperator }\nregions:\n  us-east-1:\n    mwaaServerlessWorkflows:\n      - { name: one, bucket: dags, key: one.yaml, logGroup: /long, logLines: 2500, runs: [{}] }\n`);
    await control(emulator, 'POST', '/reset', { seed: file });
    const arn = (await mws.listWorkflows({})).Workflows[0].WorkflowArn;
    const runId = (await mws.listWorkflowRuns({ WorkflowArn: arn })).WorkflowRuns![0].RunId!;
    const taskId = (await mws.listTaskInstances({ WorkflowArn: arn, RunId: runId })).TaskInstances![0].TaskInstanceId!;
    const stream = (await mws.getTaskInstance({ WorkflowArn: arn, RunId: runId, TaskInstanceId: taskId })).LogStream!;
    const total = 3 + 2500 + 2;

    const tail = await logs.send(new GetLogEventsCommand({ logGroupName: '/long', logStreamName: stream, limit: 1000 }));
    assert.equal(tail.events!.length, 1000);
    assert.match(tail.events!.at(-1)!.message!, /return code 0/);
    const all: OutputLogEvent[] = [...tail.events!];
    let back = tail.nextBackwardToken!;
    for (;;) {
      const older = await logs.send(new GetLogEventsCommand({ logGroupName: '/long', logStreamName: stream, limit: 1000, nextToken: back }));
      if (older.events!.length === 0) {
        assert.equal(older.nextBackwardToken, back, 'at the head the backward token comes back unchanged');
        break;
      }
      all.unshift(...older.events!);
      back = older.nextBackwardToken!;
    }
    assert.equal(all.length, total);
    assert.match(all[0].message!, /Dependencies all met/);
    assert.ok(all.every((e, i) => i === 0 || e.timestamp! >= all[i - 1].timestamp!), 'in time order');

    const end = await logs.send(new GetLogEventsCommand({ logGroupName: '/long', logStreamName: stream, nextToken: tail.nextForwardToken }));
    assert.deepEqual(end.events, []);
    assert.equal(end.nextForwardToken, tail.nextForwardToken, 'at the end the forward token comes back unchanged');

    const head = await logs.send(new GetLogEventsCommand({ logGroupIdentifier: '/long', logStreamName: stream, startFromHead: true, limit: 3 }));
    assert.deepEqual(head.events!.map((e) => e.message), all.slice(0, 3).map((e) => e.message));
    const next = await logs.send(new GetLogEventsCommand({ logGroupName: '/long', logStreamName: stream, limit: 2, nextToken: head.nextForwardToken }));
    assert.deepEqual(next.events!.map((e) => e.message), all.slice(3, 5).map((e) => e.message));

    const filtered: string[] = [];
    let token: string | undefined;
    do {
      const page = await logs.send(new FilterLogEventsCommand({ logGroupName: '/long', filterPattern: 'line', limit: 1000, nextToken: token }));
      filtered.push(...page.events!.map((e) => e.message!));
      token = page.nextToken;
    } while (token);
    assert.equal(filtered.length, 2500);
  });

  it('answers a missing group or stream with ResourceNotFoundException, a bad token with InvalidParameterException, and model violations', async () => {
    const group = await rejection(() => logs.send(new GetLogEventsCommand({ logGroupName: '/nope', logStreamName: 's' })));
    assert.ok(group instanceof ResourceNotFoundException);
    assert.equal(group.message, 'The specified log group does not exist.');
    const stream = await rejection(() => logs.send(new GetLogEventsCommand({ logGroupName: '/long', logStreamName: 'missing' })));
    assert.equal(stream.message, 'The specified log stream does not exist.');
    const runId = (await mws.listWorkflowRuns({ WorkflowArn: (await mws.listWorkflows({})).Workflows[0].WorkflowArn })).WorkflowRuns![0].RunId!;
    const token = await rejection(() => logs.send(new GetLogEventsCommand({ logGroupName: '/long', logStreamName: `dag_id=one/run_id=${runId}/task_id=only/attempt=1.log`, nextToken: 'f/garbage/s' })));
    assert.equal(token.name, 'InvalidParameterException');
    assert.equal(token.message, 'The specified nextToken is invalid.');
    const limit = await rejection(() => logs.send(new GetLogEventsCommand({ logGroupName: '/long', logStreamName: 'x', limit: 10_001 })));
    assert.equal(limit.name, 'InvalidParameterException');
    await control(emulator, 'POST', '/faults', { service: 'logs', operation: 'GetLogEvents', kind: 'accessDenied' });
    const denied = await rejection(() => logs.send(new GetLogEventsCommand({ logGroupName: '/long', logStreamName: 'x' })));
    assert.equal(denied.name, 'AccessDeniedException');
    assert.match(denied.message, /logs:GetLogEvents/);
  });
});
