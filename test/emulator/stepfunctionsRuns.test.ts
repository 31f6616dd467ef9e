// Executions that really run, through the real SDK over HTTP: history, stop, redrive, activities,
// task tokens, distributed Map runs and TestState.
import assert from 'node:assert/strict';
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  GetActivityTaskCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  RedriveExecutionCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  TestStateCommand,
  type DescribeExecutionOutput,
  type HistoryEvent,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RunningEmulator } from './server';
import { clients, control, credentials, eventually, rejection, startTestEmulator } from './testSupport';

const ROLE = 'arn:aws:iam::000000000000:role/TestRole';
const LAMBDA = 'arn:aws:states:::lambda:invoke';

describe('emulator: Step Functions executions run their definitions', () => {
  let emulator: RunningEmulator;
  let sfn: SFNClient;
  let s3: S3Client;

  before(async () => {
    emulator = await startTestEmulator({ timeScale: 0.001 });
    ({ sfn, s3 } = clients(emulator));
  });
  after(() => emulator.stop());

  async function machine(name: string, definition: unknown, mocks?: unknown): Promise<string> {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn: ROLE }));
    if (mocks) await control(emulator, 'PUT', `/mocks/us-east-1/${name}`, mocks);
    return stateMachineArn!;
  }

  const finished = (executionArn: string) =>
    eventually(`${executionArn} to finish`, async () => {
      const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      return d.status === 'RUNNING' ? undefined : d;
    });

  async function history(executionArn: string, includeExecutionData = true): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken, includeExecutionData }));
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return events;
  }

  it('runs a definition with mocks and reports its history in the model event types', async () => {
    const arn = await machine('Orders', { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: LAMBDA, Parameters: { 'Payload.$': '$' }, ResultSelector: { 'charged.$': '$.Payload.ok' }, End: true } } }, { Charge: { result: { Payload: { ok: true } } } });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: '{"id":1}' }));
    const done = await finished(executionArn!);
    assert.equal(done.status, 'SUCCEEDED');
    assert.equal(done.output, '{"charged":true}');
    const events = await history(executionArn!);
    assert.deepEqual(events.map((e) => e.type), ['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    assert.deepEqual(events[2].taskScheduledEventDetails, { resourceType: 'lambda', resource: 'invoke', region: 'us-east-1', parameters: '{"Payload":{"id":1}}' });
    assert.equal(events[0].executionStartedEventDetails?.roleArn, ROLE);
    assert.ok(events.every((e, i) => e.id === i + 1 && e.timestamp instanceof Date));
    const metadataOnly = await history(executionArn!, false);
    assert.equal(metadataOnly[1].stateEnteredEventDetails?.input, undefined);
    assert.equal(metadataOnly[1].stateEnteredEventDetails?.name, 'Charge');
    const reversed = await sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 2 }));
    assert.deepEqual(reversed.events?.map((e) => e.type), ['ExecutionSucceeded', 'TaskStateExited']);
    assert.ok(reversed.nextToken);
  });

  it('fails at a missing mock, then redrives from the failed state once the mock is there', async () => {
    const definition = { StartAt: 'Reserve', States: { Reserve: { Type: 'Pass', Result: 'r', ResultPath: '$.reserved', Next: 'Ship' }, Ship: { Type: 'Task', Resource: LAMBDA, End: true } } };
    const arn = await machine('Shipping', definition, { Reserve: { result: 'unused' } });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: 'first', input: '{"n":1}' }));
    const failed = await finished(executionArn!);
    assert.equal(failed.status, 'FAILED');
    assert.equal(failed.error, 'States.TaskFailed');
    assert.match(failed.cause!, /No mock for the state 'Ship' or its resource 'arn:aws:states:::lambda:invoke': add one to the mock file of state machine 'Shipping'/);
    assert.equal(failed.redriveStatus, 'REDRIVABLE');
    const taskFailed = (await history(executionArn!)).find((e) => e.type === 'TaskFailed');
    assert.equal(taskFailed?.taskFailedEventDetails?.error, 'States.TaskFailed');

    await control(emulator, 'PUT', '/mocks/us-east-1/Shipping', { Ship: { result: { shipped: true } } });
    await sfn.send(new RedriveExecutionCommand({ executionArn }));
    const redriven = await finished(executionArn!);
    assert.equal(redriven.status, 'SUCCEEDED');
    assert.equal(redriven.output, '{"shipped":true}');
    assert.equal(redriven.redriveCount, 1);
    const events = await history(executionArn!);
    const after = events.slice(events.findIndex((e) => e.type === 'ExecutionRedriven'));
    assert.deepEqual(after.map((e) => e.type), ['ExecutionRedriven', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    assert.equal(after[1].stateEnteredEventDetails?.input, '{"n":1,"reserved":"r"}', 'the failed state runs again with the input it had');

    const again = await rejection(() => sfn.send(new RedriveExecutionCommand({ executionArn })));
    assert.equal(again.name, 'ExecutionNotRedrivable');
    assert.match(again.message, /Execution is SUCCEEDED and cannot be redriven/);
  });

  it('stops a running execution: ABORTED with the error and cause, and a task token no longer answers', async () => {
    const arn = await machine('Approval', { StartAt: 'Wait', States: { Wait: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { 'token.$': '$$.Task.Token' }, End: true } } });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    const scheduled = await eventually('TaskScheduled', async () => (await history(executionArn!)).find((e) => e.type === 'TaskSubmitted') && (await history(executionArn!)).find((e) => e.type === 'TaskScheduled'));
    const token = (JSON.parse(scheduled.taskScheduledEventDetails!.parameters!) as { token: string }).token;
    await sfn.send(new StopExecutionCommand({ executionArn, error: 'Operator.Stop', cause: 'not needed' }));
    const stopped = (await sfn.send(new DescribeExecutionCommand({ executionArn }))) as DescribeExecutionOutput;
    assert.equal(stopped.status, 'ABORTED');
    const events = await eventually('ExecutionAborted', async () => {
      const h = await history(executionArn!);
      return h.at(-1)?.type === 'ExecutionAborted' ? h : undefined;
    });
    assert.deepEqual(events.at(-1)?.executionAbortedEventDetails, { error: 'Operator.Stop', cause: 'not needed' });
    assert.ok(events.some((e) => e.type === 'TaskStateAborted'));
    const late = await rejection(() => sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })));
    assert.equal(late.name, 'TaskDoesNotExist');
  });

  it('completes .waitForTaskToken tasks with SendTaskSuccess and SendTaskFailure', async () => {
    const arn = await machine('Callback', { StartAt: 'Ask', States: { Ask: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { 'MessageBody.$': '$$.Task.Token' }, HeartbeatSeconds: 3600, End: true } } });
    const tokenOf = async (executionArn: string) => {
      const e = await eventually('TaskSubmitted', async () => (await history(executionArn)).find((x) => x.type === 'TaskScheduled'));
      return (JSON.parse(e.taskScheduledEventDetails!.parameters!) as { MessageBody: string }).MessageBody;
    };
    const ok = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    const okToken = await tokenOf(ok.executionArn!);
    await sfn.send(new SendTaskHeartbeatCommand({ taskToken: okToken }));
    await sfn.send(new SendTaskSuccessCommand({ taskToken: okToken, output: '{"approved":true}' }));
    assert.equal((await finished(ok.executionArn!)).output, '{"approved":true}');
    const no = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    await sfn.send(new SendTaskFailureCommand({ taskToken: await tokenOf(no.executionArn!), error: 'Rejected', cause: 'by a person' }));
    const rejected = await finished(no.executionArn!);
    assert.deepEqual([rejected.status, rejected.error, rejected.cause], ['FAILED', 'Rejected', 'by a person']);
  });

  it('runs activities through GetActivityTask and SendTaskSuccess, with ActivityStarted naming the worker', async () => {
    const { activityArn } = await sfn.send(new CreateActivityCommand({ name: 'ManualReview' }));
    const arn = await machine('Review', { StartAt: 'Review', States: { Review: { Type: 'Task', Resource: activityArn, End: true } } });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: '{"doc":"d1"}' }));
    const task = await eventually('an activity task', async () => {
      const t = await sfn.send(new GetActivityTaskCommand({ activityArn, workerName: 'reviewer-1' }));
      return t.taskToken ? t : undefined;
    });
    assert.equal(task.input, '{"doc":"d1"}');
    await sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{"ok":1}' }));
    assert.equal((await finished(executionArn!)).output, '{"ok":1}');
    const events = await history(executionArn!);
    assert.deepEqual(events.filter((e) => e.type?.startsWith('Activity')).map((e) => e.type), ['ActivityScheduled', 'ActivityStarted', 'ActivitySucceeded']);
    assert.equal(events.find((e) => e.type === 'ActivityStarted')?.activityStartedEventDetails?.workerName, 'reviewer-1');
  });

  it('runs a distributed Map over items read from S3, with its Map Run and child executions', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'items' }));
    await s3.send(new PutObjectCommand({ Bucket: 'items', Key: 'list.json', Body: JSON.stringify([{ n: 1 }, { n: 2 }, { n: 3 }]) }));
    const arn = await machine('Fanout', {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          Label: 'Each',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'items', Key: 'list.json' } },
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Double', States: { Double: { Type: 'Pass', Parameters: { 'v.$': 'States.MathAdd($.n, $.n)' }, End: true } } },
          End: true,
        },
      },
    });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    const done = await finished(executionArn!);
    assert.equal(done.output, '[{"v":2},{"v":4},{"v":6}]');
    const { mapRuns } = await sfn.send(new ListMapRunsCommand({ executionArn }));
    assert.equal(mapRuns?.length, 1);
    const run = await sfn.send(new DescribeMapRunCommand({ mapRunArn: mapRuns![0].mapRunArn }));
    assert.equal(run.status, 'SUCCEEDED');
    assert.deepEqual([run.itemCounts?.total, run.itemCounts?.succeeded, run.itemCounts?.failed], [3, 3, 0]);
    const children = await sfn.send(new ListExecutionsCommand({ mapRunArn: mapRuns![0].mapRunArn }));
    assert.equal(children.executions?.length, 3);
    assert.ok(children.executions?.every((e) => e.status === 'SUCCEEDED' && e.mapRunArn === mapRuns![0].mapRunArn));
    assert.ok((await history(executionArn!)).some((e) => e.type === 'MapRunStarted' && e.mapRunStartedEventDetails?.mapRunArn === mapRuns![0].mapRunArn));
  });

  it('answers TestState with output and next state, a mocked error as RETRIABLE or CAUGHT_ERROR, and DEBUG inspection data', async () => {
    const definition = JSON.stringify({
      StartAt: 'Charge',
      States: {
        Charge: { Type: 'Task', Resource: LAMBDA, ResultSelector: { 'ok.$': '$.Payload.ok' }, ResultPath: '$.charge', Retry: [{ ErrorEquals: ['Flaky'], MaxAttempts: 2, IntervalSeconds: 3 }], Catch: [{ ErrorEquals: ['Declined'], Next: 'Refund' }], Next: 'Ship' },
        Ship: { Type: 'Succeed' },
        Refund: { Type: 'Succeed' },
      },
    });
    // TestState's endpoint carries a `sync-` host prefix, which an endpoint override must drop.
    const sync = new SFNClient({ endpoint: emulator.endpoint, region: 'us-east-1', credentials, maxAttempts: 1, disableHostPrefix: true });
    const ok = await sync.send(new TestStateCommand({ definition, stateName: 'Charge', input: '{"id":1}', inspectionLevel: 'DEBUG', mock: { result: '{"Payload":{"ok":true}}' } }));
    assert.deepEqual([ok.status, ok.nextState, ok.output], ['SUCCEEDED', 'Ship', '{"id":1,"charge":{"ok":true}}']);
    assert.equal(ok.inspectionData?.afterResultSelector, '{"ok":true}');
    assert.equal(ok.inspectionData?.afterInputPath, '{"id":1}');
    const retriable = await sync.send(new TestStateCommand({ definition, stateName: 'Charge', mock: { errorOutput: { error: 'Flaky', cause: 'try again' } } }));
    assert.deepEqual([retriable.status, retriable.error, retriable.inspectionData?.errorDetails?.retryIndex, retriable.inspectionData?.errorDetails?.retryBackoffIntervalSeconds], ['RETRIABLE', 'Flaky', 0, 3]);
    const exhausted = await sync.send(new TestStateCommand({ definition, stateName: 'Charge', mock: { errorOutput: { error: 'Flaky' } }, stateConfiguration: { retrierRetryCount: 2 } }));
    assert.equal(exhausted.status, 'FAILED');
    const caught = await sync.send(new TestStateCommand({ definition, stateName: 'Charge', mock: { errorOutput: { error: 'Declined', cause: 'card' } } }));
    assert.deepEqual([caught.status, caught.nextState, caught.output], ['CAUGHT_ERROR', 'Refund', '{"Error":"Declined","Cause":"card"}']);
    const unmocked = await sync.send(new TestStateCommand({ definition: JSON.stringify({ Type: 'Task', Resource: LAMBDA, End: true }) }));
    assert.equal(unmocked.status, 'FAILED');
    assert.match(unmocked.cause!, /No mock for the state 'TestState'/);
  });

  it('runs Express executions synchronously and answers the service errors: a running execution is not redrivable, Express executions are not described, AccessDenied names the action', async () => {
    const arn = await machine('Slow', { StartAt: 'Hold', States: { Hold: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true } } });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    const running = await rejection(() => sfn.send(new RedriveExecutionCommand({ executionArn })));
    assert.equal(running.name, 'ExecutionNotRedrivable');
    assert.match(running.message, /Execution is RUNNING and cannot be redriven/);
    assert.deepEqual((await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'RUNNING' }))).executions?.map((e) => e.executionArn), [executionArn]);
    await control(emulator, 'POST', '/faults', { operation: 'GetExecutionHistory', kind: 'accessDenied' });
    const denied = await rejection(() => sfn.send(new GetExecutionHistoryCommand({ executionArn })));
    assert.equal(denied.name, 'AccessDeniedException');
    assert.match(denied.message, /states:GetExecutionHistory/);
    await sfn.send(new StopExecutionCommand({ executionArn }));
    const express = await sfn.send(new CreateStateMachineCommand({ name: 'Fast', type: 'EXPRESS', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'greeting.$': "States.Format('hi {}', $.name)" }, Next: 'C' }, C: { Type: 'Choice', Choices: [{ Variable: '$.greeting', StringEquals: 'hi Ada', Next: 'Done' }], Default: 'No' }, Done: { Type: 'Succeed' }, No: { Type: 'Fail', Error: 'Nobody' } } }) }));
    const sync = new SFNClient({ endpoint: emulator.endpoint, region: 'us-east-1', credentials, maxAttempts: 1, disableHostPrefix: true });
    const synced = await sync.send(new StartSyncExecutionCommand({ stateMachineArn: express.stateMachineArn, input: '{"name":"Ada"}' }));
    assert.deepEqual([synced.status, synced.output], ['SUCCEEDED', '{"greeting":"hi Ada"}']);
    const syncFailed = await sync.send(new StartSyncExecutionCommand({ stateMachineArn: express.stateMachineArn, input: '{"name":"Bo"}' }));
    assert.deepEqual([syncFailed.status, syncFailed.error], ['FAILED', 'Nobody']);
    const expressRun = await sfn.send(new StartExecutionCommand({ stateMachineArn: express.stateMachineArn }));
    const notDescribed = await rejection(() => sfn.send(new DescribeExecutionCommand({ executionArn: expressRun.executionArn })));
    assert.equal(notDescribed.name, 'InvalidArn');
    const badMocks = await rejection(() => control(emulator, 'PUT', '/mocks/us-east-1/Slow', { Hold: { answer: 1 } }));
    assert.match(badMocks.message, /exactly one of 'result' and 'errorOutput'/);
  });
});
