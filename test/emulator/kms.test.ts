// Customer managed keys that refuse: seeded key states, the kms* faults, and what the product
// makes of them (src/aws/stepFunctionsContent.ts, src/aws/errors.ts), through the real SDK.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateStateMachineCommand, DescribeStateMachineCommand, DescribeStateMachineForExecutionCommand, StartExecutionCommand, StartSyncExecutionCommand,
  UpdateStateMachineCommand, type SFNClient,
} from '@aws-sdk/client-sfn';
import { AwsActionError } from '../../src/aws/errors';
import { AwsSession } from '../../src/aws/session';
import { describeExecutionContent, describeStateMachineContent, withStateMachineKey, type SfnHandle } from '../../src/aws/stepFunctionsContent';
import { MemoryLogger } from '../../src/core/log';
import type { RunningEmulator } from './server';
import { clients, control, rejection, startTestEmulator } from './testSupport';

const REGION = 'us-east-1';
const ARN = (name: string) => `arn:aws:states:${REGION}:000000000000:stateMachine:${name}`;
const DEFINITION = { StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } };
const key = (alias: string) => ({ type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: alias });
const SEED = {
  regions: {
    [REGION]: {
      stateMachines: [
        { name: 'Ledger', definition: DEFINITION, encryption: key('alias/ledger') },
        { name: 'Secret', definition: DEFINITION, encryption: key('alias/secret') },
        { name: 'Vault', definition: DEFINITION, encryption: key('alias/vault') },
        { name: 'Archive', definition: DEFINITION, encryption: key('alias/archive') },
        { name: 'Quick', type: 'EXPRESS', definition: DEFINITION, encryption: key('alias/ledger') },
        { name: 'Plain', definition: DEFINITION },
      ],
      kmsKeys: [
        { keyId: '11111111-2222-3333-4444-555555555555', aliases: ['alias/ledger'] },
        { keyId: '22222222-2222-3333-4444-555555555555', aliases: ['alias/secret'], callerMayDecrypt: false },
        { keyId: '33333333-2222-3333-4444-555555555555', aliases: ['alias/vault'], state: 'PendingDeletion' },
        { keyId: '44444444-2222-3333-4444-555555555555', aliases: ['alias/archive'], state: 'Disabled' },
      ],
    },
  },
};

describe('customer managed KMS keys (emulator + the product)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let dir: string;
  let session: AwsSession;
  let handle: SfnHandle;
  let raw: SFNClient;

  const fault = (operation: string, kind: string, count = 1) => control(emulator, 'POST', '/faults', { operation, kind, count });
  const pending = () => control<unknown[]>(emulator, 'GET', '/faults');
  const logged = async (operation: string) =>
    (await control<{ operation: string; status: number; body: { includedData?: string } }[]>(emulator, 'GET', '/requests')).filter((r) => r.operation === operation);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aws-workflows-kms-'));
    writeFileSync(join(dir, 'seed.json'), JSON.stringify(SEED));
    emulator = await startTestEmulator({ seed: join(dir, 'seed.json') });
    session = new AwsSession({
      logger: new MemoryLogger(),
      env: { AWS_ENDPOINT_URL: emulator.endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: REGION, AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') },
      retry: { baseDelayMs: 1, throttlingBaseDelayMs: 1 },
    });
    handle = await session.sfn(REGION);
    raw = clients(emulator).sfn;
  });
  beforeEach(async () => {
    await control(emulator, 'DELETE', '/faults');
    await control(emulator, 'DELETE', '/requests');
  });
  after(async () => {
    session?.dispose();
    raw?.destroy();
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a kms fault waits for a request that needs the key: METADATA_ONLY and AWS-owned keys leave it queued', async () => {
    await fault('DescribeStateMachine', 'kmsAccessDenied');
    const metadata = await raw.send(new DescribeStateMachineCommand({ stateMachineArn: ARN('Ledger'), includedData: 'METADATA_ONLY' }));
    assert.equal(metadata.definition, '{}');
    assert.deepEqual(metadata.encryptionConfiguration, { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/ledger', kmsDataKeyReusePeriodSeconds: 300 });
    await raw.send(new DescribeStateMachineCommand({ stateMachineArn: ARN('Plain') }));
    assert.equal((await pending()).length, 1);
    const denied = await rejection(() => raw.send(new DescribeStateMachineCommand({ stateMachineArn: ARN('Ledger'), includedData: 'ALL_DATA' })));
    assert.equal(denied.name, 'KmsAccessDeniedException');
    assert.match(denied.message, /not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:000000000000:key\/11111111-2222-3333-4444-555555555555/);
    assert.equal((await pending()).length, 0);
  });

  it('reads a definition the caller may not decrypt with METADATA_ONLY and says which key and which permission', async () => {
    const content = await describeStateMachineContent(handle, ARN('Secret'), { region: REGION, resource: 'Secret' });
    assert.equal(content.unreadable, 'The definition of Secret is encrypted with alias/secret; reading it needs kms:Decrypt on that key.');
    assert.equal(content.machine.definition, undefined, 'the METADATA_ONLY placeholder is not passed on as a definition');
    assert.equal(content.machine.roleArn, 'arn:aws:iam::000000000000:role/EmulatorWorkflowsRole');
    assert.equal(content.machine.encryptionConfiguration?.kmsKeyId, 'alias/secret');
    assert.deepEqual((await logged('DescribeStateMachine')).map((r) => [r.body.includedData, r.status]), [['ALL_DATA', 400], ['METADATA_ONLY', 200]]);

    const readable = await describeStateMachineContent(handle, ARN('Ledger'), { region: REGION, resource: 'Ledger' });
    assert.equal(readable.unreadable, undefined);
    assert.deepEqual(JSON.parse(readable.machine.definition!), DEFINITION);
  });

  it('a disabled key or one pending deletion: the message names the key, its state and what to do', async () => {
    await fault('DescribeStateMachine', 'kmsDisabled');
    const disabled = await rejection<AwsActionError>(() => describeStateMachineContent(handle, ARN('Ledger'), { region: REGION, resource: 'Ledger' }));
    assert.equal(disabled.message, 'Step Functions DescribeStateMachine for Ledger in us-east-1 failed: the KMS key alias/ledger is disabled (DISABLED). Enable the key in AWS KMS, then try again.');
    const seededDisabled = await rejection<AwsActionError>(() => describeStateMachineContent(handle, ARN('Archive'), { region: REGION, resource: 'Archive' }));
    assert.equal(seededDisabled.message, 'Step Functions DescribeStateMachine for Archive in us-east-1 failed: the KMS key alias/archive is disabled (DISABLED). Enable the key in AWS KMS, then try again.');
    const deleting = await rejection<AwsActionError>(() => describeStateMachineContent(handle, ARN('Vault'), { region: REGION, resource: 'Vault' }));
    assert.equal(deleting.message, 'Step Functions DescribeStateMachine for Vault in us-east-1 failed: the KMS key alias/vault is pending deletion (PENDING_DELETION). Cancel its deletion in AWS KMS and enable it, then try again.');
    assert.equal(deleting.kind, 'kms-invalid-state');
  });

  it('KMS throttling is retried like any throttling, then named with the key', async () => {
    await fault('DescribeStateMachine', 'kmsThrottle');
    const content = await describeStateMachineContent(handle, ARN('Ledger'), { region: REGION, resource: 'Ledger' });
    assert.deepEqual(JSON.parse(content.machine.definition!), DEFINITION);
    assert.deepEqual((await logged('DescribeStateMachine')).map((r) => r.status), [400, 200], 'one refusal, one retry');

    await fault('DescribeStateMachine', 'kmsThrottle', 3);
    const throttled = await rejection<AwsActionError>(() => describeStateMachineContent(handle, ARN('Ledger'), { region: REGION, resource: 'Ledger' }));
    assert.equal(throttled.message, 'Step Functions DescribeStateMachine for Ledger in us-east-1 failed: AWS KMS is throttling requests for the KMS key alias/ledger (retried 2 times). Wait a moment and try again; if it persists, ask for a higher KMS request quota.');
  });

  it('executions: starting needs kms:GenerateDataKey; reading input and output needs kms:Decrypt, else METADATA_ONLY', async () => {
    await fault('StartExecution', 'kmsAccessDenied');
    const ctx = { service: 'states', operation: 'StartExecution', region: REGION, resource: 'Ledger' } as const;
    const denied = await rejection<AwsActionError>(() => withStateMachineKey(handle, ARN('Ledger'), ctx, () => handle.client.send(new StartExecutionCommand({ stateMachineArn: ARN('Ledger') }))));
    assert.equal(denied.message, "Step Functions StartExecution for Ledger in us-east-1 failed: your identity may not use the KMS key alias/ledger. It needs kms:GenerateDataKey on that key; ask the key's administrator to allow it in the key policy or an IAM policy, or choose a profile that has it.");

    const started = await handle.client.send(new StartExecutionCommand({ stateMachineArn: ARN('Secret'), name: 'run-1', input: '{"card":"4111"}' }));
    const content = await describeExecutionContent(handle, started.executionArn!, { region: REGION });
    assert.equal(content.unreadable, 'The input and output of execution run-1 are encrypted with alias/secret; reading them needs kms:Decrypt on that key.');
    assert.equal(content.execution.status, 'SUCCEEDED');
    assert.equal(content.execution.output, undefined);
    assert.equal(content.execution.input, undefined);

    const open = await handle.client.send(new StartExecutionCommand({ stateMachineArn: ARN('Ledger'), name: 'run-2', input: '{"n":1}' }));
    const readable = await describeExecutionContent(handle, open.executionArn!, { region: REGION });
    assert.equal(readable.unreadable, undefined);
    assert.equal(readable.execution.output, '{"n":1}');
  });

  it('DescribeStateMachineForExecution answers what the execution ran, METADATA_ONLY without the definition', async () => {
    const started = await raw.send(new StartExecutionCommand({ stateMachineArn: ARN('Ledger'), name: 'before-update' }));
    const changed = { StartAt: 'Other', States: { Other: { Type: 'Succeed' } } };
    await raw.send(new UpdateStateMachineCommand({ stateMachineArn: ARN('Ledger'), definition: JSON.stringify(changed) }));
    const ran = await raw.send(new DescribeStateMachineForExecutionCommand({ executionArn: started.executionArn }));
    assert.deepEqual(JSON.parse(ran.definition!), DEFINITION, 'the definition it started with');
    assert.equal(ran.encryptionConfiguration?.kmsKeyId, 'alias/ledger');
    const meta = await raw.send(new DescribeStateMachineForExecutionCommand({ executionArn: started.executionArn, includedData: 'METADATA_ONLY' }));
    assert.equal(meta.definition, '{}');
    assert.equal(meta.name, 'Ledger');
    await raw.send(new UpdateStateMachineCommand({ stateMachineArn: ARN('Ledger'), definition: JSON.stringify(DEFINITION) }));
  });

  it('StartSyncExecution reaches the emulator through an endpoint override (no sync- host prefix) and runs Express only', async () => {
    const out = await handle.client.send(new StartSyncExecutionCommand({ stateMachineArn: ARN('Quick'), name: 'sync-1', input: '{"a":1}' }));
    assert.equal(out.status, 'SUCCEEDED');
    assert.equal(out.output, '{"a":1}');
    assert.match(out.executionArn ?? '', /:express:Quick:sync-1$/);
    const meta = await handle.client.send(new StartSyncExecutionCommand({ stateMachineArn: ARN('Quick'), includedData: 'METADATA_ONLY' }));
    assert.equal(meta.output, undefined);
    assert.equal(meta.outputDetails?.included, false);
    const standard = await rejection(() => handle.client.send(new StartSyncExecutionCommand({ stateMachineArn: ARN('Plain') })));
    assert.equal(standard.name, 'StateMachineTypeNotSupported');
  });

  it('creates with a customer key take the fault (kms:GenerateDataKey); creates with the AWS-owned key do not', async () => {
    await fault('CreateStateMachine', 'kmsAccessDenied');
    await raw.send(new CreateStateMachineCommand({ name: 'Owned', definition: JSON.stringify(DEFINITION), roleArn: 'arn:aws:iam::000000000000:role/r' }));
    assert.equal((await pending()).length, 1);
    const denied = await rejection(() =>
      raw.send(new CreateStateMachineCommand({ name: 'Keyed', definition: JSON.stringify(DEFINITION), roleArn: 'arn:aws:iam::000000000000:role/r', encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/ledger' } })));
    assert.equal(denied.name, 'KmsAccessDeniedException');
    assert.match(denied.message, /kms:GenerateDataKey/);
    const onDisabled = await rejection(() =>
      raw.send(new CreateStateMachineCommand({ name: 'Keyed', definition: JSON.stringify(DEFINITION), roleArn: 'arn:aws:iam::000000000000:role/r', encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/archive' } })));
    assert.equal(onDisabled.name, 'InvalidEncryptionConfiguration', 'CreateStateMachine has no KmsInvalidStateException in the model');
  });
});
