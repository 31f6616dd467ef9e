import assert from 'node:assert/strict';
import {
  CreateWorkflowCommand,
  DeleteWorkflowCommand,
  GetWorkflowCommand,
  ListTagsForResourceCommand,
  ListWorkflowBuildVersionsCommand,
  ListWorkflowsCommand,
  type ImagebuilderClient,
} from '@aws-sdk/client-imagebuilder';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RunningEmulator } from './server';
import { clients, rejection, startTestEmulator } from './testSupport';

const DOC = 'name: build\nschemaVersion: 1.0\nsteps:\n  - name: Launch\n    action: LaunchInstance\n    onFailure: Abort\n';

describe('emulator: EC2 Image Builder', () => {
  let emulator: RunningEmulator;
  let ib: ImagebuilderClient;
  let s3: S3Client;

  before(async () => {
    emulator = await startTestEmulator();
    ({ imagebuilder: ib, s3 } = clients(emulator));
  });
  after(() => emulator.stop());

  it('creates a workflow, gets it by build or version ARN, lists it and deletes it', async () => {
    const created = await ib.send(new CreateWorkflowCommand({ name: 'My Build', semanticVersion: '1.2.3', type: 'BUILD', data: DOC, description: 'd', tags: { team: 'x' } }));
    assert.equal(created.workflowBuildVersionArn, 'arn:aws:imagebuilder:us-east-1:000000000000:workflow/build/my-build/1.2.3/1');
    assert.ok(created.clientToken, 'the SDK fills clientToken and the service echoes it');
    const got = await ib.send(new GetWorkflowCommand({ workflowBuildVersionArn: created.workflowBuildVersionArn }));
    assert.equal(got.workflow?.data, DOC);
    assert.equal(got.workflow?.name, 'My Build');
    assert.deepEqual(got.workflow?.tags, { team: 'x' });
    const byVersion = await ib.send(new GetWorkflowCommand({ workflowBuildVersionArn: 'arn:aws:imagebuilder:us-east-1:000000000000:workflow/build/my-build/1.x.x' }));
    assert.equal(byVersion.workflow?.arn, created.workflowBuildVersionArn);
    const listed = await ib.send(new ListWorkflowsCommand({}));
    assert.ok(listed.workflowVersionList?.some((w) => w.arn === 'arn:aws:imagebuilder:us-east-1:000000000000:workflow/build/my-build/1.2.3'));
    const builds = await ib.send(new ListWorkflowBuildVersionsCommand({ workflowVersionArn: 'arn:aws:imagebuilder:us-east-1:000000000000:workflow/build/my-build/1.2.3' }));
    assert.deepEqual(builds.workflowSummaryList?.map((w) => w.arn), [created.workflowBuildVersionArn]);
    const tags = await ib.send(new ListTagsForResourceCommand({ resourceArn: created.workflowBuildVersionArn }));
    assert.deepEqual(tags.tags, { team: 'x' });
    const deleted = await ib.send(new DeleteWorkflowCommand({ workflowBuildVersionArn: created.workflowBuildVersionArn }));
    assert.equal(deleted.workflowBuildVersionArn, created.workflowBuildVersionArn);
    const gone = await rejection(() => ib.send(new GetWorkflowCommand({ workflowBuildVersionArn: created.workflowBuildVersionArn })));
    assert.equal(gone.name, 'ResourceNotFoundException');
    assert.equal(gone.$metadata?.httpStatusCode, 404);
  });

  it('answers the real errors for an existing version, both or neither of data and uri, and version nodes out of range', async () => {
    await ib.send(new CreateWorkflowCommand({ name: 'dup', semanticVersion: '1.0.0', type: 'TEST', data: DOC }));
    const exists = await rejection(() => ib.send(new CreateWorkflowCommand({ name: 'dup', semanticVersion: '1.0.0', type: 'TEST', data: DOC })));
    assert.equal(exists.name, 'ResourceAlreadyExistsException');
    const both = await rejection(() => ib.send(new CreateWorkflowCommand({ name: 'both', semanticVersion: '1.0.0', type: 'TEST', data: DOC, uri: 's3://b/k' })));
    assert.equal(both.name, 'InvalidParameterCombinationException');
    const neither = await rejection(() => ib.send(new CreateWorkflowCommand({ name: 'neither', semanticVersion: '1.0.0', type: 'TEST' })));
    assert.equal(neither.name, 'InvalidRequestException');
    const node = await rejection(() => ib.send(new CreateWorkflowCommand({ name: 'big', semanticVersion: '1073741824.0.0', type: 'TEST', data: DOC })));
    assert.equal(node.name, 'InvalidVersionNumberException');
  });

  it('validates against the model: bad pattern, too long, bad enum, missing member', async () => {
    const pattern = await rejection(() => ib.send(new CreateWorkflowCommand({ name: 'ok-name', semanticVersion: '1.0', type: 'BUILD', data: DOC })));
    assert.equal(pattern.name, 'InvalidParameterValueException');
    assert.match(pattern.message, /The value supplied for parameter 'semanticVersion' is not valid\. semanticVersion must match pattern/);
    assert.equal(pattern.$metadata?.httpStatusCode, 400);
    const long = await rejection(() => ib.send(new CreateWorkflowCommand({ name: 'long', semanticVersion: '1.0.0', type: 'BUILD', data: 'x'.repeat(16001) })));
    assert.equal(long.name, 'InvalidParameterValueException');
    assert.match(long.message, /'data'/);
    const badEnum = await rejection(() => ib.send(new CreateWorkflowCommand({ name: 'enum', semanticVersion: '1.0.0', type: 'DEPLOY' as never, data: DOC })));
    assert.match(badEnum.message, /'type'/);
    const missing = await rejection(() => ib.send(new CreateWorkflowCommand({ semanticVersion: '1.0.0', type: 'BUILD', data: DOC } as never)));
    assert.match(missing.message, /'name' is not valid\. name must not be null/);
  });

  it('replays a clientToken with the same parameters and refuses it with different ones', async () => {
    const input = { name: 'idem', semanticVersion: '2.0.0', type: 'BUILD' as const, data: DOC, clientToken: 'token-1' };
    const first = await ib.send(new CreateWorkflowCommand(input));
    const replay = await ib.send(new CreateWorkflowCommand(input));
    assert.equal(replay.workflowBuildVersionArn, first.workflowBuildVersionArn);
    const mismatch = await rejection(() => ib.send(new CreateWorkflowCommand({ ...input, description: 'changed' })));
    assert.equal(mismatch.name, 'IdempotentParameterMismatchException');
  });

  it('honours dryRun without creating anything', async () => {
    const dry = await rejection(() => ib.send(new CreateWorkflowCommand({ name: 'dry', semanticVersion: '1.0.0', type: 'BUILD', data: DOC, dryRun: true })));
    assert.equal(dry.name, 'DryRunOperationException');
    assert.equal(dry.$metadata?.httpStatusCode, 412);
    const listed = await ib.send(new ListWorkflowsCommand({ filters: [{ name: 'name', values: ['dry'] }] }));
    assert.deepEqual(listed.workflowVersionList, []);
  });

  it('reads uri documents from the emulated S3 and refuses a missing object', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'ib-docs' }));
    await s3.send(new PutObjectCommand({ Bucket: 'ib-docs', Key: 'wf/build.yaml', Body: DOC }));
    const created = await ib.send(new CreateWorkflowCommand({ name: 'from-s3', semanticVersion: '1.0.0', type: 'BUILD', uri: 's3://ib-docs/wf/build.yaml' }));
    assert.equal((await ib.send(new GetWorkflowCommand({ workflowBuildVersionArn: created.workflowBuildVersionArn }))).workflow?.data, DOC);
    const missing = await rejection(() => ib.send(new CreateWorkflowCommand({ name: 'missing', semanticVersion: '1.0.0', type: 'BUILD', uri: 's3://ib-docs/nope.yaml' })));
    assert.equal(missing.name, 'InvalidParameterValueException');
  });

  it('pages ListWorkflows across 3+ pages and honours maxResults', async () => {
    const eu = clients(emulator, 'eu-central-1').imagebuilder;
    for (let i = 0; i < 23; i++) await eu.send(new CreateWorkflowCommand({ name: `wf-${String(i).padStart(2, '0')}`, semanticVersion: '1.0.0', type: 'BUILD', data: DOC }));
    let pages = 0;
    const arns: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await eu.send(new ListWorkflowsCommand({ nextToken }));
      pages++;
      arns.push(...(page.workflowVersionList ?? []).map((w) => w.arn!));
      nextToken = page.nextToken;
    } while (nextToken);
    assert.equal(pages, 3);
    assert.equal(new Set(arns).size, 23);
    assert.equal((await eu.send(new ListWorkflowsCommand({ maxResults: 5 }))).workflowVersionList?.length, 5);
    const bad = await rejection(() => eu.send(new ListWorkflowsCommand({ nextToken: 'bogus' })));
    assert.equal(bad.name, 'InvalidPaginationTokenException');
    const range = await rejection(() => eu.send(new ListWorkflowsCommand({ maxResults: 26 })));
    assert.equal(range.name, 'InvalidParameterValueException');
  });
});
