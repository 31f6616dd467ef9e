import assert from 'node:assert/strict';
import { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RunningEmulator } from './server';
import { AwsJsonError, clients, rejection, startTestEmulator, type MwaaServerlessTestClient } from './testSupport';

const ROLE = 'arn:aws:iam::000000000000:role/ServerlessRole';
const dag = (task: string) => `etl:\n  dag_id: etl\n  schedule: "0 3 * * *"\n  tasks:\n    ${task}:\n      operator: airflow.providers.standard.operators.empty.EmptyOperator\n      task_id: ${task}\n`;

interface CreateOutput {
  WorkflowArn: string;
  WorkflowVersion: string;
  CreatedAt: string;
  IsLatestVersion: boolean;
}

describe('emulator: MWAA Serverless', () => {
  let emulator: RunningEmulator;
  let mws: MwaaServerlessTestClient;
  let s3: S3Client;
  let firstVersionId: string;

  before(async () => {
    emulator = await startTestEmulator();
    ({ serverless: mws, s3 } = clients(emulator));
    await s3.send(new CreateBucketCommand({ Bucket: 'dags' }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'dags', VersioningConfiguration: { Status: 'Enabled' } }));
    firstVersionId = (await s3.send(new PutObjectCommand({ Bucket: 'dags', Key: 'etl.yaml', Body: dag('extract') }))).VersionId!;
  });
  after(() => emulator.stop());

  it('creates a workflow from an S3 definition, snapshots it, and gets it with ISO-8601 timestamps', async () => {
    const created = await mws.send<CreateOutput>('CreateWorkflow', { Name: 'etl', DefinitionS3Location: { Bucket: 'dags', ObjectKey: 'etl.yaml' }, RoleArn: ROLE, ClientToken: 'c-1' });
    assert.match(created.WorkflowArn, /^arn:aws:airflow-serverless:us-east-1:000000000000:workflow\/etl-[a-zA-Z0-9]{10}$/);
    assert.match(created.WorkflowVersion, /^[a-z0-9]{32}$/);
    assert.match(created.CreatedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    assert.equal(created.IsLatestVersion, true);
    // Changing the object afterwards does not change the stored snapshot.
    await s3.send(new PutObjectCommand({ Bucket: 'dags', Key: 'etl.yaml', Body: dag('changed') }));
    const got = await mws.send<{ WorkflowDefinition: string; ScheduleConfiguration: { CronExpression: string }; WorkflowStatus: string }>('GetWorkflow', { WorkflowArn: created.WorkflowArn });
    assert.equal(got.WorkflowDefinition, dag('extract'));
    assert.equal(got.ScheduleConfiguration.CronExpression, '0 3 * * *');
    assert.equal(got.WorkflowStatus, 'READY');
  });

  it('replays CreateWorkflow with the same ClientToken and refuses it with other parameters', async () => {
    const input = { Name: 'idem', DefinitionS3Location: { Bucket: 'dags', ObjectKey: 'etl.yaml' }, RoleArn: ROLE, ClientToken: 'same-token' };
    const first = await mws.send<CreateOutput>('CreateWorkflow', input);
    const replay = await mws.send<CreateOutput>('CreateWorkflow', input);
    assert.equal(replay.WorkflowArn, first.WorkflowArn);
    const mismatch = await rejection<AwsJsonError>(() => mws.send('CreateWorkflow', { ...input, Description: 'other' }));
    assert.equal(mismatch.type, 'ConflictException');
    assert.equal(mismatch.status, 409);
    const sameName = await rejection<AwsJsonError>(() => mws.send('CreateWorkflow', { ...input, ClientToken: 'another' }));
    assert.equal(sameName.type, 'ConflictException');
    assert.equal(sameName.body.ResourceType, 'Workflow');
  });

  it('refuses a missing definition object with the ValidationException shape', async () => {
    const e = await rejection<AwsJsonError>(() => mws.send('CreateWorkflow', { Name: 'missing', DefinitionS3Location: { Bucket: 'dags', ObjectKey: 'nope.yaml' }, RoleArn: ROLE }));
    assert.equal(e.type, 'ValidationException');
    assert.equal(e.status, 400);
    assert.equal(e.body.Reason, 'fieldValidationFailed');
    assert.deepEqual((e.body.FieldList as { Name: string }[]).map((f) => f.Name), ['DefinitionS3Location']);
    assert.match(String(e.body.Message), /s3:\/\/dags\/nope\.yaml/);
  });

  it('validates against the model: missing member, bad pattern, out of range, bad enum', async () => {
    const missing = await rejection<AwsJsonError>(() => mws.send('CreateWorkflow', { Name: 'x', DefinitionS3Location: { Bucket: 'dags', ObjectKey: 'etl.yaml' } }));
    assert.equal(missing.type, 'ValidationException');
    assert.deepEqual((missing.body.FieldList as { Name: string }[]).map((f) => f.Name), ['/RoleArn']);
    const pattern = await rejection<AwsJsonError>(() => mws.send('CreateWorkflow', { Name: '-bad name', DefinitionS3Location: { Bucket: 'dags', ObjectKey: 'etl.yaml' }, RoleArn: ROLE }));
    assert.match(String(pattern.body.Message), /Value at '\/Name' failed to satisfy constraint: Member must satisfy regular expression pattern/);
    const range = await rejection<AwsJsonError>(() => mws.send('ListWorkflows', { MaxResults: 101 }));
    assert.match(String(range.body.Message), /Member must have value less than or equal to 100/);
    const badEnum = await rejection<AwsJsonError>(() =>
      mws.send('CreateWorkflow', { Name: 'enc', DefinitionS3Location: { Bucket: 'dags', ObjectKey: 'etl.yaml' }, RoleArn: ROLE, EncryptionConfiguration: { Type: 'MINE' } }),
    );
    assert.match(String(badEnum.body.Message), /\/EncryptionConfiguration\/Type/);
  });

  it('makes a new version on update, lists versions, runs a version and lists its runs and task instances', async () => {
    const created = await mws.send<CreateOutput>('CreateWorkflow', { Name: 'versions', DefinitionS3Location: { Bucket: 'dags', ObjectKey: 'etl.yaml', VersionId: firstVersionId }, RoleArn: ROLE });
    const updated = await mws.send<{ WorkflowVersion: string }>('UpdateWorkflow', { WorkflowArn: created.WorkflowArn, DefinitionS3Location: { Bucket: 'dags', ObjectKey: 'etl.yaml' }, RoleArn: ROLE });
    assert.notEqual(updated.WorkflowVersion, created.WorkflowVersion);
    const versions = await mws.send<{ WorkflowVersions: { WorkflowVersion: string; IsLatestVersion: boolean }[] }>('ListWorkflowVersions', { WorkflowArn: created.WorkflowArn });
    assert.deepEqual(versions.WorkflowVersions.map((v) => [v.WorkflowVersion, v.IsLatestVersion]), [[updated.WorkflowVersion, true], [created.WorkflowVersion, false]]);
    const old = await mws.send<{ WorkflowDefinition: string }>('GetWorkflow', { WorkflowArn: created.WorkflowArn, WorkflowVersion: created.WorkflowVersion });
    assert.equal(old.WorkflowDefinition, dag('extract'));

    const run = await mws.send<{ RunId: string; Status: string }>('StartWorkflowRun', { WorkflowArn: created.WorkflowArn, ClientToken: 'run-1' });
    const detail = await mws.send<{ RunDetail: { RunState: string; TaskInstances: string[] }; WorkflowVersion: string }>('GetWorkflowRun', { WorkflowArn: created.WorkflowArn, RunId: run.RunId });
    assert.equal(detail.RunDetail.RunState, 'QUEUED');
    assert.equal(detail.WorkflowVersion, updated.WorkflowVersion);
    const runs = await mws.send<{ WorkflowRuns: { RunId: string }[] }>('ListWorkflowRuns', { WorkflowArn: created.WorkflowArn });
    assert.deepEqual(runs.WorkflowRuns.map((r) => r.RunId), [run.RunId]);
    const tasks = await mws.send<{ TaskInstances: { TaskInstanceId: string; OperatorName: string }[] }>('ListTaskInstances', { WorkflowArn: created.WorkflowArn, RunId: run.RunId });
    assert.deepEqual(tasks.TaskInstances.map((t) => t.OperatorName), ['EmptyOperator']);
    const task = await mws.send<{ Status: string; TaskId: string }>('GetTaskInstance', { WorkflowArn: created.WorkflowArn, RunId: run.RunId, TaskInstanceId: tasks.TaskInstances[0].TaskInstanceId });
    assert.deepEqual([task.TaskId, task.Status], ['changed', 'NONE']);
    const stopped = await mws.send<{ RunId: string; Status: string }>('StopWorkflowRun', { WorkflowArn: created.WorkflowArn, RunId: run.RunId });
    assert.deepEqual([stopped.RunId, stopped.Status], [run.RunId, 'STOPPING']);
  });

  it('tags, lists workflows across 3+ pages, and deletes', async () => {
    const eu = clients(emulator, 'eu-west-3');
    await eu.s3.send(new PutObjectCommand({ Bucket: 'dags', Key: 'eu.yaml', Body: dag('t') }));
    const arns: string[] = [];
    for (let i = 0; i < 21; i++) arns.push((await eu.serverless.send<CreateOutput>('CreateWorkflow', { Name: `wf${i}`, DefinitionS3Location: { Bucket: 'dags', ObjectKey: 'eu.yaml' }, RoleArn: ROLE })).WorkflowArn);
    await eu.serverless.send('TagResource', { ResourceArn: arns[0], Tags: { team: 'data' } });
    assert.deepEqual((await eu.serverless.send<{ Tags: Record<string, string> }>('ListTagsForResource', { ResourceArn: arns[0] })).Tags, { team: 'data' });
    await eu.serverless.send('UntagResource', { ResourceArn: arns[0], TagKeys: ['team'] });
    assert.deepEqual((await eu.serverless.send<{ Tags: Record<string, string> }>('ListTagsForResource', { ResourceArn: arns[0] })).Tags, {});
    const seen: string[] = [];
    let pages = 0;
    let NextToken: string | undefined;
    do {
      const page = await eu.serverless.send<{ Workflows: { WorkflowArn: string }[]; NextToken?: string }>('ListWorkflows', NextToken ? { NextToken } : {});
      pages++;
      seen.push(...page.Workflows.map((w) => w.WorkflowArn));
      NextToken = page.NextToken;
    } while (NextToken);
    assert.equal(pages, 3);
    assert.deepEqual(new Set(seen), new Set(arns));
    await eu.serverless.send('DeleteWorkflow', { WorkflowArn: arns[0] });
    const gone = await rejection<AwsJsonError>(() => eu.serverless.send('GetWorkflow', { WorkflowArn: arns[0] }));
    assert.equal(gone.type, 'ResourceNotFoundException');
    assert.equal(gone.status, 404);
  });
});
