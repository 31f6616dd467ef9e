import assert from 'node:assert/strict';
import { partitionOfRegion, parseArn, validateRoleArn } from '../../../src/core/rules/arns';
import { classifyKmsKeyId, encryptionProblems, validateEncryption, validateKmsDataKeyReusePeriod, validateKmsKeyId } from '../../../src/core/rules/kms';
import {
  nextPatchVersion,
  validateActivityName,
  validateImageBuilderVersion,
  validateImageBuilderWorkflowName,
  validateMwaaEnvironmentName,
  validateMwaaServerlessWorkflowName,
  validateStateMachineName,
  stateMachineNameProblems,
} from '../../../src/core/rules/names';
import { tagProblems } from '../../../src/core/rules/tags';

describe('name validators (for the deploy wizard)', () => {
  it('Step Functions: 1–80 characters without the forbidden ones', () => {
    assert.equal(validateStateMachineName('order-pipeline'), undefined);
    assert.equal(validateStateMachineName('a'.repeat(80)), undefined);
    assert.match(validateStateMachineName('a'.repeat(81))!, /maximum is 80/);
    assert.match(validateStateMachineName('')!, /empty/);
    for (const ch of [' ', '<', '{', '[', '?', '*', '"', '#', '%', '\\', '^', '|', '~', '`', '$', '&', ',', ';', ':', '/', '\u0007', '\u0085']) {
      assert.ok(validateStateMachineName(`a${ch}b`), `'${JSON.stringify(ch)}' is rejected`);
    }
    assert.equal(validateStateMachineName('orders.v2+é'), undefined, 'dots, plus and letters outside ASCII are allowed');
    assert.equal(validateActivityName('approve:manual')?.includes("':'"), true);
  });

  it('warns, without failing, when logging is on and the name has characters outside 0-9A-Za-z_-', () => {
    assert.equal(validateStateMachineName('orders.v2', { loggingEnabled: true }), undefined);
    assert.deepEqual(stateMachineNameProblems('orders.v2', { loggingEnabled: true }).map((p) => [p.code, p.severity]), [['sfn/name-not-logging-safe', 'warning']]);
    assert.deepEqual(stateMachineNameProblems('orders_v2-a', { loggingEnabled: true }), []);
  });

  it('Image Builder, MWAA Serverless and MWAA environment names', () => {
    assert.equal(validateImageBuilderWorkflowName('hardened build'), undefined);
    assert.ok(validateImageBuilderWorkflowName(' hardened'));
    assert.ok(validateImageBuilderWorkflowName('hb'));
    assert.ok(validateImageBuilderWorkflowName('a'.repeat(129)));
    assert.equal(validateImageBuilderWorkflowName('a'.repeat(128)), undefined);
    assert.equal(validateMwaaServerlessWorkflowName('nightly.etl-v2_x'), undefined);
    assert.ok(validateMwaaServerlessWorkflowName('_nightly'));
    assert.ok(validateMwaaServerlessWorkflowName('a'.repeat(256)));
    assert.equal(validateMwaaEnvironmentName('analytics-prod_2'), undefined);
    assert.ok(validateMwaaEnvironmentName('2-analytics'));
    assert.ok(validateMwaaEnvironmentName('a'.repeat(81)));
  });
});

describe('Image Builder versions', () => {
  it('accepts major.minor.patch up to 2^30−1 per part', () => {
    assert.equal(validateImageBuilderVersion('1.4.0'), undefined);
    assert.equal(validateImageBuilderVersion('2021.01.01'), undefined);
    assert.equal(validateImageBuilderVersion('1073741823.1073741823.1073741823'), undefined);
    assert.match(validateImageBuilderVersion('1.1073741824.0')!, /at most 1073741823/);
    assert.match(validateImageBuilderVersion('v1.4.0')!, /without the leading 'v'/);
    assert.match(validateImageBuilderVersion('+1.4.0')!, /without the leading '\+'/);
    assert.match(validateImageBuilderVersion('1.4.0/2')!, /build number/);
    assert.ok(validateImageBuilderVersion('1.4'));
    assert.ok(validateImageBuilderVersion('1.4.0-beta'));
  });

  it('offers the next patch version after the newest existing one', () => {
    assert.equal(nextPatchVersion([]), '1.0.0');
    assert.equal(nextPatchVersion(['1.4.0', '1.10.2', '1.9.9']), '1.10.3');
    assert.equal(nextPatchVersion(['1.4.0/3', 'arn:aws:imagebuilder:eu-west-1:123456789012:workflow/build/hardened-build/2.0.1/1']), '2.0.2');
    assert.equal(nextPatchVersion(['1.2.1073741823']), '1.3.0');
    assert.equal(nextPatchVersion(['1.1073741823.1073741823']), '2.0.0');
    assert.equal(nextPatchVersion(['1073741823.1073741823.1073741822']), '1073741823.1073741823.1073741823');
    assert.equal(nextPatchVersion(['1073741823.1073741823.1073741823']), undefined, 'no version above the largest');
    assert.equal(nextPatchVersion(['not a version']), '1.0.0');
  });
});

describe('ARNs', () => {
  it('parses ARNs and knows partitions by region', () => {
    assert.deepEqual(parseArn('arn:aws:iam::123456789012:role/x'), { partition: 'aws', service: 'iam', region: '', account: '123456789012', resource: 'role/x' });
    assert.equal(parseArn('alias/x'), undefined);
    assert.equal(partitionOfRegion('cn-north-1'), 'aws-cn');
    assert.equal(partitionOfRegion('us-gov-west-1'), 'aws-us-gov');
    assert.equal(partitionOfRegion('eu-west-1'), 'aws');
  });

  it('validates role ARNs with the models\' pattern, partition-aware', () => {
    assert.equal(validateRoleArn('arn:aws:iam::123456789012:role/service-role/StepFunctions-orders'), undefined);
    assert.equal(validateRoleArn('arn:aws-us-gov:iam::123456789012:role/x', 'us-gov-west-1'), undefined);
    assert.match(validateRoleArn('arn:aws:iam::123456789012:role/x', 'cn-north-1')!, /aws-cn/);
    assert.match(validateRoleArn('arn:aws:iam::12345:role/x')!, /not a valid IAM role ARN/);
    assert.match(validateRoleArn('arn:aws:iam:eu-west-1:123456789012:role/x')!, /no Region/);
    assert.match(validateRoleArn('order-pipeline')!, /not an ARN/);
    assert.match(validateRoleArn('arn:aws:s3:::bucket')!, /s3 ARN/);
  });
});

describe('KMS', () => {
  it('classifies the five key identifier forms', () => {
    const forms = (v: string) => classifyKmsKeyId(v)?.form;
    assert.equal(forms('1234abcd-12ab-34cd-56ef-1234567890ab'), 'keyId');
    assert.equal(forms('mrk-1234abcd12ab34cd56ef1234567890ab'), 'multiRegionKeyId');
    assert.equal(forms('arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'), 'keyArn');
    assert.equal(forms('arn:aws-cn:kms:cn-north-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab'), 'keyArn');
    assert.equal(forms('alias/orders'), 'aliasName');
    assert.equal(forms('arn:aws:kms:eu-west-1:123456789012:alias/orders/prod'), 'aliasArn');
    for (const bad of ['orders', 'alias/', 'mrk-123', '1234abcd', 'arn:aws:kms:eu-west-1:123:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'arn:aws:kms::123456789012:alias/x', 'arn:aws:s3:::bucket']) {
      assert.equal(forms(bad), undefined, bad);
    }
  });

  it('validateKmsKeyId per service, with region', () => {
    assert.equal(validateKmsKeyId('stepFunctions', 'alias/orders'), undefined);
    assert.match(validateKmsKeyId('stepFunctions', 'alias/aws/states')!, /AWS managed/);
    assert.match(validateKmsKeyId('stepFunctions', 'arn:aws:kms:us-east-1:123456789012:alias/x', { region: 'eu-west-1' })!, /us-east-1/);
    assert.equal(validateKmsKeyId('imageBuilder', 'alias/images'), undefined, 'a warning, not an error');
    assert.match(validateKmsKeyId('mwaaServerless', 'etl')!, /alias\/etl/);
  });

  it('the reuse period is a whole number of seconds from 60 to 900', () => {
    assert.equal(validateKmsDataKeyReusePeriod(60), undefined);
    assert.equal(validateKmsDataKeyReusePeriod('900'), undefined);
    assert.ok(validateKmsDataKeyReusePeriod(59));
    assert.ok(validateKmsDataKeyReusePeriod(901));
    assert.ok(validateKmsDataKeyReusePeriod(300.5));
    assert.ok(validateKmsDataKeyReusePeriod('five minutes'));
  });

  it('encryption settings per service', () => {
    assert.equal(validateEncryption('stepFunctions', { type: 'AWS_OWNED_KEY' }), undefined);
    assert.equal(validateEncryption('mwaaServerless', { type: 'AWS_MANAGED_KEY' }), undefined);
    assert.deepEqual(encryptionProblems('stepFunctions', { type: 'CUSTOMER_MANAGED_KMS_KEY' }).map((p) => p.code), ['kms/missing-key']);
    assert.deepEqual(encryptionProblems('mwaaServerless', { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/x' }).map((p) => p.code), ['kms/invalid-encryption-type']);
    assert.deepEqual(encryptionProblems('stepFunctions', { type: 'AWS_OWNED_KEY', kmsKeyId: 'alias/x', kmsDataKeyReusePeriodSeconds: 10 }).map((p) => p.code), ['kms/stray-key', 'kms/stray-key']);
    const roleAccount = '111111111111';
    assert.deepEqual(encryptionProblems('stepFunctions', { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab' }, { region: 'eu-west-1', roleAccount, otherAccounts: [{ account: '222222222222', where: 'x' }] }), [], 'a key ARN in another account is fine');
  });
});

describe('tags per service', () => {
  it('takes each service\'s limits from the models', () => {
    const fifty = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    assert.deepEqual(tagProblems('imageBuilder', fifty).map((p) => p.code), ['tags/too-many']);
    assert.deepEqual(tagProblems('mwaaServerless', fifty).map((p) => p.code), ['tags/too-many']);
    assert.deepEqual(tagProblems('stepFunctions', { 'team é': 'a b_c.d:e/f=g+h-i@j' }), [], 'Unicode letters, spaces and the listed symbols');
    assert.deepEqual(tagProblems('mwaaServerless', { 'team#1': 'x$' }), [], 'MWAA Serverless has no character rule in its model');
    assert.deepEqual(tagProblems('mwaa', { team: '' }).map((p) => p.code), ['tags/value-length'], 'MWAA tag values need at least one character');
    assert.deepEqual(tagProblems('stepFunctions', { 'AWS:owner': 'x' }).map((p) => p.code), ['tags/reserved-prefix']);
  });
});
