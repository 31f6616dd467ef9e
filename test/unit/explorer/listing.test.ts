// The explorer's List/Describe calls through the real AwsSession and SDK, against the emulator.
import * as assert from 'node:assert/strict';
import { AwsSession } from '../../../src/aws/session';
import { silentLogger } from '../../../src/core/log';
import { fetchDefinition, fetchDetails, startExecution, describeExecution } from '../../../src/explorer/model/details';
import { startServerlessRun } from '../../../src/explorer/model/serverlessRuns';
import { listChildPage, listGroupPage } from '../../../src/explorer/model/listing';
import { PagedList } from '../../../src/explorer/model/pagedList';
import type { ResourceItem } from '../../../src/explorer/model/resources';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

describe('explorer listing against the emulator (demo seed)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let session: AwsSession;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', quiet: true });
    session = new AwsSession({
      logger: silentLogger,
      env: { AWS_ENDPOINT_URL: emulator.endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' },
      retry: { maxAttempts: 1 },
    });
  });
  after(async () => {
    session?.dispose();
    await emulator?.stop();
  });

  async function all(group: Parameters<typeof listGroupPage>[1], region: string, pageSize = 50): Promise<ResourceItem[]> {
    const list = new PagedList((token) => listGroupPage(session, group, region, pageSize, token));
    await list.loadUntil(() => false);
    assert.equal(list.error, undefined, String(list.error));
    return [...list.items];
  }

  it('lists every group in each region, with what List returns', async () => {
    const machines = await all('stateMachines', 'us-east-1');
    assert.deepEqual(machines.map((m) => m.name).sort(), ['EncryptedPipeline', 'NightlyReport', 'OrderProcessing']);
    assert.equal(machines.find((m) => m.name === 'NightlyReport')?.type, 'EXPRESS');
    assert.deepEqual((await all('activities', 'eu-west-1')).map((a) => a.name), ['EuApproval']);
    const ib = await all('imageBuilderWorkflows', 'us-east-1');
    assert.deepEqual(ib.map((w) => `${w.name} ${w.version} ${w.type}`).sort(), ['demo-approval 1.0.0 BUILD', 'demo-build 1.0.0 BUILD', 'demo-build 1.1.0 BUILD', 'demo-test 1.0.0 TEST']);
    assert.deepEqual((await all('mwaaEnvironments', 'eu-west-1')).map((e) => e.name), ['EuropeAirflow']);
    const serverless = await all('mwaaServerlessWorkflows', 'us-east-1');
    assert.deepEqual(serverless.map((w) => w.name).sort(), ['hourly-report', 'nightly-etl']);
    assert.equal(serverless[0].status, 'READY');
  });

  it('pages with the page size and the token', async () => {
    const first = await listGroupPage(session, 'stateMachines', 'us-east-1', 2);
    assert.equal(first.items.length, 2);
    assert.ok(first.nextToken);
    const second = await listGroupPage(session, 'stateMachines', 'us-east-1', 2, first.nextToken);
    assert.equal(second.items.length, 1);
    assert.equal(second.nextToken, undefined);
  });

  it('lists versions, aliases and build versions beneath items', async () => {
    const orders = (await all('stateMachines', 'us-east-1')).find((m) => m.name === 'OrderProcessing')!;
    const versions = await listChildPage(session, 'stateMachineVersions', orders, 50);
    assert.deepEqual(versions.items.map((v) => v.name), ['OrderProcessing:1']);
    // Aliases come with their routing (one DescribeStateMachineAlias each), and the machine's type.
    const aliases = await listChildPage(session, 'stateMachineAliases', orders, 50);
    assert.deepEqual(aliases.items.map((a) => [a.kind, a.name, a.type, a.routing]), [['stateMachineAlias', 'OrderProcessing:prod', 'STANDARD', [{ version: '1', weight: 100 }]]]);
    const build = (await all('imageBuilderWorkflows', 'us-east-1')).find((w) => w.version === '1.1.0')!;
    const builds = await listChildPage(session, 'imageBuilderBuildVersions', build, 50);
    assert.equal(builds.items.length, 1);
    assert.match(builds.items[0].arn ?? '', /workflow\/build\/demo-build\/1\.1\.0\/1$/);
  });

  it('details: encryption in force, Airflow version, role', async () => {
    const machines = await all('stateMachines', 'us-east-1');
    const encrypted = await fetchDetails(session, machines.find((m) => m.name === 'EncryptedPipeline')!);
    assert.match(encrypted.encryption ?? '', /^customer managed KMS key .*workflows-demo/);
    const plain = await fetchDetails(session, machines.find((m) => m.name === 'NightlyReport')!);
    assert.equal(plain.encryption, 'AWS-owned key');
    const env = await fetchDetails(session, (await all('mwaaEnvironments', 'us-east-1')).find((e) => e.name === 'DemoAirflow')!);
    assert.equal(env.airflowVersion, '2.10.3');
    assert.equal(env.status, 'AVAILABLE');
  });

  it('definitions come from DescribeStateMachine, GetWorkflow, and GetWorkflow + S3', async () => {
    const orders = (await all('stateMachines', 'us-east-1')).find((m) => m.name === 'OrderProcessing')!;
    const asl = await fetchDefinition(session, orders);
    assert.equal(asl.language, 'asl');
    assert.equal(JSON.parse(asl.text).StartAt, 'ValidateOrder');
    const ib = await fetchDefinition(session, (await all('imageBuilderWorkflows', 'us-east-1')).find((w) => w.name === 'demo-test')!);
    assert.equal(ib.language, 'yaml');
    assert.match(ib.text, /RunTests/);
    const dag = await fetchDefinition(session, (await all('mwaaServerlessWorkflows', 'us-east-1')).find((w) => w.name === 'nightly-etl')!);
    assert.equal(dag.language, 'yaml');
    assert.equal(dag.fileName, 'nightly_etl.yaml');
    assert.match(dag.text, /^nightly_etl:/);
  });

  it('a DAG definition in S3 over 10 MB is refused before its body is read, in one sentence', async () => {
    const workflow = (await all('mwaaServerlessWorkflows', 'us-east-1')).find((w) => w.name === 'nightly-etl')!;
    const { client } = await session.mwaaServerless('us-east-1');
    const loc = (await client.getWorkflow({ WorkflowArn: workflow.arn ?? '' })).DefinitionS3Location!;
    const s3 = await session.s3('us-east-1');
    const original = await (await s3.client.send(new s3.sdk.GetObjectCommand({ Bucket: loc.Bucket, Key: loc.ObjectKey }))).Body!.transformToString('utf-8');
    await s3.client.send(new s3.sdk.PutObjectCommand({ Bucket: loc.Bucket, Key: loc.ObjectKey, Body: 'x'.repeat(11 * 1024 * 1024) }));
    try {
      await assert.rejects(fetchDefinition(session, { ...workflow, workflowVersion: undefined }), /^Error: The definition of nightly-etl \(s3:\/\/.+\) is 11\.0 MB, more than the 10 MB a definition is opened at; download it from S3 instead\.$/);
    } finally {
      await s3.client.send(new s3.sdk.PutObjectCommand({ Bucket: loc.Bucket, Key: loc.ObjectKey, Body: original }));
    }
  });

  it('a definition and an execution the caller may not decrypt: what METADATA_ONLY answers, and why the rest is missing', async () => {
    const encrypted = (await all('stateMachines', 'us-east-1')).find((m) => m.name === 'EncryptedPipeline')!;
    const doc = await fetchDefinition(session, encrypted);
    const reason = 'The definition of EncryptedPipeline is encrypted with alias/workflows-demo; reading it needs kms:Decrypt on that key.';
    assert.equal(doc.unreadable, reason);
    assert.equal(doc.language, 'json');
    assert.equal(doc.fileName, 'EncryptedPipeline.metadata.json');
    const shown = JSON.parse(doc.text);
    assert.equal(shown.definition, `(not readable) ${reason}`);
    assert.equal(shown.stateMachineArn, encrypted.arn);
    assert.equal(shown.encryptionConfiguration.kmsKeyId, 'alias/workflows-demo');
    assert.equal(shown.$metadata, undefined);
    const started = await startExecution(session, encrypted, '{"secret":1}');
    const result = await describeExecution(session, 'us-east-1', started.executionArn);
    assert.equal(result.status, 'SUCCEEDED');
    assert.equal(result.output, undefined);
    assert.equal(result.unreadable, `The input and output of execution ${started.executionArn.split(':').pop()} are encrypted with alias/workflows-demo; reading them needs kms:Decrypt on that key.`);
  });

  it('starts an execution and a run', async () => {
    const orders = (await all('stateMachines', 'us-east-1')).find((m) => m.name === 'OrderProcessing')!;
    const started = await startExecution(session, orders, '{"valid":true}');
    assert.match(started.executionArn, /:execution:OrderProcessing:/);
    const result = await describeExecution(session, 'us-east-1', started.executionArn);
    assert.ok(result.status);
    const wf = (await all('mwaaServerlessWorkflows', 'us-east-1')).find((w) => w.name === 'hourly-report')!;
    const run = await startServerlessRun(session, wf, {});
    assert.ok(run.runId);
    const runs = await listChildPage(session, 'mwaaServerlessRuns', wf, 50);
    assert.ok(runs.items.some((r) => r.name === run.runId && r.status));
  });

  it('an injected AccessDenied becomes a sentence naming the IAM action', async () => {
    await fetch(`${emulator.endpoint}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ operation: 'ListActivities', count: 1, kind: 'accessDenied' }) });
    const list = new PagedList((token) => listGroupPage(session, 'activities', 'us-east-1', 50, token));
    await list.ensureFirstPage();
    assert.match((list.error as Error).message, /states:ListActivities/);
    await list.loadMore();
    assert.equal(list.error, undefined);
    assert.equal(list.items.length, 2);
  });
});
