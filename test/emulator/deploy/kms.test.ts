// Deploying a state machine whose customer managed key the deployer may not decrypt with, or
// whose key is disabled: the engine over real HTTP against the emulator's kms* faults.

import assert from 'node:assert/strict';
import { deployTarget, updateDetail, type UpdatePlan } from '../../../src/deploy/engine';
import { control, options, REGION, requests, state, useEmulator, Workspace } from './support';

const ARN = `arn:aws:states:${REGION}:000000000000:stateMachine:order-pipeline`;
const MANIFEST = `stateMachines:
  order-pipeline:
    definition: order.asl.json
    roleArn: arn:aws:iam::000000000000:role/order-pipeline
    encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/orders }
`;
const DEFINITION = JSON.stringify({ StartAt: 'Charge', States: { Charge: { Type: 'Pass', End: true } } });

describe('deploying a state machine whose KMS key refuses', function () {
  this.timeout(30000);
  const suite = useEmulator();
  let ws: Workspace;

  beforeEach(async () => {
    const { emulator, session } = suite;
    await control(emulator, 'POST', 'reset', {});
    ws = new Workspace().write('aws-workflows.yaml', MANIFEST).write('order.asl.json', DEFINITION);
    const created = await deployTarget(ws.target('order-pipeline'), options(session));
    assert.equal(created.action, 'created', created.message);
    await control(emulator, 'DELETE', 'requests');
  });
  afterEach(() => ws.dispose());

  it('without kms:Decrypt it cannot compare, asks with the reason, and updates: never "unchanged"', async () => {
    await control(suite.emulator, 'POST', 'faults', { operation: 'DescribeStateMachine', kind: 'kmsAccessDenied' });
    let plan: UpdatePlan | undefined;
    const result = await deployTarget(ws.target('order-pipeline'), options(suite.session, { hooks: { confirmUpdate: async (p) => { plan = p; return true; } } }));
    const reason = 'The definition of order-pipeline is encrypted with alias/orders; reading it needs kms:Decrypt on that key.';
    assert.equal(result.action, 'updated', result.message);
    assert.equal(result.message, `Updated state machine order-pipeline in ${REGION} (definition). ${reason}`);
    assert.deepEqual(result.warnings, [`${reason} The deploy cannot compare it with the local definition, so it updates it.`]);
    assert.equal(plan?.cannotCompare, reason);
    assert.equal(plan?.deployedDefinition, undefined, 'no Compare with Deployed for content that was not read');
    assert.deepEqual(plan?.changes.map((c) => c.summary), ['definition (the deployed one could not be read to compare)']);
    assert.equal(updateDetail(plan!), `This changes: definition (the deployed one could not be read to compare). ${reason} Executions already running keep the definition and role they started with.`);
    const describes = await requests(suite.emulator, 'DescribeStateMachine');
    assert.deepEqual(describes.map((r) => r.body.includedData), ['ALL_DATA', 'METADATA_ONLY']);
    assert.equal((await requests(suite.emulator, 'UpdateStateMachine')).length, 1);
    assert.equal(JSON.parse((await state(suite.emulator)).regions[REGION].states.stateMachines[ARN].definition).StartAt, 'Charge');

    // With the key readable again, the same definition is "unchanged".
    const again = await deployTarget(ws.target('order-pipeline'), options(suite.session));
    assert.equal(again.action, 'unchanged', again.message);
  });

  it('a disabled key fails the deploy, naming the key and its state', async () => {
    await control(suite.emulator, 'POST', 'faults', { operation: 'DescribeStateMachine', kind: 'kmsDisabled' });
    const result = await deployTarget(ws.target('order-pipeline'), options(suite.session));
    assert.equal(result.action, 'failed');
    assert.equal(result.message, `Step Functions DescribeStateMachine for order-pipeline in ${REGION} failed: the KMS key alias/orders is disabled (DISABLED). Enable the key in AWS KMS, then try again.`);
    assert.equal((await requests(suite.emulator, 'UpdateStateMachine')).length, 0);
  });

  it('an activity the key refuses names its key', async () => {
    ws.write('aws-workflows.yaml', `${MANIFEST}activities:\n  approvals:\n    encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/approvals }\n`);
    await control(suite.emulator, 'POST', 'faults', { operation: 'CreateActivity', kind: 'kmsAccessDenied' });
    const result = await deployTarget(ws.target('approvals'), options(suite.session));
    assert.equal(result.message, `Step Functions CreateActivity for approvals in ${REGION} failed: your identity may not use the KMS key alias/approvals. It needs kms:GenerateDataKey on that key; ask the key's administrator to allow it in the key policy or an IAM policy, or choose a profile that has it.`);
  });

  it('an update the key refuses (kms:GenerateDataKey) names the key', async () => {
    ws.write('order.asl.json', JSON.stringify({ StartAt: 'Ship', States: { Ship: { Type: 'Succeed' } } }));
    await control(suite.emulator, 'POST', 'faults', { operation: 'UpdateStateMachine', kind: 'kmsAccessDenied' });
    const result = await deployTarget(ws.target('order-pipeline'), options(suite.session));
    assert.equal(result.action, 'failed');
    assert.equal(result.message, `Step Functions UpdateStateMachine for order-pipeline in ${REGION} failed: your identity may not use the KMS key alias/orders. It needs kms:GenerateDataKey on that key; ask the key's administrator to allow it in the key policy or an IAM policy, or choose a profile that has it.`);
  });

});
