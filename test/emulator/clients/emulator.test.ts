// The AWS layer against the project's emulator (real SDK clients and our MWAA Serverless client
// over HTTP): every service answers through AWS_ENDPOINT_URL, faults injected through the control
// endpoint are retried or described, and a retried create is stored once.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryLogger } from '../../../src/core/log';
import { AwsSession } from '../../../src/aws/session';
import { AwsActionError, callAws } from '../../../src/aws/errors';
import { startEmulator, type RunningEmulator } from '../server';

describe('AWS layer against the emulator', function () {
  let emulator: RunningEmulator;
  let home: string;
  let session: AwsSession;

  async function control(pathname: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${emulator.controlUrl}/${pathname}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.ok(res.ok, `${pathname}: ${res.status}`);
    return res.json();
  }

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', quiet: true });
    home = mkdtempSync(path.join(tmpdir(), 'aws-home-'));
  });

  beforeEach(async () => {
    await control('reset', { seed: 'demo' });
    session = new AwsSession({
      logger: new MemoryLogger(),
      env: { HOME: home, AWS_ENDPOINT_URL: emulator.endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' },
      retry: { baseDelayMs: 0, throttlingBaseDelayMs: 0, sleep: async () => undefined },
    });
  });

  afterEach(() => session.dispose());

  after(async () => {
    await emulator.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('every client reads the seeded resources', async () => {
    const sfn = await session.sfn();
    const machines = await sfn.client.send(new sfn.sdk.ListStateMachinesCommand({}));
    assert.ok(machines.stateMachines?.some((m) => m.name === 'OrderProcessing'));

    const ib = await session.imagebuilder();
    await ib.client.send(new ib.sdk.ListWorkflowsCommand({}));

    const mwaa = await session.mwaa();
    const envs = await mwaa.client.listEnvironments({});
    assert.ok(Array.isArray(envs.Environments));

    const s3 = await session.s3();
    const objects = await s3.client.send(new s3.sdk.ListObjectsV2Command({ Bucket: 'workflows-demo-us-east-1', Prefix: 'dags/' }));
    assert.ok(objects.Contents?.some((o) => o.Key === 'dags/nightly_etl.yaml'));

    const { client } = await session.mwaaServerless();
    const workflows = await client.listWorkflows({});
    assert.ok(Array.isArray(workflows.Workflows));
  });

  it('a create retried after a 500 is stored once, with one client token', async () => {
    await control('faults', { service: 'airflow-serverless', operation: 'CreateWorkflow', count: 1, kind: 'http500' });
    const { client } = await session.mwaaServerless();
    const created = await client.createWorkflow({
      Name: 'retried_create',
      RoleArn: 'arn:aws:iam::000000000000:role/mwaa-serverless',
      DefinitionS3Location: { Bucket: 'workflows-demo-us-east-1', ObjectKey: 'dags/nightly_etl.yaml' },
    });
    assert.equal(created.$metadata.attempts, 2);
    const requests = (await control('requests')) as { operation: string; body: { ClientToken?: string } }[];
    const tokens = requests.filter((r) => r.operation === 'CreateWorkflow').map((r) => r.body.ClientToken);
    assert.equal(tokens.length, 2);
    assert.equal(tokens[0], tokens[1]);
    const listed = await client.listWorkflows({});
    assert.equal(listed.Workflows?.filter((w) => w.Name === 'retried_create').length, 1);
  });

  it('throttling is retried; a malformed body and AccessDenied become sentences', async () => {
    await control('faults', { service: 'states', operation: 'ListStateMachines', count: 1, kind: 'throttle' });
    const sfn = await session.sfn();
    const ok = await sfn.client.send(new sfn.sdk.ListStateMachinesCommand({}));
    assert.equal(ok.$metadata.attempts, 2);

    await control('faults', { service: 'airflow-serverless', operation: 'ListWorkflows', count: 1, kind: 'malformed' });
    const { client } = await session.mwaaServerless();
    const bad = await callAws({ service: 'airflow-serverless', operation: 'ListWorkflows' }, () => client.listWorkflows({})).catch((e: unknown) => e);
    assert.ok(bad instanceof AwsActionError);
    assert.equal(bad.kind, 'malformed-response');

    await control('faults', { service: 'imagebuilder', operation: 'ListWorkflows', count: 1, kind: 'accessDenied' });
    const ib = await session.imagebuilder();
    const denied = await callAws({ service: 'imagebuilder', operation: 'ListWorkflows' }, () => ib.client.send(new ib.sdk.ListWorkflowsCommand({}))).catch((e: unknown) => e);
    assert.ok(denied instanceof AwsActionError);
    assert.match(denied.message, /imagebuilder:ListWorkflows/);
  });
});
