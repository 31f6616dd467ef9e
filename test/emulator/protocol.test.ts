import assert from 'node:assert/strict';
import { CreateWorkflowCommand, ListWorkflowsCommand, ImagebuilderClient } from '@aws-sdk/client-imagebuilder';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { CreateStateMachineCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { RequestLogEntry, RunningEmulator } from './server';
import { AwsJsonError, clients, control, MwaaServerlessTestClient, rejection, startTestEmulator, type Clients } from './testSupport';

const wrongSecret = { accessKeyId: 'test', secretAccessKey: 'not-the-secret' };
const unknownKey = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'test' };

describe('emulator: protocol, signatures, faults and the control endpoint', () => {
  let emulator: RunningEmulator;
  let c: Clients;

  before(async () => {
    emulator = await startTestEmulator({ seed: 'demo' });
    c = clients(emulator);
  });
  after(() => emulator.stop());
  afterEach(() => control(emulator, 'DELETE', '/faults'));

  describe('signatures', () => {
    const base = () => ({ endpoint: emulator.endpoint, region: 'us-east-1', maxAttempts: 1 });

    it('refuses a wrong secret with each protocol’s 403 error', async () => {
      const sfn = await rejection(() => new SFNClient({ ...base(), credentials: wrongSecret }).send(new ListStateMachinesCommand({})));
      assert.equal(sfn.name, 'InvalidSignatureException');
      assert.equal(sfn.$metadata?.httpStatusCode, 403);
      const ib = await rejection(() => new ImagebuilderClient({ ...base(), credentials: wrongSecret }).send(new ListWorkflowsCommand({})));
      assert.equal(ib.name, 'InvalidSignatureException');
      const s3 = await rejection(() => new S3Client({ ...base(), forcePathStyle: true, credentials: wrongSecret }).send(new ListObjectsV2Command({ Bucket: 'workflows-demo-us-east-1' })));
      assert.equal(s3.name, 'SignatureDoesNotMatch');
      assert.equal(s3.$metadata?.httpStatusCode, 403);
      const mws = await rejection<AwsJsonError>(() => new MwaaServerlessTestClient(emulator.endpoint, 'us-east-1', wrongSecret).send('ListWorkflows'));
      assert.equal(mws.type, 'InvalidSignatureException');
    });

    it('refuses an unknown access key and an unsigned request', async () => {
      const sfn = await rejection(() => new SFNClient({ ...base(), credentials: unknownKey }).send(new ListStateMachinesCommand({})));
      assert.equal(sfn.name, 'UnrecognizedClientException');
      const s3 = await rejection(() => new S3Client({ ...base(), forcePathStyle: true, credentials: unknownKey }).send(new ListObjectsV2Command({ Bucket: 'workflows-demo-us-east-1' })));
      assert.equal(s3.name, 'InvalidAccessKeyId');
      const unsigned = await fetch(emulator.endpoint, { method: 'POST', headers: { 'x-amz-target': 'AWSStepFunctions.ListStateMachines', 'content-type': 'application/x-amz-json-1.0' }, body: '{}' });
      assert.equal(unsigned.status, 403);
      assert.equal(((await unsigned.json()) as { __type: string }).__type, 'MissingAuthenticationTokenException');
    });

    it('answers UnknownOperationException for operations the service does not have', async () => {
      const e = await rejection<AwsJsonError>(() => c.serverless.send('LaunchRocket'));
      assert.equal(e.type, 'UnknownOperationException');
      assert.equal(e.status, 400);
    });
  });

  describe('faults', () => {
    const fault = (body: Record<string, unknown>) => control(emulator, 'POST', '/faults', body);

    it('http500: the service’s internal error, for the next request only', async () => {
      await fault({ service: 'states', operation: 'ListStateMachines', kind: 'http500' });
      const e = await rejection(() => c.sfn.send(new ListStateMachinesCommand({})));
      assert.equal(e.$metadata?.httpStatusCode, 500);
      assert.ok((await c.sfn.send(new ListStateMachinesCommand({}))).stateMachines?.length);
    });

    it('throttle: each service’s real throttling error and status', async () => {
      await fault({ operation: 'ListStateMachines', kind: 'throttle' });
      await fault({ operation: 'ListWorkflows', service: 'imagebuilder', kind: 'throttle' });
      await fault({ operation: 'ListEnvironments', kind: 'throttle' });
      await fault({ operation: 'ListWorkflows', service: 'airflow-serverless', kind: 'throttle' });
      await fault({ operation: 'ListObjectsV2', kind: 'throttle' });
      const sfn = await rejection(() => c.sfn.send(new ListStateMachinesCommand({})));
      assert.deepEqual([sfn.name, sfn.$metadata?.httpStatusCode], ['ThrottlingException', 400]);
      const ib = await rejection(() => c.imagebuilder.send(new ListWorkflowsCommand({})));
      assert.deepEqual([ib.name, ib.$metadata?.httpStatusCode], ['CallRateLimitExceededException', 429]);
      const mwaa = await rejection(() => c.mwaa.listEnvironments({}));
      assert.deepEqual([mwaa.name, mwaa.$metadata?.httpStatusCode], ['ThrottlingException', 429]);
      const mws = await rejection<AwsJsonError>(() => c.serverless.send('ListWorkflows'));
      assert.deepEqual([mws.type, mws.status, mws.body.RetryAfterSeconds], ['ThrottlingException', 429, 1]);
      const s3 = await rejection(() => c.s3.send(new ListObjectsV2Command({ Bucket: 'workflows-demo-us-east-1' })));
      assert.deepEqual([s3.name, s3.$metadata?.httpStatusCode], ['SlowDown', 503]);
    });

    it('throttle with count: the SDK’s retries get through once the faults are used up', async () => {
      await fault({ operation: 'ListStateMachines', kind: 'throttle', count: 2 });
      const retrying = clients(emulator, 'us-east-1', 3).sfn;
      const result = await retrying.send(new ListStateMachinesCommand({}));
      assert.equal(result.$metadata.attempts, 3);
    });

    it('delay: the request still succeeds, after the delay', async () => {
      await fault({ operation: 'ListStateMachines', kind: 'delay', delayMs: 50 });
      assert.ok((await c.sfn.send(new ListStateMachinesCommand({}))).stateMachines?.length);
      assert.deepEqual(await control(emulator, 'GET', '/faults'), []);
    });

    it('drop: the connection is destroyed without a response', async () => {
      await fault({ operation: 'ListStateMachines', kind: 'drop' });
      const e = await rejection(() => c.sfn.send(new ListStateMachinesCommand({})));
      assert.equal(e.$metadata?.httpStatusCode, undefined);
      assert.match(`${e.name} ${e.message} ${String((e as { code?: string }).code)}`, /ECONNRESET|socket hang up|aborted/i);
    });

    it('malformed: a truncated body the SDK cannot parse', async () => {
      await fault({ operation: 'ListEnvironments', kind: 'malformed' });
      const e = await rejection(() => c.mwaa.listEnvironments({}));
      assert.match(e.message, /JSON|Unexpected end|Deserialization/i);
      await fault({ operation: 'ListObjectsV2', kind: 'malformed' });
      const s3 = await rejection(() => c.s3.send(new ListObjectsV2Command({ Bucket: 'workflows-demo-us-east-1' })));
      assert.ok(s3.message.length > 0);
    });

    it('accessDenied: AccessDeniedException naming the IAM action', async () => {
      await fault({ operation: 'CreateStateMachine', kind: 'accessDenied' });
      const e = await rejection(() =>
        c.sfn.send(new CreateStateMachineCommand({ name: 'Denied', definition: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}', roleArn: 'arn:aws:iam::000000000000:role/R' })),
      );
      assert.equal(e.name, 'AccessDeniedException');
      assert.match(e.message, /states:CreateStateMachine/);
      await fault({ operation: 'CreateWorkflow', service: 'imagebuilder', kind: 'accessDenied' });
      const ib = await rejection(() => c.imagebuilder.send(new CreateWorkflowCommand({ name: 'denied', semanticVersion: '1.0.0', type: 'BUILD', data: 'x: 1' })));
      assert.deepEqual([ib.name, ib.$metadata?.httpStatusCode], ['AccessDeniedException', 403]);
      await fault({ operation: 'CreateBucket', kind: 'accessDenied' });
      const s3 = await rejection(() => c.s3.send(new CreateBucketCommand({ Bucket: 'denied-bucket' })));
      assert.equal(s3.name, 'AccessDenied');
    });

    it('refuses a malformed fault request', async () => {
      const res = await fetch(`${emulator.controlUrl}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ operation: 'X', kind: 'explode' }) });
      assert.equal(res.status, 400);
    });
  });

  describe('control endpoint', () => {
    it('logs requests with their operation and body, never the Authorization header', async () => {
      await control(emulator, 'DELETE', '/requests');
      await c.sfn.send(new ListStateMachinesCommand({ maxResults: 3 }));
      const log = await control<RequestLogEntry[]>(emulator, 'GET', '/requests');
      const entry = log.find((r) => r.operation === 'ListStateMachines');
      assert.ok(entry);
      assert.equal(entry.service, 'states');
      assert.equal(entry.region, 'us-east-1');
      assert.deepEqual(entry.body, { maxResults: 3 });
      assert.equal(entry.status, 200);
      assert.ok(log.every((r) => !('authorization' in r.headers)));
      assert.ok(!JSON.stringify(log).includes('Signature='));
    });

    it('exposes the state and resets it to the seed', async () => {
      await c.sfn.send(new CreateStateMachineCommand({ name: 'Temporary', definition: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}', roleArn: 'arn:aws:iam::000000000000:role/R' }));
      const key = 'arn:aws:states:us-east-1:000000000000:stateMachine:Temporary';
      type State = { regions: Record<string, { states: { stateMachines: Record<string, unknown> } }> };
      assert.ok((await control<State>(emulator, 'GET', '/state')).regions['us-east-1'].states.stateMachines[key]);
      await control(emulator, 'POST', '/reset', {});
      const after = await control<State>(emulator, 'GET', '/state');
      assert.equal(after.regions['us-east-1'].states.stateMachines[key], undefined);
      assert.ok(after.regions['us-east-1'].states.stateMachines['arn:aws:states:us-east-1:000000000000:stateMachine:OrderProcessing']);
    });
  });
});
