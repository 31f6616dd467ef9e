import assert from 'node:assert/strict';
import { checkEntryField } from '../../../src/deploy/engine/wizardChecks';

describe('deploy wizard checks (the manifest diagnostics on one answer)', () => {
  it('rejects names the service would reject and accepts good ones', () => {
    assert.match(checkEntryField('stateMachine', 'order pipeline', {}, '') ?? '', /./);
    assert.equal(checkEntryField('stateMachine', 'order-pipeline', {}, ''), undefined);
    assert.match(checkEntryField('imageBuilderWorkflow', 'ab', {}, '') ?? '', /./);
  });

  it('rejects a role ARN that is not one, and accepts a role ARN', () => {
    assert.match(checkEntryField('stateMachine', 'sm', { roleArn: 'order-role' }, 'roleArn') ?? '', /./);
    assert.equal(checkEntryField('stateMachine', 'sm', { roleArn: 'arn:aws:iam::123456789012:role/order' }, 'roleArn'), undefined);
  });

  it('checks a customer managed key against the service it is for', () => {
    assert.match(checkEntryField('stateMachine', 'sm', { encryption: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'not a key' } }, 'encryption.kmsKeyId') ?? '', /./);
    assert.equal(checkEntryField('stateMachine', 'sm', { encryption: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/orders' } }, 'encryption.kmsKeyId'), undefined);
  });
});
