// Every client of the AWS layer over real HTTP against a local server reached through
// AWS_ENDPOINT_URL: routing, signing names, retries, client tokens, bad bodies, no credentials.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryLogger } from '../../../src/core/log';
import { AwsSession } from '../../../src/aws/session';
import { AwsActionError, callAws } from '../../../src/aws/errors';
import { json, startLocalServer, type LocalServer, type RecordedRequest } from './localServer';

const S3_LIST = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>defs</Name><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><Contents><Key>dag.yaml</Key><Size>12</Size></Contents></ListBucketResult>`;

/** Answers like each service would for the one read operation each test uses. */
function serviceResponder(req: RecordedRequest) {
  const target = String(req.headers['x-amz-target'] ?? '');
  if (target === 'AWSStepFunctions.ListStateMachines') return json(200, { stateMachines: [{ name: 'Orders', stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:Orders', type: 'STANDARD', creationDate: 1763773323 }] });
  if (target.startsWith('AmazonMWAAServerless.')) return json(200, { Workflows: [{ WorkflowArn: 'arn:aws:airflow-serverless:us-east-1:000000000000:workflow/w', Name: 'w', CreatedAt: '2026-11-22T01:02:03Z' }] });
  if (req.url === '/ListWorkflows') return json(200, { workflowVersionList: [{ name: 'build-it', arn: 'arn:aws:imagebuilder:us-east-1:000000000000:workflow/build/build-it/1.0.0', version: '1.0.0', type: 'BUILD' }] }, { 'content-type': 'application/json' });
  if (req.url.startsWith('/environments')) return json(200, { Environments: ['analytics'] }, { 'content-type': 'application/json' });
  if (req.url.startsWith('/defs')) return { status: 200, body: S3_LIST, headers: { 'content-type': 'application/xml' } };
  return json(400, { __type: 'UnknownOperationException', message: `no route for ${req.method} ${req.url} ${target}` });
}

const signingService = (r: RecordedRequest) => /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(String(r.headers.authorization))?.slice(1);

describe('AWS layer clients over HTTP (AWS_ENDPOINT_URL)', function () {
  let server: LocalServer;
  let home: string;
  let session: AwsSession;
  let sleeps: number[];
  let logger: MemoryLogger;

  const env = () => ({
    HOME: home,
    AWS_ENDPOINT_URL: server.url,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
  });

  beforeEach(async () => {
    server = await startLocalServer(serviceResponder);
    home = mkdtempSync(path.join(tmpdir(), 'aws-home-'));
    sleeps = [];
    logger = new MemoryLogger();
    // Backoff is recorded, not slept: no waiting in tests.
    session = new AwsSession({ logger, env: env(), retry: { baseDelayMs: 0, throttlingBaseDelayMs: 0, sleep: async (ms) => void sleeps.push(ms) } });
  });

  afterEach(async () => {
    session.dispose();
    await server.close();
    rmSync(home, { recursive: true, force: true });
  });

  describe('each client reaches the local endpoint', () => {
    it('Step Functions (SDK)', async () => {
      const { client, sdk, region } = await session.sfn();
      const out = await client.send(new sdk.ListStateMachinesCommand({}));
      assert.equal(region, 'us-east-1');
      assert.equal(out.stateMachines?.[0].name, 'Orders');
      assert.ok(out.stateMachines?.[0].creationDate instanceof Date);
      assert.deepEqual(signingService(server.requests[0]), ['us-east-1', 'states']);
    });

    it('Image Builder (SDK)', async () => {
      const { client, sdk } = await session.imagebuilder();
      const out = await client.send(new sdk.ListWorkflowsCommand({}));
      assert.equal(out.workflowVersionList?.[0].name, 'build-it');
      assert.equal(server.requests[0].url, '/ListWorkflows');
      assert.deepEqual(signingService(server.requests[0]), ['us-east-1', 'imagebuilder']);
    });

    it('MWAA (ours): restJson1 GET with the page in the query, without the api. host prefix', async () => {
      const { client } = await session.mwaa();
      const out = await client.listEnvironments({ MaxResults: 5, NextToken: 'a/b+c=' });
      assert.deepEqual(out.Environments, ['analytics']);
      const [req] = server.requests;
      assert.equal(req.method, 'GET');
      assert.deepEqual(Object.fromEntries(new URL(req.url, server.url).searchParams), { MaxResults: '5', NextToken: 'a/b+c=' });
      assert.equal(req.body, '');
      assert.equal(req.headers['content-type'], undefined);
      assert.equal(req.headers.host, new URL(server.url).host);
      assert.deepEqual(signingService(req), ['us-east-1', 'airflow']);
    });

    it('S3 (SDK) with path-style addressing', async () => {
      const { client, sdk } = await session.s3();
      const out = await client.send(new sdk.ListObjectsV2Command({ Bucket: 'defs' }));
      assert.equal(out.Contents?.[0].Key, 'dag.yaml');
      assert.match(server.requests[0].url, /^\/defs\/?\?list-type=2/);
      assert.deepEqual(signingService(server.requests[0]), ['us-east-1', 's3']);
    });

    it('MWAA Serverless (ours): awsJson1_0, SigV4 as airflow-serverless, timestamps as Dates', async () => {
      const { client } = await session.mwaaServerless();
      const out = await client.listWorkflows({ MaxResults: 5 });
      assert.equal(out.Workflows?.[0].Name, 'w');
      assert.ok(out.Workflows?.[0].CreatedAt instanceof Date);
      assert.equal(out.$metadata.httpStatusCode, 200);
      assert.equal(out.$metadata.requestId, 'req-1');
      const req = server.requests[0];
      assert.equal(req.method, 'POST');
      assert.equal(req.url, '/');
      assert.equal(req.headers['content-type'], 'application/x-amz-json-1.0');
      assert.equal(req.headers['x-amz-target'], 'AmazonMWAAServerless.ListWorkflows');
      assert.deepEqual(JSON.parse(req.body), { MaxResults: 5 });
      assert.deepEqual(signingService(req), ['us-east-1', 'airflow-serverless']);
    });

    it('the service-specific variable beats AWS_ENDPOINT_URL, for the SDK and for us alike', async () => {
      const other = await startLocalServer(serviceResponder);
      try {
        const s = new AwsSession({ logger, env: { ...env(), AWS_ENDPOINT_URL_SFN: other.url, AWS_ENDPOINT_URL_MWAA_SERVERLESS: other.url } });
        const { client, sdk } = await s.sfn();
        await client.send(new sdk.ListStateMachinesCommand({}));
        await (await s.mwaaServerless()).client.listWorkflows({});
        assert.equal(other.requests.length, 2);
        assert.equal(server.requests.length, 0);
        assert.equal((await s.getEndpoint('states')).url, other.url);
        s.dispose();
      } finally {
        await other.close();
      }
    });

    it('the SDK itself honours AWS_ENDPOINT_URL_SFN from the environment, as our resolution says', async () => {
      const saved = { ...process.env };
      Object.assign(process.env, { AWS_ENDPOINT_URL_SFN: server.url, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
      try {
        const { SFNClient, ListStateMachinesCommand } = await import('@aws-sdk/client-sfn');
        const raw = new SFNClient({ region: 'us-east-1', maxAttempts: 1 });
        await raw.send(new ListStateMachinesCommand({}));
        raw.destroy();
        assert.equal(server.requests.length, 1);
      } finally {
        for (const k of ['AWS_ENDPOINT_URL_SFN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) if (saved[k] === undefined) delete process.env[k];
        Object.assign(process.env, saved);
      }
    });
  });

  describe('retries', () => {
    it('Step Functions: a 429 then a 200 is retried and succeeds', async () => {
      server.script(json(429, { __type: 'ThrottlingException', message: 'Rate exceeded' }));
      const { client, sdk } = await session.sfn();
      const out = await client.send(new sdk.ListStateMachinesCommand({}));
      assert.equal(out.$metadata.attempts, 2);
      assert.equal(server.requests.length, 2);
    });

    it('MWAA Serverless: a 429 then a 200 is retried, after at least RetryAfterSeconds', async () => {
      server.script(json(429, { __type: 'ThrottlingException', Message: 'slow down', ServiceCode: 'airflow-serverless', QuotaCode: 'q', RetryAfterSeconds: 2 }));
      const { client } = await session.mwaaServerless();
      const out = await client.listWorkflows({});
      assert.equal(out.$metadata.attempts, 2);
      assert.equal(server.requests.length, 2);
      assert.deepEqual(sleeps, [2000]);
    });

    it('three 500s give one clear error (Step Functions, SDK)', async () => {
      for (let i = 0; i < 3; i++) server.script(json(500, { __type: 'InternalFailure', message: 'internal' }));
      const { client, sdk } = await session.sfn();
      const err = await callAws({ service: 'states', operation: 'ListStateMachines' }, () => client.send(new sdk.ListStateMachinesCommand({}))).catch((e: unknown) => e);
      assert.ok(err instanceof AwsActionError);
      assert.equal(server.requests.length, 3);
      assert.equal(err.message, 'Step Functions ListStateMachines in us-east-1 failed: AWS had an internal error (HTTP 500) after 3 attempts. AWS said: internal. Try again later.');
    });

    it('three 500s give one clear error (MWAA Serverless, ours)', async () => {
      for (let i = 0; i < 3; i++) server.script(json(500, { __type: 'InternalServerException', Message: 'internal' }));
      const { client } = await session.mwaaServerless();
      const err = await callAws({ service: 'airflow-serverless', operation: 'GetWorkflow', resource: 'w' }, () => client.getWorkflow({ WorkflowArn: 'arn:w' })).catch((e: unknown) => e);
      assert.ok(err instanceof AwsActionError);
      assert.equal(server.requests.length, 3);
      assert.equal(sleeps.length, 2);
      assert.equal(err.message, 'MWAA Serverless GetWorkflow for w in us-east-1 failed: AWS had an internal error (HTTP 500) after 3 attempts. AWS said: internal. Try again later.');
    });

    it('throttling that never stops says it was retried', async () => {
      for (let i = 0; i < 3; i++) server.script(json(429, { __type: 'ThrottlingException', message: 'Rate exceeded' }));
      const { client, sdk } = await session.sfn();
      const sfnErr = await callAws({ service: 'states', operation: 'ListStateMachines' }, () => client.send(new sdk.ListStateMachinesCommand({}))).catch((e: unknown) => e);
      assert.ok(sfnErr instanceof AwsActionError);
      assert.equal(sfnErr.message, 'Step Functions ListStateMachines in us-east-1 failed: AWS is throttling requests (retried 2 times). AWS said: Rate exceeded. Wait a moment and try again.');

      for (let i = 0; i < 3; i++) server.script(json(429, { __type: 'ThrottlingException', Message: 'Rate exceeded', ServiceCode: 's', QuotaCode: 'q' }));
      const ours = (await session.mwaaServerless()).client;
      const err = await callAws({ service: 'airflow-serverless', operation: 'ListWorkflows' }, () => ours.listWorkflows({})).catch((e: unknown) => e);
      assert.ok(err instanceof AwsActionError);
      assert.match(err.message, /throttling requests \(retried 2 times\)/);
      assert.equal(server.requests.length, 6);
    });

    it('other 4xx are never retried', async () => {
      server.script(json(400, { __type: 'ValidationException', Message: 'Name is invalid', Reason: 'FIELD_VALIDATION_FAILED', FieldList: [{ Name: 'Name', Message: 'bad chars' }] }));
      const { client } = await session.mwaaServerless();
      const err = await callAws({ service: 'airflow-serverless', operation: 'CreateWorkflow' }, () =>
        client.createWorkflow({ Name: 'x y', RoleArn: 'arn:aws:iam::000000000000:role/r', DefinitionS3Location: { Bucket: 'b', ObjectKey: 'k' } }),
      ).catch((e: unknown) => e);
      assert.equal(server.requests.length, 1);
      assert.ok(err instanceof AwsActionError);
      assert.match(err.message, /AWS rejected the request: Name is invalid \(Name: bad chars\)/);
      const cause = err.cause as { Reason?: string; $metadata: { httpStatusCode: number } };
      assert.equal(cause.Reason, 'FIELD_VALIDATION_FAILED');
      assert.equal(cause.$metadata.httpStatusCode, 400);
    });

    it('a retried create sends the same client token (MWAA Serverless CreateWorkflow and StartWorkflowRun)', async () => {
      server.script(json(500, { __type: 'InternalServerException', Message: 'x' }), json(200, { WorkflowArn: 'arn:w', WorkflowVersion: '1' }));
      const { client } = await session.mwaaServerless();
      await client.createWorkflow({ Name: 'w', RoleArn: 'arn:aws:iam::000000000000:role/r', DefinitionS3Location: { Bucket: 'b', ObjectKey: 'k' } });
      const [first, second] = server.requests.map((r) => JSON.parse(r.body).ClientToken);
      assert.match(first, /^[0-9a-f-]{36}$/);
      assert.equal(second, first);

      server.requests.length = 0;
      server.script(json(429, { __type: 'ThrottlingException', Message: 'x' }), json(200, { RunId: 'r1' }));
      await client.startWorkflowRun({ WorkflowArn: 'arn:w' });
      const tokens = server.requests.map((r) => JSON.parse(r.body).ClientToken);
      assert.equal(tokens.length, 2);
      assert.equal(tokens[0], tokens[1]);
      assert.notEqual(tokens[0], first, 'each call gets its own token');
    });

    it('a retried create sends the same client token (Image Builder CreateWorkflow, SDK)', async () => {
      server.script(json(503, { message: 'unavailable' }, { 'x-amzn-errortype': 'ServiceUnavailableException' }), json(200, { workflowBuildVersionArn: 'arn:wf/1.0.0/1', clientToken: 'x' }));
      const { client, sdk } = await session.imagebuilder();
      await client.send(new sdk.CreateWorkflowCommand({ name: 'wf', semanticVersion: '1.0.0', type: 'BUILD', data: 'schemaVersion: 1.0', clientToken: undefined as unknown as string }));
      const tokens = server.requests.map((r) => JSON.parse(r.body).clientToken);
      assert.equal(tokens.length, 2);
      assert.ok(tokens[0]);
      assert.equal(tokens[1], tokens[0]);
    });
  });

  describe('bad responses and missing credentials', () => {
    it('a malformed body gives a clear error, not a crash (MWAA Serverless)', async () => {
      server.script({ status: 200, body: '<html>proxy login</html>', headers: { 'content-type': 'text/html' } });
      const { client } = await session.mwaaServerless();
      const err = await callAws({ service: 'airflow-serverless', operation: 'ListWorkflows' }, () => client.listWorkflows({})).catch((e: unknown) => e);
      assert.ok(err instanceof AwsActionError);
      assert.equal(err.kind, 'malformed-response');
      assert.match(err.message, new RegExp(`^MWAA Serverless ListWorkflows in us-east-1 failed: the response from ${server.url} could not be read \\(ListWorkflows returned a body that is not a JSON object`));
      assert.match(err.message, /endpoint override/);
    });

    it('a malformed body gives a clear error, not a crash (Step Functions, SDK)', async () => {
      server.script({ status: 200, body: '{"stateMachines": [', headers: { 'content-type': 'application/x-amz-json-1.0' } });
      const { client, sdk } = await session.sfn();
      const err = await callAws({ service: 'states', operation: 'ListStateMachines' }, () => client.send(new sdk.ListStateMachinesCommand({}))).catch((e: unknown) => e);
      assert.ok(err instanceof AwsActionError);
      assert.equal(err.kind, 'malformed-response');
      assert.match(err.message, /could not be read/);
    });

    it('a timestamp that is not ISO-8601 is a malformed response too', async () => {
      server.script(json(200, { Workflows: [{ Name: 'w', CreatedAt: 'last tuesday' }] }));
      const { client } = await session.mwaaServerless();
      const err = await callAws({ service: 'airflow-serverless', operation: 'ListWorkflows' }, () => client.listWorkflows({})).catch((e: unknown) => e);
      assert.ok(err instanceof AwsActionError);
      assert.match(err.message, /does not match the model: TimestampValue is not a valid timestamp/);
    });

    it('no credentials gives the fix-it message, for SDK clients and ours, and nothing is sent', async () => {
      const saved = { ...process.env };
      // The SDK's chain also reads process.env (container/instance roles, ~/.aws): make it empty too.
      for (const k of Object.keys(process.env)) if (/^AWS_/.test(k)) delete process.env[k];
      process.env.HOME = home;
      process.env.AWS_EC2_METADATA_DISABLED = 'true';
      try {
        const s = new AwsSession({ logger, env: { HOME: home, AWS_ENDPOINT_URL: server.url, AWS_REGION: 'us-east-1' }, retry: { baseDelayMs: 0 } });
        const { client, sdk } = await s.sfn();
        const sfnErr = await callAws({ service: 'states', operation: 'ListStateMachines' }, () => client.send(new sdk.ListStateMachinesCommand({}))).catch((e: unknown) => e);
        assert.ok(sfnErr instanceof AwsActionError);
        assert.equal(sfnErr.kind, 'credentials-missing');
        assert.match(sfnErr.message, /^Step Functions ListStateMachines in us-east-1 failed: no AWS credentials were found\. Choose a profile \(AWS Workflows: Choose AWS Profile\), run `aws configure`/);
        const ours = (await s.mwaaServerless()).client;
        const mwaasErr = await callAws({ service: 'airflow-serverless', operation: 'ListWorkflows' }, () => ours.listWorkflows({})).catch((e: unknown) => e);
        assert.ok(mwaasErr instanceof AwsActionError);
        assert.equal(mwaasErr.kind, 'credentials-missing');
        assert.equal(server.requests.length, 0);
        s.dispose();
      } finally {
        for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
        Object.assign(process.env, saved);
      }
    });

    it('an unreachable endpoint names it', async () => {
      const closed = await startLocalServer(serviceResponder);
      const url = closed.url;
      await closed.close();
      const s = new AwsSession({ logger, env: { ...env(), AWS_ENDPOINT_URL: url }, retry: { baseDelayMs: 0, sleep: async () => undefined } });
      const { client } = await s.mwaaServerless();
      const err = await callAws({ service: 'airflow-serverless', operation: 'ListWorkflows' }, () => client.listWorkflows({})).catch((e: unknown) => e);
      assert.ok(err instanceof AwsActionError);
      assert.equal(err.kind, 'network');
      assert.match(err.message, new RegExp(`could not reach ${url} \\(ECONNREFUSED\\)`));
      const { client: sfn, sdk } = await s.sfn();
      const sfnErr = await callAws({ service: 'states', operation: 'ListStateMachines' }, () => sfn.send(new sdk.ListStateMachinesCommand({}))).catch((e: unknown) => e);
      assert.ok(sfnErr instanceof AwsActionError);
      assert.match(sfnErr.message, new RegExp(`could not reach ${url}`));
      s.dispose();
    });
  });

  it('logs each call without credentials or signatures', async () => {
    const { client, sdk } = await session.sfn();
    await client.send(new sdk.ListStateMachinesCommand({}));
    await (await session.mwaaServerless()).client.listWorkflows({});
    const log = logger.lines.join('\n');
    assert.match(log, /states ListStateMachines us-east-1 -> 200/);
    assert.match(log, /airflow-serverless ListWorkflows us-east-1 -> 200/);
    assert.doesNotMatch(log, /Signature=|AWS4-HMAC|secret/i);
  });
});
