import assert from 'node:assert/strict';
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DeleteActivityCommand,
  DeleteStateMachineCommand,
  DescribeActivityCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ListActivitiesCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  ListStateMachineVersionsCommand,
  ListTagsForResourceCommand,
  StartExecutionCommand,
  TagResourceCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import type { RunningEmulator } from './server';
import { clients, rejection, startTestEmulator } from './testSupport';

const ROLE = 'arn:aws:iam::000000000000:role/TestRole';
const DEFINITION = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });

describe('emulator: Step Functions', () => {
  let emulator: RunningEmulator;
  let sfn: SFNClient;

  before(async () => {
    emulator = await startTestEmulator();
    sfn = clients(emulator).sfn;
  });
  after(() => emulator.stop());

  it('creates, describes, updates and deletes a state machine', async () => {
    const created = await sfn.send(
      new CreateStateMachineCommand({
        name: 'Lifecycle',
        definition: DEFINITION,
        roleArn: ROLE,
        type: 'EXPRESS',
        tracingConfiguration: { enabled: true },
        loggingConfiguration: { level: 'ALL', includeExecutionData: true, destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: 'arn:aws:logs:us-east-1:000000000000:log-group:sfn:*' } }] },
        tags: [{ key: 'team', value: 'a' }],
      }),
    );
    assert.equal(created.stateMachineArn, 'arn:aws:states:us-east-1:000000000000:stateMachine:Lifecycle');
    assert.ok(created.creationDate instanceof Date);
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    assert.equal(described.type, 'EXPRESS');
    assert.equal(described.definition, DEFINITION);
    assert.equal(described.tracingConfiguration?.enabled, true);
    assert.equal(described.loggingConfiguration?.level, 'ALL');

    const newDefinition = JSON.stringify({ StartAt: 'B', States: { B: { Type: 'Succeed' } } });
    const updated = await sfn.send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition: newDefinition }));
    assert.ok(updated.updateDate instanceof Date);
    assert.equal((await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }))).definition, newDefinition);

    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    const gone = await rejection(() => sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn! })));
    assert.equal(gone.name, 'StateMachineDoesNotExist');
  });

  it('is idempotent on an identical create and refuses a different definition under the same name', async () => {
    const first = await sfn.send(new CreateStateMachineCommand({ name: 'Idem', definition: DEFINITION, roleArn: ROLE }));
    const again = await sfn.send(new CreateStateMachineCommand({ name: 'Idem', definition: DEFINITION, roleArn: 'arn:aws:iam::000000000000:role/Other' }));
    assert.equal(again.stateMachineArn, first.stateMachineArn);
    assert.equal(again.creationDate?.getTime(), first.creationDate?.getTime());
    const other = JSON.stringify({ StartAt: 'X', States: { X: { Type: 'Succeed' } } });
    const e = await rejection(() => sfn.send(new CreateStateMachineCommand({ name: 'Idem', definition: other, roleArn: ROLE })));
    assert.equal(e.name, 'StateMachineAlreadyExists');
  });

  it('publishes versions on create and update, and lists them newest first', async () => {
    const created = await sfn.send(new CreateStateMachineCommand({ name: 'Versioned', definition: DEFINITION, roleArn: ROLE, publish: true, versionDescription: 'v1' }));
    assert.equal(created.stateMachineVersionArn, `${created.stateMachineArn}:1`);
    const updated = await sfn.send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, roleArn: ROLE, publish: true, versionDescription: 'v2' }));
    assert.equal(updated.stateMachineVersionArn, `${created.stateMachineArn}:2`);
    const versions = await sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn: created.stateMachineArn }));
    assert.deepEqual(versions.stateMachineVersions?.map((v) => v.stateMachineVersionArn), [`${created.stateMachineArn}:2`, `${created.stateMachineArn}:1`]);
    const v1 = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: `${created.stateMachineArn}:1` }));
    assert.equal(v1.description, 'v1');
  });

  it('allows versionDescription only with publish', async () => {
    const e = await rejection(() => sfn.send(new CreateStateMachineCommand({ name: 'NoPublish', definition: DEFINITION, roleArn: ROLE, versionDescription: 'x' })));
    assert.equal(e.name, 'ValidationException');
  });

  it('applies the encryption rules and hides the definition for METADATA_ONLY with a customer key', async () => {
    const noKey = await rejection(() => sfn.send(new CreateStateMachineCommand({ name: 'Enc1', definition: DEFINITION, roleArn: ROLE, encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY' } })));
    assert.equal(noKey.name, 'InvalidEncryptionConfiguration');
    const period = await rejection(() =>
      sfn.send(new CreateStateMachineCommand({ name: 'Enc2', definition: DEFINITION, roleArn: ROLE, encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/k', kmsDataKeyReusePeriodSeconds: 30 } })),
    );
    assert.equal(period.name, 'InvalidEncryptionConfiguration');
    const otherRegion = await rejection(() =>
      sfn.send(
        new CreateStateMachineCommand({
          name: 'Enc3',
          definition: DEFINITION,
          roleArn: ROLE,
          encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'arn:aws:kms:eu-west-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
        }),
      ),
    );
    assert.equal(otherRegion.name, 'InvalidEncryptionConfiguration');
    const ok = await sfn.send(
      new CreateStateMachineCommand({ name: 'Enc4', definition: DEFINITION, roleArn: ROLE, encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/workflows' } }),
    );
    const meta = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: ok.stateMachineArn, includedData: 'METADATA_ONLY' }));
    assert.equal(meta.definition, '{}');
    assert.equal(meta.encryptionConfiguration?.kmsDataKeyReusePeriodSeconds, 300);
    const all = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: ok.stateMachineArn, includedData: 'ALL_DATA' }));
    assert.equal(all.definition, DEFINITION);
  });

  it('refuses invalid names, role ARNs, definitions and logging configurations with the service errors', async () => {
    const name = await rejection(() => sfn.send(new CreateStateMachineCommand({ name: 'has space', definition: DEFINITION, roleArn: ROLE })));
    assert.equal(name.name, 'InvalidName');
    const role = await rejection(() => sfn.send(new CreateStateMachineCommand({ name: 'BadRole', definition: DEFINITION, roleArn: 'arn:aws:iam::000000000000:user/x' })));
    assert.equal(role.name, 'InvalidArn');
    const definition = await rejection(() => sfn.send(new CreateStateMachineCommand({ name: 'BadDef', definition: '{"StartAt":"Nope","States":{"A":{"Type":"Pass","End":true}}}', roleArn: ROLE })));
    assert.equal(definition.name, 'InvalidDefinition');
    assert.match(definition.message, /MISSING_TRANSITION_TARGET/);
    const logging = await rejection(() =>
      sfn.send(new CreateStateMachineCommand({ name: 'BadLog', definition: DEFINITION, roleArn: ROLE, loggingConfiguration: { level: 'ALL', destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: 'arn:aws:logs:us-east-1:000000000000:log-group:x' } }] } })),
    );
    assert.equal(logging.name, 'InvalidLoggingConfiguration');
  });

  it('validates requests against the model: missing member, length, enum and range', async () => {
    const missing = await rejection(() => sfn.send(new CreateStateMachineCommand({ name: 'M', definition: DEFINITION } as never)));
    assert.equal(missing.name, 'ValidationException');
    assert.match(missing.message, /Value null at 'roleArn' failed to satisfy constraint: Member must not be null/);
    const tooLong = await rejection(() => sfn.send(new CreateStateMachineCommand({ name: 'x'.repeat(81), definition: DEFINITION, roleArn: ROLE })));
    assert.equal(tooLong.name, 'ValidationException');
    assert.match(tooLong.message, /at 'name' failed to satisfy constraint: Member must have length less than or equal to 80/);
    const badEnum = await rejection(() => sfn.send(new CreateStateMachineCommand({ name: 'E', definition: DEFINITION, roleArn: ROLE, type: 'BATCH' as never })));
    assert.match(badEnum.message, /Member must satisfy enum value set: \[STANDARD, EXPRESS\]/);
    const range = await rejection(() => sfn.send(new ListStateMachinesCommand({ maxResults: 1001 })));
    assert.equal(range.name, 'ValidationException');
    assert.match(range.message, /at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000/);
    assert.equal(range.$metadata?.httpStatusCode, 400);
  });

  it('validates definitions: parse errors, missing StartAt and transitions to missing states', async () => {
    const parse = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: '{"StartAt": ' }));
    assert.equal(parse.result, 'FAIL');
    assert.equal(parse.diagnostics?.[0].code, 'INVALID_JSON_DESCRIPTION');
    const noStart = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: '{"States":{"A":{"Type":"Succeed"}}}' }));
    assert.deepEqual(noStart.diagnostics?.map((d) => [d.code, d.location]), [['SCHEMA_VALIDATION_FAILED', '/']]);
    const next = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Ghost"}}}' }));
    assert.deepEqual(next.diagnostics?.map((d) => [d.severity, d.code, d.location]), [['ERROR', 'MISSING_TRANSITION_TARGET', '/States/A/Next']]);
    const ok = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: DEFINITION }));
    assert.equal(ok.result, 'OK');
    assert.deepEqual(ok.diagnostics, []);
  });

  it('starts, describes and lists executions (a Pass definition answers its input)', async () => {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Runner', definition: DEFINITION, roleArn: ROLE }));
    const started = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'run-1', input: '{"n":1}' }));
    assert.equal(started.executionArn, 'arn:aws:states:us-east-1:000000000000:execution:Runner:run-1');
    let described = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    // Executions run in the background (stepfunctionsRuns.test.ts covers them); a Pass ends at once.
    while (described.status === 'RUNNING') described = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    assert.equal(described.status, 'SUCCEEDED');
    assert.equal(described.output, '{"n":1}');
    await sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{}' }));
    const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn }));
    assert.equal(listed.executions?.length, 2);
    const badInput = await rejection(() => sfn.send(new StartExecutionCommand({ stateMachineArn, input: 'not json' })));
    assert.equal(badInput.name, 'InvalidExecutionInput');
    const express = await sfn.send(new CreateStateMachineCommand({ name: 'Quick', definition: DEFINITION, roleArn: ROLE, type: 'EXPRESS' }));
    const expressRun = await sfn.send(new StartExecutionCommand({ stateMachineArn: express.stateMachineArn }));
    assert.match(expressRun.executionArn!, /:express:Quick:/);
    const notListed = await rejection(() => sfn.send(new ListExecutionsCommand({ stateMachineArn: express.stateMachineArn })));
    assert.equal(notListed.name, 'StateMachineTypeNotSupported');
  });

  it('creates, describes, lists and deletes activities', async () => {
    const { activityArn } = await sfn.send(new CreateActivityCommand({ name: 'Approve', encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/a' } }));
    const described = await sfn.send(new DescribeActivityCommand({ activityArn }));
    assert.equal(described.name, 'Approve');
    assert.equal(described.encryptionConfiguration?.type, 'CUSTOMER_MANAGED_KMS_KEY');
    const changed = await rejection(() => sfn.send(new CreateActivityCommand({ name: 'Approve' })));
    assert.equal(changed.name, 'ActivityAlreadyExists');
    assert.ok((await sfn.send(new ListActivitiesCommand({}))).activities?.some((a) => a.activityArn === activityArn));
    await sfn.send(new DeleteActivityCommand({ activityArn }));
    assert.equal((await rejection(() => sfn.send(new DescribeActivityCommand({ activityArn: activityArn! })))).name, 'ActivityDoesNotExist');
  });

  it('tags state machines', async () => {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'Tagged', definition: DEFINITION, roleArn: ROLE, tags: [{ key: 'a', value: '1' }] }));
    await sfn.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags: [{ key: 'b', value: '2' }] }));
    const { tags } = await sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }));
    assert.deepEqual(tags, [{ key: 'a', value: '1' }, { key: 'b', value: '2' }]);
  });

  it('pages ListStateMachines across 3+ pages with opaque tokens and refuses a forged token', async () => {
    const other = clients(emulator, 'ap-south-1').sfn;
    for (let i = 0; i < 25; i++) await other.send(new CreateStateMachineCommand({ name: `page-${i}`, definition: DEFINITION, roleArn: ROLE }));
    const names: string[] = [];
    let pages = 0;
    let nextToken: string | undefined;
    do {
      const page = await other.send(new ListStateMachinesCommand({ nextToken }));
      pages++;
      assert.ok((page.stateMachines?.length ?? 0) <= 10);
      names.push(...(page.stateMachines ?? []).map((m) => m.name!));
      nextToken = page.nextToken;
    } while (nextToken);
    assert.equal(pages, 3);
    assert.equal(new Set(names).size, 25);
    const small = await other.send(new ListStateMachinesCommand({ maxResults: 4 }));
    assert.equal(small.stateMachines?.length, 4);
    const forged = await rejection(() => other.send(new ListStateMachinesCommand({ nextToken: 'not-a-token' })));
    assert.equal(forged.name, 'InvalidToken');
    // Regions are separate.
    assert.ok(!(await sfn.send(new ListStateMachinesCommand({ maxResults: 1000 }))).stateMachines?.some((m) => m.name === 'page-0'));
  });
});
